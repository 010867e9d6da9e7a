"""Plugin object: menus, toolbar, dock and translator in initGui, the provider in initProcessing."""

import os

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from qgis.PyQt.QtGui import QIcon

from .gis.compat import QAction
from .plugin_paths import ICON_DIR, PLUGIN_DIR
from .provider.base import ICON

MENU = "&Vendor Risk"
DOCK_ICON = os.path.join(ICON_DIR, "vendor_risk_dock.svg")


translate = QCoreApplication.translate  # pylupdate5 finds translate("Context", "text") calls


def translation_file(locale=None):
    """i18n/vendor_risk_<lang>.qm for QGIS's user locale, or None when there is none."""
    locale = locale or QgsSettings().value("locale/userLocale", "") or QLocale().name()
    path = os.path.join(PLUGIN_DIR, "i18n", f"vendor_risk_{(locale or 'en')[:2].lower()}.qm")
    return path if os.path.exists(path) else None


class VendorRiskPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None
        self.dock = None
        self.dock_action = None
        self.translator = None

    def initProcessing(self):  # noqa: N802 - QGIS API
        from .provider.provider import VendorRiskProvider

        self._install_translator()  # qgis_process loads the provider without initGui
        if self.provider is None:
            self.provider = VendorRiskProvider()
            if not QgsApplication.processingRegistry().addProvider(self.provider):
                self.provider = None  # another copy is registered; the registry deleted ours

    def initGui(self):  # noqa: N802
        self._install_translator()
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(translate("VendorRiskPlugin", "Vendor Risk"))
        self.toolbar.setObjectName("VendorRiskToolbar")
        self.dock_action = QAction(
            QIcon(DOCK_ICON), translate("VendorRiskPlugin", "Vendor Risk panel"), self.iface.mainWindow()
        )
        self.dock_action.setObjectName("vendorrisk_dock")
        self.dock_action.setCheckable(True)
        # pylupdate5 reads no translate() call with a trailing comma: kept as written
        # fmt: off
        tip = translate("VendorRiskPlugin", "Assess asset layers, read the results on the map, "
                        "compare scenarios, print a council report")
        # fmt: on
        self.dock_action.setToolTip(tip)
        self.dock_action.toggled.connect(self._toggle_dock)
        self.iface.addPluginToMenu(MENU, self.dock_action)
        self.toolbar.addAction(self.dock_action)
        self.actions.append(self.dock_action)
        self._add_action(
            translate("VendorRiskPlugin", "Tag assets by vendor…"), "vendorrisk:tagassets", toolbar=True
        )
        self._add_action(
            translate("VendorRiskPlugin", "Assess vendor risk (Processing)…"), "vendorrisk:assessrisk"
        )

    def _install_translator(self):
        path = translation_file() if self.translator is None else None
        if path is None:
            return
        translator = QTranslator()
        if translator.load(path):
            QCoreApplication.installTranslator(translator)
            self.translator = translator

    def _add_action(self, text, algorithm_id, toolbar=False):
        action = QAction(QIcon(ICON), text, self.iface.mainWindow())
        action.setObjectName("vendorrisk_" + algorithm_id.split(":")[-1])
        action.triggered.connect(lambda: self._open_algorithm(algorithm_id))
        self.iface.addPluginToMenu(MENU, action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    @staticmethod
    def _open_algorithm(algorithm_id):
        import processing

        processing.execAlgorithmDialog(algorithm_id, {})

    def show_dock(self):
        """Create the dock on first use (lazy) and show it."""
        if self.dock is None:
            from .ui.dock import VendorRiskDock

            self.dock = VendorRiskDock(self.iface, parent=self.iface.mainWindow())
            self.dock.closed.connect(lambda: self.dock_action.setChecked(False))
            self.dock.opened.connect(lambda: self.dock_action.setChecked(True))
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.show()
        self.dock.raise_()
        return self.dock

    def _toggle_dock(self, checked):
        if checked:
            self.show_dock()
        elif self.dock is not None:
            self.dock.hide()

    def unload(self):
        if self.dock is not None:
            self.dock.cleanup()
            self.iface.removeDockWidget(self.dock)
            self.dock.setParent(None)
            self.dock.deleteLater()
            self.dock = None
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        self.dock_action = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
