"""Today reads its rows a page at a time: the first screen holds one page, the headings count their
whole day, and scrolling to the end lists exactly what the whole list read at once lists, in its order."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from fieldapp.store import due_list, queries
from fieldapp.ui.today_model import PAGE, Group, TodayModel
from fieldapp.ui.today_view import COL_DUE, COL_FAMILY, TodayView
from tests.factories import household, person, visit

TODAY = dt.date.today()
FAMILIES = 150  # two items each (a visit, the overdue assessment): five pages of the list


@pytest.fixture
def many(store):
    def write(tx):
        for n in range(FAMILIES):
            h = tx.create("households", household(identified_on=(TODAY - dt.timedelta(days=30)).isoformat()))
            tx.create("persons", person(h["id"], role="mother", given_name=f"Мати{n}"))
            tx.create("visits", visit(h["id"], next_visit_on=(TODAY + dt.timedelta(days=n % 12 - 4)).isoformat()))

    store.write(write)
    return store


@pytest.fixture
def view(qtbot, many):
    view = TodayView(many)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    qtbot.waitUntil(lambda: view.loaded)
    return view


def _reference(store) -> list:
    """The rows as they were made before the pages: every item read at once, grouped and sorted in Python."""
    model = TodayModel()
    model.set_items(queries.due(store, TODAY), TODAY)
    return model.rows


def _scroll_to_the_end(qtbot, view) -> int:
    bar = view.table.verticalScrollBar()
    pages = 0
    while view.model.canFetchMore():
        before = len(view.model.loaded_rows)

        def fetched(before: int = before) -> bool:
            bar.setValue(bar.maximum())  # the view asks the model for more when its bar reaches the end
            return len(view.model.loaded_rows) > before

        qtbot.waitUntil(fetched)
        pages += 1
    return pages


def test_the_first_screen_reads_one_page_and_scrolling_reads_the_rest(qtbot, view, many):
    model = view.model
    whole = queries.due(many, TODAY)
    assert len(whole) == 2 * FAMILIES
    listed, overdue = model.counted()
    assert (listed, overdue) == (len(whole), sum(1 for i in whole if i.overdue(TODAY)))
    assert f"{listed} in all, {overdue} overdue" in view.summary.text()
    first = list(model.loaded_rows)
    assert sum(1 for r in first if not isinstance(r, Group)) == PAGE  # one page, not the whole list
    reference = _reference(many)
    assert first == reference[:len(first)]  # its headings count their whole day already
    assert _scroll_to_the_end(qtbot, view) >= 3
    assert list(model.loaded_rows) == reference
    assert view.table.rowSpan(0, 0) == 1 and view.table.columnSpan(0, 0) == 6  # headings span the row
    last_heading = max(n for n, r in enumerate(model.loaded_rows) if isinstance(r, Group))
    assert view.table.columnSpan(last_heading, 0) == 6  # the spans follow the rows fetched later


def test_sorting_another_column_sorts_the_whole_day(qtbot, view, many):
    header = view.table.horizontalHeader()
    header.setSortIndicator(COL_FAMILY, Qt.SortOrder.DescendingOrder)
    reference = TodayModel()
    reference.set_items(queries.due(many, TODAY), TODAY)
    reference.sort(COL_FAMILY, Qt.SortOrder.DescendingOrder)
    assert not view.model.canFetchMore() and list(view.model.loaded_rows) == reference.rows
    header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)  # back: the list's own order
    assert list(view.model.rows) == _reference(many)


def test_a_kind_left_out_is_left_out_of_every_page(qtbot, view, many):
    view.kinds["visit"].setChecked(False)
    assert view.kinds["visit"].text() == f"Visits ({FAMILIES})"
    assert f"{FAMILIES} in all" in view.summary.text()
    assert {i.kind for i in view.model.items} == {"assessment"}
    assert len(view.model.items) == FAMILIES


def test_the_counts_are_the_whole_lists(many):
    found = due_list.summary(many, TODAY)
    whole = queries.due(many, TODAY)
    for kind in queries.KINDS:
        assert found.kind_count(kind) == sum(1 for i in whole if i.kind == kind)
    assert found.counts.get((None, "assessment")) == FAMILIES  # identified a month ago: overdue


def test_the_paged_model_passes_the_model_tester(qtmodeltester, view):
    qtmodeltester.check(view.model)
