"""The user's corrections of an entity result: pure functions returning a new result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from analysis.errors import InvalidOptionError, NotFoundError
from analysis.nlp.entities.lexicon import (
    entity_key,
)
from analysis.nlp.entities.tables import (
    ENTITY_COLUMNS,
    EntityResult,
    _result,
    _table,
)

EntityEditAction = Literal["merge", "rename"]
ENTITY_EDIT_ACTIONS: tuple[EntityEditAction, ...] = ("merge", "rename")


class UnknownEntityError(NotFoundError):
    """No entity of the result has that name or alias."""


@dataclass(frozen=True)
class EntityEdit:
    """A correction the user made: ``merge`` entity ``a`` into ``b``, or ``rename`` entity ``a`` to ``b``."""

    action: EntityEditAction
    a: str
    b: str


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


def merge_entities(result: EntityResult, keep: str, absorb: str) -> EntityResult:
    """A new result where entity ``absorb`` is part of entity ``keep``.

    ``keep`` keeps its name and type; its mentions are the sum, its aliases gain ``absorb``'s name and
    aliases, its paragraphs are the union. Either name may be given by an alias. Merging an entity with
    itself changes nothing. Raises :class:`UnknownEntityError` for a name the result does not have.
    """
    i, j = _find(result, keep), _find(result, absorb)
    if i == j:
        return result
    table = result.table
    k_name, k_type, k_mentions, k_aliases, k_pars = table.iloc[i][ENTITY_COLUMNS]
    a_name, _, a_mentions, a_aliases, a_pars = table.iloc[j][ENTITY_COLUMNS]
    aliases = tuple(dict.fromkeys(a for a in (*k_aliases, a_name, *a_aliases) if a != k_name))
    merged = (k_name, k_type, int(k_mentions) + int(a_mentions), aliases,
              tuple(sorted(set(k_pars) | set(a_pars))))
    rows = [tuple(r) for r in table[ENTITY_COLUMNS].itertuples(index=False)]
    rows[i] = merged
    del rows[j]
    mentions = result.mentions.copy()
    moved = mentions["name"] == a_name
    mentions.loc[moved, "name"] = k_name
    mentions.loc[moved, "type"] = k_type
    return _result(_sorted_table(rows, mentions), mentions)


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


def apply_entity_edits(result: EntityResult, edits: Iterable[EntityEdit]) -> EntityResult:
    """``result`` with the user's edits applied in order: ``merge`` a into b, ``rename`` a to b.

    An edit naming an entity the result does not have (the text or the extractor changed since) is
    skipped. Raises ``InvalidOptionError`` for an action other than "merge" or "rename".
    """
    for edit in edits:
        if edit.action not in ENTITY_EDIT_ACTIONS:
            raise InvalidOptionError("action", edit.action, set(ENTITY_EDIT_ACTIONS))
        try:
            if edit.action == "merge":
                result = merge_entities(result, keep=edit.b, absorb=edit.a)
            else:
                result = rename_entity(result, edit.a, edit.b)
        except UnknownEntityError:
            continue
    return result


def _sorted_table(rows: list[tuple], mentions: pd.DataFrame) -> pd.DataFrame:
    first = {}
    for n, p, s in mentions[["name", "paragraph", "start"]].itertuples(index=False):
        first.setdefault(n, (int(p), int(s)))
    rows = sorted(rows, key=lambda r: (-int(r[2]), first.get(r[0], (1 << 30, 0))))
    return _table(rows)
