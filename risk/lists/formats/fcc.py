"""The FCC Covered List table (fcc.gov/supplychain/coveredlist, and Appendix A of each PSHSB
public notice): two columns, 'Covered Equipment or Services*' and 'Date of Inclusion on Covered
List', saved as CSV or as the web page (HTML). The vendor is read from the row's wording
('... produced or provided by Huawei Technologies Company, including ...'); a row naming a kind
of equipment ('Routers produced in a foreign country') is kept as a category. Dates are long
form, later changes run into the same cell ('December 22, 2025Updated: January 7, 2026')."""

import html
import re
from html.parser import HTMLParser

from ..dates import DateError, split_updated
from ..entries import Entry, ListFile, ListFileError
from .common import csv_rows, read_text

LIST_ID = "us_fcc_covered"
PAGE = "https://www.fcc.gov/supplychain/coveredlist"
_BY = re.compile(
    r"(?i)\b(?:produced or provided|provided|produced|supplied(?:, directly or indirectly,)?)\s+by\s+(.+)"
)
_END = re.compile(
    r"(?i)(?:,?\s+including\b|,?\s+subject to\b|\s+or any of its\b|,?\s+to the extent\b|\s+or its\b"
    r"|\s+and its (?:wholly[- ]owned )?subsidiar(?:y|ies)\b|,?\s+using such\b|\.\s*$)"
)
_SUBSIDIARY = re.compile(
    r"(?i)\band its (?:wholly[- ]owned )?subsidiar(?:y|ies)\s+(.+?)(?:,?\s+subject to\b|,|\.\s*$|$)"
)
_MARKS = "*±†#^£³¹²"
# Vendors a row names through a statute it cites, as the statute names them.
STATUTE_NAMES = {
    "1709(a)(1)": (
        ("SZ DJI Technology Co., Ltd.", "Autel Robotics"),
        "named through section 1709(a)(1) of the FY2025 NDAA (Pub. L. 118-159), which the row cites",
    ),
}


def looks_like(header):
    return any("covered_equipment" in h for h in header)


def read_csv(path):
    header, rows = csv_rows(path, ())
    return _read(path, header, [(f"row {n}", r) for n, r in rows], "fcc_covered_csv")


def read_html(path):
    parser = _Tables()
    parser.feed(read_text(path))
    for table in parser.tables:
        for i, row in enumerate(table):
            if any("covered equipment" in c.casefold() for c in row):
                from ...tagging.normalize import field_key

                header = [field_key(c) for c in row]
                body = [
                    (f"table row {j}", dict(zip(header, r)))
                    for j, r in enumerate(table[i + 1 :], start=i + 2)
                ]
                return _read(path, header, body, "fcc_covered_html")
    raise ListFileError("no table headed 'Covered Equipment or Services' in the page")


def _read(path, header, rows, fmt):
    what = next((h for h in header if "covered_equipment" in h), None)
    when = next((h for h in header if "date" in h), None)
    if not what or not when:
        raise ListFileError(
            "not an FCC Covered List table: the columns 'Covered Equipment or Services' and "
            "'Date of Inclusion on Covered List' are needed"
        )
    extra = [h for h in header if "subsidiar" in h or "affiliate" in h]
    out = ListFile(path, fmt)
    for where, row in rows:
        text = " ".join(html.unescape(row.get(what, "")).split())
        if not text:
            continue
        try:
            added, updated = split_updated(row.get(when, ""))
        except DateError as e:
            out.problems.append(f"{where}, column 'Date of Inclusion on Covered List': {e}")
            continue
        note = f"row updated {updated}" if updated else ""
        base = dict(list_id=LIST_ID, where=where, date_added=added, source_url=PAGE, note=note)
        name = vendor_named(text)
        subsidiaries = [m.group(1).strip(" ,.") for m in _SUBSIDIARY.finditer(text)]
        subsidiaries += [s.strip() for h in extra for s in re.split(r"[;\n]", row.get(h, "")) if s.strip()]
        if name:
            out.entries.append(Entry(name=name, **base))
            for sub in subsidiaries:
                out.entries.append(Entry(name=sub, parent=name, **{**base, "note": f"subsidiary of {name}"}))
        else:
            out.entries.append(Entry(name=text[:200], category=True, **base))
        for ref, (names, why) in STATUTE_NAMES.items():
            if ref in text:
                for named in names:
                    out.entries.append(Entry(name=named, **{**base, "note": why}))
    out.file_date = out.newest_date()
    return out


def vendor_named(text):
    """'... produced or provided by Huawei Technologies Company, including ...' -> the name."""
    m = _BY.search(text)
    if not m:
        return ""
    rest = m.group(1)
    end = _END.search(rest)
    name = rest[: end.start()] if end else rest
    name = name.strip(" ,.;" + _MARKS)
    if not name or name[0].islower() or len(name) > 120:
        return ""
    return name


class _Tables(HTMLParser):
    """Every <table> of a page as rows of cell texts (a <br> inside a cell becomes a line break)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None and self.tables:
            if any(self._row):
                self.tables[-1].append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
