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
_DELETE_CONTROL = dict.fromkeys(_CONTROL)
_MAX_CONTROL_RATIO = 0.01
#: Among equally plausible decodings, prefer the common Western ones (the text is identical across a group).
_PREFERRED_ENCODINGS = ("utf_8", "cp1252", "latin_1", "iso8859_15")


def decode_text(data: bytes, filename: str) -> str:
    """The text of ``data``, its encoding detected: BOM, UTF-16 without BOM, UTF-8, then charset-normalizer.

    Raises ``BinaryInputError`` for binary data (NUL bytes outside UTF-16, many control characters),
    ``UndecodableInputError`` when no common encoding fits and ``EmptyInputError`` for blank text.
    """
    text = _decode(data, filename)
    if not text.strip():
        raise EmptyInputError(filename, "holds only blank space; choose the file that holds the article's text.")
    controls = len(text) - len(text.translate(_DELETE_CONTROL))  # counted in C: a Python loop cost 2 ms an article
    if controls > _MAX_CONTROL_RATIO * len(text):
        raise _binary_error(data, filename)
    return text.replace("\x00", "")


def _decode(data: bytes, filename: str) -> str:
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise UndecodableInputError(
                    filename,
                    f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding.upper()} "
                    f"(byte {err.start}); re-save it as UTF-8 and try again.",
                ) from err
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise _binary_error(data, filename)
        return utf16
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detected(data, filename)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: mostly-Latin text has NUL in every other byte."""
    if len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    half = len(data) // 2
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.3 * half and other.count(0) <= 0.01 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


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
