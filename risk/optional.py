"""Optional Python packages, imported where they are used so that the rest works without them.

openpyxl writes and reads Excel workbooks: without it the workbook outputs and .xlsx
inventories say what is missing, and tagging, assessment, the audit GeoPackage and PDF, CSV
inventories, the maps and the dock work as before.
"""

import importlib.util

WHAT_FOR = {"openpyxl": "Excel workbooks (.xlsx)"}


def missing(package):
    """'' when `package` can be imported, else a sentence saying what is missing and how to add it."""
    try:
        found = importlib.util.find_spec(package) is not None
    except (ImportError, ValueError):
        found = False
    if found:
        return ""
    return (
        f"the Python package '{package}' is not installed, so {WHAT_FOR.get(package, 'this output')} "
        f"cannot be written or read. Add it to the Python that QGIS runs (Debian/Ubuntu: apt install "
        f"python3-{package}; Windows: the OSGeo4W shell, python -m pip install {package}; macOS: the "
        f"QGIS Python console, import pip; pip.main(['install', '{package}'])) and restart QGIS."
    )
