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
    "Entities": ["Entities: mentions per 1,000 words", "Sentiment of the sentences that mention each entity"],
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
        # the summary table's CSV, the page's report (HTML, PDF, zip), PNG, SVG, HTML and CSV under each chart,
        # and a CSV under each of the tab's tables
        tables = {"Distinctive terms": 1, "Entities": 1}.get(name, 0)
        assert downloads.count() == 1 + 3 + 4 * len(titles) + tables, name
        assert tab.locator("[data-testid='stDataFrame']").count() == 1 + tables, name


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
    assert csv.splitlines()[0] == "entity,name,type,aliases,article,mentions,per_1000,sentiment,mean_polarity,articles"
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


def _download(page, label: str, *, scope: str = ".st-key-compare-report") -> tuple[str, bytes]:
    with page.expect_download(timeout=120_000) as info:
        page.locator(scope).get_by_role("button", name=label, exact=True).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_the_report_downloads_open_offline_and_hold_every_chart(tab, compare_dashboard, browser, tmp_path):
    import io
    import zipfile

    open_compare(tab, compare_dashboard)
    name, page = _download(tab, "Download report")
    assert re.fullmatch(r"compare-[a-z0-9-]+-vs-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.html", name)
    sections = page.count(b"<section class='chart'")
    assert sections >= 6  # terms, distinctive, arcs, entities, entity polarity, timeline

    # the file alone, in a browser with no network: every chart is drawn
    report = tmp_path / name
    report.write_bytes(page)
    offline = browser.new_context(offline=True)
    try:
        reader = offline.new_page()
        reader.goto(report.as_uri())
        reader.wait_for_function(f"document.querySelectorAll('.plotly-graph-div .main-svg').length >= {sections}")
        assert reader.locator(".plotly-graph-div").count() == sections
    finally:
        offline.close()

    name, pdf = _download(tab, "PDF")
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2

    name, data = _download(tab, "All charts")
    assert name.endswith("-charts.zip")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        files = archive.namelist()
    for ext in ("png", "svg", "csv"):
        assert sum(f.endswith(f".{ext}") for f in files) >= sections, ext
    assert all(f.startswith(name.removesuffix("-charts.zip")) for f in files)


_TRACE_COLOURS = """
() => Object.fromEntries([...document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")].map((div, k) =>
  [k, (div.data || []).filter(t => t.type === "scatter" && t.showlegend !== false && t.name)
                       .map(t => [t.name, (t.mode === "lines+markers" ? t.line.color : t.marker.color)])]))
"""


def test_each_article_has_one_colour_on_every_compare_chart(tab, compare_dashboard):
    open_compare(tab, compare_dashboard)
    seen: dict[str, set[str]] = {}
    legends = []
    for name in ("Terms", "Sentiment", "Entities"):
        if name != "Terms":
            open_tab(tab, name)
        tab.locator("[data-testid='stPlotlyChart'] .main-svg").first.wait_for(state="visible")
        for traces in tab.evaluate(_TRACE_COLOURS).values():
            if traces:
                legends.append([n for n, _ in traces])
            for trace, colour in traces:
                seen.setdefault(trace, set()).add(colour)
    assert len(seen) == 3 and len(legends) == 3  # dots, arcs, entity polarity: three articles each
    assert all(len(colours) == 1 for colours in seen.values()), seen
    assert len({next(iter(c)) for c in seen.values()}) == 3
    everywhere = max(legends, key=len)  # the same legend order everywhere (a chart may lack an article)
    assert all([name for name in everywhere if name in order] == order for order in legends), legends


def test_a_reload_keeps_the_tab_the_score_and_the_articles(tab, compare_dashboard):
    open_compare(tab, compare_dashboard)
    open_tab(tab, "Sentiment")
    tab.locator("[data-testid='stButtonGroup']").get_by_text("VADER", exact=True).click()
    wait_for_app(tab)
    tab.wait_for_function("location.search.includes('arc_score')")
    assert "compare_tab=Sentiment" in tab.url and "articles=" in tab.url
    tab.reload()
    wait_for_app(tab)
    assert tab.get_by_role("tab", name="Sentiment", exact=True).get_attribute("aria-selected") == "true"
    title = tab.locator(".st-key-compare_arcs-chart .ytitle").first
    title.wait_for(state="visible")
    assert title.text_content() == "VADER compound"
