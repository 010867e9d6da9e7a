"""The dock's council report: the scenario on the map, as PDF and PNG."""

import os

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QApplication, QFileDialog

from ..gis.layouts.council_report import council_report
from . import overlays
from .panel import Panel, translate


class ReportPanel(Panel):
    def make(self, pdf_path=None):
        """Write the council report of the scenario on the map; returns the files written."""
        layer, sid = self.current_layer(), self.current_scenario()
        if layer is None:
            return []
        if pdf_path is None:
            suggested = f"{os.path.splitext(self.view.gpkg)[0]}_report_{sid}.pdf"
            pdf_path, _ = QFileDialog.getSaveFileName(
                self.dock,
                translate("VendorRiskDock", "Council report"),
                suggested,
                translate("VendorRiskDock", "PDF (*.pdf)"),
            )
            if not pdf_path:
                return []
        if not pdf_path.lower().endswith(".pdf"):
            pdf_path += ".pdf"
        png_path = os.path.splitext(pdf_path)[0] + ".png"
        root = self.project.layerTreeRoot()
        background = [
            lyr
            for lyr in root.layerOrder()
            if not overlays.is_ours(lyr)
            and root.findLayer(lyr.id()) is not None
            and root.findLayer(lyr.id()).isVisible()
        ]
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            _data, written = council_report(
                self.view.gpkg,
                sid,
                pdf_path,
                png_path,
                background=background,
                lang=self.lang,
                layer=layer,
                project=self.project,
            )
        except (ValueError, RuntimeError, OSError) as e:
            self.message(
                translate("VendorRiskDock", "The report could not be written: {}").format(e),
                Qgis.MessageLevel.Critical,
                0,
            )
            return []
        finally:
            QApplication.restoreOverrideCursor()
        self.message(
            translate("VendorRiskDock", "Report written: {}").format(" ; ".join(written)),
            Qgis.MessageLevel.Success,
        )
        return written
