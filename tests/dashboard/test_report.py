"""Reports (dashboard.report): what the Article and Compare pages' "Download report" and `analysis report` write."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.pipeline import analyze
from analysis.reading.text import parse_article
from dashboard import report

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "compare"
DAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def pair():
    return [analyze(parse_article((DATA / name).read_text(encoding="utf-8")))
            for name in ("harbour-strike.txt", "harbour-deal.txt")]


@pytest.fixture(scope="module")
def article_report(seed_analysis):
    return report.article_report(seed_analysis, made=DAY)


def _charts_in(page: str) -> int:
    return page.count('class="plotly-graph-div"')


def test_article_report_html_holds_every_chart_and_plotly_once(article_report, seed_analysis):
    page = report.report_html(article_report).decode("utf-8")
    assert [c.name for c in article_report.charts] == ["terms", "sentiment", "entity-mentions", "entity-dispersion"]
    assert _charts_in(page) == len(article_report.charts)
    assert page.count("Plotly.newPlot(") == len(article_report.charts)
    assert len(re.findall(r"plotly\.js v\d", page)) == 1  # the library inlined once, not once per chart
    assert "<script src=" not in page and "cdn" not in page.lower().split("</script>")[-1]  # opens offline
    for heading in ("Options used", "How these numbers are made", "Paragraphs, their kinds and scores"):
        assert heading in page
    assert page.count("<tr>") > len(seed_analysis.article.paragraphs)  # the paragraph table and chart tables
    for metric in article_report.metrics:
        assert metric.label in page


def test_every_chart_title_names_the_article_and_its_source(article_report, seed_analysis):
    for chart in article_report.charts:
        subtitle = chart.figure.layout.title.subtitle.text
        assert seed_analysis.article.title[:20] in subtitle
        assert (seed_analysis.article.source or "source unknown")[:15] in subtitle


def test_report_file_names_carry_the_title_and_the_date(article_report, pair):
    assert article_report.filename("html") == f"{report.exports.slug(article_report.title)}-2026-03-01.html"
    compared = report.comparison_report(pair, ids=[3, 8], made=DAY)
    assert compared.filename("zip") == "compare-dock-workers-strike-vs-port-strike-ends-2026-03-01-charts.zip"


def test_user_text_in_a_report_is_escaped(seed_analysis):
    import dataclasses

    hostile = "<script>alert(1)</script>"
    article = dataclasses.replace(seed_analysis.article, title=hostile, source=hostile)
    page = report.report_html(report.article_report(dataclasses.replace(seed_analysis, article=article)))
    assert hostile.encode() not in page


def test_comparison_report_gives_each_article_one_colour_on_every_chart(pair):
    made = report.comparison_report(pair, ids=[3, 8], made=DAY)
    names = {c.name for c in made.charts}
    assert {"terms-per-1000", "distinctive-terms", "sentiment-arcs", "entities", "entity-polarity"} <= names
    seen: dict[str, set[str]] = {}
    for chart in made.charts:
        for trace in chart.figure.data:
            colour = (trace.marker.color if trace.type == "scatter" and trace.mode == "markers" else
                      trace.line.color if trace.type == "scatter" and trace.mode == "lines+markers" else None)
            if chart.name != "timeline" and isinstance(colour, str):
                seen.setdefault(trace.name, set()).add(colour)
    assert len(seen) == 2 and all(len(c) == 1 for c in seen.values())
    assert len({next(iter(c)) for c in seen.values()}) == 2


def test_zip_holds_every_table_and_says_why_when_there_are_no_images(pair):
    made = report.comparison_report(pair, ids=[1, 2], made=DAY)
    with zipfile.ZipFile(io.BytesIO(report.report_zip(made, images=False))) as archive:
        names = archive.namelist()
    assert sum(n.endswith(".csv") for n in names) == len(made.charts) + len(made.tables)
    assert "NO-IMAGES.txt" in names and all(n.startswith(made.stem) for n in names if n.endswith(".csv"))


def test_a_report_file_needs_a_known_extension(article_report, tmp_path):
    with pytest.raises(report.ReportError, match=r"\.html, \.pdf or \.zip"):
        report.write_report(article_report, tmp_path / "report.docx")


@pytest.mark.slow
def test_pdf_and_zip_with_images(pair):
    if report.pdf_problem():
        pytest.skip(report.pdf_problem())
    made = report.comparison_report(pair, ids=[1, 2], made=DAY)
    pdf = report.report_pdf(made)
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page[^s]", pdf)) >= 2
    with zipfile.ZipFile(io.BytesIO(report.report_zip(made))) as archive:
        names = archive.namelist()
    for chart in made.charts:
        for ext in ("png", "svg", "csv"):
            assert f"{made.stem}-{chart.name}.{ext}" in names


def test_cli_writes_an_article_report_and_a_comparison(tmp_path, capsys):
    one = tmp_path / "one.html"
    assert main(["report", str(DATA / "harbour-strike.txt"), "--out", str(one)]) == 0
    assert _charts_in(one.read_text(encoding="utf-8")) == 4
    both = tmp_path / "both.html"
    assert main(["report", str(DATA / "harbour-strike.txt"), str(DATA / "harbour-deal.txt"), "--out", str(both)]) == 0
    page = both.read_text(encoding="utf-8")
    assert "Comparison of 2 articles" in page and _charts_in(page) >= 5
    missing = tmp_path / "missing.txt"
    assert main(["report", str(missing), "--out", str(tmp_path / "x.html")]) == 2
    assert "missing.txt" in capsys.readouterr().err


@pytest.mark.slow  # a subprocess, a browser or a rebuild: over half a second (fast tier under a minute)
def test_the_report_command_never_imports_streamlit(tmp_path):
    code = ("import sys; from analysis.cli import main; "
            f"main(['report', {str(DATA / 'harbour-strike.txt')!r}, '--out', {str(tmp_path / 'r.html')!r}]); "
            "sys.exit(1 if any(m == 'streamlit' or m.startswith('streamlit.') for m in sys.modules) else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
