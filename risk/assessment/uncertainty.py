"""P50/P90 of a scenario's cost by seeded sampling of unit-cost ranges and cost multipliers."""

import numpy as np


def sample_total(by_class, scenario, samples, seed):
    """P50 and P90 of sample_totals."""
    totals = sample_totals(by_class, scenario, samples, seed)
    return float(np.percentile(totals, 50)), float(np.percentile(totals, 90))


def sample_totals(by_class, scenario, samples, seed):
    """by_class: DataFrame indexed by class with columns fixed, mid, low, high (cost sums).

    Each draw picks one price level per asset class (triangular on low/mid/high of the class
    defaults) and one scenario multiplier (triangular on its low/base/high), so a class's
    assets move together, as prices do.
    """
    return sample_arrays(
        by_class["fixed"].to_numpy(float),
        by_class["mid"].to_numpy(float),
        by_class["low"].to_numpy(float),
        by_class["high"].to_numpy(float),
        scenario,
        samples,
        seed,
    )


def sample_arrays(fixed, mid, low, high, scenario, samples, seed):
    """sample_totals on arrays (one value per class): the draws of the total."""
    rng = np.random.default_rng(seed)
    n_cls = len(mid)
    if n_cls:
        draws = _triangular(rng, low, mid, high, (samples, n_cls))
        base = (draws + fixed).sum(axis=1)
    else:
        base = np.zeros(samples)
    m = scenario.cost_multiplier
    m_lo = scenario.cost_multiplier_low if scenario.cost_multiplier_low is not None else m
    m_hi = scenario.cost_multiplier_high if scenario.cost_multiplier_high is not None else m
    mult = _triangular(rng, np.array([m_lo]), np.array([m]), np.array([m_hi]), (samples, 1))[:, 0]
    scale = mult / m if m else np.zeros(samples)
    return base * scale


def _triangular(rng, low, mode, high, size):
    """numpy's triangular rejects low == high; a degenerate range is its single value."""
    low, mode, high = (np.broadcast_to(a, size) for a in (low, mode, high))
    span = high - low
    safe = span > 0
    u = rng.random(size)
    with np.errstate(divide="ignore", invalid="ignore"):
        c = np.where(safe, (mode - low) / np.where(safe, span, 1), 0.5)
        left = low + np.sqrt(u * span * (mode - low))
        right = high - np.sqrt((1 - u) * span * (high - mode))
    out = np.where(u < c, left, right)
    return np.where(safe, out, mode)
