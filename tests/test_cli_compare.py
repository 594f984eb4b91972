"""`python -m analysis compare`: in-process for behaviour, one real process as a user runs it."""

from __future__ import annotations

import csv
import io
import json

import pytest
from cli_support import ROOT, run_in_process, run_subprocess

DATA = ROOT / "tests" / "data" / "compare"


def run(*args: str, env: dict | None = None):
    return run_in_process(*args, env=env)


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_compare_files_prints_articles_distinctive_terms_and_entities(seed_path):
    done = run_subprocess("compare", str(seed_path), str(DATA / "harbour-strike.txt"), str(DATA / "harbour-deal.txt"))
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    titles = [a["title"] for a in data["articles"]]
    assert len(titles) == 3
    for a in data["articles"]:
        assert a["tokens"] == a["word_count"] > 0
        assert -1 <= a["mean_polarity"] <= 1
    terms = data["distinctive_terms"]
    assert all(t["g2"] >= 6.63 and t["log_ratio"] > 0 for t in terms)
    assert {"article", "term", "count", "reference_count", "g2", "log_ratio"} <= set(terms[0])
    seed_terms = [t for t in terms if t["article"] == titles[0]]
    assert [t["g2"] for t in seed_terms] == sorted((t["g2"] for t in seed_terms), reverse=True)
    assert "crook" in {t["term"] for t in seed_terms}
    molina = [e for e in data["entities"] if e["name"] == "Andrés Molina"]
    assert {e["article"] for e in molina} == set(titles[1:])
    assert all("El Capitán" in e["aliases"] for e in molina)
    assert {"name", "aliases", "type", "article", "mentions", "per_1000", "mean_polarity"} <= set(molina[0])


def test_compare_library_ids_and_csv(tmp_path, seed_path):
    env = {"STORYSCOPE_DATA": str(tmp_path)}
    added = run("library", "add", str(DATA / "harbour-strike.txt"), env=env)
    assert added.returncode == 0, added.stderr
    listed = json.loads(run("library", "list", "--format", "json", env=env).stdout)["articles"]
    ids = [str(a["id"]) for a in listed]
    assert len(ids) == 2  # the seed and the upload
    done = run("compare", *ids, "--format", "csv", "--table", "entities", env=env)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(done.stdout)))
    assert rows[0] == ["name", "aliases", "type", "article", "mentions", "per_1000", "sentiment", "mean_polarity"]
    assert len({r[3] for r in rows[1:]}) == 2


def test_compare_needs_two_readable_articles(tmp_path, seed_path):
    missing = tmp_path / "gone.txt"
    done = run("compare", str(seed_path), str(missing))
    assert done.returncode == 2
    assert "gone.txt" in done.stderr and "at least two" in done.stderr
    assert "Traceback" not in done.stderr


def test_unknown_library_ids_are_named_and_the_known_ones_compared(tmp_path, seed_path):
    env = {"STORYSCOPE_DATA": str(tmp_path), "PATH": "/usr/bin:/bin"}
    run("library", "add", str(DATA / "harbour-strike.txt"), env=env)
    ids = [str(a["id"]) for a in json.loads(run("library", "list", "--format", "json", env=env).stdout)["articles"]]
    done = run("compare", ids[0], "999", ids[1], "--format", "json", env=env)
    assert done.returncode == 2
    assert "999" in done.stderr and "library list" in done.stderr and "Traceback" not in done.stderr
    assert len(json.loads(done.stdout)["articles"]) == 2


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_the_comparison_is_built_without_the_cycle_collector_walking_the_loaded_analyses(seed_analysis, monkeypatch):
    """Issue 11: building the comparison (tables, then a dict per output row) triggered cycle collections, and
    at 1,000 articles one of them walked every loaded analysis: a cost 100 articles never pay. Count the
    collections while the comparison is built: none with the collector paused, and some for the same work with
    it running (so this size is big enough to tell). One collection of the youngest generation may run as the
    pause ends (it catches up on the objects made meanwhile, once)."""
    import contextlib
    import gc

    import analysis.collector
    from analysis.cli.compare import comparison_dict
    from analysis.pipeline import analyze
    from analysis.reading.text import parse_article

    analyses = [seed_analysis, *(analyze(parse_article(path.read_text(encoding="utf-8")))
                                 for path in sorted(DATA.glob("*.txt")))] * 30
    started: list[int] = []

    def count(phase, info):
        if phase == "start":
            started.append(info["generation"])

    def collections_while_building():
        started.clear()
        gc.collect()
        gc.callbacks.append(count)
        try:
            started.clear()
            data = comparison_dict(analyses)
            return list(started), data
        finally:
            gc.callbacks.remove(count)

    paused, data = collections_while_building()
    assert gc.isenabled()
    assert len(data["articles"]) == len(analyses) and data["entities"]
    monkeypatch.setattr(analysis.collector, "collector_paused", contextlib.nullcontext)
    running, same = collections_while_building()
    assert same == data  # the pause changes nothing in the output
    assert paused in ([], [0]) and len(running) >= 5, (paused, running)
