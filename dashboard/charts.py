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
from typing import Literal

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
POLARITY_LINE = "#8e6fb5"  # TextBlob polarity beside the news score's bars
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


def _layout(
    fig: go.Figure, *, title: str | None, height: int, legend: bool = False, legend_rows: int = 2
) -> go.Figure:
    """Shared look: the title at the top left (below the toolbar's band, so the toolbar never covers it), the
    legend (when shown) in a band below the plot, where it never hides a title or crowds a phone screen.

    ``legend_rows``: how many lines the legend may wrap to (long names, e.g. article titles, take one each).
    """
    top = 62 if title else 28  # the toolbar ("modebar") floats in the top 28 px
    band = 30 + 20 * max(legend_rows, 1) if legend else 0
    fig.update_layout(
        template=TEMPLATE,
        title={"text": title, "x": 0, "xanchor": "left", "xref": "paper", "y": 1, "yanchor": "top",
               "yref": "container", "pad": {"t": 30}} if title else None,
        height=height + top + band,
        margin={"l": 10, "r": 10, "t": top, "b": 40 + band},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 0, "yref": "container", "xanchor": "left", "x": 0,
                "xref": "container"},
        hoverlabel={"align": "left"},
    )
    return fig


def titled(fig: go.Figure, subject: str) -> go.Figure:
    """A copy of ``fig`` whose title gets a second line naming what it shows (the article(s) and source), so a
    downloaded image stands on its own. The figure on screen is not changed."""
    copy = go.Figure(fig)
    text = copy.layout.title.text or ""
    copy.update_layout(
        title={"text": text, "subtitle": {"text": html.escape(_short(subject, 110), quote=False),
                                          "font": {"size": 12, "color": "#616161"}}},
        margin_t=(copy.layout.margin.t or 0) + 20, height=(copy.layout.height or 450) + 20,
    )
    return copy


def _empty(message: str, *, title: str | None) -> go.Figure:
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, title=title, height=220)


def term_bar_chart(terms: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Horizontal bars of term counts, the most frequent at the top.

    ``terms``: DataFrame[term, count, per_1000] (as :func:`analysis.nlp.terms.term_frequencies` returns,
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
    """Paragraph by paragraph: the news score as bars (coloured by it), TextBlob's polarity and subjectivity and
    VADER's compound as lines beside them.

    ``sentiment``: DataFrame[index, kind, included, words, sentiment, polarity, subjectivity, vader, disagree,
    opening] as :func:`analysis.nlp.sentiment.paragraph_sentiment` returns. Paragraphs left out of the article's
    summary (``included`` False: bylines, boilerplate) are drawn grey and hatched in their own legend entry;
    paragraphs where the news score and TextBlob disagree get a marker above the chart. Hovering any mark shows
    the paragraph's kind and opening words. Scores are on one axis: the news score, polarity and VADER within
    [-1, 1], subjectivity within [0, 1].
    """
    columns = ["index", "kind", "included", "words", "sentiment", "polarity", "subjectivity", "vader", "disagree",
               "opening"]
    _require(sentiment, columns, "sentiment_chart")
    if sentiment.empty or sentiment["sentiment"].isna().all():
        return _empty("No sentiment scores for this article.", title=title)
    number = sentiment["index"] + 1
    hover = np.array([list(pair) for pair in zip(sentiment["kind"], _plain(sentiment["opening"]))], dtype=object)
    fig = go.Figure()
    for included, name, colour, pattern in (
        (True, "Sentiment (news score)", None, ""),
        (False, "Sentiment, left out (byline, boilerplate)", LEFT_OUT, "/"),
    ):
        part = sentiment["included"] == included
        if not part.any():
            continue
        score = sentiment.loc[part, "sentiment"]
        colours = colour or [POSITIVE if p >= 0 else NEGATIVE for p in score]
        fig.add_trace(
            go.Bar(
                x=number[part],
                y=score,
                name=name,
                marker={"color": colours, "pattern": {"shape": pattern, "fgcolor": "#757575"}},
                customdata=hover[part.to_numpy()],
                hovertemplate=(
                    "¶ %{x} (%{customdata[0]})<br>sentiment %{y:.2f}<br><i>%{customdata[1]}</i><extra></extra>"
                ),
            )
        )
    fig.add_trace(
        go.Scatter(
            x=number,
            y=sentiment["polarity"],
            name="TextBlob polarity",
            mode="lines+markers",
            line={"color": POLARITY_LINE},
            customdata=hover,
            hovertemplate="¶ %{x} (%{customdata[0]})<br>polarity %{y:.2f}<br><i>%{customdata[1]}</i><extra></extra>",
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
                name="news score and TextBlob disagree",
                mode="markers",
                marker={"symbol": "triangle-down", "size": 11, "color": DISAGREE},
                customdata=hover[disagree.to_numpy()],
                hovertemplate="¶ %{x}: the news score and TextBlob disagree<br><i>%{customdata[1]}</i><extra></extra>",
            )
        )
    # every paragraph number when few; beyond that plotly spaces the numbers to the chart's width (a phone too)
    fig.update_xaxes(title="paragraph", dtick=1 if len(sentiment) <= 12 else None, tickformat="d",
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


def compare_terms_chart(
    table: pd.DataFrame, *, colours: dict[str, str] | None = None, title: str | None = None
) -> go.Figure:
    """Terms per 1,000 words side by side, as a dot plot: one row per term, one dot per article.

    ``table``: DataFrame[term, article, count, per_1000] in long form (one row per term and article),
    terms in the order they should appear top to bottom. ``colours``: article -> colour
    (:func:`article_colours`; the same on every Compare chart). Dots of one row are offset by article so
    equal rates never hide each other; a thin line spans each term's lowest to highest rate. An article
    without the term sits at 0.
    """
    _require(table, ["term", "article", "per_1000"], "compare_terms_chart")
    if table.empty:
        return _empty("Choose at least one article.", title=title)
    terms = list(dict.fromkeys(table["term"]))
    articles = _legend_order(table["article"], colours)
    fig = go.Figure()
    spans = table.groupby("term", sort=False)["per_1000"].agg(["min", "max"]).reindex(terms)
    top = max(float(table["per_1000"].max()), 1.0)
    xs, ys = [], []
    for term, row in spans.iterrows():
        xs += [row["min"], row["max"], None]
        ys += [_plain([term])[0]] * 2 + [None]
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#d0d0d0", "width": 6}, hoverinfo="skip",
                             showlegend=False, name="range"))
    counts = table["count"] if "count" in table else pd.Series([None] * len(table), index=table.index)
    for article in articles:
        part = table[table["article"] == article]
        fig.add_trace(
            go.Scatter(
                x=part["per_1000"], y=_plain(part["term"]), mode="markers", name=_plain([_short(article, 60)])[0],
                marker={"size": 11, "color": _colour_of(colours, article), "line": {"width": 1, "color": "#ffffff"}},
                customdata=np.column_stack([np.array(_plain(part["article"]), dtype=object),
                                            counts[part.index].to_numpy()]).astype(object),
                hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>%{x:.1f} per 1,000 words (%{customdata[1]} "
                              "times)<extra></extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=_plain(terms), autorange="reversed", title=None,
                     type="category")
    fig.update_xaxes(title="per 1,000 words", range=[-0.02 * top, top * 1.06])  # room for the outermost dots
    fig.update_layout(scattermode="group", scattergap=0.4)
    height = _BASE_PX + int(_BAR_PX * len(terms) * max(1.0, 0.3 * len(articles)))
    return _layout(fig, title=title, height=height, legend=True, legend_rows=len(articles))


def _types_in(types: pd.Series) -> list[str]:
    """The entity types present, in ENTITY_TYPES order, unknown ones last."""
    present = list(dict.fromkeys(types))
    return [t for t in ENTITY_TYPES if t in present] + [t for t in present if t not in ENTITY_TYPES]


# --- Comparing articles ------------------------------------------------------------------------------------

#: Beyond this many articles the Compare page draws heatmaps (one column per article) instead of one bar
#: series, line or dot colour per article: a legend of 200 entries helps no one.
MANY_ARTICLES = 6
#: Longest article title shown as a tick label or panel title (the hover shows the whole title).
_SHORT_TITLE = 32
#: Heatmaps with more article columns than this hide their tick labels (hover to see each column's title).
_MAX_TICK_LABELS = 30
_HEAT_ROW_PX = 22
#: Sequential scale for rates (0 = white) and diverging scale for polarity (0 = white).
RATE_SCALE = [[0.0, "#ffffff"], [0.15, "#d8ecea"], [1.0, VADER]]
POLARITY_SCALE = [[0.0, NEGATIVE], [0.5, "#f7f7f7"], [1.0, POSITIVE]]
#: The paragraph scores a sentiment arc can draw (columns of analysis.compare.sentiment_arcs).
ARC_SCORES = ("sentiment", "polarity", "vader")
#: How each arc score is named on axes and in hovers.
SCORE_LABELS = {"sentiment": "sentiment (news score)", "polarity": "TextBlob polarity", "vader": "VADER compound"}


def _short(text: str, length: int = _SHORT_TITLE) -> str:
    return short_title(text, length)


#: Colours for articles on the Compare page's charts (Tableau 10 and two more): one per article.
ARTICLE_PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7",
                   "#9c755f", "#bab0ac", "#17becf", "#8c564b")


def article_colours(ids: Sequence[int], labels: Sequence[str]) -> dict[str, str]:
    """One colour per article label, derived from its library id, for every Compare chart.

    An article keeps its colour when others are added to or removed from the comparison: the colour is
    ``ARTICLE_PALETTE[id % 12]``; only when two compared ids share that slot does the later one (in id order)
    take the next free colour. Labels map to colours in the order given (the legend order everywhere).
    """
    taken: dict[int, str] = {}
    used: set[str] = set()
    for article_id in sorted(set(int(i) for i in ids)):
        slot = article_id % len(ARTICLE_PALETTE)
        for step in range(len(ARTICLE_PALETTE)):
            colour = ARTICLE_PALETTE[(slot + step) % len(ARTICLE_PALETTE)]
            if colour not in used or len(used) >= len(ARTICLE_PALETTE):
                break
        taken[article_id] = colour
        used.add(colour)
    return {str(label): taken[int(i)] for i, label in zip(ids, labels)}


def short_title(text: str, length: int = _SHORT_TITLE) -> str:
    """``text`` cut to ``length`` characters at a word boundary, with "…" when cut."""
    text = " ".join(str(text).split())
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    if " " in cut[length // 2 :]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"


def articles_subject(labels: Sequence[str], sources: Sequence[str | None]) -> str:
    """What a Compare chart shows, for its downloaded image: the short titles and their sources."""
    parts = [f"{short_title(label, 28)} ({source})" if source else short_title(label, 28)
             for label, source in zip(labels, sources)]
    if len(parts) > 4:
        parts = parts[:3] + [f"and {len(parts) - 3} more"]
    return "; ".join(parts)


def _colour_of(colours: dict[str, str] | None, article: str) -> str | None:
    return colours.get(str(article)) if colours else None


def _legend_order(present: Sequence[str], colours: dict[str, str] | None) -> list[str]:
    """The articles in ``present`` in the order of ``colours`` (the comparison's order: the same legend order on
    every chart), any others after them as they appear."""
    present = list(dict.fromkeys(present))
    ordered = [a for a in (colours or {}) if a in present]
    return ordered + [a for a in present if a not in ordered]


def _article_axis(fig: go.Figure, articles: Sequence[str]) -> None:
    """The x axis of a heatmap whose columns are articles: short titles as ticks, or none when too many."""
    if len(articles) <= _MAX_TICK_LABELS:
        fig.update_xaxes(tickvals=_plain(articles), ticktext=_plain(_short(a) for a in articles),
                         type="category", title=None)
    else:
        fig.update_xaxes(showticklabels=False, type="category", title=f"{len(articles)} articles (hover a column "
                         "for its title)")


def _heatmap(
    z: np.ndarray, *, rows: Sequence[str], articles: Sequence[str], customdata: np.ndarray, hovertemplate: str,
    polarity: bool, colorbar: str, title: str | None, row_px: int = _HEAT_ROW_PX,
) -> go.Figure:
    """A heatmap with one row per ``rows`` label (top to bottom) and one column per article."""
    finite = z[np.isfinite(z)]
    if polarity:
        bound = max(0.05, float(np.abs(finite).max())) if finite.size else 1.0
        scale = {"colorscale": POLARITY_SCALE, "zmin": -bound, "zmax": bound, "zmid": 0}
    else:
        scale = {"colorscale": RATE_SCALE, "zmin": 0, "zmax": max(float(finite.max()), 1e-9) if finite.size else 1}
    fig = go.Figure(
        go.Heatmap(
            z=z, x=_plain(articles), y=_plain(rows), customdata=customdata, hovertemplate=hovertemplate,
            xgap=1 if len(articles) <= 60 else 0, ygap=1, hoverongaps=False,
            colorbar={"title": {"text": colorbar, "side": "right"}, "thickness": 14}, **scale,
        )
    )
    fig.update_yaxes(autorange="reversed", type="category", title=None)
    _article_axis(fig, articles)
    labels = 110 if len(articles) <= _MAX_TICK_LABELS else 10
    return _layout(fig, title=title, height=max(160, 60 + row_px * len(rows) + labels))


def compare_terms_heatmap(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Terms per 1,000 words as a heatmap: one row per term, one column per article (for many articles).

    ``table``: DataFrame[term, article, count, per_1000] in long form, as
    :func:`analysis.compare.terms_side_by_side` returns (terms in the order they should appear top to bottom,
    every term once per article). The hover shows the count behind each rate.
    """
    _require(table, ["term", "article", "count", "per_1000"], "compare_terms_heatmap")
    if table.empty:
        return _empty("Choose at least one article.", title=title)
    terms = list(dict.fromkeys(table["term"]))
    articles = list(dict.fromkeys(table["article"]))
    grid = table.pivot_table(index="term", columns="article", values=["per_1000", "count"], aggfunc="sum",
                             fill_value=0, observed=False, sort=False)
    rate = grid["per_1000"].reindex(index=terms, columns=articles, fill_value=0).to_numpy(dtype=float)
    count = grid["count"].reindex(index=terms, columns=articles, fill_value=0).to_numpy(dtype=float)
    return _heatmap(
        rate, rows=terms, articles=articles, customdata=count,
        hovertemplate="<b>%{y}</b><br>%{x}<br>%{z:.1f} per 1,000 words (%{customdata:.0f} times)<extra></extra>",
        polarity=False, colorbar="per 1,000 words", title=title,
    )


def distinctive_terms_chart(
    table: pd.DataFrame, *, articles: Sequence[str] | None = None, columns: int = 2, title: str | None = None
) -> go.Figure:
    """Each article's distinctive terms in its own panel: bars of G2, coloured by the log ratio.

    ``table``: DataFrame[article, term, count, reference_count, g2, log_ratio] as
    :func:`analysis.compare.distinctive_terms` returns (strongest first per article); ``articles``: one panel
    each, in this order (default: the articles in ``table``); an article without distinctive terms gets an
    empty panel that says so. ``columns`` panels a row. A bar's length is the evidence (log-likelihood G2),
    its colour the effect size (log ratio: 1 = twice as often as in the other articles); the hover shows the
    counts behind both.
    """
    from plotly.subplots import make_subplots

    _require(table, ["article", "term", "count", "reference_count", "g2", "log_ratio"], "distinctive_terms_chart")
    articles = list(articles) if articles is not None else list(dict.fromkeys(table["article"]))
    if not articles:
        return _empty("No term is distinctive at this threshold: lower it or compare longer articles.", title=title)
    ncols = max(1, min(columns, len(articles)))
    nrows = -(-len(articles) // ncols)
    sizes = table.groupby("article", sort=False).size()
    slots = max(3, int(sizes.max()) if len(sizes) else 0)  # every panel has room for the longest: bars alike
    panel_px = 50 + _BAR_PX * slots
    gap_px = 80  # between rows of panels: the tick labels above, the next panel's title below
    plot_px = nrows * panel_px + (nrows - 1) * gap_px
    fig = make_subplots(
        rows=nrows, cols=ncols, subplot_titles=_plain(_short(a, 48 if ncols > 1 else 90) for a in articles),
        horizontal_spacing=0.18 if ncols > 1 else 0.02, vertical_spacing=gap_px / plot_px if nrows > 1 else 0,
    )
    top_ratio = max(1.0, float(table["log_ratio"].max())) if len(table) else 1.0
    for k, article in enumerate(articles):
        part = table[table["article"] == article]
        row, col = k // ncols + 1, k % ncols + 1
        if part.empty:
            axis = "" if k == 0 else str(k + 1)
            x0, x1 = fig.layout[f"xaxis{axis}"].domain
            y0, y1 = fig.layout[f"yaxis{axis}"].domain
            fig.add_annotation(text="No term is distinctive at this threshold.", showarrow=False, xref="paper",
                               yref="paper", x=(x0 + x1) / 2, y=(y0 + y1) / 2, xanchor="center", yanchor="middle",
                               font={"color": "#757575", "size": 12})
            fig.update_xaxes(visible=False, row=row, col=col)
            fig.update_yaxes(visible=False, row=row, col=col)
            continue
        custom = np.column_stack([
            np.array(_plain(part["article"]), dtype=object), part["count"].to_numpy(),
            part["reference_count"].to_numpy(), part["log_ratio"].to_numpy(),
        ]).astype(object)
        fig.add_trace(
            go.Bar(
                x=part["g2"], y=_plain(part["term"]), orientation="h", name=_plain([article])[0], showlegend=False,
                marker={"color": part["log_ratio"], "coloraxis": "coloraxis"}, customdata=custom,
                hovertemplate=("<b>%{y}</b> in %{customdata[0]}<br>G2 %{x:.1f}, log ratio %{customdata[3]:.2f}"
                               "<br>%{customdata[1]} times here, %{customdata[2]} in the others<extra></extra>"),
            ),
            row=row, col=col,
        )
        fig.update_yaxes(range=[slots - 0.5, -0.5], type="category", title=None, row=row, col=col)
        fig.update_xaxes(title="G2 (log-likelihood)" if row == nrows else None, rangemode="tozero", row=row,
                         col=col)
    fig.update_layout(coloraxis={"colorscale": [[0.0, "#d8ecea"], [1.0, VADER]], "cmin": 0, "cmax": top_ratio,
                                 "colorbar": {"title": {"text": "log ratio", "side": "right"}, "thickness": 14}})
    fig.update_annotations(selector={"yanchor": "bottom"}, font_size=13)  # the panel titles
    fig = _layout(fig, title=title, height=plot_px)
    fig.update_layout(margin_t=fig.layout.margin.t + 25, height=fig.layout.height + 25)  # room for the panel titles
    return fig


def _check_score(score: str) -> None:
    if score not in ARC_SCORES:
        from analysis.errors import InvalidOptionError

        raise InvalidOptionError("score", score, set(ARC_SCORES))


def sentiment_arcs_chart(
    arcs: pd.DataFrame, *, score: Literal["sentiment", "polarity", "vader"] = "sentiment",
    colours: dict[str, str] | None = None, title: str | None = None,
) -> go.Figure:
    """Each article's paragraph sentiment overlaid on a 0-100 % position axis: one line per article.

    ``arcs``: DataFrame[article, index, position, sentiment, polarity, vader, opening] as
    :func:`analysis.compare.sentiment_arcs` returns; ``score``: which column to draw (the news score, TextBlob
    polarity or VADER compound, all within [-1, 1]). Hover shows the paragraph's number and opening words.
    """
    _check_score(score)
    _require(arcs, ["article", "index", "position", score, "opening"], "sentiment_arcs_chart")
    if arcs.empty:
        return _empty("No sentiment scores for these articles (sentiment is for English text).", title=title)
    fig = go.Figure()
    for article, part in arcs.groupby("article", sort=False):
        custom = np.column_stack([np.array(_plain(part["article"]), dtype=object), (part["index"] + 1).to_numpy(),
                                  np.array(_plain(part["opening"]), dtype=object)]).astype(object)
        fig.add_trace(
            go.Scatter(
                x=part["position"], y=part[score], mode="lines+markers", name=_plain([_short(article, 60)])[0],
                line={"width": 2, "color": _colour_of(colours, article)}, marker={"size": 6}, customdata=custom,
                hovertemplate=("%{customdata[0]}<br>¶ %{customdata[1]} at %{x:.0f} %<br>"
                               + SCORE_LABELS[score]
                               + " %{y:+.2f}<br><i>%{customdata[2]}</i><extra></extra>"),
            )
        )
    fig.update_xaxes(title="position in the article (%)", range=[-2, 102], ticksuffix=" %")
    fig.update_yaxes(title=SCORE_LABELS[score], range=[-1.05, 1.05],
                     zeroline=True, zerolinecolor="#9e9e9e")
    return _layout(fig, title=title, height=380, legend=True, legend_rows=arcs["article"].nunique())


def arc_bins(
    arcs: pd.DataFrame, *, bins: int = 10, score: Literal["sentiment", "polarity", "vader"] = "sentiment"
) -> pd.DataFrame:
    """Sentiment arcs averaged over equal stretches of each article, for a heatmap of many articles.

    ``arcs``: DataFrame[article, index, position, sentiment, polarity, vader, ...] as
    :func:`analysis.compare.sentiment_arcs` returns. Returns DataFrame[article, start, end, mean, paragraphs]:
    for each article and stretch [start, end) of the position axis (percent; the last one includes 100) that
    holds any paragraph, the mean ``score`` of its paragraphs and how many there are. Articles in order of
    appearance.
    """
    _check_score(score)
    if bins < 1:
        raise ValueError(f"`bins` = {bins} must be at least 1.")
    _require(arcs, ["article", "position", score], "arc_bins")
    width = 100 / bins
    stretch = np.minimum((arcs["position"].to_numpy(dtype=float) // width).astype(int), bins - 1)
    grouped = (arcs.assign(stretch=stretch).groupby(["article", "stretch"], sort=False)[score]
               .agg(["mean", "size"]).reset_index())
    order = {a: i for i, a in enumerate(dict.fromkeys(arcs["article"]))}
    grouped = grouped.sort_values(["article", "stretch"], key=lambda s: s.map(order) if s.name == "article" else s,
                                  kind="stable")
    return pd.DataFrame({
        "article": grouped["article"].to_numpy(dtype=object),
        "start": grouped["stretch"].to_numpy() * width,
        "end": (grouped["stretch"].to_numpy() + 1) * width,
        "mean": grouped["mean"].to_numpy(dtype=float),
        "paragraphs": grouped["size"].to_numpy(dtype="int64"),
    })


def sentiment_arcs_heatmap(
    binned: pd.DataFrame, *, articles: Sequence[str] | None = None, score_label: str = "sentiment",
    title: str | None = None,
) -> go.Figure:
    """Sentiment arcs of many articles: one column per article read top (start) to bottom (end).

    ``binned``: DataFrame[article, start, end, mean, paragraphs] as :func:`arc_bins` returns; ``articles``:
    the columns in order (default: as they appear; an article without rows is an empty column). Stretches
    without a paragraph are left blank.
    """
    _require(binned, ["article", "start", "end", "mean", "paragraphs"], "sentiment_arcs_heatmap")
    articles = list(articles) if articles is not None else list(dict.fromkeys(binned["article"]))
    if binned.empty or not articles:
        return _empty("No sentiment scores for these articles (sentiment is for English text).", title=title)
    width = float(binned["end"].iloc[0] - binned["start"].iloc[0])
    stretches = range(int(round(100 / width)))
    rows = [f"{k * width:.0f}–{(k + 1) * width:.0f} %" for k in stretches]
    binned = binned.assign(stretch=np.rint(binned["start"].to_numpy(dtype=float) / width).astype(int))
    mean = binned.pivot(index="stretch", columns="article", values="mean").reindex(index=stretches, columns=articles)
    count = (binned.pivot(index="stretch", columns="article", values="paragraphs")
             .reindex(index=stretches, columns=articles))
    return _heatmap(
        mean.to_numpy(dtype=float), rows=rows, articles=articles, customdata=count.fillna(0).to_numpy(),
        hovertemplate="%{x}<br>%{y} of the article<br>" + html.escape(score_label)
                      + " %{z:+.2f} (%{customdata:.0f} paragraphs)<extra></extra>",
        polarity=True, colorbar=f"mean {score_label}", title=title, row_px=18,
    )


def _entity_rows(table: pd.DataFrame) -> tuple[list[str], dict[str, str]]:
    """Entity ids in order of appearance, and a unique display name for each."""
    ids = list(dict.fromkeys(table["entity"]))
    first = table.drop_duplicates("entity").set_index("entity")
    names: dict[str, str] = {}
    used: set[str] = set()
    for entity in ids:
        name = str(first.at[entity, "name"])
        label = name if name not in used else f"{name} ({first.at[entity, 'type']})"
        while label in used:
            label += "*"
        used.add(label)
        names[entity] = label
    return ids, names


def _aliases_text(aliases, *, limit: int = 4) -> str:
    aliases = [str(a) for a in (aliases if isinstance(aliases, (list, tuple)) else ())]
    if not aliases:
        return ""
    shown = ", ".join(aliases[:limit]) + (f" and {len(aliases) - limit} more" if len(aliases) > limit else "")
    return "also called " + shown


def _entity_grid(table: pd.DataFrame, value: str, articles: Sequence[str]) -> tuple[list[str], pd.DataFrame]:
    ids, names = _entity_rows(table)
    grid = table.pivot_table(index="entity", columns="article", values=value, aggfunc="first", sort=False)
    return [names[i] for i in ids], grid.reindex(index=ids, columns=list(articles))


def entity_heatmap(
    table: pd.DataFrame, *, articles: Sequence[str] | None = None, title: str | None = None
) -> go.Figure:
    """Mentions per 1,000 words of each entity (rows) in each article (columns).

    ``table``: DataFrame[entity, name, type, aliases, article, mentions, per_1000, ...] as
    :func:`analysis.compare.shared_entities` returns, already cut to the entities to draw (one row per
    entity whatever each article calls it; rows top to bottom in order of appearance). ``articles``: the
    columns in order (default: as they appear). An article that never names the entity shows 0.
    """
    _require(table, ["entity", "name", "type", "aliases", "article", "mentions", "per_1000"], "entity_heatmap")
    articles = list(articles) if articles is not None else list(dict.fromkeys(table["article"]))
    if table.empty or not articles:
        return _empty("No entities to show.", title=title)
    rows, rate = _entity_grid(table, "per_1000", articles)
    _, mentions = _entity_grid(table, "mentions", articles)
    first = table.drop_duplicates("entity")
    about = [f"{t}{'; ' + a if a else ''}" for t, a in zip(first["type"], _plain(map(_aliases_text, first["aliases"])))]
    counts = mentions.fillna(0).to_numpy()
    if len(articles) <= _MAX_TICK_LABELS:  # each row's type and other names in its hover (cheap for few columns)
        custom = np.dstack([counts, np.broadcast_to(np.array(about, dtype=object)[:, None], counts.shape)])
        hover = "<b>%{y}</b> (%{customdata[1]})<br>%{x}<br>%{z:.1f} per 1,000 words (%{customdata[0]:.0f} mentions)"
    else:
        custom = counts[:, :, None]
        hover = "<b>%{y}</b><br>%{x}<br>%{z:.1f} per 1,000 words (%{customdata[0]:.0f} mentions)"
    return _heatmap(
        rate.fillna(0).to_numpy(dtype=float), rows=rows, articles=articles, customdata=custom.astype(object),
        hovertemplate=hover + "<extra></extra>",
        polarity=False, colorbar="mentions per 1,000 words", title=title,
    )


def entity_polarity_heatmap(
    table: pd.DataFrame, *, articles: Sequence[str] | None = None, title: str | None = None
) -> go.Figure:
    """How each article treats the same entities: the news score of the sentences that mention each entity.

    ``table``: DataFrame[entity, name, type, aliases, article, mentions, sentiment, ...] as
    :func:`analysis.compare.shared_entities` returns, cut to the entities to draw. Rows are entities, columns
    ``articles``; a blank cell is an article that does not name the entity (or has no sentiment). Red is
    negative, green positive, white neutral.
    """
    _require(table, ["entity", "name", "type", "aliases", "article", "mentions", "sentiment"],
             "entity_polarity_heatmap")
    articles = list(articles) if articles is not None else list(dict.fromkeys(table["article"]))
    if table.empty or table["sentiment"].isna().all() or not articles:
        return _empty("No entity is named in two or more of these articles with sentiment scores.", title=title)
    rows, polarity = _entity_grid(table, "sentiment", articles)
    _, mentions = _entity_grid(table, "mentions", articles)
    return _heatmap(
        polarity.to_numpy(dtype=float), rows=rows, articles=articles, customdata=mentions.fillna(0).to_numpy(),
        hovertemplate="<b>%{y}</b><br>%{x}<br>sentiment %{z:+.2f} over the sentences naming it "
                      "(%{customdata:.0f} mentions)<extra></extra>",
        polarity=True, colorbar="sentiment", title=title,
    )


def entity_polarity_dots(
    table: pd.DataFrame, *, colours: dict[str, str] | None = None, title: str | None = None
) -> go.Figure:
    """How each article treats the same entities, for a few articles: one dot per entity and article.

    ``table``: as for :func:`entity_polarity_heatmap`. Each row of the chart is an entity; each article has
    its own colour (``colours``: article -> colour, as on every Compare chart); the dot sits at the news score
    of that article's sentences that mention the entity. The dots of one row are offset by article, so two
    articles at the same value are both visible.
    """
    _require(table, ["entity", "name", "type", "aliases", "article", "mentions", "sentiment"],
             "entity_polarity_dots")
    shown = table[table["sentiment"].notna()]
    if shown.empty:
        return _empty("No entity is named in two or more of these articles with sentiment scores.", title=title)
    ids, names = _entity_rows(table)
    order = [names[i] for i in ids]
    fig = go.Figure()
    for article in _legend_order(shown["article"], colours):
        part = shown[shown["article"] == article]
        fig.add_trace(
            go.Scatter(
                x=part["sentiment"], y=_plain(part["entity"].map(names)), mode="markers",
                name=_plain([_short(article, 60)])[0],
                marker={"size": 11, "color": _colour_of(colours, article), "line": {"width": 1, "color": "#ffffff"}},
                customdata=np.column_stack([np.array(_plain(part["article"]), dtype=object),
                                            part["mentions"].to_numpy()]).astype(object),
                hovertemplate="<b>%{y}</b><br>%{customdata[0]}<br>sentiment %{x:+.2f} over the sentences naming it "
                              "(%{customdata[1]} mentions)<extra></extra>",
            )
        )
    bound = max(0.25, float(shown["sentiment"].abs().max()) * 1.15)
    fig.add_vline(x=0, line={"color": "#9e9e9e", "width": 1})
    fig.update_yaxes(categoryorder="array", categoryarray=_plain(order), autorange="reversed", title=None,
                     type="category")
    fig.update_xaxes(title="sentiment of the sentences that mention it (news score)", range=[-bound, bound])
    fig.update_layout(scattermode="group", scattergap=0.5)
    articles = shown["article"].nunique()
    return _layout(fig, title=title, height=_BASE_PX + int(_BAR_PX * len(order) * max(1.0, 0.3 * articles)),
                   legend=True, legend_rows=articles)


def timeline_chart(table: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Articles by publication date: how often each chosen entity or term is named (top) and the sentiment (news score) of the
    sentences that name it (below).

    ``table``: DataFrame[published, article, item, value, sentiment, sentences] as
    :func:`analysis.compare.timeline` returns. One marker per article and item, no line between them: the
    articles are separate stories, not a series. The sentiment axis is fixed at [-1, 1] around a zero line, so
    small differences are not blown up; an article that does not name the item has no sentiment marker.
    """
    from plotly.subplots import make_subplots

    _require(table, ["published", "article", "item", "value", "sentiment"], "timeline_chart")
    if table.empty:
        return _empty("No article has a publication date: set dates on the Library page.", title=title)
    items = list(dict.fromkeys(table["item"]))
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.1, row_heights=[0.5, 0.5])
    symbols = ("circle", "diamond", "square", "triangle-up", "x", "star")
    sentences = table["sentences"] if "sentences" in table else pd.Series(0, index=table.index)
    for k, item in enumerate(items):
        part = table[table["item"] == item]
        colour = ARTICLE_PALETTE[k % len(ARTICLE_PALETTE)]
        name = _plain([item])[0]
        custom = np.column_stack([np.array(_plain(part["article"]), dtype=object),
                                  sentences[part.index].to_numpy()]).astype(object)
        marker = {"size": 10, "color": colour, "symbol": symbols[k % len(symbols)],
                  "line": {"width": 1, "color": "#ffffff"}}
        fig.add_trace(
            go.Scatter(
                x=part["published"], y=part["value"], mode="markers", name=name, legendgroup=name, marker=marker,
                customdata=custom,
                hovertemplate="<b>" + name + "</b><br>%{customdata[0]}<br>%{x|%d %b %Y}: %{y:.1f} per 1,000 "
                              "words<extra></extra>",
            ),
            row=1, col=1,
        )
        toned = part[part["sentiment"].notna()]
        fig.add_trace(
            go.Scatter(
                x=toned["published"], y=toned["sentiment"], mode="markers", name=name, legendgroup=name,
                showlegend=False, marker=marker, customdata=custom[part["sentiment"].notna().to_numpy()],
                hovertemplate="<b>" + name + "</b><br>%{customdata[0]}<br>%{x|%d %b %Y}: sentiment %{y:+.2f} "
                              "over %{customdata[1]} sentences naming it<extra></extra>",
            ),
            row=2, col=1,
        )
    fig.update_yaxes(title="per 1,000 words", rangemode="tozero", row=1, col=1)
    fig.update_yaxes(title="sentiment of the sentences", range=[-1.05, 1.05], zeroline=True, zerolinecolor="#9e9e9e",
                     zerolinewidth=2, tickvals=[-1, -0.5, 0, 0.5, 1], row=2, col=1)
    fig.update_xaxes(title="published", row=2, col=1)
    return _layout(fig, title=title, height=460, legend=True, legend_rows=max(1, -(-len(items) // 3)))
