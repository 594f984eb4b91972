"""Storyscope's dashboard behind its host check: ``streamlit run dashboard/serve.py`` (what scripts/dashboard runs).

Streamlit finds the ``st.App`` below and serves ``dashboard/app.py`` through it, with
:class:`dashboard.hostguard.HostGuard` in front (DNS rebinding, framing). Settings and flags are the usual ones
(``.streamlit/config.toml``, ``--server.port`` ...).
"""

from __future__ import annotations

import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import streamlit as st  # noqa: E402
from starlette.middleware import Middleware  # noqa: E402

from dashboard.hostguard import HostGuard  # noqa: E402

app = st.App(str(Path(__file__).with_name("app.py")), middleware=[Middleware(HostGuard)])
