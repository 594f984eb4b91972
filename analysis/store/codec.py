"""The cache of analyses: an :class:`analysis.pipeline.Analysis` to Arrow IPC bytes and back.

One analysis is one Arrow record batch of one row, written as an IPC stream. Its columns:

- ``paragraphs``: a record per paragraph: ``index``, ``kind``, then ``length`` (its number of characters:
  the text itself is the library row's, see below) or ``text`` (when no stored text was given to encode
  against), then the sentiment table's row for it (``included``, ``words``, ``sentiment``, ``polarity``,
  ``subjectivity``, ``vader``, ``disagree``: the table has a row per paragraph, in order; its ``index`` and
  ``kind`` are the paragraph's and its ``opening`` is rebuilt with
  :func:`analysis.nlp.sentiment.opening_words`, as :meth:`analysis.pipeline.Analysis.from_dict` does);
- ``terms``, ``entities``, ``mentions``: the analysis' other DataFrames, each a list of records with one field
  per column (a column of tuples as a list field);
- ``summary``: a record of the fields of :class:`analysis.models.SentimentSummary`; ``counts``: a record of
  ``word_count``, ``include_boilerplate`` and ``names_as_terms``.

The article's metadata (title, authors, date, source, file name, language) and text are not cached: they are
the library row's (the user may edit the metadata; the text is stored once, in ``articles.text``), and the
caller hands them to :func:`decode_analyses`; the paragraphs are cut from that text by their lengths. Decoding builds only
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
from analysis.frames import column_arrays, frame_of, object_column, text_columns, text_dtype
from analysis.models import Article, Entity, Paragraph, SentimentSummary
from analysis.nlp.entities.tables import ENTITY_COLUMNS, MENTION_COLUMNS
from analysis.nlp.sentiment import SENTIMENT_COLUMNS, opening_words

if TYPE_CHECKING:
    from analysis.nlp.sentiment import SentenceScore
    from analysis.pipeline import Analysis

#: The layout's version; part of the store's cache key.
CODEC_VERSION = "arrow-4"

#: The layout of the cached sentence scores; part of their cache key.
SENTENCES_VERSION = "sentences-1"
_SENTENCE_SCHEMA = pa.schema([("paragraph", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
                              ("words", pa.int64()), ("score", pa.float64()), ("masked", pa.large_list(pa.int64()))])

#: The DataFrames of an Analysis that are lists of their own in the record batch (the sentiment table's rows are
#: the paragraphs' records).
FRAMES = ("terms", "entities", "mentions")
#: The sentiment table's columns a paragraph's record does not repeat (rebuilt from the paragraph on reading).
_PARAGRAPH_OWN = ("index", "kind", "opening")
#: The sentiment table's columns stored in each paragraph's record, in their order.
_SENTIMENT_STORED = tuple(c for c in SENTIMENT_COLUMNS if c not in _PARAGRAPH_OWN)
_SUMMARY_FIELDS = tuple(f.name for f in dataclasses.fields(SentimentSummary))
_SUMMARY_TYPES = {"available": pa.bool_(), "sentiment": pa.float64(), "polarity": pa.float64(),
                  "subjectivity": pa.float64(), "vader": pa.float64(), "disagreements": pa.int64(), "reason": pa.large_string()}
_SUMMARY_TYPE = pa.struct([(name, _SUMMARY_TYPES.get(name, pa.large_string())) for name in _SUMMARY_FIELDS])
_COUNTS_TYPE = pa.struct([("word_count", pa.int64()), ("include_boilerplate", pa.bool_()),
                          ("names_as_terms", pa.bool_())])

_ITEM_TYPES = {str: pa.large_string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}


def encode_analysis(analysis: Analysis, *, text: str | None = None) -> bytes:
    """The cache's bytes for ``analysis``: an Arrow IPC stream of one record batch of one row.

    ``text``: the article's text as the library stores it. When it is the analysed article's text
    (:attr:`analysis.models.Article.text`), the paragraphs' texts are not written again, only their lengths, and
    :func:`decode_analyses` cuts them from that same text; otherwise (or without ``text``) they are written.
    Raises ``TypeError`` for a table the layout cannot hold (a column of a dtype other than int64, float64,
    bool, text, or objects that are tuples of one plain type; a sentiment table whose rows are not the
    paragraphs).
    """
    names: list[str] = []
    arrays: list[pa.Array] = []

    def listed(name: str, children: list[pa.Array], fields: list[str]) -> None:
        values = pa.StructArray.from_arrays(children, names=fields)
        names.append(name)
        arrays.append(pa.LargeListArray.from_arrays(pa.array([0, len(values)], pa.int64()), values))

    paragraphs = analysis.article.paragraphs
    indexes = [p.index for p in paragraphs]
    texts = [p.text for p in paragraphs]
    kinds = pa.array([p.kind for p in paragraphs], pa.large_string())
    children = [pa.array(indexes, pa.int64()), kinds]
    if text is not None and text == "\n\n".join(texts):
        children.append(pa.array(np.fromiter(map(len, texts), np.int64, len(texts))))
        fields = ["index", "kind", "length"]
    else:
        children.append(pa.array(texts, pa.large_string()))
        fields = ["index", "kind", "text"]
    sentiment = analysis.sentiment
    _check_default_index(sentiment, "sentiment")
    if [str(c) for c in sentiment.columns.tolist()] != SENTIMENT_COLUMNS or len(sentiment) != len(paragraphs):
        raise TypeError("the sentiment table must have its usual columns and a row per paragraph to be cached")
    for name, values in zip(SENTIMENT_COLUMNS, column_arrays(sentiment)):
        if name == "index" and not np.array_equal(values, indexes):
            raise TypeError("the sentiment table's rows must be the paragraphs, in order, to be cached")
        if name == "kind" and not _column_array(values, "sentiment.kind").equals(kinds):
            raise TypeError("the sentiment table's kinds must be the paragraphs' to be cached")
        if name not in _PARAGRAPH_OWN:
            children.append(_column_array(values, f"sentiment.{name}"))
            fields.append(name)
    listed("paragraphs", children, fields)
    entity_columns = analysis.entities.row_columns()
    for prefix, frame in zip(FRAMES, _frames(analysis, entity_columns is None)):
        if frame is None:  # the entities' tables, from their rows (their DataFrames are not built for this)
            columns, values = _ROW_COLUMNS[prefix], entity_columns[prefix == "mentions"]
            listed(prefix, [_row_array(v, f"{prefix}.{c}", kind) for c, v, kind in zip(columns, values, _ROW_KINDS[prefix])],
                   columns)
            continue
        _check_default_index(frame, prefix)
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


def _check_default_index(frame: pd.DataFrame, name: str) -> None:
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0 or frame.index.step != 1:
        raise TypeError(f"the {name} table must have a default index to be cached")


def decode_analyses(
    payloads: Sequence[bytes | None], headers: Sequence[Mapping[str, Any]], article_ids: Sequence[int | None] = (),
    texts: Sequence[str | None] = (),
) -> list[Analysis | None]:
    """The Analyses stored by :func:`encode_analysis`, each with its article's metadata from ``headers``.

    ``headers[i]`` holds the :class:`analysis.models.Article` fields other than ``paragraphs`` (title,
    authors, published, language, source, filename) for ``payloads[i]``, ``article_ids[i]`` its library id
    (``Analysis.article_id``; None when not given), ``texts[i]`` the article's stored text (the ``text`` the
    payload was encoded against). A payload that is None, empty or unreadable gives None, and so does one
    whose paragraphs do not fit its text (or that needs a text not given). Payloads with the same layout are
    decoded together (one conversion per column).
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
                stored = [texts[i] if i < len(texts) else None for i, _ in members]
                decoded = _decode_table(table, [headers[i] for i, _ in members], ids, stored, Analysis)
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
    """The DataFrames of :data:`FRAMES`; the entities' two are None when not ``entity_frames`` (encoded from their
    rows)."""
    if not entity_frames:
        return analysis.terms, None, None
    return analysis.terms, analysis.entities.table, analysis.entities.mentions


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
    table: pa.Table, headers: Sequence[Mapping[str, Any]], ids: Sequence[int | None], stored: Sequence[str | None],
    Analysis: type,
) -> list[Any]:
    rows = table.num_rows
    columns = {name: table.column(name).chunk(0) for name in table.column_names}

    def listed(name: str) -> tuple[list[int], list[str], list[Any]]:
        """The row offsets of a list-of-records column, its field names and each field's values for every row,
        converted once (then sliced per row)."""
        array = columns[name]
        offsets = array.offsets.to_numpy()
        values = array.values.slice(offsets[0], offsets[-1] - offsets[0])
        fields = [values.type.field(f).name for f in range(values.type.num_fields)]
        return (offsets - offsets[0]).tolist(), fields, [_values(child) for child in values.flatten()]

    frames: dict[str, list[pd.DataFrame]] = {}
    for prefix in FRAMES:
        offsets, names, values = listed(prefix)
        frames[prefix] = [
            frame_of(names, [column[offsets[r]: offsets[r + 1]] for column in values]) for r in range(rows)
        ]
    p_offsets, p_fields, p_values = listed("paragraphs")
    if p_fields[:2] != ["index", "kind"] or p_fields[2] not in ("text", "length") or \
            tuple(p_fields[3:]) != _SENTIMENT_STORED:
        raise ValueError("paragraph fields")
    index_values, kind_values = p_values[0], p_values[1]
    indexes, kinds = index_values.tolist(), list(kind_values)
    # Each row's paragraph texts: written in the payload, or cut from the article's stored text by their lengths
    # (a row whose lengths do not fit its text gives None, and is computed again).
    if p_fields[2] == "text":
        every_text = list(p_values[2])
        row_texts = [every_text[p_offsets[r]: p_offsets[r + 1]] for r in range(rows)]
    else:
        lengths = p_values[2].tolist()
        row_texts = [_cut(stored[r], lengths[p_offsets[r]: p_offsets[r + 1]]) for r in range(rows)]
    # The sentiment tables' openings, rebuilt from the texts: one conversion for all of them.
    openings = [opening_words(t) for texts in row_texts if texts is not None for t in texts]
    opening_values = text_columns(openings)[0]
    sentiment_stored = dict(zip(_SENTIMENT_STORED, p_values[3:]))
    summary_fields = dict(zip([f.name for f in columns["summary"].type], columns["summary"].flatten()))
    summaries = {name: summary_fields[name].to_pylist() for name in _SUMMARY_FIELDS}
    counts = dict(zip([f.name for f in columns["counts"].type], columns["counts"].flatten()))
    word_counts = counts["word_count"].to_pylist()
    boilerplate = counts["include_boilerplate"].to_pylist()
    names_as_terms = counts["names_as_terms"].to_pylist()

    from analysis.nlp.entities import EntityResult

    results = []
    at = 0  # where this row's openings start
    for r in range(rows):
        texts = row_texts[r]
        if texts is None:
            results.append(None)
            continue
        begin, end = p_offsets[r], p_offsets[r + 1]
        paragraphs = tuple(map(Paragraph, indexes[begin:end], kinds[begin:end], texts))
        article = Article(paragraphs=paragraphs, **headers[r])
        sentiment = frame_of(SENTIMENT_COLUMNS, [
            index_values[begin:end] if name == "index" else kind_values[begin:end] if name == "kind"
            else opening_values[at: at + end - begin] if name == "opening" else sentiment_stored[name][begin:end]
            for name in SENTIMENT_COLUMNS
        ])
        at += end - begin
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
            sentiment=sentiment,
            sentiment_summary=SentimentSummary(**{name: summaries[name][r] for name in _SUMMARY_FIELDS}),
            entities=EntityResult(table=table_r, mentions=frames["mentions"][r], entities=entities),
            include_boilerplate=boilerplate[r],
            names_as_terms=names_as_terms[r],
            article_id=ids[r],
        ))
    return results


def _cut(text: str | None, lengths: list[int]) -> list[str] | None:
    """The paragraphs of ``text`` (paragraphs joined by blank lines, as :attr:`Article.text` makes it) whose
    lengths are ``lengths``; None when they do not fit it."""
    if text is None:
        return None
    parts = text.split("\n\n")
    if list(map(len, parts)) == lengths:
        return parts
    # a paragraph holding a blank line of its own: cut by the lengths
    if sum(lengths) + 2 * max(len(lengths) - 1, 0) != len(text):
        return None
    parts, at = [], 0
    for length in lengths:
        if at and text[at - 2: at] != "\n\n":
            return None
        parts.append(text[at: at + length])
        at += length + 2
    return parts


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
