"""The dock's catalog folder and its 'Import lists…' button: the import writes the folder, the
dock then assesses with it, and the project remembers it."""

import os

from conftest import run_alg
from qgis.core import Qgis
from test_dock_helpers import (
    add_layers,
    choose,
    copy_city,
    fresh_project,  # noqa: F401 - fixture
    messages,
    new_dock,  # noqa: F401 - fixture
    run_and_wait,
)
from vendor_risk.gis.project_settings import read_settings

LISTS = os.path.join(os.path.dirname(__file__), "data", "lists")


def test_import_then_assess_with_the_folder(fresh_project, new_dock, qgis_iface, tmp_path):  # noqa: F811
    layers = add_layers(fresh_project, copy_city(tmp_path), ("cameras",))
    dock = new_dock()
    asked = {}

    def dialog(alg_id, params):
        """Stands in for the modal Processing dialog: the user adds a file and clicks Run."""
        asked.update(params, alg=alg_id)
        return run_alg(alg_id, {**params, "INPUT": [os.path.join(LISTS, "fcc_covered.csv")]})

    written = dock.import_lists(run_dialog=dialog)
    assert asked["alg"] == "vendorrisk:importlists"
    assert asked["OUTPUT"].endswith("vendor_risk_catalog")  # a folder of its own by default
    assert written == asked["OUTPUT"] and os.path.isfile(os.path.join(written, "import_changes.csv"))
    assert dock.ui.catalog_folder.filePath() == written
    info = " ".join(messages(qgis_iface, Qgis.MessageLevel.Info))
    assert "Lists imported into" in info and "entries for review" in info
    assert read_settings(fresh_project).catalog == written  # kept with the project
    choose(
        dock,
        layers=[layers["cameras"]],
        scenarios=["status_quo"],
        jurisdiction="US",
        output=tmp_path / "r.gpkg",
    )
    params, problem = dock.check_inputs()
    assert problem == "" and params["CATALOG"] == written
    run_and_wait(dock)
    assert dock.view is not None and dock.view.info.get("lists_file_date") == "2026-03-23"
    assert "vendor_risk_catalog" in dock.view.info.get("catalog_folders", "")


def test_a_missing_catalog_folder_is_reported(fresh_project, new_dock, tmp_path):  # noqa: F811
    layers = add_layers(fresh_project, copy_city(tmp_path), ("cameras",))
    dock = new_dock()
    choose(dock, layers=[layers["cameras"]], scenarios=["status_quo"], output=tmp_path / "r.gpkg")
    dock.ui.catalog_folder.setFilePath(str(tmp_path / "gone"))
    params, problem = dock.check_inputs()
    assert params is None and "does not exist" in problem
    cancelled = dock.import_lists(run_dialog=lambda alg, params: {})
    assert cancelled is None and dock.ui.catalog_folder.filePath() == str(tmp_path / "gone")
