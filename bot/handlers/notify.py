"""Telling members about changes by DM, with the channel as the fallback for closed DMs."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot import actions
from bot.calendar import ics
from bot.domain.community import Community
from bot.domain.meetups import Meetup, Status
from bot.handlers.context import Services
from bot.outbox import Delivery
from bot.types import Attachment, Button, Outgoing, Place, Segment, UserRef


def meetup_place(community: Community, m: Meetup) -> Place:
    return Place(community.platform, community.workspace_id, m.channel_id, m.thread_id)



async def meetup_ics(services: Services, community: Community, m: Meetup) -> bytes:
    """A meetup's .ics: a series date's carries its series' UID and RECURRENCE-ID."""
    in_series = await services.store.series_of_meetup(m.id)
    return ics(m, community.platform, services.clock.now(), community.timezone, in_series)

async def answered(services: Services, community: Community, m: Meetup) -> list[UserRef]:
    """Everyone who answered the meetup: RSVPs of any kind, and poll voters."""
    users: dict[str, UserRef] = {}
    for r in await services.store.rsvps(m.id):
        users[r.user_id] = UserRef(community.platform, r.user_id, r.user_name)
    _, votes = await services.store.poll(m.id)
    for v in votes:
        users.setdefault(v.user_id, UserRef(community.platform, v.user_id, v.user_name))
    return list(users.values())


async def notify_answered(
    services: Services,
    community: Community,
    m: Meetup,
    body: Sequence[Segment],
    *,
    exclude: str | None = None,
    skip: Collection[str] = (),
    with_calendar: bool = False,
) -> None:
    users = [
        u for u in await answered(services, community, m) if u.id != exclude and u.id not in skip
    ]
    if not users:
        return
    attachments: tuple[Attachment, ...] = ()
    if with_calendar and m.starts_at is not None:
        attachments = (
            Attachment(
                f"meetup-{m.id}.ics",
                await meetup_ics(services, community, m),
                "text/calendar",
            ),
        )
    buttons: tuple[Button, ...] = ()
    if m.status is Status.SCHEDULED:
        buttons = (Button("Add to calendar", actions.encode("cal", m.id)),)
    msg = Outgoing(body=tuple(body), buttons=buttons, attachments=attachments)
    await services.outbox.dm_many(
        [Delivery(u, msg) for u in users], meetup_place(community, m), tuple(body)
    )
