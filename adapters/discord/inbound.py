"""Discord interactions and gateway messages -> neutral events: pure translation over what
discord.py parsed (and, for modal submissions, the raw `data` JSON), no network.

The adapter keeps the I/O: acknowledging within Discord's 3 seconds, the answer state of each
interaction, delivering events to the core.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import discord

from bot.ports import GroupLookup
from bot.types import NO_COMMUNITY, Form, GroupRef, MessageRef, MessageSeen, Place, UserRef

PLATFORM = "discord"
DM_WORKSPACE = NO_COMMUNITY  # a DM belongs to no guild; the core finds the community
TEXT_INPUT_MAX = 4000
MODAL_FIELDS_MAX = 5


def user_ref(u: discord.abc.User) -> UserRef:
    return UserRef(PLATFORM, str(u.id), getattr(u, "display_name", None) or u.name)


def message_seen(message: discord.Message, guild_id: int | None, handle: object) -> MessageSeen:
    """A member's message as the watcher's neutral event (its id is the idempotency key)."""
    place = place_of(guild_id, message.channel, message.channel.id)
    return MessageSeen(
        user=user_ref(message.author),
        place=place,
        message=MessageRef(place, str(message.id)),
        text=message.content,
        key=str(message.id),
        is_admin=member_is_admin(message.author),
        handle=handle,
    )


_ROLE_MENTION = re.compile(r"^<@&(\d{1,20})>$")
_ROLE_ID = re.compile(r"^\d{5,20}$")  # a role id typed bare (Developer Mode's "Copy Role ID")
EVERYONE = "@everyone"


def role_of(text: str, guild_id: int | None) -> GroupRef | str:
    """What a `group` option's text names on Discord: a role mention (`<@&id>`, what the
    client inserts when the admin picks a role) or a bare role id is that role; the guild's
    @everyone role (its id is the guild's) is the text "@everyone"; anything else stays text.

    >>> role_of("<@&123456>", 999), role_of("<@&999>", 999), role_of("@crew", 999)
    (GroupRef(id='123456', label=''), '@everyone', '@crew')
    """
    found = _ROLE_MENTION.match(text) or _ROLE_ID.match(text)
    if found is None:
        return text
    role_id = found.group(1) if found.re is _ROLE_MENTION else found.group(0)
    if guild_id is not None and role_id == str(guild_id):
        return EVERYONE
    return GroupRef(role_id)


# A Discord timestamp as typed or pasted: `<t:1718900000>`, `<t:1718900000:F>` (any style)
TIMESTAMP = re.compile(r"<t:(-?\d{1,17})(?::[A-Za-z])?>")

PICK_ROLE = (
    "Type role:@ and pick the role from the list Discord shows: a role name typed as text "
    "pings nobody."
)


def role_named(roles: Iterable[tuple[int, str]], name: str) -> GroupLookup:
    """The one role (id, name) called `name` (a leading @ and case do not matter), from the
    guild's roles without @everyone; else why not, with how to pick it.

    >>> roles = [(1, "Portland"), (2, "crew"), (3, "Crew")]
    >>> role_named(roles, "@portland").found, role_named(roles, "Portland").found
    (GroupRef(id='1', label='Portland'), GroupRef(id='1', label='Portland'))
    >>> role_named(roles, "crew").why_not.split(".")[0], role_named(roles, "pdx").found
    ('2 roles are named @crew', None)
    """
    shown = name.strip().removeprefix("@").strip()
    same = [(rid, rname) for rid, rname in roles if rname.casefold() == shown.casefold()]
    if len(same) == 1:
        return GroupLookup(GroupRef(str(same[0][0]), same[0][1]))
    if same:
        return GroupLookup(None, f"{len(same)} roles are named @{shown}. {PICK_ROLE}")
    return GroupLookup(None, f"This server has no role named @{shown}. {PICK_ROLE}")


def place_of(guild_id: int | None, channel: Any, channel_id: int | None) -> Place:
    workspace = str(guild_id) if guild_id else DM_WORKSPACE
    if isinstance(channel, discord.Thread):
        return Place(PLATFORM, workspace, str(channel.parent_id), str(channel.id))
    return Place(PLATFORM, workspace, str(channel_id or getattr(channel, "id", None) or ""))


def interaction_place(interaction: discord.Interaction[Any]) -> Place:
    return place_of(interaction.guild_id, interaction.channel, interaction.channel_id)


def interaction_is_admin(interaction: discord.Interaction[Any]) -> bool:
    if interaction.guild_id is None:
        return False
    perms = interaction.permissions
    return bool(perms.administrator or perms.manage_guild)


def member_is_admin(author: discord.abc.User) -> bool:
    perms = getattr(author, "guild_permissions", None)
    return bool(perms is not None and (perms.administrator or perms.manage_guild))


FORM_PREFIX = "twform:"


def form_custom_id(form: Form, opened_by: int) -> str:
    """Unique per opening (two members may fill the same form at once); carries the form id so
    that a submission still reaches the core after a restart."""
    return f"{FORM_PREFIX}{opened_by}:{form.form_id}"[:100]


def modal_values(components: Any) -> dict[str, str]:
    """The text inputs of a modal submission (inside action rows or labels)."""
    values: dict[str, str] = {}
    for comp in components or ():
        if not isinstance(comp, dict):
            continue
        if comp.get("type") == 1:
            values |= modal_values(comp.get("components"))
        elif comp.get("type") == 18:
            values |= modal_values([comp.get("component")])
        elif comp.get("type") == 4 and isinstance(comp.get("custom_id"), str):
            values[comp["custom_id"]] = str(comp.get("value") or "")
    return values


def form_id_of(custom_id: str) -> str:
    """The form id in a modal's custom_id (`form_custom_id`), for a form this process did not
    open (it restarted since)."""
    return custom_id.split(":", 2)[-1]


def form_submission(
    form: Form | None, values: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str]]:
    """The submitted values as the core reads them, and the fields that are too long.

    Discord enforces each input's max_length in its client; a forged submission is refused
    here, as the member typed it. A field taking several values gets them " | "-joined (one per
    line, the input being a paragraph, or "|"-separated)."""
    limits = {f.name: min(f.max_length, TEXT_INPUT_MAX) for f in form.fields} if form else {}
    errors = {
        name: f"at most {limits.get(name, TEXT_INPUT_MAX)} characters, please "
        f"(you sent {len(value)})"
        for name, value in values.items()
        if len(value) > limits.get(name, TEXT_INPUT_MAX)
    }
    if form is None:
        return dict(values), errors
    read = {f.name: values.get(f.name, "") for f in form.fields[:MODAL_FIELDS_MAX]}
    for f in form.fields:
        if getattr(f, "multiple", False) and f.name in read:
            parts = [p.strip() for p in read[f.name].replace("\n", "|").split("|")]
            read[f.name] = " | ".join(p for p in parts if p)
    return read, errors
