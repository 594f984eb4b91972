"""analysis/reading/pdf.py on hostile PDFs: encryption, page and stream limits, and linear paragraph rebuilding."""

from __future__ import annotations

import io
import random
import statistics

import pytest
from pypdf import PdfReader, PdfWriter
from pdf_support import make_pdf

from analysis.errors import ArticleTooLongError, CorruptFileError, EncryptedFileError
from analysis.reading import pdf as pdf_reader
from analysis.reading.readers import read_document

_WORDS = "ferry harbour island storm pier divers crossing morning timetable council".split()


def lines_of_text(n: int, *, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(_WORDS) for _ in range(10)) for _ in range(n)]


ARTICLE = [["Harbour Ferry Service Resumes", "", "The ferry between Northport and the islands resumed on Monday,",
            "three days after a winter storm tore a mooring loose and closed the harbour."]]


def encrypted(user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(ARTICLE))))
    writer.encrypt(user_password, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_password_only_pdfs_are_read_like_any_viewer_does(algorithm):
    assert "resumed on Monday" in read_document(encrypted("", algorithm), "restricted.pdf").text


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_a_pdf_that_needs_a_password_to_open_says_so(algorithm):
    with pytest.raises(EncryptedFileError) as info:
        read_document(encrypted("reader-secret", algorithm), "locked.pdf")
    assert str(info.value) == (
        "locked.pdf: this PDF is password-protected; open it and save a copy without a password, then upload that."
    )


def test_a_pdf_over_the_page_limit_is_refused_before_extraction(monkeypatch):
    monkeypatch.setenv("STORYSCOPE_MAX_PDF_PAGES", "3")
    extracted = []
    monkeypatch.setattr(pdf_reader, "_pdf_page_lines", lambda page: extracted.append(page) or [])
    with pytest.raises(CorruptFileError) as info:
        read_document(make_pdf([["Page text."]] * 4), "long.pdf")
    assert str(info.value) == (
        "long.pdf: has 4 pages, over the limit of 3; upload the pages that hold the article "
        "(or raise the limit with STORYSCOPE_MAX_PDF_PAGES)."
    )
    assert extracted == []
    monkeypatch.undo()
    assert "Page text." in read_document(make_pdf([["Page text."]] * 4), "long.pdf").text


def test_a_stream_is_capped_on_the_bytes_actually_inflated(monkeypatch):
    data = make_pdf([lines_of_text(3000)], compress=True)  # ~200 KB of text operators, compressed
    assert len(data) < 60_000
    monkeypatch.setattr(pdf_reader, "PDF_MAX_STREAM_BYTES", 100_000)
    with pytest.raises(CorruptFileError, match="holds more data than a news article could") as info:
        read_document(data, "dense.pdf")
    assert str(info.value).startswith("dense.pdf: ")
    monkeypatch.setattr(pdf_reader, "PDF_MAX_STREAM_BYTES", 1_000_000)
    assert read_document(data, "dense.pdf").text


def test_extraction_stops_once_the_text_is_over_the_word_limit(monkeypatch):
    monkeypatch.setenv("STORYSCOPE_MAX_WORDS", "1000")
    pages_read = []
    real = pdf_reader._pdf_page_lines
    monkeypatch.setattr(pdf_reader, "_pdf_page_lines", lambda page: pages_read.append(1) or real(page))
    with pytest.raises(ArticleTooLongError) as info:
        read_document(make_pdf([lines_of_text(45, seed=i) for i in range(20)]), "book.pdf")  # 9,000 words
    assert str(info.value) == (
        "book.pdf: has more than 1,000 words, over the limit for one article; split it into smaller articles "
        "(or raise the limit with STORYSCOPE_MAX_WORDS)."
    )
    assert len(pages_read) == 3  # 450 words a page: the third page crosses 1,000


def test_paragraph_rebuilding_work_is_linear_in_the_lines(monkeypatch):
    """The line-gap median is computed once, not once per gap; joining a paragraph's lines is linear."""
    calls = []
    real_median = statistics.median
    monkeypatch.setattr(pdf_reader.statistics, "median", lambda data: calls.append(len(data)) or real_median(data))
    for pages in (10, 40):
        calls.clear()
        text = pdf_reader._pdf_paragraphs([[(line, 700.0 - 14 * i) for i, line in enumerate(lines_of_text(45, seed=p))]
                                           for p in range(pages)])
        assert calls == [pages * 44]  # one median over every gap
        assert text.count(" ") >= pages * 45 * 9


def test_pages_holding_too_much_content_are_refused_before_extraction(monkeypatch):
    data = make_pdf([lines_of_text(300, seed=i) for i in range(4)], compress=True)  # ~20 KB of content a page
    monkeypatch.setattr(pdf_reader, "PDF_MAX_CONTENT_BYTES", 50_000)
    extracted = []
    real = pdf_reader._pdf_page_lines
    monkeypatch.setattr(pdf_reader, "_pdf_page_lines", lambda page: extracted.append(1) or real(page))
    with pytest.raises(CorruptFileError) as info:
        read_document(data, "dense.pdf")
    assert str(info.value) == (
        "dense.pdf: holds more than 49 KB of page content, far more than an article; upload the pages that hold "
        "the article, or paste its text."
    )
    assert len(extracted) == 2  # the third page crosses 50 KB: it is never extracted


def test_one_page_holding_too_much_content_is_refused(monkeypatch):
    monkeypatch.setattr(pdf_reader, "PDF_MAX_PAGE_CONTENT_BYTES", 30_000)
    with pytest.raises(CorruptFileError, match="^dense.pdf: page 2 holds more than 29 KB of page content"):
        read_document(make_pdf([lines_of_text(10), lines_of_text(600)], compress=True), "dense.pdf")
