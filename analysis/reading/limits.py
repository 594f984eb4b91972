"""The ceilings that keep any one upload's time and memory bounded, each configurable by an environment variable.

- ``STORYSCOPE_MAX_WORDS`` (default 2,000,000): an article with more words is refused before it is analysed;
- ``STORYSCOPE_MAX_PDF_PAGES`` (default 1,000): a PDF with more pages is refused before its text is extracted.

(The upload size, ``STORYSCOPE_MAX_UPLOAD_MB``, lives in :mod:`analysis.reading.readers`.) A value that is not
a positive, finite number is refused with a message that names the variable.
"""

from __future__ import annotations

import math
import os
import re

from analysis.errors import ArticleTooLongError, StoryscopeError

MAX_WORDS_ENV = "STORYSCOPE_MAX_WORDS"
DEFAULT_MAX_WORDS = 2_000_000
MAX_PDF_PAGES_ENV = "STORYSCOPE_MAX_PDF_PAGES"
DEFAULT_MAX_PDF_PAGES = 1_000

_WORD = re.compile(r"\S+")


def env_number(name: str, default: float, *, unit: str, example: str) -> float:
    """The positive, finite number in ``$name`` (``default`` when unset or blank), else a StoryscopeError."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw.replace("_", ""))
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and value > 0):
        problem = "is not a finite number" if raw.lower().lstrip("+-") in ("inf", "infinity") else "is not a number"
        raise StoryscopeError(
            f"{name}={raw!r} {problem} of {unit}; set it to a positive number such as {example}, "
            "or unset it to use the default."
        )
    return value


def max_words() -> int:
    """The most words an article may have: ``$STORYSCOPE_MAX_WORDS``, 2 million by default."""
    return int(env_number(MAX_WORDS_ENV, DEFAULT_MAX_WORDS, unit="words", example="2000000"))


def max_pdf_pages() -> int:
    """The most pages a PDF may have: ``$STORYSCOPE_MAX_PDF_PAGES``, 1,000 by default."""
    return int(env_number(MAX_PDF_PAGES_ENV, DEFAULT_MAX_PDF_PAGES, unit="pages", example="1000"))


def words_up_to(text: str, limit: int) -> int:
    """The number of whitespace-separated words in ``text``, counting stops past ``limit`` (at most limit + 1).

    Time is linear in the text up to the limit; no list of words is built.
    """
    count = 0
    for _ in _WORD.finditer(text):
        count += 1
        if count > limit:
            break
    return count


def check_words(text: str, filename: str | None, *, limit: int | None = None) -> None:
    """Raise ArticleTooLongError when ``text`` has more than ``limit`` (default :func:`max_words`) words."""
    limit = max_words() if limit is None else limit
    if len(text) > limit and words_up_to(text, limit) > limit:  # a word takes at least one character
        raise too_long(filename, limit)


def too_long(filename: str | None, limit: int) -> ArticleTooLongError:
    return ArticleTooLongError(
        filename,
        f"has more than {limit:,} words, over the limit for one article; split it into smaller articles "
        f"(or raise the limit with {MAX_WORDS_ENV}).",
    )


__all__ = [
    "DEFAULT_MAX_PDF_PAGES", "DEFAULT_MAX_WORDS", "MAX_PDF_PAGES_ENV", "MAX_WORDS_ENV", "check_words",
    "env_number", "max_pdf_pages", "max_words", "too_long", "words_up_to",
]
