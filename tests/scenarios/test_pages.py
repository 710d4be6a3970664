"""A meetup's public page (issue #17) on every platform: an admin turns pages on, the card
links the page, and the page, served by the same process, shows the title and how many are
going, and follows the next answer.

The clock starts Monday 2030-01-07 09:00 UTC. Berlin is UTC+1 in January.
"""

from __future__ import annotations

import re

import aiohttp

from tests.scenarios.conftest import PAGES_BASE
from tests.support.drivers.base import ChatDriver, has

PAGE = re.compile(re.escape(PAGES_BASE) + r"(/m/[A-Za-z0-9]{22})")


async def get(driver: ChatDriver, path: str) -> tuple[int, str]:
    assert driver.web_url is not None
    async with aiohttp.ClientSession() as session, session.get(driver.web_url + path) as resp:
        return resp.status, await resp.text()


async def test_a_proposed_meetups_page_is_linked_from_its_card_and_shows_who_goes(
    web_driver: ChatDriver,
) -> None:
    driver = web_driver
    await driver.command("alice", "settings", **{"public-pages": "on"})
    assert has(driver.private("alice")[-1], "public pages: on")
    await driver.command("alice", "propose", title="Board games", city="Berlin",
                         when="2030-01-11 19:00")
    found = PAGE.search(driver.card(1))
    assert found, driver.card(1)

    status, body = await get(driver, found.group(1))
    assert status == 200
    assert "<h1>Board games</h1>" in body and "Nobody yet" in body
    assert "Friday 11 January 2030, 19:00" in body  # Berlin's wall time

    await driver.click("bob", "Going", on=1)
    await driver.click("carol", "Going", on=1)
    status, body = await get(driver, found.group(1))
    assert status == 200 and "2 members" in body

    await driver.command("alice", "settings", **{"public-pages": "off"})
    assert (await get(driver, found.group(1)))[0] == 404
