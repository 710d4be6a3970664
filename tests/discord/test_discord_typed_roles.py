"""A role name typed as text (role:@portland, not picked from Discord's list) is no mention:
Discord would ping nobody. The adapter looks the name up among the guild's roles that
discord.py keeps from the gateway (exact name, any case); one match is that role, none or
several is a reply that says how to pick the role, and never "will mention" (real discord.py
against the wire fake)."""

from __future__ import annotations

from pathlib import Path

from tests.discord.discord_flow import Flow, card, flow, propose, text


def answer(responses: list[object]) -> str:
    last = responses[-1]
    body = getattr(last, "json", None) or {}
    return text(body.get("data") or body)


async def area_role(f: Flow, role: str) -> str:
    return answer(await f.command(f.carol, "area-role", city="Berlin", role=role))


async def test_a_typed_role_name_is_that_role_and_pings_it(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        berlin = await f.fake.add_role(f.guild, "Berlin Crew")
        await f.fake.wait_until(lambda: any(
            r.name == "Berlin Crew" for g in f.adapter._require_client().guilds for r in g.roles))
        said = await area_role(f, "@berlin crew")
        assert "will mention @Berlin Crew on their card" in said
        [row] = await f.app.store.area_groups(1)
        assert (row.group_id, row.group_label) == (berlin, "Berlin Crew")
        meetup = await propose(f, title="Pub night")
        assert card(f.fake, f.general, meetup)["content"] == f"<@&{berlin}>"
        posted = [r for r in f.fake.find("POST", rf"/channels/{f.general}/messages")
                  if r.json and r.json.get("embeds")][-1].json
        assert [str(r) for r in posted["allowed_mentions"]["roles"]] == [berlin]
        assert f.fake.spec_errors == []


async def test_an_unknown_or_ambiguous_role_name_says_how_to_pick_it(tmp_path: Path) -> None:
    async with flow(tmp_path) as f:
        for name in ("crew", "Crew"):
            await f.fake.add_role(f.guild, name)
        await f.fake.wait_until(lambda: sum(
            r.name.lower() == "crew" for g in f.adapter._require_client().guilds
            for r in g.roles) == 2)
        unknown = await area_role(f, "@portland")
        assert "no role named @portland" in unknown and "pick the role from the list" in unknown
        assert "will mention" not in unknown
        both = await area_role(f, "crew")
        assert "2 roles are named @crew" in both and "will mention" not in both
        assert await f.app.store.area_groups(1) == []
        removed = await area_role(f, "none")  # still removes, whatever the roles are
        assert "No role was attached" in removed
        meetup = await propose(f, title="Pub night")
        assert not card(f.fake, f.general, meetup).get("content")


ROLES = [(1, "Portland"), (2, "crew"), (3, "Crew"), (4, "Berlin Crew")]


def test_role_named_matches_the_whole_name_in_any_case() -> None:
    from adapters.discord.inbound import role_named

    table = {
        "@portland": "1", "PORTLAND": "1", " @Berlin crew ": "4",
        "port": None, "crew": None, "@berlin": None,
    }
    for typed, expected in table.items():
        found = role_named(ROLES, typed).found
        assert (found.id if found else None) == expected, typed
    assert role_named(ROLES, "crew").why_not.startswith("2 roles are named @crew.")
    assert role_named(ROLES, "port").why_not.startswith("This server has no role named @port.")
