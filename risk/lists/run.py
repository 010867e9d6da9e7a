"""importlists without QGIS: list files in, a user catalog folder and a change report out."""

import os
from collections import Counter
from datetime import date

from ..catalog.loader import REPORT_FILES, load_catalog
from .folder import check_destination, write_import
from .formats.detect import read_list_file
from .importer import plan_import

MAX_SHOWN = 25  # lines of each kind of change printed; the report file has them all


def import_lists(paths, folder, fmt="auto", today=None, progress=None):
    """Read `paths`, write the user catalog `folder`; returns (plan, catalog loaded with it)."""
    today = (today or date.today()).isoformat()
    check_destination(folder, paths)
    previous = load_catalog(folder if os.path.isdir(folder) else None)
    files = []
    for i, path in enumerate(paths):
        files.append(read_list_file(path, fmt))
        if progress:
            progress(int(60 * (i + 1) / len(paths)))
    plan = plan_import(files, previous, today)
    catalog = write_import(folder, plan, today)
    return plan, catalog


def summary_lines(plan):
    """What a run prints: counts, then each change, then what goes to review."""
    c = plan.counts
    lines = [
        f"{c['entries']} entries read: {c['listed']} on catalogued vendors, {c['review']} for review, "
        f"{c['categories']} categories of equipment, {c['other']} naming no city-technology maker"
    ]
    lines += [f"{k}: {v}" for k, v in sorted(c.items()) if k.startswith("skipped")]
    lines += [f"file {name}: dated {d or 'unknown'}" for name, d in sorted(plan.file_dates.items())]
    shown = Counter()
    for ch in plan.changes:
        shown[ch["change"]] += 1
        if shown[ch["change"]] > MAX_SHOWN:
            continue
        who = ch["vendor"] or ch["entry"]
        when = f" ({ch['date']})" if ch["date"] else ""
        lines.append(f"{ch['change']}: {ch['list_id']}: {who}{when}: {ch['detail']}")
    for change, n in shown.items():
        if n > MAX_SHOWN:
            lines.append(f"{change}: {n - MAX_SHOWN} more in {REPORT_FILES[0]}")
    lines += [
        f"for review: {r['entry']} ({r['file']}, {r['where']}): {r['reason']}"
        for r in plan.review[:MAX_SHOWN]
    ]
    if len(plan.review) > MAX_SHOWN:
        lines.append(f"for review: {len(plan.review) - MAX_SHOWN} more in {REPORT_FILES[1]}")
    lines += [f"not imported: {p}" for p in plan.problems]
    return lines
