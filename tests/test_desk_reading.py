"""Read-only records laid out for reading, a form that does not move when a message appears or goes,
and confirmations as a box to tick, not Так/Ні (issue 13). Real widgets, a real encrypted store."""

from __future__ import annotations

from helpers.form_typist import type_text
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
)

from casework import forms
from casework.ids import new_id
from fieldapp.ui.forms import open_form
from tests.test_forms_ui import NOTES, choose, click, family, fill_visit, pick_in_list, show, uk  # noqa: F401 - fixtures

CONFIRMATIONS = {"home_visit": ["attest.worker"], "case_closure": ["closure.family_informed"],
                 "case_plan": ["plan.ack_mother", "plan.ack_father", "plan.ack_child"]}


def approved_visit(store, hid):
    """A visit as the server sends it back approved by the supervisor."""
    rid = new_id()
    store.write(lambda tx: tx.apply_remote({
        "id": rid, "collection": "visits", "version": 2, "deleted": False, "household_id": hid,
        "updated_by": "supervisor-sofia", "updated_at": "2026-10-02T10:00:00+00:00",
        "started_at": "2026-10-01T09:30:00+03:00", "type": "monitoring", "place": "home",
        "safety_concern": False, "notes": NOTES, "attest.worker": True, "next_visit_on": "2026-11-05",
        "form_id": "home_visit", "form_version": 1, "review_status": "approved"}))
    return rid


def item(form_id: str, key: str):
    return {f.key: f.item for f in forms.fields(forms.load_form(form_id), [])}[key]


def top_of(widget, dialog) -> QPoint:
    return widget.mapTo(dialog, QPoint(0, 0))


def test_an_approved_record_is_laid_out_for_reading(qtbot, store, family, uk):  # noqa: F811
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid, approved_visit(store, hid)))
    assert dialog.read_only
    view = dialog.view
    assert view.reading_text("notes") == NOTES
    assert view.reading_text("type") == item("home_visit", "type").choice("monitoring").label("uk")
    assert view.reading_text("next_visit_on") == "05.11.2026"  # as the language writes a date, not ISO
    assert view.reading_text("attest.worker") == "Підтверджено"
    assert view.reading_text("duration_min") == "без відповіді"  # said, not an empty greyed box
    for n in range(len(view.pages)):
        view.show_page(n)
    QApplication.processEvents()
    page_controls = [w for kind in (QLineEdit, QRadioButton, QCheckBox, QPlainTextEdit, QTextEdit)
                     for w in view.stack.findChildren(kind) if w.isVisibleTo(dialog)]
    assert page_controls == []  # text to read, not disabled controls
    wording = [label.text() for label in view.stack.findChildren(type(dialog.status)) if label.isVisibleTo(dialog)]
    assert "Підсумок візиту" in wording  # the form's own wording of each question


def test_a_message_appearing_or_going_leaves_the_next_question_where_it_was(qtbot, store, family, uk):  # noqa: F811
    hid, _ = family
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    dialog.timer.stop()
    view = dialog.view
    place = view.box("place")
    before = top_of(place, dialog)
    click(qtbot, dialog.submit_button)  # "type" is required: its message appears
    view.show_page(0)
    QApplication.processEvents()
    assert view.problem_text("type") and view.box("type").message.isVisible()
    assert top_of(place, dialog) == before
    pick_in_list(qtbot, dialog, "type", "Плановий")  # answered: the message goes
    QApplication.processEvents()
    assert not view.box("type").message.isVisible()
    assert top_of(place, dialog) == before
    duration = view.box("duration_min")
    below = top_of(duration, dialog)
    started = view.editor("started_at").focus_target()
    started.setFocus()
    started.selectAll()
    type_text(started, "31.02.2027")
    qtbot.keyClick(started, Qt.Key.Key_Tab)  # leaving the field: "no such date" appears under it
    QApplication.processEvents()
    assert view.box("started_at").message.isVisible() and view.box("started_at").message.text()
    assert top_of(duration, dialog) == below


def test_confirmations_are_a_box_to_tick_and_a_required_one_must_be_ticked(qtbot, store, family, uk):  # noqa: F811
    hid, _ = family
    for form_id, keys in CONFIRMATIONS.items():
        for key in keys:
            assert item(form_id, key).widget == "check", key
    dialog = show(qtbot, open_form(None, store, "home_visit", hid))
    dialog.timer.stop()
    fill_visit(qtbot, dialog)  # ticks the box on the way
    box = dialog.findChild(QCheckBox, "field:attest.worker")
    assert box is not None and box.isChecked()
    assert dialog.findChild(QRadioButton, "field:attest.worker:1") is None  # no "Ні" to click
    assert "Підтверджую" in dialog.view.box("attest.worker").editor.cell.label.text()
    click(qtbot, box)  # untick: a required confirmation not given
    click(qtbot, dialog.submit_button)
    assert dialog.outcome is None and dialog.view.problem_text("attest.worker")
    click(qtbot, box)
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == "submitted", dialog.status_text()
    assert dialog.record["attest.worker"] is True
