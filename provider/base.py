"""What every Vendor Risk algorithm shares: catalog and field-mapping parameters, errors."""

import os

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsSettings,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..gis.compat import FILE_PARAMETER_FOLDER
from ..risk.catalog import CatalogError, load_catalog
from ..risk.definitions import FIELD_ROLES
from ..risk.fieldmap import FieldMappingError, detect_fields

PLUGIN_DIR = os.path.dirname(os.path.dirname(__file__))
ICON = os.path.join(PLUGIN_DIR, "resources", "icons", "vendor_risk.svg")


def tr(text):
    """Translate an algorithm's text. pylupdate5 files the provider's bare tr("...") calls
    under its "@default" context (i18n/vendor_risk.pro lists provider/), so look them up there."""
    return QCoreApplication.translate("@default", text)


def default_language():
    """French when the QGIS user locale is French, else English."""
    locale = str(QgsSettings().value("locale/userLocale", "") or "")
    return "fr" if locale.lower().startswith("fr") else "en"


def plugin_version():
    with open(os.path.join(PLUGIN_DIR, "metadata.txt"), encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("version="):
                return line.split("=", 1)[1].strip()
    return ""


class VendorRiskAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses give name/displayName/shortHelp and the two process stages."""

    CATALOG = "CATALOG"

    def createInstance(self):  # noqa: N802 - QGIS API
        return type(self)()

    def group(self):
        return tr("Vendor risk")

    def groupId(self):  # noqa: N802
        return "vendorrisk"

    def icon(self):
        return QIcon(ICON)

    def tr(self, text):
        return tr(text)

    def add_catalog_parameter(self):
        self.addParameter(QgsProcessingParameterFile(
            self.CATALOG, tr("User catalog folder (extends or overrides the shipped catalog)"),
            behavior=FILE_PARAMETER_FOLDER, optional=True,
        ))

    def add_field_parameters(self, parent="INPUT", roles=FIELD_ROLES):
        for role in roles:
            self.addParameter(QgsProcessingParameterField(
                "FIELD_" + role.upper(),
                tr("Field holding the {} (auto-detected when empty)").format(role.replace("_", " ")),
                parentLayerParameterName=parent or "", optional=True,
            ))

    def catalog(self, parameters, context):
        folder = self.parameterAsFile(parameters, self.CATALOG, context) or None
        try:
            return load_catalog(folder)
        except CatalogError as e:
            raise QgsProcessingException(tr("Catalog error: {}").format(e)) from e

    def field_mappings(self, parameters, context, layers, roles=FIELD_ROLES):
        """One mapping per layer (layers name their fields differently); an explicit field
        applies to every layer that has it and must exist in at least one."""
        overrides = {}
        for role in roles:
            value = self.parameterAsString(parameters, "FIELD_" + role.upper(), context)
            if value:
                overrides[role] = value
        names = [layer.fields().names() for layer in layers]
        for role, value in overrides.items():
            if not any(value in n for n in names):
                raise QgsProcessingException(tr(
                    "Field '{}' given for role '{}' is in none of the layers").format(value, role))
        try:
            return [detect_fields(n, {r: v for r, v in overrides.items() if v in n}, roles)
                    for n in names]
        except FieldMappingError as e:
            raise QgsProcessingException(str(e)) from e

    def field_mapping(self, parameters, context, field_names, roles=FIELD_ROLES):
        overrides = {}
        for role in roles:
            value = self.parameterAsString(parameters, "FIELD_" + role.upper(), context)
            if value:
                overrides[role] = value
        try:
            return detect_fields(list(field_names), overrides, roles)
        except FieldMappingError as e:
            raise QgsProcessingException(str(e)) from e
