"""Fits the news sentiment model's four coefficients and writes ``analysis/nlp/data/news_model.json``.

    .venv/bin/python benchmarks/fit_news_model.py [GROUND_TRUTH_FOLDER]

Least squares of the people's mean rating (scaled to -1 .. +1) on an intercept, the news rules' compound score
(names masked), TextBlob's polarity and its subjectivity, over the tweets, movie and product reviews published
with VADER (``sentiment_ground_truth.TRAINING_SETS``). The news set (NYT editorials) is never used: it is what
``bench_sentiment.py`` judges the model on.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from sentiment_ground_truth import DEFAULT_FOLDER, ROOT, TRAINING_SETS, scored_set

OUTPUT = ROOT / "analysis" / "nlp" / "data" / "news_model.json"


def fit(sets) -> dict[str, float]:
    design = np.vstack([np.column_stack([np.ones(len(s.rating)), s.compound, s.polarity, s.subjectivity]) for s in sets])
    target = np.concatenate([s.rating for s in sets]) / 4.0
    coefficients, *_ = np.linalg.lstsq(design, target, rcond=None)
    return dict(zip(("intercept", "compound", "polarity", "subjectivity"), (round(float(c), 6) for c in coefficients)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    folder = parser.parse_args().folder
    if not folder.is_dir():
        raise SystemExit(f"No ground-truth folder at {folder}: pass the folder holding *_GroundTruth.txt.")
    sets = [scored_set(folder, name, with_news=False) for name in TRAINING_SETS]
    coefficients = fit(sets)
    OUTPUT.write_text(json.dumps({
        "fitted_on": list(TRAINING_SETS),
        "texts": int(sum(len(s.texts) for s in sets)),
        "target": "mean human rating / 4",
        "coefficients": coefficients,
        "made_by": "benchmarks/fit_news_model.py",
    }, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {', '.join(TRAINING_SETS)} ({sum(len(s.texts) for s in sets):,} texts): {coefficients}")
    print(f"written to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
