"""The dashboard fetches nothing from the internet (favicon included) and turns no URL in a title into a link."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from e2e_support import choose_option, wait_for_app

pytestmark = pytest.mark.e2e

URL_TITLE = "Read https://evil.example/pay and www.evil.example today"


def test_every_request_stays_on_the_dashboards_own_server(page, dashboard):
    own = urlparse(dashboard).netloc
    elsewhere: list[str] = []
    page.on("request", lambda request: urlparse(request.url).scheme in ("http", "https", "ws", "wss")
            and urlparse(request.url).netloc != own and elsewhere.append(request.url))
    page.goto(dashboard)
    wait_for_app(page)
    page.wait_for_timeout(1500)  # the favicon is set after the first run
    icon = page.locator("link[rel='shortcut icon']").get_attribute("href") or ""
    assert urlparse(icon).netloc in ("", own), icon
    assert elsewhere == []


def test_a_url_in_a_title_is_plain_text(page, dashboard):
    page.goto(f"{dashboard}/library")
    wait_for_app(page)
    form = page.locator("[data-testid='stForm']").filter(has_text="Paste text")
    form.get_by_label("Title").fill(URL_TITLE)
    form.get_by_label("Text").fill("The ferry resumed on Monday after the storm, the harbour master said.")
    form.get_by_role("button", name="Add text").click()
    wait_for_app(page, timeout=60_000)
    alert = page.locator("[data-testid='stAlert']").filter(has_text="evil.example").first
    alert.wait_for(state="visible")
    assert alert.locator("a").count() == 0
    choose_option(page, "Article", URL_TITLE)
    wait_for_app(page)
    page.get_by_role("button", name="Open on the Article page").click()
    wait_for_app(page)
    heading = page.locator("h1").filter(has_text="evil.example").first
    heading.wait_for(state="visible")
    assert heading.inner_text().strip().replace("\u2060", "") == URL_TITLE  # an invisible WORD JOINER breaks links
    assert heading.locator("a").count() == 0
