"""inf, nan, overflow and absurd numbers, in a layer, a catalog, a scenario or a rule set, are
data issues or clear refusals naming where they are; totals stay finite."""

import json
import math
import shutil

import pytest
from conftest import ROOT, refusal, run_alg
from layers import write_gpkg
from osgeo import ogr
from vendor_risk.gis.io.assessment_read import read_table
from vendor_risk.risk.assessment.scenarios import ScenarioError, load_scenario
from vendor_risk.risk.audit.ruleset import RulesetError, load_ruleset
from vendor_risk.risk.catalog.loader import CatalogError, load_catalog

VALUES = [
    ("C1", "inf", "1"),
    ("C2", "-inf", "1"),
    ("C3", "nan", "1"),
    ("C4", "1e308", "1e308"),
    ("C5", "Infinity", "2"),
    ("C6", "900", "1e400"),
    ("C7", "900", "3"),
    ("C8", "1e12", "1"),
    ("C9", "900", "-2"),
]


def _city(tmp_path, as_text=True):
    rows = [
        {
            "camera_id": i,
            "fabricant": "Hikvision",
            "type": "camera",
            "annee": 2020,
            "cout": c if as_text else float(c),
            "quantite": q if as_text else float(q),
        }
        for i, c, q in VALUES
    ]
    return write_gpkg(
        tmp_path / "city.gpkg",
        "cameras",
        rows,
        ["POINT (700000 6600000)"] * len(rows),
        types={
            "cout": ogr.OFTString if as_text else ogr.OFTReal,
            "quantite": ogr.OFTString if as_text else ogr.OFTReal,
        },
    )


@pytest.mark.parametrize("as_text", [True, False])
def test_non_finite_and_absurd_numbers_are_data_issues_and_totals_stay_finite(tmp_path, provider, as_text):
    uri = _city(tmp_path, as_text)
    out = tmp_path / "risk.gpkg"
    run_alg("vendorrisk:assessrisk", {"INPUT": [uri], "JURISDICTION": "US", "OUTPUT": str(out)})
    issues = read_table(str(out), "data_issues")
    flagged = {(a, f) for a, f in zip(issues["asset_id"], issues["field"])}
    for asset in ("C1", "C2", "C4", "C5", "C8"):
        assert (asset, "cout") in flagged, (asset, sorted(flagged))
    layer = read_table(str(out), "risk_rip_and_replace").set_index("camera_id")
    assert bool(layer.loc["C3", "cost_assumed"])  # nan: no cost given, the class default used
    for asset in ("C4", "C6", "C9"):
        assert (asset, "quantite") in flagged, (asset, sorted(flagged))
    assert ("C7", "cout") not in flagged and ("C7", "quantite") not in flagged
    summary = read_table(str(out), "scenario_summary")
    for col in summary.columns:
        if summary[col].dtype.kind == "f":
            assert all(math.isfinite(v) for v in summary[col].dropna()), col
    assert (summary["total_cost"] > 0).any()  # rip-and-replace costs something, finitely


def _scenario(tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_non_finite_scenario_numbers_are_refused_with_the_key(tmp_path, value):
    path = _scenario(
        tmp_path,
        f'{{"id": "bad", "name": "Bad", "description": "x", "probability": 0.5, "cost_multiplier": {value}}}',
    )
    with pytest.raises(ScenarioError, match="number"):
        load_scenario(str(path))


def test_deeply_nested_json_is_a_message_not_a_crash(tmp_path):
    path = _scenario(tmp_path, '{"id": "deep", "notes": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(ScenarioError, match="nests deeper"):
        load_scenario(str(path))
    rules = tmp_path / "rules.json"
    rules.write_text('{"a": ' + '{"b": ' * 5000 + "1" + "}" * 5001, encoding="utf-8")
    with pytest.raises(RulesetError, match="nests deeper"):
        load_ruleset(str(rules))


def test_a_run_with_a_nan_scenario_is_refused_before_writing(tmp_path, provider):
    uri = _city(tmp_path)
    folder = tmp_path / "sc"
    folder.mkdir()
    (folder / "nanny.json").write_text(
        '{"id": "nanny", "name": "N", "description": "d", "probability": NaN}', encoding="utf-8"
    )
    message = refusal(
        "vendorrisk:assessrisk",
        {
            "INPUT": [uri],
            "SCENARIO_FOLDER": str(folder),
            "SCENARIOS": "nanny",
            "OUTPUT": str(tmp_path / "r.gpkg"),
        },
    )
    assert "nanny.json" in message and "NaN" in message
    assert not (tmp_path / "r.gpkg").exists()


@pytest.mark.parametrize("value", ["inf", "nan", "-inf", "1e999"])
def test_non_finite_catalog_costs_are_refused(tmp_path, value):
    folder = tmp_path / "catalog"
    folder.mkdir()
    src = f"{ROOT}/resources/catalog/asset_classes.csv"
    lines = open(src, encoding="utf-8").read().splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("unit_cost")] = value
    (folder / "asset_classes.csv").write_text("\n".join([lines[0], ",".join(cells)]) + "\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="number"):
        load_catalog(str(folder))
    shutil.rmtree(folder)
    assert json.dumps(value)  # the value itself is plain text in the CSV
