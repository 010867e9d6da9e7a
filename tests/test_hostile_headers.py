"""Input fields named like output fields in another case (ASSET_CLASS, VENDOR_NAME, Risk_Score,
Standards) are kept under <name>_input, never a crash or a lost column."""

import pytest
from conftest import run_alg
from layers import write_gpkg
from osgeo import ogr
from vendor_risk.risk.schema import input_renames

ROW = {
    "camera_id": "C1",
    "fabricant": "Hikvision",
    "ASSET_CLASS": "camera",
    "VENDOR_NAME": "x",
    "Risk_Score": 5,
    "Standards": "ONVIF S",
    "SANCTION_LEVEL": "high",
    "Reasons": "mine",
    "Source_Layer": "depot",
}


def _fields(path, layer):
    ds = ogr.Open(str(path))
    defn = ds.GetLayerByName(layer).GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = [f.items() for f in ds.GetLayerByName(layer)]
    return names, rows


@pytest.mark.parametrize(
    "alg,layer", [("vendorrisk:tagassets", "tagged_assets"), ("vendorrisk:assessrisk", "risk_status_quo")]
)
def test_case_variant_headers_are_kept_as_input_columns(tmp_path, provider, alg, layer):
    uri = write_gpkg(tmp_path / "c.gpkg", "cams", [ROW], ["POINT (700000 6600000)"])
    out = tmp_path / "o.gpkg"
    run_alg(alg, {"INPUT": uri if alg.endswith("tagassets") else [uri], "OUTPUT": str(out)})
    names, rows = _fields(out, layer)
    lower = [n.lower() for n in names]
    assert len(lower) == len(set(lower))  # no two columns one column apart by case
    for name in ("ASSET_CLASS", "VENDOR_NAME", "Standards"):
        assert f"{name}_input" in names, names
        assert rows[0][f"{name}_input"] == ROW[name]
    assert rows[0]["asset_class"] == "cctv_camera" and rows[0]["vendor_id"] == "hikvision"
    if layer.startswith("risk_"):
        assert rows[0]["Risk_Score_input"] == 5 and rows[0]["Reasons_input"] == "mine"
        assert rows[0]["Source_Layer_input"] == "depot"


def test_input_renames():
    assert input_renames(["a", "Vendor_ID", "vendor_id_input"], ["vendor_id"]) == {
        "Vendor_ID": "Vendor_ID_input2"
    }
    assert input_renames(["vendor_id", "fid", "GEOM"], ["vendor_id"], replaced=["vendor_id"]) == {
        "GEOM": "GEOM_input"
    }
