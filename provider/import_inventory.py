"""vendorrisk:importinventory — a procurement inventory (xlsx or CSV) as an asset layer."""

import os

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..gis.compat import NUMBER_PARAMETER_INTEGER, PARAMETER_ADVANCED, SOURCE_VECTOR, SOURCE_VECTOR_ANY
from ..gis.io.inventory import inventory_join, inventory_points, write_inventory
from ..gis.io.layer_data import layer_label
from ..gis.io.layers import read_layer
from ..risk.inventory.read import InventoryError
from ..risk.inventory.safety import UnsafeFileError
from ..risk.inventory.table import IMPORT_ROLES, check_coordinates, describe, read_inventory
from ..risk.tagging.fieldmap import detect_fields
from .base import WRITE_ERRORS, VendorRiskAlgorithm, tr, write_failure
from .tag_assets import write_table_sink

ISSUE_COLUMNS = ("cell", "sheet", "row", "column", "field", "value", "message")
MAX_LOGGED = 100


class ImportInventoryAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    SHEET = "SHEET"
    HEADER_ROW = "HEADER_ROW"
    JOIN_LAYER = "JOIN_LAYER"
    JOIN_FIELD = "JOIN_FIELD"
    CRS = "CRS"
    OUTPUT = "OUTPUT"
    OUTPUT_ISSUES = "OUTPUT_ISSUES"

    def name(self):
        return "importinventory"

    def displayName(self):  # noqa: N802
        return tr("Import a procurement inventory (xlsx or CSV)")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:importinventory -- "
        "INPUT=inventory.xlsx JOIN_LAYER='city.gpkg|layername=cameras' OUTPUT=joined.gpkg"
    )

    def help_text(self):
        return tr(
            "Reads an inventory workbook or CSV as procurement teams keep it: the header row is "
            "found under titles and blank rows, columns are recognised from common English and "
            "French names (or set with FIELD_...), merged cells are filled, blank rows skipped, "
            "dates and numbers typed as text ('1 200', '1200,50') understood. By default every "
            "sheet with a recognisable header is read, with a source_sheet column. "
            "With a JOIN_LAYER the output is a copy of that layer whose features take the "
            "inventory's values (matched by id); otherwise points are built from x/y or "
            "longitude/latitude columns in CRS (default EPSG:4326). A workbook exported by "
            "vendorrisk:exportworkbook imports back the same way: edit a unit cost, re-import, "
            "re-assess. Every value that cannot be used is reported with its cell "
            "(Inventaire!C14) in the log and the import_issues table; the rest is imported. "
            "Untrusted files are checked first: size, zip bombs, XML entities (defusedxml)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                tr("Inventory (xlsx or CSV)"),
                fileFilter=tr("Inventories (*.xlsx *.xlsm *.csv *.txt);;All files (*.*)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SHEET,
                tr("Sheets (comma-separated; empty = every sheet with a header)"),
                defaultValue="",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.JOIN_LAYER, tr("Asset layer to update by id"), [SOURCE_VECTOR], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.JOIN_FIELD,
                tr("Id field of that layer (auto-detected when empty)"),
                parentLayerParameterName=self.JOIN_LAYER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterCrs(
                self.CRS, tr("CRS of the x/y columns"), defaultValue="EPSG:4326", optional=True
            )
        )
        header = QgsProcessingParameterNumber(
            self.HEADER_ROW,
            tr("Header row (0 = find it)"),
            NUMBER_PARAMETER_INTEGER,
            defaultValue=0,
            minValue=0,
            optional=True,
        )
        header.setFlags(header.flags() | PARAMETER_ADVANCED)
        self.addParameter(header)
        what = {"x": "x or longitude", "y": "y or latitude"}
        for role in IMPORT_ROLES:
            p = QgsProcessingParameterString(
                "FIELD_" + role.upper(),
                tr("Column holding the {} (auto-detected when empty)").format(
                    what.get(role, role.replace("_", " "))
                ),
                defaultValue="",
                optional=True,
            )
            p.setFlags(p.flags() | PARAMETER_ADVANCED)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterVectorDestination(self.OUTPUT, tr("Imported assets"), SOURCE_VECTOR_ANY)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ISSUES, tr("Import issues"), SOURCE_VECTOR, optional=True, createByDefault=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ROWS", tr("Inventory rows read")))
        self.addOutput(QgsProcessingOutputNumber("ISSUES", tr("Values not imported")))
        self.addOutput(QgsProcessingOutputNumber("FEATURES_UPDATED", tr("Features updated")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not os.path.isfile(path):
            raise QgsProcessingException(tr("Inventory file not found: {}").format(path))
        sheets = [
            s.strip()
            for s in (self.parameterAsString(parameters, self.SHEET, context) or "").split(",")
            if s.strip()
        ] or None
        overrides = {
            role: self.parameterAsString(parameters, "FIELD_" + role.upper(), context)
            for role in IMPORT_ROLES
        }
        header_row = self.parameterAsInt(parameters, self.HEADER_ROW, context) or None
        try:
            table = read_inventory(path, sheets, overrides, header_row)
        except (InventoryError, UnsafeFileError) as e:
            raise QgsProcessingException(str(e)) from e
        for line in table.log:
            feedback.pushInfo(line)
        if table.skipped:
            feedback.pushInfo(
                tr("Columns computed by an assessment are not imported: {}").format(", ".join(table.skipped))
            )
        feedback.setProgress(40)
        layer = self.parameterAsVectorLayer(parameters, self.JOIN_LAYER, context)
        stats, layer_name = {}, "inventory"
        if layer is not None:
            data = read_layer(layer)
            key = self.parameterAsString(parameters, self.JOIN_FIELD, context) or detect_fields(
                list(map(str, data.frame.columns))
            ).get("id")
            if not key:
                raise QgsProcessingException(
                    tr("No id field found in {}: set JOIN_FIELD.").format(layer.name())
                )
            name = layer_name = layer_label(layer)
            try:
                out, stats = inventory_join(data, key, table, name)
            except InventoryError as e:
                raise QgsProcessingException(str(e)) from e
            feedback.pushInfo(
                tr("{} inventory rows matched {} features of {} by {}; replaced: {}; added: {}").format(
                    stats["rows_matched"],
                    stats["features_updated"],
                    name,
                    key,
                    ", ".join(stats["replaced"]) or "-",
                    ", ".join(stats["added"]) or "-",
                )
            )
        else:
            crs = self.parameterAsCrs(parameters, self.CRS, context)
            if not crs.isValid():
                crs = QgsCoordinateReferenceSystem("EPSG:4326")
            check_coordinates(table, crs.isGeographic())
            out = inventory_points(table, crs.toWkt(), path)
            if out.wkb is None:
                feedback.pushWarning(
                    tr(
                        "No x/y or longitude/latitude columns and no JOIN_LAYER: the output is a "
                        "table without geometry."
                    )
                )
        feedback.setProgress(70)
        dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        if os.path.abspath(dest.split("|")[0]) == os.path.abspath(path):
            raise QgsProcessingException(
                tr("The output {} is the inventory: choose another file.").format(dest)
            )
        issues = pd.DataFrame(table.issues, columns=list(ISSUE_COLUMNS))
        issues["row"] = issues["row"].astype("int64")
        try:
            written = write_inventory(dest, out, issues, layer_name)
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(dest, e)) from e
        for item in table.issues[:MAX_LOGGED]:
            feedback.pushWarning(describe(item))
        if len(table.issues) > MAX_LOGGED:
            feedback.pushWarning(
                tr("… {} issues in all: see the import_issues table").format(len(table.issues))
            )
        issues_dest = write_table_sink(self, parameters, self.OUTPUT_ISSUES, context, issues)
        feedback.pushInfo(
            tr("{} rows read, {} values not imported").format(len(table.frame), len(table.issues))
        )
        return {
            self.OUTPUT: written,
            self.OUTPUT_ISSUES: issues_dest,
            "ROWS": len(table.frame),
            "ISSUES": len(table.issues),
            "FEATURES_UPDATED": stats.get("features_updated", 0),
        }
