"""The comparison of offers in words (English, French) and as a workbook: a comparison sheet
with a native chart, one sheet per offer, the scenarios, every assumption."""

from ..assessment.phrases import check_language
from ..money import money

WORDS = {
    "sheet_compare": ("Comparison", "Comparaison"),
    "sheet_scenarios": ("Scenarios", "Scénarios"),
    "sheet_about": ("Assumptions", "Hypothèses"),
    "sheet_offer": ("Offer {offer}", "Offre {offer}"),
    "rank": ("Rank", "Rang"),
    "offer_id": ("Offer", "Offre"),
    "bidder": ("Bidder", "Soumissionnaire"),
    "lines": ("Lines", "Lignes"),
    "units": ("Units", "Unités"),
    "purchase": ("Purchase ({cur})", "Achat ({cur})"),
    "expected_cost": ("Expected decoupling cost ({cur})", "Coût de découplage attendu ({cur})"),
    "p50": ("P50 ({cur})", "P50 ({cur})"),
    "p90": ("P90 ({cur})", "P90 ({cur})"),
    "tco": ("Risk-adjusted TCO ({cur})", "Coût complet ajusté du risque ({cur})"),
    "lockin_ratio": ("Lock-in (expected / purchase)", "Verrouillage (attendu / achat)"),
    "level_at_signature": ("Sanction level at signature", "Niveau de sanction à la signature"),
    "lists_at_signature": ("Lists at signature", "Listes à la signature"),
    "worst_scenario": ("Costliest scenario", "Scénario le plus coûteux"),
    "worst_cost": ("Its cost ({cur})", "Son coût ({cur})"),
    "reasons": ("Why", "Pourquoi"),
    "scenario_name": ("Scenario", "Scénario"),
    "scenario_id": ("Scenario", "Scénario"),
    "replacement_cost": ("Replacement ({cur})", "Remplacement ({cur})"),
    "stranded_value": ("Stranded value ({cur})", "Valeur perdue ({cur})"),
    "probability": ("Probability", "Probabilité"),
    "weight": ("Weight", "Poids"),
    "replacement": (
        "Replacement, re-integration included ({cur})",
        "Remplacement, ré-intégration comprise ({cur})",
    ),
    "reintegration": ("of which re-integration ({cur})", "dont ré-intégration ({cur})"),
    "stranded": ("Stranded value ({cur})", "Valeur perdue ({cur})"),
    "total": ("Decoupling cost ({cur})", "Coût de découplage ({cur})"),
    "forced_units": ("Units forced out", "Unités à retirer"),
    "incompatible_units": ("Units incompatible", "Unités incompatibles"),
    "max_level": ("Highest sanction level", "Niveau de sanction le plus haut"),
    "lists": ("Lists", "Listes"),
    "line_id": ("Line", "Ligne"),
    "vendor": ("Vendor as offered", "Fournisseur proposé"),
    "vendor_name": ("Vendor (identified)", "Fournisseur (identifié)"),
    "asset_class": ("Class", "Classe"),
    "class_name": ("Class", "Classe"),
    "quantity": ("Quantity", "Quantité"),
    "unit_price": ("Unit price ({cur})", "Prix unitaire ({cur})"),
    "sanction_level": ("Sanction level", "Niveau de sanction"),
    "sanction_lists": ("Lists", "Listes"),
    "compatible": ("Compatible", "Compatible"),
    "forced": ("Forced out", "Retrait imposé"),
    "forced_year": ("Year", "Année"),
    "total_cost": ("Decoupling cost ({cur})", "Coût de découplage ({cur})"),
    "chart": (
        "Purchase and expected decoupling cost by offer",
        "Achat et coût de découplage attendu par offre",
    ),
    "key": ("Item", "Élément"),
    "value": ("Value", "Valeur"),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "best": (
        "Lowest risk-adjusted total cost: offer {offer} ({bidder}), {tco}; the cheapest to buy is "
        "offer {cheap} ({cheap_bidder}), {purchase}.",
        "Coût complet ajusté du risque le plus bas : offre {offer} ({bidder}), {tco} ; la moins chère à "
        "l’achat est l’offre {cheap} ({cheap_bidder}), {purchase}.",
    ),
    "method": (
        "Each offer line is assessed as an asset the city would install at signature, with the "
        "assessment's catalog, lists and scenarios. Decoupling cost = replacement (re-integration "
        "of what is wired to a forced platform included) + stranded book value. Expected = the sum "
        "over scenarios of their normalised probability x that cost. Risk-adjusted TCO = purchase + "
        "expected. Lock-in = expected / purchase. P50/P90: seeded sampling of the scenario cost "
        "multipliers and of class default prices for lines without a price; for the offer, of the "
        "scenarios mixed by their weights. Support shorter than the service life ends the life.",
        "Chaque ligne d’offre est évaluée comme un équipement que la ville installerait à la "
        "signature, avec le catalogue, les listes et les scénarios de l’évaluation. Coût de "
        "découplage = remplacement (ré-intégration de ce qui est relié à une plateforme retirée "
        "comprise) + valeur comptable perdue. Attendu = somme sur les scénarios de leur probabilité "
        "normalisée x ce coût. Coût complet ajusté du risque = achat + attendu. Verrouillage = "
        "attendu / achat. P50/P90 : tirages reproductibles des multiplicateurs de coût des "
        "scénarios et des prix par défaut des classes pour les lignes sans prix ; pour l’offre, des "
        "scénarios mêlés selon leurs poids. Un support plus court que la durée de vie y met fin.",
    ),
}
OFFER_COLUMNS = [
    "rank",
    "offer_id",
    "bidder",
    "lines",
    "units",
    "purchase",
    "expected_cost",
    "p50",
    "p90",
    "tco",
    "lockin_ratio",
    "level_at_signature",
    "lists_at_signature",
    "worst_scenario",
    "worst_cost",
    "reasons",
]
SCENARIO_COLUMNS = [
    "offer_id",
    "scenario_name",
    "probability",
    "weight",
    "purchase",
    "replacement",
    "reintegration",
    "stranded",
    "total",
    "p50",
    "p90",
    "forced_units",
    "incompatible_units",
    "max_level",
    "lists",
]
LINE_COLUMNS = [
    "line_id",
    "vendor",
    "vendor_name",
    "class_name",
    "quantity",
    "unit_price",
    "scenario_name",
    "sanction_level",
    "sanction_lists",
    "compatible",
    "forced",
    "forced_year",
    "replacement_cost",
    "stranded_value",
    "total_cost",
    "reasons",
]
MONEY = (
    "purchase",
    "expected_cost",
    "p50",
    "p90",
    "tco",
    "worst_cost",
    "replacement",
    "reintegration",
    "stranded",
    "total",
    "unit_price",
    "replacement_cost",
    "stranded_value",
    "total_cost",
)


def w(key, lang, **kw):
    text = WORDS[key][0 if check_language(lang) == "en" else 1]
    return text.format(**kw) if kw else text


def best_sentence(result, lang):
    t = result.offers
    best = t.iloc[0]
    cheap = t.sort_values("purchase", kind="stable").iloc[0]
    m = lambda v: money(v, result.currency, lang)  # noqa: E731
    return w(
        "best",
        lang,
        offer=best["offer_id"],
        bidder=best["bidder"],
        tco=m(best["tco"]),
        cheap=cheap["offer_id"],
        cheap_bidder=cheap["bidder"],
        purchase=m(cheap["purchase"]),
    )


def write_comparison_workbook(result, path, lang, about):
    from .sheets import bar_chart, key_value_sheet, new_workbook, save, table_sheet

    cur = {"cur": result.currency}
    kinds = {c: "money" for c in MONEY}
    kinds.update(
        lockin_ratio="percent",
        probability="percent",
        weight="percent",
        reasons="wrap",
        units="int",
        lines="int",
        quantity="int",
        forced_units="int",
        incompatible_units="int",
    )
    wb = new_workbook()
    ws = table_sheet(
        wb,
        w("sheet_compare", lang),
        result.offers[OFFER_COLUMNS],
        [w(c, lang, **cur) for c in OFFER_COLUMNS],
        kinds,
        result.currency,
        widths={"reasons": 90, "bidder": 22, "lists_at_signature": 30},
    )
    bar_chart(
        ws,
        w("chart", lang),
        2,
        [6, 7],
        len(result.offers),
        f"B{len(result.offers) + 4}",
        result.currency,
        stacked=True,
    )
    scen = result.by_scenario.copy()
    table_sheet(
        wb,
        w("sheet_scenarios", lang),
        scen[SCENARIO_COLUMNS],
        [w(c, lang, **cur) for c in SCENARIO_COLUMNS],
        kinds,
        result.currency,
    )
    yes, no = w("yes", lang), w("no", lang)
    for offer in result.offers["offer_id"]:
        sel = result.lines[result.lines["offer_id"] == offer][LINE_COLUMNS].copy()
        for c in ("compatible", "forced"):
            sel[c] = sel[c].map({True: yes, False: no})
        table_sheet(
            wb,
            w("sheet_offer", lang, offer=offer),
            sel,
            [w(c, lang, **cur) for c in LINE_COLUMNS],
            kinds,
            result.currency,
            widths={"reasons": 80},
        )
    key_value_sheet(wb, w("sheet_about", lang), about, [w("key", lang), w("value", lang)])
    return save(wb, path)
