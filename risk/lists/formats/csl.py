"""The US Consolidated Screening List (trade.gov): the JSON the API and the download give
({"results": [...]} with name, alt_names, source, start_date, end_date, federal_register_notice,
addresses, remarks...) and the CSV download (same fields as columns, several values in one cell
separated by ';'). The lists the catalog models are kept (Entity List, Military End-User,
Unverified, NS-CMIC, SDN); the others are counted. Individuals and vessels are counted too."""

import os
import re

from ...safety.json_files import JsonFileError, load_json
from ..dates import DateError, parse_date
from ..entries import Entry, ListFile, ListFileError
from ..known_lists import CSL_URL, csl_list
from .common import csv_rows, iso_country, several, short_names

# Entity List rows name an affiliate after its parent: 'Huawei Technologies Co., Ltd. (Huawei).
# Affiliated Entity: Huawei Terminal (Shenzhen) Co., Ltd.'; Treasury rows say '(Linked To: X)'.
_AFFILIATE = re.compile(r"(?i)[.;,]?\s*affiliated\s+entit(?:y|ies)\s*:\s*")
_LINKED = re.compile(r"(?i)\(?\s*linked to\s*:\s*([^)]+)\)?")
_FORMERLY = re.compile(r"(?i)\b(?:f/k/a|formerly(?: known as)?)\s*:?\s*([^;()]+)")
_PERSON_TYPES = ("individual", "vessel", "aircraft")
MAX_JSON_BYTES = 400 * 1024 * 1024


def read_json(path):
    try:
        doc = load_json(path, max_bytes=MAX_JSON_BYTES)
    except JsonFileError as e:
        raise ListFileError(f"{os.path.basename(path)}: {e}") from e
    if isinstance(doc, dict):
        results = doc.get("results")
        if results is None:
            raise ListFileError(
                f"{os.path.basename(path)}: no 'results' list (a Consolidated Screening List JSON has one)"
            )
    elif isinstance(doc, list):
        results = doc
    else:
        raise ListFileError(f"{os.path.basename(path)}: not a Consolidated Screening List JSON")
    out = ListFile(path, "csl_json")
    for i, rec in enumerate(results, start=1):
        if not isinstance(rec, dict):
            out.problems.append(f"entry {i}: not an object")
            continue
        addresses = rec.get("addresses") or []
        country = next(
            (
                iso_country(a.get("country", ""))
                for a in addresses
                if isinstance(a, dict) and a.get("country")
            ),
            "",
        )
        _add(out, f"entry {i}", rec, _names(rec.get("alt_names")), country)
    out.file_date = _updated(doc) or out.newest_date()
    del doc
    return out


def read_csv(path):
    _header, rows = csv_rows(path, ("source", "name"))
    out = ListFile(path, "csl_csv")
    for lineno, rec in rows:
        address = rec.get("addresses", "")
        country = iso_country(address.split(";")[0].rsplit(",", 1)[-1]) if address else ""
        _add(out, f"row {lineno}", rec, several(rec.get("alt_names")), country)
    out.file_date = out.newest_date()
    return out


def _names(value):
    if isinstance(value, list):
        return tuple(dict.fromkeys(str(v).strip() for v in value if str(v or "").strip()))
    return several(value)


def _text(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if v)
    return str(value).strip()


def _add(out, where, rec, alt_names, country):
    list_id = csl_list(_text(rec.get("source")))
    if not list_id:
        out.skip(f"entries of lists not modelled ({_short(_text(rec.get('source')))})")
        return
    kind = _text(rec.get("type")).casefold()
    if kind in _PERSON_TYPES:
        out.skip(f"{kind} entries (not organisations)")
        return
    name = _text(rec.get("name"))
    if not name:
        out.problems.append(f"{where}, name: empty")
        return
    try:
        added = parse_date(_text(rec.get("start_date")))
        removed = parse_date(_text(rec.get("end_date")))
    except DateError as e:
        out.problems.append(f"{where} ('{name}'), start_date/end_date: {e}")
        return
    parent, shorts = "", ()
    parts = _AFFILIATE.split(name, maxsplit=1)
    if len(parts) == 2 and parts[1].strip():
        parent, name = parts[0].strip(" .;,"), parts[1].strip(" .;,")
        parent = short_names(parent)[0]
    else:
        name, shorts = short_names(name, max_words=3)
    linked = _LINKED.search(_text(rec.get("remarks")))
    parent = parent or (linked.group(1).strip(" .") if linked else "")
    former = tuple(
        m.group(1).strip() for m in _FORMERLY.finditer(" ".join([name, _text(rec.get("remarks"))]))
    )
    aliases = tuple(a for a in shorts + tuple(alt_names) if a != name)
    out.entries.append(
        Entry(
            list_id=list_id,
            name=name,
            where=where,
            aliases=aliases,
            former_names=former,
            parent=parent,
            country=country,
            date_added=added,
            date_removed=removed,
            document=_text(rec.get("federal_register_notice")),
            source_url=_text(rec.get("source_list_url")) or CSL_URL,
        )
    )


def _short(source):
    return source.split(" - ")[0] or "no source"


def _updated(doc):
    """The newest 'source_last_updated' / 'last_imported' the API's sources_used gives."""
    if not isinstance(doc, dict):
        return ""
    dates = []
    for s in doc.get("sources_used") or []:
        if isinstance(s, dict):
            for key in ("source_last_updated", "last_imported"):
                try:
                    d = parse_date(_text(s.get(key)))
                except DateError:
                    d = ""
                if d:
                    dates.append(d)
    return max(dates, default="")
