"""User regular expressions (model-number patterns of a user catalog) that cannot hang a run.

Python's `re` backtracks: `(a+)+$` takes time that doubles with every character of a string
that almost matches. A pattern is refused when a repeated group holds another repetition or an
alternation (the shapes of catastrophic backtracking), or when it is very long."""

import re

try:
    from re import _parser as sre_parse  # Python >= 3.11
except ImportError:  # Python 3.9, 3.10
    import sre_parse

MAX_PATTERN = 300
_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT}
_POSSESSIVE = getattr(sre_parse, "POSSESSIVE_REPEAT", None)


def _risky(items, inside_repeat):
    for op, arg in items:
        if op in _REPEATS:
            low, high, sub = arg
            repeats = high is sre_parse.MAXREPEAT or high > 1
            if repeats and inside_repeat:
                return "a repetition inside a repeated group"
            reason = _risky(sub, inside_repeat or repeats)
            if reason:
                return reason
        elif op is _POSSESSIVE:
            continue  # possessive: no backtracking into it
        elif op is sre_parse.SUBPATTERN:
            reason = _risky(arg[-1], inside_repeat)
            if reason:
                return reason
        elif op is sre_parse.BRANCH:
            if inside_repeat:
                return "an alternation inside a repeated group"
            for branch in arg[1]:
                reason = _risky(branch, inside_repeat)
                if reason:
                    return reason
        elif op in (sre_parse.ASSERT, sre_parse.ASSERT_NOT):
            reason = _risky(arg[1], inside_repeat)
            if reason:
                return reason
    return ""


def regex_problem(pattern):
    """'' for a safe pattern, else why it is refused."""
    if len(pattern) > MAX_PATTERN:
        return f"longer than {MAX_PATTERN} characters"
    try:
        re.compile(pattern)
        parsed = sre_parse.parse(pattern)
    except re.error as e:
        return f"invalid regular expression: {e}"
    reason = _risky(list(parsed), False)
    if reason:
        return f"{reason}, which can take exponential time: rewrite it without nesting"
    return ""
