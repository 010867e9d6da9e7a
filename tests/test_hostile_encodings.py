"""Shapefiles in a legacy code page are read as QGIS reads them (its provider encoding, from
the .cpg), on the fast Arrow path too: accents and Cyrillic intact, the right asset class."""

import os

import pytest
from conftest import run_alg
from osgeo import ogr
from qgis.core import QgsVectorLayer
from vendor_risk.gis.io.layers import read_layer

CASES = [
    ("cp1252", "1252", ["Caméra dôme", "Schréder Électricité"]),
    ("cp1251", "CP1251", ["Камера", "Хиквижн"]),
    ("cp1250", "1250", ["Kamera říjen", "Žilina"]),
]


def _shapefile(folder, encoding, cpg, texts):
    """A shapefile whose DBF holds the texts in `encoding` bytes, as old software wrote them."""
    path = folder / "cams.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    layer = ds.CreateLayer("cams", geom_type=ogr.wkbPoint, options=["ENCODING="])
    for name in ("type", "fabricant"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    holders = []
    for i, text in enumerate(texts):
        holder = chr(ord("A") + i) * len(text.encode(encoding))  # same length, plain ASCII
        holders.append((holder, text))
        f = ogr.Feature(layer.GetLayerDefn())
        f["type"], f["fabricant"] = holder, "Hikvision" if i == 0 else holder
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({i} {i})"))
        layer.CreateFeature(f)
    ds = None
    dbf = folder / "cams.dbf"
    data = dbf.read_bytes()
    for holder, text in holders:
        data = data.replace(holder.encode("ascii"), text.encode(encoding))
    dbf.write_bytes(data)
    (folder / "cams.cpg").write_text(cpg)
    return path


@pytest.mark.parametrize("encoding,cpg,texts", CASES)
def test_legacy_code_pages_read_as_qgis_reads_them(tmp_path, qgis_app, encoding, cpg, texts):
    path = _shapefile(tmp_path, encoding, cpg, texts)
    layer = QgsVectorLayer(str(path), "cams", "ogr")
    qgis_values = [f["type"] for f in layer.getFeatures()]
    assert qgis_values == texts  # the fixture is what QGIS reads as intended
    data = read_layer(layer)
    assert data.route == "arrow"
    assert data.frame["type"].astype(object).tolist() == texts
    assert os.path.exists(str(path).replace(".shp", ".cpg"))


def test_the_class_follows_from_the_accented_text(tmp_path, provider):
    path = _shapefile(tmp_path, "cp1252", "1252", ["Caméra dôme", "Lampadaire"])
    out = tmp_path / "t.gpkg"
    run_alg("vendorrisk:tagassets", {"INPUT": str(path), "OUTPUT": str(out)})
    ds = ogr.Open(str(out))
    rows = {f["type"]: f["asset_class"] for f in ds.GetLayer(0)}
    assert rows["Caméra dôme"] == "cctv_camera"
