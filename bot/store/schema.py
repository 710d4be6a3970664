"""Tables (SQLAlchemy Core). Every instant is stored in UTC. Migrations live in migrations/;
a test checks that the migrated schema matches these tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC as UTC_ZONE
from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """An aware instant, stored as UTC. SQLite keeps no zone (it would silently drop one), so
    values are converted to UTC going in and marked UTC coming out, on every engine."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime) or value.tzinfo is None:
            raise ValueError(f"instants must be timezone-aware, got {value!r}")
        instant: datetime = value.astimezone(UTC_ZONE)
        return instant.replace(tzinfo=None) if dialect.name == "sqlite" else instant

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"expected a datetime from the database, got {value!r}")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC_ZONE)
        return value.astimezone(UTC_ZONE)

    # On SQLite an instant is text in SQLAlchemy's storage format ("2030-01-07 09:00:00.000000",
    # always six digits, so that text comparisons in SQL order instants). SQLAlchemy parses
    # it with a regular expression and then calls process_result_value; an event reads a few
    # hundred instants (every RSVP on a card), so these two do each direction in one C call.

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any] | None:
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)
        return _sqlite_text

    def result_processor(self, dialect: Dialect, coltype: Any) -> Callable[[Any], Any] | None:
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return self._from_sqlite_text

    def _from_sqlite_text(self, value: Any) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise TypeError(f"expected an instant stored as text, got {value!r}")
        instant = datetime.fromisoformat(value)
        if instant.tzinfo is None:
            return instant.replace(tzinfo=UTC_ZONE)
        return instant.astimezone(UTC_ZONE)


def _sqlite_text(value: Any) -> str | None:
    """An aware instant as SQLAlchemy stores DateTime on SQLite, in UTC."""
    if value is None:
        return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValueError(f"instants must be timezone-aware, got {value!r}")
    return value.astimezone(UTC_ZONE).replace(tzinfo=None).isoformat(" ", "microseconds")


UTC = UTCDateTime()
ID = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER keys only

communities = Table(
    "communities",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("platform", String(16), nullable=False),
    Column("workspace_id", String(64), nullable=False),
    Column("timezone", String(64), nullable=False, server_default="UTC"),
    # the zone was set by an admin, or the first admin to propose was told it never was
    Column("timezone_settled", Boolean, nullable=False, server_default="0"),
    Column("reminder_leads", String(64), nullable=False, server_default="1440,120"),
    Column("remind_maybe", Boolean, nullable=False, server_default="0"),
    Column("who_proposes", String(16), nullable=False, server_default="everyone"),
    Column("suggest_threshold", Integer, nullable=False, server_default="3"),
    Column("suggest_radius_km", Integer, nullable=False, server_default="50"),
    Column("suggest_cooldown_days", Integer, nullable=False, server_default="30"),
    Column("offer_hours", Integer, nullable=False, server_default="12"),
    Column("created_at", UTC, nullable=False),
    Column("removed_at", UTC),
    # public meetup pages (bot/web/pages.py): off until an admin turns them on; the invite
    # link the pages offer ("" : none)
    Column("public_pages", Boolean, nullable=False, server_default="0"),
    Column("invite_url", String(300), nullable=False, server_default=""),
    UniqueConstraint("platform", "workspace_id"),
)

members = Table(
    "members",
    metadata,
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("name", String(100), nullable=False, server_default=""),
    Column("show_name", Boolean, nullable=False, server_default="0"),
    Column("home_city_id", Integer),
    Column("reminder_leads", String(64)),  # NULL: the community's; "" : off
    Column("last_asked_at", UTC),  # the watcher asks at most once a day
    Column("created_at", UTC, nullable=False),
    Index(None, "community_id", "home_city_id"),  # members around a city (the watcher)
)

trips = Table(
    "trips",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", String(64), nullable=False),
    Column("city_id", Integer, nullable=False),
    Column("first_day", Date, nullable=False),
    Column("last_day", Date, nullable=False),
    Column("created_at", UTC, nullable=False),
    Index(None, "community_id", "user_id"),
    Index(None, "community_id", "city_id"),
)

meetups = Table(
    "meetups",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("thread_id", String(64)),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("venue", String(300), nullable=False, server_default=""),
    Column("city_id", Integer, nullable=False),
    Column("city_label", String(200), nullable=False),
    Column("latitude", Float, nullable=False, server_default="0"),
    Column("longitude", Float, nullable=False, server_default="0"),
    # IANA zone the meetup's times are read and shown in ("": the community's, older rows)
    Column("timezone", String(64), nullable=False, server_default=""),
    Column("organizer_id", String(64), nullable=False),
    Column("organizer_name", String(100), nullable=False, server_default=""),
    Column("status", String(16), nullable=False),
    Column("starts_at", UTC),
    Column("deadline", UTC),
    Column("capacity", Integer),
    Column("seats_taken", Integer, nullable=False, server_default="0"),
    Column("rsvp_counter", BigInteger, nullable=False, server_default="0"),
    Column("sequence", Integer, nullable=False, server_default="0"),
    Column("cancel_reason", String(300), nullable=False, server_default=""),
    Column("created_at", UTC, nullable=False),
    Column("updated_at", UTC, nullable=False),
    # how to spot the group ("look for the yellow umbrella"), on the card and in reminders
    Column("find_us", String(300), nullable=False, server_default=""),
    Index(None, "community_id", "status", "starts_at"),
    Index(None, "community_id", "updated_at"),  # a calendar feed's version: max(updated_at)
)

cards = Table(
    "cards",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("message_id", String(64), primary_key=True),
    Column("channel_id", String(64), nullable=False),
    Column("thread_id", String(64)),
)

poll_options = Table(
    "poll_options",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("starts_at", UTC, nullable=False),
)

votes = Table(
    "votes",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("user_name", String(100), nullable=False, server_default=""),
    Column("answer", String(8), nullable=False),
    Column("updated_at", UTC, nullable=False),
)

rsvps = Table(
    "rsvps",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("user_name", String(100), nullable=False, server_default=""),
    Column("status", String(8), nullable=False),
    Column("position", BigInteger, nullable=False),  # click order, from meetups.rsvp_counter
    Column("offer_expires_at", UTC),
    Column("updated_at", UTC, nullable=False),
    Index(None, "meetup_id", "status", "position"),
    Index(None, "user_id"),
)

# Everything the timer wakes up for: member reminders, follow-ups, seat offers, poll deadlines.
# A job is claimed atomically (state pending -> claimed with a lease) before its effect is sent.
jobs = Table(
    "jobs",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("job_key", String(200), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), nullable=False),
    Column("community_id", ID, nullable=False),
    Column("user_id", String(64)),
    Column("lead_minutes", Integer),
    Column("due_at", UTC, nullable=False),
    Column("state", String(12), nullable=False, server_default="pending"),
    Column("lease_until", UTC),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("done_at", UTC),
    Column("outcome", String(32), nullable=False, server_default=""),
    Column("claim_token", String(32)),  # the claim holding it: fences renewals and finishing
    Index(None, "state", "due_at"),
    Index(None, "meetup_id"),
    Index(None, "community_id", "user_id"),
)

# Inbound idempotency: a key seen once is not acted on again (platform redeliveries), unless
# its handler died before finishing it: "started" when recorded, "done" once answered; a
# started row whose seen_at (renewed while the handler runs) is older than the event lease is
# taken over by a redelivery (bot/store/store.py, mark_and_count).
processed_events = Table(
    "processed_events",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("seen_at", UTC, nullable=False),  # recorded, taken over, or last renewed
    Column("state", String(8), nullable=False, server_default="done"),
    # Who sent it, for the rate limits (bot/domain/limits.py); chat messages are kind "message".
    Column("scope", String(100), nullable=False, server_default=""),
    Column("user_id", String(64), nullable=False, server_default=""),
    Column("kind", String(8), nullable=False, server_default=""),
    # A short hash of what the event carries: a seen key with another fingerprint is a
    # different event (a reused key), not a redelivery.
    Column("fingerprint", String(32), nullable=False, server_default=""),
    Index(None, "seen_at"),
    Index(None, "scope", "seen_at"),
    Index(None, "scope", "user_id", "seen_at"),
)

# Rate limits: events per fixed one-minute window, per member (user_id) and per community
# (user_id ""). One upsert per check, whatever the rate.
rate_counters = Table(
    "rate_counters",
    metadata,
    Column("scope", String(100), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("window_start", UTC, primary_key=True),
    Column("n", Integer, nullable=False),
    Index(None, "window_start"),
)

# The watcher: channels it reads, its private questions and their answers, suggestions made.
watched_channels = Table(
    "watched_channels",
    metadata,
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
    Column("channel_id", String(64), primary_key=True),
)

place_questions = Table(
    "place_questions",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", String(64), nullable=False),
    Column("city_id", Integer, nullable=False),
    Column("kind", String(8), nullable=False),  # home | trip
    Column("first_day", Date),
    Column("last_day", Date),
    Column("asked_at", UTC, nullable=False),
    Column("answer", String(8)),  # NULL (pending) | yes | no | never
    Column("channel_id", String(64)),  # where the statement was made: suggestions go there
    UniqueConstraint("community_id", "user_id", "city_id", "kind"),
)

suggestions = Table(
    "suggestions",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False),
    Column("city_id", Integer, nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("first_day", Date),
    Column("last_day", Date),
    Column("member_count", Integer, nullable=False),
    Column("created_at", UTC, nullable=False),
    Column("message_id", String(64)),  # its card, updated as members click I'm in
    Index(None, "community_id", "city_id", "created_at"),
)

suggestion_interest = Table(
    "suggestion_interest",
    metadata,
    Column("suggestion_id", ID, ForeignKey("suggestions.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("created_at", UTC, nullable=False),
)

# Series (bot/domain/series.py): the template of a repeating meetup, its RRULE and first
# wall time in its city's zone; each date that got a meetup (or was skipped) has a row in
# series_dates; members who always come are in series_always.
series = Table(
    "series",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False),
    Column("channel_id", String(64), nullable=False),
    Column("thread_id", String(64)),
    Column("organizer_id", String(64), nullable=False),
    Column("title", String(200), nullable=False),
    Column("description", Text, nullable=False, server_default=""),
    Column("venue", String(300), nullable=False, server_default=""),
    Column("find_us", String(300), nullable=False, server_default=""),
    Column("city_id", Integer, nullable=False),
    Column("city_label", String(200), nullable=False),
    Column("latitude", Float, nullable=False, server_default="0"),
    Column("longitude", Float, nullable=False, server_default="0"),
    Column("timezone", String(64), nullable=False),
    Column("capacity", Integer),
    Column("rrule", String(300), nullable=False),  # RFC 5545 RRULE value, UNTIL in UTC
    Column("first_wall", String(19), nullable=False),  # DTSTART: naive ISO wall time
    Column("post_next", String(32), nullable=False, server_default=""),  # PostNext.text()
    Column("status", String(8), nullable=False),  # draft | active | ended
    Column("sequence", Integer, nullable=False, server_default="0"),
    Column("created_at", UTC, nullable=False),
    Column("updated_at", UTC, nullable=False),
    Index(None, "community_id", "status"),
)

series_dates = Table(
    "series_dates",
    metadata,
    Column("series_id", ID, ForeignKey("series.id", ondelete="CASCADE"), primary_key=True),
    Column("starts_at", UTC, primary_key=True),  # the rule's date (RECURRENCE-ID, EXDATE)
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE")),
    Column("skipped", Boolean, nullable=False, server_default="0"),
    Index(None, "meetup_id"),
)

series_always = Table(
    "series_always",
    metadata,
    Column("series_id", ID, ForeignKey("series.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("community_id", ID, nullable=False),  # for /meetup forget
    Column("user_name", String(100), nullable=False, server_default=""),
    Column("since", UTC, nullable=False),
)

# Welcoming newcomers (bot/handlers/welcome.py, buddies.py): greeters who volunteer per
# community, members on their first meetup, door-buddy requests and who was asked, the
# "would you come again?" answers, and "tell me about the next meetup in <city>" opt-ins.
greeters = Table(
    "greeters",
    metadata,
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("created_at", UTC, nullable=False),
)

first_timers = Table(
    "first_timers",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("created_at", UTC, nullable=False),
)

buddy_requests = Table(
    "buddy_requests",
    metadata,
    Column("id", ID, primary_key=True, autoincrement=True),
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), nullable=False),
    Column("first_timer_id", String(64), nullable=False),
    Column("greeter_id", String(64)),  # the one asked, or paired; NULL when none
    Column("state", String(12), nullable=False),  # asking | paired | unmatched | cancelled
    Column("created_at", UTC, nullable=False),
    Column("updated_at", UTC, nullable=False),
    UniqueConstraint("meetup_id", "first_timer_id"),
)

buddy_asks = Table(
    "buddy_asks",
    metadata,
    Column("request_id", ID, ForeignKey("buddy_requests.id", ondelete="CASCADE"),
           primary_key=True),
    Column("greeter_id", String(64), primary_key=True),
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), nullable=False),
    Column("asked_at", UTC, nullable=False),
    Column("answer", String(8)),  # NULL while asked | yes | no | timeout | gone
)

come_again = Table(
    "come_again",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("answer", String(8), nullable=False),  # yes | maybe | no
    Column("answered_at", UTC, nullable=False),
)

# Areas members follow (/meetup follow, bot/handlers/follows.py): told by DM of every meetup
# proposed within the radius of the city's centre, until they unfollow. source: "command", or
# "interest" (an "I'm in" click), or "welcome" (a first-timer's "tell me about <city>").
followed_areas = Table(
    "followed_areas",
    metadata,
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("city_id", Integer, primary_key=True),
    Column("radius_km", Integer, nullable=False),
    Column("source", String(8), nullable=False, server_default="command"),
    Column("created_at", UTC, nullable=False),
)

# A Discord role / Slack user group an admin attached to an area (/meetup area-role):
# mentioned on the card of a meetup proposed there.
area_roles = Table(
    "area_roles",
    metadata,
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
    Column("city_id", Integer, primary_key=True),
    Column("group_id", String(64), nullable=False),
    Column("group_label", String(100), nullable=False, server_default=""),
    Column("radius_km", Integer, nullable=False),
    Column("created_at", UTC, nullable=False),
)

# The platform's own event of a meetup (a Discord Guild Scheduled Event), by its id.
native_events = Table(
    "native_events",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", String(64), nullable=False),
    Column("cancelled", Boolean, nullable=False, server_default="0"),
    # a hash of what was last sent, so a card refresh that changed nothing calls nothing
    Column("fingerprint", String(32), nullable=False, server_default=""),
    Index(None, "event_id"),
)

# Members who clicked Interested on a native event and were offered to RSVP Going by DM.
native_interest = Table(
    "native_interest",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("user_id", String(64), primary_key=True),
    Column("created_at", UTC, nullable=False),
)

# One-time notices to a community's admins (e.g. "give me Manage Events"), by name.
community_notices = Table(
    "community_notices",
    metadata,
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), primary_key=True),
    Column("notice", String(32), primary_key=True),
    Column("given_at", UTC, nullable=False),
)

# Secret calendar feed addresses (bot/web/feeds.py): one per member who asked for theirs, and
# one per community (user_id ""). The token is random and is the whole key of the feed's URL,
# so the URL says nothing about whose it is; a reset deletes the row, and the old URL answers
# 404 from then on.
calendar_feeds = Table(
    "calendar_feeds",
    metadata,
    Column("token", String(64), primary_key=True),
    Column("community_id", ID, ForeignKey("communities.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", String(64), nullable=False),  # "": the community's feed
    Column("created_at", UTC, nullable=False),
    UniqueConstraint("community_id", "user_id"),
)

# Public meetup pages (bot/web/pages.py): each meetup's page address is a random token, made
# the first time the page is linked, so a URL says nothing about the meetup id.
meetup_pages = Table(
    "meetup_pages",
    metadata,
    Column("meetup_id", ID, ForeignKey("meetups.id", ondelete="CASCADE"), primary_key=True),
    Column("token", String(32), nullable=False, unique=True),
    Column("created_at", UTC, nullable=False),
)

# Tables holding rows about one member, with the column naming them (for /meetup forget).
MEMBER_TABLES: tuple[tuple[Table, str], ...] = (
    (members, "user_id"),
    (trips, "user_id"),
    (votes, "user_id"),
    (rsvps, "user_id"),
    (jobs, "user_id"),
    (place_questions, "user_id"),
    (suggestion_interest, "user_id"),
    (series_always, "user_id"),
    (calendar_feeds, "user_id"),
    (greeters, "user_id"),
    (first_timers, "user_id"),
    (buddy_requests, "first_timer_id"),
    (buddy_asks, "greeter_id"),
    (come_again, "user_id"),
    (followed_areas, "user_id"),
    (native_interest, "user_id"),
)
