"""Background work: one QgsTask base class, so the QGIS window never freezes.

The worker thread only reads layers and writes files. Everything that touches the project or
widgets happens in the callbacks, which QGIS calls from finished() on the main thread.
"""

import os
import traceback

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapLayer,
    QgsMessageLog,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsTask,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, Qt

LOG_TAG = "Vendor Risk"


class TaskCancelledError(Exception):
    """Raised from set_progress() in the worker when the user cancelled."""


class VendorRiskTask(QgsTask):
    """Runs work() in a worker thread; reports to on_done / on_error / on_cancel on the main thread.

    work() returns the result handed to on_done. It must not touch the project or widgets.
    Exceptions are caught and reported in plain words to on_error; a traceback goes to the
    QGIS log. Subclasses call set_progress(percent), which raises TaskCancelledError once the
    user has cancelled, and may override discard() to remove what a cancelled or failed
    run left behind (it runs in the worker, before finished()).
    """

    def __init__(self, description, on_done=None, on_error=None, on_cancel=None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.on_done, self.on_error, self.on_cancel = on_done, on_error, on_cancel
        self.result = None
        self.error = ""
        self.details = ""

    # -- worker thread ---------------------------------------------------------------------
    def work(self):
        raise NotImplementedError

    def discard(self):
        """Remove partial output after a cancel or a failure (worker thread)."""

    def set_progress(self, percent):
        if self.isCanceled():
            raise TaskCancelledError()
        self.setProgress(max(0.0, min(100.0, float(percent))))

    def run(self):
        try:
            self.result = self.work()
        except TaskCancelledError:
            pass
        except QgsProcessingException as e:
            self.error = str(e) or e.__class__.__name__
            if "Traceback (most recent call last)" in self.error:  # a Python error, wrapped
                self.details = self.error
                self.error = _last_line(self.error)
        except Exception as e:  # noqa: BLE001 - reported to the user, never raised into QGIS
            self.details = traceback.format_exc()
            self.error = _plain(e) if isinstance(e, (OSError, ValueError)) else _last_line(self.details)
        ok = not self.error and not self.isCanceled()
        if not ok:
            try:
                self.discard()
            except OSError as e:
                self.details += f"\ncleanup: {e}"
        return ok

    # -- main thread -----------------------------------------------------------------------
    def finished(self, ok):
        if self.details:
            QgsMessageLog.logMessage(
                f"{self.description()}: {self.details}", LOG_TAG, Qgis.MessageLevel.Warning
            )
        try:
            if ok:
                self.before_done()
                if self.on_done is not None:
                    self.on_done(self.result)
            elif self.isCanceled():  # what failed after a cancel failed because of it
                if self.on_cancel is not None:
                    self.on_cancel()
            elif self.on_error is not None:
                self.on_error(
                    self.error
                    or QCoreApplication.translate("VendorRiskTask", "the task stopped without saying why")
                )
        except Exception:  # noqa: BLE001 - a callback must not take QGIS down
            QgsMessageLog.logMessage(traceback.format_exc(), LOG_TAG, Qgis.MessageLevel.Critical)
        self.release()

    def release(self):
        """Drop what the run held, here on the main thread (not whenever Python collects it)."""

    def before_done(self):
        """Main-thread step between a successful run and on_done (e.g. Processing's post-process)."""

    def detach(self):
        """Forget the callbacks (the widget that asked is going away)."""
        self.on_done = self.on_error = self.on_cancel = None


def _last_line(trace):
    last = [line.strip() for line in trace.strip().splitlines() if line.strip()][-1]
    return QCoreApplication.translate(
        "VendorRiskTask", "an unexpected error ({}); the details are in the log, tab “Vendor Risk”"
    ).format(last)


def _plain(exc):
    text = str(exc).strip()
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.strerror or text} ({exc.filename})"
    return text or exc.__class__.__name__


class FunctionTask(VendorRiskTask):
    """Runs fn(task, *args) in the worker; fn may call task.set_progress()."""

    def __init__(self, description, fn, *args, on_done=None, on_error=None, on_cancel=None, cleanup=None):
        super().__init__(description, on_done, on_error, on_cancel)
        self._fn, self._args, self._cleanup = fn, args, cleanup

    def work(self):
        return self._fn(self, *self._args)

    def discard(self):
        if self._cleanup is not None:
            self._cleanup()


class AlgorithmTask(VendorRiskTask):
    """Runs a Processing algorithm in the worker, as QGIS's own background runner does.

    prepare() and the parameter check happen here, in the constructor (main thread); the
    algorithm runs in the worker with a feedback whose progress drives the task's progress
    and whose cancel is the task's cancel; post-processing happens on the main thread. The
    context has no project: nothing is loaded into the user's map behind the caller's back.
    A run that is cancelled or fails removes the output file it created.
    """

    def __init__(
        self,
        algorithm_id,
        parameters,
        description=None,
        output_param="OUTPUT",
        on_done=None,
        on_error=None,
        on_cancel=None,
    ):
        registry = QgsApplication.processingRegistry()
        alg = registry.createAlgorithmById(algorithm_id)
        if alg is None:
            raise ValueError(
                QCoreApplication.translate(
                    "VendorRiskTask", "the algorithm {} is not available: is the Vendor Risk plugin enabled?"
                ).format(algorithm_id)
            )
        super().__init__(description or alg.displayName(), on_done, on_error, on_cancel)
        self.algorithm = alg
        self._inputs, self._clones = [], []
        self.parameters = {key: self._detached(value) for key, value in parameters.items()}
        self.setDependentLayers(self._inputs)  # removing an input layer cancels the run
        self.context = QgsProcessingContext()
        self.feedback = TaskFeedback(self)
        ok, message = alg.checkParameterValues(self.parameters, self.context)
        if not ok:
            raise ValueError(message)
        if not alg.prepare(self.parameters, self.context, self.feedback):
            raise ValueError(
                self.feedback.last_error
                or QCoreApplication.translate("VendorRiskTask", "the algorithm could not start")
            )
        self.output = None
        if output_param and isinstance(self.parameters.get(output_param), str):
            self.output = self.parameters[output_param]
        self._output_existed = bool(self.output) and os.path.exists(self.output)

    def _detached(self, value):
        """The worker reads copies of the user's layers (same source, filter and selection),
        so a layer removed from the project meanwhile is never read after deletion."""
        if isinstance(value, QgsMapLayer):
            self._inputs.append(value)
            clone = value.clone()
            clone.setName(value.name())
            self._clones.append(clone)
            return clone
        if isinstance(value, (list, tuple)):
            return [self._detached(v) for v in value]
        return value

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def work(self):
        results = self.algorithm.runPrepared(self.parameters, self.context, self.feedback)
        if self.feedback.isCanceled():
            raise TaskCancelledError()
        return results

    def discard(self):
        if self.output and not self._output_existed:
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(self.output + suffix):
                    os.remove(self.output + suffix)

    def before_done(self):
        processed = self.algorithm.postProcess(self.context, self.feedback)
        if processed:
            self.result = processed

    def release(self):
        self.parameters = {}
        for layer in self._clones:
            sip.delete(layer)
        self._clones = []


class TaskFeedback(QgsProcessingFeedback):
    """Processing feedback tied to a task: progress goes to the task, messages are kept."""

    def __init__(self, task):
        super().__init__()
        self.messages = []
        self.last_error = ""
        # Direct: called in the worker thread; QgsTask.setProgress is thread-safe.
        self.progressChanged.connect(lambda p: task.setProgress(p), Qt.ConnectionType.DirectConnection)

    def reportError(self, error, fatalError=False):  # noqa: N802 - QGIS API
        self.last_error = error
        self.messages.append(("error", error))
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(("warning", warning))
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(("info", info))
        super().pushInfo(info)
