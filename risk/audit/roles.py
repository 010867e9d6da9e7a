"""Field roles of the layers a camera audit reads, with the names auto-detected for each."""

from ..definitions import FIELD_ROLES

# Camera-specific roles first: detection is first-come, and these names are the precise ones.
# OpenStreetMap keys are included (field_key turns ':' into '_'). OSM `camera:angle` is the tilt
# from the horizontal, not the horizontal field of view, so it is deliberately not an angle name.
# OSM `surveillance:type` (camera / guard / ALPR) only says something about plate reading.
CAMERA_ROLES = {
    "direction": (
        "direction",
        "azimuth",
        "camera:direction",
        "orientation",
        "bearing",
        "azimut",
        "surveillance:direction",
    ),
    "angle": ("fov", "angle", "field_of_view", "hfov", "angle_de_vue", "champ_de_vision"),
    "range": ("range", "range_m", "portee", "distance", "portee_m"),
    "camera_type": ("camera:type", "camera_type", "type_camera", "camera:mount"),
    "authorisation": (
        "authorisation",
        "authorization",
        "auth_ref",
        "arrete",
        "arrete_prefectoral",
        "autorisation",
        "authorisation_ref",
    ),
    "retention": (
        "retention_days",
        "retention",
        "duree_conservation",
        "conservation",
        "duree_de_conservation",
    ),
    "biometric": (
        "face_recognition",
        "biometric",
        "reconnaissance_faciale",
        "biometrie",
        "facial_recognition",
    ),
    "plate_reading": ("lpr", "anpr", "alpr", "lapi", "plate_reading", "surveillance:type"),
    "audio": ("audio", "sound", "son", "micro", "microphone"),
    "storage_location": (
        "storage_country",
        "data_location",
        "hebergement",
        "storage_location",
        "pays_hebergement",
        "lieu_stockage",
    ),
    "signage": ("signage", "panneau", "affichage", "panneau_information", "signalisation"),
    "id": FIELD_ROLES["id"],
    "manufacturer": FIELD_ROLES["manufacturer"],
    "brand": FIELD_ROLES["brand"],
    "model": FIELD_ROLES["model"],
    "install_year": FIELD_ROLES["install_year"],
}

# Columns vendorrisk:assessrisk adds; present only when the user audits an assessed layer.
VENDOR_COLUMNS = ("sanction_level", "vendor_name", "sanction_lists", "removal_deadline")

SITE_ROLES = {
    "name": ("name", "nom", "libelle", "label", "site_name", "denomination"),
    "kind": ("categorie", "category", "kind", "amenity", "nature", "type", "site_type"),
}

DWELLING_ROLES = {
    "id": ("building_id", "batiment_id", "id", "ref", "identifiant", "osm_id"),
    "usage": ("usage", "building", "building:use", "use", "nature", "type", "categorie"),
}

DISTRICT_ROLES = {
    "name": ("nom", "name", "district", "quartier", "libelle", "district_name"),
    "id": ("district_id", "id", "code", "code_quartier", "ref"),
}

# Usage words (accent-free, lower case) that make a building a dwelling, or not one. A building
# whose usage matches neither list counts as a dwelling: a view into a home must not be missed.
RESIDENTIAL_WORDS = (
    "logement",
    "habitation",
    "habitat",
    "residenti",
    "residence",
    "house",
    "apartment",
    "dwelling",
    "maison",
    "immeuble",
    "flat",
    "detached",
    "terrace",
    "bungalow",
    "pavillon",
)
NON_RESIDENTIAL_WORDS = (
    "commerc",
    "retail",
    "shop",
    "office",
    "bureau",
    "industr",
    "equipement",
    "public",
    "school",
    "ecole",
    "college",
    "lycee",
    "church",
    "eglise",
    "worship",
    "culte",
    "hospital",
    "hopital",
    "warehouse",
    "entrepot",
    "garage",
    "parking",
    "mairie",
    "civic",
    "sport",
    "gymnase",
    "hangar",
    "agricol",
    "farm",
    "service",
    "administration",
)
