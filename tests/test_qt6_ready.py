"""Qt 6 / QGIS 4 readiness, checked by rule: what PyQt6 or QGIS 4 no longer accepts never appears,
and what differs between QGIS versions lives in gis/compat.py only."""

import ast
import configparser
import enum
import importlib
import os
import re

from conftest import ROOT

COMPAT = os.path.join(ROOT, "gis", "compat.py")
SKIP_DIRS = {".venv", ".git", "data", "cache", "build", "out", "__pycache__"}

# PyQt5-only idioms and the Qt 6 spelling that replaces each.
PYQT5_ONLY = {
    r"\.exec_\(": "exec()",
    r"\bQRegExp\b": "QRegularExpression",
    r"\bQDesktopWidget\b|\.desktop\(\)": "QScreen (QGuiApplication.screens())",
    r"from qgis\.PyQt\.QtWidgets import[^\n]*\bQAction\b|QtWidgets\.QAction\b": (
        "QAction from gis/compat.py (QtGui in Qt 6)"
    ),
    r"^\s*(from|import) PyQt[56]\b": "qgis.PyQt (works on both)",
    r"\bQVariant\.(Type|Invalid|String|Int|UInt|LongLong|ULongLong|Double|Bool|Date|"
    r"DateTime|Time|ByteArray|List|Map)\b": "compat.field_type() (QMetaType.Type in Qt 6)",
    r"\bQTextCodec\b": "Python codecs",
    r"\bQt\.MidButton\b": "Qt.MouseButton.MiddleButton",
    r"fontMetrics\(\)\.width\(|QFontMetrics[^\n]*\.width\(": "horizontalAdvance()",
    r"\bQLocale\.Country\b|\bQLocale\([^)\"']*QLocale\.": "QLocale('fr_FR')",
    r"\bQgsMapLayerType\b": "isinstance(layer, QgsVectorLayer)",
    r"\bsetMargin\(": "setContentsMargins()",
}

# Spellings QGIS 3.30+ moved into the Qgis namespace (QGIS 4 drops them): gis/compat.py only.
MOVED = [
    r"\bQgsWkbTypes\.[A-Z]\w*",  # types and geometry types (functions stay lower-case)
    r"\bQgsUnitTypes\.[A-Z]\w*",
    r"\bQgsProcessing\.(Type|SourceType)\w*",
    r"\bQgsProcessingParameter\w*\.(Flag\w*|Folder|File|Integer|Double|Behavior|Type)\b",
    r"\bQgsFeatureRequest\.(Flag|NoGeometry|SubsetOfAttributes|ExactIntersect)\b",
    r"\bQgsFields\.(FieldOrigin|Origin\w+)\b",
    r"\bQgsRenderContext\.TextFormat\w*",
]

# Version tests belong in gis/compat.py (feature detection), nowhere else.
VERSION_CHECKS = [
    r"\bQGIS_VERSION(_INT)?\b",
    r"\bversionInt\(",
    r"\bPYQT_VERSION",
    r"\bQT_VERSION",
    r"\bqVersion\(",
    r"\b(pd|np|pandas|numpy|gdal|osgeo|openpyxl)\.__version__",
    r"\bgdal\.VersionInfo\(",
]


def _python_files():
    for dirpath, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")]
        for name in files:
            if name.endswith(".py"):
                yield os.path.join(dirpath, name)


def _read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def _find(patterns, exempt=(), this_file_too=False):
    here = os.path.abspath(__file__)
    hits = []
    for path in _python_files():
        if path in exempt or (path == here and not this_file_too):
            continue
        for i, line in enumerate(_read(path).splitlines(), 1):
            for pattern in patterns:
                if re.search(pattern, line):
                    hits.append(f"{os.path.relpath(path, ROOT)}:{i}: {line.strip()}")
    return hits


def test_no_pyqt5_only_idiom_remains():
    hits = [f"{h}  -> use {PYQT5_ONLY[p]}" for p in PYQT5_ONLY for h in _find([p], exempt={COMPAT})]
    assert hits == []


def test_moved_qgis_enums_are_spelled_in_compat_only():
    assert _find(MOVED, exempt={COMPAT}) == []


def test_version_checks_live_in_compat_only():
    header = os.path.join(ROOT, "tests", "conftest.py")  # prints the versions, tests none
    assert _find(VERSION_CHECKS, exempt={COMPAT, header}) == []


def _is_enum_member(value):
    if isinstance(value, enum.Enum):
        return True
    return isinstance(value, int) and type(value) not in (int, bool)


def _imported_objects(tree):
    names = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.split(".")[0] in ("qgis", "PyQt5", "PyQt6")
        ):
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "qgis" and alias.asname:
                    names[alias.asname] = importlib.import_module(alias.name)
    return names


def _value_of(node, names):
    if isinstance(node, ast.Name):
        return names.get(node.id, _MISSING)
    if isinstance(node, ast.Attribute):
        parent = _value_of(node.value, names)
        return _MISSING if parent is _MISSING else getattr(parent, node.attr, _MISSING)
    return _MISSING


_MISSING = object()


def test_enums_are_reached_through_their_enum_type():
    """PyQt6 knows Qt.AlignmentFlag.AlignLeft, not Qt.AlignLeft; the scoped name works on
    PyQt5 too. Checked on the running Qt and QGIS: a member read straight off a class is a hit."""
    hits = []
    for path in _python_files():
        tree = ast.parse(_read(path), path)
        names = _imported_objects(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute):
                continue
            parent = _value_of(node.value, names)
            if parent is _MISSING or not isinstance(parent, type):
                continue
            value = getattr(parent, node.attr, _MISSING)
            if value is _MISSING or isinstance(value, type) or not _is_enum_member(value):
                continue
            if type(value) is not parent and not issubclass(parent, enum.Enum):
                hits.append(
                    f"{os.path.relpath(path, ROOT)}:{node.lineno}: "
                    f"{ast.unparse(node)} -> {type(value).__qualname__}.{node.attr}"
                )
    assert hits == []


def test_the_rules_catch_what_they_forbid():
    samples = {
        "dialog.exec_()": PYQT5_ONLY,
        "QgsField('a', QVariant.String)": PYQT5_ONLY,
        "from qgis.PyQt.QtWidgets import QAction, QMenu": PYQT5_ONLY,
        "QgsWkbTypes.PointGeometry": MOVED,
        "QgsUnitTypes.LayoutMillimeters": MOVED,
        "Qgis.QGIS_VERSION_INT >= 33800": VERSION_CHECKS,
    }
    for text, patterns in samples.items():
        assert any(re.search(p, text) for p in patterns), text
    names = _imported_objects(ast.parse("from qgis.PyQt.QtCore import Qt"))
    node = ast.parse("Qt.AlignLeft", mode="eval").body
    parent = _value_of(node.value, names)
    assert _is_enum_member(getattr(parent, node.attr)) and type(getattr(parent, node.attr)) is not parent


def test_metadata_says_qt6_ready():
    cp = configparser.ConfigParser()
    cp.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    general = cp["general"]
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["supportsQt6"] == "True"
