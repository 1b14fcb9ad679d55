"""Every dialog's keyboard (issue 13, the systematic pass): a new dialog starts in its first field,
Esc closes at once when nothing was typed and asks first when something would be lost, Ctrl+Enter
does the dialog's one action where Enter writes a new line, and a date steps with the arrow keys.
Real widgets, real key presses, a real encrypted store."""

from __future__ import annotations

import datetime as dt

from helpers.form_typist import type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from fieldapp.ui.action_status import ActionStatusDialog
from fieldapp.ui.date_edit import DateEdit
from fieldapp.ui.forms import open_form
from fieldapp.ui.household_dialog import HouseholdDialog, PersonDialog
from fieldapp.ui.supervisor.review_queue import ReturnDialog
from tests.test_desk_keyboard import hid  # noqa: F401 - the fixture: a family
from tests.test_ui_action_status import plan_ref  # noqa: F401 - the fixture: a plan's action

TODAY = dt.date.today()


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def answer_the_question(button_text: str, asked: list[str]) -> None:
    """When a question box opens (modal, run by its own loop), note its sentence and press a button."""
    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        asked.append(box.text())
        wanted = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        (wanted or box.buttons())[0].click()  # a missing button still closes the box: the test then fails
        asked.extend([] if wanted else [f"no button {button_text!r}: {[b.text() for b in box.buttons()]}"])

    QTimer.singleShot(0, press)


def esc(qtbot, dialog) -> None:
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)


def test_a_form_starts_in_its_first_answer_not_in_the_list_of_sections(qtbot, store, hid):  # noqa: F811
    dialog = open_form(None, store, "home_visit", hid)
    dialog.confirm_discard = lambda: True  # the end of the test closes it without asking
    shown(qtbot, dialog)
    first = dialog.view.editor("started_at").focus_target()
    qtbot.waitUntil(first.hasFocus)
    assert QApplication.focusWidget() is not dialog.view.sections


def test_a_small_dialog_starts_in_its_first_field_and_esc_closes_it_when_nothing_was_typed(
        qtbot, store, plan_ref):  # noqa: F811
    dialog = shown(qtbot, ActionStatusDialog(store, plan_ref, "done", today=TODAY))
    qtbot.waitUntil(dialog.status.hasFocus)  # not Save: Enter on it would have saved at once
    asked: list[str] = []
    esc(qtbot, dialog)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected and asked == []


def test_esc_after_typing_a_note_asks_and_back_keeps_it_then_throw_away_writes_nothing(
        qtbot, store, plan_ref):  # noqa: F811
    dialog = shown(qtbot, ActionStatusDialog(store, plan_ref, "done", today=TODAY))
    dialog.note.setFocus()
    type_text(dialog.note, "Довідку отримано")
    asked: list[str] = []
    answer_the_question("Back", asked)
    esc(qtbot, dialog)
    assert asked == ["What you typed here is not saved. Close and throw it away?"]
    assert dialog.isVisible() and dialog.note.toPlainText() == "Довідку отримано"
    answer_the_question("Throw away", asked)
    esc(qtbot, dialog)
    assert len(asked) == 2 and not dialog.isVisible()
    assert list(store.records("action_updates", household_id=plan_ref.household_id)) == []


def test_esc_in_a_new_family_asks_before_the_typed_name_is_lost(qtbot, store):
    dialog = shown(qtbot, HouseholdDialog(store))
    qtbot.waitUntil(dialog.family_name.hasFocus)
    type_text(dialog.family_name, "Шаповал")
    asked: list[str] = []
    answer_the_question("Back", asked)
    esc(qtbot, dialog)
    assert len(asked) == 1 and dialog.isVisible() and dialog.family_name.text() == "Шаповал"
    dialog.family_name.clear()  # back as it opened: nothing to lose, nothing asked
    esc(qtbot, dialog)
    assert len(asked) == 1 and not dialog.isVisible()


def test_esc_in_the_member_dialog_asks_after_typing(qtbot):
    dialog = shown(qtbot, PersonDialog({"surname": "Ковальчук"}))
    dialog.given_name.setFocus()
    type_text(dialog.given_name, "Марко")
    asked: list[str] = []
    answer_the_question("Throw away", asked)
    esc(qtbot, dialog)
    assert len(asked) == 1 and not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_the_return_comment_takes_enter_as_a_new_line_and_ctrl_enter_returns(qtbot):
    dialog = shown(qtbot, ReturnDialog(2))
    qtbot.waitUntil(dialog.comment.hasFocus)
    type_text(dialog.comment, "Додайте дату")
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return)
    type_text(dialog.comment, "і підпис")
    assert dialog.isVisible() and dialog.comment.toPlainText() == "Додайте дату\nі підпис"
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_ctrl_enter_with_no_comment_does_not_return_and_esc_after_a_comment_asks(qtbot):
    dialog = shown(qtbot, ReturnDialog(1))
    qtbot.keyClick(dialog.comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible()  # a return needs its reason
    type_text(dialog.comment, "Немає підпису")
    asked: list[str] = []
    answer_the_question("Back", asked)
    esc(qtbot, dialog)
    assert len(asked) == 1 and dialog.isVisible()
    answer_the_question("Throw away", asked)
    esc(qtbot, dialog)
    assert len(asked) == 2 and dialog.result() == QDialog.DialogCode.Rejected


def test_a_date_steps_with_the_arrow_keys_and_page_keys(qtbot):
    edit = DateEdit("2026-02-28", kind="any", today=dt.date(2026, 3, 15))
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClick(edit.line, Qt.Key.Key_Up)
    assert edit.iso() == "2026-03-01" and edit.line.text() == edit.line.text().strip()
    qtbot.keyClick(edit.line, Qt.Key.Key_Down)
    qtbot.keyClick(edit.line, Qt.Key.Key_Down)
    assert edit.iso() == "2026-02-27"
    edit.set_value("2026-01-31")
    qtbot.keyClick(edit.line, Qt.Key.Key_PageUp)  # a month on: the last day of February
    assert edit.iso() == "2026-02-28"
    qtbot.keyClick(edit.line, Qt.Key.Key_PageDown)
    assert edit.iso() == "2026-01-28"
    edit.set_value(None)
    qtbot.keyClick(edit.line, Qt.Key.Key_Up)  # an empty date starts at today
    assert edit.iso() == "2026-03-15"
    edit.line.setText("31.02.2026")  # not a date: stepping leaves it to be corrected
    qtbot.keyClick(edit.line, Qt.Key.Key_Up)
    assert edit.line.text() == "31.02.2026"


def test_stepping_a_birth_date_into_the_future_is_told_at_once(qtbot):
    edit = DateEdit("2026-03-15", kind="birth", today=dt.date(2026, 3, 15))
    qtbot.addWidget(edit)
    edit.show()
    qtbot.keyClick(edit.line, Qt.Key.Key_Up)
    assert edit.iso() == "2026-03-16" and edit.problem() is not None and edit.message.isVisible()


def test_cancel_after_adding_a_member_asks_and_a_program_close_never_does(qtbot, store):
    dialog = shown(qtbot, HouseholdDialog(store))
    dialog.members.append({"id": "m1", "role": "child", "surname": "Шаповал", "given_name": "Іра"})
    asked: list[str] = []
    answer_the_question("Back", asked)
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and dialog.isVisible()
    dialog.close()  # the program closing it (a wipe, the end of the program): no question
    assert len(asked) == 1 and not dialog.isVisible()


def test_the_member_dialog_words_one_person_for_anyone_in_ukrainian(qtbot, qapp):
    from tests.test_forms_ui import language

    with language(qapp, "uk"):
        dialog = PersonDialog()
        qtbot.addWidget(dialog)
        captions = {name: label.text() for name, label in dialog.form.captions.items()}
    # a person's status, not a plural; a return for anyone, not "she returned" (lost once in a merge)
    assert captions["idp"] == "Внутрішньо переміщена особа"
    assert captions["returned_from_institution"] == "Повернення з інтернатного закладу"


def test_tab_leaves_a_note_for_the_buttons_and_never_types_a_tab(qtbot, store, plan_ref):  # noqa: F811
    dialog = shown(qtbot, ActionStatusDialog(store, plan_ref, "done", today=TODAY))
    dialog.note.setFocus()
    type_text(dialog.note, "Готово")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert dialog.note.toPlainText() == "Готово" and not dialog.note.hasFocus()
    back = shown(qtbot, ReturnDialog(1))
    qtbot.keyClick(back.comment, Qt.Key.Key_Tab)
    assert back.comment.toPlainText() == "" and not back.comment.hasFocus()
    family = shown(qtbot, HouseholdDialog(store))
    family.notes.setFocus()
    qtbot.keyClick(family.notes, Qt.Key.Key_Tab)
    assert family.notes.toPlainText() == "" and not family.notes.hasFocus()


def test_tab_in_the_passphrase_change_follows_the_form_then_the_buttons(qtbot, store):
    from fieldapp.ui.passphrase_dialog import PassphraseDialog

    dialog = shown(qtbot, PassphraseDialog(store))
    qtbot.waitUntil(dialog.current.hasFocus)
    seen = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert seen == [dialog.new.passphrase, dialog.new.repeat, dialog.change_button, cancel]


def test_enter_on_the_new_caseworker_moves_on_and_never_moves_the_families(qtbot, store):
    from fieldapp.store.team import remember_names
    from fieldapp.ui.supervisor.reassign_dialog import ReassignDialog
    from tests.factories import household

    remember_names(store, [{"id": "u-anna", "name": "Анна", "role": "caseworker"},
                           {"id": "u-boris", "name": "Борис", "role": "caseworker"}])
    made = store.write(lambda tx: tx.create("households", household(family_name="Шаповал")))
    dialog = shown(qtbot, ReassignDialog(store, [(made["id"], "Шаповал")], "u-anna", "Анна"))
    qtbot.waitUntil(dialog.target.hasFocus)
    assert dialog.ok.isEnabled()  # Enter alone would have pressed it: a caseload moved by one key
    moved: list[int] = []
    dialog.done.connect(moved.append)
    qtbot.keyClick(dialog.target, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert dialog.isVisible() and moved == [] and dialog.note.hasFocus()
    type_text(dialog.note, "Домовилися про візит у четвер")
    asked: list[str] = []
    answer_the_question("Back", asked)
    esc(qtbot, dialog)
    assert len(asked) == 1 and dialog.isVisible()
