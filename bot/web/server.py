"""The shared aiohttp application and its listener.

Routes come from contributors the composition root lists (`bot.app.WEB_ROUTES`: functions
`(WebContext) -> routes`) and from adapters that serve HTTP (`bot.ports.ServesHttp`, e.g.
Slack's HTTP mode). A path claimed twice is an error at start-up, as a command claimed by two
features is. The server itself answers `/healthz`.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from aiohttp import web

from bot.config import WebSettings
from bot.handlers.context import Services

log = logging.getLogger("tweetup.web")

HEALTH_PATH = "/healthz"


@dataclass(frozen=True, slots=True)
class WebContext:
    """What a route contributor gets: the services (store, clock) and the web settings."""

    services: Services
    settings: WebSettings

    @property
    def base_url(self) -> str | None:
        return self.settings.base_url


WebRoutes = Callable[[WebContext], Sequence[web.RouteDef]]


class WiringError(Exception):
    """Two contributors claim the same method and path."""


def contributors(names: Iterable[str]) -> list[WebRoutes]:
    """Each "module:function" name imported (a module is loaded only when the server is on)."""
    found: list[WebRoutes] = []
    for name in names:
        module, _, function = name.partition(":")
        found.append(getattr(importlib.import_module(module), function))
    return found


def build_application(routes: Sequence[web.RouteDef]) -> web.Application:
    """One aiohttp application with every route, and the health check."""
    claimed: dict[tuple[str, str], str] = {("GET", HEALTH_PATH): "the server"}
    for route in routes:
        where = (route.method, route.path)
        if where in claimed:
            raise WiringError(f"{route.method} {route.path} is served twice")
        claimed[where] = route.path
    application = web.Application()
    application.router.add_get(HEALTH_PATH, _health)
    application.router.add_routes(routes)
    return application


async def _health(_request: web.Request) -> web.StreamResponse:
    return web.json_response({"ok": True})


class WebServer:
    """The application on `settings.host:settings.port` (port 0: any free port; `port` says
    which). No access log: feed URLs carry secret tokens (docs/operations.md)."""

    def __init__(self, settings: WebSettings, routes: Sequence[web.RouteDef]) -> None:
        self.settings = settings
        self.application = build_application(routes)
        self.port: int | None = None
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        """Where this process listens (not the public address: that is `base_url`)."""
        host = self.settings.host if self.settings.host not in ("0.0.0.0", "::") else "127.0.0.1"
        return f"http://{host}:{self.port}"

    async def start(self) -> None:
        self._runner = web.AppRunner(self.application, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.settings.host, self.settings.port)
        await site.start()
        for address in self._runner.addresses:
            if isinstance(address, tuple) and len(address) >= 2:
                self.port = int(address[1])
                break
        log.info(
            "web: serving on %s:%s (public address %s)",
            self.settings.host,
            self.port,
            self.settings.base_url or "not set",
        )

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
