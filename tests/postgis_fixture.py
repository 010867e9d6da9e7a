"""A real PostgreSQL + PostGIS server for the PostGIS tests, and helpers to fill it.

The server comes from $VENDOR_RISK_PG_DSN (CI exports it from .ci/start-postgis); when that is
unset or unreachable, the session starts one itself with the same script (and stops it at the
end), so `make test` runs these tests everywhere rather than skipping them.
"""

import os
import subprocess
import uuid

import psycopg2
import pytest
from conftest import ROOT
from psycopg2 import sql
from psycopg2.extensions import parse_dsn
from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer
from vendor_risk.gis.compat import WKB_POINT

SCRIPT = os.path.join(ROOT, ".ci", "start-postgis")


def _usable(dsn):
    try:
        conn = psycopg2.connect(dsn, connect_timeout=5)
    except psycopg2.Error:
        return False
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
            return cur.fetchone() is not None
    finally:
        conn.close()


def _start_server():
    done = subprocess.run(["sh", SCRIPT], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f".ci/start-postgis failed:\n{done.stderr}")
    line = done.stdout.strip().splitlines()[-1]
    prefix = "export VENDOR_RISK_PG_DSN='"
    assert line.startswith(prefix) and line.endswith("'"), line
    return line[len(prefix) : -1]


@pytest.fixture(scope="session")
def pg_dsn():
    """libpq connection string of a database with PostGIS, which the tests may fill."""
    dsn = os.environ.get("VENDOR_RISK_PG_DSN", "")
    started = False
    if not dsn or not _usable(dsn):
        dsn = _start_server()
        started = True
        assert _usable(dsn), "the PostGIS test server started but cannot be used"
    yield dsn
    if started:
        subprocess.run(["sh", SCRIPT, "stop"], capture_output=True, timeout=120)


@pytest.fixture
def pg(pg_dsn):
    """An autocommit connection and a fresh schema of this test's own (dropped afterwards)."""
    conn = psycopg2.connect(pg_dsn)
    conn.autocommit = True
    schema = f"t_{uuid.uuid4().hex[:10]}"
    with conn.cursor() as cur:
        cur.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    yield Db(conn, pg_dsn, schema)
    with conn.cursor() as cur:
        cur.execute("SET lock_timeout = '20s'")  # a test that left a transaction open fails
        cur.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
    conn.close()


class Db:
    """The test's connection, its schema, and helpers that speak in QGIS terms."""

    def __init__(self, conn, dsn, schema):
        self.conn, self.dsn, self.schema = conn, dsn, schema

    def query(self, text, params=None):
        with self.conn.cursor() as cur:
            cur.execute(text, params)
            return cur.fetchall() if cur.description else None

    def tables(self, schema=None):
        return {
            r[0]
            for r in self.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
                (schema or self.schema,),
            )
        }

    def connection_uri(self):
        """A QGIS connection URI (no table) for this database."""
        parts = parse_dsn(self.dsn)
        uri = QgsDataSourceUri()
        uri.setConnection(
            parts.get("host", "127.0.0.1"),
            parts.get("port", "5432"),
            parts["dbname"],
            parts["user"],
            parts.get("password", ""),
            QgsDataSourceUri.SslMode.SslDisable,
        )
        return uri

    def layer_uri(self, table, schema=None, key="id", geom="geom", srid="2154", wkb=WKB_POINT):
        uri = self.connection_uri()
        uri.setDataSource(schema or self.schema, table, geom or "", "", key)
        if geom:
            uri.setSrid(srid)
            uri.setWkbType(wkb)
        return uri.uri(False)

    def layer(self, table, schema=None, **kwargs):
        layer = QgsVectorLayer(self.layer_uri(table, schema, **kwargs), table, "postgres")
        assert layer.isValid(), f"{schema or self.schema}.{table} did not open in QGIS"
        return layer

    def create_table(
        self, table, rows, wkts, schema=None, types=None, srid=2154, geometry="Point", key_type="serial"
    ):
        """Table with an `id` key, one column per row key (types guessed or given) and
        `geom`; rows: list of dicts; wkts: list of WKT (None for null)."""
        schema = schema or self.schema
        types = dict(types or {})
        keys = list(rows[0]) if rows else []
        for k in keys:
            sample = next((r[k] for r in rows if r[k] is not None), "")
            types.setdefault(
                k,
                "bigint"
                if isinstance(sample, int) and not isinstance(sample, bool)
                else "double precision"
                if isinstance(sample, float)
                else "boolean"
                if isinstance(sample, bool)
                else "text",
            )
        ident = sql.Identifier(schema, table)
        cols = [sql.SQL("id {} PRIMARY KEY").format(sql.SQL(key_type))]
        cols += [sql.SQL("{} {}").format(sql.Identifier(k), sql.SQL(types[k])) for k in keys]
        if geometry:
            cols.append(sql.SQL("geom geometry({}, {})").format(sql.SQL(geometry), sql.Literal(srid)))
        with self.conn.cursor() as cur:
            cur.execute(sql.SQL("CREATE TABLE {} ({})").format(ident, sql.SQL(", ").join(cols)))
            names = [sql.Identifier(k) for k in keys]
            values = [sql.Placeholder()] * len(keys)
            if geometry:
                names.append(sql.Identifier("geom"))
                values.append(sql.SQL("ST_GeomFromText({}, {})").format(sql.Placeholder(), sql.Literal(srid)))
            insert = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                ident, sql.SQL(", ").join(names), sql.SQL(", ").join(values)
            )
            cur.executemany(
                insert, [[r[k] for k in keys] + ([w] if geometry else []) for r, w in zip(rows, wkts)]
            )
        return ident


@pytest.fixture
def pg_connection(pg, qgis_app):
    """A saved QGIS PostgreSQL connection to the test database (what DATABASE names)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    name = f"vendor-risk-test-{uuid.uuid4().hex[:8]}"
    connection = metadata.createConnection(
        pg.connection_uri().uri(False), {"saveUsername": True, "savePassword": True}
    )
    metadata.saveConnection(connection, name)
    yield name
    metadata.deleteConnection(name)
