"""Areas members follow and the groups (Discord roles, Slack user groups) admins attach to them.

Pure rules: who is told about a meetup proposed at a point, the radius a follow takes, and
which group an admin's `role:` option names. Platform markup is the adapters' business: they
read a role mention or user group reference into a neutral group (id and label) before the
core sees it. Nothing here can produce @everyone or @here: the everyone-group is refused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.domain.geo import distance_km
from bot.domain.refusal import Refusal

DEFAULT_FOLLOW_RADIUS_KM = 50
MAX_FOLLOW_RADIUS_KM = 500
MAX_FOLLOWS = 20  # per member and community: a follow list is a few places, not a map


@dataclass(frozen=True, slots=True)
class Area:
    """A point (a city's centre) and a radius around it."""

    city_id: int
    latitude: float
    longitude: float
    radius_km: int

    def covers(self, latitude: float, longitude: float) -> bool:
        """Whether a point lies within the radius (the border counts).

        >>> Area(1, 45.52, -122.68, 50).covers(45.52, -122.68)
        True
        >>> Area(1, 45.52, -122.68, 50).covers(47.61, -122.33)  # Seattle, 260 km away
        False
        """
        return distance_km(self.latitude, self.longitude, latitude, longitude) <= self.radius_km


@dataclass(frozen=True, slots=True)
class Follow:
    user_id: str
    area: Area


def followers_at(
    follows: Iterable[Follow], latitude: float, longitude: float, *, exclude: str = ""
) -> list[str]:
    """Members with a followed area covering the point, each once, in the order first seen;
    never `exclude` (the proposer).

    >>> pdx = Area(1, 45.52, -122.68, 50)
    >>> followers_at([Follow("a", pdx), Follow("a", pdx), Follow("b", pdx)], 45.5, -122.6,
    ...              exclude="b")
    ['a']
    """
    seen: dict[str, None] = {}
    for f in follows:
        if f.user_id != exclude and f.user_id not in seen and f.area.covers(latitude, longitude):
            seen[f.user_id] = None
    return list(seen)


def follow_radius(raw: str) -> int:
    """The radius of a follow in km: empty means the default; 1..MAX_FOLLOW_RADIUS_KM.

    >>> follow_radius(""), follow_radius("80"), follow_radius(" 80km ")
    (50, 80, 80)
    """
    text = raw.strip().lower().removesuffix("km").strip()
    if not text:
        return DEFAULT_FOLLOW_RADIUS_KM
    if not text.isdigit() or not 1 <= int(text) <= MAX_FOLLOW_RADIUS_KM:
        raise Refusal(
            f"radius: takes a distance in km from 1 to {MAX_FOLLOW_RADIUS_KM}, like radius:80."
        )
    return int(text)


def check_follow_count(current: int, already_following: bool) -> None:
    """A member follows at most MAX_FOLLOWS areas (a new follow of a known city only
    changes its radius)."""
    if not already_following and current >= MAX_FOLLOWS:
        raise Refusal(
            f"You follow {current} areas, the most there can be. Drop one with "
            '/meetup unfollow city:"..." first.'
        )


@dataclass(frozen=True, slots=True)
class Group:
    """A Discord role or Slack user group, by the platform's id, and a label to show (on a
    platform without groups, the console, both are the name typed)."""

    id: str
    label: str


_NAME = re.compile(r"^@?([\w][\w .\-]{0,79})$")
_EVERYONE_NAMES = frozenset({"everyone", "here", "channel", "all"})
_REMOVE_WORDS = frozenset({"none", "off"})


def area_group(typed: str, picked: Group | None, city_label: str) -> Group | None:
    """The group an area's cards will mention, from the `role:` option of `/meetup area-role`:
    `picked` when the adapter recognised the platform's group in it (a role mention, a user
    group reference, a bare id), else the name `typed` (the console has no groups; a name the
    platform did not resolve stays a label). None: role:none or role:off removes the group.

    An area ping is never a ping of everyone: the names everyone, here, channel, all (which
    adapters also give for the platform's own everyone-group) are refused. Every refusal says
    what to type instead.

    >>> area_group("", Group("123456", ""), "Portland")
    Group(id='123456', label='')
    >>> area_group("@pdx-crew", None, "Portland")
    Group(id='pdx-crew', label='pdx-crew')
    >>> area_group("off", None, "Portland") is None
    True
    """
    if picked is not None:
        return picked
    text = typed.strip()
    if text.lower() in _REMOVE_WORDS:
        return None
    if not text:
        raise Refusal(
            f'Which role? `/meetup area-role city:"{city_label}" role:@portland`, or role:none '
            "to remove it."
        )
    named = _NAME.match(text)
    if not named:
        raise Refusal(
            "role: takes a role or user group, e.g. role:@portland (pick it from the list)."
        )
    name = named.group(1).strip()
    if name.lower() in _EVERYONE_NAMES:
        raise Refusal(
            "That group is everyone. Area pings go to a group members join, like role:@portland."
        )
    return Group(name, name)
