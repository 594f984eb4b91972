"""Compare charts: each figure draws exactly the table it is given (hand-made tables, and two real articles)."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.compare import (
    article_labels,
    distinctive_terms,
    sentiment_arcs,
    shared_entities,
    terms_side_by_side,
    timeline,
)
from analysis.compare import SHARED_ENTITY_COLUMNS
from analysis.errors import InvalidOptionError
from analysis.pipeline import analyze
from analysis.reading.text import parse_article
from dashboard import charts

DATA = Path(__file__).resolve().parents[1] / "data" / "compare"
HOSTILE = "<b>bold</b> & <script>x</script>"
ENTITY_COLUMNS = SHARED_ENTITY_COLUMNS  # what compare.shared_entities gives


@pytest.fixture(scope="module")
def pair():
    """The two harbour articles: the strike (4 March 2024) and the deal (9 March 2024)."""
    return [analyze(parse_article((DATA / name).read_text(encoding="utf-8")))
            for name in ("harbour-strike.txt", "harbour-deal.txt")]


@pytest.fixture
def side() -> pd.DataFrame:
    return pd.DataFrame({
        "term": ["strike", "strike", "port", "port", HOSTILE, HOSTILE],
        "article": ["A", "B"] * 3,
        "count": [6, 0, 3, 2, 1, 0],
        "per_1000": [30.0, 0.0, 15.0, 20.0, 5.0, 0.0],
    })


@pytest.fixture
def distinctive() -> pd.DataFrame:
    return pd.DataFrame({
        "article": ["A", "A", "B"],
        "term": ["strike", HOSTILE, "deal"],
        "count": [6, 3, 4],
        "reference_count": [0, 1, 0],
        "g2": [12.5, 7.1, 9.0],
        "log_ratio": [4.2, 2.0, 3.5],
    })


@pytest.fixture
def arcs() -> pd.DataFrame:
    return pd.DataFrame({
        "article": ["A", "A", "A", "B", "B"],
        "index": [0, 2, 3, 0, 1],
        "position": [0.0, 50.0, 100.0, 0.0, 100.0],
        "sentiment": [0.2, -0.4, 0.1, 0.5, -0.5],
        "polarity": [0.1, -0.1, 0.0, 0.2, -0.3],
        "vader": [0.3, -0.6, 0.0, 0.7, -0.2],
        "opening": ["Good start", HOSTILE, "The end", "Welcome", "Bad news"],
    })


@pytest.fixture
def entities() -> pd.DataFrame:
    """Molina is one entity named two ways; the port is in A only; the ministry in both."""
    return pd.DataFrame(
        [
            ("andres molina", "Andrés Molina", "person", ("El Capitán", "Molina"), "A", 3, 15.0, -0.2, -0.1, 2),
            ("andres molina", "Andrés Molina", "person", ("El Capitán", "Molina"), "B", 1, 10.0, 0.3, 0.2, 2),
            ("labour ministry", "labour ministry", "organisation", (), "A", 1, 5.0, 0.0, 0.0, 2),
            ("labour ministry", "labour ministry", "organisation", (), "B", 1, 10.0, np.nan, np.nan, 2),
            ("port", HOSTILE, "place", (), "A", 2, 10.0, 0.1, 0.05, 1),
        ],
        columns=ENTITY_COLUMNS,
    )


# --- Terms side by side, as a heatmap ----------------------------------------------------------------------


def test_terms_heatmap_has_a_row_per_term_and_a_column_per_article(side):
    fig = charts.compare_terms_heatmap(side, title="Terms")
    (heat,) = fig.data
    assert list(heat.y) == ["strike", "port", "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"]
    assert list(heat.x) == ["A", "B"]
    assert np.asarray(heat.z).tolist() == [[30.0, 0.0], [15.0, 20.0], [5.0, 0.0]]
    assert np.asarray(heat.customdata).tolist() == [[6, 0], [3, 2], [1, 0]]  # the counts behind the rates
    assert heat.zmin == 0 and heat.zmax == 30.0
    assert fig.layout.title.text == "Terms"


def test_terms_heatmap_of_real_articles_draws_terms_side_by_side(pair):
    table = terms_side_by_side(pair, top=5)
    heat = charts.compare_terms_heatmap(table).data[0]
    z = np.asarray(heat.z)
    for (term, article), rate in table.set_index(["term", "article"])["per_1000"].items():
        assert z[list(heat.y).index(term), list(heat.x).index(article)] == pytest.approx(rate)


def test_many_articles_hide_the_tick_labels_but_keep_the_titles_in_the_hover():
    articles = [f"Article {n}" for n in range(40)]
    table = pd.DataFrame({"term": "port", "article": articles, "count": 1, "per_1000": 2.0})
    fig = charts.compare_terms_heatmap(table)
    assert fig.layout.xaxis.showticklabels is False
    assert list(fig.data[0].x) == articles
    assert "%{x}" in fig.data[0].hovertemplate
    few = charts.compare_terms_heatmap(table[table["article"].isin(articles[:3])])
    assert list(few.layout.xaxis.tickvals) == articles[:3]


# --- Distinctive terms -------------------------------------------------------------------------------------


def test_distinctive_chart_draws_g2_as_length_and_log_ratio_as_colour(distinctive):
    fig = charts.distinctive_terms_chart(distinctive, title="Distinctive")
    a, b = fig.data
    assert list(a.x) == [12.5, 7.1] and list(b.x) == [9.0]
    assert list(a.marker.color) == [4.2, 2.0]
    assert a.y[1] == "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    assert [list(row[1:3]) for row in a.customdata] == [[6, 0], [3, 1]]  # count, reference_count in the hover
    assert (a.xaxis, b.xaxis) == ("x", "x2")  # one panel each
    assert [t.text for t in fig.layout.annotations] == ["A", "B"]
    assert fig.layout.coloraxis.cmax == 4.2


def test_an_article_without_distinctive_terms_gets_a_panel_that_says_so(distinctive):
    fig = charts.distinctive_terms_chart(distinctive[distinctive["article"] == "A"], articles=["A", "B", "C"])
    texts = [t.text for t in fig.layout.annotations]
    assert texts[:3] == ["A", "B", "C"]
    assert texts.count("No term is distinctive at this threshold.") == 2
    assert len(fig.data) == 1
    empty = charts.distinctive_terms_chart(distinctive.iloc[0:0], articles=[])
    assert "No term is distinctive" in empty.layout.annotations[0].text


def test_distinctive_chart_of_real_articles_draws_the_engine_figures(pair):
    table = distinctive_terms(pair, min_g2=0, top=5)
    fig = charts.distinctive_terms_chart(table, articles=article_labels(pair))
    for trace, (_, part) in zip(fig.data, table.groupby("article", sort=False)):
        assert list(trace.x) == pytest.approx(list(part["g2"]))
        assert list(trace.marker.color) == pytest.approx(list(part["log_ratio"]))


# --- Sentiment arcs ----------------------------------------------------------------------------------------


def test_arcs_overlay_one_line_per_article_on_the_position_axis(arcs):
    fig = charts.sentiment_arcs_chart(arcs, title="Arcs")
    a, b = fig.data
    assert (a.name, b.name) == ("A", "B")
    assert list(a.x) == [0.0, 50.0, 100.0] and list(a.y) == [0.2, -0.4, 0.1]
    assert [row[1] for row in a.customdata] == [1, 3, 4]  # paragraphs numbered from 1
    assert a.customdata[1][2] == "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    assert list(charts.sentiment_arcs_chart(arcs, score="vader").data[1].y) == [0.7, -0.2]
    with pytest.raises(InvalidOptionError, match="score"):
        charts.sentiment_arcs_chart(arcs, score="stars")


def test_arc_bins_average_each_stretch_of_each_article(arcs):
    binned = charts.arc_bins(arcs, bins=2)
    assert binned.to_dict("records") == [
        {"article": "A", "start": 0.0, "end": 50.0, "mean": 0.2, "paragraphs": 1},
        {"article": "A", "start": 50.0, "end": 100.0, "mean": pytest.approx(-0.15), "paragraphs": 2},
        {"article": "B", "start": 0.0, "end": 50.0, "mean": 0.5, "paragraphs": 1},
        {"article": "B", "start": 50.0, "end": 100.0, "mean": -0.5, "paragraphs": 1},
    ]
    assert charts.arc_bins(arcs, bins=1, score="vader")["mean"].tolist() == pytest.approx([-0.1, 0.25])
    with pytest.raises(ValueError, match="at least 1"):
        charts.arc_bins(arcs, bins=0)


def test_arcs_heatmap_reads_each_article_top_to_bottom_with_gaps_left_blank(arcs):
    binned = charts.arc_bins(arcs, bins=4)
    heat = charts.sentiment_arcs_heatmap(binned, articles=["A", "B", "C"]).data[0]
    assert list(heat.y) == ["0–25 %", "25–50 %", "50–75 %", "75–100 %"]
    z = np.asarray(heat.z, dtype=float)
    assert z[0, 0] == 0.2 and math.isnan(z[1, 0]) and z[2, 0] == -0.4 and z[3, 0] == 0.1
    assert np.isnan(z[:, 2]).all()  # C has no sentiment: an empty column
    assert heat.zmid == 0 and heat.zmin == -heat.zmax


# --- Entities across articles ------------------------------------------------------------------------------


def test_entity_heatmap_has_one_row_per_entity_whatever_each_article_calls_it(entities):
    fig = charts.entity_heatmap(entities, articles=["A", "B", "C"], title="Entities")
    (heat,) = fig.data
    assert list(heat.y) == ["Andrés Molina", "labour ministry",
                            "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"]
    assert np.asarray(heat.z).tolist() == [[15.0, 10.0, 0.0], [5.0, 10.0, 0.0], [10.0, 0.0, 0.0]]
    mentions = [[cell[0] for cell in row] for row in heat.customdata]
    assert mentions == [[3, 1, 0], [1, 1, 0], [2, 0, 0]]
    assert "also called El Capitán, Molina" in heat.customdata[0][0][1]


def test_entity_heatmap_of_real_articles_links_el_capitan_to_andres_molina(pair):
    table = shared_entities(pair)
    heat = charts.entity_heatmap(table, articles=article_labels(pair)).data[0]
    assert "Andrés Molina" in heat.y and "El Capitán" not in heat.y
    assert len(heat.y) == table["entity"].nunique()
    row = np.asarray(heat.z)[list(heat.y).index("Andrés Molina")]
    assert (row > 0).all()  # named in both articles


def test_polarity_heatmap_leaves_blank_what_an_article_does_not_say(entities):
    heat = charts.entity_polarity_heatmap(entities, articles=["A", "B"]).data[0]
    z = np.asarray(heat.z, dtype=float)
    assert z[0].tolist() == [-0.2, 0.3]
    assert z[1, 0] == 0.0 and math.isnan(z[1, 1])  # no sentiment
    assert math.isnan(z[2, 1])  # B never names the port
    assert heat.zmid == 0 and heat.zmax == pytest.approx(0.3)


def test_polarity_dots_put_each_article_at_the_sentiment_of_its_sentences(entities):
    shared = entities[entities["articles"] >= 2]
    fig = charts.entity_polarity_dots(shared, title="Treatment")
    a, b = fig.data
    assert (a.name, b.name) == ("A", "B")
    assert list(zip(a.y, a.x)) == [("Andrés Molina", -0.2), ("labour ministry", 0.0)]
    assert list(zip(b.y, b.x)) == [("Andrés Molina", 0.3)]  # the NaN is not drawn
    assert list(fig.layout.yaxis.categoryarray) == ["Andrés Molina", "labour ministry"]
    nothing = charts.entity_polarity_dots(shared.assign(sentiment=np.nan))
    assert "No entity" in nothing.layout.annotations[0].text


# --- Timeline ----------------------------------------------------------------------------------------------


def test_timeline_draws_rates_above_and_sentence_polarity_below_as_markers():
    table = pd.DataFrame({
        "published": [dt.date(2024, 3, 4), dt.date(2024, 3, 9), dt.date(2024, 3, 12)],
        "article": ["Strike", "Deal", "Quiet"],
        "item": ["strike"] * 3,
        "value": [25.0, 10.0, 0.0],
        "sentiment": [-0.1, 0.3, float("nan")],
        "sentences": [4, 2, 0],
    })
    fig = charts.timeline_chart(table, title="Over time")
    rate, tone = fig.data
    assert list(rate.y) == [25.0, 10.0, 0.0] and rate.yaxis == "y"
    assert list(tone.y) == [-0.1, 0.3] and tone.yaxis == "y2"  # no polarity where the item is not named
    assert list(tone.x) == [dt.date(2024, 3, 4), dt.date(2024, 3, 9)]
    assert rate.mode == tone.mode == "markers"  # separate stories, no trend line between them
    assert tuple(fig.layout.yaxis2.range) == (-1.05, 1.05) and fig.layout.yaxis2.zeroline
    assert "publication date" in charts.timeline_chart(table.iloc[0:0]).layout.annotations[0].text


def test_timeline_of_real_articles_counts_el_capitan_in_both(pair):
    table = timeline(pair, items=["El Capitán"])
    fig = charts.timeline_chart(table)
    capitan = fig.data[0]
    assert capitan.name == "El Capitán"
    assert list(capitan.x) == [dt.date(2024, 3, 4), dt.date(2024, 3, 9)]
    assert all(v > 0 for v in capitan.y)


@pytest.mark.parametrize("chart", [charts.compare_terms_heatmap, charts.distinctive_terms_chart,
                                   charts.entity_heatmap, charts.entity_polarity_heatmap, charts.timeline_chart])
def test_a_table_without_its_columns_is_refused(chart):
    with pytest.raises(ValueError, match="needs the columns"):
        chart(pd.DataFrame({"x": [1]}))


def test_real_arcs_span_zero_to_a_hundred(pair):
    fig = charts.sentiment_arcs_chart(sentiment_arcs(pair))
    assert len(fig.data) == 2
    for trace in fig.data:
        assert trace.x[0] == 0 and trace.x[-1] == 100


def test_arc_bins_refuse_an_unknown_score(arcs):
    with pytest.raises(InvalidOptionError, match="score"):
        charts.arc_bins(arcs, score="stars")
