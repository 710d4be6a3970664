"""public meetup pages

A community's switch for public meetup pages and its invite link; each meetup's page token
(random, made when the page is first linked).

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

import bot.store.schema

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("public_pages", sa.Boolean(), server_default="0", nullable=False)
        )
        batch_op.add_column(
            sa.Column("invite_url", sa.String(length=300), server_default="", nullable=False)
        )
    op.create_table(
        "meetup_pages",
        sa.Column("meetup_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                  nullable=False),
        sa.Column("token", sa.String(length=32), nullable=False),
        sa.Column("created_at", bot.store.schema.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["meetup_id"], ["meetups.id"],
            name=op.f("fk_meetup_pages_meetup_id_meetups"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("meetup_id", name=op.f("pk_meetup_pages")),
        sa.UniqueConstraint("token", name=op.f("uq_meetup_pages_token")),
    )


def downgrade() -> None:
    op.drop_table("meetup_pages")
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.drop_column("invite_url")
        batch_op.drop_column("public_pages")
