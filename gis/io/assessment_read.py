"""An assessment GeoPackage read back: its risk layers (without geometry) and its tables, as
the workbook's AssessmentTables. Read-only (sqlite3, mode=ro): the file is never changed.

Only GeoPackage today; a PostGIS assessment cannot be read back yet (docs/architecture.md).
"""

import os
import sqlite3

import pandas as pd

from ...risk.workbook.model import AssessmentTables

BOOL_COLUMNS = ("compatible", "forced", "cost_assumed", "needs_review", "standards_assumed")


class AssessmentFileError(ValueError):
    pass


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


def read_assessment(path):
    """The layers (without geometry) and tables of an assessment GeoPackage."""
    if not os.path.isfile(path):
        raise AssessmentFileError(f"{path}: file not found")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as e:
        raise AssessmentFileError(f"{path}: cannot be opened ({e})") from e
    try:
        try:
            names = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
        except sqlite3.DatabaseError as e:
            raise AssessmentFileError(f"{os.path.basename(path)}: not a GeoPackage ({e})") from e
        missing = [t for t in ("run_info", "scenario_summary", "vendor_summary") if t not in names]
        if missing:
            raise AssessmentFileError(
                f"{os.path.basename(path)}: not an assessment GeoPackage (no {', '.join(missing)}"
                f" table): run vendorrisk:assessrisk first and export its output"
            )
        geometry = dict(con.execute("SELECT table_name, column_name FROM gpkg_geometry_columns"))
        layers = {}
        for name in names:
            if not name.startswith("risk_"):
                continue
            cols = [
                r[1]
                for r in con.execute(f"PRAGMA table_info({_quote(name)})")
                if r[1] not in ("fid", geometry.get(name))
            ]
            frame = pd.read_sql_query(
                f"SELECT {', '.join(map(_quote, cols))} FROM {_quote(name)} ORDER BY fid", con
            )
            for c in BOOL_COLUMNS:
                if c in frame.columns:
                    frame[c] = frame[c].map(lambda v: None if pd.isna(v) else int(v))
            layers[name[len("risk_") :]] = frame

        def table(t):
            if t not in names:
                return pd.DataFrame()
            frame = pd.read_sql_query(f"SELECT * FROM {_quote(t)}", con)
            return frame.drop(columns=[c for c in ("fid",) if c in frame.columns])

        run_info = table("run_info")
        return AssessmentTables(
            layers=layers,
            scenario_summary=table("scenario_summary"),
            vendor_summary=table("vendor_summary"),
            run_info=dict(zip(run_info.get("key", []), run_info.get("value", []))),
            data_issues=table("data_issues").reindex(columns=["asset_id", "field", "value", "message"]),
            source=os.path.abspath(path),
        )
    except sqlite3.DatabaseError as e:
        raise AssessmentFileError(f"{os.path.basename(path)}: cannot be read ({e})") from e
    finally:
        con.close()
