"""The procurement workbooks (a replacement plan, a comparison of offers): tables with their
headers and number formats, native charts, print settings shared with the assessment workbook.
openpyxl is optional: imported by the functions that write."""

import math

from ..safety.text import safe_text, save_atomically


def new_workbook():
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    return wb


def table_sheet(wb, title, frame, headers, kinds, currency, widths=None, freeze="A2"):
    """A sheet holding `frame` (its columns in order) under `headers`; `kinds` maps a column to
    'money', 'int', 'percent', 'year', 'wrap' or text."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..workbook.writer import HEADER_FILL, formats, print_setup

    fmt = formats(currency)
    ws = wb.create_sheet(title[:31])
    ws.append([safe_text(h) for h in headers])
    for c in ws[1]:
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor=HEADER_FILL)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].height = 45  # three lines of header (LibreOffice does not grow it)
    cols = list(frame.columns)
    for row in frame.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    for j, col in enumerate(cols, start=1):
        kind = kinds.get(col, "")
        letter = ws.cell(row=1, column=j).column_letter
        ws.column_dimensions[letter].width = (widths or {}).get(col, 14 if kind else 24)
        if kind in ("money", "int", "percent"):
            for (c,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                c.number_format = fmt[kind]
        elif kind == "wrap":
            chars = ws.column_dimensions[letter].width * 1.1  # characters a line of it holds
            for (c,) in ws.iter_rows(min_row=2, min_col=j, max_col=j):
                c.alignment = Alignment(wrap_text=True, vertical="top")
                lines = min(math.ceil(len(str(c.value or "")) / chars) or 1, 12)
                height = ws.row_dimensions[c.row].height or 15
                ws.row_dimensions[c.row].height = max(height, 15 * lines)  # LibreOffice does not grow rows
    ws.freeze_panes = freeze
    if len(frame):
        ws.auto_filter.ref = ws.dimensions
    print_setup(ws)
    ws.print_title_rows = "1:1"
    return ws


def bar_chart(ws, title, category_col, value_cols, rows, anchor, y_title="", stacked=False):
    """A native bar chart of columns `value_cols` (1-based) by the categories in `category_col`."""
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "col"
    chart.title = title
    chart.y_axis.title = y_title
    chart.height, chart.width = 9, 18
    if stacked:
        chart.grouping, chart.overlap = "stacked", 100
    for col in value_cols:
        chart.add_data(Reference(ws, min_col=col, min_row=1, max_row=rows + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=category_col, min_row=2, max_row=rows + 1))
    ws.add_chart(chart, anchor)
    return chart


def key_value_sheet(wb, title, pairs, headers):
    from openpyxl.styles import Alignment, Font

    from ..workbook.writer import print_setup

    ws = wb.create_sheet(title[:31])
    ws.append([safe_text(h) for h in headers])
    for c in ws[1]:
        c.font = Font(bold=True)
    for k, v in pairs:
        ws.append([safe_text(str(k)), _cell(v)])
    ws.column_dimensions["A"].width = 36
    ws.column_dimensions["B"].width = 100
    for (c,) in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        c.alignment = Alignment(wrap_text=True, vertical="top")
    print_setup(ws)
    return ws


def save(wb, path):
    return save_atomically(wb, path)


def _cell(v):
    if v is None:
        return None
    if isinstance(v, float):
        return None if math.isnan(v) else v
    if hasattr(v, "item"):  # numpy scalars
        v = v.item()
        if isinstance(v, float) and math.isnan(v):
            return None
        return v
    if isinstance(v, str):
        return safe_text(v)
    return v
