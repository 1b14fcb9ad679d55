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
                       ("010.2", "Соціальний супровід сімей, у яких виховуються діти-сироти і діти, позбавлені батьківського піклування"),
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


def test_a_name_not_read_in_the_order_says_so_where_the_caseworker_picks_it() -> None:
    """An unconfirmed name (a candidate read without its code, or a sub-kind) is marked in the label itself."""
    services = enumeration("services")
    marks = {"uk": ("(назву не звірено з наказом)", "вид уточнюється)"),
             "en": ("(name not checked against the order)", "kind to be confirmed)")}
    unconfirmed = [i for i in services.items if i.verify]
    assert len(unconfirmed) == 17
    for item in unconfirmed:
        for lang, words in marks.items():
            assert item.label(lang).endswith(words), (item.code, lang)
    for item in services.items:
        if not item.verify:
            assert not any(item.label(lang).endswith(words) for lang, words in marks.items()), item.code
    # Candidates read in the state system's print forms carry their name and the reason it is not confirmed.
    assert services.label("006.0", "uk").startswith("Соціальна профілактика")
    assert services.label("007.0", "uk").startswith("Догляд та виховання дітей в умовах, наближених до сімейних")
    assert services.label("015.4", "uk").startswith("Паліативний догляд")
    for code in ("006.0", "007.0", "009.1", "009.2", "015.3.1", "015.4"):
        assert services.item(code).extra["name_source"].startswith("candidate, not confirmed"), code


def test_the_state_systems_ids_follow_the_register_and_agree_where_a_code_is_named() -> None:
    """ЄІССС lists the same 37 services by its own ids 401-443; the two ids its code names by classifier code
    (418 for 010.2, 420 for 012.0) stand where the register puts those codes."""
    services = enumeration("services")
    ids = [i.extra["system_id"] for i in services.items]
    assert len(set(ids)) == 37 and ids == sorted(ids) and ids[0] == 401 and ids[-1] == 443
    assert services.item("010.2").extra["system_id"] == 418
    assert services.item("012.0").extra["system_id"] == 420
    classifier = _load("classifier-z0643-20.json")
    assert [i["system_id"] for i in classifier["items"]] == ids
    assert "CMES$ACT_SHDR" in services.item("010.2").extra["name_source"]
