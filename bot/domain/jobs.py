"""Timed work as the domain sees it: a job to run, and the spec of one to schedule.

The store persists them and leases them to one worker; the features that own each kind
(bot/handlers/*) say how its key is built and what runs it (see `JobKind`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    kind: str
    meetup_id: int
    community_id: int
    user_id: str | None
    lead_minutes: int | None
    due_at: datetime
    attempts: int
    claim: str = ""  # the claim token holding it (see Store.claim_due)


@dataclass(frozen=True, slots=True)
class JobSpec:
    key: str
    kind: str
    meetup_id: int
    community_id: int
    due_at: datetime
    user_id: str | None = None
    lead_minutes: int | None = None
