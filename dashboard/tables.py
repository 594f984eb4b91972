"""DataFrames shaped for the dashboard's charts and tables, built from analysis results.

Pure functions (no Streamlit). Each returns the table that a chart draws and that its CSV download holds.
Comparisons are computed in :mod:`analysis.compare`; only display shaping lives here.
"""

from __future__ import annotations

import pandas as pd

from analysis.models import Article

PARAGRAPH_COLUMNS = [
    "paragraph", "kind", "included", "sentiment", "polarity", "subjectivity", "vader", "disagree", "text",
]


def paragraph_table(article: Article, sentiment: pd.DataFrame) -> pd.DataFrame:
    """Each paragraph's text beside its scores, in article order.

    ``sentiment``: DataFrame[index, kind, included, ..., sentiment, polarity, subjectivity, vader, disagree] from
    :func:`analysis.nlp.sentiment.paragraph_sentiment`. Returns DataFrame[paragraph (numbered from 1), kind,
    included, sentiment, polarity, subjectivity, vader, disagree, text].
    """
    texts = {p.index: p.text for p in article.paragraphs}
    table = sentiment[["index", "kind", "included", "sentiment", "polarity", "subjectivity", "vader", "disagree"]].copy()
    table["text"] = table["index"].map(texts).fillna("")
    table["index"] = table["index"] + 1
    return table.rename(columns={"index": "paragraph"})[PARAGRAPH_COLUMNS].reset_index(drop=True)


def sentiment_explanation(figures: dict | None) -> str:
    """One line saying what each sentiment score is and how well it agrees with people on news.

    ``figures``: what ``benchmarks/bench_sentiment.py`` measured (:func:`analysis.nlp.news_sentiment.agreement`),
    or None when it has not been run (the line then says what each score is only).
    """
    from analysis.nlp.news_sentiment import news_squash

    bound = 1.0 / news_squash()  # the score's curve, tanh(k x) / k, never reaches past 1 / k
    what = ("**Sentiment** is Storyscope's news score (VADER's lexicon and rules read as news: names left out, "
            "negation scoped, news words, people's happiness ratings of common words, valences guessed from word "
            "vectors for the rest, its strongest words and how densely they stand, word weights learnt from rated "
            f"sentences), −{bound:.2f} to +{bound:.2f}; "
            "**polarity** (−1 to +1) and **subjectivity** (0 factual to 1 opinion) are TextBlob's; **VADER** is "
            "VADER's own compound score (−1 to +1).")
    if not figures:
        return what
    news = figures["news"]
    r = news["per_sentence"]
    per_editorial = news["per_editorial"]
    return (f"{what} Agreement with people's ratings of New York Times editorial sentences (Pearson r, per sentence "
            f"/ per editorial): sentiment {r['news']:.3f} / {per_editorial['news']:.3f}, TextBlob polarity "
            f"{r['polarity']:.3f} / {per_editorial['polarity']:.3f}, VADER {r['vader']:.3f} / "
            f"{per_editorial['vader']:.3f}.")


def entity_sentiment_table(entities: pd.DataFrame, toward: pd.DataFrame) -> pd.DataFrame:
    """The entities shown, with the sentiment of the sentences that mention each.

    ``entities``: DataFrame[name, type, mentions, ...]; ``toward``: DataFrame[name, type, sentences, sentiment]
    from :func:`analysis.nlp.sentiment.entity_sentiment`. Returns DataFrame[name, type, mentions, sentences,
    sentiment] in ``entities``' order.
    """
    scores = toward.set_index("name")
    table = entities[["name", "type", "mentions"]].copy()
    table["sentences"] = table["name"].map(scores["sentences"]).fillna(0).astype("int64")
    table["sentiment"] = table["name"].map(scores["sentiment"]).astype("float64")
    return table.reset_index(drop=True)


def sentiment_download(sentiment: pd.DataFrame) -> pd.DataFrame:
    """The sentiment chart's CSV: ``paragraph`` (numbered from 1, as on the chart's axis) first, then every
    column of :func:`analysis.nlp.sentiment.paragraph_sentiment` (``index`` still counts from 0)."""
    return sentiment.assign(paragraph=sentiment["index"] + 1)[["paragraph", *sentiment.columns]]


def alias_table(entities: pd.DataFrame) -> pd.DataFrame:
    """The entity table for display: DataFrame[name, type, mentions, aliases, paragraphs].

    ``aliases`` and ``paragraphs`` (tuples in ``EntityResult.table``) become readable strings
    (``"Crook; Canales"``, paragraphs numbered from 1: ``"2, 5, 9"``).
    """
    table = entities[["name", "type", "mentions", "aliases", "paragraphs"]].copy()
    table["aliases"] = table["aliases"].map(lambda a: "; ".join(a) if isinstance(a, (list, tuple)) else str(a or ""))
    table["paragraphs"] = table["paragraphs"].map(
        lambda ps: ", ".join(str(int(p) + 1) for p in ps) if isinstance(ps, (list, tuple)) else str(ps or "")
    )
    return table.reset_index(drop=True)


def default_article_id(articles: pd.DataFrame) -> int | None:
    """The article the dashboard opens on: the first seed (lowest id), else the first article, else None.

    ``articles``: DataFrame[id, title, ..., seed, ...] as ``Library.list_articles`` returns.
    """
    if articles.empty:
        return None
    seeds = articles[articles["seed"].astype(bool)] if "seed" in articles else articles.iloc[0:0]
    chosen = seeds if not seeds.empty else articles
    return int(chosen["id"].min())


def article_labels(articles: pd.DataFrame) -> dict[int, str]:
    """A label per article id for choosers, by :func:`analysis.compare.display_names` (the rule every page
    and the CLI use): the title (or file name), with "(#id)" where titles repeat."""
    from analysis.compare import display_names

    ids = [int(i) for i in articles["id"]]
    filenames = list(articles["filename"]) if "filename" in articles else None
    return dict(zip(ids, display_names(list(articles["title"]), ids, filenames)))
