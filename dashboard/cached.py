"""The one place where the dashboard caches work: every ``st.cache_data`` / ``st.cache_resource`` lives here.

Caches are keyed on content or ids, never on Streamlit objects: an article is named by its library folder,
its id and a *stamp* (a hash of its library row: title, source, date, word count ...), so editing an
article's metadata makes a fresh entry, and a rerun reuses the old one. Uploaded files reach the library as
``getvalue()`` bytes. The :class:`analysis.library.Library` itself is a process-wide resource: it keeps the
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

from analysis.pipeline import Analysis, analyze
from dashboard import exports

log = get_logger("storyscope.dashboard")

#: One user's merge or rename, as plain values (hashable, picklable): (action, a, b).
EditKey = tuple[str, str, str]


@st.cache_resource(show_spinner="Opening the library…")
def library(folder: str):
    """The article library stored in ``folder`` (created, with the seeds, on first use); one per process."""
    from analysis.library import Library

    log.info("Opening the library in %s", folder)
    return Library(Path(folder))


def data_folder() -> str:
    """The library folder: ``$STORYSCOPE_DATA`` or the project's ``data/`` (analysis.library.data_dir)."""
    from analysis.library import data_dir

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
    """The article's analysis, with the user's entity ``edits`` (merges, renames) applied.

    With default options it comes from the library's SQLite cache (computed once per article and analyser
    version); with ``include_boilerplate`` the article is analysed again, bylines and notices included.
    ``stamp`` is :func:`row_stamp` of the article's row, so stale metadata is never served.
    """
    # One positional call shape, so every caller hits the same cache entry.
    return _article_analysis(folder, int(article_id), stamp, bool(include_boilerplate), tuple(edits))


@st.cache_data(show_spinner="Analysing the article…", max_entries=512)
def _article_analysis(
    folder: str, article_id: int, stamp: str, include_boilerplate: bool, edits: tuple[EditKey, ...]
) -> Analysis:
    log.info("Loading the analysis of article %s (include_boilerplate=%s)", article_id, include_boilerplate)
    lib = library(folder)
    if include_boilerplate:
        result = analyze(lib.article(article_id), include_boilerplate=True)
    else:
        result = lib.analysis(article_id)
    if edits:
        from analysis.entities import EntityEdit, apply_entity_edits

        result = dataclasses.replace(
            result, entities=apply_entity_edits(result.entities, [EntityEdit(*e) for e in edits])
        )
    return result


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
) -> pd.DataFrame:
    """DataFrame[term, count, per_1000] of the article with these options (see analysis.terms.term_frequencies)."""
    from analysis.terms import term_frequencies

    log.info("Counting terms of article %s (n=%s, lemmatize=%s)", article_id, n, lemmatize)
    article = article_analysis(folder, article_id, stamp).article
    return term_frequencies(
        article, n=n, lemmatize=lemmatize, extra_stopwords=extra_stopwords, include_boilerplate=include_boilerplate
    )


@st.cache_data(show_spinner=False, max_entries=256)
def keyword_lines(
    folder: str, article_id: int, stamp: str, term: str, *, lemmatize: bool = False, include_boilerplate: bool = False
) -> pd.DataFrame:
    """DataFrame[paragraph, left, keyword, right]: each use of ``term`` (a word or phrase) with its context.

    With ``lemmatize`` any form of the word matches ("gang" finds "gangs").
    """
    from analysis.terms import keyword_in_context

    article = article_analysis(folder, article_id, stamp).article
    return keyword_in_context(article, term, lemmatize=lemmatize, include_boilerplate=include_boilerplate)


@st.cache_resource(show_spinner=False)
def image_export_problem() -> str | None:
    """Why PNG/SVG downloads cannot work in this process (what to install), or None; checked once."""
    problem = exports.image_export_problem()
    if problem:
        log.warning("PNG/SVG downloads are off: %s", problem)
    return problem
