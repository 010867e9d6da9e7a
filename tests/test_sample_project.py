"""The sample city opens styled: the shipped project and QML styles (the demo's project is
checked with the demo, in test_cli)."""

import os
import re
import zipfile

from osgeo import ogr
from qgis.core import QgsProject
from vendor_risk.gis.sample_project import ASSET_LAYERS, GROUPS, sample_layer, style_file
from vendor_risk.plugin_paths import SAMPLE_CITY, SAMPLE_PROJECT


def read_project(path):
    project = QgsProject()
    assert project.read(str(path)), project.error()
    return project


def test_every_sample_layer_ships_a_style_and_sits_in_the_project():
    ds = ogr.Open(SAMPLE_CITY)
    names = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    grouped = {n for _, members in GROUPS for n in members}
    assert grouped == names
    project = read_project(SAMPLE_PROJECT)
    layers = {lyr.name(): lyr for lyr in project.mapLayers().values()}
    assert set(layers) == names
    for name, layer in layers.items():
        assert layer.isValid(), name
        assert os.path.exists(style_file(name)), name
        shipped = sample_layer(SAMPLE_CITY, name)  # kept: its renderer dies with it
        assert layer.renderer().symbol().color().name() == shipped.renderer().symbol().color().name(), name
    assert len({layers[n].renderer().symbol().color().name() for n in ASSET_LAYERS}) == len(ASSET_LAYERS)
    assert project.crs().authid() == "EPSG:2154"


def test_the_project_refers_to_its_data_relatively():
    with zipfile.ZipFile(SAMPLE_PROJECT) as z:
        qgs = next(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".qgs"))
    sources = [s for s in re.findall(r"<datasource>([^<]*)</datasource>", qgs) if s]
    assert sources and all(s.startswith("./sample_city.gpkg|layername=") for s in sources)
    assert not re.search(r"(/tmp/|/home/|/work/|/root/)", qgs)
