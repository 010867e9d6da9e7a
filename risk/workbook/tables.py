"""The Vendors, Scenarios and Evidence sheets' data: small tables of cleaned values."""

import math

import numpy as np
import pandas as pd

from ..assessment.scenarios import SCENARIO_KEYS
from ..labels import label
from ..provenance import recorded
from .model import Column, Table, clean_value, int_or_text, scenario_weights, vendor_names

# -- vendors ------------------------------------------------------------------------------------
VENDOR_COLUMNS = (
    ("scenario", "v.scenario", "", 20),
    ("vendor", "v.vendor", "", 22),
    ("vendor_id", "v.vendor_id", "", 14),
    ("parent", "v.parent", "", 18),
    ("country", "v.country", "", 9),
    ("assets", "v.assets", "int", 10),
    ("units", "v.units", "int", 10),
    ("sanction_level", "v.sanction_level", "int", 11),
    ("sanction_lists", "v.sanction_lists", "wrap", 24),
    ("assets_forced", "v.assets_forced", "int", 11),
    ("incompatible", "v.incompatible", "int", 11),
    ("purchase_value", "v.purchase_value", "money", 14),
    ("replacement_cost", "v.replacement_cost", "money", 14),
    ("stranded_value", "v.stranded_value", "money", 14),
    ("exposure", "v.exposure", "money", 14),
    ("exit_cost", "v.exit_cost", "money", 14),
    ("cascade_cost", "v.cascade_cost", "money", 14),
    ("switching_cost", "v.switching_cost", "money", 14),
)
SUMS = (
    "assets",
    "units",
    "assets_forced",
    "incompatible",
    "purchase_value",
    "replacement_cost",
    "stranded_value",
    "exposure",
    "exit_cost",
    "cascade_cost",
    "switching_cost",
)


def vendor_tables(vs, names, context, lang, currency="EUR"):
    cols = [Column(k, label(lk, lang, currency), fmt, w) for k, lk, fmt, w in VENDOR_COLUMNS]
    parent_cols = [c for c in cols if c.key not in ("vendor", "vendor_id", "country")]
    parent_cols.insert(2, Column("vendors", label("v.vendors", lang), "int", 11))
    parent_cols.insert(2, Column("parent_id", label("v.parent_id", lang), "", 14))
    if not len(vs):
        return (
            Table(cols, [], label("vendors.by_vendor", lang)),
            Table(parent_cols, [], label("vendors.by_parent", lang)),
        )
    vnames = vendor_names(context)
    unknown = label("unknown_vendor", lang)
    vs = vs.copy()
    vs["scenario"] = vs["scenario_id"].map(names).fillna(vs["scenario_id"])
    vs["vendor"] = np.where(vs["vendor_id"].fillna("") == "", unknown, vs["vendor_name"])
    # A vendor without a parent heads its own group.
    vs["parent_id"] = (
        vs["parent_id"].fillna("").where(vs["parent_id"].fillna("") != "", vs["vendor_id"].fillna(""))
    )
    vs["parent"] = [unknown if not p else vnames.get(p, p) for p in vs["parent_id"]]
    rank = {sid: i for i, sid in enumerate(names)}
    vs["_rank"] = vs["scenario_id"].map(rank).fillna(len(rank))
    vs = vs.sort_values(
        ["_rank", "exposure", "switching_cost"], ascending=[True, False, False], kind="stable"
    )
    vs["sanction_lists"] = [_union([v]) for v in vs["sanction_lists"]]  # "a; b" wraps in a cell
    by_vendor = [[clean_value(r.get(c.key)) for c in cols] for r in vs.to_dict("records")]
    for c in SUMS:
        vs[c] = pd.to_numeric(vs[c], errors="coerce").fillna(0.0)
    g = vs.groupby(["_rank", "scenario", "parent_id", "parent"], sort=False)
    agg = g.agg(
        vendors=("vendor_id", "nunique"),
        sanction_level=("sanction_level", "max"),
        sanction_lists=("sanction_lists", _union),
        **{c: (c, "sum") for c in SUMS},
    ).reset_index()
    agg = agg.sort_values(
        ["_rank", "exposure", "switching_cost"], ascending=[True, False, False], kind="stable"
    )
    by_parent = [[clean_value(r.get(c.key)) for c in parent_cols] for r in agg.to_dict("records")]
    return (
        Table(cols, by_vendor, label("vendors.by_vendor", lang)),
        Table(parent_cols, by_parent, label("vendors.by_parent", lang)),
    )


def _union(values):
    """';'-joined list ids -> one "a; b" text without repeats, in first-seen order (a
    vendor's lists come highest level first)."""
    return "; ".join(
        dict.fromkeys(x.strip() for v in values if isinstance(v, str) for x in v.split(";") if x.strip())
    )


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


def scenario_table(order, summary, names, context, lang):
    cols = [
        Column("scenario", label("sc.scenario", lang), "", 22),
        Column("parameter", label("sc.parameter", lang), "", 30),
        Column("key", label("sc.key", lang), "", 20),
        Column("value", label("sc.value", lang), "wrap", 40),
        Column("explanation", label("sc.explanation", lang), "wrap", 80),
    ]
    weights = scenario_weights(summary)
    rows = []
    for sid in order:
        name = names.get(sid, sid)
        sc = context.scenarios.get(sid)
        if sc is None:
            prob = (
                summary.loc[summary["scenario_id"] == sid, "probability"]
                if len(summary)
                else pd.Series([], dtype=float)
            )
            rows.append(
                [
                    name,
                    label("p.probability", lang),
                    "probability",
                    prob.iloc[0] if len(prob) else None,
                    label("sc.missing", lang),
                ]
            )
        else:
            params = sc.parameters()
            for key in SCENARIO_KEYS:
                if key in ("notes", "facts", "id"):
                    continue
                rows.append(
                    [
                        name,
                        label(f"p.{key}", lang),
                        key,
                        _param_value(params.get(key), lang),
                        _note(sc.notes, key, lang),
                    ]
                )
            for fact in sc.facts:
                if isinstance(fact, dict):
                    src = " ".join(
                        x
                        for x in (
                            str(fact.get("source", "")),
                            f"({fact['as_of']})" if fact.get("as_of") else "",
                        )
                        if x
                    )
                    rows.append([name, label("sc.fact", lang), "facts", fact.get("text", ""), src])
            rows.append([name, label("sc.file", lang), "file", recorded(sc.path), ""])
        rows.append([name, label("sc.weight", lang), "weight", weights.get(sid), ""])
    prof = context.profile
    if prof is not None:
        pname = label("sc.profile", lang)
        for key in ("weights", "lockin_cap", "bands", "uncertainty_samples", "uncertainty_seed"):
            rows.append(
                [
                    pname,
                    label(f"p.{key}", lang),
                    key,
                    _param_value(getattr(prof, key), lang),
                    _note(prof.notes, key, lang),
                ]
            )
        rows.append([pname, label("sc.file", lang), "file", recorded(prof.path), ""])
    return Table(cols, [[clean_value(v) for v in r] for r in rows])


# -- evidence -----------------------------------------------------------------------------------
def evidence_table(layers, names, context, lang):
    """Every list cited by an asset, and every listing of the asset's vendor chain on it."""
    cols = [
        Column("list_id", label("ev.list_id", lang), "", 18),
        Column("list_name", label("ev.list_name", lang), "wrap", 30),
        Column("jurisdiction", label("ev.jurisdiction", lang), "", 12),
        Column("authority", label("ev.authority", lang), "wrap", 22),
        Column("measure", label("ev.measure", lang), "wrap", 40),
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
        Column("assets", label("ev.assets", lang), "int", 10),
    ]
    # Distinct (scenario, vendor, OEM maker, lists) combinations and how many assets hold each.
    parts = []
    for sid, f in layers.items():
        if "sanction_lists" not in f.columns:
            continue
        keys = pd.DataFrame(
            {
                "scenario_id": sid,
                "vendor_id": f.get("vendor_id", pd.Series("", index=f.index)).fillna("").astype(str),
                "oem": f.get("oem_maker_id", pd.Series("", index=f.index)).fillna("").astype(str),
                "lists": f["sanction_lists"].fillna("").astype(str),
            }
        )
        keys = keys[keys["lists"] != ""]
        parts.append(
            keys.groupby(["scenario_id", "vendor_id", "oem", "lists"]).size().rename("n").reset_index()
        )
    combos = (
        pd.concat(parts, ignore_index=True)
        if parts
        else pd.DataFrame(columns=["scenario_id", "vendor_id", "oem", "lists", "n"])
    )
    catalog = context.catalog
    found = {}  # (list_id, listed vendor) -> [scenarios set, assets per scenario]
    ancestors = catalog.ancestors() if catalog is not None else {}
    listed = set()
    if catalog is not None:
        listed = set(zip(catalog.listings["vendor_id"], catalog.listings["list_id"]))
    for rec in combos.itertuples(index=False):
        chain = ancestors.get(rec.vendor_id, (rec.vendor_id,)) + (
            ancestors.get(rec.oem, (rec.oem,)) if rec.oem else ()
        )
        for list_id in rec.lists.split(";"):
            if not list_id:
                continue
            hits = [v for v in chain if (v, list_id) in listed] or [""]
            for v in hits:
                entry = found.setdefault((list_id, v), [set(), {}])
                entry[0].add(rec.scenario_id)
                entry[1][rec.scenario_id] = entry[1].get(rec.scenario_id, 0) + int(rec.n)
    lists = catalog.lists.set_index("list_id") if catalog is not None else None
    listings = catalog.listings.set_index(["vendor_id", "list_id"]) if catalog is not None else None
    vnames = vendor_names(context)
    rank = {sid: i for i, sid in enumerate(names)}
    rows = []
    for (list_id, vid), (scen, counts) in sorted(found.items()):
        lst = lists.loc[list_id] if lists is not None and list_id in lists.index else {}
        lis = listings.loc[(vid, list_id)] if vid and listings is not None else {}
        scope = "; ".join(x for x in (_get(lis, "scope_classes"), _get(lis, "scope_note")) if x)
        row = {
            "list_id": list_id,
            "list_name": _get(lst, "name"),
            "jurisdiction": _get(lst, "jurisdiction"),
            "authority": _get(lst, "authority"),
            "measure": _get(lst, "measure"),
            "level": int_or_text(_get(lst, "level")),
            "in_force_from": _get(lst, "in_force_from"),
            "removal_deadline": _get(lst, "removal_deadline"),
            "vendor_id": vid,
            "vendor_name": vnames.get(vid, ""),
            "date_added": _get(lis, "date_added"),
            "date_removed": _get(lis, "date_removed"),
            "scope": scope,
            "source": _get(lis, "source"),
            "as_of": _get(lis, "as_of"),
            "list_source": _get(lst, "source"),
            "list_as_of": _get(lst, "as_of"),
            "scenarios": ", ".join(names.get(s, s) for s in sorted(scen, key=lambda s: rank.get(s, 99))),
            "assets": max(counts.values()),
        }
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
