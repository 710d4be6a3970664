"""every poll ends: open polls without a deadline get the default one and its job

Polls made before default deadlines had no deadline and never closed by themselves. Data only,
no schema change: each open poll without a deadline gets the default (24 hours before its
earliest option, or the earliest option when that is sooner; a passed one fires at start and
closes or expires the poll) and the pending "poll" job that closes it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 04:50:00
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from bot.store.schema import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

AHEAD = timedelta(hours=24)  # as bot.domain.polls.DEADLINE_AHEAD when this was written

meetups = sa.table(
    "meetups",
    sa.column("id", sa.Integer),
    sa.column("community_id", sa.Integer),
    sa.column("status", sa.String),
    sa.column("deadline", UTCDateTime()),
)
poll_options = sa.table(
    "poll_options", sa.column("meetup_id", sa.Integer), sa.column("starts_at", UTCDateTime())
)
jobs = sa.table(
    "jobs",
    sa.column("job_key", sa.String),
    sa.column("kind", sa.String),
    sa.column("meetup_id", sa.Integer),
    sa.column("community_id", sa.Integer),
    sa.column("due_at", UTCDateTime()),
    sa.column("state", sa.String),
)


def upgrade() -> None:
    conn = op.get_bind()
    now = datetime.now(UTC)
    earliest = sa.func.min(poll_options.c.starts_at, type_=UTCDateTime()).label("earliest")
    polls = conn.execute(
        sa.select(meetups.c.id, meetups.c.community_id, earliest)
        .join(poll_options, poll_options.c.meetup_id == meetups.c.id)
        .where(meetups.c.status == "poll", meetups.c.deadline.is_(None))
        .group_by(meetups.c.id, meetups.c.community_id)
    ).all()
    for poll in polls:
        ahead = poll.earliest - AHEAD
        deadline = ahead if ahead > now else poll.earliest
        conn.execute(meetups.update().where(meetups.c.id == poll.id).values(deadline=deadline))
        conn.execute(
            jobs.insert().values(
                job_key=f"poll:{poll.id}",
                kind="poll",
                meetup_id=poll.id,
                community_id=poll.community_id,
                due_at=deadline,
                state="pending",
            )
        )


def downgrade() -> None:
    pass  # the deadlines and jobs stay valid under the old code
