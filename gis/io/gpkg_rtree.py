"""GeoPackage R-tree spatial indexes, bulk-loaded.

SQLite inserts R-tree entries one by one (about 17 microseconds each here); a million-point
layer would spend most of its write time there. Instead the tree is packed bottom-up in
Z-order with NumPy and its node pages written straight into the R-tree's shadow tables, in
SQLite's documented node format. The result is checked by SQLite's own rtreecheck() in the
tests. The triggers and the gpkg_extensions row are those GDAL writes, so QGIS and GDAL keep
the index up to date when users later edit the layer.
"""

import numpy as np

CELL_BYTES = 24  # 8-byte id + 4 float32 coordinates
MAX_CELLS = 51  # SQLite's RTREE_MAXCELLS: a node holds at most 51 cells
NODE_BYTES = 4 + CELL_BYTES * MAX_CELLS  # 1228, as SQLite sizes nodes on any page size >= 1292

TRIGGERS = (
    (
        "insert",
        "AFTER INSERT ON {t} WHEN (new.{g} NOT NULL AND NOT ST_IsEmpty(NEW.{g})) BEGIN "
        "INSERT OR REPLACE INTO {r} VALUES (NEW.{f},ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}),"
        "ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); END",
    ),
    (
        "update1",
        "AFTER UPDATE OF {g} ON {t} WHEN OLD.{f} = NEW.{f} AND (NEW.{g} NOTNULL AND NOT "
        "ST_IsEmpty(NEW.{g})) BEGIN INSERT OR REPLACE INTO {r} VALUES (NEW.{f},ST_MinX(NEW.{g}), "
        "ST_MaxX(NEW.{g}),ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); END",
    ),
    (
        "update2",
        "AFTER UPDATE OF {g} ON {t} WHEN OLD.{f} = NEW.{f} AND (NEW.{g} ISNULL OR "
        "ST_IsEmpty(NEW.{g})) BEGIN DELETE FROM {r} WHERE id = OLD.{f}; END",
    ),
    (
        "update3",
        "AFTER UPDATE ON {t} WHEN OLD.{f} != NEW.{f} AND (NEW.{g} NOTNULL AND NOT "
        "ST_IsEmpty(NEW.{g})) BEGIN DELETE FROM {r} WHERE id = OLD.{f}; INSERT OR REPLACE INTO {r} "
        "VALUES (NEW.{f},ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}),ST_MinY(NEW.{g}), ST_MaxY(NEW.{g})); "
        "END",
    ),
    (
        "update4",
        "AFTER UPDATE ON {t} WHEN OLD.{f} != NEW.{f} AND (NEW.{g} ISNULL OR "
        "ST_IsEmpty(NEW.{g})) BEGIN DELETE FROM {r} WHERE id IN (OLD.{f}, NEW.{f}); END",
    ),
    ("delete", "AFTER DELETE ON {t} WHEN old.{g} NOT NULL BEGIN DELETE FROM {r} WHERE id = OLD.{f}; END"),
)


def quote(name):
    return '"' + str(name).replace('"', '""') + '"'


def rtree_name(table):
    return f"rtree_{table}_geom"


def morton(x, y):
    """Z-order key of points on a 2^16 grid: neighbours in space become neighbours in order."""

    def spread(v):
        v = v.astype(np.uint64) & np.uint64(0xFFFF)
        v = (v | (v << np.uint64(8))) & np.uint64(0x00FF00FF)
        v = (v | (v << np.uint64(4))) & np.uint64(0x0F0F0F0F)
        v = (v | (v << np.uint64(2))) & np.uint64(0x33333333)
        return (v | (v << np.uint64(1))) & np.uint64(0x55555555)

    def grid(v):
        lo, hi = np.min(v), np.max(v)
        return (v - lo) / ((hi - lo) or 1.0) * 65535

    return spread(grid(x)) | (spread(grid(y)) << np.uint64(1))


def _float32_down(v):
    f = v.astype(np.float32)
    return np.where(f.astype(np.float64) > v, np.nextafter(f, np.float32(-np.inf)), f)


def _float32_up(v):
    f = v.astype(np.float32)
    return np.where(f.astype(np.float64) < v, np.nextafter(f, np.float32(np.inf)), f)


def _cells(ids, minx, maxx, miny, maxy):
    """(n, 24) bytes: big-endian id then the four big-endian float32 coordinates."""
    n = len(ids)
    rec = np.empty(n, dtype=[("id", ">i8"), ("x0", ">f4"), ("x1", ">f4"), ("y0", ">f4"), ("y1", ">f4")])
    rec["id"], rec["x0"], rec["x1"], rec["y0"], rec["y1"] = ids, minx, maxx, miny, maxy
    return rec.view(np.uint8).reshape(n, CELL_BYTES)


def _pages(cells, depth_if_root=None):
    """Pack cells into node pages of MAX_CELLS: (pages (k, NODE_BYTES) uint8, cells per page)."""
    n = len(cells)
    k = max(1, -(-n // MAX_CELLS))
    body = np.zeros((k * MAX_CELLS, CELL_BYTES), dtype=np.uint8)
    body[:n] = cells
    pages = np.zeros((k, NODE_BYTES), dtype=np.uint8)
    pages[:, 4:] = body.reshape(k, MAX_CELLS * CELL_BYTES)
    counts = np.full(k, MAX_CELLS, dtype=">u2")
    counts[-1] = n - (k - 1) * MAX_CELLS
    pages[:, 2:4] = counts.view(np.uint8).reshape(k, 2)
    if depth_if_root is not None:
        pages[0, 0:2] = np.array([depth_if_root], dtype=">u2").view(np.uint8)
    return pages, counts.astype(np.int64)


def bulk_load(con, table, fids, x, y):
    """Create the R-tree of point `table` (fids, x, y as arrays) in one pass."""
    rtree = quote(rtree_name(table))
    con.execute(f"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)")
    ok = ~(np.isnan(x) | np.isnan(y))
    fids, x, y = np.asarray(fids, np.int64)[ok], x[ok], y[ok]
    if len(fids):
        order = np.argsort(morton(x, y), kind="stable")
        fids, x, y = fids[order], x[order], y[order]
        _write_tree(con, table, fids, _float32_down(x), _float32_up(x), _float32_down(y), _float32_up(y))
    _finish(con, table)


def _write_tree(con, table, ids, minx, maxx, miny, maxy):
    """Pack one level at a time; each cell's owner node gives the _rowid rows (leaf level) or
    the _parent rows (upper levels). The last level fits in the root, node 1."""
    node_t = quote(rtree_name(table) + "_node")
    rowid_t = quote(rtree_name(table) + "_rowid")
    parent_t = quote(rtree_name(table) + "_parent")
    depth, next_no, level_ids, boxes = 0, 2, ids, (minx, maxx, miny, maxy)
    while True:
        cells = _cells(level_ids, *boxes)
        root = len(cells) <= MAX_CELLS
        pages, counts = _pages(cells, depth_if_root=depth if root else None)
        numbers = (
            np.array([1], dtype=np.int64)
            if root
            else np.arange(next_no, next_no + len(pages), dtype=np.int64)
        )
        next_no += 0 if root else len(pages)
        con.executemany(
            f"INSERT OR REPLACE INTO {node_t} (nodeno, data) VALUES (?, ?)",
            zip(numbers.tolist(), (p.tobytes() for p in pages)),
        )
        owner = np.repeat(numbers, counts)
        table_sql = (
            f"INSERT INTO {rowid_t} (rowid, nodeno) VALUES (?, ?)"
            if depth == 0
            else f"INSERT INTO {parent_t} (nodeno, parentnode) VALUES (?, ?)"
        )
        con.executemany(table_sql, zip(level_ids.tolist(), owner.tolist()))
        if root:
            return
        starts = np.arange(0, len(level_ids), MAX_CELLS)
        boxes = (
            np.minimum.reduceat(boxes[0], starts),
            np.maximum.reduceat(boxes[1], starts),
            np.minimum.reduceat(boxes[2], starts),
            np.maximum.reduceat(boxes[3], starts),
        )
        level_ids = numbers
        depth += 1


def copy_tree(con, source, target):
    """The R-tree of `target` as a copy of `source`'s (same fids and geometries)."""
    src, dst = rtree_name(source), rtree_name(target)
    con.execute(f"CREATE VIRTUAL TABLE {quote(dst)} USING rtree(id, minx, maxx, miny, maxy)")
    for suffix in ("_node", "_rowid", "_parent"):
        con.execute(f"DELETE FROM {quote(dst + suffix)}")
        con.execute(f"INSERT INTO {quote(dst + suffix)} SELECT * FROM {quote(src + suffix)}")
    _finish(con, target)


def _finish(con, table):
    names = {"t": quote(table), "r": quote(rtree_name(table)), "g": '"geom"', "f": '"fid"'}
    for suffix, body in TRIGGERS:
        trigger = quote(f"{rtree_name(table)}_{suffix}")
        con.execute(f"CREATE TRIGGER {trigger} " + body.format(**names))
    con.execute(
        "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, "
        "extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, "
        "CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"
    )
    con.execute(
        "INSERT OR REPLACE INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
        "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')",
        (table,),
    )
