"""HTML pages: the article's main text and its metadata (trafilatura, no network)."""

from __future__ import annotations

import codecs
import re
import warnings

from analysis.errors import (
    CorruptFileError,
    EmptyInputError,
)
from analysis.reading.document import Document, as_date, split_authors
from analysis.reading.plain import decode_text

_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def html_document(data: bytes, filename: str) -> Document:
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
        authors=split_authors(meta.author or ""),
        published=as_date(meta.date),
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


