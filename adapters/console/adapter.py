"""The console: a simulated community in a terminal, no accounts needed.

Several members, channels and DMs. `/meetup ...` lines are slash commands (the same table and
parser the platforms use), plain text is a chat message, `/as <name>` and `/channel <name>`
switch who speaks where, `/dm` moves to your DMs with the bot, `/click <n>` presses button n of
the latest card in the current conversation, `/clock +1h` moves the simulated clock and fires
what came due. Forms prompt field by field (in a script, the next lines answer them); `/cancel`
leaves a form, and a field the bot rejects is asked again with the other answers kept.

Event keys and message ids carry a random per-run prefix: two runs on one database must never
look like redeliveries of each other's events.
"""

from __future__ import annotations

import itertools
import re
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from adapters.commandline import CommandLineError, by_name, parse_command_line
from adapters.console import render
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
DM = "dm"  # the conversation of a member's DMs with the bot
_DURATION = re.compile(r"^\+?\s*(\d{1,5})\s*(m|min|h|d|w)$")
_UNITS = {"m": 60, "min": 60, "h": 3600, "d": 86400, "w": 604800}

HELP = """Console commands:
  /meetup <command> name:value ...   a Tweetup command (try /meetup help)
  /as <member>                       speak as another member
  /channel <name>                    move to another channel
  /dm                                move to your DMs with the bot (seat offers, reminders)
  /click <n>                         press button n of the latest card in this conversation
  /cancel                            leave a form you are filling in
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
    conversation: str  # a channel name, or DM


@dataclass
class _PendingForm:
    form: Form
    event: Inbound
    values: dict[str, str] = field(default_factory=dict)

    def next_field(self) -> FormField | None:
        return next((f for f in self.form.fields if f.name not in self.values), None)

    def label(self, name: str) -> str:
        return next((f.label for f in self.form.fields if f.name == name), name)


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
        self.in_dm = False  # the speaker is in their DMs with the bot, not in self.channel
        self._run = uuid.uuid4().hex[:12]  # unique per run: keys never repeat across runs
        self._ids = itertools.count(1)
        self._messages: dict[str, _Card] = {}
        # (member id, conversation) -> message id of the latest card with buttons there
        self._latest: dict[tuple[str, str], str] = {}
        self._form: _PendingForm | None = None
        self._submitted: dict[str, _PendingForm] = {}  # event key -> the form it submitted
        self._from_dm: set[str] = set()  # keys of clicks made in the DMs
        self._dm_keys: set[tuple[str, str]] = set()  # (member, dedupe key) DMed this run
        self._post_keys: dict[tuple[str, str], MessageRef] = {}  # (channel, key) posted
        self._stopped = False

    # --- the ChatAdapter port ---------------------------------------------------------------

    async def run(self, inbox: Inbox) -> None:
        self.write(
            f"Tweetup console. Members: {self._member_list()}. Channels: "
            f"{', '.join('#' + c for c in self.channels)}. {self._clock_banner()} "
            "Type /help for help."
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
                self.write(f"{self.prompt()}{line}")
            if not await self._local_command(inbox, line.strip()):
                break

    async def stop(self) -> None:
        self._stopped = True

    async def post(
        self, place: Place, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        ref = self._new_ref(place)
        self._remember(ref, msg, None, place.channel_id)
        if msg.dedupe_key:
            self._post_keys[(place.channel_id, msg.dedupe_key)] = ref
        self._print(f"[#{place.channel_id}] Tweetup:", msg)
        return ref

    async def update(
        self, ref: MessageRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> None:
        card = self._messages.get(ref.message_id)
        if card is not None:  # the fresh card is the latest in its conversation
            self._remember(ref, msg, card.audience, card.conversation)
        else:  # a card from an earlier run: it is in its channel
            self._remember(ref, msg, None, ref.place.channel_id)
        self._print(f"[#{ref.place.channel_id}] (card updated) Tweetup:", msg)

    async def send_dm(
        self, user: UserRef, msg: Outgoing, *, answering: Inbound | None = None
    ) -> MessageRef:
        ref = self._new_ref(Place(PLATFORM, WORKSPACE, f"dm-{user.id}"))
        self._remember(ref, msg, user.id, DM)
        if msg.dedupe_key:
            self._dm_keys.add((user.id, msg.dedupe_key))
        self._print(f"(DM to {self._name(user)}) Tweetup:", msg)
        if msg.buttons:
            self.write(f"  (as {self._name(user)}: /dm, then /click <n>)")
        return ref

    async def find_sent(self, user: UserRef, dedupe_key: str, since: datetime) -> bool:
        """The terminal keeps no history to read back: what this run printed."""
        return (user.id, dedupe_key) in self._dm_keys

    async def find_posted(
        self, place: Place, dedupe_key: str, since: datetime
    ) -> MessageRef | None:
        """Likewise: what this run posted in the channel."""
        return self._post_keys.get((place.channel_id, dedupe_key))

    async def reply(self, to: Inbound, msg: Outgoing) -> None:
        if not msg.ephemeral:
            await self.post(to.place, msg)
            return
        ref = self._new_ref(to.place)
        self._remember(ref, msg, to.user.id, self._conversation_of(to))
        self._print(f"(only {self._name(to.user)} sees this) Tweetup:", msg)

    async def open_form(self, to: Inbound, form: Form) -> None:
        self._form = _PendingForm(form, to)
        self.write(
            f"(form for {self._name(to.user)}) {form.title}: answer each field on its own "
            "line; an empty line leaves an optional field blank; /cancel leaves the form."
        )
        self._prompt()

    async def reject_form(self, to: FormSubmitted, errors: Mapping[str, str]) -> None:
        """Say what was wrong with which field, then ask those fields again and keep the
        other answers."""
        pending = self._submitted.pop(to.key, None)
        name = self._name(to.user)
        for key, message in errors.items():
            label = pending.label(key) if pending else key
            self.write(f"(only {name} sees this) Tweetup: {label}: {message}")
        if pending is None:
            return
        fields = {f.name for f in pending.form.fields}
        retry = {k: v for k, v in pending.values.items() if k not in errors}
        if not fields & set(errors):  # nothing to ask again; the member starts over
            self.write(f"(only {name} sees this) Tweetup: Type /meetup propose to start again.")
            return
        self._form = _PendingForm(pending.form, pending.event, retry)
        self.write(f"(form for {name}) Please answer again (/cancel leaves the form):")
        self._prompt()

    # --- input ------------------------------------------------------------------------------

    def prompt(self) -> str:
        return f"{self.speaker.name} {self._where()}> "

    def _where(self) -> str:
        return "(DM with Tweetup)" if self.in_dm else f"#{self.channel}"

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
                f"You are {self.speaker.name} in {self._where()}. "
                f"Members: {self._member_list()}. Time: "
                f"{render.time_text(self._time(), self.now())}."
            )
        elif word == "/as":
            self._switch_member(rest)
        elif word == "/channel":
            self._switch_channel(rest)
        elif word == "/dm":
            self.in_dm = True
            self.write(f"You are in your DMs with Tweetup. /channel {self.channel} goes back.")
        elif word == "/click":
            await self._click(inbox, rest.strip())
        elif word == "/clock":
            await self._clock(rest)
        elif word == "/cancel":
            self.write("There is no form to cancel.")
        elif self.in_dm and (word == "/meetup" or not word.startswith("/")):
            self.write(
                "Commands and messages go in a channel: type /channel "
                f"{self.channel} first (here, /click presses a DM's buttons)."
            )
        elif word == "/meetup":
            await self._command(inbox, rest)
        elif word.startswith("/"):
            self.write(f"Unknown console command {word}. Type /help.")
        else:
            await self._say(inbox, line)
        return True

    def _switch_member(self, name: str) -> None:
        member = self.members.get(name.strip().lower().lstrip("@"))
        if member is None:
            self.write(f"No member called {name.strip()!r}. Members: {self._member_list()}.")
        else:
            self.speaker = member

    def _switch_channel(self, text: str) -> None:
        name = text.strip().lower().lstrip("#")
        if name not in self.channels:
            self.write(
                f"No channel #{name}. Channels: {', '.join('#' + c for c in self.channels)}."
            )
        else:
            self.channel, self.in_dm = name, False

    async def _say(self, inbox: Inbox, line: str) -> None:
        await inbox.handle(
            MessageSeen(
                self.speaker, self._place(), self._new_ref(self._place()), line, self._key()
            )
        )

    async def _command(self, inbox: Inbox, text: str) -> None:
        try:
            parsed = parse_command_line(text, by_name(inbox.commands))
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
        conversation = DM if self.in_dm else self.channel
        card = self._messages.get(self._latest.get((self.speaker.id, conversation), ""))
        if card is None or not card.msg.buttons:
            other = f"/channel {self.channel}" if self.in_dm else "/dm"
            self.write(f"There is no card with buttons here yet (try {other}).")
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
        key = self._key()
        if self.in_dm:
            self._from_dm.add(key)  # its private replies belong in the DMs
        await inbox.handle(
            ActionClicked(self.speaker, place, card.ref, button.action_id, key, self._is_admin())
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
        if line.strip().lower() == "/cancel":
            self._form = None
            self.write(f"(form for {self._name(pending.event.user)}) Cancelled; nothing was saved.")
            return
        if line.strip().startswith("/"):  # a command typed mid-form is not an answer
            self.write(
                f"You are filling in a form. Answer {current.label}, or type /cancel to "
                "leave the form."
            )
            self._prompt()
            return
        value = line.strip() or current.default
        if not value and current.required:
            self.write(f"{current.label} is required.")
            self._prompt()
            return
        pending.values[current.name] = value
        if pending.next_field() is not None:
            self._prompt()
            return
        await self._submit(inbox, pending)

    async def _submit(self, inbox: Inbox, pending: _PendingForm) -> None:
        self._form = None
        event = pending.event
        key = self._key()
        self._submitted[key] = pending
        try:
            await inbox.handle(
                FormSubmitted(
                    event.user,
                    event.place,
                    pending.form.form_id,
                    dict(pending.values),
                    key,
                    event.is_admin,
                )
            )
        finally:
            self._submitted.pop(key, None)

    # --- helpers ----------------------------------------------------------------------------

    def _clock_banner(self) -> str:
        if self.advance is None:
            return "The clock is real: reminders come at their time."
        return (
            f"The clock is simulated (now {render.time_text(self._time(), self.now())}); "
            "/clock +1h moves it."
        )

    def _prompt(self) -> None:
        assert self._form is not None
        f = self._form.next_field()
        if f is not None:
            hint = f" (e.g. {f.placeholder})" if f.placeholder else ""
            if f.default:  # prefilled (the next meetup): an empty line keeps it
                hint = f" [Enter keeps: {f.default}]"
            optional = "" if f.required else " [optional]"
            self.write(f"  {f.label}{optional}{hint}:")

    def _time(self) -> Time:
        return Time(self.now(), "full", self.zone)

    def _place(self) -> Place:
        return Place(PLATFORM, WORKSPACE, self.channel)

    def _key(self) -> str:
        return f"{self._run}-c{next(self._ids)}"

    def _conversation_of(self, event: Inbound) -> str:
        return DM if event.key in self._from_dm else event.place.channel_id

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
        return MessageRef(place, f"{self._run}-{next(self._ids)}")

    def _remember(
        self, ref: MessageRef, msg: Outgoing, audience: str | None, conversation: str
    ) -> None:
        self._messages[ref.message_id] = _Card(ref, msg, audience, conversation)
        if not msg.buttons:
            return
        for member in [audience] if audience is not None else list(self.members):
            self._latest[(member, conversation)] = ref.message_id

    def _print(self, head: str, msg: Outgoing) -> None:
        lines = render.message(msg, self.now())
        self.write(f"{head} {lines[0] if lines else ''}")
        for line in lines[1:]:
            self.write(line)
