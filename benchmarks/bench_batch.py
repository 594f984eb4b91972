"""Batch throughput on Dask: N distinct articles (the seed's paragraphs sampled, dated over two years, five
sources) as a JSON Lines table, analysed by `batch` with 1 and then 2 worker processes.

Prints per run: articles/s, words/s, wall time, each worker's peak resident memory, the client's, and the
output's size per 1,000 articles (the tables, and the query rollup apart); then the speed-up from 1 to 2 workers.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_batch.py --articles 20000 --workers 2,1 --keep build/archive-20k

The figures depend on the machine and on what else runs on it: say so when quoting them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from seed_inputs import ROOT, build_articles  # noqa: E402

SOURCES = ("Harbour Courier", "Valley Wire", "The Evening Ledger", "Northern Post", "Metro Desk")


def write_table(path: Path, count: int) -> int:
    """``count`` distinct articles as JSON Lines (text, title, published, source, url); returns the bytes."""
    rng = random.Random(2024)
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(build_articles(count)):
            day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 729))
            f.write(json.dumps({"text": text, "published": day.isoformat(), "source": rng.choice(SOURCES),
                                "url": f"https://news.example/{i}"}) + "\n")
    return path.stat().st_size


def folder_bytes(folder: Path, *, skip: str | None = None) -> int:
    total = 0
    for dirpath, _, files in os.walk(folder):
        if skip and skip in Path(dirpath).parts:
            continue
        total += sum((Path(dirpath) / f).stat().st_size for f in files)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="worker counts to run, in order (default 1,2)")
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--keep", type=Path, default=None, help="keep the last run's output in this folder")
    args = parser.parse_args()

    from analysis.batch.run import run_batch

    work = ROOT / "build" / "bench_batch"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    table = work / "articles.jsonl"
    start = time.perf_counter()
    size = write_table(table, args.articles)
    print(f"input: {args.articles:,} articles, {size / 1e6:.1f} MB of JSON Lines, made in "
          f"{time.perf_counter() - start:.1f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    rates = {}
    for n in [int(x) for x in args.workers.split(",")]:
        out = work / f"out-{n}"
        summary = run_batch([str(table)], out, workers=n, batch_size=args.batch_size)
        tables = folder_bytes(out, skip="_rollup")
        rollup = folder_bytes(out / "_rollup")
        rates[n] = summary.articles / summary.seconds
        cpu = sum(summary.worker_cpu_s.values())
        peaks = ", ".join(f"{v:.0f}" for v in summary.worker_peak_mb.values())
        client = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{n} worker{'s' if n > 1 else ' '}: {summary.articles:,} articles, {summary.words:,} words in "
              f"{summary.seconds:.1f} s -> {rates[n]:.1f} articles/s, {summary.words / summary.seconds:,.0f} words/s; "
              f"errors {summary.errors}; peak memory per worker {peaks} MB, client {client:.0f} MB; output "
              f"{tables / summary.articles:.0f} KB per 1,000 articles (tables) + "
              f"{rollup / summary.articles:.0f} KB (rollup); load average {os.getloadavg()[0]:.1f}")
        print(f"   worker CPU: {cpu:.0f} s in all, {1000 * cpu / summary.articles:.1f} ms per article -> "
              f"{summary.articles / cpu * n:.1f} articles/s for {n} dedicated core{'s' if n > 1 else ''}")
        if args.keep and not args.keep.exists():
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(out, args.keep)
    if 1 in rates and 2 in rates:
        print(f"speed-up from 1 to 2 workers: {rates[2] / rates[1]:.2f}x")


if __name__ == "__main__":
    main()
