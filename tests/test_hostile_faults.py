"""Faults: a run stopped by SIGTERM/SIGINT writes nothing and says so; a killed run's temp files
are removed by the next run; outputs are left in rollback-journal mode; an output that cannot
be written is an error, never reported written."""

import os
import signal
import sqlite3
import struct
import subprocess
import time

import numpy as np
import pandas as pd
import pytest
from conftest import ROOT, refusal, run_alg
from layers import write_gpkg
from osgeo import ogr
from vendor_risk.gis.io.gpkg_write import GpkgBuilder
from vendor_risk.risk.safety.tempfiles import remove_stale, temp_beside


def _big_layer(path, n=300_000):
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {
            "asset_id": [f"A{i}" for i in range(n)],
            "fabricant": np.array(["Hikvision", "Axis", "Dahua", "Huawei"], dtype=object)[
                rng.integers(0, 4, n)
            ],
            "type": "camera",
            "annee": rng.integers(2010, 2025, n),
            "cout": 900.0,
        }
    )
    pack = struct.Struct("<BIdd").pack
    wkb = np.array([pack(1, 1, 700000.0 + i % 1000, 6600000.0 + i // 1000) for i in range(n)], dtype=object)
    with GpkgBuilder(str(path)) as gpkg:
        gpkg.add("assets", frame, None, wkb, ogr.wkbPoint, "EPSG:2154")
        gpkg.commit()
    return f"{path}|layername=assets"


def _start(uri, out):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [
            os.path.join(ROOT, "vendor-risk"),
            "run",
            "vendorrisk:assessrisk",
            "--",
            f"INPUT={uri}",
            f"OUTPUT={out}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_temp(folder, proc, timeout=120):
    """Until the run has a temporary file that stays (the builder's first name is unlinked at
    once for GDAL to create the file: a kill in that instant leaves nothing to clean)."""
    end = time.time() + timeout
    seen = set()
    while time.time() < end and proc.poll() is None:
        now = {n for n in os.listdir(folder) if ".vrtmp-" in n and n.endswith(".part.gpkg")}
        if now & seen:
            return True
        seen = now
        time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    return _big_layer(folder / "city.gpkg")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_the_run_cleanly(tmp_path, big, sig):
    out = tmp_path / "risk.gpkg"
    proc = _start(big, out)
    assert _wait_for_temp(tmp_path, proc), proc.communicate()
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + sig, err[-2000:]
    assert f"stopped by {signal.Signals(sig).name}" in err
    assert "Traceback" not in err
    assert os.listdir(tmp_path) == []  # nothing half-written, no temp file left


def test_a_killed_runs_leftovers_are_removed_by_the_next_run(tmp_path, big, provider):
    out = tmp_path / "risk.gpkg"
    proc = _start(big, out)
    assert _wait_for_temp(tmp_path, proc), proc.communicate()
    proc.kill()
    proc.communicate()
    left = [n for n in os.listdir(tmp_path) if ".vrtmp-" in n]
    assert left and not out.exists()
    small = write_gpkg(
        tmp_path / "small.gpkg",
        "cams",
        [{"camera_id": "C1", "fabricant": "Axis", "type": "camera"}],
        ["POINT (700000 6600000)"],
    )
    run_alg("vendorrisk:assessrisk", {"INPUT": [small], "OUTPUT": str(out)})
    assert not [n for n in os.listdir(tmp_path) if ".vrtmp-" in n]
    assert out.exists()


def test_live_runs_temp_files_are_not_taken_for_leftovers(tmp_path):
    target = tmp_path / "x.gpkg"
    mine = temp_beside(target, ".part")
    assert remove_stale(target) == [] and os.path.exists(mine)


def test_outputs_are_left_in_rollback_journal_mode(tmp_path, provider):
    uri = write_gpkg(
        tmp_path / "c.gpkg",
        "cams",
        [{"camera_id": "C1", "fabricant": "Hikvision", "type": "camera"}],
        ["POINT (700000 6600000)"],
    )
    out = tmp_path / "risk.gpkg"
    run_alg("vendorrisk:assessrisk", {"INPUT": [uri], "OUTPUT": str(out)})
    audit = tmp_path / "audit.gpkg"
    run_alg("vendorrisk:auditcameras", {"INPUT": uri, "OUTPUT": str(audit)})
    for path in (out, audit):
        assert not os.path.exists(f"{path}-wal")
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            assert con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "delete"
        finally:
            con.close()


def test_an_unwritable_review_file_is_an_error_not_a_success(tmp_path, provider):
    uri = write_gpkg(
        tmp_path / "c.gpkg",
        "cams",
        [{"camera_id": "C1", "fabricant": "Hikvison", "type": "camera"}],
        ["POINT (700000 6600000)"],
    )
    (tmp_path / "file").write_text("x")
    review = tmp_path / "file" / "review.csv"  # a folder that is a file: cannot be created
    message = refusal(
        "vendorrisk:tagassets",
        {"INPUT": uri, "OUTPUT": str(tmp_path / "t.gpkg"), "OUTPUT_REVIEW": str(review)},
    )
    assert "review" in message.lower(), message
    assert not (tmp_path / "t.gpkg").exists()  # all or nothing: no tagged layer without review


@pytest.mark.parametrize("alg", ["vendorrisk:tagassets", "vendorrisk:assessrisk"])
def test_a_full_disk_is_a_message_and_leaves_nothing(tmp_path, big, alg):
    """The disk fills up mid-write (the file-size limit stands in for it: writes fail with
    EFBIG as they fail with ENOSPC on a full disk)."""
    import resource

    def limited():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2_000_000, 2_000_000))

    out = tmp_path / "out" / "o.gpkg"
    out.parent.mkdir()
    extra = ["OUTPUT_REVIEW=" + str(tmp_path / "out" / "review.csv")] if "tag" in alg else []
    proc = subprocess.run(
        [os.path.join(ROOT, "vendor-risk"), "run", alg, "--", f"INPUT={big}", f"OUTPUT={out}", *extra],
        cwd=ROOT,
        preexec_fn=limited,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode != 0, proc.stdout[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    assert "ERROR" in proc.stderr
    assert os.listdir(out.parent) == [], os.listdir(out.parent)


def _declared(path):
    con = sqlite3.connect(str(path))
    try:
        return dict(
            con.execute("SELECT table_name, geometry_type_name FROM gpkg_geometry_columns").fetchall()
        )
    finally:
        con.close()


@pytest.mark.parametrize(
    "wkts,expected",
    [
        (["POINT (700000 6600000)", "LINESTRING (700000 6600000, 700010 6600010)"], "GEOMETRY"),
        (["POINT (700000 6600000)", "MULTIPOINT ((700000 6600000), (700001 6600001))"], "MULTIPOINT"),
    ],
)
def test_a_layer_holding_other_geometries_than_declared_gives_valid_outputs(
    tmp_path, provider, wkts, expected
):
    gdal_quiet = ogr.GetUseExceptions()
    uri = write_gpkg(
        tmp_path / "c.gpkg",
        "cams",
        [{"camera_id": f"C{i}", "fabricant": "Hikvision", "type": "camera"} for i in range(len(wkts))],
        wkts,
        geom_type=ogr.wkbPoint,
    )
    assert gdal_quiet == ogr.GetUseExceptions()
    out = tmp_path / "risk.gpkg"
    run_alg(
        "vendorrisk:assessrisk",
        {"INPUT": [uri], "SCENARIOS": "status_quo,rip_and_replace", "OUTPUT": str(out)},
    )
    declared = _declared(out)
    assert declared["risk_status_quo"] == declared["risk_rip_and_replace"] == expected
    ds = ogr.Open(str(out))
    kinds = sorted(f.GetGeometryRef().GetGeometryName() for f in ds.GetLayerByName("risk_rip_and_replace"))
    assert kinds == sorted(ogr.CreateGeometryFromWkt(w).GetGeometryName() for w in wkts)


def test_layers_of_two_geometry_types_give_a_geometry_layer(tmp_path, provider):
    points = write_gpkg(
        tmp_path / "c.gpkg",
        "cams",
        [{"camera_id": "C1", "fabricant": "Hikvision", "type": "camera"}],
        ["POINT (700000 6600000)"],
    )
    lines = write_gpkg(
        tmp_path / "n.gpkg",
        "fibre",
        [{"asset_id": "F1", "vendor": "Huawei", "type": "5G"}],
        ["LINESTRING (700000 6600000, 700100 6600100)"],
        geom_type=ogr.wkbLineString,
    )
    out = tmp_path / "risk.gpkg"
    run_alg(
        "vendorrisk:assessrisk", {"INPUT": [points, lines], "SCENARIOS": "status_quo", "OUTPUT": str(out)}
    )
    assert _declared(out)["risk_status_quo"] == "GEOMETRY"


def _wide(tmp_path, n):
    row = {"camera_id": "C1", "fabricant": "Axis", "type": "camera"}
    row.update({f"f{i}": "x" for i in range(n)})
    return write_gpkg(tmp_path / "c.gpkg", "cams", [row], ["POINT (700000 6600000)"])


@pytest.mark.parametrize("alg", ["vendorrisk:tagassets", "vendorrisk:assessrisk"])
def test_a_layer_too_wide_for_the_output_is_refused_with_a_message(tmp_path, provider, alg):
    uri = _wide(tmp_path, 1990)
    message = refusal(
        alg, {"INPUT": uri if alg.endswith("tagassets") else [uri], "OUTPUT": str(tmp_path / "o.gpkg")}
    )
    assert "1993 fields" in message and "Traceback" not in message
    assert not (tmp_path / "o.gpkg").exists()


def test_a_wide_layer_that_fits_is_tagged(tmp_path, provider):
    uri = _wide(tmp_path, 1900)  # past what GDAL's Arrow reader takes: the provider reads it
    res = run_alg("vendorrisk:tagassets", {"INPUT": uri, "OUTPUT": str(tmp_path / "o.gpkg")})
    ds = ogr.Open(res["OUTPUT"].split("|")[0])
    feature = next(iter(ds.GetLayer(0)))
    assert feature["vendor_id"] == "axis" and feature["f1899"] == "x"
