"""Archives: many articles analysed on Dask into Parquet tables (:func:`run_batch`), and questions over them
answered by DuckDB (:class:`Archive`). The analysis is :func:`analysis.pipeline.analyze`, as everywhere.
See ``docs/scale.md`` for what a million articles cost."""

from __future__ import annotations

__all__ = ["Archive", "BatchSummary", "run_batch"]


def __getattr__(name: str):
    if name in ("run_batch", "BatchSummary"):
        from analysis.batch import run

        return getattr(run, name)
    if name == "Archive":
        from analysis.batch.query import Archive

        return Archive
    raise AttributeError(name)
