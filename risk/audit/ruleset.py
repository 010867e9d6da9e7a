"""Rule sets are data: JSON files a regulator can read, cite and edit; checked before use."""

import os
from dataclasses import dataclass, field

from ...plugin_paths import RULESET_DIR
from ..safety.json_files import JsonFileError, load_json

DEFAULT_RULESET = "fr_cnil"
SEVERITIES = ("low", "medium", "high", "critical")
VIEW_LAYERS = ("dwellings", "sensitive_sites")


class RulesetError(ValueError):
    """A rule set that cannot be used, with the key (path inside the JSON) at fault."""

    def __init__(self, source, key, message):
        self.source, self.key = source, key
        super().__init__(f"{os.path.basename(str(source))}: '{key}': {message}")


def _number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _text_list(v):
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


# check -> parameter -> (required, validator, description of what is expected, default)
CHECKS = {
    "authorisation": {
        "missing_values": (False, _text_list, "a list of texts", []),
        "empty_is_breach": (False, lambda v: isinstance(v, bool), "true or false", True),
    },
    "retention": {
        "max_retention_days": (True, lambda v: _number(v) and v > 0, "a positive number of days", None)
    },
    "biometric": {},
    "plate_reading": {},
    "audio": {},
    "signage": {},
    "vendor": {"min_sanction_level": (False, lambda v: v in (1, 2, 3), "1, 2 or 3", 2)},
    "end_of_support": {
        "service_life_years": (True, lambda v: _number(v) and v > 0, "a positive number of years", None)
    },
    "storage": {
        "allowed": (
            True,
            lambda v: _text_list(v) and len(v) > 0,
            "a non-empty list of country codes, EU, EEA or JURISDICTION",
            None,
        )
    },
    "view": {
        "layer": (True, lambda v: v in VIEW_LAYERS, " or ".join(VIEW_LAYERS), None),
        "min_overlap_m2": (False, lambda v: _number(v) and v >= 0, "a number of m² >= 0", 0.0),
        "point_radius_m": (False, lambda v: _number(v) and v >= 0, "a number of metres >= 0", 0.0),
    },
}
CAMERA_TYPE_KEYS = ("fixed", "dome", "ptz", "panoramic", "unknown")
_RULE_KEYS = {
    "id",
    "check",
    "title",
    "severity",
    "legal_basis",
    "source",
    "parameters",
    "description",
    "enabled",
}
_TOP_KEYS = {"format", "id", "version", "jurisdiction", "title", "description", "fov_defaults", "rules"}


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    title_en: str
    title_fr: str
    severity: str
    legal_basis: str
    source: str
    parameters: dict
    description: str = ""


@dataclass
class Ruleset:
    id: str
    version: str
    jurisdiction: str
    title_en: str
    title_fr: str
    fov_defaults: dict
    rules: list
    path: str = ""
    raw: dict = field(default_factory=dict, repr=False)

    def rule(self, rule_id):
        return next(r for r in self.rules if r.id == rule_id)

    def point_radius(self, layer):
        """Radius a point feature of `layer` stands for (largest asked by the view rules)."""
        radii = [
            r.parameters["point_radius_m"]
            for r in self.rules
            if r.check == "view" and r.parameters["layer"] == layer
        ]
        return max(radii, default=0.0)


def builtin_rulesets():
    """Ids of the rule sets shipped in resources/rulesets."""
    return sorted(n[:-5] for n in os.listdir(RULESET_DIR) if n.endswith(".json"))


def resolve_ruleset(ref):
    """A file path or a built-in id -> path; unknown refs name the built-ins."""
    ref = (ref or DEFAULT_RULESET).strip()
    if os.path.isfile(ref):
        return ref
    path = os.path.join(RULESET_DIR, ref + ".json")
    if os.path.isfile(path):
        return path
    raise RulesetError(
        ref, "RULESET", "no such file or built-in rule set (built-in: " + ", ".join(builtin_rulesets()) + ")"
    )


def load_ruleset(ref=None):
    """Read and validate a rule set; any problem raises RulesetError naming the key."""
    path = resolve_ruleset(ref)
    try:
        data = load_json(path)
    except (JsonFileError, OSError) as e:
        raise RulesetError(path, "(file)", str(e)) from e
    return parse_ruleset(data, path)


def parse_ruleset(data, source="<ruleset>"):
    def fail(key, message):
        raise RulesetError(source, key, message)

    if not isinstance(data, dict):
        fail("(top)", "expected a JSON object")
    for key in sorted(set(data) - _TOP_KEYS):
        fail(key, "unknown key (known: " + ", ".join(sorted(_TOP_KEYS)) + ")")
    for key in ("id", "version", "jurisdiction"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            fail(key, "missing or not a text")
    title_en, title_fr = _titles(data.get("title"), "title", fail)
    fov = _fov_defaults(data.get("fov_defaults"), fail)
    rules_raw = data.get("rules")
    if not isinstance(rules_raw, list) or not rules_raw:
        fail("rules", "missing or empty: expected a list of rules")
    rules, seen = [], set()
    for i, item in enumerate(rules_raw):
        rule = _rule(item, f"rules[{i}]", fail)
        if rule is None:
            continue
        if rule.id in seen:
            fail(f"rules[{i}].id", f"duplicate rule id '{rule.id}'")
        seen.add(rule.id)
        rules.append(rule)
    return Ruleset(
        id=data["id"],
        version=data["version"],
        jurisdiction=data["jurisdiction"],
        title_en=title_en,
        title_fr=title_fr,
        fov_defaults=fov,
        rules=rules,
        path=str(source),
        raw=data,
    )


def _titles(value, key, fail):
    if not isinstance(value, dict):
        fail(key, "expected an object with 'en' and 'fr' texts")
    for lang in ("en", "fr"):
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            fail(f"{key}.{lang}", "missing or not a text")
    return value["en"], value["fr"]


def _fov_defaults(value, fail):
    if not isinstance(value, dict):
        fail("fov_defaults", "expected an object: camera type -> {angle, range_m}")
    out = {}
    for kind in CAMERA_TYPE_KEYS:
        entry = value.get(kind)
        if not isinstance(entry, dict):
            fail(f"fov_defaults.{kind}", 'missing: expected {"angle": degrees, "range_m": metres}')
        angle, rng = entry.get("angle"), entry.get("range_m")
        if not _number(angle) or not 0 < angle <= 360:
            fail(f"fov_defaults.{kind}.angle", "expected degrees in (0, 360]")
        if not _number(rng) or rng <= 0:
            fail(f"fov_defaults.{kind}.range_m", "expected a positive number of metres")
        out[kind] = {"angle": float(angle), "range_m": float(rng)}
    for kind in sorted(set(value) - set(CAMERA_TYPE_KEYS)):
        fail(f"fov_defaults.{kind}", "unknown camera type (known: " + ", ".join(CAMERA_TYPE_KEYS) + ")")
    return out


def _rule(item, key, fail):
    if not isinstance(item, dict):
        fail(key, "expected an object")
    for k in sorted(set(item) - _RULE_KEYS):
        fail(f"{key}.{k}", "unknown key (known: " + ", ".join(sorted(_RULE_KEYS)) + ")")
    for k in ("id", "check", "severity", "legal_basis", "source"):
        if not isinstance(item.get(k), str) or not item[k].strip():
            fail(f"{key}.{k}", "missing or not a text")
    if item["check"] not in CHECKS:
        fail(f"{key}.check", f"unknown check '{item['check']}' (known: {', '.join(CHECKS)})")
    if item["severity"] not in SEVERITIES:
        fail(f"{key}.severity", f"'{item['severity']}' is not one of {', '.join(SEVERITIES)}")
    title_en, title_fr = _titles(item.get("title"), f"{key}.title", fail)
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        fail(f"{key}.enabled", "expected true or false")
    values = _rule_parameters(item, key, fail)
    desc = item.get("description", "")
    if isinstance(desc, dict):
        desc = desc.get("en", "")
    if not enabled:
        return None
    return Rule(
        id=item["id"],
        check=item["check"],
        title_en=title_en,
        title_fr=title_fr,
        severity=item["severity"],
        legal_basis=item["legal_basis"],
        source=item["source"],
        parameters=values,
        description=str(desc),
    )


def _rule_parameters(item, key, fail):
    """A rule's check parameters, checked against the check's schema, defaults filled in."""
    params = item.get("parameters", {})
    if not isinstance(params, dict):
        fail(f"{key}.parameters", "expected an object")
    schema = CHECKS[item["check"]]
    for p in sorted(set(params) - set(schema)):
        fail(
            f"{key}.parameters.{p}",
            f"unknown parameter for check '{item['check']}' (known: {', '.join(schema) or 'none'})",
        )
    values = {}
    for p, (required, valid, expected, default) in schema.items():
        if p not in params:
            if required:
                fail(f"{key}.parameters.{p}", f"missing: expected {expected}")
            values[p] = default
        elif not valid(params[p]):
            fail(f"{key}.parameters.{p}", f"expected {expected}, got {params[p]!r}")
        else:
            values[p] = params[p]
    return values
