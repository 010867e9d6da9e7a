"""The camera audit from layers to files: read, locate, overlay, evaluate, then write.

The algorithm (provider/audit_cameras.py) turns its parameters into an `AuditJob` and reports
progress; everything between the layers and the files is here, in stages:
`evaluate_audit(job, feedback)` -> `AuditOutcome`, then `write_audit_outputs(job, outcome)`.
"""

import os
from dataclasses import dataclass
from datetime import date, datetime
from typing import Callable

import numpy as np
import pandas as pd
from osgeo import ogr
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProviderRegistry

from ...risk.audit.engine import CameraAudit, district_summary
from ...risk.audit.exposure import add_vendor_exposure
from ...risk.audit.report import AuditReport
from ...risk.audit.roles import DISTRICT_ROLES, DWELLING_ROLES, SITE_ROLES
from ...risk.catalog.freshness import catalog_facts, stale_warning
from ...risk.provenance import recorded, recorded_source
from ...risk.tagging.fieldmap import describe_mapping
from ..io.assessment_read import AssessmentFileError, read_run_info
from ..io.layers import read_layer
from ..layouts.audit_pdf import export_audit_pdf
from ..styles.qml import leave_wal
from ..translate import tr
from .audit_geometry import Sectors, camera_xy, wkb_objects
from .audit_output import multipolygon_wkb, point_type, run_info_frame, write_audit_gpkg
from .audit_overlay import (
    SectorIndex,
    building_name,
    district_coverage,
    points_as_discs,
    read_geometries,
    residential,
    site_name,
    view_pairs,
)

PLACES = ("sensitive_sites", "dwellings", "districts")  # the optional layers, by role
DISTRICT_COLUMNS = (
    ("district_id", object),
    ("district", object),
    ("area_m2", float),
    ("public_area_m2", float),
    ("covered_area_m2", float),
    ("coverage_share", float),
    ("n_cameras", "int64"),
    ("cameras_by_vendor", object),
)


@dataclass
class AuditJob:
    """What one audit needs, as the algorithm read it from its parameters."""

    cameras: object  # QgsVectorLayer of points
    places: dict  # PLACES role -> QgsVectorLayer or None
    ruleset: object  # risk.audit.ruleset.Ruleset
    jurisdiction: str
    audit_date: date
    paths: dict  # 'gpkg' (always), 'xlsx' and 'pdf' ('' when not asked for)
    catalog: Callable  # () -> catalog; called only when the cameras carry no exposure yet
    field_mapping: Callable  # (field names) -> role -> field
    transform_context: object  # QgsCoordinateTransformContext
    plugin_version: str = ""
    lang: str = "en"  # the workbook's headers and words


@dataclass
class AuditOutcome:
    """An evaluated audit: the report, and the layers and tables to write."""

    report: AuditReport
    layers: dict  # layer name -> (frame, wkb, OGR geometry type)
    tables: dict  # table name -> frame
    crs_wkt: str
    work_wkt: str
    focus_xy: tuple  # metric x and y of the cameras with a breach (the PDF map's extent)


def evaluate_audit(job, feedback):
    """Run the audit up to the report; None when cancelled."""
    data, audit, messages, facts = _prepare(job, feedback)
    feedback.setProgress(15)
    sectors, work_crs = _locate(data, audit, messages, feedback)
    sites, buildings, districts = (
        read_geometries(job.places[role], sectors.work_wkt, job.transform_context, roles, messages, label)
        for role, roles, label in (
            ("sensitive_sites", SITE_ROLES, "sensitive sites"),
            ("dwellings", DWELLING_ROLES, "dwellings"),
            ("districts", DISTRICT_ROLES, "districts"),
        )
    )
    if feedback.isCanceled():
        return None
    feedback.setProgress(30)
    index = SectorIndex(sectors.work_wkb)
    views = {
        "sensitive_sites": None
        if sites is None
        else view_pairs(
            index, points_as_discs(sites, job.ruleset.point_radius("sensitive_sites")), site_name
        ),
        "dwellings": None
        if buildings is None
        else view_pairs(index, residential(buildings, messages), building_name),
    }
    feedback.setProgress(50)
    result = audit.evaluate(sectors.located, views)
    if feedback.isCanceled():
        return None
    district_frame, district_geoms = _districts(job, districts, index, buildings, sectors, audit, work_crs)
    if len(result.per_camera) == len(audit.table):
        result.per_camera["location"] = camera_locations(audit.table, sectors, work_crs)
    feedback.setProgress(65)
    for line in messages.notes:
        feedback.pushInfo(line)
    for line in messages:
        feedback.pushWarning(line)
    report = AuditReport(
        title=layer_title(job.cameras),
        findings=result.findings,
        per_rule=result.per_rule,
        per_camera=result.per_camera,
        districts=district_frame,
        ruleset=job.ruleset,
        run_info=_run_info(job, audit, work_crs, facts),
        messages=messages.notes + list(messages) + ([stale] if (stale := stale_warning(facts, "en")) else []),
    )
    hit = (result.per_camera["breaches"] > 0).to_numpy()
    return AuditOutcome(
        report=report,
        layers=_layers(data, audit, result, sectors, district_frame, district_geoms),
        tables={"per_rule": result.per_rule, "run_info": run_info_frame(report.run_info)},
        crs_wkt=data.crs_wkt,
        work_wkt=sectors.work_wkt,
        focus_xy=(sectors.work_x[hit], sectors.work_y[hit]),
    )


def write_audit_outputs(job, outcome, feedback):
    """The GeoPackage, then the workbook and the PDF when asked for. Raises what writing raises."""
    paths = job.paths
    for err in write_audit_gpkg(paths["gpkg"], outcome.layers, outcome.crs_wkt, outcome.tables):
        feedback.pushWarning(tr("Style not stored: {}").format(err))
    feedback.setProgress(75)
    if paths["xlsx"]:
        from ...risk.audit.workbook import write_audit_workbook  # openpyxl: optional

        write_audit_workbook(outcome.report, paths["xlsx"], job.lang)
        feedback.pushInfo(tr("Workbook written: {}").format(paths["xlsx"]))
    if paths["pdf"]:
        shown = {"dwellings": job.places["dwellings"], "sensitive_sites": job.places["sensitive_sites"]}
        export_audit_pdf(
            outcome.report, paths["gpkg"], paths["pdf"], outcome.work_wkt, shown, focus_xy=outcome.focus_xy
        )
        feedback.pushInfo(tr("PDF report written: {}").format(paths["pdf"]))
        leave_wal(paths["gpkg"])  # the layout's layers opened it in WAL mode: back, one file again
    feedback.setProgress(100)


def _prepare(job, feedback):
    """The cameras read, their vendor exposure added when missing, the audit prepared."""
    ruleset = job.ruleset
    if ruleset.jurisdiction not in (job.jurisdiction, "ANY"):
        feedback.pushWarning(
            tr("Rule set {} is written for {}, the audit is for {}.").format(
                ruleset.id, ruleset.jurisdiction, job.jurisdiction
            )
        )
    data = read_layer(job.cameras, feedback=feedback)
    facts = {}
    if "sanction_level" not in data.frame.columns:
        try:
            catalog = job.catalog()
            facts = catalog_facts(catalog, date.today())
            data.frame, note = add_vendor_exposure(data.frame, catalog, job.jurisdiction, job.audit_date)
            feedback.pushInfo(tr("Restricted vendors: {}").format(note))
        except ValueError as e:
            feedback.pushWarning(tr("Vendor exposure not assessed: {}").format(e))
    else:
        facts = _assessment_facts(job.cameras)
    mapping = job.field_mapping(data.frame.columns)
    feedback.pushInfo(
        tr("Rule set {} {} ({} rules); field mapping: {}").format(
            ruleset.id, ruleset.version, len(ruleset.rules), describe_mapping(mapping)
        )
    )
    audit = CameraAudit(data.frame, ruleset, job.audit_date, job.jurisdiction, mapping, data.fids)
    messages = audit.prepare()
    if not audit.vendor_assessed:
        feedback.pushInfo(
            tr(
                "This layer carries no sanction_level column, so restricted vendors cannot be "
                "verified: run vendorrisk:assessrisk first and audit its output to get vendor "
                "findings."
            )
        )
    return data, audit, messages, facts


def _assessment_facts(layer):
    """The catalog facts the assessment that wrote the camera layer recorded (its run_info), or
    {} when the layer is not in an assessment GeoPackage."""
    path = layer.source().split("|")[0]
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return {}
    try:
        info = read_run_info(path)
    except (AssessmentFileError, KeyError):
        return {}
    keys = ("catalog_version", "catalog_as_of", "catalog_age_days", "lists_file_date")
    return {k: info[k] for k in keys if k in info}


def _locate(data, audit, messages, feedback):
    """Each camera's field of view as a sector, in a CRS measured in metres."""
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
    return sectors, work_crs


def camera_locations(table, sectors, work_crs):
    """Where an inspector finds each camera: its district (when districts are given) and its
    coordinates in the measuring CRS, e.g. 'Centre · EPSG:2154 701 234, 6 601 234'."""
    crs = work_crs.authid() or "CRS"
    x, y = np.asarray(sectors.work_x, dtype=float), np.asarray(sectors.work_y, dtype=float)
    ok = np.isfinite(x) & np.isfinite(y)

    def grouped(v):
        return f"{v:,.0f}".replace(",", "\u202f")

    xy = [f"{crs} {grouped(a)}, {grouped(b)}" if k else "" for a, b, k in zip(x, y, ok)]
    district = table["district"] if "district" in table.columns else pd.Series("", index=table.index)
    return [" · ".join(p for p in (str(d or ""), c) if p) for d, c in zip(district, xy)]


def _districts(job, districts, index, buildings, sectors, audit, work_crs):
    """Coverage per district and the district shapes back in the cameras' CRS."""
    if not districts:
        return pd.DataFrame({c: pd.Series(dtype=t) for c, t in DISTRICT_COLUMNS}), []
    frame, geoms, camera_district = district_coverage(
        districts, index, buildings, sectors.work_x, sectors.work_y
    )
    names = np.asarray(list(frame["district"]) + [""], dtype=object)
    audit.table["district"] = names[np.where(camera_district < 0, len(names) - 1, camera_district)]
    frame = district_summary(frame, camera_district, audit.table)
    layer_crs = job.cameras.crs()
    back = QgsCoordinateTransform(work_crs, layer_crs, job.transform_context)
    out = []
    for g in geoms:
        g = g.__class__(g)
        if work_crs != layer_crs and layer_crs.isValid():
            g.transform(back)
        out.append(g)
    return frame, out


def _layers(data, audit, result, sectors, district_frame, district_geoms):
    """The three layers of the audit GeoPackage: (frame, WKB, OGR geometry type) each."""
    fov_frame = result.per_camera.assign(
        direction=audit.fov["direction"],
        angle=audit.fov["angle"],
        range_m=audit.fov["range_m"],
        area_m2=np.round(sectors.area_m2, 1),
    )
    findings = result.findings
    points = wkb_objects(data.wkb) if data.wkb is not None else np.full(len(data), None, dtype=object)
    return {
        "findings": (
            findings.drop(columns=["row"]),
            points[findings["row"].to_numpy(dtype=np.int64)],
            point_type(data.geometry_type),
        ),
        "fields_of_view": (fov_frame, sectors.layer_wkb, ogr.wkbPolygon),
        "district_coverage": (district_frame, multipolygon_wkb(district_geoms), ogr.wkbMultiPolygon),
    }


def _run_info(job, audit, work_crs, facts):
    layer, ruleset, paths = job.cameras, job.ruleset, job.paths
    base = os.path.dirname(os.path.abspath(paths["gpkg"]))

    def src(lyr):
        return recorded_source(lyr.source(), base) if lyr is not None else "(not given)"

    def out(path):
        return recorded(path, base) if path else "(not written)"

    return [
        ("plugin_version", job.plugin_version),
        ("generated", datetime.now().isoformat(timespec="seconds")),
        ("audit_date", audit.audit_date.isoformat()),
        ("jurisdiction", job.jurisdiction),
        ("ruleset", f"{ruleset.id} {ruleset.version}"),
        ("ruleset_file", recorded(ruleset.path, base)),
        ("cameras", src(layer)),
        ("camera_count", len(audit.table)),
        ("sensitive_sites", src(job.places["sensitive_sites"])),
        ("dwellings", src(job.places["dwellings"])),
        ("districts", src(job.places["districts"])),
        ("field_mapping", describe_mapping(audit.mapping)),
        *((k, "" if v is None else v) for k, v in facts.items()),
        (
            "vendor_assessed",
            "yes" if audit.vendor_assessed else "no (run vendorrisk:assessrisk first for vendor findings)",
        ),
        ("layer_crs", layer.crs().authid() or layer.crs().description()),
        ("measure_crs", work_crs.authid() or work_crs.description()),
        ("fov_assumed", int(audit.fov["assumed"].sum())),
        ("output_gpkg", out(paths["gpkg"])),
        ("output_xlsx", out(paths["xlsx"])),
        ("output_pdf", out(paths["pdf"])),
    ]


def layer_title(layer):
    """'cameras (sample_city.gpkg)' rather than the name QGIS gave the loaded layer."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    path, name = parts.get("path"), parts.get("layerName")
    if path and name:
        return f"{name} ({os.path.basename(path)})"
    return layer.name()
