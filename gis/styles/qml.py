"""Bundled QML styles: applied when outputs are loaded, and stored in the GeoPackage itself."""

import os
import sqlite3

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingLayerPostProcessorInterface,
    QgsVectorLayer,
)

from ...plugin_paths import STYLE_DIR
from ..compat import save_style_to_database

_ALIVE = []  # post-processors live here until QGIS has used them (ownership goes to C++)


def style_path(name):
    """resources/styles/<name>.qml"""
    return os.path.join(STYLE_DIR, name if name.endswith(".qml") else name + ".qml")


def apply_qml(layer, qml_path):
    """Load a QML style onto a layer; returns (ok, message)."""
    message, ok = layer.loadNamedStyle(qml_path)
    if ok:
        layer.triggerRepaint()
    return ok, message


def save_default_style(gpkg_path, layer_name, qml_path):
    """Store a QML style in the GeoPackage's layer_styles table as the layer's default.

    Returns '' on success, else the error. The GeoPackage is left in its ordinary journal
    mode (QGIS switches it to WAL while writing), so the file can be moved or copied alone.
    """
    layer = QgsVectorLayer(f"{gpkg_path}|layername={layer_name}", layer_name, "ogr")
    if not layer.isValid():
        return f"cannot open {gpkg_path}|layername={layer_name}"
    ok, message = apply_qml(layer, qml_path)
    if not ok:
        return message
    error = save_style_to_database(layer, layer_name, f"Vendor Risk style {os.path.basename(qml_path)}", True)
    del layer
    leave_wal(gpkg_path)
    return error or ""


def leave_wal(gpkg_path):
    """Back to the rollback journal (QGIS writes in WAL mode), everything in the file."""
    con = sqlite3.connect(gpkg_path)
    try:
        mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        if str(mode).lower() == "wal":
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


class QmlPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML file to a Processing output when QGIS loads it into the project."""

    def __init__(self, qml_path):
        super().__init__()
        self.qml_path = qml_path

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None:
            return
        ok, message = apply_qml(layer, self.qml_path)
        if not ok and feedback is not None:
            feedback.reportError(f"style {os.path.basename(self.qml_path)}: {message}")


def load_styled_on_completion(context, uri, name, qml_path, output_name=""):
    """Ask Processing to load `uri` when the run ends, with a QML style applied then."""
    if not context.willLoadLayerOnCompletion(uri):
        details = QgsProcessingContext.LayerDetails(name, context.project(), output_name)
        details.forceName = True
        context.addLayerToLoadOnCompletion(uri, details)
    processor = keep_alive(QmlPostProcessor(qml_path))
    context.layerToLoadOnCompletionDetails(uri).setPostProcessor(processor)
    return processor


def keep_alive(processor):
    """Hold a post-processor until QGIS has used it (QGIS does not take a Python reference)."""
    _ALIVE[:] = [p for p in _ALIVE if not _deleted(p)]
    _ALIVE.append(processor)
    return processor


def _deleted(obj):
    try:
        from qgis.PyQt import sip
    except ImportError:  # pragma: no cover - older bindings
        import sip
    return sip.isdeleted(obj)
