"""Word .docx files: paragraphs and tables streamed out of the archive, behind checks of its sizes.

The archive's members are inflated a chunk at a time with a cap on the bytes actually inflated (never
trusting the sizes the zip declares), and ``word/document.xml`` is parsed as a stream (lxml ``iterparse``),
each paragraph dropped once its text is taken: time is linear in the file and memory stays small whatever
the document's size. The text is what python-docx gives (body paragraphs and top-level table cells in order).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import IO

from analysis.errors import (
    CorruptFileError,
    EmptyInputError,
)
from analysis.reading.document import Document, real_authors, size_text
from analysis.reading.limits import max_words, too_long, words_up_to

#: A DOCX may inflate to at most this many bytes in all (as declared, and as actually inflated) ...
DOCX_MAX_INFLATED_BYTES = 100 * 1024 * 1024
#: ... and no part larger than DOCX_RATIO_MIN_BYTES may inflate more than this many times (Word's XML: ~30x).
DOCX_MAX_RATIO = 100
DOCX_RATIO_MIN_BYTES = 1024 * 1024
#: The creation date python-docx's default template carries: a placeholder, not when the article was written.
_DOCX_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)
_CHUNK = 64 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BODY, _P, _TBL, _TR, _TC = (f"{_W}{tag}" for tag in ("body", "p", "tbl", "tr", "tc"))
_RUN, _HYPERLINK, _TCPR, _VMERGE = f"{_W}r", f"{_W}hyperlink", f"{_W}tcPr", f"{_W}vMerge"
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}
_BR, _BR_TYPE = f"{_W}br", f"{_W}type"
_CORE = {
    "title": "{http://purl.org/dc/elements/1.1/}title",
    "author": "{http://purl.org/dc/elements/1.1/}creator",
    "created": "{http://purl.org/dc/terms/}created",
}
_DAMAGED = "is a damaged Word document ({}); open it in Word, save it again and retry."


class _InflatedTooMuch(Exception):
    """More bytes came out of the archive than DOCX_MAX_INFLATED_BYTES allows."""


def docx_document(data: bytes, filename: str) -> Document:
    """DOCX: body paragraphs and table cells in order; core properties for title, author and creation date.

    The zip is inspected first: the sizes it declares must stay within DOCX_MAX_INFLATED_BYTES and
    DOCX_MAX_RATIO. Reading then counts the bytes actually inflated against the same cap, and stops with a
    refusal once the text holds more than :func:`~analysis.reading.limits.max_words` words.
    """
    archive = _check_docx_archive(data, filename)
    from lxml import etree

    budget = [DOCX_MAX_INFLATED_BYTES]
    try:
        props = _core_properties(archive, budget)
        blocks = list(_docx_blocks(_member(archive, "word/document.xml", budget), filename))
    except _InflatedTooMuch as err:
        raise CorruptFileError(
            filename,
            f"inflates to more than {size_text(DOCX_MAX_INFLATED_BYTES)} when unpacked (a zip bomb?) and was not "
            "read; upload the document saved normally from Word.",
        ) from err
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, KeyError,
            NotImplementedError, RuntimeError, etree.LxmlError, zlib.error) as err:  # zlib: a damaged member
        raise CorruptFileError(filename, _DAMAGED.format(type(err).__name__)) from err
    if not any(b.strip() for b in blocks):
        raise EmptyInputError(filename, "holds no text; check that it is the right document.")
    title, author, created = props.get("title"), props.get("author"), _w3cdtf(props.get("created"))
    # A document made from python-docx's template keeps the template's author and creation date.
    template = (author or "").strip().lower() == "python-docx" or (
        isinstance(created, dt.datetime) and created.replace(tzinfo=None) == _DOCX_TEMPLATE_CREATED
    )
    return Document(
        text="\n\n".join(blocks),
        title=(title or "").strip() or None,
        authors=real_authors(author or ""),
        published=created.date() if isinstance(created, dt.datetime) and not template else None,
    )


def _check_docx_archive(data: bytes, filename: str) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError, NotImplementedError,
            UnicodeDecodeError) as err:
        raise CorruptFileError(
            filename, "is not a valid Word document (damaged or truncated zip); save it again from Word and retry."
        ) from err
    names = {m.filename for m in members}
    if "word/document.xml" not in names:
        raise CorruptFileError(
            filename, "is a zip archive but not a Word document (no word/document.xml); upload the .docx itself."
        )
    total = sum(m.file_size for m in members)
    swollen = [
        m for m in members
        if m.file_size > DOCX_RATIO_MIN_BYTES and m.file_size > DOCX_MAX_RATIO * max(m.compress_size, 1)
    ]
    if total > DOCX_MAX_INFLATED_BYTES or swollen:
        raise CorruptFileError(
            filename,
            f"would inflate to {size_text(total)} when unpacked (a zip bomb?) and was not opened; "
            "upload the document saved normally from Word.",
        )
    return archive


class _Member(io.RawIOBase):
    """One archive member, inflated a chunk at a time; every byte counts against the shared ``budget``."""

    def __init__(self, archive: zipfile.ZipFile, name: str, budget: list[int]) -> None:
        self._file = archive.open(name)
        self._budget = budget

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        # zipfile inflates at most `size` bytes per call when `size` is given: never ask for "everything".
        chunk = self._file.read(_CHUNK if size is None or size < 0 or size > _CHUNK else size)
        self._budget[0] -= len(chunk)
        if self._budget[0] < 0:
            raise _InflatedTooMuch()
        return chunk

    def readinto(self, buffer) -> int:  # type: ignore[override]
        chunk = self.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)

    def close(self) -> None:
        self._file.close()
        super().close()


def _member(archive: zipfile.ZipFile, name: str, budget: list[int]) -> IO[bytes]:
    return _Member(archive, name, budget)  # type: ignore[return-value]


def _parser_events(source: IO[bytes], tags: tuple[str, ...]):
    from lxml import etree

    # No entities, no network, no DTD: a document's XML is data, never instructions.
    return etree.iterparse(source, events=("end",), tag=tags, resolve_entities=False, no_network=True,
                           load_dtd=False, huge_tree=False, remove_comments=True)


def _core_properties(archive: zipfile.ZipFile, budget: list[int]) -> dict[str, str]:
    """Title, author and created (as text) from docProps/core.xml, when the file has one."""
    name = "docProps/core.xml"
    if name not in archive.NameToInfo:
        return {}
    props: dict[str, str] = {}
    wanted = {tag: key for key, tag in _CORE.items()}
    for _, element in _parser_events(_member(archive, name, budget), tuple(wanted)):
        props.setdefault(wanted[element.tag], (element.text or "").strip())
    return props


def _w3cdtf(value: str | None) -> dt.datetime | None:
    """A W3CDTF date-time ("2024-01-15T08:00:00Z", "2024-01-15") as a datetime, None when it is not one."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        value = value + ("-01-01" if len(value) == 4 else "-01")
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def _paragraph_text(paragraph) -> str:
    """The text python-docx gives for a ``w:p``: its runs (direct or in hyperlinks), tabs and breaks included."""
    parts: list[str] = []
    for child in paragraph:
        runs = (child,) if child.tag == _RUN else (child.iterchildren(_RUN) if child.tag == _HYPERLINK else ())
        for run in runs:
            for item in run:
                if item.tag in _RUN_TEXT:
                    parts.append(item.text or "" if _RUN_TEXT[item.tag] is None else _RUN_TEXT[item.tag])
                elif item.tag == _BR and item.get(_BR_TYPE, "textWrapping") == "textWrapping":
                    parts.append("\n")
    return "".join(parts)


def _counted_cell(paragraph) -> bool:
    """Whether a ``w:p`` is in a cell of a top-level table that python-docx lists (not a merged continuation)."""
    cell = paragraph.getparent()
    row = cell.getparent() if cell is not None else None
    table = row.getparent() if row is not None else None
    if table is None or table.tag != _TBL or table.getparent() is None or table.getparent().tag != _BODY:
        return False
    merge = cell.find(f"{_TCPR}/{_VMERGE}")
    return merge is None or merge.get(f"{_W}val") == "restart"


def _docx_blocks(source: IO[bytes], filename: str) -> Iterator[str]:
    """The text blocks of document.xml in order: body paragraphs, then the paragraphs of each table cell."""
    word_limit, words = max_words(), 0
    for _, element in _parser_events(source, (_P, _TBL, _TR)):
        parent = element.getparent()
        if element.tag == _P and parent is not None and (
            parent.tag == _BODY or (parent.tag == _TC and _counted_cell(element))
        ):
            text = _paragraph_text(element).strip()
            if text:
                words += words_up_to(text, word_limit)
                if words > word_limit:
                    raise too_long(filename, word_limit)
                yield text
        if parent is not None and parent.tag == _BODY:  # a finished block: drop it and what came before
            element.clear()
            while element.getprevious() is not None:
                del parent[0]
        elif element.tag in (_P, _TR) and not _inside_paragraph(element):
            element.clear(keep_tail=True)


def _inside_paragraph(element) -> bool:
    """Whether ``element`` sits inside a paragraph that is not finished yet (a text box, say)."""
    return any(ancestor.tag == _P for ancestor in element.iterancestors())
