"""One case from identification to approved closure, through the real widgets of the family file,
on two enrolled laptops and the real sync server on 127.0.0.1 (docs/case-model.md)."""

from __future__ import annotations

import datetime as dt

from factories import household, person
from helpers.form_typist import type_text
from kit import answer, click, english, family_page, newest_dialog, submit, sync, two_laptops  # noqa: F401
from PySide6.QtWidgets import QMessageBox, QPushButton

from casework.enums import enumeration
from casework.ids import is_uuid
from fieldapp.store.review import review_queue
from fieldapp.ui.action_status import ActionStatusDialog
from fieldapp.ui.family.withdraw import WithdrawConsentDialog
from fieldapp.ui.supervisor.review_queue import ReviewQueueView


def follow_up(qtbot, page, button: str) -> None:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox, "nextSteps")))
    box = next(b for b in page.findChildren(QMessageBox, "nextSteps") if b.isVisible())
    click(qtbot, box.findChild(QPushButton, button))


def test_a_case_from_identification_to_approved_closure_on_two_laptops(qtbot, qapp, english,  # noqa: F811
                                                                        two_laptops):  # noqa: F811
    anna, sofia = two_laptops.anna, two_laptops.sofia
    services = list(enumeration("services").codes)[:3]
    # Identification: the family and its members, as the household dialog writes them.
    h = anna.write(lambda tx: tx.create("households", household(family_name="Ткаченко", status="active")))
    hid = h["id"]
    mother = anna.write(lambda tx: tx.create("persons", person(hid, role="mother", given_name="Олена",
                                                                birth_date="1990-03-14")))
    child = anna.write(lambda tx: tx.create("persons", person(hid, given_name="Іван", birth_date="2016-05-14")))
    page = family_page(qtbot, anna, hid, forms=("home_visit", "needs_assessment"))
    seen: list = []

    # Needs assessment, submitted: the plan is offered, prefilled with the needs it found.
    click(qtbot, page.assess_button)
    assessment = newest_dialog(qtbot, page, seen)
    for area in ("health", "nutrition", "learning", "emotional", "habits", "relations", "selfcare"):
        answer(assessment, f"child.{child['id']}.{area}.finding", "problems" if area == "learning" else "no_problems")
    answer(assessment, "classification", "medium")
    answer(assessment, "concl.circumstances_present", True)
    answer(assessment, "circumstances", [enumeration("circumstance_factors").codes[0]])
    answer(assessment, "services_needed", services[:2])
    answer(assessment, "conclusion", "Сімʼя потребує соціального супроводу.")
    submit(qtbot, assessment)
    follow_up(qtbot, page, "makePlan")

    # The plan: two actions came from the assessment's services, a third is added by hand.
    plan_dialog = newest_dialog(qtbot, page, seen)
    assert plan_dialog.definition.id == "case_plan"
    assert plan_dialog.view.answers()["plan.circumstances"] == [enumeration("circumstance_factors").codes[0]]
    actions = plan_dialog.view.editor("actions")
    assert len(actions.rows) == 2 and actions.row_editors(0)["service"].value() == services[0]
    click(qtbot, actions.add_button)
    type_text(actions.row_editors(2)["text"].focus_target(), "Оформити довідку ВПО на дитину")
    soon = (dt.date.today() + dt.timedelta(days=20)).strftime("%d.%m.%Y")
    for row in (actions.row_editors(n) for n in range(len(actions.rows))):
        type_text(row["responsible"].focus_target(), "Фахівець Петренко")
        type_text(row["due"].focus_target(), soon)
    answer(plan_dialog, "goal_codes", list(enumeration("plan_goals").codes[:2]))
    answer(plan_dialog, "goals", "Дитина відвідує школу; документи оформлено.")
    answer(plan_dialog, "next_review_on", (dt.date.today() + dt.timedelta(days=90)).isoformat())
    plan = submit(qtbot, plan_dialog)
    assert plan["assessment_id"] and plan["plan_version"] == 1 and len(plan["actions"]) == 3
    assert all(is_uuid(a["id"]) for a in plan["actions"])
    qtbot.waitUntil(lambda: len(page.plan_panel.actions.ids) == 3)

    # A visit that needs a referral: the referral is made from it, prefilled.
    click(qtbot, page.visit_button)
    visit = newest_dialog(qtbot, page, seen)
    answer(visit, "started_at", dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat())
    answer(visit, "type", enumeration("visit_types").codes[0])
    answer(visit, "place", "home")
    answer(visit, "safety_concern", False)
    answer(visit, "attest.worker", True)
    answer(visit, "notes", "Дитина не має довідки ВПО.")
    answer(visit, "needs.referral_needed", True)
    answer(visit, "needs.referral_to", "Центр надання адміністративних послуг")
    visit_record = submit(qtbot, visit)
    follow_up(qtbot, page, "makeReferral")
    referral_dialog = newest_dialog(qtbot, page, seen)
    assert referral_dialog.view.answers()["agency"] == "Центр надання адміністративних послуг"
    type_text(referral_dialog.view.editor("reason").focus_target(), "Оформлення довідки ВПО на дитину.")
    answer(referral_dialog, "referral.consent", True)
    referral = submit(qtbot, referral_dialog)
    assert referral["visit_id"] == visit_record["id"] and referral["status"] == "sent"

    # Two services delivered, from the Services section.
    for code, who in ((services[0], [child["id"]]), (services[1], [mother["id"], child["id"]])):
        page.sections.setCurrentWidget(page.service_list)
        click(qtbot, page.service_list.findChild(QPushButton, "new:service_event"))
        service = newest_dialog(qtbot, page, seen)
        answer(service, "service", code)
        answer(service, "recipients", who)
        submit(qtbot, service)
    qtbot.waitUntil(lambda: len(page.service_list.ids) == 2)

    # A consent recorded, then withdrawn.
    page.sections.setCurrentWidget(page.consent_list)
    click(qtbot, page.consent_list.findChild(QPushButton, "new:consent"))
    consent_dialog = newest_dialog(qtbot, page, seen)
    answer(consent_dialog, "person_id", child["id"])
    answer(consent_dialog, "given_by_id", mother["id"])
    answer(consent_dialog, "purpose", "photos")
    consent = submit(qtbot, consent_dialog)
    qtbot.waitUntil(lambda: page.consent_list.ids == [consent["id"]])
    page.consent_list.table.selectRow(0)
    assert page.withdraw_button.isEnabled()
    click(qtbot, page.withdraw_button)
    withdraw = newest_dialog(qtbot, page, seen, WithdrawConsentDialog)
    type_text(withdraw.note, "Мати відкликала письмово.")
    click(qtbot, withdraw.buttons.button(withdraw.buttons.StandardButton.Save))
    qtbot.waitUntil(lambda: anna.get("consents", consent["id"]).get("withdrawn_on") == dt.date.today().isoformat())
    qtbot.waitUntil(lambda: not page.withdraw_button.isEnabled())

    # An action marked done, under the submitted (locked) plan.
    page.sections.setCurrentWidget(page.plan_panel)
    done = plan["actions"][2]
    page.plan_panel.select_action(done["id"])
    click(qtbot, page.plan_panel.status_button)
    status = newest_dialog(qtbot, page, seen, ActionStatusDialog)
    assert status.status.code() == "done"
    click(qtbot, status.buttons.button(status.buttons.StandardButton.Save))
    qtbot.waitUntil(lambda: [s.status for s in page.plan_panel.states] == ["planned", "planned", "done"])

    # The report on the results: prefilled with the plan's goals; it goes for review, the case stays open.
    click(qtbot, page.close_button)
    report = newest_dialog(qtbot, page, seen)
    assert report.definition.id == "case_closure"
    goals = report.view.answers()["closure.goal_results"]
    assert [g["goal"] for g in goals] == list(enumeration("plan_goals").codes[:2])
    assert report.view.answers()["closure.services"] == sorted(services[:2])
    answer(report, "closure.goal_results", [dict(g, level="fully") for g in goals])
    answer(report, "closure_reason", "goals_achieved")
    answer(report, "closure_outcome", "OVR")
    results = report.view.answers()["closure.results"].splitlines()  # each action with its status, to write on
    assert len(results) == 3 and results[2] == "• Оформити довідку ВПО на дитину — Done"
    answer(report, "closure.results", "Довідку оформлено, дитина відвідує школу.")
    answer(report, "closure.family_state", "Сімʼя справляється сама.")
    answer(report, "closure.family_informed", True)
    submit(qtbot, report)
    assert anna.get("households", hid)["status"] == "active"
    assert anna.get("households", hid)["review_status"] == "submitted"
    qtbot.waitUntil(lambda: page.close_button.text() == "Closure report: awaiting approval")

    # The supervisor's laptop, after sync, approves the closure in her review queue.
    sync(anna)
    sync(sofia)
    for collection in ("plans", "referrals", "service_events", "consents", "action_updates"):
        assert len(list(sofia.records(collection, household_id=hid))) == len(list(anna.records(collection,
                                                                                              household_id=hid)))
    assert sofia.get("consents", consent["id"])["withdrawal_note"] == "Мати відкликала письмово."
    queue = ReviewQueueView(sofia)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitUntil(lambda: any(i.collection == "households" for i in queue.model.items))
    row = next(n for n, i in enumerate(queue.model.items) if i.collection == "households")
    queue.table.selectRow(row)
    assert [i.record_id for i in queue.selected()] == [hid]
    report_shown = queue.details.toPlainText()  # the supervisor reads the report's answers, not only its fields
    assert "Довідку оформлено, дитина відвідує школу." in report_shown and "Сімʼя справляється сама." in report_shown
    click(qtbot, queue.approve)
    qtbot.waitUntil(lambda: sofia.get("households", hid)["review_status"] == "approved")
    qtbot.waitUntil(lambda: not queue.busy)  # the queue reads itself again after the approval
    assert sofia.get("households", hid)["status"] == "closed"
    assert all(i.record_id != hid for i in review_queue(sofia))
    sync(sofia)
    sync(anna)
    closed = anna.get("households", hid)
    assert closed["status"] == "closed" and closed["review_status"] == "approved"
    page.reload()
    assert not page.close_button.isVisible() and "closed" in page.title.text()
    for widget in [*seen, queue, page]:  # nothing reads a store after it is closed
        widget.hide()
        widget.deleteLater()
    qapp.processEvents()
    anna.close()
    sofia.close()
