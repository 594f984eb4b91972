"""Throughput and memory of the analysis engine (issue 2 §7). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_analysis.py [--articles 300] [--rounds 3]

1. Builds N distinct articles from the seed's paragraphs (shuffled and sampled with a fixed seed),
   runs the full analysis (parsing, terms, sentiment, entities) over them, then ``TextBlob(p).sentiment``
   alone over the same paragraphs, alternately for ``--rounds`` rounds, and prints words per second for
   the best round of both and their ratio (target: ratio >= 0.5, i.e. everything of ours together costs no
   more than TextBlob's own scoring), then the time of each stage.
2. Analyses one 100,000-word article in a fresh process and prints its peak memory (target < 300 MB).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textblob import TextBlob  # noqa: E402

from analysis.pipeline import analyze  # noqa: E402
from analysis.reading.text import parse_article  # noqa: E402
from seed_inputs import build_articles  # noqa: E402

def words_in(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _time_analysis(texts: list[str]) -> tuple[float, list]:
    start = time.perf_counter()
    articles = []
    for text in texts:
        article = parse_article(text)
        analyze(article)
        articles.append(article)
    return time.perf_counter() - start, articles


def _time_textblob(paragraphs: list[str]) -> float:
    start = time.perf_counter()
    for p in paragraphs:
        TextBlob(p).sentiment
    return time.perf_counter() - start


def throughput(count: int, rounds: int) -> None:
    """Alternates full analysis and TextBlob alone ``rounds`` times: a burst of load on this shared machine
    then slows both alike, and the best round of each (as ``timeit`` reports) is the steadiest figure."""
    texts = build_articles(count)
    analyze(parse_article(texts[0]))  # warm caches (lexicons, lemma tables)
    paragraphs = [p.text for text in texts for p in parse_article(text).paragraphs]
    full_times, textblob_times = [], []
    for _ in range(rounds):
        full_times.append(_time_analysis(texts)[0])
        textblob_times.append(_time_textblob(paragraphs))

    words = words_in(texts)
    full, textblob_alone = min(full_times), min(textblob_times)
    full_rate, textblob_rate = words / full, words / textblob_alone
    print(f"articles: {len(texts)} distinct, {words:,} words, {len(paragraphs):,} paragraphs; best of {rounds} rounds")
    print(f"full analysis:           {full:7.2f} s  {full_rate:12,.0f} words/s   (rounds: "
          + ", ".join(f"{t:.2f}" for t in full_times) + ")")
    print(f"TextBlob sentiment only: {textblob_alone:7.2f} s  {textblob_rate:12,.0f} words/s   (rounds: "
          + ", ".join(f"{t:.2f}" for t in textblob_times) + ")")
    print(f"ratio full/TextBlob:     {full_rate / textblob_rate:.2f}  (target >= 0.5; round by round: "
          + ", ".join(f"{tb / f:.2f}" for f, tb in zip(full_times, textblob_times)) + ")")
    stages(texts)


def stages(texts: list[str]) -> None:
    """Where the full analysis's time goes (one pass each, after the rounds above)."""
    from analysis.nlp.entities import extract_entities
    from analysis.nlp.scorers import textblob_scores, vader_compound
    from analysis.nlp.terms import tokenize, unigram_frequencies

    start = time.perf_counter()
    articles = [parse_article(t) for t in texts]
    timings = {"parse": time.perf_counter() - start}
    paragraphs = [p.text for a in articles for p in a.paragraphs]
    for name, work in [
        ("TextBlob scores (ours)", lambda: [textblob_scores(p) for p in paragraphs]),
        ("VADER compound (ours)", lambda: [vader_compound(p) for p in paragraphs]),
        ("tokens + terms", lambda: [unigram_frequencies([tokenize(p.text) for p in a.analysed_paragraphs()])
                                    for a in articles]),
        ("entities", lambda: [extract_entities(a) for a in articles]),
    ]:
        start = time.perf_counter()
        work()
        timings[name] = time.perf_counter() - start
    print("  stages (s): " + ", ".join(f"{name} {seconds:.2f}" for name, seconds in timings.items()))


MEMORY_CHILD = """
import resource, sys, time
sys.path[:0] = [{root!r}, {benchmarks!r}]
from analysis.pipeline import analyze
from analysis.reading.text import parse_article
from seed_inputs import long_article
big, blocks = long_article()
words = sum(len(b.split()) for b in blocks)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
result = analyze(parse_article(big))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(words, seconds, before / 1024, peak / 1024, result.word_count)
"""


def memory() -> None:
    code = MEMORY_CHILD.format(root=str(ROOT), benchmarks=str(ROOT / "benchmarks"))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    words, seconds, before, peak, counted = int(out[0]), float(out[1]), float(out[2]), float(out[3]), int(out[4])
    print(f"one {words:,}-word article: analysed in {seconds:.2f} s; peak memory {peak:.0f} MB "
          f"(process after imports {before:.0f} MB; target < 300 MB); {counted:,} word tokens")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    throughput(args.articles, args.rounds)
    memory()


if __name__ == "__main__":
    main()
