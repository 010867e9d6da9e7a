"""vendorrisk:compareoffers — the offers of a tender compared by risk-adjusted cost."""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..gis.io.assessment_read import AssessmentFileError, read_run_info
from ..gis.layouts.tender_report import tender_report
from ..risk.assessment.scenarios import ScenarioError, load_profile, load_scenarios
from ..risk.optional import missing
from ..risk.procurement.compare import CompareError, compare_offers
from ..risk.procurement.compare_report import best_sentence, w, write_comparison_workbook
from ..risk.procurement.offers import OfferError, read_offers
from .assess_risk import parse_reference_date
from .base import WRITE_ERRORS, VendorRiskAlgorithm, tr, write_failure


def installed_assets(gpkg):
    """The city's assessed assets (what a platform needs of its first scenario layer: ids, tags,
    install year, read through GDAL's Arrow stream) and the assessment's run_info."""
    from qgis.core import QgsVectorLayer

    from ..gis.io.layers import read_layer

    info = read_run_info(gpkg)
    scenarios = [s for s in info.get("scenarios", "").split(",") if s]
    if not scenarios:
        raise AssessmentFileError(f"{os.path.basename(gpkg)}: not an assessment (no scenarios in run_info)")
    layer = QgsVectorLayer(f"{gpkg}|layername=risk_{scenarios[0]}", "installed", "ogr")
    if not layer.isValid():
        raise AssessmentFileError(f"{os.path.basename(gpkg)}: no layer risk_{scenarios[0]}")
    wanted = (
        "asset_id",
        "vendor_id",
        "oem_maker_id",
        "oem_status",
        "asset_class",
        "standards",
        "install_year",
    )
    columns = [c for c in wanted if c in layer.fields().names()]
    return read_layer(layer, columns=columns, geometry=False).frame, info


class CompareOffersAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    ASSESSMENT = "ASSESSMENT"
    JURISDICTION = "JURISDICTION"
    SIGNATURE_DATE = "SIGNATURE_DATE"
    SCENARIOS = "SCENARIOS"
    CURRENCY = "CURRENCY"
    OUTPUT_XLSX = "OUTPUT_XLSX"
    OUTPUT_PDF = "OUTPUT_PDF"

    def name(self):
        return "compareoffers"

    def displayName(self):  # noqa: N802
        return tr("Compare offers by risk-adjusted cost")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:compareoffers -- INPUT=resources/procurement/sample_tender.csv "
        "ASSESSMENT=out/vendor_risk.gpkg OUTPUT_XLSX=offers.xlsx OUTPUT_PDF=offers.pdf"
    )

    def help_text(self):
        return tr(
            "Reads the offers of a tender (workbook or CSV, one row per offer line: offer_id, bidder, "
            "vendor, brand, model, asset_class, quantity, unit_price, standards, service_life, "
            "support_years, connects_to; template in resources/procurement) and assesses every line "
            "as an asset the city would install at signature, with the catalog, lists and scenarios "
            "of an assessment. A line that connects to an installed platform (its asset id in "
            "ASSESSMENT) or to the offer's own platform by a proprietary protocol is replaced with "
            "it when the platform is forced out. Per offer and scenario: purchase, sanction level "
            "at signature and under the scenario, forced units, compatibility, replacement and "
            "stranded value with P50/P90; then the expected decoupling cost (scenario probabilities "
            "as weights), the risk-adjusted total cost of ownership (purchase + expected), the "
            "lock-in ratio and the reasons. Outputs: a workbook (comparison with a chart, one sheet "
            "per offer, scenarios, assumptions) and a one-page PDF for the committee. Unit prices are "
            "in the comparison's currency (the jurisdiction's unless CURRENCY is set)."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                tr("Offers (xlsx or CSV)"),
                fileFilter=tr("Offers (*.xlsx *.xlsm *.csv);;All files (*.*)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.ASSESSMENT,
                tr("The city's assessment (GeoPackage of vendorrisk:assessrisk)"),
                fileFilter=tr("GeoPackage (*.gpkg)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.JURISDICTION, tr("Jurisdiction (empty: the assessment's, else FR)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SIGNATURE_DATE, tr("Signature date (YYYY-MM-DD, empty: today)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCENARIOS, tr("Scenarios (comma-separated; empty: all)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CURRENCY, tr("Currency of the prices (ISO 4217)"), optional=True
            )
        )
        self.add_catalog_parameter()
        self.add_language_parameter(tr("Language of the workbook and the PDF"))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_XLSX, tr("Comparison workbook"), tr("Excel workbook (*.xlsx)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF, tr("One-page comparison (PDF)"), tr("PDF (*.pdf)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("OFFERS", tr("Offers compared")))
        self.addOutput(
            QgsProcessingOutputString("BEST_OFFER", tr("Offer with the lowest risk-adjusted cost"))
        )
        self.addOutput(QgsProcessingOutputNumber("BEST_TCO", tr("Its risk-adjusted total cost")))
        self.addOutput(QgsProcessingOutputString("RESULT", tr("The comparison in one sentence")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path or not os.path.isfile(path):
            raise QgsProcessingException(tr("Offers file not found: {}").format(path))
        xlsx = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if xlsx and missing("openpyxl"):
            raise QgsProcessingException(
                tr("openpyxl is not installed: leave OUTPUT_XLSX empty or install it.")
            )
        lang = self.language(parameters, context)
        catalog = self.catalog(parameters, context)
        try:
            offers = read_offers(path)
            installed, info = None, {}
            gpkg = self.parameterAsFile(parameters, self.ASSESSMENT, context)
            if gpkg:
                installed, info = installed_assets(gpkg)
            scenarios = load_scenarios(self.parameterAsString(parameters, self.SCENARIOS, context) or None)
            jurisdiction = (
                self.parameterAsString(parameters, self.JURISDICTION, context).strip().upper()
                or info.get("jurisdiction", "")
                or "FR"
            )
            signature = parse_reference_date(self.parameterAsString(parameters, self.SIGNATURE_DATE, context))
            currency = (
                self.parameterAsString(parameters, self.CURRENCY, context) or info.get("currency") or None
            )
            result = compare_offers(
                offers, catalog, scenarios, load_profile(), jurisdiction, signature, lang, currency, installed
            )
        except (OfferError, AssessmentFileError, ScenarioError, CompareError) as e:
            raise QgsProcessingException(str(e)) from e
        if result.run_info.get("unknown_platforms"):
            feedback.pushWarning(
                tr("Lines connect to platforms not found in the assessment: {}").format(
                    result.run_info["unknown_platforms"]
                )
            )
        sentence = best_sentence(result, lang)
        feedback.pushInfo(sentence)
        for r in result.offers.itertuples():
            feedback.pushInfo(f"{r.rank}. {r.offer_id}: {r.reasons}")
        about = (
            [(k, v) for k, v in result.run_info.items()]
            + [
                ("offers_file", os.path.basename(path)),
                ("assessment", os.path.basename(gpkg) if gpkg else ""),
                ("method", w("method", lang)),
            ]
            + [(f"scenario {s.id}", f"{s.label(lang)}: {float(s.probability):.0%}") for s in result.scenarios]
        )
        try:
            if xlsx:
                write_comparison_workbook(result, xlsx, lang, about)
            if pdf:
                tender_report(result, pdf, lang)
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(xlsx or pdf, e)) from e
        best = result.offers.iloc[0]
        return {
            self.OUTPUT_XLSX: xlsx or None,
            self.OUTPUT_PDF: pdf or None,
            "OFFERS": len(result.offers),
            "BEST_OFFER": str(best["offer_id"]),
            "BEST_TCO": float(best["tco"]),
            "RESULT": sentence,
        }
