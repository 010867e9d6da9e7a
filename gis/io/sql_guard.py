"""Is a layer's subset string one SQL expression, and nothing more?

A PostGIS layer's filter (its subset string) comes from a project or a .qlr file that anybody
may have written. The fast reader puts it inside `COPY (SELECT ... WHERE (<filter>)) TO STDOUT`,
which PostgreSQL runs with the simple-query protocol, where a `;` starts another statement. So
the filter is read token by token as PostgreSQL would (standard-conforming strings) and accepted
only when it cannot leave its parentheses or its statement: no `;`, no comment, no dollar quote,
no escape string, quotes closed, parentheses balanced and never closed below zero. Anything else
is refused with a message: the QGIS provider is no refuge, it pastes the filter into its own
cursor statements (seen dropping a table on QGIS 3.22 with `x > 0); DROP TABLE t; --`)."""


def unsafe_reason(text):
    """'' when `text` can only be one expression inside `(...)`, else why not."""
    depth, i, n = 0, 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "'":
            if i > 0 and text[i - 1] in "eE" and (i < 2 or not (text[i - 2].isalnum() or text[i - 2] == "_")):
                return "an escape string (E'...')"
            end = _closing(text, i, "'")
            if end < 0:
                return "an unterminated string"
            i = end + 1
            continue
        if ch == '"':
            end = _closing(text, i, '"')
            if end < 0:
                return "an unterminated quoted name"
            i = end + 1
            continue
        reason = _token_problem(text, i)
        if reason:
            return reason
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return "a ')' that closes more than it opened"
        i += 1
    if depth:
        return "unbalanced parentheses"
    return ""


def _token_problem(text, i):
    """Why the text at `i` (outside quotes) could leave the expression, or ''."""
    ch = text[i]
    if ch == ";":
        return "a ';' (a second statement)"
    if ch == "$" and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
        if i + 1 < len(text) and not text[i + 1].isdigit():
            return "a dollar-quoted string"
    if text.startswith("--", i) or text.startswith("/*", i) or text.startswith("*/", i):
        return "a comment"
    if ch == "\\":
        return "a backslash"
    if ch == "\x00":
        return "a NUL character"
    return ""


def _closing(text, start, quote):
    """Index of the quote closing the one at `start` (a doubled quote is part of the text)."""
    i = start + 1
    while True:
        j = text.find(quote, i)
        if j < 0:
            return -1
        if j + 1 < len(text) and text[j + 1] == quote:
            i = j + 2
            continue
        return j


def unsafe_filter(source):
    """A message when a database layer source's filter (sql=) is not one plain expression."""
    from qgis.core import QgsDataSourceUri

    text = str(source or "")
    if "table=" not in text or "sql=" not in text:
        return ""
    subset = QgsDataSourceUri(text).sql().strip()
    reason = unsafe_reason(subset) if subset else ""
    if not reason:
        return ""
    return (
        f"the layer's filter holds {reason}; Vendor Risk reads a database layer only "
        f"through a filter that is one SQL expression. Edit the filter in the layer's "
        f"properties (Source > Query Builder). Filter: {subset[:200]!r}"
    )
