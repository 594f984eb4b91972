"""What a batch reads: sources (files, folders, globs, ``.zip`` files, tables of articles; local paths or any
``fsspec`` URL) cut into :class:`Task` s, and the articles of one task read one by one.

The client only lists: names, sizes and modification times of files, the members of a zip, the row groups of a
Parquet file, the byte size of a JSON Lines file. The workers read the bytes. A task's ``key`` is a hash of
what it covers (paths, sizes, times, rows) and of the analysis options, so a rerun over the same sources finds
the same tasks and skips those already written.

Table columns: ``text`` (required), and optional ``title``, ``published``, ``source``, ``url``, ``authors``
(a list, or names separated by ";", "|", "&" or "and"). A row's text is read exactly like a ``.txt`` file's
(the same binary check, normalising and paragraph rules), with the row's metadata winning over detection.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from analysis.errors import InputError, StoryscopeError

#: File extensions read as tables of articles (one article per row).
TABLE_EXTENSIONS: dict[str, str] = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet"}
#: Optional table columns used as the article's metadata.
TABLE_COLUMNS = ("title", "published", "source", "url", "authors")
#: Articles per task (files, zip members or table rows): a worker writes one set of files per task.
DEFAULT_BATCH_SIZE = 500
#: Most bytes of JSON Lines per task (a line belongs to the task where it starts); a task holds about
#: ``batch_size`` lines below that.
JSONL_BLOCK_BYTES = 16 << 20


class SourceError(InputError):
    """A source named on the command line cannot be listed or read."""


@dataclass(frozen=True)
class Task:
    """One unit of work for a worker.

    kind: "files" (``items`` = file URLs), "zip" (``url`` and its member names in ``items``), "jsonl" (``url``,
    bytes ``start``-``stop``), "parquet" (``url``, rows ``start``-``stop`` of row group ``group``) or "csv" (``url``,
    the whole file, read in chunks). ``stamp`` says which version of the files it covers (sizes, times).
    """

    kind: str
    url: str = ""
    items: tuple[str, ...] = ()
    start: int = 0
    stop: int = 0
    group: int = 0
    stamp: str = ""
    options: str = field(default="", compare=False)

    @property
    def key(self) -> str:
        """20 hex digits naming this task's output files and marker (same sources + options -> same key)."""
        raw = json.dumps([self.kind, self.url, self.items, self.start, self.stop, self.group, self.stamp,
                          self.options])
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]

    @property
    def label(self) -> str:
        """Where this task's articles come from, for messages."""
        if self.kind == "files":
            return self.items[0] if len(self.items) == 1 else f"{self.items[0]} (+{len(self.items) - 1} files)"
        return self.url


@dataclass(frozen=True)
class Listed:
    """The sources listed: the tasks to run, and the sources that could not be listed ((source, reason) pairs)."""

    tasks: list[Task]
    problems: list[tuple[str, str]]
    articles_estimate: int


def _fs(url: str):
    import fsspec

    return fsspec.core.url_to_fs(url)


def _is_glob(url: str) -> bool:
    return any(ch in url for ch in "*?[")


def _full(fs, path: str) -> str:
    """``path`` (as ``fs`` lists it) as a URL another process can open."""
    return path if _is_local(fs) else fs.unstrip_protocol(path)


def _hidden(path: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in path.replace("\\", "/").split("/") if part)


def list_sources(
    sources: list[str], *, options: str = "", batch_size: int = DEFAULT_BATCH_SIZE
) -> Listed:
    """Cut ``sources`` into tasks. Folders are walked recursively (hidden files skipped); a source that does not
    exist or cannot be listed becomes a problem, the others go on."""
    tasks: list[Task] = []
    problems: list[tuple[str, str]] = []
    loose: list[tuple[str, int, str]] = []  # article files: (url, size, mtime)
    estimate = 0
    seen: set[str] = set()
    for source in sources:
        try:
            fs, path = _fs(source)
            if _is_glob(source):
                found = sorted(p for p in fs.glob(path) if not fs.isdir(p))
                if not found:
                    problems.append((source, "matches no file; check the pattern."))
                    continue
            elif fs.isdir(path):
                found = sorted(p for p in fs.find(path) if not _hidden(posixpath.relpath(p, path)))
                if not found:
                    problems.append((source, "is an empty folder; nothing to analyse."))
                    continue
            elif fs.exists(path):
                found = [path]
            else:
                problems.append((source, "no such file or folder; check the path or URL."))
                continue
            for p in found:
                url = _full(fs, p)
                if url in seen:
                    continue
                seen.add(url)
                info = fs.info(p)
                size = int(info.get("size") or 0)
                mtime = str(info.get("mtime") or info.get("LastModified") or info.get("ETag") or info.get("etag") or "")
                ext = os.path.splitext(p)[1].lower()
                stamp = f"{size}:{mtime}"
                if ext in TABLE_EXTENSIONS:
                    new = _table_tasks(fs, p, url, TABLE_EXTENSIONS[ext], size, stamp, options, batch_size)
                    tasks.extend(new)
                    estimate += sum(_estimate(t, size) for t in new)
                elif ext == ".zip":
                    new = _zip_tasks(fs, p, url, stamp, options, batch_size)
                    tasks.extend(new)
                    estimate += sum(len(t.items) for t in new)
                else:
                    # Every other file goes to the readers, which turn an unsupported format into an error row.
                    loose.append((url, size, mtime))
                    estimate += 1
        except StoryscopeError as err:
            problems.append((source, getattr(err, "problem", str(err))))
        except Exception as err:  # noqa: BLE001 - fsspec raises many kinds (permissions, network, protocol)
            problems.append((source, f"cannot be listed ({type(err).__name__}: {err}); check the path, URL or "
                                     "credentials."))
    for i in range(0, len(loose), batch_size):
        chunk = loose[i:i + batch_size]
        stamp = hashlib.sha256(json.dumps(chunk).encode()).hexdigest()[:16]
        tasks.append(Task("files", items=tuple(u for u, _, _ in chunk), stamp=stamp, options=options))
    return Listed(tasks=tasks, problems=problems, articles_estimate=estimate)


def _estimate(task: Task, size: int) -> int:
    if task.kind == "jsonl":
        return max(1, (task.stop - task.start) // 4000)
    if task.kind == "parquet":
        return task.stop - task.start
    return max(1, size // 4000)


def _table_tasks(fs, path, url, kind, size, stamp, options, batch_size) -> list[Task]:
    if kind == "jsonl":
        # About batch_size lines per task: the mean line length from the file's first 256 KB.
        with fs.open(path, "rb") as f:
            head = f.read(1 << 18)
        lines = max(1, head.count(b"\n"))
        block = min(JSONL_BLOCK_BYTES, max(4096, batch_size * max(1, len(head) // lines)))
        return [Task("jsonl", url=url, start=s, stop=min(size, s + block), stamp=stamp, options=options)
                for s in range(0, max(size, 1), block)]
    if kind == "parquet":
        import pyarrow.parquet as pq

        with fs.open(path, "rb") as f:
            meta = pq.ParquetFile(f).metadata
        tasks = []
        for g in range(meta.num_row_groups):
            rows = meta.row_group(g).num_rows
            for s in range(0, rows, batch_size):
                tasks.append(Task("parquet", url=url, group=g, start=s, stop=min(rows, s + batch_size),
                                  stamp=stamp, options=options))
        return tasks
    return [Task("csv", url=url, stamp=stamp, options=options)]


def _zip_tasks(fs, path, url, stamp, options, batch_size) -> list[Task]:
    with fs.open(path, "rb") as f:
        try:
            with zipfile.ZipFile(f) as z:
                names = [i.filename for i in z.infolist() if not i.is_dir() and not _hidden(i.filename)]
        except (zipfile.BadZipFile, OSError) as err:
            raise SourceError(url, f"is not a readable .zip file ({err}); check that it downloaded completely.") from err
    return [Task("zip", url=url, items=tuple(names[i:i + batch_size]), stamp=stamp, options=options)
            for i in range(0, len(names), batch_size)]


# --- Reading a task's articles (on a worker) ------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    """One article to analyse, or why it could not be read.

    origin: where it comes from (a file URL, ``zip!member``, ``table#row=N`` or ``table#byte=N``);
    article: the Article, or None with ``error`` saying why; url: the table's ``url`` column, if any.
    """

    origin: str
    article: Any = None
    error: str | None = None
    url: str | None = None


def read_task(task: Task) -> Iterator[Item]:
    """The articles of ``task`` one by one (never the whole source in memory): an Item per file, member or row."""
    if task.kind == "files":
        yield from _read_files(task)
    elif task.kind == "zip":
        yield from _read_zip(task)
    elif task.kind == "jsonl":
        yield from _read_jsonl(task)
    elif task.kind == "parquet":
        yield from _read_parquet(task)
    elif task.kind == "csv":
        yield from _read_csv(task)
    else:  # pragma: no cover - tasks are made by list_sources
        raise ValueError(task.kind)


def _failure(origin: str, err: BaseException) -> Item:
    if isinstance(err, InputError):
        reason = err.problem
    elif isinstance(err, StoryscopeError):
        reason = str(err)
    else:
        reason = f"could not be read ({type(err).__name__}: {err})"
    return Item(origin, error=" ".join(reason.split()))


def _load(data: bytes, name: str, origin: str) -> Item:
    from analysis.reading.readers import load_article

    try:
        return Item(origin, article=load_article(data, name))
    except Exception as err:  # noqa: BLE001 - one bad file is an error row; the batch goes on
        return _failure(origin, err)


def _read_files(task: Task) -> Iterator[Item]:
    for url in task.items:
        try:
            data, name = _read_one_file(url)
        except Exception as err:  # noqa: BLE001
            yield _failure(url, err)
            continue
        yield _load(data, name, url)


def _read_one_file(url: str) -> tuple[bytes, str]:
    """The bytes of one article file, never more than the upload limit: a local path goes through
    :func:`analysis.reading.files.read_path` (regular files only, so a FIFO or device in a folder is an error
    row, not a worker waiting forever); any other URL is refused by its listed size and read at most one byte
    past the limit."""
    from analysis.errors import FileTooLargeError
    from analysis.reading.document import size_text
    from analysis.reading.files import read_path
    from analysis.reading.readers import MAX_UPLOAD_ENV, max_upload_bytes

    fs, path = _fs(url)
    if _is_local(fs):
        return read_path(path), os.path.basename(path)
    limit = max_upload_bytes()
    size = int(fs.info(path).get("size") or 0)
    too_large = FileTooLargeError(url, f"is over the {size_text(limit)} limit; raise it with {MAX_UPLOAD_ENV} "
                                       "if such files are articles.")
    if size > limit:
        raise too_large
    with fs.open(path, "rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise too_large
    return data, posixpath.basename(path)


def _is_local(fs) -> bool:
    protocol = fs.protocol[0] if isinstance(fs.protocol, (tuple, list)) else fs.protocol
    return protocol in ("file", "local")


def _read_zip(task: Task) -> Iterator[Item]:
    from analysis.reading.readers import max_upload_bytes

    limit = max_upload_bytes()
    fs, path = _fs(task.url)
    with fs.open(path, "rb") as f, zipfile.ZipFile(f) as z:
        for name in task.items:
            origin = f"{task.url}!{name}"
            try:
                info = z.getinfo(name)
                if info.file_size > limit:
                    yield Item(origin, error=f"is {info.file_size} bytes unpacked, over the {limit}-byte limit.")
                    continue
                with z.open(name) as member:  # the header's size can lie: read one byte past the limit
                    data = member.read(limit + 1)
                if len(data) > limit:
                    yield Item(origin, error=f"unpacks to more than the {limit}-byte limit.")
                    continue
            except Exception as err:  # noqa: BLE001 - a damaged member is an error row
                yield Item(origin, error=f"cannot be unpacked ({type(err).__name__}: {err}); the .zip may be damaged.")
                continue
            yield _load(data, posixpath.basename(name), origin)


def row_article(row: dict[str, Any], origin: str) -> Item:
    """A table row as an Item: its ``text`` read like a ``.txt`` file's, its metadata columns winning."""
    from analysis.reading.document import as_date, split_authors
    from analysis.reading.plain import decode_text
    from analysis.reading.text import parse_article

    try:
        text = row.get("text")
        if text is None or (isinstance(text, float) and text != text):
            raise InputError(None, "has no text (the `text` column is empty).")
        if isinstance(text, bytes):
            data = text
        else:
            data = str(text).encode("utf-8", "surrogatepass")
        text = decode_text(data, origin) if data.strip() else ""
        authors = row.get("authors")
        if isinstance(authors, str):
            authors = list(split_authors(authors))
        elif authors is not None and not isinstance(authors, float):
            authors = [str(a) for a in authors]
        else:
            authors = None
        title = _text_or_none(row.get("title"))
        article = parse_article(
            text,
            title=title,
            authors=authors or None,
            published=as_date(row.get("published")),
            source=_text_or_none(row.get("source")),
        )
    except Exception as err:  # noqa: BLE001
        failed = _failure(origin, err)
        return Item(origin, error=failed.error, url=_text_or_none(row.get("url")))
    return Item(origin, article=article, url=_text_or_none(row.get("url")))


def _text_or_none(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    text = str(value).strip()
    return text or None


def _read_line(f, limit: int) -> tuple[bytes | None, int]:
    """The next line of ``f`` and its length in bytes; the line is None when it is longer than ``limit`` (it is
    skipped in blocks, so one hostile line never sits in memory whole)."""
    line = f.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, len(line)
    length = len(line)
    while True:
        block = f.readline(1 << 20)
        length += len(block)
        if not block or block.endswith(b"\n"):
            return None, length


def _read_jsonl(task: Task) -> Iterator[Item]:
    from analysis.reading.readers import max_upload_bytes

    limit = max_upload_bytes()
    fs, path = _fs(task.url)
    with fs.open(path, "rb") as f:
        pos = task.start
        if pos > 0:  # a line belongs to the task its first byte falls in: skip the one under way
            f.seek(pos - 1)
            pos += _read_line(f, limit)[1] - 1
        while pos < task.stop:
            line, length = _read_line(f, limit)
            if not length:
                break
            origin = f"{task.url}#byte={pos}"
            pos += length
            if line is None:
                yield Item(origin, error=f"is a line of {length} bytes, over the {limit}-byte limit for one article.")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("the line is not a JSON object")
            except ValueError as err:
                yield Item(origin, error=f"is not a JSON object with a `text` field ({err}).")
                continue
            yield row_article(row, origin)


def _read_parquet(task: Task) -> Iterator[Item]:
    import pyarrow.parquet as pq

    fs, path = _fs(task.url)
    with fs.open(path, "rb") as f:
        pf = pq.ParquetFile(f)
        columns = [c for c in ("text", *TABLE_COLUMNS) if c in pf.schema_arrow.names]
        if "text" not in columns:
            yield Item(task.url, error="has no `text` column; a table of articles needs one (title, published, "
                                       "source, url and authors are optional).")
            return
        table = pf.read_row_group(task.group, columns=columns).slice(task.start, task.stop - task.start)
    for i, row in enumerate(table.to_pylist()):
        yield row_article(row, f"{task.url}#group={task.group}&row={task.start + i}")


class _LineLimit(io.RawIOBase):
    """A binary stream that stops with an InputError when a line runs past ``limit`` bytes, so a CSV with one
    endless field is refused instead of filling the worker's memory (a CSV field may span lines: an article's
    paragraphs are lines, each below the limit)."""

    def __init__(self, raw, limit: int, name: str):
        self._raw, self._limit, self._name, self._run = raw, limit, name, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._raw.read(min(len(buffer), 1 << 16))
        newline = data.rfind(b"\n")
        self._run = len(data) - newline - 1 if newline >= 0 else self._run + len(data)
        if self._run > self._limit:
            raise InputError(self._name, f"has a line of more than {self._limit} bytes; a table of articles holds "
                                         "one article per row, each under the upload limit.")
        buffer[:len(data)] = data
        return len(data)


def _read_csv(task: Task) -> Iterator[Item]:
    import pandas as pd

    from analysis.reading.readers import max_upload_bytes

    fs, path = _fs(task.url)
    with fs.open(path, "rb") as f:
        guarded = io.BufferedReader(_LineLimit(f, max_upload_bytes(), task.url))
        row_number = 0
        chunks = None
        while True:
            try:
                if chunks is None:  # pandas reads its first block here already
                    chunks = iter(pd.read_csv(io.TextIOWrapper(guarded, encoding="utf-8", errors="replace",
                                                               newline=""),
                                              chunksize=500, dtype=str, keep_default_na=False))
                chunk = next(chunks)
            except StopIteration:
                return
            except InputError as err:  # a line past the limit: the rows before it stand, the rest is refused
                yield Item(f"{task.url}#row={row_number}", error=f"{err.problem} The rows from here on were not read.")
                return
            if "text" not in chunk.columns:
                yield Item(task.url, error="has no `text` column; a table of articles needs one (title, published, "
                                           "source, url and authors are optional).")
                return
            for row in chunk.to_dict("records"):
                yield row_article({k: (v if v != "" else None) for k, v in row.items()}, f"{task.url}#row={row_number}")
                row_number += 1


__all__ = ["DEFAULT_BATCH_SIZE", "Item", "Listed", "SourceError", "TABLE_COLUMNS", "Task", "list_sources",
           "read_task", "row_article"]
