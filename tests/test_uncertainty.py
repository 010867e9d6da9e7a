import pandas as pd
from vendor_risk.risk.assessment.scenarios import load_scenarios
from vendor_risk.risk.assessment.uncertainty import sample_total


def by_class():
    return pd.DataFrame(
        {"fixed": [100.0, 0.0], "mid": [1000.0, 500.0], "low": [800.0, 400.0], "high": [1500.0, 900.0]},
        index=["cctv_camera", "vms"],
    )


def test_same_seed_same_numbers_and_p90_above_p50():
    sc = load_scenarios("rip_and_replace")[0]
    a = sample_total(by_class(), sc, 2000, 7)
    b = sample_total(by_class(), sc, 2000, 7)
    c = sample_total(by_class(), sc, 2000, 8)
    assert a == b
    assert a != c
    assert a[1] > a[0] > 0


def test_degenerate_ranges_give_the_point_value():
    sc = load_scenarios("status_quo")[0]
    sc.cost_multiplier_low = sc.cost_multiplier_high = sc.cost_multiplier = 1.0
    frame = pd.DataFrame({"fixed": [0.0], "mid": [1000.0], "low": [1000.0], "high": [1000.0]}, index=["x"])
    assert sample_total(frame, sc, 100, 1) == (1000.0, 1000.0)
