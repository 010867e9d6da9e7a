"""GDAL's Arrow writer (GDAL >= 3.8) and our SQLite inserts write the same GeoPackage.

The SQLite path is the default: measured on GDAL 3.10 (Debian 13), WriteArrow is no faster for
our layers (bench/run_all.py prints both on every release that has it). The Arrow path is kept
correct here so that the bench can re-decide on each new GDAL."""

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr
from vendor_risk.gis.compat import OGR_WRITES_ARROW
from vendor_risk.gis.io.gpkg_write import GpkgBuilder

KINDS = {
    "name": "str",
    "code": "str",
    "small": "int",
    "big": "int64",
    "cost": "float",
    "ok": "bool",
    "flag": "bool",
    "day": "date",
    "when": "datetime",
    "raw": "binary",
}


def _frame():
    return pd.DataFrame(
        {
            "name": ["Hikvision", "海康威视", None, "", "Schréder", "=cmd|x"],
            "code": pd.Categorical(["a", "b", None, "a", "ü", "b"]),
            "small": [1, None, 3, -4, 0, 7],
            "big": np.array([2**40, -1, 0, 5, 2**62, 3], dtype=np.int64),
            "cost": [1.5, np.nan, float("inf"), -2.25, 0.0, 1e308],
            "ok": np.array([True, False, True, True, False, False]),
            "flag": [True, None, False, True, None, False],
            "day": pd.to_datetime(["2024-01-31", None, "1999-12-31", "2030-06-01", None, "2026-12-03"]),
            "when": pd.to_datetime(
                [
                    "2024-01-31 10:11:12",
                    None,
                    "1970-01-01 00:00:00",
                    "2030-06-01 23:59:59",
                    None,
                    "2026-12-03 08:00:00",
                ]
            ),
            "raw": [b"\x00\x01", None, b"", b"abc", b"\xff" * 3, None],
        }
    )


def _geometries():
    point = ogr.CreateGeometryFromWkt("POINT (1 2)").ExportToIsoWkb()
    poly = ogr.CreateGeometryFromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))").ExportToIsoWkb()
    empty = ogr.CreateGeometryFromWkt("POINT EMPTY").ExportToIsoWkb()
    return np.array([point, poly, None, point, empty, poly], dtype=object)


def _written(tmp_path, arrow, frame, wkb, geometry_type):
    GpkgBuilder.arrow = arrow
    try:
        path = tmp_path / f"{'arrow' if arrow else 'sqlite'}.gpkg"
        with GpkgBuilder(str(path)) as gpkg:
            gpkg.add("t", frame, KINDS, wkb, geometry_type, "EPSG:2154")
            gpkg.commit()
    finally:
        GpkgBuilder.arrow = False
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("t")
    rows = []
    for feature in layer:
        geom = feature.GetGeometryRef()
        rows.append(
            (
                feature.GetFID(),
                geom.ExportToIsoWkt() if geom is not None else None,
                *[feature.GetField(c) if feature.IsFieldSetAndNotNull(c) else None for c in frame.columns],
            )
        )
    return rows, layer.GetFeatureCount(), layer.GetExtent()


@pytest.mark.skipif(
    not OGR_WRITES_ARROW,
    reason="this GDAL has no Arrow writer (< 3.8); test_the_sqlite_path_is_the_default covers the choice",
)
@pytest.mark.parametrize("chunk", [2, 1000])
def test_arrow_and_sqlite_paths_write_the_same_layer(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(GpkgBuilder, "CHUNK", chunk)
    frame, wkb = _frame(), _geometries()
    arrow = _written(tmp_path, True, frame, wkb, ogr.wkbUnknown)
    sqlite = _written(tmp_path, False, frame, wkb, ogr.wkbUnknown)
    assert arrow == sqlite
    rows, count, _ = arrow
    assert count == 6 and [r[0] for r in rows] == [1, 2, 3, 4, 5, 6]
    assert rows[1][2] == "海康威视" and rows[2][2] is None and rows[3][2] == ""
    assert rows[2][4] == 3 and rows[1][4] is None
    assert rows[0][5] == 2**40 and rows[4][5] == 2**62
    assert rows[2][6] == float("inf") and rows[1][6] is None
    assert rows[1][8] is None and rows[2][8] == 0
    assert rows[0][9] == "2024/01/31" and rows[1][9] is None


@pytest.mark.skipif(not OGR_WRITES_ARROW, reason="this GDAL has no Arrow writer (< 3.8)")
def test_arrow_path_writes_points_and_tables(tmp_path):
    frame = _frame()
    points = np.frombuffer(
        b"".join(
            ogr.CreateGeometryFromWkt(f"POINT ({i} {i * 2})").ExportToIsoWkb() for i in range(len(frame))
        ),
        dtype="V21",
    )
    assert _written(tmp_path, True, frame, points, ogr.wkbPoint) == _written(
        tmp_path, False, frame, points, ogr.wkbPoint
    )
    assert _written(tmp_path, True, frame, None, None)[0] == _written(tmp_path, False, frame, None, None)[0]


def test_the_sqlite_path_is_the_default():
    assert GpkgBuilder.arrow is False
    assert OGR_WRITES_ARROW == hasattr(ogr.Layer, "WriteArrow")
