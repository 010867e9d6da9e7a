"""What real maker strings hold besides a name: placeholders, Wikidata ids, several makers at once,
marketing words around the name."""

import re

from .normalize import name_key

# Values that say "no maker given" (compared as name keys: case, accents, punctuation removed).
# '?' and '-' have no key at all and are blank already.
PLACEHOLDERS = frozenset(
    name_key(w)
    for w in (
        "unknown",
        "unkn",
        "unk",
        "unknow",
        "not known",
        "generic",
        "other",
        "others",
        "various",
        "n/a",
        "na",
        "n.a.",
        "none",
        "no name",
        "noname",
        "no brand",
        "nobrand",
        "unbranded",
        "null",
        "nil",
        "nan",
        "tbc",
        "tbd",
        "to be confirmed",
        "inconnu",
        "inconnue",
        "non renseigne",
        "nc",
        "n/c",
        "autre",
        "divers",
        "sans marque",
        "unbekannt",
        "sonstige",
        "desconocido",
        "sconosciuto",
        "onbekend",
        "okand",
        "cctv",
        "camera",
        "ip camera",
        "alpr",
        "anpr",
        "lpr",
    )
)

# Words that sell the name rather than say whose it is: tried off only when the whole string is
# not a catalogued name ('Hikvision Security Cameras', 'Axis Network Camera').
MARKETING_WORDS = frozenset(
    """technology technologies tech security surveillance systems system solutions solution
    electronics electronic international intl usa us america americas europe eu uk gb global
    worldwide network networks camera cameras cctv ip video videos vision digital products
    product series pro plus official store brand devices device equipment hd""".split()
)

_QID = re.compile(r"(?:^|[\s=:/])(Q[1-9][0-9]*)\b")
_QID_ONLY = re.compile(
    r"^\s*(?:(?:[a-z:_]*wikidata)\s*[=:]\s*|https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/)?"
    r"Q[1-9][0-9]*\s*$",
    re.IGNORECASE,
)
# Separators of several makers in one value: 'Axis;Hikvision', 'Axis / Bosch', 'Axis + Genetec'.
# A slash with no space is a separator only between two letters' words (not 'A/S').
_MULTI = re.compile(r"\s*[;|]\s*|\s+[/+&]\s+|\s*\+\s*|(?<=[A-Za-z]{3})/(?=[A-Za-z]{3})|\s*,\s*(?=[A-Z])")


def is_placeholder(raw):
    """True for 'Unknown', 'n/a', 'generic', '?', '-': a value that names no maker (a value of
    punctuation only names none either; a blank value is not a placeholder, it is blank)."""
    text = "" if raw is None else str(raw).strip()
    key = name_key(text)
    return bool(text) and (not key or key in PLACEHOLDERS)


def wikidata_ids(raw):
    """The Q-ids a value is made of ('Q108485435', 'wikidata=Q1', 'Q1;Q2', a Wikidata URL), or []
    when it holds anything else."""
    if raw is None:
        return []
    parts = [p for p in re.split(r"[;,|\s]+", str(raw).strip()) if p]
    if not parts or not all(_QID_ONLY.match(p) for p in parts):
        whole = str(raw).strip()
        return [_QID.search(" " + whole).group(1)] if _QID_ONLY.match(whole) else []
    return [_QID.search(" " + p).group(1).upper() for p in parts]


def maker_parts(raw):
    """The parts of a value naming several makers, or [] when it names one."""
    parts = [p.strip() for p in _MULTI.split(str(raw or "")) if p and p.strip()]
    return parts if len(parts) > 1 else []


def without_marketing(key):
    """A name key with its selling words removed ('' when nothing else is left)."""
    return " ".join(t for t in key.split() if t not in MARKETING_WORDS)
