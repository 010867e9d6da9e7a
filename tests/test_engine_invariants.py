"""Properties that must hold for any inventory (hypothesis generates the inventories)."""

from datetime import date

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vendor_risk.risk.assessment.engine import Assessment
from vendor_risk.risk.assessment.scenarios import load_profile, load_scenarios
from vendor_risk.risk.catalog.loader import load_catalog
from vendor_risk.risk.tagging.fieldmap import detect_fields
from vendor_risk.risk.tagging.tagger import Tagger

CATALOG = load_catalog()
TAGGER = Tagger(CATALOG)
SCENARIOS = load_scenarios()
PROFILE = load_profile()
REFERENCE = date(2026, 11, 25)
NAMES = sorted(set(CATALOG.vendors["name"]) | set(CATALOG.vendors["short_name"]) - {""})
CLASSES = sorted(set(CATALOG.asset_classes["name_en"]))
PROTOCOLS = sorted({a for v in CATALOG.standards["aliases"] for a in v.split(";") if a})


def listed_anywhere():
    """Vendors that some list in force names, directly, through a parent, or as an OEM."""
    on = REFERENCE.isoformat()
    active = CATALOG.listings[(CATALOG.listings["date_added"].str.pad(10, "right", "0") <= on)]
    direct = set(active["vendor_id"])
    out = set()
    for vid, chain in CATALOG.ancestors().items():
        if direct & set(chain):
            out.add(vid)
    oem = CATALOG.oem
    out |= set(oem.loc[oem["maker_vendor_id"].isin(out), "label_vendor_id"])
    return out


LISTED = listed_anywhere()

asset = st.fixed_dictionaries(
    {
        "make": st.one_of(st.sampled_from(NAMES), st.text(max_size=12), st.just("")),
        "type": st.sampled_from(CLASSES + ["", "unknown thing"]),
        "cost": st.one_of(
            st.none(),
            st.floats(-1e4, 1e6, allow_nan=False),
            st.sampled_from(["1 200", "1200,50", "abc", "-5"]),
        ),
        "qty": st.one_of(st.none(), st.integers(-3, 50)),
        "year": st.one_of(st.none(), st.integers(1980, 2040)),
        "protocols": st.lists(st.sampled_from(PROTOCOLS), max_size=3).map(";".join),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(asset, min_size=1, max_size=30), st.sampled_from(["US", "FR", "EU", "UK"]), st.data())
def test_invariants(rows, jurisdiction, data):
    frame = pd.DataFrame(rows)
    frame.insert(0, "asset_id", [f"A{i}" for i in range(len(frame))])
    frame["platform"] = [
        data.draw(st.sampled_from([""] + list(frame["asset_id"]))) for _ in range(len(frame))
    ]
    frame["cost"] = frame["cost"].astype(object)
    fields = detect_fields(list(frame.columns))
    tags, _ = TAGGER.tag(frame, fields)
    engine = Assessment(CATALOG, SCENARIOS, PROFILE, jurisdiction, REFERENCE)
    ok, msg = engine.prepare(frame.join(tags), fields)
    assert ok, msg
    result = engine.run()
    for sid, res in result.scenarios.items():
        for col in (
            "purchase_value",
            "replacement_cost",
            "reintegration_cost",
            "stranded_value",
            "lockin_ratio",
        ):
            assert (res[col] >= 0).all(), (sid, col)
            assert np.isfinite(res[col]).all(), (sid, col)
        assert (res["stranded_value"] <= res["purchase_value"] + 1e-6).all(), sid
        assert res["risk_score"].between(0, 100).all()
        unlisted = ~tags["vendor_id"].isin(LISTED).to_numpy()
        assert (res["sanction_level"].to_numpy()[unlisted] == 0).all(), sid
    sq = result.scenarios["status_quo"]["risk_score"].to_numpy()
    rr = result.scenarios["rip_and_replace"]["risk_score"].to_numpy()
    assert (sq <= rr + 1e-9).all()
