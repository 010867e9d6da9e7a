"""vendorrisk:replacementplan's work: one scenario layer of an assessment read (with geometry),
planned, written as a styled GeoPackage layer and a workbook."""

import os
import re
from dataclasses import dataclass
from datetime import date

from qgis.core import QgsVectorLayer

from ...risk.procurement.plan import PLAN_COLUMNS, PLAN_INPUT, plan_replacement
from ...risk.procurement.plan_report import summary, verdict, write_plan_workbook
from ..io.assessment_read import AssessmentFileError, read_run_info
from ..io.gpkg_write import GpkgBuilder
from ..io.layers import read_layer
from ..layouts.council_report import scenario_label

PLAN_LAYER = "replacement_plan"
KEEP = (
    "source_layer",
    "asset_id",
    "vendor_name",
    "asset_class",
    "sanction_level",
    "forced",
    "forced_year",
    "risk_score",
    "risk_band",
    "replacement_cost",
    "stranded_value",
    "reasons",
)


@dataclass
class PlanJob:
    gpkg: str
    scenario: str
    budget: float
    start_year: int
    deadline: int
    output: str
    output_xlsx: str
    lang: str


def platform_fields(run_info):
    """The fields that name an asset's platform, from run_info's field mapping
    ('platform=vms;depends_on; ...')."""
    m = re.search(r"(?:^|; )platform=([^=]*?)(?:; \w+=|$)", run_info.get("field_mapping", ""))
    return [f for f in (m.group(1).split(";") if m else []) if f]


def run_plan(job, feedback=None):
    """Plan, write; returns (plan, run_info, summary line, verdict line)."""
    info = read_run_info(job.gpkg)
    layer = QgsVectorLayer(f"{job.gpkg}|layername=risk_{job.scenario}", job.scenario, "ogr")
    if not layer.isValid():
        scenarios = info.get("scenarios", "")
        raise AssessmentFileError(
            f"{os.path.basename(job.gpkg)} has no layer risk_{job.scenario} (its scenarios: {scenarios})"
        )
    if not job.start_year:  # the year after the assessment's reference date
        job.start_year = _year_after(info.get("reference_date", ""))
    names = set(layer.fields().names())
    plats = [f for f in platform_fields(info) if f in names]
    needed = set(KEEP) | set(PLAN_INPUT) | set(plats)
    data = read_layer(layer, feedback=feedback, columns=[c for c in layer.fields().names() if c in needed])
    frame = data.frame
    if plats:
        ref = frame[plats[0]].astype(object).where(frame[plats[0]].notna(), "")
        for f in plats[1:]:
            more = frame[f].astype(object).where(frame[f].notna(), "")
            ref = ref.where(ref.astype(str) != "", more)
        frame = frame.assign(_platform=ref.astype(str))
    plan = plan_replacement(frame, job.budget, job.start_year, job.deadline, "_platform" if plats else "")
    currency = info.get("currency", "EUR")
    rows = plan.assets["row"].to_numpy()
    out = frame.iloc[rows][[c for c in KEEP if c in frame.columns]].reset_index(drop=True)
    for c in PLAN_COLUMNS[1:]:
        out[c] = plan.assets[c].to_numpy()
    wkb = data.wkb[rows] if data.wkb is not None else None
    kinds = {c: data.kinds.get(c, "str") for c in out.columns}
    kinds.update(plan_group="str", plan_order="int64", planned_year="int", late="bool")
    years = plan.years.copy()
    with GpkgBuilder(job.output) as gpkg:
        gpkg.add(PLAN_LAYER, out, kinds, wkb, data.geometry_type, data.crs_wkt)
        gpkg.add("plan_years", years)
        gpkg.commit()
    name = scenario_label(job.scenario, job.lang)
    line, result = summary(plan, name, currency, job.lang), verdict(plan, currency, job.lang)
    if job.output_xlsx:
        about = [
            ("assessment", os.path.basename(job.gpkg)),
            ("scenario", f"{name} ({job.scenario})"),
            ("reference_date", info.get("reference_date", "")),
            ("jurisdiction", info.get("jurisdiction", "")),
            ("currency", currency),
            ("budget", plan.budget),
            ("start_year", plan.start_year),
            ("deadline", plan.deadline or ""),
            ("result", result),
            ("summary", line),
            ("method", _rule(job.lang)),
            ("catalog_as_of", info.get("catalog_as_of", "")),
        ]
        write_plan_workbook(plan, job.output_xlsx, currency, job.lang, about)
    return plan, info, line, result


def _year_after(reference):
    try:
        return date.fromisoformat(str(reference)[:10]).year + 1
    except ValueError:
        return date.today().year + 1


def _rule(lang):
    from ...risk.procurement.plan_report import w

    return w("rule", lang)
