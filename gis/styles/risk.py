"""Bundled QML styles on every assessment layer: in the GeoPackage and when loaded in QGIS."""

import os

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayerStyle,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)

from ...plugin_paths import STYLE_DIR
from ...risk.labels import label
from ...risk.schema import ASSET_ID, RESULT, SOURCE_LAYER, TAG
from ..compat import GEOMETRY_LINE, GEOMETRY_POINT, GEOMETRY_POLYGON, save_style_to_database
from ..io.assessment_read import AssessmentFileError, filled_by_layer, gpkg_source, postgis_source
from .form import set_form
from .qml import leave_wal

PER_ASSET = (SOURCE_LAYER, ASSET_ID, *TAG, *RESULT)

RISK_STYLES = ("risk_score", "sanction_level")  # the first is the default
STYLE_TITLES = {"risk_score": "Risk score", "sanction_level": "Sanction level"}


def qml_path(style, layer):
    geom = {GEOMETRY_POINT: "point", GEOMETRY_LINE: "line", GEOMETRY_POLYGON: "polygon"}.get(
        layer.geometryType(), "point"
    )
    return os.path.join(STYLE_DIR, f"{style}_{geom}.qml")


def set_field_aliases(layer, lang="en", currency="EUR"):
    """The output fields the schema declares, named for people in `lang` (money with its
    currency); the input's own fields keep their names."""
    names = layer.fields().names()
    for column in PER_ASSET:
        if column.name in names:
            layer.setFieldAlias(names.index(column.name), label(f"col.{column.name}", lang, currency))


def present_fields(layer, lang="en", currency="EUR", filled=None):
    """Aliases, the form (reasons first, each input's fields on its own assets), the table."""
    set_field_aliases(layer, lang, currency)
    set_form(layer, lang, filled)


def filled_fields(uri, name):
    """{source_layer: columns holding a value} of the layer `name` at `uri`; None if unreadable."""
    try:
        if provider_of(uri) == "postgres":
            source = postgis_source(uri, QgsDataSourceUri(uri).schema() or "public")
        else:
            source = gpkg_source(uri.split("|")[0])
        return filled_by_layer(source, name)
    except (AssessmentFileError, OSError):
        return None


def apply_risk_styles(layer, lang="en", currency="EUR", filled=None):
    """Load the default style and register both styles in the layer's style manager."""
    manager = layer.styleManager()
    for style in reversed(RISK_STYLES):
        layer.loadNamedStyle(qml_path(style, layer), True)  # the QML file, not the DB style
        present_fields(layer, lang, currency, filled)
        current = QgsMapLayerStyle()
        current.readFromLayer(layer)
        title = STYLE_TITLES[style]
        if title in manager.styles():
            manager.removeStyle(title)
        manager.addStyle(title, current)
    manager.setCurrentStyle(STYLE_TITLES[RISK_STYLES[0]])
    layer.triggerRepaint()
    return layer


def save_styles_in_gpkg(uri, name, lang="en", currency="EUR", filled=None):
    """Store both styles in the GeoPackage's layer_styles table, risk score as default."""
    return save_styles_in_database(uri, name, "ogr", lang, currency, filled)


def save_styles_in_database(uri, name, provider="ogr", lang="en", currency="EUR", filled=None):
    """Store both styles in the data source's layer_styles table (GeoPackage file or
    PostgreSQL database, where QGIS creates the table if needed), risk score as default."""
    layer = QgsVectorLayer(uri, name, provider)
    if not layer.isValid():
        return False
    if provider == "postgres":
        _forget_postgres_styles(uri)
    for i, style in enumerate(RISK_STYLES):
        layer.loadNamedStyle(qml_path(style, layer), True)  # the QML file, not the DB style
        present_fields(layer, lang, currency, filled)
        save_style_to_database(layer, STYLE_TITLES[style], f"Vendor Risk: {STYLE_TITLES[style]}", i == 0)
    del layer
    if provider == "ogr":
        leave_wal(uri.split("|")[0])  # QGIS switched it to WAL: back, so read-only media work
    return True


def _forget_postgres_styles(uri):
    """Delete our earlier styles of this table: QGIS 3.22 asks in a message box before it
    overwrites a style in PostgreSQL, which would hang a headless run."""
    try:
        import psycopg2
    except ImportError:
        return
    parsed = QgsDataSourceUri(uri)
    try:
        conn = psycopg2.connect(parsed.connectionInfo(True), connect_timeout=15)
    except psycopg2.Error:
        return
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SELECT to_regclass('layer_styles') IS NOT NULL")
            if cur.fetchone()[0]:
                cur.execute(
                    "DELETE FROM layer_styles WHERE f_table_catalog = current_database() "
                    "AND f_table_schema = %s AND f_table_name = %s "
                    "AND stylename = ANY(%s)",
                    (parsed.schema() or "public", parsed.table(), [STYLE_TITLES[s] for s in RISK_STYLES]),
                )
    except psycopg2.Error:
        pass  # QGIS reports its own error when it cannot save
    finally:
        conn.close()


def provider_of(uri):
    """'postgres' for a QGIS postgres URI (dbname=... table=...), else 'ogr' (file|layername)."""
    if "|" not in uri and "table=" in uri:
        parsed = QgsDataSourceUri(uri)
        if parsed.table() and (parsed.database() or parsed.service()):
            return "postgres"
    return "ogr"


class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies the risk styles to a layer Processing loads on completion."""

    instances = []  # Processing keeps no reference: without this, Python would collect us

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            apply_risk_styles(layer, *self.names)

    @classmethod
    def create(cls, lang="en", currency="EUR", filled=None):
        inst = cls()
        inst.names = (lang, currency, filled)
        cls.instances.append(inst)
        return inst


def style_assessment_outputs(path, written, context, lang="en", currency="EUR", titles=None):
    """Save styles into the file or database; in a QGIS session also load the layers, styled,
    each named by `titles` (its scenario's name). Field aliases are in `lang`, money fields
    name `currency`; every risk layer has the same input fields, so one is read for the form."""
    risk = {name: uri for name, uri in written.items() if name.startswith("risk_")}
    first = next(iter(risk.items()), None)
    filled = filled_fields(first[1], first[0]) if first else None
    for name, uri in risk.items():
        save_styles_in_database(uri, name, provider_of(uri), lang, currency, filled)
    if context is None or context.project() is None:
        return
    for name, uri in risk.items():
        title = (titles or {}).get(name, name)
        details = QgsProcessingContext.LayerDetails(title, context.project() or QgsProject.instance(), name)
        details.setPostProcessor(_StylePostProcessor.create(lang, currency, filled))
        provider = provider_of(uri)
        if provider != "ogr":  # Processing guesses files; other providers are named
            uri = QgsProcessingUtils.encodeProviderKeyAndUri(provider, uri)
        context.addLayerToLoadOnCompletion(uri, details)
