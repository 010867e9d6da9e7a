"""Render styled layers to a PNG page: title, map, legend, scale bar (works headless)."""

import os

from qgis.core import (
    Qgis,
    QgsLayerTree,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
)
from qgis.PyQt.QtCore import Qt

from ...risk.safety.text import strip_invisible
from ..compat import LAYOUT_MILLIMETERS, set_label_text_format
from .text import text_format


def label(layout, text, x, y, w, h, size, bold=False):
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    set_label_text_format(item, text_format(size, bold))
    item.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    item.attemptResize(QgsLayoutSize(w, h, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(item)
    return item


def map_page(project, layers, title, subtitle="", legend_layers=None, page=(297, 210)):
    """A landscape page with the layers (top first) on a map, a legend and a scale bar."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(page[0], page[1]))
    label(layout, title, 10, 6, page[0] - 20, 10, 16, bold=True)
    if subtitle:
        label(layout, subtitle, 10, 16, page[0] - 20, 8, 9)
    map_item = QgsLayoutItemMap(layout)
    map_item.attemptMove(QgsLayoutPoint(10, 26, LAYOUT_MILLIMETERS))
    map_item.attemptResize(QgsLayoutSize(page[0] - 90, page[1] - 36, LAYOUT_MILLIMETERS))
    map_item.setLayers(layers)
    extent = None
    for lyr in layers:
        e = lyr.extent()
        if extent is None:
            extent = e
        else:
            extent.combineExtentWith(e)
    if extent is not None:
        extent.scale(1.05)
        map_item.setCrs(layers[0].crs())
        map_item.setExtent(extent)  # zoomToExtent alone leaves an empty extent empty
        map_item.zoomToExtent(extent)
    map_item.setFrameEnabled(True)
    layout.addLayoutItem(map_item)

    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = QgsLayerTree()
    for lyr in legend_layers or layers:
        root.addLayer(lyr)
    legend.model().setRootGroup(root)
    layout.legend_root = root  # the model does not own it: keep it alive as long as the layout
    legend.setTitle("Legend")
    legend.attemptMove(QgsLayoutPoint(page[0] - 76, 26, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(legend)
    legend.adjustBoxSize()

    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.applyDefaultSize()
    bar.attemptMove(QgsLayoutPoint(14, page[1] - 18, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(bar)
    return layout


def export_png(layout, path, dpi=110):
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    tmp = path + ".part.png"
    result = QgsLayoutExporter(layout).exportToImage(tmp, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(f"could not render {path} (layout export error {result})")
    os.replace(tmp, path)
    return path


def export_pdf(layout, path):
    tmp = path + ".part.pdf"
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.rasterizeWholeImage = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText  # text a reader can search and copy
    result = QgsLayoutExporter(layout).exportToPdf(tmp, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise RuntimeError(f"could not write {path} (layout export error {result})")
    os.replace(tmp, path)
    return path


def scratch_project():
    """A project that is not the user's: rendering never adds layers to their map."""
    return QgsProject()


def text_table(layout, header, rows, x, y, w, h, shares, size=7.5, margin=0.8):
    """A text table in a frame of w mm; shares split what the cell margins leave of w."""
    table = QgsLayoutItemTextTable(layout)
    layout.addMultiFrame(table)
    room = w - 2 * margin * len(header) - 0.5
    columns = []
    for i, (heading, share) in enumerate(zip(header, shares)):
        col = QgsLayoutTableColumn(heading)
        col.setWidth(room * share)
        col.setHAlignment(Qt.AlignmentFlag.AlignLeft if i == 0 else Qt.AlignmentFlag.AlignRight)
        columns.append(col)
    table.setColumns(columns)
    table.setContents([[strip_invisible(str(c)) for c in r] for r in rows])
    table.setHeaderTextFormat(text_format(size, bold=True))
    table.setContentTextFormat(text_format(size))
    table.setCellMargin(margin)
    table.setWrapBehavior(QgsLayoutItemTextTable.WrapBehavior.WrapText)
    table.setGridStrokeWidth(0.1)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    frame.attemptResize(QgsLayoutSize(w, h, LAYOUT_MILLIMETERS))
    table.addFrame(frame)
    return table
