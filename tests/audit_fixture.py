"""Build the camera-audit fixture layers from tests/data/audit_*.csv (data, not code)."""

import csv
import os

import pytest
from conftest import DATA
from layers import write_gpkg
from osgeo import ogr

NUMERIC = ("direction", "angle", "portee", "annee", "sanction_level")


def read_csv(name):
    with open(os.path.join(DATA, name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def expected_findings():
    return {(r["camera_id"], r["rule_id"], r["status"]) for r in read_csv("audit_expected.csv")}


def write_fixture(folder, name="fixture.gpkg"):
    """cameras, dwellings, sensitive_sites, districts in one GeoPackage (EPSG:2154)."""
    path = os.path.join(str(folder), name)
    cams = read_csv("audit_cases.csv")
    rows, wkts = [], []
    for r in cams:
        row = {k: v for k, v in r.items() if k not in ("x", "y")}
        for k in NUMERIC:
            row[k] = float(row[k]) if row[k] != "" else None
        for k, v in row.items():
            if v == "":
                row[k] = None
        rows.append(row)
        wkts.append(f"POINT ({r['x']} {r['y']})" if r["x"] else None)
    uris = {"cameras": write_gpkg(path, "cameras", rows, wkts, types={k: ogr.OFTReal for k in NUMERIC})}
    places = read_csv("audit_places.csv")
    for layer, gtype, fields in (
        ("dwellings", ogr.wkbPolygon, ("id", "kind")),
        ("sensitive_sites", ogr.wkbPoint, ("id", "name", "kind")),
        ("districts", ogr.wkbPolygon, ("id", "name")),
    ):
        sel = [p for p in places if p["layer"] == layer]
        names = {
            "id": {"dwellings": "building_id", "sensitive_sites": "site_id", "districts": "district_id"}[
                layer
            ],
            "name": "nom",
            "kind": "usage" if layer == "dwellings" else "categorie",
        }
        uris[layer] = write_gpkg(
            path,
            layer,
            [{names[f]: p[f] for f in fields} for p in sel],
            [p["wkt"] for p in sel],
            geom_type=gtype,
        )
    return path, uris


@pytest.fixture(scope="module")
def audit_provider(qgis_app, qgis_processing):
    """Our provider for one test module, removed afterwards.

    The session-wide fixture in conftest hands out one provider object for the whole run, and
    test_plugin's unload test deletes it; registering per module keeps these tests independent
    of the order files run in. Use: pytestmark = pytest.mark.usefixtures("audit_provider").
    """
    from qgis.core import QgsApplication
    from vendor_risk.provider.provider import VendorRiskProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("vendorrisk")
    if existing is not None:
        yield existing
        return
    prov = VendorRiskProvider()
    registry.addProvider(prov)
    yield prov
    registry.removeProvider(prov)
