"""Run one Processing algorithm headless as qgis_process does: checked parameters, console
feedback, SIGINT/SIGTERM as Cancel, results as text or JSON. Used by the CLI and the demo."""

import json
import os
import sys


class ConsoleFeedback:
    """Console feedback: progress on stderr, messages as they come, kept for --json."""

    def __init__(self, quiet):
        from qgis.core import QgsProcessingFeedback

        log = []

        class Feedback(QgsProcessingFeedback):
            def pushInfo(self, info):  # noqa: N802
                log.append(info)
                if not quiet:
                    print(info, file=sys.stderr)

            def pushWarning(self, warning):  # noqa: N802
                log.append("WARNING: " + warning)
                print("WARNING: " + warning, file=sys.stderr)

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                log.append("ERROR: " + error)
                print("ERROR: " + error, file=sys.stderr)

        self.feedback = Feedback()
        self.log = log


def plain(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return str(value)


class StopOnSignal:
    """SIGINT/SIGTERM cancel the run as the Cancel button does: the algorithm stops at its next
    check, its temp files go, nothing reaches the destination. A second signal stops at once."""

    def __init__(self, feedback):
        self.feedback, self.signal, self.name, self._old = feedback, None, "", {}

    def _handle(self, signum, _frame):
        import signal

        if self.signal is not None:
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        self.signal, self.name = signum, signal.Signals(signum).name
        self.feedback.cancel()

    def __enter__(self):
        import signal

        for sig in (signal.SIGINT, signal.SIGTERM):
            self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc):
        import signal

        for sig, old in self._old.items():
            signal.signal(sig, old)
        return False


def missing_layer(params):
    """'layer X not found in file Y (its layers: ...)' for a `file|layername=X` value whose
    file exists without that layer (QGIS would report the whole value as a missing file)."""
    import os

    from osgeo import gdal

    for name, value in params.items():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if not isinstance(item, str) or "|layername=" not in item:
                continue
            path, _, rest = item.partition("|layername=")
            layer = rest.split("|", 1)[0]
            if not os.path.exists(path):
                return f"{name}: file {path} not found"
            ds = gdal.OpenEx(path, gdal.OF_VECTOR)
            if ds is None:
                return f"{name}: {path} is not a file of layers GDAL can read"
            names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
            if layer not in names:
                return f"{name}: layer '{layer}' not found in file {path} (its layers: {', '.join(names)})"
    return None


def run_algorithm(alg_id, params, as_json=False, quiet=False, show_results=True):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingException

    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    if alg is None:
        print(f"vendor-risk: no algorithm '{alg_id}' (see: vendor-risk list)", file=sys.stderr)
        return 2, None
    known = {p.name() for p in alg.parameterDefinitions()}
    unknown = sorted(set(params) - known)
    if unknown:
        print(
            f"vendor-risk: {alg_id} has no parameter {', '.join(unknown)} (see: vendor-risk help {alg_id})",
            file=sys.stderr,
        )
        return 2, None
    context = QgsProcessingContext()
    fb = ConsoleFeedback(quiet or as_json)
    missing = missing_layer(params)
    if missing:
        print(f"vendor-risk: {missing}", file=sys.stderr)
        return 2, None
    ok, msg = alg.checkParameterValues(params, context)
    if not ok:
        print(f"vendor-risk: {msg}", file=sys.stderr)
        return 2, None
    stop = StopOnSignal(fb.feedback)
    try:
        with stop:
            results, ok = alg.run(params, context, fb.feedback)
    except QgsProcessingException as e:
        if stop.signal is None:
            print(f"ERROR: {e}", file=sys.stderr)
            return 1, None
        ok = False
    if stop.signal is not None:
        print(f"vendor-risk: stopped by {stop.name}: nothing was written", file=sys.stderr)
        return 128 + stop.signal, None
    if not ok:
        return 1, None
    results = plain(results)
    if as_json:
        print(
            json.dumps(
                {
                    "algorithm_details": {"id": alg.id(), "name": alg.displayName()},
                    "inputs": plain(params),
                    "results": results,
                    "log": fb.log,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    elif show_results:
        for key, value in results.items():
            print(f"{key}:\t{value}")
    return 0, results
