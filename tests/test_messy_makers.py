"""Maker strings as open data brings them: Wikidata ids, several makers in one value, placeholders,
shops in the brand field, OpenStreetMap keys as field names, owners of the time."""

import datetime

import pandas as pd
import pytest
from vendor_risk.risk.assessment.sanctions import Jurisdiction, SanctionResolver
from vendor_risk.risk.assessment.scenarios import load_scenarios
from vendor_risk.risk.tagging.fieldmap import detect_fields
from vendor_risk.risk.tagging.matching import Matcher
from vendor_risk.risk.tagging.messy import is_placeholder, maker_parts, wikidata_ids
from vendor_risk.risk.tagging.tagger import Tagger


@pytest.fixture(scope="module")
def matcher(catalog):
    return Matcher(catalog)


@pytest.mark.parametrize(
    "raw, ids",
    [
        ("Q108485435", ["Q108485435"]),
        ("wikidata=Q634815", ["Q634815"]),
        ("https://www.wikidata.org/wiki/Q634815", ["Q634815"]),
        ("Q1;Q2", ["Q1", "Q2"]),
        ("Hikvision", []),
        ("Q7 Systems", []),
    ],
)
def test_wikidata_ids(raw, ids):
    assert wikidata_ids(raw) == ids


@pytest.mark.parametrize(
    "raw, parts",
    [
        ("Axis;Hikvision", ["Axis", "Hikvision"]),
        ("Axis / Bosch", ["Axis", "Bosch"]),
        ("Axis/Bosch", ["Axis", "Bosch"]),
        ("Axis + Genetec", ["Axis", "Genetec"]),
        ("Bang & Olufsen", ["Bang", "Olufsen"]),
        ("Milestone A/S", []),
        ("GB/T", []),
        ("Hikvision", []),
    ],
)
def test_maker_parts(raw, parts):
    assert maker_parts(raw) == parts


@pytest.mark.parametrize("raw", ["Unknown", "unkn", "UNKNOWN", "generic", "other", "n/a", "N/A", "inconnu"])
def test_placeholders(raw):
    assert is_placeholder(raw)


@pytest.mark.parametrize("raw", ["Hikvision", "Axis", "Generac", "Otherwise Ltd", ""])
def test_not_placeholders(raw):
    assert not is_placeholder(raw)


def test_wikidata_id_wins_over_the_name(matcher):
    got = matcher.match("Some Installer LLC", "", "", "Q108485435")
    assert (got["vendor_id"], got["match_method"], got["needs_review"]) == ("flock_safety", "wikidata", False)


def test_a_wikidata_id_nobody_catalogued_stays_unknown(matcher):
    got = matcher.match("", "", "", "Q999999999")
    assert got["vendor_id"] == "" and "not a catalogued vendor" in got["match_note"]


def test_several_makers_scored_on_the_riskiest_and_all_kept(matcher):
    got = matcher.match("Axis;Hikvision", "", "")
    assert got["vendor_id"] == "hikvision"
    assert got["vendor_ids"] == "axis;hikvision"
    assert "riskiest" in got["match_note"]


def test_a_first_word_never_reaches_a_listed_vendor(matcher):
    assert matcher.match("Motorola", "", "")["vendor_id"] == "motorola_solutions"
    for word in ("Pacific", "Chengdu", "Zhejiang", "Hangzhou"):
        got = matcher.match(word, "", "")
        assert matcher._risk.get(got["vendor_id"], 0) == 0, (word, got)


def test_placeholders_are_not_review_noise(catalog):
    frame = pd.DataFrame({"manufacturer": ["Unknown", "n/a", "Hikvision", "ACME Installs"]})
    tags, review = Tagger(catalog).tag(frame, {"manufacturer": "manufacturer"})
    assert list(tags["match_method"].astype(str)) == ["not_given", "not_given", "exact", "unknown"]
    assert list(review["raw"]) == ["ACME Installs"]


def test_openstreetmap_keys_are_detected_and_used(catalog):
    frame = pd.DataFrame(
        {
            "full_id": ["n1", "n2", "n3"],
            "manufacturer": ["", "Flock", "Unknown"],
            "manufacturer:wikidata": ["Q108485435", "", ""],
            "surveillance:type": ["ALPR", "ALPR", "camera"],
            "operator": ["City of Springfield", "Springfield Police", ""],
        }
    )
    fields = detect_fields(list(frame.columns))
    assert fields["wikidata"] == "manufacturer:wikidata"
    assert fields["class"] == "surveillance:type"
    assert fields["operator"] == "operator"
    tags, _ = Tagger(catalog).tag(frame, fields)
    assert list(tags["vendor_id"].astype(str)) == ["flock_safety", "flock_safety", ""]
    assert list(tags["asset_class"].astype(str))[2] == "cctv_camera"


def test_an_asset_bought_before_a_sale_carries_the_owner_of_the_time(catalog):
    scenario = load_scenarios()[0]
    resolver = SanctionResolver(catalog, Jurisdiction(catalog, "US"), scenario, datetime.date(2026, 12, 4))
    then = resolver.verdict("lorex", "cctv_camera", install_year=2020)
    now = resolver.verdict("lorex", "cctv_camera", install_year=2024)
    assert then.level >= 2 and "Dahua" in then.reason and "2018" in then.reason
    assert now.level == 0


def test_review_merges_spellings_and_ranks_by_assets(catalog):
    frame = pd.DataFrame(
        {"manufacturer": ["ACME Installs"] * 2 + ["acme installs."] + ["Zeta Works"] * 2 + ["Hikvison X"]}
    )
    _, review = Tagger(catalog).tag(frame, {"manufacturer": "manufacturer"})
    assert list(review["raw"])[:2] == ["ACME Installs", "Zeta Works"]
    assert list(review["count"])[:2] == [3, 2]
