"""Read the messy values of a camera inventory (oui/non, '30 jours', 'NE', 'Chine') column-wise.

Every parser returns (values, bad): `values` holds the parsed value or missing, `bad` marks the
cells that held something which could not be read, so the caller can name them in the log.
Work is done once per distinct value, then broadcast, so a million rows cost a few thousand calls.
"""

import re

import numpy as np
import pandas as pd

from ..tagging.normalize import strip_accents
from .countries import country_code

UNKNOWN_WORDS = frozenset(
    "? - -- unknown inconnu inconnue nc n/c n.c. na n/a nd n/d tbc tbd camera guard".split()
    + ["non renseigne", "a verifier", "not known"]
)
TRUE_WORDS = frozenset(
    "yes y oui o true vrai 1 x on enabled enable active actif activee present installed "
    "installe installee ok avec with alpr anpr lpr lapi".split()
)
FALSE_WORDS = frozenset(
    "no n non false faux 0 off disabled disable inactive inactif desactive desactivee absent "
    "missing manquant manquante none aucun aucune without sans".split()
)

_UNIT_DAYS = {
    "": 1,
    "j": 1,
    "jr": 1,
    "jrs": 1,
    "jour": 1,
    "jours": 1,
    "d": 1,
    "day": 1,
    "days": 1,
    "h": 1 / 24,
    "hr": 1 / 24,
    "hrs": 1 / 24,
    "heure": 1 / 24,
    "heures": 1 / 24,
    "hour": 1 / 24,
    "hours": 1 / 24,
    "sem": 7,
    "semaine": 7,
    "semaines": 7,
    "w": 7,
    "wk": 7,
    "week": 7,
    "weeks": 7,
    "mois": 30,
    "month": 30,
    "months": 30,
    "an": 365,
    "ans": 365,
    "annee": 365,
    "annees": 365,
    "y": 365,
    "yr": 365,
    "year": 365,
    "years": 365,
}
_NUMBER_UNIT = re.compile(r"^([0-9]+(?:[.,][0-9]+)?)\s*([a-z]*)\.?$")
_COMPASS = (
    "n",
    "nne",
    "ne",
    "ene",
    "e",
    "ese",
    "se",
    "sse",
    "s",
    "ssw",
    "sw",
    "wsw",
    "w",
    "wnw",
    "nw",
    "nnw",
)
COMPASS_DEGREES = {p: i * 22.5 for i, p in enumerate(_COMPASS)}
COMPASS_DEGREES.update({p.replace("w", "o"): d for p, d in COMPASS_DEGREES.items()})
COMPASS_DEGREES.update(
    {"north": 0, "nord": 0, "east": 90, "est": 90, "south": 180, "sud": 180, "west": 270, "ouest": 270}
)

CAMERA_TYPES = ("fixed", "dome", "ptz", "panoramic")
_TYPE_PATTERNS = (  # first match wins; patterns are searched in the normalised text
    (
        "ptz",
        ("ptz", "speed dome", "speeddome", "motoris", "panning", "pan tilt", "mobile", "orientable", "rotat"),
    ),
    (
        "panoramic",
        ("panoram", "fisheye", "fish eye", "360", "omni", "multi sensor", "multisensor", "multi capteur"),
    ),
    ("dome", ("dome",)),
    ("fixed", ("fixed", "fixe", "bullet", "box", "tube", "static", "statique", "cube")),
)


def norm(value):
    """Lower-case, accent-free, single-spaced text; None for blanks."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    text = " ".join(strip_accents(str(value)).casefold().split())
    return text or None


def plain(series):
    """Categorical or string-dtype columns (fast readers produce them) as object, nulls None."""
    if isinstance(series.dtype, (pd.CategoricalDtype, pd.StringDtype)):
        return series.astype(object).where(series.notna(), None)
    return series


def is_blank(series):
    """True where a cell holds nothing: null, NaN or only spaces."""
    if series.dtype != object:
        return series.isna()
    return series.isna() | series.astype(str).str.strip().eq("")


def by_unique(series, func):
    """Apply func to each distinct value, broadcast back; nulls give None."""
    codes, uniques = pd.factorize(series, sort=False)
    mapped = [func(u) for u in uniques]
    table = np.empty(len(mapped) + 1, dtype=object)
    table[: len(mapped)] = mapped
    table[-1] = None
    return pd.Series(table[codes], index=series.index, dtype=object)


def _bool_of(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return bool(value)
    text = norm(value)
    if text is None or text in UNKNOWN_WORDS:
        return None
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    try:
        return float(text.replace(",", ".")) != 0
    except ValueError:
        return "bad"


def parse_bool(series):
    """oui/non, yes/no, 1/0, ALPR... -> True/False/None."""
    raw = by_unique(series, _bool_of)
    bad = raw.eq("bad")
    return raw.where(~bad, None), bad


def parse_number(series, low=-np.inf, high=np.inf):
    """Numbers, also from text ('30', '30,5'); outside [low, high] counts as bad."""
    if series.dtype == object:
        text = series.astype(str).str.strip().str.replace(",", ".", regex=False)
        values = pd.to_numeric(text.where(~is_blank(series)), errors="coerce")
    else:
        values = pd.to_numeric(series, errors="coerce").astype(float)
    bad = (values.isna() & ~is_blank(series)) | (values < low) | (values > high)
    return values.where(~bad), bad


def _days_of(value):
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value)
    text = norm(value)
    if text is None or text in UNKNOWN_WORDS:
        return None
    m = _NUMBER_UNIT.match(text)
    if not m or m.group(2) not in _UNIT_DAYS:
        return "bad"
    return float(m.group(1).replace(",", ".")) * _UNIT_DAYS[m.group(2)]


def parse_days(series):
    """Retention periods: 30, '30 jours', '1 mois', '48h', '2 weeks' -> days."""
    raw = by_unique(series, _days_of)
    bad = raw.eq("bad")
    values = pd.to_numeric(raw.where(~bad), errors="coerce").astype(float)
    bad |= values < 0
    return values.where(~bad), bad


_RANGE = re.compile(r"(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)")


def _direction_of(value):
    if isinstance(value, (int, float, np.integer, np.floating)):
        return float(value) % 360.0
    text = norm(value)
    if text is None or text in UNKNOWN_WORDS:
        return None
    text = text.replace("°", "").replace("deg", "").strip()
    if text in COMPASS_DEGREES:
        return COMPASS_DEGREES[text]
    parts = [p.strip() for p in re.split(r"[;|]", text) if p.strip()]
    if len(parts) > 1:  # OpenStreetMap '25;205': a camera looking several ways; the first is kept
        return _direction_of(parts[0])
    span = _RANGE.fullmatch(text)
    if span:  # '0-360' sees all around; '90-180' looks at the middle of the range
        a, b = float(span.group(1)), float(span.group(2))
        width = (b - a) % 360.0 or (360.0 if b != a else 0.0)
        return None if width >= 360.0 else (a + width / 2.0) % 360.0
    try:
        return float(text.replace(",", ".")) % 360.0
    except ValueError:
        return "bad"  # 'both', 'forward': not a bearing, reported


def parse_direction(series):
    """Bearings clockwise from north, in degrees or compass points (N, NE, SO...)."""
    raw = by_unique(series, _direction_of)
    bad = raw.eq("bad")
    return pd.to_numeric(raw.where(~bad), errors="coerce").astype(float), bad


def parse_year(series, low=1950, high=2100):
    """Install years, also from dates ('2019-05-01') or text ('mise en service 2019')."""
    if series.dtype == object:
        text = series.astype(str)
        year = pd.to_numeric(text.str.extract(r"((?:19|20)[0-9]{2})", expand=False), errors="coerce")
        year = year.where(~is_blank(series))
    elif pd.api.types.is_datetime64_any_dtype(series):
        year = series.dt.year.astype(float)
    else:
        year = pd.to_numeric(series, errors="coerce").astype(float)
    bad = (year.isna() & ~is_blank(series)) | (year < low) | (year > high)
    return year.where(~bad), bad


def _type_of(value):
    text = norm(value)
    if text is None or text in UNKNOWN_WORDS:
        return None
    for kind, patterns in _TYPE_PATTERNS:
        if any(p in text for p in patterns):
            return kind
    return "bad"


def parse_camera_type(series):
    """fixed / dome / ptz / panoramic from free text ('Caméra dôme', 'speed dome', 'fisheye')."""
    raw = by_unique(series, _type_of)
    bad = raw.eq("bad")
    return raw.where(~bad, None), bad


def parse_country(series):
    """Storage locations -> ISO code, EU/EEA or LOCAL."""
    raw = by_unique(series, lambda v: country_code(norm(v)) if norm(v) not in UNKNOWN_WORDS else None)
    bad = raw.isna() & ~is_blank(series) & ~by_unique(series, norm).isin(UNKNOWN_WORDS)
    return raw, bad


def as_text(series):
    """Cell values as display text for evidence ('' for blanks); integers without '.0'."""

    def show(v):
        if isinstance(v, (float, np.floating)) and float(v).is_integer():
            return str(int(v))
        return str(v).strip()

    return by_unique(series, show).fillna("")
