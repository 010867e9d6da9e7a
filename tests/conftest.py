"""Test harness: the real plugin package, loaded headless in the real QGIS (pytest-qgis)."""

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "data")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, ROOT)
sys.path.append("/usr/share/qgis/python/plugins")

from cli import import_plugin_package  # noqa: E402

import_plugin_package()


def pytest_report_header(config):
    """What the run ran on: with two Debian releases in CI, every log says which."""
    import platform

    import numpy
    import openpyxl
    import pandas
    from osgeo import gdal
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import PYQT_VERSION_STR, QT_VERSION_STR

    release = ""
    if os.path.exists("/etc/os-release"):
        with open("/etc/os-release", encoding="utf-8") as f:
            info = dict(line.rstrip("\n").split("=", 1) for line in f if "=" in line)
        release = info.get("PRETTY_NAME", "").strip('"')
    return [
        f"{release}: QGIS {Qgis.version()}, Qt {QT_VERSION_STR}, PyQt {PYQT_VERSION_STR}, "
        f"GDAL {gdal.__version__}, Python {platform.python_version()}, pandas "
        f"{pandas.__version__}, numpy {numpy.__version__}, openpyxl {openpyxl.__version__}"
    ]


@pytest.fixture(scope="session")
def catalog():
    from vendor_risk.risk.catalog.loader import load_catalog

    return load_catalog()


_PROVIDERS = []  # keep Python references alive for the registry's lifetime


def _registered_provider():
    """Our provider in the processing registry (re-added if a plugin unload test removed it)."""
    from qgis.core import QgsApplication
    from vendor_risk.provider.provider import VendorRiskProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("vendorrisk")
    if existing is not None:
        return existing
    prov = VendorRiskProvider()
    registry.addProvider(prov)
    _PROVIDERS.append(prov)
    return prov


@pytest.fixture
def provider(qgis_app, qgis_processing):
    return _registered_provider()


@pytest.fixture(scope="module")
def module_provider(qgis_app, qgis_processing):
    """The same, for a module's shared (module-scoped) fixtures."""
    return _registered_provider()


def refusal(alg_id, params):
    """The message of a run that must fail. Only the text is kept: a kept exception holds its
    frames, and the Processing objects in them, past QGIS's exit (a crash at interpreter end)."""
    from qgis.core import QgsProcessingException

    try:
        run_alg(alg_id, params)
    except QgsProcessingException as e:
        return str(e)
    raise AssertionError(f"{alg_id} ran, but it had to refuse {params}")


def run_alg(alg_id, params, feedback=None):
    """Run an algorithm as Processing does (processing.run); its exceptions propagate."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    return processing.run(
        alg_id, params, context=QgsProcessingContext(), feedback=feedback or QgsProcessingFeedback()
    )
