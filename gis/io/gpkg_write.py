"""Write DataFrames and WKB geometries to a GeoPackage fast, atomically (temp file, then rename)."""

import os
import sqlite3
import struct

import numpy as np
import pandas as pd
from osgeo import gdal, ogr, osr

from ...risk.safety.tempfiles import temp_beside
from . import gpkg_rtree
from .arrow_batch import record_batch
from .arrow_columns import wkb_values

gdal.UseExceptions()

_KIND_OGR = {
    "str": (ogr.OFTString, ogr.OFSTNone),
    "int": (ogr.OFTInteger, ogr.OFSTNone),
    "int64": (ogr.OFTInteger64, ogr.OFSTNone),
    "float": (ogr.OFTReal, ogr.OFSTNone),
    "bool": (ogr.OFTInteger, ogr.OFSTBoolean),
    "date": (ogr.OFTDate, ogr.OFSTNone),
    "datetime": (ogr.OFTDateTime, ogr.OFSTNone),
    "binary": (ogr.OFTBinary, ogr.OFSTNone),
}


def _connect(path):
    """SQLite on the private temp file: no journal, no syncs, a large page cache (the file is
    renamed into place only when complete, so a crash can only lose the temp file)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA cache_size=-262144")
    return con


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
        if series.dtype == bool:
            return series.to_numpy().astype(np.int8).tolist()
        return [
            None if v is None or (isinstance(v, float) and np.isnan(v)) else int(bool(v))
            for v in series.tolist()
        ]
    if kind in ("int", "int64", "float"):
        s = pd.to_numeric(series, errors="coerce")
        if s.isna().any():
            return s.astype(object).where(s.notna(), None).tolist()
        return s.tolist()
    if series.dtype == object:
        return series.where(series.notna(), None).tolist()
    return text_values(series)


def text_values(series):
    """A typed column as text: NULL stays None (never the text "nan"); whole floats of an
    integer column that had NULLs lose their ".0"."""
    null = series.isna().to_numpy()
    if pd.api.types.is_float_dtype(series.dtype):
        values = series.to_numpy()
        whole = np.isfinite(values) & (values == np.round(values))
        if whole[~null].all():
            series = pd.Series(np.where(null, 0, values).astype(np.int64), index=series.index)
    out = np.asarray(series.astype(str), dtype=object)
    out[null] = None
    return out.tolist()


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
    for g in wkb_values(wkb) if isinstance(wkb, np.ndarray) else wkb:
        if g is None:
            append(None)
        elif len(g) == 21 and g[5:] == _EMPTY_POINT:
            append(empty_head + g)
        else:
            append(head + g)
    return out


class FrameBuilder:
    """The output builder protocol, which GpkgBuilder and PostgisBuilder implement.

    - `create(name, template, kinds, geometry_type, crs_wkt)` -> a writer of one layer (or a
      table when geometry_type is None), whose fields follow the template's columns; the writer
      takes `append(frame, wkb)` chunks and one `finish()`;
    - `stage(name, template, kinds)` -> a writer of a scratch table, and `derive(name, base,
      stage, template, kinds, geometry_type, crs_wkt, constants)` makes a layer inside the store
      from a written layer's geometries and shared columns plus a stage's own columns (how the
      other scenarios are written without sending geometries again);
    - `add(...)` a whole DataFrame at once (here, in chunks of CHUNK rows);
    - `uri(name)` the QGIS data source of a written layer;
    - `commit()` makes everything visible at once; `abort()` leaves the destination as it was;
      an exception inside `with builder:` aborts.
    """

    CHUNK = 50_000  # rows turned into Python values at a time: memory grows with this, not n

    def create(self, name, template, kinds=None, geometry_type=None, crs_wkt=""):
        raise NotImplementedError

    def stage(self, name, template, kinds=None):
        raise NotImplementedError

    def derive(self, name, base, stage, template, kinds, geometry_type, crs_wkt, constants=None):
        raise NotImplementedError

    def uri(self, name):
        raise NotImplementedError

    def commit(self):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError

    def add(self, name, frame, kinds=None, wkb=None, geometry_type=ogr.wkbNone, crs_wkt=""):
        """Write one layer (with geometry) or table (wkb None) from a DataFrame."""
        writer = self.create(name, frame, kinds, geometry_type if wkb is not None else None, crs_wkt)
        for start in range(0, len(frame), self.CHUNK):
            stop = start + self.CHUNK
            writer.append(frame.iloc[start:stop], wkb[start:stop] if wkb is not None else None)
        writer.finish()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.abort()
        return False


class GpkgBuilder(FrameBuilder):
    """Collects layers and tables in a temporary GeoPackage; commit() renames it into place."""

    # GDAL >= 3.8 can write the rows from Arrow batches instead (`arrow = True`); measured on GDAL
    # 3.10 it is no faster than our SQLite inserts for these layers (bench/run_all.py prints
    # both), so SQLite stays the default on every release.
    arrow = False

    def __init__(self, final_path):
        self.final_path = os.path.abspath(final_path)
        folder = os.path.dirname(self.final_path) or "."
        os.makedirs(folder, exist_ok=True)
        self.tmp_path = temp_beside(self.final_path, ".part.gpkg")
        os.unlink(self.tmp_path)
        self._ds = gdal.GetDriverByName("GPKG").Create(self.tmp_path, 0, 0, 0, gdal.GDT_Unknown)
        self.layers = []
        self.point_indexed = set()
        self.geometry_types = {}  # layer -> declared OGR type, for layers whose rows may differ
        self.mixed = {}  # layer -> the type to declare, when its rows hold another than declared
        self._stages = {}
        self._count_triggers = {}  # layer -> GDAL's feature-count triggers, off while loading

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
        lyr = self._ds.CreateLayer(
            name,
            srs=srs,
            geom_type=geometry_type if spatial else ogr.wkbNone,
            options=["SPATIAL_INDEX=NO", "FID=fid", "GEOMETRY_NAME=geom"],
        )
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
        self._count_triggers[name] = self._drop_count_triggers(name)
        self.layers.append((name, spatial))
        if spatial and ogr.GT_Flatten(geometry_type) != ogr.wkbUnknown:
            self.geometry_types[name] = ogr.GT_Flatten(geometry_type)
        return _LayerWriter(self, name, names, kinds, spatial)

    def stage(self, name, template, kinds=None):
        """A scratch table (not a layer) of fid + template's columns, for derive()."""
        kinds = dict(kinds or {})
        for col in template.columns:
            kinds.setdefault(col, kind_of(template[col]))
        sql_type = {
            "str": "TEXT",
            "int": "INTEGER",
            "int64": "INTEGER",
            "float": "REAL",
            "bool": "INTEGER",
            "date": "TEXT",
            "datetime": "TEXT",
            "binary": "BLOB",
        }
        cols = ", ".join(f"{_quote(c)} {sql_type[kinds[c]]}" for c in template.columns)
        # Each stage lives in a file of its own: interleaved with the layers' pages it would
        # make every later scan jump around the GeoPackage.
        path = self._stage_path(name)
        con = _connect(path)
        try:
            con.execute(f"CREATE TABLE {_quote(name)} (fid INTEGER PRIMARY KEY, {cols})")
            con.commit()
        finally:
            con.close()
        self._stages[name] = path
        return _StageWriter(path, name, list(template.columns), kinds)

    def _stage_path(self, name):
        safe = "".join(ch if ch.isalnum() or ch in "_-" else "_" for ch in name)
        return f"{self.tmp_path}.{safe}.{len(self._stages)}.stage"

    def derive(self, name, base, stage, template, kinds, geometry_type, crs_wkt, constants=None):
        """Layer `name` = rows of layer `base` with the columns of `stage` replaced (joined on
        fid) and `constants` set, made inside SQLite; the base's R-tree is copied, not
        rebuilt; the stage dropped."""
        self.create(name, template, kinds, geometry_type, crs_wkt)
        stage_path = self._stages[stage]
        staged = _table_columns(stage_path, stage)
        constants = constants or {}
        cols = [c for c in template.columns if str(c).lower() not in ("fid", "geom")]
        select = ", ".join(
            f"s.{_quote(c)}"
            if c in staged
            else _literal(constants[c])
            if c in constants
            else f"b.{_quote(c)}"
            for c in cols
        )
        target = ", ".join(_quote(c) for c in cols)
        con = _connect(self.tmp_path)
        try:
            con.execute("ATTACH DATABASE ? AS stage", (stage_path,))
            con.execute(
                f"INSERT INTO {_quote(name)} (fid, geom, {target}) SELECT b.fid, b.geom, "
                f"{select} FROM {_quote(base)} b JOIN stage.{_quote(stage)} s "
                f"ON s.fid = b.fid ORDER BY b.fid"
            )
            con.commit()
            con.execute("DETACH DATABASE stage")
            con.execute(
                "UPDATE gpkg_contents SET (min_x, min_y, max_x, max_y) = (SELECT min_x, "
                "min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?) "
                "WHERE table_name = ?",
                (base, name),
            )
            if base in self.mixed:
                self.mixed[name] = self.mixed[base]
            if base in self.point_indexed:
                gpkg_rtree.copy_tree(con, base, name)
                self.point_indexed.add(name)
            con.commit()
        finally:
            con.close()
        os.unlink(stage_path)
        del self._stages[stage]
        if base not in self.point_indexed:
            self._index(name)

    def uri(self, name):
        """How QGIS opens a layer of the finished file."""
        return f"{self.final_path}|layername={name}"

    def _srs_id(self, name):
        con = sqlite3.connect(self.tmp_path)
        try:
            row = con.execute(
                "SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (name,)
            ).fetchone()
        finally:
            con.close()
        return int(row[0]) if row else 0

    def _index(self, name):
        self._ds = gdal.OpenEx(self.tmp_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        self._ds.ExecuteSQL(f"SELECT CreateSpatialIndex({_literal(name)}, 'geom')")
        self._ds.ExecuteSQL(f"RECOMPUTE EXTENT ON {name}")
        self._ds = None

    def _drop_count_triggers(self, name):
        """GDAL keeps gpkg_ogr_contents.feature_count by a trigger that runs an UPDATE for
        every inserted row: on a million rows that costs as much as the insert itself. Like
        GDAL in its own bulk loads, drop them while loading; commit() puts them back with
        the count. Returns their SQL."""
        con = _connect(self.tmp_path)
        try:
            rows = con.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
                "AND name IN (?, ?)",
                (name, f"trigger_insert_feature_count_{name}", f"trigger_delete_feature_count_{name}"),
            ).fetchall()
            for trigger, _ in rows:
                con.execute(f"DROP TRIGGER {_quote(trigger)}")
            con.commit()
        finally:
            con.close()
        return rows

    def _restore_count_triggers(self):
        con = _connect(self.tmp_path)
        try:
            for name, triggers in self._count_triggers.items():
                if not triggers:
                    continue
                con.execute(
                    f"UPDATE gpkg_ogr_contents SET feature_count = (SELECT count(*) "
                    f"FROM {_quote(name)}) WHERE lower(table_name) = lower(?)",
                    (name,),
                )
                for trigger, sql in triggers:
                    con.execute(f"DROP TRIGGER IF EXISTS {_quote(trigger)}")
                    con.execute(sql)
            con.commit()
        finally:
            con.close()
        self._count_triggers = {}

    def commit(self):
        """Close the file and move it over the destination in one rename."""
        self._ds = None
        self._restore_count_triggers()
        self._declare_mixed()
        os.replace(self.tmp_path, self.final_path)
        return self.final_path

    def _declare_mixed(self):
        """A layer declared POINT that holds lines is invalid GeoPackage: declare it GEOMETRY
        (QGIS then offers one sublayer per geometry type)."""
        if not self.mixed:
            return
        con = _connect(self.tmp_path)
        try:
            for name, type_name in sorted(self.mixed.items()):
                con.execute(
                    "UPDATE gpkg_geometry_columns SET geometry_type_name = ? "
                    "WHERE lower(table_name) = lower(?)",
                    (type_name, name),
                )
            con.commit()
        finally:
            con.close()

    def abort(self):
        self._ds = None
        for p in [self.tmp_path, self.tmp_path + "-journal", self.tmp_path + "-wal", *self._stages.values()]:
            if os.path.exists(p):
                os.unlink(p)


def wkb_flat_types(wkb):
    """The flat ISO geometry type codes (1 point, 2 line, 3 polygon, 4-7 multi/collection)
    present in WKB values; nulls and empties are not a type."""
    data = np.ma.getdata(wkb) if isinstance(wkb, np.ndarray) else None
    if data is not None and data.dtype.kind == "V" and len(data):
        raw = np.ascontiguousarray(data).view(np.uint8).reshape(len(data), data.dtype.itemsize)
        little = raw[:, 0] == 1
        code = np.where(
            little,
            raw[:, 1].astype(np.uint32) | raw[:, 2].astype(np.uint32) << 8,
            raw[:, 4].astype(np.uint32) | raw[:, 3].astype(np.uint32) << 8,
        )
        return {int(c) % 1000 for c in np.unique(code)}
    values = [v for v in (wkb_values(wkb) if isinstance(wkb, np.ndarray) else wkb) if v and len(v) >= 5]
    if not values:
        return set()
    heads = np.frombuffer(b"".join(v[:5] for v in values), dtype=np.uint8).reshape(-1, 5)
    little = heads[:, 0] == 1
    code = np.where(
        little,
        heads[:, 1].astype(np.uint32)
        | heads[:, 2].astype(np.uint32) << 8
        | heads[:, 3].astype(np.uint32) << 16,
        heads[:, 4].astype(np.uint32)
        | heads[:, 3].astype(np.uint32) << 8
        | heads[:, 2].astype(np.uint32) << 16,
    )
    code = code & 0x0FFFFFFF  # EWKB Z/M/SRID flags
    return {int(c) % 1000 for c in np.unique(code)}


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


class _LayerWriter:
    """Appends row chunks to one layer with SQLite bulk inserts."""

    def __init__(self, builder, name, names, kinds, spatial):
        self.builder, self.name, self.names, self.kinds = builder, name, names, kinds
        self.spatial, self.rows = spatial, 0
        self.points = [] if spatial else None  # (x, y) chunks while every geometry is a point
        self.srs_id = builder._srs_id(name) if spatial else 0
        cols = [_quote(c) for c in names] + (["geom"] if spatial else [])
        if cols:
            self.sql = f"INSERT INTO {_quote(name)} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        else:
            self.sql = f"INSERT INTO {_quote(name)} DEFAULT VALUES"

    def append(self, frame, wkb=None):
        if self.points is not None:
            xy = point_xy(wkb) if wkb is not None else None
            if xy is None:
                self.points = None  # not all points: GDAL builds the index at the end
            else:
                self.points.append(xy)
        declared = self.builder.geometry_types.get(self.name)
        if declared is not None and wkb is not None:
            self._check_types(declared, wkb_flat_types(wkb))
        if self.builder.arrow and (self.names or self.spatial):
            self._append_arrow(frame, wkb)
        else:
            self._append_sqlite(frame, wkb)
        self.rows += len(frame)

    def _check_types(self, declared, found):
        """Rows of another type than declared: widen to the multi type of the same family
        (a line among points is not one), else to GEOMETRY."""
        seen = self.seen = getattr(self, "seen", set()) | found
        if not seen - {declared}:
            return
        family = {(c - 1) % 3 for c in seen | {declared} if 1 <= c <= 6}
        if len(family) == 1 and not seen - {1, 2, 3, 4, 5, 6}:
            multi = next(iter(family)) + 4
            self.builder.mixed[self.name] = ogr.GeometryTypeToName(multi).upper().replace(" ", "")
        else:
            self.builder.mixed[self.name] = "GEOMETRY"

    def _append_arrow(self, frame, wkb):
        """GDAL's own Arrow writer (GDAL >= 3.8), about twice our SQLite inserts' speed."""
        if self.spatial and wkb is None:
            wkb = np.full(len(frame), None, dtype=object)
        batch = record_batch(frame, self.names, self.kinds, wkb if self.spatial else None)
        ds = gdal.OpenEx(self.builder.tmp_path, gdal.OF_VECTOR | gdal.OF_UPDATE)
        try:
            layer = ds.GetLayerByName(self.name)
            ds.StartTransaction()
            layer.WriteArrow(
                batch, createFieldsFromSchema=False, options=["GEOMETRY_NAME=geom"] if self.spatial else []
            )
            ds.CommitTransaction()
        finally:
            ds = None
        del batch

    def _append_sqlite(self, frame, wkb):
        columns = [_db_values(frame[c], self.kinds[c]) for c in self.names]
        if self.spatial:
            columns.append(gpkg_blobs(wkb, self.srs_id) if wkb is not None else [None] * len(frame))
        con = _connect(self.builder.tmp_path)
        try:
            if columns:
                con.executemany(self.sql, zip(*columns))
            else:
                con.executemany(self.sql, ([] for _ in range(len(frame))))
            con.commit()
        finally:
            con.close()

    def finish(self):
        if not (self.spatial and self.rows):
            return
        if self.points is None:
            self.builder._index(self.name)
        else:
            self._point_index()

    def _point_index(self):
        x = np.concatenate([p[0] for p in self.points])
        y = np.concatenate([p[1] for p in self.points])
        con = _connect(self.builder.tmp_path)
        try:
            gpkg_rtree.bulk_load(con, self.name, np.arange(1, len(x) + 1), x, y)
            ok = ~(np.isnan(x) | np.isnan(y))
            if ok.any():
                con.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, "
                    "max_y = ? WHERE table_name = ?",
                    (
                        float(x[ok].min()),
                        float(y[ok].min()),
                        float(x[ok].max()),
                        float(y[ok].max()),
                        self.name,
                    ),
                )
            con.commit()
        finally:
            con.close()
        self.builder.point_indexed.add(self.name)


def _table_columns(path, table):
    con = sqlite3.connect(path)
    try:
        return [r[1] for r in con.execute(f"PRAGMA table_info({_quote(table)})")]
    finally:
        con.close()


class _StageWriter:
    """Appends (fid-numbered) row chunks to a scratch table in its own file."""

    def __init__(self, path, name, names, kinds):
        self.path, self.name, self.names, self.kinds, self.rows = path, name, names, kinds, 0
        cols = ", ".join(["fid"] + [_quote(c) for c in names])
        self.sql = f"INSERT INTO {_quote(name)} ({cols}) VALUES ({', '.join('?' * (1 + len(names)))})"

    def append(self, frame, wkb=None):
        fids = range(self.rows + 1, self.rows + len(frame) + 1)
        columns = [fids] + [_db_values(frame[c], self.kinds[c]) for c in self.names]
        con = _connect(self.path)
        try:
            con.executemany(self.sql, zip(*columns))
            con.commit()
        finally:
            con.close()
        self.rows += len(frame)

    def finish(self):
        pass


def _quote(name):
    return '"' + str(name).replace('"', '""') + '"'


def _literal(name):
    return "'" + str(name).replace("'", "''") + "'"
