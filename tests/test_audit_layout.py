"""The camera-audit engine (risk/audit) stays inside risk/: no QGIS, no Qt, no GDAL, no gis/."""

import ast
import os

from conftest import ROOT

AUDIT = os.path.join(ROOT, "risk", "audit")


def _resolved_imports():
    for name in sorted(os.listdir(AUDIT)):
        if not name.endswith(".py"):
            continue
        path = os.path.join(AUDIT, name)
        for node in ast.walk(ast.parse(open(path, encoding="utf-8").read(), path)):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield name, alias.name
            elif isinstance(node, ast.ImportFrom):
                if node.level == 0:
                    yield name, node.module
                else:
                    package = ["risk", "audit"][: 3 - node.level]
                    yield name, ".".join(package + ([node.module] if node.module else []))


def test_audit_engine_imports_only_the_engine_and_pure_libraries():
    imports = list(_resolved_imports())
    assert imports
    bad = [
        (f, m)
        for f, m in imports
        if m.split(".")[0]
        in ("qgis", "PyQt5", "PyQt6", "processing", "osgeo", "gis", "ui", "provider", "vendor_risk")
    ]
    assert bad == []
    relative_tops = {m.split(".")[0] for _f, m in imports if m.startswith("risk")}
    assert relative_tops == {"risk"}
