"""Fields of view: sector shape and area, the 0°/360° seam, and metres in any CRS."""

import math

import numpy as np
import pytest
from audit_fixture import audit_provider  # noqa: F401
from conftest import run_alg
from layers import write_gpkg
from osgeo import ogr, osr
from qgis.core import QgsCoordinateReferenceSystem, QgsDistanceArea, QgsProject, QgsVectorLayer

pytestmark = pytest.mark.usefixtures("audit_provider")


def sectors(*args, **kw):
    from vendor_risk.risk.audit.sectors import sector_rings

    return sector_rings(*args, **kw)


def ogr_polygon(ring):
    from vendor_risk.risk.audit.sectors import polygon_wkb

    return ogr.CreateGeometryFromWkb(polygon_wkb(ring[None])[0])


@pytest.mark.parametrize("radius", [5.0, 30.0, 250.0])
def test_a_90_degree_sector_has_a_quarter_of_the_disc_area(radius):
    from vendor_risk.risk.audit.sectors import ring_areas

    rings = sectors([0.0], [0.0], [45.0], [90.0], [radius])
    assert ring_areas(rings)[0] == pytest.approx(math.pi * radius**2 / 4, rel=0.01)
    assert ogr_polygon(rings[0]).GetArea() == pytest.approx(math.pi * radius**2 / 4, rel=0.01)


def test_full_circle_cameras_and_missing_directions_are_discs():
    from vendor_risk.risk.audit.sectors import ring_areas

    rings = sectors([0.0, 0.0], [0.0, 0.0], [10.0, np.nan], [360.0, 60.0], [20.0, 20.0])
    assert ring_areas(rings) == pytest.approx([math.pi * 400] * 2, rel=0.01)
    assert all(ogr_polygon(r).IsValid() for r in rings)


def test_a_sector_across_north_covers_north_and_nothing_else():
    ring = sectors([100.0], [200.0], [350.0], [40.0], [30.0])[0]
    poly = ogr_polygon(ring)
    assert poly.IsValid()
    assert poly.GetArea() == pytest.approx(math.pi * 900 * 40 / 360, rel=0.01)

    def at(bearing, dist=20.0):
        b = math.radians(bearing)
        return ogr.CreateGeometryFromWkt(f"POINT ({100 + dist * math.sin(b)} {200 + dist * math.cos(b)})")

    for inside in (0, 5, 335, 355, 9):
        assert poly.Contains(at(inside)), inside
    for outside in (15, 40, 90, 180, 320):
        assert not poly.Contains(at(outside)), outside
    assert not poly.Contains(at(0, 35))  # beyond the range


def test_bearings_turn_clockwise_from_north():
    ring = sectors([0.0], [0.0], [90.0], [10.0], [10.0])[0]
    cx, cy = ogr_polygon(ring).Centroid().GetPoint_2D()
    assert cx > 5 and abs(cy) < 1  # direction 90 looks east


def test_geographic_layers_are_measured_in_a_local_utm_zone():
    from vendor_risk.gis.pipelines.audit_geometry import metric_crs

    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    utm = osr.SpatialReference()
    utm.ImportFromWkt(metric_crs(wgs84.ExportToWkt(), np.array([3.52, 3.53]), np.array([50.35, 50.36])))
    assert utm.GetAuthorityCode(None) == "32631"
    l93 = osr.SpatialReference()
    l93.ImportFromEPSG(2154)
    assert metric_crs(l93.ExportToWkt(), np.array([7e5]), np.array([6.6e6])) == l93.ExportToWkt()


def _sector_area_through_the_algorithm(tmp_path, epsg, wkt):
    uri = write_gpkg(
        tmp_path / f"c{epsg}.gpkg",
        "cams",
        [{"camera_id": "C1", "direction": 45.0, "angle": 90.0, "range_m": 50.0}],
        [wkt],
        epsg=epsg,
    )
    res = run_alg("vendorrisk:auditcameras", {"INPUT": uri, "OUTPUT": str(tmp_path / f"o{epsg}.gpkg")})
    layer = QgsVectorLayer(res["FIELDS_OF_VIEW"], "fov", "ogr")
    feat = next(layer.getFeatures())
    assert layer.crs().authid() == f"EPSG:{epsg}"  # written back in the layer's own CRS
    da = QgsDistanceArea()
    da.setSourceCrs(layer.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("GRS80")
    return da.measureArea(feat.geometry()), feat


def test_projected_and_geographic_inputs_give_the_same_sector(tmp_path):
    x, y = 700000.0, 6600000.0
    src = osr.SpatialReference()
    src.ImportFromEPSG(2154)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(4326)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lon, lat, _ = osr.CoordinateTransformation(src, dst).TransformPoint(x, y)
    projected, _ = _sector_area_through_the_algorithm(tmp_path, 2154, f"POINT ({x} {y})")
    geographic, feat = _sector_area_through_the_algorithm(tmp_path, 4326, f"POINT ({lon} {lat})")
    expected = math.pi * 50**2 / 4
    assert projected == pytest.approx(expected, rel=0.01)
    assert geographic == pytest.approx(expected, rel=0.01)
    assert geographic == pytest.approx(projected, rel=0.01)
    assert feat["area_m2"] == pytest.approx(expected, rel=0.01)
    # the sector looks north-east from the camera, in degrees too
    c = feat.geometry().centroid().asPoint()
    assert c.x() > lon and c.y() > lat
    assert QgsCoordinateReferenceSystem("EPSG:4326").isGeographic()
