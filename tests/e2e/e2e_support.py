"""Starting the real dashboard and driving it in Chromium: shared by tests/e2e and benchmarks/bench_dashboard.py.

Done the way Streamlit's own e2e tests do it: ``streamlit run --server.headless true`` on a free port with a
temporary ``STORYSCOPE_DATA``, poll ``/_stcore/health`` until it says ``ok``, then wait for the app to finish
its script run. Chromium is ``/usr/bin/chromium`` (``playwright install`` downloads and is never used).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("STORYSCOPE_E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
# Where the e2e run saves a screenshot of each page: build/screenshots (git-ignored) unless
# STORYSCOPE_SCREENSHOTS names another folder. Refresh the README's pictures with
# `STORYSCOPE_SCREENSHOTS=docs/screenshots scripts/test tests/e2e`.
SCREENSHOTS = ROOT / os.environ.get("STORYSCOPE_SCREENSHOTS", "build/screenshots")
APP_IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
APP_CONNECTED = "[data-testid='stApp'][data-test-connection-state='CONNECTED']"
STARTUP_TIMEOUT = 90.0
#: A drawn plotly chart.
CHART = "[data-testid='stPlotlyChart'] .main-svg"
#: Milliseconds Playwright waits for the app to settle / an element to show.
TIMEOUT_MS = 30_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("localhost", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, *, timeout: float = STARTUP_TIMEOUT) -> float:
    """Poll ``<url>/_stcore/health`` until it answers ``ok``; returns the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"streamlit was not healthy after {timeout:.0f} s:\n{log.read_text(errors='replace')}")


def start_dashboard(data_dir: Path, log: Path, *, port: int | None = None) -> tuple[subprocess.Popen, str]:
    """Start ``streamlit run dashboard/serve.py`` (the app behind its host check) headless on a free port;
    returns the process and its URL."""
    port = port or free_port()
    env = {**os.environ, "STORYSCOPE_DATA": str(data_dir), "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard/serve.py",
        "--server.headless", "true", "--server.port", str(port), "--browser.gatherUsageStats", "false",
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    return proc, f"http://localhost:{port}"


@contextmanager
def running_dashboard(data_dir: Path) -> Iterator[tuple[str, float]]:
    """A dashboard on the library in ``data_dir`` (its log in ``data_dir/streamlit.log``), healthy: yields its
    URL and the seconds it took to answer; stops it on leaving."""
    log = data_dir / "streamlit.log"
    proc, url = start_dashboard(data_dir, log)
    try:
        yield url, wait_healthy(url, proc, log)
    finally:
        stop(proc)


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)


def launch_chromium(playwright, path: str):
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


def wait_for_app(page, *, timeout: int = TIMEOUT_MS) -> None:
    """Wait until the app is connected and has finished its script run (and so drawn what it will draw).

    Before the first run the page shows a skeleton while the state already reads "notRunning", so the
    skeleton's absence is awaited too; a short pause lets a rerun triggered by a click begin.
    """
    page.wait_for_selector(APP_CONNECTED, timeout=timeout)
    page.wait_for_timeout(150)
    page.wait_for_selector(APP_IDLE, timeout=timeout)
    page.wait_for_function("!document.querySelector(\"[data-testid='stSkeleton']\")", timeout=timeout)
    page.wait_for_selector(APP_IDLE, timeout=timeout)




def seconds_to_rerun(page, key: str) -> float:
    """Seconds from pressing ``key`` on the page's first slider until the app has rerun and shows a chart."""
    slider = page.get_by_role("slider").first
    start = time.perf_counter()
    slider.focus()
    page.keyboard.press(key)
    page.wait_for_timeout(50)
    wait_for_app(page)
    page.locator(CHART).first.wait_for(state="visible")
    return time.perf_counter() - start


def choose_option(page, label: str, option: str) -> None:
    """Pick ``option`` in the selectbox labelled ``label`` (the last one when several have that label)."""
    box = page.locator("[data-testid='stSelectbox']").filter(has=page.get_by_label(label, exact=True)).last
    wanted = page.get_by_role("option", name=option, exact=True)
    for _ in range(3):  # the list may already be open (focus) and a click closes it: retry
        box.get_by_role("button", name="Open").click()
        try:
            wanted.wait_for(state="visible", timeout=2_000)
            break
        except Exception:  # noqa: BLE001 - playwright's TimeoutError; try again
            continue
    wanted.click()
