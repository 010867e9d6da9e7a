"""Run inside the real QGIS desktop (qgis --code): load, inspect, unload, report as JSON."""

import json
import os

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction

REPORT = os.environ["VENDOR_RISK_DESKTOP_REPORT"]
log = []
QgsApplication.messageLog().messageReceived.connect(
    lambda msg, tag, level: log.append([tag, int(level), msg]))


def ours(window):
    return [a.objectName() for a in window.findChildren(QAction)
            if a.objectName().startswith("vendorrisk_")]


def menu_titles():
    return [a.text() for a in qgis.utils.iface.pluginMenu().actions()]


def check():
    win = qgis.utils.iface.mainWindow()
    out = {"loaded": "vendor_risk" in qgis.utils.plugins, "actions": ours(win),
           "menus": menu_titles(),
           "algorithms": sorted(a.id() for a in QgsApplication.processingRegistry().algorithms()
                                if a.id().startswith("vendorrisk:"))}
    qgis.utils.unloadPlugin("vendor_risk")
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    QCoreApplication.processEvents()
    out["after_actions"] = ours(win)
    out["after_menus"] = menu_titles()
    out["after_provider"] = QgsApplication.processingRegistry().providerById("vendorrisk") \
        is not None
    out["log"] = log
    with open(REPORT, "w", encoding="utf-8") as fh:
        json.dump(out, fh)
    qgis.utils.iface.actionExit().trigger()


QTimer.singleShot(1500, check)
