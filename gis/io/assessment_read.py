"""An assessment read back, wherever assessrisk wrote it: a GeoPackage file or a PostGIS schema.

`gpkg_source(path)` and `postgis_source(uri, schema)` name the place; `read_assessment(source)`
gives its risk layers (without geometry) and its tables as the workbook's AssessmentTables,
`read_table(source, name)` one table, and `source.layer(name)` a QGIS layer of it. Reading
never changes the assessment: SQLite opens the file read-only (mode=ro), PostgreSQL runs a
read-only transaction. Both backends answer the same three questions (tables, columns of a
table, rows of a table) so everything above them is written once.
"""

import os
import sqlite3
from dataclasses import dataclass

import pandas as pd
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from ...risk.schema import ASSESSMENT_TABLES, BOOL_COLUMNS, COMPUTED, DATA_ISSUES
from ...risk.workbook.model import AssessmentTables

RISK_PREFIX = "risk_"
_PG_NUMERIC = ("smallint", "integer", "bigint", "real", "double precision", "numeric")


class AssessmentFileError(ValueError):
    """The assessment cannot be found or read; the message names the file or schema."""


@dataclass(frozen=True)
class AssessmentSource:
    """Where an assessment is: `path` of a GeoPackage, or `uri` (a QGIS postgres URI) + `schema`."""

    path: str = ""
    uri: str = ""
    schema: str = ""

    @property
    def is_postgis(self):
        return bool(self.schema)

    def label(self):
        """How a person names it (no password): the file name, or database and schema."""
        if not self.is_postgis:
            return os.path.basename(self.path)
        u = QgsDataSourceUri(self.uri)
        return f"{u.database() or u.service()} / {self.schema}"

    def description(self):
        """The location for a report's provenance line (a file by its name: no machine path)."""
        if not self.is_postgis:
            return os.path.basename(self.path)
        u = QgsDataSourceUri(self.uri)
        where = f"{u.host()}:{u.port()}" if u.host() else (u.service() or "localhost")
        return f"PostgreSQL {where}, database {u.database()}, schema {self.schema}"

    def layer(self, name, title=None, geometry="geom"):
        """A QGIS layer of one table of the assessment (may be invalid: check isValid())."""
        if not self.is_postgis:
            return QgsVectorLayer(f"{self.path}|layername={name}", title or name, "ogr")
        u = QgsDataSourceUri(self.uri)
        u.setDataSource(self.schema, name, geometry or "", "", "fid")
        layer = QgsVectorLayer(u.uri(False), title or name, "postgres")
        if not layer.isValid() and geometry:  # the assets had no geometry: a plain table
            return self.layer(name, title, geometry="")
        return layer


def gpkg_source(path):
    return AssessmentSource(path=str(path))


def postgis_source(uri, schema):
    return AssessmentSource(uri=str(uri), schema=str(schema))


def as_source(source):
    """An AssessmentSource, or a GeoPackage path (str or PathLike) taken as one."""
    return source if isinstance(source, AssessmentSource) else gpkg_source(os.fspath(source))


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


class _GpkgReader:
    def __init__(self, source):
        path = source.path
        self.name = os.path.basename(path)
        if not os.path.isfile(path):
            raise AssessmentFileError(f"{path}: file not found")
        try:
            self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error as e:
            raise AssessmentFileError(f"{path}: cannot be opened ({e})") from e
        try:
            self._tables = [r[0] for r in self.con.execute("SELECT table_name FROM gpkg_contents")]
            self._geometry = dict(
                self.con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns")
            )
        except sqlite3.DatabaseError as e:
            self.con.close()
            raise AssessmentFileError(f"{self.name}: not a GeoPackage ({e})") from e
        self.errors = (sqlite3.DatabaseError,)
        self.what = "GeoPackage"

    def tables(self):
        return self._tables

    def columns(self, table):
        skip = ("fid", self._geometry.get(table))
        return [r[1] for r in self.con.execute(f"PRAGMA table_info({_quote(table)})") if r[1] not in skip]

    def frame(self, table, columns):
        sql = f"SELECT {', '.join(map(_quote, columns))} FROM {_quote(table)} ORDER BY fid"
        return pd.read_sql_query(sql, self.con)

    def counts(self, table, by, columns):
        sql = (
            f"SELECT {_quote(by)}, {', '.join(f'COUNT({_quote(c)})' for c in columns)}"
            f" FROM {_quote(table)} GROUP BY {_quote(by)}"
        )
        return self.con.execute(sql).fetchall()

    def close(self):
        self.con.close()


class _PostgisReader:
    def __init__(self, source):
        self.name = source.label()
        self.schema = source.schema
        try:
            import psycopg2
        except ImportError as e:
            raise AssessmentFileError(
                "reading a PostGIS assessment needs psycopg2 (Debian/Ubuntu: apt-get install "
                "python3-psycopg2; elsewhere: pip install psycopg2)"
            ) from e
        self.errors = (psycopg2.Error,)
        self.what = "schema"
        info = QgsDataSourceUri(source.uri).connectionInfo(True)
        try:
            self.con = psycopg2.connect(info, connect_timeout=15, application_name="vendor_risk read")
            self.con.set_session(readonly=True)
        except psycopg2.Error as e:
            raise AssessmentFileError(f"{self.name}: cannot connect ({str(e).strip()})") from e
        with self.con.cursor() as cur:
            cur.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s"
                " ORDER BY table_name",
                (self.schema,),
            )
            self._tables = [r[0] for r in cur.fetchall()]
        if not self._tables:
            self.con.close()
            raise AssessmentFileError(f"{self.name}: schema not found or empty")

    def tables(self):
        return self._tables

    def columns(self, table):
        with self.con.cursor() as cur:
            cur.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = %s"
                " AND table_name = %s AND column_name <> 'fid' AND udt_name <> 'geometry'"
                " ORDER BY ordinal_position",
                (self.schema, table),
            )
            rows = cur.fetchall()
        self.numeric = {name for name, kind in rows if kind in _PG_NUMERIC}
        return [name for name, _ in rows]

    def frame(self, table, columns):
        from psycopg2 import sql

        query = sql.SQL("SELECT {} FROM {}.{} ORDER BY fid").format(
            sql.SQL(", ").join(map(sql.Identifier, columns)),
            sql.Identifier(self.schema),
            sql.Identifier(table),
        )
        with self.con.cursor() as cur:
            cur.execute(query)
            rows = cur.fetchall()
        frame = pd.DataFrame.from_records(rows, columns=columns)
        # as SQLite gives them: numbers stay numbers (NULL -> NaN), text stays text
        for c in self.numeric & set(columns):
            if frame[c].dtype == object:
                frame[c] = pd.to_numeric(frame[c])
        return frame

    def counts(self, table, by, columns):
        from psycopg2 import sql

        query = sql.SQL("SELECT {}, {} FROM {}.{} GROUP BY {}").format(
            sql.Identifier(by),
            sql.SQL(", ").join(sql.SQL("COUNT({})").format(sql.Identifier(c)) for c in columns),
            sql.Identifier(self.schema),
            sql.Identifier(table),
            sql.Identifier(by),
        )
        with self.con.cursor() as cur:
            cur.execute(query)
            return cur.fetchall()

    def close(self):
        self.con.close()


def _reader(source):
    source = as_source(source)
    return _PostgisReader(source) if source.is_postgis else _GpkgReader(source)


def _read(reader, table):
    frame = reader.frame(table, reader.columns(table))
    if table.startswith(RISK_PREFIX):  # booleans as 0/1, whichever store kept them
        for c in BOOL_COLUMNS:
            if c in frame.columns:
                frame[c] = frame[c].map(lambda v: None if pd.isna(v) else int(v))
    return frame


def read_table(source, name):
    """One table (or layer, without geometry) of an assessment, in its row order."""
    reader = _reader(source)
    try:
        if name not in reader.tables():
            raise AssessmentFileError(f"{reader.name}: no table {name}")
        return _read(reader, name)
    except reader.errors as e:
        raise AssessmentFileError(f"{reader.name}: cannot be read ({e})") from e
    finally:
        reader.close()


def read_run_info(source):
    """The run_info table of an assessment as {key: value}."""
    return dict(read_table(source, "run_info")[["key", "value"]].itertuples(index=False))


def filled_by_layer(source, table, by="source_layer", skip=COMPUTED):
    """{value of `by`: the columns (other than `skip`, the computed ones) holding at least one
    value in its rows}: one pass over the table, in the database. Which input layer's fields
    are worth showing for its assets."""
    reader = _reader(source)
    try:
        columns = [c for c in reader.columns(table) if c != by and c not in skip]
        if by not in reader.columns(table) or not columns:
            return {}
        return {
            row[0] or "": {c for c, n in zip(columns, row[1:]) if n}
            for row in reader.counts(table, by, columns)
        }
    except reader.errors as e:
        raise AssessmentFileError(f"{reader.name}: cannot be read ({e})") from e
    finally:
        reader.close()


def read_assessment(source):
    """The layers (without geometry) and tables of an assessment."""
    source = as_source(source)
    reader = _reader(source)
    try:
        names = reader.tables()
        missing = [t for t in ASSESSMENT_TABLES if t not in names]
        if missing:
            raise AssessmentFileError(
                f"{reader.name}: not an assessment {reader.what} (no {', '.join(missing)} table):"
                f" run vendorrisk:assessrisk first and export its output"
            )
        layers = {n[len(RISK_PREFIX) :]: _read(reader, n) for n in names if n.startswith(RISK_PREFIX)}

        def table(t):
            return _read(reader, t) if t in names else pd.DataFrame()

        run_info = table("run_info")
        return AssessmentTables(
            layers=layers,
            scenario_summary=table("scenario_summary"),
            vendor_summary=table("vendor_summary"),
            run_info=dict(zip(run_info.get("key", []), run_info.get("value", []))),
            data_issues=table("data_issues").reindex(columns=[c.name for c in DATA_ISSUES]),
            source=source.description(),
            folder="" if source.is_postgis else os.path.dirname(os.path.abspath(source.path)),
        )
    except reader.errors as e:
        raise AssessmentFileError(f"{reader.name}: cannot be read ({e})") from e
    finally:
        reader.close()
