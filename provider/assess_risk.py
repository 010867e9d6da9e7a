"""vendorrisk:assessrisk — sanctions exposure, lock-in and compatibility under each scenario."""

import os
from datetime import date

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..gis.compat import FILE_PARAMETER_FOLDER, SOURCE_VECTOR
from ..gis.io.gpkg_write import GpkgBuilder
from ..gis.io.layer_data import layer_label
from ..gis.pipelines.assess import CancelledError, Inputs, run_assessment
from ..risk.assessment.engine import Assessment
from ..risk.assessment.scenarios import ScenarioError, load_profile, load_scenarios
from ..risk.money import money
from ..risk.provenance import recorded_source
from ..risk.schema import OUTPUTS, RESULT_COLUMNS, TAG_COLUMNS, is_tagged
from ..risk.tagging.tagger import Tagger
from .base import (
    WRITE_ERRORS,
    VendorRiskAlgorithm,
    check_width,
    default_language,
    plugin_version,
    tr,
    write_failure,
)
from .tag_assets import read_corrections_parameter


def parse_reference_date(text):
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text.strip())
    except ValueError as e:
        raise QgsProcessingException(tr("REFERENCE_DATE '{}' is not a date (YYYY-MM-DD)").format(text)) from e


def check_makers(names, layers, per_layer):
    """Refuse an untagged layer with no maker, brand or model field (as the dock does): it
    would "succeed" with every asset of an unknown vendor."""
    for name, layer, found in zip(names, layers, per_layer):
        if not is_tagged(layer.fields().names()) and not any(
            found.get(r) for r in ("manufacturer", "brand", "model")
        ):
            raise QgsProcessingException(
                tr(
                    "The layer {} has no field naming the maker, brand or model (its fields: {}): "
                    "set FIELD_MANUFACTURER, FIELD_BRAND or FIELD_MODEL."
                ).format(name, ", ".join(layer.fields().names()))
            )


class AssessRiskAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    JURISDICTION = "JURISDICTION"
    CURRENCY = "CURRENCY"
    SCENARIOS = "SCENARIOS"
    SCENARIO_FOLDER = "SCENARIO_FOLDER"
    REFERENCE_DATE = "REFERENCE_DATE"
    CORRECTIONS = "CORRECTIONS"
    RETAG = "RETAG"
    SELECTED_ONLY = "SELECTED_ONLY"
    OUTPUT = "OUTPUT"
    DATABASE = "DATABASE"
    SCHEMA = "SCHEMA"
    LANGUAGE = "LANGUAGE"
    TABLES = tuple(n for n, o in OUTPUTS.items() if o.kind == "table" and "assessrisk" in o.writers)

    def name(self):
        return "assessrisk"

    def displayName(self):  # noqa: N802
        return tr("Assess vendor risk under decoupling scenarios")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:assessrisk -- "
        "INPUT='city.gpkg|layername=cameras' JURISDICTION=FR "
        "SCENARIOS=status_quo,rip_and_replace LANGUAGE=en OUTPUT=assessment.gpkg"
    )

    def help_text(self):
        return tr(
            "For every asset and scenario: sanction level from the lists in force for the "
            "jurisdiction (through parents, brands and OEM relations), replacement cost, stranded "
            "value, compatibility with the city's bloc, lock-in ratio, risk score and a plain-"
            "language reason citing each list and date. Platform cascade: assets wired to a "
            "removed platform by a proprietary protocol carry re-integration cost. Writes a "
            "GeoPackage with one styled layer risk_<scenario> per scenario and the tables "
            "vendor_summary, scenario_summary, run_info and data_issues. Untagged layers are "
            "tagged first; already tagged layers keep their (possibly hand-corrected) tags "
            "unless RETAG is set.\n\n"
            "PostGIS: set DATABASE (a PostgreSQL connection of QGIS) and SCHEMA to write the "
            "same tables to that schema instead (created if missing; tables of the same names "
            "are replaced, all at once when the run succeeds, never on failure or cancel). "
            "OUTPUT is then ignored and may stay a temporary output."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUT, tr("Asset layers (assessed together)"), SOURCE_VECTOR
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.JURISDICTION,
                tr("Jurisdiction (US, EU, FR, UK or a code from your catalog)"),
                defaultValue="FR",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CURRENCY,
                tr("Currency of the costs (ISO code such as EUR, USD, GBP; empty = the jurisdiction's)"),
                defaultValue="",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCENARIOS,
                tr("Scenarios (comma-separated ids; empty = all)"),
                defaultValue="",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.SCENARIO_FOLDER,
                tr("User scenario folder (JSON files)"),
                behavior=FILE_PARAMETER_FOLDER,
                optional=True,
            )
        )
        self.add_catalog_parameter()
        self.addParameter(
            QgsProcessingParameterFile(
                self.CORRECTIONS,
                tr("Corrections table (CSV: raw, vendor_id)"),
                extension="csv",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REFERENCE_DATE,
                tr("Reference date (YYYY-MM-DD; empty = today)"),
                defaultValue="",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.RETAG, tr("Re-tag layers that already carry tags"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SELECTED_ONLY, tr("Selected features only"), defaultValue=False
            )
        )
        self.add_language_parameter(tr("Language of the reasons text"))
        self.add_field_parameters(parent=None)
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, tr("Assessment GeoPackage"), tr("GeoPackage (*.gpkg)")
            )
        )
        self.add_postgis_parameters(
            tr("Or write to PostGIS: database connection"), tr("PostGIS schema (created if missing)")
        )
        self.addOutput(QgsProcessingOutputNumber("ASSETS", tr("Assets assessed")))
        self.addOutput(QgsProcessingOutputNumber("EXPECTED_COST", tr("Expected cost")))
        self.addOutput(QgsProcessingOutputString("LAYERS", tr("Layers written")))
        self.addOutput(QgsProcessingOutputString("CURRENCY", tr("Currency of the costs")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        catalog = self.catalog(parameters, context)
        layers = self.parameterAsLayerList(parameters, self.INPUT, context)
        if not layers:
            raise QgsProcessingException(tr("No asset layer given."))
        try:
            scenarios = load_scenarios(
                self.parameterAsString(parameters, self.SCENARIOS, context) or None,
                self.parameterAsFile(parameters, self.SCENARIO_FOLDER, context) or None,
            )
            profile = load_profile(self.parameterAsFile(parameters, self.SCENARIO_FOLDER, context) or None)
        except ScenarioError as e:
            raise QgsProcessingException(tr("Scenario error: {}").format(e)) from e
        reference = parse_reference_date(self.parameterAsString(parameters, self.REFERENCE_DATE, context))
        corrections = read_corrections_parameter(self.parameterAsFile(parameters, self.CORRECTIONS, context))
        selected = self.parameterAsBoolean(parameters, self.SELECTED_ONLY, context)
        retag = self.parameterAsBoolean(parameters, self.RETAG, context)

        names = [layer_label(layer) for layer in layers]
        check_width(layers, len(TAG_COLUMNS) + len(RESULT_COLUMNS) + 1)
        per_layer = self.field_mappings(parameters, context, layers)
        check_makers(names, layers, per_layer)
        for name, fields in zip(names, per_layer):
            feedback.pushInfo(
                tr("Field mapping of {}: {}").format(
                    name, ", ".join(f"{r}={f}" for r, f in fields.items() if f)
                )
            )
        fields = {r: ";".join(dict.fromkeys(m[r] for m in per_layer if m.get(r))) for r in per_layer[0]}
        jurisdiction = self.parameterAsString(parameters, self.JURISDICTION, context)
        lang = self.language(parameters, context)
        currency = self.parameterAsString(parameters, self.CURRENCY, context)
        engine = Assessment(catalog, scenarios, profile, jurisdiction, reference, lang, currency)
        base = self.output_folder(parameters, context)
        ok, message = engine.start(
            fields,
            base=base,
            inputs={
                "layers": ";".join(names),
                "sources": ";".join(recorded_source(lyr.source(), base) for lyr in layers),
                "plugin_version": plugin_version(),
                "selected_only": selected,
                "retag": retag,
            },
        )
        if not ok:
            raise QgsProcessingException(message)
        builder, path, gpkg = self.destination(parameters, context, layers, scenarios)
        inputs = Inputs(layers, names, per_layer, selected)
        try:
            written, result = run_assessment(
                inputs, engine, Tagger(catalog, corrections), builder, retag=retag, feedback=feedback
            )
        except CancelledError:
            feedback.pushInfo(tr("Cancelled: nothing was written."))
            return {}
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(path, e)) from e
        for warning in getattr(builder, "warnings", ()):
            feedback.pushWarning(warning)
        for row in result.issues.head(50).itertuples():
            feedback.pushWarning(
                tr("asset {}, field {}: {} (value '{}')").format(
                    row.asset_id, row.field, row.message, row.value
                )
            )
        if len(result.issues) > 50:
            feedback.pushWarning(
                tr("… {} data issues in all: see the data_issues table").format(len(result.issues))
            )
        feedback.setProgress(97)
        from ..gis.styles.risk import style_assessment_outputs

        titles = {f"risk_{sc.id}": sc.label(lang) for sc in scenarios}
        style_assessment_outputs(path, written, context, lang, engine.currency, titles)
        ui_lang, cur = default_language(), engine.currency
        if engine.rates:
            feedback.pushInfo(tr("Costs in {}: {}").format(cur, result.run_info["exchange_rates"]))
        if engine.currency_note:
            feedback.pushWarning(engine.currency_note)
        total_p = float(result.run_info["probability_sum"])
        if abs(total_p - 1.0) > 1e-6:
            feedback.pushWarning(
                tr(
                    "The probabilities of the scenarios assessed add up to {:.2f}, not 1: the expected "
                    "cost weighs each by its probability divided by {:.2f}."
                ).format(total_p, total_p)
            )
        for row in result.scenario_summary.itertuples():
            feedback.pushInfo(
                tr("{}: level 3 {}, level 2 {}, incompatible {}, replacement {}, stranded {}").format(
                    row.scenario_id,
                    row.level_3,
                    row.level_2,
                    row.incompatible,
                    money(row.replacement_cost, cur, ui_lang),
                    money(row.stranded_value, cur, ui_lang),
                )
            )
        expected = float(result.run_info["expected_cost"])
        feedback.pushInfo(tr("Expected cost over scenarios: {}").format(money(expected, cur, ui_lang)))
        outputs = {
            "ASSETS": int(result.run_info["assets"]),
            "EXPECTED_COST": expected,
            "CURRENCY": engine.currency,
            "LAYERS": ";".join(written),
        }
        if gpkg is not None:
            outputs[self.OUTPUT] = gpkg
        return outputs

    def output_folder(self, parameters, context):
        """The folder run_info's file names are relative to: the GeoPackage's, or for a PostGIS
        output the QGIS project's (None: files by name)."""
        if self.postgis_location(parameters, context) is not None:
            return (context.project().homePath() if context.project() else "") or None
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        return os.path.dirname(os.path.abspath(path)) if path else None

    def destination(self, parameters, context, layers, scenarios):
        """(builder, description, GeoPackage path or None): a GeoPackage by default, a PostGIS
        schema when DATABASE and SCHEMA are both set. The output may never be one of the inputs."""
        location = self.postgis_location(parameters, context)
        if location is not None:
            return (*self.postgis_builder(*location, layers, scenarios), None)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        if any(os.path.abspath(path) == os.path.abspath(lyr.source().split("|")[0]) for lyr in layers):
            raise QgsProcessingException(tr("The output {} is an input: choose another file.").format(path))
        return GpkgBuilder(path), path, path

    def postgis_builder(self, connection, schema, layers, scenarios):
        from ..gis.io.postgis_write import PostgisBuilder, PostgisError, connection_uri, same_database

        where = tr("PostGIS schema {} of connection {}").format(schema, connection)
        try:
            uri = connection_uri(connection)
        except PostgisError as e:
            raise QgsProcessingException(str(e)) from e
        outputs = {f"risk_{sc.id}" for sc in scenarios} | set(self.TABLES)
        for lyr in layers:
            if lyr.providerType() != "postgres":
                continue
            source = QgsDataSourceUri(lyr.source())
            if (
                same_database(lyr.source(), uri)
                and (source.schema() or "public") == schema
                and source.table() in outputs
            ):
                raise QgsProcessingException(
                    tr("The output table {}.{} is an input: choose another schema.").format(
                        schema, source.table()
                    )
                )
        try:
            return PostgisBuilder(uri, schema), where
        except PostgisError as e:
            raise QgsProcessingException(tr("Could not write {}: {}").format(where, e)) from e
