"""Neutral `Outgoing` values -> discord.py send/edit arguments.

Pure functions (no network): segments become Discord markdown, cards become an embed, buttons
and select menus become a view made only of `TwAction` dynamic items (so nothing is kept in
memory per message and every click is routed by the one `tw:` pattern, also after a restart).
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
from collections.abc import Sequence
from typing import Any

import discord
from discord.utils import escape_markdown, escape_mentions

from bot.types import (
    Bold,
    Button,
    Code,
    Field,
    Link,
    Mention,
    Outgoing,
    Segment,
    SelectMenu,
    Text,
    Time,
)

log = logging.getLogger(__name__)

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
CONTENT_MAX = 2000
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
BUTTON_LABEL_MAX = 80
BUTTONS_PER_ROW = 5
ROWS_MAX = 5
BUTTONS_MAX = 25
SELECT_OPTIONS_MAX = 25
SELECT_TEXT_MAX = 100
CUSTOM_ID_MAX = 100

TIME_STYLES: dict[str, str] = {
    "full": "F",
    "short": "f",
    "date": "D",
    "time": "t",
    "relative": "R",
}

_STYLES: dict[str, discord.ButtonStyle] = {
    "primary": discord.ButtonStyle.primary,
    "secondary": discord.ButtonStyle.secondary,
    "success": discord.ButtonStyle.success,
    "danger": discord.ButtonStyle.danger,
}

ACTION_PATTERN = r"tw:[^\s]{1,97}"
"""Every action id the core makes starts with `tw:` (bot/actions.py); custom_id <= 100."""


def timestamp(t: Time) -> str:
    """A dynamic timestamp: every member sees it in their own zone and language. (The core
    puts a "full" and a "relative" Time side by side on cards.)"""
    stamp = f"<t:{int(t.instant.timestamp())}:{TIME_STYLES.get(t.style, 'F')}>"
    if t.at_place and t.style != "relative":
        # the meetup's own wall time, then the viewer's
        return f"{escape_text(t.place_text())} (your time: {stamp})"
    return stamp


def escape_text(text: str) -> str:
    """Member-written text: no markdown, and mentions are defused (allowed_mentions already
    stops pings; this also stops them *looking* like mentions)."""
    return escape_mentions(escape_markdown(text))


def _link(link: Link) -> str:
    label = escape_text(link.label).replace("[", "\\[").replace("]", "\\]") or link.url
    url = link.url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
    if not re.match(r"^https?://", url):
        return f"{label} ({escape_text(link.url)})"
    return f"[{label}]({url})"


def _bold(text: str) -> str:
    """`**text**` with the surrounding spaces outside the markers, where markdown wants them."""
    inner = text.strip()
    if not inner:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}**{escape_text(inner)}**{trail}"


def _code(text: str) -> str:
    """Inline code: shown as typed (no markdown inside). A backtick cannot be in it, so it
    becomes the look-alike modifier letter."""
    inner = text.replace("`", "\u02cb")
    return f"`{inner}`" if inner.strip() else inner


def segment(seg: Segment) -> str:
    if isinstance(seg, Text):
        return escape_text(seg.text)
    if isinstance(seg, Bold):
        return _bold(seg.text)
    if isinstance(seg, Code):
        return _code(seg.text)
    if isinstance(seg, Time):
        return timestamp(seg)
    if isinstance(seg, Mention):
        return f"<@{seg.user.id}>" if seg.user.id.isdigit() else escape_text(seg.user.name)
    if isinstance(seg, Link):
        return _link(seg)
    raise TypeError(f"unknown segment {seg!r}")


def segments(segs: tuple[Segment, ...]) -> str:
    return "".join(segment(s) for s in segs)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def announced_roles(msg: Outgoing) -> list[int]:
    """The role ids of `msg.announce` (an area's role, chosen by an admin); ids only."""
    return [int(g.id) for g in msg.announce if g.id.isdigit()]


def announce_line(msg: Outgoing) -> str:
    """The role mentions above a card: `<@&id>` each (mentions in an embed never notify)."""
    return " ".join(f"<@&{role}>" for role in announced_roles(msg))


def allowed_mentions(msg: Outgoing) -> discord.AllowedMentions:
    """Users listed in `msg.ping` and roles in `msg.announce` only; never @everyone, @here,
    any other role or the replied-to user."""
    users = [discord.Object(int(u.id)) for u in msg.ping if u.id.isdigit()]
    roles = [discord.Object(r) for r in announced_roles(msg)]
    return discord.AllowedMentions(
        everyone=False,
        roles=roles if roles else False,
        users=users if users else False,
        replied_user=False,
    )


def embed(msg: Outgoing) -> discord.Embed:
    description = segments(msg.body)
    em = discord.Embed(
        title=clip(msg.title, EMBED_TITLE_MAX) if msg.title else None,
        description=clip(description, EMBED_DESCRIPTION_MAX) if description else None,
        colour=discord.Colour.blurple(),
    )
    fields: tuple[Field, ...] = msg.fields
    if len(fields) > EMBED_FIELDS_MAX:
        log.warning("card has %d fields; Discord shows 25", len(fields))
        fields = fields[:EMBED_FIELDS_MAX]
    for f in fields:
        value = segments(f.value) or "\u200b"
        em.add_field(
            name=clip(f.name, FIELD_NAME_MAX) or "\u200b",
            value=clip(value, FIELD_VALUE_MAX),
            inline=f.inline,
        )
    return em


class TwAction(discord.ui.DynamicItem[discord.ui.Item[Any]], template=ACTION_PATTERN):
    """The one route for every `tw:` button and select menu.

    discord.py re-creates it from each click's custom_id and calls `callback`, which hands the
    click to the adapter that owns the client (`client.on_tw_action`).
    """

    def __init__(self, item: discord.ui.Item[Any], *, row: int | None = None) -> None:
        super().__init__(item, row=row)

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> TwAction:
        return cls(item)

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        handler = getattr(interaction.client, "on_tw_action", None)
        custom_id = str(getattr(self.item, "custom_id", "") or "")
        values: tuple[str, ...] = ()
        if isinstance(self.item, discord.ui.Select):
            values = tuple(str(v) for v in self.item.values)
        if handler is not None:
            await handler(interaction, custom_id, values)


class SentItem(discord.ui.DynamicItem[discord.ui.Item[Any]], template=r"tw:"):
    """The wrapper for the buttons and menus we *send*; `TwAction` receives their clicks.

    A view made only of dynamic items keeps nothing in memory per message. But when such a view
    stops (discord.py gives views on ephemeral messages a 15-minute timeout), discord.py drops
    the route of every dynamic item class in it. So the items we send are of this separate
    class, whose template (`tw:`) matches our ids as a prefix, as discord.py checks on creation,
    but never matches a whole id, so it routes nothing and losing its route loses nothing; the
    one real route, `TwAction`, is registered once by the adapter and stays.
    """

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> SentItem:
        return cls(item)


KEY_MARK = "|"
"""Separates a dedupe key's tag from the action id in a button's custom_id (action ids never
hold it): the one part of a message the bot can read back from a DM's history that members
do not see. (Discord neither stores nor returns a message's nonce after the create call.)"""


def key_tag(dedupe_key: str) -> str:
    """What a message sent with `dedupe_key` carries: its nonce, after the action id."""
    return KEY_MARK + dedupe_nonce(dedupe_key)


def action_of(custom_id: str) -> str:
    """The action id of a clicked custom_id, without a dedupe key's tag."""
    return custom_id.split(KEY_MARK, 1)[0]


HIDDEN_MARK = "\u2063"  # INVISIBLE SEPARATOR: starts a key written in the text
HIDDEN_DIGITS = ("\u200b", "\u200c", "\u200d", "\u2060")  # zero-width: 2 bits each
HIDDEN_HEX = 16  # 64 bits of the nonce: 33 characters nobody sees


def hidden_key(dedupe_key: str) -> str:
    """The key of a message with no button to carry it, written in zero-width characters at
    the end of its text: members see nothing, and the bot reads it back from the history.

    >>> len(hidden_key("dm:7:U1:1")), hidden_key("dm:7:U1:1").strip("\u200b\u200c\u200d\u2060")
    (33, '\u2063')
    """
    bits = int(dedupe_nonce(dedupe_key)[:HIDDEN_HEX], 16)
    digits = [HIDDEN_DIGITS[(bits >> shift) & 3] for shift in range(0, HIDDEN_HEX * 4, 2)]
    return HIDDEN_MARK + "".join(digits)


def carries_key(message: discord.Message, dedupe_key: str) -> bool:
    """Whether the bot's message was sent with the key: on a button, or hidden in its text."""
    hidden = hidden_key(dedupe_key)
    texts = [message.content or "", *(e.description or "" for e in message.embeds)]
    if any(t.endswith(hidden) for t in texts):
        return True
    tag = key_tag(dedupe_key)
    for row in message.components:
        for item in getattr(row, "children", ()):
            if str(getattr(item, "custom_id", "") or "").endswith(tag):
                return True
    return False


def _button(b: Button, row: int, tag: str = "") -> discord.ui.Item[Any]:
    label = clip(b.label, BUTTON_LABEL_MAX) or "…"
    if b.url:
        return discord.ui.Button(style=discord.ButtonStyle.link, label=label, url=b.url, row=row)
    if len(b.action_id) > CUSTOM_ID_MAX:
        raise ValueError(f"action id longer than {CUSTOM_ID_MAX}: {b.action_id[:20]}…")
    inner: discord.ui.Button[Any] = discord.ui.Button(
        style=_STYLES.get(b.style, discord.ButtonStyle.secondary),
        label=label,
        custom_id=b.action_id + tag,
    )
    return _dynamic(inner, row)


def _dynamic(inner: discord.ui.Item[Any], row: int) -> SentItem:
    return SentItem(inner, row=row)


def _select(s: SelectMenu, row: int) -> SentItem:
    options = [
        discord.SelectOption(label=clip(c.label, SELECT_TEXT_MAX) or "…", value=c.value[:100])
        for c in s.options[:SELECT_OPTIONS_MAX]
    ]
    inner: discord.ui.Select[Any] = discord.ui.Select(
        custom_id=s.action_id,
        placeholder=clip(s.placeholder, 150) if s.placeholder else None,
        options=options,
    )
    return _dynamic(inner, row)


def _keyed_button(buttons: Sequence[Button], dedupe_key: str | None) -> int | None:
    """The first action button whose custom_id has room for the dedupe key's tag."""
    if not dedupe_key:
        return None
    room = CUSTOM_ID_MAX - len(key_tag(dedupe_key))
    for i, b in enumerate(buttons):
        if not b.url and len(b.action_id) <= room:
            return i
    # Expected for a job's post without buttons (a closed-DM fallback): only its nonce,
    # enforced for a few minutes, keeps it from being sent twice.
    log.debug("a message with a dedupe key has no button to carry it")
    return None


def _hidden_key_of(msg: Outgoing) -> str:
    """The key to write in the text: when the message has one and no button carries it."""
    if not msg.dedupe_key or _keyed_button(msg.buttons[:BUTTONS_MAX], msg.dedupe_key) is not None:
        return ""
    return hidden_key(msg.dedupe_key)


def view(msg: Outgoing) -> discord.ui.View | None:
    """Buttons in rows of 5 (at most 25), then one row per select menu; at most 5 rows."""
    if not msg.buttons and not msg.selects:
        return None
    v = discord.ui.View(timeout=None)
    buttons = msg.buttons[:BUTTONS_MAX]
    if len(msg.buttons) > BUTTONS_MAX:
        log.warning("message has %d buttons; Discord shows 25", len(msg.buttons))
    keyed = _keyed_button(buttons, msg.dedupe_key)
    for i, b in enumerate(buttons):
        tag = key_tag(msg.dedupe_key) if i == keyed and msg.dedupe_key else ""
        v.add_item(_button(b, i // BUTTONS_PER_ROW, tag))
    row = (len(buttons) + BUTTONS_PER_ROW - 1) // BUTTONS_PER_ROW
    for s in msg.selects:
        if row >= ROWS_MAX or not s.options:
            log.warning("select menu %s left off: no room or no options", s.action_id)
            continue
        v.add_item(_select(s, row))
        row += 1
    return v


def files(msg: Outgoing) -> list[discord.File]:
    return [
        discord.File(io.BytesIO(a.content), filename=a.filename, description=None)
        for a in msg.attachments
    ]


def is_card(msg: Outgoing) -> bool:
    return bool(msg.title or msg.fields)


def send_kwargs(msg: Outgoing) -> dict[str, Any]:
    """Arguments for `Messageable.send`, `Webhook.send` and `InteractionResponse.send_message`."""
    kwargs: dict[str, Any] = {"allowed_mentions": allowed_mentions(msg)}
    announce = announce_line(msg)
    hidden = _hidden_key_of(msg)
    if is_card(msg):
        kwargs["embed"] = em = embed(msg)
        if hidden:
            em.description = clip(em.description or "", EMBED_DESCRIPTION_MAX - len(hidden))
            em.description += hidden
        if announce:
            kwargs["content"] = announce
    else:
        body = clip(segments(msg.body), CONTENT_MAX - len(announce) - 1 - len(hidden))
        kwargs["content"] = ("\n".join(p for p in (announce, body) if p) or "\u200b") + hidden
    v = view(msg)
    if v is not None:
        kwargs["view"] = v
    fs = files(msg)
    if fs:
        kwargs["files"] = fs
    return kwargs


NONCE_MAX = 25


def nonce_kwargs(msg: Outgoing) -> dict[str, Any]:
    """A message nonce from `Outgoing.dedupe_key` (for channel sends only: interaction
    responses take none). discord.py sends it with enforce_nonce, so Discord keeps one
    message per nonce, but only for a few minutes: a send retried soon is not shown twice.
    Past that window (a crash, then a lease running out) `key_tag` in a button finds it."""
    if not msg.dedupe_key:
        return {}
    return {"nonce": dedupe_nonce(msg.dedupe_key)}


def dedupe_nonce(dedupe_key: str) -> str:
    return hashlib.sha256(dedupe_key.encode()).hexdigest()[:NONCE_MAX]


def edit_kwargs(msg: Outgoing) -> dict[str, Any]:
    """Arguments for `PartialMessage.edit`: replaces content, embed, components (and files)."""
    kwargs: dict[str, Any] = {"allowed_mentions": allowed_mentions(msg)}
    if is_card(msg):
        kwargs["embed"] = embed(msg)
        kwargs["content"] = announce_line(msg) or None
    else:
        kwargs["content"] = clip(segments(msg.body), CONTENT_MAX) or "\u200b"
        kwargs["embed"] = None
    kwargs["view"] = view(msg)
    fs = files(msg)
    if fs:
        kwargs["attachments"] = fs
    return kwargs
