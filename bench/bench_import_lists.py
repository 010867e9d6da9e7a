"""Importing a Consolidated Screening List of N entries (default 12,000: the published list
holds over 10,000) in its JSON and CSV layouts, against reading the same file alone.

    .venv/bin/python bench/bench_import_lists.py [N]

The file is synthetic, in the published layout: most entries are invented names spread over the
lists the CSL carries (Entity List, MEU, SDN with individuals and vessels, NS-CMIC, lists the
catalog does not model), a few hundred name catalogued vendors, affiliates ('Affiliated
Entity:') and alternate names. Prints wall and CPU time, peak memory, and the ratio to
json.load / csv.reader of the file. Target: <= 30 s with bounded memory."""

import csv
import json
import os
import random
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

SOURCES = (
    ("Entity List (EL) - Bureau of Industry and Security", 0.45),
    ("Military End User (MEU) List - Bureau of Industry and Security", 0.05),
    ("Specially Designated Nationals (SDN) - Treasury Department", 0.35),
    ("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department", 0.03),
    ("Denied Persons List (DPL) - Bureau of Industry and Security", 0.07),
    ("Unverified List (UVL) - Bureau of Industry and Security", 0.05),
)
WORDS = (
    "Shenzhen Beijing Ningbo Harbin Tianjin Moscow Tehran Dalian Golden Eastern Northern Star Ocean "
    "Bright Pioneer Unity Grand Silk Harmony Apex Summit Lotus Crane Jade Phoenix Delta Orion"
).split()
TRADES = (
    "Technology Electronics Trading Logistics Shipping Import Export Machinery Optics Vision Aviation "
    "Materials Chemical Precision Instruments Microelectronics Semiconductor Drone Communications"
).split()


def synthetic(n, catalog_names, seed=7):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        source = rnd.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])[0]
        kind = None
        if "SDN" in source and "Non-SDN" not in source:
            kind = rnd.choice(["Individual", "Individual", "Entity", "Vessel"])
        if i % 40 == 0 and catalog_names:
            name = rnd.choice(catalog_names)
        else:
            name = f"{rnd.choice(WORDS)} {rnd.choice(WORDS)} {rnd.choice(TRADES)} Co., Ltd. {i}"
        if i % 97 == 0 and catalog_names:
            affiliate = f"{rnd.choice(WORDS)} {rnd.choice(TRADES)} Co. {i}"
            name = f"{rnd.choice(catalog_names)} (X).  Affiliated Entity: {affiliate}"
        out.append(
            {
                "id": str(i),
                "source": source,
                "type": kind,
                "name": name,
                "alt_names": [f"{rnd.choice(WORDS)} {rnd.choice(TRADES)} {i}"] if i % 3 == 0 else None,
                "addresses": [
                    {
                        "address": f"{i} Road",
                        "city": "Shenzhen",
                        "state": None,
                        "postal_code": "518000",
                        "country": rnd.choice(["CN", "CN", "RU", "IR", "HK", "AE"]),
                    }
                ],
                "federal_register_notice": f"{84 + i % 7} FR {1000 + i}",
                "start_date": f"{2019 + i % 7}-{1 + i % 12:02d}-{1 + i % 27:02d}",
                "end_date": None,
                "remarks": "",
                "source_list_url": "https://www.trade.gov/consolidated-screening-list",
            }
        )
    return out


def write_files(entries, folder):
    jpath = os.path.join(folder, "consolidated.json")
    with open(jpath, "w", encoding="utf-8") as fh:
        json.dump({"results": entries, "total": len(entries), "offset": 0, "sources_used": []}, fh)
    cpath = os.path.join(folder, "consolidated.csv")
    cols = "_id source entity_number type programs name title addresses federal_register_notice start_date"
    cols = (cols + " end_date remarks source_list_url alt_names").split()
    with open(cpath, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, cols, extrasaction="ignore")
        w.writeheader()
        for e in entries:
            addr = "; ".join(", ".join(str(v) for v in a.values() if v) for a in e["addresses"])
            plain = {k: v for k, v in e.items() if not isinstance(v, list) and v is not None}
            w.writerow(
                {**plain, "_id": e["id"], "addresses": addr, "alt_names": "; ".join(e["alt_names"] or [])}
            )
    return jpath, cpath


def timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    value = fn()
    return time.perf_counter() - t0, time.process_time() - c0, value


def main(n):
    from cli import import_plugin_package

    import_plugin_package()
    from peak import peak_rss_mb
    from vendor_risk.risk.catalog.loader import load_catalog
    from vendor_risk.risk.lists.run import import_lists

    catalog = load_catalog()
    names = list(catalog.vendors["name"])
    work = tempfile.mkdtemp(prefix="vr-bench-lists-")
    try:
        jpath, cpath = write_files(synthetic(n, names), work)
        sizes = [os.path.getsize(p) / 1e6 for p in (jpath, cpath)]
        print(f"{n:,} entries: JSON {sizes[0]:.1f} MB, CSV {sizes[1]:.1f} MB")
        base_mb = peak_rss_mb()
        for label, path, baseline in (
            ("json", jpath, lambda p: json.load(open(p, encoding="utf-8"))),
            ("csv", cpath, lambda p: list(csv.reader(open(p, encoding="utf-8", newline="")))),
        ):
            wall_b, _cpu_b, _ = timed(lambda p=path, b=baseline: b(p))
            out = os.path.join(work, f"catalog_{label}")
            wall, cpu, (plan, _cat) = timed(lambda p=path, o=out: import_lists([p], o))
            print(
                f"  {label}: import {wall:6.2f} s (cpu {cpu:5.2f} s); read alone {wall_b:5.2f} s; "
                f"ratio {wall / wall_b:5.1f}; {plan.counts['entries']:,} entries kept, "
                f"{plan.counts['listed']:,} on catalogued vendors, {plan.counts['review']:,} for review"
            )
        print(f"  peak memory {peak_rss_mb():.0f} MB (before the imports {base_mb:.0f} MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12_000)
