"""The replacement plan layer: coloured by planned year, a named style and a map theme per year
(replaced by then in green, still exposed in red)."""

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsMapLayerStyle,
    QgsMapThemeCollection,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ...risk.procurement.plan_report import w
from ..compat import save_style_to_database
from .qml import leave_wal

RAMP = ("#b2182b", "#d6604d", "#f4a582", "#92c5de", "#4393c3", "#2166ac", "#053061")


def _symbol(layer, color):
    sym = QgsSymbol.defaultSymbol(layer.geometryType())
    sym.setColor(QColor(color))
    return sym


def year_renderer(layer, years, lang):
    """Categories by planned year: the first years red (most urgent), the last blue."""
    cats = []
    for i, year in enumerate(years):
        color = RAMP[min(i * len(RAMP) // max(len(years), 1), len(RAMP) - 1)]
        cats.append(
            QgsRendererCategory(int(year), _symbol(layer, color), f"{w('planned_year', lang)} {year}")
        )
    return QgsCategorizedSymbolRenderer("planned_year", cats)


def by_year_renderer(layer, year, lang):
    """Replaced by the end of `year` (green) or still exposed then (red)."""
    root = QgsRuleBasedRenderer.Rule(None)
    done = QgsRuleBasedRenderer.Rule(_symbol(layer, "#1a9850"), 0, 0, f'"planned_year" <= {int(year)}')
    done.setLabel({"en": f"replaced by the end of {year}", "fr": f"remplacés fin {year}"}[lang])
    left = QgsRuleBasedRenderer.Rule(_symbol(layer, "#d73027"), 0, 0, f'"planned_year" > {int(year)}')
    left.setLabel({"en": f"still exposed at the end of {year}", "fr": f"encore exposés fin {year}"}[lang])
    root.appendChild(done)
    root.appendChild(left)
    return QgsRuleBasedRenderer(root)


def style_name(year, lang):
    return f"{w('sheet_years', lang)} {year}"


def style_plan_layer(layer, years, lang):
    """The year renderer as the current style, and one named style per year."""
    layer.setRenderer(year_renderer(layer, years, lang))
    manager = layer.styleManager()
    default = manager.currentStyle()
    for year in years:
        layer.setRenderer(by_year_renderer(layer, year, lang))
        style = QgsMapLayerStyle()
        style.readFromLayer(layer)
        name = style_name(year, lang)
        if name in manager.styles():
            manager.removeStyle(name)
        manager.addStyle(name, style)
    layer.setRenderer(year_renderer(layer, years, lang))
    manager.setCurrentStyle(default)
    layer.triggerRepaint()


def save_plan_style(gpkg_path, layer_name, years, lang):
    layer = QgsVectorLayer(f"{gpkg_path}|layername={layer_name}", layer_name, "ogr")
    if not layer.isValid():
        return f"cannot open {gpkg_path}|layername={layer_name}"
    layer.setRenderer(year_renderer(layer, years, lang))
    error = save_style_to_database(layer, layer_name, "Vendor Risk replacement plan", True)
    del layer
    leave_wal(gpkg_path)
    return error


def add_year_themes(project, layer, years, lang):
    """A map theme per year: every layer as it is shown now, the plan layer in that year's style."""
    themes = project.mapThemeCollection()
    root = project.layerTreeRoot()
    names = []
    for year in years:
        records = []
        for node in root.findLayers():
            lyr = node.layer()
            if lyr is None or not node.isVisible():
                continue
            rec = QgsMapThemeCollection.MapThemeLayerRecord(lyr)
            rec.usingCurrentStyle = True
            rec.currentStyle = (
                style_name(year, lang) if lyr.id() == layer.id() else lyr.styleManager().currentStyle()
            )
            records.append(rec)
        theme = QgsMapThemeCollection.MapThemeRecord()
        theme.setLayerRecords(records)
        name = f"{layer.name()} — {year}"
        (themes.update if themes.hasMapTheme(name) else themes.insert)(name, theme)
        names.append(name)
    return names


class PlanPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles the plan layer when Processing loads it, and adds its map themes."""

    def __init__(self, years, lang):
        super().__init__()
        self.years, self.lang = list(years), lang

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS API
        if layer is None:
            return
        style_plan_layer(layer, self.years, self.lang)
        project = context.project()
        if project is not None:
            add_year_themes(project, layer, self.years, self.lang)
