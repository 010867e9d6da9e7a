"""One normalised row per camera: the inventory's own words turned into values rules can test."""

import numpy as np
import pandas as pd

from . import values as vals
from .messages import Messages
from .roles import VENDOR_COLUMNS

# role -> (parser, what a bad value is said to be, extra keyword arguments)
_PARSERS = {
    "direction": (
        vals.parse_direction,
        "is not a bearing (degrees or N/NE/E...); direction treated as not recorded",
        {},
    ),
    "angle": (
        vals.parse_number,
        "is not an angle in (0, 360] degrees; angle treated as not recorded",
        {"low": 1e-9, "high": 360},
    ),
    "range": (
        vals.parse_number,
        "is not a range in metres (0-2000); range treated as not recorded",
        {"low": 1e-9, "high": 2000},
    ),
    "camera_type": (
        vals.parse_camera_type,
        "is not a known camera type (fixed, dome, PTZ, panoramic); type treated as unknown",
        {},
    ),
    "retention": (
        vals.parse_days,
        "is not a retention period (e.g. 30, '30 jours', '1 mois'); cannot verify",
        {},
    ),
    "biometric": (vals.parse_bool, "is not yes/no; cannot verify", {}),
    "plate_reading": (vals.parse_bool, "is not yes/no; cannot verify", {}),
    "audio": (vals.parse_bool, "is not yes/no; cannot verify", {}),
    "signage": (vals.parse_bool, "is not yes/no; cannot verify", {}),
    "storage_location": (vals.parse_country, "is not a country, EU/EEA or 'local'; cannot verify", {}),
    "install_year": (vals.parse_year, "is not a year between 1950 and 2100; cannot verify", {}),
}
PARSED_COLUMNS = {
    "direction": "direction",
    "angle": "angle",
    "range": "range_m",
    "camera_type": "camera_type",
    "retention": "retention_days",
    "biometric": "biometric",
    "plate_reading": "plate_reading",
    "audio": "audio",
    "signage": "signage",
    "storage_location": "storage_country",
    "install_year": "install_year",
}


def camera_ids(frame, id_field, fids=None):
    """The id users know the camera by; '#<fid>' when the layer has none or the cell is empty."""
    fallback = pd.Series(
        ["#" + str(int(f)) for f in (fids if fids is not None else np.arange(1, len(frame) + 1))],
        index=frame.index,
        dtype=object,
    )
    if not id_field:
        return fallback
    ids = vals.as_text(frame[id_field])
    return ids.where(ids.ne(""), fallback)


def build_camera_table(frame, mapping, fids=None):
    """frame + field mapping -> (table, Messages); the input frame is not modified."""
    messages = Messages()
    frame = pd.DataFrame({c: vals.plain(frame[c]) for c in frame.columns}, index=frame.index)
    n = len(frame)
    table = pd.DataFrame(index=frame.index)
    table["camera_id"] = camera_ids(frame, mapping.get("id"), fids)
    dup = table["camera_id"].duplicated(keep=False)
    if dup.any():
        repeated = table.loc[dup, "camera_id"].value_counts()
        messages.add(
            "camera ids used more than once (findings name them all the same): "
            + ", ".join(f"{k} ×{v}" for k, v in repeated.head(10).items())
            + (" ..." if len(repeated) > 10 else "")
        )
    for role, column in PARSED_COLUMNS.items():
        field = mapping.get(role)
        if not field:
            table[column] = (
                pd.Series([None] * n, index=frame.index, dtype=object)
                if role
                in ("camera_type", "biometric", "plate_reading", "audio", "signage", "storage_location")
                else np.nan
            )
            table["raw_" + role] = ""
            continue
        parser, problem, kwargs = _PARSERS[role]
        parsed, bad = parser(frame[field], **kwargs)
        table[column] = parsed.to_numpy()
        table["raw_" + role] = vals.as_text(frame[field])
        messages.per_camera(table["camera_id"], bad, field, table["raw_" + role], problem)
    auth = mapping.get("authorisation")
    table["raw_authorisation"] = vals.as_text(frame[auth]) if auth else ""
    table["authorisation"] = table["raw_authorisation"].map(vals.norm) if auth else None
    for role in ("manufacturer", "brand", "model"):
        field = mapping.get(role)
        table[role] = vals.as_text(frame[field]) if field else ""
    for col in VENDOR_COLUMNS:
        if col in frame.columns:
            table[col] = frame[col].to_numpy()
    if "sanction_level" in frame.columns:
        level, bad = vals.parse_number(frame["sanction_level"], low=0, high=3)
        table["sanction_level"] = level.to_numpy()
        messages.per_camera(
            table["camera_id"],
            bad,
            "sanction_level",
            vals.as_text(frame["sanction_level"]),
            "is not a level 0-3; cannot verify",
        )
    table["vendor"] = vendor_label(table)
    return table, messages


def vendor_label(table):
    """Who made it, as the best available text: assessed vendor, else manufacturer, else brand."""
    out = pd.Series([""] * len(table), index=table.index, dtype=object)
    for col in ("brand", "manufacturer", "vendor_name"):
        if col in table.columns:
            text = vals.as_text(table[col]) if col == "vendor_name" else table[col]
            out = text.where(text.ne(""), out)
    return out
