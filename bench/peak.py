"""Peak memory of this process image."""

import resource


def peak_rss_mb():
    """Peak resident memory (MB) of this process since it started its program. Linux's
    VmHWM, not getrusage's ru_maxrss: a child forked from a big parent inherits the parent's
    high-water mark in ru_maxrss, which would charge the bench's own memory to the run."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
