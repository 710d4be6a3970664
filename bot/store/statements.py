"""The store's prebuilt statements: the ones run on (almost) every inbound event.

Built once per engine with bind parameters, because building a statement costs SQLAlchemy
more than running it (measured: 77 us a lookup built each time, 21 us prebuilt), and a
prebuilt one keeps its cache key; on SQLite each is also compiled once to run on the driver
directly (bot/store/prepared.py, SqliteSession.prepare).

They live in this one module rather than next to each aggregate: the engine prepares all of
them at once when the store starts (`Statements.all`), and several are shared across
aggregates (forgetting a member takes the RSVP turn and passes seats on; rebuilding
reminders reads members), so one typed object, `Store._sql`, is the single place to look.
A statement used on a rare path is built where it is used, not here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import and_, bindparam, delete, func, or_, select, update
from sqlalchemy.sql.expression import Executable

from bot.domain.meetups import Status
from bot.domain.rsvps import RsvpStatus
from bot.store import schema as t
from bot.store.events import DONE, STARTED


@dataclass(frozen=True, slots=True)
class Statements:
    """One field per statement; the parameters each takes are its bindparam names."""

    # communities and members
    community: Executable  # platform, workspace
    member: Executable  # community, user
    save_member: Executable  # community, user, name, now: a new member or a new name
    members: Executable  # community, users (a list)
    # meetups, cards and the listing
    meetup: Executable  # meetup
    cards: Executable  # meetup
    upcoming: Executable  # community, ongoing, limit
    page: Executable  # community, ongoing, offset, limit
    page_total: Executable  # community, ongoing
    # polls
    poll_options: Executable  # meetup
    votes: Executable  # meetup
    tally: Executable  # meetup
    voters: Executable  # meetup
    poll_open: Executable  # meetup, now: touches an open poll (takes the write lock)
    save_vote: Executable  # meetup, option, user, name, answer, now
    # RSVPs, seats and the waitlist
    rsvps: Executable  # meetup
    rsvp: Executable  # meetup, user
    rsvps_consent: Executable  # meetup, community
    rsvp_turn: Executable  # meetup: locks the meetup row, takes a click-order number
    first_waiting: Executable  # meetup, exclude
    free_seat: Executable  # meetup
    offer_seat: Executable  # meetup, user, expires, now
    take_seat: Executable  # meetup
    save_rsvp: Executable  # meetup, user, status, name, position, now
    # jobs
    drop_jobs: Executable  # meetup, kinds (a list)
    drop_jobs_of: Executable  # meetup, kinds (a list), user
    add_jobs: Executable  # executemany over job rows
    add_job: Executable  # one job row
    # inbound events and rate counters
    mark_event: Executable  # key, now, scope, user_id, kind, fingerprint
    finish_event: Executable  # event
    finish_events: Executable  # events (a list)
    bump_rate: Executable  # scope, who, start
    # areas: the groups an area's card announces (read whenever a card is rendered)
    area_groups: Executable  # community

    def all(self) -> list[Executable]:
        return [getattr(self, field.name) for field in fields(self)]


def build_statements(insert_for: Callable[[Any], Any]) -> Statements:
    """The statements, built for one engine (`insert_for` picks its dialect's INSERT, which
    has ON CONFLICT)."""
    pe, rc = t.processed_events, t.rate_counters
    c, m, mt, cd, po, v, r, j = (
        t.communities,
        t.members,
        t.meetups,
        t.cards,
        t.poll_options,
        t.votes,
        t.rsvps,
        t.jobs,
    )
    p = bindparam
    # The row converters (rows.meetup_row, rows.rsvp_row) never read these instants: the hot
    # reads leave them out rather than parse them (a /meetup list parsed 50 of them for nothing).
    mt_row = [col for col in mt.c if col.name not in ("created_at", "updated_at")]
    r_row = [col for col in r.c if col.name != "updated_at"]
    still_open = (  # open polls and meetups not yet over
        mt.c.community_id == p("community"),
        or_(
            mt.c.status == Status.POLL.value,
            and_(mt.c.status == Status.SCHEDULED.value, mt.c.starts_at >= p("ongoing")),
        ),
    )
    return Statements(
        community=select(c).where(
            c.c.platform == p("platform"), c.c.workspace_id == p("workspace")
        ),
        member=select(m).where(m.c.community_id == p("community"), m.c.user_id == p("user")),
        save_member=insert_for(m)
        .values(community_id=p("community"), user_id=p("user"), name=p("name"), created_at=p("now"))
        .on_conflict_do_update(
            index_elements=[m.c.community_id, m.c.user_id], set_={"name": p("name")}
        )
        .returning(*m.c),
        members=select(m).where(
            m.c.community_id == p("community"), m.c.user_id.in_(p("users", expanding=True))
        ),
        meetup=select(*mt_row).where(mt.c.id == p("meetup")),
        cards=select(cd).where(cd.c.meetup_id == p("meetup")),
        poll_options=select(po).where(po.c.meetup_id == p("meetup")).order_by(po.c.idx),
        votes=select(v).where(v.c.meetup_id == p("meetup")).order_by(v.c.updated_at),
        rsvps=select(*r_row).where(r.c.meetup_id == p("meetup")).order_by(r.c.position),
        tally=select(v.c.idx, v.c.answer, func.count())
        .where(v.c.meetup_id == p("meetup"))
        .group_by(v.c.idx, v.c.answer),
        voters=select(func.count(func.distinct(v.c.user_id))).where(
            v.c.meetup_id == p("meetup")
        ),
        upcoming=select(*mt_row)
        .where(*still_open)
        .order_by(mt.c.starts_at.is_(None), mt.c.starts_at, mt.c.id)
        .limit(p("limit")),
        page=select(*mt_row)
        .where(*still_open)
        .order_by(mt.c.starts_at.is_(None), mt.c.starts_at, mt.c.id)
        .offset(p("offset"))
        .limit(p("limit")),
        page_total=select(func.count()).select_from(mt).where(*still_open),
        drop_jobs=delete(j).where(
            j.c.meetup_id == p("meetup"),
            j.c.kind.in_(p("kinds", expanding=True)),
            j.c.state == "pending",
        ),
        drop_jobs_of=delete(j).where(
            j.c.meetup_id == p("meetup"),
            j.c.kind.in_(p("kinds", expanding=True)),
            j.c.state == "pending",
            j.c.user_id == p("user"),
        ),
        add_jobs=insert_for(j).on_conflict_do_nothing().returning(j.c.id),
        add_job=insert_for(j)
        .values(
            {
                name: p(name)
                for name in (
                    "job_key", "kind", "meetup_id", "community_id", "user_id", "lead_minutes",
                    "due_at",
                )
            }
        )
        .on_conflict_do_nothing()
        .returning(j.c.id),
        mark_event=insert_for(pe)
        .values(
            key=p("key"),
            seen_at=p("now"),
            scope=p("scope"),
            user_id=p("user_id"),
            kind=p("kind"),
            fingerprint=p("fingerprint"),
            state=STARTED,
        )
        .on_conflict_do_nothing(),
        finish_event=update(pe).where(pe.c.key == p("event")).values(state=DONE),
        finish_events=update(pe)
        .where(pe.c.key.in_(p("events", expanding=True)))
        .values(state=DONE),
        bump_rate=insert_for(rc)
        .values(scope=p("scope"), user_id=p("who"), window_start=p("start"), n=1)
        .on_conflict_do_update(
            index_elements=[rc.c.scope, rc.c.user_id, rc.c.window_start],
            set_={"n": rc.c.n + 1},
        )
        .returning(rc.c.n),
        rsvp=select(*r_row).where(r.c.meetup_id == p("meetup"), r.c.user_id == p("user")),
        rsvps_consent=select(*r_row, m.c.show_name)
        .select_from(
            r.outerjoin(m, and_(m.c.community_id == p("community"), m.c.user_id == r.c.user_id))
        )
        .where(r.c.meetup_id == p("meetup"), r.c.status != RsvpStatus.NO.value)
        .order_by(r.c.position),
        rsvp_turn=update(mt)
        .where(mt.c.id == p("meetup"))
        .values(rsvp_counter=mt.c.rsvp_counter + 1)
        .returning(mt.c.rsvp_counter, mt.c.capacity, mt.c.starts_at, mt.c.status),
        first_waiting=select(*r_row)
        .where(
            r.c.meetup_id == p("meetup"),
            r.c.status == RsvpStatus.WAITING.value,
            r.c.user_id != p("exclude"),  # "": nobody (user ids are never empty)
        )
        .order_by(r.c.position)
        .limit(1),
        free_seat=update(mt)
        .where(mt.c.id == p("meetup"), mt.c.seats_taken > 0)
        .values(seats_taken=mt.c.seats_taken - 1),
        offer_seat=update(r)
        .where(r.c.meetup_id == p("meetup"), r.c.user_id == p("user"))
        .values(
            status=RsvpStatus.OFFERED.value, offer_expires_at=p("expires"), updated_at=p("now")
        )
        .returning(r),
        take_seat=update(mt)
        .where(
            mt.c.id == p("meetup"),
            or_(mt.c.capacity.is_(None), mt.c.seats_taken < mt.c.capacity),
        )
        .values(seats_taken=mt.c.seats_taken + 1),
        save_rsvp=insert_for(r)
        .values(
            meetup_id=p("meetup"),
            user_id=p("user"),
            status=p("status"),
            user_name=p("name"),
            position=p("position"),
            offer_expires_at=None,
            updated_at=p("now"),
        )
        .on_conflict_do_update(
            index_elements=[r.c.meetup_id, r.c.user_id],
            set_={
                "status": p("status"),
                "user_name": p("name"),
                "position": p("position"),
                "offer_expires_at": None,
                "updated_at": p("now"),
            },
        )
        .returning(*r.c),
        poll_open=update(mt)
        .where(mt.c.id == p("meetup"), mt.c.status == Status.POLL.value)
        .values(updated_at=p("now")),
        save_vote=insert_for(v)
        .values(
            meetup_id=p("meetup"),
            idx=p("option"),
            user_id=p("user"),
            user_name=p("name"),
            answer=p("answer"),
            updated_at=p("now"),
        )
        .on_conflict_do_update(
            index_elements=[v.c.meetup_id, v.c.idx, v.c.user_id],
            set_={"answer": p("answer"), "updated_at": p("now"), "user_name": p("name")},
        ),
        area_groups=select(
            t.area_roles.c.city_id,
            t.area_roles.c.group_id,
            t.area_roles.c.group_label,
            t.area_roles.c.radius_km,
        )
        .where(t.area_roles.c.community_id == p("community"))
        .order_by(t.area_roles.c.city_id),
    )
