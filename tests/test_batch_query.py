"""analysis/batch/query.py and the `archive` command: DuckDB answers equal the same sums done with pandas on
the raw tables."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pandas as pd
import pytest

from analysis.batch.query import Archive
from analysis.batch.run import IN_PROCESS, run_batch
from analysis.errors import InvalidOptionError, StoryscopeError
from tests.batch_support import ROOT, articles, write_sources
from tests.test_batch import read_table


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    write_sources(folder / "in", articles(24, seed=3), files=4, seed=3)
    run_batch([str(folder / "in")], folder / "out", scheduler=IN_PROCESS, batch_size=7)
    return folder / "out"


def linked_keys(raw: pd.DataFrame) -> pd.Series:
    """Each entity row's archive key, done with pandas: a short form that is the alias of exactly one other
    entity's key anywhere in the archive takes that key."""
    links = {(a, k) for k, aliases in zip(raw["key"], raw["alias_keys"]) for a in aliases if a != k}
    owners: dict[str, set[str]] = {}
    for alias, key in links:
        owners.setdefault(alias, set()).add(key)
    return raw["key"].map(lambda k: next(iter(owners[k])) if len(owners.get(k, ())) == 1 else k)


def test_top_entities_are_the_sums_over_articles(output):
    raw = read_table(output, "entities")
    raw["key"] = linked_keys(raw)
    want = raw.groupby("key")["mentions"].sum().sort_values(ascending=False)
    with Archive(output) as archive:
        got = archive.entities(top=5)
        assert list(got["key"]) == list(want.index[:5]) and list(got["mentions"]) == list(want.iloc[:5])
        assert list(got["articles"]) == [int((raw["key"] == k).sum()) for k in got["key"]]
        people = archive.entities(top=3, type="person")
        assert set(people["type"]) == {"person"}
        by_month = archive.entities(top=2, by="month")
        assert by_month.groupby("key")["mentions"].sum().to_dict() == dict(zip(got["key"][:2], got["mentions"][:2]))
        by_source = archive.entities(top=2, by="source")
        assert "(no source)" in set(by_source["source"])  # the loose files carry no source
        with pytest.raises(InvalidOptionError, match="value must be one of"):
            archive.entities(by="week")


def test_an_article_naming_someone_by_surname_only_counts_under_the_full_name_unless_the_surname_is_shared(
        tmp_path):
    def story(n: int, body: str) -> str:
        return f"Harbour council meeting report {n}\n\n{body}"

    texts = [
        story(1, "Councillor Renata Moravec proposed the new harbour levy on Tuesday. Moravec said the fees "
                 "would pay for dredging. Critics told Moravec the plan came too late."),
        story(2, "The levy passed by two votes. Moravec thanked the fishermen who had backed it and said work "
                 "would begin in spring."),
        story(3, "Engineer Tomas Lindgren inspected the breakwater. Lindgren found cracks near the old pier and "
                 "Lindgren asked for money."),
        story(4, "Nurse Ida Lindgren opened the new clinic by the quay. Lindgren said patients had waited years, "
                 "and Lindgren thanked the volunteers."),
        story(5, "The clinic and the breakwater both need money, Lindgren told the meeting on Friday evening."),
    ]
    write_sources(tmp_path / "in", texts, files=len(texts))
    run_batch([str(tmp_path / "in")], tmp_path / "out", scheduler=IN_PROCESS)
    raw = read_table(tmp_path / "out", "entities")
    assert {"moravec", "renata moravec", "lindgren"} <= set(raw["key"])  # the analyser keeps each article's own name
    with Archive(tmp_path / "out") as archive:
        top = archive.entities(top=20).set_index("key")
        assert "moravec" not in top.index
        assert top.loc["renata moravec", "entity"] == "Renata Moravec"
        assert top.loc["renata moravec", "articles"] == 2
        assert top.loc["renata moravec", "mentions"] == int(raw.loc[raw["key"].isin(["moravec", "renata moravec"]),
                                                                    "mentions"].sum())
        assert "lindgren" in top.index  # the surname of two people stays its own row
        found = archive.articles(entity="Renata Moravec")
        assert len(found) == 2


def test_terms_and_their_rate_per_month(output):
    raw, arts = read_table(output, "terms"), read_table(output, "articles")
    want = raw.groupby("term")["count"].sum()
    with Archive(output) as archive:
        got = archive.terms(top=10)
        assert dict(zip(got["term"], got["count"])) == {t: want[t] for t in got["term"]}
        assert got["count"].is_monotonic_decreasing and got.iloc[0]["count"] == want.max()
        monthly = archive.terms(top=3, by="month")
    words = arts.groupby("month")["word_count"].sum()
    row = monthly.iloc[0]
    count = raw[(raw["term"] == row["term"]) & (raw["month"] == row["month"])]["count"].sum()
    assert row["count"] == count and row["per_1000"] == pytest.approx(count * 1000 / words[row["month"]])


def test_sentiment_is_the_word_weighted_mean(output):
    arts = read_table(output, "articles")
    arts = arts[arts["sentiment_available"]]
    with Archive(output) as archive:
        got = archive.sentiment(by="month").set_index("month")
        overall = archive.sentiment(by=None)
    for month, group in arts.groupby("month"):
        weighted = (group["sentiment_polarity"] * group["word_count"]).sum() / group["word_count"].sum()
        assert got.loc[month, "polarity"] == pytest.approx(weighted)
        assert got.loc[month, "articles"] == len(group)
    assert overall.iloc[0]["articles"] == len(arts)


def test_articles_are_found_by_any_name_of_an_entity(output):
    raw = read_table(output, "entities")
    with_alias = raw[raw["aliases"].map(len) > 0].iloc[0]
    alias = list(with_alias["aliases"])[0]
    with Archive(output) as archive:
        by_alias = archive.articles(entity=alias, limit=100)
        by_name = archive.articles(entity=with_alias["name"], limit=100)
        assert with_alias["id"] in set(by_alias["id"]) and with_alias["id"] in set(by_name["id"])
        assert by_name["mentions"].is_monotonic_decreasing
        assert archive.articles(entity="Nobody Atall").empty
        text = archive.article_text(with_alias["id"])
        assert text["text"].startswith("Trial report number")


def test_articles_go_to_the_library_with_their_text_title_source_and_date(output, tmp_path):
    from analysis.store.library import Library, content_hash

    with Archive(output) as archive:
        dated = archive.articles(limit=2)
        with Library(tmp_path / "lib") as library:
            first = archive.add_to_library(library, list(dated["id"]))
            again = archive.add_to_library(library, list(dated["id"][:1]))
            listed = library.list_articles().set_index("id")
            assert [r.status for r in first] == ["added", "added"] and again[0].status == "duplicate"
            for result, (_, row) in zip(first, dated.iterrows()):
                assert content_hash(library.article(result.id).text) == row["id"]
                assert listed.loc[result.id, "title"] == row["title"]
                assert str(listed.loc[result.id, "published"]) == str(row["published"])
        with pytest.raises(KeyError):
            archive.add_to_library(None, ["no-such-id"])


def test_the_rollup_follows_new_runs(tmp_path):
    texts = articles(6, seed=5)
    write_sources(tmp_path / "in", texts[:3], files=3)
    run_batch([str(tmp_path / "in" / "files")], tmp_path / "out", scheduler=IN_PROCESS)
    with Archive(tmp_path / "out") as archive:
        assert archive.summary()["articles"] == 3
    (tmp_path / "in" / "files" / "more.txt").write_text(texts[4])
    run_batch([str(tmp_path / "in" / "files")], tmp_path / "out", scheduler=IN_PROCESS)
    with Archive(tmp_path / "out") as archive:
        assert archive.summary()["articles"] == 4


def test_a_folder_that_is_not_a_batch_output_is_refused(tmp_path):
    with pytest.raises(StoryscopeError, match="not a batch output"):
        Archive(tmp_path)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)


@pytest.mark.slow
def test_archive_command_prints_table_csv_and_json(output, tmp_path):
    table = _cli("archive", str(output), "entities", "--top", "3")
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["entity", "type", "mentions", "articles"] and len(lines) == 5
    rows = list(csv.reader(io.StringIO(_cli("archive", str(output), "terms", "--top", "4", "--format", "csv").stdout)))
    assert rows[0] == ["term", "count", "articles", "per_1000"] and len(rows) == 5
    data = json.loads(_cli("archive", str(output), "sentiment", "--by", "source", "--format", "json").stdout)
    assert {"source", "articles", "polarity"} <= set(data[0])
    missing = _cli("archive", str(tmp_path), "terms")
    assert missing.returncode == 2 and "not a batch output" in missing.stderr and "Traceback" not in missing.stderr
