"""Every page on a 390 x 844 phone screen: a screenshot of each (docs/screenshots/phone/ holds the README's), and
no chart whose legend or toolbar sits over its title.

The screenshots are taken before the checks, so the same file run on an older checkout gives "before" pictures.
"""

from __future__ import annotations

import pytest

from e2e_support import CHART, TIMEOUT_MS, wait_for_app

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
#: (file name, page path, tab to open or None)
VIEWS = [
    ("phone-article.png", "", None),
    ("phone-article-sentiment.png", "", "Sentiment"),
    ("phone-article-entities.png", "", "Entities"),
    ("phone-compare.png", "compare", None),
    ("phone-library.png", "library", None),
]

#: For each drawn chart: its title's box, its legend's box and its plot area's box (page coordinates).
_BOXES = """
() => [...document.querySelectorAll("[data-testid='stPlotlyChart'] .js-plotly-plot")].map(div => {
  const box = sel => { const e = div.querySelector(sel); if (!e) return null;
                       const r = e.getBoundingClientRect(); return r.width ? [r.left, r.top, r.right, r.bottom] : null; };
  return {title: box(".gtitle"), legend: box(".legend"), plot: box(".nsewdrag"), width: div.getBoundingClientRect().width};
})
"""


def _overlap(a, b) -> bool:
    return a is not None and b is not None and a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture
def phone(browser, dashboard):
    context = browser.new_context(viewport=PHONE, device_scale_factor=1, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    yield page
    context.close()


def test_every_page_reads_on_a_phone(phone, dashboard, screenshots):
    problems = []
    for name, path, tab in VIEWS:
        phone.goto(f"{dashboard}/{path}")
        wait_for_app(phone)
        if tab:
            phone.get_by_role("tab", name=tab, exact=True).click()
            wait_for_app(phone)
        if path != "library":
            phone.locator(CHART).first.wait_for(state="visible")
        phone.set_viewport_size({"width": PHONE["width"], "height": 2200})  # a tall picture: Streamlit scrolls inside
        phone.wait_for_timeout(400)
        phone.screenshot(path=screenshots / name)
        phone.set_viewport_size(PHONE)
        phone.wait_for_timeout(200)
        for k, chart in enumerate(phone.evaluate(_BOXES)):
            if _overlap(chart["legend"], chart["title"]) or _overlap(chart["legend"], chart["plot"]):
                problems.append(f"{name}: chart {k}'s legend covers its title or plot")
            if chart["legend"] and chart["plot"] and chart["legend"][1] < chart["plot"][1]:
                problems.append(f"{name}: chart {k}'s legend is above the plot")
            if chart["width"] > PHONE["width"]:
                problems.append(f"{name}: chart {k} is wider than the screen")
    assert not problems, problems
