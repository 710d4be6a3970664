"""inbound events are started, then done

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-07 05:30:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # An event is recorded "started" and marked "done" once answered, so a redelivery after
    # a crash in between applies it. Keys recorded before this were handled: "done".
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("state", sa.String(length=8), nullable=False, server_default="done")
        )


def downgrade() -> None:
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.drop_column("state")
