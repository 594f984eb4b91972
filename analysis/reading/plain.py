"""Plain text and Markdown: decoding bytes whatever their encoding, Markdown stripped to text, front matter read."""

from __future__ import annotations

import codecs
import re
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


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_QUOTE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)


def markdown_document(text: str) -> Document:
    """Markdown: front matter (title, author(s), date, source) as metadata, markup removed from the text."""
    meta: dict[str, Any] = {}
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    front = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if front:
        meta = _front_matter(front.group(1))
        text = text.lstrip("\ufeff")[front.end():]
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    authors = meta.get("authors") or meta.get("author") or ()
    if isinstance(authors, str):
        authors = split_authors(authors)
    return Document(
        text=text,
        title=meta.get("title") or None,
        authors=tuple(authors),
        published=as_date(meta.get("date") or meta.get("published")),
        source=meta.get("source") or meta.get("publisher") or meta.get("site") or None,
    )


def _front_matter(block: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    key = None
    for line in block.split("\n"):
        item = re.match(r"^\s+-\s+(.+)$", line)
        if item and key:
            meta.setdefault(key, [])
            if isinstance(meta[key], list):
                meta[key].append(_unquote(item.group(1)))
            continue
        pair = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if not pair:
            continue
        key, value = pair.group(1).lower(), pair.group(2).strip()
        if value.startswith("[") and value.endswith("]"):
            meta[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            meta[key] = _unquote(value)
    return {k: v for k, v in meta.items() if v}


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1].strip()
    return value


