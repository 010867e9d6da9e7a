"""The DoD section 1260H list of Chinese military companies, one row per entity per edition (the
list is published each year as a Federal Register notice and a DoD PDF; copy its lines into this
form):

  edition       the edition's date (2025-01-07, January 7, 2025)                       required
  name          the entity as printed: 'Contemporary Amperex Technology Co., Limited (CATL)'  required
                a trailing short name in brackets becomes an alias; '*' marks are kept in the
                note; 'X (formerly Y)' records a rename
  document      the edition's Federal Register citation (90 FR 1105)                   optional
  source_url    the notice or the DoD PDF                                              optional
  formerly      a former name, when the edition gives it apart                         optional

An entity in one edition and not in a later one is removed at the later edition's date; one that
comes back is listed again from its return."""

import re

from ...tagging.normalize import name_key
from ..dates import DateError, parse_date
from ..entries import Entry, ListFile, ListFileError
from .common import csv_rows, several, short_names

LIST_ID = "us_dod_1260h"
PAGE = "https://www.federalregister.gov/documents/search?conditions%5Bterm%5D=1260H"
_FORMERLY = re.compile(r"(?i)\s*[(\[]?\s*(?:formerly(?: known as)?|f/k/a)\s*:?\s*([^)\]]+)[)\]]?")


def looks_like(header):
    return "edition" in header and "name" in header


def split_name(printed):
    """'Contemporary Amperex Technology Co., Limited (CATL)*' -> (name, short names, former
    names, marks)."""
    marks = "".join(c for c in printed if c in "*†‡")
    s = " ".join(printed.replace("*", " ").replace("†", " ").replace("‡", " ").split())
    former = tuple(m.group(1).strip(" ,.") for m in _FORMERLY.finditer(s))
    s = _FORMERLY.sub("", s).strip(" ,")
    s, shorts = short_names(s)
    return s, shorts, former, marks


def read(path):
    header, rows = csv_rows(path, ("edition", "name"))
    out = ListFile(path, "dod_1260h")
    editions = {}  # date -> {identity: (entry fields)}
    docs = {}
    for lineno, row in rows:
        where = f"row {lineno}"
        try:
            edition = parse_date(row.get("edition", ""))
        except DateError as e:
            out.problems.append(f"{where}, column 'edition': {e}")
            continue
        if not edition or not row.get("name"):
            out.problems.append(f"{where}: 'edition' and 'name' are required")
            continue
        name, shorts, former, marks = split_name(row["name"])
        former += several(row.get("formerly"))
        docs.setdefault(edition, (row.get("document", ""), row.get("source_url", "")))
        editions.setdefault(edition, {})[name_key(name)] = dict(
            name=name, shorts=shorts, former=former, marks=marks, where=where
        )
    if not editions:
        raise ListFileError("no rows with an edition date and a name")
    order = sorted(editions)
    out.editions = tuple(order)
    identity = {}  # any key (name, short name, former name) of an entity -> its first key
    spells = {}  # first key -> [(edition in, edition out or '')], and its latest fields
    latest, marked = {}, {}
    for ed in order:
        present = set()
        for key, f in editions[ed].items():
            keys = [key] + [name_key(x) for x in f["former"]]
            known = next((identity[k] for k in keys if k in identity), key)
            for k in keys + [name_key(x) for x in f["shorts"]]:
                identity.setdefault(k, known)
            present.add(known)
            latest[known] = (ed, f)
            if f["marks"]:
                marked.setdefault(known, []).append(f"marked '{f['marks']}' in the {ed} edition")
            history = spells.setdefault(known, [])
            if not history or history[-1][1]:
                history.append([ed, ""])
        for known, history in spells.items():
            if known not in present and not history[-1][1] and history[-1][0] < ed:
                history[-1][1] = ed
    for known, history in spells.items():
        _ed, f = latest[known]
        added, removed = history[-1]
        doc, url = docs.get(added, ("", ""))
        rm_doc = docs.get(removed, ("", ""))[0] if removed else ""
        notes = []
        if len(history) > 1:
            notes.append("earlier on the list " + ", ".join(f"{a} to {b}" for a, b in history[:-1]))
        notes += marked.get(known, [])
        if removed:
            notes.append(f"not in the {removed} edition" + (f" ({rm_doc})" if rm_doc else ""))
        out.entries.append(
            Entry(
                list_id=LIST_ID,
                name=f["name"],
                where=f["where"],
                aliases=f["shorts"],
                former_names=f["former"],
                date_added=added,
                date_removed=removed,
                document=doc,
                source_url=url or PAGE,
                note="; ".join(notes),
            )
        )
    out.file_date = order[-1]
    return out
