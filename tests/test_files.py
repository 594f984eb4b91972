"""analysis/reading/files.py: only regular files are read, and never past the size limit."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from analysis.errors import FileTooLargeError, InputError
from analysis.reading.files import read_path


def _fifo(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


def _devzero(tmp_path):
    path = tmp_path / "zero.txt"
    path.symlink_to("/dev/zero")
    return path


def _folder(tmp_path):
    path = tmp_path / "articles"
    path.mkdir()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (_fifo, "is a named pipe (FIFO), not a regular file; save the article as a file and name that."),
        (_devzero, "is a symbolic link to /dev/zero, a character device, not a regular file; save the article as a "
                   "file and name that."),
        (_folder, "is a folder, not a file; name the article files inside it."),
        (lambda tmp: tmp / "missing.txt", "no such file; check the path."),
    ],
    ids=["fifo", "symlink to /dev/zero", "folder", "missing"],
)
def test_what_is_not_a_regular_file_is_refused_without_reading(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(InputError) as info:
        read_path(path)  # a FIFO would block here, /dev/zero fill the memory
    assert str(info.value) == f"{path}: {message}"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to own files as others")
def test_a_symlink_to_a_file_its_owner_may_not_read_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root's own notes\n")
    secret.chmod(0o600)  # owned by root, readable by root only
    link = tmp_path / "innocent.txt"
    link.symlink_to(secret)
    os.lchown(link, 65534, 65534)  # the link belongs to "nobody"
    with pytest.raises(InputError) as info:
        read_path(link)
    assert str(info.value) == (
        f"{link}: is a symbolic link to {secret}, a file that only its owner may read; copy the article to a file "
        "of your own and name that."
    )
    secret.chmod(0o644)  # readable by everyone: the link may be followed
    assert read_path(link) == b"root's own notes\n"


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    sparse = tmp_path / "sparse.txt"
    with open(sparse, "wb") as file:
        file.truncate(1024 ** 3)  # 1 GB that takes no disk space
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a))
    with pytest.raises(FileTooLargeError) as info:
        read_path(sparse)
    assert str(info.value) == (
        f"{sparse}: is 1024 MB, over the 20 MB limit; upload a smaller file (or raise the limit with "
        "STORYSCOPE_MAX_UPLOAD_MB)."
    )
    assert opened == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc reports files of size 0")
def test_reading_stops_past_the_limit_whatever_the_size_said():
    assert os.stat("/proc/self/status").st_size == 0
    with pytest.raises(FileTooLargeError, match=r"^/proc/self/status: is over the 100 bytes limit"):
        read_path("/proc/self/status", max_bytes=100)


def test_a_regular_file_and_a_symlink_to_ones_own_file_are_read(tmp_path):
    article = tmp_path / "ferry.txt"
    article.write_bytes(b"The ferry resumed.\n")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    assert read_path(article) == read_path(link) == b"The ferry resumed.\n"
    assert stat.S_ISLNK(os.lstat(link).st_mode)
