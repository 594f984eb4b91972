"""Charts: each figure draws exactly the DataFrame it is given (small hand-made tables, and the seed's)."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go
import pytest

from analysis.nlp.sentiment import SENTIMENT_COLUMNS
from dashboard import charts



@pytest.fixture
def terms() -> pd.DataFrame:
    return pd.DataFrame({"term": ["gang", "trial", "court"], "count": [9, 4, 2], "per_1000": [18.0, 8.0, 4.0]})


@pytest.fixture
def sentiment() -> pd.DataFrame:
    return pd.DataFrame(
        [
            (0, "title", True, 6, 0.25, 0.2, 0.4, 0.3, False, "A good day"),
            (1, "byline", False, 3, -0.08, 0.0, 0.0, 0.0, False, "By Someone"),
            (2, "body", True, 40, -0.5, 0.3, 0.5, -0.8, True, "Murders rose while the mayor praised"),
            (3, "body", True, 30, -0.45, -0.4, 0.6, -0.6, False, "The attack killed"),
            (4, "boilerplate", False, 12, 0.3, 0.5, 0.9, 0.4, False, "This work is licensed"),
        ],
        columns=SENTIMENT_COLUMNS,
    )


@pytest.fixture
def entities() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "name": ["MS13", "Élmer Canales Rivera", "El Salvador", "Brooklyn"],
            "type": ["organisation", "person", "place", "place"],
            "mentions": [7, 5, 3, 1],
            "aliases": [("MS-13",), ("Crook",), (), ()],
            "paragraphs": [(0, 2), (2, 3), (3,), (4,)],
        }
    )


@pytest.fixture
def mentions() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("MS13", "organisation", "MS-13", 0, 10, 15),
            ("MS13", "organisation", "MS13", 2, 4, 8),
            ("Élmer Canales Rivera", "person", "Crook", 2, 30, 35),
            ("El Salvador", "place", "El Salvador", 3, 0, 11),
        ],
        columns=["name", "type", "surface", "paragraph", "start", "end"],
    )


def test_term_bar_chart_draws_each_term_once_most_frequent_at_the_top(terms):
    fig = charts.term_bar_chart(terms, title="Top 3 terms")
    (bar,) = fig.data
    assert list(bar.y) == ["gang", "trial", "court"]
    assert list(bar.x) == [9, 4, 2]
    assert list(bar.customdata) == [18.0, 8.0, 4.0]
    assert fig.layout.yaxis.autorange == "reversed"
    assert fig.layout.title.text == "Top 3 terms"


def test_term_bar_chart_grows_with_the_number_of_terms(terms):
    assert charts.term_bar_chart(terms).layout.height > charts.term_bar_chart(terms.head(1)).layout.height


def test_empty_tables_give_a_figure_that_says_so(terms, entities, mentions):
    for fig in (
        charts.term_bar_chart(terms.head(0)),
        charts.entity_mentions_chart(entities.head(0)),
        charts.entity_dispersion_chart(mentions.head(0), paragraph_count=5),
        charts.compare_terms_chart(pd.DataFrame(columns=["term", "article", "count", "per_1000"])),
    ):
        assert not fig.data
        assert fig.layout.annotations and fig.layout.annotations[0].text


def test_missing_columns_are_named(terms):
    with pytest.raises(ValueError, match="per_1000"):
        charts.term_bar_chart(terms.drop(columns="per_1000"))


def test_sentiment_chart_marks_left_out_paragraphs_grey_and_hatched(sentiment):
    fig = charts.sentiment_chart(sentiment)
    bars = [t for t in fig.data if isinstance(t, go.Bar)]
    included, left_out = bars
    assert list(included.x) == [1, 3, 4]  # paragraph numbers from 1
    assert list(left_out.x) == [2, 5]
    assert left_out.marker.pattern.shape == "/"
    assert left_out.marker.color == charts.LEFT_OUT
    assert "left out" in left_out.name
    assert included.marker.pattern.shape == ""
    # positive bars and negative bars get different colours
    assert included.marker.color[0] == charts.POSITIVE and included.marker.color[2] == charts.NEGATIVE


def test_sentiment_chart_shows_subjectivity_vader_and_disagreements(sentiment):
    fig = charts.sentiment_chart(sentiment)
    by_name = {t.name: t for t in fig.data}
    assert list(by_name["TextBlob subjectivity"].y) == list(sentiment["subjectivity"])
    assert list(by_name["VADER compound"].y) == list(sentiment["vader"])
    assert list(by_name["TextBlob polarity"].y) == list(sentiment["polarity"])
    assert list(by_name["news score and TextBlob disagree"].x) == [3]


def test_sentiment_hover_shows_each_paragraphs_opening_words(sentiment):
    fig = charts.sentiment_chart(sentiment)
    vader = next(t for t in fig.data if t.name == "VADER compound")
    assert [row[1] for row in vader.customdata] == list(sentiment["opening"])
    assert "customdata[1]" in vader.hovertemplate


def test_sentiment_chart_without_scores_says_so(sentiment):
    unscored = sentiment.assign(sentiment=math.nan, polarity=math.nan, subjectivity=math.nan, vader=math.nan,
                                disagree=False)
    fig = charts.sentiment_chart(unscored)
    assert not fig.data and "No sentiment" in fig.layout.annotations[0].text


def test_entity_mentions_chart_colours_by_type_and_keeps_order(entities):
    fig = charts.entity_mentions_chart(entities)
    assert [t.name for t in fig.data] == ["person", "organisation", "place"]
    for trace in fig.data:
        assert trace.marker.color == charts.ENTITY_COLOURS[trace.name]
    drawn = {name: x for t in fig.data for name, x in zip(t.y, t.x)}
    assert drawn == dict(zip(entities["name"], entities["mentions"]))
    assert list(fig.layout.yaxis.categoryarray) == list(entities["name"])


def test_dispersion_chart_has_one_mark_per_mention_at_its_paragraph(mentions):
    fig = charts.entity_dispersion_chart(mentions, paragraph_count=6)
    marks = sorted((name, x) for t in fig.data for name, x in zip(t.y, t.x))
    expected = sorted(zip(mentions["name"], mentions["paragraph"] + 1))
    assert marks == expected
    assert tuple(fig.layout.xaxis.range) == (0.5, 6.5)
    # default order: first mentioned first
    assert list(fig.layout.yaxis.categoryarray) == ["MS13", "Élmer Canales Rivera", "El Salvador"]


def test_compare_terms_chart_is_a_dot_plot_one_series_per_article_in_its_colour():
    table = pd.DataFrame(
        [("gang", "A", 3, 6.0), ("gang", "B", 0, 0.0), ("court", "A", 1, 2.0), ("court", "B", 4, 10.0)],
        columns=["term", "article", "count", "per_1000"],
    )
    colours = charts.article_colours([7, 3], ["A", "B"])
    fig = charts.compare_terms_chart(table, colours=colours)
    dots = [t for t in fig.data if t.mode == "markers"]
    assert [t.name for t in dots] == ["A", "B"]
    assert [t.marker.color for t in dots] == [colours["A"], colours["B"]]
    assert list(dots[1].x) == [0.0, 10.0]
    assert fig.layout.scattermode == "group"  # equal rates of two articles are offset, never hidden
    assert list(fig.layout.yaxis.categoryarray) == ["gang", "court"]


def test_article_colours_follow_the_id_not_the_selection():
    both = charts.article_colours([4, 9], ["four", "nine"])
    alone = charts.article_colours([9], ["nine"])
    more = charts.article_colours([1, 4, 9, 12], ["one", "four", "nine", "twelve"])
    assert both["nine"] == alone["nine"] == more["nine"]
    assert both["four"] == more["four"]
    assert len(set(more.values())) == 4  # ids 0 and 12 share a slot: the later one moves on
    clash = charts.article_colours([2, 14], ["two", "fourteen"])
    assert clash["two"] != clash["fourteen"]


def test_seed_sentiment_chart_has_every_paragraph(seed_analysis):
    fig = charts.sentiment_chart(seed_analysis.sentiment)
    drawn = sorted(x for t in fig.data if isinstance(t, go.Bar) for x in t.x)
    assert drawn == list(seed_analysis.sentiment["index"] + 1)
    left_out = seed_analysis.sentiment[~seed_analysis.sentiment["included"]]
    if not left_out.empty:
        assert any(isinstance(t, go.Bar) and t.marker.pattern.shape == "/" for t in fig.data)


def test_seed_entity_charts_draw_every_mention(seed_analysis):
    result = seed_analysis.entities
    fig = charts.entity_dispersion_chart(result.mentions, paragraph_count=len(seed_analysis.article.paragraphs))
    assert sum(len(t.x) for t in fig.data) == len(result.mentions)
    bars = charts.entity_mentions_chart(result.table)
    assert sum(sum(t.x) for t in bars.data) == result.table["mentions"].sum()


def test_user_text_in_labels_and_hovers_is_never_markup(sentiment, mentions):
    hostile = "<b>x</b> & <a href='javascript:alert(1)'>y</a>"
    terms = pd.DataFrame({"term": [hostile], "count": [1], "per_1000": [1.0]})
    assert charts.term_bar_chart(terms).data[0].y == ("&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href='javascript:alert(1)'&gt;y&lt;/a&gt;",)
    fig = charts.sentiment_chart(sentiment.assign(opening=hostile))
    assert all("<" not in row[1] for t in fig.data for row in t.customdata)
    fig = charts.entity_dispersion_chart(mentions.assign(name=hostile, surface=hostile), paragraph_count=5)
    assert all("<" not in v for t in fig.data for v in (*t.y, *t.customdata))
    table = pd.DataFrame([(hostile, hostile, 1, 2.0)], columns=["term", "article", "count", "per_1000"])
    fig = charts.compare_terms_chart(table)
    dots = fig.data[-1]
    assert "<" not in dots.name and "<" not in dots.y[0]
    assert list(fig.layout.yaxis.categoryarray) == list(dots.y)
