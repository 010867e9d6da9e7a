"""Regenerate the risk layer QML styles (a maintainer's tool; the QML files are what ships).

/usr/bin/python3 resources/styles/make_styles.py
"""

import os
import sys

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsVectorLayer,
)

HERE = os.path.dirname(os.path.abspath(__file__))
BANDS = (
    ("low", "#1a9641", "Low", 1.6),
    ("medium", "#fdae61", "Medium", 2.2),
    ("high", "#f46d43", "High", 2.8),
    ("critical", "#a50026", "Critical", 3.3),
)
LEVELS = (
    (0, "#bdbdbd", "0 — none"),
    (1, "#fee08b", "1 — watch"),
    (2, "#f46d43", "2 — restricted"),
    (3, "#7f0000", "3 — removal"),
)
MAP_TIP = (
    '<b>[% "vendor_name" %]</b> — [% "asset_class" %]<br>'
    'Risk [% "risk_score" %] ([% "risk_band" %]), sanction level '
    '[% "sanction_level" %]<br>[% "reasons" %]'
)


def symbol(geom, color, size=2.6):
    if geom == "point":
        return QgsMarkerSymbol.createSimple(
            {
                "name": "circle",
                "color": color,
                "size": str(size),
                "outline_color": "#333333",
                "outline_width": "0.2",
            }
        )
    if geom == "line":
        return QgsLineSymbol.createSimple({"color": color, "width": "0.9"})
    return QgsFillSymbol.createSimple({"color": color, "outline_color": "#333333", "outline_width": "0.2"})


def incompatible_symbol(geom):
    if geom == "point":
        return QgsMarkerSymbol.createSimple(
            {
                "name": "cross2",
                "color": "#000000",
                "size": "3.4",
                "outline_color": "#000000",
                "outline_width": "0.5",
            }
        )
    if geom == "line":
        return QgsLineSymbol.createSimple({"color": "#000000", "width": "0.4", "line_style": "dash"})
    return QgsFillSymbol.createSimple({"style": "b_diagonal", "color": "#000000", "outline_style": "no"})


def risk_renderer(geom):
    root = QgsRuleBasedRenderer.Rule(None)
    for key, color, label, size in BANDS:
        root.appendChild(
            QgsRuleBasedRenderer.Rule(symbol(geom, color, size), 0, 0, f"\"risk_band\" = '{key}'", label)
        )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(incompatible_symbol(geom), 0, 0, 'NOT "compatible"', "Incompatible (×)")
    )
    return _riskiest_on_top(QgsRuleBasedRenderer(root))


def _riskiest_on_top(renderer):
    clause = QgsFeatureRequest.OrderByClause("risk_score", True)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([clause]))
    renderer.setOrderByEnabled(True)
    return renderer


def level_renderer(geom):
    cats = [QgsRendererCategory(v, symbol(geom, c, 1.6 + 0.5 * v), label) for v, c, label in LEVELS]
    renderer = QgsCategorizedSymbolRenderer("sanction_level", cats)
    clause = QgsFeatureRequest.OrderByClause("sanction_level", True)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([clause]))
    renderer.setOrderByEnabled(True)
    return renderer


def main():
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    fields = (
        "field=risk_band:string&field=risk_score:double&field=compatible:integer"
        "&field=sanction_level:integer&field=reasons:string&field=vendor_name:string"
        "&field=asset_class:string"
    )
    for geom, qtype in (("point", "Point"), ("line", "LineString"), ("polygon", "Polygon")):
        layer = QgsVectorLayer(f"{qtype}?{fields}", "risk", "memory")
        layer.setMapTipTemplate(MAP_TIP)
        layer.setDisplayExpression('"vendor_name" || \' — \' || "reasons"')
        for name, renderer in (("risk_score", risk_renderer(geom)), ("sanction_level", level_renderer(geom))):
            layer.setRenderer(renderer)
            path = os.path.join(HERE, f"{name}_{geom}.qml")
            msg, ok = layer.saveNamedStyle(path)
            if not ok:
                sys.exit(f"could not write {path}: {msg}")
            print(path)
    app.exitQgis()


if __name__ == "__main__":
    main()
