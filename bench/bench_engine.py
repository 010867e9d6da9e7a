"""The risk engine on N assets x 5 scenarios, beside GDAL's Arrow read of the same layer.

    .venv/bin/python bench/bench_engine.py [N]      (default 1,000,000)

Targets (issue 3): engine <= 10 s and peak memory <= 4 GB on this 2-core machine.
"""

import os
import sys
import time
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(n):
    import synth
    from bench_tagging import arrow_read, best_of
    from peak import peak_rss_mb

    from cli import import_plugin_package

    import_plugin_package()
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from vendor_risk.gis.io.layers import read_layer
    from vendor_risk.risk.assessment.engine import Assessment
    from vendor_risk.risk.assessment.scenarios import load_profile, load_scenarios
    from vendor_risk.risk.catalog.loader import load_catalog
    from vendor_risk.risk.tagging.fieldmap import detect_fields
    from vendor_risk.risk.tagging.tagger import Tagger

    path = synth.layer_path(n)
    t_arrow, _ = best_of(lambda: arrow_read(path))
    layer = QgsVectorLayer(f"{path}|layername=assets", "assets", "ogr")
    data = read_layer(layer)
    catalog = load_catalog()
    fields = detect_fields(list(data.frame.columns))
    tags, _ = Tagger(catalog).tag(data.frame, fields)
    frame = data.frame.join(tags)
    scenarios = load_scenarios()

    def engine():
        e = Assessment(catalog, scenarios, load_profile(), "FR", date(2026, 11, 25))
        ok, msg = e.prepare(frame, fields)
        assert ok, msg
        return e.run()

    t0 = time.perf_counter()
    result = engine()
    t_engine = time.perf_counter() - t0
    peak = peak_rss_mb()
    print(
        f"assets: {len(frame):,} x {len(scenarios)} scenarios "
        f"({len(frame) * len(scenarios):,} asset-scenario results)"
    )
    print(f"GDAL Arrow read of the layer:   {t_arrow:6.2f} s")
    print(
        f"engine (prepare + 5 scenarios): {t_engine:6.2f} s   ratio to Arrow read "
        f"{t_engine / t_arrow:5.1f}   (target <= 10 s)"
    )
    print(f"peak memory of the process:     {peak:6.0f} MB (target <= 4096 MB)")
    print(f"expected cost: {result.run_info['expected_cost']:,.0f}")
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
