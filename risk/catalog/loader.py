"""The reference catalog: sourced CSV files, validated, with a user folder overriding the shipped one."""

import csv
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ...plugin_paths import CATALOG_DIR
from ..safety.regex import regex_problem

SHIPPED_DIR = CATALOG_DIR


class CatalogError(ValueError):
    """A catalog file that cannot be used, with the place of the fault."""

    def __init__(self, path, row, column, message):
        self.path, self.row, self.column = path, row, column
        where = os.path.basename(path)
        if row is not None:
            where += f", row {row}"
        if column:
            where += f", column '{column}'"
        super().__init__(f"{where}: {message}")


# Cell checks: each takes the stripped text and returns an error message or None.
def _date(v):
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", v):
        return f"'{v}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    try:
        parts = [int(p) for p in v.split("-")] + [1, 1]
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return f"'{v}' is not a valid date"
    return None


def _number(lo=None, hi=None):
    def check(v):
        try:
            x = float(v)
        except ValueError:
            return f"'{v}' is not a number"
        if not math.isfinite(x):
            return f"'{v}' is not a finite number"
        if (lo is not None and x < lo) or (hi is not None and x > hi):
            return f"{v} is outside {lo}..{hi}"
        return None

    return check


def _one_of(*allowed):
    def check(v):
        bad = [p for p in v.split(";") if p.strip() and p.strip() not in allowed]
        return f"'{v}' is not one of {', '.join(allowed)}" if bad else None

    return check


def _regex(v):
    return regex_problem(v) or None


def _currency(v):
    if not re.fullmatch(r"[A-Z]{3}", v):
        return f"'{v}' is not an ISO 4217 currency code (three capital letters, e.g. EUR, USD)"
    return None


def _wikidata(v):
    if not re.fullmatch(r"Q[1-9][0-9]*", v):
        return f"'{v}' is not a Wikidata id (Q followed by digits)"
    return None


def _ident(v):
    if not re.fullmatch(r"[a-z0-9_]+", v):
        return f"'{v}' is not an identifier (lowercase letters, digits, _)"
    return None


@dataclass(frozen=True)
class FileSpec:
    key: tuple
    required: tuple
    optional: tuple = ()
    checks: dict = field(default_factory=dict)
    sourced: bool = True  # rows state facts: source and as_of required


SOURCE_COLS = ("source", "as_of")

SPECS = {
    "catalog_info.csv": FileSpec(("key",), ("key", "value"), sourced=False),
    "vendors.csv": FileSpec(
        ("vendor_id",),
        ("vendor_id", "name", "country", "bloc"),
        ("short_name", "parent_id", "kind", "wikidata", "note"),
        {"vendor_id": _ident, "bloc": _one_of("west", "china", "other"), "wikidata": _wikidata},
    ),
    "aliases.csv": FileSpec(("alias", "vendor_id"), ("alias", "vendor_id"), ("kind",)),
    "brands.csv": FileSpec(("brand",), ("brand", "vendor_id"), ("wikidata", "note"), {"wikidata": _wikidata}),
    # Past owners, dated: an asset installed while a vendor belonged to another carries that owner's
    # listings too (the current owner is vendors.csv's parent_id).
    "ownership.csv": FileSpec(
        ("vendor_id", "owner_id", "valid_from"),
        ("vendor_id", "owner_id", "valid_to"),
        ("valid_from", "note"),  # an empty valid_from: owned from the start
        {"valid_from": _date, "valid_to": _date},
    ),
    # Names found in maker fields that are not makers: shops, banks, operators (OpenStreetMap
    # `brand` often holds the shop that runs the camera).
    "non_makers.csv": FileSpec(
        ("name",),
        ("name", "kind"),
        ("wikidata",),
        {
            "kind": _one_of(
                "retailer",
                "bank",
                "fuel",
                "restaurant",
                "pharmacy",
                "hotel",
                "transport",
                "public_body",
                "other",
            ),
            "wikidata": _wikidata,
        },
    ),
    "oem.csv": FileSpec(
        ("label_vendor_id", "maker_vendor_id"),
        ("label_vendor_id", "maker_vendor_id", "status"),
        ("valid_from", "valid_to", "note"),
        {"status": _one_of("listed", "suspected"), "valid_from": _date, "valid_to": _date},
    ),
    "model_patterns.csv": FileSpec(
        ("pattern_id",),
        ("pattern_id", "vendor_id", "regex", "confidence"),
        ("asset_class", "example", "note"),
        {"regex": _regex, "confidence": _number(0, 1)},
    ),
    "lists.csv": FileSpec(
        ("list_id",),
        ("list_id", "jurisdiction", "name", "level"),
        ("authority", "measure", "in_force_from", "removal_deadline", "note"),
        {
            "list_id": _ident,
            "level": _one_of("1", "2", "3"),
            "in_force_from": _date,
            "removal_deadline": _date,
        },
    ),
    "listings.csv": FileSpec(
        ("vendor_id", "list_id"),
        ("vendor_id", "list_id", "date_added"),
        ("date_removed", "scope_classes", "scope_note"),
        {"date_added": _date, "date_removed": _date},
    ),
    "standards.csv": FileSpec(
        ("standard_id",),
        ("standard_id", "name", "openness", "bloc_support"),
        ("asset_classes", "owner_vendor_id", "aliases", "note"),
        {
            "standard_id": _ident,
            "openness": _one_of("open", "regional", "national", "proprietary"),
            "bloc_support": _one_of("west", "china", "other"),
        },
    ),
    "asset_classes.csv": FileSpec(
        ("class_id",),
        ("class_id", "name_en", "unit_cost", "install_factor", "service_life_years"),
        ("name_fr", "aliases", "default_standards", "unit_cost_low", "unit_cost_high", "currency"),
        {
            "class_id": _ident,
            "currency": _currency,
            "unit_cost": _number(0),
            "unit_cost_low": _number(0),
            "unit_cost_high": _number(0),
            "install_factor": _number(0, 20),
            "service_life_years": _number(0.5, 100),
        },
    ),
    "jurisdictions.csv": FileSpec(
        ("jurisdiction",),
        ("jurisdiction", "name", "bloc"),
        ("includes", "currency", "note"),
        {"currency": _currency},
        sourced=False,
    ),
    # 1 from_currency = rate to_currency, as of `date`: how costs in one currency are converted.
    "exchange_rates.csv": FileSpec(
        ("from_currency", "to_currency"),
        ("from_currency", "to_currency", "rate", "date"),
        ("note",),
        {"from_currency": _currency, "to_currency": _currency, "rate": _number(1e-9)},
    ),
}

# Cross-file references: (file, column, target file, target key column, cell may hold several).
REFERENCES = (
    ("vendors.csv", "parent_id", "vendors.csv", "vendor_id", False),
    ("aliases.csv", "vendor_id", "vendors.csv", "vendor_id", False),
    ("brands.csv", "vendor_id", "vendors.csv", "vendor_id", False),
    ("ownership.csv", "vendor_id", "vendors.csv", "vendor_id", False),
    ("ownership.csv", "owner_id", "vendors.csv", "vendor_id", False),
    ("oem.csv", "label_vendor_id", "vendors.csv", "vendor_id", False),
    ("oem.csv", "maker_vendor_id", "vendors.csv", "vendor_id", False),
    ("model_patterns.csv", "vendor_id", "vendors.csv", "vendor_id", False),
    ("model_patterns.csv", "asset_class", "asset_classes.csv", "class_id", False),
    ("listings.csv", "vendor_id", "vendors.csv", "vendor_id", False),
    ("listings.csv", "list_id", "lists.csv", "list_id", False),
    ("listings.csv", "scope_classes", "asset_classes.csv", "class_id", True),
    ("standards.csv", "owner_vendor_id", "vendors.csv", "vendor_id", False),
    ("standards.csv", "asset_classes", "asset_classes.csv", "class_id", True),
    ("asset_classes.csv", "default_standards", "standards.csv", "standard_id", True),
    ("jurisdictions.csv", "includes", "jurisdictions.csv", "jurisdiction", True),
)


def read_table(path, spec):
    """Read one catalog CSV into a DataFrame of stripped strings, checking every cell."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
    except UnicodeDecodeError as e:
        raise CatalogError(path, None, None, f"not UTF-8 text ({e.reason})") from e
    except csv.Error as e:
        raise CatalogError(path, None, None, f"not valid CSV ({e})") from e
    if not rows:
        raise CatalogError(path, None, None, "the file is empty (a header row is needed)")
    header = [h.strip() for h in rows[0]]
    required = _checked_header(path, header, spec)
    records = []
    for lineno, raw in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in raw):
            continue
        if len(raw) != len(header):
            raise CatalogError(path, lineno, None, f"has {len(raw)} cells, the header has {len(header)}")
        rec = {h: c.strip() for h, c in zip(header, raw)}
        _check_record(path, lineno, rec, required, spec)
        rec["_file"] = path
        rec["_row"] = lineno
        records.append(rec)
    cols = list(dict.fromkeys(list(required) + list(spec.optional) + list(SOURCE_COLS)))
    df = pd.DataFrame.from_records(records, columns=cols + ["_file", "_row"]).fillna("")
    dup = df.duplicated(subset=list(spec.key), keep=False)
    if dup.any():
        first = df[dup].iloc[1]
        raise CatalogError(path, int(first["_row"]), ",".join(spec.key), "duplicate key")
    return df


def _checked_header(path, header, spec):
    """The required columns, once the header is known to hold them and nothing unknown."""
    required = spec.required + (SOURCE_COLS if spec.sourced else ())
    for col in required:
        if col not in header:
            raise CatalogError(path, 1, col, "required column is missing")
    known = set(required) | set(spec.optional) | set(SOURCE_COLS)
    for col in header:
        if col not in known:
            raise CatalogError(path, 1, col, f"unknown column (expected {', '.join(sorted(known))})")
    return required


def _check_record(path, lineno, rec, required, spec):
    """Raise CatalogError for the first cell of a row that is missing or malformed."""
    for col in required:
        if not rec[col]:
            raise CatalogError(path, lineno, col, "value is required")
    for col, check in spec.checks.items():
        if rec.get(col):
            msg = check(rec[col])
            if msg:
                raise CatalogError(path, lineno, col, msg)
    if spec.sourced and rec.get("as_of"):
        msg = _date(rec["as_of"])
        if msg:
            raise CatalogError(path, lineno, "as_of", msg)


def _merge(base, override, key):
    """Rows of `override` replace rows of `base` with the same key; others are appended."""
    if base is None:
        return override
    k = list(key)
    keep = ~base.set_index(k).index.isin(override.set_index(k).index)
    return pd.concat([base[keep], override], ignore_index=True)


# What vendorrisk:importlists writes into a user catalog beside the catalog files: the change
# report and the entries for review.
REPORT_FILES = ("import_changes.csv", "import_review.csv")

# ISO 3166 user-assigned code the catalog files use for a headquarters country not verified
UNKNOWN_COUNTRY = "ZZ"


class Catalog:
    """All catalog tables, merged and cross-checked, with a few derived lookups."""

    def __init__(self, tables, folders):
        vendors = tables.get("vendors.csv")
        if vendors is not None and (vendors["country"] == UNKNOWN_COUNTRY).any():
            # the files need a country code; outputs show an unknown one as blank, not as 'ZZ'
            unknown = vendors["country"] == UNKNOWN_COUNTRY
            tables = {**tables, "vendors.csv": vendors.assign(country=vendors["country"].mask(unknown, ""))}
        self.tables = tables
        self.folders = folders
        info = dict(zip(tables["catalog_info.csv"]["key"], tables["catalog_info.csv"]["value"]))
        self.version = info.get("version", "")
        self.as_of = info.get("as_of", "")
        self.currency = info.get("currency", "") or "EUR"  # of the cost defaults
        # written by vendorrisk:importlists into a user catalog: the newest list file it read
        self.lists_file_date = info.get("lists_file_date", "")

    def with_tables(self, **replaced):
        """The same catalog with some tables replaced ({'asset_classes': frame})."""
        tables = dict(self.tables)
        tables.update({f"{name}.csv": frame for name, frame in replaced.items()})
        return Catalog(tables, self.folders)

    def __getattr__(self, name):
        tables = self.__dict__.get("tables", {})
        fname = f"{name}.csv"
        if fname in tables:
            return tables[fname]
        raise AttributeError(name)

    @property
    def vendor_ids(self):
        return set(self.tables["vendors.csv"]["vendor_id"])

    def ultimate_parent(self):
        """Map vendor_id -> top of its parent chain (itself when it has no parent)."""
        parent = dict(zip(self.vendors["vendor_id"], self.vendors["parent_id"]))
        out = {}
        for vid in parent:
            seen, cur = [vid], vid
            while parent.get(cur):
                cur = parent[cur]
                if cur in seen:
                    break
                seen.append(cur)
            out[vid] = cur
        return out

    def ancestors(self):
        """Map vendor_id -> tuple of itself and every parent up the chain."""
        parent = dict(zip(self.vendors["vendor_id"], self.vendors["parent_id"]))
        out = {}
        for vid in parent:
            chain, cur = [vid], vid
            while parent.get(cur) and parent[cur] not in chain:
                cur = parent[cur]
                chain.append(cur)
            out[vid] = tuple(chain)
        return out


def _check_references(tables):
    for fname, col, target, tcol, multi in REFERENCES:
        df = tables[fname]
        if col not in df.columns:
            continue
        valid = set(tables[target][tcol])
        for _, rec in df[df[col] != ""].iterrows():
            values = [v.strip() for v in rec[col].split(";")] if multi else [rec[col]]
            for v in values:
                if v and v not in valid:
                    raise CatalogError(
                        rec["_file"], int(rec["_row"]), col, f"'{v}' is not a {tcol} in {target}"
                    )


def _check_parent_cycles(tables):
    df = tables["vendors.csv"]
    parent = dict(zip(df["vendor_id"], df["parent_id"]))
    rows = dict(zip(df["vendor_id"], zip(df["_file"], df["_row"])))
    for vid in parent:
        seen, cur = {vid}, parent[vid]
        while cur:
            if cur in seen:
                f, r = rows[vid]
                raise CatalogError(f, int(r), "parent_id", f"parent chain of '{vid}' loops back")
            seen.add(cur)
            cur = parent.get(cur, "")


def load_catalog(user_folder=None, shipped_folder=SHIPPED_DIR):
    """Load the shipped catalog, overlay a user folder, validate; raise CatalogError on a fault."""
    folders = [shipped_folder] + ([user_folder] if user_folder else [])
    if user_folder and not os.path.isdir(user_folder):
        raise CatalogError(user_folder, None, None, "catalog folder does not exist")
    tables = {}
    for fname, spec in SPECS.items():
        merged = None
        for folder in folders:
            path = os.path.join(folder, fname)
            if os.path.exists(path):
                merged = _merge(merged, read_table(path, spec), spec.key)
        if merged is None:
            raise CatalogError(os.path.join(shipped_folder, fname), None, None, "file is missing")
        tables[fname] = merged.reset_index(drop=True)
    if user_folder:
        known = set(SPECS) | set(REPORT_FILES) | {"README.md"}
        for extra in sorted(os.listdir(user_folder)):
            if extra.endswith(".csv") and extra not in known:
                raise CatalogError(
                    os.path.join(user_folder, extra),
                    None,
                    None,
                    f"unknown catalog file (expected one of {', '.join(sorted(SPECS))})",
                )
    _check_references(tables)
    _check_parent_cycles(tables)
    return Catalog(tables, folders)


def shipped_jurisdictions():
    """[(code, name)] of the jurisdictions the shipped catalog knows, as its file lists them."""
    table = read_table(os.path.join(SHIPPED_DIR, "jurisdictions.csv"), SPECS["jurisdictions.csv"])
    return list(zip(table["jurisdiction"], table["name"]))
