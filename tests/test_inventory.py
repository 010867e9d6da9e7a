"""vendorrisk:importinventory on inventories as procurement teams keep them."""

import hashlib
import sqlite3
from datetime import datetime

import openpyxl
import pytest
from conftest import run_alg
from layers import write_gpkg
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from vendor_risk.risk.inventory.join import join_inventory
from vendor_risk.risk.inventory.read import InventoryError
from vendor_risk.risk.inventory.table import read_inventory


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.lines.append(warning)


def messy_workbook(path):
    """Title rows (merged), a blank row, header on row 4, merged maker cells, a blank data row,
    dates, numbers as text, a bad cost, a second sheet with other headers, a notes sheet."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Inventaire"
    ws["A1"] = "Inventaire des caméras de vidéoprotection"
    ws.merge_cells("A1:G1")
    ws["A2"] = "Direction des achats — 2024"
    ws.append([])
    ws.append(
        ["Identifiant", "Fabricant", "Modèle", "Coût unitaire", "Mise en service", "Longitude", "Latitude"]
    )  # row 4
    ws.append(
        ["C1", "Hikvision", "DS-2CD2143G2-I", "1 200", datetime(2019, 5, 2), "4,8357", "45.764"]
    )  # row 5
    ws.append(["C2", None, "DS-2CD2143G2-I", "1200,50", 2020, 4.84, 45.77])  # row 6 (merged B5:B6)
    ws.append([])  # row 7
    ws.append(["C3", "Axis", "P3265-LVE", "abc", "2021-03-01", 4.85, 45.78])  # row 8: bad cost
    ws.append(["C4", "Axis", "P3265-LVE", 900, "05/2022", None, None])  # row 9: no position
    ws.merge_cells("B5:B6")
    annex = wb.create_sheet("Annexe")
    annex.append(["ref", "marque", "cout", "lon", "lat", "commentaire"])
    annex.append(["C9", "Dahua", 300, 4.9, 45.8, '=HYPERLINK("http://x","y")'])
    notes = wb.create_sheet("Notes")
    notes.append(["Ces données sont confidentielles."])
    wb.save(path)
    return str(path)


def layer_rows(uri):
    layer = QgsVectorLayer(uri, "out", "ogr")
    assert layer.isValid(), uri
    return layer, {
        f["asset_id"] if "asset_id" in layer.fields().names() else f["Identifiant"]: f
        for f in layer.getFeatures()
    }


def test_messy_workbook_reads_every_good_row(tmp_path):
    table = read_inventory(messy_workbook(tmp_path / "inv.xlsx"))
    f = table.frame
    assert f["source_sheet"].tolist() == ["Inventaire"] * 4 + ["Annexe"]
    assert f["source_row"].tolist() == [5, 6, 8, 9, 2]  # header on row 4, blank row 7 skipped
    assert f["role:id"].tolist() == ["C1", "C2", "C3", "C4", "C9"]
    assert f["role:manufacturer"].tolist()[:2] == ["Hikvision", "Hikvision"]  # merged B5:B6
    assert f["role:unit_cost"].tolist()[:2] == [1200.0, 1200.5]  # numbers typed as text
    assert f["role:install_year"].tolist()[:4] == [2019, 2020, 2021, 2022]  # date, int, text
    assert f["role:x"].tolist()[0] == pytest.approx(4.8357)  # decimal comma
    assert "Notes: skipped (no recognisable header row)" in table.log
    assert table.headers["role:unit_cost"] == "Coût unitaire"


def test_bad_cell_is_named_by_sheet_row_and_column(tmp_path):
    table = read_inventory(messy_workbook(tmp_path / "inv.xlsx"))
    messages = [f"{i['cell']}: {i['message']}" for i in table.issues]
    assert "Inventaire!D8: 'abc' is not a number" in messages
    bad = table.frame[table.frame["role:id"] == "C3"].iloc[0]
    assert bad["role:model"] == "P3265-LVE"  # the rest of the row is kept
    assert bad["role:unit_cost"] != bad["role:unit_cost"]  # NaN: left empty


def test_import_builds_lonlat_points_with_an_issues_table(tmp_path, provider):
    src = messy_workbook(tmp_path / "inv.xlsx")
    before = hashlib.sha256(open(src, "rb").read()).hexdigest()
    out = tmp_path / "assets.gpkg"
    log = Log()
    res = run_alg(
        "vendorrisk:importinventory",
        {"INPUT": src, "OUTPUT": str(out), "OUTPUT_ISSUES": str(tmp_path / "issues.csv")},
        log,
    )
    assert hashlib.sha256(open(src, "rb").read()).hexdigest() == before
    assert res["ROWS"] == 5
    layer = QgsVectorLayer(res["OUTPUT"], "inv", "ogr")
    assert layer.isValid() and layer.featureCount() == 5
    assert layer.crs().authid() == "EPSG:4326"
    names = layer.fields().names()
    for name in (
        "source_sheet",
        "source_row",
        "Identifiant",
        "Fabricant",
        "Coût unitaire",
        "Mise en service",
        "Longitude",
        "Latitude",
        "commentaire",
    ):
        assert name in names, (name, names)
    rows = {f["Identifiant"]: f for f in layer.getFeatures()}
    p = rows["C1"].geometry().asPoint()
    assert (round(p.x(), 4), round(p.y(), 3)) == (4.8357, 45.764)
    assert rows["C1"]["Coût unitaire"] == 1200.0 and rows["C1"]["Mise en service"] == 2019
    assert rows["C9"]["source_sheet"] == "Annexe" and rows["C9"]["marque"] == "Dahua"
    assert rows["C4"].geometry().isNull()  # no position: imported without geometry
    assert rows["C3"]["Coût unitaire"] is None or str(rows["C3"]["Coût unitaire"]) == "NULL"
    assert any("Inventaire!D8: 'abc' is not a number" in line for line in log.lines)
    con = sqlite3.connect(out)
    issues = con.execute(
        "SELECT cell, sheet, row, column, field, value, message FROM import_issues"
    ).fetchall()
    con.close()
    assert ("Inventaire!D8", "Inventaire", 8, "D", "Coût unitaire", "abc", "'abc' is not a number") in issues
    assert any(i[0] == "Inventaire!F9" and "no coordinates" in i[6] for i in issues)
    sink = QgsVectorLayer(res["OUTPUT_ISSUES"], "issues", "ogr")
    assert sink.featureCount() == len(issues)
    assert {f["cell"] for f in sink.getFeatures()} == {i[0] for i in issues}


def test_sheet_parameter_reads_one_sheet(tmp_path, provider):
    src = messy_workbook(tmp_path / "inv.xlsx")
    res = run_alg(
        "vendorrisk:importinventory", {"INPUT": src, "SHEET": "Annexe", "OUTPUT": str(tmp_path / "a.gpkg")}
    )
    assert res["ROWS"] == 1
    with pytest.raises(QgsProcessingException, match="no sheet named 'Nope'.*Inventaire"):
        run_alg(
            "vendorrisk:importinventory", {"INPUT": src, "SHEET": "Nope", "OUTPUT": str(tmp_path / "b.gpkg")}
        )
    with pytest.raises(QgsProcessingException, match="Notes: no header row found"):
        run_alg(
            "vendorrisk:importinventory", {"INPUT": src, "SHEET": "Notes", "OUTPUT": str(tmp_path / "c.gpkg")}
        )


def test_projected_xy_with_a_chosen_crs(tmp_path, provider):
    path = tmp_path / "l93.csv"
    path.write_text(
        "ref;fabricant;X;Y\nS1;Nokia;700000;6600000\nS2;Ericsson;700100,5;6600100\n", encoding="utf-8"
    )
    res = run_alg(
        "vendorrisk:importinventory",
        {"INPUT": str(path), "CRS": "EPSG:2154", "OUTPUT": str(tmp_path / "o.gpkg")},
    )
    layer = QgsVectorLayer(res["OUTPUT"], "o", "ogr")
    assert layer.crs().authid() == "EPSG:2154"
    pts = sorted((f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in layer.getFeatures())
    assert pts == [(700000.0, 6600000.0), (700100.5, 6600100.0)]
    assert res["ISSUES"] == 0


def test_projected_xy_read_as_lonlat_are_reported(tmp_path, provider):
    path = tmp_path / "l93.csv"
    path.write_text("ref;fabricant;X;Y\nS1;Nokia;700000;6600000\n", encoding="utf-8")
    log = Log()
    res = run_alg("vendorrisk:importinventory", {"INPUT": str(path), "OUTPUT": str(tmp_path / "o.gpkg")}, log)
    assert res["ISSUES"] == 2
    assert any("l93!C2: 700000 is not a longitude (-180..180): set CRS" in line for line in log.lines)


def test_csv_in_windows_1252_with_semicolons(tmp_path, provider):
    path = tmp_path / "inventaire.csv"
    path.write_bytes(
        "Inventaire\n\nIdentifiant;Fabricant;Modèle;Coût;Année\n"
        "C1;Hikvision;DS-2CD;1 200,50;2019\n;;;;\nC2;Axis;P3265;800;\n".encode("cp1252")
    )
    table = read_inventory(str(path))
    assert table.frame["role:id"].tolist() == ["C1", "C2"]
    assert table.frame["role:unit_cost"].tolist() == [1200.5, 800.0]
    assert table.frame["role:model"].tolist() == ["DS-2CD", "P3265"]
    assert table.frame["source_sheet"].tolist() == ["inventaire"] * 2


def test_field_overrides_name_the_columns(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("Equipment no,Supplier,Price paid\nE1,Hikvision,100\n", encoding="utf-8")
    with pytest.raises(InventoryError, match="no header row found"):
        read_inventory(str(path))
    table = read_inventory(
        str(path), overrides={"id": "Equipment no", "manufacturer": "Supplier", "unit_cost": "Price paid"}
    )
    assert table.frame["role:unit_cost"].tolist() == [100.0]
    with pytest.raises(InventoryError, match="column 'Nope' given for model"):
        read_inventory(
            str(path), overrides={"id": "Equipment no", "manufacturer": "Supplier", "model": "Nope"}
        )


@pytest.fixture
def city(tmp_path):
    rows = [
        {"camera_id": "C1", "fabricant": "Hikvision", "cout": 1000.0, "annee": 2019},
        {"camera_id": "C2", "fabricant": "Axis", "cout": 800.0, "annee": 2020},
        {"camera_id": "C3", "fabricant": "Dahua", "cout": None, "annee": 2021},
    ]
    src = tmp_path / "city.gpkg"
    uri = write_gpkg(src, "cameras", rows, ["POINT (700000 6600000)"] * 3)
    return src, uri


def test_join_by_id_replaces_and_adds_columns(tmp_path, provider, city):
    src, uri = city
    before = hashlib.sha256(open(src, "rb").read()).hexdigest()
    inv = tmp_path / "maj.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "MAJ"
    ws.append(["Mise à jour des coûts"])
    ws.append(["Identifiant", "Coût", "Contrat"])
    ws.append(["C1", "1 500", "MARCHE-2019-12"])
    ws.append(["C3", 700, None])
    ws.append(["C7", 10, "X"])  # no such camera
    ws.append(["C2", "n/a", "MARCHE-2020-01"])  # bad cost: C2 keeps its value
    wb.save(inv)
    out = tmp_path / "joined.gpkg"
    log = Log()
    res = run_alg(
        "vendorrisk:importinventory", {"INPUT": str(inv), "JOIN_LAYER": uri, "OUTPUT": str(out)}, log
    )
    assert hashlib.sha256(open(src, "rb").read()).hexdigest() == before
    assert res["FEATURES_UPDATED"] == 3
    layer = QgsVectorLayer(res["OUTPUT"], "j", "ogr")
    assert layer.featureCount() == 3 and layer.crs().authid() == "EPSG:2154"
    rows = {f["camera_id"]: f for f in layer.getFeatures()}
    assert rows["C1"]["cout"] == 1500.0 and rows["C1"]["Contrat"] == "MARCHE-2019-12"
    assert rows["C3"]["cout"] == 700.0
    assert rows["C2"]["cout"] == 800.0 and rows["C2"]["Contrat"] == "MARCHE-2020-01"
    assert rows["C1"]["fabricant"] == "Hikvision"  # untouched columns stay
    assert not rows["C1"].geometry().isNull()
    assert any(
        "MAJ!A5: id 'C7' matches no feature of cameras (field camera_id)" in line for line in log.lines
    ), log.lines
    assert any("MAJ!B6: 'n/a' is not a number" in line for line in log.lines)


def test_join_refuses_to_write_into_the_layer_file(tmp_path, provider, city):
    src, uri = city
    inv = tmp_path / "maj.csv"
    inv.write_text("camera_id,cout\nC1,5\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="OUTPUT and JOIN_LAYER are the same file"):
        run_alg("vendorrisk:importinventory", {"INPUT": str(inv), "JOIN_LAYER": uri, "OUTPUT": str(src)})


def test_join_without_an_id_column_is_a_clear_error(tmp_path, provider, city):
    _, uri = city
    inv = tmp_path / "maj.csv"
    inv.write_text("fabricant,cout,x,y\nAxis,5,1,2\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no id column to join on"):
        run_alg(
            "vendorrisk:importinventory",
            {"INPUT": str(inv), "JOIN_LAYER": uri, "OUTPUT": str(tmp_path / "o.gpkg")},
        )


def test_rows_repeated_per_scenario_take_the_edited_value(tmp_path):
    """An exported workbook lists each asset once per scenario: the one edit wins; two
    different edits are reported."""
    import pandas as pd

    path = tmp_path / "export.csv"
    path.write_text(
        "Scenario,Asset id,Unit cost (EUR),Risk score\n"
        "Status quo,C1,1000,10\nRip and replace,C1,1500,80\n"
        "Status quo,C2,800,5\nRip and replace,C2,900,50\nBifurcation,C2,950,60\n",
        encoding="utf-8",
    )
    table = read_inventory(str(path))
    assert "Risk score" in table.skipped and "Scenario" in table.skipped
    layer = pd.DataFrame({"camera_id": ["C1", "C2"], "cout": [1000.0, 800.0]})
    out, kinds, stats = join_inventory(
        layer, {"camera_id": "str", "cout": "float"}, "camera_id", table, "cameras"
    )
    assert out["cout"].tolist() == [1500.0, 900.0]
    assert list(out.columns) == ["camera_id", "cout"]
    conflict = [i for i in table.issues if "different new values" in i["message"]]
    assert len(conflict) == 1 and conflict[0]["cell"] == "export!C5"
