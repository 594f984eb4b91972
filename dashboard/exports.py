"""Downloads: a plotly Figure or a DataFrame in, the bytes of a PNG, SVG, HTML or CSV file out.

PNG and SVG are drawn on the server by kaleido 1.x, which drives a Chrome or Chromium browser. One kaleido
browser is started per process (:func:`kaleido.start_sync_server`) and reused (~0.15 s an image instead of
~3 s); calls are serialised because that server answers one request at a time. The dashboard starts it in
the background when it serves its first page (:func:`warm_up_images`), so nobody waits for it on a click. When no browser is installed, :func:`image_export_problem` says what to install and
:func:`figure_image` raises :class:`ImageExportUnavailableError` with the same words; HTML and CSV need
no browser.

Nothing here imports streamlit: the dashboard calls these functions when a download button is clicked.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import unicodedata
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Literal

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from analysis.errors import InvalidOptionError, StoryscopeError

ImageFormat = Literal["png", "svg"]
IMAGE_FORMATS: tuple[ImageFormat, ...] = ("png", "svg")
ExportFormat = Literal["png", "svg", "html", "csv"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("png", "svg", "html", "csv")
MIME_TYPES: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "html": "text/html",
    "csv": "text/csv",
}
#: What to tell someone whose machine has no browser for kaleido.
INSTALL_BROWSER_HINT = (
    "PNG and SVG downloads need Chrome or Chromium on the server: install it (Debian/Ubuntu: "
    "`apt-get install chromium`) and restart the dashboard. HTML and CSV downloads work without it."
)
#: Seconds to wait for one image before giving up (the first one also starts the browser).
IMAGE_TIMEOUT = 60.0
#: Default size of exported images, in CSS pixels, when the figure sets none; PNGs are drawn at 2x.
IMAGE_WIDTH = 1000
IMAGE_HEIGHT = 600
PNG_SCALE = 2


class ImageExportUnavailableError(StoryscopeError):
    """PNG/SVG export is impossible here: no Chrome or Chromium was found, or it failed to start."""


def browser_path() -> str | None:
    """The Chrome/Chromium executable kaleido will use, or None when there is none.

    Kaleido finds it through choreographer: ``$BROWSER_PATH`` first, then the usual names on ``PATH``
    (``chromium``, ``google-chrome`` ...). A path that is not an executable file counts as none.
    """
    try:
        from choreographer.browsers.chromium import Chromium

        path = Chromium.find_browser(skip_local=False)
    except Exception:  # noqa: BLE001 - choreographer's search is best effort; treat any failure as "none"
        return None
    if path and os.path.isfile(path) and os.access(path, os.X_OK):
        return str(path)
    return None


def image_export_problem() -> str | None:
    """Why PNG/SVG export cannot work on this machine (in words for the user), or None when it can."""
    return None if browser_path() else INSTALL_BROWSER_HINT


_server_lock = threading.Lock()
_server_started = False
_server_broken = False
_NO_ANSWER = (
    f"The browser that draws PNG/SVG images did not answer within {IMAGE_TIMEOUT:.0f} s. Restart the "
    "dashboard; if it happens again, reinstall Chromium (`apt-get install chromium`). HTML and CSV still work."
)
_images: OrderedDict[tuple[str, str], bytes] = OrderedDict()
_IMAGE_CACHE_SIZE = 64


def _ensure_server() -> None:
    """Start kaleido's browser once per process (called with ``_server_lock`` held)."""
    global _server_started
    if _server_started:
        return
    import kaleido

    # mathjax=False: no LaTeX in our charts, and it would be fetched from a CDN.
    kaleido.start_sync_server(silence_warnings=True, mathjax=False)
    _server_started = True


def warm_up_images() -> threading.Thread | None:
    """Start kaleido's browser and draw one tiny image (which loads plotly.js into it) in a background thread,
    so that the first PNG or SVG someone asks for takes a fraction of a second instead of ~3 s.

    Returns the thread, or None when there is nothing to do: no browser installed, or already started.
    Failures are left for the first real image to report (it raises with the same words).
    """
    if _server_started or _server_broken or image_export_problem():
        return None
    thread = threading.Thread(target=_warm_up, name="storyscope-image-warm-up", daemon=True)
    thread.start()
    return thread


def _warm_up() -> None:
    try:
        figure_image(go.Figure(layout={"width": 40, "height": 40}), format="png")
    except Exception:  # noqa: BLE001,S110 - the user's first image reports any problem in words
        pass


def _figure_key(fig: go.Figure, fmt: str) -> tuple[str, str]:
    return hashlib.sha256(fig.to_json().encode("utf-8")).hexdigest(), fmt


def _render(fig: go.Figure, options: dict) -> bytes:
    import kaleido

    return kaleido.calc_fig_sync(fig.to_dict(), opts=options)


def figure_image(fig: go.Figure, *, format: ImageFormat = "png") -> bytes:  # noqa: A002 - plotly's own name
    """The figure drawn as a PNG (at 2x) or an SVG, as bytes.

    The figure's own ``layout.width``/``height`` are used when set, else 1000 x 600. Results are kept per
    figure content, so a second click on the same chart costs nothing. Raises
    :class:`ImageExportUnavailableError` when no browser is installed or it does not answer within
    ``IMAGE_TIMEOUT`` seconds; ``InvalidOptionError`` for a format other than png/svg.
    """
    if format not in IMAGE_FORMATS:
        raise InvalidOptionError("format", format, IMAGE_FORMATS)
    problem = image_export_problem()
    if problem:
        raise ImageExportUnavailableError(problem)
    key = _figure_key(fig, format)
    global _server_broken
    with _server_lock:
        if _server_broken:
            raise ImageExportUnavailableError(_NO_ANSWER)
        if key in _images:
            _images.move_to_end(key)
            return _images[key]
        _ensure_server()
        options = {
            "format": format,
            "width": fig.layout.width or IMAGE_WIDTH,
            "height": fig.layout.height or IMAGE_HEIGHT,
            "scale": PNG_SCALE if format == "png" else 1,
        }
        # kaleido's sync server waits forever if its browser died; never let a click hang the app.
        # (Not a `with` block: leaving one would wait for a hung thread.)
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="storyscope-image")
        future = pool.submit(_render, fig, options)
        try:
            data = future.result(timeout=IMAGE_TIMEOUT)
        except FutureTimeout as err:
            _server_broken = True
            raise ImageExportUnavailableError(_NO_ANSWER) from err
        except Exception as err:  # kaleido's ChromeNotFoundError, a browser that fails to start ...
            raise ImageExportUnavailableError(f"The image could not be drawn ({err}). {INSTALL_BROWSER_HINT}") from err
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
        data = data if isinstance(data, bytes) else str(data).encode("utf-8")
        _images[key] = data
        while len(_images) > _IMAGE_CACHE_SIZE:
            _images.popitem(last=False)
        return data


def figure_html(fig: go.Figure, *, title: str | None = None) -> bytes:
    """The figure as a standalone interactive HTML page (plotly.js inlined: it opens offline), UTF-8."""
    html = pio.to_html(
        fig,
        full_html=True,
        include_plotlyjs=True,
        config={"displaylogo": False},
        default_width="100%",
    )
    if title:
        import html as html_lib

        tag = f"<title>{html_lib.escape(title)}</title>"
        charset = '<meta charset="utf-8" />'
        html = html.replace(charset, charset + tag, 1) if charset in html else html.replace("<head>", "<head>" + tag, 1)
    return html.encode("utf-8")


def table_csv(table: pd.DataFrame) -> bytes:
    """The DataFrame as UTF-8 CSV with a header row and no index column (:func:`analysis.csvfile.frame_csv`).

    Cells holding lists or tuples (aliases, paragraph numbers) are written joined with ``"; "`` rather than
    as Python reprs; text that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` ...) gets a
    leading ``'``.
    """
    from analysis.csvfile import frame_csv

    return frame_csv(table).encode("utf-8")


def slug(text: str, *, max_length: int = 60) -> str:
    """``text`` as a safe file-name fragment: ASCII letters, digits and single hyphens, lower case.

    Accents are folded (``Élmer`` -> ``elmer``), apostrophes dropped; everything else (slashes, dots, quotes, angle brackets)
    becomes a hyphen, so user text can never name a path. Empty results become ``"untitled"``.
    """
    folded = unicodedata.normalize("NFKD", re.sub(r"['’]", "", text)).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    if len(cleaned) > max_length:
        cleaned = cleaned[:max_length].rsplit("-", 1)[0] if "-" in cleaned[:max_length] else cleaned[:max_length]
    return cleaned.strip("-") or "untitled"


def export_filename(article: str, chart: str, format: ExportFormat) -> str:  # noqa: A002
    """The download's file name: ``<article>-<chart>.<format>``, both parts slugified.

    >>> export_filename("MS-13 leader’s trial", "terms", "png")
    'ms-13-leaders-trial-terms.png'
    """
    if format not in EXPORT_FORMATS:
        raise InvalidOptionError("format", format, EXPORT_FORMATS)
    return f"{slug(article)}-{slug(chart, max_length=40)}.{format}"
