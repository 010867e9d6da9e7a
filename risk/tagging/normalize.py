"""Turn messy vendor and field names into comparable keys."""

import re
import unicodedata

# Legal-form and filler words that say nothing about who the vendor is.
LEGAL_WORDS = frozenset(
    """co company corp corporation inc incorporated ltd limited llc llp plc pty gmbh ag kg se sa
    sas sasu sarl spa srl bv nv ab as asa oy oyj kk group holding holdings cie et the""".split()
)
CJK_LEGAL = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def strip_accents(text):
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text):
    """Key for a company or brand name: case, accents, punctuation and legal forms removed."""
    if text is None:
        return ""
    s = strip_accents(unicodedata.normalize("NFKC", str(text))).casefold()
    for word in CJK_LEGAL:
        s = s.replace(word, " ")
    tokens = [t for t in _NON_WORD.sub(" ", s).split() if t not in LEGAL_WORDS]
    return " ".join(tokens)


def field_key(text):
    """Key for a field name: 'Modèle' and 'MODELE' and 'modele ' compare equal."""
    s = strip_accents(unicodedata.normalize("NFKC", str(text))).casefold().strip()
    return _NON_WORD.sub("_", s).strip("_")


def has_cjk(text):
    return bool(_CJK.search(text))


def split_values(text):
    """Split a free-text list such as 'ONVIF S; RTSP | ISAPI' into its trimmed parts (a slash
    is left alone: it belongs to names such as 'GB/T 28181')."""
    if not text:
        return []
    return [p.strip() for p in re.split(r"[,;|+\n]", str(text)) if p.strip()]


def osa_distance(a, b):
    """Edit distance counting an adjacent transposition as one edit (optimal string alignment)."""
    la, lb = len(a), len(b)
    prev2, prev = None, list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        for j in range(1, lb + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[lb]
