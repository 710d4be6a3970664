"""Member-written meetup text: invisible-only titles are refused, bidirectional overrides are
stripped (titles, venues, descriptions, cancel reasons), through Core.handle."""

from __future__ import annotations

import pytest

from tests.support import Harness

INVISIBLE_TITLES = [
    "\u200b\u200b\u200b",  # zero-width spaces
    "\u2800\u2800",  # braille blanks
    "\u3164",  # Hangul filler
    " \u200d\u2060 \ufeff ",  # joiners, word joiner, BOM
    "\u202e\u202d",  # only overrides
    "\u200e\u200f",  # only direction marks
]


@pytest.mark.parametrize("title", INVISIBLE_TITLES)
async def test_a_title_of_invisible_characters_is_refused(harness: Harness, title: str) -> None:
    reply = await harness.command("alice", "propose", title=title, city="Berlin",
                                  when="2030-01-11 19:00")
    assert reply is not None and "title" in reply.text.lower()
    assert 'title:"' in reply.text  # says what to type instead
    assert harness.adapter.of("post") == []


async def test_bidi_overrides_are_stripped_from_title_venue_and_description(
        harness: Harness) -> None:
    mid = await harness.propose(title="Coffee \u202egnp.exe\u202c", venue="Cafe \u2067X\u2069",
                                description="Bring \u202dyour\u202c laptop")
    m = await harness.store.meetup(mid)
    assert m is not None
    assert m.title == "Coffee gnp.exe"
    assert m.venue == "Cafe X"
    assert m.description == "Bring your laptop"
    assert "\u202e" not in (harness.card(mid).title or "")


async def test_an_edit_to_an_invisible_title_is_refused(harness: Harness) -> None:
    mid = await harness.propose(title="Coffee")
    reply = await harness.command("alice", "edit", id=str(mid), title="\u200b \u200b")
    assert reply is not None and "title" in reply.text.lower()
    m = await harness.store.meetup(mid)
    assert m is not None and m.title == "Coffee"


async def test_a_cancel_reason_loses_its_overrides(harness: Harness) -> None:
    mid = await harness.propose()
    await harness.command("alice", "cancel", id=str(mid), reason="rain\u202e!")
    m = await harness.store.meetup(mid)
    assert m is not None and m.cancel_reason == "rain!"


async def test_emoji_sequences_survive_cleaning(harness: Harness) -> None:
    title = "Café 👩\u200d💻 ❤\ufe0f 1\ufe0f\u20e3"
    mid = await harness.propose(title=f"\u200b{title}\u200b")
    m = await harness.store.meetup(mid)
    assert m is not None and m.title == title
