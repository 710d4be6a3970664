"""The core knows no platform: bot/ never imports discord, slack_bolt, slack_sdk or adapters."""

from __future__ import annotations

import ast
from pathlib import Path

FORBIDDEN = {"discord", "slack_bolt", "slack_sdk", "adapters"}
BOT = Path(__file__).resolve().parents[1] / "bot"


def test_bot_imports_no_platform_library() -> None:
    offenders = []
    for path in BOT.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            offenders += [f"{path.relative_to(BOT)}: {n}" for n in names
                          if n.split(".")[0] in FORBIDDEN]
    assert offenders == []


def test_importing_the_core_loads_no_platform_library() -> None:
    import subprocess
    import sys

    code = ("import sys, bot.app, bot.core, bot.__main__; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "{'discord', 'slack_bolt', 'slack_sdk', 'adapters'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, cwd=BOT.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
