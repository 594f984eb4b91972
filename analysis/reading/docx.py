"""Word .docx files: paragraphs and tables (python-docx), behind a check of the archive's sizes."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from typing import Any

from analysis.errors import (
    CorruptFileError,
    EmptyInputError,
)
from analysis.reading.document import Document, real_authors, size_text

#: A DOCX may inflate to at most this many bytes in all (python-docx keeps every part in memory) ...
DOCX_MAX_INFLATED_BYTES = 100 * 1024 * 1024
#: ... and no part larger than DOCX_RATIO_MIN_BYTES may inflate more than this many times (Word's XML: ~30x).
DOCX_MAX_RATIO = 100
DOCX_RATIO_MIN_BYTES = 1024 * 1024
#: The creation date python-docx's default template carries: a placeholder, not when the article was written.
_DOCX_TEMPLATE_CREATED = dt.datetime(2013, 12, 23, 23, 15)


def docx_document(data: bytes, filename: str) -> Document:
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
        authors=real_authors(author or ""),
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
            f"would inflate to {size_text(total)} when unpacked (a zip bomb?) and was not opened; "
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


