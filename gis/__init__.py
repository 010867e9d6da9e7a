"""The QGIS side of the engine: layers in and out, styles, rendering, tasks."""
