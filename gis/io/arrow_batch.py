"""DataFrame chunks as Arrow C data (the Arrow PyCapsule interface), for GDAL's OGRLayer.WriteArrow.

GDAL >= 3.8 writes Arrow record batches into a GeoPackage in C, about twice as fast as our
SQLite bulk inserts on GDAL 3.10. Python has no Arrow library here (pyarrow is not a Debian
package, nor shipped with QGIS everywhere), so the few Arrow structures GDAL reads are built
with ctypes over numpy buffers: no Python value per cell, strings encoded once per distinct
value of a categorical column.
"""

import ctypes

import numpy as np
import pandas as pd


class ArrowSchema(ctypes.Structure):
    pass


class ArrowArray(ctypes.Structure):
    pass


_RELEASE_SCHEMA = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowSchema))
_RELEASE_ARRAY = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowArray))

ArrowSchema._fields_ = [
    ("format", ctypes.c_char_p),
    ("name", ctypes.c_char_p),
    ("metadata", ctypes.c_char_p),
    ("flags", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowSchema))),
    ("dictionary", ctypes.POINTER(ArrowSchema)),
    ("release", _RELEASE_SCHEMA),
    ("private_data", ctypes.c_void_p),
]
ArrowArray._fields_ = [
    ("length", ctypes.c_int64),
    ("null_count", ctypes.c_int64),
    ("offset", ctypes.c_int64),
    ("n_buffers", ctypes.c_int64),
    ("n_children", ctypes.c_int64),
    ("buffers", ctypes.POINTER(ctypes.c_void_p)),
    ("children", ctypes.POINTER(ctypes.POINTER(ArrowArray))),
    ("dictionary", ctypes.POINTER(ArrowArray)),
    ("release", _RELEASE_ARRAY),
    ("private_data", ctypes.c_void_p),
]

_NULLABLE = 2  # ARROW_FLAG_NULLABLE


@_RELEASE_SCHEMA
def _release_schema(ptr):
    """Memory belongs to the Python batch object: releasing only marks the struct released."""
    ptr.contents.release = _RELEASE_SCHEMA()


@_RELEASE_ARRAY
def _release_array(ptr):
    ptr.contents.release = _RELEASE_ARRAY()


_capsule_new = ctypes.pythonapi.PyCapsule_New
_capsule_new.restype = ctypes.py_object
_capsule_new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
_SCHEMA_NAME, _ARRAY_NAME = b"arrow_schema", b"arrow_array"


def _bitmap(flags):
    """Arrow's least-significant-bit-first bitmap of a boolean array."""
    return np.packbits(np.asarray(flags, dtype=bool), bitorder="little")


class _Column:
    """One Arrow child: format, buffers (numpy arrays or None), length and null count."""

    def __init__(self, name, fmt, buffers, length, valid=None):
        self.name, self.fmt, self.length = name.encode("utf-8"), fmt, length
        self.null_count = 0 if valid is None else int(length - np.count_nonzero(valid))
        validity = _bitmap(valid) if self.null_count else None
        self.buffers = [validity] + list(buffers)


def _var_width(values, encode):
    """(offsets int64, bytes uint8, valid) of a column of str/bytes values (None = null)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        return _gathered([encode(v) for v in values.cat.categories], codes)
    raw = values.to_numpy(dtype=object)
    valid = ~pd.isna(raw)
    present = raw[valid].tolist()
    blob = None
    if encode is _text:
        try:
            joined = "".join(present)
        except TypeError:  # not all str: encoded one by one below
            joined = None
        if joined is not None and joined.isascii():  # one byte per character: lengths known
            blob, lens = (
                joined.encode("ascii"),
                np.fromiter(map(len, present), dtype=np.int64, count=len(present)),
            )
    if blob is None:
        parts = [encode(v) for v in present]
        blob = b"".join(parts)
        lens = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    row_len = np.zeros(len(raw), dtype=np.int64)
    row_len[valid] = lens
    offsets = np.zeros(len(raw) + 1, dtype=np.int64)
    np.cumsum(row_len, out=offsets[1:])
    return offsets, np.frombuffer(blob, dtype=np.uint8), valid


def _gathered(parts, codes):
    """Rows that pick one of a few encoded values by code (-1 = null), laid out row by row."""
    valid = codes >= 0
    lens = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    starts = np.zeros(len(parts), dtype=np.int64)
    if len(parts) > 1:
        np.cumsum(lens[:-1], out=starts[1:])
    safe = np.where(valid, codes, 0)
    row_len = np.where(valid, lens[safe], 0) if len(parts) else np.zeros(len(codes), np.int64)
    offsets = np.zeros(len(codes) + 1, dtype=np.int64)
    np.cumsum(row_len, out=offsets[1:])
    if not offsets[-1]:
        return offsets, np.zeros(0, dtype=np.uint8), valid
    blob = np.frombuffer(b"".join(parts), dtype=np.uint8)
    row_start = np.where(valid, starts[safe], 0)
    index = np.repeat(row_start - offsets[:-1], row_len) + np.arange(offsets[-1])
    return offsets, blob[index], valid


def _text(value):
    return str(value).encode("utf-8", "replace")


def _bytes(value):
    return bytes(value)


def _numeric(series, dtype):
    """(values, valid) as `dtype`; NaN and what is not a number become null (inf stays)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    values = pd.to_numeric(series, errors="coerce")
    valid = values.notna().to_numpy()
    if pd.api.types.is_integer_dtype(values.dtype) or pd.api.types.is_bool_dtype(values.dtype):
        data = values.to_numpy().astype(dtype)
    else:
        data = np.where(valid, values.to_numpy(dtype=np.float64, na_value=0.0), 0).astype(dtype)
    return np.ascontiguousarray(data), valid


def column(name, series, kind):
    """Our kind ('str', 'int', 'int64', 'float', 'bool', 'date', 'datetime', 'binary') as Arrow."""
    n = len(series)
    if kind in ("str", "binary"):
        offsets, data, valid = _var_width(series, _text if kind == "str" else _bytes)
        fmt = ("U" if kind == "str" else "Z") if offsets[-1] > 2**31 - 1 else ("u" if kind == "str" else "z")
        if fmt in ("u", "z"):
            offsets = offsets.astype(np.int32)
        return _Column(name, fmt, [offsets, data], n, valid)
    if kind == "int":
        data, valid = _numeric(series, np.int32)
        return _Column(name, "i", [data], n, valid)
    if kind == "int64":
        data, valid = _numeric(series, np.int64)
        return _Column(name, "l", [data], n, valid)
    if kind == "float":
        data, valid = _numeric(series, np.float64)
        return _Column(name, "g", [data], n, valid)
    if kind == "bool":
        if series.dtype == bool:
            return _Column(name, "b", [_bitmap(series.to_numpy())], n)
        raw = series.astype(object)
        valid = raw.notna().to_numpy()
        truth = raw.where(raw.notna(), False).astype(bool).to_numpy()
        return _Column(name, "b", [_bitmap(truth)], n, valid)
    if kind in ("date", "datetime"):
        stamps = pd.to_datetime(series, errors="coerce")
        valid = stamps.notna().to_numpy()
        ns = stamps.to_numpy(dtype="datetime64[ns]").astype(np.int64)
        if kind == "date":
            data = np.where(valid, ns // 86_400_000_000_000, 0).astype(np.int32)
            return _Column(name, "tdD", [data], n, valid)
        data = np.where(valid, (ns // 1_000_000_000) * 1000, 0).astype(np.int64)
        return _Column(name, "tsm:", [data], n, valid)
    raise ValueError(f"no Arrow type for kind {kind!r}")


def geometry_column(name, wkb):
    """WKB values (a masked array of fixed-width points, or objects of bytes/None)."""
    data = np.ma.getdata(wkb) if isinstance(wkb, np.ndarray) else np.asarray(wkb, dtype=object)
    n = len(data)
    if data.dtype.kind == "V":
        width = data.dtype.itemsize
        valid = ~np.ma.getmaskarray(wkb) if np.ma.isMaskedArray(wkb) else None
        offsets = (np.arange(n + 1, dtype=np.int64) * width).astype(np.int32)
        blob = np.ascontiguousarray(data).view(np.uint8).reshape(-1)
        return _Column(name, "z", [offsets, blob], n, valid)
    values = pd.Series(list(data), dtype=object)
    if np.ma.isMaskedArray(wkb):
        values[np.ma.getmaskarray(wkb)] = None
    offsets, blob, valid = _var_width(values, _bytes)
    return _Column(name, "z", [offsets.astype(np.int32), blob], n, valid)


class RecordBatch:
    """A struct array of columns, handed to GDAL through __arrow_c_array__. Keep the object alive
    until GDAL has returned: it owns every buffer the C structures point to."""

    def __init__(self, columns, length):
        self.columns, self.length = columns, length
        self._keep = []
        self.schema, self.array = self._struct()

    def _struct(self):
        keep = self._keep
        child_schemas, child_arrays = [], []
        for col in self.columns:
            fmt = col.fmt.encode("ascii")
            keep.append(fmt)
            schema = ArrowSchema(
                format=fmt,
                name=col.name,
                metadata=None,
                flags=_NULLABLE,
                n_children=0,
                children=None,
                dictionary=None,
                release=_release_schema,
                private_data=None,
            )
            pointers = (ctypes.c_void_p * len(col.buffers))(
                *[None if b is None else b.ctypes.data for b in col.buffers]
            )
            array = ArrowArray(
                length=col.length,
                null_count=col.null_count,
                offset=0,
                n_buffers=len(col.buffers),
                n_children=0,
                buffers=pointers,
                children=None,
                dictionary=None,
                release=_release_array,
                private_data=None,
            )
            keep.extend([col, schema, pointers, array])
            child_schemas.append(schema)
            child_arrays.append(array)
        k = len(self.columns)
        schema_children = (ctypes.POINTER(ArrowSchema) * k)(*[ctypes.pointer(s) for s in child_schemas])
        array_children = (ctypes.POINTER(ArrowArray) * k)(*[ctypes.pointer(a) for a in child_arrays])
        top_buffers = (ctypes.c_void_p * 1)(None)
        keep.extend([schema_children, array_children, top_buffers])
        schema = ArrowSchema(
            format=b"+s",
            name=b"",
            metadata=None,
            flags=0,
            n_children=k,
            children=schema_children,
            dictionary=None,
            release=_release_schema,
            private_data=None,
        )
        array = ArrowArray(
            length=self.length,
            null_count=0,
            offset=0,
            n_buffers=1,
            n_children=k,
            buffers=top_buffers,
            children=array_children,
            dictionary=None,
            release=_release_array,
            private_data=None,
        )
        return schema, array

    def __arrow_c_array__(self, requested_schema=None):
        return (
            _capsule_new(ctypes.addressof(self.schema), _SCHEMA_NAME, None),
            _capsule_new(ctypes.addressof(self.array), _ARRAY_NAME, None),
        )


def record_batch(frame, names, kinds, wkb=None, geometry_name="geom"):
    """The Arrow batch of `names` columns of `frame` (and geometry when wkb is given)."""
    cols = [column(str(c), frame[c], kinds[c]) for c in names]
    if wkb is not None:
        cols.append(geometry_column(geometry_name, wkb))
    return RecordBatch(cols, len(frame))
