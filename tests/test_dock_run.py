"""Running from the dock: a background task with a working Cancel that leaves nothing behind,
and plain-words messages for bad input."""

import os
import threading

import pytest
import vendor_risk.gis.pipelines.assess as assess_io
import vendor_risk.gis.styles.risk as risk_styles
from qgis.core import Qgis, QgsApplication
from test_dock_helpers import (
    add_layers,
    choose,
    close_dock,
    copy_city,
    fresh_project,  # noqa: F401 - fixture
    make_dock,
    messages,
    run_and_wait,
    wait_for_tasks,
    wait_until,
)

LAYERS = ("cameras", "platforms", "street_lights", "ev_chargers")


@pytest.fixture
def city(fresh_project, tmp_path, qgis_iface):  # noqa: F811
    layers = add_layers(fresh_project, copy_city(tmp_path), LAYERS + ("districts",))
    dock = make_dock(qgis_iface)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    yield fresh_project, layers, dock, out_dir
    close_dock(dock)


class Gate:
    """Holds the worker thread at one point of the run until the test lets it go."""

    def __init__(self):
        self.reached, self.release = threading.Event(), threading.Event()

    def wait(self):
        self.reached.set()
        self.release.wait(60)


def gate_after_reading(monkeypatch):
    """A Gate that holds the run each time an input layer has been read."""
    gate = Gate()
    real_iter = assess_io.iter_layer

    def gated_iter(layer, *args, **kwargs):
        yield from real_iter(layer, *args, **kwargs)
        gate.wait()

    monkeypatch.setattr(assess_io, "iter_layer", gated_iter)
    return gate


@pytest.mark.parametrize("moment", ["reading", "before_rename", "after_write"])
def test_cancel_mid_run_leaves_no_group_no_layer_no_file(city, qgis_iface, monkeypatch, moment):
    project, layers, dock, out_dir = city
    gate = Gate()
    real_iter, real_style = assess_io.iter_layer, risk_styles.style_assessment_outputs

    def gated_iter(layer, *args, **kwargs):
        yield from real_iter(layer, *args, **kwargs)
        if (moment == "reading" and layer.name() == "cameras") or (
            moment == "before_rename" and layer.name() == LAYERS[-1]
        ):
            gate.wait()  # after this layer's chunks: the rows are in the temp file only

    def gated_style(path, written, context, *names):
        gate.wait()  # the GeoPackage is in place: a cancel now must remove it
        return real_style(path, written, context, *names)

    monkeypatch.setattr(assess_io, "iter_layer", gated_iter)
    monkeypatch.setattr(risk_styles, "style_assessment_outputs", gated_style)
    out = out_dir / "risk.gpkg"
    choose(dock, layers=[layers[n] for n in LAYERS], output=out)
    before_layers = set(project.mapLayers())
    before_tree = [n.name() for n in project.layerTreeRoot().children()]
    try:
        dock.ui.run_button.click()
        assert dock.task is not None
        assert dock.ui.cancel_button.isEnabled() and not dock.ui.run_button.isEnabled()
        assert not dock.ui.progress_bar.isHidden()
        wait_until(gate.reached.is_set, 120)
        assert out.exists() == (moment == "after_write")
        dock.ui.cancel_button.click()
    finally:
        gate.release.set()
    wait_for_tasks(dock)
    assert sorted(os.listdir(out_dir)) == []  # neither the file nor a temp file
    assert set(project.mapLayers()) == before_layers
    assert [n.name() for n in project.layerTreeRoot().children()] == before_tree
    assert dock.view is None
    assert any("cancelled" in m for m in messages(qgis_iface, Qgis.MessageLevel.Info))
    assert not messages(qgis_iface, Qgis.MessageLevel.Critical)
    assert dock.ui.run_button.isEnabled() and not dock.ui.cancel_button.isEnabled()


def test_closing_the_dock_mid_run_cancels_it_and_leaves_nothing(city, qgis_iface, monkeypatch):
    """What unload does to a running assessment: cancel it, forget its callbacks."""
    project, layers, dock, out_dir = city
    gate = gate_after_reading(monkeypatch)
    choose(dock, layers=[layers["cameras"], layers["platforms"]], output=out_dir / "r.gpkg")
    before = set(project.mapLayers())
    try:
        dock.ui.run_button.click()
        task = dock.task
        wait_until(gate.reached.is_set, 120)
        dock.cleanup()
        assert task.isCanceled()
    finally:
        gate.release.set()
    wait_until(lambda: QgsApplication.taskManager().countActiveTasks() == 0, 120)
    assert os.listdir(out_dir) == []
    assert set(project.mapLayers()) == before
    assert not messages(qgis_iface, Qgis.MessageLevel.Critical)
    assert not messages(qgis_iface, Qgis.MessageLevel.Success)


def test_removing_an_input_layer_mid_run_cancels_it(city, qgis_iface, monkeypatch):
    project, layers, dock, out_dir = city
    gate = gate_after_reading(monkeypatch)
    choose(
        dock,
        layers=[layers["cameras"], layers["platforms"], layers["street_lights"]],
        output=out_dir / "r.gpkg",
    )
    try:
        dock.ui.run_button.click()
        wait_until(gate.reached.is_set, 120)
        task = dock.task
        project.removeMapLayer(layers["street_lights"].id())
        assert task.isCanceled()
    finally:
        gate.release.set()
    wait_for_tasks(dock)
    assert os.listdir(out_dir) == []
    assert any("cancelled" in m for m in messages(qgis_iface, Qgis.MessageLevel.Info)), (
        qgis_iface.messageBar().messages
    )


def test_the_window_stays_responsive_while_it_runs(city, qgis_iface, monkeypatch):
    """The run happens in the task's thread: the main thread keeps handling events."""
    project, layers, dock, out_dir = city
    seen = {}
    real_iter = assess_io.iter_layer

    def spying(layer, *args, **kwargs):
        seen["thread"] = threading.current_thread()
        yield from real_iter(layer, *args, **kwargs)

    monkeypatch.setattr(assess_io, "iter_layer", spying)
    progress = []
    choose(
        dock,
        layers=[layers["cameras"], layers["platforms"]],
        scenarios=["status_quo"],
        output=out_dir / "r.gpkg",
    )
    dock.ui.run_button.click()
    dock.task.progressChanged.connect(progress.append)
    wait_for_tasks(dock)
    assert seen["thread"] is not threading.main_thread()
    assert progress and max(progress) > 50
    assert (out_dir / "r.gpkg").exists()


def _warning_after_run(dock, iface):
    iface.messageBar().clear_messages()
    dock.ui.run_button.click()
    assert dock.task is None  # nothing started
    return messages(iface, Qgis.MessageLevel.Warning)


def test_bad_input_gets_a_clear_message(city, qgis_iface):
    project, layers, dock, out_dir = city
    choose(dock, layers=[], output=out_dir / "r.gpkg")
    assert _warning_after_run(dock, qgis_iface) == ["Vendor Risk:Tick at least one asset layer to assess."]
    choose(dock, layers=[layers["cameras"]], scenarios=[])
    assert _warning_after_run(dock, qgis_iface) == ["Vendor Risk:Tick at least one scenario."]
    choose(dock, scenarios=["status_quo"], jurisdiction="")
    assert "Choose a jurisdiction" in _warning_after_run(dock, qgis_iface)[0]
    choose(dock, jurisdiction="FR", selected_only=True)
    assert "no feature is selected in cameras" in _warning_after_run(dock, qgis_iface)[0]
    choose(dock, selected_only=False, layers=[layers["cameras"], layers["districts"]])
    assert "The layer districts has no field naming the maker" in _warning_after_run(dock, qgis_iface)[0]
    choose(dock, layers=[layers["cameras"]], output=layers["districts"].source().split("|")[0])
    assert "is open in this project (layers: " in _warning_after_run(dock, qgis_iface)[0]
    assert dock.ui.status_label.text().startswith("The output city.gpkg is open")
    assert os.listdir(out_dir) == []


def test_an_unknown_jurisdiction_is_reported_in_plain_words(city, qgis_iface):
    project, layers, dock, out_dir = city
    choose(
        dock,
        layers=[layers["cameras"]],
        scenarios=["status_quo"],
        jurisdiction="ZZ",
        output=out_dir / "r.gpkg",
    )
    before = set(project.mapLayers())
    run_and_wait(dock)
    critical = messages(qgis_iface, Qgis.MessageLevel.Critical)
    assert len(critical) == 1
    assert critical[0].startswith("Vendor Risk:The assessment did not run: unknown jurisdiction 'ZZ'")
    assert "Traceback" not in critical[0]
    assert os.listdir(out_dir) == []
    assert set(project.mapLayers()) == before


def test_an_empty_output_gets_a_new_file_each_run(city, qgis_iface, monkeypatch, tmp_path):
    project, layers, dock, _ = city
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    choose(dock, layers=[layers["cameras"], layers["platforms"]], scenarios=["status_quo"], output="")
    run_and_wait(dock)
    run_and_wait(dock)
    files = sorted(os.listdir(tmp_path / "tmp" / "vendor_risk"))
    assert len(files) == 2 and all(f.startswith("vendor_risk_") and f.endswith(".gpkg") for f in files)
    groups = [n for n in project.layerTreeRoot().children() if n.name().startswith("Vendor risk")]
    assert len(groups) == 2 and groups[0].name() != groups[1].name()


def test_a_single_layer_that_names_no_platform_is_assessed(city, qgis_iface):
    """The most common first run: one layer, nothing wired to a platform."""
    project, layers, dock, out_dir = city
    choose(
        dock,
        layers=[layers["ev_chargers"]],
        scenarios=["status_quo", "bifurcation"],
        output=out_dir / "chargers.gpkg",
    )
    run_and_wait(dock)
    assert dock.view is not None, dock.ui.status_label.text()
    assert sorted(dock.view.layers) == ["bifurcation", "status_quo"]
    assert dock.view.layers["status_quo"].featureCount() == layers["ev_chargers"].featureCount()
