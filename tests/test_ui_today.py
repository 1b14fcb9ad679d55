"""Today and this week as a planner: grouped by day, each item's own action in one click, gone once done."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from casework.ids import new_id
from fieldapp.store.errors import RecordLocked
from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.today_view import COL_ACTION, COL_DUE, COL_FAMILY, COL_MORE, Group, TodayModel
from tests.factories import household, person, visit

TODAY = dt.date.today()
ACTION = new_id()


def _day(days: int) -> str:
    return (TODAY + dt.timedelta(days=days)).isoformat()


@pytest.fixture
def due_store(store):
    def write(tx):
        late = tx.create("households", household(family_name="Пізній", identified_on="2026-01-05"))
        tx.create("persons", person(late["id"], role="mother", surname="Пізня", given_name="Олена",
                                    birth_date="1990-02-01"))
        tx.create("persons", person(late["id"], role="child", surname="Пізня", given_name="Марта",
                                    birth_date=_day(-7 * 365 - 30)))
        tx.create("assessments", {"household_id": late["id"], "started_on": "2026-01-06", "review_status": "draft"})
        tx.create("visits", visit(late["id"], started_at=dt.datetime(2026, 1, 10, 10, tzinfo=dt.UTC).isoformat(),
                                  next_visit_on=_day(-3), review_status="draft"))
        plan = tx.create("plans", {"household_id": late["id"], "drawn_up_on": "2026-01-12", "review_status": "draft",
                                   "actions": [{"id": ACTION, "text": "Оформити довідку ВПО", "due": _day(2)}]})
        tx.update("plans", plan["id"], {"review_status": "approved"})
        tx.create("referrals", {"household_id": late["id"], "agency": "Служба у справах дітей", "reason": "Захист",
                                "referred_on": _day(-20), "status": "sent", "follow_up_on": _day(1)})
        new = tx.create("households", household(family_name="Новий", identified_on=TODAY.isoformat()))
        closed = tx.create("households", household(family_name="Закритий", identified_on="2026-01-05"))
        tx.update("households", closed["id"], {"status": "closed", "review_status": "approved",
                                               "closure_reason": "goals_achieved", "closed_on": _day(-30),
                                               "closure_outcome": "OVR", "follow_up_on": _day(-1)})
        return late["id"], new["id"], closed["id"], plan["id"]

    return store, store.write(write)


@pytest.fixture
def window(qtbot, due_store):
    store, _ids = due_store
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: w.today_view.loaded)  # read off the GUI thread
    yield w
    w.close()
    for d in list(w.dialogs):
        d.done(0)


def _row(model, kind, household_id=None):
    return next(r for r, e in enumerate(model.rows)
                if not isinstance(e, Group) and e.kind == kind and household_id in (None, e.household_id))


def _click(qtbot, view, row, col):
    rect = view.table.visualRect(view.model.index(row, col))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _save(qtbot, dialog):
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_grouped_by_day_overdue_first(qtbot, window, due_store):
    _store, (late, new, closed, _plan) = due_store
    model = window.today_view.model
    headings = [e for e in model.rows if isinstance(e, Group)]
    assert headings[0].day is None  # overdue: the late visit and the closure follow-up
    assert [e.day for e in headings[1:]] == sorted(e.day for e in headings[1:])
    assert model.index(0, 0).data().startswith("Overdue: 2")
    items = [e for e in model.rows if not isinstance(e, Group)]
    assert {(i.kind, i.household_id) for i in items} == {
        ("visit", late), ("follow_up", closed), ("visit", new), ("assessment", new), ("action", late),
        ("referral", late)}
    first = next(i for i in items if i.kind == "visit" and i.household_id == new)
    assert first.first  # a family never visited: its first visit is due
    row = _row(model, "visit", late)
    assert model.index(row, COL_DUE).data() == "overdue by 3 day(s)"
    assert model.index(row, COL_DUE).data(Qt.ItemDataRole.DecorationRole) is not None  # icon, not colour alone
    assert model.index(row, COL_FAMILY).data() == "Пізня Олена; children: Марта 7"
    assert model.index(_row(model, "action"), COL_ACTION).data().endswith("Mark done…")
    assert model.index(_row(model, "action"), COL_MORE).data() == "Postpone…"
    view = window.today_view
    assert "6 in all, 2 overdue" in view.summary.text()
    view.kinds["visit"].setChecked(False)  # show only some kinds
    assert {i.kind for i in model.rows if not isinstance(i, Group)} == {"follow_up", "assessment", "action",
                                                                         "referral"}
    assert view.kinds["visit"].text() == "Visits (2)"


def test_sorting_keeps_days_in_order(qtbot, window):
    view = window.today_view
    view.table.horizontalHeader().setSortIndicator(COL_FAMILY, Qt.SortOrder.DescendingOrder)
    model = view.model
    days = [e.day for e in model.rows if isinstance(e, Group)]
    assert days[0] is None and days[1:] == sorted(days[1:])
    for start, entry in enumerate(model.rows):
        if isinstance(entry, Group):
            group = model.rows[start + 1:start + 1 + entry.count]
            names = [(i.head or i.family_name).casefold() for i in group]
            assert names == sorted(names, reverse=True)


def test_model_passes_modeltester(qtmodeltester, window):
    qtmodeltester.check(window.today_view.model)
    qtmodeltester.check(TodayModel())


def test_one_click_starts_a_visit(qtbot, window, due_store):
    _store, (late, _new, _closed, _plan) = due_store
    view = window.today_view
    _click(qtbot, view, _row(view.model, "visit", late), COL_ACTION)
    form = window.dialogs[-1]
    assert form.objectName() == "form:home_visit" and form.isVisible()
    assert form.household_id == late
    assert window.tabs.currentWidget().household_id == late  # the family's file is behind it
    form.done(0)


def test_marking_an_action_done_removes_it(qtbot, window, due_store):
    store, (late, _new, _closed, plan) = due_store
    view = window.today_view
    _click(qtbot, view, _row(view.model, "action"), COL_ACTION)
    dialog = view.dialog
    assert dialog.objectName() == "actionStatus" and dialog.status.code() == "done"
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not view.loading and not any(
        getattr(e, "kind", "") == "action" for e in view.model.rows))
    [update] = list(store.records("action_updates", household_id=late))
    assert (update["plan_id"], update["action_id"], update["status"]) == (plan, ACTION, "done")


def test_postponing_moves_the_action_to_its_new_day(qtbot, window, due_store):
    _store, _ids = due_store
    view = window.today_view
    _click(qtbot, view, _row(view.model, "action"), COL_MORE)
    dialog = view.dialog
    assert dialog.status.code() == "postponed"
    dialog.postponed_to.set_value(_day(5))
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not view.loading and view.model.item(_row(view.model, "action")).due
                    == TODAY + dt.timedelta(days=5))
    assert view.model.item(_row(view.model, "action")).status == "postponed"


def test_following_up_a_referral(qtbot, window, due_store):
    store, _ids = due_store
    view = window.today_view
    row = _row(view.model, "referral")
    rid = view.model.item(row).record_id
    _click(qtbot, view, row, COL_ACTION)
    dialog = view.dialog
    dialog.status.setCurrentIndex(dialog.status.findData("refused"))
    _save(qtbot, dialog)  # refused without a reason: said under the field, nothing written
    qtbot.waitUntil(lambda: dialog.form.errors["refusal_reason"].isVisible())
    assert dialog.form.errors["refusal_reason"].text() == "Give the reason the referral was refused."
    dialog.status.setCurrentIndex(dialog.status.findData("completed"))
    _save(qtbot, dialog)
    qtbot.waitUntil(lambda: not view.loading and not any(
        getattr(e, "kind", "") == "referral" for e in view.model.rows))
    assert store.get("referrals", rid)["status"] == "completed"


def test_closure_follow_up_is_recorded_under_the_approved_closure(qtbot, window, due_store):
    store, (_late, _new, closed, _plan) = due_store
    view = window.today_view
    _click(qtbot, view, _row(view.model, "follow_up"), COL_ACTION)
    _save(qtbot, view.dialog)
    qtbot.waitUntil(lambda: not view.loading and not any(
        getattr(e, "kind", "") == "follow_up" for e in view.model.rows))
    assert store.get("households", closed)["follow_up_done_on"] == TODAY.isoformat()
    with pytest.raises(RecordLocked):  # the rest of the approved closure stays locked
        store.write(lambda tx: tx.update("households", closed, {"closure_outcome": "MIN"}))


def test_nothing_due_says_so(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: w.today_view.loaded)
    assert w.today_view.empty.isVisible() and not w.today_view.table.isVisible()
    w.close()
