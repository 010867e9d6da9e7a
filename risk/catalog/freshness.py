"""How old the catalog's facts are: restriction lists change (the FCC Covered List several times
a year, the DoD 1260H list every year), so an old catalog is said to be old."""

from datetime import date

from ..labels import label

STALE_AFTER_DAYS = 180


def age_days(as_of, today):
    """Whole days from the catalog's as-of date (ISO text) to today; None when not a date."""
    try:
        return (today - date.fromisoformat(str(as_of)[:10])).days
    except ValueError:
        return None


def is_stale(as_of, today):
    return _too_old(age_days(as_of, today))


def stale_days(run_info):
    """The catalog's age in days when a run found it older than STALE_AFTER_DAYS, else None."""
    try:
        days = int(run_info.get("catalog_age_days", ""))
    except (TypeError, ValueError):
        return None
    return days if _too_old(days) else None


def _too_old(days):
    return days is not None and days > STALE_AFTER_DAYS


def stale_warning(run_info, lang):
    """The warning a reader of a run's outputs gets when its catalog was old, else ''."""
    days = stale_days(run_info)
    if days is None:
        return ""
    return label("meta.catalog_stale", lang).format(days=days, as_of=run_info.get("catalog_as_of", ""))
