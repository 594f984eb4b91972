"""benchmarks/accuracy.py: the scoring rules of the development corpus, checked on small hand-made cases (so the
rule itself is tested, apart from the engine), and the corpus's gold checked against its texts."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from analysis.models import Article, Paragraph
from analysis.reading.text import normalize_text

ROOT = Path(__file__).resolve().parents[1]


def _load_accuracy():
    spec = importlib.util.spec_from_file_location("storyscope_bench_accuracy", ROOT / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


accuracy = _load_accuracy()
ClutterItem, Gold, GoldEntity = accuracy.ClutterItem, accuracy.Gold, accuracy.GoldEntity

RAW = """Harbour strike ends

By Ann Lee

Dockers at Kessock returned on Monday, said Ortiz.

Photo: Dockers at the gate [Tom Roe/Reuters]

Read more:
Why Kessock matters

Fergus Ortiz said the deal was fair."""

GOLD = Gold(
    title="Harbour strike ends",
    authors=("Ann Lee",),
    published=None,
    language="en",
    clutter=(ClutterItem("byline", "By Ann Lee"), ClutterItem("caption", "Photo:"), ClutterItem("related", "Read more:")),
    entities=(GoldEntity("Fergus Ortiz", "person", 2, ("Ortiz",)), GoldEntity("Kessock", "place", 1)),
)


def article(*kinds: str, **metadata) -> Article:
    texts = [block.replace("\n", " ") for block in normalize_text(RAW).split("\n\n")]
    assert len(texts) == len(kinds)
    values = {"title": "Harbour strike ends", "authors": ("Ann Lee",), "published": None, "language": "en"}
    values.update(metadata)
    return Article(paragraphs=tuple(Paragraph(i, k, t) for i, (k, t) in enumerate(zip(kinds, texts))), **values)


RIGHT_KINDS = ("title", "byline", "body", "boilerplate", "boilerplate", "body")
ROWS = [
    {"name": "Fergus Ortiz", "type": "person", "mentions": 2, "aliases": ("Ortiz",)},
    {"name": "Kessock", "type": "place", "mentions": 1, "aliases": ()},
]


def score(kinds=RIGHT_KINDS, rows=ROWS, **metadata):
    return accuracy.score_article("case", RAW, article(*kinds, **metadata), rows, GOLD)


def test_everything_right_scores_full_marks():
    result = score()
    assert (result.entities_right, result.entities_total) == (2, 2)
    assert (result.clutter_out, result.clutter_total) == (3, 3)
    assert (result.body_lost, result.body_total) == (0, 2)
    assert all(result.metadata_right.values())
    assert result.types_right == 2
    assert result.misses == () and result.type_misses == ()
    assert result.clutter_by_pattern == {"byline": (1, 1), "caption": (1, 1), "related": (1, 1)}


def test_an_entity_right_but_mistyped_counts_as_right_and_is_listed_as_a_type_miss():
    rows = [{**ROWS[0], "type": "organisation"}, ROWS[1]]
    result = score(rows=rows)
    assert result.entities_right == 2 and result.types_right == 1
    assert [miss.what for miss in result.type_misses] == ["type 'Fergus Ortiz'"]
    assert "organisation, gold person" in result.type_misses[0].detail


def test_clutter_typed_heading_or_body_is_not_kept_out():
    result = score(kinds=("title", "heading", "body", "body", "boilerplate", "body"))
    assert (result.clutter_out, result.clutter_total) == (1, 3)
    assert result.clutter_by_pattern["byline"] == (0, 1) and result.clutter_by_pattern["caption"] == (0, 1)


def test_a_clutter_item_covers_the_lines_after_it_in_its_block():
    # "Read more:" and the link under it are one paragraph here; split, the link typed heading is not kept out
    split = RAW.replace("Read more:\nWhy", "Read more:\n\nWhy")
    parsed = Article(
        title="Harbour strike ends",
        paragraphs=tuple(Paragraph(i, k, t) for i, (k, t) in enumerate(zip(
            (*RIGHT_KINDS[:4], "boilerplate", "heading", "body"), normalize_text(split).split("\n\n")))),
        authors=("Ann Lee",),
    )
    result = accuracy.score_article("case", RAW, parsed, ROWS, GOLD)
    assert result.clutter_by_pattern["related"] == (0, 1)


def test_body_typed_boilerplate_or_byline_is_lost():
    result = score(kinds=("title", "byline", "boilerplate", "boilerplate", "boilerplate", "byline"))
    assert (result.body_lost, result.body_total) == (2, 2)


def test_mentions_within_one_of_the_hand_count_are_right_two_off_are_wrong():
    off_by_one = [{**ROWS[0], "mentions": 3}, ROWS[1]]
    off_by_two = [{**ROWS[0], "mentions": 4}, ROWS[1]]
    assert score(rows=off_by_one).entities_right == 2
    assert score(rows=off_by_two).entities_right == 1


def test_names_split_over_rows_or_missing_are_wrong():
    split = [{**ROWS[0], "aliases": ()}, {"name": "Ortiz", "type": "person", "mentions": 1, "aliases": ()}, ROWS[1]]
    missing = [{**ROWS[0], "aliases": ()}, ROWS[1]]
    assert "split over rows" in accuracy.entity_verdict(GOLD.entities[0], GOLD.entities[1:], split)
    assert "not found" in accuracy.entity_verdict(GOLD.entities[0], GOLD.entities[1:], missing)
    assert score(rows=split).entities_right == 1


def test_another_gold_entity_merged_in_makes_both_wrong():
    merged = [{**ROWS[0], "mentions": 3, "aliases": ("Ortiz", "Kessock")}]
    result = score(rows=merged)
    assert result.entities_right == 0
    assert any("merged with 'Kessock'" in miss.detail for miss in result.misses)


def test_names_match_whatever_their_case_and_apostrophe():
    rows = [{"name": "FERGUS ORTIZ", "type": "person", "mentions": 2, "aliases": ("ortiz",)}, ROWS[1]]
    assert score(rows=rows).entities_right == 2
    entity = GoldEntity("McDonald's", "organisation", 1)
    assert accuracy.entity_verdict(entity, [], [{"name": "McDonald’s", "mentions": 1, "aliases": ()}]) is None


def test_each_metadata_field_is_scored_on_its_own():
    result = score(title="Home › News", authors=("Ann Lee", "Tom Roe"), language="fr")
    assert result.metadata_right == {"title": False, "authors": False, "published": True, "language": False}


# --- the corpus's gold fits its texts --------------------------------------------------------------------

CORPUS = accuracy.corpus()


def test_the_corpus_has_the_shapes_issue_15_asks_for():
    assert len(CORPUS) >= 40
    languages = {gold.language for _, gold in CORPUS}
    assert {"en", "fr", "de", "es"} <= languages
    patterns = {item.pattern for _, gold in CORPUS for item in gold.clutter}
    assert {"caption", "credit", "related", "prompt", "breadcrumb", "tags", "pr-footer", "copyright"} <= patterns


def test_select_keeps_the_articles_named_or_starting_with_a_prefix():
    held_out = accuracy.select(CORPUS, prefixes=["heldout2-"])
    assert len(held_out) == 12 and all(path.stem.startswith("heldout2-") for path, _ in held_out)
    both = {path.stem for path, _ in accuracy.select(CORPUS, prefixes=["heldout-", "heldout2-"])}
    assert both > {path.stem for path, _ in held_out} and len(both) == 15
    named = accuracy.select(CORPUS, names=["wire-port-strike"], prefixes=["heldout2-"])
    assert [path.stem for path, _ in named] == [*(path.stem for path, _ in held_out), "wire-port-strike"]
    assert accuracy.select(CORPUS) == CORPUS and accuracy.select(CORPUS, names=["no-such-article"]) == []


def test_select_leaves_out_the_excluded_prefixes():
    rest = accuracy.select(CORPUS, excluded=["heldout2-"])
    assert len(rest) == len(CORPUS) - 12 and not any(path.stem.startswith("heldout2-") for path, _ in rest)
    only_heldout = accuracy.select(CORPUS, prefixes=["heldout-", "heldout2-"], excluded=["heldout2-"])
    assert {path.stem for path, _ in only_heldout} == {
        path.stem for path, _ in CORPUS if path.stem.startswith("heldout-")}


@pytest.mark.parametrize(("path", "gold"), CORPUS, ids=[path.stem for path, _ in CORPUS])
def test_gold_fits_its_text(path, gold):
    text = normalize_text(path.read_text(encoding="utf-8"))
    lines = [line.strip() for line in text.split("\n")]
    for item in gold.clutter:
        starts = [line for line in lines if line.startswith(item.text)]
        assert len(starts) == 1, f"clutter item {item.text!r} must start exactly one line"
    assert sum(line.lstrip("#").strip() == gold.title for line in lines) == 1, "the title is one line of the text"
    units = accuracy._gold_units(text, gold)
    analysed = " ".join(unit.text for unit in units if not isinstance(unit.role, int)).casefold()
    for entity in gold.entities:
        assert entity.mentions >= 1
        for name in entity.names:
            pattern = r"(?<!\w)" + re.escape(name.casefold()) + r"(?!\w)"
            assert re.search(pattern, analysed), f"{name!r} is not in the title, headings or body"
