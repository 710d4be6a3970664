"""Pure rules of area follows, calendar feed addresses and public page links, as tables at
their boundaries (docs/testing.md: one tick before, at and after each limit)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.areas import (
    DEFAULT_FOLLOW_RADIUS_KM,
    MAX_FOLLOW_RADIUS_KM,
    MAX_FOLLOWS,
    Area,
    Follow,
    Group,
    area_group,
    check_follow_count,
    follow_radius,
    followers_at,
)
from bot.domain.feeds import FEED_HISTORY, feed_url, is_token, webcal_url, window_start
from bot.domain.geo import distance_km
from bot.domain.pages import INVITE_MAX, ics_url, join_label, page_url, parse_invite
from bot.domain.refusal import Refusal

PORTLAND = (45.52, -122.68)
SEATTLE = (47.61, -122.33)


# --- areas ------------------------------------------------------------------------------------


def test_an_area_covers_its_border_and_not_a_step_beyond() -> None:
    km = distance_km(*PORTLAND, *SEATTLE)
    assert Area(1, *PORTLAND, int(km) + 1).covers(*SEATTLE)
    assert not Area(1, *PORTLAND, int(km) - 1).covers(*SEATTLE)
    assert Area(1, *PORTLAND, 0).covers(*PORTLAND)  # the centre itself, radius 0


def test_followers_are_each_named_once_in_order_never_the_proposer_and_only_when_covered() -> None:
    near = Area(1, *PORTLAND, 50)
    far = Area(2, *SEATTLE, 50)
    follows = [
        Follow("carol", far),
        Follow("bob", near),
        Follow("alice", near),
        Follow("bob", Area(3, *PORTLAND, 100)),
        Follow("dave", near),
    ]
    assert followers_at(follows, *PORTLAND) == ["bob", "alice", "dave"]
    assert followers_at(follows, *PORTLAND, exclude="alice") == ["bob", "dave"]
    assert followers_at(follows, *SEATTLE) == ["carol"]
    assert followers_at([], *PORTLAND) == []


@pytest.mark.parametrize(
    ("raw", "km"),
    [
        ("", DEFAULT_FOLLOW_RADIUS_KM),
        ("   ", DEFAULT_FOLLOW_RADIUS_KM),
        ("km", DEFAULT_FOLLOW_RADIUS_KM),
        ("1", 1),
        ("80", 80),
        (" 80KM ", 80),
        ("80 km", 80),
        (str(MAX_FOLLOW_RADIUS_KM), MAX_FOLLOW_RADIUS_KM),
    ],
)
def test_follow_radius_reads_km_within_its_bounds(raw: str, km: int) -> None:
    assert follow_radius(raw) == km


@pytest.mark.parametrize("raw", ["0", str(MAX_FOLLOW_RADIUS_KM + 1), "-5", "8.5", "far", "50mi"])
def test_follow_radius_refuses_what_is_out_of_bounds_or_no_number(raw: str) -> None:
    with pytest.raises(Refusal, match="radius:80"):
        follow_radius(raw)


def test_a_member_follows_at_most_max_follows_areas() -> None:
    check_follow_count(MAX_FOLLOWS - 1, already_following=False)
    check_follow_count(MAX_FOLLOWS, already_following=True)  # only its radius changes
    with pytest.raises(Refusal, match=f"You follow {MAX_FOLLOWS} areas"):
        check_follow_count(MAX_FOLLOWS, already_following=False)


@pytest.mark.parametrize(
    ("typed", "picked", "group"),
    [
        ("", Group("123456", ""), Group("123456", "")),  # picked: the adapter read the markup
        ("", Group("S0PDX", "portland"), Group("S0PDX", "portland")),
        ("@pdx-crew", None, Group("pdx-crew", "pdx-crew")),
        (" pdx crew ", None, Group("pdx crew", "pdx crew")),
        ("@" + "x" * 80, None, Group("x" * 80, "x" * 80)),  # the longest name
        ("12345", None, Group("12345", "12345")),  # a name where no adapter read an id
        ("none", None, None),
        (" OFF ", None, None),
    ],
)
def test_area_group_takes_the_picked_group_or_the_typed_name(
    typed: str, picked: Group | None, group: Group | None
) -> None:
    assert area_group(typed, picked, "Portland") == group


@pytest.mark.parametrize("typed", ["@everyone", "@here", "everyone", "channel", "ALL"])
def test_area_group_never_names_everyone(typed: str) -> None:
    with pytest.raises(Refusal, match=r"That group is everyone.*role:@portland"):
        area_group(typed, None, "Portland")


@pytest.mark.parametrize("typed", ["<@123>", "<!subteam^s0pdx>", "@" + "x" * 81, "#pdx"])
def test_area_group_refuses_what_names_no_group(typed: str) -> None:
    with pytest.raises(Refusal, match=r"role: takes a role or user group, e\.g\. role:@portland"):
        area_group(typed, None, "Portland")


def test_area_group_without_a_group_says_what_to_type() -> None:
    with pytest.raises(Refusal, match=r'Which role\?.*city:"Portland, OR" role:@portland.*none'):
        area_group("  ", None, "Portland, OR")


# --- calendar feeds ---------------------------------------------------------------------------


def test_feed_addresses_join_base_prefix_and_token_and_webcal_keeps_the_rest() -> None:
    url = feed_url("https://t.example.org/", "abc123")
    assert url == "https://t.example.org/calendar/abc123.ics"
    assert feed_url("https://t.example.org", "abc123") == url
    assert webcal_url(url) == "webcal://t.example.org/calendar/abc123.ics"
    assert webcal_url("http://h:8080/x://y") == "webcal://h:8080/x://y"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("a" * 15, False),
        ("a" * 16, True),
        ("A1" * 32, True),
        ("a" * 65, False),
        ("a" * 15 + "_", False),
        ("a" * 16 + "\n", False),
        ("../" + "a" * 16, False),
    ],
)
def test_a_feed_token_is_16_to_64_letters_and_digits(text: str, ok: bool) -> None:
    assert is_token(text) is ok


@pytest.mark.parametrize(
    "now",
    [
        datetime(2030, 2, 10, 0, 0, tzinfo=UTC),
        datetime(2030, 2, 10, 23, 59, 59, 999999, tzinfo=UTC),
        datetime(2030, 2, 10, 20, 0, tzinfo=UTC).astimezone(ZoneInfo("Pacific/Auckland")),
    ],
)
def test_a_feed_window_starts_at_utc_midnight_feed_history_days_back(now: datetime) -> None:
    start = window_start(now)
    assert start == datetime(2030, 2, 10, tzinfo=UTC) - FEED_HISTORY
    assert start.tzinfo is UTC
    assert timedelta(days=30) == FEED_HISTORY


# --- public pages -----------------------------------------------------------------------------


def test_page_and_ics_addresses() -> None:
    assert page_url("https://t.example.org/", "AbC") == "https://t.example.org/m/AbC"
    assert page_url("https://t.example.org", "AbC") == "https://t.example.org/m/AbC"
    assert ics_url("https://t.example.org", "AbC") == "https://t.example.org/m/AbC.ics"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("off", ""),
        ("OFF", ""),
        (" none ", ""),
        ("", ""),
        (" https://discord.gg/abc ", "https://discord.gg/abc"),
        ("https://join.slack.com/t/x/shared_invite/zt-1", None),
        ("https://a.b/" + "x" * (INVITE_MAX - len("https://a.b/")), None),
    ],
)
def test_parse_invite_takes_https_links_up_to_the_limit(text: str, value: str | None) -> None:
    expected = text.strip() if value is None else value
    assert parse_invite(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "discord.gg/abc",
        "http://discord.gg/abc",
        "https://",
        "https://a.b/" + "x" * (INVITE_MAX - len("https://a.b/") + 1),
        "https://a.b/x y",
        'https://a.b/"x',
        "https://a.b/<x>",
        "https://a.b/'x",
        "javascript:alert(1)",
    ],
)
def test_parse_invite_refuses_anything_else(text: str) -> None:
    with pytest.raises(Refusal, match=re.escape("invite:https://discord.gg/AbCdEf")):
        parse_invite(text)


def test_join_label_names_the_platform() -> None:
    assert join_label("discord") == "Join us on Discord"
    assert join_label("slack") == "Join us on Slack"
    assert join_label("console") == "Join us"
    assert join_label("") == "Join us"
