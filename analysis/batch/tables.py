"""An analysis as rows of the batch output's tables, built generically from :class:`analysis.pipeline.Analysis`.

Every table carries ``id`` (the article's content hash, :func:`analysis.store.library.content_hash`) and
``month`` (``YYYY-MM`` of the publication date, or ``unknown``):

- ``articles``: id, month, analyser_version, title, authors, published, source, url, origin (the file, zip member
  or table row it came from), filename, language, word_count, paragraph_count, include_boilerplate, and one
  ``sentiment_<field>`` column per field of the sentiment summary (available, polarity, subjectivity, vader ...).
- ``paragraphs``: id, month, text and every column of ``Analysis.sentiment`` (index, kind, included, words,
  polarity, subjectivity, vader, disagree, opening ...).
- ``terms``: id, month and every column of ``Analysis.terms`` (term, count, per_1000).
- ``entities``: id, month, key (:func:`analysis.nlp.entities.entity_key` of the name) and every column of
  ``Analysis.entities.table`` (name, type, mentions, aliases, paragraphs), and alias_keys (the keys of the
  aliases, to find an entity by any of its names).
- ``errors``: source (the file, member or row), reason, id (when known).

Columns come from the Analysis' own frames and dataclasses, so a column added there reaches the output as is.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pandas as pd
import pyarrow as pa

#: The tables of a batch output, in the order they are committed (``articles`` last: an article listed there
#: has all its rows in the other tables).
TABLES = ("errors", "paragraphs", "terms", "entities", "articles")
#: The month of an article without a publication date.
UNKNOWN_MONTH = "unknown"
ERROR_SCHEMA = pa.schema([("source", pa.string()), ("reason", pa.string()), ("id", pa.string())])


def month_of(published: dt.date | None) -> str:
    """``YYYY-MM`` of ``published``, or :data:`UNKNOWN_MONTH`."""
    return f"{published.year:04d}-{published.month:02d}" if published else UNKNOWN_MONTH


def article_id(article) -> str:
    """The article's id: the content hash the library uses for the same text."""
    from analysis.store.library import content_hash

    return content_hash(article.text)


class Rows:
    """Collects the rows of many analyses (and errors) and turns them into Arrow tables."""

    def __init__(self) -> None:
        self.articles: list[dict[str, Any]] = []
        self.frames: dict[str, list[pd.DataFrame]] = {"paragraphs": [], "terms": [], "entities": []}
        self.errors: list[dict[str, Any]] = []
        self.words = 0

    def __len__(self) -> int:
        return len(self.articles)

    def add(self, analysis, *, id: str, origin: str, url: str | None = None) -> None:
        """Add one article's analysis."""
        from analysis.nlp.entities import entity_key
        from analysis.pipeline import ANALYSER_VERSION

        a = analysis.article
        month = month_of(a.published)
        row: dict[str, Any] = {
            "id": id, "month": month, "analyser_version": str(ANALYSER_VERSION), "title": a.title,
            "authors": list(a.authors), "published": a.published, "source": a.source, "url": url, "origin": origin,
            "filename": a.filename, "language": a.language, "word_count": int(analysis.word_count),
            "paragraph_count": len(a.paragraphs), "include_boilerplate": bool(analysis.include_boilerplate),
        }
        for f in dataclasses.fields(analysis.sentiment_summary):
            row[f"sentiment_{f.name}"] = getattr(analysis.sentiment_summary, f.name)
        self.articles.append(row)
        self.words += int(analysis.word_count)

        texts = {p.index: p.text for p in a.paragraphs}
        paragraphs = analysis.sentiment.copy()
        paragraphs.insert(0, "text", [texts.get(int(i), "") for i in paragraphs["index"]])
        self.frames["paragraphs"].append(_with_id(paragraphs, id, month))
        self.frames["terms"].append(_with_id(analysis.terms, id, month))
        entities = analysis.entities.table.copy()
        entities.insert(0, "key", [entity_key(n) for n in entities["name"]])
        entities["alias_keys"] = [sorted({k for k in map(entity_key, al) if k}) for al in entities["aliases"]]
        self.frames["entities"].append(_with_id(entities, id, month))

    def add_error(self, source: str, reason: str, *, id: str | None = None) -> None:
        self.errors.append({"source": source, "reason": reason, "id": id})

    def tables(self) -> dict[str, pa.Table]:
        """Each table's rows as an Arrow table (empty tables left out, except never-empty errors)."""
        out: dict[str, pa.Table] = {}
        if self.articles:
            out["articles"] = _tidy(pa.Table.from_pylist(self.articles))
        for name, frames in self.frames.items():
            frames = [f for f in frames if len(f)]
            if frames:
                out[name] = _tidy(pa.Table.from_pandas(pd.concat(frames, ignore_index=True), preserve_index=False))
        if self.errors:
            out["errors"] = pa.Table.from_pylist(self.errors, schema=ERROR_SCHEMA)
        return out


def _with_id(frame: pd.DataFrame, id: str, month: str) -> pd.DataFrame:
    frame = frame.copy() if frame is not None else pd.DataFrame()
    frame.insert(0, "month", month)
    frame.insert(0, "id", id)
    return frame


def _tidy(table: pa.Table) -> pa.Table:
    """Columns that held only empty values get a definite type (text, list of text), so every file agrees."""
    fields = []
    for f in table.schema:
        t = f.type
        if pa.types.is_null(t):
            t = pa.string()
        elif pa.types.is_list(t) and pa.types.is_null(t.value_type):
            t = pa.list_(pa.string())
        elif pa.types.is_large_string(t):
            t = pa.string()
        fields.append(pa.field(f.name, t))
    return table.replace_schema_metadata(None).cast(pa.schema(fields))
