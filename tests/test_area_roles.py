"""Area roles through Core.handle: admins attach a group to an area; the card of a meetup
proposed there announces it; nothing a member types becomes a group mention (issue #16).
The core gets neutral values: a group the adapter recognised (`GroupRef`), or a typed name;
reading Discord's and Slack's markup is tested with their adapters (tests/discord,
tests/slack)."""

from __future__ import annotations

from bot import actions
from bot.types import GroupRef
from tests.support import Harness

PORTLAND = "Portland, Oregon"


async def test_an_area_role_is_announced_on_cards_of_meetups_there(harness: Harness) -> None:
    reply = await harness.command("alice", "area-role", admin=True, city=PORTLAND,
                                  role=GroupRef("123456"))
    assert reply is not None and "within 50 km of Portland, Oregon, US" in reply.text
    mid = await harness.propose("alice", city="Beaverton, Oregon, US")
    assert harness.card(mid).announce == (GroupRef("123456", ""),)
    await harness.click("bob", actions.encode("rsvp", mid, "going"))  # a refresh keeps it
    assert harness.card(mid).announce == (GroupRef("123456", ""),)
    far = await harness.propose("alice", city="Chicago")
    assert harness.card(far).announce == ()
    online = await harness.propose("alice", city="online", venue="https://meet.example/x")
    assert harness.card(online).announce == ()


async def test_a_date_poll_announces_the_role_too(harness: Harness) -> None:
    await harness.command("alice", "area-role", admin=True, city=PORTLAND,
                          role=GroupRef("S0PDX", "portland"))
    mid = await harness.propose("alice", city=PORTLAND,
                                when="2030-01-11 19:00 | 2030-01-12 19:00")
    assert harness.card(mid).announce == (GroupRef("S0PDX", "portland"),)


async def test_only_admins_attach_roles_and_none_removes_one(harness: Harness) -> None:
    refused = await harness.command("bob", "area-role", city=PORTLAND, role=GroupRef("123456"))
    assert refused is not None and "Only admins" in refused.text
    assert "/meetup follow" in refused.text
    assert await harness.store.area_groups(1) == []
    await harness.command("alice", "area-role", admin=True, city=PORTLAND, role="@pdx-crew")
    [row] = await harness.store.area_groups(1)
    assert (row.group_id, row.group_label) == ("pdx-crew", "pdx-crew")
    removed = await harness.command("alice", "area-role", admin=True, city=PORTLAND, role="none")
    assert removed is not None and "no longer mention a role" in removed.text
    mid = await harness.propose("alice", city=PORTLAND)
    assert harness.card(mid).announce == ()


async def test_everyone_and_here_are_never_an_area_role(harness: Harness) -> None:
    for role in ("@everyone", "@here", "everyone", "@channel", "ALL"):
        reply = await harness.command("alice", "area-role", admin=True, city=PORTLAND,
                                      role=role)
        assert reply is not None and "That group is everyone" in reply.text, role
    assert await harness.store.area_groups(1) == []


async def test_member_text_never_becomes_an_announcement(harness: Harness) -> None:
    mid = await harness.propose("bob", title="@everyone <@&123456> party", city=PORTLAND,
                                description="@here <!subteam^S0PDX> <!channel>")
    card = harness.card(mid)
    assert card.announce == () and card.ping == ()


async def test_a_picked_group_is_shown_by_its_label_and_a_typed_one_by_its_name(
    harness: Harness,
) -> None:
    picked = await harness.command("alice", "area-role", admin=True, city=PORTLAND,
                                   role=GroupRef("S0PDX", "portland"), radius=80)
    assert picked is not None and "within 80 km" in picked.text
    assert "will mention @portland on their card" in picked.text
    typed = await harness.command("alice", "area-role", admin=True, city="Berlin",
                                  role="pdx crew")
    assert typed is not None and "will mention @pdx crew" in typed.text
    rows = {(r.group_id, r.group_label, r.radius_km) for r in await harness.store.area_groups(1)}
    assert rows == {("S0PDX", "portland", 80), ("pdx crew", "pdx crew", 50)}


async def test_what_names_no_group_is_refused_with_what_to_type(harness: Harness) -> None:
    for role in ("<@123>", "#pdx", "@" + "x" * 81):  # markup no adapter read as a group
        reply = await harness.command("alice", "area-role", admin=True, city=PORTLAND,
                                      role=role)
        assert reply is not None and "role:@portland" in reply.text, role
    blank = await harness.command("alice", "area-role", admin=True, city=PORTLAND, role=" ")
    assert blank is not None and "role:@portland" in blank.text
    assert await harness.store.area_groups(1) == []


async def test_a_group_for_an_option_that_takes_none_is_refused(harness: Harness) -> None:
    reply = await harness.command("alice", "area-role", admin=True, city=GroupRef("1"),
                                  role="@crew")
    assert reply is not None and "takes no group as `city`" in reply.text
    assert await harness.store.area_groups(1) == []
