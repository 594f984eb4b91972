"""`python -m analysis batch SOURCE... --out DIR`: analyse an archive on Dask into Parquet tables."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from typing import Any

from analysis.cli.common import EXIT_FAILED, EXIT_OK, positive_int


def register(commands: Any) -> None:
    batch = commands.add_parser(
        "batch",
        help="analyse many articles on Dask into Parquet tables (articles, paragraphs, terms, entities, errors)",
        description=(
            "Analyse every article of the SOURCEs (files and folders, recursively, in any format Storyscope reads; "
            "globs; .zip files; JSON Lines, CSV or Parquet tables with a `text` column and optional title, "
            "published, source, url, authors; local paths or fsspec URLs such as s3://...) on Dask, and write "
            "Parquet tables under DIR. A rerun skips what DIR already holds; an interrupted run is completed by "
            "running it again. Unreadable sources and articles become rows of the `errors` table (exit code 2)."
        ),
    )
    batch.add_argument("sources", nargs="+", metavar="SOURCE", help="files, folders, globs, .zip files or tables")
    batch.add_argument("--out", required=True, metavar="DIR", help="the output folder (new, or made by a batch)")
    where = batch.add_mutually_exclusive_group()
    where.add_argument("--workers", type=positive_int, default=None, metavar="N",
                       help="worker processes of a local Dask cluster (default: the number of cores)")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on an existing Dask cluster, e.g. tcp://host:8786 (DIR must be shared storage)")
    batch.add_argument("--include-boilerplate", action="store_true", help="analyse bylines and boilerplate too")
    batch.add_argument("--partition-by", choices=("month", "none"), default="month",
                       help="Parquet folders per publication month (default) or none")
    batch.add_argument("--batch-size", type=positive_int, default=None, metavar="N",
                       help="articles per task (default 500)")
    batch.set_defaults(handler=run_batch_command)


def duration(seconds: float) -> str:
    """``seconds`` as "1h 02m", "3m 04s" or "12.3 s"."""
    if seconds >= 3600:
        return f"{int(seconds // 3600)}h {int(seconds % 3600 // 60):02d}m"
    if seconds >= 60:
        return f"{int(seconds // 60)}m {int(seconds % 60):02d}s"
    return f"{seconds:.1f} s"


class ProgressBar:
    """One line on stderr: a bar, articles done, articles per second, time left (redrawn in place on a terminal,
    a new line every 10 seconds otherwise)."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.tty = stream.isatty()
        self.last = 0.0

    def __call__(self, p) -> None:
        now = time.monotonic()
        final = p.tasks_done >= p.tasks
        if not final and now - self.last < (0.2 if self.tty else 10.0):
            return
        self.last = now
        share = p.tasks_done / p.tasks if p.tasks else 1.0
        rate = p.articles / p.seconds if p.seconds > 0 else 0.0
        left = p.seconds * (1 - share) / share if share > 0 else float("nan")
        bar = "#" * int(share * 24)
        line = (f"[{bar:<24}] {share:4.0%}  {p.articles:,} articles · {rate:,.1f} articles/s · "
                f"{p.errors:,} errors · {duration(left) if left == left else '?'} left")
        if self.tty:
            self.stream.write("\r" + line + ("\n" if final else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def run_batch_command(args: argparse.Namespace) -> int:
    from analysis.batch.run import run_batch
    from analysis.batch.sources import DEFAULT_BATCH_SIZE

    logging.getLogger("distributed").setLevel(logging.ERROR)

    def started(dashboard: str | None, workers: int) -> None:
        where = args.scheduler or "a local cluster"
        print(f"Dask: {workers} worker{'s' if workers != 1 else ''} on {where}; dashboard: {dashboard or 'none'}",
              file=sys.stderr, flush=True)

    summary = run_batch(
        args.sources, args.out, workers=args.workers, scheduler=args.scheduler,
        include_boilerplate=args.include_boilerplate, partition_by=args.partition_by,
        batch_size=args.batch_size or DEFAULT_BATCH_SIZE, on_start=started, on_progress=ProgressBar(),
    )
    skipped = f", {summary.skipped_tasks:,} tasks already done" if summary.skipped_tasks else ""
    dups = f", {summary.duplicates:,} duplicates left out" if summary.duplicates else ""
    print(
        f"Done: {summary.articles:,} articles, {summary.words:,} words, {summary.errors:,} errors{dups}{skipped} "
        f"in {duration(summary.seconds)} -> {summary.out}"
        + (f" ({summary.errors_in_output:,} error rows in DIR/errors)" if summary.errors_in_output else ""),
        flush=True,
    )
    return EXIT_FAILED if summary.errors or summary.errors_in_output else EXIT_OK
