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


@pytest.fixture(scope="session")
def catalog():
    from vendor_risk.risk.catalog import load_catalog

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


def run_alg(alg_id, params, feedback=None):
    """Run an algorithm as Processing does (processing.run); its exceptions propagate."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    return processing.run(alg_id, params, context=QgsProcessingContext(),
                          feedback=feedback or QgsProcessingFeedback())
