"""Speed and memory of the entity extractor alone. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_entities.py [--articles 300] [--repeat 3]

1. The benchmark articles of bench_analysis.py (N distinct articles built from the seed's paragraphs), parsed
   first; extract_entities over all of them: best of ``--repeat`` runs after a warm-up call (the gazetteer and
   the word caches are built once per process). Target (issue 2 §7 budget): <= 0.45 s for 300 articles.
2. The seed: seconds per call (best of ``--repeat`` rounds of 20 calls).
3. One 100,000-word article of DISTINCT paragraphs (sentences of the seed shuffled into new 4-sentence
   paragraphs: analysis.reading.text marks repeated blocks as boilerplate, so repeating paragraphs would leave most of
   the text out), in a fresh process after a warm-up call on the seed: seconds, words per second and the
   process's peak memory (ru_maxrss, gazetteer included; target < 300 MB).

The 300 articles reuse the seed's paragraphs, so figure 3 is the fairer measure of speed on text never seen.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from seed_inputs import SEED, build_articles  # noqa: E402

from analysis.nlp.entities import extract_entities  # noqa: E402
from analysis.models import Article  # noqa: E402
from analysis.reading.text import parse_article  # noqa: E402


def analysed_words(article: Article) -> int:
    """Whitespace-separated words of the paragraphs extract_entities reads (its defaults)."""
    return sum(len(p.text.split()) for p in article.analysed_paragraphs())


def best_seconds(articles: list[Article], repeat: int, clock=time.perf_counter) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        for article in articles:
            extract_entities(article)
        best = min(best, clock() - start)
    return best


def benchmark_articles(count: int, repeat: int) -> None:
    articles = [parse_article(text) for text in build_articles(count)]
    extract_entities(articles[0])  # warm-up: gazetteer, stopwords, word caches
    seconds = best_seconds(articles, repeat)
    cpu = best_seconds(articles, repeat, time.process_time)  # this process only: steadier on a shared machine
    words = sum(analysed_words(a) for a in articles)
    mentions = sum(len(extract_entities(a).mentions) for a in articles)
    print(f"{len(articles)} articles ({words:,} words, {mentions:,} mentions): {seconds:.3f} s "
          f"({cpu:.3f} s of CPU), {seconds / len(articles) * 1000:.2f} ms per article, {words / seconds:,.0f} "
          f"words/s  (best of {repeat}; target <= 0.45 s for 300)")


def benchmark_seed(repeat: int, calls: int = 20) -> None:
    seed = parse_article(SEED.read_text(encoding="utf-8"))
    extract_entities(seed)
    per_call = best_seconds([seed] * calls, repeat) / calls
    words = analysed_words(seed)
    print(f"seed ({words:,} words): {per_call * 1000:.2f} ms per call, {words / per_call:,.0f} words/s "
          f"(best of {repeat} x {calls} calls)")


BIG_ARTICLE_CHILD = """
import resource, sys, time
sys.path[:0] = [{root!r}, {benchmarks!r}]
from analysis.nlp.entities import extract_entities
from analysis.reading.text import parse_article
from seed_inputs import SEED, long_article
text, blocks = long_article()
article = parse_article(text)
extract_entities(parse_article(SEED.read_text(encoding="utf-8")))  # warm-up: gazetteer and word lists load once
analysed = sum(len(p.text.split()) for p in article.analysed_paragraphs())
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
result = extract_entities(article)
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(analysed, len(blocks), len(set(blocks)), seconds, before / 1024, peak / 1024, len(result.mentions))
"""


def benchmark_big_article() -> None:
    code = BIG_ARTICLE_CHILD.format(root=str(ROOT), benchmarks=str(ROOT / "benchmarks"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    words, blocks, distinct = int(out[0]), int(out[1]), int(out[2])
    seconds, before, peak, mentions = float(out[3]), float(out[4]), float(out[5]), int(out[6])
    print(f"one article of {words:,} analysed words ({distinct:,} distinct of {blocks:,} paragraphs, "
          f"{mentions:,} mentions), fresh process after a warm-up: {seconds:.2f} s, {words / seconds:,.0f} words/s; "
          f"peak memory {peak:.0f} MB (after parsing {before:.0f} MB; target < 300 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    benchmark_articles(args.articles, args.repeat)
    benchmark_seed(args.repeat)
    benchmark_big_article()


if __name__ == "__main__":
    main()
