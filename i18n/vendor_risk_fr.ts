<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>@default</name>
    <message>
        <location filename="../provider/base.py" line="128"/>
        <source>Vendor risk</source>
        <translation>Risque fournisseurs</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="251"/>
        <source>User catalog folder (extends or overrides the shipped catalog)</source>
        <translation>Dossier de catalogue utilisateur (complète ou remplace le catalogue fourni)</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="283"/>
        <source>Field holding the {} (auto-detected when empty)</source>
        <translation>Champ contenant : {} (détecté automatiquement si vide)</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="297"/>
        <source>Catalog error: {}</source>
        <translation>Erreur de catalogue : {}</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="310"/>
        <source>Field &apos;{}&apos; given for role &apos;{}&apos; is in none of the layers</source>
        <translation>Le champ « {} » indiqué pour le rôle « {} » n’existe dans aucune des couches</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="47"/>
        <source>Corrections table: {}</source>
        <translation>Table de corrections : {}</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="108"/>
        <source>Tag assets by vendor and standard</source>
        <translation>Étiqueter les équipements par fournisseur et norme</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="115"/>
        <source>Resolves each asset&apos;s manufacturer, brand and model strings to a catalogued vendor (following parents, subsidiaries, brands and OEM relations), says how it was matched and how sure the match is, and lists the standards the asset speaks. Fields are auto-detected from common English and French names and can be set explicitly. A corrections table (CSV with columns raw, vendor_id) wins over automatic matching. The review table lists each distinct string that needs a decision, with its count. The input layer is never modified.</source>
        <translation>Rattache les chaînes fabricant, marque et modèle de chaque équipement à un fournisseur du catalogue (en suivant maisons mères, filiales, marques et relations OEM), indique comment la correspondance a été trouvée et avec quelle certitude, et liste les normes que l’équipement parle. Les champs sont détectés d’après des noms courants en anglais et en français et peuvent être indiqués explicitement. Une table de corrections (CSV avec les colonnes raw, vendor_id) l’emporte sur la correspondance automatique. La table de revue liste chaque chaîne distincte à trancher, avec son nombre d’occurrences. La couche d’entrée n’est jamais modifiée.</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="126"/>
        <source>Asset layer</source>
        <translation>Couche d’équipements</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="147"/>
        <source>Corrections table (CSV: raw, vendor_id)</source>
        <translation>Table de corrections (CSV : raw, vendor_id)</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="137"/>
        <source>Tagged assets</source>
        <translation>Équipements étiquetés</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="140"/>
        <source>Strings to review</source>
        <translation>Chaînes à revoir</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="149"/>
        <source>Assets tagged</source>
        <translation>Équipements étiquetés</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="150"/>
        <source>Assets needing review</source>
        <translation>Équipements à revoir</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="156"/>
        <source>The input layer could not be loaded.</source>
        <translation>La couche d’entrée n’a pas pu être chargée.</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="159"/>
        <source>Catalog {} ({})</source>
        <translation>Catalogue {} ({})</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="163"/>
        <source>Field mapping: {}</source>
        <translation>Correspondance des champs : {}</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="167"/>
        <source>No manufacturer, brand or model field found among: {}. Set FIELD_MANUFACTURER.</source>
        <translation>Aucun champ fabricant, marque ou modèle parmi : {}. Indiquez FIELD_MANUFACTURER.</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="346"/>
        <source>Could not write {}: {}</source>
        <translation>Impossible d’écrire {} : {}</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="194"/>
        <source>{} assets tagged, {} need review ({} distinct strings)</source>
        <translation>{} équipements étiquetés, {} à revoir ({} chaînes distinctes)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="46"/>
        <source>REFERENCE_DATE &apos;{}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>REFERENCE_DATE « {} » n’est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="84"/>
        <source>Assess vendor risk under decoupling scenarios</source>
        <translation>Évaluer le risque fournisseurs selon des scénarios de découplage</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="93"/>
        <source>For every asset and scenario: sanction level from the lists in force for the jurisdiction (through parents, brands and OEM relations), replacement cost, stranded value, compatibility with the city&apos;s bloc, lock-in ratio, risk score and a plain-language reason citing each list and date. Platform cascade: assets wired to a removed platform by a proprietary protocol carry re-integration cost. Writes a GeoPackage with one styled layer risk_&lt;scenario&gt; per scenario and the tables vendor_summary, scenario_summary, run_info and data_issues. Untagged layers are tagged first; already tagged layers keep their (possibly hand-corrected) tags unless RETAG is set.

PostGIS: set DATABASE (a PostgreSQL connection of QGIS) and SCHEMA to write the same tables to that schema instead (created if missing; tables of the same names are replaced, all at once when the run succeeds, never on failure or cancel). OUTPUT is then ignored and may stay a temporary output.</source>
        <translation>Pour chaque équipement et chaque scénario : niveau de sanction d’après les listes en vigueur dans la juridiction (en suivant maisons mères, marques et relations OEM), coût de remplacement, valeur résiduelle perdue, compatibilité avec le bloc de la ville, ratio de dépendance, score de risque et une explication en clair citant chaque liste et sa date. Effet en cascade des plateformes : les équipements reliés par un protocole propriétaire à une plateforme retirée portent un coût de réintégration. Écrit un GeoPackage avec une couche stylée risk_&lt;scénario&gt; par scénario et les tables vendor_summary, scenario_summary, run_info et data_issues. Les couches non étiquetées le sont d’abord ; les couches déjà étiquetées gardent leurs étiquettes (éventuellement corrigées à la main) sauf si RETAG est coché.

PostGIS : indiquez DATABASE (une connexion PostgreSQL de QGIS) et SCHEMA pour écrire les mêmes tables dans ce schéma (créé s’il manque ; les tables de même nom sont remplacées, toutes à la fois quand le traitement réussit, jamais en cas d’échec ou d’annulation). OUTPUT est alors ignoré et peut rester une sortie temporaire.</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="110"/>
        <source>Asset layers (assessed together)</source>
        <translation>Couches d’équipements (évaluées ensemble)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="115"/>
        <source>Jurisdiction (US, EU, FR, UK or a code from your catalog)</source>
        <translation>Juridiction (US, EU, FR, UK ou un code de votre catalogue)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="130"/>
        <source>Scenarios (comma-separated ids; empty = all)</source>
        <translation>Scénarios (identifiants séparés par des virgules ; vide = tous)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="138"/>
        <source>User scenario folder (JSON files)</source>
        <translation>Dossier de scénarios utilisateur (fichiers JSON)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="155"/>
        <source>Reference date (YYYY-MM-DD; empty = today)</source>
        <translation>Date de référence (AAAA-MM-JJ ; vide = aujourd’hui)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="163"/>
        <source>Re-tag layers that already carry tags</source>
        <translation>Ré-étiqueter les couches déjà étiquetées</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="168"/>
        <source>Selected features only</source>
        <translation>Entités sélectionnées uniquement</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="62"/>
        <source>Assessment GeoPackage</source>
        <translation>GeoPackage de l’évaluation</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="80"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="180"/>
        <source>Or write to PostGIS: database connection</source>
        <translation>Ou écrire dans PostGIS : connexion à la base</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="180"/>
        <source>PostGIS schema (created if missing)</source>
        <translation>Schéma PostGIS (créé s’il manque)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="183"/>
        <source>Assets assessed</source>
        <translation>Équipements évalués</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="184"/>
        <source>Expected cost</source>
        <translation>Coût attendu</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="185"/>
        <source>Layers written</source>
        <translation>Couches écrites</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="192"/>
        <source>No asset layer given.</source>
        <translation>Aucune couche d’équipements indiquée.</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="200"/>
        <source>Scenario error: {}</source>
        <translation>Erreur de scénario : {}</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="211"/>
        <source>Field mapping of {}: {}</source>
        <translation>Correspondance des champs de {} : {}</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="242"/>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé : rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="249"/>
        <source>asset {}, field {}: {} (value &apos;{}&apos;)</source>
        <translation>équipement {}, champ {} : {} (valeur « {} »)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="255"/>
        <source>… {} data issues in all: see the data_issues table</source>
        <translation>… {} problèmes de données au total : voir la table data_issues</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="317"/>
        <source>The output {} is an input: choose another file.</source>
        <translation>La sortie {} est aussi une entrée : choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="323"/>
        <source>PostGIS schema {} of connection {}</source>
        <translation>Schéma PostGIS {} de la connexion {}</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="338"/>
        <source>The output table {}.{} is an input: choose another schema.</source>
        <translation>La table de sortie {}.{} est une entrée : choisissez un autre schéma.</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="53"/>
        <source>Export the assessment as a workbook (xlsx)</source>
        <translation>Exporter l’évaluation en classeur (xlsx)</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="75"/>
        <source>Assessment GeoPackage (output of assessrisk)</source>
        <translation>GeoPackage d’évaluation (sortie de assessrisk)</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="100"/>
        <source>Language of the workbook</source>
        <translation>Langue du classeur</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="87"/>
        <source>Rows per sheet (Excel&apos;s limit; lower only for tests)</source>
        <translation>Lignes par feuille (limite d’Excel ; à réduire seulement pour les tests)</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="98"/>
        <source>Workbook</source>
        <translation>Classeur</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="110"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="101"/>
        <source>Asset rows written</source>
        <translation>Lignes d’équipements écrites</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="102"/>
        <source>Sheets written</source>
        <translation>Feuilles écrites</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="127"/>
        <source>{} asset rows on {}</source>
        <translation>{} lignes d’équipements sur {}</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="49"/>
        <source>Import a procurement inventory (xlsx or CSV)</source>
        <translation>Importer un inventaire d’achats (xlsx ou CSV)</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="57"/>
        <source>Reads an inventory workbook or CSV as procurement teams keep it: the header row is found under titles and blank rows, columns are recognised from common English and French names (or set with FIELD_...), merged cells are filled, blank rows skipped, dates and numbers typed as text (&apos;1 200&apos;, &apos;1200,50&apos;) understood. By default every sheet with a recognisable header is read, with a source_sheet column. With a JOIN_LAYER the output is a copy of that layer whose features take the inventory&apos;s values (matched by id); otherwise points are built from x/y or longitude/latitude columns in CRS (default EPSG:4326). A workbook exported by vendorrisk:exportworkbook imports back the same way: edit a unit cost, re-import, re-assess. Every value that cannot be used is reported with its cell (Inventaire!C14) in the log and the import_issues table; the rest is imported. Untrusted files are checked first: size, zip bombs, XML entities (defusedxml).</source>
        <translation>Lit un classeur ou un CSV d’inventaire tel que les acheteurs le tiennent : la ligne d’en-tête est trouvée sous les titres et les lignes vides, les colonnes sont reconnues d’après des noms courants en anglais et en français (ou indiquées avec FIELD_...), les cellules fusionnées sont remplies, les lignes vides ignorées, les dates et nombres saisis comme texte (« 1 200 », « 1200,50 ») compris. Par défaut, chaque feuille dotée d’un en-tête reconnaissable est lue, avec une colonne source_sheet. Avec une JOIN_LAYER, la sortie est une copie de cette couche dont les entités prennent les valeurs de l’inventaire (jointure par identifiant) ; sinon des points sont construits à partir des colonnes x/y ou longitude/latitude dans le SCR indiqué (EPSG:4326 par défaut). Un classeur exporté par vendorrisk:exportworkbook se réimporte de la même façon : modifiez un coût unitaire, réimportez, réévaluez. Chaque valeur inutilisable est signalée avec sa cellule (Inventaire!C14) dans le journal et la table import_issues ; le reste est importé. Les fichiers non fiables sont vérifiés d’abord : taille, bombes zip, entités XML (defusedxml).</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="73"/>
        <source>Inventory (xlsx or CSV)</source>
        <translation>Inventaire (xlsx ou CSV)</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="73"/>
        <source>Inventories (*.xlsx *.xlsm *.csv *.txt);;All files (*.*)</source>
        <translation>Inventaires (*.xlsx *.xlsm *.csv *.txt);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="80"/>
        <source>Sheets (comma-separated; empty = every sheet with a header)</source>
        <translation>Feuilles (séparées par des virgules ; vide = toutes les feuilles avec un en-tête)</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="88"/>
        <source>Asset layer to update by id</source>
        <translation>Couche d’équipements à mettre à jour par identifiant</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="93"/>
        <source>Id field of that layer (auto-detected when empty)</source>
        <translation>Champ identifiant de cette couche (détecté automatiquement si vide)</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="101"/>
        <source>CRS of the x/y columns</source>
        <translation>SCR des colonnes x/y</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="106"/>
        <source>Header row (0 = find it)</source>
        <translation>Ligne d’en-tête (0 = la trouver)</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="118"/>
        <source>Column holding the {} (auto-detected when empty)</source>
        <translation>Colonne contenant : {} (détectée automatiquement si vide)</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="128"/>
        <source>Imported assets</source>
        <translation>Équipements importés</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="131"/>
        <source>Import issues</source>
        <translation>Problèmes d’import</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="136"/>
        <source>Inventory rows read</source>
        <translation>Lignes d’inventaire lues</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="137"/>
        <source>Values not imported</source>
        <translation>Valeurs non importées</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="138"/>
        <source>Features updated</source>
        <translation>Entités mises à jour</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="143"/>
        <source>Inventory file not found: {}</source>
        <translation>Fichier d’inventaire introuvable : {}</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="161"/>
        <source>Columns computed by an assessment are not imported: {}</source>
        <translation>Les colonnes calculées par une évaluation ne sont pas importées : {}</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="173"/>
        <source>No id field found in {}: set JOIN_FIELD.</source>
        <translation>Aucun champ identifiant trouvé dans {} : indiquez JOIN_FIELD.</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="181"/>
        <source>{} inventory rows matched {} features of {} by {}; replaced: {}; added: {}</source>
        <translation>{} lignes d’inventaire correspondent à {} entités de {} par {} ; remplacées : {} ; ajoutées : {}</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="198"/>
        <source>No x/y or longitude/latitude columns and no JOIN_LAYER: the output is a table without geometry.</source>
        <translation>Ni colonnes x/y ou longitude/latitude ni JOIN_LAYER : la sortie est une table sans géométrie.</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="207"/>
        <source>The output {} is the inventory: choose another file.</source>
        <translation>La sortie {} est l’inventaire : choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="219"/>
        <source>… {} issues in all: see the import_issues table</source>
        <translation>… {} problèmes au total : voir la table import_issues</translation>
    </message>
    <message>
        <location filename="../provider/import_inventory.py" line="223"/>
        <source>{} rows read, {} values not imported</source>
        <translation>{} lignes lues, {} valeurs non importées</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="45"/>
        <source>Audit cameras against video-protection rules</source>
        <translation>Auditer les caméras selon les règles de vidéoprotection</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="54"/>
        <source>Checks every camera against a rule set (default: French rules, fr_cnil): prefectoral authorisation, retention over one month, biometric identification, licence-plate reading, sound, restricted vendors, end of security support, storage outside the EU/EEA, views into dwellings or onto sensitive sites, and signage. Writes one finding per camera and rule with the evidence: &apos;breach&apos;, or &apos;cannot_verify&apos; when a value is not recorded (never a pass). Builds each camera&apos;s field of view from direction, angle and range (type defaults when missing, marked &apos;assumed&apos;), and the share of each district&apos;s public space under view. Optional outputs: an audit workbook and a PDF report ready to file. RULESET is a JSON file or a built-in id ({}). Restricted vendors need the columns added by vendorrisk:assessrisk; audit its output to check them. The input layers are never modified.</source>
        <translation>Contrôle chaque caméra selon un jeu de règles (par défaut les règles françaises, fr_cnil) : autorisation préfectorale, conservation au-delà d’un mois, identification biométrique, lecture de plaques, captation du son, fournisseurs restreints, fin du support de sécurité, stockage hors UE/EEE, vues sur des logements ou des sites sensibles, et signalisation. Écrit un constat par caméra et par règle avec ses éléments : « breach » (manquement), ou « cannot_verify » quand une valeur n’est pas renseignée (jamais une conformité). Construit le champ de vision de chaque caméra à partir de la direction, de l’angle et de la portée (valeurs par type si absentes, marquées « supposées »), et la part de l’espace public de chaque quartier sous le regard des caméras. Sorties facultatives : un classeur d’audit et un rapport PDF prêt à déposer. RULESET est un fichier JSON ou un identifiant fourni ({}). Les fournisseurs restreints demandent les colonnes ajoutées par vendorrisk:assessrisk : auditez sa sortie pour les contrôler. Les couches d’entrée ne sont jamais modifiées.</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="69"/>
        <source>Camera layer (points)</source>
        <translation>Couche des caméras (points)</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="72"/>
        <source>Sensitive sites (schools, places of worship, hospitals)</source>
        <translation>Sites sensibles (écoles, lieux de culte, hôpitaux)</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="80"/>
        <source>Dwellings / building footprints</source>
        <translation>Logements / emprises de bâtiments</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="85"/>
        <source>Districts</source>
        <translation>Quartiers</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="91"/>
        <source>Rule set (JSON file or built-in id)</source>
        <translation>Jeu de règles (fichier JSON ou identifiant fourni)</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="96"/>
        <source>Jurisdiction (FR, EU, UK, US or your own code)</source>
        <translation>Juridiction (FR, EU, UK, US ou votre propre code)</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="101"/>
        <source>Audit date (YYYY-MM-DD, default today)</source>
        <translation>Date de l’audit (AAAA-MM-JJ, aujourd’hui par défaut)</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="108"/>
        <source>Audit GeoPackage (findings, fields of view, district coverage)</source>
        <translation>GeoPackage d’audit (constats, champs de vision, couverture des quartiers)</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="115"/>
        <source>Audit workbook</source>
        <translation>Classeur d’audit</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="124"/>
        <source>PDF report</source>
        <translation>Rapport PDF</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="135"/>
        <source>Cameras audited</source>
        <translation>Caméras auditées</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="136"/>
        <source>Breach findings</source>
        <translation>Manquements</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="137"/>
        <source>Cannot-verify findings</source>
        <translation>Constats invérifiables</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="172"/>
        <source>Rule set error: {}</source>
        <translation>Erreur dans le jeu de règles : {}</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="179"/>
        <source>The camera layer could not be loaded.</source>
        <translation>La couche des caméras n’a pas pu être chargée.</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="170"/>
        <source>Rule set {} is written for {}, the audit is for {}.</source>
        <translation>Le jeu de règles {} est écrit pour {}, l’audit porte sur {}.</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="182"/>
        <source>Restricted vendors: {}</source>
        <translation>Fournisseurs restreints : {}</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="184"/>
        <source>Vendor exposure not assessed: {}</source>
        <translation>Exposition des fournisseurs non évaluée : {}</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="188"/>
        <source>Rule set {} {} ({} rules); field mapping: {}</source>
        <translation>Jeu de règles {} {} ({} règles) ; correspondance des champs : {}</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="196"/>
        <source>This layer carries no sanction_level column, so restricted vendors cannot be verified: run vendorrisk:assessrisk first and audit its output to get vendor findings.</source>
        <translation>Cette couche n’a pas de colonne sanction_level : les fournisseurs restreints ne peuvent pas être vérifiés. Lancez d’abord vendorrisk:assessrisk et auditez sa sortie pour obtenir les constats sur les fournisseurs.</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="233"/>
        <source>Distances measured in {} (the layer&apos;s CRS is not in metres)</source>
        <translation>Distances mesurées en {} (le SCR de la couche n’est pas en mètres)</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="149"/>
        <source>Style not stored: {}</source>
        <translation>Style non enregistré : {}</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="155"/>
        <source>Workbook written: {}</source>
        <translation>Classeur écrit : {}</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/audit.py" line="161"/>
        <source>PDF report written: {}</source>
        <translation>Rapport PDF écrit : {}</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="147"/>
        <source>the audit outputs</source>
        <translation>les sorties de l’audit</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="155"/>
        <source>{cameras} cameras: {breaches} breaches on {cameras_with_breach} cameras, {cannot_verify} findings that cannot be verified, {cameras_compliant} cameras with no finding</source>
        <translation>{cameras} caméras : {breaches} manquements sur {cameras_with_breach} caméras, {cannot_verify} constats invérifiables, {cameras_compliant} caméras sans constat</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="205"/>
        <source>AUDIT_DATE &apos;{}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>AUDIT_DATE « {} » n’est pas une date (AAAA-MM-JJ)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="173"/>
        <source>Language of the reasons text</source>
        <translation>Langue des explications</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="62"/>
        <source> (is the disk full, or the folder read-only?)</source>
        <translation> (le disque est-il plein, ou le dossier en lecture seule ?)</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="63"/>
        <source>Could not write {}: {}. Nothing was written.</source>
        <translation>Écriture impossible de {} : {}. Rien n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="75"/>
        <source>The input has {} fields; with the {} that Vendor Risk adds, the output would exceed the {} fields a GeoPackage table can hold. Keep only the fields you need (QGIS: Vector table &gt; Drop field(s)) and run again.</source>
        <translation>L’entrée a {} champs ; avec les {} qu’ajoute Vendor Risk, la sortie dépasserait les {} champs qu’une table GeoPackage peut contenir. Ne gardez que les champs utiles (QGIS : Vecteur &gt; Table &gt; Supprimer des champs) et relancez.</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="213"/>
        <source>{} and {} are the same file ({}): writing {} would destroy it. Choose another file.</source>
        <translation>{} et {} désignent le même fichier ({}) : écrire {} le détruirait. Choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="83"/>
        <source>{} could not be written: {}</source>
        <translation>{} n’a pas pu être écrit : {}</translation>
    </message>
    <message>
        <location filename="../provider/tag_assets.py" line="95"/>
        <source>write failed</source>
        <translation>échec de l’écriture</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="107"/>
        <source>The workbook cannot be written: {}</source>
        <translation>Le classeur ne peut pas être écrit : {}</translation>
    </message>
    <message>
        <location filename="../provider/audit_cameras.py" line="218"/>
        <source>The audit workbook cannot be written: {} Leave OUTPUT_XLSX empty to audit without it.</source>
        <translation>Le classeur d’audit ne peut pas être écrit : {} Laissez OUTPUT_XLSX vide pour auditer sans lui.</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="276"/>
        <source>Set both DATABASE and SCHEMA for PostGIS (or neither for a GeoPackage).</source>
        <translation>Indiquez à la fois DATABASE et SCHEMA pour PostGIS (ou aucun des deux pour un GeoPackage).</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="61"/>
        <source>Writes the assessment GeoPackage of vendorrisk:assessrisk as an Excel workbook for procurement teams: Summary (totals per scenario, expected cost, P50/P90, charts), Assets (one row per asset and scenario, colour-coded risk bands, reasons in full), Vendors (exposure and switching cost per vendor and parent group), Scenarios (every parameter with its explanation), Evidence (every list and listing that contributed, with source and date), Run info and Data issues. Headers in English or French. Past Excel&apos;s 1,048,576 rows, asset rows continue on further sheets. Text that Excel would run as a formula is stored as text. The Assets sheet imports back with vendorrisk:importinventory (join by asset id) after editing unit costs. An assessment written to PostGIS is read with DATABASE and SCHEMA instead of INPUT.</source>
        <translation>Écrit le GeoPackage d’évaluation de vendorrisk:assessrisk en classeur Excel pour les acheteurs : Synthèse (totaux par scénario, coût attendu, P50/P90, graphiques), Équipements (une ligne par équipement et scénario, niveaux de risque en couleur, explications complètes), Fournisseurs (exposition et coût de sortie par fournisseur et par groupe), Scénarios (chaque paramètre avec son explication), Preuves (chaque liste et inscription prise en compte, avec source et date), Exécution et Problèmes de données. En-têtes en anglais ou en français. Au-delà des 1 048 576 lignes d’Excel, les lignes d’équipements continuent sur d’autres feuilles. Un texte qu’Excel exécuterait comme une formule est enregistré comme texte. La feuille des équipements se réimporte avec vendorrisk:importinventory (jointure par identifiant) après modification des coûts unitaires. Une évaluation écrite dans PostGIS se lit avec DATABASE et SCHEMA au lieu d’INPUT.</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="83"/>
        <source>Or an assessment in PostGIS: database connection</source>
        <translation>Ou une évaluation dans PostGIS : connexion à la base</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="83"/>
        <source>PostGIS schema of the assessment</source>
        <translation>Schéma PostGIS de l’évaluation</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="139"/>
        <source>Give either INPUT or DATABASE and SCHEMA, not both.</source>
        <translation>Indiquez INPUT ou bien DATABASE et SCHEMA, pas les deux.</translation>
    </message>
    <message>
        <location filename="../provider/export_workbook.py" line="142"/>
        <source>Give the assessment: INPUT (a GeoPackage) or DATABASE and SCHEMA (PostGIS).</source>
        <translation>Indiquez l’évaluation : INPUT (un GeoPackage) ou DATABASE et SCHEMA (PostGIS).</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="155"/>
        <source>{}: one of {}</source>
        <translation>{} : une valeur parmi {}</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="160"/>
        <source>SCENARIOS: comma-separated ids among {} (empty: all)</source>
        <translation>SCENARIOS : identifiants séparés par des virgules parmi {} (vide : tous)</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="162"/>
        <source>Example:</source>
        <translation>Exemple :</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="56"/>
        <source>The layer {} has no field naming the maker, brand or model (its fields: {}): set FIELD_MANUFACTURER, FIELD_BRAND or FIELD_MODEL.</source>
        <translation>La couche {} n’a aucun champ qui nomme le fabricant, la marque ou le modèle (ses champs : {}) : indiquez FIELD_MANUFACTURER, FIELD_BRAND ou FIELD_MODEL.</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="122"/>
        <source>Currency of the costs (ISO code such as EUR, USD, GBP; empty = the jurisdiction&apos;s)</source>
        <translation>Devise des coûts (code ISO tel que EUR, USD, GBP ; vide = celle du droit applicable)</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="186"/>
        <source>Currency of the costs</source>
        <translation>Devise des coûts</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="265"/>
        <source>Costs in {}: {}</source>
        <translation>Coûts en {} : {}</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="270"/>
        <source>The probabilities of the scenarios assessed add up to {:.2f}, not 1: the expected cost weighs each by its probability divided by {:.2f}.</source>
        <translation>Les probabilités des scénarios évalués totalisent {:.2f}, et non 1 : le coût attendu pondère chacun par sa probabilité divisée par {:.2f}.</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="277"/>
        <source>{}: level 3 {}, level 2 {}, incompatible {}, replacement {}, stranded {}</source>
        <translation>{} : niveau 3 {}, niveau 2 {}, incompatibles {}, remplacement {}, valeur perdue {}</translation>
    </message>
    <message>
        <location filename="../provider/assess_risk.py" line="288"/>
        <source>Expected cost over scenarios: {}</source>
        <translation>Coût attendu sur les scénarios : {}</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="32"/>
        <source>Import official list files into a user catalog</source>
        <translation>Importer des fichiers de listes officielles dans un catalogue utilisateur</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="40"/>
        <source>Reads the restriction lists as their authorities publish them and writes a user catalog folder (never the shipped catalog), to give assessrisk, tagassets and auditcameras as CATALOG. Formats (detected from the content): the US Consolidated Screening List (JSON or CSV: Entity List, Military End-User, Unverified, NS-CMIC, SDN), the FCC Covered List table (the web page saved as HTML, or the table as CSV), the DoD 1260H editions (CSV: edition, name), the UK Sanctions List and the OFSI Consolidated List (XML or CSV), the EU financial sanctions list (XML or CSV), and a plain CSV for lists published only as text (columns list_id, name, date_added, source_url...; see the README). Each entry names its catalog vendor only by a full name, alias or brand the catalog knows: others that look like makers of city technology go to import_review.csv. What changed against the catalog the folder held (listings added, removed, renamed, re-parented; lists added; listings not found in the file) is printed and written to import_changes.csv. Running it again with newer files replaces the rows an earlier import wrote and keeps the rows you wrote yourself. Nothing is written when a file cannot be read.</source>
        <translation>Lit les listes de restrictions telles que leurs autorités les publient et écrit un dossier de catalogue utilisateur (jamais le catalogue livré), à donner comme CATALOG à assessrisk, tagassets et auditcameras. Formats (reconnus au contenu) : la Consolidated Screening List américaine (JSON ou CSV : Entity List, Military End-User, Unverified, NS-CMIC, SDN), le tableau de la Covered List de la FCC (la page web enregistrée en HTML, ou le tableau en CSV), les éditions de la liste DoD 1260H (CSV : edition, name), la UK Sanctions List et la liste consolidée de l’OFSI (XML ou CSV), la liste des sanctions financières de l’UE (XML ou CSV), et un CSV simple pour les listes publiées seulement en texte (colonnes list_id, name, date_added, source_url... ; voir le README). Une entrée ne désigne un fournisseur du catalogue que par un nom complet, un alias ou une marque que le catalogue connaît : les autres qui ressemblent à des fabricants de technologies urbaines vont dans import_review.csv. Ce qui a changé par rapport au catalogue que le dossier contenait (inscriptions ajoutées, retirées, renommées, maison mère changée ; listes ajoutées ; inscriptions absentes du fichier) est affiché et écrit dans import_changes.csv. Relancé avec des fichiers plus récents, il remplace les lignes qu’un import précédent a écrites et garde celles que vous avez écrites vous-même. Rien n’est écrit quand un fichier ne peut pas être lu.</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="58"/>
        <source>List files (JSON, CSV, XML, HTML)</source>
        <translation>Fichiers de listes (JSON, CSV, XML, HTML)</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="63"/>
        <source>Format (auto: read from each file)</source>
        <translation>Format (auto : reconnu dans chaque fichier)</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="72"/>
        <source>User catalog folder (created or updated)</source>
        <translation>Dossier du catalogue utilisateur (créé ou mis à jour)</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="77"/>
        <source>Entries on catalogued vendors</source>
        <translation>Entrées sur des fournisseurs du catalogue</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="78"/>
        <source>Changes against the earlier catalog</source>
        <translation>Changements par rapport au catalogue précédent</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="81"/>
        <source>Entries for review</source>
        <translation>Entrées à vérifier</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="80"/>
        <source>Change report</source>
        <translation>Rapport des changements</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="86"/>
        <source>Give at least one list file (INPUT).</source>
        <translation>Donnez au moins un fichier de liste (INPUT).</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="89"/>
        <source>List file not found: {}</source>
        <translation>Fichier de liste introuvable : {}</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="95"/>
        <source>Nothing was imported: {}</source>
        <translation>Rien n’a été importé : {}</translation>
    </message>
    <message>
        <location filename="../provider/import_lists.py" line="100"/>
        <source>User catalog written: {} (give it as CATALOG to assessrisk)</source>
        <translation>Catalogue utilisateur écrit : {} (à donner comme CATALOG à assessrisk)</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="39"/>
        <source>Plan the replacement year by year within a budget</source>
        <translation>Planifier le remplacement année par année dans un budget</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="47"/>
        <source>From an assessment (the GeoPackage of vendorrisk:assessrisk), plans the replacement of what one scenario forces out: the assets the scenario gives a replacement cost. Forced assets come first (earliest forced year first), then by risk score and stranded value; a platform and the assets wired to it are replaced in the same year. Each group is paid from the budget accumulated so far, so it lands in the first year whose cumulative budget covers the cumulative cost up to it. Gives the cost per year, what stays exposed at each year&apos;s end, whether the DEADLINE (a year) is met, by how many years it is missed and the yearly budget that would meet it. BUDGET is in the assessment&apos;s currency. Outputs: a layer with the planned year of each asset (styled by year, a map theme per year when loaded), the plan_years table, and optionally a workbook with a chart.</source>
        <translation>À partir d’une évaluation (le GeoPackage de vendorrisk:assessrisk), planifie le remplacement de ce qu’un scénario impose de retirer : les équipements auxquels le scénario donne un coût de remplacement. Les équipements à retirer d’abord (année imposée la plus proche d’abord), puis par score de risque et valeur perdue ; une plateforme et les équipements qui y sont reliés sont remplacés la même année. Chaque groupe est payé sur le budget cumulé : il tombe la première année dont le budget cumulé couvre le coût cumulé jusqu’à lui. Donne le coût par année, ce qui reste exposé à la fin de chaque année, si l’échéance DEADLINE (une année) est respectée, de combien d’années elle est manquée et le budget annuel qui la respecterait. BUDGET est dans la devise de l’évaluation. Sorties : une couche avec l’année prévue de chaque équipement (symbolisée par année, un thème de carte par année au chargement), la table plan_years et, au choix, un classeur avec un graphique.</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="67"/>
        <source>Scenario to plan for</source>
        <translation>Scénario à planifier</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="72"/>
        <source>Yearly budget (in the assessment&apos;s currency)</source>
        <translation>Budget annuel (dans la devise de l’évaluation)</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="80"/>
        <source>First year of the plan (0 = the year after the assessment&apos;s reference date)</source>
        <translation>Première année du plan (0 = l’année suivant la date de référence de l’évaluation)</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="90"/>
        <source>Deadline year (0 = none)</source>
        <translation>Année d’échéance (0 = aucune)</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="101"/>
        <source>Replacement plan</source>
        <translation>Plan de remplacement</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="106"/>
        <source>Plan workbook</source>
        <translation>Classeur du plan</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="111"/>
        <source>Total cost</source>
        <translation>Coût total</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="112"/>
        <source>Year of the last replacement</source>
        <translation>Année du dernier remplacement</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="113"/>
        <source>Deadline met (1 yes, 0 no)</source>
        <translation>Échéance respectée (1 oui, 0 non)</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="114"/>
        <source>Yearly budget that meets the deadline</source>
        <translation>Budget annuel qui respecte l’échéance</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="117"/>
        <source>The plan in one sentence</source>
        <translation>Le plan en une phrase</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="122"/>
        <source>Assessment not found: {}</source>
        <translation>Évaluation introuvable : {}</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="134"/>
        <source>openpyxl is not installed: leave OUTPUT_XLSX empty or install it.</source>
        <translation>openpyxl n’est pas installé : laissez OUTPUT_XLSX vide ou installez-le.</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="155"/>
        <source>The plan layer&apos;s style could not be saved: {}</source>
        <translation>Le style de la couche du plan n’a pas pu être enregistré : {}</translation>
    </message>
    <message>
        <location filename="../provider/replacement_plan.py" line="158"/>
        <source>Replacement plan ({})</source>
        <translation>Plan de remplacement ({})</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="48"/>
        <source>Compare offers by risk-adjusted cost</source>
        <translation>Comparer les offres par coût ajusté du risque</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="56"/>
        <source>Reads the offers of a tender (workbook or CSV, one row per offer line: offer_id, bidder, vendor, brand, model, asset_class, quantity, unit_price, standards, service_life, support_years, connects_to; template in resources/procurement) and assesses every line as an asset the city would install at signature, with the catalog, lists and scenarios of an assessment. A line that connects to an installed platform (its asset id in ASSESSMENT) or to the offer&apos;s own platform by a proprietary protocol is replaced with it when the platform is forced out. Per offer and scenario: purchase, sanction level at signature and under the scenario, forced units, compatibility, replacement and stranded value with P50/P90; then the expected decoupling cost (scenario probabilities as weights), the risk-adjusted total cost of ownership (purchase + expected), the lock-in ratio and the reasons. Outputs: a workbook (comparison with a chart, one sheet per offer, scenarios, assumptions) and a one-page PDF for the committee. Unit prices are in the comparison&apos;s currency (the jurisdiction&apos;s unless CURRENCY is set).</source>
        <translation>Lit les offres d’un appel d’offres (classeur ou CSV, une ligne par ligne d’offre : offer_id, bidder, vendor, brand, model, asset_class, quantity, unit_price, standards, service_life, support_years, connects_to ; modèle dans resources/procurement) et évalue chaque ligne comme un équipement que la ville installerait à la signature, avec le catalogue, les listes et les scénarios d’une évaluation. Une ligne reliée à une plateforme installée (son identifiant dans ASSESSMENT) ou à la plateforme de la même offre par un protocole propriétaire est remplacée avec elle quand la plateforme doit être retirée. Par offre et par scénario : achat, niveau de sanction à la signature et dans le scénario, unités à retirer, compatibilité, remplacement et valeur perdue avec P50/P90 ; puis le coût de découplage attendu (probabilités des scénarios comme poids), le coût complet ajusté du risque (achat + attendu), le ratio de verrouillage et les raisons. Sorties : un classeur (comparaison avec graphique, une feuille par offre, scénarios, hypothèses) et une page PDF pour la commission. Les prix unitaires sont dans la devise de la comparaison (celle de la juridiction sauf CURRENCY).</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="73"/>
        <source>Offers (xlsx or CSV)</source>
        <translation>Offres (xlsx ou CSV)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="73"/>
        <source>Offers (*.xlsx *.xlsm *.csv);;All files (*.*)</source>
        <translation>Offres (*.xlsx *.xlsm *.csv);;Tous les fichiers (*.*)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="80"/>
        <source>The city&apos;s assessment (GeoPackage of vendorrisk:assessrisk)</source>
        <translation>L’évaluation de la ville (GeoPackage de vendorrisk:assessrisk)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="88"/>
        <source>Jurisdiction (empty: the assessment&apos;s, else FR)</source>
        <translation>Juridiction (vide : celle de l’évaluation, sinon FR)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="93"/>
        <source>Signature date (YYYY-MM-DD, empty: today)</source>
        <translation>Date de signature (AAAA-MM-JJ, vide : aujourd’hui)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="98"/>
        <source>Scenarios (comma-separated; empty: all)</source>
        <translation>Scénarios (séparés par des virgules ; vide : tous)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="103"/>
        <source>Currency of the prices (ISO 4217)</source>
        <translation>Devise des prix (ISO 4217)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="109"/>
        <source>Language of the workbook and the PDF</source>
        <translation>Langue du classeur et du PDF</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="110"/>
        <source>Comparison workbook</source>
        <translation>Classeur de comparaison</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="115"/>
        <source>One-page comparison (PDF)</source>
        <translation>Comparaison sur une page (PDF)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="115"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="120"/>
        <source>Offers compared</source>
        <translation>Offres comparées</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="121"/>
        <source>Offer with the lowest risk-adjusted cost</source>
        <translation>Offre au coût ajusté du risque le plus bas</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="124"/>
        <source>Its risk-adjusted total cost</source>
        <translation>Son coût complet ajusté du risque</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="125"/>
        <source>The comparison in one sentence</source>
        <translation>La comparaison en une phrase</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="130"/>
        <source>Offers file not found: {}</source>
        <translation>Fichier des offres introuvable : {}</translation>
    </message>
    <message>
        <location filename="../provider/compare_offers.py" line="161"/>
        <source>Lines connect to platforms not found in the assessment: {}</source>
        <translation>Des lignes sont reliées à des plateformes absentes de l’évaluation : {}</translation>
    </message>
</context>
<context>
    <name>VendorRiskCompare</name>
    <message>
        <location filename="../gis/pipelines/compare.py" line="43"/>
        <source>Becomes incompatible</source>
        <translation>Devient incompatible</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="44"/>
        <source>Must be removed</source>
        <translation>Doit être retiré</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="45"/>
        <source>Sanction level rises</source>
        <translation>Niveau de sanction en hausse</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="46"/>
        <source>No longer removed</source>
        <translation>N’est plus à retirer</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="47"/>
        <source>Becomes compatible</source>
        <translation>Redevient compatible</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="48"/>
        <source>Sanction level falls</source>
        <translation>Niveau de sanction en baisse</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="106"/>
        <source>Choose two different scenarios to compare.</source>
        <translation>Choisissez deux scénarios différents à comparer.</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="113"/>
        <source>{} holds no layer risk_{}: was the scenario assessed in this run?</source>
        <translation>{} ne contient pas de couche risk_{} : ce scénario faisait-il partie de l’évaluation ?</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="125"/>
        <source>risk_{} and risk_{} do not hold the same assets: compare scenarios of one run</source>
        <translation>risk_{} et risk_{} ne contiennent pas les mêmes équipements : comparez des scénarios d’une même évaluation</translation>
    </message>
    <message>
        <location filename="../gis/pipelines/compare.py" line="131"/>
        <source>the risk layers lack the field(s) {}</source>
        <translation>il manque aux couches de risque le ou les champs {}</translation>
    </message>
</context>
<context>
    <name>VendorRiskDock</name>
    <message>
        <location filename="../ui/dock.py" line="247"/>
        <source>Vendor Risk</source>
        <translation>Vendor Risk</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="107"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="108"/>
        <source>Assessment GeoPackage</source>
        <translation>GeoPackage de l’évaluation</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="109"/>
        <source>a new file per run, in the project folder</source>
        <translation>un nouveau fichier à chaque évaluation, dans le dossier du projet</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="118"/>
        <source>Names detected for this role: {}</source>
        <translation>Noms reconnus pour ce rôle : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="159"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="144"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="145"/>
        <source>Watch</source>
        <translation>Vigilance</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="146"/>
        <source>Restricted</source>
        <translation>Restreint</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="147"/>
        <source>Removal</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="148"/>
        <source>Incompatible</source>
        <translation>Incompatibles</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="152"/>
        <source>Sanction level 0: on no list in force</source>
        <translation>Niveau de sanction 0 : sur aucune liste en vigueur</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="153"/>
        <source>Sanction level 1: listed elsewhere, export-controlled or suspected OEM</source>
        <translation>Niveau de sanction 1 : listé ailleurs, soumis au contrôle des exportations ou fabricant d’origine suspecté</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="154"/>
        <source>Sanction level 2: procurement or funding ban</source>
        <translation>Niveau de sanction 2 : interdiction d’achat ou de financement</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="155"/>
        <source>Sanction level 3: removal mandated</source>
        <translation>Niveau de sanction 3 : retrait obligatoire</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="174"/>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="175"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="176"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="177"/>
        <source>Assets</source>
        <translation>Équipements</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="178"/>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="179"/>
        <source>Switching cost</source>
        <translation>Coût de sortie</translation>
    </message>
    <message>
        <location filename="../ui/vendors_panel.py" line="21"/>
        <source>Exposure by vendor</source>
        <translation>Exposition par fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/vendors_panel.py" line="21"/>
        <source>Run an assessment to see the vendors.</source>
        <translation>Lancez une évaluation pour voir les fournisseurs.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="348"/>
        <source>auto: {}</source>
        <translation>auto : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="348"/>
        <source>auto: not found</source>
        <translation>auto : introuvable</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="479"/>
        <source>Tick at least one asset layer to assess.</source>
        <translation>Cochez au moins une couche d’équipements à évaluer.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="482"/>
        <source>Tick at least one scenario.</source>
        <translation>Cochez au moins un scénario.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="485"/>
        <source>Choose a jurisdiction: US, EU, FR, UK or a code from your catalog.</source>
        <translation>Choisissez le droit applicable : US, EU, FR, UK ou un code de votre catalogue.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="488"/>
        <source>&apos;Selected features only&apos; is ticked but no feature is selected in {}.</source>
        <translation>« Entités sélectionnées uniquement » est coché, mais aucune entité n’est sélectionnée dans {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="499"/>
        <source>The layer {} has no field naming the maker, brand or model: choose one in the field mapping table.</source>
        <translation>La couche {} n’a aucun champ indiquant le fabricant, la marque ou le modèle : choisissez-en un dans la table de correspondance des champs.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="508"/>
        <source>Cannot write in the folder {}: choose another output file.</source>
        <translation>Impossible d’écrire dans le dossier {} : choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="511"/>
        <source>The output {} is open in this project (layers: {}): choose another file.</source>
        <translation>Le fichier de sortie {} est ouvert dans ce projet (couches : {}) : choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="602"/>
        <source>Vendor Risk: assessing {} layer(s)</source>
        <translation>Vendor Risk : évaluation de {} couche(s)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="616"/>
        <source>Assessing… the map stays usable meanwhile.</source>
        <translation>Évaluation en cours… la carte reste utilisable pendant ce temps.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="622"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="658"/>
        <source>the results could not be shown: {}</source>
        <translation>les résultats n’ont pas pu être affichés : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="669"/>
        <source>{} data issue(s): see the data_issues table and the log.</source>
        <translation>{} problème(s) de données : voir la table data_issues et le journal.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="678"/>
        <source>The assessment did not run: {}</source>
        <translation>L’évaluation n’a pas abouti : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="684"/>
        <source>Assessment cancelled: nothing was added to the project and no file was written.</source>
        <translation>Évaluation annulée : rien n’a été ajouté au projet et aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="715"/>
        <source>Cannot read the results in {}: {}</source>
        <translation>Impossible de lire les résultats dans {} : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="738"/>
        <source>Run “{}”: jurisdiction {}, reference date {}, catalog {}; file {}.</source>
        <translation>Évaluation « {} » : droit applicable {}, date de référence {}, catalogue {} ; fichier {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="748"/>
        <source>No assessment yet: run one in the Assess tab.</source>
        <translation>Aucune évaluation pour l’instant : lancez-en une dans l’onglet Évaluer.</translation>
    </message>
    <message>
        <location filename="../ui/vendors_panel.py" line="64"/>
        <source>Exposure by vendor — {}</source>
        <translation>Exposition par fournisseur — {}</translation>
    </message>
    <message>
        <location filename="../ui/vendors_panel.py" line="64"/>
        <source>Nothing must be replaced under this scenario: no exposure.</source>
        <translation>Rien n’est à remplacer dans ce scénario : aucune exposition.</translation>
    </message>
    <message>
        <location filename="../ui/vendors_panel.py" line="91"/>
        <source>{} asset(s) of {} selected on “{}”.</source>
        <translation>{} équipement(s) de {} sélectionné(s) sur « {} ».</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="24"/>
        <source>Choose two different scenarios to compare.</source>
        <translation>Choisissez deux scénarios différents à comparer.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="38"/>
        <source>Vendor Risk: comparing two scenarios</source>
        <translation>Vendor Risk : comparaison de deux scénarios</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="51"/>
        <source>Comparing…</source>
        <translation>Comparaison en cours…</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="60"/>
        <source>Changes {} → {}</source>
        <translation>Changements {} → {}</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="89"/>
        <source>The comparison did not run: {}</source>
        <translation>La comparaison n’a pas abouti : {}</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="96"/>
        <source>Comparison cancelled.</source>
        <translation>Comparaison annulée.</translation>
    </message>
    <message>
        <location filename="../ui/report_panel.py" line="22"/>
        <source>Council report</source>
        <translation>Rapport pour le conseil municipal</translation>
    </message>
    <message>
        <location filename="../ui/report_panel.py" line="22"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/report_panel.py" line="54"/>
        <source>The report could not be written: {}</source>
        <translation>Le rapport n’a pas pu être écrit : {}</translation>
    </message>
    <message>
        <location filename="../ui/report_panel.py" line="62"/>
        <source>Report written: {}</source>
        <translation>Rapport écrit : {}</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="56"/>
        <source>Vendor risk — {}</source>
        <translation>Risque fournisseurs — {}</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="41"/>
        <source>Why (reasons)</source>
        <translation>Pourquoi (motifs)</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="79"/>
        <source>{} does not hold the layers {}</source>
        <translation>{} ne contient pas les couches {}</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="169"/>
        <source>cannot open {}</source>
        <translation>impossible d’ouvrir {}</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="39"/>
        <source>Asset id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="40"/>
        <source>Asset class</source>
        <translation>Catégorie d’équipement</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="41"/>
        <source>Manufacturer</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="42"/>
        <source>Brand</source>
        <translation>Marque</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="43"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="44"/>
        <source>Install year</source>
        <translation>Année d’installation</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="45"/>
        <source>Unit cost</source>
        <translation>Coût unitaire</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="46"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="47"/>
        <source>Protocols / standards</source>
        <translation>Protocoles / normes</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="48"/>
        <source>Platform it is wired to</source>
        <translation>Plateforme de rattachement</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="156"/>
        <source>Assets whose standards or vendor stop working in the city&apos;s bloc</source>
        <translation>Équipements dont les normes ou le fournisseur ne fonctionnent plus dans le bloc de la ville</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="159"/>
        <source>Replacing what the scenario forces out, re-integration included</source>
        <translation>Remplacement de ce que le scénario oblige à retirer, réintégration comprise</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="159"/>
        <source>Book value thrown away by early replacement</source>
        <translation>Valeur comptable perdue par un remplacement anticipé</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="798"/>
        <source>Total cost by scenario</source>
        <translation>Coût total par scénario</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="663"/>
        <source>{} assets assessed under {} scenario(s); expected cost {}.</source>
        <translation>{} équipements évalués selon {} scénario(s) ; coût attendu {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="671"/>
        <source>The layers are in the group “{}”.</source>
        <translation>Les couches sont dans le groupe « {} ».</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="811"/>
        <source>Expected cost over the scenarios (weighted by their probability): {}.</source>
        <translation>Coût attendu sur l’ensemble des scénarios (pondéré par leur probabilité) : {}.</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="78"/>
        <source>{} asset(s) change from {} to {}.</source>
        <translation>{} équipement(s) changent entre « {} » et « {} ».</translation>
    </message>
    <message>
        <location filename="../ui/compare_panel.py" line="81"/>
        <source>: </source>
        <translation> : </translation>
    </message>
    <message>
        <location filename="../ui/vendors_panel.py" line="55"/>
        <source>(unknown vendor)</source>
        <translation>(fournisseur inconnu)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="159"/>
        <source>Replacement</source>
        <translation>Remplacement</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="159"/>
        <source>Stranded</source>
        <translation>Valeur perdue</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="159"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="159"/>
        <source>Replacement plus stranded value</source>
        <translation>Remplacement plus valeur perdue</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="789"/>
        <source>{} — probability {}</source>
        <translation>{} — probabilité {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="111"/>
        <source>User catalog folder</source>
        <translation>Dossier du catalogue utilisateur</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="112"/>
        <source>the shipped catalog alone</source>
        <translation>le catalogue livré seul</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="516"/>
        <source>The catalog folder {} does not exist: choose it again or clear it.</source>
        <translation>Le dossier de catalogue {} n’existe pas : choisissez-le à nouveau ou videz le champ.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="544"/>
        <source>Lists imported into {}: {} changes, {} entries for review (see {}).</source>
        <translation>Listes importées dans {} : {} changements, {} entrées à vérifier (voir {}).</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="572"/>
        <source>Run an assessment first: the plan starts from it.</source>
        <translation>Lancez d’abord une évaluation : le plan part d’elle.</translation>
    </message>
</context>
<context>
    <name>VendorRiskDockBase</name>
    <message>
        <location filename="../ui/dock.ui" line="31"/>
        <source>Scenario on the map:</source>
        <translation>Scénario sur la carte :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="47"/>
        <source>Show one scenario of the last run on the map (the other scenario layers are hidden)</source>
        <translation>Afficher un scénario de la dernière évaluation sur la carte (les couches des autres scénarios sont masquées)</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="60"/>
        <source>Assess</source>
        <translation>Évaluer</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="66"/>
        <source>Asset layers (assessed together):</source>
        <translation>Couches d’équipements (évaluées ensemble) :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="79"/>
        <source>Tick the layers that hold the city&apos;s assets; they are assessed together</source>
        <translation>Cochez les couches qui contiennent les équipements de la ville ; elles sont évaluées ensemble</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="86"/>
        <source>Field mapping (detected from the layers&apos; fields; change any):</source>
        <translation>Correspondance des champs (détectée d’après les champs des couches ; modifiable) :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="115"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="120"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="133"/>
        <source>Jurisdiction:</source>
        <translation>Droit applicable :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="143"/>
        <source>Whose lists apply: US, EU, FR, UK, or a code defined in your catalog</source>
        <translation>Listes de sanctions qui s’appliquent : US, EU, FR, UK ou un code défini dans votre catalogue</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="150"/>
        <source>Scenarios:</source>
        <translation>Scénarios :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="167"/>
        <source>Selected features only</source>
        <translation>Entités sélectionnées uniquement</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="174"/>
        <source>Output:</source>
        <translation>Fichier de sortie :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="181"/>
        <source>GeoPackage to write; left empty, each run writes a new file in the project folder</source>
        <translation>GeoPackage à écrire ; laissé vide, chaque évaluation écrit un nouveau fichier dans le dossier du projet</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="220"/>
        <source>Run assessment</source>
        <translation>Lancer l’évaluation</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="230"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="270"/>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="276"/>
        <source>No assessment yet: run one in the Assess tab.</source>
        <translation>Aucune évaluation pour l’instant : lancez-en une dans l’onglet Évaluer.</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="388"/>
        <source>Council report (PDF and PNG)…</source>
        <translation>Rapport pour le conseil municipal (PDF et PNG)…</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="391"/>
        <source>A one-page map report of the scenario shown on the map</source>
        <translation>Un rapport cartographique d’une page sur le scénario affiché</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="399"/>
        <source>Vendors</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="405"/>
        <source>Top vendors by exposure (replacement cost and stranded value) under the scenario on the map:</source>
        <translation>Principaux fournisseurs par exposition (coût de remplacement et valeur résiduelle perdue) dans le scénario affiché :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="437"/>
        <source>Select and zoom to the vendor&apos;s assets</source>
        <translation>Sélectionner les équipements du fournisseur et zoomer dessus</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="522"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="482"/>
        <source>Assets whose status changes from scenario A to scenario B (becomes incompatible, must be removed, sanction level rises...) are written to a new layer in the run&apos;s group.</source>
        <translation>Les équipements dont la situation change entre le scénario A et le scénario B (deviennent incompatibles, doivent être retirés, niveau de sanction en hausse…) sont écrits dans une nouvelle couche du groupe de l’évaluation.</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="497"/>
        <source>From (A):</source>
        <translation>De (A) :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="507"/>
        <source>To (B):</source>
        <translation>À (B) :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="286"/>
        <source>Assets by sanction level, and incompatible assets:</source>
        <translation>Équipements par niveau de sanction, et équipements incompatibles :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="315"/>
        <source>What each scenario costs (replacement and stranded book value):</source>
        <translation>Ce que coûte chaque scénario (remplacement et valeur comptable perdue) :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="188"/>
        <source>Catalog:</source>
        <translation>Catalogue :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="197"/>
        <source>User catalog folder: your own vendors and lists, and the lists you imported; left empty, the shipped catalog alone</source>
        <translation>Dossier du catalogue utilisateur : vos fournisseurs et listes, et les listes importées ; laissé vide, le catalogue livré seul</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="204"/>
        <source>Read official list files (Consolidated Screening List, FCC Covered List, DoD 1260H, UK and EU sanctions lists) into a user catalog folder</source>
        <translation>Lire des fichiers de listes officielles (Consolidated Screening List, Covered List de la FCC, DoD 1260H, listes de sanctions britannique et européenne) dans un dossier de catalogue utilisateur</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="207"/>
        <source>Import lists…</source>
        <translation>Importer des listes…</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="553"/>
        <source>Procurement</source>
        <translation>Achats</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="562"/>
        <source>Before the next contract: compare the offers of a tender by risk-adjusted cost against this assessment. On the way out: plan the replacement of what a scenario forces out, year by year within a budget.</source>
        <translation>Avant le prochain contrat : comparer les offres d’un appel d’offres par coût ajusté du risque avec cette évaluation. Pour en sortir : planifier le remplacement de ce qu’un scénario impose de retirer, année par année dans un budget.</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="569"/>
        <source>Offers (workbook or CSV, template in resources/procurement) compared with this assessment&apos;s lists, scenarios and installed platforms</source>
        <translation>Offres (classeur ou CSV, modèle dans resources/procurement) comparées avec les listes, les scénarios et les plateformes installées de cette évaluation</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="572"/>
        <source>Compare offers…</source>
        <translation>Comparer des offres…</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="579"/>
        <source>A year-by-year replacement schedule of the assessment shown, with its cost per year and whether a deadline is met</source>
        <translation>Un calendrier de remplacement année par année de l’évaluation affichée, avec son coût par année et si une échéance est respectée</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="582"/>
        <source>Plan the replacement…</source>
        <translation>Planifier le remplacement…</translation>
    </message>
</context>
<context>
    <name>VendorRiskPlugin</name>
    <message>
        <location filename="../plugin.py" line="49"/>
        <source>Vendor Risk</source>
        <translation>Vendor Risk</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="51"/>
        <source>Vendor Risk panel</source>
        <translation>Panneau Vendor Risk</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="58"/>
        <source>Assess asset layers, read the results on the map, compare scenarios, print a council report</source>
        <translation>Évaluer des couches d’équipements, lire les résultats sur la carte, comparer des scénarios, imprimer un rapport pour le conseil municipal</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="66"/>
        <source>Tag assets by vendor…</source>
        <translation>Identifier le fournisseur des équipements…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="69"/>
        <source>Assess vendor risk (Processing)…</source>
        <translation>Évaluer le risque fournisseurs (Traitements)…</translation>
    </message>
</context>
<context>
    <name>VendorRiskReport</name>
    <message>
        <location filename="../gis/layouts/council_report.py" line="151"/>
        <source>{} holds no scenario &apos;{}&apos; (it has: {})</source>
        <translation>{} ne contient pas de scénario « {} » (il contient : {})</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="171"/>
        <source>Assets assessed</source>
        <translation>Équipements évalués</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="172"/>
        <source>Sanction level 3 — removal</source>
        <translation>Niveau de sanction 3 — retrait</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="173"/>
        <source>Sanction level 2 — restricted</source>
        <translation>Niveau de sanction 2 — restreint</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="174"/>
        <source>Sanction level 1 — watch</source>
        <translation>Niveau de sanction 1 — vigilance</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="175"/>
        <source>Sanction level 0 — none</source>
        <translation>Niveau de sanction 0 — aucun</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="176"/>
        <source>Incompatible assets</source>
        <translation>Équipements incompatibles</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="177"/>
        <source>Assets to replace</source>
        <translation>Équipements à remplacer</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="178"/>
        <source>Replacement cost</source>
        <translation>Coût de remplacement</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="179"/>
        <source>Stranded value</source>
        <translation>Valeur résiduelle perdue</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="185"/>
        <source>Expected cost, all scenarios</source>
        <translation>Coût attendu, tous scénarios</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="200"/>
        <source>Vendor risk — {}</source>
        <translation>Risque fournisseurs — {}</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="208"/>
        <source>Vendor Risk {} · catalog {} (as of {}) · scenarios: {} · run {} · file {}</source>
        <translation>Vendor Risk {} · catalogue {} (au {}) · scénarios : {} · évaluation du {} · fichier {}</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="218"/>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="218"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="218"/>
        <source>Assets</source>
        <translation>Équipements</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="218"/>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="276"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="292"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="364"/>
        <source>cannot open the layer risk_{} in {}</source>
        <translation>impossible d’ouvrir la couche risk_{} dans {}</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="61"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="62"/>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="63"/>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="64"/>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="65"/>
        <source>Incompatible (×)</source>
        <translation>Incompatible (×)</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="66"/>
        <source>0 — none</source>
        <translation>0 — aucun</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="67"/>
        <source>1 — watch</source>
        <translation>1 — vigilance</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="68"/>
        <source>2 — restricted</source>
        <translation>2 — restreint</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="69"/>
        <source>3 — removal</source>
        <translation>3 — retrait</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="180"/>
        <source>Total cost</source>
        <translation>Coût total</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="203"/>
        <source>{}Jurisdiction {}, reference date {}. Colour: risk band; ×: incompatible under the scenario.</source>
        <translation>{}Droit applicable {}, date de référence {}. Couleur : niveau de risque ; × : incompatible dans ce scénario.</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="315"/>
        <source>Top vendors by exposure</source>
        <translation>Principaux fournisseurs par exposition</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="181"/>
        <source>Cost range (P50 – P90)</source>
        <translation>Fourchette de coût (P50 – P90)</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="187"/>
        <source>(unknown vendor)</source>
        <translation>(fournisseur inconnu)</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="241"/>
        <source>P50 and P90: half and nine in ten of the simulated totals lie below them; each draw takes unit costs within the classes' low–high defaults and the scenario's cost multiplier within its range. The total cost uses the central values.</source>
        <translation>P50 et P90 : la moitié et neuf sur dix des totaux simulés sont inférieurs à ces montants ; chaque tirage prend les coûts unitaires entre les valeurs basse et haute des classes et le multiplicateur de coût du scénario dans sa fourchette. Le coût total utilise les valeurs centrales.</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="246"/>
        <source>The total ({}) lies below the range: the ranges reach further above the central values than below them (a rushed replacement costs more, rarely less).</source>
        <translation>Le total ({}) est sous la fourchette : les fourchettes s’étendent plus au-dessus des valeurs centrales qu’en dessous (un remplacement précipité coûte plus, rarement moins).</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="250"/>
        <source>The total ({}) lies above the range: the ranges reach further below the central values than above them.</source>
        <translation>Le total ({}) est au-dessus de la fourchette : les fourchettes s’étendent plus sous les valeurs centrales qu’au-dessus.</translation>
    </message>
    <message>
        <location filename="../gis/layouts/council_report.py" line="318"/>
        <source>No vendor is exposed under this scenario.</source>
        <translation>Aucun fournisseur n’est exposé dans ce scénario.</translation>
    </message>
</context>
<context>
    <name>VendorRiskTask</name>
    <message>
        <location filename="../gis/tasks.py" line="95"/>
        <source>the task stopped without saying why</source>
        <translation>la tâche s’est arrêtée sans donner de raison</translation>
    </message>
    <message>
        <location filename="../gis/tasks.py" line="166"/>
        <source>the algorithm {} is not available: is the Vendor Risk plugin enabled?</source>
        <translation>l’algorithme {} n’est pas disponible : l’extension Vendor Risk est-elle activée ?</translation>
    </message>
    <message>
        <location filename="../gis/tasks.py" line="182"/>
        <source>the algorithm could not start</source>
        <translation>l’algorithme n’a pas pu démarrer</translation>
    </message>
    <message>
        <location filename="../gis/tasks.py" line="116"/>
        <source>an unexpected error ({}); the details are in the log, tab “Vendor Risk”</source>
        <translation>une erreur inattendue ({}) ; le détail est dans le journal, onglet « Vendor Risk »</translation>
    </message>
</context>
</TS>
