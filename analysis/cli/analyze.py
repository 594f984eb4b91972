"""`python -m analysis analyze PATH...`: analyse article files and print terms, sentiment and entities."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from analysis.cli.common import (
    EXIT_FAILED, EXIT_OK, load_path, positive_int, print_json, report_failure, write_csv,
)

CSV_TABLES = ("terms", "entities", "paragraphs")


def register(commands: Any) -> None:
    """Add the ``analyze`` command to ``commands`` (from ``add_subparsers``)."""
    analyze = commands.add_parser(
        "analyze",
        help="analyse article files (.txt .md .html .htm .pdf .docx) and print the results",
        description="Analyse article files and print terms, paragraph sentiment and entities.",
    )
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="article files to analyse")
    analyze.add_argument("--top", type=positive_int, default=30, metavar="N",
                         help="keep the N most frequent terms and most mentioned entities (default 30; 0 = all)")
    analyze.add_argument("--include-boilerplate", action="store_true",
                         help="analyse bylines and boilerplate (links, licence notices) too")
    analyze.add_argument("--single-words", action="store_true",
                         help="count terms as single words only; by default a name of several words found as an "
                              "entity (El Salvador) is one term")
    analyze.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")
    analyze.add_argument("--table", choices=CSV_TABLES, default="terms",
                         help="with --format csv: which table to print (default terms)")
    analyze.set_defaults(handler=run_analyze)


def run_analyze(args: argparse.Namespace) -> int:
    from analysis.pipeline import analysis_dict  # analyze(...).to_dict() without pandas

    results = []
    failed = False
    for path in args.paths:
        try:
            result = analysis_dict(load_path(path), include_boilerplate=args.include_boilerplate,
                                   names_as_terms=not args.single_words, top=args.top or None)
        except Exception as err:  # noqa: BLE001 - one file's failure must not stop the others
            report_failure(path, err)
            failed = True
            continue
        results.append((path, result))
    articles = [r for _, r in results]
    if args.format == "json":
        print_json({"articles": articles})
    else:
        write_csv(*analysis_table(articles, table=args.table))
    return EXIT_FAILED if failed else EXIT_OK


def analysis_table(articles: Sequence[dict[str, Any]], *, table: str = "terms") -> tuple[list[str], list[list[Any]]]:
    """Header and rows of one table (terms, entities or paragraphs) for the analysed ``articles`` (``to_dict``)."""
    if table == "terms":
        header = ["article", "term", "count", "per_1000"]
        rows = [[a["title"], t["term"], t["count"], f"{t['per_1000']:.3f}"] for a in articles for t in a["terms"]]
    elif table == "entities":
        header = ["article", "name", "type", "mentions", "aliases", "paragraphs"]
        rows = [[a["title"], e["name"], e["type"], e["mentions"], "; ".join(e["aliases"]),
                 " ".join(map(str, e["paragraphs"]))] for a in articles for e in a["entities"]]
    else:
        header = ["article", "index", "kind", "included", "sentiment", "polarity", "subjectivity", "vader", "disagree",
                  "text"]
        rows = [[a["title"], p["index"], p["kind"], p["included"], _fmt(p["sentiment"]), _fmt(p["polarity"]),
                 _fmt(p["subjectivity"]),
                 _fmt(p["vader"]), p["disagree"], p["text"]] for a in articles for p in a["paragraphs"]]
    return header, rows


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"
