"""Today on a 2,000-family demo profile: a working amount, the same answer as casework.deadlines, and an
action marked done through the real widget leaves the list."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import kit
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from casework import deadlines, safety
from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.today_view import COL_ACTION, Group

FAMILIES = 2000
TODAY = dt.date.today()  # the view asks for today's list


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory):
    return kit.demo_profile(tmp_path_factory.mktemp("today") / "profile", FAMILIES, seed=5, today=TODAY)


@pytest.fixture
def demo_store(demo_profile, tmp_path):
    s = kit.copy_opened(demo_profile, tmp_path / "copy")
    yield s
    s.close()


def by_rules(store: Store, today: dt.date, until: dt.date) -> set[tuple[str, str, str, dt.date]]:
    """What is due, by casework.deadlines alone over every record (no SQL): the reference answer."""
    out = set()
    for hh in store.records("households"):
        hid = hh["id"]
        if hh.get("status") == "closed":
            day = deadlines.closure_follow_up_due(hh)
            if day is not None and day <= until:
                out.add(("follow_up", hid, hid, day))
            continue
        visits = sorted(store.records("visits", household_id=hid), key=lambda v: v["started_at"])
        if visits and visits[-1].get("next_visit_on"):
            day = dt.date.fromisoformat(visits[-1]["next_visit_on"])
            if day <= until:
                out.add(("visit", hid, "", day))
        due_assessment = deadlines.assessment_due(hh)
        if not visits and due_assessment and due_assessment <= until:
            out.add(("visit", hid, "", due_assessment))
        if not list(store.records("assessments", household_id=hid)) and due_assessment and due_assessment <= until:
            out.add(("assessment", hid, "", due_assessment))
        plan = deadlines.current_plan(store.records("plans", household_id=hid))
        updates = deadlines.updates_by_action(store.records("action_updates", household_id=hid))
        for action in (plan or {}).get("actions", []):
            day = deadlines.action_due(action, updates.get(action["id"], []))
            if day is not None and day <= until:
                out.add(("action", hid, action["id"], day))
        for referral in store.records("referrals", household_id=hid):
            day = deadlines.referral_follow_up_due(referral)
            if day is not None and day <= until:
                out.add(("referral", hid, referral["id"], day))
        # A concern's notices (casework.safety), whatever `until` says: listed while recent and open.
        clocks = safety.clocks(visits, store.records("safety_assessments", household_id=hid),
                               store.records("safety_notices", household_id=hid))
        for c in safety.open_clocks(clocks, dt.datetime.now(dt.UTC)):
            out.add(("notice", hid, c.concern_id, c.due_at.astimezone().date()))
    return out


def key(item: queries.DueItem) -> tuple[str, str, str, dt.date]:
    ref = item.action_id if item.kind == "action" else "" if item.kind in ("visit", "assessment") else item.record_id
    return (item.kind, item.household_id, ref, item.due)


def test_the_list_is_the_rules_answer(demo_store):
    """SQL only narrows what casework.deadlines decides: both give the same list, kind by kind."""
    until = queries.week_end(TODAY)
    items = queries.due(demo_store, TODAY)
    assert {key(i) for i in items} == by_rules(demo_store, TODAY, until)
    assert len({key(i) for i in items}) == len(items)


def test_a_demo_today_is_a_working_day(demo_store):
    items = queries.due(demo_store, TODAY)
    kinds = Counter(i.kind for i in items)
    late = [i for i in items if i.overdue(TODAY)]
    # The bound. The demo visits a family every 14-60 days (a mean of about 37), so about a fifth
    # of the families have a visit in a week; a six-month plan has 2-4 actions, so about one
    # family in ten has an action due in a week; referrals and follow-ups add a few. Half an
    # item per family (1,000 here, 20 a week for a caseworker with 40 families) is the most a
    # working week holds; the profile listed 6,204 items, 5,855 of them overdue.
    assert FAMILIES // 10 <= len(items) <= FAMILIES // 2, kinds
    # Overdue: what slipped recently (5% of next visits by up to two weeks, some actions due
    # in the last month), never one family in ten, and nothing older than a month and a half.
    assert len(late) <= FAMILIES // 10, Counter(i.kind for i in late)
    assert max((TODAY - i.due).days for i in late) <= 45
    assert set(kinds) == set(queries.KINDS)  # every kind of work shows up on a demo day


def test_marking_an_action_done_through_the_widget_removes_it(qtbot, demo_store):
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentIndex(1)
    view = w.today_view
    qtbot.waitUntil(lambda: view.loaded, timeout=30000)
    before = len(view.model.items)
    row = next(r for r, e in enumerate(view.model.rows) if not isinstance(e, Group) and e.kind == "action")
    item = view.model.item(row)
    view.table.scrollTo(view.model.index(row, COL_ACTION))
    rect = view.table.visualRect(view.model.index(row, COL_ACTION))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = view.dialog
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.loading and len(view.model.items) == before - 1, timeout=30000)
    assert all((i.kind, i.action_id) != ("action", item.action_id) for i in view.model.items)
    w.close()
