"""followed areas, area roles, native (Discord) events, one-time community notices

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 15:20:00.000000
"""

import sqlalchemy as sa
from alembic import op

from bot.store.schema import UTCDateTime

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "followed_areas",
        sa.Column("community_id", ID, nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=False),
        sa.Column("radius_km", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False, server_default="command"),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], ondelete="CASCADE",
            name="fk_followed_areas_community_id_communities",
        ),
        sa.PrimaryKeyConstraint("community_id", "user_id", "city_id", name="pk_followed_areas"),
    )
    op.create_table(
        "area_roles",
        sa.Column("community_id", ID, nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.String(64), nullable=False),
        sa.Column("group_label", sa.String(100), nullable=False, server_default=""),
        sa.Column("radius_km", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], ondelete="CASCADE",
            name="fk_area_roles_community_id_communities",
        ),
        sa.PrimaryKeyConstraint("community_id", "city_id", name="pk_area_roles"),
    )
    op.create_table(
        "native_events",
        sa.Column("meetup_id", ID, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("fingerprint", sa.String(32), nullable=False, server_default=""),
        sa.ForeignKeyConstraint(
            ["meetup_id"], ["meetups.id"], ondelete="CASCADE",
            name="fk_native_events_meetup_id_meetups",
        ),
        sa.PrimaryKeyConstraint("meetup_id", name="pk_native_events"),
    )
    op.create_index("ix_native_events_event_id", "native_events", ["event_id"])
    op.create_table(
        "native_interest",
        sa.Column("meetup_id", ID, nullable=False),
        sa.Column("user_id", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meetup_id"], ["meetups.id"], ondelete="CASCADE",
            name="fk_native_interest_meetup_id_meetups",
        ),
        sa.PrimaryKeyConstraint("meetup_id", "user_id", name="pk_native_interest"),
    )
    op.create_table(
        "community_notices",
        sa.Column("community_id", ID, nullable=False),
        sa.Column("notice", sa.String(32), nullable=False),
        sa.Column("given_at", UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"], ondelete="CASCADE",
            name="fk_community_notices_community_id_communities",
        ),
        sa.PrimaryKeyConstraint("community_id", "notice", name="pk_community_notices"),
    )


def downgrade() -> None:
    op.drop_table("community_notices")
    op.drop_table("native_interest")
    op.drop_index("ix_native_events_event_id", table_name="native_events")
    op.drop_table("native_events")
    op.drop_table("area_roles")
    op.drop_table("followed_areas")
