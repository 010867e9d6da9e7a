"""The attribute form, identify results and attribute table of a risk layer, laid out by
risk/form_layout.py: reasons and key figures first, each input layer's fields only on its own
assets, fields nobody filled hidden. Part of the layer's style, so saved with it."""

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsOptionalExpression,
)

from ...risk.form_layout import ASSET, WHY, form_tabs, hidden_columns
from ...risk.labels import label
from ...risk.schema import SOURCE_LAYER
from ..compat import FORM_DRAG_AND_DROP

TABLE_FIRST = ASSET[:3] + WHY  # layer, asset id, vendor, then why


def tab_title(tab, lang):
    return label(f"form.{tab.key}", lang).replace("{layer}", tab.layer or "")


def set_form(layer, lang="en", filled=None):
    """Lay out the layer's form; `filled` = {source_layer: columns holding a value}, None when
    unknown (then every field shows)."""
    names = layer.fields().names()
    filled = filled if filled is not None else {}
    config = layer.editFormConfig()
    config.setLayout(FORM_DRAG_AND_DROP)
    config.clearTabs()
    root = config.invisibleRootContainer()
    for tab in form_tabs(names, filled):
        box = QgsAttributeEditorContainer(tab_title(tab, lang), root)
        if tab.layer is not None and SOURCE_LAYER.name in names:
            field = QgsExpression.quotedColumnRef(SOURCE_LAYER.name)
            rule = f"{field} = {QgsExpression.quotedValue(tab.layer)}"
            box.setVisibilityExpression(QgsOptionalExpression(QgsExpression(rule)))
        for name in tab.fields:
            box.addChildElement(QgsAttributeEditorField(name, names.index(name), box))
        config.addTab(box)
    layer.setEditFormConfig(config)
    hidden = set(hidden_columns(names, filled))
    for name in hidden:  # neither in the form nor in the identify results
        layer.setEditorWidgetSetup(names.index(name), QgsEditorWidgetSetup("Hidden", {}))
    if "reasons" in names:
        layer.setEditorWidgetSetup(
            names.index("reasons"), QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
        )
    if "risk_band" in names:  # the band in words, as the legend names it
        bands = [{label(f"band.{b}", lang): b} for b in ("low", "medium", "high", "critical")]
        layer.setEditorWidgetSetup(names.index("risk_band"), QgsEditorWidgetSetup("ValueMap", {"map": bands}))
    set_table_columns(layer, hidden)


def set_table_columns(layer, hidden):
    """The attribute table: who and why first, empty columns hidden."""
    table = layer.attributeTableConfig()
    table.update(layer.fields())
    columns = table.columns()
    rank = {name: i for i, name in enumerate(TABLE_FIRST)}
    columns.sort(key=lambda c: rank.get(c.name, len(rank)))  # stable: the rest keep their order
    for column in columns:
        column.hidden = column.name in hidden
    table.setColumns(columns)
    layer.setAttributeTableConfig(table)
