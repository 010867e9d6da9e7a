"""Write engine results as new vector files; the input is never touched."""

import os
import tempfile

from osgeo import gdal

from .gpkg_write import GpkgBuilder

gdal.UseExceptions()


def split_destination(dest, default_layer):
    """'out.gpkg|layername=x' or 'out.gpkg' -> (path, layer name)."""
    path, _, opts = str(dest).partition("|")
    layer = default_layer
    for opt in opts.split("|"):
        key, _, value = opt.partition("=")
        if key.strip().lower() == "layername" and value:
            layer = value
    return path, layer


def write_vector(dest, frame, kinds, data, default_layer):
    """Write frame (+ data's geometries) to dest; GeoPackage directly, other formats via GDAL."""
    path, layer = split_destination(dest, default_layer)
    if os.path.abspath(path) == os.path.abspath(data.source.split("|")[0]):
        raise ValueError(f"the output {path} is the input file: choose another file")
    wkb = data.wkb
    if path.lower().endswith(".gpkg"):
        with GpkgBuilder(path) as gpkg:
            gpkg.add(layer, frame, kinds, wkb, data.geometry_type, data.crs_wkt)
            gpkg.commit()
        return f"{path}|layername={layer}"
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.TemporaryDirectory(dir=folder) as tmp:
        staged = os.path.join(tmp, "staged.gpkg")
        with GpkgBuilder(staged) as gpkg:
            gpkg.add(layer, frame, kinds, wkb, data.geometry_type, data.crs_wkt)
            gpkg.commit()
        target = os.path.join(tmp, os.path.basename(path))
        gdal.VectorTranslate(target, staged, layerName=layer)
        stem = os.path.splitext(os.path.basename(path))[0]
        for name in os.listdir(tmp):
            if name.startswith(stem + ".") or name == os.path.basename(path):
                os.replace(os.path.join(tmp, name), os.path.join(folder, name))
    return path
