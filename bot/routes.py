"""The routing table, assembled from the list of features (a pure function, no globals).

`assemble(features)` merges what each feature contributes: command name, button verb, form
id and job kind -> handler, the DM buttons accepted outside a community, and the hooks one
feature offers others. Two features claiming the same name is a wiring error, raised at
start-up. `JobDelivery` hands each due job to the runner of its kind.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bot.commands import COMMANDS
from bot.domain.jobs import Job
from bot.handlers.context import Services
from bot.handlers.feature import (
    ActionHandler,
    ChangeHook,
    CommandHandler,
    DateHook,
    DirectFinder,
    Feature,
    ForgetHook,
    FormHandler,
    JobKind,
    LeftHook,
    LocationHook,
    MessageHook,
    ProposalHook,
    RsvpHook,
    ScheduledHook,
)
from bot.store.store import StoreUnavailable
from bot.types import CommandSpec

log = logging.getLogger(__name__)

V = TypeVar("V")


class WiringError(Exception):
    """The features do not fit together (a name claimed twice, a command without a handler)."""


@dataclass(frozen=True, slots=True)
class Routes:
    table: Sequence[CommandSpec]  # the command table the adapters build their surfaces from
    specs: Mapping[str, CommandSpec]  # name -> its row in the table
    commands: Mapping[str, CommandHandler]
    actions: Mapping[str, ActionHandler]
    direct_actions: Mapping[str, DirectFinder]
    forms: Mapping[str, FormHandler]
    jobs: Mapping[str, JobKind]
    on_message: MessageHook | None
    after_location_change: LocationHook | None
    after_meetup_proposed: ProposalHook | None
    after_meetup_changed: ChangeHook | None = None
    after_meetup_scheduled: ScheduledHook | None = None
    after_date_opened: DateHook | None = None
    after_rsvp: RsvpHook | None = None
    before_forget: ForgetHook | None = None
    after_member_left: LeftHook | None = None


def _merge(what: str, tables: Iterable[tuple[str, Mapping[str, V]]]) -> dict[str, V]:
    merged: dict[str, V] = {}
    owner: dict[str, str] = {}
    for feature, table in tables:
        for name, value in table.items():
            if name in merged:
                raise WiringError(f"{what} {name!r} is claimed by {owner[name]} and {feature}")
            merged[name], owner[name] = value, feature
    return merged


Hook = Callable[..., Awaitable[None]]


def _chain(hooks: Sequence[Hook]) -> Hook | None:
    """One hook calling every feature's in the order the features are listed."""
    if not hooks:
        return None
    if len(hooks) == 1:
        return hooks[0]

    async def all_of(*args: object) -> None:
        for hook in hooks:
            await hook(*args)

    return all_of


def assemble(features: Sequence[Feature], commands: Sequence[CommandSpec] = COMMANDS) -> Routes:
    """The routing table of these features. Every command of the command table needs exactly
    one handler, and every handler a row in the table (its options, help and examples)."""
    handlers = _merge("command", ((f.name, f.commands) for f in features))
    specs = {c.name for c in commands}
    if missing := sorted(specs - handlers.keys()):
        raise WiringError(f"no feature handles the command(s) {', '.join(missing)}")
    if unlisted := sorted(handlers.keys() - specs):
        raise WiringError(f"command(s) {', '.join(unlisted)} have no row in the command table")
    return Routes(
        table=tuple(commands),
        specs={c.name: c for c in commands},
        commands=handlers,
        actions=_merge("button verb", ((f.name, f.actions) for f in features)),
        direct_actions=_merge("DM button verb", ((f.name, f.direct_actions) for f in features)),
        forms=_merge("form", ((f.name, f.forms) for f in features)),
        jobs=_merge("job kind", ((f.name, {k.name: k for k in f.jobs}) for f in features)),
        on_message=_chain([f.on_message for f in features if f.on_message]),
        after_location_change=_chain(
            [f.after_location_change for f in features if f.after_location_change]
        ),
        after_meetup_proposed=_chain(
            [f.after_meetup_proposed for f in features if f.after_meetup_proposed]
        ),
        after_meetup_changed=_chain(
            [f.after_meetup_changed for f in features if f.after_meetup_changed]
        ),
        after_meetup_scheduled=_chain(
            [f.after_meetup_scheduled for f in features if f.after_meetup_scheduled]
        ),
        after_date_opened=_chain([f.after_date_opened for f in features if f.after_date_opened]),
        after_rsvp=_chain([f.after_rsvp for f in features if f.after_rsvp]),
        before_forget=_chain([f.before_forget for f in features if f.before_forget]),
        after_member_left=_chain([f.after_member_left for f in features if f.after_member_left]),
    )


class JobDelivery:
    """Called by the job engine with a batch of claimed jobs: each goes to its kind's runner."""

    def __init__(self, services: Services, kinds: Mapping[str, JobKind]) -> None:
        self.services = services
        self.kinds = kinds

    async def __call__(self, jobs: Sequence[Job]) -> dict[int, str]:
        """Deliver a batch meetup by meetup. A meetup whose delivery fails (the store away)
        leaves its jobs out of the outcomes, to be retried after the lease (with a look at
        the DMs first), while what went out for the other meetups is recorded now."""
        outcomes: dict[int, str] = {}
        by_meetup: dict[int, list[Job]] = defaultdict(list)
        for job in jobs:
            by_meetup[job.meetup_id].append(job)
        for meetup_id, group in by_meetup.items():
            try:
                outcomes.update(await self._meetup(meetup_id, group))
            except StoreUnavailable as exc:  # one line for a store that is away
                log.warning("jobs of meetup %s wait for the store (%s)", meetup_id, exc)
            except Exception:
                log.exception("delivering the jobs of meetup %s failed", meetup_id)
        return outcomes

    async def _meetup(self, meetup_id: int, group: Sequence[Job]) -> dict[int, str]:
        m = await self.services.store.meetup(meetup_id)
        community = await self.services.store.community_by_id(group[0].community_id)
        if m is None or community is None:
            return {j.id: "gone" for j in group}
        by_kind: dict[str, list[Job]] = defaultdict(list)
        for job in group:
            by_kind[job.kind].append(job)
        outcomes: dict[int, str] = {}
        for name, kind in self.kinds.items():  # in the order the features list them
            if name in by_kind:
                outcomes.update(await kind.run(self.services, community, m, by_kind.pop(name)))
        for job in (j for js in by_kind.values() for j in js):
            outcomes[job.id] = "unknown-kind"
        return outcomes

