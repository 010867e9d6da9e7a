"""The shipped catalog loads and is evidence; a user folder extends it; faults are named."""

import os

import pytest
from vendor_risk.risk.catalog.loader import SPECS, CatalogError, load_catalog


def write(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    return path


def test_every_shipped_fact_carries_a_source_and_a_date(catalog):
    for fname, spec in SPECS.items():
        if not spec.sourced:
            continue
        df = catalog.tables[fname]
        assert len(df), fname
        assert (df["source"] != "").all(), fname
        assert (df["as_of"] != "").all(), fname


def test_the_catalog_knows_listed_and_unlisted_vendors(catalog):
    ids = catalog.vendor_ids
    for vid in ("hikvision", "dahua", "huawei", "zte", "axis", "bosch", "nokia", "ericsson"):
        assert vid in ids
    listed = set(catalog.listings["vendor_id"])
    assert {"hikvision", "dahua", "huawei", "zte"} <= listed
    assert "axis" not in listed


def test_user_folder_overrides_and_extends(tmp_path):
    write(
        tmp_path,
        "vendors.csv",
        "vendor_id,name,country,bloc,parent_id,source,as_of\n"
        "axis,Axis Communications AB,SE,west,,test override,2026-01-01\n"
        "acme_cams,Acme Cameras Ltd,GB,west,,test addition,2026-01-01\n",
    )
    write(
        tmp_path,
        "aliases.csv",
        "alias,vendor_id,kind,source,as_of\nACME,acme_cams,short_name,test,2026-01-01\n",
    )
    cat = load_catalog(str(tmp_path))
    vendors = cat.vendors.set_index("vendor_id")
    assert vendors.loc["axis", "source"] == "test override"
    assert vendors.loc["acme_cams", "name"] == "Acme Cameras Ltd"
    assert "hikvision" in vendors.index  # shipped rows stay
    assert (cat.aliases["alias"] == "ACME").any()


@pytest.mark.parametrize(
    "fname, text, row, column, message",
    [
        (
            "vendors.csv",
            "vendor_id,name,country,source,as_of\nx,X,FR,s,2026-01-01\n",
            1,
            "bloc",
            "required column is missing",
        ),
        (
            "vendors.csv",
            "vendor_id,name,country,bloc,source,as_of\nx,X,FR,west,s,2026-13-01\n",
            2,
            "as_of",
            "not a valid date",
        ),
        (
            "vendors.csv",
            "vendor_id,name,country,bloc,source,as_of\nx,X,FR,mars,s,2026-01-01\n",
            2,
            "bloc",
            "not one of",
        ),
        (
            "vendors.csv",
            "vendor_id,name,country,bloc,source,as_of\nBad Id,X,FR,west,s,2026-01-01\n",
            2,
            "vendor_id",
            "not an identifier",
        ),
        (
            "vendors.csv",
            "vendor_id,name,country,bloc,source,as_of\n"
            "x,X,FR,west,s,2026-01-01\ny,Y,FR,west,s,2026-01-01\nx,X2,FR,west,s,2026-01-01\n",
            4,
            "vendor_id",
            "duplicate key",
        ),
        (
            "vendors.csv",
            "vendor_id,name,country,bloc,source,as_of\nx,X,FR,west,,2026-01-01\n",
            2,
            "source",
            "value is required",
        ),
        ("vendors.csv", "vendor_id,name,country,bloc,source,as_of\nx,X,FR,west\n", 2, None, "has 4 cells"),
        (
            "aliases.csv",
            "alias,vendor_id,source,as_of\nFoo,no_such_vendor,s,2026-01-01\n",
            2,
            "vendor_id",
            "'no_such_vendor' is not a vendor_id",
        ),
        (
            "model_patterns.csv",
            "pattern_id,vendor_id,regex,confidence,source,as_of\np1,axis,^(P[0-9,0.9,s,2026-01-01\n",
            2,
            "regex",
            "invalid regular expression",
        ),
        (
            "model_patterns.csv",
            "pattern_id,vendor_id,regex,confidence,source,as_of\np1,axis,^P,1.5,s,2026-01-01\n",
            2,
            "confidence",
            "outside",
        ),
        (
            "lists.csv",
            "list_id,jurisdiction,name,level,source,as_of\nl1,US,L,7,s,2026-01-01\n",
            2,
            "level",
            "not one of",
        ),
        (
            "listings.csv",
            "vendor_id,list_id,date_added,source,as_of\naxis,nope,2020-01-01,s,2026-01-01\n",
            2,
            "list_id",
            "'nope' is not a list_id",
        ),
        ("vendors.csv", "vendor_id,name,country,bloc,colour,source,as_of\n", 1, "colour", "unknown column"),
    ],
)
def test_malformed_user_file_is_rejected_naming_file_row_and_column(
    tmp_path, fname, text, row, column, message
):
    write(tmp_path, fname, text)
    with pytest.raises(CatalogError) as err:
        load_catalog(str(tmp_path))
    e = err.value
    assert os.path.basename(e.path) == fname
    assert e.row == row
    assert e.column == column
    assert message in str(e)
    assert fname in str(e) and (column is None or column in str(e))


def test_parent_cycle_is_rejected(tmp_path):
    write(
        tmp_path,
        "vendors.csv",
        "vendor_id,name,country,bloc,parent_id,source,as_of\n"
        "a1,A,FR,west,b1,s,2026-01-01\nb1,B,FR,west,a1,s,2026-01-01\n",
    )
    with pytest.raises(CatalogError, match="loops back"):
        load_catalog(str(tmp_path))


def test_unknown_file_and_missing_folder_are_named(tmp_path):
    write(tmp_path, "vendor.csv", "x\n")
    with pytest.raises(CatalogError, match="vendor.csv: unknown catalog file"):
        load_catalog(str(tmp_path))
    with pytest.raises(CatalogError, match="does not exist"):
        load_catalog(str(tmp_path / "nope"))


def test_not_utf8_is_named(tmp_path):
    (tmp_path / "aliases.csv").write_bytes(b"alias,vendor_id,source,as_of\n\xff\xfe,axis,s,2026\n")
    with pytest.raises(CatalogError, match="aliases.csv: not UTF-8"):
        load_catalog(str(tmp_path))


def test_an_unknown_country_reads_blank_not_zz(catalog):
    vendors = catalog.vendors.set_index("vendor_id")
    assert vendors.loc["annke", "country"] == ""  # 'ZZ' in vendors.csv: headquarters not verified
    assert not (catalog.vendors["country"] == "ZZ").any()


MACHINE_PATH = r"(?<![\w.])/(?:tmp|home|work|root|Users)/|FACTS\.md|file://|\.zip:|[A-Za-z]:\\"


def test_lists_and_listings_cite_a_primary_url_and_no_file_a_user_lacks(catalog):
    for fname in ("lists.csv", "listings.csv"):
        df = catalog.tables[fname]
        without = df[~df["source"].str.contains(r"https?://")]
        assert without.empty, (fname, without[["source"]].head().to_dict("records"))
        assert (df["as_of"].str.match(r"\d{4}-\d{2}-\d{2}$")).all(), fname
    for fname in SPECS:
        df = catalog.tables[fname]
        for col in [c for c in df.columns if not c.startswith("_")]:
            hits = df[df[col].astype(str).str.contains(MACHINE_PATH)]
            assert hits.empty, (fname, col, hits[col].head().tolist())


def test_the_other_bloc_is_built_in(catalog):
    juris = catalog.jurisdictions.set_index("jurisdiction")
    assert juris.loc["CN", "bloc"] == "china" and juris.loc["CN", "currency"] == "CNY"
    cn_lists = set(catalog.lists.loc[catalog.lists["jurisdiction"] == "CN", "list_id"])
    assert {"cn_mofcom_uel", "cn_mfa_countermeasures", "cn_mofcom_export_control"} <= cn_lists
    listed = catalog.listings[catalog.listings["list_id"].isin(cn_lists)]
    blocs = dict(zip(catalog.vendors["vendor_id"], catalog.vendors["bloc"]))
    assert {blocs[v] for v in listed["vendor_id"]} == {"west"}  # western makers carry that exposure
    rates = set(zip(catalog.exchange_rates["from_currency"], catalog.exchange_rates["to_currency"]))
    assert ("EUR", "CNY") in rates
