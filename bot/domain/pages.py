"""Public meetup pages: their addresses and the invite link they offer (pure rules;
bot/web/pages.py serves the pages, bot/store/pages.py keeps the tokens)."""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.domain.refusal import Refusal

PAGE_PREFIX = "/m/"
INVITE_MAX = 300


def page_url(base_url: str, token: str) -> str:
    """A meetup page's public address.

    >>> page_url("https://tweetup.example.org/", "AbC123")
    'https://tweetup.example.org/m/AbC123'
    """
    return f"{base_url.rstrip('/')}{PAGE_PREFIX}{token}"


def ics_url(base_url: str, token: str) -> str:
    """The page's calendar file.

    >>> ics_url("https://tweetup.example.org", "AbC123")
    'https://tweetup.example.org/m/AbC123.ics'
    """
    return page_url(base_url, token) + ".ics"


def parse_invite(text: str) -> str:
    """An admin's invite link: an https URL with a host and no spaces; "off" or "none"
    removes it.

    >>> parse_invite(" https://discord.gg/abc ")
    'https://discord.gg/abc'
    >>> parse_invite("off")
    ''
    >>> parse_invite("discord.gg/abc")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    bot.domain.refusal.Refusal: invite: must be an https:// link, ...
    """
    value = text.strip()
    if value.lower() in ("off", "none", ""):
        return ""
    parts = urlsplit(value)
    if (
        parts.scheme != "https"
        or not parts.hostname
        or len(value) > INVITE_MAX
        or any(ch.isspace() or ch in "<>\"'" for ch in value)
    ):
        raise Refusal(
            "invite: must be an https:// link, e.g. invite:https://discord.gg/AbCdEf "
            "(or invite:off to remove it)."
        )
    return value


def join_label(platform: str) -> str:
    """What the page's join link says.

    >>> join_label("discord"), join_label("slack"), join_label("console")
    ('Join us on Discord', 'Join us on Slack', 'Join us')
    """
    return {"discord": "Join us on Discord", "slack": "Join us on Slack"}.get(platform, "Join us")
