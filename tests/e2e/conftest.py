"""End-to-end fixtures: the real dashboard, started once per session, driven by Playwright in Debian's Chromium.

Without Chromium at /usr/bin/chromium the tests skip, saying what to install, except when ``CI=true``:
then they fail. Screenshots of each page go to build/screenshots/ (or $STORYSCOPE_SCREENSHOTS).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/ is not a package: make e2e_support importable
from e2e_support import (  # noqa: E402
    CHROMIUM,
    SCREENSHOTS,
    TIMEOUT_MS,
    launch_chromium,
    running_dashboard,
)


def _require_chromium() -> str:
    if os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    message = f"Chromium is not installed at {CHROMIUM}: install it with `apt-get install chromium`."
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: the browser tests must run.)")
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    return _require_chromium()


@pytest.fixture(scope="session")
def dashboard(chromium_path, tmp_path_factory) -> Iterator[str]:
    """The running dashboard's URL, on a fresh library holding only the seeds."""
    with running_dashboard(tmp_path_factory.mktemp("storyscope-data")) as (url, _):
        yield url


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright, chromium_path)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, dashboard):
    """A fresh browser tab (own session) whose JavaScript dialogs (alert ...) are recorded in ``page.dialogs``."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.dialogs = []

    def record(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", record)
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
