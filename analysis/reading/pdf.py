"""PDF files: the text layer (pypdf) rebuilt into paragraphs, and the file's title, author and date."""

from __future__ import annotations

import datetime as dt
import io
import re
import statistics
import warnings
from typing import Any

from analysis.errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    InputError,
    NoTextLayerError,
)
from analysis.reading.document import Document, real_authors, size_text
from analysis.reading.limits import MAX_PDF_PAGES_ENV, max_pdf_pages, max_words, too_long, words_up_to

#: No stream of a PDF may inflate to more than this many bytes (counted as they are inflated, whatever the
#: file declares); the text of a page is a few KB, an image a few MB.
PDF_MAX_STREAM_BYTES = 16 * 1024 * 1024
#: The pages' content streams together may hold at most this many bytes once inflated, one page at most
#: PDF_MAX_PAGE_CONTENT_BYTES: text extraction takes ~4 s a MB here (more for one huge page), and a news
#: article's pages hold well under 1 MB.
PDF_MAX_CONTENT_BYTES = 8 * 1024 * 1024
PDF_MAX_PAGE_CONTENT_BYTES = 2 * 1024 * 1024
_STREAM_LIMITS = (
    "zlib_maximum_output_length", "lzw_maximum_output_length", "run_length_maximum_output_length",
    "brotli_maximum_output_length", "jbig2_maximum_output_length", "array_based_stream_maximum_output_length",
    "image_maximum_buffer_size",
)


def pdf_document(data: bytes, filename: str) -> Document:
    """PDF: the text layer, paragraphs rebuilt from line spacing; title, author and creation date.

    Bounded: a PDF with more than :func:`~analysis.reading.limits.max_pdf_pages` pages is refused before any
    text is extracted, no stream may inflate past PDF_MAX_STREAM_BYTES, and extraction stops (with a refusal)
    once the text holds more than :func:`~analysis.reading.limits.max_words` words or the pages' content
    more than PDF_MAX_CONTENT_BYTES.
    """
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError, PyPdfError

    if b"%PDF" not in data[:1024]:
        raise CorruptFileError(filename, "is not a PDF file (no PDF header); check that it is the right file.")
    if b"%%EOF" not in data[-2048:]:
        raise CorruptFileError(
            filename, "is truncated (its end is missing); download or export the PDF again and retry."
        )
    page_limit, word_limit = max_pdf_pages(), max_words()
    try:
        with warnings.catch_warnings(), apply_configuration(
            **dict.fromkeys(_STREAM_LIMITS, PDF_MAX_STREAM_BYTES), xform_maximum_invocations_per_extraction=200
        ):
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                # An owner password only restricts editing or printing: every viewer opens such a file (the
                # empty user password decrypts it, RC4 or AES). A user password is needed to read at all.
                try:
                    unlocked = reader.decrypt("")
                except (DependencyError, NotImplementedError) as err:
                    raise CorruptFileError(
                        filename, f"is encrypted in a way Storyscope cannot read ({err}); open it, save a copy "
                        "without protection and upload that."
                    ) from err
                if not unlocked:
                    raise _encrypted(filename)
            if len(reader.pages) > page_limit:
                raise CorruptFileError(
                    filename,
                    f"has {len(reader.pages):,} pages, over the limit of {page_limit:,}; upload the pages that "
                    f"hold the article (or raise the limit with {MAX_PDF_PAGES_ENV}).",
                )
            pages, words, content_bytes = [], 0, 0
            for page in reader.pages:
                contents = page.get_contents()
                page_bytes = len(contents.get_data()) if contents is not None else 0
                content_bytes += page_bytes
                if page_bytes > PDF_MAX_PAGE_CONTENT_BYTES or content_bytes > PDF_MAX_CONTENT_BYTES:
                    where = (f"page {len(pages) + 1} holds more than {size_text(PDF_MAX_PAGE_CONTENT_BYTES)}"
                             if page_bytes > PDF_MAX_PAGE_CONTENT_BYTES
                             else f"holds more than {size_text(PDF_MAX_CONTENT_BYTES)}")
                    raise CorruptFileError(
                        filename,
                        f"{where} of page content, far more than an article; upload the pages that hold the "
                        "article, or paste its text.",
                    )
                pages.append(_pdf_page_lines(page))
                words += sum(words_up_to(line, word_limit) for line, _ in pages[-1])
                if words > word_limit:
                    raise too_long(filename, word_limit)
            info = reader.metadata
            title = _pdf_title(info.title if info else None)
            author = (info.author or "") if info else ""
            created = info.creation_date if info else None
    except InputError:
        raise
    except (FileNotDecryptedError,) as err:
        raise _encrypted(filename) from err
    except LimitReachedError as err:
        raise CorruptFileError(
            filename, f"holds more data than a news article could ({err}); it was not read. Export the article "
            "to PDF again, or paste its text."
        ) from err
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
        authors=real_authors(author),
        published=created.date() if isinstance(created, dt.datetime) else None,
    )


def _encrypted(filename: str) -> EncryptedFileError:
    return EncryptedFileError(
        filename, "this PDF is password-protected; open it and save a copy without a password, then upload that."
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
    usual = None
    if gaps:  # the smallest gap not far below the median: the usual line spacing (median computed once)
        median = statistics.median(gaps)
        usual = min(g for g in gaps if g >= 0.5 * median)
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
    """The lines of one paragraph as one line: a word hyphenated at a line end is joined, others get a space."""
    parts = [lines[0]]
    for prev, line in zip(lines, lines[1:]):
        hyphenated = prev.endswith("-") and prev[-2:-1].isalpha()
        parts.append(line if hyphenated else " " + line)
    return "".join(parts)


def _pdf_title(title: Any) -> str | None:
    """A PDF's title property, unless it is a file name or an application's label ("Microsoft Word - x.doc")."""
    title = str(title or "").strip()
    if not title or re.search(r"\.(docx?|pdf|odt|rtf|txt|html?|indd|qxp)$", title, re.I):
        return None
    if re.match(r"^(Microsoft Word|untitled)\b", title, re.I):
        return None
    return title


