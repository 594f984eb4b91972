"""Reading what people upload: file bytes in, text and metadata out.

:func:`read_document` turns the bytes of a ``.txt``, ``.md``, ``.html``/``.htm``, ``.pdf`` or ``.docx`` file into
a :class:`Document` (text plus whatever metadata the file carries); :func:`load_article` goes on to
:func:`analysis.text.parse_article`. Every failure is an :class:`analysis.errors.InputError` subclass whose
message names the file and says how to fix the problem; nothing here touches the file system or the network.

A file name is only ever used for its base name (``../../x.txt`` -> ``x.txt``) and its extension, never as a
path.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import logging
import os
import re
import statistics
import warnings
import zipfile
from dataclasses import dataclass, replace
from typing import Any

from analysis.errors import (
    BinaryInputError,
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    FileTooLargeError,
    InputError,
    NoTextLayerError,
    StoryscopeError,
    UndecodableInputError,
    UnsupportedFormatError,
)
from analysis.models import Article

#: Extensions read_document accepts, in the order they are listed to users.
SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
#: Upload limit in megabytes (MiB) unless ``STORYSCOPE_MAX_UPLOAD_MB`` says otherwise.
DEFAULT_MAX_UPLOAD_MB = 20
MAX_UPLOAD_ENV = "STORYSCOPE_MAX_UPLOAD_MB"
#: A DOCX may inflate to at most this many bytes in all (python-docx keeps every part in memory) ...
DOCX_MAX_INFLATED_BYTES = 100 * 1024 * 1024
#: ... and no part larger than DOCX_RATIO_MIN_BYTES may inflate more than this many times (Word's XML: ~30x).
DOCX_MAX_RATIO = 100
DOCX_RATIO_MIN_BYTES = 1024 * 1024

_MB = 1024 * 1024
_TEXT_EXTENSIONS = frozenset({".txt", ".md"})
_HTML_EXTENSIONS = frozenset({".html", ".htm"})
#: Control characters that never occur in text (tab, line feed, form feed, carriage return do).
_CONTROL = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x0B, 0x7F}
_MAX_CONTROL_RATIO = 0.01
#: Among equally plausible decodings, prefer the common Western ones (the text is identical across a group).
_PREFERRED_ENCODINGS = ("utf_8", "cp1252", "latin_1", "iso8859_15")
#: The creation date python-docx's default template carries: a placeholder, not when the article was written.
_DOCX_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)
_PLACEHOLDER_AUTHORS = frozenset({"python-docx", "microsoft office user", "unknown", "author", "administrator"})

# Extractors log through `logging`; without a handler Python would print their warnings on stderr.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "pypdf", "docx"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Document:
    """What a file holds before it becomes an :class:`~analysis.models.Article`.

    text: the readable text, paragraphs separated by blank lines (not yet normalised).
    title, authors, published, source: metadata the file itself declares (HTML meta tags, PDF/DOCX
    properties, Markdown front matter), or None / () when it declares none.
    """

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    source: str | None = None


def safe_filename(filename: str | None) -> str:
    """The base name of ``filename`` with path parts and control characters removed (``../../x.txt`` -> ``x.txt``).

    Both ``/`` and ``\\`` count as separators; an empty result becomes ``"unnamed"``.
    """
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    if name in ("", ".", ".."):
        return "unnamed"
    return name[:255]


def max_upload_bytes() -> int:
    """The upload limit in bytes: ``$STORYSCOPE_MAX_UPLOAD_MB`` megabytes (MiB), 20 by default."""
    raw = os.environ.get(MAX_UPLOAD_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_UPLOAD_MB * _MB
    try:
        megabytes = float(raw)
    except ValueError:
        megabytes = -1.0
    if not megabytes > 0:
        raise StoryscopeError(
            f"{MAX_UPLOAD_ENV}={raw!r} is not a number of megabytes; set it to a positive number such as 20, "
            "or unset it to use the default."
        )
    return int(megabytes * _MB)


def read_document(data: bytes, filename: str, *, max_bytes: int | None = None) -> Document:
    """Read the text and metadata of one uploaded file.

    ``filename`` only gives the format (its extension) and the name used in messages; ``max_bytes``
    defaults to :func:`max_upload_bytes`. Raises ``UnsupportedFormatError``, ``FileTooLargeError``,
    ``EmptyInputError``, ``BinaryInputError``, ``UndecodableInputError``, ``CorruptFileError``,
    ``EncryptedFileError`` or ``NoTextLayerError``, each naming the file.
    """
    name = safe_filename(filename)
    extension = os.path.splitext(name)[1].lower()
    if extension not in SUPPORTED_EXTENSIONS:
        shown = f"“{extension}” files" if extension else "files without an extension"
        raise UnsupportedFormatError(
            name,
            f"{shown} cannot be read; Storyscope reads {', '.join(SUPPORTED_EXTENSIONS)}. "
            "Save the article in one of these formats (or paste its text) and try again.",
        )
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    if len(data) > limit:
        raise FileTooLargeError(
            name,
            f"is {_size(len(data))}, over the {_size(limit)} limit; upload a smaller file "
            f"(or raise the limit with {MAX_UPLOAD_ENV}).",
        )
    if not data.strip():
        raise EmptyInputError(name, "is empty; choose the file that holds the article's text.")
    if extension in _TEXT_EXTENSIONS:
        text = decode_text(data, name)
        return _markdown_document(text) if extension == ".md" else Document(text=text)
    if extension in _HTML_EXTENSIONS:
        return _html_document(data, name)
    if extension == ".pdf":
        return _pdf_document(data, name)
    return _docx_document(data, name)


def load_article(data: bytes, filename: str, *, max_bytes: int | None = None) -> Article:
    """:func:`read_document` then :func:`analysis.text.parse_article`: the file as an Article.

    Metadata declared by HTML pages and Markdown front matter, and the title of PDF/DOCX files, win over
    what is detected in the text; PDF/DOCX author and creation date are only used when the text names none
    (they describe the file, which is often not the article).
    """
    from analysis.text import parse_article

    name = safe_filename(filename)
    doc = read_document(data, name, max_bytes=max_bytes)
    extension = os.path.splitext(name)[1].lower()
    file_properties = extension in (".pdf", ".docx")
    try:
        article = parse_article(
            doc.text,
            title=doc.title,
            authors=None if file_properties or not doc.authors else list(doc.authors),
            published=None if file_properties else doc.published,
            source=doc.source,
            filename=name,
        )
    except InputError as err:
        if err.filename:
            raise
        raise type(err)(name, err.problem) from err
    if file_properties:
        if not article.authors and doc.authors:
            article = replace(article, authors=doc.authors)
        if article.published is None and doc.published is not None:
            article = replace(article, published=doc.published)
    return article


# --- plain text -----------------------------------------------------------------------------------------


def decode_text(data: bytes, filename: str) -> str:
    """The text of ``data``, its encoding detected: BOM, UTF-16 without BOM, UTF-8, then charset-normalizer.

    Raises ``BinaryInputError`` for binary data (NUL bytes outside UTF-16, many control characters),
    ``UndecodableInputError`` when no common encoding fits and ``EmptyInputError`` for blank text.
    """
    text = _decode(data, filename)
    if not text.strip():
        raise EmptyInputError(filename, "holds only blank space; choose the file that holds the article's text.")
    controls = sum(1 for ch in text if ord(ch) in _CONTROL)
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


def _markdown_document(text: str) -> Document:
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
        authors = _split_authors(authors)
    return Document(
        text=text,
        title=meta.get("title") or None,
        authors=tuple(authors),
        published=_date(meta.get("date") or meta.get("published")),
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


# --- HTML -----------------------------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _html_document(data: bytes, filename: str) -> Document:
    """HTML: trafilatura's main text (no scripts, navigation, footers or comments) and the page's metadata."""
    import trafilatura

    html = _XML_DECLARATION.sub("", _decode_html(data, filename))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_images=False,
                include_links=False,
                include_tables=True,
            )
    except Exception as err:  # noqa: BLE001 - the extractor's failures become our error
        raise CorruptFileError(
            filename, f"could not be read as a web page ({type(err).__name__}); save the page again and retry."
        ) from err
    text = getattr(found, "text", None) or ""
    if not text.strip():
        raise EmptyInputError(
            filename,
            "holds no readable article text (only scripts, menus or markup); save the page after it has "
            "loaded, or paste the article's text instead.",
        )
    meta = found
    return Document(
        # trafilatura puts one block (paragraph, heading, list item) per line.
        text="\n\n".join(line.strip() for line in text.split("\n") if line.strip()),
        title=(meta.title or "").strip() or None,
        authors=_split_authors(meta.author or ""),
        published=_date(meta.date),
        source=(meta.sitename or meta.hostname or "").strip() or None,
    )


def _decode_html(data: bytes, filename: str) -> str:
    """HTML text: BOM, UTF-16, UTF-8, then the page's own ``<meta charset>``, then detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data:
        return decode_text(data, filename)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii").lower()
        # Browsers read pages labelled Latin-1 as Windows-1252 (the WHATWG encoding standard).
        encoding = "cp1252" if label in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii") else label
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, filename)


# --- PDF ------------------------------------------------------------------------------------------------


def _pdf_document(data: bytes, filename: str) -> Document:
    """PDF: the text layer, paragraphs rebuilt from line spacing; title, author and creation date."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    if b"%PDF" not in data[:1024]:
        raise CorruptFileError(filename, "is not a PDF file (no PDF header); check that it is the right file.")
    if b"%%EOF" not in data[-2048:]:
        raise CorruptFileError(
            filename, "is truncated (its end is missing); download or export the PDF again and retry."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                try:
                    unlocked = reader.decrypt("")
                except (DependencyError, NotImplementedError) as err:
                    raise _encrypted(filename) from err
                if not unlocked:
                    raise _encrypted(filename)
            pages = [_pdf_page_lines(page) for page in reader.pages]
            info = reader.metadata
            title = _pdf_title(info.title if info else None)
            author = (info.author or "") if info else ""
            created = info.creation_date if info else None
    except InputError:
        raise
    except (FileNotDecryptedError,) as err:
        raise _encrypted(filename) from err
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, AssertionError, ZeroDivisionError) as err:
        raise CorruptFileError(
            filename, f"is a damaged PDF ({type(err).__name__}); export or download it again and retry."
        ) from err
    if not pages:
        raise EmptyInputError(filename, "has no pages; check that it is the right file.")
    text = _pdf_paragraphs(pages)
    if not text.strip():
        raise NoTextLayerError(
            filename,
            "has no text layer (is it a scan?); run it through OCR (e.g. `ocrmypdf`) or paste the article's "
            "text instead.",
        )
    return Document(
        text=text,
        title=title,
        authors=_real_authors(author),
        published=created.date() if isinstance(created, dt.datetime) else None,
    )


def _encrypted(filename: str) -> EncryptedFileError:
    return EncryptedFileError(
        filename, "is encrypted (password-protected); open it, save or print an unprotected copy, and upload that."
    )


def _pdf_page_lines(page: Any) -> list[tuple[str, float | None]]:
    """The page's lines of text in reading order, each with its baseline height (None when unknown)."""
    lines: list[tuple[str, float | None]] = []
    pending: list[str] = []
    pending_y: list[float | None] = [None]

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if not text:
            return
        try:
            y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
        except (TypeError, ValueError, IndexError):
            y = None
        parts = text.split("\n")
        for i, part in enumerate(parts):
            if part and pending_y[0] is None:
                pending_y[0] = y
            pending.append(part)
            if i < len(parts) - 1:
                lines.append(("".join(pending), pending_y[0]))
                pending.clear()
                pending_y[0] = None

    page.extract_text(visitor_text=visit)
    if pending:
        lines.append(("".join(pending), pending_y[0]))
    return [(line.strip(), y) for line, y in lines]


def _pdf_paragraphs(pages: list[list[tuple[str, float | None]]]) -> str:
    """Join lines into paragraphs.

    A paragraph ends at a blank line, where the gap to the next line is clearly wider than the usual line
    spacing, or after a line that ends a sentence well short of the text's full line width.
    """
    gaps = [
        prev_y - y
        for lines in pages
        for (_, prev_y), (_, y) in zip(lines, lines[1:])
        if prev_y is not None and y is not None and prev_y - y > 0
    ]
    usual = min(g for g in gaps if g >= 0.5 * statistics.median(gaps)) if gaps else None
    widths = sorted(len(line) for lines in pages for line, _ in lines if line)
    full_width = widths[int(0.9 * (len(widths) - 1))] if widths else 0
    paragraphs: list[list[str]] = []
    current: list[str] = []

    def close() -> None:
        if current:
            paragraphs.append(current.copy())
            current.clear()

    for lines in pages:
        prev_y: float | None = None
        for line, y in lines:
            if not line:
                close()
                continue
            if re.fullmatch(r"\d{1,4}", line):  # a page number
                continue
            if usual and prev_y is not None and y is not None and prev_y - y > 1.4 * usual:
                close()
            elif current and current[-1].endswith((".", "!", "?", "”", "\"", ":")) and (
                len(current[-1]) < 0.7 * full_width
            ):
                close()
            current.append(line)
            prev_y = y
        # A page ends a paragraph unless its last sentence runs on.
        if current and current[-1].endswith((".", "!", "?", "”", "\"", ":")):
            close()
    close()
    return "\n\n".join(_join_lines(p) for p in paragraphs)


def _join_lines(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        out = out + line if out.endswith("-") and out[-2:-1].isalpha() else f"{out} {line}"
    return out


def _pdf_title(title: Any) -> str | None:
    """A PDF's title property, unless it is a file name or an application's label ("Microsoft Word - x.doc")."""
    title = str(title or "").strip()
    if not title or re.search(r"\.(docx?|pdf|odt|rtf|txt|html?|indd|qxp)$", title, re.I):
        return None
    if re.match(r"^(Microsoft Word|untitled)\b", title, re.I):
        return None
    return title


# --- DOCX -----------------------------------------------------------------------------------------------


def _docx_document(data: bytes, filename: str) -> Document:
    """DOCX: body paragraphs and table cells in order; core properties for title, author and creation date.

    The zip is inspected first: the sizes it declares must stay within DOCX_MAX_INFLATED_BYTES and
    DOCX_MAX_RATIO (zipfile never inflates a part beyond its declared size, so the check holds).
    """
    _check_docx_archive(data, filename)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = docx.Document(io.BytesIO(data))
            blocks = _docx_blocks(document)
            props = document.core_properties
            title, author, created = props.title, props.author, props.created
    except (PackageNotFoundError, KeyError, ValueError, TypeError, AttributeError, zipfile.BadZipFile,
            EOFError, OSError, NotImplementedError) as err:
        raise CorruptFileError(
            filename, f"is a damaged Word document ({type(err).__name__}); open it in Word, save it again and retry."
        ) from err
    except Exception as err:  # noqa: BLE001 - lxml's XMLSyntaxError and other parser failures
        raise CorruptFileError(
            filename, f"is a damaged Word document ({type(err).__name__}); open it in Word, save it again and retry."
        ) from err
    if not any(b.strip() for b in blocks):
        raise EmptyInputError(filename, "holds no text; check that it is the right document.")
    # A document made from python-docx's template keeps the template's author and creation date.
    template = (author or "").strip().lower() == "python-docx" or (
        isinstance(created, dt.datetime) and created.replace(tzinfo=None) == _DOCX_TEMPLATE_CREATED
    )
    return Document(
        text="\n\n".join(blocks),
        title=(title or "").strip() or None,
        authors=_real_authors(author or ""),
        published=created.date() if isinstance(created, dt.datetime) and not template else None,
    )


def _check_docx_archive(data: bytes, filename: str) -> None:
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
            f"would inflate to {_size(total)} when unpacked (a zip bomb?) and was not opened; "
            "upload the document saved normally from Word.",
        )


def _docx_blocks(document: Any) -> list[str]:
    blocks: list[str] = []
    seen_cells: set[Any] = set()  # the cell elements themselves: kept alive, they cannot be confused
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc in seen_cells:  # a merged cell repeats
                        continue
                    seen_cells.add(cell._tc)
                    blocks.extend(p.text.strip() for p in cell.paragraphs if p.text.strip())
        elif item.text.strip():
            blocks.append(item.text.strip())
    return blocks


# --- shared helpers -------------------------------------------------------------------------------------


def _size(n: int) -> str:
    """A byte count for people: "20 MB", "1.5 MB", "300 KB", "12 bytes"."""
    if n >= _MB:
        return f"{n / _MB:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def _split_authors(value: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:;|\||&|\band\b)\s*", value or "")
    return tuple(p.strip() for p in parts if p and p.strip())


def _placeholder_author(value: str | None) -> bool:
    return (value or "").strip().lower() in _PLACEHOLDER_AUTHORS


def _real_authors(value: str) -> tuple[str, ...]:
    """Authors from a file property, without the placeholders tools write ("python-docx", "Author" ...)."""
    return tuple(a for a in _split_authors(value) if not _placeholder_author(a))


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None
