"""Inventory workbooks that would exhaust memory or import the wrong rows quietly.

Bounds are read from the sheet XML before openpyxl allocates a cell; formulas nobody computed,
hidden sheets and merged notes are told apart from data."""

import tracemalloc
import zipfile

import openpyxl
import pytest
from vendor_risk.risk.inventory import read as inventory_read
from vendor_risk.risk.inventory.read import InventoryError
from vendor_risk.risk.inventory.table import read_inventory


def _xfd_bomb(path, rows=20_000):
    """Each row holds one cell in the last column, XFD: a small file, 327 M cells if padded."""
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Inventaire")
    ws.append(["asset_id", "fabricant"])
    ws.append(["C1", "Axis"])
    wb.save(path)
    # the same shape, row after row, written straight into the XML (openpyxl pads nothing)
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    cells = b"".join(
        b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (r, r)
        for r in range(3, rows + 3)
    )
    parts[sheet] = parts[sheet].replace(b"</sheetData>", cells + b"</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def test_a_cell_in_column_xfd_is_refused_before_allocation(tmp_path):
    path = _xfd_bomb(tmp_path / "bomb.xlsx")
    assert path.stat().st_size < 400_000
    tracemalloc.start()
    try:
        with pytest.raises(InventoryError, match=r"column XFD \(column 16,384\)"):
            read_inventory(str(path))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024  # bounded: the padded sheet would take gigabytes


def test_too_many_cells_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(inventory_read, "MAX_CELLS", 50)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["asset_id", "fabricant", "modele"])
    for i in range(30):
        ws.append([f"C{i}", "Axis", "P3265"])
    wb.save(tmp_path / "big.xlsx")
    with pytest.raises(InventoryError, match="more than the 50 an inventory may hold"):
        read_inventory(str(tmp_path / "big.xlsx"))


def test_a_formula_without_a_saved_result_is_an_issue_not_silence(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Inventaire"
    ws.append(["asset_id", "fabricant", "cout"])
    ws.append(["C1", "Axis", 900])
    ws.append(["C2", "Axis", "=B2*2"])  # openpyxl saves formulas without their result
    wb.save(tmp_path / "f.xlsx")
    table = read_inventory(str(tmp_path / "f.xlsx"))
    found = [i for i in table.issues if i["cell"] == "Inventaire!C3"]
    assert found and "formula" in found[0]["message"]


def test_hidden_sheets_are_not_imported_unless_named(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Inventaire"
    ws.append(["asset_id", "fabricant", "modele"])
    ws.append(["C1", "Axis", "P3265"])
    old = wb.create_sheet("Ancien")
    old.append(["asset_id", "fabricant", "modele"])
    old.append(["OLD1", "Hikvision", "DS-2CD"])
    old.sheet_state = "hidden"
    wb.save(tmp_path / "h.xlsx")
    table = read_inventory(str(tmp_path / "h.xlsx"))
    assert set(table.frame["source_sheet"]) == {"Inventaire"}
    assert any("Ancien: a hidden sheet" in line for line in table.log)
    named = read_inventory(str(tmp_path / "h.xlsx"), sheets=["Ancien"])
    assert set(named.frame["source_sheet"]) == {"Ancien"}


def test_a_merged_note_under_the_table_is_no_asset_and_vertical_merges_still_fill(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Inventaire"
    ws.append(["site", "asset_id", "fabricant", "modele"])
    ws.append(["Mairie", "C1", "Axis", "P3265"])
    ws.append([None, "C2", "Axis", "P3265"])
    ws.merge_cells("A2:A3")  # one site for two cameras
    ws.append([])
    ws.append(["Note : inventaire arrêté au 1er mars, sources : services techniques"])
    ws.merge_cells("A5:D6")
    wb.save(tmp_path / "m.xlsx")
    table = read_inventory(str(tmp_path / "m.xlsx"))
    assert len(table.frame) == 2
    sites = table.frame.filter(like="site").iloc[:, 0].tolist()
    assert sites == ["Mairie", "Mairie"]
    assert any("merged note" in line for line in table.log)
