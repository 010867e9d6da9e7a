"""The one-page council report: the engine's figures, a map with legend and scale bar, as PDF and
PNG, headless (as `make demo` calls it) and in French."""

import re

import pytest
from conftest import run_alg
from qgis.core import (
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QRectF, QSizeF, QTranslator
from qgis.PyQt.QtGui import QImage
from test_dock_helpers import copy_city
from test_dock_i18n import qm  # noqa: F401 - fixture
from vendor_risk.gis.io.assessment_read import read_table
from vendor_risk.gis.layouts.council_report import (
    council_report,
    number,
    report_data,
    report_layout,
    style_risk_layer,
)
from vendor_risk.gis.layouts.render import scratch_project


@pytest.fixture(scope="module")
def assessed(tmp_path_factory, module_provider):
    folder = tmp_path_factory.mktemp("report")
    city = copy_city(folder)
    out = folder / "risk.gpkg"
    run_alg(
        "vendorrisk:assessrisk",
        {
            "INPUT": [f"{city}|layername=cameras", f"{city}|layername=platforms"],
            "JURISDICTION": "FR",
            "REFERENCE_DATE": "2026-11-25",
            "SCENARIOS": "status_quo,rip_and_replace",
            "OUTPUT": str(out),
        },
    )
    return str(out), city


@pytest.fixture
def english():
    locale = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(locale)


def test_report_data_are_the_engines_figures(assessed, english):
    gpkg, _ = assessed
    data = report_data(gpkg, "rip_and_replace")
    row = read_table(gpkg, "scenario_summary").set_index("scenario_id").loc["rip_and_replace"]
    figures = dict(data.figures)
    assert figures["Assets assessed"] == f"{row['assets']:,.0f}"
    assert figures["Sanction level 3 — removal"] == f"{row['level_3']:,.0f}"
    assert figures["Incompatible assets"] == f"{row['incompatible']:,.0f}"
    assert figures["Replacement cost"] == f"{row['replacement_cost']:,.0f}\u00a0EUR"
    assert figures["Stranded value"] == f"{row['stranded_value']:,.0f}\u00a0EUR"
    assert figures["Expected cost, all scenarios"] == f"{row['expected_cost']:,.0f}\u00a0EUR"
    assert row["level_3"] > 0
    vendors = read_table(gpkg, "vendor_summary")
    rip = vendors[vendors["scenario_id"] == "rip_and_replace"]
    top = rip[rip["exposure"] > 0].sort_values("exposure", ascending=False, kind="stable").head(6)
    assert (rip["exposure"] == 0).any()  # vendors the table must leave out
    assert [v[0] for v in data.vendors] == list(top["vendor_name"])  # only vendors with exposure
    assert "P50 and P90: half and nine in ten" in data.range_note
    if row["total_cost"] < row["p50_cost"]:
        assert "lies below the range" in data.range_note
    assert data.title == "Vendor risk — Rip and replace"
    assert "Jurisdiction FR, reference date 2026-11-25" in data.subtitle
    info = dict(read_table(gpkg, "run_info")[["key", "value"]].itertuples(index=False))
    assert f"catalog {info['catalog_version']}" in data.provenance
    assert "risk.gpkg" in data.provenance


def test_the_page_has_map_legend_scale_bar_figures_and_provenance(assessed, english):
    gpkg, city = assessed
    project = scratch_project()
    layer = QgsVectorLayer(f"{gpkg}|layername=risk_rip_and_replace", "Rip and replace", "ogr")
    style_risk_layer(layer)
    project.addMapLayer(layer, False)
    data = report_data(gpkg, "rip_and_replace")
    layout = report_layout(project, layer, data)
    items = layout.items()
    labels = [i.text() for i in items if isinstance(i, QgsLayoutItemLabel)]
    assert data.title in labels and data.provenance in labels
    maps = [i for i in items if isinstance(i, QgsLayoutItemMap)]
    assert len(maps) == 1 and maps[0].extent().contains(maps[0].extent().intersect(layer.extent()))
    assert [i for i in items if isinstance(i, QgsLayoutItemScaleBar)]
    legend = next(i for i in items if isinstance(i, QgsLayoutItemLegend))
    assert legend.title() == "Legend"
    tables = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemTextTable)]
    assert len(tables) == 2
    contents = [[str(c) for c in row] for row in tables[0].contents()]
    assert contents == [[label, text] for label, text in data.figures]
    # every item on the page, nothing overlapping the map but the scale bar
    page = layout.pageCollection().page(0)
    for item in items:
        if isinstance(item, QgsLayoutItem) and not isinstance(item, QgsLayoutItemPage):
            rect = item.sceneBoundingRect()
            if rect.isEmpty():  # the legend sizes itself when first drawn
                rect = QRectF(item.pos(), QSizeF(1, 1))
            assert page.sceneBoundingRect().contains(rect), item
    map_rect = maps[0].sceneBoundingRect()
    for frame in (f for t in tables for f in t.frames()):
        assert not map_rect.intersects(frame.sceneBoundingRect())
        assert frame.sceneBoundingRect().right() <= 297 - 4
    assert legend.pos().x() > map_rect.right()


def test_council_report_writes_a_one_page_pdf_and_png(assessed, tmp_path, english):
    gpkg, city = assessed
    pdf, png = tmp_path / "council.pdf", tmp_path / "council.png"
    data, written = council_report(
        gpkg,
        "rip_and_replace",
        str(pdf),
        str(png),
        background=[f"{city}|layername=districts", f"{city}|layername=streets"],
        place="Valbourg",
    )
    assert written == [str(pdf), str(png)]
    raw = pdf.read_bytes()
    assert raw.startswith(b"%PDF")
    pages = set(re.findall(rb"(\d+) 0 obj\s*<<(?:(?!endobj).)*?/Type\s*/Page[^s]", raw, re.S))
    assert len(pages) == 1  # (QGIS rewrites the page object to add georeferencing)
    assert re.search(rb"/MediaBox\s*\[\s*0\s+0\s+84[12][.\d]*\s+595[.\d]*\s*\]", raw)  # A4
    image = QImage(str(png))
    assert image.width() > image.height() > 800
    colours = {
        image.pixelColor(x, y).name() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colours) > 20  # a map, not a blank page
    assert data.title.startswith("Vendor risk — ") and "Valbourg — " in data.subtitle
    assert sorted(p.name for p in tmp_path.iterdir()) == ["council.pdf", "council.png"]


def test_a_missing_scenario_is_a_clear_error_and_writes_nothing(assessed, tmp_path):
    gpkg, _ = assessed
    with pytest.raises(
        ValueError,
        match=r"risk.gpkg holds no scenario 'bifurcation' \(it has: "
        r"status_quo, rip_and_replace\)",
    ):
        council_report(gpkg, "bifurcation", str(tmp_path / "r.pdf"), str(tmp_path / "r.png"))
    assert list(tmp_path.iterdir()) == []


def test_the_report_in_french(assessed, tmp_path, qm):  # noqa: F811
    gpkg, _ = assessed
    translator = QTranslator()
    assert translator.load(qm)
    QCoreApplication.installTranslator(translator)
    locale = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        data, _ = council_report(gpkg, "rip_and_replace", None, str(tmp_path / "r.png"), lang="fr")
        figures = dict(data.figures)
        assert data.title == "Risque fournisseurs — Arracher et remplacer"
        assert "Droit applicable FR, date de référence 2026-11-25" in data.subtitle
        assert "Niveau de sanction 3 — retrait" in figures
        assert data.vendor_header == ["Fournisseur", "Niveau", "Équipements", "Exposition"]
        row = read_table(gpkg, "scenario_summary").set_index("scenario_id").loc["rip_and_replace"]
        assert figures["Coût de remplacement"] == number(row["replacement_cost"], lang="fr") + "\u00a0EUR"
        assert number(1234567, lang="fr") == "1\u202f234\u202f567"
        project = scratch_project()
        layer = QgsVectorLayer(f"{gpkg}|layername=risk_rip_and_replace", "r", "ogr")
        style_risk_layer(layer)
        project.addMapLayer(layer, False)
        labels = [r.label() for r in layer.renderer().rootRule().children()]
        assert labels == ["Faible", "Moyen", "Élevé", "Critique", "Incompatible (×)"]
        layer.styleManager().setCurrentStyle("Sanction level")
        assert [c.label() for c in layer.renderer().categories()] == [
            "0 — aucun",
            "1 — vigilance",
            "2 — restreint",
            "3 — retrait",
        ]
        layout = report_layout(project, layer, data)
        legend = next(i for i in layout.items() if isinstance(i, QgsLayoutItemLegend))
        assert legend.title() == "Légende"
    finally:
        QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(locale)
