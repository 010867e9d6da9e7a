"""The assessment: prepare() checks and builds the asset table, run() evaluates every scenario."""

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import numpy as np
import pandas as pd

from . import costs
from .assets import DataIssues, prepare_assets
from .columns import categorical, factorize_rows
from .compatibility import Compatibility
from .sanctions import Jurisdiction, JurisdictionError, SanctionResolver
from .scoring import risk_band, risk_score
from .uncertainty import sample_total

RESULT_FIELDS = (
    ("scenario_id", "str"), ("sanction_level", "int"), ("sanction_lists", "str"),
    ("removal_deadline", "str"), ("compatible", "bool"), ("forced", "bool"),
    ("forced_year", "int"), ("purchase_value", "float"), ("replacement_cost", "float"),
    ("reintegration_cost", "float"), ("stranded_value", "float"), ("lockin_ratio", "float"),
    ("risk_score", "float"), ("risk_band", "str"), ("cost_assumed", "bool"), ("reasons", "str"),
)
RESULT_COLUMNS = tuple(n for n, _ in RESULT_FIELDS)


@dataclass
class AssessmentResult:
    scenarios: dict  # scenario id -> DataFrame of RESULT_COLUMNS aligned with the input rows
    scenario_summary: pd.DataFrame
    vendor_summary: pd.DataFrame
    run_info: dict
    issues: pd.DataFrame
    assets: pd.DataFrame = field(repr=False, default=None)


class Assessment:
    """Engine with explicit stages: prepare() -> (ok, message); run(progress) -> result."""

    def __init__(self, catalog, scenarios, profile, jurisdiction, reference_date=None):
        self.catalog = catalog
        self.scenarios = list(scenarios)
        self.profile = profile
        self.jurisdiction_code = jurisdiction
        self.reference_date = reference_date or date.today()
        self.assets = None
        self.issues = DataIssues()
        self.jurisdiction = None
        self.inputs = {}

    def prepare(self, frame, fields, inputs=None):
        """Check the inputs and build the asset table; returns (ok, message)."""
        try:
            self.jurisdiction = Jurisdiction(self.catalog, self.jurisdiction_code)
        except JurisdictionError as e:
            return False, str(e)
        if not self.scenarios:
            return False, "no scenario to assess"
        missing = [c for c in ("vendor_id", "asset_class", "standards") if c not in frame.columns]
        if missing:
            return False, f"the assets are not tagged (missing {', '.join(missing)})"
        self.inputs = dict(inputs or {})
        self.fields = dict(fields)
        self.assets, _ = prepare_assets(frame, fields, self.catalog, self.reference_date.year,
                                        self.issues)
        ids = set(self.assets["platform_id"]) - {""}
        dup_platform = self.assets["asset_id"].isin(ids) & self.assets["asset_id"].duplicated(
            keep=False)
        if dup_platform.any():
            self.issues.add(self.assets.loc[dup_platform, "asset_id"], fields.get("id") or "id",
                            "several assets share this id, which a platform reference uses: "
                            "the first is taken as the platform")
        return True, f"{len(self.assets)} assets ready, {len(self.issues)} data issue(s)"

    def run(self, progress=None, is_canceled=None):
        """Evaluate every scenario; progress(percent) is called between stages."""
        if self.assets is None:
            raise RuntimeError("prepare() must succeed before run()")
        results, summaries, vendor_rows = {}, [], []
        platforms = self._platform_index()
        n = len(self.scenarios)
        for i, sc in enumerate(self.scenarios):
            if is_canceled is not None and is_canceled():
                return None
            res, summary, vendors = self._run_scenario(sc, platforms)
            results[sc.id] = res
            summaries.append(summary)
            vendor_rows.append(vendors)
            if progress is not None:
                progress(100.0 * (i + 1) / n)
        scenario_summary = pd.DataFrame(summaries)
        weights = scenario_summary["probability"].to_numpy(float)
        total_p = weights.sum()
        norm = weights / total_p if total_p > 0 else weights
        scenario_summary["weight"] = norm
        expected = float((norm * scenario_summary["total_cost"].to_numpy(float)).sum())
        scenario_summary["expected_cost"] = expected
        vendor_summary = pd.concat(vendor_rows, ignore_index=True) if vendor_rows else pd.DataFrame()
        run_info = self._run_info(expected, total_p)
        return AssessmentResult(results, scenario_summary, vendor_summary, run_info,
                                self.issues.frame(), self.assets)

    # -- one scenario ----------------------------------------------------------------------
    def _platform_index(self):
        """Row position of each asset's platform (-1 none / not found)."""
        a = self.assets
        first = pd.Series(np.arange(len(a)), index=a["asset_id"].to_numpy())
        first = first[~first.index.duplicated(keep="first")]
        pos = a["platform_id"].map(first)
        missing = (a["platform_id"] != "") & pos.isna()
        if missing.any():
            self.issues.add(a.loc[missing, "asset_id"], self.fields.get("platform") or "platform",
                            "platform id not found among the assessed assets: no cascade",
                            a.loc[missing, "platform_id"])
        return pos.fillna(-1).astype(np.int64).to_numpy()

    def _run_scenario(self, sc, platforms):
        a = self.assets
        on_date = self.reference_date
        resolver = SanctionResolver(self.catalog, self.jurisdiction, sc, on_date)
        compat = Compatibility(self.catalog, self.jurisdiction.bloc, sc)
        consequence = sc.consequence_date(self.reference_date)

        # Sanctions: once per distinct (vendor, class, OEM relation, install year).
        keys = a[["vendor_id", "asset_class", "oem_maker_id", "oem_status", "install_year"]]
        codes, uniq = _factorize_rows(keys)
        verdicts = [resolver.verdict(v, c, m, s, int(y)) for v, c, m, s, y in uniq]
        level = np.array([v.level for v in verdicts], dtype=np.int64)[codes]
        lists = categorical(codes, [v.lists for v in verdicts])
        deadline_year = np.array([int(v.deadline[:4]) if v.deadline else -1 for v in verdicts],
                                 dtype=np.int64)[codes]

        # Compatibility: once per distinct (standards, vendor verdict).
        ckeys = pd.DataFrame({"s": a["standards"], "v": codes})
        ccodes, cuniq = _factorize_rows(ckeys)
        judged = [compat.judge(s, verdicts[v].cut_off, verdicts[v].cut_reason) for s, v in cuniq]
        compatible = np.array([j[0] for j in judged], dtype=bool)[ccodes]

        forced_removal = sc.enforced & (level == 3)
        forced = forced_removal | (sc.enforced & ~compatible)
        forced_year = np.where(forced_removal & (deadline_year > 0), deadline_year,
                               consequence.year).astype(np.int64)
        forced_year = np.where(forced, forced_year, 0)

        q, u = a["quantity"].to_numpy(float), a["unit_cost"].to_numpy(float)
        iy, life = a["install_year"].to_numpy(float), a["service_life"].to_numpy(float)
        purchase = costs.purchase_value(q, u)
        repl = costs.replacement_cost(forced, q, u, a["install_factor"].to_numpy(float),
                                      sc.cost_multiplier)
        stranded = costs.stranded_value(forced, q, u, forced_year, iy, life)

        # Platform cascade: an asset wired to a forced platform by a proprietary link.
        has_platform = platforms >= 0
        plat_forced = np.zeros(len(a), dtype=bool)
        plat_forced[has_platform] = forced[platforms[has_platform]]
        needs = has_platform & plat_forced & ~forced
        link_prop = np.zeros(len(a), dtype=bool)
        if needs.any():
            idx = np.flatnonzero(needs)
            pairs = pd.DataFrame({"a": a["standards"].to_numpy()[idx],
                                  "p": a["standards"].to_numpy()[platforms[idx]]})
            pcodes, puniq = _factorize_rows(pairs)
            prop = np.array([compat.link_is_proprietary(x, y) for x, y in puniq], dtype=bool)
            link_prop[idx] = prop[pcodes]
        reint_needed = needs & link_prop
        reint = costs.reintegration_cost(reint_needed, q, u, sc.reintegration_factor,
                                         sc.cost_multiplier)
        repl = repl + reint
        lockin = costs.lockin_ratio(repl, stranded, purchase)
        service_used = np.clip((self.reference_date.year - iy) / np.where(life > 0, life, 1), 0, 1)
        score = risk_score(level, ~compatible, lockin, service_used, self.profile)
        band = risk_band(score, self.profile)

        reasons = self._reasons(sc, verdicts, codes, judged, ccodes, forced, forced_year,
                                reint_needed, platforms, a)
        res = pd.DataFrame({
            "scenario_id": sc.id, "sanction_level": level, "sanction_lists": lists,
            "removal_deadline": categorical(codes, [v.deadline if v.level == 3 else ""
                                                     for v in verdicts]),
            "compatible": compatible, "forced": forced, "forced_year": forced_year,
            "purchase_value": purchase, "replacement_cost": repl, "reintegration_cost": reint,
            "stranded_value": stranded, "lockin_ratio": np.round(lockin, 4),
            "risk_score": score, "risk_band": band,
            "cost_assumed": a["cost_assumed"].to_numpy(bool), "reasons": reasons,
        }, index=a.index)
        summary = self._scenario_summary(sc, res, a)
        vendors = self._vendor_summary(sc, res, a, platforms, verdicts, codes)
        return res, summary, vendors

    # -- reasons ---------------------------------------------------------------------------
    def _reasons(self, sc, verdicts, codes, judged, ccodes, forced, forced_year, reint, platforms,
                 a):
        """Plain-language why, built once per distinct combination of facts."""
        plat = a["platform_id"]
        pcodes, pvalues = (plat.cat.codes.to_numpy(), list(plat.cat.categories)) \
            if isinstance(plat.dtype, pd.CategoricalDtype) else pd.factorize(plat.to_numpy())
        flags = (forced.astype(np.int64) | reint.astype(np.int64) << 1
                 | a["cost_assumed"].to_numpy(bool).astype(np.int64) << 2
                 | a["year_assumed"].to_numpy(bool).astype(np.int64) << 3)
        key = pd.DataFrame({"v": codes, "c": ccodes, "y": forced_year, "fl": flags,
                            "p": np.where(reint, pcodes, -1)})
        kcodes, kuniq = _factorize_rows(key)
        texts = []
        for v, c, y, fl, pc in kuniq:
            f, r, ca, ya = fl & 1, fl & 2, fl & 4, fl & 8
            p = pvalues[pc] if pc >= 0 else ""
            verdict = verdicts[v]
            parts = [verdict.reason]
            ok, why = judged[c]
            if why:
                parts.append(("compatible: " if ok else "incompatible: ") + why)
            if f:
                cause = "removal mandated" if verdict.level == 3 and sc.enforced else "incompatible"
                parts.append(f"{cause}: replaced in {y} under '{sc.label()}'")
            elif verdict.level and not sc.enforced:
                parts.append("not enforced in this scenario")
            if r:
                parts.append(f"wired to platform {p} by a proprietary protocol: re-integration "
                             f"when it is removed")
            if ca:
                parts.append("unit cost: class default (assumed)")
            if ya:
                parts.append("install year unknown: assumed new")
            texts.append(". ".join(x for x in parts if x) + ".")
        return categorical(kcodes, texts)

    # -- summaries -------------------------------------------------------------------------
    def _scenario_summary(self, sc, res, a):
        lvl = res["sanction_level"].to_numpy()
        forced = res["forced"].to_numpy()
        repl = res["replacement_cost"].to_numpy(float)
        stranded = res["stranded_value"].to_numpy(float)
        total = float(repl.sum() + stranded.sum())
        # P50/P90: class-default costs sampled per class; asset-specific costs fixed.
        cost_part = repl + stranded
        assumed = a["cost_assumed"].to_numpy(bool)
        unit = a["unit_cost"].to_numpy(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio_lo = np.where(unit > 0, a["unit_cost_low"].to_numpy(float) / unit, 1.0)
            ratio_hi = np.where(unit > 0, a["unit_cost_high"].to_numpy(float) / unit, 1.0)
        cls = a["asset_class"]
        codes, names = (cls.cat.codes.to_numpy(), list(cls.cat.categories)) \
            if isinstance(cls.dtype, pd.CategoricalDtype) else pd.factorize(cls.to_numpy())
        k = len(names)

        def per_class(values):
            return np.bincount(codes, weights=values, minlength=k)[:k] if k else np.zeros(0)

        mid = np.where(assumed, cost_part, 0.0)
        by_class = pd.DataFrame({
            "fixed": per_class(np.where(assumed, 0.0, cost_part)), "mid": per_class(mid),
            "low": per_class(mid * ratio_lo), "high": per_class(mid * ratio_hi),
        }, index=pd.Index(names, dtype=object))
        p50, p90 = sample_total(by_class, sc, self.profile.uncertainty_samples,
                                self.profile.uncertainty_seed)
        return {
            "scenario_id": sc.id, "scenario_name": sc.label(), "probability": sc.probability,
            "assets": len(res), "level_0": int((lvl == 0).sum()), "level_1": int((lvl == 1).sum()),
            "level_2": int((lvl == 2).sum()), "level_3": int((lvl == 3).sum()),
            "incompatible": int((~res["compatible"].to_numpy()).sum()),
            "forced": int(forced.sum()),
            "reintegrated": int((res["reintegration_cost"].to_numpy() > 0).sum()),
            "purchase_value": float(res["purchase_value"].sum()),
            "replacement_cost": float(repl.sum()),
            "reintegration_cost": float(res["reintegration_cost"].sum()),
            "stranded_value": float(stranded.sum()), "total_cost": total,
            "p50_cost": p50, "p90_cost": p90,
            "mean_risk_score": float(res["risk_score"].mean()) if len(res) else 0.0,
        }

    def _cascade_by_vendor(self, sc, a, platforms):
        """Switching away from a vendor also re-integrates what is wired to its platforms by a
        proprietary protocol, whoever made it: that cost, summed per platform vendor."""
        idx = np.flatnonzero(platforms >= 0)
        vendor = a["vendor_id"].astype(object).to_numpy()
        pv = vendor[platforms[idx]]
        keep = pv != vendor[idx]
        idx, pv = idx[keep], pv[keep]
        if not len(idx):
            return {}
        compat = Compatibility(self.catalog, self.jurisdiction.bloc, sc)
        std = a["standards"].astype(object).to_numpy()
        pcodes, puniq = _factorize_rows(pd.DataFrame({"a": std[idx], "p": std[platforms[idx]]}))
        prop = np.array([compat.link_is_proprietary(x, y) for x, y in puniq], dtype=bool)[pcodes]
        value = costs.purchase_value(a["quantity"].to_numpy()[idx], a["unit_cost"].to_numpy()[idx])
        factor = sc.reintegration_factor or 0.25
        cost = np.where(prop, value * factor * sc.cost_multiplier, 0.0)
        return pd.Series(cost).groupby(pv).sum().to_dict()

    def _vendor_summary(self, sc, res, a, platforms, verdicts, vcodes):
        """Per vendor: assets, exposure under the scenario, and the cost of switching away."""
        vid = a["vendor_id"]
        codes = vid.cat.codes.to_numpy().astype(np.int64) + 1
        names = [""] + list(vid.cat.categories)
        k = len(names)

        def total(values):
            return np.bincount(codes, weights=np.asarray(values, float), minlength=k)

        purchase = res["purchase_value"].to_numpy(float)
        full = purchase * (1 + a["install_factor"].to_numpy(float)) * sc.cost_multiplier
        book = purchase * costs.remaining_share(self.reference_date.year,
                                                a["install_year"].to_numpy(float),
                                                a["service_life"].to_numpy(float))
        level = np.zeros(k, dtype=np.int64)
        lists = [set() for _ in range(k)]
        verdict_vendor = np.zeros(len(verdicts), dtype=np.int64)
        verdict_vendor[vcodes] = codes
        for vcode, verdict in zip(verdict_vendor, verdicts):
            level[vcode] = max(level[vcode], verdict.level)
            lists[vcode].update(x for x in verdict.lists.split(";") if x)
        out = pd.DataFrame({
            "vendor_id": names,
            "assets": np.bincount(codes, minlength=k),
            "units": total(a["quantity"]),
            "sanction_level": level,
            "sanction_lists": [";".join(sorted(x)) for x in lists],
            "assets_forced": np.bincount(codes, weights=res["forced"].to_numpy(float),
                                         minlength=k).astype(np.int64),
            "incompatible": np.bincount(codes, weights=(~res["compatible"].to_numpy()).astype(
                float), minlength=k).astype(np.int64),
            "purchase_value": total(purchase),
            "replacement_cost": total(res["replacement_cost"]),
            "stranded_value": total(res["stranded_value"]),
            "exit_cost": total(full + book),
        })
        out = out[out["assets"] > 0]
        cascade = self._cascade_by_vendor(sc, a, platforms)
        out["cascade_cost"] = out["vendor_id"].map(cascade).fillna(0.0).astype(float)
        out["switching_cost"] = out["exit_cost"] + out["cascade_cost"]
        out["exposure"] = out["replacement_cost"] + out["stranded_value"]
        vendors = self.catalog.vendors.set_index("vendor_id")
        short = vendors["short_name"].where(vendors["short_name"] != "", vendors["name"])
        top = self.catalog.ultimate_parent()
        out["vendor_name"] = out["vendor_id"].map(short).fillna("(unknown vendor)")
        out.loc[out["vendor_id"] == "", "vendor_name"] = "(unknown vendor)"
        out["parent_id"] = out["vendor_id"].map(
            {v: p for v, p in top.items() if p != v}).fillna("")
        out["country"] = out["vendor_id"].map(vendors["country"]).fillna("")
        out.insert(0, "scenario_id", sc.id)
        out = out.sort_values(["exposure", "switching_cost"], ascending=False, kind="stable")
        cols = ["scenario_id", "vendor_id", "vendor_name", "parent_id", "country", "assets",
                "units", "sanction_level", "sanction_lists", "assets_forced", "incompatible",
                "purchase_value", "replacement_cost", "stranded_value", "exposure",
                "exit_cost", "cascade_cost", "switching_cost"]
        return out[cols].reset_index(drop=True)

    def _run_info(self, expected, total_p):
        return {
            "run_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "reference_date": self.reference_date.isoformat(),
            "jurisdiction": self.jurisdiction.code, "bloc": self.jurisdiction.bloc,
            "catalog_version": self.catalog.version, "catalog_as_of": self.catalog.as_of,
            "catalog_folders": ";".join(self.catalog.folders),
            "scenarios": ",".join(s.id for s in self.scenarios),
            "scenario_files": ";".join(s.path for s in self.scenarios),
            "profile_file": self.profile.path,
            "assets": len(self.assets), "data_issues": len(self.issues),
            "expected_cost": expected, "probability_sum": float(total_p),
            "field_mapping": "; ".join(f"{k}={v or '-'}" for k, v in self.fields.items()),
            **{f"input_{k}": v for k, v in self.inputs.items()},
        }


def _factorize_rows(df):
    """Codes and distinct rows (as tuples) of a DataFrame, in first-seen order."""
    if not len(df):
        return np.zeros(0, dtype=np.int64), []
    codes, first = factorize_rows([df[c] for c in df.columns])
    rows = [tuple(_plain(v) for v in row)
            for row in df.iloc[first].itertuples(index=False, name=None)]
    return codes, rows


def _plain(v):
    return v.item() if hasattr(v, "item") else v
