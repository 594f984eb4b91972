"""The whole analysis of one article, bundled: terms, sentiment by paragraph, entity mentions.

:func:`analyze` is what the library's cache, the batch workers and the dashboard call. :class:`Analysis` travels
as JSON through :meth:`Analysis.to_dict` / :meth:`Analysis.from_dict` (the library caches it in Arrow,
analysis.store.codec). The command line writes :func:`analysis_dict`: the same dict as
``analyze(article).to_dict()``, made from the same computation without building DataFrames, so that
``python -m analysis analyze`` never imports pandas.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from analysis.collector import collector_paused
from analysis.nlp.entities import ENTITY_COLUMNS, MENTION_COLUMNS, EntityResult, extract_entities
from analysis.models import Article, Entity, Paragraph, SentimentSummary
from analysis.nlp.sentiment import (
    SENTIMENT_COLUMNS,
    SentenceScore,
    name_spans,
    opening_words,
    sentiment_columns,
    sentiment_frame,
)
from analysis.nlp.terms import (
    TERM_COLUMNS, name_spans_by_paragraph, terms_frame, tokenize, tokens_with_names, unigram_columns,
)

if TYPE_CHECKING:
    import pandas as pd

class _Unbuilt:
    """A table of an :class:`Analysis` whose DataFrame is not built yet: which table, and its columns as the analysis
    computed them (``terms``: :func:`unigram_columns`' three; ``sentiment``: :func:`sentiment_columns`' in
    SENTIMENT_COLUMNS order)."""

    __slots__ = ("table", "columns")

    def __init__(self, table: str, columns: Any) -> None:
        self.table = table
        self.columns = columns

    def __reduce__(self) -> tuple:
        return (_Unbuilt, (self.table, self.columns))


class _Table:
    """``Analysis.terms`` and ``Analysis.sentiment``: the DataFrame, built from the analysis' columns the first time
    it is read (an analysis only stored in the cache, whose codec encodes the columns, never builds it: ~0.1 ms a
    table per article). A DataFrame given to the constructor is kept as it is."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            raise AttributeError(self.name)  # (a dataclass field with no default)
        value = obj.__dict__[self.name]
        if type(value) is _Unbuilt:
            value = obj.__dict__[self.name] = _FRAMES[value.table](value.columns)
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.name] = value


_FRAMES = {"terms": terms_frame, "sentiment": sentiment_frame}


#: Bump whenever any analysis output changes: the library then recomputes its cached analyses.
ANALYSER_VERSION = "130"



@dataclass(frozen=True)
class Analysis:
    """Everything Storyscope computes for one article with default options.

    word_count: word tokens in the analysed paragraphs (the per-1,000 denominator).
    terms: DataFrame[term, count, per_1000], every unigram term, most frequent first.
    sentiment: DataFrame as :func:`analysis.nlp.sentiment.paragraph_sentiment` documents, one row per paragraph.
    sentiment_summary: word-weighted means over the included paragraphs, or why there are none.
    entities: :class:`analysis.nlp.entities.EntityResult` (``.table`` and ``.mentions`` DataFrames).
    include_boilerplate: whether bylines and boilerplate were analysed too.
    names_as_terms: whether a name of several words the entity pass found is one term ("el salvador") in
    ``terms``, or its words count apart ("el", "salvador").
    article_id: the article's id in the library when it came from there (see ``Library.analyses``), else None.
    entity_sentences: the scores of the sentences naming an entity, as computed before the user's edits
    (:func:`analysis.nlp.sentiment.entity_sentence_scores`), when the library gave them (``Library.analyses``
    with ``entity_sentences``); else None, and who needs them computes them.
    """

    article: Article
    word_count: int
    terms: pd.DataFrame = _Table()  # type: ignore[assignment]  (built when first read)
    sentiment: pd.DataFrame = _Table()  # type: ignore[assignment]
    sentiment_summary: SentimentSummary
    entities: EntityResult
    include_boilerplate: bool = False
    names_as_terms: bool = True
    article_id: int | None = None
    entity_sentences: tuple[SentenceScore, ...] | None = None

    def to_dict(self, *, top: int | None = None) -> dict[str, Any]:
        """A JSON-safe dict: the article's metadata and paragraphs with their scores, terms and entities.

        ``top`` keeps only the N most frequent terms and N most mentioned entities (all when None).
        Missing numbers (sentiment of a non-English article) are None.
        """
        table = self.sentiment
        terms = self.terms if top is None else self.terms.head(top)
        entities = self.entities.table if top is None else self.entities.table.head(top)
        return _as_dict(
            self.article, self.word_count, self.sentiment_summary,
            # Columns read once as Python lists (a pandas look-up per paragraph cost more than the analysis).
            [table[column].tolist() for column in _DICT_COLUMNS],
            _rows(terms, TERM_COLUMNS), _rows(entities, ENTITY_COLUMNS), _rows(self.entities.mentions, MENTION_COLUMNS),
            include_boilerplate=self.include_boilerplate, names_as_terms=self.names_as_terms,
        )

    def table_columns(self, name: str) -> Any:
        """The columns of the table ``name`` ("terms" or "sentiment") as the analysis computed them, while its
        DataFrame has not been built (``terms``: terms as a list of str, count and per_1000 as numpy arrays;
        ``sentiment``: SENTIMENT_COLUMNS order, numpy arrays except ``kind`` and ``opening``, lists of str); None
        once it has, or when the analysis was made from DataFrames. The cache encodes these: no DataFrame is built
        only to be written."""
        value = self.__dict__.get(name)
        return value.columns if type(value) is _Unbuilt else None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an Analysis from :meth:`to_dict`'s output (made with ``top=None``)."""
        import pandas as pd

        paragraphs = tuple(Paragraph(p["index"], p["kind"], p["text"]) for p in data["paragraphs"])
        article = Article(
            title=data["title"],
            paragraphs=paragraphs,
            authors=tuple(data["authors"]),
            published=dt.date.fromisoformat(data["published"]) if data["published"] else None,
            language=data["language"],
            source=data.get("source"),
            filename=data.get("filename"),
        )
        sentiment = pd.DataFrame(
            [
                (
                    p["index"], p["kind"], p["included"], p["words"], _nan(p.get("sentiment")), _nan(p["polarity"]),
                    _nan(p["subjectivity"]), _nan(p["vader"]), p["disagree"], opening_words(p["text"]),
                )
                for p in data["paragraphs"]
            ],
            columns=SENTIMENT_COLUMNS,
        ).astype({"index": "int64", "included": "bool", "words": "int64", "sentiment": "float64", "polarity": "float64",
                  "subjectivity": "float64", "vader": "float64", "disagree": "bool"})
        summary = SentimentSummary(**data["sentiment"])
        terms = pd.DataFrame(data["terms"], columns=TERM_COLUMNS).astype({"count": "int64", "per_1000": "float64"})
        table = pd.DataFrame(
            [{**{k: e[k] for k in ENTITY_COLUMNS}, "aliases": tuple(e["aliases"]), "paragraphs": tuple(e["paragraphs"])}
             for e in data["entities"]],
            columns=ENTITY_COLUMNS,
        )
        mentions = pd.DataFrame(data["mentions"], columns=MENTION_COLUMNS)
        return cls(
            article=article,
            word_count=data["word_count"],
            terms=terms,
            sentiment=sentiment,
            sentiment_summary=summary,
            entities=_entity_result(table, mentions),
            include_boilerplate=data.get("include_boilerplate", False),
            names_as_terms=data.get("names_as_terms", False),  # JSON from before the option counted words apart
        )


def analyze(article: Article, *, include_boilerplate: bool = False, names_as_terms: bool = True) -> Analysis:
    """Analyse ``article``: unigram terms, paragraph sentiment and entity mentions.

    By default the title, headings and body are analysed; ``include_boilerplate`` adds bylines and
    boilerplate (they are always kept in ``article`` and in the sentiment table, marked not included).
    ``names_as_terms`` (default): a name of several words found by the entity pass ("El Salvador") is one
    term of ``terms`` ("el salvador"); False counts single words only ("el", "salvador").
    """
    with collector_paused():
        parts = _Parts(article, include_boilerplate, names_as_terms)
    return Analysis(
        article=article,
        word_count=parts.word_count,
        terms=_Unbuilt("terms", parts.terms),  # DataFrames built when first read
        sentiment=_Unbuilt("sentiment", parts.sentiment),
        sentiment_summary=parts.summary,
        entities=parts.entities,
        include_boilerplate=include_boilerplate,
        names_as_terms=names_as_terms,
    )


def analysis_dict(
    article: Article, *, include_boilerplate: bool = False, names_as_terms: bool = True, top: int | None = None
) -> dict[str, Any]:
    """``analyze(article, ...).to_dict(top=top)``, equal to it, without building the DataFrames (pandas is not
    imported): what the command line writes."""
    with collector_paused():
        parts = _Parts(article, include_boilerplate, names_as_terms)
    columns = dict(zip(SENTIMENT_COLUMNS, parts.sentiment))
    terms, counts, per_1000 = parts.terms
    term_rows = zip(terms[:top], counts[:top].tolist(), per_1000[:top].tolist())
    entity_rows = ((e.name, e.type, e.mentions, e.aliases, e.paragraphs) for e in parts.entities.entities[:top])
    return _as_dict(
        article, parts.word_count, parts.summary,
        [columns[name].tolist() for name in _DICT_COLUMNS],
        term_rows, entity_rows, parts.entities.mention_rows,
        include_boilerplate=include_boilerplate, names_as_terms=names_as_terms,
    )


#: The sentiment table's columns a paragraph of the JSON holds (besides its index, kind and text)
_DICT_COLUMNS = ("index", "included", "words", "sentiment", "polarity", "subjectivity", "vader", "disagree")


class _Parts:
    """The computation behind :func:`analyze` and :func:`analysis_dict`: every result as columns or rows."""

    def __init__(self, article: Article, include_boilerplate: bool, names_as_terms: bool) -> None:
        # Entities first: their mentions' spans make names of several words one term.
        self.entities = entities = extract_entities(article, include_boilerplate=include_boilerplate)
        mention_rows = entities.mention_rows
        language = article.language
        spans: dict[int, list[tuple[int, int]]] = {}
        if names_as_terms:
            spans = name_spans_by_paragraph(
                (p, start, end) for _name, _type, surface, p, start, end in mention_rows if len(surface.split()) > 1
            )
        # Each paragraph is tokenised once: its word count feeds the sentiment table, the analysed ones' tokens
        # the terms and the article's word count (the same numbers term_frequencies and word_count give).
        words: list[int] = []
        term_tokens: list[list[str]] = []
        word_count = 0
        for p in article.paragraphs:
            analysed = p.is_analysed(include_boilerplate=include_boilerplate)
            if analysed and p.index in spans:
                tokens, count = tokens_with_names(p.text, spans[p.index], language=language)
            else:
                tokens = tokenize(p.text, language=language)
                count = len(tokens)
            words.append(count)
            if analysed:
                term_tokens.append(tokens)
                word_count += count
        self.word_count = word_count
        self.sentiment, self.summary = sentiment_columns(
            article, include_boilerplate=include_boilerplate, words=words, names=name_spans(article, mention_rows)
        )
        self.terms = unigram_columns(term_tokens, language=language, total=word_count)


def _as_dict(
    article: Article, word_count: int, summary: SentimentSummary, sentiment: list[list], terms: Any, entities: Any,
    mentions: Any, *, include_boilerplate: bool, names_as_terms: bool,
) -> dict[str, Any]:
    """The JSON-safe dict of :meth:`Analysis.to_dict`: ``sentiment`` the sentiment table's :data:`_DICT_COLUMNS`
    as lists, ``terms``, ``entities`` and ``mentions`` the rows of their tables."""
    a = article
    s = summary
    by_index = dict(zip(sentiment[0], zip(*sentiment[1:])))
    paragraphs = []
    for p in a.paragraphs:
        included, words, score, polarity, subjectivity, vader, disagree = by_index[p.index]
        paragraphs.append(
            {
                "index": p.index,
                "kind": p.kind,
                "text": p.text,
                "included": bool(included),
                "words": int(words),
                "sentiment": _number(score),
                "polarity": _number(polarity),
                "subjectivity": _number(subjectivity),
                "vader": _number(vader),
                "disagree": bool(disagree),
            }
        )
    return {
        "title": a.title,
        "authors": list(a.authors),
        "published": a.published.isoformat() if a.published else None,
        "source": a.source,
        "filename": a.filename,
        "language": a.language,
        "word_count": word_count,
        "paragraph_count": len(a.paragraphs),
        "include_boilerplate": include_boilerplate,
        "names_as_terms": names_as_terms,
        "analyser_version": ANALYSER_VERSION,
        "sentiment": {
            "available": s.available,
            "sentiment": s.sentiment,
            "polarity": s.polarity,
            "subjectivity": s.subjectivity,
            "vader": s.vader,
            "disagreements": s.disagreements,
            "reason": s.reason,
        },
        "paragraphs": paragraphs,
        "terms": [{"term": t, "count": int(c), "per_1000": float(f)} for t, c, f in terms],
        "entities": [
            {"name": n, "type": t, "mentions": int(m), "aliases": list(al), "paragraphs": [int(i) for i in ps]}
            for n, t, m, al, ps in entities
        ],
        "mentions": [
            {"name": n, "type": t, "surface": sf, "paragraph": int(p), "start": int(st), "end": int(en)}
            for n, t, sf, p, st, en in mentions
        ],
    }


def _entity_result(table: pd.DataFrame, mentions: pd.DataFrame) -> EntityResult:
    entities = tuple(
        Entity(name=n, type=t, mentions=int(m), aliases=tuple(al), paragraphs=tuple(int(i) for i in ps))
        for n, t, m, al, ps in table[ENTITY_COLUMNS].itertuples(index=False)
    )
    return EntityResult(table=table, mentions=mentions, entities=entities)


def _rows(table: pd.DataFrame, columns: list[str]) -> zip:
    """The rows of ``table``'s ``columns`` as tuples of Python values (faster than ``itertuples``)."""
    return zip(*(table[column].tolist() for column in columns))


def _number(value: Any) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


def _nan(value: float | None) -> float:
    return math.nan if value is None else float(value)
