"""vendorrisk:importlists: official list files in (fixtures written by us in each published
layout, see tests/data/lists/make_fixtures.py), a user catalog folder and a change report out,
and an assessment that reflects it."""

import csv
import os
import shutil

import pytest
from conftest import refusal, run_alg
from layers import write_gpkg
from vendor_risk.risk.catalog.freshness import stale_warning
from vendor_risk.risk.catalog.loader import SHIPPED_DIR, load_catalog
from vendor_risk.risk.lists.dates import DateError, parse_date, split_updated
from vendor_risk.risk.lists.entries import ListFileError
from vendor_risk.risk.lists.formats.detect import detect, read_list_file

DATA = os.path.join(os.path.dirname(__file__), "data", "lists")
FIXTURES = sorted(
    f for f in os.listdir(DATA) if os.path.isfile(os.path.join(DATA, f)) and not f.endswith(".py")
)


def rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def user_folder(tmp_path):
    folder = tmp_path / "my_catalog"
    shutil.copytree(os.path.join(DATA, "user_catalog"), folder)
    return folder


@pytest.mark.parametrize(
    "text, day_first, iso",
    [
        ("2019-05-21", False, "2019-05-21"),
        ("2025-03-03T18:00:00+01:00", False, "2025-03-03"),
        ("May 21, 2019", False, "2019-05-21"),
        ("Sept. 5, 2023", False, "2023-09-05"),
        ("21 May 2019", False, "2019-05-21"),
        ("4 avril 2025", True, "2025-04-04"),
        ("05/21/2019", False, "2019-05-21"),
        ("24/02/2025", True, "2025-02-24"),
        ("13-Feb-2026".replace("-", " "), True, "2026-02-13"),
        ("20190521", False, "2019-05-21"),
        ("July 2022", False, "2022-07"),
        ("", False, ""),
    ],
)
def test_dates_in_the_formats_list_files_use(text, day_first, iso):
    assert parse_date(text, day_first) == iso


def test_dates_run_together_and_bad_dates():
    assert split_updated("December 22, 2025Updated: January 7, 2026\nUpdated: March 18, 2026") == (
        "2025-12-22",
        "2026-03-18",
    )
    for bad in ("soon", "31/02/2025", "2025-13-01"):
        with pytest.raises(DateError):
            parse_date(bad, day_first=True)


RV = "REDWOOD VISION TECHNOLOGY CO., LTD"
# file -> (format, {(list_id, name): (date_added, date_removed)}, category rows)
EXPECTED = {
    "csl.json": (
        "csl_json",
        {
            ("us_bis_entity", "Dawning Information Industry Co., Ltd."): ("2019-06-24", ""),
            ("us_bis_meu", "Bluefin Drones Inc."): ("2020-12-23", "2024-05-02"),
        },
        0,
    ),
    "csl.csv": ("csl_csv", {("us_bis_entity", "Redwood Vision Technology Co., Ltd."): ("2025-03-25", "")}, 0),
    "fcc_covered.csv": (
        "fcc_covered_csv",
        {
            ("us_fcc_covered", "Huawei Technologies Company"): ("2021-03-12", ""),
            ("us_fcc_covered", "ComNet (USA) LLC"): ("2022-09-20", ""),
            ("us_fcc_covered", "Autel Robotics"): ("2025-12-22", ""),
        },
        2,
    ),
    "fcc_covered.html": (
        "fcc_covered_html",
        {("us_fcc_covered", "Pacific Networks Corp"): ("2022-09-20", "")},
        2,
    ),
    "dod_1260h.csv": (
        "dod_1260h",
        {
            ("us_dod_1260h", "Beijing Megvii Technology Co., Ltd."): ("2024-01-31", "2025-01-07"),
            ("us_dod_1260h", "Quectel Wireless Solutions Co., Ltd."): ("2025-01-07", ""),
        },
        0,
    ),
    "uk_sanctions.xml": ("uk_sanctions_xml", {("uk_sanctions", RV): ("2026-02-24", "")}, 0),
    "uk_sanctions.csv": ("uk_sanctions_csv", {("uk_sanctions", RV): ("2026-02-24", "")}, 0),
    "ofsi_conlist.csv": ("uk_sanctions_csv", {("uk_sanctions", RV): ("2026-02-24", "")}, 0),
    "eu_fsf.xml": ("eu_fsf_xml", {("eu_fsf", "Bluefin Drones Inc."): ("2024-12-16", "")}, 0),
    "eu_fsf.csv": ("eu_fsf_csv", {("eu_fsf", "Bluefin Drones Inc."): ("2024-12-16", "")}, 0),
    "plain_list.csv": ("plain", {("test_removal_order", "Northwind Lighting Ltd"): ("2026-03-01", "")}, 0),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_is_detected_and_read(name):
    path = os.path.join(DATA, name)
    fmt, entries, categories = EXPECTED[name]
    assert detect(path) == fmt
    lf = read_list_file(path)
    got = {(e.list_id, e.name): (e.date_added, e.date_removed) for e in lf.entries if not e.category}
    for key, dates in entries.items():
        assert got.get(key) == dates, (key, got)
    assert sum(e.category for e in lf.entries) == categories
    assert not lf.problems
    assert all(e.source_url.startswith("http") for e in lf.entries)


def test_what_the_files_say_beside_the_names():
    csl = {e.name: e for e in read_list_file(os.path.join(DATA, "csl.json")).entries}
    affiliate = csl["Redwood Cloud Computing Co., Ltd"]  # '... (Huawei).  Affiliated Entity: ...'
    assert affiliate.parent == "Huawei Technologies Co., Ltd." and affiliate.country == "CN"
    assert csl["Dawning Information Industry Co., Ltd."].document == "84 FR 29371"
    h = {e.name: e for e in read_list_file(os.path.join(DATA, "dod_1260h.csv")).entries}
    renamed = h["Redwood Vision Technology Co., Ltd."]
    assert renamed.former_names == ("Redwood Optics Co., Ltd",) and renamed.aliases == ("RVT",)
    assert renamed.date_added == "2024-01-31" and "marked '*'" in renamed.note
    assert h["Beijing Megvii Technology Co., Ltd."].aliases == ("Megvii",)
    uk = read_list_file(os.path.join(DATA, "uk_sanctions.csv"))
    assert uk.file_date == "2026-03-03" and uk.skipped  # the banner line; the individual counted
    ofsi = read_list_file(os.path.join(DATA, "ofsi_conlist.csv"))  # Windows-1252
    assert ofsi.entries[0].aliases == ("RVT SÉCURITÉ",)


def test_import_writes_the_user_catalog_and_the_change_report(tmp_path, module_provider):
    folder = user_folder(tmp_path)
    result = run_alg(
        "vendorrisk:importlists",
        {"INPUT": [os.path.join(DATA, f) for f in FIXTURES], "OUTPUT": str(folder)},
    )
    listings = {(r["vendor_id"], r["list_id"]): r for r in rows(folder / "listings.csv")}
    assert listings[("redwood_vision", "us_bis_entity")]["date_added"] == "2025-03-25"
    assert "84 FR" in listings[("sugon", "us_bis_entity")]["source"]  # the Federal Register citation
    assert listings[("redwood_vision", "uk_sanctions")]["date_added"] == "2026-02-24"
    assert listings[("redwood_vision", "us_dod_1260h")]["date_added"] == "2024-01-31"
    assert listings[("bluefin_drones", "us_bis_meu")]["date_removed"] == "2024-05-02"
    assert listings[("bluefin_drones", "eu_fsf")]["source"].startswith("https://eur-lex.europa.eu/")
    assert listings[("megvii", "us_dod_1260h")]["date_removed"] == "2025-01-07"
    assert listings[("dji", "us_fcc_covered")]["date_added"] == "2025-12-22"  # through s.1709(a)(1)
    assert all(r["as_of"] and r["source"] for r in listings.values())
    vendors = {r["vendor_id"]: r for r in rows(folder / "vendors.csv")}
    assert vendors["redwood_vision"]["note"] == "fictional vendor for tests"  # the user's row kept
    assert vendors["redwood_cloud_computing"]["parent_id"] == "huawei"  # 'Affiliated Entity'
    assert vendors["comnet_usa"]["parent_id"] == "pacific_networks"  # 'and its subsidiary'
    aliases = {r["alias"]: r["vendor_id"] for r in rows(folder / "aliases.csv")}
    assert (
        aliases["Redwood Optics Co., Ltd"] == "redwood_vision" and aliases["Bluefin UAV"] == "bluefin_drones"
    )
    changes = rows(folder / "import_changes.csv")
    kinds = {(c["change"], c["list_id"], c["vendor_id"]) for c in changes}
    assert ("added", "us_bis_entity", "sugon") in kinds
    assert ("renamed", "us_dod_1260h", "redwood_vision") in kinds
    assert ("re-parented", "us_fcc_covered", "comnet_usa") in kinds
    assert ("list added", "eu_fsf", "") in kinds
    assert ("not in the file", "us_fcc_covered", "hytera") in kinds  # not in our small table
    assert sum(c["change"] == "category" for c in changes) == 2  # UAS and routers, not vendors
    review = rows(folder / "import_review.csv")
    assert {r["entry"] for r in review} >= {"Ningbo Example Drone Technology Co., Ltd."}
    assert "Northwind Shipping Agency" not in {r["entry"] for r in review}  # not city technology
    assert result["REVIEW"] == len(review) and result["CHANGES"] == len(changes)
    catalog = load_catalog(str(folder))  # the folder loads as a catalog
    assert catalog.lists_file_date == "2026-11-28"  # the CSL JSON's sources_used date
    assert set(catalog.lists["list_id"]) >= {"uk_sanctions", "eu_fsf", "us_bis_meu", "test_removal_order"}


def test_a_new_import_replaces_the_earlier_one_and_keeps_the_users_rows(tmp_path, module_provider):
    folder = user_folder(tmp_path)
    with open(folder / "listings.csv", "w", encoding="utf-8") as fh:
        fh.write(
            "vendor_id,list_id,date_added,date_removed,scope_classes,scope_note,source,as_of\n"
            "bluefin_drones,us_ndaa_889,2020-01-01,,,written by hand,https://example.org/mine,2026-12-01\n"
        )
    plain = tmp_path / "order.csv"
    shutil.copy(os.path.join(DATA, "plain_list.csv"), plain)
    run_alg("vendorrisk:importlists", {"INPUT": [str(plain)], "OUTPUT": str(folder)})
    text = plain.read_text(encoding="utf-8").replace(
        "Order 2026-1,https://example.org/order-2026-1,fictional",
        "Order 2026-1,https://example.org/order-2026-1,again",
    )
    text = text.replace("US,1 March 2026,", "US,1 March 2026,")
    lines = text.splitlines()
    header = lines[0].split(",")
    rows_ = list(csv.reader(lines[1:]))
    header.insert(header.index("DATE_ADDED") + 1, "DATE_REMOVED")
    for r in rows_:
        r.insert(header.index("DATE_REMOVED"), "2026-11-30" if "Bluefin" in r[5] else "")
    with open(plain, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header] + rows_)
    run_alg("vendorrisk:importlists", {"INPUT": [str(plain)], "OUTPUT": str(folder)})
    listings = {(r["vendor_id"], r["list_id"]): r for r in rows(folder / "listings.csv")}
    assert listings[("bluefin_drones", "test_removal_order")]["date_removed"] == "2026-11-30"
    assert listings[("bluefin_drones", "us_ndaa_889")]["scope_note"] == "written by hand"
    assert len([k for k in listings if k[1] == "test_removal_order"]) == 1
    changes = rows(folder / "import_changes.csv")
    assert ("removed", "bluefin_drones") in {(c["change"], c["vendor_id"]) for c in changes}


CITY = [
    {"camera_id": "C1", "fabricant": "Bluefin Drones", "modele": "BF-1", "type": "camera", "cout": 900.0},
    {"camera_id": "C2", "fabricant": "Axis", "modele": "P3265-LVE", "type": "camera", "cout": 1100.0},
]


def sanction_levels(gpkg):
    from osgeo import ogr

    ds = ogr.Open(str(gpkg))
    layer = next(
        ds.GetLayer(i) for i in range(ds.GetLayerCount()) if ds.GetLayer(i).GetName().startswith("risk_")
    )
    return {
        f.GetField("asset_id"): (f.GetField("sanction_level"), f.GetField("reasons") or "") for f in layer
    }


def test_the_assessment_reflects_the_imported_lists(tmp_path, module_provider):
    folder = user_folder(tmp_path)
    src = write_gpkg(tmp_path / "city.gpkg", "cameras", CITY, ["POINT (700000 6600000)"] * 2)
    before = tmp_path / "before.gpkg"
    run_alg("vendorrisk:assessrisk", {"INPUT": [src], "JURISDICTION": "FR", "CATALOG": str(folder),
                                      "SCENARIOS": "status_quo", "OUTPUT": str(before)})  # fmt: skip
    assert sanction_levels(before)["C1"][0] == 0
    run_alg(
        "vendorrisk:importlists", {"INPUT": [os.path.join(DATA, "plain_list.csv")], "OUTPUT": str(folder)}
    )
    after = tmp_path / "after.gpkg"
    run_alg("vendorrisk:assessrisk", {"INPUT": [src], "JURISDICTION": "FR", "CATALOG": str(folder),
                                      "SCENARIOS": "status_quo", "OUTPUT": str(after)})  # fmt: skip
    levels = sanction_levels(after)
    assert levels["C1"][0] == 3 and "Test removal order" in levels["C1"][1]
    assert levels["C2"][0] == 0


def test_a_catalog_older_than_an_imported_file_is_said_to_be():
    info = {"catalog_as_of": "2026-11-25", "catalog_age_days": "9", "lists_file_date": "2026-11-28"}
    assert "older than the list files imported" in stale_warning(info, "en")
    assert "avant les listes importées" in stale_warning(info, "fr")
    assert stale_warning({**info, "lists_file_date": "2026-11-01"}, "en") == ""


def test_refusals_write_nothing(tmp_path, module_provider):
    good = os.path.join(DATA, "plain_list.csv")
    msg = refusal("vendorrisk:importlists", {"INPUT": [good], "OUTPUT": SHIPPED_DIR})
    assert "shipped catalog" in msg
    folder = user_folder(tmp_path)
    before = sorted(os.listdir(folder)), (folder / "vendors.csv").read_bytes()
    inside = folder / "listings.csv"
    shutil.copy(good, inside)
    msg = refusal("vendorrisk:importlists", {"INPUT": [str(inside)], "OUTPUT": str(folder)})
    assert "a file the import writes" in msg
    inside.unlink()
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        "<Designations><Designation><UniqueID>&lol2;</UniqueID></Designation></Designations>",
        encoding="utf-8",
    )
    assert "refused" in refusal("vendorrisk:importlists", {"INPUT": [good, str(bomb)], "OUTPUT": str(folder)})
    junk = tmp_path / "notes.csv"
    junk.write_text("a,b\n1,2\n", encoding="utf-8")
    assert "notes.csv: not a list format" in refusal(
        "vendorrisk:importlists", {"INPUT": [str(junk)], "OUTPUT": str(folder)}
    )
    nan = tmp_path / "csl.json"
    nan.write_text('{"results": [{"name": "X", "start_date": NaN}]}', encoding="utf-8")
    assert "csl.json" in refusal("vendorrisk:importlists", {"INPUT": [str(nan)], "OUTPUT": str(folder)})
    assert (sorted(os.listdir(folder)), (folder / "vendors.csv").read_bytes()) == before
    assert not [f for f in os.listdir(tmp_path) if ".vrtmp-" in f]  # no temporary folder left


def test_bad_rows_are_named_and_the_rest_imported(tmp_path, module_provider):
    plain = tmp_path / "ban.csv"
    plain.write_text(
        "list_id,list_name,jurisdiction,level,name,date_added,source_url\n"
        "us_state_ban,Test state ban,US,2,Hangzhou Hikvision Digital Technology Co. Ltd,2023-03-01,https://example.org/ban\n"
        "us_state_ban,,,,Zhejiang Dahua Technology,soon,https://example.org/ban\n",
        encoding="utf-8",
    )
    folder = tmp_path / "out"
    run_alg("vendorrisk:importlists", {"INPUT": [str(plain)], "OUTPUT": str(folder)})
    listings = {(r["vendor_id"], r["list_id"]) for r in rows(folder / "listings.csv")}
    assert ("hikvision", "us_state_ban") in listings and ("dahua", "us_state_ban") not in listings
    with pytest.raises(ListFileError):
        read_list_file(str(tmp_path / "missing.csv"))


def test_hostile_names_reach_the_reports_as_text(tmp_path, module_provider):
    plain = tmp_path / "ban.csv"
    plain.write_text(
        "list_id,list_name,jurisdiction,level,name,date_added,source_url\n"
        'us_state_ban,Test ban,US,2,"=HYPERLINK(""http://x"",""Smart Camera Co"")",2023-03-01,https://example.org/b\n'
        "us_state_ban,,,,Vision\u200bTech\x07 Cameras Ltd,2023-03-01,https://example.org/b\n",
        encoding="utf-8",
    )
    folder = tmp_path / "out"
    run_alg("vendorrisk:importlists", {"INPUT": [str(plain)], "OUTPUT": str(folder)})
    review = {r["entry"] for r in rows(folder / "import_review.csv")}
    assert '\'=HYPERLINK("http://x","Smart Camera Co")' in review  # quoted: not a formula
    assert "VisionTech Cameras Ltd" in review  # invisible and control characters removed
    load_catalog(str(folder))  # and the folder still loads


def test_fcc_subsidiary_columns_and_1260h_returns(tmp_path):
    fcc = tmp_path / "covered.csv"
    fcc.write_text(
        "Covered Equipment or Services*,Date of Inclusion on Covered List,Subsidiaries and affiliates\n"
        '"Telecommunications equipment produced or provided by ZTE Corporation, including services.",'
        '"March 12, 2021","ZTE USA Inc.; ZTE TX Inc."\n',
        encoding="utf-8",
    )
    entries = read_list_file(str(fcc)).entries
    assert [(e.name, e.parent) for e in entries] == [
        ("ZTE Corporation", ""),
        ("ZTE USA Inc.", "ZTE Corporation"),
        ("ZTE TX Inc.", "ZTE Corporation"),
    ]
    editions = tmp_path / "1260h.csv"
    editions.write_text(
        "edition,name\n2021-06-03,Example Optics (EO)\n2022-10-05,Other Co\n2024-01-31,Example Optics (EO)\n",
        encoding="utf-8",
    )
    got = {e.name: e for e in read_list_file(str(editions)).entries}
    back = got["Example Optics"]
    assert (back.date_added, back.date_removed) == ("2024-01-31", "")  # listed again on its return
    assert "earlier on the list 2021-06-03 to 2022-10-05" in back.note
    assert got["Other Co"].date_removed == "2024-01-31"
