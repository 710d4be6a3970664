"""The one error a rule raises when it says no; every layer catches it to answer the member."""

from __future__ import annotations


class Refusal(Exception):
    """A rule said no; the message is for the member (what was wrong, what to type instead)."""
