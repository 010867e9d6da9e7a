"""vendorrisk:assessrisk end to end on GeoPackage layers, through Processing."""

import hashlib
import sqlite3

import pytest
from conftest import run_alg
from layers import write_gpkg
from qgis.core import QgsProcessingException, QgsVectorLayer

CONTRACT_FIELDS = (
    "vendor_id",
    "vendor_name",
    "match_method",
    "match_confidence",
    "standards",
    "sanction_level",
    "sanction_lists",
    "removal_deadline",
    "replacement_cost",
    "stranded_value",
    "compatible",
    "lockin_ratio",
    "risk_score",
    "risk_band",
    "reasons",
)
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
    {
        "camera_id": "C3",
        "fabricant": "",
        "modele": "",
        "type": "camera",
        "annee": None,
        "cout": 900.0,
        "protocoles": "",
        "vms": "NOPE",
    },
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


def sha(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture
def inputs(tmp_path):
    src = tmp_path / "city.gpkg"
    cams = write_gpkg(src, "cameras", CAMERAS, ["POINT (700000 6600000)"] * 3)
    plats = write_gpkg(src, "platforms", PLATFORMS, ["POINT (700100 6600100)"])
    return src, [cams, plats]


def test_writes_the_contract_layers_and_tables(tmp_path, provider, inputs):
    src, uris = inputs
    before = sha(src)
    out = tmp_path / "risk.gpkg"
    res = run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": uris, "JURISDICTION": "US", "REFERENCE_DATE": "2026-11-25", "OUTPUT": str(out)},
    )
    assert sha(src) == before
    assert res["ASSETS"] == 4
    con = sqlite3.connect(out)
    tables = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
    for sid in ("status_quo", "targeted_sanctions", "component_embargo", "rip_and_replace", "bifurcation"):
        assert f"risk_{sid}" in tables
    assert {"vendor_summary", "scenario_summary", "run_info", "data_issues"} <= tables
    styles = {(r[0], r[1]) for r in con.execute("SELECT f_table_name, useAsDefault FROM layer_styles")}
    assert ("risk_rip_and_replace", 1) in styles
    run_info = dict(con.execute("SELECT key, value FROM run_info").fetchall())
    assert run_info["jurisdiction"] == "US"
    assert run_info["catalog_version"]
    assert "cameras" in run_info["input_layers"]
    issues = con.execute("SELECT asset_id, field, message FROM data_issues").fetchall()
    assert ("C3", "vms") in {(a, f) for a, f, _ in issues}  # platform NOPE not found
    con.close()

    layer = QgsVectorLayer(f"{out}|layername=risk_rip_and_replace", "r", "ogr")
    assert layer.isValid() and layer.featureCount() == 4
    for name in CONTRACT_FIELDS + ("camera_id", "fabricant", "source_layer"):
        assert name in layer.fields().names(), name
    rows = {f["camera_id"]: f for f in layer.getFeatures()}
    assert {f["scenario_id"] for f in rows.values()} == {"rip_and_replace"}
    assert rows["C1"]["purchase_value"] == 1000.0
    assert rows["C1"]["sanction_level"] == 3
    assert rows["C1"]["risk_band"] in ("high", "critical")
    assert "2027-12-31" in rows["C1"]["reasons"]
    assert rows["C2"]["sanction_level"] == 0
    assert rows["C2"]["reintegration_cost"] > 0  # V1 speaks only ISAPI: the link is proprietary
    assert rows["V1"]["source_layer"] == "platforms"
    assert layer.renderer().type() == "RuleRenderer"  # the default style from the file


def test_unknown_jurisdiction_is_a_clear_error(tmp_path, provider, inputs):
    _, uris = inputs
    with pytest.raises(QgsProcessingException, match="unknown jurisdiction 'ZZ'"):
        run_alg(
            "vendorrisk:assessrisk", {"INPUT": uris, "JURISDICTION": "ZZ", "OUTPUT": str(tmp_path / "o.gpkg")}
        )
    assert not (tmp_path / "o.gpkg").exists()


def test_malformed_user_scenario_names_the_key(tmp_path, provider, inputs):
    _, uris = inputs
    folder = tmp_path / "sc"
    folder.mkdir()
    (folder / "my_case.json").write_text(
        '{"id": "my_case", "name": "x", "description": "y", "probability": "high"}', encoding="utf-8"
    )
    with pytest.raises(QgsProcessingException, match=r"my_case.json, key 'probability'"):
        run_alg(
            "vendorrisk:assessrisk",
            {"INPUT": uris, "SCENARIO_FOLDER": str(folder), "OUTPUT": str(tmp_path / "o.gpkg")},
        )


def test_user_scenario_is_assessed(tmp_path, provider, inputs):
    _, uris = inputs
    folder = tmp_path / "sc"
    folder.mkdir()
    (folder / "city_ban.json").write_text(
        """{
      "id": "city_ban", "name": {"en": "City ban"}, "description": "the council removes all",
      "probability": 0.5, "list_scope": "bloc", "removal_from_level": 1,
      "removal_deadline": "2028-06-30"}""",
        encoding="utf-8",
    )
    out = tmp_path / "o.gpkg"
    run_alg(
        "vendorrisk:assessrisk",
        {
            "INPUT": uris,
            "SCENARIO_FOLDER": str(folder),
            "SCENARIOS": "city_ban",
            "JURISDICTION": "FR",
            "REFERENCE_DATE": "2026-11-25",
            "OUTPUT": str(out),
        },
    )
    layer = QgsVectorLayer(f"{out}|layername=risk_city_ban", "r", "ogr")
    rows = {f["camera_id"]: f for f in layer.getFeatures()}
    assert rows["C1"]["removal_deadline"] == "2028-06-30"
    assert rows["C1"]["forced_year"] == 2028


def test_both_styles_are_offered_in_qgis(tmp_path, provider, inputs):
    from vendor_risk.gis.styles.risk import apply_risk_styles

    _, uris = inputs
    out = tmp_path / "risk.gpkg"
    run_alg("vendorrisk:assessrisk", {"INPUT": uris, "SCENARIOS": "rip_and_replace", "OUTPUT": str(out)})
    layer = QgsVectorLayer(f"{out}|layername=risk_rip_and_replace", "r", "ogr")
    apply_risk_styles(layer)
    manager = layer.styleManager()
    assert {"Risk score", "Sanction level"} <= set(manager.styles())
    assert layer.renderer().type() == "RuleRenderer"
    manager.setCurrentStyle("Sanction level")
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "sanction_level"
    manager.setCurrentStyle("Risk score")
    assert layer.renderer().type() == "RuleRenderer"
    assert "reasons" in layer.mapTipTemplate()


@pytest.mark.parametrize(
    "lang, words",
    [
        ("fr", ("retrait imposé\u00a0: remplacé en 2027", "«\u00a0Arracher et remplacer\u00a0»")),
        ("en", ("removal mandated: replaced in 2027", "'Rip and replace'")),
    ],
)
def test_reasons_are_written_in_the_chosen_language(tmp_path, provider, inputs, lang, words):
    _, uris = inputs
    out = tmp_path / f"risk_{lang}.gpkg"
    run_alg(
        "vendorrisk:assessrisk",
        {
            "INPUT": uris,
            "JURISDICTION": "US",
            "LANGUAGE": lang,
            "SCENARIOS": "rip_and_replace",
            "REFERENCE_DATE": "2026-11-25",
            "OUTPUT": str(out),
        },
    )
    con = sqlite3.connect(out)
    reasons = dict(con.execute("SELECT camera_id, reasons FROM risk_rip_and_replace"))
    con.close()
    for w in words:
        assert w in reasons["C1"], reasons["C1"]
