"""The user's corrections of an entity result: pure functions returning a new result.

``merge`` a into b (each written mention counted once: "J.B." and "Pritzker" found side by side in
"J.B. Pritzker" are one mention of the merged entity), ``rename`` a to b, ``retype`` a as type b, ``remove`` a
(not an entity: its row and its mentions go). :func:`apply_entity_edits` applies a list in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from analysis.errors import InvalidOptionError, NotFoundError
from analysis.models import Article
from analysis.nlp.entities.lexicon import (
    entity_key,
)
from analysis.nlp.entities.tables import (
    ENTITY_COLUMNS,
    EntityResult,
    _result,
    _table,
)

if TYPE_CHECKING:
    import pandas as pd

EntityEditAction = Literal["merge", "rename", "retype", "remove"]
ENTITY_EDIT_ACTIONS: tuple[EntityEditAction, ...] = ("merge", "rename", "retype", "remove")
#: Mentions of one entity separated by at most this many spaces in a paragraph are one written name
#: ("J.B." + " " + "Pritzker"), counted once after a merge.
ADJACENT_GAP = 1


class UnknownEntityError(NotFoundError):
    """No entity of the result has that name or alias."""


@dataclass(frozen=True)
class EntityEdit:
    """A correction the user made: ``merge`` entity ``a`` into ``b``, ``rename`` entity ``a`` to ``b``,
    ``retype`` entity ``a`` as type ``b`` (one of :data:`analysis.models.ENTITY_TYPES`), or ``remove`` entity
    ``a`` (not an entity; ``b`` is empty)."""

    action: EntityEditAction
    a: str
    b: str = ""

    def describe(self) -> str:
        """The correction in words, direction included: "Merge “J.B.” into “J.B. Pritzker”"."""
        if self.action == "merge":
            return f"Merge “{self.a}” into “{self.b}”"
        if self.action == "rename":
            return f"Rename “{self.a}” to “{self.b}”"
        if self.action == "retype":
            return f"Make “{self.a}” a{'n' if self.b[:1] in 'aeiou' else ''} {self.b}"
        return f"Remove “{self.a}” (not an entity)"


# ------------------------------------------------------------------------------------------------
# The user's corrections: pure functions returning a new result


def _find(result: EntityResult, name: str) -> int:
    """Row position of the entity called ``name`` (exactly, else by any alias's :func:`entity_key`)."""
    names = list(result.table["name"])
    if name in names:
        return names.index(name)
    key = entity_key(name)
    if key:
        for i, (n, aliases) in enumerate(zip(result.table["name"], result.table["aliases"])):
            if key == entity_key(n) or any(key == entity_key(a) for a in aliases):
                return i
    shown = ", ".join(repr(n) for n in names[:8]) + (" ..." if len(names) > 8 else "")
    raise UnknownEntityError(
        f"No entity is called {name!r} in this article; use one of the names in the entity table"
        + (f" ({shown})." if names else " (it has none).")
    )


def merge_entities(
    result: EntityResult, keep: str, absorb: str, *, article: Article | None = None
) -> EntityResult:
    """A new result where entity ``absorb`` is part of entity ``keep``.

    ``keep`` keeps its name and type; its mentions are the sum, its aliases gain ``absorb``'s name and
    aliases, its paragraphs are the union. Either name may be given by an alias. Merging an entity with
    itself changes nothing. Raises :class:`UnknownEntityError` for a name the result does not have.

    With the ``article`` the result was made from, mentions of the merged entity that are side by side in its
    text, only a space apart ("J.B." and "Pritzker" in "J.B. Pritzker"), become one mention whose surface is
    the text they cover (an alias too): each written name counts once.
    """
    i, j = _find(result, keep), _find(result, absorb)
    if i == j:
        return result
    table = result.table
    k_name, k_type, k_mentions, k_aliases, k_pars = table.iloc[i][ENTITY_COLUMNS]
    a_name, _, a_mentions, a_aliases, a_pars = table.iloc[j][ENTITY_COLUMNS]
    aliases = tuple(dict.fromkeys(a for a in (*k_aliases, a_name, *a_aliases) if a != k_name))
    mentions = result.mentions.copy()
    moved = mentions["name"] == a_name
    mentions.loc[moved, "name"] = k_name
    mentions.loc[moved, "type"] = k_type
    joined = 0
    if article is not None:
        mentions, joined, written = _join_adjacent(mentions, k_name, {p.index: p.text for p in article.paragraphs})
        aliases = tuple(dict.fromkeys((*aliases, *(w for w in written if w != k_name))))
    merged = (k_name, k_type, int(k_mentions) + int(a_mentions) - joined, aliases,
              tuple(sorted(set(k_pars) | set(a_pars))))
    rows = [tuple(r) for r in table[ENTITY_COLUMNS].itertuples(index=False)]
    rows[i] = merged
    del rows[j]
    return _result(_sorted_table(rows, mentions), mentions)


def remove_entity(result: EntityResult, name: str) -> EntityResult:
    """A new result without the entity ``name`` (its name or an alias): not an entity ("Thousands").

    Its row and its mentions go. Raises :class:`UnknownEntityError` for a name the result does not have.
    """
    i = _find(result, name)
    table = result.table
    gone = table["name"].iloc[i]
    rows = [tuple(r) for k, r in enumerate(table[ENTITY_COLUMNS].itertuples(index=False)) if k != i]
    mentions = result.mentions[result.mentions["name"] != gone].reset_index(drop=True)
    return _result(_sorted_table(rows, mentions), mentions)


def retype_entity(result: EntityResult, name: str, entity_type: str) -> EntityResult:
    """A new result where the entity ``name`` (its name or an alias) is of type ``entity_type``.

    Raises :class:`UnknownEntityError` for an unknown name, ``InvalidOptionError`` for a type not in
    :data:`analysis.models.ENTITY_TYPES`.
    """
    from analysis.models import ENTITY_TYPES

    if entity_type not in ENTITY_TYPES:
        raise InvalidOptionError("type", entity_type, set(ENTITY_TYPES))
    i = _find(result, name)
    rows = [tuple(r) for r in result.table[ENTITY_COLUMNS].itertuples(index=False)]
    old_name, old_type, *rest = rows[i]
    if old_type == entity_type:
        return result
    rows[i] = (old_name, entity_type, *rest)
    mentions = result.mentions.copy()
    mentions.loc[mentions["name"] == old_name, "type"] = entity_type
    return _result(_sorted_table(rows, mentions), mentions)


def _join_adjacent(
    mentions: pd.DataFrame, name: str, texts: dict[int, str]
) -> tuple[pd.DataFrame, int, list[str]]:
    """``mentions`` with the mentions of ``name`` that are side by side in a paragraph's text (only spaces, at
    most :data:`ADJACENT_GAP`, between them) joined into one covering both; how many rows were joined away;
    and the surfaces of the joined mentions."""
    own = mentions.index[mentions["name"] == name]
    spans = sorted(
        (int(mentions.at[k, "paragraph"]), int(mentions.at[k, "start"]), int(mentions.at[k, "end"]), k) for k in own
    )
    drop: list[int] = []
    extended: dict[int, None] = {}  # the rows that now cover two or more mentions, in reading order
    current = None  # (paragraph, start, end, row) of the mention being extended
    for paragraph, start, end, k in spans:
        text = texts.get(paragraph)
        if (current is not None and text is not None and paragraph == current[0]
                and 0 <= start - current[2] <= ADJACENT_GAP and not text[current[2]:start].strip()):
            first = current[3]
            current = (paragraph, current[1], max(end, current[2]), first)
            mentions.at[first, "end"] = current[2]
            mentions.at[first, "surface"] = text[current[1]:current[2]]
            drop.append(k)
            extended[first] = None
            continue
        current = (paragraph, start, end, k)
    written = [mentions.at[k, "surface"] for k in extended]
    if drop:
        mentions = mentions.drop(index=drop).reset_index(drop=True)
    return mentions, len(drop), written


def rename_entity(result: EntityResult, old: str, new: str) -> EntityResult:
    """A new result where the entity ``old`` (its name or an alias) is called ``new``.

    The old name stays among the aliases (it is how the text writes it). When ``new`` is already another
    entity's name, the two are the same thing and are merged under ``new``. Raises
    :class:`UnknownEntityError` when no entity is called ``old``, and ``InvalidOptionError`` for a blank name.
    """
    new = str(new).strip()
    if not new:
        raise InvalidOptionError("new", new, "a non-blank name")
    i = _find(result, old)
    names = list(result.table["name"])
    if new in names and names.index(new) != i:
        return merge_entities(result, new, names[i])
    table = result.table
    name, etype, count, aliases, pars = table.iloc[i][ENTITY_COLUMNS]
    if new == name:
        return result
    aliases = tuple(dict.fromkeys(a for a in (name, *aliases) if a != new))
    rows = [tuple(r) for r in table[ENTITY_COLUMNS].itertuples(index=False)]
    rows[i] = (new, etype, int(count), aliases, tuple(pars))
    mentions = result.mentions.copy()
    mentions.loc[mentions["name"] == name, "name"] = new
    return _result(_sorted_table(rows, mentions), mentions)


def apply_entity_edits(
    result: EntityResult, edits: Iterable[EntityEdit], *, article: Article | None = None
) -> EntityResult:
    """``result`` with the user's edits applied in order: ``merge`` a into b, ``rename`` a to b, ``retype`` a
    as b, ``remove`` a.

    An edit naming an entity the result does not have (the text or the extractor changed since) is
    skipped. Raises ``InvalidOptionError`` for an unknown action or type. ``article`` (the one ``result`` was
    made from) lets a merge count a written name once (see :func:`merge_entities`).
    """
    for edit in edits:
        if edit.action not in ENTITY_EDIT_ACTIONS:
            raise InvalidOptionError("action", edit.action, set(ENTITY_EDIT_ACTIONS))
        try:
            if edit.action == "merge":
                result = merge_entities(result, keep=edit.b, absorb=edit.a, article=article)
            elif edit.action == "rename":
                result = rename_entity(result, edit.a, edit.b)
            elif edit.action == "retype":
                result = retype_entity(result, edit.a, edit.b)
            else:
                result = remove_entity(result, edit.a)
        except UnknownEntityError:
            continue
    return result


def _sorted_table(rows: list[tuple], mentions: pd.DataFrame) -> pd.DataFrame:
    first = {}
    for n, p, s in mentions[["name", "paragraph", "start"]].itertuples(index=False):
        first.setdefault(n, (int(p), int(s)))
    rows = sorted(rows, key=lambda r: (-int(r[2]), first.get(r[0], (1 << 30, 0))))
    return _table(rows)
