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
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """One CSV table on stdout: lists joined with "; ", None as an empty cell, formula-like text quoted
    (:mod:`analysis.csvfile`)."""
    from analysis.csvfile import write_csv as write

    write(sys.stdout, header, rows)


def one_line(message: str) -> str:
    """``message`` with its whitespace runs folded, for one line on stderr."""
    return " ".join(message.split())
