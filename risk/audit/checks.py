"""One function per kind of check, each judging every camera at once.

A check returns a DataFrame aligned on the camera table with `status` ('breach',
'cannot_verify' or None for no finding), `evidence` (a plain-language sentence) and `values`
(the field values it looked at). A value that is absent is never a pass: it is 'cannot_verify'.
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from ..definitions import SANCTION_LEVELS
from . import values as vals
from .countries import LOCAL, allowed_codes, local_code

BREACH, CANNOT = "breach", "cannot_verify"
_LEVEL_NAMES = {int(t.key): t.name.lower() for t in SANCTION_LEVELS}


@dataclass
class AuditContext:
    """What the checks need besides the camera table."""

    audit_date: date
    jurisdiction: str
    mapping: dict
    fov: pd.DataFrame
    has_location: pd.Series
    views: dict = field(default_factory=dict)  # layer -> pairs (camera, name, overlap_m2) or None
    vendor_assessed: bool = False


def _outcome(index, status, evidence, values):
    return pd.DataFrame(
        {
            "status": pd.Series(status, index=index, dtype=object),
            "evidence": pd.Series(evidence, index=index, dtype=object),
            "values": pd.Series(values, index=index, dtype=object),
        },
        index=index,
    )


def _select(conds, choices, default=None):
    return np.select(
        [np.asarray(c, bool) for c in conds], [np.asarray(c, dtype=object) for c in choices], default=default
    )


def _quoted(field_name, raw):
    return f"{field_name}='" + raw.astype(str) + "'"


def _no_field(table, role, what):
    return _outcome(
        table.index,
        CANNOT,
        f"the layer has no {what} field: cannot verify (set FIELD_{role.upper()} if it has another name)",
        "",
    )


def check_authorisation(table, params, ctx):
    name = ctx.mapping.get("authorisation")
    if not name:
        return _no_field(table, "authorisation", "authorisation")
    raw = table["raw_authorisation"]
    value = table["authorisation"]
    missing = {vals.norm(v) for v in params["missing_values"]}
    empty = value.isna() | value.isin(vals.UNKNOWN_WORDS)
    negative = value.isin(missing) & ~empty
    status = _select([negative, empty], [BREACH, BREACH if params["empty_is_breach"] else CANNOT])
    evidence = _select(
        [negative, empty],
        [
            "authorisation recorded as '" + raw + "': no prefectoral authorisation reference",
            f"no authorisation reference recorded (field '{name}' is empty)",
        ],
    )
    return _outcome(table.index, status, evidence, _quoted(name, raw))


def check_retention(table, params, ctx):
    name = ctx.mapping.get("retention")
    if not name:
        return _no_field(table, "retention", "retention")
    days, raw, limit = table["retention_days"], table["raw_retention"], params["max_retention_days"]
    unknown = days.isna()
    over = days > limit
    shown = vals.as_text(days.round(1))
    status = _select([unknown, over], [CANNOT, BREACH])
    evidence = _select(
        [unknown & raw.eq(""), unknown, over],
        [
            "retention period not recorded",
            "retention period '" + raw + "' could not be read as a duration",
            "recordings kept " + shown + f" days, longer than the {vals.as_text(pd.Series([limit]))[0]}"
            "-day limit",
        ],
    )
    values = _quoted(name, raw) + np.where(unknown, "", " → " + shown + " days") + f"; limit {limit}"
    return _outcome(table.index, status, evidence, values)


_FLAGS = {
    "biometric": ("biometric", "facial recognition / biometric identification"),
    "plate_reading": ("plate_reading", "licence-plate reading"),
    "audio": ("audio", "sound capture"),
}


def _flag(role):
    column, label = _FLAGS[role]

    def check(table, params, ctx):
        name = ctx.mapping.get(role)
        if not name:
            return _no_field(table, role, label)
        value, raw = table[column], table["raw_" + role]
        on = value.eq(True)
        unknown = value.isna()
        status = _select([on, unknown], [BREACH, CANNOT])
        evidence = _select(
            [on, unknown & raw.eq(""), unknown],
            [
                f"{label} enabled (field '{name}' = '" + raw + "')",
                f"{label}: not recorded whether enabled",
                f"{label}: value '" + raw + "' not understood as yes/no",
            ],
        )
        return _outcome(table.index, status, evidence, _quoted(name, raw))

    check.__name__ = f"check_{role}"
    check.__doc__ = f"Breach when {label} is enabled."
    return check


def check_signage(table, params, ctx):
    name = ctx.mapping.get("signage")
    if not name:
        return _no_field(table, "signage", "signage")
    value, raw = table["signage"], table["raw_signage"]
    off, unknown = value.eq(False), value.isna()
    status = _select([off, unknown], [BREACH, CANNOT])
    evidence = _select(
        [off, unknown & raw.eq(""), unknown],
        [
            f"no information sign for the public (field '{name}' = '" + raw + "')",
            "not recorded whether an information sign is in place",
            "signage value '" + raw + "' not understood as yes/no",
        ],
    )
    return _outcome(table.index, status, evidence, _quoted(name, raw))


def check_vendor(table, params, ctx):
    if not ctx.vendor_assessed:
        return _outcome(
            table.index,
            CANNOT,
            "vendor sanctions not assessed for this layer: run vendorrisk:assessrisk "
            "and audit its output to check restricted vendors",
            "",
        )
    level = table["sanction_level"].astype(float)
    vendor = table["vendor"].where(table["vendor"].ne(""), "unknown vendor")
    blank = pd.Series("", index=table.index, dtype=object)
    lists = vals.as_text(table["sanction_lists"]) if "sanction_lists" in table.columns else blank
    deadline = vals.as_text(table["removal_deadline"]) if "removal_deadline" in table.columns else blank
    extra = np.where(lists.ne(""), "; lists: " + lists, "") + np.where(
        deadline.ne(""), "; removal deadline " + deadline, ""
    )
    lvl = level.fillna(-1).astype(int)
    lvl_txt = lvl.astype(str) + " (" + lvl.map(_LEVEL_NAMES).fillna("?") + ")"
    unknown = level.isna()
    hit = level >= params["min_sanction_level"]
    status = _select([unknown, hit], [CANNOT, BREACH])
    evidence = _select(
        [unknown, hit],
        [
            "sanction level unknown for " + vendor + " (vendor not resolved)",
            vendor + " has sanction level " + lvl_txt + extra,
        ],
    )
    values = "vendor='" + vendor + "'; sanction_level=" + vals.as_text(level)
    return _outcome(table.index, status, evidence, values)


def check_end_of_support(table, params, ctx):
    name = ctx.mapping.get("install_year")
    if not name:
        return _no_field(table, "install_year", "install year")
    year, life = table["install_year"], params["service_life_years"]
    end = np.floor(year + life)
    unknown = year.isna()
    past = ctx.audit_date.year >= end
    end_txt, year_txt = vals.as_text(end), vals.as_text(year)
    status = _select([unknown, past], [CANNOT, BREACH])
    evidence = _select(
        [unknown, past],
        [
            "install year not recorded: end of security support cannot be dated",
            "installed in "
            + year_txt
            + ": security support taken to end in "
            + end_txt
            + f" ({life}-year service life), before the audit date {ctx.audit_date.isoformat()}",
        ],
    )
    values = _quoted(name, table["raw_install_year"]) + f"; service life {life} years"
    return _outcome(table.index, status, evidence, values)


def check_storage(table, params, ctx):
    name = ctx.mapping.get("storage_location")
    if not name:
        return _no_field(table, "storage_location", "storage location")
    code, raw = table["storage_country"], table["raw_storage_location"]
    code = code.where(code.ne(LOCAL), local_code(ctx.jurisdiction))
    allowed = allowed_codes(params["allowed"], ctx.jurisdiction)
    unknown = code.isna()
    outside = ~unknown & ~code.isin(allowed)
    where = ", ".join(params["allowed"]).replace("JURISDICTION", ctx.jurisdiction)
    status = _select([unknown, outside], [CANNOT, BREACH])
    evidence = _select(
        [unknown & raw.eq(""), unknown, outside],
        [
            "storage location of the recordings not recorded",
            "storage location '" + raw + "' not understood as a country",
            "recordings stored in '" + raw + "' (" + code.fillna("") + f"), outside {where}",
        ],
    )
    return _outcome(table.index, status, evidence, _quoted(name, raw) + f"; allowed {where}")


_VIEW_LABEL = {
    "dwellings": ("dwelling", "dwellings"),
    "sensitive_sites": ("sensitive site", "sensitive sites"),
}


def check_view(table, params, ctx):
    layer, minimum = params["layer"], params["min_overlap_m2"]
    one, many = _VIEW_LABEL[layer]
    pairs = ctx.views.get(layer)
    if pairs is None:
        return _outcome(
            table.index, CANNOT, f"no {many} layer given: what the camera sees cannot be checked", ""
        )
    fov = ctx.fov
    hits = pairs[pairs["overlap_m2"].isna() | (pairs["overlap_m2"] >= minimum)]
    grouped = hits.groupby("camera")
    count = grouped.size().reindex(table.index, fill_value=0)
    area = grouped["overlap_m2"].sum(min_count=1).reindex(table.index)
    names = _first_names(hits, table.index)
    nouns = np.where(count == 1, one, many)
    covered = (
        count.astype(str)
        + " "
        + nouns
        + np.where(area.notna() & (layer == "dwellings"), " (" + vals.as_text(area.round(0)) + " m²)", "")
        + np.where(names.ne(""), ": " + names, "")
    )
    located = ctx.has_location.to_numpy()
    seen = count.to_numpy() > 0
    assumed = fov["assumed"].to_numpy()
    status = _select([~located, assumed, seen], [CANNOT, CANNOT, BREACH])
    evidence = _select(
        [~located, assumed & seen, assumed, seen],
        [
            "the camera has no location: what it sees cannot be checked",
            "assumed field of view ("
            + fov["fov_text"]
            + "; "
            + fov["assumed_values"]
            + ") would cover "
            + covered,
            "field of view assumed (" + fov["assumed_values"] + f"): it would cover no {one}; "
            "record direction, angle and range to verify",
            "field of view (" + fov["fov_text"] + ") covers " + covered,
        ],
    )
    values = "field of view " + fov["fov_text"] + np.where(assumed, " (assumed)", "")
    return _outcome(table.index, status, evidence, values)


def _first_names(hits, index, keep=3):
    """'a, b, c ...': the first names seen per camera, without a Python call per camera."""
    rank = hits.groupby("camera").cumcount()
    out = pd.Series("", index=index, dtype=object)
    for k in range(keep):
        part = hits.loc[rank == k].set_index("camera")["name"].astype(str).reindex(index)
        sep = "" if k == 0 else ", "
        out = out.where(part.isna(), out + sep + part.fillna(""))
    more = hits.loc[rank == keep, "camera"]
    out[more.to_numpy()] = out[more.to_numpy()] + " ..."
    return out


CHECKS = {
    "authorisation": check_authorisation,
    "retention": check_retention,
    "biometric": _flag("biometric"),
    "plate_reading": _flag("plate_reading"),
    "audio": _flag("audio"),
    "signage": check_signage,
    "vendor": check_vendor,
    "end_of_support": check_end_of_support,
    "storage": check_storage,
    "view": check_view,
}
