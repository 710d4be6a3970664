"""Domain objects -> neutral messages (cards, lists, reminders). No platform markup here."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from bot import actions
from bot.domain.community import Community
from bot.domain.geo import osm_link, osm_search_link
from bot.domain.meetups import Meetup, Status, is_link
from bot.domain.polls import ANSWER_LABELS, Answer, PollOption, Tally, has_passed, result_text
from bot.domain.rsvps import Rsvp, RsvpStatus
from bot.types import (
    Bold,
    Button,
    Field,
    Link,
    Mention,
    Outgoing,
    Segment,
    Segments,
    Text,
    Time,
    UserRef,
)

# Core text names commands through `render.prose` (tests/test_core_text.py); it is defined with
# the segments in bot.types so adapters that show core text use the same rule.
from bot.types import prose as prose

MAX_NAMES = 15


@dataclass(frozen=True, slots=True)
class MeetupView:
    """Everything a meetup card shows, loaded once per render."""

    meetup: Meetup
    community: Community
    rsvps: Sequence[Rsvp]
    shown: Collection[str]  # ids of the answering members who allow their name
    platform: str
    page_url: str | None = None  # the public page (bot/web/pages.py), when pages are on


def when(instant: datetime, zone: str) -> Segments:
    """A meetup's time: the wall time in its zone (and, on Discord and Slack, the viewer's),
    then how far away it is."""
    return (
        Time(instant, "full", zone, at_place=True),
        Text(" ("),
        Time(instant, "relative", zone),
        Text(")"),
    )


def at(m: Meetup, instant: datetime, community_zone: str) -> Time:
    """One of a meetup's instants, shown in the meetup's zone with the zone's name."""
    return Time(instant, "full", m.zone(community_zone), at_place=True)


def where(m: Meetup) -> Segments:
    """The venue and city with a map; an online meetup's link (no map); a hybrid one's
    link next to its city."""
    parts: list[Segment] = []
    if m.is_online:
        if m.venue:
            return (Text("Online: "), Link(m.venue, m.venue))
        return (Text("Online (the organizer will share the link)"),)
    if is_link(m.venue):
        return (
            Link(m.venue, m.venue),
            Text(f" · {m.city_label} "),
            Link(osm_link(m.latitude, m.longitude), "(map)"),
        )
    if m.venue:
        parts += [Text(f"{m.venue}, "), Link(osm_search_link(f"{m.venue}, {m.city_label}"), "map")]
        parts.append(Text(f" · {m.city_label}"))
    else:
        parts += [Text(m.city_label + " "), Link(osm_link(m.latitude, m.longitude), "(map)")]
    return tuple(parts)


def organizer(m: Meetup, platform: str) -> Segments:
    if not m.organizer_id:
        return (Text(m.organizer_name),)
    return (Mention(UserRef(platform, m.organizer_id, m.organizer_name)),)


def names(rsvps: Sequence[Rsvp], allowed: Collection[str], platform: str) -> Segments:
    """Mentions of the members who allow their name to be shown; the rest as a count."""
    shown = [r for r in rsvps if r.user_id in allowed]
    hidden = len(rsvps) - len(shown)
    parts: list[Segment] = []
    for i, r in enumerate(shown[:MAX_NAMES]):
        parts += [Text(", " if i else ""), Mention(UserRef(platform, r.user_id, r.user_name))]
    hidden += max(0, len(shown) - MAX_NAMES)
    if hidden:
        parts.append(
            Text(
                f"{' and ' if parts else ''}{hidden} {'other' if parts else 'member'}"
                f"{'s' if hidden != 1 else ''}"
            )
        )
    return tuple(parts) or (Text("nobody yet"),)


def seats_text(going: int, offered: int, capacity: int | None) -> str:
    """"3 / 8"; never "2 / 1": more going than the capacity (the organizer kept them when
    lowering it) reads "2 (capacity 1, full)"."""
    if capacity is None:
        text = str(going)
    elif going > capacity:
        text = f"{going} (capacity {capacity}, full)"
    else:
        text = f"{going} / {capacity}"
    if offered:
        text += f" ({offered} seat{'s' if offered > 1 else ''} on offer)"
    return text


def meetup_card(view: MeetupView, now: datetime) -> Outgoing:
    m = view.meetup
    zone = m.zone(view.community.timezone)
    going = [r for r in view.rsvps if r.status is RsvpStatus.GOING]
    offered = [r for r in view.rsvps if r.status is RsvpStatus.OFFERED]
    maybe = [r for r in view.rsvps if r.status is RsvpStatus.MAYBE]
    waiting = [r for r in view.rsvps if r.status is RsvpStatus.WAITING]
    cancelled = m.status is Status.CANCELLED
    over = m.is_over(now)
    title = f"#{m.id} · {m.title}"
    if cancelled:
        title = f"CANCELLED · {title}"
    elif over:
        title = f"{title} (over)"
    seats = seats_text(len(going), len(offered), m.capacity)
    fields = [
        Field("When", when(m.starts_at, zone) if m.starts_at else (Text("to be decided"),), False),
        Field("Where", where(m), False),
        Field("Organizer", organizer(m, view.platform)),
        Field("Going", (Text(seats),)),
    ]
    if waiting:
        fields.append(Field("Waitlist", (Text(str(len(waiting))),)))
    if maybe:
        fields.append(Field("Maybe", (Text(str(len(maybe))),)))
    if m.find_us:
        fields.append(Field("Find us", (Text(m.find_us),), False))
    if going:
        fields.append(Field("Who's going", names(going, view.shown, view.platform), False))
    if view.page_url:
        fields.append(Field("Share", (Link(view.page_url, "public page"),), False))
    body: list[Segment] = []
    if cancelled:
        body.append(Bold("This meetup was cancelled."))
        if m.cancel_reason:
            body.append(Text(f" Reason: {m.cancel_reason}"))
    elif m.description:
        body.append(Text(m.description))
    buttons: tuple[Button, ...] = ()
    if not cancelled and not over:
        buttons = (
            Button("Going", actions.encode("rsvp", m.id, "going"), "success"),
            Button("Maybe", actions.encode("rsvp", m.id, "maybe")),
            Button("Can't go", actions.encode("rsvp", m.id, "no"), "danger"),
            Button("Add to calendar", actions.encode("cal", m.id)),
        )
    elif over and not cancelled:
        buttons = (Button("Propose the next one", actions.encode("next", m.id), "primary"),)
    return Outgoing(title=title, body=tuple(body), fields=tuple(fields), buttons=buttons)


def poll_card(
    m: Meetup,
    community: Community,
    tallies: Sequence[Tally],
    voters: int,
    platform: str,
    now: datetime,
) -> Outgoing:
    zone = community.timezone
    expired = m.status is Status.EXPIRED
    open_tallies = [t for t in tallies if not has_passed(t.option, now)]
    fields = [_option_field(m, t, zone, has_passed(t.option, now)) for t in tallies]
    fields += [Field("Where", where(m), False), Field("Organizer", organizer(m, platform))]
    body: list[Segment] = []
    if expired:
        body.append(Bold("This date poll expired: every option passed before it closed. "))
    else:
        body.append(Text("Date poll: vote on every option that works for you. "))
    if m.description:
        body.append(Text(m.description + " "))
    if m.deadline and not expired:
        body += [Text("Closes "), at(m, m.deadline, zone), Text(". ")]
    so_far = "" if expired else " so far"
    body.append(Text(f"{voters} member{'s' if voters != 1 else ''} voted{so_far}."))
    buttons: tuple[Button, ...] = ()
    if not expired:
        buttons = (
            *(
                Button(f"Vote {t.option.index}", actions.encode("ballot", m.id, t.option.index))
                for t in open_tallies
            ),
            Button("Close poll", actions.encode("close", m.id), "primary"),
        )
    suffix = "date poll expired" if expired else "pick a date"
    return Outgoing(
        title=f"#{m.id} · {m.title} — {suffix}",
        body=tuple(body),
        fields=tuple(fields),
        buttons=buttons,
    )


def _option_field(m: Meetup, t: Tally, zone: str, passed: bool) -> Field:
    counts = f" — yes {t.yes} · if need be {t.maybe} · no {t.no}"
    return Field(
        f"Option {t.option.index}",
        (at(m, t.option.starts_at, zone), Text(counts + (" (passed)" if passed else ""))),
        False,
    )


def poll_result(m: Meetup, decided: Tally, zone: str) -> Outgoing:
    """The closing card: the date the poll chose and the counts that decided it."""
    return Outgoing(
        title=f"Date set for #{m.id} · {m.title}",
        body=(
            Bold("The date poll is closed: "),
            at(m, decided.option.starts_at, zone),
            Text(f" (option {decided.option.index}). {result_text(decided).capitalize()}. "),
            Text("Voters who can make it are invited by DM; anyone can answer here."),
        ),
        buttons=(
            Button("Going", actions.encode("rsvp", m.id, "going"), "success"),
            Button("Maybe", actions.encode("rsvp", m.id, "maybe")),
            Button("Can't go", actions.encode("rsvp", m.id, "no"), "danger"),
        ),
    )


def ballot(m: Meetup, option: PollOption, current: Answer | None, zone: str) -> Outgoing:
    mine = ANSWER_LABELS[current] if current else "not voted yet"
    return Outgoing(
        body=(
            Text(f"#{m.id} {m.title}, option {option.index}: "),
            at(m, option.starts_at, zone),
            Text(f". Your answer: {mine}."),
        ),
        buttons=tuple(
            Button(
                ANSWER_LABELS[a],
                actions.encode("vote", m.id, option.index, a.value),
                "success" if a is Answer.YES else "danger" if a is Answer.NO else "secondary",
            )
            for a in Answer
        ),
        ephemeral=True,
    )


def meetup_line(m: Meetup, zone: str, suffix: str = "") -> Segments:
    parts: list[Segment] = [Bold(f"#{m.id} {m.title}"), Text(" — ")]
    if m.starts_at:
        parts.append(at(m, m.starts_at, zone))
    else:
        parts.append(Text("date poll open"))
    parts.append(Text(f" · {m.city_label}{suffix}"))
    return tuple(parts)


def lines(title: str, rows: Sequence[Segments], empty: str) -> Outgoing:
    if not rows:
        return Outgoing(body=(Text(empty),), ephemeral=True)
    body: list[Segment] = []
    for i, row in enumerate(rows):
        body += ([Text("\n")] if i else []) + [Text("• "), *row]
    return Outgoing(title=title, body=tuple(body), ephemeral=True)


@dataclass(frozen=True, slots=True)
class ListPage:
    """Where a page of `/meetup list` is: its number, size and the total, and the filters its
    Previous / Next buttons carry along (city 0: any city)."""

    page: int
    size: int
    total: int
    city_id: int = 0
    mine: bool = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.size

    def button(self, label: str, page: int) -> Button:
        whose = "mine" if self.mine else "all"
        return Button(label, actions.encode("list", page, self.city_id, whose))


def list_page(title: str, rows: Sequence[Segments], at: ListPage, empty: str) -> Outgoing:
    """A page of a long list: the rows, "Showing 11–20 of 57", and Previous / Next."""
    if not rows:
        return Outgoing(body=prose(empty), ephemeral=True)
    body = lines(title, rows, empty).body
    shown = f"Showing {at.offset + 1}–{at.offset + len(rows)} of {at.total}"
    if at.pages > 1:
        shown += f" (page {at.page} of {at.pages})"
    buttons: list[Button] = []
    if at.page > 1:
        buttons.append(at.button("← Previous", at.page - 1))
    if at.page < at.pages:
        buttons.append(at.button("Next →", at.page + 1))
    return Outgoing(
        title=title, body=(*body, Text(f"\n{shown}")), buttons=tuple(buttons), ephemeral=True
    )


def text(message: str, *, ephemeral: bool = True) -> Outgoing:
    return Outgoing(body=prose(message), ephemeral=ephemeral)


def reminder(m: Meetup, zone: str, going: Segments, lead_text: str) -> Outgoing:
    zone = m.zone(zone)
    return Outgoing(
        title=f"Reminder: {m.title} {lead_text}",
        body=(Text("See you there!"),),
        fields=(
            Field("When", when(m.starts_at, zone) if m.starts_at else (Text("?"),), False),
            Field("Where", where(m), False),
            *((Field("Find us", (Text(m.find_us),), False),) if m.find_us else ()),
            Field("Who's going", going, False),
        ),
        buttons=(
            Button("Can't make it anymore", actions.encode("rsvp", m.id, "no"), "danger"),
            Button("Add to calendar", actions.encode("cal", m.id)),
        ),
    )


def with_series(card: Outgoing, meetup_id: int, repeats: Segments) -> Outgoing:
    """A series date's card: what repeats, and a Series button (its dates, always come,
    and the organizer's skip / end)."""
    buttons = card.buttons
    if buttons and buttons[0].label == "Going":  # an open date: the series can be acted on
        buttons = (*buttons, Button("Series", actions.encode("series", meetup_id)))
    return replace(card, fields=(*card.fields, Field("Repeats", repeats, False)), buttons=buttons)
