"""The result of entity extraction: :class:`EntityResult` and its two DataFrames, built from their blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.frames import (
    column_labels,
    int_column,
    object_column,
    text_columns,
    text_dtype,
)
from analysis.models import Entity

ENTITY_COLUMNS = ["name", "type", "mentions", "aliases", "paragraphs"]
MENTION_COLUMNS = ["name", "type", "surface", "paragraph", "start", "end"]


@dataclass(frozen=True, eq=False)
class EntityResult:
    """The entities of one article.

    table: DataFrame[name, type, mentions, aliases, paragraphs], one row per entity, most mentioned first
        (ties: first mentioned first). name is the fullest name (str); type one of "person", "organisation",
        "place", "other"; mentions the count of every mention (int); aliases a tuple of the other surface
        forms seen; paragraphs a tuple of the indexes (Paragraph.index) of the paragraphs that mention it,
        ascending.
    mentions: DataFrame[name, type, surface, paragraph, start, end], one row per mention in reading order:
        the entity's name and type, the text as written (a possessive "’s" left out), the paragraph index,
        and start/end character offsets into that paragraph's text (``text[start:end] == surface``).
    entities: the table's rows as :class:`analysis.models.Entity` records, in the same order.
    """

    table: pd.DataFrame
    mentions: pd.DataFrame
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.entities)


# ------------------------------------------------------------------------------------------------
# Tables


def _table(rows: Sequence[tuple]) -> pd.DataFrame:
    """DataFrame[name, type, mentions, aliases, paragraphs] from row tuples."""
    names, types, counts, aliases, paragraphs = _columns(rows, len(ENTITY_COLUMNS))
    return _frame(ENTITY_COLUMNS, text_columns(names, types), [counts], [aliases, paragraphs])


def _tables(rows: Sequence[tuple], mention_rows: Sequence[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entity table (see :func:`_table`) and DataFrame[name, type, surface, paragraph, start, end] from
    row tuples, their five text columns converted at once."""
    names, types, counts, aliases, paragraphs = _columns(rows, len(ENTITY_COLUMNS))
    m_names, m_types, surfaces, m_paragraphs, starts, ends = _columns(mention_rows, len(MENTION_COLUMNS))
    texts = text_columns(names, types, m_names, m_types, surfaces)
    table = _frame(ENTITY_COLUMNS, texts[:2], [counts], [aliases, paragraphs])
    return table, _frame(MENTION_COLUMNS, texts[2:], [m_paragraphs, starts, ends])


# A DataFrame is built from its columns, each with the dtype pandas infers from the rows (and keeps for an empty
# table): a fraction of the cost of letting pandas infer the dtypes of row tuples.


def _columns(rows: Sequence[tuple], width: int) -> list[Sequence]:
    return list(zip(*rows)) if rows else [()] * width


@lru_cache(maxsize=1)
def _dataframe_from_blocks() -> Callable | None:
    """pandas' ``create_dataframe_from_blocks`` (public since pandas 3: ``pandas.api.internals``), else None."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:  # pragma: no cover - pandas before 3
        return None
    return create_dataframe_from_blocks


@lru_cache(maxsize=8)
def _placements(texts: int, ints: int, objects: int) -> tuple[np.ndarray, ...]:
    """Which columns each block holds: one block per text column, then the int64 block, then the objects."""
    out = [np.array([i]) for i in range(texts)]
    out.append(np.arange(texts, texts + ints))
    if objects:
        out.append(np.arange(texts + ints, texts + ints + objects))
    for placement in out:
        placement.setflags(write=False)
    return tuple(out)


def _frame(columns: list[str], texts: list, ints: list[Sequence[int]], objects: list[Sequence] = ()) -> pd.DataFrame:
    """A DataFrame of text columns (arrays from :func:`_text_columns`), then int64 columns, then object columns,
    index 0..n-1 -- the layout of both tables.

    pandas' public constructor spends most of its time inferring dtypes that are known already and then
    grouping the columns into the blocks it stores (one per text column, one for the int64 columns, one for the
    objects); ``create_dataframe_from_blocks`` takes those blocks as they are, at a third of the cost. Without
    it, or with text stored as objects (pandas before 3), the public constructor builds the frame; a test
    checks that both give the same tables.
    """
    from_blocks = _dataframe_from_blocks()
    if from_blocks is None or text_dtype() == object:
        arrays = [*texts, *map(int_column, ints), *map(object_column, objects)]
        return pd.DataFrame(dict(zip(columns, arrays)), copy=False)
    n = len(texts[0])
    blocks = list(texts)
    blocks.append(np.array(ints, dtype=np.int64).reshape(len(ints), n))
    if objects:
        block = np.empty((len(objects), n), dtype=object)
        for row, values in enumerate(objects):
            block[row] = object_column(values)
        blocks.append(block)
    labels = column_labels(tuple(columns)).view()  # a new Index object: a caller may name its frame's columns
    placements = _placements(len(texts), len(ints), len(objects))
    return from_blocks(list(zip(blocks, placements)), index=pd.RangeIndex(n), columns=labels)


def _result(table: pd.DataFrame, mentions: pd.DataFrame) -> EntityResult:
    """The result of edited tables, its entities read back from the table (numpy ints made Python ints)."""
    rows = table[ENTITY_COLUMNS].itertuples(index=False, name=None)
    entities = tuple(
        Entity(name=n, type=t, mentions=int(m), aliases=tuple(al), paragraphs=tuple(int(i) for i in ps))
        for n, t, m, al, ps in rows
    )
    return EntityResult(table=table, mentions=mentions, entities=entities)
