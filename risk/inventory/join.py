"""Join an inventory to an asset layer's attributes by id: its values replace or add columns.

Only features whose id the inventory names change; a blank or unreadable inventory cell keeps
the layer's value. When several inventory rows share an id (an exported workbook lists each
asset once per scenario) and disagree, the value that differs from the layer's is the edit and
wins; two different edits are reported and the first is used.
"""

import numpy as np
import pandas as pd

from ..assessment.assets import parse_numbers, parse_years
from ..tagging.fieldmap import detect_fields
from .read import InventoryError
from .table import ROLE_PREFIX, InventoryTable, cell_text, issue, output_name

NUMERIC = ("int", "int64", "float")


def key_text(series):
    """Ids compared as text: 12, 12.0 and ' 12' are the same id."""
    return pd.Series(
        [
            cell_text(v) if v is not None and not (isinstance(v, float) and np.isnan(v)) else ""
            for v in series
        ],
        index=series.index,
        dtype=object,
    )


def join_inventory(layer_frame, layer_kinds, key_field, table: InventoryTable, layer_name=""):
    """(frame, kinds, stats): a copy of the layer's attributes updated from the inventory."""
    id_col = table.role("id")
    if id_col is None:
        raise InventoryError(
            "the inventory has no id column to join on (expected a header such "
            "as asset_id, id, identifiant, ref; or set FIELD_ID)"
        )
    if key_field not in layer_frame.columns:
        raise InventoryError(
            f"the join field '{key_field}' is not a field of the layer "
            f"(fields: {', '.join(map(str, layer_frame.columns))})"
        )
    inv = table.frame
    layer_keys = key_text(layer_frame[key_field])
    inv_keys = key_text(inv[id_col])
    known = set(layer_keys) - {""}
    blank = (inv_keys == "").to_numpy()
    matched = inv_keys.isin(known).to_numpy() & ~blank
    letters = table.letters
    id_header = table.headers.get(id_col, id_col)

    def where(i, col):
        return (
            inv["source_sheet"].iat[i],
            inv["source_row"].iat[i],
            letters.iat[i].get(col, "") if letters is not None else "",
        )

    for i in np.flatnonzero(blank):
        s, r, c = where(i, id_col)
        table.issues.append(issue(s, r, c, id_header, None, "no id: the row cannot be joined"))
    seen = set()
    for i in np.flatnonzero(~matched & ~blank):
        k = inv_keys.iat[i]
        if k in seen:
            continue
        seen.add(k)
        s, r, c = where(i, id_col)
        table.issues.append(
            issue(
                s,
                r,
                c,
                id_header,
                k,
                f"id '{k}' matches no feature of {layer_name or 'the layer'} (field {key_field})",
            )
        )

    layer_roles = {
        r: f for r, f in detect_fields(list(map(str, layer_frame.columns))).items() if f and f != key_field
    }
    out = layer_frame.copy()
    kinds = dict(layer_kinds)
    stats = {
        "rows_matched": int(matched.sum()),
        "rows_unmatched": int((~matched).sum()),
        "features_updated": 0,
        "replaced": [],
        "added": [],
    }
    updated = np.zeros(len(out), dtype=bool)
    rows = np.flatnonzero(matched)
    for col in inv.columns:
        if col in (id_col, "source_sheet", "source_row"):
            continue
        role = col[len(ROLE_PREFIX) :] if col.startswith(ROLE_PREFIX) else None
        target = layer_roles.get(role) if role else None
        target = target or (output_name(role, table.headers.get(col)) if role else col)
        kind = table.kinds.get(col, "str")
        values = inv[col].to_numpy(dtype=object)[rows]
        present = np.array([not _missing(v) for v in values], dtype=bool)
        if not present.any():
            continue
        keys, values, at = inv_keys.to_numpy()[rows][present], values[present], rows[present]
        current = _current(out, target, role, layer_keys)
        chosen = _resolve(keys, values, at, current, kind, table, col, where)
        exists = target in out.columns
        new_kind = _merged_kind(kinds.get(target) if exists else None, kind, chosen.values())
        column = out[target].astype(object) if exists else pd.Series(None, index=out.index, dtype=object)
        if new_kind == "str" and kinds.get(target) != "str":
            column = column.map(lambda v: None if _missing(v) else cell_text(v))
        hit = layer_keys.isin(chosen.keys()).to_numpy()
        new_values = layer_keys[hit].map(chosen)
        if new_kind == "str":
            new_values = new_values.map(lambda v: None if _missing(v) else cell_text(v))
        column[hit] = new_values.to_numpy()
        out[target] = _typed(column, new_kind)
        kinds[target] = new_kind
        updated |= hit
        stats["replaced" if exists else "added"].append(target)
    stats["features_updated"] = int(updated.sum())
    return out, kinds, stats


def _missing(v):
    return v is None or (isinstance(v, float) and np.isnan(v))


def _comparable(v, kind):
    if _missing(v):
        return None
    if kind in NUMERIC:
        try:
            return float(v)
        except (TypeError, ValueError):
            return None
    return cell_text(v)


def _current(frame, target, role, layer_keys):
    """id -> the layer's present value of the target column, comparable to imported values."""
    if target not in frame.columns:
        return {}
    col = frame[target]
    if role in ("unit_cost", "quantity"):
        col = parse_numbers(col)
    elif role == "install_year":
        col = parse_years(col)
    first = ~layer_keys.duplicated()
    return dict(zip(layer_keys[first], col[first]))


def _resolve(keys, values, at, current, kind, table, col, where):
    """id -> value; for ids listed several times with different values, the edit wins."""
    comp = [_comparable(v, kind) for v in values]
    frame = pd.DataFrame({"k": keys, "c": comp, "i": np.arange(len(keys))})
    distinct = frame.drop_duplicates(["k", "c"])
    counts = distinct["k"].value_counts()
    chosen = {}
    simple = distinct[distinct["k"].map(counts) == 1]
    for k, i in zip(simple["k"], simple["i"]):
        chosen[k] = values[i]
    for k in counts.index[counts > 1]:
        options = distinct[distinct["k"] == k]
        now = _comparable(current.get(k), kind)
        edits = options[options["c"] != now]
        pick = int(edits["i"].iloc[0]) if len(edits) else int(options["i"].iloc[0])
        chosen[k] = values[pick]
        if len(edits) > 1:
            rows = ", ".join(str(where(at[i], col)[1]) for i in edits["i"])
            s, r, c = where(at[pick], col)
            table.issues.append(
                issue(
                    s,
                    r,
                    c,
                    table.headers.get(col, col),
                    values[pick],
                    f"id '{k}' has different new values in rows {rows}: "
                    f"{cell_text(values[pick])} (row {r}) used",
                )
            )
    return chosen


def _merged_kind(layer_kind, inv_kind, values):
    if layer_kind is None or layer_kind == inv_kind:
        if inv_kind in ("int", "int64") and any(
            not _missing(v) and not float(v).is_integer() for v in values
        ):
            return "float"
        return inv_kind
    if layer_kind in NUMERIC and inv_kind in NUMERIC:
        if layer_kind != "float" and any(not _missing(v) and not float(v).is_integer() for v in values):
            return "float"
        return layer_kind
    return "str"


def _typed(column, kind):
    if kind in NUMERIC:
        return pd.to_numeric(column, errors="coerce")
    return column
