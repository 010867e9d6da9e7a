"""The audit as one plain data structure; the workbook, layers and PDF are all written from it."""

from dataclasses import dataclass, field

import pandas as pd

from ..provenance import recorded
from .checks import BREACH, CANNOT


@dataclass
class AuditReport:
    title: str
    findings: pd.DataFrame
    per_rule: pd.DataFrame
    per_camera: pd.DataFrame
    districts: pd.DataFrame
    ruleset: object
    run_info: list  # (key, value) pairs, in display order
    messages: list = field(default_factory=list)

    def totals(self):
        """Headline counts for the report's first page and the log."""
        pc = self.per_camera
        return {
            "cameras": len(pc),
            "breaches": int((self.findings["status"] == BREACH).sum()),
            "cannot_verify": int((self.findings["status"] == CANNOT).sum()),
            "cameras_with_breach": int((pc["breaches"] > 0).sum()),
            "cameras_unverified_only": int(((pc["breaches"] == 0) & (pc["cannot_verify"] > 0)).sum()),
            "cameras_compliant": int((pc["status"] == "compliant").sum()),
        }

    def method_lines(self):
        """How the audit was done, in plain words, for the PDF and the workbook."""
        rs = self.ruleset
        d = rs.fov_defaults
        defaults = "; ".join(f"{k} {v['angle']:g}° {v['range_m']:g} m" for k, v in d.items())
        return [
            f"Rule set: {rs.title_en} ({rs.id} {rs.version}), {len(rs.rules)} rules, "
            f"file {recorded(rs.path)}.",
            "Every camera is checked against every rule. A breach names the value that breaks "
            "the rule. A value that is not recorded or cannot be read gives 'cannot verify', "
            "never a pass. Cameras with no finding are listed in the workbook (Per camera).",
            "Field of view: a sector from the camera's direction (degrees clockwise from north), "
            "horizontal angle and range; 360° cameras as discs. Missing values take the rule "
            f"set's defaults by camera type ({defaults}); a missing direction makes a full "
            "circle. Such fields of view are marked 'assumed' and give 'cannot verify', not "
            "breaches.",
            "Views: a sector that overlaps a residential footprint (by the rule's minimum area) "
            "or contains / touches a sensitive site is a finding. Privacy masks set in the "
            "cameras are not known to the audit.",
            "District coverage: share of the district's public space (district area minus the "
            "building footprints of the dwellings layer) inside the union of the fields of "
            "view. Distances and areas are computed in metres (the layer's projected CRS, or "
            "the local UTM zone for geographic coordinates).",
        ]
