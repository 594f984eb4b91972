"""Fits the news sentiment model's coefficients and writes ``analysis/nlp/data/news_model.json``.

    .venv/bin/python benchmarks/fit_news_model.py [GROUND_TRUTH_FOLDER]

Least squares of the people's mean rating (scaled to -1 .. +1) on the model's inputs
(``analysis.nlp.news_sentiment.FEATURES``): an intercept, the news rules' compound score (names masked),
TextBlob's polarity, the mean labMT happiness and the mean neighbour valence of the words outside names (negated
words turned around), over the training sets (``sentiment_ground_truth.TRAINING_SETS``): the tweets, movie and
product reviews published with VADER, and Storyscope's own news-style sentences (``benchmarks/data/
news_style_rated.tsv``, this project's writing and one reader's rating). The news-style set is small (574
sentences) but the only one written like news, so it is weighted to count as much as the other sets together
(``NEWS_STYLE_SHARE``). The news set (NYT editorials) is never used: it is what ``bench_sentiment.py`` judges the
model on.

How the inputs were chosen, without the news set: each candidate set of inputs was fitted on all training sets but
one and measured on that one (leave one set out), and the inputs kept are those whose mean r over the held-out sets
was best; the news-style set's weight the same way (equal to the others together: 0.667; unweighted 0.665; 20 to
50 times: 0.667). This script prints that figure for the inputs it fits.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from sentiment_ground_truth import DEFAULT_FOLDER, ROOT, TRAINING_SETS, scored_set

from analysis.nlp.news_sentiment import FEATURES

OUTPUT = ROOT / "analysis" / "nlp" / "data" / "news_model.json"
#: The news-style set's share of the fit's weight when other sets are fitted beside it (one half: its sentences
#: weigh as much as the others' texts together).
NEWS_STYLE_SHARE = 0.5


def weights(sets) -> dict[str, float]:
    """Each set's weight per text: 1, but the news-style set's texts share ``NEWS_STYLE_SHARE`` of the total."""
    own = [s for s in sets if s.name == "news_style"]
    others = sum(len(s.rating) for s in sets if s.name != "news_style")
    if not own or not others:
        return {s.name: 1.0 for s in sets}
    return {s.name: (others * NEWS_STYLE_SHARE / (1 - NEWS_STYLE_SHARE) / len(s.rating)
                     if s.name == "news_style" else 1.0) for s in sets}


def fit(sets) -> dict[str, float]:
    """The coefficients (by ``FEATURES`` name) fitted on ``sets`` (``RatedSet``) by weighted least squares
    (:func:`weights`), target = rating / 4."""
    weight = weights(sets)
    root = np.sqrt(np.concatenate([np.full(len(s.rating), weight[s.name]) for s in sets]))
    design = np.vstack([s.features() for s in sets]) * root[:, None]
    target = np.concatenate([s.rating for s in sets]) / 4.0 * root
    coefficients, *_ = np.linalg.lstsq(design, target, rcond=None)
    return dict(zip(FEATURES, (round(float(c), 6) for c in coefficients)))


def predict(coefficients: dict[str, float], design: np.ndarray) -> np.ndarray:
    """The model's scores for a design matrix, clipped to [-1, 1] as the product clips them."""
    return np.clip(design @ np.array([coefficients[name] for name in FEATURES]), -1.0, 1.0)


def leave_one_set_out(sets) -> dict[str, float]:
    """Per training set, Pearson r of the model fitted on the other sets, measured on that one."""
    figures = {}
    for held in sets:
        coefficients = fit([s for s in sets if s is not held])
        figures[held.name] = float(np.corrcoef(predict(coefficients, held.features()), held.rating)[0, 1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    folder = parser.parse_args().folder
    if not folder.is_dir():
        raise SystemExit(f"No ground-truth folder at {folder}: pass the folder holding *_GroundTruth.txt.")
    sets = [scored_set(folder, name, with_news=False) for name in TRAINING_SETS]
    coefficients = fit(sets)
    held_out = leave_one_set_out(sets)
    OUTPUT.write_text(json.dumps({
        "fitted_on": list(TRAINING_SETS),
        "texts": int(sum(len(s.texts) for s in sets)),
        "weights": {name: round(w, 4) for name, w in weights(sets).items()},
        "target": "mean human rating / 4",
        "features": list(FEATURES),
        "coefficients": coefficients,
        "leave_one_set_out_r": {name: round(r, 4) for name, r in held_out.items()},
        "made_by": "benchmarks/fit_news_model.py",
    }, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {', '.join(TRAINING_SETS)} ({sum(len(s.texts) for s in sets):,} texts): {coefficients}")
    print("leave one set out (fitted on the others), r: "
          + ", ".join(f"{name} {r:.3f}" for name, r in held_out.items())
          + f"; mean {np.mean(list(held_out.values())):.3f}")
    print(f"written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
