"""Today and this week: what is due, overdue first, and a visit one click away."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.today_view import COL_ACTION, COL_DUE, TodayModel
from tests.factories import household, visit

TODAY = dt.date.today()


@pytest.fixture
def due_store(store):
    def write(tx):
        late = tx.create("households", household(family_name="Пізній", identified_on="2026-01-05"))
        tx.create("assessments", {"household_id": late["id"], "started_on": "2026-01-06", "review_status": "draft"})
        tx.create("visits", visit(late["id"], started_at=dt.datetime(2026, 1, 10, 10, tzinfo=dt.UTC).isoformat(),
                                  next_visit_on=(TODAY - dt.timedelta(days=3)).isoformat(), review_status="draft"))
        new = tx.create("households", household(family_name="Новий", identified_on=TODAY.isoformat()))
        return late["id"], new["id"]

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


def test_today_lists_overdue_visits_and_assessments_due(qtbot, window, due_store):
    _store, (late, new) = due_store
    view = window.today_view
    assert view.loaded and not view.loading  # loaded when first shown
    model = view.model
    items = model.items
    assert [(i.kind, i.household_id) for i in items] == [("visit", late), ("assessment", new)]
    assert model.index(0, COL_DUE).data() == "overdue by 3 day(s)" or "3 day" in model.index(0, COL_DUE).data()
    assert model.index(0, COL_DUE).data(Qt.ItemDataRole.DecorationRole) is not None  # icon, not colour alone
    assert "5 working days" in model.index(1, 1).data()
    assert model.index(1, COL_ACTION).data().endswith("Start assessment")
    assert "2 in all, 1 overdue" in view.summary.text()
    view.kinds["visit"].setChecked(False)  # show only some kinds
    assert [i.kind for i in model.items] == ["assessment"]
    assert "1 in all, 0 overdue" in view.summary.text()
    assert view.kinds["visit"].text() == "Visits (1)"


def test_today_model_passes_modeltester(qtmodeltester, window):
    qtmodeltester.check(window.today_view.model)
    qtmodeltester.check(TodayModel())


def test_one_click_starts_a_visit(qtbot, window, due_store):
    _store, (late, _new) = due_store
    table = window.today_view.table
    rect = table.visualRect(window.today_view.model.index(0, COL_ACTION))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = window.dialogs[-1]
    assert form.objectName() == "form:home_visit" and form.isVisible()
    assert form.household_id == late
    assert window.tabs.currentWidget().household_id == late  # the family's file is behind it
    form.done(0)


def test_nothing_due_says_so(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    w.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: w.today_view.loaded)
    assert w.today_view.empty.isVisible() and not w.today_view.table.isVisible()
    w.close()
