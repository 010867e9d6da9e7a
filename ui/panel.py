"""What a part of the dock shares with it: the widgets (one dock.ui), the run on show, messages.

Panels translate in the dock's context ("VendorRiskDock"), so a string keeps its translation
whichever module shows it; pylupdate5 reads translate("VendorRiskDock", "...") calls as written.
"""

from qgis.PyQt.QtCore import QCoreApplication

translate = QCoreApplication.translate


class Panel:
    """One part of the dock: the dock's widgets and run, the panel's own slots and state."""

    def __init__(self, dock):
        self.dock = dock

    @property
    def ui(self):
        return self.dock.ui

    @property
    def view(self):
        return self.dock.view

    @property
    def project(self):
        return self.dock.project

    @property
    def lang(self):
        return self.dock.lang

    def message(self, *args, **kwargs):
        return self.dock.message(*args, **kwargs)

    def current_layer(self):
        return self.dock.current_layer()

    def current_scenario(self):
        return self.dock.current_scenario()
