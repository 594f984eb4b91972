"""Tokens, stopwords, term frequencies, keyness and keyword-in-context (analysis/terms.py).

Articles come from the seed and from two short articles written for these tests
(tests/data/terms/): an English one about a port strike and a Spanish one about a transport plan.
Their counts below were checked by reading the texts.
"""

from __future__ import annotations

import math
import re
from itertools import accumulate
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import InvalidOptionError, StoryscopeError
from analysis.models import Article, Paragraph
from analysis.nlp.terms import (
    KeynessInputError,
    keyness,
    keyword_in_context,
    stopwords,
    term_frequencies,
    tokenize,
    word_count,
)

DATA = Path(__file__).parent / "data" / "terms"
SEED = next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))


def article_from_blocks(path: Path, language: str) -> Article:
    """First block the title, every other blank-line block a body paragraph."""
    blocks = path.read_text(encoding="utf-8").strip().split("\n\n")
    paragraphs = tuple(Paragraph(i, "title" if i == 0 else "body", b) for i, b in enumerate(blocks))
    return Article(title=blocks[0], paragraphs=paragraphs, language=language)


def seed_by_lines() -> Article:
    """The seed split by hand, independent of analysis.reading.text: each of its lines is one paragraph.

    Kinds as issue 2 gives them: line 0 the title, "By | Dec 11th, 2023" the byline, the two
    "SEE ALSO:" links and the two "This article by ... license." notices boilerplate.
    """
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]

    def kind(i: int, line: str) -> str:
        if i == 0:
            return "title"
        if line.startswith("By ") and "|" in line:
            return "byline"
        if line.startswith(("SEE ALSO:", "This article by")):
            return "boilerplate"
        return "body"

    paragraphs = tuple(Paragraph(i, kind(i, line), line) for i, line in enumerate(lines))
    return Article(title=lines[0], paragraphs=paragraphs, language="en")


def seed_articles() -> list[Article]:
    """The seed split by hand, and by parse_article once analysis/text.py exists."""
    articles = [seed_by_lines()]
    try:
        from analysis.reading.text import parse_article
    except ImportError:
        return articles
    return articles + [parse_article(SEED.read_text(encoding="utf-8"), filename=SEED.name)]


@pytest.fixture(scope="module", params=["by_lines", "parse_article"])
def seed(request) -> Article:
    articles = seed_articles()
    if request.param == "parse_article" and len(articles) < 2:
        pytest.skip("analysis.reading.text.parse_article is not there yet")
    return articles[0] if request.param == "by_lines" else articles[1]


@pytest.fixture(scope="module")
def port() -> Article:
    return article_from_blocks(DATA / "port_strike_en.txt", "en")


@pytest.fixture(scope="module")
def spanish() -> Article:
    return article_from_blocks(DATA / "transporte_es.txt", "es")


def counts_of(table: pd.DataFrame) -> dict[str, int]:
    return dict(zip(table["term"], table["count"]))


# ------------------------------------------------------------------------------------------
# tokenize

TOKEN_CASES = [
    ("Bukele’s claims", ["bukele", "claims"]),
    ("Bukele's claims", ["bukele", "claims"]),
    ("the gangs’ leaders and the gangs' rivals", ["the", "gangs", "leaders", "and", "the", "gangs", "rivals"]),
    ("Crook’s prosecution", ["crook", "prosecution"]),
    ("Bukele doesn’t want it; he doesn't", ["bukele", "doesn't", "want", "it", "he", "doesn't"]),
    ("it’s that’s let’s", ["it's", "that's", "let's"]),
    ("MS-13 and MS13 and the MS13’s and MS-13’s", ["ms13", "and", "ms13", "and", "the", "ms13", "and", "ms13"]),
    ("COVID-19", ["covid19"]),
    ("in mid-2020 a Covid-19 case", ["in", "mid-2020", "a", "covid-19", "case"]),
    ("U.S. officials", ["u.s.", "officials"]),
    ("the U.S", ["the", "u.s."]),
    ("US prosecutors", ["u.s.", "prosecutors"]),
    ("help us", ["help", "us"]),
    ("TELL US MORE", ["tell", "us", "more"]),
    ("US-based members", ["us-based", "members"]),
    ("narco-terrorism and high-level officials", ["narco-terrorism", "and", "high-level", "officials"]),
    ("gang-led killing spree", ["gang-led", "killing", "spree"]),
    ("a 40-year prison sentence", ["a", "40-year", "prison", "sentence"]),
    ("13 other leaders in December 2020", ["13", "other", "leaders", "in", "december", "2020"]),
    ("1,000 people paid $3.5 million on Dec 11th", ["1,000", "people", "paid", "3.5", "million", "on", "dec", "11th"]),
    ("2019–2020", ["2019", "2020"]),
    ("Ranfla histórica, Élmer", ["ranfla", "histórica", "élmer"]),
    ("Crook — “escorted” — (MS13)!", ["crook", "escorted", "ms13"]),
    ("fire 🔥👍🏽 ok 🇸🇻", ["fire", "ok"]),
    ("الحكومة تعلن خطة جديدة", ["الحكومة", "تعلن", "خطة", "جديدة"]),
    ("שָׁלוֹם צה״ל", ["שָׁלוֹם", "צה״ל"]),
    ("हिन्दी भाषा", ["हिन्दी", "भाषा"]),
    ("", []),
    ("   \n\t ", []),
    ("--- ... ’’ “” ___", []),
]


@pytest.mark.parametrize(("text", "expected"), TOKEN_CASES)
def test_tokenize_cases(text, expected):
    assert tokenize(text) == expected


def test_tokenize_drops_french_and_italian_elisions_only_in_those_languages():
    assert tokenize("l’État et aujourd’hui qu’il", language="fr") == ["état", "et", "aujourd'hui", "il"]
    assert tokenize("dell'anno e l'Italia", language="it") == ["anno", "e", "italia"]
    assert tokenize("l’État", language="en") == ["l'état"]


def test_tokenize_accepts_regional_language_codes():
    assert tokenize("l’État", language="fr-CA") == ["état"]


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokenize_never_crashes_and_tokens_are_nonempty_lower_case(text):
    tokens = tokenize(text)
    for token in tokens:
        assert token
        assert token == token.lower()
        assert not any(c.isspace() for c in token)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Bukele’s", "MS-13", "U.S.", "gangs’", "doesn’t", "2020", "histórica", "🔥",
                                 "—", "high-level", ",", ".", "“", "l’État", "שָׁלוֹם", "3.5"]), max_size=30))
def test_tokens_of_joined_words_are_the_tokens_of_each_word(words):
    """Joining words with spaces never merges or splits their tokens."""
    assert tokenize(" ".join(words)) == [token for word in words for token in tokenize(word)]


# ------------------------------------------------------------------------------------------
# stopwords


def test_stopwords_come_from_stopwordsiso_with_both_apostrophes():
    english = stopwords("en")
    assert {"the", "of", "and", "us", "said"} <= english
    assert {"doesn't", "doesn’t", "it's", "it’s"} <= english
    assert "u.s." not in english and "crook" not in english and "government" not in english


def test_stopwords_by_language():
    assert {"el", "de", "las", "los", "que"} <= stopwords("es")
    assert "los" not in stopwords("en")
    assert stopwords("EN") == stopwords("en") == stopwords("en-GB")


@pytest.mark.parametrize("language", ["und", "zz", ""])
def test_stopwords_of_a_language_without_a_list_are_empty(language):
    assert stopwords(language) == frozenset()


# ------------------------------------------------------------------------------------------
# term_frequencies on the seed


def test_seed_terms_match_issue_2(seed):
    table = term_frequencies(seed)
    counts = counts_of(table)
    assert counts["crook"] == 16
    assert counts["government"] == 11
    assert counts["ms13"] == 11
    assert counts["gang"] in (11, 12)
    assert counts["bukele"] == 6


def test_seed_top_30_has_no_stopword_number_punctuation_or_fragment(seed):
    top = term_frequencies(seed)["term"].head(30).tolist()
    english = stopwords("en")
    for term in top:
        assert term not in english
        assert len(term) > 1
        assert any(c.isalpha() for c in term), term
        assert term not in {"s", "t", "’", "'", "us"}


def test_seed_leaves_byline_and_boilerplate_out_unless_asked(seed):
    default = counts_of(term_frequencies(seed))
    everything = counts_of(term_frequencies(seed, include_boilerplate=True))
    assert "license" not in default and "creative" not in default
    assert everything["license"] == 2 and everything["creative"] == 2
    assert everything["bukele"] == 8  # + President Bukele and Nayib Bukele in the two SEE ALSO links
    assert word_count(seed, include_boilerplate=True) > word_count(seed)


def test_seed_word_count_and_rate(seed):
    total = word_count(seed)
    assert 650 < total < 750
    table = term_frequencies(seed)
    crook = table.set_index("term").loc["crook"]
    assert crook["per_1000"] == pytest.approx(16 / total * 1000)


def test_seed_parses_the_same_by_hand_and_by_parse_article():
    articles = seed_articles()
    if len(articles) < 2:
        pytest.skip("analysis.reading.text.parse_article is not there yet")
    by_lines, parsed = articles
    assert word_count(parsed) == word_count(by_lines)
    assert counts_of(term_frequencies(parsed)) == counts_of(term_frequencies(by_lines))


def test_terms_are_sorted_by_count_then_alphabetically(seed):
    table = term_frequencies(seed)
    keys = list(zip(-table["count"], table["term"]))
    assert keys == sorted(keys)
    assert list(table.columns) == ["term", "count", "per_1000"]
    assert table["count"].dtype == "int64" and table["per_1000"].dtype == "float64"


# ------------------------------------------------------------------------------------------
# term_frequencies on the test articles


def test_unigrams_of_the_port_article(port):
    counts = counts_of(term_frequencies(port))
    assert word_count(port) == 107
    assert counts["port"] == 5
    assert counts["authority"] == counts["ships"] == counts["strike"] == counts["workers"] == 3
    assert counts["union"] == 2  # "Union officials" and "The union’s leader"
    assert "4" not in counts and "the" not in counts and "members" not in counts


def test_bigrams_of_the_port_article(port):
    counts = counts_of(term_frequencies(port, n=2))
    assert counts["port authority"] == 3
    assert counts["container ships"] == 2
    assert counts["dock workers"] == 2
    assert counts["union leader"] == 1  # the possessive is stripped
    assert "offshore union" not in counts  # "... waiting offshore. Union officials ..."
    assert "offshore dock" not in counts  # the title has no full stop; the paragraph ends there
    for bigram in counts:
        first, second = bigram.split(" ")
        assert first not in stopwords("en") and second not in stopwords("en")


def test_bigram_rate_uses_the_word_count(port):
    table = term_frequencies(port, n=2).set_index("term")
    assert table.loc["port authority", "per_1000"] == pytest.approx(3 / 107 * 1000)


def test_bigrams_skip_numbers():
    article = Article(title="t", paragraphs=(Paragraph(0, "body", "Police arrested 40 gang leaders in 2023 raids."),),
                      language="en")
    assert counts_of(term_frequencies(article, n=2)) == {"gang leaders": 1, "police arrested": 1}


def test_lemmas_merge_inflections(port):
    counts = counts_of(term_frequencies(port, lemmatize=True))
    assert counts["worker"] == 3 and "workers" not in counts
    assert counts["price"] == 2 and counts["wage"] == 2
    gangs = Article(title="Gangs", paragraphs=(Paragraph(0, "title", "Gangs"), Paragraph(1, "body", "A gang and two gangs.")),
                    language="en")
    assert counts_of(term_frequencies(gangs, lemmatize=True)) == {"gang": 3}
    assert counts_of(term_frequencies(gangs)) == {"gangs": 2, "gang": 1}


def test_lemmas_in_a_script_with_combining_marks():
    article = Article(title="x", paragraphs=(Paragraph(0, "body", "लड़कों ने लड़का देखा"),), language="hi")
    assert counts_of(term_frequencies(article, lemmatize=True))["लड़का"] == 2


def test_lemmas_fall_back_to_words_for_a_language_without_tables():
    article = Article(title="x", paragraphs=(Paragraph(0, "body", "gangs gangs gang"),), language="zz")
    assert counts_of(term_frequencies(article, lemmatize=True)) == {"gangs": 2, "gang": 1}


def test_spanish_article_uses_spanish_stopwords_and_lemmas(spanish):
    counts = counts_of(term_frequencies(spanish))
    assert counts["plan"] == 4 and counts["gobierno"] == 3 and counts["pandillas"] == 3
    assert not {"el", "de", "las", "los", "para", "que", "una"} & set(counts)
    as_english = counts_of(term_frequencies(spanish, language="en"))
    assert "los" in as_english  # the English list does not know Spanish articles
    lemmas = counts_of(term_frequencies(spanish, lemmatize=True))
    assert lemmas["plan"] == 5  # + "planes"
    assert lemmas["pandilla"] == 3


def test_extra_stopwords(port):
    counts = counts_of(term_frequencies(port, extra_stopwords=["Port", "Ships’"]))
    assert "port" not in counts and "ships" not in counts and counts["strike"] == 3
    bigrams = counts_of(term_frequencies(port, n=2, extra_stopwords=["port"]))
    assert "port authority" not in bigrams and "dock workers" in bigrams


def test_n_must_be_one_or_two(port):
    with pytest.raises(InvalidOptionError, match="`n` value = 3 is invalid"):
        term_frequencies(port, n=3)


def test_empty_article_gives_an_empty_table():
    article = Article(title="", paragraphs=(Paragraph(0, "body", "… 🔥 —"),), language="en")
    table = term_frequencies(article)
    assert table.empty and list(table.columns) == ["term", "count", "per_1000"]
    assert word_count(article) == 0
    assert term_frequencies(article, n=2).empty


# ------------------------------------------------------------------------------------------
# keyness


def test_keyness_matches_hand_computation():
    # Article: c = 1,000 words; reference: d = 10,000 words.
    # "crook": a = 10, b = 20.
    #   E1 = 1000 * 30 / 11000 = 2.727273, E2 = 10000 * 30 / 11000 = 27.272727
    #   G2 = 2 * (10 ln(10 / 2.727273) + 20 ln(20 / 27.272727))
    #      = 2 * (10 * 1.299283 + 20 * -0.310155) = 2 * (12.992830 - 6.203098) = 13.579464
    #   log ratio = log2((10 / 1000) / (20 / 10000)) = log2(5) = 2.321928
    # "only": a = 5, b = 0.
    #   E1 = 1000 * 5 / 11000 = 0.454545; G2 = 2 * 5 ln(5 / 0.454545) = 10 ln 11 = 23.978953
    #   log ratio = log2((5 / 1000) / (0.5 / 10000)) = log2(100) = 6.643856
    # "same": a = 10, b = 100: the same rate, G2 = 0, log ratio = 0.
    # "rare": a = 1, b = 100.
    #   E1 = 1000 * 101 / 11000 = 9.181818, E2 = 10000 * 101 / 11000 = 91.818182
    #   G2 = 2 * (1 ln(1 / 9.181818) + 100 ln(100 / 91.818182))
    #      = 2 * (-2.217225 + 100 * 0.085359) = 2 * 6.318705 = 12.637409 (to rounding)
    #   log ratio = log2((1 / 1000) / (100 / 10000)) = log2(0.1) = -3.321928
    table = keyness({"crook": 10, "only": 5, "same": 10, "rare": 1},
                    {"crook": 20, "same": 100, "rare": 100, "elsewhere": 50},
                    total=1000, reference_total=10000)
    rows = table.set_index("term")
    assert rows.loc["crook", "g2"] == pytest.approx(13.579464, abs=1e-5)
    assert rows.loc["crook", "log_ratio"] == pytest.approx(2.321928, abs=1e-6)
    assert rows.loc["only", "g2"] == pytest.approx(23.978953, abs=1e-5)
    assert rows.loc["only", "log_ratio"] == pytest.approx(6.643856, abs=1e-6)
    assert rows.loc["only", "reference_count"] == 0
    assert rows.loc["same", "g2"] == pytest.approx(0.0, abs=1e-9)
    assert rows.loc["same", "log_ratio"] == pytest.approx(0.0, abs=1e-12)
    assert rows.loc["rare", "g2"] == pytest.approx(12.6374, abs=1e-3)
    assert rows.loc["rare", "log_ratio"] == pytest.approx(-3.321928, abs=1e-6)
    # Over-use first, strongest first; "elsewhere" is not a term of the article.
    assert table["term"].tolist() == ["only", "crook", "rare", "same"]
    assert list(table.columns) == ["term", "count", "reference_count", "g2", "log_ratio"]
    assert table["count"].tolist() == [5, 10, 1, 10]


def test_keyness_totals_default_to_the_sums():
    # a = 3, b = 1, c = 4, d = 4: E1 = E2 = 2; G2 = 2 (3 ln 1.5 + 1 ln 0.5) = 2 (1.216395 - 0.693147) = 1.046496
    table = keyness(pd.Series({"x": 3, "y": 1}), pd.Series({"x": 1, "y": 3}))
    rows = table.set_index("term")
    assert rows.loc["x", "g2"] == pytest.approx(1.046496, abs=1e-6)
    assert rows.loc["x", "log_ratio"] == pytest.approx(math.log2(3))
    assert rows.loc["y", "log_ratio"] == pytest.approx(-math.log2(3))
    assert table["term"].tolist() == ["x", "y"]


def test_keyness_errors_say_what_to_fix():
    with pytest.raises(KeynessInputError, match="at least one other article"):
        keyness({"x": 1}, {}, total=10)
    with pytest.raises(KeynessInputError, match="word count"):
        keyness({"x": 5}, {"x": 1}, total=2, reference_total=10)
    with pytest.raises(KeynessInputError, match="negative"):
        keyness({"x": -1}, {"x": 1})
    assert issubclass(KeynessInputError, StoryscopeError)


def test_keyness_of_nothing_is_an_empty_table():
    table = keyness({}, {"x": 1})
    assert table.empty and list(table.columns) == ["term", "count", "reference_count", "g2", "log_ratio"]


def test_keyness_of_the_seed_against_the_port_article(seed, port):
    mine, other = term_frequencies(seed), term_frequencies(port)
    table = keyness(mine.set_index("term")["count"], other.set_index("term")["count"],
                    total=word_count(seed), reference_total=word_count(port))
    assert table["term"].iloc[0] == "crook"  # most frequent and absent from the port story
    assert (table["g2"] >= 0).all()
    port_row = table.set_index("term").loc["port"] if "port" in set(table["term"]) else None
    assert port_row is None or port_row["log_ratio"] < 0


# ------------------------------------------------------------------------------------------
# keyword_in_context


def test_kwic_finds_every_occurrence_with_possessives(seed):
    table = keyword_in_context(seed, "Crook’s")
    assert len(table) == 16
    assert list(table.columns) == ["paragraph", "left", "keyword", "right"]
    assert set(table["keyword"]) == {"Crook", "Crook’s"}
    assert (table["keyword"] == "Crook’s").sum() == 2


def test_kwic_context_is_the_paragraph_text_within_width(seed):
    texts = {p.index: p.text for p in seed.paragraphs}
    table = keyword_in_context(seed, "gang", width=25)
    assert len(table) == counts_of(term_frequencies(seed))["gang"]
    for row in table.itertuples():
        assert len(row.left) <= 25 and len(row.right) <= 25
        assert row.left + row.keyword + row.right in texts[row.paragraph]
        assert row.keyword.lower().startswith("gang")


def test_kwic_agrees_with_term_counts(seed):
    for n in (1, 2):
        table = term_frequencies(seed, n=n).head(15)
        for term, count in zip(table["term"], table["count"]):
            assert len(keyword_in_context(seed, term)) == count, term


def test_kwic_acronyms_and_phrases(seed):
    assert len(keyword_in_context(seed, "MS-13")) == 11
    us = keyword_in_context(seed, "U.S.")
    assert len(us) == counts_of(term_frequencies(seed))["u.s."]
    assert set(us["keyword"]) == {"US"}
    salvador = keyword_in_context(seed, "El Salvador", width=10)
    assert len(salvador) == counts_of(term_frequencies(seed, n=2))["el salvador"]
    assert set(salvador["keyword"]) == {"El Salvador"}


def test_kwic_respects_boilerplate_and_lemmas(seed, port):
    assert len(keyword_in_context(seed, "license")) == 0
    assert len(keyword_in_context(seed, "license", include_boilerplate=True)) == 2
    assert len(keyword_in_context(port, "worker")) == 0
    assert len(keyword_in_context(port, "worker", lemmatize=True)) == 3


def test_kwic_without_a_word_or_with_a_bad_width(port):
    assert keyword_in_context(port, "— 🔥").empty
    with pytest.raises(InvalidOptionError, match="`width`"):
        keyword_in_context(port, "port", width=-1)


# ------------------------------------------------------------------------------------------
# any text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(max_size=80), min_size=1, max_size=5), st.sampled_from(["en", "es", "fr", "und", "zh"]))
def test_any_article_gives_valid_tables(texts, language):
    article = Article(title="t", paragraphs=tuple(Paragraph(i, "body", t) for i, t in enumerate(texts)),
                      language=language)
    total = word_count(article)
    for n in (1, 2):
        table = term_frequencies(article, n=n, lemmatize=True)
        assert (table["count"] >= 1).all()
        assert table["count"].sum() <= total
        assert not table["term"].duplicated().any()
    for term in term_frequencies(article)["term"].head(3):
        assert len(keyword_in_context(article, term)) >= 1


def test_one_word_repeated_many_times():
    article = Article(title="t", paragraphs=(Paragraph(0, "body", "gang " * 200_000),), language="en")
    assert counts_of(term_frequencies(article)) == {"gang": 200_000}
    assert counts_of(term_frequencies(article, n=2)) == {"gang gang": 199_999}


def _one_paragraph(text: str):
    from analysis.models import Article, Paragraph

    return Article(title="t", paragraphs=(Paragraph(0, "body", text),), language="en")


@pytest.mark.parametrize("text, never", [
    ("The bank cashed the cheque. Jansen left the branch.", "cheque jansen"),
    ("Nobody else signed, Jansen insisted on Tuesday.", "signed jansen"),
    ("The gang (MS13) leaders met in court.", "gang ms13"),
    ("The vote stayed close – councillors argued loudly.", "close councillors"),
    ("“We will strike” union leaders warned.", "strike union"),
])
def test_two_word_phrases_never_cross_sentence_or_clause_punctuation(text, never):
    terms = set(term_frequencies(_one_paragraph(text), n=2)["term"])
    assert never not in terms
    assert terms  # the phrases inside each clause are still counted


def test_two_word_phrases_keep_currency_and_percent_signs():
    text = "The port signed a $40m deal and a £12 million loan, with a 12% rise in fees."
    terms = set(term_frequencies(_one_paragraph(text), n=2)["term"])
    assert {"$40m deal", "12% rise"} <= terms
    assert "40m deal" not in terms


def test_keyword_in_context_cuts_at_word_boundaries():
    text = ("Harbourmasters everywhere complained loudly about the cranes while dockworkers watched "
            "the enormous freighters leave slowly.")
    (row,) = keyword_in_context(_one_paragraph(text), "cranes", width=20).itertuples(index=False)
    words = set(text.replace(".", " ").split())
    assert all(w in words for w in row.left.split()) and all(w in words for w in row.right.split())
    assert row.left.strip() and row.right.strip()


# --- names of several words as one term (issue 15) -------------------------------------------------------


def test_tokens_inside_a_name_span_become_one_token():
    from analysis.nlp.terms import tokenize_with_names

    text = "The Justice Department’s lawyers met officials of El Salvador and Bukele in New York."
    spans = sorted((text.index(n), text.index(n) + len(n)) for n in ("Justice Department", "El Salvador", "Bukele"))
    tokens = tokenize_with_names(text, spans)
    assert tokens == ["the", "justice department", "lawyers", "met", "officials", "of", "el salvador", "and",
                      "bukele", "in", "new", "york"]
    assert tokenize_with_names(text, []) == tokenize(text)


def test_term_frequencies_with_names_keep_the_word_count(seed_article, seed_analysis):
    from analysis.nlp.terms import term_frequencies

    mentions = seed_analysis.entities.mentions
    names = list(zip(mentions["paragraph"], mentions["start"], mentions["end"]))
    joined = term_frequencies(seed_article, names=names)
    apart = term_frequencies(seed_article)
    assert "el salvador" in set(joined["term"]) and "el" not in set(joined["term"])
    assert "el" in set(apart["term"])
    # the same denominator: a name's words still count as words
    ratio = joined["per_1000"] / joined["count"]
    assert ratio.round(9).nunique() == 1 and ratio.iloc[0] == pytest.approx(1000 / word_count(seed_article))
    # lemmas leave a name as it is; two-word phrases ignore names
    lemmas = term_frequencies(seed_article, names=names, lemmatize=True)
    assert "el salvador" in set(lemmas["term"])
    assert term_frequencies(seed_article, n=2, names=names).equals(term_frequencies(seed_article, n=2))


def _tokens_before_by_regex(text: str, offset: int) -> int:
    """The plain rule: how many matches of the token regex start before ``offset``."""
    from analysis.nlp.terms import _TOKEN_RE

    return sum(1 for match in _TOKEN_RE.finditer(text) if match.start() < offset)


def _tokens_before(text: str):
    from analysis.nlp.terms import _TokensBefore, _chunk_tokens

    chunks = text.split()
    record = _chunk_tokens("en", False)
    counted = record.counted(chunks)
    assert counted == list(accumulate((len(record[chunk]) for chunk in chunks), initial=0))
    tokens, single = record.read(chunks)
    assert single == all(len(record[chunk]) == 1 for chunk in chunks) and tokens == record.of_chunks(chunks)
    return _TokensBefore(text, chunks, None if single else counted)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("aZé1 9,.-'’_\u0301\u05f3b Ü\n\t\u00a0(“") + ["US", "l'", "3,000", "U.S.", "MS-13", "  "]),
                max_size=40).map("".join))
def test_tokens_before_an_offset_are_the_regex_matches_starting_before_it(text):
    before = _tokens_before(text)
    for offset in range(len(text) + 2):
        assert before(offset) == _tokens_before_by_regex(text, offset), offset


@pytest.mark.slow  # an exhaustive equivalence check: the full run keeps it, the fast tier need not
def test_tokens_before_every_offset_of_real_paragraphs_are_the_regex_matches_starting_before_it():
    from bisect import bisect_left

    from analysis.nlp.terms import _TOKEN_RE, _chunk_begins
    from analysis.reading.text import parse_article

    folder = Path(__file__).parent / "data" / "news"
    texts = [p.text for path in sorted(folder.glob("*.txt"))
             for p in parse_article(path.read_text("utf-8")).paragraphs]
    assert len(texts) > 1000
    for text in texts:
        starts = [match.start() for match in _TOKEN_RE.finditer(text)]
        before = _tokens_before(text)
        assert [before(offset) for offset in range(len(text) + 2)] == [
            bisect_left(starts, offset) for offset in range(len(text) + 2)]
        # both ways of finding the chunks' offsets (by their lengths, one space between them; by str.find)
        assert before.begins == _chunk_begins(text, text.split()) == [m.start() for m in re.finditer(r"\S+", text)]
    spaced = "  Two  spaces\tand a tab\n(“El Salvador”)  "
    assert _tokens_before(spaced).begins == [m.start() for m in re.finditer(r"\S+", spaced)]


def _joined_by_regex(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The plain rule of tokenize_with_names: every token with its regex match start; the tokens starting inside
    a span (and after the previous joined name) joined when there are two or more."""
    from analysis.nlp.terms import _TOKEN_RE

    tokens = tokenize(text)
    starts = [match.start() for match in _TOKEN_RE.finditer(text)]
    joined, done = [], 0
    for start, end in spans:
        inside = [i for i, s in enumerate(starts) if i >= done and start <= s < end]
        if len(inside) >= 2:
            first, last = inside[0], inside[-1] + 1
            joined += tokens[done:first] + [" ".join(tokens[first:last])]
            done = last
    return joined + tokens[done:]


def test_names_joined_in_real_paragraphs_as_the_plain_rule_joins_them(seed_analysis):
    from analysis.nlp.terms import name_spans_by_paragraph, tokens_with_names

    paragraphs = {p.index: p.text for p in seed_analysis.article.paragraphs}
    spans = name_spans_by_paragraph((p, s, e) for _n, _t, sf, p, s, e in seed_analysis.entities.mention_rows
                                    if " " in sf)
    assert len(spans) > 10
    for index, found in spans.items():
        text = paragraphs[index]
        assert tokens_with_names(text, found) == (_joined_by_regex(text, found), len(tokenize(text)))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["El", "Salvador", "US-El", "(“El", "Salvador”)", "MS-13", "the", "  ", "\n",
                                 "l'État", "1,000", "U.S.", "’s", "—", "and/or"]), max_size=20).map(" ".join),
       st.lists(st.tuples(st.integers(0, 80), st.integers(0, 30)), max_size=4))
def test_names_joined_as_the_plain_rule_joins_them(text, pairs):
    from analysis.nlp.terms import tokens_with_names

    spans = sorted((start, start + size) for start, size in pairs)
    assert tokens_with_names(text, spans) == (_joined_by_regex(text, spans), len(tokenize(text)))


_TOKEN_PIECES = list("aZé1 9,.-'’_\u0301\u05f3\u05d0\u200db Ü\n\t\u00a0(“”)…!?$%/") + [
    "US", "l'", "3,000", "U.S.", "MS-13", "said,", "(Reuters)", "“We", "cafe\u0301", "東京", "حمد", "x_y", "co-op.",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_TOKEN_PIECES), max_size=40).map("".join))
def test_raw_tokens_are_exactly_the_token_regex_matches(text):
    from analysis.nlp.terms import _TOKEN_RE, _raw_tokens

    assert _raw_tokens(text) == _TOKEN_RE.findall(text)


@pytest.mark.slow  # an exhaustive equivalence check: the full run keeps it, the fast tier need not
def test_tokens_of_real_articles_are_the_token_regex_matches_normalised():
    from analysis.nlp.terms import _ELISIONS, _TOKEN_RE, _normalised, _raw_tokens, _tokens

    folder = Path(__file__).parent / "data" / "news"
    texts = [path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))]
    assert len(texts) >= 100
    for text in texts:
        raws = _TOKEN_RE.findall(text)
        assert _raw_tokens(text) == raws
        for language in ("en", "fr", "it"):
            for caps in (False, True):
                elisions = _ELISIONS.get(language, frozenset())
                assert _tokens(text, language, caps) == [_normalised(raw, elisions, caps) for raw in raws]


def test_unigram_columns_of_real_articles_are_the_plain_rule_judged_token_by_token():
    """The per-process verdicts (each distinct token judged once) give what judging every token of every article
    afresh gives: the tokens that are terms, counted, most frequent first and ties alphabetical."""
    from collections import Counter

    from analysis.nlp.terms import _is_term, stopwords, unigram_columns
    from analysis.reading.text import parse_article

    folder = Path(__file__).parent / "data" / "news"
    for path in sorted(folder.glob("*.txt"))[::3]:
        article = parse_article(path.read_text("utf-8"))
        tokens = [tokenize(p.text, language=article.language) for p in article.analysed_paragraphs()]
        counts = Counter(token for paragraph in tokens for token in paragraph)
        stops = stopwords(article.language)
        expected = sorted((t for t in counts if _is_term(t, stops)), key=lambda t: (-counts[t], t))
        for _ in range(2):  # judged afresh, then from the record
            terms, count, per_1000 = unigram_columns(tokens, language=article.language, total=1000)
            assert terms == expected, path.name
            assert count.tolist() == [counts[t] for t in expected] and per_1000.tolist() == [float(c) for c in count]


def test_edge_punctuation_never_belongs_to_a_token():
    from analysis.nlp.terms import _WORD_CHAR
    from analysis.reading.language import EDGE_PUNCTUATION

    word_char = re.compile(_WORD_CHAR)
    assert not [ch for ch in EDGE_PUNCTUATION if word_char.match(ch) or ch.isspace()]
