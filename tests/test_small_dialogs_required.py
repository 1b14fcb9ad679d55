"""The small dialogs mark the fields that must be filled in as the family and member dialogs do (issue
13), and a field that a choice makes required is marked the moment the choice is made: "Postponed to"
once "Postponed" is chosen, "Why it was refused" once "Refused" is. Real widgets, choices made with
the keyboard, a real encrypted store."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from fieldapp.ui.action_status import ActionStatusDialog
from fieldapp.ui.family.withdraw import WithdrawConsentDialog
from fieldapp.ui.fields import REQUIRED_MARK
from fieldapp.ui.follow_up import FollowUpDialog, ReferralStatusDialog
from tests.factories import household, person
from tests.test_ui_action_status import plan_ref  # noqa: F401 - the fixture: a plan's action

TODAY = dt.date.today()


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def choose(qtbot, combo: QComboBox, code: str) -> None:
    """Pick `code` with the arrow keys, as a caseworker does in the focused list."""
    combo.setFocus()
    wanted = combo.findData(code)
    assert wanted >= 0, code
    key = Qt.Key.Key_Down if wanted > combo.currentIndex() else Qt.Key.Key_Up
    while combo.currentIndex() != wanted:
        qtbot.keyClick(combo, key)


def marked(dialog) -> set[str]:
    """The fields shown whose names carry the mark, each with the mark's tooltip."""
    out = set()
    for name, caption in dialog.form.captions.items():
        if caption.isVisible() and caption.text().endswith(REQUIRED_MARK):
            assert caption.toolTip() == "Must be filled in", name
            out.add(name)
    return out


def test_the_plan_action_marks_postponed_to_while_postponed_is_chosen(qtbot, store, plan_ref):  # noqa: F811
    dialog = shown(qtbot, ActionStatusDialog(store, plan_ref, "done", today=TODAY))
    assert marked(dialog) == {"status", "on"} and dialog.legend.isVisible()
    choose(qtbot, dialog.status, "postponed")
    assert marked(dialog) == {"status", "on", "postponed_to"}
    assert dialog.form.captions["postponed_to"].text() == "Postponed to" + REQUIRED_MARK
    assert dialog.postponed_to.accessibleDescription() == "Must be filled in"
    choose(qtbot, dialog.status, "done")
    assert marked(dialog) == {"status", "on"} and not dialog.postponed_to.isVisible()
    assert dialog.form.captions["postponed_to"].text() == "Postponed to"
    assert dialog.postponed_to.accessibleDescription() == ""


def test_a_referral_marks_the_reason_while_refused_is_chosen(qtbot, store):
    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    referral = store.write(lambda tx: tx.create("referrals", {
        "household_id": hid, "agency": "ЦНАП", "reason": "Довідка ВПО", "referred_on": TODAY.isoformat(),
        "status": "sent"}))
    dialog = shown(qtbot, ReferralStatusDialog(store, referral, today=TODAY))
    assert marked(dialog) == set() and not dialog.legend.isVisible()  # nothing here must be filled in
    choose(qtbot, dialog.status, "refused")
    assert marked(dialog) == {"refusal_reason"} and dialog.legend.isVisible()
    choose(qtbot, dialog.status, "completed")
    assert marked(dialog) == set() and not dialog.legend.isVisible()
    assert not dialog.refusal.isVisible()


def test_the_follow_up_marks_its_date(qtbot, store):
    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    dialog = shown(qtbot, FollowUpDialog(store, hid, "Шаповал", today=TODAY))
    assert marked(dialog) == {"follow_up_done_on"} and dialog.legend.isVisible()


def test_a_consent_withdrawal_marks_its_date(qtbot, store):
    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    pid = store.write(lambda tx: tx.create("persons", person(hid)))["id"]
    consent = store.write(lambda tx: tx.create("consents", {"household_id": hid, "person_id": pid,
                                                             "purpose": "photos", "given_on": "2026-03-02"}))
    dialog = shown(qtbot, WithdrawConsentDialog(store, consent, today=TODAY))
    assert marked(dialog) == {"withdrawn_on"} and dialog.legend.isVisible()
