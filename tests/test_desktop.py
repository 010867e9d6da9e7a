"""The plugin in the real QGIS desktop (xvfb-run), installed from the zip `make package` builds into
a fresh profile: it loads, opens its dock, runs an assessment from it in the background, prints the
council report, unloads cleanly, with no error in the QGIS log.

VENDOR_RISK_DESKTOP_SCREENSHOT=/path/shot.png keeps a screenshot of the main window to look at."""

import json
import os
import shutil
import signal
import subprocess
import zipfile

from conftest import ROOT


def test_real_qgis_desktop_loads_and_unloads_the_plugin(tmp_path):
    profile = tmp_path / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    made = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    with zipfile.ZipFile(os.path.join(ROOT, made.stdout.strip().splitlines()[-1])) as zf:
        zf.extractall(plugins)
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\nvendor_risk=true\n\n[qgis]\nshowTips=false\ncheckVersion=false\n"
    )
    report = tmp_path / "report.json"
    sample = tmp_path / "city" / "sample_city.gpkg"
    sample.parent.mkdir()
    shutil.copy(os.path.join(ROOT, "resources", "sample", "sample_city.gpkg"), sample)
    env = dict(
        os.environ,
        VENDOR_RISK_DESKTOP_REPORT=str(report),
        VENDOR_RISK_DESKTOP_SAMPLE=str(sample),
        PYTHONPATH="",
    )
    env.pop("QGIS_CUSTOM_CONFIG_PATH", None)
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen this time
    proc = subprocess.Popen(
        [
            "xvfb-run",
            "-a",
            "qgis",
            "--nologo",
            "--noversioncheck",
            "--profiles-path",
            str(tmp_path),
            "--code",
            os.path.join(ROOT, "tests", "desktop_check.py"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        _, stderr = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:  # never leave a QGIS behind: kill the whole group
        os.killpg(proc.pid, signal.SIGKILL)
        _, stderr = proc.communicate()
    assert report.exists(), stderr[-3000:]
    out = json.loads(report.read_text())
    assert out["loaded"]
    assert out["plugin_path"] == str(plugins / "vendor_risk")  # the zip's copy, not this checkout
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
    pdf, png = tmp_path / "city" / "desktop_report.pdf", tmp_path / "city" / "desktop_report.png"
    assert "report_error" not in dock, dock.get("report_error")
    assert dock["report"] == [str(pdf), str(png)]
    assert pdf.read_bytes().startswith(b"%PDF") and png.stat().st_size > 10_000
    assert not out["after_dock"]
    python_errors = [m for m in out["log"] if m[0] == "Python error"]
    assert python_errors == []
    assert "Traceback" not in stderr, stderr[-3000:]
    assert any(m[1] == 3 and "assets assessed" in m[2] for m in out["log"])  # the user was told
