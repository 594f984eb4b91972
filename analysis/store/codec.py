"""The cache of analyses: an :class:`analysis.pipeline.Analysis` to Arrow IPC bytes and back.

One analysis is one Arrow record batch of one row, written as an IPC stream. Its columns:

- ``paragraphs``: the article's paragraphs, a list of records (index, kind, text);
- ``terms``, ``sentiment``, ``entities``, ``mentions``: the analysis' four DataFrames, each a list of records
  with one field per column (a column of tuples as a list field);
- ``summary``: a record of the fields of :class:`analysis.models.SentimentSummary`; ``counts``: a record of
  ``word_count``, ``include_boilerplate`` and ``names_as_terms``.

The article's metadata (title, authors, date, source, file name, language) is not cached: it is the library
row's, which the user may edit, and the caller hands it to :func:`decode_analyses`. Decoding builds only
Storyscope's own record types (no class is ever named by the data), and reads many payloads together: the
rows of all of them become one Arrow table, each column is converted to numpy or pandas once, then sliced
per analysis. Anything unreadable decodes to None, and the store recomputes it.

Bump :data:`CODEC_VERSION` whenever the layout changes: the store keys its cache on it, so an old entry is
recomputed, never misread.

The scores of the sentences naming an entity (``Analysis.entity_sentences``) are cached apart, computed the
first time a comparison needs them: :func:`encode_sentence_scores` writes one Arrow record batch with a row per
sentence (paragraph, start, end, words, score, masked: the masked spans flattened to start, end, start, ...),
:func:`decode_sentence_scores` reads many. Their layout is :data:`SENTENCES_VERSION`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.collector import collector_paused
from analysis.frames import column_arrays, frame_of, object_column, text_dtype
from analysis.models import Article, Entity, Paragraph, SentimentSummary
from analysis.nlp.entities.tables import ENTITY_COLUMNS, MENTION_COLUMNS

if TYPE_CHECKING:
    from analysis.nlp.sentiment import SentenceScore
    from analysis.pipeline import Analysis

#: The layout's version; part of the store's cache key.
CODEC_VERSION = "arrow-3"

#: The layout of the cached sentence scores; part of their cache key.
SENTENCES_VERSION = "sentences-1"
_SENTENCE_SCHEMA = pa.schema([("paragraph", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
                              ("words", pa.int64()), ("score", pa.float64()), ("masked", pa.large_list(pa.int64()))])

#: The DataFrames of an Analysis, by the prefix of their columns in the record batch.
FRAMES = ("terms", "sentiment", "entities", "mentions")
_SUMMARY_FIELDS = tuple(f.name for f in dataclasses.fields(SentimentSummary))
_SUMMARY_TYPES = {"available": pa.bool_(), "sentiment": pa.float64(), "polarity": pa.float64(),
                  "subjectivity": pa.float64(), "vader": pa.float64(), "disagreements": pa.int64(), "reason": pa.large_string()}
_SUMMARY_TYPE = pa.struct([(name, _SUMMARY_TYPES.get(name, pa.large_string())) for name in _SUMMARY_FIELDS])
_COUNTS_TYPE = pa.struct([("word_count", pa.int64()), ("include_boilerplate", pa.bool_()),
                          ("names_as_terms", pa.bool_())])

_ITEM_TYPES = {str: pa.large_string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def encode_analysis(analysis: Analysis) -> bytes:
    """The cache's bytes for ``analysis``: an Arrow IPC stream of one record batch of one row.

    Raises ``TypeError`` for a column the layout cannot hold (a dtype other than int64, float64, bool, text,
    or objects that are tuples of one plain type).
    """
    names: list[str] = []
    arrays: list[pa.Array] = []

    def listed(name: str, children: list[pa.Array], fields: list[str]) -> None:
        values = pa.StructArray.from_arrays(children, names=fields)
        names.append(name)
        arrays.append(pa.LargeListArray.from_arrays(pa.array([0, len(values)], pa.int64()), values))

    paragraphs = analysis.article.paragraphs
    listed("paragraphs", [pa.array([p.index for p in paragraphs], pa.int64()),
                          pa.array([p.kind for p in paragraphs], pa.large_string()),
                          pa.array([p.text for p in paragraphs], pa.large_string())], ["index", "kind", "text"])
    entity_columns = analysis.entities.row_columns()
    for prefix, frame in zip(FRAMES, _frames(analysis, entity_columns is None)):
        if frame is None:  # the entities' tables, from their rows (their DataFrames are not built for this)
            columns, values = _ROW_COLUMNS[prefix], entity_columns[prefix == "mentions"]
            listed(prefix, [_row_array(v, f"{prefix}.{c}", kind) for c, v, kind in zip(columns, values, _ROW_KINDS[prefix])],
                   columns)
            continue
        if not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0 or frame.index.step != 1:
            raise TypeError(f"the {prefix} table must have a default index to be cached")
        columns = [str(c) for c in frame.columns.tolist()]
        listed(prefix, [_column_array(values, f"{prefix}.{name}") for name, values in zip(columns, column_arrays(frame))],
               columns)
    summary = analysis.sentiment_summary
    names.append("summary")  # one struct: one conversion for all its fields
    arrays.append(pa.array([{name: getattr(summary, name) for name in _SUMMARY_FIELDS}], _SUMMARY_TYPE))
    names.append("counts")
    arrays.append(pa.array([{"word_count": int(analysis.word_count),
                             "include_boilerplate": bool(analysis.include_boilerplate),
                             "names_as_terms": bool(getattr(analysis, "names_as_terms", True))}], _COUNTS_TYPE))
    batch = pa.RecordBatch.from_arrays(arrays, names=names)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def decode_analyses(
    payloads: Sequence[bytes | None], headers: Sequence[Mapping[str, Any]], article_ids: Sequence[int | None] = ()
) -> list[Analysis | None]:
    """The Analyses stored by :func:`encode_analysis`, each with its article's metadata from ``headers``.

    ``headers[i]`` holds the :class:`analysis.models.Article` fields other than ``paragraphs`` (title,
    authors, published, language, source, filename) for ``payloads[i]``, ``article_ids[i]`` its library id
    (``Analysis.article_id``; None when not given). A payload that is None, empty or
    unreadable gives None. Payloads with the same layout are decoded together (one conversion per column).
    """
    from analysis.pipeline import Analysis

    results: list[Any] = [None] * len(payloads)
    groups: dict[pa.Schema, list[tuple[int, pa.RecordBatch]]] = {}
    for i, batch in _payload_batches(payloads):
        if batch.num_rows == 1:
            groups.setdefault(batch.schema, []).append((i, batch))
    # bulk-building tens of thousands of objects: the collector would walk them again and again
    with collector_paused():
        for schema, members in groups.items():
            try:
                table = pa.Table.from_batches([batch for _, batch in members], schema=schema).combine_chunks()
                ids = [article_ids[i] if i < len(article_ids) else None for i, _ in members]
                decoded = _decode_table(table, [headers[i] for i, _ in members], ids, Analysis)
            except (pa.ArrowException, ValueError, TypeError, KeyError, IndexError):
                continue
            for (i, _), analysis in zip(members, decoded):
                results[i] = analysis
    return results


def _payload_batches(payloads: Sequence[bytes | None]) -> Iterator[tuple[int, pa.RecordBatch]]:
    """(index, first record batch) of each payload that is an Arrow IPC stream; None, empty, damaged or foreign
    payloads are skipped (the caller recomputes them)."""
    for i, payload in enumerate(payloads):
        if not payload:
            continue
        try:
            yield i, pa.ipc.open_stream(payload).read_next_batch()
        except (pa.ArrowException, ValueError, TypeError, StopIteration):
            continue


def _frames(analysis: Analysis, entity_frames: bool = True) -> tuple[pd.DataFrame | None, ...]:
    """The four DataFrames; the entities' two are None when not ``entity_frames`` (encoded from their rows)."""
    if not entity_frames:
        return analysis.terms, analysis.sentiment, None, None
    return analysis.terms, analysis.sentiment, analysis.entities.table, analysis.entities.mentions


#: The entities' tables' columns and each one's kind, as their DataFrames hold them (see
#: :mod:`analysis.nlp.entities.tables`): "text" (str dtype), "int" (int64), "tuples" (object).
_ROW_COLUMNS = {"entities": ENTITY_COLUMNS, "mentions": MENTION_COLUMNS}
_ROW_KINDS = {"entities": ["text", "text", "int", "tuples", "tuples"],
              "mentions": ["text", "text", "text", "int", "int", "int"]}
assert all(len(_ROW_KINDS[k]) == len(c) for k, c in _ROW_COLUMNS.items()), "a kind for every entity column"


def _row_array(values: Any, name: str, kind: str) -> pa.Array:
    """One column of Python values as the Arrow array :func:`_column_array` makes of its DataFrame column."""
    if kind == "text":
        return pa.array(values, pa.large_string())
    if kind == "int":
        return pa.array(values, pa.int64())
    array = _tuples_array(list(values))
    if array is None:
        raise TypeError(f"{name}: a column of objects other than tuples of one plain type cannot be cached")
    return array


def _tuples_array(values: list) -> pa.Array | None:
    """A column of tuples of one plain type as an Arrow list array (str items when every tuple is empty);
    None for anything else."""
    if all(type(v) is tuple for v in values):
        kinds = {type(x) for v in values for x in v}
        if len(kinds) <= 1:
            item = _ITEM_TYPES.get(next(iter(kinds), str))
            if item is not None:
                return pa.array(values, pa.large_list(item))
    return None


def _column_array(column: Any, name: str) -> pa.Array:
    if isinstance(column, np.ndarray):
        kind = column.dtype.kind
        if kind in "iufb":  # numbers and flags keep their numpy dtype (int64 stays int64)
            return pa.array(column)
        if kind == "O":  # the analyses' object columns hold tuples (aliases, paragraphs)
            array = _tuples_array(list(column))
            if array is not None:
                return array
    elif isinstance(column.dtype, pd.StringDtype):
        return pa.array(column, pa.large_string())  # pandas' text columns: Arrow strings already, no copy
    raise TypeError(f"{name}: a column of dtype {column.dtype} cannot be cached")


def _decode_table(
    table: pa.Table, headers: Sequence[Mapping[str, Any]], ids: Sequence[int | None], Analysis: type
) -> list[Any]:
    rows = table.num_rows
    columns = {name: table.column(name).chunk(0) for name in table.column_names}

    def listed(name: str) -> tuple[np.ndarray, list[str], list[Any]]:
        """The row offsets of a list-of-records column, its field names and each field's values for every row,
        converted once (then sliced per row)."""
        array = columns[name]
        offsets = array.offsets.to_numpy()
        values = array.values.slice(offsets[0], offsets[-1] - offsets[0])
        fields = [values.type.field(f).name for f in range(values.type.num_fields)]
        return offsets - offsets[0], fields, [_values(child) for child in values.flatten()]

    frames: dict[str, list[pd.DataFrame]] = {}
    for prefix in FRAMES:
        offsets, names, values = listed(prefix)
        frames[prefix] = [
            frame_of(names, [column[offsets[r]: offsets[r + 1]] for column in values]) for r in range(rows)
        ]
    p_offsets, p_fields, p_values = listed("paragraphs")
    if p_fields != ["index", "kind", "text"]:
        raise ValueError("paragraph fields")
    indexes, kinds, texts = p_values[0].tolist(), list(p_values[1]), list(p_values[2])
    summary_fields = dict(zip([f.name for f in columns["summary"].type], columns["summary"].flatten()))
    summaries = {name: summary_fields[name].to_pylist() for name in _SUMMARY_FIELDS}
    counts = dict(zip([f.name for f in columns["counts"].type], columns["counts"].flatten()))
    word_counts = counts["word_count"].to_pylist()
    boilerplate = counts["include_boilerplate"].to_pylist()
    names_as_terms = counts["names_as_terms"].to_pylist()

    from analysis.nlp.entities import EntityResult

    results = []
    for r in range(rows):
        begin, end = p_offsets[r], p_offsets[r + 1]
        paragraphs = tuple(map(Paragraph, indexes[begin:end], kinds[begin:end], texts[begin:end]))
        article = Article(paragraphs=paragraphs, **headers[r])
        table_r = frames["entities"][r]
        entities = tuple(
            Entity(name=n, type=t, mentions=m, aliases=a, paragraphs=p)
            for n, t, m, a, p in zip(table_r["name"].tolist(), table_r["type"].tolist(),
                                     table_r["mentions"].tolist(), table_r["aliases"].tolist(),
                                     table_r["paragraphs"].tolist())
        )
        results.append(Analysis(
            article=article,
            word_count=word_counts[r],
            terms=frames["terms"][r],
            sentiment=frames["sentiment"][r],
            sentiment_summary=SentimentSummary(**{name: summaries[name][r] for name in _SUMMARY_FIELDS}),
            entities=EntityResult(table=table_r, mentions=frames["mentions"][r], entities=entities),
            include_boilerplate=boilerplate[r],
            names_as_terms=names_as_terms[r],
            article_id=ids[r],
        ))
    return results


def _values(values: pa.Array) -> Any:
    """One column's values for every row at once, as the array type its DataFrames hold (sliceable)."""
    kind = values.type
    if pa.types.is_large_string(kind) or pa.types.is_string(kind):
        dtype = text_dtype()
        if getattr(dtype, "storage", None) == "pyarrow":
            return dtype.construct_array_type()(values, dtype=dtype)
        return pd.array(values.to_pylist(), dtype=dtype)  # pragma: no cover - pandas without pyarrow strings
    if pa.types.is_large_list(kind) or pa.types.is_list(kind):
        return object_column([tuple(v) for v in values.to_pylist()])
    if pa.types.is_boolean(kind):
        return values.to_numpy(zero_copy_only=False)
    if pa.types.is_integer(kind) or pa.types.is_floating(kind):
        # a writable copy, taken once: pandas' frames must never share read-only Arrow memory
        return np.array(values.to_numpy(zero_copy_only=False))
    raise TypeError(f"cannot decode a column of Arrow type {kind}")


def encode_sentence_scores(scores: Sequence[SentenceScore]) -> bytes:
    """The cache's bytes for one article's :func:`analysis.nlp.sentiment.entity_sentence_scores` (a record batch
    of one row per sentence; none is a valid, empty batch)."""
    columns = [pa.array([s[i] for s in scores], _SENTENCE_SCHEMA.field(i).type) for i in range(5)]
    columns.append(pa.array([[x for span in s.masked for x in span] for s in scores], pa.large_list(pa.int64())))
    batch = pa.RecordBatch.from_arrays(columns, schema=_SENTENCE_SCHEMA)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, _SENTENCE_SCHEMA) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def decode_sentence_scores(payloads: Sequence[bytes | None]) -> list[tuple[SentenceScore, ...] | None]:
    """The sentence scores stored by :func:`encode_sentence_scores`, read together (one conversion per column);
    None for a payload that is None, empty, unreadable or of another layout."""
    from analysis.nlp.sentiment import SentenceScore

    results: list[tuple[SentenceScore, ...] | None] = [None] * len(payloads)
    batches = [(i, batch) for i, batch in _payload_batches(payloads) if batch.schema.equals(_SENTENCE_SCHEMA)]
    if not batches:
        return results
    table = pa.Table.from_batches([batch for _, batch in batches], schema=_SENTENCE_SCHEMA).combine_chunks()
    # numpy, then Python values: Arrow's own to_pylist builds a scalar object per value first (ten times slower)
    paragraph, start, end, words, score = (table.column(i).to_numpy().tolist() for i in range(5))
    lists = pa.concat_arrays(table.column(5).chunks) if table.column(5).num_chunks != 1 else table.column(5).chunk(0)
    offsets = lists.offsets.to_numpy()
    offsets = (offsets - offsets[0]).tolist()  # flatten() starts at the first row's values
    spans = lists.flatten().to_numpy().tolist()
    # tens of thousands of small tuples: the collector would walk every live analysis again and again
    with collector_paused():
        masked = [tuple(zip(spans[a:b:2], spans[a + 1:b:2])) for a, b in zip(offsets, offsets[1:])]
        rows = list(map(SentenceScore, paragraph, start, end, words, score, masked))
    at = 0
    for i, batch in batches:
        results[i] = tuple(rows[at: at + batch.num_rows])
        at += batch.num_rows
    return results


def article_header(*, title: str, authors: Sequence[str] = (), published: dt.date | None = None,
                   language: str = "und", source: str | None = None, filename: str | None = None) -> dict[str, Any]:
    """The fields of an Article other than its paragraphs, as :func:`decode_analyses` takes them."""
    return {"title": title, "authors": tuple(authors), "published": published, "language": language,
            "source": source, "filename": filename}
