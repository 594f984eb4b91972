"""The word tables shipped with the entity pass (the gazetteer, the common English words) are what their
builders give from the installed packages, and an out-of-date file is never used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analysis.nlp.entities import lexicon

ROOT = Path(__file__).resolve().parents[1]
REBUILD = "out of date: run scripts/build_lexicons and commit the files it writes"


@pytest.mark.slow  # a subprocess, a browser or a rebuild: over half a second (fast tier under a minute)
def test_the_shipped_gazetteer_is_current_and_equals_a_fresh_build():
    assert lexicon._read_shipped(lexicon.PLACES_FILE, lexicon.places_fingerprint()) is not None, REBUILD
    lexicon._places.cache_clear()
    shipped = lexicon._places()
    built = lexicon.build_places()
    assert shipped == built
    assert list(shipped.strength) == list(built.strength)  # same order too
    assert shipped.strength["el salvador"] == 4 and shipped.canonical["us"] == "united states"


@pytest.mark.slow  # a subprocess, a browser or a rebuild: over half a second (fast tier under a minute)
def test_the_shipped_common_words_are_current_and_equal_a_fresh_build():
    assert lexicon._read_shipped_words(lexicon.COMMON_WORDS_FILE, lexicon.common_words_fingerprint()), REBUILD
    lexicon._common_words.cache_clear()
    shipped = lexicon._common_words()
    built = lexicon.build_common_words()
    assert frozenset(shipped) == frozenset(built)
    # asked before and after the list turns into a set: the same answers
    probes = sorted(built)[::997] + ["bukele", "salvadoran", "", "two words", "house\nhold"]
    for _ in range(2):
        assert [w in shipped for w in probes * 10] == [w in built for w in probes * 10]


def test_common_words_answer_as_simplemma_does_on_every_word_of_the_test_articles():
    words = set()
    for path in [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/**/*.txt")]:
        for word in re.findall(r"[^\W\d_]+", path.read_text(encoding="utf-8", errors="replace")):
            words.update((word, word.lower(), word.casefold(), lexicon._norm(word)))
    assert len(words) > 1500
    lexicon._is_common_word.cache_clear()
    disagree = [w for w in words if lexicon._is_common_word(w) != lexicon._is_common_word_by_simplemma(w)]
    assert not disagree
    assert lexicon._is_common_word("house") and not lexicon._is_common_word("bukele")


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_a_file_made_from_other_inputs_is_ignored(tmp_path, monkeypatch):
    stale = tmp_path / "places.json.gz"
    lexicon._write_shipped(stale, {"fingerprint": "made from something else", "strength": {}, "canonical": {},
                                   "capitals_only": [], "demonym_stems": [], "longest": {}})
    monkeypatch.setattr(lexicon, "PLACES_FILE", stale)
    lexicon._places.cache_clear()
    try:
        assert lexicon._places().strength.get("el salvador") == 4  # built, not read from the stale file
    finally:
        lexicon._places.cache_clear()


@pytest.mark.parametrize("damage", [b"", b"not gzip", None])
def test_a_missing_or_damaged_file_is_ignored(tmp_path, damage):
    path = tmp_path / "common.txt.gz"
    if damage is not None:
        path.write_bytes(damage)
    assert lexicon._read_shipped(path, lexicon.places_fingerprint()) is None
    assert lexicon._read_shipped_words(path, lexicon.common_words_fingerprint()) is None
