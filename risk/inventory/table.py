"""A procurement inventory as one table: header found, columns mapped to roles, values parsed.

Each sheet's header row is the first row (among the first HEADER_SCAN non-empty ones) that
names the most roles; data rows follow it, blank and repeated-header rows skipped. Every value
that cannot be used is reported with its cell ("Inventaire!C14: 'abc' is not a number") and
left empty; the rest of the row is imported.
"""

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time

import numpy as np
import pandas as pd

from ..assessment.assets import parse_numbers, parse_years
from ..definitions import FIELD_ROLES
from ..labels import computed_headers, label, role_headers
from ..tagging.fieldmap import detect_fields
from ..tagging.normalize import field_key
from .read import InventoryError, column_letters, read_grids

HEADER_SCAN = 30
COORD_ROLES = {
    "x": ("x", "lon", "lng", "long", "longitude", "coord_x", "coordonnee_x", "x_coord", "easting"),
    "y": ("y", "lat", "latitude", "coord_y", "coordonnee_y", "y_coord", "northing"),
}
# Headers our own workbook uses come first, so an exported workbook maps back exactly.
IMPORT_ROLES = {
    **{role: tuple(role_headers()[role]) + names for role, names in FIELD_ROLES.items()},
    **COORD_ROLES,
}
# What a role column is called in a layer built from the inventory when its header is not a
# name the other algorithms recognise.
CANONICAL = {
    "id": "asset_id",
    "class": "type",
    "manufacturer": "manufacturer",
    "brand": "brand",
    "model": "model",
    "install_year": "install_year",
    "unit_cost": "unit_cost",
    "quantity": "quantity",
    "protocols": "protocols",
    "platform": "platform",
    "x": "x",
    "y": "y",
}
NUMBER_ROLES = ("unit_cost", "quantity")
ROLE_PREFIX = "role:"
_EXPORT_MARKERS = {
    field_key(h)
    for key in ("col.scenario_id", "col.risk_score")
    for h in (label(key, "en"), label(key, "fr"))
}
_COMPUTED = {field_key(h) for h in computed_headers()}


@dataclass
class InventoryTable:
    frame: pd.DataFrame  # source_sheet, source_row, role:<role> columns, other columns by header
    headers: dict  # column -> the header it came from (first sheet naming it)
    kinds: dict  # column -> str/int64/float/date/datetime/bool
    issues: list = field(default_factory=list)  # dicts: cell, sheet, row, column, field, value, message
    log: list = field(default_factory=list)  # what was found, for the user
    skipped: list = field(default_factory=list)  # computed columns of an exported workbook
    letters: object = None  # per row: column -> spreadsheet column letter
    flagged: set = field(default_factory=set)  # (row position, column) already reported

    def role(self, role):
        col = ROLE_PREFIX + role
        return col if col in self.frame.columns else None


def cell_ref(sheet, row, col):
    """Excel-style reference: Inventaire!C14, 'Mon inventaire'!C14."""
    letter = column_letters(col) if isinstance(col, int) else col
    name = sheet if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{letter}{row}"


def issue(sheet, row, col, header, value, message):
    letter = column_letters(col) if isinstance(col, int) else (col or "")
    return {
        "cell": cell_ref(sheet, row, letter) if letter else f"{sheet}!{row}",
        "sheet": sheet,
        "row": int(row),
        "column": letter,
        "field": header or "",
        "value": "" if value is None else cell_text(value),
        "message": message,
    }


def describe(item):
    return f"{item['cell']}: {item['message']}"


# -- header ---------------------------------------------------------------------------------------
def _header_names(row):
    return [v for v in row if isinstance(v, str) and v.strip()]


def _role_map(names, overrides):
    """role -> header among `names` (overrides that are present win)."""
    present = {r: v for r, v in (overrides or {}).items() if v and v in names}
    keys = {field_key(n) for n in names}
    pool = names
    if len(keys & _EXPORT_MARKERS) >= 2:  # our own workbook: computed columns are not inputs
        pool = [n for n in names if field_key(n) not in _COMPUTED]
    mapping = detect_fields(pool, present, IMPORT_ROLES) if pool else {}
    return {r: h for r, h in mapping.items() if h}


def find_header(grid, overrides=None, header_row=None, min_roles=2):
    """(row index, role map) of the header row, or (None, {}) when none is recognisable."""
    if header_row:
        idx = int(header_row) - 1
        if idx >= len(grid.rows) or not _header_names(grid.rows[idx]):
            return None, {}
        return idx, _role_map(_header_names(grid.rows[idx]), overrides)
    best, seen = (None, {}), 0
    for idx, row in enumerate(grid.rows):
        names = _header_names(row)
        if not any(v is not None for v in row):
            continue
        seen += 1
        if seen > HEADER_SCAN:
            break
        if len(names) < 2:
            continue
        roles = _role_map(names, overrides)
        if len(roles) >= min_roles and len(roles) > len(best[1]):
            best = (idx, roles)
    return best


# -- reading --------------------------------------------------------------------------------------
def read_inventory(path, sheets=None, overrides=None, header_row=None):
    """Read every sheet with a recognisable header (or the named ones) into one table."""
    grids = read_grids(path, sheets)
    overrides = {r: v for r, v in (overrides or {}).items() if v}
    unknown = [r for r in overrides if r not in IMPORT_ROLES]
    if unknown:
        raise InventoryError(f"unknown field role(s) {', '.join(unknown)} (known: {', '.join(IMPORT_ROLES)})")
    parts, log, issues, skipped, headers = [], [], [], [], {}
    explicit = bool(sheets) or len([g for g in grids if not g.hidden]) == 1
    for grid in grids:
        if grid.hidden:
            log.append(f"{grid.name}: a hidden sheet, not read (name it in SHEET to read it)")
            continue
        idx, roles = find_header(grid, overrides, header_row, min_roles=1 if explicit else 2)
        if idx is None or not roles:
            if explicit:
                raise InventoryError(
                    f"{grid.name}: no header row found in the first {HEADER_SCAN} rows (expected "
                    f"column names such as asset_id, manufacturer, model, unit_cost, longitude; "
                    f"set HEADER_ROW or the FIELD_ parameters)"
                )
            log.append(f"{grid.name}: skipped (no recognisable header row)")
            continue
        part, sheet_headers, sheet_skipped = _sheet_frame(grid, idx, roles)
        header_cells = grid.rows[idx]
        for row, col in grid.uncomputed:
            if row > idx + 1 and row in set(part["source_row"]):
                head = header_cells[col - 1] if col - 1 < len(header_cells) else None
                issues.append(
                    issue(
                        grid.name,
                        row,
                        col,
                        cell_text(head) if head else "",
                        None,
                        "a formula whose result was never saved (the file was "
                        "written by a program that does not compute formulas): "
                        "read as empty; open and save the file in a spreadsheet "
                        "to store its results",
                    )
                )
        for row in sorted(grid.notes):
            if row > idx + 1:
                log.append(f"{grid.name}: row {row} is a merged note, not an asset: skipped")
        for col, h in sheet_headers.items():
            headers.setdefault(col, h)
        skipped += [s for s in sheet_skipped if s not in skipped]
        log.append(
            f"{grid.name}: header on row {idx + 1}, {len(part)} data rows; "
            + ", ".join(f"{h} → {r}" for r, h in roles.items())
        )
        parts.append((grid.name, part, roles))
    if not parts:
        raise InventoryError(
            "no sheet with a recognisable header row (expected column names such "
            "as asset_id, manufacturer, model, unit_cost, longitude)"
        )
    for role, header in overrides.items():
        if not any(r.get(role) == header for _, _, r in parts):
            raise InventoryError(f"column '{header}' given for {role} is not a header of any sheet read")
    frame = pd.concat([p for _, p, _ in parts], ignore_index=True, sort=False)
    frame = frame[
        ["source_sheet", "source_row"]
        + [c for c in frame.columns if c not in ("source_sheet", "source_row", "\0col")]
    ]
    letters = pd.concat([p["\0col"] for _, p, _ in parts], ignore_index=True)
    table = InventoryTable(frame.reset_index(drop=True), headers, {}, issues, log, skipped, letters)
    _parse_columns(table)
    return table


def _sheet_frame(grid, idx, roles):
    """The data rows under the header, as a DataFrame keyed by role/header names."""
    header_row = grid.rows[idx]
    by_header = {h: r for r, h in roles.items()}
    computed = set()
    names = _header_names(header_row)
    if len({field_key(n) for n in names} & _EXPORT_MARKERS) >= 2:
        computed = {n for n in names if field_key(n) in _COMPUTED and n not in by_header}
    width = max((len(r) for r in grid.rows[idx:]), default=0)
    columns, seen = [], set()
    for j in range(width):
        h = header_row[j] if j < len(header_row) else None
        h = cell_text(h).strip() if h is not None else ""
        if h in computed:
            columns.append(None)
            continue
        if h in by_header and ROLE_PREFIX + by_header[h] not in seen:
            name = ROLE_PREFIX + by_header[h]
        else:
            name = h or f"column_{column_letters(j + 1)}"
            base, k = name, 2
            while name in seen or name.startswith(ROLE_PREFIX):
                name, k = f"{base} ({k})", k + 1
        seen.add(name)
        columns.append(name)
    records, rows_no = [], []
    header_values = [v for v in header_row]
    for i in range(idx + 1, len(grid.rows)):
        row = grid.rows[i]
        if not any(v is not None for v in row) or i + 1 in grid.notes:
            continue
        if row[: len(header_values)] == header_values:
            continue  # a header repeated (printed reports)
        records.append([row[j] if j < len(row) else None for j in range(width)])
        rows_no.append(i + 1)
    keep = [j for j, c in enumerate(columns) if c is not None]
    data = {columns[j]: [r[j] for r in records] for j in keep}
    # Unnamed columns that hold nothing are dropped.
    for j in keep:
        c = columns[j]
        if c.startswith("column_") and all(v is None for v in data[c]):
            del data[c]
    part = pd.DataFrame(data, dtype=object)
    part.insert(0, "source_row", rows_no)
    part.insert(0, "source_sheet", grid.name)
    letters = {columns[j]: column_letters(j + 1) for j in keep}
    part["\0col"] = [letters] * len(part)
    headers = {
        columns[j]: (
            cell_text(header_row[j]) if j < len(header_row) and header_row[j] is not None else columns[j]
        )
        for j in keep
        if columns[j] in part
    }
    return part, headers, sorted(computed)


def cell_text(v):
    """A cell value as text: 12.0 -> '12', dates as ISO."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if math.isfinite(v) and v.is_integer() and abs(v) < 1e15:
            return str(int(v))
        return repr(v)
    if isinstance(v, datetime):
        return v.date().isoformat() if v.time() == time(0) else v.isoformat(sep=" ")
    if isinstance(v, (date, time)):
        return v.isoformat()
    return str(v).strip()


# -- parsing --------------------------------------------------------------------------------------
def _parse_columns(table):
    f = table.frame
    sheets, rows = f["source_sheet"].to_numpy(), f["source_row"].to_numpy()

    def report(mask, col, values, message):
        for i in np.flatnonzero(mask):
            table.flagged.add((int(i), col))
            table.issues.append(
                issue(
                    sheets[i],
                    rows[i],
                    _column_letter(table, col, i),
                    table.headers.get(col, col),
                    values[i],
                    message(values[i]),
                )
            )

    this_year = date.today().year
    for col in list(f.columns):
        if col in ("source_sheet", "source_row"):
            continue
        raw = f[col].astype(object)
        raw = raw.where(raw.notna(), None)  # sheets without this column: None, not NaN
        given = raw.notna().to_numpy()
        role = col[len(ROLE_PREFIX) :] if col.startswith(ROLE_PREFIX) else None
        values = raw.to_numpy()
        if role in NUMBER_ROLES:
            num = parse_numbers(raw.map(cell_text)).to_numpy(float)
            bad = given & np.isnan(num)
            report(bad, col, values, lambda v: f"'{cell_text(v)}' is not a number")
            neg = given & ~np.isnan(num) & (num < 0)
            what = "a unit cost" if role == "unit_cost" else "a quantity"
            report(
                neg, col, values, lambda v, w=what: f"{cell_text(v)} is negative: {w} must be zero or more"
            )
            num[bad | neg] = np.nan
            f[col] = num
            table.kinds[col] = "float"
        elif role == "install_year":
            yrs = parse_years(raw.map(cell_text)).to_numpy(float)
            bad = given & np.isnan(yrs)
            report(bad, col, values, lambda v: f"'{cell_text(v)}' is not a year")
            odd = given & ~np.isnan(yrs) & ((yrs < 1950) | (yrs > this_year + 1))
            report(
                odd,
                col,
                values,
                lambda v: f"{cell_text(v)} is not a plausible install year (1950..{this_year + 1})",
            )
            yrs[bad | odd] = np.nan
            f[col] = yrs
            table.kinds[col] = "int64"
        elif role in ("x", "y"):
            num = np.array([parse_coordinate(v) for v in values], dtype=float)
            bad = given & np.isnan(num)
            report(bad, col, values, lambda v: f"'{cell_text(v)}' is not a number")
            f[col] = num
            table.kinds[col] = "float"
        elif role is not None:
            f[col] = [None if v is None else (cell_text(v) or None) for v in values]
            table.kinds[col] = "str"
        else:
            f[col], table.kinds[col] = _infer(values)


def parse_coordinate(v):
    """A coordinate typed as a number or text ('45,764', '4.835 ', '−0,57')."""
    if v is None or isinstance(v, bool):
        return np.nan
    if isinstance(v, (int, float)):
        return float(v) if math.isfinite(v) else np.nan
    s = str(v).strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if "," in s and "." not in s:
        s = s.replace(",", ".")
    try:
        x = float(s)
    except ValueError:
        return np.nan
    return x if math.isfinite(x) else np.nan


def _infer(values):
    """Kind of a column that plays no role: numbers, dates, booleans or text."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return list(values), "bool"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        if all(float(v).is_integer() and abs(v) < 2**53 for v in present):
            return [None if v is None else int(v) for v in values], "int64"
        return [np.nan if v is None else float(v) for v in values], "float"
    if present and all(isinstance(v, datetime) for v in present):
        if all(v.time() == time(0) for v in present):
            return [None if v is None else v.date() for v in values], "date"
        return list(values), "datetime"
    if present and all(isinstance(v, date) and not isinstance(v, datetime) for v in present):
        return list(values), "date"
    return [None if v is None else (cell_text(v) or None) for v in values], "str"


def check_coordinates(table, geographic):
    """Rows without usable coordinates are reported; with a geographic CRS, longitudes must lie
    in -180..180 and latitudes in -90..90."""
    x, y = table.role("x"), table.role("y")
    if x is None or y is None:
        return
    f = table.frame
    for col, limit, what in ((x, 180, "longitude"), (y, 90, "latitude")):
        v = f[col].to_numpy(float).copy()
        bad = ~np.isnan(v) & (np.abs(v) > limit) if geographic else np.zeros(len(v), bool)
        for i in np.flatnonzero(bad):
            sheet, row = f["source_sheet"].iat[i], int(f["source_row"].iat[i])
            table.flagged.add((int(i), col))
            table.issues.append(
                issue(
                    sheet,
                    row,
                    _column_letter(table, col, i),
                    table.headers.get(col, col),
                    v[i],
                    f"{cell_text(float(v[i]))} is not a {what} (-{limit}..{limit}): "
                    f"set CRS for projected coordinates",
                )
            )
        v[bad] = np.nan
        f[col] = v
    missing = np.isnan(f[x].to_numpy(float)) | np.isnan(f[y].to_numpy(float))
    for i in np.flatnonzero(missing):
        sheet, row = f["source_sheet"].iat[i], int(f["source_row"].iat[i])
        if (int(i), x) not in table.flagged and (int(i), y) not in table.flagged:
            col = x if np.isnan(f[x].iat[i]) else y
            table.issues.append(
                issue(
                    sheet,
                    row,
                    _column_letter(table, col, i),
                    table.headers.get(col, col),
                    None,
                    "no coordinates: imported without a geometry",
                )
            )


def _column_letter(table, col, i):
    return table.letters.iat[i].get(col, "") if table.letters is not None else ""


def output_name(role, header):
    """A role column keeps its header when the other algorithms recognise it, else a plain name."""
    if role in FIELD_ROLES and header and detect_fields([header]).get(role) == header:
        return header
    if role in COORD_ROLES and header:
        return header
    return CANONICAL[role]
