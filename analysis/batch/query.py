"""Questions over a batch output, answered by DuckDB reading the Parquet files in place.

The raw tables (``articles``, ``paragraphs``, ``terms``, ``entities``, ``errors``) can be read as they are with
:func:`analysis.batch.folder.parquet_glob`. For answers in well under two seconds on millions of articles, the
questions below read a *rollup*: compact Parquet files under ``DIR/_rollup`` that DuckDB builds from the raw
tables at the end of each batch run (and again, here, whenever the output changed since):

- ``articles.parquet``: the articles table without lists, in one file.
- ``term_months.parquet``: month, term, count (sum over articles), articles (how many use it).
- ``entity_months.parquet``: month, source, key, name (the most mentioned full spelling), type, mentions,
  articles. An entity named in an article only by a short form that the archive's other articles give as the
  alias of exactly one entity ("Bukele" for "Nayib Bukele") is counted under that entity's key.
- ``entity_articles.parquet``: key (of the entity's name and of each alias), id, month, name, type, mentions;
  sorted by key, so finding the articles that mention one entity reads a few row groups.

Every function returns a DataFrame with the columns its docstring lists.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from pathlib import Path
from typing import Literal

import pandas as pd

from analysis.batch import folder as fo
from analysis.errors import InvalidOptionError

ROLLUP_FILES = ("articles", "term_months", "entity_months", "entity_articles")
STAMP = "stamp.json"
ENTITY_TYPES = ("person", "organisation", "place", "other")


def _connect():
    import duckdb

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    return con


def output_stamp(out: str | os.PathLike[str]) -> str:
    """A hash of the committed tasks: changes whenever a run adds to the output (cheap: one folder listing)."""
    keys = sorted(fo.committed_tasks(Path(out)))
    return hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]


def build_rollup(out: str | os.PathLike[str], *, memory_limit: str | None = None) -> Path:
    """(Re)build the rollup of ``out`` with DuckDB; each file written beside, then renamed; the stamp last."""
    out = Path(out)
    fo.settings(out)
    rollup = out / fo.ROLLUP
    rollup.mkdir(exist_ok=True)
    stamp = output_stamp(out)
    have = {t: any(True for p, _ in fo.task_files(out) if p.is_relative_to(out / t)) for t in
            ("articles", "terms", "entities")}
    con = _connect()
    if memory_limit:
        con.execute(f"SET memory_limit = '{memory_limit}'")
    con.execute(f"SET temp_directory = '{rollup / '.duckdb-tmp'}'")

    def src(table: str) -> str:
        return f"read_parquet('{fo.parquet_glob(out, table)}', union_by_name = true, hive_partitioning = false)"

    queries = {}
    if have["articles"]:
        queries["articles"] = f"SELECT * EXCLUDE (authors) FROM {src('articles')} ORDER BY month, id"
    else:
        queries["articles"] = ("SELECT NULL::VARCHAR AS id, NULL::VARCHAR AS month, NULL::VARCHAR AS title, "
                               "NULL::DATE AS published, NULL::VARCHAR AS source, NULL::VARCHAR AS url, "
                               "NULL::VARCHAR AS origin, NULL::BIGINT AS word_count LIMIT 0")
    if have["terms"]:
        queries["term_months"] = (f"SELECT month, term, sum(count)::BIGINT AS count, count(*)::BIGINT AS articles "
                                  f"FROM {src('terms')} GROUP BY month, term ORDER BY month, count DESC")
    else:
        queries["term_months"] = ("SELECT NULL::VARCHAR AS month, NULL::VARCHAR AS term, NULL::BIGINT AS count, "
                                  "NULL::BIGINT AS articles LIMIT 0")
    if have["entities"] and have["articles"]:
        # An entity an article names only by a short form ("Bukele") joins the entity that other articles give
        # that short form to as an alias ("Nayib Bukele"), when the short form is the alias of exactly one entity
        # in the whole archive (a "Smith" shared by several people stays apart).
        con.execute(
            f"CREATE TEMP TABLE canon AS SELECT alias AS key, any_value(full_key) AS canonical FROM "
            f"(SELECT DISTINCT unnest(alias_keys) AS alias, key AS full_key FROM {src('entities')}) "
            f"WHERE alias <> full_key GROUP BY alias HAVING count(*) = 1")
        linked = (f"(SELECT e.*, coalesce(c.canonical, e.key) AS linked, c.canonical IS NULL AS full_name "
                  f"FROM {src('entities')} e LEFT JOIN canon c USING (key))")
        queries["entity_months"] = (
            f"SELECT e.month, a.source, e.linked AS key, arg_max(e.name, e.full_name::BIGINT * 1000000000000 + "
            f"e.mentions) AS name, mode(e.type) AS type, sum(e.mentions)::BIGINT AS mentions, "
            f"count(*)::BIGINT AS articles "
            f"FROM {linked} e JOIN (SELECT id, source FROM {src('articles')}) a USING (id) "
            f"GROUP BY e.month, a.source, e.linked ORDER BY e.month, mentions DESC")
        queries["entity_articles"] = (
            f"SELECT unnest(list_distinct(list_prepend(linked, list_prepend(key, coalesce(alias_keys, []))))) AS key, "
            f"id, month, name, type, mentions FROM {linked} ORDER BY key, mentions DESC")
    else:
        queries["entity_months"] = ("SELECT NULL::VARCHAR AS month, NULL::VARCHAR AS source, NULL::VARCHAR AS key, "
                                    "NULL::VARCHAR AS name, NULL::VARCHAR AS type, NULL::BIGINT AS mentions, "
                                    "NULL::BIGINT AS articles LIMIT 0")
        queries["entity_articles"] = ("SELECT NULL::VARCHAR AS key, NULL::VARCHAR AS id, NULL::VARCHAR AS month, "
                                      "NULL::VARCHAR AS name, NULL::VARCHAR AS type, NULL::BIGINT AS mentions LIMIT 0")
    for name, sql in queries.items():
        tmp = rollup / f".{name}.{uuid.uuid4().hex}.tmp"
        con.execute(f"COPY ({sql}) TO '{tmp}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)")
        os.replace(tmp, rollup / f"{name}.parquet")
    con.close()
    fo.write_atomically(rollup / STAMP, json.dumps({"tasks": stamp}).encode())
    return rollup


def ensure_rollup(out: str | os.PathLike[str]) -> Path:
    """The rollup of ``out``, rebuilt first if the output changed since it was built (or it was never built)."""
    out = Path(out)
    fo.settings(out)
    rollup = out / fo.ROLLUP
    try:
        current = json.loads((rollup / STAMP).read_text(encoding="utf-8")).get("tasks")
    except (OSError, ValueError):
        current = None
    if current != output_stamp(out) or not all((rollup / f"{n}.parquet").exists() for n in ROLLUP_FILES):
        build_rollup(out)
    return rollup


class Archive:
    """A batch output folder opened for questions. ``Archive(DIR)`` checks it is one and refreshes its rollup."""

    def __init__(self, folder: str | os.PathLike[str]):
        self.folder = Path(folder)
        self.rollup = ensure_rollup(self.folder)
        self.con = _connect()
        for name in ROLLUP_FILES:
            self.con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{self.rollup / (name + '.parquet')}')")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _df(self, sql: str, params: list | None = None) -> pd.DataFrame:
        # A cursor per question: one DuckDB connection must not be used by two threads at once (the dashboard).
        with self.con.cursor() as cur:
            return cur.execute(sql, params or []).df()

    def summary(self) -> dict:
        """articles, words, months (dated months), sources, first and last month, errors."""
        row = self.con.cursor().execute(
            "SELECT count(*), coalesce(sum(word_count), 0), count(DISTINCT month) FILTER (WHERE month <> 'unknown'), "
            "count(DISTINCT source), min(month) FILTER (WHERE month <> 'unknown'), "
            "max(month) FILTER (WHERE month <> 'unknown') FROM articles").fetchone()
        errors = 0
        if any((self.folder / "errors").glob("part-*.parquet")):
            errors = self.con.cursor().execute(
                f"SELECT count(*) FROM read_parquet('{self.folder / 'errors' / 'part-*.parquet'}')").fetchone()[0]
        return {"articles": int(row[0]), "words": int(row[1]), "months": int(row[2]), "sources": int(row[3]),
                "first_month": row[4], "last_month": row[5], "errors": int(errors)}

    def entities(self, *, top: int = 20, by: Literal["month", "source"] | None = None,
                 type: str | None = None) -> pd.DataFrame:
        """The ``top`` most mentioned entities: DataFrame[entity, type, mentions, articles] (key also), or with
        ``by`` one row per entity and month (or source): DataFrame[month|source, entity, type, mentions, articles]."""
        _check("by", by, (None, "month", "source"))
        _check("type", type, (None, *ENTITY_TYPES))
        where, params = ("WHERE type = ?", [type]) if type else ("", [])
        top_sql = (f"SELECT key, arg_max(name, mentions) AS entity, mode(type) AS type, sum(mentions)::BIGINT AS "
                   f"mentions, sum(articles)::BIGINT AS articles FROM entity_months {where} GROUP BY key "
                   f"ORDER BY mentions DESC, entity LIMIT {int(top)}")
        if by is None:
            return self._df(top_sql, params)[["entity", "type", "mentions", "articles", "key"]]
        dim = "coalesce(source, '(no source)')" if by == "source" else "month"
        sql = (f"WITH top AS ({top_sql}) SELECT {dim} AS {by}, t.entity, t.type, sum(e.mentions)::BIGINT AS mentions, "
               f"sum(e.articles)::BIGINT AS articles, t.key FROM entity_months e JOIN top t USING (key) "
               f"{'WHERE e.type = ?' if type else ''} GROUP BY ALL ORDER BY {by}, mentions DESC")
        return self._df(sql, params + params)

    def terms(self, *, top: int = 20, by: Literal["month"] | None = None) -> pd.DataFrame:
        """The ``top`` most frequent terms: DataFrame[term, count, articles, per_1000] (per 1,000 analysed words
        of the whole archive), or with ``by="month"`` one row per term and month:
        DataFrame[month, term, count, articles, per_1000] (per 1,000 words of that month)."""
        _check("by", by, (None, "month"))
        top_sql = (f"SELECT term, sum(count)::BIGINT AS count, sum(articles)::BIGINT AS articles FROM term_months "
                   f"GROUP BY term ORDER BY count DESC, term LIMIT {int(top)}")
        if by is None:
            return self._df(f"WITH top AS ({top_sql}), w AS (SELECT sum(word_count) AS words FROM articles) "
                            f"SELECT term, count, articles, count * 1000.0 / nullif(words, 0) AS per_1000 "
                            f"FROM top, w ORDER BY count DESC, term")
        return self._df(
            f"WITH top AS ({top_sql}), w AS (SELECT month, sum(word_count) AS words FROM articles GROUP BY month) "
            f"SELECT m.month, m.term, m.count, m.articles, m.count * 1000.0 / nullif(w.words, 0) AS per_1000 "
            f"FROM term_months m JOIN top USING (term) JOIN w USING (month) ORDER BY m.month, m.count DESC")

    def sentiment(self, *, by: Literal["month", "source"] | None = "month") -> pd.DataFrame:
        """Word-weighted mean sentiment of the articles that have one: DataFrame[month|source, articles, words,
        and one column per sentiment score (polarity, subjectivity, vader ...)]; one row when ``by`` is None."""
        _check("by", by, (None, "month", "source"))
        scores = self.sentiment_scores()
        means = ", ".join(f"sum(sentiment_{s} * word_count) / nullif(sum(word_count), 0) AS {s}" for s in scores)
        means = (", " + means) if means else ""
        available = "WHERE sentiment_available" if self._has_column("sentiment_available") else ""
        if by is None:
            return self._df(f"SELECT count(*)::BIGINT AS articles, sum(word_count)::BIGINT AS words{means} "
                            f"FROM articles {available}")
        dim = "coalesce(source, '(no source)')" if by == "source" else "month"
        return self._df(f"SELECT {dim} AS {by}, count(*)::BIGINT AS articles, sum(word_count)::BIGINT AS words"
                        f"{means} FROM articles {available} GROUP BY 1 ORDER BY 1")

    def sentiment_scores(self) -> list[str]:
        """The article-level sentiment scores the output holds (numeric ``sentiment_*`` columns but counts)."""
        rows = self.con.cursor().execute("DESCRIBE articles").fetchall()
        return [name.removeprefix("sentiment_") for name, kind, *_ in rows
                if name.startswith("sentiment_") and kind in ("DOUBLE", "FLOAT")]

    def _has_column(self, column: str) -> bool:
        return any(r[0] == column for r in self.con.cursor().execute("DESCRIBE articles").fetchall())

    def articles(self, *, entity: str | None = None, term: str | None = None, month: str | None = None,
                 source: str | None = None, limit: int = 50) -> pd.DataFrame:
        """Articles (those mentioning ``entity`` by any of its names, most mentions first; or using ``term``,
        most uses first; of ``month``; of ``source``): DataFrame[id, title, published, month, source,
        mentions (entity) or count (term), entity, polarity, vader, origin]."""
        conds, params = [], []
        if month:
            conds.append("a.month = ?")
            params.append(month)
        if source:
            conds.append("a.source = ?" if source != "(no source)" else "a.source IS NULL")
            if source != "(no source)":
                params.append(source)
        score = {s: f"a.sentiment_{s}" for s in ("polarity", "vader") if s in self.sentiment_scores()}
        scores = ", ".join(f"{col} AS {s}" for s, col in score.items())
        scores = (", " + scores) if scores else ""
        if entity:
            from analysis.nlp.entities import entity_key

            where = " AND ".join(["e.key = ?", *conds])
            sql = (f"SELECT a.id, a.title, a.published, a.month, a.source, max(e.mentions)::BIGINT AS mentions, "
                   f"arg_max(e.name, e.mentions) AS entity{scores}, a.origin FROM entity_articles e "
                   f"JOIN articles a USING (id) WHERE {where} GROUP BY ALL "
                   f"ORDER BY mentions DESC, a.published DESC NULLS LAST, a.id LIMIT {int(limit)}")
            return self._df(sql, [entity_key(entity), *params])
        if term:  # the raw terms table (of the month's folder when partitioned by month)
            files = self.folder / "terms"
            if month and fo.settings(self.folder).get("partition_by") == "month":
                files = files / f"month={month}"
            src = f"read_parquet('{files / '**' / 'part-*.parquet'}', hive_partitioning = false, union_by_name = true)"
            where = " AND ".join(["t.term = ?", *conds])
            return self._df(f"SELECT a.id, a.title, a.published, a.month, a.source, t.count{scores}, a.origin "
                            f"FROM {src} t JOIN articles a USING (id) WHERE {where} "
                            f"ORDER BY t.count DESC, a.id LIMIT {int(limit)}", [term, *params])
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        return self._df(f"SELECT a.id, a.title, a.published, a.month, a.source{scores}, a.origin FROM articles a "
                        f"{where} ORDER BY a.published DESC NULLS LAST, a.id LIMIT {int(limit)}", params)

    def article_text(self, id: str) -> dict:
        """One article's title, source, published date and text (its paragraphs joined by blank lines), read
        from the ``paragraphs`` table; KeyError when the output does not hold it."""
        with self.con.cursor() as cur:
            row = cur.execute("SELECT title, source, published, month FROM articles WHERE id = ?", [id]).fetchone()
        if row is None:
            raise KeyError(id)
        title, source, published, month = row
        where = self.folder / "paragraphs"
        settings = fo.settings(self.folder)
        files = where / f"month={month}" if settings.get("partition_by") == "month" else where
        with self.con.cursor() as cur:
            paragraphs = cur.execute(
                f"SELECT text FROM read_parquet('{files / 'part-*.parquet'}', hive_partitioning = false, "
                f"union_by_name = true) WHERE id = ? ORDER BY \"index\"", [id]).fetchall()
        return {"title": title, "source": source, "published": published,
                "text": "\n\n".join(t for (t,) in paragraphs)}


    def add_to_library(self, library, ids) -> list:
        """Copy the articles ``ids`` (text, title, source, publication date) into ``library`` (an
        :class:`analysis.store.library.Library`); returns one ``AddResult`` per id ("added" or "duplicate").
        Raises KeyError for an id the archive does not hold."""
        results = []
        for id in ids:
            article = self.article_text(id)
            result = library.add_text(article["text"], title=article["title"], source=article["source"])
            if result.status == "added" and article["published"] is not None:
                library.update(result.id, published=article["published"])
            results.append(result)
        return results

def _check(name: str, value, allowed) -> None:
    if value not in allowed:
        raise InvalidOptionError(name, value, set(a for a in allowed if a is not None))
