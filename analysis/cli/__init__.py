"""The command line: a thin layer over the API that parses arguments and prints.

    python -m analysis analyze PATH... [--top N] [--include-boilerplate] [--format json|csv] [--table ...]
    python -m analysis library add|list|show|remove|export ...
    python -m analysis compare PATH_OR_ID... [--format json|csv]
    python -m analysis batch SOURCE... --out DIR [--workers N | --scheduler ADDRESS] ...
    python -m analysis archive DIR entities|terms|sentiment|articles ... [--format table|csv|json]
    python -m analysis report PATH_OR_ID... --out report.html|report.pdf|charts.zip

One module per command (``analyze``, ``library``, ``compare``, ``batch``, ``archive``, ``report``), each with a ``register(commands)`` that adds
its parser; ``common`` holds file reading, failure reporting, output and the exit codes. A bad file gets one
line on stderr naming it and saying what is wrong; the other files are still processed and the exit code is 2.
No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from analysis.cli import analyze, archive, batch, compare, library, report
from analysis.cli.common import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, one_line
from analysis.errors import StoryscopeError

COMMANDS = (analyze, library, compare, batch, archive, report)


def build_parser() -> argparse.ArgumentParser:
    """The ``python -m analysis`` parser with every command of :data:`COMMANDS`."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Storyscope: terms, sentiment by paragraph and entity mentions of news articles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except StoryscopeError as err:
        print(one_line(str(err)), file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
