"""The corpus library: every article a user adds, stored once, kept across restarts, analysed once.

An embedded SQLite database (stdlib ``sqlite3``, no server) at ``<folder>/storyscope.sqlite3``, where the
folder is the one given, else ``$STORYSCOPE_DATA``, else ``data/`` at the project root. WAL mode and a busy
timeout let several processes use it at once; every write is one ``BEGIN IMMEDIATE`` transaction, so a crash
or ``kill -9`` leaves either the whole write or none of it. ``synchronous = NORMAL`` (SQLite's advice for WAL):
a committed article survives the program being killed; a power cut may lose the last few commits, never the
database's consistency.

Tables:

- ``articles``: id, content_hash (unique: the SHA-256 of the normalised text, whitespace runs folded), title,
  authors (JSON list), published (ISO date), source, language, filename (base name only), word_count, seed
  (1 for the articles of ``seeds/``), added (ISO timestamp, UTC), text (the normalised text). A covering index
  on the listed columns keeps listing fast however long the texts are.
- ``analysis_cache``: (content_hash, version) -> the Analysis as Arrow IPC bytes (:mod:`analysis.store.codec`),
  without the article's metadata and text (those are the row's; the paragraphs are cut from ``text``). An
  unchanged article is never analysed twice; a new :data:`analysis.pipeline.ANALYSER_VERSION` or
  :data:`analysis.store.codec.CODEC_VERSION` (``version`` is both) recomputes. The JSON cache of earlier versions (table ``analyses``) is dropped on opening.
- ``sentence_cache``: (content_hash, version) -> the scores of the sentences naming an entity
  (``Analysis.entity_sentences``, :func:`analysis.store.codec.encode_sentence_scores`), stored the first time
  a comparison asks for them (``analyses(..., entity_sentences=True)``); ``version`` adds
  :data:`analysis.store.codec.SENTENCES_VERSION` to the analysis' version.
- ``entity_edits``: (article_id, seq) -> action ("merge", "rename", "retype" or "remove"), a, b: the user's
  entity corrections (a library made before retype/remove existed is brought up to date on opening).

:meth:`Library.analyses` is what every reader of analyses uses (the dashboard, ``compare``, ``library
export``): the cached analysis, the row's metadata, the user's entity corrections applied.
- ``meta``: key -> value (schema version, which seed files are stored).

Adding a file goes through :func:`analysis.reading.readers.load_article`; any ``InputError`` stores nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd
import pyarrow as pa

from analysis.errors import (
    EmptyInputError,
    InvalidOptionError,
    NotFoundError,
    SeedArticleError,
    StoreError,
)
from analysis import pipeline
from analysis.models import Article
from analysis.store.codec import (
    CODEC_VERSION, SENTENCES_VERSION, article_header, decode_analyses, decode_sentence_scores, encode_analysis,
    encode_sentence_scores,
)
from analysis.reading.readers import SUPPORTED_EXTENSIONS, load_article, max_upload_bytes, safe_filename

if TYPE_CHECKING:
    from analysis.nlp.entities import EntityEdit
    from analysis.pipeline import Analysis

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SEEDS_DIR = PROJECT_ROOT / "seeds"
DATA_ENV = "STORYSCOPE_DATA"
DB_FILENAME = "storyscope.sqlite3"
SCHEMA_VERSION = "1"
BUSY_TIMEOUT_SECONDS = 30.0

AddStatus = Literal["added", "duplicate"]

#: Columns of :meth:`Library.list_articles`, in order.
LIST_COLUMNS = ["id", "title", "authors", "published", "source", "language", "filename", "word_count", "seed", "added"]

_ENTITY_EDITS_TABLE = """CREATE TABLE IF NOT EXISTS {name} (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('merge', 'rename', 'retype', 'remove')),
        a TEXT NOT NULL,
        b TEXT NOT NULL,
        PRIMARY KEY (article_id, seq)
    ) WITHOUT ROWID"""

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        authors TEXT NOT NULL DEFAULT '[]',
        published TEXT,
        source TEXT,
        language TEXT NOT NULL DEFAULT 'und',
        filename TEXT,
        word_count INTEGER NOT NULL,
        seed INTEGER NOT NULL DEFAULT 0 CHECK (seed IN (0, 1)),
        added TEXT NOT NULL,
        text TEXT NOT NULL
    )""",
    # Listing reads this small index, never the rows with their long texts.
    f"""CREATE INDEX IF NOT EXISTS articles_listing ON articles ({', '.join(LIST_COLUMNS)})""",
    """DROP TABLE IF EXISTS analyses""",  # the JSON cache before the Arrow codec: recomputed, never misread
    """CREATE TABLE IF NOT EXISTS analysis_cache (
        content_hash TEXT NOT NULL,
        version TEXT NOT NULL,
        arrow BLOB NOT NULL,
        PRIMARY KEY (content_hash, version)
    )""",  # a rowid table: its rows (~20 KB each) are far too large for WITHOUT ROWID
    """CREATE TABLE IF NOT EXISTS sentence_cache (
        content_hash TEXT NOT NULL,
        version TEXT NOT NULL,
        arrow BLOB NOT NULL,
        PRIMARY KEY (content_hash, version)
    )""",
    _ENTITY_EDITS_TABLE.format(name="entity_edits"),
)
_LIST_SQL = f"SELECT {', '.join(LIST_COLUMNS)} FROM articles INDEXED BY articles_listing ORDER BY id"


@dataclasses.dataclass(frozen=True)
class AddResult:
    """What adding one article did.

    id: the article's id in the library; title: its title as stored; status: "added", or "duplicate" when
    the same text (whatever the file name or format) was already there — id and title are then the stored one's.
    """

    id: int
    title: str
    status: AddStatus


def data_dir() -> Path:
    """The default library folder: ``$STORYSCOPE_DATA`` when set, else ``data/`` at the project root."""
    folder = os.environ.get(DATA_ENV, "").strip()
    return Path(folder).expanduser() if folder else PROJECT_ROOT / "data"


def content_hash(text: str) -> str:
    """The identity of an article: SHA-256 (hex) of its normalised text with every whitespace run folded to a space."""
    # An Article's text is paragraphs of single-spaced words joined by blank lines: folding its "\n\n" is the
    # whole fold when no other whitespace is left (only " " is both whitespace and printable), twice as fast.
    folded = text.replace("\n\n", " ")
    if not folded.isprintable() or "  " in folded or folded[:1] == " " or folded[-1:] == " ":
        folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


class Library:
    """The article store in ``<folder>/storyscope.sqlite3`` (folder: argument, else :func:`data_dir`).

    Opening creates the folder and database when needed and makes sure every file of ``seeds_dir``
    (``seeds/`` at the project root by default) is stored and marked seed. One instance may be shared
    by threads; each process opens its own. Use as a context manager, or call :meth:`close`.
    """

    def __init__(self, folder: str | os.PathLike[str] | None = None, *, seeds_dir: str | os.PathLike[str] | None = None):
        self.folder = Path(folder).expanduser() if folder is not None else data_dir()
        self.path = self.folder / DB_FILENAME
        self._seeds_dir = Path(seeds_dir) if seeds_dir is not None else SEEDS_DIR
        self._lock = threading.RLock()
        self._conn = self._open()
        self._ensure_seeds()

    def _open(self) -> sqlite3.Connection:
        """Connect, after checking that the folder is writable and the file is a library this version reads.

        A new library is created 0600 in a folder created 0700 (it holds what the user pasted). A foreign
        SQLite file or a newer library is refused before anything is written to it.
        """
        try:
            if not self.folder.exists():
                self.folder.mkdir(parents=True, mode=0o700)
        except OSError as err:
            raise StoreError(
                f"The library folder {self.folder} cannot be created ({err.strerror}); choose another folder "
                f"with {DATA_ENV} or fix its permissions."
            ) from err
        if not self.path.exists():
            try:
                os.close(os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            except FileExistsError:
                pass  # another process created it in the meantime
            except OSError as err:
                raise _store_error(self.path, err, doing="create") from err
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.Error as err:
            raise _store_error(self.path, err, doing="open") from err
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            _check_schema(self.path, conn)  # reads only: a foreign or newer file is left as it was
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("BEGIN IMMEDIATE")
            for statement in _SCHEMA:
                conn.execute(statement)
            _allow_every_entity_edit(conn)
            conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))
            conn.execute("COMMIT")
        except (sqlite3.Error, StoreError) as err:
            conn.close()
            if isinstance(err, StoreError):
                raise
            raise _store_error(self.path, err, doing="open") from err
        return conn

    # --- life cycle -----------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database connection (further calls fail)."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Library({str(self.folder)!r})"

    # --- adding ---------------------------------------------------------------------------------------

    def add_file(self, data: bytes, filename: str, *, analyze: bool = True) -> AddResult:
        """Read one uploaded file and store it, unless its text is already in the library.

        Only the base name of ``filename`` is kept. With ``analyze`` (the default) the analysis is computed
        and cached now; otherwise on the first :meth:`analysis`. Raises an ``InputError`` subclass naming the
        file (nothing is stored) or ``StoreError``.
        """
        article = load_article(data, safe_filename(filename))
        return self._add(article, seed=False, analyze=analyze)

    def add_text(self, text: str, *, title: str, source: str | None = None, analyze: bool = True) -> AddResult:
        """Store pasted text under ``title`` (and ``source``), unless the same text is already stored.

        Raises ``EmptyInputError`` when the text or title is blank, ``FileTooLargeError`` over the upload limit,
        ``ArticleTooLongError`` over the word limit.
        """
        from analysis.errors import FileTooLargeError
        from analysis.reading.limits import check_words
        from analysis.reading.text import parse_article

        if not (title or "").strip():
            raise EmptyInputError("pasted text", "needs a title; type one and add it again.")
        limit = max_upload_bytes()
        if len(text.encode("utf-8", "surrogatepass")) > limit:
            raise FileTooLargeError(
                "pasted text", f"is over the {limit // (1024 * 1024)} MB limit; paste a shorter text."
            )
        check_words(text, "pasted text")
        article = parse_article(text, title=title.strip(), source=(source or "").strip() or None)
        return self._add(article, seed=False, analyze=analyze)

    def _add(self, article: Article, *, seed: bool, analyze: bool) -> AddResult:
        text = article.text
        digest = content_hash(text)
        found = self._find(digest)
        if found is not None:
            if seed and not found[2]:
                with self._transaction() as db:
                    db.execute("UPDATE articles SET seed = 1 WHERE id = ?", (found[0],))
            return AddResult(found[0], found[1], "duplicate")
        payload = None
        if analyze:
            result = pipeline.analyze(article)
            words = int(result.word_count)
            payload = _encoded(result, text)
        else:
            from analysis.nlp.terms import word_count

            words = int(word_count(article))
        with self._transaction() as db:
            row = db.execute(
                """INSERT INTO articles (content_hash, title, authors, published, source, language, filename,
                                         word_count, seed, added, text)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (content_hash) DO NOTHING
                   RETURNING id""",
                (
                    digest,
                    article.title,
                    _dumps(list(article.authors)),
                    article.published.isoformat() if article.published else None,
                    article.source,
                    article.language,
                    article.filename,
                    words,
                    int(seed),
                    dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    text,
                ),
            ).fetchone()
            if row is None:  # another process stored the same text in the meantime
                found = db.execute("SELECT id, title FROM articles WHERE content_hash = ?", (digest,)).fetchone()
                if seed:
                    db.execute("UPDATE articles SET seed = 1 WHERE id = ?", (found[0],))
                return AddResult(found[0], found[1], "duplicate")
            if payload is not None:
                self._store_analysis(db, digest, payload)
        return AddResult(row[0], article.title, "added")

    def _find(self, digest: str) -> tuple[int, str, int] | None:
        with self._reading() as db:
            return db.execute("SELECT id, title, seed FROM articles WHERE content_hash = ?", (digest,)).fetchone()

    def _ensure_seeds(self) -> None:
        """Store every seed file not stored yet (by its bytes' hash) and mark it seed."""
        if not self._seeds_dir.is_dir():
            return
        for file in sorted(self._seeds_dir.iterdir()):
            if not file.is_file() or file.suffix.lower() not in SUPPORTED_EXTENSIONS:
                continue
            data = file.read_bytes()
            key = f"seed:{file.name}"
            file_hash = hashlib.sha256(data).hexdigest()
            with self._reading() as db:
                known = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
                if known:
                    stored_file_hash, _, digest = known[0].partition(" ")
                    if stored_file_hash == file_hash and db.execute(
                        "SELECT 1 FROM articles WHERE content_hash = ? AND seed = 1", (digest,)
                    ).fetchone():
                        continue
            article = load_article(data, file.name, max_bytes=max(len(data), 1))
            self._add(article, seed=True, analyze=False)
            with self._transaction() as db:
                db.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                    (key, f"{file_hash} {content_hash(article.text)}"),
                )

    # --- reading --------------------------------------------------------------------------------------

    def list_articles(self) -> pd.DataFrame:
        """Every stored article's metadata, oldest first (the text and analyses are not loaded).

        Columns: id (int), title (str), authors (tuple of str), published (datetime.date or None),
        source (str or None), language (ISO 639-1 or "und"), filename (base name or None), word_count (int),
        seed (bool), added (datetime64, UTC).
        """
        with self._reading() as db:
            rows = db.execute(_LIST_SQL).fetchall()
        columns = list(zip(*rows)) if rows else [()] * len(LIST_COLUMNS)
        ids, titles, authors, published, sources, languages, filenames, words, seeds, added = columns
        # One JSON document for every author list, and each distinct date parsed once: 10,000 rows in ~30 ms.
        author_lists = json.loads(f"[{','.join(authors)}]") if authors else []
        dates = {p: dt.date.fromisoformat(p) for p in set(published) if p}
        return pd.DataFrame(
            {
                "id": pd.Series(ids, dtype="int64"),
                "title": pd.Series(titles, dtype=object),
                "authors": pd.Series([tuple(a) for a in author_lists], dtype=object),
                "published": pd.Series([dates.get(p) for p in published], dtype=object),
                "source": pd.Series(sources, dtype=object),
                "language": pd.Series(languages, dtype=object),
                "filename": pd.Series(filenames, dtype=object),
                "word_count": pd.Series(words, dtype="int64"),
                "seed": pd.Series(seeds, dtype=bool),
                "added": pd.to_datetime(pd.Series(added, dtype=object), utc=True, format="ISO8601"),
            },
            columns=LIST_COLUMNS,
        )

    def __len__(self) -> int:
        with self._reading() as db:
            return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def record(self, id: int) -> dict[str, Any]:
        """One article's stored fields, JSON-safe: the columns of :meth:`list_articles` plus ``text``.

        published and added are ISO strings (published may be None); authors a list. Raises ``NotFoundError``.
        """
        with self._reading() as db:
            row = db.execute(
                f"SELECT {', '.join(LIST_COLUMNS)}, text FROM articles WHERE id = ?", (int(id),)
            ).fetchone()
        if row is None:
            raise _not_found(id)
        record = dict(zip([*LIST_COLUMNS, "text"], row))
        record["authors"] = json.loads(record["authors"])
        record["seed"] = bool(record["seed"])
        return record

    def article(self, id: int) -> Article:
        """The stored article, re-read from its stored text with its stored metadata. Raises ``NotFoundError``."""
        from analysis.reading.text import parse_article

        with self._reading() as db:
            row = db.execute(
                "SELECT title, authors, published, source, language, filename, text FROM articles WHERE id = ?",
                (int(id),),
            ).fetchone()
        if row is None:
            raise _not_found(id)
        title, authors, published, source, language, filename, text = row
        authors = tuple(json.loads(authors))
        article = parse_article(
            text,
            title=title,
            authors=list(authors) or None,
            published=dt.date.fromisoformat(published) if published else None,
            source=source,
            filename=filename,
            language=language,
        )
        # Stored metadata is what the user sees and edits: it wins over anything detected again.
        return dataclasses.replace(
            article,
            title=title,
            authors=authors,
            published=dt.date.fromisoformat(published) if published else None,
            source=source,
            filename=filename,
        )

    def analysis(self, id: int, *, edited: bool = True, include_boilerplate: bool = False) -> Analysis:
        """One article's analysis, as :meth:`analyses` gives it. Raises ``NotFoundError``."""
        return self.analyses([id], edited=edited, include_boilerplate=include_boilerplate)[0]

    def analyses(
        self, ids: Sequence[int], *, edited: bool = True, include_boilerplate: bool = False,
        entity_sentences: bool = False,
    ) -> list[Analysis]:
        """The analyses of ``ids``, in that order, as the user sees them; raises ``NotFoundError`` naming the
        first unknown id.

        Each carries its article's stored metadata (title, authors, date, source, file name, language) and id
        (``Analysis.article_id``, which names it apart from articles of the same title) and,
        with ``edited`` (the default), the user's entity corrections applied in the order they were made
        (:meth:`entity_edits`); ``edited=False`` gives the analyses as computed. Default analyses come from the
        cache (one query for all ids; a missing one is computed and cached now); with ``include_boilerplate``
        each article is analysed again, bylines and notices included (never cached).
        ``entity_sentences``: each analysis also carries ``entity_sentences`` (the scores of its sentences naming
        an entity, before the user's edits), from the cache or computed and cached now, so that comparing only
        sums them; not with ``include_boilerplate``.
        """
        wanted = [int(i) for i in ids]
        if not wanted:
            return []
        unique = sorted(set(wanted))
        with self._reading() as db:
            rows = db.execute(
                """SELECT a.id, a.title, a.authors, a.published, a.source, a.filename, a.language, a.content_hash,
                          c.arrow, s.arrow, a.text
                   FROM articles AS a
                   LEFT JOIN analysis_cache AS c ON c.content_hash = a.content_hash AND c.version = ?
                   LEFT JOIN sentence_cache AS s ON s.content_hash = a.content_hash AND s.version = ?
                                                    AND ? -- read only when asked for
                   WHERE a.id IN (SELECT value FROM json_each(?))""",
                (_cache_version(), _sentences_version(), int(entity_sentences), json.dumps(unique)),
            ).fetchall()
            edits = self._edits_of(db, unique) if edited else {}
        by_id = {row[0]: row for row in rows}
        missing = [i for i in dict.fromkeys(wanted) if i not in by_id]
        if missing:
            raise _not_found(missing[0])
        found = list(by_id)
        headers = [
            article_header(
                title=title, authors=json.loads(authors), published=dt.date.fromisoformat(published) if published
                else None, source=source, filename=filename, language=language,
            )
            for _, title, authors, published, source, filename, language, *_ in by_id.values()
        ]
        if include_boilerplate:
            decoded: list[Analysis | None] = [
                dataclasses.replace(pipeline.analyze(self.article(i), include_boilerplate=True), article_id=i)
                for i in found
            ]
        else:
            decoded = decode_analyses([by_id[i][8] for i in found], headers, found, [by_id[i][10] for i in found])
        sentences: list[tuple | None] = [None] * len(found)
        if entity_sentences and not include_boilerplate:
            sentences = decode_sentence_scores([by_id[i][9] for i in found])
        new_sentences: list[tuple[str, bytes]] = []
        results: dict[int, Analysis] = {}
        for article_id, result, scored in zip(found, decoded, sentences):
            if result is None:  # not cached yet, or cached by other code: compute and cache it now
                result = pipeline.analyze(self.article(article_id))
                payload = _encoded(result, by_id[article_id][10])
                if payload is not None:
                    with self._transaction() as db:
                        self._store_analysis(db, by_id[article_id][7], payload)
                result = dataclasses.replace(result, article_id=article_id)
            if entity_sentences and not include_boilerplate:
                if scored is None:  # computed once per article text, from the mentions as computed
                    from analysis.nlp.sentiment import entity_sentence_scores

                    scored = entity_sentence_scores(result.article, result.entities.mentions)
                    new_sentences.append((by_id[article_id][7], encode_sentence_scores(scored)))
                result = dataclasses.replace(result, entity_sentences=scored)
            if edits.get(article_id):
                from analysis.nlp.entities import apply_entity_edits

                result = dataclasses.replace(
                    result, entities=apply_entity_edits(result.entities, edits[article_id], article=result.article))
            results[article_id] = result
        if new_sentences:  # one transaction for all of them; a cache only: the scores are returned all the same
            try:
                with self._transaction() as db:
                    for digest, payload in new_sentences:
                        self._store_sentences(db, digest, payload)
            except StoreError:
                pass  # the library is busy or cannot be written: they are computed again next time
        return [results[i] for i in wanted]

    @staticmethod
    def _store_analysis(db: sqlite3.Connection, digest: str, payload: bytes) -> None:
        version = _cache_version()
        db.execute("DELETE FROM analysis_cache WHERE content_hash = ? AND version != ?", (digest, version))
        db.execute(
            "INSERT OR REPLACE INTO analysis_cache (content_hash, version, arrow) VALUES (?, ?, ?)",
            (digest, version, payload),
        )

    @staticmethod
    def _store_sentences(db: sqlite3.Connection, digest: str, payload: bytes) -> None:
        version = _sentences_version()
        db.execute("DELETE FROM sentence_cache WHERE content_hash = ? AND version != ?", (digest, version))
        db.execute("INSERT OR REPLACE INTO sentence_cache (content_hash, version, arrow) VALUES (?, ?, ?)",
                   (digest, version, payload))

    # --- editing --------------------------------------------------------------------------------------

    def update(
        self,
        id: int,
        *,
        title: str | None = None,
        source: str | None = None,
        published: dt.date | str | None = None,
    ) -> None:
        """Edit an article's title, source/outlet or publication date; None leaves a field as it is.

        An empty string clears source or published; a title cannot be blank. ``published`` is a date or an
        ISO date string (YYYY-MM-DD). Raises ``NotFoundError``, ``EmptyInputError`` or ``InvalidOptionError``.
        """
        changes: dict[str, Any] = {}
        if title is not None:
            if not title.strip():
                raise EmptyInputError(None, "A title cannot be blank; type a title and save again.")
            changes["title"] = title.strip()
        if source is not None:
            changes["source"] = source.strip() or None
        if published is not None:
            changes["published"] = _iso_date(published)
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (int(id),)).fetchone() is None:
                raise _not_found(id)
            if changes:
                assignments = ", ".join(f"{column} = ?" for column in changes)
                db.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*changes.values(), int(id)))

    def remove(self, id: int) -> None:
        """Delete a non-seed article with its cached analyses and entity edits.

        Raises ``SeedArticleError`` for a seed, ``NotFoundError`` for an unknown id.
        """
        with self._transaction() as db:
            row = db.execute("SELECT title, seed, content_hash FROM articles WHERE id = ?", (int(id),)).fetchone()
            if row is None:
                raise _not_found(id)
            title, seed, digest = row
            if seed:
                raise SeedArticleError(
                    f"Article {id} (“{title}”) is a seed article: seeds are part of the library and cannot be "
                    "deleted. Remove another article, or leave this one in place."
                )
            db.execute("DELETE FROM entity_edits WHERE article_id = ?", (int(id),))
            db.execute("DELETE FROM articles WHERE id = ?", (int(id),))
            db.execute("DELETE FROM analysis_cache WHERE content_hash = ?", (digest,))
            db.execute("DELETE FROM sentence_cache WHERE content_hash = ?", (digest,))

    # --- entity edits ---------------------------------------------------------------------------------

    def entity_edits(self, id: int) -> list[EntityEdit]:
        """The user's entity merges and renames for article ``id``, in the order they were made.

        Each is an ``EntityEdit(action, a, b)``: merge a into b, or rename a to b. Raises ``NotFoundError``.
        """
        with self._reading() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (int(id),)).fetchone() is None:
                raise _not_found(id)
            return self._edits_of(db, [int(id)]).get(int(id), [])

    @staticmethod
    def _edits_of(db: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[EntityEdit]]:
        """The entity edits of each of ``ids`` that has any, oldest first, in one query."""
        edit_type = _entity_edit_type()
        edits: dict[int, list[EntityEdit]] = {}
        for article_id, action, a, b in db.execute(
            """SELECT article_id, action, a, b FROM entity_edits
               WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY article_id, seq""",
            (json.dumps([int(i) for i in ids]),),
        ):
            edits.setdefault(article_id, []).append(edit_type(action=action, a=a, b=b))
        return edits

    def add_entity_edit(self, id: int, edit: EntityEdit) -> None:
        """Keep one entity correction for article ``id`` (after the earlier ones): merge a into b, rename a to
        b, retype a as b, or remove a.

        Raises ``InvalidOptionError`` for an unknown action or entity type, ``EmptyInputError`` for a blank
        name, ``NotFoundError`` for an unknown article.
        """
        from analysis.models import ENTITY_TYPES
        from analysis.nlp.entities import ENTITY_EDIT_ACTIONS

        action, a, b = edit.action, str(edit.a).strip(), str(edit.b or "").strip()
        if action not in ENTITY_EDIT_ACTIONS:
            raise InvalidOptionError("action", action, set(ENTITY_EDIT_ACTIONS))
        if action == "remove":
            b = ""
        if not a or (action != "remove" and not b):
            raise EmptyInputError(None, f"An entity {action} needs both names; choose or type them and retry."
                                  if action != "remove" else "Choose the entity to remove and retry.")
        if action == "retype" and b not in ENTITY_TYPES:
            raise InvalidOptionError("type", b, set(ENTITY_TYPES))
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (int(id),)).fetchone() is None:
                raise _not_found(id)
            db.execute(
                """INSERT INTO entity_edits (article_id, seq, action, a, b)
                   VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM entity_edits WHERE article_id = ?), ?, ?, ?)""",
                (int(id), int(id), action, a, b),
            )

    def remove_entity_edit(self, id: int, position: int) -> EntityEdit:
        """Undo one correction of article ``id``: the one at ``position`` (0 = the oldest) of :meth:`entity_edits`;
        the others stay, in order. Returns the correction undone. Raises ``NotFoundError``."""
        with self._transaction() as db:
            row = db.execute(
                "SELECT seq, action, a, b FROM entity_edits WHERE article_id = ? ORDER BY seq LIMIT 1 OFFSET ?",
                (int(id), int(position)),
            ).fetchone() if int(position) >= 0 else None
            if row is None:
                count = db.execute("SELECT COUNT(*) FROM entity_edits WHERE article_id = ?", (int(id),)).fetchone()
                raise NotFoundError(
                    f"Article {id} has no entity correction number {int(position) + 1} (it has {count[0]}); "
                    "list them with `python -m analysis library corrections ID`."
                )
            db.execute("DELETE FROM entity_edits WHERE article_id = ? AND seq = ?", (int(id), row[0]))
        return _entity_edit_type()(action=row[1], a=row[2], b=row[3])

    def clear_entity_edits(self, id: int) -> int:
        """Forget every entity edit of article ``id``; returns how many there were."""
        with self._transaction() as db:
            return db.execute("DELETE FROM entity_edits WHERE article_id = ?", (int(id),)).rowcount

    # --- plumbing -------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken with BEGIN IMMEDIATE (writers queue on the busy timeout)."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as err:
                raise _store_error(self.path, err) from err
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as err:
                if self._conn.in_transaction:
                    try:
                        self._conn.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass  # SQLite rolls back by itself after a full disk or I/O error
                if isinstance(err, sqlite3.Error):
                    raise _store_error(self.path, err) from err
                raise

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as err:
                raise _store_error(self.path, err) from err


#: The columns of each table this version writes: a table without them is not Storyscope's.
_COLUMNS = {
    "meta": {"key", "value"},
    "articles": {"id", "content_hash", "title", "authors", "published", "source", "language", "filename",
                 "word_count", "seed", "added", "text"},
    "entity_edits": {"article_id", "seq", "action", "a", "b"},
}


def _check_schema(path: Path, conn: sqlite3.Connection) -> None:
    """Refuse, without writing, a file that is another program's database or a newer Storyscope's library."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    tables -= {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
    if not tables:
        return  # a new, empty database
    version = None
    if "meta" in tables:
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = row[0] if row else None
        except sqlite3.Error:
            version = None
    if version is None:
        raise StoreError(
            f"{path} is an SQLite database of another program, not a Storyscope library; Storyscope left it "
            f"untouched. Move it away (Storyscope then starts a new library there) or choose another folder "
            f"with {DATA_ENV}."
        )
    if not str(version).isdigit() or int(version) > int(SCHEMA_VERSION):
        raise StoreError(
            f"{path} was written by a newer Storyscope (library schema {version}; this version reads schema "
            f"{SCHEMA_VERSION}); Storyscope left it untouched. Update Storyscope, or choose another folder with "
            f"{DATA_ENV}."
        )
    for table, expected in _COLUMNS.items():
        if table not in tables:
            continue
        columns = {row[1]: row for row in conn.execute(f"PRAGMA table_info({table})")}
        missing = expected - set(columns)
        # a column this version does not know and cannot leave empty (NOT NULL without a default)
        unknown = [c for c, row in columns.items() if c not in expected and row[3] and row[4] is None]
        if missing or unknown:
            raise StoreError(
                f"{path}: its table {table!r} is not Storyscope's ("
                + (f"missing {', '.join(sorted(missing))}" if missing else f"unknown column {', '.join(unknown)}")
                + f"); it was made by another program or a newer Storyscope and was left untouched. Move it away "
                f"or choose another folder with {DATA_ENV}."
            )


def _store_error(path: Path, err: BaseException, *, doing: str = "write to") -> StoreError:
    """What went wrong with the library file, in words that say what to do."""
    name = getattr(err, "sqlite_errorname", "") or ""
    code = getattr(err, "errno", None)
    folder = path.parent
    if name == "SQLITE_FULL" or code == errno.ENOSPC:
        return StoreError(
            f"The disk holding the library {path} is full; nothing was stored. Free some space (or choose another "
            f"folder with {DATA_ENV}) and try again."
        )
    if name.startswith("SQLITE_READONLY") or code in (errno.EROFS, errno.EACCES, errno.EPERM) or (
        name.startswith("SQLITE_CANTOPEN") and not os.access(folder, os.W_OK)
    ) or (name.startswith("SQLITE_CANTOPEN") and _read_only_mount(folder)):
        return StoreError(
            f"The library {path} cannot be written: its folder {folder} is read-only for Storyscope. Make it "
            f"writable, or choose another folder with {DATA_ENV}."
        )
    if name in ("SQLITE_NOTADB", "SQLITE_CORRUPT") or (isinstance(err, sqlite3.DatabaseError) and not name):
        return StoreError(
            f"{path} is not a Storyscope library (damaged, or not an SQLite database: {err}); move it away "
            f"(Storyscope then starts a new one) or choose another folder with {DATA_ENV}."
        )
    if name.startswith("SQLITE_BUSY") or name.startswith("SQLITE_LOCKED"):
        return StoreError(
            f"The library {path} is busy: another Storyscope is writing to it. Try again in a moment."
        )
    if name.startswith("SQLITE_CONSTRAINT"):
        return StoreError(
            f"The library {path} does not match this Storyscope ({err}); it was changed by another program or a "
            f"newer Storyscope. Move it away or choose another folder with {DATA_ENV}."
        )
    return StoreError(f"The library {path} could not {doing} ({err}); check the disk and try again.")


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def _not_found(id: object) -> NotFoundError:
    return NotFoundError(f"No article with id {id} in the library; `python -m analysis library list` shows the ids.")


#: json.dumps with these options would build an encoder on every call.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def _dumps(value: Any) -> str:
    return _JSON.encode(value)


def _allow_every_entity_edit(db: sqlite3.Connection) -> None:
    """A library made before retype/remove existed allows only merge/rename in its entity_edits table: rebuild
    that table with today's constraint, every edit kept."""
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entity_edits'").fetchone()
    if "'remove'" in sql:
        return
    db.execute(_ENTITY_EDITS_TABLE.format(name="entity_edits_next"))
    db.execute("INSERT INTO entity_edits_next (article_id, seq, action, a, b) "
               "SELECT article_id, seq, action, a, b FROM entity_edits")
    db.execute("DROP TABLE entity_edits")
    db.execute("ALTER TABLE entity_edits_next RENAME TO entity_edits")


def _cache_version() -> str:
    """The cache key's version: the analyser's and the codec's (a change of either recomputes)."""
    return f"{pipeline.ANALYSER_VERSION}/{CODEC_VERSION}"


def _sentences_version() -> str:
    """The sentence scores' cache key: the analysis' and the layout's (a change of either recomputes)."""
    return f"{_cache_version()}/{SENTENCES_VERSION}"


def _encoded(result: Analysis, text: str) -> bytes | None:
    """``result`` as cache bytes (its paragraphs' texts cut from ``text``, the article's stored text, when read), or
    None when the codec cannot hold it (it is then recomputed when read)."""
    try:
        return encode_analysis(result, text=text)
    except (TypeError, ValueError, pa.ArrowException):
        return None


def _iso_date(value: dt.date | str) -> str | None:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise InvalidOptionError("published", value, "a date written YYYY-MM-DD, or empty to clear it") from None


def _entity_edit_type() -> Any:
    """``EntityEdit``, defined beside apply_entity_edits in analysis.nlp.entities."""
    from analysis.nlp.entities import EntityEdit

    return EntityEdit
