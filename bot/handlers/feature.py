"""A feature as a value: what one handlers module contributes to the bot.

Each handlers module exports one `FEATURE` naming its commands, button verbs, forms, the DM
buttons it accepts outside a community, the job kinds it runs, and the hooks it offers other
features. The composition root (bot/app.py) lists the features and `bot.routes.assemble`
turns the list into the routing table; nothing is patched in after import.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from bot.actions import Action
from bot.domain.community import Community
from bot.domain.jobs import Job, JobSpec
from bot.domain.meetups import Meetup
from bot.domain.rsvps import RsvpStatus
from bot.handlers.context import Ctx, Services
from bot.ports import ChatError

log = logging.getLogger(__name__)

CommandHandler = Callable[[Ctx, Mapping[str, str]], Awaitable[None]]
ActionHandler = Callable[[Ctx, Action], Awaitable[None]]
FormHandler = Callable[[Ctx, Mapping[str, str]], Awaitable[None]]
# A button clicked in a DM outside any community (Discord): how to find the community from
# the button, given the member (None: not theirs to click).
DirectFinder = Callable[[Services, Action, str], Awaitable[Community | None]]
MessageHook = Callable[[Ctx], Awaitable[None]]
LocationHook = Callable[[Ctx], Awaitable[None]]
ProposalHook = Callable[[Ctx, Meetup], Awaitable[None]]
# After a meetup itself may have changed (edited, cancelled, a poll closed): its cards were
# just refreshed from the store.
ChangeHook = Callable[[Services, Community, Meetup], Awaitable[None]]
# A later date of a series was opened by its job and its card posted (the first date, like
# any proposal, goes through ProposalHook): tell who hears of new meetups there.
DateHook = Callable[[Services, Community, Meetup], Awaitable[None]]
# A meetup's time was set or moved (proposed, poll closed, edited): its timed jobs anew.
ScheduledHook = Callable[[Services, Community, Meetup], Awaitable[None]]
# A member's answer to a meetup changed (before, after): e.g. a door buddy no longer going.
RsvpHook = Callable[[Ctx, Meetup, RsvpStatus | None, RsvpStatus], Awaitable[None]]
# Just before /meetup forget deletes the member's rows: release what others count on.
ForgetHook = Callable[[Ctx], Awaitable[None]]
# A member left the community (the platform said so): release what others count on.
LeftHook = Callable[[Services, Community, str], Awaitable[None]]
# Due jobs of one kind and one meetup -> outcome per job id (a job left out is retried).
JobRunner = Callable[[Services, Community, Meetup, Sequence[Job]], Awaitable[dict[int, str]]]
OneJobRunner = Callable[[Services, Community, Meetup, Job], Awaitable[str]]


@dataclass(frozen=True, slots=True)
class JobKind:
    """A kind of timed job: its stored name, the format of its dedupe key (str.format fields
    `meetup`, `user`, `lead` and any extra ones the caller passes) and what runs it."""

    name: str
    key_format: str
    run: JobRunner

    def spec(
        self,
        community_id: int,
        meetup_id: int,
        due_at: datetime,
        *,
        user_id: str | None = None,
        lead_minutes: int | None = None,
        **key_fields: object,
    ) -> JobSpec:
        key = self.key_format.format(
            meetup=meetup_id, user=user_id, lead=lead_minutes, **key_fields
        )
        return JobSpec(key, self.name, meetup_id, community_id, due_at, user_id, lead_minutes)


def each(run_one: OneJobRunner) -> JobRunner:
    """A runner that handles jobs one by one; a platform failure fails that job only. Each
    job posts through its own outbox (`Outbox.for_job`): a job retried after its process died
    between posting and being marked done does not post the same message twice."""

    async def run(
        services: Services, community: Community, m: Meetup, jobs: Sequence[Job]
    ) -> dict[int, str]:
        outcomes: dict[int, str] = {}
        for job in jobs:
            mine = replace(services, outbox=services.outbox.for_job(job))
            try:
                outcomes[job.id] = await run_one(mine, community, m, job)
            except ChatError as exc:
                log.warning("job %s (%s) failed on the platform: %s", job.id, job.kind, exc)
                outcomes[job.id] = "failed"
        return outcomes

    return run


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    commands: Mapping[str, CommandHandler] = field(default_factory=dict)
    actions: Mapping[str, ActionHandler] = field(default_factory=dict)
    direct_actions: Mapping[str, DirectFinder] = field(default_factory=dict)
    forms: Mapping[str, FormHandler] = field(default_factory=dict)
    jobs: Sequence[JobKind] = ()
    on_message: MessageHook | None = None
    after_location_change: LocationHook | None = None
    after_meetup_proposed: ProposalHook | None = None
    after_meetup_changed: ChangeHook | None = None
    after_meetup_scheduled: ScheduledHook | None = None
    after_date_opened: DateHook | None = None
    after_rsvp: RsvpHook | None = None
    before_forget: ForgetHook | None = None
    after_member_left: LeftHook | None = None


async def meetup_answered(services: Services, action: Action, user_id: str) -> Community | None:
    """The community of the meetup a DM button names, if this member answered that meetup
    (the DM was an invitation, an offer or a reminder to them)."""
    m = await services.store.meetup(action.int_arg(0))
    if m is None or not await services.store.has_answered(m.id, user_id):
        return None
    return await services.store.community_by_id(m.community_id)
