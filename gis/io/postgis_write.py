"""Assessment outputs into a PostGIS schema: the builder interface of gpkg_write, over COPY.

Everything is written in one transaction, into staging tables with unique names; commit()
replaces the final tables by renaming the staged ones and commits. A failed or cancelled run
(abort(), an exception, QGIS killed: the server rolls back a dropped connection) leaves the
schema as it was. Identifiers are always quoted with psycopg2.sql.Identifier and values are
passed as literals or COPY data, never formatted into SQL text.
"""

import io
import secrets

import numpy as np
import pandas as pd
from osgeo import ogr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataSourceUri,
    QgsProviderRegistry,
)

from ..compat import wkb_type
from .arrow_columns import wkb_values
from .gpkg_write import FrameBuilder, kind_of

NULL = "\\N"
MAX_IDENTIFIER = 63  # bytes: PostgreSQL truncates longer names
_ESCAPE = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x00": ""})
_PG_TYPES = {
    "str": "text",
    "int": "integer",
    "int64": "bigint",
    "float": "double precision",
    "bool": "boolean",
    "date": "date",
    "datetime": "timestamp",
    "binary": "bytea",
}
_GEOMETRY_NAMES = {
    1: "POINT",
    2: "LINESTRING",
    3: "POLYGON",
    4: "MULTIPOINT",
    5: "MULTILINESTRING",
    6: "MULTIPOLYGON",
    7: "GEOMETRYCOLLECTION",
    8: "CIRCULARSTRING",
    9: "COMPOUNDCURVE",
    10: "CURVEPOLYGON",
    11: "MULTICURVE",
    12: "MULTISURFACE",
    15: "POLYHEDRALSURFACE",
    16: "TIN",
    17: "TRIANGLE",
}
_HEX = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)


class PostgisError(RuntimeError):
    """A PostGIS write failed; the message names the table (and row/field when known)."""


def connection_uri(name):
    """The QGIS postgres connection called `name` -> its URI (QgsDataSourceUri text)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    if metadata is None:
        raise PostgisError("this QGIS has no PostgreSQL provider")
    try:
        connection = metadata.findConnection(name)
    except Exception as e:  # noqa: BLE001 - QgsProviderConnectionException
        raise PostgisError(f"no PostgreSQL connection named '{name}': {e}") from e
    if connection is None:
        raise PostgisError(f"no PostgreSQL connection named '{name}'")
    return connection.uri()


def same_database(a, b):
    """Whether two QGIS postgres URIs point at the same database."""
    ua, ub = QgsDataSourceUri(a), QgsDataSourceUri(b)
    if ua.service() or ub.service():
        return ua.service() == ub.service() and ua.database() == ub.database()
    return (ua.host() or "localhost", ua.port() or "5432", ua.database()) == (
        ub.host() or "localhost",
        ub.port() or "5432",
        ub.database(),
    )


def postgis_type(geometry_type):
    """OGR geometry type code -> the PostGIS typmod name (POINT, MULTIPOLYGONZ, GEOMETRY...)."""
    flat = ogr.GT_Flatten(int(geometry_type))
    name = _GEOMETRY_NAMES.get(flat, "GEOMETRY")
    z, m = ogr.GT_HasZ(int(geometry_type)), ogr.GT_HasM(int(geometry_type))
    return name + ("ZM" if z and m else "Z" if z else "M" if m else "")


def iso_code(geometry_type):
    """OGR geometry type code (ISO or 2.5D flavour) -> the ISO code QGIS uses (PointZ 1001)."""
    code = int(geometry_type)
    flat = ogr.GT_Flatten(code)
    return flat + 1000 * bool(ogr.GT_HasZ(code)) + 2000 * bool(ogr.GT_HasM(code))


def _sql():
    try:
        import psycopg2
        from psycopg2 import sql
    except ImportError as e:
        raise PostgisError(
            "writing to PostGIS needs psycopg2 (Debian/Ubuntu: apt-get install "
            "python3-psycopg2; elsewhere: pip install psycopg2)"
        ) from e
    return psycopg2, sql


class PostgisBuilder(FrameBuilder):
    """Collects tables in staging tables of one transaction; commit() renames them into place.

    `uri` is a QGIS postgres connection URI (what QgsDataSourceUri or a saved connection
    gives); `schema` is created if missing (inside the same transaction)."""

    LOCK_WAIT = 60  # seconds commit() waits for sessions still reading tables it replaces

    def __init__(self, uri, schema):
        psycopg2, sql = _sql()
        self._psycopg2, self._sql = psycopg2, sql
        self.base = QgsDataSourceUri(uri)
        self.schema = str(schema)
        if not self.schema:
            raise PostgisError("no schema given")
        _check_identifier(self.schema, "schema")
        self.token = secrets.token_hex(4)
        self.staged = []  # (final name, staging name)
        self.tables = {}  # final name -> (geometry type name or None, srid)
        self.wkb_types = {}  # final name -> QGIS (ISO) WKB type code of its geometry
        self.scratch = {}  # stage() name -> (its table, its columns), until derive()
        self.last_geometry = None
        self.count = 0
        self.warnings = []
        where = self.base.database() or self.base.service() or "?"
        try:
            self.conn = psycopg2.connect(
                self.base.connectionInfo(True), connect_timeout=15, application_name="vendor_risk write"
            )
        except psycopg2.Error as e:
            hint = ""
            if "no password supplied" in str(e):
                hint = (
                    " (the connection holds no password: save it in the connection or an "
                    "authentication configuration, or in ~/.pgpass)"
                )
            raise PostgisError(f"cannot connect to database '{where}': {str(e).strip()}{hint}") from e
        try:
            with self.conn.cursor() as cur:
                cur.execute(
                    "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; "
                    "SET client_min_messages = warning"
                )
                cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (self.schema,))
                if cur.fetchone() is None:
                    cur.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(self.schema)))
                cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
                self.postgis = cur.fetchone() is not None
        except psycopg2.Error as e:
            self.abort()
            raise PostgisError(f"cannot prepare schema '{self.schema}': {_pg_message(e)}") from e

    # -- the builder interface (add() comes from FrameBuilder) ---------------------------------

    def create(self, name, template, kinds=None, geometry_type=None, crs_wkt=""):
        """Create an empty staging table whose columns follow `template`; returns a writer to
        append() row chunks to and finish() once."""
        name = str(name)
        _check_identifier(name, "table")
        if name in self.tables:
            raise PostgisError(f"table {name} is written twice")
        names, kinds = self._columns(name, template, kinds)
        spatial = geometry_type is not None
        gname, srid = None, 0
        if spatial:
            if not self.postgis:
                raise PostgisError(
                    f"the database has no PostGIS extension: table {name} needs it (CREATE EXTENSION postgis)"
                )
            gname = postgis_type(geometry_type)
            self.wkb_types[name] = iso_code(geometry_type)
            srid = self._srid(crs_wkt, name)
            self.last_geometry = (gname, srid, self.wkb_types[name])
        stage = self._new_table(name, names, kinds, (gname, srid) if spatial else None)
        self.staged.append((name, stage))
        self.tables[name] = (gname, srid)
        return _TableWriter(self, name, stage, names, kinds, spatial, srid)

    def stage(self, name, template, kinds=None):
        """A scratch table (fid + template's columns, never a result) for derive()."""
        names, kinds = self._columns(name, template, kinds)
        table = self._new_table(name, names, kinds, None)
        self.scratch[name] = (table, names)
        return _TableWriter(self, name, table, names, kinds, False, 0, scratch=True)

    def derive(self, name, base, stage, template, kinds, geometry_type, crs_wkt, constants=None):
        """Table `name` = rows of table `base` with the columns of scratch table `stage`
        (joined on fid) and `constants` put in, made by the server: the input attributes
        and geometries of the other scenarios never travel again."""
        sql = self._sql
        scratch, staged = self.scratch.pop(stage)
        writer = self.create(name, template, kinds, geometry_type, crs_wkt)
        if self.tables[base][0] == "GEOMETRY" and writer.typed:
            writer._untype(warn=False)
        base_table = dict(self.staged)[base]
        constants = constants or {}
        select = [
            sql.SQL("s.{}").format(sql.Identifier(str(c)))
            if c in staged
            else sql.Literal(constants[c])
            if c in constants
            else sql.SQL("b.{}").format(sql.Identifier(str(c)))
            for c in writer.names
        ]
        target = [sql.Identifier("fid")] + [sql.Identifier(str(c)) for c in writer.names]
        source = [sql.SQL("b.fid")] + select
        if writer.spatial:
            target.append(sql.Identifier("geom"))
            source.append(sql.SQL("b.geom"))
        self._execute(
            name,
            sql.SQL(
                "INSERT INTO {} ({}) SELECT {} FROM {} b JOIN {} s ON s.fid = b.fid ORDER BY b.fid"
            ).format(
                self._ident(writer.stage),
                sql.SQL(", ").join(target),
                sql.SQL(", ").join(source),
                self._ident(base_table),
                self._ident(scratch),
            ),
        )
        self._execute(name, sql.SQL("DROP TABLE {}").format(self._ident(scratch)))
        with self.conn.cursor() as cur:
            cur.execute(sql.SQL("SELECT count(*) FROM {}").format(self._ident(writer.stage)))
            writer.rows = cur.fetchone()[0]
        writer.finish()

    def _columns(self, name, template, kinds):
        """(columns to write, kinds): fid and geom are the table's own, as in the GeoPackage."""
        kinds = dict(kinds or {})
        for col in template.columns:
            kinds.setdefault(col, kind_of(template[col]))
        names = []
        for col in template.columns:
            if str(col).lower() in ("fid", "geom"):
                continue
            _check_identifier(str(col), f"field of {name}")
            names.append(col)
        return names, kinds

    def _new_table(self, name, names, kinds, geometry):
        """CREATE TABLE under a fresh staging name; geometry = (typmod name, srid) or None."""
        sql = self._sql
        self.count += 1
        stage = f"vr_tmp_{self.token}_{self.count}"
        columns = [sql.SQL("fid bigint GENERATED BY DEFAULT AS IDENTITY")]
        columns += [
            sql.SQL("{} {}").format(sql.Identifier(str(c)), sql.SQL(_PG_TYPES[kinds[c]])) for c in names
        ]
        if geometry is not None:
            columns.append(
                sql.SQL("geom geometry({}, {})").format(sql.SQL(geometry[0]), sql.Literal(geometry[1]))
            )
        self._execute(
            name, sql.SQL("CREATE TABLE {} ({})").format(self._ident(stage), sql.SQL(", ").join(columns))
        )
        return stage

    def uri(self, name):
        """The QGIS postgres URI of a final table (geometry type and SRID given, as the QGIS
        browser writes them, so QGIS opens it without scanning)."""
        uri = QgsDataSourceUri(self.base.uri(False))
        if name in self.tables:
            gname, srid = self.tables[name]
            wkb = self.wkb_types.get(name, 0)
        else:  # a layer still to be derive()d: it takes the geometry of the layers before it
            gname, srid, wkb = self.last_geometry or (None, 0, 0)
        uri.setDataSource(self.schema, name, "geom" if gname else "", "", "fid")
        if gname:
            uri.setSrid(str(srid))
            uri.setWkbType(wkb_type(wkb))
        return uri.uri(False)

    def commit(self):
        """Replace the final tables by the staged ones and commit: all or nothing."""
        sql = self._sql
        for table, _ in self.scratch.values():
            self._execute(table, sql.SQL("DROP TABLE {}").format(self._ident(table)))
        self.scratch = {}
        with self.conn.cursor() as cur:  # replacing waits for readers of the old tables
            cur.execute("SET LOCAL lock_timeout = %s", (f"{self.LOCK_WAIT}s",))
        for name, stage in self.staged:
            try:
                with self.conn.cursor() as cur:
                    cur.execute(sql.SQL("DROP TABLE IF EXISTS {}").format(self._ident(name)))
            except self._psycopg2.Error as e:
                self.abort()
                why = _pg_message(e)
                if getattr(e, "pgcode", None) == "55P03":
                    why = f"another session kept it in use for {self.LOCK_WAIT} s"
                raise PostgisError(
                    f"{self.schema}.{name} cannot be replaced ({why}): drop what depends on "
                    "it, close what uses it, or write to another schema; nothing was "
                    "written"
                ) from e
            self._execute(
                name, sql.SQL("ALTER TABLE {} RENAME TO {}").format(self._ident(stage), sql.Identifier(name))
            )
            self._rename_quietly("CONSTRAINT", name, f"{stage}_pkey", f"{name}_pkey")
            if self.tables[name][0]:
                self._rename_quietly("INDEX", name, f"{stage}_geom_idx", f"{name}_geom_idx")
            self._rename_quietly("SEQUENCE", name, f"{stage}_fid_seq", f"{name}_fid_seq")
        try:
            self.conn.commit()
        except self._psycopg2.Error as e:
            self.abort()
            raise PostgisError(f"commit to schema {self.schema} failed: {_pg_message(e)}") from e
        self.conn.close()
        return self.schema

    def abort(self):
        """Roll everything back (staging tables, a schema this run created) and disconnect."""
        conn = getattr(self, "conn", None)
        if conn is None or conn.closed:
            return
        try:
            conn.rollback()
        except Exception:  # noqa: BLE001 - a dead connection is rolled back by the server
            pass
        finally:
            conn.close()

    # -- helpers ------------------------------------------------------------------------------
    def _ident(self, table):
        return self._sql.Identifier(self.schema, table)

    def _execute(self, table, statement, params=None):
        try:
            with self.conn.cursor() as cur:
                cur.execute(statement, params)
        except self._psycopg2.Error as e:
            raise PostgisError(f"{self.schema}.{table}: {_pg_message(e)}") from e

    def _rename_quietly(self, kind, table, old, new):
        """Give an index/constraint/sequence its final table's name when that name is free."""
        sql = self._sql
        new = _truncate(new)
        if kind == "CONSTRAINT":
            statement = sql.SQL("ALTER TABLE {} RENAME CONSTRAINT {} TO {}").format(
                self._ident(table), sql.Identifier(old), sql.Identifier(new)
            )
        else:
            statement = sql.SQL("ALTER {} {} RENAME TO {}").format(
                sql.SQL(kind), self._ident(old), sql.Identifier(new)
            )
        with self.conn.cursor() as cur:
            cur.execute("SAVEPOINT vr_rename")
            try:
                cur.execute(statement)
            except self._psycopg2.Error:
                cur.execute("ROLLBACK TO SAVEPOINT vr_rename")
            cur.execute("RELEASE SAVEPOINT vr_rename")

    def _srid(self, crs_wkt, table):
        """The PostGIS SRID of a CRS (its EPSG code when spatial_ref_sys knows it), else 0."""
        if not crs_wkt:
            return 0
        crs = QgsCoordinateReferenceSystem.fromWkt(crs_wkt)
        auth, _, code = crs.authid().partition(":")
        if auth.upper() == "EPSG" and code.isdigit():
            with self.conn.cursor() as cur:
                cur.execute(
                    "SELECT srid FROM spatial_ref_sys WHERE upper(auth_name) = 'EPSG' AND auth_srid = %s",
                    (int(code),),
                )
                row = cur.fetchone()
            if row:
                return int(row[0])
        self.warnings.append(
            f"{table}: the CRS {crs.authid() or crs.description()} has no "
            "EPSG code known to PostGIS; geometries are stored with SRID 0"
        )
        return 0


class _TableWriter:
    """Appends row chunks to one staging table with COPY ... FROM STDIN (text format); fids
    are numbered here, 1..n in order, so scratch tables join on them."""

    def __init__(self, builder, name, stage, names, kinds, spatial, srid, scratch=False):
        self.builder, self.name, self.stage = builder, name, stage
        self.names, self.kinds, self.spatial, self.srid = names, kinds, spatial, srid
        self.scratch = scratch
        self.rows = 0
        self.typed = spatial  # geometry column still carries a geometry type
        sql = builder._sql
        cols = (
            [sql.Identifier("fid")]
            + [sql.Identifier(str(c)) for c in names]
            + ([sql.Identifier("geom")] if spatial else [])
        )
        self.copy = (
            sql.SQL("COPY {} ({}) FROM STDIN")
            .format(builder._ident(stage), sql.SQL(", ").join(cols))
            .as_string(builder.conn)
        )

    def append(self, frame, wkb=None):
        n = len(frame)
        if not n:
            return
        columns = [np.arange(self.rows + 1, self.rows + n + 1).astype(str).tolist()]
        for c in self.names:
            try:
                columns.append(copy_text(frame[c], self.kinds[c]))
            except ValueError as e:
                raise PostgisError(f"{self.builder.schema}.{self.name}, field {c}: {e}") from e
        if self.spatial:
            columns.append(ewkb_hex(wkb, self.srid) if wkb is not None else [NULL] * n)
        payload = ("\n".join(map("\t".join, zip(*columns))) + "\n").encode("utf-8")
        self._copy(payload)
        self.rows += n

    def _copy(self, payload):
        psycopg2 = self.builder._psycopg2
        conn = self.builder.conn
        with conn.cursor() as cur:
            savepoint = self.typed
            if savepoint:
                cur.execute("SAVEPOINT vr_chunk")
            try:
                cur.copy_expert(self.copy, io.BytesIO(payload), size=1 << 20)
            except psycopg2.Error as e:
                if not (self.typed and _geometry_mismatch(e)):
                    raise PostgisError(self._where(e)) from e
                cur.execute("ROLLBACK TO SAVEPOINT vr_chunk")
                self._untype()
                try:
                    cur.copy_expert(self.copy, io.BytesIO(payload), size=1 << 20)
                except psycopg2.Error as again:
                    raise PostgisError(self._where(again)) from again
            if savepoint:
                cur.execute("RELEASE SAVEPOINT vr_chunk")

    def _untype(self, warn=True):
        """Mixed geometry types or dimensions in one layer: keep the SRID, drop the type."""
        sql = self.builder._sql
        table = self.builder._ident(self.stage)
        self.builder._execute(
            self.name, sql.SQL("ALTER TABLE {} ALTER COLUMN geom TYPE geometry USING geom").format(table)
        )
        self.builder._execute(
            self.name,
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} CHECK (ST_SRID(geom) = {})").format(
                table, sql.Identifier(f"{self.stage}_srid"), sql.Literal(self.srid)
            ),
        )
        self.builder.tables[self.name] = ("GEOMETRY", self.srid)
        if warn:
            self.builder.warnings.append(
                f"{self.name}: geometries of several types; the geom column holds any geometry type"
            )
        self.typed = False

    def _where(self, e):
        """The server's message with the staging name replaced and the chunk line made a
        row number of the whole table."""
        text = _pg_message(e).replace(self.stage, self.name)
        context = getattr(getattr(e, "diag", None), "context", None) or ""
        if context:
            text += (
                " ("
                + context.strip().replace(self.stage, self.name)
                + f"; rows before this chunk: {self.rows})"
            )
        return f"{self.builder.schema}.{self.name}: {text}"

    def finish(self):
        """Primary key, then for results the GiST index and statistics, once the rows are in
        (faster than maintaining them row by row)."""
        sql = self.builder._sql
        table = self.builder._ident(self.stage)
        self.builder._execute(
            self.name,
            sql.SQL("ALTER TABLE {} ADD CONSTRAINT {} PRIMARY KEY (fid)").format(
                table, sql.Identifier(f"{self.stage}_pkey")
            ),
        )
        if self.scratch:
            return
        self.builder._execute(
            self.name,
            sql.SQL("ALTER TABLE {} ALTER COLUMN fid RESTART WITH {}").format(
                table, sql.Literal(self.rows + 1)
            ),
        )  # later inserts by users number on
        if self.spatial:
            self.builder._execute(
                self.name,
                sql.SQL("CREATE INDEX {} ON {} USING GIST (geom)").format(
                    sql.Identifier(f"{self.stage}_geom_idx"), table
                ),
            )
            # geometry statistics now, for QGIS's estimated extents; autovacuum does the rest
            self.builder._execute(self.name, sql.SQL("ANALYZE {} (geom)").format(table))


# -- COPY text format ---------------------------------------------------------------------------
def copy_text(series, kind):
    """A column -> list of COPY text values (NULL as \\N, tabs/newlines/backslashes escaped)."""
    if isinstance(series.dtype, pd.CategoricalDtype):
        cats = series.cat.categories
        texts = copy_text(pd.Series(np.asarray(cats, dtype=object), dtype=object), kind)
        table = np.asarray(texts + [NULL], dtype=object)
        codes = series.cat.codes.to_numpy()
        return table[np.where(codes < 0, len(cats), codes)].tolist()
    if kind in ("int", "int64"):
        values = pd.to_numeric(series, errors="coerce").to_numpy()
        if values.dtype.kind in "iu":
            return values.astype(str).tolist()
        values = values.astype(np.float64)
        null = ~np.isfinite(values)
        bad = ~null & (values != np.round(values))
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise ValueError(f"row {series.index[i]}: {values[i]} is not a whole number")
        out = np.full(len(values), NULL, dtype=object)
        out[~null] = values[~null].astype(np.int64).astype(str)
        return out.tolist()
    if kind == "float":
        values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=np.float64)
        out = values.astype(str).astype(object)
        out[np.isnan(values)] = NULL
        return out.tolist()
    if kind in ("date", "datetime"):
        stamps = pd.to_datetime(series, errors="coerce")
        text = stamps.dt.strftime("%Y-%m-%d" if kind == "date" else "%Y-%m-%d %H:%M:%S.%f")
        return text.where(stamps.notna(), NULL).tolist()
    if kind == "bool" and series.dtype == bool:
        return np.where(series.to_numpy(), "t", "f").tolist()
    values = series.to_numpy(dtype=object)
    null = pd.isna(values)
    if kind == "bool":
        known = {True: "t", False: "f"}
        return [
            NULL if n else known.get(v) or ("t" if _truthy(v) else "f")
            for v, n in zip(values.tolist(), null.tolist())
        ]
    if kind == "binary":
        return [NULL if n else "\\\\x" + bytes(v).hex() for v, n in zip(values, null)]
    try:  # escape each distinct value once: asset columns repeat a few values a lot
        codes, uniques = pd.factorize(values)
    except TypeError:  # unhashable values (lists, dicts): one by one
        return [NULL if n else _text(v) for v, n in zip(values.tolist(), null.tolist())]
    table = np.asarray([_text(v) for v in uniques.tolist()] + [NULL], dtype=object)
    return table[np.where(codes < 0, len(uniques), codes)].tolist()


def _text(v):
    return (v if type(v) is str else str(v)).translate(_ESCAPE)


def _truthy(v):
    if isinstance(v, str):
        return v.strip().lower() in ("t", "true", "1", "yes", "y", "oui")
    return bool(v)


def ewkb_hex(wkb, srid):
    """WKB values (fixed-width bytes array, object array or list) -> hex EWKB carrying the
    SRID, as COPY gives it to a geometry column; null and empty values become NULL."""
    data = np.ma.getdata(wkb) if isinstance(wkb, np.ndarray) else None
    if data is not None and data.dtype.kind == "V" and len(data) and data.dtype.itemsize >= 5:
        n, width = len(data), data.dtype.itemsize
        src = np.ascontiguousarray(data).view(np.uint8).reshape(n, width)
        out = np.empty((n, width + 4), dtype=np.uint8)
        out[:, :5] = src[:, :5]
        out[:, 9:] = src[:, 5:]
        little = src[:, 0] == 1
        out[little, 4] |= 0x20
        out[~little, 1] |= 0x20
        out[little, 5:9] = np.frombuffer(int(srid).to_bytes(4, "little"), dtype=np.uint8)
        out[~little, 5:9] = np.frombuffer(int(srid).to_bytes(4, "big"), dtype=np.uint8)
        hexed = np.empty((n, 2 * (width + 4)), dtype=np.uint8)
        hexed[:, 0::2] = _HEX[out >> 4]
        hexed[:, 1::2] = _HEX[out & 0x0F]
        values = [h.decode("ascii") for h in hexed.view(f"S{2 * (width + 4)}").ravel().tolist()]
        if np.ma.isMaskedArray(wkb):
            mask = np.ma.getmaskarray(wkb)
            values = [NULL if m else v for v, m in zip(values, mask.tolist())]
        return values
    srid_le, srid_be = int(srid).to_bytes(4, "little"), int(srid).to_bytes(4, "big")
    out = []
    for g in wkb_values(wkb) if isinstance(wkb, np.ndarray) else wkb:
        if not g or len(g) < 5:
            out.append(NULL)
            continue
        g = bytes(g)
        if g[0] == 1:
            kind = int.from_bytes(g[1:5], "little") | 0x20000000
            out.append((g[:1] + kind.to_bytes(4, "little") + srid_le + g[5:]).hex())
        else:
            kind = int.from_bytes(g[1:5], "big") | 0x20000000
            out.append((g[:1] + kind.to_bytes(4, "big") + srid_be + g[5:]).hex())
    return out


def _geometry_mismatch(e):
    text = str(e)
    return "does not match column type" in text or "Column has" in text or "Geometry has" in text


def _pg_message(e):
    primary = getattr(getattr(e, "diag", None), "message_primary", None)
    return (primary or str(e)).strip()


def _truncate(name):
    raw = name.encode("utf-8")[:MAX_IDENTIFIER]
    return raw.decode("utf-8", "ignore")


def _check_identifier(name, what):
    if not name:
        raise PostgisError(f"empty {what} name")
    if len(name.encode("utf-8")) > MAX_IDENTIFIER:
        raise PostgisError(
            f"{what} name '{name}' is longer than PostgreSQL's {MAX_IDENTIFIER} bytes: rename it"
        )
    if "\x00" in name:
        raise PostgisError(f"{what} name {name!r} holds a NUL character")
