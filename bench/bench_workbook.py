"""Workbook export of N asset rows against a bare openpyxl write-only loop over the same rows.

    .venv/bin/python bench/bench_workbook.py [N] [--repeat=R]   (default 1,000,000 rows, R=1)

(a) baseline: openpyxl write-only, one ws.append per row of the same columns' raw values, save;
(b) export: build_report (extract: translate, neutralise, order) + write_workbook (styles, all
    sheets, atomic save), from the same in-memory assessment table.
Prints both timings (wall and CPU; with R > 1 the best of R alternated runs) and the ratio
(b) / (a); target <= 1.3. Needs no catalog and no QGIS.
"""

import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

REASONS = (
    "Hikvision: FCC Covered List (US, removal) since 2021-03-12; NDAA section 889 (US, "
    "restricted) since 2019-08-13. incompatible: speaks only ISAPI, unsupported in the west "
    "bloc. removal mandated: replaced in 2027 under 'Rip and replace'.",
    "Axis: on no list. compatible: ONVIF S supported in the west bloc.",
    "vendor unknown: exposure cannot be assessed. unit cost: class default (assumed).",
    "Dahua: NDAA section 889 (US, restricted) since 2019-08-13. wired to platform V12 by a "
    "proprietary protocol: re-integration when it is removed. install year unknown: assumed new.",
)


def assessment_frame(n):
    """A risk_<scenario> layer's attributes: synthetic inputs + tag + result columns."""
    import numpy as np
    import synth

    rng = np.random.default_rng(11)
    f = synth.frame(n)
    f.insert(0, "source_layer", "assets")

    def pick(values):
        return np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]

    vendor = rng.integers(0, 6, n)
    f["vendor_id"] = np.array(["hikvision", "dahua", "axis", "huawei", "bosch", ""], dtype=object)[vendor]
    f["vendor_name"] = np.array(
        ["Hikvision", "Dahua", "Axis", "Huawei", "Bosch", "(unknown vendor)"], dtype=object
    )[vendor]
    f["parent_id"] = np.where(vendor == 0, "cetc", f["vendor_id"]).astype(object)
    f["vendor_country"] = pick(["CN", "SE", "DE", ""])
    f["match_method"] = pick(["exact", "alias", "brand", "fuzzy", "unknown", "model_pattern"])
    f["match_confidence"] = rng.choice([1.0, 0.98, 0.95, 0.9, 0.0], n)
    f["needs_review"] = rng.integers(0, 2, n)
    f["oem_maker_id"] = pick(["", "", "", "hikvision"])
    f["oem_status"] = pick(["", "", "", "listed"])
    f["asset_class"] = pick(["camera", "street_light_controller", "radio_site", "ev_charger"])
    f["standards"] = pick(["onvif_s;rtsp", "isapi", "gbt28181", "dali2;talq", ""])
    f["standards_assumed"] = rng.integers(0, 2, n)
    f["match_note"] = ""
    level = rng.integers(0, 4, n)
    forced = (level == 3) | (rng.random(n) < 0.1)
    f["scenario_id"] = "rip_and_replace"
    f["sanction_level"] = level
    f["sanction_lists"] = np.where(level > 0, "us_fcc_covered;us_ndaa_889", "").astype(object)
    f["removal_deadline"] = np.where(level == 3, "2027-12-31", "").astype(object)
    f["compatible"] = (rng.random(n) > 0.2).astype(int)
    f["forced"] = forced.astype(int)
    f["forced_year"] = np.where(forced, 2027, 0)
    purchase = f["cout"].to_numpy() * f["quantite"].to_numpy()
    f["purchase_value"] = purchase
    f["replacement_cost"] = np.where(forced, purchase * 1.3 * 1.25, 0.0)
    f["reintegration_cost"] = np.where(rng.random(n) < 0.05, purchase * 0.25, 0.0)
    f["stranded_value"] = np.where(forced, purchase * rng.random(n), 0.0)
    f["lockin_ratio"] = np.round((f["replacement_cost"] + f["stranded_value"]) / purchase, 4)
    f["risk_score"] = rng.uniform(0, 100, n)
    f["risk_band"] = np.array(["low", "medium", "high", "critical"], dtype=object)[
        np.minimum(f["risk_score"].to_numpy() // 25, 3).astype(int)
    ]
    f["cost_assumed"] = rng.integers(0, 2, n)
    f["reasons"] = pick(REASONS)
    return f


def tables_for(frame):
    import pandas as pd
    from vendor_risk.risk.tagging.fieldmap import describe_mapping, detect_fields
    from vendor_risk.risk.workbook.data import AssessmentTables

    fields = detect_fields([c for c in frame.columns if c != "source_layer"])
    summary = pd.DataFrame(
        [
            {
                "scenario_id": "rip_and_replace",
                "scenario_name": "Rip and replace",
                "probability": 1.0,
                "assets": len(frame),
                "level_0": 0,
                "level_1": 0,
                "level_2": 0,
                "level_3": 0,
                "incompatible": 0,
                "forced": int(frame["forced"].sum()),
                "reintegrated": 0,
                "purchase_value": float(frame["purchase_value"].sum()),
                "replacement_cost": float(frame["replacement_cost"].sum()),
                "reintegration_cost": float(frame["reintegration_cost"].sum()),
                "stranded_value": float(frame["stranded_value"].sum()),
                "total_cost": 0.0,
                "p50_cost": 0.0,
                "p90_cost": 0.0,
                "mean_risk_score": 0.0,
                "weight": 1.0,
                "expected_cost": 0.0,
            }
        ]
    )
    vendors = (
        frame.groupby("vendor_id")
        .agg(
            assets=("asset_id", "size"),
            units=("quantite", "sum"),
            sanction_level=("sanction_level", "max"),
            purchase_value=("purchase_value", "sum"),
            replacement_cost=("replacement_cost", "sum"),
            stranded_value=("stranded_value", "sum"),
        )
        .reset_index()
    )
    vendors = vendors.assign(
        scenario_id="rip_and_replace",
        vendor_name=vendors["vendor_id"],
        parent_id=vendors["vendor_id"],
        country="",
        sanction_lists="",
        assets_forced=0,
        incompatible=0,
        exposure=vendors["replacement_cost"] + vendors["stranded_value"],
        exit_cost=0.0,
        cascade_cost=0.0,
        switching_cost=0.0,
    )
    run_info = {
        "run_at": "2026-11-25T00:00:00+00:00",
        "reference_date": "2026-11-25",
        "jurisdiction": "FR",
        "assets": len(frame),
        "field_mapping": describe_mapping(fields),
    }
    issues = pd.DataFrame(columns=["asset_id", "field", "value", "message"])
    return AssessmentTables({"rip_and_replace": frame}, summary, vendors, run_info, issues, "bench.gpkg")


def baseline(frame, columns, path):
    """A bare openpyxl write-only loop appending the same columns' values, row by row."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Assets")
    ws.append(list(columns))
    for row in zip(*(frame[c].tolist() for c in columns)):
        ws.append(row)
    wb.save(path)


def export(tables, path):
    from vendor_risk.risk.workbook.data import Context, build_report
    from vendor_risk.risk.workbook.writer import write_workbook

    report = build_report(tables, Context(), "en")
    write_workbook(report, path)
    return report


def timed(fn):
    """(wall seconds, CPU seconds of this process) of one call."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def main(n, repeat=1):
    from cli import import_plugin_package

    import_plugin_package()
    frame = assessment_frame(n)
    tables = tables_for(frame)
    with tempfile.TemporaryDirectory() as tmp:
        # The same columns in both runs: those the export writes (fetched on a small slice).
        probe = export(tables_for(frame.head(10)), os.path.join(tmp, "probe.xlsx"))
        mapping = dict(p.split("=") for p in tables.run_info["field_mapping"].split("; "))
        columns = [
            c.key if c.key in frame.columns else mapping[c.key.split(":", 1)[1]] for c in probe.assets.columns
        ]
        runs = {"base": [], "export": []}
        for _ in range(repeat):  # alternated, so both see the same machine load
            runs["base"].append(timed(lambda: baseline(frame, columns, os.path.join(tmp, "baseline.xlsx"))))
            runs["export"].append(timed(lambda: export(tables, os.path.join(tmp, "export.xlsx"))))
        t_base = tuple(min(r[i] for r in runs["base"]) for i in (0, 1))
        t_export = tuple(min(r[i] for r in runs["export"]) for i in (0, 1))
        sizes = [os.path.getsize(os.path.join(tmp, f)) for f in ("baseline.xlsx", "export.xlsx")]
    print(f"rows: {n:,}  columns: {len(columns)}  best of {repeat}")
    print(
        f"(a) bare openpyxl write-only loop: {t_base[0]:8.1f} s wall, {t_base[1]:8.1f} s CPU  "
        f"({sizes[0] / 1e6:.0f} MB)"
    )
    print(
        f"(b) export (extract + write):      {t_export[0]:8.1f} s wall, {t_export[1]:8.1f} s CPU  "
        f"({sizes[1] / 1e6:.0f} MB)"
    )
    print(
        f"ratio (b)/(a): {t_export[0] / t_base[0]:.2f} wall, {t_export[1] / t_base[1]:.2f} CPU"
        f"  (target <= 1.3; CPU time is the steadier measure on a shared machine)"
    )
    return 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--repeat=")]
    reps = [int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--repeat=")]
    sys.exit(main(int(args[0]) if args else 1_000_000, reps[0] if reps else 1))
