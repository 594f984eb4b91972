"""The Archive page in AppTest on a small batch output, and its chart functions on the archive's tables."""

from __future__ import annotations

import pytest

from analysis.batch.query import Archive
from analysis.batch.run import IN_PROCESS, run_batch
from dashboard import archive_charts
from tests.batch_support import articles, write_sources
from apptest_support import plotly_figures, run_app


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive-page")
    write_sources(folder / "in", articles(16, seed=9), files=2, seed=9)
    run_batch([str(folder / "in")], folder / "out", scheduler=IN_PROCESS, batch_size=6)
    return folder / "out"


def test_charts_draw_every_dated_point_with_its_drill_down_key(archive_dir):
    with Archive(archive_dir) as archive:
        entities = archive.entities(top=4, by="month")
        terms = archive.terms(top=3, by="month")
        by_month, by_source = archive.sentiment(by="month"), archive.sentiment(by="source")
    fig = archive_charts.entity_trend_chart(entities)
    dated = entities[entities["month"] != "unknown"]
    assert sum(len(t.x) for t in fig.data) == len(dated) and len(fig.data) == dated["key"].nunique()
    assert {tuple(c[:2]) for t in fig.data for c in t.customdata} == set(zip(dated["month"], dated["key"]))
    fig = archive_charts.term_trend_chart(terms)
    assert {t.name for t in fig.data} == set(terms["term"])
    fig = archive_charts.sentiment_month_chart(by_month)
    assert list(fig.data[0].x) == sorted(m for m in by_month["month"] if m != "unknown")
    fig = archive_charts.sentiment_source_chart(by_source)
    assert set(fig.data[0].y) == set(by_source["source"])
    empty = archive_charts.entity_trend_chart(entities.iloc[0:0])
    assert not empty.data and empty.layout.annotations


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_the_page_opens_a_batch_output_and_shows_each_view(archive_dir, monkeypatch, tmp_path):
    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path / "library"))
    at = run_app("app_pages/archive.py", archive_folder=str(archive_dir))
    assert [m.value for m in at.metric][0] == "16"
    figures = plotly_figures(at)
    assert len(figures) == 1 and figures[0]["data"]  # entities per month
    assert {b.label for b in at.get("download_button")} >= {"HTML", "CSV"}
    at.segmented_control(key="archive_view").set_value("Sentiment").run()
    assert not at.exception and len(plotly_figures(at)) == 2
    at.segmented_control(key="archive_view").set_value("Terms").run()
    assert not at.exception and len(plotly_figures(at)) == 1


def test_the_page_says_what_to_do_with_a_folder_that_is_not_an_archive(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path / "library"))
    at = run_app("app_pages/archive.py", archive_folder=str(tmp_path))
    assert "not a batch output" in at.error[0].value
