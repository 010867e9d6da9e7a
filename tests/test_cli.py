"""The command line (./vendor-risk) and the plugin under Debian's qgis_process, as users run them."""

import json
import os
import subprocess

import pytest
from conftest import ROOT
from layers import write_gpkg

CLI = os.path.join(ROOT, "vendor-risk")
ROWS = [
    {"asset_id": "A1", "make": "Hikvision", "model": "DS-2CD2143G2-I"},
    {"asset_id": "A2", "make": "Axis Communications", "model": "P3265-LVE"},
]


def run(args, env=None, timeout=300):
    full_env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    if env and "HOME" in env:  # pytest-qgis points QGIS at its own settings folder: not here
        for key in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH"):
            full_env.pop(key, None)
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=full_env)


def test_list_and_help():
    out = run([CLI, "list"])
    assert out.returncode == 0, out.stderr
    assert "vendorrisk:tagassets" in out.stdout
    assert "vendorrisk:assessrisk" in out.stdout
    out = run([CLI, "help", "vendorrisk:tagassets"])
    assert out.returncode == 0
    assert "FIELD_MANUFACTURER" in out.stdout and "OUTPUT_REVIEW" in out.stdout
    out = run([CLI, "help", "vendorrisk:nope"])
    assert out.returncode == 2 and "no algorithm" in out.stderr


def test_run_tags_a_geopackage_layer_with_json_output(tmp_path):
    uri = write_gpkg(tmp_path / "in.gpkg", "assets", ROWS, ["POINT (1 1)", "POINT (2 2)"])
    out_path = tmp_path / "tagged.gpkg"
    out = run(
        [
            CLI,
            "run",
            "vendorrisk:tagassets",
            "--json",
            "--",
            f"INPUT={uri}",
            f"OUTPUT={out_path}",
            f"OUTPUT_REVIEW={tmp_path / 'review.csv'}",
        ]
    )
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["results"]["ASSETS"] == 2
    assert doc["results"]["NEEDS_REVIEW"] == 0
    assert out_path.exists()
    from osgeo import ogr

    ds = ogr.Open(str(out_path))
    vendors = sorted(f["vendor_id"] for f in ds.GetLayer(0))
    assert vendors == ["axis", "hikvision"]


def test_run_reports_bad_parameters_clearly(tmp_path):
    out = run([CLI, "run", "vendorrisk:tagassets", "--", "INPUT=/nope.gpkg", "COLOUR=red"])
    assert out.returncode == 2
    assert "COLOUR" in out.stderr


def test_demo_runs_on_the_sample_city(tmp_path):
    import hashlib

    shipped = os.path.join(ROOT, "resources", "sample", "sample_city.gpkg")
    before = hashlib.sha256(open(shipped, "rb").read()).hexdigest()
    out = run([CLI, "demo", str(tmp_path)])
    assert hashlib.sha256(open(shipped, "rb").read()).hexdigest() == before
    assert out.returncode == 0, out.stderr[-2000:]
    assert "rip_and_replace" in out.stdout and "Expected cost" in out.stdout
    assert (tmp_path / "vendor_risk.gpkg").exists()
    for sid in ("status_quo", "rip_and_replace", "bifurcation"):
        png = tmp_path / f"map_{sid}.png"
        assert png.exists() and png.stat().st_size > 20000
    # the project opens on the results: one scenario shown, the inventory unchecked
    from qgis.core import QgsProject
    from vendor_risk.gis.sample_project import ASSET_LAYERS

    project = QgsProject()
    assert project.read(str(tmp_path / "vendor_risk.qgz")), project.error()
    top = project.layerTreeRoot().children()[0]
    assert top.name().startswith("Vendor risk — ") and top.itemVisibilityChecked()
    nodes = top.findLayers()
    assert [n.layer().name() for n in nodes][:2] == ["Status quo", "Targeted sanctions"]
    assert [n.itemVisibilityChecked() for n in nodes] == [True] + [False] * (len(nodes) - 1)
    results = {n.layerId() for n in nodes}
    for layer in project.mapLayers().values():
        assert layer.isValid(), layer.name()
        if layer.id() not in results:  # the inventory makes way; the base map stays
            node = project.layerTreeRoot().findLayer(layer.id())
            assert node.itemVisibilityChecked() == (layer.name() not in ASSET_LAYERS), layer.name()
    risk = nodes[0].layer()
    assert risk.editFormConfig().tabs()[0].name() == "Why this risk"
    import zipfile

    with zipfile.ZipFile(tmp_path / "vendor_risk.qgz") as z:  # movable: no path of this machine
        qgs = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".qgs"))
    assert str(tmp_path) not in qgs and "./vendor_risk.gpkg|layername=risk_status_quo" in qgs
    assert len(project.mapThemeCollection().mapThemes()) == len(nodes)


@pytest.fixture
def qgis_profile(tmp_path):
    """A throwaway HOME whose default QGIS profile has this plugin installed (as a copy)."""
    import shutil

    home = tmp_path / "home"
    plugins = home / ".local/share/QGIS/QGIS3/profiles/default/python/plugins"
    plugins.mkdir(parents=True)
    shutil.copytree(
        ROOT,
        plugins / "vendor_risk",
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "tests", "bench", "out", "build", "__pycache__", ".qgis-settings"
        ),
    )
    return home


def test_installed_plugin_works_under_qgis_process(tmp_path, qgis_profile):
    env = {"HOME": str(qgis_profile), "XDG_RUNTIME_DIR": str(tmp_path)}
    out = run(["qgis_process.bin", "plugins", "enable", "vendor_risk"], env)
    assert out.returncode == 0, out.stderr
    out = run(["qgis_process.bin", "list"], env)
    assert "vendorrisk:tagassets" in out.stdout
    uri = write_gpkg(tmp_path / "in.gpkg", "assets", ROWS, ["POINT (1 1)", "POINT (2 2)"])
    out = run(
        [
            "qgis_process.bin",
            "--json",
            "run",
            "vendorrisk:tagassets",
            "--",
            f"INPUT={uri}",
            f"OUTPUT={tmp_path / 'out.gpkg'}",
        ],
        env,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout[out.stdout.index("{") :])["results"]["ASSETS"] == 2


def test_help_lists_choices_scenarios_and_an_example_and_escapes_html(provider):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById("vendorrisk:assessrisk")
    html = alg.shortHelpString()
    assert "risk_&lt;scenario&gt;" in html and "<scenario>" not in html  # shown, not eaten as a tag
    out = run([CLI, "help", "vendorrisk:assessrisk"])
    assert out.returncode == 0, out.stderr
    assert "risk_<scenario>" in out.stdout and "&lt;" not in out.stdout
    assert "LANGUAGE: one of en, fr" in out.stdout
    assert "rip_and_replace" in out.stdout.split("Parameters:")[0]
    assert "Example:\n./vendor-risk run vendorrisk:assessrisk -- " in out.stdout


def test_a_missing_layer_is_not_reported_as_a_missing_file(tmp_path):
    uri = write_gpkg(tmp_path / "in.gpkg", "assets", ROWS, ["POINT (1 1)", "POINT (2 2)"])
    path = uri.split("|")[0]
    out = run([CLI, "run", "vendorrisk:tagassets", "--", f"INPUT={path}|layername=cameras", "OUTPUT=x.gpkg"])
    assert out.returncode == 2
    assert f"layer 'cameras' not found in file {path} (its layers: assets)" in out.stderr
    out = run(
        [CLI, "run", "vendorrisk:tagassets", "--", f"INPUT={tmp_path}/no.gpkg|layername=a", "OUTPUT=x.gpkg"]
    )
    assert out.returncode == 2 and "no.gpkg not found" in out.stderr
