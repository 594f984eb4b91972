"""DataFrames built from ready-made columns, without pandas re-checking what is already right.

Every use of pandas' private API in Storyscope is here, each with the public call as its fallback and a test
that both give the same result.

An analysis makes four small tables per article (sentiment, terms, entities, mentions). pandas' public
constructor spends ~0.3 ms on each inferring dtypes and validating arrays — more than the analysis of a short
paragraph. These helpers give the same frames (``tests/test_frames.py`` compares them with the public
constructor's) from columns whose dtype the caller already knows.

pandas is imported by the functions that build frames, not with this module: a caller that makes only numpy
columns (the command line writing JSON) never loads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["column_arrays", "column_labels", "frame_of", "int_column", "object_column", "text_columns", "text_dtype"]


@lru_cache(maxsize=1)
def text_dtype() -> Any:
    """The dtype pandas gives a column of Python strings ("str" since pandas 3, object before)."""
    import pandas as pd

    return pd.Series(["text"]).dtype


def text_columns(*columns: Sequence[str]) -> list[Any]:
    """Columns of Python strings in the dtype pandas infers for them, converted by one call.

    With pandas' pyarrow-backed "str" dtype, pyarrow converts the strings itself (``pd.array`` first checks
    each value for a missing one: half the cost, and these values are all strings) and each column wraps a
    zero-copy slice of the one array. An empty column keeps the string dtype.
    """
    dtype = text_dtype()
    if dtype == object:  # pragma: no cover - pandas before 3
        return [object_column(values) for values in columns]
    values = [v for column in columns for v in column]
    array_type = dtype.construct_array_type()
    if getattr(dtype, "storage", None) == "pyarrow":
        import pyarrow as pa

        whole = pa.array(values, type=pa.large_string())
        wrap = partial(array_type, dtype=dtype)
    else:  # pragma: no cover - pandas without pyarrow
        whole = array_type._from_sequence(values, dtype=dtype)
        wrap = None
    out, start = [], 0
    for column in columns:
        piece = whole[start : start + len(column)]
        out.append(wrap(piece) if wrap else piece)
        start += len(column)
    return out


def int_column(values: Sequence[int]) -> np.ndarray:
    return np.fromiter(values, dtype=np.int64, count=len(values))


def object_column(values: Sequence[object]) -> np.ndarray:
    """One Python object per row, tuples included (``np.array`` would make a 2-D array of tuples)."""
    return np.fromiter(values, dtype=object, count=len(values))


@lru_cache(maxsize=16)
def column_labels(columns: tuple[str, ...]) -> pd.Index:
    """The column Index for these labels, built once; take ``.view()`` of it for a frame of your own."""
    import pandas as pd

    return pd.Index(list(columns))


def frame_of(columns: Sequence[str], arrays: Sequence[Any]) -> pd.DataFrame:
    """A DataFrame of ready column arrays (numpy arrays or pandas extension arrays) of one length, index 0..n-1.

    pandas 3's ``pandas.api.internals.create_dataframe_from_blocks`` takes the frame's blocks as they are: the
    numpy columns of one dtype stacked into one block (a copy, as pandas' own constructor makes) and each extension
    array a block of its own, in the layout ``DataFrame._from_arrays`` gives (pandas 2.2 to 3.x, which skips
    re-inferring the column labels' dtype and re-checking the arrays: the fallback); the public constructor is the
    last resort.
    """
    import pandas as pd

    rows = len(arrays[0]) if len(arrays) else 0
    labels = column_labels(tuple(columns)).view()  # a new Index object: a caller may rename its frame's columns
    from_blocks = _from_blocks()
    if from_blocks is not None and len(arrays):
        blocks = _blocks(arrays, rows)
        if blocks is not None:
            return from_blocks(blocks, pd.RangeIndex(rows), labels)
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)
    if from_arrays is None:  # a pandas without it
        frame = pd.DataFrame(dict(zip(columns, arrays)), columns=list(columns), index=pd.RangeIndex(rows), copy=False)
        for name, array in zip(columns, arrays):  # the public constructor makes object arrays of text "str"
            if array.dtype == object and frame[name].dtype != object:
                frame[name] = frame[name].astype(object)
        return frame
    return from_arrays(list(arrays), columns=labels, index=pd.RangeIndex(rows), verify_integrity=False)


@lru_cache(maxsize=1)
def _from_blocks() -> Any:
    """pandas' ``create_dataframe_from_blocks`` (public since pandas 3.0), or None."""
    try:
        from pandas.api.internals import create_dataframe_from_blocks
    except ImportError:  # pragma: no cover - pandas before 3
        return None
    return create_dataframe_from_blocks


#: The block layout of a sequence of column dtypes: per block, its numpy dtype (None: an extension array, a block
#: of its own) and the positions of its columns.
_LAYOUTS: dict[tuple[Any, ...], tuple[tuple[np.dtype | None, tuple[int, ...]], ...]] = {}


def _blocks(arrays: Sequence[Any], rows: int) -> list[tuple[Any, np.ndarray]] | None:
    """``(block values, column positions)`` pairs for ``create_dataframe_from_blocks``, grouped as pandas' own
    constructor groups them (numpy columns by dtype, in order of first appearance, each extension dtype object a
    group whose arrays are blocks of their own); None for dtypes pandas wraps or converts (dates, bytes, numpy
    strings), which the fallback handles."""
    key = tuple(array.dtype if isinstance(array, np.ndarray) else id(array.dtype) for array in arrays)
    layout = _LAYOUTS.get(key)
    if layout is None:
        if any(isinstance(dtype, np.dtype) and dtype.kind in "mMSUV" for dtype in key):
            return None
        groups: dict[Any, list[int]] = {}
        for position, dtype in enumerate(key):
            groups.setdefault(dtype, []).append(position)
        parts: list[tuple[np.dtype | None, tuple[int, ...]]] = []
        for dtype, positions in groups.items():
            if isinstance(dtype, np.dtype):
                parts.append((dtype, tuple(positions)))
            else:
                parts.extend((None, (position,)) for position in positions)
        if len(_LAYOUTS) > 256:
            _LAYOUTS.clear()
        layout = _LAYOUTS[key] = tuple(parts)
    blocks = []
    for dtype, positions in layout:
        if dtype is None:
            blocks.append((arrays[positions[0]], np.array(positions, dtype=np.intp)))
            continue
        stacked = np.empty((len(positions), rows), dtype=dtype)
        for row, position in enumerate(positions):
            stacked[row] = arrays[position]
        blocks.append((stacked, np.array(positions, dtype=np.intp)))
    return blocks


def column_arrays(frame: pd.DataFrame) -> list[Any]:
    """The values of each column of ``frame``, in order: numpy arrays or pandas extension arrays (not copies).

    The block manager's ``iget_values`` (pandas 2.x and 3.x) hands them over in ~1 µs a column; the public
    ``frame[name].array`` builds a Series first (~20 µs a column; the cache encodes 23 columns per article).
    """
    manager = getattr(frame, "_mgr", None)
    iget_values = getattr(manager, "iget_values", None)
    if iget_values is None or frame.columns.has_duplicates:  # a pandas without it: the public way
        return [_values_of(frame.iloc[:, i]) for i in range(frame.shape[1])]
    return [iget_values(i) for i in range(frame.shape[1])]


def _values_of(series: pd.Series) -> Any:
    import pandas as pd

    array = series.array
    return array.to_numpy() if isinstance(array, pd.arrays.NumpyExtensionArray) else array
