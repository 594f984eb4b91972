"""Every CSV Storyscope writes (the CLI's ``--format csv`` and the dashboard's downloads) is made here.

User text (titles, sources, authors, entity names, paragraph openings) can start with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return; a spreadsheet opening the CSV would run such a cell as a formula. Following OWASP's
advice on CSV injection, a text cell starting with one of these gets a single quote in front, which spreadsheets
show as text and never evaluate. Numbers (a negative polarity, say) are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

import pandas as pd

#: The first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` ready for a CSV cell: text that a spreadsheet would run as a formula gets a leading ``'``.

    Lists and tuples are joined with ``"; "`` (each item made safe), None becomes an empty cell, anything
    else that is not text (numbers, dates, booleans) is returned unchanged. Line breaks inside a cell are
    written as ``\\n`` (a lone CR would end the row for CSV readers).

    >>> safe_cell("=HYPERLINK(\\"http://x\\")"), safe_cell(-0.5), safe_cell(["@a", "b"])
    ('\\'=HYPERLINK("http://x")', -0.5, "'@a; b")
    """
    if value is None:
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return safe_cell("; ".join(str(v) for v in value))
    if isinstance(value, str):
        if value.startswith(FORMULA_STARTS):
            value = "'" + value
        if "\r" in value:  # a bare CR is not quoted when rows end in LF: readers would split the row there
            value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def write_csv(file: IO[str], header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """Write one CSV table (header row, then ``rows``) to ``file``, every cell through :func:`safe_cell`."""
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])


def frame_csv(table: pd.DataFrame) -> str:
    """The DataFrame as CSV text (header row, no index), text cells through :func:`safe_cell`."""
    flat = table.copy()
    for column in flat.columns:
        if not (pd.api.types.is_numeric_dtype(flat[column]) or pd.api.types.is_bool_dtype(flat[column])):
            flat[column] = flat[column].map(lambda v: "" if _missing(v) else safe_cell(v))
    flat.columns = [safe_cell(str(c)) for c in flat.columns]
    buffer = io.StringIO()
    flat.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def _missing(value: Any) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and arrays
        return False


__all__ = ["FORMULA_STARTS", "frame_csv", "safe_cell", "write_csv"]
