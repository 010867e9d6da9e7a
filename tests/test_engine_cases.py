"""Scenario tests as data: each folder of tests/data/engine_cases is inputs -> expected outputs.

A case folder holds case.json (jurisdiction, reference date, optional language of the
reasons, scenarios, assets, expected per-asset values) and optionally catalog/ (a user catalog
folder) and scenarios/ (user scenarios). Adding a case is adding a folder.
"""

import json
import os
from datetime import date

import pandas as pd
import pytest
from conftest import DATA
from vendor_risk.risk.assessment.engine import Assessment
from vendor_risk.risk.assessment.scenarios import load_profile, load_scenarios
from vendor_risk.risk.catalog.loader import load_catalog
from vendor_risk.risk.tagging.fieldmap import detect_fields
from vendor_risk.risk.tagging.tagger import Tagger

CASES = os.path.join(DATA, "engine_cases")


def run_case(folder):
    case = json.load(open(os.path.join(folder, "case.json"), encoding="utf-8"))
    user_cat = os.path.join(folder, "catalog")
    user_sc = os.path.join(folder, "scenarios")
    catalog = load_catalog(user_cat if os.path.isdir(user_cat) else None)
    scenarios = load_scenarios(case["scenarios"], user_sc if os.path.isdir(user_sc) else None)
    frame = pd.DataFrame(case["assets"])
    fields = detect_fields(list(frame.columns), case.get("fields"))
    tags, _ = Tagger(catalog).tag(frame, fields)
    engine = Assessment(
        catalog,
        scenarios,
        load_profile(),
        case["jurisdiction"],
        date.fromisoformat(case["reference_date"]),
        case.get("language", "en"),
    )
    ok, msg = engine.prepare(frame.join(tags), fields)
    assert ok, msg
    return case, engine.run(), frame


@pytest.mark.parametrize("name", sorted(os.listdir(CASES)))
def test_engine_case(name):
    case, result, frame = run_case(os.path.join(CASES, name))
    ids = frame[case["fields"]["id"]].tolist()
    for exp in case["expected"]:
        res = result.scenarios[exp["scenario"]]
        row = res.iloc[ids.index(exp["asset_id"])]
        for key, want in exp.items():
            if key in ("asset_id", "scenario"):
                continue
            got = row[key]
            where = f"{name}: {exp['asset_id']} / {exp['scenario']} / {key}"
            if isinstance(want, float):
                assert got == pytest.approx(want, abs=0.01), where
            elif isinstance(want, bool):
                assert bool(got) is want, where
            else:
                assert got == want, where
    for exp in case.get("reasons_contain", []):
        res = result.scenarios[exp["scenario"]]
        text = res.iloc[ids.index(exp["asset_id"])]["reasons"]
        assert exp["text"] in text, f"{name}: {exp['asset_id']}: {text}"


def test_assets_without_platform_field_are_assessed(catalog):
    """No platform field at all: no cascade, and no failure."""
    frame = pd.DataFrame({"asset_id": ["A", "B"], "make": ["Hikvision", "Axis"]})
    fields = detect_fields(list(frame.columns))
    tags, _ = Tagger(catalog).tag(frame, fields)
    engine = Assessment(catalog, load_scenarios(), load_profile(), "US", date(2026, 11, 25))
    assert engine.prepare(frame.join(tags), fields)[0]
    result = engine.run()
    assert set(result.scenarios) == {s.id for s in load_scenarios()}
    assert (result.scenarios["status_quo"]["reintegration_cost"] == 0).all()
