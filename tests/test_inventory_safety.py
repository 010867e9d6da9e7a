"""Untrusted inventory files: XML bombs, zip bombs, corrupt and oversized files are refused
cleanly, before any parser expands them; defusedxml guards openpyxl as a second line."""

import io
import tracemalloc
import zipfile

import openpyxl
import pytest
from conftest import run_alg
from qgis.core import QgsProcessingException
from vendor_risk.risk.inventory import safety as inventory_safety
from vendor_risk.risk.inventory.read import InventoryError
from vendor_risk.risk.inventory.safety import UnsafeFileError, check_xlsx, require_defusedxml
from vendor_risk.risk.inventory.table import read_inventory

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{i} "{("&lol" + str(i - 1 if i > 2 else "") + ";") * 10}">\n' for i in range(2, 11)
    )
    + "]>\n"
)
SST = (
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&lol10;</t></si></sst>'
)


def good_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Inventaire"
    ws.append(["asset_id", "fabricant", "cout"])
    ws.append(["C1", "Hikvision", 1200])
    wb.save(path)
    return path


def replace_part(src, dst, part, data, edits=None):
    """Copy a workbook zip with `part` set to `data` (added when absent) and text edits
    {part: (old, new)} applied to other parts."""
    edits = edits or {}
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        names = zin.namelist()
        for info in zin.infolist():
            content = zin.read(info)
            if info.filename in edits:
                old, new = edits[info.filename]
                content = content.decode().replace(old, new).encode()
            zout.writestr(info.filename, data if info.filename == part else content)
        if part not in names:
            zout.writestr(part, data)
    return dst


def with_shared_strings(src, dst, sst):
    """A workbook whose cell A2 reads string 0 of a sharedStrings part holding `sst`."""
    ctype = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    rel = (
        '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml" Id="rId9"/>'
    )
    return replace_part(
        src,
        dst,
        "xl/sharedStrings.xml",
        sst,
        {
            "[Content_Types].xml": ("</Types>", ctype + "</Types>"),
            "xl/_rels/workbook.xml.rels": ("</Relationships>", rel + "</Relationships>"),
            "xl/worksheets/sheet1.xml": (
                '<c r="A2" t="inlineStr"><is><t>C1</t></is></c>',
                '<c r="A2" t="s"><v>0</v></c>',
            ),
        },
    )


@pytest.fixture
def bomb_in_shared_strings(tmp_path):
    src = good_workbook(tmp_path / "good.xlsx")
    return with_shared_strings(src, tmp_path / "laughs.xlsx", LAUGHS + SST)


@pytest.fixture
def bomb_in_sheet(tmp_path):
    src = good_workbook(tmp_path / "good.xlsx")
    with zipfile.ZipFile(src) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    body = sheet.replace(
        '<c r="C2" t="n"><v>1200</v></c>', '<c r="C2" t="inlineStr"><is><t>&lol10;</t></is></c>'
    )
    return replace_part(src, tmp_path / "laughs_sheet.xlsx", "xl/worksheets/sheet1.xml", LAUGHS + body)


def test_the_shared_strings_fixture_is_a_real_workbook(tmp_path):
    """Without the bomb the same construction reads: the tests below test the entities."""
    src = good_workbook(tmp_path / "good.xlsx")
    plain = SST.replace("&lol10;", "C42")
    path = with_shared_strings(src, tmp_path / "plain.xlsx", plain)
    table = read_inventory(str(path))
    assert table.frame["role:id"].tolist() == ["C42"]


def test_openpyxl_parses_with_defusedxml():
    assert openpyxl.DEFUSEDXML is True
    require_defusedxml()


def test_without_defusedxml_workbooks_are_refused_with_the_remedy(tmp_path, monkeypatch):
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(UnsafeFileError, match="defusedxml is not installed.*install it"):
        read_inventory(str(good_workbook(tmp_path / "a.xlsx")))


@pytest.mark.parametrize("bomb", ["bomb_in_shared_strings", "bomb_in_sheet"])
def test_billion_laughs_is_refused_before_parsing_in_bounded_memory(bomb, request):
    path = str(request.getfixturevalue(bomb))
    tracemalloc.start()
    try:
        with pytest.raises(UnsafeFileError, match="declares a DTD or XML entities.*XML bomb"):
            read_inventory(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_defusedxml_also_stops_the_bomb_inside_openpyxl(bomb_in_shared_strings):
    """The second guard: even past our scan, openpyxl's parser refuses entities."""
    from defusedxml import DefusedXmlException

    # openpyxl 3.0 lets the parser's error through; 3.1 wraps it in a ValueError "from" it.
    with pytest.raises((DefusedXmlException, ValueError)) as raised:
        openpyxl.load_workbook(bomb_in_shared_strings, read_only=True)
    chain, error = [], raised.value
    while error is not None:
        chain.append(error)
        error = error.__cause__
    assert any(isinstance(e, DefusedXmlException) for e in chain), chain


def test_not_a_zip_is_refused(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("asset_id;fabricant\nC1;Hikvision\n", encoding="utf-8")
    with pytest.raises(UnsafeFileError, match="not an .xlsx workbook"):
        read_inventory(str(path))


def test_truncated_zip_is_refused(tmp_path):
    data = open(good_workbook(tmp_path / "good.xlsx"), "rb").read()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnsafeFileError, match="not an .xlsx workbook|damaged or truncated"):
        read_inventory(str(path))


def test_corrupt_part_is_refused(tmp_path):
    src = good_workbook(tmp_path / "good.xlsx")
    data = bytearray(open(src, "rb").read())
    with zipfile.ZipFile(src) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 5, start + 25):
        data[i] ^= 0xFF
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(UnsafeFileError, match="corrupt|damaged"):
        read_inventory(str(path))


def test_oversized_file_is_refused(tmp_path, monkeypatch):
    path = str(good_workbook(tmp_path / "a.xlsx"))
    monkeypatch.setattr(inventory_safety, "MAX_BYTES", 1000)
    with pytest.raises(UnsafeFileError, match="over the .* limit"):
        read_inventory(path)


def test_zip_bomb_ratio_is_refused(tmp_path):
    src = good_workbook(tmp_path / "good.xlsx")
    path = tmp_path / "zipbomb.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, zin.read(info))
        zout.writestr("xl/media/zeros.bin", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(UnsafeFileError, match="inflates .* times.*zip bomb"):
        check_xlsx(str(path))


def test_total_inflated_size_is_bounded(tmp_path):
    path = str(good_workbook(tmp_path / "a.xlsx"))
    with pytest.raises(UnsafeFileError, match="inflates to more than"):
        check_xlsx(path, max_uncompressed=1000)


def test_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(UnsafeFileError, match="not an Excel workbook"):
        check_xlsx(str(path))


def test_old_xls_is_refused_with_advice(tmp_path):
    path = tmp_path / "old.xlsx"
    path.write_bytes(inventory_safety.OLE_MAGIC + b"\0" * 600)
    with pytest.raises(UnsafeFileError, match="old .xls workbook or a password-protected"):
        check_xlsx(str(path))


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    with pytest.raises(InventoryError, match="empty"):
        read_inventory(str(path))


def test_binary_junk_named_csv_is_refused(tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 10)
    with pytest.raises(InventoryError, match="binary file"):
        read_inventory(str(path))


@pytest.mark.parametrize("kind", ["laughs", "not_zip", "truncated"])
def test_hostile_files_are_clear_processing_errors(tmp_path, provider, kind):
    good = good_workbook(tmp_path / "good.xlsx")
    if kind == "laughs":
        path = with_shared_strings(good, tmp_path / "x.xlsx", LAUGHS + SST)
        expected = "XML bomb"
    elif kind == "not_zip":
        path = tmp_path / "x.xlsx"
        path.write_bytes(b"PK\x03\x04 not really a zip")
        expected = "not an .xlsx workbook"
    else:
        data = open(good, "rb").read()
        path = tmp_path / "x.xlsx"
        path.write_bytes(data[:-200])
        expected = "not an .xlsx workbook|damaged or truncated"
    out = tmp_path / "out.gpkg"
    with pytest.raises(QgsProcessingException, match=expected):
        run_alg("vendorrisk:importinventory", {"INPUT": str(path), "OUTPUT": str(out)})
    assert not out.exists()


def test_entity_scan_sees_utf16_parts(tmp_path):
    src = good_workbook(tmp_path / "good.xlsx")
    doc = LAUGHS.replace('version="1.0"', 'version="1.0" encoding="UTF-16"') + SST
    path = with_shared_strings(src, tmp_path / "u16.xlsx", doc.encode("utf-16-le"))
    with pytest.raises(UnsafeFileError, match="XML bomb"):
        check_xlsx(str(path))


def test_a_clean_workbook_passes(tmp_path):
    check_xlsx(str(good_workbook(tmp_path / "a.xlsx")))
    assert zipfile.is_zipfile(io.BytesIO(open(tmp_path / "a.xlsx", "rb").read()))
