"""Neutral messages and forms -> Slack Block Kit JSON. Pure functions, no I/O.

Safety rules:
- member-written `Text` is escaped (&, <, >) and every mrkdwn text object is `verbatim`, so
  Slack never auto-parses `@here`, `@channel`, `<!everyone>` or user/channel names in it;
- a `Mention` becomes `<@U...>` (which notifies) only when the user is in `Outgoing.ping`;
  otherwise it shows the member's name as plain text;
- `Time` becomes `<!date^unix^{token}|fallback>` so each viewer sees their own zone; the
  fallback is formatted in `Time.zone`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.types import (
    Bold,
    Button,
    Code,
    Field,
    Form,
    FormField,
    Link,
    Mention,
    Outgoing,
    Segment,
    Segments,
    SelectMenu,
    Text,
    Time,
    UserRef,
)

Block = dict[str, Any]

SECTION_MAX = 3000
FIELD_MAX = 2000
FIELDS_PER_SECTION = 10
HEADER_MAX = 150
BUTTON_TEXT_MAX = 75
ACTIONS_PER_BLOCK = 25
BLOCKS_MAX = 50
OPTIONS_MAX = 100
OPTION_TEXT_MAX = 75
OPTION_VALUE_MAX = 150
MODAL_TITLE_MAX = 24
FALLBACK_TEXT_MAX = 3000
FORM_CALLBACK_PREFIX = "tw-form:"
LINK_ACTION_PREFIX = "tw-link:"

_DATE_TOKENS: dict[str, str] = {
    "full": "{date_long_pretty} at {time}",
    "short": "{date_short_pretty} at {time}",
    "date": "{date_long_pretty}",
    "time": "{time}",
    "relative": "{ago}",
}


def escape(text: str) -> str:
    """Escape Slack's control characters so member text can never ping, link or format a
    mention."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def time_fallback(seg: Time) -> str:
    """The plain text shown where Slack cannot render a date token (notifications, old clients)."""
    instant = seg.instant if seg.instant.tzinfo else seg.instant.replace(tzinfo=UTC)
    local = instant.astimezone(_zone(seg.zone))
    clock = local.strftime("%H:%M")
    zone = local.tzname() or seg.zone
    if seg.style == "date":
        return f"{local:%A, %B} {local.day}, {local.year}"
    if seg.style == "time":
        return f"{clock} {zone}"
    if seg.style == "short":
        return f"{local:%b} {local.day}, {local.year} {clock} {zone}"
    if seg.style == "relative":
        return f"{local:%b} {local.day}, {local.year} {clock} {zone}"
    return f"{local:%A, %B} {local.day}, {local.year} at {clock} {zone}"


def _time(seg: Time) -> str:
    instant = seg.instant if seg.instant.tzinfo else seg.instant.replace(tzinfo=UTC)
    unix = int(instant.timestamp())
    fallback = time_fallback(seg).replace("|", "/")
    token = f"<!date^{unix}^{_DATE_TOKENS.get(seg.style, _DATE_TOKENS['full'])}|{escape(fallback)}>"
    if seg.at_place and seg.style != "relative":
        # the meetup's own wall time, then the viewer's
        return f"{escape(seg.place_text())} (your time: {token})"
    return token


def _name(user: UserRef) -> str:
    return user.name or "a member"


# Slack formats `*bold*` and `` `code` `` only when the markers do not touch a word: a
# letter, digit or another marker right outside them leaves the asterisks on screen.
_GLUED = re.compile(r"[\w*_~`]")


def _marked(marker: str, text: str) -> list[tuple[str, bool]]:
    """Pieces for `marker`-wrapped text: surrounding spaces stay outside the markers (Slack
    wants none inside them), as unmarked pieces."""
    inner = text.strip()
    if not inner:
        return [(text, False)]
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return [(lead, False), (f"{marker}{inner}{marker}", True), (trail, False)]


def _join(pieces: Iterable[tuple[str, bool]]) -> str:
    """Join rendered pieces, with a space wherever a marked piece would touch a word."""
    out: list[str] = []
    last, after_mark = "", False
    for piece, marked in pieces:
        if not piece:
            continue
        if (marked and _GLUED.match(last)) or (after_mark and _GLUED.match(piece[0])):
            out.append(" ")
        out.append(piece)
        last, after_mark = piece[-1], marked
    return "".join(out)


def _piece(seg: Segment, allowed: set[str]) -> list[tuple[str, bool]]:
    if isinstance(seg, Text):
        return [(escape(seg.text), False)]
    if isinstance(seg, Bold):
        # mrkdwn has no escape: an asterisk inside (a title's "*") would end the bold early
        return _marked("*", escape(seg.text).replace("*", "\u2217"))
    if isinstance(seg, Code):
        if "`" in seg.text:  # Slack code cannot hold a backtick: show it as text
            return [(escape(seg.text), False)]
        return _marked("`", escape(seg.text))
    if isinstance(seg, Time):
        return [(_time(seg), False)]
    if isinstance(seg, Mention):
        if seg.user.id in allowed:
            return [(f"<@{seg.user.id}>", False)]
        return [(escape(_name(seg.user)), False)]
    url = escape(seg.url.replace("|", "%7C"))
    label = escape(seg.label).replace("|", "/") or url
    return [(f"<{url}|{label}>", False)]


def mrkdwn(segments: Iterable[Segment], ping: Iterable[UserRef] = ()) -> str:
    """Render segments as Slack mrkdwn."""
    allowed = {u.id for u in ping}
    return _join(piece for seg in segments for piece in _piece(seg, allowed))


def plain(segments: Iterable[Segment]) -> str:
    """Render segments as plain text (notification fallback); still escaped, never pings."""
    out: list[str] = []
    for seg in segments:
        if isinstance(seg, Text | Bold | Code):
            out.append(seg.text)
        elif isinstance(seg, Time):
            out.append(time_fallback(seg))
        elif isinstance(seg, Mention):
            out.append(_name(seg.user))
        elif isinstance(seg, Link):
            out.append(seg.label or seg.url)
    return escape("".join(out))


def _md(text: str) -> Block:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _pt(text: str, limit: int) -> Block:
    text = text.strip() or " "
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return {"type": "plain_text", "text": text, "emoji": True}


def split_text(text: str, limit: int = SECTION_MAX) -> list[str]:
    """Split mrkdwn into chunks of at most `limit` characters, at a line break or space when
    possible and never inside a `<...>` token or an `&...;` entity."""
    chunks: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut < limit // 2:
            cut = text.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        opened = text.rfind("<", 0, cut)
        if opened > text.rfind(">", 0, cut) and opened > 0:
            cut = opened
        amp = text.rfind("&", max(0, cut - 6), cut)
        if amp != -1 and ";" not in text[amp:cut] and amp > 0:
            cut = amp
        chunks.append(text[:cut])
        text = text[cut:].lstrip("\n")
    if text:
        chunks.append(text)
    return chunks


def _field_text(f: Field, ping: tuple[UserRef, ...], limit: int) -> str:
    value = mrkdwn(f.value, ping) or " "
    text = f"*{escape(f.name)}*\n{value}"
    return text if len(text) <= limit else split_text(text, limit - 1)[0] + "…"


def _button(b: Button, index: int) -> Block:
    element: Block = {"type": "button", "text": _pt(b.label, BUTTON_TEXT_MAX)}
    if b.url:
        # Link buttons still send an interaction to the app; it is acknowledged and dropped.
        element["url"] = b.url[:3000]
        element["action_id"] = f"{LINK_ACTION_PREFIX}{index}"
    else:
        element["action_id"] = b.action_id
        element["value"] = b.action_id
    if b.style in ("primary", "success"):
        element["style"] = "primary"
    elif b.style == "danger":
        element["style"] = "danger"
    return element


def _select(menu: SelectMenu) -> Block:
    return {
        "type": "static_select",
        "action_id": menu.action_id,
        "placeholder": _pt(menu.placeholder or "Choose…", 150),
        "options": [
            {"text": _pt(c.label, OPTION_TEXT_MAX), "value": c.value[:OPTION_VALUE_MAX]}
            for c in menu.options[:OPTIONS_MAX]
        ],
    }


def _action_blocks(msg: Outgoing) -> list[Block]:
    elements = [_button(b, i) for i, b in enumerate(msg.buttons)]
    elements += [_select(m) for m in msg.selects if m.options]
    blocks: list[Block] = []
    current: list[Block] = []
    seen: set[str] = set()
    for element in elements:
        action_id = element["action_id"]
        if len(current) == ACTIONS_PER_BLOCK or action_id in seen:
            blocks.append({"type": "actions", "elements": current})
            current, seen = [], set()
        current.append(element)
        seen.add(action_id)
    if current:
        blocks.append({"type": "actions", "elements": current})
    return blocks


_SUBTEAM_ID = re.compile(r"^S[A-Z0-9]{2,20}$")


def announce_text(msg: Outgoing) -> str:
    """`msg.announce` as user group mentions (`<!subteam^ID>`, which notify the group); a
    group that is not a Slack user group id shows as its escaped label and notifies nobody."""
    parts = []
    for g in msg.announce:
        if _SUBTEAM_ID.match(g.id):
            parts.append(f"<!subteam^{g.id}>")
        elif g.label:
            parts.append(escape(f"@{g.label}"))
    return " ".join(parts)


def blocks_for(msg: Outgoing, *, extra_note: str | None = None) -> list[Block]:
    """Block Kit blocks for a message or card: the groups it announces, header, body
    sections, fields, actions."""
    blocks: list[Block] = []
    announce = announce_text(msg)
    if announce:
        blocks.append({"type": "section", "text": _md(announce)})
    if msg.title:
        blocks.append({"type": "header", "text": _pt(msg.title, HEADER_MAX)})
    body = mrkdwn(msg.body, msg.ping)
    for chunk in split_text(body):
        if chunk.strip():
            blocks.append({"type": "section", "text": _md(chunk)})
    inline: list[Block] = []

    def flush() -> None:
        for i in range(0, len(inline), FIELDS_PER_SECTION):
            blocks.append({"type": "section", "fields": inline[i : i + FIELDS_PER_SECTION]})
        inline.clear()

    for f in msg.fields:
        if f.inline:
            inline.append(_md(_field_text(f, msg.ping, FIELD_MAX)))
        else:
            flush()
            blocks.append({"type": "section", "text": _md(_field_text(f, msg.ping, SECTION_MAX))})
    flush()
    if extra_note:
        blocks.append({"type": "context", "elements": [_md(escape(extra_note))]})
    actions = _action_blocks(msg)
    room = BLOCKS_MAX - len(actions)
    return blocks[:room] + actions


def with_zone(msg: Outgoing, zone: str | None) -> Outgoing:
    """The message with every `Time` falling back to `zone` (a DM reader's own Slack time zone)
    instead of the community's: used for the notification text of DMs."""
    if not zone:
        return msg

    def fix(segments: Segments) -> Segments:
        # a meetup's time stays in its city's zone (it is shown with that zone's name)
        return tuple(
            replace(s, zone=zone) if isinstance(s, Time) and not s.at_place else s for s in segments
        )

    return replace(
        msg, body=fix(msg.body), fields=tuple(replace(f, value=fix(f.value)) for f in msg.fields)
    )


def fallback_text(msg: Outgoing) -> str:
    """Top-level `text`: what notifications and screen readers show."""
    parts = [escape(msg.title)] if msg.title else []
    announce = announce_text(msg)
    if announce:
        parts.insert(0, announce)
    body = plain(msg.body)
    if body:
        parts.append(body)
    text = " — ".join(parts) or "Tweetup"
    return text if len(text) <= FALLBACK_TEXT_MAX else text[: FALLBACK_TEXT_MAX - 1] + "…"


def message_payload(msg: Outgoing, *, extra_note: str | None = None) -> dict[str, Any]:
    """Arguments for chat.postMessage / chat.update / chat.postEphemeral / respond()."""
    return {"text": fallback_text(msg), "blocks": blocks_for(msg, extra_note=extra_note)}


# --- forms ---------------------------------------------------------------------------------------


def _initial_datetime(default: str) -> int | None:
    if not default:
        return None
    if default.isdigit():
        return int(default)
    try:
        parsed = datetime.fromisoformat(default)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp())


def _element(f: FormField) -> Block:
    if f.kind == "city":
        element: Block = {"type": "external_select", "action_id": f.name, "min_query_length": 2}
        if f.placeholder:
            element["placeholder"] = _pt(f.placeholder, 150)
        if f.default:
            element["initial_option"] = {
                "text": _pt(f.default, OPTION_TEXT_MAX),
                "value": f.default[:OPTION_VALUE_MAX],
            }
        return element
    if f.kind == "datetime":
        element = {"type": "datetimepicker", "action_id": f.name}
        initial = _initial_datetime(f.default)
        if initial is not None:
            element["initial_date_time"] = initial
        return element
    element = {"type": "plain_text_input", "action_id": f.name}
    if f.kind == "long_text":
        element["multiline"] = True
    limit = f.max_length if 0 < f.max_length <= 3000 else 3000
    if 0 < f.max_length <= 3000:
        element["max_length"] = f.max_length
    if f.default:
        element["initial_value"] = f.default[:limit]
    if f.placeholder:
        element["placeholder"] = _pt(f.placeholder, 150)
    return element


EXTRA_DATE_OPTIONS = 3
EXTRA_SEPARATOR = "~"
_POLL_HINT = re.compile(r"\s*\([^)]*\|[^)]*\)")


def _input(name: str, label: str, optional: bool, element: Block) -> Block:
    return {
        "type": "input",
        "block_id": name,
        "optional": optional,
        "label": _pt(label, 2000),
        "element": {**element, "action_id": name},
    }


def _poll_capable(f: FormField) -> bool:
    """A date-time field that takes several values (FormField.multiple, a date poll's
    options); Slack shows one date-time picker per option instead."""
    return f.kind == "datetime" and f.multiple


def form_view(form: Form, metadata: Mapping[str, Any]) -> dict[str, Any]:
    """A modal view. Each field is an input block whose block_id and action_id are the field
    name, so submitted values and inline errors map back to field names directly. A date-time
    field that takes several options gets extra optional pickers `name~2`, `name~3`...; their
    values are joined with " | " on submission."""
    blocks: list[Block] = []
    for f in form.fields:
        if _poll_capable(f):
            label = _POLL_HINT.sub("", f.label).strip() or f.label
            blocks.append(_input(f.name, label, not f.required, _element(f)))
            for k in range(2, EXTRA_DATE_OPTIONS + 2):
                blocks.append(
                    _input(
                        f"{f.name}{EXTRA_SEPARATOR}{k}",
                        f"Another option for a date poll ({k})",
                        True,
                        {"type": "datetimepicker"},
                    )
                )
        else:
            blocks.append(_input(f.name, f.label, not f.required, _element(f)))
    return {
        "type": "modal",
        "callback_id": f"{FORM_CALLBACK_PREFIX}{form.form_id}",
        "title": _pt(form.title, MODAL_TITLE_MAX),
        "submit": _pt(form.submit_label, MODAL_TITLE_MAX),
        "close": _pt("Cancel", MODAL_TITLE_MAX),
        "private_metadata": json.dumps(dict(metadata), separators=(",", ":"))[:3000],
        "blocks": blocks,
    }


def picker_text(stamp: float) -> str:
    """A date-time picker's instant as text the core's date reader understands and that names
    its zone: "2026-11-27 19:00 UTC" (pickers have minute resolution)."""
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M UTC")


def form_values(state_values: Mapping[str, Any]) -> dict[str, str]:
    """view.state.values -> field name -> string. Date-times become "YYYY-MM-DD HH:MM UTC"."""
    values: dict[str, str] = {}
    for block_id, actions in state_values.items():
        if not isinstance(actions, Mapping):
            continue
        for action_id, state in actions.items():
            if not isinstance(state, Mapping):
                continue
            name = action_id or block_id
            kind = state.get("type")
            value: Any = None
            if kind in ("plain_text_input", "number_input", "email_text_input", "url_text_input"):
                value = state.get("value")
            elif kind in ("external_select", "static_select"):
                option = state.get("selected_option") or {}
                value = option.get("value") if isinstance(option, Mapping) else None
            elif kind == "datetimepicker":
                stamp = state.get("selected_date_time")
                if isinstance(stamp, int | float):
                    value = picker_text(stamp)
            elif kind == "datepicker":
                value = state.get("selected_date")
            elif kind == "timepicker":
                value = state.get("selected_time")
            else:
                value = state.get("value")
            values[name] = str(value).strip() if value is not None else ""
    extras = sorted(
        (k for k in values if EXTRA_SEPARATOR in k),
        key=lambda k: (k.split(EXTRA_SEPARATOR)[0], _int(k.split(EXTRA_SEPARATOR)[1])),
    )
    for key in extras:
        extra = values.pop(key)
        base = key.split(EXTRA_SEPARATOR)[0]
        if extra:
            values[base] = f"{values[base]} | {extra}" if values.get(base) else extra
    return values


def _int(text: str) -> int:
    return int(text) if text.isdigit() else 0


def suggestion_options(choices: Iterable[Any]) -> list[dict[str, Any]]:
    """`Choice`s -> options for an external select (at most 100)."""
    out: list[dict[str, Any]] = []
    for choice in choices:
        out.append(
            {
                "text": _pt(choice.label, OPTION_TEXT_MAX),
                "value": str(choice.value)[:OPTION_VALUE_MAX],
            }
        )
        if len(out) == OPTIONS_MAX:
            break
    return out


def slack_text_to_plain(text: str) -> str:
    """A member's Slack message -> plain text for the watcher: `<@U1|bob>` -> `@bob`,
    `<https://x|label>` -> `label`, `<https://x>` -> the URL, entities unescaped."""
    out: list[str] = []
    i = 0
    while i < len(text):
        start = text.find("<", i)
        if start == -1:
            out.append(text[i:])
            break
        end = text.find(">", start)
        if end == -1:
            out.append(text[i:])
            break
        out.append(text[i:start])
        token = text[start + 1 : end]
        target, _, label = token.partition("|")
        if target.startswith("@"):
            out.append("@" + (label or target[1:]))
        elif target.startswith("#"):
            out.append("#" + (label or target[1:]))
        elif target.startswith("!date"):
            out.append(label)
        elif target.startswith("!"):
            name = label or target[1:].split("^")[0]
            out.append(name if name.startswith("@") else "@" + name)
        else:
            out.append(label or target)
        i = end + 1
    return unescape("".join(out))
