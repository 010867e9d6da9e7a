"""A run on the map: one group of styled scenario layers, one map theme per scenario, and the
comparison layers. Only project and layer-tree bookkeeping; no risk logic."""

import os
from datetime import datetime

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsLayerTree,
    QgsLayerTreeModel,
    QgsMapThemeCollection,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..gis.io.assessment_read import AssessmentFileError, as_source, filled_by_layer
from ..gis.layouts.council_report import in_every_style, style_risk_layer
from ..gis.styles.risk import present_fields

ROLE = "vendor_risk/role"  # 'scenario' or 'comparison' on the layers a run adds
SCENARIO = "vendor_risk/scenario"


def group_name(when):
    return QCoreApplication.translate("VendorRiskDock", "Vendor risk — {}").format(
        when.strftime("%Y-%m-%d %H:%M")
    )


def show_reasons(layer, field="reasons"):
    """`reasons` as multi-line text in the attribute form and identify results, in every style."""
    index = layer.fields().indexOf(field)
    if index < 0:
        return

    def apply(lyr):
        lyr.setEditorWidgetSetup(
            index, QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
        )
        lyr.setFieldAlias(index, QCoreApplication.translate("VendorRiskDock", "Why (reasons)"))

    in_every_style(layer, apply)


def add_run_group(project, gpkg, scenario_ids, labels, when=None, lang="en", currency="EUR", inputs=()):
    """Load risk_<id> of each scenario, styled, into a new group on top; returns (group, layers).

    Only the first scenario is visible; map themes switch between them. Earlier runs' groups
    and the `inputs` (layers the run read) are unchecked: one run shows at a time.
    """
    when = when or datetime.now()
    root = project.layerTreeRoot()
    name, n = group_name(when), 2
    if root.findGroup(name) is not None:
        name = QCoreApplication.translate("VendorRiskDock", "Vendor risk — {}").format(
            when.strftime("%Y-%m-%d %H:%M:%S")
        )
    base = name
    while root.findGroup(name) is not None:
        name, n = f"{base} ({n})", n + 1
    layers, broken = {}, []
    try:
        filled = filled_by_layer(as_source(gpkg), f"risk_{scenario_ids[0]}") if scenario_ids else None
    except AssessmentFileError:
        filled = None
    for sid in scenario_ids:
        layer = as_source(gpkg).layer(f"risk_{sid}", labels.get(sid, sid))
        if not layer.isValid():
            broken.append(sid)
            continue
        layer.setCustomProperty(ROLE, "scenario")  # before the styles, which then keep them
        layer.setCustomProperty(SCENARIO, sid)
        style_risk_layer(layer)
        in_every_style(layer, lambda lyr: present_fields(lyr, lang, currency, filled))
        show_reasons(layer)
        layers[sid] = layer
    if broken:
        raise ValueError(
            QCoreApplication.translate("VendorRiskDock", "{} does not hold the layers {}").format(
                as_source(gpkg).label(), ", ".join(f"risk_{s}" for s in broken)
            )
        )
    hide_earlier(root, inputs)
    group = root.insertGroup(0, name)
    for i, sid in enumerate(scenario_ids):
        project.addMapLayer(layers[sid], False)
        node = group.addLayer(layers[sid])
        node.setItemVisibilityChecked(i == 0)
        node.setExpanded(i == 0)
    create_themes(project, group, layers, labels)
    return group, layers


def hide_earlier(root, inputs=()):
    """Uncheck the groups of earlier runs and the input layers of this one."""
    for node in root.children():
        if QgsLayerTree.isGroup(node) and any(is_ours(n.layer()) for n in node.findLayers() if n.layer()):
            node.setItemVisibilityChecked(False)
    for layer in inputs:
        node = root.findLayer(layer.id())
        if node is not None:
            node.setItemVisibilityChecked(False)


def show_pair(group, layer_ids, comparison_id):
    """After a comparison: its layer and the two scenarios compared, nothing else of the run."""
    group.setItemVisibilityChecked(True)
    for node in group.findLayers():
        node.setItemVisibilityChecked(node.layerId() in set(layer_ids) | {comparison_id})


def theme_name(group, label):
    return f"{group.name()} — {label}"


def create_themes(project, group, layers, labels):
    """One map theme per scenario: the group's other scenario layers hidden."""
    root = project.layerTreeRoot()
    themes = project.mapThemeCollection()
    model = QgsLayerTreeModel(root)
    before = {n.layerId(): n.itemVisibilityChecked() for n in group.findLayers()}
    try:
        for sid, layer in layers.items():
            show_only(group, layer.id())
            record = QgsMapThemeCollection.createThemeFromCurrentState(root, model)
            name = theme_name(group, labels.get(sid, sid))
            if themes.hasMapTheme(name):
                themes.update(name, record)
            else:
                themes.insert(name, record)
    finally:
        for layer_id, visible in before.items():
            node = group.findLayer(layer_id)
            if node is not None:
                node.setItemVisibilityChecked(visible)
        del model


def remove_themes(project, group):
    themes = project.mapThemeCollection()
    for name in themes.mapThemes():
        if name.startswith(group.name() + " — "):
            themes.removeMapTheme(name)


def show_only(group, layer_id):
    """Show one scenario layer of a run's group; hide its other scenario layers."""
    group.setItemVisibilityChecked(True)
    for node in group.findLayers():
        layer = node.layer()
        if layer is not None and layer.customProperty(ROLE) == "scenario":
            node.setItemVisibilityChecked(node.layerId() == layer_id)


def run_layers(group):
    """{scenario id: layer} of a run's group, in the group's order."""
    out = {}
    for node in group.findLayers():
        layer = node.layer()
        if layer is not None and layer.customProperty(ROLE) == "scenario":
            out[layer.customProperty(SCENARIO)] = layer
    return out


def add_comparison(project, group, uri, name):
    layer = QgsVectorLayer(uri, name, "ogr")
    if not layer.isValid():
        raise ValueError(QCoreApplication.translate("VendorRiskDock", "cannot open {}").format(uri))
    layer.setCustomProperty(ROLE, "comparison")
    project.addMapLayer(layer, False)
    group.insertLayer(0, layer)
    return layer


def source_path(layer):
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return parts.get("path") or ""


def layers_using(project, path):
    """Names of the project's layers read from the file `path`."""
    target = os.path.normcase(os.path.abspath(path))
    return [
        lyr.name()
        for lyr in project.mapLayers().values()
        if source_path(lyr) and os.path.normcase(os.path.abspath(source_path(lyr))) == target
    ]


def is_ours(layer):
    return bool(layer.customProperty(ROLE))
