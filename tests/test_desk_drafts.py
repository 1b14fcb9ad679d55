"""Drafts mean one thing (what is typed, kept on this laptop) and wait where the work lives: the
family file shows them, "Record a visit" continues the draft instead of a blank form beside it,
and closing a form offers to keep the draft (issue 13)."""

from __future__ import annotations

from helpers.form_typist import type_text
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from fieldapp.ui.family_file import FamilyFile
from fieldapp.ui.forms import open_form, pending_drafts
from tests.test_forms_ui import family, show  # noqa: F401 - the fixture

NOTES = "Перші слова візиту"


def _typed_draft(qtbot, store, hid):
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    dialog.timer.stop()
    notes = dialog.view.editor("notes").focus_target()
    notes.setFocus()
    type_text(notes, NOTES)
    assert dialog.save_draft_now()
    dialog.hide()  # as if the program died, or "Later" was answered at the next start
    return pending_drafts(store, hid)[0]


def test_record_a_visit_continues_the_familys_draft_instead_of_a_blank_form(qtbot, store, family):  # noqa: F811
    hid, _ = family
    draft = _typed_draft(qtbot, store, hid)
    again = show(qtbot, open_form(None, store, "home_visit", hid))
    again.timer.stop()
    assert again.draft_id == draft.id
    assert again.view.editor("notes").value() == NOTES
    assert len(pending_drafts(store, hid)) == 1


def test_the_family_file_shows_a_draft_and_continues_it(qtbot, store, family):  # noqa: F811
    hid, _ = family
    draft = _typed_draft(qtbot, store, hid)
    page = FamilyFile(store, hid)
    qtbot.addWidget(page)
    page.show()
    assert page.drafts_note.isVisible() and not page.timeline_empty.isVisible()
    assert "continue" in page.drafts_note.text()
    shown = []
    page.show_dialog.connect(shown.append)
    page.drafts_note.linkActivated.emit(draft.id)
    (dialog,) = shown
    dialog.timer.stop()
    dialog.confirm_discard = lambda: True
    assert dialog.view.editor("notes").value() == NOTES


def _answer_on_close(qtbot, dialog, label: str) -> None:
    def click():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert "not saved as a record" in box.text() and "kept on this laptop as a draft" in box.text()
        next(b for b in box.findChildren(QPushButton) if b.text() == label).click()

    QTimer.singleShot(0, click)
    dialog.reject()


def test_closing_a_form_offers_to_keep_the_draft_and_keeps_it(qtbot, store, family):  # noqa: F811
    hid, _ = family
    dialog = open_form(None, store, "home_visit", hid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.timer.stop()
    type_text(dialog.view.editor("notes").focus_target(), NOTES)
    _answer_on_close(qtbot, dialog, "Keep the draft")
    assert not dialog.isVisible() and dialog.outcome == "draft_kept"
    (kept,) = pending_drafts(store, hid)
    assert kept.data["answers"]["notes"] == NOTES


def test_closing_a_form_can_throw_the_draft_away(qtbot, store, family):  # noqa: F811
    hid, _ = family
    dialog = open_form(None, store, "home_visit", hid)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.timer.stop()
    type_text(dialog.view.editor("notes").focus_target(), NOTES)
    dialog.save_draft_now()
    _answer_on_close(qtbot, dialog, "Throw away")
    assert not dialog.isVisible() and pending_drafts(store, hid) == []


def test_the_review_forms_button_says_it_saves_a_record_not_a_draft(qtbot, store, family):  # noqa: F811
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "needs_assessment", hid))
    dialog.timer.stop()
    assert dialog.draft_button.text() == "Save, submit later"
