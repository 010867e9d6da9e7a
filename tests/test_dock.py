"""The dock driven as a GIS officer does: tick layers, choose, Run, then read the map and tables.

One assessment of three sample layers is run once for the module; each test checks one thing a
user sees after it.
"""

import os
import re
import sqlite3

import pytest
from qgis.core import Qgis, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QLocale, Qt
from qgis.PyQt.QtGui import QImage
from test_dock_helpers import (  # noqa: F401 - english_ui is a fixture
    add_layers,
    choose,
    close_dock,
    copy_city,
    english_ui,
    make_dock,
    messages,
    run_and_wait,
    wait_for_tasks,
)
from vendor_risk.gis.io.assessment_read import read_table

ASSETS = ("cameras", "platforms", "traffic_sensors")
SCENARIOS = ("status_quo", "rip_and_replace", "bifurcation")


@pytest.fixture(scope="module")
def run(tmp_path_factory, qgis_iface, module_provider, english_ui):  # noqa: F811
    project = QgsProject.instance()
    project.clear()
    qgis_iface.messageBar().clear_messages()
    folder = tmp_path_factory.mktemp("dock")
    city = copy_city(folder)
    layers = add_layers(project, city, ASSETS + ("districts", "streets"))
    project.setCrs(layers["cameras"].crs())  # as QGIS does from the first layer
    qgis_iface.mapCanvas().setDestinationCrs(project.crs())
    dock = make_dock(qgis_iface)
    out = folder / "results" / "risk.gpkg"
    choose(dock, layers=[layers[n] for n in ASSETS], scenarios=SCENARIOS, jurisdiction="FR", output=out)
    run_and_wait(dock)
    yield {
        "dock": dock,
        "project": project,
        "layers": layers,
        "gpkg": str(out),
        "iface": qgis_iface,
        "folder": folder,
    }
    close_dock(dock)
    project.clear()


def test_the_dock_lists_layers_scenarios_and_jurisdictions(run):
    dock = run["dock"]
    listed = [dock.ui.layer_list.item(i).text() for i in range(dock.ui.layer_list.count())]
    assert set(ASSETS) | {"districts", "streets"} <= set(listed)
    scenario_ids = [
        dock.ui.scenario_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(dock.ui.scenario_list.count())
    ]
    assert scenario_ids[:5] == [
        "status_quo",
        "targeted_sanctions",
        "component_embargo",
        "rip_and_replace",
        "bifurcation",
    ]
    codes = [dock.ui.jurisdiction.itemText(i) for i in range(dock.ui.jurisdiction.count())]
    assert codes[:4] == ["US", "EU", "FR", "UK"]


def test_field_table_shows_what_is_detected_layer_by_layer(run):
    dock = run["dock"]
    combo = dock._field_combos["manufacturer"]
    assert combo.currentData() == ""  # nothing forced: detected per layer
    assert combo.currentText() == "auto: manufacturer, fabricant"  # layer-tree order
    assert "cameras: fabricant" in combo.toolTip()
    assert "platforms: manufacturer" in combo.toolTip()
    assert dock._field_combos["brand"].currentText() == "auto: marque"


def test_run_adds_one_group_with_a_styled_layer_per_scenario(run):
    project, gpkg = run["project"], run["gpkg"]
    assert os.path.exists(gpkg)
    top = project.layerTreeRoot().children()[0]
    assert re.fullmatch(r"Vendor risk — \d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?", top.name())
    nodes = top.findLayers()
    assert [n.layer().customProperty("vendor_risk/scenario") for n in nodes] == list(SCENARIOS)
    assert [n.itemVisibilityChecked() for n in nodes] == [True, False, False]
    tree = project.layerTreeRoot()
    for name in ASSETS:  # the inputs make way for the results; the base map stays
        assert not tree.findLayer(run["layers"][name].id()).itemVisibilityChecked(), name
    assert tree.findLayer(run["layers"]["districts"].id()).itemVisibilityChecked()
    for node in nodes:
        layer = node.layer()
        sid = layer.customProperty("vendor_risk/scenario")
        assert layer.source().endswith(f"layername=risk_{sid}")
        assert layer.renderer().type() == "RuleRenderer"
        assert {r.filterExpression() for r in layer.renderer().rootRule().children()} >= {
            "\"risk_band\" = 'critical'",
            'NOT "compatible"',
        }
        assert layer.featureCount() == sum(run["layers"][n].featureCount() for n in ASSETS)
        manager = layer.styleManager()
        assert {"Risk score", "Sanction level"} <= set(manager.styles())
        manager.setCurrentStyle("Sanction level")
        assert layer.renderer().type() == "categorizedSymbol"
        assert layer.renderer().classAttribute() == "sanction_level"
        reasons = layer.fields().indexOf("reasons")
        assert layer.editorWidgetSetup(reasons).type() == "TextEdit"  # in this style too
        assert layer.customProperty("vendor_risk/scenario") == sid  # kept across styles
        manager.setCurrentStyle("Risk score")
        assert layer.renderer().type() == "RuleRenderer"
        setup = layer.editorWidgetSetup(reasons)
        assert setup.type() == "TextEdit" and setup.config()["IsMultiline"]
        assert "reasons" in layer.mapTipTemplate()
        assert "reasons" in layer.displayExpression()


def test_a_map_theme_per_scenario_shows_only_that_scenario(run):
    project = run["project"]
    group = project.layerTreeRoot().children()[0]
    themes = project.mapThemeCollection()
    by_scenario = {n.layer().customProperty("vendor_risk/scenario"): n.layer() for n in group.findLayers()}
    for sid, layer in by_scenario.items():
        name = f"{group.name()} — {layer.name()}"
        assert themes.hasMapTheme(name), name
        visible = set(themes.mapThemeVisibleLayerIds(name))
        assert layer.id() in visible
        assert not visible & {lyr.id() for s, lyr in by_scenario.items() if s != sid}
        assert run["layers"]["districts"].id() in visible  # the rest of the map stays


def test_summary_shows_the_engines_numbers(run):
    dock, gpkg = run["dock"], run["gpkg"]
    engine = read_table(gpkg, "scenario_summary").set_index("scenario_id")
    tables = {
        dock.ui.summary_table: (
            ["Scenario", "None", "Watch", "Restricted", "Removal", "Incompatible"],
            ["level_0", "level_1", "level_2", "level_3", "incompatible"],
        ),
        dock.ui.cost_table: (
            ["Scenario", "Replacement", "Stranded", "Total"],
            ["replacement_cost", "stranded_value", "total_cost"],
        ),
    }
    for table, (headers, columns) in tables.items():
        assert table.rowCount() == len(SCENARIOS)
        assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == headers
        assert table.verticalScrollBar().maximum() == 0  # every row in sight
        for r in range(table.rowCount()):
            sid = table.item(r, 0).data(Qt.ItemDataRole.UserRole)
            assert (
                table.item(r, 0).text()
                == {
                    "status_quo": "Status quo",
                    "rip_and_replace": "Rip and replace",
                    "bifurcation": "Bifurcation",
                }[sid]
            )
            for c, name in enumerate(columns, start=1):
                value = float(engine.loc[sid, name])
                assert table.item(r, c).data(Qt.ItemDataRole.UserRole) == pytest.approx(value)
                grouped = f"{value:,.0f}"  # the dock's language here: English
                assert table.item(r, c).text() == (
                    grouped if table is dock.ui.summary_table else f"{grouped}\u00a0EUR"
                )
    assert engine.loc["rip_and_replace", "level_3"] > 0  # the sample city has listed vendors
    row = [
        r
        for r in range(len(SCENARIOS))
        if dock.ui.cost_table.item(r, 0).data(Qt.ItemDataRole.UserRole) == "rip_and_replace"
    ][0]
    assert "," in dock.ui.cost_table.item(row, 1).text()  # 1,234,567: grouped by the locale
    bars = dict((label, value) for label, value, _ in dock.cost_chart.bars())
    assert bars["Rip and replace"] == pytest.approx(engine.loc["rip_and_replace", "total_cost"])
    expected = engine["expected_cost"].iloc[0]
    assert QLocale().toString(float(expected), "f", 0) in dock.ui.expected_label.text()
    success = messages(run["iface"], Qgis.MessageLevel.Success)
    assert any(
        f"{QLocale().toString(float(engine['assets'].iloc[0]), 'f', 0)} assets assessed "
        f"under 3 scenario(s)" in m
        for m in success
    )
    assert dock.ui.status_label.text().endswith(f"The layers are in the group “{dock.view.group.name()}”.")


def test_scenario_switcher_shows_one_scenario_and_its_vendors(run):
    dock, gpkg = run["dock"], run["gpkg"]
    group = run["project"].layerTreeRoot().children()[0]
    combo = dock.ui.scenario_combo
    combo.setCurrentIndex(combo.findData("rip_and_replace"))
    visible = [
        n.layer().customProperty("vendor_risk/scenario")
        for n in group.findLayers()
        if n.itemVisibilityChecked()
    ]
    assert visible == ["rip_and_replace"]
    vendors = read_table(gpkg, "vendor_summary")
    top = vendors[vendors["scenario_id"] == "rip_and_replace"].sort_values(
        ["exposure", "switching_cost"], ascending=False, kind="stable"
    )
    table = dock.ui.vendor_table
    shown = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert shown == list(top["vendor_name"].head(10))
    bars = dock.chart.bars()
    assert bars and bars[0][0] == top["vendor_name"].iloc[0]
    assert bars[0][1] == pytest.approx(top["exposure"].iloc[0])
    assert all(b[1] > 0 for b in bars)
    image = dock.chart.grab().toImage()
    assert image.width() > 100 and image.height() >= 24 + 20 * len(bars)


def test_zoom_to_a_vendor_selects_its_assets(run):
    dock = run["dock"]
    combo = dock.ui.scenario_combo
    combo.setCurrentIndex(combo.findData("rip_and_replace"))
    dock.ui.vendor_table.selectRow(0)
    assert dock.ui.zoom_button.isEnabled()
    vendor = dock.ui.vendor_table.item(0, 0).data(Qt.ItemDataRole.UserRole)
    dock.ui.zoom_button.click()
    layer = dock.current_layer()
    expected = {f.id() for f in layer.getFeatures() if (f["vendor_id"] or "") == vendor}
    assert expected and set(layer.selectedFeatureIds()) == expected
    box = layer.boundingBoxOfSelected()
    canvas = run["iface"].mapCanvas()
    extent = canvas.mapSettings().layerExtentToOutputExtent(layer, box)
    assert QgsRectangle(canvas.extent()).contains(extent.center())


def test_clicking_an_asset_answers_why(run):
    layer = run["dock"].current_layer()
    feature = next(f for f in layer.getFeatures() if f["sanction_level"] == 3)
    assert "removal" in feature["reasons"].lower() or "replaced" in feature["reasons"].lower()
    assert layer.attributeDisplayName(layer.fields().indexOf("reasons")) == "Why (reasons)"


def test_compare_two_scenarios_writes_the_assets_that_change(run):
    dock, gpkg, project = run["dock"], run["gpkg"], run["project"]
    dock.ui.tabs.setCurrentWidget(dock.ui.tab_compare)
    dock.ui.compare_a.setCurrentIndex(dock.ui.compare_a.findData("status_quo"))
    dock.ui.compare_b.setCurrentIndex(dock.ui.compare_b.findData("rip_and_replace"))
    dock.ui.compare_button.click()
    wait_for_tasks(dock)
    group = project.layerTreeRoot().children()[0]
    layer = group.findLayers()[0].layer()
    assert layer.customProperty("vendor_risk/role") == "comparison"
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "change"
    labels = {c.value(): c.label() for c in layer.renderer().categories()}
    assert labels["must_be_removed"] == "Must be removed"
    assert labels["becomes_incompatible"] == "Becomes incompatible"
    # the expected changes, from the two scenario layers themselves
    con = sqlite3.connect(gpkg)
    rows = con.execute(
        "SELECT a.fid, a.forced, b.forced, a.compatible, b.compatible, a.sanction_level, "
        "b.sanction_level FROM risk_status_quo a JOIN risk_rip_and_replace b ON a.fid = b.fid"
    ).fetchall()
    con.close()
    changed = [r for r in rows if r[1] != r[2] or r[3] != r[4] or r[5] != r[6]]
    newly_removed = [r for r in rows if not r[1] and r[2] and not (r[3] and not r[4])]
    assert layer.featureCount() == len(changed) > 0
    values = [f["change"] for f in layer.getFeatures()]
    assert values.count("must_be_removed") == len(newly_removed)
    lines = dock.ui.compare_result.text().split("\n")
    assert lines[0] == f"{len(changed)} asset(s) change from Status quo to Rip and replace."
    assert f"• Must be removed: {len(newly_removed)}" in lines
    assert layer.editorWidgetSetup(layer.fields().indexOf("reasons_b")).type() == "TextEdit"
    shown = {
        n.layer().customProperty("vendor_risk/scenario") or "changes"
        for n in group.findLayers()
        if n.itemVisibilityChecked()
    }
    assert shown == {"changes", "status_quo", "rip_and_replace"}  # bifurcation is not compared
    assert dock.current_scenario() == "status_quo"  # the scenario drawn under the changes


def test_the_report_button_writes_pdf_and_png_of_the_scenario_on_the_map(run):
    dock, project, folder = run["dock"], run["project"], run["folder"]
    combo = dock.ui.scenario_combo
    combo.setCurrentIndex(combo.findData("bifurcation"))
    layers_before = set(project.mapLayers())
    written = dock.make_report(str(folder / "council.pdf"))
    assert written == [str(folder / "council.pdf"), str(folder / "council.png")]
    assert (folder / "council.pdf").read_bytes().startswith(b"%PDF")
    image = QImage(str(folder / "council.png"))
    assert image.width() > image.height() > 800
    assert set(project.mapLayers()) == layers_before  # the report borrows, adds nothing
    assert any("Report written" in m for m in messages(run["iface"], Qgis.MessageLevel.Success))


def test_a_second_run_shows_alone(run):
    """A new run's group goes on top, checked; the first run's group is unchecked."""
    dock, project = run["dock"], run["project"]
    first = project.layerTreeRoot().children()[0]
    choose(
        dock,
        layers=[run["layers"][n] for n in ASSETS],
        scenarios=SCENARIOS[:2],
        jurisdiction="FR",
        output=run["folder"] / "results" / "risk2.gpkg",
    )
    run_and_wait(dock)
    groups = [n for n in project.layerTreeRoot().children() if n.name().startswith("Vendor risk")]
    assert groups[1] is first and not first.itemVisibilityChecked()
    assert groups[0].itemVisibilityChecked() and groups[0].findLayers()[0].itemVisibilityChecked()
    assert dock.view.group is groups[0]


def test_removing_the_group_clears_the_results(run):
    dock, project = run["dock"], run["project"]
    group = project.layerTreeRoot().children()[0]
    name = group.name()
    project.removeMapLayers([n.layerId() for n in group.findLayers()])
    project.layerTreeRoot().removeChildNode(group)
    assert dock.view is None
    assert dock.ui.summary_table.rowCount() == 0 and dock.ui.cost_table.rowCount() == 0
    assert not dock.cost_chart.bars() and not dock.chart.bars()
    assert not dock.ui.scenario_combo.isEnabled()
    assert not project.layerTreeRoot().findGroup(name)
