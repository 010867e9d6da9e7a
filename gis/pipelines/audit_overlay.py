"""What the cameras see: sectors against sensitive sites, dwellings and districts (GEOS via QGIS)."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsSpatialIndex,
)

from ...risk.audit.roles import NON_RESIDENTIAL_WORDS, RESIDENTIAL_WORDS
from ...risk.audit.values import norm
from ...risk.tagging.fieldmap import detect_fields
from ..compat import GEOMETRY_POINT, GEOMETRY_POLYGON


def read_geometries(layer, work_wkt, transform_context, roles, messages, label):
    """Features of an optional layer in the work CRS: list of (QgsGeometry, {role: value})."""
    if layer is None:
        return None
    crs = QgsCoordinateReferenceSystem.fromWkt(work_wkt)
    names = layer.fields().names()
    mapping = detect_fields(names, None, roles)
    request = QgsFeatureRequest().setDestinationCrs(crs, transform_context)
    out, skipped, repaired = [], [], 0
    for feat in layer.getFeatures(request):
        geom = feat.geometry()
        if geom.isNull() or geom.isEmpty():
            skipped.append(feat.id())
            continue
        if geom.type() == GEOMETRY_POLYGON and not geom.isGeosValid():
            geom = geom.makeValid()
            repaired += 1
        attrs = {role: (feat[field] if field else None) for role, field in mapping.items()}
        attrs["fid"] = feat.id()
        out.append((geom, attrs))
    if skipped:
        messages.add(
            f"{label}: {len(skipped)} features without geometry ignored "
            f"(fid {', '.join(map(str, skipped[:10]))}{' ...' if len(skipped) > 10 else ''})"
        )
    if repaired:
        messages.add(f"{label}: {repaired} invalid polygons repaired before use")
    return out


def is_residential(usage):
    """Unknown or mixed use counts as housing: a view into a home must not be missed."""
    usage = norm(usage)
    if usage is None or any(w in usage for w in RESIDENTIAL_WORDS):
        return True
    return not any(w in usage for w in NON_RESIDENTIAL_WORDS)


def residential(features, messages):
    """Keep the buildings used for housing when the layer says what each is used for."""
    if not features or all(a.get("usage") is None for _g, a in features):
        return features
    keep = []
    for geom, attrs in features:
        if is_residential(attrs.get("usage")):
            keep.append((geom, attrs))
    messages.note(
        f"dwellings: {len(keep)} of {len(features)} buildings are residential "
        "(by their usage field) and are checked for views; all are excluded from "
        "public space"
    )
    return keep


def points_as_discs(features, radius):
    """Point features stand for a place (a school, a church): a disc of `radius` metres."""
    if not features or radius <= 0:
        return features
    return [(g.buffer(radius, 12) if g.type() == GEOMETRY_POINT else g, attrs) for g, attrs in features]


class SectorIndex:
    """Sectors as QGIS geometries with a spatial index, built once per run."""

    def __init__(self, work_wkb):
        self.geoms = [None] * len(work_wkb)
        self.index = QgsSpatialIndex()
        for i, blob in enumerate(work_wkb):
            if blob is None:
                continue
            g = QgsGeometry()
            g.fromWkb(blob)
            self.geoms[i] = g
            self.index.addFeature(i, g.boundingBox())

    def candidates(self, rect):
        return self.index.intersects(rect)


def view_pairs(sectors, features, name_of):
    """(camera, name, overlap_m2) for every sector touching a feature; points have NaN area."""
    cams, names, areas = [], [], []
    for geom, attrs in features or ():
        hits = sectors.candidates(geom.boundingBox())
        if not hits:
            continue
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        polygon = geom.type() == GEOMETRY_POLYGON
        for c in hits:
            sector = sectors.geoms[c]
            if not engine.intersects(sector.constGet()):
                continue
            cams.append(c)
            names.append(name_of(attrs))
            areas.append(geom.intersection(sector).area() if polygon else np.nan)
    return pd.DataFrame(
        {
            "camera": pd.Series(cams, dtype="int64"),
            "name": pd.Series(names, dtype=object),
            "overlap_m2": pd.Series(areas, dtype=float),
        }
    )


def site_name(attrs):
    name = attrs.get("name") or f"site fid {attrs['fid']}"
    return f"{name} ({attrs['kind']})" if attrs.get("kind") else str(name)


def building_name(attrs):
    return _text(attrs.get("id"), f"building fid {attrs['fid']}")


def district_coverage(districts, sectors, buildings, x, y):
    """Per district: public area, area under view, and which district each camera stands in.

    Public space is approximated as the district minus every building footprint of the
    dwellings layer; the area under view is the union of the sectors clipped to that space.
    """
    rows, geoms = [], []
    camera_district = np.full(len(x), -1, dtype=np.int64)
    b_index = QgsSpatialIndex()
    for i, (g, _a) in enumerate(buildings or ()):
        b_index.addFeature(i, g.boundingBox())
    for d, (geom, attrs) in enumerate(districts):
        box = geom.boundingBox()
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        parts = [buildings[i][0] for i in b_index.intersects(box)] if buildings else []
        public = geom
        if parts:
            public = geom.difference(QgsGeometry.unaryUnion(parts))
        seen = [
            sectors.geoms[c]
            for c in sectors.candidates(box)
            if engine.intersects(sectors.geoms[c].constGet())
        ]
        covered = QgsGeometry.unaryUnion(seen).intersection(public) if seen else None
        inside = np.flatnonzero(
            (x >= box.xMinimum()) & (x <= box.xMaximum()) & (y >= box.yMinimum()) & (y <= box.yMaximum())
        )
        for c in inside:
            if camera_district[c] < 0 and geom.contains(QgsPointXY(x[c], y[c])):
                camera_district[c] = d
        public_area = public.area()
        covered_area = covered.area() if covered is not None and not covered.isEmpty() else 0.0
        rows.append(
            {
                "district_id": _text(attrs.get("id"), f"fid {attrs['fid']}"),
                "district": _text(attrs.get("name"), _text(attrs.get("id"), f"fid {attrs['fid']}")),
                "area_m2": round(geom.area(), 1),
                "public_area_m2": round(public_area, 1),
                "covered_area_m2": round(covered_area, 1),
                "coverage_share": round(covered_area / public_area, 4) if public_area > 0 else None,
            }
        )
        geoms.append(geom)
    return pd.DataFrame(rows), geoms, camera_district


def _text(value, fallback):
    if value is None or (isinstance(value, float) and np.isnan(value)) or str(value).strip() == "":
        return fallback
    return str(value)
