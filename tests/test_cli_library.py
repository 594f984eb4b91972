"""`python -m analysis library ...` with STORYSCOPE_DATA pointing at tmp_path: in-process for behaviour, in a real
process where the test says so (as a user runs it)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import docx
import pytest

from cli_support import ROOT, run_in_process, run_subprocess

READERS = Path(__file__).parent / "data" / "readers"
LIST_FIELDS = ["id", "title", "authors", "published", "source", "language", "filename", "word_count", "seed"]


@pytest.fixture
def store(tmp_path):
    return tmp_path / "store"


def library(store: Path, *args: str, real: bool = False) -> subprocess.CompletedProcess[str]:
    """``python -m analysis library ARGS`` on the library in ``store``: in-process, or with ``real`` in a new
    interpreter as a user runs it."""
    run = run_subprocess if real else run_in_process
    return run("library", *args, env={"STORYSCOPE_DATA": str(store)})


def listed(store: Path, *, real: bool = False) -> list[dict]:
    result = library(store, "list", "--format", "json", real=real)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["articles"]


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ferry.txt").write_text(
        "Harbour Ferry Service Resumes\n\nThe ferry between Northport and the islands resumed its timetable "
        "on Monday, three days after a winter storm closed the harbour.\n\nDivers found no damage below the "
        "waterline, the harbour master said.\n",
        encoding="utf-8",
    )
    document = docx.Document()
    for text in ("Oakvale School Roof Repaired", "Builders finished the new roof of Oakvale primary school "
                 "two weeks early, the county council said on Friday.", "Pupils return on Monday."):
        document.add_paragraph(text)
    document.save(folder / "roof.docx")
    (folder / "budget.html").write_bytes((READERS / "council-budget.html").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "slides.pptx").write_bytes(b"PK\x03\x04 not really")
    return folder


@pytest.mark.slow  # a subprocess, a browser or a rebuild: over half a second (fast tier under a minute)
def test_add_list_show_remove(store, files):
    """``add`` runs as a user runs it, in its own process; the rest in-process."""
    added = library(store, "add", str(files / "ferry.txt"), str(files / "roof.docx"), str(files / "budget.html"),
                    real=True)
    assert added.returncode == 0, added.stderr
    assert added.stderr == ""
    assert added.stdout.count("added ") == 3

    articles = listed(store)
    assert len(articles) == 4 and sum(a["seed"] for a in articles) == 1
    for article in articles:
        assert set(LIST_FIELDS) <= set(article)
    budget = next(a for a in articles if a["filename"] == "budget.html")
    assert budget["title"] == "Riverside Council Approves Library Budget"
    assert budget["authors"] == ["Maria Okafor"] and budget["published"] == "2024-03-05"
    assert budget["word_count"] > 50 and budget["language"] == "en"

    shown = library(store, "show", str(budget["id"]), "--format", "json")
    assert shown.returncode == 0
    record = json.loads(shown.stdout)
    assert {k: record[k] for k in LIST_FIELDS} == {k: budget[k] for k in LIST_FIELDS}
    assert "choosing books over potholes" in record["text"]

    removed = library(store, "remove", str(budget["id"]))
    assert removed.returncode == 0 and f"removed {budget['id']}" in removed.stdout
    assert [a["id"] for a in listed(store)] == [a["id"] for a in articles if a["id"] != budget["id"]]


def test_adding_again_reports_already_present_and_exits_0(store, files):
    assert library(store, "add", str(files / "ferry.txt")).returncode == 0
    again = library(store, "add", str(files / "ferry.txt"), str(files / "ferry.txt"))
    assert again.returncode == 0
    assert again.stdout.count("already in the library") == 2
    assert len(listed(store)) == 2


def test_bad_files_get_one_line_each_and_exit_2_while_good_ones_are_added(store, files):
    bad = ["empty.txt", "binary.txt", "slides.pptx", "missing.txt"]
    result = library(store, "add", *(str(files / name) for name in bad), str(files / "ferry.txt"), str(files))
    assert result.returncode == 2
    lines = result.stderr.strip().split("\n")
    assert len(lines) == len(bad) + 1  # + the folder
    for name, line in zip(bad, lines):
        assert name in line
    assert "is empty" in lines[0] and "binary data" in lines[1] and ".docx" in lines[2]
    assert "no such file" in lines[3] and "is a folder" in lines[4]
    assert "Traceback" not in result.stderr
    assert result.stdout.count("added ") == 1
    assert len(listed(store)) == 2


def test_list_as_csv(store, files):
    library(store, "add", str(files / "roof.docx"))
    result = library(store, "list", "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2
    assert set(LIST_FIELDS) <= set(rows[0])
    assert rows[1]["filename"] == "roof.docx" and rows[1]["seed"] == "False"


def test_a_seed_cannot_be_removed_from_the_cli(store):
    seed = next(a for a in listed(store) if a["seed"])
    result = library(store, "remove", str(seed["id"]))
    assert result.returncode == 2
    assert "seed" in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert any(a["id"] == seed["id"] for a in listed(store))


@pytest.mark.parametrize("args", [["show", "99"], ["remove", "99"], ["show", "abc"], ["remove", "0"]])
def test_unknown_or_malformed_ids(store, args):
    result = library(store, *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert ("No article with id 99" in result.stderr) or ("not an article id" in result.stderr)


def test_export_json_has_metadata_and_analyses(store, files):
    library(store, "add", str(files / "ferry.txt"))
    result = library(store, "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert len(exported["articles"]) == 2 and exported["analyser_version"]
    ferry = next(a for a in exported["articles"] if a["filename"] == "ferry.txt")
    assert set(LIST_FIELDS) <= set(ferry)
    analysis = ferry["analysis"]
    assert analysis["word_count"] == ferry["word_count"]
    assert any(t["term"] == "ferry" for t in analysis["terms"])
    assert [p["kind"] for p in analysis["paragraphs"]][0] == "title"
    assert ferry["entity_edits"] == []


def test_export_csv_one_row_per_article(store, files):
    library(store, "add", str(files / "ferry.txt"), str(files / "roof.docx"))
    result = library(store, "export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert {"polarity", "vader", "top_terms", "top_entities", *LIST_FIELDS} <= set(rows[0])
    roof = next(r for r in rows if r["filename"] == "roof.docx")
    assert "roof" in roof["top_terms"]


def test_every_subcommand_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("add", "list", "show", "remove", "export", "correct", "corrections", "undo"):
        result = library(ROOT / "unused", command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout and len(result.stdout.split("\n")) > 3
        assert f"library {command}" in readme, command
    assert not (ROOT / "unused").exists()  # --help never opens the library


def test_csv_listing_and_export_never_write_a_formula(store, tmp_path):
    article = tmp_path / "formula.md"
    article.write_text(
        '---\ntitle: \'=HYPERLINK("http://evil.test", "Click, here")\'\nauthor: "@Mallory Quill"\n'
        'source: "+cmd|calc"\n---\n\n-2+3 said the harbour master, opening the new ferry pier on Monday.\n\n'
        "The crossing to the islands takes forty minutes, and tickets cost the same as last year.\n",
        encoding="utf-8",
    )
    assert library(store, "add", str(article)).returncode == 0
    for command in ("list", "export"):
        result = library(store, command, "--format", "csv")
        assert result.returncode == 0, result.stderr
        rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
        row = next(r for r in rows if any("HYPERLINK" in cell for cell in r))
        assert '\'=HYPERLINK("http://evil.test", "Click, here")' in row
        assert "'+cmd|calc" in row
        formulas = [c for r in rows for c in r if c.startswith(("=", "+", "-", "@", "\t", "\r")) and not _number(c)]
        assert formulas == []  # a negative polarity is a number, not a formula


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_entity_corrections_from_the_command_line_apply_to_the_export(tmp_path, monkeypatch, capsys):
    from analysis.cli import main

    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path))
    strike = ROOT / "tests" / "data" / "compare" / "harbour-strike.txt"
    assert main(["library", "add", str(strike)]) == 0
    article_id = int(capsys.readouterr().out.split()[1].rstrip(":"))
    assert main(["library", "correct", str(article_id), "merge", "San Antonio", "Port of Valparaíso"]) == 0
    assert main(["library", "correct", str(article_id), "remove", "Chile"]) == 0
    assert main(["library", "correct", str(article_id), "retype", "Andrés Molina", "planet"]) == 2
    assert "'planet'" in capsys.readouterr().err
    assert main(["library", "corrections", str(article_id)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1. Merge “San Antonio” into “Port of Valparaíso”", "2. Remove “Chile” (not an entity)"]
    assert main(["library", "undo", str(article_id), "2"]) == 0
    assert main(["library", "undo", str(article_id), "5"]) == 2
    capsys.readouterr()
    assert main(["library", "export"]) == 0
    exported = next(a for a in json.loads(capsys.readouterr().out)["articles"] if a["id"] == article_id)
    entities = {e["name"]: e["mentions"] for e in exported["analysis"]["entities"]}
    assert entities["Port of Valparaíso"] == 3 and "San Antonio" not in entities and "Chile" in entities
