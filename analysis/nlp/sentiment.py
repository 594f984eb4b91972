"""Sentiment paragraph by paragraph: TextBlob's polarity and subjectivity, VADER as a second opinion.

TextBlob's numbers are exactly ``TextBlob(paragraph.text).sentiment`` (no rescaling): polarity within
[-1.0, 1.0], subjectivity within [0.0, 1.0]. VADER's compound score is within [-1.0, 1.0]. Both lexicons
ship inside their wheels, so nothing is downloaded. Both are English-only: for an article detected as
another language every score is missing (NaN) and the summary says why, never a made-up 0.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.nlp import scorers
from analysis.frames import frame_of, int_column, text_columns
from analysis.models import Article, Sentiment, SentimentSummary
from analysis.nlp.terms import tokenize

#: Languages whose sentiment we trust the lexicons with; "und" (too short to tell) is scored too.
SENTIMENT_LANGUAGES = frozenset({"en", "und"})
#: |score| below these is "neutral"; outside them, opposite signs count as a disagreement.
TEXTBLOB_NEUTRAL = 0.05
VADER_NEUTRAL = 0.05  # VADER's own recommended threshold for the compound score
OPENING_WORDS = 12

SENTIMENT_COLUMNS = ["index", "kind", "included", "words", "polarity", "subjectivity", "vader", "disagree", "opening"]


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


def disagree(polarity: float, vader: float) -> bool:
    """True when TextBlob and VADER are both outside their neutral bands with opposite signs."""
    if math.isnan(polarity) or math.isnan(vader):
        return False
    return abs(polarity) >= TEXTBLOB_NEUTRAL and abs(vader) >= VADER_NEUTRAL and (polarity > 0) != (vader > 0)


def opening_words(text: str, *, words: int = OPENING_WORDS) -> str:
    """The first ``words`` words of ``text``, with an ellipsis when it goes on."""
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def paragraph_sentiment(article: Article, *, include_boilerplate: bool = False) -> pd.DataFrame:
    """One row per paragraph of ``article`` (all of them, in order).

    Columns:
        index (int): the paragraph's position; kind (str): its kind;
        included (bool): whether the article summary uses it (title/heading/body, or every paragraph when
            ``include_boilerplate``);
        words (int): word tokens in the paragraph (:func:`analysis.nlp.terms.tokenize` in the article's language);
        polarity (float): TextBlob polarity in [-1, 1]; subjectivity (float): TextBlob subjectivity in [0, 1];
        vader (float): VADER compound in [-1, 1] — all three NaN when the language is not English;
        disagree (bool): the two methods disagree in sign outside their neutral bands;
        opening (str): the paragraph's first words, for hover labels.
    """
    return sentiment_by_paragraph(article, include_boilerplate=include_boilerplate)[0]


def sentiment_by_paragraph(
    article: Article, *, include_boilerplate: bool = False, words: Sequence[int] | None = None
) -> tuple[pd.DataFrame, SentimentSummary]:
    """:func:`paragraph_sentiment`'s table and :func:`summarize_sentiment`'s summary of it, made together.

    ``words``: each paragraph's number of word tokens, when the caller has already tokenised them.
    """
    paragraphs = article.paragraphs
    n = len(paragraphs)
    if words is None:
        words = [len(tokenize(p.text, language=article.language)) for p in paragraphs]
    counts = int_column(words)
    included = np.fromiter((p.is_analysed(include_boilerplate=include_boilerplate) for p in paragraphs),
                           dtype=bool, count=n)
    polarity = np.full(n, np.nan)
    subjectivity = np.full(n, np.nan)
    vader = np.full(n, np.nan)
    if article.language in SENTIMENT_LANGUAGES:
        textblob_scores, vader_score = scorers.textblob_scores, scorers.vader_compound
        for i, p in enumerate(paragraphs):
            polarity[i], subjectivity[i] = textblob_scores(p.text)
            vader[i] = vader_score(p.text)
    disagreeing = np.fromiter((disagree(a, b) for a, b in zip(polarity.tolist(), vader.tolist())), dtype=bool, count=n)
    kinds, openings = text_columns([p.kind for p in paragraphs], [opening_words(p.text) for p in paragraphs])
    table = frame_of(
        SENTIMENT_COLUMNS,
        [int_column([p.index for p in paragraphs]), kinds, included, counts, polarity, subjectivity, vader,
         disagreeing, openings],
    )
    summary = _summary(article.language, included, counts, polarity, subjectivity, vader, disagreeing)
    return table, summary


def summarize_sentiment(table: pd.DataFrame, *, language: str) -> SentimentSummary:
    """The article's sentiment: word-weighted means of the included paragraphs of ``table``.

    ``table`` is what :func:`paragraph_sentiment` returns. Unavailable (with the reason) when the
    language is not English or no included paragraph has words.
    """
    return _summary(
        language,
        table["included"].to_numpy(dtype=bool),
        table["words"].to_numpy(dtype=np.float64),
        table["polarity"].to_numpy(dtype=np.float64),
        table["subjectivity"].to_numpy(dtype=np.float64),
        table["vader"].to_numpy(dtype=np.float64),
        table["disagree"].to_numpy(dtype=bool),
    )


def _summary(
    language: str,
    included: np.ndarray,
    words: np.ndarray,
    polarity: np.ndarray,
    subjectivity: np.ndarray,
    vader: np.ndarray,
    disagreeing: np.ndarray,
) -> SentimentSummary:
    if language not in SENTIMENT_LANGUAGES:
        return SentimentSummary(
            available=False,
            reason=(
                f"Sentiment is not available for this article: it is in '{language}', and both TextBlob and "
                "VADER only read English."
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
        polarity=weighted(polarity),
        subjectivity=weighted(subjectivity),
        vader=weighted(vader),
        disagreements=int((disagreeing & (weights > 0)).sum()),
    )
