"""The UK Sanctions List of the FCDO (UK_Sanctions_List.xml / .csv, one Designation per listed
person, names in Name 1..6 with a Name type) and the older OFSI Consolidated List (ConList.csv /
ConList.xml, one row per name, merged by Group ID). Entities only: individuals and ships are
counted, not imported. Dates are day first (24/02/2025)."""

from ..dates import DateError, parse_date
from ..entries import Entry, ListFile
from .common import child_text, children, csv_rows, iso_country, xml_events

LIST_ID = "uk_sanctions"
PAGE = "https://www.gov.uk/government/publications/the-uk-sanctions-list"
OFSI_PAGE = "https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets"
PRIMARY = ("primary name",)


def _name(parts):
    return " ".join(p for p in parts if p).strip()


def _add(out, path_name, rows, page):
    """rows: (where, id, type, name, name type, country, date designated, regime, reasons)."""
    groups = {}
    for r in rows:
        groups.setdefault(r["id"] or r["where"], []).append(r)
    for gid, grp in groups.items():
        kind = next((r["type"] for r in grp if r["type"]), "").casefold()
        if kind and kind != "entity":
            out.skip(f"{kind or 'unknown'} designations (not organisations)")
            continue
        primary = next((r for r in grp if r["name_type"].casefold() in PRIMARY), grp[0])
        try:
            added = parse_date(next((r["date"] for r in grp if r["date"]), ""), day_first=True)
        except DateError as e:
            out.problems.append(f"{primary['where']}, date designated: {e}")
            continue
        regime = next((r["regime"] for r in grp if r["regime"]), "")
        out.entries.append(
            Entry(
                list_id=LIST_ID,
                name=primary["name"],
                where=f"{primary['where']} ({gid})",
                aliases=tuple(dict.fromkeys(r["name"] for r in grp if r["name"] != primary["name"])),
                country=next((iso_country(r["country"]) for r in grp if r["country"]), ""),
                date_added=added,
                document=f"{regime} (UK designation {gid})" if regime else f"UK designation {gid}",
                source_url=page,
                note=next((r["reasons"] for r in grp if r["reasons"]), "")[:300],
            )
        )


def read_xml(path):
    out = ListFile(path, "uk_sanctions_xml")
    rows, generated = [], ""
    ofsi = False
    for elem in xml_events(path, {"DateGenerated", "Designation", "FinancialSanctionsTarget"}):
        tag = elem.tag.rsplit("}", 1)[-1]
        if tag == "DateGenerated":
            generated = (elem.text or "").strip()
        elif tag == "Designation":
            uid = child_text(elem, "UniqueID")
            for i, name in enumerate(children(elem, "Name")):
                rows.append(
                    dict(
                        where=f"Designation {uid}",
                        id=uid,
                        type=child_text(elem, "IndividualEntityShip"),
                        name=_name(child_text(name, f"Name{k}") for k in (1, 2, 3, 4, 5, 6)),
                        name_type=child_text(name, "NameType") or ("Primary Name" if i == 0 else "Alias"),
                        country=next(
                            (child_text(a, "AddressCountry") for a in children(elem, "Address")), ""
                        ),
                        date=child_text(elem, "DateDesignated"),
                        regime=child_text(elem, "RegimeName"),
                        reasons=child_text(elem, "UKStatementofReasons"),
                    )
                )
        else:
            ofsi = True
            gid = child_text(elem, "GroupID")
            rows.append(
                dict(
                    where=f"target {gid}",
                    id=gid,
                    type=child_text(elem, "GroupTypeDescription"),
                    name=_name(
                        [child_text(elem, f"name{k}") for k in (1, 2, 3, 4, 5)] + [child_text(elem, "Name6")]
                    ),
                    name_type=child_text(elem, "AliasType"),
                    country=child_text(elem, "Country"),
                    date=child_text(elem, "DateDesignated") or child_text(elem, "DateListed"),
                    regime=child_text(elem, "RegimeName"),
                    reasons=child_text(elem, "UKStatementOfReasons"),
                )
            )
    if ofsi:
        out.format = "ofsi_conlist_xml"
    _add(out, path, rows, OFSI_PAGE if ofsi else PAGE)
    out.file_date = _generated(generated) or out.newest_date()
    return out


def read_csv(path):
    header, raw = csv_rows(path, ("name_6",))
    ofsi = "group_id" in header
    out = ListFile(path, "ofsi_conlist_csv" if ofsi else "uk_sanctions_csv")
    rows = []
    for lineno, r in raw:
        gid = r.get("group_id" if ofsi else "unique_id", "")
        rows.append(
            dict(
                where=f"row {lineno}",
                id=gid,
                type=r.get("group_type") or r.get("designation_type") or r.get("individual_entity_ship", ""),
                name=_name([r.get(f"name_{k}", "") for k in (1, 2, 3, 4, 5)] + [r.get("name_6", "")]),
                name_type=r.get("alias_type") or r.get("name_type", ""),
                country=r.get("country") or r.get("address_country", ""),
                date=r.get("uk_sanctions_list_date_designated")
                or r.get("date_designated")
                or r.get("listed_on", ""),
                regime=r.get("regime") or r.get("regime_name", ""),
                reasons=r.get("uk_statement_of_reasons", ""),
            )
        )
    _add(out, path, rows, OFSI_PAGE if ofsi else PAGE)
    out.file_date = _banner_date(path) or out.newest_date()
    return out


def _generated(text):
    try:
        return parse_date(text, day_first=True)
    except DateError:
        return ""


def _banner_date(path):
    """'Report Date: 13-Feb-2026' or 'Last Updated,03/06/2026' on the first line."""
    from .common import first_line

    line = first_line(path, 256).splitlines()[0] if first_line(path, 256) else ""
    low = line.casefold()
    if low.startswith(("report date", "last updated")):
        value = line.split(":", 1)[1] if ":" in line else line.split(",", 1)[-1]
        return _generated(value.replace("-", " "))
    return ""
