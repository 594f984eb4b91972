"""Speed of comparing many articles (issue 5 §5). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_compare.py [--articles 200] [--repeat 3] [--no-browser]

1. Stores N distinct dated articles in a temporary library (``STORYSCOPE_DATA``): each one mixes the body
   paragraphs of one "theme" article (the seed or one of the English test articles) with a few paragraphs of
   others, so the articles share people and places but differ in their words.
2. The engine, with the analyses already loaded from the library's cache: the keyness of every article
   against the others (``analysis.compare.distinctive_terms``, target < 1 s for 200), and the other tables
   the Compare page draws (shared entities, sentiment arcs, terms side by side, summary, timeline).
3. The Compare page in a real browser (Debian's Chromium via Playwright) on that library: from opening the
   page to every chart of its first tab drawn, on a first visit (the server loads the analyses) and then on
   returning visits (the server's caches are warm; target < 3 s); and the seconds to open each other tab.

Everything happens in a temporary folder: the default library is never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from analysis.reading.text import parse_article  # noqa: E402

SOURCES = [
    *sorted((ROOT / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "compare").glob("*.txt")),
    *sorted((ROOT / "tests" / "data" / "entities").glob("*.txt")),
    ROOT / "tests" / "data" / "terms" / "port_strike_en.txt",
    ROOT / "tests" / "data" / "text" / "wire-dateline.txt",
    ROOT / "tests" / "data" / "readers" / "harbour-report.md",
]


def build_articles(count: int, *, seed: int = 5) -> list[tuple[str, str, dt.date]]:
    """``count`` distinct articles as (title, text, publication date).

    Article n takes the body paragraphs of one theme article (in turn), drops a few at random and adds two
    or three paragraphs of other articles, so no two texts are the same and entities recur across them.
    Dates run every third day from 1 January 2023.
    """
    themes = []
    for path in SOURCES:
        article = parse_article(path.read_text(encoding="utf-8"))
        body = [p.text for p in article.paragraphs if p.kind == "body" and len(p.text.split()) >= 8]
        if body:
            themes.append((article.title or path.stem, body))
    everything = [p for _, body in themes for p in body]
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        title, body = themes[n % len(themes)]
        kept = [p for p in body if rng.random() > 0.25] or body[:1]
        extra = rng.sample(everything, k=rng.randint(2, 3))
        paragraphs = kept + extra
        rng.shuffle(paragraphs)
        date = dt.date(2023, 1, 1) + dt.timedelta(days=3 * n)
        articles.append((f"{title} — part {n + 1}", "\n\n".join(paragraphs) + "\n", date))
    return articles


def fill_library(folder: Path, count: int) -> float:
    """Store ``count`` articles (analysed and cached) in the library at ``folder``; returns the seconds taken."""
    from analysis.store.library import Library

    start = time.perf_counter()
    with Library(folder) as library:
        for title, text, date in build_articles(count - len(library)):
            result = library.add_text(text, title=title, source="Storyscope benchmark")
            library.update(result.id, published=date)
    return time.perf_counter() - start


def timed(runs: int, call) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of ``runs`` calls."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return walls, cpus


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.3f} s (min {min(values):.3f}, max {max(values):.3f}, n={len(values)})"


def engine_figures(folder: Path, repeat: int) -> list[str]:
    """The compare tables of every article in the library, timed on analyses read from its cache."""
    from analysis import compare
    from analysis.store.library import Library

    with Library(folder) as library:
        ids = list(library.list_articles()["id"])
        (load,), _ = timed(1, lambda: library.analyses(ids))
        analyses = library.analyses(ids)
    compare.shared_entities(analyses[:2])  # the place-name table is built once per process: not counted
    lines = [f"analyses of {len(ids)} articles read from the library's cache: {load:.3f} s"]
    walls, cpus = timed(repeat, lambda: compare.distinctive_terms(analyses))
    lines.append(f"keyness of {len(ids)} articles (distinctive_terms): {summary(walls)}; "
                 f"CPU median {statistics.median(cpus):.3f} s   (target < 1 s)")
    entities = compare.shared_entities(analyses)
    names = list(entities.drop_duplicates("entity")["name"].head(3))
    for label, call in [
        ("shared_entities", lambda: compare.shared_entities(analyses)),
        ("sentiment_arcs", lambda: compare.sentiment_arcs(analyses)),
        ("terms_side_by_side (top 10)", lambda: compare.terms_side_by_side(analyses, top=10)),
        ("comparison_summary", lambda: compare.comparison_summary(analyses)),
        ("timeline of 3 entities (given the shared entities)",
         lambda: compare.timeline(analyses, items=names, entities=entities)),
    ]:
        walls, _ = timed(repeat, call)
        lines.append(f"{label}: {summary(walls)}")
    return lines


TABS = {"Terms": ["compare_terms-chart"], "Distinctive terms": ["compare_distinctive-chart"],
        "Sentiment": ["compare_arcs-chart"], "Entities": ["compare_entities-chart", "compare_treatment-chart"],
        "Over time": ["compare_timeline-chart"]}
LOADED = "analyses to compare"


def seconds_to_compare(page, url: str) -> float:
    """Open the Compare page; seconds until the app has finished its run and the first tab's chart is drawn."""
    from e2e_support import wait_for_app

    start = time.perf_counter()
    page.goto(f"{url}/compare")
    page.locator(f".st-key-{TABS['Terms'][0]} .main-svg").first.wait_for(state="visible", timeout=120_000)
    wait_for_app(page, timeout=120_000)
    return time.perf_counter() - start


def seconds_to_tab(page, name: str) -> float:
    from e2e_support import wait_for_app

    start = time.perf_counter()
    page.get_by_role("tab", name=name, exact=True).click()
    page.wait_for_timeout(50)
    wait_for_app(page, timeout=120_000)
    for key in TABS[name]:
        page.locator(f".st-key-{key} .main-svg").first.wait_for(state="visible", timeout=120_000)
    return time.perf_counter() - start


def browser_figures(folder: Path, repeat: int) -> list[str]:
    from playwright.sync_api import sync_playwright

    from e2e_support import CHROMIUM, launch_chromium, running_dashboard, seconds_to_rerun

    log = folder / "streamlit.log"
    with running_dashboard(folder) as (url, _), sync_playwright() as playwright:
        browser = launch_chromium(playwright, CHROMIUM)
        viewport = {"width": 1400, "height": 1000}
        context = browser.new_context(viewport=viewport)
        first = seconds_to_compare(context.new_page(), url)  # the server loads the analyses now
        context.close()
        fresh = []
        for _ in range(repeat):
            context = browser.new_context(viewport=viewport)
            fresh.append(seconds_to_compare(context.new_page(), url))
            context.close()
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        seconds_to_compare(page, url)
        returning = [seconds_to_compare(page, url) for _ in range(repeat)]
        tabs: dict[str, list[float]] = {name: [] for name in TABS if name != "Terms"}
        for _ in range(repeat):
            for name in tabs:
                tabs[name].append(seconds_to_tab(page, name))
            seconds_to_tab(page, "Terms")
        reruns = [seconds_to_rerun(page, "ArrowLeft") for _ in range(repeat)]
        context.close()
        browser.close()
    loads = log.read_text(errors="replace").count(LOADED)
    lines = [
        f"load average (1 min) while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
        f"Compare page, first visit after a server start (every analysis read from the library's cache): {first:.2f} s",
        f"Compare page, first-time browser (JS not cached):   {summary(fresh)}",
        f"Compare page, returning browser (JS cached):        {summary(returning)}   (target < 3 s)",
    ]
    lines += [f"open the {name!r} tab: {summary(values)}" for name, values in tabs.items()]
    lines.append(f"rerun (slider moved), incl. 50 ms wait: {summary(reruns)}")
    lines.append(f"times the server loaded the analyses to compare: {loads}   (should be 1)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="articles in the library (default 200)")
    parser.add_argument("--repeat", type=int, default=3, help="measurements per figure (default 3)")
    parser.add_argument("--no-browser", action="store_true", help="time the engine only")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        stored = fill_library(folder, args.articles)
        print(f"stored {args.articles} articles (analysed and cached) in {stored:.1f} s")
        for line in engine_figures(folder, args.repeat):
            print(line)
        if not args.no_browser:
            from e2e_support import CHROMIUM

            if not os.access(CHROMIUM, os.X_OK):
                print(f"no Chromium at {CHROMIUM}: install it (`apt-get install chromium`) to time the page")
                return
            for line in browser_figures(folder, args.repeat):
                print(line)


if __name__ == "__main__":
    main()
