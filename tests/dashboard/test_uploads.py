"""dashboard/uploads.py: uploads are read and analysed in a worker process; outcomes come back as plain values."""

from __future__ import annotations

import os

import pytest

from analysis.store.library import Library
from dashboard import uploads

ARTICLE = ("Harbour Ferry Service Resumes\n\nThe ferry between Northport and the islands resumed its timetable on "
           "Monday, three days after a winter storm closed the harbour.\n").encode("utf-8")


@pytest.fixture(scope="module")
def pool():
    workers = uploads.worker_pool()
    yield workers
    workers.shutdown()


@pytest.mark.slow  # a subprocess, a browser or a rebuild: over half a second (fast tier under a minute)
def test_a_file_is_added_by_another_process(pool, tmp_path):
    worker_pid = pool.submit(os.getpid).result()
    assert worker_pid != os.getpid()
    outcome = uploads.submit(pool, str(tmp_path), ARTICLE, "ferry.txt").result(timeout=120)
    assert outcome.status == "added" and outcome.title == "Harbour Ferry Service Resumes"
    with Library(tmp_path) as library:  # this process sees what the worker stored
        assert library.article(outcome.id).title == outcome.title
    again = uploads.submit(pool, str(tmp_path), ARTICLE, "again.txt").result(timeout=120)
    assert again.status == "duplicate" and again.id == outcome.id


def test_a_refusal_comes_back_as_its_message(pool, tmp_path):
    outcome = uploads.submit(pool, str(tmp_path), b"\x00\x01\x02\x03" * 100, "data.txt").result(timeout=120)
    assert outcome.status == "refused"
    assert outcome.message.startswith("data.txt: holds binary data")
