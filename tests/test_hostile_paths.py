"""Outputs never overwrite inputs or each other: every path, sidecar and link compared first.

Each case names an output that would destroy something; the run must refuse before writing,
name both parameters, and leave every file as it was."""

import hashlib
import os
import shutil

import pytest
from conftest import ROOT, refusal
from osgeo import ogr
from vendor_risk.gis.io.paths import collisions, data_path, family

SAMPLE = os.path.join(ROOT, "resources", "sample", "sample_city.gpkg")


def _digest(folder):
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, folder)] = hashlib.sha256(f.read()).hexdigest()
    return out


@pytest.fixture
def city(tmp_path):
    folder = tmp_path / "city"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "city.gpkg")
    return folder


def _shapefile(folder):
    path = folder / "cams.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    lyr = ds.CreateLayer("cams", geom_type=ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("fabricant", ogr.OFTString))
    f = ogr.Feature(lyr.GetLayerDefn())
    f["fabricant"] = "Hikvision"
    f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (1 2)"))
    lyr.CreateFeature(f)
    ds = None
    return path


def _refused(alg, params, folder, *names):
    before = _digest(folder)
    message = refusal(alg, params)
    for name in names:
        assert name in message, message
    assert _digest(folder) == before  # nothing written, nothing lost


@pytest.mark.parametrize("review", ["city.gpkg", "city.gpkg|layername=review", "city.gpkg-wal"])
def test_a_review_table_over_the_input_geopackage_is_refused(city, provider, review):
    _refused(
        "vendorrisk:tagassets",
        {
            "INPUT": f"{city / 'city.gpkg'}|layername=cameras",
            "OUTPUT": str(city / "o.gpkg"),
            "OUTPUT_REVIEW": str(city / review),
        },
        city,
        "OUTPUT_REVIEW",
        "INPUT",
    )


@pytest.mark.parametrize("sidecar", ["cams.dbf", "cams.shx", "cams.prj", "CAMS.shp"])
def test_an_output_over_a_shapefile_sidecar_is_refused(tmp_path, provider, sidecar):
    folder = tmp_path / "shp"
    folder.mkdir()
    shp = _shapefile(folder)
    if sidecar == "CAMS.shp" and os.path.exists(folder / "CAMS.shp"):  # case-insensitive disk
        pytest.skip("the disk is case-insensitive")
    target = folder / sidecar
    if sidecar == "CAMS.shp":
        os.symlink(shp, target)
    _refused("vendorrisk:tagassets", {"INPUT": str(shp), "OUTPUT": str(target)}, folder, "OUTPUT", "INPUT")


def test_two_outputs_on_one_file_are_refused(city, provider):
    _refused(
        "vendorrisk:tagassets",
        {
            "INPUT": f"{city / 'city.gpkg'}|layername=cameras",
            "OUTPUT": f"{city / 'o.gpkg'}|layername=a",
            "OUTPUT_REVIEW": f"{city / 'o.gpkg'}|layername=b",
        },
        city,
        "OUTPUT",
        "OUTPUT_REVIEW",
    )


def test_links_to_an_input_are_refused(city, provider):
    os.symlink(city / "city.gpkg", city / "alias.gpkg")
    os.link(city / "city.gpkg", city / "hard.gpkg")
    for target in ("alias.gpkg", "hard.gpkg"):
        _refused(
            "vendorrisk:assessrisk",
            {"INPUT": [f"{city / 'city.gpkg'}|layername=cameras"], "OUTPUT": str(city / target)},
            city,
            "OUTPUT",
            "INPUT",
        )


def test_the_assessment_over_its_corrections_file_is_refused(city, provider):
    corrections = city / "review.csv"
    corrections.write_text("raw,vendor_id\nHikvison,hikvision\n", encoding="utf-8")
    _refused(
        "vendorrisk:assessrisk",
        {
            "INPUT": [f"{city / 'city.gpkg'}|layername=cameras"],
            "CORRECTIONS": str(corrections),
            "OUTPUT": str(corrections),
        },
        city,
        "OUTPUT",
        "CORRECTIONS",
    )


def test_audit_outputs_over_each_other_or_the_cameras_are_refused(city, provider):
    cams = f"{city / 'city.gpkg'}|layername=cameras"
    base = {"INPUT": cams, "OUTPUT": str(city / "audit.gpkg")}
    _refused(
        "vendorrisk:auditcameras",
        dict(base, OUTPUT_XLSX=str(city / "a.pdf"), OUTPUT_PDF=str(city / "a.pdf")),
        city,
        "OUTPUT_XLSX",
        "OUTPUT_PDF",
    )
    _refused(
        "vendorrisk:auditcameras", dict(base, OUTPUT_PDF=str(city / "city.gpkg")), city, "OUTPUT_PDF", "INPUT"
    )
    _refused(
        "vendorrisk:auditcameras",
        dict(base, DISTRICTS=f"{city / 'city.gpkg'}|layername=districts", OUTPUT=str(city / "city.gpkg")),
        city,
        "OUTPUT",
    )


def test_the_workbook_over_its_assessment_is_refused(city, provider):
    gpkg = city / "city.gpkg"
    _refused("vendorrisk:exportworkbook", {"INPUT": str(gpkg), "OUTPUT": str(gpkg)}, city, "OUTPUT", "INPUT")


def test_path_families():
    assert data_path("/a/b.gpkg|layername=x") == "/a/b.gpkg"
    assert data_path("ogr:/a/b.gpkg|layername=x") == "/a/b.gpkg"
    assert data_path("memory:") == data_path("TEMPORARY_OUTPUT") == ""
    assert data_path("dbname='vr' host=127.0.0.1 table=\"x\"") == ""
    assert os.path.realpath("/tmp/c.dbf") in family("/tmp/c.shp")
    assert os.path.realpath("/tmp/c.gpkg") + "-wal" in family("/tmp/c.gpkg")
    assert collisions(
        [("INPUT", "/tmp/x.shp")], [("OUTPUT", "/tmp/y.gpkg"), ("OUTPUT_REVIEW", "/tmp/x.dbf")]
    ) == [("OUTPUT_REVIEW", "INPUT", "/tmp/x.dbf")]


def test_an_output_named_without_its_extension_is_compared_as_written(city, provider):
    _refused(
        "vendorrisk:auditcameras",
        {"INPUT": f"{city / 'city.gpkg'}|layername=cameras", "OUTPUT": str(city / "city")},
        city,
        "OUTPUT",
        "INPUT",
    )
