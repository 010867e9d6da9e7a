"""Write the audit GeoPackage (findings, fields_of_view, district_coverage, run_info), styled."""

import os
import shutil
import tempfile

import numpy as np
import pandas as pd
from osgeo import ogr

from ..io.gpkg_write import GpkgBuilder
from ..styles.qml import save_default_style, style_path

LAYERS = ("findings", "fields_of_view", "district_coverage")
STYLES = {"findings": "findings", "fields_of_view": "fov", "district_coverage": "district_coverage"}


def write_audit_gpkg(path, layers, crs_wkt, tables=()):
    """layers: name -> (frame, wkb, ogr geometry type); tables: name -> frame.

    Built in a temporary folder beside `path`, styles stored in its layer_styles table, then
    moved into place in one rename: a failed run leaves no half-written file. Returns the
    style errors (empty when every layer was styled).
    """
    path = os.path.abspath(path)
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    tmp_dir = tempfile.mkdtemp(prefix="." + os.path.basename(path) + ".", dir=folder)
    try:
        staged = os.path.join(tmp_dir, os.path.basename(path))
        with GpkgBuilder(staged) as gpkg:
            for name, (frame, wkb, gtype) in layers.items():
                gpkg.add(name, frame, None, wkb, gtype, crs_wkt)
            for name, frame in dict(tables).items():
                gpkg.add(name, frame)
            gpkg.commit()
        errors = []
        for name in layers:
            if name in STYLES:
                err = save_default_style(staged, name, style_path(STYLES[name]))
                if err:
                    errors.append(f"{name}: {err}")
        os.replace(staged, path)
        return errors
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def multipolygon_wkb(geoms):
    """QgsGeometry polygons -> MultiPolygon WKB (None for null geometries)."""
    out = np.empty(len(geoms), dtype=object)
    for i, g in enumerate(geoms):
        if g is None or g.isNull():
            out[i] = None
            continue
        g = g.__class__(g)
        g.convertToMultiType()
        out[i] = bytes(g.asWkb())
    return out


def point_type(geometry_type):
    """The camera layer's point type for findings (2D point when it is not a point layer)."""
    flat = ogr.GT_Flatten(geometry_type)
    return geometry_type if flat in (ogr.wkbPoint, ogr.wkbMultiPoint) else ogr.wkbPoint


def run_info_frame(pairs):
    return pd.DataFrame({"key": [str(k) for k, _ in pairs], "value": [str(v) for _, v in pairs]})
