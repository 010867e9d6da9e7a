"""Decoupling scenarios and the scoring profile, read from JSON files users can add to."""

import json
import math
import os
import re
from dataclasses import dataclass, field
from datetime import date

from ...plugin_paths import SCENARIO_DIR
from ..safety.json_files import JsonFileError, load_json

SHIPPED_DIR = SCENARIO_DIR
PROFILE_FILE = "profile.json"


class ScenarioError(ValueError):
    """A scenario or profile file that cannot be used, naming the file and key."""

    def __init__(self, path, key, message):
        self.path, self.key = path, key
        where = os.path.basename(path) + (f", key '{key}'" if key else "")
        super().__init__(f"{where}: {message}")


def _is_date(v):
    return isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) is not None


def _checked_date(v):
    try:
        return date.fromisoformat(v)
    except ValueError:
        return None


# key: (required, check(value) -> error text or None, default)
def _num(lo=None, hi=None):
    def check(v):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            return f"must be a number, got {json.dumps(v)}"
        if not math.isfinite(v):
            return f"must be a finite number, got {v}"
        if (lo is not None and v < lo) or (hi is not None and v > hi):
            return f"must be between {lo} and {hi}, got {v}"
        return None

    return check


def _opt_date(v):
    if v is None:
        return None
    if not _is_date(v) or _checked_date(v) is None:
        return f"must be a date YYYY-MM-DD or null, got {json.dumps(v)}"
    return None


def _bool(v):
    return None if isinstance(v, bool) else f"must be true or false, got {json.dumps(v)}"


def _text(v):
    if isinstance(v, str) and v.strip():
        return None
    if isinstance(v, dict) and v and all(isinstance(t, str) for t in v.values()):
        return None
    return 'must be a text or an object of texts by language ({"en": ..., "fr": ...})'


def _str_list(v):
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return None
    return "must be a list of texts"


def _level_or_null(v):
    if v is None or (isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 3):
        return None
    return f"must be 1, 2, 3 or null, got {json.dumps(v)}"


def _one_of(*allowed):
    def check(v):
        return None if v in allowed else f"must be one of {', '.join(allowed)}, got {json.dumps(v)}"

    return check


SCENARIO_KEYS = {
    "id": (
        True,
        lambda v: (
            None
            if isinstance(v, str) and re.fullmatch(r"[a-z0-9_]+", v)
            else "must be an identifier (lowercase letters, digits, _)"
        ),
        None,
    ),
    "name": (True, _text, None),
    "description": (True, _text, None),
    "probability": (True, _num(0, 1), None),
    "list_scope": (False, _one_of("jurisdiction", "bloc"), "jurisdiction"),
    "enforced": (False, _bool, True),
    "removal_from_level": (False, _level_or_null, None),
    "removal_deadline": (False, _opt_date, None),
    "cut_off_lists": (False, _str_list, []),
    "cut_off_other_bloc": (False, _bool, False),
    "bloc_split": (False, _bool, False),
    "effective_date": (False, _opt_date, None),
    "cost_multiplier": (False, _num(0, 100), 1.0),
    "cost_multiplier_low": (False, _num(0, 100), None),
    "cost_multiplier_high": (False, _num(0, 100), None),
    "reintegration_factor": (False, _num(0, 100), 0.0),
    "notes": (False, lambda v: None if isinstance(v, dict) else "must be an object", {}),
    "facts": (False, lambda v: None if isinstance(v, list) else "must be a list", []),
}

PROFILE_KEYS = {
    "weights": (True, lambda v: None if isinstance(v, dict) else "must be an object", None),
    "lockin_cap": (True, _num(0.01, 1000), None),
    "bands": (True, lambda v: None if isinstance(v, dict) else "must be an object", None),
    "uncertainty_samples": (False, _num(10, 100000), 2000),
    "uncertainty_seed": (False, _num(0, 2**32 - 1), 20261125),
    "notes": (False, lambda v: None if isinstance(v, dict) else "must be an object", {}),
}
WEIGHT_KEYS = ("sanction", "incompatible", "lockin", "end_of_support")
BAND_KEYS = ("medium", "high", "critical")


@dataclass
class Scenario:
    id: str
    name: object
    description: object
    probability: float
    list_scope: str = "jurisdiction"
    enforced: bool = True
    removal_from_level: object = None
    removal_deadline: object = None
    cut_off_lists: list = field(default_factory=list)
    cut_off_other_bloc: bool = False
    bloc_split: bool = False
    effective_date: object = None
    cost_multiplier: float = 1.0
    cost_multiplier_low: object = None
    cost_multiplier_high: object = None
    reintegration_factor: float = 0.0
    notes: dict = field(default_factory=dict)
    facts: list = field(default_factory=list)
    path: str = ""

    def label(self, lang="en"):
        return _pick(self.name, lang)

    def consequence_date(self, reference):
        """When the scenario's forced replacements happen (a date)."""
        for d in (self.removal_deadline, self.effective_date):
            if d:
                return date.fromisoformat(d)
        return reference

    def parameters(self):
        """Every parameter with its value, for run_info and the workbook."""
        return {k: getattr(self, k) for k in SCENARIO_KEYS if k not in ("notes", "facts")}


@dataclass
class Profile:
    weights: dict
    lockin_cap: float
    bands: dict
    uncertainty_samples: int = 2000
    uncertainty_seed: int = 20261125
    notes: dict = field(default_factory=dict)
    path: str = ""


def _pick(text, lang):
    if isinstance(text, dict):
        return text.get(lang) or text.get("en") or next(iter(text.values()))
    return text


def _read_json(path):
    try:
        return load_json(path)
    except (JsonFileError, OSError) as e:
        raise ScenarioError(path, None, str(e)) from e


def _validate(path, doc, spec):
    if not isinstance(doc, dict):
        raise ScenarioError(path, None, "must hold a JSON object")
    for key in doc:
        if key not in spec:
            raise ScenarioError(path, key, f"unknown key (known: {', '.join(spec)})")
    values = {}
    for key, (required, check, default) in spec.items():
        if key not in doc:
            if required:
                raise ScenarioError(path, key, "is required")
            values[key] = default
            continue
        msg = check(doc[key])
        if msg:
            raise ScenarioError(path, key, msg)
        values[key] = doc[key]
    return values


def load_scenario(path):
    values = _validate(path, _read_json(path), SCENARIO_KEYS)
    for lo_key, hi_key in (
        ("cost_multiplier_low", "cost_multiplier"),
        ("cost_multiplier", "cost_multiplier_high"),
    ):
        lo, hi = values[lo_key], values[hi_key]
        if lo is not None and hi is not None and lo > hi:
            raise ScenarioError(path, lo_key, f"must not exceed {hi_key} ({lo} > {hi})")
    if values["removal_from_level"] is not None and not values["removal_deadline"]:
        raise ScenarioError(path, "removal_deadline", "is required when removal_from_level is set")
    stem = os.path.splitext(os.path.basename(path))[0]
    if values["id"] != stem:
        raise ScenarioError(path, "id", f"'{values['id']}' must match the file name '{stem}'")
    return Scenario(path=path, **values)


def load_profile(folder=None):
    path = os.path.join(folder, PROFILE_FILE) if folder else None
    if not path or not os.path.exists(path):
        path = os.path.join(SHIPPED_DIR, PROFILE_FILE)
    values = _validate(path, _read_json(path), PROFILE_KEYS)
    weights = values["weights"]
    for k in WEIGHT_KEYS:
        msg = _num(0, 1)(weights.get(k))
        if msg:
            raise ScenarioError(path, f"weights.{k}", msg)
    if abs(sum(weights[k] for k in WEIGHT_KEYS) - 1.0) > 1e-6:
        raise ScenarioError(path, "weights", "must add up to 1")
    bands = values["bands"]
    prev = 0
    for k in BAND_KEYS:
        msg = _num(0, 100)(bands.get(k))
        if msg:
            raise ScenarioError(path, f"bands.{k}", msg)
        if bands[k] < prev:
            raise ScenarioError(path, f"bands.{k}", "thresholds must increase: medium ≤ high ≤ critical")
        prev = bands[k]
    values["uncertainty_samples"] = int(values["uncertainty_samples"])
    values["uncertainty_seed"] = int(values["uncertainty_seed"])
    return Profile(path=path, **values)


def available_scenarios(user_folder=None):
    """id -> path of every scenario file; a user file with the same id replaces the shipped one."""
    found = {}
    for folder in [SHIPPED_DIR] + ([user_folder] if user_folder else []):
        if not os.path.isdir(folder):
            raise ScenarioError(folder, None, "scenario folder does not exist")
        for name in sorted(os.listdir(folder)):
            if name.endswith(".json") and name != PROFILE_FILE:
                found[name[:-5]] = os.path.join(folder, name)
    return found


BUILT_IN_ORDER = ("status_quo", "targeted_sanctions", "component_embargo", "rip_and_replace", "bifurcation")


def in_display_order(ids):
    """Scenario ids in the order they are shown and run: the built-in ones first, then by id."""
    n = len(BUILT_IN_ORDER)
    return sorted(ids, key=lambda i: (BUILT_IN_ORDER.index(i) if i in BUILT_IN_ORDER else n, i))


def scenario_choices(lang="en", user_folder=None):
    """[(id, label, description)] of every available scenario, in display order; a scenario
    whose file is broken is listed with its id and the error as description."""
    found = available_scenarios(user_folder)
    out = []
    for sid in in_display_order(found):
        try:
            sc = load_scenario(found[sid])
            out.append((sid, sc.label(lang), _pick(sc.description, lang)))
        except ScenarioError as e:
            out.append((sid, sid, str(e)))
    return out


def load_scenarios(ids=None, user_folder=None):
    """Load the chosen scenarios (all when ids is empty), in a stable order."""
    found = available_scenarios(user_folder)
    if ids:
        wanted = [i.strip() for i in (ids.split(",") if isinstance(ids, str) else ids) if i.strip()]
        missing = [i for i in wanted if i not in found]
        if missing:
            raise ScenarioError(
                SHIPPED_DIR,
                None,
                f"unknown scenario(s) {', '.join(missing)} (available: {', '.join(sorted(found))})",
            )
    else:
        wanted = in_display_order(found)
    return [load_scenario(found[i]) for i in dict.fromkeys(wanted)]
