"""Column helpers that stay fast on a million rows: work on distinct values, return Categoricals."""

import numpy as np
import pandas as pd


def text_codes(series):
    """(codes, distinct texts) of a column, null as '' and values stripped; codes >= 0."""
    if series is None:
        return None, [""]
    if isinstance(series.dtype, pd.CategoricalDtype):
        codes = series.cat.codes.to_numpy().astype(np.int64)
        raw = list(series.cat.categories)
    else:
        codes, raw = pd.factorize(np.asarray(series, dtype=object), sort=False)
        codes = codes.astype(np.int64)
        raw = list(raw)
    texts = ["" if v is None or (isinstance(v, float) and np.isnan(v)) else str(v).strip() for v in raw] + [
        ""
    ]
    codes = np.where(codes < 0, len(texts) - 1, codes)
    # stripping can make two values equal: merge them
    merged, distinct = pd.factorize(np.asarray(texts, dtype=object), sort=False)
    return merged[codes].astype(np.int64), list(distinct)


def categorical(codes, values):
    """A Categorical from codes into a list of values (values need not be distinct)."""
    codes = np.asarray(codes, dtype=np.int64)
    vcodes, distinct = pd.factorize(np.asarray(values, dtype=object), sort=False)
    if not len(distinct):
        return pd.Categorical.from_codes(np.full(len(codes), -1), categories=[])
    return pd.Categorical.from_codes(
        vcodes[codes] if len(codes) else codes, categories=pd.Index(distinct, dtype=object)
    )


def text(series, index=None):
    """A text column as a Categorical Series: null as '', values stripped."""
    codes, values = text_codes(series)
    if codes is None:
        return pd.Series(
            pd.Categorical.from_codes(np.zeros(len(index), dtype=np.int64), categories=[""]), index=index
        )
    return pd.Series(categorical(codes, values), index=series.index)


def id_text(series, index=None):
    """An id column as a Categorical Series of text: blank and null as NULL (never ''), whole
    numbers without '.0'."""
    if series is None:
        return pd.Series(pd.Categorical.from_codes(np.full(len(index), -1), categories=[]), index=index)
    codes, values = text_codes(series)
    values = [_whole(v) or None for v in values]
    return pd.Series(categorical(codes, values), index=series.index)


def _whole(v):
    """'12.0' -> '12' (an integer id read through a float column); other text as it is."""
    if v.endswith(".0") and v[:-2].lstrip("-").isdigit():
        return v[:-2]
    return v


def apply_distinct(series, func):
    """func once per distinct value (of a text column); result as a Categorical Series."""
    codes, values = text_codes(series)
    results = [func(v) for v in values]
    return pd.Series(categorical(codes, results), index=series.index)


def first_occurrences(codes, n_codes):
    """Row index of the first row of each code (codes numbered in order of appearance)."""
    first = np.empty(n_codes, dtype=np.int64)
    rows = np.arange(len(codes), dtype=np.int64)
    first[codes[::-1]] = rows[::-1]  # repeated indices: the last assignment, i.e. the first row, wins
    return first


def _codes(col):
    """Non-negative int codes and their count for one column (Categorical codes are free)."""
    if isinstance(col, pd.Series) and isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.codes.to_numpy().astype(np.int64) + 1, len(col.cat.categories) + 1
    arr = np.asarray(col)
    if arr.dtype == bool:
        return arr.astype(np.int64), 2
    c, u = pd.factorize(arr, sort=False)
    return c.astype(np.int64) + 1, len(u) + 1


def factorize_rows(columns):
    """Codes of distinct combinations of several aligned columns, and one row index per code.

    Column codes are combined arithmetically (one hash pass at the end, not one per column)."""
    combined, size = None, 1
    for col in columns:
        c, n = _codes(col)
        if combined is None:
            combined, size = c, n
        elif size * n < 2**62:
            combined, size = combined * n + c, size * n
        else:
            combined, uniq = pd.factorize(combined, sort=False)
            combined, size = combined.astype(np.int64) * n + c, (len(uniq) + 1) * n
    if combined is None or not len(combined):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    combined, uniques = pd.factorize(combined, sort=False)
    combined = combined.astype(np.int64)
    return combined, first_occurrences(combined, len(uniques))
