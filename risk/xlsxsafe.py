"""Workbook safety shared by every writer: no cell Excel would run, files written atomically."""

import os
import tempfile

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Text Excel would run as a formula is prefixed with a single quote and so stays text.

    openpyxl stores a str starting with '=' as a formula; with the quote it is a plain string,
    and it stays inert if the sheet is later saved as CSV and re-opened (OWASP CSV injection).
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def save_atomically(workbook, path):
    """Save an openpyxl workbook to a temp file beside `path`, then rename it into place."""
    path = os.path.abspath(path)
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(suffix=".xlsx.part", dir=folder,
                               prefix="." + os.path.basename(path) + ".")
    os.close(fd)
    try:
        workbook.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a workbook is for sharing
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
