"""The real plugin, loaded through classFactory as QGIS does, headless."""

import configparser
import os

from conftest import ROOT
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from qgis.PyQt.QtWidgets import QAction, QToolBar


def _flush_deletes():
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()


def test_running_qgis_is_within_metadata_versions():
    cp = configparser.ConfigParser()
    cp.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    lo = [int(x) for x in cp["general"]["qgisMinimumVersion"].split(".")]
    hi = [int(x) for x in cp["general"]["qgisMaximumVersion"].split(".")]
    running = Qgis.QGIS_VERSION_INT
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
    assert not [a for a in window.findChildren(QAction)
                if a.objectName().startswith("vendorrisk_")]
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
