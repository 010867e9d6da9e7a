"""Write DataFrames and WKB geometries to a GeoPackage fast, atomically (temp file, then rename)."""

import os
import sqlite3
import struct
import tempfile

import numpy as np
import pandas as pd
from osgeo import gdal, ogr, osr

from .arrow_columns import wkb_values

gdal.UseExceptions()

_KIND_OGR = {
    "str": (ogr.OFTString, ogr.OFSTNone), "int": (ogr.OFTInteger, ogr.OFSTNone),
    "int64": (ogr.OFTInteger64, ogr.OFSTNone), "float": (ogr.OFTReal, ogr.OFSTNone),
    "bool": (ogr.OFTInteger, ogr.OFSTBoolean), "date": (ogr.OFTDate, ogr.OFSTNone),
    "datetime": (ogr.OFTDateTime, ogr.OFSTNone), "binary": (ogr.OFTBinary, ogr.OFSTNone),
}


def kind_of(series):
    """Field kind for a column the engine created."""
    dt = series.dtype
    if pd.api.types.is_bool_dtype(dt):
        return "bool"
    if pd.api.types.is_integer_dtype(dt):
        return "int64"
    if pd.api.types.is_float_dtype(dt):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(dt):
        return "datetime"
    return "str"


def _db_values(series, kind):
    """Column -> list of Python values SQLite stores as GeoPackage expects."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = series.cat.categories
        if kind in ("str", "binary") or cats.dtype == object:
            values = np.asarray(list(cats) + [None], dtype=object)
            codes = series.cat.codes.to_numpy()
            return values[np.where(codes < 0, len(cats), codes)].tolist()
        series = series.astype(cats.dtype if len(cats) else object)
    if kind in ("date", "datetime"):
        s = pd.to_datetime(series, errors="coerce")
        fmt = "%Y-%m-%d" if kind == "date" else "%Y-%m-%dT%H:%M:%S"
        txt = s.dt.strftime(fmt)
        return txt.where(s.notna(), None).tolist()
    if kind == "bool":
        return [None if v is None or (isinstance(v, float) and np.isnan(v)) else int(bool(v))
                for v in series.tolist()]
    if kind in ("int", "int64", "float"):
        s = pd.to_numeric(series, errors="coerce")
        if s.isna().any():
            return s.astype(object).where(s.notna(), None).tolist()
        return s.tolist()
    if series.dtype == object:
        return series.where(series.notna(), None).tolist()
    return series.astype(str).tolist()


_EMPTY_POINT = b"\x00\x00\x00\x00\x00\x00\xf8\x7f" * 2


def gpkg_blobs(wkb, srs_id):
    """WKB values -> GeoPackage geometry blobs (header without envelope; null stays None)."""
    head = b"GP\x00\x01" + struct.pack("<i", srs_id)
    data = np.ma.getdata(wkb) if isinstance(wkb, np.ndarray) else None
    if data is not None and data.dtype.kind == "V" and len(data):
        n, width = len(data), data.dtype.itemsize
        out = np.empty(n, dtype=f"V{width + 8}")
        u8 = out.view(np.uint8).reshape(n, width + 8)
        u8[:, :8] = np.frombuffer(head, dtype=np.uint8)
        src = np.ascontiguousarray(data).view(np.uint8).reshape(n, width)
        u8[:, 8:] = src
        if width == 21:  # POINT EMPTY is written as NaN coordinates: flag it empty
            empty = (src[:, 5:] == np.frombuffer(_EMPTY_POINT, dtype=np.uint8)).all(axis=1)
            u8[empty, 3] = 0x11
        values = out.tolist()
        mask = np.ma.getmaskarray(wkb) if np.ma.isMaskedArray(wkb) else None
        if mask is not None and mask.any():
            values = [None if m else v for v, m in zip(values, mask.tolist())]
        return values
    empty_head = b"GP\x00\x11" + struct.pack("<i", srs_id)
    out = []
    append = out.append
    for g in (wkb_values(wkb) if isinstance(wkb, np.ndarray) else wkb):
        if g is None:
            append(None)
        elif len(g) == 21 and g[5:] == _EMPTY_POINT:
            append(empty_head + g)
        else:
            append(head + g)
    return out


class GpkgBuilder:
    """Collects layers and tables in a temporary GeoPackage; commit() renames it into place."""

    def __init__(self, final_path):
        self.final_path = os.path.abspath(final_path)
        folder = os.path.dirname(self.final_path) or "."
        os.makedirs(folder, exist_ok=True)
        fd, self.tmp_path = tempfile.mkstemp(suffix=".part.gpkg", dir=folder,
                                             prefix="." + os.path.basename(final_path) + ".")
        os.close(fd)
        os.unlink(self.tmp_path)
        self._ds = gdal.GetDriverByName("GPKG").Create(self.tmp_path, 0, 0, 0, gdal.GDT_Unknown)
        self.layers = []

    CHUNK = 50_000  # rows turned into Python values at a time: memory grows with this, not n

    def add(self, name, frame, kinds=None, wkb=None, geometry_type=ogr.wkbNone, crs_wkt=""):
        """Write one layer (with geometry) or table (wkb None) from a DataFrame."""
        layer = self.create(name, frame, kinds, geometry_type if wkb is not None else None,
                            crs_wkt)
        for start in range(0, len(frame), self.CHUNK):
            stop = start + self.CHUNK
            layer.append(frame.iloc[start:stop], wkb[start:stop] if wkb is not None else None)
        layer.finish()

    def create(self, name, template, kinds=None, geometry_type=None, crs_wkt=""):
        """Create an empty layer whose fields follow `template`'s columns; returns a writer
        to append() row chunks to and finish() once."""
        kinds = dict(kinds or {})
        for col in template.columns:
            kinds.setdefault(col, kind_of(template[col]))
        srs = None
        spatial = geometry_type is not None
        if spatial and crs_wkt:
            srs = osr.SpatialReference()
            srs.SetFromUserInput(crs_wkt)
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if self._ds is None:
            self._ds = gdal.OpenEx(self.tmp_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        lyr = self._ds.CreateLayer(name, srs=srs,
                                   geom_type=geometry_type if spatial else ogr.wkbNone,
                                   options=["SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom"])
        names = []
        for col in template.columns:
            if str(col).lower() in ("fid", "geom"):
                continue
            ftype, sub = _KIND_OGR[kinds[col]]
            fd = ogr.FieldDefn(str(col), ftype)
            fd.SetSubType(sub)
            lyr.CreateField(fd)
            names.append(col)
        self._ds = None  # hand the file to sqlite for the bulk inserts
        self.layers.append((name, spatial))
        return _LayerWriter(self, name, names, kinds, spatial)

    def uri(self, name):
        """How QGIS opens a layer of the finished file."""
        return f"{self.final_path}|layername={name}"

    def _srs_id(self, name):
        con = sqlite3.connect(self.tmp_path)
        try:
            row = con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?",
                              (name,)).fetchone()
        finally:
            con.close()
        return int(row[0]) if row else 0

    def _index(self, name):
        self._ds = gdal.OpenEx(self.tmp_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        self._ds.ExecuteSQL(f"SELECT CreateSpatialIndex({_literal(name)}, 'geom')")
        self._ds.ExecuteSQL(f"RECOMPUTE EXTENT ON {name}")
        self._ds = None

    def commit(self):
        """Close the file and move it over the destination in one rename."""
        self._ds = None
        os.replace(self.tmp_path, self.final_path)
        return self.final_path

    def abort(self):
        self._ds = None
        for p in (self.tmp_path, self.tmp_path + "-journal", self.tmp_path + "-wal"):
            if os.path.exists(p):
                os.unlink(p)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.abort()
        return False


def point_xy(wkb):
    """(x, y) arrays when every geometry is a 2D/3D point in little-endian WKB, else None
    (NaN for null or empty points)."""
    data = np.ma.getdata(wkb) if isinstance(wkb, np.ndarray) else None
    if data is None or data.dtype.kind != "V" or data.dtype.itemsize not in (21, 29, 37):
        return None
    raw = np.ascontiguousarray(data).view(np.uint8).reshape(len(data), data.dtype.itemsize)
    gtype = raw[:, 1:5].copy().view("<u4")[:, 0]
    if not ((raw[:, 0] == 1).all() and np.isin(gtype % 1000, (1,)).all()):
        return None
    x = raw[:, 5:13].copy().view("<f8")[:, 0]
    y = raw[:, 13:21].copy().view("<f8")[:, 0]
    if np.ma.isMaskedArray(wkb):
        mask = np.ma.getmaskarray(wkb)
        x, y = np.where(mask, np.nan, x), np.where(mask, np.nan, y)
    return x, y


_RTREE_TRIGGERS = (
    ("insert", 'AFTER INSERT ON {t} WHEN (new.{g} NOT NULL AND NOT ST_IsEmpty(NEW.{g})) BEGIN '
     'INSERT OR REPLACE INTO {r} VALUES (NEW.{f},ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}),'
     'ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); END'),
    ("update1", 'AFTER UPDATE OF {g} ON {t} WHEN OLD.{f} = NEW.{f} AND (NEW.{g} NOTNULL AND NOT '
     'ST_IsEmpty(NEW.{g})) BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.{f},ST_MinX(NEW.{g}), '
     'ST_MaxX(NEW.{g}),ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); END'),
    ("update2", 'AFTER UPDATE OF {g} ON {t} WHEN OLD.{f} = NEW.{f} AND (NEW.{g} ISNULL OR '
     'ST_IsEmpty(NEW.{g})) BEGIN DELETE FROM {r} WHERE id = OLD.{f}; END'),
    ("update3", 'AFTER UPDATE ON {t} WHEN OLD.{f} != NEW.{f} AND (NEW.{g} NOTNULL AND NOT '
     'ST_IsEmpty(NEW.{g})) BEGIN DELETE FROM {r} WHERE id = OLD.{f}; INSERT OR REPLACE INTO {r} '
     'VALUES (NEW.{f},ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}),ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); '
     'END'),
    ("update4", 'AFTER UPDATE ON {t} WHEN OLD.{f} != NEW.{f} AND (NEW.{g} ISNULL OR '
     'ST_IsEmpty(NEW.{g})) BEGIN DELETE FROM {r} WHERE id IN (OLD.{f}, NEW.{f}); END'),
    ("delete", 'AFTER DELETE ON {t} WHEN old.{g} NOT NULL BEGIN DELETE FROM {r} WHERE id = '
     'OLD.{f}; END'),
)


def _morton(x, y):
    """Z-order of points on a 2^16 grid: inserting an R-tree in this order is much faster."""
    def spread(v):
        v = v.astype(np.uint64) & np.uint64(0xFFFF)
        v = (v | (v << np.uint64(8))) & np.uint64(0x00FF00FF)
        v = (v | (v << np.uint64(4))) & np.uint64(0x0F0F0F0F)
        v = (v | (v << np.uint64(2))) & np.uint64(0x33333333)
        return (v | (v << np.uint64(1))) & np.uint64(0x55555555)

    def grid(v):
        lo, hi = np.nanmin(v), np.nanmax(v)
        return np.nan_to_num((v - lo) / ((hi - lo) or 1.0) * 65535)

    return spread(grid(x)) | (spread(grid(y)) << np.uint64(1))


class _LayerWriter:
    """Appends row chunks to one layer with SQLite bulk inserts."""

    def __init__(self, builder, name, names, kinds, spatial):
        self.builder, self.name, self.names, self.kinds = builder, name, names, kinds
        self.spatial, self.rows = spatial, 0
        self.points = [] if spatial else None  # (x, y) chunks while every geometry is a point
        self.srs_id = builder._srs_id(name) if spatial else 0
        cols = [_quote(c) for c in names] + (["geom"] if spatial else [])
        if cols:
            self.sql = (f"INSERT INTO {_quote(name)} ({', '.join(cols)}) "
                        f"VALUES ({', '.join('?' * len(cols))})")
        else:
            self.sql = f"INSERT INTO {_quote(name)} DEFAULT VALUES"

    def append(self, frame, wkb=None):
        if self.points is not None:
            xy = point_xy(wkb) if wkb is not None else None
            if xy is None:
                self.points = None  # not all points: GDAL builds the index at the end
            else:
                self.points.append(xy)
        columns = [_db_values(frame[c], self.kinds[c]) for c in self.names]
        if self.spatial:
            columns.append(gpkg_blobs(wkb, self.srs_id) if wkb is not None
                           else [None] * len(frame))
        con = sqlite3.connect(self.builder.tmp_path)
        try:
            con.execute("PRAGMA synchronous=OFF")
            con.execute("PRAGMA journal_mode=MEMORY")
            if columns:
                con.executemany(self.sql, zip(*columns))
            else:
                con.executemany(self.sql, ([] for _ in range(len(frame))))
            con.commit()
        finally:
            con.close()
        self.rows += len(frame)

    def finish(self):
        if not (self.spatial and self.rows):
            return
        if self.points is None:
            self.builder._index(self.name)
        else:
            self._point_index()

    def _point_index(self):
        """The GeoPackage R-tree of a point layer, bulk-loaded in Z-order, with the standard
        triggers (GDAL's CreateSpatialIndex inserts one feature at a time)."""
        x = np.concatenate([p[0] for p in self.points])
        y = np.concatenate([p[1] for p in self.points])
        fid = np.arange(1, len(x) + 1, dtype=np.int64)
        ok = ~(np.isnan(x) | np.isnan(y))
        x, y, fid = x[ok], y[ok], fid[ok]
        order = np.argsort(_morton(x, y), kind="stable") if len(x) else fid[:0]
        table, rtree = _quote(self.name), _quote(f"rtree_{self.name}_geom")
        names = {"t": table, "r": rtree, "g": '"geom"', "f": '"fid"'}
        con = sqlite3.connect(self.builder.tmp_path)
        try:
            con.execute("PRAGMA synchronous=OFF")
            con.execute(f"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)")
            xs, ys = x[order].tolist(), y[order].tolist()
            con.executemany(f"INSERT INTO {rtree} VALUES (?, ?, ?, ?, ?)",
                            zip(fid[order].tolist(), xs, xs, ys, ys))
            for suffix, body in _RTREE_TRIGGERS:
                trigger = _quote(f"rtree_{self.name}_geom_{suffix}")
                con.execute(f"CREATE TRIGGER {trigger} " + body.format(**names))
            con.execute("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, "
                        "column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT "
                        "NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, "
                        "column_name, extension_name))")
            con.execute("INSERT OR REPLACE INTO gpkg_extensions VALUES (?, 'geom', "
                        "'gpkg_rtree_index', 'http://www.geopackage.org/spec120/"
                        "#extension_rtree', 'write-only')", (self.name,))
            if len(x):
                con.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, "
                            "max_y = ? WHERE table_name = ?",
                            (float(x.min()), float(y.min()), float(x.max()), float(y.max()),
                             self.name))
            con.commit()
        finally:
            con.close()


def _quote(name):
    return '"' + str(name).replace('"', '""') + '"'


def _literal(name):
    return "'" + str(name).replace("'", "''") + "'"
