"""The assessment engine, in explicit stages, whole or streamed chunk by chunk.

Whole frame:  prepare(frame, fields) -> (ok, message); run(progress) -> AssessmentResult.
Streamed:     start(fields) -> (ok, message); set_platforms(frame); assess(chunk) -> results
              per scenario, for as many chunks as needed; finish() -> AssessmentResult.
Summaries are accumulated as chunks pass, so memory follows the chunk, not the layer.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timezone

import numpy as np
import pandas as pd

from ..catalog.currency import CurrencyError, costs_in, find_rate
from ..catalog.freshness import catalog_facts
from ..columns import categorical, factorize_rows
from ..provenance import recorded
from ..schema import TAGGED_BY, VENDOR_SUMMARY
from . import costs
from .assets import DataIssues, prepare_assets
from .compatibility import Compatibility
from .phrases import check_language, phrase
from .sanctions import Jurisdiction, JurisdictionError, SanctionResolver
from .scoring import risk_band, risk_score
from .uncertainty import sample_total

VENDOR_SUMS = (
    "assets",
    "units",
    "assets_forced",
    "incompatible",
    "purchase_value",
    "replacement_cost",
    "stranded_value",
    "exit_cost",
)
SCENARIO_SUMS = (
    "assets",
    "level_0",
    "level_1",
    "level_2",
    "level_3",
    "incompatible",
    "forced",
    "reintegrated",
    "purchase_value",
    "replacement_cost",
    "reintegration_cost",
    "stranded_value",
    "risk_score_sum",
)


@dataclass
class AssessmentResult:
    scenarios: dict  # scenario id -> DataFrame of RESULT_COLUMNS (whole-frame runs only)
    scenario_summary: pd.DataFrame
    vendor_summary: pd.DataFrame
    run_info: dict
    issues: pd.DataFrame
    assets: pd.DataFrame = field(repr=False, default=None)


@dataclass
class _Platforms:
    """The assets others are wired to: id -> vendor, standards, forced per scenario."""

    ids: pd.Index
    vendor: np.ndarray
    standards: np.ndarray
    forced: dict = field(default_factory=dict)


class Assessment:
    """Engine with explicit stages (see the module docstring)."""

    def __init__(
        self, catalog, scenarios, profile, jurisdiction, reference_date=None, lang="en", currency=None
    ):
        """`currency`: of every cost (ISO 4217); None: the jurisdiction's, else the catalog's."""
        self.catalog = self.source_catalog = catalog
        self.currency_asked = (currency or "").strip().upper()
        self.currency = catalog.currency
        self.rates = []
        self.currency_note = ""
        self.lang = check_language(lang)  # of the reasons text
        self.scenarios = list(scenarios)
        self.profile = profile
        self.jurisdiction_code = jurisdiction
        self.reference_date = reference_date or date.today()
        self.issues = DataIssues()
        self.jurisdiction = None
        self.inputs = {}
        self.base = None
        self.fields = {}
        self.assets = None
        self._frame = None
        self._platforms = None
        self._n = 0

    # -- stages ----------------------------------------------------------------------------
    def start(self, fields, inputs=None, base=None):
        """Check what does not depend on the rows; returns (ok, message). `base`: the output's
        folder, that run_info's file names are relative to (risk.provenance)."""
        self.base = base
        try:
            self.jurisdiction = Jurisdiction(self.catalog, self.jurisdiction_code)
        except JurisdictionError as e:
            return False, str(e)
        if not self.scenarios:
            return False, "no scenario to assess"
        ok, message = self._set_currency()
        if not ok:
            return ok, message
        self.fields = dict(fields)
        self.inputs = dict(inputs or {})
        self._resolvers = {
            sc.id: SanctionResolver(self.catalog, self.jurisdiction, sc, self.reference_date, self.lang)
            for sc in self.scenarios
        }
        self._compat = {
            sc.id: Compatibility(self.catalog, self.jurisdiction.bloc, sc, self.lang) for sc in self.scenarios
        }
        self._sums = {sc.id: dict.fromkeys(SCENARIO_SUMS, 0.0) for sc in self.scenarios}
        self._class_costs = {sc.id: {} for sc in self.scenarios}
        self._vendors = {sc.id: {} for sc in self.scenarios}
        self._cascade = {sc.id: {} for sc in self.scenarios}
        self._platforms = _Platforms(
            pd.Index([], dtype=object), np.array([], dtype=object), np.array([], dtype=object)
        )
        return True, "ready"

    def _set_currency(self):
        """Every cost default in one currency: the one asked, else the jurisdiction's (when the
        rate table reaches it), else the catalog's."""
        wanted = self.currency_asked or self.jurisdiction.currency or self.source_catalog.currency
        try:
            self.catalog, self.rates = costs_in(self.source_catalog, wanted)
        except CurrencyError as e:
            if self.currency_asked or wanted == self.source_catalog.currency:
                return False, str(e)
            self.currency_note = f"{self.jurisdiction.code} uses {wanted}, but {e}; costs are in "
            wanted = self.source_catalog.currency
            try:
                self.catalog, self.rates = costs_in(self.source_catalog, wanted)
            except CurrencyError as e2:
                return False, str(e2)
            self.currency_note += wanted
        self.currency = wanted
        return True, ""

    def _rate_of(self, currency):
        rate = find_rate(self.source_catalog, currency, self.currency)
        return rate.rate if rate else None

    def prepare(self, frame, fields, inputs=None):
        """Whole-frame use: start, check the frame is tagged, keep it for run()."""
        ok, message = self.start(fields, inputs)
        if not ok:
            return ok, message
        missing = [c for c in TAGGED_BY if c not in frame.columns]
        if missing:
            return False, f"the assets are not tagged (missing {', '.join(missing)})"
        self._frame = frame
        return True, f"{len(frame)} assets ready"

    def run(self, progress=None, is_canceled=None):
        """Whole-frame use: every scenario on the prepared frame."""
        if self._frame is None:
            raise RuntimeError("prepare() must succeed before run()")
        self.set_platforms(self._frame)
        results = self.assess(self._frame, progress, is_canceled)
        if results is None:
            return None
        out = self.finish()
        out.scenarios = results
        return out

    def set_platforms(self, frame, fields=None, referenced=None):
        """Tell the engine about the assets others are wired to: `frame` holds at least those
        (other rows are ignored); `referenced` is the set of platform ids (default: the ids the
        frame's own rows reference). Their forced status per scenario drives the cascade."""
        fields = fields or self.fields
        a, _ = prepare_assets(
            frame, fields, self.catalog, self.reference_date.year, DataIssues(), self._rate_of
        )
        if referenced is None:
            referenced = set(a["platform_id"].astype(object)) - {""}
        ids = a["asset_id"].astype(object)
        mask = ids.isin(referenced).to_numpy()
        dup = mask & ids.duplicated(keep=False).to_numpy()
        if dup.any():
            self.issues.add(
                ids[dup],
                fields.get("id") or "id",
                "several assets share this id, which a platform reference uses: "
                "the first is taken as the platform",
            )
        keep = mask & ~ids.duplicated(keep="first").to_numpy()
        self.add_platforms(a[keep])

    def add_platforms(self, a):
        """Register prepared platform rows (asset table form)."""
        plats = _Platforms(
            pd.Index(a["asset_id"].astype(object).to_numpy()),
            a["vendor_id"].astype(object).to_numpy(),
            a["standards"].astype(object).to_numpy(),
        )
        for sc in self.scenarios:
            plats.forced[sc.id] = self._evaluate(a, sc)["forced"] if len(a) else np.zeros(0, dtype=bool)
        self._platforms = plats

    def assess(self, frame, progress=None, is_canceled=None, fields=None):
        """Assess one chunk of tagged rows: {scenario id: results aligned with frame}.
        `fields` maps roles to this chunk's field names (layers may name them differently)."""
        fields = fields or self.fields
        a, _ = prepare_assets(
            frame, fields, self.catalog, self.reference_date.year, self.issues, self._rate_of
        )
        platforms = self._platform_positions(a, fields)
        results = {}
        for i, sc in enumerate(self.scenarios):
            if is_canceled is not None and is_canceled():
                return None
            res, extra = self._evaluate(a, sc, platforms, with_details=True)
            self._accumulate(sc, a, res, extra, platforms)
            results[sc.id] = res
            if progress is not None:
                progress(100.0 * (i + 1) / len(self.scenarios))
        self._n += len(a)
        self.assets = a
        return results

    def finish(self):
        """Summaries and provenance of everything assessed since start()."""
        rows = []
        for sc in self.scenarios:
            s = self._sums[sc.id]
            by_class = pd.DataFrame.from_dict(
                self._class_costs[sc.id], orient="index", columns=["fixed", "mid", "low", "high"]
            )
            p50, p90 = sample_total(
                by_class, sc, self.profile.uncertainty_samples, self.profile.uncertainty_seed
            )
            rows.append(
                {
                    "scenario_id": sc.id,
                    "scenario_name": sc.label(),
                    "probability": sc.probability,
                    **{
                        k: int(s[k])
                        for k in (
                            "assets",
                            "level_0",
                            "level_1",
                            "level_2",
                            "level_3",
                            "incompatible",
                            "forced",
                            "reintegrated",
                        )
                    },
                    **{
                        k: float(s[k])
                        for k in (
                            "purchase_value",
                            "replacement_cost",
                            "reintegration_cost",
                            "stranded_value",
                        )
                    },
                    "total_cost": float(s["replacement_cost"] + s["stranded_value"]),
                    "p50_cost": p50,
                    "p90_cost": p90,
                    "mean_risk_score": float(s["risk_score_sum"] / s["assets"]) if s["assets"] else 0.0,
                }
            )
        summary = pd.DataFrame(rows)
        weights = summary["probability"].to_numpy(float)
        total_p = float(weights.sum())
        summary["weight"] = weights / total_p if total_p > 0 else weights
        expected = float((summary["weight"] * summary["total_cost"]).sum())
        summary["expected_cost"] = expected
        vendor_summary = pd.concat([self._vendor_frame(sc) for sc in self.scenarios], ignore_index=True)
        return AssessmentResult(
            {}, summary, vendor_summary, self._run_info(expected, total_p), self.issues.frame(), self.assets
        )

    # -- one scenario on one asset table ---------------------------------------------------
    def _platform_positions(self, a, fields):
        """Row of each asset's platform in the platform table (-1: none or not found)."""
        pid = a["platform_id"].astype(object)
        pos = (
            self._platforms.ids.get_indexer(pid.to_numpy())
            if len(self._platforms.ids)
            else np.full(len(a), -1)
        )
        missing = (pid != "").to_numpy() & (pos < 0)
        if missing.any():
            self.issues.add(
                a.loc[missing, "asset_id"],
                fields.get("platform") or "platform",
                "platform id not found among the assessed assets: no cascade",
                pid[missing],
            )
        return np.asarray(pos, dtype=np.int64)

    def _evaluate(self, a, sc, platforms=None, with_details=False):
        resolver, compat = self._resolvers[sc.id], self._compat[sc.id]
        consequence = sc.consequence_date(self.reference_date)

        # Sanctions: once per distinct (vendor, class, OEM relation, install year).
        codes, uniq = _factorize_rows(
            a[["vendor_id", "asset_class", "oem_maker_id", "oem_status", "install_year"]]
        )
        verdicts = [resolver.verdict(v, c, m, s, int(y)) for v, c, m, s, y in uniq]
        level = np.array([v.level for v in verdicts], dtype=np.int64)[codes]
        deadline_year = np.array(
            [int(v.deadline[:4]) if v.deadline else -1 for v in verdicts], dtype=np.int64
        )[codes]

        # Compatibility: once per distinct (standards, vendor verdict).
        ccodes, cuniq = _factorize_rows(pd.DataFrame({"s": a["standards"], "v": codes}))
        judged = [compat.judge(s, verdicts[v].cut_off, verdicts[v].cut_reason) for s, v in cuniq]
        compatible = np.array([j[0] for j in judged], dtype=bool)[ccodes]

        forced_removal = sc.enforced & (level == 3)
        forced = forced_removal | (sc.enforced & ~compatible)
        if platforms is None:  # platform table: nothing more is needed
            return {"forced": forced}
        forced_year = np.where(forced_removal & (deadline_year > 0), deadline_year, consequence.year).astype(
            np.int64
        )
        forced_year = np.where(forced, forced_year, 0)

        q, u = a["quantity"].to_numpy(float), a["unit_cost"].to_numpy(float)
        iy, life = a["install_year"].to_numpy(float), a["service_life"].to_numpy(float)
        purchase = costs.purchase_value(q, u)
        repl = costs.replacement_cost(forced, q, u, a["install_factor"].to_numpy(float), sc.cost_multiplier)
        stranded = costs.stranded_value(forced, q, u, forced_year, iy, life)

        # Platform cascade: an asset wired to a forced platform by a proprietary link.
        link_prop = self._proprietary_links(a, platforms, compat)
        plat_forced = np.zeros(len(a), dtype=bool)
        has = platforms >= 0
        if has.any():
            plat_forced[has] = self._platforms.forced[sc.id][platforms[has]]
        reint_needed = plat_forced & link_prop & ~forced
        reint = costs.reintegration_cost(reint_needed, q, u, sc.reintegration_factor, sc.cost_multiplier)
        repl = repl + reint
        lockin = costs.lockin_ratio(repl, stranded, purchase)
        service_used = np.clip((self.reference_date.year - iy) / np.where(life > 0, life, 1), 0, 1)
        score = risk_score(level, ~compatible, lockin, service_used, self.profile)
        band = risk_band(score, self.profile)
        reasons = self._reasons(sc, verdicts, codes, judged, ccodes, forced, forced_year, reint_needed, a)
        res = pd.DataFrame(
            {
                "scenario_id": categorical(np.zeros(len(a), dtype=np.int64), [sc.id]),
                "sanction_level": level,
                "sanction_lists": categorical(codes, [v.lists for v in verdicts]),
                "removal_deadline": categorical(
                    codes, [v.deadline if v.level == 3 else "" for v in verdicts]
                ),
                "compatible": compatible,
                "forced": forced,
                "forced_year": np.where(forced, forced_year, np.nan),  # NULL when not replaced
                "purchase_value": purchase,
                "replacement_cost": repl,
                "reintegration_cost": reint,
                "stranded_value": stranded,
                "lockin_ratio": np.round(lockin, 4),
                "risk_score": score,
                "risk_band": band,
                "cost_assumed": a["cost_assumed"].to_numpy(bool),
                "reasons": reasons,
            },
            index=a.index,
        )
        extra = {"verdicts": verdicts, "codes": codes, "link_prop": link_prop}
        return (res, extra) if with_details else res

    def _proprietary_links(self, a, platforms, compat):
        """True where an asset reaches its platform only through a proprietary protocol."""
        out = np.zeros(len(a), dtype=bool)
        idx = np.flatnonzero(platforms >= 0)
        if not len(idx):
            return out
        pairs = pd.DataFrame(
            {
                "a": a["standards"].astype(object).to_numpy()[idx],
                "p": self._platforms.standards[platforms[idx]],
            }
        )
        pcodes, puniq = _factorize_rows(pairs)
        prop = np.array([compat.link_is_proprietary(x, y) for x, y in puniq], dtype=bool)
        out[idx] = prop[pcodes]
        return out

    # -- reasons ---------------------------------------------------------------------------
    def _reasons(self, sc, verdicts, codes, judged, ccodes, forced, forced_year, reint, a):
        """Plain-language why, built once per distinct combination of facts."""
        plat = a["platform_id"]
        pcodes, pvalues = (
            (plat.cat.codes.to_numpy(), list(plat.cat.categories))
            if isinstance(plat.dtype, pd.CategoricalDtype)
            else pd.factorize(plat.to_numpy())
        )
        flags = (
            forced.astype(np.int64)
            | reint.astype(np.int64) << 1
            | a["cost_assumed"].to_numpy(bool).astype(np.int64) << 2
            | a["year_assumed"].to_numpy(bool).astype(np.int64) << 3
        )
        key = pd.DataFrame(
            {"v": codes, "c": ccodes, "y": forced_year, "fl": flags, "p": np.where(reint, pcodes, -1)}
        )
        kcodes, kuniq = _factorize_rows(key)
        texts, lang = [], self.lang
        for v, c, y, fl, pc in kuniq:
            f, r, ca, ya = fl & 1, fl & 2, fl & 4, fl & 8
            p = pvalues[pc] if pc >= 0 else ""
            verdict = verdicts[v]
            parts = [verdict.reason]
            ok, why = judged[c]
            if why:
                parts.append(phrase("compatible" if ok else "incompatible", lang, why=why))
            if f:
                cause = "forced_removal" if verdict.level == 3 and sc.enforced else "forced_incompatible"
                parts.append(phrase(cause, lang, year=y, scenario=sc.label(lang)))
            elif verdict.level and not sc.enforced:
                parts.append(phrase("not_enforced", lang))
            if r:
                parts.append(phrase("cascade", lang, platform=p))
            if ca:
                parts.append(phrase("cost_assumed", lang))
            if ya:
                parts.append(phrase("year_assumed", lang))
            texts.append(". ".join(x for x in parts if x) + ".")
        return categorical(kcodes, texts)

    # -- accumulation ----------------------------------------------------------------------
    def _accumulate(self, sc, a, res, extra, platforms):
        s = self._sums[sc.id]
        lvl = res["sanction_level"].to_numpy()
        repl = res["replacement_cost"].to_numpy(float)
        stranded = res["stranded_value"].to_numpy(float)
        reint = res["reintegration_cost"].to_numpy(float)
        forced = res["forced"].to_numpy(bool)
        incompatible = ~res["compatible"].to_numpy(bool)
        s["assets"] += len(res)
        for k in range(4):
            s[f"level_{k}"] += int((lvl == k).sum())
        s["incompatible"] += int(incompatible.sum())
        s["forced"] += int(forced.sum())
        s["reintegrated"] += int((reint > 0).sum())
        purchase = res["purchase_value"].to_numpy(float)
        s["purchase_value"] += float(purchase.sum())
        s["replacement_cost"] += float(repl.sum())
        s["reintegration_cost"] += float(reint.sum())
        s["stranded_value"] += float(stranded.sum())
        s["risk_score_sum"] += float(res["risk_score"].sum())

        # P50/P90 inputs: class-default costs vary per class; asset-specific costs are fixed.
        cost_part = repl + stranded
        assumed = a["cost_assumed"].to_numpy(bool)
        unit = a["unit_cost"].to_numpy(float)
        with np.errstate(divide="ignore", invalid="ignore"):
            lo = np.where(unit > 0, a["unit_cost_low"].to_numpy(float) / unit, 1.0)
            hi = np.where(unit > 0, a["unit_cost_high"].to_numpy(float) / unit, 1.0)
        ccodes, cnames = _codes_of(a["asset_class"])
        mid = np.where(assumed, cost_part, 0.0)
        parts = (np.where(assumed, 0.0, cost_part), mid, mid * lo, mid * hi)
        sums = [np.bincount(ccodes, weights=p, minlength=len(cnames)) for p in parts]
        acc = self._class_costs[sc.id]
        for j, name in enumerate(cnames):
            prev = acc.get(name, [0.0, 0.0, 0.0, 0.0])
            acc[name] = [prev[i] + float(sums[i][j]) for i in range(4)]

        # Per vendor: sums, highest level, lists.
        vcodes, vnames = _codes_of(a["vendor_id"])
        k = len(vnames)
        full = purchase * (1 + a["install_factor"].to_numpy(float)) * sc.cost_multiplier
        book = purchase * costs.remaining_share(
            self.reference_date.year, a["install_year"].to_numpy(float), a["service_life"].to_numpy(float)
        )
        columns = {
            "assets": np.bincount(vcodes, minlength=k).astype(float),
            "units": np.bincount(vcodes, weights=a["quantity"].to_numpy(float), minlength=k),
            "assets_forced": np.bincount(vcodes, weights=forced.astype(float), minlength=k),
            "incompatible": np.bincount(vcodes, weights=incompatible.astype(float), minlength=k),
            "purchase_value": np.bincount(vcodes, weights=purchase, minlength=k),
            "replacement_cost": np.bincount(vcodes, weights=repl, minlength=k),
            "stranded_value": np.bincount(vcodes, weights=stranded, minlength=k),
            "exit_cost": np.bincount(vcodes, weights=full + book, minlength=k),
        }
        vendors = self._vendors[sc.id]
        for j, name in enumerate(vnames):
            if not columns["assets"][j]:
                continue
            entry = vendors.setdefault(name, {**dict.fromkeys(VENDOR_SUMS, 0.0), "level": 0, "lists": set()})
            for key in VENDOR_SUMS:
                entry[key] += float(columns[key][j])
        verdict_vendor = np.zeros(len(extra["verdicts"]), dtype=np.int64)
        verdict_vendor[extra["codes"]] = vcodes
        for j, verdict in zip(verdict_vendor, extra["verdicts"]):
            entry = vendors[vnames[j]]
            entry["level"] = max(entry["level"], verdict.level)
            entry["lists"].update(x for x in verdict.lists.split(";") if x)

        # Switching away from a platform vendor re-integrates what is wired to its platforms
        # by a proprietary protocol, whoever made it.
        idx = np.flatnonzero((platforms >= 0) & extra["link_prop"])
        if len(idx):
            pv = self._platforms.vendor[platforms[idx]]
            own = a["vendor_id"].astype(object).to_numpy()[idx]
            other = pv != own
            factor = sc.reintegration_factor or 0.25
            cost = purchase[idx][other] * factor * sc.cost_multiplier
            cascade = self._cascade[sc.id]
            for vendor, value in pd.Series(cost).groupby(pv[other]).sum().items():
                cascade[vendor] = cascade.get(vendor, 0.0) + float(value)

    def _vendor_frame(self, sc):
        vendors = self._vendors[sc.id]
        out = pd.DataFrame(
            [
                {
                    "vendor_id": v,
                    **{k: e[k] for k in VENDOR_SUMS},
                    "sanction_level": e["level"],
                    "sanction_lists": ";".join(sorted(e["lists"])),
                }
                for v, e in vendors.items()
            ],
            columns=["vendor_id", *VENDOR_SUMS, "sanction_level", "sanction_lists"],
        )
        for col in ("assets", "assets_forced", "incompatible", "sanction_level"):
            out[col] = out[col].astype(np.int64)
        out["cascade_cost"] = out["vendor_id"].map(self._cascade[sc.id]).fillna(0.0).astype(float)
        out["switching_cost"] = out["exit_cost"] + out["cascade_cost"]
        out["exposure"] = out["replacement_cost"] + out["stranded_value"]
        table = self.catalog.vendors.set_index("vendor_id")
        short = table["short_name"].where(table["short_name"] != "", table["name"])
        top = self.catalog.ultimate_parent()
        out["vendor_name"] = out["vendor_id"].map(short).fillna("(unknown vendor)")
        out.loc[out["vendor_id"] == "", "vendor_name"] = "(unknown vendor)"
        out["parent_id"] = out["vendor_id"].map({v: p for v, p in top.items() if p != v}).fillna("")
        out["country"] = out["vendor_id"].map(table["country"]).fillna("")
        out.insert(0, "scenario_id", sc.id)
        out = out.sort_values(["exposure", "switching_cost"], ascending=False, kind="stable")
        cols = [c.name for c in VENDOR_SUMMARY]
        return out[cols].reset_index(drop=True)

    def _run_info(self, expected, total_p):
        return {
            "run_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "reference_date": self.reference_date.isoformat(),
            "jurisdiction": self.jurisdiction.code,
            "bloc": self.jurisdiction.bloc,
            **catalog_facts(self.catalog, date.today()),
            "currency": self.currency,
            "exchange_rates": "; ".join(r.describe() for r in self.rates) or "none (no cost converted)",
            **({"currency_note": self.currency_note} if self.currency_note else {}),
            "catalog_folders": ";".join(recorded(f, self.base) for f in self.catalog.folders),
            "scenarios": ",".join(s.id for s in self.scenarios),
            "scenario_files": ";".join(recorded(s.path, self.base) for s in self.scenarios),
            "profile_file": recorded(self.profile.path, self.base),
            "assets": self._n,
            "data_issues": len(self.issues),
            "expected_cost": expected,
            "probability_sum": float(total_p),
            "field_mapping": "; ".join(f"{k}={v}" for k, v in self.fields.items() if v),
            **{f"input_{k}": v for k, v in self.inputs.items()},
        }


def _codes_of(series):
    """(codes >= 0, names) of a text column; Categoricals cost nothing."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.int64)
        names = list(series.cat.categories)
        if (codes < 0).any():
            codes = np.where(codes < 0, len(names), codes)
            names.append("")
        return codes, names
    codes, names = pd.factorize(series.astype(object).fillna("").to_numpy(), sort=False)
    return codes.astype(np.int64), list(names)


def _factorize_rows(df):
    """Codes and distinct rows (as tuples) of a DataFrame, in first-seen order."""
    if not len(df):
        return np.zeros(0, dtype=np.int64), []
    codes, first = factorize_rows([df[c] for c in df.columns])
    rows = [tuple(_plain(v) for v in row) for row in df.iloc[first].itertuples(index=False, name=None)]
    return codes, rows


def _plain(v):
    return v.item() if hasattr(v, "item") else v
