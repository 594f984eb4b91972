"""What every command shares: reading a file named on the command line, reporting a failure in one line,
printing JSON and CSV, and the exit codes."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from analysis.errors import InputError, StoryscopeError

#: Every command's exit codes: 0 when all went well, 2 when any input failed or the arguments were wrong
#: (argparse's own code for usage errors), 130 when interrupted.
EXIT_OK = 0
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 or more")
    return number


def read_path(path: str) -> bytes:
    """The bytes of the regular file at ``path`` (size checked before reading; FIFOs, devices and symbolic
    links to files only their owner may read refused), or an InputError naming it and saying what is wrong."""
    from analysis.reading.files import read_path as read

    return read(path)


def load_path(path: str):
    """Read the file at ``path`` into an Article, or raise a StoryscopeError naming it."""
    from analysis.reading.readers import load_article

    return load_article(read_path(path), Path(path).name)


def report_failure(path: str, err: BaseException, *, doing: str = "analysed") -> None:
    """One line on stderr: the file and what is wrong with it (never a traceback)."""
    if isinstance(err, InputError):
        message = f"{path}: {err.problem}"
    elif isinstance(err, StoryscopeError):
        message = f"{path}: {err}"
    else:
        message = f"{path}: could not be {doing} ({type(err).__name__}: {err}); please report this."
    print(one_line(message), file=sys.stderr)


def print_json(value: Any) -> None:
    """``value`` as indented JSON on stdout (non-ASCII kept)."""
    sys.stdout.write(indented_json(value))
    sys.stdout.write("\n")


def indented_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, character for character, about three times faster.

    With ``indent`` the standard library encodes in Python through generators (its C encoder does not indent
    before Python 3.13), which cost more than the analyses of a batch of articles; here each string is encoded
    by the C function the standard library uses and the pieces are joined once. Values of other types than
    dict, list, tuple, str, int, float, bool and None are left to the standard library (which may raise).
    """
    pieces: list[str] = []
    try:
        _indented(value, pieces, "\n")
    except _Unusual:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(pieces)


class _Unusual(Exception):
    """A value :func:`indented_json` leaves to the standard library."""


_encode_string = json.encoder.encode_basestring  # what json uses with ensure_ascii=False (C when available)
_float_repr = float.__repr__
_int_repr = int.__repr__


def _indented(value: Any, out: list[str], newline: str) -> None:
    kind = type(value)
    if kind is str:
        out.append(_encode_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(_int_repr(value))
    elif kind is float:
        out.append(_float_text(value))
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        out.append("[")
        separator = inner
        for item in value:
            out.append(separator)
            _indented(item, out, inner)
            separator = "," + inner
        out.append(newline)
        out.append("]")
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        out.append("{")
        separator = inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out.append(separator)
            out.append(_encode_string(key))
            out.append(": ")
            _indented(item, out, inner)
            separator = "," + inner
        out.append(newline)
        out.append("}")
    else:
        raise _Unusual


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return _float_repr(value)


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """One CSV table on stdout: lists joined with "; ", None as an empty cell, formula-like text quoted
    (:mod:`analysis.csvfile`)."""
    from analysis.csvfile import write_csv as write

    write(sys.stdout, header, rows)


def one_line(message: str) -> str:
    """``message`` with its whitespace runs folded, for one line on stderr."""
    return " ".join(message.split())
