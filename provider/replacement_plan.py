"""vendorrisk:replacementplan — what a scenario forces out, replaced year by year within a budget."""

import os

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..gis.compat import NUMBER_PARAMETER_INTEGER
from ..gis.io.assessment_read import AssessmentFileError
from ..gis.pipelines.plan import PLAN_LAYER, PlanJob, run_plan
from ..gis.styles.plan import PlanPostProcessor, save_plan_style
from ..gis.styles.qml import keep_alive
from ..risk.optional import missing
from ..risk.procurement.plan import PlanError
from .base import WRITE_ERRORS, VendorRiskAlgorithm, tr, write_failure


class ReplacementPlanAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    SCENARIO = "SCENARIO"
    BUDGET = "BUDGET"
    START_YEAR = "START_YEAR"
    DEADLINE = "DEADLINE"
    OUTPUT = "OUTPUT"
    OUTPUT_XLSX = "OUTPUT_XLSX"

    def name(self):
        return "replacementplan"

    def displayName(self):  # noqa: N802
        return tr("Plan the replacement year by year within a budget")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:replacementplan -- INPUT=vendor_risk.gpkg "
        "SCENARIO=rip_and_replace BUDGET=1500000 DEADLINE=2030 OUTPUT=plan.gpkg OUTPUT_XLSX=plan.xlsx"
    )

    def help_text(self):
        return tr(
            "From an assessment (the GeoPackage of vendorrisk:assessrisk), plans the replacement of "
            "what one scenario forces out: the assets the scenario gives a replacement cost. Forced "
            "assets come first (earliest forced year first), then by risk score and stranded value; "
            "a platform and the assets wired to it are replaced in the same year. Each group is paid "
            "from the budget accumulated so far, so it lands in the first year whose cumulative "
            "budget covers the cumulative cost up to it. Gives the cost per year, what stays exposed "
            "at each year's end, whether the DEADLINE (a year) is met, by how many years it is "
            "missed and the yearly budget that would meet it. BUDGET is in the assessment's "
            "currency. Outputs: a layer with the planned year of each asset (styled by year, a map "
            "theme per year when loaded), the plan_years table, and optionally a workbook with a "
            "chart."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT, tr("Assessment GeoPackage"), fileFilter=tr("GeoPackage (*.gpkg)")
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCENARIO, tr("Scenario to plan for"), defaultValue="rip_and_replace"
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BUDGET,
                tr("Yearly budget (in the assessment's currency)"),
                minValue=0.01,
                defaultValue=1000000,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.START_YEAR,
                tr("First year of the plan (0 = the year after the assessment's reference date)"),
                NUMBER_PARAMETER_INTEGER,
                defaultValue=0,
                minValue=0,
                maxValue=2200,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DEADLINE,
                tr("Deadline year (0 = none)"),
                NUMBER_PARAMETER_INTEGER,
                defaultValue=0,
                minValue=0,
                maxValue=2200,
            )
        )
        self.add_language_parameter(tr("Language of the workbook"))
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("Replacement plan"), tr("GeoPackage (*.gpkg)")
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_XLSX, tr("Plan workbook"), tr("Excel workbook (*.xlsx)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("TOTAL_COST", tr("Total cost")))
        self.addOutput(QgsProcessingOutputNumber("LAST_YEAR", tr("Year of the last replacement")))
        self.addOutput(QgsProcessingOutputNumber("DEADLINE_MET", tr("Deadline met (1 yes, 0 no)")))
        self.addOutput(
            QgsProcessingOutputNumber("BUDGET_FOR_DEADLINE", tr("Yearly budget that meets the deadline"))
        )
        self.addOutput(QgsProcessingOutputString("RESULT", tr("The plan in one sentence")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        gpkg = self.parameterAsFile(parameters, self.INPUT, context)
        if not gpkg or not os.path.isfile(gpkg):
            raise QgsProcessingException(tr("Assessment not found: {}").format(gpkg))
        xlsx = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
        if xlsx and missing("openpyxl"):
            raise QgsProcessingException(
                tr("openpyxl is not installed: leave OUTPUT_XLSX empty or install it.")
            )
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not out.lower().endswith(".gpkg"):
            out += ".gpkg"
        start = self.parameterAsInt(parameters, self.START_YEAR, context)
        job = PlanJob(
            gpkg=gpkg,
            scenario=self.parameterAsString(parameters, self.SCENARIO, context).strip() or "rip_and_replace",
            budget=self.parameterAsDouble(parameters, self.BUDGET, context),
            start_year=start,
            deadline=self.parameterAsInt(parameters, self.DEADLINE, context),
            output=out,
            output_xlsx=xlsx,
            lang=self.language(parameters, context),
        )
        try:
            plan, _info, line, result = run_plan(job, feedback)
        except (AssessmentFileError, PlanError) as e:
            raise QgsProcessingException(str(e)) from e
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(out, e)) from e
        feedback.pushInfo(line)
        feedback.pushInfo(result)
        years = [int(y) for y in plan.years["year"]]
        error = save_plan_style(out, PLAN_LAYER, years, job.lang)
        if error:
            feedback.pushWarning(tr("The plan layer's style could not be saved: {}").format(error))
        uri = f"{out}|layername={PLAN_LAYER}"
        if context.project() is not None:
            details = QgsProcessingContext.LayerDetails(
                tr("Replacement plan ({})").format(job.scenario), context.project(), self.OUTPUT
            )
            details.forceName = True
            context.addLayerToLoadOnCompletion(uri, details)
            processor = keep_alive(PlanPostProcessor(years, job.lang))
            context.layerToLoadOnCompletionDetails(uri).setPostProcessor(processor)
        return {
            self.OUTPUT: out,
            self.OUTPUT_XLSX: xlsx or None,
            "TOTAL_COST": plan.total_cost,
            "LAST_YEAR": plan.last_year,
            "DEADLINE_MET": 1 if plan.deadline_met else 0,
            "BUDGET_FOR_DEADLINE": plan.budget_for_deadline,
            "RESULT": result,
        }
