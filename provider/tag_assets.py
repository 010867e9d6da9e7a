"""vendorrisk:tagassets — vendor, match evidence, class and standards for every asset."""

import os

import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)

from ..gis.compat import SOURCE_VECTOR, SOURCE_VECTOR_ANY, WKB_NO_GEOMETRY, make_field
from ..gis.io.layers import read_layer
from ..gis.io.outputs import write_vector
from ..gis.io.paths import data_path, family
from ..risk.safety.text import safe_text
from ..risk.schema import TAG_COLUMNS, input_renames, is_tagged
from ..risk.tagging.matching import read_corrections
from ..risk.tagging.tagger import Tagger
from .base import WRITE_ERRORS, VendorRiskAlgorithm, check_width, tr, write_failure


def tag_layer_data(data, catalog, fields, corrections=None):
    """Input columns (minus stale tag columns) + fresh tags, and the review table."""
    tags, review = Tagger(catalog, corrections).tag(data.frame, fields)
    names = list(data.frame.columns)
    tagged = is_tagged(names)
    replaced = [c for c in names if c in TAG_COLUMNS] if tagged else []
    renames = input_renames(names, list(tags.columns), replaced)
    kept = [c for c in names if c not in replaced]
    frame = pd.concat([data.frame[kept].rename(columns=renames), tags], axis=1)
    return frame, review


def read_corrections_parameter(path):
    if not path:
        return None
    try:
        return read_corrections(path)
    except (OSError, ValueError, KeyError) as e:
        raise QgsProcessingException(tr("Corrections table: {}").format(e)) from e


def write_table_sink(alg, parameters, name, context, frame):
    """Write a small non-spatial DataFrame to a feature sink parameter."""
    fields = QgsFields()
    types = {}
    for col in frame.columns:
        if pd.api.types.is_integer_dtype(frame[col]):
            types[col] = "int64"
        elif pd.api.types.is_float_dtype(frame[col]):
            types[col] = "float"
        elif pd.api.types.is_bool_dtype(frame[col]):
            types[col] = "bool"
        else:
            types[col] = "str"
        fields.append(make_field(str(col), types[col]))
    sink, dest = alg.parameterAsSink(parameters, name, context, fields, WKB_NO_GEOMETRY)
    if sink is None:
        return None
    text = [types[c] == "str" for c in frame.columns]
    for row in frame.itertuples(index=False):
        feat = QgsFeature(fields)
        feat.setAttributes(
            [  # users open these in a spreadsheet: no live formula
                None
                if pd.isna(v)
                else safe_text(str(v))
                if is_text
                else (v.item() if hasattr(v, "item") else v)
                for v, is_text in zip(row, text)
            ]
        )
        if not sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(tr("{} could not be written: {}").format(name, _sink_error(sink)))
    if not sink.flushBuffer():
        raise QgsProcessingException(tr("{} could not be written: {}").format(name, _sink_error(sink)))
    return dest


def _remove_written(uri):
    path = data_path(uri)
    for p in family(path) if path else ():
        if os.path.exists(p):
            os.unlink(p)


def _sink_error(sink):
    return (sink.lastError() if hasattr(sink, "lastError") else "") or tr("write failed")


class TagAssetsAlgorithm(VendorRiskAlgorithm):
    INPUT = "INPUT"
    CORRECTIONS = "CORRECTIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_REVIEW = "OUTPUT_REVIEW"

    def name(self):
        return "tagassets"

    def displayName(self):  # noqa: N802
        return tr("Tag assets by vendor and standard")

    EXAMPLE = (
        "./vendor-risk run vendorrisk:tagassets -- INPUT='city.gpkg|layername=cameras' OUTPUT=tagged.gpkg"
    )

    def help_text(self):
        return tr(
            "Resolves each asset's manufacturer, brand and model strings to a catalogued vendor "
            "(following parents, subsidiaries, brands and OEM relations), says how it was matched "
            "and how sure the match is, and lists the standards the asset speaks. Fields are "
            "auto-detected from common English and French names and can be set explicitly. "
            "A corrections table (CSV with columns raw, vendor_id) wins over automatic matching. "
            "The review table lists each distinct string that needs a decision, with its count. "
            "The input layer is never modified."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterVectorLayer(self.INPUT, tr("Asset layer"), [SOURCE_VECTOR]))
        self.add_catalog_parameter()
        self.addParameter(
            QgsProcessingParameterFile(
                self.CORRECTIONS,
                tr("Corrections table (CSV: raw, vendor_id)"),
                extension="csv",
                optional=True,
            )
        )
        self.add_field_parameters()
        self.addParameter(
            QgsProcessingParameterVectorDestination(self.OUTPUT, tr("Tagged assets"), SOURCE_VECTOR_ANY)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_REVIEW,
                tr("Strings to review"),
                SOURCE_VECTOR,
                optional=True,
                createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("ASSETS", tr("Assets tagged")))
        self.addOutput(QgsProcessingOutputNumber("NEEDS_REVIEW", tr("Assets needing review")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        catalog = self.catalog(parameters, context)
        layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(tr("The input layer could not be loaded."))
        check_width([layer], len(TAG_COLUMNS))
        corrections = read_corrections_parameter(self.parameterAsFile(parameters, self.CORRECTIONS, context))
        feedback.pushInfo(tr("Catalog {} ({})").format(catalog.version, catalog.as_of))
        data = read_layer(layer, feedback=feedback)
        feedback.setProgress(30)
        fields = self.field_mapping(parameters, context, data.frame.columns)
        feedback.pushInfo(
            tr("Field mapping: {}").format(", ".join(f"{r}={f}" for r, f in fields.items() if f))
        )
        if not any(fields.get(r) for r in ("manufacturer", "brand", "model")):
            feedback.reportError(
                tr("No manufacturer, brand or model field found among: {}. Set FIELD_MANUFACTURER.").format(
                    ", ".join(map(str, data.frame.columns))
                )
            )
        try:
            frame, review = tag_layer_data(data, catalog, fields, corrections)
        except ValueError as e:
            raise QgsProcessingException(str(e)) from e
        if feedback.isCanceled():
            return {}
        feedback.setProgress(60)
        dest = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        kinds = {c: k for c, k in data.kinds.items() if c in frame.columns}
        try:
            written = write_vector(dest, frame, kinds, data, "tagged_assets")
        except WRITE_ERRORS as e:
            raise QgsProcessingException(write_failure(dest, e)) from e
        try:
            review_dest = write_table_sink(self, parameters, self.OUTPUT_REVIEW, context, review)
        except BaseException:
            _remove_written(written)  # all or nothing: no tagged layer without its review
            raise
        counts = frame["match_method"].value_counts()
        for method, count in counts.items():
            feedback.pushInfo(f"{method}: {count}")
        n_review = int(frame["needs_review"].sum())
        feedback.pushInfo(
            tr("{} assets tagged, {} need review ({} distinct strings)").format(
                len(frame), n_review, len(review)
            )
        )
        return {
            self.OUTPUT: written,
            self.OUTPUT_REVIEW: review_dest,
            "ASSETS": len(frame),
            "NEEDS_REVIEW": n_review,
        }
