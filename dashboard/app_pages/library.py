"""Library page: add articles (upload files, paste text), see the list, edit an article's details, delete.

Every message that names a file or a title escapes it; a file that cannot be read gets its own error in
plain words and the others are still added.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from concurrent.futures.process import BrokenProcessPool

import streamlit as st

from analysis.errors import StoryscopeError
from analysis.reading.document import size_text
from analysis.reading.readers import SUPPORTED_EXTENSIONS, max_upload_bytes
from dashboard import cached, tables, uploads
from dashboard.components import escape_markdown, table_with_download

#: What the uploader takes: the readers' formats (their size limit, max_upload_bytes, is checked below).
UPLOAD_TYPES = [extension.lstrip(".") for extension in SUPPORTED_EXTENSIONS]

library = cached.current_library()
log = cached.log

st.title("Library", anchor=False)


def report(result, name: str) -> None:
    """One line saying what happened to one file or pasted text."""
    if result.status == "duplicate":
        st.info(escape_markdown(f"{name}: already in the library as “{result.title}”."))
    else:
        st.success(escape_markdown(f"{name}: added as “{result.title}”."))


# --- Add files -----------------------------------------------------------------------------------------
upload_col, paste_col = st.columns(2, gap="large")
too_large: list = []
with upload_col, st.form("upload", clear_on_submit=True):
    st.subheader("Upload files", anchor=False)
    files = st.file_uploader(
        f"Articles ({', '.join(SUPPORTED_EXTENSIONS)})", type=UPLOAD_TYPES, accept_multiple_files=True,
        help=f"Up to {size_text(max_upload_bytes())} each. Several at once are fine.",
        # The uploader marks a bigger file itself, beside it: its name, its size and "must be … or smaller".
        max_upload_size=max(1, math.ceil(max_upload_bytes() / (1024 * 1024))),
    )
    submitted = st.form_submit_button("Add to library", type="primary")
if submitted and files:
    # Files over the library's limit (the uploader refuses most of them itself) are named, with their size and
    # the limit, under the uploader; the others are still added.
    limit = max_upload_bytes()
    too_large = [f for f in files if f.size > limit]
    with upload_col:
        for uploaded in too_large:
            st.error(escape_markdown(f"{uploaded.name} is {size_text(uploaded.size)}, over the {size_text(limit)} "
                                     "limit for one file: split it or upload a shorter version."))
    files = [f for f in files if f.size <= limit]
if submitted and files:
    # Each file is read and analysed in the upload worker process: other sessions stay responsive, and this
    # one shows which file it is on and for how long.
    progress = st.progress(0.0, text="Reading files…")
    for done, uploaded in enumerate(files, start=1):
        name = uploaded.name
        try:
            future = uploads.submit(cached.upload_worker(), cached.data_folder(), uploaded.getvalue(), name)
            started = time.monotonic()
            while not future.done():
                elapsed = time.monotonic() - started
                progress.progress((done - 1 + min(elapsed / 60, 0.9)) / len(files),
                                  text=escape_markdown(f"Reading and analysing {name} ({done} of {len(files)})… "
                                                       f"{elapsed:.0f} s"))
                time.sleep(0.25)
            outcome = future.result()
        except BrokenProcessPool:  # the worker died (out of memory?): start a new one for the next file
            cached.upload_worker.clear()
            outcome = uploads.Outcome("failed", message="the upload worker process stopped")
        if outcome.status in ("added", "duplicate"):
            report(outcome, name)
        elif outcome.status == "refused":
            st.error(escape_markdown(outcome.message or ""))
        else:  # a bug must not show a traceback; the log keeps it
            log.error("Adding %r failed: %s", name, outcome.message)
            st.error(escape_markdown(
                f"{name}: something unexpected went wrong while reading it, and it was not added. "
                "Check that it opens in another program, or paste its text instead."
            ))
    progress.progress(1.0, text=f"Done: {len(files)} file{'s' if len(files) != 1 else ''}.")
elif submitted and not too_large:
    with upload_col:
        st.warning(f"No file to add: choose one or more files. A file over the {size_text(max_upload_bytes())} "
                   "limit is refused by the uploader, which marks it in red with its size.")

# --- Paste text ----------------------------------------------------------------------------------------
# The form keeps what was typed until the text is in the library: a missing title never costs the text.
if st.session_state.pop("paste_added", False):
    for field in ("paste_title", "paste_source", "paste_text"):
        st.session_state[field] = ""
with paste_col, st.form("paste", clear_on_submit=False):
    st.subheader("Paste text", anchor=False)
    pasted_title = st.text_input("Title", key="paste_title")
    pasted_source = st.text_input("Source (optional)", placeholder="e.g. a newspaper or a web address",
                                  key="paste_source")
    pasted_text = st.text_area("Text", height=180, key="paste_text")
    pasted = st.form_submit_button("Add text", type="primary")
if message := st.session_state.pop("paste_message", None):
    with paste_col:
        st.success(escape_markdown(message))
if pasted:
    with paste_col:
        missing = [what for what, value in (("a title", pasted_title), ("its text", pasted_text)) if not value.strip()]
        if missing:
            kept = f" Your {len(pasted_text.strip()):,} characters are still in the form." if pasted_text.strip() else ""
            st.warning(f"Give the text {' and '.join(missing)}.{kept}")
        else:
            try:
                result = library.add_text(pasted_text, title=pasted_title.strip(),
                                          source=pasted_source.strip() or None)
            except StoryscopeError as err:
                st.error(escape_markdown(str(err)))
            except Exception:  # noqa: BLE001
                log.exception("Adding pasted text failed")
                st.error("Something unexpected went wrong while adding the text, and it was not added; your text "
                         "is still in the form.")
            else:
                name = pasted_title.strip()
                st.session_state.paste_message = (f"{name}: already in the library as “{result.title}”."
                                                  if result.status == "duplicate" else f"{name}: added as “{result.title}”.")
                st.session_state.paste_added = True  # empty the form on the rerun, now that the text is stored
                st.rerun()

# --- The list ------------------------------------------------------------------------------------------
articles = library.list_articles()
st.subheader(f"{len(articles)} article{'s' if len(articles) != 1 else ''}", anchor=False)
table_with_download(
    articles, article="storyscope", name="library", key="library_table",
    hide_index=True,
    column_order=["title", "source", "published", "authors", "language", "word_count", "seed", "filename", "added"],
    column_config={
        "title": st.column_config.TextColumn("title", width="large"),
        "word_count": st.column_config.NumberColumn("words"),
        "seed": st.column_config.CheckboxColumn("seed", help="Seed articles ship with Storyscope and stay."),
    },
)

# --- Edit or delete one --------------------------------------------------------------------------------
if articles.empty:
    st.stop()
labels = tables.article_labels(articles)
st.subheader("Edit or delete an article", anchor=False)
chosen = st.selectbox("Article", list(labels), format_func=labels.get, key="library_choice")
row = articles.set_index("id").loc[chosen]
with st.form(f"edit-{chosen}"):
    new_title = st.text_input("Title", value=str(row["title"] or ""), key=f"edit_title_{chosen}")
    new_source = st.text_input("Source", value=row["source"] if isinstance(row["source"], str) else "",
                               key=f"edit_source_{chosen}")
    published = row["published"]
    new_published = st.date_input(
        "Published", value=published if isinstance(published, dt.date) else None,
        min_value=dt.date(1800, 1, 1), max_value=dt.date.today() + dt.timedelta(days=366),
        key=f"edit_published_{chosen}",
    )
    if st.form_submit_button("Save changes"):
        try:
            library.update(chosen, title=new_title, source=new_source,
                           published=new_published if new_published else "")  # "" clears the date
            st.session_state.library_message = "Saved."
            st.rerun()
        except StoryscopeError as err:
            st.error(escape_markdown(str(err)))
if message := st.session_state.pop("library_message", None):
    st.success(escape_markdown(message))

with st.container(horizontal=True):
    if st.button("Open on the Article page", key="library_open"):
        st.session_state.article_id = int(chosen)
        st.switch_page("app_pages/article.py")
    if bool(row["seed"]):
        st.caption("Seed articles are part of Storyscope and cannot be deleted.")
    elif st.button("Delete…", key="library_delete"):
        st.session_state.confirm_delete = int(chosen)

if st.session_state.get("confirm_delete") == int(chosen) and not bool(row["seed"]):
    st.warning(escape_markdown(f"Delete “{labels[chosen]}” from the library? This cannot be undone."))
    with st.container(horizontal=True):
        if st.button("Yes, delete it", type="primary", key="library_delete_yes"):
            try:
                library.remove(int(chosen))
            except StoryscopeError as err:
                st.error(escape_markdown(str(err)))
            else:
                st.session_state.pop("confirm_delete", None)
                st.session_state.library_message = f"Deleted “{labels[chosen]}”."
                if st.session_state.article_id == int(chosen):
                    st.session_state.article_id = None
                st.rerun()
        if st.button("Cancel", key="library_delete_no"):
            st.session_state.pop("confirm_delete", None)
            st.rerun()
