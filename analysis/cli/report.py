"""`python -m analysis report PATH_OR_ID... --out report.html`: the dashboard's report, from the command line.

One article gives the Article page's report, several the Compare page's; ``--out``'s extension says which
file: ``.html`` (self-contained, opens offline), ``.pdf`` (printed by Chromium) or ``.zip`` (every chart as
PNG and SVG, every table as CSV). The report is built by :mod:`dashboard.report`, the same code the dashboard's
"Download report" button runs (that module and everything it imports are free of streamlit), with the pages'
default options. Library ids get the user's entity corrections, as on the pages.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from analysis.cli.common import EXIT_FAILED, EXIT_OK, load_path, report_failure


def register(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write one article's report, or a comparison's, as HTML, PDF or a zip of charts",
        description=(
            "Write the dashboard's report: one PATH_OR_ID gives the article report, several the comparison "
            "report. The extension of --out chooses the file: .html (one self-contained page with every chart, "
            "interactive, opens offline), .pdf (printed by Chrome/Chromium) or .zip (every chart as PNG and SVG, "
            "every table as CSV)."
        ),
    )
    report.add_argument("items", nargs="+", metavar="PATH_OR_ID", help="article files or library ids")
    report.add_argument("--out", required=True, help="the file to write: report.html, report.pdf or charts.zip")
    report.add_argument("--include-boilerplate", action="store_true",
                        help="count bylines, licence notices and link lists too")
    report.set_defaults(handler=run_report)


def _load(item: str, *, include_boilerplate: bool):
    """(analysis as the user sees it, the entity corrections applied to it, library id or None)."""
    from pathlib import Path

    from analysis.pipeline import analyze

    if item.isdigit() and not Path(item).exists():
        from analysis.store.library import Library

        with Library() as library:
            article_id = int(item)
            # the library applies the user's entity corrections, as on the dashboard
            result = library.analysis(article_id, include_boilerplate=include_boilerplate)
            return result, library.entity_edits(article_id), article_id
    return analyze(load_path(item), include_boilerplate=include_boilerplate), [], None


def run_report(args: argparse.Namespace) -> int:
    from dashboard import report

    loaded, failed = [], False
    for item in args.items:
        try:
            loaded.append(_load(item, include_boilerplate=args.include_boilerplate))
        except Exception as err:  # noqa: BLE001 - one article's failure must not stop the others
            report_failure(item, err)
            failed = True
    if not loaded:
        print("report needs at least one readable article.", file=sys.stderr)
        return EXIT_FAILED
    analyses = [a for a, _, _ in loaded]
    if len(loaded) == 1:
        made = report.article_report(analyses[0], edits=loaded[0][1],
                                     options=report.ArticleOptions(include_boilerplate=args.include_boilerplate))
    else:
        # Colours follow library ids; files get ids after the largest one, in the order given.
        ids, next_id = [], max([i for _, _, i in loaded if i is not None], default=0) + 1
        for _, _, article_id in loaded:
            ids.append(article_id if article_id is not None else next_id)
            next_id += article_id is None
        made = report.comparison_report(analyses, ids=ids, edits=[e for _, e, _ in loaded],
                                        options=report.CompareOptions(include_boilerplate=args.include_boilerplate))
    path = report.write_report(made, args.out)
    print(f"Wrote {path} ({len(made.charts)} charts).", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
