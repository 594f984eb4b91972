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
import json
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


def write_rollup_directly(out: Path, articles: int, chunk: int = 100_000) -> None:
    """The query-ready rollup of an output of ``articles`` synthetic articles (same distributions as
    :func:`write_output`), computed with numpy and written directly, with the ``articles`` table: what the
    questions read, without writing the 180 million raw term rows first (their rollup build is timed at a
    smaller size)."""
    import pyarrow.parquet as pq

    from analysis.batch import folder as fo
    from analysis.batch.query import ROLLUP_FILES, STAMP, output_stamp
    from analysis.pipeline import ANALYSER_VERSION

    fo.open_output(out, analyser_version=str(ANALYSER_VERSION), include_boilerplate=False, partition_by="month")
    rng = np.random.default_rng(1)
    n_months, n_sources = len(MONTHS), len(SOURCES)
    term_counts = np.zeros(n_months * VOCABULARY)
    term_articles = np.zeros(n_months * VOCABULARY)
    ent_article, ent_which, ent_mentions, art_month, art_source = [], [], [], [], []
    words_all = []
    arts_rows = []
    for first in range(0, articles, chunk):
        n = min(chunk, articles - first)
        month_index = rng.integers(0, n_months, n)
        source_index = rng.integers(0, n_sources, n)
        words = rng.integers(200, 1500, n)
        polarity = rng.normal(0.05, 0.08, n)
        art_month.append(month_index)
        art_source.append(source_index)
        words_all.append(words)
        t = n * TERMS_PER_ARTICLE
        code = np.repeat(month_index, TERMS_PER_ARTICLE) * VOCABULARY + zipf_choice(rng, VOCABULARY, t)
        term_counts += np.bincount(code, weights=rng.integers(1, 12, t), minlength=len(term_counts))
        term_articles += np.bincount(code, minlength=len(term_articles))
        ent_article.append(np.repeat(np.arange(first, first + n), ENTITIES_PER_ARTICLE))
        ent_which.append(zipf_choice(rng, ENTITY_NAMES, n * ENTITIES_PER_ARTICLE))
        ent_mentions.append(rng.integers(1, 9, n * ENTITIES_PER_ARTICLE))
        month_start = np.array([np.datetime64(m + "-01") for m in MONTHS], dtype="datetime64[D]")
        arts_rows.append(pa.table({
            "id": pa.array([f"{first + i:064x}" for i in range(n)]),
            "month": pa.array(np.array(MONTHS, dtype=object)[month_index]),
            "analyser_version": pa.array([str(ANALYSER_VERSION)] * n),
            "title": pa.array([f"Synthetic story {first + i}" for i in range(n)]),
            "published": pa.array(month_start[month_index] + rng.integers(0, 28, n).astype("timedelta64[D]")),
            "source": pa.array(np.array(SOURCES, dtype=object)[source_index]), "url": pa.nulls(n, pa.string()),
            "origin": pa.array([f"synthetic#{first + i}" for i in range(n)]), "filename": pa.nulls(n, pa.string()),
            "language": pa.array(["en"] * n), "word_count": words, "paragraph_count": np.full(n, 3),
            "include_boilerplate": np.zeros(n, bool), "sentiment_available": np.ones(n, bool),
            "sentiment_polarity": polarity, "sentiment_subjectivity": rng.uniform(0.2, 0.5, n),
            "sentiment_vader": np.clip(polarity * 4, -1, 1), "sentiment_disagreements": rng.integers(0, 3, n),
            "sentiment_reason": pa.nulls(n, pa.string()),
        }))
        print(f"  drew articles {first + n:,}", file=sys.stderr, flush=True)
    rollup = out / fo.ROLLUP
    rollup.mkdir(parents=True, exist_ok=True)
    arts = pa.concat_tables(arts_rows).sort_by([("month", "ascending"), ("id", "ascending")])
    pq.write_table(arts, rollup / "articles.parquet", compression="zstd", row_group_size=100_000)
    vocab = np.array([f"word{i:05d}" for i in range(VOCABULARY)], dtype=object)
    used = np.nonzero(term_articles)[0]
    pq.write_table(pa.table({
        "month": pa.array(np.array(MONTHS, dtype=object)[used // VOCABULARY]), "term": pa.array(vocab[used % VOCABULARY]),
        "count": term_counts[used].astype(np.int64), "articles": term_articles[used].astype(np.int64),
    }), rollup / "term_months.parquet", compression="zstd", row_group_size=100_000)
    e_article, which, mentions = np.concatenate(ent_article), np.concatenate(ent_which), np.concatenate(ent_mentions)
    months_of, sources_of = np.concatenate(art_month), np.concatenate(art_source)
    names = np.array([f"Name{i:05d} Surname{i % 977:03d}" for i in range(ENTITY_NAMES)], dtype=object)
    keys = np.array([n.lower() for n in names], dtype=object)
    types = np.array(TYPES, dtype=object)[np.arange(ENTITY_NAMES) % 4]
    code = (months_of[e_article] * n_sources + sources_of[e_article]) * ENTITY_NAMES + which
    groups, inverse = np.unique(code, return_inverse=True)
    g_key = groups % ENTITY_NAMES
    g_ms = groups // ENTITY_NAMES
    pq.write_table(pa.table({
        "month": pa.array(np.array(MONTHS, dtype=object)[g_ms // n_sources]),
        "source": pa.array(np.array(SOURCES, dtype=object)[g_ms % n_sources]),
        "key": pa.array(keys[g_key]), "name": pa.array(names[g_key]), "type": pa.array(types[g_key]),
        "mentions": np.bincount(inverse, weights=mentions).astype(np.int64),
        "articles": np.bincount(inverse).astype(np.int64),
    }), rollup / "entity_months.parquet", compression="zstd", row_group_size=100_000)
    order = np.argsort(which, kind="stable")
    ids = arts.column("id").combine_chunks()
    by_number = pa.array([f"{i:064x}" for i in range(articles)])
    del ids
    pq.write_table(pa.table({
        "key": pa.DictionaryArray.from_arrays(pa.array(which[order], pa.int32()), pa.array(keys)),
        "id": by_number.take(pa.array(e_article[order])),
        "month": pa.DictionaryArray.from_arrays(pa.array(months_of[e_article[order]], pa.int32()), pa.array(MONTHS)),
        "name": pa.DictionaryArray.from_arrays(pa.array(which[order], pa.int32()), pa.array(names)),
        "type": pa.DictionaryArray.from_arrays(pa.array(which[order] % 4, pa.int32()), pa.array(TYPES)),
        "mentions": mentions[order],
    }), rollup / "entity_articles.parquet", compression="zstd", row_group_size=100_000)
    assert all((rollup / f"{n}.parquet").exists() for n in ROLLUP_FILES)
    fo.write_atomically(rollup / STAMP, json.dumps({"tasks": output_stamp(out)}).encode())


def best_of(fn, rounds: int = 3) -> tuple[float, float]:
    """Best wall time and best CPU time (all of this process's threads, DuckDB's included) of ``rounds`` calls.
    On a shared, loaded machine the CPU time says what the question costs; the wall time what it took here."""
    walls, cpus = [], []
    for _ in range(rounds):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "archive-synthetic")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="query an output written by an earlier run")
    parser.add_argument("--rollup-only", action="store_true",
                        help="write the articles table and the rollup directly (not the raw term/entity tables)")
    args = parser.parse_args()
    from analysis.batch.query import Archive, build_rollup

    if args.rollup_only and not args.reuse:
        shutil.rmtree(args.out, ignore_errors=True)
        start = time.perf_counter()
        write_rollup_directly(args.out, args.articles)
        print(f"wrote the rollup of {args.articles:,} synthetic articles in {time.perf_counter() - start:.0f} s")
    elif not args.reuse:
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
        wall, cpu = best_of(fn, args.rounds)
        print(f"{label:<52} best of {args.rounds}: {wall:.3f} s wall, {cpu:.3f} s CPU")
    archive.close()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for q in (["entities", "--top", "20", "--by", "month"], ["articles", "--entity", name]):
        start = time.perf_counter()
        before = os.times()
        subprocess.run([sys.executable, "-m", "analysis", "archive", str(args.out), *q], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        after = os.times()
        cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
        print(f"python -m analysis archive DIR {' '.join(q):<36} whole command: {time.perf_counter() - start:.2f} s "
              f"wall, {cpu:.2f} s CPU (Python start and imports included)")


if __name__ == "__main__":
    main()
