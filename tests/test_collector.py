"""analysis/collector.py: the cycle collector waits while one pass builds its objects (issue 11)."""

from __future__ import annotations

import gc
import random
import re

import pytest

from analysis.collector import collector_paused
from analysis.nlp.entities import extract_entities
from analysis.pipeline import analysis_dict
from analysis.reading.text import parse_article


def test_the_collector_is_off_inside_and_back_on_after_even_on_error():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested: still off, and the outer pause turns it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a pass that fails")
    assert gc.isenabled()


def test_a_caller_that_switched_the_collector_off_keeps_it_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_collection_runs_while_the_entities_of_a_long_article_are_found(seed_text, monkeypatch):
    """A long article makes hundreds of thousands of tokens and spans: without the pause the collector would
    run again and again over them (a quarter of the entity pass at a million words, growing faster than it)."""
    from analysis.nlp.entities import extract

    sentences = [s for s in re.split(r"(?<=[.!?”])\s+", seed_text) if len(s.split()) > 5]
    article = parse_article("A long article\n\n" + "\n\n".join(
        f"Part {n}: " + " ".join(random.Random(n).sample(sentences, 4)) for n in range(500)))
    extract_entities(article)  # the process's caches warmed, as in a long-running dashboard
    running, during = [False], []
    real_run = extract._Extractor.run

    def run(self):
        running[0] = True
        try:
            return real_run(self)
        finally:
            running[0] = False

    def record(phase: str, info: dict) -> None:
        if phase == "start" and running[0]:
            during.append(info["generation"])

    monkeypatch.setattr(extract._Extractor, "run", run)
    gc.callbacks.append(record)
    try:
        assert len(extract_entities(article)) > 10
        assert during == []
        monkeypatch.setattr(gc, "disable", lambda: None)  # the same pass without the pause: the collector runs
        extract_entities(article)
        assert len(during) > 3
    finally:
        gc.callbacks.remove(record)
        monkeypatch.undo()
    assert gc.isenabled()


def test_the_whole_computation_of_an_analysis_runs_paused(seed_article, monkeypatch):
    from analysis import pipeline

    seen = []
    for name in ("extract_entities", "sentiment_columns", "unigram_columns"):
        real = getattr(pipeline, name)

        def spy(*args, real=real, name=name, **kwargs):
            seen.append((name, gc.isenabled()))
            return real(*args, **kwargs)

        monkeypatch.setattr(pipeline, name, spy)
    analysis_dict(seed_article)
    pipeline.analyze(seed_article)
    assert [name for name, _ in seen] == ["extract_entities", "sentiment_columns", "unigram_columns"] * 2
    assert not any(enabled for _, enabled in seen)
    assert gc.isenabled()
