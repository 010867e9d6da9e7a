"""Money with its currency: the catalog's EUR defaults converted by its dated rate table, typed
costs in another currency converted or refused, amounts grouped as each language writes them."""

import sqlite3

import pytest
from conftest import refusal, run_alg
from layers import write_gpkg
from qgis.core import QgsProcessingFeedback
from vendor_risk.risk import money
from vendor_risk.risk.catalog.currency import CurrencyError, costs_in, find_rate

ROWS = [
    {"asset_id": "C1", "make": "Hikvision", "model": "DS-2CD2143G2-I", "cost": None},
    {"asset_id": "C2", "make": "Axis", "model": "P3245-V", "cost": "$ 1,000"},
    {"asset_id": "C3", "make": "Axis", "model": "P3245-V", "cost": "1 000 ¥"},
]


def test_amounts_are_grouped_by_language_with_their_currency():
    assert money.money(26107761.4, "EUR", "en") == "26,107,761\u00a0EUR"
    assert money.money(26107761.4, "EUR", "fr") == "26\u202f107\u202f761\u00a0EUR"
    assert money.money(float("nan"), "EUR") == "" and money.money(None, "USD") == ""
    assert money.short_money(26_107_761, "USD", "fr") == "26,1\u00a0M\u00a0USD"
    assert money.excel_format("GBP") == '#,##0 "GBP";-#,##0 "GBP"'


def test_rates_direct_inverse_and_through_a_common_currency(catalog):
    assert find_rate(catalog, "EUR", "USD").rate == pytest.approx(1.10)
    assert find_rate(catalog, "USD", "EUR").rate == pytest.approx(1 / 1.10)
    assert find_rate(catalog, "USD", "GBP").rate == pytest.approx(0.85 / 1.10)
    assert find_rate(catalog, "EUR", "CNY").rate == pytest.approx(8.20)  # the CN jurisdiction's
    assert find_rate(catalog, "EUR", "JPY") is None
    usd, used = costs_in(catalog, "USD")
    eur = catalog.asset_classes.set_index("class_id")["unit_cost"].astype(float)
    got = usd.asset_classes.set_index("class_id")["unit_cost"].astype(float)
    assert (got / eur).round(6).eq(1.1).all() and usd.currency == "USD" and len(used) == 1
    with pytest.raises(CurrencyError, match="no exchange rate from EUR .* to JPY: add a row EUR,JPY"):
        costs_in(catalog, "JPY")


@pytest.fixture()
def cams(tmp_path):
    return write_gpkg(tmp_path / "in.gpkg", "cameras", ROWS, ["POINT (1 1)"] * 3)


def costs(path):
    con = sqlite3.connect(path)
    try:
        rows = con.execute(
            "SELECT asset_id, purchase_value FROM risk_status_quo ORDER BY asset_id"
        ).fetchall()
        info = dict(con.execute("SELECT key, value FROM run_info"))
    finally:
        con.close()
    return dict(rows), info


def test_a_us_run_is_in_dollars_and_converts_typed_costs(cams, tmp_path, provider):
    eur, usd = tmp_path / "eur.gpkg", tmp_path / "usd.gpkg"
    base = {"INPUT": [cams], "SCENARIOS": "status_quo"}
    run_alg("vendorrisk:assessrisk", {**base, "JURISDICTION": "FR", "OUTPUT": str(eur)})
    feedback = QgsProcessingFeedback()
    out = run_alg("vendorrisk:assessrisk", {**base, "JURISDICTION": "US", "OUTPUT": str(usd)}, feedback)
    assert out["CURRENCY"] == "USD"
    in_eur, info_eur = costs(eur)
    in_usd, info_usd = costs(usd)
    assert info_eur["currency"] == "EUR" and info_usd["currency"] == "USD"
    assert "1 EUR = 1.1 USD" in info_usd["exchange_rates"]
    assert in_usd["C1"] == pytest.approx(in_eur["C1"] * 1.1)  # the class default, converted
    assert in_usd["C2"] == pytest.approx(1000.0)  # typed in dollars: as typed
    assert in_eur["C2"] == pytest.approx(1000.0 / 1.1)  # ...and converted for a euro run
    assert in_eur["C3"] == pytest.approx(1000.0 / 8.20)  # typed in yuan: converted
    assert in_usd["C3"] == pytest.approx(1000.0 / 8.20 * 1.10)  # through the euro
    con = sqlite3.connect(eur)
    issues = con.execute("SELECT asset_id, value, message FROM data_issues").fetchall()
    con.close()
    assert [(i[0], i[1]) for i in issues] == []
    assert "Costs in USD: 1 EUR = 1.1 USD" in feedback.textLog()
    assert "USD" in feedback.textLog().split("Expected cost over scenarios:")[1].splitlines()[0]


def test_a_currency_no_rate_reaches_is_refused(cams, tmp_path, provider):
    msg = refusal(
        "vendorrisk:assessrisk",
        {"INPUT": [cams], "CURRENCY": "JPY", "SCENARIOS": "status_quo", "OUTPUT": str(tmp_path / "o.gpkg")},
    )
    assert "no exchange rate from EUR" in msg and "exchange_rates.csv" in msg
    assert not (tmp_path / "o.gpkg").exists()


def test_a_layer_naming_no_maker_is_refused(tmp_path, provider):
    uri = write_gpkg(tmp_path / "in.gpkg", "poles", [{"ref": "P1", "height": 8}], ["POINT (1 1)"])
    msg = refusal("vendorrisk:assessrisk", {"INPUT": [uri], "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "has no field naming the maker, brand or model (its fields: fid, ref, height)" in msg


def test_a_scenario_subset_warns_that_its_probabilities_are_rescaled(cams, tmp_path, provider):
    feedback = QgsProcessingFeedback()
    run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": [cams], "SCENARIOS": "status_quo,rip_and_replace", "OUTPUT": str(tmp_path / "o.gpkg")},
        feedback,
    )
    assert "add up to" in feedback.textLog() and "not 1" in feedback.textLog()
