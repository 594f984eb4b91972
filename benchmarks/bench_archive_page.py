"""How long the Archive page takes to show a batch output in a real browser (Chromium, Playwright).

Starts the dashboard with ``STORYSCOPE_ARCHIVE`` set to the folder, then times, from ``page.goto`` to the
entities chart drawn and the app idle: the first visit (a fresh server: DuckDB opened, queries run) and later
visits in fresh tabs (queries cached), alternated with visits to the Compare page of the seed alone (what the app costs on
this machine whatever the page). Best and all rounds printed.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_archive_page.py build/archive-20k
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "e2e"))
from e2e_support import CHART, CHROMIUM, launch_chromium, running_dashboard, wait_for_app  # noqa: E402


def visit(browser, url: str, path: str = "archive") -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(120_000)
    start = time.perf_counter()
    page.goto(f"{url}/{path}")
    wait_for_app(page, timeout=120_000)
    page.locator(CHART).first.wait_for(state="visible")
    seconds = time.perf_counter() - start
    articles = page.locator("[data-testid='stMetricValue']").first.inner_text() if path == "archive" else ""
    context.close()
    return seconds, articles


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "archive-20k").resolve()
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    os.environ["STORYSCOPE_ARCHIVE"] = str(folder)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as data, running_dashboard(Path(data)) as (url, _), \
            sync_playwright() as playwright:
        browser = launch_chromium(playwright, CHROMIUM)
        # The app itself (library, seeds) warmed on the Article page first: what is timed is the Archive page.
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(300_000)
        page.goto(url)
        wait_for_app(page, timeout=300_000)
        context.close()
        first, articles = visit(browser, url)
        print(f"{folder.name}: {articles} articles; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"first visit to the Archive page (queries run): {first:.2f} s")
        later, baseline = [], []
        for _ in range(rounds):  # alternated with the Compare page (the seed only): the app's own cost here
            later.append(visit(browser, url)[0])
            baseline.append(visit(browser, url, "compare")[0])
        print(f"later visits (cached): best {min(later):.2f} s, all {', '.join(f'{t:.2f}' for t in later)}")
        print(f"baseline, the Compare page of the seed alone: best {min(baseline):.2f} s, "
              f"all {', '.join(f'{t:.2f}' for t in baseline)}")
        browser.close()


if __name__ == "__main__":
    main()
