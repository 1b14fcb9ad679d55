"""The family file and the family dialog, driven through the real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from casework import codifier
from fieldapp.store import queries
from fieldapp.ui import text
from fieldapp.ui.family_file import FamilyFile, MembersModel, TimelineModel
from fieldapp.ui.household_dialog import HouseholdDialog, PersonDialog
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.place_picker import HROMADA, SETTLEMENT, PlacePicker
from tests.factories import HROMADA as HROMADA_CODE
from tests.factories import SETTLEMENT as SETTLEMENT_CODE
from tests.factories import household, person, visit

# The offscreen platform cannot raise a popup or grab the keyboard for it (a
# completer's popup); on a real display these calls work and say nothing.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise",
                                       "This plugin does not support grabbing the keyboard")


def type_text(widget, typed: str) -> None:
    """Type key by key, Cyrillic included (QTest.keyClicks aborts beyond Latin-1)."""
    for ch in typed:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    for d in list(w.dialogs):
        d.done(0)


def add_member(qtbot, dialog: HouseholdDialog, role: str, given: str, born: dt.date) -> None:
    qtbot.mouseClick(dialog.add_member_button, Qt.MouseButton.LeftButton)
    person_dialog = dialog.findChildren(PersonDialog)[-1]
    assert person_dialog.isVisible()
    person_dialog.role.set_code(role)
    type_text(person_dialog.given_name, given)
    qtbot.keyClicks(person_dialog.birth_date.line, born.strftime("%d.%m.%Y"))  # typed, as a person does
    qtbot.mouseClick(person_dialog.findChild(type(dialog.add_member_button), "ok"), Qt.MouseButton.LeftButton)
    assert not person_dialog.isVisible()


def test_place_picker_types_ahead_within_the_hromada(qtbot):
    hromada = PlacePicker(HROMADA)
    qtbot.addWidget(hromada)
    name = codifier.unit(HROMADA_CODE).name
    type_text(hromada, name[:5])
    assert hromada.matches.rowCount() > 0
    codes = [hromada.matches.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(hromada.matches.rowCount())]
    assert HROMADA_CODE in codes
    hromada.completer_.popup().hide()
    settlement = PlacePicker(SETTLEMENT)
    qtbot.addWidget(settlement)
    settlement.set_within(HROMADA_CODE)
    type_text(settlement, codifier.unit(SETTLEMENT_CODE).name[:4])
    found = [settlement.matches.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(settlement.matches.rowCount())]
    assert SETTLEMENT_CODE in found
    assert all(c in {u.code for u in codifier.children(HROMADA_CODE)} for c in found)
    settlement.completer_.popup().hide()


def test_create_a_family_with_members(qtbot, window, store):
    qtbot.mouseClick(window.caseload_view.add, Qt.MouseButton.LeftButton)
    dialog = window.dialogs[-1]
    assert isinstance(dialog, HouseholdDialog) and dialog.isVisible()

    # Saving an empty form: each message stands next to its field, nothing is written
    qtbot.mouseClick(dialog.findChild(type(dialog.add_member_button), "save"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.form.errors["family_name"].text() == "This field is required."
    assert dialog.form.errors["hromada"].isVisibleTo(dialog)
    assert dialog.members_error.isVisibleTo(dialog)
    assert store.count("households") == 0

    type_text(dialog.family_name, "Ковальчук")
    # The hromada by type-ahead, the settlement from the hromada's own places
    type_text(dialog.hromada, codifier.unit(HROMADA_CODE).name[:6])
    popup = dialog.hromada.completer_.popup()
    assert popup.isVisible()
    row = next(i for i in range(dialog.hromada.matches.rowCount())
               if dialog.hromada.matches.item(i).data(Qt.ItemDataRole.UserRole + 1) == HROMADA_CODE)
    popup.setCurrentIndex(popup.model().index(row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.hromada.code() == HROMADA_CODE
    assert dialog.settlement.within == HROMADA_CODE
    type_text(dialog.settlement, codifier.unit(SETTLEMENT_CODE).name)
    assert dialog.settlement.choose_first()
    assert dialog.settlement.code() == SETTLEMENT_CODE
    type_text(dialog.address, "вул. Шкільна, 5")
    dialog.categories.set_codes(["with_children", "idp"])
    dialog.factors.set_codes(["unemployment"])

    today = dt.date.today()
    add_member(qtbot, dialog, "mother", "Оксана", dt.date(1990, 3, 1))
    toddler = today - dt.timedelta(days=500)  # about 1 year 4 months
    add_member(qtbot, dialog, "child", "Марко", toddler)
    assert dialog.member_table.rowCount() == 2
    assert dialog.member_table.item(0, 0).text() == "Ковальчук Оксана"  # the family name is offered

    qtbot.mouseClick(dialog.findChild(type(dialog.add_member_button), "save"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    [h] = list(store.records("households"))
    assert h["family_name"] == "Ковальчук" and h["settlement"] == SETTLEMENT_CODE
    assert h["factors"][0]["code"] == "unemployment"
    people = queries.members(store, h["id"])
    assert [p["given_name"] for p in people] == ["Оксана", "Марко"]
    assert store.pending_count() == 3

    # The new family's file is open, the caseload and the sync state know it
    page = window.tabs.currentWidget()
    assert isinstance(page, FamilyFile) and page.household_id == h["id"]
    assert page.members_model.rowCount() == 2
    age = page.members_model.index(1, 3).data()
    assert "1 year" in age and "month" in age
    assert window.caseload.total == 1
    assert "Not connected to a server" in window.sync_label.text()  # standalone: nothing "waits"
    assert store.pending_count() == 3  # the changes are still kept for a later connection


def test_person_dialog_shows_messages_next_to_fields(qtbot):
    dialog = PersonDialog({})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.returned.setChecked(True)
    dialog._submit()
    assert dialog.isVisible()
    assert dialog.form.errors["surname"].text() == "This field is required."
    assert dialog.form.errors["birth_date"].isVisibleTo(dialog)


def test_family_file_shows_members_ages_timeline_and_safety(qtbot, store):
    born = dt.date.today() - dt.timedelta(days=200)

    def write(tx):
        h = tx.create("households", household(idp_certificate="1234-567890", idp_origin="UA14000000000091971"))
        tx.create("persons", person(h["id"], birth_date=born.isoformat(), given_name="Соня"))
        tx.create("visits", visit(h["id"], review_status="draft"))
        tx.create("visits", visit(h["id"], started_at="2026-10-20T10:00:00+00:00", safety_concern=True,
                                  safety_details="Дитина залишається сама вночі", review_status="submitted"))
        tx.create("consents", {"household_id": h["id"], "person_id": tx.db.execute(
            "SELECT id FROM persons").fetchone()[0], "purpose": "data_processing", "given_on": "2026-03-02"})
        return h["id"]

    hid = store.write(write)
    page = FamilyFile(store, hid)
    qtbot.addWidget(page)
    page.show()
    assert page.members_model.index(0, 3).data().endswith(("month(s)", "months"))
    assert page.safety.isVisible()
    assert "Safety concern" in page.safety_text.text() and "сама вночі" in page.safety_text.text()
    first = page.timeline_model.index(0, 2)
    assert first.data().startswith("SAFETY CONCERN")  # text, not colour alone
    assert page.timeline_model.index(0, 1).data(Qt.ItemDataRole.DecorationRole) is not None
    assert page.timeline_model.index(1, 2).data(Qt.ItemDataRole.DecorationRole) is None
    shown = " ".join(w.text() for w in page.findChildren(type(page.title)))
    assert "1234-567890" in shown and "Processing of personal data" in shown


def test_family_models_pass_modeltester(qtmodeltester, store):
    hid = store.write(lambda tx: tx.create("households", household())["id"])
    store.write(lambda tx: tx.create("persons", person(hid)))
    store.write(lambda tx: tx.create("visits", visit(hid, review_status="draft")))
    qtmodeltester.check(MembersModel(queries.members(store, hid)))
    qtmodeltester.check(TimelineModel(queries.timeline(store, hid)))
    qtmodeltester.check(MembersModel([]))


def test_ages_in_years_and_months():
    today = dt.date(2026, 11, 18)
    assert text.age("2025-07-18", today).startswith("1 year") and "4 month" in text.age("2025-07-18", today)
    assert text.age("2026-09-01", today).startswith("2 month")
    assert text.age("2026-11-06", today).startswith("12 day") and text.age("2026-11-17", today).startswith("1 day")
    assert text.age("2026-11-18", today).startswith("0 day") and text.age("2026-11-19", today) == ""  # today; not yet
    assert text.age("2016-05-14", today).startswith("10 year") and "month" not in text.age("2016-05-14", today)


def test_record_a_visit_find_it_by_its_notes_and_reopen_it(qtbot, window, store):
    hid = store.write(lambda tx: tx.create("households", household(family_name="Гнатюк"))["id"])
    store.write(lambda tx: tx.create("persons", person(hid)))
    window.caseload_view.reload()
    page = window.open_family(hid)
    qtbot.mouseClick(page.visit_button, Qt.MouseButton.LeftButton)
    form = window.dialogs[-1]
    assert form.objectName() == "form:home_visit" and form.isVisible()
    # A required answer left empty blocks submission, with its message next to it
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.outcome is None
    assert form.view.problem_text("notes")
    answers = {
        "started_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "type": "monitoring", "place": "home", "safety_concern": False, "attest.worker": True,
        "notes": "Сім'я отримала пральну машину від громади.",
    }
    for key, value in answers.items():  # as a person answers: the editor changes, then says so
        editor = form.view.editor(key)
        editor.set_value(value)
        editor.edited.emit()
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert form.outcome == "submitted", form.status_text() if hasattr(form, "status_text") else ""
    # The family file shows it at the top of the timeline
    qtbot.waitUntil(lambda: page.timeline_model.rowCount() == 1)
    assert "пральну" in page.timeline_model.index(0, 2).data()
    # Found by a word of its notes from the caseload's search
    window.tabs.setCurrentIndex(0)
    type_text(window.caseload_view.search, "пральн")
    qtbot.waitUntil(lambda: window.caseload.total == 1)
    assert window.caseload.household_id(0) == hid
    # Reopened from the timeline
    page = window.open_family(hid)
    page.timeline.setFocus()
    page.timeline.selectRow(0)
    qtbot.keyClick(page.timeline, Qt.Key.Key_Return)
    reopened = window.dialogs[-1]
    assert reopened is not form and reopened.isVisible()
    assert reopened.view.editor("notes").value().startswith("Сім'я отримала")
    reopened.done(0)


def test_unsaved_forms_are_offered_back_at_start(qtbot, store):
    hid = store.write(lambda tx: tx.create("households", household(family_name="Чернетка"))["id"])
    store.write(lambda tx: tx.save_draft("home_visit", {"answers": {"notes": "Набрано до збою живлення"},
                                                        "form_version": 1}, household_id=hid))
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    box = w.offer_drafts()
    assert box is not None and box.isVisible() and "Чернетка" in box.text()
    continue_button = next(b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.AcceptRole)
    qtbot.mouseClick(continue_button, Qt.MouseButton.LeftButton)
    form = w.dialogs[-1]
    assert form.isVisible() and form.view.editor("notes").value() == "Набрано до збою живлення"
    form.done(0)
    w.close()


def test_no_offer_without_drafts(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    assert w.offer_drafts() is None
    w.close()


def test_change_a_family_from_its_file(qtbot, window, store):
    hid = store.write(lambda tx: tx.create("households", household(family_name="Литвин"))["id"])
    store.write(lambda tx: tx.create("persons", person(hid, given_name="Ірина")))
    page = window.open_family(hid)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = window.dialogs[-1]
    assert isinstance(dialog, HouseholdDialog) and dialog.family_name.text() == "Литвин"
    assert dialog.member_table.rowCount() == 1
    dialog.address.setText("вул. Садова, 12")
    dialog.phone.setText("не номер")
    assert not dialog.save()
    assert dialog.form.errors["phone"].isVisibleTo(dialog)  # next to the phone, in words
    dialog.phone.setText("")
    assert dialog.save()
    assert store.get("households", hid)["address"] == "вул. Садова, 12"
    assert "phone" not in store.get("households", hid)  # emptied: removed from the record
    assert "Садова" in page.subtitle.text()
