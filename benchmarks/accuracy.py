"""How well Storyscope reads news: its analysis of one article scored against hand-made gold.

The gold format and the counting rules are in ``tests/data/news/README.md``. ``bench_accuracy.py`` runs this
over the whole development corpus; ``tests/test_accuracy.py`` checks the rules on small hand-made cases.

Four figures per article, each a count of right answers out of a total:

- **key entities right**: a gold entity is right when exactly one row of the entity table holds all of its
  names (the row's name or aliases, compared case-insensitively), that row holds no name of another gold
  entity, and the row's mentions are within ±1 of the hand count;
- **clutter kept out**: a gold clutter block (a caption, credit, link, prompt, footer ...) is kept out when every
  paragraph that holds any of its text is typed byline or boilerplate (a "heading" still counts in the numbers);
- **body lost**: a gold body block (every other block of the text but the title) is lost when any paragraph that
  holds its text is typed byline or boilerplate;
- **metadata right**: title, authors, published date and language, one point each.

Blocks are found by position: the text and the paragraphs are compared with all white space removed, so a
paragraph made of several lines of the text, or a line cut into several paragraphs, is still found.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from analysis.models import Article
from analysis.reading.text import normalize_text

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "news"
METADATA_FIELDS = ("title", "authors", "published", "language")


@dataclass(frozen=True)
class ClutterItem:
    """A clutter block of the gold: its pattern ("caption", "credit" ...) and a unique prefix of its first line."""

    pattern: str
    text: str


@dataclass(frozen=True)
class GoldEntity:
    """A key entity: its name, its other names as written in the text, its type and its hand-counted mentions."""

    name: str
    type: str
    mentions: int
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gold:
    """One article's gold (see tests/data/news/README.md)."""

    title: str
    authors: tuple[str, ...]
    published: dt.date | None
    language: str
    clutter: tuple[ClutterItem, ...]
    entities: tuple[GoldEntity, ...]
    not_entities: tuple[str, ...] = ()
    shape: str = ""


@dataclass(frozen=True)
class Miss:
    """One wrong answer, for the report: what was expected and what was found."""

    what: str
    detail: str


@dataclass(frozen=True)
class ArticleScore:
    """An article's figures: right answers and totals, the misses behind them, and clutter per pattern."""

    name: str
    entities_right: int
    entities_total: int
    clutter_out: int
    clutter_total: int
    body_lost: int
    body_total: int
    metadata_right: dict[str, bool]
    types_right: int = 0
    type_misses: tuple[Miss, ...] = ()  # entities right whose type is wrong
    junk_entities: tuple[str, ...] = ()
    clutter_by_pattern: dict[str, tuple[int, int]] = field(default_factory=dict)
    misses: tuple[Miss, ...] = ()


def load_gold(path: Path) -> Gold:
    """The gold of one article from its JSON file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    published = data.get("published")
    return Gold(
        title=data["title"],
        authors=tuple(data.get("authors", ())),
        published=dt.date.fromisoformat(published) if published else None,
        language=data["language"],
        clutter=tuple(ClutterItem(item["pattern"], item["text"]) for item in data.get("clutter", ())),
        entities=tuple(
            GoldEntity(e["name"], e["type"], int(e["mentions"]), tuple(e.get("aliases", ())))
            for e in data.get("entities", ())
        ),
        not_entities=tuple(data.get("not_entities", ())),
        shape=data.get("shape", ""),
    )


def corpus(folder: Path = CORPUS) -> list[tuple[Path, Gold]]:
    """Every article of ``folder`` (``name.txt`` beside ``name.json``) with its gold, by name."""
    return [(path.with_suffix(".txt"), load_gold(path)) for path in sorted(folder.glob("*.json"))]


def select(articles: Sequence[tuple[Path, Gold]], names: Iterable[str] | None = None,
           prefixes: Iterable[str] | None = None, excluded: Iterable[str] | None = None) -> list[tuple[Path, Gold]]:
    """The articles of ``articles`` whose file stem is one of ``names`` or starts with one of ``prefixes``
    (``prefixes=["heldout2-"]``: the second held-out set alone); all of them when neither is given. Those whose
    stem starts with one of ``excluded`` are left out either way (``excluded=["heldout8-"]``: a blind set
    kept unseen)."""
    names, prefixes, excluded = set(names or ()), tuple(prefixes or ()), tuple(excluded or ())
    chosen = list(articles) if not names and not prefixes else [
        (path, gold) for path, gold in articles if path.stem in names or path.stem.startswith(prefixes)]
    return [(path, gold) for path, gold in chosen if not (excluded and path.stem.startswith(excluded))]


# --- finding blocks by position -------------------------------------------------------------------------


def _squashed(text: str) -> str:
    return "".join(text.split())


def _paragraph_spans(squashed_text: str, paragraphs: Sequence[str]) -> list[tuple[int, int]]:
    """Where each paragraph lies in the squashed text (paragraphs come in order)."""
    spans = []
    cursor = 0
    for text in paragraphs:
        piece = _squashed(text)
        start = squashed_text.find(piece, cursor)
        if start < 0:  # the text was changed on the way (a "#" mark, a joined hyphen): place it by its opening
            start = squashed_text.find(piece[:20], cursor)
        if start < 0:
            spans.append((cursor, cursor))
            continue
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


@dataclass(frozen=True)
class _Unit:
    """A gold block: its role ("title", "body" or a clutter item's index), text and span in the squashed text."""

    role: str | int
    text: str
    start: int
    end: int


def _gold_units(raw_text: str, gold: Gold) -> list[_Unit]:
    """The text cut into gold blocks: the title line, clutter items (a line starting with the item's text and the
    lines after it in the same block, up to the next item) and body blocks (the other lines of each block)."""
    normalised = normalize_text(raw_text)
    title = _squashed(gold.title)
    groups: list[tuple[str | int, list[str]]] = []
    used_items: set[int] = set()
    title_seen = False
    for block in normalised.split("\n\n"):
        current: list[str] | None = None
        for line in filter(None, (line.strip() for line in block.split("\n"))):
            item = next(
                (i for i, c in enumerate(gold.clutter) if i not in used_items and line.startswith(c.text)), None
            )
            if item is not None:
                used_items.add(item)
                current = [line]
                groups.append((item, current))
            elif not title_seen and _squashed(line.lstrip("#").strip()) == title:
                title_seen = True
                groups.append(("title", [line]))
                current = None
            elif current is None:
                current = [line]
                groups.append(("body", current))
            else:
                current.append(line)
    squashed = _squashed(normalised)
    units = []
    cursor = 0
    for role, lines in groups:
        piece = _squashed(" ".join(lines))
        start = squashed.find(piece, cursor)
        start = cursor if start < 0 else start
        units.append(_Unit(role, " ".join(lines), start, start + len(piece)))
        cursor = start + len(piece)
    return units


def _kinds_over(unit: _Unit, spans: Sequence[tuple[int, int]], kinds: Sequence[str]) -> list[str]:
    return [kind for (start, end), kind in zip(spans, kinds) if start < unit.end and unit.start < end]


# --- entities -------------------------------------------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def entity_verdict(entity: GoldEntity, others: Iterable[GoldEntity], rows: Sequence[dict]) -> str | None:
    """None when ``entity`` is right in the entity table ``rows`` (dicts with name, mentions, aliases), else why not."""
    names_of_row = [{_key(row["name"]), *(_key(alias) for alias in row.get("aliases") or ())} for row in rows]
    holding = {_key(name): [i for i, names in enumerate(names_of_row) if _key(name) in names] for name in entity.names}
    missing = [name for name in entity.names if not holding[_key(name)]]
    if missing:
        return "not found: " + ", ".join(repr(name) for name in missing)
    found_rows = sorted({i for found in holding.values() for i in found})
    if len(found_rows) > 1:
        return "split over rows " + ", ".join(repr(rows[i]["name"]) for i in found_rows)
    row = rows[found_rows[0]]
    merged = [other.name for other in others if any(_key(n) in names_of_row[found_rows[0]] for n in other.names)]
    if merged:
        return f"merged with {', '.join(map(repr, merged))} in row {row['name']!r}"
    if abs(int(row["mentions"]) - entity.mentions) > 1:
        return f"{row['mentions']} mentions in row {row['name']!r}, {entity.mentions} by hand"
    return None


# --- the article ----------------------------------------------------------------------------------------


def score_article(name: str, raw_text: str, article: Article, entity_rows: Sequence[dict], gold: Gold) -> ArticleScore:
    """``article`` (parsed from ``raw_text``) and its entity table rows scored against ``gold``."""
    misses: list[Miss] = []
    squashed = _squashed(normalize_text(raw_text))
    paragraphs = article.paragraphs
    spans = _paragraph_spans(squashed, [p.text for p in paragraphs])
    kinds = [p.kind for p in paragraphs]
    left_out = {"byline", "boilerplate"}

    clutter_out = 0
    by_pattern: dict[str, list[int]] = {}
    body_lost = body_total = 0
    units = _gold_units(raw_text, gold)
    for unit in units:
        over = _kinds_over(unit, spans, kinds)
        if isinstance(unit.role, int):
            pattern = gold.clutter[unit.role].pattern
            out = all(kind in left_out for kind in over)
            clutter_out += out
            counts = by_pattern.setdefault(pattern, [0, 0])
            counts[0] += out
            counts[1] += 1
            if not out:
                misses.append(Miss(f"clutter ({pattern})", f"{unit.text[:70]!r} typed {'/'.join(over)}"))
        elif unit.role == "body":
            body_total += 1
            if any(kind in left_out for kind in over):
                body_lost += 1
                misses.append(Miss("body lost", f"{unit.text[:70]!r} typed {'/'.join(over)}"))
    found_items = {unit.role for unit in units if isinstance(unit.role, int)}
    for i, item in enumerate(gold.clutter):
        if i not in found_items:  # the gold is wrong: count it as a miss so that it gets fixed
            misses.append(Miss(f"clutter ({item.pattern})", f"{item.text!r} not found in the text"))

    right = types = 0
    type_misses: list[Miss] = []
    for entity in gold.entities:
        verdict = entity_verdict(entity, [e for e in gold.entities if e is not entity], entity_rows)
        if verdict is None:
            right += 1
            row = next(r for r in entity_rows if _key(r["name"]) in {_key(n) for n in entity.names}
                       or any(_key(a) in {_key(n) for n in entity.names} for a in r.get("aliases") or ()))
            types += row.get("type") == entity.type
            if row.get("type") != entity.type:
                type_misses.append(Miss(f"type {entity.name!r}", f"{row.get('type')}, gold {entity.type}"))
        else:
            misses.append(Miss(f"entity {entity.name!r}", verdict))
    table_names = {_key(r["name"]) for r in entity_rows} | {_key(a) for r in entity_rows for a in r.get("aliases") or ()}
    junk = tuple(name for name in gold.not_entities if _key(name) in table_names)

    metadata = {
        "title": _key(article.title) == _key(gold.title),
        "authors": tuple(map(_key, article.authors)) == tuple(map(_key, gold.authors)),
        "published": article.published == gold.published,
        "language": article.language == gold.language,
    }
    found = {"title": article.title, "authors": article.authors, "published": article.published,
             "language": article.language}
    expected = {"title": gold.title, "authors": gold.authors, "published": gold.published, "language": gold.language}
    for key, ok in metadata.items():
        if not ok:
            misses.append(Miss(key, f"{found[key]!r}, gold {expected[key]!r}"))
    return ArticleScore(
        name=name,
        entities_right=right,
        entities_total=len(gold.entities),
        clutter_out=clutter_out,
        clutter_total=len(gold.clutter),
        body_lost=body_lost,
        body_total=body_total,
        metadata_right=metadata,
        types_right=types,
        type_misses=tuple(type_misses),
        junk_entities=junk,
        clutter_by_pattern={pattern: (c[0], c[1]) for pattern, c in by_pattern.items()},
        misses=tuple(misses),
    )


def score_file(text_path: Path, gold: Gold) -> ArticleScore:
    """One corpus article read as a user's upload would be (``load_article``), analysed and scored."""
    from analysis import analyze, load_article

    data = text_path.read_bytes()
    article = load_article(data, text_path.name)
    table = analyze(article).entities.table
    rows = table.to_dict("records")
    return score_article(text_path.stem, data.decode("utf-8"), article, rows, gold)
