"""The dock's choices live in the QGIS project: save, close, reopen, and the dock is as it was."""

from qgis.PyQt.QtCore import Qt
from test_dock_helpers import (
    add_layers,
    choose,
    close_dock,
    copy_city,
    fresh_project,  # noqa: F401 - fixture
    new_dock,  # noqa: F401 - fixture
    run_and_wait,
)


def ticked(dock):
    lst = dock.ui.layer_list
    return [
        lst.item(i).text() for i in range(lst.count()) if lst.item(i).checkState() == Qt.CheckState.Checked
    ]


def state(dock):
    ui = dock.ui
    return {
        "layers": ticked(dock),
        "jurisdiction": ui.jurisdiction.currentText(),
        "scenarios": dock.checked_scenarios(),
        "selected_only": ui.selected_only.isChecked(),
        "output": ui.output_file.filePath(),
        "class_field": dock.field_mapping()["class"],
    }


def test_settings_survive_saving_and_reopening_the_project(
    fresh_project,  # noqa: F811
    new_dock,  # noqa: F811
    tmp_path,
):
    project = fresh_project
    layers = add_layers(project, copy_city(tmp_path), ("platforms", "cameras", "ev_chargers", "districts"))
    dock = new_dock()
    # a project without settings: the layers that name a maker are ticked, everything else default
    assert state(dock) == {
        "layers": ["ev_chargers", "cameras", "platforms"],
        "jurisdiction": "FR",  # tree order
        "scenarios": [
            "status_quo",
            "targeted_sanctions",
            "component_embargo",
            "rip_and_replace",
            "bifurcation",
        ],
        "selected_only": False,
        "output": "",
        "class_field": "",
    }
    assert not project.isDirty()  # opening the dock changes nothing in the project

    out = str(tmp_path / "results" / "risk.gpkg")
    choose(
        dock,
        layers=[layers["cameras"], layers["platforms"]],
        scenarios=["status_quo", "bifurcation"],
        jurisdiction="US",
        output=out,
    )
    dock.set_field("class", "model")
    assert dock.field_mapping()["class"] == "model"
    run_and_wait(dock)  # the last run is part of what is stored
    assert dock.view is not None, dock.ui.status_label.text()
    choose(dock, selected_only=True)
    wanted = {
        "layers": ["cameras", "platforms"],
        "jurisdiction": "US",
        "scenarios": ["status_quo", "bifurcation"],
        "selected_only": True,
        "output": out,
        "class_field": "model",
    }
    assert state(dock) == wanted
    qgz = str(tmp_path / "city.qgz")
    assert project.write(qgz)

    project.clear()
    cleared = state(dock)
    assert cleared == {
        "layers": [],
        "jurisdiction": "FR",
        "scenarios": cleared["scenarios"],
        "selected_only": False,
        "output": "",
        "class_field": "",
    }
    assert len(cleared["scenarios"]) == 5
    assert dock.view is None and dock.ui.summary_table.rowCount() == 0

    assert project.read(qgz)
    assert state(dock) == wanted
    assert not project.isDirty()
    # the last run's results are shown again, bound to the layers of its group
    assert dock.view is not None
    assert sorted(dock.view.layers) == ["bifurcation", "status_quo"]
    assert dock.ui.summary_table.rowCount() == 2
    assert dock.ui.scenario_combo.isEnabled() and dock.ui.report_button.isEnabled()

    # a dock opened only after the project was read shows the same
    close_dock(dock)
    later = new_dock()
    assert state(later) == wanted
    assert later.view is not None and later.ui.summary_table.rowCount() == 2
