"""Compare page: choose articles (all by default) and see how they differ.

A summary table, then tabs (only the open one runs): terms per 1,000 words side by side, each article's
distinctive terms (G2 and log ratio), sentiment arcs on a 0-100 % axis, entities across articles (one row per
entity whatever each article calls it, and how each article treats the ones they share), and a timeline of
dated articles. Every chart has PNG, SVG, HTML and CSV downloads. The user's entity merges and renames from
the Article page apply. With many articles the charts become heatmaps (one column per article) and draw
only the top terms and entities, so 200 articles stay readable and quick.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analysis.compare import G2_P01, MIN_DISTINCTIVE_COUNT, MIN_DISTINCTIVE_WORDS, too_short
from analysis.models import ENTITY_TYPES
from dashboard import cached, charts, report, tables
from dashboard.components import chart_with_downloads, escape_markdown, report_downloads, table_with_download

#: Significance thresholds offered for distinctive terms: G2 at least this (1 degree of freedom).
SIGNIFICANCE = {3.84: "p < 0.05 (G2 ≥ 3.84)", G2_P01: "p < 0.01 (G2 ≥ 6.63)", 10.83: "p < 0.001 (G2 ≥ 10.83)",
                15.13: "p < 0.0001 (G2 ≥ 15.13)"}
#: Most terms drawn side by side, and most articles given their own panel of distinctive terms.
MAX_TERMS_DRAWN = 30
MAX_PANELS = 6

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
               placeholder="Choose articles to compare", wrap=len(ids) <= 12)
chosen = [int(i) for i in st.session_state.compare_choice]
if not chosen:
    st.info("Choose at least one article.")
    st.stop()

include_boilerplate = bool(st.session_state.include_boilerplate)
rows = articles.set_index("id")
# Each article named by its id, a stamp of its metadata and its entity edits: the cache keys of every table.
keys = tuple((i, cached.row_stamp(rows.loc[i]), cached.edit_keys(library.entity_edits(i))) for i in chosen)
options = {"include_boilerplate": include_boilerplate}
compared = cached.compared_analyses(folder, keys, **options)
for article_id, why in compared.left_out:
    st.warning(escape_markdown(f"{labels.get(article_id, article_id)} is left out: {why}"))
if not compared.analyses:
    st.stop()
count = len(compared.analyses)
many = count > charts.MANY_ARTICLES
name = f"comparison of {count} articles"

# --- Summary -------------------------------------------------------------------------------------------
st.subheader("Summary", anchor=False)
summary = cached.compare_summary(folder, keys, **options)
article_names = list(summary["article"])  # the labels every chart and table uses
# One colour per article, from its library id: the same on every chart, kept when the selection changes.
colours = charts.article_colours(compared.ids, article_names)
subject = charts.articles_subject(article_names, [a.article.source for a in compared.analyses])
table_with_download(
    summary, article=name, name="summary", key="compare_summary", hide_index=True,
    column_config={
        "article": st.column_config.TextColumn("article", width="large"),
        "sentiment": st.column_config.NumberColumn(format="%+.2f", help="The news score, word-weighted mean, [-1, 1]"),
        "polarity": st.column_config.NumberColumn(format="%+.2f", help="TextBlob, word-weighted mean, [-1, 1]"),
        "subjectivity": st.column_config.NumberColumn(format="%.2f", help="TextBlob, [0 factual, 1 opinion]"),
        "vader": st.column_config.NumberColumn("VADER", format="%+.2f", help="VADER compound, word-weighted mean"),
        "lexical_density": st.column_config.NumberColumn(
            "lexical density", format="%.2f",
            help="Content words (not stop words or numbers) / all words, within [0, 1]: higher is denser prose"),
        "entities": st.column_config.NumberColumn("entities", help="Distinct people, organisations and places"),
        "words": st.column_config.NumberColumn("words", help="Word tokens in the analysed paragraphs"),
        "paragraphs": st.column_config.NumberColumn(
            "paragraphs analysed", help="Paragraphs the figures use: bylines, licence notices and link lists are "
            "left out (the Article page also counts every block)"),
    },
)
if many:
    st.caption(f"With more than {charts.MANY_ARTICLES} articles the charts are heatmaps with one column per "
               "article: hover a column to see its title.")



def _page_report() -> report.Report:
    """This page as a report, with the options as they are set now (the tabs' defaults where never opened)."""
    state = st.session_state
    options = report.CompareOptions(
        include_boilerplate=include_boilerplate, top_terms=int(state.get("compare_top", 10)),
        min_g2=float(state.get("distinctive_threshold", G2_P01)),
        distinctive_per_article=int(state.get("distinctive_top", 10)), arc_score=state.get("arc_score") or "sentiment",
        entity_types=tuple(state["compare_entity_types"]) if state.get("compare_entity_types") is not None else None,
        top_entities=int(state.get("compare_entity_top", 20)),
        timeline_items=tuple(state["timeline_items"]) if state.get("timeline_items") is not None else None,
    )
    return report.comparison_report(compared.analyses, ids=compared.ids, options=options,
                                    edits=[library.entity_edits(i) for i in compared.ids])


report_downloads(_page_report, kind="comparison", subjects=report.comparison_subjects(article_names), key="compare")

terms_tab, distinctive_tab, sentiment_tab, entities_tab, time_tab = st.tabs(
    ["Terms", "Distinctive terms", "Sentiment", "Entities", "Over time"], key="compare_tab", on_change="rerun", bind="query-params"
)
needs_two = "Choose at least two articles to compare this."


def names_across(table: pd.DataFrame) -> pd.DataFrame:
    """One row per entity of a shared-entities table: its name, type, other names, articles and mentions."""
    names = table.groupby("entity", sort=False).agg(
        name=("name", "first"), type=("type", "first"), aliases=("aliases", "first"),
        articles=("articles", "first"), mentions=("mentions", "sum"),
    )
    return names.assign(aliases=names["aliases"].map("; ".join)).reset_index(drop=True)


# --- Terms side by side --------------------------------------------------------------------------------
if terms_tab.open:
    with terms_tab:
        top = st.slider("Top terms from each article", 3, 30, 10, key="compare_top", bind="query-params",
                        help="The chart shows the union of each article's most frequent terms.")
        side_by_side = cached.compare_terms(folder, keys, top=top, **options)
        union = side_by_side["term"].nunique()
        shown_terms = list(dict.fromkeys(side_by_side["term"]))[:MAX_TERMS_DRAWN]
        drawn = side_by_side[side_by_side["term"].isin(shown_terms)].reset_index(drop=True)
        title = "Terms per 1,000 words, side by side"
        figure = (charts.compare_terms_heatmap(drawn, title=title) if many
                  else charts.compare_terms_chart(drawn, title=title, colours=colours))
        chart_with_downloads(figure, drawn, article=name, chart="terms-per-1000", key="compare_terms",
                             subject=subject)
        if union > len(shown_terms):
            st.caption(f"The {len(shown_terms)} terms with the highest rate in any article, of the {union} "
                       f"in the union of each article's top {top}.")

# --- Distinctive terms ---------------------------------------------------------------------------------
if distinctive_tab.open:
    with distinctive_tab:
        if count < 2:
            st.info(needs_two)
        else:
            st.caption("Each article against all the others together: log-likelihood G2 says how sure the "
                       "difference is, the log ratio how big (1 = twice as often, 2 = four times). A term needs "
                       f"at least {MIN_DISTINCTIVE_COUNT} uses in its article to count as evidence.")
            with st.container(horizontal=True, vertical_alignment="bottom"):
                min_g2 = st.selectbox("Significance", list(SIGNIFICANCE), index=1, format_func=SIGNIFICANCE.get,
                                      key="distinctive_threshold", bind="query-params")
                per_article = st.slider("Terms per article", 3, 30, 10, key="distinctive_top", bind="query-params")
            distinctive = cached.compare_distinctive(folder, keys, min_g2=min_g2, top=per_article, **options)
            for label, words in too_short(compared.analyses):
                st.info(escape_markdown(f"“{label}” has {words} analysed words: too short to have distinctive terms "
                                        f"(a text needs {MIN_DISTINCTIVE_WORDS} words, a term {MIN_DISTINCTIVE_COUNT} "
                                        "uses). It still counts in the others' reference."))
            for pair in cached.compare_near_duplicates(folder, keys, **options).itertuples(index=False):
                st.warning(escape_markdown(
                    f"“{pair.first}” and “{pair.second}” are near-duplicates: about {pair.similarity:.0%} of their "
                    "three-word sequences are the same (the same story re-headlined or re-run). Against each other "
                    "they share their words, so neither has distinctive terms from the other; compare each with "
                    "different stories, or keep one."), icon=":material/content_copy:")
            panels = article_names
            if count > MAX_PANELS:
                panels = st.multiselect("Articles to chart", article_names, default=article_names[:4],
                                        max_selections=MAX_PANELS, help=f"Up to {MAX_PANELS} panels; the table "
                                        "below lists every article's terms.")
            drawn = distinctive[distinctive["article"].isin(panels)].reset_index(drop=True)
            chart_with_downloads(
                charts.distinctive_terms_chart(drawn, articles=panels, title="Distinctive terms of each article"),
                drawn, article=name, chart="distinctive-terms", key="compare_distinctive", subject=subject,
            )
            table_with_download(
                distinctive, article=name, name="distinctive-terms-table", key="distinctive_table", hide_index=True,
                column_config={
                    "article": st.column_config.TextColumn("article", width="medium"),
                    "count": st.column_config.NumberColumn(
                        "count", help=f"Times in this article (at least {MIN_DISTINCTIVE_COUNT} to be distinctive)"),
                    "reference_count": st.column_config.NumberColumn("in the others",
                                                                     help="Times in all the other articles"),
                    "g2": st.column_config.NumberColumn("G2", format="%.1f",
                                                        help="Log-likelihood: ≥ 6.63 is p < 0.01"),
                    "log_ratio": st.column_config.NumberColumn("log ratio", format="%.2f",
                                                               help="log2 of the ratio of rates: 1 = twice as often"),
                },
            )

# --- Sentiment arcs ------------------------------------------------------------------------------------
if sentiment_tab.open:
    with sentiment_tab:
        score = st.segmented_control("Score", list(charts.ARC_SCORES), default="sentiment", required=True,
                                     format_func={"sentiment": "Sentiment (news score)", "polarity": "TextBlob polarity",
                                                  "vader": "VADER"}.get,
                                     key="arc_score", bind="query-params")
        arcs = cached.compare_arcs(folder, keys, **options)
        title = "Sentiment arcs: paragraph by paragraph, start to end"
        if many:
            binned = charts.arc_bins(arcs, bins=10, score=score)
            figure = charts.sentiment_arcs_heatmap(binned, articles=article_names, title=title,
                                                   score_label=charts.SCORE_LABELS[score])
            data = binned.rename(columns={"mean": f"mean_{score}"})
        else:
            figure, data = charts.sentiment_arcs_chart(arcs, score=score, title=title, colours=colours), arcs
        chart_with_downloads(figure, data, article=name, chart="sentiment-arcs", key="compare_arcs", subject=subject)
        st.caption("Each article's analysed paragraphs spread from 0 % (its first) to 100 % (its last), so long "
                   "and short articles line up." + (" Each cell is the mean over a tenth of the article." if many
                                                   else ""))

# --- Entities ------------------------------------------------------------------------------------------
if entities_tab.open:
    with entities_tab:
        entities = cached.compare_entities(folder, keys, **options)
        present = [t for t in ENTITY_TYPES if t in set(entities["type"])]
        with st.container(horizontal=True, vertical_alignment="bottom"):
            types = st.pills("Types", present, default=present, selection_mode="multi", key="compare_entity_types")
            top_entities = st.slider("Number of entities", 5, 50, 20, step=5, key="compare_entity_top", bind="query-params")
        entities = entities[entities["type"].isin(types)]
        top_ids = list(dict.fromkeys(entities["entity"]))[:top_entities]
        shown = entities[entities["entity"].isin(top_ids)].reset_index(drop=True)
        chart_with_downloads(
            charts.entity_heatmap(shown, articles=article_names, title="Entities: mentions per 1,000 words"),
            shown, article=name, chart="entities", key="compare_entities", subject=subject,
        )
        st.caption("One row per entity whatever each article calls it: names are linked when an article gives "
                   "them as aliases. Entities named in the most articles first.")
        with st.expander("Names across articles"):
            table_with_download(names_across(shown), article=name, name="entity-names", key="compare_entity_names",
                                hide_index=True)

        st.subheader("How each article treats the same entities", anchor=False)
        if count < 2:
            st.info(needs_two)
        else:
            shared = entities[entities["articles"] >= 2]
            shared_ids = list(dict.fromkeys(shared["entity"]))[:top_entities]
            treated = shared[shared["entity"].isin(shared_ids)].reset_index(drop=True)
            title = "Sentiment of the sentences that mention each entity"
            figure = (charts.entity_polarity_heatmap(treated, articles=article_names, title=title) if many
                      else charts.entity_polarity_dots(treated, title=title, colours=colours))
            chart_with_downloads(figure, treated, article=name, chart="entity-polarity", key="compare_treatment",
                                 subject=subject)
            st.caption("Entities found in two or more of the articles. The news score of the sentences naming the "
                       "entity, within [-1, 1]: above 0 they read positive, below 0 negative.")

# --- Over time -----------------------------------------------------------------------------------------
if time_tab.open:
    with time_tab:
        dated = int(summary["published"].notna().sum())
        if dated < 2:
            st.info(f"A timeline needs two or more articles with a publication date; {dated} of these "
                    f"{'has' if dated == 1 else 'have'} one. Set dates on the Library page.")
        else:
            entities = cached.compare_entities(folder, keys, **options)
            by_spread = entities.drop_duplicates("entity")
            names = list(by_spread["name"].head(30))
            terms = [t for t in dict.fromkeys(cached.compare_terms(folder, keys, top=5, **options)["term"])
                     if t not in {n.lower() for n in names}][:30]
            default = list(by_spread[by_spread["articles"] >= 2]["name"].head(3)) or terms[:3]
            items = st.multiselect("Entities or terms", names + terms, default=default, accept_new_options=True,
                                   help="Entities (any of their names) or words; type to add another.",
                                   placeholder="Choose or type entities or terms", key="timeline_items")
            line = cached.compare_timeline(folder, keys, items=tuple(items), **options)
            chart_with_downloads(
                charts.timeline_chart(line, title="Over time: how often each is named, and the tone around it"),
                line, article=name, chart="timeline", key="compare_timeline", subject=subject,
            )
            st.caption("Top: mentions per 1,000 words in each dated article. Below: the mean sentiment (news score) "
                       "of the sentences that name it, on a fixed −1…1 axis. One marker per article: they are separate "
                       "stories, so no line joins them.")
            if dated < count:
                st.caption(f"{count - dated} of the articles have no publication date and are left out.")
