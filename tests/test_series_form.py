"""The bare /meetup propose form has a Repeat field (issue #16 polish), read like repeat:."""

from __future__ import annotations

from tests.support import Harness
from tests.test_series import _buttons, _open_dates

FORM = {"title": "Pub night", "city": "London", "when": "2030-01-10 19:00",
        "venue": "The Crown"}


async def test_a_repeat_in_the_form_makes_a_series_after_the_echo(harness: Harness) -> None:
    await harness.command("alice", "propose")
    form = harness.adapter.of("form")[-1].form
    assert form is not None and form.fields[-1].name == "repeat"
    assert not form.fields[-1].required
    await harness.submit("alice", "propose", {**FORM, "repeat": "every first thursday"})
    echo = harness.adapter.of("reply")[-1]
    assert "every first Thursday of the month at 19:00 (Europe/London)" in echo.text
    assert "Create it?" in echo.text and _open_dates(harness) == []
    await harness.click("alice", _buttons(echo)["Create the series"])
    assert _open_dates(harness) == ["#1 · Pub night"]


async def test_a_bad_repeat_in_the_form_is_shown_next_to_the_field(harness: Harness) -> None:
    await harness.submit("alice", "propose", {**FORM, "repeat": "every blue moon"})
    errors = harness.adapter.of("reject")[-1].errors
    assert errors is not None and set(errors) == {"repeat"}
    assert 'Try repeat:"every first thursday"' in errors["repeat"]
    await harness.submit("alice", "propose", {**FORM, "title": "", "repeat": "weekly"})
    errors = harness.adapter.of("reject")[-1].errors
    assert errors is not None and set(errors) == {"title"}
    assert harness.adapter.of("post") == []


async def test_an_empty_repeat_in_the_form_is_one_meetup(harness: Harness) -> None:
    await harness.submit("alice", "propose", {**FORM, "repeat": "  "})
    assert _open_dates(harness) == ["#1 · Pub night"]
    assert await harness.store.series_of_meetup(1) is None
