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

from .inventory_safety import UnsafeFileError, check_size, check_xlsx, require_defusedxml

XLSX_EXTENSIONS = (".xlsx", ".xlsm")
CSV_EXTENSIONS = (".csv", ".txt", ".tsv")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3})([0-9]+)(?::([A-Za-z]{1,3})'
                    rb'([0-9]+))?"')
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class InventoryError(ValueError):
    """An inventory that cannot be read, with the file (and sheet) named."""


@dataclass
class Grid:
    """One sheet: rows[i] holds the values of spreadsheet row i + 1 (None for an empty cell)."""

    name: str
    rows: list = field(default_factory=list)


def read_grids(path, sheets=None):
    """Grids of an .xlsx/.xlsm or CSV file; `sheets` limits xlsx sheets by name."""
    ext = os.path.splitext(path)[1].lower()
    if ext in CSV_EXTENSIONS:
        return [read_csv_grid(path)]
    if ext in XLSX_EXTENSIONS:
        return read_xlsx_grids(path, sheets)
    if ext == ".xls":
        raise InventoryError(f"{os.path.basename(path)}: old .xls workbooks are not read: save it "
                             f"as .xlsx or CSV")
    raise InventoryError(f"{os.path.basename(path)}: unknown inventory format '{ext}' "
                         f"(expected .xlsx, .xlsm or .csv)")


# -- xlsx -----------------------------------------------------------------------------------------
def read_xlsx_grids(path, sheets=None):
    import openpyxl

    name = os.path.basename(path)
    require_defusedxml()
    check_xlsx(path)
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as e:  # noqa: BLE001 - any parser failure is a refused file, never a traceback
        raise InventoryError(_parser_message(name, e)) from e
    try:
        titles = [ws.title for ws in wb.worksheets]
        if sheets:
            missing = [s for s in sheets if s not in titles]
            if missing:
                raise InventoryError(f"{name}: no sheet named {', '.join(repr(s) for s in missing)}"
                                     f" (sheets: {', '.join(titles)})")
        merges = _merged_ranges(path)
        grids = []
        for ws in wb.worksheets:
            if sheets and ws.title not in sheets:
                continue
            try:
                ws.reset_dimensions()
                rows = [[_plain(v) for v in row] for row in ws.iter_rows(min_row=1,
                                                                           values_only=True)]
            except Exception as e:  # noqa: BLE001
                raise InventoryError(_parser_message(f"{name}, sheet {ws.title}", e)) from e
            _fill_merged(rows, merges.get(ws.title, ()))
            grids.append(Grid(ws.title, rows))
        return grids
    finally:
        wb.close()


def _parser_message(where, error):
    from defusedxml import DefusedXmlException

    if isinstance(error, DefusedXmlException):
        return (f"{where}: declares XML entities or a DTD: refused (XML bomb protection)")
    if isinstance(error, InventoryError):
        return str(error)
    return f"{where}: not a readable workbook ({type(error).__name__}: {error})"


def _plain(v):
    if isinstance(v, str):
        v = v.strip()
        return v or None
    return v


def _merged_ranges(path):
    """sheet title -> [(min_row, min_col, max_row, max_col)] read from the sheet XML."""
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
                part = target.lstrip("/") if target.startswith("/") else \
                    posixpath.normpath(posixpath.join("xl", target))
                if part in names:
                    out[sheet.get("name")] = _scan_merges(zf, part)
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError):
        return {}
    return out


def _scan_merges(zf, part):
    """Merged ranges of one sheet part, by a streaming scan (bounded memory, no XML tree)."""
    from openpyxl.utils import column_index_from_string

    def cell(col, row):
        return int(row), column_index_from_string(col.decode().upper())

    found, buf = set(), b""
    with zf.open(part) as fh:
        while True:
            chunk = fh.read(1024 * 1024)
            buf += chunk
            limit = len(buf) - 512 if chunk else len(buf)
            keep_from = max(limit, 0)
            for m in _MERGE.finditer(buf):
                if m.end() > limit:
                    keep_from = min(keep_from, m.start())
                    break
                c1, r1, c2, r2 = m.groups()
                found.add(cell(c1, r1) + cell(c2 or c1, r2 or r1))
            buf = buf[keep_from:]
            if not chunk:
                return sorted(found)


def _fill_merged(rows, ranges):
    """Every cell of a merged range takes the range's top-left value (within the data read)."""
    for r1, c1, r2, c2 in ranges:
        if r1 > len(rows):
            continue
        top = rows[r1 - 1]
        value = top[c1 - 1] if c1 - 1 < len(top) else None
        if value is None:
            continue
        width = max((len(rows[r - 1]) for r in range(r1, min(r2, len(rows)) + 1)), default=0)
        for r in range(r1, min(r2, len(rows)) + 1):
            row = rows[r - 1]
            for c in range(c1, min(c2, max(width, c1)) + 1):
                while len(row) < c:
                    row.append(None)
                if row[c - 1] is None:
                    row[c - 1] = value


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
    text = _decode(raw)
    delimiter = guess_delimiter(text[:64 * 1024])
    try:
        rows = [[_plain(v) for v in row]
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
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


def _decode(raw):
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
