"""The one date editor, through real keystrokes, a real calendar and a real encrypted store."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager

import factories
import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

from casework import forms
from fieldapp.store import queries
from fieldapp.ui.app import install_translators
from fieldapp.ui.date_edit import DateEdit, calendar_start
from fieldapp.ui.forms import FormDialog, open_form
from fieldapp.ui.household_dialog import HouseholdDialog, PersonDialog

TODAY = dt.date(2026, 12, 1)
# A popup (the calendar) asks the offscreen platform to raise it and grab the keyboard: it cannot, and says so.
POPUP = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")


@contextmanager
def language(qapp, lang):
    before, locale = qapp.property("fieldapp_lang"), QLocale()
    translators = install_translators(qapp, lang)
    qapp.setProperty("fieldapp_lang", lang)
    try:
        yield
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        qapp.setProperty("fieldapp_lang", before)
        QLocale.setDefault(locale)


@pytest.fixture
def uk(qapp):
    with language(qapp, "uk"):
        yield


@pytest.fixture
def family(store):
    hid = store.write(lambda tx: tx.create("households", factories.household(family_name="Коваленко")))["id"]
    store.write(lambda tx: tx.create("persons", factories.person(hid, given_name="Оксана")))
    return hid


def leave(qtbot, edit: DateEdit) -> None:
    """Leave the field: the focus-out a Tab gives (offscreen windows are never active, so Tab itself moves nothing)."""
    QApplication.sendEvent(edit.line, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason))


def member_dialog(qtbot, household: HouseholdDialog) -> PersonDialog:
    qtbot.mouseClick(household.add_member_button, Qt.MouseButton.LeftButton)
    dialog = household.findChildren(PersonDialog)[-1]
    assert dialog.isVisible()
    dialog.role.set_code("mother")
    qtbot.keyClicks(dialog.given_name, "Olena")
    return dialog


@pytest.mark.parametrize("typed", ["14.03.1990", "14031990", "14.3.1990", "1990-03-14"])
def test_a_birth_date_typed_into_an_empty_field_of_the_member_dialog_is_stored(qtbot, store, family, typed):
    household = HouseholdDialog(store, family)
    qtbot.addWidget(household)
    household.show()
    dialog = member_dialog(qtbot, household)
    assert dialog.birth_date.text() == ""  # empty stays empty: no "—", no 01.01.1900
    qtbot.keyClicks(dialog.birth_date.line, typed)
    assert dialog.birth_date.text() == typed  # kept as typed while typing, not mangled into "—4031990"
    leave(qtbot, dialog.birth_date)
    assert dialog.birth_date.text() == "14/03/1990"  # written as the language writes it (English here)
    assert dialog.form.errors["birth_date"].isHidden()
    qtbot.mouseClick(dialog.findChild(QPushButton, "ok"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.mouseClick(household.findChild(QPushButton, "save"), Qt.MouseButton.LeftButton)
    assert not household.isVisible(), household.general_error.text()
    olena = next(p for p in queries.members(store, family) if p["given_name"] == "Olena")
    assert olena["birth_date"] == "1990-03-14"


@pytest.mark.parametrize(("typed", "says"), [
    ("30.02.1990", "У лютому 1990 року 28 днів."),
    ("00.13.2020", "Місяця 13 не існує: місяці мають номери від 1 до 12."),
    ("31.04.2001", "У квітні 30 днів."),
    ("14.03.2090", "Ця дата ще не настала."),
])
def test_an_impossible_birth_date_is_refused_at_once_and_on_saving_with_the_same_sentence(
        qtbot, store, family, uk, typed, says):
    household = HouseholdDialog(store, family)
    qtbot.addWidget(household)
    household.show()
    dialog = member_dialog(qtbot, household)
    message = dialog.form.errors["birth_date"]
    qtbot.keyClicks(dialog.birth_date.line, typed)
    assert message.isVisibleTo(dialog) and message.text() == says  # at once, when the date is whole
    assert dialog.birth_date.problem() is not None
    qtbot.mouseClick(dialog.findChild(QPushButton, "ok"), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # refused
    assert message.text() == says  # the same sentence on saving, not "wrong format" nor "required"
    assert dialog.birth_date.text() == typed  # nothing lost
    dialog.birth_date.line.selectAll()
    qtbot.keyClicks(dialog.birth_date.line, "28.02.1990")
    assert message.isHidden()
    qtbot.mouseClick(dialog.findChild(QPushButton, "ok"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.data["birth_date"] == "1990-02-28"


def test_a_half_typed_date_is_not_scolded_until_the_field_is_left(qtbot):
    window = QWidget()
    edit = DateEdit(kind="past", today=TODAY, parent=window)
    next_field = QLineEdit(window)
    QVBoxLayout(window).addWidget(edit)
    window.layout().addWidget(next_field)
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(edit.line, "14.0")
    assert edit.shown_problem() == ""
    leave(qtbot, edit)
    assert edit.shown_problem() == "Enter a date as DD.MM.YYYY."
    qtbot.keyClicks(edit.line, "abc")  # letters are not taken by a date
    assert edit.text() == "14.0"
    edit.line.selectAll()
    qtbot.keyClick(edit.line, Qt.Key.Key_Backspace)
    leave(qtbot, edit)
    assert edit.value() is None and edit.problem() is None and edit.shown_problem() == ""


BIRTH_FORM = {
    "id": "birth_check", "version": 1, "record_collection": "assessments",
    "title": {"uk": "Оцінка", "en": "Assessment"},
    "sections": [{"id": "s", "title": {"uk": "Дитина", "en": "Child"}, "items": [
        {"key": "started_on", "type": "date", "label": {"uk": "Початок", "en": "Started"}, "required": True,
         "default": "today"},
        {"key": "child.birth_date", "type": "date", "label": {"uk": "Дата народження", "en": "Date of birth"}},
    ]}],
}


def test_a_birth_date_typed_into_an_empty_form_question_is_stored(qtbot, store, family, uk):
    dialog = FormDialog(forms.parse_definition(BIRTH_FORM), store, family)
    dialog.confirm_discard = lambda: True
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.timer.stop()
    editor = dialog.view.editor("child.birth_date")
    assert editor.value() is None
    qtbot.keyClicks(editor.focus_target(), "14031990")
    assert dialog.view.answers()["child.birth_date"] == "1990-03-14"
    leave(qtbot, editor.date)
    assert editor.focus_target().text() == "14.03.1990"  # the Ukrainian way
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome == "submitted", dialog.status_text()
    saved = store.get("assessments", dialog.record["id"])
    assert saved["child.birth_date"] == "1990-03-14"


def test_an_impossible_date_in_a_form_is_told_at_once_and_on_submitting(qtbot, store, family, uk):
    dialog = open_form(None, store, "case_plan", family)
    dialog.confirm_discard = lambda: True
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.timer.stop()
    box = dialog.view.box("next_review_on")
    qtbot.keyClicks(box.editor.focus_target(), "31.02.2027")
    assert box.message.isVisibleTo(dialog) and box.message.text() == "У лютому 2027 року 28 днів."
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is None
    assert dialog.view.problem_text("next_review_on") == box.message.text() == "У лютому 2027 року 28 днів."
    assert box.editor.value() == "31.02.2027"  # kept as typed, in the draft too


def test_the_visit_moment_tells_an_impossible_day(qtbot, store, family, uk):
    dialog = open_form(None, store, "home_visit", family)
    dialog.confirm_discard = lambda: True
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.timer.stop()
    box = dialog.view.box("started_at")
    date = box.editor.focus_target()
    date.selectAll()
    qtbot.keyClicks(date, "00.13.2026")
    assert box.message.text() == "Місяця 13 не існує: місяці мають номери від 1 до 12."
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.view.problem_text("started_at") == "Місяця 13 не існує: місяці мають номери від 1 до 12."


def _day_cell(calendar, day: int) -> QPoint:
    view = calendar.findChild(QTableView)
    model = view.model()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            index = model.index(row, col)
            # The first row holds the weekdays; days of the neighbouring months are greyed, skip them.
            if row > 0 and str(index.data()) == str(day) and (day > 7 or row < 3) and (day < 22 or row > 3):
                return view.visualRect(index).center()
    raise AssertionError(f"no day {day} on the page")


@POPUP
@pytest.mark.parametrize(("kind", "typed", "page"), [
    ("birth", "", (1996, 12)),  # an empty birth date: some years back, never January 1900
    ("past", "", (2026, 12)),  # other dates: this month
    ("any", "", (2026, 12)),
    ("birth", "14.06", (1996, 6)),  # the month typed so far
    ("birth", "14.06.1988", (1988, 6)),  # the date typed
    ("past", "30.02.2020", (2020, 2)),  # an impossible day still places the calendar
])
def test_the_calendar_opens_near_a_sensible_date(qtbot, kind, typed, page):
    edit = DateEdit(kind=kind, today=TODAY)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit.line, typed)
    qtbot.keyClick(edit.line, Qt.Key.Key_F4)
    calendar = edit.calendar
    assert calendar is not None and calendar.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == page
    assert calendar.minimumDate().year() == 1900
    if kind in ("birth", "past"):
        assert calendar.maximumDate().toPython() == TODAY  # the future cannot be picked
    edit.menu.close()


@POPUP
def test_a_day_picked_on_the_calendar_is_the_value(qtbot):
    edit = DateEdit(kind="birth", today=TODAY)
    qtbot.addWidget(edit)
    edit.show()
    calendar = edit.open_calendar()
    assert (calendar.yearShown(), calendar.monthShown()) == (1996, 12)
    calendar.showPreviousMonth()
    view = calendar.findChild(QTableView)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_day_cell(calendar, 14))
    assert not edit.menu.isVisible()
    assert edit.value() == "1996-11-14" and edit.text() == "14/11/1996"
    QApplication.processEvents()


def test_calendar_start_reads_what_is_typed():
    assert calendar_start("", "birth", TODAY) == dt.date(1996, 12, 1)
    assert calendar_start("3.7", "any", TODAY) == dt.date(2026, 7, 3)
    assert calendar_start("3.17", "any", TODAY) == dt.date(2026, 12, 3)  # no month 17: this month
    assert calendar_start("31.6", "birth", TODAY) == dt.date(1996, 6, 1)  # no 31 June: the month still
    assert calendar_start("01.01.0001", "any", TODAY) == dt.date(2026, 1, 1)  # outside 1900-2200: this year
    assert calendar_start("2027-02-01", "past", TODAY) == dt.date(2027, 2, 1)


def test_kinds_and_values(qtbot):
    with pytest.raises(ValueError):
        DateEdit(kind="someday")
    edit = DateEdit("2026-10-05T23:30:00+00:00", lang="uk")  # a moment: its stored day
    qtbot.addWidget(edit)
    assert edit.text() == "05.10.2026" and edit.iso() == "2026-10-05"
    edit.set_value(None)
    assert edit.value() is None and edit.iso() is None
    edit.set_value(dt.date(2026, 1, 2))
    assert edit.value() == "2026-01-02"


def test_the_report_period_tells_an_impossible_end_at_once(qtbot, store, uk):
    from fieldapp.ui.supervisor.reports_view import ReportsView

    view = ReportsView(store, lang="uk", today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.busy)  # last month's report, made off the GUI thread, has arrived
    assert view.start.text() == "01.11.2026" and view.end.text() == "30.11.2026"  # last month, as Ukrainian writes it
    view.end.line.selectAll()
    qtbot.keyClicks(view.end.line, "31.11.2026")
    assert view.period_error.text() == "У листопаді 30 днів."
    qtbot.mouseClick(view.make, Qt.MouseButton.LeftButton)
    assert view.report is None and view.preview.toPlainText() == "У листопаді 30 днів."


@POPUP
def test_enter_on_the_calendar_picks_the_day_typed_so_far(qtbot):
    edit = DateEdit(kind="birth", today=TODAY, lang="uk")
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClicks(edit.line, "14.06")
    qtbot.keyClick(edit.line, Qt.Key.Key_F4)
    view = edit.calendar.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert edit.value() == "1996-06-14" and edit.text() == "14.06.1996"
