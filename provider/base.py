"""What every Vendor Risk algorithm shares: catalog and field-mapping parameters, errors."""

import os
import sqlite3

from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingDestinationParameter,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDatabaseSchema,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProperty,
    QgsSettings,
)
from qgis.PyQt.QtGui import QIcon

from ..gis.compat import FILE_PARAMETER_FOLDER
from ..gis.io.paths import collisions, data_path
from ..gis.io.sql_guard import unsafe_filter
from ..gis.translate import tr  # noqa: F401 - the provider modules import tr from here
from ..plugin_paths import ICON_DIR, PLUGIN_DIR
from ..risk.catalog.loader import CatalogError, load_catalog
from ..risk.definitions import FIELD_ROLES
from ..risk.labels import LANGUAGES
from ..risk.tagging.fieldmap import FieldMappingError, detect_fields

ICON = os.path.join(ICON_DIR, "vendor_risk.svg")


# What writing an output can raise: files, GDAL, SQLite (a full disk is "disk I/O error").
WRITE_ERRORS = (OSError, RuntimeError, ValueError, sqlite3.Error)


def write_failure(target, error):
    """The message for an output that could not be written, with the likely cause."""
    text = str(error).strip() or type(error).__name__
    low = text.lower()
    if any(
        w in low
        for w in (
            "disk i/o",
            "no space",
            "file too large",
            "full",
            "read-only",
            "readonly",
            "permission denied",
        )
    ):
        text += tr(" (is the disk full, or the folder read-only?)")
    return tr("Could not write {}: {}. Nothing was written.").format(target, text)


# SQLite (so GeoPackage) holds at most 2,000 columns per table: the key and geometry take two.
GPKG_MAX_FIELDS = 1998


def check_width(layers, added):
    """Refuse, before reading, layers whose fields plus the `added` output fields would not fit
    in one GeoPackage table."""
    names = {n.lower() for lyr in layers for n in lyr.fields().names()} - {"fid"}
    if len(names) + added > GPKG_MAX_FIELDS:
        raise QgsProcessingException(
            tr(
                "The input has {} fields; with the {} that Vendor Risk adds, the output would exceed "
                "the {} fields a GeoPackage table can hold. Keep only the fields you need (QGIS: "
                "Vector table > Drop field(s)) and run again."
            ).format(len(names), added, GPKG_MAX_FIELDS)
        )


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


def _layer_source(value, context):
    """The data source a layer parameter value names, without loading a layer (a layer loaded
    here would live in the context's store, which scripts may keep past QGIS's exit)."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.source()
    text = str(value or "")
    layer = QgsProcessingUtils.mapLayerFromString(text, context, False)
    return layer.source() if layer is not None else text


def plain_to_html(text):
    """Plain help text -> the HTML QGIS renders: escaped, line breaks kept."""
    import html

    return html.escape(text, quote=False).replace("\n", "<br>")


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

    # -- help ------------------------------------------------------------------------------------
    EXAMPLE = ""  # one ./vendor-risk command line, set by each algorithm

    def help_text(self):
        """What the algorithm does, as plain text (subclasses)."""
        return ""

    def shortHelpString(self):  # noqa: N802 - QGIS API: HTML
        """The help as QGIS shows it: the text HTML-escaped ('risk_<scenario>' stays), the values
        each choice and the scenario list accept, and an example."""
        return plain_to_html(self.help_lines())

    def help_lines(self):
        lines = [self.help_text(), ""]
        for p in self.parameterDefinitions():
            if isinstance(p, QgsProcessingParameterEnum):
                lines.append(tr("{}: one of {}").format(p.name(), ", ".join(p.options())))
            elif p.name() == "SCENARIOS":
                from ..risk.assessment.scenarios import available_scenarios

                ids = ", ".join(available_scenarios(None))
                lines.append(tr("SCENARIOS: comma-separated ids among {} (empty: all)").format(ids))
        if self.EXAMPLE:
            lines += ["", tr("Example:"), self.EXAMPLE]
        return "\n".join(lines).strip()

    # -- inputs and outputs never overlap --------------------------------------------------------
    def _paths(self, parameters, context):
        """(inputs, outputs) as (parameter name, file path) of every file parameter and layer,
        and the layers' (parameter name, data source)."""
        inputs, outputs, sources = [], [], []
        for p in self.parameterDefinitions():
            name = p.name()
            value = parameters.get(name)
            if value is None or value == "":
                continue
            if isinstance(p, QgsProcessingDestinationParameter):
                if isinstance(
                    p, (QgsProcessingParameterFileDestination, QgsProcessingParameterFolderDestination)
                ):
                    path = self.parameterAsFileOutput(parameters, name, context)
                else:
                    path = self.parameterAsOutputLayer(parameters, name, context)
                outputs.append((name, data_path(path)))
                ext = p.defaultFileExtension() if hasattr(p, "defaultFileExtension") else ""
                if ext and data_path(path) and not data_path(path).lower().endswith("." + ext):
                    outputs.append((name, data_path(path) + "." + ext))  # as the writer adds it
            elif isinstance(p, QgsProcessingParameterMultipleLayers):
                values = value if isinstance(value, (list, tuple)) else [value]
                sources += [(name, _layer_source(v, context)) for v in values]
                inputs += [(name, data_path(src)) for _, src in sources[-len(values) :]]
            elif isinstance(
                p,
                (
                    QgsProcessingParameterFeatureSource,
                    QgsProcessingParameterVectorLayer,
                    QgsProcessingParameterMapLayer,
                ),
            ):
                sources.append((name, _layer_source(value, context)))
                inputs.append((name, data_path(sources[-1][1])))
            elif isinstance(p, QgsProcessingParameterFile):
                path = self.parameterAsFile(parameters, name, context)
                if path and os.path.isdir(path):  # a folder's files are all read
                    inputs += [(name, os.path.join(path, f)) for f in sorted(os.listdir(path))]
                elif path:
                    inputs.append((name, path))
        return inputs, outputs, sources

    def path_collision(self, parameters, context):
        """The message for the first output that would overwrite an input or another output,
        or for a database layer whose filter is not one SQL expression."""
        inputs, outputs, sources = self._paths(parameters, context)
        for first, second, path in collisions(inputs, outputs):
            return tr(
                "{} and {} are the same file ({}): writing {} would destroy it. Choose another file."
            ).format(first, second, path, first)
        for name, source in sources:
            problem = unsafe_filter(source)
            if problem:
                return f"{name}: {problem}"
        return ""

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        problem = self.path_collision(parameters, context)
        return (False, problem) if problem else (True, "")

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        """Checked again here: a script or model may call run() without checking values."""
        problem = self.path_collision(parameters, context)
        if problem:
            raise QgsProcessingException(problem)
        return True

    def add_language_parameter(self, description):
        self.addParameter(
            QgsProcessingParameterEnum(
                "LANGUAGE",
                description,
                options=list(LANGUAGES),
                defaultValue=default_language(),
                usesStaticStrings=True,
            )
        )

    def language(self, parameters, context):
        return self.parameterAsEnumString(parameters, "LANGUAGE", context) or "en"

    def add_catalog_parameter(self):
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOG,
                tr("User catalog folder (extends or overrides the shipped catalog)"),
                behavior=FILE_PARAMETER_FOLDER,
                optional=True,
            )
        )

    def add_postgis_parameters(self, connection_label, schema_label):
        """DATABASE (a PostgreSQL connection of QGIS) and SCHEMA: where an assessment is in PostGIS."""
        self.addParameter(
            QgsProcessingParameterProviderConnection("DATABASE", connection_label, "postgres", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterDatabaseSchema("SCHEMA", schema_label, "DATABASE", optional=True)
        )

    def postgis_location(self, parameters, context):
        """(connection name, schema) when DATABASE and SCHEMA are set, None when neither is."""
        connection = self.parameterAsConnectionName(parameters, "DATABASE", context)
        schema = self.parameterAsSchema(parameters, "SCHEMA", context)
        if not (connection or schema):
            return None
        if not (connection and schema):
            raise QgsProcessingException(
                tr("Set both DATABASE and SCHEMA for PostGIS (or neither for a GeoPackage).")
            )
        return connection, schema

    def add_field_parameters(self, parent="INPUT", roles=FIELD_ROLES):
        for role in roles:
            self.addParameter(
                QgsProcessingParameterField(
                    "FIELD_" + role.upper(),
                    tr("Field holding the {} (auto-detected when empty)").format(role.replace("_", " ")),
                    parentLayerParameterName=parent or "",
                    optional=True,
                )
            )

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
                raise QgsProcessingException(
                    tr("Field '{}' given for role '{}' is in none of the layers").format(value, role)
                )
        try:
            return [detect_fields(n, {r: v for r, v in overrides.items() if v in n}, roles) for n in names]
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
