"""Tag a table of assets with vendor, match evidence, asset class and standards."""

import numpy as np
import pandas as pd

from ..columns import categorical, factorize_rows, text_codes
from ..schema import REVIEW_COLUMNS, TAG_COLUMNS
from .matching import Matcher, coded_text
from .normalize import name_key, split_values


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
            (
                rec.owner_vendor_id,
                {c.strip() for c in rec.asset_classes.split(";") if c.strip()},
                rec.standard_id,
            )
            for rec in std.itertuples()
            if rec.owner_vendor_id
        ]
        vendors = catalog.vendors.set_index("vendor_id")
        self._vendor_name = (
            vendors["short_name"].where(vendors["short_name"] != "", vendors["name"]).to_dict()
        )
        self._vendor_country = vendors["country"].to_dict()
        top = catalog.ultimate_parent()
        self._group = {v: (p if p != v else "") for v, p in top.items()}
        self._ancestors = catalog.ancestors()
        self._std_cache = {}

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
                hit = self._class_keys.get(" ".join(tokens[i : i + n]))
                if hit:
                    return hit
        return ""

    def parse_standards(self, raw):
        """Standard ids named in a protocols value, and the parts not recognised."""
        found, unknown = [], []
        for part in split_values(raw):
            sid = self._std_keys.get(name_key(part))
            pieces = [sid] if sid else [self._std_keys.get(name_key(p)) for p in part.split("/")]
            if not all(pieces):  # 'ONVIF/RTSP' is two names, 'GB/T 28181' is one
                unknown.append(part)
            for sid in pieces:
                if sid and sid not in found:
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
        """Return (tags, review): tag columns aligned with df, and the review table.

        Every decision is taken once per distinct combination of the strings involved; the
        result columns are Categoricals, so a million rows cost what their distinct values cost.
        """
        n = len(df)

        def col(role):
            name = fields.get(role)
            return df[name] if name and name in df.columns else None

        parts = [coded_text(col(r), n) for r in ("manufacturer", "brand", "model", "wikidata")]
        res = self.matcher.match_coded(parts)
        cls_codes, cls_vals = text_codes(col("class"))
        proto_codes, proto_vals = text_codes(col("protocols"))
        zeros = np.zeros(n, dtype=np.int64)
        cls_codes = zeros if cls_codes is None else cls_codes
        proto_codes = zeros if proto_codes is None else proto_codes
        combo, first = factorize_rows(
            [res["vendor_id"], res["model_class"], res["match_note"], cls_codes, proto_codes]
        )
        vids = res["vendor_id"].iloc[first].tolist()
        model_cls = res["model_class"].iloc[first].tolist()
        notes = res["match_note"].iloc[first].tolist()
        records = []
        for vid, mcls, note, c, p in zip(vids, model_cls, notes, cls_codes[first], proto_codes[first]):
            asset_class = self.asset_class(cls_vals[c]) or mcls or "other"
            standards, assumed, extra = self._standards(asset_class, vid, proto_vals[p])
            records.append(
                (
                    vid,
                    self._vendor_name.get(vid, ""),
                    self._group.get(vid, ""),
                    self._vendor_country.get(vid, ""),
                    asset_class,
                    standards,
                    assumed,
                    "; ".join(x for x in (note, extra) if x),
                )
            )
        tags = pd.DataFrame(index=df.index)
        names = (
            "vendor_id",
            "vendor_name",
            "parent_id",
            "vendor_country",
            "asset_class",
            "standards",
            "standards_assumed",
            "match_note",
        )
        columns = dict(zip(names, zip(*records))) if records else {k: () for k in names}
        for name in names:
            if name == "standards_assumed":
                values = np.asarray(columns[name], dtype=bool)
                tags[name] = values[combo] if n else np.zeros(0, dtype=bool)
            else:
                tags[name] = categorical(combo, list(columns[name])) if n else pd.Categorical([])
        passed = (
            "match_method",
            "match_confidence",
            "needs_review",
            "oem_maker_id",
            "oem_status",
            "vendor_ids",
        )
        for name in passed:
            tags[name] = (
                res[name].to_numpy()
                if not isinstance(res[name].dtype, pd.CategoricalDtype)
                else res[name].values
            )
        review = self._review(parts[:3], res)
        return tags[list(TAG_COLUMNS)], review

    def _standards(self, asset_class, vendor_id, protocols):
        key = (asset_class, vendor_id, protocols)
        hit = self._std_cache.get(key)
        if hit is None:
            found, unknown = self.parse_standards(protocols)
            note = f"unrecognised protocol(s): {', '.join(unknown)}" if unknown else ""
            if found:
                hit = (";".join(found), False, note)
            else:
                hit = (";".join(self.default_standards(asset_class, vendor_id)), True, note)
            self._std_cache[key] = hit
        return hit

    def _review(self, parts, res):
        """Distinct strings that need a human decision, most frequent first (parts: the coded
        manufacturer, brand and model columns)."""
        mask = res["needs_review"].to_numpy(bool)
        if not mask.any():
            return pd.DataFrame(columns=list(REVIEW_COLUMNS))
        rows = np.flatnonzero(mask)
        (mc, mv), (bc, bv), (pc, pv) = ((codes[rows], values) for codes, values in parts)
        m_blank = np.array([v == "" for v in mv])[mc]
        b_blank = np.array([v == "" for v in bv])[bc]
        field = np.where(~m_blank, 0, np.where(~b_blank, 1, 2))
        raw_code = np.where(field == 0, mc, np.where(field == 1, bc, pc))
        vid = res["vendor_id"].to_numpy()[rows]
        # Spellings of one string ('ACME Ltd', 'acme ltd.') are one line, named by its commonest.
        key_code = np.zeros(len(rows), dtype=np.int64)
        for f, values in enumerate((mv, bv, pv)):
            here = field == f
            if here.any():
                key_code[here] = _spelling_codes(values, raw_code[here])
        group, _ = factorize_rows([field, key_code, vid])
        counts = np.bincount(group)
        raw_group, _ = factorize_rows([field, raw_code])
        order = np.lexsort((-np.bincount(raw_group)[raw_group], group))  # by line, commonest first
        first = order[np.r_[0, np.flatnonzero(np.diff(group[order])) + 1]]
        fields = ("manufacturer", "brand", "model")
        sources = (mv, bv, pv)
        out = pd.DataFrame(
            {
                "raw": [sources[f][c] for f, c in zip(field[first], raw_code[first])],
                "field": [fields[f] for f in field[first]],
                "vendor_id": vid[first],
                "count": counts,
                "match_method": res["match_method"].to_numpy()[rows][first],
                "match_confidence": res["match_confidence"].to_numpy()[rows][first],
                "suggested_vendor_id": res["suggestion"].to_numpy()[rows][first],
                "example_model": [pv[c] for c in pc[first]],
                "note": res["match_note"].to_numpy()[rows][first],
            }
        )
        out = out.sort_values(["count", "raw"], ascending=[False, True], kind="stable")
        return out[list(REVIEW_COLUMNS)].reset_index(drop=True)


def _spelling_codes(values, codes):
    """Per row, a code of the name key of its value (a value with no key keeps its own): only
    the distinct values these rows use are keyed."""
    used, inverse = np.unique(codes, return_inverse=True)
    keys = [name_key(values[c]) or f"\x00{c}" for c in used]
    key_codes, _ = pd.factorize(pd.Series(keys, dtype=object))
    return np.asarray(key_codes, dtype=np.int64)[inverse.reshape(-1)]
