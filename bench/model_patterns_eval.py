#!/usr/bin/env python3
"""Measure the precision and recall of resources/catalog/model_patterns.csv.

Standalone (standard library only: csv, re, unicodedata). Run from anywhere:

    python3 bench/model_patterns_eval.py [--fn VENDOR_ID] [--cameras PATH]

Ground truth is the CC0 camera database in tests/data/cameras.csv (brand label + model number,
see tests/data/cameras.README.md). Each database brand label is mapped to the catalogued vendor
that sells it, through vendors.csv (id, name, short name), aliases.csv and brands.csv; a label
the catalog does not know stays its own family ("label:<brand>"). Vendors are then grouped into
families by following parent_id to the top (EZVIZ and HiLook count as Hikvision, which sits under
CETC). An OEM relabeller counts as its own label unless oem.csv says the relation is `listed`
(a `suspected` relation is a claim, not ground truth).

Patterns are applied the way the engine applies them: case-insensitive re.match on the trimmed
model string, the first match winning, patterns ordered by confidence (highest first) then by
regex length (longest first).

Per family (the family of the pattern's vendor_id):
  TP  models of that family that a pattern of that family matched first
  FP  models of another family (or of an unknown label) that a pattern of that family matched
  FN  models of that family that no pattern of that family matched first
A false positive onto a sanctioned vendor is the worst error: the target is precision >= 0.98 for
every family that holds a listed vendor.
"""

import argparse
import csv
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CATALOG = os.path.join(ROOT, "resources", "catalog")
CAMERAS = os.path.join(ROOT, "tests", "data", "cameras.csv")

LEGAL_WORDS = set(
    """co company corp corporation inc incorporated ltd limited llc llp plc pty gmbh ag kg se sa
    sas sasu sarl spa srl bv nv ab as asa oy oyj kk group holding holdings cie et the""".split()
)


def key(text):
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text or ""))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    return " ".join(t for t in re.sub(r"[\W_]+", " ", s).split() if t not in LEGAL_WORDS)


def read(name):
    with open(os.path.join(CATALOG, name), encoding="utf-8-sig", newline="") as fh:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]


def load():
    vendors = {r["vendor_id"]: r for r in read("vendors.csv")}
    names = {}
    for r in vendors.values():
        for text in (r["vendor_id"].replace("_", " "), r["name"], r["short_name"]):
            names.setdefault(key(text), r["vendor_id"])
    for r in read("aliases.csv"):
        names.setdefault(key(r["alias"]), r["vendor_id"])
    for r in read("brands.csv"):
        names.setdefault(key(r["brand"]), r["vendor_id"])
    listed_oem = {
        r["label_vendor_id"]: r["maker_vendor_id"] for r in read("oem.csv") if r["status"] == "listed"
    }
    patterns = read("model_patterns.csv")
    patterns.sort(key=lambda p: (-float(p["confidence"]), -len(p["regex"])))
    for p in patterns:
        p["rx"] = re.compile(p["regex"], re.IGNORECASE)
    return vendors, names, listed_oem, patterns


def top(vid, vendors):
    seen = set()
    while vendors.get(vid, {}).get("parent_id") and vid not in seen:
        seen.add(vid)
        vid = vendors[vid]["parent_id"]
    return vid


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cameras", default=CAMERAS)
    ap.add_argument(
        "--fn",
        action="append",
        default=[],
        help="also list the false negatives of this vendor's family (repeatable)",
    )
    args = ap.parse_args(argv)

    vendors, names, listed_oem, patterns = load()

    def family_of_vendor(vid):
        return top(listed_oem.get(vid, vid), vendors)

    label_vendor = {}

    def family_of_label(label):
        if label not in label_vendor:
            vid = names.get(key(label))
            m = re.match(r"^(.*?)\s*\((.*)\)\s*$", label)
            if vid is None and m:  # "EZVIZ (Hikvision)": the label, else its owner in brackets
                vid = names.get(key(m.group(1))) or names.get(key(m.group(2)))
            label_vendor[label] = vid
        vid = label_vendor[label]
        return family_of_vendor(vid) if vid else "label:" + label

    with open(args.cameras, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))

    fam_members = defaultdict(set)
    for p in patterns:
        fam_members[family_of_vendor(p["vendor_id"])].add(p["vendor_id"])
    pattern_families = set(fam_members)

    tp, fp, fn, total = Counter(), Counter(), Counter(), Counter()
    fps, fns = [], defaultdict(list)
    per_pattern = defaultdict(Counter)
    for row in rows:
        model = (row.get("model") or "").strip()
        truth = family_of_label(row.get("brand") or "")
        total[truth] += 1
        hit = next((p for p in patterns if p["rx"].match(model)), None)
        pred = family_of_vendor(hit["vendor_id"]) if hit else None
        if hit:
            per_pattern[hit["pattern_id"]]["tp" if pred == truth else "fp"] += 1
        if pred is not None and pred == truth:
            tp[pred] += 1
            continue
        if pred is not None:
            fp[pred] += 1
            fps.append((hit["pattern_id"], hit["vendor_id"], row["brand"], model))
        if truth in pattern_families:
            fn[truth] += 1
            fns[truth].append((row["brand"], model, hit["pattern_id"] if hit else ""))

    unknown = sorted({lbl for lbl, v in label_vendor.items() if v is None})
    print(
        f"camera models: {len(rows)}   brand labels: {len(label_vendor)} "
        f"({len(unknown)} not in the catalog: counted as their own family)"
    )
    print(f"patterns: {len(patterns)} for {len(pattern_families)} families\n")
    head = (
        f"{'family (pattern vendors)':44} {'models':>6} {'TP':>5} {'FP':>4} {'FN':>5} "
        f"{'prec':>6} {'recall':>6}"
    )
    print(head)
    print("-" * len(head))

    def ratio(a, b):
        return f"{a / b:.3f}" if b else "  n/a"

    def fam_sort(f):
        return (-total[f], f)

    for fam in sorted(pattern_families, key=fam_sort):
        label = f"{fam} ({';'.join(sorted(fam_members[fam]))})"
        print(
            f"{label[:44]:44} {total[fam]:>6} {tp[fam]:>5} {fp[fam]:>4} {fn[fam]:>5} "
            f"{ratio(tp[fam], tp[fam] + fp[fam]):>6} {ratio(tp[fam], tp[fam] + fn[fam]):>6}"
        )
    n_tp, n_fp, n_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    covered = sum(total[f] for f in pattern_families)
    print("-" * len(head))
    print(
        f"{'overall (families with patterns)':44} {covered:>6} {n_tp:>5} {n_fp:>4} {n_fn:>5} "
        f"{ratio(n_tp, n_tp + n_fp):>6} {ratio(n_tp, n_tp + n_fn):>6}"
    )
    claimed = sum(1 for f in fps if family_of_label(f[2]) not in pattern_families)
    print(
        f"models of families without patterns: {len(rows) - covered}; of those, claimed by a "
        f"pattern (counted in FP above): {claimed}"
    )

    print(f"\nfalse positives ({len(fps)}):")
    for pid, vid, brand, model in sorted(fps):
        print(f"  {pid:28} -> {vid:14} but label '{brand}': {model}")

    print("\nper pattern (first-match hits):")
    for p in patterns:
        c = per_pattern[p["pattern_id"]]
        print(
            f"  {p['pattern_id']:28} {p['vendor_id']:16} conf {p['confidence']:>5}  "
            f"hits {c['tp'] + c['fp']:>4}  TP {c['tp']:>4}  FP {c['fp']:>3}  "
            f"prec {ratio(c['tp'], c['tp'] + c['fp'])}"
        )
        if p["example"] and not p["rx"].match(p["example"]):
            print(f"    WARNING: example '{p['example']}' does not match its own regex")

    for vid in args.fn:
        fam = family_of_vendor(vid)
        print(f"\nfalse negatives of {fam} ({len(fns[fam])}):")
        for brand, model, pid in fns[fam]:
            print(f"  [{brand}] {model}" + (f"   (taken by {pid})" if pid else ""))

    bad = [f for f in pattern_families if tp[f] + fp[f] and tp[f] / (tp[f] + fp[f]) < 0.98]
    if bad:
        print("\nfamilies below 0.98 precision: " + ", ".join(sorted(bad)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
