"""Costs in one currency: the catalog's cost defaults converted with its dated rate table.

`exchange_rates.csv` says 1 from_currency = rate to_currency as of a date; a rate is used
directly, inverted, or through one common currency (USD -> EUR -> GBP). A currency that no
rate reaches is refused, never mixed in unconverted.
"""

from dataclasses import dataclass

import pandas as pd

COST_COLUMNS = ("unit_cost", "unit_cost_low", "unit_cost_high")


class CurrencyError(ValueError):
    pass


@dataclass(frozen=True)
class Rate:
    source: str
    target: str
    rate: float
    date: str
    note: str  # how it was found: the rows used, their dates and notes

    def describe(self):
        return f"1 {self.source} = {self.rate:.6g} {self.target} ({self.note})"


def _rates(catalog):
    table = catalog.exchange_rates
    out = {}
    for r in table.itertuples(index=False):
        kind = str(getattr(r, "source", "")).split(";")[0].strip()
        where = f"{r.date}, {kind}" if kind == "assumption" else r.date
        out[(r.from_currency, r.to_currency)] = (float(r.rate), r.date, where)
    return out


def find_rate(catalog, source, target):
    """The Rate from `source` to `target`, or None when the table cannot reach it."""
    if source == target:
        return Rate(source, target, 1.0, "", "same currency")
    rates = _rates(catalog)

    def step(a, b):
        if (a, b) in rates:
            return rates[(a, b)]
        if (b, a) in rates:
            r, d, where = rates[(b, a)]
            return 1.0 / r, d, f"inverse of {b}->{a}, {where}"
        return None

    direct = step(source, target)
    if direct:
        return Rate(source, target, direct[0], direct[1], f"{source}->{target}, {direct[2]}")
    pivots = sorted({c for pair in rates for c in pair} - {source, target})
    for via in pivots:
        a, b = step(source, via), step(via, target)
        if a and b:
            return Rate(
                source,
                target,
                a[0] * b[0],
                min(a[1], b[1]),
                f"through {via}: {source}->{via} {a[2]}; {via}->{target} {b[2]}",
            )
    return None


def known_currencies(catalog):
    table = catalog.exchange_rates
    return sorted(set(table["from_currency"]) | set(table["to_currency"]) | {catalog.currency})


def costs_in(catalog, target):
    """(catalog with every asset class's costs in `target`, the rates used). Raises
    CurrencyError naming the classes whose currency no rate converts."""
    classes = catalog.asset_classes.copy()
    if "currency" not in classes.columns:
        classes["currency"] = ""
    own = classes["currency"].where(classes["currency"] != "", catalog.currency)
    used, missing = {}, []
    for cur in sorted(set(own)):
        rate = find_rate(catalog, cur, target)
        if rate is None:
            missing.append(f"{cur} ({', '.join(classes.loc[own == cur, 'class_id'])})")
            continue
        used[cur] = rate
    if missing:
        raise CurrencyError(
            f"no exchange rate from {', '.join(missing)} to {target}: add a row "
            f"{missing[0][:3]},{target},<rate>,<date> to exchange_rates.csv in a user catalog folder "
            f"(currencies the catalog converts: {', '.join(known_currencies(catalog))})"
        )
    factor = own.map({c: r.rate for c, r in used.items()}).astype(float)
    for col in COST_COLUMNS:
        if col in classes.columns:
            values = pd.to_numeric(classes[col], errors="coerce") * factor
            classes[col] = values.map(lambda v: "" if pd.isna(v) else repr(float(v)))
    classes["currency"] = target
    out = catalog.with_tables(asset_classes=classes)
    out.currency = target
    return out, [r for r in used.values() if r.source != target]
