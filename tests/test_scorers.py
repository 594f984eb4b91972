"""Our TextBlob and VADER scorers give the libraries' own numbers, on real text and on text made to be awkward."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textblob import TextBlob
from textblob.en import parser as textblob_parser
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
from work_support import lines_run

from analysis.nlp.news_sentiment import news_and_vader, news_reading
from analysis.nlp.scorers import (
    _Abbreviations, _but_check, _find_tokens, _split_token, _textblob_scorer, _tokens, textblob_entry, textblob_scores,
    textblob_scores_of, vader_compound,
)

ROOT = Path(__file__).resolve().parents[1]
VADER = SentimentIntensityAnalyzer()

# Pieces each rule of the two libraries reacts to: negations, boosters and dampeners, capitals, "but", "least",
# "kind of", idioms, emoticons and emoji, "!" and "?", sarcasm "(!)", quotes and apostrophes of both kinds,
# contractions, abbreviations, ellipses, paragraph breaks, odd spaces.
PIECES = [
    "not", "never", "no", "nor", "without", "doubt", "isn't", "don't", "cannot", "very", "VERY", "really",
    "extremely", "barely", "kind", "of", "sort", "kinda", "least", "at", "but", "BUT", "so", "this", "good",
    "GOOD", "bad", "great", "horrible", "terrible", "wonderful", "terribly", "happy", "sad", "the", "shit",
    "bomb", "bad ass", "to die for", "cut the mustard", "!", "!!!", "?", "??", "(!)", "( ! )", ":)", ": )",
    ":-(", "o.O", "o . O", ">.>", "XD", "x D", "<3", "♥", "😁", "💘", "😡", "'s", "n't", "’s", "I'm",
    "they'll", "“", "”", "‘", "’", "'", '"', "...", "…", ".", ",", ";", "(", ")", "-", "—", "U.S.", "Mr.",
    "e.g.", "Dr.", "T.", "Good.", "bad!", "amazing?!", "\n\n", "\r\n", "\n", "\t", "\u00a0", " ", "13",
    "MS-13", "it", "was", "is", "a", "movie", "or", "nor", "kind of", "sort of", "just enough", "yeah right",
    "kiss of death", "beating heart", "bus stop", "upper hand", "no good", "no or bad", "never so good",
    "without a doubt", "NOT", "Least", "very least", "the bomb",
]


def texts_of_the_project() -> list[str]:
    """The seed and every test article: each whole, and each paragraph."""
    found = []
    for path in sorted([*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/**/*.txt")]):
        text = path.read_text(encoding="utf-8", errors="replace")
        found.append(text)
        found.extend(block for block in text.split("\n\n") if block.strip())
    return found


REAL_TEXTS = texts_of_the_project()


def test_there_is_real_text_to_compare_with():
    assert len(REAL_TEXTS) > 100
    assert any("Bukele" in t for t in REAL_TEXTS)


def assert_same_as_the_libraries(text: str) -> None:
    assert _find_tokens(text) == textblob_parser.find_tokens(text)
    assert textblob_scores(text) == tuple(TextBlob(text).sentiment)
    vader = VADER.polarity_scores(text)["compound"]
    assert vader_compound(text) == vader
    # The news score's pass over the words gives VADER its words too: VADER's number all the same, names or not.
    for masked in ((), [(0, len(text) // 2)]):
        reading, vader_of_the_pass = news_and_vader(text, masked=masked)
        assert vader_of_the_pass == vader
        assert reading == news_reading(text, masked=masked)


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_same_numbers_as_the_libraries_on_the_seed_and_test_articles():
    for text in REAL_TEXTS:
        assert_same_as_the_libraries(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "The film was not good.",
        "The film was not very good at all!!!",
        "It is the shit, but the ending was kind of bad.",
        "VADER is VERY SMART, handsome, and FUNNY!!!",
        "At least it isn't a horrible book. Roger is one of the least compelling variations.",
        "Great idea (!) said nobody :) o.O XD <3 😁",
        "“Wonderful,” she said. ‘Horrible…’ he replied... Mr. Smith and the U.S. disagreed.",
        "Headline without a period\n\nNever so happy\r\n\r\nwithout a doubt, excellent",
    ],
)
def test_same_numbers_on_sentences_that_exercise_the_rules(text):
    assert_same_as_the_libraries(text)


@pytest.mark.parametrize("word", ["good", "bad", "not bad", "table"])
def test_punctuation_emphasis_and_normalisation_give_vaders_numbers(word):
    """VADER's "!" and "?" emphasis (up to four "!", two or three "?" or more) and its normalisation, re-expressed:
    every count of each, on a positive, a negative, a turned and a neutral word, and the default of its normalize."""
    import inspect

    from vaderSentiment import vaderSentiment

    from analysis.nlp import scorers

    assert inspect.signature(vaderSentiment.normalize).parameters["alpha"].default == scorers._ALPHA
    for exclamations in range(7):
        for questions in range(6):
            for text in (f"{word}{'!' * exclamations}{'?' * questions}",
                         f"{word} {'? ' * questions}{'! ' * exclamations}"):
                assert vader_compound(text) == VADER.polarity_scores(text)["compound"], text


def test_the_rules_change_the_numbers_in_these_sentences():
    """The cases above are not all alike: negation, emphasis and emoticons move both scores."""
    assert textblob_scores("The film was good.")[0] > 0 > textblob_scores("The film was not good.")[0]
    assert vader_compound("The film was good.") > 0 > vader_compound("The film was not good.")
    assert vader_compound("The film was GOOD!!!") > vader_compound("The film was good.")
    assert textblob_scores("Fine day :)")[0] > textblob_scores("Fine day")[0]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([" ", "", "  ", "\n"]))
def test_same_numbers_on_generated_text_full_of_special_cases(pieces, separator):
    assert_same_as_the_libraries(separator.join(pieces))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_same_numbers_on_any_text(text):
    assert_same_as_the_libraries(text)


# -- TextBlob's scan, run only where words matter ---------------------------------------------------------------

# Lower-cased words as the scan reads them: lexicon words (adverbs that modify, adjectives), negations, "!", "(!)",
# emoticons, and words outside the lexicon that clear a pending modifier or negation or do not ("a", "'", "of").
SCAN_WORDS = [
    "very", "really", "extremely", "good", "bad", "happy", "terribly", "not", "no", "never", "n't", "!", "(!)", ":)",
    ":(", "<3", "xd", "a", "'", "''", "of", "to", "it", "table", "said", ",", ".", "?", "13", "ok", "'s",
]


@pytest.mark.slow  # an exhaustive equivalence check: the full run keeps it, the fast tier need not
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SCAN_WORDS), max_size=40))
def test_the_scan_that_skips_words_gives_textblobs_assessments(words):
    """The scan visits only the words that can start or change an assessment (and those after a pending modifier or
    negation): its sums are those of TextBlob's own assessments of every word."""
    import textblob.en

    found = textblob.en.sentiment.assessments([(word, None) for word in words])
    polarity = subjectivity = 0
    for _words, p, s, _label in found:
        polarity += p
        subjectivity += s
    assert _textblob_scorer().scores(words) == (polarity, subjectivity, len(found))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["x D", "Max Dole", "box. D", "( !", ")"]), max_size=40),
       st.sampled_from([" ", "", "\n\n"]))
def test_each_tokens_pieces_are_textblobs_tokens_in_turn(pieces, separator):
    """A text's tokens as TextBlob cuts them are each whitespace-separated token's pieces in turn (without a paragraph
    break or a carriage return), and the scores from those pieces are TextBlob's, emoticons and "(!)" or not."""
    text = separator.join(pieces)
    entries = [textblob_entry(token) for token in text.split()]
    if "\r" not in text and "\n\n" not in text:
        assert [piece for entry in entries for piece in entry[0]] == _tokens(text)
        assert [word for entry in entries for word in entry[1]] == [token.lower() for token in _tokens(text)]
    assert textblob_scores_of(text, entries) == tuple(TextBlob(text).sentiment)


def test_an_emoticon_cut_between_two_tokens_is_read_as_textblob_reads_it():
    """TextBlob's emoticon and "(!)" patterns let a space stand inside a match (": )", "x D", "( ! )"), so a match can
    run from one whitespace-separated token into the next: the scores see it, wherever the emoticon is cut, and
    whatever stands before its first half or after its second. A token alone matches no pattern here, so this is the
    check of two tokens in a row, not of each token's pieces."""
    import textblob._text as textblob_text

    emoticons = sorted({e for group in textblob_text.EMOTICONS.values() for e in group} | {"(!)"})
    moved = 0
    for emoticon in emoticons:
        for cut in range(1, len(emoticon)):
            head, tail = emoticon[:cut], emoticon[cut:]
            for text in (f"a good {head} {tail} day", f"bad{head} {tail}", f"not {head} {tail}!",
                         f"{head} {tail}x fine"):
                assert textblob_scores(text) == tuple(TextBlob(text).sentiment), text
                moved += textblob_scores(text) != textblob_scores(text.replace(f"{head} {tail}", f"{head} _ {tail}"))
    assert moved > 100  # the emoticons cut in two change the scores


# -- TextBlob's trimming of punctuation, made linear ------------------------------------------------------------

TRIMMED_PIECES = ["(", ")", ".", "...", "!", "?", "'", '"', "-", "a", "A", "b", "M", "r", "x", "|", "s", "'s",
                  "n't", "e.g", "U.S", "Mr", "Mrs", "etc", ":", ",", "[", "]", "*"]


def is_abbreviation_as_textblob_says(token: str) -> bool:
    """TextBlob's own rule for a token ending in "." (its word list and three regular expressions)."""
    from textblob import _text

    return (
        token in _text.ABBREVIATIONS
        or _text.RE_ABBR1.match(token) is not None
        or _text.RE_ABBR2.match(token) is not None
        or _text.RE_ABBR3.match(token) is not None
    )


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TRIMMED_PIECES), min_size=1, max_size=30))
def test_prefixes_judged_abbreviations_as_textblob_judges_them(pieces):
    token = "".join(pieces) + "."
    for start in range(len(token)):
        judge = _Abbreviations(token, start)
        for end in range(start + 1, len(token) + 1):
            if token[end - 1] == ".":
                assert (end in judge) == is_abbreviation_as_textblob_says(token[start:end]), (token, start, end)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TRIMMED_PIECES), min_size=1, max_size=30))
def test_tokens_cut_from_punctuation_as_textblob_cuts_them(pieces):
    text = "".join(pieces)
    assert _find_tokens(text) == textblob_parser.find_tokens(text)
    assert textblob_scores(text) == tuple(TextBlob(text).sentiment)


class CountingText(str):
    """A string that counts the characters copied by slicing it (and its slices): the work of trimming."""

    copied = 0

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        CountingText.copied += len(piece)
        return CountingText(piece)


def characters_copied_to_split(token: str) -> int:
    CountingText.copied = 0
    out: list[str] = []
    _split_token(CountingText(token), out)
    assert "".join(out) == token
    return CountingText.copied


@pytest.mark.parametrize("shape", ["(" * 2 + "{}", "{}" + ")", "x{}", "{}.x", "a.b.{})."])
def test_trimming_punctuation_is_linear_in_the_run(shape):
    """Issue 12: a run of 200,000 parentheses took minutes (one copy of the rest per character cut)."""
    sizes = (5_000, 10_000)
    work = [characters_copied_to_split(shape.format("(" * n if "(" not in shape else ")" * n)) for n in sizes]
    assert work[1] <= 2.2 * work[0] + 100, work
    assert work[1] <= 8 * sizes[1], work


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([0, 0, 0.0, 1.5, -1.5, 2.0, 0.75, 1.125, -0.75, 3.0, 0.5, 1.0]), min_size=1, max_size=30),
    st.data(),
)
def test_the_but_rule_gives_vaders_numbers_with_repeated_scores(scores, data):
    """VADER's "but" rule rewrites the first earlier word with the same score; ours must do exactly that."""
    but = data.draw(st.integers(0, len(scores) - 1))
    words = ["word"] * len(scores)
    words[but] = "but"
    assert _but_check(but, scores) == SentimentIntensityAnalyzer._but_check(words, list(scores))


def _long_paragraph(sentences: int) -> str:
    sentence = "The court heard good and bad news, a great deal of it sad, and the crowd was happy 😁. "
    return sentence * (sentences // 2) + "But nothing changed. " + sentence * (sentences - sentences // 2)


def test_vader_work_grows_linearly_with_one_but_in_a_long_paragraph():
    """Issue 12: one "but" in a long paragraph made VADER's rule look every score up from the start."""
    small, large = _long_paragraph(50), _long_paragraph(200)
    assert vader_compound(small) == VADER.polarity_scores(small)["compound"]
    work_small, work_large = lines_run(vader_compound, small), lines_run(vader_compound, large)
    assert work_large < 4.6 * work_small  # four times the words; quadratic work would be ~16 times


def test_our_textblob_scorer_is_set_up_and_loaded_as_textblob_en_sentiment():
    import textblob.en

    from analysis.nlp.scorers import _textblob_scorer

    reference, ours = textblob.en.sentiment, _textblob_scorer()
    reference.load()
    assert (ours.path, ours._synset, ours.negations, ours.modifiers, ours.language) == (
        reference.path, reference._synset, reference.negations, reference.modifiers, reference.language)
    assert all(ours.modifier(w) == reference.modifier(w) for w in ["gladly", "fly", "good", "ly", ""])
    assert dict(ours) == dict(reference) and ours.labeler == reference.labeler


_EMOJI = sorted(VADER.emojis)
_AROUND_EMOJI = [" ", "a", "é", "’", "“", "—", "…", "\u00a0", "東", "\U00020000", "\U0001f300", "\U0001f9ff"]


@pytest.mark.slow  # an exhaustive equivalence check: the full run keeps it, the fast tier need not
@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_AROUND_EMOJI + [e for e in _EMOJI if len(e) == 1][:: 7]), max_size=12).map("".join))
def test_emoji_are_found_as_vader_finds_them(text):
    """Our scan for emoji (one pattern, the set only past the Basic Multilingual Plane) answers as VADER's own set."""
    from analysis.nlp.scorers import has_emoji

    assert has_emoji(text) == any(char in VADER.emojis for char in text)
    # The news pass asks each token's entry: a text has an emoji exactly when one of its tokens has (no emoji is a
    # space), and its VADER score is then VADER's own reading of the emoji as words.
    assert has_emoji(text) == any(textblob_entry(token)[7] & 1 for token in text.split())
    reading, vader = news_and_vader(text)
    assert vader == VADER.polarity_scores(text)["compound"]
