"""`python -m analysis archive DIR entities|terms|sentiment|articles`: questions over a batch output (DuckDB)."""

from __future__ import annotations

import argparse
import math
from typing import Any

from analysis.cli.common import EXIT_OK, positive_int, print_json, write_csv


def register(commands: Any) -> None:
    archive = commands.add_parser(
        "archive",
        help="questions over a batch output: top entities, terms, sentiment by month or source, articles",
        description="Answer questions over the Parquet tables `batch` wrote, with DuckDB reading them in place.",
    )
    archive.add_argument("folder", metavar="DIR", help="a folder written by `python -m analysis batch`")
    questions = archive.add_subparsers(dest="question", required=True, metavar="QUESTION")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                       help="output format (default table)")

    p = questions.add_parser("entities", help="the most mentioned entities (per month or source)")
    p.add_argument("--top", type=positive_int, default=20, help="how many entities (default 20)")
    p.add_argument("--by", choices=("month", "source"), default=None, help="one row per entity and month/source")
    p.add_argument("--type", choices=("person", "organisation", "place", "other"), default=None,
                   help="only entities of this type")
    common(p)
    p = questions.add_parser("terms", help="the most frequent terms (per month)")
    p.add_argument("--top", type=positive_int, default=20, help="how many terms (default 20)")
    p.add_argument("--by", choices=("month",), default=None, help="one row per term and month")
    common(p)
    p = questions.add_parser("sentiment", help="word-weighted mean sentiment by month or source")
    p.add_argument("--by", choices=("month", "source"), default="month", help="group by (default month)")
    common(p)
    p = questions.add_parser("articles", help="the articles that mention an entity (by any of its names)")
    p.add_argument("--entity", required=True, metavar="NAME", help="an entity's name or alias")
    p.add_argument("--limit", type=positive_int, default=50, help="at most this many articles (default 50)")
    common(p)
    archive.set_defaults(handler=run_archive)


def run_archive(args: argparse.Namespace) -> int:
    from analysis.batch.query import Archive

    with Archive(args.folder) as archive:
        if args.question == "entities":
            table = archive.entities(top=args.top, by=args.by, type=args.type).drop(columns=["key"])
        elif args.question == "terms":
            table = archive.terms(top=args.top, by=args.by)
        elif args.question == "sentiment":
            table = archive.sentiment(by=args.by)
        else:
            table = archive.articles(entity=args.entity, limit=args.limit)
    print_table(table, args.format)
    return EXIT_OK


def _plain(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "item"):
        return _plain(value.item())
    return value


def print_table(table, fmt: str) -> None:
    """``table`` (a DataFrame) as an aligned text table, CSV (the shared writer) or JSON records."""
    rows = [[_plain(v) for v in row] for row in table.itertuples(index=False)]
    header = [str(c) for c in table.columns]
    if fmt == "csv":
        write_csv(header, rows)
    elif fmt == "json":
        print_json([dict(zip(header, row)) for row in rows])
    else:
        shown = [[_cell(v) for v in row] for row in rows]
        widths = [max([len(h)] + [len(r[i]) for r in shown]) for i, h in enumerate(header)]
        numeric = [all(isinstance(r[i], (int, float)) or r[i] is None for r in rows) and rows for i in range(len(header))]
        def fmt_row(cells):
            return "  ".join(c.rjust(w) if num else c.ljust(w) for c, w, num in zip(cells, widths, numeric)).rstrip()
        print(fmt_row(header))
        print("  ".join("-" * w for w in widths))
        for r in shown:
            print(fmt_row(r))
        if not rows:
            print("(no rows)")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}" if abs(value) < 1000 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    text = " ".join(str(value).split())
    return text if len(text) <= 70 else text[:69] + "…"
