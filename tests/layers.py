"""Small GeoPackage fixtures written with OGR, so tests read what users' files hold."""

from osgeo import ogr, osr

ogr.UseExceptions()


def write_gpkg(path, layer_name, rows, geometries, epsg=2154, geom_type=ogr.wkbPoint, types=None):
    """rows: list of dicts (same keys); geometries: list of WKT (None for null)."""
    ds = (
        ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        if not _exists(path)
        else ogr.Open(str(path), 1)
    )
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    lyr = ds.CreateLayer(layer_name, srs=srs, geom_type=geom_type)
    keys = list(rows[0]) if rows else []
    types = types or {}
    for k in keys:
        sample = next((r[k] for r in rows if r[k] is not None), "")
        ftype = types.get(k) or (
            ogr.OFTInteger64
            if isinstance(sample, int) and not isinstance(sample, bool)
            else ogr.OFTReal
            if isinstance(sample, float)
            else ogr.OFTString
        )
        defn = ogr.FieldDefn(k, ogr.OFTInteger if isinstance(sample, bool) else ftype)
        if isinstance(sample, bool):
            defn.SetSubType(ogr.OFSTBoolean)
        lyr.CreateField(defn)
    lyr.StartTransaction()
    for row, wkt in zip(rows, geometries):
        f = ogr.Feature(lyr.GetLayerDefn())
        for k, v in row.items():
            if v is not None:
                f[k] = v
        if wkt:
            f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None
    return f"{path}|layername={layer_name}"


def _exists(path):
    import os

    return os.path.exists(str(path))
