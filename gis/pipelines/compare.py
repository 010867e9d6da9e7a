"""What changes for each asset between two scenarios of one run: a layer of the assets that move."""

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsRendererCategory,
)
from qgis.PyQt.QtCore import QCoreApplication

from ...risk.tagging.fieldmap import detect_fields
from ..compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from ..io.assessment_read import as_source
from ..io.gpkg_write import GpkgBuilder
from ..io.layers import read_layer

# Strongest first: an asset that changes in several ways is shown by the first that applies.
CHANGES = (
    ("becomes_incompatible", "#6a3d9a"),
    ("must_be_removed", "#7f0000"),
    ("level_rises", "#f46d43"),
    ("no_longer_removed", "#1a9641"),
    ("becomes_compatible", "#66bd63"),
    ("level_falls", "#a6d96a"),
)
CHANGE_KEYS = tuple(k for k, _ in CHANGES)
COMPARED = (
    "sanction_level",
    "compatible",
    "forced",
    "risk_score",
    "replacement_cost",
    "stranded_value",
    "reasons",
)


def change_label(key):
    labels = {
        "becomes_incompatible": QCoreApplication.translate("VendorRiskCompare", "Becomes incompatible"),
        "must_be_removed": QCoreApplication.translate("VendorRiskCompare", "Must be removed"),
        "level_rises": QCoreApplication.translate("VendorRiskCompare", "Sanction level rises"),
        "no_longer_removed": QCoreApplication.translate("VendorRiskCompare", "No longer removed"),
        "becomes_compatible": QCoreApplication.translate("VendorRiskCompare", "Becomes compatible"),
        "level_falls": QCoreApplication.translate("VendorRiskCompare", "Sanction level falls"),
    }
    return labels.get(key, key)


def _flag(series, default):
    values = series.astype(object).where(series.notna(), default)
    return values.map(
        lambda v: bool(int(v)) if isinstance(v, (int, float, np.integer, np.floating)) else bool(v)
    )


def classify(a, b):
    """Two scenario frames of the same assets -> (change, changes) per asset ('' = none)."""
    lvl_a = pd.to_numeric(a["sanction_level"], errors="coerce").fillna(0).to_numpy()
    lvl_b = pd.to_numeric(b["sanction_level"], errors="coerce").fillna(0).to_numpy()
    comp_a = _flag(a["compatible"], True).to_numpy(bool)
    comp_b = _flag(b["compatible"], True).to_numpy(bool)
    forced_a = _flag(a["forced"], False).to_numpy(bool)
    forced_b = _flag(b["forced"], False).to_numpy(bool)
    tests = {
        "becomes_incompatible": comp_a & ~comp_b,
        "must_be_removed": ~forced_a & forced_b,
        "level_rises": lvl_b > lvl_a,
        "no_longer_removed": forced_a & ~forced_b,
        "becomes_compatible": ~comp_a & comp_b,
        "level_falls": lvl_b < lvl_a,
    }
    n = len(a)
    change = np.full(n, "", dtype=object)
    changes = [[] for _ in range(n)]
    for key in reversed(CHANGE_KEYS):  # the strongest written last wins
        hit = tests[key]
        change[hit] = key
    for key in CHANGE_KEYS:
        for i in np.flatnonzero(tests[key]):
            changes[i].append(key)
    return change, np.array([";".join(c) for c in changes], dtype=object)


def _in_fid_order(data):
    """The rows sorted by feature id: a database returns them in no promised order."""
    if data.fids is None or len(data.fids) < 2 or bool(np.all(np.diff(data.fids) > 0)):
        return data
    order = np.argsort(data.fids, kind="stable")
    data.frame = data.frame.iloc[order].reset_index(drop=True)
    data.fids = np.asarray(data.fids)[order]
    if data.wkb is not None:
        data.wkb = np.asarray(data.wkb, dtype=object)[order]
    return data


def compare_scenarios(gpkg, scenario_a, scenario_b, out_path, progress=None):
    """Write the assets whose status changes from A to B to out_path; returns (uri, counts).

    `gpkg`: the assessment, a GeoPackage path or an AssessmentSource (GeoPackage or PostGIS)."""
    source = as_source(gpkg)
    if scenario_a == scenario_b:
        raise ValueError(
            QCoreApplication.translate("VendorRiskCompare", "Choose two different scenarios to compare.")
        )
    datas = []
    for sid in (scenario_a, scenario_b):
        layer = source.layer(f"risk_{sid}")
        if not layer.isValid():
            raise ValueError(
                QCoreApplication.translate(
                    "VendorRiskCompare", "{} holds no layer risk_{}: was the scenario assessed in this run?"
                ).format(source.label(), sid)
            )
        datas.append(_in_fid_order(read_layer(layer)))
        if progress is not None:
            progress(40 * len(datas))
    a, b = datas
    if len(a) != len(b) or (a.fids is not None and b.fids is not None and not np.array_equal(a.fids, b.fids)):
        # pylupdate5 reads no translate() call with a trailing comma: kept as written
        # fmt: off
        message = QCoreApplication.translate("VendorRiskCompare", "risk_{} and risk_{} do not "
                                             "hold the same assets: compare scenarios of one run")
        # fmt: on
        raise ValueError(message.format(scenario_a, scenario_b))
    missing = [c for c in COMPARED if c not in a.frame.columns or c not in b.frame.columns]
    if missing:
        raise ValueError(
            QCoreApplication.translate("VendorRiskCompare", "the risk layers lack the field(s) {}").format(
                ", ".join(missing)
            )
        )
    change, changes = classify(a.frame, b.frame)
    keep = change != ""
    fb, fa = b.frame[keep].reset_index(drop=True), a.frame[keep].reset_index(drop=True)
    id_field = detect_fields(
        [c for c in fb.columns if c != "fid"],
        None,
        {"id": ("asset_id", "camera_id", "id", "identifiant", "ref")},
    )["id"]

    def col(frame, name, default=""):
        return frame[name] if name in frame.columns else pd.Series([default] * len(frame))

    out = pd.DataFrame(
        {
            "change": change[keep],
            "changes": changes[keep],
            "scenario_a": scenario_a,
            "scenario_b": scenario_b,
            "source_layer": col(fb, "source_layer"),
            "asset_ref": col(fb, id_field).astype(object) if id_field else "",
            "vendor_id": col(fb, "vendor_id"),
            "vendor_name": col(fb, "vendor_name"),
            "asset_class": col(fb, "asset_class"),
            "level_a": pd.to_numeric(fa["sanction_level"], errors="coerce"),
            "level_b": pd.to_numeric(fb["sanction_level"], errors="coerce"),
            "compatible_a": _flag(fa["compatible"], True),
            "compatible_b": _flag(fb["compatible"], True),
            "forced_a": _flag(fa["forced"], False),
            "forced_b": _flag(fb["forced"], False),
            "score_a": pd.to_numeric(fa["risk_score"], errors="coerce"),
            "score_b": pd.to_numeric(fb["risk_score"], errors="coerce"),
            "cost_a": pd.to_numeric(fa["replacement_cost"], errors="coerce").fillna(0)
            + pd.to_numeric(fa["stranded_value"], errors="coerce").fillna(0),
            "cost_b": pd.to_numeric(fb["replacement_cost"], errors="coerce").fillna(0)
            + pd.to_numeric(fb["stranded_value"], errors="coerce").fillna(0),
            "reasons_b": col(fb, "reasons"),
        }
    )
    out["asset_ref"] = out["asset_ref"].map(lambda v: "" if v is None or v != v else str(v))
    kinds = {
        "level_a": "int",
        "level_b": "int",
        "compatible_a": "bool",
        "compatible_b": "bool",
        "forced_a": "bool",
        "forced_b": "bool",
        "score_a": "float",
        "score_b": "float",
        "cost_a": "float",
        "cost_b": "float",
    }
    wkb = b.wkb[keep] if b.wkb is not None else None
    name = f"changes_{scenario_a}_to_{scenario_b}"
    with GpkgBuilder(out_path) as builder:
        builder.add(name, out, kinds, wkb, b.geometry_type, b.crs_wkt)
        builder.commit()
    if progress is not None:
        progress(100)
    counts = {k: int((out["change"] == k).sum()) for k in CHANGE_KEYS}
    return f"{out_path}|layername={name}", counts


def _symbol(geometry_type, color):
    if geometry_type == GEOMETRY_LINE:
        return QgsLineSymbol.createSimple({"color": color, "width": "1.2"})
    if geometry_type == GEOMETRY_POLYGON:
        return QgsFillSymbol.createSimple({"color": color, "outline_color": "#333333"})
    return QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": color, "size": "3", "outline_color": "#222222", "outline_width": "0.3"}
    )


def style_comparison(layer):
    """Categorised by `change`, one colour per kind of change; map tip with the new reasons."""
    categories = [
        QgsRendererCategory(key, _symbol(layer.geometryType(), color), change_label(key))
        for key, color in CHANGES
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("change", categories))
    layer.setMapTipTemplate(
        '<b>[% "vendor_name" %]</b> [% "asset_ref" %]<br>[% "change" %]: '
        '[% "level_a" %] → [% "level_b" %]<br>[% "reasons_b" %]'
    )
    layer.setDisplayExpression('"vendor_name" || \' — \' || "change"')
    layer.triggerRepaint()
    return layer
