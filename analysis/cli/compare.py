"""`python -m analysis compare PATH_OR_ID...`: compare article files and/or library articles."""

from __future__ import annotations

import argparse
import math
import sys
from typing import Any

from analysis.cli.common import EXIT_FAILED, EXIT_OK, load_path, print_json, report_failure, write_csv

COMPARE_TABLES = ("distinctive_terms", "entities", "articles")


def register(commands: Any) -> None:
    compare = commands.add_parser(
        "compare",
        help="compare two or more articles: distinctive terms (G2, log ratio) and shared entities",
        description=(
            "Compare articles given as file paths or library ids (see `library list`): each article's "
            "distinctive terms against the others (log-likelihood G2 >= 6.63, p < 0.01) and every entity "
            "per article, linked across articles by their aliases."
        ),
    )
    compare.add_argument("items", nargs="+", metavar="PATH_OR_ID", help="article files or library ids")
    compare.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")
    compare.add_argument("--table", choices=COMPARE_TABLES, default="distinctive_terms",
                         help="with --format csv: which table to print (default distinctive_terms)")
    compare.add_argument("--min-g2", type=float, default=6.63, help="keep terms with G2 at least this (default 6.63)")
    compare.set_defaults(handler=run_compare)


def _is_library_id(item: str) -> bool:
    from pathlib import Path

    return item.isdigit() and not Path(item).exists()


def _load_all(items: list[str]) -> list[tuple[str, object]]:
    """(item, Analysis or the exception it raised) for each item, in order. Library ids are read from one
    library in one query, with the user's entity corrections applied (as the dashboard shows them)."""
    from analysis.pipeline import analyze

    ids = [int(item) for item in items if _is_library_id(item)]
    from_library: dict[int, object] = {}
    if ids:
        from analysis.store.library import Library

        try:
            with Library() as library:
                try:
                    from_library = dict(zip(ids, library.analyses(ids, entity_sentences=True)))
                except Exception:  # noqa: BLE001 - an unknown id: each one alone, to name the bad ones
                    for i in dict.fromkeys(ids):
                        try:
                            from_library[i] = library.analyses([i], entity_sentences=True)[0]
                        except Exception as err:  # noqa: BLE001
                            from_library[i] = err
        except Exception as err:  # noqa: BLE001 - the library cannot be opened: every id fails with it
            from_library = {i: err for i in ids}
    loaded: list[tuple[str, object]] = []
    for item in items:
        if _is_library_id(item):
            loaded.append((item, from_library[int(item)]))
            continue
        try:
            loaded.append((item, analyze(load_path(item))))
        except Exception as err:  # noqa: BLE001 - one article's failure must not stop the others
            loaded.append((item, err))
    return loaded


def comparison_dict(analyses, *, min_g2: float = 6.63) -> dict[str, Any]:
    """The JSON the compare command prints (see the README).

    Built with the cycle collector paused (:mod:`analysis.collector`): the tables and the output's row dicts are
    a few objects per entity and term, all kept, and each collection they trigger would walk the young objects,
    and now and then every loaded analysis again (issue 11: a full walk of 300,000 objects at 1,000 articles
    that 100 articles never reach)."""
    from analysis.collector import collector_paused

    with collector_paused():
        return _comparison_dict(analyses, min_g2=min_g2)


def _comparison_dict(analyses, *, min_g2: float) -> dict[str, Any]:
    from analysis.compare import article_labels, distinctive_terms, shared_entities

    labels = article_labels(analyses)
    distinctive = distinctive_terms(analyses, min_g2=min_g2, top=None)
    entities = shared_entities(analyses)
    return {
        "articles": [
            {"title": label, "tokens": a.word_count, "word_count": a.word_count,
             "sentiment": a.sentiment_summary.sentiment, "mean_polarity": a.sentiment_summary.polarity,
             "published":
             a.article.published.isoformat() if a.article.published else None}
            for label, a in zip(labels, analyses)
        ],
        "distinctive_terms": [
            {"article": r.article, "term": r.term, "count": int(r.count), "reference_count": int(r.reference_count),
             "g2": float(r.g2), "log_ratio": float(r.log_ratio)}
            for r in distinctive.itertuples(index=False)
        ],
        "entities": [
            {"name": r.name, "aliases": list(r.aliases), "type": r.type, "article": r.article,
             "mentions": int(r.mentions), "per_1000": float(r.per_1000),
             "sentiment": None if math.isnan(r.sentiment) else float(r.sentiment),
             "mean_polarity": None if math.isnan(r.mean_polarity) else float(r.mean_polarity)}
            for r in entities.itertuples(index=False)
        ],
    }


def run_compare(args: argparse.Namespace) -> int:
    analyses, failed = [], False
    for item, loaded in _load_all(args.items):
        if isinstance(loaded, BaseException):
            report_failure(item, loaded)
            failed = True
        else:
            analyses.append(loaded)
    if len(analyses) < 2:
        print("compare needs at least two readable articles.", file=sys.stderr)
        return EXIT_FAILED
    data = comparison_dict(analyses, min_g2=args.min_g2)  # with the cycle collector paused: see there
    if args.format == "json":
        print_json(data)
    else:
        rows = data[args.table]
        write_csv(list(rows[0]) if rows else [], (row.values() for row in rows))
    return EXIT_FAILED if failed else EXIT_OK
