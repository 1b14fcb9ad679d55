"""The enumeration files under resources/enums/ and the loader's checks."""

from __future__ import annotations

import json
import re

import pytest

from casework.enums import (
    EnumerationError,
    available,
    enumeration,
    parse,
)
from casework.resources import resource_dir

# The exact codes other code depends on: renaming one must fail here first.
_CLASSIFIER = json.loads((resource_dir() / "enums" / "sources" / "classifier-z0643-20.json").read_text(encoding="utf-8"))
EXPECTED_CODES: dict[str, list[str]] = {
    "circumstance_factors": (
        "old_age mobility_memory_loss chronic_illness mental_disorders disability "
        "homelessness unemployment low_income child_behaviour_divorce parental_neglect "
        "social_isolation child_abuse gender_violence domestic_violence trafficking "
        "war_harm"
    ).split(),
    "household_categories": (
        "with_children idp low_income child_disability large_family single_parent "
        "foster_guardians returned_from_institution military_family"
    ).split(),
    "visit_types": "initial assessment monitoring crisis joint remote closure follow_up".split(),
    # The classifier's codes as the repository ships them with their source (test_services_classifier.py).
    "services": [i["code"] for i in _CLASSIFIER["items"]],
    "exploitation_forms": (
        "forced_labour sexual crime begging armed_conflict organ_removal child_sale other"
    ).split(),
    "person_roles": "mother father child grandparent guardian other".split(),
    "sexes": "female male".split(),
    "visit_places": "home office remote".split(),
    "identification_ways": "application appeal notification".split(),
    "closure_reasons": (
        "goals_achieved moved_away refused_services transferred came_of_age death other"
    ).split(),
    # Subgroup A is a qualifier of group I (persons.disability_subgroup_a), not a group.
    "disability_groups": "group_1 group_2 group_3 child".split(),
    "consent_purposes": "data_processing social_services data_sharing photos".split(),
    "referral_outcomes": "pending accepted completed refused no_response".split(),
    "case_levels": "simple medium complex emergency".split(),
    "findings_three_way": "no_problems problems unknown".split(),
    "duration_bands": "days weeks months up_to_year years".split(),
}

# Items domain.md marks *verify* (not read in the source itself).
EXPECTED_VERIFY: dict[str, set[str]] = {
    "circumstance_factors": set(EXPECTED_CODES["circumstance_factors"][8:]),
    "services": {i["code"] for i in _CLASSIFIER["items"] if not i["confirmed_name"]},
    "closure_reasons": set(EXPECTED_CODES["closure_reasons"]),
    "case_levels": set(EXPECTED_CODES["case_levels"]),
    "duration_bands": set(EXPECTED_CODES["duration_bands"]),
}

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Labels use the Ukrainian apostrophe U+02BC only, so a search or a sort sees one form.
OTHER_APOSTROPHES = re.compile("['\u2019\u2018`\u00b4]")


def test_every_expected_file_is_shipped() -> None:
    assert set(EXPECTED_CODES) <= set(available())


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_file_loads_with_the_exact_codes(name: str) -> None:
    enum = enumeration(name)
    assert enum.name == name
    assert enum.version == ("2026.3" if name == "services" else "2026.1")  # services: rebuilt from the classifier
    assert enum.source.strip()
    assert list(enum.codes) == EXPECTED_CODES[name]
    assert len(set(enum.codes)) == len(enum.codes)


@pytest.mark.parametrize("name", available())
def test_labels_are_present_and_ukrainian(name: str) -> None:
    for item in enumeration(name).items:
        uk, en = item.label("uk"), item.label("en")
        assert uk.strip() and en.strip(), item.code
        assert uk == uk.strip() and en == en.strip(), item.code
        assert CYRILLIC.search(uk), f"{name}.{item.code}: uk label without Cyrillic: {uk!r}"
        assert not CYRILLIC.search(en), f"{name}.{item.code}: en label with Cyrillic: {en!r}"
        assert uk[0].isupper() or uk[0].isdigit(), f"{name}.{item.code}: not sentence case"
        assert not OTHER_APOSTROPHES.search(uk), f"{name}.{item.code}: apostrophe {uk!r}"


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_verify_marks_follow_domain_md(name: str) -> None:
    marked = {item.code for item in enumeration(name).items if item.verify}
    assert marked == EXPECTED_VERIFY.get(name, set())


def test_raw_files_are_well_formed_json_with_known_keys() -> None:
    for path in sorted((resource_dir() / "enums").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"name", "version", "source", "items"}, path.name
        assert data["version"] and data["source"], path.name
        assert data["name"] == path.stem
        for raw in data["items"]:
            assert set(raw) <= {"code", "uk", "en", "verify", "description_uk", "description_en",
                             "code_source", "name_source", "system_id"}
            assert raw.get("verify", True) is True, "write verify only when true"


def test_service_descriptions_are_kept_as_extra() -> None:
    services = enumeration("services")
    home_care = services.item("015.1")
    assert home_care.label("uk") == "Догляд вдома"
    assert home_care.extra["description_uk"]
    assert home_care.extra["description_en"]


def test_label_of_a_withdrawn_code_is_the_code() -> None:
    assert enumeration("visit_types").label("no_such_type", "uk") == "no_such_type"
    assert "crisis" in enumeration("visit_types")
    assert "no_such_type" not in enumeration("visit_types")


def _doc(*items: dict[str, object]) -> dict[str, object]:
    return {"name": "t", "version": "1", "source": "test", "items": list(items)}


def test_parse_accepts_a_good_document() -> None:
    enum = parse(_doc({"code": "a", "uk": "а", "en": "a", "verify": True, "note": "x"}))
    assert enum.codes == ("a",)
    assert enum.items[0].verify is True
    assert enum.items[0].extra == {"note": "x"}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_doc({"code": "a", "uk": "а"}), "needs labels"),
        (_doc({"code": "a", "en": "a"}), "needs labels"),
        (_doc({"code": "a", "uk": "", "en": "a"}), "needs labels"),
        (_doc({"code": "a", "uk": "а", "en": "a"}, {"code": "a", "uk": "б", "en": "b"}), "twice"),
        (_doc({"uk": "а", "en": "a"}), "no code"),
        (_doc({"code": "", "uk": "а", "en": "a"}), "no code"),
        ({"name": "t", "items": []}, "lacks"),
        ({"version": "1", "items": []}, "lacks"),
        ({"name": "t", "version": "1"}, "lacks"),
        ([], "lacks"),
        ({"name": "t", "version": "1", "items": "abc"}, "must be a list"),
        (_doc("not an object"), "not an object"),
    ],
)
def test_parse_rejects_malformed_input(data: object, message: str) -> None:
    with pytest.raises(EnumerationError, match=message):
        parse(data)  # type: ignore[arg-type]


def test_missing_file_is_an_enumeration_error() -> None:
    with pytest.raises(EnumerationError, match="cannot read"):
        enumeration("no_such_enumeration")
