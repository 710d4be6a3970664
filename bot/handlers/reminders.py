"""Delivering due jobs: DM reminders, the follow-up after the event, seat-offer expiry and
poll deadlines. Called by the job engine with a batch of claimed jobs."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta

from bot import actions, render
from bot.domain.community import Community
from bot.domain.jobs import Job
from bot.domain.meetups import Meetup, Status
from bot.domain.reminders import format_lead, still_worth_sending
from bot.domain.rsvps import Rsvp, RsvpStatus
from bot.handlers.context import Services, wants_reminders
from bot.handlers.notify import meetup_place
from bot.handlers.polls import close_at_deadline
from bot.handlers.rsvps import expire_offer
from bot.outbox import FAN_OUT_CONCURRENCY, Delivery
from bot.ports import ChatError
from bot.store.store import StoreUnavailable
from bot.types import Bold, Button, Outgoing, Text, UserRef

log = logging.getLogger(__name__)

CLOCK_SKEW = timedelta(minutes=5)
"""How far the platform's clock may be behind ours when reading a DM history from a job's
due instant."""


def reminder_key(job: Job) -> str:
    """The dedupe key a reminder DM carries (the first of the member's jobs it answers)."""
    return f"remind:{job.id}"


class JobDelivery:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def __call__(self, jobs: Sequence[Job]) -> dict[int, str]:
        """Deliver a batch meetup by meetup. A meetup whose delivery fails (the store away)
        leaves its jobs out of the outcomes, to be retried after the lease (with a look at
        the DMs first), while what went out for the other meetups is recorded now."""
        outcomes: dict[int, str] = {}
        by_meetup: dict[int, list[Job]] = defaultdict(list)
        for job in jobs:
            by_meetup[job.meetup_id].append(job)
        for meetup_id, group in by_meetup.items():
            try:
                outcomes.update(await self._meetup(meetup_id, group))
            except StoreUnavailable as exc:  # one line for a store that is away
                log.warning("jobs of meetup %s wait for the store (%s)", meetup_id, exc)
            except Exception:
                log.exception("delivering the jobs of meetup %s failed", meetup_id)
        return outcomes

    async def _meetup(self, meetup_id: int, group: Sequence[Job]) -> dict[int, str]:
        m = await self.services.store.meetup(meetup_id)
        community = await self.services.store.community_by_id(group[0].community_id)
        if m is None or community is None:
            return {j.id: "gone" for j in group}
        outcomes: dict[int, str] = {}
        reminders = [j for j in group if j.kind == "remind"]
        if reminders:
            outcomes.update(await self._remind(community, m, reminders))
        for job in group:
            if job.kind == "remind":
                continue
            try:
                outcomes[job.id] = await self._one(community, m, job)
            except ChatError as exc:
                log.warning("job %s (%s) failed on the platform: %s", job.id, job.kind, exc)
                outcomes[job.id] = "failed"
        return outcomes

    async def _one(self, community: Community, m: Meetup, job: Job) -> str:
        if job.kind == "followup":
            return await self._follow_up(community, m)
        if job.kind == "offer" and job.user_id:
            return await expire_offer(self.services, community, m, job.user_id)
        if job.kind == "poll":
            return await close_at_deadline(self.services, community, m)
        return "unknown-kind"

    async def _remind(self, community: Community, m: Meetup, jobs: Sequence[Job]) -> dict[int, str]:
        now = self.services.clock.now()
        if m.status is not Status.SCHEDULED:
            return {j.id: "not-scheduled" for j in jobs}
        if not still_worth_sending(m.starts_at, now):
            log.info("skipping %d reminders for meetup %s: it has already started", len(jobs), m.id)
            return {j.id: "skipped-started" for j in jobs}
        answered, shown = await self.services.store.rsvps_and_consent(m.id, community.id)
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
        earlier = await self._sent_earlier(community.platform, rsvps, wanted)
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
            reached, fallback = await self.services.outbox.dm_many(
                deliveries, meetup_place(community, m), body
            )
            for user in reached:
                outcomes.update({i: "sent" for i in job_of[user.id]})
            for user in fallback:
                outcomes.update({i: "channel" for i in job_of[user.id]})
        return outcomes

    async def _sent_earlier(
        self, platform: str, rsvps: Mapping[str, Rsvp], jobs: Sequence[Job]
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
                        if await self.services.outbox.find_sent(
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

    async def _follow_up(self, community: Community, m: Meetup) -> str:
        if m.status is not Status.SCHEDULED:
            return "not-scheduled"
        going = sum(
            1 for r in await self.services.store.rsvps(m.id) if r.status is RsvpStatus.GOING
        )
        await self.services.outbox.post(
            meetup_place(community, m),
            Outgoing(
                title=f"How was {m.title}?",
                body=(
                    Text(
                        f"#{m.id} in {m.city_label} is over ({going} went). Share photos and "
                        "stories here, and when you're ready, set up the next one."
                    ),
                ),
                buttons=(Button("Propose the next one", actions.encode("next", m.id), "primary"),),
            ),
        )
        return "posted"
