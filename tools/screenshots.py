"""Screenshots of the dock with results and of the council report, in English and in French.

    xvfb-run -a .venv/bin/python tools/screenshots.py out/screens

Boots QGIS with a small main window (layer tree, map canvas, message bar) around the real dock,
runs an assessment of the sample city from the dock as a user would, and saves PNGs of every tab
and of the report. A developer's tool: it waits for the task with processEvents, which the plugin
itself never does.
"""

import os
import shutil
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ASSETS = (
    "cameras",
    "platforms",
    "radio_sites",
    "street_lights",
    "traffic_sensors",
    "iot_gateways",
    "ev_chargers",
)
BACKGROUND = ("districts", "streets")


def boot():
    # a throw-away QGIS profile: the French run must not change the user's (or the tests') locale
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="vendor_risk_screens_")
    sys.path.insert(0, ROOT)
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], True)
    app.initQgis()
    from cli import import_plugin_package

    import_plugin_package()
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


class Iface:
    """The few QgisInterface calls the dock makes."""

    def __init__(self, window, canvas, bar):
        self._window, self._canvas, self._bar = window, canvas, bar

    def mainWindow(self):  # noqa: N802 - QGIS API
        return self._window

    def mapCanvas(self):  # noqa: N802
        return self._canvas

    def messageBar(self):  # noqa: N802
        return self._bar


def main_window():
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeMapCanvasBridge, QgsLayerTreeView, QgsMapCanvas, QgsMessageBar
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

    window = QMainWindow()
    window.setWindowTitle("QGIS — Vendor Risk")
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    bar = QgsMessageBar()
    canvas = QgsMapCanvas()
    canvas.setCanvasColor(Qt.GlobalColor.white)
    layout.addWidget(bar)
    layout.addWidget(canvas)
    window.setCentralWidget(central)
    root = QgsProject.instance().layerTreeRoot()
    model = QgsLayerTreeModel(root)
    model.setFlag(QgsLayerTreeModel.Flag.AllowNodeChangeVisibility)
    view = QgsLayerTreeView()
    view.setModel(model)
    layers_dock = QDockWidget("Layers")
    layers_dock.setWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, layers_dock)
    window.bridge = QgsLayerTreeMapCanvasBridge(root, canvas)
    window.keep = (model, view, layers_dock)
    window.resize(1680, 1020)
    window.show()
    return window, Iface(window, canvas, bar)


def pump(seconds=0.3):
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def wait_for(dock, timeout=300):
    from qgis.core import QgsApplication

    end = time.time() + timeout
    pump(0.2)
    while (
        dock.task is not None
        or dock.compare_task is not None
        or QgsApplication.taskManager().countActiveTasks()
    ):
        pump(0.05)
        if time.time() > end:
            raise SystemExit("the task did not finish in time")
    pump(1.5)  # let the canvas render


def load_city(folder):
    from qgis.core import QgsProject
    from vendor_risk.gis.sample_project import sample_layer

    city = os.path.join(folder, "sample_city.gpkg")
    shutil.copy(os.path.join(ROOT, "resources", "sample", "sample_city.gpkg"), city)
    project = QgsProject.instance()
    for name in BACKGROUND + ASSETS:
        layer = sample_layer(city, name)  # with the sample city's shipped style
        project.addMapLayer(layer)
        if project.crs().isValid() is False:
            project.setCrs(layer.crs())
    return city


def shoot_form(window, layer, path):
    """The attribute form a click on a removed camera opens (the identify tool's form view)."""
    from qgis.gui import QgsAttributeDialog, QgsGui

    QgsGui.editorWidgetRegistry().initEditors()  # the QGIS application does this at start
    feature = next(
        f for f in layer.getFeatures() if f["sanction_level"] == 3 and f["source_layer"] == "cameras"
    )
    dialog = QgsAttributeDialog(layer, feature, False, window, True)
    dialog.resize(760, 640)
    dialog.show()
    pump(0.8)
    dialog.grab().save(path)
    print("wrote", path)
    dialog.close()


def shoot(window, path):
    pump(0.5)
    window.grab().save(path)
    print("wrote", path)


def session(out, lang):
    from qgis.core import QgsProject, QgsSettings
    from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
    from vendor_risk.ui.dock import VendorRiskDock

    QgsProject.instance().clear()
    translator = None
    if lang == "fr":
        QgsSettings().setValue("locale/userLocale", "fr_FR")
        QLocale.setDefault(QLocale("fr_FR"))
        translator = QTranslator()
        qm = os.path.join(ROOT, "i18n", "vendor_risk_fr.qm")
        if not translator.load(qm):
            raise SystemExit(f"{qm} is missing: run `make translations` first")
        QCoreApplication.installTranslator(translator)
    else:
        QgsSettings().setValue("locale/userLocale", "en_US")
        QLocale.setDefault(QLocale("en_US"))
    work = os.path.join(out, f"work_{lang}")
    os.makedirs(work, exist_ok=True)
    window, iface = main_window()
    load_city(work)
    iface.mapCanvas().setDestinationCrs(QgsProject.instance().crs())
    iface.mapCanvas().zoomToFullExtent()
    from qgis.PyQt.QtCore import Qt

    dock = VendorRiskDock(iface, parent=window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resizeDocks([dock], [560], Qt.Orientation.Horizontal)
    dock.show()
    dock.ui.output_file.setFilePath(os.path.join(work, "vendor_risk.gpkg"))
    shoot(window, os.path.join(out, f"{lang}_1_assess.png"))
    dock.ui.run_button.click()
    pump(0.8)
    shoot(window, os.path.join(out, f"{lang}_2_running.png"))
    wait_for(dock)
    combo = dock.ui.scenario_combo
    combo.setCurrentIndex(combo.findData("rip_and_replace"))
    iface.mapCanvas().zoomToFullExtent()
    pump(1.5)
    dock.ui.tabs.setCurrentWidget(dock.ui.tab_summary)
    dock.ui.summary_table.selectRow(3)
    shoot(window, os.path.join(out, f"{lang}_3_summary.png"))
    shoot_form(window, dock.current_layer(), os.path.join(out, f"{lang}_3b_identify_form.png"))
    dock.ui.tabs.setCurrentWidget(dock.ui.tab_vendors)
    dock.ui.vendor_table.selectRow(0)
    dock.zoom_to_vendor()
    pump(1.5)
    shoot(window, os.path.join(out, f"{lang}_4_vendors.png"))
    iface.mapCanvas().zoomToFullExtent()
    dock.ui.tabs.setCurrentWidget(dock.ui.tab_compare)
    dock.ui.compare_a.setCurrentIndex(dock.ui.compare_a.findData("status_quo"))
    dock.ui.compare_b.setCurrentIndex(dock.ui.compare_b.findData("bifurcation"))
    dock.ui.compare_button.click()
    wait_for(dock)
    shoot(window, os.path.join(out, f"{lang}_5_compare.png"))
    dock.ui.tabs.setCurrentWidget(dock.ui.tab_procurement)
    tender = os.path.join(ROOT, "resources", "procurement", "sample_tender.csv")

    def run_dialog(alg_id, params):  # the user fills in the dialog and runs it
        import processing

        return processing.run(alg_id, {**params, "INPUT": tender, "SIGNATURE_DATE": "2026-12-04"})

    dock.procurement("vendorrisk:compareoffers", run_dialog)
    pump(0.5)
    shoot(window, os.path.join(out, f"{lang}_7_procurement.png"))
    written = dock.make_report(os.path.join(out, f"{lang}_6_report.pdf"))
    print("wrote", *written)
    dock.cleanup()
    window.close()
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
    pump(0.3)


def main(argv):
    out = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join("out", "screens"))
    os.makedirs(out, exist_ok=True)
    app = boot()
    from qgis.core import QgsApplication
    from vendor_risk.provider.provider import VendorRiskProvider

    provider = VendorRiskProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    for lang in ("en", "fr"):
        session(out, lang)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
