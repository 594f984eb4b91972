"""`python -m analysis analyze`: in-process for behaviour, one real process as a user runs it."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import subprocess
import sys

import pytest

from cli_support import ROOT, run_in_process, run_subprocess


def run(*args: str):
    return run_in_process(*args)


def test_analyze_prints_json_with_every_documented_field(seed_path):
    done = run_subprocess("analyze", str(seed_path), "--top", "10")  # as a user runs it
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    (article,) = data["articles"]
    for field in ("title", "authors", "published", "language", "word_count", "paragraphs", "terms", "entities"):
        assert field in article
    assert article["published"] == "2023-12-11"
    assert article["language"] == "en"
    assert set(article["paragraphs"][0]) >= {"index", "kind", "text", "polarity", "subjectivity", "vader"}
    assert len(article["terms"]) == 10
    counts = [t["count"] for t in article["terms"]]
    assert counts == sorted(counts, reverse=True)
    assert set(article["entities"][0]) >= {"name", "type", "mentions", "aliases", "paragraphs"}


def test_analyze_never_imports_pandas(seed_path):
    """The command's start-up is most of its cost for a few files: it writes its JSON from the analyses'
    columns and rows (analysis.pipeline.analysis_dict), so pandas (~0.2 s of CPU to import) is not loaded."""
    code = ("import sys; from analysis.cli import main; code = main(['analyze', sys.argv[1], '--format', 'json']); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pandas', 'pyarrow')), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(seed_path)], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["articles"][0]["entities"]
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_bad_files_get_one_line_each_and_the_rest_is_analysed(tmp_path, seed_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    missing = tmp_path / "missing.txt"
    done = run("analyze", str(empty), str(seed_path), str(binary), str(missing))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 3
    for name, line in zip(["empty.txt", "photo.txt", "missing.txt"], lines):
        assert name in line
    assert len(json.loads(done.stdout)["articles"]) == 1


@pytest.mark.parametrize("table, header", [
    ("terms", ["article", "term", "count", "per_1000"]),
    ("entities", ["article", "name", "type", "mentions", "aliases", "paragraphs"]),
    ("paragraphs", ["article", "index", "kind", "included", "sentiment", "polarity", "subjectivity", "vader", "disagree",
                    "text"]),
])
def test_csv_tables(seed_path, table, header):
    done = run("analyze", str(seed_path), "--format", "csv", "--table", table)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == header
    assert len(rows) > 3


def test_usage_errors_are_not_tracebacks():
    done = run("analyze", "--top", "many", "x.txt")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "whole number" in done.stderr


def subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[argparse.ArgumentParser, str | None]]:
    """Each subcommand's parser and the one-line help its parent lists it with."""
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))  # noqa: SLF001
    helps = {choice.dest: choice.help for choice in action._choices_actions}  # noqa: SLF001 - no public accessor
    return {name: (sub, helps.get(name)) for name, sub in action.choices.items()}


def test_every_command_is_in_the_readme_with_a_description_and_a_help_line():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from analysis.cli import build_parser

    commands = subcommands(build_parser())
    assert set(commands) >= {"analyze", "library", "compare"}
    for name, (sub, help_line) in commands.items():
        assert f"python -m analysis {name}" in readme, f"README does not show `{name}`"
        assert sub.description and len(sub.description) > 20, f"`{name}` has no description"
        assert help_line and len(help_line) > 10, f"`{name}` has no help line in `python -m analysis --help`"
        for inner, (child, child_help) in (subcommands(sub) if name == "library" else {}).items():
            assert child.description and child_help, f"`{name} {inner}` has no description or help line"


def test_single_words_switch_counts_the_words_of_names_apart(seed_path):
    joined = json.loads(run("analyze", str(seed_path), "--top", "0").stdout)["articles"][0]
    apart = json.loads(run("analyze", str(seed_path), "--top", "0", "--single-words").stdout)["articles"][0]
    assert "el salvador" in {t["term"] for t in joined["terms"]} - {t["term"] for t in apart["terms"]}
    assert "el" in {t["term"] for t in apart["terms"]} - {t["term"] for t in joined["terms"]}
    assert joined["word_count"] == apart["word_count"]
    assert (joined["names_as_terms"], apart["names_as_terms"]) == (True, False)


# --- JSON written as the standard library writes it, faster -----------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from analysis.cli.common import indented_json  # noqa: E402

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_indented_json_is_what_the_standard_library_writes(value):
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_indented_json_of_real_analyses_and_of_unusual_values(seed_analysis):
    data = {"articles": [seed_analysis.to_dict(), seed_analysis.to_dict(top=3)]}
    assert indented_json(data) == json.dumps(data, ensure_ascii=False, indent=2)
    odd = {1: "a number as a key", "b": [True, None, float("nan")]}
    assert indented_json(odd) == json.dumps(odd, ensure_ascii=False, indent=2)
