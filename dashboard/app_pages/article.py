"""Article page: one article's header, then its Terms, Sentiment and Entities in tabs.

Tabs are lazy (only the open one runs). Every chart has PNG, SVG, HTML and CSV downloads.
"""

from __future__ import annotations

import streamlit as st

from analysis.nlp.entities import EntityEdit
from analysis.errors import StoryscopeError
from analysis.models import ENTITY_TYPES
from analysis.nlp.news_sentiment import agreement
from analysis.nlp.sentiment import NEWS_NEUTRAL
from dashboard import cached, charts, report, tables
from dashboard.components import (
    chart_with_downloads,
    escape_markdown,
    polarity_colour,
    report_downloads,
    table_with_download,
)

library = cached.current_library()
folder = cached.data_folder()
articles = library.list_articles()
if articles.empty:
    st.info("The library is empty. Add an article on the Library page.")
    st.stop()

# --- Which article -------------------------------------------------------------------------------------
labels = tables.article_labels(articles)
ids = list(labels)
if st.session_state.article_id not in ids:
    st.session_state.article_id = tables.default_article_id(articles)
st.session_state.article_choice = st.session_state.article_id


def _remember_choice() -> None:
    st.session_state.article_id = st.session_state.article_choice


st.selectbox("Article", ids, key="article_choice", format_func=labels.get, on_change=_remember_choice)
article_id = int(st.session_state.article_id)
row = articles.set_index("id").loc[article_id]
stamp = cached.row_stamp(row)
include_boilerplate = bool(st.session_state.include_boilerplate)
edits = cached.edit_keys(library.entity_edits(article_id))
try:
    result = cached.article_analysis(
        folder, article_id, stamp, include_boilerplate=include_boilerplate, edits=edits
    )
except StoryscopeError as err:
    st.error(escape_markdown(str(err)))
    st.stop()
article = result.article
title = article.title or labels[article_id]

# --- Header --------------------------------------------------------------------------------------------
st.title(escape_markdown(title), anchor=False)
facts = [
    article.source or "source unknown",
    article.published.isoformat() if article.published else "date unknown",
    ", ".join(article.authors) if article.authors else "authors unknown",
    f"language: {article.language}",
]
st.caption(escape_markdown(" · ".join(facts)))
subject = report.article_subject(article)  # named under the title of every downloaded chart
summary = result.sentiment_summary
analysed = int(result.sentiment["included"].sum())
with st.container(horizontal=True):
    st.metric("Words", f"{result.word_count:,}", border=True,
              help="Word tokens in the analysed paragraphs: the denominator of every “per 1,000 words”.")
    st.metric("Paragraphs analysed", f"{analysed} of {len(article.paragraphs)}", border=True,
              help=f"{analysed} paragraphs are analysed (the Compare page's count); {len(article.paragraphs)} is "
                   "every block of the article, bylines and notices included.")
    if summary.available:
        st.metric("Sentiment", f"{summary.sentiment:+.2f}", border=True,
                  help="The news score (VADER's rules read as news, names left out), word-weighted mean over the "
                       "analysed paragraphs, within [-1, 1].")
        st.metric("Polarity (TextBlob)", f"{summary.polarity:+.2f}", border=True,
                  help="Word-weighted mean over the analysed paragraphs, within [-1, 1].")
        st.metric("Subjectivity (TextBlob)", f"{summary.subjectivity:.2f}", border=True,
                  help="Word-weighted mean, within [0 (factual), 1 (opinion)].")
        st.metric("VADER", f"{summary.vader:+.2f}", border=True,
                  help="VADER compound score, word-weighted mean, within [-1, 1].")
        st.metric("Disagreements", summary.disagreements, border=True,
                  help="Paragraphs where the news score and TextBlob lean opposite ways.")
if summary.available:
    st.caption(tables.sentiment_explanation(agreement()))
if not summary.available:
    st.info(escape_markdown(summary.reason or "Sentiment is not available for this article."))


def _page_report() -> report.Report:
    """This page as a report, with the options as they are set now (the tabs' defaults where never opened)."""
    state = st.session_state
    words = state.get("terms_stopwords", "")
    options = report.ArticleOptions(
        include_boilerplate=include_boilerplate, lemmatize=bool(state.get("terms_lemmas", False)),
        bigrams=bool(state.get("terms_bigrams", False)),
        extra_stopwords=tuple(sorted({w.strip().lower() for w in words.replace(",", " ").split() if w.strip()})),
        top_terms=int(state.get("terms_top", 20)),
        entity_types=tuple(state["entity_types"]) if state.get("entity_types") is not None else None,
        top_entities=int(state.get("entity_top", 25)),
    )
    return report.article_report(result, options=options, edits=edits)


report_downloads(_page_report, kind="article", subjects=[title], key="article")

terms_tab, sentiment_tab, entities_tab = st.tabs(
    ["Terms", "Sentiment", "Entities"], key="article_tab", on_change="rerun", bind="query-params"
)

# --- Terms ---------------------------------------------------------------------------------------------
if terms_tab.open:
    with terms_tab:
        with st.container(horizontal=True, vertical_alignment="bottom"):
            top = st.slider("Number of terms", min_value=5, max_value=50, value=20, step=5, key="terms_top", bind="query-params")
            lemmatize = st.toggle("Lemmas", key="terms_lemmas", bind="query-params",
                                  help="Count word forms together under their dictionary form (says, said → say).")
            bigrams = st.toggle("Two-word phrases", key="terms_bigrams", bind="query-params",
                                help="Count pairs of words that follow each other (bigrams) instead of single words.")
            names_as_terms = st.toggle("Names as one term", value=True, key="terms_names", disabled=bigrams,
                                       bind="query-params",
                                       help="Count a name of several words (El Salvador) as one term; "
                                            "off: single words only.")
        extra = st.text_input("Extra stopwords", key="terms_stopwords", bind="query-params", placeholder="e.g. said, according",
                              help="Words to leave out, separated by commas or spaces.")
        extra_stopwords = tuple(sorted({w.strip().lower() for w in extra.replace(",", " ").split() if w.strip()}))
        terms = cached.term_table(
            folder, article_id, stamp, n=2 if bigrams else 1, lemmatize=lemmatize,
            extra_stopwords=extra_stopwords, include_boilerplate=include_boilerplate, names_as_terms=names_as_terms,
        )
        shown = terms.head(top).reset_index(drop=True)
        chart_with_downloads(
            charts.term_bar_chart(shown, title=f"Top {len(shown)} {'phrases' if bigrams else 'terms'}"),
            shown, article=title, chart="bigrams" if bigrams else "terms", key="terms", subject=subject,
        )

        st.subheader("Keyword in context", anchor=False)
        with st.container(horizontal=True):
            picked = st.selectbox("Term", list(terms["term"]), help="Any term of the article, most frequent first.")
            typed = st.text_input("Or type a word or phrase", key="kwic_typed")
        term = typed.strip() or picked
        if term:
            lines = cached.keyword_lines(folder, article_id, stamp, term, lemmatize=lemmatize,
                                         include_boilerplate=include_boilerplate)
            if lines.empty:
                st.caption(escape_markdown(f"“{term}” does not occur in the analysed paragraphs."))
            else:
                st.caption(f"{len(lines)} occurrence{'s' if len(lines) != 1 else ''}")
                table_with_download(
                    lines.assign(paragraph=lines["paragraph"] + 1), article=title, name=f"lines-{term}",
                    key="keyword_lines", hide_index=True,
                    # the term is pinned at the left, so a phone shows it whatever the width of its context
                    column_order=["keyword", "left", "right", "paragraph"],
                    column_config={
                        "paragraph": st.column_config.NumberColumn("¶", width="small",
                                                                   help="The paragraph's number in the article"),
                        "left": st.column_config.TextColumn("before", width="large", alignment="right",
                                                            help="The words before it, cut at a word boundary"),
                        "keyword": st.column_config.TextColumn("term", width="small", pinned=True,
                                                               help="The term as written in the text"),
                        "right": st.column_config.TextColumn("after", width="large",
                                                             help="The words after it, cut at a word boundary"),
                    },
                )

# --- Sentiment -----------------------------------------------------------------------------------------
if sentiment_tab.open:
    with sentiment_tab:
        sentiment = result.sentiment
        chart_with_downloads(
            charts.sentiment_chart(sentiment, title="Sentiment paragraph by paragraph"),
            tables.sentiment_download(sentiment), article=title, chart="sentiment", key="sentiment", subject=subject,
        )
        if not include_boilerplate and not sentiment["included"].all():
            st.caption(
                "Grey hatched bars are bylines and boilerplate, left out of the article's figures. "
                "Switch on *Include bylines and boilerplate* in the sidebar to count them."
            )

        st.subheader("Paragraphs", anchor=False)
        st.caption("Each paragraph coloured by its sentiment (the news score): green positive, red negative, "
                   "grey neutral.")
        only_disagreements = st.toggle("Only paragraphs where the news score and TextBlob disagree",
                                       key="only_disagree")
        paragraphs = tables.paragraph_table(article, sentiment)
        if only_disagreements:
            paragraphs = paragraphs[paragraphs["disagree"]]
        for p in paragraphs.itertuples(index=False):
            with st.container(border=True):
                with st.container(horizontal=True, gap="small"):
                    st.badge(f"¶ {p.paragraph}", color="gray")
                    st.badge(p.kind if p.included else f"{p.kind} · left out", color="gray" if p.included else "violet")
                    if p.polarity == p.polarity:  # not NaN
                        st.badge(f"sentiment {p.sentiment:+.2f}",
                                 color=polarity_colour(p.sentiment, neutral=NEWS_NEUTRAL))
                        st.badge(f"polarity {p.polarity:+.2f}", color=polarity_colour(p.polarity))
                        st.badge(f"subjectivity {p.subjectivity:.2f}", color="blue")
                        st.badge(f"VADER {p.vader:+.2f}", color=polarity_colour(p.vader))
                    if p.disagree:
                        st.badge("news score and TextBlob disagree", icon=":material/warning:", color="orange")
                colour = polarity_colour(p.sentiment, neutral=NEWS_NEUTRAL) if p.included else "gray"
                st.markdown(f":{colour}[{escape_markdown(p.text)}]")

# --- Entities ------------------------------------------------------------------------------------------
if entities_tab.open:
    with entities_tab:
        entity_table = result.entities.table
        mentions = result.entities.mentions
        present = [t for t in ENTITY_TYPES if t in set(entity_table["type"])]
        chosen_types = st.pills("Types", present, default=present, selection_mode="multi", key="entity_types")
        top_entities = st.slider("Number of entities", 5, 60, 25, step=5, key="entity_top", bind="query-params")
        shown = entity_table[entity_table["type"].isin(chosen_types)].head(top_entities).reset_index(drop=True)
        shown_mentions = mentions[mentions["name"].isin(shown["name"])].reset_index(drop=True)

        chart_with_downloads(
            charts.entity_mentions_chart(shown, title="Mentions per entity"),
            tables.alias_table(shown), article=title, chart="entity-mentions", key="entities", subject=subject,
        )
        chart_with_downloads(
            charts.entity_dispersion_chart(shown_mentions, paragraph_count=len(article.paragraphs),
                                           order=list(shown["name"]), title="Where each entity is mentioned"),
            shown_mentions.assign(paragraph=shown_mentions["paragraph"] + 1),
            article=title, chart="entity-dispersion", key="dispersion", subject=subject,
        )

        st.subheader("Sentiment toward each entity", anchor=False)
        st.caption("The news score of the sentences that mention each entity (word-weighted mean), not of whole "
                   "paragraphs.")
        toward = cached.entity_sentiment(folder, article_id, stamp, include_boilerplate=include_boilerplate,
                                         edits=edits)
        table_with_download(
            tables.entity_sentiment_table(shown, toward), article=title, name="entity-sentiment",
            key="entity_sentiment", hide_index=True,
            column_config={"sentiment": st.column_config.NumberColumn(format="%+.2f", help="within [-1, 1]")},
        )

        st.subheader("Names and aliases", anchor=False)
        table_with_download(tables.alias_table(shown), article=title, name="names-and-aliases", key="aliases",
                     hide_index=True,
                     column_config={
                         "name": st.column_config.TextColumn("name", help="The fullest name the article uses"),
                         "type": st.column_config.TextColumn("type", help="Person, organisation, place or other"),
                         "mentions": st.column_config.NumberColumn(
                             "mentions", help="Every mention, under any of its names"),
                         "aliases": st.column_config.TextColumn("aliases", help="The other names it goes by here"),
                         "paragraphs": st.column_config.TextColumn(
                             "paragraphs (¶)", help="The paragraphs that mention it, numbered from 1"),
                     })

        st.subheader("Correct the entities", anchor=False)
        st.caption("Corrections are kept in the library and apply everywhere: the Compare page, the downloads "
                   "and the command line.")
        names = list(entity_table["name"])

        def _correct(edit: EntityEdit, *cleared: str) -> None:
            library.add_entity_edit(article_id, edit)
            for key in cleared:  # a callback runs before the page: the choices can be emptied for the next one
                st.session_state[key] = None

        def _undo(position: int) -> None:
            library.remove_entity_edit(article_id, position)

        merge_col, rename_col = st.columns(2)
        with merge_col, st.container(border=True):
            st.markdown("**Merge two entities** (one thing under two names)")
            fold = st.selectbox("Merge this entity", names, index=None, key="merge_from",
                                placeholder="The entity that goes")
            keep = st.selectbox("into this one (its name is kept)", names, index=None, key="merge_into",
                                placeholder="The entity that stays")
            ready = bool(fold and keep and fold != keep)
            st.button(escape_markdown(EntityEdit("merge", fold, keep).describe()) if ready else "Merge",
                      key="merge_go", disabled=not ready, on_click=_correct,
                      args=(EntityEdit("merge", fold or "", keep or ""), "merge_from", "merge_into"))
        with rename_col, st.container(border=True):
            st.markdown("**Rename an entity**")
            old = st.selectbox("Entity to rename", names, index=None, key="rename_from", placeholder="Entity")
            new = st.text_input("New name", key="rename_to").strip()
            ready = bool(old and new and new != old)
            st.button(escape_markdown(EntityEdit("rename", old, new).describe()) if ready else "Rename",
                      key="rename_go", disabled=not ready, on_click=_correct,
                      args=(EntityEdit("rename", old or "", new), "rename_from"))
        type_col, remove_col = st.columns(2)
        with type_col, st.container(border=True):
            st.markdown("**Change an entity's type**")
            typed = st.selectbox("Entity", names, index=None, key="retype_entity", placeholder="Entity")
            current = entity_table.loc[entity_table["name"] == typed, "type"].iloc[0] if typed else None
            new_type = st.selectbox("Type", [t for t in ENTITY_TYPES if t != current], index=None, key="retype_to",
                                    placeholder="New type")
            ready = bool(typed and new_type)
            st.button(escape_markdown(EntityEdit("retype", typed, new_type).describe()) if ready else "Change type",
                      key="retype_go", disabled=not ready, on_click=_correct,
                      args=(EntityEdit("retype", typed or "", new_type or ""), "retype_entity", "retype_to"))
        with remove_col, st.container(border=True):
            st.markdown("**Remove what is not an entity**")
            gone = st.selectbox("Not an entity", names, index=None, key="remove_entity", placeholder="Entity")
            st.button(escape_markdown(EntityEdit("remove", gone).describe()) if gone else "Remove",
                      key="remove_go", disabled=not gone, on_click=_correct,
                      args=(EntityEdit("remove", gone or ""), "remove_entity"))
        if edits:
            st.markdown("**Corrections so far, oldest first**")
            for position, edit in enumerate(EntityEdit(*e) for e in edits):
                with st.container(horizontal=True, vertical_alignment="center"):
                    st.markdown(f"{position + 1}. {escape_markdown(edit.describe())}")
                    st.button("Undo", key=f"undo_edit_{position}", on_click=_undo, args=(position,),
                              help="Undo this correction only; the others stay.")
            if st.button("Undo all corrections", key="clear_edits"):
                library.clear_entity_edits(article_id)
                st.rerun()
