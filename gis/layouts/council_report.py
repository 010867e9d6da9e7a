"""One-page map report for a council meeting: map, legend, scale bar, key figures, top vendors
and how the figures were produced, as PDF and PNG. Works headless (`make demo`) and from the dock.

Extract, then write: report_data() reads the GeoPackage into a plain structure; council_report()
lays it out on a page.
"""

import re
from dataclasses import dataclass, field

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsMapLayerStyle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QLocale
from qgis.PyQt.QtGui import QColor

from ...risk import money as money_text
from ...risk.assessment.scenarios import ScenarioError, available_scenarios, load_scenario
from ...risk.catalog.freshness import stale_warning
from ..compat import GEOMETRY_POLYGON, LAYOUT_MILLIMETERS, set_label_text_format, set_legend_text_format
from ..io.assessment_read import as_source, read_run_info, read_table
from ..styles.risk import RISK_STYLES, STYLE_TITLES, qml_path
from .render import export_pdf, export_png, map_page, scratch_project, text_table
from .text import text_format

PAGE = (297, 210)  # A4 landscape, millimetres
TOP_VENDORS = 6


translate = QCoreApplication.translate  # pylupdate5 finds translate("Context", "text") calls


def number(value, decimals=0, lang=None):
    """A number grouped as `lang` writes it (1 234 567 in French, 1,234,567 in English);
    without `lang`, as the user's locale does."""
    if lang is None:
        lang = "fr" if QLocale().language() == QLocale.Language.French else "en"
    return money_text.number(value, lang, decimals)


def scenario_label(scenario_id, lang="en", user_folder=None):
    """A scenario's name in the language asked for, else its id."""
    try:
        path = available_scenarios(user_folder).get(scenario_id)
        return load_scenario(path).label(lang) if path else scenario_id
    except (ScenarioError, OSError):
        return scenario_id


def legend_label(label):
    """The risk styles' legend labels in the user's language."""
    labels = {
        "Low": translate("VendorRiskReport", "Low"),
        "Medium": translate("VendorRiskReport", "Medium"),
        "High": translate("VendorRiskReport", "High"),
        "Critical": translate("VendorRiskReport", "Critical"),
        "Incompatible (×)": translate("VendorRiskReport", "Incompatible (×)"),
        "0 — none": translate("VendorRiskReport", "0 — none"),
        "1 — watch": translate("VendorRiskReport", "1 — watch"),
        "2 — restricted": translate("VendorRiskReport", "2 — restricted"),
        "3 — removal": translate("VendorRiskReport", "3 — removal"),
    }
    return labels.get(label, label)


def in_every_style(layer, change):
    """Apply change(layer) to each style of the layer's style manager (and the current one)."""
    manager = layer.styleManager()
    current = manager.currentStyle()
    names = manager.styles()
    for name in names:  # leaving a style stores the layer's state into it
        manager.setCurrentStyle(name)
        change(layer)
    for name in names:
        manager.setCurrentStyle(name)
    manager.setCurrentStyle(current)
    change(layer)


def style_risk_layer(layer):
    """Both risk styles from their QML files, 'Risk score' current, legend in the user's language.

    (Loading a QML by path onto a GeoPackage layer that stores a default style loads the stored
    one instead; building the styles from the files' text avoids that.) Custom properties set
    on the layer before survive switching between the styles.
    """
    manager = layer.styleManager()
    for style in reversed(RISK_STYLES):
        with open(qml_path(style, layer), encoding="utf-8") as fh:
            # without the file's (empty) custom properties, switching styles keeps the layer's
            xml = re.sub(
                r"<customproperties>.*?</customproperties>|<customproperties/>", "", fh.read(), flags=re.S
            )
        title = STYLE_TITLES[style]
        if title in manager.styles() and manager.currentStyle() != title:
            manager.removeStyle(title)
        if title not in manager.styles():
            manager.addStyle(title, QgsMapLayerStyle(xml))
    manager.setCurrentStyle(STYLE_TITLES[RISK_STYLES[0]])
    if "default" in manager.styles():
        manager.removeStyle("default")
    localise_legend(layer)
    layer.triggerRepaint()
    return layer


def localise_legend(layer):
    """Translate the legend of the risk styles (rule-based and categorised) in every style."""

    def change(lyr):
        renderer = lyr.renderer()
        if renderer is None:
            return
        if renderer.type() == "RuleRenderer":
            for rule in renderer.rootRule().children():
                rule.setLabel(legend_label(rule.label()))
        elif renderer.type() == "categorizedSymbol":
            for i, cat in enumerate(renderer.categories()):
                renderer.updateCategoryLabel(i, legend_label(cat.label()))

    in_every_style(layer, change)


@dataclass
class ReportData:
    scenario_id: str
    scenario_name: str
    title: str
    subtitle: str
    figures: list = field(default_factory=list)  # (label, text)
    vendor_header: list = field(default_factory=list)
    vendors: list = field(default_factory=list)  # rows of texts
    range_note: str = ""  # what P50 and P90 are, and where the central total lies
    provenance: str = ""
    summary: dict = field(default_factory=dict)  # the raw scenario_summary row


def report_data(gpkg, scenario_id, lang="en", place=""):
    """The figures of one scenario of an assessment GeoPackage, as texts ready to print."""
    summary = read_table(gpkg, "scenario_summary")
    rows = summary[summary["scenario_id"] == scenario_id]
    if rows.empty:
        raise ValueError(
            translate("VendorRiskReport", "{} holds no scenario '{}' (it has: {})").format(
                as_source(gpkg).label(), scenario_id, ", ".join(summary["scenario_id"])
            )
        )
    row = rows.iloc[0].to_dict()
    info = read_run_info(gpkg)
    vendors = read_table(gpkg, "vendor_summary")
    vendors = vendors[(vendors["scenario_id"] == scenario_id) & (vendors["exposure"] > 0)]
    vendors = vendors.sort_values("exposure", ascending=False, kind="stable").head(TOP_VENDORS)
    name = scenario_label(scenario_id, lang)
    cur = info.get("currency") or "EUR"  # assessments made before the currency was recorded: EUR

    def number(value):
        return money_text.number(value, lang)

    def money(value):
        return money_text.money(value, cur, lang)

    figures = [
        (translate("VendorRiskReport", "Assets assessed"), number(row["assets"])),
        (translate("VendorRiskReport", "Sanction level 3 — removal"), number(row["level_3"])),
        (translate("VendorRiskReport", "Sanction level 2 — restricted"), number(row["level_2"])),
        (translate("VendorRiskReport", "Sanction level 1 — watch"), number(row["level_1"])),
        (translate("VendorRiskReport", "Sanction level 0 — none"), number(row["level_0"])),
        (translate("VendorRiskReport", "Incompatible assets"), number(row["incompatible"])),
        (translate("VendorRiskReport", "Assets to replace"), number(row["forced"])),
        (translate("VendorRiskReport", "Replacement cost"), money(row["replacement_cost"])),
        (translate("VendorRiskReport", "Stranded value"), money(row["stranded_value"])),
        (translate("VendorRiskReport", "Total cost"), money(row["total_cost"])),
        (
            translate("VendorRiskReport", "Cost range (P50 – P90)"),
            "{} – {}".format(number(row["p50_cost"]), money(row["p90_cost"])),
        ),
        (translate("VendorRiskReport", "Expected cost, all scenarios"), money(row["expected_cost"])),
    ]
    unknown = translate("VendorRiskReport", "(unknown vendor)")
    vendor_rows = [
        [
            str(v.vendor_name) if v.vendor_id else unknown,
            number(v.sanction_level),
            number(v.assets),
            money(v.exposure),
        ]
        for v in vendors.itertuples()
    ]
    range_note = _range_note(row, lang, money)
    where = f"{place} — " if place else ""
    run_at = str(info.get("run_at", "")).replace("T", " ")[:16]
    title = translate("VendorRiskReport", "Vendor risk — {}").format(name)
    # pylupdate5 reads no translate() call with a trailing comma: kept as written
    # fmt: off
    subtitle = translate("VendorRiskReport", "{}Jurisdiction {}, reference date {}. Colour: "
                         "risk band; ×: incompatible under the scenario.")
    # fmt: on
    subtitle = subtitle.format(where, info.get("jurisdiction", ""), info.get("reference_date", ""))
    subtitle = " ".join(t for t in (subtitle, stale_warning(info, lang)) if t)
    provenance = translate(
        "VendorRiskReport", "Vendor Risk {} · catalog {} (as of {}) · scenarios: {} · run {} · file {}"
    ).format(
        info.get("input_plugin_version", ""),
        info.get("catalog_version", ""),
        info.get("catalog_as_of", ""),
        ", ".join(scenario_label(s, lang) for s in str(info.get("scenarios", "")).split(",") if s),
        f"{run_at} UTC" if run_at else "",
        as_source(gpkg).label(),
    )
    return ReportData(
        scenario_id=scenario_id,
        scenario_name=name,
        title=title,
        subtitle=subtitle,
        figures=figures,
        vendor_header=[
            translate("VendorRiskReport", "Vendor"),
            translate("VendorRiskReport", "Level"),
            translate("VendorRiskReport", "Assets"),
            translate("VendorRiskReport", "Exposure"),
        ],
        vendors=vendor_rows,
        range_note=range_note,
        provenance=provenance,
        summary=row,
    )


def _range_note(row, lang, money):
    """One line on what P50/P90 are; another when the central total lies outside them."""
    total, p50, p90 = (float(row.get(k) or 0) for k in ("total_cost", "p50_cost", "p90_cost"))
    # fmt: off
    text = translate("VendorRiskReport", "P50 and P90: half and nine in ten of the simulated totals lie "
                     "below them; each draw takes unit costs within the classes' low–high defaults "
                     "and the scenario's cost multiplier within its range. The total cost uses the "
                     "central values.")
    if total < p50:
        text += " " + translate("VendorRiskReport", "The total ({}) lies below the range: the ranges "
                                "reach further above the central values than below them (a rushed "
                                "replacement costs more, rarely less).").format(money(total))
    elif total > p90:
        above = translate("VendorRiskReport", "The total ({}) lies above the range: the ranges "
                          "reach further below the central values than above them.")
        text += " " + above.format(money(total))
    # fmt: on
    return text


def _item(layout, cls):
    return next(i for i in layout.items() if isinstance(i, cls))


def report_layout(project, layer, data, background=()):
    """The page: map on the left, legend, key figures and vendors on the right, provenance."""
    layers = [layer] + list(background)
    layout = map_page(project, layers, data.title, data.subtitle, legend_layers=[layer], page=PAGE)
    layout.setName(data.title)
    right = 196
    map_item = _item(layout, QgsLayoutItemMap)
    map_item.attemptResize(QgsLayoutSize(right - 16, 162, LAYOUT_MILLIMETERS))
    extent = layer.extent()
    for lyr in background:
        extent.combineExtentWith(lyr.extent())
    if not extent.isEmpty():
        extent.scale(1.05)
        map_item.zoomToExtent(extent)
    legend = _item(layout, QgsLayoutItemLegend)
    legend.setTitle(translate("VendorRiskReport", "Legend"))
    for style, size, bold in (
        (QgsLegendStyle.Style.Title, 10, True),
        (QgsLegendStyle.Style.Group, 8, True),
        (QgsLegendStyle.Style.Subgroup, 8, True),
        (QgsLegendStyle.Style.SymbolLabel, 7.5, False),
    ):
        set_legend_text_format(legend, style, text_format(size, bold))
    legend.setSymbolHeight(3.2)
    legend.setSymbolWidth(4.5)
    legend.attemptMove(QgsLayoutPoint(right, 24, LAYOUT_MILLIMETERS))
    legend.adjustBoxSize()
    bar = _item(layout, QgsLayoutItemScaleBar)
    bar.setTextFormat(text_format(7))
    bar.attemptMove(QgsLayoutPoint(12, 190, LAYOUT_MILLIMETERS))
    width = PAGE[0] - right - 8
    text_table(
        layout,
        [translate("VendorRiskReport", "Key figures"), ""],
        data.figures,
        right,
        68,
        width,
        64,
        [0.52, 0.48],
    )
    if data.range_note:
        why = QgsLayoutItemLabel(layout)
        why.setText(data.range_note)
        set_label_text_format(why, text_format(6))
        why.attemptMove(QgsLayoutPoint(right, 132, LAYOUT_MILLIMETERS))
        why.attemptResize(QgsLayoutSize(width, 16, LAYOUT_MILLIMETERS))
        layout.addLayoutItem(why)
    title = QgsLayoutItemLabel(layout)
    set_label_text_format(title, text_format(8, bold=True))
    title.attemptMove(QgsLayoutPoint(right, 149, LAYOUT_MILLIMETERS))
    title.attemptResize(QgsLayoutSize(width, 6, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(title)
    if data.vendors:
        title.setText(translate("VendorRiskReport", "Top vendors by exposure"))
        text_table(layout, data.vendor_header, data.vendors, right, 155, width, 36, [0.32, 0.13, 0.2, 0.35])
    else:
        title.setText(translate("VendorRiskReport", "No vendor is exposed under this scenario."))
    note = QgsLayoutItemLabel(layout)
    note.setText(data.provenance)
    set_label_text_format(note, text_format(6))
    note.attemptMove(QgsLayoutPoint(90, 193, LAYOUT_MILLIMETERS))
    note.attemptResize(QgsLayoutSize(PAGE[0] - 98, 12, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(note)
    return layout


def _quiet_background(layer):
    """Background layers in light greys so the risk colours stand out."""
    symbol = layer.renderer().symbol() if hasattr(layer.renderer(), "symbol") else None
    if symbol is None:
        return
    if layer.geometryType() == GEOMETRY_POLYGON:
        symbol.setColor(QColor("#f2f0eb"))
        symbol.symbolLayer(0).setStrokeColor(QColor("#b9b4aa"))
    else:
        symbol.setColor(QColor("#c8c8c8"))


def council_report(
    gpkg,
    scenario_id,
    out_pdf=None,
    out_png=None,
    background=(),
    lang="en",
    place="",
    layer=None,
    project=None,
    dpi=110,
):
    """Write the report of one scenario to PDF and/or PNG; returns (ReportData, [paths]).

    Headless use gives only the GeoPackage (and optional background layer URIs or layers);
    the dock passes the scenario layer and the project it lives in, so the user's styles show.
    """
    data = report_data(gpkg, scenario_id, lang, place)
    scratch = project is None
    if scratch:
        project = scratch_project()
    if layer is None:
        layer = as_source(gpkg).layer(f"risk_{scenario_id}", data.scenario_name)
        if not layer.isValid():
            raise ValueError(
                translate("VendorRiskReport", "cannot open the layer risk_{} in {}").format(
                    scenario_id, as_source(gpkg).label()
                )
            )
        style_risk_layer(layer)
        project.addMapLayer(layer, False)
    if scratch:
        project.setCrs(layer.crs())
    bg = []
    for item in background or ():
        if isinstance(item, str):
            lyr = QgsVectorLayer(item, item.rsplit("=", 1)[-1], "ogr")
            if not lyr.isValid():
                continue
            _quiet_background(lyr)
            project.addMapLayer(lyr, False)
            bg.append(lyr)
        else:
            bg.append(item)
    layout = report_layout(project, layer, data, bg)
    written = []
    if out_pdf:
        written.append(export_pdf(layout, out_pdf))
    if out_png:
        written.append(export_png(layout, out_png, dpi=dpi))
    return data, written
