"""Calendar feeds over HTTP: `GET /calendar/<token>.ics`, a community's meetups or a member's.

Cheap under polling: each request reads the feed's version (indexed queries: the token, its
community, max(updated_at) and counts of what the feed shows, its meetups' and its series');
the rendered feed is cached per feed under that version and the day its window starts, so an
unchanged feed is answered from memory, and 304 when the client already has it (ETag /
If-None-Match, Last-Modified / If-Modified-Since). The token is checked on every request, so a
reset takes effect at once, in every process. An unknown token is a 404 that looks like any other.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime

from aiohttp import web

from bot.calendar import feed
from bot.domain.feeds import FEED_HISTORY, FEED_PREFIX, FEED_SUFFIX, is_token, window_start
from bot.ports import Clock
from bot.store.feeds import FeedState
from bot.store.store import Store, StoreUnavailable
from bot.web.server import WebContext

FEED_ROUTE = FEED_PREFIX + "{token}" + FEED_SUFFIX
CACHE_BYTES = 64 * 1024 * 1024  # rendered feeds kept in memory, least recently used dropped
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_HEADERS = {
    "Cache-Control": "private, no-cache",  # revalidate each time: a reset must bite at once
    "X-Robots-Tag": "noindex",
    "Referrer-Policy": "no-referrer",
}

RETRY = {**_HEADERS, "Retry-After": "30"}

Version = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Rendered:
    version: Version
    body: bytes
    gzipped: bytes
    etag: str  # quoted, strong: a hash of the body
    last_modified: datetime  # whole seconds, as HTTP dates carry

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped)


def version_of(state: FeedState, since: datetime) -> Version:
    """Everything a feed's content depends on: any change of it is another version."""
    return (
        state.meetups_changed,
        state.meetups_latest,
        state.answers_changed,
        state.answer_count,
        state.answer_turns,
        state.timezone,
        state.platform,
        state.series_changed,
        state.series_latest,
        since,
    )


def feed_name(state: FeedState) -> str:
    return "Tweetup meetups" if state.is_community else "My Tweetup meetups"


class FeedCache:
    """Rendered feeds by (community, member), each valid for one version, least recently used
    dropped past `limit_bytes`."""

    def __init__(self, limit_bytes: int = CACHE_BYTES) -> None:
        self.limit_bytes = limit_bytes
        self._entries: OrderedDict[tuple[int, str], Rendered] = OrderedDict()
        self._bytes = 0
        self.renders = 0  # how many times a feed was rendered (tests, the benchmark)

    def get(self, key: tuple[int, str], version: Version) -> Rendered | None:
        entry = self._entries.get(key)
        if entry is None or entry.version != version:
            return None
        self._entries.move_to_end(key)
        return entry

    def put(self, key: tuple[int, str], entry: Rendered) -> None:
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= old.size
        self._entries[key] = entry
        self._bytes += entry.size
        while self._bytes > self.limit_bytes and len(self._entries) > 1:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= dropped.size
        self.renders += 1


class FeedService:
    """The feed route's handler: token -> version -> cached or fresh render -> response."""

    def __init__(self, store: Store, clock: Clock, cache: FeedCache | None = None) -> None:
        self.store, self.clock = store, clock
        self.cache = cache or FeedCache()
        # Renders under way, by feed and version: a burst of polls right after a change
        # waits for one render instead of starting one each.
        self._rendering: dict[tuple[tuple[int, str], Version], asyncio.Task[Rendered]] = {}

    async def handle(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info.get("token", "")
        try:
            state = await self.store.feed_state(token) if is_token(token) else None
            if state is None:
                return _not_found()
            entry = await self.rendered(state)
        except StoreUnavailable:
            return web.Response(status=503, text="Try again shortly.\n", headers=RETRY)
        if _not_modified(request, entry):
            return web.Response(status=304, headers=_validators(entry))
        headers = {
            **_validators(entry),
            "Content-Type": "text/calendar; charset=utf-8",
            "Content-Disposition": 'inline; filename="tweetup.ics"',
            "Vary": "Accept-Encoding",
        }
        body = entry.body
        if "gzip" in request.headers.get("Accept-Encoding", ""):
            body, headers["Content-Encoding"] = entry.gzipped, "gzip"
        return web.Response(body=body, headers=headers)

    async def rendered(self, state: FeedState) -> Rendered:
        since = window_start(self.clock.now())
        version = version_of(state, since)
        key = (state.community_id, state.user_id)
        entry = self.cache.get(key, version)
        if entry is not None:
            return entry
        task = self._rendering.get((key, version))
        if task is None:
            task = asyncio.ensure_future(self._render(state, since, version))
            self._rendering[(key, version)] = task
            task.add_done_callback(lambda _: self._rendering.pop((key, version), None))
        return await asyncio.shield(task)  # a client that hangs up does not cancel it

    async def _render(self, state: FeedState, since: datetime, version: Version) -> Rendered:
        meetups = await self.store.feed_meetups(state, since)
        in_series = await self.store.feed_series(state, since)
        # DTSTAMP and Last-Modified: the feed's last change (an edit, or its window moving at
        # midnight), not the time of rendering, so the same version renders to the same bytes
        # (and ETag) in every process.
        changed = (state.changed or EPOCH).replace(microsecond=0)
        stamp = max(changed, since + FEED_HISTORY)
        # icalendar is pure Python: a big feed renders off the event loop.
        body = await asyncio.to_thread(
            feed,
            meetups,
            state.platform,
            stamp,
            state.timezone,
            feed_name(state),
            series=in_series,
        )
        etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        entry = Rendered(version, body, gzip.compress(body, 6, mtime=0), etag, stamp)
        self.cache.put((state.community_id, state.user_id), entry)
        return entry


def _validators(entry: Rendered) -> dict[str, str]:
    return {
        **_HEADERS,
        "ETag": entry.etag,
        "Last-Modified": _http_date(entry.last_modified),
    }


def _not_found() -> web.Response:
    return web.Response(status=404, text="No such calendar.\n", headers=_HEADERS)


def _not_modified(request: web.Request, entry: Rendered) -> bool:
    """RFC 9110 13.2.2: If-None-Match decides when present; If-Modified-Since only without it."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return etag_matches(if_none_match, entry.etag)
    since = request.if_modified_since
    return since is not None and entry.last_modified <= since


def etag_matches(header: str, etag: str) -> bool:
    """Weak comparison of an If-None-Match header with our ETag.

    >>> etag_matches('"a", W/"b"', '"b"'), etag_matches('*', '"x"'), etag_matches('"a"', '"b"')
    (True, True, False)
    """
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)


def _http_date(instant: datetime) -> str:
    """An HTTP date (RFC 9110 5.6.7), e.g. "Mon, 07 Jan 2030 09:00:00 GMT"."""
    return format_datetime(instant.astimezone(UTC), usegmt=True)


def routes(context: WebContext) -> Sequence[web.RouteDef]:
    """The feed route, for `bot.app.WEB_ROUTES`. Served only with a public base URL: without
    one the bot cannot hand out feed links."""
    if context.base_url is None:
        return []
    service = FeedService(context.services.store, context.services.clock)
    return [web.get(FEED_ROUTE, service.handle)]
