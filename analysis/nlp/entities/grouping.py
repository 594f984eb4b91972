"""Grouping: alias definitions ("X (Y)", "X, alias “Y”"), the known names of an article (:class:`_Lookup`) and
its entities as groups of forms (:class:`_Groups`: spellings, acronyms, shorter names joined to longer ones).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from operator import attrgetter, itemgetter

from analysis import native
from analysis.models import Entity
from analysis.nlp.entities.candidates import (
    _ACRONYM,
    _CAP,
    _MAX_NAME_TOKENS,
    _form_key,
    _Span,
    _Tok,
)
from analysis.nlp.entities.cues import (
    _JOINERS,
    _PLACE_HEADS,
    _ORG_HEADS,
    ALIAS_ARTICLES,
    ALIAS_CUES,
    AP_STATES,
    ORG_FIRST_WORDS,
    ALL_CUES,
    APPOSITION_ARTICLES,
    CORPORATE_SUFFIXES,
    HYPHEN_INNER_PARTICLES,
    DISTRICT_NOUNS,
    PARTY_ALTERNATES,
    PLACE_ARTICLE_PREPOSITIONS,
    PLACE_ONLY_PREPOSITIONS,
    COUNCIL_HEADS,
    COUNCIL_KINDS,
    MUNICIPALITY_NOUNS,
    _alternation,
)
from analysis.nlp.entities.lexicon import _hypocorisms, _norm, _place_strength, _stopwords

_PLACE_ARTICLE_BEFORE_RE = re.compile(
    r"(?:^|\s)(?:(?:%s)\s(?:(?:la|le|les|der|dem|el|los|las)\s|l['’])?|(?:%s)\s(?:der|dem)\s)$"
    % ("|".join(sorted(PLACE_ONLY_PREPOSITIONS)), "|".join(sorted(PLACE_ARTICLE_PREPOSITIONS))),
    re.IGNORECASE,
)
#: A name in brackets after a town named after a place's preposition: the town's region or district ("à Lannion
#: (Côtes-d'Armor)", "in Vilsbiburg (Landkreis Landshut)", "en Tomelloso (Ciudad Real)").
_PLACE_BRACKET_BEFORE_RE = re.compile(
    r"(?:^|\s)(?i:%s)\s[^\W\d_a-zß-öø-ÿ][\w'’-]*(?:\s[^\W\d_a-zß-öø-ÿ][\w'’-]*)?\s\((?:[^\W\d_][\w-]*\s)?$"
    % "|".join(sorted(PLACE_ONLY_PREPOSITIONS))
)
_PLACE_PREPOSITION_BEFORE_RE = re.compile(r"(?:^|\s)(?:%s)\s$" % "|".join(sorted(PLACE_ONLY_PREPOSITIONS)),
                                          re.IGNORECASE)
from analysis.nlp.entities.tables import (
    EntityResult,
)
from analysis.nlp.entities.typing import (
    _entity_type,
)

if native.COMPILING:  # (never in Python) the compiled build's declarations: see grouping.pxd
    import cython
else:
    from analysis.native import cython_declarations as cython

#: A cue of any language (cues.ALIAS_CUES) after a comma or a parenthesis, then an optional article before an
#: opening quotation mark, then the quotation mark. Between the comma and the cue may stand an age ("Gene Hale, 61,
#: known to pupils as ...") and a short apposition that starts with an article and names no one else ("Larchwood
#: Labs, the Oslo startup formerly known as Pinecone"; not "Dana Hill, the mother of a boy nicknamed ...").
_ALIAS_CUES_RE = "|".join(cue for cues in ALIAS_CUES.values() for cue in cues)
_ALIAS_TRIGGER_RE = re.compile(
    r"\s*[,(]\s*(?:%s)\s+(?:(?:%s)\s+(?=[“„\"‘'«»]))?(?P<quote>[“„\"‘'«»]\s*)?" % (_ALIAS_CUES_RE, "|".join(ALIAS_ARTICLES)),
    re.IGNORECASE,
)
#: The same with an age or an apposition before the cue; tried only where _ALIAS_NEAR_RE finds a number or an
#: article right after the comma.
_ALIAS_TRIGGER_LONG_RE = re.compile(
    r"\s*[,(]\s*(?:\d{1,3}\s*,\s*)?(?:(?:%s)\s+(?:(?!(?:of|who|whose|which|that|and|with|de|du|des|del)\b)"
    r"[^\W\d_][\w'’-]*\s+){1,4}?)?(?:%s)\s+(?:(?:%s)\s+(?=[“„\"‘'«»]))?(?P<quote>[“„\"‘'«»]\s*)?"
    % ("|".join(APPOSITION_ARTICLES), _ALIAS_CUES_RE, "|".join(ALIAS_ARTICLES)),
    re.IGNORECASE,
)
_ALIAS_NEAR_RE = re.compile(r"\s*[,(]\s*(?:\d|(?:%s)\s)" % "|".join(APPOSITION_ARTICLES), re.IGNORECASE)
_TRAILING_HEAD_RE = re.compile(r"(?:\s+%s){1,2}(?=\s*[,(])" % _alternation(_ORG_HEADS))
#: What every definition starts with (a superset of the patterns that read them): a comma or a parenthesis, right
#: after the name or after one to four lower-case words ("Agence nationale de la recherche (ANR)").
_DEFINITION_NEAR_RE = re.compile(r"\s*[,(]|\s+[a-zß-öø-ÿ]++(?:\s+[a-zß-öø-ÿ]++){0,3}\s*[,(]")  # "++": no backtracking
#: The same in French or Spanish, where an institution's name goes on in lower case up to its acronym in brackets
#: ("l'Office central de lutte contre la fraude fiscale (OCLFF)"): up to nine words, elided ones too.
_DEFINITION_NEAR_ROMANCE_RE = re.compile(r"\s*[,(]|\s+[a-zß-öø-ÿ'’]++(?:\s+[a-zß-öø-ÿ'’-]++){0,8}\s*[,(]")
_CLOSING_QUOTE_RE = re.compile(r"\s*[”“\"’'»«]")  # German closes „X“ and »X«
_PAREN_OPEN_RE = re.compile(r"\s*\(\s*(?:the\s+)?[“\"‘]?")
_PAREN_CLOSE_RE = re.compile(r"[”\"’]?\s*\)")


def _headed(key: str) -> bool:
    """Whether a name's first word is an organisation's head noun or ends like one ("Sparkasse Landshut"): the
    name is no person's, whatever its shape."""
    return (key in _ORG_HEADS or key in DISTRICT_NOUNS or key.endswith(ALL_CUES.org_endings)
            or key.endswith(ALL_CUES.facility_endings))


class _Tally:
    """Mentions by group of the spans of one shorter name, and the most mentioned group (on a tie, the one
    counted first): ``max(counts, key=counts.__getitem__)``, kept up to date as spans are counted, so that a
    question costs the new spans only, not every group again."""

    __slots__ = ("counted", "counts", "order", "best")

    def __init__(self) -> None:
        self.counted = 0  # spans counted so far
        self.counts: dict[str, int] = {}
        self.order: dict[str, int] = {}
        self.best = ""

    def add(self, group: str) -> None:
        count = self.counts[group] = self.counts.get(group, 0) + 1
        if count == 1:
            self.order[group] = len(self.order)
        best = self.best
        if not best or count > self.counts[best] or (count == self.counts[best] and self.order[group] < self.order[best]):
            self.best = group


class _Lookup:
    """Which token sequences are known names, and to which entity group each belongs.

    Built in pass B from the spans kept so far; a name's group is then its form key. Pass D calls
    :meth:`use_groups` once the entities exist, and the same spans answer with their entities' groups.
    """

    MAX_TOKENS = _MAX_NAME_TOKENS

    def __init__(self, spans: list[_Span]) -> None:
        self.groups: _Groups | None = None
        self.exact: dict[str, _Span] = {}  # form key -> the first span of that form
        self.partial: dict[tuple[str, ...], list[_Span]] = {}  # a shorter name -> the spans of longer names
        # a surname or a first name -> the spans of personal names
        self.surnames: dict[tuple[str, ...], list[_Span]] = {}
        self.longest: dict[str, int] = {}  # first token key -> most tokens of a known name starting with it
        # (partial?, keys) -> (how many of its spans are counted, mentions by group): the spans only grow
        self._counts: dict[tuple[bool, tuple[str, ...]], _Tally] = {}
        self.stops = _stopwords()
        for s in spans:
            self.add(s)

    @cython.locals(s=_Span)
    def add(self, s: _Span) -> None:
        self.exact.setdefault(s.form, s)
        keys = s.keys
        if keys and len(keys) > self.longest.get(keys[0], 0):
            self.longest[keys[0]] = len(keys)
        subs = s.partials
        if not subs:  # a name of one word (most): no shorter names, no surname
            if "-" in s.surface and s.toks[0].shape == _CAP:
                short = _hyphenated_short(s.surface)  # "Séverac" of "Séverac-d'Aveyron", also in a headline
                if short:
                    self.partial.setdefault((short,), []).append(s)
            return
        for sub in subs:
            spans = self.partial.get(sub)
            if spans is None:
                self.partial[sub] = [s]
            else:
                spans.append(s)
            if len(sub) > self.longest.get(sub[0], 0):
                self.longest[sub[0]] = len(sub)
        if subs and len(keys) in (2, 3, 4) and not s.person_shaped:
            # a party's own word(s), even at a sentence start or in a headline: "Reform" of "Reform UK",
            # "Labour" of "Labour Party"
            last = keys[-1]
            company = last in CORPORATE_SUFFIXES  # "Acme" of "Acme Robotics Corp."
            if company or last == "party" or _place_strength(last, s.toks[-1].text) >= 4:
                for core in (keys[:-1], keys[:1]) if company else (keys[:-1],):
                    if core in subs and not any(
                        k in self.stops or k in _ORG_HEADS or k in _JOINERS or k in ORG_FIRST_WORDS for k in core
                    ):  # (an adjective alone names nothing: "Historic buildings" is no "Historic England")
                        spans = self.surnames.get(core)
                        if spans is None:
                            self.surnames[core] = [s]
                        else:
                            spans.append(s)
        if subs and (s.person_shaped or _person_by_context(s, self.stops)) and not (
            s.toks[0].key in ORG_FIRST_WORDS and _place_strength(keys[-1], s.toks[-1].text) >= 4
        ):  # ("Historic England", "Natural England": an organisation, no person with a given name)
            # a surname, and a first name that is no stopword ("Martin said" after "Martin Hale")
            first = s.toks[0].key
            for own in ((s.toks[-1].key,), (first,)) if first not in self.stops else ((s.toks[-1].key,),):
                spans = self.surnames.get(own)
                if spans is None:
                    self.surnames[own] = [s]
                else:
                    spans.append(s)

    def use_groups(self, groups: _Groups) -> None:
        """From now on, answer with the entities' groups (pass D)."""
        self.groups = groups
        self._counts.clear()

    @cython.locals(s=_Span)
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

    @cython.locals(first=_Span, s=_Span)
    def _group_of(self, form: str, keys: tuple[str, ...], partial: bool) -> str | None:
        first = self.exact.get(form)
        if first is not None:
            return self._group(first)
        keys = tuple(keys)
        spans = (self.partial if partial else self.surnames).get(keys)
        if not spans:
            return None
        if len(spans) == 1:  # most shorter names: part of one longer name
            return self._group(spans[0])
        tally = self._counts.get((partial, keys))
        if tally is None:
            tally = self._counts[(partial, keys)] = _Tally()
        if tally.counted < len(spans):
            for s in spans[tally.counted :]:
                tally.add(self._group(s))
            tally.counted = len(spans)
        return tally.best


#: A relative's word right before a person's name ("his wife, Danuta Wałęsa", "her brother Arjun Raman").
_RELATIVE_BEFORE_RE = re.compile(
    r"\b(?:wife|husband|son|daughter|brother|sister|mother|father|widow|widower|spouse|partner|children|grandson|"
    r"granddaughter|niece|nephew|cousin),?(?:\s+the\s+\w+)?\s+$"
)

#: What right after a name says it is a person's: ", who", ", whose", a speech verb.
_PERSON_AFTER_RE = re.compile(r",\s+(?:who|whom|whose)\b|\s+(?:said|says|told|added|asked)\b")
_SAID_BEFORE = ("said ", "says ", "told ")


_LEADING_ARTICLES = frozenset("the la le el l".split())


def _council_town(keys: tuple[str, ...]) -> tuple[str, ...] | None:
    """The town a local council or municipality is named after ("Dubbo Regional Council" -> dubbo, "Commune de
    Hesperange" -> hesperange, "Municipalidad de Viña del Mar" -> vina del mar), else None."""
    if keys and keys[0] in _LEADING_ARTICLES:
        keys = keys[1:]  # "La Municipalidad de Quilpué" at a sentence's start
    n = len(keys)
    if 2 <= n <= 5 and keys[-1] in COUNCIL_HEADS:
        end = n - 1
        while end > 1 and keys[end - 1] in COUNCIL_KINDS:
            end -= 1
        return keys[:end] if end <= 3 else None
    if 3 <= n <= 5 and keys[0] in MUNICIPALITY_NOUNS and keys[1] in ("de", "d", "del"):
        return keys[2:]
    return None


@cython.locals(s=_Span, t=_Tok)
def _person_by_context(s: _Span, stops: frozenset[str]) -> bool:
    """A name of two or three capitalised words that are common words too ("Martin Hale", so not shaped like
    a personal name) is a person's when the words around it say so: a title before it, ", who" or "said" after
    it, "said" before it. Then its first name and surname alone are that person ("Martin was elected")."""
    toks = s.toks
    if len(toks) not in (2, 3) or toks[0].key in stops or any(
        t.shape != _CAP or t.key in _ORG_HEADS or t.key in _PLACE_HEADS for t in toks
    ):
        return False
    if s.title_before:
        return True
    text = s.text
    return bool(_PERSON_AFTER_RE.match(text, s.end_with_possessive)) or text.endswith(
        _SAID_BEFORE, max(0, s.start - 6), s.start
    )

# ------------------------------------------------------------------------------------------------
# Entities: forms grouped by aliases, typed, named


_HYPHENATED_PLACE_RE = re.compile(
    r"([^\W\d_][\w'’]*(?:-[^\W\d_a-z][\w'’]*)*?)-(?:(?:%s)-[^\W\d_a-z]|[dl]['’][^\W\d_a-z])"
    % "|".join(sorted(HYPHEN_INNER_PARTICLES, key=len, reverse=True))
)


def _hyphenated_short(surface: str) -> str | None:
    """The key of a hyphenated place's name before its particle ("Séverac" of "Séverac-d'Aveyron", "Saint-Affrique"
    of "Saint-Affrique-sur-Tarn"), the place's short name when the article writes it alone; else None."""
    m = _HYPHENATED_PLACE_RE.match(surface)
    return _norm(m.group(1)) if m else None


class _Groups:
    """Union-find over form keys, with the spans (mentions) of each form."""

    @cython.locals(s=_Span, a=_Span, b=_Span)
    def __init__(self, spans: list[_Span], links: list[tuple[_Span, _Span]], *, inflected: bool = False) -> None:
        self.inflected = inflected  # German: "Deutschen Bahn" is "Deutsche Bahn", "Grünen" is "Grüne"
        self.parent: dict[str, str] = {}
        self.spans: list[_Span] = []
        self.nicknames: set[str] = set()
        parent, nicknames, kept = self.parent, self.nicknames, self.spans
        for s in spans:  # (what add does)
            key = s.key = s.form
            if key:
                parent.setdefault(key, key)
                if s.nickname:
                    nicknames.add(key)
                kept.append(s)
        for a, b in links:
            if a.key and b.key:
                self.union(a.key, b.key)
        forms = self._join_variants()
        self._join_hypocorisms(forms)
        self._join_partials()

    @cython.locals(s=_Span)
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

    @cython.locals(s=_Span, t=_Tok)
    def _join_variants(self) -> dict[str, _Span]:
        """Spellings of one name: "Department of Justice" / "Justice Department", "Houthis" / "Houthi", a
        nickname with its article ("Notario" / "El Notario"), in German an adjective's ending on the first word
        ("Deutschen Bahn" / "Deutsche Bahn"),
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
            if len(keys) == 1 and key.endswith("s") and f"{key[:-1]} party" in forms:
                self.union(f"{key[:-1]} party", key)  # "the Greens" are the "Green Party"
            for other in PARTY_ALTERNATES.get(key, ()):  # "the Tories" are the Conservative Party
                if other in forms:
                    self.union(other, key)
            if self.inflected and len(keys[0]) > 4 and keys[0][-2] == "e" and keys[0][-1] in "nrsm":
                base = " ".join([keys[0][:-1], *keys[1:]])  # an adjective's ending: Deutschen -> Deutsche
                if base in forms:
                    self.union(base, key)
            if len(keys) > 1 and keys[0] in ALIAS_ARTICLES and key.split(" ", 1)[1] in self.nicknames:
                self.union(key.split(" ", 1)[1], key)  # «el Notario» ... "El Notario recibía"
            if len(s.toks) < 2:
                if "-" in s.surface and s.toks[0].shape == _CAP:  # "Séverac" of "Séverac-d'Aveyron"
                    short = _hyphenated_short(s.surface)
                    if short and short in forms:
                        self.union(short, key)
                continue  # the initials of one word are no acronym
            words = [t for t in s.toks if t.shape in (_CAP, _ACRONYM) and t.key not in _JOINERS]
            if len(words) >= 2 and all(t.shape == _CAP for t in words) and not s.person_shaped:
                initials["".join(t.key[0] for t in words)].add(self.find(key))
        for key, s in forms.items():
            compact = key.replace(" ", "") if "&" in s.surface else key  # "P&G"
            if len(s.toks) == 1 and s.toks[0].shape == _ACRONYM and compact.isalpha():
                owners = {self.find(o) for o in initials.get(compact, ())}
                if len(owners) == 1:
                    self.union(next(iter(owners)), key)
        return forms

    @cython.locals(s=_Span, a=_Span, b=_Span)
    def _join_hypocorisms(self, forms: dict[str, _Span]) -> None:
        """A short form of a given name is the person it is short for: "Rick Hanley" is "Richard Hanley" (same
        surname), and "Maggie" alone is "Margaret Ellison" when she is the article's only Margaret (and Maggie is
        no one's own given name or surname, nor written after "the": "the Bill" is a law). The short forms are
        those of :func:`lexicon._hypocorisms`. ``forms``: the first mention of each form."""
        given: dict[str, list[str]] = {}  # given name -> person forms
        by_surname: dict[str, list[_Span]] = {}
        singles: list[str] = []
        pairs: list[_Span] = []  # two capitalised words that are common words too ("Ted Marsh")
        for key, s in forms.items():
            if s.person_shaped:
                if len(s.toks) in (2, 3):
                    given.setdefault(s.toks[0].key, []).append(key)
                    by_surname.setdefault(s.toks[-1].key, []).append(s)
            elif len(s.toks) == 1 and s.toks[0].shape == _CAP and not s.defined:
                singles.append(key)
            elif len(s.toks) == 2 and s.toks[0].shape == _CAP and s.toks[1].shape == _CAP:
                pairs.append(s)
        if not given:
            return
        for s in pairs:  # "Ted Marsh" after "Edward Marsh": a short given name before a person's surname
            if s.toks[1].key in by_surname:
                by_surname[s.toks[1].key].append(s)
        shared = [spans for spans in by_surname.values() if len(spans) > 1]
        singles = [k for k in singles if k not in given and k not in by_surname]
        if not shared and not singles:
            return
        short = _hypocorisms()
        for spans in shared:  # "Rick Hanley" / "Richard Hanley"
            for i, a in enumerate(spans):
                for b in spans[i + 1 :]:
                    first_a, first_b = a.toks[0].key, b.toks[0].key
                    if first_b in short.get(first_a, ()) or first_a in short.get(first_b, ()):
                        self.union(b.key, a.key)
        for key in singles:  # "Maggie" / "Margaret Ellison"
            names = short.get(key)
            if not names:
                continue
            owners = {self.find(form) for name in names for form in given.get(name, ())}
            if len(owners) == 1 and not any(
                s.key == key and s.text.endswith(("the ", "The "), 0, s.start) for s in self.spans
            ):
                self.union(next(iter(owners)), key)

    @cython.locals(s=_Span)
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
            keys = s.keys
            if not all(keys):
                keys = tuple(k for k in keys if k)
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
        person_forms: set[str] = set()
        introduced: dict[str, bool] = {}  # person form -> every mention follows a relative's word ("his wife, X")
        for s in self.spans:
            if s.key in owner_forms:
                positions[s.key].append((s.par, s.start))
                if s.person_shaped:
                    person_forms.add(s.key)
                    if introduced.get(s.key, True):
                        introduced[s.key] = _RELATIVE_BEFORE_RE.search(s.text, max(0, s.start - 40), s.start) is not None
        for found in positions.values():  # spans found at sentence starts come after the others: sort for bisect
            found.sort()
        reassign: dict[int, str] = {}
        # per set of owners (one per shorter name): their groups, and all their mentions in reading order
        owner_roots: dict[int, set[str]] = {}
        shared_given: dict[int, bool] = {}  # per set of owners: all people whose given name the short form is
        owner_mentions: dict[int, list[tuple[tuple[int, int], str]]] = {}
        # a short form the body names before any longer name containing it is a name of its own ("Solidarity",
        # the movement, before the "Solidarity Party" that took its name)
        first_in_body: dict[str, tuple[int, int]] = {}
        for _, s, _ in candidates:  # in reading order but for sentence starts, which come after the others
            if not s.headline and len(s.toks) == 1:  # (a longer one is a name with a word glued before it)
                where = (s.par, s.start)
                if where < first_in_body.get(s.key, (1 << 30, 0)):
                    first_in_body[s.key] = where
        # one-word forms the article writes after a place's preposition somewhere ("in Landshut", "dans les
        # Côtes-d'Armor", "en la Ciudad"): a place, whatever organisation is named after it
        placed = {s.key for _, s, _ in candidates if len(s.toks) == 1 and (_PLACE_ARTICLE_BEFORE_RE.search(
            s.text, max(0, s.start - 12), s.start) or (s.text.find("(", max(0, s.start - 48), s.start) >= 0  # (its
            # bracket: most mentions have none before them)
            and _PLACE_BRACKET_BEFORE_RE.search(s.text, max(0, s.start - 48), s.start)))}
        placed.update(form.split(" ", 1)[1] for form, keys in forms_tokens.items()
                      if len(keys) == 2 and keys[0] in DISTRICT_NOUNS)  # "Landkreis Freising": Freising is a place
        towns = {town for keys in forms_tokens.values() for town in (_council_town(keys),) if town}  # "Dubbo
        # Regional Council", "Commune de Hesperange": the town alone is the place
        for idx, s, owners in candidates:
            first_key = s.keys[0]  # (a plain variable: the expressions below read it, never the typed span)
            if self.find(s.key) in defined_groups and s.defined and not (
                len(s.toks) == 1 and all(o in person_forms and forms_tokens[o][-1] == first_key for o in owners)
            ) and not (
                len(s.toks) == 1 and not s.nickname and len(owners) == 1 and not owners & person_forms
            ):  # (but a surname given a nickname, "Adeyemi, nicknamed “Tower”", is still its person's, and a
                # company's short name given its former one, "Northvale, formerly X", the company's)
                continue
            if len(s.toks) == 1 and _place_strength(s.keys[0], s.surface) and _PLACE_PREPOSITION_BEFORE_RE.search(
                s.text, max(0, s.start - 8), s.start
            ):
                continue  # "in Cottbus" after "Sparkasse Cottbus": the place itself
            if towns and forms_tokens.get(s.key) in towns:
                continue
            if len(s.toks) == 1 and s.key in placed and not any(
                o in person_forms and forms_tokens[o][-1] == first_key and not _headed(forms_tokens[o][0])
                for o in owners
            ):  # (a person's surname is still theirs: "in Valencia" is the city, "Valencia said" Carlos Valencia)
                continue  # "dans les Côtes-d'Armor" somewhere: each mention is the place's, not "Côtes-d'Armor Habitat"
            if len(s.toks) == 1 and len(owners) > 1:
                shared = shared_given.get(id(owners))
                if shared is None:
                    shared = shared_given[id(owners)] = all(
                        o in person_forms and forms_tokens[o][0] == first_key for o in owners)
                if shared:
                    continue  # "Sofia said" after "Sofia Ruiz" and "Sofia Lindgren": whose, no one can tell
            first = first_in_body.get(s.key)
            if first is not None and all(positions[o][0] > first and o not in person_forms for o in owners):
                continue  # (a surname named before the full name, in a teaser or a headline, is that person's)
            roots = owner_roots.get(id(owners))
            if roots is None:
                roots = owner_roots[id(owners)] = {self.find(o) for o in owners}
                # a surname alone is the person's whom the article names for themselves, not their relative's
                # ("Wałęsa rejected" after "Lech Wałęsa ... his wife, Danuta Wałęsa")
                main = [o for o in owners if not introduced.get(o)]
                chosen = main if main and len(main) < len(owners) and all(o in person_forms for o in owners) else owners
                owner_mentions[id(owners)] = sorted((where, o) for o in chosen for where in positions[o])
            if self.find(s.key) in roots:
                continue
            mentions = owner_mentions[id(owners)]
            k = bisect.bisect_left(mentions, ((s.par, s.start),))  # the first owner mention at or after this one
            reassign[idx] = mentions[k - 1][1] if k > 0 else mentions[0][1]
        if not reassign:
            return
        # a form whose every mention goes to one owner is merged into it (so its aliases follow)
        by_form: dict[str, dict[int, str]] = defaultdict(dict)
        for idx, owner in reassign.items():
            by_form[self.spans[idx].key][idx] = owner
        total: Counter = Counter(map(_key_of, self.spans))
        groups = {form: {self.find(owner) for owner in reassigned.values()} for form, reassigned in by_form.items()}
        for form, reassigned in by_form.items():
            owners = groups[form]
            if len(owners) == 1 and len(reassigned) == total[form]:
                self.union(next(iter(owners)), form)
            else:
                for idx, owner in reassigned.items():
                    self.spans[idx].group = self.find(owner)

    @cython.locals(s=_Span)
    def group_of(self, s: _Span) -> str:
        return s.group or self.find(s.key)

    # -- output ---------------------------------------------------------------------------------

    @cython.locals(s=_Span, sp=_Span)
    def result(self, *, english: bool = True, language: str = "en") -> EntityResult:
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
            if len(spans) > 1:
                spans.sort(key=_reading_order)
            name, aliases = self._names(spans)
            etype = _entity_type(spans, name, self.nicknames, english=english, language=language)
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
        # the rows hold Python ints and tuples already: no conversion (see _result); the DataFrames are built
        # when first read
        return EntityResult.of_rows([Entity(*row) for row in rows], mention_rows)

    @cython.locals(sp=_Span, t=_Tok)
    def _names(self, spans: list[_Span]) -> tuple[str, tuple[str, ...]]:
        """The entity's name and its other surface forms (see the module's documentation: Aliases). A state or
        province named only or mostly by its abbreviation ("WICHITA, Kan. (KXYZ) —") is named in full ("Kansas"),
        the abbreviation an alias: the abbreviation's form key is the full name's already."""
        if len(spans) == 1:  # most entities: one mention
            surface = spans[0].surface
            return (AP_STATES[surface], (surface,)) if surface in AP_STATES else (surface, ())
        counts: dict[str, int] = {}  # surface -> mentions, in order of first mention
        last: dict[str, _Span] = {}  # surface -> its last mention
        for sp in spans:
            surface = sp.surface
            counts[surface] = counts.get(surface, 0) + 1
            last[surface] = sp
        if len(counts) == 1:
            surface = spans[0].surface
            return (AP_STATES[surface], (surface,)) if surface in AP_STATES else (surface, ())
        first_seen = {surface: i for i, surface in enumerate(counts)}
        info: dict[str, tuple[bool, bool, int]] = {}
        for surface, sp in last.items():
            words = sum(1 for t in sp.toks if t.key not in _JOINERS)
            acronym = all(t.shape == _ACRONYM for t in sp.toks)
            info[surface] = (sp.key not in self.nicknames, not acronym, words)
        name = max(counts, key=lambda s: (info[s], counts[s], len(s), -first_seen[s]))
        if name in AP_STATES:  # "Kan." twice and "Kansas" once is Kansas
            name = AP_STATES[name]
        aliases = tuple(sorted((s for s in counts if s != name), key=lambda s: (-counts[s], first_seen[s])))
        return name, aliases


_reading_order = attrgetter("par", "start")
_key_of = attrgetter("key")
_paragraph_and_start = itemgetter(3, 4)
