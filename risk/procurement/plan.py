"""A replacement plan: what an assessment's scenario forces out, replaced year by year within a
yearly budget. Forced assets first (earliest replacement year first), then by risk score and
stranded value; a platform and the assets wired to it are replaced together, in the same year.

Budget rule: the groups are taken in order and paid from the budget accumulated so far; a group
lands in the first year whose cumulative budget covers the cumulative cost up to it (an
expensive platform may use two years' budget, the years after it then have less). The budget
that meets a deadline is therefore the total cost divided by the years up to the deadline."""

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd


class PlanError(ValueError):
    """A plan that cannot be made; the message says why."""


@dataclass
class ReplacementPlan:
    assets: pd.DataFrame  # the planned assets: asset_id, plan_group, plan_order, planned_year, late...
    years: pd.DataFrame  # year, cost, assets, cumulative_cost, exposed_assets, exposed_cost, late_assets
    start_year: int
    budget: float
    deadline: int  # 0: none
    total_cost: float
    last_year: int
    deadline_met: bool
    budget_for_deadline: float  # the yearly budget that meets the deadline (nan without one)
    shortfall_years: int  # years past the deadline the plan needs (0 when met)


PLAN_COLUMNS = ("asset_id", "plan_group", "plan_order", "planned_year", "late")
# What a plan reads of a scenario's assets (besides the platform field)
PLAN_INPUT = ("asset_id", "forced", "forced_year", "risk_score", "stranded_value", "replacement_cost")


def plan_replacement(frame, budget, start_year, deadline=0, platform_field=""):
    """`frame`: one scenario's assets (asset_id, forced, forced_year, risk_score, stranded_value,
    replacement_cost, and the platform field when given). Assets with a replacement cost are
    planned; the others are not touched."""
    if not (isinstance(budget, (int, float)) and math.isfinite(budget) and budget > 0):
        raise PlanError(f"the yearly budget must be a positive amount (got {budget})")
    if deadline and deadline < start_year:
        raise PlanError(f"the deadline {deadline} is before the first year of the plan {start_year}")
    missing = [c for c in PLAN_INPUT if c not in frame.columns]
    if missing:
        raise PlanError(f"the assessment layer lacks {', '.join(missing)}: run vendorrisk:assessrisk again")
    cost = pd.to_numeric(frame["replacement_cost"], errors="coerce").fillna(0.0).to_numpy(float)
    todo = cost > 0
    a = pd.DataFrame(
        {
            "row": np.flatnonzero(todo),  # position in `frame`, for the geometry
            "asset_id": frame["asset_id"].astype(str).to_numpy()[todo],
            "forced": pd.to_numeric(frame["forced"], errors="coerce").fillna(0).astype(bool).to_numpy()[todo],
            "forced_year": pd.to_numeric(frame["forced_year"], errors="coerce").to_numpy(float)[todo],
            "risk_score": pd.to_numeric(frame["risk_score"], errors="coerce").fillna(0).to_numpy(float)[todo],
            "stranded": pd.to_numeric(frame["stranded_value"], errors="coerce")
            .fillna(0)
            .to_numpy(float)[todo],
            "cost": cost[todo],
        }
    )
    a["plan_group"] = a["asset_id"]
    if platform_field and platform_field in frame.columns:
        plat = frame[platform_field].astype(object).where(frame[platform_field].notna(), "").astype(str)
        plat = plat.to_numpy()[todo]
        wired = pd.Series(plat).isin(a["asset_id"]).to_numpy() & (plat != "")  # hashed, not np.isin on text
        a.loc[wired, "plan_group"] = plat[wired]  # replaced with its platform
    groups = a.groupby("plan_group", sort=False).agg(
        forced=("forced", "max"),
        first_year=("forced_year", "min"),
        score=("risk_score", "max"),
        stranded=("stranded", "sum"),
        cost=("cost", "sum"),
    )
    groups["first_year"] = groups["first_year"].where(groups["forced"], np.inf).fillna(np.inf)
    groups = groups.sort_values(
        ["forced", "first_year", "score", "stranded", "cost"],
        ascending=[False, True, False, False, True],
        kind="stable",
    )
    cumulative = groups["cost"].cumsum().to_numpy(float)
    # the first year whose accumulated budget covers the cost so far (a tolerance for rounding)
    offset = np.ceil(cumulative / budget - 1e-9).astype(np.int64) - 1
    groups["planned_year"] = start_year + np.maximum(offset, 0)
    groups["plan_order"] = np.arange(1, len(groups) + 1)
    a = a.join(groups[["planned_year", "plan_order"]], on="plan_group")
    a["late"] = a["forced"] & np.isfinite(a["forced_year"]) & (a["planned_year"] > a["forced_year"])
    total = float(a["cost"].sum())
    last = int(groups["planned_year"].max()) if len(groups) else start_year
    years = _years(a, start_year, max(last, deadline or last))
    met = not deadline or last <= deadline
    n_years = (deadline - start_year + 1) if deadline else 0
    return ReplacementPlan(
        assets=a.sort_values(["plan_order", "asset_id"], kind="stable").reset_index(drop=True),
        years=years,
        start_year=start_year,
        budget=float(budget),
        deadline=int(deadline or 0),
        total_cost=total,
        last_year=last,
        deadline_met=met,
        budget_for_deadline=total / n_years if n_years else float("nan"),
        shortfall_years=0 if met else last - deadline,
    )


def _years(a, first, last):
    """One row per year: what is replaced, what it costs, what stays exposed at the year's end."""
    span = np.arange(first, last + 1)
    per = a.groupby("planned_year").agg(cost=("cost", "sum"), assets=("asset_id", "size"))
    per = per.reindex(span, fill_value=0)
    late = a[a["late"]].groupby("planned_year").size().reindex(span, fill_value=0)
    out = pd.DataFrame(
        {"year": span, "cost": per["cost"].to_numpy(float), "assets": per["assets"].to_numpy(int)}
    )
    out["cumulative_cost"] = out["cost"].cumsum()
    out["exposed_assets"] = len(a) - out["assets"].cumsum()
    out["exposed_cost"] = (float(a["cost"].sum()) - out["cumulative_cost"]).round(2).clip(lower=0.0)
    out["late_assets"] = late.to_numpy(int)
    return out
