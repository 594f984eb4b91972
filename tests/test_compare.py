"""Comparing articles: keyness against hand-computed values, entities linked across articles."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import pytest

from analysis.compare import (
    ComparisonError,
    article_labels,
    comparison_summary,
    distinctive_terms,
    sentiment_arcs,
    shared_entities,
    terms_side_by_side,
    timeline,
)
from analysis.pipeline import analyze
from analysis.reading.text import parse_article

DATA = Path(__file__).parent / "data" / "compare"


@pytest.fixture(scope="module")
def trio(seed_analysis):
    strike = analyze(parse_article((DATA / "harbour-strike.txt").read_text(encoding="utf-8")))
    deal = analyze(parse_article((DATA / "harbour-deal.txt").read_text(encoding="utf-8")))
    return [seed_analysis, strike, deal]


def g2_by_hand(a: int, b: int, c: int, d: int) -> float:
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    return 2 * ((a * math.log(a / e1) if a else 0) + (b * math.log(b / e2) if b else 0))


def test_distinctive_terms_match_the_hand_computed_g2_and_log_ratio(trio):
    table = distinctive_terms(trio, min_g2=0, top=None)
    seed, strike, deal = trio
    row = table[(table["article"] == seed.article.title) & (table["term"] == "crook")].iloc[0]
    a = 16
    b = 0  # the harbour articles never say "crook"
    c = seed.word_count
    d = strike.word_count + deal.word_count
    assert (row["count"], row["reference_count"]) == (a, b)
    assert row["g2"] == pytest.approx(g2_by_hand(a, b, c, d), rel=1e-9)
    assert row["log_ratio"] == pytest.approx(math.log2((a / c) / (0.5 / d)), rel=1e-9)
    # a worked example in plain numbers: a=16, b=0, c=1000, d=500 -> G2 = 2*16*ln(1500/1000) = 12.9749
    assert g2_by_hand(16, 0, 1000, 500) == pytest.approx(12.9749, abs=1e-4)


def test_only_significant_over_used_terms_by_default(trio):
    table = distinctive_terms(trio)
    assert (table["g2"] >= 6.63).all() and (table["log_ratio"] > 0).all()
    for _, group in table.groupby("article"):
        assert group["g2"].is_monotonic_decreasing
    seed_terms = set(table[table["article"] == trio[0].article.title]["term"])
    assert {"crook", "ms13"} <= seed_terms
    assert "strike" in set(table[table["article"] == trio[1].article.title]["term"])


def test_comparison_needs_two_articles(trio):
    with pytest.raises(ComparisonError, match="at least two"):
        distinctive_terms(trio[:1])


def test_an_entity_is_one_row_per_article_whatever_each_article_calls_it(trio):
    table = shared_entities(trio)
    strike, deal = article_labels(trio)[1:]
    capitan = table[table["aliases"].apply(lambda a: "El Capitán" in a) | (table["name"] == "El Capitán")]
    assert set(capitan["article"]) == {strike, deal}
    assert capitan["entity"].nunique() == 1
    assert capitan["name"].iloc[0] == "Andrés Molina"
    assert (capitan["articles"] == 2).all()
    assert not table.duplicated(["entity", "article"]).any()
    port = table[table["name"].str.contains("Valparaíso")]
    assert set(port["article"]) == {strike, deal}


def test_summary_arcs_terms_and_timeline(trio):
    summary = comparison_summary(trio)
    assert summary["words"].tolist() == [a.word_count for a in trio]
    assert summary["lexical_density"].between(0.2, 0.9).all()
    arcs = sentiment_arcs(trio)
    for _, group in arcs.groupby("article"):
        assert group["position"].iloc[0] == 0 and group["position"].iloc[-1] == 100
    side = terms_side_by_side(trio, top=5)
    assert set(side["article"]) == set(article_labels(trio))
    assert len(side) == side["term"].nunique() * 3
    line = timeline(trio, items=["El Capitán", "strike"])
    assert list(line["published"]) == sorted(line["published"])
    assert {"El Capitán", "strike"} == set(line["item"])
    deal_capitan = line[(line["item"] == "El Capitán") & (line["article"] == article_labels(trio)[2])]
    assert deal_capitan["value"].iloc[0] > 0
    # the tone of the sentences that name the item, not the article's overall polarity; none where it is not named
    named = line[line["value"] > 0]
    assert (named["sentences"] >= 1).all() and named["sentiment"].between(-1, 1).all()
    assert line.loc[line["value"] == 0, "sentiment"].isna().all()


def test_labels_are_unique_when_titles_repeat(seed_analysis):
    assert article_labels([seed_analysis, seed_analysis]) == [
        seed_analysis.article.title, f"{seed_analysis.article.title} (2)"]


def _analysed(text: str):
    return analyze(parse_article(text))


def test_a_re_headlined_copy_is_a_near_duplicate_and_a_different_story_is_not(trio):
    from analysis.compare import near_duplicates

    strike_text = (DATA / "harbour-strike.txt").read_text(encoding="utf-8")
    title, rest = strike_text.split("\n", 1)
    copy = _analysed("Valparaíso Port Idle as Dockers Walk Out\n" + rest.replace("Monday", "Monday morning"))
    pairs = near_duplicates([*trio, copy])
    assert list(zip(pairs["first"], pairs["second"])) == [(trio[1].article.title, copy.article.title)]
    assert pairs["similarity"].iloc[0] >= 0.6
    assert near_duplicates(trio).empty
    assert near_duplicates(trio[:1]).empty


def test_a_short_text_has_no_distinctive_terms_and_is_named(trio):
    from analysis.compare import too_short

    short = _analysed("Ferry Notice\n\nThe evening ferry to the island is cancelled on Friday because of the storm. "
                      "Tickets will be refunded at the harbour office.")
    table = distinctive_terms([*trio, short], min_g2=0)
    assert short.article.title not in set(table["article"])
    assert (short.article.title, short.word_count) in too_short([*trio, short]) and short.word_count < 100
    # every distinctive term is used at least three times in its article: one use is no evidence
    assert (distinctive_terms(trio, min_g2=0)["count"] >= 3).all()


def test_labels_are_unique_when_titles_repeat(seed_analysis, trio):
    other = trio[1]
    title = seed_analysis.article.title
    assert article_labels([seed_analysis, seed_analysis]) == [f"{title} (1st)", f"{title} (2nd)"]
    from_library = [dataclasses.replace(seed_analysis, article_id=i) for i in (7, 12)]
    assert article_labels([*from_library, other]) == [f"{title} (#7)", f"{title} (#12)", other.article.title]


def test_shared_entities_columns_are_the_documented_ones(trio):
    from analysis.compare import SHARED_ENTITY_COLUMNS

    assert list(shared_entities(trio).columns) == SHARED_ENTITY_COLUMNS


def test_shared_entities_work_grows_linearly_with_the_articles(trio, monkeypatch):
    """Issue 11: each row re-ran max() over its whole linked group's names (quadratic in the articles that share
    an entity). The names of a group are now weighed once: count the weighings at two sizes."""
    import analysis.compare as compare

    weighed = 0
    fullness = compare._fullness

    def counting(name):
        nonlocal weighed
        weighed += 1
        return fullness(name)

    monkeypatch.setattr(compare, "_fullness", counting)
    work = []
    for copies in (20, 40):
        weighed = 0
        table = shared_entities(trio * copies)
        work.append(weighed)
        assert table[table["name"] == "Andrés Molina"]["articles"].iloc[0] == 2 * copies
    assert 0 < work[1] <= 2.2 * work[0], work



def test_shared_entities_sum_cached_sentence_scores_without_scoring_again(trio, monkeypatch):
    """Issue 11: compare re-scored every sentence naming an entity in every article. With the scores cached with
    the analysis (``entity_sentences``, as the library gives them) the table is the same and nothing is scored."""
    from analysis.nlp import sentiment

    cached = [dataclasses.replace(a, entity_sentences=sentiment.entity_sentence_scores(a.article, a.entities.mentions))
              for a in trio]
    expected = shared_entities(trio)
    scored = []
    real = sentiment.news_sentiment
    monkeypatch.setattr(sentiment, "news_sentiment", lambda text, **options: scored.append(1) or real(text, **options))
    assert shared_entities(cached).equals(expected)
    assert scored == []
    shared_entities(trio)
    assert scored  # without the cache, every sentence naming an entity is scored

@pytest.mark.parametrize("options", [{}, {"min_g2": 0, "top": None}, {"min_g2": 1e9}])
def test_distinctive_terms_are_each_articles_keyness_against_the_others(trio, options):
    """distinctive_terms works on arrays (one keyness per article, without DataFrames); it equals the plain
    rule: keyness of the article's counts against the sum of the others' counts, filtered and cut."""
    import numpy as np
    import pandas as pd

    from analysis.compare import MIN_DISTINCTIVE_COUNT, MIN_DISTINCTIVE_WORDS
    from analysis.nlp.terms import keyness

    min_g2, top = options.get("min_g2", 6.63), options.get("top", 20)
    tables = []
    for article in trio:
        others = [a for a in trio if a is not article]
        reference = pd.concat([pd.Series(o.terms["count"].to_numpy(), index=o.terms["term"].to_numpy(dtype=object))
                               for o in others]).groupby(level=0).sum()
        counts = pd.Series(article.terms["count"].to_numpy(), index=article.terms["term"].to_numpy(dtype=object))
        table = keyness(counts, reference, total=article.word_count,
                        reference_total=sum(o.word_count for o in others))
        # evidence: at least MIN_DISTINCTIVE_COUNT uses, in an article of at least MIN_DISTINCTIVE_WORDS words
        table = table[(table["log_ratio"] > 0) & (table["g2"] >= min_g2) & (table["count"] >= MIN_DISTINCTIVE_COUNT)]
        if article.word_count < MIN_DISTINCTIVE_WORDS:
            table = table.iloc[0:0]
        tables.append(table.head(top) if top is not None else table)
    expected = pd.concat(tables, ignore_index=True)
    expected.insert(0, "article", np.repeat(np.array(article_labels(trio), dtype=object), [len(t) for t in tables]))
    expected["term"] = expected["term"].astype("str")
    pd.testing.assert_frame_equal(distinctive_terms(trio, **options), expected)
