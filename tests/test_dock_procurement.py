"""The dock's Procurement tab: both algorithms open on the assessment shown, and the sentence
each ends with is shown under the buttons."""

import os

from conftest import run_alg
from test_dock_helpers import (
    add_layers,
    choose,
    copy_city,
    fresh_project,  # noqa: F401 - fixture
    new_dock,  # noqa: F401 - fixture
    run_and_wait,
)
from vendor_risk.plugin_paths import PLUGIN_DIR

TENDER = os.path.join(PLUGIN_DIR, "resources", "procurement", "sample_tender.csv")


def test_compare_and_plan_from_the_dock(fresh_project, new_dock, tmp_path):  # noqa: F811
    layers = add_layers(fresh_project, copy_city(tmp_path), ("cameras", "platforms"))
    dock = new_dock()
    assert "Run an assessment first" in (
        dock.procurement("vendorrisk:replacementplan", lambda a, p: {}) or {}
    ).get("RESULT", dock.ui.procurement_status.text())
    choose(
        dock, layers=[layers["cameras"], layers["platforms"]], jurisdiction="FR", output=tmp_path / "r.gpkg"
    )
    run_and_wait(dock)
    asked = {}

    def dialog(alg_id, params):
        """Stands in for the modal dialog: the user gives what the dock cannot know and runs."""
        asked[alg_id] = params
        more = (
            {"INPUT": TENDER, "SIGNATURE_DATE": "2026-12-04"}
            if alg_id.endswith("compareoffers")
            else {"BUDGET": 5_000_000, "DEADLINE": 2030}
        )
        return run_alg(alg_id, {**params, **more})

    out = dock.procurement("vendorrisk:compareoffers", dialog)
    assert asked["vendorrisk:compareoffers"]["ASSESSMENT"] == str(tmp_path / "r.gpkg")
    assert os.path.isfile(out["OUTPUT_PDF"]) and os.path.isfile(out["OUTPUT_XLSX"])
    assert dock.ui.procurement_status.text().startswith("Lowest risk-adjusted total cost: offer")
    plan = dock.procurement("vendorrisk:replacementplan", dialog)
    assert asked["vendorrisk:replacementplan"]["INPUT"] == str(tmp_path / "r.gpkg")
    assert plan["OUTPUT"] == str(tmp_path / "replacement_plan.gpkg")
    assert "deadline 2030" in dock.ui.procurement_status.text()
