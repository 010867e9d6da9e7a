"""The audit in explicit stages: prepare() reads the cameras, evaluate() judges them by rule.

Between the two, the caller (the QGIS side) measures what each camera sees, from the field of
view prepare() worked out; the engine itself never touches geometry libraries.
"""

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..tagging.fieldmap import detect_fields
from .cameras import build_camera_table
from .checks import BREACH, CANNOT, CHECKS, AuditContext
from .fov import fov_parameters
from .roles import CAMERA_ROLES
from .ruleset import SEVERITIES

FINDING_COLUMNS = (
    "camera_id",
    "rule_id",
    "rule_title",
    "rule_title_fr",
    "severity",
    "status",
    "evidence",
    "values_checked",
    "legal_basis",
    "source",
    "vendor",
)
_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass
class AuditResult:
    findings: pd.DataFrame  # one row per camera x rule finding; `row` = camera table index
    per_camera: pd.DataFrame
    per_rule: pd.DataFrame


class CameraAudit:
    """One audit run over one camera layer with one rule set."""

    def __init__(self, frame, ruleset, audit_date, jurisdiction, mapping=None, fids=None):
        self.frame, self.ruleset = frame, ruleset
        self.audit_date, self.jurisdiction = audit_date, jurisdiction
        self.mapping = mapping or detect_fields([str(c) for c in frame.columns], None, CAMERA_ROLES)
        self.fids = fids
        self.table = self.fov = self.messages = None

    @property
    def vendor_assessed(self):
        return "sanction_level" in self.frame.columns

    def prepare(self):
        """Parse every camera's values and work out its field of view; returns the messages."""
        self.table, self.messages = build_camera_table(self.frame, self.mapping, self.fids)
        self.fov = fov_parameters(self.table, self.ruleset.fov_defaults)
        return self.messages

    def evaluate(self, has_location, views):
        """Apply every rule; views maps 'dwellings'/'sensitive_sites' to pairs or None."""
        ctx = AuditContext(
            audit_date=self.audit_date,
            jurisdiction=self.jurisdiction,
            mapping=self.mapping,
            fov=self.fov,
            has_location=pd.Series(has_location, index=self.table.index),
            views=views,
            vendor_assessed=self.vendor_assessed,
        )
        parts = []
        for rule in self.ruleset.rules:
            out = CHECKS[rule.check](self.table, rule.parameters, ctx)
            out = out[out["status"].notna()]
            if out.empty:
                continue
            parts.append(
                pd.DataFrame(
                    {
                        "row": out.index,
                        "camera_id": self.table.loc[out.index, "camera_id"].to_numpy(),
                        "rule_id": rule.id,
                        "rule_title": rule.title_en,
                        "rule_title_fr": rule.title_fr,
                        "severity": rule.severity,
                        "status": out["status"].to_numpy(),
                        "evidence": out["evidence"].to_numpy(),
                        "values_checked": out["values"].to_numpy(),
                        "legal_basis": rule.legal_basis,
                        "source": rule.source,
                        "vendor": self.table.loc[out.index, "vendor"].to_numpy(),
                    }
                )
            )
        findings = (
            pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=("row",) + FINDING_COLUMNS)
        )
        per_camera = self.per_camera(findings)
        for rule in self.ruleset.rules:
            if rule.check == "view" and views.get(rule.parameters["layer"]) is not None:
                column = rule.parameters["layer"] + "_in_view"
                if column not in per_camera:
                    per_camera[column] = view_counts(
                        views[rule.parameters["layer"]], self.table.index, rule.parameters["min_overlap_m2"]
                    )
        return AuditResult(findings=findings, per_camera=per_camera, per_rule=self.per_rule(findings))

    def per_camera(self, findings):
        """One row per camera: counts, worst severity and the rules it breaks or leaves open."""
        t, fov = self.table, self.fov
        breach = findings[findings["status"] == BREACH]
        cannot = findings[findings["status"] == CANNOT]
        n_breach = breach.groupby("row").size().reindex(t.index, fill_value=0)
        n_cannot = cannot.groupby("row").size().reindex(t.index, fill_value=0)
        worst = (
            breach.assign(rank=breach["severity"].map(_RANK)).groupby("row")["rank"].max().reindex(t.index)
        )
        worst_txt = worst.map(lambda r: SEVERITIES[int(r)] if r == r else "")
        status = np.select([n_breach > 0, n_cannot > 0], [BREACH, CANNOT], "compliant")
        views = findings[findings["rule_id"].isin([r.id for r in self.ruleset.rules if r.check == "view"])]
        view_rank = (
            views["status"]
            .map({CANNOT: 1, BREACH: 2})
            .groupby(views["row"])
            .max()
            .reindex(t.index)
            .fillna(0)
            .to_numpy()
        )
        view_status = np.select([view_rank == 2, view_rank == 1], [BREACH, CANNOT], "clear")
        return pd.DataFrame(
            {
                "camera_id": t["camera_id"],
                "vendor": t["vendor"],
                "model": t["model"],
                "camera_type": fov["camera_type"],
                "field_of_view": fov["fov_text"],
                "fov_assumed": fov["assumed"],
                "assumed_values": fov["assumed_values"],
                "breaches": n_breach.astype("int64"),
                "cannot_verify": n_cannot.astype("int64"),
                "worst_severity": worst_txt,
                "status": status,
                "view_status": view_status,
                "rules_breached": _rule_lists(breach, t.index),
                "rules_unverified": _rule_lists(cannot, t.index),
            },
            index=t.index,
        )

    def per_rule(self, findings):
        """One row per rule: what it checks, on what basis, and how many cameras it caught."""
        counts = findings.groupby(["rule_id", "status"]).size().unstack(fill_value=0)
        rows = []
        for rule in self.ruleset.rules:
            got = counts.loc[rule.id] if rule.id in counts.index else {}
            rows.append(
                {
                    "rule_id": rule.id,
                    "title": rule.title_en,
                    "title_fr": rule.title_fr,
                    "severity": rule.severity,
                    "check": rule.check,
                    "breaches": int(got.get(BREACH, 0)),
                    "cannot_verify": int(got.get(CANNOT, 0)),
                    "cameras_checked": len(self.table),
                    "legal_basis": rule.legal_basis,
                    "source": rule.source,
                    "parameters": json.dumps(rule.parameters, ensure_ascii=False, sort_keys=True),
                }
            )
        return pd.DataFrame(rows)


def view_counts(pairs, index, minimum):
    """How many features each camera's field of view covers (polygons by at least `minimum` m²)."""
    hits = pairs[pairs["overlap_m2"].isna() | (pairs["overlap_m2"] >= minimum)]
    return hits.groupby("camera").size().reindex(index, fill_value=0).astype("int64")


def _rule_lists(findings, index):
    """'rule_a, rule_b' per camera, built one rule at a time (rules are few, cameras many)."""
    out = pd.Series("", index=index, dtype=object)
    for rule_id, rows in findings.groupby("rule_id", sort=False)["row"]:
        hit = pd.Series(False, index=index)
        hit[rows.to_numpy()] = True
        out = out.where(~hit, out.where(out.eq(""), out + ", ") + rule_id)
    return out


def district_summary(districts, camera_district, table):
    """Counts of cameras per district by vendor and sanction level (pure pandas).

    districts: DataFrame, one row per district; camera_district: district row per camera
    (-1 outside every district); table: the camera table (vendor, sanction_level).
    """
    from ..tagging.normalize import name_key

    out = districts.copy()
    inside = pd.Series(np.asarray(camera_district), index=table.index)
    inside = inside[inside >= 0]
    out["n_cameras"] = inside.value_counts().reindex(out.index, fill_value=0).astype("int64")
    vendor = table.loc[inside.index, "vendor"].where(lambda s: s.ne(""), "unknown")
    key = vendor.map(name_key)
    label = vendor.groupby(key).agg(lambda s: s.value_counts().index[0])  # commonest spelling
    counts = pd.DataFrame({"d": inside, "k": key}).groupby(["d", "k"]).size()
    text = {}
    for d, grp in counts.groupby(level=0):
        top = grp.droplevel(0).sort_values(ascending=False)
        text[d] = "; ".join(f"{label[k]} {n}" for k, n in top.items())
    out["cameras_by_vendor"] = pd.Series(text, dtype=object).reindex(out.index).fillna("")
    if "sanction_level" in table.columns:
        level = table.loc[inside.index, "sanction_level"]
        for lv in range(4):
            out[f"sanction_{lv}"] = (
                inside[level == lv].value_counts().reindex(out.index, fill_value=0).astype("int64")
            )
        out["sanction_unknown"] = (
            inside[level.isna()].value_counts().reindex(out.index, fill_value=0).astype("int64")
        )
    else:
        out["sanction_assessed"] = False
    return out
