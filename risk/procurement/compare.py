"""Offers compared by risk-adjusted cost: each offer line is assessed as an asset the city would
install at signature (the same engine, lists and scenarios as the assessment), wired to the
city's installed platforms or to the offer's own platform line.

Per offer and scenario: purchase cost, sanction level, forced replacements, compatibility,
replacement (re-integration included) and stranded value; P50/P90 by seeded sampling.
Expected decoupling cost = sum over scenarios of weight x (replacement + stranded value), the
weights being the scenario probabilities normalised to 1; risk-adjusted total cost of ownership
(TCO) = purchase + expected decoupling cost; lock-in = expected decoupling cost / purchase."""

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..assessment.engine import Assessment
from ..assessment.uncertainty import sample_arrays
from ..money import money
from ..tagging.tagger import Tagger

FIELDS = {
    "id": "asset_id",
    "manufacturer": "vendor",
    "brand": "brand",
    "model": "model",
    "class": "asset_class_raw",
    "quantity": "quantity",
    "unit_cost": "unit_price",
    "install_year": "install_year",
    "protocols": "standards_raw",
    "platform": "platform_ref",
}
RESULT_KEPT = (
    "sanction_level",
    "sanction_lists",
    "compatible",
    "forced",
    "forced_year",
    "purchase_value",
    "replacement_cost",
    "reintegration_cost",
    "stranded_value",
    "cost_assumed",
    "reasons",
)
SIGNATURE_SCENARIO = "status_quo"  # the lists in force at signature, nothing enforced


class CompareError(ValueError):
    """Offers that cannot be compared; the message says why."""


@dataclass
class OfferComparison:
    offers: pd.DataFrame  # one row per offer, ranked by risk-adjusted TCO
    by_scenario: pd.DataFrame  # one row per offer and scenario
    lines: pd.DataFrame  # one row per line and scenario
    scenarios: list
    currency: str
    run_info: dict
    issues: pd.DataFrame


def offer_lines(offers, signature_year):
    """The offer lines as the engine's assets: ids 'offer/line', platform references resolved
    within the offer first, support shorter than the life shortening it."""
    f = offers.copy()
    f["asset_id"] = f["offer_id"] + "/" + f["line_id"]
    own = set(f["asset_id"])
    inner = f["offer_id"] + "/" + f["connects_to"]
    f["platform_ref"] = np.where(
        f["connects_to"] == "", "", np.where(inner.isin(own), inner, f["connects_to"])
    )
    f["installed_ref"] = np.where((f["connects_to"] != "") & ~inner.isin(own), f["connects_to"], "")
    f = f.rename(columns={"asset_class": "asset_class_raw", "standards": "standards_raw"})
    f["install_year"] = signature_year
    life, support = f["service_life"], f["support_years"]
    f["service_life_years"] = np.where(
        support.notna() & (support > 0) & (life.isna() | (support < life)), support, life
    )
    return f


def compare_offers(
    offers,
    catalog,
    scenarios,
    profile,
    jurisdiction,
    signature_date,
    lang="en",
    currency=None,
    installed=None,
):
    """`offers`: read_offers' frame; `installed`: the city's assessed assets (a risk layer's
    attributes) the lines may connect to, or None."""
    scenarios = list(scenarios)
    lines = offer_lines(offers, signature_date.year)
    tags, _review = Tagger(catalog).tag(lines, FIELDS)
    frame = lines.join(tags)
    engine = Assessment(catalog, scenarios, profile, jurisdiction, signature_date, lang, currency)
    ok, message = engine.start(FIELDS)
    if not ok:
        raise CompareError(message)
    referenced = set(frame["platform_ref"]) - {""}
    platforms = frame
    unknown = set(frame["installed_ref"]) - {""}
    if installed is not None and len(installed) and unknown:
        inst = installed[installed["asset_id"].astype(str).isin(unknown)].copy()
        inst["asset_id"] = inst["asset_id"].astype(str)
        unknown -= set(inst["asset_id"])
        platforms = pd.concat([inst, frame], ignore_index=True)
    engine.set_platforms(platforms, FIELDS, referenced)
    results = engine.assess(frame)
    summary = engine.finish()
    long = _line_results(frame, results, scenarios, lang, summary.assets)
    classes = catalog.asset_classes
    class_names = dict(zip(classes["class_id"], classes["name_fr" if lang == "fr" else "name_en"]))
    long["class_name"] = long["asset_class"].astype(str).map(lambda c: class_names.get(c) or c)
    names = dict(zip(catalog.lists["list_id"], catalog.lists["name"]))
    long["sanction_lists"] = (
        long["sanction_lists"]
        .astype(str)
        .map(lambda v: "; ".join(names.get(x.strip(), x.strip()) for x in v.split(";") if x.strip()))
    )
    by_sc = _by_scenario(long, frame, scenarios, profile, lang)
    table = _offers(long, by_sc, frame, scenarios, engine.currency, lang)
    info = {k: v for k, v in summary.run_info.items() if k not in ("expected_cost", "assets")}
    info.update(
        signature_date=signature_date.isoformat(),
        offers=len(table),
        offer_lines=len(frame),
        unknown_platforms=", ".join(sorted(unknown)),
    )
    return OfferComparison(table, by_sc, long, scenarios, engine.currency, info, summary.issues)


def _line_results(frame, results, scenarios, lang, prepared):
    """One row per line and scenario; `prepared`: the engine's view of the lines, whose unit
    cost range (class default range for a line without a price) the P50/P90 sampling uses."""
    keep = [
        "offer_id",
        "bidder",
        "line_id",
        "vendor",
        "vendor_id",
        "vendor_name",
        "asset_class",
        "quantity",
        "unit_price",
        "cost_source",
    ]
    base = frame.assign(cost_source="given").reindex(columns=keep)
    unit = prepared["unit_cost"].to_numpy(float)
    safe = np.where(unit > 0, unit, 1.0)
    base["ratio_low"] = np.where(unit > 0, prepared["unit_cost_low"].to_numpy(float) / safe, 1.0)
    base["ratio_high"] = np.where(unit > 0, prepared["unit_cost_high"].to_numpy(float) / safe, 1.0)
    parts = []
    for sc in scenarios:
        res = results[sc.id]
        part = base.copy()
        part["scenario_id"] = sc.id
        part["scenario_name"] = sc.label(lang)
        for c in RESULT_KEPT:
            part[c] = res[c].to_numpy()
        parts.append(part)
    out = pd.concat(parts, ignore_index=True)
    out["total_cost"] = out["replacement_cost"] + out["stranded_value"]
    return out


def _by_scenario(long, frame, scenarios, profile, lang):
    probs = np.array([max(float(sc.probability), 0.0) for sc in scenarios])
    weights = probs / probs.sum() if probs.sum() > 0 else probs
    g = long.assign(
        forced_units=long["quantity"].where(long["forced"], 0.0),
        incompatible_units=long["quantity"].where(~long["compatible"].astype(bool), 0.0),
    ).groupby(["offer_id", "scenario_id"], sort=False, observed=True)
    out = g.agg(
        purchase=("purchase_value", "sum"),
        replacement=("replacement_cost", "sum"),
        reintegration=("reintegration_cost", "sum"),
        stranded=("stranded_value", "sum"),
        total=("total_cost", "sum"),
        forced_units=("forced_units", "sum"),
        incompatible_units=("incompatible_units", "sum"),
        max_level=("sanction_level", "max"),
    ).reset_index()
    lists = (
        long[long["sanction_lists"] != ""]
        .groupby(["offer_id", "scenario_id"], observed=True)["sanction_lists"]
        .agg(lambda s: "; ".join(sorted({x.strip() for v in s for x in str(v).split(";") if x.strip()})))
    )
    out = out.join(lists.rename("lists"), on=["offer_id", "scenario_id"])
    out["lists"] = out["lists"].fillna("")
    sc_by_id = {sc.id: (sc, w) for sc, w in zip(scenarios, weights)}
    out["scenario_name"] = out["scenario_id"].map(lambda s: sc_by_id[s][0].label(lang))
    out["probability"] = out["scenario_id"].map(lambda s: float(sc_by_id[s][0].probability))
    out["weight"] = out["scenario_id"].map(lambda s: float(sc_by_id[s][1]))
    # P50/P90: unit prices given are certain, class defaults vary in their class range; the
    # scenario's cost multiplier varies in its range (the assessment's sampling). Per offer, the
    # scenarios' draws are mixed by their weights.
    parts = (
        long.assign(
            fixed=long["total_cost"].where(~long["cost_assumed"].astype(bool), 0.0),
            var=long["total_cost"].where(long["cost_assumed"].astype(bool), 0.0),
        )
        .assign(low=lambda t: t["var"] * t["ratio_low"], high=lambda t: t["var"] * t["ratio_high"])
        .groupby(["offer_id", "scenario_id", "asset_class"], sort=False, observed=True)[
            ["fixed", "var", "low", "high"]
        ]
        .sum()
    )
    lo, hi = parts["low"].to_numpy(), parts["high"].to_numpy()
    keys = list(zip(parts.index.get_level_values(0), parts.index.get_level_values(1)))
    starts = {}
    for i, k in enumerate(keys):
        starts.setdefault(k, [i, i])[1] = i + 1
    n = profile.uncertainty_samples
    fixed_a, var_a = parts["fixed"].to_numpy(), parts["var"].to_numpy()
    p50, p90, pools = [], [], {}
    for rec in out.itertuples():
        i, j = starts[(rec.offer_id, rec.scenario_id)]
        sc, weight = sc_by_id[rec.scenario_id]
        draws = sample_arrays(fixed_a[i:j], var_a[i:j], lo[i:j], hi[i:j], sc, n, profile.uncertainty_seed)
        p50.append(float(np.percentile(draws, 50)))
        p90.append(float(np.percentile(draws, 90)))
        pools.setdefault(rec.offer_id, []).append(draws[: int(round(weight * n))])
    out["p50"], out["p90"] = p50, p90
    out.attrs["mixed"] = {
        offer: (float(np.percentile(np.concatenate(d), 50)), float(np.percentile(np.concatenate(d), 90)))
        if sum(len(x) for x in d)
        else (0.0, 0.0)
        for offer, d in pools.items()
    }
    return out


def _offers(long, by_sc, frame, scenarios, currency, lang):
    first = frame.groupby("offer_id", sort=False).agg(
        bidder=("bidder", "first"), lines=("line_id", "size"), units=("quantity", "sum")
    )
    exp = by_sc.assign(wt=by_sc["weight"] * by_sc["total"]).groupby("offer_id", sort=False)
    first["purchase"] = by_sc.groupby("offer_id", sort=False)[
        "purchase"
    ].first()  # the same in every scenario
    first["expected_cost"] = exp["wt"].sum()
    mixed = by_sc.attrs["mixed"]
    mix50 = [mixed[o][0] for o in first.index]
    mix90 = [mixed[o][1] for o in first.index]
    first["p50"], first["p90"] = mix50, mix90
    first["tco"] = first["purchase"] + first["expected_cost"]
    first["lockin_ratio"] = np.where(first["purchase"] > 0, first["expected_cost"] / first["purchase"], 0.0)
    sig = (
        SIGNATURE_SCENARIO
        if SIGNATURE_SCENARIO in set(by_sc["scenario_id"])
        else by_sc["scenario_id"].iloc[0]
    )
    at_sig = by_sc[by_sc["scenario_id"] == sig].set_index("offer_id")
    first["level_at_signature"] = at_sig["max_level"].astype(int)
    first["lists_at_signature"] = at_sig["lists"]
    worst = (
        by_sc.sort_values("total", ascending=False, kind="stable")
        .drop_duplicates("offer_id")
        .set_index("offer_id")
    )
    first["worst_scenario"] = worst["scenario_name"]
    first["worst_cost"] = worst["total"]
    first = first.sort_values(["tco", "purchase"], kind="stable")
    first["rank"] = np.arange(1, len(first) + 1)
    first["reasons"] = [_reasons(o, first.loc[o], long, currency, lang) for o in first.index]
    return first.reset_index()


def _reasons(offer, row, long, currency, lang):
    """The offer in words: purchase, expected decoupling cost, and its costliest lines."""
    m = lambda v: money(v, currency, lang)  # noqa: E731
    sel = long[long["offer_id"] == offer]
    worst = sel.sort_values("total_cost", ascending=False, kind="stable").drop_duplicates("line_id")
    worst = worst[worst["total_cost"] > 0].head(2)
    if lang == "fr":
        head = (
            f"{row['bidder']} : achat {m(row['purchase'])}, coût de découplage attendu "
            f"{m(row['expected_cost'])} ({row['lockin_ratio']:.0%} de l’achat)"
        )
        none = "Aucune ligne exposée dans les scénarios"
    else:
        head = (
            f"{row['bidder']}: purchase {m(row['purchase'])}, expected decoupling cost "
            f"{m(row['expected_cost'])} ({row['lockin_ratio']:.0%} of the purchase)"
        )
        none = "No line exposed in the scenarios"
    names = {sc_id: name for sc_id, name in zip(long["scenario_id"], long["scenario_name"])}
    parts = []
    for r in worst.itertuples():
        first = _telling(str(r.reasons))
        who = f"{int(r.quantity)} × {r.vendor_name or r.vendor}"
        parts.append(f"{who} ({names[r.scenario_id]}: {m(r.total_cost)}): {first}")
    return head + ". " + ("; ".join(parts) if parts else none) + "."


# What explains a line's cost best, in this order: a removal, an incompatibility, a cascade, a listing.
TELLING = ("removal", "retrait", "incompatible", "re-integration", "ré-intégration", "since", "depuis")


def _telling(reasons):
    clauses = [c.strip() for c in re.split(r"; |\. ", reasons) if c.strip()]
    listed = next((c for c in clauses if "since" in c or "depuis" in c), "")
    for word in TELLING:
        for c in clauses:
            if word in c:
                return c if not listed or c == listed else f"{listed}; {c}"
    return clauses[0] if clauses else ""
