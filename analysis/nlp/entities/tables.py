"""The result of entity extraction: :class:`EntityResult` and its two DataFrames, built from their rows.

The extractor hands over plain rows; the DataFrames are built the first time they are read, so a caller
that needs only the rows (the command line writing JSON) never imports pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from analysis.models import Entity

if TYPE_CHECKING:
    import pandas as pd

ENTITY_COLUMNS = ["name", "type", "mentions", "aliases", "paragraphs"]
MENTION_COLUMNS = ["name", "type", "surface", "paragraph", "start", "end"]


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
    mention_rows: the mentions table's rows as tuples of Python values (name, type, surface, paragraph, start,
        end), for readers that want no DataFrame.

    Made either from the two DataFrames (``EntityResult(table=..., mentions=..., entities=...)``) or from rows
    (:meth:`of_rows`, what the extractor does: each DataFrame is then built when first read).
    """

    __slots__ = ("_table", "_mentions", "entities", "_mention_rows")

    def __init__(
        self, table: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None,
        entities: tuple[Entity, ...] = (),
    ) -> None:
        self._table = table
        self._mentions = mentions
        self.entities = tuple(entities)
        self._mention_rows: tuple[tuple, ...] | None = None

    @classmethod
    def of_rows(cls, entities: Sequence[Entity], mention_rows: Sequence[tuple]) -> EntityResult:
        """The result of its entities (the table's rows) and its mentions' rows (tuples in
        :data:`MENTION_COLUMNS` order, Python values)."""
        result = cls(entities=tuple(entities))
        result._mention_rows = tuple(mention_rows)
        return result

    @property
    def table(self) -> pd.DataFrame:
        if self._table is None:
            self._build_frames()
        return self._table

    @property
    def mentions(self) -> pd.DataFrame:
        if self._mentions is None:
            self._build_frames()
        return self._mentions

    @property
    def mention_rows(self) -> tuple[tuple, ...]:
        if self._mention_rows is None:
            columns = [self._mentions[c].tolist() for c in MENTION_COLUMNS]
            self._mention_rows = tuple(zip(*columns))
        return self._mention_rows

    def row_columns(self) -> tuple[list[Sequence], list[Sequence]] | None:
        """Both tables' columns as sequences of Python values (:data:`ENTITY_COLUMNS`, then
        :data:`MENTION_COLUMNS` order), read from the rows, while neither DataFrame has been built; None once
        one has (read the DataFrames then). The cache encodes these: no DataFrame built only to be written."""
        if self._table is not None or self._mentions is not None or self._mention_rows is None:
            return None
        rows = [(e.name, e.type, e.mentions, e.aliases, e.paragraphs) for e in self.entities]
        return _columns(rows, len(ENTITY_COLUMNS)), _columns(self._mention_rows, len(MENTION_COLUMNS))

    def _build_frames(self) -> None:
        rows = [(e.name, e.type, e.mentions, e.aliases, e.paragraphs) for e in self.entities]
        table, mentions = _tables(rows, self._mention_rows or ())
        if self._table is None:
            self._table = table
        if self._mentions is None:
            self._mentions = mentions

    def __len__(self) -> int:
        return len(self.entities)

    def __repr__(self) -> str:
        return f"EntityResult({len(self.entities)} entities, {len(self.mention_rows)} mentions)"

    def __getstate__(self) -> dict:
        return {"table": self.table, "mentions": self.mentions, "entities": self.entities}

    def __setstate__(self, state: dict) -> None:
        self._table, self._mentions, self.entities = state["table"], state["mentions"], state["entities"]
        self._mention_rows = None


# ------------------------------------------------------------------------------------------------
# Tables


def _table(rows: Sequence[tuple]) -> pd.DataFrame:
    """DataFrame[name, type, mentions, aliases, paragraphs] from row tuples."""
    from analysis.frames import text_columns

    names, types, counts, aliases, paragraphs = _columns(rows, len(ENTITY_COLUMNS))
    return _frame(ENTITY_COLUMNS, text_columns(names, types), [counts], [aliases, paragraphs])


def _tables(rows: Sequence[tuple], mention_rows: Sequence[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entity table (see :func:`_table`) and DataFrame[name, type, surface, paragraph, start, end] from
    row tuples, their five text columns converted at once."""
    from analysis.frames import text_columns

    names, types, counts, aliases, paragraphs = _columns(rows, len(ENTITY_COLUMNS))
    m_names, m_types, surfaces, m_paragraphs, starts, ends = _columns(mention_rows, len(MENTION_COLUMNS))
    texts = text_columns(names, types, m_names, m_types, surfaces)
    table = _frame(ENTITY_COLUMNS, texts[:2], [counts], [aliases, paragraphs])
    return table, _frame(MENTION_COLUMNS, texts[2:], [m_paragraphs, starts, ends])


# A DataFrame is built from its columns, each with the dtype pandas infers from the rows (and keeps for an empty
# table): a fraction of the cost of letting pandas infer the dtypes of row tuples.


def _columns(rows: Sequence[tuple], width: int) -> list[Sequence]:
    return list(zip(*rows)) if rows else [()] * width


def _frame(columns: list[str], texts: list, ints: list[Sequence[int]], objects: list[Sequence] = ()) -> pd.DataFrame:
    """A DataFrame of text columns (arrays from :func:`analysis.frames.text_columns`), then int64 columns, then
    object columns, index 0..n-1 -- the layout of both tables -- built by :func:`analysis.frames.frame_of`.

    (pandas' ``create_dataframe_from_blocks`` saved another ~0.16 ms an article, under 5 % of an analysis: not
    worth a second use of pandas internals.)
    """
    from analysis.frames import frame_of, int_column, object_column

    return frame_of(columns, [*texts, *map(int_column, ints), *map(object_column, objects)])


def _result(table: pd.DataFrame, mentions: pd.DataFrame) -> EntityResult:
    """The result of edited tables, its entities read back from the table (numpy ints made Python ints)."""
    rows = table[ENTITY_COLUMNS].itertuples(index=False, name=None)
    entities = tuple(
        Entity(name=n, type=t, mentions=int(m), aliases=tuple(al), paragraphs=tuple(int(i) for i in ps))
        for n, t, m, al, ps in rows
    )
    return EntityResult(table=table, mentions=mentions, entities=entities)
