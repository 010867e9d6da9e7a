"""The output contract: every layer, table and column the algorithms write, declared once.

Each column has a name, a kind (one of KINDS: the writers, readers and QGIS field types map
these and nothing else), whether it may be NULL, and its label in English and French (the
workbook's headers). `OUTPUTS` says which algorithm writes which output. Writers, readers, the
workbook and the layer styles are checked against this module by tests/test_schema.py.

Input fields travel with the assets under their own names; where one would collide with a
column declared here it is kept as `<name>_input` (input_renames).
"""

from dataclasses import dataclass

KINDS = ("str", "int", "int64", "float", "bool", "date", "datetime", "binary")
RESERVED = ("fid", "geom")  # the GeoPackage's own key and geometry columns


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    en: str = ""
    fr: str = ""
    nullable: bool = False
    label_key: str = ""  # for table columns: the workbook's header key in risk/labels.py


@dataclass(frozen=True)
class Output:
    name: str  # "risk_{scenario}" for one layer per scenario
    kind: str  # "layer" (geometry when the input has one) or "table"
    columns: tuple
    writers: tuple  # the algorithms that write it
    with_inputs: bool = False  # the input layer's own fields come before `columns`...
    lead: int = 0  # ...but after the first `lead` of them

    def names(self):
        return tuple(c.name for c in self.columns)

    def kinds(self):
        return {c.name: c.kind for c in self.columns}


def _c(name, kind, en="", fr="", nullable=False):
    return Column(name, kind, en, fr, nullable)


def _t(prefix, name, kind, nullable=False, key=""):
    """A table column whose header is the workbook's `<prefix>.<name>` label (or `key`)."""
    return Column(name, kind, nullable=nullable, label_key=key or (f"{prefix}.{name}" if prefix else ""))


SOURCE_LAYER = _c("source_layer", "str", "Layer", "Couche")
# Every layer's id field under one name (NULL where an asset has none): the key people search by.
ASSET_ID = _c("asset_id", "str", "Asset id", "Identifiant", nullable=True)

# Columns tagassets adds to a layer (and assessrisk to each risk layer), in order.
TAG = (
    _c("vendor_id", "str", "Vendor id", "Id fournisseur"),
    _c("vendor_name", "str", "Vendor (identified)", "Fournisseur (identifié)"),
    _c("parent_id", "str", "Parent group", "Groupe"),
    _c("vendor_country", "str", "Vendor country", "Pays du fournisseur"),
    _c("match_method", "str", "Match method", "Méthode d'identification"),
    _c("match_confidence", "float", "Match confidence", "Confiance"),
    _c("needs_review", "bool", "To review", "À vérifier"),
    _c("oem_maker_id", "str", "OEM maker", "Fabricant d'origine (OEM)"),
    _c("oem_status", "str", "OEM status", "Statut OEM"),
    _c("asset_class", "str", "Asset class", "Classe d'équipement"),
    _c("standards", "str", "Standards", "Normes"),
    _c("standards_assumed", "bool", "Standards assumed", "Normes supposées"),
    _c("match_note", "str", "Match note", "Note d'identification"),
    _c("vendor_ids", "str", "Makers named (ids)", "Fabricants nommés (ids)"),
)
# The columns that say a layer is already tagged (its tags are then kept, not recomputed).
TAGGED_BY = ("vendor_id", "asset_class", "standards")

# Columns assessrisk computes per asset and scenario, in order.
RESULT = (
    _c("scenario_id", "str", "Scenario", "Scénario"),
    _c("sanction_level", "int", "Sanction level", "Niveau de sanction"),
    _c("sanction_lists", "str", "Lists", "Listes"),
    _c("removal_deadline", "str", "Removal deadline", "Échéance de retrait"),
    _c("compatible", "bool", "Compatible", "Compatible"),
    _c("forced", "bool", "Forced replacement", "Remplacement forcé"),
    _c("forced_year", "int", "Replacement year", "Année de remplacement", nullable=True),
    _c("purchase_value", "float", "Purchase value ({cur})", "Valeur d'achat ({cur})"),
    _c("replacement_cost", "float", "Replacement cost ({cur})", "Coût de remplacement ({cur})"),
    _c("reintegration_cost", "float", "Re-integration cost ({cur})", "Coût de ré-intégration ({cur})"),
    _c("stranded_value", "float", "Stranded value ({cur})", "Valeur perdue ({cur})"),
    _c("lockin_ratio", "float", "Lock-in ratio", "Ratio de verrouillage"),
    _c("risk_score", "float", "Risk score", "Score de risque"),
    _c("risk_band", "str", "Risk band", "Niveau de risque"),
    _c("cost_assumed", "bool", "Cost assumed", "Coût supposé"),
    _c("reasons", "str", "Reasons", "Raisons"),
)

VENDOR_SUMMARY = (
    _t("v", "scenario_id", "str", key="v.scenario"),
    _t("v", "vendor_id", "str"),
    _t("v", "vendor_name", "str", key="v.vendor"),
    _t("v", "parent_id", "str"),
    _t("v", "country", "str"),
    _t("v", "assets", "int64"),
    _t("v", "units", "float"),
    _t("v", "sanction_level", "int64"),
    _t("v", "sanction_lists", "str"),
    _t("v", "assets_forced", "int64"),
    _t("v", "incompatible", "int64"),
    _t("v", "purchase_value", "float"),
    _t("v", "replacement_cost", "float"),
    _t("v", "stranded_value", "float"),
    _t("v", "exposure", "float"),
    _t("v", "exit_cost", "float"),
    _t("v", "cascade_cost", "float"),
    _t("v", "switching_cost", "float"),
)
SCENARIO_SUMMARY = (
    _t("", "scenario_id", "str"),
    _t("", "scenario_name", "str", key="sum.scenario"),
    _t("sum", "probability", "float"),
    _t("sum", "assets", "int64"),
    _t("sum", "level_0", "int64"),
    _t("sum", "level_1", "int64"),
    _t("sum", "level_2", "int64"),
    _t("sum", "level_3", "int64"),
    _t("sum", "incompatible", "int64"),
    _t("sum", "forced", "int64"),
    _t("", "reintegrated", "int64"),
    _t("", "purchase_value", "float"),
    _t("sum", "replacement_cost", "float"),
    _t("sum", "reintegration_cost", "float"),
    _t("sum", "stranded_value", "float"),
    _t("sum", "total_cost", "float"),
    _t("sum", "p50_cost", "float"),
    _t("sum", "p90_cost", "float"),
    _t("", "mean_risk_score", "float"),
    _t("", "weight", "float", key="sc.weight"),
    _t("", "expected_cost", "float"),
)
RUN_INFO = (_t("", "key", "str"), _t("", "value", "str"))
DATA_ISSUES = (
    _t("", "asset_id", "str"),
    _t("", "field", "str"),
    _t("", "value", "str"),
    _t("", "message", "str"),
)
MATCH_REVIEW = (
    _t("", "raw", "str"),
    _t("", "field", "str"),
    _t("", "vendor_id", "str"),
    _t("", "count", "int64"),
    _t("", "match_method", "str"),
    _t("", "match_confidence", "float"),
    _t("", "suggested_vendor_id", "str", nullable=True),
    _t("", "example_model", "str"),
    _t("", "note", "str"),
)

OUTPUTS = {
    o.name: o
    for o in (
        Output("tagged_assets", "layer", TAG, ("tagassets",), with_inputs=True),
        Output(
            "risk_{scenario}",
            "layer",
            (SOURCE_LAYER, ASSET_ID, *TAG, *RESULT),
            ("assessrisk",),
            with_inputs=True,
            lead=2,
        ),
        Output("vendor_summary", "table", VENDOR_SUMMARY, ("assessrisk",)),
        Output("scenario_summary", "table", SCENARIO_SUMMARY, ("assessrisk",)),
        Output("run_info", "table", RUN_INFO, ("assessrisk",)),
        Output("data_issues", "table", DATA_ISSUES, ("assessrisk",)),
        Output("match_review", "table", MATCH_REVIEW, ("tagassets", "assessrisk")),
    )
}
ASSESSMENT_TABLES = ("run_info", "scenario_summary", "vendor_summary")  # what makes an assessment

TAG_COLUMNS = tuple(c.name for c in TAG)
TAG_KINDS = {c.name: c.kind for c in TAG}
RESULT_FIELDS = tuple((c.name, c.kind) for c in RESULT)
RESULT_COLUMNS = tuple(c.name for c in RESULT)
RESULT_KINDS = dict(RESULT_FIELDS)
COMPUTED = frozenset((SOURCE_LAYER.name, ASSET_ID.name, *TAG_COLUMNS, *RESULT_COLUMNS))
BOOL_COLUMNS = tuple(c.name for c in (*TAG, *RESULT) if c.kind == "bool")
REVIEW_COLUMNS = tuple(c.name for c in MATCH_REVIEW)


def is_tagged(names):
    """Whether a layer or frame with these field names is already tagged."""
    names = set(names)
    return all(c in names for c in TAGGED_BY)


def column_labels():
    """{"col.<name>": (English, French)} for every per-asset column (the workbook's headers)."""
    return {f"col.{c.name}": (c.en, c.fr) for c in (SOURCE_LAYER, ASSET_ID, *TAG, *RESULT)}


def input_renames(input_names, output_names, replaced=()):
    """{input name: name it is written under} for the input fields that would collide with an
    output field (case-insensitively), or with a reserved column. `replaced` names input
    fields that the outputs supersede (a tagged layer's old tags): they are dropped, not kept,
    and are absent from the mapping."""
    taken = {n.lower() for n in output_names} | set(RESERVED)
    replaced = set(replaced)
    kept = [n for n in input_names if n not in replaced]
    used = taken | {n.lower() for n in kept}
    out = {}
    for name in kept:
        if name.lower() not in taken or name == "fid":  # "fid": the source's own feature key
            continue
        new, k = f"{name}_input", 2
        while new.lower() in used:
            new, k = f"{name}_input{k}", k + 1
        used.add(new.lower())
        out[name] = new
    return out
