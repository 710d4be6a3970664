"""The console: a simulated community in a terminal, no accounts needed.

Several members, channels and DMs. `/meetup ...` lines are slash commands (the same table and
parser the platforms use), plain text is a chat message, `/as <name>` and `/channel <name>`
switch who speaks where, `/click <n>` presses button n of the latest card the current member
can see, `/clock +1h` moves the simulated clock and fires what came due. Forms prompt field by
field (in a script, the next lines answer them).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from adapters.console import render
from bot.commandline import CommandLineError, parse_command_line
from bot.ports import Inbox
from bot.types import (
    ActionClicked,
    CommandInvoked,
    Form,
    FormField,
    FormSubmitted,
    Inbound,
    MessageRef,
    MessageSeen,
    Outgoing,
    Place,
    Time,
    UserRef,
)

PLATFORM = "console"
WORKSPACE = "console"
_DURATION = re.compile(r"^\+?\s*(\d{1,5})\s*(m|min|h|d|w)$")
_UNITS = {"m": 60, "min": 60, "h": 3600, "d": 86400, "w": 604800}

HELP = """Console commands:
  /meetup <command> name:value ...   a Tweetup command (try /meetup help)
  /as <member>                       speak as another member
  /channel <name>                    move to another channel
  /click <n>                         press button n of the latest card you can see
  /clock +<n>m|h|d|w                 move the simulated clock forward (fires reminders)
  /who                               members, channels and the current time
  /quit                              leave
  anything else                      a chat message in the current channel"""


def parse_duration(text: str) -> timedelta:
    match = _DURATION.match(text.strip().lower())
    if not match:
        raise ValueError("Use /clock +<number><unit>, e.g. /clock +30m, +2h, +1d or +1w.")
    return timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])


@dataclass
class _Card:
    ref: MessageRef
    msg: Outgoing
    audience: str | None  # a member id for DMs and ephemeral replies; None: the channel


@dataclass
class _PendingForm:
    form: Form
    event: Inbound
    values: dict[str, str] = field(default_factory=dict)

    def next_field(self) -> FormField | None:
        return next((f for f in self.form.fields if f.name not in self.values), None)


class ConsoleAdapter:
    platform = PLATFORM

    def __init__(
        self,
        members: tuple[str, ...],
        channels: tuple[str, ...],
        lines: AsyncIterator[str],
        write: Callable[[str], None],
        now: Callable[[], datetime],
        advance: Callable[[timedelta], Awaitable[int]] | None = None,
        admins: tuple[str, ...] | None = None,
        zone: str = "UTC",
        echo: bool = True,
    ) -> None:
        self.members = {name.lower(): UserRef(PLATFORM, name.lower(), name) for name in members}
        self.channels = tuple(c.lower().lstrip("#") for c in channels)
        self.admins = set(admins if admins is not None else members[:1])
        self.lines, self.write, self.now, self.advance = lines, write, now, advance
        self.zone, self.echo = zone, echo
        self.speaker = next(iter(self.members.values()))
        self.channel = self.channels[0]
        self._ids = itertools.count(1)
        self._messages: dict[str, _Card] = {}
        self._latest: dict[str, str] = {}  # member id -> message id of their latest card
        self._form: _PendingForm | None = None
        self._stopped = False

    # --- the ChatAdapter port ---------------------------------------------------------------

    async def run(self, inbox: Inbox) -> None:
        self.write(
            f"Tweetup console. Members: {self._member_list()}. Channels: "
            f"{', '.join('#' + c for c in self.channels)}. Type /help for help."
        )
        async for raw in self.lines:
            if self._stopped:
                break
            line = raw.rstrip("\n")
            if self._form is not None:
                await self._answer_form(inbox, line)
                continue
            if not line.strip():
                continue
            if self.echo:  # a transcript shows who typed what; a terminal already did
                self.write(f"{self.speaker.name} #{self.channel}> {line}")
            if not await self._local_command(inbox, line.strip()):
                break

    async def stop(self) -> None:
        self._stopped = True

    async def post(self, place: Place, msg: Outgoing) -> MessageRef:
        ref = self._new_ref(place)
        self._remember(ref, msg, None)
        self._print(f"[#{place.channel_id}] Tweetup:", msg)
        return ref

    async def update(self, ref: MessageRef, msg: Outgoing) -> None:
        card = self._messages.get(ref.message_id)
        if card is not None:
            self._remember(ref, msg, card.audience)  # the fresh card is the latest in view
        self._print(f"[#{ref.place.channel_id}] (card updated) Tweetup:", msg)

    async def send_dm(self, user: UserRef, msg: Outgoing) -> MessageRef:
        ref = self._new_ref(Place(PLATFORM, WORKSPACE, f"dm-{user.id}"))
        self._remember(ref, msg, user.id)
        self._print(f"(DM to {self._name(user)}) Tweetup:", msg)
        return ref

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        if not msg.ephemeral:
            await self.post(to.place, msg)
            return
        ref = self._new_ref(to.place)
        self._remember(ref, msg, to.user.id)
        self._print(f"(only {self._name(to.user)} sees this) Tweetup:", msg)

    async def open_form(self, to: Inbound, form: Form) -> None:
        self._form = _PendingForm(form, to)
        self.write(
            f"(form for {self._name(to.user)}) {form.title}: answer each field on its own "
            "line; an empty line leaves an optional field blank."
        )
        self._prompt()

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        lines = "; ".join(f"{name}: {message}" for name, message in errors.items())
        self.write(f"(only {self._name(to.user)} sees this) Tweetup: Please fix the form: {lines}")

    # --- input ------------------------------------------------------------------------------

    async def _local_command(self, inbox: Inbox, line: str) -> bool:
        """Handle one typed line. Returns False to quit."""
        word, _, rest = line.partition(" ")
        word = word.lower()
        if word in ("/quit", "/exit"):
            return False
        if word == "/help":
            self.write(HELP)
        elif word == "/who":
            self.write(
                f"You are {self.speaker.name} in #{self.channel}. Members: "
                f"{self._member_list()}. Simulated time: "
                f"{render.time_text(self._time(), self.now())}."
            )
        elif word == "/as":
            member = self.members.get(rest.strip().lower().lstrip("@"))
            if member is None:
                self.write(f"No member called {rest.strip()!r}. Members: {self._member_list()}.")
            else:
                self.speaker = member
        elif word == "/channel":
            name = rest.strip().lower().lstrip("#")
            if name not in self.channels:
                self.write(
                    f"No channel #{name}. Channels: {', '.join('#' + c for c in self.channels)}."
                )
            else:
                self.channel = name
        elif word == "/click":
            await self._click(inbox, rest.strip())
        elif word == "/clock":
            await self._clock(rest)
        elif word == "/meetup":
            await self._command(inbox, rest)
        elif word.startswith("/"):
            self.write(f"Unknown console command {word}. Type /help.")
        else:
            await inbox.handle(
                MessageSeen(
                    self.speaker,
                    self._place(),
                    MessageRef(self._place(), str(next(self._ids))),
                    line,
                    self._key(),
                )
            )
        return True

    async def _command(self, inbox: Inbox, text: str) -> None:
        try:
            parsed = parse_command_line(text)
        except CommandLineError as exc:
            self.write(f"(only {self.speaker.name} sees this) Tweetup: {exc}")
            return
        await inbox.handle(
            CommandInvoked(
                self.speaker,
                self._place(),
                parsed.name,
                parsed.options,
                self._key(),
                self._is_admin(),
            )
        )

    async def _click(self, inbox: Inbox, arg: str) -> None:
        card_id = self._latest.get(self.speaker.id)
        card = self._messages.get(card_id or "")
        if card is None or not card.msg.buttons:
            self.write("There is no card with buttons in your view yet.")
            return
        try:
            button = card.msg.buttons[int(arg) - 1]
            if int(arg) < 1:
                raise IndexError
        except (ValueError, IndexError):
            self.write(f"Pick a button from 1 to {len(card.msg.buttons)}, e.g. /click 1.")
            return
        if button.url:
            self.write(f"(opens {button.url})")
            return
        place = card.ref.place if card.audience is None else self._place()
        await inbox.handle(
            ActionClicked(
                self.speaker, place, card.ref, button.action_id, self._key(), self._is_admin()
            )
        )

    async def _clock(self, arg: str) -> None:
        if self.advance is None:
            self.write("The clock is real in this mode; it cannot be moved.")
            return
        try:
            delta = parse_duration(arg)
        except ValueError as exc:
            self.write(str(exc))
            return
        await self.advance(delta)
        self.write(f"(clock) It is now {render.time_text(self._time(), self.now())}.")

    async def _answer_form(self, inbox: Inbox, line: str) -> None:
        pending = self._form
        assert pending is not None
        current = pending.next_field()
        assert current is not None
        value = line.strip() or current.default
        if not value and current.required:
            self.write(f"{current.label} is required.")
            self._prompt()
            return
        pending.values[current.name] = value
        if pending.next_field() is not None:
            self._prompt()
            return
        self._form = None
        event = pending.event
        await inbox.handle(
            FormSubmitted(
                event.user,
                event.place,
                pending.form.form_id,
                dict(pending.values),
                self._key(),
                event.is_admin,
            )
        )

    # --- helpers ----------------------------------------------------------------------------

    def _prompt(self) -> None:
        assert self._form is not None
        f = self._form.next_field()
        if f is not None:
            hint = f" (e.g. {f.placeholder})" if f.placeholder else ""
            optional = "" if f.required else " [optional]"
            self.write(f"  {f.label}{optional}{hint}:")

    def _time(self) -> Time:
        return Time(self.now(), "full", self.zone)

    def _place(self) -> Place:
        return Place(PLATFORM, WORKSPACE, self.channel)

    def _key(self) -> str:
        return f"c{next(self._ids)}"

    def _is_admin(self) -> bool:
        return self.speaker.name in self.admins or self.speaker.id in self.admins

    def _name(self, user: UserRef) -> str:
        known = self.members.get(user.id)
        return known.name if known else (user.name or user.id)

    def _member_list(self) -> str:
        return ", ".join(
            f"{m.name}{' (admin)' if self._is_admin_name(m.name) else ''}"
            for m in self.members.values()
        )

    def _is_admin_name(self, name: str) -> bool:
        return name in self.admins or name.lower() in self.admins

    def _new_ref(self, place: Place) -> MessageRef:
        return MessageRef(place, str(next(self._ids)))

    def _remember(self, ref: MessageRef, msg: Outgoing, audience: str | None) -> None:
        self._messages[ref.message_id] = _Card(ref, msg, audience)
        if not msg.buttons:
            return
        if audience is not None:
            self._latest[audience] = ref.message_id
        else:
            for member in self.members:
                self._latest[member] = ref.message_id

    def _print(self, head: str, msg: Outgoing) -> None:
        lines = render.message(msg, self.now())
        self.write(f"{head} {lines[0] if lines else ''}")
        for line in lines[1:]:
            self.write(line)
