"""The corpus library: stored once, kept across restarts, analysed once, and never damaged by a crash."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import pipeline
from analysis.errors import (
    BinaryInputError,
    EmptyInputError,
    InvalidOptionError,
    NotFoundError,
    SeedArticleError,
    StoreError,
    UnsupportedFormatError,
)
from analysis.store import codec
from analysis.store.codec import CODEC_VERSION
from analysis.store.library import LIST_COLUMNS, AddResult, Library, content_hash, data_dir

ROOT = Path(__file__).resolve().parents[1]
READERS = Path(__file__).parent / "data" / "readers"

PLACES = ["Northport", "Eastbridge", "Millford", "Oakvale", "Riverside", "Stonehaven", "Westmere", "Ashby"]
TOPICS = ["library budget", "ferry timetable", "school roof", "bus route", "market square", "flood defences"]


def article_text(n: int, *, paragraphs: int = 4) -> str:
    """A small, distinct news article (number ``n``), title line first."""
    place, topic = PLACES[n % len(PLACES)], TOPICS[n % len(TOPICS)]
    body = [
        f"Officials in {place} said on Tuesday that the {topic} plan number {n} would go ahead after a "
        f"council vote, despite objections from residents who wanted more time to comment.",
        f"Mayor Lena Hartmann told reporters that the {topic} had been discussed for {n % 9 + 2} years and "
        "that the town could not afford to wait for another winter.",
        f"Residents of {place} will be able to see the final plans at the town hall from next Monday, "
        "the council said in a statement.",
        "Opposition councillors said they would ask the regional government to review the decision.",
    ]
    return f"{place} Approves {topic.title()} Plan {n}\n\n" + "\n\n".join(body[:paragraphs]) + "\n"


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for block in text.strip().split("\n\n"):
        document.add_paragraph(block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def lib(tmp_path):
    with Library(tmp_path / "store") as library:
        yield library


def seed_ids(library: Library) -> list[int]:
    table = library.list_articles()
    return table.loc[table["seed"], "id"].tolist()


# --- the store and its folder ---------------------------------------------------------------------------


def test_data_dir_is_the_environment_folder_else_data_at_the_project_root(monkeypatch, tmp_path):
    monkeypatch.delenv("STORYSCOPE_DATA", raising=False)
    assert data_dir() == ROOT / "data"
    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path / "elsewhere"))
    assert data_dir() == tmp_path / "elsewhere"


def test_library_without_folder_uses_storyscope_data(monkeypatch, tmp_path):
    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path / "from-env"))
    with Library() as library:
        assert library.path == tmp_path / "from-env" / "storyscope.sqlite3"
    assert (tmp_path / "from-env" / "storyscope.sqlite3").is_file()


def test_database_uses_wal_and_a_busy_timeout(lib):
    probe = sqlite3.connect(lib.path)
    assert probe.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    probe.close()
    assert lib._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_a_file_that_is_not_a_library_gives_a_clear_store_error(tmp_path):
    (tmp_path / "storyscope.sqlite3").write_bytes(b"this is not a database, just text " * 100)
    with pytest.raises(StoreError, match="is not a Storyscope library.*move it away"):
        Library(tmp_path)


# --- seeds ----------------------------------------------------------------------------------------------


def test_seed_articles_are_always_there_marked_seed(lib):
    table = lib.list_articles()
    seeds = table[table["seed"]]
    assert len(seeds) == len(list((ROOT / "seeds").glob("*.txt"))) >= 1
    assert seeds.iloc[0]["filename"] == next((ROOT / "seeds").glob("*.txt")).name
    assert seeds.iloc[0]["word_count"] > 500


def test_seeds_are_stored_once_across_restarts(tmp_path):
    for _ in range(3):
        with Library(tmp_path) as library:
            assert len(seed_ids(library)) == 1 and len(library) == 1


def test_a_seed_cannot_be_removed(lib):
    (seed,) = seed_ids(lib)
    with pytest.raises(SeedArticleError, match="seed article.*cannot be deleted"):
        lib.remove(seed)
    assert seed_ids(lib) == [seed]


def test_a_seed_deleted_behind_the_librarys_back_comes_back(tmp_path):
    with Library(tmp_path) as library:
        (seed,) = seed_ids(library)
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    with db:
        db.execute("DELETE FROM articles WHERE id = ?", (seed,))
    db.close()
    with Library(tmp_path) as library:
        assert len(seed_ids(library)) == 1


def test_seed_text_added_by_a_user_is_a_duplicate(lib):
    seed_file = next((ROOT / "seeds").glob("*.txt"))
    result = lib.add_file(seed_file.read_bytes(), "my-copy.txt", analyze=False)
    assert result.status == "duplicate" and result.id == seed_ids(lib)[0]


# --- adding and duplicates ------------------------------------------------------------------------------


def test_add_file_stores_text_and_metadata(lib):
    result = lib.add_file((READERS / "council-budget.html").read_bytes(), "../../council-budget.html")
    assert result == AddResult(result.id, "Riverside Council Approves Library Budget", "added")
    record = lib.record(result.id)
    assert record["filename"] == "council-budget.html"
    assert record["authors"] == ["Maria Okafor"]
    assert record["published"] == "2024-03-05"
    assert record["source"] == "The Riverside Gazette"
    assert "choosing books over potholes" in record["text"]
    assert "trackVisitor" not in record["text"]
    assert record["seed"] is False


def test_the_same_text_is_recognised_whatever_the_name_or_format(lib):
    text = article_text(1)
    first = lib.add_file(text.encode("utf-8"), "story.txt", analyze=False)
    again = [
        lib.add_file(text.encode("utf-8"), "renamed.txt", analyze=False),
        lib.add_file(text.encode("utf-16"), "story-utf16.txt", analyze=False),
        lib.add_file(text.encode("utf-8"), "story.md", analyze=False),
        lib.add_file(text.replace("\n", "\r\n").encode("cp1252"), "windows.txt", analyze=False),
        lib.add_file(docx_bytes(text), "story.docx", analyze=False),
    ]
    assert first.status == "added"
    assert [(r.status, r.id) for r in again] == [("duplicate", first.id)] * len(again)
    assert len(lib) == 2  # the seed and this one


def test_pasted_text_is_stored_under_its_title(lib):
    result = lib.add_text(article_text(2), title="  Pasted: Oakvale school roof  ", source="Oakvale Echo", analyze=False)
    record = lib.record(result.id)
    assert record["title"] == "Pasted: Oakvale school roof" and record["source"] == "Oakvale Echo"
    assert record["filename"] is None
    assert lib.add_text(article_text(2), title="Another title", analyze=False).status == "duplicate"


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "empty.txt", EmptyInputError),
        (b"\x00\x01\x02\x03binary" * 50, "binary.txt", BinaryInputError),
        (b"whatever", "slides.pptx", UnsupportedFormatError),
    ],
)
def test_a_bad_file_stores_nothing(lib, data, name, error):
    before = lib.list_articles()
    with pytest.raises(error):
        lib.add_file(data, name)
    assert lib.list_articles().equals(before)


def test_blank_pasted_text_or_title_stores_nothing(lib):
    with pytest.raises(EmptyInputError, match="needs a title"):
        lib.add_text(article_text(3), title="   ")
    with pytest.raises(EmptyInputError):
        lib.add_text("  \n\n  ", title="Nothing")
    assert len(lib) == 1


# --- listing and reading --------------------------------------------------------------------------------


def test_list_articles_columns_and_types(lib):
    lib.add_file((READERS / "council-budget.html").read_bytes(), "council-budget.html", analyze=False)
    table = lib.list_articles()
    assert list(table.columns) == LIST_COLUMNS
    assert table["id"].is_monotonic_increasing and table["id"].dtype == "int64"
    row = table.iloc[-1]
    assert row["authors"] == ("Maria Okafor",)
    assert row["published"] == dt.date(2024, 3, 5)
    assert row["seed"] is False or row["seed"] == False  # noqa: E712 - numpy bool
    assert table["added"].dt.tz is not None
    assert "text" not in table.columns


def test_article_comes_back_with_its_metadata(lib):
    result = lib.add_file((READERS / "council-budget.html").read_bytes(), "council-budget.html", analyze=False)
    article = lib.article(result.id)
    assert article.title == "Riverside Council Approves Library Budget"
    assert article.published == dt.date(2024, 3, 5) and article.authors == ("Maria Okafor",)
    assert article.text == lib.record(result.id)["text"]


@pytest.mark.parametrize("call", ["article", "analysis", "record", "remove", "entity_edits"])
def test_unknown_ids_raise_not_found(lib, call):
    with pytest.raises(NotFoundError, match="No article with id 999"):
        getattr(lib, call)(999)


# --- cached analyses ------------------------------------------------------------------------------------


@pytest.fixture
def counted_analyze(monkeypatch):
    calls = []
    real = pipeline.analyze

    def counting(article, **options):
        calls.append(article.title)
        return real(article, **options)

    monkeypatch.setattr(pipeline, "analyze", counting)
    return calls


def test_an_unchanged_article_is_analysed_once_even_after_a_restart(tmp_path, counted_analyze):
    with Library(tmp_path) as library:
        result = library.add_file(article_text(4).encode(), "a.txt")
        assert len(counted_analyze) == 1
        first = library.analysis(result.id)
    with Library(tmp_path) as library:
        again = library.analysis(result.id)
        library.analyses([result.id, result.id])
    assert len(counted_analyze) == 1
    assert again.to_dict() == first.to_dict()


def test_a_new_analyser_version_recomputes_once(tmp_path, counted_analyze, monkeypatch):
    with Library(tmp_path) as library:
        result = library.add_file(article_text(5).encode(), "a.txt")
        monkeypatch.setattr(pipeline, "ANALYSER_VERSION", pipeline.ANALYSER_VERSION + "-next")
        library.analysis(result.id)
        library.analysis(result.id)
    assert len(counted_analyze) == 2
    versions = sqlite3.connect(tmp_path / "storyscope.sqlite3").execute(
        "SELECT version FROM analysis_cache WHERE content_hash = ?", (content_hash(library_text(tmp_path, result.id)),)
    ).fetchall()
    assert versions == [(f"{pipeline.ANALYSER_VERSION}/{CODEC_VERSION}",)]  # the old version's result is not kept


def test_a_new_codec_version_recomputes_once(tmp_path, counted_analyze, monkeypatch):
    from analysis.store import codec

    with Library(tmp_path) as library:
        result = library.add_file(article_text(5).encode(), "a.txt")
        monkeypatch.setattr(codec, "CODEC_VERSION", codec.CODEC_VERSION + "-next")
        monkeypatch.setattr("analysis.store.library.CODEC_VERSION", codec.CODEC_VERSION)
        library.analysis(result.id)
        library.analysis(result.id)
    assert len(counted_analyze) == 2


def test_a_library_cached_by_an_earlier_codec_is_analysed_again_once_and_loses_nothing(tmp_path, counted_analyze):
    from analysis.nlp.entities import EntityEdit
    from analysis.store import codec

    with Library(tmp_path) as library:
        first, second = (library.add_file(article_text(n).encode(), f"{n}.txt").id for n in (23, 24))
        library.add_entity_edit(first, EntityEdit("rename", "Lena Hartmann", "Mayor Hartmann"))
        library.update(second, title="Edited title", source="The Gazette")
        expected = [a.to_dict() for a in library.analyses([first, second])]
        assert "Mayor Hartmann" in {e["name"] for e in expected[0]["entities"]} and expected[1]["title"] == "Edited title"
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    with db:  # as the codec before this one left it: its own version, the paragraphs' texts in the bytes
        for (digest,) in db.execute("SELECT content_hash FROM articles WHERE id IN (?, ?)", (first, second)).fetchall():
            db.execute("UPDATE analysis_cache SET version = ?, arrow = ? WHERE content_hash = ?",
                       (f"{pipeline.ANALYSER_VERSION}/arrow-3", b"an earlier layout", digest))
    db.close()
    with Library(tmp_path) as library:
        assert [a.to_dict() for a in library.analyses([first, second])] == expected
        assert [a.to_dict() for a in library.analyses([first, second])] == expected
        assert library.entity_edits(first) == [EntityEdit("rename", "Lena Hartmann", "Mayor Hartmann")]
    assert len(counted_analyze) == 4  # two adds, then each once again
    versions = sqlite3.connect(tmp_path / "storyscope.sqlite3").execute(
        "SELECT DISTINCT version FROM analysis_cache").fetchall()
    assert versions == [(f"{pipeline.ANALYSER_VERSION}/{codec.CODEC_VERSION}",)]


def library_text(folder: Path, article_id: int) -> str:
    return sqlite3.connect(folder / "storyscope.sqlite3").execute(
        "SELECT text FROM articles WHERE id = ?", (article_id,)
    ).fetchone()[0]


def test_seed_analysis_is_computed_on_first_use_then_cached(lib, counted_analyze):
    (seed,) = seed_ids(lib)
    result = lib.analysis(seed)
    lib.analysis(seed)
    assert len(counted_analyze) == 1
    assert result.word_count == lib.list_articles().set_index("id").loc[seed, "word_count"]


def test_analyses_keep_the_order_asked_for(lib):
    ids = [lib.add_file(article_text(n).encode(), f"{n}.txt").id for n in range(6, 9)]
    titles = [a.article.title for a in lib.analyses([ids[2], ids[0], ids[1]])]
    assert titles == [lib.record(i)["title"] for i in (ids[2], ids[0], ids[1])]
    with pytest.raises(NotFoundError, match="id 4242"):
        lib.analyses([ids[0], 4242])


def test_the_cache_gives_back_exactly_what_the_engine_computed(seed_analysis):
    from analysis.store.codec import article_header, decode_analyses, encode_analysis

    other = pipeline.analyze(pipeline_article(article_text(15)))
    spanish = pipeline.analyze(pipeline_article(SPANISH))  # sentiment unavailable: missing numbers
    no_entities = pipeline.analyze(pipeline_article("a quiet morning\n\nnothing happened here at all today.\n"))
    assert spanish.sentiment["polarity"].isna().all() and len(no_entities.entities) == 0
    single_words = pipeline.analyze(pipeline_article(article_text(19)), names_as_terms=False)
    originals = (seed_analysis, other, spanish, no_entities, single_words)
    headers = [
        article_header(title=a.article.title, authors=a.article.authors, published=a.article.published,
                       language=a.article.language, source=a.article.source, filename=a.article.filename)
        for a in originals
    ]
    texts = [a.article.text for a in originals]
    # alone, and together (read in one batch, as the library reads them); the paragraphs' texts written in the
    # bytes, or cut from the article's stored text (as the library stores them)
    with_texts = decode_analyses([encode_analysis(a) for a in originals], headers)
    cut = decode_analyses([encode_analysis(a, text=t) for a, t in zip(originals, texts)], headers, (), texts)
    assert [one.to_dict() for one in cut] == [
        decode_analyses([encode_analysis(a, text=t)], [h], (), [t])[0].to_dict()
        for a, h, t in zip(originals, headers, texts)
    ]
    # both kinds read together: one layout
    mixed = decode_analyses([encode_analysis(a, text=t if k % 2 else None) for k, (a, t) in enumerate(zip(originals, texts))],
                            headers, (), texts)
    for decoded in (with_texts, cut, mixed):
        for original, back in zip(originals, decoded):
            assert_same_analysis(back, original)


@given(st.lists(st.sampled_from(["word", "Été", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "\xa0", "\u2028",
                                  "\x1c", "\u200b", "\r\n"]), max_size=12))
def test_the_content_hash_is_the_sha256_of_the_text_with_every_whitespace_run_folded(parts):
    import hashlib

    text = "".join(parts)
    assert content_hash(text) == hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def test_a_payload_is_the_arrow_stream_a_stream_writer_makes_framed(seed_analysis):
    import pyarrow as pa

    payload = codec.encode_analysis(seed_analysis, text=seed_analysis.article.text)
    batch = pa.ipc.open_stream(payload[8:]).read_next_batch()
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    assert payload == codec.framed(sink.getvalue().to_pybytes())


def test_a_payload_whose_sizes_do_not_add_up_is_refused_alone(seed_analysis):
    import pyarrow as pa

    from analysis.store.codec import article_header, decode_analyses, encode_analysis

    text = seed_analysis.article.text
    good = encode_analysis(seed_analysis, text=text)
    batch = pa.ipc.open_stream(good[8:]).read_next_batch()  # past the frame (magic, CRC-32)
    ints = batch.column("ints").to_pylist()[0]

    def with_ints(values):
        columns = [pa.array([values], batch.schema.field("ints").type) if name == "ints" else batch.column(name)
                   for name in batch.schema.names]
        damaged = pa.RecordBatch.from_arrays(columns, schema=batch.schema)
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, damaged.schema) as writer:
            writer.write_batch(damaged)
        return codec.framed(sink.getvalue().to_pybytes())  # a sound frame: only the sizes are wrong

    a = seed_analysis.article
    header = article_header(title=a.title, authors=a.authors, published=a.published, language=a.language,
                            source=a.source, filename=a.filename)
    damaged = [
        with_ints([ints[0] + 1, *ints[1:]]),  # one paragraph more than the lists hold
        with_ints(ints[:-1]),  # a value missing
        with_ints([*ints[:7], *ints[7:][::-1]]),  # the right sizes, the values shuffled: counts that do not add up
        with_ints([-1, *ints[1:]]),
    ]
    decoded = decode_analyses([good, *damaged], [header] * 5, (), [text] * 5)
    assert decoded[1:] == [None] * 4
    assert_same_analysis(decoded[0], seed_analysis)  # read together with them, the good one is read all the same


def assert_same_analysis(back, original) -> None:
    import pandas.testing as pdt

    assert back.to_dict() == original.to_dict()
    assert back.article == original.article and back.entities.entities == original.entities.entities
    pdt.assert_frame_equal(back.terms, original.terms)
    pdt.assert_frame_equal(back.sentiment, original.sentiment)
    pdt.assert_frame_equal(back.entities.table, original.entities.table)
    pdt.assert_frame_equal(back.entities.mentions, original.entities.mentions)


def test_the_cache_does_not_repeat_the_stored_text_and_needs_it_back(seed_analysis):
    from analysis.store.codec import article_header, decode_analyses, encode_analysis

    text = seed_analysis.article.text
    slim, full = encode_analysis(seed_analysis, text=text), encode_analysis(seed_analysis)
    longest = max((p.text for p in seed_analysis.article.paragraphs), key=len)
    assert longest.encode() in full and longest.encode() not in slim
    assert len(full) - len(slim) > 0.9 * len(text.encode())  # the texts, less their lengths
    # written against another text (not the analysed article's), the paragraphs' texts are kept
    assert longest.encode() in encode_analysis(seed_analysis, text=text + " more")
    header = article_header(title=seed_analysis.article.title, language=seed_analysis.article.language)
    # without its text, or with a text its paragraphs do not fit, nothing is misread
    assert decode_analyses([slim], [header]) == [None]
    assert decode_analyses([slim, slim], [header, header], (), [text[:-1], None]) == [None, None]
    back, other = decode_analyses([slim, slim], [header, header], (), [text, "\n\n".join(text.split("\n\n")[::-1])])
    assert back is not None and back.article.text == text and other is None


@settings(max_examples=30, deadline=None)
@given(paragraphs=st.lists(st.text(alphabet=st.sampled_from(list("ab Cd.\n")), max_size=40), max_size=5))
def test_paragraphs_holding_blank_lines_are_cut_back_exactly(paragraphs):
    from analysis.models import Article, Paragraph
    from analysis.store.codec import article_header, decode_analyses, encode_analysis

    article = Article(title="T", paragraphs=tuple(Paragraph(i, "body", t) for i, t in enumerate(paragraphs)))
    analysis = pipeline.analyze(article)
    (back,) = decode_analyses([encode_analysis(analysis, text=article.text)], [article_header(title="T")], (),
                              [article.text])
    assert back.article == article
    assert_same_analysis(back, analysis)


def test_a_cache_entry_that_no_longer_fits_its_stored_text_is_recomputed(tmp_path, counted_analyze):
    with Library(tmp_path) as library:
        kept = library.add_file(article_text(21).encode(), "a.txt")
        changed = library.add_file(article_text(22).encode(), "b.txt")
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    with db:  # another program shortened the stored text under the cached analysis
        db.execute("UPDATE articles SET text = substr(text, 1, length(text) - 40) WHERE id = ?", (changed.id,))
    db.close()
    with Library(tmp_path) as library:
        first, second = library.analyses([kept.id, changed.id])
        assert len(counted_analyze) == 3  # two adds, then only the changed one again
        assert second.article.text == library.record(changed.id)["text"]
        assert_same_analysis(second, pipeline.analyze(library.article(changed.id)))
        assert_same_analysis(first, pipeline.analyze(library.article(kept.id)))


def test_the_cache_encodes_entities_from_their_rows_without_building_their_tables():
    import pyarrow as pa

    from analysis.store.codec import encode_analysis

    texts = (article_text(16), SPANISH, "a quiet morning\n\nnothing happened here at all today.\n")
    for text in texts:
        fresh = pipeline.analyze(pipeline_article(text))
        assert fresh.entities.row_columns() is not None  # the extractor hands over rows only
        from_rows = encode_analysis(fresh)
        assert fresh.entities.row_columns() is not None, "encoding must not build the entity DataFrames"
        fresh.entities.table, fresh.entities.mentions  # now built: the cache reads the DataFrames
        assert fresh.entities.row_columns() is None
        batch_rows, batch_frames = (pa.ipc.open_stream(p[8:]).read_next_batch()
                                    for p in (from_rows, encode_analysis(fresh)))
        assert batch_rows.schema.equals(batch_frames.schema)
        for name in batch_rows.schema.names:  # the same values (NaN scores compare unequal: compared as text)
            assert str(batch_rows.column(name).to_pylist()) == str(batch_frames.column(name).to_pylist()), name


SPANISH = (
    "El Ayuntamiento Aprueba el Presupuesto de las Bibliotecas\n\n"
    "El ayuntamiento de la ciudad aprobó el martes un presupuesto que duplica el gasto en las tres "
    "bibliotecas públicas durante los próximos cuatro años.\n\n"
    "La concejala que propuso el plan dijo que las bibliotecas se han convertido en un refugio para los "
    "estudiantes y los vecinos mayores durante el invierno.\n"
)


def pipeline_article(text: str):
    from analysis.reading.text import parse_article

    return parse_article(text)


def test_the_json_cache_of_earlier_versions_is_dropped_and_recomputed(tmp_path, counted_analyze):
    with Library(tmp_path) as library:
        result = library.add_file(article_text(18).encode(), "a.txt")
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    with db:  # the table and a row as the JSON codec wrote them, naming a class to import
        db.execute("CREATE TABLE analyses (content_hash TEXT, analyser_version TEXT, json TEXT)")
        db.execute("INSERT INTO analyses VALUES (?, ?, ?)", (
            content_hash(library_text(tmp_path, result.id)), pipeline.ANALYSER_VERSION,
            '{"format": "columns-2", "frames": [], "value": {"$dc": "os:system", "fields": {"command": "x"}}}'))
    db.close()
    with Library(tmp_path) as library:
        assert library.analysis(result.id).word_count > 0
    tables = {name for (name,) in sqlite3.connect(tmp_path / "storyscope.sqlite3").execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "analyses" not in tables
    assert len(counted_analyze) == 1  # the cache written on adding is the Arrow one, still valid


@pytest.mark.parametrize("payload", [
    b"",
    b"not arrow at all",
    b'{"format": "columns-1", "value": {"$dc": "os:system", "fields": {}}}',
    b'{"format": "to_dict", "value": {"title": "x"}}',
])
def test_anything_but_the_arrow_layout_decodes_to_none_and_imports_nothing(payload, monkeypatch):
    import importlib

    from analysis.store.codec import article_header, decode_analyses

    def refuse(name, *args, **kwargs):
        raise AssertionError(f"the codec imported {name}")

    monkeypatch.setattr(importlib, "import_module", refuse)
    assert decode_analyses([payload], [article_header(title="x")]) == [None]


def test_a_damaged_or_truncated_payload_decodes_to_none_and_never_raises(seed_analysis):
    from analysis.store.codec import article_header, decode_analyses, decode_sentence_scores, encode_analysis

    text = seed_analysis.article.text
    good = encode_analysis(seed_analysis, text=text)
    header = article_header(title="x")
    flipped = [good[:k] + bytes([good[k] ^ 1 << (k % 8)]) + good[k + 1:] for k in range(0, len(good), 97)]
    truncated = [good[:k] for k in (1, 7, 8, 100, len(good) // 2, len(good) - 1)]
    damaged = flipped + truncated
    assert decode_analyses(damaged, [header] * len(damaged), (), [text] * len(damaged)) == [None] * len(damaged)
    assert decode_sentence_scores(damaged) == [None] * len(damaged)
    (back,) = decode_analyses([good], [header], (), [text])
    assert back.word_count == seed_analysis.word_count  # the checks refuse only what is damaged


@pytest.mark.slow  # damages and decodes a stored stream at every 41st byte: the full run keeps it, the fast tier need not
def test_a_damaged_stream_with_a_sound_checksum_never_reaches_arrows_reader_unvalidated(seed_analysis):
    """Damage made before the frame was written (a checksum that holds): offsets pointing outside their buffers
    are refused by validation instead of being read (Arrow's C++ then reads past the buffer and can crash)."""
    from analysis.store.codec import article_header, decode_analyses, encode_analysis

    text = seed_analysis.article.text
    stream = encode_analysis(seed_analysis, text=text)[8:]
    header = article_header(title="x")
    results = []
    for k in range(0, len(stream), 41):
        for bit in (0, 5):
            payload = codec.framed(stream[:k] + bytes([stream[k] ^ 1 << bit]) + stream[k + 1:])
            (back,) = decode_analyses([payload], [header], (), [text])
            if back is not None:  # what decodes must be whole: every table readable
                back.to_dict(), back.entities.table, back.entities.mentions, back.terms, back.sentiment
            results.append(back is None)
    assert any(results)  # the damage is seen where it breaks the layout


def test_an_arrow_stream_of_another_layout_decodes_to_none():
    import pyarrow as pa

    from analysis.store.codec import article_header, decode_analyses

    batch = pa.RecordBatch.from_pydict({"word_count": [3], "terms.term": [["a"]]})
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    assert decode_analyses([codec.framed(sink.getvalue().to_pybytes())], [article_header(title="x")]) == [None]


def test_an_unreadable_cache_entry_is_recomputed_not_fatal(tmp_path, counted_analyze):
    with Library(tmp_path) as library:
        result = library.add_file(article_text(16).encode(), "a.txt")
        good = library.add_file(article_text(17).encode(), "b.txt")
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    with db:
        db.execute("UPDATE analysis_cache SET arrow = ? WHERE content_hash = ?",
                   (b"\xff\xff\xff\xff damaged", content_hash(library_text(tmp_path, result.id))))
    db.close()
    with Library(tmp_path) as library:
        first, second = library.analyses([result.id, good.id])
    assert first.word_count > 0 and second.word_count > 0
    assert len(counted_analyze) == 3  # two adds, then only the damaged one again



def test_sentence_scores_round_trip_and_anything_else_decodes_to_none():
    import pyarrow as pa

    from analysis.nlp.sentiment import SentenceScore
    from analysis.store.codec import decode_sentence_scores, encode_sentence_scores

    batch = pa.RecordBatch.from_pydict({"paragraph": [1], "score": [0.5]})  # another layout
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    scores = (SentenceScore(0, 0, 41, 7, -0.25, ((3, 9), (20, 31))), SentenceScore(2, 50, 90, 6, math.nan, ((50, 55),)))
    first, empty, bad, missing, other = decode_sentence_scores(
        [encode_sentence_scores(scores), encode_sentence_scores(()), b"not arrow", None,
         codec.framed(sink.getvalue().to_pybytes())])
    assert first[0] == scores[0] and first[1][:4] == scores[1][:4] and math.isnan(first[1].score)
    assert first[1].masked == scores[1].masked
    assert empty == () and bad is None and missing is None and other is None


def test_compare_sentence_scores_are_computed_once_then_read_and_edits_apply(tmp_path, monkeypatch):
    from analysis.nlp import sentiment
    from analysis.store.library import _entity_edit_type

    calls = []
    real = sentiment.entity_sentence_scores
    monkeypatch.setattr(sentiment, "entity_sentence_scores", lambda *a: calls.append(1) or real(*a))
    with Library(tmp_path) as library:
        ids = [library.add_file(article_text(n).encode(), f"{n}.txt").id for n in (20, 21)]
        library.add_entity_edit(ids[0], _entity_edit_type()(action="remove", a="Lena Hartmann"))
        assert all(a.entity_sentences is None for a in library.analyses(ids))  # only when asked for
        first = library.analyses(ids, entity_sentences=True)
    assert len(calls) == 2
    with Library(tmp_path) as library:
        again = library.analyses(ids, entity_sentences=True)
    assert len(calls) == 2  # read from the cache after a restart
    for a, b in zip(first, again):
        assert a.entity_sentences == b.entity_sentences and b.entity_sentences
        assert (sentiment.entity_sentiment_rows(b.article, b.entities.mentions, scored=b.entity_sentences)
                == sentiment.entity_sentiment_rows(b.article, b.entities.mentions))
    assert "Lena Hartmann" not in {row[0] for row in sentiment.entity_sentiment_rows(
        again[0].article, again[0].entities.mentions, scored=again[0].entity_sentences)}


def test_sentence_scores_that_cannot_be_stored_are_returned_all_the_same(tmp_path, monkeypatch):
    from analysis.errors import StoreError

    with Library(tmp_path) as library:
        ids = [library.add_file(article_text(n).encode(), f"{n}.txt").id for n in (22, 23)]

        def refuse(*args):
            raise StoreError("the library is busy")

        monkeypatch.setattr(Library, "_store_sentences", staticmethod(refuse))
        loaded = library.analyses(ids, entity_sentences=True)
    assert all(a.entity_sentences for a in loaded)
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM sentence_cache").fetchone() == (0,)

def test_title_source_and_date_can_be_edited_and_survive_a_restart(tmp_path):
    with Library(tmp_path) as library:
        result = library.add_file(article_text(10).encode(), "a.txt")
        library.update(result.id, title="A Better Title", source="Millford Post", published="2024-02-29")
    with Library(tmp_path) as library:
        record = library.record(result.id)
        assert (record["title"], record["source"], record["published"]) == ("A Better Title", "Millford Post",
                                                                            "2024-02-29")
        analysis = library.analysis(result.id)
        assert analysis.article.title == "A Better Title" and analysis.article.published == dt.date(2024, 2, 29)
        library.update(result.id, source="", published="")
        record = library.record(result.id)
        assert record["source"] is None and record["published"] is None and record["title"] == "A Better Title"


def test_seed_metadata_can_be_edited(lib):
    (seed,) = seed_ids(lib)
    lib.update(seed, source="InSight Crime")
    assert lib.record(seed)["source"] == "InSight Crime"


@pytest.mark.parametrize(
    ("change", "error"),
    [({"title": "  "}, EmptyInputError), ({"published": "11 December 2023"}, InvalidOptionError),
     ({"published": "2023-02-30"}, InvalidOptionError)],
)
def test_invalid_edits_change_nothing(lib, change, error):
    result = lib.add_text(article_text(11), title="Kept", analyze=False)
    with pytest.raises(error):
        lib.update(result.id, **change)
    assert lib.record(result.id)["title"] == "Kept" and lib.record(result.id)["published"] is None


def test_removing_an_article_removes_its_analysis_and_edits(tmp_path):
    from analysis.store.library import _entity_edit_type

    with Library(tmp_path) as library:
        result = library.add_file(article_text(12).encode(), "a.txt")
        library.add_entity_edit(result.id, _entity_edit_type()(action="rename", a="Lena Hartmann", b="Mayor"))
        library.analyses([result.id], entity_sentences=True)  # its sentence scores cached too
        library.remove(result.id)
        assert result.id not in library.list_articles()["id"].tolist()
        with pytest.raises(NotFoundError):
            library.remove(result.id)
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    assert db.execute("SELECT COUNT(*) FROM entity_edits").fetchone() == (0,)
    assert db.execute("SELECT COUNT(*) FROM analysis_cache").fetchone() == (0,)
    assert db.execute("SELECT COUNT(*) FROM sentence_cache").fetchone() == (0,)
    # the same text can be added again afterwards, as a new article
    with Library(tmp_path) as library:
        assert library.add_file(article_text(12).encode(), "a.txt", analyze=False).status == "added"


# --- entity edits ---------------------------------------------------------------------------------------


def test_entity_edits_are_kept_in_order_across_restarts(tmp_path):
    from analysis.store.library import _entity_edit_type

    EntityEdit = _entity_edit_type()
    with Library(tmp_path) as library:
        result = library.add_text(article_text(13), title="Edits", analyze=False)
        library.add_entity_edit(result.id, EntityEdit(action="merge", a="Hartmann", b="Lena Hartmann"))
        library.add_entity_edit(result.id, EntityEdit(action="rename", a="Lena Hartmann", b="Mayor Hartmann"))
    with Library(tmp_path) as library:
        edits = library.entity_edits(result.id)
        assert [(e.action, e.a, e.b) for e in edits] == [
            ("merge", "Hartmann", "Lena Hartmann"), ("rename", "Lena Hartmann", "Mayor Hartmann")]
        assert library.clear_entity_edits(result.id) == 2
        assert library.entity_edits(result.id) == []


def test_an_unknown_entity_edit_action_is_refused(lib):
    from analysis.store.library import _entity_edit_type

    result = lib.add_text(article_text(14), title="Edits", analyze=False)
    with pytest.raises(InvalidOptionError, match="`action` value = 'split' is invalid"):
        lib.add_entity_edit(result.id, _entity_edit_type()(action="split", a="A", b="B"))
    assert lib.entity_edits(result.id) == []


def test_one_correction_can_be_undone_and_the_others_stay_in_order_across_restarts(tmp_path):
    from analysis.nlp.entities import EntityEdit

    with Library(tmp_path) as library:
        result = library.add_text(article_text(20), title="Undo", analyze=False)
        for edit in (EntityEdit("merge", "Hartmann", "Lena Hartmann"), EntityEdit("remove", "Opposition", "ignored"),
                     EntityEdit("retype", "Lena Hartmann", "person")):
            library.add_entity_edit(result.id, edit)
        assert library.remove_entity_edit(result.id, 1) == EntityEdit("remove", "Opposition", "")
        with pytest.raises(NotFoundError, match="no entity correction number 3"):
            library.remove_entity_edit(result.id, 2)
    with Library(tmp_path) as library:
        assert library.entity_edits(result.id) == [
            EntityEdit("merge", "Hartmann", "Lena Hartmann"), EntityEdit("retype", "Lena Hartmann", "person")]


def test_a_retype_needs_a_known_type(lib):
    from analysis.nlp.entities import EntityEdit

    result = lib.add_text(article_text(21), title="Types", analyze=False)
    with pytest.raises(InvalidOptionError, match="'planet'"):
        lib.add_entity_edit(result.id, EntityEdit("retype", "Ashby", "planet"))
    assert lib.entity_edits(result.id) == []


def test_a_library_made_before_retype_and_remove_keeps_its_edits_and_takes_the_new_ones(tmp_path):
    from analysis.nlp.entities import EntityEdit

    with Library(tmp_path) as library:
        result = library.add_text(article_text(22), title="Old", analyze=False)
        library.add_entity_edit(result.id, EntityEdit("merge", "Hartmann", "Lena Hartmann"))
    db = sqlite3.connect(tmp_path / "storyscope.sqlite3")
    with db:  # the table as the first version made it
        db.execute("CREATE TABLE old_edits AS SELECT * FROM entity_edits")
        db.execute("DROP TABLE entity_edits")
        db.execute("""CREATE TABLE entity_edits (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE, seq INTEGER NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('merge', 'rename')), a TEXT NOT NULL, b TEXT NOT NULL,
            PRIMARY KEY (article_id, seq)) WITHOUT ROWID""")
        db.execute("INSERT INTO entity_edits SELECT * FROM old_edits")
        db.execute("DROP TABLE old_edits")
    db.close()
    with Library(tmp_path) as library:
        library.add_entity_edit(result.id, EntityEdit("remove", "Opposition"))
        assert library.entity_edits(result.id) == [
            EntityEdit("merge", "Hartmann", "Lena Hartmann"), EntityEdit("remove", "Opposition", "")]


# --- round trips (Hypothesis) ---------------------------------------------------------------------------

TEXT = st.text(
    alphabet=st.sampled_from(list("abcdefghij KLMNOP\n\n\t.,;’“”-—é ßالعربيةשלום😀\u00a0\u200b12")), max_size=300
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT, title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_added_text_comes_back_unchanged(tmp_path, text, title):
    from analysis.reading.text import parse_article

    with Library(tmp_path / "roundtrip") as library:
        before = len(library)
        try:
            expected = parse_article(text, title=title.strip() or "x").text
        except EmptyInputError:
            with pytest.raises(EmptyInputError):
                library.add_text(text, title=title.strip() or "x", analyze=False)
            assert len(library) == before
            return
        result = library.add_text(text, title=title.strip() or "x", analyze=False)
        assert library.record(result.id)["text"] == expected or result.status == "duplicate"
        if result.status == "added":
            assert library.article(result.id).text == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    title=st.text(min_size=1, max_size=60).filter(lambda t: t.strip()),
    source=st.one_of(st.none(), st.text(max_size=40)),
    published=st.one_of(st.none(), st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 1, 1))),
)
def test_metadata_edits_come_back_unchanged(tmp_path, title, source, published):
    with Library(tmp_path / "edits") as library:
        (seed,) = seed_ids(library)
        before = library.record(seed)
        library.update(seed, title=title, source=source, published=published)
        after = library.record(seed)
        assert after["title"] == title.strip()
        assert after["source"] == (before["source"] if source is None else (source.strip() or None))
        assert after["published"] == (before["published"] if published is None else published.isoformat())
        assert after["text"] == before["text"]


# --- durability, with real processes --------------------------------------------------------------------

WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from analysis.store.library import Library

    folder, signals, worker, workers, first = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    texts = [Path(p).read_bytes() for p in sys.argv[6:]]

    def wait_for(prefix):  # every worker has reached this point (no fixed sleep: load only makes it slower)
        deadline = time.monotonic() + 240
        while len(list(signals.glob(prefix + "-*"))) < workers:
            if time.monotonic() > deadline:
                sys.exit(f"worker {worker}: the others never reached {prefix}")
            time.sleep(0.01)

    library = Library(folder)
    (signals / f"ready-{worker}").touch()
    wait_for("ready")
    for i, data in enumerate(texts):
        if i == len(texts) - 1:  # the last one only once every worker has stored its first: they overlap
            wait_for("began")
        result = library.add_file(data, f"article-{first + i}.txt")
        assert result.status == "added", result
        if i == 0:
            (signals / f"began-{worker}").touch()
    library.close()
    """
)


def write_articles(folder: Path, numbers: range) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in numbers:
        path = folder / f"article-{n}.txt"
        path.write_text(article_text(n), encoding="utf-8")
        paths.append(path)
    return paths


def run_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


@pytest.mark.slow
def test_four_processes_adding_at_once_store_all_hundred(tmp_path):
    store, signals = tmp_path / "store", tmp_path / "signals"
    signals.mkdir()
    workers = []
    for w in range(4):
        paths = write_articles(tmp_path / "in", range(w * 25, w * 25 + 25))
        workers.append(subprocess.Popen(
            [sys.executable, "-c", WORKER, str(store), str(signals), str(w), "4", str(w * 25), *map(str, paths)],
            cwd=ROOT, env=run_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        ))
    for worker in workers:  # each worker stores its last article only after all four stored their first
        _, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
    with Library(store) as library:
        table = library.list_articles()
        assert len(table) == 101 and table["seed"].sum() == 1
        assert sorted(table.loc[~table["seed"], "filename"]) == sorted(f"article-{n}.txt" for n in range(100))
        assert len(library.analyses(table["id"].tolist())) == 101
    check = sqlite3.connect(store / "storyscope.sqlite3")
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@pytest.mark.slow
def test_kill_9_during_an_import_leaves_a_valid_library_and_a_rerun_stores_each_article_once(tmp_path):
    store = tmp_path / "store"
    paths = write_articles(tmp_path / "in", range(150))
    command = [sys.executable, "-m", "analysis", "library", "add", *map(str, paths)]
    env = {**run_env(), "STORYSCOPE_DATA": str(store)}
    importer = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    db_file = store / "storyscope.sqlite3"
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and importer.poll() is None:
        if db_file.exists():
            try:
                probe = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, timeout=1)
                stored = probe.execute("SELECT COUNT(*) FROM articles WHERE seed = 0").fetchone()[0]
                probe.close()
            except sqlite3.Error:
                pass
        if stored >= 20:
            break
        time.sleep(0.02)
    assert importer.poll() is None, "the import finished before it could be killed; use more articles"
    importer.send_signal(signal.SIGKILL)
    importer.wait(timeout=30)
    assert importer.returncode == -signal.SIGKILL

    check = sqlite3.connect(db_file)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    partial = check.execute("SELECT COUNT(*) FROM articles WHERE seed = 0").fetchone()[0]
    check.close()
    assert 20 <= partial < 150

    rerun = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.count("already in the library") >= partial
    db = sqlite3.connect(db_file)
    rows = db.execute("SELECT filename, COUNT(*) FROM articles WHERE seed = 0 GROUP BY content_hash").fetchall()
    assert len(rows) == 150 and all(count == 1 for _, count in rows)
    assert sorted(name for name, _ in rows) == sorted(p.name for p in paths)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # every stored article has its analysis cached
    assert db.execute(
        "SELECT COUNT(*) FROM articles a LEFT JOIN analysis_cache c ON c.content_hash = a.content_hash "
        "WHERE a.seed = 0 AND c.arrow IS NULL"
    ).fetchone() == (0,)
