"""The Vendor Risk dock: choose layers and fields, run in the background, read the results on the
map and in tables, compare scenarios, print a council report. The widgets hold no risk logic:
runs go through the Processing algorithm, figures come from the GeoPackage it writes."""

import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMessageLog,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsDockWidget, QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QHeaderView,
    QListWidgetItem,
    QTableWidgetItem,
    QWidget,
)

from ..gis.io.assessment_read import read_run_info, read_table
from ..gis.project_settings import DockSettings, has_settings, read_settings, write_settings
from ..gis.tasks import LOG_TAG, AlgorithmTask
from ..plugin_paths import UI_DIR
from ..risk.assessment.scenarios import scenario_choices
from ..risk.catalog.freshness import stale_warning
from ..risk.catalog.loader import shipped_jurisdictions
from ..risk.definitions import FIELD_ROLES
from ..risk.schema import is_tagged
from ..risk.tagging.fieldmap import FieldMappingError, detect_fields
from . import overlays
from .chart import BarChart
from .common import check_state, language, money, money_format, number, role_label
from .compare_panel import ComparePanel
from .layout import fit_height
from .report_panel import ReportPanel
from .vendors_panel import VendorsPanel

FORM, _BASE = uic.loadUiType(os.path.join(UI_DIR, "dock.ui"))
BASE_JURISDICTIONS = ("US", "EU", "FR", "UK")
ALGORITHM = "vendorrisk:assessrisk"


@dataclass
class RunView:
    """What the dock shows of one run: its file, its group and the tables read from the file."""

    gpkg: str
    group: object
    layers: dict  # scenario id -> QgsVectorLayer
    labels: dict  # scenario id -> name in the user's language
    summary: object = None  # scenario_summary DataFrame
    vendors: object = None  # vendor_summary DataFrame
    info: dict = field(default_factory=dict)

    @property
    def currency(self):
        return self.info.get("currency") or "EUR"  # runs made before it was recorded: EUR


def catalog_jurisdictions():
    """[(code, name)] from the shipped catalog (empty when it cannot be read)."""
    try:
        return shipped_jurisdictions()
    except Exception:  # noqa: BLE001 - a missing or broken catalog leaves the four defaults
        return []


class VendorRiskDock(QgsDockWidget):
    def __init__(self, iface, project=None, parent=None):
        super().__init__(parent)
        self.iface = iface  # used by the actions only, never here
        self.project = project or QgsProject.instance()
        self.setObjectName("VendorRiskDock")
        self.setWindowTitle(self.tr("Vendor Risk"))
        self.body = QWidget()
        self.ui = FORM()
        self.ui.setupUi(self.body)
        self.setWidget(self.body)
        self.chart = BarChart()
        self.ui.chart_layout.addWidget(self.chart)
        self.lang = language()
        self.task, self.run_inputs = None, []
        self.vendors_panel = VendorsPanel(self)
        self.compare_panel = ComparePanel(self)
        self.report_panel = ReportPanel(self)
        self.view = None
        self._restoring = False
        self._user_fields = {}  # role -> field the user chose ('' = none)
        self._field_combos = {}
        self._setup_widgets()
        self._connect()
        self.restore_from_project()

    # -- set-up ----------------------------------------------------------------------------
    def _setup_widgets(self):
        ui = self.ui
        self.body.setMinimumWidth(480)  # tabs, tables and combos stay readable
        ui.output_file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        ui.output_file.setFilter(self.tr("GeoPackage (*.gpkg)"))
        ui.output_file.setDialogTitle(self.tr("Assessment GeoPackage"))
        ui.output_file.lineEdit().setPlaceholderText(self.tr("a new file per run, in the project folder"))
        ui.catalog_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        ui.catalog_folder.setDialogTitle(self.tr("User catalog folder"))
        ui.catalog_folder.lineEdit().setPlaceholderText(self.tr("the shipped catalog alone"))
        table = ui.field_table
        table.setRowCount(len(FIELD_ROLES))
        for row, role in enumerate(FIELD_ROLES):
            item = QTableWidgetItem(role_label(role))
            item.setData(Qt.ItemDataRole.UserRole, role)
            item.setToolTip(self.tr("Names detected for this role: {}").format(", ".join(FIELD_ROLES[role])))
            table.setItem(row, 0, item)
            combo = QComboBox()
            combo.setObjectName(f"field_{role}")
            combo.currentIndexChanged.connect(lambda _i, r=role: self._field_chosen(r))
            table.setCellWidget(row, 1, combo)
            self._field_combos[role] = combo
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setDefaultSectionSize(24)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fit_height(table)  # every role in sight
        for code in BASE_JURISDICTIONS:
            ui.jurisdiction.addItem(code)
        for code, name in catalog_jurisdictions():
            if ui.jurisdiction.findText(code) < 0:
                ui.jurisdiction.addItem(code)
            ui.jurisdiction.setItemData(ui.jurisdiction.findText(code), name, Qt.ItemDataRole.ToolTipRole)
        for sid, label, desc in scenario_choices(self.lang):
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, sid)
            item.setToolTip(desc)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            ui.scenario_list.addItem(item)
        headers = [
            self.tr("Scenario"),
            self.tr("None"),
            self.tr("Watch"),
            self.tr("Restricted"),
            self.tr("Removal"),
            self.tr("Incompatible"),
        ]
        tips = [
            None,
            self.tr("Sanction level 0: on no list in force"),
            self.tr("Sanction level 1: listed elsewhere, export-controlled or suspected OEM"),
            self.tr("Sanction level 2: procurement or funding ban"),
            self.tr("Sanction level 3: removal mandated"),
            self.tr("Assets whose standards or vendor stop working in the city's bloc"),
        ]
        self._table_headers(ui.summary_table, headers, tips)
        self._table_headers(
            ui.cost_table,
            [self.tr("Scenario"), self.tr("Replacement"), self.tr("Stranded"), self.tr("Total")],
            [
                None,
                self.tr("Replacing what the scenario forces out, re-integration included"),
                self.tr("Book value thrown away by early replacement"),
                self.tr("Replacement plus stranded value"),
            ],
        )
        self.cost_chart = BarChart()
        self.cost_chart.setObjectName("cost_chart")
        ui.cost_chart_layout.addWidget(self.cost_chart)
        self.cost_chart.set_bars([], self.tr("Total cost by scenario"), number, "")
        vheaders = [
            self.tr("Vendor"),
            self.tr("Country"),
            self.tr("Level"),
            self.tr("Assets"),
            self.tr("Exposure"),
            self.tr("Switching cost"),
        ]
        self._table_headers(ui.vendor_table, vheaders)
        self.chart.set_bars(
            [], self.tr("Exposure by vendor"), number, self.tr("Run an assessment to see the vendors.")
        )
        self.set_running(False)

    def _table_headers(self, table, headers, tips=()):
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        for i, tip in enumerate(tips):
            if tip:
                table.horizontalHeaderItem(i).setToolTip(tip)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(22)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names give way, numbers never
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        fit_height(table)

    def _connect(self):
        ui, p = self.ui, self.project
        p.layersAdded.connect(self.refresh_layers)
        p.layersRemoved.connect(self._layers_removed)
        p.readProject.connect(self.restore_from_project)
        p.cleared.connect(self._project_cleared)
        ui.layer_list.itemChanged.connect(self._layers_changed)
        ui.jurisdiction.currentTextChanged.connect(self.save_settings)
        ui.scenario_list.itemChanged.connect(self.save_settings)
        ui.selected_only.toggled.connect(self.save_settings)
        ui.output_file.fileChanged.connect(self.save_settings)
        ui.catalog_folder.fileChanged.connect(self.save_settings)
        ui.import_lists_button.clicked.connect(lambda: self.import_lists())
        ui.compare_offers_button.clicked.connect(lambda: self.procurement("vendorrisk:compareoffers"))
        ui.replacement_plan_button.clicked.connect(lambda: self.procurement("vendorrisk:replacementplan"))
        ui.run_button.clicked.connect(self.start_run)
        ui.cancel_button.clicked.connect(self.cancel_run)
        ui.scenario_combo.currentIndexChanged.connect(self._scenario_chosen)
        ui.vendor_table.itemSelectionChanged.connect(self.vendors_panel.selection_changed)
        ui.vendor_table.cellDoubleClicked.connect(lambda _r, _c: self.zoom_to_vendor())
        ui.zoom_button.clicked.connect(self.zoom_to_vendor)
        ui.compare_button.clicked.connect(self.start_compare)
        ui.report_button.clicked.connect(lambda: self.make_report())

    def cleanup(self):
        """Undo what the dock connected; called by the plugin's unload."""
        p = self.project
        for signal, slot in (
            (p.layersAdded, self.refresh_layers),
            (p.layersRemoved, self._layers_removed),
            (p.readProject, self.restore_from_project),
            (p.cleared, self._project_cleared),
        ):
            try:
                signal.disconnect(slot)
            except TypeError:
                pass
        for task in (self.task, self.compare_panel.task):
            if task is not None:
                task.detach()
                task.cancel()
        self.task = self.compare_panel.task = None

    # -- messages --------------------------------------------------------------------------
    def message(self, text, level=Qgis.MessageLevel.Info, duration=8):
        self.iface.messageBar().pushMessage(self.tr("Vendor Risk"), text, level, duration)

    # -- layers and fields -----------------------------------------------------------------
    def asset_layers(self):
        """Vector layers of the project a user may assess, in layer-tree order."""
        ordered = self.project.layerTreeRoot().layerOrder()
        ids = {lyr.id() for lyr in ordered}
        ordered += [lyr for lyr in self.project.mapLayers().values() if lyr.id() not in ids]
        return [
            lyr
            for lyr in ordered
            if isinstance(lyr, QgsVectorLayer) and lyr.isValid() and not overlays.is_ours(lyr)
        ]

    def checked_layers(self):
        out = []
        for i in range(self.ui.layer_list.count()):
            item = self.ui.layer_list.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                layer = self.project.mapLayer(item.data(Qt.ItemDataRole.UserRole))
                if layer is not None:
                    out.append(layer)
        return out

    def refresh_layers(self, *_args, checked_ids=None):
        """Rebuild the layer list, keeping the ticks (or ticking checked_ids)."""
        lst = self.ui.layer_list
        if checked_ids is None:
            checked_ids = [lyr.id() for lyr in self.checked_layers()]
        lst.blockSignals(True)
        lst.clear()
        for layer in self.asset_layers():
            item = QListWidgetItem(layer.name())
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setToolTip(layer.publicSource())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(check_state(layer.id() in checked_ids))
            lst.addItem(item)
        lst.blockSignals(False)
        self.refresh_fields()

    def _layers_removed(self, *_args):
        self.refresh_layers()
        v = self.view
        if v is None:
            return
        alive = {sid: lyr for sid, lyr in v.layers.items() if self._in_project(lyr)}
        if len(alive) == len(v.layers):
            return
        group = self.project.layerTreeRoot().findGroup(v.group.name()) if alive else None
        self.show_run((v.gpkg, group, alive) if group is not None else None)

    def _in_project(self, layer):
        try:
            return self.project.mapLayer(layer.id()) is not None
        except RuntimeError:  # the layer object is already deleted
            return False

    def set_checked_layers(self, layers):
        """Tick these layers (objects or ids), untick the others: what a user does by hand."""
        ids = {lyr if isinstance(lyr, str) else lyr.id() for lyr in layers}
        lst = self.ui.layer_list
        for i in range(lst.count()):
            item = lst.item(i)
            item.setCheckState(check_state(item.data(Qt.ItemDataRole.UserRole) in ids))

    def _layers_changed(self, *_args):
        self.refresh_fields()
        self.save_settings()

    def layer_field_names(self, layer):
        """A layer's fields as the readers see them (a GeoPackage's fid is not a field there)."""
        pks = set(layer.dataProvider().pkAttributeIndexes()) if layer.providerType() == "ogr" else set()
        return [f.name() for i, f in enumerate(layer.fields()) if i not in pks]

    def field_names(self):
        """Fields of the ticked layers, the first layer's order first."""
        names = []
        for layer in self.checked_layers():
            names += [n for n in self.layer_field_names(layer) if n not in names]
        return names

    def detected_fields(self):
        """[(layer, {role: field})]: what the run will use, layer by layer. Each layer is
        detected on its own fields; a field chosen in the table wins where the layer has it."""
        chosen = {r: f for r, f in self._user_fields.items() if f}
        out = []
        for layer in self.checked_layers():
            names = self.layer_field_names(layer)
            out.append((layer, detect_fields(names, {r: f for r, f in chosen.items() if f in names})))
        return out

    def refresh_fields(self):
        """Fill the mapping table: the first entry of each role says what is detected (layer
        by layer); choosing a field makes it the one used wherever a layer has it."""
        names = self.field_names()
        auto = [(layer, detect_fields(self.layer_field_names(layer))) for layer in self.checked_layers()]
        for role, combo in self._field_combos.items():
            found = list(dict.fromkeys(m[role] for _, m in auto if m.get(role)))
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(
                self.tr("auto: {}").format(", ".join(found)) if found else self.tr("auto: not found"), ""
            )
            for n in names:
                combo.addItem(n, n)
            combo.setToolTip("\n".join(f"{layer.name()}: {m.get(role) or '—'}" for layer, m in auto))
            value = self._user_fields.get(role, "")
            combo.setCurrentIndex(max(combo.findData(value) if value in names else 0, 0))
            combo.blockSignals(False)

    def _field_chosen(self, role):
        value = self._field_combos[role].currentData() or ""
        if value:
            self._user_fields[role] = value
        else:
            self._user_fields.pop(role, None)
        self.save_settings()

    def set_field(self, role, name):
        """Choose a field for a role, as a user does in the table ('' = auto-detected)."""
        combo = self._field_combos[role]
        combo.setCurrentIndex(max(combo.findData(name or ""), 0))
        self._field_chosen(role)

    def field_mapping(self):
        """{role: field chosen in the table} ('' = detected layer by layer)."""
        return {role: combo.currentData() or "" for role, combo in self._field_combos.items()}

    # -- the other choices -----------------------------------------------------------------
    def checked_scenarios(self):
        lst = self.ui.scenario_list
        return [
            lst.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_checked_scenarios(self, ids):
        lst = self.ui.scenario_list
        for i in range(lst.count()):
            item = lst.item(i)
            item.setCheckState(check_state(ids is None or item.data(Qt.ItemDataRole.UserRole) in ids))

    def current_settings(self):
        s = DockSettings()
        s.layers = [lyr.id() for lyr in self.checked_layers()]
        s.fields = dict(self._user_fields)
        s.jurisdiction = self.ui.jurisdiction.currentText().strip()
        every = self.ui.scenario_list.count()
        chosen = self.checked_scenarios()
        s.scenarios = None if len(chosen) == every else chosen
        s.selected_only = self.ui.selected_only.isChecked()
        s.output = self.ui.output_file.filePath().strip()
        s.catalog = self.ui.catalog_folder.filePath().strip()
        if self.view is not None:
            s.last_output, s.last_group = self.view.gpkg, self.view.group.name()
        return s

    def save_settings(self, *_args):
        if not self._restoring:
            write_settings(self.project, self.current_settings())

    def restore_from_project(self, *_args):
        """Show the project's stored choices (defaults when it has none)."""
        self._restoring = True
        try:
            s = read_settings(self.project)
            stored = has_settings(self.project)
            self._user_fields = dict(s.fields)
            checked = s.layers if stored else self._likely_asset_layers()
            self.refresh_layers(checked_ids=checked)
            self.ui.jurisdiction.setEditText(s.jurisdiction)
            idx = self.ui.jurisdiction.findText(s.jurisdiction)
            if idx >= 0:
                self.ui.jurisdiction.setCurrentIndex(idx)
            self.set_checked_scenarios(s.scenarios)
            self.ui.selected_only.setChecked(s.selected_only)
            self.ui.output_file.setFilePath(s.output)
            self.ui.catalog_folder.setFilePath(s.catalog)
            self.show_run(self._stored_run(s))
        finally:
            self._restoring = False

    def _likely_asset_layers(self):
        """With nothing stored, tick the layers that name a maker, brand or model."""
        out = []
        for layer in self.asset_layers():
            found = detect_fields(layer.fields().names())
            if any(found.get(r) for r in ("manufacturer", "brand", "model")):
                out.append(layer.id())
        return out

    def _stored_run(self, s):
        if not s.last_group:
            return None
        group = self.project.layerTreeRoot().findGroup(s.last_group)
        if group is None:
            return None
        layers = overlays.run_layers(group)
        return (s.last_output, group, layers) if layers else None

    def _project_cleared(self):
        self.show_run(None)
        self._restoring = True
        try:
            self._user_fields = {}
            self.refresh_layers(checked_ids=[])
            self.ui.jurisdiction.setEditText(DockSettings().jurisdiction)
            self.set_checked_scenarios(None)
            self.ui.selected_only.setChecked(False)
            self.ui.output_file.setFilePath("")
        finally:
            self._restoring = False

    # -- running ---------------------------------------------------------------------------
    def default_output(self):
        folder = (
            self.project.homePath()
            if self.project.fileName()
            else os.path.join(tempfile.gettempdir(), "vendor_risk")
        )
        stem = datetime.now().strftime("vendor_risk_%Y%m%d_%H%M%S")
        path, n = os.path.join(folder, stem + ".gpkg"), 2
        while os.path.exists(path):
            path, n = os.path.join(folder, f"{stem}_{n}.gpkg"), n + 1
        return path

    def check_inputs(self):
        """The run's parameters, or (None, message) naming what to fix."""
        layers = self.checked_layers()
        if not layers:
            return None, self.tr("Tick at least one asset layer to assess.")
        scenarios = self.checked_scenarios()
        if not scenarios:
            return None, self.tr("Tick at least one scenario.")
        jurisdiction = self.ui.jurisdiction.currentText().strip().upper()
        if not jurisdiction:
            return None, self.tr("Choose a jurisdiction: US, EU, FR, UK or a code from your catalog.")
        selected = self.ui.selected_only.isChecked()
        if selected and not any(lyr.selectedFeatureCount() for lyr in layers):
            return None, self.tr(
                "'Selected features only' is ticked but no feature is selected in {}."
            ).format(", ".join(lyr.name() for lyr in layers))
        explicit = {r: f for r, f in self.field_mapping().items() if f}
        try:
            per_layer = self.detected_fields()
        except FieldMappingError as e:
            return None, str(e)
        for layer, found in per_layer:
            tagged = is_tagged(layer.fields().names())
            if not tagged and not any(found.get(r) for r in ("manufacturer", "brand", "model")):
                return None, self.tr(
                    "The layer {} has no field naming the maker, brand or "
                    "model: choose one in the field mapping table."
                ).format(layer.name())
        output = self.ui.output_file.filePath().strip() or self.default_output()
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        folder = os.path.dirname(os.path.abspath(output))
        if os.path.exists(folder) and not os.access(folder, os.W_OK):
            return None, self.tr("Cannot write in the folder {}: choose another output file.").format(folder)
        used = overlays.layers_using(self.project, output)
        if used:
            return None, self.tr(
                "The output {} is open in this project (layers: {}): choose another file."
            ).format(os.path.basename(output), ", ".join(used))
        catalog = self.ui.catalog_folder.filePath().strip()
        if catalog and not os.path.isdir(catalog):
            return None, self.tr("The catalog folder {} does not exist: choose it again or clear it.").format(
                catalog
            )
        params = {
            "INPUT": layers,
            "JURISDICTION": jurisdiction,
            "SCENARIOS": ",".join(scenarios),
            "SELECTED_ONLY": selected,
            "OUTPUT": output,
        }
        if catalog:
            params["CATALOG"] = catalog
        for role, name in explicit.items():
            params["FIELD_" + role.upper()] = name
        return params, ""

    def import_lists(self, run_dialog=None):
        """Open vendorrisk:importlists with the catalog folder as its output; once it has run,
        the dock assesses with the folder it wrote."""
        if run_dialog is None:
            import processing

            run_dialog = processing.execAlgorithmDialog
        folder = self.ui.catalog_folder.filePath().strip() or self.default_catalog()
        results = run_dialog("vendorrisk:importlists", {"OUTPUT": folder}) or {}
        written = results.get("OUTPUT")
        if written and os.path.isdir(written):
            self.ui.catalog_folder.setFilePath(written)
            self.message(
                self.tr("Lists imported into {}: {} changes, {} entries for review (see {}).").format(
                    written, results.get("CHANGES", 0), results.get("REVIEW", 0), "import_changes.csv"
                )
            )
        return written

    def procurement(self, alg_id, run_dialog=None):
        """Open compareoffers or replacementplan on the assessment shown (outputs beside it);
        the sentence it ends with is shown under the buttons."""
        if run_dialog is None:
            import processing

            run_dialog = processing.execAlgorithmDialog
        gpkg = self.view.gpkg if self.view is not None else ""
        folder = os.path.dirname(gpkg) if gpkg else (self.project.homePath() or os.path.expanduser("~"))
        if alg_id == "vendorrisk:compareoffers":
            params = {
                "ASSESSMENT": gpkg,
                "OUTPUT_XLSX": os.path.join(folder, "offers.xlsx"),
                "OUTPUT_PDF": os.path.join(folder, "offers.pdf"),
                "LANGUAGE": "fr" if self.lang == "fr" else "en",
            }
            catalog = self.ui.catalog_folder.filePath().strip()
            if catalog:
                params["CATALOG"] = catalog
        else:
            if not gpkg:
                self.ui.procurement_status.setText(
                    self.tr("Run an assessment first: the plan starts from it.")
                )
                return None
            params = {
                "INPUT": gpkg,
                "OUTPUT": os.path.join(folder, "replacement_plan.gpkg"),
                "OUTPUT_XLSX": os.path.join(folder, "replacement_plan.xlsx"),
                "LANGUAGE": "fr" if self.lang == "fr" else "en",
            }
        results = run_dialog(alg_id, {k: v for k, v in params.items() if v}) or {}
        if results.get("RESULT"):
            self.ui.procurement_status.setText(results["RESULT"])
        return results

    def default_catalog(self):
        """vendor_risk_catalog beside the project file (or in the home folder)."""
        home = self.project.homePath() or os.path.expanduser("~")
        return os.path.join(home, "vendor_risk_catalog")

    def start_run(self):
        if self.task is not None:
            return
        params, problem = self.check_inputs()
        if params is None:
            self.ui.status_label.setText(problem)
            self.message(problem, Qgis.MessageLevel.Warning)
            return
        try:
            os.makedirs(os.path.dirname(os.path.abspath(params["OUTPUT"])), exist_ok=True)
            task = AlgorithmTask(
                ALGORITHM,
                params,
                self.tr("Vendor Risk: assessing {} layer(s)").format(len(params["INPUT"])),
                on_done=self._run_done,
                on_error=self._run_failed,
                on_cancel=self._run_cancelled,
            )
        except (ValueError, OSError) as e:
            self._run_failed(str(e))
            return
        task.progressChanged.connect(lambda p: self.ui.progress_bar.setValue(int(p)))
        self.task, self.run_inputs = task, list(params["INPUT"])
        self.set_running(True)
        self.ui.status_label.setText(self.tr("Assessing… the map stays usable meanwhile."))
        self.save_settings()
        QgsApplication.taskManager().addTask(task)

    def cancel_run(self):
        if self.task is not None:
            self.ui.status_label.setText(self.tr("Cancelling…"))
            self.task.cancel()

    def set_running(self, running):
        self.ui.run_button.setEnabled(not running)
        self.ui.cancel_button.setEnabled(running)
        self.ui.progress_bar.setVisible(running)
        if not running:
            self.ui.progress_bar.setValue(0)

    def _finish_task(self):
        task, self.task = self.task, None
        self.set_running(False)
        if task is not None:
            for kind, text in task.feedback.messages:
                if kind != "info":
                    QgsMessageLog.logMessage(text, LOG_TAG, Qgis.MessageLevel.Warning)
        return task

    def _run_done(self, results):
        task = self._finish_task()
        path = results.get("OUTPUT") or (task.output if task else "")
        labels = {sid: label for sid, label, _ in scenario_choices(self.lang)}
        try:
            summary = read_table(path, "scenario_summary")
            ids = list(summary["scenario_id"])
            group, layers = overlays.add_run_group(
                self.project,
                path,
                ids,
                labels,
                lang=self.lang,
                currency=results.get("CURRENCY") or "EUR",
                inputs=[lyr for lyr in self.run_inputs if isinstance(lyr, QgsVectorLayer)],
            )
        except (ValueError, OSError, KeyError) as e:
            self._run_failed(self.tr("the results could not be shown: {}").format(e))
            return
        self.show_run((path, group, layers))
        self.save_settings()
        warnings = sum(1 for kind, _ in (task.feedback.messages if task else []) if kind == "warning")
        text = self.tr("{} assets assessed under {} scenario(s); expected cost {}.").format(
            number(results.get("ASSETS", 0)),
            len(ids),
            money(results.get("EXPECTED_COST", 0), results.get("CURRENCY") or "EUR"),
        )
        if warnings:
            text += " " + self.tr("{} data issue(s): see the data_issues table and the log.").format(warnings)
        self.message(text, Qgis.MessageLevel.Success)
        self.ui.status_label.setText(
            text + " " + self.tr("The layers are in the group “{}”.").format(group.name())
        )
        self.ui.tabs.setCurrentWidget(self.ui.tab_summary)

    def _run_failed(self, message):
        self._finish_task()
        text = self.tr("The assessment did not run: {}").format(message)
        self.ui.status_label.setText(text)
        self.message(text, Qgis.MessageLevel.Critical, 0)

    def _run_cancelled(self):
        self._finish_task()
        text = self.tr("Assessment cancelled: nothing was added to the project and no file was written.")
        self.ui.status_label.setText(text)
        self.message(text, Qgis.MessageLevel.Info)

    # -- results ---------------------------------------------------------------------------
    def show_run(self, run):
        """Show a run's results (gpkg, group, {scenario: layer}); None clears them."""
        ui = self.ui
        self.view = None
        for w in (ui.scenario_combo, ui.compare_a, ui.compare_b):
            w.blockSignals(True)
            w.clear()
        for table in (ui.summary_table, ui.cost_table, ui.vendor_table):
            table.setRowCount(0)
            fit_height(table)
        self.cost_chart.set_bars([], self.tr("Total cost by scenario"), number, "")
        ui.expected_label.setText("")
        if run is not None:
            gpkg, group, layers = run
            try:
                labels = {sid: lyr.name() for sid, lyr in layers.items()}
                self.view = RunView(
                    gpkg,
                    group,
                    layers,
                    labels,
                    read_table(gpkg, "scenario_summary"),
                    read_table(gpkg, "vendor_summary"),
                    read_run_info(gpkg),
                )
            except Exception as e:  # noqa: BLE001 - a moved or damaged file: say so, go on
                self.message(
                    self.tr("Cannot read the results in {}: {}").format(gpkg, e), Qgis.MessageLevel.Warning
                )
                self.view = None
        has = self.view is not None
        for w in (ui.scenario_combo, ui.report_button, ui.compare_button):
            w.setEnabled(has)
        if has:
            v = self.view
            for sid, label in v.labels.items():
                for w in (ui.scenario_combo, ui.compare_a, ui.compare_b):
                    w.addItem(label, sid)
            visible = next(
                (
                    sid
                    for sid, lyr in v.layers.items()
                    if v.group.findLayer(lyr.id()) is not None
                    and v.group.findLayer(lyr.id()).itemVisibilityChecked()
                ),
                None,
            )
            ui.scenario_combo.setCurrentIndex(max(ui.scenario_combo.findData(visible), 0))
            ui.compare_b.setCurrentIndex(min(1, ui.compare_b.count() - 1))
            run_text = self.tr("Run “{}”: jurisdiction {}, reference date {}, catalog {}; file {}.").format(
                v.group.name(),
                v.info.get("jurisdiction", ""),
                v.info.get("reference_date", ""),
                v.info.get("catalog_version", ""),
                os.path.basename(v.gpkg),
            )
            ui.run_label.setText(" ".join(t for t in (run_text, stale_warning(v.info, self.lang)) if t))
            self.fill_summary()
        else:
            ui.run_label.setText(self.tr("No assessment yet: run one in the Assess tab."))
        for w in (ui.scenario_combo, ui.compare_a, ui.compare_b):
            w.blockSignals(False)
        self.fill_vendors()

    def current_scenario(self):
        return self.ui.scenario_combo.currentData()

    def current_layer(self):
        if self.view is None:
            return None
        return self.view.layers.get(self.current_scenario())

    def _scenario_chosen(self, *_args):
        layer = self.current_layer()
        if layer is None:
            return
        overlays.show_only(self.view.group, layer.id())
        self.fill_vendors()
        for table in (self.ui.summary_table, self.ui.cost_table):
            row = next(
                (
                    r
                    for r in range(table.rowCount())
                    if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == self.current_scenario()
                ),
                -1,
            )
            if row >= 0:
                table.selectRow(row)

    def fill_summary(self):
        v = self.view
        counts = ("level_0", "level_1", "level_2", "level_3", "incompatible")
        costs = ("replacement_cost", "stranded_value", "total_cost")
        for table, columns in ((self.ui.summary_table, counts), (self.ui.cost_table, costs)):
            table.setRowCount(len(v.summary))
            for r, row in enumerate(v.summary.itertuples()):
                label = v.labels.get(row.scenario_id, row.scenario_name)
                item = QTableWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, row.scenario_id)
                item.setToolTip(self.tr("{} — probability {}").format(label, number(row.probability, 2)))
                table.setItem(r, 0, item)
                for c, name in enumerate(columns, start=1):
                    value = getattr(row, name)
                    cell = QTableWidgetItem(number(value) if name in counts else money(value, v.currency))
                    cell.setData(Qt.ItemDataRole.UserRole, float(value))
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    table.setItem(r, c, cell)
            fit_height(table)
        self.cost_chart.set_bars(
            [
                (
                    v.labels.get(r.scenario_id, r.scenario_name),
                    r.total_cost,
                    3 if r.level_3 else 2 if r.forced else 0,
                )
                for r in v.summary.itertuples()
            ],
            self.tr("Total cost by scenario"),
            money_format(v.currency),
        )
        expected = float(v.summary["expected_cost"].iloc[0]) if len(v.summary) else 0.0
        self.ui.expected_label.setText(
            self.tr("Expected cost over the scenarios (weighted by their probability): {}.").format(
                money(expected, v.currency)
            )
        )
        self.ui.expected_label.setProperty("value", expected)

    # -- the panels' entry points (their widgets are in the one dock.ui) -----------------------
    def fill_vendors(self):
        self.vendors_panel.fill()

    def zoom_to_vendor(self, row=None):
        return self.vendors_panel.zoom(row)

    def start_compare(self):
        self.compare_panel.start()

    @property
    def compare_task(self):
        return self.compare_panel.task

    def make_report(self, pdf_path=None):
        """Write the council report of the scenario on the map; returns the files written."""
        return self.report_panel.make(pdf_path)
