"""The [web] section (issue #16): off unless configured, checked like every section, with
environment overrides; Slack's HTTP mode shares the one server."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, WebSettings, load_settings

ENV = ("TWEETUP_WEB_HOST", "TWEETUP_WEB_PORT", "TWEETUP_WEB_BASE_URL", "TWEETUP_SLACK_BOT_TOKEN",
       "TWEETUP_SLACK_SIGNING_SECRET", "TWEETUP_SLACK_APP_TOKEN")
SLACK_HTTP = '[slack]\nbot_token = "xoxb-1"\nsigning_secret = "s"\nmode = "http"\n'


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ENV:
        monkeypatch.delenv(var, raising=False)


def _load(tmp_path: Path, text: str) -> WebSettings | None:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path).web


def test_off_unless_configured(tmp_path: Path) -> None:
    assert _load(tmp_path, "") is None
    assert _load(tmp_path, '[slack]\nbot_token = "xoxb-1"\napp_token = "xapp-1"\n') is None


def test_a_web_section(tmp_path: Path) -> None:
    web = _load(tmp_path, '[web]\nhost = "0.0.0.0"\nport = 8443\n'
                          'base_url = "https://tweetup.example.org/"\n')
    assert web == WebSettings("0.0.0.0", 8443, "https://tweetup.example.org")
    assert _load(tmp_path, '[web]\nbase_url = "http://localhost:8080"\n') == WebSettings(
        "127.0.0.1", 8080, "http://localhost:8080")


def test_environment_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWEETUP_WEB_BASE_URL", "https://cal.example.org")
    monkeypatch.setenv("TWEETUP_WEB_PORT", "9000")
    assert _load(tmp_path, "") == WebSettings("127.0.0.1", 9000, "https://cal.example.org")
    monkeypatch.setenv("TWEETUP_WEB_HOST", "0.0.0.0")
    assert _load(tmp_path, '[web]\nhost = "::1"\nbase_url = "https://x.org"\n') == WebSettings(
        "0.0.0.0", 9000, "https://cal.example.org")
    monkeypatch.setenv("TWEETUP_WEB_PORT", "lots")
    with pytest.raises(ConfigError, match="TWEETUP_WEB_PORT must be a whole number from 1"):
        _load(tmp_path, "")


def test_slack_http_mode_alone_serves_on_its_own_address(tmp_path: Path) -> None:
    web = _load(tmp_path, SLACK_HTTP + 'http_host = "127.0.0.1"\nhttp_port = 3100\n')
    assert web == WebSettings("127.0.0.1", 3100, None)  # no public address: no feeds
    with_web = _load(tmp_path, SLACK_HTTP + '[web]\nport = 8081\nbase_url = "https://x.org"\n')
    assert with_web == WebSettings("127.0.0.1", 8081, "https://x.org")


@pytest.mark.parametrize(("text", "expected"), [
    ("[web]\nport = 8080\n", "[web.base_url] must be set (or set TWEETUP_WEB_BASE_URL)"),
    ('[web]\nbase_url = "tweetup.example.org"\n', "[web.base_url] must be the public http(s)"),
    ('[web]\nbase_url = "ftp://x.org"\n', "[web.base_url] must be the public http(s)"),
    ('[web]\nbase_url = "https://x.org/?a=1"\n', "[web.base_url] must be the public http(s)"),
    ('[web]\nbase_url = "https://x.org"\nport = 0\n', "[web.port] must be a whole number"),
    ('[web]\nbase_url = "https://x.org"\nport = "80"\n', "[web.port] must be a whole number"),
    ('[web]\nbase_url = "https://x.org"\nhots = "a"\n', "[web] has no setting hots; did you "
                                                        "mean host?"),
    ('[webb]\nbase_url = "https://x.org"\n', "unknown section [webb]; did you mean [web]?"),
    (SLACK_HTTP + 'http_port = 3000\n[web]\nbase_url = "https://x.org"\n',
     "[slack.http_port] is not used when [web] is set"),
])
def test_bad_web_settings_name_the_key_and_what_to_write(
        tmp_path: Path, text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as err:
        _load(tmp_path, text)
    message = str(err.value)
    assert expected in message and "config.toml" in message and "\n" not in message
