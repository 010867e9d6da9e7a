"""GDAL Arrow NumPy batches -> pandas columns without a Python object per string.

GDAL 3.6 hands strings over as fixed-width bytes arrays. Decoding each of a million values
costs more than GDAL's whole read, so strings become pandas Categoricals: values are grouped by
a vectorised hash of their bytes (checked, so a collision can never merge two values) and only
the distinct values are decoded.
"""

import numpy as np
import pandas as pd

from ...risk.columns import first_occurrences

_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
    ],
    dtype=np.uint64,
)
_MIX2 = np.array(
    [
        0xA0761D6478BD642F,
        0xE7037ED1A0B428DB,
        0x8EBC6AF09C88C6E3,
        0x589965CC75374CC3,
        0x1D8E4E27C47D124F,
        0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)


def _hash_rows(arr, mix=_MIX):
    """64-bit hash of each fixed-width bytes value of one array (read as 8-byte words; the
    last word overlaps the one before when the width is not a multiple of 8)."""
    arr = np.ascontiguousarray(arr)
    n, width = len(arr), arr.dtype.itemsize
    if width < 8:  # widen the few short ones so that one word covers them
        wide = np.zeros(n, dtype="S8")
        wide[:] = arr
        arr, width = wide, 8
    h = np.zeros(n, dtype=np.uint64)
    if not n:
        return h
    offsets = list(range(0, width - 7, 8))
    if offsets[-1] != width - 8:
        offsets.append(width - 8)
    with np.errstate(over="ignore"):
        for j, off in enumerate(offsets):
            word = np.ndarray((n,), dtype="<u8", buffer=arr, offset=off, strides=(width,))
            h += word * (mix[j % 6] * np.uint64(2 * j + 1))
            h ^= h >> np.uint64(29)
        h *= mix[4]
        h ^= h >> np.uint64(32)
    return h


def factorize_bytes(arr):
    """(codes, distinct values) of a fixed-width bytes array, in first-seen order."""
    if arr.dtype.kind != "S":
        return pd.factorize(arr, sort=False)
    codes, uniq_hash = pd.factorize(_hash_rows(arr), sort=False)
    if not len(codes):
        return codes, arr[:0]
    first = first_occurrences(codes, len(uniq_hash))
    # A collision would put two values under one code: a second, independent hash must then
    # agree within every code (128 bits in all), else take the exact route.
    check = _hash_rows(arr, _MIX2)
    if not np.array_equal(check[first][codes], check):
        return pd.factorize(arr, sort=False)
    return codes, arr[first]


def _decode_array(data, encoding="utf-8"):
    """Fixed-width bytes -> object array of str."""
    values = np.empty(len(data), dtype=object)
    values[:] = _decode(data.tolist(), encoding)
    return values


def _decode(raw, encoding="utf-8"):
    try:
        return [u.decode(encoding) for u in raw]
    except UnicodeDecodeError:
        return [u.decode(encoding, "replace") for u in raw]


class StringColumn:
    """One string column built batch by batch (while GDAL reads the next batch): each batch's
    values are grouped by a vectorised hash and only the distinct ones decoded. Distinct values
    become a Categorical; id-like columns, where nearly every value differs (decided on the
    first batch big enough to tell), stay plain object arrays of str. Nulls stay null.
    `finish` returns the column so far and starts the next chunk."""

    def __init__(self, encoding="utf-8"):
        self.encoding = encoding  # of the bytes GDAL hands over (a shapefile's code page)
        self.distinct = None
        self._parts = []  # per batch: an object array, or (codes, distinct str values)

    def add(self, arr):
        mask = np.ma.getmaskarray(arr) if np.ma.isMaskedArray(arr) else None
        data = np.ma.getdata(arr)
        if mask is not None and not mask.any():
            mask = None
        if self.distinct is None and len(data) >= 2 * DISTINCT_SAMPLE:
            self.distinct = mostly_distinct(data)
        if self.distinct and data.dtype.kind == "S":
            values = _decode_array(data, self.encoding)
            if mask is not None:
                values[mask] = None
            self._parts.append(values)
            return
        if data.dtype.kind == "S":
            codes, uniques = factorize_bytes(data)
            uniques = _decode(uniques.tolist(), self.encoding)
        else:
            codes, uniques = pd.factorize(np.asarray(data, dtype=object), sort=False)
        codes = np.asarray(codes, dtype=np.int64)
        if mask is not None:
            codes = np.where(mask, -1, codes)
        self._parts.append((codes, np.asarray(uniques, dtype=object)))

    def finish(self):
        """Categorical of str, or an object array for an id-like column."""
        parts, self._parts = self._parts, []
        if any(isinstance(p, np.ndarray) for p in parts):
            return np.concatenate([p if isinstance(p, np.ndarray) else _expand(*p) for p in parts])
        if not parts:
            return pd.Categorical([], categories=pd.Index([], dtype=object))
        # Batches have their own codes: factorise the (few) distinct values of all batches
        # together, which also merges two byte strings that decode to the same text.
        ucodes, values = pd.factorize(np.concatenate([u for _, u in parts]), sort=False)
        ucodes = np.append(ucodes, -1)  # a null (code -1) stays null
        offsets = np.cumsum([0] + [len(u) for _, u in parts[:-1]])
        codes = np.concatenate([ucodes[np.where(c >= 0, c + off, -1)] for (c, _), off in zip(parts, offsets)])
        return pd.Categorical.from_codes(codes, categories=pd.Index(values, dtype=object))


def _expand(codes, uniques):
    return np.append(uniques, None)[codes]  # code -1 picks the appended None


DISTINCT_SAMPLE = 20000


def mostly_distinct(values, sample=DISTINCT_SAMPLE):
    """True for id-like columns, where grouping values would cost more than it saves."""
    if len(values) < 2 * sample:
        return False
    step = len(values) // sample
    return len(set(values[::step][:sample].tolist())) > sample // 2


def strings_to_categorical(arr):
    """Masked/plain bytes array -> Categorical of str (null stays null); id-like columns, where
    nearly every value differs, become plain object arrays instead."""
    column = StringColumn()
    column.add(arr)
    return column.finish()


def wkb_values(wkb):
    """Geometries as a list of bytes (None for null or empty)."""
    if wkb is None:
        return None
    mask = np.ma.getmaskarray(wkb) if np.ma.isMaskedArray(wkb) else None
    values = np.ma.getdata(wkb).tolist()
    if mask is not None and mask.any():
        values = [None if m else v for v, m in zip(values, mask.tolist())]
    return [v if v else None for v in values] if wkb.dtype == object else values
