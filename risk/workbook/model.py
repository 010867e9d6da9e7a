"""The workbook's plain data: tables of cleaned cell values, and the cleaning itself.

Every text that reaches a cell passes `clean_text`: formulas neutralised, control characters
dropped, length capped at Excel's limit. Column-wise helpers clean each distinct value once.
"""

import math
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..labels import label
from ..safety.text import safe_text

# The control characters an .xlsx cannot hold (as openpyxl defines them; here so that the model
# imports without openpyxl)
XML_ILLEGAL = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_TEXT = 32_767


@dataclass
class AssessmentTables:
    """What an assessment GeoPackage holds, read into memory (layers without geometry)."""

    layers: dict  # scenario id -> DataFrame of the risk_<id> layer's attributes, in fid order
    scenario_summary: pd.DataFrame
    vendor_summary: pd.DataFrame
    run_info: dict
    data_issues: pd.DataFrame
    source: str = ""  # how the report names it: the file's name, or database and schema
    folder: str = ""  # the GeoPackage's folder, that run_info's file names are relative to


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
    currency: str  # of every amount (ISO 4217)
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
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    s = value if type(value) is str else str(value)
    if not s or s.isspace():
        return None
    s = safe_text(s)
    if not s.isprintable():  # tabs and line breaks are fine; control characters are not
        s = XML_ILLEGAL.sub("", s)
    if not s or s.isspace():
        return None
    if len(s) > EXCEL_MAX_TEXT:
        s = s[: EXCEL_MAX_TEXT - 1] + "…"
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
    cleaned = np.array([clean_text(mapping.get(_key(u), u)) for u in uniques] + [None], dtype=object)
    return cleaned[np.where(codes < 0, len(uniques), codes)].tolist()


def _key(v):
    if isinstance(v, (bool, np.bool_)):
        return int(v)
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def bool_column(series, lang):
    """Booleans as the reader's yes/no (LibreOffice shows a bare boolean cell as 0/1)."""
    words = {True: label("yes", lang), False: label("no", lang)}
    codes, uniques = pd.factorize(series.to_numpy(), sort=False)
    values = np.array([words.get(_bool(u)) for u in uniques] + [None], dtype=object)
    return values[np.where(codes < 0, len(uniques), codes)].tolist()


def _bool(v):
    if isinstance(v, str):
        return {"1": True, "0": False, "true": True, "false": False}.get(v.strip().lower())
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    return bool(v)


def parsed_or_raw(series, parser):
    """Numbers as numbers; a value the engine could not read stays as typed so it can be fixed."""
    parsed = parser(series)
    values = parsed.to_numpy(dtype=float)
    missing = np.isnan(values)
    out = values.astype(object)
    out[missing] = None
    if missing.any() and not pd.api.types.is_numeric_dtype(series):
        raw = series.to_numpy(dtype=object)
        for i in np.flatnonzero(missing):
            out[i] = clean_text(raw[i])  # blank stays None, unreadable text stays as typed
    return out.tolist()


def sheet_plan(n_rows, base_name, row_limit=EXCEL_MAX_ROWS):
    """Names of the sheets `n_rows` data rows fill (one header row each) and rows per sheet."""
    per_sheet = max(1, int(row_limit) - 1)
    n_sheets = max(1, math.ceil(n_rows / per_sheet))
    names = [base_name] + [f"{base_name} ({i})" for i in range(2, n_sheets + 1)]
    return names, per_sheet


# -- shared look-ups -----------------------------------------------------------------------------
def int_or_text(v):
    try:
        return int(str(v))
    except ValueError:
        return v


def vendor_names(context):
    if context.catalog is None:
        return {}
    v = context.catalog.vendors
    return dict(zip(v["vendor_id"], v["short_name"].where(v["short_name"] != "", v["name"])))


def scenario_weights(summary):
    if not len(summary):
        return {}
    w = summary["weight"] if "weight" in summary else summary["probability"]
    return dict(zip(summary["scenario_id"], pd.to_numeric(w, errors="coerce").fillna(0.0)))
