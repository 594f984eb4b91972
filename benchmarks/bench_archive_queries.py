"""Archive queries on a synthetic batch output of N articles (default 1,000,000), written directly in the
layout `batch` writes (no analysis): per article ~180 terms out of a Zipf-distributed 60,000-word vocabulary,
~20 entities out of 40,000 (Zipf), 24 months, 40 sources; three short paragraphs each (the paragraphs table is
not used by the timed questions).

Prints the time to write it, to build the rollup (what `batch` does at the end of a run), and for each
`archive` question the best of 3 timings in this process, plus one full `python -m analysis archive` command
(process start included).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_archive_queries.py --articles 1000000
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
TERMS_PER_ARTICLE = 180
ENTITIES_PER_ARTICLE = 20
VOCABULARY = 60_000
ENTITY_NAMES = 40_000
MONTHS = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]
SOURCES = [f"Source {i:02d}" for i in range(40)]
TYPES = ["person", "organisation", "place", "other"]


def zipf_choice(rng, n: int, size: int) -> np.ndarray:
    """``size`` draws of 0..n-1, rank r with probability ~1/(r+1)."""
    cdf = np.cumsum(1.0 / np.arange(1, n + 1))
    return np.minimum(np.searchsorted(cdf, rng.uniform(0, cdf[-1], size)), n - 1)


def write_output(out: Path, articles: int, chunk: int = 50_000) -> None:
    from analysis.batch import folder as fo
    from analysis.pipeline import ANALYSER_VERSION

    fo.open_output(out, analyser_version=str(ANALYSER_VERSION), include_boilerplate=False, partition_by="month")
    rng = np.random.default_rng(1)
    vocab = [f"word{i:05d}" for i in range(VOCABULARY)]
    names = [f"Name{i:05d} Surname{i % 977:03d}" for i in range(ENTITY_NAMES)]
    keys = [n.lower() for n in names]
    month_dict = pa.array(MONTHS)
    source_dict = pa.array(SOURCES)
    vocab_dict, names_dict, keys_dict = pa.array(vocab), pa.array(names), pa.array(keys)
    types_dict = pa.array(TYPES)

    def coded(indices, dictionary):  # dictionary-encoded: no Python string per row
        return pa.DictionaryArray.from_arrays(pa.array(indices, pa.int32()), dictionary)

    for c, first in enumerate(range(0, articles, chunk)):
        n = min(chunk, articles - first)
        ids = pa.array([f"{first + i:064x}" for i in range(n)])
        month_index = rng.integers(0, len(MONTHS), n)
        days = rng.integers(0, 28, n)
        month_start = np.array([np.datetime64(m + "-01") for m in MONTHS], dtype="datetime64[D]")
        published = month_start[month_index] + days.astype("timedelta64[D]")
        words = rng.integers(200, 1500, n)
        polarity = rng.normal(0.05, 0.08, n)
        arts = pa.table({
            "id": ids, "month": pa.array(np.array(MONTHS, dtype=object)[month_index]),
            "analyser_version": pa.array([str(ANALYSER_VERSION)] * n),
            "title": pa.array([f"Synthetic story {first + i}" for i in range(n)]),
            "authors": pa.array([["A. Writer"]] * n, pa.list_(pa.string())),
            "published": pa.array(published), "source": pa.array(np.array(SOURCES, dtype=object)[rng.integers(0, len(SOURCES), n)]),
            "url": pa.nulls(n, pa.string()), "origin": pa.array([f"synthetic#{first + i}" for i in range(n)]),
            "filename": pa.nulls(n, pa.string()), "language": pa.array(["en"] * n), "word_count": words,
            "paragraph_count": np.full(n, 3), "include_boilerplate": np.zeros(n, bool),
            "sentiment_available": np.ones(n, bool), "sentiment_polarity": polarity,
            "sentiment_subjectivity": rng.uniform(0.2, 0.5, n), "sentiment_vader": np.clip(polarity * 4, -1, 1),
            "sentiment_disagreements": rng.integers(0, 3, n), "sentiment_reason": pa.nulls(n, pa.string()),
        })
        t_article = np.repeat(np.arange(n), TERMS_PER_ARTICLE)
        t = n * TERMS_PER_ARTICLE
        terms = pa.table({
            "id": coded(t_article, ids), "month": coded(month_index[t_article], month_dict),
            "term": coded(zipf_choice(rng, VOCABULARY, t), vocab_dict),
            "count": rng.integers(1, 12, t), "per_1000": rng.uniform(0.5, 20, t),
        })
        e_article = np.repeat(np.arange(n), ENTITIES_PER_ARTICLE)
        which = zipf_choice(rng, ENTITY_NAMES, n * ENTITIES_PER_ARTICLE)
        m = n * ENTITIES_PER_ARTICLE
        empty = pa.ListArray.from_arrays(pa.array(np.zeros(m + 1, np.int32)), pa.array([], pa.string()))
        entities = pa.table({
            "id": coded(e_article, ids), "month": coded(month_index[e_article], month_dict),
            "key": coded(which, keys_dict), "name": coded(which, names_dict),
            "type": coded(which % 4, types_dict), "mentions": rng.integers(1, 9, m), "aliases": empty,
            "paragraphs": pa.ListArray.from_arrays(pa.array(np.arange(0, 2 * m + 1, 2, dtype=np.int32)),
                                                   pa.array(np.tile([0, 1], m))),
            "alias_keys": empty,
        })
        p_article = np.repeat(np.arange(n), 3)
        paragraphs = pa.table({
            "id": coded(p_article, ids), "month": coded(month_index[p_article], month_dict),
            "text": coded(np.zeros(3 * n, int), pa.array(["A short synthetic paragraph."])),
            "index": np.tile(np.arange(3), n), "kind": coded(np.zeros(3 * n, int), pa.array(["body"])),
            "included": np.ones(3 * n, bool), "words": np.full(3 * n, 4), "polarity": np.zeros(3 * n),
            "subjectivity": np.zeros(3 * n), "vader": np.zeros(3 * n), "disagree": np.zeros(3 * n, bool),
        })
        key = hashlib.sha256(f"synthetic-{c}".encode()).hexdigest()[:20]
        staging = out / fo.STAGING / "synthetic" / key
        files = fo.stage({"paragraphs": paragraphs, "terms": terms, "entities": entities, "articles": arts},
                         staging, key, 0, partition_by="month")
        fo.commit(out, staging, files, key, {"kind": "task", "articles": n})
        print(f"  wrote articles {first + n:,}", file=sys.stderr, flush=True)


def best_of(fn, rounds: int = 3) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "archive-synthetic")
    parser.add_argument("--reuse", action="store_true", help="query an output written by an earlier run")
    args = parser.parse_args()
    from analysis.batch.query import Archive, build_rollup

    if not args.reuse:
        shutil.rmtree(args.out, ignore_errors=True)
        start = time.perf_counter()
        write_output(args.out, args.articles)
        print(f"wrote {args.articles:,} synthetic articles in {time.perf_counter() - start:.0f} s")
        start = time.perf_counter()
        build_rollup(args.out)
        print(f"rollup built in {time.perf_counter() - start:.1f} s")
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    start = time.perf_counter()
    archive = Archive(args.out)
    print(f"open (rollup up to date): {time.perf_counter() - start:.2f} s; {archive.summary()['articles']:,} articles")
    name = archive.entities(top=1).iloc[0]["entity"]
    questions = {
        "entities --top 20": lambda: archive.entities(top=20),
        "entities --top 20 --by month": lambda: archive.entities(top=20, by="month"),
        "entities --top 20 --by source --type person": lambda: archive.entities(top=20, by="source", type="person"),
        "terms --top 20": lambda: archive.terms(top=20),
        "terms --top 20 --by month": lambda: archive.terms(top=20, by="month"),
        "sentiment --by month": lambda: archive.sentiment(by="month"),
        "sentiment --by source": lambda: archive.sentiment(by="source"),
        f"articles --entity '{name}' --limit 50": lambda: archive.articles(entity=name, limit=50),
    }
    for label, fn in questions.items():
        print(f"{label:<48} best of 3: {best_of(fn):.3f} s")
    archive.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for q in (["entities", "--top", "20", "--by", "month"], ["articles", "--entity", name]):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "analysis", "archive", str(args.out), *q], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        print(f"python -m analysis archive DIR {' '.join(q):<36} whole command: {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main()
