"""Settings from TOML and the environment, and the CLI's answers to bad config."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parents[1]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_example_config_is_valid() -> None:
    settings = load_settings(ROOT / "config.example.toml")
    assert settings.database_url.startswith("sqlite+aiosqlite")
    assert settings.discord is None and settings.slack is None


@pytest.mark.parametrize(("text", "expected"), [
    ('[database]\nurl = "mysql://x"', "[database.url] must be a sqlite+aiosqlite"),
    ('[bot]\ndefault_timezone = "Mars/Base"', "[bot.default_timezone] must be an IANA"),
    ("[discord]\nguild_ids = [1]", "[discord.token] must be set (or set TWEETUP_DISCORD_TOKEN)"),
    ('[discord]\ntoken = "t"\nshard_ids = [0, 5]\nshard_count = 2',
     "[discord.shard_ids] must be below"),
    ('[slack]\nbot_token = "xoxb-1"\nmode = "carrier-pigeon"', "[slack.mode] must be one of"),
    ('[slack]\nbot_token = "xoxb-1"\nmode = "socket"\napp_token = "nope"', "starting with xapp-"),
    ('[slack]\nbot_token = "xoxb-1"\nmode = "http"', "[slack.signing_secret] must be set"),
    ('[slack]\nbot_token = "b"\nsigning_secret = "s"\nmode = "http"\nhttp_port = 70000',
     "[slack.http_port] must be a whole number"),
    ("this is = not toml [", "not valid TOML"),
])
def test_bad_values_name_the_key_the_file_and_what_is_expected(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str) -> None:
    for var in ("TWEETUP_DISCORD_TOKEN", "TWEETUP_SLACK_BOT_TOKEN", "TWEETUP_DATABASE_URL"):
        monkeypatch.delenv(var, raising=False)
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    message = str(err.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_environment_wins_and_secrets_are_hidden(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWEETUP_DISCORD_TOKEN", "very-secret-token")
    monkeypatch.setenv("TWEETUP_DATABASE_URL", "postgresql+asyncpg://db/tweetup")
    settings = load_settings(_write(tmp_path, '[discord]\ntoken = "file-token"\n'))
    assert settings.discord is not None
    assert settings.discord.token.reveal() == "very-secret-token"
    assert "very-secret-token" not in repr(settings)
    assert settings.database_url == "postgresql+asyncpg://db/tweetup"


def test_cli_check_config_and_missing_file(tmp_path: Path) -> None:
    good = subprocess.run([sys.executable, "-m", "bot", "check-config",
                           str(ROOT / "config.example.toml")], capture_output=True, text=True,
                          timeout=60)
    assert good.returncode == 0 and "OK" in good.stdout
    bad = subprocess.run([sys.executable, "-m", "bot", "check-config", str(tmp_path / "no.toml")],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2
    assert bad.stderr.strip() == f"tweetup: {tmp_path / 'no.toml'}: no such config file"


def test_cli_db_upgrade(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    env = {"TWEETUP_DATABASE_URL": f"sqlite+aiosqlite:///{db}", "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], capture_output=True,
                            text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    assert db.exists() and "up to date" in result.stdout


@pytest.mark.parametrize(("text", "expected"), [
    ('[discrod]\ntoken = "t"', "unknown section [discrod]; did you mean [discord]?"),
    ('[bot]\ndefualt_timezone = "Europe/Berlin"',
     "[bot] has no setting defualt_timezone; did you mean default_timezone?"),
    ('[slack]\nbot_token = "xoxb-1"\napp_token = "xapp-1"\nsocket_mode = true',
     "[slack] has no setting socket_mode; known: api_url, app_token"),
    ('log_level = "DEBUG"', "log_level must be in the [bot] section"),
    ("[weather]\nx = 1", "unknown section [weather]; known: [bot], [console]"),
])
def test_unknown_sections_and_keys_are_refused_with_did_you_mean(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, expected: str) -> None:
    for var in ("TWEETUP_DISCORD_TOKEN", "TWEETUP_SLACK_BOT_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert expected in str(err.value) and str(path) in str(err.value)


def test_check_config_refuses_a_misspelt_section(tmp_path: Path) -> None:
    path = _write(tmp_path, '[discrod]\ntoken = "t"\n')
    result = subprocess.run([sys.executable, "-m", "bot", "check-config", str(path)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "did you mean [discord]?" in result.stderr
