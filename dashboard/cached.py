"""The one place where the dashboard caches work: every ``st.cache_data`` / ``st.cache_resource`` lives here.

Caches are keyed on content or ids, never on Streamlit objects: an article is named by its library folder,
its id and a *stamp* (a hash of its library row: title, source, date, word count ...), so editing an
article's metadata makes a fresh entry, and a rerun reuses the old one. Uploaded files reach the library as
``getvalue()`` bytes. The :class:`analysis.store.library.Library` itself is a process-wide resource: it keeps the
analyses in SQLite, so a restart does not re-analyse either.

Each function logs one INFO line when it actually computes (a cache miss), which is how
``benchmarks/bench_dashboard.py`` shows that a rerun re-analyses nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.logger import get_logger

from analysis.pipeline import Analysis
from dashboard import exports

log = get_logger("storyscope.dashboard")

#: One user's merge or rename, as plain values (hashable, picklable): (action, a, b).
EditKey = tuple[str, str, str]


@st.cache_resource(show_spinner="Opening the library…")
def library(folder: str):
    """The article library stored in ``folder`` (created, with the seeds, on first use); one per process."""
    from analysis.store.library import Library

    log.info("Opening the library in %s", folder)
    return Library(Path(folder))


@st.cache_resource(show_spinner=False)
def upload_worker():
    """The process that reads and analyses uploads (``dashboard.uploads``), one for the server's life."""
    from dashboard import uploads

    log.info("Starting the upload worker process")
    return uploads.worker_pool()


def data_folder() -> str:
    """The library folder: ``$STORYSCOPE_DATA`` or the project's ``data/`` (analysis.store.library.data_dir)."""
    from analysis.store.library import data_dir

    return str(data_dir())


def current_library():
    """The library for this process's data folder."""
    return library(data_folder())


def row_stamp(row: pd.Series | dict) -> str:
    """A short hash of an article's library row (every column): changes whenever its metadata does."""
    values = {str(k): str(v) for k, v in dict(row).items()}
    return hashlib.sha256(json.dumps(values, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def edit_keys(edits) -> tuple[EditKey, ...]:
    """The user's entity edits (``EntityEdit`` records) as a tuple of plain (action, a, b) triples."""
    return tuple((e.action, e.a, e.b) for e in edits)


def article_analysis(
    folder: str, article_id: int, stamp: str, *, include_boilerplate: bool = False, edits: tuple[EditKey, ...] = ()
) -> Analysis:
    """The article's analysis as :meth:`analysis.store.library.Library.analyses` serves it: the stored
    metadata, the user's entity corrections applied.

    With default options it comes from the library's cache (computed once per article and analyser version);
    with ``include_boilerplate`` the article is analysed again, bylines and notices included. ``stamp`` is
    :func:`row_stamp` of the article's row and ``edits`` its :func:`edit_keys`: they only key this cache, so
    an edit of the metadata or of the entities is never served stale.
    """
    # One positional call shape, so every caller hits the same cache entry.
    return _article_analysis(folder, int(article_id), stamp, bool(include_boilerplate), tuple(edits))


@st.cache_data(show_spinner=False, max_entries=256)
def entity_sentiment(
    folder: str, article_id: int, stamp: str, *, include_boilerplate: bool = False, edits: tuple[EditKey, ...] = ()
) -> pd.DataFrame:
    """:func:`analysis.nlp.sentiment.entity_sentiment` of the article's analysis (with the user's edits):
    DataFrame[name, type, sentences, sentiment]."""
    from analysis.nlp.sentiment import entity_sentiment as sentences_toward

    result = article_analysis(folder, article_id, stamp, include_boilerplate=include_boilerplate, edits=edits)
    return sentences_toward(result.article, result.entities.mentions)


@st.cache_data(show_spinner="Analysing the article…", max_entries=512)
def _article_analysis(
    folder: str, article_id: int, stamp: str, include_boilerplate: bool, edits: tuple[EditKey, ...]
) -> Analysis:
    log.info("Loading the analysis of article %s (include_boilerplate=%s)", article_id, include_boilerplate)
    return library(folder).analysis(article_id, include_boilerplate=include_boilerplate)


@st.cache_data(show_spinner=False, max_entries=512)
def term_table(
    folder: str,
    article_id: int,
    stamp: str,
    *,
    n: int = 1,
    lemmatize: bool = False,
    extra_stopwords: tuple[str, ...] = (),
    include_boilerplate: bool = False,
    names_as_terms: bool = True,
) -> pd.DataFrame:
    """DataFrame[term, count, per_1000] of the article with these options (see analysis.nlp.terms.term_frequencies).

    ``names_as_terms``: a name of several words found by the entity pass is one term ("el salvador")."""
    from analysis.nlp.terms import term_frequencies

    log.info("Counting terms of article %s (n=%s, lemmatize=%s)", article_id, n, lemmatize)
    result = article_analysis(folder, article_id, stamp)
    mentions = result.entities.mentions
    names = zip(mentions["paragraph"].tolist(), mentions["start"].tolist(), mentions["end"].tolist())
    return term_frequencies(
        result.article, n=n, lemmatize=lemmatize, extra_stopwords=extra_stopwords,
        include_boilerplate=include_boilerplate, names=names if names_as_terms else None,
    )


@st.cache_data(show_spinner=False, max_entries=256)
def keyword_lines(
    folder: str, article_id: int, stamp: str, term: str, *, lemmatize: bool = False, include_boilerplate: bool = False
) -> pd.DataFrame:
    """DataFrame[paragraph, left, keyword, right]: each use of ``term`` (a word or phrase) with its context.

    With ``lemmatize`` any form of the word matches ("gang" finds "gangs").
    """
    from analysis.nlp.terms import keyword_in_context

    article = article_analysis(folder, article_id, stamp).article
    return keyword_in_context(article, term, lemmatize=lemmatize, include_boilerplate=include_boilerplate)


@st.cache_resource(show_spinner=False)
def warm_up_images() -> bool:
    """Start the image browser in the background, once per server process (:func:`exports.warm_up_images`)."""
    return exports.warm_up_images() is not None


@st.cache_resource(show_spinner=False)
def image_export_problem() -> str | None:
    """Why PNG/SVG downloads cannot work in this process (what to install), or None; checked once."""
    problem = exports.image_export_problem()
    if problem:
        log.warning("PNG/SVG downloads are off: %s", problem)
    return problem


# --- Comparing articles ------------------------------------------------------------------------------------

#: One article as the Compare page asks for it: (id, row_stamp, edit_keys), plain values.
ArticleKey = tuple[int, str, tuple[EditKey, ...]]


@dataclasses.dataclass(frozen=True)
class Compared:
    """The analyses being compared (the user's entity edits applied), and the articles that could not be loaded.

    ids: the articles kept, in the order asked; analyses: theirs, in the same order; left_out: (id, why) pairs.
    """

    ids: tuple[int, ...]
    analyses: tuple[Analysis, ...]
    left_out: tuple[tuple[int, str], ...]


def compared_analyses(folder: str, keys: tuple[ArticleKey, ...], *, include_boilerplate: bool = False) -> Compared:
    """The analyses of the articles ``keys`` names (see :data:`ArticleKey`), edits applied, loaded once.

    Held in memory as one shared object per set of articles (``st.cache_resource``, no copy per rerun: 200
    analyses would take a quarter of a second to unpickle), so callers must not change them; the compare
    tables below are computed from it and cached as copies.
    """
    return _compared_analyses(folder, tuple(keys), bool(include_boilerplate))


@st.cache_resource(show_spinner="Loading the analyses…", max_entries=4)
def _compared_analyses(folder: str, keys: tuple[ArticleKey, ...], include_boilerplate: bool) -> Compared:
    from analysis.errors import StoryscopeError

    log.info("Loading %s analyses to compare (include_boilerplate=%s)", len(keys), include_boilerplate)
    ids = [int(k[0]) for k in keys]
    try:  # one query for all of them (the library applies each article's entity corrections)
        loaded = dict(zip(ids, library(folder).analyses(
            ids, include_boilerplate=include_boilerplate, entity_sentences=True)))
    except StoryscopeError:  # one of them cannot be loaded: one by one, to name it
        loaded = {}
    kept, analyses, left_out = [], [], []
    for article_id, stamp, edits in keys:
        try:
            result = loaded.get(article_id) or article_analysis(
                folder, article_id, stamp, include_boilerplate=include_boilerplate, edits=edits)
        except StoryscopeError as err:
            left_out.append((int(article_id), str(err)))
            continue
        kept.append(int(article_id))
        analyses.append(result)
    return Compared(ids=tuple(kept), analyses=tuple(analyses), left_out=tuple(left_out))


@st.cache_data(show_spinner=False, max_entries=32)
def compare_summary(folder: str, keys: tuple[ArticleKey, ...], *, include_boilerplate: bool = False) -> pd.DataFrame:
    """:func:`analysis.compare.comparison_summary` of the compared articles: one row per article."""
    from analysis.compare import comparison_summary

    return comparison_summary(compared_analyses(folder, keys, include_boilerplate=include_boilerplate).analyses)


@st.cache_data(show_spinner=False, max_entries=32)
def compare_terms(
    folder: str, keys: tuple[ArticleKey, ...], *, top: int = 10, include_boilerplate: bool = False
) -> pd.DataFrame:
    """:func:`analysis.compare.terms_side_by_side`: DataFrame[term, article, count, per_1000], long form."""
    from analysis.compare import terms_side_by_side

    analyses = compared_analyses(folder, keys, include_boilerplate=include_boilerplate).analyses
    return terms_side_by_side(analyses, top=top)


@st.cache_data(show_spinner="Finding distinctive terms…", max_entries=32)
def compare_distinctive(
    folder: str, keys: tuple[ArticleKey, ...], *, min_g2: float, top: int | None = 20,
    include_boilerplate: bool = False,
) -> pd.DataFrame:
    """:func:`analysis.compare.distinctive_terms`: DataFrame[article, term, count, reference_count, g2, log_ratio].

    Needs two or more articles (``ComparisonError`` otherwise).
    """
    from analysis.compare import distinctive_terms

    analyses = compared_analyses(folder, keys, include_boilerplate=include_boilerplate).analyses
    return distinctive_terms(analyses, min_g2=min_g2, top=top)


@st.cache_data(show_spinner="Looking for near-duplicates…", max_entries=32)
def compare_near_duplicates(
    folder: str, keys: tuple[ArticleKey, ...], *, include_boilerplate: bool = False
) -> pd.DataFrame:
    """:func:`analysis.compare.near_duplicates`: DataFrame[first, second, similarity]."""
    from analysis.compare import near_duplicates

    return near_duplicates(compared_analyses(folder, keys, include_boilerplate=include_boilerplate).analyses)


@st.cache_data(show_spinner=False, max_entries=32)
def compare_arcs(folder: str, keys: tuple[ArticleKey, ...], *, include_boilerplate: bool = False) -> pd.DataFrame:
    """:func:`analysis.compare.sentiment_arcs`: DataFrame[article, index, position, sentiment, polarity, vader,
    opening]."""
    from analysis.compare import sentiment_arcs

    return sentiment_arcs(compared_analyses(folder, keys, include_boilerplate=include_boilerplate).analyses)


@st.cache_data(show_spinner="Linking entities across articles…", max_entries=32)
def compare_entities(folder: str, keys: tuple[ArticleKey, ...], *, include_boilerplate: bool = False) -> pd.DataFrame:
    """:func:`analysis.compare.shared_entities`: one row per entity and article, whatever each article calls it.

    Columns: entity, name, type, aliases, article, mentions, per_1000, sentiment, mean_polarity, articles.
    """
    from analysis.compare import shared_entities

    return shared_entities(compared_analyses(folder, keys, include_boilerplate=include_boilerplate).analyses)


@st.cache_data(show_spinner=False, max_entries=32)
def compare_timeline(
    folder: str, keys: tuple[ArticleKey, ...], *, items: tuple[str, ...] = (), include_boilerplate: bool = False
) -> pd.DataFrame:
    """:func:`analysis.compare.timeline`: DataFrame[published, article, item, value, polarity, sentences] of the
    dated articles (polarity: of the sentences naming each item)."""
    from analysis.compare import timeline

    analyses = compared_analyses(folder, keys, include_boilerplate=include_boilerplate).analyses
    entities = compare_entities(folder, keys, include_boilerplate=include_boilerplate) if items else None
    return timeline(analyses, items=list(items), entities=entities)


# --- Archives (batch outputs) ------------------------------------------------------------------------------

def archive_stamp(folder: str) -> str:
    """The state of a batch output folder (a hash of its finished tasks): every archive cache is keyed on it, so a
    run that adds articles makes fresh entries. Cheap: one folder listing per rerun."""
    from analysis.batch.query import output_stamp

    return output_stamp(folder)


@st.cache_resource(show_spinner="Opening the archive…", max_entries=4)
def archive(folder: str, stamp: str):
    """The :class:`analysis.batch.query.Archive` of ``folder`` in this state (its rollup refreshed if needed)."""
    from analysis.batch.query import Archive

    log.info("Opening the archive in %s (state %s)", folder, stamp)
    return Archive(folder)


@st.cache_data(show_spinner=False, max_entries=32)
def archive_summary(folder: str, stamp: str) -> dict:
    """articles, words, months, sources, first_month, last_month, errors."""
    return archive(folder, stamp).summary()


@st.cache_data(show_spinner=False, max_entries=64)
def archive_entities(folder: str, stamp: str, *, top: int, by: str | None, type: str | None) -> pd.DataFrame:
    """:meth:`Archive.entities`: DataFrame[entity, type, mentions, articles, key] or per month/source."""
    log.info("Archive query: entities top=%s by=%s type=%s", top, by, type)
    return archive(folder, stamp).entities(top=top, by=by, type=type)


@st.cache_data(show_spinner=False, max_entries=64)
def archive_terms(folder: str, stamp: str, *, top: int, by: str | None) -> pd.DataFrame:
    """:meth:`Archive.terms`: DataFrame[(month,) term, count, articles, per_1000]."""
    log.info("Archive query: terms top=%s by=%s", top, by)
    return archive(folder, stamp).terms(top=top, by=by)


@st.cache_data(show_spinner=False, max_entries=32)
def archive_sentiment(folder: str, stamp: str, *, by: str | None) -> pd.DataFrame:
    """:meth:`Archive.sentiment`: DataFrame[month|source, articles, words, polarity, subjectivity, vader ...]."""
    log.info("Archive query: sentiment by=%s", by)
    return archive(folder, stamp).sentiment(by=by)


@st.cache_data(show_spinner="Finding the articles…", max_entries=64)
def archive_articles(folder: str, stamp: str, *, entity: str | None = None, term: str | None = None,
                     month: str | None = None, source: str | None = None, limit: int = 200) -> pd.DataFrame:
    """:meth:`Archive.articles`: the articles behind a point of a chart."""
    log.info("Archive query: articles entity=%s term=%s month=%s source=%s", entity, term, month, source)
    return archive(folder, stamp).articles(entity=entity, term=term, month=month, source=source, limit=limit)
