"""From raw text to an :class:`~analysis.models.Article`: normalising, paragraphs and their kinds, metadata.

The steps, each a function of its own:

- :func:`normalize_text` cleans Unicode (NFC, odd spaces, invisible characters, line endings);
- :func:`split_blocks` cuts the text into paragraphs at blank lines, and also between lines of
  different kinds that share a block (a byline line followed by a licence notice), or where a text
  puts one paragraph per line;
- :func:`classify_paragraphs` gives each paragraph a kind: title, byline, heading, body or boilerplate;
- :func:`parse_article` does all of the above and finds the metadata (title, authors, date, language).

Every rule is about the shape of news pages in general (bylines, datelines, "Read more:" links,
licence and copyright notices, blocks repeated by the site), never about one article's words.
All patterns are compiled once; every step is linear in the length of the text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import PurePath

from analysis.errors import EmptyInputError
from analysis.models import ANALYSED_KINDS, Article, Paragraph, ParagraphKind
from analysis.reading.clutter import AGENCIES, LICENCE_GATES, LICENCE_PHRASES, LICENCE_TRIGGERS, Clutter, clutter_of, is_list_label, unwrapped
from analysis.reading.language import EDGE_PUNCTUATION, UNDETERMINED, detect_language

# --- normalising ---------------------------------------------------------------------------------------

# Horizontal spaces of every width (tab, no-break, en/em/thin/hair, narrow no-break, figure,
# ideographic ...) become a plain space.
_SPACES = "\t\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters that carry no text: soft hyphen, zero-width space, word joiner, byte order
# mark, Mongolian vowel separator, and the bidirectional marks and embeddings. Zero-width (non-)
# joiners are kept: they are part of the spelling in Persian and Indic scripts and of emoji.
_INVISIBLE = "\u00ad\u180e\u200b\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Line breaks other than \n (vertical tab, form feed, next line, line and paragraph separators).
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n"}


def _replacements() -> dict[str, str]:
    table = {ch: "" for ch in _INVISIBLE}
    for code in (*range(0x00, 0x20), *range(0x7F, 0xA0)):  # C0 and C1 control characters
        if code != 0x0A:
            table[chr(code)] = ""
    table.update({ch: " " for ch in _SPACES})
    table.update(_LINE_BREAKS)
    return table


# A regex finds the few odd characters (str.translate with a table is ten times slower on news text).
_REPLACEMENTS = _replacements()
_ODD_CHARACTER = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")
_SPACE_RUN = re.compile(r" {2,}")
_BLANK_RUN = re.compile(r"\n{3,}")


def _replacement(match: re.Match[str]) -> str:
    return _REPLACEMENTS[match.group()]


def normalize_text(raw: str) -> str:
    """``raw`` cleaned for analysis and display, words and punctuation unchanged.

    NFC composition; tabs, no-break, thin, narrow, figure and other odd spaces become plain spaces;
    soft hyphens, zero-width spaces, byte order marks, bidi marks and control characters are removed;
    CRLF, CR and Unicode line separators become ``\\n``; runs of spaces collapse to one; lines are
    stripped; more than one blank line collapses to one; the whole is stripped. Curly quotes and
    apostrophes are kept as they are.
    """
    text = _ODD_CHARACTER.sub(_replacement, raw.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text)
    if "  " in text:  # the regexes scan the whole text; a substring test is ten times cheaper
        text = _SPACE_RUN.sub(" ", text)
    if " \n" in text or "\n " in text:  # a line with spaces at an end (those of the whole text go with strip())
        text = "\n".join(line.strip(" ") for line in text.split("\n"))
    return (_BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text).strip()


# --- dates ---------------------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        # the names, then the short forms of the four languages ("ene", "janv", "févr", "avr", "juil", "okt", "dez")
        "january jan enero janvier januar jänner gennaio janeiro januari ene janv",
        "february feb febrero février fevrier februar febbraio fevereiro februari févr fevr",
        "march mar marzo mars märz maerz março marco maart mär",
        "april apr abril avril aprile abr avr",
        "may mayo mai maggio maio mei",
        "june jun junio juin juni giugno junho",
        "july jul julio juillet juli luglio julho juil",
        "august aug agosto août aout augustus ago",
        "september sep sept septiembre setiembre septembre settembre setembro",
        "october oct octubre octobre oktober ottobre outubro okt",
        "november nov noviembre novembre novembro",
        "december dec diciembre décembre decembre dezember dicembre dezembro dic déc dez",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"
_DATE = re.compile(
    rf"""
      \b(?P<iy>{_YEAR})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})(?!\d)                 # 2023-12-11
    | \b(?P<mm>{_MONTH})\b\.?\s*(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\b,?\s*(?P<my>{_YEAR})\b  # Dec 11th, 2023
    | \b(?P<dd>\d{{1,2}})(?:st|nd|rd|th|er|º|°|\.)?\s+(?:de\s+)?(?P<dm>{_MONTH})\b\.?,?\s+
        (?:de[l]?\s+)?(?P<dy>{_YEAR})\b                                                   # 11 December 2023
    | \b(?P<n1>\d{{1,2}})(?P<sep>[/.])(?P<n2>\d{{1,2}})(?P=sep)(?P<ny>{_YEAR})\b          # 12/11/2023
    """,
    re.I | re.X,
)


_YEAR_HINT = re.compile(_YEAR)


def find_date(text: str, *, day_first: bool = False) -> dt.date | None:
    """The first full calendar date written in ``text`` (day, month and year), or None.

    Reads "2023-12-11", "Dec 11th, 2023", "December 11, 2023", "11 December 2023", "11 de diciembre
    de 2023" (month names in English, Spanish, French, German, Italian, Portuguese and Dutch),
    "12/11/2023" as a US month/day/year (day/month when the first number exceeds 12, or always with
    ``day_first``, as outside English) and "11.12.2023" as day.month.year. Impossible dates (February 30)
    are skipped.
    """
    if not _YEAR_HINT.search(text):
        return None
    for match in _DATE.finditer(text):
        found = _date_of(match, day_first=day_first)
        if found is not None:
            return found
    return None


def _date_of(match: re.Match[str], *, day_first: bool = False) -> dt.date | None:
    groups = match.groupdict()
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["mm"]:
        year, month, day = int(groups["my"]), _MONTHS[groups["mm"].lower()], int(groups["md"])
    elif groups["dm"]:
        year, month, day = int(groups["dy"]), _MONTHS[groups["dm"].lower()], int(groups["dd"])
    else:
        first, second, year = int(groups["n1"]), int(groups["n2"]), int(groups["ny"])
        month_first = groups["sep"] == "/" and not day_first
        if (first > 12) if month_first else (second > 12):
            month_first = not month_first
        month, day = (first, second) if month_first else (second, first)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- line and block patterns ---------------------------------------------------------------------------

_HAS_LETTER = re.compile(r"[^\W\d_]")
_HAS_DIGIT = re.compile(r"\d")
_HAS_ALNUM = re.compile(r"[^\W_]")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BULLET = re.compile(r"^(?:[-*+•▪◦]|\d{1,3}[.)])\s+\S")
# Characters that end a sentence or a clause (Latin, CJK, Arabic and Devanagari punctuation, closing quotes).
_TERMINAL = frozenset('.!?…:;,"”’\'»)。！？；：，、؟۔।')
_SEPARATORS = "|•·—–"

# "A report by": "Une enquête de", "Ein Bericht von", "Una crónica de".
_REPORT_BY = (
    r"une?\s+(?:texte|article|reportage|dossier|chronique|enquête|analyse|entrevue|récit|billet)\s+(?:de|d['’])|"
    r"eine?\s+(?:artikel|beitrag|bericht|kommentar|text|reportage|analyse|interview|gastbeitrag)\s+von|"
    r"una?\s+(?:artículo|reportaje|crónica|texto|columna|análisis|entrevista)\s+de"
)
# "By Jane Doe", "Posted by", "Reporting by ... ; Editing by ..."
_BYLINE_PREFIX = re.compile(
    r"^\(?(?:(?:(?:written|posted|reported|words|story|text|interview|analysis|photos?|guest\s+essay|essay|"
    r"opinion|commentary|column|guest\s+post|(?:additional\s+)?reporting|editing|writing|compiled|produced|"
    r"article)\s+)?by|"
    r"(?:(?:escrito|publicado|texto|redactado)\s+)?por|(?:(?:écrit|rédigé|publié)\s+)?par|"
    r"(?:(?:geschrieben|verfasst)\s+)?von|di|door|" + _REPORT_BY + r")\b\s*:?\s*",
    re.I,
)
# "Une enquête de Mediapart", "Ein Bericht von Amnesty International": a byline above the body only; further down
# such a line is a heading that names a source ("Un texte de Victor Hugo"), and the name it holds is no author.
_REPORT_BY_PREFIX = re.compile(r"^\(?(?:" + _REPORT_BY + r")\b", re.I)
_AUTHOR_LABEL = re.compile(
    r"^(?:authors?|writers?|byline|reporters?|autor(?:in|en|innen|a|as|es)?|auteure?s?|autrices?)\s*:\s*", re.I
)
# "Words: Jane Doe | Photos: Tom Bell", "Texte : Marie Dupont": a credit label before the writer's name (a byline
# only when names follow it, alone or before a separator: "Words: they matter." is a sentence)
_WORDS_LABEL = re.compile(r"^(?:words|text|texte|texto)\s*:\s*", re.I)
_CREDIT_LINE = re.compile(r"^\(?(?:(?:additional\s+)?reporting|editing|writing)\s+by\b", re.I)
# Words that may stand around a date on a date line: "Published: Mon 11 Dec 2023, 10:04 GMT".
_DATE_LINE_WORDS = frozenset(
    "published updated posted last modified on at am pm a p m gmt utc bst cet cest est edt pst pdt "
    "et pt ct mt hrs h date publicado actualizado publié mis à jour veröffentlicht aktualisiert pubblicato "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "lunes martes miércoles jueves viernes sábado domingo lundi mardi mercredi jeudi vendredi samedi "
    "dimanche le la el de del à a am um uhr stand modifié ago hour hours minute minutes min mins mdt mst cdt cst "
    "akst hst aest aedt ist jst jour mise actualisé actualisée las publicada actualizada zuletzt "
    # "Publiziert: ... Aktualisiert vor 2 Stunden", "... and last updated ...", "Publié le ... à 5 h 12 HNE" (Canada's
    # French zones), "..., 4:41 PM ET | 4 min read"
    "publiziert vor stunde stunden minuten tag tagen il y heure heures hace hora horas minutos día días jours days day "
    "and et und y read lecture lesezeit lectura "
    "hne hae hnc hac hnr har hna haa hnt hat hnp hap "
    # "Updated November 27 2026 - 4:12pm, first published 3:30pm", "08:00 AM Eastern Standard Time", "Mis en ligne le
    # ...", "Dienstag, 3. November 2026, 18:30 Uhr MEZ", "Erstellt: ... | Zuletzt geändert: ...", "Última actualización:
    # ... 14:05 hs"
    "first originally edited created eastern central pacific mountain atlantic standard daylight summer time "
    "en ligne modifiée montag dienstag mittwoch donnerstag freitag samstag sonntag mez mesz erstellt geändert "
    "última ultima actualización actualizacion modificado modificada hs "
    "yesterday today gestern heute hier aujourd'hui ayer hoy".split()
) | frozenset(_MONTHS)
# "WASHINGTON (Reuters) -", "MEXICO CITY, Dec 11 (AP) —", "PARIS —" at the start of a lede.
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’. -]{1,40}?)(?:/[A-Za-z ]{2,20})?"
    r"(?:,\s*(?P<when>[\w ,.]{3,40}?))?\s*(?:\((?P<agency>[^()\n]{2,40})\))?\s*(?:/[^/\n]{2,30}/\s*)?"
    r"(?:--|[-–—])\s+"
)
# A press release's opener in any case: "Bremen, 5. März 2024 – ", "Jaén, 22 de abril de 2024.- " (dates only).
_PLACE_DATE_LEDE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’.]+(?:[ -][\w'’.]+){0,3}),\s*(?P<when>[^–—\n]{6,40}?)\s*(?:\(?[^()\n]{2,30}\)\s*)?"
    r"(?:/[^/\n]{2,30}/\s*)?(?:\.-|--|[-–—])\s+"
)
# Licence, copyright and republication notices: the phrases live in analysis/reading/clutter.py.
_LICENCE = re.compile("|".join(LICENCE_PHRASES), re.I)
_LICENCE_LINE_START = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|this\s+(?:article|story|piece|post|report|column)\b|"
    r"(?:originally|first)\s+(?:published|appeared)\b|all\s+rights\s+reserved)",
    re.I,
)
_SHARE_WORDS = frozenset(
    "share facebook twitter x linkedin whatsapp email e-mail print copy link reddit pinterest telegram "
    "messenger flipboard tumblr threads bluesky mastodon sms comments comment save tweet".split()
)
_WORD_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

#: A line longer than this is never a hard-wrapped line: each such line is a paragraph of its own.
LONG_LINE = 100
#: In a hard-wrapped block a line shorter than this share of the longest line ends its paragraph.
WRAP_RATIO = 0.6
#: Blocks longer than these are never title / heading / byline / boilerplate by pattern.
MAX_TITLE_WORDS = 30
MAX_HEADING_WORDS = 12
MAX_BYLINE_WORDS = 30
MAX_LINK_WORDS = 40
MAX_LICENCE_WORDS = 60
#: A date line is at most this long ("Publié le 12 mars 2024 à 17h32, mis à jour le 13 mars 2024 à 08h10").
MAX_DATE_LINE_WORDS = 24
#: Metadata (authors, dates, credits) is looked for in this many paragraphs at each end of the text.
EDGE_PARAGRAPHS = 12


def _word_count(text: str) -> int:
    """The number of words in ``text``, exact up to MAX_LICENCE_WORDS (the largest limit any rule
    uses), else MAX_LICENCE_WORDS + 1: a huge block is not split in full once per rule."""
    return len(text.split(None, MAX_LICENCE_WORDS))


def _line_kind(line: str) -> str:
    """What one line of a block looks like on its own: used to split blocks of mixed lines."""
    if _MARKDOWN_HEADING.match(line):
        return "markdown"
    if len(line) <= 60 and is_list_label(line):
        return "label"
    if _BULLET.match(line):
        return "bullet"
    if _is_byline(line):
        return "byline"
    if _is_link_or_prompt(line):
        return "link"
    if _LICENCE_LINE_START.match(line):
        return "licence"
    return "text"


# --- splitting -----------------------------------------------------------------------------------------

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def split_blocks(text: str) -> list[str]:
    """The paragraphs of ``text`` (normalised by :func:`normalize_text`) as strings, in order.

    Paragraphs are separated by blank lines. Inside a block, a line starts a new paragraph when it is
    of another kind than the line before it (a byline, a licence notice, a "Read more:" link, a
    Markdown heading, a list item), when the line before it is longer than ``LONG_LINE`` characters
    (texts that put one paragraph per line), or when the line before it is much shorter than the
    block's longest line (the end of a paragraph in hard-wrapped text). The lines of one paragraph are
    joined with a space, except under a line that heads a list ("Read more:", "More on this story",
    "Share this:"): that line and the rest of its block make one paragraph, one line each, and so do the lines of a
    widget (a prompt line among short items: :func:`_is_widget`). The text's first block,
    when all its lines are short page furniture ("UK news" over "Live"), is one paragraph a line. Blocks with no
    letter or digit (separators such as "* * *") are dropped.
    """
    blocks: list[str] = []
    for position, chunk in enumerate(_BLANK_LINE.split(text)):
        lines = [line.strip() for line in chunk.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if len(lines) == 1:
            blocks.append(lines[0])
        elif position == 0 and all(_is_furniture(line) for line in lines):
            blocks.extend(lines)  # "UK news" over "Live" opening the page: furniture lines, each its own
        else:
            kinds = [_line_kind(line) for line in lines]
            if "link" in kinds and _is_widget(lines, kinds):
                blocks.append("\n".join(lines))  # "Listen · 3:52" over "Playlist", "Download": one widget
            elif _is_byline_block(lines, kinds, opening=position == 0):
                blocks.extend(lines)  # "Marie Roy" over "Le Fleuve" over a date line: a line each, never joined
            else:
                blocks.extend(_split_lines(lines, kinds))
    return [block for block in blocks if _HAS_ALNUM.search(block)]


def _is_byline_block(lines: list[str], kinds: list[str], *, opening: bool) -> bool:
    """Whether a block is a byline's name over the short lines beside it ("B. Ravindra Reddy" over "HYDERABAD",
    "Marie Roy" over "Le Fleuve" over a date line, a name in capitals over its role and the paper's name): a bare
    name, then at most ``MAX_BYLINE_COMPANIONS`` + 1 lines, each a byline or date line or a companion
    (:func:`_is_byline_companion`), one of them a byline, a date line or a role when the block opens the text
    (a headline wrapped after a name, "Jacinda Ardern" over "Resigns As Prime Minister", stays one line)."""
    if len(lines) > MAX_BYLINE_COMPANIONS + 2 or len(lines[0]) > 60 or kinds[0] != "text":
        return False
    if not _is_bare_name(lines[0], upper=True):
        return False
    rest = list(zip(lines[1:], kinds[1:]))
    if not all(kind == "byline" or (kind == "text" and _is_byline_companion(line)) for line, kind in rest):
        return False
    return not opening or any(kind == "byline" or _is_role_line(line) for line, kind in rest)


#: The longest line (in words) of a widget's other lines (see _is_widget).
WIDGET_LINE_WORDS = 5


def _is_widget(lines: list[str], kinds: list[str]) -> bool:
    """Whether a block's lines are one page widget: a prompt or link line of the clutter tables, every other line
    a short item with no sentence mark ("Listen · 3:52" over "Playlist", "Download", "Embed", "Transcript";
    "Contribuer" over "Réutiliser ce contenu"). Such a block is one paragraph, its lines kept (boilerplate)."""
    return all(
        kind == "link" or (kind == "text" and line[-1] not in _SENTENCE_MARKS and _word_count(line) <= WIDGET_LINE_WORDS)
        for line, kind in zip(lines, kinds)
    )


_SENTENCE_MARKS = frozenset(".!?…:;,\"”»")


def _split_lines(lines: list[str], kinds: list[str]) -> list[str]:
    width = max(map(len, lines))
    paragraphs: list[str] = []
    current = lines[0]
    current_kind = kinds[0]
    for position, (previous, line, kind) in enumerate(zip(lines, lines[1:], kinds[1:]), start=1):
        if current_kind == "label":  # "Read more:" and the links under it: one paragraph, one link a line
            current = "\n".join((current, *lines[position:]))
            break
        if _continues(current_kind, previous, kind, width):
            joiner = "" if previous.endswith("-") and previous[-2:-1].isalpha() and line[:1].islower() else " "
            current = current + joiner + line
        else:
            paragraphs.append(current)
            current, current_kind = line, kind
    paragraphs.append(current)
    return paragraphs


def _continues(current_kind: str, previous: str, kind: str, width: int) -> bool:
    """True when ``line`` (of ``kind``) continues the paragraph that ``previous`` belongs to."""
    if kind != "text" or len(previous) > LONG_LINE:
        return False
    if current_kind == "licence":
        return True  # "© 2024 X. All rights reserved." then "This material may not be published ..."
    if current_kind in ("text", "bullet"):
        return len(previous) >= WRAP_RATIO * width
    return False


# --- classifying ---------------------------------------------------------------------------------------

# Blocks are compared for repeats on their letters and digits only (case, spacing and punctuation ignored).
_KEY_PART = re.compile(r"[^\W_]+")
_MINOR_WORDS = frozenset(
    "a an the and or but nor of in on at to for from by with as vs via per into onto over under about "
    "de del la las el los y e da do das dos di du des le et von van der den und zu".split()
)


#: How many of a block's first key words tell it apart from the others before its whole key is made.
_KEY_HEAD_WORDS = 4
_KEY_HEAD_CHARS = 80


def _key_parts(text: str, enough: int) -> list[str]:
    """The first key parts of ``text`` (``_KEY_PART.findall(text)``), at least ``enough`` of them when it has that
    many (all of them when it has fewer). A part never crosses whitespace, and a chunk between whitespace that is
    letters and digits alone, or with punctuation around them, is one part (``str.isalnum`` tells it without the
    regex); the regex reads the other chunks."""
    parts: list[str] = []
    for chunk in text.split():
        if chunk.isalnum():
            parts.append(chunk)
        else:
            core = chunk.strip(EDGE_PUNCTUATION)
            if core.isalnum():
                parts.append(core)
            else:
                parts.extend(_KEY_PART.findall(chunk))
        if len(parts) >= enough:
            break
    return parts


def _copy_keys(texts: list[str]) -> list[str | int]:
    """Each block's key for finding copies (its words, case-folded, joined by spaces: verbatim copies and
    ones differing only in case, spacing and punctuation share it). Only blocks whose first few key words
    are another block's get their whole key made; every other block gets its position (an int: no block's
    key can equal it), since its whole key cannot be another's either."""
    heads = []
    for text in texts:
        head = _key_parts(text[:_KEY_HEAD_CHARS].casefold(), _KEY_HEAD_WORDS + 1)
        if len(head) <= _KEY_HEAD_WORDS and len(text) > _KEY_HEAD_CHARS:  # the cut may fall inside a head word
            head = _KEY_PART.findall(text.casefold())
        heads.append(tuple(head[:_KEY_HEAD_WORDS]))
    shared = Counter(heads)
    return [" ".join(_KEY_PART.findall(text.casefold())) if shared[head] > 1 else position
            for position, (text, head) in enumerate(zip(texts, heads))]


def classify_paragraphs(blocks: list[str]) -> list[Paragraph]:
    """Each block as a :class:`Paragraph` with its index (from 0) and kind.

    Kinds, checked in this order:

    - boilerplate: the second and later copies of a block repeated (verbatim or differing only in case,
      spacing and punctuation), and the first copy too when it is a licence notice however long;
      "See also:", "Read more:", "Related:" and similar links; calls to
      action ("Subscribe", "Sign up", "Click here", share prompts, "Advertisement", photo credits);
      licence and copyright notices ("Creative Commons", "©", "All rights reserved", "This article
      ... originally appeared", "republished with permission");
    - byline: "By Jane Doe", "By Jane Doe | Dec 11, 2023", "By | Dec 11th, 2023", "Posted by",
      "Author: ...", "Reporting by ...; Editing by ...", a date line ("Published: 11 December 2023"),
      "Jane Doe | Dec 11, 2023", or a dateline standing alone ("WASHINGTON (Reuters) -");
    - title: the first Markdown "# " heading; without one, the first block (bylines and boilerplate
      before it skipped) when it is one short line not ending like a sentence;
    - heading: other Markdown headings, and short lines that do not end like a sentence and are
      title-cased, all capitals or a few words (not the first block, unless a "# " line is the title);
    - body: everything else, including a lede that starts with a dateline.

    Markdown "#" marks are removed from the paragraph's text.
    """
    texts: list[str] = []
    levels: list[int] = []
    for block in blocks:
        heading = _MARKDOWN_HEADING.match(block) if block.startswith("#") else None
        if heading and heading.group(2):
            texts.append(heading.group(2))
            levels.append(len(heading.group(1)))
        else:
            texts.append(block)
            levels.append(0)
    has_h1 = 1 in levels

    keys = _copy_keys(texts)
    copies = Counter(keys)
    seen: set[str] = set()
    kinds: list[ParagraphKind] = []
    title_found = False
    body_seen = False
    footer = False
    prose_seen = False  # a body paragraph: section labels ("Opinion", "Crónica") come before it
    prose_count = 0  # "Une enquête de X" is a byline under the title or the standfirst, not after the body's start
    for position, (text, level, key) in enumerate(zip(texts, levels, keys)):
        repeated = key in seen
        seen.add(key)
        words = _word_count(text)
        clutter = None if footer else clutter_of(text, words)
        if clutter is not None and body_seen:
            if clutter.role == "footer":
                footer = True  # "Forward-looking statements", "Contacts:": the rest is the release's footer
            elif clutter.role == "about":  # "About Acme Corp." then "Acme Corp. makes ..."
                following = texts[position + 1] if position + 1 < len(texts) else ""
                footer = not following or (clutter.name or "\0") in following
        kind: ParagraphKind
        if (
            footer
            or repeated
            or _is_boilerplate(text, words, clutter, top=not prose_seen)
            or (copies[key] > 1 and _is_licence(text))
        ):
            # a byline or date line that a clutter row also reads ("Par Marie Roy avec AFP", "Nov 27, 2026 / 4:12 PM
            # EST / Riverside News" as a slash trail) above the body is the byline: it is kept out either way
            kind = ("byline" if clutter is not None and not (footer or repeated) and prose_count <= 1 and level == 0
                    and words <= MAX_BYLINE_WORDS and _is_plain_byline_or_date(text, words) else "boilerplate")
        elif level == 0 and _is_byline(text, words, top=prose_count <= 1):
            kind = "byline"
        elif level == 1 and not title_found:
            kind = "title"
        elif level:
            kind = "heading"
        elif not title_found and not has_h1 and not body_seen and _is_title_like(text, words):
            kind = "title"
        elif (position > 0 or has_h1) and _is_heading_like(text, words):
            kind = "heading"
        else:
            kind = "body"
        if kind == "title":
            title_found = True
        elif kind in ("body", "heading"):
            body_seen = True
            prose_seen = prose_seen or kind == "body"
            prose_count += kind == "body"
        kinds.append(kind)
    if not has_h1:
        _headline_under_furniture(texts, kinds)
    for position in _bare_name_bylines(texts, kinds):
        kinds[position] = "byline"
    for position in range(1, len(kinds)):  # "Health Correspondent" on the line under "By Morag Lennie"
        if kinds[position] in ("heading", "body") and kinds[position - 1] == "byline" and _is_role_line(texts[position]):
            kinds[position] = "byline"
    return [Paragraph(index, kind, text) for index, (kind, text) in enumerate(zip(kinds, texts))]


#: Items of page furniture over the headline are split on these: "Otago Star | Subscribe | Log in", "News › Town".
_FURNITURE_SPLIT = re.compile(r"\s*[|›»•·]\s*")
_DECIMAL = re.compile(r"\d[.,]\d")
#: A headline under page furniture has at least this many words.
MIN_HEADLINE_WORDS = 6


def _is_furniture(text: str) -> bool:
    """A short line of page furniture: at most four words ("Irish Morning Record", "Société Éducation"), or items
    of at most six words between bars ("Radio 88.9 FM | Listen Live"), with no sentence punctuation."""
    if "\n" in text or any(ch in _DECIMAL.sub("", text) for ch in ".!?,;:"):
        return False
    items = [item for item in _FURNITURE_SPLIT.split(text) if item]
    if not items:
        return False
    limit = 4 if len(items) == 1 else 6
    return len(items) <= 6 and all(_word_count(item) <= limit for item in items)


def _is_lone_furniture(text: str) -> bool:
    """A furniture line that is page furniture even alone over a headline: a lone badge or label ("Abonné", "FT+"),
    menu items between bars ("Le Fleuve | Régions"), mostly upper-case section words ("ACTUALITÉS RÉGIONAL SANTÉ"),
    or a short name-like line, every major word capitalised ("West Belfast Chronicle"). A short title in sentence
    case ("Storm warning") is none of these."""
    if not _is_furniture(text):
        return False
    if len([item for item in _FURNITURE_SPLIT.split(text) if item]) > 1:
        return True
    tokens = [token for token in _WORD_TOKEN.findall(text) if _HAS_LETTER.search(token)]
    if len(tokens) <= 1:
        return bool(tokens)
    upper = sum(1 for token in tokens if len(token) > 1 and token.isupper())
    if upper >= 2 and 2 * upper >= len(tokens):
        return True
    major = [token for token in tokens if token.lower() not in _MINOR_WORDS]
    return bool(major) and all(token[0].isupper() for token in major)


def _headline_under_furniture(texts: list[str], kinds: list[ParagraphKind]) -> None:
    """Short furniture lines open the page (a masthead, a section pair, "Donate", a bar of links, a paywall badge) and
    the first of them was typed title: the first longer headline-like line after them, before any byline or body
    sentence, is the title, and the furniture lines over it boilerplate (in place, in ``kinds``). One furniture line
    is enough only when it is furniture alone (:func:`_is_lone_furniture`): a short real title in sentence case
    ("Storm warning") over a standfirst stays, and so does any short title over a byline or body sentence."""
    furniture: list[int] = []
    for position, (text, kind) in enumerate(zip(texts, kinds)):
        if kind in ("title", "heading", "boilerplate") and _is_furniture(text):
            furniture.append(position)
            continue
        if kind == "boilerplate":
            continue  # a breadcrumb trail or a cookie notice already known as clutter, over the badge and headline
        words = _word_count(text)
        enough = len(furniture) >= 2 or (len(furniture) == 1 and _is_lone_furniture(texts[furniture[0]]))
        if (kind in ("heading", "body") and enough and words >= MIN_HEADLINE_WORDS
                and any(kinds[index] == "title" for index in furniture) and _is_title_like(text, words)):
            for index in furniture:
                kinds[index] = "boilerplate"
            kinds[position] = "title"
        return


def _is_boilerplate(text: str, words: int, clutter: Clutter | None, *, top: bool) -> bool:
    """True for the clutter of the table in analysis/reading/clutter.py (captions, links, prompts ...; a
    section label only at the ``top``, before the first body paragraph), a list under a label ("Read more:"
    and its links), share prompts and licence or copyright notices."""
    if clutter is not None and (clutter.role in ("block", "label") or (clutter.role == "top" and top)):
        return True
    if "\n" in text and (is_list_label(text.split("\n", 1)[0]) or any(map(_is_link_or_prompt, text.split("\n")))):
        return True  # a label over its links, or a widget's lines (split_blocks: _is_widget)
    if words <= MAX_LICENCE_WORDS and _is_licence(text):
        return True
    return _is_share_prompt(text, words)


def _is_licence(text: str) -> bool:
    lower = text.lower()
    contains = lower.__contains__
    return any(map(contains, LICENCE_GATES)) and any(map(contains, LICENCE_TRIGGERS)) and bool(_LICENCE.search(text))


def _is_link_or_prompt(line: str) -> bool:
    clutter = clutter_of(line, _word_count(line))
    return clutter is not None and clutter.role == "block"


def _is_share_prompt(text: str, words: int) -> bool:
    """"Share: Facebook Twitter Email": a short run of nothing but sharing words."""
    if words > 12:
        return False
    tokens = [token.lower() for token in _WORD_TOKEN.findall(text)]
    return len(tokens) >= 2 and all(token in _SHARE_WORDS for token in tokens)


def _is_byline(text: str, words: int | None = None, top: bool = True) -> bool:
    """True for a line that names the authors and/or the date, or a lone dateline (``words``: its word count,
    when the caller knows it; ``top``: the line stands above the body, under the title or the standfirst at most,
    where "Une enquête de X" is a byline)."""
    if words is None or text[:1] in "*_":
        text = unwrapped(text)
        words = _word_count(text)
    if words > MAX_BYLINE_WORDS or "\n" in text:
        return False
    if _AUTHOR_LABEL.match(text):
        return True
    if _CREDIT_LINE.match(text):
        return True
    label = _WORDS_LABEL.match(text)
    if label:
        names, tail = _leading_names(text[label.end():])
        # "Texte : X / Photos : Y", "Text: X, Fotos: Y"
        return bool(names) and (not tail or tail[0] in _SEPARATORS + "/" or tail.split(" ", 1)[0][-1] == ":")
    posted = _POSTED_ON.match(text)
    if posted and find_date(posted.group("date")) is not None and _leading_names(posted.group("names"))[0]:
        return True  # "Posted on 3 May 2024 by Jane Doe"
    sentence = text[-1] in ".!?"  # no byline of the shapes below ends like a sentence
    if (not sentence and (text[:1] in "BbFfVvPpDd" or ":" in text or "," in text) and _opens_role_byline(text)
            and (top or _OUR_ROLE.match(text)) and _role_byline_names(text) is not None):
        # (a role and a colon down in the body is a cross-head's: "Columnist: Why Ferries Matter")
        return True  # "Von unserem Redakteur Jan Meier", "Corresponsal en Bruselas: Ana Ruiz", "By our reporter"
    prefix = _BYLINE_PREFIX.match(text)
    if prefix and not top and _REPORT_BY_PREFIX.match(text):
        return False
    if prefix:
        rest = text[prefix.end():]
        if not rest:
            return False
        if rest[0] in _SEPARATORS:
            return True  # "By | Dec 11th, 2023": the name was a link the copy lost
        if _starts_with_date(rest):
            return True
        names, tail = _leading_names(rest)
        if not names and (_name_before_role(rest) is not None or _is_desk(rest)):
            return True  # "By Morag Lennie Health Correspondent", "Por: Redacción Sevilla"
        if not names or (text[-1] in ".!?" and not text.endswith(("Jr.", "Sr."))):
            return False  # "By the end of the year ..." / "By Christmas, most shops had closed."
        if not tail or tail[0] in _SEPARATORS + ";(":
            return True
        if tail[0] == ",":
            after = tail[1:].split()
            if _is_date_line(tail[1:].strip()):
                return True  # "Par A et B, publié le 9 octobre 2024 à 17h05"
            return len(after) <= 6 and (not after or after[0][0].isupper())  # ", Staff Writer", ", Reuters"
        if tail.split(" ", 1)[0].lower() in _BYLINE_TAIL_WORDS or tail.lower() in AGENCIES or _is_date_line(tail):
            return True  # "By Jane Doe for The Times", "Von Jana Eberle, dpa", "By Jane Doe, 3 May 2026"
        # "Par Jane Doe, correspondante régionale": the comma went with the names, a role in lower case follows
        after = tail.split()
        # (full names only: one word before the comma is a time or a thing, "By Christmas, editors expect a deal")
        return (rest[: len(rest) - len(tail)].rstrip().endswith(",") and len(after) <= 6
                and all(" " in name for name in names)
                and any(map(_is_role_word, after[:3])))  # "correspondants"
    if (words <= 15 or (words <= MAX_DATE_LINE_WORDS and _opens_with_date_word(text))) and _is_date_line(text):
        return True
    if words <= 3 and "@" in text and _EMAIL_LINE.match(text):
        return True  # "jdoe@riverside-herald.example", "E-mail: jdoe@...": the writer's address alone on its line
    if words <= 8 and len(text) <= 60 and _is_relative_date_line(text):
        return True  # "Published 3 hours ago", "Aktualisiert vor 2 Stunden": a date line whose date is left unread
    if words <= 12 and _name_and_role(text) is not None:
        return True  # "Jane Doe, Political Editor"
    if words <= 15 or (words <= MAX_DATE_LINE_WORDS and any(ch in text for ch in _SEPARATORS)):
        names, tail = _leading_names(text)
        if names and tail[:1] in tuple(_SEPARATORS) and (
            find_date(tail) is not None if words <= 15 else _is_date_line(tail[1:].strip())
        ):
            return True  # "Jane Doe | December 11, 2023", "Jane Doe | Published 3 May 2026 at 9:20 | Updated ..."
    if (not sentence and words <= MAX_DATE_LINE_WORDS and ("|" in text or "•" in text or "·" in text)
            and _byline_item(text) is not None):
        return True  # "Posted: 27 November 2026 | By Jane Doe"
    dateline = _DATELINE.match(text + " ") if words <= 8 else None
    return bool(dateline) and dateline.end() >= len(text)


_ITEM_SPLIT = re.compile(r"(?<!\s)\s+[|•·]\s+")  # tried once per run of spaces: linear on any run


def _byline_item(text: str) -> str | None:
    """The names of a line that opens with a date line and names its writer after a separator: "Posted: 27 November
    2026 | By Jane Doe", "Mis à jour le 3 mars 2026 · Par Marie Roy" (what follows "By"), or None."""
    items = _ITEM_SPLIT.split(text)
    if len(items) < 2 or not _is_date_line(items[0]):
        return None
    for item in items[1:]:
        prefix = _PLAIN_BYLINE.match(item)
        if prefix:
            rest = item[_BYLINE_PREFIX.match(item).end():]
            names, tail = _leading_names(rest)
            return rest if names and not tail else None
    return None


# "Jane Doe, Political Editor", "Marie Dupont, envoyée spéciale": a person's name, a comma and a newsroom role.
_NAME_WORD = r"(?-i:[A-ZÀ-Ý][\w'’-]*\.?)"
_NAME_ROLE = re.compile(
    rf"^(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|de|da|del|van|von|der|di|du|la|le|y)){{1,4}}),\s+(?P<role>[^,;\n]{{3,60}})$"
)
_ROLE_WORDS = frozenset(
    "editor correspondent reporter writer columnist journalist critic contributor analyst producer presenter "
    "redakteur redakteurin korrespondent korrespondentin reporterin autor autorin chefredakteur chefredakteurin "
    "journaliste correspondant correspondante rédacteur rédactrice chroniqueur chroniqueuse envoyé envoyée "
    "corresponsal periodista redactor redactora columnista cronista enviado enviada".split()
)
# A bare personal name on its own line ("Rocío Navarro Gil", "Kirsty MacLeod"): two to four capitalised words.
# Words may be hyphenated or joined ("Watteville-Rochat", "McAllister", "O'Brien"), carry an elided particle
# ("d'Estienne", "al-Rashid") or be a particle ("de", "zu", "Ó": "Séamus Ó Briain").
_BARE_WORD = r"(?:(?:d|al|el)['’-])?[A-ZÀ-Ý][a-zß-ÿ'’]+(?:(?:-[A-ZÀ-Ý]?|[A-ZÀ-Ý])[a-zß-ÿ'’]+)*"
_BARE_PARTICLE = r"de|da|del|della|dos|das|van|von|der|den|di|du|zu|zum|zur|ter|ten|la|le|y|bin|ibn|ap|Ó|Ò"
#: An initial: "B.", "J.-P." ("B. Ravindra Reddy", "Anne-Marie L. Dubois"; never "U.S.").
_INITIAL = r"[A-ZÀ-Ý]\.(?:-[A-ZÀ-Ý]\.)?"
_BARE_NAME = re.compile(
    rf"^(?:{_INITIAL}|{_BARE_WORD})(?:\s+(?:{_BARE_WORD}|{_BARE_PARTICLE}|{_INITIAL})){{0,3}}\s+{_BARE_WORD}$"
)
#: Two bare names joined: "Nadia Kowal-Brandt and Rory McAllister-Finn".
_BARE_NAME_JOIN = re.compile(r"\s+(?:and|und|et|y|&)\s+")


#: Words that end a desk's name under a byline's name ("Local Democracy Reporting Service", "Metro Desk"), or the role
#: of its head ("Mombasa Bureau Chief": on a role line only, never after a comma, where "Jane Doe, Police Chief" is
#: a caption's subject).
_DESK_WORDS = frozenset("desk service bureau chief".split())


#: A newsroom desk named in a byline instead of a person ("Redacción Sevilla", "Rédaction Lyon", "Staff").
_DESKS = frozenset("redacción redaccion rédaction redaktion newsdesk staff equipo équipe".split())


def _is_desk(text: str) -> bool:
    """A byline's desk: one of ``_DESKS`` and at most three capitalised words after it, nothing else."""
    tokens = text.split()
    return (0 < len(tokens) <= 4 and tokens[0].lower() in _DESKS
            and all(token[:1].isupper() for token in tokens))


def _is_role_line(text: str) -> bool:
    """One to four words, the first capitalised, ending in a newsroom role or a desk, nothing else: "Health
    Correspondent", "Senior Political Editor", "Science reporter", "Local Democracy Reporting Service" (the line
    under a byline's name)."""
    tokens = text.split()
    return (0 < len(tokens) <= 4 and tokens[-1].lower() in _ROLE_WORDS | _DESK_WORDS and tokens[0][:1].isupper()
            and all(token.isalpha() and (token[:1].isupper() or token.lower() in _ROLE_WORDS) for token in tokens))


def _name_before_role(text: str) -> str | None:
    """The name of a byline whose role follows the name with no comma ("Morag Lennie Health Correspondent"): the
    first two words (else three) when they are a name and the rest is a role line; None otherwise."""
    tokens = text.split()
    for size in (2, 3):
        if len(tokens) > size and _is_role_line(" ".join(tokens[size:])):
            name = " ".join(tokens[:size])
            if _is_bare_name(name):
                return name
    return None


def _name_and_role(text: str) -> str | None:
    """The name of a "Name, Role" byline ("Jane Doe, Political Editor"), or None."""
    match = _NAME_ROLE.match(text) if "," in text else None
    if match is None or match.group("role")[-1] in ".!?":
        return None
    roles = match.group("role").lower().split()
    if len(roles) > 6 or not any(word.strip("()") in _ROLE_WORDS for word in roles):
        return None
    names = _leading_names(match.group("name"))[0]
    return names[0] if len(names) == 1 else None


def _is_bare_name(text: str, *, upper: bool = False) -> bool:
    """Two to four capitalised words and nothing else, none of them a common title or newsroom word; initials may
    stand before or between them ("B. Ravindra Reddy", "K. Sudhi"). With ``upper``, a name in capitals too
    ("GEOFFREY ODHIAMBO-WERE": its callers ask for more around it, as upper-case page furniture is common)."""
    if len(text) > 90:
        return False
    if upper and text.isupper() and sum(ch.isalpha() for ch in text) > 3:
        text = text.title()
    if _BARE_NAME.match(text) is None or len(text) > 60:
        parts = _BARE_NAME_JOIN.split(text)
        return len(parts) == 2 and all(_is_bare_name(part, upper=upper) for part in parts)
    tokens = [token.lower() for token in text.split()]
    return not any(token in _NOT_NAMES or (token in _MINOR_WORDS and token not in _NAME_PARTICLES) for token in tokens)


def _bare_name_bylines(texts: list[str], kinds: list[ParagraphKind]) -> list[int]:
    """The positions of bare names that are bylines: a name alone on its line under the title (and at most one
    standfirst), next to a byline or date line ("Rocío Navarro Gil" then "Sevilla, 9 jul 2024 - 13:47"); right under
    the title, a name line over the paper's name line over a date line: both (the first is the writer); a name right
    under the title over page furniture left out ("Jane Doe and Tom Roe" over a live page's key-events widget)."""
    found: list[int] = []
    prose = 0  # body and heading paragraphs seen: only the first two places are tried
    bodies = 0  # body paragraphs seen: a name over its companions and a date line may follow headings the title
    # rule took for furniture or missed ("SANTÉ" over the headline), but never a second body paragraph
    title_seen = False
    byline_seen = False
    for position, kind in enumerate(kinds):
        title_seen = title_seen or kind == "title"
        if kind not in ("body", "heading"):
            byline_seen = byline_seen or kind == "byline"
            continue
        if prose >= 2:  # only a name over its companions and a date line is looked for further down, if no byline is
            if byline_seen:  # above: then the page's byline is known
                break
            if (len(texts[position]) <= 60 and texts[position][-1] not in ".!?,;:" and _is_bare_name(texts[position])
                    and (companions := _companions_to_byline(texts, kinds, position + 1))):
                found.extend(range(position, companions))
                break
            bodies += kind == "body" and _ends_a_sentence(texts[position])  # a headline typed body is no sentence
            prose += 1
            if bodies == 2 or prose == MAX_BYLINE_PROSE:
                break
            continue
        before = kinds[position - 1] if position else None
        after = kinds[position + 1] if position + 1 < len(kinds) else None
        role_then_byline = (after in ("body", "heading") and position + 2 < len(kinds) and kinds[position + 2] == "byline"
                            and _is_role_line(texts[position + 1]))  # "Tom Reed" / "Transport Correspondent" / date
        if after == "boilerplate" and _is_relative_date_line(texts[position + 1]):
            after = "byline"  # "Aktualisiert vor 2 Stunden", a clutter row's "updated" line, under the name
        if (title_seen and ("byline" in (before, after) or role_then_byline or (before == "title" and after == "boilerplate"))
                and (_is_bare_name(texts[position]) or _name_before_role(texts[position]) is not None)):
            found.append(position)
            if (after == "byline" and position >= 2 and kinds[position - 2] == "title"
                    and kinds[position - 1] in ("body", "heading") and _is_bare_name(texts[position - 1])):
                found.insert(-1, position - 1)  # "Dana Whitfield" over the paper's name over the date line
            continue
        companions = (_companions_to_byline(texts, kinds, position + 1)
                      if title_seen and len(texts[position]) <= 60 and after in ("body", "heading") else None)
        if companions is not None and (_is_bare_name(texts[position]) or (
                # a name in capitals only with its role beside it: "TOP STORIES" over "WORLD" over a date is furniture
                _is_bare_name(texts[position], upper=True) and any(map(_is_role_line, texts[position + 1:companions])))):
            # "B. Ravindra Reddy" / "HYDERABAD" / date line; "JANE ODHIAMBO" / "Mombasa Correspondent" / "Coast Daily
            # Group" / date line; "Marie Roy" / "Le Fleuve" / date line: the name and the lines beside it
            found.extend(range(position, companions))
            continue
        prose += 1
        bodies += kind == "body" and _ends_a_sentence(texts[position])
        if bodies == 2:
            break
    return found


def _ends_a_sentence(text: str) -> bool:
    """Whether a paragraph ends on a full stop (after any closing quotes, and the space French sets before "»"): a
    sentence, not a headline."""
    return text.rstrip("\"”»’' ")[-1:] in ".…"


#: A name over its companions and a date line is looked for in at most this many body and heading paragraphs.
MAX_BYLINE_PROSE = 5


#: At most this many short lines (a role, a desk, the paper's name, a dateline's place) stand between a byline's name
#: and its date line.
MAX_BYLINE_COMPANIONS = 3


def _companions_to_byline(texts: list[str], kinds: list[ParagraphKind], start: int) -> int | None:
    """Where a byline paragraph stands when the paragraphs from ``start`` up to it are one to ``MAX_BYLINE_COMPANIONS``
    short lines that stand beside a byline's name (:func:`_is_byline_companion`); None otherwise."""
    for position in range(start, min(start + MAX_BYLINE_COMPANIONS + 1, len(kinds))):
        if kinds[position] == "byline":
            return position if position > start else None
        if kinds[position] not in ("body", "heading") or not _is_byline_companion(texts[position]):
            return None
    return None


def _is_byline_companion(text: str) -> bool:
    """A short line that stands beside a byline's name: a role or desk ("Nakuru County Correspondent", "Local
    Democracy Reporting Service"), a dateline's place in capitals ("HYDERABAD") or the paper's name ("Le Fleuve",
    "Herald Media Group"): at most four words, every major word capitalised, no digit or sentence mark."""
    if _is_role_line(text):
        return True
    tokens = text.split()
    if not 0 < len(tokens) <= 4 or any(ch in text for ch in ".!?,;:\"“”«»") or any(ch.isdigit() for ch in text):
        return False
    major = [token for token in tokens if token.lower() not in _MINOR_WORDS]
    return bool(major) and all(token[:1].isupper() for token in major)


#: "Von unserem", "Par notre", "From our": a byline naming the writer by the paper's role first.
_OUR_ROLE = re.compile(r"^(?:by|from|von|par|de|por|del)\s+(?:our|unserem|unserer|notre|nuestro|nuestra)\s+", re.I)
_OUR_OPENERS = frozenset("by from von par de por del".split())


def _is_role_word(token: str) -> bool:
    """A newsroom role (``_ROLE_WORDS``), singular or plural ("correspondents", "envoyées", "corresponsales"), with a
    colon or comma after it or not."""
    word = token.lower().rstrip(":,")
    return word in _ROLE_WORDS or (word[-1:] == "s" and (word[:-1] in _ROLE_WORDS or (
        word[-2:] == "es" and word[:-2] in _ROLE_WORDS)))


def _opens_role_byline(text: str) -> bool:
    """Whether ``text`` opens like a byline naming the role first (its first word "By/Von/Par/De/Por/From", or a role
    with a colon or comma after it in the line): :func:`_role_byline_names` is tried only then."""
    opening = text[: text.find(" ")].lower() if " " in text else ""
    return opening in _OUR_OPENERS or (
        _is_role_word(opening) and (":" in text or "," in text))


def _role_byline_names(text: str) -> tuple[str, ...] | None:
    """The writers of a byline that names their role first: "Von unserem Redakteur Jan Meier", "Par notre envoyée
    spéciale Marie Roy", "De notre correspondant à Bruxelles, Jean Dupont", "From our correspondent Jane Roe in Paris",
    "By our reporter" and "From our correspondent in Paris" (no one: a place preposition's word is the place),
    "Corresponsal en Bruselas: Ana Ruiz" (a role, then a colon or comma and the names); None when ``text`` is no such
    byline."""
    our = _OUR_ROLE.match(text)
    rest = text[our.end():] if our else text
    if len(rest) > 120 or text[-1:] in ".!?":
        return None
    tokens = rest.split()
    if not tokens or not _is_role_word(tokens[0]):
        return None
    split = _ROLE_NAMES_SPLIT.search(rest)
    if split is None and not our:
        return None  # "Correspondent Jane Roe said ...": a role-led line needs its colon or comma
    if split is not None:
        head, after = rest[: split.start()], rest[split.end():]
        if len(head.split()) > 6:
            return None
    else:  # the role's words in lower case or the role itself, then the names: "envoyée spéciale Marie Roy"
        position = 0
        while position < len(tokens):
            lower = tokens[position].lower()
            if lower in _PLACE_PREPOSITIONS:
                return ()  # "From our correspondent in Paris": the place follows, no name
            if not (_is_role_word(lower) or not tokens[position][:1].isupper()):
                break
            position += 1
        after = " ".join(tokens[position:])
    names, tail = _leading_names(after)
    if not after:
        return () if our else None  # "By our reporter"
    if split is not None and not any(" " in name for name in names) and not _PLACE_PREPOSITIONS.isdisjoint(
            head.lower().split()):
        return () if our else None  # "Por nuestro corresponsal en Lima, Perú": one word after the town is its country
    if split is not None and not all(_is_bare_name(name) for name in names):
        return None  # "Critic: Best Films Of The Year": a headline after the label, no person's name
    if not names or (tail and tail.split(" ", 1)[0].lower() not in _BYLINE_TAIL_WORDS):
        return None
    return names


_ROLE_NAMES_SPLIT = re.compile(r"\s*[,:]\s+")
#: Prepositions before the place a writer files from ("in Paris", "à Genève", "au Caire", "en Lima", "a Gaza", "aus
#: Wien"): in a byline naming the role first, what follows one is that place, never a writer.
_PLACE_PREPOSITIONS = frozenset("in at à au aux en a aus nach".split())

#: "By", "Par", "Von", "Por" and a capital: the plain opening of a byline (not "Photo by", "Edited by").
_PLAIN_BYLINE = re.compile(r"^(?:by|par|von|por)\s+(?-i:[A-ZÀ-Ý])", re.I)


def _is_plain_byline_or_date(text: str, words: int) -> bool:
    """A byline opening "By/Par/Von/Por Name", or a date line, that :func:`_is_byline` reads."""
    return (bool(_PLAIN_BYLINE.match(text)) or _is_date_line(text)) and _is_byline(text, words)


_POSTED_ON = re.compile(r"^(?:posted|published|updated)\s+(?:on\s+)?(?P<date>[^\n]{6,40}?)\s+by\s+(?P<names>\S.*)$", re.I)

# Words that may follow the names in a byline: "By Jane Doe for The Guardian", "By Jane Doe on 2024-03-05".
_BYLINE_TAIL_WORDS = frozenset("for on in at - de para pour für per em en op with avec mit con from desde depuis aus".split())
#: Bylines whose names are no writer's: the editor's and the photographer's.
_NO_WRITER_PREFIX = re.compile(r"^\(?(?:editing|photos?)\b", re.I)


def _starts_with_date(text: str) -> bool:
    match = _DATE.match(text)
    return match is not None and _date_of(match) is not None


_CLOCK_TIME = re.compile(r"\d{1,2}(?:[:h.]\d\d)?(?:h|hrs|[ap]m)?")
# "10:04", "17h32", "7.30pm", "7pm"
_CLOCK_TIMES = re.compile(r"(?<!\d)\d{1,2}(?:[:h.]\d\d(?:h|hrs|[ap]m)?|[ap]m)(?!\w)")


def _is_date_line(text: str) -> bool:
    """"Published: Mon 11 Dec 2023, 10:04 GMT": a date with nothing but date words around it; also with a
    place or outlet before it when a separator or a clock time marks the line as page furniture
    ("EUROPA PRESS | Valencia | 12/03/2024 - 13:45h", "Sevilla, 10 de noviembre de 2024 - 22:58 CET")."""
    match = _DATE.search(text) if _YEAR_HINT.search(text) else None
    if match is None or _date_of(match) is None:
        return False
    names = 0
    for token in _WORD_TOKEN.findall(text[: match.start()]):
        if not _is_date_word(token):
            if not token[0].isupper():
                return False
            names += 1
    after = text[match.end():]
    if after[:1] == "T":  # "2026-11-27T16:12:00Z"
        after = _ISO_TIME.sub(" ", after, 1)
    after, clocks = _CLOCK_TIMES.subn(" ", after)
    for token in _WORD_TOKEN.findall(after):
        if not _is_date_word(token):
            if not clocks or not _outlet_after(after):
                return False
            break
    if not names:
        return True
    return names <= 4 and (clocks > 0 or any(ch in text[: match.start()] for ch in "|•·"))


_ISO_TIME = re.compile(r"T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?")
_SEPARATOR_SPLIT = re.compile(r"[|/•·]")


def _outlet_after(after: str) -> bool:
    """What follows a date and its clock time is date words and, after a separator, a short name: the outlet or the
    place ("Nov 27, 2026 / 4:12 PM EST / Riverside News")."""
    for position, segment in enumerate(_SEPARATOR_SPLIT.split(after)):
        tokens = _WORD_TOKEN.findall(segment)
        if all(map(_is_date_word, tokens)):
            continue
        if not position or len(tokens) > 4 or not all(token[0].isupper() for token in tokens):
            return False
    return True


#: A writer's e-mail address alone on its line, with its label or not ("Email: jdoe@example.org", "Courriel :").
_EMAIL_LINE = re.compile(r"^(?:(?:e-?mail|courriel|correo(?:\s+electrónico)?|contact)\s*:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", re.I)

#: Words that make a line of date words a relative date ("3 hours ago", "vor 2 Stunden", "hace 45 minutos", "il y a 3
#: heures", "Yesterday at 4:12pm", "Heute, 16:12 Uhr").
_RELATIVE_WORDS = frozenset("ago vor hace il yesterday today gestern heute hier aujourd'hui ayer hoy".split())


#: A relative word (``_is_relative_date_line`` reads the words only then).
_RELATIVE_HINT = re.compile(r"\b(?:ago|vor|hace|il|yesterday|today|gestern|heute|hier|aujourd'hui|ayer|hoy)\b", re.I)


def _is_relative_date_line(text: str) -> bool:
    """A line of date words with a relative time and no date: "Published 3 hours ago", "Aktualisiert vor 2 Stunden",
    "Hace 45 minutos", "Il y a 3 heures", "Yesterday at 4:12pm" (page furniture; no date is read from it)."""
    if not (_HAS_DIGIT.search(text) and _RELATIVE_HINT.search(text)):  # cheaper than the words
        return False
    tokens = _WORD_TOKEN.findall(text)
    return (0 < len(tokens) <= 8 and any(token.lower() in _RELATIVE_WORDS for token in tokens)
            and all(_is_date_word(token) for token in tokens))


def _opens_with_date_word(text: str) -> bool:
    """True when ``text`` opens with a word of date lines ("Publié", "Updated", "Stand:"): a long date line
    ("Publié le ..., mis à jour le ...") is searched for a date only then (the date regex is costly)."""
    first = _WORD_TOKEN.match(text)
    return first is not None and first.group().lower() in _DATE_LINE_WORDS


def _is_date_word(token: str) -> bool:
    return token.lower() in _DATE_LINE_WORDS or token.isdigit() or bool(_CLOCK_TIME.fullmatch(token))


def _is_title_like(text: str, words: int | None = None) -> bool:
    """One short line that does not end like a sentence ("?" and "!" are fine in a headline)."""
    if (_word_count(text) if words is None else words) > MAX_TITLE_WORDS or len(text) > 250 or "\n" in text:
        return False
    if not _HAS_LETTER.search(text) or _BULLET.match(text):
        return False
    last = text[-1]
    if last in "”’\"'»":  # a headline may end on a quote: ‘... contre « le Gitan »’, not on a quoted sentence
        return text[:-1].rstrip()[-1:] not in (".", ",", ";", ":")
    return last not in _TERMINAL or last in "?!"


def _is_heading_like(text: str, words: int | None = None) -> bool:
    """A short line, no sentence ending, title-cased, all capitals or only a few words."""
    words = _word_count(text) if words is None else words
    if words > MAX_HEADING_WORDS or len(text) > 120 or "\n" in text or _BULLET.match(text):
        return False
    if not _HAS_LETTER.search(text) or (text[-1] in _TERMINAL and text[-1] != "?"):
        return False
    tokens = [token for token in _WORD_TOKEN.findall(text) if _HAS_LETTER.search(token)]
    if not tokens:
        return False
    first = tokens[0][0]
    if not first.isupper() and not first.isdigit():
        return not first.islower() and words <= 8  # scripts without capitals
    major = [token for token in tokens if token.lower() not in _MINOR_WORDS]
    capitalised = sum(1 for token in major if token[0].isupper())
    if major and capitalised >= 0.75 * len(major):
        return True
    # a few words in sentence case ("What happens next"), but not a quote or a clause
    return words <= 6 and text[-1] != "?" and not any(ch in text for ch in ',;“”"')


# --- names ---------------------------------------------------------------------------------------------

_NAME_TOKEN = re.compile(r"[^\s,;&|•·—–()]+|[,;&|•·—–()]")
_NAME_PARTICLES = frozenset("de da del della der den di du dos das van von zu zum zur la le al bin ibn ap y st. ter ten".split())
# A particle elided onto the surname: "d'Estienne-Lefort", "al-Rashid", "el-Amin".
_ELIDED_PARTICLE = re.compile(r"(?:d|al|el)['’-][A-ZÀ-Ý]")
_NAME_CONNECTORS = frozenset({",", "&", "and", "y", "et", "und", "e"})
_NOT_NAMES = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor editors contributor "
    "contributors columnist journalist journalists bureau chief senior special desk team agency press news "
    "newsroom wire wires service services updated published posted photographer producer analyst critic critics "
    "agencia agence agentur "
    "commentator presenter host anchor redacción redaccion rédaction redaktion newsdesk équipe equipo "
    "monday tuesday wednesday thursday friday saturday sunday today yesterday "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles jueves viernes sábado domingo".split()
) | frozenset(_MONTHS)
# Honorifics before an author's name: "By Dr. Farah Siddiqui" is Farah Siddiqui.
_HONORIFICS = frozenset("dr dr. prof prof. professor mr mr. mrs mrs. ms ms. mx sir dame me mme m. sr. sra. dra.".split())


def _leading_names(text: str) -> tuple[tuple[str, ...], str]:
    """The person names at the start of ``text`` ("Jane Doe and John Roe, Reuters") and what follows."""
    groups: list[list[str]] = [[]]
    end = 0
    for match in _NAME_TOKEN.finditer(text):
        token = match.group()
        lower = token.lower()
        if token in _NAME_CONNECTORS or lower == "and":
            if groups[-1]:
                groups.append([])
            end = match.end()
            continue
        first = token[0]
        if token[-1] == ":":
            break  # "Text: Jane Doe, Fotos: Tom Bell": the next label ends the names
        if first.isupper() or (groups[-1] and (lower in _NAME_PARTICLES or _ELIDED_PARTICLE.match(token))):
            groups[-1].append(token)
            end = match.end()
            continue
        break
    tail = text[end:].strip()
    names: list[str] = []
    for group in groups:
        while group and group[-1].lower() in _NAME_PARTICLES:
            group.pop()
        while len(group) > 1 and group[0].lower() in _HONORIFICS:
            del group[0]
        for size in (3, 2, 1):  # "By JANE DOE Associated Press": the agency is not part of the name
            if len(group) >= size and " ".join(group[-size:]).lower() in AGENCIES:
                del group[-size:]
                break
        if not group or any(token.lower().strip(".") in _NOT_NAMES for token in group):
            continue
        if len(group) > 5 and (len(group) > 8 or sum(token.lower() not in _NAME_PARTICLES for token in group) > 5):
            continue  # "Ana María de la Fuente Olmedo": five words and two particles are a name, six words are not
        if not all(_HAS_LETTER.search(token) for token in group):
            continue
        name = " ".join(group)
        if name.istitle():
            pass
        elif name.isupper() and len(name) > 3:  # "ANA MARÍA DE LA FUENTE" is "Ana María de la Fuente"
            name = " ".join(token.lower() if token.lower() in _NAME_PARTICLES else token for token in name.title().split())
        elif any(len(token) > 2 and token.isupper() and token.strip("IVX") for token in group):
            # "Marie DUPRÉ-LAVAL" is "Marie Dupré-Laval" ("John Roe III" stays)
            name = " ".join(token.title() if len(token) > 2 and token.isupper() and token.strip("IVX") else token
                            for token in group)
        names.append(name)
    if any(" " in name for name in names):
        names = [name for name in names if " " in name]  # "Jane Doe, Reuters": the agency is not an author
    return tuple(names), tail


_CREDIT_NAMES = re.compile(
    r"\b(?:article|story|piece|report|post|column|essay|op-ed|analysis|investigation)\s+"
    r"(?:was\s+|is\s+)?(?:written\s+|reported\s+|produced\s+)?by\s+",
    re.I,
)


def _byline_authors(text: str) -> tuple[str, ...]:
    text = unwrapped(text)
    posted = _POSTED_ON.match(text)
    if posted and find_date(posted.group("date")) is not None:
        return _leading_names(posted.group("names"))[0]
    label = _AUTHOR_LABEL.match(text) or _WORDS_LABEL.match(text)
    if label:
        return _leading_names(text[label.end():])[0]
    role_names = _role_byline_names(text) if _opens_role_byline(text) else None
    if role_names is not None:
        return role_names
    prefix = _BYLINE_PREFIX.match(text)
    if prefix:
        if _NO_WRITER_PREFIX.match(text):
            return ()  # "Editing by X", "Photo by X": no writer of the article
        names = _leading_names(text[prefix.end():])[0]
        role_name = None if names else _name_before_role(text[prefix.end():])
        return (role_name,) if role_name else names
    item = _byline_item(text) if _ITEM_SPLIT.search(text) else None
    if item is not None:
        return _leading_names(item)[0]  # "Posted: 27 November 2026 | By Jane Doe"
    names, tail = _leading_names(text)
    if names and tail[:1] in tuple(_SEPARATORS):
        # "Jane Doe | 3 May 2026"; one word alone before the bar is a place or an outlet ("Zaragoza | 14/03/2025")
        return names if any(" " in name for name in names) else ()
    name = _name_and_role(text)
    if name is not None:
        return (name,)  # "Jane Doe, Political Editor"
    if names and not tail and _is_bare_name(text, upper=True):
        return names  # a bare name typed byline by its place under the title
    role_name = _name_before_role(text)
    return (role_name,) if role_name else ()  # "Jane Doe Science reporter" typed byline by its place


def _credit_authors(text: str) -> tuple[str, ...]:
    """Names in a credit or licence notice: "This article by A and B originally appeared ..."."""
    match = _CREDIT_NAMES.search(text) or re.search(r"\bwritten\s+by\s+", text, re.I)
    return _leading_names(text[match.end():])[0] if match else ()


# --- the article ---------------------------------------------------------------------------------------


def parse_article(
    text: str,
    *,
    title: str | None = None,
    authors: Iterable[str] | str | None = None,
    published: dt.date | dt.datetime | str | None = None,
    source: str | None = None,
    filename: str | None = None,
    language: str | None = None,
) -> Article:
    """``text`` as an :class:`Article`: normalised, split into typed paragraphs, with its metadata.

    Metadata given as arguments (from HTML metadata or front matter, say) wins over what is found in
    the text. Otherwise: title = the first title paragraph, else a title made from ``filename``, else
    the opening words; authors = the names of the byline ("By A and B"), else those of a credit or
    licence notice ("This article by A and B originally appeared ..."); published = the first full date
    in a byline, date line or dateline, else in a licence notice; source = the agency of a dateline
    ("(Reuters)"); language = :func:`analysis.reading.language.detect_language` on the title, heading and body
    paragraphs. ``published`` may be a date, a datetime or a string in a format :func:`find_date` reads.

    Raises ``EmptyInputError`` (naming ``filename``) when the text holds no words.
    """
    normalised = normalize_text(text)
    if not _HAS_LETTER.search(normalised):
        raise EmptyInputError(
            filename,
            "holds no words to analyse (it is empty, blank or only punctuation, numbers or symbols); "
            "check that this is the article's text and paste or upload it again.",
        )
    paragraphs = tuple(classify_paragraphs(split_blocks(normalised)))
    found_authors = _given_authors(authors) if authors is not None else _found_authors(paragraphs)
    paragraphs = _author_notes_left_out(paragraphs, found_authors)
    analysed = [p.text for p in paragraphs if p.kind in ANALYSED_KINDS] or [p.text for p in paragraphs]

    found_title = next((p.text for p in paragraphs if p.kind == "title"), None)
    found_language = (_clean(language) or "").lower() or _detected_language(analysed)
    day_first = found_language not in ("en", UNDETERMINED)  # "12/03/2024" is 12 March outside English
    return Article(
        title=_clean(title) or found_title or _title_from_filename(filename) or _opening_words(analysed[0]),
        paragraphs=paragraphs,
        authors=found_authors,
        published=_given_date(published) if published is not None else _found_date(paragraphs, day_first=day_first),
        language=found_language,
        source=_clean(source) or _found_source(paragraphs),
        filename=filename,
    )


_AUTHOR_NOTE_VERBS = re.compile(
    r"\s+(?:is|was|has\s+been|writes|covers|reports|est|es|ist|war|escribe|écrit|schreibt)\b", re.I
)


def _author_notes_left_out(paragraphs: tuple[Paragraph, ...], authors: tuple[str, ...]) -> tuple[Paragraph, ...]:
    """The paragraphs with an author's note ("Jane Doe is a senior editor at ...", "Dr. Jane Doe writes about
    ...") typed boilerplate: a short paragraph that opens with the name of one of the article's authors."""
    if not authors:
        return paragraphs
    typed = list(paragraphs)
    last = max((i for i, p in enumerate(paragraphs) if p.kind in ("body", "heading")), default=-1)
    for i, paragraph in enumerate(paragraphs):
        if paragraph.kind not in ("body", "heading") or _word_count(paragraph.text) > MAX_LICENCE_WORDS:
            continue
        text = unwrapped(paragraph.text)
        first, _, rest = text.partition(" ")
        if first.lower() in _HONORIFICS and rest:
            text = rest
        for name in authors:
            if not text.startswith(name):
                # the last paragraph, about the writer by full name inside its first clause, after the job it opens
                # with: "Journaliste à la rubrique régionale depuis 2018, Jane Doe couvre ...", "Reporter since 2019,
                # Jane Doe covers ..."
                if i == last and " " in name and 0 < text.find(", " + name, 0, _BIO_NAME_WITHIN) and _word_count(
                    text
                ) <= MAX_LINK_WORDS * 2 and _LOWER_WORD_NEXT.match(text, text.find(", " + name) + 2 + len(name)):
                    typed[i] = Paragraph(paragraph.index, "boilerplate", paragraph.text)
                    break
                continue
            rest = text[len(name):].strip()
            if not rest or (text[len(name)] in " ," and rest[0] in "(,–—-|" and _word_count(rest) <= 8
                            and rest[-1] not in ".!?"):
                # the writer's signature: "Jane Doe", "Margaux Roy (Lille, envoyée spéciale)", "Jane Doe, in Paris"
                typed[i] = Paragraph(paragraph.index, "byline", paragraph.text)
                break
            note = _AUTHOR_NOTE_VERBS.match(text, len(name)) and _word_count(text) <= MAX_LINK_WORDS
            # the last paragraph, about the writer by full name in any verb: "Jane Doe drove buses for ten years ..."
            bio = i == last and " " in name and _LOWER_WORD_NEXT.match(text, len(name))
            if note or bio:
                typed[i] = Paragraph(paragraph.index, "boilerplate", paragraph.text)
                break
    return tuple(typed)


#: How far into a last paragraph the author's name may stand after the job it opens with (see _author_notes_left_out).
_BIO_NAME_WITHIN = 90
_LOWER_WORD_NEXT = re.compile(r"\s+(?:[a-zß-ÿ][\w'’-]*)\s")


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = normalize_text(str(value)).replace("\n", " ")
    return value or None


def _title_from_filename(filename: str | None) -> str | None:
    if not filename:
        return None
    stem = PurePath(filename.replace("\\", "/")).stem
    stem = re.sub(r"(?:19|20)\d\d[-_.]?\d\d[-_.]?\d\d", " ", stem)
    stem = " ".join(re.sub(r"[-_.+]+", " ", stem).split())
    if not _HAS_LETTER.search(stem):
        return None
    return stem[0].upper() + stem[1:]


def _opening_words(text: str, *, words: int = 10) -> str:
    opening = text.split()
    return " ".join(opening[:words]) + ("…" if len(opening) > words else "")


def _given_authors(authors: Iterable[str] | str) -> tuple[str, ...]:
    if isinstance(authors, str):
        authors = re.split(r"\s*(?:,|;|&|\band\b)\s*", authors)
    cleaned = (_clean(name) for name in authors)
    return tuple(dict.fromkeys(name for name in cleaned if name))


def _edges(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """The paragraphs where sites put bylines, credits and notices: the first and last few."""
    if len(paragraphs) <= 2 * EDGE_PARAGRAPHS:
        return paragraphs
    return paragraphs[:EDGE_PARAGRAPHS] + paragraphs[-EDGE_PARAGRAPHS:]


def _found_authors(paragraphs: tuple[Paragraph, ...]) -> tuple[str, ...]:
    paragraphs = _edges(paragraphs)
    bylines = [p.text for p in paragraphs if p.kind == "byline"]
    explicit = [text for text in bylines if _is_explicit_byline(text)]  # "By ..." before "Markets Live | date"
    for text in explicit + [text for text in bylines if text not in explicit]:
        names = _byline_authors(text)
        if names:
            return tuple(dict.fromkeys(names))
    for paragraph in paragraphs:
        if paragraph.kind in ("boilerplate", "byline") and _word_count(paragraph.text) <= MAX_LICENCE_WORDS:
            names = _credit_authors(paragraph.text)
            if names:
                return tuple(dict.fromkeys(names))
    return ()


def _is_explicit_byline(text: str) -> bool:
    text = unwrapped(text)
    return bool(_AUTHOR_LABEL.match(text) or _BYLINE_PREFIX.match(text) or _POSTED_ON.match(text))


def _given_date(published: dt.date | dt.datetime | str) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    return find_date(str(published))


#: Time zones of places that write the day first ("05/11/2026 4:12pm AEDT" is 5 November in an English article too).
_DAY_FIRST_ZONES = frozenset(
    "bst ist aest aedt acst acdt awst nzst nzdt eat cat wat sast pkt sgt hkt wib cet cest mez mesz".split()
)


def _writes_day_first(text: str) -> bool:
    """Whether a date line names a time zone of a place that writes the day first (see ``_DAY_FIRST_ZONES``)."""
    return "/" in text and any(token.lower() in _DAY_FIRST_ZONES for token in _WORD_TOKEN.findall(text))


def _found_date(paragraphs: tuple[Paragraph, ...], *, day_first: bool = False) -> dt.date | None:
    for paragraph in _edges(paragraphs):
        if paragraph.kind == "byline":
            found = find_date(paragraph.text, day_first=day_first or _writes_day_first(paragraph.text))
            if found is not None:
                return found
    for paragraph in [p for p in paragraphs if p.kind == "body"][:3]:
        dateline = _DATELINE.match(paragraph.text)
        if dateline is None and _YEAR_HINT.search(paragraph.text, 0, 60):
            dateline = _PLACE_DATE_LEDE.match(paragraph.text)
        if dateline and dateline.group("when"):
            found = find_date(dateline.group("when"), day_first=day_first)
            if found is not None:
                return found
    for paragraph in _edges(paragraphs):
        if paragraph.kind == "boilerplate" and _word_count(paragraph.text) <= MAX_LICENCE_WORDS:
            if _is_licence(paragraph.text):
                found = find_date(paragraph.text, day_first=day_first)
                if found is not None:
                    return found
    for paragraph in _edges(paragraphs):  # the last resort: "Quelle: Landbote, 16.07.2024"
        if paragraph.kind == "boilerplate" and _SOURCE_LINE.match(paragraph.text) and _word_count(paragraph.text) <= 25:
            found = find_date(paragraph.text, day_first=day_first)
            if found is not None:
                return found
    return None


# A closing source line: "Quelle: Landbote, 16.07.2024", "Source : Le Courrier, 3 mai 2024", "Fuente: El Diario".
_SOURCE_LINE = re.compile(r"^(?:quelle|sources?|fuentes?)\s*:", re.I)


def _found_source(paragraphs: tuple[Paragraph, ...]) -> str | None:
    for paragraph in [p for p in paragraphs if p.kind in ("body", "byline")][:3]:
        dateline = _DATELINE.match(paragraph.text + " ")
        if dateline and dateline.group("agency"):
            return dateline.group("agency").strip()
    return None


def _detected_language(texts: list[str]) -> str:
    language = detect_language("\n\n".join(texts[:40]))
    return language or UNDETERMINED
