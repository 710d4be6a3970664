"""manifest.yml grants what the adapter uses: the slash command, scopes for every Web API
method it calls, the message events, interactivity and Socket Mode."""

from __future__ import annotations

import re
from pathlib import Path

from adapters.slack.adapter import COMMAND

MANIFEST = Path(__file__).resolve().parents[2] / "manifest.yml"

# Web API method (or feature) the adapter uses -> the bot scope it needs.
NEEDS = {
    "chat.postMessage": "chat:write",
    "chat.update": "chat:write",
    "chat.postEphemeral": "chat:write",
    "conversations.open": "im:write",
    "conversations.history (DMs)": "im:history",
    "conversations.history (channels: was a job's post made before a crash?)": "channels:history",
    "conversations.history (private channels)": "groups:history",
    "conversations.replies (threads)": "channels:history",
    "users.info": "users:read",
    "usergroups.list (a typed user group handle)": "usergroups:read",
    "files.getUploadURLExternal": "files:write",
    "files.completeUploadExternal": "files:write",
    "slash command": "commands",
    "message.channels": "channels:history",
    "message.groups": "groups:history",
}


def _live_lines() -> list[str]:
    """The manifest without comments."""
    lines = []
    for line in MANIFEST.read_text(encoding="utf-8").splitlines():
        code = line.split(" #", 1)[0].rstrip()
        if code.strip() and not code.lstrip().startswith("#"):
            lines.append(code)
    return lines


def _list_under(key: str) -> list[str]:
    lines = _live_lines()
    for i, line in enumerate(lines):
        if line.strip() == f"{key}:":
            indent = len(line) - len(line.lstrip())
            items = []
            for following in lines[i + 1:]:
                if len(following) - len(following.lstrip()) <= indent:
                    break
                match = re.match(r"\s*-\s+(\S+)$", following)
                if match:
                    items.append(match.group(1))
            return items
    raise AssertionError(f"{key}: not found in manifest.yml")


def test_manifest_grants_every_scope_the_adapter_needs() -> None:
    scopes = set(_list_under("bot"))
    missing = {what: scope for what, scope in NEEDS.items() if scope not in scopes}
    assert not missing, missing
    assert "chat:write.public" not in scopes  # only post where invited


def test_manifest_declares_command_events_interactivity_and_socket_mode() -> None:
    text = "\n".join(_live_lines())
    assert f"command: {COMMAND}" in text
    assert set(_list_under("bot_events")) == {
        "message.channels", "message.groups", "team_leave", "app_uninstalled", "tokens_revoked"}
    assert re.search(r"interactivity:\n\s+is_enabled: true", text)
    assert "socket_mode_enabled: true" in text
    assert "should_escape: false" in text
