"""Adding uploaded files in a worker process, so reading and analysing one never freezes other sessions.

Streamlit runs every session's script in a thread of one process: a file that takes a minute to analyse would
hold the interpreter (the GIL) for all of them. :func:`submit` hands the bytes to a separate process (one
worker, kept for the server's life by ``dashboard.cached.upload_worker``), which opens the same library folder
(SQLite in WAL mode lets both processes use it) and stores the article; the page polls the returned future and
shows progress meanwhile. Errors come back as plain values (:class:`Outcome`), never as exception objects.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Literal

OutcomeStatus = Literal["added", "duplicate", "refused", "failed"]


@dataclasses.dataclass(frozen=True)
class Outcome:
    """What adding one file did: status "added"/"duplicate" (with the stored id and title), "refused" (an input
    or store error; ``message`` says what and how to fix it) or "failed" (a bug; ``message`` is for the log)."""

    status: OutcomeStatus
    id: int | None = None
    title: str | None = None
    message: str | None = None


def worker_pool() -> ProcessPoolExecutor:
    """One worker process, started with ``spawn`` (never ``fork`` a server that runs threads)."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


def submit(pool: ProcessPoolExecutor, folder: str, data: bytes, filename: str) -> Future[Outcome]:
    """Add the file to the library in ``folder`` in the worker; the future's result is an :class:`Outcome`."""
    return pool.submit(add_file, folder, data, filename)


_LIBRARIES: dict[str, object] = {}


def add_file(folder: str, data: bytes, filename: str) -> Outcome:
    """(In the worker.) Read, analyse and store one file; every failure becomes an Outcome."""
    from analysis.errors import StoryscopeError
    from analysis.store.library import Library

    try:
        library = _LIBRARIES.get(folder)
        if library is None:
            library = _LIBRARIES[folder] = Library(folder)
        result = library.add_file(data, filename)  # type: ignore[attr-defined]
    except StoryscopeError as err:
        return Outcome("refused", message=str(err))
    except Exception as err:  # noqa: BLE001 - reported to the page, which logs it
        return Outcome("failed", message=f"{type(err).__name__}: {err}")
    return Outcome(result.status, result.id, result.title)


__all__ = ["Outcome", "add_file", "submit", "worker_pool"]
