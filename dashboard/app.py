"""Storyscope's dashboard: four pages (Article, Compare, Library, Archive) and a shared sidebar.

Run from the project root: ``streamlit run dashboard/app.py`` (``.streamlit/config.toml`` is read from
there). The library lives in ``$STORYSCOPE_DATA`` or ``data/``; it always holds the seed articles, and the
dashboard opens on the first of them, already analysed.
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the project root that holds the
# `analysis` and `dashboard` packages.
_ROOT = str(Path(__file__).resolve().parents[1])
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from analysis.errors import StoryscopeError  # noqa: E402
from dashboard import cached  # noqa: E402
from dashboard.components import escape_markdown  # noqa: E402

st.set_page_config(page_title="Storyscope", page_icon=":material/newspaper:", layout="wide")

# Shared state, set once here. article_id: the article the Article page shows (None: the first seed).
# compare_ids: the articles the Compare page compares (None: all of them).
st.session_state.setdefault("article_id", None)
st.session_state.setdefault("compare_ids", None)
st.session_state.setdefault("include_boilerplate", False)

page = st.navigation(
    [
        st.Page("app_pages/article.py", title="Article", icon=":material/article:", default=True),
        st.Page("app_pages/compare.py", title="Compare", icon=":material/compare_arrows:"),
        st.Page("app_pages/library.py", title="Library", icon=":material/library_books:"),
        st.Page("app_pages/archive.py", title="Archive", icon=":material/inventory_2:"),
    ]
)

try:
    library = cached.current_library()
except StoryscopeError as err:
    st.error(escape_markdown(str(err)))
    st.stop()

with st.sidebar:
    st.toggle(
        "Include bylines and boilerplate",
        key="include_boilerplate",
        help="Bylines, licence notices and link lists are left out of the analyses by default. "
        "Switch this on to count them too.",
    )
    library_size = st.empty()

try:
    page.run()
finally:  # after the page, so articles it just added or deleted are counted (also when it stops early)
    count = len(library)
    library_size.caption(f"{count} article{'s' if count != 1 else ''} in the library.")
