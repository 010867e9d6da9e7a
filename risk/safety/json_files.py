"""JSON files users give (scenarios, profiles, rule sets), read with bounds: no NaN or Infinity
(Python's json takes them as numbers), nesting and size limited, errors as one plain message."""

import json
import os

MAX_DEPTH = 32  # our files nest four levels; a deeper one is a mistake or an attack
MAX_BYTES = 16 * 1024 * 1024


class JsonFileError(ValueError):
    """A JSON file that cannot be used; the message says why (the caller names the file)."""


def _reject_constant(name):
    raise JsonFileError(f"holds {name}, which is not a number JSON allows: write a number")


def _depth(value, limit):
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise JsonFileError(f"nests deeper than {limit} levels")
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)


def load_json(path, max_depth=MAX_DEPTH, max_bytes=MAX_BYTES):
    """The parsed document, or JsonFileError."""
    if os.path.getsize(path) > max_bytes:
        raise JsonFileError(f"is larger than {max_bytes // (1024 * 1024)} MB")
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh, parse_constant=_reject_constant)
    except json.JSONDecodeError as e:
        raise JsonFileError(f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})") from e
    except UnicodeDecodeError as e:
        raise JsonFileError("not UTF-8 text") from e
    except RecursionError as e:
        raise JsonFileError(f"nests deeper than {max_depth} levels") from e
    _depth(doc, max_depth)
    return doc
