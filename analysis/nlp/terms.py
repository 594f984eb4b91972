"""Words of an article: tokens, stopwords, lemmas, unigram and bigram frequencies, keyness, concordance.

Tokens
------
:func:`tokenize` finds words with one compiled regular expression and normalises each distinct
surface form once (a per-process cache), so the cost per word is a regex step and a dict lookup.
A token starts with a letter or digit of any script and runs over letters, digits and combining
marks (so Devanagari, Thai or pointed Hebrew words stay whole); single joiners inside a word keep
it whole: hyphens ("narco-terrorism", "high-level"), apostrophes straight or curly ("doesn’t"),
dots ("U.S.", "3.0", "insightcrime.org") and commas between digits ("1,000").

Each token is lower-cased and normalised:

- curly apostrophes become straight ones and the Unicode hyphens U+2010/U+2011 become "-";
- a possessive "'s" is stripped (Bukele’s, Bukele's -> bukele); a plural possessive loses its
  trailing apostrophe (gangs’ -> gangs). Contractions stay whole ("doesn’t" -> "doesn't"; "it's",
  "that's", "let's" ... are contractions, not possessives), so the stopword lists catch them;
- an upper-case acronym joined to digits by a hyphen is written without it (MS-13 -> ms13, like
  MS13; COVID-19 -> covid19). Mixed-case forms ("Covid-19") are ordinary hyphenated words;
- dotted single-letter abbreviations keep their dots and gain the final one ("U.S." and "U.S" ->
  "u.s.", "e.g." -> "e.g.");
- the upper-case word "US" means the country and becomes "u.s." too, so that it is neither lost to
  the stopword "us" (the pronoun) nor split from "U.S.". In text written wholly in capitals
  ("TELL US MORE") the word is read as the pronoun;
- in French, Italian and Catalan an elided article or pronoun is dropped ("l’État" -> "état",
  "dell'anno" -> "anno"), as word processors count "l'État" as one word;
- numbers are tokens (they count in :func:`word_count`) but never terms;
- words joined by a dot with no space stay one token ("insightcrime.org", and so "end.Next").

Languages written without spaces (Chinese, Japanese, Thai) give one token per run of script
between punctuation: splitting them into words needs a dictionary this module does not have.

Terms
-----
A term is a token that is not a stopword, has at least two characters and holds a letter (so
bare numbers such as "2023", "3.0" or ordinals such as "11th" are not terms). Given the spans of the
names the entity pass found (``names=``), a name of several words is one term: its tokens joined by a
space ("El Salvador" -> "el salvador", "Justice Department's" -> "justice department"); it still counts
as its words in :func:`word_count` and per_1000. Bigrams are two
adjacent tokens that are both terms, inside one paragraph and one sentence: ".", "!", "?", "…",
";" and ":" (and their CJK, Arabic and Devanagari forms) end a sentence, except the dot that
ends an abbreviation such as "U.S.".
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left, bisect_right
import re
import unicodedata
from collections import Counter
from itertools import accumulate, chain, compress, repeat
from operator import add, itemgetter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np

from analysis.errors import InvalidOptionError, StoryscopeError
from analysis.frames import frame_of, int_column, object_column, text_columns
from analysis.models import Article
from analysis.reading.language import ChunkMatches

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "KeynessInputError",
    "TERM_COLUMNS",
    "KEYNESS_COLUMNS",
    "KWIC_COLUMNS",
    "tokenize",
    "stopwords",
    "word_count",
    "term_frequencies",
    "tokenize_with_names",
    "tokens_with_names",
    "keyness",
    "keyword_in_context",
]

TERM_COLUMNS = ["term", "count", "per_1000"]
KEYNESS_COLUMNS = ["term", "count", "reference_count", "g2", "log_ratio"]
KWIC_COLUMNS = ["paragraph", "left", "keyword", "right"]


class KeynessInputError(StoryscopeError, ValueError):
    """Counts and totals given to :func:`keyness` do not fit together."""


# --------------------------------------------------------------------------------------------
# The tokenizer


def _combining_marks() -> str:
    """A regex character-class body of the combining marks (Mn, Mc, Me) of the Basic Multilingual
    Plane, plus ZWNJ and ZWJ.

    Python's ``re`` counts only letters, digits and "_" as word characters, which would cut
    "हिन्दी" or "עִבְרִית" at each vowel sign or point; the marks are added explicitly. Marks beyond
    U+FFFF (historic scripts) are left out on purpose: one of them in the class makes ``re`` test
    the ranges one by one and halves the tokenizer's speed. Built once per process (~15 ms).
    """
    marks = "".join(chr(c) for c in range(0x300, 0x10000) if unicodedata.category(chr(c))[0] == "M")
    return re.escape(marks) + "\u200c\u200d"


_WORD_CHAR = rf"[\w{_combining_marks()}]"
#: One token: a letter or digit, then word characters, with single joiners inside
#: (hyphens, apostrophes, dots, Hebrew geresh/gershayim, commas between digits).
_TOKEN_RE = re.compile(
    rf"[^\W_]{_WORD_CHAR}*(?:(?:[-'’‐‑.\u05F3\u05F4]|(?<=\d),(?=\d)){_WORD_CHAR}+)*"
)
#: Punctuation that ends a sentence (or a clause) for bigrams and multi-word concordance.
_BOUNDARY_RE = re.compile(r"[.!?…;:\u3002\uFF01\uFF1F\uFF1B\uFF1A\u061F\u061B\u0964\u0965]")
#: Where a two-word phrase stops too: the sentence ends above plus clause punctuation (commas, brackets,
#: dashes, quotation marks, slashes), so "said, Jansen" or "(MS13) leader" is never a phrase.
_PHRASE_BOUNDARY_RE = re.compile(
    r"[.!?…;:\u3002\uFF01\uFF1F\uFF1B\uFF1A\u061F\u061B\u0964\u0965,()\[\]{}\"“”«»„‟–—/|\u3001\uFF0C\u060C]"
    r"|(?<!\w)['‘’](?!\w)|\s-\s")
#: Signs that belong to the number or word next to them in a phrase: currency before, percent after.
_SIGN_BEFORE = frozenset("$£€¥₹₩₽₺₪#")
_SIGN_AFTER = frozenset("%‰")

_JOINER_TABLE = str.maketrans({"’": "'", "‐": "-", "‑": "-"})
#: English "'s" forms that are contractions (it is, that is, let us ...), not possessives.
_S_CONTRACTIONS = frozenset(
    "it's he's she's that's there's here's what's who's where's when's why's how's let's".split()
)
#: Elided articles and pronouns dropped in front of a word, by language.
_ELISIONS: dict[str, frozenset[str]] = {
    "fr": frozenset("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu"
                    .split()),
    "it": frozenset("l d c s m t v n un dell all dall nell sull coll quell quest bell sant tutt"
                    .split()),
    "ca": frozenset("l d s m t n".split()),
}
_LETTER_RE = re.compile(r"[^\W\d_]")
_NOT_PLAIN_RE = re.compile(r"[-'.\d_ ]")  # a space: a name of several words
_ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th|er|re|e|ème|eme|º|ª|o|a)")
_MAX_CACHE = 500_000
#: At most this many distinct whitespace-separated chunks are kept per chunk record (:class:`ChunkMatches`).
_MAX_CHUNKS = 100_000
_CACHES: dict[tuple[str, bool], dict[str, str]] = {}


_LANGUAGE_CODES: dict[str, str] = {}


def _language_code(language: str | None) -> str:
    """"en-GB", "EN", "en_US" -> "en"; None or "" -> "und" (each spelling worked out once: a call per paragraph)."""
    if not language:
        return "und"
    code = _LANGUAGE_CODES.get(language)
    if code is None:
        if len(_LANGUAGE_CODES) > 1024:
            _LANGUAGE_CODES.clear()
        code = _LANGUAGE_CODES[language] = language.strip().lower().replace("_", "-").split("-")[0] or "und"
    return code


def _normalised(raw: str, elisions: frozenset[str], caps: bool) -> str:
    """The token for one surface form (see the module docstring for the rules)."""
    if raw == "US" and not caps:
        return "u.s."
    token = raw.lower().translate(_JOINER_TABLE)
    if "'" in token:
        if elisions:
            head, _, rest = token.partition("'")
            while head in elisions and rest:
                token = rest
                head, _, rest = token.partition("'")
        if token.endswith("'s") and len(token) > 2 and token not in _S_CONTRACTIONS:
            token = token[:-2]
    if "." in token:
        parts = token.split(".")
        if all(len(p) == 1 and p.isalpha() for p in parts):
            token += "."
    if token.count("-") == 1:
        head, _, tail = token.partition("-")
        raw_head = raw.partition("-")[0]
        if tail.isdigit() and head.isalpha() and len(head) <= 5 and raw_head.isupper():
            token = head + tail
    return token


def _cache_for(language: str, caps: bool) -> tuple[dict[str, str], frozenset[str]]:
    elisions = _ELISIONS.get(language, frozenset())
    key = (language if elisions else "", caps)
    cache = _CACHES.get(key)
    if cache is None or len(cache) > _MAX_CACHE:
        cache = _CACHES[key] = {}
    return cache, elisions


#: ``_TOKEN_RE.findall`` one whitespace-separated chunk at a time, each distinct chunk read once: no token crosses
#: whitespace (it is neither a word character nor a joiner, and the comma rule looks only at the characters next to
#: the comma), so the tokens of a text are those of its chunks in turn.
_RAW_CHUNKS = ChunkMatches(_TOKEN_RE, limit=_MAX_CHUNKS)
#: The offsets inside a chunk at which its tokens start.
_CHUNK_STARTS = ChunkMatches(
    _TOKEN_RE, lambda chunk: tuple(match.start() for match in _TOKEN_RE.finditer(chunk)), limit=_MAX_CHUNKS)
#: Each chunk's tokens normalised (:func:`_normalised`), per (language with elisions or "", text in capitals).
_TOKEN_CHUNKS: dict[tuple[str, bool], ChunkMatches] = {}


def _raw_tokens(text: str) -> list[str]:
    """``_TOKEN_RE.findall(text)``, found faster: a look-up per whitespace-separated chunk (:class:`ChunkMatches`;
    a generated-text test and one over real articles hold the two equal)."""
    return _RAW_CHUNKS.findall(text)


def _chunk_tokens(language: str, caps: bool) -> ChunkMatches:
    """Each chunk's normalised tokens (``_tokens``' work, a chunk at a time) for ``language`` and ``caps``."""
    elisions = _ELISIONS.get(language, frozenset())
    key = (language if elisions else "", caps)
    chunks = _TOKEN_CHUNKS.get(key)
    if chunks is None:
        chunks = _TOKEN_CHUNKS[key] = ChunkMatches(_TOKEN_RE, _normaliser(elisions, caps), limit=_MAX_CHUNKS)
    return chunks


def _normaliser(elisions: frozenset[str], caps: bool) -> Callable[[str], tuple[str, ...]]:
    def normalised(chunk: str) -> tuple[str, ...]:
        return tuple([_normalised(raw, elisions, caps) for raw in _TOKEN_RE.findall(chunk)])

    return normalised


def _tokens(text: str, language: str, caps: bool) -> list[str]:
    """The normalised tokens of ``text``: ``_normalised`` of each of ``_TOKEN_RE.findall(text)``."""
    return _chunk_tokens(language, caps).findall(text)


def _remember(cache: dict[str, str], raw: str, elisions: frozenset[str], caps: bool) -> str:
    token = cache[raw] = _normalised(raw, elisions, caps)
    return token


def tokenize(text: str, *, language: str = "en") -> list[str]:
    """The word tokens of ``text`` in order, lower-cased and normalised (see the module docstring).

    Stopwords and numbers are kept (they are words); punctuation, symbols and emoji are not tokens.
    Every token is non-empty. ``language`` (ISO 639-1) only changes elision handling (fr, it, ca).
    """
    if not text:
        return []
    return _tokens(text, _language_code(language), text.isupper())


#: Where names of several words are in an article: (paragraph index, start, end) character spans of its
#: paragraphs' texts, as the entity pass's ``mentions`` table gives them.
NameSpans = Iterable[tuple[int, int, int]]


def name_spans_by_paragraph(names: NameSpans) -> dict[int, list[tuple[int, int]]]:
    """``names`` grouped by paragraph index, each paragraph's spans sorted by start."""
    found: dict[int, list[tuple[int, int]]] = {}
    for paragraph, start, end in names:
        found.setdefault(int(paragraph), []).append((int(start), int(end)))
    for spans in found.values():
        spans.sort()
    return found


def tokenize_with_names(text: str, spans: Sequence[tuple[int, int]], *, language: str = "en") -> list[str]:
    """:func:`tokenize`, except that the tokens starting inside one span (start, end) of ``text`` become one
    token, joined by a space: a name of several words as one term. ``spans`` sorted by start. A token that
    starts before a span stays outside it, so a name that begins inside a word ("US-El Salvador") keeps its
    other words apart."""
    return tokens_with_names(text, spans, language=language)[0]


def tokens_with_names(text: str, spans: Sequence[tuple[int, int]], *, language: str = "en") -> tuple[list[str], int]:
    """:func:`tokenize_with_names` and the number of words it read (``len(tokenize(text))``).

    The tokens are found once, a whitespace-separated chunk at a time; each span's first and last token by
    bisecting the chunks' offsets, then the token offsets inside one chunk (see :class:`_TokensBefore`), so the cost
    is the tokenizer's plus a logarithmic step per span."""
    if not text:
        return [], 0
    chunks = text.split()
    record = _chunk_tokens(_language_code(language), text.isupper())
    tokens, single = record.read(chunks)
    if not spans or len(tokens) < 2:
        return tokens, len(tokens)
    before = _TokensBefore(text, chunks, None if single else record.counted(chunks))
    joined: list[str] = []
    done = 0
    for start, end in spans:
        first = max(done, before(start))
        last = max(first, before(end))
        if last - first >= 2:
            joined.extend(tokens[done:first])
            joined.append(" ".join(tokens[first:last]))
            done = last
    joined.extend(tokens[done:])
    return joined, len(tokens)


class _TokensBefore:
    """How many tokens of ``text`` start before a character offset (the number of ``_TOKEN_RE.finditer(text)``
    matches whose start is smaller), from its whitespace-separated ``chunks`` and how many tokens they hold:
    the tokens of the chunks that start at or before the offset but the last, and those of that last chunk that
    start before it (their offsets inside a chunk are kept per distinct chunk). When one whitespace character
    separates each chunk from the next (the length of the text says so: text as parse_article makes it), chunk k
    starts at the sum of the lengths before it plus k; else at its ``str.find`` from the end of the chunk before. ``counted``: the tokens before each chunk
    (``ChunkMatches.counted``), or None when each chunk holds exactly one. ``tests/test_terms.py`` holds it equal to
    counting the regex's match starts, on generated and real text."""

    __slots__ = ("chunks", "counted", "begins")

    def __init__(self, text: str, chunks: list[str], counted: list[int] | None) -> None:
        self.chunks = chunks
        self.counted = counted
        if len(text) == sum(map(len, chunks)) + len(chunks) - 1:  # no space at the ends, one between chunks
            self.begins = list(accumulate(map(add, map(len, chunks), repeat(1, len(chunks) - 1)), initial=0))
        else:
            self.begins = _chunk_begins(text, chunks)

    def __call__(self, offset: int) -> int:
        k = bisect_right(self.begins, offset) - 1
        if k < 0:
            return 0
        inside = bisect_left(_CHUNK_STARTS[self.chunks[k]], offset - self.begins[k])
        return (k if self.counted is None else self.counted[k]) + inside


def _chunk_begins(text: str, chunks: list[str]) -> list[int]:
    """The offsets in ``text`` of its whitespace-separated ``chunks`` (``text.split()``): each chunk is found from
    the end of the one before it (only whitespace lies between them, and no chunk starts in whitespace)."""
    find = text.find
    begins: list[int] = []
    append = begins.append
    position = 0
    for chunk in chunks:
        position = find(chunk, position)
        append(position)
        position += len(chunk)
    return begins


def _sentences(
    text: str, language: str, boundary: re.Pattern[str] = _BOUNDARY_RE
) -> list[list[tuple[str, int, int]]]:
    """Tokens of ``text`` with their (start, end) spans, grouped into sentences (or, with
    ``_PHRASE_BOUNDARY_RE``, clauses)."""
    caps = text.isupper()
    cache, elisions = _cache_for(language, caps)
    sentences: list[list[tuple[str, int, int]]] = [[]]
    last_end = 0
    last_token = ""
    for match in _TOKEN_RE.finditer(text):
        raw = match.group()
        token = cache.get(raw) or _remember(cache, raw, elisions, caps)
        start, end = match.span()
        gap_start = last_end
        if last_token.endswith(".") and text.startswith(".", last_end):
            gap_start += 1  # the dot of an abbreviation such as "U.S." ends no sentence
        if sentences[-1] and boundary.search(text, gap_start, start):
            sentences.append([])
        sentences[-1].append((token, start, end))
        last_end, last_token = end, token
    return [s for s in sentences if s]


def _signed(token: str, text: str, start: int, end: int) -> str:
    """``token`` with the currency sign just before it or the percent sign just after it ("$40m", "12%")."""
    if start and text[start - 1] in _SIGN_BEFORE:
        token = text[start - 1] + token
    if end < len(text) and text[end] in _SIGN_AFTER:
        token += text[end]
    return token


# --------------------------------------------------------------------------------------------
# Stopwords, lemmas, terms


@functools.lru_cache(maxsize=64)
def stopwords(language: str) -> frozenset[str]:
    """The stopword list of ``language`` (ISO 639-1, e.g. "en", "es") from ``stopwordsiso``.

    Contractions are present with both straight and curly apostrophes ("doesn't", "doesn’t").
    A language without a list ("und", "zz") gets an empty set: every word then counts.
    Note that the English list is broad: besides function words it holds words such as "said",
    "new", "members", "state" and two-letter country codes ("uk", "de").
    """
    import stopwordsiso

    words = stopwordsiso.stopwords(_language_code(language))
    both = set()
    for word in words:
        word = word.lower()
        both.add(word)
        if "'" in word or "’" in word:
            both.add(word.replace("’", "'"))
            both.add(word.replace("'", "’"))
    return frozenset(both)


@functools.lru_cache(maxsize=1)
def _lemma_languages() -> frozenset[str]:
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
    except ImportError:  # pragma: no cover - simplemma moved it; probe instead in _lemmatizer
        return frozenset()
    return frozenset(SUPPORTED_LANGUAGES)


_LEMMA_CACHES: dict[str, dict[str, str]] = {}


def _lemmatizer(language: str):
    """A cached token -> lemma function for ``language``, or None when simplemma lacks it."""
    import simplemma

    supported = _lemma_languages()
    if supported and language not in supported:
        return None
    if not supported:
        try:
            simplemma.lemmatize("a", lang=language)
        except ValueError:
            return None
    cache = _LEMMA_CACHES.setdefault(language, {})

    def lemma(token: str) -> str:
        found = cache.get(token)
        if found is None:
            # Only plain words: simplemma's guesses on "gang-led", "u.s." or "ms13" are wrong.
            plain = _NOT_PLAIN_RE.search(token) is None
            found = simplemma.lemmatize(token, lang=language).lower() if plain else token
            found = found or token
            if len(cache) < _MAX_CACHE:
                cache[token] = found
        return found

    return lemma


def _is_term(token: str, stops: frozenset[str]) -> bool:
    """True for a token that may be a term: two characters or more, a letter, no stopword, no ordinal."""
    return (
        len(token) > 1
        and token not in stops
        and _LETTER_RE.search(token) is not None
        and (not token[0].isdigit() or _ORDINAL_RE.fullmatch(token) is None)
    )


def word_count(article: Article, *, include_boilerplate: bool = False, language: str | None = None) -> int:
    """The number of word tokens (stopwords and numbers included) in the analysed paragraphs.

    The denominator of ``per_1000``. Bylines and boilerplate count only with ``include_boilerplate``.
    ``language`` overrides ``article.language`` (it only matters for French, Italian and Catalan
    elisions: "l’État" is one word).
    """
    lang = _language_code(language or article.language)
    return sum(
        len(tokenize(p.text, language=lang))
        for p in article.analysed_paragraphs(include_boilerplate=include_boilerplate)
    )


def _strings(values: list[str] | np.ndarray) -> pd.Series:
    """A column of strings: pandas' default string dtype, object when empty (as a JSON round trip gives)."""
    import pandas as pd

    return pd.Series(values) if len(values) else pd.Series([], dtype=object)


def _frame(counts: Mapping[str, int], total: int) -> pd.DataFrame:
    return terms_frame(_columns(counts, total))


def _columns(counts: Mapping[str, int], total: int) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The term table's columns: terms (a list), count and per_1000 (numpy arrays)."""
    # Most frequent first, ties alphabetical: sorted by term, then by count descending (a stable sort keeps
    # the alphabetical order of equal counts); both sorts on C-level keys.
    rows = sorted(sorted(counts.items(), key=itemgetter(0)), key=itemgetter(1), reverse=True)
    terms = [t for t, _ in rows]
    count = int_column([c for _, c in rows])
    return terms, count, count / total * 1000.0 if total else np.zeros(len(rows))


def terms_frame(columns: tuple[list[str], np.ndarray, np.ndarray]) -> pd.DataFrame:
    """DataFrame[TERM_COLUMNS] of :func:`unigram_columns`' columns."""
    terms, count, per_1000 = columns
    # an empty term column is object, as a JSON round trip gives
    return frame_of(TERM_COLUMNS, [text_columns(terms)[0] if terms else object_column(terms), count, per_1000])


def term_frequencies(
    article: Article,
    *,
    n: Literal[1, 2] = 1,
    lemmatize: bool = False,
    extra_stopwords: Iterable[str] = (),
    include_boilerplate: bool = False,
    language: str | None = None,
    names: NameSpans | None = None,
) -> pd.DataFrame:
    """How often each term (n=1) or two-word phrase (n=2) occurs in the analysed paragraphs.

    Columns: term (str; a bigram's two words joined by a space), count (int >= 1),
    per_1000 (float: count / :func:`word_count` * 1000). Most frequent first, ties alphabetical.

    Two-word phrases never cross sentence or clause punctuation (``_PHRASE_BOUNDARY_RE``: "cheque. Jansen"
    and "said, Jansen" are not phrases) and keep a currency sign before or a percent sign after a word or
    number ("$40m deal", "12% rise"; a number with such a sign counts as a word).

    Stopwords of the article's language (``language`` overrides ``article.language``) and
    ``extra_stopwords`` are left out, as are bare numbers and one-character fragments.
    ``lemmatize`` merges inflected forms ("gangs" -> "gang") with simplemma's tables for that
    language; a language simplemma lacks keeps its surface forms.
    ``names``: the (paragraph index, start, end) spans of names (the ``paragraph``, ``start`` and ``end``
    columns of the entity pass's mentions, :func:`analysis.nlp.entities.extract_entities`); with n=1 a
    name of several words found there is one term ("el salvador"); n=2 pairs single words as before.
    None or empty: single words only.
    """
    if n not in (1, 2):
        raise InvalidOptionError("n", n, (1, 2))
    lang = _language_code(language or article.language)
    paragraphs = article.analysed_paragraphs(include_boilerplate=include_boilerplate)
    if n == 1:
        spans = name_spans_by_paragraph(names or ())
        token_lists, total = [], 0
        for p in paragraphs:
            if p.index in spans:
                tokens, words = tokens_with_names(p.text, spans[p.index], language=lang)
            else:
                tokens = tokenize(p.text, language=lang)
                words = len(tokens)
            token_lists.append(tokens)
            total += words
        return unigram_frequencies(
            token_lists, language=lang, lemmatize=lemmatize, extra_stopwords=extra_stopwords, total=total
        )

    extra = frozenset(_normalised_term(w) for w in extra_stopwords)
    stops = stopwords(lang) | extra
    lemma = _lemmatizer(lang) if lemmatize else None
    total = 0
    counts = Counter()
    keep: dict[str, str | None] = {}  # token -> the word it stands for in a bigram, or None
    for p in paragraphs:
        text = p.text
        for sentence in _sentences(text, lang, _PHRASE_BOUNDARY_RE):  # phrases stop at clause punctuation
            total += len(sentence)
            words = []
            for token, start, end in sentence:
                word = keep.get(token, "")
                if word == "":
                    word = token if _is_term(token, stops) else None
                    if word is not None and lemma is not None:
                        word = lemma(word)
                        word = word if _is_term(word, stops) else None
                    keep[token] = word
                if (start and text[start - 1] in _SIGN_BEFORE) or (end < len(text) and text[end] in _SIGN_AFTER):
                    # a sign makes a number a term: "$40 million", "12% rise"
                    word = _signed(word if word is not None else token, text, start, end)
                words.append(word)
            for a, b in zip(words, words[1:]):
                if a is not None and b is not None:
                    counts[f"{a} {b}"] += 1
    return _frame({t: c for t, c in counts.items() if t not in extra}, total)


def unigram_frequencies(
    tokens: Iterable[Sequence[str]],
    *,
    language: str = "en",
    lemmatize: bool = False,
    extra_stopwords: Iterable[str] = (),
    total: int | None = None,
) -> pd.DataFrame:
    """:func:`term_frequencies` (n=1) of paragraphs already tokenised by :func:`tokenize`, one list each.

    For a caller that needs the tokens for something else too (the pipeline counts words with them).
    Same columns as :func:`term_frequencies`. per_1000 is per 1,000 tokens given, or per 1,000 of ``total``
    words (tokens from :func:`tokenize_with_names` hold more words than there are tokens).
    """
    return terms_frame(unigram_columns(tokens, language=language, lemmatize=lemmatize,
                                       extra_stopwords=extra_stopwords, total=total))


def unigram_columns(
    tokens: Iterable[Sequence[str]],
    *,
    language: str = "en",
    lemmatize: bool = False,
    extra_stopwords: Iterable[str] = (),
    total: int | None = None,
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """:func:`unigram_frequencies` without the DataFrame (pandas is not needed): its columns, terms (a list of
    str), count (int64) and per_1000 (float64)."""
    lang = _language_code(language)
    stops, verdicts = _term_verdicts(lang, frozenset(_normalised_term(w) for w in extra_stopwords))
    found: Counter[str] = Counter(chain.from_iterable(tokens))  # one C-level count over every paragraph
    if total is None:
        total = found.total()
    # Each distinct token is judged once per process (``verdicts``: token -> is a term); an article's terms are then
    # its tokens whose verdict is True, picked in C (no Python step per token it holds, only per new token).
    distinct = list(found)
    kept = list(map(verdicts.get, distinct))
    if None in kept:
        for position, verdict in enumerate(kept):
            if verdict is None:
                token = distinct[position]
                kept[position] = verdicts[token] = _is_term(token, stops)
    terms = list(compress(distinct, kept))
    if lemmatize:
        lemma = _lemmatizer(lang)
        if lemma is not None:
            counts: Counter[str] = Counter()
            for token in terms:
                word = lemma(token)
                if _is_term(word, stops):
                    counts[word] += found[token]
            return _columns(counts, total)
    # Most frequent first, ties alphabetical (as _columns sorts them): a stable sort by count of the sorted terms.
    ordered = sorted(sorted(terms), key=found.__getitem__, reverse=True)
    count = np.fromiter(map(found.__getitem__, ordered), dtype=np.int64, count=len(ordered))
    return ordered, count, count / total * 1000.0 if total else np.zeros(len(ordered))


_VERDICTS: dict[tuple[str, frozenset[str]], tuple[frozenset[str], dict[str, bool]]] = {}


def _term_verdicts(language: str, extra: frozenset[str]) -> tuple[frozenset[str], dict[str, bool]]:
    """The stopwords of ``language`` plus ``extra``, and a per-process record of :func:`_is_term`'s verdict on each
    token judged with them (a token is judged once, not once per article)."""
    key = (language, extra)
    found = _VERDICTS.get(key)
    if found is None or len(found[1]) > _MAX_CACHE:
        if len(_VERDICTS) > 64:
            _VERDICTS.clear()
        found = _VERDICTS[key] = (stopwords(language) | extra, {})
    return found


def _normalised_term(word: str) -> str:
    """A user-typed stopword or term as tokens would spell it ("Crook’s" -> "crook")."""
    return " ".join(_tokens(word, "und", False)) or word.strip().lower()


# --------------------------------------------------------------------------------------------
# Keyness


def _as_series(counts: Mapping[str, int] | pd.Series, name: str) -> pd.Series:
    """``counts`` as a float Series indexed by unique terms; checks that every count is >= 0."""
    import pandas as pd

    series = counts if isinstance(counts, pd.Series) else pd.Series(dict(counts), dtype="float64")
    values = series.to_numpy(dtype="float64", na_value=np.nan)
    if np.isnan(values).any() or (values < 0).any():
        raise KeynessInputError(
            f"`{name}` holds missing or negative counts; give each term a count of 0 or more."
        )
    series = pd.Series(values, index=series.index)
    if not series.index.is_unique:
        series = series.groupby(level=0).sum()
    return series


def keyness(
    counts: Mapping[str, int] | pd.Series,
    reference_counts: Mapping[str, int] | pd.Series,
    *,
    total: int | None = None,
    reference_total: int | None = None,
) -> pd.DataFrame:
    """How much more (or less) often each term of an article occurs than in a reference corpus.

    ``counts`` and ``reference_counts`` map terms to counts (dicts or Series indexed by term);
    ``total`` and ``reference_total`` are the two corpora's sizes in words and default to the sums
    of the counts. Pass the word counts when stopwords were removed from the counts.

    Columns: term, count (a, in the article), reference_count (b), g2 (float >= 0), log_ratio.
    One row per term with a > 0 (terms only in the reference are left out).

    - g2, log-likelihood (Rayson & Garside 2000): with c = total and d = reference_total,
      E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G2 = 2[a ln(a/E1) + b ln(b/E2)], a zero count adding 0.
      Always >= 0; G2 >= 3.84 is p < 0.05, >= 6.63 p < 0.01, >= 10.83 p < 0.001 (1 d.f.).
    - log_ratio (Hardie 2014): log2((a/c) / (b/d)), with 0.5 in place of a zero count. Positive
      when the article over-uses the term (1 = twice as often), negative when it under-uses it.

    Rows: over-used terms (log_ratio > 0) first, strongest g2 first; then the others, strongest
    first; ties alphabetical. Vectorised: a thousand terms against a 20,000-term reference take
    about a millisecond.
    """
    import pandas as pd

    a_series = _as_series(counts, "counts")
    b_series = _as_series(reference_counts, "reference_counts")
    c = float(a_series.sum()) if total is None else float(total)
    d = float(b_series.sum()) if reference_total is None else float(reference_total)
    a_series = a_series[a_series.to_numpy() > 0]
    if a_series.empty:
        return pd.DataFrame(
            {"term": _strings([]), "count": np.zeros(0, "int64"), "reference_count": np.zeros(0, "int64"),
             "g2": np.zeros(0), "log_ratio": np.zeros(0)}
        )
    a_series = a_series.sort_index()  # alphabetical, so the stable sort below breaks ties by term
    a = a_series.to_numpy()
    if not (math.isfinite(c) and c >= a.max()):
        raise KeynessInputError(
            f"`total` = {total!r} is smaller than the article's counts; give the article's word count."
        )
    if not (math.isfinite(d) and d > 0):
        raise KeynessInputError(
            "The reference has no words: keyness needs at least one other article with words to compare with."
        )
    b = b_series.reindex(a_series.index, fill_value=0.0).to_numpy()
    if (b > d).any():
        raise KeynessInputError(
            f"`reference_total` = {reference_total!r} is smaller than a reference count; "
            "give the reference's word count."
        )
    terms, a, b, g2, log_ratio = keyness_arrays(a_series.index.to_numpy(), a, b, c, d, alphabetical=True)
    return pd.DataFrame(
        {
            "term": _strings(terms),
            "count": a.astype("int64"),
            "reference_count": b.astype("int64"),
            "g2": g2,
            "log_ratio": log_ratio,
        }
    )


def keyness_arrays(
    terms: np.ndarray, a: np.ndarray, b: np.ndarray, c: float, d: float, *, alphabetical: bool = False
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`keyness` on plain arrays, for callers that check their own inputs: ``terms`` (each once), their
    counts ``a`` (> 0) in the article of ``c`` words and ``b`` in the reference of ``d`` (> 0) words.

    Returns terms, a, b, g2, log_ratio, ordered as :func:`keyness` orders its rows (``alphabetical``: the
    terms are already in alphabetical order). Arrays in, arrays out: ~20x less overhead than the DataFrame
    version, which matters when a comparison computes one keyness per article.
    """
    if not alphabetical:
        first = np.argsort(terms, kind="stable")
        terms, a, b = terms[first], a[first], b[first]
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    positive_b = b > 0
    part_b = np.zeros_like(b)
    part_b[positive_b] = b[positive_b] * np.log(b[positive_b] / e2[positive_b])
    g2 = np.maximum(2.0 * (a * np.log(a / e1) + part_b), 0.0)  # rounding leaves -1e-16 for equal rates
    log_ratio = np.log2((a / c) / (np.where(positive_b, b, 0.5) / d))
    order = np.lexsort((-g2, log_ratio <= 0))
    return terms[order], a[order], b[order], g2[order], log_ratio[order]


# --------------------------------------------------------------------------------------------
# Concordance


def keyword_in_context(
    article: Article,
    term: str,
    *,
    width: int = 40,
    include_boilerplate: bool = False,
    lemmatize: bool = False,
    language: str | None = None,
) -> pd.DataFrame:
    """Every occurrence of ``term`` in the analysed paragraphs, with its surroundings.

    ``term`` is matched on tokens, so "crook" finds "Crook" and "Crook’s", "MS-13" finds "MS13",
    and a phrase ("El Salvador", "gang members") finds the words in sequence within one sentence.
    With ``lemmatize`` the match is on lemmas ("gang" finds "gangs"), as in
    ``term_frequencies(..., lemmatize=True)``.

    Columns: paragraph (the paragraph's index), left (up to ``width`` characters before the match, cut at a
    word boundary), keyword (the matched text as written), right (up to ``width`` characters after it, cut at
    a word boundary). Line breaks
    in the context become spaces. Rows in reading order; no rows when the term does not occur.
    """
    if isinstance(width, bool) or not isinstance(width, int) or width < 0:
        raise InvalidOptionError("width", width, "a whole number of characters, 0 or more")
    lang = _language_code(language or article.language)
    wanted = _tokens(term, lang, False)
    lemma = _lemmatizer(lang) if lemmatize else None
    if lemma is not None:
        wanted = [lemma(w) for w in wanted]
    rows: list[tuple[int, str, str, str]] = []
    size = len(wanted)
    if size:
        for p in article.analysed_paragraphs(include_boilerplate=include_boilerplate):
            text = p.text
            for sentence in _sentences(text, lang, _PHRASE_BOUNDARY_RE):  # as two-word phrases are counted
                words = [t for t, _, _ in sentence]
                if lemma is not None:
                    words = [lemma(w) for w in words]
                for i in range(len(words) - size + 1):
                    if words[i : i + size] == wanted:
                        start, end = sentence[i][1], sentence[i + size - 1][2]
                        if sentence[i + size - 1][0].endswith(".") and text.startswith(".", end):
                            end += 1  # show the final dot of "U.S."
                        rows.append(
                            (
                                p.index,
                                _one_line(_left_context(text, start, width)),
                                _one_line(text[start:end]),
                                _one_line(_right_context(text, end, width)),
                            )
                        )
    import pandas as pd

    return pd.DataFrame(
        {
            "paragraph": np.array([r[0] for r in rows], dtype="int64"),
            "left": _strings([r[1] for r in rows]),
            "keyword": _strings([r[2] for r in rows]),
            "right": _strings([r[3] for r in rows]),
        }
    )


def _left_context(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, beginning at a word's start (never half a word)."""
    cut = max(0, start - width)
    left = text[cut:start]
    if cut > 0 and text[cut - 1].isalnum() and left[:1].isalnum():
        space = re.search(r"\s", left)
        left = left[space.start() :] if space else ""
    return left


def _right_context(text: str, end: int, width: int) -> str:
    """Up to ``width`` characters after ``end``, ending at a word's end (never half a word)."""
    cut = min(len(text), end + width)
    right = text[end:cut]
    if cut < len(text) and text[cut].isalnum() and right[-1:].isalnum():
        space = max(right.rfind(" "), right.rfind("\n"), right.rfind("\t"))
        right = right[:space] if space >= 0 else ""
    return right


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")

