"""Public meetup pages in a real browser (issue #17): Debian's headless Chromium driven by
Playwright (never `playwright install`: the executable is /usr/bin/chromium, which `.ci/run`
installs), with axe-core (axe-playwright-python) for the accessibility check.

`python -m tests.test_pages_browser docs/img/meetup-page.png` takes the README's screenshot
from the same page these tests open.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from axe_playwright_python.async_playwright import Axe
from icalendar import Calendar
from playwright.async_api import Browser, Page, async_playwright

from bot import actions
from tests.test_pages import BASE, PageHarness

CHROMIUM = os.environ.get("TWEETUP_CHROMIUM", "/usr/bin/chromium")

pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM),
    reason=f"no Chromium at {CHROMIUM}: `apt-get install chromium` (.ci/run does) to run the "
    "browser tests of the public pages",
)

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
ZOOMED = {"width": 320, "height": 512}  # 1280 px at 400 %, WCAG 1.4.10: no sideways scroll


async def _meetup_page(h: PageHarness) -> str:
    """A Berlin meetup with everything a page shows; the page's local URL."""
    await h.pages_on("https://discord.gg/tweetup")
    coffee = await h.propose(
        title="Coffee & code", city="Berlin", when="2030-01-11 19:00", venue="Café Kranzler",
        find_us="Look for the yellow umbrella at the back",
        description="Bring a laptop or just yourself. First-timers very welcome!",
    )
    await h.command("bob", "privacy", show_name="yes")
    for user in ("bob", "carol", "dave"):
        await h.click(user, actions.encode("rsvp", coffee, "going"))
    return h.server.url + h.page_path(coffee)


@pytest.fixture
async def page_url(sqlite_url: str) -> AsyncIterator[str]:
    h = PageHarness(sqlite_url)
    await h.start()
    try:
        yield await _meetup_page(h)
    finally:
        await h.stop()


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield launched
        finally:
            await launched.close()


async def _open(browser: Browser, url: str, viewport: dict[str, int]) -> tuple[Page, list[str]]:
    context = await browser.new_context(
        viewport=viewport, locale="en-US", timezone_id="America/New_York", accept_downloads=True
    )
    page = await context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    response = await page.goto(url)
    assert response is not None and response.status == 200
    await page.wait_for_load_state("networkidle")
    return page, problems


async def _no_sideways_scroll(page: Page) -> bool:
    return bool(await page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    ))


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP, ZOOMED], ids=["phone", "desktop", "zoom"])
async def test_the_page_renders_without_errors_or_sideways_scroll(
    browser: Browser, page_url: str, viewport: dict[str, int]
) -> None:
    page, problems = await _open(browser, page_url, viewport)
    assert await page.locator("h1").inner_text() == "Coffee & code"
    assert await page.get_by_text("Look for the yellow umbrella").is_visible()
    assert await page.get_by_role("link", name="Join us").get_attribute("href") == (
        "https://discord.gg/tweetup"
    )
    assert await _no_sideways_scroll(page)
    assert problems == []


async def test_the_viewers_local_time_shows_next_to_the_citys(
    browser: Browser, page_url: str
) -> None:
    page, problems = await _open(browser, page_url, PHONE)
    local = page.locator("#local-time")
    await local.wait_for(state="visible")
    text = await local.inner_text()
    # 19:00 in Berlin is 1 PM in New York, the browser's zone here
    assert text.startswith("Your time:") and re.search(r"01:00\s?PM EST", text), text
    assert "Friday 11 January 2030, 19:00" in await page.locator("time").inner_text()
    assert problems == []


async def test_the_page_reads_the_same_without_javascript(browser: Browser, page_url: str) -> None:
    context = await browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = await context.new_page()
    await page.goto(page_url)
    assert "Friday 11 January 2030, 19:00" in await page.locator("time").inner_text()
    assert not await page.locator("#local-time").is_visible()


async def test_the_ics_downloads_and_parses(browser: Browser, page_url: str) -> None:
    page, problems = await _open(browser, page_url, DESKTOP)
    async with page.expect_download() as info:
        await page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = await info.value
    path = await download.path()
    data = await asyncio.to_thread(Path(path).read_bytes)
    (event,) = Calendar.from_ical(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Coffee & code"
    assert event.decoded("DTSTART").isoformat() == "2030-01-11T19:00:00+01:00"
    assert problems == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
async def test_axe_finds_no_accessibility_violations(
    browser: Browser, page_url: str, viewport: dict[str, int]
) -> None:
    page, _ = await _open(browser, page_url, viewport)
    results = await Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


async def test_the_404_page_is_accessible_too(browser: Browser, page_url: str) -> None:
    context = await browser.new_context(viewport=PHONE)
    page = await context.new_page()
    response = await page.goto(page_url.rsplit("/", 1)[0] + "/" + "A" * 22)
    assert response is not None and response.status == 404
    results = await Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


async def screenshot(target: Path) -> None:
    """The README's picture: the test meetup's page at phone width, beside it on desktop."""
    with tempfile.TemporaryDirectory() as tmp:
        h = PageHarness(f"sqlite+aiosqlite:///{tmp}/shot.db")
        await h.start()
        try:
            url = await _meetup_page(h)
            async with async_playwright() as playwright:
                launched = await playwright.chromium.launch(executable_path=CHROMIUM)
                page, _ = await _open(launched, url, {"width": 900, "height": 860})
                await page.screenshot(path=str(target), full_page=True)
                await launched.close()
        finally:
            await h.stop()
    print(f"{target} (page as served at {BASE}/m/...)")


if __name__ == "__main__":
    asyncio.run(screenshot(Path(sys.argv[1] if len(sys.argv) > 1 else "meetup-page.png")))
