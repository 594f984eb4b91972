"""Small Streamlit building blocks shared by the pages: a chart with its downloads, safe text.

No user text (a title, a paragraph, a file name) is ever rendered as HTML: pages never pass
``unsafe_allow_html``, and wherever user text goes through Markdown it is escaped first with
:func:`escape_markdown`, so ``<script>alert(1)</script>`` shows as those characters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import cached, charts, exports, report

#: Every ASCII punctuation character can be backslash-escaped in CommonMark; escaping all of them
#: leaves no Markdown, HTML, LaTeX ($) or Streamlit directive (:red[...]) syntax in the text.
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


#: What GitHub-flavoured Markdown turns into links even when escaped ("https://", "www.", "name@host"): it
#: links the rendered text itself. An invisible WORD JOINER (U+2060) before the ":", "." or "@" breaks it.
_AUTOLINK = re.compile(r"(?i)(?<![^\W_])(https?|ftp)(?=:)|(?<![^\W_])(www)(?=\.)|(?<=[\w.+-])(?=@[\w-])")
WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown/HTML-significant character backslash-escaped, shown literally.

    Lines are kept (as Markdown hard line breaks); leading spaces, which Markdown would read as a
    code block, are dropped. Bare URLs and e-mail addresses stay plain text: a WORD JOINER (invisible)
    keeps Markdown from making them links.
    """
    text = _AUTOLINK.sub(lambda m: (m.group(1) or m.group(2) or "") + WORD_JOINER, str(text))
    lines = [_MARKDOWN_SPECIAL.sub(r"\\\1", line.strip()) for line in text.splitlines()]
    return "  \n".join(line for line in lines if line)


def plotly_config(filename: str) -> dict:
    """``st.plotly_chart`` config: the toolbar's camera saves a PNG named like the PNG button's file."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def chart_with_downloads(
    fig: go.Figure, data: pd.DataFrame, *, article: str, chart: str, key: str, subject: str | None = None,
    selectable: bool = False,
):
    """Show ``fig`` with four download buttons under it: PNG, SVG, HTML and CSV (``data``, the numbers drawn).

    File names say the article and the chart (``<article>-<chart>.png``, slugified); the downloaded PNG, SVG
    and HTML charts name ``subject`` (the article(s) and source; default ``article``) under their title, so
    an image stands on its own. Files are made only
    when a button is clicked (deferred downloads), so reruns draw no images. Where no browser can draw
    PNG/SVG, those two buttons are disabled, their tooltip and a note under them saying what to install.
    ``key`` must be unique on the page. With ``selectable``, clicking a point reruns the page and the chart's
    selection state is returned (``.selection.points``: each with its ``customdata``); otherwise None.
    """
    stem = exports.export_filename(article, chart, "png").removesuffix(".png")
    if selectable:
        event = st.plotly_chart(fig, theme=None, key=f"{key}-chart", config=plotly_config(stem), on_select="rerun",
                                selection_mode="points")
    else:
        event = None
        st.plotly_chart(fig, theme=None, key=f"{key}-chart", config=plotly_config(stem))
    fig = charts.titled(fig, subject or article)  # what the downloads draw; the figure on screen is unchanged
    problem = cached.image_export_problem()
    with st.container(horizontal=True, gap="small", key=f"{key}-downloads"):
        for fmt in exports.IMAGE_FORMATS if problem is not None else ():
            # Where no browser can draw images the buttons stay, disabled, and say what to install.
            st.button(fmt.upper(), disabled=True, help=problem, key=f"{key}-{fmt}-unavailable")
        if problem is None:
            for fmt in exports.IMAGE_FORMATS:
                st.download_button(
                    fmt.upper(),
                    data=lambda fmt=fmt: exports.figure_image(fig, format=fmt),
                    file_name=f"{stem}.{fmt}",
                    mime=exports.MIME_TYPES[fmt],
                    on_click="ignore",
                    key=f"{key}-{fmt}",
                    help=f"Download this chart as a {fmt.upper()} image",
                )
        st.download_button(
            "HTML",
            data=lambda: exports.figure_html(fig, title=f"{article} — {chart}"),
            file_name=f"{stem}.html",
            mime=exports.MIME_TYPES["html"],
            on_click="ignore",
            key=f"{key}-html",
            help="Download this chart as an interactive web page (opens offline)",
        )
        st.download_button(
            "CSV",
            data=lambda: exports.table_csv(data),
            file_name=f"{stem}.csv",
            mime=exports.MIME_TYPES["csv"],
            on_click="ignore",
            key=f"{key}-csv",
            help="Download the numbers behind this chart as CSV",
        )
    if problem is not None:
        st.caption(problem)
    return event


def table_with_download(table: pd.DataFrame, *, article: str, name: str, key: str, **dataframe_options):
    """Show ``table`` with ``st.dataframe`` (``dataframe_options`` passed on) and a CSV button under it.

    Streamlit's own table toolbar export is switched off (``client.disableDataExport`` in
    ``.streamlit/config.toml``) because its CSV keeps text such as ``=HYPERLINK(...)`` from an article as a
    live spreadsheet formula; this button writes :func:`dashboard.exports.table_csv`, which neutralises it.
    The CSV holds the columns shown, in the order shown (``column_order`` when given), and is named
    ``<article>-<name>.csv``. Returns what ``st.dataframe`` returns (the selection, with ``on_select``).
    """
    shown = list(dataframe_options.get("column_order") or table.columns)
    event = st.dataframe(table, key=key, **dataframe_options)
    st.download_button(
        "CSV",
        data=lambda: exports.table_csv(table[shown]),
        file_name=exports.export_filename(article, name, "csv"),
        mime=exports.MIME_TYPES["csv"],
        on_click="ignore",
        key=f"{key}-csv",
        help="Download this table as CSV",
    )
    return event


def report_downloads(make: Callable[[], report.Report], *, kind: str, subjects: Sequence[str], key: str) -> None:
    """"Download report" buttons: the page as one HTML file, as a PDF and every chart and table in a zip.

    ``make`` builds the :class:`dashboard.report.Report` of the page with its current options; it runs only
    when a button is clicked (each builds its file then), so reruns cost nothing.
    """
    stem = report.report_stem(kind, subjects, dt.date.today())
    problem = report.pdf_problem()
    with st.container(horizontal=True, gap="small", key=f"{key}-report"):
        st.download_button(
            "Download report", data=lambda: report.report_html(make()), file_name=report.report_filename(stem, "html"),
            mime="text/html", on_click="ignore", key=f"{key}-report-html", icon=":material/download:",
            help="Everything on this page in one web page: cards, every chart (interactive), the tables behind them, "
                 "the options used and how the numbers are made. Opens offline.",
        )
        if problem is None:
            st.download_button(
                "PDF", data=lambda: report.report_pdf(make()), file_name=report.report_filename(stem, "pdf"),
                mime="application/pdf", on_click="ignore", key=f"{key}-report-pdf",
                help="The same report printed to PDF (takes a few seconds).",
            )
        else:
            st.button("PDF", disabled=True, help=problem, key=f"{key}-report-pdf-unavailable")
        st.download_button(
            "All charts", data=lambda: report.report_zip(make()), file_name=report.report_filename(stem, "zip"),
            mime="application/zip", on_click="ignore", key=f"{key}-report-zip",
            help="A zip with every chart of the page as PNG and SVG and every table as CSV.",
        )


def polarity_colour(polarity: float, *, neutral: float = 0.05) -> str:
    """The Streamlit colour name for a score: green at or above +``neutral``, red at or below -``neutral``, grey
    between or NaN (``neutral`` 0.05 for TextBlob and VADER; the news score's band is
    :data:`analysis.nlp.sentiment.NEWS_NEUTRAL`)."""
    if polarity != polarity:  # NaN
        return "gray"
    if polarity >= neutral:
        return "green"
    if polarity <= -neutral:
        return "red"
    return "gray"
