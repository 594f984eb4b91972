"""Running a batch on Dask: the sources cut into tasks, each task analysed on a worker with the same
:func:`analysis.pipeline.analyze` the CLI and the dashboard use, its files committed by the client.

The client lists the sources and keeps a few tasks per worker in flight (never the archive: a task's result is
the list of files a worker wrote and the ids of its articles). Workers read their articles one at a time and
write a set of Parquet files every ``flush`` articles, so their memory does not grow with the archive.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from analysis.batch import folder as fo
from analysis.batch.sources import DEFAULT_BATCH_SIZE, Task, list_sources, read_task
from analysis.batch.tables import Rows

#: Articles a worker holds before writing them out.
FLUSH_ARTICLES = 500
#: ``scheduler`` value that runs the tasks one after the other in this process, without Dask (tests, tiny jobs).
IN_PROCESS = "in-process"
#: Tasks in flight per worker.
IN_FLIGHT_PER_WORKER = 2


@dataclass
class Progress:
    """Where a run is: tasks done of all, articles and words written, errors, seconds since the start."""

    tasks_done: int = 0
    tasks: int = 0
    articles: int = 0
    words: int = 0
    errors: int = 0
    seconds: float = 0.0
    articles_estimate: int = 0


@dataclass
class BatchSummary:
    """What a run did. articles/words/errors: written by this run; skipped_tasks: already done by an earlier
    run; duplicates: articles left out because the output already holds them; errors_in_output: every error row
    in the output folder (a rerun does not hide earlier ones); worker_peak_mb: each worker's peak resident memory;
    worker_cpu_s: each worker process's CPU seconds (start-up included)."""

    out: str
    articles: int = 0
    words: int = 0
    errors: int = 0
    duplicates: int = 0
    tasks: int = 0
    skipped_tasks: int = 0
    seconds: float = 0.0
    errors_in_output: int = 0
    dashboard: str | None = None
    workers: int = 0
    worker_peak_mb: dict[str, float] = field(default_factory=dict)
    worker_cpu_s: dict[str, float] = field(default_factory=dict)


def analyse_task(task: Task, out: str, run: str, include_boilerplate: bool, partition_by: str,
                 known: frozenset[str] = frozenset(), flush: int = FLUSH_ARTICLES) -> dict:
    """On a worker: analyse ``task``'s articles and stage their rows under ``out/_staging/run``. Articles whose
    id is in ``known`` (already in the output when the run started) are skipped without being analysed.

    Returns key, staging, files, ids, articles, words, errors, duplicates (within the task), label.
    """
    from analysis.batch.tables import article_id
    from analysis.pipeline import analyze

    staging = Path(out) / fo.STAGING / run / f"{task.key}-{uuid.uuid4().hex[:8]}"
    staging.mkdir(parents=True, exist_ok=True)
    rows, files, ids, seen = Rows(), [], [], set()
    counts = {"articles": 0, "words": 0, "errors": 0, "duplicates": 0}

    def write_out(rows: Rows) -> None:
        counts["articles"] += len(rows)
        counts["words"] += rows.words
        counts["errors"] += len(rows.errors)
        files.extend(fo.stage(rows.tables(), staging, task.key, len(files), partition_by=partition_by))

    try:
        for item in read_task(task):
            if item.error is not None:
                rows.add_error(item.origin, item.error)
                continue
            digest = None
            try:
                digest = article_id(item.article)
                if digest in seen or digest in known:
                    counts["duplicates"] += 1
                    continue
                seen.add(digest)
                rows.add(analyze(item.article, include_boilerplate=include_boilerplate),
                         id=digest, origin=item.origin, url=item.url)
                ids.append(digest)
            except Exception as err:  # noqa: BLE001 - one article failing is an error row; the task goes on
                rows.add_error(item.origin, f"could not be analysed ({type(err).__name__}: {err}); please report "
                                            "this.", id=digest)
            if len(rows) >= flush:
                write_out(rows)
                rows = Rows()
    except Exception as err:  # noqa: BLE001 - the source went away or broke mid-way
        rows.add_error(task.url or task.label, f"could not be read to the end ({type(err).__name__}: {err}).")
    write_out(rows)
    return {"key": task.key, "staging": str(staging), "files": files, "ids": ids, "label": task.label, **counts}


def _usage() -> tuple[float, float]:
    """This process's peak resident memory (MB) and CPU time so far (s)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def _problem_marker(out: Path, key: str, rows: Rows, kind: str, run: str) -> None:
    """Commit error rows that belong to no task (a source that cannot be listed, a task that failed)."""
    staging = out / fo.STAGING / run / key
    files = fo.stage(rows.tables(), staging, key, 0, partition_by="none")
    fo.commit(out, staging, files, key, {"kind": kind, "errors": len(rows.errors)})


def _forget_problems(out: Path) -> None:
    """Problems recorded by an earlier run are looked at again: delete their rows and markers."""
    folder = out / fo.TASKS
    if not folder.is_dir():
        return
    for marker in folder.glob("*.json"):
        try:
            kind = json.loads(marker.read_text(encoding="utf-8")).get("kind")
        except (OSError, ValueError):
            continue
        if kind in ("sources", "failure"):
            for path in (out / "errors").glob(f"part-{marker.stem}-*.parquet"):
                path.unlink(missing_ok=True)
            marker.unlink(missing_ok=True)


def _key(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def run_batch(
    sources: list[str],
    out: str | os.PathLike[str],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    include_boilerplate: bool = False,
    partition_by: str = "month",
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_start: Callable[[str | None, int], None] | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> BatchSummary:
    """Analyse every article of ``sources`` on Dask and write the tables under ``out``.

    Without ``scheduler`` a LocalCluster of ``workers`` processes (default: the number of cores) runs here;
    ``scheduler`` (``tcp://host:8786``) uses an existing cluster, whose workers must see ``out`` at the same
    path (a shared file system) and import this package; :data:`IN_PROCESS` runs the same tasks here, one by
    one, without Dask. ``on_start(dashboard_url, workers)`` is called once the
    cluster is up; ``on_progress(Progress)`` after each task.
    """
    from analysis.batch.query import build_rollup
    from analysis.pipeline import ANALYSER_VERSION

    start = time.monotonic()
    out_path = fo.open_output(out, analyser_version=str(ANALYSER_VERSION),
                              include_boilerplate=include_boilerplate, partition_by=partition_by).resolve()
    fo.clean_up(out_path)
    _forget_problems(out_path)
    run = uuid.uuid4().hex[:12]
    options = json.dumps([str(ANALYSER_VERSION), bool(include_boilerplate)])
    listed = list_sources(list(sources), options=options, batch_size=batch_size)
    summary = BatchSummary(out=str(out_path), tasks=len(listed.tasks))
    if listed.problems:
        rows = Rows()
        for source, reason in listed.problems:
            rows.add_error(source, reason)
        _problem_marker(out_path, _key("sources", run), rows, "sources", run)
        summary.errors += len(listed.problems)
    done = fo.committed_tasks(out_path)
    todo = [t for t in listed.tasks if t.key not in done]
    summary.skipped_tasks = len(listed.tasks) - len(todo)
    known = fo.committed_ids(out_path)
    progress = Progress(tasks=len(todo), errors=summary.errors, articles_estimate=listed.articles_estimate)

    def handle(task: Task, result: dict | None, err: BaseException | None) -> None:
        if err is not None:
            rows = Rows()
            rows.add_error(task.label, f"could not be analysed: the task failed ({type(err).__name__}: {err}); "
                                       "run the batch again to retry it.")
            _problem_marker(out_path, _key("failure", run, task.key), rows, "failure", run)
            summary.errors += 1
            progress.errors += 1
        else:
            _commit(out_path, result, known, summary, progress)
        progress.tasks_done += 1
        progress.seconds = time.monotonic() - start
        if on_progress:
            on_progress(progress)

    if todo and scheduler == IN_PROCESS:
        summary.workers = 1
        if on_start:
            on_start(None, 1)
        for task in todo:
            try:
                result = analyse_task(task, str(out_path), run, include_boilerplate, partition_by, frozenset(known))
            except Exception as err:  # noqa: BLE001
                handle(task, None, err)
            else:
                handle(task, result, None)
    elif todo:
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if scheduler:
            client = Client(scheduler, timeout="30s")
        else:
            n = workers or os.cpu_count() or 1
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":8787",
                                   silence_logs=50)
            client = Client(cluster)
        try:
            summary.dashboard = client.dashboard_link
            summary.workers = len(client.scheduler_info(n_workers=-1)["workers"])
            if on_start:
                on_start(summary.dashboard, summary.workers)
            limit = max(2, IN_FLIGHT_PER_WORKER * max(1, summary.workers))
            pending = iter(todo)
            by_future = {}
            # The ids already written, sent once to every worker (a few tens of MB per million articles).
            known_ids = client.scatter(frozenset(known), broadcast=True, hash=False) if known else frozenset()

            def submit(task: Task):
                future = client.submit(analyse_task, task, str(out_path), run, include_boilerplate, partition_by,
                                       known_ids, key=f"storyscope-{run}-{task.key}", pure=False)
                by_future[future.key] = task
                return future

            queue = as_completed([submit(t) for t in _take(pending, limit)])
            for future in queue:
                task = by_future.pop(future.key)
                try:
                    result = future.result()
                except Exception as err:  # noqa: BLE001 - e.g. a worker died three times on it
                    handle(task, None, err)
                else:
                    handle(task, result, None)
                finally:
                    future.release()
                for nxt in _take(pending, 1):
                    queue.add(submit(nxt))
            try:
                usage = client.run(_usage)
                summary.worker_peak_mb = {str(k): round(v[0], 1) for k, v in usage.items()}
                summary.worker_cpu_s = {str(k): round(v[1], 2) for k, v in usage.items()}
            except Exception:  # noqa: BLE001 - a figure, not worth failing the run for
                pass
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
    shutil.rmtree(out_path / fo.STAGING / run, ignore_errors=True)
    build_rollup(out_path)
    summary.errors_in_output = _count_errors(out_path)
    summary.seconds = time.monotonic() - start
    return summary


def _take(iterator, n: int) -> list:
    items = []
    for item in iterator:
        items.append(item)
        if len(items) >= n:
            break
    return items


def _commit(out: Path, result: dict, known: set[str], summary: BatchSummary, progress: Progress) -> None:
    staging = Path(result["staging"])
    ids = result["ids"]
    already = known.intersection(ids)
    if already:
        fo.drop_articles(staging, result["files"], already)
    fo.commit(out, staging, result["files"], result["key"],
              {"kind": "task", "label": result["label"], "articles": result["articles"] - len(already),
               "words": result["words"], "errors": result["errors"]})
    known.update(ids)
    summary.articles += result["articles"] - len(already)
    summary.words += result["words"]  # words of dropped duplicates are small; counted as analysed
    summary.errors += result["errors"]
    summary.duplicates += result["duplicates"] + len(already)
    progress.articles += result["articles"] - len(already)
    progress.words += result["words"]
    progress.errors += result["errors"]


def _count_errors(out: Path) -> int:
    import pyarrow.parquet as pq

    root = out / "errors"
    if not root.is_dir():
        return 0
    return sum(pq.ParquetFile(p).metadata.num_rows for p in root.glob("part-*.parquet"))
