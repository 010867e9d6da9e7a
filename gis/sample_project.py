"""The sample city of Valbourg as a QGIS project: its layers in groups, each with its QML style
from resources/sample/styles. Used for the shipped sample_city.qgz and the demo's project."""

import os

from qgis.core import QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

from ..plugin_paths import SAMPLE_STYLE_DIR

ASSET_LAYERS = (
    "cameras",
    "platforms",
    "radio_sites",
    "street_lights",
    "traffic_sensors",
    "iot_gateways",
    "ev_chargers",
)
CONTEXT_LAYERS = ("sensitive_sites", "dwellings")
BACKGROUND = ("districts", "streets")
GROUPS = (
    ("Inventory", ASSET_LAYERS),
    ("Audit context", CONTEXT_LAYERS),
    ("Base map", BACKGROUND),
)
CRS = "EPSG:2154"  # Lambert-93


def style_file(name):
    return os.path.join(SAMPLE_STYLE_DIR, f"{name}.qml")


def sample_layer(gpkg, name):
    """One layer of the sample GeoPackage with its shipped style."""
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise ValueError(f"{os.path.basename(gpkg)} has no layer {name}")
    if os.path.exists(style_file(name)):
        layer.loadNamedStyle(style_file(name))
    return layer


def add_sample_layers(project, gpkg, inventory_visible=True):
    """The sample city's layers in three groups, appended to the project's layer tree;
    returns {name: layer}."""
    root = project.layerTreeRoot()
    layers = {}
    for title, names in GROUPS:
        group = root.addGroup(title)
        for name in names:
            layer = sample_layer(gpkg, name)
            project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            node.setItemVisibilityChecked(inventory_visible or name not in ASSET_LAYERS)
            node.setExpanded(False)
            layers[name] = layer
        group.setExpanded(title == "Inventory")
    project.setCrs(QgsCoordinateReferenceSystem(CRS))
    return layers


def write_project(project, path, title):
    """Save with paths relative to the project file, so the folder can be moved or shared."""
    project.setTitle(title)
    project.writeEntryBool("Paths", "/Absolute", False)
    if not project.write(path):
        raise OSError(f"{path}: {project.error()}")
    return path


def sample_city_project(gpkg, path):
    """A new project of the sample city written to `path` (the shipped sample_city.qgz)."""
    project = QgsProject()
    add_sample_layers(project, gpkg)
    return write_project(project, path, "Valbourg (fictional sample city) — Vendor Risk")
