"""The batch output folder: its layout, how a task's files are made visible, and what a rerun cleans up.

```
DIR/_storyscope.json                 analyser version, options, partitioning (a rerun must match them)
DIR/<table>/month=YYYY-MM/part-<task>-<n>.parquet    (or DIR/<table>/part-... with --partition-by none)
DIR/errors/part-<task>-<n>.parquet
DIR/_tasks/<task>.json               a task's marker: written last, after all its files are in place
DIR/_staging/<run>/...               where workers write; never read by queries
DIR/_rollup/                         compact query-ready summaries (see analysis.batch.query)
```

Safety under ``kill -9``: a worker writes a task's files under ``_staging``; the client moves them into place
one by one with :func:`os.replace` (atomic on one file system), the ``articles`` file last, then writes the
task's marker (also write-then-rename). A file is therefore never seen half written. A run killed between the
moves leaves files of a task without a marker: the next run deletes them first (:func:`clean_up`) and does the
task again, so every article ends up in the output exactly once.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analysis.batch.tables import TABLES
from analysis.errors import StoryscopeError

META = "_storyscope.json"
TASKS = "_tasks"
STAGING = "_staging"
ROLLUP = "_rollup"
PARTITIONINGS = ("month", "none")
_PART = re.compile(r"^part-([0-9a-f]{20})-\d+\.parquet$")


class BatchError(StoryscopeError):
    """A batch cannot run or an output folder cannot be used (the message says what to do)."""


def open_output(folder: str | os.PathLike[str], *, analyser_version: str, include_boilerplate: bool,
                partition_by: str) -> Path:
    """Create ``folder`` (or check that an existing batch output was made with the same settings)."""
    if partition_by not in PARTITIONINGS:
        raise BatchError(f"`partition_by` value = {partition_by!r} is invalid; value must be one of {set(PARTITIONINGS)!r}.")
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise BatchError(f"{out}: is a file; --out must name a folder (new or made by an earlier batch).")
    settings = {"format": 1, "analyser_version": str(analyser_version),
                "include_boilerplate": bool(include_boilerplate), "partition_by": partition_by}
    meta = out / META
    if meta.exists():
        try:
            old = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            raise BatchError(f"{meta}: cannot be read ({err}); is this a batch output folder?") from err
        for name, value in settings.items():
            if old.get(name) != value:
                raise BatchError(
                    f"{out}: was made with {name} = {old.get(name)!r}, this run has {value!r}. One output folder "
                    "holds one kind of analysis: write to a new folder with --out (or delete this one to redo it)."
                )
        return out
    if out.exists() and any(p for p in out.iterdir() if not p.name.startswith(".")):
        raise BatchError(f"{out}: is a folder that is not a batch output and not empty; choose a new or empty folder.")
    out.mkdir(parents=True, exist_ok=True)
    write_atomically(meta, json.dumps(settings, indent=2).encode("utf-8"))
    return out


def settings(folder: str | os.PathLike[str]) -> dict:
    """The settings a batch output was made with, or a BatchError saying the folder is not one."""
    meta = Path(folder) / META
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BatchError(f"{folder}: is not a batch output folder (no {META}); make one with "
                         "`python -m analysis batch SOURCE... --out DIR`.") from None
    except (OSError, ValueError) as err:
        raise BatchError(f"{meta}: cannot be read ({err}).") from err


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename it to ``path``."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def committed_tasks(out: Path) -> set[str]:
    """Keys of the tasks whose files are all in place."""
    folder = out / TASKS
    if not folder.is_dir():
        return set()
    return {p.name.removesuffix(".json") for p in folder.iterdir() if p.suffix == ".json" and not p.name.startswith(".")}


def task_files(out: Path):
    """Every visible part file of every table: (path, task key)."""
    for table in TABLES:
        root = out / table
        if not root.is_dir():
            continue
        for dirpath, _, files in os.walk(root):
            for name in files:
                m = _PART.match(name)
                if m:
                    yield Path(dirpath) / name, m.group(1)


def clean_up(out: Path) -> int:
    """Delete what an interrupted run left: files of tasks without a marker, temporary and staging files.
    Returns the number of part files deleted."""
    done = committed_tasks(out)
    removed = 0
    for path, key in list(task_files(out)):
        if key not in done:
            path.unlink(missing_ok=True)
            removed += 1
    for dirpath, _, files in os.walk(out):
        for name in files:
            if name.endswith(".tmp") and name.startswith("."):
                Path(dirpath, name).unlink(missing_ok=True)
    shutil.rmtree(out / STAGING, ignore_errors=True)
    return removed


def committed_ids(out: Path) -> set[str]:
    """Ids of the articles already in the output (read from the ``id`` column only)."""
    root = out / "articles"
    if not root.is_dir():
        return set()
    import pyarrow.dataset as ds

    paths = [str(p) for p, _ in task_files(out) if p.is_relative_to(root)]
    if not paths:
        return set()
    ids = ds.dataset(paths, format="parquet").to_table(columns=["id"]).column("id")
    return set(ids.to_pylist())


def stage(tables: dict[str, pa.Table], staging: Path, key: str, part: int, *, partition_by: str) -> list[str]:
    """Write ``tables`` (one task's rows, or one flush of them) under ``staging``; returns the files' paths
    relative to it, which are also their paths in the output."""
    written = []
    for name, table in tables.items():
        if partition_by == "month" and name != "errors":
            months = sorted(pc.unique(table.column("month")).to_pylist())
            pieces = [(f"{name}/month={m}", table.filter(pc.equal(table.column("month"), m))) for m in months]
        else:
            pieces = [(name, table)]
        for sub, piece in pieces:
            rel = f"{sub}/part-{key}-{part}.parquet"
            path = staging / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(piece, path, compression="zstd")
            written.append(rel)
    return written


def drop_articles(staging: Path, files: list[str], ids: set[str]) -> None:
    """Rewrite staged files without the rows of articles ``ids`` (already in the output from elsewhere)."""
    for rel in files:
        if rel.startswith("errors"):
            continue
        path = staging / rel
        table = pq.read_table(path)
        keep = pc.invert(pc.is_in(table.column("id"), value_set=pa.array(sorted(ids), pa.string())))
        pq.write_table(table.filter(keep), path, compression="zstd")


def commit(out: Path, staging: Path, files: list[str], key: str, marker: dict) -> None:
    """Move a task's staged files into place (``articles`` last), then write its marker."""
    order = {name: i for i, name in enumerate(TABLES)}
    for rel in sorted(files, key=lambda r: order.get(r.split("/", 1)[0], -1)):
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / rel, target)
    (out / TASKS).mkdir(exist_ok=True)
    write_atomically(out / TASKS / f"{key}.json", json.dumps(marker).encode("utf-8"))
    shutil.rmtree(staging, ignore_errors=True)


def parquet_glob(out: Path, table: str) -> str:
    """The glob DuckDB reads a table's visible files with."""
    return str(out / table / "**" / "part-*.parquet")
