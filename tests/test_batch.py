"""analysis/batch: sources, the worker's task, the output folder's commits, and whole runs on a LocalCluster.

The slow tests run real Dask clusters of two worker processes; the others run the same task function in this
process (``scheduler="in-process"``)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from analysis.batch import folder as fo
from analysis.batch.run import IN_PROCESS, run_batch
from analysis.batch.sources import list_sources
from analysis.pipeline import analyze
from analysis.store.library import content_hash
from tests.batch_support import ROOT, articles, local_articles, write_sources


def read_table(out: Path, table: str) -> pd.DataFrame:
    paths = [str(p) for p, _ in fo.task_files(out) if p.is_relative_to(out / table)]
    if not paths:
        return pd.DataFrame()
    return ds.dataset(paths, format="parquet").to_table().to_pandas()


def _none(value):
    """None for every missing value (None, NaN, pandas.NA), the value otherwise."""
    return None if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)) else value


def assert_matches_local(out: Path, made: dict) -> None:
    """Every table of ``out`` holds exactly what ``analyze`` gives for each article, each article once."""
    local = local_articles(made)
    arts, paras = read_table(out, "articles"), read_table(out, "paragraphs")
    terms, ents = read_table(out, "terms"), read_table(out, "entities")
    assert arts["id"].is_unique
    assert set(arts["id"]) == {content_hash(a.text) for a in local}
    by_id = {k: g for k, g in terms.groupby("id")}
    ents_by = {k: g for k, g in ents.groupby("id")}
    paras_by = {k: g for k, g in paras.groupby("id")}
    rows = arts.set_index("id")
    for article in local:
        result = analyze(article)
        id = content_hash(article.text)
        row = rows.loc[id]
        assert row["title"] == article.title and row["language"] == article.language
        assert _none(row["source"]) == article.source and _none(row["published"]) == article.published
        assert row["word_count"] == result.word_count and row["paragraph_count"] == len(article.paragraphs)
        for field, value in vars(result.sentiment_summary).items():
            assert _none(row[f"sentiment_{field}"]) == _none(value)
        got = by_id[id].drop(columns=["id", "month"]).reset_index(drop=True)
        pd.testing.assert_frame_equal(got, result.terms.reset_index(drop=True), check_dtype=False)
        want = result.entities.table.reset_index(drop=True)
        got = ents_by[id][list(want.columns)].reset_index(drop=True)
        assert [tuple(r) for r in got.drop(columns=["aliases", "paragraphs"]).itertuples(index=False)] == \
               [tuple(r) for r in want.drop(columns=["aliases", "paragraphs"]).itertuples(index=False)]
        assert [tuple(x) for x in got["aliases"]] == [tuple(x) for x in want["aliases"]]
        assert [tuple(int(i) for i in x) for x in got["paragraphs"]] == [tuple(x) for x in want["paragraphs"]]
        want = result.sentiment.reset_index(drop=True)
        got = paras_by[id].sort_values("index")
        assert list(got["text"]) == [p.text for p in article.paragraphs]
        pd.testing.assert_frame_equal(got[list(want.columns)].reset_index(drop=True), want, check_dtype=False)


# --- in this process --------------------------------------------------------------------------------------

def test_bad_sources_and_rows_become_error_rows_and_the_rest_is_analysed(tmp_path):
    made = write_sources(tmp_path / "in", articles(12), files=3, zipped=3, bad=True)
    (tmp_path / "in" / "files" / "notes.xyz").write_text("not an article format")
    summary = run_batch([str(tmp_path / "in"), str(tmp_path / "missing")], tmp_path / "out", scheduler=IN_PROCESS,
                        batch_size=4)
    errors = read_table(tmp_path / "out", "errors")
    reasons = dict(zip(errors["source"], errors["reason"]))
    assert summary.articles == 12 and summary.errors == len(errors) == 7
    assert "no such file" in reasons[str(tmp_path / "missing")]
    assert "binary" in reasons[f"{tmp_path / 'in' / 'bundle.zip'}!stories/noise.txt"]
    assert "empty" in reasons[f"{tmp_path / 'in' / 'bundle.zip'}!stories/blank.txt"]
    assert "cannot be read" in reasons[str(tmp_path / "in" / "files" / "notes.xyz")]
    row_reasons = [r for s, r in reasons.items() if "#byte=" in s]
    assert len(row_reasons) == 3 and any("binary" in r for r in row_reasons) and any("JSON" in r for r in row_reasons)
    assert_matches_local(tmp_path / "out", made)


def test_rerun_skips_done_tasks_adds_new_articles_and_keeps_each_article_once(tmp_path):
    texts = articles(10)
    made = write_sources(tmp_path / "in", texts[:8], files=8)
    first = run_batch([str(tmp_path / "in" / "files")], tmp_path / "out", scheduler=IN_PROCESS, batch_size=3)
    assert first.articles == 8 and first.tasks == 3
    (tmp_path / "in" / "files" / "new-1.txt").write_text(texts[8])
    (tmp_path / "in" / "files" / "new-2.txt").write_text(texts[9])
    (tmp_path / "in" / "files" / "zz-copy.txt").write_text(texts[0])  # the same article again
    second = run_batch([str(tmp_path / "in" / "files")], tmp_path / "out", scheduler=IN_PROCESS, batch_size=100)
    assert second.articles == 2 and second.duplicates == 9  # the 8 earlier ones (not analysed again), the copy
    for name in ("new-1.txt", "new-2.txt"):
        made[str(tmp_path / "in" / "files" / name)] = {"file": tmp_path / "in" / "files" / name}
    assert_matches_local(tmp_path / "out", made)
    third = run_batch([str(tmp_path / "in" / "files")], tmp_path / "out", scheduler=IN_PROCESS, batch_size=100)
    assert third.articles == 0 and third.skipped_tasks == third.tasks


def test_a_commit_cut_short_is_undone_by_the_next_run(tmp_path, monkeypatch):
    """As if kill -9 struck between two renames: the task's visible files go, and the rerun writes it once."""
    made = write_sources(tmp_path / "in", articles(6), files=0)
    real_replace, calls = os.replace, []

    def dying_replace(src, dst):
        calls.append(dst)
        if len(calls) == 3 and "_tasks" not in str(dst):
            raise KeyboardInterrupt  # the process stops here
        return real_replace(src, dst)

    monkeypatch.setattr(fo.os, "replace", dying_replace)
    with pytest.raises(KeyboardInterrupt):
        run_batch([str(tmp_path / "in" / "table.jsonl")], tmp_path / "out", scheduler=IN_PROCESS)
    monkeypatch.setattr(fo.os, "replace", real_replace)
    out = tmp_path / "out"
    assert not fo.committed_tasks(out) and list(fo.task_files(out))  # half a task visible
    summary = run_batch([str(tmp_path / "in" / "table.jsonl")], out, scheduler=IN_PROCESS)
    assert summary.articles == 6
    assert_matches_local(out, made)


def test_an_output_folder_keeps_its_settings(tmp_path):
    write_sources(tmp_path / "in", articles(2), files=2)
    run_batch([str(tmp_path / "in")], tmp_path / "out", scheduler=IN_PROCESS)
    with pytest.raises(fo.BatchError, match="include_boilerplate"):
        run_batch([str(tmp_path / "in")], tmp_path / "out", scheduler=IN_PROCESS, include_boilerplate=True)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "keep.txt").write_text("x")
    with pytest.raises(fo.BatchError, match="not a batch output and not empty"):
        run_batch([str(tmp_path / "in")], tmp_path / "other", scheduler=IN_PROCESS)


def test_partition_by_none_and_parquet_csv_tables(tmp_path):
    import pyarrow as pa

    texts = articles(5)
    pq.write_table(pa.table({"text": texts[:3], "published": ["2024-02-03", None, "2024-03-01"],
                             "authors": [["Ana Ruiz", "Tom Lee"], None, []]}), tmp_path / "t.parquet",
                   row_group_size=2)
    pd.DataFrame({"text": texts[3:], "source": ["A", "B"]}).to_csv(tmp_path / "t.csv", index=False)
    summary = run_batch([str(tmp_path / "t.*")], tmp_path / "out", scheduler=IN_PROCESS, partition_by="none")
    assert summary.articles == 5 and summary.errors == 0
    assert not list((tmp_path / "out" / "articles").glob("month=*"))
    arts = read_table(tmp_path / "out", "articles")
    authors = {tuple(a) for a in arts["authors"]}
    assert ("Ana Ruiz", "Tom Lee") in authors and set(arts["month"]) == {"2024-02", "2024-03", "unknown"}


def test_jsonl_is_cut_at_line_starts_whatever_the_block_size(tmp_path, monkeypatch):
    from analysis.batch import sources

    write_sources(tmp_path / "in", articles(9), files=0)
    assert 3 <= len(list_sources([str(tmp_path / "in" / "table.jsonl")], batch_size=3).tasks) <= 4
    monkeypatch.setattr(sources, "JSONL_BLOCK_BYTES", 1000)
    listed = list_sources([str(tmp_path / "in" / "table.jsonl")])
    assert len(listed.tasks) > 9
    origins = [item.origin for task in listed.tasks for item in sources.read_task(task)]
    assert len(origins) == len(set(origins)) == 9


# --- on a real cluster --------------------------------------------------------------------------------------

@pytest.mark.slow
def test_300_articles_on_two_workers_match_analyze_exactly(tmp_path):
    made = write_sources(tmp_path / "in", articles(300), files=40, zipped=30)
    summary = run_batch([str(tmp_path / "in")], tmp_path / "out", workers=2, batch_size=40)
    assert (summary.articles, summary.errors, summary.workers) == (300, 0, 2)
    assert summary.worker_peak_mb and max(summary.worker_peak_mb.values()) < 1024
    assert_matches_local(tmp_path / "out", made)


def _start(tmp_path: Path, sources: list[str], out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "analysis", "batch", *sources, "--out", str(out), "--workers", "2",
                             "--batch-size", "3"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


def _wait_for_markers(out: Path, n: int, proc: subprocess.Popen, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if len(fo.committed_tasks(out)) >= n:
            return
        assert proc.poll() is None, proc.stderr.read().decode()
        time.sleep(0.05)
    raise AssertionError("no task finished in time")


def _assert_each_once_and_readable(out: Path, made: dict) -> None:
    for path, _ in fo.task_files(out):
        pq.read_table(path)  # no corrupt file
    for table in ("terms", "entities", "paragraphs"):
        frame = read_table(out, table)
        assert frame.groupby("id")["month"].nunique().max() == 1
    assert_matches_local(out, made)


@pytest.mark.slow
def test_kill_9_of_the_client_then_a_rerun_writes_each_article_once(tmp_path):
    made = write_sources(tmp_path / "in", articles(40), files=0)
    out = tmp_path / "out"
    proc = _start(tmp_path, [str(tmp_path / "in" / "table.jsonl")], out)
    try:
        _wait_for_markers(out, 2, proc)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    done_before = len(fo.committed_tasks(out))
    assert 0 < done_before
    rerun = _start(tmp_path, [str(tmp_path / "in" / "table.jsonl")], out)
    stdout, stderr = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, stderr.decode()
    assert "tasks already done" in stdout.decode()
    _assert_each_once_and_readable(out, made)


@pytest.mark.slow
def test_kill_9_of_a_worker_mid_run_still_writes_each_article_once(tmp_path):
    import psutil

    made = write_sources(tmp_path / "in", articles(40), files=0)
    out = tmp_path / "out"
    proc = _start(tmp_path, [str(tmp_path / "in" / "table.jsonl")], out)
    try:
        _wait_for_markers(out, 1, proc)
        workers = [p for p in psutil.Process(proc.pid).children(recursive=True)
                   if "spawn_main" in " ".join(p.cmdline())]
        assert workers, "no worker process found"
        os.kill(workers[0].pid, signal.SIGKILL)
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 0, stderr.decode()
    _assert_each_once_and_readable(out, made)
    rerun = _start(tmp_path, [str(tmp_path / "in" / "table.jsonl")], out)
    stdout, _ = rerun.communicate(timeout=300)
    assert rerun.returncode == 0 and stdout.decode().startswith("Done: 0 articles")
    _assert_each_once_and_readable(out, made)


# --- hostile sources: refused quickly, in bounded memory, as error rows ----------------------------------------

def _items(source, monkeypatch, limit_mb: str = "0.01"):
    from analysis.batch.sources import read_task

    monkeypatch.setenv("STORYSCOPE_MAX_UPLOAD_MB", limit_mb)  # 10,485 bytes
    listed = list_sources([str(source)])
    return [item for task in listed.tasks for item in read_task(task)]


def test_a_fifo_in_a_folder_is_an_error_row_not_a_worker_waiting_forever(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text(articles(1)[0][:5000], encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")  # nobody writes to it: reading it would block
    items = {Path(i.origin).name: i for i in _items(folder, monkeypatch)}
    assert items["story.txt"].article is not None
    assert "named pipe" in items["pipe.txt"].error


def test_loose_files_zip_members_and_jsonl_lines_over_the_limit_are_refused(tmp_path, monkeypatch):
    import zipfile

    text = articles(1)[0][:4000]
    big = ("A paragraph that goes on. " * 600 + "\n\n") * 2  # about 31 KB, three times the limit
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text(big, encoding="utf-8")
    with zipfile.ZipFile(folder / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("small.txt", text)
        z.writestr("big.txt", big)
    with open(folder / "table.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"text": big}) + "\n")
        f.write(json.dumps({"text": text}) + "\n")
    items = {i.origin.replace(str(folder), ""): i for i in _items(folder, monkeypatch)}
    assert "over the" in items["/big.txt"].error
    assert items["/bundle.zip!small.txt"].article is not None
    assert "limit" in items["/bundle.zip!big.txt"].error
    long_line, short_line = sorted((k for k in items if "#byte=" in k), key=lambda k: int(k.split("=")[1]))
    assert "over the" in items[long_line].error and items[short_line].article is not None
    assert int(short_line.split("=")[1]) == len(json.dumps({"text": big})) + 1  # the next line found after the skip


def test_a_zip_member_whose_header_understates_its_size_is_refused_not_read_past_its_claim(tmp_path, monkeypatch):
    import zipfile

    path = tmp_path / "liar.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("story.txt", "word " * 6000)  # 30,000 bytes
    raw = bytearray(path.read_bytes())
    # Rewrite the central directory's uncompressed size (offset 24 in the entry) to claim 100 bytes.
    at = raw.rfind(b"PK\x01\x02")
    raw[at + 24:at + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    (item,) = _items(path, monkeypatch)
    assert item.article is None and "damaged" in item.error


def test_a_csv_with_an_endless_field_keeps_the_rows_before_it_and_refuses_the_rest(tmp_path, monkeypatch):
    text = articles(1)[0][:3000].replace("\n\n", " ")
    path = tmp_path / "table.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("title,text\n")
        for i in range(3):
            f.write(f'Story {i},"{text}"\n')
        f.write('Endless,"' + "x" * 200_000 + '"\n')
        f.write(f'After,"{text}"\n')
    items = _items(path, monkeypatch)
    # pandas reads ahead in blocks, so the rows before the endless one may or may not have been handed out;
    # what is handed out is whole, and the refusal is one error row, last.
    assert all(i.article is not None for i in items[:-1]) and len(items) <= 4
    assert "more than 10485 bytes" in items[-1].error and "not read" in items[-1].error
