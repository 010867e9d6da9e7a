"""The audit workbook a regulator files: findings, per rule, per camera, districts, rule set, run."""

import json
import math
import os

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..provenance import recorded
from ..safety.text import safe_text, save_atomically
from ..workbook.writer import lines, print_setup, row_height
from .workbook_words import AREAS, PERCENT, WORDED, header, run_word, sheet_name, word

SHEETS = ("Findings", "Per rule", "Per camera", "Districts", "Rule set", "Run info")  # keys
FORMATS = {**{c: "0.0%" for c in PERCENT}, **{c: "#,##0" for c in AREAS}}
FINDINGS_HEADERS = (
    "camera_id",
    "rule_id",
    "rule_title",
    "rule_title_fr",
    "severity",
    "status",
    "evidence",
    "values_checked",
    "legal_basis",
    "source",
    "vendor",
)
_HEAD_FONT = Font(bold=True, color="FFFFFF")
_HEAD_FILL = PatternFill("solid", fgColor="2F4F6F")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_STATUS_FILL = {
    "breach": PatternFill("solid", fgColor="F4C7C3"),
    "cannot_verify": PatternFill("solid", fgColor="FCE8B2"),
}


def cell(value):
    """A DataFrame value as something openpyxl stores safely (no formulas, no NaN)."""
    if value is None:
        return None
    if isinstance(value, (np.generic,)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (pd.Timestamp,)):
        return value.to_pydatetime()
    if isinstance(value, (list, dict, tuple)):
        value = json.dumps(value, ensure_ascii=False)
    return safe_text(value)


def _print_setup(ws, columns):
    """Printed as the assessment workbook is, over the table only, its header on every page."""
    print_setup(ws)
    ws.print_title_rows = "$1:$1"
    ws.print_area = f"A1:{get_column_letter(max(columns, 1))}{max(ws.max_row, 1)}"


def _worded(frame, lang):
    """Status and severity ids, and booleans, as words in `lang`."""
    out = frame.copy()
    for col in out.columns:
        if col in WORDED or out[col].dtype == bool:
            out[col] = out[col].map(lambda v: word(v, lang))
    return out


def _table(ws, frame, widths=None, wrap=(), lang="en"):
    headers = [header(str(c), lang) for c in frame.columns]
    ws.append([cell(h) for h in headers])
    for c in ws[1]:
        c.font, c.fill = _HEAD_FONT, _HEAD_FILL
        c.alignment = _WRAP
    for row in _worded(frame, lang).itertuples(index=False, name=None):
        ws.append([cell(v) for v in row])
    ws.freeze_panes = "A2"
    if len(frame.columns):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(ws.max_row, 1)}"
    wrapped = []
    for i, (col, head) in enumerate(zip(frame.columns, headers), start=1):
        longest = min(60, max(10, _longest(frame[col]) + 2, min(len(head), 30) + 2))
        ws.column_dimensions[get_column_letter(i)].width = (widths or {}).get(col) or longest
        if col in wrap or ws.column_dimensions[get_column_letter(i)].width >= 40:
            wrapped.append(i)
        for (c,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
            c.alignment = _WRAP if wrapped and wrapped[-1] == i else _TOP
        if col in FORMATS:
            for (c,) in ws.iter_rows(min_row=2, min_col=i, max_col=i):
                c.number_format = FORMATS[col]
    _fit_rows(ws, frame, wrapped)
    _print_setup(ws, len(frame.columns))


def _fit_rows(ws, frame, wrapped):
    """Rows tall enough for their wrapped cells (no spreadsheet sizes them when printing)."""
    if not wrapped:
        return
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in wrapped]
    for r, row in enumerate(ws.iter_rows(min_row=2, max_row=len(frame) + 1), start=2):
        n = max(lines(row[i - 1].value, w) for i, w in zip(wrapped, widths))
        if n > 1:
            ws.row_dimensions[r].height = row_height(n)


def _longest(series):
    if series.empty:
        return 0
    return int(series.head(500).astype(str).str.len().max())


def _key_values(ws, pairs, lang="en"):
    ws.append([header("key", lang), header("value", lang)])
    for c in ws[1]:
        c.font, c.fill = _HEAD_FONT, _HEAD_FILL
    for key, value in pairs:
        ws.append([cell(str(key)), cell(value if isinstance(value, (int, float)) else str(value))])
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 110
    for (c,) in ws.iter_rows(min_row=2, min_col=2, max_col=2):
        c.alignment = _WRAP
    _print_setup(ws, 2)


def write_audit_workbook(report, path, lang="en"):
    """Write the six sheets, headers and words in `lang`, and save atomically; returns the path."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name("Findings", lang)
    findings = report.findings.reindex(columns=FINDINGS_HEADERS)
    _table(
        ws,
        findings,
        widths={"evidence": 70, "values_checked": 40, "legal_basis": 50, "source": 40},
        wrap=("evidence", "legal_basis"),
        lang=lang,
    )
    status_col = FINDINGS_HEADERS.index("status") + 1
    cells = ws.iter_rows(min_row=2, min_col=status_col, max_col=status_col)
    for status, (c,) in zip(findings["status"], cells):
        if status in _STATUS_FILL:
            c.fill = _STATUS_FILL[status]
    _table(
        wb.create_sheet(sheet_name("Per rule", lang)),
        report.per_rule,
        widths={"legal_basis": 60, "source": 40, "title": 45, "title_fr": 45},
        wrap=("legal_basis", "title", "title_fr"),
        lang=lang,
    )
    _table(
        wb.create_sheet(sheet_name("Per camera", lang)),
        report.per_camera,
        widths={"assumed_values": 50},
        lang=lang,
    )
    _table(
        wb.create_sheet(sheet_name("Districts", lang)),
        report.districts,
        widths={"cameras_by_vendor": 60},
        wrap=("cameras_by_vendor",),
        lang=lang,
    )
    _ruleset_sheet(wb.create_sheet(sheet_name("Rule set", lang)), report.ruleset, lang)
    _key_values(
        wb.create_sheet(sheet_name("Run info", lang)),
        list(report.run_info)
        + [("method", line) for line in report.method_lines()]
        + [("message", m) for m in report.messages],
        lang,
    )
    path = save_atomically(wb, path)
    os.chmod(path, 0o644)  # the temp file it was renamed from is private (0600)
    return path


def _ruleset_sheet(ws, rs, lang="en"):
    rules = pd.DataFrame(
        [
            {
                "rule_id": r.id,
                "check": r.check,
                "title_en": r.title_en,
                "title_fr": r.title_fr,
                "severity": r.severity,
                "legal_basis": r.legal_basis,
                "source": r.source,
                "parameters": json.dumps(r.parameters, ensure_ascii=False, sort_keys=True),
                "description": r.description,
            }
            for r in rs.rules
        ]
    )
    _table(
        ws,
        rules,
        widths={
            "legal_basis": 60,
            "source": 45,
            "title_en": 40,
            "title_fr": 40,
            "parameters": 40,
            "description": 50,
        },
        wrap=("legal_basis", "source", "description", "parameters"),
        lang=lang,
    )
    ws.append([])
    w = lambda text: run_word(text, lang)  # noqa: E731
    ws.append(
        [
            cell(k)
            for k in (w("rule set"), rs.id, w("version"), rs.version, w("jurisdiction"), rs.jurisdiction)
        ]
    )
    ws.append([w("title (en)"), cell(rs.title_en)])
    ws.append([w("title (fr)"), cell(rs.title_fr)])
    ws.append([w("file"), cell(recorded(rs.path))])
    ws.append([w("field-of-view defaults"), w("angle (°)"), w("range (m)")])
    for kind, v in rs.fov_defaults.items():
        ws.append([kind, v["angle"], v["range_m"]])
    _print_setup(ws, ws.max_column)  # the rule set details below the table print too
