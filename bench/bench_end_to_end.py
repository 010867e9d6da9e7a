"""A million point assets end to end: tag + assess 5 scenarios + write the GeoPackage.

    .venv/bin/python bench/bench_end_to_end.py [N] [--baseline-n M]

Runs vendorrisk:assessrisk in a fresh process (so its peak memory is its own), then the
baseline: the same engine fed and emptied by a PyQGIS feature loop (QgsFeature iteration in,
QgsVectorFileWriter out), as a plugin written the usual way would do. Prints both and the ratio.
Targets (issue 7): <= 60 s and <= 4 GB peak for 1,000,000 assets on this 2-core machine.
"""

import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
sys.path.insert(0, HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def child(mode, n, out):
    """Run one pipeline in this process and print a JSON line with its timings."""
    import synth
    from peak import peak_rss_mb

    from cli import boot_qgis

    app, _ = boot_qgis()
    path = synth.layer_path(n)
    t0 = time.perf_counter()
    if mode == "plugin":
        from vendor_risk.headless import run_algorithm

        code, res = run_algorithm(
            "vendorrisk:assessrisk",
            {
                "INPUT": [f"{path}|layername=assets"],
                "JURISDICTION": "FR",
                "REFERENCE_DATE": "2026-11-25",
                "OUTPUT": out,
            },
            quiet=True,
            show_results=False,
        )
        assert code == 0
    else:
        baseline(path, out)
    elapsed = time.perf_counter() - t0
    peak = peak_rss_mb()
    print(json.dumps({"mode": mode, "n": n, "seconds": elapsed, "peak_mb": peak}))
    sys.stdout.flush()
    os._exit(0)


def baseline(path, out):
    """The same job with QgsFeature loops for reading and QgsVectorFileWriter for writing."""
    from datetime import date

    import pandas as pd
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsFields,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from vendor_risk.gis.compat import make_field
    from vendor_risk.risk.assessment.engine import Assessment
    from vendor_risk.risk.assessment.scenarios import load_profile, load_scenarios
    from vendor_risk.risk.catalog.loader import load_catalog
    from vendor_risk.risk.tagging.fieldmap import detect_fields
    from vendor_risk.risk.tagging.tagger import Tagger

    layer = QgsVectorLayer(f"{path}|layername=assets", "assets", "ogr")
    names = layer.fields().names()
    rows, geoms = [], []
    for f in layer.getFeatures():
        rows.append(f.attributes())
        geoms.append(f.geometry())
    frame = pd.DataFrame(rows, columns=names).drop(columns=["fid"], errors="ignore")
    catalog = load_catalog()
    fields = detect_fields(list(frame.columns))
    tags, _ = Tagger(catalog).tag(frame, fields)
    engine = Assessment(catalog, load_scenarios(), load_profile(), "FR", date(2026, 11, 25))
    engine.prepare(frame.join(tags), fields)
    result = engine.run()
    if os.path.exists(out):
        os.unlink(out)
    for i, (sid, res) in enumerate(result.scenarios.items()):
        table = pd.concat([frame, tags, res], axis=1)
        qfields = QgsFields()
        for col in table.columns:
            kind = (
                "float"
                if pd.api.types.is_float_dtype(table[col])
                else ("int64" if pd.api.types.is_integer_dtype(table[col]) else "str")
            )
            qfields.append(make_field(str(col), kind))
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.layerName = f"risk_{sid}"
        action = QgsVectorFileWriter.ActionOnExistingFile
        options.actionOnExistingFile = (
            action.CreateOrOverwriteFile if i == 0 else action.CreateOrOverwriteLayer
        )
        writer = QgsVectorFileWriter.create(
            out, qfields, layer.wkbType(), layer.crs(), QgsCoordinateTransformContext(), options
        )
        values = table.astype(object).where(table.notna(), None).to_numpy().tolist()
        for attrs, g in zip(values, geoms):
            feat = QgsFeature(qfields)
            feat.setAttributes(attrs)
            feat.setGeometry(g)
            writer.addFeature(feat)
        del writer


def run_child(mode, n, out):
    proc = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(n), out], capture_output=True, text=True
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        raise SystemExit(f"{mode} run failed:\n{proc.stderr[-3000:]}")
    return json.loads(lines[-1])


def main():
    args = sys.argv[1:]
    if args and args[0] == "--child":
        child(args[1], int(args[2]), args[3])
        return
    n = int(args[0]) if args and not args[0].startswith("--") else 1_000_000
    base_n = n
    if "--baseline-n" in args:
        base_n = int(args[args.index("--baseline-n") + 1])
    import synth

    synth.layer_path(n)
    if base_n != n:
        synth.layer_path(base_n)
    cache = synth.CACHE
    ours = run_child("plugin", n, os.path.join(cache, f"e2e_plugin_{n}.gpkg"))
    print(
        f"plugin   (vendorrisk:assessrisk) {n:>9,} assets: {ours['seconds']:7.1f} s, "
        f"peak {ours['peak_mb']:6.0f} MB   (targets <= 60 s, <= 4096 MB)"
    )
    base = run_child("baseline", base_n, os.path.join(cache, f"e2e_baseline_{base_n}.gpkg"))
    print(
        f"baseline (PyQGIS feature loops)  {base_n:>9,} assets: {base['seconds']:7.1f} s, "
        f"peak {base['peak_mb']:6.0f} MB"
    )
    per_asset = (base["seconds"] / base_n) / (ours["seconds"] / n)
    print(f"ratio baseline / plugin, per asset: {per_asset:5.1f}x faster")


if __name__ == "__main__":
    main()
