"""tagassets and assessrisk on PostGIS layers, and assessrisk writing into a PostGIS schema."""

import sqlite3

import pytest
from conftest import run_alg
from layers import write_gpkg
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from test_assess_risk import CONTRACT_FIELDS

pytest_plugins = ("postgis_fixture",)  # pg, pg_dsn, pg_connection

SCENARIOS = ("status_quo", "targeted_sanctions", "component_embargo", "rip_and_replace", "bifurcation")
TABLES = ("vendor_summary", "scenario_summary", "run_info", "data_issues", "match_review")
MAKERS = [
    ("Hikvision", "DS-2CD2143G2-I", "ONVIF S;ISAPI"),
    ("Axis", "P3265-LVE", "ONVIF S"),
    ("大华", "", "ONVIF S"),
    ("", "DS-2DE4425IW-DE", ""),
    ("Hikari", "", ""),
    ("Bosch", "NBE-3502-AL", "ONVIF S"),
]


def cameras(n=240):
    rows, wkts = [], []
    for i in range(n):
        maker, model, protocols = MAKERS[i % len(MAKERS)]
        rows.append(
            {
                "camera_id": f"C{i}",
                "fabricant": maker,
                "modele": model,
                "type": "camera",
                "annee": None if i % 10 == 0 else 2015 + i % 10,
                "cout": None if i % 7 == 0 else 800.0 + i,
                "protocoles": protocols,
                "vms": "V1" if i % 3 else "NOPE",
            }
        )
        wkts.append(None if i % 50 == 49 else f"POINT ({700000 + i} {6600000 + 2 * i})")
    return rows, wkts


PLATFORMS = [
    {
        "camera_id": "V1",
        "fabricant": "Hikvision",
        "modele": "HikCentral",
        "type": "VMS",
        "annee": 2021,
        "cout": 60000.0,
        "protocoles": "ISAPI",
        "vms": "",
    }
]


@pytest.fixture
def city(pg, qgis_app, tmp_path):
    """The same city twice: PostGIS tables and a GeoPackage, to compare what comes out."""
    rows, wkts = cameras()
    pg.create_table("cameras", rows, wkts)
    pg.create_table("platforms", PLATFORMS, ["POINT (700100 6600100)"])
    gpkg = tmp_path / "city.gpkg"
    uris = [
        write_gpkg(gpkg, "cameras", rows, wkts),
        write_gpkg(gpkg, "platforms", PLATFORMS, ["POINT (700100 6600100)"]),
    ]
    return pg, [pg.layer("cameras"), pg.layer("platforms")], uris


def fingerprint(pg, table, schema=None, key="id"):
    """md5 of a table's every row: proves an input was not written to."""
    where = f"{_q(schema or pg.schema)}.{_q(table)}"
    return pg.query(f"SELECT md5(string_agg(t::text, '|' ORDER BY {_q(key)})) FROM {where} t")[0][0]


def _q(name):
    return '"' + name.replace('"', '""') + '"'


def by_id(layer, fields):
    return {f["camera_id"]: tuple(_num(f[c]) for c in fields) for f in layer.getFeatures()}


def _num(v):
    return round(v, 6) if isinstance(v, float) else v


def no_provider_route(monkeypatch):
    """Make the slow route fail: what follows must read through the PostGIS fast path."""
    from vendor_risk.gis.io import layers as layer_io

    def refuse(layer, *args, **kwargs):
        raise AssertionError(f"{layer.name()} was read feature by feature")

    monkeypatch.setattr(layer_io, "_provider_chunks", refuse)


def test_tagassets_on_a_postgis_layer(city, provider, tmp_path, monkeypatch):
    pg, (cams, _), _ = city
    no_provider_route(monkeypatch)
    before = fingerprint(pg, "cameras")
    out = tmp_path / "tagged.gpkg"
    # as the command line gives it: a provider-prefixed layer string
    res = run_alg(
        "vendorrisk:tagassets",
        {"INPUT": "postgres://" + cams.source(), "OUTPUT": str(out), "OUTPUT_REVIEW": "TEMPORARY_OUTPUT"},
    )
    assert fingerprint(pg, "cameras") == before
    assert res["ASSETS"] == 240
    tagged = QgsVectorLayer(res["OUTPUT"], "t", "ogr")
    rows = {f["camera_id"]: f for f in tagged.getFeatures()}
    assert len(rows) == 240
    assert rows["C0"]["vendor_id"] == "hikvision"
    assert rows["C1"]["vendor_id"] == "axis"
    assert rows["C2"]["vendor_id"] == "dahua"
    assert rows["C3"]["match_method"] == "model_pattern"
    assert rows["C4"]["vendor_id"] in (None, "")  # 'Hikari' is never fuzzy-matched
    assert rows["C49"].geometry().isNull() and not rows["C48"].geometry().isNull()


def test_assessrisk_reads_postgis_like_the_same_data_in_a_geopackage(city, provider, tmp_path, monkeypatch):
    pg, layers, uris = city
    no_provider_route(monkeypatch)
    params = {
        "JURISDICTION": "US",
        "REFERENCE_DATE": "2026-11-25",
        "SCENARIOS": "rip_and_replace,bifurcation",
    }
    from_pg = run_alg(
        "vendorrisk:assessrisk", {**params, "INPUT": layers, "OUTPUT": str(tmp_path / "pg.gpkg")}
    )
    from_file = run_alg(
        "vendorrisk:assessrisk", {**params, "INPUT": uris, "OUTPUT": str(tmp_path / "file.gpkg")}
    )
    assert from_pg["ASSETS"] == from_file["ASSETS"] == 241
    assert from_pg["EXPECTED_COST"] == pytest.approx(from_file["EXPECTED_COST"])
    fields = (
        "vendor_id",
        "sanction_level",
        "replacement_cost",
        "stranded_value",
        "reintegration_cost",
        "compatible",
        "risk_score",
        "risk_band",
        "reasons",
    )
    for sid in ("rip_and_replace", "bifurcation"):
        a = QgsVectorLayer(f"{from_pg['OUTPUT']}|layername=risk_{sid}", "a", "ogr")
        b = QgsVectorLayer(f"{from_file['OUTPUT']}|layername=risk_{sid}", "b", "ogr")
        assert by_id(a, fields) == by_id(b, fields)
    risk = QgsVectorLayer(f"{from_pg['OUTPUT']}|layername=risk_rip_and_replace", "r", "ogr")
    rows = {f["camera_id"]: f for f in risk.getFeatures()}
    assert rows["C0"]["sanction_level"] == 3 and rows["V1"]["source_layer"] == "platforms"


def test_schema_output_equals_the_geopackage_output(city, provider, pg_connection, tmp_path):
    """Every scenario table (the first written whole, the others derived in the server)
    holds what the GeoPackage holds."""
    pg, layers, _ = city
    out = pg.schema + "_cmp"
    gpkg = tmp_path / "risk.gpkg"
    try:
        assess_to_both(layers, pg_connection, out, gpkg)
        fields = (
            "scenario_id",
            "source_layer",
            "vendor_id",
            "asset_class",
            "sanction_level",
            "sanction_lists",
            "removal_deadline",
            "compatible",
            "forced",
            "forced_year",
            "purchase_value",
            "replacement_cost",
            "reintegration_cost",
            "stranded_value",
            "lockin_ratio",
            "risk_score",
            "risk_band",
            "cost_assumed",
            "reasons",
            "annee",
            "cout",
        )
        for sid in SCENARIOS:
            a = pg.layer(f"risk_{sid}", schema=out, key="fid")
            b = QgsVectorLayer(f"{gpkg}|layername=risk_{sid}", "b", "ogr")
            got, want = by_id(a, fields), by_id(b, fields)
            assert len(got) == 241 and got == want, sid
            assert {f.geometry().asWkt() for f in a.getFeatures()} == {
                f.geometry().asWkt() for f in b.getFeatures()
            }
        con = sqlite3.connect(gpkg)
        for table in ("vendor_summary", "scenario_summary", "data_issues", "match_review"):
            n = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert pg.query(f"SELECT count(*) FROM {_q(out)}.{table}")[0][0] == n, table
        con.close()
    finally:
        pg.query(f"DROP SCHEMA IF EXISTS {_q(out)} CASCADE")


def assess_to_both(layers, connection, schema, gpkg):
    """The same assessment written to a PostGIS schema and to a GeoPackage."""
    run_to_schema(layers, connection, schema)
    run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": layers, "JURISDICTION": "US", "REFERENCE_DATE": "2026-11-25", "OUTPUT": str(gpkg)},
    )


def run_to_schema(layers, connection, schema, **extra):
    params = {
        "INPUT": layers,
        "JURISDICTION": "US",
        "REFERENCE_DATE": "2026-11-25",
        "DATABASE": connection,
        "SCHEMA": schema,
        "OUTPUT": "TEMPORARY_OUTPUT",
    }
    params.update(extra)
    return run_alg("vendorrisk:assessrisk", params, feedback=extra.pop("feedback", None))


def staging_tables(pg):
    return pg.query(
        "SELECT table_schema, table_name FROM information_schema.tables WHERE table_name LIKE 'vr\\_tmp\\_%'"
    )


def test_assessrisk_writes_a_postgis_schema(city, provider, pg_connection):
    pg, layers, _ = city
    before = fingerprint(pg, "cameras")
    out = pg.schema + "_out"
    try:
        res = run_to_schema(layers, pg_connection, out)
        assert fingerprint(pg, "cameras") == before
        assert "OUTPUT" not in res  # no file was written
        assert res["ASSETS"] == 241
        names = {f"risk_{sid}" for sid in SCENARIOS} | set(TABLES)
        assert pg.tables(out) == names
        assert set(res["LAYERS"].split(";")) == names
        assert staging_tables(pg) == []
        for sid in SCENARIOS:
            table = f"risk_{sid}"
            columns = {
                r[0]
                for r in pg.query(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                    "AND table_name = %s",
                    (out, table),
                )
            }
            assert (
                set(CONTRACT_FIELDS)
                | {"fid", "geom", "camera_id", "fabricant", "source_layer", "asset_class"}
                <= columns
            )
            assert pg.query(f"SELECT count(*) FROM {_q(out)}.{_q(table)}")[0][0] == 241
            indexes = [
                r[0]
                for r in pg.query(
                    "SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = %s", (out, table)
                )
            ]
            assert any("USING gist (geom)" in d for d in indexes), indexes
            assert any("UNIQUE" in d and "(fid)" in d for d in indexes), indexes
            assert pg.query(
                "SELECT type, srid FROM geometry_columns WHERE f_table_schema = %s AND f_table_name = %s",
                (out, table),
            ) == [("POINT", 2154)]
        types = dict(
            pg.query(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = %s AND table_name = 'risk_bifurcation'",
                (out,),
            )
        )
        assert types["sanction_level"] == "integer" and types["compatible"] == "boolean"
        assert types["risk_score"] == "double precision" and types["reasons"] == "text"
        assert types["annee"] == "bigint"
        styles = pg.query(
            "SELECT f_table_name, stylename, useasdefault FROM public.layer_styles WHERE f_table_schema = %s",
            (out,),
        )
        assert ("risk_rip_and_replace", "Risk score", True) in styles
        assert ("risk_rip_and_replace", "Sanction level", False) in styles
        assert len(styles) == 2 * len(SCENARIOS)
        run_info = dict(pg.query(f"SELECT key, value FROM {_q(out)}.run_info"))
        assert run_info["jurisdiction"] == "US" and "cameras" in run_info["input_layers"]
        issues = pg.query(f"SELECT asset_id, field FROM {_q(out)}.data_issues")
        assert ("C0", "vms") in issues  # platform NOPE does not exist
        assert pg.query(f"SELECT count(*) FROM {_q(out)}.match_review")[0][0] >= 1

        layer = pg.layer("risk_rip_and_replace", schema=out, key="fid")
        assert layer.featureCount() == 241
        assert layer.renderer().type() == "RuleRenderer"  # the default style, from the database
        rows = {f["camera_id"]: f for f in layer.getFeatures()}
        assert rows["C0"]["sanction_level"] == 3 and rows["C0"]["compatible"] is not None
        assert "2027-12-31" in rows["C0"]["reasons"]
        assert rows["C1"]["sanction_level"] == 0
        assert rows["C49"].geometry().isNull()
        assert rows["C48"].geometry().asPoint().x() == 700048
        assert rows["C2"]["fabricant"] == "大华"

        # a second run replaces the tables whole: no duplicate rows, still one index each
        run_to_schema(layers, pg_connection, out, SCENARIOS="bifurcation")
        assert pg.query(f"SELECT count(*) FROM {_q(out)}.risk_bifurcation")[0][0] == 241
        assert pg.query(f"SELECT count(*) FROM {_q(out)}.risk_status_quo")[0][0] == 241
        assert pg.query(f"SELECT count(*) FROM {_q(out)}.scenario_summary")[0][0] == 1
        assert (
            pg.query(
                "SELECT count(*) FROM pg_indexes WHERE schemaname = %s AND "
                "indexname = 'risk_bifurcation_geom_idx'",
                (out,),
            )[0][0]
            == 1
        )
    finally:
        pg.query(f"DROP SCHEMA IF EXISTS {_q(out)} CASCADE")


def test_a_failure_mid_write_leaves_the_schema_as_it_was(city, provider, pg_connection, monkeypatch):
    from vendor_risk.gis.io import postgis_write as postgis_writer

    pg, layers, _ = city
    out = pg.schema + "_out"
    try:
        run_to_schema(layers, pg_connection, out, SCENARIOS="status_quo")
        before = {
            t: pg.query(f"SELECT md5(string_agg(t::text, '|' ORDER BY fid)) FROM {_q(out)}.{_q(t)} t")[0][0]
            for t in pg.tables(out)
        }
        calls = []
        real = postgis_writer._TableWriter.append

        def failing(self, frame, wkb=None):
            calls.append(self.name)
            if len(calls) == 4:
                raise postgis_writer.PostgisError("disk full (simulated)")
            return real(self, frame, wkb)

        monkeypatch.setattr(postgis_writer._TableWriter, "append", failing)
        with pytest.raises(QgsProcessingException, match="disk full"):
            run_to_schema(layers, pg_connection, out)
        assert len(calls) == 4
        after = {
            t: pg.query(f"SELECT md5(string_agg(t::text, '|' ORDER BY fid)) FROM {_q(out)}.{_q(t)} t")[0][0]
            for t in pg.tables(out)
        }
        assert after == before  # the earlier run's tables, untouched; nothing added
        assert staging_tables(pg) == []
    finally:
        pg.query(f"DROP SCHEMA IF EXISTS {_q(out)} CASCADE")


def test_failed_and_cancelled_runs_create_nothing(city, provider, pg_connection):
    pg, layers, _ = city
    out = pg.schema + "_new"
    with pytest.raises(QgsProcessingException, match="unknown jurisdiction 'ZZ'"):
        run_to_schema(layers, pg_connection, out, JURISDICTION="ZZ")

    class CancelWhileWriting(QgsProcessingFeedback):
        def setProgress(self, value):  # noqa: N802 - QGIS API
            super().setProgress(value)
            if value > 0:
                self.cancel()

    res = run_to_schema(layers, pg_connection, out, feedback=CancelWhileWriting())
    assert res == {}
    assert pg.query("SELECT count(*) FROM pg_namespace WHERE nspname = %s", (out,))[0][0] == 0
    assert staging_tables(pg) == []


def test_unusable_destinations_are_clear_errors(city, provider, pg_connection, monkeypatch):
    import psycopg2
    from vendor_risk.gis.io import postgis_write as postgis_writer

    pg, layers, _ = city
    with pytest.raises(QgsProcessingException, match="Set both DATABASE and SCHEMA"):
        run_to_schema(layers, pg_connection, "")
    with pytest.raises(QgsProcessingException, match="no PostgreSQL connection named"):
        run_to_schema(layers, "no such connection", "x")
    pg.create_table("risk_bifurcation", PLATFORMS, ["POINT (1 2)"])
    clash = pg.layer("risk_bifurcation")
    with pytest.raises(QgsProcessingException, match="is an input: choose another schema"):
        run_to_schema(layers + [clash], pg_connection, pg.schema)
    # a view built on an earlier result blocks its replacement: said, and nothing changes
    out = pg.schema + "_v"
    try:
        run_to_schema(layers, pg_connection, out, SCENARIOS="bifurcation")
        pg.query(f"CREATE VIEW {_q(out)}.mine AS SELECT * FROM {_q(out)}.risk_bifurcation")
        with pytest.raises(QgsProcessingException, match="cannot be replaced"):
            run_to_schema(layers, pg_connection, out, SCENARIOS="bifurcation")
        assert pg.query(f"SELECT count(*) FROM {_q(out)}.mine")[0][0] == 241
        assert staging_tables(pg) == []
        # a session still reading the old table: the run waits LOCK_WAIT, then says so
        pg.query(f"DROP VIEW {_q(out)}.mine")
        reader = psycopg2.connect(pg.dsn)
        try:
            with reader.cursor() as cur:
                cur.execute(f"SELECT count(*) FROM {_q(out)}.risk_bifurcation")
            monkeypatch.setattr(postgis_writer.PostgisBuilder, "LOCK_WAIT", 1)
            with pytest.raises(QgsProcessingException, match="another session kept it in use"):
                run_to_schema(layers, pg_connection, out, SCENARIOS="bifurcation")
        finally:
            reader.close()
        assert staging_tables(pg) == []
        run_to_schema(layers, pg_connection, out, SCENARIOS="bifurcation")  # free again
    finally:
        pg.query(f"DROP SCHEMA IF EXISTS {_q(out)} CASCADE")


def test_builder_handles_every_kind_and_mixed_geometries(pg):
    """The builder alone: kinds, nulls, escapes, Categoricals, fixed-width WKB and a layer
    whose declared type does not hold all its geometries."""
    import numpy as np
    import pandas as pd
    from osgeo import ogr
    from vendor_risk.gis.io.postgis_write import PostgisBuilder

    frame = pd.DataFrame(
        {
            "s": ["a\tb", None, "back\\slash\nnew", "", "\\N"],
            "c": pd.Categorical(["x", None, "y", "x", "quote'\""]),
            "i": [1, None, 3, -4, 5],
            "j": [2**40, 1, 2, 3, 4],
            "f": [1.5, np.nan, np.inf, -0.0, 2],
            "b": [True, False, None, True, False],
            "d": pd.to_datetime(["2020-01-02", None, "2021-12-31", "1999-01-01", "2000-02-29"]),
        }
    )
    kinds = {"s": "str", "c": "str", "i": "int", "j": "int64", "f": "float", "b": "bool", "d": "date"}
    point = bytes.fromhex("0101000000000000000000f03f0000000000000040")
    multi = bytes.fromhex("01040000000100000001010000000000000000000840" + "0000000000001040")
    fixed = np.array([point] * 5, dtype="V21")
    with PostgisBuilder(_connection_uri(pg), pg.schema) as builder:
        builder.add("fixed", frame, kinds, fixed, ogr.wkbPoint, _lambert())
        builder.add(
            "mixed",
            frame,
            kinds,
            np.array([point, None, multi, point, None], dtype=object),
            ogr.wkbPoint,
            _lambert(),
        )
        builder.add("plain", frame, kinds)
        stage = builder.stage("_scratch", pd.DataFrame({"s": list("vwxyz")}), {"s": "str"})
        stage.append(pd.DataFrame({"s": list("vwxyz")}))
        stage.finish()
        builder.derive(
            "derived",
            "mixed",
            "_scratch",
            frame.assign(k=0),
            {**kinds, "k": "int"},
            ogr.wkbPoint,
            _lambert(),
            {"k": 7},
        )
        assert staging_tables(pg) == [] and "fixed" not in pg.tables()  # nothing visible yet
        builder.commit()
    got = pg.query(
        f"SELECT s, c, i, j, f, b, d, ST_AsText(geom), ST_SRID(geom) FROM {_q(pg.schema)}.mixed ORDER BY fid"
    )
    assert [r[:2] for r in got] == [
        ("a\tb", "x"),
        (None, None),
        ("back\\slash\nnew", "y"),
        ("", "x"),
        ("\\N", "quote'\""),
    ]
    assert [r[2] for r in got] == [1, None, 3, -4, 5] and got[0][3] == 2**40
    assert [r[4] for r in got] == [1.5, None, float("inf"), -0.0, 2.0]
    assert [r[5] for r in got] == [True, False, None, True, False]
    assert str(got[2][6]) == "2021-12-31" and got[1][6] is None
    assert [r[7] for r in got] == ["POINT(1 2)", None, "MULTIPOINT((3 4))", "POINT(1 2)", None]
    assert {r[8] for r in got if r[7]} == {2154}
    assert pg.query(f"SELECT ST_AsText(geom) FROM {_q(pg.schema)}.fixed LIMIT 1") == [("POINT(1 2)",)]
    assert pg.query(f"SELECT count(*) FROM {_q(pg.schema)}.plain")[0][0] == 5
    derived = pg.query(f"SELECT s, c, k, ST_AsText(geom) FROM {_q(pg.schema)}.derived ORDER BY fid")
    assert derived == [
        ("v", "x", 7, "POINT(1 2)"),
        ("w", None, 7, None),
        ("x", "y", 7, "MULTIPOINT((3 4))"),
        ("y", "x", 7, "POINT(1 2)"),
        ("z", "quote'\"", 7, None),
    ]
    assert pg.tables() == {"fixed", "mixed", "plain", "derived"}
    assert "geometries of several types" in " ".join(builder.warnings)


def test_bad_values_name_the_table_and_field(pg):
    import pandas as pd
    from vendor_risk.gis.io.postgis_write import PostgisBuilder, PostgisError

    builder = PostgisBuilder(_connection_uri(pg), pg.schema)
    try:
        with pytest.raises(PostgisError, match=r"\.t, field n: row 1: 2.5 is not a whole"):
            builder.add("t", pd.DataFrame({"n": [1.0, 2.5]}), {"n": "int"})
        with pytest.raises(PostgisError, match="longer than PostgreSQL's 63 bytes"):
            builder.add("u", pd.DataFrame({"x" * 70: [1]}))
    finally:
        builder.abort()
    assert "t" not in pg.tables()


def _connection_uri(pg):
    return pg.connection_uri().uri(False)


def _lambert():
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    return srs.ExportToWkt()


def test_gpkg_output_is_still_the_default(city, provider, tmp_path):
    _, layers, _ = city
    out = tmp_path / "risk.gpkg"
    res = run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": layers, "JURISDICTION": "FR", "SCENARIOS": "status_quo", "OUTPUT": str(out)},
    )
    assert res["OUTPUT"] == str(out)
    con = sqlite3.connect(out)
    assert con.execute("SELECT count(*) FROM risk_status_quo").fetchone()[0] == 241
    con.close()


def _frames_equal(got, want, what):
    import pandas as pd

    assert list(got.columns) == list(want.columns), what
    assert len(got) == len(want), what
    for c in want.columns:
        a, b = got[c].reset_index(drop=True), want[c].reset_index(drop=True)
        if pd.api.types.is_numeric_dtype(b) and pd.api.types.is_numeric_dtype(a):
            assert ((a - b).abs().fillna(0) < 1e-6).all() and (a.isna() == b.isna()).all(), (what, c)
        else:
            assert (
                a.astype(object).where(a.notna(), None).tolist()
                == b.astype(object).where(b.notna(), None).tolist()
            ), (what, c)


def test_a_postgis_assessment_reads_back_like_its_geopackage(city, provider, pg_connection, tmp_path):
    """Export, compare and the council report read a PostGIS assessment through the same call
    as a GeoPackage one, and find what the GeoPackage holds."""
    from openpyxl import load_workbook
    from vendor_risk.gis.io.assessment_read import postgis_source, read_assessment
    from vendor_risk.gis.layouts.council_report import report_data
    from vendor_risk.gis.pipelines.compare import compare_scenarios

    pg, layers, _ = city
    out = pg.schema + "_back"
    gpkg = tmp_path / "risk.gpkg"
    try:
        assess_to_both(layers, pg_connection, out, gpkg)
        before = {t: fingerprint(pg, t, out, key="fid") for t in pg.tables(out)}
        source = postgis_source(pg.connection_uri().uri(False), out)
        got, want = read_assessment(source), read_assessment(gpkg)
        assert sorted(got.layers) == sorted(want.layers) == sorted(SCENARIOS)
        for sid in SCENARIOS:
            _frames_equal(got.layers[sid], want.layers[sid], sid)
        for t in ("scenario_summary", "vendor_summary", "data_issues"):
            _frames_equal(getattr(got, t), getattr(want, t), t)
        same = {k for k in want.run_info if k != "run_at"}
        assert {k: got.run_info[k] for k in same} == {k: want.run_info[k] for k in same}
        assert out in got.source and "PostgreSQL" in got.source

        books = {}
        for name, params in (
            ("pg", {"DATABASE": pg_connection, "SCHEMA": out}),
            ("gpkg", {"INPUT": str(gpkg)}),
        ):
            path = tmp_path / f"{name}.xlsx"
            res = run_alg("vendorrisk:exportworkbook", {**params, "LANGUAGE": "en", "OUTPUT": str(path)})
            books[name] = load_workbook(res["OUTPUT"], read_only=True)
        for sheet in ("Assets", "Vendors", "Scenarios", "Evidence"):
            a = list(books["pg"][sheet].iter_rows(values_only=True))
            b = list(books["gpkg"][sheet].iter_rows(values_only=True))
            assert a == b and len(a) > 3, sheet

        _, counts_pg = compare_scenarios(source, "status_quo", "rip_and_replace", str(tmp_path / "c1.gpkg"))
        _, counts_gpkg = compare_scenarios(gpkg, "status_quo", "rip_and_replace", str(tmp_path / "c2.gpkg"))
        assert counts_pg == counts_gpkg and sum(counts_pg.values()) > 0

        figures = report_data(source, "rip_and_replace").figures
        assert figures == report_data(str(gpkg), "rip_and_replace").figures
        assert source.layer("risk_rip_and_replace").featureCount() == 241
        assert {t: fingerprint(pg, t, out, key="fid") for t in pg.tables(out)} == before  # read-only
    finally:
        pg.query(f"DROP SCHEMA IF EXISTS {_q(out)} CASCADE")


def test_exportworkbook_names_what_is_missing_or_wrong(city, provider, pg_connection, tmp_path):
    from conftest import refusal

    pg, _, _ = city
    xlsx = str(tmp_path / "w.xlsx")
    assert "INPUT (a GeoPackage) or DATABASE and SCHEMA" in refusal(
        "vendorrisk:exportworkbook", {"OUTPUT": xlsx}
    )
    both = {"INPUT": str(tmp_path / "a.gpkg"), "DATABASE": pg_connection, "SCHEMA": pg.schema, "OUTPUT": xlsx}
    assert "not both" in refusal("vendorrisk:exportworkbook", both)
    nothing = {"DATABASE": pg_connection, "SCHEMA": "no_such_schema", "OUTPUT": xlsx}
    assert "no_such_schema: schema not found or empty" in refusal("vendorrisk:exportworkbook", nothing)
    inputs_only = {"DATABASE": pg_connection, "SCHEMA": pg.schema, "OUTPUT": xlsx}
    assert "not an assessment schema (no run_info, scenario_summary, vendor_summary" in refusal(
        "vendorrisk:exportworkbook", inputs_only
    )
