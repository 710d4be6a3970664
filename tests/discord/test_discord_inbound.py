"""adapters/discord/inbound.py on a recorded MODAL_SUBMIT interaction (tests/discord/payloads/,
shaped as Discord's API reference and the wire fake send it): no network."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from adapters.discord import inbound
from bot.types import Form, FormField, GroupRef

PAYLOADS = Path(__file__).parent / "payloads"
FORM = Form("propose", "Propose", (
    FormField("title", "Title", max_length=20),
    FormField("when", "When"),
    FormField("options", "Dates", kind="text", multiple=True),
))


def modal_submit() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PAYLOADS / "modal_submit.json").read_text("utf-8"))
    return data


def test_modal_values_are_read_from_action_rows_and_labels() -> None:
    values = inbound.modal_values(modal_submit()["data"]["components"])
    assert values == {
        "title": "Tapas night",
        "when": "friday 19:00",
        "options": "Friday 19:00\nSaturday 12:00 | Sunday 11:00",
    }


def test_a_form_opened_before_a_restart_is_known_by_its_custom_id() -> None:
    assert inbound.form_id_of(modal_submit()["data"]["custom_id"]) == "propose"
    assert inbound.form_custom_id(FORM, 1299999999999999999).startswith(inbound.FORM_PREFIX)
    assert inbound.form_id_of(inbound.form_custom_id(FORM, 42)) == "propose"


def test_a_field_taking_several_values_gets_them_joined_one_per_line_or_bar() -> None:
    values, errors = inbound.form_submission(
        FORM, inbound.modal_values(modal_submit()["data"]["components"]))
    assert errors == {}
    assert values["options"] == "Friday 19:00 | Saturday 12:00 | Sunday 11:00"
    assert values["title"] == "Tapas night"


def test_a_forged_value_longer_than_the_field_allows_is_refused_with_the_limit() -> None:
    values, errors = inbound.form_submission(FORM, {"title": "x" * 21, "when": "fri"})
    assert errors == {"title": "at most 20 characters, please (you sent 21)"}
    assert values["options"] == ""  # a field left out of the submission reads as empty


GUILD = 111122223333


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("<@&123456>", GroupRef("123456")),  # what the client inserts for a picked role
        ("123456", GroupRef("123456")),  # a role id typed bare
        (f"<@&{GUILD}>", "@everyone"),  # the @everyone role has the guild's id
        (str(GUILD), "@everyone"),
        ("@everyone", "@everyone"),
        ("@pdx-crew", "@pdx-crew"),  # a name: text (the core keeps it as a label)
        ("<@123456>", "<@123456>"),  # a member, not a role: text, which the core refuses
        ("<@&12345678901234567890123>", "<@&12345678901234567890123>"),  # too long for an id
        ("1234", "1234"),
        ("none", "none"),
    ],
)
def test_a_role_option_is_read_into_a_neutral_group_or_left_as_text(
    typed: str, read: GroupRef | str
) -> None:
    assert inbound.role_of(typed, GUILD) == read
