"""analysis/store/library.py when the disk or the file is not what it should be: each case its own true message.

Read-only and full disks are real: small tmpfs mounts (skipped where mounting is not allowed).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
import subprocess
import uuid

import pytest

from analysis.errors import StoreError
from analysis.store.library import DB_FILENAME, Library

ARTICLE = ("Harbour Ferry Service Resumes\n\nThe ferry between Northport and the islands resumed its timetable on "
           "Monday, three days after a winter storm closed the harbour.\n")


@pytest.fixture
def no_seeds(tmp_path):
    folder = tmp_path / "no-seeds"
    folder.mkdir()
    return folder


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def mount(tmp_path):
    """mount(options) -> a fresh tmpfs folder mounted with those options; unmounted afterwards."""
    mounted = []

    def make(options: str):
        point = tmp_path / f"mnt-{uuid.uuid4().hex[:6]}"
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()})")
        mounted.append(point)
        return point

    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def test_a_new_library_is_private(tmp_path, no_seeds):
    folder = tmp_path / "new" / "library"
    with Library(folder, seeds_dir=no_seeds):
        pass
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / DB_FILENAME).stat().st_mode) == 0o600


def test_a_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path, no_seeds):
    path = tmp_path / DB_FILENAME
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT, body TEXT)")
        other.execute("INSERT INTO articles (headline, body) VALUES ('x', 'y')")
    other.close()
    before = _digest(path)
    with pytest.raises(StoreError) as info:
        Library(tmp_path, seeds_dir=no_seeds)
    assert str(info.value) == (
        f"{path} is an SQLite database of another program, not a Storyscope library; Storyscope left it untouched. "
        "Move it away (Storyscope then starts a new library there) or choose another folder with STORYSCOPE_DATA."
    )
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([DB_FILENAME, "no-seeds"])  # no -wal, no -shm


def _library_then(tmp_path, no_seeds, change) -> None:
    with Library(tmp_path, seeds_dir=no_seeds):
        pass
    with sqlite3.connect(tmp_path / DB_FILENAME) as db:
        change(db)
    db.close()


def test_a_newer_library_is_refused_and_left_untouched(tmp_path, no_seeds):
    _library_then(tmp_path, no_seeds,
                  lambda db: db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'"))
    path = tmp_path / DB_FILENAME
    before = _digest(path)
    with pytest.raises(StoreError) as info:
        Library(tmp_path, seeds_dir=no_seeds)
    assert str(info.value) == (
        f"{path} was written by a newer Storyscope (library schema 99; this version reads schema 1); Storyscope "
        "left it untouched. Update Storyscope, or choose another folder with STORYSCOPE_DATA."
    )
    assert _digest(path) == before


def test_a_column_this_version_cannot_fill_is_reported(tmp_path, no_seeds):
    _library_then(tmp_path, no_seeds,
                  lambda db: db.execute("ALTER TABLE articles ADD COLUMN sentiment_v2 TEXT NOT NULL DEFAULT 'x'"))
    with Library(tmp_path, seeds_dir=no_seeds) as library:  # a column with a default does no harm
        library.add_text(ARTICLE, title="Ferry")
    path = tmp_path / DB_FILENAME
    with sqlite3.connect(path) as db:
        db.execute("ALTER TABLE entity_edits RENAME COLUMN b TO target")
    db.close()
    with pytest.raises(StoreError) as info:
        Library(tmp_path, seeds_dir=no_seeds)
    assert str(info.value) == (
        f"{path}: its table 'entity_edits' is not Storyscope's (missing b); it was made by another program or a "
        "newer Storyscope and was left untouched. Move it away or choose another folder with STORYSCOPE_DATA."
    )


def test_a_read_only_folder_says_so(mount, no_seeds):
    folder = mount("size=1m,ro")
    with pytest.raises(StoreError) as info:
        Library(folder, seeds_dir=no_seeds)
    assert str(info.value) == (
        f"The library {folder / DB_FILENAME} cannot be written: its folder {folder} is read-only for Storyscope. "
        "Make it writable, or choose another folder with STORYSCOPE_DATA."
    )


def test_a_library_on_a_folder_made_read_only_says_so(mount, no_seeds):
    folder = mount("size=2m")
    with Library(folder, seeds_dir=no_seeds):
        pass
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    with pytest.raises(StoreError, match=r"cannot be written: its folder .* is read-only for Storyscope"):
        with Library(folder, seeds_dir=no_seeds) as library:
            library.add_text(ARTICLE, title="Ferry")


def test_a_full_disk_says_so_and_keeps_what_was_stored(mount, no_seeds):
    folder = mount("size=400k")
    library = Library(folder, seeds_dir=no_seeds)
    first = library.add_text(ARTICLE, title="Ferry", analyze=False)
    with pytest.raises(StoreError) as info:
        for n in range(200):  # ~60 KB each: the disk fills up
            library.add_text(f"Report {n}\n\n" + f"word{n} " * 10_000, title=f"Report {n}", analyze=False)
    assert str(info.value) == (
        f"The disk holding the library {folder / DB_FILENAME} is full; nothing was stored. Free some space (or "
        "choose another folder with STORYSCOPE_DATA) and try again."
    )
    assert library.article(first.id).title == "Ferry"
    library.close()


def test_a_full_disk_when_creating_the_library_says_so(mount, no_seeds):
    folder = mount("size=4k")
    try:
        with open(folder / "filler", "wb") as filler:
            filler.write(b"x" * 8192)  # more than the disk holds
    except OSError:
        pass
    with pytest.raises(StoreError, match=r"^The disk holding the library .* is full"):
        Library(folder, seeds_dir=no_seeds)
    assert os.path.exists(folder / "filler")
