"""vendorrisk:replacementplan: table-driven plans checked by hand, then the algorithm on the
sample city's assessment in English and French (layer, table, workbook, themes)."""

import json
import math
import os
import shutil
import sqlite3

import openpyxl
import pandas as pd
import pytest
from conftest import refusal, run_alg
from vendor_risk.risk.procurement.plan import PlanError, plan_replacement

CASES = json.load(
    open(os.path.join(os.path.dirname(__file__), "data", "plan_cases", "cases.json"), encoding="utf-8")
)
COLS = ["asset_id", "forced", "forced_year", "risk_score", "stranded_value", "replacement_cost", "platform"]


@pytest.mark.parametrize("case", CASES["cases"], ids=[c["name"] for c in CASES["cases"]])
def test_plans_checked_by_hand(case):
    frame = pd.DataFrame(case["assets"], columns=COLS)
    plan = plan_replacement(frame, case["budget"], case["start_year"], case["deadline"], "platform")
    assert dict(zip(plan.assets["asset_id"], plan.assets["planned_year"])) == case["planned"]
    assert {str(y): c for y, c in zip(plan.years["year"], plan.years["cost"])} == case["years"]
    assert plan.deadline_met is case["deadline_met"] and plan.shortfall_years == case["shortfall_years"]
    if "budget_for_deadline" in case:
        assert plan.budget_for_deadline == pytest.approx(case["budget_for_deadline"])
    else:
        assert math.isnan(plan.budget_for_deadline)
    assert sorted(plan.assets.loc[plan.assets["late"], "asset_id"]) == case["late"]
    assert plan.years["exposed_assets"].iloc[-1] == 0 and plan.years["exposed_cost"].iloc[-1] == 0


def test_bad_budgets_and_deadlines_are_refused():
    frame = pd.DataFrame([["A", True, 2027, 50, 0, 100, ""]], columns=COLS)
    for budget in (0, -5, float("nan"), float("inf")):
        with pytest.raises(PlanError, match="positive amount"):
            plan_replacement(frame, budget, 2026)
    with pytest.raises(PlanError, match="before the first year"):
        plan_replacement(frame, 100, 2026, 2020)
    with pytest.raises(PlanError, match="lacks replacement_cost"):
        plan_replacement(frame.drop(columns="replacement_cost"), 100, 2026)


@pytest.fixture(scope="module")
def assessment(tmp_path_factory, module_provider):
    from vendor_risk.plugin_paths import PLUGIN_DIR

    folder = tmp_path_factory.mktemp("plan")
    city = folder / "city.gpkg"
    shutil.copy(os.path.join(PLUGIN_DIR, "resources", "sample", "sample_city.gpkg"), city)
    out = folder / "risk.gpkg"
    layers = [f"{city}|layername={n}" for n in ("cameras", "platforms", "street_lights")]
    run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": layers, "JURISDICTION": "FR", "SCENARIOS": "rip_and_replace", "OUTPUT": str(out)},
    )
    return folder, out


@pytest.mark.parametrize(
    "lang, met_words, missed_words",
    [
        ("en", "meets the deadline 2030", "misses the deadline 2030 by"),
        ("fr", "respecte l’échéance 2030", "manque l’échéance 2030 de"),
    ],
)
def test_the_plan_meets_or_misses_and_says_by_how_much(assessment, lang, met_words, missed_words):
    folder, gpkg = assessment
    base = {
        "INPUT": str(gpkg),
        "SCENARIO": "rip_and_replace",
        "START_YEAR": 2027,
        "DEADLINE": 2030,
        "LANGUAGE": lang,
    }
    outputs = {"OUTPUT": str(folder / f"s_{lang}.gpkg"), "OUTPUT_XLSX": str(folder / f"s_{lang}.xlsx")}
    small = run_alg("vendorrisk:replacementplan", {**base, "BUDGET": 100000, **outputs})
    assert small["DEADLINE_MET"] == 0 and missed_words in small["RESULT"]
    needed = small["BUDGET_FOR_DEADLINE"]
    assert needed == pytest.approx(small["TOTAL_COST"] / 4)
    enough = run_alg(
        "vendorrisk:replacementplan",
        {**base, "BUDGET": needed * 1.0001, "OUTPUT": str(folder / f"e_{lang}.gpkg")},
    )
    assert enough["DEADLINE_MET"] == 1 and met_words in enough["RESULT"] and enough["LAST_YEAR"] <= 2030
    con = sqlite3.connect(enough["OUTPUT"])
    try:
        planned = con.execute(
            "SELECT min(planned_year), max(planned_year), count(*) FROM replacement_plan"
        ).fetchone()
        years = con.execute("SELECT year, cost, exposed_assets FROM plan_years ORDER BY year").fetchall()
        style = con.execute(
            "SELECT count(*) FROM layer_styles WHERE f_table_name='replacement_plan'"
        ).fetchone()
    finally:
        con.close()
    assert planned[0] >= 2027 and planned[1] <= 2030 and planned[2] > 0
    assert years[-1][2] == 0 and sum(y[1] for y in years) == pytest.approx(enough["TOTAL_COST"])
    assert style[0] == 1
    book = openpyxl.load_workbook(small["OUTPUT_XLSX"])
    first = book.worksheets[0]
    assert first._charts and first["A1"].value == ("Year" if lang == "en" else "Année")
    text = " ".join(
        str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None
    )
    assert missed_words in text and "nan" not in text.lower().split()


def test_a_missing_scenario_and_a_non_assessment_are_named(assessment, tmp_path):
    folder, gpkg = assessment
    params = {
        "INPUT": str(gpkg),
        "SCENARIO": "bifurcation",
        "BUDGET": 1000,
        "OUTPUT": str(tmp_path / "p.gpkg"),
    }
    msg = refusal("vendorrisk:replacementplan", params)
    assert "no layer risk_bifurcation (its scenarios: rip_and_replace)" in msg
    assert not (tmp_path / "p.gpkg").exists()


def test_themes_per_year(assessment, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer
    from vendor_risk.gis.styles.plan import add_year_themes, style_plan_layer

    folder, gpkg = assessment
    out = run_alg(
        "vendorrisk:replacementplan",
        {"INPUT": str(gpkg), "BUDGET": 2_000_000, "START_YEAR": 2027, "OUTPUT": str(tmp_path / "t.gpkg")},
    )
    layer = QgsVectorLayer(f"{out['OUTPUT']}|layername=replacement_plan", "Plan", "ogr")
    years = list(range(2027, out["LAST_YEAR"] + 1))
    project = QgsProject()
    project.addMapLayer(layer)
    style_plan_layer(layer, years, "en")
    names = add_year_themes(project, layer, years, "en")
    assert names == [f"Plan — {y}" for y in years]
    record = project.mapThemeCollection().mapThemeState(names[0])
    assert [r.currentStyle for r in record.layerRecords()] == [f"Plan by year {years[0]}"]
    assert layer.renderer().type() == "categorizedSymbol"
