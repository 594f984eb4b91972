"""Candidates: the name tokens of a paragraph (capitalised words, acronyms, numbers and the joiners between them),
their runs, and the cut of a run into candidate spans (labels, months, "The" and titles out); what a span is
(:class:`_Span`) and the shorter names it can be called by.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from analysis import native

if native.COMPILING:  # (never in Python) the compiled build's declarations: see candidates.pxd
    import cython
else:
    from analysis.native import cython_declarations as cython

from analysis.nlp.entities.cues import (
    _ABBREVIATIONS,
    _AND,
    _CONNECTOR_HEADED,
    _CONNECTOR_PARTICLES,
    _DIRECTIONS,
    _HEADLINE_LOWER,
    _HYPHEN_PARTICLES,
    _JOINERS,
    _MONTH_ABBREVIATIONS,
    _MONTHS,
    _MONTHS_AND_DAYS,
    _NAME_MONTHS,
    _ORG_HEADS,
    _POSSESSIVE_INSTITUTION_HEADS,
    _PLACE_HEADS,
    ORG_FIRST_WORDS,
    _TITLES,
    _WEEKDAY_ABBREVIATIONS,
    _WEEKDAYS,
    ALL_CUES,
    AP_STATES,
    CORPORATE_SUFFIXES,
    CUES,
    CLUB_AFFIXES,
    GIVEN_NAME_WORDS,
    HYPHEN_INNER_PARTICLES,
    HONORIFIC_ABBREVIATIONS,
    KIN_HONORIFICS,
    ROMANCE_OF,
    HEADED_JOINERS,
    MODEL_GENERATIONS,
    MODEL_WORDS,
    PRODUCT_MODELS,
    SECOND_TITLE_WORDS,
    LanguageCues,
)
from analysis.nlp.entities.lexicon import (
    _is_common_word,
    _is_demonym,
    _is_given_name,
    _norm,
    _place_strength,
    _places,
    _stopwords,
)

_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted acronyms and abbreviations: U.S., U.S.A., a.k.a.
    r"|[^\W_]+(?:[’'\-‐‑][^\W_]+)*(?:\.(?=\s))?"  # words with inner apostrophes and hyphens (and a period)
)
#: Words whose period stays: abbreviations before names (Mr., Gen.) and states' (Colo., Vt.).
_ABBREVIATION_KEYS = (
    frozenset(_ABBREVIATIONS.split("|")) | frozenset(HONORIFIC_ABBREVIATIONS.split("|"))
    | frozenset(a[:-1] for a in AP_STATES if a.count(".") == 1)
)
_HYPHENS_RE = re.compile(r"[-‐‑]")
_INITIAL_NEXT_RE = re.compile(r"\s+[^\W\d_a-z]")
_POSSESSIVE_ENDINGS = ("’s", "'s", "’S", "'S")
#: The last part of a hyphenated place that is an elided "de" or "le" and a name: "Saint-Martin-d'Hères".
_ELIDED_PART_RE = re.compile(r"[dl][’'][^\W\d_a-z][^\W\d_]*")
_ACRONYM_DIGITS_RE = re.compile(r"[^\W\d_a-z]{1,6}[-‐‑]?\d{1,4}(?:[^\W\d_]|\d{0,2}[^\W\d_a-z]{1,3}\d{0,2})?")


# ------------------------------------------------------------------------------------------------
# Tokens

# Token shapes
_LOWER, _CAP, _ACRONYM, _NUMBER = 0, 1, 2, 3


class _Tok:
    """One word of a paragraph: its text, offsets and what the rules read from it."""

    __slots__ = ("text", "start", "end", "key", "shape", "possessive", "initial", "joined", "dotted")

    def __init__(self, text: str, start: int, possessive: bool = False, shape: int | None = None) -> None:
        self.text = text
        self.start = start
        self.end = start + len(text)
        self.key, word_shape, self.dotted = _word(text)  # dotted: an acronym written with periods (U.S.)
        self.shape = word_shape if shape is None else shape
        self.possessive = possessive
        self.initial = False  # first word of a sentence (or of a quotation)
        self.joined = False  # only spaces between this token and the one before


@lru_cache(maxsize=1 << 17)
def _word(text: str) -> tuple[str, int, bool]:
    """(key, shape, dotted) of a token's text, computed once per process for each spelling."""
    return _norm(text), _shape(text), len(text) > 2 and text.endswith(".") and text.count(".") >= 2


@lru_cache(maxsize=1 << 17)
def _shape(text: str) -> int:
    """_NUMBER without letters, _ACRONYM with two or more letters all capitals (MS13, U.S.), else _CAP or
    _LOWER by the first character."""
    if not any(c.isalpha() for c in text):
        return _NUMBER
    first = text[0]
    if first.isalpha() and first.islower():
        # "iPad", "eBay", "watchOS": a capital after the lower-case start of a word is a name's
        return _CAP if _CAMEL_RE.fullmatch(text) else _LOWER
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and not any(c.islower() for c in letters):
        return _ACRONYM
    if first.isdigit() and letters and not any(c.islower() for c in letters) and len(text) <= 4:
        return _ACRONYM  # "3M"
    if _MODEL_NUMBER_RE.fullmatch(text):
        return _NUMBER  # a model's number with its letter ("Pixel 9a", "Snapdragon 7s", "iPhone 16e")
    return _CAP if first.isupper() else _LOWER


#: A model's number with one lower-case letter after it ("9a", "7s", "16e", "5c"); not a unit ("5m", "10k", "4x"),
#: an ordinal ("1st") or a decade ("1990s").
_MODEL_NUMBER_RE = re.compile(r"\d{1,2}[aceis]")
#: A word with a capital after three lower-case letters: a product's or a brand's coined name ("FernPhone",
#: "PlayStation"), not a surname's prefix ("McCann", "MacLeod").
_COINED_RE = re.compile(r"[^\W\d_][a-z]{2,}[A-Z]")


#: A word that starts in lower case and goes on with a capital: "iPad", "eBay", "watchOS", "iPadOS".
_CAMEL_RE = re.compile(r"[a-z]{1,6}[A-Z][^\W_]*")


class _TokenStats:
    """What headline detection needs to know about a paragraph's words (``words``: their number, or more than
    40 when that is all there is to know)."""

    __slots__ = ("words", "acronyms", "lower_other")

    def __init__(self) -> None:
        self.words = 0
        self.acronyms = 0
        self.lower_other = 0  # lower-case words headlines do not keep in lower case


def _tokens(text: str, *, start: int = 0, end: int | None = None) -> list[_Tok]:
    """Every word token of ``text[start:end]``, lower-case ones included (for a quoted nickname)."""
    out: list[_Tok] = []
    for m in _TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        raw, begin = m.group(), m.start()
        if raw[-1] == "." and raw.count(".") == 1:
            raw = raw[:-1]
        possessive = False
        if raw.endswith(_POSSESSIVE_ENDINGS) and len(raw) > 2:
            raw, possessive = raw[:-2], True
        out.append(_Tok(raw, begin, possessive))
    return out


_UPPER_OR_DIGIT = r"[^\W_a-zß-öø-ÿ]"
#: _UPPER_OR_DIGIT written so that a search skips to its characters faster: the Latin-1 ones listed (a look-up in
#: a table) or any other character, which the look-behind then checks (tests/test_entities.py checks every one).
_UPPER_OR_DIGIT_FIRST = rf"[0-9A-Zª²³µ¹º¼½¾À-ÖØ-Þ\u0100-\U0010ffff](?<={_UPPER_OR_DIGIT})"
#: A token that can be (part of) a name: it starts with a capital or a digit. Dotted acronyms first (U.S.). A final
#: apostrophe after "ng" is a letter of the name (East African spellings: "Achieng'", "Ochieng'"; "Lang'at" inside).
_NAME_TOKEN_RE = re.compile(
    rf"{_UPPER_OR_DIGIT_FIRST}(?:\.(?:[^\W\d_a-zß-öø-ÿ]\.)+|[^\W_]*(?:[’'\-‐‑][^\W_]+)*(?:(?<=ng)[’'](?![^\W_])|\.(?=[\s,;)]|--))?)"
    r"(?:&[^\W\d_a-zß-öø-ÿ]{1,4}\b)?"  # AT&T, P&G: tried only after a token, never at every position
)
#: Lower-case words, without a possessive: the article's evidence that a word is no name.
#: (The look-behind comes after the first letter, so that the search skips to lower-case letters in C.)
_LOWER_WORD_RE = re.compile(r"[a-zß-öø-ÿ](?<![\w’'\-‐‑][a-zß-öø-ÿ])[^\W_]*(?:[’'\-‐‑](?![sS]\b)[^\W_]+)*")
#: One or two joiners between two name tokens: " of ", " de la ", " of the ", " and ".
_JOINER_GAP_RE = re.compile(
    r" (%s)(?: (%s))? $" % ("|".join(map(re.escape, sorted(_JOINERS | HEADED_JOINERS))),
                           "|".join(map(re.escape, sorted(_JOINERS))))
)
#: Every text between the two spaces of a gap that _JOINER_GAP_RE matches ("of", "de la"): a look-up tells
#: whether the expression can match before it is run.
_JOINER_GAPS = frozenset(_JOINERS | HEADED_JOINERS) | frozenset(
    f"{first} {second}" for first in _JOINERS | HEADED_JOINERS for second in _JOINERS
)
_HEADED_JOINER_KEYS = frozenset(_norm(w) for w in HEADED_JOINERS)
_FACILITY_JOINERS = frozenset({"am", "im"})  # after a facility only (LanguageCues.facility_endings)
#: A hyphen that suspends a compound before "und" / "oder" ("Industrie- und Handelskammer"): one name.
_SUSPENDED_GAP_RE = re.compile(r"[-‐‑] (und|oder|and|or|sowie) $")
#: In a language that capitalises nouns, an article and a lower-case adjective between two name words
#: ("Institut der deutschen Wirtschaft"); whether they join is decided by the run (see _runs).
_ADJECTIVE_GAP_RE = re.compile(r" (der|des|dem|den) ([a-zäöüß]{3,}(?:e|en|er|es|em)) $")
_OPENING_QUOTES = "“\"‘«„‚"
_CLOSING_MARKS = "”\"’»)]"
#: Characters that, before "<space><word>", may make the word a sentence's first (see _starts_sentence).
_NOT_PLAIN = frozenset(" \t\u00a0\n'.!?…:-–—" + _OPENING_QUOTES + _CLOSING_MARKS)


@cython.locals(tok=_Tok, prev=_Tok, piece=_Tok, text=str, raw=str, begin=cython.Py_ssize_t, end=cython.Py_ssize_t)
def _name_tokens(text: str, *, nouns_capitalised: bool = False, elisions: tuple[str, ...] = (),
                 plain_once: bool = True) -> list[_Tok]:
    """The tokens of one paragraph that names are made of -- capitalised words, acronyms, numbers, and the
    joiners between two of them -- with offsets, shapes, sentence starts and joins. Lower-case words are
    skipped by the regular expression itself, so the cost is in C for most of the text. A word that starts in
    lower case and goes on with a capital ("iPad") is a name token; so is a word after an ``elisions`` prefix
    ("l'Italie", "L'ONU"). ``plain_once``: a word after a space is made from what its spelling gives once per
    process (:func:`_plain_token`); False takes the general path for every word (the same tokens, slower)."""
    out: list[_Tok] = []
    prev: _Tok | None = None  # the last name token (not a joiner)
    plain = _PLAIN_TOKENS
    new = _Tok.__new__
    for m in _NAME_TOKEN_RE.finditer(text):
        raw, begin = m.group(), m.start()
        if plain_once and (not begin or text[begin - 1] == " ") and not (elisions and raw[1:2] in "’'"):
            # the common case, a word after a space: its token is the same wherever the spelling stands (see
            # _plain_token), made here without the general path's checks
            info = plain.get(raw, _UNSEEN)
            if info is _UNSEEN:
                info = _plain_token(raw)
            if info is None:
                continue  # "11th" is no name
            if info is not _IN_CONTEXT:
                word, possessive, key, shape, dotted = info
                tok = new(_Tok)
                tok.text, tok.start, tok.end, tok.key, tok.shape, tok.dotted = word, begin, begin + len(word), key, shape, dotted
                tok.initial = tok.joined = False
                if not possessive and word[-1] == "s" and text[tok.end : tok.end + 2] in _S_APOSTROPHES and (
                    (prev is not None and prev.key in _SAINTS) or text[tok.end + 2 : tok.end + 3].isupper()
                ):
                    possessive = True  # "St Thomas' Hospital": a saint's name ending in s takes an apostrophe alone;
                    # so does a plural before a capitalised word ("Residents' Welfare Forum": see _possessive_name)
                tok.possessive = possessive
                if prev is None or prev.possessive or begin < 2 or text[begin - 2] in _NOT_PLAIN:
                    _place_token(tok, prev, text, out)
                else:  # a word after a word and a space: what _place_token does with it
                    end = prev.end
                    if begin == end + 1:
                        tok.joined = True
                    elif 2 < begin - end < _GAP_MAX and (
                        text[end] in "-‐‑" or (text[end] == " " and (
                            text[end + 1 : begin - 1] in _JOINER_GAPS or text[end + 1 : end + 3] == "de"))
                    ):  # (only where _add_joiners can find joiners)
                        _add_joiners(tok, prev, text, out)
                    out.append(tok)
                prev = tok
                continue
        elided = ""
        if elisions and raw[1:2] in "’'" and raw[:1].lower() in elisions and len(raw) > 2:
            if not raw[2].isupper():
                continue  # "L'étape" at a sentence's start: an article and a word, no name
            elided = raw[:2]
            raw, begin = raw[2:], begin + 2  # "L'ONU" at a sentence's start
        if begin and text[begin - 1] != " ":  # most names follow a space
            before = text[begin - 1]
            if before.islower():  # "iPad": the word starts in lower case
                word_start = _camel_start(text, begin)
                if word_start < 0:
                    continue  # a capital inside a word
                raw, begin = text[word_start : m.end()], word_start
            elif before.isalnum():
                continue
            elif before in "’'":
                if not (elisions and _elided(text, begin - 1, elisions)):
                    continue  # l’État in a language that does not elide, O'Brien's "B"
                if text[begin - 2] in "dD" and (begin < 3 or text[begin - 3] == " "):
                    elided = text[begin - 2 : begin]
            if before in "-‐‑":  # pro-Bukele (a name after a prefix), al-Assad (a particle of the name)
                # the word before the hyphen (a window longer than any particle: the same answer, in constant time)
                word = _PREFIX_RE.search(text, max(0, begin - 1 - _PREFIX_WINDOW), begin - 1)
                if word and word.group().lower() in _HYPHEN_PARTICLES:
                    raw, begin = text[word.start() : m.end()], word.start()
        if raw[-1] == "." and raw.count(".") == 1:
            # the period stays after an abbreviation (Mr., Gen., St.) and an initial before a name (J. Smith)
            word = raw[:-1]
            keep = word in _ABBREVIATION_KEYS or (
                len(word) == 1 and word.isupper() and _INITIAL_NEXT_RE.match(text, begin + len(raw))
            )
            if not keep:
                raw = word
        possessive = raw.endswith(_POSSESSIVE_ENDINGS) and len(raw) > 2
        if possessive:
            raw = raw[:-2]
        elif raw[-1:] == "s" and text[begin + len(raw) : begin + len(raw) + 2] in _S_APOSTROPHES and (
            (prev is not None and prev.key in _SAINTS) or text[begin + len(raw) + 2 : begin + len(raw) + 3].isupper()
        ):
            possessive = True  # "St Thomas' Hospital", "Residents' Welfare Forum": an apostrophe alone after an s
        if raw.isalnum() or "." in raw or not ("-" in raw or "‐" in raw or "‑" in raw):
            tok = _Tok(raw, begin, possessive)
            if tok.shape == _LOWER:  # "11th" is no name
                continue
            if elided and elided[0] in "dD" and prev is not None and not prev.possessive and prev.end == begin - 3 and (
                text[prev.end] == " " and prev.shape != _LOWER
            ):  # "Conseil d'État", "Côte d'Ivoire", "Jean-Luc d'Aubigny": "d'" between two names joins them
                _add_joiner_tokens(tok, begin - 2, (elided,), out)
                out.append(tok)
            elif prev is None or prev.possessive or begin < 2 or text[begin - 1] != " " or text[begin - 2] in _NOT_PLAIN:
                _place_token(tok, prev, text, out)
            else:  # the common case, a word after a word and a space: what _place_token does with it
                if begin == prev.end + 1:
                    tok.joined = True
                elif 2 < begin - prev.end < _GAP_MAX:
                    _add_joiners(tok, prev, text, out)
                out.append(tok)
            prev = tok
            continue
        for piece in _hyphenated(raw, begin, possessive, nouns_capitalised=nouns_capitalised):
            if piece.shape != _LOWER:  # the lower-case part of "US-based" is left out
                _place_token(piece, prev, text, out)
                prev = piece
    return out


#: What :func:`_plain_token` gives each spelling: (text, possessive, key, shape, dotted), None for no name, or
#: _IN_CONTEXT (per process, emptied when it grows past its bound).
_PLAIN_TOKENS: dict[str, tuple | None | object] = {}
_PLAIN_TOKENS_MAX = 1 << 17
_UNSEEN = object()
_IN_CONTEXT = object()


def _plain_token(raw: str) -> tuple | None | object:
    """What :func:`_name_tokens` makes of a match ``raw`` of _NAME_TOKEN_RE after a space (or at the start), where
    no elision applies: (the token's text, possessive, key, shape, dotted), or None when it is no name token (a
    lower-case word: "11th"); _IN_CONTEXT when the answer depends on the text around it (an initial's period, a
    hyphenated word). The same steps as the general path, once per spelling."""
    word = raw
    if word[-1] == "." and word.count(".") == 1:
        bare = word[:-1]
        if bare not in _ABBREVIATION_KEYS:
            if len(bare) == 1 and bare.isupper():
                return _remember(raw, _IN_CONTEXT)  # an initial before a name keeps its period (J. Smith)
            word = bare
    possessive = word.endswith(_POSSESSIVE_ENDINGS) and len(word) > 2
    if possessive:
        word = word[:-2]
    if not (word.isalnum() or "." in word or not ("-" in word or "‐" in word or "‑" in word)):
        return _remember(raw, _IN_CONTEXT)  # a hyphenated word: see _hyphenated
    key, shape, dotted = _word(word)
    return _remember(raw, None if shape == _LOWER else (word, possessive, key, shape, dotted))


def _remember(raw: str, info: tuple | None | object) -> tuple | None | object:
    if len(_PLAIN_TOKENS) >= _PLAIN_TOKENS_MAX:
        _PLAIN_TOKENS.clear()
    _PLAIN_TOKENS[raw] = info
    return info


def _camel_start(text: str, capital: int) -> int:
    """Where the word whose first capital is at ``capital`` starts, when it starts with one to six lower-case
    letters after a space, a quotation mark or a bracket ("iPad", "eBay", "watchOS"); else -1."""
    start = capital
    while start > 0 and text[start - 1].islower() and capital - start < 7:
        start -= 1
    if capital - start > 6 or (start and (text[start - 1].isalnum() or text[start - 1] in "’'-‐‑_.")):
        return -1
    return start


def _elided(text: str, apostrophe: int, elisions: tuple[str, ...]) -> bool:
    """Whether the apostrophe at ``apostrophe`` ends an elided word ("l'", "d'", "qu'") that starts a word."""
    start = apostrophe
    while start > 0 and text[start - 1].isalpha() and apostrophe - start < 7:
        start -= 1
    if start and text[start - 1].isalnum():
        return False
    return text[start:apostrophe].lower() in elisions


@cython.locals(tok=_Tok, prev=_Tok, text=str, start=cython.Py_ssize_t, gap_start=cython.Py_ssize_t)
def _place_token(tok: _Tok, prev: _Tok | None, text: str, out: list[_Tok]) -> None:
    """Append ``tok`` to a paragraph's name tokens ``out``, after the joiners between it and the name token
    ``prev`` (" of ", " de la "), marked joined when only those stand between, and initial at a sentence start."""
    start = tok.start
    if prev is not None:
        gap_start = prev.end + 2 if prev.possessive else prev.end
        if start == gap_start + 1 and text[gap_start] == " ":
            tok.joined = not prev.possessive
        elif not prev.possessive and 2 < start - gap_start < _GAP_MAX and text[start - 1] == " ":
            _add_joiners(tok, prev, text, out)
    if start < 2 or text[start - 1] != " " or text[start - 2] in _NOT_PLAIN:
        tok.initial = _starts_sentence(text, start, prev)  # else: a word after a word and a space
    out.append(tok)


#: The longest gap between two name tokens that joiners may fill (" der europäischen ").
_GAP_MAX = 24


@cython.locals(tok=_Tok, prev=_Tok)
def _add_joiners(tok: _Tok, prev: _Tok, text: str, out: list[_Tok]) -> None:
    """When only one or two joiners stand between the name tokens ``prev`` and ``tok`` (" of ", " de la "), or
    the "und" after a suspended compound ("Industrie- und"), or an article and an adjective in a language that
    capitalises nouns (" der deutschen "), append them to ``out`` and mark ``tok`` joined."""
    end, start = prev.end, tok.start
    joiners = _JOINER_GAP_RE.fullmatch(text, end, start) if (
        text[end] == " " and text[start - 1] == " " and text[end + 1 : start - 1] in _JOINER_GAPS
    ) else None
    if joiners is None and text[prev.end] != " ":
        joiners = _SUSPENDED_GAP_RE.fullmatch(text, prev.end, tok.start)
        if joiners:
            _add_joiner_tokens(tok, prev.end + 2, joiners.groups(), out)
        return
    if joiners is None and text[prev.end + 1 : prev.end + 3] == "de":
        joiners = _ADJECTIVE_GAP_RE.fullmatch(text, prev.end, tok.start)
    if joiners:
        _add_joiner_tokens(tok, prev.end + 1, joiners.groups(), out)


@cython.locals(tok=_Tok, joiner=_Tok)
def _add_joiner_tokens(tok: _Tok, position: int, words: tuple, out: list[_Tok]) -> None:
    for word in words:
        if word is None:
            continue
        joiner = _Tok(word, position, shape=_LOWER)
        joiner.key = word if word == "&" else joiner.key  # "&" has no letters to make a key of
        joiner.joined = True
        out.append(joiner)
        position += len(word) + 1
    tok.joined = True


_PREFIX_RE = re.compile(r"[^\W\d_]+(?=[-‐‑]?$)")
_PREFIX_WINDOW = 16


@cython.locals(prev=_Tok, text=str, start=cython.Py_ssize_t, i=cython.Py_ssize_t, j=cython.Py_ssize_t,
                line=cython.Py_ssize_t, c=cython.Py_UCS4)
def _starts_sentence(text: str, start: int, prev: _Tok | None) -> bool:
    """Whether the word at ``start`` begins a paragraph, a sentence, a line, or a quotation."""
    i = start - 1
    quoted = False
    while i >= 0:
        c = text[i]
        if c in " \t\u00a0":
            i -= 1
        elif c in _OPENING_QUOTES or (c == "'" and (i == 0 or text[i - 1].isspace())):
            quoted = True
            i -= 1
        elif c in _CLOSING_MARKS:
            i -= 1
        else:
            break
    if i < 0 or text[i] == "\n":
        return True
    c = text[i]
    if c in ".!?…:":
        # the period of an abbreviation or an acronym (Mr., U.S., J.) ends no sentence, but a state's may (Vt.)
        return not (c == "." and prev is not None and prev.end == i + 1 and prev.text.endswith(".")
                    and prev.text not in AP_STATES and prev.key not in CORPORATE_SUFFIXES)
    if c in "-–—":  # a dateline's dash after its agency or place, then an article: "(EFE).- El Gobierno"
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        # "(AP) — Flood barriers failed": the story's first sentence starts after the agency's bracket, whatever
        # its first word; after a place or a colon only an article shows it ("Madrid.- El Gobierno")
        if j >= 0 and text[j] == ")":
            return True
        line = text.rfind("\n", 0, j) + 1
        if j - line < 48 and _DATELINE_PLACE_RE.fullmatch(text, line, j + 1):
            return True  # "TORONTO — Shares of ...", "SHERBROOKE, Que. — ...": after a dateline's place in capitals
        article = _ARTICLE_AT_RE.match(text, start)
        return (j >= 0 and text[j] in ".:" and article is not None) or quoted
    return quoted


#: A dateline's place in capitals at a line's start, with its state or province ("BOULDER, Colo.", "ST. JOHN'S,
#: N.L.", "TORONTO").
_DATELINE_PLACE_RE = re.compile(r"[^\W\d_a-zß-ÿ]{2,}[.'’]?(?:[ -][^\W\d_a-zß-ÿ][^\W\d_a-zß-ÿ.'’]*)*(?:,\s*[^\W\d_][\w.]*(?: [^\W\d_][\w.]*)?)?")
_ARTICLE_AT_RE = re.compile(r"(?:El|La|Los|Las|Le|Les|Il|Lo|Die|Der|Das|Den|Dem|Des)\b")


@cython.locals(t=_Tok)
def _paragraph_stats(text: str, toks: list[_Tok]) -> _TokenStats:
    """Counts headline detection needs, from a paragraph's text and its name tokens.

    Only a paragraph of at most 40 words can be a headline or written in capitals, so its words are counted
    exactly only when a quick count allows so few: the name tokens and the lower-case words right after a
    space (each of them one of the words _LOWER_WORD_RE finds, which cost more to list).
    """
    stats = _TokenStats()
    shapes = [t.shape for t in toks]
    names = len(shapes) - shapes.count(_LOWER)  # the joiners are lower-case words
    if names + text.count(" ") >= 40:  # (else no more than 40 words can follow a space: no quick count needed)
        # counted first in the paragraph's beginning, long enough for the words needed, which most often suffices
        need = 41 - names
        at_least = names + len(_SPACE_BEFORE_LOWER_RE.findall(text, 0, need * 10))
        if at_least <= 40 and len(text) > need * 10:
            at_least = names + len(_SPACE_BEFORE_LOWER_RE.findall(text))
        if at_least > 40:
            stats.words = at_least  # no headline, not in capitals: the exact count would say the same
            return stats
    lower = _LOWER_WORD_RE.findall(text)
    stats.words = len(lower) + names
    if stats.words <= 40:
        stats.acronyms = shapes.count(_ACRONYM)
        stats.lower_other = len(lower) - sum(map(_HEADLINE_LOWER.__contains__, lower))
    return stats


_SPACE_BEFORE_LOWER_RE = re.compile(" (?=[a-z])")


def _find_lower_word(text: str, word: str) -> tuple[bool, int]:
    """Whether ``word`` is one of the lower-case words of ``text`` (a match of _LOWER_WORD_RE), found where it
    occurs rather than by listing all of them; and how many characters the search went through."""
    i = text.find(word)
    while i >= 0:
        m = _LOWER_WORD_RE.match(text, i)  # its look-behind sees the character before i
        if m is not None and m.end() == i + len(word):
            return True, i + len(word)
        i = text.find(word, i + 1)
    return False, len(text)


def _is_lower_word_in(text: str, word: str) -> bool:
    """Whether ``word`` is one of the lower-case words of ``text``: ``word in set(_LOWER_WORD_RE.findall(text))``."""
    return _find_lower_word(text, word)[0]


class LowerCaseWords:
    """Whether an article writes a word as a lower-case word (evidence that a capitalised word is no name).

    The plain rule is a set of the article's lower-case words (``_LOWER_WORD_RE.findall``). Most articles ask
    about a few words only, so each is first searched for where it occurs (:func:`_find_lower_word`), which
    costs less than listing every word; but each search may go through the whole text, so once the searches
    have gone through ``budget`` times the text's length the set is built, and every later question is a
    look-up. The work is linear in the article's length whatever it asks. ``scanned`` counts the characters
    gone through (the set's construction counts as one pass).
    """

    def __init__(self, text: str, *, budget: float = 2.0) -> None:
        self.text = text
        self.budget = budget * len(text) + 4096  # characters the searches may go through
        self.scanned = 0
        self.words: set[str] | None = None
        self.answers: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        seen = self.answers.get(word)
        if seen is None:
            if self.words is None and self.scanned >= self.budget:
                self.words = set(_LOWER_WORD_RE.findall(self.text))
                self.scanned += len(self.text)
            if self.words is not None:
                seen = word in self.words
            else:
                seen, scanned = _find_lower_word(self.text, word)
                self.scanned += scanned
            self.answers[word] = seen
        return seen


@lru_cache(maxsize=1 << 12)
def _title_compound(first: str, last: str) -> bool:
    """Whether ``last`` is a title of any language and ``first`` is no title or title word ("Vice-President",
    "Secretary-General" are one title)."""
    cues = ALL_CUES
    head = _norm(first)
    return cues.is_title(_norm(last)) and not cues.is_title(head) and head not in cues.title_modifiers


def _hyphenated(raw: str, start: int, possessive: bool, *, nouns_capitalised: bool = False) -> list[_Tok]:
    """One token for MS-13, al-Assad, Jean-Pierre, Guinea-Bissau, SUD-Rail; parts for US-based, US-El, pro-Bukele,
    a name and a title ("Nordwerk-Vorstandschefin"), and in a language that capitalises its nouns an acronym and a
    noun ("GDL-Streik")."""
    whole = [_Tok(raw, start, possessive)]
    if _ACRONYM_DIGITS_RE.fullmatch(raw):
        whole[0].shape = _ACRONYM
        return whole
    parts = _HYPHENS_RE.split(raw)
    if all(p[:1].islower() for p in parts):
        return whole
    elided_last = _ELIDED_PART_RE.fullmatch(parts[-1]) is not None
    if (len(parts) > 2 or elided_last) and parts[0][:1].isupper() and (parts[-1][:1].isupper() or elided_last) and all(
        p.lower() in HYPHEN_INNER_PARTICLES or ((elided_last or len(parts) > 3) and p[:1].isupper())
        for p in parts[1:-1]
    ) and (elided_last or any(p.lower() in HYPHEN_INNER_PARTICLES for p in parts[1:-1])):
        # ("Saint-Affrique-sur-Tarn", "Saint-Jean-de-Luz": capitalised parts before the particle too)
        whole[0].shape = _CAP
        return whole  # "Aix-en-Provence", "Stratford-upon-Avon", "Frankfurt-am-Main", "Villeneuve-d'Ascq"
    if len(parts) == 2 and parts[0].lower() in _HYPHEN_PARTICLES and parts[1][:1].isupper():
        whole[0].shape = _CAP
        return whole
    capitalised = all(p[:1].isupper() for p in parts)
    if capitalised and len(parts) == 2 and (
        (nouns_capitalised and _shape(parts[0]) == _ACRONYM) or _title_compound(parts[0], parts[1])
    ):
        pass  # "SPD-Chefin", "GDL-Streik", "Nordwerk-Vorstandschefin": a name, then what it is or does
    elif capitalised:
        if _place_strength(_norm(raw), raw):
            return whole
        strengths = [0 if p[1:].islower() and _is_common_word(_norm(p)) else _place_strength(_norm(p), p)
                     for p in parts]
        if max(strengths) < 3:
            return whole  # (a part that is a common word too is no place: "Maha-Metro", but "US-Mexico"; towns
            # that are also surnames do not split a name: "Vernon-Jackson", "Austin-Lincoln" are people)
    toks = []
    offset = start
    for i, part in enumerate(parts):
        is_last = i == len(parts) - 1
        toks.append(_Tok(part, offset, possessive and is_last))
        offset += len(part) + 1
    return toks


# ------------------------------------------------------------------------------------------------
# Runs of capitalised tokens


class _Span:
    """A candidate name: the tokens ``toks`` of paragraph ``par`` (whose text is ``text``). What the rules ask
    of a span again and again -- its offsets, token keys, surface text, form key, shorter names and whether it
    is shaped like a personal name -- is computed once, when it is made."""

    __slots__ = ("par", "text", "toks", "start", "end", "surface", "keys", "form", "partials", "person_shaped",
                 "initial", "headline", "title_before", "nickname", "defined", "group", "key", "affiliation")

    @cython.locals(t=_Tok, first=_Tok, last=_Tok)
    def __init__(self, par: int, text: str, toks: list[_Tok], initial: bool, headline: bool) -> None:
        self.par = par
        self.text = text
        self.toks = toks
        first, last = toks[0], toks[-1]
        self.start = start = first.start
        self.end = end = last.end
        self.surface = surface = text[start:end]  # the text as written, a possessive left out
        if len(toks) == 1:  # most names: one word, which has no shorter name and is no personal name's shape
            key = first.key
            self.keys = (key,)
            self.partials: tuple[tuple[str, ...], ...] = ()
            self.person_shaped = False
            self.form = _one_word_form_key(key, surface)  # the grouping key of its form
        else:
            self.keys = keys = tuple([t.key for t in toks])
            # the shorter names it can be called by (_partials) and its shape (_person_shaped)
            self.partials, self.person_shaped = _name_shape(tuple([(t.key, t.shape) for t in toks]))
            if "," in surface and self.partials:  # "Ministerium für Arbeit, Soziales und Gesundheit"
                self.partials = _before_listed_fields(keys, self.partials)
            self.form = _form_key(keys, surface)
        self.initial = initial
        self.headline = headline
        self.title_before = False
        self.nickname = False
        self.defined = False  # named in a definition: "X (Y)", "X, alias Y"
        self.affiliation = False  # a party or employer in brackets after a person: "Claudia Ortiz (Vamos)"
        self.group = ""
        self.key = ""  # the form key, once the span is one of the entities' mentions (_Groups.add)

    @property
    def end_with_possessive(self) -> int:
        last = self.toks[-1]
        if not last.possessive:
            return last.end
        return last.end + (1 if self.text[last.end + 1 : last.end + 2] == " " else 2)  # "Residents' (", "X's ("


#: The joiners of an official name that may go on with a list of its fields ("Ministerium für Soziales, Arbeit und
#: Gesundheit", "Instituto de Hidrología, Meteorología y Estudios Ambientales", "Department for Culture, Media and
#: Sport").
_LIST_NAME_JOINERS = frozenset("fur for of de".split())  # (keys: "für" is "fur")


def _before_listed_fields(keys: tuple[str, ...], partials: tuple[tuple[str, ...], ...]) -> tuple[tuple[str, ...], ...]:
    """The shorter names of a name with a comma in it that are words before its first list joiner: the fields
    after it ("Arbeit, Soziales und Gesundheit") are what the body is for, never a shorter name of it, so a
    later "Gesundheit" alone is the common noun, not the ministry."""
    joiner = 1
    while joiner < len(keys) and keys[joiner] not in _LIST_NAME_JOINERS:
        joiner += 1
    if joiner == len(keys):
        return partials
    head = keys[:joiner]
    kept = []
    for sub in partials:
        n = len(sub)
        for i in range(joiner - n + 1):
            if head[i : i + n] == sub:
                kept.append(sub)
                break
    return tuple(kept)


_NAME_SHAPES = frozenset({_CAP, _ACRONYM})
#: The most words a name can have (a longer run is a list or a shouting paragraph).
_MAX_NAME_TOKENS = 8


def _is_name_token(tok: _Tok) -> bool:
    return tok.shape in _NAME_SHAPES


@cython.locals(prev=_Tok)
def _can_join_headed(prev: _Tok, *, alone: bool = True) -> bool:
    """ "of"/"for"/"on" may join two names only after a head noun (Embassy of, Bank of, Port of, National
    Institutes of) or a title, or after a common word that is the whole name so far ("Chamber of Commerce") --
    not after a personal name ("Alan Greaves of the University of Kent")."""
    key = prev.key
    if prev.shape != _CAP:
        return False
    if key in _ORG_HEADS or key in _PLACE_HEADS or key in _TITLES:
        return True
    if key.endswith("s") and (key[:-1] in _ORG_HEADS or key[:-1] in _PLACE_HEADS):
        return True
    return alone and _is_common_word(key)


@cython.locals(tok=_Tok, last=_Tok, nxt=_Tok, t=_Tok)
def _runs(toks: list[_Tok], cues: LanguageCues | None = None) -> list[list[_Tok]]:
    """Maximal runs of name tokens separated by single spaces, with their joiners.

    Joiners: up to two name particles ("de", "van der", "de la"), "of"/"for"/"on" (and "of the") after a head
    noun, and "and" inside an organisation's or a country's name; "und" after a suspended compound
    ("Industrie- und Handelskammer"). A genitive article of ``cues`` (German "der") joins only after an
    organisation's head noun ("Institut der deutschen Wirtschaft", not "Ende der Koalition"). A possessive, a
    dotted acronym, a sentence start or any punctuation ends a run.
    """
    genitives = cues.genitive_articles if cues is not None else frozenset()
    runs: list[list[_Tok]] = []
    i, n = 0, len(toks)
    while i < n:
        tok = toks[i]
        if tok.shape not in _NAME_SHAPES:
            i += 1
            continue
        run = [tok]
        j = i + 1
        while j < n:
            last = run[-1]
            if last.possessive or last.dotted:
                if last.possessive and _possessive_name(
                    last, toks[j], toks[j + 1 : j + 3], saint=len(run) > 1 and run[-2].key in _SAINTS
                ):
                    run.append(toks[j])  # "King's Fund", "Plymouth Coroner's Court"
                    j += 1
                    continue
                break
            nxt = toks[j]
            if not nxt.joined or nxt.initial:
                break
            if nxt.shape in _NAME_SHAPES:
                run.append(nxt)
                j += 1
                continue
            if _joins_number(last, nxt, toks[j + 1] if j + 1 < n else None):
                run.append(nxt)  # "Barrio 18", "Apollo 11"
                j += 1
                if j < n and toks[j].joined and _model_word(toks[j]):
                    run.append(toks[j])  # "Buds 4 Pro"
                    j += 1
                    if j < n and toks[j].joined and toks[j].shape == _NUMBER and toks[j].text.isdigit() and len(
                        toks[j].text
                    ) <= 2 and toks[j - 1].key in MODEL_GENERATIONS:
                        run.append(toks[j])  # "Snapdragon 7s Gen 4"
                        j += 1
                break
            k = j
            joiners: list[_Tok] = []
            while k < n and len(joiners) < 2 and toks[k].shape == _LOWER and toks[k].joined:  # (joiners only)
                joiners.append(toks[k])
                k += 1
            if not joiners or k >= n or not _is_name_token(toks[k]) or not toks[k].joined or toks[k].initial:
                break
            keys = [t.key for t in joiners]
            if genitives and keys[0] in genitives and not (
                last.key in _ORG_HEADS or (cues is not None and _org_word(last.key, cues.org_endings))
            ):
                break  # "Streik der GDL", "Ende der Koalition"
            if genitives and keys[0] in cues.articles and keys[0] not in genitives:
                break  # "das Gericht den Anwalt": no genitive, two things
            if keys[0] in _HEADED_JOINER_KEYS and ((len(keys) > 1 and keys[1] not in _ROMANCE_ARTICLE_KEYS) or not (
                (last.key in _ORG_HEADS and keys[0] not in _FACILITY_JOINERS)
                or (cues is not None and _org_word(last.key, cues.org_endings) and keys[0] not in _FACILITY_JOINERS)
                or (cues is not None and keys[0] in _FACILITY_JOINERS and last.key.endswith(cues.facility_endings))
            )):
                break  # "Bundesagentur für Arbeit", "Freibad am Stadtwald"; not "Geld für Werften", "Kritik am Bund"
            if keys[0] in ROMANCE_OF and (
                (toks[k].key in _ORG_HEADS and not any(t.key in _ORG_HEADS for t in run))
                or (cues is not None and last.shape == _ACRONYM and cues.is_title(last.key))
            ):
                break  # "Agentes de la Policía Nacional", "Consejería de Economía de la Junta", "PDG de la SNCF"
            if "&" in keys:
                if keys != ["&"]:
                    break
            elif "and" in keys:
                if keys != ["and"] or not _and_joins(run, toks, k):
                    break
            elif keys in (["y"], ["e"]) and (
                (run[0].key in _PLACE_HEADS or run[0].key in _ORG_HEADS)
                and (toks[k].key in _PLACE_HEADS or toks[k].key in _ORG_HEADS)  # "Plaza Once y Estación Castelar"
            ):
                break
            elif keys in (["y"], ["e"]) and (
                _two_places(run, toks, k) or last.shape == _ACRONYM or toks[k].shape == _ACRONYM
            ):
                break  # "Estados Unidos y Japón", "PP y Vox" (but "Ortega y Gasset"; see extract._conjunction_split)
            elif keys[0] in _CONJUNCTIONS_OR_IN and len(keys) > 1:
                break  # "La Comisión Europea y el Fondo", "Felipe VI en el Palacio" (but "Desaparecidos en Honduras")
            elif any(key in _CONNECTOR_HEADED for key in keys):
                if keys[0] == "the" or not _can_join_headed(last, alone=len(run) == 1 or (
                    len(run) == 2 and run[0].key in ORG_FIRST_WORDS  # "Federated Farmers of Otago"
                )) or (
                    len(keys) == 2 and keys[1] != "the"
                ):
                    break
            run.extend(joiners)
            run.append(toks[k])
            j = k + 1
        runs.append(run)
        i = j
    return runs


#: Articles after a headed joiner ("Unión por la Patria", "Alliance pour le climat").
_ROMANCE_ARTICLE_KEYS = frozenset({"el", "la", "los", "las", "le", "les"})
#: Joiners that are a conjunction or "in" when another joiner (an article) follows.
_CONJUNCTIONS_OR_IN = frozenset({"y", "e", "en"})


def _org_word(key: str, endings: tuple[str, ...]) -> bool:
    """Whether a word ends with an organisation's ending, also in the genitive ("Verband", "Verbandes",
    "Instituts")."""
    return key.endswith(endings) or (key.endswith("s") and key[:-2 if key.endswith("es") else -1].endswith(endings))


#: Keys of "St", "St." and "Saint" before a saint's name.
_SAINTS = frozenset({"st", "saint"})
#: An apostrophe alone after a saint's name ending in s ("St Thomas' Hospital"), before a space.
_S_APOSTROPHES = ("' ", "’ ")


@cython.locals(last=_Tok, nxt=_Tok, tok=_Tok)
def _possessive_name(last: _Tok, nxt: _Tok, after: Sequence[_Tok] = (), *, saint: bool = False) -> bool:
    """ "King's Fund", "Coroner's Court", "Queen's Medical Centre", "St Mary's Church": a common word's (or a
    saint's, ``saint``) possessive before a head noun (right after it, or after one or two capitalised words) is
    part of one name (but "Bukele's Government" is Bukele's). Before an institution's head noun right after it
    any possessive that is no place is ("Alzheimer's Society"; "Britain's Trust" is Britain's)."""
    plural = nxt.start == last.end + 2 and last.text[-1:] == "s"  # "Residents' Welfare Forum", "Farmers' Union"
    if not ((nxt.start == last.end + 3 or plural) and nxt.shape == _CAP and not nxt.initial and last.shape == _CAP):
        return False
    if plural and not saint and not _is_common_word(last.key):
        return False
    if not (saint or _is_common_word(last.key)):
        return (nxt.start == last.end + 3 and nxt.key in _POSSESSIVE_INSTITUTION_HEADS
                and not _place_strength(last.key, last.text))
    if nxt.key in _ORG_HEADS or nxt.key in _PLACE_HEADS:
        return True
    for tok in after[:2]:
        if not (tok.joined and tok.shape == _CAP and not tok.initial):
            return False
        if tok.key in _ORG_HEADS or tok.key in _PLACE_HEADS:
            return True
    return False


@cython.locals(last=_Tok, number=_Tok, after=_Tok)
def _joins_number(last: _Tok, number: _Tok, after: _Tok | None) -> bool:
    """A short number ends a name after a capitalised word ("Barrio 18") but never a date ("May 5") nor a
    score's first number ("Tessa Morrow 6-1": a number right after it, past one hyphen or dash)."""
    return (
        number.shape == _NUMBER
        and (number.text.isdigit() or _MODEL_NUMBER_RE.fullmatch(number.text) is not None)
        and len(number.text) <= 3
        and not (after is not None and after.shape == _NUMBER and after.start == number.end + 1)
        and (last.shape == _CAP or (last.shape == _ACRONYM and (last.joined or "&" in last.text)))  # "Fire HD 8",
        # "the S&P 500" (but not "the UN 75 years ago")
        and not last.possessive
        and not _month_or_day(last.key)
        and (after is None or not after.joined or not _is_name_token(after) or _model_word(after))
    )


@cython.locals(tok=_Tok)
def _model_word(tok: _Tok) -> bool:
    """A model's word after a product's number ("Buds 4 Pro", "Pixel 9 Pro")."""
    return tok.shape == _CAP and tok.key in PRODUCT_MODELS


def _two_places(run: list[_Tok], toks: list[_Tok], k: int) -> bool:
    """Whether a run and the name token ``toks[k]`` after its "y" / "e" are both places (run: from its start)."""
    start = len(run)
    while start and run[start - 1].shape != _LOWER:  # back from the end to the last joiner: a long run is read once
        start -= 1
    first = run[start:]
    before = _place_strength(" ".join(t.key for t in first), " ".join(t.text for t in first))
    return bool(before) and bool(_place_strength(toks[k].key, toks[k].text))


def _and_joins(run: list[_Tok], toks: list[_Tok], k: int) -> bool:
    """Whether "X and Y" is one name: "Department of Health and Human Services", "Securities and Exchange
    Commission", "Bosnia and Herzegovina" -- but not "Crook and Bukele"."""
    segment = []
    while k < len(toks) and _is_name_token(toks[k]) and (not segment or toks[k].joined):
        segment.append(toks[k])
        if toks[k].possessive or toks[k].dotted:
            break
        k += 1
    if not segment:
        return False
    keys = [t.key for t in run] + ["and"] + [t.key for t in segment]
    if _places().strength.get(" ".join(keys), 0) >= 4:
        return True
    if len(run) > 1 and len(segment) > 1 and run[-1].key in _ORG_HEADS and segment[-1].key in _ORG_HEADS and not (
        run[-1].key[-1:] == "s" and all(t.shape == _CAP and _is_common_word(t.key) for t in segment)
    ):
        return False  # "Oak Park Elementary and North High School": two names, each with its head noun (but a
        # plural field before common words: "Tennessee Health Services and Development Agency")
    common_segment = all(t.shape == _CAP and _is_common_word(t.key) for t in segment)
    headed = any(
        t.key in _CONNECTOR_HEADED and idx > 0 and run[idx - 1].key in _ORG_HEADS for idx, t in enumerate(run)
    )
    if headed and common_segment:
        return True
    the = len(run) - 1
    while the > 0 and not (run[the].key == "the" and run[the].shape == _LOWER):
        the -= 1
    own = run[the + 1 :] if the > 0 else run[1:] if run[0].key == "the" else run  # "Councillors on the Strategic
    # Policy", "The Mysuru Flood Response": the name after "the"
    common_run = all(t.shape == _CAP and _is_common_word(t.key) for t in own)
    if common_run and segment[-1].key in _ORG_HEADS:
        return True
    if not common_segment or len(own) + len(segment) > (6 if segment[-1].key in _ORG_HEADS else 5) or (
        run[-1].shape != _CAP or not _is_common_word(run[-1].key)
    ):
        return False
    # "Nottinghamshire Fire and Rescue Service" (common words ending with a head noun), "Colorado Parks and
    # Wildlife" (a place's common words)
    return segment[-1].key in _ORG_HEADS or (
        len(own) >= 2 and _place_strength(own[0].key, own[0].text) >= 4
        and all(t.shape == _CAP and _is_common_word(t.key) for t in own[1:])
    )


def _is_headline(kind: str, toks: list[_Tok], stats: _TokenStats) -> bool:
    """Titles and headings, and paragraphs written in headline case or in capitals.

    Headline case: at least three capitalised words, half of them (and at least two) common words ("Could
    Expose", "Gang Talks"), and no lower-case word but the short ones headlines keep in lower case ("of", "to").
    """
    if kind in ("title", "heading"):
        return True
    if kind == "byline" or stats.words < 3 or stats.words > 40 or stats.lower_other > stats.words // 20:
        return False
    capitalised = [t for t in toks if t.shape in (_CAP, _ACRONYM) and t.key.rstrip(".") not in _TITLES]
    if len(capitalised) < 3:
        return False
    common = sum(1 for t in capitalised if _is_common_word(t.key) or t.key in _stopwords())
    return common >= 2 and common * 2 >= len(capitalised)


def _month_or_day(key: str) -> bool:
    return key in _MONTHS_AND_DAYS


def _is_label(tok: _Tok, stops: frozenset[str]) -> bool:
    """An all-capitals common word ("SEE", "ALSO", "UPDATE", "READ"): a label, not an acronym."""
    return tok.shape == _ACRONYM and _label_word(tok.key, tok.text, stops)


def _label_word(key: str, text: str, stops: frozenset[str]) -> bool:
    """A common word, not a place (what makes an all-capitals word a label)."""
    return text.isalpha() and (key in stops or _is_common_word(key)) and not _place_strength(key, text)


@lru_cache(maxsize=1 << 14)
def _one_word_acceptable(key: str, text: str, shape: int, defined: bool, stops: frozenset[str],
                         cues: LanguageCues = CUES["en"]) -> bool:
    """:meth:`_Extractor._acceptable` for a one-word span: no lone stopword, title, month, head noun, demonym,
    direction, label or single letter (the same answer for every mention of one spelling)."""
    if not key or not (len(text) >= 2 and text.isalnum()) and sum(1 for c in text if c.isalnum()) < 2:
        return False
    if text in AP_STATES:  # a state's or province's abbreviation, with its period ("Que.", not "que")
        return True
    if _month_or_day(key) or cues.is_title(key) or (key in _ORG_HEADS and shape != _ACRONYM):
        return False
    if shape == _ACRONYM:
        return bool(_place_strength(key, text)) or defined or not _label_word(key, text, stops)
    return not (key in stops or _is_demonym(key) or key in _DIRECTIONS)


@cython.locals(t=_Tok)
def _trim(run: list[_Tok], stops: frozenset[str], *, headline: bool = False, cues: LanguageCues = CUES["en"]
          ) -> list[tuple[list[_Tok], bool]]:
    """Cut a run into candidate spans: labels, months and weekdays out; "The", titles and suffixes stripped, and
    what stands before a title its own candidate ("Port Authority Director Maria Lindqvist").

    Returns (tokens, title_before) pairs. In headline-case paragraphs labels stay: the headline pass keeps only
    confirmed names anyway. The rules read only the words' keys, shapes and spellings, so the cut is worked out
    once per sequence of words (:func:`_trim_plan`) and applied to the run's tokens.
    """
    words = tuple([(t.key, t.shape, t.text) for t in run])
    return [(run[start:end], title) for start, end, title in _trim_plan(words, stops, headline, cues)]


class _Word(NamedTuple):
    """What :func:`_trim_words` reads of a token."""

    key: str
    shape: int
    text: str


@lru_cache(maxsize=1 << 14)
def _trim_plan(words: tuple[tuple[str, int, str], ...], stops: frozenset[str], headline: bool,
               cues: LanguageCues = CUES["en"]) -> tuple[tuple[int, int, bool], ...]:
    """:func:`_trim_words` of a sequence of (key, shape, text) words, as (start, end, title_before) slices."""
    run = [_Word(*word) for word in words]
    position = {id(word): i for i, word in enumerate(run)}
    out = []
    for piece, title in _trim_words(run, stops, headline=headline, cues=cues):
        start = position[id(piece[0])]  # every piece is a slice of the run
        out.append((start, start + len(piece), title))
    return tuple(out)


def _trim_words(run: list, stops: frozenset[str], *, headline: bool = False, cues: LanguageCues = CUES["en"]
                ) -> list[tuple[list, bool]]:
    """:func:`_trim` of a run of words (tokens, or anything with their key, shape and text)."""
    if len(run) == 1:  # most runs: one word, kept unless it is a month or a weekday
        return [] if run[0].key in _MONTHS_AND_DAYS or run[0].key in cues.dates else [(run, False)]
    pieces: list[list[_Tok]] = []
    current: list[_Tok] = []
    labels = 0 if headline else sum(1 for t in run if t.shape == _ACRONYM and _is_label(t, stops))
    for idx, tok in enumerate(run):
        drop = False
        if not headline and tok.shape == _ACRONYM and _is_label(tok, stops) and labels >= 2:
            drop = True
        elif tok.key in _MONTHS or tok.key in _WEEKDAYS:
            drop = not (tok.key in _NAME_MONTHS and idx > 0 and run[idx - 1].shape == _CAP)
        elif tok.key in cues.dates:
            drop = True  # "Ende Juli", "el lunes"
        elif (tok.key in _MONTH_ABBREVIATIONS or tok.key in _WEEKDAY_ABBREVIATIONS) and len(run) == 1:
            drop = True
        if drop:
            if current:
                pieces.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        pieces.append(current)
    out = []
    for piece in pieces:
        piece = _strip_lower_edges(piece)
        while len(piece) > 1 and piece[0].key in cues.articles:
            piece = _strip_lower_edges(piece[1:])
        if not piece:
            continue
        before, rest, title = _split_title(piece, cues)
        before = _strip_lower_edges(before)
        if before:
            out.append((before, BEFORE_TITLE))  # "US Attorney General Merrick Garland" mentions the US
        rest = _strip_lower_edges(rest)
        if rest:
            out.append((rest, title))
    return out


def _strip_lower_edges(piece: list[_Tok]) -> list[_Tok]:
    """Joiners cannot begin or end a name."""
    start, end = 0, len(piece)
    while start < end and piece[start].shape == _LOWER:
        start += 1
    while end > start and piece[end - 1].shape == _LOWER:
        end -= 1
    return piece[start:end]


#: The second value of a piece of :func:`_trim` for the name that stands before a title ("Boulder County" of
#: "Boulder County Sheriff Curtis Nolan"); the others are True (a title before) and False.
BEFORE_TITLE = "before a title"


#: Endings of a Spanish office's name whose key is a title's ("Secretaría Distrital de Ambiente", not the
#: "secretaria", a person).
_INSTITUTION_ENDINGS = ("ría", "RÍA")


def _split_title(piece: list, cues: LanguageCues) -> tuple[list, list, bool]:
    """(what stands before the title, the name, whether a title or suffix went with it).

    "Salvadoran President Nayib Bukele" -> ([], "Nayib Bukele", True); "Treasury Secretary Daniel R. Oduya" ->
    ("Treasury", "Daniel R. Oduya", True): the organisation or place named before a title is a name of its own;
    "US Attorney General Merrick Garland" -> ("US", "Merrick Garland", True); "Tom Ashby MP" -> ([], "Tom
    Ashby", True); "Justice Department" stays. A title block starts at a title, or at the run's first word with
    a demonym, a country or a portfolio ("Foreign Minister"), and may be joined by "of" ("Secretary of State").
    An ambiguous title ("General", "Chief") is stripped only before a personal name.
    """
    end = len(piece)
    while end > 1 and piece[end - 1].key in cues.suffixes and piece[end - 1].shape != _LOWER:
        end -= 1
    core = piece[:end]
    of = _title_of(core, cues)
    if of:  # "Chief Executive Officer of Acme Robotics": the organisation, and the person after it if any
        named, person = _named_then_person(core[of + 1 :])
        return (named, person, True) if person else ([], named, False)
    for start in range(len(core) - 1):
        tok = core[start]
        if not cues.is_title(tok.key) and start:
            continue
        if tok.text.endswith(_INSTITUTION_ENDINGS):
            continue  # Spanish "Secretaría" (an office) is no "secretaria" (a secretary)
        if start and tok.key in MODEL_GENERATIONS and core[start - 1].shape == _NUMBER:
            continue  # "Snapdragon 7s Gen 4": a model's generation, not a general
        rest = _after_title(core, start, cues)
        if rest is None:
            continue
        if start == 0:
            place_first = _place_strength(tok.key, tok.text) >= 4 and len(rest) < len(core) - 1
            return (core[:1] if place_first else []), rest, True
        before = core[:start]
        while before and (cues.is_title(before[-1].key) or (
            before[-1].key in cues.title_modifiers and before[-1].key not in _ORG_HEADS
            and before[-1].key not in _PLACE_HEADS
        ) or before[-1].shape == _LOWER):
            before = before[:-1]
        if len(before) == 1 and _is_demonym(before[0].key) and not _place_strength(before[0].key, before[0].text):
            before = []  # "Cornish MP Harriet Lusk": what the member is, no name
        return before, rest, True
    return [], core, end < len(piece)


def _title_of(core: list, cues: LanguageCues) -> int:
    """Where "of" follows a title block at the start of ``core`` and an organisation's name follows it ("Chief
    Executive Officer of Acme Robotics", "Managing Director of Northwind Logistics", but "Secretary of State
    Antony Blinken" goes on with a title); else 0."""
    if len(core) < 3:
        return 0
    titled = False
    for idx in range(len(core) - 1):
        tok = core[idx]
        if idx and tok.key == "of" and tok.shape == _LOWER:
            after = core[idx + 1]
            if not titled or after.key in cues.title_modifiers or cues.is_title(after.key):
                return 0
            return idx if any(t.key in _ORG_HEADS for t in core[idx + 1 :]) or cues.is_title(core[idx - 1].key) else 0
        if cues.is_title(tok.key):
            titled = True
        elif tok.key not in cues.title_modifiers:
            return 0
    return 0


def _named_then_person(after: list) -> tuple[list, list]:
    """What follows "Title of": a place or an organisation, then maybe a personal name ("Mayor of London Sadiq
    Khan", "Chief Executive of Acme Robotics Jane Doe"): (the place or organisation, the person or [])."""
    n = len(after)
    for k in range(min(3, n - 2), 0, -1):
        head = after[:k]
        if _place_strength(" ".join(t.key for t in head), " ".join(t.text for t in head)) >= 2:
            rest = after[k:]
            return (head, rest) if len(rest) <= 3 and _name_like(rest) else (after, [])
    for k in range(n - 2):
        if after[k].key in _ORG_HEADS:
            rest = after[k + 1 :]
            if len(rest) <= 3 and _name_like(rest) and not any(t.key in _ORG_HEADS for t in rest):
                return after[: k + 1], rest
    rest = after[-2:]  # "Mayor of Dunmore Ailsa Brodie": a place the gazetteer lacks, then a two-word name
    if n >= 3 and _name_like(rest) and not any(t.key in _ORG_HEADS or t.key in _PLACE_HEADS for t in after):
        return after[:-2], rest
    return after, []


def _after_title(piece: list, start: int, cues: LanguageCues) -> list | None:
    """The personal name after the title block that starts at ``start``, or None when there is none."""
    last_title, strict = -1, False
    idx, n = start, len(piece)
    while idx < n - 1:
        tok = piece[idx]
        key = tok.key
        if cues.is_title(key):
            last_title, strict = idx, key not in cues.ambiguous_titles or tok.text.endswith(".")
        elif key in SECOND_TITLE_WORDS and last_title == idx - 1 >= start:
            last_title = idx  # "Det Con"
        elif key == "of" and last_title == idx - 1 and idx + 2 < n and piece[idx + 1].key in cues.title_modifiers:
            last_title = idx + 1
            idx += 2
            continue
        elif not (key in cues.title_modifiers or _is_demonym(key)
                  or (idx == start == 0 and _place_strength(key, tok.text) >= 4)):
            break
        idx += 1
    if last_title < 0:
        return None
    if piece[last_title + 1].shape == _LOWER and piece[last_title + 1].key in ROMANCE_OF:
        return None  # "Confederación General del Trabajo", "PDG de la SNCF": what the title is of, no person
    rest = _strip_lower_edges(piece[last_title + 1 :])
    if not rest or any(t.key in _ORG_HEADS or t.key in _PLACE_HEADS for t in rest):
        return None
    if all(t.key in _GENERATION_SUFFIXES for t in rest):  # "Martin Luther King Jr."
        return None
    if not strict and not _name_like(rest) and not (
        len(rest) == 1 and piece[last_title].key in KIN_HONORIFICS and _is_given_name(rest[0].key)
    ):  # ("Aunty Rosemary": a kin honorific before a first name)
        return None
    if not strict and _place_strength(" ".join(t.key for t in piece[start:]), " ".join(t.text for t in piece[start:])) >= 2:
        return None  # "Saint Helena", "General Santos": an ambiguous title that begins a place's name
    return rest


_GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_like(toks: Sequence[_Tok]) -> bool:
    """Could be a personal name: capitalised, not a stopword first, not all common words at both ends."""
    return _name_like_signature(_signature(toks))


@lru_cache(maxsize=1 << 14)
def _name_like_signature(sig: _Signature) -> bool:
    words = [(k, shape) for k, shape in sig if k not in _CONNECTOR_PARTICLES]
    if not words or any(shape != _CAP for _, shape in words):
        return False
    while len(words) > 2 and len(words[0][0]) == 1:
        words = words[1:]  # an initial first ("S. Lakshmi Narayana", "K. Darius Penhallow"): the names after it
    first, last = words[0][0], words[-1][0]
    if first in GIVEN_NAME_WORDS and len(words) > 1:
        return True  # "Bill Gates", "Will Smith": a given name that is also a common word (or stopword)
    if first in _stopwords():
        return False
    return not (_is_common_word(first) and _is_common_word(last))


# ------------------------------------------------------------------------------------------------
# Known names: exact forms and the parts of longer names


def _form_key(keys: Sequence[str], surface: str) -> str:
    """The grouping key of a form: its normalised text, country spellings unified."""
    if len(keys) == 1:
        return _one_word_form_key(keys[0], surface)
    key = " ".join(keys) if all(keys) else " ".join(k for k in keys if k)
    places = _places()
    if key in places.canonical and _place_strength(key, surface):
        return places.canonical[key]
    return key


@lru_cache(maxsize=1 << 16)
def _one_word_form_key(key: str, surface: str) -> str:
    """:func:`_form_key` of a form of one word (most forms), once per process for each spelling."""
    if surface in AP_STATES:  # "Colo." is Colorado
        return _norm(AP_STATES[surface])
    places = _places()
    if key in places.canonical and _place_strength(key, surface):
        return places.canonical[key]
    return key


_Signature = tuple[tuple[str, int], ...]  # (key, shape) of each token: all the name rules look at


def _signature(toks: Sequence[_Tok]) -> _Signature:
    return tuple((t.key, t.shape) for t in toks)


@lru_cache(maxsize=1 << 14)
def _person_shaped_signature(sig: _Signature) -> bool:
    words = [(k, shape) for k, shape in sig if k not in _CONNECTOR_PARTICLES]
    return (
        2 <= len(words) <= 4
        and not any(k in _CONNECTOR_HEADED or k in _AND for k, _ in sig)
        and not any(k in _ORG_HEADS or k in _PLACE_HEADS or k in _DIRECTIONS for k, _ in words)
        and _name_like_signature(tuple(words))
        and not _places().strength.get(" ".join(k for k, _ in sig))
    )


@lru_cache(maxsize=1 << 14)
def _name_shape(sig: _Signature) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """The shorter names of a name of two or more words, and whether it is shaped like a personal name."""
    return _partials_signature(sig), _person_shaped_signature(sig)


def _given_city(i: int, j: int, keys: tuple[str, ...], places: dict[str, int]) -> bool:
    """ "Sofia" of "Sofia Ruiz": a city's name is a personal name's given name when it is the name's first word
    and the surname is neither a common word nor a place (not "Houston Rockets", "Toronto Star")."""
    return i == 0 and j == 1 and len(keys) == 2 and not places.get(keys[1]) and not _is_common_word(keys[1])


@lru_cache(maxsize=1 << 14)
def _partials_signature(sig: _Signature) -> tuple[tuple[str, ...], ...]:
    """Shorter names a longer name can be called by: "Bukele" and "Nayib" for "Nayib Bukele", "van der Berg"
    for "Elena van der Berg", "Justice Department" and "Department" for "US Justice Department".

    Never the part after "of" ("El Salvador" in "Embassy of El Salvador"), a stopword, title, demonym or
    direction alone, a head noun alone unless it ends the name; a country, state or city of 100,000 people
    only as the surname of a personal name ("Valencia" for "Ricardo Valencia", never "New York" for "New
    York Times"), a city also as its given name (:func:`_given_city`).
    """
    keys = tuple(k for k, _ in sig)
    places = _places().strength
    if len(keys) < 2 or len(keys) > _MAX_NAME_TOKENS or places.get(" ".join(keys)):
        return ()
    head: list[str] = []
    # an organisation named by its head noun first ("Junta de Andalucía", "Confederación Hidrográfica del
    # Guadalquivir"): what follows "de" at its end is what it is of, never a shorter name of it
    of_head = keys[0] in _ORG_HEADS
    for k in keys:
        if k in _CONNECTOR_HEADED or k in _AND:
            break
        head.append(k)
    stops = _stopwords()
    person = _person_shaped_signature(sig)
    out = []
    n = len(head)
    # "Ashdown District Council", "Franklin County Commission": the place before a place head is a name of its own
    # (and so is "Franklin County"), never a shorter name of the organisation
    place_head = next((p for p in range(1, n - 1) if head[p] in _PLACE_HEADS), -1) if not person else -1
    for i in range(n):
        for j in range(i + 1, n + 1):
            sub = tuple(head[i:j])
            if sub == keys or sub[-1] in _CONNECTOR_PARTICLES or (i == 0 and j <= place_head + 1):
                continue
            if sub[0] in _CONNECTOR_PARTICLES and not (person and j == n):
                continue
            if of_head and i and j == n and head[i - 1] in ROMANCE_OF:
                continue
            if len(sub) == 1:
                k = sub[0]
                if k in MODEL_WORDS:
                    continue  # "Pro" of "Buds 4 Pro" names nothing alone
                if k in _ORG_HEADS or k in _PLACE_HEADS:
                    # a head noun alone names the organisation it ends ("the Council"), or that it opens ("la
                    # Junta" of "Junta de Andalucía")
                    if (j != n and not (of_head and i == 0)) or k in _PLACE_HEADS:
                        continue
                elif (k in stops or k in _TITLES or k in _DIRECTIONS or _month_or_day(k) or len(k) < 2
                        or _is_demonym(k)):
                    continue
            if keys[-1] in MODEL_WORDS and j < n and any(k.isdigit() for k in sub):
                continue  # "Buds 3" is another model than "Galaxy Buds 3 Pro"
            if i == 0 and j == 1 and (keys[-1] in MODEL_WORDS or (n >= 3 and any(k.isdigit() for k in keys))):
                continue  # the maker of "zenko Buds 4 Pro", "zenko Studio": a name of its own
            level = places.get(" ".join(sub), 0)
            if level >= 2 and not (person and level < 4 and (j == n or _given_city(i, j, keys, places))) and not (
                level < 4 and all(k in CLUB_AFFIXES for k in keys[:i] + keys[j:])
            ):
                continue  # (but "Sevilla" of "Sevilla FC", a club)
            out.append(sub)
    return tuple(out)
