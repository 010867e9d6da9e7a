"""Dates as list files write them: ISO, 'March 12, 2021', '12 March 2021', 'Sept. 5, 2023',
'12/03/2021' (day first in UK and EU files, month first in US ones), '20210312', and the FCC's
'March 12, 2021Updated: July 13, 2022' run together. Every date read becomes ISO text."""

import re
from datetime import date

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
    "janv": 1,
    "fevr": 2,
    "févr": 2,
    "mars": 3,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juil": 7,
    "aout": 8,
    "août": 8,
    "déc": 12,
}
_MONTH = r"([A-Za-zéû]{3,9})\.?"
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SLASHED = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")
_MONTH_FIRST = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er)?\s+" + _MONTH + r",?\s+(\d{4})")
_MONTH_YEAR = re.compile(_MONTH + r",?\s+(\d{4})")
_YEAR = re.compile(r"(\d{4})")
_UPDATED = re.compile(r"(?i)(?:updated|amended|modified)\s*(?:on|:)?\s*")


class DateError(ValueError):
    """A text that holds no date this reader knows."""


def _month(word):
    return MONTHS.get(word.casefold().rstrip(".")[:4]) or MONTHS.get(word.casefold()[:3])


def _iso(y, m, d):
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError as e:
        raise DateError(f"{y}-{m}-{d} is not a calendar date") from e


def parse_date(text, day_first=False):
    """The first date in `text` as ISO text ('2021-03-12', or '2022-07' / '2021' when the file
    gives no day); '' for an empty text. DateError when the text holds something else."""
    s = " ".join(str(text or "").split())
    if not s or s.casefold() in ("none", "null", "n/a", "-"):
        return ""
    for pattern, order in (
        (_ISO, "ymd"),
        (_MONTH_FIRST, "Mdy"),
        (_DAY_FIRST, "dMy"),
        (_SLASHED, "dmy" if day_first else "mdy"),
        (_COMPACT, "ymd"),
    ):
        m = pattern.match(s) if order == "ymd" and pattern is _COMPACT else pattern.search(s)
        if not m:
            continue
        parts = dict(zip(order, m.groups()))
        month = parts.get("m") or _month(parts.get("M", ""))
        if month is None:
            continue
        return _iso(parts["y"], month, parts["d"])
    m = _MONTH_YEAR.search(s)
    if m and _month(m.group(1)):
        return f"{int(m.group(2)):04d}-{_month(m.group(1)):02d}"
    m = _YEAR.fullmatch(s)
    if m:
        return m.group(1)
    raise DateError(f"'{s}' is not a date this reader knows (e.g. 2021-03-12, March 12, 2021)")


def split_updated(text, day_first=False):
    """(first date, last 'Updated:' date) of a cell such as 'March 12, 2021Updated: July 13,
    2022', each ISO or ''."""
    s = str(text or "")
    pieces = _UPDATED.split(s)
    first = parse_date(pieces[0], day_first) if pieces[0].strip() else ""
    updated = ""
    for piece in pieces[1:]:
        if piece.strip():
            updated = parse_date(piece, day_first)
    return first, updated
