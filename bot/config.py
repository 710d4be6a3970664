"""Settings from a TOML file and environment variables.

Secrets and the database URL may come from the environment (which wins over the file). A bad or
missing value raises ConfigError with one line that names the key, the file and what is
expected. Secrets are kept in `Secret` (bot.types) so that printing settings never shows them.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The values an adapter is built with live with the neutral types (adapters import them from
# there); this module reads them from the config.
from bot.types import (
    DISCORD_API,
    DISCORD_GATEWAY,
    SLACK_API,
    SLACK_HOST,
    SLACK_PATH,
    SLACK_PORT,
    DiscordSettings,
    Secret,
    SlackSettings,
)

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///tweetup.db"
CONSOLE_MEMBERS = ("alice", "bob", "carol", "dave", "erin")
CONSOLE_CHANNELS = ("general", "random")
WEB_HOST, WEB_PORT = "127.0.0.1", 8080  # behind a reverse proxy (docs/operations.md)


# The sections every run may have; each platform's section comes from its row in PLATFORMS
# (below). Anything else is a typo to report.
CORE_KEYS: Mapping[str, frozenset[str]] = {
    "database": frozenset({"url"}),
    "bot": frozenset({"default_timezone", "log_level"}),
    "console": frozenset({"members", "channels"}),
    "web": frozenset({"host", "port", "base_url", "page_rate"}),
}
DISCORD_KEYS = frozenset(
    {
        "token",
        "guild_ids",
        "api_base_url",
        "gateway_url",
        "shard_ids",
        "shard_count",
        "dm_rate_per_second",
        "members_intent",
    }
)
SLACK_KEYS = frozenset(
    {
        "bot_token",
        "signing_secret",
        "app_token",
        "mode",
        "http_host",
        "http_port",
        "http_path",
        "api_url",
        "posts_per_second_per_channel",
    }
)


class ConfigError(ValueError):
    """A setting is wrong; the message is one line for the person starting the bot."""


@dataclass(frozen=True, slots=True)
class WebSettings:
    """The bot's one HTTP server (bot/web): calendar feeds, Slack's HTTP mode. `base_url` is
    the public address members reach it at (links in DMs); None when only Slack uses it."""

    host: str = WEB_HOST
    port: int = WEB_PORT
    base_url: str | None = None
    page_rate: int = 60  # public pages (bot/web/pages.py): requests per minute per IP


@dataclass(frozen=True, slots=True)
class Settings:
    source: str = "defaults"
    database_url: str = DEFAULT_DATABASE_URL
    log_level: str = "INFO"
    default_timezone: str = "UTC"
    discord: DiscordSettings | None = None
    slack: SlackSettings | None = None
    console_members: tuple[str, ...] = CONSOLE_MEMBERS
    console_channels: tuple[str, ...] = CONSOLE_CHANNELS
    web: WebSettings | None = None  # off unless configured
    extra: Mapping[str, Any] = field(default_factory=dict)


ENV_DATABASE_URL = "TWEETUP_DATABASE_URL"
ENV_DISCORD_TOKEN = "TWEETUP_DISCORD_TOKEN"
ENV_SLACK_BOT_TOKEN = "TWEETUP_SLACK_BOT_TOKEN"
ENV_SLACK_APP_TOKEN = "TWEETUP_SLACK_APP_TOKEN"
ENV_SLACK_SIGNING_SECRET = "TWEETUP_SLACK_SIGNING_SECRET"
ENV_WEB_HOST = "TWEETUP_WEB_HOST"
ENV_WEB_PORT = "TWEETUP_WEB_PORT"
ENV_WEB_BASE_URL = "TWEETUP_WEB_BASE_URL"


class _Reader:
    """Typed access to one TOML table, with errors that name the key and the file."""

    def __init__(self, data: Mapping[str, Any], section: str, source: str) -> None:
        self.data, self.section, self.source = data, section, source

    def _fail(self, key: str, expected: str) -> ConfigError:
        where = f"{self.section}.{key}" if self.section else key
        return ConfigError(f"{self.source}: [{where}] must be {expected}")

    def text(
        self,
        key: str,
        default: str | None = None,
        *,
        env: str | None = None,
        required: bool = False,
        choices: tuple[str, ...] = (),
    ) -> str | None:
        value: Any = os.environ.get(env) if env and os.environ.get(env) else self.data.get(key)
        if value is None:
            if required:
                hint = f" (or set {env})" if env else ""
                raise self._fail(key, f"set{hint}")
            return default
        if not isinstance(value, str) or not value.strip():
            raise self._fail(key, "a non-empty string")
        if choices and value not in choices:
            raise self._fail(key, "one of " + ", ".join(repr(c) for c in choices))
        return value.strip()

    def number(
        self, key: str, default: int | None, *, low: int, high: int, env: str | None = None
    ) -> int | None:
        value = self.data.get(key, default)
        if env and os.environ.get(env):
            raw = os.environ[env].strip()
            if not raw.isdigit() or not low <= int(raw) <= high:
                raise ConfigError(f"{env} must be a whole number from {low} to {high}")
            return int(raw)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self._fail(key, f"a whole number from {low} to {high}")
        return value

    def rate(self, key: str, default: float, *, high: float) -> float:
        value = self.data.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= high:
            raise self._fail(key, f"a number of requests per second above 0, at most {high:g}")
        return float(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self.data.get(key, default)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def ints(self, key: str) -> tuple[int, ...] | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, list) or not all(
            isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in value
        ):
            raise self._fail(key, "a list of whole numbers, e.g. [123456789012345678]")
        return tuple(value)

    def strs(self, key: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return default
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            raise self._fail(key, 'a non-empty list of names, e.g. ["alice", "bob"]')
        return tuple(v.strip() for v in value)

    def table(self, key: str) -> Mapping[str, Any] | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, dict):
            raise self._fail(key, "a table, e.g. [" + key + "]")
        return value


def _secret(value: str | None) -> Secret | None:
    return Secret(value) if value is not None else None


def _discord(root: _Reader, source: str) -> DiscordSettings | None:
    table = root.table("discord")
    if table is None and not os.environ.get(ENV_DISCORD_TOKEN):
        return None
    r = _Reader(table or {}, "discord", source)
    token = r.text("token", env=ENV_DISCORD_TOKEN, required=True)
    shard_ids = r.ints("shard_ids")
    shard_count = r.number("shard_count", None, low=1, high=100_000)
    if shard_ids is not None and shard_count is None:
        raise r._fail("shard_count", "set when shard_ids is set")
    if shard_ids and shard_count and max(shard_ids) >= shard_count:
        raise r._fail("shard_ids", f"below shard_count ({shard_count})")
    return DiscordSettings(
        token=Secret(token or ""),
        guild_ids=r.ints("guild_ids") or (),
        api_base_url=r.text("api_base_url", DISCORD_API) or "",
        gateway_url=r.text("gateway_url", DISCORD_GATEWAY) or "",
        shard_ids=shard_ids,
        shard_count=shard_count,
        dm_rate_per_second=r.rate("dm_rate_per_second", 47.0, high=50.0),
        members_intent=r.flag("members_intent", False),
    )


def _slack(root: _Reader, source: str) -> SlackSettings | None:
    table = root.table("slack")
    if table is None and not os.environ.get(ENV_SLACK_BOT_TOKEN):
        return None
    r = _Reader(table or {}, "slack", source)
    mode = r.text("mode", "socket", choices=("socket", "http")) or "socket"
    bot_token = r.text("bot_token", env=ENV_SLACK_BOT_TOKEN, required=True)
    signing = r.text("signing_secret", env=ENV_SLACK_SIGNING_SECRET, required=mode == "http")
    app_token = r.text("app_token", env=ENV_SLACK_APP_TOKEN, required=mode == "socket")
    if mode == "socket" and app_token and not app_token.startswith("xapp-"):
        raise r._fail("app_token", "an app-level token starting with xapp-")
    return SlackSettings(
        bot_token=Secret(bot_token or ""),
        signing_secret=Secret(signing or ""),
        app_token=_secret(app_token),
        mode=mode,
        http_host=r.text("http_host", SLACK_HOST) or "",
        http_port=r.number("http_port", SLACK_PORT, low=1, high=65535) or 3000,
        http_path=r.text("http_path", SLACK_PATH) or "",
        api_url=r.text("api_url", SLACK_API) or "",
        posts_per_second_per_channel=r.rate("posts_per_second_per_channel", 1.0, high=10.0),
    )


def _web(root: _Reader, source: str, slack: SlackSettings | None) -> WebSettings | None:
    """[web], or the address of Slack's HTTP mode when only that needs the server."""
    table = root.table("web")
    from_env = any(os.environ.get(v) for v in (ENV_WEB_HOST, ENV_WEB_PORT, ENV_WEB_BASE_URL))
    slack_table = root.data.get("slack")
    if table is None and not from_env:
        if slack is not None and slack.mode == "http":
            return WebSettings(slack.http_host, slack.http_port, None)
        return None
    if isinstance(slack_table, dict):
        for key in ("http_host", "http_port"):
            if key in slack_table:
                raise ConfigError(
                    f"{source}: [slack.{key}] is not used when [web] is set: Slack's HTTP mode "
                    f"is served by [web]; set host and port there"
                )
    r = _Reader(table or {}, "web", source)
    base = r.text("base_url", env=ENV_WEB_BASE_URL, required=True)
    return WebSettings(
        host=r.text("host", WEB_HOST, env=ENV_WEB_HOST) or WEB_HOST,
        port=r.number("port", WEB_PORT, low=1, high=65535, env=ENV_WEB_PORT) or WEB_PORT,
        base_url=public_base_url(base or "", r),
        page_rate=r.number("page_rate", 60, low=1, high=1_000_000) or 60,
    )


def public_base_url(raw: str, r: _Reader) -> str:
    """The public address, checked and without a trailing slash: links are built on it.

    >>> public_base_url("https://tweetup.example.org/", _Reader({}, "web", "x"))
    'https://tweetup.example.org'
    """
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise r._fail(
            "base_url",
            'the public http(s) address of the bot, e.g. "https://tweetup.example.org"',
        )
    return raw.rstrip("/")


@dataclass(frozen=True, slots=True)
class Platform:
    """One row of the platform registry: the config section `name` (its keys, its settings
    class and the function that reads it) and the module whose `create(settings)` builds the
    adapter. The module is imported only when the platform is enabled, so a console-only run
    never loads a platform library."""

    name: str
    keys: frozenset[str]
    settings_class: type
    read: Callable[[_Reader, str], object | None]
    adapter_module: str

    def settings(self, settings: Settings) -> object | None:
        """This platform's section of `settings`, or None when it is not enabled."""
        value: object | None = getattr(settings, self.name)
        return value


# The one list of chat platforms: config sections, Settings fields, adapters. A new platform
# adds a row here and a field on Settings (docs/adding-a-platform.md).
PLATFORMS: tuple[Platform, ...] = (
    Platform("discord", DISCORD_KEYS, DiscordSettings, _discord, "adapters.discord"),
    Platform("slack", SLACK_KEYS, SlackSettings, _slack, "adapters.slack"),
)

KNOWN_KEYS: Mapping[str, frozenset[str]] = {
    **CORE_KEYS,
    **{platform.name: platform.keys for platform in PLATFORMS},
}


def enabled_platforms(settings: Settings) -> list[Platform]:
    """The platforms whose section (or environment credentials) the settings have."""
    return [p for p in PLATFORMS if p.settings(settings) is not None]


def _did_you_mean(word: str, known: Iterable[str], shape: str) -> str:
    """A hint naming the closest known name, else listing the known names."""
    names = sorted(known)
    close = difflib.get_close_matches(word, names, n=1)
    if close:
        return f"; did you mean {shape.format(close[0])}?"
    return "; known: " + ", ".join(shape.format(n) for n in names)


def _section_of(key: str) -> str | None:
    return next((s for s, keys in KNOWN_KEYS.items() if key in keys), None)


def check_known_keys(data: Mapping[str, Any], source: str) -> None:
    """Refuse unknown sections and keys (a typo would otherwise be silently ignored)."""
    for name, value in data.items():
        if name not in KNOWN_KEYS:
            home = _section_of(name)
            if not isinstance(value, dict) and home:
                raise ConfigError(f"{source}: {name} must be in the [{home}] section")
            raise ConfigError(
                f"{source}: unknown section [{name}]" + _did_you_mean(name, KNOWN_KEYS, "[{}]")
            )
        if not isinstance(value, dict):
            continue
        for key in value:
            if key not in KNOWN_KEYS[name]:
                raise ConfigError(
                    f"{source}: [{name}] has no setting {key}"
                    + _did_you_mean(key, KNOWN_KEYS[name], "{}")
                )


def load_settings(path: str | Path | None = None) -> Settings:
    """Read settings from `path` (TOML) if given, then the environment."""
    data: dict[str, Any] = {}
    source = "environment"
    if path is not None:
        source = str(path)
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{source}: no such config file") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{source}: not valid TOML ({exc})") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{source}: cannot read the file ({exc})") from exc
    check_known_keys(data, source)
    root = _Reader(data, "", source)
    db = _Reader(root.table("database") or {}, "database", source)
    url = db.text("url", DEFAULT_DATABASE_URL, env=ENV_DATABASE_URL) or DEFAULT_DATABASE_URL
    if not url.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
        raise db._fail("url", "a sqlite+aiosqlite:/// or postgresql+asyncpg:// URL")
    bot = _Reader(root.table("bot") or {}, "bot", source)
    tz = bot.text("default_timezone", "UTC") or "UTC"
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise bot._fail("default_timezone", "an IANA time zone such as Europe/Berlin") from exc
    level = (bot.text("log_level", "INFO") or "INFO").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise bot._fail("log_level", "one of DEBUG, INFO, WARNING, ERROR")
    console = _Reader(root.table("console") or {}, "console", source)
    platforms = {p.name: p.read(root, source) for p in PLATFORMS}
    slack = platforms.get("slack")
    return Settings(
        source=source,
        database_url=url,
        log_level=level,
        default_timezone=tz,
        **platforms,  # type: ignore[arg-type]
        console_members=console.strs("members", CONSOLE_MEMBERS),
        console_channels=console.strs("channels", CONSOLE_CHANNELS),
        web=_web(root, source, slack if isinstance(slack, SlackSettings) else None),
    )
