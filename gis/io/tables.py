"""Read a non-spatial table of an output GeoPackage into a DataFrame."""

import sqlite3

import pandas as pd


def read_table(gpkg, name):
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        frame = pd.read_sql_query(f'SELECT * FROM "{name.replace(chr(34), chr(34) * 2)}"', con)
    finally:
        con.close()
    return frame.drop(columns=[c for c in ("fid",) if c in frame.columns])
