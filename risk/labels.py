"""Workbook words in English and French: sheet names, column headers, summary texts.

One table, so a translation is a data change. `label(key, lang)` falls back to English.
"""

from .schema import ASSET_ID, column_labels

LANGUAGES = ("en", "fr")

# key: (English, French)
LABELS = {
    # sheets
    "sheet.summary": ("Summary", "Synthèse"),
    "sheet.assets": ("Assets", "Équipements"),
    "sheet.vendors": ("Vendors", "Fournisseurs"),
    "sheet.scenarios": ("Scenarios", "Scénarios"),
    "sheet.evidence": ("Evidence", "Preuves"),
    "sheet.run_info": ("Run info", "Exécution"),
    "sheet.data_issues": ("Data issues", "Données à revoir"),
    # raw input fields, by role (values as the city entered them; these headers are also
    # recognised when the workbook is imported back)
    "role.id": ("Asset id", "Identifiant"),
    "role.class": ("Type (as entered)", "Type (saisi)"),
    "role.manufacturer": ("Manufacturer (as entered)", "Fabricant (saisi)"),
    "role.brand": ("Brand (as entered)", "Marque (saisie)"),
    "role.model": ("Model (as entered)", "Modèle (saisi)"),
    "role.install_year": ("Install year", "Année d'installation"),
    "role.unit_cost": ("Unit cost ({cur})", "Coût unitaire ({cur})"),
    "role.quantity": ("Quantity", "Quantité"),
    "role.protocols": ("Protocols (as entered)", "Protocoles (saisis)"),
    "role.platform": ("Platform id", "Id plateforme"),
    "role.wikidata": ("Maker's Wikidata id", "Id Wikidata du fabricant"),
    "role.operator": ("Operator (as entered)", "Exploitant (saisi)"),
    # summary sheet
    "title": ("Vendor risk: assessment workbook", "Risque fournisseurs : classeur d'évaluation"),
    "summary.scenarios": ("Totals per scenario", "Totaux par scénario"),
    "summary.top_vendors": (
        "Top vendors by expected exposure",
        "Principaux fournisseurs par exposition attendue",
    ),
    "summary.expected_cost": (
        "Expected cost over scenarios (probability-weighted)",
        "Coût attendu sur les scénarios (pondéré par les probabilités)",
    ),
    "summary.expected_note": (
        "P50/P90: median and 90th percentile of the scenario's total cost "
        "over seeded draws of unit costs and cost multipliers.",
        "P50/P90 : médiane et 90e centile du coût total du scénario sur des "
        "tirages (graine fixe) des coûts unitaires et des multiplicateurs.",
    ),
    "summary.spill": (
        "The assets fill {n} sheets ({names}): a sheet holds at most {limit:,} rows.",
        "Les équipements occupent {n} feuilles ({names}) : une feuille contient au plus {limit:,} lignes.",
    ),
    "summary.issues": (
        "{n} input values could not be used as given: see the sheet '{sheet}'.",
        "{n} valeurs d'entrée n'ont pas pu être utilisées telles quelles : voir la feuille « {sheet} ».",
    ),
    "summary.issues_cut": (
        "Only the first {shown:,} of {n:,} data issues are listed: see the "
        "data_issues table of the GeoPackage.",
        "Seules les {shown:,} premières des {n:,} anomalies sont listées : voir "
        "la table data_issues du GeoPackage.",
    ),
    "summary.levels": ("Sanction levels", "Niveaux de sanction"),
    "summary.bands": ("Risk bands", "Niveaux de risque"),
    "summary.chart_costs": ("Cost by scenario ({cur})", "Coût par scénario ({cur})"),
    "summary.chart_vendors": (
        "Expected exposure by vendor ({cur})",
        "Exposition attendue par fournisseur ({cur})",
    ),
    "meta.jurisdiction": ("Jurisdiction", "Juridiction"),
    "meta.reference_date": ("Reference date", "Date de référence"),
    "meta.assets": ("Assets assessed", "Équipements évalués"),
    "meta.catalog": ("Catalog", "Catalogue"),
    "meta.run_at": ("Assessed at", "Évalué le"),
    "meta.catalog_value": ("version {version}, as of {as_of}", "version {version}, à jour au {as_of}"),
    "meta.catalog_stale": (
        "The catalog's facts are {days} days old (as of {as_of}): restriction lists change several "
        "times a year; update the catalog or import the current list files before relying on this run.",
        "Les faits du catalogue datent de {days} jours (à jour au {as_of}) : les listes de restrictions "
        "changent plusieurs fois par an ; mettez le catalogue à jour ou importez les listes en vigueur "
        "avant de vous fier à cette analyse.",
    ),
    "meta.catalog_behind_import": (
        "The catalog's facts are as of {as_of}, older than the list files imported into the user "
        "catalog ({imported}): the imported lists are current, the other lists and the vendor facts "
        "may not be.",
        "Les faits du catalogue sont à jour au {as_of}, avant les listes importées dans le catalogue "
        "utilisateur ({imported}) : les listes importées sont à jour, les autres listes et les faits "
        "sur les fournisseurs peuvent ne pas l’être.",
    ),
    "meta.source": ("Assessment file", "Fichier d'évaluation"),
    "sum.scenario": ("Scenario", "Scénario"),
    "sum.probability": ("Probability", "Probabilité"),
    "sum.assets": ("Assets", "Équipements"),
    "sum.level_0": ("Level 0 none", "Niveau 0 aucun"),
    "sum.level_1": ("Level 1 watch", "Niveau 1 surveillance"),
    "sum.level_2": ("Level 2 restricted", "Niveau 2 restreint"),
    "sum.level_3": ("Level 3 removal", "Niveau 3 retrait"),
    "sum.incompatible": ("Incompatible", "Incompatibles"),
    "sum.forced": ("Forced replacements", "Remplacements forcés"),
    "sum.replacement_cost": ("Replacement cost ({cur})", "Coût de remplacement ({cur})"),
    "sum.reintegration_cost": ("of which re-integration ({cur})", "dont ré-intégration ({cur})"),
    "sum.stranded_value": ("Stranded value ({cur})", "Valeur perdue ({cur})"),
    "sum.total_cost": ("Total cost ({cur})", "Coût total ({cur})"),
    "sum.p50_cost": ("P50 ({cur})", "P50 ({cur})"),
    "sum.p90_cost": ("P90 ({cur})", "P90 ({cur})"),
    "top.vendor": ("Vendor", "Fournisseur"),
    "top.parent": ("Parent group", "Groupe"),
    "top.country": ("Country", "Pays"),
    "top.assets": ("Assets", "Équipements"),
    "top.level": ("Highest sanction level", "Niveau de sanction maximal"),
    "top.expected": ("Expected exposure ({cur})", "Exposition attendue ({cur})"),
    "top.worst": ("Worst-case exposure ({cur})", "Exposition maximale ({cur})"),
    "top.worst_scenario": ("Worst-case scenario", "Scénario le plus coûteux"),
    # vendors sheet
    "vendors.by_vendor": (
        "Exposure and switching cost per vendor and scenario",
        "Exposition et coût de sortie par fournisseur et scénario",
    ),
    "vendors.by_parent": ("Per parent group and scenario", "Par groupe et scénario"),
    "vendors.note": (
        "Exposure: replacement cost plus stranded value forced by the scenario. "
        "Switching cost: replacing all of the vendor's assets now, their remaining "
        "book value, and re-integrating what is wired to its platforms.",
        "Exposition : coût de remplacement plus valeur perdue imposés par le "
        "scénario. Coût de sortie : remplacer tous les équipements du fournisseur "
        "maintenant, leur valeur comptable restante et la ré-intégration de ce qui "
        "est relié à ses plateformes.",
    ),
    "v.scenario": ("Scenario", "Scénario"),
    "v.vendor": ("Vendor", "Fournisseur"),
    "v.vendor_id": ("Vendor id", "Id fournisseur"),
    "v.parent": ("Parent group", "Groupe"),
    "v.parent_id": ("Parent id", "Id groupe"),
    "v.country": ("Country", "Pays"),
    "v.vendors": ("Vendors", "Fournisseurs"),
    "v.assets": ("Assets", "Équipements"),
    "v.units": ("Units", "Unités"),
    "v.sanction_level": ("Highest sanction level", "Niveau de sanction maximal"),
    "v.sanction_lists": ("Lists", "Listes"),
    "v.assets_forced": ("Assets forced out", "Équipements à remplacer"),
    "v.incompatible": ("Incompatible", "Incompatibles"),
    "v.purchase_value": ("Purchase value ({cur})", "Valeur d'achat ({cur})"),
    "v.replacement_cost": ("Replacement cost ({cur})", "Coût de remplacement ({cur})"),
    "v.stranded_value": ("Stranded value ({cur})", "Valeur perdue ({cur})"),
    "v.exposure": ("Exposure ({cur})", "Exposition ({cur})"),
    "v.exit_cost": ("Exit cost ({cur})", "Coût de retrait ({cur})"),
    "v.cascade_cost": ("Platform cascade ({cur})", "Cascade plateforme ({cur})"),
    "v.switching_cost": ("Switching cost ({cur})", "Coût de sortie ({cur})"),
    # scenarios sheet
    "sc.scenario": ("Scenario", "Scénario"),
    "sc.parameter": ("Parameter", "Paramètre"),
    "sc.key": ("Key", "Clé"),
    "sc.value": ("Value", "Valeur"),
    "sc.explanation": ("Explanation", "Explication"),
    "sc.file": ("Scenario file", "Fichier du scénario"),
    "sc.missing": (
        "scenario file not found: only the name and probability are known",
        "fichier du scénario introuvable : seuls le nom et la probabilité sont connus",
    ),
    "sc.fact": ("Fact", "Fait"),
    "sc.profile": ("Scoring profile", "Profil de notation"),
    "sc.weight": ("Weight (normalised probability)", "Poids (probabilité normalisée)"),
    "p.name": ("Name", "Nom"),
    "p.description": ("Description", "Description"),
    "p.probability": ("Probability", "Probabilité"),
    "p.list_scope": ("Lists applied", "Listes appliquées"),
    "p.enforced": ("Enforced", "Appliqué"),
    "p.removal_from_level": ("Removal from sanction level", "Retrait à partir du niveau"),
    "p.removal_deadline": ("Removal deadline", "Échéance de retrait"),
    "p.cut_off_lists": ("Lists that cut vendors off", "Listes qui coupent les fournisseurs"),
    "p.cut_off_other_bloc": ("Other bloc cut off", "Autre bloc coupé"),
    "p.bloc_split": ("Blocs split", "Séparation des blocs"),
    "p.effective_date": ("Effective date", "Date d'effet"),
    "p.cost_multiplier": ("Cost multiplier", "Multiplicateur de coût"),
    "p.cost_multiplier_low": ("Cost multiplier (low)", "Multiplicateur de coût (bas)"),
    "p.cost_multiplier_high": ("Cost multiplier (high)", "Multiplicateur de coût (haut)"),
    "p.reintegration_factor": ("Re-integration factor", "Facteur de ré-intégration"),
    "p.weights": ("Score weights", "Poids du score"),
    "p.lockin_cap": ("Lock-in ratio cap", "Plafond du ratio de verrouillage"),
    "p.bands": ("Band thresholds", "Seuils des niveaux"),
    "p.uncertainty_samples": ("Uncertainty draws", "Tirages d'incertitude"),
    "p.uncertainty_seed": ("Uncertainty seed", "Graine d'incertitude"),
    # evidence sheet
    "ev.note": (
        "Every list and listing that contributed to a sanction level, with its source "
        "and the date the fact was read.",
        "Chaque liste et inscription qui a contribué à un niveau de sanction, avec sa "
        "source et la date de lecture du fait.",
    ),
    "ev.catalog_fallback": (
        "The assessment's catalog folder was not found: evidence is taken "
        "from the catalog shipped now (version {now}; the assessment used "
        "version {then}).",
        "Le dossier du catalogue de l'évaluation est introuvable : les "
        "preuves viennent du catalogue livré aujourd'hui (version {now} ; "
        "l'évaluation a utilisé la version {then}).",
    ),
    "ev.no_catalog": (
        "No catalog could be read: only the list ids are shown.",
        "Aucun catalogue lisible : seuls les identifiants de listes figurent.",
    ),
    "ev.list_id": ("List", "Liste"),
    "ev.list_name": ("List name", "Nom de la liste"),
    "ev.jurisdiction": ("Jurisdiction", "Juridiction"),
    "ev.authority": ("Authority", "Autorité"),
    "ev.measure": ("Measure", "Mesure"),
    "ev.level": ("Level", "Niveau"),
    "ev.in_force_from": ("In force from", "En vigueur depuis"),
    "ev.removal_deadline": ("Removal deadline", "Échéance de retrait"),
    "ev.vendor_id": ("Listed vendor", "Fournisseur inscrit"),
    "ev.vendor_name": ("Vendor name", "Nom du fournisseur"),
    "ev.date_added": ("Date added", "Date d'inscription"),
    "ev.date_removed": ("Date removed", "Date de retrait de la liste"),
    "ev.scope": ("Scope", "Portée"),
    "ev.source": ("Source", "Source"),
    "ev.as_of": ("As of", "À la date du"),
    "ev.list_source": ("List source", "Source de la liste"),
    "ev.list_as_of": ("List as of", "Liste à la date du"),
    "ev.scenarios": ("Scenarios", "Scénarios"),
    "ev.assets": ("Assets concerned", "Équipements concernés"),
    # run info sheet
    "ri.item": ("Item", "Élément"),
    "ri.value": ("Value", "Valeur"),
    "ri.key": ("Key", "Clé"),
    "ri.run_at": ("Assessed at (UTC)", "Évalué le (UTC)"),
    "ri.reference_date": ("Reference date", "Date de référence"),
    "ri.jurisdiction": ("Jurisdiction", "Juridiction"),
    "ri.bloc": ("Bloc", "Bloc"),
    "ri.catalog_version": ("Catalog version", "Version du catalogue"),
    "ri.catalog_as_of": ("Catalog as of", "Catalogue à la date du"),
    "ri.catalog_folders": ("Catalog folders", "Dossiers du catalogue"),
    "ri.lists_file_date": ("Newest list file imported", "Liste importée la plus récente"),
    "ri.scenarios": ("Scenarios", "Scénarios"),
    "ri.scenario_files": ("Scenario files", "Fichiers des scénarios"),
    "ri.profile_file": ("Scoring profile file", "Fichier du profil de notation"),
    "ri.assets": ("Assets", "Équipements"),
    "ri.data_issues": ("Data issues", "Anomalies de données"),
    "ri.expected_cost": ("Expected cost ({cur})", "Coût attendu ({cur})"),
    "ri.probability_sum": ("Sum of scenario probabilities", "Somme des probabilités"),
    "ri.field_mapping": ("Field mapping", "Correspondance des champs"),
    "ri.input_layers": ("Input layers", "Couches d'entrée"),
    "ri.input_sources": ("Input sources", "Sources d'entrée"),
    "ri.input_reader": ("Reader", "Lecteur"),
    "ri.input_plugin_version": ("Plugin version (assessment)", "Version de l'extension (évaluation)"),
    "ri.input_selected_only": ("Selected features only", "Entités sélectionnées seulement"),
    "ri.input_retag": ("Tagged layers re-tagged", "Couches déjà étiquetées ré-étiquetées"),
    "ri.exported_at": ("Workbook written at (UTC)", "Classeur écrit le (UTC)"),
    "ri.export_plugin_version": ("Plugin version (workbook)", "Version de l'extension (classeur)"),
    "ri.assessment_file": ("Assessment file", "Fichier d'évaluation"),
    "ri.language": ("Language", "Langue"),
    "ri.asset_sheets": ("Asset sheets", "Feuilles d'équipements"),
    # data issues sheet
    "di.asset_id": ("Asset id", "Identifiant"),
    "di.field": ("Field", "Champ"),
    "di.value": ("Value", "Valeur"),
    "di.message": ("What was done", "Traitement"),
    "di.none": ("No input value needed fixing.", "Aucune valeur d'entrée n'a dû être corrigée."),
    # values
    "yes": ("yes", "oui"),
    "no": ("no", "non"),
    "band.low": ("low", "faible"),
    "band.medium": ("medium", "moyen"),
    "band.high": ("high", "élevé"),
    "band.critical": ("critical", "critique"),
    "level.0": (
        "None: on no list in force for the jurisdiction.",
        "Aucun : sur aucune liste en vigueur dans la juridiction.",
    ),
    "level.1": (
        "Watch: listed elsewhere, outside a list's scope, or a suspected OEM.",
        "Surveillance : inscrit ailleurs, hors du champ d'une liste, ou OEM présumé.",
    ),
    "level.2": (
        "Restricted: procurement or funding ban in force.",
        "Restreint : interdiction d'achat ou de financement en vigueur.",
    ),
    "level.3": (
        "Removal: removal mandated, with a deadline.",
        "Retrait : retrait obligatoire, avec échéance.",
    ),
    "bandnote.low": ("score below {medium}", "score inférieur à {medium}"),
    "bandnote.medium": ("score {medium} to {high}", "score de {medium} à {high}"),
    "bandnote.high": ("score {high} to {critical}", "score de {high} à {critical}"),
    "bandnote.critical": ("score {critical} or more", "score de {critical} ou plus"),
    "method.manual": ("manual correction", "correction manuelle"),
    "method.exact": ("exact name", "nom exact"),
    "method.alias": ("alias", "alias"),
    "method.brand": ("brand", "marque"),
    "method.oem": ("OEM relabel", "revente OEM"),
    "method.model_pattern": ("model number", "numéro de modèle"),
    "method.fuzzy": ("fuzzy (check)", "approché (à vérifier)"),
    "method.wikidata": ("Wikidata id", "identifiant Wikidata"),
    "method.not_given": ("no maker given", "fabricant non renseigné"),
    "method.not_maker": ("not a maker", "pas un fabricant"),
    "method.unknown": ("unknown", "inconnu"),
    "unknown_vendor": ("(unknown vendor)", "(fournisseur inconnu)"),
    # the attribute form of a risk layer (tabs)
    "form.why": ("Why this risk", "Pourquoi ce risque"),
    "form.asset": ("Asset and vendor", "Équipement et fournisseur"),
    "form.input": ("Fields of {layer}", "Champs de {layer}"),
}
# computed columns of an assessment (skipped when a workbook is imported back)
LABELS.update(column_labels())


CURRENCY = "{cur}"  # in a money label: replaced by the run's currency
HEADER_CURRENCIES = ("EUR", "USD", "GBP", "CNY")  # a re-import recognises headers in these


def label(key, lang="en", currency=None):
    """The text for `key` in `lang` (English when the language or key is unknown); a money
    label names `currency` (EUR, the catalog's, when not given)."""
    en, fr = LABELS[key]
    return (fr if lang == "fr" else en).replace(CURRENCY, currency or "EUR")


def _variants(texts):
    """Each text, a money header once per currency a workbook may have been written in."""
    return tuple(
        t.replace(CURRENCY, c) for t in texts for c in (HEADER_CURRENCIES if CURRENCY in t else ("",))
    )


def all_languages(key):
    return _variants(LABELS[key])


def role_headers():
    """role -> the headers the workbook uses for it, in every language (import recognises them)."""
    return {k.split(".", 1)[1]: _variants(v) for k, v in LABELS.items() if k.startswith("role.")}


def computed_headers():
    """Headers of computed columns, in every language: a re-import skips them (not the common
    asset id: it is the input's own id, the key an import joins on)."""
    carried = f"col.{ASSET_ID.name}"
    return {v for k, pair in LABELS.items() if k.startswith("col.") and k != carried for v in _variants(pair)}
