"""Archive page: open a folder written by `python -m analysis batch` (or ``$STORYSCOPE_ARCHIVE``) and explore
it: entities over time, term trends, sentiment by month and by source. Clicking a point lists the articles
behind it, and chosen ones can be added to the library to study on the Article and Compare pages.

Every number comes from DuckDB reading the output's Parquet files (``analysis.batch.query``), cached on the
folder's state; every chart has PNG, SVG, HTML and CSV downloads.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from analysis.errors import StoryscopeError
from dashboard import archive_charts, cached
from dashboard.components import chart_with_downloads, escape_markdown, table_with_download

ENTITY_TYPES = {"all types": None, "people": "person", "organisations": "organisation", "places": "place"}
VIEWS = ["Entities", "Terms", "Sentiment"]

st.title("Archive", anchor=False)
st.session_state.setdefault("archive_folder", os.environ.get("STORYSCOPE_ARCHIVE", ""))
st.text_input("Batch output folder", key="archive_folder", placeholder="e.g. /data/archive (made by "
              "`python -m analysis batch SOURCE... --out DIR`)",
              help="A folder written by the batch command. STORYSCOPE_ARCHIVE sets the one opened first.")
folder = st.session_state.archive_folder.strip()
if not folder:
    st.info("Name a folder written by `python -m analysis batch SOURCE... --out DIR` to explore it here.")
    st.stop()
folder = str(Path(folder).expanduser().resolve())
try:
    stamp = cached.archive_stamp(folder)
    summary = cached.archive_summary(folder, stamp)
except StoryscopeError as err:
    st.error(escape_markdown(str(err)))
    st.stop()

name = Path(folder).name
span = f"{summary['first_month']} to {summary['last_month']}" if summary["first_month"] else "no dates"
cols = st.columns(5)
cols[0].metric("Articles", f"{summary['articles']:,}")
cols[1].metric("Words", f"{summary['words']:,}")
cols[2].metric("Months", f"{summary['months']:,}", help=span)
cols[3].metric("Sources", f"{summary['sources']:,}")
cols[4].metric("Errors", f"{summary['errors']:,}", help="Sources and articles that could not be read: see the "
               "errors table in the folder.")
if not summary["articles"]:
    st.info("This archive holds no articles yet.")
    st.stop()

view = st.segmented_control("Show", VIEWS, default=VIEWS[0], key="archive_view") or VIEWS[0]
drill: dict | None = None


def picked(event) -> list | None:
    """The customdata of the point clicked in a chart, or None."""
    points = event.selection.points if event is not None else []
    return points[0].get("customdata") if points else None


if view == "Entities":
    left, right = st.columns([1, 3])
    top = left.slider("Entities", 3, 20, 8, key="archive_entity_top")
    kind = ENTITY_TYPES[left.radio("Type", list(ENTITY_TYPES), key="archive_entity_type")]
    table = cached.archive_entities(folder, stamp, top=top, by="month", type=kind)
    with right:
        event = chart_with_downloads(archive_charts.entity_trend_chart(table, title="Mentions per month"),
                                     table.drop(columns=["key"]), article=name, chart="entities-by-month",
                                     key="archive-entities", selectable=True)
        st.caption("Click a point to list the articles behind it.")
    point = picked(event)
    if point:
        drill = {"entity": point[2], "month": point[0], "label": f"“{point[2]}” in {point[0]}"}
elif view == "Terms":
    left, right = st.columns([1, 3])
    top = left.slider("Terms", 3, 20, 8, key="archive_term_top")
    table = cached.archive_terms(folder, stamp, top=top, by="month")
    with right:
        event = chart_with_downloads(archive_charts.term_trend_chart(table, title="Terms per 1,000 words"),
                                     table, article=name, chart="terms-by-month", key="archive-terms",
                                     selectable=True)
        st.caption("Click a point to list the articles behind it.")
    point = picked(event)
    if point:
        drill = {"term": point[1], "month": point[0], "label": f"“{point[1]}” in {point[0]}"}
else:
    by_month = cached.archive_sentiment(folder, stamp, by="month")
    event = chart_with_downloads(archive_charts.sentiment_month_chart(by_month, title="Sentiment by month"),
                                 by_month, article=name, chart="sentiment-by-month", key="archive-sentiment-month",
                                 selectable=True)
    by_source = cached.archive_sentiment(folder, stamp, by="source")
    event2 = chart_with_downloads(archive_charts.sentiment_source_chart(by_source, title="Sentiment by source"),
                                  by_source, article=name, chart="sentiment-by-source",
                                  key="archive-sentiment-source", selectable=True)
    st.caption("Click a bar to list its articles.")
    if (point := picked(event)):
        drill = {"month": point[0], "label": f"articles of {point[0]}"}
    elif (point := picked(event2)):
        drill = {"source": point[0], "label": f"articles of {point[0]}"}

# --- The articles behind a point ---------------------------------------------------------------------------
if drill:
    st.subheader(escape_markdown(f"Articles: {drill['label']}"), anchor=False)
    query = {k: v for k, v in drill.items() if k != "label"}
    found = cached.archive_articles(folder, stamp, **query, limit=200)
    if found.empty:
        st.info("No article found.")
    else:
        shown = found.drop(columns=["id", "origin"]).copy()
        pick = table_with_download(shown, article="archive", name=drill["label"], key="archive-articles",
                                   hide_index=True, on_select="rerun", selection_mode="multi-row", width="stretch")
        chosen = list(pick.selection.rows) if pick is not None else []
        label = f"Add {len(chosen)} to library" if chosen else "Add to library"
        if st.button(label, disabled=not chosen, type="primary", key="archive-add",
                     help="Copy the chosen articles (text, title, source, date) into the library, to study them "
                          "on the Article and Compare pages."):
            library = cached.current_library()
            ids = [found.iloc[row]["id"] for row in chosen]
            try:
                results = cached.archive(folder, stamp).add_to_library(library, ids)
            except (StoryscopeError, KeyError) as err:
                st.error(escape_markdown(f"The articles could not all be added ({err})."))
            else:
                for result in results:
                    if result.status == "duplicate":
                        st.info(escape_markdown(f"Already in the library: “{result.title}”."))
                    else:
                        st.success(escape_markdown(f"Added to the library: “{result.title}”."))
