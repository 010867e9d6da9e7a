"""What each camera is taken to see: direction, angle and range, measured or assumed by type."""

import numpy as np
import pandas as pd


def fov_parameters(table, defaults):
    """Per camera: direction (NaN = full circle), angle, range_m, assumed flag and why.

    A missing angle or range takes the rule set's default for the camera type; a missing
    direction on a camera that does not see all around makes its field a full circle at that
    range (it could face anywhere). Any of these makes the field of view `assumed`.
    """
    kind = table["camera_type"].where(table["camera_type"].notna(), "unknown").astype(str)
    d_angle = kind.map({k: v["angle"] for k, v in defaults.items()}).astype(float)
    d_range = kind.map({k: v["range_m"] for k, v in defaults.items()}).astype(float)
    angle_missing = table["angle"].isna()
    range_missing = table["range_m"].isna()
    angle = table["angle"].astype(float).where(~angle_missing, d_angle)
    range_m = table["range_m"].astype(float).where(~range_missing, d_range)
    full = angle >= 360
    direction_missing = table["direction"].isna() & ~full
    angle = angle.where(~direction_missing, 360.0)
    direction = table["direction"].astype(float).where(angle < 360)

    kind_txt = np.where(kind.eq("unknown"), "a camera of unknown type", "a " + kind + " camera")
    parts = pd.DataFrame(
        {
            "d": np.where(direction_missing, "direction not recorded (full circle)", ""),
            "a": np.where(
                angle_missing & ~direction_missing,
                "angle not recorded (" + _num(angle) + "° assumed for " + kind_txt + ")",
                "",
            ),
            "r": np.where(
                range_missing, "range not recorded (" + _num(range_m) + " m assumed for " + kind_txt + ")", ""
            ),
        },
        index=table.index,
    )
    note = parts.apply(lambda col: col.str.len() > 0).to_numpy()
    assumed = note.any(axis=1)
    text = _join(parts)
    described = np.where(
        angle >= 360,
        "360°, " + _num(range_m) + " m",
        _num(angle) + "° towards " + _num(direction) + "°, " + _num(range_m) + " m",
    )
    return pd.DataFrame(
        {
            "direction": direction,
            "angle": angle,
            "range_m": range_m,
            "assumed": assumed,
            "assumed_values": text,
            "fov_text": described,
            "camera_type": kind,
        },
        index=table.index,
    )


def _num(series):
    """Numbers as short text: 90 not 90.0, 12.5 stays, '' for missing."""
    s = pd.Series(series, dtype=float).round(1)
    txt = s.astype(str).str.replace(r"\.0$", "", regex=True).where(s.notna(), "")
    return txt.to_numpy(dtype=object)


def _join(parts):
    out = pd.Series([""] * len(parts), index=parts.index, dtype=object)
    for col in parts.columns:
        piece = parts[col]
        out = np.where((out != "") & (piece != ""), out + "; " + piece, out + piece)
        out = pd.Series(out, index=parts.index, dtype=object)
    return out
