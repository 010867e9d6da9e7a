"""Layer -> DataFrame by the fastest route a layer's provider allows."""

import numpy as np
import pandas as pd
from osgeo import gdal, ogr
from qgis.core import QgsFeatureRequest, QgsMessageLog, QgsProviderRegistry
from qgis.PyQt.QtCore import QDate, QDateTime

from ..compat import NO_GEOMETRY_REQUEST, concat_frames, field_kind, is_null, ogr_wkb_code
from .arrow_columns import StringColumn, strings_to_categorical, wkb_values
from .layer_data import LayerData, layer_kinds
from .prefetch import prefetched
from .sql_guard import unsafe_filter

gdal.UseExceptions()

ARROW_BATCH_ROWS = 65536  # GDAL's default batch: big enough to amortise, small to overlap

_OGR_KIND = {
    ogr.OFTString: "str",
    ogr.OFTInteger: "int",
    ogr.OFTInteger64: "int64",
    ogr.OFTReal: "float",
    ogr.OFTDate: "date",
    ogr.OFTDateTime: "datetime",
    ogr.OFTTime: "str",
    ogr.OFTBinary: "binary",
}


def read_layer(layer, selected_only=False, feedback=None, columns=None, geometry=True):
    """Read a QgsVectorLayer whole; OGR files through GDAL's Arrow stream, others through
    the provider. `columns` (names) and `geometry` restrict what is read."""
    chunks = list(iter_layer(layer, None, selected_only, feedback, columns, geometry))
    if len(chunks) == 1:
        return chunks[0]
    return concat_chunks(chunks)


def iter_layer(layer, chunk_rows=None, selected_only=False, feedback=None, columns=None, geometry=True):
    """Yield the layer as LayerData chunks of about chunk_rows rows (one chunk when None):
    memory then follows the chunk, not the layer."""
    chunks = None
    if layer.providerType() == "ogr":
        chunks = _ogr_arrow_chunks(layer, chunk_rows, selected_only, columns, geometry)
    if layer.providerType() == "postgres":
        from .postgis_read import postgis_chunks  # COPY through psycopg2, None if it can't

        problem = unsafe_filter(layer.source())
        if problem:  # no route is safe: the provider too pastes the filter into its SQL
            raise ValueError(f"{layer.name()}: {problem}")

        chunks = postgis_chunks(layer, chunk_rows, selected_only, columns, geometry)
    if chunks is not None and layer.providerType() == "ogr":
        chunks = _or_provider(chunks, layer, chunk_rows, selected_only, feedback, columns, geometry)
    if chunks is None:
        chunks = _provider_chunks(layer, chunk_rows, selected_only, feedback, columns, geometry)
    empty = True
    for data in chunks:
        data.source = layer.source()
        empty = False
        yield data
    if empty:
        yield _empty(layer, columns, geometry)


class ArrowReadError(RuntimeError):
    """GDAL's Arrow stream failed; its message only."""


def _or_provider(chunks, layer, chunk_rows, selected_only, feedback, columns, geometry):
    """GDAL's Arrow stream, or the provider route when the stream fails on its first batch
    (e.g. a layer too wide for GDAL's Arrow reader): the same rows, slower."""
    try:
        first = next(chunks)
    except StopIteration:
        return
    except ArrowReadError as e:
        QgsMessageLog.logMessage(
            f"{layer.name()}: read through the QGIS provider: GDAL's Arrow reader failed ({e})", "Vendor Risk"
        )
        yield from _provider_chunks(layer, chunk_rows, selected_only, feedback, columns, geometry)
        return
    yield first
    yield from chunks


def _empty(layer, columns, geometry):
    kinds = {k: v for k, v in layer_kinds(layer).items() if columns is None or k in columns}
    frame = pd.DataFrame({k: pd.Series([], dtype=object) for k in kinds})
    spatial = geometry and layer.isSpatial()
    return LayerData(
        frame,
        np.array([], dtype=object) if spatial else None,
        kinds,
        layer.crs().toWkt(),
        ogr_wkb_code(layer.wkbType()) if spatial else ogr.wkbNone,
        layer.source(),
        "empty",
        np.zeros(0, dtype=np.int64),
    )


def concat_chunks(chunks):
    first = chunks[0]
    frame = concat_frames([c.frame for c in chunks])
    wkb = None
    if first.wkb is not None:
        wkb = np.ma.concatenate([np.ma.masked_array(wkb_values(c.wkb), dtype=object) for c in chunks])
    return LayerData(
        frame,
        wkb,
        first.kinds,
        first.crs_wkt,
        first.geometry_type,
        first.source,
        first.route,
        np.concatenate([c.fids for c in chunks]),
    )


def text_encoding(layer):
    """The code page a shapefile's text is in, as QGIS reads it (Python codec name), or None
    for UTF-8 and for sources GDAL always gives as UTF-8."""
    import codecs

    if layer.dataProvider().storageType() != "ESRI Shapefile":
        return None
    name = str(layer.dataProvider().encoding() or "UTF-8")
    try:
        codec = codecs.lookup("mbcs" if name.lower() == "system" else name).name
    except LookupError:
        return "?"  # QGIS knows a code page Python does not: the provider route reads it
    return None if codec == "utf-8" else codec


def _ogr_open(layer, raw_text=False):
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path:
        return None, None
    options = ["ENCODING="] if raw_text else []  # the DBF's bytes as they are: decoded here
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, open_options=options)
    if parts.get("layerName"):
        lyr = ds.GetLayerByName(parts["layerName"])
    else:
        lyr = ds.GetLayer(int(parts.get("layerId") or 0))
    return ds, lyr


def _arrow_open(layer):
    """(dataset, OGR layer, text encoding) with the layer's filter set, or None when the Arrow
    stream cannot serve this layer (an OGR SQL subset, an unknown encoding, an old GDAL)."""
    subset = layer.subsetString()
    if subset.strip().lower().startswith("select"):
        return None  # an OGR SQL subset: let the provider evaluate it
    encoding = text_encoding(layer)
    if encoding == "?":
        return None
    try:
        ds, lyr = _ogr_open(layer, raw_text=encoding is not None)
    except RuntimeError:
        return None
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    if subset:
        try:
            lyr.SetAttributeFilter(subset)
        except RuntimeError:
            return None  # a QGIS expression OGR does not understand: the provider will
    return ds, lyr, encoding


def _arrow_fields(defn, columns, geometry):
    """(field name -> kind, boolean field names, ignored field names, geometry read?) of an OGR
    layer definition."""
    kinds, bool_fields, ignored = {}, [], []
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        if columns is not None and fd.GetName() not in columns:
            ignored.append(fd.GetName())
            continue
        kind = _OGR_KIND.get(fd.GetType(), "str")
        if fd.GetSubType() == ogr.OFSTBoolean:
            kind = "bool"
            bool_fields.append(fd.GetName())
        kinds[fd.GetName()] = kind
    has_geom = geometry and defn.GetGeomType() != ogr.wkbNone
    if not has_geom and defn.GetGeomType() != ogr.wkbNone:
        ignored.append("OGR_GEOMETRY")
    return kinds, bool_fields, ignored, has_geom


def _ogr_arrow_chunks(layer, chunk_rows, selected_only, columns, geometry):
    """A generator of chunks through GDAL's Arrow stream, or None when this layer can't use it."""
    opened = _arrow_open(layer)
    if opened is None:
        return None
    ds, lyr, encoding = opened
    defn = lyr.GetLayerDefn()
    kinds, bool_fields, ignored, has_geom = _arrow_fields(defn, columns, geometry)
    if ignored:
        lyr.SetIgnoredFields(ignored)
    selected = np.fromiter(layer.selectedFeatureIds(), dtype=np.int64) if selected_only else None
    srs = lyr.GetSpatialRef()
    crs_wkt = srs.ExportToWkt() if srs else layer.crs().toWkt()
    gtype = defn.GetGeomType() if has_geom else ogr.wkbNone
    fid_key = lyr.GetFIDColumn() or "OGC_FID"
    geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
    # Booleans are read per feature before the stream starts: the stream then owns the layer.
    booleans = _read_booleans(lyr, bool_fields, ignored) if bool_fields else None
    strings = [n for n, k in kinds.items() if k == "str" and n not in bool_fields]

    def build(batches, texts):
        fids = _concat(batches.pop(fid_key, []), np.int64)
        wkb = None
        if has_geom:
            wkb = _wkb_array(batches.pop(geom_col, batches.pop("wkb_geometry", [])))
        frame = pd.DataFrame(
            {
                name: _series(texts[name].finish())
                if name in texts
                else _to_series(_concat(batches.get(name, []), None), kind)
                for name, kind in kinds.items()
            },
            index=pd.RangeIndex(len(fids)),
            copy=False,
        )
        for name in bool_fields:
            frame[name] = pd.Series([booleans[name].get(int(f)) for f in fids], dtype=object)
        if selected is not None:
            keep = np.isin(fids, selected)
            frame = frame[keep].reset_index(drop=True)
            fids = fids[keep]
            wkb = wkb[keep] if wkb is not None else None
        return LayerData(
            frame=frame, wkb=wkb, kinds=kinds, crs_wkt=crs_wkt, geometry_type=gtype, route="arrow", fids=fids
        )

    def generate():
        assert ds is not None  # the closure keeps the dataset open while its layer streams
        texts = {n: StringColumn(encoding or "utf-8") for n in strings}
        batches, rows, seen = {}, 0, False
        # GDAL reads the next batch in a thread of its own (it releases the GIL) while this
        # one converts the batch before: on two cores the read and the conversion overlap.
        stream = lyr.GetArrowStreamAsNumPy([f"MAX_FEATURES_IN_BATCH={ARROW_BATCH_ROWS}"])
        reader, failure = prefetched(stream), None
        try:
            for batch in reader:
                seen = True
                for key, arr in batch.items():
                    if key in texts:
                        texts[key].add(arr)
                    else:
                        batches.setdefault(key, []).append(arr)
                rows += len(batch[fid_key]) if fid_key in batch else 0
                if chunk_rows and rows >= chunk_rows:
                    yield build(batches, texts)
                    batches, rows = {}, 0
        except RuntimeError as e:
            failure = str(e) or type(e).__name__
        finally:
            # The stream goes before the dataset: one that outlives it crashes GDAL. Only the
            # message leaves (a kept exception would keep the stream in its frames).
            reader.close()
            reader = stream = None
        if failure is not None:
            raise ArrowReadError(failure)
        if seen and (rows or not chunk_rows):
            yield build(batches, texts)

    return generate()


def _concat(arrays, dtype):
    if not arrays:
        return np.array([], dtype=dtype or object)
    return (
        np.ma.concatenate(arrays) if any(np.ma.isMaskedArray(a) for a in arrays) else np.concatenate(arrays)
    )


def _wkb_array(arrays):
    """Geometry batches -> one array, left as GDAL gives it (fixed-width bytes or objects):
    the engine never needs geometries, so turning them into Python objects waits for the writer."""
    if not arrays:
        return np.array([], dtype=object)
    widths = {a.dtype for a in arrays}
    if len(widths) > 1:
        arrays = [np.ma.masked_array(wkb_values(a), dtype=object) for a in arrays]
    return (
        np.ma.concatenate(arrays) if any(np.ma.isMaskedArray(a) for a in arrays) else np.concatenate(arrays)
    )


def _series(values):
    return pd.Series(values, dtype=object if isinstance(values, np.ndarray) else None)


def _to_series(arr, kind):
    """Numpy (masked) array from Arrow -> pandas Series with None/NaN for nulls."""
    mask = np.ma.getmaskarray(arr) if np.ma.isMaskedArray(arr) else None
    data = np.ma.getdata(arr)
    if kind == "binary":
        values = np.asarray([bytes(v) for v in data.tolist()], dtype=object)
        if mask is not None:
            values[mask] = None
        return pd.Series(values, dtype=object)
    if kind == "str" or data.dtype.kind in "SO":
        return _series(strings_to_categorical(arr))
    if kind in ("int", "int64"):
        if mask is not None and mask.any():
            return pd.Series(np.where(mask, np.nan, data.astype(np.float64)))
        return pd.Series(data.astype(np.int64))
    if kind in ("date", "datetime"):
        s = pd.Series(data)
        if mask is not None:
            s[mask] = pd.NaT
        return s
    if kind == "bool":
        return pd.Series(data.astype(object))
    out = data.astype(np.float64)
    if mask is not None:
        out = np.where(mask, np.nan, out)
    return pd.Series(out)


def _read_booleans(lyr, names, ignored):
    """GDAL 3.6's NumPy Arrow reader mis-reads bit-packed booleans: read those fields per
    feature instead (other fields ignored meanwhile, then `ignored` again)."""
    defn = lyr.GetLayerDefn()
    others = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    lyr.SetIgnoredFields([n for n in others if n not in names] + ["OGR_GEOMETRY"])
    values = {n: {} for n in names}
    lyr.ResetReading()
    for feat in lyr:
        fid = feat.GetFID()
        for n in names:
            values[n][fid] = None if not feat.IsFieldSetAndNotNull(n) else bool(feat.GetField(n))
    lyr.SetIgnoredFields(ignored)
    lyr.ResetReading()
    return values


def _provider_chunks(layer, chunk_rows, selected_only, feedback, columns, geometry):
    """Generic route: iterate the provider's features (PostGIS, memory, delimited text...)."""
    fields = layer.fields()
    names = [n for n in fields.names() if columns is None or n in columns]
    index = [fields.indexOf(n) for n in names]
    kinds = {n: field_kind(fields.field(n)) for n in names}
    request = QgsFeatureRequest()
    if columns is not None:
        request.setSubsetOfAttributes(index)
    if selected_only:
        request.setFilterFids(layer.selectedFeatureIds())
    has_geom = geometry and layer.isSpatial()
    if not has_geom:
        request.setFlags(NO_GEOMETRY_REQUEST)
    gtype = ogr_wkb_code(layer.wkbType()) if has_geom else ogr.wkbNone
    crs_wkt = layer.crs().toWkt()
    total = max(layer.featureCount(), 1)

    def build(cols, wkb, fids):
        frame = pd.DataFrame(
            {n: _from_qvariants(c, kinds[n]) for n, c in zip(names, cols)}, index=pd.RangeIndex(len(fids))
        )
        return LayerData(
            frame=frame,
            wkb=np.asarray(wkb, dtype=object) if has_geom else None,
            kinds=kinds,
            crs_wkt=crs_wkt,
            geometry_type=gtype,
            route="provider",
            fids=np.asarray(fids, dtype=np.int64),
        )

    def generate():
        cols, wkb, fids = [[] for _ in names], [], []
        for i, feat in enumerate(layer.getFeatures(request)):
            attrs = feat.attributes()
            for j, k in enumerate(index):
                cols[j].append(attrs[k])
            fids.append(feat.id())
            if has_geom:
                g = feat.geometry()
                wkb.append(None if g.isNull() else bytes(g.asWkb()))
            if feedback is not None and i % 10000 == 0:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * i / total)
            if chunk_rows and len(fids) >= chunk_rows:
                yield build(cols, wkb, fids)
                cols, wkb, fids = [[] for _ in names], [], []
        if fids:
            yield build(cols, wkb, fids)

    return generate()


def _from_qvariants(values, kind):
    def plain(v):
        if is_null(v):
            return None
        if isinstance(v, QDateTime):
            return v.toPyDateTime() if v.isValid() else None
        if isinstance(v, QDate):
            return v.toPyDate() if v.isValid() else None
        return v

    values = [plain(v) for v in values]
    if kind in ("int", "int64", "float"):
        return pd.to_numeric(pd.Series(values, dtype=object), errors="coerce")
    if kind in ("date", "datetime"):
        return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce")
    return pd.Series(values, dtype=object)
