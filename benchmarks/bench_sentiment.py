"""How well each sentiment score agrees with people (issue 10). Prints figures and whether the targets are met.

    .venv/bin/python benchmarks/bench_sentiment.py [GROUND_TRUTH_FOLDER] [--no-write]

GROUND_TRUTH_FOLDER holds the human-rated sets published with VADER (Hutto & Gilbert, ICWSM 2014; MIT licence;
default ``../shared/data/sentiment-ground-truth`` beside the project); without it the benchmark says so and stops.
For TextBlob's polarity, VADER's compound and the news score (what the dashboard shows first), it prints the
Pearson r with the people's mean rating per text on each set (also on Storyscope's own news-style sentences,
``benchmarks/data/news_style_rated.tsv``, which the model is fitted on too); on the news set (NYT editorial sentences) also per
editorial (word-weighted means of its sentences, both sides) and the share of clearly toned sentences
(|rating| >= 0.5) whose sign is right. The news model is fitted without the news set
(``fit_news_model.py``) but on the others, so for those it also prints the figures of models fitted without each
(the fit's leave-one-set-out figures), and judges "no set more than 0.02 below VADER" on them; a figure fitted on
half the editorials and measured on the other half is printed apart, labelled as such. The figures are written to ``analysis/nlp/data/sentiment_agreement.json``, which the
dashboard quotes beside its sentiment cards.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from collections import defaultdict
from pathlib import Path

import numpy as np

from fit_news_model import fit, predict
from sentiment_ground_truth import DEFAULT_FOLDER, ROOT, SETS, scored_set

OUTPUT = ROOT / "analysis" / "nlp" / "data" / "sentiment_agreement.json"
MODEL = ROOT / "analysis" / "nlp" / "data" / "news_model.json"
METHODS = {"polarity": "TextBlob polarity", "vader": "VADER compound", "news": "news score (default)"}
CLEAR = 0.5


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a, b)[0, 1])


def editorials(ids: list[str]) -> list[np.ndarray]:
    """The rows of each editorial (IDs ``EDITORIAL_SENTENCE``)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for row, identifier in enumerate(ids):
        groups[identifier.split("_")[0]].append(row)
    return [np.array(rows) for rows in groups.values()]


def per_editorial(scores: np.ndarray, rating: np.ndarray, words: np.ndarray, groups: list[np.ndarray]) -> float:
    mean = lambda values, g: float(np.average(values[g], weights=words[g]))  # noqa: E731
    return pearson(np.array([mean(scores, g) for g in groups]), np.array([mean(rating, g) for g in groups]))


def sign_accuracy(scores: np.ndarray, rating: np.ndarray) -> float:
    clear = np.abs(rating) >= CLEAR
    return float((np.sign(scores[clear]) == np.sign(rating[clear])).mean())


def halves_figure(nyt) -> float:
    """Per-sentence r of the model fitted on one half of the editorials, measured on the other (both ways)."""
    groups = editorials(nyt.ids)
    first = np.concatenate(groups[0::2])
    second = np.concatenate(groups[1::2])
    predicted = np.empty(len(nyt.rating))
    for train, test in ((first, second), (second, first)):
        part = type(nyt)(**{k: (v[train] if isinstance(v, np.ndarray) else v) for k, v in vars(nyt).items()})
        predicted[test] = predict(fit([part]), nyt.features(test))
    return pearson(predicted, nyt.rating)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--no-write", action="store_true", help="print only; leave the dashboard's figures alone")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"Skipped: no ground-truth folder at {args.folder}. Pass the folder holding the *_GroundTruth.txt "
              "files published with VADER.")
        return
    results: dict[str, dict[str, float]] = {}
    scored = {}
    print(f"Pearson r with the people's mean rating, per text ({args.folder})")
    print(f"{'set':10} {'texts':>6} " + " ".join(f"{label:>22}" for label in METHODS.values()))
    for name in SETS:
        s = scored_set(args.folder, name)
        scored[name] = s
        results[name] = {m: pearson(getattr(s, m), s.rating) for m in METHODS}
        print(f"{name:10} {len(s.texts):6,} " + " ".join(f"{results[name][m]:22.3f}" for m in METHODS))
    model = json.loads(MODEL.read_text(encoding="utf-8"))
    held_out = model.get("leave_one_set_out_r", {})
    print("The news model is fitted on every set but nyt (news_style is Storyscope's own writing, rated by one "
          "reader), so its figures above flatter it there; held out (fitted on the other sets, fit_news_model.py): "
          + ", ".join(f"{name} {r:.3f}" for name, r in held_out.items())
          + (f"; news_style by topic {model['news_style_held_out_topics_r']:.3f}"
             if "news_style_held_out_topics_r" in model else ""))
    nyt = scored["nyt"]
    groups = editorials(nyt.ids)
    news_set = {
        "per_sentence": results["nyt"],
        "per_editorial": {m: per_editorial(getattr(nyt, m), nyt.rating, nyt.words, groups) for m in METHODS},
        "sign_accuracy": {m: sign_accuracy(getattr(nyt, m), nyt.rating) for m in METHODS},
    }
    print(f"\nNYT editorials ({len(groups)} editorials, {len(nyt.texts):,} sentences):")
    for key, label in (("per_editorial", "per editorial r (word-weighted means)"),
                       ("sign_accuracy", f"sign right where |rating| >= {CLEAR}")):
        print(f"  {label:40} " + "  ".join(f"{METHODS[m]} {news_set[key][m]:.3f}" for m in METHODS))
    halves = halves_figure(nyt)
    print(f"  [fitted on NYT: the same model fitted on half the editorials, measured on the other half] r = {halves:.3f}")

    print("\nTargets (issue 10):")
    targets = [
        ("NYT per sentence r >= 0.60", news_set["per_sentence"]["news"], news_set["per_sentence"]["news"] >= 0.60),
        ("NYT per editorial r >= 0.70", news_set["per_editorial"]["news"], news_set["per_editorial"]["news"] >= 0.70),
        ("NYT sign accuracy >= 0.75", news_set["sign_accuracy"]["news"], news_set["sign_accuracy"]["news"] >= 0.75),
    ]
    for name in ("tweets", "movies", "amazon"):
        gap = held_out.get(name, results[name]["news"]) - results[name]["vader"]
        targets.append((f"{name}: no more than 0.02 below VADER (held out)", gap, gap >= -0.02))
    for label, value, met in targets:
        print(f"  {'met    ' if met else 'NOT met'}  {label:40} ({value:+.3f})")
    if not args.no_write:
        OUTPUT.write_text(json.dumps({
            "made_by": "benchmarks/bench_sentiment.py",
            "measured": dt.date.today().isoformat(),
            "source": "human-rated sets published with VADER (Hutto & Gilbert 2014)",
            "per_sentence": results,
            "news": news_set,
            "news_fitted_on_nyt_halves": halves,
            "news_held_out_r": held_out,
        }, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten to {OUTPUT.relative_to(ROOT)} (the dashboard quotes it)")


if __name__ == "__main__":
    main()
