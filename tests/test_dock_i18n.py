"""French and English: the .ts holds every string of the widgets and the report, all translated,
and the plugin switches to French when QGIS runs in French."""

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT
from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt, QTranslator

I18N = os.path.join(ROOT, "i18n")
TS = os.path.join(I18N, "vendor_risk_fr.ts")
QM = os.path.join(I18N, "vendor_risk_fr.qm")


def messages(path):
    root = ET.parse(path).getroot()
    for ctx in root.findall("context"):
        name = ctx.find("name").text
        for m in ctx.findall("message"):
            yield name, m.find("source").text, m.find("translation")


@pytest.fixture(scope="module")
def qm():
    """The compiled translation, built as `make translations` does when it is missing or old."""
    if not os.path.exists(QM) or os.path.getmtime(QM) < os.path.getmtime(TS):
        subprocess.run(
            [shutil.which("lrelease") or "/usr/lib/qt5/bin/lrelease", "-silent", TS, "-qm", QM], check=True
        )
    return QM


def test_every_string_has_a_french_translation():
    found = list(messages(TS))
    assert len(found) > 140
    for context, source, translation in found:
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
        text = translation.text or ""
        assert text.strip(), (context, source)
        assert text.count("{}") == source.count("{}"), (context, source)
        assert "'" not in text, ("use the typographic apostrophe ’ in French", text)
        assert not re.search(r"\w[:;?!]( |$)", text), ("French puts a space before : ; ? !", text)


def test_the_ts_file_is_up_to_date_with_the_code(tmp_path):
    """pylupdate5 on the sources listed in i18n/vendor_risk.pro finds exactly what the .ts holds."""
    pro = open(os.path.join(I18N, "vendor_risk.pro"), encoding="utf-8").read()
    files = re.findall(r"\.\./([\w/]+\.(?:py|ui))", pro)
    assert "ui/dock.py" in files and "ui/dock.ui" in files and "gis/layouts/council_report.py" in files
    ui_py = {
        f"ui/{n}"
        for n in os.listdir(os.path.join(ROOT, "ui"))
        if n.endswith((".py", ".ui")) and n != "__init__.py"
    }
    assert ui_py <= set(files), "a ui module is missing from i18n/vendor_risk.pro"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        ["pylupdate5", "-noobsolete", *[os.path.join(ROOT, f) for f in files], "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    extracted = {(c, s) for c, s, _ in messages(fresh)}
    committed = {(c, s) for c, s, _ in messages(TS)}
    assert extracted == committed


def restore_locale(settings, before):
    if before:
        settings.setValue("locale/userLocale", before)
    else:
        settings.remove("locale/userLocale")


def _flush():
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()


def test_the_plugin_speaks_french_when_qgis_does(qm, qgis_iface, provider):
    import vendor_risk

    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "fr_FR")
    plugin = vendor_risk.classFactory(qgis_iface)
    try:
        plugin.initGui()
        assert plugin.translator is not None
        assert plugin.dock_action.text() == "Panneau Vendor Risk"
        dock = plugin.show_dock()
        ui = dock.ui
        assert ui.run_button.text() == "Lancer l’évaluation"
        assert [ui.tabs.tabText(i) for i in range(ui.tabs.count())] == [
            "Évaluer",
            "Synthèse",
            "Fournisseurs",
            "Comparer",
            "Achats",
        ]
        assert ui.jurisdiction_label.text() == "Droit applicable\u00a0:"
        assert ui.selected_only.text() == "Entités sélectionnées uniquement"
        roles = [ui.field_table.item(r, 0).text() for r in range(ui.field_table.rowCount())]
        assert roles[:5] == ["Identifiant", "Catégorie d’équipement", "Fabricant", "Marque", "Modèle"]
        headers = [
            ui.summary_table.horizontalHeaderItem(c).text() for c in range(ui.summary_table.columnCount())
        ]
        assert headers == ["Scénario", "Aucun", "Vigilance", "Restreint", "Retrait", "Incompatibles"]
        costs = [ui.cost_table.horizontalHeaderItem(c).text() for c in range(ui.cost_table.columnCount())]
        assert costs == ["Scénario", "Remplacement", "Valeur perdue", "Total"]
        scenarios = [ui.scenario_list.item(i).text() for i in range(ui.scenario_list.count())]
        assert scenarios[:5] == [
            "Statu quo",
            "Sanctions ciblées",
            "Embargo sur les composants",
            "Arracher et remplacer",
            "Bifurcation",
        ]
        assert ui.run_label.text().startswith("Aucune évaluation pour l’instant")
        assert dock.chart._empty == "Lancez une évaluation pour voir les fournisseurs."
    finally:
        plugin.unload()
        _flush()
        restore_locale(settings, before)
    # unload removed the translator: English again
    assert QCoreApplication.translate("VendorRiskDockBase", "Run assessment") == "Run assessment"


def test_english_qgis_gets_no_translator(qgis_iface, provider):
    import vendor_risk

    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "en_GB")
    plugin = vendor_risk.classFactory(qgis_iface)
    try:
        plugin.initGui()
        assert plugin.translator is None
        dock = plugin.show_dock()
        assert dock.ui.run_button.text() == "Run assessment"
        assert dock.ui.tabs.tabText(0) == "Assess"
        assert dock.ui.scenario_list.item(2).data(Qt.ItemDataRole.DisplayRole) == "Component embargo"
    finally:
        plugin.unload()
        _flush()
        restore_locale(settings, before)


def test_the_processing_algorithms_speak_french_too(qm, provider):
    from vendor_risk.provider.assess_risk import AssessRiskAlgorithm
    from vendor_risk.provider.audit_cameras import AuditCamerasAlgorithm

    translator = QTranslator()
    assert translator.load(qm)
    QCoreApplication.installTranslator(translator)
    try:
        alg = AssessRiskAlgorithm()
        alg.initAlgorithm()
        assert alg.group() == "Risque fournisseurs"
        assert alg.displayName() == "Évaluer le risque fournisseurs selon des scénarios de découplage"
        assert alg.parameterDefinition("INPUT").description() == "Couches d’équipements (évaluées ensemble)"
        assert (
            AuditCamerasAlgorithm().displayName() == "Auditer les caméras selon les règles de vidéoprotection"
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    assert AssessRiskAlgorithm().displayName() == "Assess vendor risk under decoupling scenarios"
