"""Read an inventory file into plain grids of cell values, one per sheet, safely.

xlsx: checked by inventory_safety first, then openpyxl (read-only, cached values, defusedxml);
merged ranges are read from each sheet's XML and filled with their top-left value.
CSV: encoding and delimiter guessed (UTF-8 or Windows-1252; `,` `;` tab or `|`).
"""

import csv
import io
import os
import posixpath
import re
import zipfile
from dataclasses import dataclass, field

from ..optional import missing as missing_package
from .safety import UnsafeFileError, check_size, check_xlsx, require_defusedxml

XLSX_EXTENSIONS = (".xlsx", ".xlsm")
CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
_MERGE = re.compile(
    rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3})([0-9]+)(?::([A-Za-z]{1,3})'
    rb'([0-9]+))?"'
)
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class InventoryError(ValueError):
    """An inventory that cannot be read, with the file (and sheet) named."""


@dataclass
class Grid:
    """One sheet: rows[i] holds the values of spreadsheet row i + 1 (None for an empty cell)."""

    name: str
    rows: list = field(default_factory=list)
    notes: set = field(default_factory=set)  # row numbers that hold a merged note, not data
    uncomputed: list = field(default_factory=list)  # (row, col) of formulas with no saved value
    hidden: bool = False  # a hidden sheet, not read unless named


def read_grids(path, sheets=None):
    """Grids of an .xlsx/.xlsm or CSV file; `sheets` limits xlsx sheets by name."""
    ext = os.path.splitext(path)[1].lower()
    if ext in CSV_EXTENSIONS:
        return [read_csv_grid(path)]
    if ext in XLSX_EXTENSIONS:
        return read_xlsx_grids(path, sheets)
    if ext == ".xls":
        raise InventoryError(
            f"{os.path.basename(path)}: old .xls workbooks are not read: save it as .xlsx or CSV"
        )
    raise InventoryError(
        f"{os.path.basename(path)}: unknown inventory format '{ext}' (expected .xlsx, .xlsm or .csv)"
    )


# -- xlsx -----------------------------------------------------------------------------------------
# Bounds checked on the sheet XML before openpyxl allocates anything: a 269 KB file whose rows
# each hold one cell in column XFD would otherwise expand to billions of cells.
MAX_COLUMNS = 512  # used columns of one sheet (an inventory has tens)
MAX_CELLS = 40_000_000  # cells of one workbook (a million assets of 40 fields)
_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*?)(/>|>(.*?)</(?:\w+:)?c>)", re.S)
_REF = re.compile(rb'\br="([A-Za-z]{1,3})([0-9]+)"')
_FORMULA = re.compile(rb"<(?:\w+:)?f\b")
_VALUE = re.compile(rb"<(?:\w+:)?v>[^<]")  # an empty <v></v> or <v/> holds no result


@dataclass
class SheetScan:
    """What the sheet XML says before it is parsed: merges, extent, cells, formulas left
    without a computed value, and whether the sheet is hidden."""

    merges: list = field(default_factory=list)
    max_row: int = 0
    max_col: int = 0
    cells: int = 0
    uncomputed: list = field(default_factory=list)  # (row, col) of formulas with no value
    state: str = "visible"


def read_xlsx_grids(path, sheets=None):
    name = os.path.basename(path)
    problem = missing_package("openpyxl")
    if problem:
        raise InventoryError(f"{name}: {problem} CSV inventories can still be imported.")
    import openpyxl

    require_defusedxml()
    check_xlsx(path)
    scans = _scan_sheets(path)
    _check_bounds(name, scans, sheets)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - any parser failure is a refused file, never a traceback
        raise InventoryError(_parser_message(name, e)) from e
    try:
        titles = [ws.title for ws in wb.worksheets]
        if sheets:
            missing = [s for s in sheets if s not in titles]
            if missing:
                raise InventoryError(
                    f"{name}: no sheet named {', '.join(repr(s) for s in missing)}"
                    f" (sheets: {', '.join(titles)})"
                )
        grids = []
        for ws in wb.worksheets:
            scan = scans.get(ws.title, SheetScan())
            if sheets and ws.title not in sheets:
                continue
            if not sheets and (scan.state != "visible" or ws.sheet_state != "visible"):
                grids.append(Grid(ws.title, [], hidden=True))
                continue
            try:
                ws.reset_dimensions()
                rows = []
                for row in ws.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True):
                    values = [_plain(v) for v in row]
                    while values and values[-1] is None:
                        values.pop()
                    rows.append(values)
            except Exception as e:  # noqa: BLE001
                raise InventoryError(_parser_message(f"{name}, sheet {ws.title}", e)) from e
            notes = _fill_merged(rows, scan.merges)
            grids.append(Grid(ws.title, rows, notes=notes, uncomputed=scan.uncomputed))
        return grids
    finally:
        wb.close()


def _check_bounds(name, scans, sheets):
    total = 0
    for title, scan in scans.items():
        if sheets and title not in sheets:
            continue
        if scan.max_col > MAX_COLUMNS:
            raise InventoryError(
                f"{name}, sheet {title}: a cell in column {column_letters(scan.max_col)} "
                f"(column {scan.max_col:,}); an inventory is read up to column "
                f"{column_letters(MAX_COLUMNS)} ({MAX_COLUMNS}): refused. Delete what lies "
                f"right of the table, or copy the table to a new sheet."
            )
        total += scan.cells
    if total > MAX_CELLS:
        raise InventoryError(
            f"{name}: {total:,} cells, more than the {MAX_CELLS:,} an inventory "
            f"may hold: refused. Split it, or export it as CSV."
        )


def column_letters(n):
    """Excel's column name for column number n (1 -> A, 27 -> AA)."""
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def column_number(letters):
    """Excel's column number for a column name ('A' -> 1, 'AA' -> 27)."""
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def _parser_message(where, error):
    from defusedxml import DefusedXmlException

    if isinstance(error, DefusedXmlException):
        return f"{where}: declares XML entities or a DTD: refused (XML bomb protection)"
    if isinstance(error, InventoryError):
        return str(error)
    return f"{where}: not a readable workbook ({type(error).__name__}: {error})"


def _plain(v):
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def _scan_sheets(path):
    """sheet title -> SheetScan, read from the sheet XML by a streaming scan."""
    from defusedxml import ElementTree

    out = {}
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "xl/workbook.xml" not in names or "xl/_rels/workbook.xml.rels" not in names:
                return out
            book = ElementTree.fromstring(zf.read("xl/workbook.xml"))
            rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
            targets = {r.get("Id"): r.get("Target", "") for r in rels}
            for sheet in book.iter():
                if not sheet.tag.endswith("}sheet"):
                    continue
                target = targets.get(sheet.get(_REL_NS), "")
                part = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else posixpath.normpath(posixpath.join("xl", target))
                )
                if part in names:
                    scan = _scan_sheet(zf, part)
                    scan.state = sheet.get("state") or "visible"
                    out[sheet.get("name")] = scan
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        return {}
    return out


def _scan_sheet(zf, part):
    """One sheet part, scanned in chunks (bounded memory, no XML tree)."""

    def cell(col, row):
        return int(row), column_number(col.decode().upper())

    scan, merges, buf = SheetScan(), set(), b""
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(1024 * 1024)
            buf += chunk
            final = not chunk
            consumed = 0
            for m in _CELL.finditer(buf):
                if not final and m.end() > len(buf) - 4096:
                    break  # may be cut by the chunk's end: read again with more data
                consumed = m.end()
                scan.cells += 1
                ref = _REF.search(m.group(1))
                if ref:
                    row, col = cell(*ref.groups())
                    scan.max_row, scan.max_col = max(scan.max_row, row), max(scan.max_col, col)
                    inner = m.group(3) or b""
                    if _FORMULA.search(inner) and not _VALUE.search(inner):
                        scan.uncomputed.append((row, col))
            for m in _MERGE.finditer(buf, consumed):
                if not final and m.end() > len(buf) - 4096:
                    break
                consumed = m.end()
                c1, r1, c2, r2 = m.groups()
                merges.add(cell(c1, r1) + cell(c2 or c1, r2 or r1))
            if final:
                scan.merges = sorted(merges)
                return scan
            buf = (
                buf[max(consumed, len(buf) - 256 * 1024, 0) :]
                if consumed
                else buf[max(len(buf) - 256 * 1024, 0) :]
            )


def _fill_merged(rows, ranges):
    """A merge down one column (a site or class written once for several rows) fills every
    cell with its top-left value. A merge across columns is a title or a note: its text stays
    in its first cell, and the rows it covers alone are returned (notes, not assets)."""
    notes = set()
    for r1, c1, r2, c2 in ranges:
        if r1 > len(rows):
            continue
        top = rows[r1 - 1]
        value = top[c1 - 1] if c1 - 1 < len(top) else None
        if value is None:
            continue
        if c2 > c1:
            for r in range(r1, min(r2, len(rows)) + 1):
                row = rows[r - 1]
                if not any(v is not None for j, v in enumerate(row) if not c1 - 1 <= j < c2):
                    notes.add(r)
            continue
        for r in range(r1 + 1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            while len(row) < c1:
                row.append(None)
            if row[c1 - 1] is None:
                row[c1 - 1] = value
    return notes


# -- CSV ------------------------------------------------------------------------------------------
def read_csv_grid(path):
    name = os.path.basename(path)
    try:
        check_size(path)
    except UnsafeFileError as e:
        raise InventoryError(str(e)) from e
    with open(path, "rb") as fh:
        raw = fh.read()
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InventoryError(f"{name}: a binary file, not CSV text")
    text = decode_text(raw)
    delimiter = guess_delimiter(text[: 64 * 1024])
    try:
        rows = [
            [_plain(v) for v in row] for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        ]
    except csv.Error as e:
        raise InventoryError(f"{name}: not valid CSV ({e})") from e
    return Grid(os.path.splitext(name)[0], rows)


def guess_delimiter(sample):
    """The delimiter most lines agree on: for each candidate, how many lines hold it exactly as
    often as most lines do (titles and blank lines above the header do not vote)."""
    lines = [ln for ln in sample.splitlines() if ln.strip()]
    best, best_score = ",", 0
    for d in ";,\t|":
        counts = [ln.count(d) for ln in lines if d in ln]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = counts.count(mode)
        if score > best_score:
            best, best_score = d, score
    return best


def decode_text(raw):
    """Bytes of a text file: UTF-16 with its mark, UTF-8 (mark or not), else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
