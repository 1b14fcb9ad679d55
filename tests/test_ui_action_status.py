"""The plan action's status dialog: writes one action_updates record, under an approved (locked) plan too."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from casework.ids import new_id
from fieldapp.ui.action_status import ActionRef, ActionStatusDialog
from tests.factories import household

TODAY = dt.date.today()


@pytest.fixture
def plan_ref(store):
    action_id = new_id()

    def write(tx):
        hh = tx.create("households", household())
        plan = tx.create("plans", {"household_id": hh["id"], "drawn_up_on": "2026-03-10", "review_status": "draft",
                                   "actions": [{"id": action_id, "text": "Оформити довідку ВПО", "due": "2026-04-01"}]})
        tx.update("plans", plan["id"], {"review_status": "approved"})  # locked from here on
        return ActionRef(hh["id"], plan["id"], action_id, "Оформити довідку ВПО")

    return store.write(write)


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_marking_done_under_an_approved_plan_writes_an_update(qtbot, store, plan_ref):
    dialog = ActionStatusDialog(store, plan_ref, "done", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.postponed_to.isVisible()  # only a postponement asks for a later date
    qtbot.keyClicks(dialog.note, "Certificate received")  # keyClicks types ASCII only
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        _save(qtbot, dialog)
    [update] = list(store.records("action_updates", household_id=plan_ref.household_id))
    assert saved.args[0]["id"] == update["id"]
    assert (update["plan_id"], update["action_id"], update["status"], update["on"], update["note"]) == (
        plan_ref.plan_id, plan_ref.action_id, "done", TODAY.isoformat(), "Certificate received")
    assert store.get("plans", plan_ref.plan_id)["review_status"] == "approved"  # the plan itself is untouched


def test_postponing_needs_a_later_date(qtbot, store, plan_ref):
    dialog = ActionStatusDialog(store, plan_ref, "postponed", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.postponed_to.isVisible()
    dialog.postponed_to.set_value((TODAY - dt.timedelta(days=3)).isoformat())  # before the day it is postponed on
    _save(qtbot, dialog)
    error = dialog.form.errors["postponed_to"]
    qtbot.waitUntil(error.isVisible)
    assert error.text() == "An action is postponed to a later date."
    assert dialog.isVisible() and not list(store.records("action_updates"))  # nothing written, nothing lost
    dialog.postponed_to.set_value((TODAY + dt.timedelta(days=10)).isoformat())
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        _save(qtbot, dialog)
    [update] = list(store.records("action_updates"))
    assert update["status"] == "postponed" and update["postponed_to"] == (TODAY + dt.timedelta(days=10)).isoformat()
