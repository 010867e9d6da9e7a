"""The lists official files carry, as lists.csv rows: the ones the shipped catalog has keep its
row; the others (first met in an imported file) get the row below, citing the authority's page."""

READ = "2026-12-04"

CSL_URL = "https://www.trade.gov/consolidated-screening-list"

# list_id -> lists.csv row (without list_id). Levels: 3 removal, 2 procurement/funding ban or
# asset freeze (a city may not pay a designated party), 1 export control or watch.
LISTS = {
    "us_bis_meu": dict(
        jurisdiction="US",
        name="BIS Military End-User List",
        authority="US Department of Commerce, Bureau of Industry and Security",
        measure="Export control: a licence is required to export listed items subject to the EAR "
        "to a listed military end user (15 CFR 744.21, Supplement No. 7 to Part 744).",
        level="1",
        note="Level 1: an export control on US suppliers; support and spare parts can be cut off.",
        source="15 CFR Part 744 Supplement No. 7 (eCFR, ecfr.gov); " + CSL_URL,
    ),
    "us_bis_unverified": dict(
        jurisdiction="US",
        name="BIS Unverified List",
        authority="US Department of Commerce, Bureau of Industry and Security",
        measure="Export control: parties whose bona fides BIS could not verify; exports need a "
        "UVL statement (15 CFR 744.15, Supplement No. 6 to Part 744).",
        level="1",
        note="Level 1: a watch list for exporters.",
        source="15 CFR Part 744 Supplement No. 6 (eCFR, ecfr.gov); " + CSL_URL,
    ),
    "us_ofac_sdn": dict(
        jurisdiction="US",
        name="OFAC Specially Designated Nationals and Blocked Persons List",
        authority="US Department of the Treasury, Office of Foreign Assets Control",
        measure="Blocking: US persons may not deal in property or interests of listed persons.",
        level="2",
        note="Level 2: a US city may not pay a blocked party, so it cannot buy from it.",
        source="https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists",
    ),
    "uk_sanctions": dict(
        jurisdiction="UK",
        name="UK Sanctions List (asset freeze)",
        authority="Foreign, Commonwealth and Development Office; HM Treasury (OFSI)",
        measure="Asset freeze under the Sanctions and Anti-Money Laundering Act 2018 regulations: "
        "no funds or economic resources may be made available to a designated person.",
        level="2",
        note="Level 2: a UK public body may not pay a designated person.",
        source="https://www.gov.uk/government/publications/the-uk-sanctions-list",
    ),
    "eu_fsf": dict(
        jurisdiction="EU",
        name="EU consolidated list of financial sanctions",
        authority="European Commission (Council regulations under Article 215 TFEU)",
        measure="Asset freeze: no funds or economic resources may be made available to a listed "
        "person or entity (each regulation in the Official Journal).",
        level="2",
        note="Level 2: an EU public body may not pay a listed entity.",
        source="https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions",
    ),
}

# The Consolidated Screening List's `source` names -> list_id (matched on the abbreviation in
# brackets, then on words, so that a renamed source still lands).
CSL_SOURCES = (
    ("(EL)", "entity list", "us_bis_entity"),
    ("(MEU)", "military end user", "us_bis_meu"),
    ("(UVL)", "unverified list", "us_bis_unverified"),
    ("(CMIC)", "military-industrial complex", "us_nscmic"),
    ("(SDN)", "specially designated nationals", "us_ofac_sdn"),
)


def csl_list(source):
    """The list_id of a CSL `source` text, or '' for the lists the catalog does not model
    (Denied Persons, ITAR debarred, non-proliferation, sectoral sanctions...)."""
    s = str(source or "")
    low = s.casefold()
    for abbreviation, words, list_id in CSL_SOURCES:
        if abbreviation.casefold() in low or words in low:
            return list_id
    return ""
