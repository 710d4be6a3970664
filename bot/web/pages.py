"""Public meetup pages: `GET /m/<token>` (HTML), `/m/<token>.ics`, and their CSS and script.

A community turns them on (`/meetup settings public-pages:on`); a meetup's address is a
random token (bot/store/pages.py), so it names no meetup. An unknown token and the page of a
community with pages off get the same 404. A request reads the page's version (one
indexed query) and answers from the cache of rendered pages when that version was rendered
already; a page checked less than FRESH_SECONDS ago is answered without that read while no
write transaction of this process has run since (`Store.write_generation`), so a change made
here shows on the very next request, and one made by another process within FRESH_SECONDS.
HTML comes from Jinja2 templates with autoescape on; the Content-Security-Policy allows only
this server's own CSS and script, and the page loads nothing from elsewhere.
Requests are rate limited per client address (bot/web/ratelimit.py).
"""

from __future__ import annotations

import hashlib
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web

from bot import calendar
from bot.domain.geo import osm_link, osm_search_link
from bot.domain.meetups import DEFAULT_DURATION, Meetup, Status, is_link
from bot.domain.pages import PAGE_PREFIX, join_label, page_url
from bot.ports import Clock
from bot.store.pages import PageState, is_page_token
from bot.store.store import Store, StoreUnavailable
from bot.web.ratelimit import RateLimiter
from bot.web.server import WebContext

STATIC_PREFIX = "/static/pages"
CACHE_ENTRIES = 10_000  # rendered pages kept, least recently used dropped
CACHE_SECONDS = 60.0  # a rendered page is reused this long at most (the "upcoming" list of
# a past meetup's page, and a name-for-name swap of privacy choices, change no version)
FRESH_SECONDS = 1.0  # a page checked this recently, with no write here since, skips the read
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_SECURITY = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}
_STATIC_TYPES = {
    "page.css": "text/css; charset=utf-8",
    "localtime.js": "text/javascript; charset=utf-8",
    "icon.svg": "image/svg+xml",
}

Version = tuple[object, ...]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def environment() -> jinja2.Environment:
    """The templates, from the package (so an installed wheel has them), autoescaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("bot.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def wall_time(instant: datetime, zone: str) -> tuple[str, str]:
    """The meetup's start in its city's zone, and that zone's name.

    >>> from datetime import UTC
    >>> wall_time(datetime(2030, 1, 11, 18, 0, tzinfo=UTC), "Europe/Berlin")
    ('Friday 11 January 2030, 19:00', 'Berlin time, CET')
    """
    local = instant.astimezone(ZoneInfo(zone))
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    return f"{local:%A} {local.day} {local:%B %Y, %H:%M}", f"{city} time, {local:%Z}"


def going_text(going: int, capacity: int | None) -> str:
    """
    >>> going_text(0, None), going_text(1, None), going_text(3, 8)
    ('Nobody yet', '1 member', '3 members (8 places)')
    """
    if going == 0:
        return "Nobody yet"
    text = f"{going} member{'s' if going != 1 else ''}"
    return f"{text} ({capacity} places)" if capacity else text


def summary(m: Meetup, when: str) -> str:
    """The one line a link preview shows under the title: date, place, description.

    >>> m = Meetup(1, 1, "c", None, "Coffee", 1, "Berlin", "u", "Ana", Status.SCHEDULED, None,
    ...            venue="Café Kranzler", description="Cake and chat.")
    >>> summary(m, "Friday 11 January 2030, 19:00")
    'Friday 11 January 2030, 19:00 · Café Kranzler, Berlin · Cake and chat.'
    """
    place = m.city_label if not m.venue or m.is_online else f"{m.venue}, {m.city_label}"
    parts = [when or "Date to be decided", place]
    if m.description:
        text = " ".join(m.description.split())
        parts.append(text if len(text) <= 160 else text[:159].rstrip() + "…")
    return " · ".join(parts)


@dataclass(slots=True)
class Rendered:
    version: Version
    made: float
    body: bytes
    etag: str
    # When the version was last read, at which `Store.write_generation`, and when the page
    # changes with no write at all (the meetup passes): what lets a request skip the read.
    checked_at: float = 0.0
    generation: int = -1
    turns_over: datetime | None = None


def turns_over(state: PageState, now: datetime) -> datetime | None:
    """When the page starts saying "this meetup has happened" (None: it says so already, or
    never will, or has no date).

    >>> from datetime import UTC
    >>> s = PageState(1, 1, "scheduled", datetime(2030, 1, 8, 18, tzinfo=UTC), 0, "t",
    ...               "console", "UTC", "", datetime(2030, 1, 1, tzinfo=UTC), 0, 0, 0, None)
    >>> turns_over(s, datetime(2030, 1, 8, tzinfo=UTC))
    datetime.datetime(2030, 1, 8, 20, 0, tzinfo=datetime.timezone.utc)
    >>> turns_over(s, datetime(2030, 1, 9, tzinfo=UTC)) is None
    True
    """
    if state.starts_at is None:
        return None
    ends = state.starts_at + DEFAULT_DURATION
    return ends if now < ends else None


class PageService:
    """The page routes' handlers: token -> version -> cached or fresh render -> response."""

    def __init__(
        self,
        store: Store,
        clock: Clock,
        base_url: str,
        limiter: RateLimiter,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store, self.clock, self.base_url = store, clock, base_url
        self.limiter, self.monotonic = limiter, monotonic
        self.templates = environment()
        self.renders = 0  # how many pages were rendered (tests, the benchmark)
        self.reads = 0  # how many page versions were read from the store (tests, the benchmark)
        self._cache: OrderedDict[str, Rendered] = OrderedDict()
        self._missing = self.templates.get_template("missing.html").render(
            static=STATIC_PREFIX
        ).encode()
        self._static = {name: _read_static(name) for name in _STATIC_TYPES}

    def limited(self, handler: Handler) -> Handler:
        """`handler` behind the per-address rate limit (429 with Retry-After)."""

        async def guarded(request: web.Request) -> web.StreamResponse:
            wait = self.limiter.wait(request.remote or "")
            if wait:
                return web.Response(
                    status=429,
                    text=f"Too many requests. Try again in {wait} seconds.\n",
                    headers={**_SECURITY, "Retry-After": str(wait)},
                )
            if request.can_read_body:
                return web.Response(status=400, text="A page request has no body.\n",
                                    headers=_SECURITY)
            return await handler(request)

        return guarded

    async def page(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("name", "")
        token, wants_ics = (name[:-4], True) if name.endswith(".ics") else (name, False)
        if not is_page_token(token):
            return self.not_found()
        entry = None if wants_ics else self.unchanged(token)
        if entry is None:
            try:
                generation = self.store.write_generation  # before the read: see `unchanged`
                state = await self.store.page_state(token)
                self.reads += 1
                if state is None:
                    return self.not_found()
                if wants_ics:
                    return await self._ics(state)
                entry = await self.rendered(state)
            except StoreUnavailable:
                return web.Response(status=503, text="Try again shortly.\n",
                                    headers={**_SECURITY, "Retry-After": "30"})
            entry.checked_at, entry.generation = self.monotonic(), generation
            entry.turns_over = turns_over(state, self.clock.now())
        headers = {**_SECURITY, "ETag": entry.etag, "Cache-Control": "public, max-age=60"}
        if request.headers.get("If-None-Match") == entry.etag:
            return web.Response(status=304, headers=headers)
        return web.Response(body=entry.body, content_type="text/html", charset="utf-8",
                            headers=headers)

    def unchanged(self, token: str) -> Rendered | None:
        """The cached page, when it cannot have changed since its version was last read: read
        less than FRESH_SECONDS ago, no write transaction of this process since (the
        generation was taken before that read, so a write that raced it counts as after), and
        the meetup has not passed since. None: read the version."""
        entry = self._cache.get(token)
        if (
            entry is None
            or entry.generation != self.store.write_generation
            or self.monotonic() - entry.checked_at >= FRESH_SECONDS
            or (entry.turns_over is not None and self.clock.now() >= entry.turns_over)
        ):
            return None
        return entry

    def not_found(self) -> web.Response:
        """The one 404: an unknown token and a private community's page look the same."""
        return web.Response(status=404, body=self._missing, content_type="text/html",
                            charset="utf-8", headers=_SECURITY)

    async def static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info.get("file", "")
        if name not in self._static:
            return self.not_found()
        return web.Response(
            body=self._static[name],
            headers={**_SECURITY, "Content-Type": _STATIC_TYPES[name],
                     "Cache-Control": "public, max-age=86400"},
        )

    async def _ics(self, state: PageState) -> web.Response:
        m = await self.store.meetup(state.meetup_id)
        if m is None or m.starts_at is None:
            return self.not_found()
        in_series = await self.store.series_of_meetup(m.id)  # one event with the series
        body = calendar.ics(m, state.platform, self.clock.now(), state.community_zone, in_series)
        return web.Response(
            body=body,
            headers={**_SECURITY, "Content-Type": "text/calendar; charset=utf-8",
                     "Content-Disposition": 'attachment; filename="meetup.ics"'},
        )

    def version_of(self, state: PageState) -> Version:
        """Everything a page depends on: an edit, an answer, a forgotten member, a setting,
        the meetup passing."""
        ends = state.starts_at + DEFAULT_DURATION if state.starts_at else None
        over = ends is not None and self.clock.now() >= ends
        return (
            state.updated_at, state.rsvp_counter, state.sequence, state.status, state.going,
            state.shown, state.answers_changed, state.community_zone, state.invite_url,
            state.platform, over,
        )

    async def rendered(self, state: PageState) -> Rendered:
        version = self.version_of(state)
        entry = self._cache.get(state.token)
        if (
            entry is not None
            and entry.version == version
            and self.monotonic() - entry.made < CACHE_SECONDS
        ):
            self._cache.move_to_end(state.token)
            return entry
        body = (await self._render(state)).encode()
        entry = Rendered(version, self.monotonic(), body,
                         '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
        self._cache[state.token] = entry
        self._cache.move_to_end(state.token)
        while len(self._cache) > CACHE_ENTRIES:
            self._cache.popitem(last=False)
        self.renders += 1
        return entry

    async def _render(self, state: PageState) -> str:
        m = await self.store.meetup(state.meetup_id)
        assert m is not None  # deleted only with its page (ON DELETE CASCADE)
        now = self.clock.now()
        going, names = await self.store.page_going(m.id, m.community_id)
        page = self._facts(m, state, going, names)
        upcoming: list[dict[str, str]] = []
        if page["over"] or page["cancelled"]:
            for item in await self.store.upcoming_pages(m.community_id, now):
                if item.meetup.id == m.id or item.meetup.starts_at is None:
                    continue
                zone = item.meetup.zone(state.community_zone)
                upcoming.append({
                    "title": item.meetup.title,
                    "url": page_url(self.base_url, item.token),
                    "when": wall_time(item.meetup.starts_at, zone)[0],
                })
        template = self.templates.get_template("meetup.html")
        return template.render(page=page, upcoming=upcoming, static=STATIC_PREFIX)

    def _facts(
        self, m: Meetup, state: PageState, going: int, names: list[str]
    ) -> dict[str, Any]:
        when, zone = ("", "")
        if m.starts_at is not None:
            when, zone = wall_time(m.starts_at, m.zone(state.community_zone))
        cancelled = m.status is Status.CANCELLED
        over = m.is_over(self.clock.now()) and not cancelled
        venue_link = m.venue if is_link(m.venue) else ""
        map_url = (
            osm_search_link(f"{m.venue}, {m.city_label}") if m.venue and not venue_link
            else osm_link(m.latitude, m.longitude)
        )
        live = not cancelled and not over
        return {
            "title": m.title,
            "url": page_url(self.base_url, state.token),
            "summary": summary(m, when),
            "cancelled": cancelled,
            "cancel_reason": m.cancel_reason,
            "over": over,
            "starts_at": m.starts_at,
            "starts_iso": m.starts_at.isoformat() if m.starts_at else "",
            "when": when,
            "zone": zone,
            "online": m.is_online,
            "venue": "" if venue_link else m.venue,
            "venue_link": venue_link,
            "city": m.city_label,
            "map_url": map_url,
            "find_us": m.find_us,
            "going_text": going_text(going, m.capacity),
            "names": names,
            "unnamed": going - len(names),
            "description": m.description,
            "ics_url": PAGE_PREFIX + state.token + ".ics",  # same origin as the page
            "google_url": calendar.google_link(m) if m.starts_at and live else "",
            "invite_url": state.invite_url,
            "join_label": join_label(state.platform),
            "actions": live or bool(state.invite_url),
        }


def _read_static(name: str) -> bytes:
    return resources.files("bot.web").joinpath("static", name).read_bytes()


def routes(context: WebContext) -> Sequence[web.RouteDef]:
    """The page routes, for `bot.app.WEB_ROUTES`. Served only with a public base URL: without
    one no card can link a page."""
    if context.base_url is None:
        return []
    limiter = RateLimiter(per_minute=context.settings.page_rate)
    service = PageService(
        context.services.store, context.services.clock, context.base_url, limiter
    )
    return [
        web.get(PAGE_PREFIX + "{name}", service.limited(service.page)),
        web.get(STATIC_PREFIX + "/{file}", service.limited(service.static)),
    ]
