"""vendorrisk:exportworkbook — the assessment as a workbook for procurement teams."""

import zipfile

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
)

from ..gis.compat import NUMBER_PARAMETER_INTEGER, PARAMETER_ADVANCED
from ..gis.io.assessment_read import AssessmentFileError, gpkg_source, postgis_source, read_assessment
from ..risk.optional import missing
from ..risk.workbook.data import EXCEL_MAX_ROWS, build_report, load_context
from .base import VendorRiskAlgorithm, plugin_version, tr, write_failure


def export_workbook(gpkg, out_xlsx, lang="en", row_limit=EXCEL_MAX_ROWS, progress=None, is_canceled=None):
    """Read the assessment, extract the report, write the workbook; returns (path, report).

    `gpkg`: a GeoPackage path or an AssessmentSource (GeoPackage or PostGIS schema)."""
    from ..risk.workbook.writer import write_workbook  # openpyxl: optional, imported when used

    tables = read_assessment(gpkg)
    if progress:
        progress(20)
    context = load_context(tables.run_info, lang, tables.folder or None)
    report = build_report(tables, context, lang, row_limit, plugin_version())
    if progress:
        progress(30)
    path = write_workbook(
        report,
        out_xlsx,
        progress=(lambda p: progress(30 + 0.7 * p)) if progress else None,
        is_canceled=is_canceled,
    )
    return path, report


class ExportWorkbookAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    OUTPUT = "OUTPUT"
    LANGUAGE = "LANGUAGE"
    ROW_LIMIT = "ROW_LIMIT"

    def name(self):
        return "exportworkbook"

    def displayName(self):  # noqa: N802
        return tr("Export the assessment as a workbook (xlsx)")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:exportworkbook -- "
        "INPUT=assessment.gpkg LANGUAGE=fr OUTPUT=assessment.xlsx"
    )

    def help_text(self):
        return tr(
            "Writes the assessment GeoPackage of vendorrisk:assessrisk as an Excel workbook for "
            "procurement teams: Summary (totals per scenario, expected cost, P50/P90, charts), "
            "Assets (one row per asset and scenario, colour-coded risk bands, reasons in full), "
            "Vendors (exposure and switching cost per vendor and parent group), Scenarios (every "
            "parameter with its explanation), Evidence (every list and listing that contributed, "
            "with source and date), Run info and Data issues. Headers in English or French. "
            "Past Excel's 1,048,576 rows, asset rows continue on further sheets. Text that Excel "
            "would run as a formula is stored as text. The Assets sheet imports back with "
            "vendorrisk:importinventory (join by asset id) after editing unit costs. An "
            "assessment written to PostGIS is read with DATABASE and SCHEMA instead of INPUT."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                tr("Assessment GeoPackage (output of assessrisk)"),
                extension="gpkg",
                optional=True,
            )
        )
        self.add_postgis_parameters(
            tr("Or an assessment in PostGIS: database connection"), tr("PostGIS schema of the assessment")
        )
        self.add_language_parameter(tr("Language of the workbook"))
        limit = QgsProcessingParameterNumber(
            self.ROW_LIMIT,
            tr("Rows per sheet (Excel's limit; lower only for tests)"),
            NUMBER_PARAMETER_INTEGER,
            defaultValue=EXCEL_MAX_ROWS,
            minValue=3,
            maxValue=EXCEL_MAX_ROWS,
            optional=True,
        )
        limit.setFlags(limit.flags() | PARAMETER_ADVANCED)
        self.addParameter(limit)
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Workbook"), tr("Excel workbook (*.xlsx)"))
        )
        self.addOutput(QgsProcessingOutputNumber("ASSET_ROWS", tr("Asset rows written")))
        self.addOutput(QgsProcessingOutputString("SHEETS", tr("Sheets written")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        problem = missing("openpyxl")
        if problem:
            raise QgsProcessingException(tr("The workbook cannot be written: {}").format(problem))
        gpkg = self.source(parameters, context)
        lang = self.language(parameters, context)
        limit = self.parameterAsInt(parameters, self.ROW_LIMIT, context) or EXCEL_MAX_ROWS
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            written, report = export_workbook(
                gpkg, path, lang, limit, progress=feedback.setProgress, is_canceled=feedback.isCanceled
            )
        except AssessmentFileError as e:
            raise QgsProcessingException(str(e)) from e
        except (OSError, zipfile.BadZipFile) as e:  # openpyxl writes the .xlsx as a zip
            raise QgsProcessingException(write_failure(path, e)) from e
        if written is None:
            return {}
        sheets = [report.sheets["summary"], *report.asset_sheets] + [
            report.sheets[k] for k in ("vendors", "scenarios", "evidence", "run_info", "data_issues")
        ]
        feedback.pushInfo(
            tr("{} asset rows on {}").format(len(report.assets), ", ".join(report.asset_sheets))
        )
        for note in report.notes:
            feedback.pushInfo(note)
        return {self.OUTPUT: written, "ASSET_ROWS": len(report.assets), "SHEETS": ";".join(sheets)}

    def source(self, parameters, context):
        """The assessment to read: the INPUT GeoPackage, or DATABASE and SCHEMA."""
        path = self.parameterAsFile(parameters, self.INPUT, context)
        location = self.postgis_location(parameters, context)
        if location is not None and path:
            raise QgsProcessingException(tr("Give either INPUT or DATABASE and SCHEMA, not both."))
        if location is None:
            if not path:
                raise QgsProcessingException(
                    tr("Give the assessment: INPUT (a GeoPackage) or DATABASE and SCHEMA (PostGIS).")
                )
            return gpkg_source(path)
        from ..gis.io.postgis_write import PostgisError, connection_uri

        try:
            return postgis_source(connection_uri(location[0]), location[1])
        except PostgisError as e:
            raise QgsProcessingException(str(e)) from e
