import pytest
from vendor_risk.risk.tagging.fieldmap import FieldMappingError, detect_fields


def test_french_names_are_detected_whatever_the_case_and_accents():
    m = detect_fields(["Identifiant", "FABRICANT", "Marque", "Modèle", "Année", "Coût", "Nombre"])
    assert m["id"] == "Identifiant"
    assert m["manufacturer"] == "FABRICANT"
    assert m["brand"] == "Marque"
    assert m["model"] == "Modèle"
    assert m["install_year"] == "Année"
    assert m["unit_cost"] == "Coût"
    assert m["quantity"] == "Nombre"
    assert m["protocols"] is None


def test_english_names_and_first_candidate_wins():
    m = detect_fields(["asset_id", "id", "make", "vendor", "model", "installed", "qty", "vms"])
    assert m["id"] == "asset_id"
    assert m["manufacturer"] == "make"
    assert m["platform"] == "vms"


def test_override_wins_and_frees_nothing_twice():
    m = detect_fields(["maker_text", "make", "model"], {"manufacturer": "maker_text"})
    assert m["manufacturer"] == "maker_text"
    assert m["model"] == "model"


def test_override_naming_a_missing_field_is_a_clear_error():
    with pytest.raises(FieldMappingError, match="'constructeur_x'.*manufacturer"):
        detect_fields(["make"], {"manufacturer": "constructeur_x"})
