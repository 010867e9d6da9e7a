"""The plugin in the real QGIS desktop (xvfb-run): loads from a profile, opens its dock and runs
an assessment from it in the background, unloads cleanly, with no error in the QGIS log."""

import json
import os
import shutil
import signal
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
    sample = tmp_path / "city" / "sample_city.gpkg"
    sample.parent.mkdir()
    shutil.copy(os.path.join(ROOT, "resources", "sample", "sample_city.gpkg"), sample)
    env = dict(os.environ, VENDOR_RISK_DESKTOP_REPORT=str(report),
               VENDOR_RISK_DESKTOP_SAMPLE=str(sample))
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen this time
    proc = subprocess.Popen(
        ["xvfb-run", "-a", "qgis", "--nologo", "--noversioncheck", "--profiles-path",
         str(tmp_path), "--code", os.path.join(ROOT, "tests", "desktop_check.py")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True)
    try:
        _, stderr = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:  # never leave a QGIS behind: kill the whole group
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate()
    assert report.exists(), stderr[-3000:]
    out = json.loads(report.read_text())
    assert out["loaded"]
    assert "vendorrisk_tagassets" in out["actions"]
    assert any("Vendor Risk" in m for m in out["menus"])
    assert {"vendorrisk:tagassets", "vendorrisk:assessrisk"} <= set(out["algorithms"])
    assert out["after_actions"] == []
    assert not any("Vendor Risk" in m for m in out["after_menus"])
    assert not out["after_provider"]
    # level 2 is Qgis.Critical; 3 is Qgis.Success (the dock's "assessment done" message)
    errors = [m for m in out["log"] if m[1] == 2 and "vendor" in (m[0] + m[2]).lower()]
    assert errors == []
    # the dock: opened from its action, docked on the right, ran an assessment in a task
    assert "dock_error" not in out, out.get("dock_error")
    dock = out["dock"]
    assert dock["found"] and dock["visible"] and dock["title"] == "Vendor Risk"
    assert dock["area"] == 2  # Qt.RightDockWidgetArea
    assert dock["ticked"] == ["platforms", "cameras"]  # districts names no maker: not ticked
    assert dock["group"].startswith("Vendor risk — "), dock["status"]
    assert dock["summary_rows"] == 1
    assert (tmp_path / "city" / "desktop_risk.gpkg").exists()
    assert not out["after_dock"]
    python_errors = [m for m in out["log"] if m[0] == "Python error"]
    assert python_errors == []
    assert any(m[1] == 3 and "assets assessed" in m[2] for m in out["log"])  # the user was told
