"""A community (Discord guild, Slack workspace, console) and its settings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Community:
    id: int
    platform: str
    workspace_id: str
    timezone: str = "UTC"
    timezone_settled: bool = False  # set by an admin, or the first proposer was told
    reminder_leads: tuple[int, ...] = (24 * 60, 2 * 60)  # minutes before the start
    remind_maybe: bool = False
    who_proposes: str = "everyone"  # "everyone" | "admins"
    suggest_threshold: int = 3
    suggest_radius_km: int = 50
    suggest_cooldown_days: int = 30
    offer_hours: int = 12
    public_pages: bool = False  # each meetup has a public web page (bot/web/pages.py)
    invite_url: str = ""  # "Join us" on those pages; "" : none


@dataclass(frozen=True, slots=True)
class Member:
    community_id: int
    user_id: str
    name: str
    show_name: bool = False
    home_city_id: int | None = None
    reminder_leads: tuple[int, ...] | None = None  # None: the community's; () means off
