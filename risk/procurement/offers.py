"""Offers as a tender committee receives them: a workbook or CSV, one row per offer line.

Columns (English or French names, any case; the header row is found under titles):
  offer_id (offre)          which offer the line belongs to                         required
  bidder (soumissionnaire)  who bids                                               required
  vendor (fabricant)        the maker of the line's equipment                      required
  brand (marque), model (modele)                                                   optional
  asset_class (classe)      camera, vms, street light controller... (as the catalog's aliases)
  quantity (quantite)       number of units                                        required
  unit_price (prix_unitaire) price of one unit, in the comparison's currency        required
  standards (normes)        ONVIF S; RTSP ...                                      optional
  service_life (duree_de_vie) years (default: the class's)                          optional
  support_years (annees_support) years of vendor support offered (shorter than the service
                            life: the line must be replaced when support ends)      optional
  connects_to (raccorde_a)  the installed platform's asset id, or another line_id of the
                            same offer (cameras to the offered VMS)                  optional
  line_id (ligne)           the line's id within its offer (default: its row)       optional
"""

import os

import pandas as pd

from ..assessment.assets import parse_numbers
from ..inventory.read import InventoryError, read_grids
from ..tagging.normalize import field_key

COLUMNS = {
    "offer_id": ("offer_id", "offer", "offre", "id_offre", "lot"),
    "bidder": ("bidder", "supplier", "soumissionnaire", "candidat", "fournisseur"),
    "line_id": ("line_id", "line", "ligne", "id_ligne"),
    "vendor": ("vendor", "manufacturer", "maker", "fabricant", "constructeur"),
    "brand": ("brand", "marque"),
    "model": ("model", "modele", "reference"),
    "asset_class": ("asset_class", "class", "type", "classe", "categorie"),
    "quantity": ("quantity", "qty", "quantite", "nombre"),
    "unit_price": ("unit_price", "price", "prix_unitaire", "prix", "cout_unitaire"),
    "standards": ("standards", "protocols", "normes", "protocoles", "interfaces"),
    "service_life": ("service_life", "service_life_years", "duree_de_vie", "duree_vie"),
    "support_years": ("support_years", "support", "annees_support", "duree_support"),
    "connects_to": ("connects_to", "platform", "raccorde_a", "plateforme", "vms"),
}
REQUIRED = ("offer_id", "bidder", "vendor", "quantity", "unit_price")
NUMBERS = {
    "quantity": (0, 1e7),
    "unit_price": (0, 1e10),
    "service_life": (0.5, 100),
    "support_years": (0, 100),
}


class OfferError(ValueError):
    """An offers file that cannot be compared; the message names the row and column."""


def read_offers(path):
    """The offer lines as a DataFrame with the COLUMNS names; OfferError on a fault."""
    name = os.path.basename(path)
    try:
        grids = read_grids(path)
    except InventoryError as e:
        raise OfferError(str(e)) from e
    for grid in grids:
        found = _header(grid.rows)
        if found is not None:
            return _frame(name, grid, *found)
    raise OfferError(
        f"{name}: no header row with the columns {', '.join(REQUIRED)} (English or French names)"
    )


def _header(rows):
    lookup = {field_key(a): col for col, names in COLUMNS.items() for a in names}
    for i, row in enumerate(rows[:30]):
        cols = {}
        for j, cell in enumerate(row):
            col = lookup.get(field_key(cell)) if cell is not None else None
            if col and col not in cols:
                cols[col] = j
        if all(c in cols for c in REQUIRED):
            return i, cols
    return None


def _frame(name, grid, header, cols):
    records = []
    for r, row in enumerate(grid.rows[header + 1 :], start=header + 2):
        if r in grid.notes or not any(v not in (None, "") for v in row):
            continue
        rec = {c: (row[j] if j < len(row) else None) for c, j in cols.items()}
        rec["_row"] = r
        records.append(rec)
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS) + ["_row"])
    sheet = f"{grid.name}!" if name.lower().endswith((".xlsx", ".xlsm")) else "row "
    for col in REQUIRED:
        blank = frame[col].isna() | (frame[col].astype(str).str.strip() == "")
        if blank.any():
            r = int(frame.loc[blank, "_row"].iloc[0])
            raise OfferError(f"{name}, {sheet}{r}, column '{col}': a value is required")
    for col, (lo, hi) in NUMBERS.items():
        raw = frame[col]
        num = parse_numbers(raw.astype(object).where(raw.notna(), None))
        bad = raw.notna() & (raw.astype(str).str.strip() != "") & ~num.between(lo, hi)
        if bad.any():
            r = int(frame.loc[bad, "_row"].iloc[0])
            v = frame.loc[bad, col].iloc[0]
            raise OfferError(
                f"{name}, {sheet}{r}, column '{col}': '{v}' is not a number from {lo:g} to {hi:g}"
            )
        frame[col] = num
    for col in (
        "offer_id",
        "bidder",
        "line_id",
        "vendor",
        "brand",
        "model",
        "asset_class",
        "standards",
        "connects_to",
    ):
        frame[col] = frame[col].map(
            lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v).strip()
        )
        frame[col] = (
            frame[col].str.replace(r"\.0$", "", regex=True) if col in ("offer_id", "line_id") else frame[col]
        )
    frame["line_id"] = frame["line_id"].where(frame["line_id"] != "", frame["_row"].astype(str))
    dup = frame.duplicated(["offer_id", "line_id"], keep=False)
    if dup.any():
        r = int(frame.loc[dup, "_row"].iloc[1])
        raise OfferError(f"{name}, {sheet}{r}, column 'line_id': the same line id twice in one offer")
    return frame
