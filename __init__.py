"""Vendor Risk QGIS plugin: entry point kept lazy so QGIS loads it cheaply."""


def classFactory(iface):  # noqa: N802 - name fixed by QGIS
    from .plugin import VendorRiskPlugin

    return VendorRiskPlugin(iface)
