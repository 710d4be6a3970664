"""Core text that names a command goes through `render.prose`, which makes it a `Code`
segment: a `Text` or `Bold` literal with backticks would show them literally on Discord."""

from __future__ import annotations

import ast
from pathlib import Path

from bot import render
from bot.types import Code, Text

BOT = Path(__file__).resolve().parents[1] / "bot"


# Where the rule is written: render.py, and types.py, which defines `prose` for core and
# adapters alike (issue #15).
PROSE_ITSELF = ("render.py", "types.py")


def test_no_core_text_literal_holds_backticks() -> None:
    found = []
    for path in BOT.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("Text", "Bold")
                    and path.name not in PROSE_ITSELF):
                segment = ast.get_source_segment(source, node) or ""
                if "`" in segment:
                    found.append(f"{path.relative_to(BOT)}:{node.lineno}")
    assert found == [], f"use render.prose(...) for these: {found}"


def test_prose_makes_commands_code_and_keeps_lone_backticks() -> None:
    assert render.prose("Type `/meetup list` now.") == (
        Text("Type "), Code("/meetup list"), Text(" now."))
    assert render.prose("it's a ` tick") == (Text("it's a ` tick"),)
    assert render.prose("") == (Text(""),)
