"""Tagging N assets (attributes in a GeoPackage) against GDAL's Arrow read of the same layer.

    .venv/bin/python bench/bench_tagging.py [N]      (default 1,000,000)

Prints the timings and their ratios to the Arrow read alone; target: tagging <= 3 x the read.
"""

import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def arrow_read(path):
    """The baseline: GDAL reads every attribute and geometry through its Arrow stream."""
    from osgeo import gdal

    ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    lyr = ds.GetLayer(0)
    n = 0
    for batch in lyr.GetArrowStreamAsNumPy():
        n += len(batch["fid"])
    return n


def best_of(fn, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - t0)
    return min(times), value


def main(n):
    import synth

    from cli import import_plugin_package

    import_plugin_package()
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from vendor_risk.gis.io.layers import read_layer
    from vendor_risk.gis.io.outputs import write_vector
    from vendor_risk.risk.catalog.loader import load_catalog
    from vendor_risk.risk.tagging.fieldmap import detect_fields
    from vendor_risk.risk.tagging.tagger import Tagger

    path = synth.layer_path(n)
    catalog = load_catalog()
    t_arrow, count = best_of(lambda: arrow_read(path))
    layer = QgsVectorLayer(f"{path}|layername=assets", "assets", "ogr")

    def read_and_tag():
        data = read_layer(layer)
        fields = detect_fields(list(data.frame.columns))
        tags, review = Tagger(catalog).tag(data.frame, fields)  # a fresh matcher: no warm cache
        return data, tags, review

    t_read, data = best_of(lambda: read_layer(layer))
    t_total, (data, tags, review) = best_of(read_and_tag)
    fields = detect_fields(list(data.frame.columns))
    t_tag, _ = best_of(lambda: Tagger(catalog).tag(data.frame, fields), repeat=5)
    import pandas as pd

    frame = pd.concat([data.frame, tags], axis=1)
    out = os.path.join(synth.CACHE, "tagged_out.gpkg")
    t0 = time.perf_counter()
    write_vector(out, frame, data.kinds, data, "tagged")
    t_write = time.perf_counter() - t0
    distinct = data.frame[["fabricant", "modele"]].drop_duplicates().shape[0]
    print(f"assets: {count:,}  distinct (maker, model) pairs: {distinct:,}  review strings: {len(review):,}")
    print(f"GDAL Arrow read alone (baseline): {t_arrow:7.2f} s")
    print(f"read_layer (Arrow -> DataFrame):  {t_read:7.2f} s   ratio {t_read / t_arrow:5.2f}")
    print(f"read + tag:                       {t_total:7.2f} s   ratio {t_total / t_arrow:5.2f}")
    print(f"tagging alone (tagassets' step):  {t_tag:7.2f} s   ratio {t_tag / t_arrow:5.2f}   (target <= 3)")
    print(f"write tagged GeoPackage:          {t_write:7.2f} s   ratio {t_write / t_arrow:5.2f}")
    app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
