"""series of meetups: the series, its dates, members who always come (issue 16)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 15:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

import bot.store.schema

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_UTC = bot.store.schema.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "series",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("community_id", _ID, nullable=False),
        sa.Column("channel_id", sa.String(length=64), nullable=False),
        sa.Column("thread_id", sa.String(length=64), nullable=True),
        sa.Column("organizer_id", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("venue", sa.String(length=300), server_default="", nullable=False),
        sa.Column("find_us", sa.String(length=300), server_default="", nullable=False),
        sa.Column("city_id", sa.Integer(), nullable=False),
        sa.Column("city_label", sa.String(length=200), nullable=False),
        sa.Column("latitude", sa.Float(), server_default="0", nullable=False),
        sa.Column("longitude", sa.Float(), server_default="0", nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("rrule", sa.String(length=300), nullable=False),
        sa.Column("first_wall", sa.String(length=19), nullable=False),
        sa.Column("post_next", sa.String(length=32), server_default="", nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("sequence", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", _UTC, nullable=False),
        sa.Column("updated_at", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"],
            ["communities.id"],
            name=op.f("fk_series_community_id_communities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_series_community_id_status"), ["community_id", "status"], unique=False
        )
    op.create_table(
        "series_dates",
        sa.Column("series_id", _ID, nullable=False),
        sa.Column("starts_at", _UTC, nullable=False),
        sa.Column("meetup_id", _ID, nullable=True),
        sa.Column("skipped", sa.Boolean(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["meetup_id"],
            ["meetups.id"],
            name=op.f("fk_series_dates_meetup_id_meetups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_series_dates_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("series_id", "starts_at", name=op.f("pk_series_dates")),
    )
    with op.batch_alter_table("series_dates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_series_dates_meetup_id"), ["meetup_id"], unique=False
        )
    op.create_table(
        "series_always",
        sa.Column("series_id", _ID, nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("community_id", _ID, nullable=False),
        sa.Column("user_name", sa.String(length=100), server_default="", nullable=False),
        sa.Column("since", _UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["series_id"],
            ["series.id"],
            name=op.f("fk_series_always_series_id_series"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("series_id", "user_id", name=op.f("pk_series_always")),
    )


def downgrade() -> None:
    op.drop_table("series_always")
    with op.batch_alter_table("series_dates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_dates_meetup_id"))
    op.drop_table("series_dates")
    with op.batch_alter_table("series", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_series_community_id_status"))
    op.drop_table("series")
