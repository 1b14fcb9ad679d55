"""A plan of many actions opens with its rows closed (a summary each) and builds a row's editors when
it is opened; the checks, the keyboard and saving still reach every row (issue 12)."""

from __future__ import annotations

import factories
import pytest
from helpers.form_typist import type_text
from PySide6.QtCore import Qt
from test_forms_ui import click, language, show

from casework.ids import new_id
from fieldapp.ui.forms import open_form
from fieldapp.ui.forms.repeat_editor import OPEN_AT_MOST


@pytest.fixture
def uk(qapp):
    with language(qapp, "uk"):
        yield


@pytest.fixture
def plan(store):
    hid = store.write(lambda tx: tx.create("households", {
        "family_name": "Коваленко", "hromada": factories.HROMADA, "identified_on": "2026-03-02"}))["id"]
    actions = [{"id": new_id(), "text": f"Захід № {n + 1}", "responsible": "Фахівець Петренко",
                "due": "2027-01-15", "provider": "ЦНАП громади"} for n in range(20)]
    del actions[7]["responsible"]  # required: the plan cannot be submitted until it is given
    pid = store.write(lambda tx: tx.create("plans", {
        "household_id": hid, "drawn_up_on": "2026-10-01", "goals": "Діти відвідують школу.", "goal_codes": ["safety"],
        "actions": actions, "term_from": "2026-10-01", "term_until": "2027-04-01", "next_review_on": "2027-01-01",
        "form_id": "case_plan", "form_version": 2, "review_status": "draft"}))["id"]
    return hid, pid, actions


def test_twenty_actions_open_as_summaries_and_save_unchanged(qtbot, store, plan, uk):
    hid, pid, actions = plan
    dialog = show(qtbot, open_form(None, store, "case_plan", hid, pid))
    dialog.timer.stop()
    repeat = dialog.view.editor("actions")
    assert len(repeat.rows) == 20 > OPEN_AT_MOST
    assert all(row.editors is None and not row.is_open for row in repeat.rows)  # nothing built yet
    # A closed row says what it holds, in the language's date format.
    assert repeat.rows[0].summary_text() == ("1. Захід № 1\nХто відповідає: Фахівець Петренко · "
                                             "Надавач послуги: ЦНАП громади · Строк: 15.01.2027")
    # The value is the data as loaded, ids and all, though no editor exists.
    assert repeat.value() == actions
    assert dialog.view.answers()["actions"] == actions


def test_a_missing_answer_in_a_closed_row_is_found_and_the_row_opens_to_show_it(qtbot, store, plan, uk):
    hid, pid, actions = plan
    dialog = show(qtbot, open_form(None, store, "case_plan", hid, pid))
    dialog.timer.stop()
    repeat = dialog.view.editor("actions")
    click(qtbot, dialog.submit_button)
    assert dialog.outcome is None
    assert dialog.view.problem_text("actions[7].responsible") == "Заповніть це в кожному рядку."
    row = repeat.rows[7]
    assert row.is_open and row.messages["responsible"].isVisible()
    assert [r.editors is None for r in repeat.rows].count(False) == 1  # only the row with the problem was built
    type_text(row.editors["responsible"].focus_target(), "Фахівець Коваль")
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == "submitted", dialog.status_text()
    saved = store.get("plans", pid)["actions"]
    assert saved[7] == dict(actions[7], responsible="Фахівець Коваль")
    assert saved[:7] + saved[8:] == actions[:7] + actions[8:]


def test_the_keyboard_opens_a_closed_row_and_types_into_it(qtbot, store, plan, uk):
    hid, pid, actions = plan
    dialog = show(qtbot, open_form(None, store, "case_plan", hid, pid))
    dialog.timer.stop()
    repeat = dialog.view.editor("actions")
    first, second = repeat.rows[0], repeat.rows[1]
    first.toggle.setFocus()
    qtbot.keyClick(first.toggle, Qt.Key.Key_Tab)
    assert second.toggle.hasFocus()  # Tab walks the closed rows' buttons
    qtbot.keyClick(second.toggle, Qt.Key.Key_Space)
    assert second.is_open and second.toggle.text() == "Згорнути"
    text = second.editors["text"].focus_target()
    assert text.hasFocus()  # the row opens with the focus in its first answer
    type_text(text, " (терміново)")
    click(qtbot, second.toggle)  # closed again: the summary shows what was typed
    assert not second.is_open and second.summary_text().startswith("2. Захід № 2 (терміново)\n")
    assert repeat.value()[1] == dict(actions[1], text="Захід № 2 (терміново)")


def test_a_closed_row_is_removed_after_opening_and_the_rest_keep_their_ids(qtbot, store, plan, uk):
    hid, pid, actions = plan
    dialog = show(qtbot, open_form(None, store, "case_plan", hid, pid))
    dialog.timer.stop()
    repeat = dialog.view.editor("actions")
    repeat.rows[3].open()
    qtbot.waitUntil(lambda: repeat.rows[3].remove.isVisible() and repeat.rows[3].remove.height() > 0)
    click(qtbot, repeat.rows[3].remove)
    assert [a["id"] for a in repeat.value()] == [a["id"] for a in actions[:3] + actions[4:]]
    assert repeat.rows[3].summary_text().startswith("4. Захід № 5")  # renumbered
    assert repeat.rows[3].toggle.objectName() == "expand:actions[3]"


def test_an_approved_plan_is_laid_out_for_reading_with_every_action(qtbot, store, plan, uk):
    hid, pid, actions = plan
    pid = new_id()  # a plan as the server sends it back approved by the supervisor
    store.write(lambda tx: tx.apply_remote({
        "id": pid, "collection": "plans", "version": 2, "deleted": False, "household_id": hid,
        "updated_by": "supervisor-sofia", "updated_at": "2026-10-02T10:00:00+00:00",
        "drawn_up_on": "2026-10-01", "goals": "Школа.", "goal_codes": ["safety"], "actions": actions,
        "next_review_on": "2027-01-01", "term_from": "2026-10-01", "term_until": "2027-04-01",
        "form_id": "case_plan", "form_version": 2, "review_status": "approved"}))
    dialog = show(qtbot, open_form(None, store, "case_plan", hid, pid))
    assert dialog.read_only
    # A locked plan is laid out for reading (fieldapp/ui/forms/reading.py): every action is there in words.
    shown = dialog.view.reading_text("actions")
    assert shown is not None
    at = [shown.find(a["text"]) for a in actions]
    assert -1 not in at and at == sorted(at)  # every action, in the plan's order
    assert shown.count("ЦНАП громади") == len(actions)
