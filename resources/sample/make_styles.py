"""Regenerate the sample city's QML styles and its QGIS project (a maintainer's tool; the
styles/*.qml files and sample_city.qgz are what ships).

/usr/bin/python3 resources/sample/make_styles.py
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def _marker(shape, color, size, outline="#ffffff"):
    return ("marker", {"name": shape, "color": color, "size": size, "outline_color": outline})


# layer: (symbol kind, properties): one plain, readable symbol per layer
SYMBOLS = {
    "cameras": _marker("triangle", "#1f78b4", "2.6"),
    "platforms": _marker("star", "#e31a1c", "4.5"),
    "radio_sites": _marker("diamond", "#6a3d9a", "3.2"),
    "street_lights": _marker("circle", "#e6ab02", "1.4", "#9c7300"),
    "traffic_sensors": _marker("square", "#33a02c", "2"),
    "iot_gateways": _marker("pentagon", "#ff7f00", "2.6"),
    "ev_chargers": _marker("circle", "#00a6a6", "2.4"),
    "sensitive_sites": _marker("cross_fill", "#984ea3", "3"),
    "dwellings": ("fill", {"color": "#e8e0d0", "outline_color": "#b8ac98", "outline_width": "0.1"}),
    "districts": ("fill", {"color": "#f4f4f2", "outline_color": "#8c8c8c", "outline_width": "0.4"}),
    "streets": ("line", {"color": "#c8c8c8", "width": "0.5"}),
}
LABELS = {"districts": "nom"}


def main():
    sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))
    from cli import import_plugin_package

    import_plugin_package()
    from qgis.core import (
        QgsApplication,
        QgsFillSymbol,
        QgsLineSymbol,
        QgsMarkerSymbol,
        QgsPalLayerSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )

    app = QgsApplication([], False)
    app.initQgis()
    from vendor_risk.gis.sample_project import sample_city_project, sample_layer, style_file
    from vendor_risk.plugin_paths import SAMPLE_CITY, SAMPLE_PROJECT, SAMPLE_STYLE_DIR

    make = {"marker": QgsMarkerSymbol, "fill": QgsFillSymbol, "line": QgsLineSymbol}
    os.makedirs(SAMPLE_STYLE_DIR, exist_ok=True)
    for name, (kind, props) in SYMBOLS.items():
        layer = sample_layer(SAMPLE_CITY, name)
        layer.renderer().setSymbol(make[kind].createSimple(props))
        if name in LABELS:
            settings = QgsPalLayerSettings()
            settings.fieldName = LABELS[name]
            text = QgsTextFormat()
            text.setSize(9)
            settings.setFormat(text)
            layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
            layer.setLabelsEnabled(True)
        layer.saveNamedStyle(style_file(name))
        print("wrote", style_file(name))
    print("wrote", sample_city_project(SAMPLE_CITY, SAMPLE_PROJECT))
    app.exitQgis()


if __name__ == "__main__":
    main()
