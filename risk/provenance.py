"""How outputs name the files and layers they were made from: never a machine's own path.

The plugin's own files are recorded as `plugin:<path inside the plugin>`; a user's file under
the output's folder relative to it (`cameras.gpkg`, `../inventories/city.gpkg`); any other by
its name alone. Database sources lose their user name and password. `resolved()` turns a
recorded path back into a file to open, relative to the output it was read from.
"""

import os
import re

from ..plugin_paths import PLUGIN_DIR

PLUGIN = "plugin:"
MAX_UP = 2  # a user's file at most this many folders above the output is recorded relatively


def recorded(path, base=None):
    """The text run_info keeps for a file: see the module's docstring."""
    path = str(path or "")
    if not path or not os.path.isabs(path):
        return path
    path = os.path.normpath(path)
    inside = _relative(path, PLUGIN_DIR)
    if inside is not None and not inside.startswith(".."):
        return PLUGIN + inside.replace(os.sep, "/")
    if base:
        rel = _relative(path, base)
        if rel is not None and rel.split(os.sep).count("..") <= MAX_UP:
            return rel.replace(os.sep, "/")
    return os.path.basename(path)


def resolved(text, base=None):
    """A recorded path -> a path to open (absolute paths of older runs as they are)."""
    text = str(text or "").strip()
    if text.startswith(PLUGIN):
        return os.path.join(PLUGIN_DIR, *text[len(PLUGIN) :].split("/"))
    if not text or os.path.isabs(text):
        return text
    return os.path.normpath(os.path.join(base or os.getcwd(), text))


_SECRET = re.compile(r"\s*\b(password|user|authcfg)=('(?:[^'\\]|\\.)*'|\S*)", re.IGNORECASE)


def recorded_source(source, base=None):
    """A QGIS layer source (`/path/file.gpkg|layername=x`, a database URI) as run_info keeps
    it: the file part through recorded(), a database URI without credentials."""
    source = str(source or "")
    if "dbname=" in source or source.startswith("postgresql:"):
        return _SECRET.sub("", source).strip()
    path, sep, rest = source.partition("|")
    return recorded(path, base) + sep + rest


def _relative(path, base):
    try:
        return os.path.relpath(path, base)
    except ValueError:  # another drive (Windows)
        return None
