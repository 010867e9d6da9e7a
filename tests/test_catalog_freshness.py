"""An old catalog is said to be old: restriction lists change several times a year."""

import os
from datetime import date

import openpyxl
import pytest
from conftest import run_alg
from layers import write_gpkg
from vendor_risk.risk.catalog.freshness import STALE_AFTER_DAYS, age_days, is_stale, stale_days, stale_warning

CAMERAS = [
    {
        "camera_id": "C1",
        "fabricant": "Hikvision",
        "modele": "DS-2CD2143G2-I",
        "type": "camera",
        "cout": 900.0,
    },
    {"camera_id": "C2", "fabricant": "Axis", "modele": "P3265-LVE", "type": "camera", "cout": 1100.0},
]


@pytest.mark.parametrize(
    "as_of, today, days, stale",
    [
        ("2026-01-01", date(2026, 6, 30), 180, False),
        ("2026-01-01", date(2026, 7, 1), 181, True),
        ("2026-12-04T10:00:00", date(2026, 12, 4), 0, False),
        ("not a date", date(2026, 12, 4), None, False),
        ("", date(2026, 12, 4), None, False),
    ],
)
def test_age_and_staleness(as_of, today, days, stale):
    assert age_days(as_of, today) == days
    assert is_stale(as_of, today) is stale


def test_warning_only_past_the_limit_and_in_the_language():
    old = {"catalog_age_days": str(STALE_AFTER_DAYS + 20), "catalog_as_of": "2025-01-02"}
    assert stale_days(old) == STALE_AFTER_DAYS + 20
    assert "200 days old (as of 2025-01-02)" in stale_warning(old, "en")
    assert "datent de 200 jours (à jour au 2025-01-02)" in stale_warning(old, "fr")
    for fresh in ({"catalog_age_days": "3"}, {"catalog_age_days": ""}, {}):
        assert stale_days(fresh) is None and stale_warning(fresh, "en") == ""


def summary_text(path):
    ws = openpyxl.load_workbook(path).worksheets[0]
    return " ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


@pytest.mark.parametrize("as_of, warned", [("2025-01-02", True), (date.today().isoformat(), False)])
def test_the_run_records_the_age_and_the_workbook_warns(tmp_path, module_provider, as_of, warned):
    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "catalog_info.csv").write_text(f"key,value\nas_of,{as_of}\n", encoding="utf-8")
    src = write_gpkg(tmp_path / "city.gpkg", "cameras", CAMERAS, ["POINT (700000 6600000)"] * 2)
    out = tmp_path / "risk.gpkg"
    run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": [src], "JURISDICTION": "US", "CATALOG": str(folder), "OUTPUT": str(out)},
    )
    for lang, words in (("en", "days old (as of 2025-01-02)"), ("fr", "à jour au 2025-01-02) : les listes")):
        book = tmp_path / f"risk_{lang}.xlsx"
        run_alg("vendorrisk:exportworkbook", {"INPUT": str(out), "OUTPUT": str(book), "LANGUAGE": lang})
        text = summary_text(book)
        assert (words in text) is warned, text[:400]
        assert as_of in text  # the as-of date is always shown


def test_the_audit_states_the_catalog_date_and_warns_when_old(tmp_path, module_provider):
    import shutil
    import subprocess

    from vendor_risk.plugin_paths import PLUGIN_DIR

    folder = tmp_path / "catalog"
    folder.mkdir()
    (folder / "catalog_info.csv").write_text("key,value\nas_of,2025-01-02\n", encoding="utf-8")
    city = tmp_path / "city.gpkg"  # the sample cameras carry no assessment: the audit reads the catalog
    shutil.copy(os.path.join(PLUGIN_DIR, "resources", "sample", "sample_city.gpkg"), city)
    out = run_alg(
        "vendorrisk:auditcameras",
        {
            "INPUT": f"{city}|layername=cameras",
            "SENSITIVE_SITES": f"{city}|layername=sensitive_sites",
            "DWELLINGS": f"{city}|layername=dwellings",
            "DISTRICTS": f"{city}|layername=districts",
            "CATALOG": str(folder),
            "OUTPUT": str(tmp_path / "audit.gpkg"),
            "OUTPUT_XLSX": str(tmp_path / "audit.xlsx"),
            "OUTPUT_PDF": str(tmp_path / "audit.pdf"),
        },
    )
    book = openpyxl.load_workbook(out["OUTPUT_XLSX"])
    pairs = [(r[0].value, r[1].value) for r in book.worksheets[-1].iter_rows(min_row=2)]
    info = dict(pairs)
    assert info["catalog_as_of"] == "2025-01-02" and int(info["catalog_age_days"]) > STALE_AFTER_DAYS
    assert any(k == "message" and "days old (as of 2025-01-02)" in str(v) for k, v in pairs)
    text = subprocess.run(
        ["pdftotext", "-layout", out["OUTPUT_PDF"], "-"], capture_output=True, text=True
    ).stdout
    assert "vendor catalog as of 2025-01-02" in text and "days old" in " ".join(text.split())
