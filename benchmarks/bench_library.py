"""Speed of the corpus library (issue 3 §7). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_library.py [--articles 1000] [--rows 10000] [--rounds 1]

1. Builds N distinct articles of about 800 words from the seed's paragraphs, then
   a. the engine alone: parse_article + analyze on each text, in memory;
   b. the library: Library.add_file on each file's bytes (reading, hashing, analysis, Arrow IPC, one SQLite
      transaction each) into a fresh temporary library;
   each article's two steps one after the other (alternating which goes first), so that both see the same
   machine load, and prints both throughputs and their ratio (target, issue 11: the store costs at most 25 %
   on top of the engine, i.e. library >= 80 % of the engine). With ``--rounds R`` this is done R times, each
   into a fresh library, and the best and median round are printed too (CPU time is the steadier figure on a
   busy machine).
2. Loads the cached analyses of those N articles from a freshly opened library (target: < 1 s for 1,000).
3. Lists a library of 10,000 stored articles (target: < 100 ms).

Everything happens in a temporary folder: the default library is never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.store.library import Library, content_hash  # noqa: E402
from analysis.pipeline import analyze  # noqa: E402
from analysis.reading.text import parse_article  # noqa: E402

SEED = next((ROOT / "seeds").glob("*.txt"))


def build_articles(count: int, *, words: int = 800) -> list[str]:
    """``count`` distinct articles of about ``words`` words: a title, then seed body paragraphs sampled."""
    article = parse_article(SEED.read_text(encoding="utf-8"))
    body = [p.text for p in article.paragraphs if p.kind == "body"]
    rng = random.Random(20231211)
    texts = []
    for n in range(count):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(rng.choice(body))
        texts.append(f"{article.title}: edition {n + 1}\n\n" + "\n\n".join(chosen) + "\n")
    return texts


def best_of(runs: int, call) -> tuple[float, float, float]:
    """Best and median wall-clock seconds of ``runs`` calls, and the CPU seconds of the best one."""
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    best = min(times)
    return best[0], statistics.median(t for t, _ in times), best[1]


def add_throughput(texts: list[str], folder: Path) -> tuple[list[int], tuple[float, float, float, float]]:
    """Engine alone vs library.add_file on the same texts, interleaved so both see the same machine load; the
    ids added and (engine, library, engine CPU, library CPU) seconds."""
    analyze(parse_article(texts[0]))  # warm the lexicons and caches once for both
    words = sum(len(t.split()) for t in texts)
    engine = stored = engine_cpu = stored_cpu = 0.0
    results = []
    with Library(folder) as library:
        for n, text in enumerate(texts):
            data, name = text.encode("utf-8"), f"article-{n}.txt"
            for step in ((0, 1) if n % 2 else (1, 0)):  # alternate which goes first
                start, cpu = time.perf_counter(), time.process_time()
                if step == 0:
                    analyze(parse_article(text, filename=name))
                    engine += time.perf_counter() - start
                    engine_cpu += time.process_time() - cpu
                else:
                    results.append(library.add_file(data, name))
                    stored += time.perf_counter() - start
                    stored_cpu += time.process_time() - cpu
    assert all(r.status == "added" for r in results), "the benchmark articles must be distinct"

    engine_rate, library_rate = words / engine, words / stored
    print(f"articles: {len(texts):,} distinct, {words:,} words ({words / len(texts):.0f} per article)")
    print(f"engine alone (parse + analyze):              {engine:7.2f} s  {engine_rate:10,.0f} words/s")
    print(f"library add_file (+ read, hash, Arrow, SQLite): {stored:7.2f} s  {library_rate:10,.0f} words/s")
    print(f"ratio library/engine: {library_rate / engine_rate:.2f}  (target >= 0.80; "
          f"store overhead {stored / engine - 1:+.0%}, target <= +25%; in CPU time {stored_cpu / engine_cpu - 1:+.0%})")
    size = sum(f.stat().st_size for f in folder.glob("storyscope.sqlite3*"))
    print(f"database size: {size / 1e6:.1f} MB")
    return [r.id for r in results], (engine, stored, engine_cpu, stored_cpu)


def rounds_summary(rounds: list[tuple[float, float, float, float]]) -> None:
    """The store's overhead over the rounds: best and median, wall and CPU."""
    wall = sorted(stored / engine - 1 for engine, stored, _, _ in rounds)
    cpu = sorted(stored / engine - 1 for _, _, engine, stored in rounds)
    print(f"over {len(rounds)} rounds, store overhead: best {wall[0]:+.0%}, median {statistics.median(wall):+.0%}; "
          f"in CPU time best {cpu[0]:+.0%}, median {statistics.median(cpu):+.0%} (target <= +25%)")


def load_cached(folder: Path, ids: list[int]) -> None:
    with Library(folder) as library:
        best, median, cpu = best_of(5, lambda: library.analyses(ids))
    print(f"load {len(ids):,} cached analyses: best {best * 1000:7.1f} ms (CPU {cpu * 1000:.0f} ms), "
          f"median {median * 1000:7.1f} ms (target < 1000 ms for 1,000)")


def list_rows(folder: Path, rows: int, text: str) -> None:
    with Library(folder) as library:
        existing = len(library)
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        # Rows written straight into the table: the benchmark measures listing, not 10,000 analyses.
        records = [
            (content_hash(f"{n} {text}"), f"Stored article number {n}", json.dumps(["Ana Pérez", "Li Wei"]),
             "2024-01-15", "Benchmark Gazette", "en", f"article-{n}.txt", 800, 0, now, f"{n}\n\n{text}")
            for n in range(rows - existing)
        ]
        with library._transaction() as db:
            db.executemany(
                "INSERT INTO articles (content_hash, title, authors, published, source, language, filename, "
                "word_count, seed, added, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                records,
            )
        library.list_articles()  # first read warms the page cache
        best, median, cpu = best_of(7, library.list_articles)
        count = len(library.list_articles())
    print(f"list {count:,} stored articles: best {best * 1000:6.1f} ms (CPU {cpu * 1000:.0f} ms), "
          f"median {median * 1000:6.1f} ms (target < 100 ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000, help="articles to add (default 1000)")
    parser.add_argument("--rows", type=int, default=10_000, help="rows to list (default 10000)")
    parser.add_argument("--rounds", type=int, default=1, help="times the adding is measured (default 1)")
    args = parser.parse_args()
    texts = build_articles(args.articles)
    with tempfile.TemporaryDirectory(prefix="storyscope-bench-") as tmp:
        rounds = []
        for n in range(max(args.rounds, 1)):
            folder = Path(tmp) / f"library-{n}"
            ids, times = add_throughput(texts, folder)
            rounds.append(times)
        if len(rounds) > 1:
            rounds_summary(rounds)
        load_cached(folder, ids)
        list_rows(Path(tmp) / "listing", args.rows, texts[0])


if __name__ == "__main__":
    main()
