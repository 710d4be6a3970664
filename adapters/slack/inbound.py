"""Slack payloads -> neutral events: pure functions over the JSON Slack sends (slash command,
block action, view submission, block-suggestion options, message event), no network.

Each event comes with `is_admin=False` and the name Slack sent; the adapter fills both from
users.info before handing it to the core. Its `handle` is a `SlackHandle`: what the adapter
needs to answer (response URL, trigger id, thread).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from adapters.commandline import parse_command_line
from adapters.groups import split_groups
from adapters.whens import read_whens
from bot.ports import GroupLookup
from bot.types import (
    ActionClicked,
    CommandInvoked,
    CommandSpec,
    FormSubmitted,
    GroupRef,
    MessageRef,
    MessageSeen,
    Place,
    SuggestionsRequested,
    UserRef,
)

from . import render

PLATFORM = "slack"
EPHEMERAL_PREFIX = "eph:"
MESSAGE_SUBTYPES = (None, "thread_broadcast", "file_share")
"""Message events the watcher reads: plain messages, thread replies sent to the channel too,
and messages with files. Edits, joins, bot messages... are not members talking."""


class Modal(Enum):
    """Where a submitted modal stands. Slack shows field errors only in the submission's ack,
    so the ack waits (briefly) for the core's verdict."""

    WAITING = "waiting"
    """The ack waits: `reject` shows errors inline, any other answer closes the modal."""
    REJECTED = "rejected"
    """The core rejected fields in time: the ack shows them inline."""
    CLOSED = "closed"
    """Accepted, or the wait ran out: later field errors go by a private message."""


class ModalVerdict:
    """The core's verdict on one submitted modal, with named transitions from WAITING."""

    def __init__(self) -> None:
        self.state = Modal.WAITING
        self._decided: asyncio.Future[dict[str, str] | None] = (
            asyncio.get_running_loop().create_future()
        )

    def accept(self) -> None:
        """The core acted on the submission without rejecting it (or the wait ended)."""
        self._decide(Modal.CLOSED, None)

    def reject(self, errors: dict[str, str]) -> bool:
        """Field errors for the ack; False when the modal is already closed."""
        return self._decide(Modal.REJECTED, errors)

    async def wait(self, seconds: float) -> dict[str, str] | None:
        """The errors to show inline, or None: the modal closes (accepted, or too late)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(self._decided), seconds)
        self.accept()  # too late: later errors go by ephemeral message
        return self._decided.result()

    def _decide(self, state: Modal, errors: dict[str, str] | None) -> bool:
        if self.state is not Modal.WAITING:
            return False
        self.state = state
        self._decided.set_result(errors)
        return True


@dataclass(slots=True)
class SlackHandle:
    """What the adapter needs to answer an inbound event (the core never reads it)."""

    kind: str  # "command" | "action" | "view" | "message"
    team_id: str
    channel_id: str
    user_id: str
    trigger_id: str | None = None
    response_url: str | None = None
    thread_ts: str | None = None
    modal: ModalVerdict | None = None
    """Set by the adapter for a submitted modal while its ack waits."""
    extra: dict[str, Any] = field(default_factory=dict)

    def accept(self) -> None:
        """The core acted on a submitted form without rejecting it: close the modal."""
        if self.modal is not None:
            self.modal.accept()

    @property
    def place(self) -> Place:
        return Place(PLATFORM, self.team_id, self.channel_id, self.thread_ts)


_SUBTEAM = re.compile(r"^<!subteam\^([A-Z0-9]{2,20})(?:\|@?([^<>|]{0,80}))?>$")
_SUBTEAM_ID = re.compile(r"^S[A-Z0-9]{5,20}$")  # a user group id typed bare
# Slack's date formatting as typed or pasted: `<!date^1718900000^{date_short} {time}|fallback>`
# (the link part `^https://...` is optional too)
DATE = re.compile(r"<!date\^(-?\d{1,17})\^[^<>|]*(?:\|[^<>]*)?>")
_SPECIAL = re.compile(r"^<!(here|channel|everyone)(?:\|[^<>]*)?>$")


def user_group_of(text: str) -> GroupRef | str:
    """What a `group` option's text names on Slack: a user group reference
    (`<!subteam^ID|@handle>`, what Slack writes for a mentioned group) or a bare group id is
    that group; a special mention (`<!here>`, `<!channel>`, `<!everyone>`) is its name as
    text ("@here"); anything else stays text.

    >>> user_group_of("<!subteam^S0PDX|@portland>"), user_group_of("<!here>")
    (GroupRef(id='S0PDX', label='portland'), '@here')
    """
    if found := _SUBTEAM.match(text):
        return GroupRef(found.group(1), (found.group(2) or "").strip())
    if _SUBTEAM_ID.match(text):
        return GroupRef(text)
    if special := _SPECIAL.match(text):
        return f"@{special.group(1)}"
    return text


PICK_GROUP = (
    "Type role:@ and pick the user group from the list Slack shows: a group name typed as "
    "text pings nobody."
)
NO_GROUPS_SCOPE = (
    "I can't read this workspace's user groups: the app lacks the usergroups:read scope (an "
    "admin can add it and reinstall the app). " + PICK_GROUP
)


def user_group_named(groups: Iterable[Mapping[str, Any]], name: str) -> GroupLookup:
    """The one user group (from usergroups.list) whose handle is `name` (a leading @ and case
    do not matter); else why not, with how to pick it.

    >>> groups = [{"id": "S1", "handle": "portland", "name": "Portland crew"}]
    >>> user_group_named(groups, "@Portland").found, user_group_named(groups, "pdx").found
    (GroupRef(id='S1', label='portland'), None)
    """
    shown = name.strip().removeprefix("@").strip()
    same = [g for g in groups if str(g.get("handle") or "").casefold() == shown.casefold()]
    if len(same) == 1:
        return GroupLookup(GroupRef(str(same[0].get("id") or ""), str(same[0].get("handle"))))
    if same:
        return GroupLookup(None, f"{len(same)} user groups are @{shown}. {PICK_GROUP}")
    return GroupLookup(None, f"This workspace has no user group @{shown}. {PICK_GROUP}")


def command(
    body: Mapping[str, Any], default_team: str, commands: Mapping[str, CommandSpec]
) -> CommandInvoked:
    """A slash command. Raises CommandLineError (its message says what to type) when the text
    does not parse."""
    parsed = parse_command_line(render.unescape(str(body.get("text") or "")), commands)
    spec = commands.get(parsed.name)
    options, groups = split_groups(spec, read_whens(spec, parsed.options, DATE), user_group_of)
    handle = SlackHandle(
        kind="command",
        team_id=str(body.get("team_id") or default_team),
        channel_id=str(body.get("channel_id") or ""),
        user_id=str(body.get("user_id") or ""),
        trigger_id=body.get("trigger_id"),
        response_url=body.get("response_url"),
    )
    key = str(body.get("trigger_id") or f"cmd:{handle.channel_id}:{time.time_ns()}")
    return CommandInvoked(
        user=UserRef(PLATFORM, handle.user_id, str(body.get("user_name") or "")),
        place=handle.place,
        name=parsed.name,
        options=options,
        key=key,
        handle=handle,
        groups=groups,
    )


def actions(body: Mapping[str, Any], default_team: str) -> list[ActionClicked]:
    """A block_actions payload: one event per action of ours (`tw:` ids), sharing a handle."""
    user_obj = body.get("user") or {}
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id") or ""
    meta = metadata((body.get("view") or {}).get("private_metadata"))
    handle = SlackHandle(
        kind="action",
        team_id=str(
            (body.get("team") or {}).get("id") or user_obj.get("team_id") or default_team
        ),
        channel_id=str(channel or meta.get("c") or ""),
        user_id=str(user_obj.get("id") or ""),
        trigger_id=body.get("trigger_id"),
        response_url=body.get("response_url"),
        thread_ts=(body.get("message") or {}).get("thread_ts"),
    )
    message = _clicked_message(body, container, handle.place)
    user = UserRef(PLATFORM, handle.user_id, _user_name(user_obj))
    raw = body.get("actions")
    ours = [
        a
        for a in (raw if isinstance(raw, list) else [])
        if isinstance(a, dict) and str(a.get("action_id", "")).startswith("tw:")
    ]
    events = []
    for index, action in enumerate(ours):
        key = str(body.get("trigger_id") or action.get("action_ts") or time.time_ns())
        events.append(
            ActionClicked(
                user=user,
                place=handle.place,
                message=message,
                action_id=str(action.get("action_id")),
                key=f"{key}:{index}" if index else key,
                values=action_values(action),
                handle=handle,
            )
        )
    return events


def _clicked_message(
    body: Mapping[str, Any], container: Mapping[str, Any], place: Place
) -> MessageRef | None:
    """The message the clicked component is on; an ephemeral one gets the EPHEMERAL_PREFIX
    (it has no ts that chat.update accepts: the adapter edits it by its response URL)."""
    ts = container.get("message_ts") or (body.get("message") or {}).get("ts")
    if container.get("type") != "message" or not ts:
        return None
    if container.get("is_ephemeral"):
        return MessageRef(place, f"{EPHEMERAL_PREFIX}{ts}")
    return MessageRef(place, str(ts))


def view_submission(body: Mapping[str, Any], default_team: str) -> FormSubmitted:
    """A modal submitted; its private_metadata carries the place it was opened from."""
    view = body.get("view") or {}
    meta = metadata(view.get("private_metadata"))
    user_obj = body.get("user") or {}
    state_values = (view.get("state") or {}).get("values") or {}
    handle = SlackHandle(
        kind="view",
        team_id=str(meta.get("t") or (body.get("team") or {}).get("id") or default_team),
        channel_id=str(meta.get("c") or ""),
        user_id=str(user_obj.get("id") or ""),
        trigger_id=body.get("trigger_id"),
        response_url=meta.get("u"),
        thread_ts=meta.get("th"),
        extra={"fields": list(state_values)},
    )
    return FormSubmitted(
        user=UserRef(PLATFORM, handle.user_id, _user_name(user_obj)),
        place=handle.place,
        form_id=str(view.get("callback_id", ""))[len(render.FORM_CALLBACK_PREFIX) :],
        values=render.form_values(state_values),
        key=str(body.get("trigger_id") or view.get("id") or time.time_ns()),
        handle=handle,
    )


def options_request(body: Mapping[str, Any], default_team: str) -> SuggestionsRequested:
    """A block_suggestion payload: the member typed into an external select of a form."""
    view = body.get("view") or {}
    meta = metadata(view.get("private_metadata"))
    user_obj = body.get("user") or {}
    team = str(meta.get("t") or (body.get("team") or {}).get("id") or default_team)
    return SuggestionsRequested(
        user=UserRef(PLATFORM, str(user_obj.get("id") or ""), _user_name(user_obj)),
        place=Place(PLATFORM, team, str(meta.get("c") or "")),
        command=str(meta.get("f") or ""),
        option=str(body.get("action_id") or body.get("block_id") or ""),
        partial=str(body.get("value") or ""),
    )


def message(body: Mapping[str, Any], default_team: str, bot_user_id: str) -> MessageSeen | None:
    """A message event the watcher may read, or None (the bot's own, edits, empty...)."""
    event = body.get("event") or {}
    if event.get("subtype") not in MESSAGE_SUBTYPES:
        return None
    user_id = event.get("user")
    if not user_id or event.get("bot_id") or user_id == bot_user_id:
        return None
    text = str(event.get("text") or "")
    if not text.strip():
        return None
    handle = SlackHandle(
        kind="message",
        team_id=str(event.get("team") or body.get("team_id") or default_team),
        channel_id=str(event.get("channel") or ""),
        user_id=str(user_id),
        thread_ts=event.get("thread_ts"),
    )
    return MessageSeen(
        user=UserRef(PLATFORM, handle.user_id),
        place=handle.place,
        message=MessageRef(handle.place, str(event.get("ts") or "")),
        text=render.slack_text_to_plain(text),
        key=str(body.get("event_id") or f"msg:{handle.channel_id}:{event.get('ts')}"),
        handle=handle,
    )


def _user_name(user_obj: Mapping[str, Any]) -> str:
    return str(user_obj.get("username") or user_obj.get("name") or "")


def metadata(raw: Any) -> dict[str, Any]:
    """A view's private_metadata (JSON we wrote), or {} when absent or not ours."""
    if not raw or not isinstance(raw, str):
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def action_values(action: Mapping[str, Any]) -> tuple[str, ...]:
    """What the member chose in a select, picker or date field (nothing for a button)."""
    option = action.get("selected_option")
    if isinstance(option, Mapping) and option.get("value") is not None:
        return (str(option["value"]),)
    options = action.get("selected_options")
    if isinstance(options, list):
        return tuple(str(o.get("value")) for o in options if isinstance(o, Mapping))
    if action.get("selected_date_time") is not None:
        return (render.picker_text(int(action["selected_date_time"])),)
    for key in ("selected_date", "selected_time", "selected_user", "selected_channel"):
        if action.get(key):
            return (str(action[key]),)
    return ()


def removed_from(body: Mapping[str, Any], default_team: str) -> str | None:
    """The team id when an event says the bot was removed from the workspace, else None.

    `app_uninstalled` always does. `tokens_revoked` does only when it lists bot tokens (the
    bot's token went, e.g. the app was removed); user tokens alone leave the bot in place.

    >>> removed_from({"team_id": "T1", "event": {"type": "app_uninstalled"}}, "T0")
    'T1'
    >>> removed_from({"event": {"type": "tokens_revoked", "tokens": {"bot": ["U0BOT"]}}}, "T0")
    'T0'
    >>> removed_from({"event": {"type": "tokens_revoked", "tokens": {"oauth": ["U1"]}}}, "T0")
    """
    event = body.get("event") or {}
    kind = event.get("type")
    if kind == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
        return None
    if kind not in ("app_uninstalled", "tokens_revoked"):
        return None
    return str(body.get("team_id") or default_team)


def left_member(body: Mapping[str, Any], default_team: str) -> tuple[str, str] | None:
    """(team id, user id) of a `team_leave` event: the member left or was removed from the
    workspace. None when the payload names nobody."""
    event = body.get("event") or {}
    user = event.get("user")
    user_id = user.get("id") if isinstance(user, Mapping) else user
    if not isinstance(user_id, str) or not user_id:
        return None
    return str(body.get("team_id") or default_team), user_id
