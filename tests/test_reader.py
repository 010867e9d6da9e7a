"""The fastest reader each layer allows, on the path the dock takes: a GeoPackage layer through
GDAL's Arrow stream with its subset string and selection honoured, a memory layer through its
provider."""

import pytest
import vendor_risk.gis.io.layers as layer_io
import vendor_risk.gis.pipelines.assess as assess_io
from layers import write_gpkg
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from test_dock_helpers import (
    add_layers,
    choose,
    close_dock,
    copy_city,
    fresh_project,  # noqa: F401 - fixture
    make_dock,
    run_and_wait,
)
from vendor_risk.gis.io.arrow_columns import wkb_values
from vendor_risk.gis.io.layers import read_layer

ROWS = [
    {"asset_id": f"A{i}", "manufacturer": "Axis" if i % 2 else "Hikvision", "unit_cost": float(100 * i)}
    for i in range(1, 11)
]


@pytest.fixture
def gpkg_layer(tmp_path, qgis_app):
    uri = write_gpkg(
        tmp_path / "assets.gpkg", "assets", ROWS, [f"POINT ({700000 + i} 6600000)" for i in range(10)]
    )
    layer = QgsVectorLayer(uri, "assets", "ogr")
    assert layer.isValid()
    return layer


def memory_layer(rows):
    layer = QgsVectorLayer(
        "Point?crs=EPSG:2154&field=camera_id:string&field=fabricant:string"
        "&field=modele:string&field=cout:double&field=vms:string",
        "field survey",
        "memory",
    )
    feats = []
    for i, (cid, maker, model) in enumerate(rows):
        f = QgsFeature(layer.fields())
        f.setAttributes([cid, maker, model, 500.0, "S3" if cid != "S3" else ""])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700000 + i, 6600000)))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)[0]
    layer.updateExtents()
    return layer


def ids(data, column="asset_id"):
    return sorted(str(v) for v in data.frame[column])


def test_geopackage_subset_string_reads_only_the_filtered_rows_through_arrow(gpkg_layer):
    gpkg_layer.setSubsetString('"unit_cost" > 500')
    data = read_layer(gpkg_layer)
    assert data.route == "arrow"
    assert ids(data) == ["A10", "A6", "A7", "A8", "A9"]
    assert len(data.wkb) == 5
    assert sorted(data.fids) == sorted(f.id() for f in gpkg_layer.getFeatures())


def test_geopackage_selection_under_a_subset_reads_exactly_the_selection_through_arrow(gpkg_layer):
    gpkg_layer.setSubsetString('"unit_cost" > 500')
    gpkg_layer.selectByExpression("\"manufacturer\" = 'Axis'")
    expected = sorted(f["asset_id"] for f in gpkg_layer.getSelectedFeatures())
    assert expected == ["A7", "A9"]
    data = read_layer(gpkg_layer, selected_only=True)
    assert data.route == "arrow"
    assert ids(data) == expected
    assert sorted(data.fids) == sorted(gpkg_layer.selectedFeatureIds())
    assert len(data.wkb) == 2


def test_memory_layer_reads_through_the_provider_with_its_selection(qgis_app):
    layer = memory_layer(
        [("M1", "Dahua", "DH-IPC-1"), ("M2", "Axis", "P1"), ("M3", "Hikvision", "DS-2CD2143G2-I")]
    )
    data = read_layer(layer)
    assert data.route == "provider"
    assert ids(data, "camera_id") == ["M1", "M2", "M3"]
    layer.selectByExpression("\"camera_id\" IN ('M1', 'M3')")
    data = read_layer(layer, selected_only=True)
    assert data.route == "provider"
    assert ids(data, "camera_id") == ["M1", "M3"]


def test_a_dock_run_reads_each_layer_by_its_fastest_route(
    fresh_project,  # noqa: F811
    qgis_iface,
    tmp_path,
    monkeypatch,
):
    project = fresh_project
    cameras = add_layers(project, copy_city(tmp_path), ("cameras",))["cameras"]
    cameras.setSubsetString('"annee" >= 2020')
    cameras.selectByExpression("\"fabricant\" ILIKE '%hik%' OR \"camera_id\" LIKE '%7'")
    picked = {f["camera_id"] for f in cameras.getSelectedFeatures()}
    assert 0 < len(picked) < cameras.featureCount()
    survey = memory_layer(
        [("S1", "Dahua", "DH-IPC-HFW"), ("S2", "Axis", "P3265"), ("S3", "Hikvision", "DS-2CD2143G2-I")]
    )
    project.addMapLayer(survey)
    survey.selectByExpression("\"camera_id\" <> 'S2'")
    seen = []
    real = assess_io.iter_layer

    def spy(layer, *args, **kwargs):
        for chunk in real(layer, *args, **kwargs):
            seen.append((layer.name(), chunk.route, len(chunk.frame)))
            yield chunk

    monkeypatch.setattr(assess_io, "iter_layer", spy)
    dock = make_dock(qgis_iface)
    try:
        out = tmp_path / "risk.gpkg"
        choose(dock, layers=[cameras, survey], scenarios=["status_quo"], output=out, selected_only=True)
        run_and_wait(dock)
        assert dock.view is not None, dock.ui.status_label.text()
    finally:
        close_dock(dock)
    routes = {(name, route) for name, route, _ in seen}
    assert routes == {("cameras", "arrow"), ("field survey", "provider")}
    result = QgsVectorLayer(f"{out}|layername=risk_status_quo", "r", "ogr")
    got = sorted(f["camera_id"] for f in result.getFeatures())
    assert got == sorted(picked | {"S1", "S3"})
    assert QgsProject.instance().mapLayer(cameras.id()).subsetString() == '"annee" >= 2020'


def test_a_layer_read_over_many_arrow_batches_equals_one_batch(tmp_path, qgis_app, monkeypatch):
    """Batches are converted as GDAL streams them (in a thread of its own): strings split over
    batches, nulls, booleans, a subset and a selection come out as from a single batch."""
    rows = [
        {
            "asset_id": f"A{i:03d}",
            "maker": ["Axis", "Hikvision", None, "Dahua"][i % 4],
            "model": f"M{i % 7}",
            "ok": bool(i % 3),
            "cost": float(i),
        }
        for i in range(250)
    ]
    uri = write_gpkg(
        tmp_path / "many.gpkg", "assets", rows, [f"POINT ({700000 + i} 6600000)" for i in range(250)]
    )
    layer = QgsVectorLayer(uri, "assets", "ogr")
    layer.setSubsetString('"cost" >= 20')
    layer.selectByExpression('"cost" < 200')
    whole = read_layer(layer, selected_only=True)
    monkeypatch.setattr(layer_io, "ARROW_BATCH_ROWS", 16)
    batched = read_layer(layer, selected_only=True)
    chunks = list(layer_io.iter_layer(layer, chunk_rows=50, selected_only=True))
    assert batched.route == whole.route == "arrow"
    assert len(chunks) > 3 and sum(len(c) for c in chunks) == len(whole) == 180
    for got in (batched, layer_io.concat_chunks(chunks)):
        assert got.frame.astype(object).where(got.frame.notna(), None).to_dict(
            "records"
        ) == whole.frame.astype(object).where(whole.frame.notna(), None).to_dict("records")
        assert list(got.fids) == list(whole.fids)
        assert wkb_values(got.wkb) == wkb_values(whole.wkb)
    assert str(batched.frame["maker"].dtype) == "category"
    assert batched.frame["maker"].isna().sum() == 45
    assert {v for v in batched.frame["ok"]} == {True, False}
