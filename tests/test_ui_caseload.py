"""The caseload screen: lazy model, sorting in SQL, search as you type, filters, keyboard, sync state."""

from __future__ import annotations

import datetime as dt

import kit
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from fieldapp.store import queries
from fieldapp.ui.caseload_model import COL_NEXT_DUE, PAGE, CaseloadModel, RecordIdRole
from fieldapp.ui.main_window import MainWindow
from tests.factories import household

TODAY = dt.date(2026, 11, 18)


def type_text(widget, text: str) -> None:
    """Type text key by key, Cyrillic included (QTest.keyClicks aborts beyond Latin-1)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))
FAMILIES = 260  # more than a page


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory):
    return kit.demo_profile(tmp_path_factory.mktemp("caseload") / "profile", FAMILIES, seed=3, today=TODAY)


@pytest.fixture
def demo_store(demo_profile, tmp_path):
    s = kit.copy_opened(demo_profile, tmp_path / "copy")
    yield s
    s.close()


@pytest.fixture
def window(qtbot, demo_store):
    w = MainWindow(demo_store)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def test_model_passes_modeltester(qtmodeltester, demo_store):
    model = CaseloadModel(demo_store, flt=queries.CaseloadFilter(status=None))
    qtmodeltester.check(model)


def test_model_with_nothing_passes_modeltester(qtmodeltester, store):
    model = CaseloadModel(store)
    qtmodeltester.check(model)
    assert model.rowCount() == 0 and not model.canFetchMore()


def test_rows_arrive_a_page_at_a_time(demo_store):
    model = CaseloadModel(demo_store, flt=queries.CaseloadFilter(status=None))
    assert model.total == FAMILIES
    assert FAMILIES > PAGE  # the demo is bigger than a page, or this test proves nothing
    counts = [model.rowCount()]
    while model.canFetchMore():
        model.fetchMore()
        counts.append(model.rowCount())
    assert counts == [min(FAMILIES, PAGE * (n + 1)) for n in range(len(counts))]
    assert model.rowCount() == FAMILIES
    ids = [model.index(r, 0).data(RecordIdRole) for r in range(FAMILIES)]
    assert len(set(ids)) == FAMILIES


def test_header_click_sorts_the_whole_caseload_in_sql(qtbot, window, demo_store):
    view = window.caseload_view
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(COL_NEXT_DUE) + 10, 5))
    model = window.caseload
    assert model.sort_key == "next_due"
    expected = queries.caseload_ids(demo_store, model.filter, "next_due", model.descending)
    assert [model.household_id(r) for r in range(model.rowCount())] == expected[: model.rowCount()]
    # the first page holds the earliest due dates of all families, not of the first page fetched
    dues = [model.index(r, COL_NEXT_DUE).data() for r in range(3)]
    assert all(dues)


def test_search_as_you_type_finds_families_by_name(qtbot, window, demo_store):
    view = window.caseload_view
    target = queries.caseload_rows(demo_store, [window.caseload.household_id(5)])[0]
    qtbot.keyClick(view.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.search.hasFocus()
    type_text(view.search, target.family_name)
    qtbot.waitUntil(lambda: window.caseload.total < FAMILIES and window.caseload.rowCount() > 0)
    shown = [window.caseload.household_id(r) for r in range(window.caseload.rowCount())]
    assert target.id in shown
    assert view.count.text().startswith(str(window.caseload.total))


def test_search_with_no_match_shows_an_empty_state(qtbot, window):
    view = window.caseload_view
    type_text(view.search, "Ґзщшхйцук")
    qtbot.waitUntil(lambda: window.caseload.total == 0)
    assert view.empty.isVisible() and not view.table.isVisible()
    assert "No family matches" in view.empty.text()
    view.search.clear()
    qtbot.waitUntil(lambda: window.caseload.total > 0)
    assert view.table.isVisible()


def test_filters(qtbot, window, demo_store):
    view = window.caseload_view
    view.category.setCurrentIndex(view.category.findData("idp"))
    expected = queries.caseload_count(demo_store, queries.CaseloadFilter(category="idp"))
    assert window.caseload.total == expected < FAMILIES
    view.status.setCurrentIndex(view.status.findData(None))
    assert window.caseload.total == queries.caseload_count(
        demo_store, queries.CaseloadFilter(category="idp", status=None))
    hromada = view.hromada.itemData(1)
    view.hromada.setCurrentIndex(1)
    assert window.caseload.total == queries.caseload_count(
        demo_store, queries.CaseloadFilter(category="idp", status=None, hromada=hromada))
    qtbot.mouseClick(view.overdue, Qt.MouseButton.LeftButton)
    assert view.overdue.isChecked()
    assert window.caseload.total <= queries.caseload_count(
        demo_store, queries.CaseloadFilter(category="idp", status=None, hromada=hromada))


def test_keyboard_enter_opens_the_family_file(qtbot, window):
    table = window.caseload_view.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    row = table.currentIndex().row()
    hid = window.caseload.household_id(row)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.tabs.count() == window.fixed_tabs + 1
    assert window.tabs.currentWidget().household_id == hid
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.tabs.count() == window.fixed_tabs)


def test_status_bar_shows_pending_changes_and_last_sync(qtbot, store):
    # An enrolled laptop (a standalone one says so instead: tests/test_desk_status.py).
    store.write(lambda tx: (tx.set_meta("server_url", "https://127.0.0.1:1"), tx.set_meta("device_token", "t")))
    w = MainWindow(store)
    qtbot.addWidget(w)
    assert "Nothing waiting to sync" in w.sync_label.text() and "never" in w.sync_label.text()
    store.write(lambda tx: tx.create("households", household()))
    store.write(lambda tx: tx.set_meta("last_sync_at", "2026-11-20T10:00:00.000Z"))
    w.refresh_status()
    assert "1 changes waiting to sync" in w.sync_label.text() or "1 change" in w.sync_label.text()
    assert "2026" in w.sync_label.text() and "never" not in w.sync_label.text()
    w.close()


def test_empty_caseload_says_what_to_do(qtbot, store):
    w = MainWindow(store)
    qtbot.addWidget(w)
    w.show()
    assert w.caseload_view.empty.isVisible()
    assert "New family" in w.caseload_view.empty.text()
    w.close()
