"""The Archive page's charts: pure functions, DataFrame in (as :class:`analysis.batch.query.Archive` returns),
plotly Figure out. Every point carries in ``customdata`` what the page needs to list the articles behind it
(the month, and the entity key, term or source). User text in labels is escaped."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.charts import ENTITY_COLOURS, NEGATIVE, POSITIVE, VADER, _empty, _layout, _plain, _require

UNKNOWN_MONTH = "unknown"


def _dated(table: pd.DataFrame) -> pd.DataFrame:
    """Rows with a publication month, sorted by it (articles without a date are counted, not drawn)."""
    return table[table["month"] != UNKNOWN_MONTH].sort_values("month")


def entity_trend_chart(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Mentions per month of each entity, a line each (the most mentioned first in the legend).

    ``table``: DataFrame[month, entity, type, mentions, articles, key]. customdata: [month, key, entity].
    """
    _require(table, ["month", "entity", "type", "mentions", "articles", "key"], "entity_trend_chart")
    data = _dated(table)
    if data.empty:
        return _empty("No dated articles mention these entities.", title=title)
    order = data.groupby("key")["mentions"].sum().sort_values(ascending=False).index
    fig = go.Figure()
    for key in order:
        part = data[data["key"] == key]
        name = _plain([part["entity"].iloc[0]])[0]
        fig.add_trace(go.Scatter(
            x=part["month"], y=part["mentions"], mode="lines+markers", name=name,
            marker={"color": ENTITY_COLOURS.get(part["type"].iloc[0])} if len(order) <= 4 else None,
            customdata=np.array([[m, key, name] for m in part["month"]], dtype=object),
            text=part["articles"],
            hovertemplate=f"<b>{name}</b><br>%{{x}}: %{{y}} mentions in %{{text}} articles<extra></extra>",
        ))
    fig.update_xaxes(title="month", type="category", categoryorder="category ascending")
    fig.update_yaxes(title="mentions", rangemode="tozero")
    return _layout(fig, title=title, height=380, legend=True, legend_rows=3)


def term_trend_chart(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Each term's rate per 1,000 words, month by month, a line each.

    ``table``: DataFrame[month, term, count, articles, per_1000]. customdata: [month, term].
    """
    _require(table, ["month", "term", "count", "articles", "per_1000"], "term_trend_chart")
    data = _dated(table)
    if data.empty:
        return _empty("No dated articles use these terms.", title=title)
    order = data.groupby("term")["count"].sum().sort_values(ascending=False).index
    fig = go.Figure()
    for term in order:
        part = data[data["term"] == term]
        label = _plain([term])[0]
        fig.add_trace(go.Scatter(
            x=part["month"], y=part["per_1000"], mode="lines+markers", name=label,
            customdata=np.array([[m, term] for m in part["month"]], dtype=object), text=part["count"],
            hovertemplate=f"<b>{label}</b><br>%{{x}}: %{{y:.2f}} per 1,000 words (%{{text}} times)<extra></extra>",
        ))
    fig.update_xaxes(title="month", type="category", categoryorder="category ascending")
    fig.update_yaxes(title="per 1,000 words", rangemode="tozero")
    return _layout(fig, title=title, height=380, legend=True, legend_rows=3)


def sentiment_month_chart(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Word-weighted mean polarity per month as bars (green above 0, red below), VADER as a line.

    ``table``: DataFrame[month, articles, words, polarity, vader ...]. customdata: [month].
    """
    _require(table, ["month", "articles", "polarity"], "sentiment_month_chart")
    data = _dated(table)
    if data.empty:
        return _empty("No dated article has a sentiment score.", title=title)
    fig = go.Figure(go.Bar(
        x=data["month"], y=data["polarity"], name="polarity (TextBlob)",
        marker_color=[POSITIVE if v >= 0 else NEGATIVE for v in data["polarity"].fillna(0)],
        customdata=np.array([[m] for m in data["month"]], dtype=object), text=data["articles"],
        hovertemplate="%{x}: polarity %{y:+.3f} over %{text} articles<extra></extra>", textposition="none",
    ))
    if "vader" in data.columns:
        fig.add_trace(go.Scatter(
            x=data["month"], y=data["vader"], name="VADER", mode="lines+markers", yaxis="y2",
            line={"color": VADER, "dash": "dot"}, customdata=np.array([[m] for m in data["month"]], dtype=object),
            hovertemplate="%{x}: VADER %{y:+.3f}<extra></extra>",
        ))
        fig.update_layout(yaxis2={"title": "VADER", "overlaying": "y", "side": "right", "range": [-1, 1],
                                  "showgrid": False})
    fig.update_xaxes(title="month", type="category")
    fig.update_yaxes(title="mean polarity", zeroline=True, zerolinecolor="#9e9e9e")
    return _layout(fig, title=title, height=320, legend=True, legend_rows=1)


def sentiment_source_chart(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Word-weighted mean polarity per source, horizontal bars, the most articles at the top.

    ``table``: DataFrame[source, articles, words, polarity ...]. customdata: [source].
    """
    _require(table, ["source", "articles", "polarity"], "sentiment_source_chart")
    if table.empty:
        return _empty("No article has a sentiment score.", title=title)
    data = table.sort_values("articles", ascending=False).head(30)
    fig = go.Figure(go.Bar(
        x=data["polarity"], y=_plain(data["source"]), orientation="h", text=data["articles"],
        marker_color=[POSITIVE if v >= 0 else NEGATIVE for v in data["polarity"].fillna(0)],
        customdata=np.array([[s] for s in data["source"]], dtype=object), textposition="none",
        hovertemplate="<b>%{y}</b><br>polarity %{x:+.3f} over %{text} articles<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", type="category", title=None)
    fig.update_xaxes(title="mean polarity", zeroline=True, zerolinecolor="#9e9e9e")
    return _layout(fig, title=title, height=120 + 24 * len(data))
