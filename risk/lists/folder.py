"""Write an import into a user catalog folder: the user's own rows kept, the rows of an earlier
import of the same lists replaced, the whole checked by loading it before anything is replaced."""

import csv
import os
import shutil

from ..catalog.loader import REPORT_FILES, SHIPPED_DIR, SPECS, load_catalog, read_table
from ..safety.tempfiles import temp_folder_beside
from ..safety.text import safe_text
from .importer import CHANGE_COLUMNS, IMPORT_MARK, REVIEW_COLUMNS

INFO_KEYS = ("lists_imported_on", "lists_file_date", "lists_files")


class FolderError(ValueError):
    """A destination folder an import must not write into."""


def check_destination(folder, inputs=()):
    real = os.path.realpath(folder)
    if real == os.path.realpath(SHIPPED_DIR) or real.startswith(os.path.realpath(SHIPPED_DIR) + os.sep):
        raise FolderError(
            f"{folder} is the shipped catalog: imports go to a user catalog folder of their own "
            "(the shipped one is replaced by every update)"
        )
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise FolderError(f"{folder} is a file, not a folder")
    written = {os.path.realpath(os.path.join(folder, f)) for f in list(SPECS) + list(REPORT_FILES)}
    for path in inputs:
        if os.path.realpath(path) in written:
            raise FolderError(
                f"{path} is a list file to read and a file the import writes: copy it elsewhere first"
            )


def write_import(folder, plan, today):
    """Write the plan into `folder` (created when missing); returns the loaded catalog."""
    check_destination(folder)
    tmp = temp_folder_beside(os.path.abspath(folder))
    try:
        if os.path.isdir(folder):
            for name in os.listdir(folder):
                src = os.path.join(folder, name)
                if os.path.isfile(src):
                    shutil.copy2(src, os.path.join(tmp, name))
        for fname, rows in plan.rows.items():
            _merge_file(tmp, fname, rows, plan.replaces_lists)
        _write_info(tmp, plan, today)
        _write_csv(os.path.join(tmp, REPORT_FILES[0]), CHANGE_COLUMNS, plan.changes)
        _write_csv(os.path.join(tmp, REPORT_FILES[1]), REVIEW_COLUMNS, plan.review)
        catalog = load_catalog(tmp)  # a fault here leaves the folder as it was
        _swap(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    catalog.folders = [f if f != tmp else folder for f in catalog.folders]
    return catalog


def _merge_file(tmp, fname, rows, lists):
    spec = SPECS[fname]
    path = os.path.join(tmp, fname)
    old = []
    if os.path.exists(path):
        table = read_table(path, spec)
        old = table.drop(columns=["_file", "_row"]).to_dict("records")
    if fname == "listings.csv":  # an earlier import of these lists is replaced as a whole
        old = [r for r in old if not (r["list_id"] in lists and r["scope_note"].startswith(IMPORT_MARK))]
    keys = {tuple(r[k] for k in spec.key) for r in rows}
    kept = [r for r in old if tuple(r[k] for k in spec.key) not in keys]
    if not rows and not old:
        return
    columns = list(dict.fromkeys(list(spec.required) + list(spec.optional) + ["source", "as_of"]))
    _write_csv(path, columns, kept + rows)


def _write_info(tmp, plan, today):
    path = os.path.join(tmp, "catalog_info.csv")
    rows = {}
    if os.path.exists(path):
        table = read_table(path, SPECS["catalog_info.csv"])
        rows = dict(zip(table["key"], table["value"]))
    files = dict(item.split("=", 1) for item in rows.get("lists_files", "").split(";") if "=" in item)
    files.update({name: d for name, d in plan.file_dates.items()})
    rows["lists_imported_on"] = today
    rows["lists_files"] = ";".join(f"{n}={d}" for n, d in sorted(files.items()))
    rows["lists_file_date"] = max((d for d in files.values() if d), default="")
    _write_csv(path, ("key", "value"), [{"key": k, "value": v} for k, v in rows.items()])


def _write_csv(path, columns, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            # text from a list file reaches spreadsheets: no control characters, no formula
            writer.writerow({c: safe_text(str(row.get(c, "") or "")) for c in columns})


def _swap(tmp, folder):
    """The new folder in place: renamed whole when new, file by file (each rename atomic) when
    the folder exists (it may hold files that are not the catalog's)."""
    if not os.path.exists(folder):
        os.replace(tmp, folder)
        return
    for name in os.listdir(tmp):
        os.replace(os.path.join(tmp, name), os.path.join(folder, name))
    os.rmdir(tmp)
