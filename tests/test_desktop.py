"""The plugin in the real QGIS desktop (xvfb-run): loads from a profile, unloads cleanly."""

import json
import os
import subprocess

from conftest import ROOT


def test_real_qgis_desktop_loads_and_unloads_the_plugin(tmp_path):
    profile = tmp_path / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    os.symlink(ROOT, plugins / "vendor_risk")
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nvendor_risk=true\n\n[qgis]\nshowTips=false\ncheckVersion=false\n")
    report = tmp_path / "report.json"
    env = dict(os.environ, VENDOR_RISK_DESKTOP_REPORT=str(report))
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen this time
    proc = subprocess.run(
        ["xvfb-run", "-a", "qgis", "--nologo", "--noversioncheck", "--profiles-path",
         str(tmp_path), "--code", os.path.join(ROOT, "tests", "desktop_check.py")],
        capture_output=True, text=True, timeout=240, env=env)
    assert report.exists(), proc.stderr[-3000:]
    out = json.loads(report.read_text())
    assert out["loaded"]
    assert "vendorrisk_tagassets" in out["actions"]
    assert any("Vendor Risk" in m for m in out["menus"])
    assert {"vendorrisk:tagassets", "vendorrisk:assessrisk"} <= set(out["algorithms"])
    assert out["after_actions"] == []
    assert not any("Vendor Risk" in m for m in out["after_menus"])
    assert not out["after_provider"]
    errors = [m for m in out["log"] if m[1] >= 2 and "vendor" in (m[0] + m[2]).lower()]
    assert errors == []
