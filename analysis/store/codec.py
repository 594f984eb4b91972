"""The cache of analyses: an :class:`analysis.pipeline.Analysis` to Arrow IPC bytes and back.

One analysis is one Arrow record batch of one row, written as an IPC stream. The values of all its tables are
gathered by type into three lists, each one column (converting a few long arrays costs far less than a few
dozen short ones, which was most of the time spent storing an article), sections one after the other:

- ``ints`` (int64): first the sizes (paragraphs, terms, entities, aliases, entity paragraphs, mentions, and 1 when
  the paragraphs' texts are in ``strings``), then per paragraph its index; per entity its mentions, number of
  aliases, number of paragraphs; every entity's paragraphs; per mention its paragraph, start and end; per
  paragraph its length (characters), words, included and disagree (0/1); per term its count;
- ``floats`` (float64): per paragraph its sentiment, polarity, subjectivity and vader (NaN when missing); per term
  its per_1000;
- ``strings``: per paragraph its kind (and its text when written); per entity its name and type; every entity's
  aliases; per mention its name, type and surface; per term the term;
- ``summary``: a record of the fields of :class:`analysis.models.SentimentSummary`; ``counts``: a record of
  ``word_count``, ``include_boilerplate`` and ``names_as_terms``.

The sentiment table has a row per paragraph, in order: its ``index`` and ``kind`` are the paragraph's and its
``opening`` is rebuilt with :func:`analysis.nlp.sentiment.opening_words` (as
:meth:`analysis.pipeline.Analysis.from_dict` does). The article's metadata (title, authors, date, source, file
name, language) and text are not cached: they are the library row's (the user may edit the metadata; the text
is stored once, in ``articles.text``), and the caller hands them to :func:`decode_analyses`; the paragraphs are
cut from that text by their lengths. Decoding builds only Storyscope's own record types (no class is ever named
by the data), and reads many payloads together: the rows of all of them become one Arrow table, each of the
three lists is converted to numpy or pandas once, then sliced per analysis. Anything unreadable, or whose sizes
do not add up, decodes to None, and the store recomputes it.

Every payload is framed: 4 bytes ``SSC1``, then the CRC-32 of the Arrow stream (4 bytes, little-endian), then
the stream. A payload whose frame or checksum is wrong, or whose Arrow buffers do not validate, is never read
(a damaged cache entry would otherwise decode to wrong numbers, raise in the middle of reading, or crash Arrow's
C++ reading its offsets): it decodes to None and the store recomputes it.

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
import functools
import zlib
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.collector import collector_paused
from analysis.frames import column_arrays, column_labels, frame_of, object_column, text_columns, text_dtype
from analysis.models import Article, Entity, Paragraph, SentimentSummary
from analysis.nlp.entities.tables import ENTITY_COLUMNS, MENTION_COLUMNS
from analysis.nlp.sentiment import SENTIMENT_COLUMNS, opening_words
from analysis.nlp.terms import TERM_COLUMNS

if TYPE_CHECKING:
    from analysis.nlp.sentiment import SentenceScore
    from analysis.pipeline import Analysis

#: The layout's version; part of the store's cache key.
CODEC_VERSION = "arrow-6"

#: The layout of the cached sentence scores; part of their cache key.
SENTENCES_VERSION = "sentences-2"
_SENTENCE_SCHEMA = pa.schema([("paragraph", pa.int64()), ("start", pa.int64()), ("end", pa.int64()),
                              ("words", pa.int64()), ("score", pa.float64()), ("masked", pa.large_list(pa.int64()))])

_SUMMARY_FIELDS = tuple(f.name for f in dataclasses.fields(SentimentSummary))
_SUMMARY_TYPES = {"available": pa.bool_(), "sentiment": pa.float64(), "polarity": pa.float64(),
                  "subjectivity": pa.float64(), "vader": pa.float64(), "disagreements": pa.int64(), "reason": pa.large_string()}
_SUMMARY_TYPE = pa.struct([(name, _SUMMARY_TYPES.get(name, pa.large_string())) for name in _SUMMARY_FIELDS])
_COUNTS_TYPE = pa.struct([("word_count", pa.int64()), ("include_boilerplate", pa.bool_()),
                          ("names_as_terms", pa.bool_())])
#: The record batch's columns, in order.
_COLUMNS = ("ints", "floats", "strings", "summary", "counts")
#: The record batch's schema (every payload's).
_INTS_TYPE, _FLOATS_TYPE = pa.large_list(pa.int64()), pa.large_list(pa.float64())
_STRINGS_TYPE = pa.large_list(pa.large_string())
_SCHEMA = pa.schema([("ints", _INTS_TYPE), ("floats", _FLOATS_TYPE), ("strings", _STRINGS_TYPE),
                     ("summary", _SUMMARY_TYPE), ("counts", _COUNTS_TYPE)])
#: What ends an Arrow IPC stream: the continuation marker and a zero length.
_END_OF_STREAM = b"\xff\xff\xff\xff\x00\x00\x00\x00"
#: How many sizes open ``ints``: paragraphs, terms, entities, aliases, entity paragraphs, mentions, texts written.
_SIZES = 7
#: The sentiment table's columns the payload holds (``index``, ``kind`` and ``opening`` are the paragraph's).
_SCORES = ("sentiment", "polarity", "subjectivity", "vader")
_SENTIMENT_DTYPES = {"included": "b", "words": "i", "disagree": "b", **dict.fromkeys(_SCORES, "f")}
#: What opens every payload, before the stream's CRC-32.
_MAGIC = b"SSC1"


def framed(stream: bytes) -> bytes:
    """An Arrow IPC stream as the cache stores it: :data:`_MAGIC`, the stream's CRC-32 (little-endian), the stream."""
    return _MAGIC + zlib.crc32(stream).to_bytes(4, "little") + stream


def _stream_bytes(sink: pa.BufferOutputStream) -> bytes:
    return framed(sink.getvalue().to_pybytes())


def encode_analysis(analysis: Analysis, *, text: str | None = None) -> bytes:
    """The cache's bytes for ``analysis``: an Arrow IPC stream of one record batch of one row.

    ``text``: the article's text as the library stores it. When it is the analysed article's text
    (:attr:`analysis.models.Article.text`), the paragraphs' texts are not written again, only their lengths, and
    :func:`decode_analyses` cuts them from that same text; otherwise (or without ``text``) they are written.
    Raises ``TypeError`` for tables the layout cannot hold (columns other than the analysis' own, of other
    dtypes, or a sentiment table whose rows are not the paragraphs).
    """
    paragraphs = analysis.article.paragraphs
    n = len(paragraphs)
    texts = [p.text for p in paragraphs]
    indexes = [p.index for p in paragraphs]
    kinds = [p.kind for p in paragraphs]
    written = text is None or text != "\n\n".join(texts)
    sentiment = _table_columns(analysis, "sentiment", SENTIMENT_COLUMNS)
    if len(sentiment["index"]) != n or _listed(sentiment["index"]) != indexes or \
            _listed(sentiment["kind"]) != kinds:
        raise TypeError("the sentiment table's rows must be the paragraphs, in order, to be cached")
    for name, kind in _SENTIMENT_DTYPES.items():
        if getattr(sentiment[name], "dtype", None) is None or sentiment[name].dtype.kind != kind:
            raise TypeError(f"sentiment.{name}: a column of dtype {sentiment[name].dtype} cannot be cached")
    terms = _table_columns(analysis, "terms", TERM_COLUMNS)
    if terms["count"].dtype.kind != "i" or terms["per_1000"].dtype.kind != "f":
        raise TypeError("the terms table's count must be int64 and per_1000 float64 to be cached")
    (names, types, mentions, aliases, in_paragraphs), (m_names, m_types, surfaces, m_paragraphs, starts, ends) = \
        _entity_columns(analysis)
    if not all(type(a) is tuple for a in aliases) or not all(type(p) is tuple for p in in_paragraphs):
        raise TypeError("entities.aliases and entities.paragraphs must hold tuples to be cached")
    alias_items = [a for group in aliases for a in group]
    paragraph_items = [p for group in in_paragraphs for p in group]
    python_ints = np.array([n, len(terms["term"]), len(names), len(alias_items), len(paragraph_items),
                            len(m_names), int(written), *indexes, *mentions, *map(len, aliases),
                            *map(len, in_paragraphs), *paragraph_items, *m_paragraphs, *starts, *ends])
    if python_ints.dtype.kind != "i":  # a float or anything else among them: never truncated silently
        raise TypeError("the entities' counts, paragraphs and spans must be integers to be cached")
    ints = np.concatenate([python_ints, np.fromiter(map(len, texts), np.int64, n), sentiment["words"],
                           sentiment["included"], sentiment["disagree"], terms["count"]], dtype=np.int64, casting="safe")
    floats = np.concatenate([sentiment[name] for name in _SCORES] + [terms["per_1000"]], dtype=np.float64)
    strings = kinds + texts if written else kinds[:]
    strings += [*names, *types, *alias_items, *m_names, *m_types, *surfaces]
    if type(terms["term"]) is list:  # the analysis' own column: one conversion for every string
        strings_array = pa.array(strings + terms["term"], pa.large_string())
    else:
        strings_array = pa.concat_arrays([pa.array(strings, pa.large_string()),
                                          pa.array(terms["term"], pa.large_string())])
    summary = analysis.sentiment_summary
    arrays = [
        _one_row(_INTS_TYPE, pa.array(ints)),
        _one_row(_FLOATS_TYPE, pa.array(floats)),
        _one_row(_STRINGS_TYPE, strings_array),
        pa.array([{name: getattr(summary, name) for name in _SUMMARY_FIELDS}], _SUMMARY_TYPE),
        pa.array([{"word_count": int(analysis.word_count), "include_boilerplate": bool(analysis.include_boilerplate),
                   "names_as_terms": bool(getattr(analysis, "names_as_terms", True))}], _COUNTS_TYPE),
    ]
    batch = pa.RecordBatch.from_arrays(arrays, schema=_SCHEMA)
    # the stream a writer would make (schema, batch, end of stream), its constant schema message serialised once,
    # framed as :func:`framed` does, in one copy
    schema, message = _schema_message(), batch.serialize()
    crc = zlib.crc32(_END_OF_STREAM, zlib.crc32(message, zlib.crc32(schema)))
    return b"".join((_MAGIC, crc.to_bytes(4, "little"), schema, message, _END_OF_STREAM))


def _one_row(list_type: pa.DataType, values: pa.Array) -> pa.Array:
    """A list array of one row holding all of ``values``: its offsets are (0, number of values)."""
    offsets = pa.py_buffer(np.array([0, len(values)], np.int64))
    return pa.LargeListArray.from_buffers(list_type, 1, [None, offsets], children=[values])


@functools.cache
def _schema_message() -> bytes:
    return _SCHEMA.serialize().to_pybytes()


def _table_columns(analysis: Analysis, name: str, columns: list[str]) -> dict[str, Any]:
    """The analysis' table ``name`` ("terms" or "sentiment") by column: the columns it computed while its DataFrame
    is unbuilt (``Analysis.table_columns``: none is built only to be written), else the DataFrame's."""
    computed = getattr(analysis, "table_columns", None)
    computed = computed(name) if computed is not None else None
    if computed is not None:
        return dict(zip(columns, computed))
    return _columns_of(getattr(analysis, name), columns, name)


def _listed(values: Any) -> list:
    return values if isinstance(values, list) else values.tolist()


def _columns_of(frame: pd.DataFrame, columns: list[str], name: str) -> dict[str, Any]:
    """``frame``'s column arrays by name, after checking it has exactly ``columns`` and a default index."""
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0 or frame.index.step != 1:
        raise TypeError(f"the {name} table must have a default index to be cached")
    labels = frame.columns  # an index shared with column_labels' (as the analysis builds them) is known at once
    if not labels.equals(column_labels(tuple(columns))) and [str(c) for c in labels.tolist()] != columns:
        raise TypeError(f"the {name} table must have the columns {columns} to be cached")
    return dict(zip(columns, column_arrays(frame)))


def _entity_columns(analysis: Analysis) -> tuple[list[Sequence], list[Sequence]]:
    """The entity and mention tables' columns (:data:`ENTITY_COLUMNS`, :data:`MENTION_COLUMNS` order) as Python
    values: from the extractor's rows while their DataFrames are unbuilt (none is built only to be written), else
    from the DataFrames."""
    columns = analysis.entities.row_columns()
    if columns is not None:
        return columns
    table = _columns_of(analysis.entities.table, ENTITY_COLUMNS, "entities")
    mentions = _columns_of(analysis.entities.mentions, MENTION_COLUMNS, "mentions")
    return [table[c].tolist() for c in ENTITY_COLUMNS], [mentions[c].tolist() for c in MENTION_COLUMNS]


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
    """(index, first record batch) of each payload that is a framed Arrow IPC stream (:func:`framed`) whose
    checksum holds and whose buffers validate; None, empty, damaged, truncated or foreign payloads are skipped
    (the caller recomputes them)."""
    for i, payload in enumerate(payloads):
        if not payload or len(payload) < 8 or payload[:4] != _MAGIC:
            continue
        stream = memoryview(payload)[8:]
        if zlib.crc32(stream) != int.from_bytes(payload[4:8], "little"):
            continue
        try:
            batch = pa.ipc.open_stream(stream).read_next_batch()
            batch.validate(full=True)  # offsets inside their buffers: Arrow's C++ would otherwise read past them
        except (pa.ArrowException, OSError, ValueError, TypeError, StopIteration):
            continue
        yield i, batch


def _decode_table(
    table: pa.Table, headers: Sequence[Mapping[str, Any]], ids: Sequence[int | None], stored: Sequence[str | None],
    Analysis: type,
) -> list[Any]:
    """The analyses of ``table``'s rows (None for a row whose sizes do not add up or whose paragraphs do not fit
    its text)."""
    if tuple(table.column_names) != _COLUMNS:
        raise ValueError("another layout")
    rows = table.num_rows

    def listed(name: str) -> tuple[list[int], pa.Array]:
        """The row offsets of a list column and its values for every row."""
        array = table.column(name).chunk(0)
        offsets = array.offsets.to_numpy()
        return (offsets - offsets[0]).tolist(), array.values.slice(offsets[0], offsets[-1] - offsets[0])

    # Each list converted once for every row (writable copies: pandas' frames never share read-only Arrow memory)
    int_offsets, int_values = listed("ints")
    float_offsets, float_values = listed("floats")
    string_offsets, string_values = listed("strings")
    if not pa.types.is_int64(int_values.type) or not pa.types.is_float64(float_values.type) or \
            not pa.types.is_large_string(string_values.type):
        raise TypeError("another layout")
    ints = np.array(int_values.to_numpy(zero_copy_only=False))
    floats = np.array(float_values.to_numpy(zero_copy_only=False))
    strings = _values(string_values)  # pandas' text array, sliced per table column

    # Where each row's sections start, and the Python strings Paragraph and Entity objects need (kinds, texts
    # when written, entity names, types and aliases): the first strings of each row, converted in one call.
    layouts: list[dict[str, Any] | None] = []
    wanted_starts, wanted_counts = [], []
    for r in range(rows):
        layout = _layout(ints, int_offsets[r], int_offsets[r + 1], float_offsets[r + 1] - float_offsets[r],
                         string_offsets[r + 1] - string_offsets[r])
        layouts.append(layout)
        if layout is not None:
            wanted_starts.append(string_offsets[r])
            wanted_counts.append(layout["python"])
    counts_array = np.array(wanted_counts, np.int64)
    starts_array = np.array(wanted_starts, np.int64)
    positions = np.repeat(starts_array - np.concatenate(([0], np.cumsum(counts_array)[:-1])), counts_array) + \
        np.arange(int(counts_array.sum()))
    # (through numpy: Arrow's own to_pylist builds a scalar object per value first)
    python = string_values.take(pa.array(positions, pa.int64())).to_numpy(zero_copy_only=False).tolist() \
        if len(positions) else []

    summary_column = table.column("summary").chunk(0)
    summary_fields = dict(zip([f.name for f in summary_column.type], summary_column.flatten()))
    summaries = {name: summary_fields[name].to_pylist() for name in _SUMMARY_FIELDS}
    counts_column = table.column("counts").chunk(0)
    counts = dict(zip([f.name for f in counts_column.type], counts_column.flatten()))
    word_counts = counts["word_count"].to_pylist()
    boilerplate = counts["include_boilerplate"].to_pylist()
    names_as_terms = counts["names_as_terms"].to_pylist()

    # Paragraph texts (from the payload, or cut from the stored text), then every opening in one conversion.
    row_texts: list[list[str] | None] = []
    at = 0
    for r, layout in enumerate(layouts):
        if layout is None:
            row_texts.append(None)
            continue
        n, ne, npar, nm = (layout[k] for k in ("n", "ne", "np", "nm"))
        if layout["written"]:
            texts = python[at + n: at + 2 * n]
        else:
            base = int_offsets[r] + _SIZES + n + 3 * ne + npar + 3 * nm  # the paragraphs' lengths
            texts = _cut(stored[r], ints[base: base + n].tolist())
        row_texts.append(texts)
        at += layout["python"]
    openings = text_columns([opening_words(t) for texts in row_texts if texts is not None for t in texts])[0]

    from analysis.nlp.entities import EntityResult

    results: list[Any] = []
    at = opening_at = 0
    for r, layout in enumerate(layouts):
        texts = row_texts[r]
        if layout is None or texts is None:
            results.append(None)
            if layout is not None:
                at += layout["python"]
            continue
        n, nt, ne, na, npar, nm = (layout[k] for k in ("n", "nt", "ne", "na", "np", "nm"))
        own = python[at: at + layout["python"]]
        at += layout["python"]
        i = int_offsets[r] + _SIZES  # the row's ints, after its sizes
        index = ints[i: i + n]
        i += n
        mentions, alias_counts, paragraph_counts = (ints[i + k * ne: i + (k + 1) * ne] for k in range(3))
        i += 3 * ne
        paragraph_items = ints[i: i + npar].tolist()
        i += npar
        m_paragraph, m_start, m_end = (ints[i + k * nm: i + (k + 1) * nm] for k in range(3))
        i += 3 * nm
        _length, words, included, disagree = (ints[i + k * n: i + (k + 1) * n] for k in range(4))
        i += 4 * n
        term_counts = ints[i: i + nt]
        f = float_offsets[r]
        scores = [floats[f + k * n: f + (k + 1) * n] for k in range(4)]
        per_1000 = floats[f + 4 * n: f + 4 * n + nt]
        s = string_offsets[r]
        kinds = own[:n]
        kind_values = strings[s: s + n]
        s += 2 * n if layout["written"] else n
        e = n * (1 + layout["written"])  # where the row's entity strings start in ``own``
        names, types = own[e: e + ne], own[e + ne: e + 2 * ne]
        aliases = _groups(own[e + 2 * ne: e + 2 * ne + na], alias_counts.tolist())
        in_paragraphs = _groups(paragraph_items, paragraph_counts.tolist())
        s += 2 * ne + na
        name_values, type_values = strings[s - 2 * ne - na: s - ne - na], strings[s - ne - na: s - na]
        m_names, m_types, surfaces = (strings[s + k * nm: s + (k + 1) * nm] for k in range(3))
        s += 3 * nm
        term_values = strings[s: s + nt]

        paragraphs = tuple(map(Paragraph, index.tolist(), kinds, texts))
        article = Article(paragraphs=paragraphs, **headers[r])
        sentiment = frame_of(SENTIMENT_COLUMNS, [
            index, kind_values, included.astype(bool), words, *scores, disagree.astype(bool),
            openings[opening_at: opening_at + n],
        ])
        opening_at += n
        entity_table = frame_of(ENTITY_COLUMNS, [name_values, type_values, mentions, object_column(aliases),
                                                 object_column(in_paragraphs)])
        entities = tuple(map(Entity, names, types, mentions.tolist(), aliases, in_paragraphs))
        results.append(Analysis(
            article=article,
            word_count=word_counts[r],
            # an empty term column is object, as the engine makes it (analysis.nlp.terms.terms_frame)
            terms=frame_of(TERM_COLUMNS, [term_values if nt else object_column([]), term_counts, per_1000]),
            sentiment=sentiment,
            sentiment_summary=SentimentSummary(**{name: summaries[name][r] for name in _SUMMARY_FIELDS}),
            entities=EntityResult(
                table=entity_table, entities=entities,
                mentions=frame_of(MENTION_COLUMNS, [m_names, m_types, surfaces, m_paragraph, m_start, m_end])),
            include_boilerplate=boilerplate[r],
            names_as_terms=names_as_terms[r],
            article_id=ids[r],
        ))
    return results


def _layout(ints: np.ndarray, begin: int, end: int, floats: int, strings: int) -> dict[str, Any] | None:
    """A row's sizes, read from the start of its ints, when they add up to its lists' lengths; else None."""
    if end - begin < _SIZES:
        return None
    n, nt, ne, na, npar, nm, written = ints[begin: begin + _SIZES].tolist()
    if min(n, nt, ne, na, npar, nm) < 0 or written not in (0, 1):
        return None
    python = n * (1 + written) + 2 * ne + na  # the strings decoded to Python: kinds, texts, entity names ...
    if end - begin != _SIZES + 5 * n + nt + 3 * ne + npar + 3 * nm or floats != 4 * n + nt or \
            strings != python + 3 * nm + nt:
        return None
    groups = ints[begin + _SIZES + n + ne: begin + _SIZES + n + 3 * ne]  # each entity's aliases and paragraphs
    if (groups < 0).any() or groups[:ne].sum() != na or groups[ne:].sum() != npar:
        return None
    return {"n": n, "nt": nt, "ne": ne, "na": na, "np": npar, "nm": nm, "written": written, "python": python}


def _groups(items: list, counts: list[int]) -> list[tuple]:
    """``items`` cut into tuples of ``counts`` items each, in order."""
    groups, at = [], 0
    for count in counts:
        groups.append(tuple(items[at: at + count]))
        at += count
    return groups


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
    return _stream_bytes(sink)


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
