"""The `vendorrisk` Processing provider."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .assess_risk import AssessRiskAlgorithm
from .audit_cameras import AuditCamerasAlgorithm
from .base import ICON, plugin_version
from .compare_offers import CompareOffersAlgorithm
from .export_workbook import ExportWorkbookAlgorithm
from .import_inventory import ImportInventoryAlgorithm
from .import_lists import ImportListsAlgorithm
from .replacement_plan import ReplacementPlanAlgorithm
from .tag_assets import TagAssetsAlgorithm

ALGORITHMS = (
    TagAssetsAlgorithm,
    AssessRiskAlgorithm,
    AuditCamerasAlgorithm,
    ExportWorkbookAlgorithm,
    ImportInventoryAlgorithm,
    ImportListsAlgorithm,
    ReplacementPlanAlgorithm,
    CompareOffersAlgorithm,
)


class VendorRiskProvider(QgsProcessingProvider):
    def id(self):
        return "vendorrisk"

    def name(self):
        return "Vendor risk"

    def longName(self):  # noqa: N802 - QGIS API
        return f"Vendor risk {plugin_version()}"

    def icon(self):
        return QIcon(ICON)

    def loadAlgorithms(self):  # noqa: N802
        for alg in ALGORITHMS:
            self.addAlgorithm(alg())
