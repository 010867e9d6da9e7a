"""Replacement cost, stranded value and lock-in ratio: vectorised over all assets."""

import numpy as np


def purchase_value(quantity, unit_cost):
    return np.asarray(quantity, float) * np.asarray(unit_cost, float)


def replacement_cost(forced, quantity, unit_cost, install_factor, multiplier):
    """quantity x unit cost x (1 + install factor) x scenario multiplier, for forced assets."""
    cost = purchase_value(quantity, unit_cost) * (1.0 + np.asarray(install_factor, float))
    return np.where(forced, cost * multiplier, 0.0)


def remaining_share(forced_year, install_year, service_life):
    """Share of book value left when replaced in forced_year: 1 - age / life, kept in [0, 1]."""
    age = np.asarray(forced_year, float) - np.asarray(install_year, float)
    life = np.asarray(service_life, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = 1.0 - age / life
    return np.clip(np.nan_to_num(share, nan=0.0), 0.0, 1.0)


def stranded_value(forced, quantity, unit_cost, forced_year, install_year, service_life):
    """Book value thrown away by a forced early replacement."""
    value = purchase_value(quantity, unit_cost) * remaining_share(forced_year, install_year, service_life)
    return np.where(forced, value, 0.0)


def reintegration_cost(needed, quantity, unit_cost, factor, multiplier):
    """Re-enrolling an asset whose proprietary platform is removed, as a share of its value."""
    return np.where(needed, purchase_value(quantity, unit_cost) * factor * multiplier, 0.0)


def lockin_ratio(replacement, stranded, purchase):
    """(replacement cost + stranded value) / purchase value; 0 when nothing was paid."""
    purchase = np.asarray(purchase, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (np.asarray(replacement, float) + np.asarray(stranded, float)) / purchase
    return np.where(purchase > 0, np.nan_to_num(ratio, nan=0.0), 0.0)
