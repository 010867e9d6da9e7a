"""Export, edit a unit cost in the workbook, import it back onto the layer, re-assess."""

import sqlite3

import openpyxl
import pytest
from conftest import run_alg
from layers import write_gpkg
from qgis.core import QgsVectorLayer

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
        "cout": 800.0,
        "protocoles": "ONVIF S",
        "vms": "V1",
    },
    {
        "camera_id": "C3",
        "fabricant": "Dahua",
        "modele": "IPC-HFW2431S",
        "type": "camera",
        "annee": 2021,
        "cout": 600.0,
        "protocoles": "ONVIF S",
        "vms": "V1",
    },
]
PLATFORMS = [
    {
        "camera_id": "V1",
        "fabricant": "Milestone",
        "modele": "XProtect",
        "type": "VMS",
        "annee": 2021,
        "cout": 20000.0,
        "protocoles": "ONVIF S",
        "vms": "",
    },
]


def results(gpkg, scenario):
    con = sqlite3.connect(gpkg)
    rows = con.execute(
        f"SELECT camera_id, purchase_value, replacement_cost, stranded_value FROM risk_{scenario}"
    ).fetchall()
    con.close()
    return {r[0]: r[1:] for r in rows}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_an_edited_unit_cost_flows_through_reassessment(tmp_path, provider, lang):
    src = tmp_path / "city.gpkg"
    cams = write_gpkg(src, "cameras", CAMERAS, ["POINT (700000 6600000)"] * 3)
    plats = write_gpkg(src, "platforms", PLATFORMS, ["POINT (700100 6600100)"])
    params = {"JURISDICTION": "US", "REFERENCE_DATE": "2026-11-25", "SCENARIOS": "status_quo,rip_and_replace"}
    first = tmp_path / "risk1.gpkg"
    run_alg("vendorrisk:assessrisk", {"INPUT": [cams, plats], "OUTPUT": str(first), **params})
    book = tmp_path / "risk.xlsx"
    run_alg("vendorrisk:exportworkbook", {"INPUT": str(first), "OUTPUT": str(book), "LANGUAGE": lang})

    # The procurement team corrects C1's unit cost in one row of the Assets sheet.
    wb = openpyxl.load_workbook(book)
    ws = wb.worksheets[1]
    head = [c.value for c in ws[1]]
    id_col = head.index("Asset id" if lang == "en" else "Identifiant")
    cost_col = head.index("Unit cost (USD)" if lang == "en" else "Coût unitaire (USD)")
    edited = [row for row in ws.iter_rows(min_row=2) if row[id_col].value == "C1"]
    assert len(edited) == 2 and edited[0][cost_col].value == 1000  # once per scenario
    edited[-1][cost_col].value = 2500
    wb.save(tmp_path / "edited.xlsx")

    joined = tmp_path / "joined.gpkg"
    res = run_alg(
        "vendorrisk:importinventory",
        {"INPUT": str(tmp_path / "edited.xlsx"), "JOIN_LAYER": cams, "OUTPUT": str(joined)},
    )
    assert res["FEATURES_UPDATED"] == 3
    con = sqlite3.connect(joined)
    issues = [r[0] for r in con.execute("SELECT message FROM import_issues")]
    con.close()
    assert issues == ["id 'V1' matches no feature of cameras (field camera_id)"]
    layer = QgsVectorLayer(res["OUTPUT"], "j", "ogr")
    costs = {f["camera_id"]: f["cout"] for f in layer.getFeatures()}
    assert costs == {"C1": 2500.0, "C2": 800.0, "C3": 600.0}
    assert "Risk score" not in layer.fields().names()  # computed columns are not imported

    second = tmp_path / "risk2.gpkg"
    run_alg("vendorrisk:assessrisk", {"INPUT": [res["OUTPUT"], plats], "OUTPUT": str(second), **params})
    for scenario in ("status_quo", "rip_and_replace"):
        before, after = results(first, scenario), results(second, scenario)
        assert after["C1"][0] == pytest.approx(2.5 * before["C1"][0])  # purchase value
        assert after["C1"][1] == pytest.approx(2.5 * before["C1"][1])  # replacement cost
        assert after["C2"] == pytest.approx(before["C2"])
    assert results(second, "rip_and_replace")["C1"][1] > 0
