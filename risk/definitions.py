"""Vocabulary shared by the engine, the provider and the UI: one place to read and translate."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    key: str
    name: str
    description: str


# How a raw manufacturer/brand/model string was resolved to a vendor, strongest first.
MATCH_METHODS = (
    Term("manual", "Manual correction", "A user-supplied correction table mapped this string."),
    Term("exact", "Exact name", "The string is the vendor's catalogued name or id."),
    Term("alias", "Alias", "The string is a catalogued alias (legal form, former name, native script)."),
    Term("brand", "Brand", "The string is a brand owned by the vendor."),
    Term("oem", "OEM relabel", "The vendor relabels equipment made by another (listed or suspected)."),
    Term(
        "wikidata",
        "Wikidata id",
        "The maker's Wikidata id (e.g. an OpenStreetMap manufacturer:wikidata tag).",
    ),
    Term("model_pattern", "Model number", "The model number follows a pattern only this vendor uses."),
    Term("fuzzy", "Fuzzy", "The string is close to a catalogued name; check it."),
    Term(
        "not_given", "No maker given", "The value says the maker is not known ('Unknown', 'n/a', 'generic')."
    ),
    Term("not_maker", "Not a maker", "The value names a shop, bank or operator, not an equipment maker."),
    Term("unknown", "Unknown", "No vendor could be identified."),
)
MATCH_METHOD_KEYS = tuple(t.key for t in MATCH_METHODS)

SANCTION_LEVELS = (
    Term("0", "None", "On no list in force for the jurisdiction."),
    Term("1", "Watch", "Listed elsewhere, export-controlled, or a suspected OEM of a listed vendor."),
    Term("2", "Restricted", "Procurement or funding ban in force."),
    Term("3", "Removal", "Removal mandated, with a deadline."),
)

RISK_BANDS = ("low", "medium", "high", "critical")

# Roles a field of the input layer can play, with the names auto-detected for each
# (compared case- and accent-insensitively). Order matters: the first match wins.
FIELD_ROLES = {
    "id": (
        "asset_id",
        "camera_id",
        "id",
        "identifiant",
        "ref",
        "site_id",
        "device_id",
        "equipment_id",
        "light_id",
        "sensor_id",
        "charger_id",
        "gateway_id",
        "numero",
        "full_id",  # QuickOSM exports of OpenStreetMap: 'n123', 'w45'
        "osm_id",
    ),
    # OpenStreetMap's `surveillance:type` (camera, ALPR, gunshot_detector) says the class too.
    "class": ("asset_class", "class", "type", "categorie", "category", "surveillance:type"),
    "manufacturer": ("manufacturer", "make", "vendor", "fabricant", "constructeur", "maker"),
    "brand": ("brand", "marque"),
    "model": ("model", "modele", "model_number", "reference_modele"),
    "install_year": ("install_year", "installed", "year", "annee", "mise_en_service", "date_installation"),
    "unit_cost": ("unit_cost", "cost", "price", "cout", "prix", "cout_unitaire"),
    "quantity": ("quantity", "qty", "count", "nombre", "quantite"),
    "protocols": ("protocol", "protocols", "standards", "interface", "protocole", "protocoles"),
    "platform": ("platform", "depends_on", "vms", "plateforme"),
    # Wikidata ids of the maker (OpenStreetMap keys): resolved before any name.
    "wikidata": ("manufacturer:wikidata", "brand:wikidata", "wikidata", "manufacturer_wikidata"),
    # Who runs the asset (a city, a police force, a shop): kept and shown, never a maker.
    "operator": ("operator", "owner", "exploitant", "operateur", "gestionnaire", "proprietaire"),
}
