"""The core knows no platform: bot/ never imports discord, slack_bolt, slack_sdk or adapters."""

from __future__ import annotations

import ast
import re
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


# --- layers (issue #15) -------------------------------------------------------------------------

ROOT = BOT.parent


def _imports(path: Path) -> set[str]:
    """Every absolute module a file imports, including under `if TYPE_CHECKING:` and
    inside functions (an upward arrow is one wherever it is written)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{path.relative_to(ROOT)}: {name}"
        for path in (ROOT / folder).rglob("*.py")
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def test_handlers_import_neither_the_core_nor_the_routing_table() -> None:
    """Features are values the composition root assembles; they never reach up."""
    assert _offenders("bot/handlers", ("bot.core", "bot.routes", "bot.app")) == []


def test_the_domain_imports_no_handler_command_table_or_store() -> None:
    forbidden = ("bot.handlers", "bot.commands", "bot.store", "bot.routes", "bot.core", "bot.app")
    assert _offenders("bot/domain", forbidden) == []


# What adapters may import from bot/: the ports, the neutral types (with the settings values an
# adapter is built with), and the composition root (which re-exports `Settings`, its input).
ADAPTER_ALLOWED = ("bot.ports", "bot.types", "bot.app")
# Imports of the core that remain (the list may only shrink: a new import of the core from an
# adapter fails this test). Empty since issue #15: settings values moved to bot.types, the
# command-line parser to adapters/commandline.py, the console's clock and timer to the root.
ADAPTER_KNOWN: set[str] = set()


def test_adapters_reach_the_core_only_through_ports_types_and_the_root() -> None:
    found = set()
    for path in (ROOT / "adapters").rglob("*.py"):
        for name in _imports(path):
            module = next((m for m in _bot_modules() if name == m), None)
            if module is None or module in ADAPTER_ALLOWED:
                continue
            found.add(f"{path.relative_to(ROOT)}: {module}")
    assert found - ADAPTER_KNOWN == set()


def _bot_modules() -> set[str]:
    return {
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in BOT.rglob("*.py")
    }


def test_no_handler_module_writes_another_modules_globals() -> None:
    """Nothing patches after import: no `module.NAME = ...` or `TABLE[key] = ...` on an
    imported name in bot/handlers (the watcher used to write into routes.ACTIONS)."""
    offenders = []
    for path in (BOT / "handlers").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {
            a.asname or a.name
            for n in tree.body
            if isinstance(n, ast.ImportFrom | ast.Import)
            for a in n.names
        }
        for node in ast.walk(tree):
            targets = node.targets if isinstance(node, ast.Assign) else []
            for target in targets:
                base = target
                while isinstance(base, ast.Attribute | ast.Subscript):
                    base = base.value
                if target is not base and isinstance(base, ast.Name) and base.id in imported:
                    offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_the_web_server_sits_at_the_handlers_level() -> None:
    """bot/web serves what features contribute; like a handler it never reaches up (issue 16)."""
    assert _offenders("bot/web", ("bot.core", "bot.routes", "bot.app")) == []


def test_importing_the_core_loads_no_web_server() -> None:
    """aiohttp is loaded only when [web] is on (bot.app.WEB_ROUTES are names, not imports)."""
    import subprocess
    import sys

    code = ("import sys, bot.app, bot.core; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'aiohttp' "
            "or m.startswith('bot.web')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, cwd=BOT.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# --- platform markup stays in the adapters (issue #14) -----------------------------------------

# Discord's and Slack's mention and time markup. The core writes neutral values (`Mention`,
# `GroupRef`, `Time` segments; `CommandInvoked.groups` inbound) and each adapter renders or
# reads its own markup, so none of these may appear in bot/, in code, comments or docstrings.
MARKUP = ("<@&", "<@", "<#", "<!subteam", "<!here", "<!channel", "<!date", "<t:")
# A regex lookbehind `(?<!...` is not markup.
_MARKUP = re.compile(r"(?<!\(\?)(?:" + "|".join(re.escape(m) for m in MARKUP) + ")")
# A line that must hold markup says why, inline: `# platform-markup: <the reason>`. None does
# today; a bare marker without a reason does not count.
_JUSTIFIED = re.compile(r"#\s*platform-markup:\s*\S")


def markup_lines(source: str) -> list[tuple[int, str]]:
    """The lines of `source` with platform markup and no inline justification."""
    return [
        (number, line.strip())
        for number, line in enumerate(source.splitlines(), 1)
        if _MARKUP.search(line) and not _JUSTIFIED.search(line)
    ]


def test_the_markup_detector_finds_each_kind_and_honours_only_justified_lines() -> None:
    for markup in MARKUP:
        assert markup_lines(f'x = "{markup}123>"') == [(1, f'x = "{markup}123>"')], markup
    assert markup_lines('p = f"<@{user_id}>"\nq = 1') == [(1, 'p = f"<@{user_id}>"')]
    assert markup_lines(r'w = re.compile(r"(?<!here)x")') == []  # a lookbehind
    assert markup_lines('x = "<#1>"  # platform-markup: the wire format of a test') == []
    assert markup_lines('x = "<#1>"  # platform-markup:') != []


def test_bot_writes_no_platform_markup() -> None:
    """Mentions, group pings, channel links and times are rendered by the adapters
    (adapters/*/render.py) and read by them (adapters/*/inbound.py, adapters/groups.py)."""
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line}"
        for path in sorted(BOT.rglob("*"))
        if path.suffix in (".py", ".html", ".txt", ".toml", ".tsv")
        for number, line in markup_lines(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
