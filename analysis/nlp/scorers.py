"""TextBlob's and VADER's sentiment scorers, giving their own numbers at a fraction of their overhead.

Issue 2 asks for ``TextBlob(text).sentiment`` exactly, and VADER's compound score beside it. Both libraries
are run as they ship — their lexicons, their tokenisers, their rules — and only work that cannot change a
result is skipped:

TextBlob (:func:`textblob_scores`)
    ``TextBlob(text).sentiment`` is ``textblob.en.sentiment(text)`` wrapped in a namedtuple class built anew
    on every call; we call a scorer of our own configured like ``textblob.en.sentiment`` and loaded from the
    same lexicon file. Its lexicon is a "lazy dict" whose every lookup goes through a Python-level
    "am I loaded yet?" check; ours is loaded once, then looked up as a plain dict. Its ``assessments`` scan
    (the rules: modifiers, negations, "!", "(!)", emoticons) is re-expressed below step for step, except that
    a token is looked up in one precomputed emoticon table instead of lower-casing every emoticon for every
    short non-alphabetic token ("13", "’"); for the scores, the scan visits only the words that can start or change
    an assessment (:meth:`_TextBlobScorer.scores`: a word outside the lexicon longer than two characters clears
    whatever was pending and adds nothing). Its tokeniser (``find_tokens``: contractions, quotes, punctuation
    split from words, abbreviations, sentences, sarcasm and emoticons) is re-expressed too, with plain string
    replacements for its literal regular expressions, each distinct token's pieces cut once per process, and
    sentence ends found in one pass; TextBlob's own abbreviation list and regular expressions are used. The scores
    need the sentences only where its sarcasm or emoticon patterns match, so elsewhere they are not cut; whether
    they can match is known per token (its own pieces, and the two characters at its ends: :func:`_emoticon_pairs`),
    so a paragraph is neither joined nor searched unless a token says so, and the scan passes over each token whose
    pieces are all outside the lexicon at once (:func:`_scan`).
VADER (:func:`vader_compound`)
    VADER turns emoji into words by rebuilding the text one character at a time; text without emoji is left
    as it is, so that loop runs only when a character is an emoji (then VADER scores the text itself). For
    each word of its lexicon, VADER's rules look at the three words before and two after it, lower-casing the
    whole paragraph several times to do so, and test negation by walking a list of 59 words; the rules are
    re-expressed below step for step on words lower-cased once, negations in a set, and its idiom check
    skipped where no word of any idiom is near. Its "but" rule looks each score up from the start of the
    paragraph, which costs minutes on a long paragraph (issue 12): it is re-expressed to give the same numbers
    in O(n log n) (:func:`_but_check`), and emoji are rewritten in one pass. Its tokeniser (``SentiText``:
    whitespace-separated tokens, punctuation stripped from words) is re-expressed as :func:`vader_word` so that
    the news score's pass over the words can give VADER its words too (:func:`vader_compound_of_facts`: read from
    the facts the news pass keeps for each token, in place, no list of the paragraph's words made unless a rule
    looks back), and only the words of its lexicon go through the rules (and of those, only the ones with a word
    the rules react to among the three before them go through the look back: :func:`rule_word`). Its "least" rule
    is its own function, called as it is; its punctuation emphasis and normalisation are re-expressed step for step
    (:func:`_compound`); both act on the scores of its lexicon's words only (the other words score 0, which changes
    no sum); the positive/negative/neutral shares it also computes are not needed.

``tests/test_scorers.py`` compares both with the libraries themselves on the seed, the test articles and
generated text full of the cases the rules treat specially (negations, boosters, capitals, "but", "least",
"kind of", emoticons, emoji, "!", "?", quotes, contractions). Should a new TextBlob or VADER release change
those internals, those tests fail first.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import string
import sys
from collections.abc import Sequence
from functools import lru_cache, reduce
from heapq import heappop, heappush
from itertools import chain, compress
from operator import add, itemgetter
from types import ModuleType

from vaderSentiment import vaderSentiment as vader_module

from analysis import native

if native.COMPILING:  # (never in Python) the compiled build's declarations: see scorers.pxd
    import cython
else:
    from analysis.native import cython_declarations as cython

__all__ = [
    "has_emoji", "rule_word", "textblob_entry", "textblob_scores", "textblob_scores_of", "vader_compound",
    "vader_compound_of_facts", "vader_compound_of_words", "vader_word",
]


# -- TextBlob ------------------------------------------------------------------------------------------


def _textblob_folder() -> str:
    spec = importlib.util.find_spec("textblob")  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - a broken install
        raise ImportError("TextBlob is not installed; run scripts/setup")
    return list(spec.submodule_search_locations)[0]


def _textblob_text_module() -> ModuleType:
    """TextBlob's ``textblob._text`` (its tokeniser's tables, its ``Sentiment`` class), read from TextBlob's own
    file under a private name when TextBlob is not imported yet: importing the ``textblob`` package runs its
    ``__init__``, which imports NLTK for the ``TextBlob`` class (0.15 s at every start, for nothing we use).
    ``_text`` itself needs only the standard library."""
    loaded = sys.modules.get("textblob._text")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(
        "analysis.nlp._textblob_text", os.path.join(_textblob_folder(), "_text.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


textblob_text = _textblob_text_module()


def _literal_replacements() -> list[tuple[str, str]]:
    """TextBlob's contraction replacements ("n't" -> " n't"): plain strings, so ``str.replace`` does them."""
    pairs = list(textblob_text.replacements.items())
    if any(re.escape(a) != a or "\\" in b for a, b in pairs):  # pragma: no cover - a future TextBlob
        raise ImportError("TextBlob's contraction replacements are no longer plain strings; update analysis/scorers.py")
    return pairs


_CONTRACTIONS = _literal_replacements()
_PUNCTUATION = textblob_text.PUNCTUATION
_LEADING = frozenset(_PUNCTUATION.replace(".", ""))  # split off a token's start (periods are handled apart)
_TRAILING = _LEADING | {"."}
_LINEBREAKS = re.compile(r"\n{2,}")
_EOS = textblob_text.EOS
_SENTENCE_ENDS = frozenset(("...", ".", "!", "?", _EOS))
# What TextBlob keeps in a sentence after its end ("." then "”" or ")"). It also lists the straight quotes ' and ",
# but its balanced-quote test counts them in a list that is always empty at that point, so they always stop it.
_SENTENCE_TAILS = frozenset(("”", "’", "...", ".", "!", "?", ")", _EOS))


_REPLACE_LONGEST = max(map(len, textblob_text.replacements))
_ABBREVIATION_LONGEST = max(map(len, textblob_text.ABBREVIATIONS))
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ABBR3_MIDDLE = frozenset("bcdfghjklmnpqrstvwxz|")  # RE_ABBR3's class: the consonants joined by "|"


class _Abbreviations:
    """Which prefixes ``token[start:end]`` (ending in ".") of one token are abbreviations for TextBlob, each
    answered in constant time: how far the token runs as "letter." pairs (RE_ABBR2, which RE_ABBR1's single
    pair is part of) and as RE_ABBR3's consonants is measured once per token, so trimming a long run of
    punctuation stays linear."""

    __slots__ = ("token", "start", "pairs", "consonants")

    def __init__(self, token: str, start: int) -> None:
        self.token, self.start = token, start
        n, i = len(token), start
        while i + 1 < n and token[i] in _ASCII_LETTERS and token[i + 1] == ".":
            i += 2
        self.pairs = i - start  # token[start:start + pairs] is "letter." pairs
        i = start + 1
        while i < n and token[i] in _ABBR3_MIDDLE:
            i += 1
        self.consonants = i - start - 1  # token[start + 1:start + 1 + consonants] is RE_ABBR3's middle

    def __contains__(self, end: int) -> bool:
        token, start = self.token, self.start
        size = end - start
        if size <= _ABBREVIATION_LONGEST and token[start:end] in textblob_text.ABBREVIATIONS:
            return True
        if size % 2 == 0 and 0 < size <= self.pairs:  # RE_ABBR1 and RE_ABBR2
            return True
        # RE_ABBR3: a capital, one or more of its middle characters, then any last character (here the ".").
        return size >= 3 and token[start] in _CAPITALS and size - 2 <= self.consonants


def _split_token(token: str, tokens: list[str]) -> None:
    """TextBlob's splitting of leading and trailing punctuation from one whitespace-separated token.

    TextBlob cuts one character off the token at a time (a copy of the rest each time, so a run of 200,000
    parentheses took minutes); the same cuts are made here by moving two indices, the token copied once."""
    replace = textblob_text.replacements
    n = len(token)
    start = 0
    while start < n and token[start] in _LEADING and not (n - start <= _REPLACE_LONGEST and token[start:] in replace):
        tokens.append(token[start])
        start += 1
    end = n
    tail: list[str] = []
    abbreviations: _Abbreviations | None = None
    while (
        end > start
        and token[end - 1] in _TRAILING
        and not (end - start <= _REPLACE_LONGEST and token[start:end] in replace)
    ):
        if token[end - 1] in _LEADING:
            tail.append(token[end - 1])
            end -= 1
        if token.endswith("...", start, end):
            tail.append("...")
            end -= 3
            while end > start and token[end - 1] == ".":
                end -= 1
        if end > start and token[end - 1] == ".":
            if abbreviations is None:
                abbreviations = _Abbreviations(token, start)
            if end in abbreviations:
                break
            tail.append(".")
            end -= 1
    if end > start:
        tokens.append(token[start:end])
    tokens.extend(reversed(tail))


def _prepared(text: str) -> str:
    """``find_tokens``' text before it takes the runs of non-space: contractions and quotes spaced off. Each
    replacement holds no space, so it acts within each whitespace-separated token of ``text`` alone."""
    for contraction, spaced in _CONTRACTIONS:
        if contraction in text:
            text = text.replace(contraction, spaced)
    return (
        text.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
        .replace("'", " ' ").replace('"', ' " ')
    )


def _pieces_of(token: str) -> tuple[str, ...]:
    """The pieces :func:`_split_token` cuts a token of the prepared text into ("said," -> "said", ",")."""
    if token[0] in _LEADING or token[-1] in _TRAILING:
        cut: list[str] = []
        _split_token(token, cut)
        return tuple(cut)
    return (token,)


def _tokens(text: str) -> list[str]:
    """``find_tokens``' tokens of ``text`` before it groups them into sentences (its end-of-sentence marks kept)."""
    text = _prepared(str(text)).replace("\r\n", "\n")
    if "\n\n" in text:
        text = _LINEBREAKS.sub(f" {_EOS} ", text)
    # TextBlob collapses whitespace, then takes each run of non-space
    return list(chain.from_iterable(map(_pieces_of, text.split())))


def _emoticon_pairs() -> frozenset[str]:
    """Each two characters that follow one another in one of TextBlob's emoticons or its sarcasm mark "(!)" (":-)"
    gives ":-" and "-)"): its patterns let one space stand between them, so only where a token ends in the first and the
    next token starts with the second can a match run from one token into the next (see :func:`textblob_entry`)."""
    emoticons = [e for group in textblob_text.EMOTICONS.values() for e in group]
    pattern = r"(%s)($|\s)" % "|".join(r" ?".join(re.escape(c) for c in e) for e in emoticons)
    if (
        textblob_text.RE_EMOTICONS.pattern != pattern or textblob_text.RE_SARCASM.pattern != r"\( ?\! ?\)"
        or textblob_text.RE_EMOTICONS.flags != re.UNICODE
    ):  # pragma: no cover - a future TextBlob
        raise ImportError("TextBlob's emoticon or sarcasm patterns changed; update analysis/nlp/scorers.py")
    return frozenset(e[k : k + 2] for e in [*emoticons, "(!)"] for k in range(len(e) - 1))


_PAIRS = _emoticon_pairs()
_PAIR_FIRSTS = frozenset(pair[0] for pair in _PAIRS)
_PAIR_SECONDS = frozenset(pair[1] for pair in _PAIRS)


def textblob_entry(token: str) -> tuple:
    """What TextBlob's scores need of a whitespace-separated token of a text: its pieces as ``find_tokens`` cuts
    them (contractions and quotes spaced off, then punctuation: "“Bukele’s" -> "“", "Bukele", "’", "s"), those
    pieces lower-cased, the scorer's :meth:`_TextBlobScorer.word_info` of each (see :func:`textblob_scores_of`),
    whether every one of those is None (no piece can start or change an assessment), whether the pieces may make
    :func:`textblob_scores_of` cut the text into sentences (an end-of-sentence mark, or the sarcasm or an emoticon
    pattern matching in the pieces joined by spaces), the first and the last character of the pieces when a
    match of those patterns could run into the previous or the next token there (else ""), and what VADER's pass
    needs to know first: ``_EMOJI`` set when VADER rewrites an emoji of the token (:func:`has_emoji`: no emoji is a
    space, so a text has one when a token has), ``_BUT`` when its word is "but" (:func:`vader_word`, lower-cased).
    """
    pieces = tuple(chain.from_iterable(map(_pieces_of, _prepared(token).split())))
    # A piece holds no space, and no case mapping makes one or looks past one ("Σ"), so lower-casing each piece
    # gives the words of lower-casing the pieces joined by spaces.
    lowered = tuple(piece.lower() for piece in pieces)
    infos = tuple(map(_textblob_scorer().word_info, lowered))
    joined = " ".join(pieces)
    first, last = joined[:1], joined[-1:]
    sentences = (
        not pieces or _EOS in joined or textblob_text.RE_SARCASM.search(joined) is not None
        or textblob_text.RE_EMOTICONS.search(joined) is not None
    )
    return (
        pieces, lowered, infos, not any(infos), sentences, first if first in _PAIR_SECONDS else "",
        last if last in _PAIR_FIRSTS else "",
        (_EMOJI if has_emoji(token) else 0) | (_BUT if vader_word(token).lower() == "but" else 0),
    )


#: Each whitespace-separated token's :func:`textblob_entry`, found once per process: the same few thousand tokens
#: recur in every article (cleared when it grows past the bound).
_ENTRIES: dict[str, tuple] = {}
_MAX_ENTRIES = 100_000
_PIECES = itemgetter(0)
# textblob_entry's fields, as _scan reads them
_LOWERED_AT, _INFOS_AT, _SILENT_AT, _SENTENCES_AT, _FIRST_AT, _LAST_AT, _VADER_AT = 1, 2, 3, 4, 5, 6, 7
_EMOJI, _BUT = 1, 2  # textblob_entry's flags for VADER's pass


def textblob_scores_of(text: str, entries: list[tuple], at: int = -1) -> tuple[float, float]:
    """:func:`textblob_scores` of ``text`` given the :func:`textblob_entry` of each token of ``text.split()`` (or,
    with ``at``, tuples holding it at that index: the news score's facts of each token hold its entry).

    ``find_tokens`` takes the runs of non-space of the text with its contractions and quotes spaced off, which are
    the pieces of each token's entry in turn, unless the text has a paragraph break (an end-of-sentence mark) or a
    carriage return. Cutting those tokens into sentences changes nothing but where the sarcasm "(!)" and emoticon
    patterns may match (and drops the end-of-sentence marks, which are sentence ends themselves); so when neither
    pattern matches anywhere in the tokens joined (nor a mark is there), the words are the pieces lower-cased.
    Otherwise the words are those of :func:`_find_tokens`.

    A match lies within one token's pieces, which its entry says, or runs from one token into the next, which needs
    two characters of one emoticon on either side of the space between them (:func:`_emoticon_pairs`). The scan
    (:func:`_scan`) checks both as it reads the entries; only when one of them holds are the tokens joined and the
    patterns searched for as ``find_tokens`` does.
    """
    found = None if "\r" in text or "\n\n" in text else _scan(entries, True, at)
    if found is None:
        if at >= 0:
            entries = list(map(itemgetter(at), entries))
        joined = " ".join(chain.from_iterable(map(_PIECES, entries)))
        if (
            "\r" in text or "\n\n" in text or _EOS in joined
            or ("(" in joined and textblob_text.RE_SARCASM.search(joined)) or textblob_text.RE_EMOTICONS.search(joined)
        ):
            words = " ".join(_find_tokens(text)).lower().split()
            found = _scan([_one_entry(words, map(_textblob_scorer().word_info, words))], False)
        else:
            found = _scan(entries, False)
    polarity, subjectivity, count = found
    n = float(count or 1)
    return float(polarity / n), float(subjectivity / n)


def _one_entry(words, infos) -> tuple:
    """An entry (see :func:`textblob_entry`) holding ``words`` and their infos, for :func:`_scan`."""
    return (None, tuple(words), tuple(infos), False, False, "", "")


@cython.locals(entry=tuple, lowered=tuple, infos=tuple, info=tuple, modifier=tuple, negator=str, word=str, edge=str,
               first=str, polarity=list, subjectivity=list, negated=list, k=cython.Py_ssize_t, at=cython.Py_ssize_t,
               lowered_at=cython.Py_ssize_t, infos_at=cython.Py_ssize_t, silent_at=cython.Py_ssize_t,
               sentences_at=cython.Py_ssize_t, first_at=cython.Py_ssize_t, last_at=cython.Py_ssize_t)
def _scan(entries: Sequence[tuple], checked: bool, at: int = -1) -> tuple[float, float, int] | None:
    """The polarity and subjectivity sums and the count of TextBlob's assessments of the words of ``entries`` (each a
    :func:`textblob_entry`, their words in turn; no parts of speech), its rules run only at the words that can start
    or change an assessment.

    A word that is not in the lexicon, not a negation, not "!", "(!)" nor an emoticon (its info is None), and longer
    than two characters (and than one without its apostrophes), leaves no modifier and no negation behind it and adds
    nothing: after one, the scan is where it starts. So the scan visits the words that matter and, while a
    modifier or a negation is pending, the words after them until one of those clears it; an entry whose every info
    is None is passed over at once when nothing is pending.

    ``at``: each entry is at that index of the items of ``entries``. ``checked``: return None as soon as an entry
    may make ``find_tokens`` cut the text into sentences, or two tokens in a row may hold a match running from one
    into the other (see :func:`textblob_scores_of`).
    """
    polarity: list[float] = []
    subjectivity: list[float] = []
    negated: list[bool] = []
    modifier = None  # the info of the preceding known word that can modify the next one ("very good")
    negator = None  # the preceding negation ("not good")
    last_intensity = 1.0  # (read only after a lexicon word has set it)
    edge = ""  # the previous token's last character when a pattern's match could run on from it
    # (the entry's fields, as C integers in the compiled build)
    lowered_at, infos_at, silent_at = _LOWERED_AT, _INFOS_AT, _SILENT_AT
    sentences_at, first_at, last_at = _SENTENCES_AT, _FIRST_AT, _LAST_AT
    for item in entries:
        entry = item[at] if at >= 0 else item
        if checked:
            if entry[sentences_at]:
                return None
            first = entry[first_at]
            if first and edge and edge + first in _PAIRS:
                return None
            edge = entry[last_at]
        if entry[silent_at] and modifier is None and negator is None:
            continue
        lowered = entry[lowered_at]
        infos = entry[infos_at]
        for k in range(len(lowered)):
            info = infos[k]
            word = lowered[k]
            if info is None:  # a word outside the lexicon: only what is pending changes (below)
                if modifier is None and negator is None:
                    continue
            elif info[0] is not None:
                lexical = info[0]
                p = lexical[0]
                s = lexical[1]
                if modifier is None:
                    polarity.append(p)
                    subjectivity.append(s)
                    negated.append(False)
                else:
                    polarity[-1] = max(-1.0, min(p * last_intensity, +1.0))
                    subjectivity[-1] = max(-1.0, min(s * last_intensity, +1.0))
                last_intensity = lexical[2]
                if negator is not None:
                    last_intensity = 1.0 / last_intensity
                    negated[-1] = True
                modifier = info if info[1] else None
                negator = word if info[3] else None
                continue
            if info is not None and info[3]:
                negator = word
            elif negator and len(word.strip("'")) > 1:
                negator = None
            if negator is not None and modifier is not None and modifier[2]:
                negated[-1] = True
                negator = None
            elif modifier and len(word) > 2:
                modifier = None
            if info is None:
                continue
            if info[5] and polarity:
                polarity[-1] = max(-1.0, min(polarity[-1] * 1.25, +1.0))
            if info[6]:
                polarity.append(0.0)
                subjectivity.append(1.0)
                negated.append(False)
                last_intensity = 1.0
            if info[4] is not None:
                polarity.append(info[4])
                subjectivity.append(1.0)
                negated.append(False)
                last_intensity = 1.0
    # TextBlob's mean starts its sums at 0 (an int); 0.0 gives the same float sums, and keeps a compiled sum of one
    # -0.0 ("not third": 0.0 turned) at TextBlob's 0.0.
    total = 0.0
    for k in range(len(polarity)):
        total += polarity[k] * -0.5 if negated[k] else polarity[k]
    return total, reduce(add, subjectivity, 0), len(polarity)


def _find_tokens(text: str) -> list[str]:
    """``textblob.en.parser.find_tokens(text)``: the sentences of ``text``, each a space-separated string."""
    tokens = _tokens(text)
    sentences: list[list[str]] = []
    start = resume = 0
    count = len(tokens)
    for end in compress(range(count), map(_SENTENCE_ENDS.__contains__, tokens)):
        if end < resume:  # already taken as the tail of the previous sentence
            continue
        j = end
        while j < count and tokens[j] in _SENTENCE_TAILS:
            j += 1
        sentences.append([t for t in tokens[start:j] if t != _EOS])
        start, resume = j, j + 1
    sentences.append(tokens[start:])
    sarcasm, emoticons = textblob_text.RE_SARCASM, textblob_text.RE_EMOTICONS
    return [
        emoticons.sub(_join_emoticon, sarcasm.sub("(!)", " ".join(sentence))) for sentence in sentences if sentence
    ]


def _join_emoticon(match: re.Match) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


class _TextBlobScorer(textblob_text.Sentiment):
    """``textblob.en.Sentiment`` once loaded: plain dict lookups and a one-step emoticon lookup.

    Build it with :func:`_textblob_scorer`, which loads the lexicon before the first lookup (the lazy
    loading these dict methods replace would otherwise never run).
    """

    __contains__ = dict.__contains__
    __getitem__ = dict.__getitem__
    get = dict.get

    def load(self, path=None):
        """``textblob.en.Sentiment.load``: the lexicon, then each adjective's adverb with its scores ("terrible"
        -> "terribly", "happy" -> "happily", "gentle" -> "gently")."""
        textblob_text.Sentiment.load(self, path)
        if not path:
            for word, senses in list(dict.items(self)):
                if "JJ" in senses:
                    if word.endswith("y"):
                        word = word[:-1] + "i"
                    if word.endswith("le"):
                        word = word[:-2]
                    polarity, subjectivity, intensity = senses["JJ"]
                    self.annotate(word + "ly", "RB", polarity, subjectivity, intensity)

    def assessments(self, words=None, negation=True):
        """TextBlob's ``Sentiment.assessments``, rule for rule (see the module's documentation)."""
        found: list[list] = []  # [words, polarity, subjectivity, intensity, negated (1 or -1), label]
        modifier = None  # the preceding known word that can modify the next one ("very good")
        negator = None  # the preceding negation ("not good")
        labels = self.labeler
        for word, pos in words or ():
            if word is None:
                continue
            senses = dict.get(self, word)
            if senses is not None and pos in senses:
                polarity, subjectivity, intensity = senses[pos]
                if modifier is None:
                    found.append([[word], polarity, subjectivity, intensity, 1, labels.get(word)])
                else:
                    last = found[-1]
                    last[0].append(word)
                    last[1] = max(-1.0, min(polarity * last[3], +1.0))
                    last[2] = max(-1.0, min(subjectivity * last[3], +1.0))
                    last[3] = intensity
                    last[5] = labels.get(word)
                if negator is not None:
                    last = found[-1]
                    last[0].insert(0, negator)
                    last[3] = 1.0 / last[3]
                    last[4] = -1
                modifier = negator = None
                if pos and pos in self.modifiers or any(map(senses.__contains__, self.modifiers)):
                    modifier = (word, pos)
                if negation and word in self.negations:
                    negator = word
                continue
            if negation and word in self.negations:
                negator = word
            elif negator and len(word.strip("'")) > 1:
                negator = None
            if negator is not None and modifier is not None and (pos in self.modifiers or self.modifier(modifier[0])):
                found[-1][0].append(negator)
                found[-1][4] = -1
                negator = None
            elif modifier and len(word) > 2:
                modifier = None
            if word == "!" and found:
                found[-1][0].append("!")
                found[-1][1] = max(-1.0, min(found[-1][1] * 1.25, +1.0))
            if word == "(!)":
                found.append([[word], 0.0, 1.0, 1.0, 1, textblob_text.IRONY])
            # TextBlob's own test: `in` on its PUNCTUATION string is a substring test, kept as it is.
            if word.isalpha() is False and len(word) <= 5 and word not in textblob_text.PUNCTUATION:
                polarity = _EMOTICON_POLARITY.get(word)
                if polarity is not None:
                    found.append([[word], polarity, 1.0, 1.0, 1, textblob_text.MOOD])
        return [(w, p * -0.5 if n < 0 else p, s, x) for w, p, s, _i, n, x in found]

    def word_info(self, word: str) -> tuple | None:
        """What :meth:`scores` needs of a lower-cased word that can start or change an assessment (None for any
        other word): its lexicon scores (polarity, subjectivity, intensity) or None, whether it can modify the next
        word, whether it is an adverb, a negation, its emoticon polarity or None, whether it is "!", "(!)"."""
        if word not in self._matters:
            return None
        senses = dict.get(self, word)
        lexical = senses[None] if senses is not None and None in senses else None
        modifies = lexical is not None and any(map(senses.__contains__, self.modifiers))
        emoticon = None
        # TextBlob's own test: `in` on its PUNCTUATION string is a substring test, kept as it is.
        if word.isalpha() is False and len(word) <= 5 and word not in textblob_text.PUNCTUATION:
            emoticon = _EMOTICON_POLARITY.get(word)
        return (lexical, modifies, self.modifier(word), word in self.negations, emoticon, word == "!", word == "(!)")

    def scores(self, words: list[str], infos: list[tuple | None] | None = None) -> tuple[float, float, int]:
        """The polarity and subjectivity sums and the count of :meth:`assessments` of ``words`` (no parts of speech),
        its rules run only at the words that can start or change an assessment (``infos``: :meth:`word_info` of
        each word, when the caller has them): see :func:`_scan`."""
        return _scan([_one_entry(words, map(self.word_info, words) if infos is None else infos)], False)


def _emoticon_polarity() -> dict[str, float]:
    """Each lower-cased emoticon's polarity, the first group listing it winning (as TextBlob's scan does)."""
    table: dict[str, float] = {}
    for (_mood, polarity), emoticons in textblob_text.EMOTICONS.items():
        for emoticon in emoticons:
            table.setdefault(emoticon.lower(), polarity)
    return table


_EMOTICON_POLARITY = _emoticon_polarity()


#: ``textblob.en.sentiment``'s settings (``tests/test_scorers.py`` checks them against it).
TEXTBLOB_EN_SETTINGS = {
    "synset": "wordnet_id",
    "negations": ("no", "not", "n't", "never"),
    "modifiers": ("RB",),
    "language": "en",
}


def _is_adverb(word: str) -> bool:
    return word.endswith("ly")


@lru_cache(maxsize=1)
def _textblob_scorer() -> _TextBlobScorer:
    """A scorer configured like ``textblob.en.sentiment``, its lexicon loaded from the same file."""
    scorer = _TextBlobScorer(
        path=os.path.join(_textblob_folder(), "en", "en-sentiment.xml"),
        modifier=_is_adverb,
        tokenizer=_find_tokens,
        **TEXTBLOB_EN_SETTINGS,
    )
    scorer.load()
    # The words the scan must visit (see _TextBlobScorer.scores).
    scorer._matters = frozenset({*dict.keys(scorer), *scorer.negations, "!", "(!)", *_EMOTICON_POLARITY})
    return scorer


def textblob_scores(text: str) -> tuple[float, float]:
    """``TextBlob(text).sentiment`` as a plain tuple: (polarity in [-1, 1], subjectivity in [0, 1]).

    What ``textblob_text.Sentiment.__call__`` does with a string, without its generator of pairs and its
    result class: the words of the sentences, lower-cased, assessed, and the scores averaged in the same order
    with the same operations (:func:`textblob_scores_of`)."""
    tokens = text.split()
    known = _ENTRIES
    entries = list(map(known.get, tokens))
    if not all(entries):  # entries are non-empty tuples: a None is a token not met yet
        if len(known) > _MAX_ENTRIES:
            known.clear()
        for token in set(tokens).difference(known):
            known[token] = textblob_entry(token)
        entries = list(map(known.__getitem__, tokens))
    return textblob_scores_of(text, entries)


# -- VADER ---------------------------------------------------------------------------------------------

_ASCII_PUNCTUATION = string.punctuation  # what SentiText strips from a word's ends
_NEGATIONS = frozenset(vader_module.NEGATE)
_BOOSTERS = vader_module.BOOSTER_DICT
_SPECIAL_CASES = vader_module.SPECIAL_CASES
_N_SCALAR = vader_module.N_SCALAR
_C_INCR = vader_module.C_INCR
_ALPHA = 15  # vader_module.normalize's alpha (tests/test_scorers.py checks it)
# The words of VADER's multi-word special cases and boosters ("the shit", "kind of") but "the", "of", "to" and "for":
# every such phrase holds one of them, so where none of them is near a word, its idiom check cannot match.
_IDIOM_WORDS = frozenset(
    word for phrase in [*_SPECIAL_CASES, *_BOOSTERS] if " " in phrase for word in phrase.split(" ")
    if word not in ("the", "of", "to", "for")
)
if not all(_IDIOM_WORDS.intersection(phrase.split(" ")) for phrase in [*_SPECIAL_CASES, *_BOOSTERS] if " " in phrase):
    raise ImportError("a VADER idiom is made of 'the', 'of', 'to' and 'for' alone; update analysis/nlp/scorers.py")


@lru_cache(maxsize=1)
def _vader() -> tuple[vader_module.SentimentIntensityAnalyzer, frozenset[str]]:
    """VADER's analyzer and the one-character emoji it rewrites as words."""
    analyzer = vader_module.SentimentIntensityAnalyzer()
    return analyzer, frozenset(e for e in analyzer.emojis if len(e) == 1)


def vader_compound(text: str) -> float:
    """VADER's compound score of ``text`` (``polarity_scores(text)["compound"]``), within [-1.0, 1.0]."""
    analyzer = _vader()[0]
    if has_emoji(text):
        text = _emoji_as_words(text, analyzer.emojis)
    text = text.strip()
    words = [vader_word(token) for token in text.split()]
    return vader_compound_of_words(text, words, [w.lower() for w in words])


def has_emoji(text: str) -> bool:
    """Whether VADER rewrites an emoji of ``text`` as words before reading it.

    No emoji is ASCII; the others are found by one scan in C (:func:`_emoji_pattern`) rather than a set look-up per
    character, and only a character beyond the Basic Multilingual Plane sends the text to the set itself."""
    if text.isascii():
        return False
    found = _emoji_pattern().search(text)
    return found is not None and (found.group() <= "\uffff" or not _vader()[1].isdisjoint(text))


@lru_cache(maxsize=1)
def _emoji_pattern() -> re.Pattern:
    """VADER's emoji of the Basic Multilingual Plane and every character beyond it, as one character class (one past
    the plane would make the class a list of ranges, tried one by one for each character)."""
    emoji = _vader()[1]
    if any(e.isascii() or e.isspace() for e in emoji):  # pragma: no cover - a future VADER
        raise ImportError("VADER rewrites an ASCII or space character as an emoji; update analysis/nlp/scorers.py "
                          "has_emoji and textblob_entry")
    plane = "".join(map(re.escape, sorted(e for e in emoji if e <= "\uffff")))
    return re.compile(f"[{plane}\U00010000-\U0010ffff]")


def vader_word(token: str) -> str:
    """SentiText's word for a whitespace-separated token: punctuation stripped from its ends when at least three
    characters are left ("good!" -> "good"), the token as it is otherwise (":)", "ok.")."""
    stripped = token.strip(_ASCII_PUNCTUATION)
    return token if len(stripped) <= 2 else stripped


#: Besides negations and boosters, the words VADER's rules read before a sentiment word ("no", "never so", "without
#: doubt", "so", "this", "least"); "or", "nor", "at", "very" and "doubt" only next to one of these.
_RULE_WORDS = frozenset({"no", "never", "without", "so", "this", "least"})


def rule_word(lower: str) -> bool:
    """Whether VADER's rules react to the lower-cased word when it stands before a sentiment word."""
    return lower in _RULE_WORDS or lower in _BOOSTERS or _negated(lower)


def vader_compound_of_words(
    text: str, words: list[str], lowers: list[str], hits: list[int] | None = None, rules: list[bool] | None = None,
    is_cap_diff: bool | None = None,
) -> float:
    """VADER's compound score of ``text`` (without emoji: see :func:`has_emoji`), given SentiText's words of it
    (:func:`vader_word` of each token of ``text.split()``) and those words lower-cased.

    ``hits``: the positions of the words in VADER's lexicon that are not boosters, when the caller has found them;
    every other word scores 0, as in VADER. ``rules``: :func:`rule_word` of each word, when the caller has it.
    ``is_cap_diff``: SentiText's ``allcap_differential`` (some words but not all in capitals), when known.
    """
    lexicon = _vader()[0].lexicon
    if hits is None:
        hits = [i for i, lower in enumerate(lowers) if lower in lexicon and lower not in _BOOSTERS]
    if not hits:
        return 0.0
    uppers = list(map(str.isupper, words))
    if is_cap_diff is None:
        capitals = sum(uppers)
        is_cap_diff = 0 < len(words) - capitals < len(words)  # SentiText's allcap_differential
    if rules is None:
        rules = list(map(rule_word, lowers))
    but = lowers.index("but") if "but" in lowers else -1
    return _vader_of_facts(text, list(zip(words, lowers, rules, uppers)), 0, 1, 2, 3, hits, is_cap_diff, but)


@cython.locals(facts=list, fact=tuple, hits=list, i=cython.Py_ssize_t, count=cython.Py_ssize_t,
               capitals=cython.Py_ssize_t, but=cython.Py_ssize_t, upper_at=cython.Py_ssize_t,
               hit_at=cython.Py_ssize_t, entry_at=cython.Py_ssize_t, vader_at=cython.Py_ssize_t,
               flags=cython.Py_ssize_t)
def vader_compound_of_facts(
    text: str, facts: list[tuple], word_at: int, lower_at: int, rule_at: int, upper_at: int, hit_at: int,
    entry_at: int,
) -> float:
    """:func:`vader_compound` of ``text`` given a tuple of facts for each token of ``text.split()``, read at these
    indices: its :func:`vader_word` and that word lower-cased, :func:`rule_word` of it, whether it is in capitals,
    whether it is a word of VADER's lexicon that is not a booster, and its :func:`textblob_entry` (the news score's
    facts of its tokens hold them all). The facts are read in one pass, then only near the words of the lexicon:
    no list of the paragraph's words is made unless a rule needs one. A text with an emoji (a token's entry says
    so) is read by :func:`vader_compound` itself, as VADER rewrites the emoji as words."""
    hits: list[int] = []
    capitals = 0
    but = -1  # the first "but"
    vader_at = _VADER_AT
    count = len(facts)
    for i in range(count):
        fact = facts[i]
        flags = fact[entry_at][vader_at]
        if flags:
            if flags & _EMOJI:
                return vader_compound(text)
            if but < 0:
                but = i
        if fact[hit_at]:
            hits.append(i)
        if fact[upper_at]:
            capitals += 1
    if not hits:
        return 0.0
    return _vader_of_facts(text, facts, word_at, lower_at, rule_at, upper_at, hits, 0 < count - capitals < count, but)


@cython.locals(facts=list, positions=list, scores=list, i=cython.Py_ssize_t, j=cython.Py_ssize_t,
               count=cython.Py_ssize_t, last=cython.Py_ssize_t, word_at=cython.Py_ssize_t, lower_at=cython.Py_ssize_t,
               rule_at=cython.Py_ssize_t, upper_at=cython.Py_ssize_t, lexicon=dict, lower=str, ruled=cython.bint,
               near=cython.bint, but=cython.Py_ssize_t)
def _vader_of_facts(
    text: str, facts: list[tuple], word_at: int, lower_at: int, rule_at: int, upper_at: int, hits: list[int],
    is_cap_diff: bool, but: int,
) -> float:
    """VADER's compound score from the facts of each word (see :func:`vader_compound_of_facts`), the positions of
    its lexicon's words (``hits``, not empty) and of the first "but" (-1 for none). ``words`` and ``lowers``, the
    lists VADER's look back reads, are made only for a word with a rule word among the three before it, or an idiom
    word near it."""
    analyzer = _vader()[0]
    lexicon = analyzer.lexicon
    count = len(facts)
    last = count - 1
    words = lowers = None  # made when first needed
    positions: list[int] = []  # the words that score, and their scores: every other word scores 0
    scores: list[float] = []
    for i in hits:
        lower = facts[i][lower_at]
        if lower == "kind" and i < last and facts[i + 1][lower_at] == "of":
            continue
        positions.append(i)
        ruled = False  # a word VADER's rules react to among the three before it
        for j in range(max(i - 3, 0), i):
            if facts[j][rule_at]:
                ruled = True
                break
        if ruled:
            if words is None:
                words = [item[word_at] for item in facts]
                lowers = [item[lower_at] for item in facts]
            scores.append(_valence(analyzer, i, words, lowers, is_cap_diff))
            continue
        # no rule word before it: its rules leave the valence as it is but for "no", capitals and idioms
        valence = lexicon[lower]
        if lower == "no" and i != last and facts[i + 1][lower_at] in lexicon:
            valence = 0.0
        if is_cap_diff and facts[i][upper_at]:
            valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
        if i > 2 and facts[i - 3][lower_at] not in lexicon:
            near = False  # an idiom word among the words _idioms_check reads
            for j in range(i - 3, min(i + 3, count)):
                if facts[j][lower_at] in _IDIOM_WORDS:
                    near = True
                    break
            if near:
                if lowers is None:
                    words = [item[word_at] for item in facts]
                    lowers = [item[lower_at] for item in facts]
                valence = _idioms_check(valence, lowers, i)
        scores.append(valence)
    if not scores:
        return 0.0
    if but >= 0:
        scores = _but_check_at(but, positions, scores)
    return _compound(analyzer, scores, text)


def _compound(analyzer, scores: list[float], text: str) -> float:
    """VADER's ``score_valence(...)["compound"]`` of a text's scores (the non-zero ones suffice: a sum is unchanged by
    zeros); its pos/neg/neu shares are not computed. Its punctuation emphasis (``_amplify_ep`` + ``_amplify_qm``)
    and ``normalize`` are re-expressed here step for step, with their numbers and operations in their order (they
    are one call each per paragraph, which cost a third of VADER's part)."""
    total = float(sum(scores))
    exclamations = text.count("!")
    if exclamations > 4:
        exclamations = 4
    questions = text.count("?")
    emphasis = exclamations * 0.292 + (0 if questions <= 1 else questions * 0.18 if questions <= 3 else 0.96)
    if total > 0:
        total += emphasis
    elif total < 0:
        total -= emphasis
    compound = total / math.sqrt((total * total) + _ALPHA)
    return round(-1.0 if compound < -1.0 else 1.0 if compound > 1.0 else compound, 4)


def _emoji_as_words(text: str, descriptions: dict[str, str]) -> str:
    """VADER's rewriting of each emoji as its description ("😁" -> "beaming face with smiling eyes"), in one pass.

    VADER builds the new text by appending to a string one character at a time; the same pieces are joined once.
    """
    parts: list[str] = []
    after_space = True
    for char in text:
        description = descriptions.get(char)
        if description is None:
            parts.append(char)
            after_space = char == " "
        else:
            if not after_space:
                parts.append(" ")
            parts.append(description)
            after_space = False
    return "".join(parts)


def _but_check(but: int, sentiments: list[float]) -> list[float]:
    """VADER's ``_but_check`` for the first "but" at word ``but``: the same numbers in O(n log n), not O(n²).

    VADER halves each score before "but" and multiplies each one after it by 1.5, but finds "each score" by
    looking its value up from the start of the list (``sentiments.index(value)``) while it rewrites the list.
    So when a value has already been seen, the earlier word's (already rewritten) score is rewritten again
    and the later word keeps its own. Doing that look-up over the whole paragraph for every word is what made
    a long paragraph with one "but" take minutes (issue 12). Here each value's positions are kept in a heap,
    which gives the same first position: a position is stale in a heap once its score has changed (checked
    when it reaches the top), and pushed onto the heap of its new value. Zeros stay zero, so they are skipped.
    """
    return _but_check_at(but, range(len(sentiments)), list(sentiments))


def _but_check_at(but: int, at: Sequence[int], scores: list[float]) -> list[float]:
    """:func:`_but_check` of a text's scores given where they are: ``scores[k]`` is the score of word ``at[k]``
    (increasing), every other word's score is 0. Returns the new scores, in the same order."""
    positions: dict[float, list[int]] = {}  # value -> heap of indices before the current one (some stale)
    for k, value in enumerate(scores):
        if value == 0:
            continue
        heap = positions.get(value)
        first = k
        if heap:
            while heap and scores[heap[0]] != value:
                heappop(heap)
            if heap:
                first = heap[0]
        if at[first] < but:
            changed = value * 0.5
        elif at[first] > but:
            changed = value * 1.5
        else:
            changed = value
        scores[first] = changed
        heappush(positions.setdefault(changed, []), first)
        if first != k:
            heappush(positions.setdefault(value, []), k)
    return scores


def _valence(analyzer, i: int, words: list[str], lowers: list[str], is_cap_diff: bool) -> float:
    """VADER's ``sentiment_valence`` for the lexicon word at ``i``, its rules in its order."""
    lexicon = analyzer.lexicon
    lower = lowers[i]
    valence = lexicon[lower]
    if lower == "no" and i != len(words) - 1 and lowers[i + 1] in lexicon:
        valence = 0.0  # "no" negates the next word rather than scoring itself
    if (
        (i > 0 and lowers[i - 1] == "no")
        or (i > 1 and lowers[i - 2] == "no")
        or (i > 2 and lowers[i - 3] == "no" and lowers[i - 1] in ("or", "nor"))
    ):
        valence = lexicon[lower] * _N_SCALAR
    if is_cap_diff and words[i].isupper():
        valence = valence + _C_INCR if valence > 0 else valence - _C_INCR
    for start_i in range(3):
        if i > start_i and lowers[i - (start_i + 1)] not in lexicon:
            scalar = vader_module.scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
            if start_i == 1 and scalar != 0:
                scalar = scalar * 0.95
            if start_i == 2 and scalar != 0:
                scalar = scalar * 0.9
            valence = valence + scalar
            valence = _negation_check(valence, lowers, start_i, i)
            if start_i == 2:
                valence = _idioms_check(valence, lowers, i)
    return analyzer._least_check(valence, words, i)


def _negated(lower: str) -> bool:
    """VADER's ``negated([word])`` for a lower-cased word: a negation, or any word containing "n't"."""
    return lower in _NEGATIONS or "n't" in lower


def _negation_check(valence: float, lowers: list[str], start_i: int, i: int) -> float:
    """VADER's ``_negation_check``, reading the lower-cased words in place."""
    if start_i == 0:
        if _negated(lowers[i - 1]):
            valence = valence * _N_SCALAR
    elif start_i == 1:
        if lowers[i - 2] == "never" and lowers[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lowers[i - 2] == "without" and lowers[i - 1] == "doubt":
            pass
        elif _negated(lowers[i - 2]):
            valence = valence * _N_SCALAR
    else:
        if (lowers[i - 3] == "never" and lowers[i - 2] in ("so", "this")) or lowers[i - 1] in ("so", "this"):
            valence = valence * 1.25
        elif lowers[i - 3] == "without" and (lowers[i - 2] == "doubt" or lowers[i - 1] == "doubt"):
            pass
        elif _negated(lowers[i - 3]):
            valence = valence * _N_SCALAR
    return valence


def _idioms_check(valence: float, lowers: list[str], i: int) -> float:
    """VADER's ``_special_idioms_check`` (only called with i >= 3), skipped when no idiom word is near."""
    if _IDIOM_WORDS.isdisjoint(lowers[i - 3 : i + 3]):
        return valence
    one_zero = f"{lowers[i - 1]} {lowers[i]}"
    two_one_zero = f"{lowers[i - 2]} {lowers[i - 1]} {lowers[i]}"
    two_one = f"{lowers[i - 2]} {lowers[i - 1]}"
    three_two_one = f"{lowers[i - 3]} {lowers[i - 2]} {lowers[i - 1]}"
    three_two = f"{lowers[i - 3]} {lowers[i - 2]}"
    for sequence in (one_zero, two_one_zero, two_one, three_two_one, three_two):
        if sequence in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[sequence]
            break
    if len(lowers) - 1 > i:
        zero_one = f"{lowers[i]} {lowers[i + 1]}"
        if zero_one in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[zero_one]
    if len(lowers) - 1 > i + 1:
        zero_one_two = f"{lowers[i]} {lowers[i + 1]} {lowers[i + 2]}"
        if zero_one_two in _SPECIAL_CASES:
            valence = _SPECIAL_CASES[zero_one_two]
    for n_gram in (three_two_one, three_two, two_one):
        if n_gram in _BOOSTERS:
            valence = valence + _BOOSTERS[n_gram]
    return valence
