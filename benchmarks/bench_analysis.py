"""Throughput and memory of the analysis engine (issue 2 §7). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_analysis.py [--articles 300]

1. Builds N distinct articles from the seed's paragraphs (shuffled and sampled with a fixed seed),
   runs the full analysis (parsing, terms, sentiment, entities) over them, then TextBlob's sentiment
   alone over the same paragraphs, and prints words per second for both and their ratio
   (target: ratio >= 0.5, i.e. everything of ours together costs no more than TextBlob's own scoring).
2. Analyses one 100,000-word article in a fresh process and prints its peak memory (target < 300 MB).
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textblob import TextBlob  # noqa: E402

from analysis.pipeline import analyze  # noqa: E402
from analysis.text import parse_article  # noqa: E402

SEED = next((ROOT / "seeds").glob("*.txt"))


def seed_paragraphs() -> tuple[str, list[str]]:
    article = parse_article(SEED.read_text(encoding="utf-8"))
    body = [p.text for p in article.paragraphs if p.kind == "body"]
    return article.title, body


def build_articles(count: int) -> list[str]:
    title, body = seed_paragraphs()
    rng = random.Random(20231211)
    articles = set()
    while len(articles) < count:
        chosen = rng.sample(body, rng.randint(8, len(body)))
        articles.add(f"{title} (edition {len(articles) + 1})\n\n" + "\n\n".join(chosen))
    return sorted(articles)


def words_in(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def throughput(count: int) -> None:
    texts = build_articles(count)
    analyze(parse_article(texts[0]))  # warm caches (lexicons, lemma tables)
    start = time.perf_counter()
    articles = []
    for text in texts:
        article = parse_article(text)
        analyze(article)
        articles.append(article)
    full = time.perf_counter() - start

    paragraphs = [p.text for a in articles for p in a.paragraphs]
    start = time.perf_counter()
    for p in paragraphs:
        TextBlob(p).sentiment
    textblob_alone = time.perf_counter() - start

    from analysis.sentiment import textblob_sentiment

    start = time.perf_counter()
    for p in paragraphs:
        textblob_sentiment(p)
    scorer_alone = time.perf_counter() - start

    words = words_in(texts)
    full_rate, textblob_rate = words / full, words / textblob_alone
    print(f"articles: {len(texts)} distinct, {words:,} words, {len(paragraphs):,} paragraphs")
    print(f"full analysis:          {full:7.2f} s  {full_rate:12,.0f} words/s")
    print(f"TextBlob sentiment only: {textblob_alone:7.2f} s  {textblob_rate:12,.0f} words/s")
    print(f"ratio full/TextBlob:     {full_rate / textblob_rate:.2f}  (target >= 0.5)")
    print(f"  (TextBlob's scorer without its per-call namedtuple, as the pipeline calls it: {scorer_alone:.2f} s,"
          f" {words / scorer_alone:,.0f} words/s; ratio against it {full_rate / (words / scorer_alone):.2f})")


MEMORY_CHILD = """
import random, re, resource, sys, time
sys.path.insert(0, {root!r})
from analysis.pipeline import analyze
from analysis.text import parse_article
text = open({seed!r}, encoding="utf-8").read()
sentences = [s for s in re.split(r"(?<=[.!?”])\\s+", text) if len(s.split()) > 5]
rng = random.Random(7)
blocks, words = [], 0
while words < 100_000:
    block = " ".join(rng.sample(sentences, 4))  # distinct paragraphs: repeated blocks count as boilerplate
    blocks.append(block)
    words += len(block.split())
big = "A very long article\\n\\n" + "\\n\\n".join(blocks)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
result = analyze(parse_article(big))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(words, seconds, before / 1024, peak / 1024, result.word_count)
"""


def memory() -> None:
    code = MEMORY_CHILD.format(root=str(ROOT), seed=str(SEED))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    words, seconds, before, peak, counted = int(out[0]), float(out[1]), float(out[2]), float(out[3]), int(out[4])
    print(f"one {words:,}-word article: analysed in {seconds:.2f} s; peak memory {peak:.0f} MB "
          f"(process after imports {before:.0f} MB; target < 300 MB); {counted:,} word tokens")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    throughput(args.articles)
    memory()


if __name__ == "__main__":
    main()
