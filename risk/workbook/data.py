"""Extract, then write: everything the workbook shows, as plain rows and columns.

`build_report` turns an assessment's tables into a `WorkbookReport` (texts translated, values
cleaned and neutralised); `risk.workbook.writer` only lays it out. Nothing here knows openpyxl styles.
"""

import os
from datetime import datetime, timezone

import pandas as pd

from ..assessment.scenarios import ScenarioError, load_profile, load_scenario
from ..catalog.freshness import stale_warning
from ..catalog.loader import CatalogError, load_catalog
from ..definitions import RISK_BANDS
from ..labels import label
from ..provenance import resolved
from .assets import asset_rows
from .model import (  # noqa: F401 - AssessmentTables, Context: the report's inputs
    EXCEL_MAX_ROWS,
    AssessmentTables,
    Column,
    Context,
    Table,
    WorkbookReport,
    clean_value,
    int_or_text,
    scenario_weights,
    sheet_plan,
    vendor_names,
)
from .tables import evidence_table, scenario_table, vendor_tables

TOP_VENDORS = 10


# -- context ------------------------------------------------------------------------------------
def load_context(run_info, lang="en", base=None):
    """Scenario files, profile and catalog named in run_info (relative to `base`, the
    assessment's folder), each skipped when unreadable."""
    ctx = Context()
    for path in _split(run_info.get("scenario_files", ""), base):
        try:
            sc = load_scenario(path)
        except (OSError, ScenarioError):
            continue
        ctx.scenarios[sc.id] = sc
    profile_file = resolved(run_info.get("profile_file", ""), base)
    if profile_file and os.path.exists(profile_file):
        try:
            ctx.profile = load_profile(os.path.dirname(profile_file))
        except (OSError, ScenarioError):
            ctx.profile = None
    folders = _split(run_info.get("catalog_folders", ""), base)
    then = run_info.get("catalog_version", "")
    try:
        if folders and all(os.path.isdir(f) for f in folders):
            ctx.catalog = load_catalog(folders[1] if len(folders) > 1 else None, folders[0])
        else:
            ctx.catalog = load_catalog()
            ctx.catalog_note = label("ev.catalog_fallback", lang).format(
                now=ctx.catalog.version or "?", then=then or "?"
            )
    except (OSError, CatalogError):
        ctx.catalog = None
        ctx.catalog_note = label("ev.no_catalog", lang)
    return ctx


def _split(text, base=None):
    return [resolved(p, base) for p in str(text or "").split(";") if p.strip()]


# -- the report ---------------------------------------------------------------------------------
def build_report(tables, context=None, lang="en", row_limit=EXCEL_MAX_ROWS, plugin_version=""):
    """Everything the workbook shows, in `lang` ('en' or 'fr')."""
    context = context or Context()
    lang = "fr" if lang == "fr" else "en"
    sheets = {
        k: label(f"sheet.{k}", lang)
        for k in ("summary", "assets", "vendors", "scenarios", "evidence", "run_info", "data_issues")
    }
    summary = tables.scenario_summary.reset_index(drop=True)
    order = [s for s in summary["scenario_id"] if s in tables.layers] if len(summary) else []
    order += [s for s in tables.layers if s not in order]
    names = {sid: _scenario_name(sid, summary, context, lang) for sid in order}
    assets = asset_rows(tables, order, names, lang, context.catalog)
    asset_sheets, per_sheet = sheet_plan(len(assets), sheets["assets"], row_limit)
    issues_table, issues_total = _data_issues(tables.data_issues, lang, row_limit)
    run_info = tables.run_info
    notes = []
    if len(asset_sheets) > 1:
        notes.append(
            label("summary.spill", lang).format(
                n=len(asset_sheets), names=", ".join(asset_sheets), limit=int(row_limit)
            )
        )
    if issues_total:
        notes.append(label("summary.issues", lang).format(n=issues_total, sheet=sheets["data_issues"]))
    if issues_total > len(issues_table.rows):
        notes.append(label("summary.issues_cut", lang).format(shown=len(issues_table.rows), n=issues_total))
    stale = stale_warning(run_info, lang)
    if stale:
        notes.insert(0, stale)
    catalog_text = label("meta.catalog_value", lang).format(
        version=run_info.get("catalog_version", "") or "?", as_of=run_info.get("catalog_as_of", "") or "?"
    )
    meta = [
        (label("meta.jurisdiction", lang), run_info.get("jurisdiction", "")),
        (label("meta.reference_date", lang), run_info.get("reference_date", "")),
        (label("meta.assets", lang), str(run_info.get("assets", ""))),
        (label("meta.catalog", lang), catalog_text),
        (label("meta.run_at", lang), _when(run_info.get("run_at", ""))),
        (label("meta.source", lang), tables.source),
    ]
    currency = run_info.get("currency") or "EUR"  # assessments before it was recorded: EUR
    vendors, parents = vendor_tables(tables.vendor_summary, names, context, lang, currency)
    bands = _bands(context, lang)
    return WorkbookReport(
        lang=lang,
        currency=currency,
        sheets=sheets,
        asset_sheets=asset_sheets,
        rows_per_sheet=per_sheet,
        title=label("title", lang),
        meta=[(k, clean_value(v)) for k, v in meta],
        notes=notes,
        scenario_totals=_scenario_totals(summary, names, lang, currency),
        expected_cost=_expected_cost(summary, run_info),
        top_vendors=_top_vendors(tables.vendor_summary, summary, names, context, lang, currency),
        levels=[(f"{label('ev.level', lang)} {i}", label(f"level.{i}", lang)) for i in range(4)],
        bands=bands,
        assets=assets,
        vendors=vendors,
        parents=parents,
        scenario_params=scenario_table(order, summary, names, context, lang),
        evidence=evidence_table(tables.layers, names, context, lang),
        evidence_notes=[label("ev.note", lang)] + ([context.catalog_note] if context.catalog_note else []),
        run_info=_run_info(tables, lang, plugin_version, asset_sheets),
        data_issues=issues_table,
        data_issues_total=issues_total,
    )


def _scenario_name(sid, summary, context, lang):
    sc = context.scenarios.get(sid)
    if sc is not None:
        return sc.label(lang)
    if len(summary) and "scenario_name" in summary:
        hit = summary.loc[summary["scenario_id"] == sid, "scenario_name"]
        if len(hit) and str(hit.iloc[0]).strip():
            return str(hit.iloc[0])
    return sid


def _when(iso):
    """'2026-11-25T10:00:00+00:00' -> '2026-11-25 10:00 UTC' (other text unchanged)."""
    try:
        t = datetime.fromisoformat(str(iso))
    except ValueError:
        return iso
    if t.tzinfo is not None:
        t = t.astimezone(timezone.utc)
    return t.strftime("%Y-%m-%d %H:%M") + (" UTC" if t.tzinfo is not None else "")


# -- summary ------------------------------------------------------------------------------------
SUMMARY_COLUMNS = (
    ("scenario_name", "sum.scenario", "", 28),
    ("probability", "sum.probability", "percent", 11),
    ("assets", "sum.assets", "int", 13),
    ("level_0", "sum.level_0", "int", 13),
    ("level_1", "sum.level_1", "int", 13),
    ("level_2", "sum.level_2", "int", 13),
    ("level_3", "sum.level_3", "int", 13),
    ("incompatible", "sum.incompatible", "int", 13),
    ("forced", "sum.forced", "int", 13),
    ("replacement_cost", "sum.replacement_cost", "money", 15),
    ("reintegration_cost", "sum.reintegration_cost", "money", 15),
    ("stranded_value", "sum.stranded_value", "money", 15),
    ("total_cost", "sum.total_cost", "money", 15),
    ("p50_cost", "sum.p50_cost", "money", 15),
    ("p90_cost", "sum.p90_cost", "money", 15),
)


def _scenario_totals(summary, names, lang, currency):
    cols = [Column(k, label(lk, lang, currency), fmt, w) for k, lk, fmt, w in SUMMARY_COLUMNS]
    rows = []
    for rec in summary.to_dict("records"):
        rec["scenario_name"] = names.get(rec.get("scenario_id"), rec.get("scenario_id"))
        rows.append([clean_value(rec.get(c.key)) for c in cols])
    return Table(cols, rows, label("summary.scenarios", lang))


def _expected_cost(summary, run_info):
    if len(summary) and "expected_cost" in summary:
        return clean_value(float(summary["expected_cost"].iloc[0]))
    try:
        return float(run_info.get("expected_cost"))
    except (TypeError, ValueError):
        return None


def _top_vendors(vendor_summary, summary, names, context, lang, currency):
    cols = [
        Column("vendor", label("top.vendor", lang), "", 28),
        Column("parent", label("top.parent", lang), "", 16),
        Column("country", label("top.country", lang), "", 11),
        Column("assets", label("top.assets", lang), "int", 13),
        Column("level", label("top.level", lang), "int", 13),
        Column("expected", label("top.expected", lang, currency), "money", 15),
        Column("worst", label("top.worst", lang, currency), "money", 15),
        Column("worst_scenario", label("top.worst_scenario", lang), "", 20),
    ]
    vs = vendor_summary
    if not len(vs):
        return Table(cols, [], label("summary.top_vendors", lang))
    vs = vs.assign(
        w=vs["scenario_id"].map(scenario_weights(summary)).fillna(0.0),
        exposure=pd.to_numeric(vs["exposure"], errors="coerce").fillna(0.0),
    )
    vs = vs.assign(weighted=vs["w"] * vs["exposure"])
    worst = vs.sort_values("exposure", ascending=False, kind="stable").drop_duplicates("vendor_id")
    g = vs.groupby("vendor_id", sort=False).agg(
        expected=("weighted", "sum"), level=("sanction_level", "max"), assets=("assets", "max")
    )
    g = g.join(
        worst.set_index("vendor_id")[["vendor_name", "parent_id", "country", "exposure", "scenario_id"]]
    )
    g = g.sort_values(["expected", "exposure"], ascending=False, kind="stable").head(TOP_VENDORS)
    vnames = vendor_names(context)
    rows = []
    for vid, r in g.iterrows():
        name = label("unknown_vendor", lang) if not vid else r["vendor_name"]
        parent = vnames.get(r["parent_id"], r["parent_id"])
        rows.append(
            [
                clean_value(name),
                clean_value(parent),
                clean_value(r["country"]),
                clean_value(r["assets"]),
                clean_value(r["level"]),
                clean_value(r["expected"]),
                clean_value(r["exposure"]),
                clean_value(names.get(r["scenario_id"], r["scenario_id"]) if r["exposure"] > 0 else None),
            ]
        )
    return Table(cols, rows, label("summary.top_vendors", lang))


def _bands(context, lang):
    bands = getattr(context.profile, "bands", None) or {"medium": 25, "high": 50, "critical": 75}
    return [(b, label(f"band.{b}", lang), label(f"bandnote.{b}", lang).format(**bands)) for b in RISK_BANDS]


# -- run info and data issues -------------------------------------------------------------------
def _run_info(tables, lang, plugin_version, asset_sheets):
    cols = [
        Column("item", label("ri.item", lang), "", 34),
        Column("value", label("ri.value", lang), "wrap", 100),
        Column("key", label("ri.key", lang), "", 24),
    ]
    rows = []
    for key, value in tables.run_info.items():
        lk = f"ri.{key}"
        try:
            text = label(lk, lang, tables.run_info.get("currency"))
        except KeyError:
            text = key.replace("_", " ")
        if key in ("expected_cost", "probability_sum"):
            try:
                value = round(float(value), 2)
            except (TypeError, ValueError):
                pass
        elif key in ("assets", "data_issues"):
            value = int_or_text(value)
        rows.append([text, value, key])
    rows += [
        [
            label("ri.exported_at", lang),
            datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "exported_at",
        ],
        [label("ri.export_plugin_version", lang), plugin_version, "export_plugin_version"],
        [label("ri.assessment_file", lang), tables.source, "assessment_file"],
        [label("ri.language", lang), lang, "language"],
        [label("ri.asset_sheets", lang), ", ".join(asset_sheets), "asset_sheets"],
    ]
    return Table(cols, [[clean_value(v) for v in r] for r in rows])


def _data_issues(issues, lang, row_limit):
    cols = [
        Column("asset_id", label("di.asset_id", lang), "", 16),
        Column("field", label("di.field", lang), "", 18),
        Column("value", label("di.value", lang), "", 24),
        Column("message", label("di.message", lang), "wrap", 80),
    ]
    total = len(issues)
    shown = issues.head(max(0, int(row_limit) - 1))
    rows = [[clean_value(r.get(c.key)) for c in cols] for r in shown.to_dict("records")]
    if not rows:
        rows = [[None, None, None, label("di.none", lang)]]
    return Table(cols, rows), total
