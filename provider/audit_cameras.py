"""vendorrisk:auditcameras — which camera breaks which rule, what it sees, and a report to file."""

from datetime import date

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..gis.compat import SOURCE_VECTOR_POINT, SOURCE_VECTOR_POLYGON
from ..gis.pipelines.audit import PLACES, AuditJob, evaluate_audit, write_audit_outputs
from ..gis.styles.qml import load_styled_on_completion, style_path
from ..risk.audit.roles import CAMERA_ROLES
from ..risk.audit.ruleset import DEFAULT_RULESET, RulesetError, builtin_rulesets, load_ruleset
from ..risk.optional import missing
from .base import WRITE_ERRORS, VendorRiskAlgorithm, plugin_version, tr, write_failure

OUTPUT_STYLES = (
    ("findings", "FINDINGS", "Audit findings", "findings"),
    ("fields_of_view", "FIELDS_OF_VIEW", "Fields of view", "fov"),
    ("district_coverage", "DISTRICT_COVERAGE", "District coverage", "district_coverage"),
)


class AuditCamerasAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    SENSITIVE_SITES = "SENSITIVE_SITES"
    DWELLINGS = "DWELLINGS"
    DISTRICTS = "DISTRICTS"
    RULESET = "RULESET"
    JURISDICTION = "JURISDICTION"
    AUDIT_DATE = "AUDIT_DATE"
    OUTPUT = "OUTPUT"
    OUTPUT_XLSX = "OUTPUT_XLSX"
    OUTPUT_PDF = "OUTPUT_PDF"

    def name(self):
        return "auditcameras"

    def displayName(self):  # noqa: N802
        return tr("Audit cameras against video-protection rules")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:auditcameras -- "
        "INPUT='city.gpkg|layername=cameras' DISTRICTS='city.gpkg|layername=districts' "
        "OUTPUT=audit.gpkg OUTPUT_PDF=audit.pdf"
    )

    def help_text(self):
        return tr(
            "Checks every camera against a rule set (default: French rules, fr_cnil): prefectoral "
            "authorisation, retention over one month, biometric identification, licence-plate "
            "reading, sound, restricted vendors, end of security support, storage outside the "
            "EU/EEA, views into dwellings or onto sensitive sites, and signage. Writes one "
            "finding per camera and rule with the evidence: 'breach', or 'cannot_verify' when a "
            "value is not recorded (never a pass). Builds each camera's field of view from "
            "direction, angle and range (type defaults when missing, marked 'assumed'), and the "
            "share of each district's public space under view. Optional outputs: an audit "
            "workbook and a PDF report ready to file. RULESET is a JSON file or a built-in id ({}). "
            "Restricted vendors need the columns added by vendorrisk:assessrisk; audit its "
            "output to check them. The input layers are never modified."
        ).format(", ".join(builtin_rulesets()))

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterVectorLayer(self.INPUT, tr("Camera layer (points)"), [SOURCE_VECTOR_POINT])
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.SENSITIVE_SITES,
                tr("Sensitive sites (schools, places of worship, hospitals)"),
                [SOURCE_VECTOR_POINT, SOURCE_VECTOR_POLYGON],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.DWELLINGS, tr("Dwellings / building footprints"), [SOURCE_VECTOR_POLYGON], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.DISTRICTS, tr("Districts"), [SOURCE_VECTOR_POLYGON], optional=True
            )
        )
        self.add_catalog_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                self.RULESET, tr("Rule set (JSON file or built-in id)"), defaultValue=DEFAULT_RULESET
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.JURISDICTION, tr("Jurisdiction (FR, EU, UK, US or your own code)"), defaultValue="FR"
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.AUDIT_DATE, tr("Audit date (YYYY-MM-DD, default today)"), optional=True
            )
        )
        self.add_language_parameter(tr("Language of the workbook"))
        self.add_field_parameters(parent=self.INPUT, roles=CAMERA_ROLES)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT,
                tr("Audit GeoPackage (findings, fields of view, district coverage)"),
                fileFilter="GeoPackage (*.gpkg)",
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_XLSX,
                tr("Audit workbook"),
                fileFilter="Excel workbook (*.xlsx)",
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF,
                tr("PDF report"),
                fileFilter="PDF (*.pdf)",
                optional=True,
                createByDefault=False,
            )
        )
        for _layer, key, title, _style in OUTPUT_STYLES:
            self.addOutput(QgsProcessingOutputVectorLayer(key, tr(title)))
        self.addOutput(QgsProcessingOutputNumber("CAMERAS", tr("Cameras audited")))
        self.addOutput(QgsProcessingOutputNumber("BREACHES", tr("Breach findings")))
        self.addOutput(QgsProcessingOutputNumber("CANNOT_VERIFY", tr("Cannot-verify findings")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        job = self._job(parameters, context)
        outcome = evaluate_audit(job, feedback)
        if outcome is None:
            return {}
        try:
            write_audit_outputs(job, outcome, feedback)
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(tr("the audit outputs"), e)) from e
        paths = job.paths
        results = {self.OUTPUT: paths["gpkg"], self.OUTPUT_XLSX: paths["xlsx"], self.OUTPUT_PDF: paths["pdf"]}
        for name, key, title, style in OUTPUT_STYLES:
            uri = f"{paths['gpkg']}|layername={name}"
            results[key] = uri
            load_styled_on_completion(context, uri, tr(title), style_path(style), key)
        totals = outcome.report.totals()
        feedback.pushInfo(
            tr(
                "{cameras} cameras: {breaches} breaches on {cameras_with_breach} "
                "cameras, {cannot_verify} findings that cannot be verified, "
                "{cameras_compliant} cameras with no finding"
            ).format(**totals)
        )
        results.update(
            CAMERAS=totals["cameras"], BREACHES=totals["breaches"], CANNOT_VERIFY=totals["cannot_verify"]
        )
        return results

    def _job(self, parameters, context):
        """The parameters read and checked, as the pipeline's AuditJob."""
        try:
            ruleset = load_ruleset(self.parameterAsString(parameters, self.RULESET, context))
        except (RulesetError, OSError) as e:
            raise QgsProcessingException(tr("Rule set error: {}").format(e)) from e
        jurisdiction = (
            (self.parameterAsString(parameters, self.JURISDICTION, context) or "FR").strip().upper()
        )
        audit_date = self._audit_date(parameters, context)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The camera layer could not be loaded."))
        places = {
            role: self.parameterAsVectorLayer(parameters, key, context)
            for role, key in zip(PLACES, (self.SENSITIVE_SITES, self.DWELLINGS, self.DISTRICTS))
        }
        return AuditJob(
            cameras=layer,
            places=places,
            ruleset=ruleset,
            jurisdiction=jurisdiction,
            audit_date=audit_date,
            paths=self._output_paths(parameters, context),
            catalog=lambda: self.catalog(parameters, context),
            field_mapping=lambda names: self.field_mapping(parameters, context, names, roles=CAMERA_ROLES),
            transform_context=context.transformContext(),
            plugin_version=plugin_version(),
            lang=self.language(parameters, context),
        )

    def _audit_date(self, parameters, context):
        text = (self.parameterAsString(parameters, self.AUDIT_DATE, context) or "").strip()
        if not text:
            return date.today()
        try:
            return date.fromisoformat(text)
        except ValueError as e:
            raise QgsProcessingException(tr("AUDIT_DATE '{}' is not a date (YYYY-MM-DD)").format(text)) from e

    def _output_paths(self, parameters, context):
        """The output files; the workbook refused at once when openpyxl is missing."""
        paths = {
            "gpkg": self.parameterAsFileOutput(parameters, self.OUTPUT, context),
            "xlsx": self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context),
            "pdf": self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context),
        }
        if not paths["gpkg"].lower().endswith(".gpkg"):
            paths["gpkg"] += ".gpkg"
        problem = missing("openpyxl") if paths["xlsx"] else ""
        if problem:
            raise QgsProcessingException(
                tr(
                    "The audit workbook cannot be written: {} Leave OUTPUT_XLSX empty to audit without it."
                ).format(problem)
            )
        return paths
