"""What the dock tests share: the sample city in a temp folder, a fresh dock, and driving the
widgets the way a user does (tick, choose, click Run, wait for the background task)."""

import os
import shutil
import time

import pytest
from conftest import ROOT
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt

SAMPLE = os.path.join(ROOT, "resources", "sample", "sample_city.gpkg")


def copy_city(folder):
    path = os.path.join(str(folder), "city.gpkg")
    shutil.copy(SAMPLE, path)
    return path


def add_layers(project, gpkg, names):
    layers = {}
    for name in names:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        project.addMapLayer(layer)
        layers[name] = layer
    return layers


def wait_until(predicate, timeout=240):
    deadline = time.time() + timeout
    while not predicate():
        QCoreApplication.processEvents()
        time.sleep(0.005)
        if time.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s")


def wait_for_tasks(dock, timeout=240):
    manager = QgsApplication.taskManager()
    wait_until(
        lambda: dock.task is None and dock.compare_task is None and manager.countActiveTasks() == 0, timeout
    )
    QCoreApplication.processEvents()


def make_dock(iface):
    from vendor_risk.ui.dock import VendorRiskDock

    return VendorRiskDock(iface, parent=iface.mainWindow())


def close_dock(dock):
    dock.cleanup()
    dock.setParent(None)
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def choose(dock, layers=None, scenarios=None, jurisdiction=None, output=None, selected_only=None):
    """Set the dock's widgets as a user does."""
    ui = dock.ui
    if layers is not None:
        names = {lyr.name() for lyr in layers}
        for i in range(ui.layer_list.count()):
            item = ui.layer_list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in names else Qt.CheckState.Unchecked)
    if scenarios is not None:
        for i in range(ui.scenario_list.count()):
            item = ui.scenario_list.item(i)
            item.setCheckState(
                Qt.CheckState.Checked
                if item.data(Qt.ItemDataRole.UserRole) in scenarios
                else Qt.CheckState.Unchecked
            )
    if jurisdiction is not None:
        ui.jurisdiction.setEditText(jurisdiction)
    if output is not None:
        ui.output_file.setFilePath(str(output))
    if selected_only is not None:
        ui.selected_only.setChecked(selected_only)


def run_and_wait(dock, timeout=240):
    dock.ui.run_button.click()
    wait_for_tasks(dock, timeout)


@pytest.fixture(scope="module")
def english_ui():
    """QGIS in English (US number format), whatever the machine's settings; restored after."""
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale

    settings = QgsSettings()
    before, locale = settings.value("locale/userLocale", ""), QLocale()
    settings.setValue("locale/userLocale", "en_US")
    QLocale.setDefault(QLocale("en_US"))  # 1,234,567
    yield
    if before:
        settings.setValue("locale/userLocale", before)
    else:
        settings.remove("locale/userLocale")
    QLocale.setDefault(locale)


def messages(iface, level):
    return iface.messageBar().get_messages(level)


@pytest.fixture
def new_dock(qgis_iface):
    """Make docks that are closed after the test, whatever happens in it."""
    made = []

    def make():
        made.append(make_dock(qgis_iface))
        return made[-1]

    yield make
    for dock in made:
        try:
            close_dock(dock)
        except RuntimeError:  # closed by the test already
            pass


@pytest.fixture
def fresh_project(qgis_iface, provider):
    project = QgsProject.instance()
    project.clear()
    qgis_iface.messageBar().clear_messages()
    yield project
    project.clear()
