"""The `tr()` of the provider and the pipelines it runs.

pylupdate5 files bare tr("...") calls under its "@default" context (i18n/vendor_risk.pro lists
the provider's and the pipelines' files), so they are looked up there.
"""

from qgis.PyQt.QtCore import QCoreApplication


def tr(text):
    """Translate an algorithm's or a pipeline's text (context "@default")."""
    return QCoreApplication.translate("@default", text)
