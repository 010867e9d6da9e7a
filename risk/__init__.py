"""The risk engine: pure Python, pandas and numpy; never imports qgis or PyQt."""
