"""Running the app in Streamlit's AppTest and reading its charts: shared by the page tests."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
TIMEOUT = 120


def run_app(page: str | None = None, **state) -> AppTest:
    """The app run once with ``state`` in its session state, then switched to ``page``; fails on an exception."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plotly_figures(at: AppTest) -> list[dict]:
    """The plotly figures on the page, as plain JSON, in page order."""
    return [_decoded(json.loads(e.proto.spec)) for e in at.get("plotly_chart")]


def _decoded(value):
    """Plotly's JSON with its base64 typed arrays ({"dtype", "bdata"}) turned back into lists."""
    if isinstance(value, dict):
        if set(value) >= {"dtype", "bdata"}:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            if "shape" in value:  # a 2-D array (a heatmap's z): plotly writes its shape as "rows, columns"
                shape = value["shape"]
                shape = [int(n) for n in shape.split(",")] if isinstance(shape, str) else shape
                return array.reshape(shape).tolist()
            return array.tolist()
        return {k: _decoded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decoded(v) for v in value]
    return value
