"""Camera positions and field-of-view sectors in metres, whatever CRS the camera layer uses."""

import numpy as np
from osgeo import ogr, osr

from ...risk.audit.sectors import polygon_wkb, ring_areas, sector_rings

ogr.UseExceptions()
osr.UseExceptions()


def srs_from_wkt(wkt):
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def wkb_objects(wkb):
    """Geometries as an object array of bytes (None for null), whatever array the reader gave:
    objects, fixed-width bytes or void records, masked or not."""
    if wkb is None:
        return None
    mask = np.ma.getmaskarray(wkb) if np.ma.isMaskedArray(wkb) else None
    data = np.ma.getdata(wkb)
    out = np.empty(len(data), dtype=object)
    if data.dtype.kind in "SV":
        width = data.dtype.itemsize
        buf = np.ascontiguousarray(data).tobytes()
        out[:] = [buf[i * width : (i + 1) * width] for i in range(len(data))]
    else:
        out[:] = [bytes(v) if v is not None and len(v) else None for v in data.tolist()]
    if mask is not None and mask.any():
        out[mask] = None
    return out


def camera_xy(wkb):
    """Point WKB -> x, y arrays (NaN where the geometry is missing or empty; multipoints: first)."""
    blobs = wkb_objects(wkb)
    n = len(blobs)
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    for i, blob in enumerate(blobs):
        if not blob:
            continue
        if len(blob) == 21 and blob[0] == 1 and blob[1:5] == b"\x01\x00\x00\x00":
            x[i], y[i] = np.frombuffer(blob, "<f8", 2, 5)  # plain 2D point, little-endian
            continue
        try:
            geom = ogr.CreateGeometryFromWkb(blob)
        except RuntimeError:
            continue
        if geom is None or geom.IsEmpty():
            continue
        if geom.GetGeometryCount():
            geom = geom.GetGeometryRef(0)
        x[i], y[i] = geom.GetX(), geom.GetY()
    return x, y


def metric_crs(crs_wkt, x, y):
    """The CRS to measure in: the layer's own if projected in metres, else the local UTM zone."""
    if not crs_wkt:
        return crs_wkt  # no CRS: coordinates are taken as metres
    srs = srs_from_wkt(crs_wkt)
    if srs.IsProjected() and abs(srs.GetLinearUnits() - 1.0) < 1e-9:
        return crs_wkt
    ok = np.isfinite(x) & np.isfinite(y)
    if not ok.any():
        return crs_wkt
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    cx = (np.nanmin(x[ok]) + np.nanmax(x[ok])) / 2
    cy = (np.nanmin(y[ok]) + np.nanmax(y[ok])) / 2
    lon, lat = transform_xy(np.array([cx]), np.array([cy]), srs, wgs84)
    zone = int(np.clip(np.floor((lon[0] + 180.0) / 6.0) + 1, 1, 60))
    utm = osr.SpatialReference()
    utm.ImportFromEPSG((32600 if lat[0] >= 0 else 32700) + zone)
    return utm.ExportToWkt()


def transform_xy(x, y, src, dst):
    """Bulk coordinate transform (osr SpatialReference or WKT); NaNs stay NaN."""
    if isinstance(src, str) and src == dst:
        return np.asarray(x, float).copy(), np.asarray(y, float).copy()
    src = src if isinstance(src, osr.SpatialReference) else srs_from_wkt(src)
    dst = dst if isinstance(dst, osr.SpatialReference) else srs_from_wkt(dst)
    if src.IsSame(dst):
        return np.asarray(x, float).copy(), np.asarray(y, float).copy()
    x, y = np.asarray(x, float), np.asarray(y, float)
    ok = np.isfinite(x) & np.isfinite(y)
    ox, oy = np.full(len(x), np.nan), np.full(len(y), np.nan)
    if ok.any():
        ct = osr.CoordinateTransformation(src, dst)
        pts = np.asarray(ct.TransformPoints(np.column_stack([x[ok], y[ok]])), float)
        ox[ok], oy[ok] = pts[:, 0], pts[:, 1]
    return ox, oy


class Sectors:
    """Every camera's field of view, in the metric work CRS and in the camera layer's CRS."""

    def __init__(self, fov, x, y, layer_wkt):
        self.layer_wkt = layer_wkt
        self.work_wkt = metric_crs(layer_wkt, x, y)
        wx, wy = transform_xy(x, y, layer_wkt, self.work_wkt)
        self.located = np.isfinite(wx) & np.isfinite(wy)
        self.work_x, self.work_y = wx, wy
        rings = sector_rings(
            wx,
            wy,
            fov["direction"].to_numpy(float),
            fov["angle"].to_numpy(float),
            fov["range_m"].to_numpy(float),
        )
        self.area_m2 = np.where(self.located, ring_areas(rings), np.nan)
        self.work_wkb = polygon_wkb(rings, self.located)
        if self.work_wkt == layer_wkt:
            self.layer_wkb = self.work_wkb
        else:
            n, k, _ = rings.shape
            lx, ly = transform_xy(rings[..., 0].ravel(), rings[..., 1].ravel(), self.work_wkt, layer_wkt)
            back = np.stack([lx.reshape(n, k), ly.reshape(n, k)], axis=-1)
            self.layer_wkb = polygon_wkb(back, self.located)

    @property
    def reprojected(self):
        return self.work_wkt != self.layer_wkt
