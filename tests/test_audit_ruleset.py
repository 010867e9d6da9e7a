"""Rule sets are data: the shipped ones load, broken ones are refused naming the key."""

import copy
import json

import pytest
from audit_fixture import audit_provider  # noqa: F401
from conftest import run_alg
from layers import write_gpkg

pytestmark = pytest.mark.usefixtures("audit_provider")


@pytest.fixture(scope="module")
def fr():
    from vendor_risk.risk.audit.ruleset import RULESET_DIR

    with open(f"{RULESET_DIR}/fr_cnil.json", encoding="utf-8") as fh:
        return json.load(fh)


def test_shipped_rule_sets_load_and_cite_their_legal_bases():
    from vendor_risk.risk.audit.ruleset import builtin_rulesets, load_ruleset

    assert {"fr_cnil", "generic"} <= set(builtin_rulesets())
    fr = load_ruleset("fr_cnil")
    rules = {r.id: r for r in fr.rules}
    assert rules["retention_too_long"].parameters["max_retention_days"] == 30
    assert "L.252-5" in rules["retention_too_long"].legal_basis
    assert "L.252-1" in rules["authorisation_missing"].legal_basis
    assert "art. 5" in rules["biometric_identification"].legal_basis
    assert rules["end_of_support"].parameters["service_life_years"] == 7
    assert all(r.title_fr and r.source for r in fr.rules)
    assert {r.check for r in fr.rules} == {
        "authorisation",
        "retention",
        "biometric",
        "plate_reading",
        "audio",
        "vendor",
        "end_of_support",
        "storage",
        "view",
        "signage",
    }
    assert load_ruleset("generic").rule("storage_outside_jurisdiction").parameters["allowed"] == [
        "JURISDICTION"
    ]


def _broken(fr, path, value):
    data = copy.deepcopy(fr)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    "path, value, key",
    [
        (
            ("rules", 1, "parameters", "max_retention_days"),
            "thirty",
            "rules[1].parameters.max_retention_days",
        ),
        (
            ("rules", 1, "parameters", "max_retention_days"),
            KeyError,
            "rules[1].parameters.max_retention_days",
        ),
        (("rules", 0, "severity"), "urgent", "rules[0].severity"),
        (("rules", 2, "check"), "palmistry", "rules[2].check"),
        (("rules", 3, "title"), {"en": "x"}, "rules[3].title.fr"),
        (("rules", 4, "paramters"), {}, "rules[4].paramters"),
        (("fov_defaults", "dome", "angle"), 400, "fov_defaults.dome.angle"),
        (("rules",), [], "rules"),
        (("id",), KeyError, "id"),
    ],
)
def test_malformed_rule_sets_are_refused_naming_the_key(fr, path, value, key):
    from vendor_risk.risk.audit.ruleset import RulesetError, parse_ruleset

    with pytest.raises(RulesetError) as err:
        parse_ruleset(_broken(fr, path, value), "mine.json")
    assert err.value.key == key
    assert f"'{key}'" in str(err.value)


def test_duplicate_rule_ids_are_refused(fr):
    from vendor_risk.risk.audit.ruleset import RulesetError, parse_ruleset

    data = copy.deepcopy(fr)
    data["rules"].append(copy.deepcopy(data["rules"][0]))
    with pytest.raises(RulesetError, match="duplicate rule id 'authorisation_missing'"):
        parse_ruleset(data, "mine.json")


def test_a_user_edited_rule_set_changes_the_verdict(tmp_path, fr):
    from qgis.core import QgsVectorLayer

    uri = write_gpkg(
        tmp_path / "c.gpkg", "cams", [{"camera_id": "C1", "retention_days": 20.0}], ["POINT (700000 6600000)"]
    )
    mine = copy.deepcopy(fr)
    mine["rules"][1]["parameters"]["max_retention_days"] = 10
    path = tmp_path / "strict.json"
    path.write_text(json.dumps(mine), encoding="utf-8")
    got = {}
    for name, ruleset in (("default", "fr_cnil"), ("strict", str(path))):
        res = run_alg(
            "vendorrisk:auditcameras",
            {"INPUT": uri, "RULESET": ruleset, "OUTPUT": str(tmp_path / f"{name}.gpkg")},
        )
        lyr = QgsVectorLayer(res["FINDINGS"], "f", "ogr")
        got[name] = {f["rule_id"] for f in lyr.getFeatures() if f["status"] == "breach"}
    assert "retention_too_long" not in got["default"]
    assert "retention_too_long" in got["strict"]


def test_the_algorithm_reports_a_broken_rule_set_without_a_traceback(tmp_path, fr):
    from qgis.core import QgsProcessingException

    path = tmp_path / "bad.json"
    path.write_text(json.dumps(_broken(fr, ("rules", 0, "severity"), "urgent")), encoding="utf-8")
    uri = write_gpkg(tmp_path / "c.gpkg", "cams", [{"camera_id": "C1"}], ["POINT (1 1)"])
    with pytest.raises(QgsProcessingException, match=r"bad.json: 'rules\[0\].severity'"):
        run_alg(
            "vendorrisk:auditcameras",
            {"INPUT": uri, "RULESET": str(path), "OUTPUT": str(tmp_path / "o.gpkg")},
        )
    with pytest.raises(QgsProcessingException, match=r"built-in: .*fr_cnil"):
        run_alg(
            "vendorrisk:auditcameras", {"INPUT": uri, "RULESET": "nope", "OUTPUT": str(tmp_path / "o.gpkg")}
        )
    assert not (tmp_path / "o.gpkg").exists()
