"""The plain CSV form for lists published only as text or PDF (MOFCOM's Unreliable Entity List
and export-control control list, state procurement bans...): one row per listed entity.

Columns (any case, any order; `;` separates several values in a cell):
  list_id       the catalog list it belongs to (lowercase letters, digits, _)          required
  name          the entity as the list names it                                        required
  date_added    the date it was listed (2025-04-04, 4 April 2025, 04/04/2025 day first) required
  source_url    the official page or journal of the announcement                       required
  list_name, jurisdiction, authority, level (1 watch, 2 ban, 3 removal), in_force_from
                describe the list: required on the first row of a list the catalog lacks
  aliases, former_names, parent, country (ISO 3166 alpha-2), date_removed,
  document (announcement number, journal reference), scope_classes, note               optional
"""

import re

from ..dates import DateError, parse_date
from ..entries import Entry, ListFile, ListFileError
from .common import csv_rows, several

REQUIRED = ("list_id", "name", "date_added", "source_url")
LIST_COLUMNS = ("list_name", "jurisdiction", "authority", "level", "in_force_from")


def looks_like(header):
    return all(c in header for c in ("list_id", "name", "date_added"))


def read(path):
    header, rows = csv_rows(path, ("list_id", "name"))
    if "source" in header and "source_url" not in header:
        rows = [(n, {**r, "source_url": r.get("source", "")}) for n, r in rows]
        header = header + ["source_url"]
    for col in REQUIRED:
        if col not in header:
            raise ListFileError(f"required column '{col}' is missing (columns: {', '.join(header)})")
    out = ListFile(path, "plain")
    for lineno, row in rows:
        where = f"row {lineno}"
        try:
            entry = _entry(row, where)
        except (DateError, ListFileError) as e:
            out.problems.append(f"{where}: {e}")
            continue
        out.entries.append(entry)
        if entry.list_id not in out.lists and any(row.get(c) for c in LIST_COLUMNS):
            out.lists[entry.list_id] = _list_row(row, where)
    out.file_date = out.newest_date()
    return out


def _entry(row, where):
    for col in REQUIRED:
        if not row.get(col):
            raise ListFileError(f"column '{col}': a value is required")
    list_id = row["list_id"]
    if not re.fullmatch(r"[a-z0-9_]+", list_id):
        raise ListFileError(f"column 'list_id': '{list_id}' is not an id (lowercase letters, digits, _)")
    country = row.get("country", "").upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise ListFileError(f"column 'country': '{country}' is not an ISO 3166 two-letter code")
    return Entry(
        list_id=list_id,
        name=row["name"],
        where=where,
        aliases=several(row.get("aliases")),
        former_names=several(row.get("former_names")),
        parent=row.get("parent", ""),
        country=country,
        date_added=_date(row, "date_added"),
        date_removed=_date(row, "date_removed"),
        document=row.get("document", ""),
        source_url=row["source_url"],
        scope_classes=row.get("scope_classes", ""),
        note=row.get("note", ""),
    )


def _date(row, col):
    try:
        return parse_date(row.get(col, ""), day_first=True)
    except DateError as e:
        raise DateError(f"column '{col}': {e}") from e


def _list_row(row, where):
    level = row.get("level", "")
    if level not in ("1", "2", "3"):
        raise ListFileError(f"{where}, column 'level': '{level}' is not 1, 2 or 3")
    return dict(
        jurisdiction=row.get("jurisdiction", "").upper(),
        name=row.get("list_name", ""),
        authority=row.get("authority", ""),
        measure=row.get("note", ""),
        level=level,
        in_force_from=_date(row, "in_force_from"),
        note="",
        source=row["source_url"],
    )
