"""Reading what people upload: file bytes in, text and metadata out.

:func:`read_document` turns the bytes of a ``.txt``, ``.md``, ``.html``/``.htm``, ``.pdf`` or ``.docx`` file into
a :class:`Document` (text plus whatever metadata the file carries); :func:`load_article` goes on to
:func:`analysis.reading.text.parse_article`. Every failure is an :class:`analysis.errors.InputError` subclass whose
message names the file and says how to fix the problem; nothing here touches the file system or the network.

A file name is only ever used for its base name (``../../x.txt`` -> ``x.txt``) and its extension, never as a
path.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace

from analysis.errors import (
    EmptyInputError,
    FileTooLargeError,
    InputError,
    UnsupportedFormatError,
)
from analysis.models import Article
from analysis.reading.document import Document, size_text
from analysis.reading.docx import (
    DOCX_MAX_INFLATED_BYTES,
    DOCX_MAX_RATIO,
    DOCX_RATIO_MIN_BYTES,
    docx_document,
)
from analysis.reading.html import html_document
from analysis.reading.limits import check_words, env_number
from analysis.reading.pdf import pdf_document
from analysis.reading.plain import decode_text, markdown_document

#: Extensions read_document accepts, in the order they are listed to users.
SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
#: Upload limit in megabytes (MiB) unless ``STORYSCOPE_MAX_UPLOAD_MB`` says otherwise.
DEFAULT_MAX_UPLOAD_MB = 20
MAX_UPLOAD_ENV = "STORYSCOPE_MAX_UPLOAD_MB"

_MB = 1024 * 1024
_TEXT_EXTENSIONS = frozenset({".txt", ".md"})
_HTML_EXTENSIONS = frozenset({".html", ".htm"})


# Extractors log through `logging`; without a handler Python would print their warnings on stderr.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "pypdf", "docx"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def safe_filename(filename: str | None) -> str:
    """The base name of ``filename`` with path parts and control characters removed (``../../x.txt`` -> ``x.txt``).

    Both ``/`` and ``\\`` count as separators; an empty result becomes ``"unnamed"``. A name longer than 255
    characters is shortened in its stem, so it keeps its extension (which says how to read it).
    """
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    if name in ("", ".", ".."):
        return "unnamed"
    if len(name) > 255:
        stem, extension = os.path.splitext(name)
        name = stem[: 255 - len(extension)].rstrip() + extension if len(extension) <= 16 else name[:255]
    return name


def max_upload_bytes() -> int:
    """The upload limit in bytes: ``$STORYSCOPE_MAX_UPLOAD_MB`` megabytes (MiB), 20 by default."""
    megabytes = env_number(MAX_UPLOAD_ENV, DEFAULT_MAX_UPLOAD_MB, unit="megabytes", example="20")
    return int(megabytes * _MB)


def read_document(data: bytes, filename: str, *, max_bytes: int | None = None) -> Document:
    """Read the text and metadata of one uploaded file.

    ``filename`` only gives the format (its extension) and the name used in messages; ``max_bytes``
    defaults to :func:`max_upload_bytes`. Raises ``UnsupportedFormatError``, ``FileTooLargeError``,
    ``EmptyInputError``, ``BinaryInputError``, ``UndecodableInputError``, ``CorruptFileError``,
    ``EncryptedFileError``, ``NoTextLayerError`` or ``ArticleTooLongError`` (more words than
    :func:`analysis.reading.limits.max_words`), each naming the file.
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
            f"is {size_text(len(data))}, over the {size_text(limit)} limit; upload a smaller file "
            f"(or raise the limit with {MAX_UPLOAD_ENV}).",
        )
    if not data.strip():
        raise EmptyInputError(name, "is empty; choose the file that holds the article's text.")
    if extension in _TEXT_EXTENSIONS:
        text = decode_text(data, name)
        check_words(text, name)  # before the Markdown is even parsed
        document = markdown_document(text) if extension == ".md" else Document(text=text)
        if not document.text.strip():  # Markdown that is all markup ("*", "---", raw HTML)
            raise EmptyInputError(name, "holds no text once its Markdown markup is set aside; choose the file "
                                        "that holds the article's text.")
    elif extension in _HTML_EXTENSIONS:
        document = html_document(data, name)
    elif extension == ".pdf":
        document = pdf_document(data, name)  # stops early, past the word limit
    else:
        document = docx_document(data, name)  # stops early, past the word limit
    check_words(document.text, name)
    return document


def load_article(data: bytes, filename: str, *, max_bytes: int | None = None) -> Article:
    """:func:`read_document` then :func:`analysis.reading.text.parse_article`: the file as an Article.

    Metadata declared by HTML pages and Markdown front matter, and the title of PDF/DOCX files, win over
    what is detected in the text; PDF/DOCX author and creation date are only used when the text names none
    (they describe the file, which is often not the article).
    """
    from analysis.reading.text import parse_article

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


__all__ = [
    "DOCX_MAX_INFLATED_BYTES", "DOCX_MAX_RATIO", "DOCX_RATIO_MIN_BYTES", "Document", "SUPPORTED_EXTENSIONS",
    "decode_text", "load_article", "max_upload_bytes", "read_document", "safe_filename",
]
