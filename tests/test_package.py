"""`make package` builds the zip QGIS's "Install from ZIP" takes, without tests, and it works."""

import os
import subprocess
import zipfile

from conftest import ROOT


def test_package_zip_installs_and_runs_under_qgis_process(tmp_path):
    out = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    path = os.path.join(ROOT, out.stdout.strip().splitlines()[-1])
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        assert {n.split("/")[0] for n in names} == {"vendor_risk"}  # one top folder
        for needed in (
            "metadata.txt",
            "__init__.py",
            "plugin.py",
            "LICENSE",
            "resources/catalog/vendors.csv",
            "i18n/vendor_risk_fr.qm",
        ):
            assert f"vendor_risk/{needed}" in names, needed
        assert not [
            n for n in names if n.startswith(("vendor_risk/tests/", "vendor_risk/bench/", "vendor_risk/.ci/"))
        ]
        plugins = tmp_path / "home/.local/share/QGIS/QGIS3/profiles/default/python/plugins"
        plugins.mkdir(parents=True)
        zf.extractall(plugins)
    env = dict(
        os.environ, HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path)
    )
    for key in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
        env.pop(key, None)
    enable = subprocess.run(
        ["qgis_process.bin", "plugins", "enable", "vendor_risk"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert enable.returncode == 0, enable.stderr
    listing = subprocess.run(
        ["qgis_process.bin", "list"], env=env, capture_output=True, text=True, timeout=300
    )
    for alg in ("tagassets", "assessrisk", "auditcameras"):
        assert f"vendorrisk:{alg}" in listing.stdout


def test_readme_lists_the_packages_make_deps_installs():
    """The README's package list is .ci/packages, name for name (make deps installs that file)."""
    import re

    with open(os.path.join(ROOT, ".ci", "packages"), encoding="utf-8") as fh:
        installed = [ln.strip() for ln in fh if ln.strip() and not ln.startswith("#")]
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
        readme = fh.read()
    block = readme.split("<!-- packages:", 1)[1].split("<!-- /packages -->", 1)[0].split("-->", 1)[1]
    assert re.findall(r"`([^`]+)`", block) == installed


def test_make_demo_needs_no_package_index():
    """`make demo` runs without installing anything: no prerequisite that calls pip."""
    out = subprocess.run(["make", "-n", "demo"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "pip" not in out.stdout and "./vendor-risk demo" in out.stdout
