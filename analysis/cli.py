"""The command line: a thin layer over the API that parses arguments and prints.

    python -m analysis analyze PATH... [--top N] [--include-boilerplate] [--format json|csv] [--table ...]
    python -m analysis library add|list|show|remove|export ...
    python -m analysis compare PATH_OR_ID... [--format json|csv]

A bad file gets one line on stderr naming it and saying what is wrong; the other files are still
processed and the exit code is 2. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from analysis.errors import InputError, StoryscopeError

CSV_TABLES = ("terms", "entities", "paragraphs")
EXIT_OK, EXIT_INPUT, EXIT_USAGE = 0, 2, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Storyscope: terms, sentiment by paragraph and entity mentions of news articles.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="analyse article files (.txt .md .html .htm .pdf .docx) and print the results",
        description="Analyse article files and print terms, paragraph sentiment and entities.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="article files to analyse")
    analyze.add_argument("--top", type=_positive_int, default=30, metavar="N",
                         help="keep the N most frequent terms and most mentioned entities (default 30; 0 = all)")
    analyze.add_argument("--include-boilerplate", action="store_true",
                         help="analyse bylines and boilerplate (links, licence notices) too")
    analyze.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")
    analyze.add_argument("--table", choices=CSV_TABLES, default="terms",
                         help="with --format csv: which table to print (default terms)")
    analyze.set_defaults(handler=run_analyze)

    for register in _extra_commands():
        register(commands)
    return parser


def _extra_commands() -> list[Callable[[Any], None]]:
    registers = []
    try:
        from analysis.cli_library import register as register_library

        registers.append(register_library)
    except ImportError:  # pragma: no cover - only while the library module is absent
        pass
    try:
        from analysis.cli_compare import register as register_compare

        registers.append(register_compare)
    except ImportError:  # pragma: no cover - only while the compare module is absent
        pass
    return registers


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"{value!r} must be 0 or more")
    return number


def read_path(path: str) -> bytes:
    """The bytes of the file at ``path``, or an InputError naming it and saying what is wrong."""
    file = Path(path)
    if not file.exists():
        raise InputError(path, "no such file; check the path.")
    if file.is_dir():
        raise InputError(path, "is a folder, not a file; name the article files inside it.")
    try:
        return file.read_bytes()
    except OSError as err:
        raise InputError(path, f"cannot be read ({err.strerror}); check its permissions.") from err


def load_path(path: str):
    """Read the file at ``path`` into an Article, or raise a StoryscopeError naming it."""
    from analysis.readers import load_article

    return load_article(read_path(path), Path(path).name)


def report_failure(path: str, err: BaseException, *, doing: str = "analysed") -> None:
    """One line on stderr: the file and what is wrong with it (never a traceback)."""
    if isinstance(err, InputError):
        message = f"{path}: {err.problem}"
    elif isinstance(err, StoryscopeError):
        message = f"{path}: {err}"
    else:
        message = f"{path}: could not be {doing} ({type(err).__name__}: {err}); please report this."
    print(" ".join(message.split()), file=sys.stderr)


def run_analyze(args: argparse.Namespace) -> int:
    from analysis.pipeline import analyze

    results = []
    failed = False
    for path in args.paths:
        try:
            analysis = analyze(load_path(path), include_boilerplate=args.include_boilerplate)
        except Exception as err:  # noqa: BLE001 - one file's failure must not stop the others
            report_failure(path, err)
            failed = True
            continue
        results.append((path, analysis.to_dict(top=args.top or None)))
    if args.format == "json":
        json.dump({"articles": [r for _, r in results]}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(analysis_csv([r for _, r in results], table=args.table))
    return EXIT_INPUT if failed else EXIT_OK


def analysis_csv(articles: Sequence[dict[str, Any]], *, table: str = "terms") -> str:
    """One CSV table (terms, entities or paragraphs) for the analysed ``articles`` (``to_dict`` output)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if table == "terms":
        writer.writerow(["article", "term", "count", "per_1000"])
        for a in articles:
            for t in a["terms"]:
                writer.writerow([a["title"], t["term"], t["count"], f"{t['per_1000']:.3f}"])
    elif table == "entities":
        writer.writerow(["article", "name", "type", "mentions", "aliases", "paragraphs"])
        for a in articles:
            for e in a["entities"]:
                writer.writerow([a["title"], e["name"], e["type"], e["mentions"], "; ".join(e["aliases"]),
                                 " ".join(map(str, e["paragraphs"]))])
    else:
        writer.writerow(["article", "index", "kind", "included", "polarity", "subjectivity", "vader", "disagree", "text"])
        for a in articles:
            for p in a["paragraphs"]:
                writer.writerow([a["title"], p["index"], p["kind"], p["included"], _fmt(p["polarity"]),
                                 _fmt(p["subjectivity"]), _fmt(p["vader"]), p["disagree"], p["text"]])
    return out.getvalue()


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except StoryscopeError as err:
        print(str(err), file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
