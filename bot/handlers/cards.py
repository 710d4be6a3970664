"""A meetup's channel cards: render one from the store, refresh every copy after a change."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot import render
from bot.domain.community import Community
from bot.domain.meetups import Meetup, Status
from bot.domain.pages import page_url
from bot.domain.series import Series, SeriesStatus
from bot.handlers.area_roles import card_groups
from bot.handlers.context import Services
from bot.nlp.repeat import describe
from bot.ports import ChatError, MessageGone
from bot.types import MessageRef, Outgoing, Place, Segment, Text

log = logging.getLogger(__name__)


async def render_meetup(
    services: Services, community: Community, m: Meetup, platform: str
) -> Outgoing:
    store = services.store
    if m.status in (Status.POLL, Status.EXPIRED):
        tallies, voters = await store.poll_tally(m.id)
        card = render.poll_card(m, community, tallies, voters, platform, services.clock.now())
        if m.status is Status.POLL:
            card = replace(card, announce=await card_groups(services, community, m))
        return card
    rsvps, shown = await store.rsvps_and_consent(m.id, community.id)
    link = await public_page(services, community, m.id)
    view = render.MeetupView(m, community, rsvps, shown, platform, link)
    card = render.meetup_card(view, services.clock.now())
    if m.status is Status.SCHEDULED:  # an area's role is mentioned above the card
        card = replace(card, announce=await card_groups(services, community, m))
    in_series = await store.series_of_meetup(m.id)
    if in_series is not None:  # a date of a series (issue 16)
        card = render.with_series(card, m.id, repeats_text(in_series[0]))
    return card


def repeats_text(s: Series) -> tuple[Segment, ...]:
    """"every first Thursday of the month", or that the series ended."""
    words = describe(s.recurrence.rule)
    if s.status is SeriesStatus.ENDED:
        return (Text(f"{words} (the series has ended)"),)
    return (Text(words),)


async def public_page(services: Services, community: Community, meetup_id: int) -> str | None:
    """The meetup's public page address, when the community turned pages on and the bot has
    a web address (bot/web/pages.py); its token is made on first use."""
    base = services.web_base_url
    if not community.public_pages or base is None:
        return None
    return page_url(base, await services.store.page_token(meetup_id, services.clock.now()))


async def refresh_cards(
    services: Services, community: Community, meetup_id: int, meetup: Meetup | None = None
) -> None:
    """Re-render every channel card of the meetup from the store (the truth). Pass `meetup`
    when the caller has just read it and changed only votes or RSVPs."""
    m = meetup or await services.store.meetup(meetup_id)
    if m is None:
        return
    if meetup is None and services.after_meetup_changed is not None:
        await services.after_meetup_changed(services, community, m)
    cards = await services.store.cards(meetup_id)
    if not cards:
        return
    msg = await render_meetup(services, community, m, community.platform)
    for card in cards:
        place = Place(community.platform, community.workspace_id, card.channel_id, card.thread_id)
        try:
            await services.outbox.update(MessageRef(place, card.message_id), msg)
        except MessageGone:
            await services.store.drop_card(meetup_id, card.message_id)
        except ChatError as exc:
            log.warning("could not update the card of meetup %s: %s", meetup_id, exc)
