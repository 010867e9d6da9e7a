"""The procurement workbook as a buyer prints it: LibreOffice headless converts it to PDF, and
the first page of each sheet is rendered to PNG for a look.

    .venv/bin/python tools/workbook_pdf.py out/vendor_risk.xlsx out/workbook_pdf

Needs LibreOffice (`soffice`) and poppler-utils (`pdftoppm`, `pdftotext`); neither is needed by
the plugin or its tests. Run `make demo` first for the sample city's workbook.
"""

import os
import shutil
import subprocess
import sys


def convert(xlsx, out):
    """xlsx -> PDF in `out`; returns the PDF's path."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc")
    os.makedirs(out, exist_ok=True)
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", out, xlsx],
        check=True,
        capture_output=True,
        timeout=600,
    )
    pdf = os.path.join(out, os.path.splitext(os.path.basename(xlsx))[0] + ".pdf")
    if not os.path.exists(pdf):
        raise SystemExit(f"LibreOffice wrote no PDF for {xlsx}")
    return pdf


def sheet_first_pages(pdf):
    """{sheet name: first page number}, read from the page footers ('<sheet> — 3 / 372')."""
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True
    ).stdout
    firsts = {}
    for number, page in enumerate(text.split("\f"), start=1):
        footer = [ln.strip() for ln in page.splitlines() if " — " in ln and " / " in ln]
        if footer:
            firsts.setdefault(footer[-1].split(" — ")[0], number)
    return firsts


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    xlsx, out = argv
    pdf = convert(xlsx, out)
    print(f"Wrote {pdf}")
    for sheet, page in sheet_first_pages(pdf).items():
        stem = os.path.join(out, "page_" + "".join(c if c.isalnum() else "_" for c in sheet))
        subprocess.run(
            ["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page), pdf, stem],
            check=True,
        )
        print(f"Wrote {stem}.png ({sheet}, page {page})")


if __name__ == "__main__":
    main(sys.argv[1:])
