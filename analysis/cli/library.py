"""`python -m analysis library ...`: the article library from the command line.

    library add FILE...                  store files (exit 0 when each was added or already there, 2 if any failed)
    library list [--format json|csv]     every article's metadata; JSON is {"articles": [...]}
    library show ID [--format json]      one article's metadata and text
    library remove ID                    delete an article (seeds cannot be deleted)
    library export [--format json|csv]   metadata and analyses of every article (entity corrections applied)
    library correct ID ACTION A [B]      keep an entity correction: merge A into B, rename A to B,
                                         retype A as B (person, organisation, place, other), remove A
    library corrections ID               the article's entity corrections, numbered, oldest first
    library undo ID N                    undo correction number N (the others stay)

The library is the folder named by ``STORYSCOPE_DATA``, else ``data/`` at the project root. Every error is
one line on stderr naming the file or id; no traceback reaches the user.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from analysis.cli.common import EXIT_FAILED, EXIT_OK, one_line, print_json, read_path, report_failure, write_csv
from analysis.errors import StoryscopeError
_TOP = 10  # terms and entities summarised per article in the CSV export


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``library`` command and its subcommands to ``subparsers`` (from ``add_subparsers``)."""
    library = subparsers.add_parser(
        "library",
        help="add, list, show, remove and export the articles kept in the library",
        description=(
            "Manage the article library kept in the folder named by STORYSCOPE_DATA (default: data/ at the "
            "project root). Seed articles are always there and cannot be removed."
        ),
    )
    commands = library.add_subparsers(dest="library_command", required=True, metavar="SUBCOMMAND")

    add = commands.add_parser(
        "add",
        help="store article files (.txt .md .html .htm .pdf .docx); the same text is never stored twice",
        description="Read each file, store it with its analysis, and say whether it was added or already there.",
    )
    add.add_argument("files", nargs="+", metavar="FILE", help="article files to add")

    listing = commands.add_parser("list", help="list the stored articles with their metadata",
                                  description="List every stored article's metadata (not its text).")
    listing.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")

    show = commands.add_parser("show", help="print one article's metadata and text",
                               description="Print one stored article's metadata and its normalised text.")
    show.add_argument("id", type=_article_id, metavar="ID", help="the article's id (see `library list`)")
    show.add_argument("--format", choices=("json",), default="json", help="output format (json)")

    remove = commands.add_parser("remove", help="delete an article (seed articles cannot be deleted)",
                                 description="Delete one stored article with its cached analysis and entity edits.")
    remove.add_argument("id", type=_article_id, metavar="ID", help="the article's id (see `library list`)")

    export = commands.add_parser(
        "export",
        help="print every article's metadata and analyses",
        description=(
            "Print every stored article's metadata and analysis: JSON holds the whole analysis and the entity "
            "edits; CSV has one row per article with its sentiment and top terms and entities."
        ),
    )
    export.add_argument("--format", choices=("json", "csv"), default="json", help="output format (default json)")

    correct = commands.add_parser(
        "correct",
        help="correct an article's entities: merge A into B, rename A to B, retype A as B, remove A",
        description=(
            "Keep one correction of an article's entities (applied after the earlier ones, everywhere: the "
            "dashboard, compare, export). merge A B: A is part of B (B's name is kept); rename A B; retype A "
            "TYPE (person, organisation, place, other); remove A: A is not an entity."
        ),
    )
    correct.add_argument("id", type=_article_id, metavar="ID", help="the article's id (see `library list`)")
    correct.add_argument("action", choices=("merge", "rename", "retype", "remove"), help="what to do")
    correct.add_argument("a", metavar="A", help="the entity's name (or one of its aliases)")
    correct.add_argument("b", metavar="B", nargs="?", default="", help="the other entity, new name or type")

    corrections = commands.add_parser("corrections", help="list an article's entity corrections, numbered",
                                      description="List an article's entity corrections, oldest first, numbered.")
    corrections.add_argument("id", type=_article_id, metavar="ID", help="the article's id (see `library list`)")

    undo = commands.add_parser("undo", help="undo one entity correction (see `library corrections ID`)",
                               description="Undo correction number N of an article; the others stay.")
    undo.add_argument("id", type=_article_id, metavar="ID", help="the article's id (see `library list`)")
    undo.add_argument("number", type=_article_id, metavar="N", help="the correction's number")

    library.set_defaults(handler=run_library)
    return library


def run_library(args: argparse.Namespace) -> int:
    """Run one ``library`` subcommand; returns the exit code (0 ok, 2 when anything failed)."""
    handlers = {"add": _add, "list": _list, "show": _show, "remove": _remove, "export": _export,
                "correct": _correct, "corrections": _corrections, "undo": _undo}
    try:
        from analysis.store.library import Library

        with Library() as library:
            return handlers[args.library_command](library, args)
    except StoryscopeError as err:
        _error(str(err))
    except BrokenPipeError:  # the reader stopped early (`| head`): the CLI's main ends quietly
        raise
    except Exception as err:  # noqa: BLE001 - no traceback may reach the user
        _error(f"library {args.library_command} failed ({type(err).__name__}: {err}); please report this.")
    return EXIT_FAILED


def _add(library: Any, args: argparse.Namespace) -> int:
    failed = False
    for path in args.files:
        try:
            result = library.add_file(read_path(path), Path(path).name)
        except Exception as err:  # noqa: BLE001 - one file's failure must not stop the others
            report_failure(path, err, doing="added")
            failed = True
            continue
        if result.status == "added":
            print(f"added {result.id}: {result.title} ({path})")
        else:
            print(f"already in the library as {result.id}: {result.title} ({path})")
    return EXIT_FAILED if failed else EXIT_OK


def _list(library: Any, args: argparse.Namespace) -> int:
    records = [_json_safe(row) for row in library.list_articles().to_dict("records")]
    _print_records(records, args.format)
    return EXIT_OK


def _show(library: Any, args: argparse.Namespace) -> int:
    print_json(library.record(args.id))
    return EXIT_OK


def _remove(library: Any, args: argparse.Namespace) -> int:
    title = library.record(args.id)["title"]
    library.remove(args.id)
    print(f"removed {args.id}: {title}")
    return EXIT_OK


def _export(library: Any, args: argparse.Namespace) -> int:
    from analysis.pipeline import ANALYSER_VERSION

    records = [_json_safe(row) for row in library.list_articles().to_dict("records")]
    analyses = library.analyses([r["id"] for r in records])
    if args.format == "json":
        articles = [
            {
                **record,
                "entity_edits": [
                    {"action": e.action, "a": e.a, "b": e.b} for e in library.entity_edits(record["id"])
                ],
                "analysis": analysis.to_dict(),
            }
            for record, analysis in zip(records, analyses)
        ]
        print_json({"analyser_version": ANALYSER_VERSION, "articles": articles})
    else:
        rows = [{**record, **_summary(analysis.to_dict(top=_TOP))} for record, analysis in zip(records, analyses)]
        _print_records(rows, "csv")
    return EXIT_OK


def _correct(library: Any, args: argparse.Namespace) -> int:
    from analysis.nlp.entities import EntityEdit

    if args.action != "remove" and not args.b.strip():
        _error(f"library correct {args.action} needs two values: A and B (see `library correct --help`).")
        return EXIT_FAILED
    edit = EntityEdit(args.action, args.a, args.b if args.action != "remove" else "")
    library.add_entity_edit(args.id, edit)
    print(f"article {args.id}: {edit.describe()}")
    return EXIT_OK


def _corrections(library: Any, args: argparse.Namespace) -> int:
    for number, edit in enumerate(library.entity_edits(args.id), start=1):
        print(f"{number}. {edit.describe()}")
    return EXIT_OK


def _undo(library: Any, args: argparse.Namespace) -> int:
    edit = library.remove_entity_edit(args.id, args.number - 1)
    print(f"article {args.id}: undone {edit.describe()}")
    return EXIT_OK


def _summary(analysis: dict[str, Any]) -> dict[str, Any]:
    """One CSV row's worth of an analysis: sentiment summary and the top terms and entities."""
    sentiment = analysis["sentiment"]
    return {
        "paragraph_count": analysis["paragraph_count"],
        "sentiment_available": sentiment["available"],
        "sentiment": sentiment.get("sentiment"),
        "polarity": sentiment["polarity"],
        "subjectivity": sentiment["subjectivity"],
        "vader": sentiment["vader"],
        "disagreements": sentiment["disagreements"],
        "top_terms": "; ".join(f"{t['term']} ({t['count']})" for t in analysis["terms"]),
        "top_entities": "; ".join(f"{e['name']} [{e['type']}] ({e['mentions']})" for e in analysis["entities"]),
    }


def _json_safe(row: dict[str, Any]) -> dict[str, Any]:
    published, added = row["published"], row["added"]
    return {
        "id": int(row["id"]),
        "title": row["title"],
        "authors": list(row["authors"]),
        "published": published.isoformat() if published is not None else None,
        "source": row["source"],
        "language": row["language"],
        "filename": row["filename"],
        "word_count": int(row["word_count"]),
        "seed": bool(row["seed"]),
        "added": added.isoformat() if added is not None else None,
    }


def _print_records(records: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "json":
        print_json({"articles": records})
        return
    from analysis.store.library import LIST_COLUMNS

    fields = list(records[0]) if records else LIST_COLUMNS
    write_csv(fields, ([record[k] for k in fields] for record in records))


def _error(message: str) -> None:
    print(one_line(message), file=sys.stderr)


def _article_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an article id (a whole number; see `library list`)") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not an article id (ids start at 1; see `library list`)")
    return number
