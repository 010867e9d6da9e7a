"""The Assets sheet's data: one row per asset and scenario, column by column.

Input fields are found through run_info's field mapping (one field per layer and role);
computed columns are translated and typed; values are cleaned once per distinct value.
"""

import math
import re

import numpy as np
import pandas as pd

from ..assessment.assets import parse_numbers, parse_years
from ..definitions import FIELD_ROLES, MATCH_METHOD_KEYS, RISK_BANDS
from ..labels import label
from ..schema import ASSET_ID, COMPUTED, RESULT_COLUMNS, TAG_COLUMNS
from .model import (
    AssetRows,
    Column,
    bool_column,
    clean_text,
    mapped_column,
    number_column,
    parsed_or_raw,
    text_column,
)


def field_mapping(run_info):
    """role -> [field names], from run_info's 'id=camera_id;asset_id; class=type; ...' (one
    field per input layer, in layer order; '-' for none)."""
    out = {}
    text = str(run_info.get("field_mapping", ""))
    for m in re.finditer(r"(?:^|;\s)(\w+)=(.*?)(?=;\s\w+=|$)", text):
        role, names = m.group(1), [n.strip() for n in m.group(2).split(";")]
        names = [n for n in names if n and n != "-"]
        if role in FIELD_ROLES and names:
            out[role] = names
    return out


def role_values(frame, fields):
    """The input values of one role, row by row: the first of its fields (one per layer) that
    holds a value. Fields renamed <name>_input by the assessment are found under that name.
    Returns (values or None, the frame columns used)."""
    stale = set(TAG_COLUMNS) | set(RESULT_COLUMNS)
    cols = []
    for name in fields:
        if f"{name}_input" in frame.columns:
            cols.append(f"{name}_input")
        elif name in frame.columns and name not in stale:
            cols.append(name)
    if not cols:
        return None, []
    if len(cols) == 1:
        return frame[cols[0]], cols
    out = frame[cols[0]].astype(object)
    for c in cols[1:]:
        blank = out.isna() | (out.astype(str).str.strip() == "")
        if blank.any():
            out = out.where(~blank, frame[c].astype(object))
    return out.infer_objects(), cols


# -- assets -------------------------------------------------------------------------------------
# (label key, source, fmt, width); source "role:<role>" is the input field mapped to that role.
ASSET_LAYOUT = (
    # printed (A to Reasons): who, how risky, what it costs, why
    ("col.scenario_id", "scenario_id", "", 18),
    ("role.id", "role:id", "", 12),
    ("col.source_layer", "source_layer", "", 12),
    ("col.asset_class", "asset_class", "", 13),
    ("col.vendor_name", "vendor_name", "", 16),
    ("col.risk_band", "risk_band", "band", 9),
    ("col.risk_score", "risk_score", "", 7),
    ("col.sanction_level", "sanction_level", "", 9),
    ("col.forced", "forced", "", 14),
    ("col.forced_year", "forced_year", "", 13),
    ("col.replacement_cost", "replacement_cost", "money", 13),
    ("col.stranded_value", "stranded_value", "money", 13),
    ("col.reasons", "reasons", "wrap", 70),
    # details
    ("col.sanction_lists", "sanction_lists", "", 18),
    ("col.removal_deadline", "removal_deadline", "", 11),
    ("col.compatible", "compatible", "", 11),
    ("role.operator", "role:operator", "", 18),
    ("role.unit_cost", "role:unit_cost", "money2", 12),
    ("role.quantity", "role:quantity", "", 9),
    ("role.install_year", "role:install_year", "", 10),
    ("col.purchase_value", "purchase_value", "money", 13),
    ("col.reintegration_cost", "reintegration_cost", "money", 13),
    ("col.lockin_ratio", "lockin_ratio", "", 9),
    ("col.cost_assumed", "cost_assumed", "", 9),
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
    ("role.wikidata", "role:wikidata", "", 12),
)
_NOT_EXTRA = COMPUTED | {"fid", "geom"}


def asset_ids(frame, id_values):
    """The engine's asset ids: the id field's text (blank -> row-N), or row numbers."""
    n = len(frame)
    if id_values is None:
        return pd.Series(np.arange(1, n + 1).astype(str), index=frame.index, dtype=object)
    text = pd.Series([_id_text(v) for v in id_values], index=frame.index, dtype=object)
    blank = (text == "").to_numpy()
    if blank.any():
        text[blank] = ["row-" + str(i + 1) for i in np.flatnonzero(blank)]
    return text


def _id_text(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def catalog_names(catalog, lang):
    """{column: {id: name}} for the id columns people read by name (class, lists, standards,
    parent group); empty without a catalog."""
    if catalog is None:
        return {}
    classes = catalog.asset_classes
    fr = classes["name_fr"] if lang == "fr" and "name_fr" in classes.columns else classes["name_en"]
    vendors = catalog.vendors
    short = vendors["short_name"].where(vendors["short_name"] != "", vendors["name"])
    return {
        "asset_class": dict(zip(classes["class_id"], fr.where(fr != "", classes["name_en"]))),
        "sanction_lists": dict(zip(catalog.lists["list_id"], catalog.lists["name"])),
        "standards": dict(zip(catalog.standards["standard_id"], catalog.standards["name"])),
        "parent_id": dict(zip(vendors["vendor_id"], short)),
    }


def _named(series, mapping):
    """'a;b' ids -> 'Name A; Name B' (an unknown id stays as it is), once per distinct value."""

    def one(value):
        if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
            return value
        return "; ".join(mapping.get(p.strip(), p.strip()) for p in str(value).split(";") if p.strip())

    codes, uniques = pd.factorize(series.astype(object).to_numpy(), sort=False)
    values = np.array([one(u) for u in uniques] + [None], dtype=object)
    return pd.Series(values[np.where(codes < 0, len(uniques), codes)], index=series.index)


def _stack(parts):
    """The scenarios' rows one under the other. A column a part leaves wholly empty is left out of
    that part (its rows get NULL there): its dtype then cannot decide the column's, which pandas
    2.1+ warns it will change."""
    if not parts:
        return pd.DataFrame()
    columns = list(dict.fromkeys(c for p in parts for c in p.columns))
    filled = [p.loc[:, p.notna().any()] if len(p) else p.iloc[:, :0] for p in parts]
    return pd.concat(filled, ignore_index=True).reindex(columns=columns)


def asset_rows(tables, order, names, lang, catalog=None):
    """One row per asset and scenario: scenarios in order, riskiest assets first; ids of
    classes, lists, standards and parents shown by their catalog names."""
    mapping = field_mapping(tables.run_info)
    currency = tables.run_info.get("currency") or "EUR"
    parts = []
    for sid in order:
        f = tables.layers[sid]
        score = (
            pd.to_numeric(f.get("risk_score", pd.Series(0.0, index=f.index)), errors="coerce")
            .fillna(-1)
            .to_numpy()
        )
        if ASSET_ID.name in f.columns:  # the common id (every layer's id field)
            ids = f[ASSET_ID.name]
        else:
            ids, _ = role_values(f, mapping.get("id", []))
        f = f.assign(**{"\0asset_id": asset_ids(f, ids)})
        parts.append(f.iloc[np.argsort(-score, kind="stable")])
    frame = _stack(parts)
    converters = {
        "scenario_id": lambda s: mapped_column(s, names),
        "risk_band": lambda s: mapped_column(s, {b: label(f"band.{b}", lang) for b in RISK_BANDS}),
        "risk_score": lambda s: number_column(s, 1),
        "lockin_ratio": lambda s: number_column(s, 2),
        "match_confidence": lambda s: number_column(s, 2),
        "forced_year": lambda s: number_column(s, 0, zero_is_empty=True),
        "match_method": lambda s: mapped_column(s, _methods(lang)),
        "vendor_name": lambda s: mapped_column(s, {"(unknown vendor)": label("unknown_vendor", lang)}),
    }
    for column, id_names in catalog_names(catalog, lang).items():
        converters[column] = lambda s, m=id_names: text_column(_named(s, m))
    for c in ("compatible", "forced", "cost_assumed", "needs_review"):
        converters[c] = lambda s: bool_column(s, lang)
    for c in ("sanction_level",):
        converters[c] = lambda s: number_column(s, 0)
    for c in ("purchase_value", "replacement_cost", "reintegration_cost", "stranded_value"):
        converters[c] = lambda s: number_column(s, 2)
    role_parsers = {
        "unit_cost": lambda s: parsed_or_raw(s, parse_numbers),
        "quantity": lambda s: parsed_or_raw(s, parse_numbers),
        "install_year": lambda s: parsed_or_raw(s, parse_years),
    }
    columns, values = [], []
    used = set(role_values(frame, mapping.get("id", []))[1])
    for key, source, fmt, width in ASSET_LAYOUT:
        if source.startswith("role:"):
            role = source[5:]
            if role == "id":
                col = frame["\0asset_id"] if len(frame) else pd.Series([], dtype=object)
                values.append(text_column(col))
            else:
                col, cols = role_values(frame, mapping.get(role, []))
                if col is None:
                    continue
                used.update(cols)
                values.append(role_parsers.get(role, text_column)(col))
        else:
            if source not in frame.columns:
                continue
            values.append(converters.get(source, text_column)(frame[source]))
        columns.append(Column(source, label(key, lang, currency), fmt, width))
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
    return {k: label(f"method.{k}", lang) for k in MATCH_METHOD_KEYS}


def _width(name, col):
    sample = col.head(200).astype(str)
    longest = int(sample.str.len().max()) if len(sample) else 0
    return float(min(40, max(8, len(str(name)) + 2, longest + 2)))
