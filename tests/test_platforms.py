"""The platform registry (bot.config.PLATFORMS) is the one list of chat platforms: config
sections and their keys, the settings read, the adapters built and `tweetup check-config`."""

from __future__ import annotations

import sys
import types
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot import __main__ as cli
from bot import app, config
from bot.config import PLATFORMS, ConfigError, Platform, load_settings


@dataclass(frozen=True)
class _RowSettings:
    token: str


@dataclass
class _RowAdapter:
    settings: object
    platform: str = "discord"


def _read(root: config._Reader, source: str) -> _RowSettings | None:
    table = root.table("discord")
    return None if table is None else _RowSettings(str(table.get("token", "")))


@pytest.fixture
def swapped_row(monkeypatch: pytest.MonkeyPatch) -> Platform:
    """The discord row replaced by one whose keys, reader and adapter module are the test's."""
    module = types.ModuleType("tests_registry_adapter")
    module.create = _RowAdapter  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, module.__name__, module)
    row = Platform("discord", frozenset({"token", "colour"}), _RowSettings, _read, module.__name__)
    monkeypatch.setattr(config, "PLATFORMS", (row,))
    monkeypatch.setattr(config, "KNOWN_KEYS", {**config.CORE_KEYS, row.name: row.keys})
    monkeypatch.delenv("TWEETUP_DISCORD_TOKEN", raising=False)
    return row


def test_every_platform_row_names_its_section_keys_and_adapter_module() -> None:
    assert [p.name for p in PLATFORMS] == ["discord", "slack"]
    for platform in PLATFORMS:
        assert config.KNOWN_KEYS[platform.name] == platform.keys
        assert platform.adapter_module == f"adapters.{platform.name}"


def test_settings_adapters_and_check_config_come_from_the_registry(
        swapped_row: Platform, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[discord]\ntoken = "t"\ncolour = "red"\n', encoding="utf-8")
    settings = load_settings(path)
    assert settings.discord == _RowSettings("t")
    [adapter] = app.platform_adapters(settings)
    assert adapter == _RowAdapter(_RowSettings("t"))
    assert cli.main(["check-config", str(path)]) == 0
    assert "Adapters: discord." in capsys.readouterr().out


def test_a_key_outside_the_row_is_refused(swapped_row: Platform, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[discord]\ntoken = "t"\nguild_ids = [1]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[discord\] has no setting guild_ids"):
        load_settings(path)


def test_no_platform_configured_means_no_adapters(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("TWEETUP_DISCORD_TOKEN", "TWEETUP_SLACK_BOT_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    settings = load_settings(None)
    assert config.enabled_platforms(settings) == []
    assert app.platform_adapters(settings) == []
