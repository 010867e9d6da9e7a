"""A user catalog's model-number patterns cannot hang a run: patterns whose time can double per
character (nested quantifiers, repeated alternations) are refused naming row and column."""

import pytest
from conftest import refusal
from layers import write_gpkg
from vendor_risk.risk.catalog.loader import CatalogError, load_catalog
from vendor_risk.risk.safety.regex import regex_problem

HEADER = "pattern_id,vendor_id,regex,asset_class,confidence,example,note,source,as_of\n"
EVIL = ["(a+)+$", "^(\\d|\\d\\d)+X", "(.*a){12}", "([A-Z]+)*-", "(?:x+x+)+y"]


@pytest.mark.parametrize("pattern", EVIL)
def test_nested_quantifiers_in_a_user_catalog_are_refused(tmp_path, pattern):
    (tmp_path / "model_patterns.csv").write_text(
        HEADER + f'evil,hikvision,"{pattern}",cctv_camera,0.9,x,,mine,2026-12-01\n', encoding="utf-8"
    )
    with pytest.raises(CatalogError, match=r"model_patterns\.csv, row 2.*regex.*exponential"):
        load_catalog(str(tmp_path))


def test_the_algorithm_refuses_before_reading(tmp_path, provider):
    folder = tmp_path / "cat"
    folder.mkdir()
    (folder / "model_patterns.csv").write_text(
        HEADER + 'evil,hikvision,"(a+)+$",cctv_camera,0.9,x,,mine,2026-12-01\n', encoding="utf-8"
    )
    uri = write_gpkg(
        tmp_path / "c.gpkg",
        "cams",
        [{"camera_id": "C1", "fabricant": "", "modele": "a" * 40 + "!"}],
        ["POINT (700000 6600000)"],
    )
    message = refusal(
        "vendorrisk:tagassets", {"INPUT": uri, "CATALOG": str(folder), "OUTPUT": str(tmp_path / "t.gpkg")}
    )
    assert "exponential" in message


@pytest.mark.parametrize(
    "pattern", ["^DS-2[A-Z]{1,4}\\d", "^(?:IPC|HFW)\\d+", "(ab)+c", "^[A-Z]{2,3}-\\d{3,}$"]
)
def test_ordinary_patterns_pass(pattern):
    assert regex_problem(pattern) == ""


def test_the_shipped_patterns_all_pass():
    patterns = load_catalog().model_patterns["regex"]
    assert [p for p in patterns if regex_problem(p)] == []
