"""Entries resolved -> the rows of a user catalog folder, and what changed against the catalog
the user had: listings added, removed, renamed, re-parented; lists added; entries for review."""

import os
import re
from collections import Counter
from dataclasses import dataclass, field

from ..catalog.loader import UNKNOWN_COUNTRY
from ..tagging.matching import Matcher
from ..tagging.normalize import name_key
from .known_lists import LISTS
from .resolve import resolve

# Rows an import writes say so in this note, so that the next import of the same list replaces
# them and leaves the user's own rows alone.
IMPORT_MARK = "imported from "
CHANGE_COLUMNS = ("change", "list_id", "vendor_id", "vendor", "entry", "detail", "date", "source")
REVIEW_COLUMNS = ("list_id", "entry", "file", "where", "country", "date_added", "reason", "suggestion")


@dataclass
class ImportPlan:
    rows: dict = field(default_factory=dict)  # catalog file name -> [row dict]
    replaces_lists: set = field(default_factory=set)  # list_ids whose imported rows are replaced
    changes: list = field(default_factory=list)
    review: list = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    file_dates: dict = field(default_factory=dict)  # file name -> date
    problems: list = field(default_factory=list)


def plan_import(list_files, catalog, today):
    """What importing `list_files` into a folder over `catalog` (the catalog the user has now,
    the folder's earlier content included) writes and changes."""
    plan = ImportPlan()
    matcher = Matcher(catalog)
    known_lists = dict(zip(catalog.lists["list_id"], catalog.lists["name"]))
    new_lists = {}
    by_key = {}  # (vendor_id, list_id) -> listing row
    renamed = {}  # (vendor_id, list_id) -> the former names an entry gives
    aliases, vendors = {}, {}
    blocs = _country_blocs(catalog)
    for lf in list_files:
        fname = os.path.basename(lf.path)
        plan.file_dates[fname] = lf.file_date or lf.newest_date()
        plan.problems += [f"{fname}, {p}" for p in lf.problems]
        for reason, n in lf.skipped.items():
            plan.counts[f"skipped: {reason}"] += n
        for list_id in sorted({e.list_id for e in lf.entries}):
            plan.replaces_lists.add(list_id)
            if list_id in known_lists or list_id in new_lists:
                continue
            row = lf.lists.get(list_id) or LISTS.get(list_id)
            if not row or not (row.get("name") and row.get("jurisdiction") and row.get("level")):
                plan.problems.append(
                    f"{fname}: list '{list_id}' is not in the catalog; give list_name, jurisdiction "
                    "and level on its first row (its entries are not imported)"
                )
                continue
            new_lists[list_id] = {"list_id": list_id, **row, "as_of": today}
            plan.changes.append(_change("list added", list_id, "", "", "", row["name"], "", row["source"]))
        entries = [e for e in lf.entries if e.list_id in known_lists or e.list_id in new_lists]
        res = resolve(entries, matcher)
        plan.counts["entries"] += len(lf.entries)
        plan.counts["listed"] += len(res.listed)
        plan.counts["categories"] += len(res.categories)
        plan.counts["review"] += len(res.review)
        plan.counts["other"] += res.other
        mark = f"{IMPORT_MARK}{fname} ({lf.format})"
        for entry, vid, how in res.listed:
            if entry.former_names:
                renamed[(vid, entry.list_id)] = ", ".join(entry.former_names)
            _listing(by_key, vid, entry, f"{mark}, entry '{entry.name}' ({entry.where}, by {how})", lf, today)
        for entry, parent in res.affiliates:
            vid = _new_vendor(vendors, entry, parent, catalog, blocs, today, mark)
            _listing(by_key, vid, entry, f"{mark}, entry '{entry.name}' ({entry.where})", lf, today)
            plan.changes.append(
                _change(
                    "vendor added",
                    entry.list_id,
                    vid,
                    entry.name,
                    entry.name,
                    f"affiliate of {matcher.names[parent]}",
                    entry.date_added,
                    entry.source_url,
                )
            )
        for entry, vid, parent in res.reparented:
            plan.changes.append(_reparent(vendors, catalog, matcher, entry, vid, parent, today))
        for text, vid, kind, entry in res.aliases:
            if name_key(text) not in aliases:
                aliases[name_key(text)] = {
                    "alias": text,
                    "vendor_id": vid,
                    "kind": kind,
                    "source": _source(entry),
                    "as_of": today,
                }
        for entry in res.categories:
            plan.changes.append(
                _change(
                    "category",
                    entry.list_id,
                    "",
                    "",
                    entry.name,
                    "names a kind of equipment, not a vendor: not applied to assets",
                    entry.date_added,
                    entry.source_url,
                )
            )
        for entry, reason, suggestion in res.review:
            plan.review.append(
                dict(
                    list_id=entry.list_id,
                    entry=entry.name,
                    file=fname,
                    where=entry.where,
                    country=entry.country,
                    date_added=entry.date_added,
                    reason=reason,
                    suggestion=suggestion,
                )
            )
    plan.rows = {
        "lists.csv": list(new_lists.values()),
        "listings.csv": list(by_key.values()),
        "vendors.csv": list(vendors.values()),
        "aliases.csv": list(aliases.values()),
    }
    names = {**matcher.names, **{v: r["short_name"] or r["name"] for v, r in vendors.items()}}
    plan.changes += _listing_changes(catalog, names, by_key, plan.replaces_lists, renamed)
    plan.changes = list({tuple(c.values()): c for c in plan.changes}.values())
    return plan


def _source(entry):
    parts = [entry.source_url, entry.document]
    return "; ".join(p for p in parts if p) or "the imported list file"


def _listing(by_key, vid, entry, note, lf, today):
    """One listing row per vendor and list: the earliest date added among its current entries;
    removed only when every entry for it is removed."""
    added = entry.date_added or lf.file_date
    if not added:
        return
    note += "" if entry.date_added else f"; date added not in the file: the file's date {lf.file_date}"
    if entry.note:
        note += f"; {entry.note}"
    if entry.former_names:
        note += f"; formerly {', '.join(entry.former_names)}"
    row = {
        "vendor_id": vid,
        "list_id": entry.list_id,
        "date_added": added,
        "date_removed": entry.date_removed,
        "scope_classes": entry.scope_classes,
        "scope_note": note,
        "source": _source(entry),
        "as_of": today,
    }
    key = (vid, entry.list_id)
    old = by_key.get(key)
    if old is None:
        by_key[key] = row
        return
    current = [r for r in (old, row) if not r["date_removed"]]
    if current:
        keep = min(current, key=lambda r: r["date_added"])
        keep["date_removed"] = ""
    else:
        keep = max((old, row), key=lambda r: r["date_removed"])
    by_key[key] = keep


def _new_vendor(vendors, entry, parent, catalog, blocs, today, mark):
    for vid, row in vendors.items():
        if name_key(row["name"]) == name_key(entry.name):
            return vid  # the same affiliate on another list
    base = re.sub(r"_+", "_", name_key(entry.name).replace(" ", "_"))[:40].strip("_") or "entity"
    taken = set(catalog.vendor_ids) | set(vendors)
    vid, n = base, 2
    while vid in taken:
        vid, n = f"{base}_{n}", n + 1
    country = entry.country or UNKNOWN_COUNTRY
    vendors[vid] = {
        "vendor_id": vid,
        "name": entry.name,
        "short_name": "",
        "country": country,
        "bloc": blocs.get(entry.country, "other"),
        "parent_id": parent,
        "kind": "",
        "wikidata": "",
        "note": f"{mark}: an affiliate of a catalogued vendor named on the list. bloc: assumption: "
        "technology bloc of the country the list gives.",
        "source": _source(entry),
        "as_of": today,
    }
    return vid


def _reparent(vendors, catalog, matcher, entry, vid, parent, today):
    """A list naming a vendor the subsidiary of another: the parent is set when the catalog has
    none, reported when the catalog names another."""
    rows = catalog.vendors[catalog.vendors["vendor_id"] == vid]
    current = rows["parent_id"].iloc[0] if len(rows) else ""
    if current:
        detail = (
            f"the list names it a subsidiary or affiliate of {matcher.names[parent]}; the catalog's parent "
            f"{matcher.names.get(current, current)} is kept (check and edit vendors.csv)"
        )
    else:
        row = rows.drop(columns=["_file", "_row"]).iloc[0].to_dict() if len(rows) else {}
        vendors[vid] = {
            **row,
            "parent_id": parent,
            "source": f"{row.get('source', '')}; {_source(entry)}",
            "as_of": today,
        }
        detail = f"parent set to {matcher.names[parent]}, as the list names it"
    return _change(
        "re-parented",
        entry.list_id,
        vid,
        matcher.names[vid],
        entry.name,
        detail,
        entry.date_added,
        entry.source_url,
    )


def _country_blocs(catalog):
    """The bloc most catalogued vendors of each country have."""
    counts = Counter(zip(catalog.vendors["country"], catalog.vendors["bloc"]))
    out = {}
    for (country, bloc), _n in counts.most_common():
        if country:
            out.setdefault(country, bloc)
    return out


def _change(change, list_id, vid, vendor, entry, detail, date, source):
    return dict(zip(CHANGE_COLUMNS, (change, list_id, vid, vendor, entry, detail, date, source)))


def _listing_changes(catalog, names, by_key, lists, renamed):
    """Listings added or removed against the catalog the user had, for the imported lists."""
    old = catalog.listings[catalog.listings["list_id"].isin(lists)]
    before = {
        (v, lid): removed for v, lid, removed in zip(old["vendor_id"], old["list_id"], old["date_removed"])
    }
    out = []
    for (vid, lid), row in sorted(by_key.items()):
        name = names.get(vid, vid)
        was = before.get((vid, lid))
        if row["date_removed"]:
            if was == "":
                out.append(
                    _change(
                        "removed",
                        lid,
                        vid,
                        name,
                        "",
                        "removed from the list",
                        row["date_removed"],
                        row["source"],
                    )
                )
        elif was is None or was:
            out.append(
                _change("added", lid, vid, name, "", "now on the list", row["date_added"], row["source"])
            )
        if (vid, lid) in renamed:
            former = renamed[(vid, lid)]
            out.append(
                _change("renamed", lid, vid, name, "", f"formerly {former}", row["date_added"], row["source"])
            )
    for (vid, lid), removed in sorted(before.items()):
        if (vid, lid) not in by_key and not removed:
            out.append(
                _change(
                    "not in the file",
                    lid,
                    vid,
                    names.get(vid, vid),
                    "",
                    "listed in the catalog, not found in the imported file: the listing is kept "
                    "(a removal, or a name the catalog does not know: check)",
                    "",
                    "",
                )
            )
    return out
