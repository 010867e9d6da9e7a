"""Write a WorkbookReport as an .xlsx for procurement teams (openpyxl, write-only, atomic).

The report (risk.report_data) already holds translated, cleaned, neutralised values; this module
only lays them out: styles, widths, frozen panes, filters, charts, print settings.
"""

from itertools import islice

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from .labels import label
from .xlsxsafe import save_atomically

FORMATS = {"money": '#,##0 "€"', "money2": '#,##0.00 "€"', "percent": "0%", "int": "#,##0"}
BAND_FILLS = {"low": "D9EAD3", "medium": "FFF2CC", "high": "F9CB9C", "critical": "E06666"}
HEADER_FILL = "2F4F6F"
PROGRESS_EVERY = 50_000


class Styles:
    """A few pre-built style arrays, shared by every styled cell of a kind."""

    def __init__(self, wb):
        probe = wb.create_sheet("\0probe")
        self._arrays = {}

        def make(name, **attrs):
            c = WriteOnlyCell(probe)
            for k, v in attrs.items():
                setattr(c, k, v)
            self._arrays[name] = c._style

        wrap = Alignment(wrap_text=True, vertical="top")
        make("header", font=Font(bold=True, color="FFFFFF"),
             fill=PatternFill("solid", fgColor=HEADER_FILL),
             alignment=Alignment(wrap_text=True, vertical="center"))
        make("title", font=Font(bold=True, size=14))
        make("heading", font=Font(bold=True, size=12))
        make("bold", font=Font(bold=True))
        make("note", font=Font(italic=True, color="555555"))
        make("wrap", alignment=wrap)
        for fmt, code in FORMATS.items():
            make(fmt, number_format=code)
        make("money_bold", number_format=FORMATS["money"], font=Font(bold=True))
        for band, colour in BAND_FILLS.items():
            make("band." + band, fill=PatternFill("solid", fgColor=colour),
                 alignment=Alignment(horizontal="center", vertical="top"))
        wb.remove(probe)

    def cell(self, ws, value, name):
        """A styled cell for `ws` (cheap: the style array is copied, not rebuilt)."""
        return Cell(ws, value=value, style_array=self._arrays[name])

    def array(self, name):
        return self._arrays[name]


def write_workbook(report, path, progress=None, is_canceled=None):
    """Write every sheet and save atomically; returns the path (None when canceled)."""
    wb = Workbook(write_only=True)
    styles = Styles(wb)
    _summary_sheet(wb, report, styles)
    if not _asset_sheets(wb, report, styles, progress, is_canceled):
        return None
    _vendors_sheet(wb, report, styles)
    _table_sheet(wb, report.sheets["scenarios"], report.scenario_params, styles, freeze="C2")
    _table_sheet(wb, report.sheets["evidence"], report.evidence, styles, freeze="B2",
                 notes=report.evidence_notes)
    _table_sheet(wb, report.sheets["run_info"], report.run_info, styles, freeze="A2")
    _table_sheet(wb, report.sheets["data_issues"], report.data_issues, styles, freeze="B2")
    return save_atomically(wb, path)


# -- shared pieces ------------------------------------------------------------------------------
def _setup(ws, widths, freeze=None, landscape=True):
    """Widths, frozen panes and print settings: must run before the sheet's first row."""
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    if freeze:
        ws.freeze_panes = freeze
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    ws.oddFooter.center.text = "&A — &P / &N"


def _cells(ws, values, styles, fmts):
    out = []
    for v, fmt in zip(values, fmts):
        if v is not None and fmt in ("money", "money2", "percent", "int", "wrap"):
            out.append(styles.cell(ws, v, fmt))
        else:
            out.append(v)
    return out


def _append_table(ws, table, styles, row):
    """Header and rows from `row` on; returns the row after the table."""
    ws.append([styles.cell(ws, c.header, "header") for c in table.columns])
    fmts = [c.fmt for c in table.columns]
    for values in table.rows:
        ws.append(_cells(ws, values, styles, fmts))
    return row + 1 + len(table.rows)


def _table_sheet(wb, name, table, styles, freeze="A2", notes=()):
    ws = wb.create_sheet(name)
    top = len(notes)
    _setup(ws, [c.width for c in table.columns],
           freeze=f"{freeze[0]}{top + 2}" if freeze else None)
    ws.print_title_rows = f"{top + 1}:{top + 1}"
    for note in notes:
        ws.append([styles.cell(ws, note, "note")])
    end = _append_table(ws, table, styles, top + 1)
    ws.auto_filter.ref = f"A{top + 1}:{get_column_letter(len(table.columns))}{max(end - 1, top + 1)}"
    return ws


# -- summary ------------------------------------------------------------------------------------
def _summary_sheet(wb, report, styles):
    ws = wb.create_sheet(report.sheets["summary"])
    totals, top = report.scenario_totals, report.top_vendors
    widths = [max(a, b) for a, b in zip(
        [c.width for c in totals.columns],
        [c.width for c in top.columns] + [0] * max(0, len(totals.columns) - len(top.columns)))]
    _setup(ws, widths)
    ws.row_dimensions[1].height = 24
    ws.append([styles.cell(ws, report.title, "title")])
    ws.append([])
    r = 3
    for key, value in report.meta:
        ws.append([styles.cell(ws, key, "bold"), value])
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
    ws.append([styles.cell(ws, _label(report, "expected"), "bold"),
               styles.cell(ws, report.expected_cost, "money_bold")])
    ws.append([styles.cell(ws, _label(report, "expected_note"), "note")])
    ws.append([])
    ws.append([styles.cell(ws, top.title, "heading")])
    r += 4
    top_head = r
    r = _append_table(ws, top, styles, r)
    ws.append([])
    ws.append([styles.cell(ws, _label(report, "levels"), "heading")])
    for level, text in report.levels:
        ws.append([level, text])
    ws.append([])
    ws.append([styles.cell(ws, _label(report, "bands"), "heading")])
    for band, text, note in report.bands:
        ws.append([styles.cell(ws, text, "band." + band), note])
    r += 4 + len(report.levels) + len(report.bands)
    anchor = r + 1
    if totals.rows:
        ws.add_chart(_cost_chart(ws, report, totals, first, last), f"A{anchor}")
    if top.rows:
        ws.add_chart(_vendor_chart(ws, report, top, top_head), f"H{anchor}")


def _label(report, key):
    names = {"expected": "summary.expected_cost", "expected_note": "summary.expected_note",
             "levels": "summary.levels", "bands": "summary.bands",
             "chart_costs": "summary.chart_costs", "chart_vendors": "summary.chart_vendors"}
    return label(names[key], report.lang)


def _col(table, key):
    return 1 + [c.key for c in table.columns].index(key)


def _cost_chart(ws, report, totals, first, last):
    """Stacked bars: replacement cost and stranded value per scenario."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _label(report, "chart_costs")
    for key in ("replacement_cost", "stranded_value"):
        col = _col(totals, key)
        chart.add_data(Reference(ws, min_col=col, min_row=first - 1, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
    _axes(chart)
    chart.width, chart.height = 17, 9
    return chart


def _vendor_chart(ws, report, top, head):
    """Horizontal bars: expected exposure of the top vendors."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = _label(report, "chart_vendors")
    col = _col(top, "expected")
    n = len(top.rows)
    chart.add_data(Reference(ws, min_col=col, min_row=head, max_row=head + n),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=head + 1, max_row=head + n))
    chart.legend = None
    _axes(chart)
    chart.x_axis.scaling.orientation = "maxMin"  # largest at the top
    chart.width, chart.height = 17, 9
    return chart


def _axes(chart):
    chart.y_axis.numFmt = FORMATS["money"]
    chart.x_axis.delete = False
    chart.y_axis.delete = False


# -- assets: the big one ------------------------------------------------------------------------
def _asset_sheets(wb, report, styles, progress, is_canceled):
    """Asset rows over as many sheets as the row limit needs. Plain values go as they are;
    only money, band and reasons cells carry a style, through one reused cell per column."""
    assets = report.assets
    cols = assets.columns
    n = len(assets)
    rows = zip(*assets.values) if assets.values else iter(())
    styled = [i for i, c in enumerate(cols) if c.fmt in ("money", "money2", "wrap")]
    band_col = next((i for i, c in enumerate(cols) if c.fmt == "band"), None)
    last_col = get_column_letter(len(cols))
    done = 0
    for name in report.asset_sheets:
        ws = wb.create_sheet(name)
        count = min(report.rows_per_sheet, n - done)
        _setup(ws, [c.width for c in cols], freeze="C2")
        ws.print_title_rows = "1:1"
        ws.auto_filter.ref = f"A1:{last_col}{count + 1}"
        ws.append([styles.cell(ws, c.header, "header") for c in cols])
        shared = [(i, styles.cell(ws, None, cols[i].fmt)) for i in styled]
        bands = {text: styles.cell(ws, text, "band." + key)
                 for text, key in assets.band_keys.items()}
        append = ws.append
        for k, row in enumerate(islice(rows, count), start=1):
            row = list(row)
            for i, cell in shared:
                v = row[i]
                if v is not None:
                    cell.value = v
                    row[i] = cell
            if band_col is not None:
                row[band_col] = bands.get(row[band_col], row[band_col])
            append(row)
            if k % PROGRESS_EVERY == 0:
                if is_canceled is not None and is_canceled():
                    return False
                if progress is not None:
                    progress(100.0 * (done + k) / max(n, 1))
        done += count
    return True


# -- vendors ------------------------------------------------------------------------------------
def _vendors_sheet(wb, report, styles):
    ws = wb.create_sheet(report.sheets["vendors"])
    by_vendor, by_parent = report.vendors, report.parents
    widths = [max(a, b) for a, b in zip([c.width for c in by_vendor.columns],
                                        [c.width for c in by_parent.columns]
                                        + [0] * len(by_vendor.columns))]
    _setup(ws, widths, freeze="C4")
    ws.print_title_rows = "3:3"
    ws.append([styles.cell(ws, by_vendor.title, "heading")])
    ws.append([styles.cell(ws, label("vendors.note", report.lang), "note")])
    end = _append_table(ws, by_vendor, styles, 3)
    ws.auto_filter.ref = f"A3:{get_column_letter(len(by_vendor.columns))}{max(end - 1, 3)}"
    ws.append([])
    ws.append([styles.cell(ws, by_parent.title, "heading")])
    _append_table(ws, by_parent, styles, end + 2)
