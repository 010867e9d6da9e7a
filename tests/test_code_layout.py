"""Architecture rules that keep the code easy to change (cheap to check, easy to break)."""

import ast
import os

from conftest import ROOT


def _imports(folder):
    """(file, imported module) for every import anywhere in the .py files of a folder."""
    for dirpath, _dirs, files in os.walk(os.path.join(ROOT, folder)):
        for name in files:
            if not name.endswith(".py"):
                continue
            path = os.path.join(dirpath, name)
            tree = ast.parse(open(path, encoding="utf-8").read(), path)
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        yield path, alias.name, 0
                elif isinstance(node, ast.ImportFrom):
                    yield path, node.module or "", node.level


def test_risk_imports_no_qgis_or_qt():
    bad = [
        (p, m)
        for p, m, _ in _imports("risk")
        if m.split(".")[0] in ("qgis", "PyQt5", "PyQt6", "processing", "osgeo")
    ]
    assert bad == []


def _resolved(path, module, level):
    """The top-level plugin folder an import lands in ('risk', 'gis', ...), or '' if outside."""
    if level == 0:
        parts = module.split(".")
        return parts[1] if parts[0] == "vendor_risk" and len(parts) > 1 else ""
    here = os.path.relpath(os.path.dirname(path), ROOT).split(os.sep)
    base = here[: len(here) - (level - 1)]
    target = base + [p for p in module.split(".") if p]
    return target[0] if target else "."


def test_risk_imports_nothing_from_the_qgis_side_of_the_plugin():
    allowed = ("", "risk", "plugin_paths")  # plugin_paths: the plugin's folders, pure Python
    bad = [(p, m) for p, m, level in _imports("risk") if _resolved(p, m, level) not in allowed]
    assert bad == []


def test_plugin_paths_import_only_the_standard_library():
    tree = ast.parse(open(os.path.join(ROOT, "plugin_paths.py"), encoding="utf-8").read())
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert names == ["os"] and not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]


def test_only_plugin_paths_computes_the_plugins_folders():
    """One module knows where the plugin's files are (no dirname(dirname(__file__)) elsewhere)."""
    hits = []
    for folder in ("risk", "gis", "provider", "ui"):
        for dirpath, _dirs, files in os.walk(os.path.join(ROOT, folder)):
            for name in files:
                if name.endswith(".py"):
                    text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                    if "__file__" in text:
                        hits.append(os.path.join(dirpath, name))
    assert hits == []


def test_gis_never_imports_ui_or_provider():
    bad = [(p, m) for p, m, level in _imports("gis") if _resolved(p, m, level) in ("ui", "provider")]
    assert bad == []


def test_init_is_lazy():
    tree = ast.parse(open(os.path.join(ROOT, "__init__.py"), encoding="utf-8").read())
    top_level = [n for n in tree.body if not isinstance(n, ast.Expr)]
    assert [type(n).__name__ for n in top_level] == ["FunctionDef"]
    assert top_level[0].name == "classFactory"


def test_ui_files_hold_no_signal_connections():
    for dirpath, _dirs, files in os.walk(os.path.join(ROOT, "ui")):
        for name in files:
            if name.endswith(".ui"):
                text = open(os.path.join(dirpath, name), encoding="utf-8").read()
                assert "<connections>" not in text.replace("<connections/>", ""), name


def test_metadata_is_complete():
    import configparser

    cp = configparser.ConfigParser()
    cp.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    general = cp["general"]
    for key in (
        "name",
        "qgisMinimumVersion",
        "description",
        "about",
        "version",
        "author",
        "email",
        "repository",
        "tracker",
        "homepage",
        "tags",
        "category",
        "icon",
        "hasProcessingProvider",
        "experimental",
    ):
        assert general.get(key), key
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert os.path.exists(os.path.join(ROOT, general["icon"]))
