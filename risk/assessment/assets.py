"""Turn tagged input rows into the engine's asset table, reporting every value it had to fix."""

import numpy as np
import pandas as pd

from ..columns import text, text_codes

# Beyond these a typed number is a mistake (or an overflow waiting to happen), never a cost:
# a billion per unit is more than any city asset; ten million units more than any city holds.
MAX_UNIT_COST = 1e9
MAX_QUANTITY = 1e7

ASSET_COLUMNS = (
    "asset_id",
    "platform_id",
    "vendor_id",
    "oem_maker_id",
    "oem_status",
    "asset_class",
    "standards",
    "install_year",
    "quantity",
    "unit_cost",
    "cost_assumed",
    "year_assumed",
    "install_factor",
    "service_life",
    "unit_cost_low",
    "unit_cost_high",
)


def parse_numbers(series):
    """Numbers as cities type them ('1 200', '1200,50', '€ 900') -> float, NaN when not a number."""
    if pd.api.types.is_numeric_dtype(series):
        return pd.to_numeric(series, errors="coerce").astype(float)
    codes, values = text_codes(series)
    parsed = np.array([_parse_number(v) for v in values], dtype=float)
    return pd.Series(parsed[codes], index=series.index)


# Currency marks a typed cost may carry, longest first ('US$' before '$').
CURRENCY_MARKS = (
    ("US$", "USD"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("€", "EUR"),
    ("$", "USD"),
    ("£", "GBP"),
    ("¥", "CNY"),
    ("元", "CNY"),
)


def money_currency(text):
    """The currency a typed cost names ('$ 1,200' -> 'USD'), or None."""
    s = str(text).upper()
    return next((code for mark, code in CURRENCY_MARKS if mark in s), None)


def currency_factors(series, target, rate_of):
    """Per row: the factor that converts a typed cost into `target` (1 when it names no
    currency or `target`; NaN when `rate_of(currency)` knows no rate), and the currencies seen."""
    if series is None or pd.api.types.is_numeric_dtype(series):
        return None, {}
    codes, values = text_codes(series)
    found = [money_currency(v) for v in values]
    rates = {c: rate_of(c) for c in set(found) if c and c != target}
    factors = np.array([1.0 if not c or c == target else rates[c] or np.nan for c in found], dtype=float)
    return pd.Series(factors[codes], index=series.index), rates


def _parse_number(text):
    s = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    upper = s.upper()
    for mark, _ in CURRENCY_MARKS:
        upper = upper.replace(mark, "")
    s = upper
    if not s:
        return np.nan
    if "," in s and "." in s:
        s = s.replace(",", "") if s.rfind(".") > s.rfind(",") else s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".") if len(s) - s.rfind(",") != 4 else s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return np.nan


def parse_years(series):
    """Install years from integers, dates or text ('2019', '2019-05-02', '05/2019')."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return series.dt.year.astype(float)
    if pd.api.types.is_numeric_dtype(series):
        return pd.to_numeric(series, errors="coerce").astype(float)
    codes, values = text_codes(series)
    parsed = np.array([_parse_year(v) for v in values], dtype=float)
    return pd.Series(parsed[codes], index=series.index)


def _parse_year(text):
    import re

    s = text.strip()
    if not s:
        return np.nan
    if hasattr(text, "year"):
        return float(text.year)
    m = re.search(r"(19|20)\d{2}", s)
    return float(m.group(0)) if m else np.nan


def _fill_blank_ids(values):
    blank = pd.isna(values) | (values == "")
    if blank.any():
        values[blank] = ["row-" + str(i + 1) for i in np.flatnonzero(blank)]
    return values


def _given(series):
    """True where a value was typed (not null, not blank)."""
    if pd.api.types.is_numeric_dtype(series) or pd.api.types.is_datetime64_any_dtype(series):
        return series.notna()
    return text(series) != ""


class DataIssues:
    """Rows whose values the engine could not use as given, each with the field and what was done."""

    def __init__(self):
        self.rows = []

    def add(self, ids, field, message, values=None):
        ids = list(ids)
        vals = list(values) if values is not None else [""] * len(ids)
        self.rows.extend(
            {"asset_id": str(i), "field": field, "value": str(v), "message": message}
            for i, v in zip(ids, vals)
        )

    def frame(self):
        return pd.DataFrame(self.rows, columns=["asset_id", "field", "value", "message"])

    def __len__(self):
        return len(self.rows)


def _typed_costs(cost_raw, ids, fields, catalog, issues, rate_of):
    """The unit costs the layer gives, in the catalog's currency (NaN: the class default)."""
    cost = parse_numbers(cost_raw) if cost_raw is not None else pd.Series(np.nan, index=ids.index)
    if cost_raw is not None:
        given = _given(cost_raw)
        bad = given & ~(np.isfinite(cost) & (cost >= 0) & (cost <= MAX_UNIT_COST))
        if bad.any():
            issues.add(
                ids[bad],
                fields["unit_cost"],
                f"unit cost is not a number from 0 to {MAX_UNIT_COST:,.0f}: class default used",
                cost_raw[bad],
            )
        cost = cost.where(~bad)
        factor, _ = currency_factors(cost_raw, catalog.currency, rate_of or (lambda c: None))
        if factor is not None:
            unknown = given & ~bad & factor.isna()
            if unknown.any():
                issues.add(
                    ids[unknown],
                    fields["unit_cost"],
                    f"unit cost in another currency, with no exchange rate to {catalog.currency} "
                    "in the catalog: class default used",
                    cost_raw[unknown],
                )
            cost = cost * factor
    return cost


def prepare_assets(frame, fields, catalog, reference_year, issues=None, rate_of=None):
    """The engine's view of the assets: ids, class, vendor, numbers parsed and defaults filled.
    `rate_of(currency)`: the factor into the catalog's currency (None: no rate), for costs
    typed with another currency's mark."""
    issues = issues if issues is not None else DataIssues()
    n = len(frame)
    out = pd.DataFrame(index=frame.index)

    def col(role):
        name = fields.get(role)
        return frame[name] if name and name in frame.columns else None

    ids = col("id")
    if ids is None:
        out["asset_id"] = pd.Series(np.arange(1, n + 1), index=frame.index).astype(str)
    elif isinstance(ids.dtype, pd.CategoricalDtype) or not pd.api.types.is_object_dtype(ids):
        out["asset_id"] = _fill_blank_ids(text(ids).astype(object).to_numpy())
    else:  # id-like text: kept as typed (no per-value clean-up on a million ids)
        out["asset_id"] = _fill_blank_ids(ids.to_numpy(dtype=object, copy=True))
    plat = col("platform")
    out["platform_id"] = text(plat) if plat is not None else text(None, frame.index)
    for c in ("vendor_id", "oem_maker_id", "oem_status", "asset_class", "standards"):
        out[c] = text(frame[c]) if c in frame.columns else text(None, frame.index)
    classes = catalog.asset_classes.set_index("class_id")
    known = out["asset_class"].isin(classes.index).to_numpy()
    if not known.all():
        bad = out.loc[~known]
        issues.add(
            bad["asset_id"], "asset_class", "unknown asset class: costed as 'other'", bad["asset_class"]
        )
        fallback = "other" if "other" in classes.index else classes.index[0]
        out["asset_class"] = text(out["asset_class"].astype(object).where(known, fallback))
    cls = out["asset_class"]
    for src, dst in (("install_factor", "install_factor"), ("service_life_years", "service_life")):
        out[dst] = cls.map(pd.to_numeric(classes[src], errors="coerce")).astype(float)
    if "service_life_years" in frame.columns:  # an asset's own life (an offer's line) when given
        own = parse_numbers(frame["service_life_years"])
        out["service_life"] = own.where(own.between(0.5, 100), out["service_life"]).astype(float)
    mid = pd.to_numeric(classes["unit_cost"], errors="coerce")
    low = pd.to_numeric(classes["unit_cost_low"], errors="coerce").fillna(mid)
    high = pd.to_numeric(classes["unit_cost_high"], errors="coerce").fillna(mid)
    default_cost = cls.map(mid).astype(float)

    cost = _typed_costs(col("unit_cost"), out["asset_id"], fields, catalog, issues, rate_of)
    out["cost_assumed"] = cost.isna()
    out["unit_cost"] = cost.fillna(default_cost)
    # Asset-specific costs are certain; defaults carry the class's low/high range.
    ratio_low = (cls.map(low) / cls.map(mid)).astype(float).fillna(1.0)
    ratio_high = (cls.map(high) / cls.map(mid)).astype(float).fillna(1.0)
    out["unit_cost_low"] = np.where(out["cost_assumed"], out["unit_cost"] * ratio_low, out["unit_cost"])
    out["unit_cost_high"] = np.where(out["cost_assumed"], out["unit_cost"] * ratio_high, out["unit_cost"])

    qty_raw = col("quantity")
    qty = parse_numbers(qty_raw) if qty_raw is not None else pd.Series(1.0, index=frame.index)
    if qty_raw is not None:
        given = _given(qty_raw)
        bad = given & ~(np.isfinite(qty) & (qty >= 0) & (qty <= MAX_QUANTITY))
        if bad.any():
            issues.add(
                out.loc[bad, "asset_id"],
                fields["quantity"],
                f"quantity is not a number from 0 to {MAX_QUANTITY:,.0f}: 1 used",
                qty_raw[bad],
            )
        qty = qty.where(~bad)
    out["quantity"] = qty.fillna(1.0)

    year_raw = col("install_year")
    year = parse_years(year_raw) if year_raw is not None else pd.Series(np.nan, index=frame.index)
    implausible = year.notna() & ~((year >= 1950) & (year <= reference_year + 1))
    if implausible.any():
        issues.add(
            out.loc[implausible, "asset_id"],
            fields["install_year"],
            f"install year outside 1950..{reference_year + 1}: treated as unknown",
            year_raw[implausible],
        )
        year = year.where(~implausible)
    if year_raw is not None:
        given = _given(year_raw)
        unreadable = given & year.isna() & ~implausible
        if unreadable.any():
            issues.add(
                out.loc[unreadable, "asset_id"],
                fields["install_year"],
                "install year not readable: treated as unknown",
                year_raw[unreadable],
            )
    out["year_assumed"] = year.isna()
    # Unknown install year: assume the asset is new (the most value at stake), flagged.
    out["install_year"] = year.fillna(float(reference_year))
    return out[list(ASSET_COLUMNS)], issues
