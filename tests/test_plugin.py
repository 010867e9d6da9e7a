"""The real plugin, loaded through classFactory as QGIS does, headless."""

import configparser
import os

from conftest import ROOT
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QToolBar
from vendor_risk.gis.compat import QAction, qgis_version_int


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_running_qgis_is_within_metadata_versions():
    cp = configparser.ConfigParser()
    cp.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    lo = [int(x) for x in cp["general"]["qgisMinimumVersion"].split(".")]
    hi = [int(x) for x in cp["general"]["qgisMaximumVersion"].split(".")]
    running = qgis_version_int()
    assert lo[0] * 10000 + lo[1] * 100 <= running <= hi[0] * 10000 + hi[1] * 100 + 99


def test_load_init_unload_leaves_nothing_behind(qgis_app, qgis_iface, qgis_processing):
    import vendor_risk

    registry = QgsApplication.processingRegistry()
    if registry.providerById("vendorrisk") is not None:  # registered by another test
        registry.removeProvider(registry.providerById("vendorrisk"))
    plugin = vendor_risk.classFactory(qgis_iface)
    plugin.initProcessing()
    plugin.initGui()
    window = qgis_iface.mainWindow()
    assert registry.providerById("vendorrisk") is not None
    assert registry.algorithmById("vendorrisk:tagassets") is not None
    ours = [a for a in window.findChildren(QAction) if a.objectName().startswith("vendorrisk_")]
    assert ours, "initGui added no action"
    assert window.findChildren(QToolBar, "VendorRiskToolbar")

    plugin.unload()
    _flush_deletes()
    assert registry.providerById("vendorrisk") is None
    assert registry.algorithmById("vendorrisk:tagassets") is None
    assert not [a for a in window.findChildren(QAction) if a.objectName().startswith("vendorrisk_")]
    assert not window.findChildren(QToolBar, "VendorRiskToolbar")

    # reload: a second cycle works the same
    plugin = vendor_risk.classFactory(qgis_iface)
    plugin.initGui()
    assert registry.providerById("vendorrisk") is not None
    plugin.unload()
    _flush_deletes()
    assert registry.providerById("vendorrisk") is None


def test_provider_and_algorithm_ids(provider):
    ids = sorted(a.id() for a in provider.algorithms())
    assert provider.id() == "vendorrisk"
    assert "vendorrisk:tagassets" in ids


def test_the_dock_opens_lazily_and_unload_removes_it(qgis_app, qgis_iface, qgis_processing):
    import vendor_risk
    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QDockWidget

    window = qgis_iface.mainWindow()
    project = QgsProject.instance()
    signals = (project.layersAdded, project.layersRemoved, project.readProject, project.cleared)
    before = [project.receivers(s) for s in signals]
    plugin = vendor_risk.classFactory(qgis_iface)
    plugin.initGui()
    action = plugin.dock_action
    assert action.objectName() == "vendorrisk_dock" and action.isCheckable()
    assert not action.icon().isNull()
    assert not window.findChildren(QDockWidget, "VendorRiskDock")  # lazy: nothing built yet
    action.trigger()
    docks = window.findChildren(QDockWidget, "VendorRiskDock")
    assert len(docks) == 1 and docks[0] is plugin.dock
    assert plugin.dock.windowTitle() == "Vendor Risk"
    assert [project.receivers(s) for s in signals] == [n + 1 for n in before]
    action.trigger()  # toggles it off, the same dock stays for next time
    assert plugin.dock is docks[0] and plugin.dock.isHidden() and not action.isChecked()
    action.trigger()
    assert not plugin.dock.isHidden() and action.isChecked()
    plugin.dock.close()  # the dock's own close button unticks the action
    assert not action.isChecked()

    plugin.unload()
    _flush_deletes()
    assert not window.findChildren(QDockWidget, "VendorRiskDock")
    assert [project.receivers(s) for s in signals] == before
    assert not [a for a in window.findChildren(QAction) if a.objectName().startswith("vendorrisk_")]
    assert not window.findChildren(QToolBar, "VendorRiskToolbar")
    assert plugin.translator is None
