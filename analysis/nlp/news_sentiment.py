"""News sentiment: VADER's lexicon and rules, read the way a news reader reads them.

:func:`news_sentiment` is Storyscope's default sentiment score, a float within [-1.0, 1.0]. It starts from VADER
(Hutto & Gilbert 2014) — its lexicon, its boosters and dampeners, capitals, "least", idioms, "!" and "?", and its
normalisation (:mod:`analysis.nlp.scorers` has the exact VADER) — and changes what goes wrong on news:

Names are not words
    Words inside a name the entity pass found ("United States", "Justice Department", "InSight Crime") carry
    no sentiment: pass their character spans as ``masked``.
Negation has a scope
    VADER negates a word when any of the three words before it is a negation, across commas and past other
    sentiment words, so "pleaded not guilty to terrorism charges" reads as good news. Here a negation reaches
    forward only inside its clause (up to VADER's three words) and stops at the first sentiment word it meets.
    Words that reduce what follows act as negations (:data:`REDUCERS`: "reduced homicides", "lower levels of
    violence", "slashed benefits").
    Some negated words keep their own sense in news: "not guilty" is a plea in a criminal case, "did not deny"
    half admits; those pairs get their own valence (:data:`NEGATED_PHRASES`).
News words
    Words of crime, courts, conflict and economics that VADER's lexicon lacks ("accomplice", "homicide",
    "extradite", "smuggler", "crackdown"...) come from a supplement written for Storyscope
    (``data/news_lexicon.tsv``, on VADER's -4..+4 scale); curly quotes and possessives ("gang’s") are stripped
    before a look-up, and a hyphenated word VADER does not know takes its last part ("narco-terrorism").
"But" within its sentence
    VADER's "but" rule weighs the whole text before the first "but" by 0.5 and all after it by 1.5; here it
    applies within the sentence of each "but".
A small linear model on top
    The score is ``clip(b0 + b1 * news compound + b2 * TextBlob polarity + b3 * TextBlob subjectivity, -1, 1)``.
    Its four coefficients (``data/news_model.json``) are fitted by ``benchmarks/fit_news_model.py`` on the
    human-rated tweets, movie and product reviews published with VADER, never on the news set it is judged on.

Sources and licences: VADER's lexicon and rules (vaderSentiment, MIT licence, C.J. Hutto); TextBlob's polarity and
subjectivity (TextBlob, MIT licence; its lexicon from Pattern, BSD licence); the news supplement and the model's
coefficients are Storyscope's own (this project's licence), the coefficients fitted on VADER's published
ground-truth ratings (MIT licence). Nothing is downloaded. ``benchmarks/bench_sentiment.py`` measures how well it
agrees with people.

Cost: one pass over the words (one compiled whitespace pattern for the whole text, set and dict look-ups per word,
a bounded look back of three words); the "but" rule rescales each sentence at most once.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from analysis.nlp import scorers

__all__ = ["NEGATED_PHRASES", "REDUCERS", "agreement", "news_compound", "news_lexicon", "news_model", "news_sentiment"]

DATA = Path(__file__).resolve().parent / "data"

#: A negation followed by one of these words: the pair's own valence, on VADER's scale, and no negation.
NEGATED_PHRASES: dict[str, float] = {
    "guilty": -0.8,  # "pleaded not guilty": still a criminal case
    "deny": -1.0, "denied": -1.0, "denies": -1.0, "denying": -1.0,  # "did not deny": half an admission
    "dispute": -0.6, "disputed": -0.6, "disputes": -0.6,  # "does not dispute the charges"
}

_WORDS = re.compile(r"\S+")
#: Words that turn what they reduce around, like a negation: "reduced homicides", "lower levels of violence",
#: "curbed inflation" are good news, "slashed benefits" bad news.
REDUCERS = frozenset({
    "reduce", "reduced", "reduces", "reducing", "lower", "lowered", "lowering", "lowers", "fewer", "curb", "curbed",
    "curbing", "curbs", "decrease", "decreased", "decreases", "decreasing", "ease", "eased", "eases", "easing",
    "eliminate", "eliminated", "eliminates", "halt", "halted", "halts", "prevent", "prevented", "prevents",
    "preventing", "stopped", "stops", "tackle", "tackled", "tackling", "slashed", "slashing",
})
_STRIP = string.punctuation + "“”‘’«»—–…"
_CLAUSE_ENDS = frozenset(",;:.!?—–")
_SENTENCE_ENDS = frozenset(".!?")
_CLOSERS = "”’\"')]»"
_POSSESSIVES = ("’s", "'s")
_NEGATIONS = scorers._NEGATIONS
_BOOSTERS = scorers._BOOSTERS
_N_SCALAR = scorers._N_SCALAR
_C_INCR = scorers._C_INCR


@lru_cache(maxsize=1)
def news_lexicon() -> dict[str, float]:
    """VADER's lexicon with Storyscope's news supplement (``data/news_lexicon.tsv``) added: word -> valence."""
    analyzer, _emoji = scorers._vader()
    lexicon = dict(analyzer.lexicon)
    for line in (DATA / "news_lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, valence = line.split("\t")[:2]
        lexicon[word.strip()] = float(valence)
    return lexicon


@lru_cache(maxsize=1)
def news_model() -> dict[str, float]:
    """The linear model's coefficients: intercept, compound, polarity, subjectivity (``data/news_model.json``)."""
    data = json.loads((DATA / "news_model.json").read_text(encoding="utf-8"))
    return {name: float(data["coefficients"][name]) for name in ("intercept", "compound", "polarity", "subjectivity")}


def agreement() -> dict | None:
    """How well each score agrees with people, as ``benchmarks/bench_sentiment.py`` last measured it
    (``data/sentiment_agreement.json``), or None when it has not been measured."""
    path = DATA / "sentiment_agreement.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def news_sentiment(
    text: str, *, masked: Iterable[tuple[int, int]] = (), polarity: float | None = None,
    subjectivity: float | None = None,
) -> float:
    """The news sentiment of ``text``, a float within [-1.0, 1.0] (negative below 0).

    ``masked``: (start, end) character spans of names in ``text``, whose words carry no sentiment.
    ``polarity``, ``subjectivity``: TextBlob's scores of ``text`` when already known (computed otherwise).
    """
    if polarity is None or subjectivity is None:
        polarity, subjectivity = scorers.textblob_scores(text)
    model = news_model()
    score = (
        model["intercept"]
        + model["compound"] * news_compound(text, masked=masked)
        + model["polarity"] * polarity
        + model["subjectivity"] * subjectivity
    )
    return max(-1.0, min(1.0, score))


def news_compound(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> float:
    """VADER's compound score with the news rules (names masked, scoped negation...), within [-1.0, 1.0]."""
    valences = news_valences(text, masked=masked)
    if not valences:
        return 0.0
    total = math.fsum(valences)
    emphasis = _emphasis(text)
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    return total / math.sqrt(total * total + 15)


def _emphasis(text: str) -> float:
    """VADER's extra weight for "!" (up to four) and "?" (two or more)."""
    exclamations = min(text.count("!"), 4) * 0.292
    questions = text.count("?")
    return exclamations + (0.0 if questions <= 1 else questions * 0.18 if questions <= 3 else 0.96)


def news_valences(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> list[float]:
    """Each whitespace-separated word's valence under the news rules, in order (0.0 for most words)."""
    lexicon = news_lexicon()
    spans = sorted(masked)
    raws: list[str] = []
    lowers: list[str] = []
    hidden: list[bool] = []
    clause: list[int] = []  # index of the first word of each word's clause
    sentence: list[int] = []  # index of the first word of each word's sentence
    clause_start = sentence_start = 0
    span_at = 0
    ended_clause = ended_sentence = False
    for position, (start, raw) in enumerate(_words_with_offsets(text)):
        end = start + len(raw)
        while span_at < len(spans) and spans[span_at][1] <= start:
            span_at += 1
        hidden.append(span_at < len(spans) and spans[span_at][0] < end)
        if ended_clause:
            clause_start = position
        if ended_sentence and raw.lstrip(_STRIP)[:1].isupper():
            sentence_start = position
        clause.append(clause_start)
        sentence.append(sentence_start)
        tail = raw.rstrip(_CLOSERS)[-1:]
        ended_clause = tail in _CLAUSE_ENDS
        ended_sentence = tail in _SENTENCE_ENDS
        stripped = raw.strip(_STRIP)
        word = stripped if len(stripped) > 2 else raw
        lower = word.lower()
        if lower not in lexicon:
            if lower.endswith(_POSSESSIVES) and lower[:-2] in lexicon:
                lower = lower[:-2]
            elif "-" in lower and lower.rsplit("-", 1)[1] in lexicon:
                lower = lower.rsplit("-", 1)[1]
        raws.append(word)
        lowers.append(lower)
    is_cap_diff = _cap_differential(raws)
    last = len(lowers) - 1
    valences: list[float] = []
    but_sentence = -1  # the sentence whose "but" rule is running
    for i, lower in enumerate(lowers):
        if lower == "but" and sentence[i] != but_sentence:
            but_sentence = sentence[i]
            for k in range(sentence[i], i):
                valences[k] *= 0.5
        if hidden[i] or lower in _BOOSTERS or lower not in lexicon or (lower == "kind" and i < last and lowers[i + 1] == "of"):
            valence = 0.0
        else:
            valence = _valence(lexicon, i, raws, lowers, hidden, clause[i], is_cap_diff)
        if sentence[i] == but_sentence and lower != "but":
            valence *= 1.5
        valences.append(valence)
    return valences


def _words_with_offsets(text: str) -> Iterable[tuple[int, str]]:
    """(offset, word) for each run of non-space characters, as ``str.split()`` cuts them."""
    for match in _WORDS.finditer(text):
        yield match.start(), match.group()


def _cap_differential(words: Sequence[str]) -> bool:
    capitals = sum(1 for w in words if w.isupper())
    return 0 < len(words) - capitals < len(words)


def _valence(
    lexicon: dict[str, float], i: int, words: list[str], lowers: list[str], hidden: list[bool], clause_start: int,
    is_cap_diff: bool,
) -> float:
    """VADER's valence of the lexicon word at ``i`` with the news rules (see the module's documentation)."""
    lower = lowers[i]
    valence = lexicon[lower]
    if lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
        return 0.0  # "no" negates the next word rather than scoring itself
    # How far back the rules may look: three words, not past the clause's start nor a sentiment word.
    reach = 0
    while reach < 3 and i - reach - 1 >= clause_start:
        before = lowers[i - reach - 1]
        if before in lexicon and not hidden[i - reach - 1] and before not in _NEGATIONS and before not in REDUCERS:
            break
        reach += 1
    if reach and _negated(lowers[i - 1]) and lower in NEGATED_PHRASES:
        return NEGATED_PHRASES[lower]
    if (reach >= 1 and lowers[i - 1] == "no") or (reach >= 2 and lowers[i - 2] == "no") or (
        reach >= 3 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor")
    ):
        valence = lexicon[lower] * _N_SCALAR
    if is_cap_diff and words[i].isupper():
        valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
    for back in range(reach):
        before = words[i - back - 1]
        scalar = _booster(before, valence, is_cap_diff)
        if back == 1 and scalar != 0:
            scalar = scalar * 0.95
        if back == 2 and scalar != 0:
            scalar = scalar * 0.9
        valence = valence + scalar
        valence = _negation_check(valence, lowers, back, i)
        if back == 2:
            valence = scorers._idioms_check(valence, lowers, i)
    if i > 0 and lowers[i - 1] == "least" and not (i > 1 and lowers[i - 2] in ("at", "very")):
        valence = valence * _N_SCALAR
    return valence


def _negated(lower: str) -> bool:
    """A negation (VADER's list or "n't") or a word that reduces what follows."""
    return lower in _NEGATIONS or "n't" in lower or lower in REDUCERS


def _negation_check(valence: float, lowers: list[str], back: int, i: int) -> float:
    """VADER's ``_negation_check`` for the word ``back + 1`` before ``i``, with :func:`_negated`."""
    if back == 0:
        return valence * _N_SCALAR if _negated(lowers[i - 1]) else valence
    if back == 1:
        if lowers[i - 2] == "never" and lowers[i - 1] in ("so", "this"):
            return valence * 1.25
        if lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            return valence
        return valence * _N_SCALAR if _negated(lowers[i - 2]) else valence
    if (lowers[i - 3] == "never" and lowers[i - 2] in ("so", "this")) or lowers[i - 1] in ("so", "this"):
        return valence * 1.25
    if lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
        return valence
    return valence * _N_SCALAR if _negated(lowers[i - 3]) else valence


def _booster(word: str, valence: float, is_cap_diff: bool) -> float:
    """VADER's ``scalar_inc_dec``: how much a booster or dampener before a sentiment word adds to it."""
    scalar = _BOOSTERS.get(word.lower(), 0.0)
    if scalar:
        if valence < 0:
            scalar = -scalar
        if is_cap_diff and word.isupper():
            scalar = scalar + _C_INCR if valence > 0 else scalar - _C_INCR
    return scalar
