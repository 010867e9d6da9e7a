"""What the widgets share: the user's language and the names shown for field roles."""

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, Qt

from ..risk import money as money_text


def user_locale():
    """QGIS's user locale (QGIS stores the effective one in locale/userLocale at start-up)."""
    return QgsSettings().value("locale/userLocale", "") or QLocale().name()


def language():
    return (user_locale() or "en")[:2].lower()


def _lang():
    return "fr" if language() == "fr" else "en"


def number(value, decimals=0):
    """A number grouped as the dock's language writes it."""
    return money_text.number(value, _lang(), decimals)


def money(value, currency):
    """An amount with its currency, grouped as the dock's language writes it."""
    return money_text.money(value, currency, _lang())


def money_format(currency):
    """A chart's value formatter: short amounts with the currency ('26.1 M EUR')."""
    return lambda value: money_text.short_money(value, currency, _lang())


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
