"""The dock's Compare tab: what changes for each asset between two scenarios, as a layer."""

import os

from qgis.core import Qgis, QgsApplication

from ..gis.pipelines.compare import CHANGE_KEYS, change_label, compare_scenarios, style_comparison
from ..gis.tasks import FunctionTask
from . import overlays
from .common import number
from .panel import Panel, translate


class ComparePanel(Panel):
    def __init__(self, dock):
        super().__init__(dock)
        self.task = None

    def start(self):
        if self.view is None or self.task is not None:
            return
        a, b = self.ui.compare_a.currentData(), self.ui.compare_b.currentData()
        if a == b:
            self.message(
                translate("VendorRiskDock", "Choose two different scenarios to compare."),
                Qgis.MessageLevel.Warning,
            )
            return
        stem = os.path.splitext(self.view.gpkg)[0]
        out, n = f"{stem}_changes_{a}_to_{b}.gpkg", 2
        while os.path.exists(out) or overlays.layers_using(self.project, out):
            out, n = f"{stem}_changes_{a}_to_{b}_{n}.gpkg", n + 1

        def cleanup(path=out):
            if os.path.exists(path):
                os.remove(path)

        self.task = FunctionTask(
            translate("VendorRiskDock", "Vendor Risk: comparing two scenarios"),
            lambda task, *args: compare_scenarios(*args, progress=task.set_progress),
            self.view.gpkg,
            a,
            b,
            out,
            on_done=lambda res: self._done(a, b, res),
            on_error=self._failed,
            on_cancel=self._cancelled,
            cleanup=cleanup,
        )
        self.ui.compare_button.setEnabled(False)
        self.ui.compare_result.setText(translate("VendorRiskDock", "Comparing…"))
        QgsApplication.taskManager().addTask(self.task)

    def _done(self, a, b, result):
        self.task = None
        self.ui.compare_button.setEnabled(self.view is not None)
        if self.view is None:
            return
        uri, counts = result
        name = translate("VendorRiskDock", "Changes {} → {}").format(
            self.view.labels.get(a, a), self.view.labels.get(b, b)
        )
        try:
            layer = overlays.add_comparison(self.project, self.view.group, uri, name)
        except ValueError as e:
            self._failed(str(e))
            return
        style_comparison(layer)
        overlays.show_reasons(layer, "reasons_b")
        pair = [self.view.layers[s].id() for s in (a, b) if s in self.view.layers]
        overlays.show_pair(self.view.group, pair, layer.id())
        combo = self.ui.scenario_combo  # names the scenario drawn under the changes: A, above B
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(a), 0))
        combo.blockSignals(False)
        self.dock.fill_vendors()
        total = sum(counts.values())
        text = translate("VendorRiskDock", "{} asset(s) change from {} to {}.").format(
            number(total), self.view.labels.get(a, a), self.view.labels.get(b, b)
        )
        colon = translate("VendorRiskDock", ": ")
        lines = [f"• {change_label(k)}{colon}{number(counts[k])}" for k in CHANGE_KEYS if counts[k]]
        self.ui.compare_result.setText("\n".join([text] + lines))
        self.message(text, Qgis.MessageLevel.Success)

    def _failed(self, message):
        self.task = None
        self.ui.compare_button.setEnabled(self.view is not None)
        text = translate("VendorRiskDock", "The comparison did not run: {}").format(message)
        self.ui.compare_result.setText(text)
        self.message(text, Qgis.MessageLevel.Critical, 0)

    def _cancelled(self):
        self.task = None
        self.ui.compare_button.setEnabled(self.view is not None)
        self.ui.compare_result.setText(translate("VendorRiskDock", "Comparison cancelled."))
