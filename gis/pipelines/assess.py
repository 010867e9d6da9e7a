"""Asset layers in, one assessment GeoPackage out, streamed chunk by chunk.

Pass 1 reads only the id and platform fields, to learn which assets others are wired to;
pass 2 reads those platform rows; pass 3 reads, tags, assesses and writes every layer in
chunks. Memory follows the chunk, not the layer.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd
from osgeo import ogr, osr

from ...risk.columns import id_text, text
from ...risk.schema import (
    ASSET_ID,
    RESULT_KINDS,
    REVIEW_COLUMNS,
    SOURCE_LAYER,
    TAG_COLUMNS,
    TAG_KINDS,
    input_renames,
    is_tagged,
)
from ..compat import ogr_wkb_code
from ..io.arrow_columns import wkb_values
from ..io.gpkg_write import GpkgBuilder, kind_of  # noqa: F401 - GpkgBuilder: the default
from ..io.layer_data import layer_kinds
from ..io.layers import iter_layer

SOURCE_FIELD = SOURCE_LAYER.name
ID_FIELD = ASSET_ID.name
CHUNK_ROWS = 200_000
# Result columns that do not change between scenarios: derived layers take them from the first
# (scenario_id is set as a constant).
SAME_IN_EVERY_SCENARIO = ("scenario_id", "purchase_value", "cost_assumed")


class CancelledError(Exception):
    """The user cancelled: nothing is written."""


@dataclass
class Inputs:
    layers: list
    names: list
    fields: list  # per layer: role -> that layer's field name (or None)
    selected_only: bool = False


def union_kinds(layers):
    """Every input field with one kind for all layers: the kind they share, else the widest
    that holds both (int < int64 < float; bool within any number; date within datetime);
    text only where the kinds have nothing in common (a field that is text in one layer)."""
    kinds = {SOURCE_FIELD: "str"}
    for layer in layers:
        for name, kind in layer_kinds(layer).items():
            kinds[name] = wider_kind(kinds[name], kind) if name in kinds else kind
    return kinds


_NUMBERS = ("bool", "int", "int64", "float")


def wider_kind(a, b):
    """The narrowest kind that holds values of both kinds."""
    if a == b:
        return a
    if a in _NUMBERS and b in _NUMBERS:
        return max(a, b, key=_NUMBERS.index)
    if {a, b} == {"date", "datetime"}:
        return "datetime"
    return "str"


def ids_are_roles(layers, fields):
    """Whether every input field named like the common id column is its layer's id field
    (then the common column carries its values and the field is not written twice)."""
    return all(
        fields_of.get("id") == ID_FIELD
        for lyr, fields_of in zip(layers, fields)
        if ID_FIELD in lyr.fields().names()
    )


def output_geometry(layers):
    """One geometry type for all outputs: the layers' own when they agree, else generic."""
    types = {ogr_wkb_code(lyr.wkbType()) for lyr in layers if lyr.isSpatial()}
    return types.pop() if len(types) == 1 else ogr.wkbUnknown


def platform_ids(inputs):
    """Pass 1: the ids that some asset names as its platform."""
    found = set()
    for layer, fields in zip(inputs.layers, inputs.fields):
        pf = fields.get("platform")
        if not pf:
            continue
        cols = [pf]
        for chunk in iter_layer(layer, CHUNK_ROWS, inputs.selected_only, columns=cols, geometry=False):
            found.update(text(chunk.frame[pf]).cat.categories)
    found.discard("")
    return found


def platform_rows(inputs, ids, tagger, retag):
    """Pass 2: the rows whose id is in `ids`, from every layer (role fields only), tagged and
    with their role fields renamed to the role names."""
    if not ids:
        return None
    frames = []
    for layer, fields in zip(inputs.layers, inputs.fields):
        idf = fields.get("id")
        if not idf:
            continue
        names = layer.fields().names()
        roles = {f: r for r, f in fields.items() if f}
        cols = list(roles) + [c for c in TAG_COLUMNS if c in names]
        for chunk in iter_layer(layer, CHUNK_ROWS, inputs.selected_only, columns=cols, geometry=False):
            keep = text(chunk.frame[idf]).isin(ids).to_numpy()
            if not keep.any():
                continue
            part = chunk.frame[keep].reset_index(drop=True)
            if not is_tagged(part.columns) or retag:
                tags = tagger.tag(part, fields)[0]
                part = part.drop(columns=[c for c in TAG_COLUMNS if c in part.columns]).join(tags)
            part = part.drop(columns=[c for c in part.columns if c in ROLE_NAMES and c not in roles])
            frames.append(part.rename(columns=roles))
    return pd.concat(frames, ignore_index=True) if frames else None


ROLE_NAMES = (
    "id",
    "class",
    "manufacturer",
    "brand",
    "model",
    "install_year",
    "unit_cost",
    "quantity",
    "protocols",
    "platform",
)


def reproject(wkb, src_wkt, dst_wkt):
    """WKB values from one CRS to another (the slow path, for layers in another CRS)."""
    src, dst = osr.SpatialReference(), osr.SpatialReference()
    src.SetFromUserInput(src_wkt)
    dst.SetFromUserInput(dst_wkt)
    if src.IsSame(dst):
        return wkb
    for s in (src, dst):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    out = np.empty(len(wkb), dtype=object)
    for i, g in enumerate(wkb_values(wkb)):
        if g is None:
            out[i] = None
            continue
        geom = ogr.CreateGeometryFromWkb(g)
        geom.Transform(ct)
        out[i] = bytes(geom.ExportToIsoWkb())
    return out


def scenario_frame(frame, ids, tags, result, columns, renamed=None):
    """Layer name, common id, input attributes (all layers' columns, stale tag/result columns
    dropped), tags, results."""
    attrs = frame.reindex(columns=columns)
    if renamed:
        attrs = attrs.rename(columns=renamed)
    attrs.insert(1, ID_FIELD, ids.to_numpy())
    return pd.concat(
        [attrs.reset_index(drop=True), tags.reset_index(drop=True), result.reset_index(drop=True)], axis=1
    )


class BackgroundWriter:
    """One thread that runs queued writes in order while the next chunk is computed (SQLite
    and psycopg2 release the GIL while they work). The queue is short, so memory stays
    bounded; the first error stops the run and is raised in the caller's thread."""

    def __init__(self, depth=2):
        import queue
        import threading

        self.jobs = queue.Queue(maxsize=depth)
        self.error = None
        self.thread = threading.Thread(target=self._work, name="vendor-risk-writer", daemon=True)
        self.thread.start()

    def _work(self):
        while True:
            job = self.jobs.get()
            if job is None:
                return
            if self.error is None:
                try:
                    job[0](*job[1:])
                except BaseException as e:  # noqa: BLE001 - re-raised in the caller
                    self.error = e

    def submit(self, fn, *args):
        if self.error is not None:
            self.close()
        self.jobs.put((fn, *args))

    def close(self):
        if self.thread.is_alive():
            self.jobs.put(None)
            self.thread.join()
        if self.error is not None:
            error, self.error = self.error, None
            raise error


class AssessmentWriter:
    """Creates the risk_<scenario> layers on the first chunk, appends the others, then writes
    the summary tables; nothing reaches the destination before commit().

    `builder` is a GpkgBuilder or any object with the same methods (create -> writer with
    append/finish, add, commit, abort, uri)."""

    def __init__(self, builder, scenario_ids, kinds, geometry_type, crs_wkt, keep_inputs=(), own_ids=True):
        self.builder = builder
        self.scenario_ids = scenario_ids
        stale = set(TAG_COLUMNS) | set(RESULT_KINDS)
        # An input field named like an output field in any case (an untagged layer's own
        # 'asset_class', a 'Risk_Score' of its own) is kept under <name>_input; a tagged
        # layer's old tags and results are simply replaced.
        # An input 'asset_id' that is its layer's id field is the common id: written once.
        replaced = [c for c in kinds if c in stale and c not in keep_inputs]
        replaced += [ID_FIELD] if own_ids and ID_FIELD in kinds else []
        ours = [c for c in kinds if c != SOURCE_FIELD]  # ours: the layer's name on every row
        self.renamed = input_renames(ours, [SOURCE_FIELD, ID_FIELD, *stale], replaced)
        self.columns = [c for c in kinds if c not in replaced]
        self.kinds = {self.renamed.get(c, c): kinds[c] for c in self.columns}
        self.kinds[ID_FIELD] = ASSET_ID.kind
        self.kinds.update(TAG_KINDS)
        self.kinds.update(RESULT_KINDS)
        self.geometry_type = geometry_type
        self.crs_wkt = crs_wkt
        self.writers = {}
        self.templates = {}
        self.written = {}
        self.background = BackgroundWriter()

    def append(self, frame, ids, wkb, tags, results):
        """Queue one chunk (`ids`: the common asset id of its rows): frames are built here,
        written by the background writer."""
        for i, sid in enumerate(self.scenario_ids):
            if i > 0:  # the other scenarios: only their own columns, derived inside the store
                out = results[sid].drop(columns=list(SAME_IN_EVERY_SCENARIO)).reset_index(drop=True)
                if sid not in self.templates:
                    self.templates[sid] = scenario_frame(
                        frame.iloc[:0],
                        ids.iloc[:0],
                        tags.iloc[:0],
                        results[sid].iloc[:0],
                        self.columns,
                        self.renamed,
                    )
                self.background.submit(self._write_stage, sid, out)
                continue
            out = scenario_frame(frame, ids, tags, results[sid], self.columns, self.renamed)
            self.background.submit(self._write_layer, sid, out, wkb)

    def _write_stage(self, sid, out):
        writer = self.writers.get(sid)
        if writer is None:
            writer = self.writers[sid] = self.builder.stage(f"_stage_{sid}", out, self.kinds)
        writer.append(out)

    def _write_layer(self, sid, out, wkb):
        writer = self.writers.get(sid)
        if writer is None:
            writer = self.writers[sid] = self.builder.create(
                f"risk_{sid}", out, self.kinds, self.geometry_type, self.crs_wkt
            )
        for start in range(0, len(out), GpkgBuilder.CHUNK):
            stop = start + GpkgBuilder.CHUNK
            writer.append(out.iloc[start:stop], wkb[start:stop] if wkb is not None else None)

    def abort(self):
        self.background.close()

    def commit(self, result, review):
        self.background.close()  # every queued chunk written (or its error raised here)
        for writer in self.writers.values():
            writer.finish()
        first = f"risk_{self.scenario_ids[0]}"
        for sid, template in self.templates.items():
            self.builder.derive(
                f"risk_{sid}",
                first,
                f"_stage_{sid}",
                template,
                self.kinds,
                self.geometry_type,
                self.crs_wkt,
                {"scenario_id": sid},
            )
        for sid in self.scenario_ids:  # the builder knows a layer's URI once it is made
            if sid in self.writers or sid in self.templates:
                self.written[f"risk_{sid}"] = self.builder.uri(f"risk_{sid}")
        tables = {
            "vendor_summary": result.vendor_summary,
            "scenario_summary": result.scenario_summary,
            "run_info": pd.DataFrame(
                {
                    "key": list(result.run_info),
                    "value": ["" if v is None else str(v) for v in result.run_info.values()],  # never 'None'
                }
            ),
            "data_issues": result.issues,
        }
        if review is not None:
            tables["match_review"] = review
        for name, table in tables.items():
            self.builder.add(
                name, table.reset_index(drop=True), {c: kind_of(table[c]) for c in table.columns}
            )
            self.written[name] = self.builder.uri(name)
        self.builder.commit()
        return self.written


def merge_reviews(reviews):
    """Review tables of several chunks -> one, counts added up, most frequent first."""
    reviews = [r for r in reviews if r is not None and len(r)]
    if not reviews:
        return pd.DataFrame(columns=list(REVIEW_COLUMNS))
    both = pd.concat(reviews, ignore_index=True)
    keys = ["raw", "field", "vendor_id"]
    counts = both.groupby(keys, sort=False)["count"].sum()
    first = both.drop_duplicates(subset=keys).set_index(keys)
    first["count"] = counts
    out = first.reset_index().sort_values(["count", "raw"], ascending=[False, True], kind="stable")
    return out[list(REVIEW_COLUMNS)].reset_index(drop=True)


def run_assessment(inputs, engine, tagger, builder, retag=False, feedback=None, chunk_rows=None):
    """The whole pipeline into `builder` (GpkgBuilder or alike); returns (written layers,
    AssessmentResult). On any failure or cancel the builder is aborted: nothing is written."""
    chunk_rows = chunk_rows or CHUNK_ROWS
    try:
        return _run(inputs, engine, tagger, builder, retag, feedback, chunk_rows)
    except BaseException:
        builder.abort()
        raise


def _run(inputs, engine, tagger, builder, retag, feedback, chunk_rows):
    ids = platform_ids(inputs)
    plat = platform_rows(inputs, ids, tagger, retag)
    if plat is not None:
        engine.set_platforms(plat, {r: r for r in ROLE_NAMES if r in plat.columns}, ids)
    kinds = union_kinds(inputs.layers)
    crs = inputs.layers[0].crs().toWkt()
    stale = set(TAG_COLUMNS) | set(RESULT_KINDS)
    untagged = [lyr for lyr in inputs.layers if retag or not is_tagged(lyr.fields().names())]
    keep = {c for lyr in untagged for c in lyr.fields().names() if c in stale}
    writer = AssessmentWriter(
        builder,
        [sc.id for sc in engine.scenarios],
        kinds,
        output_geometry(inputs.layers),
        crs,
        keep,
        ids_are_roles(inputs.layers, inputs.fields),
    )
    try:
        reviews, done = [], 0
        total = sum(max(lyr.featureCount(), 0) for lyr in inputs.layers) or 1
        for layer, name, fields in zip(inputs.layers, inputs.names, inputs.fields):
            tagged = not retag and is_tagged(layer.fields().names())
            for chunk in iter_layer(layer, chunk_rows, inputs.selected_only):
                if feedback is not None and feedback.isCanceled():
                    raise CancelledError()
                frame = chunk.frame
                if SOURCE_FIELD in frame.columns:
                    frame[SOURCE_FIELD] = name
                else:
                    frame.insert(0, SOURCE_FIELD, name)
                if tagged:
                    tags = frame[[c for c in TAG_COLUMNS if c in frame.columns]]
                else:
                    tags, review = tagger.tag(frame, fields)
                    reviews.append(review)
                engine_input = frame.drop(columns=[c for c in TAG_COLUMNS if c in frame.columns])
                results = engine.assess(engine_input.join(tags), fields=fields)
                wkb = chunk.wkb
                if wkb is not None and chunk.crs_wkt and chunk.crs_wkt != crs:
                    wkb = reproject(wkb, chunk.crs_wkt, crs)
                idf = fields.get("id")
                ids = id_text(frame[idf] if idf in frame.columns else None, frame.index)
                writer.append(frame, ids, wkb, tags, results)
                done += len(frame)
                if feedback is not None:
                    feedback.setProgress(min(95.0, 95.0 * done / total))
        if feedback is not None and feedback.isCanceled():
            raise CancelledError()
        result = engine.finish()
        return writer.commit(result, merge_reviews(reviews) if reviews else None), result
    except BaseException:
        try:
            writer.abort()  # stop the background writer before the files go
        except BaseException:  # noqa: BLE001 - the first error is the one to report
            pass
        raise
