"""welcoming newcomers: find us, greeters, first-timers, door buddies, come again, area follows

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 14:40:00.000000
"""

import sqlalchemy as sa
from alembic import op

from bot.store.schema import UTCDateTime

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("meetups", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("find_us", sa.String(length=300), nullable=False, server_default="")
        )
    op.create_table(
        "greeters",
        sa.Column("community_id", ID, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["communities.id"], ondelete="CASCADE",
                                name=op.f("fk_greeters_community_id_communities")),
        sa.PrimaryKeyConstraint("community_id", "user_id", name=op.f("pk_greeters")),
    )
    op.create_table(
        "first_timers",
        sa.Column("meetup_id", ID, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meetup_id"], ["meetups.id"], ondelete="CASCADE",
                                name=op.f("fk_first_timers_meetup_id_meetups")),
        sa.PrimaryKeyConstraint("meetup_id", "user_id", name=op.f("pk_first_timers")),
    )
    op.create_table(
        "buddy_requests",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("meetup_id", ID, nullable=False),
        sa.Column("first_timer_id", sa.String(length=64), nullable=False),
        sa.Column("greeter_id", sa.String(length=64), nullable=True),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meetup_id"], ["meetups.id"], ondelete="CASCADE",
                                name=op.f("fk_buddy_requests_meetup_id_meetups")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_buddy_requests")),
        sa.UniqueConstraint("meetup_id", "first_timer_id",
                            name=op.f("uq_buddy_requests_meetup_id_first_timer_id")),
    )
    op.create_table(
        "buddy_asks",
        sa.Column("request_id", ID, nullable=False),
        sa.Column("greeter_id", sa.String(length=64), nullable=False),
        sa.Column("meetup_id", ID, nullable=False),
        sa.Column("asked_at", UTCDateTime(), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=True),
        sa.ForeignKeyConstraint(["request_id"], ["buddy_requests.id"], ondelete="CASCADE",
                                name=op.f("fk_buddy_asks_request_id_buddy_requests")),
        sa.ForeignKeyConstraint(["meetup_id"], ["meetups.id"], ondelete="CASCADE",
                                name=op.f("fk_buddy_asks_meetup_id_meetups")),
        sa.PrimaryKeyConstraint("request_id", "greeter_id", name=op.f("pk_buddy_asks")),
    )
    op.create_table(
        "come_again",
        sa.Column("meetup_id", ID, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.String(length=8), nullable=False),
        sa.Column("answered_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["meetup_id"], ["meetups.id"], ondelete="CASCADE",
                                name=op.f("fk_come_again_meetup_id_meetups")),
        sa.PrimaryKeyConstraint("meetup_id", "user_id", name=op.f("pk_come_again")),
    )
    op.create_table(
        "area_follows",
        sa.Column("community_id", ID, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["community_id"], ["communities.id"], ondelete="CASCADE",
                                name=op.f("fk_area_follows_community_id_communities")),
        sa.PrimaryKeyConstraint("community_id", "user_id", "city_id",
                                name=op.f("pk_area_follows")),
    )
    op.create_index(op.f("ix_area_follows_community_id_city_id"), "area_follows",
                    ["community_id", "city_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_area_follows_community_id_city_id"), table_name="area_follows")
    for table in ("area_follows", "come_again", "buddy_asks", "buddy_requests",
                  "first_timers", "greeters"):
        op.drop_table(table)
    with op.batch_alter_table("meetups", schema=None) as batch_op:
        batch_op.drop_column("find_us")
