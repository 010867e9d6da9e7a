"""Amounts as people read them: grouped by their language's habit, always with the currency.

English: "26,107,761 EUR", "0.5 M USD"; French: "26 107 761 EUR" (narrow no-break space
between groups, decimal comma). The ISO code, not a symbol: "$" names several currencies.
"""

import math

NNBSP = "\u202f"  # French thousands separator
NBSP = "\u00a0"  # between the number and the currency


def number(value, lang="en", decimals=0):
    """A number grouped for `lang` ('' for a missing or infinite value)."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(x):
        return ""
    text = f"{x:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def money(value, currency, lang="en", decimals=0):
    """'26,107,761 EUR' / '26 107 761 EUR' ('' for a missing value)."""
    text = number(value, lang, decimals)
    return f"{text}{NBSP}{currency}" if text and currency else text


def short_money(value, currency, lang="en"):
    """Millions and thousands shortened for charts and maps: '26.1 M EUR', '850 k EUR'."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return ""
    if not math.isfinite(x):
        return ""
    for size, unit in ((1e9, "G" if lang != "fr" else "Md"), (1e6, "M"), (1e3, "k")):
        if abs(x) >= size:
            return f"{number(x / size, lang, 1)}{NBSP}{unit}{NBSP}{currency}"
    return money(x, currency, lang)


def excel_format(currency, decimals=0):
    """An Excel number format showing the currency after the grouped amount; Excel groups by
    the reader's own locale."""
    zeros = "." + "0" * decimals if decimals else ""
    return f'#,##0{zeros} "{currency}";-#,##0{zeros} "{currency}"'
