"""The main job on the bundled sample city: tag, assess, render, summarise (`make demo`)."""

import os
import sys
import time

from .plugin_paths import SAMPLE_CITY

SAMPLE = SAMPLE_CITY
LANG = "en"  # of every output, whatever the machine's QGIS locale (one language per demo)


def print_table(summary, currency, out=sys.stdout):
    from .risk.money import number

    def _money(x):
        return number(x, LANG)

    cols = [
        ("scenario", 20),
        ("lvl0", 6),
        ("lvl1", 6),
        ("lvl2", 6),
        ("lvl3", 6),
        ("incompat", 9),
        (f"replacement {currency}", 18),
        (f"stranded {currency}", 14),
        (f"P50 {currency}", 14),
        (f"P90 {currency}", 14),
    ]
    print("".join(name.rjust(w) if i else name.ljust(w) for i, (name, w) in enumerate(cols)), file=out)
    for r in summary.itertuples():
        vals = [
            r.scenario_id,
            r.level_0,
            r.level_1,
            r.level_2,
            r.level_3,
            r.incompatible,
            _money(r.replacement_cost),
            _money(r.stranded_value),
            _money(r.p50_cost),
            _money(r.p90_cost),
        ]
        print(
            "".join(
                str(v).rjust(w) if i else str(v).ljust(w) for i, (v, (_, w)) in enumerate(zip(vals, cols))
            ),
            file=out,
        )
    expected = float(summary["expected_cost"].iloc[0]) if len(summary) else 0.0
    print(f"Expected cost over scenarios (probability-weighted): {_money(expected)} {currency}", file=out)


def render_maps(gpkg, out_dir, scenario_ids, sample):
    from qgis.core import QgsVectorLayer

    from .gis.layouts.council_report import scenario_label
    from .gis.layouts.render import export_png, map_page, scratch_project
    from .gis.sample_project import BACKGROUND, sample_layer
    from .gis.styles.risk import apply_risk_styles

    project = scratch_project()
    background = []
    for name in BACKGROUND:
        lyr = sample_layer(sample, name)
        project.addMapLayer(lyr, False)
        background.append(lyr)
    pngs = []
    for sid in scenario_ids:
        name = scenario_label(sid, LANG)
        layer = QgsVectorLayer(f"{gpkg}|layername=risk_{sid}", name, "ogr")
        apply_risk_styles(layer)
        project.addMapLayer(layer, False)
        layout = map_page(
            project,
            [layer] + background[::-1],
            f"Vendor risk — {name}",
            "Sample city of Valbourg (fictional). Colour: risk band; ×: incompatible under the scenario.",
            legend_layers=[layer],
        )
        path = os.path.join(out_dir, f"map_{sid}.png")
        export_png(layout, path)
        pngs.append(path)
    return pngs


def run_demo(args=()):
    """Run on the sample; print the per-scenario table; return a process exit code."""
    import shutil

    from .gis.sample_project import ASSET_LAYERS, BACKGROUND
    from .headless import run_algorithm

    out_dir = os.path.abspath(args[0] if args else "out")
    os.makedirs(out_dir, exist_ok=True)
    gpkg = os.path.join(out_dir, "vendor_risk.gpkg")
    t0 = time.time()
    # QGIS opens GeoPackages for update (WAL journal): work on a copy, never on shipped data
    sample = os.path.join(out_dir, "sample_city.gpkg")
    shutil.copyfile(SAMPLE, sample)
    inputs = [f"{sample}|layername={name}" for name in ASSET_LAYERS]
    code, results = run_algorithm(
        "vendorrisk:assessrisk",
        {
            "INPUT": inputs,
            "JURISDICTION": "FR",
            "REFERENCE_DATE": "2026-11-25",
            "LANGUAGE": LANG,
            "OUTPUT": gpkg,
        },
        quiet=True,
        show_results=False,
    )
    if code:
        return code
    from .gis.io.assessment_read import read_table

    summary = read_table(gpkg, "scenario_summary")
    print(f"\nVendor Risk demo — sample city of Valbourg, jurisdiction FR ({results['ASSETS']} assets)\n")
    print_table(summary, results.get("CURRENCY") or "EUR")
    pngs = render_maps(gpkg, out_dir, list(summary["scenario_id"]), sample)
    print(f"\nWrote {gpkg}")
    for p in pngs:
        print(f"Wrote {p}")
    from .gis.layouts.council_report import council_report
    from .provider.export_workbook import export_workbook

    print(f"Wrote {export_workbook(gpkg, os.path.join(out_dir, 'vendor_risk.xlsx'), LANG)[0]}")

    _, written = council_report(
        gpkg,
        "rip_and_replace",
        os.path.join(out_dir, "council_report_rip_and_replace.pdf"),
        os.path.join(out_dir, "council_report_rip_and_replace.png"),
        background=[f"{sample}|layername={name}" for name in BACKGROUND],
        lang=LANG,
        place="Valbourg",
    )
    for p in written:
        print(f"Wrote {p}")
    print(f"Wrote {write_demo_project(sample, gpkg, out_dir, results.get('CURRENCY') or 'EUR')}")
    audit = run_audit_demo(sample, out_dir)
    print(
        f"\nCamera audit (French rule set): {audit['CAMERAS']} cameras, {audit['BREACHES']} "
        f"breaches, {audit['CANNOT_VERIFY']} cannot be verified"
    )
    for key in ("OUTPUT", "OUTPUT_XLSX", "OUTPUT_PDF"):
        if audit.get(key):
            print(f"Wrote {audit[key]}")
    code = run_procurement_demo(gpkg, out_dir)
    if code:
        return code
    print(f"\nDone in {time.time() - t0:.1f} s")
    return 0


def run_procurement_demo(gpkg, out_dir):
    """The example tender compared against the assessment, and a replacement plan of its
    rip-and-replace scenario: out_dir/offers.xlsx/.pdf, replacement_plan.gpkg/.xlsx."""
    from .headless import run_algorithm
    from .plugin_paths import PLUGIN_DIR

    tender = os.path.join(PLUGIN_DIR, "resources", "procurement", "sample_tender.csv")
    code, offers = run_algorithm(
        "vendorrisk:compareoffers",
        {
            "INPUT": tender,
            "ASSESSMENT": gpkg,
            "SIGNATURE_DATE": "2026-12-04",
            "LANGUAGE": LANG,
            "OUTPUT_XLSX": os.path.join(out_dir, "offers.xlsx"),
            "OUTPUT_PDF": os.path.join(out_dir, "offers.pdf"),
        },
        quiet=True,
        show_results=False,
    )
    if code:
        return code
    print(f"\nExample tender: {offers['RESULT']}")
    code, plan = run_algorithm(
        "vendorrisk:replacementplan",
        {
            "INPUT": gpkg,
            "SCENARIO": "rip_and_replace",
            "BUDGET": 5_000_000,
            "DEADLINE": 2030,
            "LANGUAGE": LANG,
            "OUTPUT": os.path.join(out_dir, "replacement_plan.gpkg"),
            "OUTPUT_XLSX": os.path.join(out_dir, "replacement_plan.xlsx"),
        },
        quiet=True,
        show_results=False,
    )
    if code:
        return code
    print(f"Replacement plan, 5,000,000 EUR a year: {plan['RESULT']}")
    for path in (offers["OUTPUT_XLSX"], offers["OUTPUT_PDF"], plan["OUTPUT"], plan["OUTPUT_XLSX"]):
        print(f"Wrote {path}")
    return 0


def write_demo_project(sample, gpkg, out_dir, currency):
    """out_dir/vendor_risk.qgz: the sample city styled, its inventory unchecked under the run's
    group of scenario layers (named by scenario, the first shown, a map theme each)."""
    from qgis.core import QgsProject

    from .gis.io.assessment_read import read_table
    from .gis.layouts.council_report import scenario_label
    from .gis.sample_project import ASSET_LAYERS, add_sample_layers, write_project
    from .ui.overlays import add_run_group

    project = QgsProject()
    layers = add_sample_layers(project, sample)
    ids = list(read_table(gpkg, "scenario_summary")["scenario_id"])
    add_run_group(
        project,
        gpkg,
        ids,
        {sid: scenario_label(sid, LANG) for sid in ids},
        lang=LANG,
        currency=currency,
        inputs=[layers[n] for n in ASSET_LAYERS],
    )
    path = write_project(project, os.path.join(out_dir, "vendor_risk.qgz"), "Valbourg — Vendor Risk demo")
    project.clear()
    return path


def run_audit_demo(sample_gpkg, out_dir, feedback=None):
    """The audit of the sample city, as `make demo` runs it: out_dir/audit.gpkg, .xlsx, .pdf."""
    from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

    from .provider.audit_cameras import AuditCamerasAlgorithm
    from .risk.audit.ruleset import DEFAULT_RULESET

    def uri(name):
        return f"{sample_gpkg}|layername={name}"

    params = {
        "INPUT": uri("cameras"),
        "SENSITIVE_SITES": uri("sensitive_sites"),
        "DWELLINGS": uri("dwellings"),
        "DISTRICTS": uri("districts"),
        "RULESET": DEFAULT_RULESET,
        "JURISDICTION": "FR",
        "OUTPUT": os.path.join(out_dir, "audit.gpkg"),
        "OUTPUT_XLSX": os.path.join(out_dir, "audit.xlsx"),
        "OUTPUT_PDF": os.path.join(out_dir, "audit.pdf"),
    }
    alg = AuditCamerasAlgorithm().create()
    feedback = feedback or QgsProcessingFeedback()
    results, ok = alg.run(params, QgsProcessingContext(), feedback)
    if not ok:
        raise QgsProcessingException("The camera audit of the sample city failed.")
    return results
