"""Reading uploads: encodings detected, HTML/PDF/DOCX text and metadata, and every bad file refused clearly."""

from __future__ import annotations

import datetime as dt
import io
import random
import socket
import struct
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader, PdfWriter
from pdf_support import make_pdf

from analysis.reading import readers
from analysis.errors import (
    BinaryInputError,
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    FileTooLargeError,
    InputError,
    NoTextLayerError,
    StoryscopeError,
    UnsupportedFormatError,
)
from analysis.reading.readers import Document, read_document, safe_filename

DATA = Path(__file__).parent / "data" / "readers"

ARTICLE = (
    "Café owners in the old town say the new “quiet hours” rule — which bans music after 10pm — will cost "
    "them €2,000 a month.\n\n"
    "The council’s spokesperson said the rule was “a fair balance” between residents and businesses.\n"
)
LATIN1_ARTICLE = "Société Générale annonce des résultats à Zürich, naïve façade.\n\nLe café était fermé à midi.\n"


# --- builders for binary fixtures -----------------------------------------------------------------------


PDF_PAGES = [
    [
        "Harbour Ferry Service Resumes",
        "",
        "The ferry between Northport and the islands resumed its timetable on Monday,",
        "three days after a winter storm tore a mooring loose and closed the harbour.",
        "",
        "Divers inspected the pier overnight and found no damage below the waterline,",
        "so the first crossing left at seven in the morning as usual.",
    ],
    ["Passengers stranded over the weekend were offered free tickets for the month."],
]


def make_docx(paragraphs: list[str], *, title: str = "", author: str | None = None,
              created: dt.datetime | None = None, table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    props = document.core_properties
    props.title = title
    if author is not None:
        props.author = author
    if created is not None:
        props.created = created
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


DOCX_PARAGRAPHS = [
    "Harbour Ferry Service Resumes",
    "The ferry between Northport and the islands resumed its timetable on Monday.",
    "Divers inspected the pier overnight and found no damage below the waterline.",
]


# --- plain text and encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(ARTICLE.encode("utf-8"), id="utf-8"),
        pytest.param(ARTICLE.encode("utf-8-sig"), id="utf-8 with BOM"),
        pytest.param(ARTICLE.encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(ARTICLE.encode("utf-16-le"), id="utf-16-le without BOM"),
        pytest.param(ARTICLE.encode("utf-16-be"), id="utf-16-be without BOM"),
        pytest.param(ARTICLE.encode("utf-32"), id="utf-32 with BOM"),
        pytest.param(ARTICLE.encode("cp1252"), id="windows-1252"),
    ],
)
def test_text_in_every_common_encoding_reads_back_exactly(encoded):
    assert read_document(encoded, "cafe.txt").text == ARTICLE


def test_latin1_is_detected_not_read_as_a_lookalike_codepage():
    # charset-normalizer alone ranks cp775 (Baltic) first for this text; Western text must come out right.
    assert read_document(LATIN1_ARTICLE.encode("latin-1"), "societe.txt").text == LATIN1_ARTICLE


def test_cyrillic_windows_1251_is_detected_not_assumed_western():
    text = "Городской совет одобрил новый бюджет во вторник.\n\nМэр поблагодарил жителей за терпение.\n"
    assert read_document(text.encode("cp1251"), "sovet.txt").text == text


@pytest.mark.parametrize("name", ["cafe-cp1252.txt", "cafe-utf16.txt"])
def test_fixture_files_in_legacy_encodings(name):
    assert read_document((DATA / name).read_bytes(), name).text == ARTICLE


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", "is empty", id="empty"),
        pytest.param(b" \n\t\r\n  ", "is empty", id="whitespace"),
        pytest.param("   \n".encode("utf-16"), "blank", id="utf-16 whitespace"),
    ],
)
def test_empty_text_files_are_refused(data, message):
    with pytest.raises(EmptyInputError, match=message) as info:
        read_document(data, "notes.txt")
    assert str(info.value).startswith("notes.txt: ")


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        pytest.param(random.Random(1).randbytes(4000), "binary data", id="random"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00\x00", "rename it to .pdf", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200), ".docx", id="zip"),
        pytest.param(b"Some text then NULs\x00\x00\x00\x00 and more text here", "binary data", id="NULs in text"),
        pytest.param(b"text with control \x01\x02\x03\x04\x05\x06 bytes " * 3, "binary data", id="controls"),
    ],
)
def test_binary_data_named_txt_is_refused(data, hint):
    with pytest.raises(BinaryInputError, match=hint) as info:
        read_document(data, "article.txt")
    assert str(info.value).startswith("article.txt: ")


def test_markdown_front_matter_gives_metadata_and_markup_is_removed():
    doc = read_document((DATA / "harbour-report.md").read_bytes(), "harbour-report.md")
    assert doc.title == "Harbour Ferry Service Resumes After Storm"
    assert doc.authors == ("Ingrid Solberg", "Tomas Berg")
    assert doc.published == dt.date(2024, 1, 15)
    assert doc.source == "Northport Weekly"
    assert "# " not in doc.text and "**" not in doc.text and "](" not in doc.text and "\n>" not in doc.text
    assert "found no damage below the waterline, according to the harbour office." in doc.text
    assert "title:" not in doc.text


def test_markdown_lists_tables_code_images_and_raw_html_become_plain_blocks():
    text = (
        "---\n"
        "title: 'Budget: the vote, explained'\n"  # a colon inside a quoted YAML value
        "author: Ana Pérez and Li Wei\n"
        "published: 2024-02-29\n"
        "tags: [budget, council]\n"
        "---\n\n"
        "Results by ward:\n\n"
        "- North: *yes*\n"
        "- South: **no**\n\n"
        "| Ward | Votes |\n|---|---|\n| North | 1,204 |\n\n"
        "A <span class=\"x\">plain</span> line with an ![aerial photo](a.png) and `code`.\n\n"
        "    indented code stays as text\n"
    )
    doc = read_document(text.encode(), "vote.md")
    assert doc.title == "Budget: the vote, explained"
    assert doc.authors == ("Ana Pérez", "Li Wei") and doc.published == dt.date(2024, 2, 29)
    assert doc.text.split("\n\n") == [
        "Results by ward:", "North: yes\nSouth: no", "Ward; Votes", "North; 1,204",
        "A plain line with an aerial photo and code.", "indented code stays as text\n",
    ]


@pytest.mark.parametrize("data", [b"*", b"---\n", b"<div class='x'></div>\n", b"![](photo.png)\n"])
def test_markdown_that_is_all_markup_is_a_clear_empty_input_error(data):
    with pytest.raises(EmptyInputError, match="markup") as info:
        read_document(data, "notes.md")
    assert str(info.value).startswith("notes.md: ")


@pytest.mark.parametrize("front", ["title: [unclosed\n", "- just\n- a list\n", "just a sentence\n"])
def test_front_matter_that_is_not_a_yaml_mapping_gives_no_metadata_and_keeps_the_body(front):
    doc = read_document(f"---\n{front}---\n\nThe ferry resumed on Monday.\n".encode(), "note.md")
    assert doc.title is None and doc.authors == ()
    assert doc.text == "The ferry resumed on Monday.\n"


# --- HTML -----------------------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_html_main_text_and_page_metadata(no_network):
    doc = read_document((DATA / "council-budget.html").read_bytes(), "council-budget.html")
    assert doc.title == "Riverside Council Approves Library Budget"
    assert doc.authors == ("Maria Okafor",)
    assert doc.published == dt.date(2024, 3, 5)
    assert doc.source == "The Riverside Gazette"
    paragraphs = doc.text.split("\n\n")
    assert any(p.startswith("The Riverside city council voted seven to two") for p in paragraphs)
    assert any("“We are choosing books over potholes,”" in p for p in paragraphs)
    for dropped in ("trackVisitor", "dataLayer", "Subscribe now", "analytics", "Most read", "Reader1234",
                    "All rights reserved", "Politics", "font-family", "@context"):
        assert dropped not in doc.text, dropped


def test_html_full_of_scripts_keeps_the_text_and_never_the_scripts(no_network):
    doc = read_document((DATA / "script-heavy.html").read_bytes(), "script-heavy.html")
    assert "resumed its timetable on Monday" in doc.text
    assert "Harbour master Ingrid Solberg" in doc.text
    assert "offered free tickets" in doc.text
    for script in ("console.log", "alert", "trackScroll", "Injected headline", "Hidden paragraph", "adSlots",
                   "Script error text", "renderApp", "javascript:"):
        assert script not in doc.text, script


def test_html_with_only_scripts_is_empty():
    with pytest.raises(EmptyInputError, match="no readable article text") as info:
        read_document((DATA / "scripts-only.html").read_bytes(), "scripts-only.html")
    assert str(info.value).startswith("scripts-only.html: ")


def test_html_in_windows_1252_declared_by_its_meta_tag():
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<title>Quiet hours</title></head><body><article>"
        + "".join(f"<p>{para}</p>" for para in ARTICLE.strip().split("\n\n"))
        + "</article></body></html>"
    ).encode("cp1252")
    doc = read_document(page, "quiet.htm")
    assert "“quiet hours” rule — which bans music" in doc.text
    assert "€2,000" in doc.text


def test_xhtml_with_an_xml_declaration():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
            "<title>Ferry</title></head><body><article><p>"
            + "The ferry resumed its timetable on Monday after the storm. " * 6
            + "</p></article></body></html>").encode("utf-8")
    assert "The ferry resumed its timetable" in read_document(page, "ferry.html").text


# --- PDF ------------------------------------------------------------------------------------------------


def test_pdf_text_layer_paragraphs_and_metadata():
    doc = read_document(make_pdf(PDF_PAGES, title="Harbour Ferry Service Resumes", author="Ingrid Solberg"),
                        "ferry.pdf")
    assert doc.title == "Harbour Ferry Service Resumes"
    assert doc.authors == ("Ingrid Solberg",)
    assert doc.text.split("\n\n") == [
        "Harbour Ferry Service Resumes",
        "The ferry between Northport and the islands resumed its timetable on Monday, three days after a "
        "winter storm tore a mooring loose and closed the harbour.",
        "Divers inspected the pier overnight and found no damage below the waterline, so the first crossing "
        "left at seven in the morning as usual.",
        "Passengers stranded over the weekend were offered free tickets for the month.",
    ]


def test_pdf_title_property_that_is_a_file_name_is_ignored():
    doc = read_document(make_pdf(PDF_PAGES, title="Microsoft Word - ferry_final_v2.docx"), "ferry.pdf")
    assert doc.title is None


def test_scanned_pdf_without_text_layer():
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(NoTextLayerError, match=r"has no text layer \(is it a scan\?\)") as info:
        read_document(out.getvalue(), "scan.pdf")
    assert str(info.value).startswith("scan.pdf: ")
    assert "OCR" in str(info.value)


def _encrypted_pdf(user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(PDF_PAGES))))
    writer.encrypt(user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_password_protected_pdf_is_refused():
    with pytest.raises(EncryptedFileError, match="password-protected") as info:
        read_document(_encrypted_pdf("reader-secret"), "locked.pdf")
    assert str(info.value).startswith("locked.pdf: ")


def test_pdf_encrypted_only_against_editing_is_read():
    assert "resumed its timetable" in read_document(_encrypted_pdf(""), "restricted.pdf").text


@pytest.mark.parametrize(
    "cut",
    [pytest.param(lambda b: b[: len(b) // 2], id="half"), pytest.param(lambda b: b[:-40], id="tail lost"),
     pytest.param(lambda b: b[:300], id="header only")],
)
def test_truncated_pdf_is_refused(cut):
    with pytest.raises(CorruptFileError, match="truncated|damaged") as info:
        read_document(cut(make_pdf(PDF_PAGES)), "cut.pdf")
    assert str(info.value).startswith("cut.pdf: ")


def test_pdf_with_damaged_insides_is_refused():
    data = bytearray(make_pdf(PDF_PAGES))
    start = data.index(b"xref")
    data[start: start + 200] = random.Random(2).randbytes(200)
    try:
        doc = read_document(bytes(data), "damaged.pdf")
    except CorruptFileError as err:
        assert str(err).startswith("damaged.pdf: ")
    else:  # pypdf rebuilt the cross-reference table: the text must then be the real text
        assert "resumed its timetable" in doc.text


def test_not_a_pdf_at_all():
    with pytest.raises(CorruptFileError, match="not a PDF"):
        read_document(b"<html><body>hello</body></html>", "page.pdf")


# --- DOCX -----------------------------------------------------------------------------------------------


def test_docx_paragraphs_tables_and_core_properties():
    data = make_docx(DOCX_PARAGRAPHS, title="Ferry Resumes", author="Ingrid Solberg; Tomas Berg",
                     created=dt.datetime(2024, 1, 15, 8, 0), table=[["Route", "Crossings"], ["Northport", "6"]])
    doc = read_document(data, "ferry.docx")
    assert doc.text.split("\n\n") == [*DOCX_PARAGRAPHS, "Route", "Crossings", "Northport", "6"]
    assert doc.title == "Ferry Resumes"
    assert doc.authors == ("Ingrid Solberg", "Tomas Berg")
    assert doc.published == dt.date(2024, 1, 15)


def test_docx_template_placeholders_are_not_metadata():
    doc = read_document(make_docx(DOCX_PARAGRAPHS), "ferry.docx")  # python-docx's own author and 2013 date
    assert doc.title is None and doc.authors == () and doc.published is None
    doc = read_document(make_docx(DOCX_PARAGRAPHS, author="Ingrid Solberg"), "ferry.docx")
    assert doc.authors == ("Ingrid Solberg",) and doc.published is None  # the template's date is still no date


@pytest.mark.parametrize(
    "cut", [pytest.param(lambda b: b[: len(b) // 2], id="half"), pytest.param(lambda b: b[:-10], id="tail")]
)
def test_truncated_docx_is_refused(cut):
    with pytest.raises(CorruptFileError, match="not a valid Word document|damaged") as info:
        read_document(cut(make_docx(DOCX_PARAGRAPHS)), "cut.docx")
    assert str(info.value).startswith("cut.docx: ")


def test_zip_that_is_not_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(CorruptFileError, match="not a Word document"):
        read_document(out.getvalue(), "notes.docx")


def _docx_with_member(name: str, size: int) -> bytes:
    """A real DOCX with one extra member of ``size`` zero bytes, written without holding it in memory."""
    source = zipfile.ZipFile(io.BytesIO(make_docx(DOCX_PARAGRAPHS)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            if item.filename != name:
                archive.writestr(item, source.read(item))
        with archive.open(name, "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def test_docx_zip_bomb_is_not_inflated(monkeypatch):
    bomb = _docx_with_member("word/media/image1.png", 8 * 1024 * 1024)
    opened = []
    monkeypatch.setattr(docx, "Document", lambda *a, **k: opened.append(a))
    assert len(bomb) < 100_000  # 8 MB of zeros squeezed ~1000 times
    with pytest.raises(CorruptFileError, match="zip bomb") as info:
        read_document(bomb, "bomb.docx")
    assert str(info.value).startswith("bomb.docx: ")
    assert opened == []


def test_docx_whose_parts_inflate_past_the_cap_in_total(monkeypatch):
    from analysis.reading import docx as docx_reader

    monkeypatch.setattr(docx_reader, "DOCX_MAX_INFLATED_BYTES", 2 * 1024 * 1024)
    with pytest.raises(CorruptFileError, match="would inflate to 3"):
        read_document(_docx_with_member("word/media/big.bin", 3 * 1024 * 1024), "big.docx")


def test_docx_lying_about_its_sizes_still_cannot_inflate():
    """A bomb that declares small sizes is cut off at the declared size and fails its checksum."""
    bomb = bytearray(_docx_with_member("word/document.xml", 4 * 1024 * 1024))
    # Rewrite the declared uncompressed size of word/document.xml (local header and central directory).
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = 0
        while (at := bomb.find(signature, at)) != -1:
            name_offset = 30 if signature == b"PK\x03\x04" else 46
            name_length = struct.unpack_from("<H", bomb, at + (26 if signature == b"PK\x03\x04" else 28))[0]
            if bytes(bomb[at + name_offset: at + name_offset + name_length]) == b"word/document.xml":
                assert struct.unpack_from("<I", bomb, at + size_offset)[0] == 4 * 1024 * 1024
                struct.pack_into("<I", bomb, at + size_offset, 2000)
            at += 4
    declared = {i.filename: i.file_size for i in zipfile.ZipFile(io.BytesIO(bytes(bomb))).infolist()}
    assert declared["word/document.xml"] == 2000  # passes the size checks ...
    with pytest.raises(CorruptFileError, match="damaged Word document") as info:
        read_document(bytes(bomb), "liar.docx")  # ... and is cut off at 2,000 bytes, failing its CRC
    assert "BadZipFile" in str(info.value)


# --- limits, names, formats -----------------------------------------------------------------------------


def test_size_limit_argument():
    with pytest.raises(FileTooLargeError, match="over the 1 KB limit") as info:
        read_document(b"word " * 300, "long.txt", max_bytes=1024)
    assert str(info.value).startswith("long.txt: ")
    assert "STORYSCOPE_MAX_UPLOAD_MB" in str(info.value)


def test_size_limit_default_is_20_mb_and_configurable(monkeypatch):
    monkeypatch.delenv("STORYSCOPE_MAX_UPLOAD_MB", raising=False)
    assert readers.max_upload_bytes() == 20 * 1024 * 1024
    monkeypatch.setenv("STORYSCOPE_MAX_UPLOAD_MB", "0.5")
    assert readers.max_upload_bytes() == 512 * 1024
    with pytest.raises(FileTooLargeError, match="635 KB, over the 512 KB limit"):
        read_document(b"word " * 130_000, "long.txt")
    monkeypatch.setenv("STORYSCOPE_MAX_UPLOAD_MB", "lots")
    with pytest.raises(StoryscopeError, match="STORYSCOPE_MAX_UPLOAD_MB='lots' is not a number"):
        readers.max_upload_bytes()


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("../../x.txt", "x.txt"),
        ("..\\..\\windows\\x.txt", "x.txt"),
        ("/etc/passwd.txt", "passwd.txt"),
        ("reports/2024/../march.md", "march.md"),
        ("C:\\Users\\ana\\Desktop\\story.docx", "story.docx"),
        ("..", "unnamed"),
        ("", "unnamed"),
        ("line\nbreak\x00.txt", "linebreak.txt"),
        ("plain.txt", "plain.txt"),
    ],
)
def test_only_the_base_name_is_ever_kept(given, kept):
    assert safe_filename(given) == kept


def test_path_parts_never_reach_messages():
    with pytest.raises(EmptyInputError) as info:
        read_document(b"", "../../secret/x.txt")
    assert str(info.value).startswith("x.txt: ") and ".." not in str(info.value)


@pytest.mark.parametrize("name", ["slides.pptx", "old.doc", "photo.jpg", "README", "archive.tar.gz"])
def test_unsupported_extensions_list_the_supported_ones(name):
    with pytest.raises(UnsupportedFormatError) as info:
        read_document(b"anything", name)
    message = str(info.value)
    assert message.startswith(f"{name}: ")
    for extension in (".txt", ".md", ".html", ".htm", ".pdf", ".docx"):
        assert extension in message


def test_extension_is_case_insensitive():
    assert read_document(b"Ferry resumes after the storm.", "FERRY.TXT").text == "Ferry resumes after the storm."


# --- load_article ---------------------------------------------------------------------------------------


def test_load_article_uses_html_metadata_and_keeps_only_the_base_name():
    article = readers.load_article((DATA / "council-budget.html").read_bytes(), "../../council-budget.html")
    assert article.title == "Riverside Council Approves Library Budget"
    assert article.authors == ("Maria Okafor",)
    assert article.published == dt.date(2024, 3, 5)
    assert article.source == "The Riverside Gazette"
    assert article.filename == "council-budget.html"
    assert "trackVisitor" not in article.text


def test_load_article_docx_file_date_only_when_the_text_has_none():
    created = dt.datetime(2019, 6, 1, 12, 0)
    article = readers.load_article(make_docx(DOCX_PARAGRAPHS, author="Ingrid Solberg", created=created), "f.docx")
    assert article.published == dt.date(2019, 6, 1)
    assert article.authors == ("Ingrid Solberg",)


def test_load_article_names_the_file_when_no_words_remain():
    with pytest.raises(EmptyInputError) as info:
        readers.load_article("… — … !!! ???".encode("utf-8"), "../dots.txt")
    assert str(info.value).startswith("dots.txt: ")


# --- no input may crash a reader ------------------------------------------------------------------------


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=3000), extension=st.sampled_from(readers.SUPPORTED_EXTENSIONS))
def test_any_bytes_give_a_document_or_a_clear_input_error(data, extension):
    try:
        doc = read_document(data, f"upload{extension}")
    except InputError as err:
        assert str(err).startswith(f"upload{extension}: ")
    else:
        assert isinstance(doc, Document) and doc.text.strip()


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_any_utf8_text_reads_back_unchanged(text):
    """Unchanged, but for up to three stray NULs, which are dropped."""
    expected = text.replace("\x00", "") if text.count("\x00") <= 3 else text
    controls = {chr(i) for i in range(32) if chr(i) not in "\t\n\r\x0c"} | {"\x7f"}
    try:
        doc = read_document(text.encode("utf-8"), "pasted.txt")
    except (EmptyInputError, BinaryInputError):
        assert not text.strip() or any(c in controls for c in text)
    else:
        assert doc.text == expected.removeprefix("\ufeff")  # a UTF-8 byte-order mark is not text


VALID_FILES = {
    ".pdf": make_pdf(PDF_PAGES, title="Harbour Ferry Service Resumes"),
    ".docx": make_docx(DOCX_PARAGRAPHS, table=[["Route", "Crossings"], ["Northport", "6"]]),
    ".html": (DATA / "council-budget.html").read_bytes(),
}


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    extension=st.sampled_from(sorted(VALID_FILES)),
    damage=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=12),
    keep=st.floats(0.05, 1.0),
)
@example(extension=".docx", damage=[(0.0625, 0)], keep=1.0)  # a damaged deflate stream: zlib.error (found by Hypothesis)
def test_damaged_real_files_give_a_document_or_a_clear_input_error(extension, damage, keep):
    data = bytearray(VALID_FILES[extension])
    for where, byte in damage:
        data[int(where * len(data))] = byte
    data = bytes(data[: max(1, int(keep * len(data)))])
    try:
        doc = read_document(data, f"damaged{extension}")
    except InputError as err:
        assert str(err).startswith(f"damaged{extension}: ")
    else:
        assert doc.text.strip()
