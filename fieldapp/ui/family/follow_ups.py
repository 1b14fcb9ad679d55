"""What a saved form leads to: after a visit that needs a referral or lists services, and after a
submitted assessment, the next record is offered in one click; an approved plan's "Revise"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from fieldapp.ui.family import starts
from fieldapp.ui.forms import FormDialog, open_form
from fieldapp.ui.safety import starts as safety_starts

Show = Callable[[QDialog], None]  # opens a dialog the way the window keeps its dialogs


def wire(dialog: QDialog, store: Any, show: Show, parent: QWidget | None) -> QDialog:
    """Connect a form's follow-ups; returns the dialog."""
    if not isinstance(dialog, FormDialog):
        return dialog
    dialog.revise.connect(lambda pid: show(wire(starts.revise_plan(parent, store, pid), store, show, parent)))
    dialog.write_own.connect(lambda form_id: show(wire(open_form(parent, store, form_id, dialog.household_id),
                                                       store, show, parent)))
    form = dialog.definition.id
    if form == "home_visit":
        dialog.saved.connect(lambda record: after_visit(record, store, show, parent))
    elif form == "needs_assessment":
        dialog.saved.connect(lambda record: after_assessment(record, store, show, parent))
    return dialog


def _offer(parent: QWidget | None, title: str, question: str,
           choices: list[tuple[str, str, Callable[[], None]]]) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setObjectName("nextSteps")
    actions = {}
    for name, label, act in choices:
        button = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        button.setObjectName(name)
        actions[button] = act
    later = box.addButton(QCoreApplication.translate("FamilyFollowUps", "Later"), QMessageBox.ButtonRole.RejectRole)
    later.setObjectName("later")
    box.buttonClicked.connect(lambda b: actions[b]() if b in actions else None)
    box.open()
    return box


def after_visit(visit: dict[str, Any], store: Any, show: Show, parent: QWidget | None) -> QMessageBox | None:
    """Offer the referral a visit asked for, and the services it lists, as records of their own."""
    choices = []
    referred = any(r.get("visit_id") == visit["id"] for r in store.records("referrals", household_id=visit["household_id"]))

    def then_the_rest(dialog: QDialog) -> QDialog:
        # Once one is saved, what the visit still asks for is offered again (several services, one by one).
        if isinstance(dialog, FormDialog):
            dialog.saved.connect(lambda _r: after_visit(store.get("visits", visit["id"]) or visit, store, show, parent))
        return dialog

    if visit.get("needs.referral_needed") is True and not referred:
        choices.append(("makeReferral", QCoreApplication.translate("FamilyFollowUps", "Make the referral"),
                        lambda: show(then_the_rest(starts.referral_from_visit(parent, store, visit["id"])))))
    if starts.visit_services(visit, store):
        choices.append(("recordServices", QCoreApplication.translate("FamilyFollowUps", "Record the services"),
                        lambda: show(then_the_rest(starts.service_from_visit(parent, store, visit["id"])))))
    if visit.get("safety_concern") is True and not any(
            a.get("visit_id") == visit["id"] for a in store.records("safety_assessments", household_id=visit["household_id"])):
        choices.insert(0, ("assessSafety", QCoreApplication.translate("FamilyFollowUps", "Assess the child's safety"),
                           lambda: show(then_the_rest(safety_starts.assessment_from_visit(parent, store, visit["id"])))))
    if not choices:
        return None
    question = (QCoreApplication.translate("FamilyFollowUps", "The visit is saved and records a safety concern: the "
                                           "notices are due within a day. Assess the child's safety now?")
                if choices[0][0] == "assessSafety" else
                QCoreApplication.translate("FamilyFollowUps", "The visit is saved. It asks for a referral or lists "
                                           "services delivered: record them now, so they can be followed up?"))
    return _offer(parent, QCoreApplication.translate("FamilyFollowUps", "After the visit"), question, choices)


def after_assessment(assessment: dict[str, Any], store: Any, show: Show, parent: QWidget | None) -> QMessageBox | None:
    """After a submitted assessment: offer the plan, prefilled with the needs it found."""
    if assessment.get("review_status") != "submitted":
        return None
    return _offer(parent, QCoreApplication.translate("FamilyFollowUps", "After the assessment"),
                  QCoreApplication.translate("FamilyFollowUps", "The assessment is submitted. Draw up the plan of "
                                             "social support now, starting from the needs it found?"),
                  [("makePlan", QCoreApplication.translate("FamilyFollowUps", "Draw up the plan"),
                    lambda: show(wire(starts.new_plan(parent, store, assessment["household_id"], assessment["id"]),
                                      store, show, parent)))])
