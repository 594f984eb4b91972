"""analysis/reading/limits.py: the word, page and upload ceilings, and how their variables are read."""

from __future__ import annotations

import pytest

from analysis.errors import ArticleTooLongError, StoryscopeError
from analysis.reading import limits, readers
from analysis.reading.readers import read_document, safe_filename


@pytest.mark.parametrize(
    ("variable", "raw", "message"),
    [
        ("STORYSCOPE_MAX_UPLOAD_MB", "inf",
         "STORYSCOPE_MAX_UPLOAD_MB='inf' is not a finite number of megabytes; set it to a positive number such as 20, "
         "or unset it to use the default."),
        ("STORYSCOPE_MAX_UPLOAD_MB", "-Infinity",
         "STORYSCOPE_MAX_UPLOAD_MB='-Infinity' is not a finite number of megabytes; set it to a positive number such "
         "as 20, or unset it to use the default."),
        ("STORYSCOPE_MAX_UPLOAD_MB", "nan",
         "STORYSCOPE_MAX_UPLOAD_MB='nan' is not a number of megabytes; set it to a positive number such as 20, "
         "or unset it to use the default."),
        ("STORYSCOPE_MAX_UPLOAD_MB", "1e400",
         "STORYSCOPE_MAX_UPLOAD_MB='1e400' is not a number of megabytes; set it to a positive number such as 20, "
         "or unset it to use the default."),
        ("STORYSCOPE_MAX_WORDS", "0",
         "STORYSCOPE_MAX_WORDS='0' is not a number of words; set it to a positive number such as 2000000, "
         "or unset it to use the default."),
        ("STORYSCOPE_MAX_PDF_PAGES", "many",
         "STORYSCOPE_MAX_PDF_PAGES='many' is not a number of pages; set it to a positive number such as 1000, "
         "or unset it to use the default."),
    ],
)
def test_limits_that_are_not_finite_positive_numbers_are_refused(monkeypatch, variable, raw, message):
    monkeypatch.setenv(variable, raw)
    getter = {"STORYSCOPE_MAX_UPLOAD_MB": readers.max_upload_bytes, "STORYSCOPE_MAX_WORDS": limits.max_words,
              "STORYSCOPE_MAX_PDF_PAGES": limits.max_pdf_pages}[variable]
    with pytest.raises(StoryscopeError) as info:
        getter()
    assert str(info.value) == message


def test_defaults(monkeypatch):
    for variable in ("STORYSCOPE_MAX_WORDS", "STORYSCOPE_MAX_PDF_PAGES", "STORYSCOPE_MAX_UPLOAD_MB"):
        monkeypatch.delenv(variable, raising=False)
    assert limits.max_words() == 2_000_000 and limits.max_pdf_pages() == 1_000
    monkeypatch.setenv("STORYSCOPE_MAX_WORDS", "1_000")
    assert limits.max_words() == 1000


@pytest.mark.parametrize("name", ["long.txt", "long.md", "long.html"])
def test_an_article_over_the_word_limit_is_refused(monkeypatch, name):
    monkeypatch.setenv("STORYSCOPE_MAX_WORDS", "300")
    words = " ".join(["harbour"] * 301)
    data = (f"<html><body><article><p>{words}</p></article></body></html>" if name.endswith(".html") else words)
    with pytest.raises(ArticleTooLongError) as info:
        read_document(data.encode(), name)
    assert str(info.value) == (
        f"{name}: has more than 300 words, over the limit for one article; split it into smaller articles "
        "(or raise the limit with STORYSCOPE_MAX_WORDS)."
    )
    assert read_document(" ".join(["harbour"] * 300).encode(), "fits.txt").text


def test_pasted_text_over_the_word_limit_is_refused(monkeypatch, tmp_path):
    from analysis.store.library import Library

    monkeypatch.setenv("STORYSCOPE_MAX_WORDS", "50")
    with Library(tmp_path, seeds_dir=tmp_path / "no-seeds") as library:
        with pytest.raises(ArticleTooLongError, match="^pasted text: has more than 50 words"):
            library.add_text("Title\n\n" + "word " * 60, title="Long")
        assert len(library) == 0


def test_counting_words_stops_past_the_limit():
    text = "word " * 10_000
    assert limits.words_up_to(text, 100) == 101
    assert limits.words_up_to(text, 20_000) == 10_000
    assert limits.words_up_to("  a\tb\nc  ", 5) == 3


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("a" * 300 + ".docx", "a" * 250 + ".docx"),
        ("b" * 260 + ".md", "b" * 252 + ".md"),
        ("c" * 300, "c" * 255),
        ("d" * 100 + "." + "e" * 200, ("d" * 100 + "." + "e" * 200)[:255]),  # no real extension: cut
    ],
)
def test_long_names_keep_their_extension(given, kept):
    assert safe_filename(given) == kept
    assert len(safe_filename(given)) <= 255
