"""vendorrisk:compareoffers on the sample tender (resources/procurement/sample_tender.csv): the
figures of the README's worked example, checked by hand, then the outputs in both languages and
the errors a committee's file can hold."""

import os
import re
import shutil
import subprocess
from datetime import date

import openpyxl
import pytest
from conftest import refusal, run_alg
from vendor_risk.plugin_paths import PLUGIN_DIR
from vendor_risk.risk.assessment.scenarios import load_profile, load_scenarios
from vendor_risk.risk.catalog.loader import load_catalog
from vendor_risk.risk.procurement.compare import compare_offers
from vendor_risk.risk.procurement.offers import OfferError, read_offers

TENDER = os.path.join(PLUGIN_DIR, "resources", "procurement", "sample_tender.csv")


@pytest.fixture(scope="module")
def city(tmp_path_factory, module_provider):
    folder = tmp_path_factory.mktemp("tender")
    sample = folder / "city.gpkg"
    shutil.copy(os.path.join(PLUGIN_DIR, "resources", "sample", "sample_city.gpkg"), sample)
    out = folder / "risk.gpkg"
    layers = [f"{sample}|layername={n}" for n in ("cameras", "platforms")]
    run_alg("vendorrisk:assessrisk", {"INPUT": layers, "JURISDICTION": "FR", "OUTPUT": str(out)})
    return folder, out


@pytest.fixture(scope="module")
def result(city):
    from vendor_risk.provider.compare_offers import installed_assets

    installed, _info = installed_assets(str(city[1]))
    offers = read_offers(TENDER)
    return compare_offers(
        offers,
        load_catalog(),
        load_scenarios(),
        load_profile(),
        "FR",
        date(2026, 12, 4),
        "en",
        None,
        installed,
    )


def scenario(result, offer, sid):
    t = result.by_scenario
    return t[(t["offer_id"] == offer) & (t["scenario_id"] == sid)].iloc[0]


def test_the_worked_example_by_hand(result):
    # Offer B: 300 Hikvision cameras at 420 and a HikCentral VMS at 60,000, installed 2026.
    b = scenario(result, "B", "rip_and_replace")  # multiplier 1.3; forced out in 2027
    assert b["purchase"] == pytest.approx(300 * 420 + 60000)  # 186,000
    cameras = 300 * 420 * (1 + 1.0) * 1.3  # install factor of cameras 1.0
    vms = 60000 * (1 + 0.5) * 1.3  # install factor of a VMS 0.5
    assert b["replacement"] == pytest.approx(cameras + vms)  # 444,600
    stranded = 300 * 420 * (8 - 1) / 8 + 60000 * (10 - 1) / 10  # service lives 8 and 10 years
    assert b["stranded"] == pytest.approx(stranded)  # 164,250
    expected = sum(
        scenario(result, "B", s)["weight"] * scenario(result, "B", s)["total"]
        for s in ("status_quo", "targeted_sanctions", "component_embargo", "rip_and_replace", "bifurcation")
    )
    offers = result.offers.set_index("offer_id")
    assert offers.loc["B", "expected_cost"] == pytest.approx(expected) == pytest.approx(196393.5)
    assert offers.loc["B", "tco"] == pytest.approx(186000 + 196393.5)
    assert offers.loc["B", "lockin_ratio"] == pytest.approx(196393.5 / 186000)
    assert offers.loc["B", "level_at_signature"] == 1  # US lists: 'listed elsewhere' for a French city
    # Offer C: Hanwha cameras wired to the city's Huawei VMS (PLT-02) by its SDK: re-integrated
    # when the VMS is forced out (re-integration factor 0.25).
    c = scenario(result, "C", "rip_and_replace")
    assert c["reintegration"] == pytest.approx(300 * 700 * 0.25 * 1.3)  # 68,250
    assert offers.loc["A", "expected_cost"] == 0  # Axis on Genetec, ONVIF: nothing forced
    assert list(result.offers["offer_id"]) == ["C", "B", "A"]  # by risk-adjusted TCO
    assert (result.offers["p90"] >= result.offers["p50"]).all()
    assert "removal by 2027-12-31" in offers.loc["B", "reasons"]


@pytest.mark.parametrize(
    "lang, sheet, words",
    [
        ("en", "Comparison", "Lowest risk-adjusted total cost: offer C"),
        ("fr", "Comparaison", "Coût complet ajusté du risque le plus bas : offre C"),
    ],
)
def test_the_workbook_and_the_page_for_the_committee(city, tmp_path, lang, sheet, words):
    folder, gpkg = city
    out = run_alg(
        "vendorrisk:compareoffers",
        {
            "INPUT": TENDER,
            "ASSESSMENT": str(gpkg),
            "SIGNATURE_DATE": "2026-12-04",
            "LANGUAGE": lang,
            "OUTPUT_XLSX": str(tmp_path / "o.xlsx"),
            "OUTPUT_PDF": str(tmp_path / "o.pdf"),
        },
    )
    assert out["BEST_OFFER"] == "C" and out["RESULT"].startswith(words)
    book = openpyxl.load_workbook(out["OUTPUT_XLSX"])
    assert (
        book.sheetnames[0] == sheet and len(book.sheetnames) == 6
    )  # comparison, scenarios, 3 offers, assumptions
    assert book[sheet]._charts
    text = " ".join(
        str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None
    )
    assert " nan " not in f" {text.lower()} " and "None" not in text.split()
    page = subprocess.run(
        ["pdftotext", "-layout", out["OUTPUT_PDF"], "-"], capture_output=True, text=True
    ).stdout
    assert words.split(":")[0] in " ".join(page.split())
    info = subprocess.run(["pdfinfo", out["OUTPUT_PDF"]], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info


def test_a_committees_file_errors_are_named(tmp_path):
    bad = tmp_path / "offers.csv"
    bad.write_text(
        "offre,soumissionnaire,fabricant,quantite,prix_unitaire\nA,X,Axis,300,\n", encoding="utf-8"
    )
    with pytest.raises(OfferError, match=r"offers.csv, row 2, column 'unit_price': a value is required"):
        read_offers(str(bad))
    bad.write_text(
        "offre,soumissionnaire,fabricant,quantite,prix_unitaire\nA,X,Axis,trois cents,900\n", encoding="utf-8"
    )
    with pytest.raises(OfferError, match=r"row 2, column 'quantity': 'trois cents' is not a number"):
        read_offers(str(bad))
    bad.write_text(
        "Tender 2026-14\n\n"
        'Offre,Soumissionnaire,Fabricant,Quantité,Prix unitaire\nA,X,Axis,"1 200","899,50"\n',
        encoding="utf-8",
    )
    offers = read_offers(str(bad))  # a title above the header, French names, French numbers
    assert offers.loc[0, "quantity"] == 1200 and offers.loc[0, "unit_price"] == pytest.approx(899.5)
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(OfferError, match="no header row with the columns offer_id, bidder, vendor"):
        read_offers(str(bad))


def test_the_algorithm_refuses_a_bad_file_and_writes_nothing(tmp_path, module_provider):
    bad = tmp_path / "offers.csv"
    bad.write_text("offer_id,bidder,vendor,quantity,unit_price\nA,X,Axis,-3,100\n", encoding="utf-8")
    msg = refusal("vendorrisk:compareoffers", {"INPUT": str(bad), "OUTPUT_XLSX": str(tmp_path / "o.xlsx")})
    assert "column 'quantity'" in msg and not (tmp_path / "o.xlsx").exists()


CASES = os.path.join(os.path.dirname(__file__), "data", "offer_cases", "cases.json")


@pytest.mark.parametrize(
    "case", __import__("json").load(open(CASES, encoding="utf-8"))["cases"], ids=lambda c: c["name"]
)
def test_offers_checked_by_hand(case):
    import pandas as pd

    rows = pd.DataFrame(case["offers"])
    for col, default in (
        ("line_id", ""),
        ("brand", ""),
        ("model", ""),
        ("standards", ""),
        ("connects_to", ""),
    ):
        rows[col] = rows[col].fillna(default).astype(str) if col in rows else default
    for col in ("service_life", "support_years"):
        rows[col] = pd.to_numeric(rows[col], errors="coerce") if col in rows else float("nan")
    rows["_row"] = range(2, len(rows) + 2)
    result = compare_offers(rows, load_catalog(), load_scenarios(), load_profile(), "FR", date(2026, 12, 4))
    offers = result.offers.set_index("offer_id")
    for offer, want in case["expected"].items():
        for key, value in want.items():
            if isinstance(value, dict):
                got = scenario(result, offer, key)
                for k, v in value.items():
                    assert got[k] == pytest.approx(v), (offer, key, k)
            else:
                assert offers.loc[offer, key] == pytest.approx(value), (offer, key)
