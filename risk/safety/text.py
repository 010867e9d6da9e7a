"""Text safety shared by every writer (workbooks, CSV, review and issues files, PDF) and atomic
workbook saves.

`safe_text` is the one sanitiser: it first removes control and invisible characters (which can
hide what a cell starts with), then neutralises text a spreadsheet would run as a formula.
"""

import os
import re

from .tempfiles import temp_beside

# What a spreadsheet takes as the start of a formula (OWASP CSV injection), ASCII and fullwidth;
# a leading tab or carriage return counts too (lstrip() reaches past them to the trigger).
_TRIGGER_CHARS = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")

# C0/C1 controls (but tab and line feed), soft hyphen, bidi and zero-width marks, word joiners,
# the BOM, interlinear annotations, tag characters and lone surrogates: invisible, or illegal
# in an .xlsx, or both.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff"
    "\uffa0\ufff0-\ufffb\ud800-\udfff\U000e0000-\U000e0fff]"
)


def strip_invisible(text):
    """Text without control or invisible characters (tabs and line breaks kept)."""
    if text.isprintable() and text.isascii():
        return text
    return _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def _formula_like(text):
    start = text.lstrip()
    return bool(start) and start[0] in _TRIGGER_CHARS


def safe_text(value):
    """A text as every writer emits it: invisible characters removed, then a leading quote when
    a spreadsheet would run it (also when the trigger hides behind spaces). Non-text is
    returned as it is."""
    if not isinstance(value, str):
        return value
    text = strip_invisible(value)
    if _formula_like(text):
        return "'" + text
    return text


def unneutralise(text):
    """A text read back from a file we wrote: the quote safe_text added removed."""
    if isinstance(text, str) and text.startswith("'") and _formula_like(text[1:]):
        return text[1:]
    return text


def save_atomically(workbook, path):
    """Save an openpyxl workbook to a temp file beside `path`, then rename it into place."""
    path = os.path.abspath(path)
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    tmp = temp_beside(path, ".xlsx.part")
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
