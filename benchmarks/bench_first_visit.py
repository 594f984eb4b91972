"""A first visit in a real browser: how much JavaScript it fetches and when the first chart shows. Prints figures.

Each round opens the Article page in a brand-new browser context (nothing cached) and records every response:
bytes on the wire (``request.sizes()``, compressed when the server compressed it) and decoded, per kind, and
the largest scripts; then the seconds from navigation to the first drawn chart. Best and median of the rounds.

Run: ``.venv/bin/python benchmarks/bench_first_visit.py [--rounds 5] [--root OTHER_CHECKOUT]``
(``--root`` measures another checkout of the project, e.g. an older commit unpacked with ``git archive``, with
this checkout's Python: alternate the two and compare best rounds on a busy machine.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from e2e_support import CHART, CHROMIUM, free_port, launch_chromium, stop, wait_healthy  # noqa: E402


def visit(browser, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    start = time.perf_counter()
    page.goto(url)
    page.locator(CHART).first.wait_for(state="visible", timeout=120_000)
    seconds = time.perf_counter() - start
    page.wait_for_timeout(500)
    wire, decoded, largest = Counter(), Counter(), []
    for request in responses:
        kind = request.resource_type
        sizes = request.sizes()
        response = request.response()
        body = len(response.body()) if response and kind == "script" else 0
        wire[kind] += sizes["responseBodySize"]
        decoded[kind] += body
        if kind == "script":
            largest.append((sizes["responseBodySize"], body, request.url.rsplit("/", 1)[-1]))
    context.close()
    return {"seconds": seconds, "wire": wire, "decoded": decoded, "largest": sorted(largest, reverse=True)[:6],
            "scripts": sum(1 for r in responses if r.resource_type == "script")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        log = Path(tmp) / "streamlit.log"
        port = free_port()
        env = {**os.environ, "STORYSCOPE_DATA": tmp, "PYTHONPATH": str(args.root)}
        entry = "dashboard/serve.py" if (args.root / "dashboard" / "serve.py").exists() else "dashboard/app.py"
        command = [sys.executable, "-m", "streamlit", "run", entry, "--server.headless", "true",
                   "--server.port", str(port), "--browser.gatherUsageStats", "false"]
        with log.open("wb") as out:
            proc = subprocess.Popen(command, cwd=args.root, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            url = f"http://localhost:{port}"
            wait_healthy(url, proc, log)
            browser = launch_chromium(playwright, CHROMIUM)
            visit(browser, url)  # the seed is analysed and cached by this one
            rounds = [visit(browser, url) for _ in range(args.rounds)]
            browser.close()
        finally:
            stop(proc)

    seconds = [r["seconds"] for r in rounds]
    last = rounds[-1]
    mb = 1024 * 1024
    print(f"checkout: {args.root}")
    print(f"load average (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"first chart, first-time browser: best {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s "
          f"(n={len(seconds)})")
    print(f"scripts fetched: {last['scripts']}, {last['wire']['script'] / mb:.2f} MB on the wire, "
          f"{last['decoded']['script'] / mb:.2f} MB decoded")
    print("everything on the wire by kind: " + ", ".join(f"{k} {v / mb:.2f} MB" for k, v in last["wire"].most_common()))
    print("largest scripts (wire / decoded): " + "; ".join(f"{name} {w / mb:.2f}/{d / mb:.2f} MB"
                                                          for w, d, name in last["largest"]))


if __name__ == "__main__":
    main()
