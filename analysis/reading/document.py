"""What a file holds before it becomes an Article (:class:`Document`), and the helpers every format shares."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_MB = 1024 * 1024
_PLACEHOLDER_AUTHORS = frozenset({"python-docx", "microsoft office user", "unknown", "author", "administrator"})


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



def size_text(n: int) -> str:
    """A byte count for people: "20 MB", "1.5 MB", "300 KB", "12 bytes"."""
    if n >= _MB:
        return f"{n / _MB:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"


def split_authors(value: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:;|\||&|\band\b)\s*", value or "")
    return tuple(p.strip() for p in parts if p and p.strip())


def _placeholder_author(value: str | None) -> bool:
    return (value or "").strip().lower() in _PLACEHOLDER_AUTHORS


def real_authors(value: str) -> tuple[str, ...]:
    """Authors from a file property, without the placeholders tools write ("python-docx", "Author" ...)."""
    return tuple(a for a in split_authors(value) if not _placeholder_author(a))


def as_date(value: Any) -> dt.date | None:
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
