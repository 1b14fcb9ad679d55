"""Search inside words, across case endings and in Latin, with the matched words shown; rows that
tell families of one surname apart (issue 13)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from casework.translit import latin
from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.ui.caseload_model import COL_CHILDREN, COL_FAMILY, COL_FOUND, MarksRole
from fieldapp.ui.caseload_view import CaseloadView
from tests.factories import household, person, visit
from tests.test_ui_caseload import type_text

FIXTURES = Path(__file__).parent / "fixtures"


def test_official_transliteration_of_the_resolutions_examples():
    # Examples printed in the table of CMU resolution No. 55 of 27.01.2010.
    examples = {
        "Алушта": "alushta", "Борщагівка": "borshchahivka", "Вишгород": "vyshhorod", "Гадяч": "hadiach",
        "Згорани": "zghorany", "Ґалаґан": "galagan", "Рівне": "rivne", "Єнакієве": "yenakiieve",
        "Наталія": "nataliia", "Житомир": "zhytomyr", "Закарпаття": "zakarpattia", "Іршава": "irshava",
        "Їжакевич": "yizhakevych", "Кадиївка": "kadyivka", "Йосипівка": "yosypivka", "Стрий": "stryi",
        "Олексій": "oleksii", "Київ": "kyiv", "Миколаїв": "mykolaiv", "Харків": "kharkiv",
        "Біла Церква": "bila tserkva", "Чернівці": "chernivtsi", "Гоща": "hoshcha", "Юрій": "yurii",
        "Крюківка": "kriukivka", "Яготин": "yahotyn", "Ічня": "ichnia", "Розгон": "rozghon",
        "Знам'янка": "znamianka", "Знамʼянка": "znamianka",
    }
    assert {uk: latin(uk) for uk in examples} == examples


@pytest.fixture
def families(store):
    def write(tx):
        made = {}
        for given, children in (("Олена", ["2019-04-02", "2022-09-30"]), ("Ірина", ["2012-01-15"]),
                                ("Марія", [])):
            h = tx.create("households", household(family_name="Шаповал", notes="", address="вул. Садова, 3"))
            tx.create("persons", person(h["id"], role="mother", surname="Шаповал", given_name=given,
                                        birth_date="1988-02-01"))
            for born in children:
                tx.create("persons", person(h["id"], role="child", surname="Шаповал", given_name="Дитина",
                                            birth_date=born))
            made[given] = h["id"]
        other = tx.create("households", household(family_name="Коваленко", notes="", address="вул. Лісова, 9"))
        tx.create("visits", visit(other["id"], notes="Бабуся забезпечена ліками на місяць"))
        made["Коваленко"] = other["id"]
        return made

    return store.write(write)


def _found(store, typed: str) -> set[str]:
    return set(queries.caseload_ids(store, queries.CaseloadFilter(text=typed, status=None)))


def test_a_word_is_found_from_inside_in_any_ending_and_in_latin(store, families):
    shapoval = {families[g] for g in ("Олена", "Ірина", "Марія")}
    assert _found(store, "повал") == shapoval  # inside a word
    assert _found(store, "ліки") == {families["Коваленко"]}  # notes say "ліками"
    assert _found(store, "Shapoval") == shapoval  # a surname in passport spelling
    assert _found(store, "iryn") == {families["Ірина"]}  # part of a given name in Latin
    assert _found(store, "Шаповал Олену") == {families["Олена"]}  # two words, one in another case
    assert _found(store, "ша ол") == {families["Олена"]}  # short words stay prefixes
    assert _found(store, "повалх") == set()
    hits = store.search("shapov")
    assert {h.household_id for h in hits} == shapoval


def test_the_index_follows_edits_and_deletions(store, families):
    hid = families["Коваленко"]
    vid = next(store.records("visits", household_id=hid))["id"]
    store.write(lambda tx: tx.update("visits", vid, {"notes": "Потрібне опалення"}))
    assert _found(store, "ліки") == set() and _found(store, "опаленням") == {hid}
    store.write(lambda tx: tx.delete("visits", vid))
    assert _found(store, "опаленням") == set()


def test_words_may_match_different_records_of_one_family(store, families):
    # The surname is the family's, "ліки" is in a visit's notes: the family has both.
    assert _found(store, "Коваленко ліки") == {families["Коваленко"]}
    assert _found(store, "Шаповал ліки") == set()


@pytest.fixture
def view(qtbot, store, families):
    v = CaseloadView(store, status="")
    qtbot.addWidget(v)
    v.resize(1300, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def _row_of(view, hid):
    return next(r for r in range(view.model.rowCount()) if view.model.household_id(r) == hid)


def test_rows_name_the_people_and_the_childrens_ages(view, families):
    view.model.today = dt.date(2026, 11, 18)
    view.model.reload()
    olena, iryna = _row_of(view, families["Олена"]), _row_of(view, families["Ірина"])
    shown = {view.model.index(r, COL_FAMILY).data() for r in (olena, iryna)}
    assert shown == {"Шаповал Олена, Дитина, Дитина", "Шаповал Ірина, Дитина"}
    assert view.model.index(olena, COL_CHILDREN).data() == "7, 4"
    assert view.model.index(iryna, COL_CHILDREN).data() == "14"
    assert "Олена (" in view.model.index(olena, COL_FAMILY).data(Qt.ItemDataRole.ToolTipRole)


def test_typing_highlights_the_matched_words_and_says_where(qtbot, view, families):
    assert view.table.isColumnHidden(COL_FOUND)
    type_text(view.search, "ліки")
    qtbot.waitUntil(lambda: view.model.total == 1)
    assert not view.table.isColumnHidden(COL_FOUND)
    found = view.model.index(0, COL_FOUND)
    assert found.data().startswith("visit: ")
    assert "<b>ліками</b>" in view.highlight.displayed_html(found)
    view.search.clear()
    type_text(view.search, "shapoval")
    qtbot.waitUntil(lambda: view.model.total == 3)
    family = view.model.index(0, COL_FAMILY)
    assert family.data(MarksRole) == [(0, 7)]
    assert view.highlight.displayed_html(family).startswith("<b>Шаповал</b>")
    view.table.viewport().grab()  # the delegate paints the marked cells without an error


def test_enter_in_the_search_opens_a_single_match_and_goes_to_the_rows_otherwise(qtbot, view, families):
    opened = []
    view.open_household.connect(opened.append)
    type_text(view.search, "shapoval")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.table.hasFocus() and view.table.currentIndex().row() == 0 and not opened
    view.search.setFocus()
    view.search.clear()
    type_text(view.search, "ліки")
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert opened == [families["Коваленко"]]


def test_a_profile_of_the_previous_schema_is_searchable_inside_words_after_the_upgrade(tmp_path):
    import json

    folder = tmp_path / "profile"
    shutil.copytree(FIXTURES / "profile-schema4", folder)
    passphrase = json.loads((FIXTURES / "profile-schema4.json").read_text())["passphrase"]
    with Store.open(folder, passphrase) as store:
        someone = next(store.records("persons"))
        surname = someone["surname"]
        assert someone["household_id"] in _found(store, surname[1:-1])
        assert someone["household_id"] in _found(store, latin(surname))
