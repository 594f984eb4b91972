"""How articles differ: summary figures, distinctive terms, sentiment arcs, shared entities, a timeline.

Every function takes analyses (:class:`analysis.pipeline.Analysis`, usually from the library's cache) and
returns a DataFrame with documented columns; articles are named by :func:`article_labels` (their titles,
made unique). The user's entity merges and renames are applied before these functions see the analyses.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.nlp.entities import entity_key
from analysis.errors import StoryscopeError
from analysis.pipeline import Analysis
from analysis.nlp.sentiment import entity_sentiment_rows
from analysis.nlp.terms import keyness, keyness_arrays

#: G2 >= 6.63 is significant at p < 0.01 (one degree of freedom).
G2_P01 = 6.63
#: A term is distinctive of an article only when the article uses it at least this often: one use in a short
#: text can reach G2 >= 6.63 by itself, and that is no evidence.
MIN_DISTINCTIVE_COUNT = 3
#: An article with fewer analysed words than this is too short to have distinctive terms (it still counts in
#: the others' reference).
MIN_DISTINCTIVE_WORDS = 100
#: Two articles whose three-word sequences overlap at least this much (estimated Jaccard) are near-duplicates.
NEAR_DUPLICATE_SIMILARITY = 0.6


class ComparisonError(StoryscopeError):
    """A comparison needs at least two articles."""


#: Columns of :func:`shared_entities`, in order.
SHARED_ENTITY_COLUMNS = ["entity", "name", "type", "aliases", "article", "mentions", "per_1000", "sentiment",
                         "mean_polarity", "articles"]


def display_names(
    titles: Sequence[str | None], ids: Sequence[int | None], filenames: Sequence[str | None] | None = None
) -> list[str]:
    """The one rule naming articles for people (choosers, chart legends, tables, the CLI's JSON): the title
    (else the file name, else "Untitled"); where titles repeat, each is told apart by its library id
    ("Port strike (#7)"), or by its position among these articles ("Port strike (2nd)") when it is not in the
    library."""
    names = []
    for i, title in enumerate(titles):
        filename = filenames[i] if filenames is not None else None
        names.append(str(title).strip() if isinstance(title, str) and title.strip() else (filename or "Untitled"))
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return [
        name if counts[name] == 1 else f"{name} (#{ids[i]})" if ids[i] is not None else f"{name} ({_ordinal(i + 1)})"
        for i, name in enumerate(names)
    ]


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def article_labels(analyses: Sequence[Analysis]) -> list[str]:
    """One label per analysis, by :func:`display_names` (library ids from ``Analysis.article_id``)."""
    return display_names([a.article.title for a in analyses], [a.article_id for a in analyses],
                         [a.article.filename for a in analyses])


def comparison_summary(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per article.

    Columns: article (label), published (date or None), words (analysed word tokens), paragraphs
    (analysed paragraphs), sentiment (the news score, the default), polarity, subjectivity (TextBlob's), vader
    (word-weighted means; NaN when unavailable),
    lexical_density (content-word tokens / all word tokens, within [0, 1]), entities (distinct entities).
    """
    rows = []
    for label, a in zip(article_labels(analyses), analyses):
        s = a.sentiment_summary
        content = int(a.terms["count"].sum())
        rows.append(
            {
                "article": label,
                "published": a.article.published,
                "words": a.word_count,
                "paragraphs": int(a.sentiment["included"].sum()),
                "sentiment": s.sentiment if s.available and s.sentiment is not None else np.nan,
                "polarity": s.polarity if s.available else np.nan,
                "subjectivity": s.subjectivity if s.available else np.nan,
                "vader": s.vader if s.available else np.nan,
                "lexical_density": content / a.word_count if a.word_count else np.nan,
                "entities": len(a.entities.table),
            }
        )
    return pd.DataFrame(rows, columns=["article", "published", "words", "paragraphs", "sentiment", "polarity",
                                       "subjectivity", "vader", "lexical_density", "entities"])


def terms_side_by_side(analyses: Sequence[Analysis], *, top: int = 10) -> pd.DataFrame:
    """Terms per 1,000 words in every article, for the union of each article's ``top`` terms.

    Long format, columns: term, article (label), count, per_1000 (0 where the article lacks the term).
    Terms are ordered by their highest rate in any article.
    """
    labels = article_labels(analyses)
    chosen: list[str] = []
    for a in analyses:
        chosen.extend(t for t in a.terms["term"].head(top) if t not in chosen)
    rows = []
    for label, a in zip(labels, analyses):
        counts = dict(zip(a.terms["term"], a.terms["count"]))
        for term in chosen:
            count = int(counts.get(term, 0))
            rows.append((term, label, count, count / a.word_count * 1000 if a.word_count else 0.0))
    table = pd.DataFrame(rows, columns=["term", "article", "count", "per_1000"])
    order = table.groupby("term")["per_1000"].max().sort_values(ascending=False).index
    table["term"] = pd.Categorical(table["term"], categories=list(order), ordered=True)
    return table.sort_values(["term", "article"]).assign(term=lambda t: t["term"].astype(str)).reset_index(drop=True)


def distinctive_terms(
    analyses: Sequence[Analysis], *, min_g2: float = G2_P01, top: int | None = 20,
    min_count: int = MIN_DISTINCTIVE_COUNT, min_words: int = MIN_DISTINCTIVE_WORDS,
) -> pd.DataFrame:
    """Each article's terms against all the others together (log-likelihood keyness).

    Only terms the article over-uses (log_ratio > 0) with g2 >= ``min_g2`` (default: p < 0.01) and at least
    ``min_count`` uses in the article are kept, strongest first per article, at most ``top`` per article (all
    when None). An article with fewer than ``min_words`` analysed words has none (see :func:`too_short`).
    Columns: article (label), term, count, reference_count, g2, log_ratio.
    """
    if len(analyses) < 2:
        raise ComparisonError("Choose at least two articles to compare: keyness needs a reference.")
    labels = article_labels(analyses)
    terms = [a.terms["term"].to_numpy(dtype=object) for a in analyses]
    counts = [a.terms["count"].to_numpy(dtype="float64") for a in analyses]
    totals = np.array([a.word_count for a in analyses])
    # Every article's counts summed over one shared vocabulary (positions, not index alignment: 200
    # articles take a fraction of a second). The reference of an article only matters for its own terms.
    vocabulary = pd.Index(pd.unique(np.concatenate(terms)))
    positions = [vocabulary.get_indexer(t) for t in terms]
    overall = np.zeros(len(vocabulary))
    for where, count in zip(positions, counts):
        np.add.at(overall, where, count)
    everything = float(totals.sum())
    columns: list[list[np.ndarray]] = [[], [], [], [], []]
    sizes = []
    for term, count, where, total in zip(terms, counts, positions, totals):
        reference_total = everything - total
        if not reference_total > 0:  # keyness says so, in its words
            keyness(pd.Series(count, index=term), pd.Series(np.zeros(len(term)), index=term),
                    total=int(total), reference_total=int(reference_total))
        present = count > 0
        found = keyness_arrays(term[present], count[present], overall[where][present] - count[present],
                               float(total), reference_total)
        keep = np.flatnonzero((found[4] > 0) & (found[3] >= min_g2) & (found[1] >= min_count))
        if total < min_words:  # too short to have distinctive terms (still part of the others' reference)
            keep = keep[:0]
        keep = keep[:top] if top is not None else keep
        for column, values in zip(columns, found):
            column.append(values[keep])
        sizes.append(len(keep))
    term_column, count_column, reference_column, g2, log_ratio = (np.concatenate(c) for c in columns)
    return pd.DataFrame(
        {
            "article": np.repeat(np.array(labels, dtype=object), sizes),
            "term": pd.Series(term_column, dtype="str"),
            "count": count_column.astype("int64"),
            "reference_count": reference_column.astype("int64"),
            "g2": g2,
            "log_ratio": log_ratio,
        }
    )


def too_short(analyses: Sequence[Analysis], *, min_words: int = MIN_DISTINCTIVE_WORDS) -> list[tuple[str, int]]:
    """(label, analysed words) of each article too short to have distinctive terms, in order."""
    return [(label, a.word_count) for label, a in zip(article_labels(analyses), analyses) if a.word_count < min_words]


def _shingles(analysis: Analysis, size: int = 3) -> set[str]:
    from analysis.nlp.terms import tokenize

    words = [t for p in analysis.article.analysed_paragraphs(include_boilerplate=analysis.include_boilerplate)
             for t in tokenize(p.text, language=analysis.article.language)]
    return {" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1 if words else 0))}


def near_duplicates(
    analyses: Sequence[Analysis], *, threshold: float = NEAR_DUPLICATE_SIMILARITY, permutations: int = 128
) -> pd.DataFrame:
    """Pairs of articles that tell the same story in the same words (re-headlined, re-run, lightly edited).

    Each article's three-word sequences (of its analysed paragraphs) are summarised by a MinHash (datasketch);
    a pair whose estimated Jaccard similarity is at least ``threshold`` is listed. Such a pair has few or no
    distinctive terms against each other: what one says, the other says too.
    Columns: first, second (labels, in the order given), similarity (estimated share of shared three-word
    sequences, within [0, 1]). Most similar first.
    """
    columns = ["first", "second", "similarity"]
    if len(analyses) < 2:
        return pd.DataFrame(columns=columns)
    from datasketch import MinHash, MinHashLSH

    labels = article_labels(analyses)
    hashes = []
    for a in analyses:
        m = MinHash(num_perm=permutations, seed=1)
        m.update_batch([s.encode("utf-8") for s in _shingles(a)])
        hashes.append(m)
    # Candidate pairs from locality-sensitive hashing, so 200 articles are not 20,000 comparisons.
    index = MinHashLSH(threshold=max(0.1, threshold * 0.8), num_perm=permutations)
    for k, m in enumerate(hashes):
        if not m.is_empty():
            index.insert(str(k), m)
    pairs = set()
    for k, m in enumerate(hashes):
        if m.is_empty():
            continue
        for other in index.query(m):
            j = int(other)
            if j != k:
                pairs.add((min(j, k), max(j, k)))
    rows = []
    for i, j in sorted(pairs):
        similarity = float(hashes[i].jaccard(hashes[j]))
        if similarity >= threshold:
            rows.append((labels[i], labels[j], similarity))
    return pd.DataFrame(rows, columns=columns).sort_values("similarity", ascending=False, kind="stable").reset_index(
        drop=True)


def sentiment_arcs(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """Each article's paragraph sentiment on a 0-100 % position axis, for overlaying.

    Columns: article (label), index (paragraph index), position (0 = first analysed paragraph, 100 = last),
    sentiment (the news score), polarity (TextBlob), vader, opening (the paragraph's first words). Only analysed paragraphs; articles without
    sentiment (not English) have no rows.
    """
    frames = []
    for label, a in zip(article_labels(analyses), analyses):
        used = a.sentiment[a.sentiment["included"] & a.sentiment["polarity"].notna()]
        if used.empty:
            continue
        n = len(used)
        position = np.linspace(0, 100, n) if n > 1 else np.array([50.0])
        frames.append(pd.DataFrame({
            "article": label, "index": used["index"].to_numpy(), "position": position,
            "sentiment": used["sentiment"].to_numpy(), "polarity": used["polarity"].to_numpy(),
            "vader": used["vader"].to_numpy(), "opening": used["opening"].to_numpy(),
        }))
    columns = ["article", "index", "position", "sentiment", "polarity", "vader", "opening"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


@dataclass
class _Links:
    parent: dict[str, str] = field(default_factory=dict)

    def find(self, key: str) -> str:
        root = key
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, keys: Iterable[str]) -> None:
        keys = list(keys)
        for other in keys[1:]:
            a, b = self.find(keys[0]), self.find(other)
            if a != b:
                self.parent[b] = a


def shared_entities(analyses: Sequence[Analysis]) -> pd.DataFrame:
    """One row per entity and article, an entity being one row whatever each article calls it.

    Two entities of different articles are the same when any of their names or aliases have the same
    :func:`analysis.nlp.entities.entity_key` (so "Crook" links to "Élmer Canales Rivera" when either article
    gives the alias, and MS-13 to MS13).
    Columns: entity (a stable id: the key of its linked group), name (the fullest name in any article),
    type, aliases (every other name, sorted), article (label), mentions, per_1000 (mentions per 1,000 words
    of that article), sentiment (the news score of that article's sentences that mention it, word-weighted:
    :func:`analysis.nlp.sentiment.entity_sentiment`), mean_polarity (mean TextBlob polarity of that article's
    paragraphs that mention it), both NaN when the article has no sentiment, articles (in how many of the
    compared articles it appears).
    """
    labels = article_labels(analyses)
    links = _Links()
    records = []
    for label, a in zip(labels, analyses):
        polarity = dict(zip(a.sentiment["index"].tolist(), a.sentiment["polarity"].tolist()))
        # the sentence scores cached with the analysis are summed, not computed again
        toward = entity_sentiment_rows(a.article, a.entities.mentions, scored=a.entity_sentences)
        feeling = {name: score for name, _type, _sentences, score in toward}
        for e in a.entities.entities:  # the table's rows as records (no pandas row objects)
            names = [e.name, *e.aliases]
            keys = [k for k in (entity_key(n) for n in names) if k]
            if not keys:
                continue
            links.union(keys)
            scores = [polarity[p] for p in e.paragraphs if p in polarity]
            scores = [x for x in scores if x == x]  # NaN (no sentiment) left out, as pandas' mean does
            mean = float(np.mean(scores)) if scores else np.nan
            records.append((keys[0], names, e.type, label, int(e.mentions),
                            e.mentions / a.word_count * 1000 if a.word_count else 0.0,
                            feeling.get(e.name, np.nan), mean))
    columns = SHARED_ENTITY_COLUMNS
    if not records:
        return pd.DataFrame(columns=columns)
    roots = [links.find(key) for key, *_ in records]
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for root, (_, names, etype, *_) in zip(roots, records):
        group_names, group_types = groups.setdefault(root, ([], []))
        group_names.extend(names)
        group_types.append(etype)
    # Each linked group's name (its fullest), aliases and type, worked out once per group (not once per row:
    # that was quadratic in the number of articles sharing an entity).
    described = {}
    for root, (group_names, group_types) in groups.items():
        name = max(group_names, key=_fullness)
        described[root] = (name, max(set(group_types), key=group_types.count),
                           tuple(sorted({n for n in group_names if n != name})))
    rows = []
    for root, (_, _, _, label, mentions, per_1000, sentiment, mean) in zip(roots, records):
        name, etype, aliases = described[root]
        rows.append((root, name, etype, aliases, label, mentions, per_1000, sentiment, mean))
    table = pd.DataFrame(rows, columns=columns[:-1])
    # One row per entity and article even when an article had two entities that link to one.
    table = (
        table.groupby(["entity", "article"], sort=False)
        .agg(name=("name", "first"), type=("type", "first"), aliases=("aliases", "first"),
             mentions=("mentions", "sum"), per_1000=("per_1000", "sum"), sentiment=("sentiment", "mean"),
             mean_polarity=("mean_polarity", "mean"))
        .reset_index()
    )
    table["articles"] = table.groupby("entity")["article"].transform("nunique")
    table = table.sort_values(["articles", "mentions"], ascending=[False, False], kind="stable")
    return table[columns].reset_index(drop=True)


def _fullness(name: str) -> tuple[int, int]:
    """How full a name is: more words first, then more characters."""
    return len(name.split()), len(name)


#: Where a sentence ends, for the polarity of the sentences around an entity or term.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def _naming(names: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def sentence_sentiment(analysis: Analysis, names: Iterable[str]) -> tuple[float, int]:
    """Mean news score (:func:`analysis.nlp.news_sentiment.news_sentiment`, the dashboard's default score) of the
    analysed sentences that name any of ``names`` (an entity's name and aliases, or a term), the names themselves
    masked as in :func:`analysis.nlp.sentiment.entity_sentiment`; and how many sentences there are. (NaN, 0) when
    none does or the article has no sentiment (not English). Within [-1, 1]. Sentences are cut at . ! ? … and a
    space.
    """
    from analysis.nlp.news_sentiment import news_sentiment

    pattern = _naming(names)
    if pattern is None or not analysis.sentiment_summary.available:
        return float("nan"), 0
    scores = [
        news_sentiment(sentence, masked=[m.span() for m in pattern.finditer(sentence)])
        for p in analysis.article.analysed_paragraphs(include_boilerplate=analysis.include_boilerplate)
        for sentence in _sentences(p.text)
        if pattern.search(sentence)
    ]
    return (float(np.mean(scores)) if scores else float("nan")), len(scores)


def timeline(
    analyses: Sequence[Analysis], *, items: Sequence[str] = (), entities: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Per dated article and chosen entity or term: how often it is named, and the tone of the sentences naming it.

    ``items`` are entity names (any alias) or terms. Articles without a publication date are left out.
    ``entities``: the :func:`shared_entities` table of these same analyses when it is already at hand
    (computed here otherwise).
    Columns: published (date), article (label), item, value (mentions per 1,000 words), sentiment (mean news
    score of the article's sentences that name the item, within [-1, 1]; NaN when none does: see
    :func:`sentence_sentiment`), sentences (how many sentences that mean is over). Ordered by date.
    """
    labels = article_labels(analyses)
    if items and entities is None:
        entities = shared_entities(analyses)
    # Each item's per-1,000 rate in each article where it names an entity (any of its names or aliases).
    rates: dict[str, dict[str, float]] = {}
    names: dict[str, dict[str, set[str]]] = {}
    if items and not entities.empty:
        keys = [{entity_key(n) for n in (name, *aliases)}
                for name, aliases in zip(entities["name"], entities["aliases"])]
        for item in items:
            key = entity_key(item)
            match = entities[[key in k for k in keys]]
            rates[item] = match.groupby("article")["per_1000"].sum().astype(float).to_dict()
            names[item] = {}
            for row in match.itertuples(index=False):
                names[item].setdefault(row.article, set()).update([row.name, *row.aliases])
    rows = []
    for label, a in zip(labels, analyses):
        if a.article.published is None:
            continue
        counts = dict(zip(a.terms["term"], a.terms["count"]))
        for item in items:
            if label in rates.get(item, {}):
                value = rates[item][label]
                called = names[item].get(label, set()) | {item}
            else:
                value = counts.get(item.lower(), 0) / a.word_count * 1000 if a.word_count else 0.0
                called = {item}
            sentiment, sentences = sentence_sentiment(a, called) if value else (float("nan"), 0)
            rows.append((a.article.published, label, item, value, sentiment, sentences))
    return pd.DataFrame(rows, columns=["published", "article", "item", "value", "sentiment", "sentences"]).sort_values(
        ["published", "article"], kind="stable").reset_index(drop=True)
