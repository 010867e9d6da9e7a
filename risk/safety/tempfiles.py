"""Temporary files beside an output, named so that a later run can tell a killed run's leftovers.

Every writer builds its output in a hidden file beside the destination and renames it into
place when complete. The name carries the writing process id: a run that was killed (SIGKILL,
power loss) leaves its file behind, and the next run writing to the same destination removes
the files whose process is gone."""

import os
import re
import shutil
import tempfile

_MARK = ".vrtmp-"


def _prefix(path):
    return "." + os.path.basename(path) + _MARK


def temp_beside(path, suffix):
    """A new empty file beside `path` (same folder, so the final rename is atomic); its path."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    remove_stale(path)
    fd, tmp = tempfile.mkstemp(suffix=suffix, dir=folder, prefix=f"{_prefix(path)}{os.getpid()}-")
    os.close(fd)
    return tmp


def temp_folder_beside(path):
    """A new empty folder beside `path`, named like temp_beside's files; its path."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    remove_stale(path)
    return tempfile.mkdtemp(dir=folder, prefix=f"{_prefix(path)}{os.getpid()}-")


def _alive(pid):
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # another user's live process: not ours to judge
    return True


def remove_stale(path):
    """Remove leftovers of killed runs that wrote to `path`; returns what was removed."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    pattern = re.compile(re.escape(_prefix(path)) + r"(\d+)-")
    removed = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        m = pattern.match(name)
        if m and not _alive(int(m.group(1))):
            try:
                target = os.path.join(folder, name)
                if os.path.isdir(target) and not os.path.islink(target):
                    shutil.rmtree(target)
                else:
                    os.unlink(target)
                removed.append(name)
            except OSError:
                pass
    return removed
