"""Compare page: choose articles (all by default) and see how their figures and terms differ.

First version (issue 4): a summary table and terms per 1,000 words side by side. Each further view of
issue 5 (distinctive terms, sentiment arcs, entity heatmap, shared entities, timeline) is one more section
below, fed by the same ``analyses`` list and drawn with ``chart_with_downloads``.
"""

from __future__ import annotations

import streamlit as st

from analysis.compare import comparison_summary, terms_side_by_side
from analysis.errors import StoryscopeError
from dashboard import cached, charts, tables
from dashboard.components import chart_with_downloads, escape_markdown

library = cached.current_library()
folder = cached.data_folder()
articles = library.list_articles()

st.title("Compare articles", anchor=False)
if articles.empty:
    st.info("The library is empty. Add articles on the Library page.")
    st.stop()

# --- Which articles ------------------------------------------------------------------------------------
labels = tables.article_labels(articles)
ids = list(labels)
remembered = st.session_state.compare_ids
st.session_state.compare_choice = [i for i in remembered if i in ids] if remembered is not None else ids


def _remember_choice() -> None:
    st.session_state.compare_ids = list(st.session_state.compare_choice)


st.multiselect("Articles", ids, key="compare_choice", format_func=labels.get, on_change=_remember_choice,
               placeholder="Choose articles to compare")
chosen = [int(i) for i in st.session_state.compare_choice]
if not chosen:
    st.info("Choose at least one article.")
    st.stop()

include_boilerplate = bool(st.session_state.include_boilerplate)
rows = articles.set_index("id")
analyses = []
for i in chosen:
    try:
        analyses.append(cached.article_analysis(
            folder, i, cached.row_stamp(rows.loc[i]), include_boilerplate=include_boilerplate,
            edits=cached.edit_keys(library.entity_edits(i)),
        ))
    except StoryscopeError as err:
        st.warning(escape_markdown(f"{labels[i]} is left out: {err}"))
if not analyses:
    st.stop()
name = f"comparison of {len(analyses)} articles"

# --- Summary -------------------------------------------------------------------------------------------
st.subheader("Summary", anchor=False)
summary = comparison_summary(analyses)
st.dataframe(
    summary, hide_index=True,
    column_config={
        "polarity": st.column_config.NumberColumn(format="%+.2f"),
        "subjectivity": st.column_config.NumberColumn(format="%.2f"),
        "vader": st.column_config.NumberColumn("VADER", format="%+.2f"),
        "lexical_density": st.column_config.NumberColumn("lexical density", format="%.2f",
                                                         help="Content words / all words"),
    },
)

# --- Terms side by side --------------------------------------------------------------------------------
st.subheader("Terms per 1,000 words", anchor=False)
top = st.slider("Top terms from each article", 3, 30, 10, key="compare_top")
side_by_side = terms_side_by_side(analyses, top=top)
chart_with_downloads(
    charts.compare_terms_chart(side_by_side, title="Terms per 1,000 words, side by side"),
    side_by_side, article=name, chart="terms-per-1000", key="compare_terms",
)
