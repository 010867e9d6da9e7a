"""risk/schema.py is the output contract: what the writers emit, the readers read, the workbook
labels and the styles name is checked against it here."""

import glob
import os
import re
import sqlite3

import pytest
from conftest import ROOT, run_alg
from layers import write_gpkg
from osgeo import ogr
from test_workbook import CAMERAS, assessment  # noqa: F401 - assessment: the shared fixture
from vendor_risk.gis.compat import _QT_TYPE_NAMES
from vendor_risk.gis.io import gpkg_write, postgis_write
from vendor_risk.gis.io.assessment_read import read_assessment
from vendor_risk.risk import schema
from vendor_risk.risk.labels import LABELS
from vendor_risk.risk.workbook.assets import ASSET_LAYOUT
from vendor_risk.risk.workbook.data import SUMMARY_COLUMNS
from vendor_risk.risk.workbook.tables import VENDOR_COLUMNS

SQLITE_TYPES = {
    "str": {"TEXT"},
    "int": {"MEDIUMINT", "INTEGER"},
    "int64": {"INTEGER"},
    "float": {"REAL"},
    "bool": {"BOOLEAN"},
    "date": {"DATE"},
    "datetime": {"DATETIME"},
}


@pytest.fixture(scope="module")
def outputs(assessment, tmp_path_factory, module_provider):  # noqa: F811 - the fixture imported
    """The workbook tests' assessment, and tagassets on the same cameras."""
    folder = tmp_path_factory.mktemp("schema")
    cams = write_gpkg(folder / "city.gpkg", "cameras", CAMERAS, ["POINT (700000 6600000)"] * len(CAMERAS))
    tagged = folder / "tagged.gpkg"
    review = folder / "review.gpkg"
    run_alg("vendorrisk:tagassets", {"INPUT": cams, "OUTPUT": str(tagged), "OUTPUT_REVIEW": str(review)})
    return assessment, tagged, review


def table_info(path, table=None):
    con = sqlite3.connect(path)
    try:
        if table is None:
            table = con.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        cols = [(r[1], r[2]) for r in con.execute(f'PRAGMA table_info("{table}")')]
        nulls = {
            c: con.execute(f'SELECT count(*) FROM "{table}" WHERE "{c}" IS NULL').fetchone()[0]
            for c, _ in cols
        }
        return [c for c in cols if c[0] not in ("fid", "geom")], nulls
    finally:
        con.close()


def check_columns(found, declared, nulls, where, lead=0):
    """`found` ends with `declared`, in order, each with a SQLite type of its kind; a column
    declared not nullable holds no NULL. The first `lead` declared columns (the source layer's
    name, the common id) come first, before the input's own fields."""
    head, declared = declared[:lead], declared[lead:]
    tail = found[len(found) - len(declared) :]
    assert [n for n, _ in found[:lead]] == [c.name for c in head], where
    assert [n for n, _ in tail] == [c.name for c in declared], where
    for (name, sql_type), col in zip(found[:lead] + tail, head + declared):
        assert sql_type in SQLITE_TYPES[col.kind], (where, name, sql_type, col.kind)
        if not col.nullable:
            assert nulls[name] == 0, (where, name, "NULL in a column declared not nullable")


def test_every_assessment_output_is_as_declared(outputs):
    risk, _, _ = outputs
    con = sqlite3.connect(risk)
    names = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")} - {"layer_styles"}
    con.close()
    declared = {n for n, o in schema.OUTPUTS.items() if "assessrisk" in o.writers}
    layers = {n for n in names if n.startswith("risk_")}
    assert names - layers == {n for n in declared if "{" not in n}
    assert len(layers) == 5
    for name in sorted(names):
        out = schema.OUTPUTS["risk_{scenario}" if name in layers else name]
        found, nulls = table_info(risk, name)
        if not out.with_inputs:
            assert len(found) == len(out.columns), name
        check_columns(found, out.columns, nulls, name, out.lead)


def test_tagassets_outputs_are_as_declared(outputs):
    _, tagged, review = outputs
    found, nulls = table_info(tagged)
    check_columns(found, schema.OUTPUTS["tagged_assets"].columns, nulls, "tagged layer")
    found, nulls = table_info(review)
    assert len(found) == len(schema.MATCH_REVIEW)
    check_columns(found, schema.MATCH_REVIEW, nulls, "review table")


def test_the_reader_gives_the_declared_columns(outputs):
    tables = read_assessment(outputs[0])
    for sid, frame in tables.layers.items():
        assert list(frame.columns[-len(schema.TAG) - len(schema.RESULT) :]) == [
            *schema.TAG_COLUMNS,
            *schema.RESULT_COLUMNS,
        ], sid
        for c in schema.BOOL_COLUMNS:
            assert set(frame[c].dropna()) <= {0, 1}, (sid, c)
    assert list(tables.vendor_summary.columns) == [c.name for c in schema.VENDOR_SUMMARY]
    assert list(tables.scenario_summary.columns) == [c.name for c in schema.SCENARIO_SUMMARY]
    assert list(tables.data_issues.columns) == [c.name for c in schema.DATA_ISSUES]


def test_every_kind_maps_to_every_store_and_to_qgis():
    kinds = {c.kind for o in schema.OUTPUTS.values() for c in o.columns}
    assert kinds <= set(schema.KINDS)
    for name, mapping in (
        ("GeoPackage (OGR)", gpkg_write._KIND_OGR),
        ("PostGIS", postgis_write._PG_TYPES),
        ("QGIS field types", _QT_TYPE_NAMES),
    ):
        assert set(schema.KINDS) <= set(mapping), name


def test_workbook_headers_come_from_the_schema():
    per_asset = {c.name: c for c in (schema.SOURCE_LAYER, schema.ASSET_ID, *schema.TAG, *schema.RESULT)}
    for key, source, _, _ in ASSET_LAYOUT:
        if source.startswith("role:"):
            continue
        assert key == f"col.{source}" and source in per_asset, key
        assert LABELS[key] == (per_asset[source].en, per_asset[source].fr)
    for c in per_asset.values():
        assert c.en and c.fr, c.name
    for table, layout in (
        (schema.SCENARIO_SUMMARY, SUMMARY_COLUMNS),
        (schema.VENDOR_SUMMARY, VENDOR_COLUMNS),
    ):
        keys = {c.name: c.label_key for c in table}
        for name, key, _, _ in layout:
            if name in keys:
                assert keys[name] == key, name
    for out in schema.OUTPUTS.values():
        for c in out.columns:
            if c.label_key:
                en, fr = LABELS[c.label_key]
                assert en and fr, c.label_key


def test_every_field_a_style_names_is_declared():
    declared = {c.name for c in schema.OUTPUTS["risk_{scenario}"].columns}
    styles = [
        p
        for p in glob.glob(os.path.join(ROOT, "resources", "styles", "*.qml"))
        if re.match(r"(risk_score|sanction_level)_", os.path.basename(p))
    ]
    assert len(styles) == 6
    for path in styles:
        text = open(path, encoding="utf-8").read()
        named = set(re.findall(r'(?:field|attr)="([a-z_]+)"', text))
        assert named and named <= declared, (os.path.basename(path), named - declared)


def test_the_already_tagged_test_is_written_once():
    """is_tagged() is the one place: no module spells out the three tag columns again."""
    pattern = re.compile(r'"vendor_id",\s*"asset_class",\s*"standards"')
    offenders = []
    for folder in ("risk", "gis", "provider", "ui"):
        for path in glob.glob(os.path.join(ROOT, folder, "**", "*.py"), recursive=True):
            if path.endswith(os.path.join("risk", "schema.py")):
                continue
            if pattern.search(open(path, encoding="utf-8").read()):
                offenders.append(os.path.relpath(path, ROOT))
    assert offenders == []
    assert schema.is_tagged(["x", "standards", "asset_class", "vendor_id"])
    assert not schema.is_tagged(["vendor_id", "asset_class"])


def test_ogr_reads_the_declared_kinds(outputs):
    """What QGIS and OGR see: booleans as booleans, money as reals."""
    ds = ogr.Open(str(outputs[0]))
    defn = ds.GetLayerByName("risk_rip_and_replace").GetLayerDefn()
    fields = {defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i) for i in range(defn.GetFieldCount())}
    for c in schema.RESULT:
        fd = fields[c.name]
        if c.kind == "bool":
            assert fd.GetSubType() == ogr.OFSTBoolean, c.name
        elif c.kind == "float":
            assert fd.GetType() == ogr.OFTReal, c.name
        elif c.kind == "str":
            assert fd.GetType() == ogr.OFTString, c.name
