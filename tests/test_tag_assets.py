"""vendorrisk:tagassets on real GeoPackage layers, through Processing."""

import hashlib

import pytest
from conftest import run_alg
from layers import write_gpkg
from osgeo import ogr
from qgis.core import QgsVectorLayer

ROWS = [
    {
        "asset_id": "A1",
        "fabricant": "HIKVISION DIGITAL TECHNOLOGY CO., LTD",
        "modele": "DS-2CD2143G2-I",
        "type": "Caméra dôme",
        "annee": 2019,
    },
    {"asset_id": "A2", "fabricant": "", "modele": "DS-2DE4425IW-DE", "type": "PTZ", "annee": 2021},
    {
        "asset_id": "A3",
        "fabricant": "Axis Communications AB",
        "modele": "P3265-LVE",
        "type": "camera",
        "annee": 2022,
    },
    {"asset_id": "A4", "fabricant": "大华", "modele": "", "type": "camera", "annee": 2018},
    {"asset_id": "A5", "fabricant": "Hikari", "modele": "", "type": "camera", "annee": 2020},
    {"asset_id": "A6", "fabricant": "Hikari", "modele": "", "type": "camera", "annee": 2020},
]
GEOMS = {
    "point": (ogr.wkbPoint, ["POINT (700000 6600000)"] * 5 + [None]),
    "line": (ogr.wkbLineString, ["LINESTRING (700000 6600000, 700100 6600050)"] * 6),
    "polygon": (ogr.wkbPolygon, ["POLYGON ((0 0, 10 0, 10 10, 0 0))"] * 6),
}


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def read_rows(uri):
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return layer, {f["asset_id"]: f for f in layer.getFeatures()}


@pytest.mark.parametrize("kind", ["point", "line", "polygon"])
def test_tags_every_geometry_type_and_leaves_the_input_byte_identical(tmp_path, provider, kind):
    gtype, wkts = GEOMS[kind]
    src = tmp_path / "in.gpkg"
    uri = write_gpkg(src, "assets", ROWS, wkts, geom_type=gtype)
    before = digest(src)
    out = tmp_path / "out.gpkg"
    res = run_alg(
        "vendorrisk:tagassets", {"INPUT": uri, "OUTPUT": str(out), "OUTPUT_REVIEW": "TEMPORARY_OUTPUT"}
    )
    assert digest(src) == before
    layer, rows = read_rows(res["OUTPUT"])
    assert layer.featureCount() == len(ROWS)
    assert layer.wkbType() == QgsVectorLayer(uri, "in", "ogr").wkbType()
    names = layer.fields().names()
    for col in (
        "fabricant",
        "modele",
        "annee",
        "vendor_id",
        "vendor_name",
        "parent_id",
        "vendor_country",
        "match_method",
        "match_confidence",
        "needs_review",
        "asset_class",
        "standards",
    ):
        assert col in names
    assert rows["A1"]["vendor_id"] == "hikvision"
    assert rows["A1"]["annee"] == 2019
    assert rows["A2"]["vendor_id"] == "hikvision"
    assert rows["A2"]["match_method"] == "model_pattern"
    assert rows["A3"]["vendor_id"] == "axis"
    assert rows["A3"]["vendor_country"] == "SE"
    assert rows["A4"]["vendor_id"] == "dahua"
    assert rows["A5"]["vendor_id"] in (None, "")
    assert rows["A5"]["needs_review"]
    assert rows["A1"]["asset_class"] == "cctv_camera"
    assert "onvif_s" in rows["A3"]["standards"]
    geoms = {k: f.geometry() for k, f in rows.items()}
    src_layer = QgsVectorLayer(uri, "in", "ogr")
    for f in src_layer.getFeatures():
        assert geoms[f["asset_id"]].asWkt() == f.geometry().asWkt()
    review = res["OUTPUT_REVIEW"]
    review = review if not isinstance(review, str) else QgsVectorLayer(review, "r", "ogr")
    raws = {f["raw"]: f["count"] for f in review.getFeatures()}
    assert raws["Hikari"] == 2  # one row per distinct string, with its count


def test_corrections_win_over_automatic_matching(tmp_path, provider):
    uri = write_gpkg(tmp_path / "in.gpkg", "assets", ROWS, GEOMS["point"][1])
    corr = tmp_path / "corrections.csv"
    corr.write_text("raw,vendor_id\nHikari,axis\n", encoding="utf-8")
    res = run_alg(
        "vendorrisk:tagassets", {"INPUT": uri, "OUTPUT": str(tmp_path / "o.gpkg"), "CORRECTIONS": str(corr)}
    )
    _, rows = read_rows(res["OUTPUT"])
    assert rows["A5"]["vendor_id"] == "axis"
    assert rows["A5"]["match_method"] == "manual"
    assert not rows["A5"]["needs_review"]


def test_explicit_field_mapping_overrides_detection(tmp_path, provider):
    rows = [{"asset_id": "B1", "fabricant": "Axis", "other_maker": "Hikvision"}]
    uri = write_gpkg(tmp_path / "in.gpkg", "assets", rows, ["POINT (1 1)"])
    res = run_alg(
        "vendorrisk:tagassets",
        {"INPUT": uri, "OUTPUT": str(tmp_path / "o.gpkg"), "FIELD_MANUFACTURER": "other_maker"},
    )
    _, out = read_rows(res["OUTPUT"])
    assert out["B1"]["vendor_id"] == "hikvision"


def test_user_catalog_extends_matching(tmp_path, provider):
    cat = tmp_path / "cat"
    cat.mkdir()
    (cat / "vendors.csv").write_text(
        "vendor_id,name,short_name,country,bloc,source,as_of\n"
        "valbourg_video,Valbourg Vidéo SARL,Valbourg Vidéo,FR,west,test,2026-11-25\n",
        encoding="utf-8",
    )
    rows = [{"asset_id": "C1", "fabricant": "VALBOURG VIDEO"}]
    uri = write_gpkg(tmp_path / "in.gpkg", "assets", rows, ["POINT (1 1)"])
    res = run_alg(
        "vendorrisk:tagassets", {"INPUT": uri, "OUTPUT": str(tmp_path / "o.gpkg"), "CATALOG": str(cat)}
    )
    _, out = read_rows(res["OUTPUT"])
    assert out["C1"]["vendor_id"] == "valbourg_video"
    assert out["C1"]["match_method"] == "exact"


def test_malformed_user_catalog_fails_with_a_clear_message(tmp_path, provider):
    from qgis.core import QgsProcessingException

    cat = tmp_path / "cat"
    cat.mkdir()
    (cat / "listings.csv").write_text(
        "vendor_id,list_id,date_added,source,as_of\nhikvision,us_fcc_covered,someday,s,2026\n",
        encoding="utf-8",
    )
    uri = write_gpkg(tmp_path / "in.gpkg", "assets", ROWS[:1], ["POINT (1 1)"])
    with pytest.raises(QgsProcessingException, match=r"listings.csv, row 2, column 'date_added'"):
        run_alg(
            "vendorrisk:tagassets", {"INPUT": uri, "OUTPUT": str(tmp_path / "o.gpkg"), "CATALOG": str(cat)}
        )
    assert not (tmp_path / "o.gpkg").exists()
