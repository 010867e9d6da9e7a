"""The PostGIS fast read (COPY through psycopg2) gives what the QGIS provider route gives."""

import time

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QByteArray
from vendor_risk.gis.compat import WKB_POINT, make_field

pytest_plugins = ("postgis_fixture",)  # pg, pg_dsn, pg_connection

N = 300
NASTY = [
    "tab\there",
    "new\nline",
    "back\\slash",
    'quote "q"',
    "semi; colon",
    "海康威视",
    "\\N",
    "",
    "  spaces  ",
    "'apostrophe'",
    "\\\\double",
    "cr\rlf",
]


def rows(n=N):
    """Every column kind the provider maps, with nulls and text that COPY must escape."""
    out, wkts = [], []
    for i in range(n):
        out.append(
            {
                "name": None if i % 17 == 0 else NASTY[i % len(NASTY)] + str(i % 5),
                "maker": ["Hikvision", "Axis", "Dahua", None, "Bosch"][i % 5],
                "n": None if i % 11 == 0 else i - 50,
                "big": 10_000_000_000 + i,
                "cost": None if i % 13 == 0 else i * 1.25 + 0.1,
                "ok": None if i % 7 == 0 else i % 2 == 0,
                "day": None if i % 9 == 0 else f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "at": f"2021-03-04 05:06:{i % 60:02d}.25",
                "raw": None if i % 4 == 0 else bytes([i % 256, 0, 255]),
            }
        )
        wkts.append(None if i % 19 == 0 else f"POINT ({700000 + i * 3.5} {6600000 - i})")
    return out, wkts


TYPES = {
    "n": "integer",
    "big": "bigint",
    "cost": "double precision",
    "ok": "boolean",
    "day": "date",
    "at": "timestamp",
    "raw": "bytea",
    "name": "text",
    "maker": "text",
}


def plain(value):
    if isinstance(value, QByteArray):
        value = bytes(value)
    if isinstance(value, bytes) and not value:
        return None  # the provider gives an empty QByteArray for a null bytea
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    return value


def normal(data):
    """Rows as lists of plain values, ordered by id, with geometries and feature ids."""
    frame = data.frame
    cols = {
        c: [
            plain(v)
            for v in (
                frame[c].astype(object) if isinstance(frame[c].dtype, pd.CategoricalDtype) else frame[c]
            ).tolist()
        ]
        for c in frame.columns
    }
    geoms = (
        [None] * len(frame)
        if data.wkb is None
        else [bytes(g) if g is not None else None for g in data.wkb.tolist()]
    )
    keys = cols.get("id") or list(range(len(frame)))
    order = np.argsort(np.asarray(keys, dtype=np.int64), kind="stable")
    table = [[cols[c][i] for c in frame.columns] for i in order]
    return list(frame.columns), table, [geoms[i] for i in order], [int(data.fids[i]) for i in order]


def both_routes(layer, **kwargs):
    from vendor_risk.gis.io.layers import _provider_chunks, concat_chunks, iter_layer

    fast = list(iter_layer(layer, **kwargs))
    args = (
        layer,
        kwargs.get("chunk_rows"),
        kwargs.get("selected_only", False),
        None,
        kwargs.get("columns"),
        kwargs.get("geometry", True),
    )
    slow = list(_provider_chunks(*args))
    assert {c.route for c in fast} == {"postgis"}
    return concat_chunks(fast), (concat_chunks(slow) if slow else None), fast


@pytest.fixture
def assets(pg, qgis_app):
    data, wkts = rows()
    pg.create_table("assets", data, wkts, types=TYPES)
    return pg.layer("assets")


def test_fast_read_equals_the_provider_route_value_for_value(assets):
    fast, slow, chunks = both_routes(assets, chunk_rows=64)
    assert len(chunks) == 5  # 300 rows streamed in chunks of 64
    assert len(fast) == N
    assert normal(fast) == normal(slow)
    assert fast.kinds == slow.kinds
    assert fast.geometry_type == slow.geometry_type == WKB_POINT
    assert fast.crs_wkt == slow.crs_wkt
    # strings come as Categoricals (few distinct values), numbers as numbers
    assert isinstance(fast.frame["maker"].dtype, pd.CategoricalDtype)
    assert fast.frame["big"].dtype == np.int64 and fast.frame["cost"].dtype == np.float64
    names = set(fast.frame["name"].astype(object).dropna())
    assert {"tab\there0", "new\nline1", "back\\slash2", "\\N3", "3", "海康威视0"} <= names


def test_subset_string_is_honoured_as_the_provider_does(assets):
    assets.setSubsetString('"n" > 100 AND "maker" LIKE \'A%\' OR "name" = \'semi; colon4\'')
    fast, slow, _ = both_routes(assets)
    assert 0 < len(fast) < N
    assert normal(fast) == normal(slow)
    assert set(fast.frame["maker"].astype(object).dropna()) <= {"Axis", "Hikvision", "Dahua", "Bosch"}


def test_selected_features_only(assets):
    ids = [f.id() for f in assets.getFeatures(QgsFeatureRequest().setFilterExpression('"id" % 10 = 3'))]
    assets.selectByIds(ids)
    fast, slow, _ = both_routes(assets, selected_only=True, chunk_rows=7)
    assert len(fast) == len(ids) == 30
    assert normal(fast) == normal(slow)
    assert sorted(fast.fids.tolist()) == sorted(ids)
    assets.removeSelection()
    empty = list(both_routes(assets, selected_only=True)[2])
    assert sum(len(c) for c in empty) == 0


def test_columns_and_no_geometry(assets):
    fast, slow, _ = both_routes(assets, columns=["id", "maker", "cost"], geometry=False)
    assert list(fast.frame.columns) == ["id", "maker", "cost"]
    assert fast.wkb is None
    assert normal(fast) == normal(slow)


def test_negative_int_keys_give_the_provider_feature_ids(pg, qgis_app):
    pg.create_table(
        "neg",
        [{"v": "a"}, {"v": "b"}],
        ["POINT (1 2)", "POINT (3 4)"],
        key_type="integer GENERATED BY DEFAULT AS IDENTITY",
    )
    pg.query(f'UPDATE "{pg.schema}".neg SET id = -id')
    layer = pg.layer("neg")
    fast, slow, _ = both_routes(layer)
    assert sorted(fast.fids.tolist()) == sorted(f.id() for f in layer.getFeatures())
    assert normal(fast)[1:3] == normal(slow)[1:3]


@pytest.mark.parametrize("key_type", ["text", "uuid", "bigint"])
def test_other_keys_read_the_same_rows(pg, qgis_app, key_type):
    pg.query(f'CREATE TABLE "{pg.schema}".k (id {key_type} PRIMARY KEY, v text, geom geometry(Point, 2154))')
    value = {"text": "'k' || i", "uuid": "md5(i::text)::uuid", "bigint": "i * 1000000000000"}
    pg.query(
        f'INSERT INTO "{pg.schema}".k SELECT {value[key_type]}, '
        "'v' || (i % 3), ST_SetSRID(ST_MakePoint(i, i), 2154) "
        "FROM generate_series(1, 40) i"
    )
    layer = pg.layer("k")
    from vendor_risk.gis.io.layers import _provider_chunks, concat_chunks, read_layer

    fast = read_layer(layer)
    slow = concat_chunks(list(_provider_chunks(layer, None, False, None, None, True)))
    assert fast.route == "postgis"

    def keyed(data):
        ids = data.frame["id"].astype(object).tolist()
        return sorted(zip(map(str, ids), data.frame["v"].astype(object), data.wkb.tolist()))

    assert keyed(fast) == keyed(slow)
    layer.selectByIds([f.id() for f in layer.getFeatures()][:5])
    picked = read_layer(layer, selected_only=True)
    assert sorted(map(str, picked.frame["id"].astype(object))) == sorted(
        str(f["id"]) for f in layer.selectedFeatures()
    )


def test_generic_geometry_column_is_filtered_like_the_provider(pg, qgis_app):
    pg.query(f'CREATE TABLE "{pg.schema}".mixed (id serial PRIMARY KEY, v text, geom geometry)')
    pg.query(f"""INSERT INTO "{pg.schema}".mixed (v, geom) VALUES
        ('p', 'SRID=2154;POINT(1 2)'), ('mp', 'SRID=2154;MULTIPOINT(1 2, 3 4)'),
        ('l', 'SRID=2154;LINESTRING(0 0, 1 1)'), ('null', NULL),
        ('other srid', 'SRID=4326;POINT(1 2)')""")
    layer = pg.layer("mixed")
    fast, slow, _ = both_routes(layer)
    assert sorted(fast.frame["v"].astype(object)) == ["mp", "p"]
    assert normal(fast) == normal(slow)


def test_layers_the_fast_path_cannot_promise_fall_back(assets):
    from vendor_risk.gis.io.layers import read_layer

    assets.addExpressionField('"n" * 2', _field("twice"))
    data = read_layer(assets)
    assert data.route == "provider"
    assert data.frame["twice"].dropna().tolist()[:3] == [v * 2 for v in data.frame["n"].dropna().tolist()[:3]]
    only = read_layer(assets, columns=["id", "maker"])
    assert only.route == "postgis"  # the virtual field is not asked for


def test_unsaved_edits_are_read_through_qgis(assets):
    from vendor_risk.gis.io.layers import read_layer

    assert assets.startEditing()
    first = next(assets.getFeatures())
    assets.changeAttributeValue(first.id(), assets.fields().indexOf("maker"), "Edited")
    try:
        data = read_layer(assets)
        assert data.route == "provider"
        assert "Edited" in set(data.frame["maker"].astype(object))
    finally:
        assets.rollBack()
    assert read_layer(assets).route == "postgis"


def test_a_reader_stopped_early_closes_its_connection(assets, pg):
    from vendor_risk.gis.io.layers import iter_layer

    chunks = iter_layer(assets, chunk_rows=10)
    assert len(next(chunks)) == 10
    chunks.close()
    for _ in range(50):  # the server notices the closed connection within moments
        left = pg.query("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'vendor_risk read'")[
            0
        ][0]
        if not left:
            break
        time.sleep(0.1)
    assert left == 0


def test_unreachable_server_falls_back_to_the_provider_route(assets, monkeypatch):
    import psycopg2
    from vendor_risk.gis.io import postgis_read as postgis_io
    from vendor_risk.gis.io.layers import read_layer

    def refuse(*args, **kwargs):
        raise psycopg2.OperationalError("connection refused")

    monkeypatch.setattr(psycopg2, "connect", refuse)
    assert postgis_io.postgis_chunks(assets) is None
    data = read_layer(assets)
    assert data.route == "provider" and len(data) == N


def _field(name):

    return make_field(name, "int64")


def test_a_uri_without_schema_finds_the_table_on_the_search_path(pg, qgis_app):
    table = f"{pg.schema}_public"
    try:
        pg.create_table(table, [{"v": "a"}, {"v": "b"}], ["POINT (1 2)", None], schema="public")
        uri = pg.layer_uri(table, schema="public").replace('table="public".', "table=")
        from qgis.core import QgsDataSourceUri, QgsVectorLayer
        from vendor_risk.gis.io.layers import read_layer

        layer = QgsVectorLayer(uri, table, "postgres")
        assert layer.isValid() and QgsDataSourceUri(layer.source()).schema() == ""
        fast, slow, _ = both_routes(layer)
        assert normal(fast) == normal(slow) and len(fast) == 2
        assert read_layer(layer).route == "postgis"
    finally:
        pg.query(f'DROP TABLE IF EXISTS public."{table}"')
