"""The sample city (Valbourg) goes through the audit as `make demo` runs it."""

import hashlib
import os

import pytest
from audit_fixture import audit_provider  # noqa: F401
from conftest import ROOT
from qgis.core import QgsVectorLayer

pytestmark = pytest.mark.usefixtures("audit_provider")

SAMPLE = os.path.join(ROOT, "resources", "sample", "sample_city.gpkg")


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from vendor_risk.demo import run_audit_demo

    out = tmp_path_factory.mktemp("demo")
    before = digest(SAMPLE)
    results = run_audit_demo(SAMPLE, str(out))
    return out, results, before


def test_demo_writes_the_three_files(demo):
    out, results, _ = demo
    for name in ("audit.gpkg", "audit.xlsx", "audit.pdf"):
        assert (out / name).stat().st_size > 10_000, name
    assert (out / "audit.pdf").read_bytes().startswith(b"%PDF")
    assert sorted(os.listdir(out)) == ["audit.gpkg", "audit.pdf", "audit.xlsx"]
    assert digest(SAMPLE) == demo[2]
    # one file, movable alone: not left in the WAL mode the PDF's layers opened it in
    import sqlite3

    con = sqlite3.connect(str(out / "audit.gpkg"))
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "delete"
    finally:
        con.close()


def test_every_sample_camera_is_audited_with_its_messy_fields_understood(demo):
    _out, results, _ = demo
    fov = QgsVectorLayer(results["FIELDS_OF_VIEW"], "fov", "ogr")
    assert fov.featureCount() == 912
    districts = QgsVectorLayer(results["DISTRICT_COVERAGE"], "d", "ogr")
    rows = list(districts.getFeatures())
    assert len(rows) == 10
    assert sum(f["n_cameras"] for f in rows) == 912
    centre = next(f for f in rows if f["district"] == "Centre-Ville")
    assert centre["coverage_share"] == max(f["coverage_share"] for f in rows)
    findings = QgsVectorLayer(results["FINDINGS"], "f", "ogr")
    by_rule = {}
    for f in findings.getFeatures():
        by_rule.setdefault((f["rule_id"], f["status"]), 0)
        by_rule[(f["rule_id"], f["status"])] += 1
    # the sample's README: 6 cameras with face analytics, about 5 % plate reading, ~130 facades
    assert by_rule[("biometric_identification", "breach")] == 6
    assert 20 <= by_rule[("plate_reading", "breach")] <= 70
    assert by_rule[("view_dwellings", "breach")] >= 50
    assert by_rule[("storage_outside_jurisdiction", "breach")] == 40  # CN and US hosting
    # vendors come from the catalog: the unresolved ones cannot be verified, and no camera
    # vendor is under a level 2+ list in force in France
    assert 0 < by_rule[("restricted_vendor", "cannot_verify")] < 912 * 0.1
    assert ("restricted_vendor", "breach") not in by_rule
    assert results["BREACHES"] == sum(v for (_r, s), v in by_rule.items() if s == "breach")


def test_the_pdf_breach_list_repeats_its_headers_and_locates_each_camera(tmp_path, monkeypatch):
    """An inspector on page 20 still reads the column headers, and finds the camera: its
    district and coordinates (the layout is read as it is exported; only plain values are kept,
    so the staged files are not held open)."""
    from qgis.core import QgsLayoutItemTextTable, QgsLayoutTable
    from vendor_risk.demo import run_audit_demo
    from vendor_risk.gis.layouts import audit_pdf

    seen, real = {}, audit_pdf.build_layout

    def read(*args, **kwargs):
        layout, project = real(*args, **kwargs)
        tables = [m for m in layout.multiFrames() if isinstance(m, QgsLayoutItemTextTable)]
        listing = next(t for t in tables if t.columns()[0].heading() == "Camera")
        seen["modes"] = [t.headerMode() for t in tables]
        seen["headings"] = [c.heading() for c in listing.columns()]
        seen["frames"] = listing.frameCount()
        seen["where"] = [str(r[1]) for r in listing.contents()]
        return layout, project

    monkeypatch.setattr(audit_pdf, "build_layout", read)
    run_audit_demo(SAMPLE, str(tmp_path))
    assert seen["modes"] and all(m == QgsLayoutTable.HeaderMode.AllFrames for m in seen["modes"])
    assert seen["frames"] > 3  # several pages, each with its header row
    assert seen["headings"][:2] == ["Camera", "Where (district · coordinates)"]
    assert seen["where"] and all(" · EPSG:2154 " in w for w in seen["where"])
