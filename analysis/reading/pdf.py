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
from analysis.reading.document import Document, real_authors


def pdf_document(data: bytes, filename: str) -> Document:
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
        authors=real_authors(author),
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


