"""vendorrisk:exportworkbook: the workbook procurement teams open, in English and French."""

import json
import os
import sqlite3

import openpyxl
import pytest
from conftest import run_alg
from layers import write_gpkg
from qgis.core import QgsApplication, QgsProcessingException, QgsSettings
from vendor_risk.provider.base import default_language
from vendor_risk.provider.export_workbook import export_workbook
from vendor_risk.risk.assessment.scenarios import SCENARIO_KEYS
from vendor_risk.risk.workbook.writer import BAND_FILLS

HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1+1"]
CAMERAS = [
    {
        "camera_id": "C1",
        "fabricant": "Hikvision",
        "modele": "DS-2CD2143G2-I",
        "type": "camera",
        "annee": 2023,
        "cout": 1000.0,
        "protocoles": "ONVIF S;ISAPI",
        "vms": "V1",
    },
    {
        "camera_id": "C2",
        "fabricant": "Axis",
        "modele": "P3265-LVE",
        "type": "camera",
        "annee": 2022,
        "cout": None,
        "protocoles": "ONVIF S",
        "vms": "V1",
    },
] + [
    {
        "camera_id": f"H{i}",
        "fabricant": text,
        "modele": text,
        "type": "camera",
        "annee": 2020,
        "cout": 500.0,
        "protocoles": "ONVIF S",
        "vms": "",
    }
    for i, text in enumerate(HOSTILE)
]
PLATFORMS = [
    {
        "camera_id": "V1",
        "fabricant": "Hikvision",
        "modele": "HikCentral",
        "type": "VMS",
        "annee": 2021,
        "cout": 60000.0,
        "protocoles": "ISAPI",
        "vms": "",
    },
]
SCENARIOS = ("status_quo", "targeted_sanctions", "component_embargo", "rip_and_replace", "bifurcation")
N_ASSETS = len(CAMERAS) + len(PLATFORMS)


@pytest.fixture(scope="module")
def assessment(tmp_path_factory, module_provider):
    folder = tmp_path_factory.mktemp("wb")
    src = folder / "city.gpkg"
    cams = write_gpkg(src, "cameras", CAMERAS, ["POINT (700000 6600000)"] * len(CAMERAS))
    plats = write_gpkg(src, "platforms", PLATFORMS, ["POINT (700100 6600100)"])
    out = folder / "risk.gpkg"
    run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": [cams, plats], "JURISDICTION": "US", "REFERENCE_DATE": "2026-11-25", "OUTPUT": str(out)},
    )
    return out


def export(assessment, path, **params):
    res = run_alg("vendorrisk:exportworkbook", {"INPUT": str(assessment), "OUTPUT": str(path), **params})
    assert res["OUTPUT"] == str(path)
    return openpyxl.load_workbook(path), res


@pytest.fixture(scope="module")
def book_en(assessment, tmp_path_factory, module_provider):
    return export(assessment, tmp_path_factory.mktemp("en") / "risk_en.xlsx", LANGUAGE="en")[0]


@pytest.fixture(scope="module")
def book_fr(assessment, tmp_path_factory, module_provider):
    return export(assessment, tmp_path_factory.mktemp("fr") / "risk_fr.xlsx", LANGUAGE="fr")[0]


def header(ws, row=1):
    return [c.value for c in ws[row]]


def column(ws, name, row=1):
    idx = header(ws, row).index(name)
    return [r[idx] for r in ws.iter_rows(min_row=row + 1)]


def test_sheets_and_readable_headers_in_english(book_en):
    assert book_en.sheetnames == [
        "Summary",
        "Assets",
        "Vendors",
        "Scenarios",
        "Evidence",
        "Run info",
        "Data issues",
    ]
    head = header(book_en["Assets"])
    for name in (
        "Scenario",
        "Asset id",
        "Vendor (identified)",
        "Risk band",
        "Risk score",
        "Sanction level",
        "Replacement cost (USD)",
        "Stranded value (USD)",
        "Reasons",
        "Unit cost (USD)",
        "Manufacturer (as entered)",
        "Lock-in ratio",
    ):
        assert name in head, name
    for raw in ("risk_band", "replacement_cost", "reasons", "camera_id", "cout", "fabricant"):
        assert raw not in head  # readable headers, not field names
    assert header(book_en["Vendors"], 3)[:3] == ["Scenario", "Vendor", "Vendor id"]
    assert book_en["Summary"]["A1"].value == "Vendor risk: assessment workbook"


def test_sheets_and_headers_in_french(book_fr):
    assert book_fr.sheetnames == [
        "Synthèse",
        "Équipements",
        "Fournisseurs",
        "Scénarios",
        "Preuves",
        "Exécution",
        "Données à revoir",
    ]
    ws = book_fr["Équipements"]
    head = header(ws)
    for name in (
        "Scénario",
        "Identifiant",
        "Niveau de risque",
        "Raisons",
        "Coût unitaire (USD)",
        "Coût de remplacement (USD)",
        "Valeur perdue (USD)",
    ):
        assert name in head, name
    bands = {c.value for c in column(ws, "Niveau de risque")}
    assert bands and bands <= {"faible", "moyen", "élevé", "critique"}
    coloured = {r.formula[0].strip('"') for cf in ws.conditional_formatting for r in cf.rules}
    assert coloured == {"faible", "moyen", "élevé", "critique"}
    assert {c.value for c in column(ws, "Scénario")} >= {"Arracher et remplacer"}
    assert book_fr["Synthèse"]["A1"].value.startswith("Risque fournisseurs")
    assert header(book_fr["Scénarios"])[:2] == ["Scénario", "Paramètre"]


def test_assets_sheet_is_laid_out_for_work(book_en):
    ws = book_en["Assets"]
    assert ws.freeze_panes == "C2"
    n = N_ASSETS * len(SCENARIOS)
    assert ws.max_row == n + 1
    last = openpyxl.utils.get_column_letter(ws.max_column)
    assert ws.auto_filter.ref == f"A1:{last}{n + 1}"
    assert all(c.font.b for c in ws[1])
    money = [c for c in column(ws, "Replacement cost (USD)") if c.value]
    assert money and all(c.number_format == '#,##0 "USD";-#,##0 "USD"' for c in money)
    assert {c.value for c in column(ws, "Replacement cost (USD)") if not c.value} == {0}
    unit = [c for c in column(ws, "Unit cost (USD)") if c.value is not None]
    assert unit and all(c.number_format == '#,##0.00 "USD";-#,##0.00 "USD"' for c in unit)
    reasons = column(ws, "Reasons")
    assert all(c.alignment.wrap_text for c in reasons if c.value)
    letter = reasons[0].column_letter
    assert ws.column_dimensions[letter].width >= 60
    assert any(len(c.value) > 150 for c in reasons if c.value)  # in full, not truncated
    bands = column(ws, "Risk band")
    letter = bands[0].column_letter
    fills = {}
    for cf in ws.conditional_formatting:  # one rule per band over the whole column
        assert str(cf.sqref) == f"{letter}2:{letter}{n + 1}"
        for rule in cf.rules:
            assert rule.operator == "equal"
            fills[rule.formula[0].strip('"')] = rule.dxf.fill.bgColor.rgb[-6:]
    assert fills == BAND_FILLS
    assert {c.value for c in bands} <= set(BAND_FILLS)
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_every_formula_like_text_is_neutralised(book_en):
    ws = book_en["Assets"]
    makers = {c.value for c in column(ws, "Manufacturer (as entered)")}
    for text in HOSTILE:
        assert "'" + text in makers, text
    for c in column(ws, "Manufacturer (as entered)") + column(ws, "Model (as entered)"):
        if c.value and c.value.lstrip("'")[:1] in "=+-@\t":
            assert c.data_type == "s" and c.value.startswith("'")
    for sheet in book_en.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                assert c.data_type != "f", (sheet.title, c.coordinate, c.value)


def test_summary_totals_expected_cost_and_charts(book_en, assessment):
    ws = book_en["Summary"]
    assert len(ws._charts) == 2
    kinds = sorted(ch.type for ch in ws._charts)
    assert kinds == ["bar", "col"]
    con = sqlite3.connect(assessment)
    summary = {
        r[0]: r[1:]
        for r in con.execute(
            "SELECT scenario_id, replacement_cost, stranded_value, level_3, expected_cost "
            "FROM scenario_summary"
        )
    }
    con.close()
    rows = list(ws.iter_rows(values_only=True))
    head_at = next(i for i, r in enumerate(rows) if r[0] == "Scenario")
    head = rows[head_at]
    by_name = {r[0]: dict(zip(head, r)) for r in rows[head_at + 1 : head_at + 6]}
    rip = by_name["Rip and replace"]
    assert rip["Replacement cost (USD)"] == pytest.approx(summary["rip_and_replace"][0])
    assert rip["Stranded value (USD)"] == pytest.approx(summary["rip_and_replace"][1])
    assert rip["Level 3 removal"] == summary["rip_and_replace"][2]
    expected = next(r for r in rows if r[0] and str(r[0]).startswith("Expected cost"))
    assert [v for v in expected[1:] if v is not None] == [pytest.approx(summary["rip_and_replace"][3])]
    assert any(r[0] == "Top vendors by expected exposure" for r in rows)


def test_scenarios_sheet_explains_every_parameter(book_en):
    ws = book_en["Scenarios"]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True)]
    path = os.path.join(
        os.path.dirname(os.path.dirname(__file__)), "resources", "scenarios", "rip_and_replace.json"
    )
    doc = json.load(open(path, encoding="utf-8"))
    rip = {r[2]: r for r in rows if r[0] == "Rip and replace"}
    for key in SCENARIO_KEYS:
        if key not in ("id", "notes", "facts"):
            assert key in rip, key
    assert rip["probability"][3] == doc["probability"]
    assert rip["probability"][4] == doc["notes"]["probability"]
    assert rip["cost_multiplier_high"][4] == doc["notes"]["cost_multiplier_high"]
    assert {r[0] for r in rows} >= {"Status quo", "Bifurcation", "Scoring profile"}
    # a multi-line explanation reads beside its parameter: every cell starts at the top
    body = [c for row in ws.iter_rows(min_row=2) for c in row if c.value is not None]
    assert body and {c.alignment.vertical for c in body} == {"top"}


def test_evidence_lists_every_cited_list_with_source_and_date(book_en, assessment):
    con = sqlite3.connect(assessment)
    cited = set()
    for sid in SCENARIOS:
        for (lists,) in con.execute(f"SELECT sanction_lists FROM risk_{sid}"):
            cited |= {x for x in (lists or "").split(";") if x}
    con.close()
    assert cited
    ws = book_en["Evidence"]
    head = header(ws, 2)
    assert head[:6] == ["List", "List name", "Jurisdiction", "Authority", "Measure", "Level"]
    rows = [dict(zip(head, r)) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert {r["List"] for r in rows} == cited
    hik = [r for r in rows if r["Listed vendor"] == "hikvision"]
    assert hik and all(r["Source"] and r["As of"] and r["Date added"] for r in hik)


def test_run_info_names_versions_inputs_and_time(book_en):
    rows = {r[2]: r[1] for r in book_en["Run info"].iter_rows(min_row=2, values_only=True)}
    for key in (
        "run_at",
        "reference_date",
        "jurisdiction",
        "catalog_version",
        "scenarios",
        "field_mapping",
        "input_plugin_version",
        "exported_at",
        "export_plugin_version",
        "assessment_file",
    ):
        assert rows.get(key) not in (None, ""), key
    assert rows["jurisdiction"] == "US"


def test_rows_past_the_limit_continue_on_further_sheets(assessment, tmp_path, provider):
    book, res = export(assessment, tmp_path / "small.xlsx", LANGUAGE="en", ROW_LIMIT=10)
    n = N_ASSETS * len(SCENARIOS)
    sheets = [s for s in book.sheetnames if s.startswith("Assets")]
    assert sheets == ["Assets"] + [f"Assets ({i})" for i in range(2, len(sheets) + 1)]
    assert len(sheets) == -(-n // 9)
    counts = [book[s].max_row - 1 for s in sheets]
    assert sum(counts) == n and max(counts) == 9
    assert all(header(book[s]) == header(book["Assets"]) for s in sheets)
    assert all(book[s].freeze_panes == "C2" for s in sheets)
    notes = [r[0] for r in book["Summary"].iter_rows(values_only=True) if r[0]]
    assert any(f"fill {len(sheets)} sheets" in str(t) and "Assets (2)" in str(t) for t in notes)
    assert res["ASSET_ROWS"] == n


def test_language_follows_the_qgis_locale(provider):
    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    try:
        settings.setValue("locale/userLocale", "fr_FR")
        assert default_language() == "fr"
        alg = QgsApplication.processingRegistry().createAlgorithmById("vendorrisk:exportworkbook")
        assert alg.parameterDefinition("LANGUAGE").defaultValue() == "fr"
        settings.setValue("locale/userLocale", "de_DE")
        assert default_language() == "en"
    finally:
        settings.setValue("locale/userLocale", before)


def test_not_an_assessment_is_a_clear_error(tmp_path, provider):
    plain = tmp_path / "city.gpkg"
    write_gpkg(plain, "cameras", CAMERAS[:1], ["POINT (0 0)"])
    with pytest.raises(QgsProcessingException, match="not an assessment GeoPackage"):
        run_alg("vendorrisk:exportworkbook", {"INPUT": str(plain), "OUTPUT": str(tmp_path / "o.xlsx")})
    junk = tmp_path / "junk.gpkg"
    junk.write_text("not a database", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="junk.gpkg: not a GeoPackage|cannot be"):
        run_alg("vendorrisk:exportworkbook", {"INPUT": str(junk), "OUTPUT": str(tmp_path / "o.xlsx")})
    assert not (tmp_path / "o.xlsx").exists()


def test_written_atomically_over_an_old_file(assessment, tmp_path, provider):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    export(assessment, target, LANGUAGE="en")
    assert os.listdir(tmp_path) == ["out.xlsx"]
    assert openpyxl.load_workbook(target).sheetnames[0] == "Summary"


def test_demo_function_writes_the_workbook(assessment, tmp_path):
    path = export_workbook(str(assessment), str(tmp_path / "demo.xlsx"))[0]
    assert path == str(tmp_path / "demo.xlsx")
    assert "Assets" in openpyxl.load_workbook(path, read_only=True).sheetnames
