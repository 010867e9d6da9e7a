"""Without openpyxl (an optional package) the provider stays: tagging, assessment and the audit
work; the workbook outputs refuse with what is missing and how to add it."""

import json
import os
import subprocess
import sys

from conftest import ROOT

SAMPLE = os.path.join(ROOT, "resources", "sample", "sample_city.gpkg")

CHILD = r"""
import importlib.abc, json, os, shutil, sys

class NoOpenpyxl(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "openpyxl" or name.startswith("openpyxl."):
            raise ModuleNotFoundError("No module named 'openpyxl' (blocked by the test)")
        return None

sys.meta_path.insert(0, NoOpenpyxl())
root, sample, out = sys.argv[1:4]
sys.path.insert(0, root)
from cli import boot_qgis
app, provider = boot_qgis()
from vendor_risk.headless import run_algorithm

copy = os.path.join(out, "sample_city.gpkg")
shutil.copyfile(sample, copy)
report = {"algorithms": sorted(a.id() for a in provider.algorithms())}
code, res = run_algorithm(
    "vendorrisk:assessrisk",
    {"INPUT": [f"{copy}|layername=cameras"], "JURISDICTION": "FR", "OUTPUT": os.path.join(out, "a.gpkg")},
    quiet=True, show_results=False,
)
report["assess"] = [code, (res or {}).get("ASSETS")]
code, _ = run_algorithm(
    "vendorrisk:exportworkbook",
    {"INPUT": os.path.join(out, "a.gpkg"), "OUTPUT": os.path.join(out, "a.xlsx")},
    quiet=True, show_results=False,
)
report["export"] = code
audit = {"INPUT": f"{copy}|layername=cameras", "OUTPUT": os.path.join(out, "audit.gpkg")}
code, _ = run_algorithm("vendorrisk:auditcameras", dict(audit, OUTPUT_XLSX=os.path.join(out, "audit.xlsx")),
                        quiet=True, show_results=False)
report["audit_with_workbook"] = code
code, res = run_algorithm("vendorrisk:auditcameras", audit, quiet=True, show_results=False)
report["audit"] = [code, (res or {}).get("CAMERAS")]
report["openpyxl_loaded"] = any(m.split(".")[0] == "openpyxl" for m in sys.modules)
report["files"] = sorted(os.listdir(out))
print("REPORT " + json.dumps(report))
"""


def test_the_provider_works_without_openpyxl_and_the_workbooks_say_why_not(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, ROOT, SAMPLE, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("REPORT ")]
    assert lines, proc.stdout + proc.stderr
    report = json.loads(lines[-1][len("REPORT ") :])
    assert report["algorithms"] == [
        "vendorrisk:assessrisk",
        "vendorrisk:auditcameras",
        "vendorrisk:compareoffers",
        "vendorrisk:exportworkbook",
        "vendorrisk:importinventory",
        "vendorrisk:importlists",
        "vendorrisk:replacementplan",
        "vendorrisk:tagassets",
    ]
    assert report["assess"][0] == 0 and report["assess"][1] > 0
    assert report["audit"][0] == 0 and report["audit"][1] > 0
    assert report["export"] == 1 and report["audit_with_workbook"] == 1
    assert not report["openpyxl_loaded"]
    assert "a.xlsx" not in report["files"] and "audit.xlsx" not in report["files"]
    assert "a.gpkg" in report["files"] and "audit.gpkg" in report["files"]
    # what the user reads: which package, what for, how to add it
    assert proc.stderr.count("the Python package 'openpyxl' is not installed") == 2, proc.stderr
    assert "python3-openpyxl" in proc.stderr and "pip install openpyxl" in proc.stderr
    assert "Leave OUTPUT_XLSX empty" in proc.stderr
