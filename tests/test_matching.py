"""Matching cases kept as data (tests/data/match_cases.csv): every method, Chinese names, OEM
relations and traps. Adding a case is adding a row."""

import csv
import os

import pandas as pd
import pytest
from conftest import DATA
from vendor_risk.risk.tagging.matching import Matcher

CASES = list(csv.DictReader(open(os.path.join(DATA, "match_cases.csv"), encoding="utf-8")))


@pytest.fixture(scope="module")
def matcher(catalog):
    return Matcher(catalog)


@pytest.mark.parametrize(
    "case",
    CASES,
    ids=[f"{i}-{c['manufacturer'] or c['brand'] or c['model'] or 'blank'}" for i, c in enumerate(CASES)],
)
def test_match_case(matcher, case):
    maker = case["manufacturer"].replace(";", ",")  # ';' stands for ',' in the data file
    got = matcher.match(maker, case["brand"], case["model"])
    assert got["vendor_id"] == case["vendor_id"], got
    assert got["match_method"] == case["match_method"], got
    assert got["needs_review"] is (case["needs_review"] == "true"), got
    if case["not_vendor_id"]:
        assert got["vendor_id"] != case["not_vendor_id"]
    if case["suggested_vendor_id"]:
        assert got["suggestion"] == case["suggested_vendor_id"], got
    assert 0.0 <= got["match_confidence"] <= 1.0


def test_every_method_is_covered():
    methods = {c["match_method"] for c in CASES}
    assert methods >= {"exact", "alias", "brand", "oem", "model_pattern", "fuzzy", "unknown"}


def test_columns_match_like_single_strings_and_once_per_distinct_string(matcher, catalog):
    rows = CASES * 50
    frame = pd.DataFrame(
        {
            "m": [c["manufacturer"].replace(";", ",") for c in rows],
            "b": [c["brand"] for c in rows],
            "p": [c["model"] for c in rows],
        }
    )
    fresh = Matcher(catalog)
    out = fresh.match_columns(frame["m"], frame["b"], frame["p"])
    assert list(out["vendor_id"].astype(str)) == [c["vendor_id"] for c in rows]
    # the work is per distinct string: the cache holds distinct names, not rows
    assert len(fresh._name_cache) <= len(set(frame["m"]) | set(frame["b"]))


def test_manual_corrections_win(catalog):
    m = Matcher(catalog, {"Citéo Sécurité SARL": ("axis", 2), "DS-2CD2143G2-I": ("bosch", 3)})
    assert m.match("Citéo Sécurité SARL", "", "")["vendor_id"] == "axis"
    assert m.match("Citéo Sécurité SARL", "", "")["match_method"] == "manual"
    assert m.match("", "", "DS-2CD2143G2-I")["vendor_id"] == "bosch"


def test_correction_to_an_unknown_vendor_is_refused(catalog):
    with pytest.raises(ValueError, match="row 7, column 'vendor_id': 'nope'"):
        Matcher(catalog, {"x": ("nope", 7)})
