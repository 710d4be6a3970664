"""The `tweetup` command line: run | console | demo | db upgrade | check-config."""

from __future__ import annotations

import argparse
import asyncio
import importlib
import logging
import sys
from collections.abc import Sequence

from bot.config import ConfigError, Settings, enabled_platforms, load_settings

log = logging.getLogger("tweetup")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tweetup", description="Tweetup, the meetup bot.")
    parser.add_argument(
        "--log-level",
        choices=("DEBUG", "INFO", "WARNING", "ERROR"),
        help="log verbosity of Tweetup's own loggers (default: the config's, INFO; WARNING "
        "in the console); libraries stay at WARNING",
    )
    parser.add_argument(
        "--debug-logger",
        action="append",
        default=[],
        metavar="NAME",
        help="also log this library at DEBUG (e.g. discord, slack_bolt, sqlalchemy.engine); "
        "repeatable. Library debug logs can hold tokens: use only while debugging",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="start every adapter the config enables (else the console)")
    run.add_argument("--config", help="TOML config file (see config.example.toml)")
    console = sub.add_parser(
        "console",
        help="chat with the bot in this terminal; reads a "
        "script from stdin when it is not a terminal",
    )
    console.add_argument("--config")
    sub.add_parser("demo", help="play a scripted story of the whole flow and exit")
    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="apply database migrations")
    upgrade.add_argument("--config")
    copy = db_sub.add_parser(
        "copy", help="copy every row into a fresh database, e.g. from SQLite to PostgreSQL"
    )
    copy.add_argument("--from", dest="source", required=True, help="source database URL")
    copy.add_argument("--to", dest="target", required=True, help="target database URL")
    check = sub.add_parser("check-config", help="validate a config file and exit")
    check.add_argument("file")
    return parser


def _logging(level: str, debug_loggers: Sequence[str] = ()) -> None:
    from bot.logsetup import configure

    configure(level, debug_loggers)


async def _run(settings: Settings) -> int:
    from bot.app import EXIT_ADAPTER_FAILED, AdapterFailed, build_app, platform_adapters

    adapters = platform_adapters(settings)
    if not adapters:  # the console, on the configured database and the real clock
        console = importlib.import_module("adapters.console")
        return int(await console.run_live(settings))
    app = build_app(settings, adapters=adapters)
    try:
        await app.run()
    except AdapterFailed as exc:  # one line, not a traceback (DEBUG logs the traceback)
        print(f"tweetup: {exc}", file=sys.stderr)
        return EXIT_ADAPTER_FAILED
    return 0


async def _console(settings: Settings) -> int:
    console = importlib.import_module("adapters.console")
    return int(await console.run_console(settings, script=console.stdin_script()))


async def _demo() -> int:
    demo = importlib.import_module("adapters.console.demo")
    return int(await demo.play(Settings(source="demo")))


async def _upgrade(settings: Settings) -> int:
    from bot.store.migrate import UpgradeError
    from bot.store.store import Store

    store = Store.from_url(settings.database_url)
    try:
        await store.upgrade()
    except UpgradeError as exc:
        print(f"tweetup: {exc}", file=sys.stderr)
        return 1
    finally:
        await store.close()
    print("The database is up to date.")
    return 0


async def _copy(source: str, target: str) -> int:
    from bot.store.copy import CopyError, copy_database

    try:
        copied = await copy_database(source, target)
    except CopyError as exc:
        print(f"tweetup: {exc}", file=sys.stderr)
        return 2
    print("Copied: " + ", ".join(f"{n} {name}" for name, n in copied.items() if n) + ".")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check-config":
            settings = load_settings(args.file)
            enabled = [p.name for p in enabled_platforms(settings)] or ["console"]
            print(
                f"{args.file}: OK. Adapters: {', '.join(enabled)}. Database: "
                f"{settings.database_url.split('://')[0]}."
            )
            return 0
        settings = load_settings(getattr(args, "config", None))
    except ConfigError as exc:
        print(f"tweetup: {exc}", file=sys.stderr)
        return 2
    console_mode = args.command in ("console", "demo") or (
        args.command == "run" and not enabled_platforms(settings)
    )
    _logging(
        args.log_level or ("WARNING" if console_mode else settings.log_level), args.debug_logger
    )
    if args.command == "run":
        return asyncio.run(_run(settings))
    if args.command == "console":
        return asyncio.run(_console(settings))
    if args.command == "demo":
        return asyncio.run(_demo())
    if args.command == "db" and args.db_command == "upgrade":
        return asyncio.run(_upgrade(settings))
    if args.command == "db" and args.db_command == "copy":
        return asyncio.run(_copy(args.source, args.target))
    return 2


if __name__ == "__main__":
    sys.exit(main())
