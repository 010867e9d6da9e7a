"""Bundled QML styles on every assessment layer: in the GeoPackage and when loaded in QGIS."""

import os

from qgis.core import (
    QgsMapLayerStyle,
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(__file__)), "resources", "styles")
RISK_STYLES = ("risk_score", "sanction_level")  # the first is the default
STYLE_TITLES = {"risk_score": "Risk score", "sanction_level": "Sanction level"}


def qml_path(style, layer):
    geom = {QgsWkbTypes.PointGeometry: "point", QgsWkbTypes.LineGeometry: "line",
            QgsWkbTypes.PolygonGeometry: "polygon"}.get(layer.geometryType(), "point")
    return os.path.join(STYLE_DIR, f"{style}_{geom}.qml")


def apply_risk_styles(layer):
    """Load the default style and register both styles in the layer's style manager."""
    manager = layer.styleManager()
    for style in reversed(RISK_STYLES):
        layer.loadNamedStyle(qml_path(style, layer))
        current = QgsMapLayerStyle()
        current.readFromLayer(layer)
        title = STYLE_TITLES[style]
        if title in manager.styles():
            manager.removeStyle(title)
        manager.addStyle(title, current)
    manager.setCurrentStyle(STYLE_TITLES[RISK_STYLES[0]])
    layer.triggerRepaint()
    return layer


def save_styles_in_gpkg(uri, name):
    """Store both styles in the GeoPackage's layer_styles table, risk score as default."""
    layer = QgsVectorLayer(uri, name, "ogr")
    if not layer.isValid():
        return False
    for i, style in enumerate(RISK_STYLES):
        layer.loadNamedStyle(qml_path(style, layer))
        layer.saveStyleToDatabase(STYLE_TITLES[style], f"Vendor Risk: {STYLE_TITLES[style]}",
                                  i == 0, "")
    return True


class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies the risk styles to a layer Processing loads on completion."""

    instances = []  # Processing keeps no reference: without this, Python would collect us

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            apply_risk_styles(layer)

    @classmethod
    def create(cls):
        inst = cls()
        cls.instances.append(inst)
        return inst


def style_assessment_outputs(path, written, context):
    """Save styles into the file; in a QGIS session also load the layers, styled."""
    for name, uri in written.items():
        if name.startswith("risk_"):
            save_styles_in_gpkg(uri, name)
    if context is None or context.project() is None:
        return
    for name, uri in written.items():
        if not name.startswith("risk_"):
            continue
        details = QgsProcessingContext.LayerDetails(name, context.project() or
                                                    QgsProject.instance(), name)
        details.setPostProcessor(_StylePostProcessor.create())
        context.addLayerToLoadOnCompletion(uri, details)
