#!/usr/bin/env python3
"""Model numbers out of sample: what a blank maker and the model alone resolve to.

    .venv/bin/python bench/model_patterns_oos.py [--cameras PATH] [--list N]

The set (bench/data/cameras_later.csv, see bench/data/README.md) is a later state of the CC0
camera database than the snapshot the patterns were written and checked on
(tests/data/cameras.csv): only the models whose id the snapshot lacks are counted, so nothing
here was used to write a pattern. Each model goes through the engine's own matcher (catalogued
patterns, then a catalogued name at the start of the model string) with no maker and no brand.
Ground truth is the database's brand label, resolved by the same matcher's name rules; a label
the catalog does not know stays its own family. Families follow parent_id to the top and a
`listed` OEM relation to the maker.

Printed: resolution rate (a vendor found), precision (the right family), listed false
positives (a listed family claimed for another family's model: the error that must not
happen), and the share of the listed families' models found. No threshold is asserted: this
measures, it does not tune.
"""

import argparse
import csv
import os
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, ROOT)
LATER = os.path.join(HERE, "data", "cameras_later.csv")
SNAPSHOT = os.path.join(ROOT, "tests", "data", "cameras.csv")


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cameras", default=LATER)
    ap.add_argument("--list", type=int, default=40, help="how many wrong or missed models to list")
    args = ap.parse_args(argv)

    from cli import import_plugin_package

    import_plugin_package()
    from vendor_risk.risk.catalog.loader import load_catalog
    from vendor_risk.risk.tagging.matching import Matcher

    catalog = load_catalog()
    matcher = Matcher(catalog)
    ancestors = catalog.ancestors()
    listed_oem = {
        r.label_vendor_id: r.maker_vendor_id for r in catalog.oem.itertuples() if r.status == "listed"
    }
    listed_vendors = set(catalog.listings["vendor_id"])

    def family(vid):
        chain = ancestors.get(listed_oem.get(vid, vid), (vid,))
        return chain[-1]

    listed_families = {family(v) for v in listed_vendors}

    def truth(label):
        hit = matcher.resolve_name(label)
        return family(hit.vendor_id) if hit.vendor_id else "label:" + label

    seen = {r["id"] for r in read_rows(SNAPSHOT)}
    every = read_rows(args.cameras)
    all_ids = {r["id"] for r in every}
    rows = [r for r in every if r["id"] not in seen]
    total, found, right = Counter(), Counter(), Counter()
    label_total, label_right = Counter(), Counter()
    wrong, listed_fp, missed = [], [], defaultdict(list)
    by_pattern = defaultdict(Counter)
    for r in rows:
        fam = truth(r["brand"])
        total[fam] += 1
        label_total[r["brand"], fam] += 1
        hit = matcher.resolve_model(r["model"])
        if hit is None:
            missed[fam].append(r)
            continue
        pred = family(hit.vendor_id)
        found[fam] += 1
        ok = pred == fam
        right[fam] += ok
        label_right[r["brand"], fam] += ok
        by_pattern[hit.pattern_id]["right" if ok else "wrong"] += 1
        if not ok:
            wrong.append((hit.pattern_id, hit.vendor_id, r["brand"], r["model"]))
            if pred in listed_families:
                listed_fp.append((hit.pattern_id, hit.vendor_id, r["brand"], r["model"]))

    n, n_found, n_right = len(rows), sum(found.values()), sum(right.values())
    listed_total = sum(total[f] for f in listed_families)
    listed_found = sum(right[f] for f in listed_families)
    labels = {r["brand"] for r in rows}

    def pct(a, b):
        return f"{100 * a / b:5.1f} %" if b else "  n/a"

    print(
        f"models added after the snapshot: {n:,} of {n + len(seen & all_ids):,}, {len(labels)} brand labels"
    )
    print(f"resolved by the model alone:     {n_found:,}  {pct(n_found, n)}")
    print(f"precision (right family):        {n_right:,}  {pct(n_right, n_found)}")
    print(f"listed false positives:          {len(listed_fp)}")
    print(
        f"listed families' models found:   {listed_found:,} of {listed_total:,}  "
        f"{pct(listed_found, listed_total)}"
    )
    print("\nfamily                        models  found  right  recall")
    for fam in sorted(total, key=lambda f: (f not in listed_families, -total[f], f)):
        if fam in listed_families or found[fam] or total[fam] >= 40:
            mark = " (listed)" if fam in listed_families else ""
            print(
                f"{(fam + mark)[:28]:28} {total[fam]:7} {found[fam]:6} {right[fam]:6}  "
                f"{pct(right[fam], total[fam])}"
            )
    print("\nbrand labels of listed families    models  right  recall")
    for (label, fam), count in sorted(label_total.items(), key=lambda kv: -kv[1]):
        if fam in listed_families:
            print(
                f"{label[:20]:20} {fam[:12]:12} {count:7} {label_right[label, fam]:6}  "
                f"{pct(label_right[label, fam], count)}"
            )
    print(f"\nlisted false positives ({len(listed_fp)}):")
    for item in sorted(listed_fp)[: args.list]:
        print("  {:22} -> {:14} but label '{}': {}".format(*item))
    print(f"\nother wrong families ({len(wrong) - len(listed_fp)}):")
    for item in sorted(set(wrong) - set(listed_fp))[: args.list]:
        print("  {:22} -> {:14} but label '{}': {}".format(*item))
    for fam in sorted(listed_families):
        if missed[fam]:
            print(f"\nmodels of {fam} not found ({len(missed[fam])}), first {args.list}:")
            for r in missed[fam][: args.list]:
                print(f"  [{r['brand']}] {r['model']}")
    print("\nper pattern: right / wrong")
    for pid, c in sorted(by_pattern.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {pid:28} {c['right']:5} {c['wrong']:4}")


if __name__ == "__main__":
    main()
