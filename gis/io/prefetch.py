"""Run an iterator one step ahead in a thread of its own.

GDAL releases the GIL while it reads, so on two cores the next batch is read while the
caller converts the last one. The thread stops as soon as the consumer does (exhausted,
failed or dropped), and an error in the reader is raised in the consumer."""

import queue
import threading

_DONE = object()


class _Failure:
    def __init__(self, error):
        self.error = error


def prefetched(iterable, depth=2):
    """Yield the items of `iterable`, read up to `depth` items ahead in a worker thread."""
    items = queue.Queue(depth)
    stop = threading.Event()

    def offer(item):
        while not stop.is_set():
            try:
                items.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def work():
        try:
            for item in iterable:
                if not offer(item):
                    return
        except BaseException as e:  # handed over to the consumer, raised there
            offer(_Failure(e))
            return
        offer(_DONE)

    worker = threading.Thread(target=work, name="vendor-risk-prefetch", daemon=True)
    worker.start()
    try:
        while True:
            item = items.get()
            if item is _DONE:
                return
            if isinstance(item, _Failure):
                raise item.error
            yield item
    finally:
        stop.set()
        worker.join()
