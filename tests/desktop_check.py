"""Run inside the real QGIS desktop (qgis --code): load, inspect, open the dock, run an
assessment from it, print the council report, unload, report as JSON."""

import json
import os
import time

import qgis.utils
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt, QTimer
from qgis.PyQt.QtWidgets import QDockWidget
from vendor_risk.gis.compat import QAction

REPORT = os.environ["VENDOR_RISK_DESKTOP_REPORT"]
SAMPLE = os.environ.get("VENDOR_RISK_DESKTOP_SAMPLE", "")  # a copy of the sample city
SCREENSHOT = os.environ.get("VENDOR_RISK_DESKTOP_SCREENSHOT", "")
log = []
QgsApplication.messageLog().messageReceived.connect(
    lambda msg, tag, level: log.append([tag, int(level), msg])
)
out = {}
started = [0.0]


def ours(window):
    return [a.objectName() for a in window.findChildren(QAction) if a.objectName().startswith("vendorrisk_")]


def menu_titles():
    return [a.text() for a in qgis.utils.iface.pluginMenu().actions()]


def check():
    win = qgis.utils.iface.mainWindow()
    plugin = qgis.utils.plugins.get("vendor_risk")
    out.update(
        {
            "loaded": plugin is not None,
            "actions": ours(win),
            "plugin_path": os.path.dirname(os.path.abspath(__import__(type(plugin).__module__).__file__))
            if plugin
            else "",
            "menus": menu_titles(),
            "algorithms": sorted(
                a.id()
                for a in QgsApplication.processingRegistry().algorithms()
                if a.id().startswith("vendorrisk:")
            ),
        }
    )
    try:
        open_dock(win)
    except Exception as e:  # noqa: BLE001 - reported, then the checks go on
        out["dock_error"] = repr(e)
        finish()


def open_dock(win):
    if SAMPLE:
        for name in ("cameras", "platforms", "districts"):
            QgsProject.instance().addMapLayer(QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr"))
    win.findChild(QAction, "vendorrisk_dock").trigger()
    dock = win.findChild(QDockWidget, "VendorRiskDock")
    out["dock"] = {"found": dock is not None, "area": int(win.dockWidgetArea(dock)) if dock else -1}
    if dock is None or not SAMPLE:
        QTimer.singleShot(800, finish)
        return
    ui = dock.ui
    for i in range(ui.scenario_list.count()):
        item = ui.scenario_list.item(i)
        item.setCheckState(
            Qt.CheckState.Checked
            if item.data(Qt.ItemDataRole.UserRole) == "status_quo"
            else Qt.CheckState.Unchecked
        )
    ui.output_file.setFilePath(os.path.join(os.path.dirname(SAMPLE), "desktop_risk.gpkg"))
    ui.run_button.click()
    started[0] = time.time()
    QTimer.singleShot(200, lambda: wait_for_run(dock))


def wait_for_run(dock):
    if dock.task is not None and time.time() - started[0] < 120:
        QTimer.singleShot(200, lambda: wait_for_run(dock))
        return
    out["dock"].update(
        {
            "visible": dock.isVisible(),
            "title": dock.windowTitle(),
            "ticked": [lyr.name() for lyr in dock.checked_layers()],
            "status": dock.ui.status_label.text(),
            "group": dock.view.group.name() if dock.view is not None else "",
            "summary_rows": dock.ui.summary_table.rowCount(),
        }
    )
    if dock.view is not None:
        pdf = os.path.join(os.path.dirname(SAMPLE), "desktop_report.pdf")
        try:
            out["dock"]["report"] = dock.make_report(pdf)
        except Exception as e:  # noqa: BLE001 - reported, then the checks go on
            out["dock"]["report_error"] = repr(e)
    if SCREENSHOT:
        QTimer.singleShot(1500, lambda: (qgis.utils.iface.mainWindow().grab().save(SCREENSHOT), finish()))
    else:
        finish()


def finish():
    win = qgis.utils.iface.mainWindow()
    qgis.utils.unloadPlugin("vendor_risk")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    out["after_actions"] = ours(win)
    out["after_menus"] = menu_titles()
    out["after_provider"] = QgsApplication.processingRegistry().providerById("vendorrisk") is not None
    out["after_dock"] = win.findChild(QDockWidget, "VendorRiskDock") is not None
    out["log"] = log
    with open(REPORT, "w", encoding="utf-8") as fh:
        json.dump(out, fh)
    QgsProject.instance().clear()  # its layers live under /tmp: QGIS would ask before quitting
    qgis.utils.iface.actionExit().trigger()


QTimer.singleShot(1500, check)
