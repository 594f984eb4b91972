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

# A file shipped here: a ":material/..." page icon makes the browser fetch it from fonts.gstatic.com.
st.set_page_config(page_title="Storyscope", page_icon=Path(__file__).with_name("assets") / "favicon.svg", layout="wide")
if st.context.headers.get("Host"):  # a browser's request to the server (not a test run of the script)
    cached.warm_up_images()  # kaleido's browser starts in the background: the first PNG is then quick

# Shared state, set once here. article_id: the article the Article page shows (None: the first seed).
# compare_ids: the articles the Compare page compares (None: all of them).
st.session_state.setdefault("article_id", None)
st.session_state.setdefault("compare_ids", None)
st.session_state.setdefault("include_boilerplate", False)

# The view lives in the URL, so a reload or a copied link opens it again: each page's tab and main options are
# widgets bound to query parameters (bind="query-params", named by their keys); the article (?article=3) and the
# compared articles (?articles=1,2,5) are read here once per session and written back after each run.
if "url_read" not in st.session_state:
    st.session_state.url_read = True
    wanted = st.query_params.get("article", "")
    if wanted.isdigit():
        st.session_state.article_id = int(wanted)
    compared = st.query_params.get("articles", None)
    if compared is not None:
        st.session_state.compare_ids = [int(i) for i in compared.split(",") if i.strip().isdigit()]

def _url_state(path: str) -> None:
    """Write the article (Article page) or the compared articles (Compare page) into the URL."""
    if path == "" and st.session_state.article_id is not None:
        st.query_params["article"] = str(st.session_state.article_id)
    elif path == "compare" and st.session_state.get("compare_choice") is not None:
        st.query_params["articles"] = ",".join(str(i) for i in st.session_state.compare_choice)


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
        key="include_boilerplate", bind="query-params",
        help="Bylines, licence notices and link lists are left out of the analyses by default. "
        "Switch this on to count them too.",
    )
    library_size = st.empty()

try:
    page.run()
except StoryscopeError as err:  # e.g. a limit set to a value that is no number: say which, never a traceback
    st.error(escape_markdown(str(err)))
finally:  # after the page, so articles it just added or deleted are counted (also when it stops early)
    count = len(library)
    library_size.caption(f"{count} article{'s' if count != 1 else ''} in the library.")
    _url_state(page.url_path)
