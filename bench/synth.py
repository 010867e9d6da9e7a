"""Synthetic asset layers of any size for benchmarks, cached in bench/cache/ (deterministic)."""

import os
import struct
import sys

import numpy as np
import pandas as pd

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CACHE = os.path.join(HERE, "cache")

# Messy maker strings as inventories hold them: names, legal forms, typos, CJK, blanks, unknowns.
MAKERS = [
    "Hikvision",
    "HIKVISION DIGITAL TECHNOLOGY CO., LTD",
    "Hangzhou Hikvision",
    "海康威视",
    "Hikvison",
    "Dahua",
    "Zhejiang Dahua Technology",
    "大华",
    "Huawei",
    "HUAWEI TECHNOLOGIES",
    "ZTE",
    "Axis",
    "Axis Communications AB",
    "Bosch Security Systems",
    "Hanwha Vision",
    "Samsung Techwin",
    "Avigilon",
    "Mobotix",
    "Vivotek",
    "Uniview",
    "LTS",
    "Annke",
    "Ezviz",
    "Nokia",
    "Ericsson",
    "Signify",
    "Schréder",
    "Itron",
    "Kapsch",
    "Kerlink",
    "ABB",
    "Alfen",
    "",
    "",
    "",
    "inconnu",
    "Citéo Sécurité SARL",
    "ACME Installations",
] + [f"Local Integrator {i}" for i in range(200)]
MODELS = [
    "DS-2CD2143G2-I",
    "DS-2DE4425IW-DE",
    "IPC-HFW2431S-S-S2",
    "P3265-LVE",
    "NDE-3502-AL",
    "XNO-6080R",
    "IPC2122LB-SF28-A",
    "",
    "AAU5613",
    "AirScale",
    "SLC Gen5",
] + [f"MODEL-{i:04d}" for i in range(2000)]
CLASSES = [
    "camera",
    "Caméra dôme",
    "PTZ",
    "5G",
    "antenne relais",
    "lampadaire",
    "street light controller",
    "capteur trafic",
    "passerelle LoRaWAN",
    "borne de recharge",
]


def frame(n, seed=20261125):
    rng = np.random.default_rng(seed)
    pick = lambda values: np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]  # noqa: E731
    return pd.DataFrame(
        {
            "asset_id": np.char.add("A", np.arange(n).astype(str)).astype(object),
            "type": pick(CLASSES),
            "fabricant": pick(MAKERS),
            "modele": pick(MODELS),
            "annee": rng.integers(2008, 2026, n),
            "cout": np.round(rng.uniform(200, 5000, n), 2),
            "quantite": rng.integers(1, 3, n),
            "protocoles": pick(
                [
                    "ONVIF S;RTSP",
                    "ISAPI",
                    "",
                    "GB/T 28181",
                    "DALI-2;TALQ",
                    "LoRaWAN",
                    "OCPP 2.0.1",
                    "3GPP 5G NR",
                ]
            ),
        }
    )


def points(n, seed=7):
    rng = np.random.default_rng(seed)
    xs = rng.uniform(690000, 710000, n)
    ys = rng.uniform(6590000, 6610000, n)
    pack = struct.Struct("<BIdd").pack
    return np.array([pack(1, 1, x, y) for x, y in zip(xs.tolist(), ys.tolist())], dtype=object)


def layer_path(n):
    """Path of the cached GeoPackage with n synthetic point assets (created on first use)."""
    os.makedirs(CACHE, exist_ok=True)
    path = os.path.join(CACHE, f"assets_{n}.gpkg")
    if not os.path.exists(path):
        sys.path.insert(0, ROOT)
        from cli import import_plugin_package

        import_plugin_package()
        from osgeo import ogr
        from vendor_risk.gis.io.gpkg_write import GpkgBuilder

        with GpkgBuilder(path) as gpkg:
            gpkg.add("assets", frame(n), None, points(n), ogr.wkbPoint, "EPSG:2154")
            gpkg.commit()
    return path
