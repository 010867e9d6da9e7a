"""Where recordings are kept: free-text locations -> ISO country codes and country groups."""

EU = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split())
EEA = EU | {"IS", "LI", "NO"}
GROUPS = {"EU": EU, "EEA": EEA}
LOCAL = "LOCAL"  # "on the premises": resolves to the audited jurisdiction
JURISDICTION_COUNTRIES = {"FR": {"FR"}, "EU": set(EU), "UK": {"GB"}, "GB": {"GB"}, "US": {"US"}}

# Normalised (accent-free, lower-case) names and codes in English and French.
_NAMES = {
    "AT": "austria autriche aut",
    "BE": "belgium belgique bel",
    "BG": "bulgaria bulgarie bgr",
    "HR": "croatia croatie hrv",
    "CY": "cyprus chypre cyp",
    "CZ": "czechia czech_republic tchequie republique_tcheque cze",
    "DK": "denmark danemark dnk",
    "EE": "estonia estonie est",
    "FI": "finland finlande fin",
    "FR": "france fra",
    "DE": "germany allemagne deu",
    "GR": "greece grece grc el",
    "HU": "hungary hongrie hun",
    "IE": "ireland irlande irl",
    "IT": "italy italie ita",
    "LV": "latvia lettonie lva",
    "LT": "lithuania lituanie ltu",
    "LU": "luxembourg lux",
    "MT": "malta malte mlt",
    "NL": "netherlands pays-bas pays_bas nederland holland nld",
    "PL": "poland pologne pol",
    "PT": "portugal prt",
    "RO": "romania roumanie rou",
    "SK": "slovakia slovaquie svk",
    "SI": "slovenia slovenie svn",
    "ES": "spain espagne esp",
    "SE": "sweden suede swe",
    "IS": "iceland islande isl",
    "LI": "liechtenstein lie",
    "NO": "norway norvege nor",
    "CH": "switzerland suisse che",
    "GB": "united_kingdom royaume-uni royaume_uni uk great_britain gbr england angleterre",
    "US": "united_states etats-unis etats_unis usa united_states_of_america america amerique",
    "CN": "china chine chn prc republique_populaire_de_chine peoples_republic_of_china",
    "HK": "hong_kong hkg",
    "TW": "taiwan twn",
    "RU": "russia russie rus russian_federation",
    "JP": "japan japon jpn",
    "KR": "south_korea korea coree coree_du_sud kor",
    "IN": "india inde ind",
    "CA": "canada can",
    "SG": "singapore singapour sgp",
    "IL": "israel isr",
    "AE": "united_arab_emirates emirats_arabes_unis are uae",
    "TR": "turkey turquie tur turkiye",
    "BR": "brazil bresil bra",
    "AU": "australia australie aus",
}
_GROUP_NAMES = {
    "EU": "eu ue union_europeenne european_union europe",
    "EEA": "eea eee espace_economique_europeen european_economic_area",
    LOCAL: "local locaux sur_site on_site on_premises on-premises on_premise on-premise mairie "
    "hotel_de_ville csu cso local_technique serveur_local datacenter_municipal",
}


def _build_lookup():
    table = {}
    for code, names in list(_NAMES.items()) + list(_GROUP_NAMES.items()):
        table[code.lower()] = code
        for name in names.split():
            table[name] = code
            table[name.replace("_", " ")] = code
            table[name.replace("-", " ")] = code
    return table


LOOKUP = _build_lookup()


def country_code(text):
    """Normalised location text -> ISO code, 'EU'/'EEA' or LOCAL; None when not understood."""
    if not text:
        return None
    key = text.strip().lower()
    if key in LOOKUP:
        return LOOKUP[key]
    for sep in (",", "(", "/", " - "):  # 'Paris, France', 'OVH (FR)', 'FR / Roubaix'
        for part in key.replace(")", "").split(sep):
            if part.strip() in LOOKUP:
                return LOOKUP[part.strip()]
    return None


def allowed_codes(allowed, jurisdiction):
    """Expand a rule's allowed list ('EEA', 'JURISDICTION', 'CH'...) to a set of codes."""
    out = set()
    for item in allowed:
        item = str(item).strip().upper()
        if item == "JURISDICTION":
            codes = JURISDICTION_COUNTRIES.get(jurisdiction.upper(), {jurisdiction.upper()})
            out |= codes
            if codes >= EU:
                out.add("EU")
        elif item in GROUPS:
            out |= GROUPS[item] | {item}
            if item == "EEA":
                out.add("EU")
        else:
            out.add(item)
    return out


def local_code(jurisdiction):
    """What 'on the premises' means for a jurisdiction: its country, or the EU for 'EU'."""
    codes = JURISDICTION_COUNTRIES.get(jurisdiction.upper(), {jurisdiction.upper()})
    return next(iter(codes)) if len(codes) == 1 else "EU"
