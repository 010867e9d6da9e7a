"""The audit report as a PDF built with a QGIS print layout: map, legend, tables, method."""

import math
import os

import numpy as np
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendStyle,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProject,
    QgsRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ...risk.catalog.freshness import stale_warning
from ...risk.safety.tempfiles import temp_beside
from ...risk.safety.text import strip_invisible
from ..compat import (
    DISTANCE_METERS,
    LAYOUT_MILLIMETERS,
    null_rectangle,
    set_label_text_format,
    set_legend_text_format,
)
from ..styles.qml import apply_qml, style_path
from .text import text_format

MM = LAYOUT_MILLIMETERS
PAGE_W, PAGE_H, MARGIN = 297.0, 210.0, 10.0
MAP_Y, MAP_W, MAP_H = 30.0, 190.0, 160.0
METHOD_H = 30.0
MAX_FINDING_ROWS = 3000
_SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3}


def _text_format(size, bold=False):
    return text_format(size, bold, color=(20, 20, 20))


def _place(item, x, y, w, h, page=0):
    item.attemptResize(QgsLayoutSize(w, h, MM))
    item.attemptMove(QgsLayoutPoint(x, y, MM), page=page)


def _label(layout, text, x, y, w, h, size=9, bold=False, page=0):
    label = QgsLayoutItemLabel(layout)
    label.setText(strip_invisible(text))
    set_label_text_format(label, text_format(size, bold))
    label.setMode(QgsLayoutItemLabel.Mode.ModeFont)
    layout.addLayoutItem(label)
    _place(label, x, y, w, h, page)
    return label


def _context_layer(layer, name, symbol):
    """An input layer re-opened for the report, so the user's own layer object is not touched."""
    if layer is None:
        return None
    clone = QgsVectorLayer(layer.source(), name, layer.providerType())
    if not clone.isValid():
        return None
    clone.setRenderer(QgsSingleSymbolRenderer(symbol))
    return clone


def _output_layers(gpkg_path):
    """The audit layers, styled; plus the breaches alone with smaller symbols for the overview."""
    out = {}
    for name, title, style in (
        ("findings", "Findings", "findings"),
        ("fields_of_view", "Fields of view (dashed: assumed)", "fov"),
        ("district_coverage", "Districts: share under view", "district_coverage"),
    ):
        layer = QgsVectorLayer(f"{gpkg_path}|layername={name}", title, "ogr")
        if layer.isValid():
            apply_qml(layer, style_path(style))
            out[name] = layer
    if "findings" in out:
        overview = QgsVectorLayer(f"{gpkg_path}|layername=findings", "Breaches (most severe on top)", "ogr")
        apply_qml(overview, style_path("findings"))
        overview.setSubsetString("\"status\" = 'breach'")
        for rule in overview.renderer().rootRule().children():
            rule.symbol().setSize(rule.symbol().size() * 0.5)
        out["overview"] = overview
    return out


def _table(layout, headers, widths, rows, x, y, w, h, page):
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    columns = []
    for head, width in zip(headers, widths):
        col = QgsLayoutTableColumn(head)
        col.setWidth(width)
        columns.append(col)
    table.setColumns(columns)
    table.setContents([[strip_invisible(str(v)) for v in row] for row in rows])
    table.setHeaderTextFormat(_text_format(8, True))
    table.setContentTextFormat(_text_format(7.5))
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setCellMargin(1.0)
    table.setGridStrokeWidth(0.2)
    table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)  # headers on every page
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage("none")
    frame = QgsLayoutFrame(layout, table)
    _place(frame, x, y, w, h, page)
    table.addFrame(frame)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    return table


def _add_page(layout):
    page = QgsLayoutItemPage(layout)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
    layout.pageCollection().addPage(page)
    return layout.pageCollection().pageCount() - 1


def build_layout(report, gpkg_path, work_wkt, context_layers=None, focus_xy=None):
    """The print layout (and the project holding its layers).

    Page 1: the city, breaches over district coverage. Page 2: a detail map where breaches
    are densest, with fields of view and dwellings. Then the per-rule table with the method,
    then every breach.
    """
    project = QgsProject()
    context_layers = context_layers or {}
    out = _output_layers(gpkg_path)
    dwell = _context_layer(
        context_layers.get("dwellings"),
        "Dwellings / buildings",
        QgsFillSymbol.createSimple(
            {"color": "210,210,210,255", "outline_color": "140,140,140,255", "outline_width": "0.1"}
        ),
    )
    sites = _context_layer(
        context_layers.get("sensitive_sites"),
        "Sensitive sites",
        QgsMarkerSymbol.createSimple(
            {
                "name": "star",
                "color": "49,130,189",
                "outline_color": "255,255,255",
                "outline_width": "0.2",
                "size": "3.4",
            }
        ),
    )
    districts = out.get("district_coverage")
    overview_layers = _present(out.get("overview"), sites, districts)
    detail_layers = _present(out.get("findings"), sites, out.get("fields_of_view"), dwell)
    project.addMapLayers(
        _present(out.get("findings"), out.get("overview"), sites, out.get("fields_of_view"), dwell, districts)
    )
    crs = QgsCoordinateReferenceSystem.fromWkt(work_wkt)
    project.setCrs(crs)
    meta = project.metadata()
    meta.setTitle(f"Camera audit — {report.title}")
    project.setMetadata(meta)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(PAGE_W, PAGE_H, MM))
    layout.setName("Camera audit")
    totals = report.totals()
    info = dict(report.run_info)
    rs = report.ruleset

    _label(layout, f"Camera audit — {report.title}", MARGIN, 7, PAGE_W - 2 * MARGIN, 10, 16, True)
    _label(
        layout,
        f"Rule set {rs.id} {rs.version} — {rs.title_en}\nJurisdiction "
        f"{info.get('jurisdiction', '')} · audit date {info.get('audit_date', '')} · generated "
        f"{info.get('generated', '')} by Vendor Risk {info.get('plugin_version', '')}"
        + (f" · vendor catalog as of {info['catalog_as_of']}" if info.get("catalog_as_of") else "")
        + (f"\n{stale}" if (stale := stale_warning(info, "en")) else ""),
        MARGIN,
        17,
        PAGE_W - 2 * MARGIN,
        11,
        8.5,
    )
    city_extent = _extent(_present(out.get("fields_of_view"), districts), crs, project)
    overview = _map(layout, overview_layers, crs, city_extent, 0)
    right = MARGIN + MAP_W + 6
    width = PAGE_W - MARGIN - right
    _label(
        layout,
        "\n".join(
            [
                f"{totals['cameras']} cameras audited against {len(rs.rules)} rules",
                f"{totals['breaches']} breaches on {totals['cameras_with_breach']} cameras",
                f"{totals['cannot_verify']} findings 'cannot verify'",
                f"{totals['cameras_unverified_only']} cameras with only unverifiable rules",
                f"{totals['cameras_compliant']} cameras with no finding",
            ]
        ),
        right,
        30,
        width,
        28,
        9,
        False,
    )
    _legend(layout, overview, right, 60, width)

    page = _add_page(layout)
    detail_box = _detail_extent(focus_xy, city_extent)
    _label(layout, "Detail: where breaches are densest", MARGIN, 8, MAP_W, 8, 13, True, page)
    _label(
        layout,
        "Each camera's field of view is drawn from its direction, angle and range; "
        "a dashed outline means a value was missing and the rule set's default was assumed.",
        MARGIN,
        17,
        PAGE_W - 2 * MARGIN,
        10,
        8.5,
        False,
        page,
    )
    detail = _map(layout, detail_layers, crs, detail_box, page)
    _legend(layout, detail, right, 30, width, page)
    frame = QgsLayoutItemMapOverview("detail", overview)
    frame.setLinkedMap(detail)
    frame.setFrameSymbol(
        QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "0,0,0", "outline_width": "0.6"})
    )
    overview.overviews().addOverview(frame)

    page = _add_page(layout)
    _label(layout, "Method", MARGIN, 8, 100, 8, 13, True, page)
    method = "\n".join("• " + line for line in report.method_lines())
    _label(layout, method, MARGIN, 17, PAGE_W - 2 * MARGIN, METHOD_H, 7.5, False, page)
    top = 17 + METHOD_H + 3
    _label(layout, "Findings per rule", MARGIN, top, 200, 8, 13, True, page)
    rows = [
        [f"{r.rule_id}\n{r.title}\n{r.title_fr}", r.severity, r.breaches, r.cannot_verify, r.legal_basis]
        for r in report.per_rule.itertuples(index=False)
    ]
    per_rule = _table(
        layout,
        ["Rule", "Severity", "Breaches", "Cannot verify", "Legal basis"],
        [85, 18, 18, 20, 130],
        rows,
        MARGIN,
        top + 9,
        PAGE_W - 2 * MARGIN,
        PAGE_H - top - 9 - 12,
        page,
    )
    per_rule.recalculateFrameSizes()  # while this is the last page: overflow pages come next

    breaches = report.findings[report.findings["status"] == "breach"].copy()
    breaches["order"] = breaches["severity"].map(_SEVERITY_ORDER)
    breaches = breaches.sort_values(["order", "rule_id", "camera_id"])
    page = _add_page(layout)
    note = (
        f" (first {MAX_FINDING_ROWS} of {len(breaches)}; all are in the workbook)"
        if len(breaches) > MAX_FINDING_ROWS
        else ""
    )
    _label(layout, f"Breaches, most severe first{note}", MARGIN, 8, 260, 8, 13, True, page)
    pc = report.per_camera
    where = dict(zip(pc["camera_id"], pc["location"])) if "location" in pc.columns else {}
    rows = [
        [f.camera_id, where.get(f.camera_id, ""), f.rule_id, f.severity, f.evidence]
        for f in breaches.head(MAX_FINDING_ROWS).itertuples(index=False)
    ]
    listing = _table(
        layout,
        ["Camera", "Where (district · coordinates)", "Rule", "Severity", "Evidence"],
        [24, 48, 44, 16, 136],
        rows,
        MARGIN,
        18,
        PAGE_W - 2 * MARGIN,
        PAGE_H - 18 - 14,
        page,
    )
    listing.recalculateFrameSizes()
    _footers(layout, report.title)
    return layout, project


def _present(*layers):
    return [lyr for lyr in layers if lyr is not None]


def _map(layout, layers, crs, extent, page):
    """A framed map at the left of a page, with a north arrow and a scale bar."""
    item = QgsLayoutItemMap(layout)
    item.setCrs(crs)
    item.setLayers(layers)
    item.setFrameEnabled(True)
    item.setBackgroundColor(QColor(255, 255, 255))
    layout.addLayoutItem(item)
    _place(item, MARGIN, MAP_Y, MAP_W, MAP_H, page)
    item.zoomToExtent(extent)
    north = QgsLayoutItemPicture(layout)
    north.setPicturePath(os.path.join(QgsApplication.pkgDataPath(), "svg", "arrows", "NorthArrow_02.svg"))
    north.setLinkedMap(item)
    north.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
    north.setBackgroundEnabled(True)
    north.setBackgroundColor(QColor(255, 255, 255, 200))
    layout.addLayoutItem(north)
    _place(north, MARGIN + MAP_W - 13, MAP_Y + 3, 10, 12, page)
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(item)
    bar.setUnits(DISTANCE_METERS)
    bar.setUnitLabel("m")
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setUnitsPerSegment(_nice_segment(item.extent().width() / 8))
    bar.setTextFormat(_text_format(7))
    bar.setBackgroundEnabled(True)
    layout.addLayoutItem(bar)
    bar.refreshItemSize()
    height = bar.sizeWithUnits().height()
    bar.attemptMove(QgsLayoutPoint(MARGIN + 2, MAP_Y + MAP_H - height - 2, MM), page=page)
    return item


def _legend(layout, map_item, x, y, width, page=0):
    """A legend listing only what the linked map shows."""
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("Legend")
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(True)
    for style, size, bold in (
        (QgsLegendStyle.Style.Title, 9, True),
        (QgsLegendStyle.Style.Subgroup, 8, True),
        (QgsLegendStyle.Style.SymbolLabel, 7.5, False),
    ):
        set_legend_text_format(legend, style, text_format(size, bold))
    legend.setSymbolHeight(3.5)
    legend.setSymbolWidth(5)
    layout.addLayoutItem(legend)
    _place(legend, x, y, width, 120, page)
    legend.setResizeToContents(True)
    return legend


def _detail_extent(focus_xy, city_extent):
    """A window of about 600 m around the densest cluster of cameras with breaches."""
    width = 600.0
    height = width * MAP_H / MAP_W
    if focus_xy is None or not len(focus_xy[0]):
        c = city_extent.center()
        cx, cy = c.x(), c.y()
    else:
        x, y = np.asarray(focus_xy[0], float), np.asarray(focus_xy[1], float)
        ok = np.isfinite(x) & np.isfinite(y)
        x, y = x[ok], y[ok]
        cell = width / 2
        keys = np.floor(x / cell).astype(np.int64) * 1_000_003 + np.floor(y / cell).astype(np.int64)
        values, counts = np.unique(keys, return_counts=True)
        best = values[np.argmax(counts)] if len(values) else None
        pick = keys == best
        cx, cy = (np.median(x[pick]), np.median(y[pick])) if pick.any() else (0.0, 0.0)
    return QgsRectangle(cx - width / 2, cy - height / 2, cx + width / 2, cy + height / 2)


def _footers(layout, title):
    pages = layout.pageCollection().pageCount()
    for p in range(pages):
        _label(
            layout,
            f"Vendor Risk camera audit — {title} — page {p + 1} of {pages}",
            MARGIN,
            PAGE_H - 7,
            PAGE_W - 2 * MARGIN,
            5,
            7,
            False,
            p,
        )


def _extent(layers, crs, project):
    box = null_rectangle()
    for layer in layers:
        ext = layer.extent()
        if ext.isEmpty() and layer.featureCount() == 0:
            continue
        if layer.crs() != crs:
            ext = QgsCoordinateTransform(layer.crs(), crs, project).transformBoundingBox(ext)
        box.combineExtentWith(ext)
    if box.isEmpty() or box.isNull():
        return QgsRectangle(-100, -100, 100, 100)
    box.grow(max(box.width(), box.height()) * 0.03 + 20)
    return box


def _nice_segment(length):
    """A round segment length (1, 2, 5 × 10^n metres) near the one asked for."""
    if length <= 0:
        return 100
    power = 10 ** math.floor(math.log10(length))
    for step in (1, 2, 5, 10):
        if step * power >= length:
            return step * power
    return 10 * power


def export_audit_pdf(report, gpkg_path, pdf_path, work_wkt, context_layers=None, focus_xy=None):
    """Write the PDF under a temporary name, then rename it into place; returns the path."""
    layout, _project = build_layout(report, gpkg_path, work_wkt, context_layers, focus_xy)
    pdf_path = os.path.abspath(pdf_path)
    tmp = temp_beside(pdf_path, ".pdf")
    try:
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = 200
        settings.rasterizeWholeImage = False
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        result = QgsLayoutExporter(layout).exportToPdf(tmp, settings)
        if result != QgsLayoutExporter.ExportResult.Success:
            raise RuntimeError(f"QGIS could not export the PDF (code {result})")
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; a report is meant to be shared
        os.replace(tmp, pdf_path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return pdf_path
