"""The Archive page in a real browser: a batch output opened from STORYSCOPE_ARCHIVE, its charts drawn, a
click on a point lists the articles behind it, downloads offered.

Runs its own dashboard (on its own library) with the archive folder in its environment."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from e2e_support import CHART, ROOT, SCREENSHOTS, TIMEOUT_MS, running_dashboard, wait_for_app

sys.path.insert(0, str(ROOT))
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def archive_dashboard(chromium_path, tmp_path_factory):
    from analysis.batch.run import IN_PROCESS, run_batch
    from tests.batch_support import articles, write_sources

    folder = tmp_path_factory.mktemp("archive-e2e")
    write_sources(folder / "in", articles(18, seed=21), seed=21)
    run_batch([str(folder / "in")], folder / "out", scheduler=IN_PROCESS, batch_size=6)
    old = os.environ.get("STORYSCOPE_ARCHIVE")
    os.environ["STORYSCOPE_ARCHIVE"] = str(folder / "out")
    try:
        with running_dashboard(tmp_path_factory.mktemp("storyscope-archive")) as (url, _):
            yield url
    finally:
        if old is None:
            os.environ.pop("STORYSCOPE_ARCHIVE", None)
        else:
            os.environ["STORYSCOPE_ARCHIVE"] = old


def test_archive_page_shows_the_batch_output_and_drills_down(browser, archive_dashboard):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    try:
        page.goto(f"{archive_dashboard}/archive")
        wait_for_app(page, timeout=180_000)  # a fresh server first analyses the seed into its library
        page.locator(CHART).first.wait_for(state="visible")
        metrics = page.locator("[data-testid='stMetricValue']").all_inner_texts()
        assert metrics[0] == "18"
        chart = page.locator(".st-key-archive-entities-chart")
        assert "Mentions per month" in chart.inner_text()
        for label in ("HTML", "CSV"):
            assert page.get_by_role("button", name=label, exact=True).first.is_visible()
        with page.expect_download() as download:
            page.get_by_role("button", name="CSV", exact=True).first.click()
        assert download.value.suggested_filename.endswith(".csv")
        # Plotly finds the point under the mouse (its drag layer lies on top of the points): click its centre.
        box = chart.locator(".scatterlayer .point").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.wait_for_timeout(300)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        wait_for_app(page)
        page.get_by_text("Articles: “").wait_for(state="visible")
        assert page.locator("[data-testid='stDataFrame']").count() == 1
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "archive.png"), full_page=True)
        page.locator(".st-key-archive_view").get_by_text("Sentiment", exact=True).click()
        wait_for_app(page)
        for key in ("archive-sentiment-month-chart", "archive-sentiment-source-chart"):
            page.locator(f".st-key-{key} {CHART}").first.wait_for(state="visible")
        assert page.locator(".st-key-archive-entities-chart").count() == 0
    finally:
        context.close()
