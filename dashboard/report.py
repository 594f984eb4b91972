"""Reports: a whole page's analysis in one file, for the dashboard's "Download report" and ``python -m analysis report``.

One code path for both: the Article and Compare pages pass their current options to :func:`article_report` /
:func:`comparison_report`, and the CLI passes the defaults; either way the result is a :class:`Report` (header,
metric cards, every chart with the table behind it, the paragraphs, the options used and the method notes).
It then becomes

- :func:`report_html`: one self-contained HTML page (plotly.js inlined once, every chart interactive, opens
  offline);
- :func:`report_pdf`: the same page printed to PDF by the Chromium that kaleido already uses;
- :func:`report_zip`: every chart as PNG and SVG and every table as CSV.

Why it lives here, beside :mod:`dashboard.charts` and :mod:`dashboard.exports`, rather than in ``analysis``:
the report is made of plotly figures and export bytes, the presentation layer; ``analysis`` computes tables
and never depends on plotly. Like those two modules this one never imports streamlit, so the CLI
(``analysis/cli/report.py``) imports it lazily inside its command and the tests check that no streamlit
module is loaded.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import io
import os
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs

from analysis.errors import StoryscopeError
from dashboard import charts, exports, tables

#: How long Chromium may take to print a report to PDF, in seconds.
PDF_TIMEOUT = 120.0


class ReportError(StoryscopeError):
    """A report could not be made (no browser for the PDF, a browser that failed ...)."""


# --- What a report holds ---------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Metric:
    """One metric card: its label, the value as shown and a one-line explanation."""

    label: str
    value: str
    help: str = ""


@dataclasses.dataclass(frozen=True)
class ReportChart:
    """One chart of a report: ``name`` (for file names), its figure and the table drawn (the CSV behind it)."""

    name: str
    title: str
    figure: go.Figure
    table: pd.DataFrame
    note: str = ""


@dataclasses.dataclass(frozen=True)
class ReportTable:
    """A table shown in a report without a chart (the summary, the paragraphs ...)."""

    name: str
    title: str
    table: pd.DataFrame
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Report:
    """A page's analysis, ready to be written as HTML, PDF or a zip of charts and tables.

    kind: "article" or "comparison"; title and facts: the header; subjects: the short titles of the
    article(s) (for file names); metrics: the cards; charts: every chart with its table; tables: other tables;
    options: the options used (label -> value); method: (heading, text) notes on how the numbers are made;
    made: the date the report was made.
    """

    kind: Literal["article", "comparison"]
    title: str
    facts: str
    subjects: tuple[str, ...]
    metrics: tuple[Metric, ...]
    charts: tuple[ReportChart, ...]
    tables: tuple[ReportTable, ...]
    options: tuple[tuple[str, str], ...]
    method: tuple[tuple[str, str], ...]
    made: dt.date

    @property
    def stem(self) -> str:
        """The file-name stem: the article's slugged title (or the compared short titles) and the date."""
        return report_stem(self.kind, self.subjects, self.made)

    def filename(self, extension: Literal["html", "pdf", "zip"]) -> str:
        return report_filename(self.stem, extension)


def report_stem(kind: str, subjects: Sequence[str], made: dt.date) -> str:
    """``<slugged title>-<date>`` for an article, ``compare-<a>-vs-<b>-vs-<c>[-and-N-more]-<date>`` otherwise."""
    if kind == "article":
        name = exports.slug(subjects[0] if subjects else "untitled")
    else:
        shown = [exports.slug(s, max_length=20) for s in subjects[:3]]
        more = len(subjects) - len(shown)
        name = "compare-" + "-vs-".join(shown) + (f"-and-{more}-more" if more > 0 else "")
    return f"{name}-{made.isoformat()}"


def report_filename(stem: str, extension: str) -> str:
    """The report file's name: the stem, "-charts" for the zip of charts, and the extension."""
    return f"{stem}{'-charts' if extension == 'zip' else ''}.{extension}"


# --- Options -----------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class ArticleOptions:
    """The Article page's options (the defaults are the page's own)."""

    include_boilerplate: bool = False
    lemmatize: bool = False
    bigrams: bool = False
    extra_stopwords: tuple[str, ...] = ()
    top_terms: int = 20
    entity_types: tuple[str, ...] | None = None  # None: every type
    top_entities: int = 25


@dataclasses.dataclass(frozen=True)
class CompareOptions:
    """The Compare page's options (the defaults are the page's own)."""

    include_boilerplate: bool = False
    top_terms: int = 10
    min_g2: float = 6.63
    distinctive_per_article: int = 10
    arc_score: Literal["sentiment", "polarity", "vader"] = "sentiment"
    entity_types: tuple[str, ...] | None = None
    top_entities: int = 20
    timeline_items: tuple[str, ...] | None = None  # None: the entities most articles share


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _edits_text(edits) -> str:
    words = []
    for e in edits:
        action, a, b = (e.action, e.a, e.b) if hasattr(e, "action") else tuple(e)
        words.append(f"merge “{a}” into “{b}”" if action == "merge" else f"rename “{a}” as “{b}”")
    return "; ".join(words) if words else "none"


METHOD_NOTES: tuple[tuple[str, str], ...] = (
    ("Paragraphs", "The text is split into blocks; each is given a kind (title, heading, body, byline, "
     "boilerplate). Bylines, licence notices and link lists are left out of every figure unless the option "
     "“include bylines and boilerplate” is on. “Paragraphs” counts every block; “analysed paragraphs” only "
     "those the figures use."),
    ("Words and terms", "Words are counted after lower-casing; stop words of the article's language, bare "
     "numbers and one-letter fragments are not terms. Per 1,000 words = count / analysed words × 1,000. Two-word "
     "phrases never cross sentence or clause punctuation. Lemmas (optional) count word forms together."),
    ("Sentiment", "Sentiment is the news score (−1 … +1): VADER's word list and rules read as news (words inside "
     "names left out, negation kept in its clause, news words added), people's happiness ratings of common "
     "words and valences guessed from word vectors for the rest, with a small model over them and TextBlob. "
     "TextBlob polarity (−1 negative … +1 positive) and subjectivity (0 factual … 1 opinion) and VADER's compound "
     "score (−1 … +1) are shown beside it. All are computed per paragraph; the article's figures are means "
     "weighted by each paragraph's words. A disagreement is a paragraph where the news score and TextBlob lean "
     "opposite ways. Toward an entity: the news score of the sentences that name it. All are word lists: treat "
     "them as pointers, not verdicts."),
    ("Entities", "People, organisations and places are found from capitalised names and cue words, their "
     "aliases (surnames, acronyms) merged; your corrections (merges, renames) are applied."),
    ("Comparison", "Distinctive terms: each article against all the others together, log-likelihood G2 "
     "(≥ 6.63 is p < 0.01) for how sure the difference is and log ratio (log2 of the ratio of rates: 1 = twice "
     "as often) for how big; a term needs a minimum count to count as evidence. Lexical density: content words "
     "/ all words. Sentiment arcs put each article's analysed paragraphs on 0–100 % so long and short articles "
     "line up."),
)


# --- Building reports ------------------------------------------------------------------------------------------


def _with_subject(fig: go.Figure, subject: str) -> go.Figure:
    """A copy of ``fig`` whose title also names what it shows (article and source), so an image stands alone."""
    return charts.titled(fig, subject)


def article_subject(article) -> str:
    """"<title> · <source>" for a chart's title."""
    return " · ".join(p for p in (article.title or "Untitled", article.source or "source unknown") if p)


def article_report(analysis, *, options: ArticleOptions | None = None, edits: Sequence = (),
                   made: dt.date | None = None) -> Report:
    """The Article page as a report: ``analysis`` (:class:`analysis.pipeline.Analysis`, the user's entity edits
    already applied) with the page's ``options``; ``edits`` only names the corrections in the options list."""
    from analysis.nlp.terms import term_frequencies

    options = options or ArticleOptions()
    article = analysis.article
    title = article.title or "Untitled"
    subject = article_subject(article)
    facts = " · ".join([
        article.source or "source unknown",
        article.published.isoformat() if article.published else "date unknown",
        ", ".join(article.authors) if article.authors else "authors unknown",
        f"language: {article.language}",
    ])
    metrics = list(article_metrics(analysis))

    built: list[ReportChart] = []
    if options.bigrams or options.lemmatize or options.extra_stopwords:
        terms = term_frequencies(article, n=2 if options.bigrams else 1, lemmatize=options.lemmatize,
                                 extra_stopwords=options.extra_stopwords,
                                 include_boilerplate=options.include_boilerplate)
    else:
        terms = analysis.terms
    shown = terms.head(options.top_terms).reset_index(drop=True)
    what = "phrases" if options.bigrams else "terms"
    built.append(ReportChart(
        "bigrams" if options.bigrams else "terms", f"Top {len(shown)} {what}",
        _with_subject(charts.term_bar_chart(shown, title=f"Top {len(shown)} {what}"), subject), shown))

    sentiment = analysis.sentiment
    built.append(ReportChart(
        "sentiment", "Sentiment paragraph by paragraph",
        _with_subject(charts.sentiment_chart(sentiment, title="Sentiment paragraph by paragraph"), subject),
        tables.sentiment_download(sentiment)))

    entity_table = analysis.entities.table
    if options.entity_types is not None:
        entity_table = entity_table[entity_table["type"].isin(options.entity_types)]
    shown_entities = entity_table.head(options.top_entities).reset_index(drop=True)
    mentions = analysis.entities.mentions
    shown_mentions = mentions[mentions["name"].isin(shown_entities["name"])].reset_index(drop=True)
    built.append(ReportChart(
        "entity-mentions", "Mentions per entity",
        _with_subject(charts.entity_mentions_chart(shown_entities, title="Mentions per entity"), subject),
        tables.alias_table(shown_entities)))
    built.append(ReportChart(
        "entity-dispersion", "Where each entity is mentioned",
        _with_subject(charts.entity_dispersion_chart(shown_mentions, paragraph_count=len(article.paragraphs),
                                                     order=list(shown_entities["name"]),
                                                     title="Where each entity is mentioned"), subject),
        shown_mentions.assign(paragraph=shown_mentions["paragraph"] + 1)))

    paragraphs = tables.paragraph_table(article, sentiment)
    used = [
        ("Include bylines and boilerplate", _yes(options.include_boilerplate)),
        ("Lemmas", _yes(options.lemmatize)),
        ("Two-word phrases", _yes(options.bigrams)),
        ("Extra stop words", ", ".join(options.extra_stopwords) or "none"),
        ("Terms shown", str(options.top_terms)),
        ("Entity types", ", ".join(options.entity_types) if options.entity_types is not None else "all"),
        ("Entities shown", str(options.top_entities)),
        ("Entity corrections", _edits_text(edits)),
    ]
    return Report(
        kind="article", title=title, facts=facts, subjects=(title,), metrics=tuple(metrics), charts=tuple(built),
        tables=(ReportTable("paragraphs", "Paragraphs, their kinds and scores", paragraphs,
                            "¶ numbers count every block of the article; “included” says whether the figures "
                            "use it."),),
        options=tuple(used), method=METHOD_NOTES, made=made or dt.date.today(),
    )


def article_metrics(analysis) -> tuple[Metric, ...]:
    """The Article page's metric cards, as the report shows them."""
    article = analysis.article
    analysed = int(analysis.sentiment["included"].sum()) if "included" in analysis.sentiment else len(article.paragraphs)
    cards = [
        Metric("Words", f"{analysis.word_count:,}", "Word tokens in the analysed paragraphs."),
        Metric("Paragraphs", f"{len(article.paragraphs)}", "All blocks of the article, bylines and notices included."),
        Metric("Analysed paragraphs", f"{analysed}", "The blocks the figures use (the Compare page's count)."),
    ]
    s = analysis.sentiment_summary
    if s.available:
        cards += [
            Metric("Sentiment", f"{s.sentiment:+.2f}", "The news score, word-weighted mean, within [-1, 1]."),
            Metric("Polarity (TextBlob)", f"{s.polarity:+.2f}", "Word-weighted mean, within [-1, 1]."),
            Metric("Subjectivity (TextBlob)", f"{s.subjectivity:.2f}", "Word-weighted mean, 0 factual … 1 opinion."),
            Metric("VADER", f"{s.vader:+.2f}", "VADER compound score, word-weighted mean, within [-1, 1]."),
            Metric("Disagreements", f"{s.disagreements}",
                   "Paragraphs where the news score and TextBlob lean opposite ways."),
        ]
    return tuple(cards)


def comparison_subjects(labels: Sequence[str]) -> tuple[str, ...]:
    """The compared articles' short titles, for file names."""
    return tuple(charts.short_title(label, 40) for label in labels)


def comparison_report(analyses: Sequence, *, ids: Sequence[int] | None = None, options: CompareOptions | None = None,
                      edits: Sequence[Sequence] = (), made: dt.date | None = None) -> Report:
    """The Compare page as a report: ``analyses`` (edits applied), ``ids`` their library ids (for the colour of
    each article; positions when None), the page's ``options``; ``edits`` one list of corrections per article."""
    from analysis.compare import (article_labels, comparison_summary, distinctive_terms, near_duplicates,
                                  sentiment_arcs, shared_entities, terms_side_by_side, timeline, too_short)

    options = options or CompareOptions()
    analyses = list(analyses)
    labels = article_labels(analyses)
    ids = list(ids) if ids is not None else list(range(1, len(analyses) + 1))
    colours = charts.article_colours(ids, labels)
    count = len(analyses)
    many = count > charts.MANY_ARTICLES
    subject = charts.articles_subject(labels, [a.article.source for a in analyses])
    summary = comparison_summary(analyses)

    built: list[ReportChart] = []
    side = terms_side_by_side(analyses, top=options.top_terms)
    shown_terms = list(dict.fromkeys(side["term"]))[:30]
    drawn = side[side["term"].isin(shown_terms)].reset_index(drop=True)
    title = "Terms per 1,000 words, side by side"
    figure = charts.compare_terms_heatmap(drawn, title=title) if many else charts.compare_terms_chart(
        drawn, title=title, colours=colours)
    built.append(ReportChart("terms-per-1000", title, charts.titled(figure, subject), drawn))

    if count >= 2:
        distinctive = distinctive_terms(analyses, min_g2=options.min_g2, top=options.distinctive_per_article)
        panels = labels[:6]
        shown = distinctive[distinctive["article"].isin(panels)].reset_index(drop=True)
        title = "Distinctive terms of each article"
        notes = [f"“{label}” has {words} analysed words: too short to have distinctive terms."
                 for label, words in too_short(analyses)]
        notes += [f"“{p.first}” and “{p.second}” are near-duplicates (about {p.similarity:.0%} of their three-word "
                  "sequences shared): neither has distinctive terms from the other."
                  for p in near_duplicates(analyses).itertuples(index=False)]
        built.append(ReportChart("distinctive-terms", title, charts.titled(
            charts.distinctive_terms_chart(shown, articles=panels, title=title), subject), distinctive,
            note=" ".join(notes)))

    arcs = sentiment_arcs(analyses)
    title = "Sentiment arcs: paragraph by paragraph, start to end"
    score = options.arc_score
    if many:
        binned = charts.arc_bins(arcs, bins=10, score=score)
        figure = charts.sentiment_arcs_heatmap(binned, articles=labels, title=title,
                                               score_label=charts.SCORE_LABELS[score])
        data = binned
    else:
        figure, data = charts.sentiment_arcs_chart(arcs, score=score, title=title, colours=colours), arcs
    built.append(ReportChart("sentiment-arcs", title, charts.titled(figure, subject), data))

    entities = shared_entities(analyses)
    if options.entity_types is not None:
        entities = entities[entities["type"].isin(options.entity_types)]
    top_ids = list(dict.fromkeys(entities["entity"]))[: options.top_entities]
    shown_entities = entities[entities["entity"].isin(top_ids)].reset_index(drop=True)
    title = "Entities: mentions per 1,000 words"
    built.append(ReportChart("entities", title, charts.titled(
        charts.entity_heatmap(shown_entities, articles=labels, title=title), subject), shown_entities))
    if count >= 2:
        shared = entities[entities["articles"] >= 2]
        shared_ids = list(dict.fromkeys(shared["entity"]))[: options.top_entities]
        treated = shared[shared["entity"].isin(shared_ids)].reset_index(drop=True)
        title = "Sentiment of the sentences that mention each entity"
        figure = (charts.entity_polarity_heatmap(treated, articles=labels, title=title) if many
                  else charts.entity_polarity_dots(treated, title=title, colours=colours))
        built.append(ReportChart("entity-polarity", title, charts.titled(figure, subject), treated))

    dated = int(summary["published"].notna().sum())
    if dated >= 2:
        items = options.timeline_items
        if items is None:
            spread = entities.drop_duplicates("entity")
            items = tuple(spread[spread["articles"] >= 2]["name"].head(3))
        line = timeline(analyses, items=list(items), entities=entities if items else None)
        title = "Over time: mentions per 1,000 words and mean polarity"
        built.append(ReportChart("timeline", title, charts.titled(charts.timeline_chart(line, title=title),
                                                                  subject), line))

    metrics = [Metric("Articles", f"{count}", "Articles compared."),
               Metric("Words", f"{int(summary['words'].sum()):,}", "Analysed words, all articles together."),
               Metric("Analysed paragraphs", f"{int(summary['paragraphs'].sum())}",
                      "Paragraphs the figures use, all articles together (bylines and notices left out).")]
    used = [
        ("Articles", "; ".join(labels)),
        ("Include bylines and boilerplate", _yes(options.include_boilerplate)),
        ("Top terms from each article", str(options.top_terms)),
        ("Distinctive terms: G2 at least", f"{options.min_g2:g}"),
        ("Distinctive terms per article", str(options.distinctive_per_article)),
        ("Sentiment arc score", charts.SCORE_LABELS[options.arc_score]),
        ("Entity types", ", ".join(options.entity_types) if options.entity_types is not None else "all"),
        ("Entities shown", str(options.top_entities)),
    ]
    for label, article_edits in zip(labels, edits):
        if article_edits:
            used.append((f"Entity corrections in {label}", _edits_text(article_edits)))
    return Report(
        kind="comparison", title=f"Comparison of {count} article{'s' if count != 1 else ''}",
        facts=" · ".join(charts.short_title(label) for label in labels), subjects=comparison_subjects(labels),
        metrics=tuple(metrics), charts=tuple(built),
        tables=(ReportTable("summary", "Summary, one row per article", summary,
                            "paragraphs: the analysed paragraphs of each article (bylines and notices left out); "
                            "lexical density: content words / all words."),),
        options=tuple(used), method=METHOD_NOTES, made=made or dt.date.today(),
    )


# --- Writing reports -------------------------------------------------------------------------------------------

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 1100px;
       padding: 1.5rem; color: #212121; }
h1 { margin-bottom: .2rem; } .facts { color: #616161; margin-top: 0; }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: 1rem 0; }
.card { border: 1px solid #e0e0e0; border-radius: .5rem; padding: .5rem .9rem; min-width: 7rem; }
.card .label { font-size: .8rem; color: #616161; } .card .value { font-size: 1.5rem; }
.card .help { font-size: .7rem; color: #757575; max-width: 12rem; }
section.chart { break-inside: avoid; page-break-inside: avoid; margin: 1.5rem 0; }
.note { color: #616161; font-size: .9rem; }
table { border-collapse: collapse; font-size: .8rem; margin: .5rem 0 1rem; width: 100%; }
th, td { border: 1px solid #e0e0e0; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #fafafa; }
details { margin: .3rem 0 1rem; } summary { cursor: pointer; color: #424242; }
dl.options dt { font-weight: 600; } dl.options dd { margin: 0 0 .4rem 1rem; }
@media print { details > *:not(summary) { display: block; } body { max-width: none; padding: 0; }
               .plotly-graph-div { max-width: 100%; } }
"""


def _table_html(table: pd.DataFrame) -> str:
    flat = table.copy()
    for column in flat.columns:
        if flat[column].map(lambda v: isinstance(v, (list, tuple))).any():
            flat[column] = flat[column].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
    return flat.to_html(index=False, escape=True, border=0, na_rep="", float_format=lambda v: f"{v:.3g}")


def report_html(report: Report) -> bytes:
    """The report as one HTML page, UTF-8: plotly.js inlined once, each chart interactive, every table below
    its chart (the tables open on click; they are printed open), then the options and the method notes.
    All user text is escaped."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>{esc(report.title)} — Storyscope report</title><style>{_STYLE}</style>",
        f"<script type='text/javascript'>{get_plotlyjs()}</script></head><body>",
        f"<h1>{esc(report.title)}</h1><p class='facts'>{esc(report.facts)}</p>",
        f"<p class='note'>Storyscope {esc(report.kind)} report, made {report.made.isoformat()}.</p>",
        "<div class='cards'>",
    ]
    for m in report.metrics:
        parts.append(f"<div class='card'><div class='label'>{esc(m.label)}</div><div class='value'>{esc(m.value)}"
                     f"</div><div class='help'>{esc(m.help)}</div></div>")
    parts.append("</div>")
    for k, chart in enumerate(report.charts):
        figure = pio.to_html(chart.figure, full_html=False, include_plotlyjs=False, div_id=f"chart-{k}",
                             default_width="100%", config={"displaylogo": False, "responsive": True})
        parts.append(f"<section class='chart' data-chart='{esc(chart.name)}'><h2>{esc(chart.title)}</h2>{figure}")
        if chart.note:
            parts.append(f"<p class='note'>{esc(chart.note)}</p>")
        parts.append(f"<details><summary>The numbers behind this chart ({len(chart.table)} rows)</summary>"
                     f"{_table_html(chart.table)}</details></section>")
    for table in report.tables:
        parts.append(f"<section class='table'><h2>{esc(table.title)}</h2>")
        if table.note:
            parts.append(f"<p class='note'>{esc(table.note)}</p>")
        parts.append(_table_html(table.table) + "</section>")
    parts.append("<h2>Options used</h2><dl class='options'>")
    parts += [f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in report.options]
    parts.append("</dl><h2>How these numbers are made</h2>")
    parts += [f"<h3>{esc(h)}</h3><p>{esc(t)}</p>" for h, t in report.method]
    parts.append("</body></html>")
    return "".join(parts).encode("utf-8")


def pdf_problem() -> str | None:
    """Why a PDF cannot be printed here (in words for the user), or None when it can."""
    if exports.browser_path():
        return None
    return ("The PDF report is printed by Chrome or Chromium, and none is installed: install it (Debian/Ubuntu: "
            "`apt-get install chromium`). The HTML report needs no browser on the server.")


def report_pdf(report: Report) -> bytes:
    """The report's HTML printed to PDF by headless Chromium (A4, charts drawn before printing).

    Raises :class:`ReportError` when no browser is installed or printing fails.
    """
    problem = pdf_problem()
    if problem:
        raise ReportError(problem)
    browser = exports.browser_path()
    with tempfile.TemporaryDirectory(prefix="storyscope-report-") as folder:
        source = Path(folder) / "report.html"
        target = Path(folder) / "report.pdf"
        # Charts at a fixed width that fits an A4 page; the page itself stays the same HTML.
        page = report_html(report).replace(b"</style>", b"body{max-width:760px}</style>", 1)
        source.write_bytes(page)
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--no-pdf-header-footer",
            f"--user-data-dir={Path(folder) / 'profile'}", "--virtual-time-budget=15000", "--run-all-compositor-stages-before-draw",
            f"--print-to-pdf={target}", source.as_uri(),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=PDF_TIMEOUT, check=False,
                           env={**os.environ, "HOME": folder})
        except subprocess.TimeoutExpired as err:
            raise ReportError(f"Chromium did not print the report within {PDF_TIMEOUT:.0f} s; try the HTML "
                              "report and print it from a browser.") from err
        if not target.exists() or target.stat().st_size == 0:
            raise ReportError("Chromium could not print the report to PDF; download the HTML report and print it "
                              "from a browser instead.")
        return target.read_bytes()


def report_zip(report: Report, *, images: bool = True) -> bytes:
    """Every chart of the report as PNG and SVG (named after the report and the chart) and every table as CSV.

    With ``images`` False, or where no browser can draw images, the zip holds the tables and a note saying
    why there are no images.
    """
    buffer = io.BytesIO()
    problem = exports.image_export_problem() if images else "Images were not asked for."
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for chart in report.charts:
            stem = f"{report.stem}-{exports.slug(chart.name, max_length=40)}"
            if problem is None:
                for fmt in exports.IMAGE_FORMATS:
                    archive.writestr(f"{stem}.{fmt}", exports.figure_image(chart.figure, format=fmt))
            archive.writestr(f"{stem}.csv", exports.table_csv(chart.table))
        for table in report.tables:
            archive.writestr(f"{report.stem}-{exports.slug(table.name, max_length=40)}.csv",
                             exports.table_csv(table.table))
        if problem is not None:
            archive.writestr("NO-IMAGES.txt", problem + "\n")
    return buffer.getvalue()


def write_report(report: Report, out: str | os.PathLike[str]) -> Path:
    """Write ``report`` to ``out``; its extension says which file: .html, .pdf or .zip."""
    path = Path(out)
    extension = path.suffix.lower().lstrip(".")
    makers = {"html": report_html, "htm": report_html, "pdf": report_pdf, "zip": report_zip}
    if extension not in makers:
        raise ReportError(f"{path}: a report is written as .html, .pdf or .zip; change the file's extension.")
    data = makers[extension](report)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


__all__ = [
    "ArticleOptions", "CompareOptions", "Metric", "Report", "ReportChart", "ReportError", "ReportTable",
    "article_report", "comparison_report", "pdf_problem", "report_html", "report_pdf", "report_zip", "write_report",
]
