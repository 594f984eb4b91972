"""The Compare page in a real browser: upload two articles on Library, then see every Compare chart.

Runs its own dashboard on its own fresh library (seed only), so the articles it uploads do not change what
the other e2e tests see.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from e2e_support import TIMEOUT_MS, running_dashboard, wait_for_app

pytestmark = pytest.mark.e2e

DATA = Path(__file__).resolve().parents[1] / "data" / "compare"
TITLES = {
    "Terms": ["Terms per 1,000 words, side by side"],
    "Distinctive terms": ["Distinctive terms of each article"],
    "Sentiment": ["Sentiment arcs: paragraph by paragraph, start to end"],
    "Entities": ["Entities: mentions per 1,000 words", "Mean polarity of the paragraphs that mention each entity"],
    "Over time": ["Over time: how often each is named, and the tone around it"],
}
#: Each chart's Streamlit key (the element gets the class st-key-<key>).
KEYS = {
    "Terms": ["compare_terms-chart"],
    "Distinctive terms": ["compare_distinctive-chart"],
    "Sentiment": ["compare_arcs-chart"],
    "Entities": ["compare_entities-chart", "compare_treatment-chart"],
    "Over time": ["compare_timeline-chart"],
}


@pytest.fixture(scope="module")
def compare_dashboard(chromium_path, tmp_path_factory):
    with running_dashboard(tmp_path_factory.mktemp("storyscope-compare")) as (url, _):
        yield url


@pytest.fixture
def tab(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def upload_harbour_articles(page, url: str) -> None:
    page.goto(f"{url}/library")
    wait_for_app(page)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        [{"name": name, "mimeType": "text/plain", "buffer": (DATA / name).read_bytes()}
         for name in ("harbour-strike.txt", "harbour-deal.txt")]
    )
    page.get_by_text("harbour-deal.txt").first.wait_for(state="visible")
    page.get_by_role("button", name="Add to library").click()
    wait_for_app(page, timeout=60_000)
    alerts = page.locator("[data-testid='stAlert']")
    strike = alerts.filter(has_text="harbour-strike.txt").inner_text()
    assert "Dock Workers Strike Shuts Down Port of Valparaíso" in strike
    assert "Port Strike Ends After Safety Deal" in alerts.filter(has_text="harbour-deal.txt").inner_text()


def open_compare(page, url: str) -> None:
    """The Compare page, once the two harbour articles are in the library (added here when a test runs alone)."""
    page.goto(f"{url}/compare")
    wait_for_app(page)
    if not page.get_by_text("3 articles in the library.").count():
        upload_harbour_articles(page, url)
        page.goto(f"{url}/compare")
        wait_for_app(page)


def chart_titles(page) -> list[str]:
    return [t.strip() for t in page.locator("[data-testid='stPlotlyChart'] .gtitle").all_text_contents()]


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).click()
    wait_for_app(page)


def test_two_uploaded_articles_show_every_compare_chart(tab, compare_dashboard):
    upload_harbour_articles(tab, compare_dashboard)
    tab.goto(f"{compare_dashboard}/compare")
    wait_for_app(tab)
    summary = tab.locator("[data-testid='stDataFrame']").first
    summary.wait_for(state="visible")
    for name, titles in TITLES.items():
        if name != "Terms":
            open_tab(tab, name)
        for key in KEYS[name]:
            tab.locator(f".st-key-{key} .main-svg").first.wait_for(state="visible")
        assert chart_titles(tab) == titles, name
        downloads = tab.locator("[data-testid='stDownloadButton']")
        # the page's report (HTML, PDF, zip), then PNG, SVG, HTML and CSV under each chart
        assert downloads.count() == 3 + 4 * len(titles)


def test_an_entity_is_one_row_whatever_each_article_calls_it(tab, compare_dashboard):
    open_compare(tab, compare_dashboard)
    open_tab(tab, "Entities")
    heatmap = tab.locator(".st-key-compare_entities-chart")
    heatmap.locator(".main-svg").first.wait_for(state="visible")
    rows = [t.strip() for t in heatmap.locator(".ytick text").all_text_contents()]
    assert rows.count("Andrés Molina") == 1
    assert "El Capitán" not in rows  # the strike's "El Capitán" is the deal's Andrés Molina: one row

    with tab.expect_download(timeout=60_000) as info:
        tab.locator(".st-key-compare_entities-downloads").get_by_role("button", name="CSV", exact=True).click()
    download = info.value
    assert re.fullmatch(r"comparison-of-3-articles-entities\.csv", download.suggested_filename)
    csv = Path(download.path()).read_text(encoding="utf-8")
    assert csv.splitlines()[0] == "entity,name,type,aliases,article,mentions,per_1000,mean_polarity,articles"
    molina = [line for line in csv.splitlines() if ",Andrés Molina," in line]
    assert len(molina) == 2 and all("El Capitán" in line for line in molina)  # one entity, in both articles


def test_distinctive_terms_download_their_numbers(tab, compare_dashboard):
    open_compare(tab, compare_dashboard)
    open_tab(tab, "Distinctive terms")
    tab.locator(".st-key-compare_distinctive-chart .main-svg").first.wait_for(state="visible")
    with tab.expect_download(timeout=60_000) as info:
        tab.locator(".st-key-compare_distinctive-downloads").get_by_role("button", name="CSV", exact=True).click()
    lines = Path(info.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "article,term,count,reference_count,g2,log_ratio"
    assert len(lines) > 1 and all(float(line.rsplit(",", 2)[1]) >= 6.63 for line in lines[1:])
