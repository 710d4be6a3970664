"""Block Kit rendering: escaping, pings, times, limits, forms."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from adapters.slack import render
from bot.types import (
    Bold,
    Button,
    Choice,
    Code,
    Field,
    Form,
    FormField,
    Link,
    Mention,
    Outgoing,
    SelectMenu,
    Text,
    Time,
    UserRef,
)

BOB = UserRef("slack", "U0BOB0001", "bob")
INSTANT = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)


def test_member_text_can_never_ping_or_link() -> None:
    text = "@here @everyone <!channel> <!here|here> <@U0ADMIN01> <https://evil|click> & co"
    out = render.mrkdwn((Text(text),))
    assert "<" not in out and ">" not in out
    assert out.startswith("@here @everyone &lt;!channel&gt;")
    assert "&amp; co" in out
    blocks = render.blocks_for(Outgoing(body=(Text(text),)))
    assert blocks[0]["text"]["verbatim"] is True  # Slack must not auto-parse @here and names
    assert "<" not in render.fallback_text(Outgoing(title="<!channel>", body=(Text(text),)))


@given(st.text(max_size=300))
def test_no_member_text_renders_a_control_sequence(text: str) -> None:
    out = render.mrkdwn((Text(text), Bold(text)))
    assert "<" not in out and ">" not in out


def test_mentions_ping_only_when_allowed() -> None:
    assert render.mrkdwn((Mention(BOB),)) == "bob"
    assert render.mrkdwn((Mention(BOB),), ping=(BOB,)) == "<@U0BOB0001>"
    assert render.mrkdwn((Mention(UserRef("slack", "U0X", "<!channel>")),)) == "&lt;!channel&gt;"


def test_time_renders_in_each_viewers_zone_with_a_local_fallback() -> None:
    out = render.mrkdwn((Time(INSTANT, "full", "America/Los_Angeles"),))
    unix = int(INSTANT.timestamp())
    assert out == (f"<!date^{unix}^{{date_long_pretty}} at {{time}}|"
                   "Friday, December 4, 2026 at 19:00 PST>")
    assert render.mrkdwn((Time(INSTANT, "relative"),)).startswith(f"<!date^{unix}^{{ago}}|")
    assert "{time}|" in render.mrkdwn((Time(INSTANT, "time", "Europe/Berlin"),))


def test_bold_and_links() -> None:
    out = render.mrkdwn((Bold("Coffee & code"), Text(" at "),
                         Link("https://www.openstreetmap.org/?mlat=45.5&mlon=-122.6", "Bar <1>")))
    assert out == ("*Coffee &amp; code* at <https://www.openstreetmap.org/?mlat=45.5&amp;"
                   "mlon=-122.6|Bar &lt;1&gt;>")


def test_card_layout_and_limits() -> None:
    msg = Outgoing(
        title="T" * 200,
        body=(Text("x " * 2000),),
        fields=(*(Field(f"F{i}", (Text("v"),)) for i in range(12)),
                Field("Description", (Text("long"),), inline=False)),
        buttons=(*(Button(f"Vote {i}", f"tw:ballot:1:{i}") for i in range(30)),
                 Button("Map", "unused", url="https://osm.org")),
        selects=(SelectMenu("tw:vote:1:1", "Pick", (Choice("Yes", "yes"),)),),
    )
    blocks = render.blocks_for(msg)
    assert blocks[0]["type"] == "header" and len(blocks[0]["text"]["text"]) <= 150
    sections = [b for b in blocks if b["type"] == "section" and "text" in b]
    assert all(len(b["text"]["text"]) <= 3000 for b in sections)
    field_sections = [b for b in blocks if "fields" in b]
    assert [len(b["fields"]) for b in field_sections] == [10, 2]
    actions = [b for b in blocks if b["type"] == "actions"]
    assert [len(b["elements"]) for b in actions] == [25, 7]
    link = actions[1]["elements"][5]
    assert link["url"] == "https://osm.org" and link["action_id"].startswith("tw-link:")
    assert actions[1]["elements"][6]["type"] == "static_select"
    assert len(blocks) <= 50
    ids = [e["action_id"] for b in actions for e in b["elements"]]
    assert len(ids) == len(set(ids))


def test_button_styles_map_to_slack() -> None:
    msg = Outgoing(buttons=(Button("Going", "tw:rsvp:1:going", "success"),
                            Button("Maybe", "tw:rsvp:1:maybe"),
                            Button("No", "tw:rsvp:1:no", "danger")))
    elements = render.blocks_for(msg)[0]["elements"]
    assert [e.get("style") for e in elements] == ["primary", None, "danger"]


def test_duplicate_action_ids_go_to_separate_blocks() -> None:
    msg = Outgoing(buttons=(Button("A", "tw:close:1"), Button("B", "tw:close:1")))
    assert len(render.blocks_for(msg)) == 2


def test_form_view_and_values() -> None:
    form = Form("propose", "Propose a meetup that is long", (
        FormField("title", "Title", default="Coffee", max_length=100),
        FormField("city", "City", "city", default="Portland, Oregon"),
        FormField("when", "When", "datetime", default="2026-12-05T03:00:00+00:00"),
        FormField("capacity", "Capacity", "number", required=False),
    ))
    view = render.form_view(form, {"f": "propose", "c": "C1"})
    assert view["title"]["text"] == "Propose a meetup that i…"
    assert json.loads(view["private_metadata"]) == {"f": "propose", "c": "C1"}
    blocks = {b["block_id"]: b for b in view["blocks"]}
    assert "when~2" not in blocks  # no poll hint, no extra pickers
    assert blocks["title"]["element"]["initial_value"] == "Coffee"
    assert blocks["city"]["element"]["initial_option"]["value"] == "Portland, Oregon"
    assert blocks["when"]["element"]["initial_date_time"] == int(INSTANT.timestamp())
    values = render.form_values({
        "title": {"title": {"type": "plain_text_input", "value": " Coffee "}},
        "city": {"city": {"type": "external_select", "selected_option": None}},
        "when": {"when": {"type": "datetimepicker", "selected_date_time": 1_780_000_000}},
        "capacity": {"capacity": {"type": "plain_text_input", "value": None}},
    })
    assert values == {"title": "Coffee", "city": "", "when": "2026-05-28 20:26 UTC",
                      "capacity": ""}


def test_split_text_never_cuts_a_token() -> None:
    text = ("word " * 590) + "<https://example.com/a|a link> " + ("&amp; " * 300)
    chunks = render.split_text(text, 3000)
    assert "".join(chunks).replace("\n", "") == text.replace("\n", "")
    for chunk in chunks:
        assert chunk.count("<") == chunk.count(">")
        assert len(chunk) <= 3000


def test_slack_text_to_plain() -> None:
    assert render.slack_text_to_plain("hi <@U1|bob> in <#C1|general> <!here> &lt;3") == \
        "hi @bob in #general @here <3"
    assert render.slack_text_to_plain("<!subteam^S1|@devs> on <!date^1^{date}|Dec 5>") == \
        "@devs on Dec 5"


def test_bold_spaces_stay_outside_the_asterisks() -> None:
    out = render.mrkdwn((Bold("#4 Cap One is cancelled. "), Text("Reason: rain.")))
    assert out == "*#4 Cap One is cancelled.* Reason: rain."


def test_markers_never_touch_a_word() -> None:
    assert render.mrkdwn((Text("Hi"), Bold("you"), Text("there"))) == "Hi *you* there"
    assert render.mrkdwn((Bold("a"), Bold("b"))) == "*a* *b*"
    assert render.mrkdwn((Bold("done"), Text(". Next"))) == "*done*. Next"
    assert render.mrkdwn((Bold("#1 *Star* night"),)) == "*#1 \u2217Star\u2217 night*"
    assert render.mrkdwn((Text("Type "), Code("/meetup list"), Text("."))) == (
        "Type `/meetup list`.")


@given(st.lists(st.tuples(st.sampled_from(["t", "b", "c"]), st.text(max_size=12)), max_size=6))
def test_every_bold_or_code_is_delimited_as_slack_needs(parts: list[tuple[str, str]]) -> None:
    kinds = {"t": Text, "b": Bold, "c": Code}
    segs = tuple(kinds[k](v.replace("*", "").replace("`", "")) for k, v in parts)
    out = render.mrkdwn(segs)
    for m in re.finditer(r"(?<![*`])[*`][^*`]+[*`](?![*`])", out):
        before = out[m.start() - 1] if m.start() else " "
        after = out[m.end()] if m.end() < len(out) else " "
        if m.group()[0] == m.group()[-1]:
            assert not (before.isalnum() or before == "_"), out
            assert not (after.isalnum() or after == "_"), out
            assert not m.group()[1].isspace() and not m.group()[-2].isspace(), out
