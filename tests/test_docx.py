"""analysis/reading/docx.py on hostile .docx files: streamed, capped on bytes actually inflated, same text as python-docx."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from analysis.errors import ArticleTooLongError, CorruptFileError
from analysis.reading import docx as docx_reader
from analysis.reading.readers import read_document


def python_docx_blocks(data: bytes) -> list[str]:
    """The text blocks as python-docx gives them (body paragraphs, then each distinct table cell's paragraphs)."""
    document = docx.Document(io.BytesIO(data))
    blocks, seen = [], set()
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            for row in item.rows:
                for cell in row.cells:
                    if cell._tc not in seen:
                        seen.add(cell._tc)
                        blocks.extend(p.text.strip() for p in cell.paragraphs if p.text.strip())
        elif item.text.strip():
            blocks.append(item.text.strip())
    return blocks


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def rich_document() -> bytes:
    document = docx.Document()
    document.add_paragraph("Harbour Ferry Service Resumes")
    body = document.add_paragraph("The ferry resumed on Monday,")
    body.add_run().add_break()  # a line break
    body.add_run("three days after\tthe storm.")
    document.add_paragraph("")
    grid = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            grid.cell(r, c).text = f"cell {r}{c}"
    grid.cell(0, 0).merge(grid.cell(0, 1))  # spans two columns
    grid.cell(1, 2).merge(grid.cell(2, 2))  # spans two rows
    inner = grid.cell(2, 0).add_table(rows=1, cols=1)  # python-docx lists no nested tables
    inner.cell(0, 0).text = "nested"
    link = OxmlElement("w:hyperlink")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "a linked phrase"
    run.append(text)
    link.append(run)
    document.add_paragraph("See ")._p.append(link)
    document.add_paragraph("Passengers were offered free tickets.")
    props = document.core_properties
    props.title, props.author = "Ferry Resumes", "Ingrid Solberg"
    return saved(document)


def test_the_text_is_what_python_docx_gives():
    data = rich_document()
    doc = read_document(data, "ferry.docx")
    assert doc.text.split("\n\n") == python_docx_blocks(data)
    assert "See a linked phrase" in doc.text and "three days after\tthe storm." in doc.text
    assert doc.title == "Ferry Resumes" and doc.authors == ("Ingrid Solberg",)


def _docx_with_lying_member(inflated: int, declared: int) -> bytes:
    """A real .docx whose document.xml inflates to ``inflated`` bytes but declares ``declared``."""
    source = zipfile.ZipFile(io.BytesIO(saved(docx.Document())))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item, source.read(item))
        with archive.open("word/document.xml", "w") as member:
            member.write(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>')
            for _ in range(inflated // (1024 * 1024)):
                member.write(b" " * (1024 * 1024))
    data = bytearray(out.getvalue())
    for signature, size_offset, name_offset, length_offset in ((b"PK\x03\x04", 22, 30, 26), (b"PK\x01\x02", 24, 46, 28)):
        at = 0
        while (at := data.find(signature, at)) != -1:
            length = struct.unpack_from("<H", data, at + length_offset)[0]
            if bytes(data[at + name_offset: at + name_offset + length]) == b"word/document.xml":
                struct.pack_into("<I", data, at + size_offset, declared)
            at += 4
    return bytes(data)


def test_a_docx_lying_about_its_size_is_never_inflated_past_a_chunk():
    liar = _docx_with_lying_member(64 * 1024 * 1024, 10 * 1024)
    assert len(liar) < 200_000
    tracemalloc.start()
    try:
        with pytest.raises(CorruptFileError) as info:
            read_document(liar, "liar.docx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(info.value).startswith("liar.docx: is a damaged Word document")
    assert peak < 4 * 1024 * 1024  # reading everything at once inflated the whole 64 MB


def test_bytes_actually_inflated_are_counted_against_the_cap():
    archive = zipfile.ZipFile(io.BytesIO(rich_document()))
    size = archive.getinfo("word/document.xml").file_size
    member = docx_reader._member(archive, "word/document.xml", [size])
    while member.read(1000):  # exactly the budget: fine
        pass
    member = docx_reader._member(archive, "word/document.xml", [size - 1])
    with pytest.raises(docx_reader._InflatedTooMuch):
        while member.read(1000):
            pass


def _many_paragraphs(count: int) -> bytes:
    document = docx.Document()
    for n in range(count):
        document.add_paragraph(f"Paragraph {n} tells of the ferry, the harbour and the storm.")
    return saved(document)


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_reading_is_linear_and_keeps_one_block_at_a_time(monkeypatch):
    """Each paragraph is read once, and the body holds only what one chunk of XML makes, whatever the size."""
    held: list[int] = []
    real = docx_reader._paragraph_text

    def counting(paragraph):
        held.append(len(paragraph.getparent()))
        return real(paragraph)

    monkeypatch.setattr(docx_reader, "_paragraph_text", counting)
    most_held = []
    for count in (2000, 8000):
        held.clear()
        text = read_document(_many_paragraphs(count), "many.docx").text
        assert text.count("\n\n") == count - 1
        assert len(held) == count  # one call per paragraph
        most_held.append(max(held))
    assert most_held[0] == most_held[1] < 1000  # parsed ahead by one 64 KB chunk, then dropped


def test_reading_stops_once_over_the_word_limit(monkeypatch):
    monkeypatch.setenv("STORYSCOPE_MAX_WORDS", "500")
    calls = []
    real = docx_reader._paragraph_text
    monkeypatch.setattr(docx_reader, "_paragraph_text", lambda p: calls.append(1) or real(p))
    with pytest.raises(ArticleTooLongError, match=r"^book\.docx: has more than 500 words"):
        read_document(_many_paragraphs(1000), "book.docx")  # 11 words a paragraph
    assert len(calls) == 46
