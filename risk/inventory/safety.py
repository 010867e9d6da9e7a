"""Refuse untrusted inventory files before a parser sees them: size, zip bombs, XML bombs.

An .xlsx is a zip of XML parts. Checked here with zipfile alone, before openpyxl opens it:
the file's size, the declared uncompressed sizes and ratios (a zip bomb declares them or is
caught by zipfile's size/CRC checks while streaming), and any DTD or entity declaration in
any XML part (billion laughs, external entities: a real workbook never carries one). openpyxl
then parses with defusedxml, which also forbids entities: two independent guards.
"""

import os
import zipfile

MAX_BYTES = 50 * 1024 * 1024  # the file on disk
MAX_UNCOMPRESSED = 1024 * 1024 * 1024  # all parts together, once inflated
MAX_RATIO = 200  # inflated / compressed size of one part (real workbooks stay well below 100)
RATIO_FLOOR = 1024 * 1024  # parts smaller than this inflated are never a bomb
MAX_PARTS = 10_000
_CHUNK = 1024 * 1024
_FORBIDDEN = tuple(
    word.encode(enc)
    for word in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class UnsafeFileError(ValueError):
    """A file refused before parsing, with the reason in plain words."""


def require_defusedxml():
    """openpyxl must parse with defusedxml; fail loudly when it cannot."""
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise UnsafeFileError(
            "defusedxml is not installed, so workbooks cannot be read safely (XML-bomb "
            "protection): install it (pip install defusedxml, or python3-defusedxml) and restart "
            "QGIS. CSV files can still be imported."
        )


def check_size(path, max_bytes=None):
    name = os.path.basename(path)
    max_bytes = max_bytes or MAX_BYTES
    try:
        size = os.path.getsize(path)
    except OSError as e:
        raise UnsafeFileError(f"{name}: cannot be read ({e.strerror or e})") from e
    if size > max_bytes:
        raise UnsafeFileError(
            f"{name}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB "
            f"limit for an inventory: split it or save it as CSV"
        )
    if size == 0:
        raise UnsafeFileError(f"{name}: the file is empty")
    return size


def check_xlsx(path, max_bytes=None, max_uncompressed=None, max_ratio=None):
    """Raise UnsafeFileError unless `path` is a sane .xlsx zip without DTDs or entities."""
    name = os.path.basename(path)
    max_uncompressed = max_uncompressed or MAX_UNCOMPRESSED
    max_ratio = max_ratio or MAX_RATIO
    check_size(path, max_bytes)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise UnsafeFileError(
            f"{name}: an old .xls workbook or a password-protected one: save "
            f"it as .xlsx without a password, or as CSV"
        )
    if not zipfile.is_zipfile(path):
        raise UnsafeFileError(f"{name}: not an .xlsx workbook (not a zip archive, or a truncated one)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            _check_members(name, infos, max_uncompressed, max_ratio)
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    _scan_xml(name, zf, info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError) as e:
        raise UnsafeFileError(f"{name}: a damaged or truncated workbook ({e})") from e
    except OSError as e:  # zlib errors on corrupt data surface as zlib.error (an Exception)
        raise UnsafeFileError(f"{name}: cannot be read ({e})") from e


def _check_members(name, infos, max_uncompressed, max_ratio):
    if len(infos) > MAX_PARTS:
        raise UnsafeFileError(f"{name}: {len(infos)} parts in the archive: not a workbook")
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/workbook") for n in names):
        raise UnsafeFileError(
            f"{name}: a zip archive but not an Excel workbook (no xl/workbook.xml): save it as .xlsx or CSV"
        )
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise UnsafeFileError(f"{name}: encrypted parts: save the workbook without a password")
        total += info.file_size
        if total > max_uncompressed:
            raise UnsafeFileError(
                f"{name}: inflates to more than {max_uncompressed / 1e6:.0f} MB: "
                f"refused (zip bomb protection)"
            )
        if info.file_size > RATIO_FLOOR and info.file_size > max_ratio * max(info.compress_size, 1):
            raise UnsafeFileError(
                f"{name}: part {info.filename} inflates {info.file_size // max(info.compress_size, 1)}"
                f" times (limit {max_ratio}): refused (zip bomb protection)"
            )


def _scan_xml(name, zf, info):
    """Stream one XML part (bounded memory) looking for a DTD or an entity declaration."""
    import zlib

    tail = b""
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                window = tail + chunk
                if any(tag in window for tag in _FORBIDDEN):
                    raise UnsafeFileError(
                        f"{name}: part {info.filename} declares a DTD or XML entities, which "
                        f"workbooks never need: refused (XML bomb protection)"
                    )
                tail = window[-32:]
    except zlib.error as e:
        raise UnsafeFileError(f"{name}: part {info.filename} is corrupt ({e})") from e
