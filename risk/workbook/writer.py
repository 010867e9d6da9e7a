"""Write a WorkbookReport as an .xlsx for procurement teams (openpyxl, write-only, atomic).

The report (risk.workbook.data) already holds translated, cleaned, neutralised values; this module
only lays them out: styles, widths, row heights, frozen panes, filters, charts, print settings.
"""

from itertools import islice

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.properties import PageSetupProperties

from ..labels import label
from ..money import excel_format
from ..safety.text import safe_text, save_atomically


def formats(currency):
    """Number formats: amounts grouped (by the reader's Excel locale) with their currency."""
    return {
        "money": excel_format(currency),
        "money2": excel_format(currency, 2),
        "percent": "0%",
        "int": "#,##0",
    }


# Chart axes: 1.2 M€, 350 k€, 900 €.
COMPACT_MONEY = '[>=1000000]#,##0.0,," M€";[>=1000]#,##0," k€";#,##0" €"'
BAND_FILLS = {"low": "D9EAD3", "medium": "FFF2CC", "high": "F9CB9C", "critical": "E06666"}
HEADER_FILL = "2F4F6F"
FONT = "Calibri"  # openpyxl's default body font, named on styled cells too
STYLED = ("money", "money2", "percent", "int", "wrap")
LINE_HEIGHT = 15  # points per line of 11-point text
MAX_LINES = 12
PROGRESS_EVERY = 50_000


class _Cell(Cell):
    """A styled cell handed to a write-only sheet. openpyxl recognises a Cell by first trying
    it as a value, which fails and formats its repr into the error message: a constant repr
    keeps that cheap on a million rows."""

    __slots__ = ()

    def __repr__(self):
        return "<styled cell>"


class _Height(RowDimension):
    """A row height shared by every row that needs it: its XML attributes computed once."""

    def __init__(self, worksheet, height):
        super().__init__(worksheet, ht=height, customHeight=True)
        self._attrs = tuple(super().__iter__())

    def __iter__(self):
        return iter(self._attrs)


class Styles:
    """A few pre-built style arrays, shared by every styled cell of a kind."""

    def __init__(self, wb, currency="EUR"):
        probe = wb.create_sheet("probe")
        self._arrays = {}

        def make(name, **attrs):
            c = WriteOnlyCell(probe)
            for k, v in attrs.items():
                setattr(c, k, v)
            self._arrays[name] = c._style

        # Asset rows: plain cells sit at the bottom of a row (Excel's default, no style to
        # write per cell), so the styled ones do too. Small tables style every cell and read
        # from the top of each row instead ("top." variants).
        font = Font(name=FONT)
        make(
            "header",
            font=Font(name=FONT, bold=True, color="FFFFFF"),
            fill=PatternFill("solid", fgColor=HEADER_FILL),
            alignment=Alignment(wrap_text=True, vertical="center"),
        )
        make("title", font=Font(name=FONT, bold=True, size=14))
        make("heading", font=Font(name=FONT, bold=True, size=12))
        make("bold", font=Font(name=FONT, bold=True))
        make("note", font=Font(name=FONT, italic=True, color="555555"))
        for vertical, prefix in (("bottom", ""), ("top", "top.")):
            make(
                prefix + "wrap",
                font=font,
                alignment=Alignment(wrap_text=True, vertical=vertical, horizontal="left", indent=1),
            )
            for fmt, code in formats(currency).items():
                make(prefix + fmt, font=font, number_format=code, alignment=Alignment(vertical=vertical))
        make("top.plain", font=font, alignment=Alignment(vertical="top"))
        make("top.text", font=font, alignment=Alignment(vertical="top", horizontal="left", indent=1))
        make("money_bold", number_format=excel_format(currency), font=Font(name=FONT, bold=True))
        for band, colour in BAND_FILLS.items():
            make(
                "band." + band,
                font=font,
                fill=PatternFill("solid", fgColor=colour),
                alignment=Alignment(horizontal="center", vertical="bottom"),
            )
        wb.remove(probe)

    def cell(self, ws, value, name):
        """A styled cell for `ws` (cheap: the style array is copied, not rebuilt)."""
        return _Cell(ws, value=safe_text(value), style_array=self._arrays[name])


def write_workbook(report, path, progress=None, is_canceled=None):
    """Write every sheet and save atomically; returns the path (None when canceled)."""
    wb = Workbook(write_only=True)
    styles = Styles(wb, report.currency)
    _summary_sheet(wb, report, styles)
    if not _asset_sheets(wb, report, styles, progress, is_canceled):
        return None
    _vendors_sheet(wb, report, styles)
    _table_sheet(wb, report.sheets["scenarios"], report.scenario_params, styles, freeze="C2")
    ev = _table_sheet(
        wb,
        report.sheets["evidence"],
        report.evidence,
        styles,
        freeze="B2",
        notes=report.evidence_notes,
        pages_wide=2,
    )
    ev.print_title_cols = "$A:$A"  # the list id on every printed page (absolute: LibreOffice)
    _table_sheet(wb, report.sheets["run_info"], report.run_info, styles, freeze="A2")
    _table_sheet(wb, report.sheets["data_issues"], report.data_issues, styles, freeze="B2")
    return save_atomically(wb, path)


# -- shared pieces ------------------------------------------------------------------------------
def lines(text, width, chars_per_unit=1.15):
    """Lines a wrapped text takes in a column `width` units wide (word wrap). A unit is one
    digit's width; prose letters average narrower (bold headers about as wide)."""
    if text is None:
        return 1
    per_line = max(4, int(width * chars_per_unit) - 1)
    count = 0
    for part in str(text).split("\n"):
        count += 1
        used = 0
        for word in part.split():
            size = len(word)
            while size > per_line:  # a word longer than the line breaks anywhere
                count += used > 0
                size -= per_line
                used = per_line
            if used and used + 1 + size > per_line:
                count += 1
                used = size
            else:
                used += size + (1 if used else 0)
    return max(count, 1)


def row_height(n_lines):
    return LINE_HEIGHT * min(max(n_lines, 1), MAX_LINES) + 2


def _setup(ws, widths, freeze=None, pages_wide=1, gridlines=True):
    """Widths, frozen panes and print settings: must run before the sheet's first row."""
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    if freeze:
        ws.freeze_panes = freeze
    print_setup(ws, pages_wide, gridlines)


def print_setup(ws, pages_wide=1, gridlines=True):
    """A4 landscape, `pages_wide` pages across and as many down as needed, the sheet's name
    and page number in the footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = pages_wide
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "&A — &P / &N"
    ws.print_options.gridLines = gridlines  # tables print ruled; the summary reads clean


def _header(ws, styles, columns, row):
    """The header row, tall enough for its wrapped labels."""
    ws.row_dimensions[row].height = row_height(max(lines(c.header, c.width, 1.0) for c in columns))
    ws.append([styles.cell(ws, c.header, "header") for c in columns])


def _append_table(ws, table, styles, row):
    """Header and rows from `row` on, wrapped cells with room; returns the row after."""
    _header(ws, styles, table.columns, row)
    cols = table.columns
    wrapped = [i for i, c in enumerate(cols) if c.fmt == "wrap"]
    for k, values in enumerate(table.rows, start=row + 1):
        if wrapped:
            n = max(lines(values[i], cols[i].width) for i in wrapped)
            if n > 1:
                ws.row_dimensions[k].height = row_height(n)
        ws.append(
            [
                v
                if v is None
                else styles.cell(
                    ws, v, "top." + (c.fmt if c.fmt in STYLED else "text" if isinstance(v, str) else "plain")
                )
                for v, c in zip(values, cols)
            ]
        )
    return row + 1 + len(table.rows)


def _table_sheet(wb, name, table, styles, freeze="A2", notes=(), pages_wide=1):
    ws = wb.create_sheet(name)
    top = len(notes)
    _setup(
        ws,
        [c.width for c in table.columns],
        freeze=f"{freeze[0]}{top + 2}" if freeze else None,
        pages_wide=pages_wide,
    )
    ws.print_title_rows = f"${top + 1}:${top + 1}"
    for note in notes:
        ws.append([styles.cell(ws, note, "note")])
    end = _append_table(ws, table, styles, top + 1)
    ws.auto_filter.ref = f"A{top + 1}:{get_column_letter(len(table.columns))}{max(end - 1, top + 1)}"
    return ws


# -- summary ------------------------------------------------------------------------------------
def _summary_sheet(wb, report, styles):
    ws = wb.create_sheet(report.sheets["summary"])
    totals, top = report.scenario_totals, report.top_vendors
    n = max(len(totals.columns), len(top.columns))
    widths = [
        max((t.columns[i].width for t in (totals, top) if i < len(t.columns)), default=12) for i in range(n)
    ]
    _setup(ws, widths, gridlines=False)
    ws.row_dimensions[1].height = 24
    ws.append([styles.cell(ws, report.title, "title")])
    ws.append([])
    r = 3
    for key, value in report.meta:
        ws.append([styles.cell(ws, key, "bold"), safe_text(value)])
        r += 1
    for note in report.notes:
        ws.append([styles.cell(ws, note, "note")])
        r += 1
    ws.append([])
    ws.append([styles.cell(ws, totals.title, "heading")])
    r += 2
    head = r
    r = _append_table(ws, totals, styles, r)
    first, last = head + 1, r - 1
    total_col = _col(totals, "total_cost")
    ws.append(
        [styles.cell(ws, _label(report, "expected"), "bold")]
        + [None] * (total_col - 2)
        + [styles.cell(ws, report.expected_cost, "money_bold")]
    )
    ws.append([styles.cell(ws, _label(report, "expected_note"), "note")])
    ws.append([])
    ws.append([styles.cell(ws, top.title, "heading")])
    r += 4
    top_head = r
    r = _append_table(ws, top, styles, r)
    ws.append([])
    ws.append([styles.cell(ws, _label(report, "levels"), "heading")])
    for level, text in report.levels:
        ws.append([level, safe_text(text)])
    ws.append([])
    ws.append([styles.cell(ws, _label(report, "bands"), "heading")])
    for band, text, note in report.bands:
        ws.append([styles.cell(ws, text, "band." + band), safe_text(note)])
    r += 4 + len(report.levels) + len(report.bands)
    anchor = r + 1
    if totals.rows:
        ws.add_chart(_cost_chart(ws, report, totals, first, last), f"A{anchor}")
    if top.rows:
        ws.add_chart(_vendor_chart(ws, report, top, top_head), f"G{anchor}")


def _label(report, key):
    names = {
        "expected": "summary.expected_cost",
        "expected_note": "summary.expected_note",
        "levels": "summary.levels",
        "bands": "summary.bands",
        "chart_costs": "summary.chart_costs",
        "chart_vendors": "summary.chart_vendors",
    }
    return label(names[key], report.lang, report.currency)


def _col(table, key):
    return 1 + [c.key for c in table.columns].index(key)


def _cost_chart(ws, report, totals, first, last):
    """Stacked columns: replacement cost and stranded value per scenario."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _label(report, "chart_costs")
    for key in ("replacement_cost", "stranded_value"):
        col = _col(totals, key)
        chart.add_data(Reference(ws, min_col=col, min_row=first - 1, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    chart.legend.position = "b"
    _axes(chart)
    chart.width, chart.height = 16, 10
    return chart


def _vendor_chart(ws, report, top, head):
    """Horizontal bars: expected exposure of the top vendors, largest first."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = _label(report, "chart_vendors")
    col = _col(top, "expected")
    n = len(top.rows)
    chart.add_data(Reference(ws, min_col=col, min_row=head, max_row=head + n), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=head + 1, max_row=head + n))
    chart.legend = None
    _axes(chart)
    chart.x_axis.scaling.orientation = "maxMin"  # the first (largest) vendor at the top
    chart.y_axis.crosses = "max"  # ... and the value axis stays at the bottom
    chart.x_axis.tickLblSkip = 1
    chart.width, chart.height = 16, 10
    return chart


def _axes(chart):
    chart.y_axis.numFmt = COMPACT_MONEY
    chart.x_axis.delete = False
    chart.y_axis.delete = False


# -- assets: the big one ------------------------------------------------------------------------
def _asset_sheets(wb, report, styles, progress, is_canceled):
    """Asset rows over as many sheets as the row limit needs. Plain values go as they are;
    only non-zero money and reasons cells carry a style, through one reused cell per column;
    rows whose reasons wrap get their height from one shared row dimension per height; bands
    are coloured by conditional formatting (one rule per band, no per-cell style)."""
    assets = report.assets
    cols = assets.columns
    n = len(assets)
    rows = zip(*assets.values) if assets.values else iter(())
    styled = [i for i, c in enumerate(cols) if c.fmt in ("money", "money2", "wrap")]
    band_col = next((i for i, c in enumerate(cols) if c.fmt == "band"), None)
    wrap_col = next((i for i, c in enumerate(cols) if c.fmt == "wrap"), None)
    heights = _row_heights(assets.values[wrap_col], cols[wrap_col].width) if wrap_col is not None else None
    last_col = get_column_letter(len(cols))
    print_cols = get_column_letter((wrap_col if wrap_col is not None else len(cols) - 1) + 1)
    done = 0
    for name in report.asset_sheets:
        ws = wb.create_sheet(name)
        count = min(report.rows_per_sheet, n - done)
        _setup(ws, [c.width for c in cols], freeze="C2")
        ws.print_title_rows = "$1:$1"
        ws.print_area = f"A1:{print_cols}{count + 1}"
        ws.auto_filter.ref = f"A1:{last_col}{count + 1}"
        _header(ws, styles, cols, 1)
        shared = [(i, styles.cell(ws, None, cols[i].fmt)) for i in styled]
        if band_col is not None and count:
            _band_colours(ws, band_col, count, assets.band_keys)
        dims = ws.row_dimensions
        tall = {}
        append = ws.append
        for k, row in enumerate(islice(rows, count), start=1):
            row = list(row)
            for i, cell in shared:
                v = row[i]
                if v:  # None and 0 need no format (an unforced asset costs a plain 0)
                    cell.value = v
                    row[i] = cell
            h = heights[done + k - 1] if heights is not None else 0
            if h:
                dim = tall.get(h) or tall.setdefault(h, _Height(ws, h))
                dims[k + 1] = dim
                append(row)
                del dims[k + 1]
            else:
                append(row)
            if k % PROGRESS_EVERY == 0:
                if is_canceled is not None and is_canceled():
                    return False
                if progress is not None:
                    progress(100.0 * (done + k) / max(n, 1))
        done += count
    return True


def _band_colours(ws, col, count, band_keys):
    """Fill each band's cells with its colour: one conditional-format rule per band."""
    letter = get_column_letter(col + 1)
    cells = f"{letter}2:{letter}{count + 1}"
    for text, key in band_keys.items():
        colour = BAND_FILLS[key]
        ws.conditional_formatting.add(
            cells,
            CellIsRule(
                operator="equal",
                formula=['"' + text.replace('"', '""') + '"'],
                fill=PatternFill(fill_type="solid", start_color=colour, end_color=colour),
            ),
        )


def _row_heights(texts, width):
    """Row height (points) per row for a wrapped column, 0 where one line is enough."""
    cache = {}
    out = []
    for t in texts:
        h = cache.get(t)
        if h is None:
            n = lines(t, width)
            h = cache[t] = row_height(n) if n > 1 else 0
        out.append(h)
    return out


# -- vendors ------------------------------------------------------------------------------------
def _vendors_sheet(wb, report, styles):
    ws = wb.create_sheet(report.sheets["vendors"])
    by_vendor, by_parent = report.vendors, report.parents
    n = max(len(by_vendor.columns), len(by_parent.columns))
    widths = [
        max((t.columns[i].width for t in (by_vendor, by_parent) if i < len(t.columns)), default=12)
        for i in range(n)
    ]
    _setup(ws, widths, freeze="C4", pages_wide=2)
    ws.print_title_rows = "$3:$3"
    ws.print_title_cols = "$A:$B"  # scenario and vendor on every printed page
    ws.append([styles.cell(ws, by_vendor.title, "heading")])
    ws.append([styles.cell(ws, label("vendors.note", report.lang), "note")])
    end = _append_table(ws, by_vendor, styles, 3)
    ws.auto_filter.ref = f"A3:{get_column_letter(len(by_vendor.columns))}{max(end - 1, 3)}"
    ws.append([])
    ws.append([styles.cell(ws, by_parent.title, "heading")])
    _append_table(ws, by_parent, styles, end + 2)
