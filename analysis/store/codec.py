"""The cache of analyses: an :class:`analysis.pipeline.Analysis` to a string and back.

A column-wise JSON encoding of the Analysis dataclass tree: every DataFrame stored column by column (values,
dtype) in a ``frames`` list, runs of records of one type (paragraphs, entities) as rows. Several times faster to
write and read back than ``Analysis.to_dict()``/``from_dict()``, which build DataFrames row by row; JSON written
by ``to_dict`` is still read. Anything unreadable decodes to None, and the store recomputes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analysis.frames import frame_of

if TYPE_CHECKING:
    from analysis.pipeline import Analysis

_CACHE_FORMAT = "columns-2"

try:  # orjson parses the cache about twice as fast as the standard library, when it is installed
    from orjson import JSONDecodeError as _OrjsonError
    from orjson import loads as _orjson_loads

    def _loads(payload: str) -> Any:
        try:
            return _orjson_loads(payload)
        except _OrjsonError:  # e.g. NaN in JSON written by to_dict: the standard parser reads it
            return json.loads(payload)
except ImportError:  # pragma: no cover - depends on the environment
    _loads = json.loads


def encode_analysis(analysis: Analysis) -> str:
    """The cache's JSON for ``analysis``: its dataclass tree, with every DataFrame stored column by column
    (values, dtype) in a ``frames`` list, and runs of records of one type (paragraphs, entities) as rows.

    Falls back to ``Analysis.to_dict()`` for anything the encoding does not know (then read by ``from_dict``).
    """
    frames: list[dict[str, Any]] = []
    try:
        tree = _encode(analysis, frames)
        return json.dumps({"format": _CACHE_FORMAT, "frames": frames, "value": tree}, ensure_ascii=False,
                          separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError):
        return json.dumps({"format": "to_dict", "value": analysis.to_dict()}, ensure_ascii=False,
                          separators=(",", ":"))


def decode_analysis(payload: str) -> Analysis | None:
    """The Analysis stored by :func:`encode_analysis` (or as bare ``to_dict()`` JSON); None when unreadable."""
    return decode_analyses([payload])[0]


def decode_analyses(payloads: Sequence[str]) -> list[Analysis | None]:
    """:func:`decode_analysis` for many payloads at once (None for each unreadable one).

    The DataFrames of all payloads are built together: their text columns become pandas string arrays in one
    call and are then sliced, which makes reading 1,000 analyses several times faster than one by one.
    """
    from analysis.pipeline import Analysis

    collecting = gc.isenabled()
    gc.disable()  # bulk-building tens of thousands of objects: the collector would walk them again and again
    try:
        return _decode_payloads(payloads, Analysis)
    finally:
        if collecting:
            gc.enable()


_DECODE_ERRORS = (ValueError, KeyError, TypeError, AttributeError, ImportError, IndexError)


def _decode_payloads(payloads: Sequence[str], Analysis: type) -> list[Any]:
    results: list[Any] = [None] * len(payloads)
    columnar: list[tuple[int, dict[str, Any]]] = []
    for i, payload in enumerate(payloads):
        try:
            data = _loads(payload)
            if data.get("format") == _CACHE_FORMAT:
                columnar.append((i, data))
            else:
                results[i] = Analysis.from_dict(data["value"] if data.get("format") == "to_dict" else data)
        except _DECODE_ERRORS:
            continue  # written by another version of the code: recomputed by the caller
    try:
        built = _build_frames([spec for _, data in columnar for spec in data["frames"]])
        decoded, at = [], 0
        for i, data in columnar:
            count = len(data["frames"])
            decoded.append((i, _decode(data["value"], built[at: at + count])))
            at += count
    except _DECODE_ERRORS:
        decoded = []
        for i, data in columnar:  # one bad payload must not cost the others their cache
            try:
                decoded.append((i, _decode(data["value"], _build_frames(data["frames"]))))
            except _DECODE_ERRORS:
                continue
    for i, value in decoded:
        results[i] = value if isinstance(value, Analysis) else None
    return results


_SCALARS = (str, int, float, bool, type(None))


def _encode(value: Any, frames: list[dict[str, Any]]) -> Any:
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, pd.DataFrame):
        frames.append(_encode_frame(value))
        return {"$frame": len(frames) - 1}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        fields = {f.name: _encode(getattr(value, f.name), frames) for f in dataclasses.fields(value) if f.init}
        return {"$dc": f"{cls.__module__}:{cls.__qualname__}", "fields": fields}
    if isinstance(value, tuple):
        if value and len({type(v) for v in value}) == 1 and dataclasses.is_dataclass(value[0]):
            return _encode_records(value, frames)
        return {"$tuple": [_encode(v, frames) for v in value]}
    if isinstance(value, list):
        return [_encode(v, frames) for v in value]
    if isinstance(value, dt.datetime):
        raise TypeError("datetime")
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict) and all(isinstance(k, str) and not k.startswith("$") for k in value):
        return {k: _encode(v, frames) for k, v in value.items()}
    if isinstance(value, np.generic):
        return _encode(value.item(), frames)
    raise TypeError(f"cannot cache a {type(value).__name__}")


def _encode_records(records: tuple[Any, ...], frames: list[dict[str, Any]]) -> dict[str, Any]:
    """Records of one dataclass: field names once, then one row of values per record.

    Each field's kind says how to read it back: "v" plain values, "t" tuples of plain values, "n" encoded nodes.
    """
    cls = type(records[0])
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    columns = [[getattr(r, n) for r in records] for n in names]
    kinds = []
    for c, values in enumerate(columns):
        if all(isinstance(v, _SCALARS) and not (isinstance(v, float) and v != v) for v in values):
            kinds.append("v")
        elif all(isinstance(v, tuple) and all(isinstance(x, _SCALARS) for x in v) for v in values):
            kinds.append("t")
            columns[c] = [list(v) for v in values]
        else:
            kinds.append("n")
            columns[c] = [_encode(v, frames) for v in values]
    return {"$records": f"{cls.__module__}:{cls.__qualname__}", "names": names, "kinds": kinds,
            "rows": [list(row) for row in zip(*columns)]}


def _encode_frame(frame: pd.DataFrame) -> dict[str, Any]:
    if not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0 or frame.index.step != 1:
        raise TypeError("frame index")
    columns, dtypes, data, cells = [], [], [], []
    for name in frame.columns:
        if not isinstance(name, str):
            raise TypeError("column name")
        series = frame[name]
        values = series.tolist()
        cell = "plain"
        if series.dtype.kind in "iub":
            pass
        elif series.dtype.kind == "f" or str(series.dtype) in ("str", "string"):
            if series.isna().any():  # missing numbers and texts as null: plain JSON, no NaN
                values = [None if v != v else v for v in values]
        elif series.dtype == object:
            cell = "tuple" if any(isinstance(v, tuple) for v in values) else "plain"
            values = [_encode_cell(v) for v in values]
        else:
            raise TypeError(f"column dtype {series.dtype}")
        columns.append(name)
        dtypes.append(str(series.dtype))
        data.append(values)
        cells.append(cell)
    return {"columns": columns, "dtypes": dtypes, "data": data, "cells": cells, "rows": len(frame)}


def _encode_cell(value: Any) -> Any:
    if isinstance(value, _SCALARS):
        return None if isinstance(value, float) and value != value else value
    if isinstance(value, tuple) and all(isinstance(v, _SCALARS) for v in value):
        return list(value)
    if isinstance(value, np.generic):
        return value.item()
    raise TypeError(f"cannot cache a {type(value).__name__} cell")


def _decode(value: Any, frames: list[pd.DataFrame]) -> Any:
    if isinstance(value, list):
        return [_decode(v, frames) for v in value]
    if not isinstance(value, dict):
        return value
    if "$frame" in value:
        return frames[value["$frame"]]
    if "$dc" in value:
        return _dataclass(value["$dc"])(**{k: _decode(v, frames) for k, v in value["fields"].items()})
    if "$records" in value:
        cls, names, kinds = _dataclass(value["$records"]), value["names"], value["kinds"]
        if all(kind == "v" for kind in kinds):
            return tuple(cls(**dict(zip(names, row))) for row in value["rows"])
        return tuple(
            cls(**{n: v if k == "v" else tuple(v) if k == "t" else _decode(v, frames)
                   for n, k, v in zip(names, kinds, row)})
            for row in value["rows"]
        )
    if "$tuple" in value:
        return tuple(_decode(v, frames) for v in value["$tuple"])
    if "$date" in value:
        return dt.date.fromisoformat(value["$date"])
    return {k: _decode(v, frames) for k, v in value.items()}


_NUMPY_DTYPES = frozenset({"int64", "int32", "int16", "int8", "uint8", "float64", "float32", "bool"})


def _build_frames(specs: list[dict[str, Any]]) -> list[pd.DataFrame]:
    # Every plain text column of every frame goes into one string array, sliced afterwards.
    texts: list[Any] = []
    slots: dict[tuple[int, int], tuple[int, int]] = {}
    for s, spec in enumerate(specs):
        for c, (dtype, values, cell) in enumerate(zip(spec["dtypes"], spec["data"], spec["cells"])):
            if dtype == "str" and cell == "plain":
                slots[s, c] = (len(texts), len(texts) + len(values))
                texts.extend(values)
    strings = pd.array(texts, dtype="str") if texts else None
    frames = []
    for s, spec in enumerate(specs):
        rows = spec["rows"]
        arrays: list[Any] = []
        for c, (dtype, values, cell) in enumerate(zip(spec["dtypes"], spec["data"], spec["cells"])):
            if len(values) != rows:
                raise ValueError("column length")
            if (s, c) in slots:
                begin, end = slots[s, c]
                arrays.append(strings[begin:end])
                continue
            if cell == "tuple":
                values = [tuple(v) if isinstance(v, list) else v for v in values]
            if dtype in _NUMPY_DTYPES:
                arrays.append(np.array(values, dtype=dtype))
            elif dtype == "object":
                cells = np.empty(rows, dtype=object)
                cells[:] = values
                arrays.append(cells)
            else:
                arrays.append(pd.array(values, dtype=dtype))
        frames.append(frame_of(spec["columns"], arrays))
    return frames


@functools.lru_cache(maxsize=64)
def _dataclass(path: str) -> type:
    """The dataclass named ``module:qualname``, only from Storyscope's own ``analysis`` package."""
    import importlib

    module_name, _, qualname = path.partition(":")
    if module_name != "analysis" and not module_name.startswith("analysis."):
        raise TypeError(f"{path} is not a Storyscope type")
    target: Any = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part)
    if not (isinstance(target, type) and dataclasses.is_dataclass(target)):
        raise TypeError(f"{path} is not a dataclass")
    return target


