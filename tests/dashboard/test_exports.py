"""Exports: each download is the file it claims to be, named safely."""

from __future__ import annotations

import io
import re
import os
import shutil

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.errors import InvalidOptionError
from dashboard import charts, exports

HAS_BROWSER = exports.browser_path() is not None
needs_browser = pytest.mark.skipif(
    not HAS_BROWSER and os.environ.get("CI") != "true",
    reason="PNG/SVG export needs Chrome or Chromium (apt-get install chromium)",
)


@pytest.fixture
def terms() -> pd.DataFrame:
    return pd.DataFrame({"term": ["gang", "trial"], "count": [9, 4], "per_1000": [18.0, 8.0]})


@pytest.fixture
def figure(terms):
    return charts.term_bar_chart(terms, title="Top terms")


@pytest.mark.slow  # a subprocess, a browser or a rebuild: over half a second (fast tier under a minute)
@needs_browser
def test_png_has_the_png_signature(figure):
    data = exports.figure_image(figure, format="png")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    # drawn at 2x the figure's layout size
    width = int.from_bytes(data[16:20], "big")
    assert width == 2 * exports.IMAGE_WIDTH


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
@needs_browser
def test_svg_is_an_svg_with_the_charts_text(figure):
    data = exports.figure_image(figure, format="svg").decode("utf-8")
    assert data.lstrip().startswith("<svg")
    assert "gang" in data and "Top terms" in data


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
@needs_browser
def test_the_same_figure_is_drawn_once(figure, monkeypatch):
    first = exports.figure_image(figure, format="svg")
    monkeypatch.setattr(exports, "_render", lambda *a, **k: pytest.fail("drawn twice"))
    assert exports.figure_image(figure, format="svg") == first


@pytest.mark.slow  # starts a real browser process (about 1.6 s): the full run keeps it, the fast tier need not
@needs_browser
def test_warming_up_starts_the_browser_in_the_background_once(figure, monkeypatch):
    thread = exports.warm_up_images()  # None when an earlier test already started it
    if thread is not None:
        assert thread.daemon
        thread.join(timeout=exports.IMAGE_TIMEOUT + 30)
    assert exports._server_started and not exports._server_broken
    assert exports.warm_up_images() is None
    import kaleido

    monkeypatch.setattr(kaleido, "start_sync_server", lambda *a, **k: pytest.fail("a second browser started"))
    assert exports.figure_image(figure, format="png").startswith(b"\x89PNG")


def test_without_a_browser_nothing_is_warmed_up(monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    monkeypatch.setattr(exports, "_server_started", False)
    assert exports.warm_up_images() is None


def test_without_a_browser_images_say_what_to_install(figure, monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    assert exports.browser_path() is None
    problem = exports.image_export_problem()
    assert "apt-get install chromium" in problem
    with pytest.raises(exports.ImageExportUnavailableError, match="apt-get install chromium"):
        exports.figure_image(figure, format="png")


def test_the_browser_found_is_an_executable():
    path = exports.browser_path()
    if path is None:
        assert shutil.which("chromium") is None and shutil.which("google-chrome") is None
    else:
        assert os.access(path, os.X_OK)


def test_image_format_is_checked(figure):
    with pytest.raises(InvalidOptionError, match="`format` value = 'jpg' is invalid"):
        exports.figure_image(figure, format="jpg")


def test_html_is_a_standalone_page_that_works_offline(figure):
    html = exports.figure_html(figure, title="<b>MS-13</b> — terms").decode("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert "Plotly.newPlot" in html
    assert not re.search(r"<script[^>]*\bsrc=", html)  # plotly.js is inlined, nothing to fetch
    assert "plotly.js v" in html
    assert "<title>&lt;b&gt;MS-13&lt;/b&gt; — terms</title>" in html


def test_csv_has_a_header_and_the_rows(terms):
    text = exports.table_csv(terms).decode("utf-8")
    assert text.splitlines()[0] == "term,count,per_1000"
    assert pd.read_csv(io.StringIO(text)).equals(terms)


def test_csv_writes_lists_as_readable_text():
    table = pd.DataFrame({"name": ["Élmer Canales Rivera"], "aliases": [("Crook", "Canales")], "paragraphs": [(2, 5)]})
    text = exports.table_csv(table).decode("utf-8")
    assert text.splitlines()[1] == "Élmer Canales Rivera,Crook; Canales,2; 5"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("../../etc/passwd", "etc-passwd"),
        ("Élmer Canales Rivera’s trial", "elmer-canales-riveras-trial"),
        ("MS-13 leader's", "ms-13-leaders"),
        ("C:\\Users\\x", "c-users-x"),
        ("", "untitled"),
        ("???", "untitled"),
    ],
)
def test_slug_is_safe_for_a_file_name(text, expected):
    assert exports.slug(text) == expected


@given(st.text())
def test_any_text_slugs_to_a_short_plain_name(text):
    slug = exports.slug(text)
    assert 0 < len(slug) <= 60
    assert set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert not slug.startswith("-") and not slug.endswith("-") and "--" not in slug


def test_export_filename_says_article_and_chart():
    assert exports.export_filename("US Terrorism Trial of MS13 Leader", "entity-mentions", "csv") == (
        "us-terrorism-trial-of-ms13-leader-entity-mentions.csv"
    )
    with pytest.raises(InvalidOptionError):
        exports.export_filename("a", "b", "exe")
