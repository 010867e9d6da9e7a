"""An imported inventory as a layer: points from x/y (or a plain table), or an asset layer
joined by id. The inventory file and the joined layer are never written to."""

import os
import struct
from dataclasses import replace

import numpy as np
import pandas as pd
from osgeo import ogr

from ...risk.inventory.join import join_inventory
from ...risk.inventory.table import ROLE_PREFIX, output_name
from .layer_data import LayerData

_POINT = struct.Struct("<BIdd")
_RESERVED = ("fid", "geom")


def output_frame(table):
    """Inventory columns under their output names (unique even ignoring case), with kinds."""
    frame = pd.DataFrame(index=table.frame.index)
    kinds, used = {}, set()
    for col in table.frame.columns:
        role = col[len(ROLE_PREFIX) :] if col.startswith(ROLE_PREFIX) else None
        name = output_name(role, table.headers.get(col)) if role else str(col)
        base, k = name, 2
        while name.lower() in used or name.lower() in _RESERVED:
            name, k = f"{base}_{k}", k + 1
        used.add(name.lower())
        frame[name] = table.frame[col].to_numpy()
        kinds[name] = table.kinds.get(
            col, "str" if col == "source_sheet" else "int64" if col == "source_row" else "str"
        )
    return frame, kinds


def point_wkb(xs, ys):
    """Point WKB per row; None where a coordinate is missing."""
    out = np.empty(len(xs), dtype=object)
    for i, (x, y) in enumerate(zip(xs.tolist(), ys.tolist())):
        out[i] = None if (x != x or y != y) else _POINT.pack(1, 1, x, y)
    return out


def inventory_points(table, crs_wkt, source):
    """LayerData of the inventory: points when it has x/y columns, else a table."""
    frame, kinds = output_frame(table)
    x, y = table.role("x"), table.role("y")
    if x is None or y is None:
        return LayerData(frame, None, kinds, "", ogr.wkbNone, source, "inventory")
    wkb = point_wkb(table.frame[x].to_numpy(float), table.frame[y].to_numpy(float))
    return LayerData(frame, wkb, kinds, crs_wkt, ogr.wkbPoint, source, "inventory")


def inventory_join(data, key_field, table, layer_name):
    """LayerData of the joined layer (same geometries and CRS) and the join statistics."""
    frame, kinds, stats = join_inventory(data.frame, data.kinds, key_field, table, layer_name)
    return replace(data, frame=frame, kinds=kinds), stats


def write_inventory(dest, data, issues, default_layer="inventory"):
    """Write the layer; into a GeoPackage also the import_issues table (one atomic file)."""
    from .gpkg_write import GpkgBuilder
    from .outputs import split_destination, write_vector

    path, layer = split_destination(dest, default_layer)
    if not path.lower().endswith(".gpkg"):
        return write_vector(dest, data.frame, data.kinds, data, default_layer)
    sources = {os.path.abspath(s.split("|")[0]) for s in str(data.source).split(";") if s}
    if os.path.abspath(path) in sources:
        raise ValueError(f"the output {path} is an input file: choose another file")
    with GpkgBuilder(path) as gpkg:
        gpkg.add(layer, data.frame, data.kinds, data.wkb, data.geometry_type, data.crs_wkt)
        gpkg.add("import_issues", issues)
        gpkg.commit()
    return f"{path}|layername={layer}"
