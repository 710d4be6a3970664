"""calendar feeds

Secret, revocable calendar feed addresses (one per member who asked, one per community), and
an index that makes a feed's version, max(meetups.updated_at) of a community, one lookup.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

import bot.store.schema

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_feeds",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("community_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("user_id", sa.String(length=64), nullable=False),
        sa.Column("created_at", bot.store.schema.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["community_id"], ["communities.id"],
            name=op.f("fk_calendar_feeds_community_id_communities"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_calendar_feeds")),
        sa.UniqueConstraint(
            "community_id", "user_id", name=op.f("uq_calendar_feeds_community_id_user_id")
        ),
    )
    with op.batch_alter_table("meetups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_meetups_community_id_updated_at"), ["community_id", "updated_at"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("meetups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meetups_community_id_updated_at"))
    op.drop_table("calendar_feeds")
