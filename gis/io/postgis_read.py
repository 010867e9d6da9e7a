"""PostGIS layer -> LayerData chunks through one COPY ... TO STDOUT, not a QgsFeature per row.

The QGIS postgres provider turns every row into a QgsFeature and every value into a QVariant:
fine for a map, slow for a million assets. Here the same rows (the layer's subset string, its
geometry-type and SRID filters as the provider applies them, the selection) stream from one
COPY of the attribute columns and ST_AsBinary(geometry) into pandas' CSV parser, chunk by chunk,
on a connection of our own (psycopg2). Whenever this route cannot promise the provider's rows
(no psycopg2, a query layer, a composite key, virtual fields, a connection it cannot open), it
returns None and io.layers takes the provider route.
"""

import csv
import os
import re
import threading

import numpy as np
import pandas as pd
from qgis.core import (
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsMessageLog,
    QgsWkbTypes,
)

from ..compat import (
    FIELD_ORIGIN_PROVIDER,
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NO_GEOMETRY_REQUEST,
    WKB_NO_GEOMETRY,
    WKB_UNKNOWN,
    ogr_wkb_code,
)
from .arrow_columns import mostly_distinct
from .layer_data import LayerData, layer_kinds
from .sql_guard import unsafe_filter, unsafe_reason

LOG_TAG = "Vendor Risk"
NULL = r"\N"
_UNESCAPE = {"\\": "\\", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_ESCAPED = re.compile(r"\\(.)")
# geometrytype() names of each QGIS geometry family, as the provider filters generic columns
_FAMILIES = {
    GEOMETRY_POINT: ("POINT", "MULTIPOINT"),
    GEOMETRY_LINE: ("LINESTRING", "CIRCULARSTRING", "COMPOUNDCURVE", "MULTILINESTRING", "MULTICURVE"),
    GEOMETRY_POLYGON: (
        "POLYGON",
        "CURVEPOLYGON",
        "MULTIPOLYGON",
        "MULTISURFACE",
        "POLYHEDRALSURFACE",
        "TIN",
        "TRIANGLE",
    ),
}
_INT_KEYS = ("int2", "int4", "int8")
_TEXT_KEYS = ("text", "varchar", "bpchar", "uuid", "name")


def postgis_chunks(layer, chunk_rows=None, selected_only=False, columns=None, geometry=True):
    """A generator of LayerData chunks (route 'postgis'), or None when the provider route
    must read this layer."""
    try:
        import psycopg2  # noqa: F401 - optional: without it the provider route reads
    except ImportError:
        return _fallback(layer, "psycopg2 is not installed (python3-psycopg2)")
    try:
        plan = _Plan.of(layer, selected_only, columns, geometry)
    except Exception as e:  # noqa: BLE001 - any surprise: the provider route still works
        return _fallback(layer, str(e))
    if plan is None:
        return None
    return plan.chunks(chunk_rows)


def _unquote(name):
    """regnamespace text -> the schema's name ("a""b" -> a"b)."""
    if len(name) > 1 and name[0] == name[-1] == '"':
        return name[1:-1].replace('""', '"')
    return name


def _fallback(layer, reason):
    """Say why the provider reads this layer (slower, same rows); returns None."""
    QgsMessageLog.logMessage(f"{layer.name()}: read through the QGIS provider: {reason}", LOG_TAG)
    return None


class _Plan:
    """What to COPY for one read, and how to turn its text back into columns."""

    def __init__(self, layer, conn, names, kinds, key, key_type, geom_sql, query):
        self.layer, self.conn, self.names, self.kinds = layer, conn, names, kinds
        self.key, self.key_type, self.geom_sql, self.query = key, key_type, geom_sql, query

    @classmethod
    def of(cls, layer, selected_only, columns, geometry):
        import psycopg2
        from psycopg2 import sql

        uri = QgsDataSourceUri(layer.source())
        table = uri.table()
        if not table or table.lstrip().startswith("("):
            return _fallback(layer, "an SQL query layer")
        if layer.isModified():
            return _fallback(layer, "unsaved edits, which only QGIS holds")
        fields = layer.fields()
        names = [n for n in fields.names() if columns is None or n in columns]
        if any(fields.fieldOrigin(fields.indexOf(n)) != FIELD_ORIGIN_PROVIDER for n in names):
            return _fallback(layer, "virtual or joined fields, which only QGIS computes")
        provider = layer.dataProvider()
        pk = provider.pkAttributeIndexes()
        if len(pk) != 1:  # ctid or composite keys: QGIS maps them to feature ids itself
            return _fallback(layer, "no single-column primary key")
        key = provider.fields().at(pk[0]).name()
        try:
            conn = psycopg2.connect(
                uri.connectionInfo(True), connect_timeout=10, application_name="vendor_risk read"
            )
        except psycopg2.Error as e:
            return _fallback(layer, f"no direct connection ({str(e).strip()})")
        try:
            plan = cls._build(
                layer, conn, uri, names, key, selected_only, geometry and layer.isSpatial(), sql
            )
        except BaseException:
            conn.close()
            raise
        if plan is None:
            conn.close()
        return plan

    @classmethod
    def _build(cls, layer, conn, uri, names, key, selected_only, spatial, sql):
        conn.set_session(readonly=True)
        with conn.cursor() as cur:
            cur.execute(
                "SET extra_float_digits = 3; SET DateStyle = 'ISO, YMD'; "
                "SET client_encoding = 'UTF8'; SET bytea_output = 'hex'; "
                "SET standard_conforming_strings = on"
            )
            # no schema in the URI: the search path finds the table, as in QGIS
            parts = [p for p in (uri.schema(), uri.table()) if p]
            relation = sql.Identifier(*parts).as_string(conn)
            cur.execute(
                "SELECT relnamespace::regnamespace::text FROM pg_class WHERE oid = to_regclass(%s)",
                (relation,),
            )
            found = cur.fetchone()
            cur.execute(
                "SELECT a.attname, t.typname FROM pg_attribute a "
                "JOIN pg_type t ON t.oid = a.atttypid "
                "WHERE a.attrelid = to_regclass(%s) AND a.attnum > 0 "
                "AND NOT a.attisdropped",
                (relation,),
            )
            types = dict(cur.fetchall())
        if found is None or not types or key not in types or any(n not in types for n in names):
            return _fallback(layer, "its columns could not be matched in the catalog")
        schema = uri.schema() or _unquote(found[0])
        table = sql.Identifier(*parts)
        where = []
        subset = layer.subsetString().strip()
        if subset:
            if unsafe_reason(subset):  # io.layers refuses such layers before any route
                raise ValueError(unsafe_filter(layer.source()) or "unsafe layer filter")
            where.append(sql.SQL("({})").format(sql.SQL(subset)))  # one expression, as QGIS
        geom_sql = None
        gcol = uri.geometryColumn()
        if gcol:
            gtype = types.get(gcol)
            if gtype not in ("geometry", "geography"):
                return _fallback(layer, f"a {gtype} geometry column")
            ident = sql.Identifier(gcol)
            as_geom = sql.SQL("{}::geometry").format(ident) if gtype == "geography" else ident
            where += cls._geometry_filters(conn, uri, schema, gcol, gtype, as_geom, sql)
            if spatial:
                geom_sql = sql.SQL("encode(ST_AsBinary({}, 'NDR'), 'hex')").format(as_geom)
        if selected_only:
            keys = cls._selected_keys(layer, key, types[key])
            if keys is None:
                return _fallback(layer, f"a selection on a {types[key]} key")
            where.append(
                sql.SQL("{} = ANY({})").format(
                    sql.Identifier(key)
                    if types[key] in _INT_KEYS
                    else sql.SQL("{}::text").format(sql.Identifier(key)),
                    sql.Literal(keys),
                )
            )
        select = [sql.Identifier(key)]
        if geom_sql is not None:
            select.append(geom_sql)
        select += [cls._column_sql(n, types[n], sql) for n in names]
        query = sql.SQL("COPY (SELECT {} FROM {}{}) TO STDOUT").format(
            sql.SQL(", ").join(select),
            table,
            sql.SQL(" WHERE ") + sql.SQL(" AND ").join(where) if where else sql.SQL(""),
        )
        kinds = {n: k for n, k in layer_kinds(layer).items() if n in names}
        return cls(layer, conn, names, kinds, key, types[key], geom_sql, query.as_string(conn))

    @staticmethod
    def _column_sql(name, typname, sql):
        ident = sql.Identifier(name)
        if typname == "timestamptz":  # the provider hands these over in UTC
            return sql.SQL("({} AT TIME ZONE 'UTC')").format(ident)
        if typname == "bytea":
            return sql.SQL("encode({}, 'hex')").format(ident)
        return ident

    @staticmethod
    def _geometry_filters(conn, uri, schema, gcol, gtype, as_geom, sql):
        """The provider's own filters: geometry family on a generic column, SRID if asked."""
        catalog = "geometry_columns" if gtype == "geometry" else "geography_columns"
        prefix = "f_geometry" if gtype == "geometry" else "f_geography"
        with conn.cursor() as cur:
            cur.execute(
                sql.SQL(
                    "SELECT type, srid FROM {} WHERE f_table_schema = %s AND f_table_name = %s AND {} = %s"
                ).format(sql.Identifier(catalog), sql.Identifier(f"{prefix}_column")),
                (schema, uri.table(), gcol),
            )
            row = cur.fetchone()
        declared, srid = (str(row[0]).upper(), int(row[1] or 0)) if row else ("GEOMETRY", 0)
        out = []
        requested = uri.wkbType()
        if requested not in (WKB_UNKNOWN, WKB_NO_GEOMETRY):
            flat = QgsWkbTypes.displayString(QgsWkbTypes.flatType(requested)).upper()
            if declared in ("GEOMETRY", "GEOMETRYM") or declared.rstrip("M") != flat:
                family = _FAMILIES.get(QgsWkbTypes.geometryType(requested))
                if family:
                    names = [f + s for f in family for s in ("", "Z", "M", "ZM")]
                    out.append(
                        sql.SQL("upper(geometrytype({})) = ANY({})").format(as_geom, sql.Literal(names))
                    )
        elif requested == WKB_NO_GEOMETRY:
            out.append(sql.SQL("geometrytype({}) IS NULL").format(as_geom))
        wanted = uri.srid()
        if wanted and (int(wanted) != srid or int(wanted) == 0):
            out.append(sql.SQL("ST_SRID({}) = {}").format(as_geom, sql.Literal(int(wanted))))
        return out

    @staticmethod
    def _selected_keys(layer, key, typname):
        """Key values of the selected features (asked of the provider: it owns the fid map)."""
        ids = layer.selectedFeatureIds()
        if typname not in _INT_KEYS + _TEXT_KEYS:
            return None
        if not ids:
            return []
        index = layer.fields().indexOf(key)
        request = QgsFeatureRequest().setFilterFids(ids).setFlags(NO_GEOMETRY_REQUEST)
        request.setSubsetOfAttributes([index])
        values = [f.attribute(index) for f in layer.getFeatures(request)]
        if typname in _INT_KEYS:
            return [int(v) for v in values if v is not None]
        return [str(v) for v in values if v is not None]

    # -- reading ------------------------------------------------------------------------------
    def chunks(self, chunk_rows):
        columns = (
            ["__key"]
            + (["__geom"] if self.geom_sql is not None else [])
            + [f"c{i}" for i in range(len(self.names))]
        )
        numeric = {f"c{i}" for i, n in enumerate(self.names) if self.kinds[n] in ("int", "int64", "float")}
        if self.key_type in _INT_KEYS:
            numeric.add("__key")
        dtype = {c: str for c in columns if c not in numeric}
        gtype = ogr_wkb_code(self.layer.wkbType()) if self.geom_sql is not None else 0
        crs_wkt = self.layer.crs().toWkt()
        read_fd, write_fd = os.pipe()
        reader, writer = os.fdopen(read_fd, "rb"), os.fdopen(write_fd, "wb")
        failure = []
        conn, query = self.conn, self.query

        def pump():
            try:
                with conn.cursor() as cur:
                    cur.copy_expert(query, writer, size=1 << 16)
            except BaseException as e:  # noqa: BLE001 - handed to the reading thread
                failure.append(e)
            finally:
                try:
                    writer.close()
                except OSError:
                    pass

        thread = threading.Thread(target=pump, name="vendor-risk-postgis-read", daemon=True)
        thread.start()
        position = 0
        try:
            frames = pd.read_csv(
                reader,
                sep="\t",
                header=None,
                names=columns,
                dtype=dtype,
                quoting=csv.QUOTE_NONE,
                na_values=[NULL],
                keep_default_na=False,
                skip_blank_lines=False,
                encoding="utf-8",
                chunksize=chunk_rows or None,
                low_memory=False,
            )
            if not chunk_rows:
                frames = [frames]
            for raw in frames:
                if failure:
                    break
                data = self._layer_data(raw, gtype, crs_wkt, position)
                position += len(raw)
                yield data
        except pd.errors.EmptyDataError:
            pass  # no row at all: io.layers yields its empty chunk
        except (pd.errors.ParserError, ValueError) as e:
            raise RuntimeError(f"reading {self.layer.name()} from PostGIS failed: {e}") from e
        finally:
            reader.close()  # stops the COPY if the reader gave up early
            if thread.is_alive():
                conn.cancel()
            thread.join()
            conn.close()
        if failure and not isinstance(failure[0], (BrokenPipeError, OSError)):
            raise RuntimeError(
                f"reading {self.layer.name()} from PostGIS failed: {str(failure[0]).strip()}"
            ) from failure[0]

    def _layer_data(self, raw, gtype, crs_wkt, position):
        n = len(raw)
        frame = pd.DataFrame(
            {name: _column(raw[f"c{i}"], self.kinds[name]) for i, name in enumerate(self.names)},
            index=pd.RangeIndex(n),
        )
        wkb = None
        if self.geom_sql is not None:
            wkb = np.empty(n, dtype=object)
            wkb[:] = [bytes.fromhex(h) if isinstance(h, str) else None for h in raw["__geom"].tolist()]
        return LayerData(
            frame=frame,
            wkb=wkb,
            kinds=self.kinds,
            crs_wkt=crs_wkt,
            geometry_type=gtype,
            route="postgis",
            fids=self._fids(raw["__key"], position),
        )

    def _fids(self, keys, position):
        """Feature ids as the provider gives them for integer keys (int4: negatives wrap to
        unsigned); for other keys, which QGIS numbers as it meets them, the row position."""
        if self.key_type in _INT_KEYS:
            values = pd.to_numeric(keys, errors="coerce").fillna(0).to_numpy(np.int64)
            if self.key_type != "int8":
                values = np.where(values < 0, values + (1 << 32), values)
            return values
        return np.arange(position + 1, position + 1 + len(keys), dtype=np.int64)


def _unescape(values):
    """COPY text escapes (\\t, \\n, \\\\...) back to characters, only where a backslash is."""
    out = values.copy()
    for i, v in enumerate(values.tolist()):
        if isinstance(v, str) and "\\" in v:
            out[i] = _ESCAPED.sub(lambda m: _UNESCAPE.get(m.group(1), m.group(1)), v)
    return out


def _column(raw, kind):
    """One COPY text column -> the Series the provider route would give (strings as
    Categoricals unless nearly every value differs)."""
    if kind in ("int", "int64", "float"):
        if raw.dtype == object:
            raw = pd.to_numeric(raw, errors="coerce")
        if kind != "float" and raw.dtype.kind == "f" and not raw.isna().any():
            raw = raw.astype(np.int64)
        return raw.reset_index(drop=True)
    values = raw.to_numpy(dtype=object)
    null = pd.isna(values)
    if kind in ("date", "datetime"):
        return pd.to_datetime(pd.Series(values, dtype=object), errors="coerce")
    values[null] = None
    if kind == "bool":
        return pd.Series([None if v is None else v == "t" for v in values.tolist()], dtype=object)
    if kind == "binary":
        return pd.Series([None if v is None else bytes.fromhex(v) for v in values.tolist()], dtype=object)
    if mostly_distinct(values):
        if any("\\" in v for v in values[~null].tolist()):
            values = _unescape(values)
        return pd.Series(values, dtype=object)
    codes, uniques = pd.factorize(values)  # nulls get code -1
    uniques = _unescape(np.asarray(uniques, dtype=object))  # the distinct values only
    return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype=object)))
