"""What a person reads in the outputs of several different layers assessed together: no cell
holds the text "nan"/"None", each layer's fields keep their type, every asset carries its id
under one column, and no output names a machine's path."""

import re
import sqlite3

import openpyxl
import pytest
from conftest import run_alg
from layers import write_gpkg
from osgeo import ogr

PLACEHOLDER = re.compile(r"^\s*(nan|none|null|<na>|nat)\s*$", re.IGNORECASE)
MACHINE_PATH = re.compile(r"(/tmp/|/home/|/work/|/root/|[A-Za-z]:\\|FACTS\.md|pytest-of-)")

CAMERAS = [  # French headers, integer direction, a text id
    {
        "camera_id": "CAM-1",
        "fabricant": "Hikvision",
        "modele": "DS-2CD2143G2-I",
        "annee": 2019,
        "direction": 90,
    },
    {"camera_id": "CAM-2", "fabricant": "Axis", "modele": "P3245-V", "annee": 2021, "direction": None},
]
LIGHTS = [  # English headers, no direction, an integer "ref" id (one missing), a text year
    {"asset_id": 101, "make": "Signify", "model": "Interact City", "year": "2018", "cost": 450.0},
    {"asset_id": None, "make": "Telensa", "model": "PLANet", "year": "2020", "cost": None},
]
SITES = [  # upper-case headers, the maker only, a comment nobody filled
    {"SITE_ID": "RS-001", "MANUFACTURER": "Huawei", "QTY": 3, "COMMENT": None},
]


@pytest.fixture(scope="module")
def multi(tmp_path_factory, module_provider):
    folder = tmp_path_factory.mktemp("multi")
    gpkg = folder / "city.gpkg"
    cams = write_gpkg(gpkg, "cameras", CAMERAS, ["POINT (700000 6600000)", "POINT (700010 6600010)"])
    lights = write_gpkg(gpkg, "street_lights", LIGHTS, ["POINT (700020 6600000)", "POINT (700030 6600000)"])
    sites = write_gpkg(gpkg, "radio_sites", SITES, ["POINT (700040 6600000)"])
    out = folder / "out" / "assessment.gpkg"
    out.parent.mkdir()
    run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": [cams, lights, sites], "SCENARIOS": "status_quo,rip_and_replace", "OUTPUT": str(out)},
    )
    xlsx = folder / "out" / "assessment.xlsx"
    run_alg("vendorrisk:exportworkbook", {"INPUT": str(out), "OUTPUT": str(xlsx)})
    return out, xlsx


def gpkg_texts(path):
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
        for t in tables:
            cols = [r[1] for r in con.execute(f'PRAGMA table_info("{t}")')]
            for row in con.execute(f'SELECT * FROM "{t}"'):
                for c, v in zip(cols, row):
                    if isinstance(v, str):
                        yield f"{t}.{c}", v
    finally:
        con.close()


def workbook_texts(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    yield f"{ws.title}!{cell.coordinate}", cell.value


def test_no_placeholder_text_and_no_machine_path(multi):
    out, xlsx = multi
    texts = list(gpkg_texts(out)) + list(workbook_texts(xlsx))
    assert len(texts) > 100
    placeholders = [(where, v) for where, v in texts if PLACEHOLDER.match(v)]
    assert not placeholders, placeholders[:10]
    paths = [(where, v) for where, v in texts if MACHINE_PATH.search(v)]
    assert not paths, paths[:10]


def test_fields_keep_their_type_and_absent_values_are_null(multi):
    out, _ = multi
    ds = ogr.Open(str(out))
    lyr = ds.GetLayerByName("risk_status_quo")
    defn = lyr.GetLayerDefn()
    types = {
        defn.GetFieldDefn(i).GetName(): defn.GetFieldDefn(i).GetType() for i in range(defn.GetFieldCount())
    }
    assert types["direction"] in (ogr.OFTInteger, ogr.OFTInteger64)
    assert types["annee"] in (ogr.OFTInteger, ogr.OFTInteger64)
    assert types["cost"] == ogr.OFTReal
    assert types["QTY"] in (ogr.OFTInteger, ogr.OFTInteger64)
    rows = {(f["source_layer"], f["asset_id"]): f for f in lyr}
    site = rows[("radio_sites", "RS-001")]
    assert not site.IsFieldSet("direction") or site.IsFieldNull("direction")
    assert site.IsFieldNull("fabricant") and site.IsFieldNull("cost")
    assert all(f.IsFieldNull("forced_year") for f in rows.values() if not f["forced"])


def test_every_asset_carries_its_own_id_under_one_column(multi):
    out, xlsx = multi
    con = sqlite3.connect(out)
    try:
        ids = sorted(
            con.execute("SELECT source_layer, asset_id FROM risk_status_quo"), key=lambda r: (r[0], str(r[1]))
        )
        cols = [r[1] for r in con.execute('PRAGMA table_info("risk_status_quo")')]
    finally:
        con.close()
    assert ids == sorted(
        [("cameras", "CAM-1"), ("cameras", "CAM-2"), ("radio_sites", "RS-001"), ("street_lights", "101")]
        + [("street_lights", None)],
        key=lambda r: (r[0], str(r[1])),
    )
    assert cols.count("asset_id") == 1 and "asset_id_input" not in cols  # the lights' own id, once
    ws = openpyxl.load_workbook(xlsx, read_only=True)["Assets"]
    header = [c.value for c in next(ws.iter_rows(max_row=1))]
    col = header.index("Asset id")
    listed = {row[col] for row in ws.iter_rows(min_row=2, values_only=True) if row[0]}
    assert {"CAM-1", "CAM-2", "RS-001", "101"} <= listed


def test_the_identify_form_names_every_output_field(multi):
    """A risk layer opened in QGIS (its stored default style) names the computed fields for
    people, money with its currency; the input's own fields keep their names."""
    from qgis.core import QgsVectorLayer

    out, _ = multi
    layer = QgsVectorLayer(f"{out}|layername=risk_rip_and_replace", "risk", "ogr")
    assert layer.isValid()
    aliases = {f.name(): layer.attributeAlias(i) for i, f in enumerate(layer.fields())}
    assert aliases["reasons"] == "Reasons" and aliases["asset_id"] == "Asset id"
    assert aliases["replacement_cost"] == "Replacement cost (EUR)"
    assert aliases["risk_band"] == "Risk band" and aliases["vendor_name"] == "Vendor (identified)"
    assert aliases["fabricant"] == ""  # an input field: its own name


def test_the_workbook_names_classes_lists_and_standards(multi):
    _, xlsx = multi
    ws = openpyxl.load_workbook(xlsx, read_only=True)["Assets"]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    records = [dict(zip(head, r)) for r in rows[1:] if r[0]]
    classes = {r["Asset class"] for r in records}
    assert "CCTV camera" in classes and "cctv_camera" not in classes
    lists = {r["Lists"] for r in records if r["Lists"]}
    assert lists and all("_" not in v for v in lists)  # names, not ids such as us_ndaa_889
    assert any("FCC Covered List" in v for v in lists)
    assert "hikvision" in {r["Vendor id"] for r in records}  # the id stays beside the name


def test_the_form_answers_why_first_and_shows_each_layers_own_fields(multi):
    """Opened in QGIS, a risk layer's form starts with the reasons and the figures behind them;
    an input layer's fields sit in a tab shown only for that layer's assets; a field no asset
    fills (the lights' missing direction) is hidden from the form and the identify results."""
    from qgis.core import QgsVectorLayer

    out, _ = multi
    layer = QgsVectorLayer(f"{out}|layername=risk_rip_and_replace", "risk", "ogr")
    tabs = layer.editFormConfig().tabs()
    names = [t.name() for t in tabs]
    assert names[:2] == ["Why this risk", "Asset and vendor"]
    why = [c.name() for c in tabs[0].children()]
    assert why[0] == "reasons" and {"risk_score", "sanction_level", "replacement_cost"} <= set(why)
    by_layer = {
        t.name(): ({c.name() for c in t.children()}, t.visibilityExpression().data().expression())
        for t in tabs[2:]
    }
    cams, rule = by_layer["Fields of cameras"]
    assert {"camera_id", "fabricant", "direction"} <= cams and "make" not in cams
    assert rule == "\"source_layer\" = 'cameras'"
    lights, _ = by_layer["Fields of street_lights"]
    assert {"make", "cost"} <= lights and "fabricant" not in lights and "direction" not in lights
    assert set(by_layer) == {"Fields of cameras", "Fields of street_lights", "Fields of radio_sites"}
    table = [c.name for c in layer.attributeTableConfig().columns() if not c.hidden]
    assert table[:4] == ["source_layer", "asset_id", "vendor_name", "reasons"]
    band = layer.editorWidgetSetup(layer.fields().indexOf("risk_band"))
    assert band.type() == "ValueMap" and {"critical": "critical"} in band.config()["map"]  # fr: critique
    comment = layer.fields().indexOf("COMMENT")
    assert comment >= 0 and layer.editorWidgetSetup(comment).type() == "Hidden"
    assert not any("COMMENT" in f for f, _ in by_layer.values())
    for lyr_fields, _ in by_layer.values():  # every field shown somewhere is not hidden
        for name in lyr_fields:
            assert layer.editorWidgetSetup(layer.fields().indexOf(name)).type() != "Hidden", name
