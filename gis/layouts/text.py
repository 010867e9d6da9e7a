"""Fonts and text formats of the print layouts (council report, audit report)."""

from qgis.core import QgsTextFormat
from qgis.PyQt.QtGui import QColor, QFont

from ..compat import RENDER_POINTS

FAMILY = "DejaVu Sans"  # installed with QGIS on Debian; every glyph of French and of the catalog


def font(size, bold=False):
    f = QFont(FAMILY)
    f.setPointSizeF(size)
    f.setBold(bold)
    return f


def text_format(size, bold=False, color=None):
    """A layout text format in points, optionally coloured (an (r, g, b) tuple)."""
    fmt = QgsTextFormat.fromQFont(font(size, bold))
    fmt.setSize(size)
    fmt.setSizeUnit(RENDER_POINTS)
    if color is not None:
        fmt.setColor(QColor(*color))
    return fmt
