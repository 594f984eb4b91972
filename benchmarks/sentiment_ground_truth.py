"""The human-rated sentiment sets published with VADER, Storyscope's own news-style set, and every score Storyscope
gives their texts.

Shared by ``bench_sentiment.py`` (how well each score agrees with people) and ``fit_news_model.py`` (the news
model's coefficients). The folder holds ``<name>_GroundTruth.txt`` files, one ``ID<TAB>rating<TAB>text`` a line,
ratings the mean of people's -4 .. +4 ratings (see its README). The news-style set (``NEWS_STYLE``) is this
project's own writing and rating, in the same format with ``#`` comment lines, shipped in ``benchmarks/data/``
(its header says how it was made): sentences in the styles of news reports and editorials, rated by one reader.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.models import Article, Paragraph  # noqa: E402
from analysis.nlp.entities import extract_entities  # noqa: E402
from analysis.nlp.news_sentiment import FEATURES, counted_words, news_reading, news_score  # noqa: E402
from analysis.nlp.scorers import textblob_scores, vader_compound  # noqa: E402



def _default_folder() -> Path:
    """``../shared/data/sentiment-ground-truth`` beside the project (or beside a folder holding it, for a worktree)."""
    for parent in ROOT.parents:
        candidate = parent / "shared" / "data" / "sentiment-ground-truth"
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "data" / "sentiment-ground-truth"


DEFAULT_FOLDER = _default_folder()
#: Storyscope's own news-style sentences and their ratings (written and rated for this project; see its header).
NEWS_STYLE = ROOT / "benchmarks" / "data" / "news_style_rated.tsv"
#: set name -> file stem in the ground-truth folder (or the file itself); "nyt" is the news set, never used to fit
#: anything.
SETS = {
    "nyt": "nytEditorialSnippets",
    "tweets": "tweets",
    "movies": "movieReviewSnippets",
    "amazon": "amazonReviewSnippets",
    "news_style": NEWS_STYLE,
}
TRAINING_SETS = ("tweets", "movies", "amazon", "news_style")


@dataclass
class RatedSet:
    """One rated set with each text's scores (arrays aligned with ``texts``)."""

    name: str
    ids: list[str]
    texts: list[str]
    rating: np.ndarray
    words: np.ndarray
    vader: np.ndarray
    polarity: np.ndarray
    subjectivity: np.ndarray
    compound: np.ndarray  # the news rules' compound (names masked), one of the model's inputs
    happiness: np.ndarray  # the mean labMT happiness of the words outside names, another input
    neighbours: np.ndarray  # the mean neighbour valence of the words outside names, another input
    learned: np.ndarray  # the shipped learnt word weights of the words outside names, summed, over the word count
    lowest: np.ndarray  # the lowest and highest valence of its sentiment words / 4, more inputs (NewsReading)
    highest: np.ndarray
    saddest: np.ndarray  # the lowest and highest happiness of its rated words
    happiest: np.ndarray
    density: np.ndarray  # its valences summed / 4 over the square root of its word count
    length: np.ndarray  # the log of its word count (capped)
    counted: list[list[str]]  # the words outside names that the learnt weights are read for (counted_words)
    count: np.ndarray  # each text's count of words (what the learnt weights' sum is divided by)
    news: np.ndarray | None = None  # the shipped news score

    def features(self, rows: np.ndarray | slice = slice(None)) -> np.ndarray:
        """The model's design matrix (columns in ``FEATURES`` order) for ``rows``."""
        return np.column_stack([
            (np.ones(len(self.rating)) if name == "intercept" else getattr(self, name))[rows] for name in FEATURES])

    def subset(self, rows: np.ndarray) -> "RatedSet":
        """The texts at ``rows`` (positions), as a set of the same name."""
        pick = lambda values: [values[i] for i in rows]  # noqa: E731
        return RatedSet(**{key: (value[rows] if isinstance(value, np.ndarray) else pick(value)
                                 if isinstance(value, list) else value) for key, value in vars(self).items()})


def read_set(folder: Path, name: str) -> tuple[list[str], list[float], list[str]]:
    """The IDs, ratings and texts of the set ``name`` (a line starting with "#" is a comment)."""
    ids, ratings, texts = [], [], []
    source = SETS[name]
    path = source if isinstance(source, Path) else folder / f"{source}_GroundTruth.txt"
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split("\t")
        if len(parts) < 3 or line.startswith("#"):
            continue
        ids.append(parts[0])
        ratings.append(float(parts[1]))
        texts.append("\t".join(parts[2:]))
    return ids, ratings, texts


def name_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the names the entity pass finds in ``text`` (what the dashboard masks)."""
    article = Article(title="", paragraphs=(Paragraph(0, "body", text),), language="en")
    mentions = extract_entities(article).mentions
    return list(zip(mentions["start"].tolist(), mentions["end"].tolist()))


def scored_set(folder: Path, name: str, *, with_news: bool = True) -> RatedSet:
    ids, ratings, texts = read_set(folder, name)
    tb = np.array([textblob_scores(t) for t in texts]).reshape(-1, 2)
    spans = [name_spans(t) for t in texts]
    readings = [news_reading(t, masked=s) for t, s in zip(texts, spans)]
    counted = [counted_words(t, masked=s) for t, s in zip(texts, spans)]
    result = RatedSet(
        name=name, ids=ids, texts=texts, rating=np.array(ratings),
        words=np.array([max(len(t.split()), 1) for t in texts], dtype=float),
        vader=np.array([vader_compound(t) for t in texts]),
        polarity=tb[:, 0], subjectivity=tb[:, 1],
        compound=np.array([r.compound for r in readings]),
        happiness=np.array([r.happiness for r in readings]),
        neighbours=np.array([r.neighbours for r in readings]),
        learned=np.array([r.learned for r in readings]),
        **{name: np.array([getattr(r, name) for r in readings])
           for name in ("lowest", "highest", "saddest", "happiest", "density", "length")},
        counted=[words for words, _count in counted], count=np.array([count for _words, count in counted], dtype=float),
    )
    if with_news:
        result.news = np.array([news_score(r, p) for r, p in zip(readings, result.polarity)])
    return result
