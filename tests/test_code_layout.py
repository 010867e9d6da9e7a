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


# --- the module graph -------------------------------------------------------------------------

PLUGIN_FOLDERS = ("risk", "gis", "provider", "ui")


def _plugin_modules():
    """Dotted module name (without the package) -> file, for every plugin module."""
    mods = {}
    for top in PLUGIN_FOLDERS:
        for dirpath, _dirs, files in os.walk(os.path.join(ROOT, top)):
            for name in files:
                if name.endswith(".py"):
                    rel = os.path.relpath(os.path.join(dirpath, name), ROOT)[:-3].split(os.sep)
                    mods[".".join(rel[:-1] if rel[-1] == "__init__" else rel)] = os.path.join(dirpath, name)
    for name in os.listdir(ROOT):
        if name.endswith(".py") and name != "__init__.py":
            mods[name[:-3]] = os.path.join(ROOT, name)
    return mods


def _import_edges():
    """(importer, imported module, imported names) for every plugin-internal `from` import,
    at module level or inside functions (a lazy import is still a dependency)."""
    mods = _plugin_modules()
    for mod, path in mods.items():
        package = mod if path.endswith("__init__.py") else mod.rpartition(".")[0]
        for node in ast.walk(ast.parse(open(path, encoding="utf-8").read(), path)):
            if not isinstance(node, ast.ImportFrom):
                continue
            if node.level:
                base = package.split(".") if package else []
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").startswith("vendor_risk."):
                target = node.module[len("vendor_risk.") :]
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}" if target else alias.name
                if sub in mods:
                    yield mod, sub, ()
                elif target in mods:
                    yield mod, target, (alias.name,)


def test_no_import_cycle():
    graph = {}
    for importer, imported, _names in _import_edges():
        if importer != imported:
            graph.setdefault(importer, set()).add(imported)
    cycles, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                cycles.append(path[path.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert cycles == []


def test_no_private_name_is_imported_from_another_module():
    bad = [(i, m, n) for i, m, names in _import_edges() for n in names if n.startswith("_")]
    assert bad == []


def test_provider_never_imports_ui():
    bad = [(p, m) for p, m, level in _imports("provider") if _resolved(p, m, level) == "ui"]
    assert bad == []


def test_no_plugin_function_is_too_complex_to_change():
    """The complexity gate: ruff's mccabe check at ruff.toml's limit, over the plugin's code."""
    import subprocess
    import sys

    ruff = os.path.join(os.path.dirname(sys.executable), "ruff")
    config = open(os.path.join(ROOT, "ruff.toml"), encoding="utf-8").read()
    assert "max-complexity = 15" in config
    out = subprocess.run(
        [
            ruff,
            "check",
            "--select",
            "C901",
            "--output-format",
            "concise",
            *PLUGIN_FOLDERS,
            "cli.py",
            "demo.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout
