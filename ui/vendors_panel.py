"""The dock's Vendors table and chart: the scenario's most exposed vendors, zoom to their assets."""

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableWidgetItem

from .common import money, money_format, number
from .layout import fit_height
from .panel import Panel, translate

TOP_VENDORS = 10


class VendorsPanel(Panel):
    def fill(self):
        table = self.ui.vendor_table
        table.setRowCount(0)
        self.ui.zoom_button.setEnabled(False)
        sid = self.current_scenario()
        if self.view is None or sid is None:
            self.dock.chart.set_bars(
                [],
                translate("VendorRiskDock", "Exposure by vendor"),
                number,
                translate("VendorRiskDock", "Run an assessment to see the vendors."),
            )
            return
        vs = self.view.vendors
        top = (
            vs[vs["scenario_id"] == sid]
            .sort_values(["exposure", "switching_cost"], ascending=False, kind="stable")
            .head(TOP_VENDORS)
        )
        table.setRowCount(len(top))
        for r, row in enumerate(top.itertuples()):
            name = QTableWidgetItem(
                str(row.vendor_name) if row.vendor_id else translate("VendorRiskDock", "(unknown vendor)")
            )
            name.setData(Qt.ItemDataRole.UserRole, row.vendor_id or "")
            name.setToolTip("\n".join(x for x in (name.text(), str(row.sanction_lists or "")) if x))
            cells = [
                name,
                QTableWidgetItem(str(row.country or "")),
                QTableWidgetItem(number(row.sanction_level)),
                QTableWidgetItem(number(row.assets)),
                QTableWidgetItem(money(row.exposure, self.view.currency)),
                QTableWidgetItem(money(row.switching_cost, self.view.currency)),
            ]
            for c, cell in enumerate(cells):
                if c >= 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, cell)
        fit_height(table)
        bars = [
            (
                row.vendor_name if row.vendor_id else translate("VendorRiskDock", "(unknown vendor)"),
                row.exposure,
                row.sanction_level,
            )
            for row in top.itertuples()
            if row.exposure > 0
        ]
        label = self.view.labels.get(sid, sid)
        self.dock.chart.set_bars(
            bars,
            translate("VendorRiskDock", "Exposure by vendor — {}").format(label),
            money_format(self.view.currency),
            translate("VendorRiskDock", "Nothing must be replaced under this scenario: no exposure."),
        )

    def selection_changed(self):
        self.ui.zoom_button.setEnabled(bool(self.ui.vendor_table.selectedItems()))

    def zoom(self, row=None):
        """Select the chosen vendor's assets on the scenario layer shown and zoom to them."""
        layer = self.current_layer()
        if row is None:
            rows = self.ui.vendor_table.selectionModel().selectedRows()
            row = rows[0].row() if rows else -1
        if layer is None or row < 0:
            return 0
        item = self.ui.vendor_table.item(row, 0)
        vendor = item.data(Qt.ItemDataRole.UserRole)
        expr = "coalesce(\"vendor_id\", '') = '{}'".format(vendor.replace("'", "''"))
        layer.selectByExpression(expr, Qgis.SelectBehavior.SetSelection)
        count = layer.selectedFeatureCount()
        if count:
            canvas = self.dock.iface.mapCanvas()
            canvas.zoomToSelected(layer)
            canvas.refresh()
        self.message(
            translate("VendorRiskDock", "{} asset(s) of {} selected on “{}”.").format(
                count, item.text(), layer.name()
            ),
            Qgis.MessageLevel.Info,
            4,
        )
        return count
