"""The words of the per-asset `reasons` text, in English and French.

Only the connecting words are translated: list names, scope notes, vendor and standard names
stay as the catalog writes them (they are sourced facts, quoted)."""

from ..labels import LANGUAGES

_NB = "\u00a0"  # French puts a no-break space before : and ; and inside « »

_PHRASES = {
    "level.0": ("none", "aucun"),
    "level.1": ("watch", "vigilance"),
    "level.2": ("restricted", "restreint"),
    "level.3": ("removal", "retrait"),
    "vendor_unknown": (
        "vendor unknown: exposure cannot be assessed",
        f"fournisseur inconnu{_NB}: exposition impossible à évaluer",
    ),
    "via_parent": (" (through {name}, its parent)", " (par {name}, sa maison mère)"),
    "via_owner": (
        " (through {name}, its owner from {start} to {end}, when it was installed)",
        " (par {name}, son propriétaire de {start} à {end}, à son installation)",
    ),
    "since": ("since {date}", "depuis le {date}"),
    "out_of_scope": (
        "{list}{via} {since}, but its scope ({scope}) excludes {asset_class}: watch",
        f"{{list}}{{via}} {{since}}, mais son champ ({{scope}}) exclut {{asset_class}}{_NB}: vigilance",
    ),
    "listed": (
        "{list} ({jurisdiction}, {level}){via} {since}",
        "{list} ({jurisdiction}, {level}){via} {since}",
    ),
    "listed_elsewhere": (
        "listed elsewhere: {list} ({jurisdiction}){via} {since}: watch",
        f"inscrit ailleurs{_NB}: {{list}} ({{jurisdiction}}){{via}} {{since}}{_NB}: vigilance",
    ),
    "cut_list": ("{list}{via} {since}", "{list}{via} {since}"),
    "relabels": (
        "relabels {maker} equipment (documented OEM): {reason}",
        f"revend sous sa marque du matériel {{maker}} (OEM documenté){_NB}: {{reason}}",
    ),
    "maker_cut": ("maker {maker}: {reason}", f"fabricant {{maker}}{_NB}: {{reason}}"),
    "reported_oem": (
        "reported OEM of {maker} ({status}, not a listing): watch",
        f"OEM signalé de {{maker}} ({{status}}, pas une inscription){_NB}: vigilance",
    ),
    "other_bloc": (
        "headquartered in the {bloc} bloc, which stops supporting the {city_bloc} bloc",
        "siège dans le bloc {bloc}, qui cesse de prendre en charge le bloc {city_bloc}",
    ),
    "on_no_list": ("{vendor}: on no list", f"{{vendor}}{_NB}: sur aucune liste"),
    "vendor_facts": ("{vendor}: {facts}", f"{{vendor}}{_NB}: {{facts}}"),
    "separator": ("; ", f"{_NB}; "),
    "escalated": (
        "; removal by {deadline} under this scenario",
        f"{_NB}; retrait d’ici le {{deadline}} dans ce scénario",
    ),
    "support_ends": ("vendor support ends ({reason})", "fin du support du fournisseur ({reason})"),
    "no_standard": ("no catalogued standard to check", "aucune norme cataloguée à vérifier"),
    "still_supported": (
        "{names} still supported in the {bloc} bloc",
        "{names} toujours pris en charge dans le bloc {bloc}",
    ),
    "none_supported": (
        "none of its standards ({names}) is supported in the {bloc} bloc",
        "aucune de ses normes ({names}) n’est prise en charge dans le bloc {bloc}",
    ),
    "compatible": ("compatible: {why}", f"compatible{_NB}: {{why}}"),
    "incompatible": ("incompatible: {why}", f"incompatible{_NB}: {{why}}"),
    "forced_removal": (
        "removal mandated: replaced in {year} under '{scenario}'",
        f"retrait imposé{_NB}: remplacé en {{year}} dans le scénario «{_NB}{{scenario}}{_NB}»",
    ),
    "forced_incompatible": (
        "incompatible: replaced in {year} under '{scenario}'",
        f"incompatible{_NB}: remplacé en {{year}} dans le scénario «{_NB}{{scenario}}{_NB}»",
    ),
    "not_enforced": ("not enforced in this scenario", "non appliqué dans ce scénario"),
    "cascade": (
        "wired to platform {platform} by a proprietary protocol: re-integration when it is removed",
        f"relié à la plateforme {{platform}} par un protocole propriétaire{_NB}: réintégration à son retrait",
    ),
    "cost_assumed": (
        "unit cost: class default (assumed)",
        f"coût unitaire{_NB}: valeur par défaut de la catégorie (supposée)",
    ),
    "year_assumed": (
        "install year unknown: assumed new",
        f"année d’installation inconnue{_NB}: supposé neuf",
    ),
}


def check_language(lang):
    """`lang` if the reasons can be written in it, else a ValueError naming the choices."""
    if lang not in LANGUAGES:
        raise ValueError(f"language '{lang}' is not one of {', '.join(LANGUAGES)}")
    return lang


def phrase(key, lang="en", **values):
    """The phrase `key` in `lang`, its {placeholders} filled from `values`."""
    text = _PHRASES[key][LANGUAGES.index(lang)]
    return text.format(**values) if values else text
