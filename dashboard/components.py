"""Small Streamlit building blocks shared by the pages: a chart with its downloads, safe text.

No user text (a title, a paragraph, a file name) is ever rendered as HTML: pages never pass
``unsafe_allow_html``, and wherever user text goes through Markdown it is escaped first with
:func:`escape_markdown`, so ``<script>alert(1)</script>`` shows as those characters.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard import cached, exports

#: Every ASCII punctuation character can be backslash-escaped in CommonMark; escaping all of them
#: leaves no Markdown, HTML, LaTeX ($) or Streamlit directive (:red[...]) syntax in the text.
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """``text`` with every Markdown/HTML-significant character backslash-escaped, shown literally.

    Lines are kept (as Markdown hard line breaks); leading spaces, which Markdown would read as a
    code block, are dropped.
    """
    lines = [_MARKDOWN_SPECIAL.sub(r"\\\1", line.strip()) for line in str(text).splitlines()]
    return "  \n".join(line for line in lines if line)


def plotly_config(filename: str) -> dict:
    """``st.plotly_chart`` config: the toolbar's camera saves a PNG named like the PNG button's file."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
    }


def chart_with_downloads(
    fig: go.Figure, data: pd.DataFrame, *, article: str, chart: str, key: str, selectable: bool = False
):
    """Show ``fig`` with four download buttons under it: PNG, SVG, HTML and CSV (``data``, the numbers drawn).

    File names say the article and the chart (``<article>-<chart>.png``, slugified). Files are made only
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


def polarity_colour(polarity: float) -> str:
    """The Streamlit colour name for a polarity: green above +0.05, red below -0.05, grey between or NaN."""
    if polarity != polarity:  # NaN
        return "gray"
    if polarity >= 0.05:
        return "green"
    if polarity <= -0.05:
        return "red"
    return "gray"
