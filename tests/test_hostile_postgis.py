"""A PostGIS layer's filter (subset string) runs as one expression or not at all.

Filters come from projects and .qlr files anybody may write. A filter is accepted only when it
cannot end its statement or its parentheses; any other is refused with a message before any
read (QGIS's own provider is no refuge: it pastes the filter into its cursor statements).
Whatever the filter, no table is dropped; accepted filters read the rows QGIS reads."""

import pytest
from conftest import refusal
from psycopg2 import sql
from qgis.core import QgsDataSourceUri, QgsVectorLayer
from vendor_risk.gis.io.layers import read_layer
from vendor_risk.gis.io.sql_guard import unsafe_reason

pytest_plugins = ("postgis_fixture",)  # pg, pg_dsn, pg_connection

HOSTILE = [
    "1=1) TO STDOUT; DROP TABLE {victim}; COPY (SELECT 1",
    "n > 0; DROP TABLE {victim}",
    "n > 0); COMMIT; DROP TABLE {victim}; --",
    "n > 0 /* */ OR true",
    "n > 0 -- comment",
    "maker = $$x$$ OR true; DROP TABLE {victim}",
    "maker = E'\\'' ; DROP TABLE {victim}; --",
    "maker = 'unterminated",
    "n IN (SELECT n FROM {victim})) ; DROP TABLE {victim} ; SELECT (1",
    "n > 0\x00; DROP TABLE {victim}",
]
SAFE = [
    "maker = 'Hik;vision' OR n > 5",
    "maker ILIKE '%--%' OR maker = 'a/*b'",
    "\"maker\" = 'It''s' OR (n BETWEEN 2 AND 9)",
    "n > 3 AND (n < 10)",
]


@pytest.fixture
def cams(pg, qgis_app):
    pg.query(sql.SQL("CREATE TABLE {}.victim (v int)").format(sql.Identifier(pg.schema)))
    pg.query(sql.SQL("INSERT INTO {}.victim VALUES (42)").format(sql.Identifier(pg.schema)))
    rows = [{"maker": ["Hikvision", "Hik;vision", "It's", "a/*b"][i % 4], "n": i} for i in range(24)]
    pg.create_table("cams", rows, [f"POINT ({700000 + i} 6600000)" for i in range(24)])
    return pg


def _victim_alive(pg):
    return pg.query(sql.SQL("SELECT v FROM {}.victim").format(sql.Identifier(pg.schema))) == [(42,)]


def _provider_rows(layer):
    return sorted(f["n"] for f in layer.getFeatures())


def _hostile_layer(pg, template):
    """The filter as a project or .qlr file carries it: in the layer's URI (sql=)."""
    victim = sql.Identifier(pg.schema, "victim").as_string(pg.conn)
    uri = QgsDataSourceUri(pg.layer_uri("cams"))
    uri.setSql(template.format(victim=victim))
    layer = QgsVectorLayer(uri.uri(False), "cams", "postgres")
    assert layer.subsetString() == template.format(victim=victim)
    return layer


@pytest.mark.parametrize("template", HOSTILE)
def test_hostile_filters_are_refused_and_run_nothing(cams, template):
    layer = _hostile_layer(cams, template)
    with pytest.raises(ValueError, match="filter"):
        read_layer(layer)
    assert _victim_alive(cams)
    assert not cams.query(
        "SELECT 1 FROM pg_stat_activity WHERE state LIKE 'idle in trans%' "
        "AND application_name = 'vendor_risk read'"
    )


@pytest.mark.parametrize("template", HOSTILE[:3])
def test_algorithms_refuse_a_hostile_filter_before_reading(cams, provider, tmp_path, template):
    layer = _hostile_layer(cams, template)
    message = refusal("vendorrisk:assessrisk", {"INPUT": [layer], "OUTPUT": str(tmp_path / "r.gpkg")})
    assert "INPUT" in message and "filter" in message
    assert _victim_alive(cams)
    assert not (tmp_path / "r.gpkg").exists()


@pytest.mark.parametrize("subset", SAFE)
def test_ordinary_filters_keep_the_fast_route(cams, subset):
    layer = cams.layer("cams")
    assert layer.setSubsetString(subset)
    data = read_layer(layer)
    assert data.route == "postgis"
    assert sorted(data.frame["n"].astype(int).tolist()) == _provider_rows(layer)
    assert _victim_alive(cams)


@pytest.mark.parametrize(
    "text",
    [t.format(victim="v") for t in HOSTILE]
    + [")", "(", "a)) OR ((b", "e'x'", "x = $1 OR $tag$y$tag$", "a \\ b", "'a''", '"a""'],
)
def test_the_guard_names_what_it_refuses(text):
    assert unsafe_reason(text)


@pytest.mark.parametrize(
    "text", SAFE + ["price > 1e3", "name = 'e''x'", "type = 'E'", '"we;ird" = 1', "f(x, (y)) = g('(')"]
)
def test_the_guard_accepts_plain_expressions(text):
    assert unsafe_reason(text) == ""
