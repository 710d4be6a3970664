"""Discord adapter (discord.py 2.x): see adapters/discord/adapter.py and docs/discord-setup.md."""

from bot.types import DiscordSettings

from .adapter import DiscordAdapter, point_discord_py_at, translate_error

__all__ = ["DiscordAdapter", "create", "point_discord_py_at", "translate_error"]


def create(settings: DiscordSettings) -> DiscordAdapter:
    """The adapter for `bot.app.platform_adapters`."""
    return DiscordAdapter(settings)
