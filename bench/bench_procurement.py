"""The procurement engines at scale, beside the assessment of the same city in the same run.

    .venv/bin/python bench/bench_procurement.py [N] [LINES]     (default 1,000,000 and 10,000)

- baseline: tagging + the assessment (5 scenarios) of a synthetic city of N assets, 2 % of them
  VMS platforms that cameras are wired to;
- replacementplan: the plan of the scenario that forces most assets out, over 10 years;
- compareoffers: a tender of LINES offer lines in 20 offers, their cameras wired to the city's
  installed VMS or to the offer's own VMS, against the assessed city.
Targets: a plan of 1,000,000 assets <= 60 s, a comparison of 10,000 lines <= 60 s, peak memory
<= 2 GB (the process, the city's assessment included). GeoPackage reading and writing are not
timed here (see bench_end_to_end.py for them)."""

import os
import sys
import time
from datetime import date

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def city(n):
    import synth

    f = synth.frame(n)
    rng = np.random.default_rng(5)
    vms = rng.random(n) < 0.02
    f.loc[vms, "type"] = "vms"
    ids = f.loc[vms, "asset_id"].to_numpy()
    cams = f["type"].isin(["camera", "cctv", "camera dome"]).to_numpy() | (rng.random(n) < 0.3)
    f["vms"] = ""
    f.loc[cams & ~vms, "vms"] = ids[rng.integers(0, len(ids), int((cams & ~vms).sum()))]
    return f, ids


def tender(lines, vms_ids, offers=20, seed=9):
    rng = np.random.default_rng(seed)
    makers = ["Axis Communications", "Hikvision", "Hanwha Vision", "Bosch", "Dahua", "Milestone", "Genetec"]
    rows = []
    per = lines // offers
    for o in range(offers):
        rows.append(
            dict(
                offer_id=f"O{o}",
                bidder=f"Bidder {o}",
                line_id="vms",
                vendor=makers[o % len(makers)],
                asset_class="vms",
                quantity=1,
                unit_price=80000.0,
                standards="ONVIF S",
                connects_to="",
            )
        )
        for i in range(per - 1):
            rows.append(
                dict(
                    offer_id=f"O{o}",
                    bidder=f"Bidder {o}",
                    line_id=str(i),
                    vendor=makers[(o + i) % len(makers)],
                    asset_class="camera",
                    quantity=int(rng.integers(1, 40)),
                    unit_price=float(rng.uniform(300, 1500)),
                    standards=["ONVIF S", "ISAPI", "Dahua SDK"][i % 3],
                    connects_to="vms" if i % 2 else str(vms_ids[i % len(vms_ids)]),
                )
            )
    f = pd.DataFrame(rows)
    for c in ("brand", "model"):
        f[c] = ""
    f["service_life"], f["support_years"] = np.nan, np.nan
    f["_row"] = np.arange(len(f)) + 2
    return f


def timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - t0, time.process_time() - c0, value


def main(n, lines):
    from peak import peak_rss_mb

    from cli import import_plugin_package

    import_plugin_package()
    from vendor_risk.risk.assessment.engine import Assessment
    from vendor_risk.risk.assessment.scenarios import load_profile, load_scenarios
    from vendor_risk.risk.catalog.loader import load_catalog
    from vendor_risk.risk.procurement.compare import compare_offers
    from vendor_risk.risk.procurement.plan import plan_replacement
    from vendor_risk.risk.tagging.fieldmap import detect_fields
    from vendor_risk.risk.tagging.tagger import Tagger

    catalog, scenarios, profile = load_catalog(), load_scenarios(), load_profile()
    frame, vms_ids = city(n)
    fields = detect_fields(list(frame.columns))

    def assess():
        tags, _ = Tagger(catalog).tag(frame, fields)
        tagged = frame.join(tags)
        e = Assessment(catalog, scenarios, profile, "FR", date(2026, 11, 25))
        ok, msg = e.prepare(tagged, fields)
        assert ok, msg
        return tagged, e.run()

    t_a, c_a, (tagged, result) = timed(assess)
    worst = max(result.scenarios, key=lambda s: int(result.scenarios[s]["forced"].sum()))
    rr = result.scenarios[worst]  # the scenario that forces most out: the largest plan
    risk = pd.concat([tagged[["asset_id", "vms"]].reset_index(drop=True), rr.reset_index(drop=True)], axis=1)
    total = float(rr["replacement_cost"].sum())
    t_p, c_p, plan = timed(lambda: plan_replacement(risk, total / 10, 2027, 2036, "vms"))
    offers = tender(lines, vms_ids)
    installed = tagged.assign(asset_id=tagged["asset_id"].astype(str))
    t_c, c_c, cmp = timed(
        lambda: compare_offers(
            offers, catalog, scenarios, profile, "FR", date(2026, 12, 4), "en", None, installed
        )
    )
    print(f"city: {n:,} assets x {len(scenarios)} scenarios; tender: {len(offers):,} lines in 20 offers")
    print(f"  baseline  tag + assess       {t_a:7.2f} s (cpu {c_a:6.2f} s)")
    print(
        f"  plan      {len(plan.assets):,} assets, {len(plan.years)} years  {t_p:7.2f} s (cpu {c_p:6.2f} s)  "
        f"ratio to the assessment {t_p / t_a:5.2f}  (target <= 60 s)"
    )
    print(
        f"  compare   {len(cmp.offers)} offers, {len(offers):,} lines  {t_c:7.2f} s (cpu {c_c:6.2f} s)  "
        f"ratio to the assessment {t_c / t_a:5.2f}  (target <= 60 s)"
    )
    print(f"  plan deadline met: {plan.deadline_met}; last year {plan.last_year}")
    print(f"  peak memory {peak_rss_mb():.0f} MB (target <= 2048 MB)")


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:]]
    main(args[0] if args else 1_000_000, args[1] if len(args) > 1 else 10_000)
