"""Sentiment by paragraph: TextBlob exactly as TextBlob scores it, VADER beside it, English only."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from textblob import TextBlob

from analysis.models import Article, Paragraph
from analysis.nlp.sentiment import (
    SENTIMENT_COLUMNS,
    disagree,
    entity_sentiment,
    opening_words,
    paragraph_sentiment,
    summarize_sentiment,
    vader_compound,
)

POSITIVE = "The volunteers did a wonderful, brilliant job and the whole town is delighted with the result."
NEGATIVE = "The attack was horrible and cruel, a terrible tragedy that left the town grieving and afraid."
NEUTRAL = "The committee meets on Tuesday in room four."


def article(*paragraphs: tuple[str, str], language: str = "en") -> Article:
    return Article(
        title=paragraphs[0][1],
        paragraphs=tuple(Paragraph(i, kind, text) for i, (kind, text) in enumerate(paragraphs)),
        language=language,
    )


def test_polarity_and_subjectivity_are_exactly_textblobs():
    table = paragraph_sentiment(article(("title", "A day out"), ("body", POSITIVE), ("body", NEGATIVE)))
    for text, row in zip(["A day out", POSITIVE, NEGATIVE], table.itertuples()):
        expected = TextBlob(text).sentiment
        assert row.polarity == expected.polarity
        assert row.subjectivity == expected.subjectivity


@pytest.mark.parametrize("text, sign", [(POSITIVE, 1), (NEGATIVE, -1)])
def test_clear_sentences_get_the_right_sign_from_both_methods(text, sign):
    row = paragraph_sentiment(article(("body", text))).iloc[0]
    assert math.copysign(1, row.polarity) == sign
    assert math.copysign(1, row.vader) == sign
    assert not row.disagree


def test_table_has_one_row_per_paragraph_with_documented_columns():
    a = article(("title", "Title here"), ("byline", "By Jane Doe"), ("body", POSITIVE), ("boilerplate", "Read more: x"))
    table = paragraph_sentiment(a)
    assert list(table.columns) == SENTIMENT_COLUMNS
    assert table["index"].tolist() == [0, 1, 2, 3]
    assert table["included"].tolist() == [True, False, True, False]
    assert table["words"].tolist() == [2, 3, 16, 3]
    assert table["polarity"].between(-1, 1).all() and table["subjectivity"].between(0, 1).all()
    assert table["vader"].between(-1, 1).all()
    everything = paragraph_sentiment(a, include_boilerplate=True)
    assert everything["included"].all()


def test_summary_is_the_word_weighted_mean_of_included_paragraphs():
    a = article(("body", POSITIVE), ("body", NEUTRAL), ("boilerplate", NEGATIVE))
    table = paragraph_sentiment(a)
    summary = summarize_sentiment(table, language="en")
    used = table[table["included"]]
    expected = (used["polarity"] * used["words"]).sum() / used["words"].sum()
    assert summary.available
    assert summary.polarity == pytest.approx(expected)
    # The negative boilerplate paragraph is left out: the mean stays positive.
    assert summary.polarity > 0
    with_boilerplate = summarize_sentiment(paragraph_sentiment(a, include_boilerplate=True), language="en")
    assert with_boilerplate.polarity < summary.polarity


def test_other_languages_are_reported_unavailable_never_zero():
    a = article(("body", "El gobierno anunció hoy un acuerdo histórico con los sindicatos."), language="es")
    table = paragraph_sentiment(a)
    assert table[["polarity", "subjectivity", "vader"]].isna().all().all()
    summary = summarize_sentiment(table, language="es")
    assert not summary.available
    assert summary.polarity is None and summary.vader is None
    assert "'es'" in summary.reason and "English" in summary.reason


def test_disagreement_needs_opposite_signs_outside_the_neutral_bands():
    assert disagree(0.3, -0.6)
    assert disagree(-0.2, 0.4)
    assert not disagree(0.3, 0.6)
    assert not disagree(0.01, -0.9)  # TextBlob neutral
    assert not disagree(0.5, -0.01)  # VADER neutral
    assert not disagree(math.nan, 0.5)


def test_a_grim_paragraph_textblob_reads_as_positive_is_flagged():
    # TextBlob's lexicon scores "top"/"secret"-style words; VADER catches "murders".
    text = ("Crime fell apart after a spate of murders prompted the government to enact a state of emergency, "
            "suspending certain constitutional rights to facilitate mass arrests.")
    row = paragraph_sentiment(article(("body", text))).iloc[0]
    assert row.polarity > 0.05  # TextBlob reads it as positive (+0.11) ...
    assert row.vader < -0.5  # ... VADER as clearly negative (-0.81)
    assert row.disagree


def test_vader_compound_range_and_opening_words():
    assert -1 <= vader_compound("terrible awful horrible") < 0
    assert opening_words("one two three", words=2) == "one two …"
    assert opening_words("one two", words=2) == "one two"


def test_table_and_summary_made_together_equal_each_made_alone():
    from analysis.nlp.sentiment import sentiment_by_paragraph

    a = article(("title", "A day out"), ("byline", "By Jane Doe"), ("body", POSITIVE), ("body", NEGATIVE))
    for include in (False, True):
        table, summary = sentiment_by_paragraph(a, include_boilerplate=include)
        alone = paragraph_sentiment(a, include_boilerplate=include)
        pd.testing.assert_frame_equal(table, alone)
        assert summary == summarize_sentiment(alone, language="en")
    given_words, _ = sentiment_by_paragraph(a, words=[3, 3, 16, 17])
    assert given_words["words"].tolist() == [3, 3, 16, 17]


def test_the_news_score_is_the_default_column_and_the_summary_leads_with_it():
    table = paragraph_sentiment(article(("title", "A day out"), ("body", POSITIVE), ("body", NEGATIVE)))
    assert table.loc[1, "sentiment"] > 0 > table.loc[2, "sentiment"]
    summary = summarize_sentiment(table, language="en")
    used = table[table["included"]]
    assert summary.sentiment == pytest.approx((used["sentiment"] * used["words"]).sum() / used["words"].sum())


def test_entity_sentiment_scores_the_sentences_that_name_it_not_the_whole_paragraph():
    from analysis.nlp.entities import extract_entities

    text = ("Mayor Ana Ruiz opened a wonderful new library that delighted the town. "
            "Separately, the smuggler Tomas Vidal was charged with homicide and extortion.")
    a = article(("title", "Town news"), ("body", text))
    mentions = extract_entities(a).mentions
    toward = entity_sentiment(a, mentions).set_index("name")
    ruiz = next(n for n in toward.index if "Ruiz" in n)
    vidal = next(n for n in toward.index if "Vidal" in n)
    assert toward.loc[ruiz, "sentiment"] > 0 > toward.loc[vidal, "sentiment"]
    assert toward.loc[ruiz, "sentences"] == 1 and toward.loc[vidal, "sentences"] == 1
    spanish = entity_sentiment(article(("title", "x"), ("body", text), language="es"), mentions)
    assert spanish["sentiment"].isna().all()



def _counting_news_sentiment(monkeypatch) -> list[int]:
    from analysis.nlp import sentiment

    calls: list[int] = []
    real = sentiment.news_sentiment

    def counting(text, **options):
        calls.append(1)
        return real(text, **options)

    monkeypatch.setattr(sentiment, "news_sentiment", counting)
    return calls


def test_cached_sentence_scores_give_the_same_rows_and_score_nothing_again(seed_analysis, monkeypatch):
    from analysis.nlp.sentiment import entity_sentence_scores, entity_sentiment_rows

    a = seed_analysis
    scored = entity_sentence_scores(a.article, a.entities.mentions)
    assert scored and all(s.masked and s.words >= 1 and -1 <= s.score <= 1 for s in scored)
    fresh = entity_sentiment_rows(a.article, a.entities.mentions)
    calls = _counting_news_sentiment(monkeypatch)
    assert entity_sentiment_rows(a.article, a.entities.mentions, scored=scored) == fresh
    assert calls == []


def test_a_removed_entity_rescores_only_the_sentences_it_was_masked_in(seed_analysis, monkeypatch):
    from analysis.nlp.sentiment import entity_sentence_scores, entity_sentiment_rows

    a = seed_analysis
    mentions = a.entities.mentions
    scored = entity_sentence_scores(a.article, mentions)
    gone = mentions["name"].iloc[0]
    kept = mentions[mentions["name"] != gone].reset_index(drop=True)  # what removing an entity leaves
    gone_spans = {(p, s, e) for p, s, e in zip(*(mentions.loc[mentions["name"] == gone, c] for c in ("paragraph", "start", "end")))}
    changed = [s for s in scored if any((s.paragraph, *span) in gone_spans for span in s.masked)
               and len(s.masked) > sum((s.paragraph, *span) in gone_spans for span in s.masked)]
    assert changed  # the seed's most named entity shares sentences with others
    fresh = entity_sentiment_rows(a.article, kept)
    calls = _counting_news_sentiment(monkeypatch)
    assert entity_sentiment_rows(a.article, kept, scored=scored) == fresh
    assert len(calls) == len(changed)


def test_cached_scores_of_another_text_are_not_trusted():
    from analysis.nlp.entities import extract_entities
    from analysis.nlp.sentiment import SentenceScore, entity_sentiment_rows

    text = "Mayor Ana Ruiz opened a wonderful new library. The smuggler Tomas Vidal was charged with homicide."
    a = article(("title", "Town news"), ("body", text))
    mentions = extract_entities(a).mentions
    wrong = (SentenceScore(1, 0, 10, 3, 0.9, ((99, 104),)),)  # a span no mention starts in: sentences re-cut
    assert entity_sentiment_rows(a, mentions, scored=wrong) == entity_sentiment_rows(a, mentions)

# How a person reads each body paragraph of the seed (an InSight Crime report on an MS13 leader's terrorism trial),
# keyed by its opening words: -1 negative, 0 neither, +1 positive. Written by a reader, not taken from any score.
SEED_READING = {
    "A top leader of the Mara Salvatrucha": -1,  # terrorism charges; the government's secret deals with the gang
    "Élmer Canales Rivera, alias": 0,  # where and when the plea was entered: procedure
    "Mexican authorities arrested Crook": -1,  # arrested after the government freed him and helped him escape
    "His release came amid the unraveling": -1,  # clandestine deals between a president and a gang unravel
    "Crook was a central figure": -1,  # talks collapse after a spate of murders; rights suspended
    "US prosecutors indicted Crook": -1,  # narco-terrorism charges against the gang's leaders
    "However, the Salvadoran government refused": -1,  # refused to extradite indicted gang leaders
    "As the MS13 reels from": -1,  # a crackdown; explosive details of a government-gang relationship
    "US officials have already made": -1,  # damning allegations
    "For example, prosecutors claim": -1,  # officials escort a gang leader out of prison after a killing spree
    "Crook’s prosecution has already undermined": -1,  # the president's denials undermined
    "To extract benefits and concessions": -1,  # violence ordered to intimidate civilians
    "As the only top MS13 leader": -1,  # life in prison; a deal for a shorter sentence
    "“Crook may reveal specific details": 0,  # what a source expects may come out: attribution and speculation
    "“A lot of information might": -1,  # the president as "an accomplice in all of this"
    "Beyond Crook’s potential negotiations": -1,  # the crackdown spares the gang's leaders
    "The case in New York": -1,  # relations further complicated
    "“The US Justice Department and": -1,  # a president who conspired with a terrorist organisation
    "The Bukele administration has drastically": 1,  # homicides drastically reduced; public spaces full again
}


def test_the_seed_reads_as_a_person_reads_it(seed_analysis):
    """Issue 10: the news score reads at least 15 of the seed's 19 body paragraphs as a person does (sign outside
    the neutral band, or inside it for a paragraph that is neither)."""
    from analysis.nlp.sentiment import NEWS_NEUTRAL

    texts = {p.index: p.text for p in seed_analysis.article.paragraphs}
    body = seed_analysis.sentiment[seed_analysis.sentiment["kind"] == "body"]
    scores = {}
    for index, score in zip(body["index"].tolist(), body["sentiment"].tolist()):
        (opening,) = [o for o in SEED_READING if texts[index].startswith(o)]
        scores[opening] = score
    assert scores.keys() == SEED_READING.keys()  # every body paragraph, each read once
    read = {o: 0 if abs(s) < NEWS_NEUTRAL else (1 if s > 0 else -1) for o, s in scores.items()}
    misread = {o: round(scores[o], 2) for o in SEED_READING if read[o] != SEED_READING[o]}
    assert len(SEED_READING) - len(misread) >= 15, misread
