"""The Compare page through Streamlit's AppTest, on a temporary library holding the seed and two harbour articles.

Each tab runs only when open, so each test opens the tab it checks (``compare_tab`` in the session state).
The figures are read from each plotly element's ``proto.spec`` JSON.
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from analysis.compare import distinctive_terms
from analysis.nlp.entities import EntityEdit
from dashboard import cached, charts

from apptest_support import APP, ROOT, TIMEOUT, plotly_figures, run_app

DATA = ROOT / "tests" / "data" / "compare"
TABS = ["Terms", "Distinctive terms", "Sentiment", "Entities", "Over time"]
HOSTILE_TITLE = "<script>alert(1)</script>"


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYSCOPE_DATA", str(tmp_path))
    return cached.library(str(tmp_path))


@pytest.fixture
def harbour(library) -> tuple[int, int]:
    """The ids of the strike (4 March 2024) and the deal (9 March 2024), which name Molina differently."""
    strike = library.add_file((DATA / "harbour-strike.txt").read_bytes(), "harbour-strike.txt")
    deal = library.add_file((DATA / "harbour-deal.txt").read_bytes(), "harbour-deal.txt")
    return strike.id, deal.id


def run_compare(tab: str = "Terms", **state) -> AppTest:
    return run_app("app_pages/compare.py", compare_tab=tab, **state)


def charts_of(at: AppTest) -> dict[str, dict]:
    """The plotly figures on the page, as plain JSON, by their title."""
    return {f["layout"]["title"]["text"]: f for f in plotly_figures(at)}


def download_labels(at: AppTest) -> list[str]:
    return [b.label for b in at.download_button]


# --- Every chart, with two articles -------------------------------------------------------------------------


CHART = ["PNG", "SVG", "HTML", "CSV"]


@pytest.mark.parametrize("tab, titles, downloads", [
    ("Terms", ["Terms per 1,000 words, side by side"], CHART),
    ("Distinctive terms", ["Distinctive terms of each article"], [*CHART, "CSV"]),  # and the table's CSV
    ("Sentiment", ["Sentiment arcs: paragraph by paragraph, start to end"], CHART),
    ("Entities", ["Entities: mentions per 1,000 words", "Sentiment of the sentences that mention each entity"],
     [*CHART, "CSV", *CHART]),  # the names table's CSV between the two charts
    ("Over time", ["Over time: how often each is named, and the tone around it"], CHART),
])
def test_each_tab_shows_its_charts_with_their_four_downloads(library, harbour, tab, titles, downloads):
    at = run_compare(tab, compare_ids=list(harbour))
    assert list(charts_of(at)) == titles
    # the summary table's CSV, the report's buttons, then the tab's
    assert download_labels(at) == ["CSV", "Download report", "PDF", "All charts", *downloads]
    assert len(at.dataframe[0].value) == 2  # the summary: one row per article
    assert {"words", "paragraphs", "sentiment", "polarity", "subjectivity", "vader", "lexical_density", "entities"} <= set(
        at.dataframe[0].value.columns)


def test_terms_are_dots_one_series_per_article_in_its_colour(library, harbour):
    at = run_compare(compare_ids=list(harbour))
    (figure,) = charts_of(at).values()
    dots = [t for t in figure["data"] if t["mode"] == "markers"]
    assert [t["name"] for t in dots] == list(at.dataframe[0].value["article"])  # the summary's order
    assert len({t["marker"]["color"] for t in dots}) == 2
    at.slider(key="compare_top").set_value(3).run()
    (smaller,) = charts_of(at).values()
    assert len(smaller["data"][-1]["y"]) < len(dots[-1]["y"])


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_an_article_keeps_its_colour_when_the_selection_changes(library, harbour):
    seed = int(library.list_articles().query("seed")["id"].iloc[0])
    first, second = list(harbour)

    def colours(ids):
        at = run_compare("Sentiment", compare_ids=ids)
        (figure,) = charts_of(at).values()
        return {t["name"]: t["line"]["color"] for t in figure["data"]}

    two, three = colours([first, second]), colours([seed, first, second])
    assert len(set(three.values())) == 3
    assert all(three[name] == colour for name, colour in two.items())


def test_distinctive_terms_are_the_engine_figures_and_follow_the_threshold(library, harbour):
    at = run_compare("Distinctive terms", compare_ids=list(harbour))
    (figure,) = charts_of(at).values()
    analyses = [library.analysis(i) for i in harbour]
    expected = distinctive_terms(analyses, top=10)
    drawn = [(t["y"], t["x"]) for t in figure["data"]]
    for (terms, g2), (_, part) in zip(drawn, expected.groupby("article", sort=False)):
        assert terms == list(part["term"])
        assert g2 == pytest.approx(list(part["g2"]))
    assert all(g >= 6.63 for _, g2 in drawn for g in g2)
    table = next(d.value for d in at.dataframe if "log_ratio" in d.value.columns)
    assert len(table) == len(expected)

    at.selectbox(key="distinctive_threshold").set_value(3.84).run()
    looser = next(d.value for d in at.dataframe if "log_ratio" in d.value.columns)
    assert len(looser) > len(table) and looser["g2"].min() >= 3.84


def test_sentiment_arcs_overlay_both_articles_from_0_to_100_percent(library, harbour):
    at = run_compare("Sentiment", compare_ids=list(harbour))
    (figure,) = charts_of(at).values()
    assert len(figure["data"]) == 2
    for trace in figure["data"]:
        assert trace["x"][0] == 0 and trace["x"][-1] == 100
    polarity = figure["data"][0]["y"]
    at.segmented_control(key="arc_score").set_value("vader").run()
    (vader,) = charts_of(at).values()
    assert vader["data"][0]["y"] != polarity
    assert vader["layout"]["yaxis"]["title"]["text"] == "VADER compound"


def test_an_entity_is_one_row_across_articles_that_name_it_differently(library, harbour):
    at = run_compare("Entities", compare_ids=list(harbour))
    heatmap = charts_of(at)["Entities: mentions per 1,000 words"]["data"][0]
    assert heatmap["y"].count("Andrés Molina") == 1 and "El Capitán" not in heatmap["y"]
    row = heatmap["z"][heatmap["y"].index("Andrés Molina")]
    assert all(v > 0 for v in row)  # named in both: "Andrés Molina" / "Molina" and "El Capitán"
    names = next(d.value for d in at.dataframe if "aliases" in d.value.columns)
    molina = names[names["name"] == "Andrés Molina"]
    assert len(molina) == 1 and "El Capitán" in molina["aliases"].iloc[0] and molina["articles"].iloc[0] == 2
    assert not (names["name"] == "El Capitán").any()

    treatment = charts_of(at)["Sentiment of the sentences that mention each entity"]
    dots = {t["name"]: dict(zip(t["y"], t["x"])) for t in treatment["data"]}
    assert len(dots) == 2 and all("Andrés Molina" in d for d in dots.values())


def test_entity_edits_from_the_article_page_apply(library, harbour):
    strike, _ = harbour
    library.add_entity_edit(strike, EntityEdit("rename", "Andrés Molina", "Andrés Molina Rojas"))
    at = run_compare("Entities", compare_ids=list(harbour))
    rows = charts_of(at)["Entities: mentions per 1,000 words"]["data"][0]["y"]
    assert "Andrés Molina Rojas" in rows and "Andrés Molina" not in rows  # still one row for both articles
    z = charts_of(at)["Entities: mentions per 1,000 words"]["data"][0]["z"][rows.index("Andrés Molina Rojas")]
    assert all(v > 0 for v in z)


def test_entity_types_and_number_limit_the_heatmap(library, harbour):
    at = run_compare("Entities", compare_ids=list(harbour))
    rows = charts_of(at)["Entities: mentions per 1,000 words"]["data"][0]["y"]
    at.slider(key="compare_entity_top").set_value(5).run()
    assert len(charts_of(at)["Entities: mentions per 1,000 words"]["data"][0]["y"]) == min(5, len(rows))
    at.button_group(key="compare_entity_types").set_value(["person"]).run()
    people = charts_of(at)["Entities: mentions per 1,000 words"]["data"][0]["y"]
    assert "Andrés Molina" in people and "Port of Valparaíso" not in people


def test_the_timeline_draws_chosen_items_by_date(library, harbour):
    at = run_compare("Over time", compare_ids=list(harbour))
    (figure,) = charts_of(at).values()
    chosen = next(m for m in at.multiselect if m.label == "Entities or terms")
    names = [t["name"] for t in figure["data"] if t.get("showlegend") is not False]
    assert names == chosen.value and chosen.value
    rates = figure["data"][0]
    assert rates["x"] == ["2024-03-04", "2024-03-09"] and rates["mode"] == "markers"

    chosen.set_value(["El Capitán", "strike"]).run()
    (figure,) = charts_of(at).values()
    capitan, _, strike, _ = figure["data"]
    assert (capitan["name"], strike["name"]) == ("El Capitán", "strike")
    assert all(v > 0 for v in capitan["y"])


def test_a_timeline_needs_two_dated_articles(library):
    pasted = library.add_text("Calm seas returned to the bay, and the ferries ran on time all week.", title="Bay")
    seed = int(library.list_articles().query("seed")["id"].iloc[0])
    at = run_compare("Over time", compare_ids=[pasted.id, seed])
    assert not charts_of(at)
    assert any("two or more articles with a publication date" in i.value for i in at.info)


# --- Fewer or many articles ---------------------------------------------------------------------------------


def test_one_article_asks_for_a_second_where_a_comparison_needs_one(library, harbour):
    for tab in ("Distinctive terms", "Entities"):
        at = run_compare(tab, compare_ids=[harbour[0]])
        assert any("at least two articles" in i.value for i in at.info)
    at = run_compare("Terms", compare_ids=[harbour[0]])
    assert len(charts_of(at)) == 1


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_many_articles_are_drawn_as_heatmaps(library, harbour, monkeypatch):
    monkeypatch.setattr(charts, "MANY_ARTICLES", 2)  # the seed and the two harbour articles are "many"
    for tab in ("Terms", "Sentiment", "Entities"):
        at = run_compare(tab)
        figures = charts_of(at)
        assert figures and all(f["data"][0]["type"] == "heatmap" for f in figures.values()), tab
        assert all(len(f["data"][0]["x"]) == 3 for f in figures.values())  # one column per article
        assert any("heatmaps" in c.value for c in at.caption)


def test_with_more_articles_than_panels_the_user_picks_which_to_chart(library, harbour):
    for n, place in enumerate(["Lisbon", "Oslo", "Dakar", "Quito", "Hanoi"]):
        days = " ".join(f"On day {k + 2} the {place} union met the port board and asked for safer cranes, longer "
                        f"breaks and better pay for night shifts, and {place} exporters waited." for k in range(4))
        library.add_text(f"Ferry workers in {place} walked out on day {n + 1}. The strike closed the harbour of "
                         f"{place} and exporters in {place} counted their losses. {days}", title=f"Strike in {place}")
    at = run_compare("Distinctive terms")
    chooser = next(m for m in at.multiselect if m.label == "Articles to chart")
    assert len(chooser.value) == 4
    (figure,) = charts_of(at).values()
    panels = [a["text"] for a in figure["layout"]["annotations"] if a.get("yanchor") == "bottom"]
    assert len(panels) == 4
    chooser.set_value(chooser.value[:2]).run()
    (figure,) = charts_of(at).values()
    assert len([a for a in figure["layout"]["annotations"] if a.get("yanchor") == "bottom"]) == 2
    table = next(d.value for d in at.dataframe if "log_ratio" in d.value.columns)
    assert table["article"].nunique() > 2  # the table keeps every article's terms


def test_hostile_titles_are_escaped_in_every_chart(library, harbour):
    bad = library.add_text("The harbour strike ended. Dock workers praised the deal and the inspectors.",
                           title=HOSTILE_TITLE)
    for tab in TABS[:4]:
        at = run_compare(tab, compare_ids=[harbour[0], bad.id])
        spec = json.dumps(list(charts_of(at).values()))
        assert "<script>" not in spec
        assert not any(getattr(m.proto, "allow_html", False) for m in at.markdown)


@pytest.mark.slow  # over half a second: the fast tier stays under a minute
def test_a_rerun_loads_no_analysis_again(library, harbour, monkeypatch):
    calls = []
    real = type(library).analyses

    def counting(self, ids, **options):
        calls.append(list(ids))
        return real(self, ids, **options)

    monkeypatch.setattr(type(library), "analyses", counting)
    cached._compared_analyses.clear()
    at = run_compare(compare_ids=list(harbour))
    assert list(harbour) in calls  # the two articles, read in one query
    loaded = len(calls)
    at.slider(key="compare_top").set_value(5).run()
    at.session_state["compare_tab"] = "Entities"
    at.run()
    assert not at.exception and charts_of(at)
    assert len(calls) == loaded


def test_a_merge_gives_the_same_corrected_numbers_on_the_dashboard_in_compare_and_in_the_export(
    library, harbour, capsys
):
    from analysis.cli import main

    strike, deal = harbour
    library.add_entity_edit(strike, EntityEdit("merge", "San Antonio", "Port of Valparaíso"))  # 2 + 1 mentions

    # the dashboard: the Compare page's heatmap (per 1,000 words) and the Article page's mentions chart
    at = run_compare("Entities", compare_ids=[strike, deal])
    heatmap = charts_of(at)["Entities: mentions per 1,000 words"]["data"][0]
    assert "San Antonio" not in heatmap["y"]
    shown_per_1000 = heatmap["z"][heatmap["y"].index("Port of Valparaíso")][0]  # the strike: first article
    article_page = run_app(article_tab="Entities", article_id=strike)
    bars = next(f for f in plotly_figures(article_page) if f["layout"]["title"]["text"] == "Mentions per entity")
    shown_mentions = {name: count for trace in bars["data"] for name, count in zip(trace["y"], trace["x"])}

    # the CLI's compare of the same two library articles
    assert main(["compare", str(strike), str(deal)]) == 0
    compared = json.loads(capsys.readouterr().out)
    title = compared["articles"][0]["title"]
    (port,) = [e for e in compared["entities"] if e["name"] == "Port of Valparaíso" and e["article"] == title]
    assert not [e for e in compared["entities"] if e["name"] == "San Antonio"]

    # the library export
    assert main(["library", "export"]) == 0
    exported = {a["id"]: a for a in json.loads(capsys.readouterr().out)["articles"]}
    entities = {e["name"]: e for e in exported[strike]["analysis"]["entities"]}
    assert "San Antonio" not in entities and "San Antonio" in entities["Port of Valparaíso"]["aliases"]
    assert exported[strike]["entity_edits"] == [{"action": "merge", "a": "San Antonio", "b": "Port of Valparaíso"}]

    assert shown_mentions["Port of Valparaíso"] == port["mentions"] == entities["Port of Valparaíso"]["mentions"] == 3
    assert shown_per_1000 == pytest.approx(port["per_1000"])


# --- A view in the URL ----------------------------------------------------------------------------------------


def test_the_url_opens_the_same_comparison_tab_and_options(library, harbour):
    first, second = list(harbour)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.query_params.update({"articles": f"{second},{first}", "compare_tab": "Sentiment", "arc_score": "VADER"})
    at.run()
    at.switch_page("app_pages/compare.py").run()
    assert not at.exception
    assert at.multiselect(key="compare_choice").value == [second, first]
    (title,) = charts_of(at)
    assert title.startswith("Sentiment arcs")
    assert charts_of(at)[title]["layout"]["yaxis"]["title"]["text"] == "VADER compound"
    # and a change is written back, ready to be copied
    at.multiselect(key="compare_choice").set_value([first]).run()
    assert at.query_params["articles"] == str(first)


def test_near_duplicates_are_named_with_why_they_share_no_distinctive_terms(library, harbour):
    strike_text = (ROOT / "tests" / "data" / "compare" / "harbour-strike.txt").read_text(encoding="utf-8")
    copy = library.add_text(strike_text.split("\n", 1)[1].replace("Monday", "Monday morning"),
                            title="Valparaíso Port Idle as Dockers Walk Out")
    at = run_compare("Distinctive terms", compare_ids=[*harbour, copy.id])
    (warning,) = [w.value for w in at.warning if "near" in w.value]
    assert "Valparaíso Port Idle as Dockers Walk Out" in warning.replace("\\", "")
    assert "neither has distinctive terms" in warning
