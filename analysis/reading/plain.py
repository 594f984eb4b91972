"""Plain text and Markdown: decoding bytes whatever their encoding, Markdown stripped to text, front matter read."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from typing import Any

from analysis.errors import (
    BinaryInputError,
    EmptyInputError,
    UndecodableInputError,
)
from analysis.reading.document import Document, as_date, split_authors

#: Control characters that never occur in text (tab, line feed, form feed, carriage return do).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x0B, 0x7F}
_CONTROL_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_CONTROL)) + "]")
_CONTROL_BYTES = bytes(sorted(_CONTROL))
_MAX_CONTROL_RATIO = 0.01
#: Up to this many NUL characters are dropped from a text whatever its length; more count as control characters.
_STRAY_NULS = 3
#: Among equally plausible decodings, prefer the common Western ones (the text is identical across a group).
_PREFERRED_ENCODINGS = ("utf_8", "cp1252", "latin_1", "iso8859_15")


def decode_text(data: bytes, filename: str) -> str:
    """The text of ``data``, its encoding detected: BOM, UTF-16/32 without BOM (by byte pattern), UTF-8, mostly
    UTF-8 with some Windows-1252 (repaired with ftfy), then charset-normalizer.

    A stray NUL byte is dropped, not taken for binary. Raises ``BinaryInputError`` for binary data (many NUL
    or control characters),
    ``UndecodableInputError`` when no common encoding fits and ``EmptyInputError`` for blank text.
    """
    text, controls = _decode(data, filename)
    if not text.strip():
        raise EmptyInputError(filename, "holds only blank space; choose the file that holds the article's text.")
    if controls is None:
        controls = _controls(text)
    nuls = text.count("\x00")
    if nuls <= _STRAY_NULS:  # a stray NUL or two (a copy-paste accident) is dropped, not taken for binary
        controls -= nuls
    if controls > _MAX_CONTROL_RATIO * len(text):
        raise _binary_error(data, filename)
    text = text.replace("\x00", "")
    if not text.strip():  # nothing but a stray NUL or two
        raise EmptyInputError(filename, "holds only blank space; choose the file that holds the article's text.")
    return text


def _decode(data: bytes, filename: str) -> tuple[str, int | None]:
    """The text of ``data`` and, when already counted, how many control characters it holds."""
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), None
            except UnicodeDecodeError as err:
                raise UndecodableInputError(
                    filename,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"(byte {err.start}); re-save it as UTF-8 and try again.",
                ) from err
    nuls = data.count(0)
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    # Valid UTF-8 with a few stray NULs is UTF-8; UTF-16/32 text has many zero bytes (ASCII's high bytes) or
    # decodes as UTF-8 full of control characters (Cyrillic's 0x04 high bytes).
    # (UTF-8 writes each control character as its own byte, which no other character's bytes use: they are
    # counted in the bytes, the NULs among them being ``nuls``)
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES)) if utf8 is not None else None
    if utf8 is not None and nuls <= 0.1 * len(data) and controls - nuls <= _MAX_CONTROL_RATIO * len(utf8):
        return utf8, controls
    if nuls:
        wide = _utf16_or_32_without_bom(data)
        if wide is not None:
            return wide, None
    if utf8 is not None:
        return utf8, controls  # the control-character check refuses it as binary
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed, None
    try:
        return _detected(data, filename), None
    except UndecodableInputError:
        if nuls:  # not text in any encoding, and NUL bytes: binary data
            raise _binary_error(data, filename) from None
        raise


def _controls(text: str) -> int:
    """How many control characters (never in text; NUL included) ``text`` holds, found by one compiled
    character class (``str.translate`` with a table cost 0.5 ms an article, the regex 10 µs)."""
    return _CONTROL_RE.subn("", text)[1]


#: A valid UTF-8 sequence of two to four bytes (a non-ASCII character).
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _mixed_utf8(data: bytes) -> str | None:
    """Text that is mostly UTF-8 with some Windows-1252 bytes (pasted from two sources), repaired with ftfy.

    Recognised when at least half of the non-ASCII bytes form valid UTF-8 sequences (a Windows-1252 or
    -1251 text has almost none); the bytes are read as Windows-1252 and ftfy undoes the mojibake of the UTF-8
    parts, leaving the real Windows-1252 characters as they are.
    """
    non_ascii = len(_NON_ASCII.findall(data))
    in_sequences = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    if not non_ascii or in_sequences < 0.5 * non_ascii:
        return None
    import ftfy
    import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252" (every byte has a character)

    return ftfy.fix_encoding(data.decode("sloppy-windows-1252"))


def _utf16_or_32_without_bom(data: bytes) -> str | None:
    """UTF-16 or UTF-32 text without a byte-order mark, recognised by its byte pattern.

    The data must decode strictly and read as text: almost no control, private-use or unassigned characters,
    and its letters from a few scripts (Latin, Cyrillic, Chinese ... — bytes that are not text scatter over
    the whole of Unicode). UTF-32 is tried first (its units have zero high bytes), then UTF-16 when the zero
    bytes (the high bytes of spaces, digits and line breaks) sit on one side of each pair.
    """
    if len(data) < 8:
        return None
    candidates = []
    if len(data) % 4 == 0 and not any(data[3::4]) and max(data[2::4]) <= 0x10:
        candidates.append("utf-32-le")
    if len(data) % 4 == 0 and not any(data[0::4]) and max(data[1::4]) <= 0x10:
        candidates.append("utf-32-be")
    if len(data) % 2 == 0:
        # The zero bytes are mostly the high bytes of ASCII characters (but U+4E00's low byte is zero too):
        # the side with more of them is probably the high byte. Both orders are tried, that one first.
        le_first = data[1::2].count(0) >= data[0::2].count(0)
        candidates += ["utf-16-le", "utf-16-be"] if le_first else ["utf-16-be", "utf-16-le"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text[:20_000]):
            return text
    return None


def _reads_as_text(text: str) -> bool:
    """Whether decoded data looks like writing: line breaks or spaces, a real alphabet, almost no control,
    private-use or unassigned characters, letters from at most three scripts."""
    import unicodedata

    if not any(ch.isspace() for ch in text) or len(set(text)) < 8:
        return False
    odd = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\t\n\r\x0c")
    if odd > _MAX_CONTROL_RATIO * len(text):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 0.3 * len(text.replace(" ", "")):
        return False
    scripts: dict[int, int] = {}
    for ch in letters:
        script = _script(ord(ch))
        scripts[script] = scripts.get(script, 0) + 1
    return sum(sorted(scripts.values())[-3:]) >= 0.95 * len(letters)


def _script(code: int) -> int:
    """A coarse script of a letter: CJK ideographs and Hangul syllables as one each, else its 256-code block."""
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF:
        return 0x4E00
    if 0xAC00 <= code <= 0xD7AF:
        return 0xAC00
    if code < 0x250:  # Basic Latin, Latin-1, Latin Extended-A/B: one script
        return 0
    return code >> 8


def _detected(data: bytes, filename: str) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        raise UndecodableInputError(
            filename,
            "is not text in any common encoding (UTF-8, UTF-16, Windows-1252, Latin-1 ...); "
            "open it in a text editor, save it as UTF-8 and try again.",
        )
    least = min(m.chaos for m in matches)
    plausible = [m for m in matches if m.chaos <= least + 0.01]
    for encoding in _PREFERRED_ENCODINGS:
        for match in plausible:
            if encoding in match.could_be_from_charset:
                return data.decode(encoding)
    return str(plausible[0])


def _binary_error(data: bytes, filename: str) -> BinaryInputError:
    kinds = (
        (b"%PDF", "a PDF document", "rename it to .pdf"),
        (b"PK\x03\x04", "a ZIP archive (perhaps a Word .docx file)", "rename it to .docx if it is one"),
        (b"\x89PNG", "a PNG image", "upload the article's text instead"),
        (b"\xff\xd8\xff", "a JPEG image", "upload the article's text instead"),
        (b"\xd0\xcf\x11\xe0", "an old Word .doc file", "save it as .docx or .txt in Word"),
    )
    for magic, kind, fix in kinds:
        if data.startswith(magic):
            return BinaryInputError(filename, f"holds binary data, not text: it looks like {kind}; {fix}.")
    return BinaryInputError(
        filename, "holds binary data, not text; upload the article as a text, HTML, PDF or Word file."
    )


#: Where a front matter block starts and ends (its content is read by a YAML parser).
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def markdown_document(text: str) -> Document:
    """Markdown: front matter (title, author(s), date, source) as metadata, markup removed from the text.

    The text is parsed by markdown-it-py (CommonMark, with tables and strikethrough): each heading, paragraph,
    quoted paragraph, table row and code block becomes a block of plain text (blocks separated by a blank line;
    the items of a tight list are lines of one block); links keep their text, images their alt text, raw HTML
    is dropped. Front matter is read with PyYAML's safe loader; a block it cannot read gives no metadata.
    """
    meta: dict[str, Any] = {}
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    front = _FRONT_MATTER.match(text)
    if front:
        meta = _front_matter(front.group(1))
        text = text[front.end():]
    authors = meta.get("authors") or meta.get("author") or ()
    if isinstance(authors, str):
        authors = split_authors(authors)
    elif not isinstance(authors, (list, tuple)):
        authors = (str(authors),)
    return Document(
        text=markdown_text(text),
        title=_text_value(meta.get("title")),
        authors=tuple(str(a).strip() for a in authors if str(a).strip()),
        published=as_date(meta.get("date") or meta.get("published")),
        source=_text_value(meta.get("source") or meta.get("publisher") or meta.get("site")),
    )


def markdown_text(markdown: str) -> str:
    """The plain text of ``markdown``: one block per heading, paragraph, table row or code block."""
    blocks: list[str] = []
    tight = False  # inside a paragraph markdown-it hides: an item of a tight list
    joined_to_previous = False
    row: list[str] | None = None  # the cells of the table row being read
    for token in _markdown_parser().parse(markdown):
        if token.type == "paragraph_open":
            tight = token.hidden
        elif token.type == "paragraph_close":
            tight = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            if row and any(cell.strip() for cell in row):
                blocks.append("; ".join(cell for cell in row if cell.strip()))
            row, joined_to_previous = None, False
        elif token.type in ("inline", "fence", "code_block"):
            content = _inline_text(token.children or []) if token.type == "inline" else token.content.rstrip("\n")
            if row is not None:
                row.append(content.strip())
            elif content.strip():
                if tight and joined_to_previous and blocks:
                    blocks[-1] += "\n" + content
                else:
                    blocks.append(content)
                joined_to_previous = tight
        elif token.type in ("bullet_list_close", "ordered_list_close", "blockquote_close"):
            joined_to_previous = False
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def _inline_text(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)  # its alt text
    return "".join(parts)


@lru_cache(maxsize=1)
def _markdown_parser() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _front_matter(block: str) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(block)
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k).lower(): v for k, v in data.items() if v not in (None, "", [], {})}


def _text_value(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list, tuple)):
        return None
    text = str(value).strip()
    return text or None
