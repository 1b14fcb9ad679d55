"""The family file's case sections and the person's social-card fields, through real widgets."""

from __future__ import annotations

import json

from factories import household, person, visit
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from casework.enums import enumeration
from casework.ids import new_id
from fieldapp.ui.family_file import FamilyFile
from fieldapp.ui.forms import FormDialog
from fieldapp.ui.household_dialog import PersonDialog


def _page(qtbot, store, hid):
    page = FamilyFile(store, hid)
    qtbot.addWidget(page)
    page.show()
    return page


def _dialogs(page, kind=FormDialog):
    return [d for d in page.findChildren(kind) if d.isVisible()]


def test_a_persons_social_card_fields_follow_role_group_and_displacement(qtbot):
    mother_id = new_id()
    dialog = PersonDialog({"role": "child", "surname": "Бондар"}, others=[(mother_id, "Бондар Ганна")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.legal_status.isVisible() and not dialog.subgroup_a.isVisible()
    assert not dialog.idp_certificate.isVisible()
    dialog.given_name.setText("Софія")
    dialog.birth_date.set_value("2015-02-14")
    dialog.legal_status.set_code("deprived_of_care")
    dialog.representative_id.setCurrentIndex(dialog.representative_id.findData(mother_id))
    dialog.idp.setChecked(True)
    assert dialog.idp_certificate.isVisible()  # each person gets a certificate of their own (CMU No. 509)
    dialog.idp_certificate.setText("0000-1234567")
    dialog.disability.setChecked(True)
    dialog.disability_group.set_code("group_1")
    assert dialog.subgroup_a.isVisible()
    dialog.subgroup_a.setChecked(True)
    dialog.id_document_type.set_code("birth_certificate")
    dialog.registered_address.setText("м. Маріуполь, вул. Миру, 5")
    dialog.actual_address.setText("м. Суми, вул. Шкільна, 12")
    dialog._submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.data["legal_status"] == "deprived_of_care" and dialog.data["legal_representative_id"] == mother_id
    assert dialog.data["idp_certificate"] == "0000-1234567" and dialog.data["disability_subgroup_a"] is True
    assert dialog.data["registered_address"] != dialog.data["actual_address"]
    # Subgroup A without group I is not kept; a legal status is for children only.
    again = PersonDialog(dict(dialog.data, role="mother", disability_group="group_2"))
    qtbot.addWidget(again)
    assert "disability_subgroup_a" not in again.values() and "legal_status" not in again.values()


def test_a_visit_that_lists_services_offers_them_as_records_of_their_own(qtbot, store):
    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    child = store.write(lambda tx: tx.create("persons", person(hid)))["id"]
    code, second = enumeration("services").codes[:2]
    v = store.write(lambda tx: tx.create("visits", visit(hid, review_status="submitted", services=[
        {"code": code, "quantity": 2, "recipient_id": child}, {"code": second}])))
    page = _page(qtbot, store, hid)
    from fieldapp.ui.family import follow_ups

    box = follow_ups.after_visit(v, store, page.open_case_form, page)
    assert box is not None and box.findChild(QPushButton, "makeReferral") is None
    qtbot.mouseClick(box.findChild(QPushButton, "recordServices"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_dialogs(page)))
    (form,) = _dialogs(page)
    form.timer.stop()
    assert form.view.answers()["service"] == code and form.view.answers()["recipients"] == [child]
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert form.outcome == "submitted", form.status_text()
    assert form.record["visit_id"] == v["id"] and form.record["quantity"] == 2
    qtbot.waitUntil(lambda: len(page.service_list.ids) == 1)
    # The visit's second service is offered next, and once it is recorded nothing is left to offer.
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox, "nextSteps")))
    again = next(b for b in page.findChildren(QMessageBox, "nextSteps") if b.isVisible())
    qtbot.mouseClick(again.findChild(QPushButton, "recordServices"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(d is not form for d in _dialogs(page)))
    (next_form,) = [d for d in _dialogs(page) if d is not form]
    next_form.timer.stop()
    assert next_form.view.answers()["service"] == second
    next_form.view.editor("recipients").set_value([child])
    next_form.view.editor("recipients").edited.emit()
    qtbot.mouseClick(next_form.submit_button, Qt.MouseButton.LeftButton)
    assert next_form.outcome == "submitted", next_form.status_text()
    assert follow_ups.after_visit(store.get("visits", v["id"]), store, page.open_case_form, page) is None  # done


def test_protected_details_are_offered_only_with_protected_access(qtbot, store):
    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    page = _page(qtbot, store, hid)
    assert not next(a for a in page.add_menu.actions() if a.objectName() == "add:protected").isVisible()
    assert page.sections.indexOf(page.protected_list) == -1
    store.write(lambda tx: tx.set_meta("user", json.dumps({"id": "sofia", "protected_access": True})))
    allowed = _page(qtbot, store, hid)
    assert next(a for a in allowed.add_menu.actions() if a.objectName() == "add:protected").isVisible()
    assert allowed.sections.indexOf(allowed.protected_list) >= 0


def test_a_consent_withdrawn_without_a_date_says_so_and_keeps_it(qtbot, store):
    from fieldapp.ui.family.withdraw import WithdrawConsentDialog

    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    pid = store.write(lambda tx: tx.create("persons", person(hid)))["id"]
    c = store.write(lambda tx: tx.create("consents", {"household_id": hid, "person_id": pid,
                                                       "purpose": "photos", "given_on": "2026-03-02"}))
    dialog = WithdrawConsentDialog(store, c)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.on.set_value(None)
    dialog.save()
    assert dialog.isVisible() and dialog.form.errors["withdrawn_on"].text() == "This field is required."
    assert not store.get("consents", c["id"]).get("withdrawn_on")


def test_a_submitted_assessment_offers_the_plan_prefilled_with_its_needs(qtbot, store):
    from fieldapp.ui.family import follow_ups

    hid = store.write(lambda tx: tx.create("households", household()))["id"]
    needed = list(enumeration("services").codes[:2])
    a = store.write(lambda tx: tx.create("assessments", {
        "household_id": hid, "started_on": "2026-10-01", "review_status": "submitted",
        "services_needed": needed, "circumstances": [enumeration("circumstance_factors").codes[0]],
        "classification": "medium"}))
    page = _page(qtbot, store, hid)
    assert follow_ups.after_assessment(dict(a, review_status="draft"), store, page.open_case_form, page) is None
    box = follow_ups.after_assessment(a, store, page.open_case_form, page)
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.findChild(QPushButton, "makePlan"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(_dialogs(page)))
    (plan,) = _dialogs(page)
    plan.timer.stop()
    answers = plan.view.answers()
    assert [r["service"] for r in answers["actions"]] == needed and answers["classification"] == "medium"
    assert plan.fixed == {"assessment_id": a["id"], "plan_version": 1}
    plan.done(0)
