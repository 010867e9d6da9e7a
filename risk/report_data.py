"""Extract, then write: everything the workbook shows, as plain rows and columns.

`build_report` turns an assessment's tables into a `WorkbookReport` (texts translated, values
cleaned and neutralised); `risk.workbook` only lays it out. Nothing here knows openpyxl styles.
"""

import math
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .assessment import RESULT_COLUMNS
from .assets import parse_numbers, parse_years
from .catalog import CatalogError, load_catalog
from .definitions import FIELD_ROLES, RISK_BANDS
from .labels import label
from .scenarios import SCENARIO_KEYS, ScenarioError, load_profile, load_scenario
from .tagging import TAG_COLUMNS
from .xlsxsafe import neutralise

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_TEXT = 32_767
TOP_VENDORS = 10


@dataclass
class AssessmentTables:
    """What an assessment GeoPackage holds, read into memory (layers without geometry)."""

    layers: dict  # scenario id -> DataFrame of the risk_<id> layer's attributes, in fid order
    scenario_summary: pd.DataFrame
    vendor_summary: pd.DataFrame
    run_info: dict
    data_issues: pd.DataFrame
    source: str = ""


@dataclass
class Context:
    """The files an assessment was run with, re-read for the Scenarios and Evidence sheets."""

    scenarios: dict = field(default_factory=dict)  # id -> Scenario
    profile: object = None
    catalog: object = None
    catalog_note: str = ""  # why the catalog shown is not the assessment's own


@dataclass
class Column:
    key: str
    header: str
    fmt: str = ""  # "", money, money2, percent, int, wrap, band
    width: float = 12


@dataclass
class Table:
    columns: list
    rows: list
    title: str = ""


@dataclass
class AssetRows:
    """The big table, column by column: values are cleaned plain Python lists (None = empty)."""

    columns: list
    values: list
    band_keys: dict  # translated band text -> band key (low/medium/high/critical)

    def __len__(self):
        return len(self.values[0]) if self.values else 0


@dataclass
class WorkbookReport:
    lang: str
    sheets: dict  # sheet key -> sheet name
    asset_sheets: list  # names of the sheets the asset rows fill, in order
    rows_per_sheet: int
    title: str
    meta: list  # (label, value)
    notes: list  # sentences for the Summary
    scenario_totals: Table
    expected_cost: float
    top_vendors: Table
    levels: list  # (level, text)
    bands: list  # (band key, band text, note)
    assets: AssetRows
    vendors: Table
    parents: Table
    scenario_params: Table
    evidence: Table
    evidence_notes: list
    run_info: Table
    data_issues: Table
    data_issues_total: int


# -- cleaning ---------------------------------------------------------------------------------
def clean_text(value):
    """A text cell as Excel will store it safely: no formula, no illegal character, not too long."""
    if value is None:
        return None
    s = str(value)
    if not s.strip():
        return None
    s = ILLEGAL_CHARACTERS_RE.sub("", neutralise(s))
    if len(s) > EXCEL_MAX_TEXT:
        s = s[:EXCEL_MAX_TEXT - 1] + "…"
    return s


def clean_value(value):
    """Any small-table value as a plain cell value: numbers stay numbers, text is cleaned."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if not math.isfinite(float(value)) else float(value)
    if isinstance(value, int):
        return value
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime().replace(tzinfo=None)
    return clean_text(value)


def text_column(series):
    """Column -> list of cleaned texts, each distinct value cleaned once."""
    codes, uniques = pd.factorize(series.astype(object), sort=False)
    cleaned = np.array([clean_text(u) for u in uniques] + [None], dtype=object)
    return cleaned[np.where(codes < 0, len(uniques), codes)].tolist()


def number_column(series, decimals=None, zero_is_empty=False):
    values = pd.to_numeric(series, errors="coerce").astype(float).to_numpy()
    if decimals is not None:
        values = np.round(values, decimals)
    bad = ~np.isfinite(values)
    if zero_is_empty:
        bad |= values == 0
    out = values.astype(object)
    out[bad] = None
    return out.tolist()


def mapped_column(series, mapping):
    """Column of codes -> their labels (unknown codes kept as cleaned text)."""
    codes, uniques = pd.factorize(series.to_numpy(), sort=False)
    cleaned = np.array([mapping.get(_key(u), clean_text(u)) for u in uniques] + [None],
                       dtype=object)
    return cleaned[np.where(codes < 0, len(uniques), codes)].tolist()


def _key(v):
    if isinstance(v, (bool, np.bool_)):
        return int(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def yes_no(lang):
    y, n = label("yes", lang), label("no", lang)
    return {1: y, 0: n, "1": y, "0": n, "true": y, "false": n, "True": y, "False": n}


def parsed_or_raw(series, parser):
    """Numbers as numbers; a value the engine could not read stays as typed so it can be fixed."""
    parsed = parser(series)
    raw = series.astype(object)
    given = raw.notna() & (raw.astype(str).str.strip() != "")
    bad = given & parsed.isna()
    out = parsed.astype(object).where(parsed.notna(), None)
    if bad.any():
        out[bad] = [clean_text(v) for v in raw[bad]]
    return out.tolist()


def sheet_plan(n_rows, base_name, row_limit=EXCEL_MAX_ROWS):
    """Names of the sheets `n_rows` data rows fill (one header row each) and rows per sheet."""
    per_sheet = max(1, int(row_limit) - 1)
    n_sheets = max(1, math.ceil(n_rows / per_sheet))
    names = [base_name] + [f"{base_name} ({i})" for i in range(2, n_sheets + 1)]
    return names, per_sheet


# -- context ------------------------------------------------------------------------------------
def load_context(run_info, lang="en"):
    """Scenario files, profile and catalog named in run_info, each skipped when unreadable."""
    ctx = Context()
    for path in _split(run_info.get("scenario_files", "")):
        try:
            sc = load_scenario(path)
        except (OSError, ScenarioError):
            continue
        ctx.scenarios[sc.id] = sc
    profile_file = run_info.get("profile_file", "")
    if profile_file and os.path.exists(profile_file):
        try:
            ctx.profile = load_profile(os.path.dirname(profile_file))
        except (OSError, ScenarioError):
            ctx.profile = None
    folders = _split(run_info.get("catalog_folders", ""))
    then = run_info.get("catalog_version", "")
    try:
        if folders and all(os.path.isdir(f) for f in folders):
            ctx.catalog = load_catalog(folders[1] if len(folders) > 1 else None, folders[0])
        else:
            ctx.catalog = load_catalog()
            ctx.catalog_note = label("ev.catalog_fallback", lang).format(
                now=ctx.catalog.version or "?", then=then or "?")
    except (OSError, CatalogError):
        ctx.catalog = None
        ctx.catalog_note = label("ev.no_catalog", lang)
    return ctx


def _split(text):
    return [p for p in str(text or "").split(";") if p.strip()]


def field_mapping(run_info):
    """role -> field name, from run_info's 'id=camera_id; class=type; ...'."""
    out = {}
    for part in str(run_info.get("field_mapping", "")).split(";"):
        role, _, name = part.strip().partition("=")
        if role.strip() in FIELD_ROLES and name.strip() not in ("", "-"):
            out[role.strip()] = name.strip()
    return out


# -- the report ---------------------------------------------------------------------------------
def build_report(tables, context=None, lang="en", row_limit=EXCEL_MAX_ROWS, plugin_version=""):
    """Everything the workbook shows, in `lang` ('en' or 'fr')."""
    context = context or Context()
    lang = "fr" if lang == "fr" else "en"
    sheets = {k: label(f"sheet.{k}", lang) for k in
              ("summary", "assets", "vendors", "scenarios", "evidence", "run_info",
               "data_issues")}
    summary = tables.scenario_summary.reset_index(drop=True)
    order = [s for s in summary["scenario_id"] if s in tables.layers] if len(summary) else []
    order += [s for s in tables.layers if s not in order]
    names = {sid: _scenario_name(sid, summary, context, lang) for sid in order}
    assets = asset_rows(tables, order, names, lang)
    asset_sheets, per_sheet = sheet_plan(len(assets), sheets["assets"], row_limit)
    issues_table, issues_total = _data_issues(tables.data_issues, lang, row_limit)
    run_info = tables.run_info
    notes = []
    if len(asset_sheets) > 1:
        notes.append(label("summary.spill", lang).format(
            n=len(asset_sheets), names=", ".join(asset_sheets), limit=int(row_limit)))
    if issues_total:
        notes.append(label("summary.issues", lang).format(n=issues_total,
                                                          sheet=sheets["data_issues"]))
    if issues_total > len(issues_table.rows):
        notes.append(label("summary.issues_cut", lang).format(shown=len(issues_table.rows),
                                                              n=issues_total))
    catalog_text = " ".join(x for x in (run_info.get("catalog_version", ""),
                                        run_info.get("catalog_as_of", "")) if x)
    meta = [(label("meta.jurisdiction", lang), run_info.get("jurisdiction", "")),
            (label("meta.reference_date", lang), run_info.get("reference_date", "")),
            (label("meta.assets", lang), _int_or_text(run_info.get("assets", ""))),
            (label("meta.catalog", lang), catalog_text),
            (label("meta.run_at", lang), run_info.get("run_at", "")),
            (label("meta.source", lang), tables.source)]
    vendors, parents = _vendor_tables(tables.vendor_summary, names, context, lang)
    bands = _bands(context, lang)
    return WorkbookReport(
        lang=lang, sheets=sheets, asset_sheets=asset_sheets, rows_per_sheet=per_sheet,
        title=label("title", lang), meta=[(k, clean_value(v)) for k, v in meta], notes=notes,
        scenario_totals=_scenario_totals(summary, names, lang),
        expected_cost=_expected_cost(summary, run_info),
        top_vendors=_top_vendors(tables.vendor_summary, summary, names, context, lang),
        levels=[(i, label(f"level.{i}", lang)) for i in range(4)], bands=bands,
        assets=assets, vendors=vendors, parents=parents,
        scenario_params=_scenario_params(order, summary, names, context, lang),
        evidence=_evidence(tables.layers, names, context, lang),
        evidence_notes=[label("ev.note", lang)] + ([context.catalog_note]
                                                   if context.catalog_note else []),
        run_info=_run_info(tables, lang, plugin_version, asset_sheets),
        data_issues=issues_table, data_issues_total=issues_total,
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


def _int_or_text(v):
    try:
        return int(str(v))
    except ValueError:
        return v


# -- assets -------------------------------------------------------------------------------------
# (label key, source, fmt, width); source "role:<role>" is the input field mapped to that role.
ASSET_LAYOUT = (
    ("col.scenario_id", "scenario_id", "", 20),
    ("role.id", "role:id", "", 14),
    ("col.source_layer", "source_layer", "", 14),
    ("col.asset_class", "asset_class", "", 14),
    ("col.vendor_name", "vendor_name", "", 20),
    ("col.risk_band", "risk_band", "band", 10),
    ("col.risk_score", "risk_score", "", 8),
    ("col.sanction_level", "sanction_level", "", 9),
    ("col.sanction_lists", "sanction_lists", "", 18),
    ("col.removal_deadline", "removal_deadline", "", 11),
    ("col.compatible", "compatible", "", 11),
    ("col.forced", "forced", "", 11),
    ("col.forced_year", "forced_year", "", 11),
    ("role.unit_cost", "role:unit_cost", "money2", 12),
    ("role.quantity", "role:quantity", "", 9),
    ("role.install_year", "role:install_year", "", 10),
    ("col.purchase_value", "purchase_value", "money", 13),
    ("col.replacement_cost", "replacement_cost", "money", 13),
    ("col.reintegration_cost", "reintegration_cost", "money", 13),
    ("col.stranded_value", "stranded_value", "money", 13),
    ("col.lockin_ratio", "lockin_ratio", "", 9),
    ("col.cost_assumed", "cost_assumed", "", 9),
    ("col.reasons", "reasons", "wrap", 90),
    ("col.vendor_id", "vendor_id", "", 14),
    ("col.parent_id", "parent_id", "", 14),
    ("col.vendor_country", "vendor_country", "", 9),
    ("col.match_method", "match_method", "", 14),
    ("col.match_confidence", "match_confidence", "", 10),
    ("col.needs_review", "needs_review", "", 9),
    ("col.oem_maker_id", "oem_maker_id", "", 12),
    ("col.standards", "standards", "", 18),
    ("role.class", "role:class", "", 14),
    ("role.manufacturer", "role:manufacturer", "", 20),
    ("role.brand", "role:brand", "", 14),
    ("role.model", "role:model", "", 16),
    ("role.protocols", "role:protocols", "", 16),
    ("role.platform", "role:platform", "", 12),
)
_NOT_EXTRA = set(TAG_COLUMNS) | set(RESULT_COLUMNS) | {"source_layer", "fid", "geom"}


def asset_ids(frame, id_field):
    """The engine's asset ids: the id field (blank -> row-N), or row numbers without one."""
    n = len(frame)
    if not id_field or id_field not in frame.columns:
        return pd.Series(np.arange(1, n + 1).astype(str), index=frame.index, dtype=object)
    raw = frame[id_field]
    if pd.api.types.is_float_dtype(raw):
        text = raw.map(lambda v: "" if pd.isna(v) else (str(int(v)) if float(v).is_integer()
                                                          else str(v)))
    else:
        text = raw.astype(object).where(raw.notna(), "").astype(str).str.strip()
    blank = text == ""
    if blank.any():
        text = text.copy()
        text[blank] = ["row-" + str(i + 1) for i in np.flatnonzero(blank.to_numpy())]
    return text


def asset_rows(tables, order, names, lang):
    """One row per asset and scenario: scenarios in order, riskiest assets first."""
    mapping = field_mapping(tables.run_info)
    parts = []
    for sid in order:
        f = tables.layers[sid]
        score = pd.to_numeric(f.get("risk_score", pd.Series(0.0, index=f.index)),
                              errors="coerce").fillna(-1).to_numpy()
        f = f.assign(**{"\0asset_id": asset_ids(f, mapping.get("id"))})
        parts.append(f.iloc[np.argsort(-score, kind="stable")])
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    yes = yes_no(lang)
    converters = {
        "scenario_id": lambda s: mapped_column(s, names),
        "risk_band": lambda s: mapped_column(s, {b: label(f"band.{b}", lang) for b in RISK_BANDS}),
        "risk_score": lambda s: number_column(s, 1),
        "lockin_ratio": lambda s: number_column(s, 2),
        "match_confidence": lambda s: number_column(s, 2),
        "forced_year": lambda s: number_column(s, 0, zero_is_empty=True),
        "match_method": lambda s: mapped_column(s, _methods(lang)),
        "vendor_name": lambda s: mapped_column(s, {"(unknown vendor)":
                                                   label("unknown_vendor", lang)}),
    }
    for c in ("compatible", "forced", "cost_assumed", "needs_review"):
        converters[c] = lambda s: mapped_column(s, yes)
    for c in ("sanction_level",):
        converters[c] = lambda s: number_column(s, 0)
    for c in ("purchase_value", "replacement_cost", "reintegration_cost", "stranded_value"):
        converters[c] = lambda s: number_column(s, 2)
    role_parsers = {"unit_cost": lambda s: parsed_or_raw(s, parse_numbers),
                    "quantity": lambda s: parsed_or_raw(s, parse_numbers),
                    "install_year": lambda s: parsed_or_raw(s, parse_years)}
    columns, values, used = [], [], set()
    for key, source, fmt, width in ASSET_LAYOUT:
        if source.startswith("role:"):
            role = source[5:]
            if role == "id":
                col = frame["\0asset_id"] if len(frame) else pd.Series([], dtype=object)
                values.append(text_column(col))
            else:
                name = mapping.get(role)
                if not name or name not in frame.columns:
                    continue
                used.add(name)
                values.append(role_parsers.get(role, text_column)(frame[name]))
            if mapping.get("id"):
                used.add(mapping["id"])
        else:
            if source not in frame.columns:
                continue
            values.append(converters.get(source, text_column)(frame[source]))
        columns.append(Column(source, label(key, lang), fmt, width))
    for name in frame.columns:
        if name in used or name in _NOT_EXTRA or name.startswith("\0"):
            continue
        col = frame[name]
        if pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col):
            values.append(number_column(col))
        else:
            values.append(text_column(col))
        columns.append(Column(name, clean_text(name) or name, "", _width(name, col)))
    band_keys = {label(f"band.{b}", lang): b for b in RISK_BANDS}
    return AssetRows(columns, values, band_keys)


def _methods(lang):
    from .definitions import MATCH_METHOD_KEYS

    return {k: label(f"method.{k}", lang) for k in MATCH_METHOD_KEYS}


def _width(name, col):
    sample = col.head(200).astype(str)
    longest = int(sample.str.len().max()) if len(sample) else 0
    return float(min(40, max(8, len(str(name)) + 2, longest + 2)))


# -- summary ------------------------------------------------------------------------------------
SUMMARY_COLUMNS = (("scenario_name", "sum.scenario", "", 28), ("probability", "sum.probability",
                                                                  "percent", 11),
                   ("assets", "sum.assets", "int", 11), ("level_0", "sum.level_0", "int", 11),
                   ("level_1", "sum.level_1", "int", 11), ("level_2", "sum.level_2", "int", 11),
                   ("level_3", "sum.level_3", "int", 11),
                   ("incompatible", "sum.incompatible", "int", 12),
                   ("forced", "sum.forced", "int", 12),
                   ("replacement_cost", "sum.replacement_cost", "money", 15),
                   ("reintegration_cost", "sum.reintegration_cost", "money", 15),
                   ("stranded_value", "sum.stranded_value", "money", 15),
                   ("total_cost", "sum.total_cost", "money", 15),
                   ("p50_cost", "sum.p50_cost", "money", 15),
                   ("p90_cost", "sum.p90_cost", "money", 15))


def _scenario_totals(summary, names, lang):
    cols = [Column(k, label(lk, lang), fmt, w) for k, lk, fmt, w in SUMMARY_COLUMNS]
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


def _vendor_names(context):
    if context.catalog is None:
        return {}
    v = context.catalog.vendors
    return dict(zip(v["vendor_id"], v["short_name"].where(v["short_name"] != "", v["name"])))


def _weights(summary):
    if not len(summary):
        return {}
    w = summary["weight"] if "weight" in summary else summary["probability"]
    return dict(zip(summary["scenario_id"], pd.to_numeric(w, errors="coerce").fillna(0.0)))


def _top_vendors(vendor_summary, summary, names, context, lang):
    cols = [Column("vendor", label("top.vendor", lang), "", 28),
            Column("parent", label("top.parent", lang), "", 16),
            Column("country", label("top.country", lang), "", 11),
            Column("assets", label("top.assets", lang), "int", 11),
            Column("level", label("top.level", lang), "int", 11),
            Column("expected", label("top.expected", lang), "money", 15),
            Column("worst", label("top.worst", lang), "money", 15),
            Column("worst_scenario", label("top.worst_scenario", lang), "", 20)]
    vs = vendor_summary
    if not len(vs):
        return Table(cols, [], label("summary.top_vendors", lang))
    vs = vs.assign(w=vs["scenario_id"].map(_weights(summary)).fillna(0.0),
                   exposure=pd.to_numeric(vs["exposure"], errors="coerce").fillna(0.0))
    vs = vs.assign(weighted=vs["w"] * vs["exposure"])
    worst = vs.sort_values("exposure", ascending=False, kind="stable").drop_duplicates("vendor_id")
    g = vs.groupby("vendor_id", sort=False).agg(expected=("weighted", "sum"),
                                                level=("sanction_level", "max"),
                                                assets=("assets", "max"))
    g = g.join(worst.set_index("vendor_id")[["vendor_name", "parent_id", "country", "exposure",
                                              "scenario_id"]])
    g = g.sort_values(["expected", "exposure"], ascending=False, kind="stable").head(TOP_VENDORS)
    vnames = _vendor_names(context)
    rows = []
    for vid, r in g.iterrows():
        name = label("unknown_vendor", lang) if not vid else r["vendor_name"]
        parent = vnames.get(r["parent_id"], r["parent_id"])
        rows.append([clean_value(name), clean_value(parent), clean_value(r["country"]),
                     clean_value(r["assets"]), clean_value(r["level"]),
                     clean_value(r["expected"]), clean_value(r["exposure"]),
                     clean_value(names.get(r["scenario_id"], r["scenario_id"])
                                 if r["exposure"] > 0 else None)])
    return Table(cols, rows, label("summary.top_vendors", lang))


def _bands(context, lang):
    bands = getattr(context.profile, "bands", None) or {"medium": 25, "high": 50, "critical": 75}
    return [(b, label(f"band.{b}", lang), label(f"bandnote.{b}", lang).format(**bands))
            for b in RISK_BANDS]


# -- vendors ------------------------------------------------------------------------------------
VENDOR_COLUMNS = (("scenario", "v.scenario", "", 20), ("vendor", "v.vendor", "", 22),
                  ("vendor_id", "v.vendor_id", "", 14), ("parent", "v.parent", "", 18),
                  ("country", "v.country", "", 9), ("assets", "v.assets", "int", 10),
                  ("units", "v.units", "int", 10),
                  ("sanction_level", "v.sanction_level", "int", 11),
                  ("sanction_lists", "v.sanction_lists", "", 20),
                  ("assets_forced", "v.assets_forced", "int", 11),
                  ("incompatible", "v.incompatible", "int", 11),
                  ("purchase_value", "v.purchase_value", "money", 14),
                  ("replacement_cost", "v.replacement_cost", "money", 14),
                  ("stranded_value", "v.stranded_value", "money", 14),
                  ("exposure", "v.exposure", "money", 14), ("exit_cost", "v.exit_cost", "money", 14),
                  ("cascade_cost", "v.cascade_cost", "money", 14),
                  ("switching_cost", "v.switching_cost", "money", 14))
SUMS = ("assets", "units", "assets_forced", "incompatible", "purchase_value", "replacement_cost",
        "stranded_value", "exposure", "exit_cost", "cascade_cost", "switching_cost")


def _vendor_tables(vs, names, context, lang):
    cols = [Column(k, label(lk, lang), fmt, w) for k, lk, fmt, w in VENDOR_COLUMNS]
    parent_cols = [c for c in cols if c.key not in ("vendor", "vendor_id", "country")]
    parent_cols.insert(2, Column("vendors", label("v.vendors", lang), "int", 11))
    parent_cols.insert(2, Column("parent_id", label("v.parent_id", lang), "", 14))
    if not len(vs):
        return (Table(cols, [], label("vendors.by_vendor", lang)),
                Table(parent_cols, [], label("vendors.by_parent", lang)))
    vnames = _vendor_names(context)
    unknown = label("unknown_vendor", lang)
    vs = vs.copy()
    vs["scenario"] = vs["scenario_id"].map(names).fillna(vs["scenario_id"])
    vs["vendor"] = np.where(vs["vendor_id"].fillna("") == "", unknown, vs["vendor_name"])
    vs["parent_id"] = vs["parent_id"].fillna("")
    vs["parent"] = [unknown if not p else vnames.get(p, p) for p in vs["parent_id"]]
    rank = {sid: i for i, sid in enumerate(names)}
    vs["_rank"] = vs["scenario_id"].map(rank).fillna(len(rank))
    vs = vs.sort_values(["_rank", "exposure", "switching_cost"], ascending=[True, False, False],
                        kind="stable")
    by_vendor = [[clean_value(r.get(c.key)) for c in cols] for r in vs.to_dict("records")]
    for c in SUMS:
        vs[c] = pd.to_numeric(vs[c], errors="coerce").fillna(0.0)
    g = vs.groupby(["_rank", "scenario", "parent_id", "parent"], sort=False)
    agg = g.agg(vendors=("vendor_id", "nunique"), sanction_level=("sanction_level", "max"),
                sanction_lists=("sanction_lists", _union),
                **{c: (c, "sum") for c in SUMS}).reset_index()
    agg = agg.sort_values(["_rank", "exposure", "switching_cost"], ascending=[True, False, False],
                          kind="stable")
    by_parent = [[clean_value(r.get(c.key)) for c in parent_cols] for r in agg.to_dict("records")]
    return (Table(cols, by_vendor, label("vendors.by_vendor", lang)),
            Table(parent_cols, by_parent, label("vendors.by_parent", lang)))


def _union(series):
    return ";".join(sorted({x for v in series.dropna() for x in str(v).split(";") if x}))


# -- scenarios ----------------------------------------------------------------------------------
def _param_value(value, lang):
    if value is None:
        return "—"
    if isinstance(value, bool):
        return label("yes" if value else "no", lang)
    if isinstance(value, list):
        return "; ".join(map(str, value)) or "—"
    if isinstance(value, dict):
        if set(value) <= {"en", "fr"}:
            return value.get(lang) or value.get("en") or ""
        return "; ".join(f"{k} {v}" for k, v in value.items())
    return value


def _note(notes, key, lang):
    text = (notes or {}).get(key, "")
    if isinstance(text, dict):
        text = text.get(lang) or text.get("en") or ""
    return text


def _scenario_params(order, summary, names, context, lang):
    cols = [Column("scenario", label("sc.scenario", lang), "", 22),
            Column("parameter", label("sc.parameter", lang), "", 30),
            Column("key", label("sc.key", lang), "", 20),
            Column("value", label("sc.value", lang), "", 28),
            Column("explanation", label("sc.explanation", lang), "wrap", 90)]
    weights = _weights(summary)
    rows = []
    for sid in order:
        name = names.get(sid, sid)
        sc = context.scenarios.get(sid)
        if sc is None:
            prob = summary.loc[summary["scenario_id"] == sid, "probability"] if len(summary) \
                else pd.Series([], dtype=float)
            rows.append([name, label("p.probability", lang), "probability",
                         prob.iloc[0] if len(prob) else None, label("sc.missing", lang)])
        else:
            params = sc.parameters()
            for key in SCENARIO_KEYS:
                if key in ("notes", "facts", "id"):
                    continue
                rows.append([name, label(f"p.{key}", lang), key,
                             _param_value(params.get(key), lang), _note(sc.notes, key, lang)])
            for fact in sc.facts:
                if isinstance(fact, dict):
                    src = " ".join(x for x in (str(fact.get("source", "")),
                                               f"({fact['as_of']})" if fact.get("as_of") else "")
                                   if x)
                    rows.append([name, label("sc.fact", lang), "facts", fact.get("text", ""), src])
            rows.append([name, label("sc.file", lang), "file", sc.path, ""])
        rows.append([name, label("sc.weight", lang), "weight", weights.get(sid), ""])
    prof = context.profile
    if prof is not None:
        pname = label("sc.profile", lang)
        for key in ("weights", "lockin_cap", "bands", "uncertainty_samples", "uncertainty_seed"):
            rows.append([pname, label(f"p.{key}", lang), key,
                         _param_value(getattr(prof, key), lang), _note(prof.notes, key, lang)])
        rows.append([pname, label("sc.file", lang), "file", prof.path, ""])
    return Table(cols, [[clean_value(v) for v in r] for r in rows])


# -- evidence -----------------------------------------------------------------------------------
def _evidence(layers, names, context, lang):
    """Every list cited by an asset, and every listing of the asset's vendor chain on it."""
    cols = [Column("list_id", label("ev.list_id", lang), "", 18),
            Column("list_name", label("ev.list_name", lang), "wrap", 30),
            Column("jurisdiction", label("ev.jurisdiction", lang), "", 10),
            Column("authority", label("ev.authority", lang), "wrap", 22),
            Column("measure", label("ev.measure", lang), "wrap", 30),
            Column("level", label("ev.level", lang), "int", 7),
            Column("in_force_from", label("ev.in_force_from", lang), "", 11),
            Column("removal_deadline", label("ev.removal_deadline", lang), "", 11),
            Column("vendor_id", label("ev.vendor_id", lang), "", 14),
            Column("vendor_name", label("ev.vendor_name", lang), "", 18),
            Column("date_added", label("ev.date_added", lang), "", 11),
            Column("date_removed", label("ev.date_removed", lang), "", 11),
            Column("scope", label("ev.scope", lang), "wrap", 28),
            Column("source", label("ev.source", lang), "wrap", 40),
            Column("as_of", label("ev.as_of", lang), "", 11),
            Column("list_source", label("ev.list_source", lang), "wrap", 40),
            Column("list_as_of", label("ev.list_as_of", lang), "", 11),
            Column("scenarios", label("ev.scenarios", lang), "wrap", 22),
            Column("assets", label("ev.assets", lang), "int", 10)]
    # Distinct (scenario, vendor, OEM maker, lists) combinations and how many assets hold each.
    parts = []
    for sid, f in layers.items():
        if "sanction_lists" not in f.columns:
            continue
        keys = pd.DataFrame({
            "scenario_id": sid,
            "vendor_id": f.get("vendor_id", pd.Series("", index=f.index)).fillna("").astype(str),
            "oem": f.get("oem_maker_id", pd.Series("", index=f.index)).fillna("").astype(str),
            "lists": f["sanction_lists"].fillna("").astype(str)})
        keys = keys[keys["lists"] != ""]
        parts.append(keys.groupby(["scenario_id", "vendor_id", "oem", "lists"]).size()
                     .rename("n").reset_index())
    combos = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["scenario_id", "vendor_id", "oem", "lists", "n"])
    catalog = context.catalog
    found = {}  # (list_id, listed vendor) -> [scenarios set, assets per scenario]
    ancestors = catalog.ancestors() if catalog is not None else {}
    listed = set()
    if catalog is not None:
        listed = set(zip(catalog.listings["vendor_id"], catalog.listings["list_id"]))
    for rec in combos.itertuples(index=False):
        chain = ancestors.get(rec.vendor_id, (rec.vendor_id,)) + (
            ancestors.get(rec.oem, (rec.oem,)) if rec.oem else ())
        for list_id in rec.lists.split(";"):
            if not list_id:
                continue
            hits = [v for v in chain if (v, list_id) in listed] or [""]
            for v in hits:
                entry = found.setdefault((list_id, v), [set(), {}])
                entry[0].add(rec.scenario_id)
                entry[1][rec.scenario_id] = entry[1].get(rec.scenario_id, 0) + int(rec.n)
    lists = catalog.lists.set_index("list_id") if catalog is not None else None
    listings = catalog.listings.set_index(["vendor_id", "list_id"]) if catalog is not None \
        else None
    vnames = _vendor_names(context)
    rank = {sid: i for i, sid in enumerate(names)}
    rows = []
    for (list_id, vid), (scen, counts) in sorted(found.items()):
        lst = lists.loc[list_id] if lists is not None and list_id in lists.index else {}
        lis = listings.loc[(vid, list_id)] if vid and listings is not None else {}
        scope = "; ".join(x for x in (_get(lis, "scope_classes"), _get(lis, "scope_note")) if x)
        row = {"list_id": list_id, "list_name": _get(lst, "name"),
               "jurisdiction": _get(lst, "jurisdiction"), "authority": _get(lst, "authority"),
               "measure": _get(lst, "measure"), "level": _int_or_text(_get(lst, "level")),
               "in_force_from": _get(lst, "in_force_from"),
               "removal_deadline": _get(lst, "removal_deadline"), "vendor_id": vid,
               "vendor_name": vnames.get(vid, ""), "date_added": _get(lis, "date_added"),
               "date_removed": _get(lis, "date_removed"), "scope": scope,
               "source": _get(lis, "source"), "as_of": _get(lis, "as_of"),
               "list_source": _get(lst, "source"), "list_as_of": _get(lst, "as_of"),
               "scenarios": ", ".join(names.get(s, s) for s in sorted(scen, key=lambda s:
                                                                       rank.get(s, 99))),
               "assets": max(counts.values())}
        rows.append([clean_value(row[c.key]) for c in cols])
    return Table(cols, rows)


def _get(rec, key):
    try:
        v = rec[key]
    except (KeyError, TypeError):
        return ""
    if isinstance(v, pd.Series):  # a duplicated index: take the first
        v = v.iloc[0]
    return "" if v is None or (isinstance(v, float) and math.isnan(v)) else v


# -- run info and data issues -------------------------------------------------------------------
def _run_info(tables, lang, plugin_version, asset_sheets):
    cols = [Column("item", label("ri.item", lang), "", 34),
            Column("value", label("ri.value", lang), "wrap", 100),
            Column("key", label("ri.key", lang), "", 24)]
    rows = []
    for key, value in tables.run_info.items():
        lk = f"ri.{key}"
        try:
            text = label(lk, lang)
        except KeyError:
            text = key.replace("_", " ")
        if key in ("expected_cost", "probability_sum"):
            try:
                value = round(float(value), 2)
            except (TypeError, ValueError):
                pass
        elif key in ("assets", "data_issues"):
            value = _int_or_text(value)
        rows.append([text, value, key])
    rows += [[label("ri.exported_at", lang),
              datetime.now(timezone.utc).isoformat(timespec="seconds"), "exported_at"],
             [label("ri.export_plugin_version", lang), plugin_version, "export_plugin_version"],
             [label("ri.assessment_file", lang), tables.source, "assessment_file"],
             [label("ri.language", lang), lang, "language"],
             [label("ri.asset_sheets", lang), ", ".join(asset_sheets), "asset_sheets"]]
    return Table(cols, [[clean_value(v) for v in r] for r in rows])


def _data_issues(issues, lang, row_limit):
    cols = [Column("asset_id", label("di.asset_id", lang), "", 16),
            Column("field", label("di.field", lang), "", 18),
            Column("value", label("di.value", lang), "", 24),
            Column("message", label("di.message", lang), "wrap", 80)]
    total = len(issues)
    shown = issues.head(max(0, int(row_limit) - 1))
    rows = [[clean_value(r.get(c.key)) for c in cols] for r in shown.to_dict("records")]
    return Table(cols, rows), total
