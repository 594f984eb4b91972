"""Each page through Streamlit's AppTest: widgets, uploads, error paths, escaping, caching.

The app runs in this process on a temporary library (``STORYSCOPE_DATA``), so what a page stores can be
checked in the library itself.
"""

from __future__ import annotations

import datetime as dt
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis.nlp.terms import tokenize
from dashboard import cached
from dashboard.components import escape_markdown

from apptest_support import APP, TIMEOUT, plotly_figures, run_app
HOSTILE_TITLE = "<script>alert(1)</script>"

HARBOUR = (
    "Harbour Cleanup Draws Hundreds of Volunteers\n\n"
    "Hundreds of volunteers cleared plastic from the harbour on Saturday, the city council said.\n\n"
    "Organisers called the turnout wonderful and promised another cleanup in the spring."
)


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path))
    return tmp_path


@pytest.fixture
def library(data_dir):
    return cached.library(str(data_dir))


def charts_of(at: AppTest) -> list[dict]:
    """The plotly figures on the page, as plain JSON."""
    return plotly_figures(at)


def paragraphs_shown(at: AppTest) -> list[str]:
    """The paragraphs shown as coloured text (":green[...]"), badges left out."""
    return [m.value for m in at.markdown if re.match(r":(green|red|gray)\[", m.value)]


def labels_of(elements) -> list[str]:
    return [e.label for e in elements]


def no_raw_html(at: AppTest) -> bool:
    return not any(getattr(m.proto, "allow_html", False) for m in at.markdown) and not any(
        getattr(t.proto, "allow_html", False) for t in at.title
    )


# --- Article ---------------------------------------------------------------------------------------------


def test_article_page_opens_on_the_seed_already_analysed(library):
    at = run_app()
    seed = library.list_articles().query("seed").iloc[0]
    assert at.session_state.article_id == seed["id"]
    assert at.title[0].value == escape_markdown(seed["title"])
    assert {m.label for m in at.metric} >= {"Words", "Paragraphs analysed", "Polarity (TextBlob)", "VADER"}
    words = next(m for m in at.metric if m.label == "Words")
    assert words.value == f"{seed['word_count']:,}"
    # both paragraph counts, named: the analysed ones (the Compare page's figure) of every block
    analysis = library.analysis(int(seed["id"]))
    paragraphs = next(m for m in at.metric if m.label == "Paragraphs analysed")
    assert paragraphs.value == f"{int(analysis.sentiment['included'].sum())} of {len(analysis.article.paragraphs)}"
    (figure,) = charts_of(at)  # the Terms tab is open; the others are not run
    assert len(figure["data"][0]["y"]) == 20
    # the chart's four downloads, then the keyword-in-context table's own CSV
    assert labels_of(at.download_button) == ["Download report", "PDF", "All charts", "PNG", "SVG", "HTML", "CSV",
                                             "CSV"]


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_terms_slider_lemmas_bigrams_and_stopwords_change_the_chart(library):
    at = run_app()
    terms = charts_of(at)[0]["data"][0]["y"]
    at.slider(key="terms_top").set_value(10).run()
    assert charts_of(at)[0]["data"][0]["y"] == terms[:10]

    at.text_input(key="terms_stopwords").set_value(f"{terms[0]}, {terms[1].upper()}").run()
    shown = charts_of(at)[0]["data"][0]["y"]
    assert terms[0] not in shown and terms[1] not in shown and shown[0] == terms[2]

    at.toggle(key="terms_bigrams").set_value(True).run()
    phrases = charts_of(at)[0]["data"][0]["y"]
    assert phrases and all(" " in p for p in phrases)

    at.toggle(key="terms_bigrams").set_value(False)
    at.toggle(key="terms_lemmas").set_value(True).run()
    assert not at.exception
    assert charts_of(at)[0]["data"][0]["y"]


def test_names_count_as_one_term_unless_switched_off(library):
    at = run_app()
    terms = charts_of(at)[0]["data"][0]["y"]
    assert "el salvador" in terms and "el" not in terms and "salvador" not in terms
    at.toggle(key="terms_names").set_value(False).run()
    words = charts_of(at)[0]["data"][0]["y"]
    assert "el salvador" not in words and {"el", "salvador"} <= set(words)


def test_keyword_in_context_lists_each_use_of_the_term(library):
    at = run_app()
    term_box = next(s for s in at.selectbox if s.label == "Term")
    assert term_box.value == term_box.options[0]  # the most frequent term
    term_box.set_value(term_box.options[2]).run()
    term = next(s for s in at.selectbox if s.label == "Term").value
    (lines,) = [d.value for d in at.dataframe]
    assert len(lines) >= 1
    assert all(tokenize(k) == tokenize(term) for k in lines["keyword"])

    at.text_input(key="kwic_typed").set_value("El Salvador").run()
    (lines,) = [d.value for d in at.dataframe]
    assert set(lines["keyword"]) == {"El Salvador"}

    at.text_input(key="kwic_typed").set_value("zzzzunusedword").run()
    assert not at.dataframe
    assert any("does not occur" in c.value for c in at.caption)


def test_sentiment_tab_marks_left_out_paragraphs_and_flags_disagreements(library):
    at = run_app(article_tab="Sentiment")
    (figure,) = charts_of(at)
    names = [t["name"] for t in figure["data"]]
    assert "TextBlob polarity" in names and "VADER compound" in names and "TextBlob subjectivity" in names
    seed = library.analysis(int(at.session_state.article_id))
    left_out = seed.sentiment[~seed.sentiment["included"]]
    if not left_out.empty:
        hatched = next(t for t in figure["data"] if "left out" in t["name"])
        assert hatched["marker"]["pattern"]["shape"] == "/"
        assert sorted(hatched["x"]) == sorted(left_out["index"] + 1)
        assert any("left out" in m.value for m in at.markdown)  # the paragraph's badge says so
    # every paragraph is shown as text, escaped, never as raw HTML
    paragraph_texts = paragraphs_shown(at)
    assert len(paragraph_texts) == len(seed.article.paragraphs)
    for paragraph, shown in zip(seed.article.paragraphs, paragraph_texts):
        assert shown.endswith(f"[{escape_markdown(paragraph.text)}]")
    assert no_raw_html(at)

    disagreements = int(seed.sentiment["disagree"].sum())
    at.toggle(key="only_disagree").set_value(True).run()
    assert len(paragraphs_shown(at)) == disagreements


def test_including_boilerplate_analyses_every_paragraph(library):
    at = run_app(article_tab="Sentiment", include_boilerplate=True)
    (figure,) = charts_of(at)
    assert not any("left out" in t["name"] for t in figure["data"])


def test_entities_tab_filters_by_type_and_keeps_a_merge(library):
    at = run_app(article_tab="Entities")
    mentions, dispersion = charts_of(at)
    types = [t["name"] for t in mentions["data"]]
    assert types and set(types) <= {"person", "organisation", "place", "other"}
    assert {t["name"] for t in dispersion["data"]} == set(types)

    pills = at.get("button_group")
    if pills:
        pills[0].set_value([types[0]]).run()
        mentions, _ = charts_of(at)
        assert [t["name"] for t in mentions["data"]] == [types[0]]

    article_id = int(at.session_state.article_id)
    names = list(library.analysis(article_id).entities.table["name"])
    keep, fold = names[0], names[1]
    at = run_app(article_tab="Entities")
    at.selectbox(key="merge_from").set_value(fold).run()
    at.selectbox(key="merge_into").set_value(keep).run()
    button = at.button(key="merge_go")
    assert button.label == escape_markdown(f"Merge “{fold}” into “{keep}”")  # says which way it goes
    button.click().run()
    assert not at.exception
    edits = library.entity_edits(article_id)
    assert [(e.action, e.a, e.b) for e in edits] == [("merge", fold, keep)]
    table = next(d.value for d in at.dataframe if "aliases" in d.value.columns)
    assert fold not in set(table["name"])


def test_entities_tab_removes_retypes_and_undoes_one_correction(library):
    at = run_app(article_tab="Entities")
    article_id = int(at.session_state.article_id)
    table = library.analysis(article_id).entities.table
    gone, changed = table["name"].iloc[1], table["name"].iloc[0]  # both among the entities shown
    new_type = next(t for t in ("other", "place") if t != table["type"].iloc[0])

    at.selectbox(key="remove_entity").set_value(gone).run()
    at.button(key="remove_go").click().run()
    at.selectbox(key="retype_entity").set_value(changed).run()
    at.selectbox(key="retype_to").set_value(new_type).run()
    at.button(key="retype_go").click().run()
    assert not at.exception
    shown = next(d.value for d in at.dataframe if "aliases" in d.value.columns)
    assert gone not in set(shown["name"])
    assert shown.loc[shown["name"] == changed, "type"].iloc[0] == new_type
    assert [e.action for e in library.entity_edits(article_id)] == ["remove", "retype"]

    at.button(key="undo_edit_0").click().run()  # undo the removal only
    assert [(e.action, e.a) for e in library.entity_edits(article_id)] == [("retype", changed)]
    shown = next(d.value for d in at.dataframe if "aliases" in d.value.columns)
    assert gone in set(shown["name"]) and shown.loc[shown["name"] == changed, "type"].iloc[0] == new_type


# --- Library ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("limit_mb, shown", [(None, "20 MB"), ("5", "5 MB")])
def test_the_uploader_takes_the_readers_formats_and_size_limit(library, monkeypatch, limit_mb, shown):
    from analysis.reading.readers import MAX_UPLOAD_ENV, SUPPORTED_EXTENSIONS

    if limit_mb:
        monkeypatch.setenv(MAX_UPLOAD_ENV, limit_mb)
    at = run_app("app_pages/library.py")
    uploader = at.file_uploader[0]
    assert all(extension in uploader.label for extension in SUPPORTED_EXTENSIONS)
    assert sorted(uploader.proto.type) == sorted(SUPPORTED_EXTENSIONS)
    assert f"Up to {shown} each" in uploader.help


@pytest.mark.slow  # a subprocess, a browser or a rebuild: over half a second (fast tier under a minute)
def test_upload_several_files_at_once(library, docx_of):
    at = run_app("app_pages/library.py")
    docx = docx_of("Storm Closes Mountain Roads",
                      ["A late storm closed three mountain roads on Tuesday, stranding drivers overnight.",
                       "Rescue teams reached everyone by morning, the regional police said."])
    at.file_uploader[0].set_value([
        ("harbour.txt", HARBOUR.encode("utf-8"), "text/plain"),
        ("storm.docx", docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ])
    next(b for b in at.button if b.label == "Add to library").click().run()
    assert not at.exception
    assert len(at.success) == 2
    titles = set(library.list_articles()["title"])
    assert {"Harbour Cleanup Draws Hundreds of Volunteers", "Storm Closes Mountain Roads"} <= titles
    assert at.subheader[-2].value == "3 articles" or any(s.value == "3 articles" for s in at.subheader)

    # the same file again is a duplicate, not a second copy
    at.file_uploader[0].set_value([("again.txt", HARBOUR.encode("utf-8"), "text/plain")])
    next(b for b in at.button if b.label == "Add to library").click().run()
    assert len(at.info) == 1 and "already in the library" in at.info[0].value
    assert len(library.list_articles()) == 3


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b"   \n\n  "),
        ("binary.txt", bytes(range(256)) * 8),
        ("broken.pdf", b"%PDF-1.7 this is not really a pdf"),
        ("broken.docx", b"PK\x03\x04 not a zip at all"),
    ],
)
def test_a_bad_file_gets_its_own_plain_error_and_the_good_one_is_added(library, name, data):
    at = run_app("app_pages/library.py")
    at.file_uploader[0].set_value([(name, data, "application/octet-stream"),
                                   ("harbour.txt", HARBOUR.encode("utf-8"), "text/plain")])
    next(b for b in at.button if b.label == "Add to library").click().run()
    assert not at.exception
    (error,) = at.error
    assert escape_markdown(name) in error.value
    assert "Traceback" not in error.value
    assert len(at.success) == 1
    assert len(library.list_articles()) == 2


def test_an_unexpected_failure_names_the_file_without_a_traceback(library, monkeypatch):
    def broken(self, data, filename, **kwargs):
        raise KeyError("internal detail")

    monkeypatch.setattr(type(library), "add_file", broken)
    # uploads are added in a worker process; this one runs in a thread here, so the broken add_file is used
    monkeypatch.setattr(cached, "upload_worker", lambda: ThreadPoolExecutor(max_workers=1))
    at = run_app("app_pages/library.py")
    at.file_uploader[0].set_value([("harbour.txt", HARBOUR.encode("utf-8"), "text/plain")])
    next(b for b in at.button if b.label == "Add to library").click().run()
    assert not at.exception
    (error,) = at.error
    assert "harbour\\.txt" in error.value and "unexpected" in error.value
    assert "internal detail" not in error.value and "KeyError" not in error.value


def test_pasted_text_with_a_hostile_title_is_shown_as_characters(library):
    at = run_app("app_pages/library.py")
    at.text_input(key="paste_title").set_value(HOSTILE_TITLE)
    at.text_area(key="paste_text").set_value(HARBOUR)
    next(b for b in at.button if b.label == "Add text").click().run()
    assert not at.exception
    (added,) = library.list_articles().query("title == @HOSTILE_TITLE")["id"]
    assert escape_markdown(HOSTILE_TITLE) in at.success[0].value

    at = run_app(article_id=int(added))
    assert at.title[0].value == escape_markdown(HOSTILE_TITLE)
    assert "<script>" not in at.title[0].value
    assert no_raw_html(at)


def test_pasting_without_a_title_asks_for_one_and_keeps_the_text(library):
    at = run_app("app_pages/library.py")
    at.text_area(key="paste_text").set_value(HARBOUR)
    next(b for b in at.button if b.label == "Add text").click().run()
    assert at.warning and "title" in at.warning[0].value and "still in the form" in at.warning[0].value
    assert len(library.list_articles()) == 1
    assert at.text_area(key="paste_text").value == HARBOUR  # nothing typed is lost

    at.text_input(key="paste_title").set_value("Harbour")  # in the form: sent with the click below
    next(b for b in at.button if b.label == "Add text").click().run()
    assert len(library.list_articles()) == 2
    assert any("added as" in m.value for m in at.success)
    assert at.text_area(key="paste_text").value == "" and at.text_input(key="paste_title").value == ""


def test_a_file_over_the_limit_is_named_with_its_size_and_the_limit(library, monkeypatch):
    monkeypatch.setenv("STORYSCOPE_MAX_UPLOAD_MB", "0.001")  # about 1 KB
    at = run_app("app_pages/library.py")
    big = ("Harbour news. " * 200).encode("utf-8")
    at.file_uploader[0].set_value([("long-report.txt", big, "text/plain")])
    next(b for b in at.button if b.label == "Add to library").click().run()
    assert not at.exception
    (error,) = at.error
    assert r"long\-report\.txt" in error.value and "KB" in error.value and "limit" in error.value
    assert not at.warning  # never "Choose one or more files first."
    assert len(library.list_articles()) == 1


def test_edit_title_source_and_date(library):
    added = library.add_text(HARBOUR, title="Harbour").id
    at = run_app("app_pages/library.py")
    at.selectbox(key="library_choice").set_value(added).run()
    assert at.text_input(key=f"edit_title_{added}").value == "Harbour"
    at.text_input(key=f"edit_title_{added}").set_value("Harbour cleanup, edited")
    at.text_input(key=f"edit_source_{added}").set_value("City Gazette")
    at.date_input(key=f"edit_published_{added}").set_value(dt.date(2024, 3, 9))
    next(b for b in at.button if b.label == "Save changes").click().run()
    assert not at.exception
    row = library.list_articles().set_index("id").loc[added]
    assert (row["title"], row["source"], row["published"]) == ("Harbour cleanup, edited", "City Gazette",
                                                               dt.date(2024, 3, 9))


def test_delete_asks_first_and_seeds_cannot_be_deleted(library):
    added = library.add_text(HARBOUR, title="Harbour").id
    at = run_app("app_pages/library.py")
    # a seed: no delete button
    assert at.selectbox(key="library_choice").value != added
    assert "Delete…" not in labels_of(at.button)

    at.selectbox(key="library_choice").set_value(added).run()
    at.button(key="library_delete").click().run()
    assert at.warning and "cannot be undone" in at.warning[0].value
    assert len(library.list_articles()) == 2
    at.button(key="library_delete_no").click().run()
    assert len(library.list_articles()) == 2 and not at.warning

    at.button(key="library_delete").click().run()
    at.button(key="library_delete_yes").click().run()
    assert not at.exception
    assert added not in set(library.list_articles()["id"])
    assert any("Deleted “Harbour”" in m.value for m in at.success)


# --- Compare ---------------------------------------------------------------------------------------------


def test_compare_defaults_to_all_articles_side_by_side(library):
    library.add_text(HARBOUR, title="Harbour")
    at = run_app("app_pages/compare.py")
    assert at.multiselect(key="compare_choice").value == list(library.list_articles()["id"])
    (figure,) = charts_of(at)
    assert len([t for t in figure["data"] if t["mode"] == "markers"]) == 2  # one dot series per article
    assert labels_of(at.download_button) == ["CSV", "Download report", "PDF", "All charts", "PNG", "SVG", "HTML",
                                             "CSV"]  # the summary table's CSV, then the report's and the chart's
    assert len(at.dataframe[0].value) == 2  # the summary: one row per article

    at.multiselect(key="compare_choice").set_value([]).run()
    assert at.info and "at least one" in at.info[0].value


# --- Downloads and caching ------------------------------------------------------------------------------


def test_without_a_browser_png_and_svg_buttons_become_a_note(library, monkeypatch, tmp_path):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium"))
    cached.image_export_problem.clear()
    try:
        at = run_app()
        assert labels_of(at.download_button) == ["Download report", "All charts", "HTML", "CSV", "CSV"]
        images = [b for b in at.button if b.label in ("PNG", "SVG", "PDF")]
        assert [b.label for b in images] == ["PDF", "PNG", "SVG"]
        assert all(b.disabled and "apt-get install chromium" in b.help for b in images)
        assert any("apt-get install chromium" in c.value for c in at.caption)
    finally:
        cached.image_export_problem.clear()


def test_a_rerun_does_not_analyse_again(library, monkeypatch):
    calls = []
    real = type(library).analysis

    def counting(self, id, **options):
        calls.append(id)
        return real(self, id, **options)

    monkeypatch.setattr(type(library), "analysis", counting)
    at = run_app()
    first = len(calls)
    assert first <= 1
    at.slider(key="terms_top").set_value(30).run()
    at.run()
    assert len(calls) == first


def test_the_url_opens_the_same_article_tab_and_options(library):
    added = library.add_text(HARBOUR, title="Harbour").id
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"article": str(added), "article_tab": "Sentiment", "include_boilerplate": "true"})
    at.run()
    assert not at.exception
    assert at.title[0].value == "Harbour"
    assert at.session_state.include_boilerplate is True
    assert [f["layout"]["title"]["text"] for f in charts_of(at)] == ["Sentiment paragraph by paragraph"]
    # choosing another article writes it into the URL
    seed = int(library.list_articles().query("seed")["id"].iloc[0])
    at.selectbox(key="article_choice").set_value(seed).run()
    assert at.query_params["article"] == str(seed)
