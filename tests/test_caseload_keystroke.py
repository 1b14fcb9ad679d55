"""What a keystroke reads and makes at 10,000 families, kept cheap without changing what is shown
(issue 13): the first page's ids and the count instead of every id, the whole order once scrolled
past; each row's cells made when it is first painted; "found in" looked up for the rows shown."""

from __future__ import annotations

import datetime as dt

import kit
import pytest
from PySide6.QtCore import Qt

from fieldapp.store import queries
from fieldapp.ui.caseload_model import (
    COL_FAMILY,
    COL_FOUND,
    FOUND_BATCH,
    PAGE,
    SORT_BY_COLUMN,
    CaseloadModel,
    MarksRole,
    RecordIdRole,
)
from fieldapp.ui.caseload_view import CaseloadView

TODAY = dt.date(2026, 11, 18)
FAMILIES = 150  # more than two pages


@pytest.fixture(scope="module")
def demo_profile(tmp_path_factory):
    return kit.demo_profile(tmp_path_factory.mktemp("keystroke") / "profile", FAMILIES, seed=5, today=TODAY)


@pytest.fixture
def demo_store(demo_profile, tmp_path):
    s = kit.copy_opened(demo_profile, tmp_path / "copy")
    yield s
    s.close()


@pytest.mark.parametrize("sort", sorted(queries.SORT_KEYS))
@pytest.mark.parametrize("descending", (False, True))
def test_the_first_ids_are_the_start_of_the_whole_order_in_every_sort(demo_store, sort, descending):
    flt = queries.CaseloadFilter(status=None)
    whole = queries.caseload_ids(demo_store, flt, sort, descending)
    assert len(whole) == FAMILIES
    for limit in (1, PAGE, FAMILIES - 1, FAMILIES + 5):  # within the valued part, across into the empty one
        assert queries.caseload_ids(demo_store, flt, sort, descending, limit=limit) == whole[:limit]


@pytest.mark.parametrize("sort", ("case_number", "next_due", "last_visit"))
def test_scrolling_past_the_first_page_shows_every_family_once_in_the_sorted_order(demo_store, sort):
    model = CaseloadModel(demo_store, flt=queries.CaseloadFilter(status=None))
    model.sort(SORT_BY_COLUMN.index(sort), Qt.SortOrder.DescendingOrder)
    assert model.total == FAMILIES and model.rowCount() == PAGE
    while model.canFetchMore():
        model.fetchMore()
    shown = [model.index(r, 0).data(RecordIdRole) for r in range(model.rowCount())]
    assert shown == queries.caseload_ids(demo_store, queries.CaseloadFilter(status=None), model.sort_key, True)


def test_found_in_is_right_for_rows_far_below_the_first_screenful(qapp, demo_store):
    # A word of the demo's notes in nearly every family: rows are painted far past the first batch.
    model = CaseloadModel(demo_store, flt=queries.CaseloadFilter(status=None, text="допомог"))
    while model.canFetchMore():
        model.fetchMore()
    assert model.total == model.rowCount() > FOUND_BATCH * 2
    last = model.rowCount() - 1
    for row in (last, 0, FOUND_BATCH, last - 1):  # out of order, as a scrolled view asks
        hint = model.index(row, COL_FOUND).data()
        assert hint and ": " in hint, row
        assert model.index(row, COL_FOUND).data(Qt.ItemDataRole.ToolTipRole)  # the whole text on hover
        spans = model.index(row, COL_FOUND).data(MarksRole)
        assert spans and all(hint[a:b].lower().startswith("допомог") for a, b in spans)


def test_an_edit_is_shown_after_the_reload_that_follows_it(demo_store):
    model = CaseloadModel(demo_store)
    hid = model.household_id(0)
    before = model.index(0, COL_FAMILY).data()  # the row's cells are made here
    demo_store.write(lambda tx: tx.update("households", hid, {"family_name": "Перейменована"}))
    model.reload()
    row = next(r for r in range(model.rowCount()) if model.household_id(r) == hid)
    assert model.index(row, COL_FAMILY).data().startswith("Перейменована") and before != model.index(row, COL_FAMILY).data()


def test_a_search_of_many_families_counts_them_after_its_first_page(qtbot, demo_store):
    # The first page (and one id more) is read at the keystroke; the count of a word in most families
    # after it, from the event loop: the label then says it, and the rows scroll to the last one.
    flt = queries.CaseloadFilter(status=None, text="допомог")
    expected = queries.caseload_count(demo_store, flt)
    assert expected > PAGE + 1
    view = CaseloadView(demo_store, status="")
    qtbot.addWidget(view)
    view.search.setText("допомог")
    view.apply_filter()
    assert not view.model.counted and view.model.rowCount() == PAGE
    with qtbot.waitSignal(view.model.total_known):
        pass
    assert view.model.counted and view.model.total == expected
    assert view.count.text().startswith(str(expected))
    while view.model.canFetchMore():
        view.model.fetchMore()
    assert view.model.rowCount() == expected
    assert [view.model.household_id(r) for r in range(expected)] == queries.caseload_ids(demo_store, flt)
    # A word of no family is counted at once.
    view.search.setText("Ґзщшхйцук")
    view.apply_filter()
    assert view.model.counted and view.model.total == 0 and view.count.text().startswith("0")
