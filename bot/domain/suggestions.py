"""When to suggest a meetup, and when the watcher may ask a member about a place. Pure rules.

**Clusters.** After a change of who is where (a home set, a trip added, a watcher "Yes"), the
decision looks only around the city that changed (the *center*). A cluster is anchored at a
city: it holds every member whose home lies within `radius_km` of the anchor (so any two of
them are at most 2 x radius apart). The anchors tried are the center itself, the most populous
cities within the radius (for a familiar label: "around Portland" rather than "around
Beaverton") and the member-holding cities within the radius with the most members; together at
most `MAX_ANCHORS`. Each anchor lies within the radius of the center, so every cluster tried
contains the place that changed.

- A **home cluster** is due when at least `threshold` members have their home near the anchor.
- Otherwise a **trip cluster** may be due: members whose trips (to a city near the anchor) and
  the members living there are present on the same days. Trips count for their dates only. The
  best day is the one with the most members present (the earliest on ties); the suggestion
  names the days that all the trips present that day share (their overlap). A traveller whose
  home is near the anchor is counted once, as a resident.
- Home clusters win over trip clusters; then the larger count; then the more populous anchor.

**Blocks.** An anchor is skipped when the community made a suggestion within the radius of it
less than `cooldown_days` ago (any kind: one nudge per area per cooldown), or when a meetup of
the community within the radius of it is coming: an open date poll, or a meetup starting in the
next `UPCOMING_MEETUP_DAYS` days (for a trip cluster: one starting during its days).

**Meetup intent.** Talk of meeting ("we should meet up", "anyone up for drinks?") from a member
whose home is set makes the suggestion come sooner: the decision runs around the speaker's home
with the threshold lowered by one (never below 2) — so a near-threshold cluster the speaker
belongs to is suggested now instead of waiting for one more member. Cooldown and meetup blocks
still apply unchanged (`intent_rules`).

**Questions.** The watcher asks a member about a place at most once ever per place (pending or
answered, home or trip alike), never more than once in `QUESTION_GAP` (a rolling day), and
never again after they answered "Don't ask again" to any question (`may_ask`).

Everything here is synchronous and allocation-light: the handler loads only the rows around
the center (homes counted per city in SQL), so a decision costs a few hundred distance
computations however large the community is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from math import asin, cos, degrees, floor, pi, radians, sin

from bot.domain.geo import EARTH_RADIUS_KM, distance_km
from bot.domain.refusal import Refusal

UPCOMING_MEETUP_DAYS = 42
QUESTION_GAP = timedelta(days=1)
MAX_ANCHORS = 8
POPULOUS_ANCHORS = 3
BUSY_ANCHORS = 4
MAX_TRIP_DAYS = 90
TRIP_HORIZON_DAYS = 366
MEETUP_ONGOING = timedelta(hours=2)
KM_PER_DEGREE = pi * EARTH_RADIUS_KM / 180  # of latitude, on the sphere distance_km measures
POLAR_LATITUDE = 70.0

ANSWERS = ("yes", "no", "never")
INTEREST_DAYS = 90  # "I'm in" on a meetup idea asks to hear of meetups there for this long


# --- values ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Spot:
    """A city as a point."""

    city_id: int
    latitude: float
    longitude: float
    population: int = 0


@dataclass(frozen=True, slots=True)
class Rules:
    threshold: int = 3
    radius_km: float = 50.0
    cooldown_days: int = 30


@dataclass(frozen=True, slots=True)
class TripStay:
    """A member's trip, with their home city (None when unset)."""

    user_id: str
    city_id: int
    first_day: date
    last_day: date
    home_city_id: int | None = None


@dataclass(frozen=True, slots=True)
class PlannedMeetup:
    latitude: float
    longitude: float
    starts_at: datetime | None  # None: an open date poll


@dataclass(frozen=True, slots=True)
class PastSuggestion:
    city_id: int
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Nearby:
    """Everything the store holds around a center: `cities` has the coordinates of every city
    id used in `homes`, `trips` and `suggestions`."""

    cities: Mapping[int, Spot]
    homes: Mapping[int, int]  # city id -> members whose home it is
    trips: Sequence[TripStay] = ()
    meetups: Sequence[PlannedMeetup] = ()
    suggestions: Sequence[PastSuggestion] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    anchor: Spot
    count: int
    home_city_ids: tuple[int, ...]  # cities of the residents counted
    traveller_ids: tuple[str, ...]  # members counted for their trips
    first_day: date | None = None  # a trip cluster's days; None for a home cluster
    last_day: date | None = None

    @property
    def is_trip(self) -> bool:
        return self.first_day is not None


@dataclass(frozen=True, slots=True)
class Asked:
    """A question the watcher asked a member, and their answer (None while pending)."""

    city_id: int
    kind: str
    answer: str | None


# --- geometry -------------------------------------------------------------------------------------


def lon_span(latitude: float, km: float) -> float:
    """Degrees of longitude a circle of `km` around a point at `latitude` spans each way
    (180 when it reaches over a pole)."""
    dlat = km / KM_PER_DEGREE
    if abs(latitude) + dlat >= 89.9:
        return 180.0
    # at most 90 degrees (asin), so the 1% of slack never passes 180
    return degrees(asin(min(1.0, sin(radians(dlat)) / cos(radians(latitude))))) * 1.01


def within(a: Spot, b: Spot, km: float) -> bool:
    """Great-circle distance at most `km`, with a cheap bounding-box rejection first."""
    if abs(a.latitude - b.latitude) * KM_PER_DEGREE > km:
        return False
    dlon = abs(a.longitude - b.longitude)
    dlon = min(dlon, 360.0 - dlon)
    if dlon > lon_span(a.latitude, km):
        return False
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= km


class CityGrid:
    """Cities bucketed by whole degrees of latitude and longitude, for "which cities lie
    within d km of here" without touching every city. Built once from static gazetteer data."""

    __slots__ = ("_cells", "_count")

    def __init__(self, spots: Iterable[Spot]) -> None:
        cells: dict[tuple[int, int], list[Spot]] = {}
        count = 0
        for s in spots:
            cells.setdefault((floor(s.latitude), floor(s.longitude)), []).append(s)
            count += 1
        self._cells = cells
        self._count = count

    def __len__(self) -> int:
        return self._count

    def near(self, center: Spot, km: float) -> list[Spot]:
        """Cities within `km` of `center` (approximately at the edge: an equirectangular
        check, exact to well under 1% at these distances)."""
        lat, lon = center.latitude, center.longitude
        dlat = km / KM_PER_DEGREE
        dlon = lon_span(lat, km)
        lat_cells = range(floor(lat - dlat), floor(lat + dlat) + 1)
        lon_lo, lon_hi = floor(lon - dlon), floor(lon + dlon)
        if lon_hi - lon_lo >= 359:
            lon_lo, lon_hi = -180, 179
        lon_cells = {((x + 180) % 360) - 180 for x in range(lon_lo, lon_hi + 1)}
        limit = (km / KM_PER_DEGREE) ** 2
        polar = abs(lat) + dlat > POLAR_LATITUDE  # the flat approximation breaks down there
        out: list[Spot] = []
        for cy in lat_cells:
            if cy < -90 or cy > 89:
                continue
            for cx in lon_cells:
                cell = self._cells.get((cy, cx))
                if not cell:
                    continue
                for s in cell:
                    if polar:
                        if distance_km(lat, lon, s.latitude, s.longitude) <= km:
                            out.append(s)
                        continue
                    d_lat = s.latitude - lat
                    d_lon = abs(s.longitude - lon)
                    d_lon = min(d_lon, 360.0 - d_lon) * cos(radians((s.latitude + lat) / 2))
                    if d_lat * d_lat + d_lon * d_lon <= limit:
                        out.append(s)
        return out


# --- the decision ---------------------------------------------------------------------------------


def intent_rules(rules: Rules) -> Rules:
    """The rules when members talk about meeting: one member fewer is enough (at least 2)."""
    return Rules(max(2, rules.threshold - 1), rules.radius_km, rules.cooldown_days)


def cooling_down(anchor: Spot, near: Nearby, rules: Rules, now: datetime) -> bool:
    since = now - timedelta(days=rules.cooldown_days)
    for s in near.suggestions:
        spot = near.cities.get(s.city_id)
        if s.created_at > since and spot is not None and within(anchor, spot, rules.radius_km):
            return True
    return False


def meetup_planned(
    anchor: Spot,
    near: Nearby,
    rules: Rules,
    now: datetime,
    first_day: date | None = None,
    last_day: date | None = None,
) -> bool:
    """An open poll or a coming meetup near the anchor (during the days, for a trip cluster)."""
    for m in near.meetups:
        spot = Spot(0, m.latitude, m.longitude)
        if not within(anchor, spot, rules.radius_km):
            continue
        if m.starts_at is None:
            return True
        if first_day is not None and last_day is not None:
            # the meetup's day in any zone: a day of slack on both sides
            day = m.starts_at.date()
            if first_day - timedelta(days=1) <= day <= last_day + timedelta(days=1):
                return True
        elif now - MEETUP_ONGOING <= m.starts_at <= now + timedelta(days=UPCOMING_MEETUP_DAYS):
            return True
    return False


def _anchors(center: Spot, near: Nearby, rules: Rules, populous: Sequence[Spot]) -> list[Spot]:
    """The center, the biggest cities around it, and the cities with the most members."""
    chosen: dict[int, Spot] = {center.city_id: center}
    taken = 0
    for s in sorted(populous, key=lambda s: -s.population):
        if taken == POPULOUS_ANCHORS:
            break
        if s.city_id not in chosen and within(center, s, rules.radius_km):
            chosen[s.city_id] = s
            taken += 1
    busy: list[tuple[int, Spot]] = []
    for city_id, n in near.homes.items():
        spot = near.cities.get(city_id)
        if (
            n > 0
            and spot is not None
            and city_id not in chosen
            and within(center, spot, rules.radius_km)
        ):
            busy.append((n, spot))
    busy.sort(key=lambda x: (-x[0], -x[1].population, x[1].city_id))
    for _, s in busy[:BUSY_ANCHORS]:
        chosen[s.city_id] = s
    return list(chosen.values())[:MAX_ANCHORS]


def _best_day(
    stays: Sequence[TripStay], residents: int, today: date
) -> tuple[int, date, date, tuple[str, ...]] | None:
    """The day on which the most distinct travellers are present (earliest on ties): the count
    with residents, the overlap of the trips present that day, and who they are."""
    events: list[tuple[date, int, int]] = []  # (day, 0 = arrive / 1 = leave after, index)
    for i, s in enumerate(stays):
        first = max(s.first_day, today)
        if s.last_day < first:
            continue
        events.append((first, 0, i))
        events.append((s.last_day + timedelta(days=1), -1, i))
    if not events:
        return None
    events.sort()
    present: dict[str, int] = {}
    best_n, best_day = 0, None
    for day, kind, i in events:
        user = stays[i].user_id
        if kind < 0:
            left = present[user] - 1
            if left:
                present[user] = left
            else:
                del present[user]
            continue
        present[user] = present.get(user, 0) + 1
        if len(present) > best_n:
            best_n, best_day = len(present), day
    if best_day is None:
        return None
    here = [s for s in stays if max(s.first_day, today) <= best_day <= s.last_day]
    first = max(max(s.first_day, today) for s in here)
    last = min(s.last_day for s in here)
    users = tuple(sorted({s.user_id for s in here}))
    return residents + len(users), first, last, users


def _cluster(anchor: Spot, near: Nearby, rules: Rules, today: date) -> Decision | None:
    km = rules.radius_km
    home_cities = []
    residents = 0
    for city_id, n in near.homes.items():
        spot = near.cities.get(city_id)
        if n > 0 and spot is not None and within(anchor, spot, km):
            home_cities.append(city_id)
            residents += n
    home_ids = tuple(sorted(home_cities))
    if residents >= rules.threshold:
        return Decision(anchor, residents, home_ids, ())
    if not near.trips:
        return None
    local = set(home_cities)
    stays = []
    for s in near.trips:
        if s.home_city_id is not None and s.home_city_id in local:
            continue  # counted as a resident already
        spot = near.cities.get(s.city_id)
        if spot is not None and within(anchor, spot, km):
            stays.append(s)
    if residents + len({s.user_id for s in stays}) < rules.threshold:
        return None
    best = _best_day(stays, residents, today)
    if best is None or best[0] < rules.threshold:
        return None
    count, first, last, users = best
    return Decision(anchor, count, home_ids, users, first, last)


def open_anchors(
    center: Spot, near: Nearby, rules: Rules, now: datetime, *, populous: Sequence[Spot] = ()
) -> bool:
    """Whether any anchor around the center is free of a cooldown (else nothing is due,
    whatever the trips: the caller may skip loading them)."""
    return any(
        not cooling_down(a, near, rules, now) for a in _anchors(center, near, rules, populous)
    )


def decide(
    center: Spot,
    near: Nearby,
    rules: Rules,
    *,
    today: date,
    now: datetime,
    populous: Sequence[Spot] = (),
) -> Decision | None:
    """The suggestion due around `center`, if any (see the module docstring).

    `populous` are cities around the center that may serve as a better-known anchor (any
    size; only those within the radius are used). `today` is the community's local day."""
    found: list[tuple[int, int, int, int, Decision]] = []
    for order, anchor in enumerate(_anchors(center, near, rules, populous)):
        if cooling_down(anchor, near, rules, now):
            continue
        d = _cluster(anchor, near, rules, today)
        if d is None:
            continue
        if meetup_planned(anchor, near, rules, now, d.first_day, d.last_day):
            continue
        found.append((1 if d.is_trip else 0, -d.count, -anchor.population, order, d))
    if not found:
        return None
    found.sort(key=lambda x: x[:4])
    return found[0][4]


# --- the watcher's questions ----------------------------------------------------------------------


def may_ask(
    asked: Sequence[Asked], last_asked_at: datetime | None, city_id: int, now: datetime
) -> str | None:
    """None when the watcher may ask about `city_id` now, else why not:
    "never" (the member said Don't ask again), "asked" (this place was asked about before, in
    any way) or "today" (a question went out less than a day ago)."""
    if any(a.answer == "never" for a in asked):
        return "never"
    if any(a.city_id == city_id for a in asked):
        return "asked"
    if last_asked_at is not None and now - last_asked_at < QUESTION_GAP:
        return "today"
    return None


def check_trip(first: date, last: date, today: date) -> tuple[date, date]:
    """The days of a trip a member states with `/meetup travel`, past days clipped; a
    Refusal says what is wrong with them."""
    if last < today:
        raise Refusal(f"Those dates ({first:%d %b %Y} to {last:%d %b %Y}) are in the past.")
    if (last - first).days + 1 > MAX_TRIP_DAYS:
        raise Refusal(
            f"A trip can be at most {MAX_TRIP_DAYS} days; for a move, set your home "
            "with `/meetup home`."
        )
    if first > today + timedelta(days=TRIP_HORIZON_DAYS):
        raise Refusal("That trip is more than a year away; add it closer to the date.")
    return max(first, today), last


def trip_days(first: date | None, last: date | None, today: date) -> tuple[date, date] | None:
    """The days of a stated trip worth asking about: known, not over, at most
    `MAX_TRIP_DAYS` long and starting within a year; starts in the past are clipped to today."""
    if first is None or last is None or last < first or last < today:
        return None
    first = max(first, today)
    if (last - first).days + 1 > MAX_TRIP_DAYS:
        return None
    if first > today + timedelta(days=TRIP_HORIZON_DAYS):
        return None
    return first, last


@dataclass(frozen=True, slots=True)
class Interest:
    """A meetup idea and the members who clicked I'm in on it."""

    anchor: Spot
    first_day: date | None  # a trip idea's days; None for a home idea
    last_day: date | None
    user_ids: tuple[str, ...]


def interested_in(
    meetup: Spot, days: Iterable[date], ideas: Iterable[Interest], radius_km: float
) -> dict[str, Interest]:
    """Members to tell about a meetup proposed at `meetup` on `days` (its date, or its poll's
    options): those in for an idea around that place, and for a trip idea, on one of its
    days; each once, with the first such idea."""
    meetup_days = set(days)
    found: dict[str, Interest] = {}
    for idea in ideas:
        if not within(idea.anchor, meetup, radius_km):
            continue
        if idea.first_day and idea.last_day and not any(
            idea.first_day <= d <= idea.last_day for d in meetup_days
        ):
            continue
        for user in idea.user_ids:
            found.setdefault(user, idea)
    return found


def overlaps(a_first: date, a_last: date, b_first: date, b_last: date) -> bool:
    return a_first <= b_last and b_first <= a_last


def day_span(first: date, last: date) -> str:
    """ "Mar 3", "Mar 3–5", "Mar 30–Apr 2" (years only when they differ from each other)."""
    if first == last:
        return f"{first:%b} {first.day}"
    if first.year != last.year:
        return f"{first:%b} {first.day}, {first.year}–{last:%b} {last.day}, {last.year}"
    if first.month == last.month:
        return f"{first:%b} {first.day}–{last.day}"
    return f"{first:%b} {first.day}–{last:%b} {last.day}"


def evening_options(
    first: date, last: date, local_now: datetime, hour: int = 19, limit: int = 10
) -> list[str]:
    """ "YYYY-MM-DD 19:00" for each evening of a trip cluster's days still ahead (for the
    propose form: one time, or a date poll over the days)."""
    out: list[str] = []
    day = first
    while day <= last and len(out) < limit:
        if datetime.combine(day, time(hour)) > local_now.replace(tzinfo=None):
            out.append(f"{day:%Y-%m-%d} {hour:02d}:00")
        day += timedelta(days=1)
    return out
