"""The typed-command parser shared by the console and Slack."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.commandline import CommandLineError, ParsedCommand
from adapters.commandline import parse_command_line as parse_against
from bot.commands import COMMANDS_BY_NAME


def parse_command_line(text: str) -> ParsedCommand:
    return parse_against(text, COMMANDS_BY_NAME)


@pytest.mark.parametrize(("text", "name", "options"), [
    ("", "help", {}),
    ('propose title:"Coffee & code" city:Portland when:"next friday 7pm"', "propose",
     {"title": "Coffee & code", "city": "Portland", "when": "next friday 7pm"}),
    ("propose title:Coffee and code city:Portland", "propose",
     {"title": "Coffee and code", "city": "Portland"}),
    ("propose title:“Smart quotes” when:19:00", "propose",
     {"title": "Smart quotes", "when": "19:00"}),
    ("propose title:Let's meet at 7:30", "propose", {"title": "Let's meet at 7:30"}),
    ("show 3", "show", {"id": "3"}),
    ("SHOW id:3", "show", {"id": "3"}),
    ('cancel id:3 reason:"note: closed"', "cancel", {"id": "3", "reason": "note: closed"}),
])
def test_parses(text: str, name: str, options: dict[str, str]) -> None:
    parsed = parse_command_line(text)
    assert parsed.name == name and parsed.options == options


@pytest.mark.parametrize(("text", "message"), [
    ("frobnicate", "There is no `/meetup frobnicate` command."),
    ("propos title:x", "Did you mean `/meetup propose`?"),
    ('propose title:"unclosed', "is not closed"),
    ("propose titel:x", "Did you mean `title:`?"),
    ("show id:1 id:2", "given twice"),
    ("mine extra words", "takes no options"),
])
def test_errors_say_what_to_type(text: str, message: str) -> None:
    with pytest.raises(CommandLineError) as err:
        parse_command_line(text)
    assert message in str(err.value)


@given(st.text(max_size=300))
def test_any_text_parses_or_gives_a_message(text: str) -> None:
    try:
        parsed = parse_command_line(text)
    except CommandLineError as err:
        assert str(err)
    else:
        assert parsed.name
