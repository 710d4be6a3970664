"""meetup time zone; community time zone settled

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 04:50:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("meetups", schema=None) as batch_op:
        # "" for meetups made before: they were read in the community's zone
        batch_op.add_column(
            sa.Column("timezone", sa.String(length=64), server_default="", nullable=False)
        )
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("timezone_settled", sa.Boolean(), server_default="0", nullable=False)
        )
    # a zone other than UTC was chosen by someone: nobody needs telling it was never set
    op.execute(
        sa.text(
            "UPDATE communities SET timezone_settled = :yes WHERE timezone <> 'UTC'"
        ).bindparams(yes=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("communities", schema=None) as batch_op:
        batch_op.drop_column("timezone_settled")
    with op.batch_alter_table("meetups", schema=None) as batch_op:
        batch_op.drop_column("timezone")
