"""Which files a path really touches: the file, its sidecars, its link targets.

An output written over an input destroys it; so does one written over a shapefile's .dbf or a
GeoPackage's -wal. Every input and output path is compared through these families before
anything is written."""

import os

# A shapefile is several files of one stem; QGIS adds its own sidecars beside any data file.
_SHAPEFILE = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml", ".qmd")
_SQLITE = (".gpkg", ".sqlite", ".db", ".spatialite")
_SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def _norm(path):
    return os.path.normcase(os.path.realpath(os.path.abspath(os.path.expanduser(path))))


def data_path(source):
    """The file part of a layer source or destination ('a.gpkg|layername=x' -> 'a.gpkg'), or
    '' when it is not a file (memory layers, databases, services)."""
    text = str(source or "").strip()
    if not text or text.upper() == "TEMPORARY_OUTPUT":
        return ""
    for prefix in ("ogr:", "gpkg:"):
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
    if text.lower().startswith(("memory:", "postgres:", "postgis:", "dbname=", "service=")):
        return ""
    if text.lower().startswith("file://"):
        text = text[7:]
    return text.split("|", 1)[0].split("?", 1)[0].strip()


def family(path):
    """Every file that reading or writing `path` can touch, normalised (links resolved)."""
    if not path:
        return set()
    real = _norm(path)
    lower = real.lower()
    out = {real, real + ".aux.xml"}
    for ext in _SHAPEFILE:
        if lower.endswith(ext):
            stem = real[: -len(ext)]
            out |= {stem + e for e in _SHAPEFILE} | {stem + e.upper() for e in _SHAPEFILE}
            break
    if lower.endswith(_SQLITE):
        out |= {real + s for s in _SQLITE_SIDECARS}
    return {os.path.normcase(p) for p in out}


def _identity(path):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def same_files(a, b):
    """Do two paths touch a common file (by name, sidecar, symlink or hard link)?"""
    fa, fb = family(a), family(b)
    if fa & fb:
        return True
    ids_a = {i for i in map(_identity, fa) if i is not None}
    return any(_identity(p) in ids_a for p in fb if os.path.exists(p))


def collisions(inputs, outputs):
    """[(first name, second name, path)] for every output that touches an input or another
    output; inputs and outputs are lists of (parameter name, path)."""
    found = []
    for i, (out_name, out_path) in enumerate(outputs):
        if not out_path:
            continue
        for in_name, in_path in inputs:
            if in_path and same_files(out_path, in_path):
                found.append((out_name, in_name, out_path))
        for other_name, other_path in outputs[i + 1 :]:
            if other_path and same_files(out_path, other_path):
                found.append((out_name, other_name, out_path))
    return found
