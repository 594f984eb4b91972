""":func:`extract_entities`: an article's paragraphs through the passes, in order (see the package docstring).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice

from analysis import native
from analysis.collector import collector_paused
from analysis.errors import InvalidOptionError
from analysis.models import Article
from analysis.nlp.entities.candidates import (
    _SAINTS,
    BEFORE_TITLE,
    _ACRONYM,
    _CAP,
    _COINED_RE,
    _LIST_NAME_JOINERS,
    _LOWER,
    _MAX_NAME_TOKENS,
    _NUMBER,
    LowerCaseWords,
    _form_key,
    _is_headline,
    _is_label,
    _month_or_day,
    _name_tokens,
    _one_word_acceptable,
    _paragraph_stats,
    _runs,
    _name_shape,
    _Span,
    _strip_lower_edges,
    _Tok,
    _tokens,
    _trim,
)
from analysis.nlp.entities.cues import (
    ALL_CUES,
    _CONNECTOR_PARTICLES,
    _DIRECTIONS,
    _HEADLINE_LOWER,
    _MONTHS_AND_DAYS,
    _ORG_HEADS,
    _PLACE_HEADS,
    ALIAS_ARTICLES,
    AP_STATES,
    CORPORATE_SUFFIXES,
    ELISIONS,
    EVENT_HEADS,
    INSTITUTION_ADJECTIVES,
    LOWER_NAME_ADJECTIVE_ENDINGS,
    LOWER_HEADS_OF_TOWNS,
    GIVEN_NAME_WORDS,
    PRODUCT_MODELS,
    NOUNS_CAPITALISED,
    ORG_SUFFIXES,
    CLUB_AFFIXES,
    CREDENTIALS,
    PARTY_NAMES,
    LOWER_HEADS,
    _alternation,
    ROMANCE_ARTICLES,
    ROMANCE_OF,
    MUNICIPALITY_NOUNS,
    KIN_HONORIFICS,
    ORG_FIRST_WORDS,
    TABLE_LABELS,
    cues_for,
)
from analysis.nlp.entities.grouping import (
    _ALIAS_NEAR_RE,
    _ALIAS_TRIGGER_LONG_RE,
    _ALIAS_TRIGGER_RE,
    _CLOSING_QUOTE_RE,
    _PAREN_CLOSE_RE,
    _PAREN_OPEN_RE,
    _PLACE_ARTICLE_BEFORE_RE,
    _TRAILING_HEAD_RE,
    _Groups,
    _Lookup,
)
from analysis.nlp.entities.lexicon import (
    _is_common_word,
    _is_common_word_of,
    _is_demonym,
    _is_dictionary_word,
    _given_names,
    _is_inflected_noun,
    _norm,
    _is_given_name,
    _place_strength,
    _places,
    _stopwords,
    _weak_words,
)
from analysis.nlp.entities.tables import (
    EntityResult,
)

if native.COMPILING:  # (never in Python) the compiled build's declarations: see extract.pxd
    import cython
else:
    from analysis.native import cython_declarations as cython

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
    with collector_paused():  # tokens and spans by the hundred thousand on a long article: see analysis.collector
        return _Extractor(article, include_boilerplate).run()


@cython.locals(text=str, after=cython.Py_ssize_t, at=cython.Py_ssize_t, n=cython.Py_ssize_t,
                spaces=cython.Py_ssize_t, words=cython.Py_ssize_t, most=cython.Py_ssize_t, start=cython.Py_ssize_t,
                c=cython.Py_UCS4)
def _definition_near(text: str, after: int, romance: bool) -> bool:
    """Whether _DEFINITION_NEAR_RE matches ``text`` at ``after`` (_DEFINITION_NEAR_ROMANCE_RE when ``romance``),
    read character by character: a comma or a parenthesis after white space (or none), or after white space and
    one to four lower-case words each after white space (nine in French or Spanish, with apostrophes, and hyphens
    after the first), then maybe white space. Each word is as long as it goes (the expressions' "++") and so is
    white space, so there is one way to read the text, and the answer is the expression's
    (tests/test_entities.py compares them)."""
    n = len(text)
    at = spaces = after
    while at < n and text[at].isspace():
        at += 1
    if at < n and (text[at] == "," or text[at] == "("):
        return True
    most = 9 if romance else 4
    words = 0
    while True:
        if at == spaces or at >= n:
            return False  # no white space before the next word, or nothing after it
        start = at
        while at < n:
            c = text[at]
            if not ("a" <= c <= "z" or "ß" <= c <= "ö" or "ø" <= c <= "ÿ" or (
                romance and (c == "'" or c == "’" or (words and c == "-"))
            )):
                break
            at += 1
        if at == start:
            return False  # no lower-case word here
        words += 1
        spaces = at
        while at < n and text[at].isspace():
            at += 1
        if at < n and (text[at] == "," or text[at] == "("):
            return True
        if words == most:
            return False


@cython.locals(text=str, at=cython.Py_ssize_t, n=cython.Py_ssize_t)
def _mark_after(text: str, at: int) -> str:
    """The first character of ``text`` from ``at`` on that is no white space (``\\s``), or "" at the end."""
    n = len(text)
    while at < n and text[at].isspace():
        at += 1
    return text[at : at + 1]


class _Extractor:
    def __init__(self, article: Article, include_boilerplate: bool) -> None:
        self.article = article
        self.paragraphs = article.analysed_paragraphs(include_boilerplate=include_boilerplate)
        self.texts = {p.index: p.text for p in self.paragraphs}
        # The rules are written for English; in another language its stopwords are weak words too, and a
        # capitalised pair of words is no evidence of a person (Spanish capitalises "Transición Ecológica").
        self.english = article.language in ("en", "und", "")
        self.stops = _stopwords() if self.english else _weak_words(article.language)
        self.cues = cues_for(article.language)
        # German capitalises every noun: a capitalised dictionary word alone is a name only when confirmed
        self.nouns_capitalised = article.language in NOUNS_CAPITALISED
        self.elisions = ELISIONS.get(article.language, ())
        heads = LOWER_HEADS.get(article.language)
        self.lower_heads = heads and re.compile(
            r"(?:^|(?<=[\s(«“'’]))(%s)(?: (des|du|del|de la|de) | (d['’]|de l['’])| )$" % "|".join(sorted(heads))
        )  # "le musée des Beaux-Arts", "la ligne B", "le musée d'Orsay"
        adjectives = INSTITUTION_ADJECTIVES.get(article.language)
        self.institution_adjectives = adjectives and re.compile(
            r" (%s)\b(?: (%s)\b)?" % ("|".join(sorted(adjectives)), "|".join(sorted(adjectives)))
        )  # "l'Éducation nationale", "la Banque centrale européenne"
        endings = LOWER_NAME_ADJECTIVE_ENDINGS.get(article.language)
        self.lower_fields = endings and _lower_fields_re(endings)  # "l'Office fédéral des transports"
        self.capitals: set[int] = set()  # paragraphs written mostly in capitals
        self.sentence_case: set[int] = set()  # titles and headings written in sentence case
        self.tables: set[int] = set()  # results tables, whose row labels are names ("Grüne 24,1 %")
        self.repeated_starts: set[str] = set()  # forms of runs that start two sentences or more (see _resolve)
        self.single_keys: set[str] | None = None  # words written alone as a name (see _single_keys)
        self.all_spans: list[_Span] = []

    # -- pass A: tokens, runs, definitions --------------------------------------------------------

    def written_in_lower_case(self, word: str) -> bool:
        """Whether the article (any paragraph) writes ``word`` as a lower-case word: evidence that it is no name.
        Asked about a few capitalised words only, each answer found once."""
        if self.lower_words is None:  # paragraphs joined by a line break, which no word crosses
            self.lower_words = LowerCaseWords("\n".join(p.text for p in self.article.paragraphs))
        return word in self.lower_words

    def named_in_clutter(self, word: str) -> bool:
        """Whether a caption, credit or other block left out of the analysis writes ``word`` capitalised right
        after a comma or a lower-case word that is no stopword ("with his labrador, Bailey, at the lake"):
        evidence that it is a name when the body writes it only at sentence starts. The blocks are read once,
        when first asked."""
        if self.clutter_names is None:
            analysed = {p.index for p in self.paragraphs}
            text = "\n".join(p.text for p in self.article.paragraphs if p.index not in analysed)
            self.clutter_names = frozenset(
                name for before, comma, name in _NAME_AFTER_LOWER_RE.findall(text) if comma or before not in self.stops
            )  # "labrador, Bailey", "labrador Bailey"; not "more about Climate Change"
        return word in self.clutter_names

    def acronyms_after_the(self) -> frozenset[str]:
        """The all-capital words the article writes after a lower-case "the" ("the DUP", "the WHO"): an
        organisation's letters, never a label ("SEE ALSO", "UPDATE"), even when they spell a common word. Found once,
        when first asked."""
        if self.the_acronyms is None:
            self.the_acronyms = frozenset(
                m for p in self.paragraphs if "he " in p.text for m in re.compile(_THE_ACRONYM_PATTERN).findall(p.text))  # (also "The DUP" at a sentence start)
        return self.the_acronyms

    @cython.locals(tok=_Tok, last=_Tok, span=_Span, s=_Span, sp=_Span)
    def run(self) -> EntityResult:
        self.lower_words: LowerCaseWords | None = None
        self.clutter_names: frozenset[str] | None = None
        self.the_acronyms: frozenset[str] | None = None
        spans: list[_Span] = []
        self.links: list[tuple[_Span, _Span]] = []
        # an ambiguous title before a surname alone ("Dean Marlow"), and the title words the article also uses
        # alone as a person's name ("Dean said"): there the title word is the given name
        titled: list[tuple[_Span, _Tok]] = []
        title_given: set[str] = set()
        # "X and Y" names a venue once ("the Horse and Jockey pub"), then is written without its noun
        venues = frozenset(name for p in self.paragraphs for name in _venues(p.text)) if self.english else frozenset()
        english, cues, stops = self.english, self.cues, self.stops
        ambiguous_titles, dates = cues.ambiguous_titles, cues.dates
        for p in self.paragraphs:
            index, text = p.index, p.text
            toks = _name_tokens(text, nouns_capitalised=self.nouns_capitalised, elisions=self.elisions)
            headline, sentence_case, table, capitals = _paragraph_reading(p.kind, text, toks)
            if sentence_case:
                self.sentence_case.add(index)  # "Colorado releases five more wolves on the Western Slope"
            if table:
                self.tables.add(index)
            if capitals:
                self.capitals.add(index)
            par_spans = []
            dotted = False  # a run ends with a dotted acronym (U.S., K.T.)
            suffixed = False  # a run is a company's suffix (", Inc.") or ends with a camel-cased name ("iPad")
            for run in _runs(toks, cues):
                last = run[-1]
                dotted = dotted or last.dotted
                if (len(run) == 1 and last.key in CORPORATE_SUFFIXES) or last.text[0].islower():
                    suffixed = True
                if table:
                    run = _table_label(run, cells=text[:1] == "|")
                    if not run:
                        continue
                if len(run) == 1:  # most runs: one word, what _trim keeps unless it is a month or a weekday
                    tok = run[0]
                    key = tok.key
                    if key not in _MONTHS_AND_DAYS and (english or not (key in dates or self._portfolio(text, tok))):
                        # (a table's cell of one common word is a column's label, "| Home | Score |", unless the
                        # article names it elsewhere: read like a headline)
                        par_spans.append(_Span(index, text, run, tok.initial, headline or (
                            table and tok.shape == _CAP and text[:1] == "|" and _is_common_word(key))))
                        if key in ambiguous_titles and _given_name_use(text, tok):
                            title_given.add(key)  # "Dean said": a title word alone is no one's title
                    continue
                if self.elisions and len(run) > 2 and run[1].shape == _CAP and run[1].joined and _ELIDED_AFTER_WORD_RE.match(
                    text, max(0, run[0].start - 4), run[0].start
                ) and _is_given_name(run[1].key):  # "la conseillère d'État Claire Roux": "d'État" ends the title
                    if not _is_common_word_of(run[0].text, self.article.language):  # ("directeur d'Airbus X": a name)
                        par_spans.append(_Span(index, text, run[:1], run[0].initial, headline))
                    run = run[1:]
                    run[0].joined = False
                    elided_title = True
                else:
                    elided_title = False
                # a run longer than any name (a list, a shouting paragraph) is read like a headline
                run_headline = headline or len(run) > _MAX_NAME_TOKENS
                pieces = _trim(run, stops, headline=run_headline, cues=cues)
                if run_headline and not headline and any(title for _, title in pieces) and all(
                    len(piece) <= _MAX_NAME_TOKENS // 2 + 1 for piece, _ in pieces
                ):  # a long run that a title cuts into names ("Chief Executive Officer of Granite Peak Materials
                    # Dana Ruiz") is read as names, not as a shouting paragraph
                    run_headline = False
                    pieces = _trim(run, self.stops, headline=False, cues=self.cues)
                for piece, title in pieces:
                    if not self.english and len(piece) >= 3 and self._descriptor_first(text, piece):
                        piece, title = piece[1:], True  # "le Slovène Tadej Pogačar"
                    elif self.english and len(piece) >= 5 and piece[1].key == "for" and piece[0].key in _SEAT_HOLDERS and (
                        _seat_split(text, piece[2:], after_for=True)
                    ):  # "Member for Dubbo Kate Lin" at a sentence's start
                        seat = _seat_split(text, piece[2:], after_for=True) + 2
                        par_spans.append(_Span(index, text, piece[2:seat], False, run_headline))
                        piece = piece[seat:]
                        piece[0].joined = False
                        title = True
                    elif self.english and len(piece) >= 3 and piece[0].shape == _CAP and not piece[0].initial and (
                        text.endswith(_TITLE_FOR_ENDINGS, 0, piece[0].start)
                        and _TITLE_FOR_BEFORE_RE.search(text, max(0, piece[0].start - 30), piece[0].start)
                    ):
                        seat = _seat_split(text, piece)  # "Member for Dubbo Kate Lin": a seat, then its member
                        if seat:
                            par_spans.append(_Span(index, text, piece[:seat], False, run_headline))
                            piece = piece[seat:]
                            piece[0].joined = False
                            title = True
                        else:
                            piece = self._without_portfolio(text, piece)  # "Minister for Health Mary Byrne"
                    elif self.nouns_capitalised and len(piece) >= 2 and self._noun_first(piece):
                        piece = piece[1:]  # "das Land Niedersachsen", "an den Standorten Bremen"
                    # two or more capitalised words before a title are a name even at a sentence's start
                    initial = piece[0].initial and not (title == BEFORE_TITLE and len(piece) > 1)
                    # a whole quotation of capitalised words («Operación Tinta») is read like a headline: only
                    # the names known elsewhere in it count, never its words without the first
                    quoted = initial and len(piece) > 1 and _quoted(text, piece[0].start, piece[-1].end)
                    span = _Span(index, text, piece, initial=initial and not quoted, headline=run_headline or quoted)
                    span.title_before = title is True or (elided_title and piece[0] is run[0])
                    if title is True and not run_headline and len(piece) == 1:
                        before = run.index(piece[0]) - 1
                        if before >= 0 and run[before].key in self.cues.ambiguous_titles and (
                            not run[before].text.endswith(".")
                        ):
                            titled.append((span, run[before]))  # "Dean Marlow": a title or a given name
                    par_spans.append(span)
            if par_spans and "(" in text[:_DATELINE_MAX]:
                tag = _DATELINE_TAG_RE.match(text)
                if tag:  # "ROTTERDAM, March 4 (Reuters) -": the agency's tag is no mention
                    par_spans = [sp for sp in par_spans if not tag.start(1) <= sp.start < tag.end(1)]
            if dotted and not headline:
                par_spans = self._after_dotted(par_spans)
            if suffixed:
                par_spans = _with_suffixes(par_spans)
            if any(len(sp.toks) > 2 and sp.toks[0].shape == _ACRONYM for sp in par_spans):
                par_spans = _acronym_then_person(par_spans, cues)  # "le député CSV Jos Wirtgen"
            if self.english and " & " in text and ", " in text:
                par_spans = _partners_listed(par_spans, stops)  # "Lowell, Pruitt & Haynes Partners"
            if self.institution_adjectives is not None and not headline:
                par_spans = [self._with_adjectives(sp) for sp in par_spans]
            if self.lower_fields is not None and (not headline or sentence_case):
                par_spans = self._with_lower_fields(text, par_spans)
            if self.lower_heads is not None and (not headline or sentence_case):  # (after the adjectives: "le ministère de la
                # Sécurité publique")
                par_spans = [piece for sp in par_spans for piece in self._with_lower_head(sp)]
            if not self.english and " et d" in text and len(par_spans) > 1:
                par_spans = _fields_joined(text, par_spans)  # "le ministère de la Santé et des Services sociaux"
            if venues and not headline and " and " in text:
                par_spans = _venue_names(index, text, toks, par_spans, venues)
            # a quotation mark after a word and a space, before a capital: where a nickname may stand (every
            # match of _NICKNAME_INSIDE_RE has one)
            quoted_capital = _QUOTED_CAPITAL_RE.search(text) if (
                " “" in text or ' "' in text or " ‘" in text or " '" in text
            ) else None  # (its quotation mark follows a space: most paragraphs have none, found faster so)
            if "“" in text or "‘" in text or '"' in text:
                par_spans = _quoted_titles(index, text, toks, par_spans)
                if self.english and quoted_capital:
                    par_spans = self._nicknames_inside(index, text, toks, par_spans)
            if quoted_capital:
                par_spans = self._nickname_inside(index, text, toks, par_spans)
            if not headline:
                self._definitions(index, text, par_spans)
            spans.extend(par_spans)
        self.title_given = frozenset(title_given)
        if title_given:
            if titled:
                spans = _given_names_back(spans, titled, title_given)
            for s in spans:  # "Major Pell" kept whole (Pell is a common word too): a person's name all the same
                if 1 < len(s.toks) < 4 and s.toks[0].key in title_given and s.toks[0].shape == _CAP:
                    s.title_before = True
        spans = _numbers_off(spans)
        spans = _kin_first_names(spans)
        spans = _conjunction_split(spans, self.stops | self.cues.place_words)
        if self.english:
            spans = self._lower_case_brands(spans)
        self.particle_endings = _particle_endings(spans)
        return self._resolve(_particles_back(spans, self.particle_endings))

    @cython.locals(s=_Span, last=_Tok, sp=_Span, inner=_Span, target=_Span)
    def _definitions(self, par: int, text: str, spans: list[_Span]) -> None:
        """Mark "X (Y)" and "X, alias “Y”" / "X, known as Y" pairs; add quoted nicknames that are no run."""
        by_start: dict[int, _Span] = {}
        known: set[int] = set()
        where: dict[int, int] = {}  # id of a span -> its place in spans
        swallowed: set[int] = set()  # ids of spans that became part of a longer name (_with_listed_words)
        added: list[_Span] = []
        romance = bool(self.elisions) or self.article.language == "es"  # (see _definition_near)
        last_mark = max(text.rfind(","), text.rfind("("))  # every definition has one of them after its name
        if last_mark < 0:
            return
        if not self.english and "(" in text and any(f" {word} " in text for word in _BRIDGE_PREPOSITIONS):
            _bridged(text, spans)  # "Servicio Nacional de Prevención y Respuesta ante Desastres (Senapred)"
        for s in spans:
            last = s.toks[-1]
            after = last.end + 2 if last.possessive else last.end
            if after > last_mark or not (_definition_near(text, after, romance) or (
                not self.english and last.key in _ORG_HEADS and len(s.toks) <= 2 and text.find("(", after, after + 90) > 0
            )):  # (a head noun's lower-case name may end with a place: "la Fédération ... de la santé du Québec (FIQ)")
                continue  # no comma or parenthesis right after the name (or after a head noun or two)
            if not by_start:  # the paragraph's first candidate definition
                by_start = {sp.start: sp for sp in spans}
                known = {id(sp) for sp in spans}
                where = {id(sp): i for i, sp in enumerate(spans)}
            # "the Houthi movement, known as ..." (white space first: else no match)
            trailing = _TRAILING_HEAD_RE.match(text, after) if text[after : after + 1].isspace() else None
            if trailing:
                after = trailing.end()
            elif not self.english and last.key in _ORG_HEADS and len(s.toks) <= 2:
                extended = _with_lower_words(s, text, after, by_start)  # "l'Office antistupéfiants (Ofast)"
                if extended is not None:
                    at = where[id(s)]
                    j = at + 1
                    while j < len(spans) and spans[j].start < extended.end:
                        swallowed.add(id(spans[j]))  # "du Québec" at the name's end
                        j += 1
                    spans[at] = s = extended
                    where[id(s)] = at
                    last = s.toks[-1]
                    after = last.end
            elif text[after : after + 1] == "," and any(t.key in _LIST_NAME_JOINERS for t in s.toks[1:-1]):
                extended = _with_listed_words(s, text, after, by_start, self.article.language)  # "Ministerium für Arbeit, Soziales und
                if extended is not None:  # Gleichstellung (MAS)": a list inside a name, up to its acronym
                    name_end = s.end
                    at = where[id(s)]
                    j = at + 1  # spans are in start order: the swallowed ones follow the name's own place
                    while j < len(spans) and spans[j].start < extended.end:
                        if spans[j].start > name_end:
                            swallowed.add(id(spans[j]))
                        j += 1
                    spans[at] = s = extended
                    where[id(s)] = at
                    after = s.end
            if _mark_after(text, after) not in (",", "("):
                continue  # what the definitions below start with (after white space): none of them here
            m = _ALIAS_TRIGGER_RE.match(text, after)
            if m is None and _ALIAS_NEAR_RE.match(text, after):
                m = _ALIAS_TRIGGER_LONG_RE.match(text, after)  # "X, the Oslo startup formerly known as Y"
            if m:
                target = self._alias_target(par, text, m, by_start)
                if target is not None and target is not s:
                    s = self._without_weak_start(s, spans, where)
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
                if inner is not None and inner is not s and _PAREN_CLOSE_RE.match(text, inner.end_with_possessive) \
                        and _affiliation(s, inner, english=self.english, language=self.article.language):
                    inner.affiliation = True  # a name even when it is also a common word ("Vamos")
                elif (inner is not None and inner is not s and _PAREN_CLOSE_RE.match(text, inner.end_with_possessive)
                        and not _affiliation(s, inner, english=self.english, language=self.article.language)):
                    s = self._without_weak_start(s, spans, where)
                    outer_surface, inner_surface = s.surface, inner.surface
                    if not _place_strength(_norm(outer_surface), outer_surface) and not _place_strength(
                        _norm(inner_surface), inner_surface
                    ) and outer_surface not in AP_STATES and not (  # "BOULDER, Colo. (KDVR)": a dateline's station
                        len(inner.toks) > 1 and _place_strength(inner.toks[-1].key, inner.toks[-1].text)
                    ):  # "in Vilsbiburg (Landkreis Landshut)": the town's district, no other name of it
                        s.defined = inner.defined = True
                        self.links.append((s, inner))
                elif inner is not None and inner is not s and text.startswith(" or ", inner.end + 1):
                    # a press release's two short names: 'Acme Health System ("AHS" or "Acme")'
                    m = re.compile(_OR_ALIAS_PATTERN).match(text, inner.end)
                    second = by_start.get(m.end()) if m else None
                    if second is not None and _PAREN_CLOSE_RE.match(text, second.end) and text[second.end] in "”\"’":
                        s = self._without_weak_start(s, spans, where)
                        s.defined = inner.defined = second.defined = True
                        self.links.append((s, inner))
                        self.links.append((s, second))
        if swallowed:
            spans[:] = [sp for sp in spans if id(sp) not in swallowed]
        if added:
            spans.extend(added)
            spans.sort(key=lambda sp: sp.start)

    def _after_dotted(self, spans: list[_Span]) -> list[_Span]:
        """A dotted acronym ends a run ("the U.S. State Department" names the US and the State Department), but
        initials go with the name after them ("K.T. Moreau"), and a country with one word that is no name alone
        ("the U.S. Treasury", "the U.S. Open")."""
        out: list[_Span] = []
        for s in spans:
            prev = out[-1] if out else None
            if (prev is not None and len(prev.toks) == 1 and prev.toks[0].dotted and s.start == prev.end + 1
                    and not s.initial and not s.title_before and s.toks[0].shape == _CAP):
                if self._joins_dotted(prev, s):
                    joined = _Span(s.par, s.text, [*prev.toks, *s.toks], initial=prev.initial, headline=False)
                    out[-1] = joined
                    continue
                key = s.toks[0].key
                if key.endswith("s") and _is_common_word(key[:-1]):
                    s.initial = True  # "in the U.S. Officials said": the period ended the sentence
            out.append(s)
        return out

    def _joins_dotted(self, dotted: _Span, s: _Span) -> bool:
        tok = dotted.toks[0]
        if _place_strength(tok.key, tok.text) >= 4:  # U.S. + one word that is not a name of its own
            word = s.toks[0]
            key = word.key
            if len(s.toks) != 1 or key in _FUNCTION_WORDS or (key.endswith("s") and _is_common_word(key[:-1])):
                return False  # "in the U.S. Officials said": a plural starts the next sentence
            return not self.written_in_lower_case(word.text.lower())
        # initials: single letters, then a name that is no organisation's or place's
        return len(tok.key) <= 3 and tok.text.count(".") == len(tok.key) and len(s.toks) <= 2 and not any(
            k in _ORG_HEADS or k in _PLACE_HEADS for k in s.keys
        )

    def _nicknames_inside(self, par: int, text: str, toks: list[_Tok], spans: list[_Span]) -> list[_Span]:
        """A nickname in quotation marks between a given name and a surname (``Robert "Bobby" Hainsworth``): one
        person, written with the nickname, and the nickname an alias of theirs."""
        out = spans
        for m in _nickname_inside_matches(text):
            given = next((t for t in toks if t.start == m.start(1)), None)
            surname = next((t for t in toks if t.start == m.start(3)), None)
            if given is None or surname is None or given.key in self.stops or self.cues.is_title(given.key):
                continue
            inside = _tokens(text, start=m.start(2), end=m.end(2))
            while inside and inside[0].key in ("the", "a", "an"):
                inside = inside[1:]
            if not inside or any(t.shape == _LOWER for t in inside):
                continue
            person = _Span(par, text, [given, surname], initial=False, headline=False)
            person.end, person.surface = surname.end, text[given.start : surname.end]
            nickname = _Span(par, text, inside, initial=False, headline=False)
            person.defined = nickname.defined = nickname.nickname = True
            self.links.append((person, nickname))
            out = [s for s in out if s.end <= given.start or s.start >= surname.end]
            out.extend((person, nickname))
        if out is not spans:
            out.sort(key=lambda s: s.start)
        return out

    def _without_weak_start(self, s: _Span, spans: list[_Span], where: dict[int, int]) -> _Span:
        """A defined name is kept as it is, so a sentence's weak first word ("Officers of the Rapid Support
        Forces, known as the RSF") is taken off it first (in ``spans`` too)."""
        if not s.initial or len(s.toks) < 2 or not (self._weak_first(s) or self._article_first(s, None)):
            return s
        rest = _strip_lower_edges(s.toks[1:])
        if not rest:
            return s
        piece = _Span(s.par, s.text, rest, initial=False, headline=False)
        piece.title_before = s.title_before
        spans[where[id(s)]] = piece
        return piece

    def _alias_target(self, par: int, text: str, m: re.Match, by_start: dict[int, _Span]) -> _Span | None:
        """The nickname after "alias" / "known as": a quoted text of up to six words, else the next name."""
        if not m.group("quote"):
            article = _ARTICLE_RE.match(text, m.end())  # "formerly the Marine Biological Association"
            return by_start.get(m.end()) or (by_start.get(article.end()) if article else None)
        close = _CLOSING_QUOTE_RE.search(text, m.end(), m.end() + 80)
        if not close:
            return None
        inner = text[m.end() : close.start()].rstrip(" ,.;:")
        start, end = m.end(), m.end() + len(inner)
        inside = _tokens(text, start=start, end=end)
        # “The Hammer” is called Hammer later, «el Notario» Notario (a capitalised “El Contador” keeps its El)
        while inside and (inside[0].key in ("the", "a", "an") or (
            inside[0].key in ALIAS_ARTICLES and inside[0].shape == _LOWER
        )):
            inside = inside[1:]
        if not inside or len(inside) > 6 or not any(c.isalpha() for c in inner):
            return None
        first = by_start.get(inside[0].start)
        if first is not None and first.end == inside[-1].end:
            return first
        return _Span(par, text, inside, initial=False, headline=False)

    # -- passes B-D -------------------------------------------------------------------------------

    @cython.locals(s=_Span, piece=_Span)
    def _resolve(self, spans: list[_Span]) -> EntityResult:
        kept: list[_Span] = []
        initial: list[_Span] = []
        headline: list[_Span] = []
        heads: list[_Span] = []
        for s in spans:
            if s.defined:
                kept.append(s)
            elif s.headline:
                for piece, named in _club_names(s):  # "Real Betis 3-2 Sevilla FC": a name, even in a headline
                    (kept if named else headline).append(piece)
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
        # runs of several words that start two sentences or more, word for word ("Historic England objected ...
        # Historic England said"): the article's evidence that the first word is part of the name
        starts: dict[str, int] = {}
        for s, is_weak in zip(initial, weak):
            if is_weak and len(s.toks) > 1:
                starts[s.form] = starts.get(s.form, 0) + 1
        self.repeated_starts = {form for form, n in starts.items() if n > 1}
        self.all_spans = spans  # (for single_keys, made when first asked)
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
                        if piece.keys[0] in self.title_given and len(piece.toks) == 1:
                            owners = lookup.surnames.get(piece.keys)  # "Dean said": Dean Marlow's given name
                            if owners:
                                self.links.append((owners[-1], piece))

        unglued = _unglued(_surname_then_name(kept))
        if unglued is not kept:  # (rare) the lookup is made again from the names cut apart
            kept = unglued
            lookup = _Lookup(kept)

        # pass C: entities from the spans kept so far
        groups = _Groups(kept, self.links, inflected=self.nouns_capitalised)

        # pass D: headline spans and lone head nouns, matched against the entities and the gazetteer
        lookup.use_groups(groups)
        for s in heads:
            label = s.toks[0].shape == _ACRONYM
            group = lookup.group_of_span(s, partial=not label)
            if group is None and self.nouns_capitalised and not label:
                group = self._inflected_group(s, lookup)  # "die Grünen" after "Grüne"
            if group is not None and len(s.toks) == 1 and s.form not in lookup.exact and _PLACE_ARTICLE_BEFORE_RE.search(
                s.text, max(0, s.start - 12), s.start
            ):  # "im Geestland" after "Geestland Kliniken gGmbH": the place itself, a name of its own
                groups.add(s)
            elif group is not None:
                s.group = group
                groups.add(s)
            elif self.lower_fields is not None and not s.initial and s.toks[0].shape == _CAP and _ARTICLE_BEFORE_RE.search(
                s.text, max(0, s.start - 4), s.start
            ):  # "la Confédération": French writes a common noun in lower case, so a capitalised one is a name
                groups.add(s)
        for s in headline:
            pieces = self._headline(s, lookup)
            if not pieces and s.par in self.sentence_case and not s.initial and self._acceptable(s) and (
                len(s.toks) > 1 or self._named_mid_sentence(s)
            ):  # a name inside a title in sentence case ("... on the Western Slope", "... leaves Balclutha farmers")
                pieces = [s]
            for piece in pieces:
                groups.add(piece)
        _apostrophe_names(groups.spans)
        return groups.result(english=self.english, language=self.article.language)

    @cython.locals(s=_Span, tok=_Tok)
    def _named_mid_sentence(self, s: _Span) -> bool:
        """Whether one capitalised word inside a title in sentence case is a name as it would be in a sentence:
        no common word of the language (a German noun is capitalised anyway), no word the article writes in lower
        case."""
        tok = s.toks[0]
        if tok.shape != _CAP or (_is_common_word(tok.key) if self.english else (
            _is_common_word_of(tok.text, self.article.language) or (self.nouns_capitalised and (
                self._plain_noun(s) or _is_dictionary_word(tok.text, self.article.language)))  # (a title has no
        )):  # sentence around its nouns: "... nach Unfall still")
            return False
        return not self.written_in_lower_case(tok.text.lower())

    @cython.locals(s=_Span, tok=_Tok)
    def _needs_confirmation(self, s: _Span) -> bool:
        """A lone head noun ("the Commission") or a capitalised common word ("WHO", "UPDATE")."""
        if len(s.toks) != 1 or s.defined or s.affiliation:
            return False
        tok = s.toks[0]
        if tok.shape == _CAP:
            return tok.key in _ORG_HEADS or (self.nouns_capitalised and self._plain_noun(s))
        return tok.shape == _ACRONYM and _is_label(tok, self.stops) and not (
            self.english and (tok.text in self.acronyms_after_the() or self._role_after(s))
        )  # ("the DUP", "DUP leader X": an organisation's letters, see acronyms_after_the and _role_after)

    def _role_after(self, s: _Span) -> bool:
        """Whether one or two lower-case words after a one-word span, the last a title or a leader's word, come
        before a capitalised word: "DUP group leader Sarah Gray", "ACT spokesman X" (an organisation's member)."""
        if not self.english:
            return False
        role = re.compile(_ROLE_AFTER_PATTERN).match(s.text, s.end)
        return role is not None and any(
            word is not None and (self.cues.is_title(word) or word in _LEADERS) for word in role.groups())

    def _without_portfolio(self, text: str, piece: list[_Tok]) -> list[_Tok]:
        """A minister's portfolio after a title and "for"/"of", before a person's name, is no part of the name:
        "Minister for Health Mary Byrne", "Secretary of State for Foreign Affairs Aoife Nic Shane" (the portfolio's
        common words, up to a given name, with two or more words left for the name)."""
        m = _TITLE_FOR_BEFORE_RE.search(text, max(0, piece[0].start - 30), piece[0].start)
        if m is None or not self.cues.is_title(_norm(m.group(1))):
            return piece
        k = 0
        while k < len(piece) - 2 and piece[k].shape == _CAP and _is_common_word(piece[k].key) and not (
            _is_given_name(piece[k].key)
        ):
            k += 1
        rest = piece[k:]
        if k == 0 or not (_is_given_name(rest[0].key) or not _is_common_word(rest[0].key)) or any(
            (t.shape != _CAP and t.key not in _NAME_PARTICLES) or t.possessive for t in rest
        ) or rest[-1].key in _ORG_HEADS:
            return piece  # "the director of Public Works & Utilities", "the coach of St Agnes' Swimming Club": no
            # person after the portfolio
        return rest

    def _descriptor_first(self, text: str, piece: list[_Tok]) -> bool:
        """In French or Spanish, a capitalised common word after an article before a personal name is what the
        person is, not their name: "le Slovène Tadej Pogačar", "la Française Anne Roux" (demonyms written as
        nouns are capitalised)."""
        first, given = piece[0], piece[1]
        if first.shape != _CAP or given.shape != _CAP or piece[-1].shape != _CAP or first.initial:
            return False
        if not _DESCRIPTOR_ARTICLE_RE.search(text, max(0, first.start - 4), first.start):
            return False
        language = self.article.language
        return (_is_common_word_of(first.text, language) and not _is_common_word_of(given.text, language)
                and _name_shape(tuple([(t.key, t.shape) for t in piece[1:]]))[1])

    @cython.locals(s=_Span, tok=_Tok, nxt=_Span)
    def _lower_case_brands(self, spans: list[_Span]) -> list[_Span]:
        """A brand written in lower case ("zenko"): a word that no dictionary knows, right before a capitalised name
        ("the zenko Buds 4 Pro") and written at least twice. It goes with the names after it and is a name alone."""
        brands: set[str] = set()
        seen: set[str] = set()
        for s in spans:
            text, start = s.text, s.start
            if start < 5 or not text[start - 2].islower() or s.headline:
                continue
            word = text[text.rfind(" ", start - 24 if start > 24 else 0, start - 1) + 1 : start - 1]
            if word in seen:
                continue
            seen.add(word)
            if (len(word) > 3 and word.isalpha() and word.islower() and word not in self.stops
                    and word not in _NAME_PARTICLES and not _is_common_word(word)
                    and not any(_is_dictionary_word(word, lang) for lang in ("en", "fr", "de", "es"))):
                brands.add(word)
        if not brands:
            return spans
        brand_re = re.compile(r"(?<![\w'’-])(%s)(?![\w'’-])" % "|".join(map(re.escape, sorted(brands))))
        found: dict[str, list[tuple[int, int]]] = {}
        for p in self.paragraphs:
            for m in brand_re.finditer(p.text):
                found.setdefault(m.group(1), []).append((p.index, m.start()))
        brands = {b for b, where in found.items() if len(where) >= 2}
        if not brands:
            return spans
        starts = {(s.par, s.start): s for s in spans}
        out = [s for s in spans]
        for brand in brands:
            for par, at in found[brand]:
                text = self.texts[par]
                tok = _Tok(brand, at, shape=_CAP)
                nxt = starts.get((par, at + len(brand) + 1))
                if nxt is not None and text[at + len(brand)] == " ":
                    nxt.toks[0].joined = True
                    joined = _Span(par, text, [tok, *nxt.toks], initial=False, headline=nxt.headline)
                    joined.title_before = nxt.title_before
                    out[out.index(nxt)] = joined
                else:
                    out.append(_Span(par, text, [tok], initial=False, headline=False))
        out.sort(key=lambda sp: (sp.par, sp.start))
        return out

    def _nickname_inside(self, index: int, text: str, toks: list[_Tok], spans: list[_Span]) -> list[_Span]:
        """A quoted name between a given name and a surname is that person's nickname ("Anna 'Nan' Pellow", also in
        a headline): the nickname and the surname, one person's names, replace the candidates there (the given
        name, written once with them, is one mention)."""
        out = spans
        for quote in _QUOTED_CAPITAL_RE.finditer(text):
            m = _NICKNAME_INSIDE_RE.match(text, text.rfind(" ", 0, quote.start() - 1) + 1)
            if m is None or m.start(2) != quote.end() - 1:
                continue
            at = {t.start: t for t in toks if m.start() <= t.start < m.end()}
            words = [at.get(m.start(k)) for k in (1, 2, 3)]
            if words[1] is None:  # a word right after a straight quote is no name token ("O'Brien"): made here
                words[1] = _Tok(m.group(2), m.start(2))
            if any(t is None or t.end != m.end(k) for k, t in zip((1, 2, 3), words)):
                continue
            first, last = words[0], words[2]
            if first.key in self.stops or not (first.key in _given_names() or not _is_common_word(first.key)) or (
                _is_common_word(last.key) or _place_strength(first.key, first.text) >= 2
            ):
                continue  # not "Rain 'Storm' Warning"
            nick, surname = (_Span(index, text, [t], initial=False, headline=False) for t in words[1:])
            nick.defined = surname.defined = nick.nickname = True
            surname.title_before = True  # a given name before it: a person's
            self.links.append((surname, nick))
            out = [sp for sp in out if sp.end <= m.start() or sp.start >= m.end()] + [nick, surname]
        if out is not spans:
            out.sort(key=lambda sp: sp.start)
        return out

    def _with_lower_head(self, s: _Span) -> list[_Span]:
        """The span with the lower-case head noun before it in French or Spanish ("le musée des Beaux-Arts",
        "la ligne B"); the span itself when there is none, or when it is a place alone ("le musée de Vernon"
        names Vernon); a place after "de" at its end is its own ("le musée des Impressionnismes de Vernon")."""
        first = s.toks[0]
        if first.shape == _LOWER or s.defined:
            return [s]
        m = self.lower_heads.search(s.text, max(0, s.start - 24), s.start)
        if m is None:
            return [s]
        if len(s.toks) == 1 and (m.group(2) == "de" or (m.group(3) or "")[:1] == "d") and (
            _place_strength(first.key, first.text) or re.compile(_HYPHENATED_TOWN_PATTERN).fullmatch(first.text)
        ) and m.group(1) not in LOWER_HEADS_OF_TOWNS:
            return [s]  # a town takes no article: "le musée de Vernon", "l'hôpital de Mont-Joli" (but "el museo del
            # Prado")
        rest = s.toks
        place: list[_Tok] = []
        if len(rest) >= 3 and rest[-2].shape == _LOWER and rest[-2].key in ROMANCE_OF and _place_strength(
            rest[-1].key, rest[-1].text
        ):
            rest, place = rest[:-2], rest[-1:]
        toks = [_Tok(m.group(1), m.start(1), shape=_LOWER)]
        joiner = m.group(2) or m.group(3)
        if joiner:
            toks.append(_Tok(joiner, m.start(2) if m.group(2) else m.start(3), shape=_LOWER))
        for tok in toks[1:]:
            tok.joined = True
        rest[0].joined = True
        span = _Span(s.par, s.text, [*toks, *rest], initial=False, headline=s.headline)
        span.title_before = s.title_before
        return [span, _Span(s.par, s.text, place, initial=False, headline=s.headline)] if place else [span]

    def _with_adjectives(self, s: _Span) -> _Span:
        """The span with the lower-case adjectives after it that French writes in an institution's name
        ("l'Éducation nationale", "le Rassemblement national"); not after a place ("l'Afrique centrale") nor a
        person."""
        m = self.institution_adjectives.match(s.text, s.end)
        if m is None or len(s.toks) > 2 or s.toks[-1].possessive or s.toks[0].shape != _CAP or _LOWER_OF_RE.match(
            s.text, m.end()
        ):  # ("la Confédération générale du travail (CGT)": a name in lower case up to its acronym, see
            # _with_lower_words)
            return s
        toks = [*s.toks]
        if len(toks) == 2 and toks[0].key in ROMANCE_ARTICLES:
            toks = toks[1:]  # "Le Rassemblement national" at a sentence's start: the name goes without its article
        elif len(toks) == 2 and s.person_shaped:
            return s
        if toks[0].key in self.cues.place_words or any(
            _place_strength(t.key, t.text) >= 2 for t in toks
        ) or _place_strength(" ".join(s.keys), s.surface):
            return s  # "En Afrique", "la France centrale": no institution
        for k in (1, 2):
            if m.group(k):
                tok = _Tok(m.group(k), m.start(k), shape=_LOWER)
                tok.joined = True
                toks.append(tok)
        # (never a sentence's start: the adjective after a capitalised word says it is a name)
        span = _Span(s.par, s.text, toks, initial=False, headline=s.headline)
        span.title_before = s.title_before
        return span

    @cython.locals(s=_Span, nxt=_Span, span=_Span, tok=_Tok)
    def _with_lower_fields(self, text: str, spans: list[_Span]) -> list[_Span]:
        """An institution's name that French writes in lower case after its capitalised head noun: an adjective,
        then fields each after "de"/"des"/"du"/"de la"/"de l'" (a noun and up to two adjectives, "et" between two),
        and a place's name after a last "de" ("l'Office fédéral des transports", "le Département des infrastructures
        et des ressources humaines", "le Conseil communal de Renens"). A field's noun is no weak word of the
        language ("le Conseil de ce matin"); a verb after the name ends it ("l'Office fédéral des routes finance").
        Reads each span's end once (one match), so linear in the paragraph."""
        out: list[_Span] = []
        i, n = 0, len(spans)
        while i < n:
            s = spans[i]
            i += 1
            last = s.toks[-1]
            if (len(s.toks) == 3 and s.initial and s.toks[1].shape == _LOWER and s.toks[1].key in ROMANCE_ARTICLES
                    and last.key in _ORG_HEADS and s.toks[0].shape == _CAP):  # "Selon la Direction des routes": a
                # sentence's first word and an article before the head
                out.append(_Span(s.par, text, s.toks[:1], initial=True, headline=s.headline))
                last.joined = False
                s = _Span(s.par, text, [last], initial=False, headline=s.headline)
            if last.key not in _ORG_HEADS or last.shape != _CAP or len(s.toks) > 2 or last.possessive or s.defined:
                out.append(s)
                continue
            m = self.lower_fields.match(text, s.end)
            if m is None or _LOWER_AFTER_HEAD_RE.match(text, s.end):  # (a name up to its acronym: _with_lower_words)
                out.append(s)
                continue
            end = s.end if m.group(1) is None else m.end(1)  # after the adjective
            fields = 0
            noun = ""
            for field in _LOWER_FIELD_RE.finditer(m.group(2) or "") if m.group(2) else ():
                if _norm(field.group(1)) in self.stops:
                    break
                fields += 1
                noun = field.group(1)
                end = m.start(2) + field.end()
            if noun[-1:] in ("s", "x") and text.startswith(" et ", end):
                plural = re.compile(_AND_PLURAL_PATTERN).match(text, end)  # "l'Administration des ponts et chaussées": two plural nouns
                if plural is not None and _norm(plural.group(1)) not in self.stops:
                    end = plural.end()
            if fields == 0 and end == s.end:
                out.append(s)
                continue
            toks = [*s.toks] if not (len(s.toks) == 2 and s.toks[0].key in ROMANCE_ARTICLES) else [last]
            if len(toks) == 2 and (toks[0].shape != _CAP or s.person_shaped):
                out.append(s)
                continue
            place = _PLACE_AFTER_FIELDS_RE.match(text, end)
            nxt = spans[i] if i < n else None
            if place is not None and nxt is not None and nxt.start == place.end() and len(nxt.toks) <= 2 and not (
                nxt.toks[0].shape == _LOWER
            ):  # "le Conseil communal de Renens": the place ends the name
                i += 1
                end = nxt.end
            for word in _WORD_RE.finditer(text, s.end, end):
                tok = _Tok(word.group(), word.start(), shape=_LOWER if word.group()[:1].islower() else _CAP)
                tok.joined = True
                toks.append(tok)
            span = _Span(s.par, text, toks, initial=s.initial and toks[0] is s.toks[0], headline=s.headline)
            span.title_before = s.title_before
            out.append(span)
        return out

    def _noun_first(self, piece: list[_Tok]) -> bool:
        """In a language that capitalises nouns, a noun that says what the name after it is, or an inflected
        noun (never a name's first word), glued to the name: "Land Niedersachsen", "Stadt Cottbus", "Reederei
        Nordlicht" (a place or an organisation's noun of the language's cues), "Standorten Bremen"."""
        first, second = piece[0], piece[1]
        if first.shape != _CAP or second.shape == _LOWER or first.key in _ORG_HEADS:
            return False
        if first.key in self.cues.place_words:
            return _place_strength(second.key, second.text) > 0 or len(piece) == 2
        if first.key in self.cues.org_nouns:  # but "Reederei Albers GmbH": a registered name, its noun in it
            return piece[-1].key not in CORPORATE_SUFFIXES and piece[-1].key not in ORG_SUFFIXES
        return not first.key.endswith(self.cues.org_endings) and _is_inflected_noun(first.text, self.article.language)

    def _portfolio(self, text: str, tok: _Tok) -> bool:
        """A minister's portfolio in French or Spanish: a common word of the language right after a title and
        "de" ("le ministre de l'Intérieur", "la consejera de Economía", "le ministre des Transports")."""
        if tok.shape != _CAP:
            return False
        m = _PORTFOLIO_BEFORE_RE.search(text, max(0, tok.start - 40), tok.start)
        return (m is not None and self.cues.is_title(_norm(m.group(1)))
                and _is_common_word_of(tok.text, self.article.language))

    @staticmethod
    def _inflected_group(s: _Span, lookup: _Lookup) -> str | None:
        """The known name a German word is an inflected form of: an adjective's ending off or on ("Grünen" ->
        "Grüne", "Grüne" -> "Grünen")."""
        key = s.keys[0]
        if len(key) > 4 and key[-2] == "e" and key[-1] in "nrsm":
            return lookup.group_of((key[:-1],), s.surface[:-1], partial=False)
        if len(key) > 3 and key[-1] == "e":
            return lookup.group_of((key + "n",), s.surface + "n", partial=False)
        return None

    def _plain_noun(self, s: _Span) -> bool:
        """In a language that capitalises nouns, a word of its dictionary ("Haushalt") that nothing marks as a
        name: no capital inside ("AfD"), no organisation's ending ("Bundeskartellamt"), no place, not right
        after "in", "aus" or "nach" without an article ("in Niedersachsen"), and no row label of a results table."""
        tok = s.toks[0]
        text = tok.text
        if s.par in self.tables or tok.key in PARTY_NAMES:
            return False
        if not _is_dictionary_word(text, self.article.language) or not text[1:].islower():
            return False
        if tok.key.endswith(self.cues.org_endings) or _place_strength(tok.key, text):
            return False
        language = self.article.language
        if _is_inflected_noun(text, language) or _is_common_word_of(text, language):
            return True  # "nach Angaben", "Nach Angaben der Stadt": a plural or a common word, no place
        if _PLACE_PREPOSITION_BEFORE_RE.search(s.text, max(0, s.start - 6), s.start):
            return False
        before = _WORD_BEFORE_RE.search(s.text, max(0, s.start - 24), s.start)  # "Land Niedersachsen"
        return before is None or not before.group(1)[:1].isupper() or (
            (key := _norm(before.group(1))) not in self.cues.place_words and key not in self.cues.org_nouns
        )

    @cython.locals(s=_Span, last=_Tok, t=_Tok)
    def _acceptable(self, s: _Span) -> bool:
        """Filters every span passes: no lone stopword, title, month, demonym or single letter."""
        toks = s.toks
        if (s.defined and s.nickname) or (s.affiliation and toks[0].shape != _LOWER and len(toks[0].key) > 1):
            return True
        last = toks[-1]
        if len(toks) == 1:
            if last.key in self.title_given and last.shape == _CAP:
                return True  # "Dean said" after "Dean Marlow"
            if self.english and last.key in CREDENTIALS and s.text.endswith(", ", 0, s.start):
                return False  # "Lorraine Cole, M.D., said": a credential after a name, no name of its own
            if _one_word_acceptable(last.key, last.text, last.shape, s.defined, self.stops, self.cues):
                return True
            if last.shape == _ACRONYM and self.english and (last.text in self.acronyms_after_the() or self._role_after(s)):
                return True  # "the DUP", "DUP leader X": an acronym that is also a rare word ("dup"), no label
            # a stopword list may hold names ("microsoft"): the article's evidence decides -- capitalised in the
            # middle of a sentence and never written in lower case
            return (
                last.key in self.stops and last.shape == _CAP and len(last.key) > 3 and not s.initial
                and not s.headline and not self.written_in_lower_case(last.text.lower())
                and _one_word_acceptable(last.key, last.text, last.shape, s.defined, frozenset(), self.cues)
            )
        if toks[0].shape == _LOWER and toks[0].key in _LOWER_HEAD_KEYS and last.shape != _LOWER:
            return True  # "la línea H", "la ligne B": a lower-case head before a letter names a line
        if all((t.key in self.stops and t.shape != _ACRONYM) or t.shape == _LOWER for t in toks) and (  # (U.S. Open)
            self.english or s.initial or s.headline
            or all(t.key in _stopwords() or t.key in _CONNECTOR_PARTICLES or t.shape == _LOWER for t in toks)
        ):
            return False  # (but "El País" inside a sentence: "país" is only a Spanish stopword)
        if (len(toks) <= 3 and not s.title_before and _is_demonym(last.key) and last.key not in _PLACE_HEADS
                and not _places().strength.get(" ".join(t.key for t in toks))
                and all(_demonym_part(t.key) for t in toks[:-1])):
            return False  # "Puerto Rican", "South Korean" (but "Liberal Democrats" is a party)
        return True

    @cython.locals(span=_Span, tok=_Tok, second=_Tok, t=_Tok)
    def _weak_first(self, span: _Span) -> bool:
        """Whether a sentence's first word tells nothing about being a name."""
        tok = span.toks[0]
        key = tok.key
        if _place_strength(key, tok.text) >= 4:
            return False
        if len(span.toks) > 1 and _places().strength.get(" ".join(span.keys), 0) >= 2:
            return False  # "BUENOS AIRES —", "Santa Cruz"
        if key in _CONNECTOR_PARTICLES and tok is not span.toks[-1]:
            # "El Capitán", "La Paz", "Van der Berg"; but a preposition before a place: "En Estepa"
            return not self.english and key in self.cues.place_words and tok.shape == _CAP
        if tok.shape == _ACRONYM:
            return _is_label(tok, self.stops) and not (len(span.toks) == 1 and self._role_after(span))
        toks = span.toks
        if len(toks) > 1:
            if len(key) == 1 and tok.text[-1:] == "." and toks[1].shape == _CAP:
                return False  # "R. Lucas Fairbanks, a fund manager": an initial, no word of the sentence
            if (len(toks) > 2 and toks[1].shape == _LOWER and toks[1].key in _NAME_PARTICLES and tok.shape == _CAP
                    and toks[-1].shape == _CAP and _is_given_name(key)):
                return False  # "Jess van der Linde scored": a given name before a surname with its particle
            if (toks[1].shape == _LOWER and toks[1].key in _START_HEAD_JOINERS and tok.shape == _CAP
                    and (key in _ORG_HEADS or (key[-1:] == "s" and key[:-1] in _ORG_HEADS)
                         or (key not in self.stops and toks[-1].shape == _CAP
                             and not (key[-1:] == "s" and _is_common_word(key[:-1]))  # "Residents of X said"
                             and _SPEAKS_RE.match(span.text, toks[-1].end) is not None))):
                return False  # "Department of Health said", "Friends of the Earth", "Society to Protect ...", and
                # a common word's name that speaks ("Transport for the Fens said": "Apple says" of several words)
            if (self.english and tok.shape == _CAP and key not in self.stops and not key.endswith(("s", "ly"))
                    and _is_common_word(key) and toks[1].shape == _CAP and toks[-1].shape == _CAP
                    and (toks[1].key in _DIRECTIONS or _place_strength(toks[1].key, toks[1].text) >= 4)
                    and _SPEAKS_RE.match(span.text, toks[-1].end) is not None):
                return False  # "Electricity North West said": a common word before a place's name that speaks
            if (span.text.startswith(" (", span.end) and span.text[span.end + 2 : span.end + 3] == tok.text[:1]
                    and toks[1].text[:1] != tok.text[:1] and tok.shape == _CAP and key not in self.stops
                    and span.text[span.end + 3 : span.end + 4].isupper()):
                return False  # "Matatu Owners Association (MOA) said": its acronym starts with the first word
            if len(toks) > 3 and span.text[tok.end] == "," and any(t.key == "&" for t in toks):
                return False  # "Harrow, Bexley & Quint Partners is ...": a firm's partners (see _partners_listed)
            if (len(toks) >= 5 and tok.shape == _CAP and key not in self.stops and key not in _TIME_WORDS
                    and not key.endswith("ly") and toks[-1].key in _ORG_HEADS and toks[-1].shape == _CAP
                    and any(t.key == "and" and t.shape == _LOWER for t in toks[2:-1])
                    and all(t.shape == _CAP or t.key == "and" for t in toks)):
                return False  # "Lake Basin Water and Sanitation Company said": common words joined by "and" before
                # an organisation's head noun, one name
            if key in _DIRECTIONS and toks[-1].key in _ORG_HEADS and toks[1].shape == _CAP and toks[-1].shape == _CAP:
                return False  # "North High School closed": a direction before a school's name
            if (len(toks) > 2 and toks[-1].shape == _ACRONYM and _place_strength(toks[-1].key, toks[-1].text) >= 4
                    and all(t.shape == _CAP and t.key not in self.stops and not self.cues.is_title(t.key)
                            for t in toks[:-1])):
                return False  # "Bus Users UK said": common words before a country's letters, an organisation
        if (len(span.toks) > 1 and span.toks[-1].key in CORPORATE_SUFFIXES and span.toks[-1].shape == _CAP
                and span.toks[1].shape != _LOWER):
            return False  # "Granite Peak Materials, Inc. agreed" (but "Shares of Meridian Labs Inc. fell")
        second = span.toks[1] if len(span.toks) > 1 else None
        if second is not None and key in _DIRECTIONS and second.shape == _CAP and (
            _place_strength(second.key, second.text) >= 2 or second.key in _PLACE_HEADS
            or (second.key not in self.stops and not _is_common_word(second.key))
        ):
            return False  # "West Yorkshire Police", "Upper Silesia", "North Sea": a direction before a place
        if key in _SAINTS and len(span.toks) > 1 and tok.shape == _CAP and span.toks[1].shape == _CAP:
            return False  # "St Mary's Church was full", "Saint Helena"
        if (self.english and len(span.toks) > 1 and key in GIVEN_NAME_WORDS and tok.shape == _CAP
                and span.person_shaped and _place_strength(span.toks[-1].key, span.toks[-1].text) < 2
                and not (key in self.stops and _in_question(span.text, span.end))):
            return False  # "Bill Gates said", "Hope Hicks testified" (but the modal of "Will Congress act?")
        if (self.english and len(span.toks) > 1 and tok.shape == _CAP and _is_demonym(key)
                and all(t.shape == _CAP and _is_common_word(t.key) and t.key not in self.stops
                        and not self.cues.is_title(t.key) and not _is_given_name(t.key) for t in span.toks[1:])):
            return False  # "British Gas", "American Express said": a nationality before common nouns, a company
        if len(span.toks) > 1 and (key in ORG_FIRST_WORDS or key in EVENT_HEADS or span.form in PARTY_NAMES or (
            key in _ORG_HEADS and len(span.toks) == 2 and _place_strength(span.toks[1].key, span.toks[1].text) >= 4
        )):
            return False  # "National Highways", "Royal Mail", "Police Scotland"
        if (
            key in self.stops
            or self.written_in_lower_case(tok.text.lower())
            or _month_or_day(key)
            or self.cues.is_title(key)
            or _is_demonym(key)
            or (not self.english and _is_common_word_of(tok.text, self.article.language))
        ):
            return True
        # a common word that speaks is a name ("Apple says"; but "Critics say", "Police said"), and so is one a
        # caption writes as a name ("his labrador, Bailey, ...")
        return _is_common_word(key) and not (
            (len(span.toks) == 1 and not tok.possessive and not key.endswith("s") and key not in _ORG_HEADS
             and _SPEAKS_RE.match(span.text, tok.end) is not None)
            or self.named_in_clutter(tok.text)
        )

    def _single_keys(self) -> set[str]:
        """Words the article writes alone as a name (a surname used alone: "Linde will play" after "Mara Linde"),
        found once, when first asked."""
        if self.single_keys is None:
            self.single_keys = {s.keys[0] for s in self.all_spans if len(s.toks) == 1}
        return self.single_keys

    def _first_word_may_name(self, toks: list[_Tok]) -> bool:
        """Whether a sentence's capitalised first word, weak only as a common word, may begin a name: no stopword,
        month, title or demonym, never written in lower case in the article, before capitalised words only."""
        tok = toks[0]
        key = tok.key
        return (tok.shape == _CAP and all(t.shape != _LOWER for t in toks[1:]) and key not in self.stops
                and not _month_or_day(key) and not self.cues.is_title(key) and not _is_demonym(key)
                and not self.written_in_lower_case(tok.text.lower()))

    @staticmethod
    def _article_first(s: _Span, lookup: _Lookup | None) -> bool:
        """Whether a sentence starts with a Romance article before a name that goes without it: an acronym, an
        organisation's head noun, a known name or a place ("El TSE", "La Policía Nacional", "El Sevilla"); the
        article stays in a name that is a place as a whole ("El Salvador", "La Paz") or none of those ("El País")."""
        toks = s.toks
        if len(toks) < 2 or toks[0].key not in ROMANCE_ARTICLES or toks[0].shape != _CAP:
            return False
        places = _places().strength
        if places.get(" ".join(s.keys)):
            return False
        rest = _strip_lower_edges(toks[1:])
        if not rest:
            return False
        keys = tuple([t.key for t in rest])
        if rest[0].shape == _ACRONYM or rest[0].key in _ORG_HEADS or places.get(" ".join(keys)) or (
            len(rest) > 1 and rest[0].key in _PLACE_HEADS and rest[0].shape == _CAP
        ) or (len(rest) > 2 and rest[0].shape == _CAP and any(t.shape == _LOWER and t.key in ROMANCE_OF for t in rest)):
            # (and "La Région Bretagne-Sud, qui finance ...": a place's capitalised head noun; "La Contraloría General
            # de la República", "El Servicio Nacional de ...": an institution's name of words and joiners)
            return True
        if lookup is None:
            return False
        known = lookup.exact.get(_form_key(keys, s.text[rest[0].start : rest[-1].end]))
        return known is not None and not known.nickname  # «el Relojero» ... "El Relojero" keeps its article

    @cython.locals(s=_Span)
    def _sentence_start(self, s: _Span, lookup: _Lookup, *, weak: bool) -> list[_Span]:
        """A run that starts a sentence: a known name (a weak word alone only as a whole name or a surname,
        never as another part of a name), else without its first word when that word is weak, else as is."""
        if lookup.group_of_span(s, partial=not (weak and len(s.toks) == 1)):
            return [s]
        if not weak and not self._article_first(s, lookup):
            return [s]
        toks = s.toks
        if s.form in self.repeated_starts and self._first_word_may_name(toks):
            return [s]
        if (self.english and len(toks) == 2 and toks[1].shape == _CAP and _APPOSITION_AFTER_RE.match(
                s.text, s.end_with_possessive) and toks[1].key in self._single_keys()
                and not toks[0].key.endswith("ly") and self._first_word_may_name(toks)
                and not _is_common_word(toks[1].key) and _place_strength(toks[1].key, toks[1].text) < 2):
            return [s]  # "Mara Linde, the top seed, beat ...": a surname the article uses alone, a person's apposition
        if (len(toks) == 2 and toks[1].shape == _CAP and (toks[1].key,) in lookup.surnames
                and toks[0].key not in self.stops and not self.written_in_lower_case(toks[0].text.lower())):
            return [s]  # a given name before a known surname ("Lech Wałęsa" after "Danuta Wałęsa", "Rick Hanley")
        if (self.english and len(toks) == 2 and toks[0].key in _given_names() and toks[1].shape == _CAP
                and not _is_common_word(toks[1].key) and toks[1].key not in self.stops
                and _place_strength(toks[1].key, toks[1].text) < 2):
            return [s]  # "Louis Pelham scored": a given name of the names table before a word that is no common one
        for k in range(len(toks) - 1, 1, -1):  # "Franklin County Commission" after "Franklin County"
            if toks[k - 1].shape != _LOWER and _form_key(s.keys[:k], s.text[s.start : toks[k - 1].end]) in lookup.exact:
                return [s]
        if (len(toks) > 2 and toks[1].key in _PLACE_HEADS and toks[-1].key in _ORG_HEADS and toks[0].shape == _CAP
                and toks[1].shape == _CAP and _form_key(s.keys[:1], toks[0].text) in lookup.exact):
            return [s]  # "Kent County Council said" after "across Kent": a known place, its county, the council
        rest = _strip_lower_edges(s.toks[1:])
        if not rest:
            return []
        after = s.toks[1:]
        if (self.english and len(after) == 2 and after[0].key in _CONNECTOR_PARTICLES and after[1].shape == _CAP
                and (after[0].key, after[1].key) in self.particle_endings):
            rest = after  # "Later de Ruyter kicked": the surname keeps its particle (see _particles_back)
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
            for length in range(min(n - i, _MAX_NAME_TOKENS, longest), 0, -1):
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
                if group is None and length == 1 and self.nouns_capitalised:
                    group = self._inflected_group(_Span(s.par, text, piece, initial=False, headline=True), lookup)
                if group is not None or self._headline_place(keys, surface, length, piece[0]):
                    matched = length
                    break
            if not matched and i + 1 < n and toks[i].key in _DIRECTIONS and toks[i].shape == _CAP and toks[i + 1].joined \
                    and toks[i + 1].shape == _CAP and _place_strength(toks[i + 1].key, toks[i + 1].text) >= 3:
                matched, group = 2, None  # "Across Middle Tennessee", "Southern Scotland": a region of a known place
            if matched and i + matched < n and _org_after_place(toks[i : i + matched], toks[i + matched]) and (
                i + matched + 1 == n or not toks[i + matched + 1].joined
            ):
                # "Franklin County Commission": a place and an organisation's head noun name the organisation
                matched, group = matched + 1, None
            if matched:
                span = _Span(s.par, text, toks[i : i + matched], initial=False, headline=True)
                if group is not None and matched == 1 and not group.startswith(span.form) and span.form not in lookup.exact and (
                    _PLACE_ARTICLE_BEFORE_RE.search(text, max(0, span.start - 12), span.start)
                ):  # "Windräder im Spessart" over "Bürgerinitiative Gegenwind Spessart": the place itself, as in a body
                    group = None  # (but "à Séverin" is the town "Séverin-d'Olt", whose name it begins)
                if group is not None:  # a known name, even in capitals ("THE HAMMER")
                    # a part of a known name, or a known form whose mentions went to a longer name one by one
                    # ("Bromholm" of "Bromholm Athletic Women", named in a table too)
                    if span.form not in lookup.exact or (
                        lookup.groups is not None and group != lookup.groups.find(span.form)
                    ):
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


#: A dateline's agency or station tag: a place (with its state or a date) at a paragraph's start, the tag in brackets,
#: then a dash ("DENVER (AP) —", "KNOXVILLE, Tenn. (WBKT) -", "ROTTERDAM, March 4 (Reuters) -", "MADRID (EFE).-").
_DATELINE_MAX = 80
_DATELINE_TAG_RE = re.compile(
    r"[^\W\d_a-zß-öø-ÿ]{2,}\b(?![’'][a-z])[^()\n.!?a-z]{0,30}(?:,[^()\n.!?]{0,24}(?:\.[^()\n.!?]{0,8})?)?"
    r"\(([^()\n]{1,30})\)\s*\.?[-–—]"
)  # (the place in capitals: not "The World Health Organization (WHO) - which ...")
_SENTENCE_END_RE = re.compile(r"[.?!]")
#: Joiners after an organisation's head noun at a sentence's start ("Department of Health", "Campaign to ...").
_START_HEAD_JOINERS = frozenset({"of", "for", "to"})
#: Particles of surnames ("van der Linde", "ap Hywel", "de la Cruz"): not "y", "e", "en", "el", "al" (conjunctions,
#: articles).
_NAME_PARTICLES = frozenset("van von der den de del della di da do dos du la le ter ten ap arap bin ibn".split())
#: What follows a person named at a sentence's start: an apposition or a speech verb ("Mara Linde, the top seed,",
#: "Mara Linde, 24,", "Mara Linde, who", "Mara Linde said").
_APPOSITION_AFTER_RE = re.compile(r",\s+(?:the|a|an|who|\d{1,3},)\s|\s+(?:said|says|told|added)\b")
_LOWER_OF_RE = re.compile(r" (?:de|du|des|d['’]|contre|pour) ?[a-zß-öø-ÿ]")


# (The *_PATTERN strings of the rules below are read rarely: re.compile(...) at the rule takes them from the re
# module's cache, compiled the first time, never at import: the start-up stays as it was.)
#: One or two lower-case words after an all-capital word, then a capitalised one: "DUP group leader Sarah ...".
_ROLE_AFTER_PATTERN = r" (?:([a-z]+) )?([a-z]+) [A-Z]"
#: Roles that are no title of the cue tables but say an organisation's member follows ("DUP leader X").
_LEADERS = frozenset("leader leaders candidate member members chief boss executive chair".split())
_OR_ALIAS_PATTERN = r"[”\"’] or (?:the )?[“\"‘]"
_AND_FIELD_GAP_PATTERN = r" et (?:des |de la |du |de l['’]|de |d['’])"
#: The longest name (in words, "et" and its article counted) that fields joined by "et" make: "le ministère de
#: l'Économie et des Finances et de la Relance" is 10; a chain past it stays apart (each join makes the name anew:
#: without a bound, a paragraph of n fields cost n * n).
_MAX_JOINED_TOKENS = 16


@cython.locals(a=_Span, b=_Span, t=_Tok)
def _fields_joined(text: str, spans: list[_Span]) -> list[_Span]:
    """A French ministry or administration whose name's fields are joined by "et des"/"et de la" ("le ministère de la
    Santé et des Services sociaux", "le Ministère de la Culture et des Communications", "l'Administration des ponts
    et chaussées"): a name whose head noun is an organisation's, with "de"/"des" in it, and the one to three
    capitalised words after "et" and an article are one name."""
    out: list[_Span] = []
    for b in spans:
        if out:
            a = out[-1]
            m = re.compile(_AND_FIELD_GAP_PATTERN).match(text, a.end)
            after_first = a.toks[1:]  # (a plain variable: the generator below never reads the typed span)
            if (m is not None and m.end() == b.start and a.par == b.par and len(b.toks) <= 3 and b.toks[0].shape == _CAP
                    and len(a.toks) + len(b.toks) <= _MAX_JOINED_TOKENS
                    and not b.person_shaped and any(t.shape == _LOWER and t.key[:1] == "d" for t in after_first)):
                k = 1
                while a.toks[k].shape != _LOWER or a.toks[k].key[:1] != "d":
                    k += 1
                if a.toks[k - 1].key in _ORG_HEADS:  # (after "Selon le" at a sentence's start too)
                    joiners = []
                    for word in _WORD_RE.finditer(text, a.end, b.start):
                        tok = _Tok(word.group(), word.start(), shape=_LOWER)
                        tok.joined = True
                        joiners.append(tok)
                    b.toks[0].joined = True
                    whole = _Span(a.par, text, [*a.toks, *joiners, *b.toks], initial=a.initial, headline=a.headline)
                    whole.title_before = a.title_before
                    out[-1] = whole
                    continue
        out.append(b)
    return out


#: Prepositions inside an institution's name before its last field, in lower case ("Respuesta ante Desastres",
#: "Fiscalía contra la Corrupción", "Alliance pour la Rénovation"): read only before the name's acronym.
_BRIDGE_PREPOSITIONS = ("ante", "contra", "sobre", "para", "contre", "pour", "gegen")
_BRIDGE_PATTERN = r" (?:%s) (?:(?:la|el|los|las|le|les|l['’]|die|der|den) ?)?$" % "|".join(_BRIDGE_PREPOSITIONS)
_ACRONYM_IN_BRACKETS_PATTERN = r" \(([^\W\d_a-zß-öø-ÿ][\w&-]{1,11})\)"


@cython.locals(a=_Span, b=_Span)
def _bridged(text: str, spans: list[_Span]) -> None:
    """Join, in place, a name and the one to three capitalised words after a preposition that goes on with it, when
    the whole name's acronym follows in brackets: its first letter the name's, and the word after the preposition's
    initial in it ("Servicio Nacional de Prevención y Respuesta ante Desastres (Senapred)")."""
    k = 0
    while k + 1 < len(spans):
        a, b = spans[k], spans[k + 1]
        gap = text[a.end : b.start]
        if 4 < len(gap) < 16 and len(b.toks) <= 3 and b.toks[0].shape == _CAP and re.compile(_BRIDGE_PATTERN).search(gap):
            m = re.compile(_ACRONYM_IN_BRACKETS_PATTERN).match(text, b.end)
            letters = [t.text[:1] for t in a.toks if t.shape == _CAP]  # ("Desde el Servicio ...": any of its words)
            if m and m.group(1)[0] in letters and b.toks[0].text[0].lower() in m.group(1)[1:].lower():
                joiners = []
                for word in re.finditer(r"\S+", gap):
                    tok = _Tok(word.group(), a.end + word.start(), shape=_LOWER)
                    tok.joined = True
                    joiners.append(tok)
                b.toks[0].joined = True
                whole = _Span(a.par, text, [*a.toks, *joiners, *b.toks], initial=a.initial, headline=a.headline)
                whole.title_before = a.title_before
                spans[k : k + 2] = [whole]
                continue
        k += 1


@cython.locals(s=_Span, first=_Span)
def _kin_first_names(spans: list[_Span]) -> list[_Span]:
    """A kin honorific before a word the article uses as a person's first name is that first name ("Whaea Mere
    said" after "Whaea Mere Parata"), even when the word is a common one."""
    kin = [k for k, s in enumerate(spans) if len(s.toks) == 2 and s.toks[0].key in KIN_HONORIFICS]
    if not kin:
        return spans
    firsts = {s.keys[0] for s in spans if len(s.toks) >= 2 and (s.person_shaped or s.title_before)}
    out = list(spans)
    for k in kin:
        first = spans[k]
        if first.keys[1] in firsts and first.toks[1].shape == _CAP:
            first.toks[1].joined = False
            name = _Span(first.par, first.text, first.toks[1:], initial=False, headline=first.headline)
            name.title_before = True
            out[k] = name
    return out


@cython.locals(s=_Span, tok=_Tok)
def _acronym_then_person(spans: list[_Span], cues) -> list[_Span]:
    """A party's or an organisation's letters right before a person's name are two names ("le député CSV Jos
    Wirtgen", "la députée PQ Annie Roy"): an acronym (no title, suffix or place) before a given name of the names
    table, or a first and a last word that are no common words, and one or two more capitalised words (no head
    noun: "NASA Goddard Space Flight Center", "BBC Radio Ulster" stay one name)."""
    out: list[_Span] = []
    for s in spans:
        toks = s.toks
        tok = toks[0]
        if (tok.shape == _ACRONYM and 3 <= len(toks) <= 4 and toks[1].shape == _CAP
                and all(t.shape == _CAP and t.key not in _ORG_HEADS and t.key not in _PLACE_HEADS for t in toks[1:])
                and (_is_given_name(toks[1].key) or not (_is_common_word(toks[1].key) or _is_common_word(toks[-1].key)))
                and not tok.dotted and not cues.is_title(tok.key) and tok.key not in CLUB_AFFIXES
                and tok.key not in ORG_SUFFIXES and tok.key not in cues.suffixes and not _place_strength(tok.key, tok.text)
                and _place_strength(toks[-1].key, toks[-1].text) < 2):  # (not "SV Neptun Lüneburg", a club)
            party = _Span(s.par, s.text, toks[:1], initial=s.initial, headline=s.headline)
            party.affiliation = True  # (a name even when its letters spell a word: "PS")
            out.append(party)
            toks[1].joined = False
            person = _Span(s.par, s.text, toks[1:], initial=False, headline=s.headline)
            person.title_before = True
            out.append(person)
            continue
        out.append(s)
    return out


#: A town's hyphenated name: capitalised parts, maybe particles between ("Mont-Joli", "Saint-Pierre-lès-Elbeuf").
_HYPHENATED_TOWN_PATTERN = r"[^\W\d_a-zß-öø-ÿ][^\W\d_]+(?:-(?:(?:de|du|des|la|le|les|sur|sous|en|lès|aux?)-)?[^\W\d_a-zß-öø-ÿ][^\W\d_]+)+"
_THE_ACRONYM_PATTERN = r"(?<![\w-])[Tt]he ([A-Z]{2,6})\b(?![-'’])"
#: Words that open a sentence and no name before a run of capitalised words ("Yesterday Fire and Rescue Service ...").
_TIME_WORDS = frozenset("yesterday tomorrow tonight overnight earlier meanwhile afterwards elsewhere".split())
#: Words for a member of a parliament before "for" and the seat's name ("Member for Dubbo", "the MP for Bathurst",
#: "MLA for Surrey-Newton"), keys.
_SEAT_HOLDERS = frozenset("member mp mla mpp mha msp mhk td mna senator".split())


@cython.locals(tok=_Tok)
def _seat_split(text: str, piece: list[_Tok], *, after_for: bool = False) -> int:
    """Where the member's name starts in "Member for <seat> <name>" ("Member for Dubbo Kate McCrindle", "the MP for
    West Bathurst Tom Reilly"): the index of a given name with one or two name words after it and one to three words
    of the seat before it; 0 when the words before "for" name no seat-holder or no such name follows
    (``after_for``: the caller has seen them)."""
    if not after_for:
        m = _TITLE_FOR_BEFORE_RE.search(text, max(0, piece[0].start - 30), piece[0].start)
        if m is None or _norm(m.group(1)) not in _SEAT_HOLDERS or not text.endswith(" for ", 0, piece[0].start):
            return 0
    for k in range(1, min(4, len(piece) - 1)):
        tok = piece[k]
        if (tok.shape == _CAP and _is_given_name(tok.key) and 2 <= len(piece) - k <= 3
                and all(t.shape == _CAP for t in piece[k:]) and all(t.shape != _LOWER for t in piece[:k])):
            return k
    return 0


def _in_question(text: str, pos: int) -> bool:
    """Whether the sentence going on at ``pos`` of a paragraph ends with a question mark."""
    end = _SENTENCE_END_RE.search(text, pos)
    return end is not None and end.group() == "?"


_TABLE_NAME = (
    r"[^\W\d_a-z][\w'’.&\-]*(?:\s+(?:(?:of|and|the|for|de|del|la|le|du|van|von|&)\s+)*[^\W\d_a-z][\w'’.&\-]*)*"
)
#: Two or more "Name number" cells and nothing else: rows of a results table read as one paragraph.
_RESULTS_TABLE_RE = re.compile(
    rf"(?:{_TABLE_NAME}\s+\d[\d,.]*(?: ?%)?[,;]?\s+)+{_TABLE_NAME}\s+\d[\d,.]*(?: ?%)?\s*"
)


def _paragraph_reading(kind: str, text: str, toks: list[_Tok], *, counted_first: bool = False
                       ) -> tuple[bool, bool, bool, bool]:
    """How a paragraph is read: (headline, title or heading in sentence case, results table, written in capitals).

    A headline is a title or heading, or a paragraph in headline case (:func:`_is_headline`); a results table's
    rows ("Conservative 14,320 Labour 12,170") have names for labels and no sentence starts, and it is no headline.
    The rules read the paragraph's word counts (:func:`_paragraph_stats`), which are counted only when a rule
    needs them: three words after spaces that headlines never keep in lower case make a body paragraph no
    headline (at most two in 40 words), a table must end with a number, and a paragraph with at most half as
    many acronyms as name words is not in capitals. ``counted_first`` counts them first (the same answers)."""
    stats = _paragraph_stats(text, toks) if counted_first else None
    if kind in ("title", "heading"):
        headline = True
        stats = stats or _paragraph_stats(text, toks)
        sentence_case = 3 <= stats.lower_other and stats.lower_other * 3 >= stats.words
    elif stats is None and (kind == "byline" or _three_words_headlines_lower_case(text)):
        headline = sentence_case = False
    else:
        stats = stats or _paragraph_stats(text, toks)
        headline, sentence_case = _is_headline(kind, toks, stats), False
    table = False
    if kind != "title" and text[:1] == "|" and text.count("|") >= 4:
        return False, False, True, False  # a table's rows, a cell each name ("| Hexham Town | 2-1 | Alnwick United |")
    if kind != "title" and _is_results_table(text):
        if not headline:
            stats = stats or _paragraph_stats(text, toks)
        table = headline or stats.words <= 40
        if table:
            headline = False
    shapes = [t.shape for t in toks]
    capitals = False
    if stats is not None or shapes.count(_ACRONYM) * 2 > len(shapes) - shapes.count(_LOWER):  # (at most that many words)
        stats = stats or _paragraph_stats(text, toks)
        capitals = bool(stats.words) and stats.acronyms * 2 > stats.words
    return headline, sentence_case, table, capitals


#: A lower-case word after a space that is none of the words headlines keep in lower case (_HEADLINE_LOWER): each
#: match starts one of the paragraph's lower-case words (_LOWER_WORD_RE) that counts against a headline.
_NOT_HEADLINE_LOWER_RE = re.compile(rf" (?!(?:{_alternation(_HEADLINE_LOWER)})(?![^\W_]))[a-zß-öø-ÿ]")


def _three_words_headlines_lower_case(text: str) -> bool:
    """Whether three of a paragraph's lower-case words are none that headlines keep in lower case: then it is no
    headline (:func:`_is_headline` allows one in 20 of at most 40 words)."""
    return next(islice(_NOT_HEADLINE_LOWER_RE.finditer(text), 2, None), None) is not None  # (the third, if any)


def _is_results_table(text: str) -> bool:
    """Whether a short paragraph is rows of a results table ("Greens 23 Liberal Democrats 11", "Hollins Athletic 0,
    Brackley Rovers 3"), not a headline or a sentence."""
    end = text.rstrip()[-1:]
    return (end.isdigit() or end == "%") and _RESULTS_TABLE_RE.fullmatch(text) is not None


def _table_label(run: list[_Tok], *, cells: bool = False) -> list[_Tok]:
    """The name of a results table's row: its numbers off ("Greens 941"; not in a table of ``cells``, where a
    number stands in a cell of its own and one inside a name's cell is the name's, "| S&P 500 | 6,912 |"), no
    sentence start, nothing for a label that names no party or team ("Independents", "Turnout")."""
    end = len(run)
    while end and run[end - 1].shape == _NUMBER and not cells:
        end -= 1
    run = run[:end]
    for tok in run:
        tok.initial = False
    if len(run) == 1 and run[0].key in TABLE_LABELS:
        return []
    return run


#: A title and "for"/"of" right before a word ("Minister for ", "Secretary of State for ").
_TITLE_FOR_BEFORE_RE = re.compile(r"(?<![^\W\d_])([A-Za-z]+)(?: of State)? (?:for|of) $")
#: What a window that _TITLE_FOR_BEFORE_RE finds something in ends with (looked up first).
_TITLE_FOR_ENDINGS = (" for ", " of ", " for \n", " of \n")
_DESCRIPTOR_ARTICLE_RE = re.compile(r"(?:^|\s)(?:le|la|el|au|du|al|del|l['’])\s?$")
#: A lower-case word (a title) and "de", "des", "du", "de la", "de l'", "del" right before a word.
_PORTFOLIO_BEFORE_RE = re.compile(r"(?<![^\W\d_])([a-zß-öø-ÿ]+)\s+(?:de\s+la\s+|de\s+l['’]|de\s+|des\s+|du\s+|del\s+|d['’])$")
#: A lower-case word and an elided "d'" right before a name ("conseillère d'État", "directeur d'Airbus").
_ELIDED_AFTER_WORD_RE = re.compile(r".*[a-zß-öø-ÿ] [dD]['’]$")
#: A French definite article right before a word ("la Confédération", "le Parlement", "l'Assemblée").
_ARTICLE_BEFORE_RE = re.compile(r"(?:^|\s)(?:la |le |les |l['’])$")
_LOWER_HEAD_KEYS = frozenset(_norm(word) for words in LOWER_HEADS.values() for word in words)
#: A noun of a lower-case name, after one of the adjectives French writes before a noun ("de second degré").
_LOWER_WORD = r"(?:(?:premier|première|second|seconde|haut|haute|grand|grande|petit|petite|nouveau|nouvelle) )?[a-zß-öø-ÿ][a-zß-öø-ÿ-]+"
_LOWER_ARTICLE = r"(?:de la |de l['’]|des |du |de |d['’])"


@lru_cache(maxsize=8)
def _lower_fields_re(endings: tuple[str, ...]) -> re.Pattern[str]:
    """After an institution's capitalised head: an adjective (group 1), then up to three fields of a lower-case
    name (group 2: each "de"/"des"/... and a noun, up to two adjectives after it, "et" before the next)."""
    adjective = rf"[a-zß-öø-ÿ]+(?:{'|'.join(sorted(endings, key=len, reverse=True))})(?![\w'’-])"
    field = rf"{_LOWER_ARTICLE}{_LOWER_WORD}(?![\w'’])(?: {adjective}){{0,2}}"
    return re.compile(rf"(?: ({adjective}))?((?: (?:et )?{field}){{1,3}})?")


#: One field of such a name, its noun in group 1 (read inside group 2 of :func:`_lower_fields_re`).
_LOWER_FIELD_RE = re.compile(rf" (?:et )?{_LOWER_ARTICLE}({_LOWER_WORD})(?![\w'’])[^ ]*(?: [a-zß-öø-ÿ]+(?![\w'’-]))*?(?= (?:et )?{_LOWER_ARTICLE}|$)")
#: A last field of a plural noun without its article after "et" ("des ponts et chaussées", "des eaux et forêts").
_AND_PLURAL_PATTERN = r" et ([a-zß-öø-ÿ][a-zß-öø-ÿ-]+[sx])(?![\w'’-])"
#: "de" or "d'" before a place's name that ends such a name ("Conseil communal de Renens").
_PLACE_AFTER_FIELDS_RE = re.compile(r" (?:de |d['’])")
_WORD_RE = re.compile(r"[^\s]+")
#: One to four lower-case words after an organisation's head noun, then a bracket ("Office antistupéfiants (").
_LOWER_AFTER_HEAD_RE = re.compile(
    r"((?:\s+[a-zß-öø-ÿ][a-zß-öø-ÿ'’-]+){1,9}(?:\s+(?:du|de la|des|de)\s+[^\W\d_a-zß-öø-ÿ][\w'’-]+)?)\s*\("
)  # (and a place's name after "du"/"de" at the end: "la Fédération interprofessionnelle de la santé du Québec (")


def _initials_spell(acronym: str, name: str) -> bool:
    """Whether an acronym's capitals, two or more, are the initials of some of the name's words in order ("P&C" of
    "Administration des ponts et chaussées", "CFL" of "Société nationale des chemins de fer luxembourgeois")."""
    letters = [c.lower() for c in acronym if c.isupper()]
    if len(letters) < 2:
        return False
    k = 0
    for word in name.replace("'", " ").replace("’", " ").split():
        if k < len(letters) and word[:1].lower() == letters[k]:
            k += 1
    return k == len(letters)


def _with_lower_words(s: _Span, text: str, after: int, by_start: dict[int, _Span]) -> _Span | None:
    """A French or Spanish institution's name goes on in lower case after its head noun ("l'Office
    antistupéfiants", "la Banque centrale européenne"): taken as the name when an acronym in brackets right after
    starts with the name's first letter ("(Ofast)", "(BCE)"). The span with those words, else None."""
    m = _LOWER_AFTER_HEAD_RE.match(text, after)
    if m is None:
        return None
    opening = _PAREN_OPEN_RE.match(text, m.end() - 1)
    inner = by_start.get(opening.end()) if opening else None
    toks = list(s.toks)
    if len(toks) == 2 and toks[0].key in ROMANCE_ARTICLES:
        toks = toks[1:]  # "Le Syndicat mixte des transports (SMT)" at a sentence's start
    if inner is None or len(inner.toks) != 1 or not (
        inner.keys[0][:1] == toks[0].key[:1] or _initials_spell(inner.toks[0].text, text[s.start : m.end(1)])
    ):
        return None
    for word in re.finditer(r"\S+", text[m.start(1) : m.end(1)]):
        tok = _Tok(word.group(), m.start(1) + word.start(), shape=_CAP if word.group()[:1].isupper() else _LOWER)
        tok.joined = True
        toks.append(tok)
    span = _Span(s.par, text, toks, initial=s.initial and toks[0] is s.toks[0], headline=s.headline)
    span.title_before = s.title_before
    return span


_CAPITAL_WORDS = r"[^\W\d_a-zß-öø-ÿ][\w'’-]*(?: [^\W\d_a-zß-öø-ÿ][\w'’-]*){0,2}"
#: The rest of such a list after the name's first field: more fields after commas, the last after "and", then the
#: name's acronym in brackets.
_LISTED_WORDS_RE = re.compile(
    rf"((?:, (?:the )?{_CAPITAL_WORDS}){{0,4}},? (?:und|and|y|et|e|sowie) (?:the )?{_CAPITAL_WORDS})"
    rf"(?: \(([^\W\d_a-zß-öø-ÿ][\w&-]{{1,11}})\)|(?![\w'’-]| [^\W\d_a-zß-öø-ÿ]))"
)  # ("the Department of Climate Change, Energy, the Environment and Water": "the" before a field)


_ORG_ENDING_TAILS = frozenset(ending[-4:] for ending in ALL_CUES.org_endings)


def _compound_head(key: str, letter: str) -> bool:
    """Whether a compound word ends with an organisation's ending that starts with ``letter``: "Landesministerium"
    is a ministry, its acronym "MU" starts with its head's letter."""
    return any(key.endswith(ending) and ending[:1] == letter for ending in ALL_CUES.org_endings)


#: Words between the list's fields: a field is the capitalised words between them.
_FIELD_SEPARATORS_PATTERN = r",? (?:und|and|y|et|e|sowie) (?:the )?|, (?:the )?"


@cython.locals(t=_Tok)
def _head_of_listed_fields(s: _Span, listed: str, language: str) -> bool:
    """Whether a name's list of fields with no acronym after it is part of the name: the name's word before its
    list joiner is an organisation's head noun ("Department of Agriculture, Fisheries and Forestry", "Ministry for
    Health, Welfare and Sport"), each field after it is made of the language's common words, none a place or a head
    name ("the Department of Health, the Cabinet Office and Ofwat" are three names)."""
    toks = s.toks
    joiner = 1
    while joiner < len(toks) and not (toks[joiner].shape == _LOWER and toks[joiner].key in _LIST_NAME_JOINERS):
        joiner += 1
    if joiner >= len(toks) - 1 or toks[joiner - 1].key not in _ORG_HEADS:
        return False
    fields = [t.text for t in toks[joiner + 1 :]] + [w for w in re.compile(_FIELD_SEPARATORS_PATTERN).split(listed) if w]
    for field in fields:
        words = field.split(" ")
        if len(words) > 1 and _norm(words[-1]) in _ORG_HEADS:
            return False  # "the Cabinet Office": a name of its own
        for word in words:
            key = _norm(word)
            if key in PARTY_NAMES or _place_strength(key, word) or not _is_common_word_of(word, language):
                return False
    return True


def _with_listed_words(s: _Span, text: str, after: int, by_start: dict[int, _Span], language: str = "en") -> _Span | None:
    """An official name whose fields are a list ("das Ministerium für Soziales, Arbeit und Gesundheit (MSAG)"):
    the span with the rest of the list, when an acronym in brackets right after it starts with the first letter of
    one of the name's capitalised words before its joiner, or, with no acronym, when the fields are common nouns
    after a head noun (:func:`_head_of_listed_fields`); else None."""
    m = _LISTED_WORDS_RE.match(text, after)
    if m is None:
        return None
    acronym = m.group(2)
    if acronym is None:  # no acronym: the list's fields must be common nouns after a head noun
        if not _head_of_listed_fields(s, text[m.start(1) : m.end(1)], language):
            return None
    else:
        inner = by_start.get(m.start(2))
        letter = acronym[:1]
        if inner is None or len(inner.toks) != 1 or not any(
            t.text[:1] == letter or (t.key[-4:] in _ORG_ENDING_TAILS and _compound_head(t.key, letter.lower()))
            for t in s.toks if t.shape != _LOWER
        ):
            return None
    toks = list(s.toks)
    for word in re.finditer(r"[^\s,]+", text[m.start(1) : m.end(1)]):
        w = word.group()
        tok = _Tok(w, m.start(1) + word.start(), shape=_LOWER if w[:1].islower() else _CAP)
        tok.joined = True
        toks.append(tok)
    span = _Span(s.par, text, toks, initial=s.initial, headline=s.headline)
    span.title_before = s.title_before
    return span


def _club_names(s: _Span) -> list[tuple[_Span, bool]]:
    """A headline span cut around a name with a legal form or club abbreviation after it ("Sevilla FC",
    "Nordwerk AG"), which is a name as it stands: (piece, is that name) pairs, the span itself when there is none."""
    toks = s.toks
    for i in range(len(toks) - 1):
        if toks[i + 1].key in ORG_SUFFIXES and toks[i].shape == _CAP and toks[i + 1].joined:
            end = i + 2
            while i > 0 and end - i < 4 and toks[i].joined and toks[i - 1].shape == _CAP and not (
                _is_common_word(toks[i - 1].key) or toks[i - 1].key in _stopwords()
            ):
                i -= 1  # "Nordwerk Energie AG", not "Energie AG"
            out = []
            for piece, named in ((toks[:i], False), (toks[i:end], True), (toks[end:], False)):
                piece = _strip_lower_edges(piece)
                if piece:
                    out.append((_Span(s.par, s.text, piece, initial=False, headline=not named), named))
            return out
    return [(s, False)]


@cython.locals(s=_Span, first=_Tok, second=_Tok)
def _surname_then_name(spans: list[_Span]) -> list[_Span]:
    """Two names written side by side across a lost line break or a list ("Isco, Roque Sevilla: Nyland"): a pair
    of words seen once, whose first is the surname of a person named in full elsewhere and whose second is a place
    or a name of its own elsewhere, is those two names ("Roque" of "Vitor Roque", and "Sevilla")."""
    surnames: dict[str, set[str]] = {}
    singles: set[str] = set()
    forms: dict[str, int] = {}
    for s in spans:
        forms[s.form] = forms.get(s.form, 0) + 1
        if len(s.toks) == 1:
            singles.add(s.form)
        elif s.person_shaped:
            surnames.setdefault(s.toks[-1].key, set()).add(s.form)
    if not surnames:
        return spans
    out = []
    cut = False
    for s in spans:
        if len(s.toks) == 2 and forms[s.form] == 1 and not (s.title_before or s.defined or s.affiliation):
            first, second = s.toks
            owners = surnames.get(first.key)
            if (owners and owners - {s.form} and first.shape == second.shape == _CAP and not second.possessive
                    and (second.key in singles or _place_strength(second.key, second.text))):
                out.append(_Span(s.par, s.text, [first], initial=False, headline=False))
                out.append(_Span(s.par, s.text, [second], initial=False, headline=False))
                cut = True
                continue
        out.append(s)
    return out if cut else spans


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole quotation: an opening quotation mark right before, a closing one after."""
    return start > 0 and text[start - 1] in "“\"‘«„‚" and text[end : end + 1] in ("”", "\"", "’", "»", "“", "‘")


_PLACE_PREPOSITION_BEFORE_RE = re.compile(r"(?:^|\s)(?:in|aus|nach)\s$")
_WORD_BEFORE_RE = re.compile(r"(\w+) $")
_ARTICLE_RE = re.compile(r"(?:%s)\s+" % "|".join(ALIAS_ARTICLES), re.IGNORECASE)


#: A person's verb right after a word: "Dean said", "Dean told".
_PERSON_VERB_AFTER_RE = re.compile(r"\s+(?:said|says|told|added|asked|replied|wrote|lost|won)\b")


def _given_name_use(text: str, tok: _Tok) -> bool:
    """Whether a capitalised title word that stands alone is used as a person's name: a person's verb right after
    it, and no article before it ("Dean said", but "the Dean said")."""
    if tok.possessive or not _PERSON_VERB_AFTER_RE.match(text, tok.end):
        return False
    return not text[max(0, tok.start - 4) : tok.start].lower().endswith(("the ", "a "))


def _given_names_back(spans: list[_Span], titled: list[tuple[_Span, _Tok]], given: set[str]) -> list[_Span]:
    """Put a title word the article uses as a given name back before the surname it was taken from."""
    replace: dict[int, _Span] = {}
    for span, tok in titled:
        if tok.key in given:
            whole = _Span(span.par, span.text, [tok, *span.toks], initial=tok.initial, headline=False)
            whole.title_before = True  # the evidence that it is a person's name stays
            replace[id(span)] = whole
    return [replace.get(id(s), s) for s in spans] if replace else spans


#: A capitalised word right after a lower-case word (and maybe a comma): a name, wherever the line is.
_NAME_AFTER_LOWER_RE = re.compile(r"(?<![\w’'-])([a-z]+)(,?) ([A-Z][a-z]+)\b(?![’'-])")
_SPEAKS_RE = re.compile(r" (?:says|said)\b")
#: What may follow a name but never a possessive: punctuation, "and"/"or", a verb of reporting.
_NOT_POSSESSIVE_AFTER_RE = re.compile(r"[’']s(?:[,;:.)]|\s+(?:and|or|said|says|reported|beat|rose|fell)\b)")


def _apostrophe_names(spans: list[_Span]) -> None:
    """A name the article writes only with "'s", once where no possessive can stand ("McDonald's, eBay and
    AT&T beat forecasts"), has the "'s" in its name: its mentions are made to include it."""
    plain: set[str] = set()  # forms written without "'s"
    shown: set[str] = set()  # forms whose "'s" stands where no possessive can
    saints: list[_Span] = []  # "St Bride's had led": a saint's possessive alone names the club, school or church
    for s in spans:
        last = s.toks[-1]
        if not last.possessive:
            plain.add(s.key)
        elif _NOT_POSSESSIVE_AFTER_RE.match(s.text, last.end):
            shown.add(s.key)
        elif len(s.toks) == 2 and s.toks[0].key in _SAINTS:
            saints.append(s)
    for s in saints:
        s.end = s.toks[-1].end + 2
        s.surface = s.text[s.start : s.end]
    names = shown - plain
    if not names:
        return
    for s in spans:
        if s.key in names and s.toks[-1].possessive:
            s.end = s.toks[-1].end + 2
            s.surface = s.text[s.start : s.end]


_CAPITAL_WORD = r"[^\W\d_a-z][\w'’\-]*"
#: A title of a work in quotation marks: two to eight words, capitalised but for short joiners ("Lawrence of
#: Arabia", "The Salt Road").
_QUOTED_TITLE_RE = re.compile(
    rf"[“‘\"]({_CAPITAL_WORD}(?: (?:(?:of|the|and|in|on|at|to|a|an|for|from|with) )*(?:{_CAPITAL_WORD}|\d+)){{1,7}})[”’\"]"
)
#: A cue before a quoted nickname ("known as “the Ghost”"), which the alias rules read instead.
_NICKNAME_CUE_BEFORE_RE = re.compile(r"(?:as|alias|aka|dubbed|nicknamed|called|named|née)\W{0,3}$", re.IGNORECASE)


def _occurrences(text: str, names: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each whole-word occurrence of one of ``names`` in ``text``."""
    out = []
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if (not at or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                out.append((at, end))
            at = text.find(name, end)
    return out


#: "the Horse and Jockey pub", "the Fox and Hounds inn": two capitalised words joined by "and" between "the" and
#: a venue's noun name one pub, inn or restaurant.
_VENUE_AND_RE = re.compile(r" and ([^\W\d_a-z][^\W\d_]+) (?:pub|inn|tavern|bar|restaurant|hotel|caf[eé])\b")
_VENUE_THE_RE = re.compile(r"(?:^|(?<=\W))[Tt]he ([^\W\d_a-z][^\W\d_]+)$")


def _venues(text: str) -> list[str]:
    """The "X and Y" names of venues in a paragraph (searched from its literal " and ", then "the X" before it)."""
    out = []
    if " and " not in text:
        return out  # (the expression's first characters)
    for m in _VENUE_AND_RE.finditer(text):
        before = _VENUE_THE_RE.search(text, max(0, m.start() - 40), m.start())
        if before is not None:
            out.append(f"{before.group(1)} and {m.group(1)}")
    return out


def _venue_names(par: int, text: str, toks: list[_Tok], spans: list[_Span], venues: frozenset[str]) -> list[_Span]:
    """"X and Y" named by a venue's noun after it somewhere in the article (``venues``: "the Horse and Jockey
    pub") is one name wherever it is written, the candidates inside it replaced."""
    out = spans
    for start, end in _occurrences(text, venues):
        inside = [t for t in toks if start <= t.start and t.end <= end]
        if len(inside) != 3 or inside[0].start != start or inside[-1].end != end:
            continue
        span = _Span(par, text, inside, initial=False, headline=False)
        out = [s for s in out if s.end <= start or s.start >= end]
        out.append(span)
    if out is not spans:
        out.sort(key=lambda s: s.start)
    return out


_PARTICLES_BEFORE = ("van der", "van den", "van de", "de la", "de los", "van", "von", "de", "der", "den", "da", "di", "du",
                     "dos", "das", "del", "ter", "ten", "le", "la", "ap", "arap")
_PARTICLE_BEFORE_RE = re.compile(r"(?:^|(?<=[\s(]))(%s) $" % "|".join(_PARTICLES_BEFORE))
#: What a window that _PARTICLE_BEFORE_RE finds something in ends with ("$" also matches before a final line break):
#: looked up first, as most windows end with none.
_PARTICLE_BEFORE_ENDINGS = tuple(p + end for p in _PARTICLES_BEFORE for end in (" ", " \n"))


@cython.locals(s=_Span)
def _particle_endings(spans: list[_Span]) -> frozenset[tuple[str, ...]]:
    """The particles and surnames of the article's personal names ("de", "ruyter" of "Tomas de Ruyter")."""
    return frozenset(s.keys[-2:] for s in spans if s.person_shaped and len(s.toks) >= 3
                     and s.toks[-2].shape == _LOWER and s.toks[-2].key in _CONNECTOR_PARTICLES
                     and s.keys[0] not in MUNICIPALITY_NOUNS and s.keys[1] not in MUNICIPALITY_NOUNS)  # (not "La
    # Commune de X": "de X" names the town)


@cython.locals(s=_Span, tok=_Tok)
def _particles_back(spans: list[_Span], endings: frozenset[tuple[str, ...]]) -> list[_Span]:
    """A surname written with its lower-case particle alone ("de Ruyter", "van Staden") keeps the particle when the
    article's full name has it ("Tomas de Ruyter"): the particle is no joiner there, since no name stands before it."""
    if not endings:
        return spans
    out = []
    for s in spans:
        if len(s.toks) == 1 and s.toks[0].shape == _CAP and s.start > 2 and s.text[s.start - 2].islower():
            lo = max(0, s.start - 8)
            m = _PARTICLE_BEFORE_RE.search(s.text, lo, s.start) if s.text.endswith(
                _PARTICLE_BEFORE_ENDINGS, lo, s.start) else None
            if m is not None and (m.group(1).rsplit(" ", 1)[-1], s.keys[0]) in endings:
                toks = []
                for word in re.finditer(r"\S+", m.group(1)):
                    tok = _Tok(word.group(), m.start(1) + word.start(), shape=_LOWER)
                    tok.joined = bool(toks)
                    toks.append(tok)
                s.toks[0].joined = True
                # (a known name's end, also in a list of capitalised names: "Tries: Ashby, de Ruyter")
                piece = _Span(s.par, s.text, [*toks, *s.toks], initial=False, headline=False)
                piece.title_before, piece.defined = s.title_before, s.defined
                s = piece
        out.append(s)
    return out


def _quoted_titles(par: int, text: str, toks: list[_Tok], spans: list[_Span]) -> list[_Span]:
    """A title of a work in quotation marks is one name ("“Lawrence of Arabia”", "‘The Salt Road’"), the
    candidates inside it replaced; its leading "The" is written but not part of its key."""
    out = spans
    for m in _QUOTED_TITLE_RE.finditer(text):
        start, end = m.span(1)
        if _NICKNAME_CUE_BEFORE_RE.search(text, max(0, start - 16), start):
            continue
        inside = [t for t in toks if start <= t.start and t.end <= end]
        if len(inside) < 2 or inside[0].start != start or inside[-1].end != end:
            continue  # a word the name tokens do not cover: no title
        first = inside[0]
        if first.key in ("the", "a", "an"):
            inside = inside[1:]
        span = _Span(par, text, inside, initial=False, headline=False)
        span.start, span.surface = first.start, text[first.start : span.end]
        out = [s for s in out if s.end <= start or s.start >= end]
        out.append(span)
    if out is not spans:
        out.sort(key=lambda s: s.start)
    return out


_COMPANY_COMMA_RE = re.compile(r",\s")
_HYPHENS = frozenset("-‐‑")
#: A quotation mark after a word and a space, before a capital: where a nickname may stand.
#: (The look-behind comes after the quotation mark, so that the search skips to quotation marks in C.)
_QUOTED_CAPITAL_RE = re.compile(r"[‘'\"“](?<=\w .)[^\W\d_a-z]")
#: A given name, a quoted nickname, a surname: "Anna 'Nan' Pellow", "Jack “Bud” Rowe".
_NICKNAME_INSIDE_RE = re.compile(
    r"(?<![\w'’])([^\W\d_a-z][^\W\d_]+) [‘'\"“]([^\W\d_a-z][^\W\d_]+)[’'\"”] ([^\W\d_a-z][^\W\d_]+)"
)


@cython.locals(text=str, quote=cython.Py_ssize_t, start=cython.Py_ssize_t, done=cython.Py_ssize_t, c=cython.Py_UCS4)
def _nickname_inside_matches(text: str) -> list[re.Match]:
    """The matches of ``_NICKNAME_INSIDE_RE.finditer(text)`` (the expression above, which replaces the module's
    earlier one of that name), looked for only where a quotation mark stands after a word and a space, before a
    capital: every match has one after its given name (_QUOTED_CAPITAL_RE). The given name is the letters
    (``[^\\W\\d_]``) before that space, after no word character, so a match can start only there; it is tried
    there when that is not before the last match's end (where finditer goes on). The expression alone has no first
    character to skip to: it would be tried at every position of the paragraph. tests/test_entities.py compares
    the two."""
    out = []
    done = 0
    for m in _QUOTED_CAPITAL_RE.finditer(text):
        quote = m.start()
        start = quote - 1  # the space before the quotation mark
        while start > 0:
            c = text[start - 1]
            if not c.isalnum() or c.isdecimal():
                break
            start -= 1
        if start < done:
            continue
        match = _NICKNAME_INSIDE_RE.match(text, start)
        if match is not None:
            out.append(match)
            done = match.end()
    return out


_MODEL_NUMBER_RE = re.compile(r" (\d{1,4}(?!st\b|nd\b|rd\b|th\b)[a-z]{1,2})\b")  # "16e", not "11th"
_MODEL_AFTER_RE = re.compile(r" (%s)\b" % "|".join(sorted(PRODUCT_MODELS)))


def _with_suffixes(spans: list[_Span]) -> list[_Span]:
    """A company's suffix after a comma is part of its name ("Veridia Therapeutics, Inc."), and so is a model
    after a camel-cased product name ("iPad mini")."""
    out: list[_Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if (prev is not None and len(s.toks) == 1 and s.keys[0] in CORPORATE_SUFFIXES and s.toks[0].shape == _CAP
                and s.start == prev.end + 2 and _COMPANY_COMMA_RE.match(s.text, prev.end) and not prev.toks[-1].possessive
                and s.text[s.end : s.end + 1] not in _HYPHENS):  # (not "Co-Präsidentin", "Co-founder")
            whole = _Span(s.par, s.text, [*prev.toks, *s.toks], initial=prev.initial, headline=prev.headline)
            whole.title_before = prev.title_before
            out[-1] = whole
            continue
        last = s.toks[-1]
        if s.toks[0].text[0].islower() and not last.possessive:
            model = _MODEL_AFTER_RE.match(s.text, last.end) or _MODEL_NUMBER_RE.match(s.text, last.end)
            if model:  # "iPad mini", "iPhone 16e"
                word = _Tok(model.group(1), model.start(1), shape=_LOWER)
                s = _Span(s.par, s.text, [*s.toks, word], initial=s.initial, headline=s.headline)
        out.append(s)
    return out


@cython.locals(s=_Span, prev=_Span, tok=_Tok)
def _partners_listed(spans: list[_Span], stops: frozenset[str]) -> list[_Span]:
    """A firm named after its partners lists their surnames with commas before the "&" of the last two ("Lowell,
    Pruitt & Haynes Partners", "Baxter, Quinlan & Moss LLP"): the one-word names right before a name with "&" in
    it, each followed by a comma, are part of it (not a stopword, a title, a month, nor a place unless the name ends
    with a firm's suffix; nor a common word at a sentence's start: "Yesterday, Procter & Gamble said")."""
    out: list[_Span] = []
    for s in spans:
        inner = s.toks[1:-1]  # (a plain variable: the generator below never reads the typed span)
        if out and any(t.key == "&" for t in inner):
            k = len(out)
            start = s.start
            firm = s.toks[-1].key in CORPORATE_SUFFIXES or s.toks[-1].key == "partners"  # (then a surname that is
            # also a town's is the partner's: "Lowell, Pruitt & Haynes Partners")
            while k and len(out) - k < 4:
                prev = out[k - 1]
                tok = prev.toks[0]
                if not (len(prev.toks) == 1 and prev.par == s.par and prev.end == start - 2 and s.text[prev.end] == ","
                        and tok.shape == _CAP and not tok.possessive and tok.key not in stops
                        and not _month_or_day(tok.key) and not ALL_CUES.is_title(tok.key)
                        and (firm or not _place_strength(tok.key, tok.text))
                        and not (prev.initial and not firm and _is_common_word(tok.key))):
                    break
                k -= 1
                start = prev.start
            if k < len(out):
                first = out[k]
                toks = [t for sp in out[k:] for t in sp.toks] + list(s.toks)
                whole = _Span(s.par, s.text, toks, initial=first.initial, headline=s.headline)
                del out[k:]
                s = whole
        out.append(s)
    return out


#: Words that begin sentences and no names ("in the U.S. The ..."): headline-case small words and pronouns.
_FUNCTION_WORDS = _HEADLINE_LOWER | frozenset(
    "he she it they we i you his her their its our this that these those there here what when where who why how "
    "if while although though yet still also but".split()
)


def _unglued(spans: list[_Span]) -> list[_Span]:
    """A run that is a known name glued to a person's known surname ("told Harbour Watch Ortiz was" after
    "Harbour Watch founder" and "Chairman Fergus Ortiz") is two names."""
    surnames: set[str] = set()
    glued: list[_Span] = []  # names of three words or more that are no person's
    for s in spans:
        toks = s.toks
        if len(toks) > 1:
            if s.person_shaped or s.title_before:
                surnames.add(s.keys[-1])
            elif len(toks) > 2 and not s.defined and toks[-2].shape != _LOWER:
                glued.append(s)
    glued = [s for s in glued if s.keys[-1] in surnames]
    if not glued:
        return spans
    forms = {sp.form for sp in spans}
    cut: dict[int, tuple[_Span, _Span]] = {}
    for s in glued:
        toks = s.toks
        rest = toks[:-1]
        left = _form_key(s.keys[:-1], s.text[rest[0].start : rest[-1].end])
        if left in forms and left != s.form:
            cut[id(s)] = (_Span(s.par, s.text, rest, initial=False, headline=s.headline),
                          _Span(s.par, s.text, toks[-1:], initial=False, headline=s.headline))
    if not cut:
        return spans
    out: list[_Span] = []
    for s in spans:
        pieces = cut.get(id(s))
        if pieces is None:
            out.append(s)
        else:
            out.extend(pieces)
    return out


def _org_after_place(place: list[_Tok], nxt: _Tok) -> bool:
    """Whether ``nxt`` is an organisation's head noun right after a place named with its head noun ("Franklin
    County" + "Commission")."""
    if not (nxt.joined and nxt.shape == _CAP and nxt.key in _ORG_HEADS) or place[-1].possessive:
        return False
    return len(place) > 1 and place[-1].key in _PLACE_HEADS


def _demonym_part(key: str) -> bool:
    """A word that can start a demonym of two or three words: a direction ("South Korean"), a demonym, the
    first word of a place name of several words ("Puerto Rican", "Sri Lankan") or a big place."""
    places = _places()
    return (key in _DIRECTIONS or _is_demonym(key) or places.longest.get(key, 0) > 1
            or places.strength.get(key, 0) >= 2)


def _affiliation(outer: _Span, inner: _Span, *, english: bool, language: str = "en") -> bool:
    """ "Tomas Ruiz (PSOE)", "Jonas Albrecht (FDP)": a party or employer in brackets after a person is an
    affiliation, not another name -- unless it is made of the person-shaped name's initials ("Mara Salvatrucha
    (MS13)"). Outside English a name whose capitalised words are all common words of the language is no person's
    ("la Corporación Nacional Forestal (Conaf)"; "Tomás de la Fuente Irigoyen (X)" is)."""
    last = outer.toks[-1].key
    if last in _ORG_HEADS or last.endswith(ALL_CUES.org_endings):
        return False  # "den Europäischen Gerichtshof (EuGH)": an organisation's name, no person's
    if not (outer.title_before or (outer.person_shaped and (
        english or sum(1 for t in outer.toks if t.shape != _LOWER) <= 3  # (particles aside: "Ana del Valle Ruiz")
    ) and (english or not all(_is_common_word_of(t.text, language) for t in outer.toks if t.shape != _LOWER)))):
        return False
    initials = "".join(t.key[:1] for t in outer.toks if t.shape != _LOWER)
    return not inner.keys[0].startswith(initials)


@cython.locals(s=_Span, t=_Tok)
def _conjunction_split(spans: list[_Span], weak: frozenset[str]) -> list[_Span]:
    """Two one-word names joined by "y" / "e" are two names when the article also writes one of them alone
    ("colonias como Pensiones y Chuburná ... En Chuburná"; ``weak``: the words a sentence may start with before
    it); else one ("Ortega y Gasset", "Ciencia y Tecnología")."""
    joined = [i for i, s in enumerate(spans) if (" y " in s.surface or " e " in s.surface) and any(
        t.shape == _LOWER and t.key in ("y", "e") for t in s.toks[1:-1])]
    if not joined:
        return spans
    alone = {s.keys[-1] for s in spans if len(s.toks) == 1 or (len(s.toks) == 2 and s.initial and s.keys[0] in weak)}
    out = list(spans)
    for i in reversed(joined):
        s = spans[i]
        toks = s.toks
        k = next(j for j in range(1, len(toks) - 1) if toks[j].shape == _LOWER and toks[j].key in ("y", "e"))
        left, right = toks[:k], toks[k + 1 :]
        if left[-1].key in _ORG_HEADS or any(t.shape == _LOWER for t in left) or any(t.key in _ORG_HEADS for t in left):
            continue  # "Ministerio de Ciencia y Tecnología"
        if not ((len(left) == 1 and left[0].key in alone) or (right[0].key in alone) or (
            len(right) <= 2 and len(left) <= 2 and (s.text.endswith((" en ", " entre "), 0, s.start) or (
                s.text.endswith(" de ", 0, s.start) and left[0].key in ROMANCE_ARTICLES))
            and not _places().strength.get(" ".join(s.keys))  # ("en Trinidad y Tobago": one country)
        )):  # (after "en", or after "de" before an article: two places, "en El Olivar y Achupallas", "vecinos de Las
            # Tablas y Quebrada Verde")
            continue
        pieces = [_Span(s.par, s.text, part, initial=s.initial and part is left, headline=s.headline)
                  for part in (left, right)]
        out[i : i + 1] = pieces
    return out


@cython.locals(s=_Span, sp=_Span, t=_Tok)
def _numbers_off(spans: list[_Span]) -> list[_Span]:
    """A number ends a name ("Barrio 18", "watchOS 11") unless the article writes the name without it
    elsewhere: then it is a score or a count ("Daniil Medvedev 3-6", a results table's "Greens 23")."""
    numbered = [i for i, s in enumerate(spans) if len(s.toks) > 1 and s.toks[-1].shape == _NUMBER]
    if not numbered:
        return spans
    forms = {s.form for s in spans if s.toks[-1].shape != _NUMBER}
    surnames: set[str] | None = None  # made when first needed
    for i in numbered:
        s = spans[i]
        rest = s.toks[:-1]
        if (s.toks[-2].key in forms or _form_key([t.key for t in rest], s.text[rest[0].start : rest[-1].end]) in forms) \
                and s.toks[-1].text.isdigit() and not _COINED_RE.match(rest[0].text):
            cut = True  # (but a model's number is the product's: "LarkPhone 3" beside "LarkPhone", "Pixel 9a")
        elif len(rest) == 1:
            if surnames is None:  # a person's surname before a number: a box score's row ("Hastings 19 pts")
                surnames = {sp.toks[-1].key for sp in spans
                            if len(sp.toks) > 1 and sp.toks[-1].shape != _NUMBER and sp.person_shaped}
            cut = rest[0].key in surnames
        else:
            cut = False
        if cut:
            piece = _Span(s.par, s.text, rest, initial=s.initial, headline=s.headline)
            piece.title_before = s.title_before
            spans[i] = piece
    return spans
