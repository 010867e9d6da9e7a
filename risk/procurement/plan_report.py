"""The replacement plan in words (English, French) and as a workbook sheet with its chart."""

from ..assessment.phrases import check_language
from ..money import money, number

WORDS = {
    "sheet_years": ("Plan by year", "Plan par année"),
    "sheet_assets": ("Planned assets", "Équipements planifiés"),
    "sheet_about": ("Assumptions", "Hypothèses"),
    "year": ("Year", "Année"),
    "cost": ("Cost ({cur})", "Coût ({cur})"),
    "assets": ("Assets replaced", "Équipements remplacés"),
    "cumulative_cost": ("Cumulative cost ({cur})", "Coût cumulé ({cur})"),
    "exposed_assets": ("Still exposed at year end", "Encore exposés en fin d'année"),
    "exposed_cost": ("Cost still to spend ({cur})", "Coût restant à engager ({cur})"),
    "late_assets": ("Replaced after their forced year", "Remplacés après leur année imposée"),
    "asset_id": ("Asset", "Équipement"),
    "plan_group": ("Replaced with", "Remplacé avec"),
    "plan_order": ("Order", "Ordre"),
    "planned_year": ("Planned year", "Année prévue"),
    "forced": ("Forced", "Imposé"),
    "forced_year": ("Forced year", "Année imposée"),
    "risk_score": ("Risk score", "Score de risque"),
    "stranded": ("Stranded value ({cur})", "Valeur perdue ({cur})"),
    "late": ("Late", "En retard"),
    "chart": ("Replacement cost per year", "Coût de remplacement par année"),
    "key": ("Item", "Élément"),
    "value": ("Value", "Valeur"),
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "met": (
        "The plan meets the deadline {deadline}: the last replacement is in {last}.",
        "Le plan respecte l’échéance {deadline} : le dernier remplacement a lieu en {last}.",
    ),
    "missed": (
        "The plan misses the deadline {deadline} by {years} year(s) (last replacement in {last}); "
        "a yearly budget of {needed} would meet it.",
        "Le plan manque l’échéance {deadline} de {years} an(s) (dernier remplacement en {last}) ; "
        "un budget annuel de {needed} la respecterait.",
    ),
    "no_deadline": (
        "No deadline given: the last replacement is in {last}.",
        "Pas d’échéance : le dernier remplacement a lieu en {last}.",
    ),
    "summary": (
        "{assets} assets to replace under {scenario}, {total} in all, {budget} a year from {start}.",
        "{assets} équipements à remplacer dans le scénario {scenario}, {total} au total, {budget} par an "
        "à partir de {start}.",
    ),
    "rule": (
        "Order: assets the scenario forces out first (earliest forced year first), then by risk score "
        "and stranded value; a platform and the assets wired to it in the same year. Each group is "
        "paid from the budget accumulated so far: it lands in the first year whose cumulative "
        "budget covers the cumulative cost up to it.",
        "Ordre : d’abord les équipements que le scénario impose de retirer (année imposée la plus "
        "proche d’abord), puis par score de risque et valeur perdue ; une plateforme et les "
        "équipements qui y sont reliés la même année. Chaque groupe est payé sur le budget cumulé : "
        "il tombe la première année dont le budget cumulé couvre le coût cumulé jusqu’à lui.",
    ),
}


def w(key, lang, **kw):
    text = WORDS[key][0 if check_language(lang) == "en" else 1]
    return text.format(**kw) if kw else text


def verdict(plan, currency, lang):
    """One sentence: met, missed (by how much, and the budget that would meet it), or no deadline."""
    if not plan.deadline:
        return w("no_deadline", lang, last=plan.last_year)
    if plan.deadline_met:
        return w("met", lang, deadline=plan.deadline, last=plan.last_year)
    return w(
        "missed",
        lang,
        deadline=plan.deadline,
        years=plan.shortfall_years,
        last=plan.last_year,
        needed=money(plan.budget_for_deadline, currency, lang),
    )


def summary(plan, scenario_name, currency, lang):
    return w(
        "summary",
        lang,
        assets=number(len(plan.assets), lang),
        scenario=scenario_name,
        total=money(plan.total_cost, currency, lang),
        budget=money(plan.budget, currency, lang),
        start=plan.start_year,
    )


def write_plan_workbook(plan, path, currency, lang, about):
    """Plan by year (with a chart), the planned assets, the assumptions; returns the path."""
    from .sheets import bar_chart, key_value_sheet, new_workbook, save, table_sheet

    cur = {"cur": currency}
    wb = new_workbook()
    ycols = ["year", "cost", "assets", "cumulative_cost", "exposed_assets", "exposed_cost", "late_assets"]
    ws = table_sheet(
        wb,
        w("sheet_years", lang),
        plan.years[ycols],
        [w(c, lang, **cur) for c in ycols],
        {
            "cost": "money",
            "cumulative_cost": "money",
            "exposed_cost": "money",
            "assets": "int",
            "exposed_assets": "int",
            "late_assets": "int",
        },
        currency,
    )
    bar_chart(ws, w("chart", lang), 1, [2], len(plan.years), "I2", currency)
    acols = [
        "asset_id",
        "plan_group",
        "plan_order",
        "planned_year",
        "forced",
        "forced_year",
        "risk_score",
        "stranded",
        "cost",
        "late",
    ]
    assets = plan.assets[acols].copy()
    for c in ("forced", "late"):
        assets[c] = assets[c].map({True: w("yes", lang), False: w("no", lang)})
    table_sheet(
        wb,
        w("sheet_assets", lang),
        assets,
        [w(c, lang, **cur) for c in acols],
        {"stranded": "money", "cost": "money", "plan_order": "int"},
        currency,
    )
    key_value_sheet(wb, w("sheet_about", lang), about, [w("key", lang), w("value", lang)])
    return save(wb, path)
