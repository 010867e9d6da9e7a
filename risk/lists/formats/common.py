"""What the readers share: bounded reading of CSV text, header names compared loosely."""

import csv
import io
import os
import re

from ...inventory.read import decode_text, guess_delimiter
from ...tagging.normalize import field_key
from ..entries import ListFileError

MAX_BYTES = 200 * 1024 * 1024  # the full Consolidated Screening List is about 30 MB


def check_file(path):
    name = os.path.basename(path)
    try:
        size = os.path.getsize(path)
    except OSError as e:
        raise ListFileError(f"{name}: cannot be read ({e.strerror or e})") from e
    if size == 0:
        raise ListFileError(f"{name}: the file is empty")
    if size > MAX_BYTES:
        raise ListFileError(f"{name}: {size / 1e6:.0f} MB is over the {MAX_BYTES / 1e6:.0f} MB limit")
    return size


def read_text(path):
    check_file(path)
    with open(path, "rb") as fh:
        raw = fh.read()
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ListFileError(f"{os.path.basename(path)}: a binary file, not text")
    return decode_text(raw)


def csv_rows(path, header_words=(), delimiter=None):
    """(header keys, [(line number, {key: value})]) of a CSV file. Keys are field_key()s
    ('Date Designated' -> 'date_designated'); the header is the first line holding every one
    of `header_words` (files may start with a title line such as 'Report Date: ...')."""
    text = read_text(path)
    delimiter = delimiter or _delimiter(text[: 64 * 1024], header_words)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header, out = None, []
    try:
        for row in reader:
            if header is None:
                keys = [field_key(c) for c in row]
                if row and all(w in keys for w in header_words):
                    header = keys
                continue
            if any(c.strip() for c in row):
                out.append((reader.line_num, dict(zip(header, (c.strip() for c in row)))))
    except csv.Error as e:
        raise ListFileError(f"{os.path.basename(path)}, line {reader.line_num}: not valid CSV ({e})") from e
    if header is None:
        raise ListFileError(
            f"{os.path.basename(path)}: no header row with the columns {', '.join(header_words)}"
        )
    return header, out


def _delimiter(sample, header_words):
    """The delimiter that splits a header line into the expected columns; else the one that
    splits the first line into the most cells (a list file starts with its header, or a banner
    line and then its header)."""
    lines = [ln for ln in sample.splitlines()[:30] if ln.strip()]
    best, most = None, 1
    for d in ",;\t|":
        for line in lines:
            keys = [field_key(c) for c in next(csv.reader([line], delimiter=d), [])]
            if header_words and all(w in keys for w in header_words) and len(keys) > 1:
                return d
        cells = len(next(csv.reader(lines[:1], delimiter=d), [])) if lines else 0
        if cells > most:
            best, most = d, cells
    return best or guess_delimiter(sample)


def first_line(path, size=4096):
    """The start of a file as text (for detecting its format)."""
    with open(path, "rb") as fh:
        return decode_text(fh.read(size))


def several(text, separators=";"):
    """'A; B;C' -> ('A', 'B', 'C')."""
    import re

    parts = re.split("[" + re.escape(separators) + "]", str(text or ""))
    return tuple(dict.fromkeys(p.strip() for p in parts if p.strip()))


_SHORT = re.compile(r"\s*\(([^()]{2,40})\)\s*$")


def short_names(name, max_words=4):
    """'Contemporary Amperex Technology Co., Limited (CATL)' -> (the name, ('CATL',)): the
    short names in brackets at its end, each of at most `max_words` words."""
    s, shorts = name.strip(), []
    while True:
        m = _SHORT.search(s.rstrip(". "))  # 'X (Huawei).' ends with its short name too
        if not m or len(m.group(1).split()) > max_words:
            break
        shorts.insert(0, m.group(1).strip())
        s = s.rstrip(". ")[: m.start()].strip(" ,")
    return s, tuple(shorts)


def iso_country(text):
    """'China', 'CHINA', 'CN', '(1) China (2) Hong Kong' -> 'CN'; '' when not understood."""
    import re

    from ...audit.countries import country_code

    s = str(text or "").strip()
    if re.fullmatch(r"[A-Za-z]{2}", s):
        return s.upper() if s.upper() != "00" else ""
    first = re.split(r"\(\d+\)", s)
    for part in first:
        code = country_code(part.strip()) if part.strip() else None
        if code and len(code) == 2:
            return code
    return ""


def xml_events(path, tags):
    """Stream the elements named in `tags` (local names, any namespace) of an XML file, each
    complete, then cleared: a list of any size in bounded memory. DTDs and entities refused."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    check_file(path)
    try:
        for _event, elem in iterparse(path, events=("end",), forbid_dtd=True):
            if local(elem.tag) in tags:
                yield elem
                elem.clear()
    except DefusedXmlException as e:
        raise ListFileError(f"{os.path.basename(path)}: refused ({type(e).__name__}: a DTD or entity)") from e
    except ParseError as e:
        raise ListFileError(f"{os.path.basename(path)}: not valid XML ({e})") from e


def local(tag):
    """'{namespace}Name' -> 'Name'."""
    return tag.rsplit("}", 1)[-1]


def child_text(elem, name):
    for child in elem:
        if local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def children(elem, name):
    return [c for c in elem.iter() if local(c.tag) == name]
