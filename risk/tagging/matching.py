"""Resolve raw manufacturer, brand and model strings to a catalogued vendor, saying how."""

import difflib
import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..columns import categorical, factorize_rows, text_codes
from ..safety.text import unneutralise
from .messy import MARKETING_WORDS, is_placeholder, maker_parts, wikidata_ids, without_marketing
from .normalize import has_cjk, name_key, osa_distance

# Confidence given to each way of recognising a name (a model pattern carries its own).
CONFIDENCE = {
    "manual": 1.0,
    "wikidata": 1.0,
    "exact": 1.0,
    "alias": 0.98,
    "brand": 0.95,
    "contained": 0.9,
    "marketing": 0.9,
}
STRONG = ("manual", "wikidata", "exact", "alias", "brand")
# How many catalogued names, those sharing most letter trigrams, a fuzzy match compares with.
FUZZY_CANDIDATES = 12
# Model patterns below this confidence only suggest a vendor (for review), never assign one.
SUGGEST_BELOW = 0.85
# Outcomes that name no vendor on purpose: not review noise.
NAMES_NO_MAKER = ("not_given", "not_maker")


@dataclass(frozen=True)
class NameMatch:
    vendor_id: str
    method: str
    confidence: float
    note: str = ""
    suggestion: str = ""
    makers: tuple = ()  # every vendor a value naming several makers resolves to


@dataclass(frozen=True)
class ModelMatch:
    vendor_id: str
    confidence: float
    pattern_id: str
    asset_class: str
    note: str = ""  # how the model says it, when not by a catalogued pattern


NO_NAME = NameMatch("", "unknown", 0.0)

RESULT_COLUMNS = (
    "vendor_id",
    "match_method",
    "match_confidence",
    "needs_review",
    "oem_maker_id",
    "oem_status",
    "model_class",
    "match_note",
    "suggestion",
    "vendor_ids",
)


def read_corrections(path):
    """Read a corrections table (CSV: raw, vendor_id) into {raw string: vendor_id}."""
    import csv

    out = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        cols = [c.strip().lower() for c in (reader.fieldnames or [])]
        if "raw" not in cols or "vendor_id" not in cols:
            raise ValueError(f"{path}: corrections need the columns 'raw' and 'vendor_id'")
        for lineno, row in enumerate(reader, start=2):
            row = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
            raw = unneutralise(row["raw"])  # as tagassets wrote it into the review file
            if raw:
                out[raw] = (row["vendor_id"], lineno)
    return out


class Matcher:
    """Built once per catalog; caches every distinct string it has resolved."""

    def __init__(
        self,
        catalog,
        corrections=None,
        fuzzy_accept=0.90,
        fuzzy_review=0.75,
        fuzzy_min_length=5,
        review_below=0.95,
    ):
        self.catalog = catalog
        self.fuzzy_accept = fuzzy_accept
        self.fuzzy_review = fuzzy_review
        self.fuzzy_min_length = fuzzy_min_length
        self.review_below = review_below
        vendors = catalog.vendors
        self.names = {
            v: (short or name)
            for v, name, short in zip(vendors["vendor_id"], vendors["name"], vendors["short_name"])
        }
        self._ancestors = catalog.ancestors()
        self._families = {}
        self._oem = {}
        for rec in catalog.oem.sort_values("status").itertuples():  # 'listed' before 'suspected'
            self._oem.setdefault(rec.label_vendor_id, []).append(rec)
        self._keys = {}
        self._ambiguous = set()
        for vid, name, short in zip(vendors["vendor_id"], vendors["name"], vendors["short_name"]):
            for text in (vid.replace("_", " "), name, short):
                self._add_key(text, vid, "exact")
        for alias, vid in zip(catalog.aliases["alias"], catalog.aliases["vendor_id"]):
            self._add_key(alias, vid, "alias")
        for brand, vid in zip(catalog.brands["brand"], catalog.brands["vendor_id"]):
            self._add_key(brand, vid, "brand")
        self._wikidata = {}
        for table in (vendors, catalog.brands):
            for qid, vid in zip(table["wikidata"], table["vendor_id"]):
                if qid:
                    self._wikidata.setdefault(qid.upper(), vid)
        non_makers = catalog.non_makers
        self._non_makers = {name_key(n): k for n, k in zip(non_makers["name"], non_makers["kind"])}
        self._non_maker_ids = dict(zip(non_makers["wikidata"].str.upper(), non_makers["kind"]))
        self._non_makers = {k: v for k, v in self._non_makers.items() if k and k not in self._keys}
        self._risk = _listing_levels(catalog, self._ancestors)
        self._first_words = self._index_first_words()
        self._cjk = sorted(((k, v) for k, v in self._keys.items() if has_cjk(k)), key=lambda kv: -len(kv[0]))
        self._max_ngram = max((k.count(" ") + 1 for k in self._keys), default=1)
        # what fuzzy matching compares with: the catalogued names, and the first words that name
        # one unlisted family ('motorola'), so that 'Motorolla' is read as a typo of it
        self._fuzzy_names = {k: vid for k, (vid, _) in self._keys.items()}
        for word, vid in self._first_words.items():
            if vid:
                self._fuzzy_names.setdefault(word, vid)
        self._key_list = list(self._fuzzy_names)
        self._trigram_index = {}
        self._letter_counts = {}
        for k in self._key_list:
            for g in _trigrams(k):
                self._trigram_index.setdefault(g, set()).add(k)
        pats = catalog.model_patterns.copy()
        pats["conf_num"] = pats["confidence"].astype(float)
        pats["regex_len"] = pats["regex"].str.len()
        pats = pats.sort_values(["conf_num", "regex_len"], ascending=False, kind="stable")
        self._patterns = [
            (
                re.compile(r.regex, re.IGNORECASE),
                ModelMatch(r.vendor_id, r.conf_num, r.pattern_id, r.asset_class),
            )
            for r in pats.itertuples()
        ]
        self._corrections = {}
        for raw, (vid, lineno) in (corrections or {}).items():
            if vid and vid not in self.names:
                raise ValueError(
                    f"corrections row {lineno}, column 'vendor_id': '{vid}' is not a vendor_id in the catalog"
                )
            self._corrections[name_key(raw)] = vid
            self._corrections[raw.strip().casefold()] = vid
        self._name_cache = {}
        self._model_cache = {}

    def _index_first_words(self):
        """The first word of a catalogued name ('Motorola' of 'Motorola Solutions'), when it is
        long, says nothing else, and starts the names of one vendor family only."""
        out = {}
        for key, (vid, _method) in self._keys.items():
            word = key.split()[0]
            if word == key or len(word) < 5 or word in MARKETING_WORDS or word in self._keys:
                continue
            known = out.get(word)
            if self._risk.get(vid, 0):  # a listed vendor is named in full ('Pacific' is a place)
                out[word] = ""
            elif known is None:
                out[word] = vid
            elif known and known != vid and not self.related(known, vid):
                out[word] = ""  # two families: says nothing
        return out

    def _add_key(self, text, vid, method):
        key = name_key(text)
        if not key:
            return
        known = self._keys.get(key)
        if known is None:
            self._keys[key] = (vid, method)
        elif known[0] != vid and not self.related(known[0], vid):
            self._ambiguous.add(key)
        elif _rank(method) < _rank(known[1]):
            self._keys[key] = (vid, method)

    # -- relations -------------------------------------------------------------------------
    def family(self, vid):
        """The vendor, its parents, its subsidiaries and the makers it relabels for."""
        fam = self._families.get(vid)
        if fam is None:
            fam = self._families[vid] = self._family(vid)
        return fam

    def _family(self, vid):
        fam = set(self._ancestors.get(vid, (vid,)))
        fam |= {v for v, chain in self._ancestors.items() if vid in chain}
        fam |= {rec.maker_vendor_id for rec in self._oem.get(vid, [])}
        return fam

    def related(self, a, b):
        return b in self.family(a) or a in self.family(b)

    # -- single strings --------------------------------------------------------------------
    def named_vendor(self, raw):
        """The vendor a name designates without doubt: a catalogued name, alias or brand given in
        full, naming one vendor family (no containment, no fuzzy match); '' otherwise."""
        key = name_key(raw)
        if not key or key in self._ambiguous:
            return ""
        hit = self._keys.get(key)
        return hit[0] if hit else ""

    def knows_name(self, raw):
        """Whether the catalog holds this name, for one vendor or for several."""
        key = name_key(raw)
        return bool(key) and (key in self._keys or key in self._ambiguous)

    def resolve_name(self, raw):
        """Resolve one manufacturer or brand string (cached)."""
        raw = "" if raw is None else str(raw)
        hit = self._name_cache.get(raw)
        if hit is None:
            hit = self._name_cache[raw] = self._resolve_name(raw)
        return hit

    def _resolve_name(self, raw, split=True):
        key = name_key(raw)
        vid = self._corrections.get(key) or self._corrections.get(raw.strip().casefold()) if key else None
        if vid is not None:
            return NameMatch(vid, "manual", CONFIDENCE["manual"])
        if is_placeholder(raw):
            return NameMatch("", "not_given", 0.0, note=f"'{raw.strip()}' names no maker")
        if not key:
            return NO_NAME
        qids = wikidata_ids(raw)
        if qids:
            return self._by_wikidata(qids, raw)
        if key in self._ambiguous:
            return NameMatch("", "unknown", 0.0, note=f"'{raw}' names several catalogued vendors")
        if key in self._keys:
            vid, method = self._keys[key]
            return NameMatch(vid, method, CONFIDENCE[method])
        if key in self._non_makers:
            return self._not_maker(raw, self._non_makers[key])
        parts = maker_parts(raw) if split else []
        if parts:
            return self._several(parts, raw)
        found = self._contained(key)
        if len(found) == 1:
            vid, method = found.popitem()
            method = "alias" if method == "exact" else method
            return NameMatch(vid, method, CONFIDENCE["contained"], note=f"name found inside '{raw}'")
        if len(found) > 1:
            names = ", ".join(sorted(self.names[v] for v in found))
            return NameMatch("", "unknown", 0.0, note=f"'{raw}' mentions several vendors: {names}")
        head = self._first_words.get(key)
        if head:
            return NameMatch(
                head, "alias", CONFIDENCE["contained"], note=f"'{raw}' starts the name {self.names[head]}"
            )
        bare = without_marketing(key)
        if bare != key and len(bare) >= 4 and bare in self._keys and bare not in self._ambiguous:
            vid = self._keys[bare][0]
            return NameMatch(vid, "alias", CONFIDENCE["marketing"], note=f"'{bare}' found inside '{raw}'")
        return self._fuzzy(key, raw)

    @staticmethod
    def _strongest(nm, nb, outcome, nw):
        """A manual correction of the model, then the Wikidata id, the maker, the brand."""
        if isinstance(outcome, tuple):
            return NameMatch(outcome[1], "manual", 1.0)
        if nw.vendor_id:
            return nw
        for r in (nm, nb):
            if r.method in STRONG and r.vendor_id:
                return r
        return None

    def _disagreements(self, nw, nm, nb):
        return [
            f"the name says {self.names[r.vendor_id]}, its Wikidata id {self.names[nw.vendor_id]}"
            for r in (nm, nb)
            if r.method in STRONG and r.vendor_id and not self.related(r.vendor_id, nw.vendor_id)
        ]

    def _not_maker(self, raw, kind):
        return NameMatch(
            "", "not_maker", 0.0, note=f"'{raw.strip()}' is a {kind.replace('_', ' ')}, not a maker"
        )

    def _by_wikidata(self, qids, raw):
        """Resolve Wikidata ids before any name: one vendor, several (the riskiest), or none."""
        found = [self._wikidata[q] for q in qids if q in self._wikidata]
        if found:
            return self._riskiest(
                [
                    NameMatch(v, "wikidata", CONFIDENCE["wikidata"], note=f"Wikidata {q}")
                    for q, v in zip((q for q in qids if q in self._wikidata), found)
                ],
                raw,
            )
        kinds = [self._non_maker_ids[q] for q in qids if q in self._non_maker_ids]
        if kinds:
            return self._not_maker(raw, kinds[0])
        return NameMatch("", "unknown", 0.0, note=f"Wikidata {', '.join(qids)} is not a catalogued vendor")

    def _several(self, parts, raw):
        """A value naming several makers ('Axis;Hikvision'): each part resolved on its own."""
        hits = [self._resolve_name(p, split=False) for p in parts]
        named = [h for h in hits if h.vendor_id]
        if not named:
            notes = "; ".join(h.note for h in hits if h.note)
            return NameMatch("", "unknown", 0.0, note=notes or f"no part of '{raw}' is a catalogued vendor")
        return self._riskiest(named, raw)

    def _riskiest(self, hits, raw):
        """The hit whose vendor family carries the highest listing level (the first on a tie),
        with every vendor named kept in `makers`."""
        makers = tuple(dict.fromkeys(h.vendor_id for h in hits))
        if len(makers) == 1:
            h = hits[0]
            return NameMatch(h.vendor_id, h.method, h.confidence, h.note, makers=makers)
        best = max(hits, key=lambda h: self._risk.get(h.vendor_id, 0))
        names = ", ".join(self.names[v] for v in makers)
        riskiest = self.names[best.vendor_id]
        note = f"'{raw.strip()}' names several makers ({names}): scored on {riskiest}, the riskiest"
        return NameMatch(best.vendor_id, best.method, best.confidence, note, makers=makers)

    def _names_alone(self, gram):
        """Whether words found inside a longer string name one vendor: a catalogued, unambiguous
        name of several words or of one word of 4+ letters."""
        return gram in self._keys and gram not in self._ambiguous and (" " in gram or len(gram) >= 4)

    def _contained(self, key):
        tokens = key.split()
        found = {}
        for n in range(min(self._max_ngram, len(tokens)), 0, -1):
            for i in range(len(tokens) - n + 1):
                gram = " ".join(tokens[i : i + n])
                if self._names_alone(gram):
                    vid, method = self._keys[gram]
                    if not any(self.related(vid, v) for v in found):
                        found[vid] = method
        if not found and has_cjk(key):
            for k, (vid, method) in self._cjk:
                if k in key and k not in self._ambiguous:
                    found[vid] = method
                    break
        return found

    def _fuzzy(self, key, raw):
        if len(key) < self.fuzzy_min_length:
            return NO_NAME
        tokens = [t for t in key.split() if len(t) >= self.fuzzy_min_length and t != key]
        candidates = self._candidates(key)
        for tok in tokens:
            candidates += self._candidates(tok)
        texts = [(key, 1.0, Counter(key))] + [(t, 0.95, Counter(t)) for t in tokens]
        best, best_score = None, 0.0
        for cand in dict.fromkeys(candidates):  # the most promising first, once each
            if cand in self._ambiguous:
                continue
            letters = self._letters(cand)
            for text, weight, counts in texts:
                if weight < 1.0 and " " in cand:
                    continue
                # no similarity exceeds the share of letters the two strings have in common
                bound = weight * 2 * _common(counts, letters) / (len(text) + len(cand))
                if bound < self.fuzzy_review or bound <= best_score:
                    continue
                score = weight * _similarity(text, cand)
                if score > best_score:
                    best, best_score = cand, score
        if best is None or best_score < self.fuzzy_review:
            return NO_NAME
        vid = self._fuzzy_names[best]
        note = f"'{raw}' resembles '{best}' ({best_score:.2f})"
        if best_score >= self.fuzzy_accept:
            return NameMatch(vid, "fuzzy", round(best_score, 3), note=note)
        return NameMatch("", "unknown", 0.0, note=note + ": check it", suggestion=vid)

    def _letters(self, name):
        counts = self._letter_counts.get(name)
        if counts is None:
            counts = self._letter_counts[name] = Counter(name)
        return counts

    def _candidates(self, text):
        """Catalogued names sharing enough letter trigrams with `text` to possibly be close
        (a similarity of 0.75 cannot happen without them): the only ones worth comparing,
        those sharing most first."""
        grams = _trigrams(text)
        counts = {}
        for g in grams:
            for k in self._trigram_index.get(g, ()):
                counts[k] = counts.get(k, 0) + 1
        need = max(1, len(grams) // 4)
        close = [(2 * c / (len(grams) + len(k) + 2), k) for k, c in counts.items() if c >= need]
        close.sort(reverse=True)  # the names sharing most trigrams: the close ones are among them
        return [k for _, k in close[:FUZZY_CANDIDATES]]

    def resolve_model(self, raw):
        """The vendor a model number reveals, or None (cached)."""
        raw = "" if raw is None else str(raw).strip()
        if raw in self._model_cache:
            return self._model_cache[raw]
        hit = None
        if raw:
            for rx, mm in self._patterns:
                if rx.match(raw):
                    hit = mm
                    break
            else:
                hit = self._maker_in_model(raw)
        self._model_cache[raw] = hit
        return hit

    def _maker_in_model(self, raw):
        """A model string that starts with a catalogued name ('Hikmicro SP60', 'Imou Ranger 2'):
        that name's vendor, when the name is exact, unambiguous and not a short word."""
        tokens = name_key(raw).split()
        for n in range(min(self._max_ngram, len(tokens) - 1), 0, -1):
            head = " ".join(tokens[:n])
            if self._names_alone(head):
                vid = self._keys[head][0]
                note = f"model '{raw}' starts with the name {self.names[vid]}"
                return ModelMatch(vid, CONFIDENCE["contained"], "name_in_model", "", note)
        return None

    # -- one asset -------------------------------------------------------------------------
    def model_outcome(self, model):
        """What a model string says: a manual correction, a pattern match, or nothing."""
        model = "" if model is None else str(model).strip()
        key = model.casefold()
        if key and key in self._corrections:
            return ("manual", self._corrections[key])
        return self.resolve_model(model)

    def resolve_wikidata(self, raw):
        """Resolve a `*:wikidata` field's value: Q-ids only (anything else says nothing)."""
        qids = wikidata_ids(raw)
        return self.resolve_name(";".join(qids)) if qids else NO_NAME

    def match(self, manufacturer, brand, model, wikidata=""):
        """Resolve one asset's strings to a dict with the RESULT_COLUMNS."""
        return self._combine(
            self.resolve_name(manufacturer),
            self.resolve_name(brand),
            self.model_outcome(model),
            self.resolve_wikidata(wikidata),
        )

    def _combine(self, nm, nb, outcome, nw=NO_NAME):
        pm = outcome if isinstance(outcome, ModelMatch) else None
        notes, review, suggestion = [], False, nm.suggestion or nb.suggestion
        chosen = self._strongest(nm, nb, outcome, nw)
        if chosen is nw:
            notes.extend(self._disagreements(nw, nm, nb))
        if chosen is not None and chosen.method != "manual":
            if (
                nm.method in STRONG
                and nb.method in STRONG
                and nm.vendor_id
                and nb.vendor_id
                and not self.related(nm.vendor_id, nb.vendor_id)
            ):
                review = True
                notes.append(
                    f"manufacturer says {self.names[nm.vendor_id]}, brand says {self.names[nb.vendor_id]}"
                )
            if pm is not None and not any(
                self.related(v, pm.vendor_id) for v in chosen.makers or (chosen.vendor_id,)
            ):
                review = True
                notes.append(
                    pm.note or f"model number looks like {self.names[pm.vendor_id]} (pattern {pm.pattern_id})"
                )
        elif chosen is None and pm is not None and pm.confidence < SUGGEST_BELOW:
            # a pattern that cannot tell its maker from others' is a lead, never a verdict
            note = pm.note or f"model number matches pattern {pm.pattern_id}"
            notes.append(f"{note}, which other makers' models also match: check it")
            suggestion = suggestion or pm.vendor_id
        elif chosen is None and pm is not None:
            fuzzy = [r for r in (nm, nb) if r.method == "fuzzy" and r.vendor_id]
            conf = pm.confidence
            if fuzzy and self.related(fuzzy[0].vendor_id, pm.vendor_id):
                conf = max(conf, fuzzy[0].confidence)
            chosen = NameMatch(
                pm.vendor_id,
                "model_pattern",
                conf,
                note=pm.note or f"model number matches pattern {pm.pattern_id}",
            )
            notes.extend(r.note for r in (nm, nb) if r.note)
        elif chosen is None:
            fuzzy = [r for r in (nm, nb) if r.method == "fuzzy" and r.vendor_id]
            if fuzzy:
                chosen = fuzzy[0]
                review = chosen.confidence < self.review_below
        if chosen is None:
            return _unresolved(nw, nm, nb, notes, suggestion)
        if chosen.note and chosen.note not in notes:
            notes.insert(0, chosen.note)
        method, oem_maker, oem_status = chosen.method, "", ""
        relations = self._oem.get(chosen.vendor_id)
        if relations:
            rel = relations[0]
            oem_maker, oem_status = rel.maker_vendor_id, rel.status
            if method != "manual":
                method = "oem"
            notes.append(f"{oem_status} OEM of {self.names[oem_maker]}")
        return {
            "vendor_id": chosen.vendor_id,
            "match_method": method,
            "match_confidence": float(chosen.confidence),
            "needs_review": review,
            "oem_maker_id": oem_maker,
            "oem_status": oem_status,
            "model_class": pm.asset_class if pm is not None else "",
            "match_note": "; ".join(notes),
            "suggestion": "",
            "vendor_ids": ";".join(chosen.makers or (chosen.vendor_id,)),
        }

    # -- whole columns ---------------------------------------------------------------------
    def match_columns(self, manufacturer, brand, model, wikidata=None):
        """Match aligned columns. Names are resolved once per distinct string, model numbers
        once per distinct model, and the verdict once per distinct (maker, brand, what the
        model says): a million rows cost what a few thousand distinct values cost."""
        n = len(manufacturer)
        return self.match_coded([coded_text(c, n) for c in (manufacturer, brand, model, wikidata)])

    def match_coded(self, parts):
        """match_columns on columns already coded: (codes, distinct values) per column, in the
        order manufacturer, brand, model, wikidata (see coded_text)."""
        (mc, mv), (bc, bv), (pc, pv), (wc, wv) = parts
        n = len(mc)
        outcomes = [self.model_outcome(m) for m in pv]
        okeys = [
            (o if isinstance(o, tuple) else ("pattern", o.pattern_id)) if o is not None else ("none", "")
            for o in outcomes
        ]
        ocode, _ = pd.factorize(pd.Series([f"{a}\x1f{b}" for a, b in okeys], dtype=object))
        row_outcome = ocode[pc] if len(ocode) else pc
        first_model = {}
        for i, c in enumerate(ocode):
            first_model.setdefault(c, i)
        combo, first = factorize_rows([mc, bc, row_outcome, wc])
        records = [
            self._combine(
                self.resolve_name(mv[mc[i]]),
                self.resolve_name(bv[bc[i]]),
                outcomes[first_model[row_outcome[i]]],
                self.resolve_wikidata(wv[wc[i]]),
            )
            for i in first
        ]
        out = pd.DataFrame(index=pd.RangeIndex(n))
        for col in RESULT_COLUMNS:
            values = [r[col] for r in records]
            if col == "match_confidence":
                out[col] = np.asarray(values, dtype=float)[combo] if n else np.zeros(0)
            elif col == "needs_review":
                out[col] = np.asarray(values, dtype=bool)[combo] if n else np.zeros(0, bool)
            else:
                out[col] = categorical(combo, values)
        return out


def coded_text(series, n):
    """(codes, distinct values) of a text column; a missing column is n blanks."""
    codes, values = text_codes(series) if series is not None else (None, [""])
    return (codes, values) if codes is not None else (np.zeros(n, dtype=np.int64), [""])


def _unresolved(nw, nm, nb, notes, suggestion):
    """The result for an asset no string resolves: to review, unless every value given says on
    purpose that it names no maker ('Unknown', a shop's name)."""
    notes.extend(r.note for r in (nw, nm, nb) if r.note)
    given = [r for r in (nm, nb) if r is not NO_NAME]
    no_maker = [r for r in given if r.method in NAMES_NO_MAKER]
    quiet = bool(given) and len(no_maker) == len(given) and not suggestion
    return {
        "vendor_id": "",
        "match_method": no_maker[0].method if quiet else "unknown",
        "match_confidence": 0.0,
        "needs_review": not quiet,
        "oem_maker_id": "",
        "oem_status": "",
        "model_class": "",
        "match_note": "; ".join(notes),
        "suggestion": suggestion,
        "vendor_ids": "",
    }


def _listing_levels(catalog, ancestors):
    """vendor_id -> the highest level of any list naming it or a parent (any jurisdiction, any
    date): how risky a maker is when one value names several."""
    levels = dict(zip(catalog.lists["list_id"], catalog.lists["level"].astype(int)))
    own = {}
    for vid, lid in zip(catalog.listings["vendor_id"], catalog.listings["list_id"]):
        own[vid] = max(own.get(vid, 0), levels.get(lid, 0))
    return {v: max((own.get(a, 0) for a in chain), default=0) for v, chain in ancestors.items()}


def _common(a, b):
    """How many letters two strings share, counted with repetition (a Counter each)."""
    return sum(min(n, b[c]) for c, n in a.items() if c in b)


def _trigrams(text):
    padded = f" {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _rank(method):
    return STRONG.index(method) if method in STRONG else len(STRONG)


def _similarity(a, b, floor=0.75):
    """The better of difflib's ratio and an edit-distance similarity (which counts a
    transposition as one edit); the costlier edit distance only when it could matter."""
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    longest = max(len(a), len(b), 1)
    if 1.0 - abs(len(a) - len(b)) / longest <= max(ratio, floor):
        return ratio
    return max(ratio, 1.0 - osa_distance(a, b) / longest)
