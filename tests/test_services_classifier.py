"""The services list against the Classifier of social services as the repository ships it with its
source (resources/enums/sources/classifier-z0643-20.json), and the mapping of the old, guessed codes."""

from __future__ import annotations

import json
import re

from casework.enums import enumeration
from casework.resources import resource_dir

SOURCES = resource_dir() / "enums" / "sources"


def _load(name: str) -> dict:
    return json.loads((SOURCES / name).read_text(encoding="utf-8"))


def test_every_classifier_code_is_listed_with_its_name_and_source() -> None:
    classifier = _load("classifier-z0643-20.json")
    assert classifier["extracted_from"]["lines"] and classifier["extracted_from"]["commit"]
    services = enumeration("services")
    assert services.codes == tuple(i["code"] for i in classifier["items"])
    assert len(services.codes) == 37 and len(set(services.codes)) == 37
    for item in classifier["items"]:
        listed = services.item(item["code"])
        assert re.fullmatch(r"\d{3}\.\d(\.\d)?", listed.code)
        assert listed.label("uk") == item["uk"], item["code"]
        assert listed.label("en") and listed.label("en") != listed.label("uk")
        assert listed.extra["code_source"] and listed.extra["name_source"]
        # A name not read in a source says so, in the list and in the source copy alike.
        assert listed.verify is (not item["confirmed_name"]), item["code"]


def test_the_codes_the_issue_names_are_right() -> None:
    services = enumeration("services")
    assert services.label("019.0", "uk") == "Натуральна допомога"
    assert services.label("012.0", "uk") == "Екстрене (кризове) втручання"  # as the state system names it
    assert services.label("013.0", "uk") == "Соціальна адаптація"
    assert "009.0" not in services  # supported living has only sub-codes


def test_the_names_the_state_systems_print_forms_give_are_confirmed() -> None:
    """Names read in ЄІССС's own print forms (Ivasteel/IOC), which name a service by its code."""
    services = enumeration("services")
    for code, name in (("010.1", "Соціальний супровід сімʼї (особи), яка перебуває у складних життєвих обставинах"),
                       ("010.2", "Соціальний супровід прийомних сімей і дитячих будинків сімейного типу"),
                       ("015.2", "Стаціонарний догляд"), ("018.1", "Тимчасовий відпочинок для батьків або осіб, які їх замінюють"),
                       ("020.0", "Супровід під час інклюзивного навчання"), ("021.0", "Фізичний супровід"),
                       ("022.0", "Переклад жестовою мовою")):
        item = services.item(code)
        assert (item.label("uk"), item.verify) == (name, False), code
        assert "Ivasteel/IOC" in item.extra["name_source"] and "USS_ESR" in item.extra["name_source"], code
    # The old code of social support of families maps onto the support of families, not of foster families.
    mapping = _load("services-2026.1-to-2026.2.json")["map"]
    assert services.label(mapping["011.0"], "uk").startswith("Соціальний супровід сімʼї")
    assert services.item(mapping["005.0"]).verify  # prevention's code: still not confirmed, and marked so


def test_every_old_code_maps_onto_a_listed_code_once() -> None:
    mapping = _load("services-2026.1-to-2026.2.json")["map"]
    services = enumeration("services")
    assert len(mapping) == 13
    assert all(new in services for new in mapping.values())
    assert mapping["006.0"] == "019.0" and mapping["019.0"] == "014.0"  # applied once, never chained
