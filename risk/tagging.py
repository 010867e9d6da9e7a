"""Tag a table of assets with vendor, match evidence, asset class and standards."""

import numpy as np
import pandas as pd

from .definitions import TAG_FIELDS
from .matching import Matcher
from .normalize import name_key, split_values

TAG_COLUMNS = tuple(name for name, _ in TAG_FIELDS) + ("standards_assumed", "match_note")
REVIEW_COLUMNS = ("raw", "field", "vendor_id", "count", "match_method", "match_confidence",
                  "suggested_vendor_id", "example_model", "note")


def _column(df, field, n):
    if field is None or field not in df.columns:
        return pd.Series([""] * n, index=df.index, dtype=object)
    return df[field].fillna("").astype(str).str.strip()


def _per_distinct(series, func):
    """Apply func once per distinct value and spread the results back over the rows."""
    codes, uniques = pd.factorize(series, sort=False)
    values = np.empty(len(uniques), dtype=object)
    for i, u in enumerate(uniques):
        values[i] = func(u)
    return pd.Series(values[codes] if len(values) else [], index=series.index, dtype=object)


class Tagger:
    """Holds the matcher and the class/standard lookups built from one catalog."""

    def __init__(self, catalog, corrections=None, matcher=None):
        self.catalog = catalog
        self.matcher = matcher or Matcher(catalog, corrections)
        classes = catalog.asset_classes
        self._class_keys = {}
        for rec in classes.itertuples():
            names = [rec.class_id.replace("_", " "), rec.name_en, rec.name_fr]
            for text in names + rec.aliases.split(";"):
                key = name_key(text)
                if key:
                    self._class_keys.setdefault(key, rec.class_id)
        self._class_defaults = {
            rec.class_id: [s.strip() for s in rec.default_standards.split(";") if s.strip()]
            for rec in classes.itertuples()
        }
        std = catalog.standards
        self._std_keys = {}
        for rec in std.itertuples():
            for text in [rec.standard_id.replace("_", " "), rec.name] + rec.aliases.split(";"):
                key = name_key(text)
                if key:
                    self._std_keys.setdefault(key, rec.standard_id)
        self._proprietary = [
            (rec.owner_vendor_id, {c.strip() for c in rec.asset_classes.split(";") if c.strip()},
             rec.standard_id)
            for rec in std.itertuples() if rec.owner_vendor_id
        ]
        vendors = catalog.vendors.set_index("vendor_id")
        self._vendor_name = vendors["short_name"].where(vendors["short_name"] != "",
                                                        vendors["name"]).to_dict()
        self._vendor_country = vendors["country"].to_dict()
        top = catalog.ultimate_parent()
        self._group = {v: (p if p != v else "") for v, p in top.items()}
        self._ancestors = catalog.ancestors()

    def asset_class(self, raw):
        """Class id from a free-text class/type value, or '' when not recognised."""
        key = name_key(raw)
        if not key:
            return ""
        if key in self._class_keys:
            return self._class_keys[key]
        tokens = key.split()
        for n in range(len(tokens), 0, -1):
            for i in range(len(tokens) - n + 1):
                hit = self._class_keys.get(" ".join(tokens[i:i + n]))
                if hit:
                    return hit
        return ""

    def parse_standards(self, raw):
        """Standard ids named in a protocols value, and the parts not recognised."""
        found, unknown = [], []
        for part in split_values(raw):
            sid = self._std_keys.get(name_key(part))
            if sid is None:
                unknown.append(part)
            elif sid not in found:
                found.append(sid)
        return found, unknown

    def default_standards(self, asset_class, vendor_id):
        out = list(self._class_defaults.get(asset_class, []))
        chain = self._ancestors.get(vendor_id, (vendor_id,)) if vendor_id else ()
        for owner, classes, sid in self._proprietary:
            if owner in chain and (not classes or asset_class in classes) and sid not in out:
                out.append(sid)
        return out

    def tag(self, df, fields):
        """Return (tags, review): tag columns aligned with df, and the review table."""
        n = len(df)
        mfr = _column(df, fields.get("manufacturer"), n)
        brand = _column(df, fields.get("brand"), n)
        model = _column(df, fields.get("model"), n)
        res = self.matcher.match_columns(mfr, brand, model)
        res.index = df.index
        tags = pd.DataFrame(index=df.index)
        vid = res["vendor_id"]
        tags["vendor_id"] = vid
        tags["vendor_name"] = vid.map(self._vendor_name).fillna("")
        tags["parent_id"] = vid.map(self._group).fillna("")
        tags["vendor_country"] = vid.map(self._vendor_country).fillna("")
        for col in ("match_method", "match_confidence", "needs_review", "oem_maker_id",
                    "oem_status"):
            tags[col] = res[col]
        cls = _per_distinct(_column(df, fields.get("class"), n), self.asset_class)
        cls = cls.where(cls != "", res["model_class"]).replace("", "other")
        tags["asset_class"] = cls
        protocols = _column(df, fields.get("protocols"), n)
        key = cls + "\x1f" + vid + "\x1f" + protocols
        std = _per_distinct(key, self._standards_for_key)
        tags["standards"] = std.map(lambda t: t[0])
        tags["standards_assumed"] = std.map(lambda t: t[1]).astype(bool)
        extra = std.map(lambda t: t[2])
        note = res["match_note"]
        tags["match_note"] = np.where(extra != "", np.where(note != "", note + "; " + extra, extra),
                                      note)
        review = self._review(mfr, brand, model, res)
        return tags[list(TAG_COLUMNS)], review

    def _standards_for_key(self, key):
        asset_class, vendor_id, protocols = key.split("\x1f")
        found, unknown = self.parse_standards(protocols)
        note = f"unrecognised protocol(s): {', '.join(unknown)}" if unknown else ""
        if found:
            return ";".join(found), False, note
        return ";".join(self.default_standards(asset_class, vendor_id)), True, note

    def _review(self, mfr, brand, model, res):
        """Distinct strings that need a human decision, most frequent first."""
        mask = res["needs_review"].to_numpy()
        if not mask.any():
            return pd.DataFrame(columns=list(REVIEW_COLUMNS))
        sub = pd.DataFrame({
            "mfr": mfr[mask].to_numpy(), "brand": brand[mask].to_numpy(),
            "model": model[mask].to_numpy(),
            "vendor_id": res["vendor_id"][mask].to_numpy(),
            "match_method": res["match_method"][mask].to_numpy(),
            "match_confidence": res["match_confidence"][mask].to_numpy(),
            "suggested_vendor_id": res["suggestion"][mask].to_numpy(),
            "note": res["match_note"][mask].to_numpy(),
        })
        sub["field"] = np.where(sub["mfr"] != "", "manufacturer",
                                np.where(sub["brand"] != "", "brand", "model"))
        sub["raw"] = np.where(sub["mfr"] != "", sub["mfr"],
                              np.where(sub["brand"] != "", sub["brand"], sub["model"]))
        grouped = sub.groupby(["raw", "field", "vendor_id"], sort=False, dropna=False)
        out = grouped.agg(
            count=("raw", "size"), match_method=("match_method", "first"),
            match_confidence=("match_confidence", "first"),
            suggested_vendor_id=("suggested_vendor_id", "first"),
            example_model=("model", "first"), note=("note", "first"),
        ).reset_index()
        out = out.sort_values(["count", "raw"], ascending=[False, True], kind="stable")
        return out[list(REVIEW_COLUMNS)].reset_index(drop=True)
