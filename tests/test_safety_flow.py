"""A concern never waits: from a visit's concern to the supervisor's laptop, through the real widgets,
two enrolled laptops and the real sync server on 127.0.0.1 (issue 14, "Must show")."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import household, person, visit
from kit import (  # noqa: F401  (english, two_laptops: fixtures)
    answer,
    click,
    english,
    enrolled_laptop,
    family_page,
    newest_dialog,
    quick_transport,
    submit,
    sync,
    two_laptops,
)
from PySide6.QtWidgets import QMessageBox, QPushButton

from casework import safety
from fieldapp.store import queries
from fieldapp.ui import background
from fieldapp.ui.family_file import FamilyFile
from fieldapp.ui.forms import open_form
from fieldapp.ui.safety import texts
from fieldapp.ui.safety.notify import ConcernNotifier
from fieldapp.ui.supervisor.review_queue import ReviewQueueView
from fieldapp.ui.supervisor.team_view import TeamView
from fieldapp.ui.today_view import TodayModel, TodayView


@pytest.fixture(autouse=True)
def background_done():
    yield
    background.wait()


class TrayStandIn:
    """Qt's tray icon (not ours, and absent offscreen): records what it was asked to show."""

    def __init__(self):
        self.shown: list[tuple[str, str]] = []

    def showMessage(self, title, message, icon, msecs):  # noqa: N802 - Qt's name
        self.shown.append((title, message))


def family(store, name):
    h = store.write(lambda tx: tx.create("households", household(family_name=name, status="active")))
    store.write(lambda tx: tx.create("persons", person(h["id"], role="mother", given_name="Олена",
                                                        birth_date="1990-03-14")))
    child = store.write(lambda tx: tx.create("persons", person(h["id"], given_name="Іван", birth_date="2016-05-14")))
    return h["id"], child["id"]


def test_a_concern_from_the_visit_through_assessment_and_three_notices_reaches_the_supervisor_first(
        qtbot, english, two_laptops):  # noqa: F811
    anna, sofia = two_laptops.anna, two_laptops.sofia
    # An older concern of another family, its notices all given: it must come after the new one.
    old_id, _ = family(anna, "Давненко")
    three_days_ago = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(days=3)
    old_visit = anna.write(lambda tx: tx.create("visits", visit(
        old_id, started_at=three_days_ago.isoformat(), safety_concern=True, safety_details="Бійка вдома.",
        review_status="submitted")))
    for recipient in safety.RECIPIENTS:
        anna.write(lambda tx, r=recipient: tx.create("safety_notices", {
            "household_id": old_id, "concern_id": old_visit["id"], "recipient": r, "channel": "phone",
            "notified_by": "Анна", "notified_at": (three_days_ago + dt.timedelta(hours=2)).isoformat()}))
    hid, child = family(anna, "Тривоженко")

    page = family_page(qtbot, anna, hid)
    seen: list = []

    # The visit raises the concern; saving it offers the safety assessment at once.
    click(qtbot, page.visit_button)
    visit_dialog = newest_dialog(qtbot, page, seen)
    started = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).replace(second=0, microsecond=0).isoformat()
    answer(visit_dialog, "started_at", started)
    answer(visit_dialog, "type", "monitoring")
    answer(visit_dialog, "place", "home")
    answer(visit_dialog, "attest.worker", True)
    answer(visit_dialog, "members_present", [child])
    answer(visit_dialog, "children_seen", [child])
    answer(visit_dialog, "safety_concern", True)
    answer(visit_dialog, "safety_details", "Синці на руках дитини; дитина боїться йти додому.")
    answer(visit_dialog, "notes", "Візит після повідомлення школи.")
    concern = submit(qtbot, visit_dialog)
    qtbot.waitUntil(lambda: any(b.isVisible() for b in page.findChildren(QMessageBox, "nextSteps")))
    box = next(b for b in page.findChildren(QMessageBox, "nextSteps") if b.isVisible())
    assert "within a day" in box.text()
    click(qtbot, box.findChild(QPushButton, "assessSafety"))

    # The assessment opens prefilled with what the visit recorded.
    assessment_dialog = newest_dialog(qtbot, page, seen)
    assert assessment_dialog.definition.id == "safety_assessment"
    answers = assessment_dialog.view.answers()
    assert answers["child_id"] == child
    assert answers["state.other"] == "Синці на руках дитини; дитина боїться йти додому."
    assert dt.datetime.fromisoformat(answers["identified_at"]) == dt.datetime.fromisoformat(started)
    answer(assessment_dialog, "state.abuse_signs", "T")
    answer(assessment_dialog, "safety_level", "D")
    answer(assessment_dialog, "immediate_measures", "Дитину з матірʼю переведено до родичів.")
    assessment = submit(qtbot, assessment_dialog)
    assert assessment["visit_id"] == concern["id"]

    # The Safety tab: the clock runs; each notice is recorded from it, the next recipient prefilled.
    page.sections.setCurrentWidget(page.safety_panel)
    panel = page.safety_panel
    qtbot.waitUntil(lambda: panel.clocks and panel.clocks[0].concern_id == concern["id"])
    assert panel.summary.isVisible() and "left" in panel.summary.text()
    assert "Dangerous" in panel.clock_list.table.item(0, 1).text()
    assert page.safety.isVisible() and "left" in page.safety_text.text()
    for expected in safety.RECIPIENTS:
        click(qtbot, panel.notice_button)
        notice = newest_dialog(qtbot, page, seen)
        assert notice.view.answers()["recipient"] == expected
        answer(notice, "channel", "phone")
        answer(notice, "notified_by", "Анна Коваль")
        answer(notice, "answer", "Прийнято, номер 15/2")
        submit(qtbot, notice)
    qtbot.waitUntil(lambda: panel.clocks and panel.clocks[0].complete and panel.clocks[0].concern_id == concern["id"])
    assert panel.clocks[0].on_time()
    assert panel.clock_list.table.item(0, 2).text() == "All notices given within the day"
    assert panel.notice_list.table.rowCount() == 3

    sync(anna)
    sync(sofia)
    tray = TrayStandIn()
    notifier = ConcernNotifier(sofia, tray)
    notifier.check()
    assert tray.shown == [("Child safety", "2 new safety concern(s) in the team.")]
    assert notifier.check() == []  # told once

    # The supervisor's queue: the concerns come first, the new one on top with its clock.
    view = ReviewQueueView(sofia)
    qtbot.addWidget(view)
    view.resize(1366, 740)
    view.show()
    assert view.layout().itemAt(0).widget() is view.concerns and view.concerns.isVisible()
    rows = view.concerns.rows()
    assert [hid_ for hid_, _ in rows] == [hid, old_id]
    assert rows[0][1] == "All notices given within the day"
    assert "Тривоженко" in view.concerns.table.item(0, 0).text()
    with qtbot.waitSignal(view.concerns.open_household) as opened:
        view.concerns.table.cellDoubleClicked.emit(0, 0)
    assert opened.args == [hid]


def test_a_day_without_the_notices_is_overdue_on_both_laptops(qtbot, english, two_laptops):  # noqa: F811
    anna, sofia = two_laptops.anna, two_laptops.sofia
    hid, child = family(anna, "Забутенко")
    identified = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=26)).replace(microsecond=0)
    concern = anna.write(lambda tx: tx.create("visits", visit(
        hid, started_at=identified.isoformat(), safety_concern=True, children_seen=[child],
        members_present=[child], safety_details="Дитина сама вдома два дні.", review_status="submitted")))
    # Only the police were told, within the day; the children's service and the centre never.
    anna.write(lambda tx: tx.create("safety_notices", {
        "household_id": hid, "concern_id": concern["id"], "recipient": "police", "channel": "phone",
        "notified_by": "Анна", "notified_at": (identified + dt.timedelta(hours=1)).isoformat()}))

    # The caseworker's side, a day earlier: the clock was running, not red.
    page = FamilyFile(anna, hid)
    qtbot.addWidget(page)
    panel = page.safety_panel
    panel.now = lambda: identified + dt.timedelta(hours=3)
    panel.reload()
    assert panel.summary.text() == "Notices: 21 h left: Children's service, Centre of social services"
    assert panel.clock_list.table.item(0, 2).foreground().color() == texts.RUNNING
    # ... and now, the day passed: overdue, in red, in the file, its banner and Today.
    panel.now = texts.now
    page.reload()
    assert panel.summary.text().startswith("Notices overdue by 2 h")
    assert panel.clock_list.table.item(0, 2).foreground().color() == texts.ALERT
    assert "overdue" in page.safety_text.text()
    [item] = queries.due(anna, kinds=("notice",))
    assert item.overdue(dt.date.today()) and item.record_id == concern["id"]
    assert item.detail.split(",") == ["children_service", "centre"]
    today = TodayView(anna)
    qtbot.addWidget(today)
    today.show()
    qtbot.waitUntil(lambda: today.loaded)
    model: TodayModel = today.model
    assert model.heading(model.rows[0]).startswith("Overdue")
    first = model.item(1)
    assert first.kind == "notice"
    assert model.when(first).startswith("overdue by 2 h")
    assert model.what(first) == ("Safety concern: notices to Children's service, "
                                 "Centre of social services")

    # The supervisor's side after the sync: overdue first, in red, in the queue and the team; a tray message.
    sync(anna)
    sync(sofia)
    tray = TrayStandIn()
    ConcernNotifier(sofia, tray).check()
    assert tray.shown == [("Child safety", "1 concern(s) overdue: the notices were not all given within the day.")]
    queue = ReviewQueueView(sofia)
    qtbot.addWidget(queue)
    [(first_family, state)] = queue.concerns.rows()
    assert first_family == hid and state.startswith("Notices overdue by 2 h")
    assert queue.concerns.table.item(0, 2).foreground().color() == texts.ALERT
    assert "overdue: 1" in queue.concerns.title.text()
    team = TeamView(sofia, transport=quick_transport)
    qtbot.addWidget(team)
    assert team.layout().itemAt(0).widget() is team.concerns
    assert team.concerns.rows()[0][0] == hid


def test_a_saved_concern_syncs_at_once_and_an_ordinary_record_waits(qtbot, english, live_server, tmp_path):  # noqa: F811
    from kit import no_retry_transport

    from fieldapp.ui.safety import urgent
    from fieldapp.ui.sync.controller import SyncController

    anna = enrolled_laptop(tmp_path, "anna", live_server.base, "anna")
    hid, child = family(anna, "Поспішенко")
    controller = SyncController(anna, transport=no_retry_transport)
    page = FamilyFile(anna, hid)
    qtbot.addWidget(page)

    ordinary = urgent.wire(open_form(page, anna, "service_event", hid), controller)
    ordinary.timer.stop()
    answer(ordinary, "service", "012.0")
    answer(ordinary, "recipients", [child])
    submit(qtbot, ordinary)
    assert not controller.running  # an ordinary record waits for the next round

    dialog = urgent.wire(starts_notice(page, anna, hid), controller)
    answer(dialog, "channel", "phone")
    answer(dialog, "notified_by", "Анна")
    with qtbot.waitSignal(controller.finished, timeout=60_000) as done:
        submit(qtbot, dialog)
        assert controller.running  # at once: no pause after the save
    assert done.args[0].pushed >= 1 and anna.pending_count() == 0
    controller.stop()


def starts_notice(page, store, hid):
    """A notice of a concern begun from the family file (an assessment identified now)."""
    from fieldapp.ui.safety import starts

    members = queries.members(store, hid)
    child = next(p["id"] for p in members if p["role"] == "child")
    now = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    assessment = store.write(lambda tx: tx.create("safety_assessments", {
        "household_id": hid, "child_id": child, "identified_at": now.isoformat(),
        "assessed_on": now.date().isoformat(), "safety_level": "VD"}))
    dialog = starts.new_notice(page, store, hid, assessment["id"], "police")
    dialog.timer.stop()
    dialog.confirm_discard = lambda: True
    return dialog


def test_without_protected_access_the_violence_records_are_not_offered_on_the_laptop(qtbot, english, tmp_path):  # noqa: F811
    import json

    from kit import FAST_KDF, PASSPHRASE

    from fieldapp.store.database import Store
    from fieldapp.ui.safety import starts

    store = Store.create(tmp_path / "p", PASSPHRASE, kdf=FAST_KDF)
    store.write(lambda tx: tx.set_meta("user", json.dumps({"role": "caseworker", "protected_access": False})))
    hid, child = family(store, "Звичайненко")
    page = FamilyFile(store, hid)
    qtbot.addWidget(page)
    assert page.safety_panel.protected_list is None
    assert page.safety_panel.findChild(QPushButton, "new:dv_risk_assessment") is None
    for form_id in starts.PROTECTED_FORMS:
        with pytest.raises(PermissionError):
            starts.new_protected(page, store, hid, form_id)
    store.close()
