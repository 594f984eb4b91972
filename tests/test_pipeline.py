"""The bundled analysis: what the CLI prints and the library caches."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import EmptyInputError
from analysis.pipeline import Analysis, analyze
from analysis.reading.text import parse_article


def test_seed_analysis_has_every_part(seed_analysis):
    a = seed_analysis
    assert 650 < a.word_count < 750
    assert list(a.terms.columns) == ["term", "count", "per_1000"]
    assert a.terms["count"].is_monotonic_decreasing
    top = dict(zip(a.terms["term"], a.terms["count"]))
    assert top["crook"] == 16
    assert a.terms["per_1000"].iloc[0] == pytest.approx(a.terms["count"].iloc[0] / a.word_count * 1000)
    assert len(a.sentiment) == len(a.article.paragraphs)
    assert a.sentiment_summary.available and -1 <= a.sentiment_summary.polarity <= 1
    names = a.entities.table["name"].tolist()
    assert any("Bukele" in n for n in names)


def test_word_count_is_the_words_of_the_analysed_paragraphs_counted_by_hand():
    text = (
        "Harbour Reopens After Storm\n\n"  # 4 words
        "By Jane Doe\n\n"  # a byline: left out
        "The harbour reopened on Monday after three days of storms, the port’s director said.\n\n"  # 14
        "Fishing boats left at dawn.\n"  # 5
    )
    result = analyze(parse_article(text))
    assert [p.kind for p in result.article.paragraphs] == ["title", "byline", "body", "body"]
    assert result.word_count == 4 + 14 + 5
    assert analyze(parse_article(text), include_boilerplate=True).word_count == 4 + 3 + 14 + 5


def test_to_dict_is_json_and_round_trips(seed_analysis):
    data = seed_analysis.to_dict()
    text = json.dumps(data, allow_nan=False)
    again = Analysis.from_dict(json.loads(text))
    assert again.to_dict() == data
    assert again.article == seed_analysis.article
    pd.testing.assert_frame_equal(again.terms, seed_analysis.terms)
    pd.testing.assert_frame_equal(again.sentiment, seed_analysis.sentiment)


NEWS = sorted((Path(__file__).parent / "data" / "news").glob("*.txt"))


def test_the_term_and_sentiment_tables_are_built_when_first_read(seed_article):
    from analysis.nlp.sentiment import sentiment_frame
    from analysis.nlp.terms import terms_frame

    a = analyze(seed_article)
    terms, sentiment = a.table_columns("terms"), a.table_columns("sentiment")
    assert terms is not None and sentiment is not None  # nothing built by analyze itself
    assert a.terms.equals(terms_frame(terms)) and a.terms.dtypes.equals(terms_frame(terms).dtypes)
    assert a.sentiment.equals(sentiment_frame(sentiment))
    assert a.table_columns("terms") is None and a.terms is a.terms  # built once, then kept
    given = Analysis(seed_article, a.word_count, a.terms, a.sentiment, a.sentiment_summary, a.entities)
    assert given.terms is a.terms and given.table_columns("sentiment") is None


def test_an_analysis_is_cached_and_pickled_without_building_its_tables(seed_article):
    import pickle

    from analysis.store.codec import encode_analysis

    lazy, built = analyze(seed_article), analyze(seed_article)
    assert built.terms is not None and built.sentiment is not None
    for text in (None, seed_article.text):
        assert encode_analysis(lazy, text=text) == encode_analysis(built, text=text)  # the same bytes
    assert lazy.table_columns("terms") is not None and lazy.table_columns("sentiment") is not None
    again = pickle.loads(pickle.dumps(lazy))
    assert again.terms.equals(built.terms) and again.sentiment.equals(built.sentiment)


@pytest.mark.parametrize("path", NEWS[::4], ids=lambda p: p.stem)
def test_analysis_dict_is_to_dict_of_analyze_without_pandas_frames(path):
    """What the CLI writes (analysis_dict, no DataFrames) equals analyze(...).to_dict(), option by option."""
    from analysis.pipeline import analysis_dict
    from analysis.reading.readers import load_article

    article = load_article(path.read_bytes(), path.name)
    for include_boilerplate, names_as_terms, top in [(False, True, None), (True, False, 3), (False, False, 0)]:
        options = {"include_boilerplate": include_boilerplate, "names_as_terms": names_as_terms}
        expected = analyze(article, **options).to_dict(top=top)
        assert analysis_dict(article, **options, top=top) == expected
        assert json.dumps(analysis_dict(article, **options, top=top)) == json.dumps(expected)


def test_top_keeps_the_most_frequent(seed_analysis):
    data = seed_analysis.to_dict(top=5)
    assert [t["term"] for t in data["terms"]] == seed_analysis.terms["term"].head(5).tolist()
    assert len(data["entities"]) <= 5


def test_boilerplate_is_left_out_unless_asked(seed_article, seed_analysis):
    everything = analyze(seed_article, include_boilerplate=True)
    assert everything.word_count > seed_analysis.word_count
    assert everything.sentiment["included"].all()
    assert not seed_analysis.sentiment["included"].all()


def test_non_english_article_has_terms_but_no_sentiment():
    text = (
        "El Gobierno de España aprobó ayer la reforma\n\n"
        "El Gobierno aprobó este martes una reforma de las pensiones que, según el ministro, garantiza la "
        "sostenibilidad del sistema durante las próximas décadas. Los sindicatos celebraron el acuerdo, "
        "mientras que la patronal pidió más tiempo para estudiar las medidas.\n\n"
        "La reforma entrará en vigor el próximo año y afectará a millones de trabajadores."
    )
    result = analyze(parse_article(text))
    assert result.article.language == "es"
    assert not result.sentiment_summary.available
    assert "es" in result.sentiment_summary.reason
    terms = result.terms["term"].tolist()
    assert "reforma" in terms and "el" not in terms and "de" not in terms
    data = result.to_dict()
    assert data["sentiment"]["polarity"] is None
    json.dumps(data, allow_nan=False)


@pytest.mark.slow
def test_one_word_repeated_a_million_times():
    result = analyze(parse_article("harbour " * 1_000_000))
    assert result.word_count == 1_000_000
    assert result.terms.iloc[0]["term"] == "harbour"
    assert result.terms.iloc[0]["count"] == 1_000_000


weird_text = st.text(
    alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=("Cs",)), max_size=400
) | st.sampled_from(["", " ", "\n\n\n", "\u00a0\u2009", "😀😀 🎉", "مرحبا بالعالم. هذا نص", "שלום עולם", "...", "\x00\x01"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weird_text)
def test_any_text_gives_a_valid_analysis_or_a_clear_error(text):
    try:
        article = parse_article(text)
    except EmptyInputError as err:
        assert str(err)
        return
    result = analyze(article)
    data = result.to_dict()
    json.dumps(data, allow_nan=False)
    assert result.word_count >= 0
    assert len(data["paragraphs"]) == len(article.paragraphs)


FRENCH = (
    "L’État et l’Union européenne signent l’accord\n\n"
    "Par Claire Dubois | 3 mars 2024\n\n"
    "L’État français a signé jeudi l’accord avec l’Union européenne sur l’énergie. Selon le ministre, "
    "l’accord d’aujourd’hui garantit l’approvisionnement des villes et des régions pendant l’hiver.\n\n"
    "Les syndicats ont salué l’initiative, mais l’opposition demande qu’on publie le texte intégral."
)


@pytest.mark.parametrize("include_boilerplate", [False, True])
@pytest.mark.parametrize("source", ["seed", "french"])
def test_parts_computed_together_equal_the_parts_computed_alone(source, include_boilerplate, seed_article):
    """analyze tokenises each paragraph once; what it gives is what each module gives on its own."""
    from analysis.nlp.entities import extract_entities
    from analysis.nlp.sentiment import paragraph_sentiment, summarize_sentiment
    from analysis.nlp.terms import term_frequencies, word_count

    article = seed_article if source == "seed" else parse_article(FRENCH)
    if source == "french":
        assert article.language == "fr"
    result = analyze(article, include_boilerplate=include_boilerplate)
    assert result.word_count == word_count(article, include_boilerplate=include_boilerplate)
    mentions = extract_entities(article, include_boilerplate=include_boilerplate).mentions
    names = zip(mentions["paragraph"], mentions["start"], mentions["end"])
    pd.testing.assert_frame_equal(
        result.terms, term_frequencies(article, include_boilerplate=include_boilerplate, names=names))
    pd.testing.assert_frame_equal(
        analyze(article, include_boilerplate=include_boilerplate, names_as_terms=False).terms,
        term_frequencies(article, include_boilerplate=include_boilerplate))
    alone = paragraph_sentiment(article, include_boilerplate=include_boilerplate)
    pd.testing.assert_frame_equal(result.sentiment, alone)
    assert result.sentiment_summary == summarize_sentiment(alone, language=article.language)
    entities = extract_entities(article, include_boilerplate=include_boilerplate)
    pd.testing.assert_frame_equal(result.entities.table, entities.table)
    if source == "french":  # tokenised in French: elisions are stripped ("l’accord" -> "accord")
        counts = dict(zip(result.terms["term"], result.terms["count"]))
        assert counts["accord"] == 3 and "l'accord" not in counts


def test_names_of_several_words_are_one_term_and_words_still_count_apart(seed_article):
    """Issue 15: "El Salvador" is one term, not "el" and "salvador"; word counts and rates are unchanged."""
    joined = analyze(seed_article)
    apart = analyze(seed_article, names_as_terms=False)
    terms = dict(zip(joined.terms["term"], joined.terms["count"]))
    words = dict(zip(apart.terms["term"], apart.terms["count"]))
    assert joined.word_count == apart.word_count
    texts = {p.index: p.text for p in seed_article.paragraphs}
    whole = [m for m in joined.entities.mentions.itertuples()
             if m.surface == "El Salvador" and texts[m.paragraph][m.start - 1 : m.start] != "-"]
    assert "el" not in terms and terms["el salvador"] == len(whole) >= 6
    assert terms.get("salvador", 0) == 1  # "US-El Salvador": a name that starts inside a word stays words
    assert words["el"] >= terms["el salvador"] and "el salvador" not in words
    assert {"justice department", "nayib bukele"} <= set(terms)
    # every name term is a name the entity pass found, spelled as tokens
    from analysis.nlp.terms import tokenize

    surfaces = {" ".join(tokenize(s)) for s in joined.entities.mentions["surface"]}
    assert {t for t in terms if " " in t} <= surfaces
    assert joined.terms["per_1000"].iloc[0] == pytest.approx(joined.terms["count"].iloc[0] / joined.word_count * 1000)
    assert joined.to_dict()["names_as_terms"] is True
    assert Analysis.from_dict(json.loads(json.dumps(apart.to_dict()))).names_as_terms is False


def _article_of(words: int, seed_text: str) -> str:
    """An article of about ``words`` words: the seed's sentences, four to a paragraph, in a fixed shuffle
    (paragraphs differ, as repeated blocks would be set aside as boilerplate)."""
    import random
    import re

    sentences = [s for s in re.split(r"(?<=[.!?”])\s+", seed_text) if len(s.split()) > 5]
    rng = random.Random(11)
    blocks, count = [], 0
    while count < words:
        block = " ".join(rng.sample(sentences, 4))
        blocks.append(block)
        count += len(block.split())
    return "A long article\n\n" + "\n\n".join(blocks)


def _calls_to_analyze(text: str) -> int:
    """Python and C function calls made by parsing and analysing ``text``: the work, counted (not timed)."""
    import sys

    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        analyze(parse_article(text))
    finally:
        sys.setprofile(None)
    return calls


def test_the_work_of_an_analysis_grows_linearly_with_the_article(seed_text):
    """Issue 11: every stage linear in the words. Counting calls catches a loop over all earlier words or rows
    (work inside one C call, such as a scan of the whole text, is guarded by each stage's own tests)."""
    _calls_to_analyze(_article_of(2_000, seed_text))  # lexicons and caches loaded outside the counts
    small = _calls_to_analyze(_article_of(4_000, seed_text))
    large = _calls_to_analyze(_article_of(8_000, seed_text))
    assert small > 10_000
    assert large <= 2.2 * small, (small, large)
