"""The one-page comparison of offers for a tender committee (PDF): offers ranked by
risk-adjusted total cost, what drives each, the method and the assumptions in one paragraph."""

from qgis.core import QgsFillSymbol, QgsLayoutItemShape, QgsLayoutPoint, QgsLayoutSize, QgsPrintLayout

from ...risk.money import money
from ...risk.procurement.compare_report import best_sentence, w
from ..compat import LAYOUT_MILLIMETERS, SHAPE_RECTANGLE
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
    y = _bars(layout, result, lang, y)
    why = "\n".join(f"{r.offer_id} — {r.reasons}" for r in result.offers.head(6).itertuples())
    label(layout, why, 10, y + 2, PAGE[0] - 20, 174 - y - 2, 8)
    probs = "; ".join(f"{s.label(lang)} {float(s.probability):.0%}" for s in result.scenarios)
    method = w("method", lang) + " " + {"en": "Scenarios: ", "fr": "Scénarios : "}[lang] + probs + "."
    label(layout, method, 10, 176, PAGE[0] - 20, 26, 6.5)
    return layout


def _bars(layout, result, lang, y):
    """Purchase (blue) and expected decoupling cost (orange) of each offer, to one scale."""
    t = result.offers.head(8)
    top = float(t["tco"].max()) or 1.0
    width = PAGE[0] - 20 - 60 - 32  # room for the total after the bar
    label(layout, w("chart", lang), 10, y, PAGE[0] - 20, 6, 9, bold=True)
    y += 7
    for r in t.itertuples():
        label(layout, f"{r.offer_id} — {r.bidder}", 10, y, 48, 5, 8)
        x = 60
        for value, color in ((r.purchase, "66,118,183"), (r.expected_cost, "230,126,34")):
            if value > 0:
                _box(layout, x, y + 0.5, width * value / top, 4, color)
                x += width * value / top
        label(layout, money(r.tco, result.currency, lang), x + 2, y, 40, 5, 8)
        y += 6
    key = {
        "en": "blue: purchase · orange: expected decoupling cost",
        "fr": "bleu : achat · orange : coût de découplage attendu",
    }
    label(layout, key[lang], 60, y, width, 5, 7)
    return y + 6


def _box(layout, x, y, width, height, color):
    shape = QgsLayoutItemShape(layout)
    shape.setShapeType(SHAPE_RECTANGLE)
    shape.setSymbol(QgsFillSymbol.createSimple({"color": color, "outline_style": "no"}))
    shape.attemptMove(QgsLayoutPoint(x, y, LAYOUT_MILLIMETERS))
    shape.attemptResize(QgsLayoutSize(max(width, 0.3), height, LAYOUT_MILLIMETERS))
    layout.addLayoutItem(shape)


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
