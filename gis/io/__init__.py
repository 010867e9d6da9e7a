"""Reading and writing layers: GeoPackage, PostGIS, Arrow batches, tables, output paths."""
