"""Several asset layers in, one assessment GeoPackage out: risk_<scenario> layers and tables."""

import numpy as np
import pandas as pd
from osgeo import ogr, osr

from ..risk.assessment import RESULT_FIELDS
from ..risk.tagging import TAG_COLUMNS
from .arrow_columns import wkb_values
from .gpkg_writer import GpkgBuilder
from .layer_io import LayerData

SOURCE_FIELD = "source_layer"


def combine_layers(datas, names):
    """One LayerData from several: columns united, a source_layer column, geometries in the
    first layer's CRS, geometry type kept when all agree (else generic)."""
    if len(datas) == 1:
        d = datas[0]
        frame = d.frame.copy()
        frame.insert(0, SOURCE_FIELD, names[0])
        kinds = {SOURCE_FIELD: "str", **d.kinds}
        return LayerData(frame, d.wkb, kinds, d.crs_wkt, d.geometry_type, d.source, d.route)
    target = datas[0].crs_wkt
    frames, wkbs, kinds = [], [], {SOURCE_FIELD: "str"}
    types = {d.geometry_type for d in datas}
    for d, name in zip(datas, names):
        f = d.frame.copy()
        f.insert(0, SOURCE_FIELD, name)
        frames.append(f)
        for col, kind in d.kinds.items():
            if kinds.get(col, kind) != kind:
                kinds[col] = "float" if {kinds[col], kind} <= {"int", "int64", "float"} else "str"
            else:
                kinds[col] = kind
        wkb = np.asarray(wkb_values(d.wkb), dtype=object) if d.wkb is not None \
            else np.full(len(d.frame), None, dtype=object)
        if d.crs_wkt and target and not _same_crs(d.crs_wkt, target):
            wkb = _reproject(wkb, d.crs_wkt, target)
        wkbs.append(wkb)
    frame = pd.concat(frames, ignore_index=True, sort=False)
    for col, kind in kinds.items():
        if kind == "str" and col in frame.columns:
            frame[col] = frame[col].astype(object).where(frame[col].notna(), None)
    gtype = types.pop() if len(types) == 1 else ogr.wkbUnknown
    return LayerData(frame, np.concatenate(wkbs), kinds, target, gtype,
                     ";".join(d.source for d in datas), "+".join(sorted({d.route for d in datas})))


def _same_crs(a, b):
    sa, sb = osr.SpatialReference(), osr.SpatialReference()
    sa.ImportFromWkt(a)
    sb.ImportFromWkt(b)
    return bool(sa.IsSame(sb))


def _reproject(wkb, src_wkt, dst_wkt):
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.ImportFromWkt(src_wkt)
    dst.ImportFromWkt(dst_wkt)
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    out = np.empty(len(wkb), dtype=object)
    for i, g in enumerate(wkb_values(wkb)):
        if g is None:
            out[i] = None
            continue
        geom = ogr.CreateGeometryFromWkb(g)
        geom.Transform(ct)
        out[i] = bytes(geom.ExportToIsoWkb())
    return out


def scenario_frame(data, tags, result_frame):
    """Input attributes (minus stale tag/result columns) + tags + one scenario's results."""
    stale = set(TAG_COLUMNS) | {n for n, _ in RESULT_FIELDS}
    kept = [c for c in data.frame.columns if c not in stale]
    return pd.concat([data.frame[kept], tags.reset_index(drop=True),
                      result_frame.reset_index(drop=True)], axis=1)


RESULT_KINDS = dict(RESULT_FIELDS)


def write_assessment(path, data, tags, result, review=None):
    """Write the whole assessment atomically; returns {layer name: uri}."""
    written = {}
    with GpkgBuilder(path) as gpkg:
        for sid, res in result.scenarios.items():
            frame = scenario_frame(data, tags, res)
            kinds = {c: k for c, k in data.kinds.items() if c in frame.columns}
            kinds.update({c: k for c, k in RESULT_KINDS.items()})
            name = f"risk_{sid}"
            gpkg.add(name, frame, kinds, data.wkb, data.geometry_type, data.crs_wkt)
            written[name] = f"{path}|layername={name}"
        tables = {
            "vendor_summary": result.vendor_summary,
            "scenario_summary": result.scenario_summary,
            "run_info": pd.DataFrame({"key": list(result.run_info),
                                      "value": [str(v) for v in result.run_info.values()]}),
            "data_issues": result.issues,
        }
        if review is not None:
            tables["match_review"] = review
        for name, table in tables.items():
            gpkg.add(name, table.reset_index(drop=True))
            written[name] = f"{path}|layername={name}"
        gpkg.commit()
    return written
