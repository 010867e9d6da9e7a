"""The one-page comparison of offers for a tender committee (PDF): offers ranked by
risk-adjusted total cost, what drives each, the method and the assumptions in one paragraph."""

from qgis.core import QgsLayoutSize, QgsPrintLayout

from ...risk.money import money
from ...risk.procurement.compare_report import best_sentence, w
from .render import export_pdf, label, scratch_project, text_table

PAGE = (297, 210)


def tender_layout(project, result, lang, title):
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(*PAGE))
    info = result.run_info
    cur = result.currency
    m = lambda v: money(v, cur, lang)  # noqa: E731
    label(layout, title, 10, 6, PAGE[0] - 20, 10, 16, bold=True)
    sub = {
        "en": "Signature {sig} · jurisdiction {j} · {n} offers, {l} lines · catalog as of {a} · "
        "amounts in {c}",
        "fr": "Signature {sig} · juridiction {j} · {n} offres, {l} lignes · catalogue à jour au {a} · "
        "montants en {c}",
    }[lang]
    label(
        layout,
        sub.format(
            sig=info.get("signature_date", ""),
            j=info.get("jurisdiction", ""),
            n=info.get("offers", ""),
            l=info.get("offer_lines", ""),
            a=info.get("catalog_as_of", ""),
            c=cur,
        ),
        10,
        16,
        PAGE[0] - 20,
        6,
        9,
    )
    label(layout, best_sentence(result, lang), 10, 23, PAGE[0] - 20, 10, 10, bold=True)
    cols = [
        "rank",
        "offer_id",
        "bidder",
        "purchase",
        "expected_cost",
        "p50",
        "p90",
        "tco",
        "lockin_ratio",
        "level_at_signature",
        "worst_scenario",
    ]
    header = [w(c, lang, cur=cur).replace(f" ({cur})", "") for c in cols]
    rows = []
    for r in result.offers.itertuples():
        rows.append(
            [
                r.rank,
                r.offer_id,
                r.bidder,
                m(r.purchase),
                m(r.expected_cost),
                m(r.p50),
                m(r.p90),
                m(r.tco),
                f"{r.lockin_ratio:.0%}",
                r.level_at_signature,
                r.worst_scenario,
            ]
        )
    shares = [0.05, 0.07, 0.14, 0.1, 0.11, 0.1, 0.1, 0.1, 0.08, 0.07, 0.08]
    height = min(10 + 7 * len(rows), 70)
    text_table(layout, header, rows, 10, 35, PAGE[0] - 20, height, shares, size=8)
    y = 35 + height + 4
    why = "\n".join(f"{r.offer_id} — {r.reasons}" for r in result.offers.head(6).itertuples())
    label(layout, why, 10, y, PAGE[0] - 20, 190 - y - 18, 7.5)
    probs = "; ".join(f"{s.label(lang)} {float(s.probability):.0%}" for s in result.scenarios)
    method = w("method", lang) + " " + {"en": "Scenarios: ", "fr": "Scénarios : "}[lang] + probs + "."
    label(layout, method, 10, 176, PAGE[0] - 20, 26, 6.5)
    return layout


def tender_report(result, path, lang="en", title=""):
    project = scratch_project()
    title = (
        title
        or {
            "en": "Comparison of offers by risk-adjusted cost",
            "fr": "Comparaison des offres par coût ajusté du risque",
        }[lang]
    )
    layout = tender_layout(project, result, lang, title)
    return export_pdf(layout, path)
