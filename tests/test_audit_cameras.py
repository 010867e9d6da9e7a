"""vendorrisk:auditcameras on the data-driven fixture: exact findings, outputs a regulator files."""

import hashlib
import re

import openpyxl
import pytest
from audit_fixture import audit_provider, expected_findings, write_fixture  # noqa: F401
from conftest import run_alg
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
)

pytestmark = pytest.mark.usefixtures("audit_provider")

AUDIT_DATE = "2026-06-01"


class Recorder(QgsProcessingFeedback):
    """Keeps what the algorithm tells the user."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def params(uris, out):
    return {
        "INPUT": uris["cameras"],
        "SENSITIVE_SITES": uris["sensitive_sites"],
        "DWELLINGS": uris["dwellings"],
        "DISTRICTS": uris["districts"],
        "AUDIT_DATE": AUDIT_DATE,
        "OUTPUT": str(out / "audit.gpkg"),
    }


@pytest.fixture(scope="module")
def audit(tmp_path_factory, request):
    request.getfixturevalue("audit_provider")
    folder = tmp_path_factory.mktemp("audit")
    src, uris = write_fixture(folder)
    before = digest(src)
    fb = Recorder()
    p = params(uris, folder)
    p.update(OUTPUT_XLSX=str(folder / "audit.xlsx"), OUTPUT_PDF=str(folder / "audit.pdf"))
    res = run_alg("vendorrisk:auditcameras", p, fb)
    return {"res": res, "fb": fb, "folder": folder, "src": src, "before": before, "uris": uris}


def layer(res, key):
    lyr = QgsVectorLayer(res[key], key, "ogr")
    assert lyr.isValid(), res[key]
    return lyr


def test_the_fixture_yields_exactly_the_expected_findings(audit):
    findings = layer(audit["res"], "FINDINGS")
    got = {(f["camera_id"], f["rule_id"], f["status"]) for f in findings.getFeatures()}
    assert got == expected_findings()


def test_findings_carry_plain_evidence_and_the_camera_location(audit):
    rows = {(f["camera_id"], f["rule_id"]): f for f in layer(audit["res"], "FINDINGS").getFeatures()}
    ret = rows[("RET_45", "retention_too_long")]
    assert ret["evidence"] == "recordings kept 45 days, longer than the 30-day limit"
    assert ret["values_checked"].startswith("duree_conservation='45'")
    assert ret["severity"] == "high" and "L.252-5" in ret["legal_basis"]
    vendor = rows[("VENDOR3", "restricted_vendor")]["evidence"]
    assert "Hikvision" in vendor and "3 (removal)" in vendor and "2027-01-01" in vendor
    assert "École North" in rows[("NORTH", "view_sensitive_sites")]["evidence"]
    assert "assumed" in rows[("ASSUMED", "view_dwellings")]["evidence"]
    assert rows[("DWELL", "view_dwellings")].geometry().asPoint().x() == pytest.approx(700410)
    assert rows[("NOGEOM", "view_dwellings")].geometry().isNull()


def test_bad_values_are_reported_by_camera_and_field_and_the_run_goes_on(audit):
    warnings = "\n".join(audit["fb"].warnings)
    assert "camera RET_BAD, field 'duree_conservation': value 'trente'" in warnings
    assert "NOGEOM" in warnings and "no location" in warnings
    fov = {f["camera_id"]: f for f in layer(audit["res"], "FIELDS_OF_VIEW").getFeatures()}
    assert len(fov) == 28
    assert fov["RET_BAD"]["breaches"] == 0 and fov["RET_BAD"]["cannot_verify"] == 1


def test_the_input_is_never_written(audit):
    assert digest(audit["src"]) == audit["before"]


def test_per_camera_summary_in_fields_of_view(audit):
    fov = {f["camera_id"]: f for f in layer(audit["res"], "FIELDS_OF_VIEW").getFeatures()}
    assert fov["OK1"]["status"] == "compliant"
    assert fov["DWELL"]["status"] == "breach" and fov["DWELL"]["view_status"] == "breach"
    assert fov["DWELL"]["dwellings_in_view"] == 1
    assert fov["COMMERCE"]["dwellings_in_view"] == 0  # a shop is not a dwelling
    assert fov["ASSUMED"]["fov_assumed"] and "direction not recorded" in fov["ASSUMED"]["assumed_values"]
    assert not fov["OK2"]["fov_assumed"]
    assert fov["OK2"]["area_m2"] == pytest.approx(3.14159 * 400, rel=0.01)


def test_district_coverage_counts_and_share(audit):
    rows = {f["district_id"]: f for f in layer(audit["res"], "DISTRICT_COVERAGE").getFeatures()}
    east, west = rows["D2"], rows["D1"]
    assert east["n_cameras"] == 1
    # one 20 m disc in an empty 200 m x 200 m district
    assert east["coverage_share"] == pytest.approx(3.14159 * 400 / 40000, rel=0.01)
    assert west["n_cameras"] == 26
    assert west["cameras_by_vendor"] == "Axis 25; Hikvision 1"
    assert (west["sanction_0"], west["sanction_1"], west["sanction_3"], west["sanction_unknown"]) == (
        23,
        1,
        1,
        1,
    )
    # public space = district minus building footprints (three 10 m x 10 m buildings in D1)
    assert west["public_area_m2"] == pytest.approx(2000 * 400 - 300, abs=1)


def test_workbook_sheets_headers_and_neutralised_cells(audit):
    wb = openpyxl.load_workbook(audit["folder"] / "audit.xlsx")
    assert wb.sheetnames == ["Findings", "Per rule", "Per camera", "Districts", "Rule set", "Run info"]
    headers = [c.value for c in wb["Findings"][1]]
    assert headers[:6] == ["Camera", "Rule id", "Rule", "Rule (French)", "Severity", "Finding"]
    statuses = {r[5] for r in wb["Findings"].iter_rows(min_row=2, values_only=True)}
    assert statuses <= {"breach", "cannot be verified"} and "breach" in statuses
    ids = [c.value for c in wb["Findings"]["A"][1:]]
    hostile = [v for v in ids if "HYPERLINK" in str(v)]
    assert hostile == ['\'=HYPERLINK("http://evil.example","x")']
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                assert c.data_type != "f", (ws.title, c.coordinate, c.value)
    per_rule = {r[0]: r for r in wb["Per rule"].iter_rows(min_row=2, values_only=True)}
    assert len(per_rule) == 11
    assert per_rule["retention_too_long"][5:7] == (1, 2)  # breaches, cannot_verify
    info = {r[0]: r[1] for r in wb["Run info"].iter_rows(min_row=2, values_only=True)}
    assert info["audit_date"] == AUDIT_DATE and info["ruleset"].startswith("fr_cnil")
    districts = wb["Districts"]
    assert [c.value for c in districts[1]][:2] == ["District id", "District"]
    share = [c.value for c in districts[1]].index("Share of public space in view") + 1
    assert districts.cell(2, share).number_format == "0.0%" and 0 <= districts.cell(2, share).value <= 1
    cams = wb["Per camera"]
    assumed = [c.value for c in cams[1]].index("Field of view assumed") + 1
    assert {cams.cell(r, assumed).value for r in range(2, cams.max_row + 1)} <= {"yes", "no"}
    for ws in wb.worksheets:  # printed: landscape, one page wide, headers repeated
        assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1, ws.title
        assert ws.print_title_rows == "$1:$1", ws.title


def test_pdf_report_is_a_real_multi_page_pdf(audit):
    data = (audit["folder"] / "audit.pdf").read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 30_000
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 4  # map, detail, rules, breaches
    assert not [p for p in audit["folder"].iterdir() if p.name.startswith(".audit")]


def test_output_layers_carry_their_styles(audit):
    res = audit["res"]
    fov = layer(res, "FIELDS_OF_VIEW")
    assert fov.listStylesInDatabase()[0] >= 1
    assert fov.renderer().type() == "categorizedSymbol"  # the default style came from the file
    assert fov.renderer().classAttribute() == "view_status"
    assert layer(res, "FINDINGS").renderer().type() == "RuleRenderer"
    dc = layer(res, "DISTRICT_COVERAGE")
    assert dc.renderer().type() == "graduatedSymbol" and dc.labelsEnabled()


def test_styles_are_applied_when_processing_loads_the_outputs(tmp_path):
    _src, uris = write_fixture(tmp_path)
    alg = QgsApplication.processingRegistry().createAlgorithmById("vendorrisk:auditcameras")
    project = QgsProject()
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    res, ok = alg.run(params(uris, tmp_path), context, feedback)
    assert ok
    loads = context.layersToLoadOnCompletion()
    wanted = {
        res["FINDINGS"]: "RuleRenderer",
        res["FIELDS_OF_VIEW"]: "categorizedSymbol",
        res["DISTRICT_COVERAGE"]: "graduatedSymbol",
    }
    assert set(wanted) <= set(loads)
    for uri, renderer in wanted.items():
        details = context.layerToLoadOnCompletionDetails(uri)
        lyr = QgsVectorLayer(uri, details.name, "ogr")
        # forget the style the GeoPackage gave, to see the post-processor apply it
        lyr.setRenderer(QgsSingleSymbolRenderer(QgsSymbol.defaultSymbol(lyr.geometryType())))
        details.postProcessor().postProcessLayer(lyr, context, feedback)
        assert lyr.renderer().type() == renderer


def test_a_layer_without_assessment_gets_vendor_exposure_from_the_catalog(tmp_path):
    from layers import write_gpkg

    rows = [
        {"camera_id": "C1", "arrete": "ARR-1", "fabricant": ""},
        {"camera_id": "C2", "arrete": "ARR-2", "fabricant": "Hikvision"},
        {"camera_id": "C3", "arrete": "ARR-3", "fabricant": "Axis"},
    ]
    uri = write_gpkg(tmp_path / "c.gpkg", "cams", rows, ["POINT (700000 6600000)"] * 3)
    fb = Recorder()
    res = run_alg(
        "vendorrisk:auditcameras",
        {"INPUT": uri, "JURISDICTION": "US", "OUTPUT": str(tmp_path / "o.gpkg")},
        fb,
    )
    assert any("lists in force in US" in m for m in fb.infos)
    got = {(f["camera_id"], f["rule_id"], f["status"]) for f in layer(res, "FINDINGS").getFeatures()}
    # an unknown maker cannot be verified; a restricted one is a breach; Axis passes
    assert ("C1", "restricted_vendor", "cannot_verify") in got
    assert ("C2", "restricted_vendor", "breach") in got
    assert not {g for g in got if g[0] == "C3" and g[1] == "restricted_vendor"}


def test_output_over_an_input_file_is_refused(tmp_path):
    from qgis.core import QgsProcessingException

    src, uris = write_fixture(tmp_path)
    with pytest.raises(QgsProcessingException, match="OUTPUT and INPUT are the same file"):
        run_alg("vendorrisk:auditcameras", {"INPUT": uris["cameras"], "OUTPUT": src})


def test_the_workbook_speaks_french_when_asked(audit, tmp_path):
    p = params(audit["uris"], tmp_path)
    p.update(OUTPUT_XLSX=str(tmp_path / "audit_fr.xlsx"), LANGUAGE="fr")
    run_alg("vendorrisk:auditcameras", p, Recorder())
    wb = openpyxl.load_workbook(tmp_path / "audit_fr.xlsx")
    assert wb.sheetnames == ["Constats", "Par règle", "Par caméra", "Quartiers", "Règles", "Exécution"]
    headers = [c.value for c in wb["Constats"][1]]
    assert headers[:6] == ["Caméra", "Id de la règle", "Règle (anglais)", "Règle", "Gravité", "Constat"]
    statuses = {r[5] for r in wb["Constats"].iter_rows(min_row=2, values_only=True)}
    assert "manquement" in statuses and statuses <= {"manquement", "non vérifiable"}
    severities = {r[4] for r in wb["Constats"].iter_rows(min_row=2, values_only=True)}
    assert severities <= {"critique", "élevée", "moyenne", "faible"}
