"""Typing: person / organisation / place scores of an entity from its forms (gazetteer, head noun, shape) and
the words around its mentions.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analysis import native
from analysis.models import EntityType
from analysis.nlp.entities.candidates import (
    _ACRONYM,
    _Span,
    _Tok,
)
from analysis.nlp.entities.cues import (
    _AND,
    _CONNECTOR_HEADED,
    _DIRECTIONS,
    _MEMBERSHIP,
    _ORG_AFTER_WORDS,
    _ORG_HEADS,
    _ORG_NOUN_WORDS,
    _ORG_NOUNS,
    _PERSON_AFTER_WORDS,
    _PERSON_ROLES,
    _PLACE_HEADS,
    _PLACE_ONLY_PREPOSITIONS,
    _PLACE_PREPOSITIONS,
    _SPEECH_VERBS,
    AP_STATES,
    ORG_FIRST_WORDS,
    PARTY_NAMES,
    _STAFF,
    _STAFF_PREPOSITIONS,
    _alternation,
    CLUB_AFFIXES,
    EVENT_HEADS,
    LOWER_HEADS_OF_TOWNS,
    NOUNS_CAPITALISED,
    ROMANCE_ARTICLES,
    ROMANCE_OF,
    LanguageCues,
    _key,
    cues_for,
)
from analysis.nlp.entities.lexicon import (
    _is_common_word,
    _is_common_word_of,
    _is_demonym,
    _is_given_name,
    _is_dictionary_word,
    _norm,
    _place_strength,
)

if native.COMPILING:  # (never in Python) the compiled build's declarations: see typing.pxd
    import cython
else:
    from analysis.native import cython_declarations as cython

#: (A word's "[\w-]++" gives nothing back: what may follow it, "’s" or white space, is none of its characters; the
#: same matches as "+", without trying every shorter word first.)
_PERSON_APPOSITION_RE = re.compile(
    r"^\s*,\s*(?:who\b|whose\b|(?:a|an|the|his|her)?\s*(?:[\w-]++[’']s\s+)?(?:[\w-]++\s+){0,2}?"
    rf"{_alternation(_PERSON_ROLES)}s?\b(?![’']))",
    re.I,
)
_ORG_APPOSITION_RE = re.compile(
    rf"^\s*,\s*(?:which\b|(?:a|an|the|its)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alternation(_ORG_NOUNS)}|think\s+tank)"
    r"(?=[\s,.;:)]))",
    re.I,
)
#: The word right after a mention: a person's verb ("Valencia said") or an organisation's noun ("MS13 leaders").
#: The two lists share no word, so one match says which.
_AFTER_RE = re.compile(
    rf"\s+(?:(?P<person>(?:{_alternation(_PERSON_AFTER_WORDS)}|was\s+born)\b)|{_alternation(_ORG_AFTER_WORDS)}\b)"
)
#: The words _AFTER_RE starts with: it can match only where the word after the mention is one of them.
_AFTER_FIRST_WORDS = frozenset(_PERSON_AFTER_WORDS) | frozenset(_ORG_AFTER_WORDS) | {"was"}
#: ", Texas" / ", Mexico" after a name: the name is a place in that state or country.
_PLACE_AFTER_RE = re.compile(r"^,\s+([^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*)?)")

_FEATURE_WINDOW = 40
_ORG_VERBS = frozenset("sells makes employs manufactures operates owns acquired hires shipped reported".split())


@cython.locals(sp=_Span)
def _entity_type(spans: list[_Span], name: str, nicknames: set[str], *, english: bool = True,
                 language: str = "en") -> EntityType:
    """Score person / organisation / place cues over an entity's forms and mentions.

    Every cue is a multiple of 0.25, so the sums are exact whatever their order. Outside English the words
    around a mention are also read in the article's language (its titles, speech verbs and organisation nouns
    in :data:`cues.CUES`), and a name shaped like a person's must not start with a common word of that language
    ("Nuevas Ideas", "Policía Nacional", "Deutsche Bahn" are no people)."""
    score = {"person": 0.0, "organisation": 0.0, "place": 0.0}
    seen_forms: set[str] = set()
    name_key = _norm(name)
    cues = None if english else cues_for(language)
    name_keys = name_key.split()
    given = name_keys[0] if len(name_keys) == 2 else None
    for sp in spans:
        surface = sp.surface
        if surface not in seen_forms:
            seen_forms.add(surface)
            weight = 1.0 if _norm(surface) == name_key else 0.5
            # "Sofia" of "Sofia Ruiz": a given name, whatever city has that name
            given_name = weight < 1 and len(sp.toks) == 1 and sp.keys[0] == given
            _form_cues(sp, weight, score, sp.key in nicknames, english=english, language=language,
                       given_name=given_name)
        if sp.title_before:
            score["person"] += 3
        if sp.affiliation:
            score["organisation"] += 2  # a party or employer in brackets after a person
        _context_cues(sp, score)
        if cues is not None:
            _language_cues(sp, score, cues)
    if len(name_keys) > 1 and name_keys[0] in EVENT_HEADS:
        return "other"  # "Storm Dara", "Hurricane Otis": an event
    # (every product shape has a space or a digit, which no name of letters alone has)
    if not name.isalpha() and _may_be_product(name) and _PRODUCT_RE.search(name) and score["place"] < 3:
        return "other"  # a product and its model: "Pixel 8a", "LarkPhone 3", "AirPods Pro 2", "Snapdragon 8s Gen 3"
    # max(("place", "organisation", "person"), key=score.__getitem__), written out: on a tie, the first
    best, top = "place", score["place"]
    if score["organisation"] > top:
        best, top = "organisation", score["organisation"]
    if score["person"] > top:
        best, top = "person", score["person"]
    return best if top >= 1.5 else "other"  # type: ignore[return-value]


#: The shape of a product's name: a model number with its letter ("Pixel 8a"), a model word at the end ("AirPods Pro",
#: "iPad mini", "Pod 3 Pro 2"), a generation ("Gen 3"), or a coined name ("LarkPhone", "iPhone") before a number.
_PRODUCT_RE = re.compile(
    r"(?:^|\s)\d{1,2}[aceis](?:\s|$)|\s(?:Pro|Max|Ultra|Lite|Plus|mini|Mini)(?:\s\d{1,2})?$|\sGen\s\d{1,2}$"
    r"|^(?:[a-z]{1,6}[A-Z]|[A-Z][a-z]{2,}[A-Z])\w*\s(?:\w+\s)?\d{1,3}\b"
)


#: What every name _PRODUCT_RE finds something in ends with, when it has no digit ("AirPods Pro"; "$" also matches
#: before a final line break).
_MODEL_WORD_ENDINGS = tuple(
    w + end for w in ("Pro", "Max", "Ultra", "Lite", "Plus", "mini", "Mini") for end in ("", "\n")
)


@cython.locals(name=str, c=cython.Py_UCS4)
def _may_be_product(name: str) -> bool:
    """Whether _PRODUCT_RE may find something in ``name``: every shape it knows has a digit (``\\d``, a Unicode
    decimal) or ends with a model word. Most names have neither, and this costs far less than the search."""
    if name.endswith(_MODEL_WORD_ENDINGS):
        return True
    for c in name:
        if c.isdecimal():
            return True
    return False


@cython.locals(text=str, start=cython.Py_ssize_t, end=cython.Py_ssize_t, at=cython.Py_ssize_t, c=cython.Py_UCS4)
def _word_at(text: str, start: int, end: int) -> str:
    """The word characters (``\\w``: letters, digits, "_") of ``text`` from ``start`` on, up to ``end`` at most."""
    if end > len(text):
        end = len(text)
    at = start
    while at < end:
        c = text[at]
        if not (c.isalnum() or c == "_"):
            break
        at += 1
    return text[start:at]


#: The words before a mention that say something (see _context_cues); after any other word nothing is read.
_CUE_WORDS_BEFORE = (
    _SPEECH_VERBS | _STAFF_PREPOSITIONS | _ORG_NOUN_WORDS | _PLACE_PREPOSITIONS | {"to", "of", "the"}
)


@cython.locals(sp=_Span, last_tok=_Tok, text=str, start=cython.Py_ssize_t, lo=cython.Py_ssize_t,
                space=cython.Py_ssize_t, end=cython.Py_ssize_t)
def _context_cues(sp: _Span, score: dict[str, float]) -> None:
    """Cues from the words around one mention: "said X", "X, who", "members of X", "in X", "X, Texas"."""
    text, start = sp.text, sp.start
    if start > 1 and text[start - 1] == " ":
        # the word right before decides whether the few words before are read: when it is a plain word between
        # two spaces it is the last word of the window, found without lower-casing and splitting the window
        lo = start - _FEATURE_WINDOW if start > _FEATURE_WINDOW else 0
        space = text.rfind(" ", lo, start - 1)
        word = text[space + 1 : start - 1]
        if space < 0 or not word.isalpha() or word.lower() in _CUE_WORDS_BEFORE:
            # the few words right before, nearest last
            words = text[lo:start].lower().rsplit(None, 3)[-3:]
            if words and words[-1] in _CUE_WORDS_BEFORE:
                _cues_before(words, score)
    last_tok = sp.toks[-1]
    if last_tok.possessive:
        return
    end = last_tok.end
    mark = text[end : end + 1]
    if mark == ",":
        after = text[end : end + _FEATURE_WINDOW]
        if _PERSON_APPOSITION_RE.match(after):
            score["person"] += 2
        elif _ORG_APPOSITION_RE.match(after):
            score["organisation"] += 2
        place_after = _PLACE_AFTER_RE.match(after)
        if place_after and _place_strength(_norm(place_after.group(1)), place_after.group(1)) >= 4:
            score["place"] += 2  # "Austin, Texas"
    elif mark == " " and text[end + 1 : end + 2].islower() and _word_at(
        text, end + 1, end + _FEATURE_WINDOW
    ) in _AFTER_FIRST_WORDS:  # (elsewhere _AFTER_RE cannot match: looked up rather than tried)
        word_after = _AFTER_RE.match(text, end, end + _FEATURE_WINDOW)
        if word_after:
            if word_after.group("person"):
                score["person"] += 1.5
            else:  # a company's verb says more than a noun ("Keyloft sells" / "MS13 leaders")
                score["organisation"] += 1.5 if word_after.group().split()[-1] in _ORG_VERBS else 1


_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)\s+$")
_WORD_AFTER_RE = re.compile(r"\s+(?:(?:a|ha|hat|hatte|habría|avait)\s+)?([^\W\d_]+)")


@cython.locals(sp=_Span, last=_Tok)
def _language_cues(sp: _Span, score: dict[str, float], cues: LanguageCues) -> None:
    """Cues in the article's language: a title or speech verb right before ("el presidente X", "afirmó X"), a
    speech verb right after ("X dijo", "X a déclaré", "X sagte"), an organisation noun right before ("el diario
    X", "le quotidien X")."""
    text, start = sp.text, sp.start
    before = _WORD_BEFORE_RE.search(text, max(0, start - _FEATURE_WINDOW), start)
    if before:
        word = _key(before.group(1))
        if word in cues.titles or word in cues.speech_verbs:
            score["person"] += 2
        elif word in cues.org_nouns:
            score["organisation"] += 2
        elif word in cues.place_words:
            score["place"] += 1.5
        elif word in ROMANCE_OF:
            member = _WORD_BEFORE_RE.search(text, max(0, before.start() - _FEATURE_WINDOW), before.start())
            if member and _key(member.group(1)) in cues.members:
                score["organisation"] += 2  # "el candidato de Arena", "les militants de X"
    last = sp.toks[-1]
    if not last.possessive:
        after = _WORD_AFTER_RE.match(text, last.end, last.end + _FEATURE_WINDOW)
        if after and _key(after.group(1)) in cues.speech_verbs:
            score["person"] += 1  # alone not enough: "la ministra de Transición Ecológica explicó"


def _cues_before(words: list[str], score: dict[str, float]) -> None:
    """Cues from the (up to) three lower-cased words before a mention, nearest last."""
    last = words[-1]
    prev = words[-2] if len(words) > 1 else ""
    if last in _SPEECH_VERBS:
        score["person"] += 2
    elif last == "to" and prev == "according":
        score["person"] += 1
    core, core_prev = (prev, words[-3] if len(words) > 2 else "") if last == "the" else (last, prev)
    if (
        (core == "of" and core_prev in _MEMBERSHIP)
        or (core in _STAFF_PREPOSITIONS and core_prev in _STAFF)
        or last in _ORG_NOUN_WORDS
    ):
        score["organisation"] += 2
    if last == "the":
        score["organisation"] += 0.5
        score["person"] -= 0.5
    if core in _PLACE_PREPOSITIONS:
        score["place"] += 1.5 if core in _PLACE_ONLY_PREPOSITIONS and last != "the" else 1


@cython.locals(sp=_Span)
def _form_cues(sp: _Span, weight: float, score: dict[str, float], nickname: bool, *, english: bool = True,
               language: str = "en", given_name: bool = False) -> None:
    """Cues from one form of the entity (its words, gazetteer, head noun, shape), ``weight`` 1 for the name;
    a ``given_name`` (the first word of a two-word name, alone) is no place."""
    toks = sp.toks
    acronym = toks[0].shape == _ACRONYM if len(toks) == 1 else all(t.shape == _ACRONYM for t in toks)
    place, organisation, is_place = _form_scores(sp.keys, sp.surface, acronym)
    if given_name:
        place = 0.0
    if not english and organisation < 3 and any(
        k.endswith(ending) for k in sp.keys for ending in cues_for(language).org_endings
    ):
        organisation += 3  # "Bundeskartellamt", "Lokführergewerkschaft GDL"
    score["place"] += place * weight
    score["organisation"] += organisation * weight
    if not nickname and not is_place and sp.person_shaped and (english or _foreign_person_shaped(sp, language)) \
            and _place_strength(sp.keys[-1], toks[-1].text) < 4:  # "Greenpeace Africa", "NHS England"
        score["person"] += 1.5 * weight
    if nickname and not acronym:
        score["person"] += 1.0


def _foreign_person_shaped(sp: _Span, language: str) -> bool:
    """A name shaped like a person's in another language: its first word is no common word of the language, and
    where every noun is capitalised, its last word is none of the language's words ("Florian Wirtz", not
    "Ende Juli" or "Milliarden Euro")."""
    toks = sp.toks
    if _is_common_word_of(toks[0].text, language):
        return False
    return language not in NOUNS_CAPITALISED or not _is_dictionary_word(toks[-1].text, language)


#: Lower-case heads of streets and squares ("route de Berne", "calle de Alcalá"): places.
_TOWN_HEAD_KEYS = frozenset(_norm(word) for word in LOWER_HEADS_OF_TOWNS if word != "académie")


@lru_cache(maxsize=1 << 14)
def _form_scores(keys: tuple[str, ...], surface: str, acronym: bool) -> tuple[float, float, bool]:
    """(place score, organisation score, is a gazetteer place) of a form, before its weight."""
    place = 4 if surface in AP_STATES else _place_strength(" ".join(keys), surface)
    if acronym and place <= 2 and len(surface) <= 4:
        place = 0  # an acronym, not a small town of that name ("UN")
    place_score = max(place, 1.5) if place else 0.0
    organisation = 0.0
    head = []
    for k in keys:
        if k in _CONNECTOR_HEADED or k in _AND:
            break
        head.append(k)
    # the head noun: the last word ("Port of Rotterdam Authority"), else the last before "of" ("Embassy of")
    last = keys[-1] if keys[-1] in _ORG_HEADS or keys[-1] in _PLACE_HEADS else head[-1] if head else ""
    if last in _ORG_HEADS or (last[-1:] == "s" and last[:-1] in _ORG_HEADS) or (
        len(keys) > 1 and (keys[0] in _ORG_HEADS or keys[0] in CLUB_AFFIXES)
    ):
        # "Banco de España", "Policía Nacional", "SC Paderborn"
        organisation += 3
    elif last in _PLACE_HEADS or (len(keys) > 1 and keys[0] in _TOWN_HEAD_KEYS):
        place_score += 3  # "Abbey Road", "la route de Berne", "la place de la Gare"
    elif any(k in _ORG_HEADS for k in head[:-1]):
        organisation += 1.5
    elif any(k in _PLACE_HEADS for k in head[:-1]):
        place_score += 1.5
    if len(head) > 1 and head[0] in _DIRECTIONS and _place_strength(" ".join(head[1:]), surface):
        place_score += 3
    if head and keys[0] == head[0] and len(keys) > len(head) and keys[0] in ("district", "province", "state"):
        place_score += 2
    if (not organisation and not place_score and len(keys) == 2 and _place_strength(keys[1], keys[1]) >= 4 and (
            (keys[0] in ORG_FIRST_WORDS and keys[0] not in _DIRECTIONS)
            or (surface[:2].isupper() and (first := surface.split(" ", 1)[0]).isupper()
                and not _place_strength(keys[0], first))
    )):
        organisation += 3  # "Historic England", "NHS England", "Reform UK": an adjective or an acronym before a country
    if (not organisation and not place_score and 1 < len(keys) <= 3 and (
            keys[0] in ORG_FIRST_WORDS or (_is_demonym(keys[0]) and not _is_given_name(keys[0])))
            and all(_is_common_word(k) and not _is_given_name(k) for k in keys[1:])):
        organisation += 3  # "Royal Mail", "British Gas", "Southern Water", "Standard Chartered": an adjective, nouns
    if (acronym or _ACRONYM_LIKE_RE.fullmatch(surface)) and not place:
        organisation += 2  # "UN", "AfD", "SUD-Rail", "Groupama-FDJ"
    elif len(keys) == 2 and keys[0] in ROMANCE_ARTICLES and not place:
        organisation += 1.5  # a paper, a league, a team: "Le Monde", "El País", "La Liga"
    if (keys[0] if len(keys) == 1 else " ".join(keys)) in PARTY_NAMES:
        organisation += 3
    return place_score, organisation, bool(place)


#: Capitals inside a short word, or an acronym joined to a word: "AfD", "BaFin", "SUD-Rail", "Groupama-FDJ".
_ACRONYM_LIKE_RE = re.compile(
    r"(?!Ma?c[A-Z])[A-Z][a-z]{0,2}[A-Z][A-Za-z]{0,2}|[A-Z]{2,}[-‐‑][A-Z][^\W\d_A-Z]+|[A-Z][^\W\d_A-Z]+[-‐‑][A-Z]{2,}"
)
