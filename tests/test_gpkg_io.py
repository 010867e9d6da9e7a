"""The fast I/O pieces: bytes factorising, Categorical strings, R-tree bulk loading, writer."""

import itertools
import sqlite3
import struct
import threading

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr
from vendor_risk.gis.io import gpkg_rtree
from vendor_risk.gis.io.arrow_columns import StringColumn, factorize_bytes, strings_to_categorical
from vendor_risk.gis.io.gpkg_write import GpkgBuilder
from vendor_risk.gis.io.prefetch import prefetched


def test_factorize_bytes_matches_pandas_whatever_the_width():
    rng = np.random.default_rng(3)
    words = np.array(
        [b"", b"a", b"Hikvision", "海康威视".encode(), b"x" * 37, b"y" * 8, b"y" * 8 + b"z"], dtype="S40"
    )
    arr = words[rng.integers(0, len(words), 5000)]
    codes, uniques = factorize_bytes(arr)
    ref_codes, ref_uniques = pd.factorize(arr)
    assert list(uniques) == list(ref_uniques)
    assert (codes == ref_codes).all()


def test_strings_become_categoricals_with_nulls_and_bad_utf8_kept():
    data = np.ma.masked_array(
        np.array([b"abc", b"", b"h\xc3\xa9", b"\xff", b"abc"]), mask=[False, False, False, False, True]
    )
    values = pd.Series(strings_to_categorical(data)).astype(object).tolist()
    assert values[:4] == ["abc", "", "hé", "\ufffd"]
    assert pd.isna(values[4])


def test_id_like_columns_stay_plain_strings():
    ids = np.char.add(b"A", np.arange(60000).astype("S6"))
    out = strings_to_categorical(ids)
    assert isinstance(out, np.ndarray) and out.dtype == object
    assert out[0] == "A0" and out[-1] == "A59999"


@pytest.mark.parametrize("n", [0, 1, 51, 52, 3000, 60000])
def test_rtree_bulk_load_is_a_valid_sqlite_rtree_that_finds_every_point(n):
    con = sqlite3.connect(":memory:")
    con.execute('CREATE TABLE "p t" (fid INTEGER PRIMARY KEY, geom BLOB)')
    rng = np.random.default_rng(n)
    x, y = rng.uniform(690000, 710000, n), rng.uniform(6590000, 6610000, n)
    if n > 10:
        x[4] = np.nan  # an empty point is left out of the index
    gpkg_rtree.bulk_load(con, "p t", np.arange(1, n + 1), x, y)
    assert con.execute("SELECT rtreecheck('rtree_p t_geom')").fetchone()[0] == "ok"
    assert con.execute('SELECT count(*) FROM "rtree_p t_geom"').fetchone()[0] == n - (1 if n > 10 else 0)
    for _ in range(30):
        x0, y0 = rng.uniform(690000, 709000), rng.uniform(6590000, 6609000)
        got = {
            r[0]
            for r in con.execute(
                'SELECT id FROM "rtree_p t_geom" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?',
                (x0 + 1000, x0, y0 + 1000, y0),
            )
        }
        inside = np.flatnonzero((x >= x0) & (x <= x0 + 1000) & (y >= y0) & (y <= y0 + 1000))
        assert {int(i) + 1 for i in inside} <= got  # a filter: nothing inside is missed


def test_written_point_layer_reads_back_with_its_spatial_index(tmp_path):
    n = 500
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 1000, n), rng.uniform(0, 1000, n)
    wkb = np.array([struct.pack("<BIdd", 1, 1, a, b) for a, b in zip(x, y)], dtype="V21")
    frame = pd.DataFrame(
        {
            "name": pd.Categorical(np.where(np.arange(n) % 2, "odd", "even")),
            "value": np.arange(n, dtype=float),
            "flag": np.arange(n) % 3 == 0,
        }
    )
    out = tmp_path / "o.gpkg"
    with GpkgBuilder(out) as gpkg:
        gpkg.add("pts", frame, None, wkb, ogr.wkbPoint, "EPSG:2154")
        gpkg.commit()
    ds = ogr.Open(str(out))
    lyr = ds.GetLayerByName("pts")
    assert lyr.GetFeatureCount() == n
    lyr.SetSpatialFilterRect(100, 100, 200, 200)
    got = sorted(f.GetFID() for f in lyr)
    want = sorted(int(i) + 1 for i in np.flatnonzero((x >= 100) & (x <= 200) & (y >= 100) & (y <= 200)))
    assert got == want
    feat = lyr.GetFeature(2)
    assert feat["name"] == "odd" and feat["value"] == 1.0 and feat["flag"] == 0
    con = sqlite3.connect(out)
    assert con.execute("SELECT rtreecheck('rtree_pts_geom')").fetchone()[0] == "ok"
    assert not list(tmp_path.glob("*.part*"))  # the temp file was renamed away
    # GDAL's feature-count triggers, off during the bulk load, are back with the right count
    assert (
        con.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'pts'").fetchone()[0] == n
    )
    triggers = {
        r[0]
        for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'pts'")
    }
    assert {"trigger_insert_feature_count_pts", "trigger_delete_feature_count_pts"} <= triggers
    con.close()
    ds = None
    ds = ogr.Open(str(out), 1)
    lyr = ds.GetLayerByName("pts")
    lyr.DeleteFeature(1)
    ds = None
    con = sqlite3.connect(out)
    assert (
        con.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'pts'").fetchone()[0]
        == n - 1
    )


def test_a_string_column_built_over_batches_equals_the_whole():
    rng = np.random.default_rng(5)
    words = np.array([b"Axis", b"Hikvision", "大华".encode(), b"\xff", b"\xef\xbf\xbd", b""])
    arr = np.ma.masked_array(words[rng.integers(0, len(words), 1000)], mask=rng.random(1000) < 0.1)
    column = StringColumn()
    for start in range(0, 1000, 64):
        column.add(arr[start : start + 64])
    got = pd.Series(column.finish()).astype(object)
    want = pd.Series(strings_to_categorical(arr)).astype(object)
    assert got.isna().tolist() == want.isna().tolist() == np.ma.getmaskarray(arr).tolist()
    assert got.dropna().tolist() == want.dropna().tolist()
    # "\xff" and "\xef\xbf\xbd" both read as U+FFFD: one category, not two
    for start in range(0, 1000, 64):
        column.add(arr[start : start + 64])
    assert sorted(column.finish().categories) == sorted({"Axis", "Hikvision", "大华", "\ufffd", ""})


def test_an_id_column_decided_on_a_big_batch_keeps_small_batches_as_text():
    column = StringColumn()
    for batch in (
        np.char.add(b"A", np.arange(50000).astype("S6")),
        np.ma.masked_array(np.array([b"B1", b"B2", b"B1"]), mask=[False, True, False]),
    ):
        column.add(batch)
    out = column.finish()
    assert isinstance(out, np.ndarray) and out.dtype == object
    assert out[0] == "A0" and out[49999] == "A49999" and list(out[-3:]) == ["B1", None, "B1"]


def test_prefetched_keeps_order_raises_the_readers_error_and_stops_with_the_consumer():
    assert list(prefetched(iter(range(100)))) == list(range(100))

    def failing():
        yield 1
        raise ValueError("corrupt batch 2")

    with pytest.raises(ValueError, match="corrupt batch 2"):
        list(prefetched(failing()))
    produced = []

    def endless():
        for i in itertools.count():
            produced.append(i)
            yield i

    items = prefetched(endless(), depth=2)
    assert next(items) == 0
    items.close()  # the consumer stops: so does the reader, without running ahead
    assert not [t for t in threading.enumerate() if t.name == "vendor-risk-prefetch"]
    assert len(produced) <= 5
