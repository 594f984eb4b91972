"""Safe text and small display helpers used by every page."""

from __future__ import annotations

import re
import string

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard import tables
from dashboard.components import escape_markdown, plotly_config, polarity_colour

ESCAPED_PAIR = re.compile(r"\\([!-/:-@\[-`{-~])")


def _unescape(markdown: str) -> str:
    """The text shown: escapes resolved, and the invisible WORD JOINERs that keep URLs from becoming links dropped."""
    return ESCAPED_PAIR.sub(r"\1", re.sub("\u2060(?=\\\\[:.@])", "", markdown))


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "**bold** _it_ `code`", ":red[colour] $x^2$", "# heading", "[link](http://x)",
     "1. not a list", "| a | b |", "&amp; <b>tag</b>"],
)
def test_markup_in_user_text_is_escaped(text):
    escaped = escape_markdown(text)
    assert _unescape(escaped) == text
    # nothing Markdown, HTML, LaTeX or a Streamlit directive could read is left bare
    bare = ESCAPED_PAIR.sub("", escaped)
    assert not set(bare) & set(string.punctuation)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\u2060"), max_size=200))
def test_escaping_loses_nothing_but_surrounding_blanks(text):
    escaped = escape_markdown(text)
    assert not set(ESCAPED_PAIR.sub("", escaped)) & set(string.punctuation)
    original_lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert _unescape(escaped).split("  \n") == (original_lines or [""])


@pytest.mark.parametrize("text", ["See https://evil.example/pay", "www.evil.example", "HTTP://X.ORG/a",
                                  "write to desk@evil.example", "ftp://files.example"])
def test_bare_urls_and_addresses_cannot_become_links(text):
    escaped = escape_markdown(text)
    assert _unescape(escaped) == text
    shown = ESCAPED_PAIR.sub(r"\1", escaped)  # what Markdown's autolinker sees
    assert not re.search(r"(?i)https?://|ftp://|www\.|\w@\w", shown)


def test_line_breaks_are_kept_and_indentation_dropped():
    assert escape_markdown("    first line\nsecond\n\n") == "first line  \nsecond"


def test_polarity_colours():
    assert polarity_colour(0.4) == "green"
    assert polarity_colour(-0.4) == "red"
    assert polarity_colour(0.01) == "gray"
    assert polarity_colour(float("nan")) == "gray"


def test_toolbar_camera_saves_under_the_same_name():
    config = plotly_config("ms13-leader-terms")
    assert config["toImageButtonOptions"]["filename"] == "ms13-leader-terms"
    assert config["toImageButtonOptions"]["format"] == "png"


ARTICLES = pd.DataFrame(
    {
        "id": [1, 2, 3, 4],
        "title": ["Seed story", "Same title", "Same title", ""],
        "filename": ["seed.txt", "a.txt", "b.txt", "notes.md"],
        "seed": [False, True, False, False],
    }
)


def test_dashboard_opens_on_the_first_seed():
    assert tables.default_article_id(ARTICLES) == 2
    assert tables.default_article_id(ARTICLES.assign(seed=False)) == 1
    assert tables.default_article_id(ARTICLES.head(0)) is None


def test_article_labels_are_unique_and_never_blank():
    labels = tables.article_labels(ARTICLES)
    assert labels == {1: "Seed story", 2: "Same title (#2)", 3: "Same title (#3)", 4: "notes.md"}


def test_paragraph_table_puts_text_beside_scores(seed_analysis):
    table = tables.paragraph_table(seed_analysis.article, seed_analysis.sentiment)
    assert list(table.columns) == tables.PARAGRAPH_COLUMNS
    assert list(table["text"]) == [p.text for p in seed_analysis.article.paragraphs]
    assert list(table["paragraph"]) == list(range(1, len(seed_analysis.article.paragraphs) + 1))


def test_alias_table_is_readable_text():
    entities = pd.DataFrame(
        {"name": ["Élmer Canales Rivera"], "type": ["person"], "mentions": [4], "aliases": [("Crook", "Canales")],
         "paragraphs": [(0, 4)]}
    )
    row = tables.alias_table(entities).iloc[0]
    assert row["aliases"] == "Crook; Canales"
    assert row["paragraphs"] == "1, 5"


def test_sentiment_download_numbers_paragraphs_like_the_chart(seed_analysis):
    table = tables.sentiment_download(seed_analysis.sentiment)
    assert list(table.columns) == ["paragraph", *seed_analysis.sentiment.columns]
    assert list(table["paragraph"]) == list(seed_analysis.sentiment["index"] + 1)


def test_every_table_download_neutralises_formulas_and_keeps_the_shown_columns(monkeypatch):
    """Streamlit's own table export is off (it would keep "=HYPERLINK(...)" live); our CSV button replaces it."""
    import csv
    import io
    import tomllib

    from dashboard.components import table_with_download
    from tests.dashboard.apptest_support import ROOT

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["disableDataExport"] is True

    table = pd.DataFrame({"left": ['=HYPERLINK("http://evil.example","x")', "plain"], "hidden": [1, 2],
                          "keyword": ["term", "term"]})
    captured = {}

    def fake_download_button(label, *, data, file_name, **_):
        captured.update(label=label, csv=data(), file_name=file_name)

    import streamlit

    monkeypatch.setattr(streamlit, "download_button", fake_download_button)
    table_with_download(table, article="A trial", name="lines", key="t", column_order=["keyword", "left"])
    rows = list(csv.reader(io.StringIO(captured["csv"].decode("utf-8"))))
    assert captured["file_name"] == "a-trial-lines.csv"
    assert rows[0] == ["keyword", "left"]
    assert rows[1] == ["term", "'=HYPERLINK(\"http://evil.example\",\"x\")"]


def test_the_sentiment_line_gives_the_news_score_s_real_range_and_the_measured_agreement(seed_analysis):
    from analysis.nlp.news_sentiment import agreement, news_squash

    line = tables.sentiment_explanation(None)
    bound = 1 / news_squash()
    assert f"−{bound:.2f} to +{bound:.2f}" in line and "Agreement" not in line
    scores = seed_analysis.sentiment["sentiment"].dropna()
    assert scores.abs().max() <= bound  # the range the line states is the range the scores keep
    figures = agreement()
    if figures:  # measured by benchmarks/bench_sentiment.py and shipped with the package
        measured = tables.sentiment_explanation(figures)
        assert f"{figures['news']['per_editorial']['news']:.3f}" in measured
