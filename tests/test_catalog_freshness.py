"""An old catalog is said to be old: restriction lists change several times a year."""

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
