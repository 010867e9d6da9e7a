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


def catalog_facts(catalog, today):
    """What a run records of the catalog it read: version, as-of date, age, newest list imported."""
    return {
        "catalog_version": catalog.version,
        "catalog_as_of": catalog.as_of,
        "catalog_age_days": age_days(catalog.as_of, today),
        "lists_file_date": catalog.lists_file_date,
    }


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


def behind_import(run_info):
    """The date of the newest list file imported into the user catalog, when the catalog's own
    as-of date is older than it; else ''."""
    imported = str(run_info.get("lists_file_date", "") or "")
    as_of = str(run_info.get("catalog_as_of", "") or "")
    return imported if imported and as_of and imported[:10] > as_of[:10] else ""


def stale_warning(run_info, lang):
    """The warning a reader of a run's outputs gets when its catalog was old, or older than a
    list file imported into it, else ''."""
    days = stale_days(run_info)
    as_of = run_info.get("catalog_as_of", "")
    if days is not None:
        return label("meta.catalog_stale", lang).format(days=days, as_of=as_of)
    imported = behind_import(run_info)
    if imported:
        return label("meta.catalog_behind_import", lang).format(as_of=as_of, imported=imported)
    return ""
