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

_EXPORTS = {
    "Article": "analysis.models",
    "Paragraph": "analysis.models",
    "Entity": "analysis.models",
    "Sentiment": "analysis.models",
    "SentimentSummary": "analysis.models",
    "StoryscopeError": "analysis.errors",
    "InputError": "analysis.errors",
    "normalize_text": "analysis.text",
    "parse_article": "analysis.text",
    "detect_language": "analysis.language",
    "tokenize": "analysis.terms",
    "term_frequencies": "analysis.terms",
    "keyness": "analysis.terms",
    "keyword_in_context": "analysis.terms",
    "paragraph_sentiment": "analysis.sentiment",
    "summarize_sentiment": "analysis.sentiment",
    "sentiment_by_paragraph": "analysis.sentiment",
    "unigram_frequencies": "analysis.terms",
    "extract_entities": "analysis.entities",
    "EntityResult": "analysis.entities",
    "analyze": "analysis.pipeline",
    "Analysis": "analysis.pipeline",
    "ANALYSER_VERSION": "analysis.pipeline",
    "read_document": "analysis.readers",
    "load_article": "analysis.readers",
    "Library": "analysis.library",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
