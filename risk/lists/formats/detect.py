"""Which reader a list file needs: by its content (the first bytes and the header), not only by
its name, so that a renamed download is still read right."""

import csv
import os

from ...tagging.normalize import field_key
from ..entries import ListFileError
from . import csl, dod1260h, eu, fcc, plain, uk
from .common import check_file, first_line

FORMATS = {
    "csl_json": csl.read_json,
    "csl_csv": csl.read_csv,
    "fcc_covered_csv": fcc.read_csv,
    "fcc_covered_html": fcc.read_html,
    "dod_1260h": dod1260h.read,
    "uk_sanctions_xml": uk.read_xml,
    "uk_sanctions_csv": uk.read_csv,
    "eu_fsf_xml": eu.read_xml,
    "eu_fsf_csv": eu.read_csv,
    "plain": plain.read,
}
FORMAT_NAMES = ("auto",) + tuple(FORMATS)


def detect(path):
    """The format id of a list file; ListFileError when it is none of them."""
    check_file(path)
    head = first_line(path, 64 * 1024).lstrip("\ufeff").lstrip()
    low = head[:4096].casefold()
    name = os.path.basename(path)
    if head.startswith(("{", "[")):
        return "csl_json"
    if head.startswith("<"):
        if "<table" in low or "<html" in low or "<!doctype html" in low:
            return "fcc_covered_html"
        if "sanctionentity" in low or "fpi/fsd/export" in low:
            return "eu_fsf_xml"
        if "<designations" in low or "financialsanctionstarget" in low or "consolidatedlist" in low:
            return "uk_sanctions_xml"
        raise ListFileError(f"{name}: an XML file of no list format this import knows")
    lines = [ln for ln in head.splitlines()[:30] if ln.strip()]
    for line in lines:
        for delimiter in ",;\t|":
            found = _csv_format([field_key(c) for c in next(csv.reader([line], delimiter=delimiter), [])])
            if found:
                return found
    raise ListFileError(
        f"{name}: not a list format this import knows (Consolidated Screening List JSON/CSV, FCC "
        "Covered List table, DoD 1260H editions CSV, UK or EU sanctions XML/CSV, or the plain CSV)"
    )


def _csv_format(header):
    """The CSV format a header row belongs to, or ''."""
    if len(header) < 2:
        return ""
    if "entity_logicalid" in header:
        return "eu_fsf_csv"
    if "name_6" in header:
        return "uk_sanctions_csv"
    if "source" in header and "name" in header and ("alt_names" in header or "start_date" in header):
        return "csl_csv"
    if fcc.looks_like(header):
        return "fcc_covered_csv"
    if plain.looks_like(header):
        return "plain"
    if dod1260h.looks_like(header):
        return "dod_1260h"
    return ""


def read_list_file(path, fmt="auto"):
    """The ListFile of `path`, read by the format given or detected."""
    fmt = detect(path) if fmt in ("", "auto") else fmt
    if fmt not in FORMATS:
        raise ListFileError(f"unknown format '{fmt}' (one of {', '.join(FORMAT_NAMES)})")
    try:
        return FORMATS[fmt](path)
    except ListFileError as e:
        text = str(e)
        raise ListFileError(
            text if text.startswith(os.path.basename(path)) else f"{os.path.basename(path)}: {text}"
        ) from e
