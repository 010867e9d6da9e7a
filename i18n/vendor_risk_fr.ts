<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>VendorRiskCompare</name>
    <message>
        <location filename="../gis/compare.py" line="38"/>
        <source>Becomes incompatible</source>
        <translation>Devient incompatible</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="40"/>
        <source>Must be removed</source>
        <translation>Doit être retiré</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="41"/>
        <source>Sanction level rises</source>
        <translation>Niveau de sanction en hausse</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="42"/>
        <source>No longer removed</source>
        <translation>N’est plus à retirer</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="44"/>
        <source>Becomes compatible</source>
        <translation>Redevient compatible</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="46"/>
        <source>Sanction level falls</source>
        <translation>Niveau de sanction en baisse</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="88"/>
        <source>Choose two different scenarios to compare.</source>
        <translation>Choisissez deux scénarios différents à comparer.</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="94"/>
        <source>{} holds no layer risk_{}: was the scenario assessed in this run?</source>
        <translation>{} ne contient pas de couche risk_{} : ce scénario faisait-il partie de l’évaluation ?</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="103"/>
        <source>risk_{} and risk_{} do not hold the same assets: compare scenarios of one run</source>
        <translation>risk_{} et risk_{} ne contiennent pas les mêmes équipements : comparez des scénarios d’une même évaluation</translation>
    </message>
    <message>
        <location filename="../gis/compare.py" line="108"/>
        <source>the risk layers lack the field(s) {}</source>
        <translation>il manque aux couches de risque le ou les champs {}</translation>
    </message>
</context>
<context>
    <name>VendorRiskDock</name>
    <message>
        <location filename="../ui/dock.py" line="240"/>
        <source>Vendor Risk</source>
        <translation>Vendor Risk</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="128"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="129"/>
        <source>Assessment GeoPackage</source>
        <translation>GeoPackage de l’évaluation</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="130"/>
        <source>a new file per run, in the project folder</source>
        <translation>un nouveau fichier à chaque évaluation, dans le dossier du projet</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="137"/>
        <source>Names detected for this role: {}</source>
        <translation>Noms reconnus pour ce rôle : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Scenario</source>
        <translation>Scénario</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="162"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="162"/>
        <source>Watch</source>
        <translation>Vigilance</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="162"/>
        <source>Restricted</source>
        <translation>Restreint</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="163"/>
        <source>Removal</source>
        <translation>Retrait</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="163"/>
        <source>Incompatible</source>
        <translation>Incompatibles</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="164"/>
        <source>Sanction level 0: on no list in force</source>
        <translation>Niveau de sanction 0 : sur aucune liste en vigueur</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="165"/>
        <source>Sanction level 1: listed elsewhere, export-controlled or suspected OEM</source>
        <translation>Niveau de sanction 1 : listé ailleurs, soumis au contrôle des exportations ou fabricant d’origine suspecté</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="166"/>
        <source>Sanction level 2: procurement or funding ban</source>
        <translation>Niveau de sanction 2 : interdiction d’achat ou de financement</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="167"/>
        <source>Sanction level 3: removal mandated</source>
        <translation>Niveau de sanction 3 : retrait obligatoire</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="179"/>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="179"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="179"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="179"/>
        <source>Assets</source>
        <translation>Équipements</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="180"/>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="180"/>
        <source>Switching cost</source>
        <translation>Coût de sortie</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="697"/>
        <source>Exposure by vendor</source>
        <translation>Exposition par fournisseur</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="697"/>
        <source>Run an assessment to see the vendors.</source>
        <translation>Lancez une évaluation pour voir les fournisseurs.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="341"/>
        <source>auto: {}</source>
        <translation>auto : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="341"/>
        <source>auto: not found</source>
        <translation>auto : introuvable</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="465"/>
        <source>Tick at least one asset layer to assess.</source>
        <translation>Cochez au moins une couche d’équipements à évaluer.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="468"/>
        <source>Tick at least one scenario.</source>
        <translation>Cochez au moins un scénario.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="471"/>
        <source>Choose a jurisdiction: US, EU, FR, UK or a code from your catalog.</source>
        <translation>Choisissez le droit applicable : US, EU, FR, UK ou un code de votre catalogue.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="475"/>
        <source>&apos;Selected features only&apos; is ticked but no feature is selected in {}.</source>
        <translation>« Entités sélectionnées uniquement » est coché, mais aucune entité n’est sélectionnée dans {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="485"/>
        <source>The layer {} has no field naming the maker, brand or model: choose one in the field mapping table.</source>
        <translation>La couche {} n’a aucun champ indiquant le fabricant, la marque ou le modèle : choisissez-en un dans la table de correspondance des champs.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="493"/>
        <source>Cannot write in the folder {}: choose another output file.</source>
        <translation>Impossible d’écrire dans le dossier {} : choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="497"/>
        <source>The output {} is open in this project (layers: {}): choose another file.</source>
        <translation>Le fichier de sortie {} est ouvert dans ce projet (couches : {}) : choisissez un autre fichier.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="516"/>
        <source>Vendor Risk: assessing {} layer(s)</source>
        <translation>Vendor Risk : évaluation de {} couche(s)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="527"/>
        <source>Assessing… the map stays usable meanwhile.</source>
        <translation>Évaluation en cours… la carte reste utilisable pendant ce temps.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="533"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="561"/>
        <source>the results could not be shown: {}</source>
        <translation>les résultats n’ont pas pu être affichés : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="570"/>
        <source>{} data issue(s): see the data_issues table and the log.</source>
        <translation>{} problème(s) de données : voir la table data_issues et le journal.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="579"/>
        <source>The assessment did not run: {}</source>
        <translation>L’évaluation n’a pas abouti : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="585"/>
        <source>Assessment cancelled: nothing was added to the project and no file was written.</source>
        <translation>Évaluation annulée : rien n’a été ajouté au projet et aucun fichier n’a été écrit.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="613"/>
        <source>Cannot read the results in {}: {}</source>
        <translation>Impossible de lire les résultats dans {} : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="629"/>
        <source>Run “{}”: jurisdiction {}, reference date {}, catalog {}; file {}.</source>
        <translation>Évaluation « {} » : droit applicable {}, date de référence {}, catalogue {} ; fichier {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="636"/>
        <source>No assessment yet: run one in the Assess tab.</source>
        <translation>Aucune évaluation pour l’instant : lancez-en une dans l’onglet Évaluer.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="723"/>
        <source>Exposure by vendor — {}</source>
        <translation>Exposition par fournisseur — {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="723"/>
        <source>Nothing must be replaced under this scenario: no exposure.</source>
        <translation>Rien n’est à remplacer dans ce scénario : aucune exposition.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="747"/>
        <source>{} asset(s) of {} selected on “{}”.</source>
        <translation>{} équipement(s) de {} sélectionné(s) sur « {} ».</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="757"/>
        <source>Choose two different scenarios to compare.</source>
        <translation>Choisissez deux scénarios différents à comparer.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="768"/>
        <source>Vendor Risk: comparing two scenarios</source>
        <translation>Vendor Risk : comparaison de deux scénarios</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="774"/>
        <source>Comparing…</source>
        <translation>Comparaison en cours…</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="783"/>
        <source>Changes {} → {}</source>
        <translation>Changements {} → {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="804"/>
        <source>The comparison did not run: {}</source>
        <translation>La comparaison n’a pas abouti : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="811"/>
        <source>Comparison cancelled.</source>
        <translation>Comparaison annulée.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="821"/>
        <source>Council report</source>
        <translation>Rapport pour le conseil municipal</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="821"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="838"/>
        <source>The report could not be written: {}</source>
        <translation>Le rapport n’a pas pu être écrit : {}</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="843"/>
        <source>Report written: {}</source>
        <translation>Rapport écrit : {}</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="51"/>
        <source>Vendor risk — {}</source>
        <translation>Risque fournisseurs — {}</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="37"/>
        <source>Why (reasons)</source>
        <translation>Pourquoi (motifs)</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="69"/>
        <source>{} does not hold the layers {}</source>
        <translation>{} ne contient pas les couches {}</translation>
    </message>
    <message>
        <location filename="../ui/overlays.py" line="138"/>
        <source>cannot open {}</source>
        <translation>impossible d’ouvrir {}</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="18"/>
        <source>Asset id</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="19"/>
        <source>Asset class</source>
        <translation>Catégorie d’équipement</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="20"/>
        <source>Manufacturer</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="21"/>
        <source>Brand</source>
        <translation>Marque</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="22"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="23"/>
        <source>Install year</source>
        <translation>Année d’installation</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="24"/>
        <source>Unit cost</source>
        <translation>Coût unitaire</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="25"/>
        <source>Quantity</source>
        <translation>Quantité</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="26"/>
        <source>Protocols / standards</source>
        <translation>Protocoles / normes</translation>
    </message>
    <message>
        <location filename="../ui/common.py" line="27"/>
        <source>Platform it is wired to</source>
        <translation>Plateforme de rattachement</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="168"/>
        <source>Assets whose standards or vendor stop working in the city&apos;s bloc</source>
        <translation>Équipements dont les normes ou le fournisseur ne fonctionnent plus dans le bloc de la ville</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Replacing what the scenario forces out, re-integration included</source>
        <translation>Remplacement de ce que le scénario oblige à retirer, réintégration comprise</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Book value thrown away by early replacement</source>
        <translation>Valeur comptable perdue par un remplacement anticipé</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="681"/>
        <source>Total cost by scenario</source>
        <translation>Coût total par scénario</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="567"/>
        <source>{} assets assessed under {} scenario(s); expected cost {}.</source>
        <translation>{} équipements évalués selon {} scénario(s) ; coût attendu {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="573"/>
        <source>The layers are in the group “{}”.</source>
        <translation>Les couches sont dans le groupe « {} ».</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="686"/>
        <source>Expected cost over the scenarios (weighted by their probability): {}.</source>
        <translation>Coût attendu sur l’ensemble des scénarios (pondéré par leur probabilité) : {}.</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="793"/>
        <source>{} asset(s) change from {} to {}.</source>
        <translation>{} équipement(s) changent entre « {} » et « {} ».</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="795"/>
        <source>: </source>
        <translation> : </translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="720"/>
        <source>(unknown vendor)</source>
        <translation>(fournisseur inconnu)</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Replacement</source>
        <translation>Remplacement</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Stranded</source>
        <translation>Valeur perdue</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="170"/>
        <source>Replacement plus stranded value</source>
        <translation>Remplacement plus valeur perdue</translation>
    </message>
    <message>
        <location filename="../ui/dock.py" line="671"/>
        <source>{} — probability {}</source>
        <translation>{} — probabilité {}</translation>
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
        <location filename="../ui/dock.ui" line="192"/>
        <source>Run assessment</source>
        <translation>Lancer l’évaluation</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="202"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="242"/>
        <source>Summary</source>
        <translation>Synthèse</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="248"/>
        <source>No assessment yet: run one in the Assess tab.</source>
        <translation>Aucune évaluation pour l’instant : lancez-en une dans l’onglet Évaluer.</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="360"/>
        <source>Council report (PDF and PNG)…</source>
        <translation>Rapport pour le conseil municipal (PDF et PNG)…</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="363"/>
        <source>A one-page map report of the scenario shown on the map</source>
        <translation>Un rapport cartographique d’une page sur le scénario affiché</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="371"/>
        <source>Vendors</source>
        <translation>Fournisseurs</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="377"/>
        <source>Top vendors by exposure (replacement cost and stranded value) under the scenario on the map:</source>
        <translation>Principaux fournisseurs par exposition (coût de remplacement et valeur résiduelle perdue) dans le scénario affiché :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="409"/>
        <source>Select and zoom to the vendor&apos;s assets</source>
        <translation>Sélectionner les équipements du fournisseur et zoomer dessus</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="494"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="454"/>
        <source>Assets whose status changes from scenario A to scenario B (becomes incompatible, must be removed, sanction level rises...) are written to a new layer in the run&apos;s group.</source>
        <translation>Les équipements dont la situation change entre le scénario A et le scénario B (deviennent incompatibles, doivent être retirés, niveau de sanction en hausse…) sont écrits dans une nouvelle couche du groupe de l’évaluation.</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="469"/>
        <source>From (A):</source>
        <translation>De (A) :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="479"/>
        <source>To (B):</source>
        <translation>À (B) :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="258"/>
        <source>Assets by sanction level, and incompatible assets:</source>
        <translation>Équipements par niveau de sanction, et équipements incompatibles :</translation>
    </message>
    <message>
        <location filename="../ui/dock.ui" line="287"/>
        <source>What each scenario costs (replacement and stranded book value):</source>
        <translation>Ce que coûte chaque scénario (remplacement et valeur comptable perdue) :</translation>
    </message>
</context>
<context>
    <name>VendorRiskPlugin</name>
    <message>
        <location filename="../plugin.py" line="47"/>
        <source>Vendor Risk</source>
        <translation>Vendor Risk</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="49"/>
        <source>Vendor Risk panel</source>
        <translation>Panneau Vendor Risk</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="54"/>
        <source>Assess asset layers, read the results on the map, compare scenarios, print a council report</source>
        <translation>Évaluer des couches d’équipements, lire les résultats sur la carte, comparer des scénarios, imprimer un rapport pour le conseil municipal</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="61"/>
        <source>Tag assets by vendor…</source>
        <translation>Identifier le fournisseur des équipements…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="63"/>
        <source>Assess vendor risk (Processing)…</source>
        <translation>Évaluer le risque fournisseurs (Traitements)…</translation>
    </message>
</context>
<context>
    <name>VendorRiskReport</name>
    <message>
        <location filename="../gis/report.py" line="155"/>
        <source>{} holds no scenario &apos;{}&apos; (it has: {})</source>
        <translation>{} ne contient pas de scénario « {} » (il contient : {})</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="164"/>
        <source>Assets assessed</source>
        <translation>Équipements évalués</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="165"/>
        <source>Sanction level 3 — removal</source>
        <translation>Niveau de sanction 3 — retrait</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="166"/>
        <source>Sanction level 2 — restricted</source>
        <translation>Niveau de sanction 2 — restreint</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="167"/>
        <source>Sanction level 1 — watch</source>
        <translation>Niveau de sanction 1 — vigilance</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="168"/>
        <source>Sanction level 0 — none</source>
        <translation>Niveau de sanction 0 — aucun</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="169"/>
        <source>Incompatible assets</source>
        <translation>Équipements incompatibles</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="170"/>
        <source>Assets to replace</source>
        <translation>Équipements à remplacer</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="171"/>
        <source>Replacement cost</source>
        <translation>Coût de remplacement</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="172"/>
        <source>Stranded value</source>
        <translation>Valeur résiduelle perdue</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="176"/>
        <source>Expected cost, all scenarios</source>
        <translation>Coût attendu, tous scénarios</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="183"/>
        <source>Vendor risk — {}</source>
        <translation>Risque fournisseurs — {}</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="188"/>
        <source>Vendor Risk {} · catalog {} (as of {}) · scenarios: {} · run {} · file {}</source>
        <translation>Vendor Risk {} · catalogue {} (au {}) · scénarios : {} · évaluation du {} · fichier {}</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="194"/>
        <source>Vendor</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="194"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="194"/>
        <source>Assets</source>
        <translation>Équipements</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="194"/>
        <source>Exposure</source>
        <translation>Exposition</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="263"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="276"/>
        <source>Key figures</source>
        <translation>Chiffres clés</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="322"/>
        <source>cannot open the layer risk_{} in {}</source>
        <translation>impossible d’ouvrir la couche risk_{} dans {}</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="67"/>
        <source>Low</source>
        <translation>Faible</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="68"/>
        <source>Medium</source>
        <translation>Moyen</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="69"/>
        <source>High</source>
        <translation>Élevé</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="70"/>
        <source>Critical</source>
        <translation>Critique</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="71"/>
        <source>Incompatible (×)</source>
        <translation>Incompatible (×)</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="72"/>
        <source>0 — none</source>
        <translation>0 — aucun</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="73"/>
        <source>1 — watch</source>
        <translation>1 — vigilance</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="74"/>
        <source>2 — restricted</source>
        <translation>2 — restreint</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="75"/>
        <source>3 — removal</source>
        <translation>3 — retrait</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="173"/>
        <source>Total cost</source>
        <translation>Coût total</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="184"/>
        <source>{}Jurisdiction {}, reference date {}. Colour: risk band; ×: incompatible under the scenario.</source>
        <translation>{}Droit applicable {}, date de référence {}. Couleur : niveau de risque ; × : incompatible dans ce scénario.</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="280"/>
        <source>Top vendors by exposure</source>
        <translation>Principaux fournisseurs par exposition</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="174"/>
        <source>Cost range (P50 – P90)</source>
        <translation>Fourchette de coût (P50 – P90)</translation>
    </message>
    <message>
        <location filename="../gis/report.py" line="178"/>
        <source>(unknown vendor)</source>
        <translation>(fournisseur inconnu)</translation>
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
        <location filename="../gis/tasks.py" line="157"/>
        <source>the algorithm {} is not available: is the Vendor Risk plugin enabled?</source>
        <translation>l’algorithme {} n’est pas disponible : l’extension Vendor Risk est-elle activée ?</translation>
    </message>
    <message>
        <location filename="../gis/tasks.py" line="171"/>
        <source>the algorithm could not start</source>
        <translation>l’algorithme n’a pas pu démarrer</translation>
    </message>
    <message>
        <location filename="../gis/tasks.py" line="114"/>
        <source>an unexpected error ({}); the details are in the log, tab “Vendor Risk”</source>
        <translation>une erreur inattendue ({}) ; le détail est dans le journal, onglet « Vendor Risk »</translation>
    </message>
</context>
</TS>
