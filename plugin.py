"""Plugin object: menus, toolbar and dock in initGui, the provider in initProcessing."""


from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .provider.base import ICON, tr

MENU = "&Vendor Risk"


class VendorRiskPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.toolbar = None

    def initProcessing(self):  # noqa: N802 - QGIS API
        from .provider.provider import VendorRiskProvider

        if self.provider is None:
            self.provider = VendorRiskProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("Vendor Risk"))
        self.toolbar.setObjectName("VendorRiskToolbar")
        self._add_action(tr("Tag assets by vendor…"), "vendorrisk:tagassets", toolbar=True)

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

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None


