"""Which language an article is written in, offline and in well under a millisecond.

Two steps, both on a sample of the text (at most ``SAMPLE_CHARS`` characters taken from its start,
middle and end, so a 100,000-word text costs the same as a short one):

1. The writing system. Scripts that one language owns (Hangul, kana, Thai, Hebrew, Greek ...) decide
   the language at once; Han characters without kana are Chinese.
2. For shared scripts (Latin, Cyrillic, Arabic, Devanagari) the language whose stopword list (from the
   maintained stopwords-iso collection, shipped in the ``stopwordsiso`` wheel) covers the most word
   tokens wins. Function words make up 40-60 % of running text in any language, so a few sentences are
   enough; when too few tokens are recognised the answer is ``"und"``.

Why not simplemma's detector: it loads a full lemma dictionary per candidate language (4.5 s for
seven languages on first use here) and then takes ~4 ms per article; this needs ~0.1 s once and
~0.2 ms per article, and covers 58 languages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, chain, compress
from operator import not_

#: The code returned when the language cannot be told (too little text, or no known language).
UNDETERMINED = "und"
#: At most this many characters are read, in three slices (start, middle, end).
SAMPLE_CHARS = 3000
#: Fewer recognised stopwords than this (or a smaller share of the tokens) gives "und".
MIN_STOPWORD_HITS = 2
MIN_STOPWORD_SHARE = 0.12
#: Letters needed before a script of its own decides the language.
MIN_SCRIPT_LETTERS = 4

# Ties go to the more widely published language of a close pair (Spanish before Galician and
# Catalan, Indonesian before Malay, Norwegian before Danish ...).
_PRIORITY = (
    "en", "es", "fr", "de", "pt", "it", "nl", "ru", "ar", "hi", "id", "pl", "tr", "sv", "no", "da",
    "fi", "ro", "cs", "hu", "uk", "fa", "ur", "vi", "ca", "el", "bg", "hr", "sk", "sl", "lt", "lv",
    "et", "ms", "gl", "eu", "tl", "sw", "af", "mr", "eo", "ga", "la", "br",
)

# Lists too small or too noisy to compete in a shared script: they overlap with the lists of
# bigger neighbours more than they identify their own language.
_EXCLUDED = frozenset({"ha", "so", "st", "yo", "zu", "ku", "la", "br"})

_WORD = re.compile(r"[^\W\d_]+")

# Scripts that identify one language (checked on letters, in this order of precedence).
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_OWN_SCRIPT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ko", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("hy", re.compile(r"[\u0530-\u058f]")),
    ("ka", re.compile(r"[\u10a0-\u10ff]")),
    ("bn", re.compile(r"[\u0980-\u09ff]")),
    ("gu", re.compile(r"[\u0a80-\u0aff]")),
    ("ta", re.compile(r"[\u0b80-\u0bff]")),
    ("am", re.compile(r"[\u1200-\u137f]")),
)
# Shared scripts: the stopword lists decide among the languages written in them.
_SHARED_SCRIPT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("Arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("Devanagari", re.compile(r"[\u0900-\u097f]")),
)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in ("en", "es" ...), or "und".

    "und" (undetermined) when the text holds too few words to tell, or none of a known language.
    Deterministic and offline; reads at most ``SAMPLE_CHARS`` characters, so its cost does not grow
    with the length of the text.
    """
    sample = _sample(text)
    # Lower-cased chunk by chunk, the sample gives the lower-cased words, unless it holds "İ" (whose lower case is two
    # characters) or "Σ" (whose lower case depends on the letters around it): every other character's lower case is
    # one character, a letter exactly when it is one, a space exactly when it is one (so the lower-cased sample's
    # chunks are the sample's chunks lower-cased).
    chunks = sample.split()
    if "İ" not in sample and "Σ" not in sample:
        counts, total = _LOWER_WORDS.counts(chunks)
    else:
        words = _WORDS.of_chunks(chunks)
        counts, total = Counter(map(str.lower, words)), len(words)
    if not total:
        return UNDETERMINED
    other = [] if sample.isascii() else _NON_LATIN_LETTERS.of_chunks(chunks)  # ASCII holds no such letter
    if len(other) >= MIN_SCRIPT_LETTERS and 2 * len(other) > sum(len(word) * n for word, n in counts.items()):
        by_script = _language_by_script("".join(other))
        if by_script is not None:
            return by_script
    language = _language_by_counts(counts, total)
    if language in ("ru", "bg") and len(_UKRAINIAN_LETTERS.findall(sample)) >= MIN_STOPWORD_HITS:
        return "uk"  # the Ukrainian stopword list is short; its own letters tell it from its neighbours
    return language


#: Punctuation stripped from the ends of a whitespace-separated chunk before testing whether the rest is one word
#: (in analysis.reading.text's copy keys): none of it is a word character (``\w``), a combining mark or a space, so
#: it never belongs to a run of word characters.
EDGE_PUNCTUATION = "\"'“”‘’«»„‚‹›()[]{}<>,.;:!?¡¿…-‐‑–—/\\|*&%$#@+=~^`·•"


def _words(text: str) -> list[str]:
    """``_WORD.findall(text)``, found faster (:class:`ChunkMatches`: a run of letters never crosses whitespace)."""
    return _WORDS.findall(text)


class ChunkMatches:
    """``pattern.findall(text)`` for a pattern whose matches never cross whitespace and depend on nothing outside
    the whitespace-separated chunk they are in: the matches of ``text`` are those of its chunks in turn, and each
    distinct chunk's are found once and kept (``of_chunk(chunk)``, a tuple: ``pattern.findall(chunk)`` by default,
    or another reading of the chunk, such as its normalised tokens or their offsets). Most of a text's chunks were
    seen before ("the", "said,"), so a text costs ``str.split`` and a look-up per chunk, all in C: the regex reads
    only new chunks. What ``of_chunk`` gives must be true values (non-empty strings): :meth:`read` and
    :meth:`counts` tell a chunk with one match from the others by its truth. A chunk with exactly one match (most words) is kept apart from the others, so a text whose
    chunks all have one is read with no flattening of tuples (``rare``: most chunks have no match, so a text whose
    chunks all have none is told at once). At most ``limit`` chunks are kept (then the record starts again), so
    memory stays bounded whatever the input. The callers' tests hold each use equal to its regex on generated and
    real text."""

    __slots__ = ("_of_chunk", "_one", "_other", "_none", "rare", "limit")

    def __init__(self, pattern: re.Pattern[str], of_chunk: Callable[[str], tuple] | None = None, *,
                 rare: bool = False, limit: int = 200_000) -> None:
        self._of_chunk = of_chunk or _tuple_of(pattern.findall)
        self._one: dict[str, object] = {}  # chunk -> its one match
        self._other: dict[str, tuple] = {}  # chunk -> its matches, when it has none or several
        self._none: set[str] = set()  # the chunks with no match
        self.rare = rare
        self.limit = limit

    def __len__(self) -> int:
        return len(self._one) + len(self._other)

    def __getitem__(self, chunk: str) -> tuple:
        """The matches of one chunk."""
        one = self._one.get(chunk)
        if one is not None:
            return (one,)
        found = self._other.get(chunk)
        if found is None:
            found = self._of_chunk(chunk)
            if len(self._one) + len(self._other) >= self.limit:
                self._one.clear()
                self._other.clear()
                self._none.clear()
            if len(found) == 1:
                self._one[chunk] = found[0]
            else:
                self._other[chunk] = found
                if not found:
                    self._none.add(chunk)
        return found

    def findall(self, text: str) -> list:
        """``pattern.findall(text)`` (what ``of_chunk`` gives, chunk after chunk)."""
        return self.of_chunks(text.split())

    def of_chunks(self, chunks: list[str]) -> list:
        """``findall`` of the text whose ``str.split()`` is ``chunks``."""
        if self.rare and self._none.issuperset(chunks):
            return []
        return self.read(chunks)[0]

    def read(self, chunks: list[str]) -> tuple[list, bool]:
        """:meth:`of_chunks` and whether each chunk has exactly one match."""
        found = list(map(self._one.get, chunks))  # None where a chunk has no match, several or is new
        if all(found):  # matches are true values (non-empty strings): a truth test is cheaper than "None in"
            return found, True
        out: list = []
        extend = out.extend
        start = 0
        for position in compress(range(len(found)), map(not_, found)):
            extend(found[start:position])
            extend(self[chunks[position]])
            start = position + 1
        extend(found[start:])
        return out, False

    def counts(self, chunks: list[str]) -> tuple[Counter, int]:
        """How often each match occurs in ``chunks`` and how many there are (``Counter(of_chunks(chunks))`` and its
        total, counted in C for the chunks with one match; the matches must be true values, as strings are)."""
        found = list(map(self._one.get, chunks))
        counts = Counter(found)
        missing = counts.pop(None, 0)
        total = len(found) - missing
        if missing:  # the chunks with no match, several or not seen before: each distinct one read once
            for chunk, times in Counter(compress(chunks, map(not_, found))).items():
                matches = self[chunk]
                total += times * len(matches)
                for match in matches:
                    counts[match] += times
        return counts, total

    def counted(self, chunks: list[str]) -> list[int]:
        """How many matches the chunks before each of ``chunks`` hold (``len(chunks) + 1`` sums, from 0)."""
        ones = list(map(self._one.get, chunks))
        if all(ones):
            return list(range(len(chunks) + 1))
        return list(accumulate((1 if one else len(self[chunk]) for one, chunk in zip(ones, chunks)),
                               initial=0))


def _tuple_of(findall: Callable[[str], list]) -> Callable[[str], tuple]:
    def found(chunk: str) -> tuple:
        return tuple(findall(chunk))

    return found


_WORDS = ChunkMatches(_WORD)


def _sample(text: str) -> str:
    if len(text) <= SAMPLE_CHARS:
        return text
    third = SAMPLE_CHARS // 3
    middle = len(text) // 2 - third // 2
    return " ".join((text[:third], text[middle:middle + third], text[-third:]))


def _language_by_script(letters: str) -> str | None:
    """The language that the script of ``letters`` (non-Latin letters) gives away, or None."""
    kana = len(_KANA.findall(letters))
    han = len(_HAN.findall(letters))
    counts: list[tuple[int, str]] = [(kana + han, "ja" if kana else "zh")]
    for code, pattern in _OWN_SCRIPT:
        counts.append((len(pattern.findall(letters)), code))
    for name, pattern in _SHARED_SCRIPT:
        counts.append((len(pattern.findall(letters)), name))
    count, winner = max(counts)
    if count < MIN_SCRIPT_LETTERS or winner in ("Cyrillic", "Arabic", "Devanagari"):
        return None
    return winner


# A letter outside the Latin blocks (Basic Latin to Latin Extended-B, Latin Extended Additional).
_NON_LATIN_LETTER = re.compile(r"[^\W\d_\u0000-\u024f\u1e00-\u1eff]")
#: ``_NON_LATIN_LETTER.findall`` and the lower-cased words (``_WORD.findall(chunk.lower())``) a chunk at a time.
_NON_LATIN_LETTERS = ChunkMatches(_NON_LATIN_LETTER, rare=True)
_LOWER_WORDS = ChunkMatches(_WORD, lambda chunk: tuple(_WORD.findall(chunk.lower())))


# Letters that Ukrainian has and Russian and Bulgarian do not.
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")


def _language_by_stopwords(words: list[str], *, lowered: bool = False) -> str:
    """The language whose stopwords cover the most of ``words`` (``lowered``: they are lower case already)."""
    return _language_by_counts(Counter(words if lowered else map(str.lower, words)), len(words))


def _language_by_counts(counts: Counter[str], total: int) -> str:
    """:func:`_language_by_stopwords` of ``total`` lower-case words counted in ``counts``."""
    index, codes = _stopword_index()
    hits = [0] * len(codes)
    # Only the words that are some language's stopword vote; the set intersection finds them without a
    # look-up per word in Python (the order they are added in does not change the integer sums).
    for word in counts.keys() & index.keys():
        count = counts[word]
        for position in index[word]:
            hits[position] += count
    best_hits = max(hits)
    if best_hits < MIN_STOPWORD_HITS or best_hits < MIN_STOPWORD_SHARE * total:
        return UNDETERMINED
    return codes[hits.index(best_hits)]  # the first of equals: ties go to the higher priority


@lru_cache(maxsize=1)
def _stopword_index() -> tuple[dict[str, tuple[int, ...]], tuple[str, ...]]:
    """word -> positions (in priority order) of the languages whose stopword list holds it."""
    import stopwordsiso

    available = set(stopwordsiso.langs()) - _EXCLUDED
    ordered = [code for code in _PRIORITY if code in available]
    ordered += sorted(available - set(ordered))
    index: dict[str, list[int]] = {}
    for position, code in enumerate(ordered):
        for word in stopwordsiso.stopwords(code):
            index.setdefault(word.lower(), []).append(position)
    return {word: tuple(positions) for word, positions in index.items()}, tuple(ordered)
