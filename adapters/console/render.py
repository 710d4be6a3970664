"""Neutral messages -> plain terminal text, times shown in the community's zone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.types import Bold, Code, Link, Mention, Outgoing, Segment, Text, Time


def relative(instant: datetime, now: datetime) -> str:
    seconds = int((instant - now).total_seconds())
    future = seconds >= 0
    seconds = abs(seconds)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = round(seconds / size)
            text = f"{n} {unit}{'s' if n != 1 else ''}"
            return f"in {text}" if future else f"{text} ago"
    return "now"


def time_text(t: Time, now: datetime) -> str:
    local = t.instant.astimezone(ZoneInfo(t.zone))
    if t.style == "relative":
        return relative(t.instant, now)
    if t.at_place:
        return t.place_text()
    if t.style == "date":
        return f"{local:%a %d %b %Y}"
    if t.style == "time":
        return f"{local:%H:%M}"
    return f"{local:%a %d %b %Y %H:%M} {local.tzname()}"


def segments(parts: Sequence[Segment], now: datetime) -> str:
    out = []
    for part in parts:
        if isinstance(part, Text):
            out.append(part.text)
        elif isinstance(part, Bold):
            out.append(part.text)  # a terminal shows markdown asterisks as they are
        elif isinstance(part, Code):
            out.append(f"`{part.text}`")  # quoted, so the command's end is clear
        elif isinstance(part, Time):
            out.append(time_text(part, now))
        elif isinstance(part, Mention):
            out.append(f"@{part.user.name or part.user.id}")
        elif isinstance(part, Link):
            out.append(f"{part.label} <{part.url}>")
    return "".join(out)


def message(msg: Outgoing, now: datetime, indent: str = "  ") -> list[str]:
    """Lines of a message; buttons as [n] label, numbered from 1 per card."""
    lines: list[str] = []
    if msg.announce:  # an area's group: a plain label here, nothing notifies
        lines.append(" ".join(f"@{g.label or g.id}" for g in msg.announce))
    if msg.title:
        lines.append(f"== {msg.title} ==")
    body = segments(msg.body, now)
    if body:
        lines.extend(body.split("\n"))
    for f in msg.fields:
        lines.append(f"{f.name}: {segments(f.value, now)}")
    for a in msg.attachments:
        lines.append(f"(attachment {a.filename}, {len(a.content)} bytes, {a.mime_type})")
    for s in msg.selects:
        lines.append(f"{s.placeholder}: " + ", ".join(o.label for o in s.options))
    if msg.buttons:
        lines.append("  ".join(f"[{i}] {b.label}" for i, b in enumerate(msg.buttons, 1)))
    return [indent + line if i else line for i, line in enumerate(lines)]


Printer = Callable[[str], None]
