"""Reading messy camera inventories: French and English words, units, compass points, OSM keys."""

import numpy as np
import pandas as pd


def s(*values):
    return pd.Series(list(values), dtype=object)


def test_yes_no_in_french_and_english_and_what_cannot_be_read():
    from vendor_risk.risk.audit.values import parse_bool

    got, bad = parse_bool(s("oui", "Non", "1", 0, "YES", "no", None, "", "inconnu", "ALPR", "peut-être"))
    assert got.tolist() == [True, False, True, False, True, False, None, None, None, True, None]
    assert bad.tolist() == [False] * 10 + [True]


def test_retention_periods_with_units():
    from vendor_risk.risk.audit.values import parse_days

    got, bad = parse_days(s("30", "30 jours", "1 mois", "48h", "2 semaines", "45j", 90, "trente", None))
    assert got.tolist()[:7] == [30, 30, 30, 2, 14, 45, 90]
    assert np.isnan(got.iloc[7]) and np.isnan(got.iloc[8])
    assert bad.tolist() == [False] * 7 + [True, False]


def test_directions_in_degrees_or_compass_points():
    from vendor_risk.risk.audit.values import parse_direction

    got, bad = parse_direction(s("NE", "so", "Ouest", "370", 45, "12,5°", "up"))
    assert got.tolist()[:6] == [45, 225, 270, 10, 45, 12.5]
    assert bad.tolist() == [False] * 6 + [True]


def test_storage_locations_to_countries():
    from vendor_risk.risk.audit.countries import allowed_codes
    from vendor_risk.risk.audit.values import parse_country

    got, bad = parse_country(s("FR", "Chine", "États-Unis", "OVH (France)", "sur site", "UE", "cloud", None))
    assert got.tolist() == ["FR", "CN", "US", "FR", "LOCAL", "EU", None, None]
    assert bad.tolist() == [False] * 6 + [True, False]
    allowed = allowed_codes(["EEA"], "FR")
    assert {"FR", "DE", "NO", "EU"} <= allowed and "CN" not in allowed and "GB" not in allowed
    assert allowed_codes(["JURISDICTION"], "UK") == {"GB"}


def test_camera_types_from_free_text():
    from vendor_risk.risk.audit.values import parse_camera_type

    got, bad = parse_camera_type(
        s(
            "Caméra dôme",
            "speed dome",
            "camera bullet",
            "fisheye 360",
            "PTZ",
            "panning",
            "fixed",
            "Vidéoprotection",
            None,
        )
    )
    assert got.tolist() == ["dome", "ptz", "fixed", "panoramic", "ptz", "ptz", "fixed", None, None]
    assert bad.tolist() == [False] * 7 + [True, False]


def test_openstreetmap_keys_are_detected():
    from vendor_risk.risk.audit.roles import CAMERA_ROLES
    from vendor_risk.risk.tagging.fieldmap import detect_fields

    mapping = detect_fields(
        ["camera:direction", "camera:type", "surveillance:type", "camera:angle", "ref", "manufacturer"],
        None,
        CAMERA_ROLES,
    )
    assert mapping["direction"] == "camera:direction"
    assert mapping["camera_type"] == "camera:type"
    assert mapping["plate_reading"] == "surveillance:type"
    assert mapping["angle"] is None  # OSM camera:angle is the tilt, not the field of view
    assert mapping["id"] == "ref"


def test_missing_fov_values_take_type_defaults_and_are_marked_assumed():
    from vendor_risk.risk.audit.fov import fov_parameters
    from vendor_risk.risk.audit.ruleset import load_ruleset

    table = pd.DataFrame(
        {
            "camera_type": ["fixed", "fixed", "dome", None],
            "direction": [90.0, np.nan, np.nan, 10.0],
            "angle": [60.0, 60.0, np.nan, 50.0],
            "range_m": [25.0, 25.0, np.nan, np.nan],
        }
    )
    fov = fov_parameters(table, load_ruleset("fr_cnil").fov_defaults)
    assert fov["assumed"].tolist() == [False, True, True, True]
    assert fov["angle"].tolist() == [60, 360, 360, 50]  # no direction: a full circle
    assert fov["range_m"].tolist() == [25, 25, 30, 30]
    assert "direction not recorded" in fov["assumed_values"][1]
    assert "range not recorded (30 m assumed for a dome camera)" in fov["assumed_values"][2]


def test_rules_judge_many_cameras_at_once():
    """The engine works column-wise: counts over 20,000 mixed rows match a plain recount."""
    import datetime

    from vendor_risk.risk.audit.engine import CameraAudit
    from vendor_risk.risk.audit.ruleset import load_ruleset

    n = 20_000
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {
            "camera_id": [f"C{i}" for i in range(n)],
            "duree_conservation": rng.choice(["30", "45 jours", None], n),
            "lapi": rng.choice(["oui", "non"], n),
            "annee": rng.integers(2010, 2025, n),
            "hebergement": rng.choice(["FR", "CN", None], n),
            "panneau": rng.integers(0, 2, n),
        }
    )
    audit = CameraAudit(frame, load_ruleset(), datetime.date(2026, 1, 1), "FR")
    audit.prepare()
    result = audit.evaluate(np.ones(n, bool), {"dwellings": None, "sensitive_sites": None})
    per_rule = result.per_rule.set_index("rule_id")
    ret = frame["duree_conservation"]
    assert per_rule.loc["retention_too_long", "breaches"] == (ret == "45 jours").sum()
    assert per_rule.loc["retention_too_long", "cannot_verify"] == ret.isna().sum()
    assert per_rule.loc["plate_reading", "breaches"] == (frame["lapi"] == "oui").sum()
    assert per_rule.loc["end_of_support", "breaches"] == (frame["annee"] + 7 <= 2026).sum()
    assert per_rule.loc["storage_outside_jurisdiction", "breaches"] == (frame["hebergement"] == "CN").sum()
    assert per_rule.loc["signage_missing", "breaches"] == (frame["panneau"] == 0).sum()
    pc = result.per_camera
    assert (pc["breaches"] + pc["cannot_verify"]).sum() == len(result.findings)
    first = pc.iloc[0]
    assert first["rules_unverified"].split(", ")[-2:] == ["view_dwellings", "view_sensitive_sites"]
