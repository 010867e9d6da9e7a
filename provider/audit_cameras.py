"""vendorrisk:auditcameras — which camera breaks which rule, what it sees, and a report to file."""

import os
from datetime import date, datetime

import numpy as np
import pandas as pd
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProviderRegistry,
)

from ..gis.compat import SOURCE_VECTOR_POINT, SOURCE_VECTOR_POLYGON
from ..gis.io.layers import read_layer
from ..gis.layouts.audit_pdf import export_audit_pdf
from ..gis.pipelines.audit_geometry import Sectors, camera_xy, wkb_objects
from ..gis.pipelines.audit_output import multipolygon_wkb, point_type, run_info_frame, write_audit_gpkg
from ..gis.pipelines.audit_overlay import (
    SectorIndex,
    building_name,
    district_coverage,
    points_as_discs,
    read_geometries,
    residential,
    site_name,
    view_pairs,
)
from ..gis.styles.qml import load_styled_on_completion, style_path
from ..risk.audit.engine import CameraAudit, district_summary
from ..risk.audit.exposure import add_vendor_exposure
from ..risk.audit.report import AuditReport
from ..risk.audit.roles import CAMERA_ROLES, DISTRICT_ROLES, DWELLING_ROLES, SITE_ROLES
from ..risk.audit.ruleset import DEFAULT_RULESET, RulesetError, builtin_rulesets, load_ruleset
from ..risk.audit.workbook import write_audit_workbook
from ..risk.tagging.fieldmap import describe_mapping
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

    def shortHelpString(self):  # noqa: N802
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
        inputs = {
            k: self.parameterAsVectorLayer(parameters, k, context)
            for k in (self.SENSITIVE_SITES, self.DWELLINGS, self.DISTRICTS)
        }
        paths = self._output_paths(parameters, context, layer, inputs)
        if ruleset.jurisdiction not in (jurisdiction, "ANY"):
            feedback.pushWarning(
                tr("Rule set {} is written for {}, the audit is for {}.").format(
                    ruleset.id, ruleset.jurisdiction, jurisdiction
                )
            )

        data = read_layer(layer, feedback=feedback)
        if "sanction_level" not in data.frame.columns:
            try:
                data.frame, note = add_vendor_exposure(
                    data.frame, self.catalog(parameters, context), jurisdiction, audit_date
                )
                feedback.pushInfo(tr("Restricted vendors: {}").format(note))
            except ValueError as e:
                feedback.pushWarning(tr("Vendor exposure not assessed: {}").format(e))
        mapping = self.field_mapping(parameters, context, data.frame.columns, roles=CAMERA_ROLES)
        feedback.pushInfo(
            tr("Rule set {} {} ({} rules); field mapping: {}").format(
                ruleset.id, ruleset.version, len(ruleset.rules), describe_mapping(mapping)
            )
        )
        audit = CameraAudit(data.frame, ruleset, audit_date, jurisdiction, mapping, data.fids)
        messages = audit.prepare()
        if not audit.vendor_assessed:
            feedback.pushInfo(
                tr(
                    "This layer carries no sanction_level column, so restricted vendors cannot be "
                    "verified: run vendorrisk:assessrisk first and audit its output to get vendor "
                    "findings."
                )
            )
        feedback.setProgress(15)

        x, y = camera_xy(data.wkb) if data.wkb is not None else (np.full(len(data), np.nan),) * 2
        sectors = Sectors(audit.fov, x, y, data.crs_wkt)
        no_location = ~sectors.located
        if no_location.any():
            ids = audit.table.loc[no_location, "camera_id"].tolist()
            messages.add(
                f"{len(ids)} cameras have no location, so what they see cannot be "
                f"checked: {', '.join(map(str, ids[:10]))}{' ...' if len(ids) > 10 else ''}"
            )
        work_crs = QgsCoordinateReferenceSystem.fromWkt(sectors.work_wkt)
        if sectors.reprojected:
            feedback.pushInfo(
                tr("Distances measured in {} (the layer's CRS is not in metres)").format(
                    work_crs.authid() or work_crs.description()
                )
            )
        tc = context.transformContext()
        sites = read_geometries(
            inputs[self.SENSITIVE_SITES], sectors.work_wkt, tc, SITE_ROLES, messages, "sensitive sites"
        )
        buildings = read_geometries(
            inputs[self.DWELLINGS], sectors.work_wkt, tc, DWELLING_ROLES, messages, "dwellings"
        )
        districts = read_geometries(
            inputs[self.DISTRICTS], sectors.work_wkt, tc, DISTRICT_ROLES, messages, "districts"
        )
        if feedback.isCanceled():
            return {}
        feedback.setProgress(30)
        index = SectorIndex(sectors.work_wkb)
        views = {
            "sensitive_sites": None
            if sites is None
            else view_pairs(
                index, points_as_discs(sites, ruleset.point_radius("sensitive_sites")), site_name
            ),
            "dwellings": None
            if buildings is None
            else view_pairs(index, residential(buildings, messages), building_name),
        }
        feedback.setProgress(50)
        result = audit.evaluate(sectors.located, views)
        if feedback.isCanceled():
            return {}
        district_frame, district_geoms = self._districts(
            districts, index, buildings, sectors, audit, work_crs, layer, context
        )
        feedback.setProgress(65)
        for line in messages.notes:
            feedback.pushInfo(line)
        for line in messages:
            feedback.pushWarning(line)

        run_info = self._run_info(
            parameters, context, layer, inputs, ruleset, jurisdiction, audit, sectors, work_crs, paths
        )
        report = AuditReport(
            title=layer_title(layer),
            findings=result.findings,
            per_rule=result.per_rule,
            per_camera=result.per_camera,
            districts=district_frame,
            ruleset=ruleset,
            run_info=run_info,
            messages=messages.notes + list(messages),
        )
        fov_frame = result.per_camera.assign(
            direction=audit.fov["direction"],
            angle=audit.fov["angle"],
            range_m=audit.fov["range_m"],
            area_m2=np.round(sectors.area_m2, 1),
        )
        findings = result.findings
        points = wkb_objects(data.wkb) if data.wkb is not None else np.full(len(data), None, dtype=object)
        layers = {
            "findings": (
                findings.drop(columns=["row"]),
                points[findings["row"].to_numpy(dtype=np.int64)],
                point_type(data.geometry_type),
            ),
            "fields_of_view": (fov_frame, sectors.layer_wkb, ogr.wkbPolygon),
            "district_coverage": (district_frame, multipolygon_wkb(district_geoms), ogr.wkbMultiPolygon),
        }
        try:
            errors = write_audit_gpkg(
                paths["gpkg"],
                layers,
                data.crs_wkt,
                {"per_rule": result.per_rule, "run_info": run_info_frame(run_info)},
            )
            for err in errors:
                feedback.pushWarning(tr("Style not stored: {}").format(err))
            feedback.setProgress(75)
            if paths["xlsx"]:
                write_audit_workbook(report, paths["xlsx"])
                feedback.pushInfo(tr("Workbook written: {}").format(paths["xlsx"]))
            if paths["pdf"]:
                hit = (result.per_camera["breaches"] > 0).to_numpy()
                export_audit_pdf(
                    report,
                    paths["gpkg"],
                    paths["pdf"],
                    sectors.work_wkt,
                    {"dwellings": inputs[self.DWELLINGS], "sensitive_sites": inputs[self.SENSITIVE_SITES]},
                    focus_xy=(sectors.work_x[hit], sectors.work_y[hit]),
                )
                feedback.pushInfo(tr("PDF report written: {}").format(paths["pdf"]))
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(tr("the audit outputs"), e)) from e
        feedback.setProgress(100)

        results = {self.OUTPUT: paths["gpkg"], self.OUTPUT_XLSX: paths["xlsx"], self.OUTPUT_PDF: paths["pdf"]}
        for name, key, title, style in OUTPUT_STYLES:
            uri = f"{paths['gpkg']}|layername={name}"
            results[key] = uri
            load_styled_on_completion(context, uri, tr(title), style_path(style), key)
        totals = report.totals()
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

    def _audit_date(self, parameters, context):
        text = (self.parameterAsString(parameters, self.AUDIT_DATE, context) or "").strip()
        if not text:
            return date.today()
        try:
            return date.fromisoformat(text)
        except ValueError as e:
            raise QgsProcessingException(tr("AUDIT_DATE '{}' is not a date (YYYY-MM-DD)").format(text)) from e

    def _output_paths(self, parameters, context, layer, inputs):
        paths = {
            "gpkg": self.parameterAsFileOutput(parameters, self.OUTPUT, context),
            "xlsx": self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context),
            "pdf": self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context),
        }
        if not paths["gpkg"].lower().endswith(".gpkg"):
            paths["gpkg"] += ".gpkg"
        return paths

    def _districts(self, districts, index, buildings, sectors, audit, work_crs, layer, context):
        if not districts:
            empty = pd.DataFrame(
                {
                    c: pd.Series(dtype=t)
                    for c, t in (
                        ("district_id", object),
                        ("district", object),
                        ("area_m2", float),
                        ("public_area_m2", float),
                        ("covered_area_m2", float),
                        ("coverage_share", float),
                        ("n_cameras", "int64"),
                        ("cameras_by_vendor", object),
                    )
                }
            )
            return empty, []
        frame, geoms, camera_district = district_coverage(
            districts, index, buildings, sectors.work_x, sectors.work_y
        )
        frame = district_summary(frame, camera_district, audit.table)
        back = QgsCoordinateTransform(work_crs, layer.crs(), context.transformContext())
        out = []
        for g in geoms:
            g = g.__class__(g)
            if work_crs != layer.crs() and layer.crs().isValid():
                g.transform(back)
            out.append(g)
        return frame, out

    def _run_info(
        self, parameters, context, layer, inputs, ruleset, jurisdiction, audit, sectors, work_crs, paths
    ):
        def src(lyr):
            return lyr.source() if lyr is not None else "(not given)"

        return [
            ("plugin_version", plugin_version()),
            ("generated", datetime.now().isoformat(timespec="seconds")),
            ("audit_date", audit.audit_date.isoformat()),
            ("jurisdiction", jurisdiction),
            ("ruleset", f"{ruleset.id} {ruleset.version}"),
            ("ruleset_file", ruleset.path),
            ("cameras", src(layer)),
            ("camera_count", len(audit.table)),
            ("sensitive_sites", src(inputs[self.SENSITIVE_SITES])),
            ("dwellings", src(inputs[self.DWELLINGS])),
            ("districts", src(inputs[self.DISTRICTS])),
            ("field_mapping", describe_mapping(audit.mapping)),
            (
                "vendor_assessed",
                "yes"
                if audit.vendor_assessed
                else "no (run vendorrisk:assessrisk first for vendor findings)",
            ),
            ("layer_crs", layer.crs().authid() or layer.crs().description()),
            ("measure_crs", work_crs.authid() or work_crs.description()),
            ("fov_assumed", int(audit.fov["assumed"].sum())),
            ("output_gpkg", paths["gpkg"]),
            ("output_xlsx", paths["xlsx"] or "(not written)"),
            ("output_pdf", paths["pdf"] or "(not written)"),
        ]


def layer_title(layer):
    """'cameras (sample_city.gpkg)' rather than the name QGIS gave the loaded layer."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path, name = parts.get("path"), parts.get("layerName")
    if path and name:
        return f"{name} ({os.path.basename(path)})"
    return layer.name()


def run_audit_demo(sample_gpkg, out_dir, feedback=None):
    """The audit of the sample city, as `make demo` runs it: out_dir/audit.gpkg, .xlsx, .pdf."""

    def uri(name):
        return f"{sample_gpkg}|layername={name}"

    params = {
        "INPUT": uri("cameras"),
        "SENSITIVE_SITES": uri("sensitive_sites"),
        "DWELLINGS": uri("dwellings"),
        "DISTRICTS": uri("districts"),
        "RULESET": DEFAULT_RULESET,
        "JURISDICTION": "FR",
        "OUTPUT": os.path.join(out_dir, "audit.gpkg"),
        "OUTPUT_XLSX": os.path.join(out_dir, "audit.xlsx"),
        "OUTPUT_PDF": os.path.join(out_dir, "audit.pdf"),
    }
    alg = AuditCamerasAlgorithm().create()
    feedback = feedback or QgsProcessingFeedback()
    results, ok = alg.run(params, QgsProcessingContext(), feedback)
    if not ok:
        raise QgsProcessingException(tr("The camera audit of the sample city failed."))
    return results
