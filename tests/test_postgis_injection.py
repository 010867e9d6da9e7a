"""Schema, table and field names holding quotes, spaces and semicolons work and inject nothing."""

import pytest
from conftest import run_alg
from psycopg2 import sql
from qgis.core import QgsVectorLayer

pytest_plugins = ("postgis_fixture",)  # pg, pg_dsn, pg_connection

SCHEMA_IN = 'in "put"; drop table x;--'
TABLE = "cam'eras; x"
SCHEMA_OUT = 'risk "out"; drop table x;--'
NOTE = "note'; drop table x;--"


@pytest.fixture
def hostile(pg, qgis_app):
    """A sentinel table public.x, and the asset table "cam'eras; x" in a hostile schema."""
    pg.query("CREATE TABLE IF NOT EXISTS public.x (v int)")
    pg.query("INSERT INTO public.x VALUES (1)")
    pg.query(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(SCHEMA_IN)))
    rows = [
        {
            "camera_id": f"C{i}",
            "fabricant": ["Hikvision", "Axis", "Dahua"][i % 3],
            "modele": "",
            "type": "camera",
            "annee": 2020,
            "cout": 900.0,
            NOTE: f"'; drop table x;-- {i}",
        }
        for i in range(60)
    ]
    pg.create_table(TABLE, rows, [f"POINT ({700000 + i} 6600000)" for i in range(60)], schema=SCHEMA_IN)
    try:
        yield pg
    finally:
        for schema in (SCHEMA_IN, SCHEMA_OUT):
            pg.query(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        pg.query("DROP TABLE IF EXISTS public.x")


def all_tables(pg):
    return set(
        pg.query(
            "SELECT table_schema, table_name FROM information_schema.tables "
            "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"
        )
    )


def content(pg, schema, table, order="id"):
    return pg.query(
        sql.SQL("SELECT md5(string_agg(t::text, '|' ORDER BY {})) FROM {} t").format(
            sql.Identifier(order), sql.Identifier(schema, table)
        )
    )[0][0]


def test_hostile_names_read_tag_assess_and_write(hostile, provider, pg_connection, tmp_path):
    from vendor_risk.gis.io.layers import read_layer

    pg = hostile
    before_tables, before_input = all_tables(pg), content(pg, SCHEMA_IN, TABLE)
    layer = pg.layer(TABLE, schema=SCHEMA_IN)

    data = read_layer(layer)
    assert data.route == "postgis" and len(data) == 60
    assert data.frame[NOTE].astype(object).tolist()[:2] == ["'; drop table x;-- 0", "'; drop table x;-- 1"]
    layer.selectByIds([f.id() for f in layer.getFeatures()][:7])
    assert len(read_layer(layer, selected_only=True)) == 7
    layer.removeSelection()

    tagged = run_alg(
        "vendorrisk:tagassets",
        {"INPUT": layer, "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_REVIEW": "TEMPORARY_OUTPUT"},
    )
    assert tagged["ASSETS"] == 60

    res = run_alg(
        "vendorrisk:assessrisk",
        {
            "INPUT": [layer],
            "JURISDICTION": "US",
            "SCENARIOS": "rip_and_replace",
            "REFERENCE_DATE": "2026-11-25",
            "DATABASE": pg_connection,
            "SCHEMA": SCHEMA_OUT,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
    )
    assert res["ASSETS"] == 60

    # nothing was dropped or touched: the sentinel, the input, every table there was
    assert pg.query("SELECT v FROM public.x") == [(1,)]
    assert content(pg, SCHEMA_IN, TABLE) == before_input
    after = all_tables(pg)
    assert before_tables <= after
    assert {t for s, t in after - before_tables if s != "public"} == {
        "risk_rip_and_replace",
        "vendor_summary",
        "scenario_summary",
        "run_info",
        "data_issues",
        "match_review",
    }
    assert {s for s, _ in after - before_tables} <= {SCHEMA_OUT, "public"}

    out = QgsVectorLayer(pg.layer_uri("risk_rip_and_replace", schema=SCHEMA_OUT, key="fid"), "r", "postgres")
    assert out.isValid() and out.featureCount() == 60
    rows = {f["camera_id"]: f for f in out.getFeatures()}
    assert rows["C0"][NOTE] == "'; drop table x;-- 0"
    assert rows["C0"]["source_layer"] == TABLE
    assert rows["C0"]["sanction_level"] == 3
    assert out.renderer().type() == "RuleRenderer"
    styles = pg.query("SELECT f_table_name FROM public.layer_styles WHERE f_table_schema = %s", (SCHEMA_OUT,))
    assert styles == [("risk_rip_and_replace",)] * 2
    issues = pg.query(sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(SCHEMA_OUT, "run_info")))
    assert issues[0][0] > 0


def test_hostile_names_in_the_builder_alone(hostile):
    import pandas as pd
    from vendor_risk.gis.io.postgis_write import PostgisBuilder

    pg = hostile
    uri = pg.connection_uri().uri(False)
    frame = pd.DataFrame({NOTE: ["a"], 'col "quoted"': ["b"], "x); drop table x;--": [1]})
    with PostgisBuilder(uri, SCHEMA_OUT) as builder:
        builder.add(TABLE, frame)
        assert "table=" in builder.uri(TABLE)
        builder.commit()
    got = pg.query(
        sql.SQL("SELECT {}, {}, {} FROM {}").format(
            sql.Identifier(NOTE),
            sql.Identifier('col "quoted"'),
            sql.Identifier("x); drop table x;--"),
            sql.Identifier(SCHEMA_OUT, TABLE),
        )
    )
    assert got == [("a", "b", 1)]
    assert pg.query("SELECT v FROM public.x") == [(1,)]
    table = QgsVectorLayer(builder.uri(TABLE), "t", "postgres")
    assert table.isValid() and [f[NOTE] for f in table.getFeatures()] == ["a"]
