"""The news sentiment score: VADER's rules read as news (names masked, negation scoped, news words, reducers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from work_support import lines_run

from analysis.nlp.news_sentiment import agreement, news_compound, news_lexicon, news_model, news_sentiment
from analysis.nlp.scorers import vader_compound


@pytest.mark.parametrize("text, sign", [
    ("The gang leader pleaded not guilty to terrorism charges.", -1),
    ("Prosecutors said he was an accomplice in the homicide.", -1),
    ("The smuggler fought extradition for two years.", -1),
    ("The new policy drastically reduced homicides in the capital.", 1),
    ("The charity opened a wonderful new school and families were delighted.", 1),
    ("Police arrested three men after the killings.", -1),
])
def test_clear_news_sentences_get_the_right_sign(text, sign):
    assert news_sentiment(text) * sign > 0.1


def test_a_negation_does_not_reach_past_the_word_it_negates():
    """VADER flips "terrorism" three words after "not": the plea stays bad news here."""
    text = "He pleaded not guilty to terrorism charges."
    assert vader_compound(text) > 0 > news_compound(text)


def test_a_negation_stops_at_the_end_of_its_clause():
    assert news_compound("Not today, the attack killed nine.") == news_compound("Today, the attack killed nine.")


def test_did_not_deny_stays_negative():
    assert news_compound("The minister did not deny the report.") < 0 < vader_compound("The minister did not deny the report.")


def test_words_inside_a_name_carry_no_sentiment():
    text = "Officials at the Justice Department in the United States met on Monday."
    assert vader_compound(text) > 0.5
    spans = [(text.index("Justice Department"), text.index("Justice Department") + len("Justice Department")),
             (text.index("United States"), text.index("United States") + len("United States"))]
    assert news_compound(text, masked=spans) == 0.0
    assert news_compound(text, masked=spans[:1]) > 0  # "united" still counts outside a masked span


def test_news_words_are_in_the_lexicon_and_vaders_words_are_kept():
    lexicon = news_lexicon()
    assert lexicon["homicide"] < 0 and lexicon["accomplice"] < 0 and lexicon["extradite"] < 0
    assert lexicon["good"] > 0 and lexicon["murder"] < 0


def test_possessives_curly_quotes_and_hyphenated_words_are_looked_up():
    assert news_compound("the gang’s “murders”") < 0
    assert news_compound("charges of narco-terrorism") < 0


def test_but_weighs_its_own_sentence_only():
    plain = news_compound("The talks were good. The deal was bad.")
    contrast = news_compound("The talks were good. But the deal was bad.")
    assert contrast < plain  # the clause after "but" weighs more
    assert news_compound("Good news. Sadly, bad.") == news_compound("Good news. Sadly, bad.")


def test_the_model_is_small_and_was_fitted_without_the_news_set():
    model = news_model()
    assert set(model) == {"intercept", "compound", "polarity", "subjectivity"}
    assert model["compound"] > 0 and model["polarity"] > 0


def test_the_agreement_figures_come_from_the_benchmark():
    figures = agreement()
    assert figures is not None and figures["made_by"] == "benchmarks/bench_sentiment.py"
    news = figures["news"]["per_sentence"]
    assert news["news"] > news["polarity"]  # the news score agrees with people better than TextBlob


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_scores_within_minus_one_and_one(text):
    assert -1.0 <= news_sentiment(text) <= 1.0
    assert -1.0 <= news_compound(text) <= 1.0


def test_work_grows_linearly_with_a_long_paragraph_holding_one_but():
    sentence = "The court heard good and bad news, and none of it was sad, and the crowd was not happy. "
    small = sentence * 25 + "But nothing changed. " + sentence * 25
    large = sentence * 100 + "But nothing changed. " + sentence * 100
    assert lines_run(news_compound, large) < 4.4 * lines_run(news_compound, small)
