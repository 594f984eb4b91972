"""Plotly figures for the dashboard: a DataFrame in, a Figure out.

Pure functions: no Streamlit, no I/O, so each chart can be tested on a small hand-made DataFrame and the
same figure can be shown in the app and exported (see :mod:`dashboard.exports`). Every function takes the
DataFrame that is also offered as the chart's CSV download, so the numbers in the CSV are the numbers drawn.

User text in labels and hovers is escaped (:func:`_plain`): plotly shows it as typed, never as markup.
Figures use the ``plotly_white`` template and fixed colours, so the PNG/SVG a user downloads looks like the
chart on screen (pages pass ``theme=None`` to ``st.plotly_chart``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analysis.models import ENTITY_TYPES

TEMPLATE = "plotly_white"

#: One colour per entity type, used by every entity chart (and its legend).
ENTITY_COLOURS: dict[str, str] = {
    "person": "#1f77b4",
    "organisation": "#d62728",
    "place": "#2ca02c",
    "other": "#9467bd",
}
POSITIVE = "#2a9d8f"
NEGATIVE = "#e76f51"
LEFT_OUT = "#bdbdbd"
VADER = "#264653"
SUBJECTIVITY = "#e9c46a"
DISAGREE = "#f4a261"

#: Bar height in pixels for horizontal bar charts, and the margin around them.
_BAR_PX = 22
_BASE_PX = 140


def _plain(values: Iterable) -> list[str]:
    """User text (terms, names, titles, opening words) made safe for plotly's labels.

    Plotly reads a few HTML tags in labels and hovers (<b>, <a href>, <br>...); escaping &, < and > makes
    it draw the characters themselves (it decodes the entities back), so user text is never markup.
    """
    return [html.escape(str(v), quote=False) for v in values]


def _require(data: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in data.columns]
    if missing:
        raise ValueError(f"{what} needs the columns {list(columns)}; missing {missing}.")


def _layout(fig: go.Figure, *, title: str | None, height: int, legend: bool = False) -> go.Figure:
    """Shared look: the title at the top left, the legend (when shown) in a band under it, above the plot."""
    top = (45 if title else 10) + (65 if legend else 0)
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title, "x": 0, "xanchor": "left", "xref": "paper", "y": 1, "yanchor": "top",
               "yref": "container", "pad": {"t": 12}} if title else None,
        height=height + top,
        margin={"l": 10, "r": 10, "t": top, "b": 40},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "xanchor": "left", "x": 0},
        hoverlabel={"align": "left"},
    )
    return fig


def _empty(message: str, *, title: str | None) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title=title, height=220)


def term_bar_chart(terms: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Horizontal bars of term counts, the most frequent at the top.

    ``terms``: DataFrame[term, count, per_1000] (as :func:`analysis.terms.term_frequencies` returns,
    already cut to the top N), most frequent first. The hover shows the rate per 1,000 words.
    """
    _require(terms, ["term", "count", "per_1000"], "term_bar_chart")
    if terms.empty:
        return _empty("No terms to show with these settings.", title=title)
    fig = go.Figure(
        go.Bar(
            x=terms["count"],
            y=_plain(terms["term"]),
            orientation="h",
            marker_color=POSITIVE,
            customdata=terms["per_1000"],
            hovertemplate="<b>%{y}</b><br>%{x} times<br>%{customdata:.1f} per 1,000 words<extra></extra>",
            name="count",
        )
    )
    fig.update_yaxes(autorange="reversed", title=None, type="category")
    fig.update_xaxes(title="occurrences")
    return _layout(fig, title=title, height=_BASE_PX + _BAR_PX * len(terms))


def sentiment_chart(sentiment: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Paragraph by paragraph: TextBlob polarity as bars, subjectivity and VADER as lines beside them.

    ``sentiment``: DataFrame[index, kind, included, words, polarity, subjectivity, vader, disagree, opening]
    as :func:`analysis.sentiment.paragraph_sentiment` returns. Paragraphs left out of the article's summary
    (``included`` False: bylines, boilerplate) are drawn grey and hatched in their own legend entry;
    paragraphs where TextBlob and VADER disagree get a marker above the chart. Hovering any mark shows the
    paragraph's kind and opening words. Scores are on one axis: polarity and VADER within [-1, 1],
    subjectivity within [0, 1].
    """
    columns = ["index", "kind", "included", "words", "polarity", "subjectivity", "vader", "disagree", "opening"]
    _require(sentiment, columns, "sentiment_chart")
    if sentiment.empty or sentiment["polarity"].isna().all():
        return _empty("No sentiment scores for this article.", title=title)
    number = sentiment["index"] + 1
    hover = np.array([list(pair) for pair in zip(sentiment["kind"], _plain(sentiment["opening"]))], dtype=object)
    fig = go.Figure()
    for included, name, colour, pattern in (
        (True, "TextBlob polarity", None, ""),
        (False, "TextBlob polarity, left out (byline, boilerplate)", LEFT_OUT, "/"),
    ):
        part = sentiment["included"] == included
        if not part.any():
            continue
        polarity = sentiment.loc[part, "polarity"]
        colours = colour or [POSITIVE if p >= 0 else NEGATIVE for p in polarity]
        fig.add_trace(
            go.Bar(
                x=number[part],
                y=polarity,
                name=name,
                marker={"color": colours, "pattern": {"shape": pattern, "fgcolor": "#757575"}},
                customdata=hover[part.to_numpy()],
                hovertemplate=(
                    "¶ %{x} (%{customdata[0]})<br>polarity %{y:.2f}<br><i>%{customdata[1]}</i><extra></extra>"
                ),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=number,
            y=sentiment["subjectivity"],
            name="TextBlob subjectivity",
            mode="lines+markers",
            line={"color": SUBJECTIVITY, "dash": "dot"},
            customdata=hover,
            hovertemplate="¶ %{x} (%{customdata[0]})<br>subjectivity %{y:.2f}<br><i>%{customdata[1]}</i><extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=number,
            y=sentiment["vader"],
            name="VADER compound",
            mode="lines+markers",
            line={"color": VADER},
            customdata=hover,
            hovertemplate="¶ %{x} (%{customdata[0]})<br>VADER %{y:.2f}<br><i>%{customdata[1]}</i><extra></extra>",
        )
    )
    disagree = sentiment["disagree"].astype(bool)
    if disagree.any():
        fig.add_trace(
            go.Scatter(
                x=number[disagree],
                y=[1.1] * int(disagree.sum()),
                name="TextBlob and VADER disagree",
                mode="markers",
                marker={"symbol": "triangle-down", "size": 11, "color": DISAGREE},
                customdata=hover[disagree.to_numpy()],
                hovertemplate="¶ %{x}: the two methods disagree<br><i>%{customdata[1]}</i><extra></extra>",
            )
        )
    fig.update_xaxes(title="paragraph", dtick=1 if len(sentiment) <= 40 else None,
                     range=[0.4, int(number.max()) + 0.6])
    fig.update_yaxes(title="score", range=[-1.05, 1.2], zeroline=True, zerolinecolor="#9e9e9e")
    fig.update_layout(barmode="overlay", bargap=0.25)
    return _layout(fig, title=title, height=380, legend=True)


def entity_mentions_chart(entities: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Horizontal bars of mentions per entity, coloured by type, the most mentioned at the top.

    ``entities``: DataFrame[name, type, mentions, aliases, paragraphs] (``EntityResult.table``), most
    mentioned first. One legend entry per type present.
    """
    _require(entities, ["name", "type", "mentions"], "entity_mentions_chart")
    if entities.empty:
        return _empty("No entities to show.", title=title)
    fig = go.Figure()
    order = list(entities["name"])
    for kind in _types_in(entities["type"]):
        part = entities[entities["type"] == kind]
        fig.add_trace(
            go.Bar(
                x=part["mentions"],
                y=_plain(part["name"]),
                orientation="h",
                name=kind,
                marker_color=ENTITY_COLOURS.get(kind, ENTITY_COLOURS["other"]),
                hovertemplate="<b>%{y}</b><br>" + kind + "<br>%{x} mentions<extra></extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=_plain(order), autorange="reversed", title=None,
                     type="category")
    fig.update_xaxes(title="mentions")
    return _layout(fig, title=title, height=_BASE_PX + _BAR_PX * len(entities), legend=True)


def entity_dispersion_chart(
    mentions: pd.DataFrame, *, paragraph_count: int, order: Sequence[str] | None = None, title: str | None = None
) -> go.Figure:
    """Where each entity is mentioned: one row per entity, one mark per mention at its paragraph.

    ``mentions``: DataFrame[name, type, surface, paragraph, start, end] (``EntityResult.mentions``), one row
    per mention; ``paragraph_count``: the article's number of paragraphs (the x axis spans all of them);
    ``order``: entity names top to bottom (default: first mentioned first). Hover shows the words used.
    """
    _require(mentions, ["name", "type", "surface", "paragraph"], "entity_dispersion_chart")
    if mentions.empty:
        return _empty("No entity mentions to show.", title=title)
    if order is None:
        order = list(mentions.sort_values(["paragraph", "start"] if "start" in mentions else ["paragraph"])["name"]
                     .drop_duplicates())
    fig = go.Figure()
    for kind in _types_in(mentions["type"]):
        part = mentions[mentions["type"] == kind]
        fig.add_trace(
            go.Scatter(
                x=part["paragraph"] + 1,
                y=_plain(part["name"]),
                mode="markers",
                name=kind,
                marker={"symbol": "line-ns-open", "size": 16, "line": {"width": 3},
                        "color": ENTITY_COLOURS.get(kind, ENTITY_COLOURS["other"])},
                customdata=_plain(part["surface"]),
                hovertemplate="<b>%{y}</b><br>¶ %{x}: “%{customdata}”<extra></extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=_plain(order), autorange="reversed", title=None,
                     type="category")
    fig.update_xaxes(title="paragraph", range=[0.5, max(paragraph_count, 1) + 0.5])
    return _layout(fig, title=title, height=_BASE_PX + _BAR_PX * len(order), legend=True)


def compare_terms_chart(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Terms per 1,000 words side by side: one group of bars per term, one bar per article.

    ``table``: DataFrame[term, article, count, per_1000] in long form (one row per term and article),
    terms in the order they should appear top to bottom.
    """
    _require(table, ["term", "article", "per_1000"], "compare_terms_chart")
    if table.empty:
        return _empty("Choose at least one article.", title=title)
    terms = list(dict.fromkeys(table["term"]))
    articles = list(dict.fromkeys(table["article"]))
    fig = go.Figure()
    for article in articles:
        part = table[table["article"] == article]
        fig.add_trace(
            go.Bar(
                x=part["per_1000"],
                y=_plain(part["term"]),
                orientation="h",
                name=_plain([article])[0],
                customdata=[[label] for label in _plain(part["article"])],
                hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>%{x:.1f} per 1,000 words<extra></extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=_plain(terms), autorange="reversed", title=None,
                     type="category")
    fig.update_xaxes(title="per 1,000 words")
    fig.update_layout(barmode="group")
    height = _BASE_PX + int(_BAR_PX * len(terms) * max(1.0, 0.55 * len(articles)))
    return _layout(fig, title=title, height=height, legend=True)


def _types_in(types: pd.Series) -> list[str]:
    """The entity types present, in ENTITY_TYPES order, unknown ones last."""
    present = list(dict.fromkeys(types))
    return [t for t in ENTITY_TYPES if t in present] + [t for t in present if t not in ENTITY_TYPES]
