"""A small horizontal bar chart painted with QPainter (no plotting library needed)."""

from qgis.PyQt.QtCore import QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFontMetrics, QPainter
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

LEFT_MIDDLE = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
BAR_COLORS = {
    0: QColor("#9e9e9e"),
    1: QColor("#e6b800"),
    2: QColor("#f46d43"),
    3: QColor("#7f0000"),
}  # by sanction level, as on the map


class BarChart(QWidget):
    """One bar per (label, value, level); the value text at the end of each bar."""

    ROW = 20

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("vendor_chart")
        self._bars = []
        self._title = ""
        self._empty = ""
        self._format = str
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._height())

    def set_bars(self, bars, title="", value_format=str, empty_text=""):
        """bars: [(label, value, level)] in the order to draw."""
        self._bars = [(str(label), float(value or 0), int(level or 0)) for label, value, level in bars]
        self._title, self._format, self._empty = title, value_format, empty_text
        self.setMinimumHeight(self._height())
        self.updateGeometry()
        self.update()

    def bars(self):
        return list(self._bars)

    def _height(self):
        return 28 + self.ROW * max(len(self._bars), 1)

    def sizeHint(self):  # noqa: N802 - Qt API
        return QSize(300, self._height())

    def paintEvent(self, _event):  # noqa: N802 - Qt API
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        fm = QFontMetrics(self.font())
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(6, 2, self.width() - 12, 20), LEFT_MIDDLE, self._title)
        if not self._bars:
            p.drawText(QRectF(6, 24, self.width() - 12, self.ROW), LEFT_MIDDLE, self._empty)
            p.end()
            return
        label_w = min(max(fm.horizontalAdvance(b[0]) for b in self._bars) + 8, int(self.width() * 0.38))
        value_w = max(fm.horizontalAdvance(self._format(b[1])) for b in self._bars) + 8
        top = max(b[1] for b in self._bars) or 1.0
        span = max(self.width() - label_w - value_w - 16, 10)
        for i, (label, value, level) in enumerate(self._bars):
            y = 24 + i * self.ROW
            p.setPen(self.palette().text().color())
            p.drawText(
                QRectF(6, y, label_w - 6, self.ROW),
                LEFT_MIDDLE,
                fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8),
            )
            w = span * max(value, 0) / top
            p.fillRect(
                QRectF(6 + label_w, y + 3, max(w, 1), self.ROW - 6), BAR_COLORS.get(level, BAR_COLORS[0])
            )
            p.drawText(QRectF(10 + label_w + w, y, value_w, self.ROW), LEFT_MIDDLE, self._format(value))
        p.end()
