"""Headless command line mirroring qgis_process, with this checkout's provider registered.

./vendor-risk list
./vendor-risk help vendorrisk:tagassets
./vendor-risk run vendorrisk:tagassets [--json] -- INPUT=assets.gpkg|layername=x OUTPUT=out.gpkg
./vendor-risk demo
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE = "vendor_risk"


def import_plugin_package():
    """Import this folder as the `vendor_risk` package, whatever the folder is called."""
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    spec = importlib.util.spec_from_file_location(
        PACKAGE, os.path.join(HERE, "__init__.py"), submodule_search_locations=[HERE]
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)
    return module


def boot_qgis():
    """Start QGIS without a GUI, initialise Processing and register our provider."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], True)  # a GUI app (offscreen): layouts need fonts and painters
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import_plugin_package()
    from vendor_risk.provider.provider import VendorRiskProvider

    provider = VendorRiskProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def parse_params(args):
    params = {}
    for arg in args:
        if "=" not in arg:
            raise SystemExit(f"vendor-risk: parameter '{arg}' is not PARAM=VALUE")
        key, value = arg.split("=", 1)
        key = key.lstrip("-")
        if key in params:  # repeated parameter: a list (multiple layers, fields)
            prev = params[key]
            params[key] = (prev if isinstance(prev, list) else [prev]) + [value]
        else:
            params[key] = value
    return params


def cmd_list(registry, show_all):
    for alg in sorted(registry.algorithms(), key=lambda a: a.id()):
        if show_all or alg.provider().id() == "vendorrisk":
            print(f"{alg.id()}\t{alg.displayName()}")
    return 0


def cmd_help(registry, alg_id):
    from vendor_risk.gis.compat import PARAMETER_OPTIONAL

    alg = registry.algorithmById(alg_id)
    if alg is None:
        print(f"vendor-risk: no algorithm '{alg_id}' (see: vendor-risk list)", file=sys.stderr)
        return 2
    print(f"{alg.id()} — {alg.displayName()}\n")
    print(alg.help_lines() if hasattr(alg, "help_lines") else alg.shortHelpString() or "")
    print("\nParameters:")
    for p in alg.parameterDefinitions():
        opt = " (optional)" if p.flags() & PARAMETER_OPTIONAL else ""
        default = p.defaultValue()
        dflt = f" [default: {default}]" if default not in (None, "") else ""
        print(f"  {p.name()}: {p.description()}{opt}{dflt}\n      type: {p.type()}")
    print("\nOutputs:")
    for o in alg.outputDefinitions():
        print(f"  {o.name()}: {o.description()} ({o.type()})")
    return 0


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    command, rest = argv[0], argv[1:]
    if command not in ("list", "help", "run", "demo"):
        print(f"vendor-risk: unknown command '{command}'\n{__doc__}", file=sys.stderr)
        return 2
    app, _provider = boot_qgis()
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    if command == "list":
        return cmd_list(registry, "--all" in rest)
    if command == "help":
        if not rest:
            print("vendor-risk help ALGORITHM", file=sys.stderr)
            return 2
        return cmd_help(registry, rest[0])
    if command == "demo":
        from vendor_risk.demo import run_demo

        return run_demo(rest)
    as_json = "--json" in rest
    rest = [a for a in rest if a != "--json"]
    if not rest:
        print("vendor-risk run ALGORITHM -- PARAM=VALUE ...", file=sys.stderr)
        return 2
    alg_id, params = rest[0], rest[1:]
    if params and params[0] == "--":
        params = params[1:]
    from vendor_risk.headless import run_algorithm

    code, _ = run_algorithm(alg_id, parse_params(params), as_json=as_json)
    return code


if __name__ == "__main__":
    sys.exit(main())
