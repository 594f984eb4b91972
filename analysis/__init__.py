"""Storyscope's computing package: news article text in, analyses (dataclasses and DataFrames) out.

The public API, importable from ``analysis`` directly (loaded on first use, so ``python -m analysis``
starts fast)::

    from analysis import parse_article, analyze, Library
    article = parse_article(text)
    result = analyze(article)          # result.terms, result.sentiment, result.entities.table ...

Never imports streamlit.
"""

from __future__ import annotations

import importlib
from typing import Any

from analysis import native

native.install()  # the hot modules compiled when built from today's source (analysis/native.py)

_EXPORTS = {
    "Article": "analysis.models",
    "Paragraph": "analysis.models",
    "Entity": "analysis.models",
    "Sentiment": "analysis.models",
    "SentimentSummary": "analysis.models",
    "StoryscopeError": "analysis.errors",
    "InputError": "analysis.errors",
    "normalize_text": "analysis.reading.text",
    "parse_article": "analysis.reading.text",
    "detect_language": "analysis.reading.language",
    "tokenize": "analysis.nlp.terms",
    "term_frequencies": "analysis.nlp.terms",
    "keyness": "analysis.nlp.terms",
    "keyword_in_context": "analysis.nlp.terms",
    "paragraph_sentiment": "analysis.nlp.sentiment",
    "summarize_sentiment": "analysis.nlp.sentiment",
    "sentiment_by_paragraph": "analysis.nlp.sentiment",
    "unigram_frequencies": "analysis.nlp.terms",
    "extract_entities": "analysis.nlp.entities",
    "EntityResult": "analysis.nlp.entities",
    "analyze": "analysis.pipeline",
    "Analysis": "analysis.pipeline",
    "ANALYSER_VERSION": "analysis.pipeline",
    "read_document": "analysis.reading.readers",
    "load_article": "analysis.reading.readers",
    "Library": "analysis.store.library",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
