"""The EU consolidated list of financial sanctions (FSF): its XML (one sanctionEntity per listed
person, data in attributes) and its CSV (';', one row per name alias, address..., all rows of an
entity sharing Entity_LogicalId). Enterprises only: persons are counted, not imported."""

from ..dates import DateError, parse_date
from ..entries import Entry, ListFile
from .common import children, csv_rows, iso_country, local, xml_events

LIST_ID = "eu_fsf"
PAGE = "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions"
PERSON = ("person", "p")


def _entry(out, where, ref, names, country, designated, regulation, url):
    try:
        added = parse_date(designated, day_first=True)
    except DateError as e:
        out.problems.append(f"{where}, designation date: {e}")
        return
    names = [n for n in dict.fromkeys(names) if n]
    if not names:
        out.problems.append(f"{where}: no name")
        return
    out.entries.append(
        Entry(
            list_id=LIST_ID,
            name=names[0],
            where=f"{where} ({ref})" if ref else where,
            aliases=tuple(names[1:]),
            country=country,
            date_added=added,
            document=regulation,
            source_url=url or PAGE,
        )
    )


def read_xml(path):
    out = ListFile(path, "eu_fsf_xml")
    generated = ""
    for elem in xml_events(path, {"export", "sanctionEntity"}):
        if local(elem.tag) == "export":
            generated = elem.get("generationDate", "")
            continue
        subject = next((c for c in elem if local(c.tag) == "subjectType"), None)
        code = (subject.get("code", "") if subject is not None else "").casefold()
        if code in PERSON:
            out.skip("persons (not organisations)")
            continue
        reg = next((c for c in elem if local(c.tag) == "regulation"), None)
        url = title = published = ""
        if reg is not None:
            title = reg.get("numberTitle", "")
            published = reg.get("publicationDate", "")
            url = next(((c.text or "").strip() for c in reg if local(c.tag) == "publicationUrl"), "")
        country = next(
            (
                iso_country(a.get("countryIso2Code", ""))
                for a in children(elem, "address")
                if a.get("countryIso2Code")
            ),
            "",
        )
        _entry(
            out,
            f"sanctionEntity {elem.get('logicalId', '')}".strip(),
            elem.get("euReferenceNumber", ""),
            [a.get("wholeName", "").strip() for a in children(elem, "nameAlias")],
            country,
            elem.get("designationDate", "") or published,
            f"Regulation {title}" if title else "",
            url,
        )
    out.file_date = _date(generated) or out.newest_date()
    return out


def read_csv(path):
    header, raw = csv_rows(path, ("entity_logicalid",), delimiter=";")
    out = ListFile(path, "eu_fsf_csv")
    groups = {}
    for lineno, r in raw:
        groups.setdefault(r.get("entity_logicalid", ""), []).append((lineno, r))
    generated = ""
    for lid, rows in groups.items():
        first = rows[0][1]
        generated = generated or first.get("filegenerationdate", "")
        kinds = {
            first.get("entity_subjecttype", "").casefold(),
            first.get("entity_subjecttype_classificationcode", "").casefold(),
        }
        if kinds & set(PERSON):
            out.skip("persons (not organisations)")
            continue
        title = first.get("entity_regulation_numbertitle", "")
        _entry(
            out,
            f"row {rows[0][0]} (Entity_LogicalId {lid})",
            first.get("entity_eu_referencenumber", ""),
            [r.get("namealias_wholename", "") for _, r in rows],
            next(
                (
                    iso_country(r["address_countryiso2code"])
                    for _, r in rows
                    if r.get("address_countryiso2code")
                ),
                "",
            ),
            first.get("entity_designationdate", "") or first.get("entity_regulation_publicationdate", ""),
            f"Regulation {title}" if title else "",
            first.get("entity_regulation_publicationurl", ""),
        )
    out.file_date = _date(generated) or out.newest_date()
    return out


def _date(text):
    try:
        return parse_date(text, day_first=True)
    except DateError:
        return ""
