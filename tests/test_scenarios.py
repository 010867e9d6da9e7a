"""Scenario files: every built-in parameter explained, malformed files named, probabilities."""

import json

import pytest
from vendor_risk.risk.assessment.scenarios import (
    SCENARIO_KEYS,
    ScenarioError,
    available_scenarios,
    load_profile,
    load_scenario,
    load_scenarios,
)

BUILT_IN = ("status_quo", "targeted_sanctions", "component_embargo", "rip_and_replace", "bifurcation")


def test_the_five_built_in_scenarios_load_in_order():
    assert [s.id for s in load_scenarios()][:5] == list(BUILT_IN)


@pytest.mark.parametrize("sid", BUILT_IN)
def test_every_parameter_of_a_built_in_scenario_is_explained(sid):
    path = available_scenarios()[sid]
    doc = json.load(open(path, encoding="utf-8"))
    params = [k for k in SCENARIO_KEYS if k not in ("id", "name", "description", "notes", "facts")]
    for key in params:
        assert key in doc, f"{sid}: {key} not set explicitly"
        assert doc["notes"].get(key), f"{sid}: {key} not explained in notes"
    for fact in doc["facts"]:
        assert fact["source"] and fact["as_of"]


def test_probabilities_of_built_ins_add_up_to_one():
    assert sum(s.probability for s in load_scenarios()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "doc, key",
    [
        ({"name": "x", "description": "y", "probability": 0.1}, "id"),
        ({"id": "bad", "name": "x", "description": "y", "probability": 1.5}, "probability"),
        ({"id": "bad", "name": "x", "description": "y", "probability": 0.1, "colour": 1}, "colour"),
        (
            {"id": "bad", "name": "x", "description": "y", "probability": 0.1, "removal_from_level": 2},
            "removal_deadline",
        ),
        (
            {
                "id": "bad",
                "name": "x",
                "description": "y",
                "probability": 0.1,
                "removal_deadline": "31/12/2027",
            },
            "removal_deadline",
        ),
        (
            {
                "id": "bad",
                "name": "x",
                "description": "y",
                "probability": 0.1,
                "cost_multiplier_low": 2,
                "cost_multiplier": 1,
            },
            "cost_multiplier_low",
        ),
        ({"id": "other", "name": "x", "description": "y", "probability": 0.1}, "id"),
    ],
)
def test_malformed_scenario_names_the_key(tmp_path, doc, key):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_scenario(str(path))
    assert err.value.key == key
    assert f"bad.json, key '{key}'" in str(err.value)


def test_invalid_json_names_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"id": "bad",\n "name": }', encoding="utf-8")
    with pytest.raises(ScenarioError, match="line 2"):
        load_scenario(str(path))


def test_profile_weights_must_add_up(tmp_path):
    doc = json.load(open(load_profile().path, encoding="utf-8"))
    doc["weights"]["sanction"] = 0.9
    (tmp_path / "profile.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ScenarioError, match="key 'weights'"):
        load_profile(str(tmp_path))


def test_unknown_scenario_id_lists_the_available_ones():
    with pytest.raises(ScenarioError, match="unknown scenario.*nope.*available.*status_quo"):
        load_scenarios("status_quo,nope")


def test_scenario_choices_list_built_ins_first_then_user_files_and_say_what_is_broken(tmp_path):
    from vendor_risk.risk.assessment.scenarios import BUILT_IN_ORDER, in_display_order, scenario_choices

    good = json.load(open(available_scenarios()["status_quo"], encoding="utf-8"))
    good["name"] = {"en": "Aardvark case", "fr": "Cas oryctérope"}
    good["id"] = "aardvark"
    (tmp_path / "aardvark.json").write_text(json.dumps(good), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    choices = scenario_choices("fr", str(tmp_path))
    ids = [sid for sid, _, _ in choices]
    assert ids == [*BUILT_IN_ORDER, "aardvark", "broken"]
    by_id = {sid: (label, desc) for sid, label, desc in choices}
    assert by_id["aardvark"][0] == "Cas oryctérope" and by_id["aardvark"][1]
    assert by_id["broken"][0] == "broken" and "broken.json" in by_id["broken"][1]
    assert in_display_order(["zeta", "bifurcation", "alpha", "status_quo"]) == [
        "status_quo",
        "bifurcation",
        "alpha",
        "zeta",
    ]
