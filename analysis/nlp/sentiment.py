"""Sentiment paragraph by paragraph: the news score by default, TextBlob's and VADER's own numbers beside it.

``sentiment`` is :func:`analysis.nlp.news_sentiment.news_sentiment` (VADER's lexicon and rules read as news:
names masked, negation scoped, news words, a small linear model), within [-1.0, 1.0]. TextBlob's numbers are
exactly ``TextBlob(paragraph.text).sentiment`` (no rescaling): polarity within [-1.0, 1.0], subjectivity within
[0.0, 1.0]. VADER's compound score is within [-1.0, 1.0]. Every lexicon ships inside a wheel or this package,
so nothing is downloaded. All are English-only: for an article detected as another language every score is
missing (NaN) and the summary says why, never a made-up 0. :func:`entity_sentiment` scores the sentences that
mention each entity.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

import nupunkt

from analysis.nlp import scorers
from analysis.frames import frame_of, int_column, text_columns
from analysis.models import Article, Sentiment, SentimentSummary
from analysis.nlp.news_sentiment import news_sentiment, paragraph_scores
from analysis.nlp.terms import tokenize

if TYPE_CHECKING:
    import pandas as pd

#: Languages whose sentiment we trust the lexicons with; "und" (too short to tell) is scored too.
SENTIMENT_LANGUAGES = frozenset({"en", "und"})
#: |score| below these is "neutral"; outside them, opposite signs count as a disagreement.
TEXTBLOB_NEUTRAL = 0.05
VADER_NEUTRAL = 0.05  # VADER's own recommended threshold for the compound score
#: The news score's band: a model sum within 0.15 of 0 (the model gives text with nothing to read its intercept,
#: about -0.08), seen through the score's curve tanh(1.5 s) / 1.5 (news_sentiment.news_squash; a test checks it).
NEWS_NEUTRAL = 0.14752
OPENING_WORDS = 12

SENTIMENT_COLUMNS = [
    "index", "kind", "included", "words", "sentiment", "polarity", "subjectivity", "vader", "disagree", "opening",
]
ENTITY_SENTIMENT_COLUMNS = ["name", "type", "sentences", "sentiment"]


def textblob_sentiment(text: str) -> Sentiment:
    """TextBlob's reading of ``text``: polarity within [-1.0, 1.0], subjectivity within [0.0, 1.0].

    The same numbers as ``TextBlob(text).sentiment`` (the tests check it), computed by TextBlob's own
    lexicon and rules without its overhead: see :mod:`analysis.nlp.scorers`.
    """
    polarity, subjectivity = scorers.textblob_scores(text)
    return Sentiment(polarity=polarity, subjectivity=subjectivity)


def vader_compound(text: str) -> float:
    """VADER's normalised compound score of ``text``, a float within [-1.0, 1.0] (see :mod:`analysis.nlp.scorers`)."""
    return scorers.vader_compound(text)


def disagree(sentiment: float, polarity: float) -> bool:
    """True when the news score and TextBlob's polarity are both outside their neutral bands with opposite signs."""
    if math.isnan(polarity) or math.isnan(sentiment):
        return False
    return (
        abs(polarity) >= TEXTBLOB_NEUTRAL and abs(sentiment) >= NEWS_NEUTRAL and (polarity > 0) != (sentiment > 0)
    )


def opening_words(text: str, *, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when it goes on."""
    parts = text.split(None, words)  # the first ``words`` words and, when it goes on, the rest in one piece
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def paragraph_sentiment(article: Article, *, include_boilerplate: bool = False) -> pd.DataFrame:
    """One row per paragraph of ``article`` (all of them, in order).

    Columns:
        index (int): the paragraph's position; kind (str): its kind;
        included (bool): whether the article summary uses it (title/heading/body, or every paragraph when
            ``include_boilerplate``);
        words (int): word tokens in the paragraph (:func:`analysis.nlp.terms.tokenize` in the article's language);
        sentiment (float): the news score in [-1, 1], names found by the entity pass masked (the default score);
        polarity (float): TextBlob polarity in [-1, 1]; subjectivity (float): TextBlob subjectivity in [0, 1];
        vader (float): VADER compound in [-1, 1] — all four NaN when the language is not English;
        disagree (bool): the news score and TextBlob's polarity disagree in sign outside their neutral bands;
        opening (str): the paragraph's first words, for hover labels.
    """
    return sentiment_by_paragraph(article, include_boilerplate=include_boilerplate)[0]


def name_spans(article: Article, mentions: pd.DataFrame | Sequence[tuple]) -> list[list[tuple[int, int]]]:
    """Per paragraph of ``article``, the (start, end) spans of its entity mentions: DataFrame[paragraph, start, end],
    or rows (name, type, surface, paragraph, start, end) as ``EntityResult.mention_rows`` gives them."""
    spans: list[list[tuple[int, int]]] = [[] for _ in article.paragraphs]
    if hasattr(mentions, "columns"):
        triples = zip(mentions["paragraph"].tolist(), mentions["start"].tolist(), mentions["end"].tolist())
    else:
        triples = (row[3:6] for row in mentions)
    for paragraph, start, end in triples:
        if 0 <= paragraph < len(spans):
            spans[paragraph].append((start, end))
    return spans


def sentiment_by_paragraph(
    article: Article, *, include_boilerplate: bool = False, words: Sequence[int] | None = None,
    names: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[pd.DataFrame, SentimentSummary]:
    """:func:`paragraph_sentiment`'s table and :func:`summarize_sentiment`'s summary of it, made together.

    ``words``: each paragraph's number of word tokens, when the caller has already tokenised them.
    ``names``: per paragraph, the character spans of the names in it (see :func:`name_spans`), when the entity
    pass has already run (it is run here otherwise).
    """
    columns, summary = sentiment_columns(article, include_boilerplate=include_boilerplate, words=words, names=names)
    return sentiment_frame(columns), summary


def sentiment_frame(columns: Sequence) -> pd.DataFrame:
    """The DataFrame[SENTIMENT_COLUMNS] of :func:`sentiment_columns`' columns."""
    kinds, openings = text_columns(columns[1], columns[9])
    return frame_of(SENTIMENT_COLUMNS, [*columns[:1], kinds, *columns[2:9], openings])


def sentiment_columns(
    article: Article, *, include_boilerplate: bool = False, words: Sequence[int] | None = None,
    names: Sequence[Sequence[tuple[int, int]]] | None = None,
) -> tuple[list, SentimentSummary]:
    """:func:`sentiment_by_paragraph` without the DataFrame (pandas is not needed): the table's columns in
    SENTIMENT_COLUMNS order, numpy arrays except ``kind`` and ``opening`` (lists of str), and the summary."""
    paragraphs = article.paragraphs
    n = len(paragraphs)
    if words is None:
        words = [len(tokenize(p.text, language=article.language)) for p in paragraphs]
    counts = int_column(words)
    included = np.fromiter((p.is_analysed(include_boilerplate=include_boilerplate) for p in paragraphs),
                           dtype=bool, count=n)
    if article.language in SENTIMENT_LANGUAGES:
        if names is None:
            from analysis.nlp.entities import extract_entities

            mentions = extract_entities(article, include_boilerplate=include_boilerplate).mentions
            names = name_spans(article, mentions)
        # (news, polarity, subjectivity, vader) per paragraph, its words read once for all
        scores = [paragraph_scores(p.text, masked=masked) for p, masked in zip(paragraphs, names)]
        news, polarity, subjectivity, vader = np.array(scores, dtype=np.float64).reshape(n, 4).T.copy()
        disagreeing = np.fromiter((disagree(row[0], row[1]) for row in scores), dtype=bool, count=n)
    else:
        news, polarity, subjectivity, vader = np.full((4, n), np.nan)
        disagreeing = np.zeros(n, dtype=bool)
    columns = [int_column([p.index for p in paragraphs]), [p.kind for p in paragraphs], included, counts, news,
               polarity, subjectivity, vader, disagreeing, [opening_words(p.text) for p in paragraphs]]
    summary = _summary(article.language, included, counts, news, polarity, subjectivity, vader, disagreeing)
    return columns, summary


def summarize_sentiment(table: pd.DataFrame, *, language: str) -> SentimentSummary:
    """The article's sentiment: word-weighted means of the included paragraphs of ``table``.

    ``table`` is what :func:`paragraph_sentiment` returns. Unavailable (with the reason) when the
    language is not English or no included paragraph has words.
    """
    return _summary(
        language,
        table["included"].to_numpy(dtype=bool),
        table["words"].to_numpy(dtype=np.float64),
        table["sentiment"].to_numpy(dtype=np.float64),
        table["polarity"].to_numpy(dtype=np.float64),
        table["subjectivity"].to_numpy(dtype=np.float64),
        table["vader"].to_numpy(dtype=np.float64),
        table["disagree"].to_numpy(dtype=bool),
    )


def _summary(
    language: str,
    included: np.ndarray,
    words: np.ndarray,
    news: np.ndarray,
    polarity: np.ndarray,
    subjectivity: np.ndarray,
    vader: np.ndarray,
    disagreeing: np.ndarray,
) -> SentimentSummary:
    if language not in SENTIMENT_LANGUAGES:
        return SentimentSummary(
            available=False,
            reason=(
                f"Sentiment is not available for this article: it is in '{language}', and the news score, "
                "TextBlob and VADER only read English."
            ),
        )
    weights = words.astype(np.float64) * included
    total = weights.sum()
    if total == 0:
        return SentimentSummary(available=False, reason="Sentiment is not available: the article has no words to score.")

    def weighted(values: np.ndarray) -> float:
        return float(np.dot(np.where(weights > 0, values, 0.0), weights) / total)

    return SentimentSummary(
        available=True,
        sentiment=weighted(news),
        polarity=weighted(polarity),
        subjectivity=weighted(subjectivity),
        vader=weighted(vader),
        disagreements=int((disagreeing & (weights > 0)).sum()),
    )


def entity_sentiment(article: Article, mentions: pd.DataFrame) -> pd.DataFrame:
    """Sentiment toward each entity: the news score of the sentences that mention it (not whole paragraphs).

    ``mentions``: DataFrame[name, type, paragraph, start, end] (``EntityResult.mentions``, with the user's edits).
    Each paragraph holding a mention is cut into sentences (nupunkt, offline); each sentence naming an entity is
    scored once with :func:`analysis.nlp.news_sentiment.news_sentiment`, the names in it masked.
    Returns DataFrame[name, type, sentences, sentiment]: how many sentences mention it, and their word-weighted
    mean score in [-1, 1] (NaN when the article is not English), most mentioned first.
    """
    import pandas as pd

    return pd.DataFrame(entity_sentiment_rows(article, mentions), columns=ENTITY_SENTIMENT_COLUMNS).astype(
        {"sentences": "int64", "sentiment": "float64"})


class SentenceScore(NamedTuple):
    """One sentence that names an entity, scored as :func:`entity_sentiment` scores it.

    paragraph: the paragraph's index; start, end: the sentence's character span in the paragraph's text;
    words: its whitespace-separated words (at least 1), its weight; score: its news score within [-1, 1] (NaN when
    the article is not English); masked: the (start, end) spans in the paragraph of the mentions it masked, sorted.
    """

    paragraph: int
    start: int
    end: int
    words: int
    score: float
    masked: tuple[tuple[int, int], ...]


def entity_sentence_scores(article: Article, mentions: pd.DataFrame) -> tuple[SentenceScore, ...]:
    """The scores :func:`entity_sentiment` computes for ``mentions``: one per sentence naming an entity, in the
    order it reads them. The store caches them with the analysis (mentions as computed), so that ``compare``
    only sums them (:func:`entity_sentiment_rows` with ``scored``)."""
    return tuple(sentence for sentence, _inside in _naming_sentences(article, mentions, None))


def entity_sentiment_rows(
    article: Article, mentions: pd.DataFrame, *, scored: Sequence[SentenceScore] | None = None,
) -> list[tuple[str, str, int, float]]:
    """:func:`entity_sentiment`'s rows as tuples of Python values, without the DataFrame (building it cost more
    than the scores of a short article: ``compare`` reads a thousand of them).

    ``scored``: :func:`entity_sentence_scores` of this article computed before (``Analysis.entity_sentences``,
    from the store's cache). A sentence whose masked mentions are the same is not scored again; one where the
    user's edits changed them (a removed entity is no longer masked) is. The rows are the same either way.
    """
    english = article.language in SENTIMENT_LANGUAGES
    found: dict[str, list] = {}  # name -> [type, sentences, weighted sum, words]
    for sentence, inside in _naming_sentences(article, mentions, scored):
        score = sentence.score
        weight = sentence.words
        for name in dict.fromkeys(item[0] for item in inside):
            etype = next(item[1] for item in inside if item[0] == name)
            entry = found.setdefault(name, [etype, 0, 0.0, 0])
            entry[1] += 1
            entry[2] += score * weight
            entry[3] += weight
    return sorted(
        ((name, etype, count, total / words if english else math.nan)
         for name, (etype, count, total, words) in found.items()),
        key=lambda row: -row[2],
    )


def _naming_sentences(
    article: Article, mentions: pd.DataFrame, scored: Sequence[SentenceScore] | None,
) -> Iterator[tuple[SentenceScore, list[tuple[str, str, int, int]]]]:
    """Each sentence (nupunkt, offline) of ``article`` that holds a mention, scored, with the mentions in it
    (name, type, start, end), sorted by start. Paragraphs in the order the mentions first name them.

    With ``scored``, a paragraph whose every mention lies in one of its scored sentences reads those sentences
    (no sentence splitting), and a sentence whose masked spans are unchanged keeps its score."""
    by_paragraph: dict[int, list[tuple[str, str, int, int]]] = {}
    for name, etype, paragraph, start, end in zip(
        mentions["name"].tolist(), mentions["type"].tolist(), mentions["paragraph"].tolist(),
        mentions["start"].tolist(), mentions["end"].tolist(),
    ):
        by_paragraph.setdefault(paragraph, []).append((name, etype, start, end))
    english = article.language in SENTIMENT_LANGUAGES
    known: dict[int, list[SentenceScore]] = {}
    for sentence in scored or ():
        known.setdefault(sentence.paragraph, []).append(sentence)
    texts = {p.index: p.text for p in article.paragraphs}
    for paragraph, items in by_paragraph.items():
        text = texts.get(paragraph)
        if text is None:
            continue
        items.sort(key=lambda item: item[2])
        by_span = {(s.start, s.end): s for s in sorted(known.get(paragraph, ()))}
        spans: Iterable[tuple[int, int]] = list(by_span)
        if not _all_inside(items, spans):
            spans = nupunkt.sent_spans(text)
        at = 0
        for start, end in spans:
            inside = []
            while at < len(items) and items[at][2] < end:
                if items[at][2] >= start:
                    inside.append(items[at])
                at += 1
            if not inside:
                continue
            masked = tuple(sorted((s, e) for _n, _t, s, e in inside))
            kept = by_span.get((start, end))
            if kept is not None and kept.masked == masked and (not english or kept.score == kept.score):
                yield kept, inside
                continue
            sentence = text[start:end]
            score = (
                news_sentiment(sentence, masked=[(s - start, e - start) for _n, _t, s, e in inside])
                if english else math.nan
            )
            yield SentenceScore(paragraph, start, end, max(len(sentence.split()), 1), score, masked), inside


def _all_inside(items: Sequence[tuple[str, str, int, int]], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether every item (sorted by start) starts inside one of ``spans`` (sorted, disjoint)."""
    if not spans:
        return False
    at = 0
    for item in items:
        while at < len(spans) and spans[at][1] <= item[2]:
            at += 1
        if at == len(spans) or item[2] < spans[at][0]:
            return False
    return True
