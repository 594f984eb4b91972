"""The benchmarks' inputs, all made from the seed article: many distinct articles, and one very long one.

Light to import (the analysis package is imported only by :func:`build_articles`), so a benchmark's child
process can build the long article without loading more than it measures.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = next((ROOT / "seeds").glob("*.txt"))


def build_articles(count: int) -> list[str]:
    """``count`` distinct articles: the seed's title (numbered) over a sample of its body paragraphs."""
    from analysis.reading.text import parse_article

    article = parse_article(SEED.read_text(encoding="utf-8"))
    title, body = article.title, [p.text for p in article.paragraphs if p.kind == "body"]
    rng = random.Random(20231211)
    articles: set[str] = set()
    while len(articles) < count:
        chosen = rng.sample(body, rng.randint(8, len(body)))
        articles.add(f"{title} (edition {len(articles) + 1})\n\n" + "\n\n".join(chosen))
    return sorted(articles)


def long_article(words: int = 100_000) -> tuple[str, list[str]]:
    """An article of at least ``words`` words and its paragraphs: 4 of the seed's sentences each, shuffled.

    The paragraphs must differ: the parser marks repeated blocks as boilerplate, which analyses leave out.
    """
    text = SEED.read_text(encoding="utf-8")
    sentences = [s for s in re.split(r"(?<=[.!?”])\s+", text) if len(s.split()) > 5]
    rng = random.Random(7)
    blocks: list[str] = []
    count = 0
    while count < words:
        block = " ".join(rng.sample(sentences, 4))
        blocks.append(block)
        count += len(block.split())
    return "A very long article\n\n" + "\n\n".join(blocks), blocks
