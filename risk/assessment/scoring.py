"""Risk score 0-100 and band, from weights and thresholds in the profile file."""

import numpy as np

from ..definitions import RISK_BANDS


def risk_score(level, incompatible, lockin, service_used, profile):
    w = profile.weights
    score = 100.0 * (
        w["sanction"] * np.asarray(level, float) / 3.0
        + w["incompatible"] * np.asarray(incompatible, float)
        + w["lockin"] * np.minimum(np.asarray(lockin, float) / profile.lockin_cap, 1.0)
        + w["end_of_support"] * np.clip(np.asarray(service_used, float), 0.0, 1.0)
    )
    return np.round(np.clip(score, 0.0, 100.0), 1)


def risk_band(score, profile):
    b = profile.bands
    idx = np.digitize(np.asarray(score, float), [b["medium"], b["high"], b["critical"]])
    return np.asarray(RISK_BANDS, dtype=object)[idx]
