"""The data that flows through Storyscope: file bytes -> Article -> analyses.

Frozen dataclasses for records, pandas DataFrames (columns documented where they are made)
for tables. Nothing here computes anything expensive.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ParagraphKind = Literal["title", "byline", "heading", "body", "boilerplate"]
PARAGRAPH_KINDS: tuple[ParagraphKind, ...] = ("title", "byline", "heading", "body", "boilerplate")
#: Kinds every analysis uses by default; bylines and boilerplate are kept and shown but left out.
ANALYSED_KINDS: frozenset[str] = frozenset({"title", "heading", "body"})

EntityType = Literal["person", "organisation", "place", "other"]
ENTITY_TYPES: tuple[EntityType, ...] = ("person", "organisation", "place", "other")


@dataclass(frozen=True)
class Paragraph:
    """One block of an article.

    index: position in the article, from 0.
    kind: one of PARAGRAPH_KINDS.
    text: the normalised text, curly quotes kept.
    """

    index: int
    kind: ParagraphKind
    text: str

    def is_analysed(self, *, include_boilerplate: bool = False) -> bool:
        """True when analyses use this paragraph (bylines/boilerplate only when asked)."""
        return include_boilerplate or self.kind in ANALYSED_KINDS


@dataclass(frozen=True)
class Article:
    """A news article, normalised and split into typed paragraphs.

    published: publication date or None; language: ISO 639-1 code ("en") or "und" when unknown.
    """

    title: str
    paragraphs: tuple[Paragraph, ...]
    authors: tuple[str, ...] = ()
    published: dt.date | None = None
    language: str = "und"
    source: str | None = None
    filename: str | None = None

    @property
    def text(self) -> str:
        """The whole normalised text, paragraphs separated by a blank line."""
        return "\n\n".join(p.text for p in self.paragraphs)

    def analysed_paragraphs(self, *, include_boilerplate: bool = False) -> tuple[Paragraph, ...]:
        """The paragraphs analyses use: title, headings and body, plus the rest on request."""
        return tuple(p for p in self.paragraphs if p.is_analysed(include_boilerplate=include_boilerplate))


@dataclass(frozen=True)
class Sentiment:
    """TextBlob's reading of a text: polarity within [-1.0, 1.0], subjectivity within [0.0, 1.0]."""

    polarity: float
    subjectivity: float


@dataclass(frozen=True)
class SentimentSummary:
    """An article's sentiment: word-weighted means over the analysed paragraphs.

    sentiment: the news score (the default), polarity and subjectivity: TextBlob's, vader: VADER's compound.
    available is False (and the numbers are None) when the language is not English;
    reason then says why.
    """

    available: bool
    polarity: float | None = None
    subjectivity: float | None = None
    vader: float | None = None
    disagreements: int = 0
    reason: str | None = None
    sentiment: float | None = None


@dataclass(frozen=True)
class Entity:
    """A named thing an article mentions, its aliases merged.

    name: the fullest name; type: one of ENTITY_TYPES; mentions: count of every mention;
    aliases: the other surface forms seen (not including name); paragraphs: indexes of the
    paragraphs that mention it, ascending, without repeats.
    """

    name: str
    type: EntityType
    mentions: int
    aliases: tuple[str, ...] = ()
    paragraphs: tuple[int, ...] = field(default_factory=tuple)
