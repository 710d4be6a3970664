"""Reminders and the follow-up after the event: scheduling them as members answer and
meetups move, and delivering them when due (the `remind` and `followup` job kinds)."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from bot import render
from bot.domain.community import Community, Member
from bot.domain.jobs import Job, JobSpec
from bot.domain.meetups import Meetup, Status
from bot.domain.reminders import due_reminders, format_lead, still_worth_sending
from bot.domain.rsvps import Rsvp, RsvpStatus
from bot.handlers.context import Services
from bot.handlers.feature import Feature, JobKind, each
from bot.handlers.notify import meetup_place
from bot.handlers.welcome import post_follow_up
from bot.outbox import CLOCK_SKEW, FAN_OUT_CONCURRENCY, Delivery, Outbox
from bot.ports import ChatError
from bot.types import Bold, Text, UserRef

log = logging.getLogger(__name__)

FOLLOW_UP_DELAY = timedelta(hours=3)
"""The follow-up ("How was it?") is posted this long after the meetup starts."""
# Meetups rescheduled per transaction when lead times change (bench/leads_bench.py). SQLite's
# writes run on the event loop, so its batches are small (about 7 ms each) and other events
# run between them; on PostgreSQL the loop stays free and each commit waits for the disk, so
# batches are larger (RSVPs to those meetups wait for one batch at most).
RESCHEDULE_BATCH = {"sqlite": 50, "postgresql": 500}


def reminder_key(job: Job) -> str:
    """The dedupe key a reminder DM carries (the first of the member's jobs it answers)."""
    return f"remind:{job.id}"


def effective_leads(community: Community, member: Member | None) -> tuple[int, ...]:
    if member is not None and member.reminder_leads is not None:
        return member.reminder_leads
    return community.reminder_leads


def wants_reminders(community: Community, status: RsvpStatus) -> bool:
    return status is RsvpStatus.GOING or (status is RsvpStatus.MAYBE and community.remind_maybe)


def reminder_specs(
    community: Community, m: Meetup, user_id: str, member: Member | None, now: datetime
) -> list[JobSpec]:
    if m.starts_at is None:
        return []
    return [
        REMIND.spec(
            community.id, m.id, due, user_id=user_id, lead_minutes=lead, sequence=m.sequence
        )
        for lead, due in due_reminders(m.starts_at, effective_leads(community, member), now)
    ]


def follow_up_spec(community: Community, m: Meetup) -> list[JobSpec]:
    if m.starts_at is None:
        return []
    return [FOLLOW_UP.spec(community.id, m.id, m.starts_at + FOLLOW_UP_DELAY, sequence=m.sequence)]


async def reschedule_member(
    services: Services, community: Community, m: Meetup, user_id: str, status: RsvpStatus
) -> None:
    """Make the member's pending reminders for this meetup match their answer."""
    specs: list[JobSpec] = []
    if wants_reminders(community, status) and m.status is Status.SCHEDULED:
        member = await services.store.member(community.id, user_id)
        specs = reminder_specs(community, m, user_id, member, services.clock.now())
    await services.jobs.replace(m.id, (REMIND.name,), user_id, specs)


async def reschedule_meetup(services: Services, community: Community, m: Meetup) -> None:
    """After the time changed (edit, poll closed): every reminder and the follow-up anew."""
    store = services.store
    specs: list[JobSpec] = []
    if m.status is Status.SCHEDULED:
        rsvps = await store.rsvps(m.id)
        members = await store.members(community.id, (r.user_id for r in rsvps))
        specs = follow_up_spec(community, m)
        now = services.clock.now()
        for r in rsvps:
            if wants_reminders(community, r.status):
                specs += reminder_specs(community, m, r.user_id, members.get(r.user_id), now)
    await services.jobs.replace(m.id, (REMIND.name, FOLLOW_UP.name), None, specs)
    if services.after_meetup_scheduled is not None:
        await services.after_meetup_scheduled(services, community, m)


def plan_reminders(
    community: Community,
    meetups: list[Meetup],
    rsvps: list[Rsvp],
    members: Mapping[str, Member],
    now: datetime,
) -> list[JobSpec]:
    """The reminders these meetups' answers call for (at each member's current leads)."""
    by_id = {m.id: m for m in meetups if m.status is Status.SCHEDULED}
    specs: list[JobSpec] = []
    for r in rsvps:
        m = by_id.get(r.meetup_id)
        if m is not None and wants_reminders(community, r.status):
            specs += reminder_specs(community, m, r.user_id, members.get(r.user_id), now)
    return specs


async def reschedule_all_reminders(
    services: Services, community: Community, user_id: str | None = None
) -> int:
    """After lead times changed: rebuild the pending reminders of every coming meetup (only
    one member's, if given), a batch of meetups per transaction, yielding to the event
    loop between batches. Returns how many meetups were rescheduled."""
    now = services.clock.now()
    store, after, done = services.store, None, 0
    batch = RESCHEDULE_BATCH.get(store.dialect, 100)

    def plan(ms: list[Meetup], rs: list[Rsvp], members: Mapping[str, Member]) -> list[JobSpec]:
        return plan_reminders(community, ms, rs, members, now)

    while page := await store.scheduled_page(community.id, now, after, batch, user_id):
        await services.jobs.rebuild_reminders([mid for _, mid in page], plan, user_id)
        after, done = page[-1], done + len(page)
        await asyncio.sleep(0)  # let other events run between batches
    return done


# --- delivery ------------------------------------------------------------------------------------


async def deliver_reminders(
    services: Services, community: Community, m: Meetup, jobs: Sequence[Job]
) -> dict[int, str]:
    """One DM per member for this meetup's due reminders (two leads due at once: one)."""
    now = services.clock.now()
    if m.status is not Status.SCHEDULED:
        return {j.id: "not-scheduled" for j in jobs}
    if not still_worth_sending(m.starts_at, now):
        log.info("skipping %d reminders for meetup %s: it has already started", len(jobs), m.id)
        return {j.id: "skipped-started" for j in jobs}
    answered, shown = await services.store.rsvps_and_consent(m.id, community.id)
    rsvps = {r.user_id: r for r in answered}
    going = [r for r in answered if r.status is RsvpStatus.GOING]
    who = render.names(going, shown, community.platform)
    outcomes: dict[int, str] = {}
    deliveries: list[Delivery] = []
    job_of: dict[str, list[int]] = defaultdict(list)
    wanted: list[Job] = []
    for job in jobs:
        r = rsvps.get(job.user_id or "")
        if r is None or not wants_reminders(community, r.status):
            outcomes[job.id] = "no-longer-going"
        else:
            wanted.append(job)
    earlier = await _sent_earlier(services, community.platform, rsvps, wanted)
    for job in wanted:
        r = rsvps[job.user_id or ""]
        if r.user_id in earlier:
            outcomes[job.id] = "sent-earlier"
            continue
        if job.user_id in job_of:  # two leads due at once: one message is enough
            job_of[job.user_id].append(job.id)
            continue
        job_of[r.user_id].append(job.id)
        lead = f"in {format_lead(job.lead_minutes)}" if job.lead_minutes else "soon"
        msg = render.reminder(m, community.timezone, who, lead)
        deliveries.append(
            Delivery(
                UserRef(community.platform, r.user_id, r.user_name),
                replace(msg, dedupe_key=reminder_key(job)),
            )
        )
    if deliveries:
        body = (Bold(f"Reminder: #{m.id} {m.title}"), Text(" is coming up; see its card."))
        reached, fallback = await _batch_outbox(services.outbox, wanted).dm_many(
            deliveries, meetup_place(community, m), body
        )
        for user in reached:
            outcomes.update({i: "sent" for i in job_of[user.id]})
        for user in fallback:
            outcomes.update({i: "channel" for i in job_of[user.id]})
    return outcomes


def _batch_outbox(outbox: Outbox, jobs: Sequence[Job]) -> Outbox:
    """The outbox of one meetup's batch of reminders. Its one channel post (the closed-DM
    fallback) is keyed by the batch's first job, claimed again if any of them was: a batch
    retried after its process died finds the fallback instead of posting it twice."""
    first = min(jobs, key=lambda j: j.id)
    return outbox.for_job(replace(first, attempts=max(j.attempts for j in jobs)))


async def _sent_earlier(
    services: Services, platform: str, rsvps: Mapping[str, Rsvp], jobs: Sequence[Job]
) -> set[str]:
    """The members whose reminder a dead process may have sent (jobs claimed before
    whose claim ran out) and whose DMs hold it: they are not sent it again. Jobs claimed
    for the first time cost nothing here."""
    unknown: dict[str, list[Job]] = defaultdict(list)
    for job in jobs:
        if job.attempts > 1 and job.user_id:
            unknown[job.user_id].append(job)
    if not unknown:
        return set()
    gate = asyncio.Semaphore(FAN_OUT_CONCURRENCY)
    unreadable: list[ChatError] = []

    async def check(user_id: str, theirs: Sequence[Job]) -> str | None:
        user = UserRef(platform, user_id, rsvps[user_id].user_name)
        async with gate:
            for job in theirs:
                try:
                    if await services.outbox.find_sent(
                        user, reminder_key(job), job.due_at - CLOCK_SKEW
                    ):
                        return user_id
                except ChatError as exc:  # sent anyway: at least once rather than lost
                    unreadable.append(exc)
                    return None
        return None

    found = {f for f in await asyncio.gather(*(check(u, js) for u, js in unknown.items())) if f}
    if unreadable:
        log.warning(
            "could not read the DMs of %d members to check their reminders (%s); "
            "sending them",
            len(unreadable),
            unreadable[0],
        )
    log.info(
        "%d reminders of an earlier claim: %d members had theirs already",
        sum(len(js) for js in unknown.values()),
        len(found),
    )
    return found


REMIND = JobKind("remind", "remind:{meetup}:{user}:{lead}:{sequence}", deliver_reminders)
# The follow-up asks "Would you come again?" and thanks first-timers (bot/handlers/welcome.py).
FOLLOW_UP = JobKind("followup", "followup:{meetup}:{sequence}", each(post_follow_up))

FEATURE = Feature("reminders", jobs=(REMIND, FOLLOW_UP))
