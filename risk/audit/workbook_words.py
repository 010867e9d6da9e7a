"""The audit workbook's words in English and French: sheet names, column headers, the values
a reader meets in its cells (finding status, severity, yes/no). One table: a translation is a
data change. Unknown columns keep their name."""

import numpy as np

# column: (English, French)
HEADERS = {
    "camera_id": ("Camera", "Caméra"),
    "rule_id": ("Rule id", "Id de la règle"),
    "rule_title": ("Rule", "Règle (anglais)"),
    "rule_title_fr": ("Rule (French)", "Règle"),
    "title": ("Rule", "Règle (anglais)"),
    "title_fr": ("Rule (French)", "Règle"),
    "title_en": ("Rule", "Règle (anglais)"),
    "severity": ("Severity", "Gravité"),
    "status": ("Finding", "Constat"),
    "evidence": ("Evidence", "Éléments constatés"),
    "values_checked": ("Values checked", "Valeurs contrôlées"),
    "legal_basis": ("Legal basis", "Base légale"),
    "source": ("Source", "Source"),
    "vendor": ("Vendor", "Fournisseur"),
    "check": ("Check", "Contrôle"),
    "breaches": ("Breaches", "Manquements"),
    "cannot_verify": ("Cannot be verified", "Non vérifiables"),
    "cameras_checked": ("Cameras checked", "Caméras contrôlées"),
    "parameters": ("Parameters", "Paramètres"),
    "description": ("Description", "Description"),
    "model": ("Model", "Modèle"),
    "camera_type": ("Camera type", "Type de caméra"),
    "field_of_view": ("Field of view", "Champ de vision"),
    "fov_assumed": ("Field of view assumed", "Champ de vision supposé"),
    "assumed_values": ("Values assumed", "Valeurs supposées"),
    "worst_severity": ("Worst severity", "Gravité maximale"),
    "view_status": ("What it views", "Ce qu'elle filme"),
    "rules_breached": ("Rules breached", "Règles enfreintes"),
    "rules_unverified": ("Rules not verifiable", "Règles non vérifiables"),
    "dwellings_in_view": ("Dwellings in view", "Logements dans le champ"),
    "sensitive_sites_in_view": ("Sensitive sites in view", "Sites sensibles dans le champ"),
    "location": ("Where (district · coordinates)", "Où (quartier · coordonnées)"),
    "district_id": ("District id", "Id du quartier"),
    "district": ("District", "Quartier"),
    "area_m2": ("Area (m²)", "Surface (m²)"),
    "public_area_m2": ("Public space (m²)", "Espace public (m²)"),
    "covered_area_m2": ("Public space in view (m²)", "Espace public filmé (m²)"),
    "coverage_share": ("Share of public space in view", "Part de l'espace public filmée"),
    "n_cameras": ("Cameras", "Caméras"),
    "cameras_by_vendor": ("Cameras by vendor", "Caméras par fournisseur"),
    "sanction_0": ("Cameras, vendor on no list", "Caméras, fournisseur sur aucune liste"),
    "sanction_1": ("Cameras, vendor watched (level 1)", "Caméras, fournisseur surveillé (niveau 1)"),
    "sanction_2": ("Cameras, vendor restricted (level 2)", "Caméras, fournisseur restreint (niveau 2)"),
    "sanction_3": ("Cameras, removal mandated (level 3)", "Caméras, retrait obligatoire (niveau 3)"),
    "sanction_unknown": ("Cameras, vendor unknown", "Caméras, fournisseur inconnu"),
    "key": ("Item", "Élément"),
    "value": ("Value", "Valeur"),
}
SHEETS = {
    "Findings": ("Findings", "Constats"),
    "Per rule": ("Per rule", "Par règle"),
    "Per camera": ("Per camera", "Par caméra"),
    "Districts": ("Districts", "Quartiers"),
    "Rule set": ("Rule set", "Règles"),
    "Run info": ("Run info", "Exécution"),
}
# values of the status and severity columns, as words
VALUES = {
    "breach": ("breach", "manquement"),
    "cannot_verify": ("cannot be verified", "non vérifiable"),
    "compliant": ("compliant", "conforme"),
    "pass": ("compliant", "conforme"),
    "clear": ("nothing reported", "rien à signaler"),
    "critical": ("critical", "critique"),
    "high": ("high", "élevée"),
    "medium": ("medium", "moyenne"),
    "low": ("low", "faible"),
    True: ("yes", "oui"),
    False: ("no", "non"),
}
WORDED = ("status", "severity", "worst_severity", "view_status")  # columns whose values are ids
PERCENT = ("coverage_share",)
AREAS = ("area_m2", "public_area_m2", "covered_area_m2")
RUN_INFO_WORDS = {
    "rule set": ("Rule set", "Règles"),
    "version": ("version", "version"),
    "jurisdiction": ("jurisdiction", "juridiction"),
    "title (en)": ("Title (English)", "Titre (anglais)"),
    "title (fr)": ("Title (French)", "Titre (français)"),
    "file": ("File", "Fichier"),
    "field-of-view defaults": ("Field-of-view defaults", "Champs de vision par défaut"),
    "angle (°)": ("angle (°)", "angle (°)"),
    "range (m)": ("range (m)", "portée (m)"),
}


def _pick(pair, lang):
    return pair[1] if lang == "fr" else pair[0]


def header(column, lang="en"):
    pair = HEADERS.get(column)
    return _pick(pair, lang) if pair else column


def sheet_name(key, lang="en"):
    return _pick(SHEETS[key], lang)


def word(value, lang="en"):
    """A status, severity or boolean as a word; anything else as it is."""
    if isinstance(value, (bool, np.bool_)):
        return _pick(VALUES[bool(value)], lang)
    if isinstance(value, str) and value in VALUES:
        return _pick(VALUES[value], lang)
    return value


def run_word(text, lang="en"):
    pair = RUN_INFO_WORDS.get(text)
    return _pick(pair, lang) if pair else text
