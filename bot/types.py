"""Neutral values and events shared by the core and every adapter.

The core speaks only these types; adapters translate them to and from a platform. Outgoing text
is a sequence of segments so that the core never writes platform markup: each adapter renders a
`Time` in the viewer's own zone, `Bold` and `Code` its own way, escapes member-written `Text`,
and pings only the users listed in `Outgoing.ping`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# --- who and where -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class UserRef:
    """A member of a platform. Equality ignores the display name, which can change."""

    platform: str
    id: str
    name: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Place:
    """A channel (or thread) in a community. `workspace_id` names the community:
    a Discord guild, a Slack team, a console community. It is empty (`NO_COMMUNITY`) for a
    direct message that belongs to no community (Discord DMs): the core then finds the
    community from what a clicked button refers to."""

    platform: str
    workspace_id: str
    channel_id: str
    thread_id: str | None = None


NO_COMMUNITY = ""


@dataclass(frozen=True, slots=True)
class MessageRef:
    place: Place
    message_id: str


# --- rich text -----------------------------------------------------------------------------------

TimeStyle = Literal["full", "short", "date", "time", "relative"]


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text, possibly member-written: adapters escape it so it can never ping anyone."""

    text: str


@dataclass(frozen=True, slots=True)
class Bold:
    text: str


@dataclass(frozen=True, slots=True)
class Code:
    """Something to type as is, such as a command (`/meetup list`): adapters show it as code.
    Core text marks it with backticks; `bot.render.prose` turns those into this segment."""

    text: str


@dataclass(frozen=True, slots=True)
class Time:
    """An instant (aware, UTC). Discord and Slack render it in each viewer's zone; `zone` is an
    IANA zone (the meetup's or the community's), used for the console and plain-text fallbacks.

    `at_place`: the instant belongs to a place (a meetup in its city): every adapter also
    shows the wall time there with the zone's abbreviation ("Fri 11 Jan 2030 19:00 PST")."""

    instant: datetime
    style: TimeStyle = "full"
    zone: str = "UTC"
    at_place: bool = False

    def place_text(self) -> str:
        """The wall time in `zone` with its abbreviation: "Fri 11 Jan 2030 19:00 PST"."""
        try:
            tz: tzinfo = ZoneInfo(self.zone)
        except (ZoneInfoNotFoundError, ValueError):
            tz = UTC
        local = self.instant.astimezone(tz)
        if self.style == "date":
            return f"{local:%a %d %b %Y}"
        if self.style == "time":
            return f"{local:%H:%M} {local.tzname()}"
        return f"{local:%a %d %b %Y %H:%M} {local.tzname()}"


@dataclass(frozen=True, slots=True)
class Mention:
    """A reference to a member. It pings only if the member is also in `Outgoing.ping`."""

    user: UserRef


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True, slots=True)
class GroupRef:
    """A group of members: a Discord role, a Slack user group (a plain label on the console).
    Inbound, what an admin's `group` option referred to (`CommandInvoked.groups`); outbound,
    a group a message announces (`Outgoing.announce`), which each adapter renders as its
    platform's group mention. Only the core announces one, never member text."""

    id: str
    label: str = ""


Segment = Text | Bold | Code | Time | Mention | Link
Segments = tuple[Segment, ...]


def prose(message: str) -> Segments:
    """Core-written text -> segments: each `...` span (a command to type) becomes `Code`, so
    every platform shows it as code instead of literal backticks. A lone backtick stays text."""
    pieces = message.split("`")
    if len(pieces) % 2 == 0:  # an unpaired backtick: the last one is literal
        pieces[-2:] = [pieces[-2] + "`" + pieces[-1]]
    parts: list[Segment] = []
    for i, piece in enumerate(pieces):
        if i % 2:
            parts.append(Code(piece) if piece else Text("``"))
        elif piece:
            parts.append(Text(piece))
    return tuple(parts) or (Text(message),)


# --- message parts -------------------------------------------------------------------------------

ButtonStyle = Literal["primary", "secondary", "success", "danger"]


@dataclass(frozen=True, slots=True)
class Button:
    """A button. `action_id` is a short id (see bot/actions.py, at most 100 characters);
    a button with `url` set is a link button and sends no event."""

    label: str
    action_id: str
    style: ButtonStyle = "secondary"
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """An option of a select menu or an autocomplete suggestion."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class SelectMenu:
    action_id: str
    placeholder: str
    options: tuple[Choice, ...]


@dataclass(frozen=True, slots=True)
class Field:
    """A labelled value on a card (e.g. "When" -> Time segment)."""

    name: str
    value: Segments
    inline: bool = True


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content: bytes
    mime_type: str


@dataclass(frozen=True, slots=True)
class Outgoing:
    """A message or card. At most 25 buttons (adapters lay them out in rows of 5). `title` and
    field names are plain text and are escaped like `Text`."""

    body: Segments = ()
    title: str | None = None
    fields: tuple[Field, ...] = ()
    buttons: tuple[Button, ...] = ()
    selects: tuple[SelectMenu, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    ephemeral: bool = False
    ping: tuple[UserRef, ...] = ()
    """Users this message may notify. Everyone else, @everyone, @here and roles never ping."""
    announce: tuple[GroupRef, ...] = ()
    """Groups mentioned above the message, which notify their members (a meetup's card in an
    area with a role). Adapters allow exactly these mentions and never @everyone or @here."""
    dedupe_key: str | None = None
    """Set on sends that may be retried after a crash (reminders): the same key means the
    same message. Adapters pass it where the platform deduplicates (Discord: nonce with
    enforce_nonce)."""


@dataclass(frozen=True, slots=True)
class NativeEvent:
    """A meetup as the platform's own event (a Discord Guild Scheduled Event): shown in the
    platform's events list. `location` is the venue and city; `channel_id` a voice or stage
    channel an online meetup takes place in (the adapter decides whether it can use it)."""

    title: str
    description: str
    starts_at: datetime
    ends_at: datetime
    location: str
    channel_id: str | None = None


# --- forms ---------------------------------------------------------------------------------------

FormFieldKind = Literal["text", "long_text", "number", "datetime", "city"]


@dataclass(frozen=True, slots=True)
class FormField:
    name: str
    label: str
    kind: FormFieldKind = "text"
    required: bool = True
    default: str = ""
    placeholder: str = ""
    max_length: int = 100
    multiple: bool = False
    """Takes several values (a date poll's options); they are submitted joined by " | "."""


@dataclass(frozen=True, slots=True)
class Form:
    """A modal (Discord, Slack) or a field-by-field prompt (console). At most 5 fields."""

    form_id: str
    title: str
    fields: tuple[FormField, ...]
    submit_label: str = "Submit"


# --- commands (the neutral command table the adapters build their surfaces from) ----------------

OptionKind = Literal["text", "integer", "when", "city", "choice", "boolean", "group"]
"""`group`: a group of members (a Discord role, a Slack user group), typed as text; the adapter
reads the platform's reference to one into `CommandInvoked.groups`."""


@dataclass(frozen=True, slots=True)
class OptionSpec:
    name: str
    description: str
    kind: OptionKind = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    min_value: int | None = None
    max_value: int | None = None
    max_length: int | None = None

    @property
    def autocomplete(self) -> bool:
        """City and time options get suggestions as the member types."""
        return self.kind in ("city", "when")


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A subcommand of `/meetup`."""

    name: str
    description: str
    example: str
    options: tuple[OptionSpec, ...] = ()
    admin_only: bool = False


# --- inbound events ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CommandInvoked:
    """A `/meetup` command. `options` are the texts typed; an option of kind `group` whose
    text referred to the platform's group (a role mention, a user group, a bare group id) is
    in `groups` instead, as the group's id and label. The platform's everyone-group arrives
    as the text "@everyone" (or "@here", "@channel"), which the core refuses by name."""

    user: UserRef
    place: Place
    name: str
    options: Mapping[str, str]
    key: str
    is_admin: bool = False
    handle: Any = field(default=None, compare=False, repr=False)
    groups: Mapping[str, GroupRef] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ActionClicked:
    user: UserRef
    place: Place
    message: MessageRef | None
    action_id: str
    key: str
    is_admin: bool = False
    values: tuple[str, ...] = ()
    handle: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class FormSubmitted:
    user: UserRef
    place: Place
    form_id: str
    values: Mapping[str, str]
    key: str
    is_admin: bool = False
    handle: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class MessageSeen:
    user: UserRef
    place: Place
    message: MessageRef
    text: str
    key: str
    is_admin: bool = False
    handle: Any = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class SuggestionsRequested:
    user: UserRef
    place: Place
    command: str
    option: str
    partial: str
    handle: Any = field(default=None, compare=False, repr=False)
    options: Mapping[str, str] = field(default_factory=dict)
    """The other options typed so far, where the platform sends them (Discord does):
    suggestions for `when` follow the `city` already chosen."""


Inbound = CommandInvoked | ActionClicked | FormSubmitted | MessageSeen


# --- what the composition root hands an adapter at construction ----------------------------
# Plain values read from the config by bot.config (its PLATFORMS registry); an adapter's
# `create(settings)` receives its platform's row.

DISCORD_API = "https://discord.com/api/v10"
DISCORD_GATEWAY = "wss://gateway.discord.gg/"
SLACK_HOST, SLACK_PORT, SLACK_PATH = "0.0.0.0", 3000, "/slack/events"
SLACK_API = "https://slack.com/api/"


class Secret(str):
    """A string that hides itself from repr and logs."""

    def __repr__(self) -> str:
        return "Secret('***')"

    def reveal(self) -> str:
        return str.__str__(self)


@dataclass(frozen=True, slots=True)
class DiscordSettings:
    token: Secret
    guild_ids: tuple[int, ...] = ()
    api_base_url: str = DISCORD_API
    gateway_url: str = DISCORD_GATEWAY
    shard_ids: tuple[int, ...] | None = None
    shard_count: int | None = None
    dm_rate_per_second: float = 47.0  # Discord's global limit is 50 requests/s
    # The privileged Server Members intent: only with it does Discord say when a member
    # leaves a server (a greeter who left is then replaced). Needs the portal's toggle.
    members_intent: bool = False


@dataclass(frozen=True, slots=True)
class SlackSettings:
    bot_token: Secret
    signing_secret: Secret
    app_token: Secret | None = None
    mode: str = "socket"  # "socket" | "http"
    http_host: str = SLACK_HOST
    http_port: int = SLACK_PORT
    http_path: str = SLACK_PATH
    api_url: str = SLACK_API
    posts_per_second_per_channel: float = 1.0
