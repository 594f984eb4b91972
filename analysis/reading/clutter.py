"""The clutter of news pages as data: block patterns per language, read by one rule (:func:`clutter_of`).

A news page pasted or uploaded brings more than the article: captions and photo credits, "Read more:" links,
newsletter and share prompts, "Advertisement", video teasers, breadcrumbs, tag lists, station lists,
press-release footers, copyright notices. Each shape is one :class:`BlockPattern` row in the table of its
language (``ANY`` holds the shapes that are not words: breadcrumbs, call signs, "[Name/Agency]" credits).
Every row carries an example block, and ``tests/test_clutter.py`` checks that each row matches its example,
so a new pattern is one table line (its example is its fixture).

How a row is read (:func:`clutter_of`):

- ``regex`` is matched case-insensitively against the block with its Markdown emphasis removed. A regex
  that starts with ``^`` is tried at the start of the block only; one that ends with ``$`` against the
  block's last ``END_WINDOW`` characters. Every regex is anchored one way or the other, so a row costs
  almost nothing on a block it does not fit. ``(?-i:...)`` makes a part case-sensitive.
- ``max_words``: blocks longer than this never match the row.
- ``role`` says what a match does:
  ``"block"``: the block is boilerplate;
  ``"label"``: the block (a line such as "Read more:" or "Weitere Videos") heads a list: the lines under it in
  the same blank-line block belong to it (``split_blocks`` keeps them in one paragraph) and all are boilerplate;
  ``"top"``: boilerplate only before the title and the body (a section label such as "Opinion");
  ``"footer"``: the block and every block after it are boilerplate (press-release footers: "Forward-looking
  statements", "Contacts:");
  ``"about"``: like ``"footer"``, when the next block names what the row's ``name`` group caught ("About Acme
  Corp." followed by "Acme Corp. makes ...").

The tables are used whatever the language the article is detected in: the rows are phrases no article body
starts with, and the language is only known once the body is found.
"""

from __future__ import annotations

import re

try:
    from re import _compiler as _sre_compiler
    from re import _constants as _C
    from re import _parser as _sre_parser
except ImportError:  # Python 3.10
    import sre_compile as _sre_compiler  # type: ignore[no-redef]
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]
import _sre
from dataclasses import dataclass
from typing import Literal

Role = Literal["block", "label", "top", "footer", "about"]
ROLES: tuple[Role, ...] = ("block", "label", "top", "footer", "about")
#: An end-anchored row is searched in this many characters at the end of a block.
END_WINDOW = 80
#: A start-anchored row's hints are looked for in this many characters at the start of a block.
START_WINDOW = 200


@dataclass(frozen=True)
class BlockPattern:
    """One shape of clutter: its name (caption, related, prompt ...), the regex, an example block it must match,
    the longest block it may match (in words), what a match does (see the module docstring) and, for a row
    anchored at the end, ``hints``: lower-case strings one of which the block's end must hold for the regex to
    be tried (a search from every position is slow; a substring test is not); for a row anchored at the start,
    ``hints`` are looked for in the block's first ``START_WINDOW`` characters ("?" for a question's prompt: most
    blocks have none, and the row's regex then need not scan them)."""

    name: str
    regex: str
    example: str
    max_words: int = 40
    role: Role = "block"
    hints: tuple[str, ...] = ()


P = BlockPattern


def _either(*regexes: str) -> str:
    """One start-anchored regex of several ("^a", "^b" -> "^(?:a|b)"): shapes of one role and language share a row,
    so a block meets one pattern call where it would meet several (the cost per paragraph stays flat)."""
    assert all(regex.startswith("^") for regex in regexes)
    return "^(?:" + "|".join(regex[1:] for regex in regexes) + ")"

_SOCIAL = (r"(?:x|twitter|facebook|instagram|tiktok|youtube|linkedin|whatsapp|threads|bluesky|telegram|mastodon|"
           r"google\s+(?:news|discover|actualités|noticias)|apple\s+news|flipboard)")
_AGENCY = r"(?:AP|AFP|Reuters|REUTERS|EFE|dpa|DPA|EPA|ANSA|Anadolu|ANADOLU|Getty(?:\s+Images)?|GETTY(?:\s+IMAGES)?)"

#: One share action of a share-link block: "Share on Twitter/X", "Email this link", "Copy link", "Print this page".
_SHARE_ACTION = (r"share\s+(?:on|via|to|with)\s+" + _SOCIAL + r"(?:\s*/\s*" + _SOCIAL + r")?|share\s+(?:on|via|to)\s+"
                 r"(?:reddit|pinterest|messenger|flipboard|e-?mail|sms)|(?:e-?mail|send|share|copy)\s+(?:this|the)\s+"
                 r"(?:link|article|story|page|url)|copy\s+(?:the\s+)?(?:link|url)|link\s+copied|print\s+(?:this\s+)?"
                 r"(?:article|story|page)|tweet\s+this|post\s+(?:on|to)\s+" + _SOCIAL)

#: Where a share line sends the page: the networks, e-mail, a copied link, the printer, in four languages.
_SHARE_TARGET = (r"(?:" + _SOCIAL + r"|e-?mail|mail|courriel|correo(?:\s+electrónico)?|sms|messenger|pinterest|reddit|"
                 r"copy\s+link|copier\s+le\s+lien|link\s+kopieren|copiar\s+(?:el\s+)?enlace|print|imprimer|drucken|imprimir)")
#: The targets after a share label, as a list ("Facebook | X | WhatsApp | E-mail"), or nothing (the label alone).
_SHARE_LIST = r"(?:\s*:?\s*" + _SHARE_TARGET + r"(?:\s*[|•·,/]\s*" + _SHARE_TARGET + r")*)?\s*$"
#: What may follow an audio player's label: its timer ("00:00 / 04:12"), its length ("03:05", "4 min") or nothing.
_PLAYER_TAIL = (r"(?:\s*[:|·•-]?\s*(?:\d{1,2}:\d\d(?:\s*/\s*\d{1,2}:\d\d)?|\d+\s*(?:min(?:ute|uten|utos)?s?\.?)))?"
                r"\s*$")
#: A price on a buy button: "$449", "€119", "£89.99", "119 €", "119 euros".
_PRICE = r"(?:[$£€]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|£|\$|euros?|dollars?|pounds?))"

#: Who supplied a story, in an agency note: "PTI", "agencies", "Reuters and AFP", "Press Trust of India".
_ONE_SOURCE = r"(?:(?:the\s+)?agencies|(?-i:[A-ZÀ-Ý])[\w.&'’-]*(?:\s+(?:of\s+)?(?-i:[A-ZÀ-Ý])[\w.&'’-]*){0,4})"
_SOURCES = _ONE_SOURCE + r"(?:\s*(?:,|and|&)\s*" + _ONE_SOURCE + r")*"

#: A section's name after "Most read in", "Latest in": one to four capitalised words ("Health & Science").
_SECTION_NAME = r"(?-i:[A-ZÀ-Ý])[^\s:]*(?:\s+(?:&|and|(?-i:[A-ZÀ-Ý])[^\s:]*)){0,3}"
#: Names after a French credit ("Avec les informations de Léa Roy et Marc Dion"): capitalised words, "de"/"du"/"la" inside.
_FR_ONE = r"(?-i:[A-ZÀ-Ý])[\w.&'’-]*(?:\s+(?:(?:de|du|des|la|le)\s+)?(?-i:[A-ZÀ-Ý])[\w.&'’-]*){0,4}"
_FR_SOURCES = _FR_ONE + r"(?:\s*(?:,|et)\s*(?:l['’]\s*|la\s+|le\s+)?" + _FR_ONE + r")*"

#: A credited name or agency at the end of a caption: "Chris Hale", "Tom Reed/PA", "AFP", or a web address
#: ("tirolfoto.at/Anna Berg").
_CREDITED = r"(?-i:(?:[A-ZÀ-Ý][\w'’-]+|[a-z][\w-]*\.[a-z]{2,6})(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,4})"

#: A reported-speech clause after a comma (", the council leader told members", ", sagte der Bürgermeister", ", a
#: lancé le maire", ", explicó la empresa"): rows whose phrase a news sentence can open ("Download the NHS App ...",
#: "Die Stimme wurde mit KI erzeugt ...") must not match a block that has one: the block is a report, not a note.
_SAID = (r"said|says|told|tells|urged|urges|added|warned|explained|announced|insisted|stressed|confirmed|wrote|noted|"
         r"argued|admitted|found|advised|recommended|asked|claimed|"
         r"sagte|sagt|sagten|bestätigte|betonte|erklärte|teilte|warnte|mahnte|forderte|berichtete|schrieb|meinte|ergänzte|"
         r"räumte|hieß|riet|empfahl|appellierte|versicherte|"
         r"dit|déclaré|lancé|répété|indiqué|expliqué|affirmé|assuré|ajouté|souligné|confirmé|prévenu|averti|annoncé|"
         r"insisté|conseillé|recommandé|demandé|rappelé|précisé|explique|déclare|affirme|indique|estime|raconte|"
         r"dijo|afirmó|explicó|aseguró|señaló|indicó|informó|recordó|añadió|agregó|advirtió|insistió|destacó|confirmó|"
         r"aclaró|subrayó|sostuvo|declaró|precisó|reiteró|pidió|recomendó|según")
_UNREPORTED = r"(?![^\n]*?,\s*(?:[\w'’.-]+\s+){0,5}?(?:" + _SAID + r")\b)"
#: Where a note ends: the end of the block, a sentence mark, a bracket or a separator, or "and ..."; never a comma (a
#: comma goes on with the sentence of a report: "Voix générée par l'IA, la chanson a été retirée").
_NOTE_END = r"(?=\s*(?:$|[.!;:(|·•–—]|-\s|(?:and|et|und|y)\s))"
#: A link or label line ends after its words, or with a colon, a bar or an arrow ("Our standards", "Unsere
#: Standards: So arbeitet die Redaktion"): "Unsere Standards sind hoch, sagte ..." is a sentence.
_LINK_END = r"\s*(?:[:|›»>→]|[-–—]\s|$)"


#: After a standards badge: nothing, or its "learn more" link ("... The Trust Project. Learn more").
_MORE_LINK = (r"(?:\s*(?:learn\s+more|find\s+out\s+more|read\s+more|en\s+savoir\s+plus|mehr\s+erfahren|más\s+información|"
              r"saber\s+más|conoce\s+más))?\s*[.›»>→]?\s*$")
#: The items of a French "how we work" link line ("Nos sources, notre démarche").
_FR_HOW = r"(?:sources|démarche|méthodes?|charte|engagements|principes|valeurs|règles)"


def _buttons(labels: str) -> str:
    """The end of a consent bar: after a sentence mark or a separator, one to four of its buttons ``labels`` (an
    alternation) and nothing else ("... Reject all | Accept all"). A sentence that only ends on such a word ("...
    most visitors never touch their settings.") is no bar."""
    button = r"(?:" + labels + r")"
    return r"(?:[.!?]\s*|\s*[|·•]\s*)" + button + r"(?:\s*[|·•/]?\s*" + button + r"){0,3}\s*[.!]?$"


def _trie(words) -> str:
    """One regex for a set of lower-case words or phrases, as a trie ("sport", "sports", "science" ->
    "(?:s(?:cience|port(?:s)?))"): a block meets one branch a character, not one alternative a word. A space stands
    for any run of spaces."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def regex(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if char == " " else re.escape(char)) + regex(child)
                    for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + inner + ")?"
        return inner

    return "(?:" + regex(root) + ")"


#: Section names a page prints alone above the headline ("Health & Science", "Lokales", "Faits divers"), in four
#: languages: a "top" row reads a line made of one or two of them as furniture, never as the title.
_SECTION_NAMES = (
    "local_news regional_news world_news business_news "
    "news local uk us world nation national international regional region business money markets economy finance "
    "politics health science environment climate tech technology sport sports football rugby cricket culture arts "
    "entertainment lifestyle life travel education crime weather property motoring society media books music film "
    "actualités actualité monde politique économie santé sciences société régions région faits_divers "
    "environnement planète éducation justice météo idées vie_locale "
    "nachrichten politik wirtschaft gesundheit wissen wissenschaft kultur regionales lokales lokal panorama welt "
    "inland ausland finanzen digital reise leben gesellschaft bildung verkehr "
    "noticias actualidad política economía salud ciencia ciencias cultura deportes internacional nacional sociedad "
    "mundo regiones tecnología sucesos medio_ambiente educación justicia espectáculos ciudad ciudades"
).split()
_SECTION = _trie(name.replace("_", " ") for name in _SECTION_NAMES)

#: A button of a page's action bar, in English, French, German and Spanish, with its count or timer:
#: "Listen", "Save", "Ajouter à mes favoris", "Vorlesen lassen (4:30)", "Merkliste", "Compartir".
_ACTION = (r"(?:listen(?:\s+now)?|save(?:\s+(?:article|story|for\s+later))?|share|print|comments?|bookmark|e-?mail|copy\s+link|"
           r"gift(?:\s+(?:this\s+)?article)?|follow|read\s+later|text\s+size|font\s+size|"
           r"écouter|ajouter\s+à\s+mes\s+(?:favoris|articles|sélections)|favoris|commenter|partager|imprimer|enregistrer|sauvegarder|"
           r"offrir(?:\s+l['’]article)?|réagir|copier\s+le\s+lien|suivre|"
           r"hören|anhören|vorlesen(?:\s+lassen)?|merken|merkliste|drucken|teilen|kommentieren|kommentare|speichern|verschenken|"
           r"artikel\s+verschenken|link\s+kopieren|"
           r"escuchar|guardar|compartir|imprimir|comentar|comentarios|seguir|copiar\s+(?:el\s+)?enlace|regalar)")
_ACTION_ITEM = _ACTION + r"(?:\s*\(\d+(?::\d\d)?\)|\s+\d{1,2}:\d\d)?"

#: Shapes that are not words of one language.
ANY: tuple[BlockPattern, ...] = (
    P("breadcrumb", r"^[^\W\d][^›»>\n]{0,30}(?:\s[›»>]\s[^›»>\n]{1,40}){1,6}$", "Home › World › Europe", 15),
    P("stations", r"^(?-i:[KW][A-Z]{2,3}(?:-(?:TV|DT))?(?:\s+\d{1,2})?)(?:\s*[|,•·]\s*(?-i:[A-Z][A-Z0-9-]{2,6}"
      r"(?:\s+\d{1,2})?)){2,}$", "KXAN 36 | KTVX 4 | WKRN 2", 30),
    P("caption", r"\[[^\[\]\n]{2,60}/[^\[\]\n]{2,40}\]$", "Rescuers search the rubble in Antakya [Jane Roe/Reuters]", 60, hints=("]",)),
    P("caption", r"\((?:(?-i:[A-Z]{2,10})\s+)?(?:photo|photograph|picture|image|foto|bild)(?:\s+by|:)?(?:[/\s][^()\n]{2,60})?\)\.?$",
      "A wolf leaves its crate. (Photo by Kevin Rhodes/Getty Images)", 60, hints=("photo", "picture", "image", "foto", "bild")),
    P("caption", r"(?-i:[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s+[A-ZÀ-Ý][A-ZÀ-Ý'’-]+){1,3})\s*/\s*" + _AGENCY + r"\.?$",
      "Une rue inondée à Faenza, le 16 mai. ANDREA ROSSI / AFP", 60, hints=("/",)),
    P("caption", r"(?:^|[\s.])" + _AGENCY + r"/(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})\.?$",
      "Supporters celebrate in the square. EFE/Rodrigo Sura", 60, hints=("/",)),
    P("caption", r"^\((?:crédit\s+)?(?:photo|photograph|picture|image|foto|bild|fotografía|imagen|grafik)s?"
      r"(?:\s+(?:by|de|von|par|credit))?\s*:?\s[^()\n]{2,400}\)\.?$",
      "(Photo: Dock workers walk out at dawn. Tom Reed/PA)", 60),
    P("caption", r"^!\[[^\]\n]*\]\([^)\n]*\)", "![A warbler on a branch](warbler.jpg)", 60),
    # a caption that ends with its photographer's name after a sentence, no label ("... en septembre. Anna Roth",
    # "... on Sunday. Tom Reed/PA"): two or three capitalised words in lower case after their capital, no final stop,
    # after a word's full stop (not a title's: "Guest essay by Dr. Farah Siddiqui" is a byline), question or exclamation
    # mark or a closing quote ("... “Save the pier” Tom Reed/PA"); at most 35 words (its hints, a full stop and the
    # other marks with their space, are in most blocks' ends: the word limit keeps the search off long body paragraphs;
    # a hint for each mark, or a block would be kept from the row its regex matches)
    P("caption", r"(?:(?<=\w\w\w[.!?])(?<!Mrs\.)(?<!Mme\.)(?<!Sra\.)(?<!Gen\.)(?<!Col\.)(?<!Rev\.)(?<!Hon\.)(?<!Sgt\.)"
      r"(?<!Sen\.)(?<!Rep\.)(?<!Gov\.)(?<!Cllr\.)|(?<=[»”]))\s+(?-i:[A-ZÀ-Ý][a-zß-ÿ'’-]+(?:\s+(?:(?:de|van|von|da|di|du|del)\s+)?[A-ZÀ-Ý][a-zß-ÿ'’-]+){1,2})"
      r"(?:\s*/\s*[\w .&-]{2,40})?$", "Le bassin vidé depuis l'été. Julien Moret", 35,
      hints=(". ", "! ", "? ", "» ", "” ")),
    # a credit alone in brackets, a source and an agency between slashes: "(tirolfoto.at/APA)", "(Keystone/SDA)"
    P("credit", r"^\((?=[^()\n]*[^\W\d_])[^\s()/]{2,40}(?:\s*/\s*[^\s()/]{2,40})+\)\.?$", "(stubaiblick.at/APA)", 4),
    # a tag label without a colon over one tag a line, in any language the tables read: "Tags", "Temas", "Themen"
    P("tags", r"^(?:tags?|topics|temas|etiquetas|themen|schlagw(?:o|ö)rte|stichw(?:o|ö)rter|sujets|thèmes|"
      r"mots[-\s]clés)\s*:?$", "Temas", 2, "label"),
    # a news agency alone on its line (the wire credit at the start or end of a story): "The Canadian Press",
    # "Agencia EFE", "dpa", "AFP —"; a sentence naming the agency has more words and a verb
    P("credit", r"^(?:the\s+)?(?:canadian\s+press|associated\s+press|agence\s+france[-\s]presse|agencia\s+efe|"
      r"europa\s+press|deutsche\s+presse[-\s]agentur|press\s+association|pa\s+media|press\s+trust\s+of\s+india|"
      r"(?-i:AP|AFP|EFE|dpa|DPA|APA|SDA|KNA|epd|ANSA|PTI|UPI|CP|Reuters|REUTERS|Bloomberg|Belga|Xinhua|Kyodo))\s*[—–-]?$",
      "The Canadian Press", 6),
    # a star rating: "Rating: ★★★★☆", "★★★½", "Note : ★★★☆☆"
    P("rating", r"^(?:(?:rating|our\s+rating|verdict|note|bewertung|wertung|valoración|puntuación)\s*:?\s*)?"
      r"[★☆✩✭✮⭐½]{2,10}(?:\s*\(?\d(?:[.,]\d)?\s*(?:/|out\s+of|sur|von|de)\s*\d+\)?)?$", "Rating: ★★★★☆", 6),
    P("advert", r"^\[?(?:advertisement|advertising|sponsored|anzeige|werbung|publicité|publicidad|pubblicità)\]?$",
      "[Advertisement]", 2),
    # a line of three to eight tags or sections between bullets or middle dots, no digits, commas or sentence
    # marks: "Finistère • Commerce • Quimper", "Celle · Energie · Verbraucher". Read as an end row (its hints are
    # cheap substring tests there) with "\A": the line must fill the END_WINDOW characters it is searched in. A byline
    # in that shape ("By Jane Doe · Staff Writer · Reuters") is not one.
    P("tags", r"\A(?!(?:by|von|par|por|door|written\s+by|posted\s+by)\s)(?-i:[A-ZÀ-Ý#])[^•·,;\d.!?\n]{0,30}(?:\s[•·]\s[^\W\d][^•·,;\d.!?\n]{0,30}){2,7}$",
      "Smart home • Kitchen • Reviews", 20, hints=("•", "·")),
    P("tags", r"^#[^\W\d_][\w-]*(?:\s+#[^\W\d_][\w-]*)+$", "#Quimper #Commerce #Bretagne", 12),
    # a share label in English, French, German or Spanish and the networks it offers (or nothing): "Share this article:
    # Facebook | X | Email", "Partager : Facebook · X", "Artikel teilen: WhatsApp · E-Mail", "Compartir: Correo"
    P("prompt", r"^(?:share(?:\s+(?:this|the)\s+(?:article|story|post|page))?|(?:partager|partagez)(?:\s+(?:cet\s+article|"
      r"l['’]\s*article|la\s+page))?|(?:(?:artikel|beitrag|seite)\s+)?teilen|(?:compartir|comparte)(?:\s+(?:esta\s+noticia|"
      r"este\s+artículo|la\s+nota))?)" + _SHARE_LIST, "Share this story: Facebook | WhatsApp | Email", 14),
    # an audio player's timer alone ("00:00 / 04:12")
    P("prompt", r"^\d{1,2}:\d\d\s*/\s*\d{1,2}:\d\d$", "00:00 / 04:12", 3),
    # a buy button, price first: "$129 at Best Buy", "119 € chez Darty", "99 € bei Otto"
    P("advert", r"^" + _PRICE + r"\s+(?:at|from|on|sur|chez|bei|auf|en)\s+(?-i:[A-ZÀ-Ý0-9])[^\n.!?]{0,40}$",
      "$129 at Best Buy", 8),
    # Page furniture above the headline (it must never be taken for the title): a skip link, a breadcrumb of
    # slashes ("Home / News / Town", "Inicio / Ciudad"), a navigation bar of short items between pipes, a bare
    # section label ("Health & Science", "Lokales"). The bar and the breadcrumb without a home page (and no year: a
    # byline "Jane Doe | Political Editor | The Herald | March 3, 2026" is no bar) are "top" rows
    # (after the first body paragraph a line of that shape may be a table's header row), and end rows read with
    # "\A" like the tag line above: a pipe or a slash between spaces in a block's end is a cheap hint, and most short
    # blocks start with a letter. Also a bare comment count ("34 Kommentare"), a bare "Learn more" link and an
    # "updated" line with no date ("Aktualisiert vor 2 Stunden") share the skip link's row.
    P("navigation", _either(
      r"^(?:skip\s+to\s+(?:the\s+)?(?:main\s+)?(?:content|navigation|article|search|menu)|(?:passer|aller)\s+au\s+"
      r"(?:contenu(?:\s+principal)?|menu(?:\s+principal)?)|zum\s+(?:haupt)?inhalt(?:\s+springen)?|zur\s+(?:startseite|"
      r"(?:haupt)?navigation)|(?:saltar|ir)\s+al\s+(?:contenido(?:\s+principal)?|menú(?:\s+principal)?))$",
      r"^\d{1,5}\s+(?:comments?|kommentare?|commentaires?|comentarios?|réactions?|reactions?|replies)$",
      # a bare "learn more" link under a badge or a box: "Learn more", "En savoir plus", "Mehr erfahren", "Saber más"
      r"^(?:learn\s+more|find\s+out\s+more|en\s+savoir\s+plus|mehr\s+erfahren|saber\s+más|conoce\s+más)\s*[›»>→]?$",
      r"^(?:(?:last\s+)?updated|posted|published|aktualisiert|publiziert|veröffentlicht|mis\s+à\s+jour|publié|"
      r"actualizado|publicado)\s*:?\s*(?:vor|il\s+y\s+a|hace)?\s*\d{1,3}\s*(?:min(?:ute)?s?|hours?|hrs?|h|days?|stunden?|"
      r"minuten?|tagen?|heures?|jours?|horas?|minutos?|días?)(?:\s+ago)?\.?$",
      # an "updated" line with a time and no date: "Updated at 18.09 GMT", "Mis à jour à 18 h 09", "Aktualisiert um
      # 18.09 Uhr", "Actualizado a las 18.09"
      r"^(?:(?:last\s+)?updated|aktualisiert|mis\s+à\s+jour|actualizado)\s*:?\s*(?:at|à|um|a\s+las)?\s*\d{1,2}\s*(?:[.:h]"
      r"\s*\d\d)?\s*(?:[ap]\.?m\.?|uhr)?\s*(?:(?-i:[A-Z]{2,5}))?\.?$",
    ), "Skip to main content", 9),
    P("breadcrumb", r"^(?:home|homepage|start|startseite|accueil|inicio|portada)(?:\s*[/|]\s*[^/|\n]{1,40}){1,6}$",
      "Inicio / Sevilla", 15),
    P("breadcrumb", r"\A(?![^\n]*\b(?:19|20)\d\d\b)[^\W\d][^/\n.!?]{0,30}(?:\s/\s[^\W\d][^/\n.!?]{0,30}){2,6}$", "News / UK / Yorkshire", 15, "top",
      hints=(" / ",)),
    P("navigation", r"\A(?!(?:by|von|par|por|door)\s)(?![^\n]*\b(?:19|20)\d\d\b)[^\W\d][^|\n.!?]{0,30}(?:\s\|\s[^\W\d][^|\n.!?]{0,30}){3,9}$",
      "KTRV 7 News | Watch Live | Weather | Traffic", 20, "top", hints=(" | ",)),
    P("section", r"^" + _SECTION + r"(?:\s*(?:&|and|et|und|y|,|/|\+)\s*" + _SECTION + r")?$", "Health & Science", 5, "top"),
    # An action bar: page buttons between pipes or dots, with an audio timer or a count ("Listen · 5:12 | Save |
    # Share", "Vorlesen lassen (4:30) | Merkliste | Teilen", "Ajouter à mes favoris | Commenter | Partager")
    P("prompt", r"\A" + _ACTION_ITEM + r"(?:\s*[|•·]\s*(?:" + _ACTION_ITEM + r"|\(?\d{1,2}:\d\d\)?))+$",
      "Listen · 4:05 | Save | Share", 16, hints=("|", "·", "•")),
)

ENGLISH: tuple[BlockPattern, ...] = (
    # captions and credits
    P("caption", r"^(?:image\s+caption\s*[:,]|(?:caption|photo|photograph|image|picture|graphic|illustration|"
      r"file\s+photo|credit)s?(?:\s+credit)?\s*:)", "Image caption, Hannah Voss was described as fearless", 60),
    P("caption", r"\b(?:photograph|photo|picture|image|credit|foto|bild|fotografía|imagen|crédit\s+photo)"
      r"(?:(?:\s+(?:by|de|von|par))?\s*:\s*" + _CREDITED + r"(?:\s*/\s*[\w .&-]{2,40})?|\s+(?:by|de|von|par)\s+"
      + _CREDITED + r"\s*/\s*[\w .&-]{2,40})\)?\.?$",
      "The sidings, unused since 2009. Photograph: Chris Hale", 60,
      hints=("photo", "picture", "image", "credit", "foto", "bild", "imagen", "crédit")),
    P("caption", r"\bcourtesy\s+of\s+[^.\n]{2,60}\.?$", "Ellison aboard the vessel in 1963. Courtesy of the family", 60, hints=("courtesy",)),
    P("credit", r"\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting|article)\.?$",
      "Associated Press writer Holly Ramer in Concord contributed to this report.", 40, hints=("contributed",)),
    # contributor lines at the end of wire stories: "AP writers Jane Roe and Tom Bell contributed.",
    # "Staff writer Ann Lee contributed reporting.", "Reuters reporter Sam Ito contributed from Oslo."
    P("credit", r"^(?:(?:the\s+)?" + _AGENCY + r"|associated\s+press|bloomberg|staff|freelance|special)?\s*"
      r"(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?|photographers?|researchers?)\s+"
      r"(?-i:[A-ZÀ-Ý])[^\n]{1,200}?\scontributed(?:\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting|"
      r"article|coverage)s?)?(?:\s+(?:from|in)\s+(?-i:[A-ZÀ-Ý])[^.\n]{1,40})?\.?$",
      "Reuters reporter Sam Ito contributed from Oslo.", 40),
    # credit lines of the people who handled the page: "Published By: A", "Edited by B", "Curated By: C" (not
    # "Written by" or "Posted by": those name the authors and are bylines), and an agency note in brackets or alone:
    # "(With inputs from PTI)", "With agency inputs"
    P("credit", _either(
      r"^(?:published|edited|curated|uploaded|compiled|moderated|translated|fact[-\s]?checked|copy[-\s]?edited|"
      r"reviewed|edited\s+and\s+\w+)\s+by(?:\s*:\s*\S[^\n]{0,80}|\s+(?-i:[A-ZÀ-Ý])[\w'’.-]*(?:\s+(?-i:[A-ZÀ-Ý])"
      r"[\w'’.-]*){0,3})$",
      r"^\(?(?:with\s+)?(?:(?:additional\s+)?inputs?\s+(?:from|by)\s+" + _SOURCES + r"|agency\s+inputs?)\)?\.?$",
    ), "Published By: Anjali Rao", 15),
    # a partnership or funding note: "This article was produced as part of the X Service, ...", "This story is part
    # of a series ..."; not "This report was ..." (a body may describe a report) nor "... was written by" (a body may
    # say who wrote something: "This article was written by AI researchers")
    P("credit", r"^this\s+(?:story|article|piece|content|feature|coverage|series|project)\s+(?:was|is|has\s+been)\s+"
      r"(?:(?:produced|supplied|provided|funded|made(?:\s+possible)?|created|commissioned)\s+(?:by|with|"
      r"through|under|in\s+(?:partnership|collaboration|association)\s+with|as\s+(?:a\s+)?part\s+of)|(?:a\s+)?part\s+of|"
      r"supported\s+by)\s+(?:(?:(?:the|our)\s+)?(?-i:[A-Z0-9])|(?:a|an|our)\s+(?:[\w-]+\s+){0,2}(?:series|partnership|"
      r"collaboration|project|programme|program|initiative|fellowship|grant)\b)", "This story was produced through the Community News Project, which pays for local reporters.", 60),
    P("credit", r"^our\s+standards" + _LINK_END, "Our Standards: The Thomson Reuters Trust Principles.", 20),
    P("credit", r"^(?:source|sources)\s*:", "Source: Al Jazeera and news agencies", 15),
    P("credit", r"^(?-i:SOURCE)\s+(?-i:[A-Z])", "SOURCE Acme Corp.", 12),
    # related links and lists of them
    P("related", r"^(?:see\s+also|read\s+(?:more|also|next|the\s+full\s+story)|also\s+read|more\s+reading|"
      r"further\s+reading|related(?:\s+(?:articles?|stories|story|coverage|content|reading|links?|news|posts?|"
      r"video))?|recommended(?:\s+(?:reading|for\s+you))?|more\s+on\s+this(?:\s+(?:story|topic))?|more\s+stories|more\s+from\s+[^:\n]{1,40}|"
      r"you\s+(?:may|might)\s+also\s+like|don[’']?t\s+miss|must\s+read|trending|explore\s+more|we\s+recommend|"
      r"suggested(?:\s+(?:reading|for\s+you|stories))?)"
      r"\s*(?:[:»›>|]|[-–—]\s)", "Read more: Why the port matters"),
    P("related", r"^(?:read\s+more(?:\s+about\s+this\s+story)?|see\s+also|also\s+read|related(?:\s+(?:topics|"
      r"stories|articles|links|internet\s+links|coverage|content|posts))?|more\s+on\s+this\s+story|"
      r"more\s+from\s+[^:\n]{1,30}|top\s+stories|most\s+(?:viewed|read|popular|shared)(?:\s+in\s+" + _SECTION_NAME + r")?|"
      r"(?:latest|popular)\s+in\s+" + _SECTION_NAME + r"|"
      r"explore\s+more(?:\s+on\s+these\s+topics)?|you\s+(?:may|might)\s+also\s+like|recommended|trending(?:\s+(?:now|stories|news|articles|videos))?|"
      r"share\s+this(?:\s+article|\s+story)?|like\s+this|news\s+provided\s+by|more\s+stories(?:\s+like\s+this)?|"
      r"don[’']?t\s+miss|do\s+not\s+miss|must\s+read|more\s+stories\s+from\s+[^:\n]{1,40}|"
      r"more\s+on\s+this\s+topic|recommended\s+for\s+you|editor['’]s\s+picks|what\s+to\s+read\s+next|"
      r"more\s+coverage|related\s+reading|we\s+recommend|suggested(?:\s+(?:reading|for\s+you|stories))?)"
      r"\s*[:›»>|]?$",
      "More on this story", 8, "label"),
    P("tags", r"^(?:categories|category|tags?|topics|filed\s+under|posted\s+in)\s*:", "Categories: Space, Launch", 40),
    # prompts
    P("prompt", _either(
      r"^(?:click\s+here|subscribe\b|sign\s+up\b|sign-up\b|register\s+(?:now|here|for\s+free)|"
      r"follow\s+us(?:\s+(?:on|at|for|to|via|in)\b|\s*[:@]|\s*$)|share\s+this\b|share\s*:|tweet\s+this|join\s+our|"
      r"get\s+(?:our|the)\b[^\n]{0,60}\bnewsletter|(?:download|install)\s+(?:our|the)\s+(?:free\s+)?(?:[\w'’&-]+\s+){0,4}app\b" + _UNREPORTED + r"|"
      r"support\s+(?:our|independent)\s+journalism|advertisement\b|sponsored(?:\s+content)?\b|"
      r"story\s+continues\s+below|continue\s+reading\b|this\s+content\s+is\s+not\s+available|"
      r"\d+\s*min(?:ute)?s?\.?\s+read\b|listen\s+to\s+this\s+(?:article|story)|join\s+the\s+(?:conversation|"
      r"discussion|debate)|leave\s+a\s+(?:comment|reply)|you\s+must\s+be\s+logged\s+in|"
      r"comments\s+are\s+(?:closed|disabled)|want\s+to\s+write\s+for\s+us|stay\s+(?:informed|up\s+to\s+date)\b|"
      r"we\s+may\s+earn\s+(?:a\s+)?(?:commission|money)|the\s+(?:views|opinions)\s+expressed\b" + _UNREPORTED + r"|"
      r"this\s+(?:is\s+a\s+)?(?:developing|breaking)\s+(?:story|news)|"
      r"this\s+(?:article|story)\s+is\s+more\s+than\s+\d+\s+\w+\s+old)",
      # a newsletter sign-up: an opening verb, then "your inbox" or "our ... newsletter" ("Get the top stories from
      # your area delivered to your inbox", "Catch up on the day with our Morning Brief newsletter")
      r"^(?:get|receive|want|sign\s+up|subscribe|start|stay|never\s+miss|don['’]?t\s+miss|catch\s+up|"
      r"be\s+the\s+first|keep\s+up|wake\s+up|end\s+your\s+day|join)(?!-)\b[^\n]{0,160}?\b(?:your\s+inbox|"
      r"delivered\s+(?:straight\s+|directly\s+|right\s+)?to\s+your\s+(?:inbox|phone|whatsapp|feed|e-?mail)|our\s+"
      r"(?:[\w'’&-]+\s+){0,4}(?:newsletters?|e-?mail\s+(?:alerts|briefings?|updates))|free\s+(?:[\w'’&-]+\s+){0,3}"
      r"newsletters?)\b",
      # an app, podcast or alerts: "Get breaking scores on your phone with our app", "Stream X or download the app"
      r"^(?:get|download|receive|stay\s+on\s+top\s+of|stream|watch|install|catch\s+up)\b[^\n]{0,80}?\b"
      r"(?:with|on|in|via|from|through|download|install|get)\s+(?:our|the)\s+(?:free\s+)?(?:[\w'’&-]+\s+){0,3}(?:app|"
      r"newsletter|podcast|alerts)\b" + _UNREPORTED,
      r"^(?:have|got)\s+a\s+(?:confidential\s+|news\s+)?(?:tip|question|story)\b[^?\n]{0,100}\?",
      # an app named between "Get the" and "app", a script notice, a live page's sign-off, a comment box's lines
      r"^get\s+the\s+(?:[\w'’&-]+\s+){0,5}app\b" + _UNREPORTED,
      r"^please\s+(?:turn\s+on|enable|activate)\s+javascript\b",
      r"^(?:thank\s+you|thanks)\s+(?:for\s+following\s+(?:along|us|our\s+(?:live\s+)?coverage|the\s+(?:live\s+)?(?:blog|"
      r"coverage|updates))|for\s+joining\s+us|for\s+reading\s+our\s+live)\b",
      r"^(?:have\s+your\s+say\.?$|comments\s+are\s+(?:pre-?)?(?:moderated|reviewed)\b)",
      r"^(?:as\s+)?heard\s+on\s+(?-i:[A-Z])[^\n.!?]{1,40}$",
      r"^(?:accuracy\s+and\s+availability\s+of\s+(?:[\w'’-]+\s+){0,3}transcripts?\s+may\s+vary|this\s+transcript\s+(?:was|has\s+been)"
      r"\s+(?:created|produced|edited|generated)\b)",
      r"^(?:follow|find)(?!-)\b[^\n]{0,80}(?:https?://|\bon\s+" + _SOCIAL + r"\b)" + _UNREPORTED,
    ), "Sign up to First Edition, our free daily newsletter", 40),
    P("prompt", r"^(?:share|print|comments?|e-?mail|bookmark|save|save\s+article|gift\s+article)$", "Bookmark", 2),
    P("readtime", r"^(?:(?:estimated\s+)?read(?:ing)?\s+time|time\s+to\s+read)\s*:?\s*(?:about\s+|approx\.?\s+|~\s*)?"
      r"\d+(?:\s*[-–]\s*\d+)?\s*(?:min(?:ute)?s?\.?)$", "Read Time: 2 mins", 8),
    P("readtime", r"^\d+[-\s]?min(?:ute)?s?\.?\s+read$", "5 minute read", 4),
    P("prompt", r"^(?:listen\s+to\s+(?:this|the)\s+(?:article|story)|listen(?:\s+now)?|audio\s+version|play\s+audio)"
      + _PLAYER_TAIL, "Listen 00:00 / 03:40", 10),
    P("prompt", r"^comments?\s*\(\d+\)$", "Comments (214)", 2),
    # page buttons and counters: "Show comments (48)", "Report an error", "Gift this article", "Image 1 of 6"
    # and "Have your say (7)", "Report an issue with this article", "View this post on X", "Skip Instagram post",
    # "Article continues after this advert"
    P("prompt", r"^(?:(?:show|view|hide|read|see|load)\s+(?:all\s+|more\s+)?comments?(?:\s*\(\d+\))?|report\s+(?:an?\s+)?(?:error|"
      r"correction|typo|mistake|issue|problem)(?:\s+(?:with|in|on)\s+this\s+(?:article|story|page|report))?|"
      r"(?:have\s+your\s+say|join\s+the\s+(?:debate|discussion|conversation))(?:\s*\(\d+\))?|"
      r"view\s+(?:this\s+|the\s+(?:full\s+)?)?(?:post|tweet|video|photo|reel)\s+on\s+" + _SOCIAL + r"|"
      r"(?:skip|end\s+of)\s+" + _SOCIAL + r"\s+(?:post|content|video)(?:\s+\d+)?(?:\s+by\s+[^\n]{1,40})?|"
      r"(?:the\s+)?(?:article|story|text)\s+continues\s+(?:below(?:\s+(?:this|the)\s+(?:advert(?:isement)?|ad))?|after\s+"
      r"(?:this\s+|the\s+)?(?:advert(?:isement)?|ad|advertising|sponsored\s+content))|gift\s+(?:this\s+)?(?:article|story)|save\s+(?:for\s+later|(?:to\s+)?(?:my\s+)?(?:reading\s+)?"
      r"list)|add\s+to\s+(?:my\s+)?(?:reading\s+)?list|listen\s+to\s+(?:the\s+)?article|follow\s+(?:this\s+)?(?:topic|author)|"
      r"(?:for\s+)?subscribers?\s+only|popular\s+now|(?:open|view)\s+(?:the\s+)?(?:images?\s+|photos?\s+)?(?:in\s+)?(?:the\s+)?gallery|"
      r"(?:image|photo|picture|slide)\s+\d+\s*(?:of|/)\s*\d+|(?:photo\s+)?gallery\s*\(\d+\))$", "Show comments (48)", 8),
    # a line (or a run) of share actions: "Share on Twitter/X", "Email This Link", "Copy link", "Share via WhatsApp"
    P("prompt", r"^(?:" + _SHARE_ACTION + r")(?:\s*[|•·,]?\s*(?:" + _SHARE_ACTION + r"))*$",
      "Email This Link", 30),
    P("prompt", r"^(?:enjoyed|liked|like|love|loved)\s+this\s+(?:story|article|post|piece|newsletter)\s*\?",
      "Enjoyed this story? Subscribe to our weekly science newsletter.", 30),
    P("prompt", r"^(?:do|did|have|were|are)\s+you\b[^?\n]{0,120}\?\s*(?:get\s+in\s+touch|e-?mail|contact|tell\s+us|"
      r"send|write|share)", "Have you been affected by the issues raised in this story? Get in touch.", 40),
    # a short question, then a call to act: "Know someone who ...? Tell us at ...", "Missed the match? Sign up ..."
    P("prompt", r"^(?![\"“«„'‘])[^?\n]{3,160}\?\s*(?:subscribe|sign\s+up|register\s+(?:now|here|for|at|online)|download\s+(?:our|the)|tell\s+us|let\s+us\s+know|contact\s+us|"
      r"get\s+in\s+touch|e-?mail\s+us|support\s+(?:independent|our|us)\s+(?:[\w-]+\s+){0,2}(?:journalism|writing|reporting|newsroom|work)\b|become\s+a\s+(?:paying\s+)?(?:member|subscriber|supporter)\b|write\s+to\s+us|send\s+us|join\s+(?:us|our)|follow\s+us|get\s+(?:our|the)\s+"
      r"(?:free\s+)?(?:app|newsletter)|(?:log|sign)\s+in(?:\s+(?:here|now|to)\b|\s*$))", "Spotted a hedgehog in your garden? Tell us at wildlife@example.org", 35, hints=("?",)),
    P("credit", r"^(?:with\s+(?:additional\s+)?(?:reporting|contributions?|material)\s+(?:by|from)\b|(?:this\s+(?:story|"
      r"report|article)\s+(?:includes|contains|uses)\s+(?:reporting|material|information)\s+from\b)|information\s+"
      r"from\s+(?:the\s+)?[^\n]{2,40}?\s+was\s+used\s+in\s+this\s+(?:report|story|article))",
      "With reporting by Reuters and AFP", 25),
    P("disclaimer", r"^(?:disclosure|disclaimer|full\s+disclosure)\s*:", "Disclosure: the maker lent us the headset for a week.", 60),
    # a question, then where to send something: "Got a story for us? Email newsdesk@...", "Seen the fire? Text our
    # newsroom at 402-555-0147": a contact verb after the question, and an address, a phone number or "us" after it
    P("prompt", r"^(?![\"“«„'‘])[^?\n]{3,120}\?\s*(?:e-?mail|text|call|contact|message|send|write\s+to|reach|dm|"
      r"whatsapp)\b[^\n]{0,160}?(?:@|\b\d{3}[-. ]\d{3,4}(?:[-. ]\d{3,4})?\b|\bnewsroom\b|\bnewsdesk\b|\bus\s+(?:at|on|via)\b)",
      "Seen the fire? Text our newsroom at 402-555-0199 or email pictures@example.com", 40, hints=("?",)),
    P("prompt", r"(?-i:LEARN MORE|READ MORE|SUBSCRIBE NOW|SIGN UP NOW)$", "Before it's here, it's on the Terminal. LEARN MORE", 20, hints=("learn more", "read more", "subscribe now", "sign up now")),
    P("licensing", r"^(?:reuse\s+this\s+content|(?:purchase|acquire|buy|request|get)\s+(?:a\s+)?(?:licen[cs]ing|reprints?|"
      r"republishing|syndication)\b|reprints?\s*(?:and|&)\s*(?:permissions|licen[cs]ing)|licen[cs]ing\s*(?:and|&)\s*reprints?)",
      "Reuse this content", 10),
    # a link label that says where it opens: "Purchase Licensing Rights, opens new tab"
    P("licensing", r",\s*opens?\s+(?:in\s+)?(?:a\s+)?new\s+(?:tab|window)$", "Reprints and licensing, opens new tab", 12,
      hints=("new tab", "new window")),
    # affiliate-link disclosures: "This post contains affiliate links", "If you buy through our links we may earn ...",
    # and AI-assistance notes
    P("disclaimer", r"^(?:this\s+(?:post|article|page|story|review|guide|content|roundup|list)\s+(?:contains|includes|may\s+"
      r"contain|has)\s+affiliate|(?:some|all|many)\s+(?:of\s+the\s+)?(?:links|products)\b[^\n]{0,80}?\baffiliate\s+(?:links?|"
      r"commissions?|partners?|programs?|programmes?)|(?:when|if)\s+you\s+(?:buy|purchase|shop|click|subscribe|make\s+a\s+"
      r"purchase)\b[^\n]{0,100}?\b(?:we|us|our\s+site)\s+(?:may\s+|might\s+|could\s+|will\s+)?(?:earn|receive|get|be\s+paid)"
      r"\s+(?:a\s+)?(?:small\s+)?(?:commission|fee|share|affiliate|money|compensation)|as\s+an\s+amazon\s+associate|affiliate\s+(?:disclosure|disclaimer|links?)\s*:|"
      r"we\s+(?:may\s+)?(?:receive|earn|get)\s+(?:a\s+)?(?:small\s+)?(?:commission|fee|share\s+of\s+(?:sales|revenue))\b"
      # a note that AI helped: "This summary was generated with the help of AI and checked by our editors."
      r"|this\s+(?:article|story|text|summary|audio|translation|piece)\s+(?:was|has\s+been|is)\s+(?:generated|produced|"
      r"created|written|drafted|translated|summari[sz]ed)\s+(?:with\s+(?:the\s+)?(?:help|assistance|support|use)\s+of|using|by)"
      r"\s+(?:an?\s+)?(?:ai|artificial\s+intelligence)(?:\s+tools?)?" + _NOTE_END + r"|audio\s+(?:version\s+)?(?:generated|"
      r"produced|created)\s+(?:by|using|with)\s+(?:ai|artificial\s+intelligence)\b" + _NOTE_END + r")",
      "This post contains affiliate links; we earn a small fee if you buy through them.", 60),
    # buy buttons: "Buy the X at Y for $449", "Order the X from Y for €119", "Buy now at Y", "Check price on Amazon"
    P("advert", r"^(?:buy|order|pre-?order|shop|get)\b[^\n.!?]{0,60}?\s(?:at|from|on|via)\s[^\n.!?]{1,40}?\s+for\s+"
      + _PRICE + r"$", "Pre-order the Aster 2 from Lumo for $299", 16),
    P("advert", r"^(?:(?:(?:buy|shop|order)\s+(?:it\s+)?now|check\s+(?:the\s+)?(?:latest\s+)?price|(?:see|view|get)\s+"
      r"(?:the\s+)?deal)(?:\s+(?:at|on)\s+[^\n.!?]{1,40})?|see\s+it\s+(?:at|on)\s+(?-i:[A-Z])[^\n.!?]{0,40})$",
      "Check price on Amazon", 8),
    P("video", r"^(?:related\s+)?(?:video|watch)\s*[:.|]", "VIDEO: Drone footage shows smoke over the county", 30),
    P("stations", r"^this\s+story\s+(?:is\s+)?(?:also\s+)?(?:carried|available|appears)\b",
      "This story is also carried by: KDVR Denver, KWGN Denver", 40),
    # a correction or clarification note (at the end of a story): "Correction: An earlier version of ..."
    P("correction", r"^(?:correction|clarification|corrections?\s+and\s+clarifications)\s*"
      r"(?:\(\w+\.?\s+\d{1,2}(?:,\s+\d{4})?\))?\s*:", "Correction: An earlier version of this story misspelled the mayor's name.", 80),
    # an author's contact line: "Reach Jane Doe at jdoe@example.com or follow her on X @jdoe"
    P("contact", r"^(?:reach|contact|e-?mail)\s+(?-i:[A-ZÀ-Ý])[\w'’.-]*(?:\s+(?-i:[A-ZÀ-Ý])[\w'’.-]*){0,3}\s+(?:at|on|via)\s+"
      r"[^\s@]+@[^\s@]+|^(?:reach|contact)\s+(?:him|her|them|the\s+(?:writer|author|reporter))\s+at\s+[^\s@]+@",
      "Reach Jane Doe at jdoe@example.com or follow her on X @jdoe.", 30),
    # contributors and companies named under a wire story: "Contributing: Ann Lee, The Daily Ledger",
    # "Companies in this story: (TSX:ABC, NYSE:ABC)"
    P("credit", _either(r"^contributing\s*:\s*(?-i:[A-ZÀ-Ý])", r"^(?:compan(?:y|ies)|stocks?|tickers?|securities|shares)\s+(?:in|mentioned\s+in)\s+this\s+(?:story|article)\s*:"),
      "Companies in this story: (TSX:ABC)", 30),
    P("prompt", r"^(?:kindly\s+)?share\s+this\s+(?:story|article|post)\s*:?$", "Kindly share this story:", 5),
    # heldout6's shapes, written again in new words (tests/test_clutter.py: SIXTH_SET_SHAPES)
    # a cookie consent bar: who uses cookies, then a button ("... Manage preferences | Accept all")
    P("consent", r"^(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\b[^\n]{0,120}?\b(?:use|uses|store|stores|set|sets)\s+"
      r"(?:cookies|tracking\s+technologies)\b[^\n]{0,400}?" + _buttons(
      r"accept(?:\s+all)?(?:\s+cookies)?|i\s+agree|agree|ok(?:ay)?|got\s+it|reject(?:\s+all)?|decline(?:\s+all)?|allow\s+all|"
      r"(?:manage\s+|cookie\s+)?(?:preferences|settings|options|choices)|more\s+options"), "We use cookies to improve our site. Accept all | Manage preferences", 80),
    # a letters prompt with an address: "Letters to the editor: send your views to letters@...", "Write to us at ...":
    # the prompt opens the block, or follows an "If you ..." clause or a label ("If you would like to comment, write to us
    # at", "Ihre Meinung zählt: Schreiben Sie uns an")
    P("prompt", r"^(?:if\s+you\s+[^,.\n]{1,60},\s*|si\s+vous\s+[^,.\n]{1,60},\s*|[^:.!?\n]{1,50}:\s*)?(?:please\s+|bitte\s+)?(?:write\s+to\s+(?:us|the\s+editor)(?!\s*,)|e-?mail\s+us|send\s+(?:us\s+)?your\s+(?:letters?|views|comments|"
      r"thoughts|opinions)|letters?\s+(?:to\s+the\s+editor\s*)?(?:to|:)|schreiben\s+sie\s+uns|leserbriefe?(?:\s+zu(?:m|r)\s+\w+|\s+zu\s+diese[mr]\s+\w+)?\s*(?::|(?:bitte\s+)?an\b)|écrivez-nous|"
      r"courrier\s+des\s+lecteurs|escr[ií]b(?:anos|enos)|cartas?\s+al\s+director)(?:\b|(?<=:))[^\n]{0,80}?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$",
      "Send your letters to letters@example.com", 30),
    # a standards badge and link: "... the criteria of The Trust Project. Learn more", "Read our editorial standards":
    # the badge's sentence ends on the name, or on its link (an end row: a start row's hint would be a word)
    P("standards", r"(?:\A|(?<=[.!?]\s))[^\n.!?]{0,60}?\b(?:criteria|principles|standards|member|criterios|principios|critères|principes|"
      r"kriterien|grundsätze|miembro|membre|mitglied)\b[^\n.!?]{0,25}?\b(?:the\s+)?trust\s+project\b\s*[.:]?" + _MORE_LINK,
      "This site follows the principles of The Trust Project. Learn more", 25, hints=("trust project",)),
    # disclaimers and notes: the column's views, investment notes, delayed quotes, a standards link, who else covers
    # the story ("More of AP's coverage of the election: https://..."); one row, so a block meets one pattern call
    P("disclaimer", _either(
      r"^(?:the\s+)?(?:views|opinions)\s+" + _UNREPORTED + r"(?:expressed\s+)?(?:in|of)\s+this\s+(?:column|article|piece|op-ed|essay|commentary|"
      r"post|blog|letter)\s+(?:(?:are|is)\s+(?:the\s+(?:author|writer|columnist)['’]s|(?:solely\s+)?(?:those|that)\s+of|"
      r"(?:his|her|their|my)\s+own|not\s+necessarily|entirely)|belong\s+to|do(?:es)?\s+not\s+(?:necessarily\s+)?"
      r"(?:reflect|represent))\b",
      r"^(?:this\s+(?:article|content|story|material|information|report|post|piece|newsletter)\s+is\s+(?:provided\s+)?"
      r"(?:for\s+(?:general\s+)?information(?:al)?(?:\s+purposes)?\s+only|not\s+(?:a\s+recommendation|investment|financial))|"
      r"nothing\s+in\s+this\s+(?:article|column|report|newsletter)\s+(?:is|constitutes|should\s+be)\b[^\n]{0,40}?\b"
      r"(?:advice|recommendation))",
      r"^(?:(?:stock\s+)?(?:quotes|prices)|market\s+data|data)\s+(?:are\s+|is\s+)?delayed\s+(?:by\s+)?(?:at\s+least\s+|"
      r"up\s+to\s+)?\d+\s+min(?:ute)?s?(?:\s+or\s+more|\s+unless\s+otherwise\s+(?:indicated|noted|stated))?\s*(?:[.;|·•]|$)",
      r"^(?:read\s+)?our\s+(?:journalistic\s+|editorial\s+)?(?:standards|principles|ethics\s+policy|"
      r"corrections\s+policy)(?:\s+(?:and|&)\s+(?:[\w'’-]+\s+){0,2}(?:standards|principles|ethics|policy|practices))?"
      + _LINK_END,
      r"^(?:more\s+(?:of|on|from)|follow|see\s+more\s+of|find\s+more\s+of)\s+[^\n]{0,60}?\bcoverage\b"
      r"[^\n]{0,100}?(?::\s*|\bat\s+)(?:https?://|www\.)" + _UNREPORTED,
    ), "This article is for information only and is not investment advice.", 60),
    # section labels over the title, press-release labels and footers
    P("section", r"^(?:opinion|analysis|comment|editorial|review|obituary|exclusive|breaking(?:\s+news)?|live|"
      r"press\s+release|news\s+release|for\s+immediate\s+release)$", "Opinion", 3, "top"),
    P("pr-footer", r"^about\s+(?:the\s+)?(?P<name>(?-i:[A-Z0-9])[^\n]{1,60}?)\.?$", "About Acme Robotics Corp.", 8, "about"),
    P("pr-footer", r"^(?:cautionary\s+(?:note|statement)\s+regarding\s+)?forward[-\s]looking\s+statements?\s*:?$",
      "Forward-Looking Statements", 8, "footer"),
    P("pr-footer", r"^safe\s+harbor\s+statement\s*:?$", "Safe Harbor Statement", 4, "footer"),
    P("pr-footer", r"^(?:(?:media|press|investor|investors|company)\s+)?(?:contacts?|enquiries|inquiries)\s*:",
      "Investor Contact:", 30, "footer"),
    P("pr-footer", r"^this\s+(?:press\s+|news\s+)?(?:release|announcement|document)\s+(?:contains|includes|may\s+"
      r"contain)\s+(?:certain\s+)?[\"“]?forward-looking\s+statements", "This press release contains forward-looking "
      "statements within the meaning of the Act.", 250),
)

FRENCH: tuple[BlockPattern, ...] = (
    P("caption", r"^(?:crédit\s+photo|légende|photo|image)s?\s*:", "Crédit photo : Des voyageurs en gare", 60),
    P("credit", r"\(?\bavec\s+(?:l['’]\s*)?(?:AFP|AP|Reuters|agences|dpa|EFE|ANSA)(?:\s+et\s+(?:l['’]\s*)?"
      r"(?:AFP|AP|Reuters|agences|dpa|EFE|ANSA))?\)?\.?$", "Le Monde avec AFP", 8, hints=("avec",)),
    P("credit", r"^sources?\s*:", "Source : Ouest-France, avec AFP", 15),
    P("credit", r"^cet\s+(?:article|contenu|reportage)\s+(?:a\s+été|est)\s+(?:réalisé|produit|publié|financé|écrit|rédigé)\s+"
      r"(?:en\s+partenariat|avec\s+le\s+soutien|dans\s+le\s+cadre|par\s+(?:le|la|l['’]))",
      "Cet article a été réalisé en partenariat avec le Fonds pour la presse locale.", 60),
    P("related", r"^(?:(?:à\s+|a\s+)?lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet|à\s+voir\s+aussi|"
      r"la\s+rédaction\s+vous\s+(?:conseille|recommande)|nos\s+articles\s+sur\b[^:\n]{1,40}|"
      r"(?:ces\s+articles|ceci)\s+(?:peuvent|pourraient|pourrait|peut)\s+(?:aussi\s+|également\s+)?vous\s+intéresser|"
      r"pour\s+aller\s+plus\s+loin|à\s+découvrir(?:\s+aussi)?|nous\s+vous\s+(?:recommandons|conseillons|suggérons)|"
      r"vous\s+aimerez\s+aussi|à\s+lire\s+également|notre\s+sélection|à\s+(?:écouter|regarder)\s+(?:aussi|également)|"
      r"les\s+plus\s+(?:lus|partagés|commentés))"
      r"\s*(?:[:»›>|]|[-–—]\s)|^(?:à\s+la\s+une|en\s+ce\s+moment)\s*[:»›>|]", "À lire aussi : En Italie, la crainte d'un été de sécheresse"),
    P("related", r"^(?:(?:à\s+|a\s+)?lire\s+aussi|voir\s+aussi|sur\s+le\s+même\s+sujet|les\s+plus\s+lus|"
      r"la\s+rédaction\s+vous\s+(?:conseille|recommande)|nos\s+articles\s+sur\b[^:\n]{1,40}|"
      r"(?:ces\s+articles|ceci)\s+(?:peuvent|pourraient|pourrait|peut)\s+(?:aussi\s+|également\s+)?vous\s+intéresser|"
      r"pour\s+aller\s+plus\s+loin|à\s+découvrir(?:\s+aussi)?|dans\s+la\s+même\s+rubrique|nous\s+vous\s+(?:recommandons|"
      r"conseillons|suggérons)|vous\s+aimerez\s+aussi|notre\s+sélection|à\s+(?:écouter|voir|regarder)\s+(?:aussi|également)|"
      r"à\s+la\s+une|les\s+plus\s+(?:partagés|commentés)|en\s+ce\s+moment|"
      # "<Paper> vous recommande" over its links
      # (the words' separator opens on a space, never on the hyphen a word may hold: "Aa-Aa-...-Aa" split one way)
      r"(?:(?:le|la|les|l['’])\s*)?(?-i:[A-ZÀ-Ý])[\w'’.&-]*(?:\s[\s-]*(?:(?:de|du|des|d['’])\s*)?(?:(?:la|le|les|l['’])\s*)?(?-i:[A-ZÀ-Ý])[\w'’.&-]*){0,3}"
      r"\svous\s+(?:recommande|conseille|suggère|propose))"
      r"\s*[:›»>|]?$", "À lire aussi", 9, "label"),
    P("prompt", _either(
      r"^(?:abonnez-vous\b|newsletter\b|partager\s+sur\b|réagir\b|inscrivez-vous\b)",
      r"^(?:suivez|retrouvez)[-\s]nous\b",
      r"^suivez\b[^\n]{0,80}\bsur\s+(?:(?:notre|nos|la|le)\s+(?:page|compte|comptes|chaîne|fil)\s+)?" + _SOCIAL + r"\b",
      # a newsletter sign-up: "Recevez chaque matin l'essentiel dans votre boîte mail", "... notre newsletter"
      r"^(?:recevez|abonnez-vous|inscrivez-vous|ne\s+manquez|retrouvez)"
      r"\b[^\n]{0,160}?\b(?:votre\s+boîte(?:\s+(?:mail|e-mail|aux\s+lettres))?|notre\s+(?:[\w'’-]+\s+){0,3}(?:newsletter|lettre))",
      r"^(?:recevez|recevoir)\s+(?:chaque|tous\s+les|toutes\s+les)\s+(?:matin|soir|jour|semaine|matins|soirs|jours|"
      r"semaines)\b" + _UNREPORTED,
      r"^(?:téléchargez|recevez|retrouvez)\b[^\n]{0,80}?\b(?:notre\s+|l['’]\s*)(?:application|appli|newsletter|"
      r"lettre\s+d['’]information)" + _UNREPORTED,
      # embeds, widgets, report and ad-break lines, channel and app prompts
      r"^(?:voir\s+cette\s+publication\s+sur\s+" + _SOCIAL + r"|(?:début|fin)\s+du\s+widget\b[^\n]{0,120}|"
      r"signaler\s+(?:un\s+problème|une\s+erreur|un\s+contenu)(?:\s+dans\s+cet\s+article)?|"
      r"(?:la\s+suite\s+de\s+l['’]article|l['’]article\s+continue|suite\s+de\s+l['’]article)\s+(?:après|sous)\s+"
      r"(?:la|cette)\s+publicité)$",
      r"^rejoignez[-\s](?:nous\s+(?:sur|dans)\s+|(?=notre|nos))" + _UNREPORTED + r"[^\n,]{0,40}?\b(?:chaîne|canal|communauté|"
      r"groupe)\b",
      r"^(?:téléchargez|installez)\s+(?:gratuitement\s+)?(?:notre\s+|l['’]\s*)(?:application|appli)\b" + _UNREPORTED,
      # the e-edition link and a live page's sign-off: "Lire le journal numérique", "Merci de nous avoir suivis"
      r"^(?:lire|feuilleter|consulter)\s+le\s+journal\s+(?:numérique|du\s+jour|en\s+version\s+numérique)$",
      r"^merci\s+de\s+nous\s+avoir\s+suivi(?:e?s)?\b",
    ), "Partager sur Facebook Partager sur X", 40),
    P("prompt", r"^(?:imprimer|commenter|sauvegarder|s['’]abonner|offrir\s+(?:l['’]|cet\s+)article|signaler\s+(?:une\s+)?(?:erreur|"
      r"coquille|faute)|lien\s+copié|photo\s+\d+\s*(?:/|sur)\s*\d+|(?:voir|afficher|lire)\s+les\s+commentaires(?:\s*\(\d+\))?)$",
      "Signaler une erreur", 8),
    P("readtime", r"^(?:temps\s+de\s+lecture|lecture)\s*:?\s*(?:environ\s+)?\d+\s*(?:min(?:ute)?s?|mn)\.?$",
      "Temps de lecture : 4 min", 8),
    P("readtime", r"^\d+\s*(?:min(?:ute)?s?|mn)\.?\s+(?:de\s+)?lecture$", "4 min de lecture", 5),
    P("prompt", r"^(?:écouter|écoutez)\s+(?:cet\s+article|l['’]\s*article|la\s+version\s+audio|ce\s+contenu)" + _PLAYER_TAIL,
      "Écouter cet article 00:00 / 04:12", 10),
    P("correction", r"^(?:correctif|rectificatif|précision|erratum)\s*:", "Correctif : une version précédente indiquait une mauvaise date.", 80),
    P("prompt", r"^(?![\"“«„'‘])[^?\n]{3,160}\?\s*(?:inscrivez-vous|abonnez-vous|téléchargez|suivez-nous|écrivez-nous|"
      r"contactez-nous|rejoignez-nous|recevez|racontez-nous|dites-nous|partagez|envoyez-(?:nous|les)|contactez\s+la\s+"
      r"rédaction|appelez-nous|signalez-le|se\s+connecter|connectez-vous|je\s+me\s+connecte|"
      # any imperative with its pronouns: "Signalez-la-nous", "Écrivez-nous", "Dites-le-nous"
      r"[\w]+(?:ez|es)-(?:le|la|les|nous|moi)(?:-(?:nous|moi))?)\b",
      "Vous aimez nos enquêtes ? Abonnez-vous à la lettre du dimanche.", 35, hints=("?",)),
    P("disclaimer", r"^(?:(?:cet\s+article|cette\s+page|ce\s+contenu)\s+(?:contient|comporte|peut\s+contenir)\s+des\s+liens"
      r"\s+(?:affiliés|d['’]affiliation|commerciaux|sponsorisés)|(?:certains\s+)?liens\s+(?:de\s+cet\s+article\s+)?(?:sont\s+)?"
      r"(?:affiliés|d['’]affiliation)|(?:lorsque|si|quand)\s+vous\s+(?:achetez|cliquez)\b[^\n]{0,100}?\bcommission|"
      r"cet\s+article\s+a\s+été\s+(?:rédigé|généré|écrit|traduit|produit|réalisé)\s+avec\s+l['’]aide\s+(?:de\s+l['’]\s*"
      r"(?:ia|intelligence\s+artificielle)|d['’]une\s+(?:ia|intelligence\s+artificielle))\b)",
      "Cet article contient des liens d'affiliation : nous touchons une commission sur vos achats.", 60),
    P("advert", r"^(?:voir\s+(?:l['’]offre|le\s+prix|les\s+prix|l['’]offre\s+sur\s+[^\n.!?]{1,30})|acheter\s+(?:maintenant|"
      r"sur\s+(?-i:[A-Z])[^\n.!?]{0,30})|(?:acheter|commander)\b[^\n.!?]{0,60}?\s(?:sur|chez)\s[^\n.!?]{1,40}?\s(?:pour|à)\s+"
      + _PRICE + r")$", "Voir l'offre", 12),
    P("disclaimer", r"^(?:avertissement|note\s+de\s+la\s+rédaction)\s*:",
      "Note de la rédaction : cet article a été corrigé le lendemain.", 60),
    P("prompt", r"\bs['’]inscrire\.?$", "Chaque matin, les titres clés de l'actualité. S'inscrire", 40, hints=("inscrire",)),
    P("prompt", r"^cet\s+article\s+est\s+réservé\s+aux\s+abonnés", "Cet article est réservé aux abonnés.", 30),
    P("prompt", r"^réutiliser\s+ce\s+contenu", "Réutiliser ce contenu", 6),
    P("video", r"^(?:vidéo|regarder)\s*[:.|]", "VIDÉO. « On nous prend en otage »", 30),
    # heldout6's shapes, written again in new words
    P("consent", r"^(?:nous|ce\s+site|notre\s+site|avec\s+nos\s+partenaires)\b[^\n]{0,120}?\b(?:utilisons|utilise|déposons|"
      r"dépose|stockons)\s+(?:des\s+)?(?:cookies|traceurs)\b[^\n]{0,400}?" + _buttons(
      r"(?:tout\s+)?(?:accepter|refuser)(?:\s+(?:tout|et\s+fermer))?|paramétrer|personnaliser|(?:gérer\s+)?(?:mes\s+|les\s+)?"
      r"(?:préférences|choix)|continuer\s+sans\s+accepter|ok|j['’]accepte"),
      "Nous utilisons des cookies pour mesurer l'audience. Tout accepter | Paramétrer", 80),
    # tags, credits, a standards link and disclaimers in one row: "Sujets associés :", "Cet article vous a été
    # proposé par la rédaction de X", "Avec les informations de Name", "Nos sources, notre démarche", "Les opinions
    # exprimées ... n'engagent que leur auteur", investment and AI-voice notes
    P("disclaimer", _either(
      r"^(?:sujets\s+(?:associés|liés)|mots[-\s]clés|thèmes(?:\s+associés)?|étiquettes)\s*:",
      r"^(?:cet\s+article|ce\s+contenu)\s+vous\s+(?:a\s+été|est)\s+(?:proposé|présenté|offert)\s+par\b",
      r"^avec\s+(?:les\s+|des\s+)?informations\s+(?:de\s+|d['’]\s*)(?:l['’]\s*|la\s+|le\s+)?" + _FR_SOURCES + r"\.?$",
      r"^avec\s+la\s+collaboration\s+(?:de\s+|d['’]\s*)" + _FR_SOURCES + r"\.?$",
      # a "how we work" link: "Notre démarche journalistique", "Nos principes éditoriaux", or two or three such items
      # ("Nos sources, notre méthode", "Notre charte et nos engagements"), then the end, a colon or an arrow
      r"^(?:notre\s+(?:démarche|méthode|charte)\s+(?:journalistique|éditoriale|déontologique)|nos\s+(?:principes|normes|"
      r"engagements)\s+(?:journalistiques|éditoriaux|éditoriales|déontologiques|et\s+pratiques)|(?:nos|notre)\s+" + _FR_HOW
      + r"(?:\s*(?:,|et|&)\s*(?:nos|notre)\s+" + _FR_HOW + r"){1,2})" + _LINK_END,
      r"^les\s+(?:opinions|propos|points\s+de\s+vue|idées)\s+" + _UNREPORTED + r"(?:exprimé(?:e)?s\s+)?(?:dans\s+(?:cette|ce)\s+(?:tribune|"
      r"chronique|texte|article|billet)\s+)?n['’]engagent\s+que",
      r"^(?:cet\s+article|ce\s+contenu|cette\s+information)\s+(?:ne\s+constitue\s+pas|n['’]est\s+pas)\s+" + _UNREPORTED + r"(?:un\s+|une\s+)?"
      r"(?:conseil|recommandation)\s+(?:en\s+|d['’])?(?:investissement|placement|achat)",
      r"^(?:audio|voix|lecture)\s+(?:générée?|produite?|synthétisée?|créée?)\s+(?:par|avec)\s+(?:une\s+|l['’]\s*)?"
      r"(?:ia|intelligence\s+artificielle)\b" + _NOTE_END + _UNREPORTED,
    ), "Les opinions exprimées dans cette tribune n'engagent que leur auteur.", 60),
    P("section", r"^(?:tribune|éditorial|analyse|chronique|communiqué(?:\s+de\s+presse)?)$", "Tribune", 3, "top"),
    P("pr-footer", r"^à\s+propos\s+(?:de\s+|d['’]\s*)(?:la\s+|l['’]\s*)?(?P<name>(?-i:[A-Z0-9À-Ý])[^\n]{1,60}?)$",
      "À propos de Nordlys", 8, "about"),
    P("pr-footer", r"^(?:contacts?\s+(?:presse|médias)|relations\s+presse)\s*:", "Contact presse :", 30, "footer"),
)

GERMAN: tuple[BlockPattern, ...] = (
    P("caption", r"^(?:bildunterschrift|bild|foto|fotos|grafik)\s*:", "Bildunterschrift: Leere Bahnsteige", 60),
    P("caption", r"\bfoto\s*:\s*" + _CREDITED + r"(?:\s*/\s*[\w .&-]{2,40})?\.?$", "Leere Bahnsteige in Frankfurt. Foto: Boris Roessler/dpa", 60, hints=("foto",)),
    P("credit", r"^(?:quelle|hinweis)\s*:", "Hinweis: Dieser Text wurde automatisch übernommen.", 30),
    P("credit", r"^originalinhalt\s+von\b", "Originalinhalt von: Nordwerk AG, übermittelt durch news aktuell", 30),
    P("credit", r"\bmit\s+(?:material|informationen|angaben)\s+(?:von\s+|der\s+|des\s+)?(?:nachrichtenagentur(?:en)?\s+)?"
      r"(?:dpa|AFP|Reuters|epd|KNA|AP|SID|dts|APA)(?:\s*(?:,|und)\s*(?:dpa|AFP|Reuters|epd|KNA|AP|SID|dts|APA))*"
      r"(?:\s+(?:erstellt|verfasst|geschrieben))?\)?\.?$", "mit Material von dpa", 16,
      hints=("material", "informationen", "angaben")),
    P("related", r"^(?:lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|auch\s+interessant|weitere\s+videos|"
      r"das\s+könnte\s+sie\s+auch\s+interessieren|weitere\s+(?:artikel|beiträge|nachrichten)\s+zu(?:m|r)?\s+thema|"
      r"passend\s+zum\s+thema|unsere\s+empfehlung(?:en)?|empfohlene\s+artikel|auch\s+lesenswert|lesetipps?|"
      r"zum\s+weiterlesen|weitere\s+(?:artikel|beiträge|nachrichten|meldungen|themen)\s+(?:aus|über)\s+[^:\n]{1,40})"
      r"\s*(?:[:»›>|]|[-–—]\s)", "Lesen Sie auch: Wie die Wahl ausging"),
    P("related", r"^(?:lesen\s+sie\s+auch|mehr\s+zum\s+thema|weitere\s+(?:videos|artikel|beiträge|nachrichten)"
      r"(?:\s+zu(?:m|r)?\s+thema)?|passend\s+zum\s+thema|mehr\s+aus\s+(?:der\s+region|dem\s+ressort)|"
      r"das\s+könnte\s+sie\s+auch\s+interessieren|auch\s+interessant|meistgelesen|unsere\s+empfehlung(?:en)?|"
      r"empfohlene\s+artikel|auch\s+lesenswert|lesetipps?|zum\s+weiterlesen|"
      r"weitere\s+(?:artikel|beiträge|nachrichten|meldungen|themen)\s+(?:aus|über)\s+[^:.!?\n]{1,40}|"
      r"meistgelesene?(?:\s+artikel)?|mehr\s+aus\s+(?:(?:der|dem|den|unserer|unserem)\s+)?(?-i:[A-ZÄÖÜ])[\w.&-]*"
      r"(?:\s+(?:&|und|(?-i:[A-ZÄÖÜ])[\w.&-]*)){0,2})\s*[:›»>|]?$",
      "Weitere Videos", 9, "label"),
    P("prompt", r"^(?:jetzt\b[^\n]{0,60}\b(?:herunterladen|abonnieren|anmelden)|kommentare\s*\(\d+\)|"
      r"teilen\s+(?:auf|per)\b|newsletter\s+abonnieren|diskutieren\s+sie\s+mit\b|(?:teilen|drucken|merken)$)", "Jetzt die Rundschau als App herunterladen!", 30),
    P("readtime", _either(
      r"^(?:lesezeit|lesedauer)\s*:?\s*(?:ca\.\s*|etwa\s+|rund\s+)?\d+\s*(?:min(?:uten|ute|\.)?)$",
      r"^(?:ca\.\s*)?\d+\s*(?:min(?:uten|\.)?)\s+(?:lesezeit|lesedauer)$",
    ), "Lesezeit: 4 Minuten", 6),
    P("prompt", _either(
      r"^(?:(?:diesen\s+)?(?:artikel|beitrag)\s+(?:anhören|vorlesen(?:\s+lassen)?)|anhören|vorlesen)" + _PLAYER_TAIL,
      r"^folgen\s+sie\s+(?:uns\b|[^\n]{0,60}\bauf\s+" + _SOCIAL + r"\b)",
      # a newsletter sign-up: "Erhalten Sie ... jeden Morgen in Ihr Postfach", "... unseren Newsletter"
      r"^(?:erhalten\s+sie|bekommen\s+sie|abonnieren\s+sie|melden\s+sie\s+sich|holen\s+sie\s+sich|verpassen\s+sie|"
      r"bleiben\s+sie\s+informiert)\b[^\n]{0,160}?\b(?:ihr(?:en)?\s+(?:e-mail-)?(?:postfach|"
      r"posteingang)|unsere[nm]?\s+(?:[\w'’-]+\s+){0,3}newsletter)",
      r"^(?:laden\s+sie|holen\s+sie\s+sich|erhalten\s+sie|abonnieren\s+sie)\b[^\n]{0,80}?\b(?:app|newsletter|"
      r"whatsapp-kanal|kanal|eilmeldungen)\b",
      # embeds, ad breaks, channel prompts: "Diesen Beitrag auf Instagram ansehen", "Weiterlesen nach der Anzeige"
      r"^(?:diesen\s+beitrag\s+auf\s+" + _SOCIAL + r"\s+ansehen|externer\s+inhalt|(?:weiterlesen|fortsetzung|der\s+artikel\s+"
      r"(?:wird\s+)?(?:geht\s+)?(?:weiter|fortgesetzt))\s+nach\s+der\s+(?:anzeige|werbung))$",
      r"^(?:treten\s+sie\s+unserem|folgen\s+sie\s+unserem|abonnieren\s+sie\s+unseren)\s+[^\n]{0,40}?kanal\b",
      # the e-edition link and a live page's sign-off: "Zum E-Paper", "Danke fürs Mitlesen"
      r"^(?:zum\s+e-paper|e-paper\s+lesen|zur\s+digitalen\s+ausgabe)$",
      r"^(?:vielen\s+)?danke?\s+(?:fürs|für\s+das|für\s+ihr)\s+(?:mitlesen|interesse\s+an\s+unserem\s+ticker)\b",
    ), "Erhalten Sie den Überblick am Morgen direkt in Ihr Postfach.", 40),
    P("disclaimer", _either(
      r"^(?:offenlegung|transparenzhinweis|(?:hinweis|anmerkung)\s+der\s+redaktion)\s*:",
      r"^(?:(?:dieser\s+(?:artikel|beitrag)|diese\s+seite)\s+enthält\s+(?:sogenannte\s+)?(?:affiliate|provisions|"
      r"werbe)[-\s]?links|(?:wenn|falls)\s+sie\s+über\b[^\n]{0,100}?\bprovision|dieser\s+(?:text|artikel|beitrag)\s+wurde\s+"
      r"(?:mit\s+(?:hilfe|unterstützung)\s+(?:von\s+|einer\s+)?(?:ki|künstlicher\s+intelligenz)|(?:von\s+einer\s+)?ki\s+"
      r"(?:erstellt|übersetzt|generiert))\b)",
      # a standards link, guest columns' views, investment notes, delayed prices, an AI voice
      r"^(?:unsere\s+(?:journalistischen\s+)?(?:standards|grundsätze|leitlinien)|so\s+arbeiten\s+wir)" + _LINK_END,
      r"^(?:gastbeiträge|kommentare|dieser\s+(?:gastbeitrag|kommentar|beitrag))\s+(?:geben|gibt)\s+" + _UNREPORTED + r"(?:ausschließlich\s+)?"
      r"die\s+meinung",
      r"^(?:dieser\s+(?:artikel|beitrag|text)|diese\s+informationen?)\s+(?:stellt|stellen|ist|sind)\s+" + _UNREPORTED +
      r"keine\s+(?:anlageberatung|anlageempfehlung|kaufempfehlung|aufforderung\s+zu(?:m|r)\s+(?:kauf|verkauf|zeichnung|anlage))",
      r"^(?:kurse|kursdaten|börsendaten|börsenkurse)\s+(?:werden\s+)?(?:mit\s+(?:mindestens\s+)?\d+\s+minuten\s+)?"
      r"(?:zeit)?verzögert(?:\s+(?:um\s+)?\d+\s+minuten)?(?:\s+(?:angezeigt|dargestellt))?" + _NOTE_END + _UNREPORTED,
      r"^(?:(?:das\s+)?audio|die\s+stimme|die\s+vorlesefunktion)\s+(?:wurde\s+|ist\s+)?(?:mit|durch|von)\s+(?:einer\s+)?"
      r"(?:ki|künstlicher\s+intelligenz)\s+(?:erzeugt|generiert|erstellt)" + _NOTE_END + _UNREPORTED,
    ), "Transparenzhinweis: Der Hersteller stellte das Gerät leihweise zur Verfügung.", 60),
    P("prompt", r"^(?:fehler\s+melden|link\s+kopiert|bild\s+\d+\s+(?:von|/)\s+\d+|artikel\s+verschenken|kommentare\s+"
      r"(?:anzeigen|lesen)(?:\s*\(\d+\))?)$", "Bild 1 von 12", 8),
    P("advert", r"^(?:zum\s+angebot|jetzt\s+(?:kaufen|bestellen)|preis\s+prüfen|(?:bei|auf)\s+(?-i:[A-Z])[^\n.!?]{0,30}\s+"
      r"(?:kaufen|ansehen|bestellen))$", "Bei Otto ansehen", 8),
    P("credit", r"^(?:dieser\s+(?:artikel|beitrag|text)|diese\s+recherche)\s+(?:entstand|ist|wurde)\s+(?:in\s+(?:zusammenarbeit|"
      r"kooperation)|im\s+rahmen|mit\s+unterstützung|gefördert|finanziert)",
      "Dieser Beitrag entstand in Zusammenarbeit mit dem Recherchenetzwerk Nord.", 60),
    P("prompt", r"^(?![\"“«„'‘])[^?\n]{3,160}\?\s*(?:(?:abonnieren|folgen|laden|melden|schreiben|kontaktieren|registrieren|"
      r"erzählen|teilen|schicken|senden|mailen|rufen)\s+sie\b|(?:jetzt|hier)\s+(?:melden|anmelden|einloggen)\b)", "Keine Spielberichte mehr verpassen? Folgen Sie uns auf Instagram.", 35, hints=("?",)),
    P("prompt", r"^dieser\s+artikel\s+wurde\s+ausgedruckt\b", "Dieser Artikel wurde ausgedruckt unter der Adresse:", 30),
    P("prompt", r"^(?:dieser|der)\s+(?:artikel|beitrag)\s+ist\s+(?:nur\s+)?(?:für|abonnenten)",
      "Dieser Artikel ist nur für Abonnenten.", 30),
    P("tags", r"^(?:schlagworte|schlagwörter|stichworte|themen)\s*:", "Schlagworte: Haushalt, Landtag", 40),
    # a desk and agency credit: "red, Agenturen", "red, APA", "(red/dpa)", "APA/red"
    P("credit", r"^\(?(?:red\.?|redaktion)\s*[,/]\s*(?:agenturen|(?-i:[A-Za-z]{2,5}))(?:\s*[,/]\s*(?:agenturen|(?-i:[A-Za-z]{2,5})))*\)?\.?$"
      r"|^\(?(?-i:APA|dpa|AFP|SDA|KNA|epd)\s*/\s*red\.?\)?$", "red, Agenturen", 4),
    P("correction", r"^(?:korrektur|korrekturhinweis|richtigstellung|berichtigung)\s*:", "Korrektur: In einer früheren Fassung stand ein falsches Datum.", 80),
    P("related", r"^mehr\s+dazu\s*(?:[:»›>|]|[-–—]\s)", "Mehr dazu: Wie die Geburtenstation gerettet wurde", 40),
    P("related", r"^mehr\s+dazu\s*[:›»>|]?$", "Mehr dazu", 3, "label"),
    # heldout6's shapes, written again in new words
    P("consent", r"^(?:wir|diese\s+(?:web)?seite|unsere\s+(?:web)?seite)\b[^\n]{0,120}?\b(?:verwende[nt]|nutz(?:en|t)|setz(?:en|t)|speicher(?:n|t))\s+"
      r"(?:[\w-]+\s+){0,2}(?:cookies|tracking)\b[^\n]{0,400}?" + _buttons(
      r"(?:alle\s+)?(?:akzeptieren|ablehnen)|zustimmen|(?:cookie-)?einstellungen|einverstanden|(?:cookies\s+)?verwalten|ok|"
      r"details"), "Wir nutzen Cookies für Statistiken. Alle akzeptieren | Einstellungen", 80),
    P("section", r"^(?:pressemitteilung|pressemeldung|kommentar|meinung|analyse)$", "Pressemitteilung", 2, "top"),
    P("pr-footer", r"^über\s+(?:die\s+|den\s+|das\s+)?(?P<name>(?-i:[A-Z0-9ÄÖÜ])[^\n]{1,60}?)$",
      "Über die Nordwerk Energie AG", 8, "about"),
    P("pr-footer", r"^(?:pressekontakt|medienkontakt|kontakt\s+für\s+(?:medien|journalisten))\s*:",
      "Pressekontakt:", 30, "footer"),
)

SPANISH: tuple[BlockPattern, ...] = (
    P("caption", r"^(?:foto|fotografía|imagen|pie\s+de\s+foto)s?\s*:", "Foto: Simpatizantes celebran en la plaza", 60),
    P("credit", r"^(?:fuente|fuentes)\s*:", "Fuente: EFE", 15),
    # a caption ending " / Agency" (Spanish and Italian papers): "Agentes en el registro / Policía Nacional",
    # "Foto de archivo / EFE": three words or more, then " / " and one to four capitalised words
    # (with "de", "del", "la", "y", "di" between them); no final period, and "y/o" or "1/2" never match.
    P("caption", r"(?:^|\s)[^\s/]+\s+[^\s/]+\s+[^\s/]+(?:\s+[^/\n]*?)?\s/\s(?-i:[A-ZÀ-Ý][\w'’.-]*"
      r"(?:\s+(?:(?:de|del|la|las|los|y|e|di|della)\s+)?[A-ZÀ-Ý][\w'’.-]*){0,3})$",
      "Foto de archivo del puerto / EFE", 40, hints=(" / ",)),
    P("credit", r"\(?con\s+información\s+de\s+[^\n)]{2,40}\)?\.?$", "(Con información de EFE)", 10, hints=("información",)),
    P("credit", r"^\(?(?:(?:redacción\s+)?con\s+(?:agencias|EFE|Europa\s+Press|AFP|Reuters)(?:\s+y\s+(?:agencias|EFE|"
      r"Europa\s+Press|AFP|Reuters))?|redacción\s*/\s*agencias)\)?\.?$", "Redacción con agencias", 8),
    P("related", r"^(?:le[ae]\s+también|leer\s+más|ver\s+también|vea\s+también|noticias\s+relacionadas|"
      r"relacionad[oa]s?|(?:te|le)\s+puede\s+interesar|más\s+información|también\s+(?:te|le)\s+puede\s+interesar|"
      r"contenido\s+relacionado|otras\s+noticias|más\s+noticias(?:\s+sobre\b[^:\n]{1,40})?|te\s+(?:recomendamos|sugerimos)|recomendamos|(?:te|le)\s+podría\s+"
      r"interesar)\s*(?:[:»›>|]|[-–—]\s)", "Lea también: Así fue la jornada electoral"),
    P("related", r"^(?:más\s+información|(?:te|le)\s+puede\s+interesar|noticias\s+relacionadas|lo\s+más\s+(?:leído|visto|compartido)|"
      r"le[ae]\s+también|también\s+(?:te|le)\s+puede\s+interesar|contenido\s+relacionado|otras\s+noticias|"
      r"más\s+noticias(?:\s+sobre\b[^:\n]{1,40})?|te\s+(?:recomendamos|sugerimos)|(?:te|le)\s+podría\s+interesar|"
      r"segu[ií]\s+leyendo|sigue\s+leyendo|siga\s+leyendo|seguir\s+leyendo|no\s+te\s+pierdas|imperdibles?)"
      r"\s*[:›»>|]?$", "Más información", 8, "label"),
    P("tags", r"^(?:archivado\s+en|etiquetas|temas)\s*:", "Archivado en: Sucesos, Valencia", 40),
    P("prompt", _either(
      r"^(?:suscr[ií]bete\b|comparte\s+esta\s+noticia|sigue\s+(?:toda\s+)?(?:la\s+)?(?:actualidad|"
      r"información|noticias)\b|compartir\s+en\b|comentarios\s*\(\d+\))",
      r"^(?:escuchar|escucha|oír)\s+(?:esta\s+|la\s+|el\s+|este\s+)?(?:noticia|artículo|nota|audio)" + _PLAYER_TAIL,
      r"^(?:s[ií]guenos|s[ií]ganos)\b",
      r"^sigue\s+(?:a\s+)?(?-i:[A-ZÁÉÍÓÚÑ])[^\n]{0,60}\ben\s+(?:nuestro\s+canal\s+de\s+)?" + _SOCIAL + r"\b",
      # a newsletter sign-up: "Recibe cada mañana las noticias en tu correo", "... nuestro boletín"
      r"^(?:recibe|reciba|recib[ií]|suscr[ií]bete|suscr[ií]base|suscribite|apúntate|anotate|regístrate|registrate|"
      r"no\s+te\s+pierdas|entérate|enterate)\b[^\n]{0,160}?\b"
      r"(?:tu\s+(?:correo|bandeja|email|e-mail|buzón)|nuestr[oa]s?\s+(?:[\w'’-]+\s+){0,3}(?:boletín|boletines|newsletters?)|"
      r"(?:el|al|la)\s+(?:newsletter|boletín)|cada\s+(?:mañana|día|noche|semana)|todas\s+las\s+(?:mañanas|noches)|"
      r"todos\s+los\s+días|más\s+importantes\s+de\s+la\s+(?:mañana|semana|jornada))",
      r"^(?:descarga|descargue|recibe|reciba)\b[^\n]{0,80}?\b(?:app|aplicación|newsletter|boletín)\b",
      # channel prompts, embeds and ad breaks: "Únete a nuestro canal ...", "Ver esta publicación en Instagram"
      r"^(?:únete|únase|unite|súmate|súmese|s[ií]guenos|síganos)\s+(?:a|en)\s+(?:nuestr[oa]s?)\s+(?:canal|comunidad|grupo|"
      r"boletín|newsletter)\b",
      r"^(?:ver\s+esta\s+publicación\s+en\s+" + _SOCIAL + r"|(?:la\s+noticia|el\s+artículo)\s+(?:continúa|sigue)\s+"
      r"(?:después|tras|debajo)\s+(?:de\s+)?(?:la\s+|el\s+|este\s+|esta\s+)?(?:publicidad|anuncio))$",
      # the e-edition link and a live page's sign-off: "Leer la edición impresa", "Gracias por seguirnos"
      r"^(?:leer|ver)\s+(?:la\s+)?edición\s+(?:impresa|digital|de\s+hoy)$",
      r"^gracias\s+por\s+(?:seguirnos|acompañarnos)\b",
    ), "Comparte esta noticia", 40),
    P("prompt", r"^(?:imprimir|comentar|guardar|comentarios|reportar\s+(?:un\s+)?error|enlace\s+copiado|foto\s+\d+\s+de\s+\d+|"
      r"ver\s+(?:los\s+)?comentarios(?:\s*\(\d+\))?|regalar\s+(?:este\s+)?artículo)$", "Reportar un error", 8),
    P("readtime", _either(
      r"^(?:tiempo\s+(?:estimado\s+)?de\s+lectura|lectura)\s*:?\s*(?:unos\s+|aprox\.?\s+)?\d+\s*(?:min(?:utos?)?\.?)$",
      r"^\d+\s*min(?:utos?)?\.?\s+de\s+lectura$",
    ), "Tiempo de lectura: 4 min", 8),
    P("disclaimer", _either(
      r"^(?:descargo\s+de\s+responsabilidad|nota\s+de\s+la\s+redacción)\s*:",
      r"^(?:(?:este\s+(?:artículo|contenido|texto)|esta\s+(?:página|nota))\s+(?:contiene|incluye|puede\s+contener)"
      r"\s+enlaces\s+(?:de\s+afiliad[oa]s?|afiliad[oa]s?|patrocinados)|(?:si|cuando)\s+(?:compras|haces\s+una\s+compra)\b"
      r"[^\n]{0,100}?\bcomisión|este\s+(?:artículo|texto|contenido)\s+(?:ha\s+sido|fue)\s+(?:elaborad[oa]|generad[oa]|redactad[oa]|"
      r"traducid[oa]|escrit[oa])\s+con\s+(?:(?:la\s+)?ayuda\s+de\s+)?(?:la\s+|una\s+)?(?:ia|inteligencia\s+artificial)\b)",
      # AI voices, columns' views, investment notes, delayed quotes
      r"^audio\s+(?:generado|creado|producido|narrado|leído)\s+(?:con|por|mediante)\s+(?:la\s+|una\s+)?(?:ia|"
      r"inteligencia\s+artificial)\b" + _NOTE_END + _UNREPORTED,
      r"^las\s+opiniones\s+" + _UNREPORTED + r"(?:expresadas\s+)?(?:en\s+(?:este|esta)\s+(?:artículo|columna|texto|tribuna)\s+)?(?:son|"
      r"corresponden)\s+(?:(?:de\s+)?(?:la\s+)?(?:exclusiva\s+)?responsabilidad(?:\s+exclusiva)?\s+)?(?:de\s+)?(?:su|sus|el|la|los)\s+"
      r"(?:autor|autora|autores)",
      r"^(?:este\s+(?:artículo|contenido|texto)|esta\s+información)\s+no\s+" + _UNREPORTED + r"(?:constituye|es)\s+(?:una\s+)?(?:recomendación|"
      r"asesoramiento|consejo)\s+(?:de\s+)?(?:inversión|financier[oa]|compra)",
      r"^(?:cotizaciones|datos\s+de\s+(?:mercado|bolsa))\s+(?:con\s+(?:al\s+menos\s+)?\d+\s+minutos\s+de\s+retraso|diferid[oa]s(?:\s+(?:al\s+menos\s+)?\d+\s+minutos)?)"
      + _NOTE_END + _UNREPORTED,
      # a standards badge and link: "Conforme a los criterios de The Trust Project", "Nuestros principios editoriales"
      r"^(?:conforme\s+a|según|siguiendo)\s+los\s+criterios\s+de\s+(?:the\s+)?trust\s+project\b\s*[.:]?" + _MORE_LINK,
      r"^nuestros\s+(?:principios|criterios|estándares)\s+(?:editoriales|periodísticos)" + _LINK_END,
    ), "Nota de la redacción: este texto se actualizó con la cifra definitiva.", 60),
    P("advert", r"^(?:ver\s+(?:oferta|precio)(?:\s+en\s+[^\n.!?]{1,30})?|comprar\s+(?:ahora|ya)|comprar\s+en\s+(?-i:[A-Z])"
      r"[^\n.!?]{0,30}|(?:compra|comprar)\b[^\n.!?]{0,60}?\sen\s[^\n.!?]{1,40}?\spor\s+" + _PRICE + r")$",
      "Ver oferta en Amazon", 12),
    P("credit", r"^(?:este\s+(?:artículo|contenido|reportaje)|esta\s+(?:información|noticia))\s+(?:forma\s+parte|(?:ha\s+sido|fue)"
      r"\s+(?:elaborad[oa]|producid[oa]|financiad[oa]|realizad[oa])\s+(?:en\s+colaboración|con\s+el\s+apoyo|por\s+(?:el|la)))",
      "Este reportaje forma parte de una serie sobre el agua en el sureste.", 60),
    P("prompt", r"^(?![\"“«„'‘])[^?\n]{3,160}\?\s*(?:suscr[ií]bete|suscr[ií]base|descarga|descargue|s[ií]guenos|síganos|escr[ií]benos|"
      r"cu[eé]ntanos|apúntate|regístrate|únete|contáctanos|env[ií](?:a|e)(?:nos|los|las)|m[aá]nda(?:nos|los|las)|llámanos|"
      r"inicia\s+sesión|inicie\s+sesión|accede)\b",
      "¿Quieres recibir las noticias de tu barrio? Suscríbete a nuestro boletín.", 35, hints=("?",)),
    P("correction", r"^(?:rectificación|fe\s+de\s+erratas|aclaración|corrección)\s*:", "Rectificación: una versión anterior daba otra fecha.", 80),
    P("video", r"^(?:vídeo|video|mira)\s*[:.|]", "Vídeo: los goles del derbi", 30),
    # heldout6's shapes, written again in new words
    P("consent", r"^(?:utilizamos|usamos|este\s+(?:sitio|portal|medio)(?:\s+web)?\s+(?:utiliza|usa)|nosotros\s+y\s+nuestros\s+"
      r"socios)\b[^\n]{0,120}?\bcookies\b[^\n]{0,400}?" + _buttons(
      r"(?:aceptar|rechazar)(?:\s+tod[oa]s?)?|acepto|configurar|configuración|gestionar(?:\s+(?:cookies|preferencias))?|"
      r"preferencias|más\s+opciones"), "Utilizamos cookies propias y de terceros. Aceptar | Configurar", 80),
    P("section", r"^(?:crónica|opinión|editorial|análisis|nota\s+de\s+prensa|comunicado(?:\s+de\s+prensa)?)$",
      "NOTA DE PRENSA", 3, "top"),
    P("pr-footer", r"^(?:sobre|acerca\s+de)\s+(?P<name>(?-i:[A-Z0-9ÁÉÍÓÚÑ])[^\n]{1,60}?)$",
      "Sobre Grupo Alimentos del Sur", 8, "about"),
    P("pr-footer", r"^(?:contacto|contactos)(?:\s+(?:de\s+)?(?:prensa|medios))?\s*:", "Contacto de prensa:", 30,
      "footer"),
)

#: News agencies: in a byline they credit the agency, not a person ("By JANE DOE Associated Press").
AGENCIES: frozenset[str] = frozenset({
    "associated press", "the associated press", "ap", "reuters", "thomson reuters", "afp", "agence france-presse",
    "agence france presse", "bloomberg", "bloomberg news", "efe", "agencia efe", "europa press", "dpa",
    "deutsche presse-agentur", "ansa", "anadolu", "anadolu agency", "press association", "pa", "pa media",
    "kyodo", "xinhua", "upi", "cnn", "bbc news", "afp-jiji",
})

#: The tables by language (ISO 639-1; "any" for shapes that are not words).
TABLES: dict[str, tuple[BlockPattern, ...]] = {
    "any": ANY,
    "en": ENGLISH,
    "fr": FRENCH,
    "de": GERMAN,
    "es": SPANISH,
}
PATTERNS: tuple[BlockPattern, ...] = tuple(row for table in TABLES.values() for row in table)

# Licence, copyright and republication notices, searched anywhere in a block (their words can stand
# anywhere: "Text © 2024 X", "This article ... originally appeared ...").
LICENCE_PHRASES: tuple[str, ...] = (
    r"creative\s+commons", r"\bcc[ -]by\b", r"©", r"\(c\)\s*(?:19|20)\d\d",
    r"\bcopyright\s+(?:©\s*|\(c\)\s*)?(?:19|20)\d\d", r"copyright\s+©", r"all\s+rights\s+reserved",
    r"\blicen[cs]ed\s+under\b", r"\bused\s+(?:here\s+)?with\s+permission\b", r"\breprinted\s+(?:here\s+)?(?:with|by|under)\b",
    r"\b(?:is|are|was|been|being)\s+republished\b", r"\brepublished\s+(?:here\s+)?(?:with|under|by|from)\b",
    r"^(?:originally|first)\s+(?:published|appeared|posted)\b",
    r"\b(?:article|story|piece|post|report|column|essay|op-ed|interview|analysis|version)\b[^.\n]{0,120}?"
    r"\b(?:originally|first)\s+(?:appeared|published|ran|posted)\b",
    r"\bmay\s+not\s+be\s+(?:published|reproduced|redistributed)\b", r"\breproduction\s+without\s+permission\b",
    # French, German, Spanish
    r"tous\s+droits\s+réservés", r"\breproduction\s+interdite\b", r"\btoute\s+reproduction\b",
    r"alle\s+rechte\s+vorbehalten", r"todos\s+los\s+derechos\s+reservados", r"prohibida\s+su\s+reproducción",
    r"\b(?:publicado|publicada)\s+originalmente\b", r"\bse\s+reproduce\s+con\s+autorización\b",
    r"\bpublié\s+(?:initialement|à\s+l['’]origine)\b", r"\berschien\s+(?:zuerst|ursprünglich)\b",
)
#: Cheap lower-case substrings, one of which every licence phrase needs (the regex is slow on long text).
LICENCE_TRIGGERS: tuple[str, ...] = (
    "commons", "cc-by", "cc by", "©", "(c)", "copyright", "reserved", "licen", "permission", "reprinted",
    "republished", "originally", "first appeared", "first published", "first ran", "first posted", "may not be",
    "réservés", "reproduction", "vorbehalten", "derechos reservados", "prohibida su", "originalmente",
    "se reproduce", "publié", "erschien",
)
#: Fewer substrings, one of which every trigger above holds (checked at import): a paragraph holding none of them
#: holds no trigger, which 19 look-ups tell instead of 26. Most body paragraphs hold none.
LICENCE_GATES: tuple[str, ...] = (
    "©", "(c)", "cc-by", "cc by", "commons", "copyright", "reserv", "réserv", "licen", "permission", "repr",
    "republished", "origin", "first ", "may not", "vorbehalten", "prohibida", "publié", "erschien",
)
for _trigger in LICENCE_TRIGGERS:
    if not any(gate in _trigger for gate in LICENCE_GATES):
        raise ValueError(f"licence trigger {_trigger!r} holds none of LICENCE_GATES: add one it holds")


def _ordered(rows: tuple[BlockPattern, ...]) -> tuple[BlockPattern, ...]:
    for row in rows:
        if not (row.regex.startswith("^") or row.regex.endswith("$")):
            raise ValueError(f"clutter row {row.example!r}: regex must start with ^ or end with $")
        if not row.regex.startswith("^") and not row.hints:
            raise ValueError(f"clutter row {row.example!r}: an end-anchored row needs hints")
        if row.regex.startswith("^") and row.hints and row.role != "block":
            raise ValueError(f"clutter row {row.example!r}: a start-anchored row with hints must be a block row")
    return tuple(sorted(rows, key=lambda row: ROLES.index(row.role)))  # "block" rows first


def _first_chars(items) -> tuple[frozenset[str] | None, bool]:
    """The lower-case characters a parsed regex (``items``) can start with (None: any) and whether it can
    match the empty string. Unknown constructs give None: the row is then tried on every block."""
    chars: set[str] = set()
    for op, value in items:
        if op is _C.LITERAL:
            return frozenset(chars | _cases(chr(value))), False
        if op is _C.IN:
            found: set[str] = set()
            for kind, item in value:
                if kind is _C.LITERAL:
                    found |= _cases(chr(item))
                elif kind is _C.RANGE and item[1] - item[0] <= 256:
                    for code in range(item[0], item[1] + 1):
                        found |= _cases(chr(code))
                elif kind is _C.CATEGORY and item is _C.CATEGORY_DIGIT:
                    found |= set("0123456789")
                elif kind is _C.CATEGORY and item is _C.CATEGORY_SPACE:
                    found |= set(" \t\n\r\f\v")
                else:
                    return None, False
            return frozenset(chars | found), False
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero-width: the next item gives the first character
        if op is _C.SUBPATTERN:
            inner, empty = _first_chars(value[-1])
        elif op is _C.BRANCH:
            inner, empty = frozenset(), False
            for alternative in value[1]:
                part, part_empty = _first_chars(alternative)
                if part is None:
                    return None, False
                inner, empty = inner | part, empty or part_empty
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            inner, empty = _first_chars(value[2])
            empty = empty or value[0] == 0
        else:
            return None, False
        if inner is None:
            return None, False
        chars |= inner
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _cases(char: str) -> set[str]:
    return {char.lower()[:1], char.upper().lower()[:1]}


def _parsed(row: BlockPattern):
    """``row``'s regex parsed (case-insensitive), once: its first characters and its compiled form are both read
    from it (parsing is most of the cost of compiling these regexes, paid at start-up). None if it does not parse."""
    parsed = _PARSED.get(row, False)
    if parsed is False:
        try:
            parsed = _sre_parser.parse(row.regex, _IGNORECASE)
        except Exception:  # re.compile then raises the error itself
            parsed = None
        _PARSED[row] = parsed
    return parsed


_PARSED: dict[BlockPattern, object] = {}
#: re.I as a plain int, as ``re.compile`` hands it to the parser and compiler (a flag enum makes them ~3x slower).
_IGNORECASE = int(re.IGNORECASE)


def _row_first_chars(row: BlockPattern) -> frozenset[str] | None:
    try:
        chars, empty = _first_chars(_parsed(row).data)  # (the leading "^" is zero-width: skipped)
    except Exception:  # a construct this reading does not know: try the row on every block
        return None
    return None if empty else chars


def _heads(items, flags: int) -> list[tuple] | None:
    """What a parsed regex (``items``, read with ``flags``) can match first: every pair of single-character items
    that can match its first two characters, each item as the set of the ASCII characters it matches (None: it may
    match any); a head of fewer than two items where the regex may end sooner. None: a construct this reading does
    not know (the row is then tried on every block). Read generously: a zero-width item (``\\b``, a look-ahead) is
    passed over, so a head may admit more than the regex does, never less."""
    open_heads: list[tuple] = [()]
    done: list[tuple] = []
    for op, value in items:
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue
        if op in (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY):
            nexts: list[tuple] | None = [(_ascii_matched(op, value, flags),)]
        elif op is _C.SUBPATTERN:
            _group, add, delete, inner = value
            kept = flags & ~_sre_parser.TYPE_FLAGS if add & _sre_parser.TYPE_FLAGS else flags
            nexts = _heads(inner, (kept | add) & ~delete)
        elif op is _C.BRANCH:
            nexts = []
            for alternative in value[1]:
                part = _heads(alternative, flags)
                if part is None:
                    return None
                nexts += part
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            low, high, inner = value
            one = _heads(inner, flags)
            if one is None:
                return None
            # k copies for k from the least (0 when a copy may be empty) up to two: more add nothing to two characters
            nexts, copies = [], [()]
            for k in range(min(high, 2) + 1):
                if k >= (0 if () in one else min(low, 2)):
                    nexts += copies
                copies = [(a + b)[:2] for a in copies for b in one]
        else:
            return None
        grown = []
        for head in open_heads:
            for part in nexts:
                joined = head + part
                (done if len(joined) >= 2 else grown).append(joined[:2])
        open_heads = list(dict.fromkeys(grown))
        if not open_heads:
            break
    return list(dict.fromkeys(done + open_heads))


_ASCII = tuple(map(chr, range(128)))


def _ascii_matched(op, value, flags: int) -> frozenset[str] | None:
    """The ASCII characters one single-character item of a parsed regex matches under ``flags``: an ASCII literal
    read directly (under re.I an ASCII letter matches its two cases and no other ASCII character), anything else by
    the regex engine itself (the item compiled alone), once per item."""
    if op is _C.LITERAL and value < 128:
        char = chr(value)
        return frozenset((char.lower(), char.upper())) if flags & _IGNORECASE else frozenset(char)
    key = (op, tuple(value) if isinstance(value, list) else value, flags)
    found = _MATCHED.get(key, False)
    if found is False:
        try:
            item = _sre_parser.SubPattern(_sre_parser.State(), [(op, value)])
            matcher = _sre_compiler.compile(item, flags).match
            found = frozenset(c for c in _ASCII if matcher(c))
        except Exception:
            found = None
        _MATCHED[key] = found
    return found


_MATCHED: dict[tuple, frozenset[str] | None] = {}


def _row_heads(row: BlockPattern) -> list[tuple] | None:
    heads = _HEADS.get(row, False)
    if heads is False:
        parsed = _parsed(row)
        try:
            heads = None if parsed is None else _heads(parsed.data, parsed.state.flags)
        except Exception:
            heads = None
        _HEADS[row] = heads
    return heads


_HEADS: dict[BlockPattern, list[tuple] | None] = {}


def _may_open(row: BlockPattern, opening: str) -> bool:
    """False when ``row``'s regex cannot match a block whose first two characters are ``opening`` (a character
    that is not ASCII is taken as matched)."""
    heads = _row_heads(row)
    if heads is None:
        return True
    for head in heads:
        for chars, char in zip(head, opening):
            if chars is not None and char.isascii() and char not in chars:
                break
        else:
            return True
    return False


_ROWS = _ordered(PATTERNS)
_START_ROWS = tuple(row for row in _ROWS if row.regex.startswith("^"))
_END_ROWS = tuple(row for row in _ROWS if not row.regex.startswith("^"))
_HINTS = tuple(dict.fromkeys(hint for row in _END_ROWS for hint in row.hints))
_FIRST_CHARS = {row: _row_first_chars(row) for row in _START_ROWS}
# The start-anchored rows a block meets: those that can start with its first character (lower case) and whose word
# limit its length does not pass, in role order. Rows are tried one by one with their own regex: an alternation of
# all of them would cost ~10 ms to compile per character and save nothing per block.
_START_HINTS = tuple(dict.fromkeys(hint for row in _START_ROWS for hint in row.hints))
_START_HINT = re.compile("|".join(re.escape(hint) for hint in _START_HINTS) or "(?!)", re.I)
_RowRegexes = tuple[tuple[BlockPattern, re.Pattern[str]], ...]
_StartRows = tuple[_RowRegexes, _RowRegexes]
#: Word counts above every row's limit are all alike: a block's count is capped at this before the look-ups below.
_WORDS_CAP = max(row.max_words for row in _ROWS) + 1
# Keyed by (the block's first character, its capped word count): the rows that can start with that character and
# whose limit the count does not pass.
_START_BY_CHAR: dict[tuple[str, int], tuple[BlockPattern, ...]] = {}
# Keyed by (the block's first two characters, its capped word count): of those rows, the ones whose regex can match
# a block opening with both characters (a block meets ~2.5 rows instead of ~8.6), without hints and with hints, as
# (row, compiled regex) pairs (a frozen dataclass hashes all its fields: a regex looked up by row for every row tried
# costs more than the match). A long body paragraph meets no row at all.
_START_BY_OPENING: dict[tuple[str, int], _StartRows] = {}
#: At most this many openings are kept (then the record starts again): memory stays bounded whatever the input.
_OPENINGS_KEPT = 50_000
# Keyed by the capped word count: the end-anchored rows whose limit it does not pass, with their regexes, and the
# hints one of which a block's end must hold for any of them to be tried.
_END_BY_WORDS: dict[int, tuple[_RowRegexes, tuple[str, ...]]] = {}
_LABEL_ROWS = tuple(row for row in _START_ROWS if row.role == "label")
_MAX_LABEL_WORDS = max(row.max_words for row in _LABEL_ROWS)


def _start_rows(opening: str, words: int) -> _StartRows:
    """The start-anchored rows a block of ``words`` words (capped) opening with ``opening`` (its first two
    characters) meets, without hints and with hints, with their regexes."""
    key = (opening, words)
    rows = _START_BY_OPENING.get(key)
    if rows is None:
        first = opening[0].lower()[:1]
        by_char = _START_BY_CHAR.get((first, words))
        if by_char is None:
            by_char = _START_BY_CHAR[(first, words)] = tuple(
                row for row in _START_ROWS
                if row.max_words >= words and (_FIRST_CHARS[row] is None or first in _FIRST_CHARS[row]))
        fitting = [(row, _row_regex(row)) for row in by_char if _may_open(row, opening)]
        if len(_START_BY_OPENING) >= _OPENINGS_KEPT:
            _START_BY_OPENING.clear()
        rows = _START_BY_OPENING[key] = (
            tuple(pair for pair in fitting if not pair[0].hints),
            tuple(pair for pair in fitting if pair[0].hints),
        )
    return rows


def _end_rows(words: int) -> tuple[_RowRegexes, tuple[str, ...]]:
    rows = _END_BY_WORDS.get(words)
    if rows is None:
        fitting = tuple((row, _row_regex(row)) for row in _END_ROWS if row.max_words >= words)
        rows = _END_BY_WORDS[words] = (fitting, tuple(dict.fromkeys(hint for row, _ in fitting for hint in row.hints)))
    return rows


_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.*?\S)\1$", re.S)
# An emphasised label at the start only: "**Disclosure:** we ...", "_Disclaimer_: ...".
_LEADING_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)([^*_\n]{1,60}?\S)\1")


def unwrapped(text: str) -> str:
    """``text`` without a Markdown emphasis around the whole of it ("*By Jane Doe*" -> "By Jane Doe") or around
    its opening words ("**Disclosure:** We ..." -> "Disclosure: We ...")."""
    if text[:1] not in "*_":
        return text
    match = _EMPHASIS.match(text)
    if match:
        return match.group(2)
    match = _LEADING_EMPHASIS.match(text)
    return match.group(2) + text[match.end():] if match else text


@dataclass(frozen=True)
class Clutter:
    """What :func:`clutter_of` found: the row's role, and for an "about" row the name it caught."""

    role: Role
    name: str | None = None


def clutter_of(text: str, words: int) -> Clutter | None:
    """The clutter shape ``text`` (a block of ``words`` words, counted by the caller) has, or None.

    Only rows whose word limit ``words`` does not pass are tried; when rows of several roles match, the
    first role in ``ROLES`` order wins. A start-anchored row is tried only on blocks whose first two characters
    it can start with (``_may_open``: a news paragraph meets ~2.5 rows, not ~8.6); an end-anchored row only when
    the block's last ``END_WINDOW`` characters hold one of its hints.
    """
    if text[:1] in "*_":
        text = unwrapped(text)
    if not text:
        return None
    found: tuple[BlockPattern, re.Match[str]] | None = None
    capped = words if words < _WORDS_CAP else _WORDS_CAP
    plain, hinted = _start_rows(text[:2], capped)
    if hinted:  # rows with hints are "block" rows: tried first, and only when the block's opening holds a hint
        present = [hint.lower() for hint in _START_HINT.findall(text, 0, START_WINDOW)]
        for row, regex in hinted if present else ():
            if any(hint in present for hint in row.hints):
                match = regex.match(text)
                if match is not None:
                    found = (row, match)
                    break
    for row, regex in plain if found is None else ():
        match = regex.match(text)
        if match is not None:
            found = (row, match)
            break
    if found is None or found[0].role != "block":
        end_rows, hints = _end_rows(capped)
        if not end_rows:
            return None if found is None else _found(*found)
        tail = text[-END_WINDOW:]
        lower = tail.lower()
        present = [hint for hint in hints if hint in lower]
        for row, regex in end_rows if present else ():
            if any(hint in present for hint in row.hints):
                match = regex.search(tail)
                if match is not None:
                    if found is None or ROLES.index(row.role) < ROLES.index(found[0].role):
                        found = (row, match)
                    break
    return None if found is None else _found(*found)


def _found(row: BlockPattern, match: re.Match[str]) -> Clutter:
    name = match.groupdict().get("name")
    return Clutter(row.role, name.strip() if name else None)


_ROW_REGEXES: dict[BlockPattern, re.Pattern[str]] = {}


def _row_regex(row: BlockPattern) -> re.Pattern[str]:
    regex = _ROW_REGEXES.get(row)
    if regex is None:
        regex = _ROW_REGEXES[row] = _compiled(row)
    return regex


def _compiled(row: BlockPattern) -> re.Pattern[str]:
    """``re.compile(row.regex, re.I)``, made from the parse the row's first characters were read from (a start
    row's regex is parsed once, not twice; ``tests/test_clutter.py`` checks the two patterns are equal)."""
    parsed = _PARSED.get(row) if row.regex.startswith("^") else None
    if parsed is not None:
        try:
            flags = _IGNORECASE | parsed.state.flags
            code = _sre_compiler._code(parsed, flags)
            groups = parsed.state.groupdict
            names: list[str | None] = [None] * parsed.state.groups
            for name, index in groups.items():
                names[index] = name
            return _sre.compile(row.regex, flags, code, parsed.state.groups - 1, groups, tuple(names))
        except Exception:  # another Python's internals: compile it the public way
            pass
    return re.compile(row.regex, re.I)


def matches(row: BlockPattern, text: str) -> bool:
    """True when ``row`` alone matches ``text`` (its word limit included): what the tests check per row."""
    text = unwrapped(text)
    if len(text.split()) > row.max_words:
        return False
    regex = _row_regex(row)
    if row.regex.startswith("^"):
        return regex.match(text) is not None
    return regex.search(text[-END_WINDOW:]) is not None


def is_list_label(line: str) -> bool:
    """True for a line that heads a list of links or tags ("Read more:", "More on this story", "Weitere Videos")."""
    line = unwrapped(line)
    if len(line.split()) > _MAX_LABEL_WORDS:
        return False
    return any(_row_regex(row).match(line) for row in _LABEL_ROWS if row.max_words >= len(line.split()))
