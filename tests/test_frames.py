"""The cheap frame builders give exactly the frames pandas' public constructor gives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.frames import column_arrays, frame_of, int_column, object_column, text_columns


@pytest.mark.parametrize("rows", [0, 1, 5])
def test_frame_of_equals_the_public_constructor(rows):
    names = [f"name {i}" for i in range(rows)]
    kinds = ["body" if i % 2 else "title" for i in range(rows)]
    counts = list(range(rows))
    aliases = [(f"alias {i}",) * (i % 3) for i in range(rows)]
    scores = np.linspace(-1, 1, rows)
    names_col, kinds_col = text_columns(names, kinds)
    ours = frame_of(
        ["name", "kind", "count", "aliases", "score", "flag"],
        [names_col, kinds_col, int_column(counts), object_column(aliases), scores, scores > 0],
    )
    theirs = pd.DataFrame(
        {
            "name": pd.Series(names, dtype=pd.Series(["x"]).dtype),
            "kind": pd.Series(kinds, dtype=pd.Series(["x"]).dtype),
            "count": np.array(counts, dtype=np.int64),
            "aliases": pd.Series(aliases, dtype=object),
            "score": scores,
            "flag": scores > 0,
        }
    )
    pd.testing.assert_frame_equal(ours, theirs, check_exact=True, check_index_type=True, check_column_type=True)
    assert ours["aliases"].tolist() == aliases  # tuples stay tuples, one per row


def test_text_columns_are_pandas_default_string_columns_cut_from_one_conversion():
    first, second, empty = text_columns(["a", "b"], ["c"], [])
    assert first.dtype == pd.Series(["x"]).dtype
    assert list(first) == ["a", "b"] and list(second) == ["c"] and len(empty) == 0
    assert empty.dtype == first.dtype


def test_renaming_one_frames_columns_leaves_the_next_frame_alone():
    a = frame_of(["x"], [int_column([1])])
    a.columns = ["renamed"]
    b = frame_of(["x"], [int_column([2])])
    assert list(b.columns) == ["x"]


def test_without_pandas_private_constructor_the_public_one_gives_the_same_frame(monkeypatch):
    texts, = text_columns(["a", "b"])
    columns = ["text", "count", "cells"]
    arrays = [texts, int_column([1, 2]), object_column(["x", "y"])]
    fast = frame_of(columns, arrays)
    monkeypatch.delattr(pd.DataFrame, "_from_arrays")
    public = frame_of(columns, arrays)
    pd.testing.assert_frame_equal(public, fast, check_exact=True, check_index_type=True, check_column_type=True)
    assert public["cells"].dtype == object  # text held as objects stays objects


def test_column_arrays_equal_the_public_column_values_with_or_without_the_private_api(monkeypatch):
    texts, = text_columns(["a", "b", "c"])
    frame = frame_of(["text", "count", "score", "flag", "cells"],
                     [texts, int_column([1, 2, 3]), np.array([0.5, np.nan, -1.0]), np.array([True, False, True]),
                      object_column([("x",), (), ("y", "z")])])
    fast = column_arrays(frame)
    monkeypatch.delattr(type(frame._mgr), "iget_values")
    fallback = column_arrays(frame)
    for ours in (fast, fallback):
        assert len(ours) == frame.shape[1]
        for got, name in zip(ours, frame.columns):
            pd.testing.assert_series_equal(pd.Series(got, name=name, copy=False), frame[name], check_exact=True)


def test_frame_of_lays_out_blocks_as_pandas_does_and_copies_numpy_columns(monkeypatch):
    import analysis.frames as frames

    kinds, openings = text_columns(["title", "body"], ["A b", "C d"])
    ints, flags, scores = int_column([0, 1]), np.array([True, False]), np.array([0.5, -0.5])
    columns = ["index", "kind", "included", "words", "score", "opening", "flag", "other"]
    arrays = [ints, kinds, flags, int_column([3, 4]), scores, openings, flags.copy(), scores.copy()]
    ours = frame_of(columns, arrays)
    monkeypatch.setattr(frames, "_from_blocks", lambda: None)
    theirs = frame_of(columns, arrays)  # pandas' DataFrame._from_arrays
    pd.testing.assert_frame_equal(ours, theirs, check_exact=True, check_index_type=True, check_column_type=True)

    def layout(frame):
        return [(str(block.dtype), block.mgr_locs.as_array.tolist()) for block in frame._mgr.blocks]

    assert layout(ours) == layout(theirs)
    ints[0], scores[0] = 99, 9.0  # the caller's arrays are the caller's: the frame holds copies
    assert ours["index"].tolist() == [0, 1] and ours["score"].tolist() == [0.5, -0.5]
