"""The dashboard in a real browser: the seed's charts, uploads, downloads, escaping, one screenshot per page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e_support import choose_option, wait_for_app

pytestmark = pytest.mark.e2e

CHART = "[data-testid='stPlotlyChart']"
DRAWN_CHART = f"{CHART} .main-svg"
HOSTILE_TITLE = "<script>alert(1)</script>"


def screenshot(page, path) -> None:
    """A tall screenshot of the page as it is (Streamlit scrolls inside its own container, not the page)."""
    size = page.viewport_size
    page.set_viewport_size({"width": 1400, "height": 1500})
    page.wait_for_timeout(300)
    page.screenshot(path=path)
    page.set_viewport_size(size)


def open_page(page, url: str, path: str = "") -> None:
    page.goto(f"{url}/{path}")
    wait_for_app(page)


def test_article_page_opens_on_the_seed_with_its_charts(page, dashboard, screenshots):
    open_page(page, dashboard)
    heading = page.locator("h1").first
    assert "MS13" in heading.inner_text()
    page.locator(DRAWN_CHART).first.wait_for(state="visible")
    expect(page.get_by_role("button", name="PNG", exact=True).first).to_be_visible()
    for label in ("Words", "Paragraphs analysed", "Polarity (TextBlob)", "VADER"):
        expect(page.get_by_text(label, exact=True).first).to_be_visible()
    screenshot(page, screenshots / "article.png")

    page.get_by_role("tab", name="Sentiment").click()
    wait_for_app(page)
    page.locator(DRAWN_CHART).first.wait_for(state="visible")
    expect(page.get_by_text("Sentiment, left out", exact=False).first).to_be_visible()
    screenshot(page, screenshots / "article-sentiment.png")

    page.get_by_role("tab", name="Entities").click()
    wait_for_app(page)
    page.locator(DRAWN_CHART).nth(1).wait_for(state="visible")
    screenshot(page, screenshots / "article-entities.png")


def _download(page, label: str) -> bytes:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=label, exact=True).first.click()
    download = info.value
    assert re.fullmatch(r"[a-z0-9-]+\.(png|svg|csv|html)", download.suggested_filename)
    with open(download.path(), "rb") as f:
        return f.read()


def test_chart_downloads_are_the_files_they_claim(page, dashboard):
    open_page(page, dashboard)
    page.locator(DRAWN_CHART).first.wait_for(state="visible")
    assert _download(page, "PNG").startswith(b"\x89PNG\r\n\x1a\n")
    assert _download(page, "SVG").lstrip().startswith(b"<svg")
    csv = _download(page, "CSV").decode("utf-8")
    assert csv.splitlines()[0] == "term,count,per_1000"
    assert len(csv.splitlines()) == 21  # the header and the top 20 terms shown


def article_count(page) -> int:
    """The number of articles the Library page's heading says the library holds ("3 articles")."""
    heading = page.get_by_role("heading", name=re.compile(r"^\d+ articles?$"))
    expect(heading).to_be_visible()
    return int(heading.inner_text().split()[0])


def test_library_uploads_a_txt_and_a_docx_and_lists_both(page, dashboard, screenshots, docx_of):
    open_page(page, dashboard, "library")
    before = article_count(page)  # other tests share this dashboard and may have added articles already
    txt = (
        "Harbour Cleanup Draws Hundreds of Volunteers\n\n"
        "Hundreds of volunteers cleared plastic from the harbour on Saturday, the city council said.\n\n"
        "Organisers called the turnout wonderful and promised another cleanup in the spring."
    )
    docx = docx_of(
        "Storm Closes Mountain Roads",
        ["A late storm closed three mountain roads on Tuesday, stranding drivers overnight.",
         "Rescue teams reached everyone by morning, the regional police said."],
    )
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        [
            {"name": "harbour.txt", "mimeType": "text/plain", "buffer": txt.encode("utf-8")},
            {"name": "storm.docx",
             "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "buffer": docx},
        ]
    )
    page.get_by_text("storm.docx").first.wait_for(state="visible")
    page.get_by_role("button", name="Add to library").click()
    wait_for_app(page, timeout=60_000)
    alerts = page.locator("[data-testid='stAlert']")
    alerts.filter(has_text="harbour.txt").first.wait_for(state="visible")
    assert "Harbour Cleanup Draws Hundreds of Volunteers" in alerts.filter(has_text="harbour.txt").first.inner_text()
    assert "Storm Closes Mountain Roads" in alerts.filter(has_text="storm.docx").first.inner_text()
    expect(page.get_by_role("heading", name=f"{before + 2} articles")).to_be_visible()
    screenshot(page, screenshots / "library.png")


def test_a_hostile_title_shows_as_plain_characters(page, dashboard):
    open_page(page, dashboard, "library")
    form = page.locator("[data-testid='stForm']").filter(has_text="Paste text")
    form.get_by_label("Title").fill(HOSTILE_TITLE)
    form.get_by_label("Text").fill("A short note about **nothing** much. It rained, and the [market](x) was quiet.")
    form.get_by_role("button", name="Add text").click()
    wait_for_app(page, timeout=60_000)
    page.locator("[data-testid='stAlert']").filter(has_text=HOSTILE_TITLE).first.wait_for(state="visible")

    # open it on the Article page
    choose_option(page, "Article", HOSTILE_TITLE)
    wait_for_app(page)
    page.get_by_role("button", name="Open on the Article page").click()
    wait_for_app(page)
    page.locator("h1").filter(has_text=HOSTILE_TITLE).wait_for(state="visible")
    assert page.locator("h1").first.inner_text().strip() == HOSTILE_TITLE
    assert page.dialogs == []  # no alert ran
    assert page.locator("script", has_text="alert(1)").count() == 0

    # the text's Markdown shows as typed too, in the paragraphs coloured by polarity
    page.get_by_role("tab", name="Sentiment").click()
    wait_for_app(page)
    page.get_by_text("**nothing**", exact=False).first.wait_for(state="visible")
    expect(page.get_by_text("[market](x)", exact=False).first).to_be_visible()


def test_compare_page_shows_terms_side_by_side(page, dashboard, screenshots):
    open_page(page, dashboard, "compare")
    page.locator(DRAWN_CHART).first.wait_for(state="visible")
    expect(page.get_by_role("button", name="CSV", exact=True).first).to_be_visible()
    screenshot(page, screenshots / "compare.png")


def test_pasted_text_stays_when_the_title_is_missing(page, dashboard):
    open_page(page, dashboard, "library")
    form = page.locator("[data-testid='stForm']").filter(has_text="Paste text")
    text = "Ferries ran late all week as fog settled over the bay, the harbour office said. " * 20
    form.get_by_label("Text").fill(text)
    form.get_by_role("button", name="Add text").click()
    wait_for_app(page)
    page.locator("[data-testid='stAlert']").filter(has_text="title").first.wait_for(state="visible")
    assert form.get_by_label("Text").input_value() == text


def test_a_file_over_the_limit_is_marked_with_its_size_and_the_limit_next_to_the_uploader(page, dashboard):
    open_page(page, dashboard, "library")
    big = b"Harbour news. " * (21 * 1024 * 1024 // 14 + 1)  # just over the 20 MB limit
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        [{"name": "huge-report.txt", "mimeType": "text/plain", "buffer": big}])
    uploader = page.locator("[data-testid='stFileUploader']")
    uploader.get_by_text("huge-report.txt").first.wait_for(state="visible")
    marked = uploader.inner_text()
    # its name, its size and the limit, beside it
    assert re.search(r"2[12](\.\d+)?\s?MB", marked) and re.search(r"20(\.0)?\s?MB or smaller", marked), marked
    page.get_by_role("button", name="Add to library").click()
    wait_for_app(page, timeout=60_000)
    warning = page.locator("[data-testid='stAlert']").filter(has_text="No file to add")
    warning.first.wait_for(state="visible")
    assert "20" in warning.first.inner_text() and not page.get_by_text("Choose one or more files first.").count()


def test_tables_offer_our_safe_csv_not_the_toolbar_export(page, dashboard):
    """The table toolbar's own CSV would keep a cell's "=..." a live formula: it is switched off, and the CSV
    button under the table downloads the rows shown, with such cells neutralised."""
    open_page(page, dashboard, "library")
    table = page.locator("[data-testid='stDataFrame']").first
    table.wait_for(state="visible")
    table.hover()
    toolbar = page.locator("[data-testid='stElementToolbar']").first
    expect(toolbar.get_by_role("button", name="Search")).to_be_visible()  # the toolbar is up ...
    assert toolbar.get_by_role("button", name="Download as CSV").count() == 0  # ... without its export
    with page.expect_download(timeout=60_000) as info:
        page.locator(".st-key-library_table-csv").get_by_role("button", name="CSV").click()
    assert info.value.suggested_filename == "storyscope-library.csv"
    with open(info.value.path(), encoding="utf-8") as f:
        header = f.readline().strip().split(",")
    assert header == ["title", "source", "published", "authors", "language", "word_count", "seed", "filename",
                      "added"]
