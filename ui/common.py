"""What the widgets share: the user's language and the names shown for field roles."""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt


def user_locale():
    """QGIS's user locale (QGIS stores the effective one in locale/userLocale at start-up)."""
    return QgsSettings().value("locale/userLocale", "") or QLocale().name()


def language():
    return (user_locale() or "en")[:2].lower()


def role_label(role):
    labels = {
        "id": QCoreApplication.translate("VendorRiskDock", "Asset id"),
        "class": QCoreApplication.translate("VendorRiskDock", "Asset class"),
        "manufacturer": QCoreApplication.translate("VendorRiskDock", "Manufacturer"),
        "brand": QCoreApplication.translate("VendorRiskDock", "Brand"),
        "model": QCoreApplication.translate("VendorRiskDock", "Model"),
        "install_year": QCoreApplication.translate("VendorRiskDock", "Install year"),
        "unit_cost": QCoreApplication.translate("VendorRiskDock", "Unit cost"),
        "quantity": QCoreApplication.translate("VendorRiskDock", "Quantity"),
        "protocols": QCoreApplication.translate("VendorRiskDock", "Protocols / standards"),
        "platform": QCoreApplication.translate("VendorRiskDock", "Platform it is wired to"),
    }
    return labels.get(role, role.replace("_", " "))


def check_state(checked):
    """The check state of a list item for a truth value."""
    return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
