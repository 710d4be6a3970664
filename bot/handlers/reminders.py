"""Delivering due jobs: DM reminders, the follow-up after the event, seat-offer expiry and
poll deadlines. Called by the job engine with a batch of claimed jobs."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from bot import actions, render
from bot.domain.community import Community
from bot.domain.meetups import Meetup, Status
from bot.domain.reminders import format_lead, still_worth_sending
from bot.domain.rsvps import RsvpStatus
from bot.handlers.context import Services, wants_reminders
from bot.handlers.notify import meetup_place
from bot.handlers.polls import close_at_deadline
from bot.handlers.rsvps import expire_offer
from bot.outbox import Delivery
from bot.ports import ChatError
from bot.store.store import Job
from bot.types import Bold, Button, Outgoing, Text, UserRef

log = logging.getLogger(__name__)


class JobDelivery:
    def __init__(self, services: Services) -> None:
        self.services = services

    async def __call__(self, jobs: Sequence[Job]) -> dict[int, str]:
        outcomes: dict[int, str] = {}
        by_meetup: dict[int, list[Job]] = defaultdict(list)
        for job in jobs:
            by_meetup[job.meetup_id].append(job)
        for meetup_id, group in by_meetup.items():
            m = await self.services.store.meetup(meetup_id)
            community = await self.services.store.community_by_id(group[0].community_id)
            if m is None or community is None:
                outcomes.update({j.id: "gone" for j in group})
                continue
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
        for job in jobs:
            r = rsvps.get(job.user_id or "")
            if r is None or not wants_reminders(community, r.status):
                outcomes[job.id] = "no-longer-going"
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
                    replace(msg, dedupe_key=f"remind:{job.id}"),
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
