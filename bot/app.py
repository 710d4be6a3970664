"""The composition root: builds store, clock, timer, outbox, job engine, core and adapters from
the settings. Nothing heavy happens at import time.

Adapters are loaded by module name (`adapters.<platform>`, each exposing `create(settings)`), so
the core never imports a platform library and a console-only run never loads discord.py or
slack-bolt.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import importlib
import logging
import signal
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

from bot.clock import SimulatedClock, SystemClock
from bot.config import Settings as Settings  # re-exported: the root's input, for runners
from bot.config import enabled_platforms
from bot.core import REMOVAL_GRACE, Core
from bot.handlers import (
    admin,
    area_roles,
    buddies,
    cities,
    feeds,
    follows,
    help,
    meetups,
    members,
    native_events,
    polls,
    reminders,
    rsvps,
    series,
    watcher,
    welcome,
)
from bot.handlers.context import Services
from bot.handlers.feature import Feature
from bot.jobs import Backoff, JobEngine, log_failure
from bot.outbox import Outbox
from bot.ports import ChatAdapter, Clock, ServesHttp, Timer
from bot.routes import JobDelivery, assemble
from bot.scheduling import ApsTimer, ManualTimer
from bot.store.store import Store

if TYPE_CHECKING:
    from bot.web.server import WebServer

log = logging.getLogger("tweetup")

EVENT_KEY_RETENTION = timedelta(days=7)
EXIT_ADAPTER_FAILED = 3  # documented in docs/operations.md: a supervisor restarts us
PURGE_EVERY = timedelta(hours=6)
# A series echoed back but never confirmed (or cancelled) is kept this long, then deleted.
SERIES_DRAFT_TTL = timedelta(days=1)
HOUSEKEEPING_ID = "housekeeping"
RETRY_LATER = timedelta(minutes=5)  # housekeeping is not urgent

# When to load the gazetteer and the watcher's tables: "now" before serving (a platform run, so
# the first watched message is not slow), "background" in a thread while the first line is typed
# (the interactive console), "skip" (a console script: load on first use, only if used).
WarmUp = Literal["now", "background", "skip"]
# What the bot does, one value per handlers module (see bot/handlers/feature.py). Job kinds
# run in this order within one meetup's batch (reminders before the rest).
FEATURES: tuple[Feature, ...] = (
    reminders.FEATURE,
    meetups.FEATURE,
    series.FEATURE,  # after reminders: a date's follow-up is posted before the next date
    polls.FEATURE,
    rsvps.FEATURE,
    members.FEATURE,
    cities.FEATURE,
    admin.FEATURE,
    help.FEATURE,
    watcher.FEATURE,
    follows.FEATURE,
    area_roles.FEATURE,
    native_events.FEATURE,
    welcome.FEATURE,
    buddies.FEATURE,
    feeds.FEATURE,
)
# What the web server ([web]) serves besides adapters' routes: "module:function" names of
# functions (bot.web.server.WebContext) -> aiohttp routes, imported only when the server is on
# (a console run never loads aiohttp). A feature with pages adds one line here.
WEB_ROUTES: tuple[str, ...] = ("bot.web.feeds:routes", "bot.web.pages:routes")


class AdapterFailed(Exception):
    """An adapter could not start (platform unreachable, credentials refused) or stopped with
    an error. Its message is one line naming the adapter and the cause."""

    def __init__(self, platform: str, cause: BaseException) -> None:
        super().__init__(platform, cause)
        self.platform, self.cause = platform, cause

    def __str__(self) -> str:
        text = " ".join(str(self.cause).split()) or type(self.cause).__name__
        return f"the {self.platform} adapter stopped: {text[:300]}"


@dataclass
class App:
    settings: Settings
    store: Store
    clock: Clock
    timer: Timer
    outbox: Outbox
    jobs: JobEngine
    core: Core
    adapters: list[ChatAdapter] = field(default_factory=list)
    web: WebServer | None = None  # the HTTP server, once started ([web] configured)
    _housekeeping_backoff: Backoff = field(default_factory=lambda: Backoff(cap=RETRY_LATER))

    @property
    def services(self) -> Services:
        return self.core.services

    def add_adapter(self, adapter: ChatAdapter) -> None:
        self.adapters.append(adapter)
        self.outbox.add(adapter)

    @property
    def simulated(self) -> bool:
        """Time moves only when told to (`build_app(start=...)`: the console, the demo)."""
        return isinstance(self.timer, ManualTimer)

    async def advance_clock(self, delta: timedelta) -> int:
        """Move the simulated clock by `delta`, firing each wake-up at its own instant (the
        console's `/clock`); the number fired."""
        if not isinstance(self.timer, ManualTimer):
            raise RuntimeError("the clock is real: only a simulated clock can be moved")
        return await self.timer.advance_to(self.clock.now() + delta)

    async def fire_due(self) -> int:
        """Run every wake-up due by the simulated clock's now (none on the real clock)."""
        return await self.timer.fire_due() if isinstance(self.timer, ManualTimer) else 0

    async def start(self, *, migrate: bool = True, warm_up: WarmUp = "now") -> None:
        """Migrate the database, then arm the timer from the store (the truth)."""
        if migrate:
            await self.store.upgrade()
        if warm_up == "now":
            _warm_up()
        elif warm_up == "background":
            # A daemon thread: quitting at once need not wait for it; loading is locked, so a
            # first command that needs the gazetteer meanwhile just waits for the same load.
            threading.Thread(target=_warm_up, name="tweetup-warm-up", daemon=True).start()
        armed = await self.jobs.start()
        await self.housekeeping()
        await self._start_web()
        log.info(
            "started: %d wake-ups armed, adapters: %s",
            armed,
            ", ".join(a.platform for a in self.adapters) or "none",
        )

    async def _start_web(self) -> None:
        """Serve WEB_ROUTES and the adapters' routes on one server, when [web] is set (or
        Slack's HTTP mode asks for it: bot.config)."""
        adapter_routes = [
            route
            for adapter in self.adapters
            if isinstance(adapter, ServesHttp)
            for route in adapter.web_routes()
        ]
        if self.settings.web is None:
            if adapter_routes:
                raise RuntimeError("an adapter serves HTTP, but no [web] server is configured")
            return
        from bot.web.server import WebContext, WebServer, contributors

        context = WebContext(self.services, self.settings.web)
        routes = [route for make in contributors(WEB_ROUTES) for route in make(context)]
        self.web = WebServer(self.settings.web, [*routes, *adapter_routes])
        await self.web.start()

    async def housekeeping(self) -> None:
        """Forget old event keys and rate windows, and delete communities that removed the bot
        more than the grace period ago; again every few hours (the store says what, so this
        holds nothing itself). Re-armed whatever happens: sooner, with backoff, after a
        failure."""
        try:
            await self.store.prune_events(self.clock.now() - EVENT_KEY_RETENTION)
            purged = await self.store.purge_removed(self.clock.now() - REMOVAL_GRACE)
            await self.store.purge_series_drafts(self.clock.now() - SERIES_DRAFT_TTL)
        except Exception as exc:
            delay = self._housekeeping_backoff.next()
            log_failure("housekeeping", delay, exc)
            self.timer.arm(HOUSEKEEPING_ID, self.clock.now() + delay, self.housekeeping)
            return
        self._housekeeping_backoff.reset()
        if purged:
            log.info("deleted the data of %d communities that removed the bot", purged)
        self.timer.arm(HOUSEKEEPING_ID, self.clock.now() + PURGE_EVERY, self.housekeeping)

    async def run(self) -> None:
        """Start, serve every adapter until one stops or a signal arrives, then stop."""
        await self.start()
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        for sig in (signal.SIGINT, signal.SIGTERM):
            # Windows and threads other than the main one have no signal handlers.
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(sig, stopping.set)
        tasks = [asyncio.create_task(a.run(self.core), name=a.platform) for a in self.adapters]
        waiter = asyncio.create_task(stopping.wait())
        try:
            done, _ = await asyncio.wait([*tasks, waiter], return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                failure = None if task is waiter else task.exception()
                if failure is not None:
                    log.debug("the %s adapter failed", task.get_name(), exc_info=failure)
                    raise AdapterFailed(task.get_name(), failure) from failure
        finally:
            await self.stop()
            for task in [*tasks, waiter]:
                task.cancel()
            await asyncio.gather(*tasks, waiter, return_exceptions=True)

    async def stop(self) -> None:
        if self.web is not None:  # no new requests while the rest stops
            await self.web.stop()
            self.web = None
        for adapter in self.adapters:
            try:
                await adapter.stop()
            except Exception:
                log.exception("stopping the %s adapter failed", adapter.platform)
        await self.timer.shutdown()  # no new wake-ups
        await self.jobs.drain()  # let a delivery in flight finish and record what it sent
        await self.store.close()


def _warm_up() -> None:
    """Load the city gazetteer and the watcher's pre-filter tables now rather than on the
    first command or message, then move everything alive into the permanent GC generation:
    full collections would otherwise walk the gazetteer's objects and pause the event loop
    for 50-200 ms (measured under load)."""
    from bot.nlp import places, prefilter, statements  # noqa: F401  (statements: its tables)

    places.city_by_id(0)
    prefilter.prepare()
    gc.collect()
    gc.freeze()


def build_app(
    settings: Settings,
    *,
    clock: Clock | None = None,
    timer: Timer | None = None,
    adapters: Sequence[ChatAdapter] = (),
    store: Store | None = None,
    start: datetime | None = None,
) -> App:
    """The app from the settings. `start`: a simulated clock from that instant and a timer it
    drives (`App.advance_clock`), unless `clock`/`timer` are given; else the real ones."""
    if start is not None and clock is None:
        clock = SimulatedClock(start)
        timer = timer or ManualTimer(clock)
    clock = clock or SystemClock()
    timer = timer or ApsTimer()
    store = store or Store.from_url(settings.database_url)
    outbox = Outbox()
    jobs = JobEngine(store, clock, timer)
    routes = assemble(FEATURES)
    services = Services(
        store=store,
        clock=clock,
        outbox=outbox,
        jobs=jobs,
        default_timezone=settings.default_timezone,
        web_base_url=settings.web.base_url if settings.web else None,
        after_location_change=routes.after_location_change,
        after_meetup_proposed=routes.after_meetup_proposed,
        after_meetup_changed=routes.after_meetup_changed,
        after_meetup_scheduled=routes.after_meetup_scheduled,
        after_date_opened=routes.after_date_opened,
        after_rsvp=routes.after_rsvp,
        before_forget=routes.before_forget,
    )
    core = Core(services, routes, timer)
    jobs.bind(JobDelivery(services, routes.jobs))
    app = App(settings, store, clock, timer, outbox, jobs, core)
    for adapter in adapters:
        app.add_adapter(adapter)
    return app


def platform_adapters(settings: Settings) -> list[ChatAdapter]:
    """The adapters the settings enable (a platform section with credentials), built by each
    registry row's adapter module (bot.config.PLATFORMS)."""
    result = []
    for platform in enabled_platforms(settings):
        module = importlib.import_module(platform.adapter_module)
        result.append(module.create(platform.settings(settings)))
    return result
