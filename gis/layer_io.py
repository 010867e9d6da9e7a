"""Layer -> DataFrame by the fastest route a layer's provider allows."""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from osgeo import gdal, ogr
from qgis.core import QgsFeatureRequest, QgsProviderRegistry, QgsWkbTypes
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from .arrow_columns import strings_to_categorical, wkb_values

gdal.UseExceptions()

_OGR_KIND = {
    ogr.OFTString: "str", ogr.OFTInteger: "int", ogr.OFTInteger64: "int64",
    ogr.OFTReal: "float", ogr.OFTDate: "date", ogr.OFTDateTime: "datetime",
    ogr.OFTTime: "str", ogr.OFTBinary: "binary",
}
_QVARIANT_KIND = {
    QVariant.String: "str", QVariant.Int: "int", QVariant.UInt: "int64",
    QVariant.LongLong: "int64", QVariant.ULongLong: "int64", QVariant.Double: "float",
    QVariant.Bool: "bool", QVariant.Date: "date", QVariant.DateTime: "datetime",
    QVariant.ByteArray: "binary",
}


@dataclass
class LayerData:
    """Attributes as a DataFrame, geometries as WKB, and what is needed to write them back."""

    frame: pd.DataFrame
    wkb: object  # numpy object array of bytes (None for a null geometry), or None for a table
    kinds: dict  # field name -> str/int/int64/float/bool/date/datetime/binary
    crs_wkt: str = ""
    geometry_type: int = 0  # OGR wkb type; 0 (wkbUnknown) with wkb None means no geometry
    source: str = ""
    route: str = ""  # which reader ran: 'arrow' or 'provider'
    fids: object = field(default=None, repr=False)

    def __len__(self):
        return len(self.frame)


def read_layer(layer, selected_only=False, feedback=None):
    """Read a QgsVectorLayer; OGR files through GDAL's Arrow stream, others through the provider."""
    data = None
    if layer.providerType() == "ogr":
        data = _read_ogr_arrow(layer, selected_only)
    if data is None:
        data = _read_provider(layer, selected_only, feedback)
    data.source = layer.source()
    return data


def _ogr_open(layer):
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path")
    if not path:
        return None, None
    ds = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY)
    if parts.get("layerName"):
        lyr = ds.GetLayerByName(parts["layerName"])
    else:
        lyr = ds.GetLayer(int(parts.get("layerId") or 0))
    return ds, lyr


def _read_ogr_arrow(layer, selected_only):
    subset = layer.subsetString()
    if subset.strip().lower().startswith("select"):
        return None  # an OGR SQL subset: let the provider evaluate it
    try:
        ds, lyr = _ogr_open(layer)
    except RuntimeError:
        return None
    if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
        return None
    if subset:
        lyr.SetAttributeFilter(subset)
    defn = lyr.GetLayerDefn()
    kinds, bool_fields = {}, []
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        kind = _OGR_KIND.get(fd.GetType(), "str")
        if fd.GetSubType() == ogr.OFSTBoolean:
            kind = "bool"
            bool_fields.append(fd.GetName())
        kinds[fd.GetName()] = kind
    geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
    has_geom = defn.GetGeomType() != ogr.wkbNone
    batches = {}
    for batch in lyr.GetArrowStreamAsNumPy():
        for key, arr in batch.items():
            batches.setdefault(key, []).append(arr)
    fid_key = lyr.GetFIDColumn() or "OGC_FID"
    fids = _concat(batches.pop(fid_key, []), np.int64)
    wkb = None
    if has_geom:
        wkb = _wkb_array(batches.pop(geom_col, batches.pop("wkb_geometry", [])))
    columns = {}
    for name, kind in kinds.items():
        columns[name] = _to_series(_concat(batches.get(name, []), None), kind)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(fids)), copy=False)
    if bool_fields:
        _fix_booleans(lyr, frame, fids, bool_fields)
    if selected_only:
        keep = np.isin(fids, np.fromiter(layer.selectedFeatureIds(), dtype=np.int64))
        frame = frame[keep].reset_index(drop=True)
        fids = fids[keep]
        wkb = wkb[keep] if wkb is not None else None
    srs = lyr.GetSpatialRef()
    return LayerData(
        frame=frame, wkb=wkb, kinds=kinds,
        crs_wkt=srs.ExportToWkt() if srs else layer.crs().toWkt(),
        geometry_type=defn.GetGeomType() if has_geom else ogr.wkbNone,
        route="arrow", fids=fids,
    )


def _concat(arrays, dtype):
    if not arrays:
        return np.array([], dtype=dtype or object)
    return np.ma.concatenate(arrays) if any(np.ma.isMaskedArray(a) for a in arrays) \
        else np.concatenate(arrays)


def _wkb_array(arrays):
    """Geometry batches -> one array, left as GDAL gives it (fixed-width bytes or objects):
    the engine never needs geometries, so turning them into Python objects waits for the writer."""
    if not arrays:
        return np.array([], dtype=object)
    widths = {a.dtype for a in arrays}
    if len(widths) > 1:
        arrays = [np.ma.masked_array(wkb_values(a), dtype=object) for a in arrays]
    return np.ma.concatenate(arrays) if any(np.ma.isMaskedArray(a) for a in arrays) \
        else np.concatenate(arrays)


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
        values = strings_to_categorical(arr)
        return pd.Series(values, dtype=object if isinstance(values, np.ndarray) else None)
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


def _fix_booleans(lyr, frame, fids, names):
    """GDAL 3.6's NumPy Arrow reader mis-reads bit-packed booleans: read those fields per feature."""
    lyr.ResetReading()
    defn = lyr.GetLayerDefn()
    others = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    lyr.SetIgnoredFields([n for n in others if n not in names] + ["OGR_GEOMETRY"])
    values = {n: {} for n in names}
    for feat in lyr:
        fid = feat.GetFID()
        for n in names:
            values[n][fid] = None if not feat.IsFieldSetAndNotNull(n) else bool(feat.GetField(n))
    lyr.SetIgnoredFields([])
    for n in names:
        frame[n] = pd.Series([values[n].get(int(f)) for f in fids], dtype=object)


def _read_provider(layer, selected_only, feedback=None):
    """Generic route: iterate the provider's features (PostGIS, memory, delimited text...)."""
    fields = layer.fields()
    names = fields.names()
    kinds = {f.name(): _QVARIANT_KIND.get(f.type(), "str") for f in fields}
    request = QgsFeatureRequest()
    if selected_only:
        request.setFilterFids(layer.selectedFeatureIds())
    has_geom = layer.isSpatial()
    if not has_geom:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    cols = [[] for _ in names]
    wkb, fids = [], []
    total = max(layer.featureCount(), 1)
    for i, feat in enumerate(layer.getFeatures(request)):
        attrs = feat.attributes()
        for j, v in enumerate(attrs):
            cols[j].append(v)
        fids.append(feat.id())
        if has_geom:
            g = feat.geometry()
            wkb.append(None if g.isNull() else bytes(g.asWkb()))
        if feedback is not None and i % 10000 == 0:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * i / total)
    frame = pd.DataFrame(
        {name: _from_qvariants(col, kinds[name]) for name, col in zip(names, cols)},
        index=pd.RangeIndex(len(fids)),
    )
    gtype = ogr.wkbNone
    if has_geom:
        gtype = int(QgsWkbTypes.Type(layer.wkbType()))
        gtype = _qgs_to_ogr_wkb(gtype)
    return LayerData(
        frame=frame, wkb=np.asarray(wkb, dtype=object) if has_geom else None, kinds=kinds,
        crs_wkt=layer.crs().toWkt(), geometry_type=gtype, route="provider",
        fids=np.asarray(fids, dtype=np.int64),
    )


def _from_qvariants(values, kind):
    def plain(v):
        if v is None or (isinstance(v, QVariant) and v.isNull()):
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


def _qgs_to_ogr_wkb(qgs_type):
    """QGIS and OGR share ISO WKB codes for the types a city layer holds; 25D flags differ."""
    flat = QgsWkbTypes.flatType(qgs_type)
    code = int(flat)
    if QgsWkbTypes.hasZ(qgs_type) and QgsWkbTypes.hasM(qgs_type):
        return code + 3000
    if QgsWkbTypes.hasZ(qgs_type):
        return code + 1000
    if QgsWkbTypes.hasM(qgs_type):
        return code + 2000
    return code
