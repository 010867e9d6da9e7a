"""Sizing helpers shared by the dock's panels."""


def fit_height(table):
    """A table as tall as its rows: no inner scrolling, no empty band under the rows."""
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount())) or 22
    table.setFixedHeight(height)
