"""The caseload is read whole at 1280×720 less a 40-px taskbar, in Ukrainian and English (issue 13):
the Family column cut the first names («…Ольга, Назар») and the sync column read «лише на цьому
но…». The real main window on a demo caseload, the real catalogues; a text is whole when Qt's own
elision at the column's width leaves it as it is."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle

from fieldapp.ui.caseload_delegate import ICON, MARGIN
from fieldapp.ui.caseload_model import (
    COL_CASE,
    COL_FAMILY,
    COL_LAST_VISIT,
    COL_NEXT_DUE,
    COL_SYNC,
    COLUMNS,
)
from fieldapp.ui.caseload_view import BUDGETS
from tests.kit import copy_opened, demo_profile
from tests.test_desk_today_fit import shown_at_1280x720


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    return demo_profile(tmp_path_factory.mktemp("fit") / "p", 180, seed=11, today=dt.date(2026, 12, 1))


def _whole(metrics: QFontMetrics, shown: str, width: int) -> bool:
    return metrics.elidedText(shown, Qt.TextElideMode.ElideRight, width) == shown


@pytest.mark.parametrize("enrolled", [False, True], ids=["standalone", "enrolled"])
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_caseload_columns_fit_1280x720_less_a_taskbar(qtbot, qapp, tmp_path, profile, lang, enrolled):
    store = copy_opened(profile, tmp_path / "p")
    if enrolled:  # a laptop with a server: the sync column says what waits
        store.write(lambda tx: (tx.set_meta("server_url", "https://127.0.0.1:1"), tx.set_meta("device_token", "t")))
    with shown_at_1280x720(qtbot, qapp, store, lang) as window:
        view, model = window.caseload_view, window.caseload
        table, header = view.table, view.table.horizontalHeader()
        while model.canFetchMore():
            model.fetchMore()
        metrics, heads = QFontMetrics(table.font()), QFontMetrics(header.font())
        style = header.style()
        # Qt's header: a margin each side of the text, and the sort arrow with its own margin.
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header) + 3 * style.pixelMetric(
            QStyle.PixelMetric.PM_HeaderMargin, None, header)
        shown = [c for c in range(COLUMNS) if not table.isColumnHidden(c)]
        # No sideways scrolling, and every header read whole beside its sort arrow.
        assert header.length() <= table.viewport().width()
        for col in shown:
            for label in str(model.headerData(col, Qt.Orientation.Horizontal)).split("\n"):
                assert _whole(heads, label, table.columnWidth(col) - arrow), (label, table.columnWidth(col))
        # The sync column: hidden where every row would say "this laptop only"; else each row whole.
        assert (COL_SYNC in shown) == enrolled
        if not enrolled:
            assert model.index(0, COL_SYNC).data() == model.tr("this laptop only")
        cut_families = []
        for row in range(model.rowCount()):
            for col in shown:
                text, icon, *_rest = model.cell(row, col)
                room = table.columnWidth(col) - 2 * MARGIN - (ICON + MARGIN if icon is not None else 0)
                if col in BUDGETS:
                    continue  # the long ones (settlement, categories): cut, with the whole text as a tooltip
                if col == COL_FAMILY:
                    if not _whole(metrics, text, room):
                        cut_families.append(text)
                    continue
                assert _whole(metrics, text, room), (col, text, table.columnWidth(col))
        # The surname, the head of the family and the children whole: on a standalone laptop for every family
        # here; beside the sync column, all but those of a head with three children or more (uk: 16 of 164,
        # each listed whole in its tooltip).
        if not enrolled:
            assert cut_families == []
        assert all(text.count(",") >= 3 for text in cut_families), cut_families
        assert any(model.cell(row, COL_FAMILY)[0].count(",") >= 3 for row in range(model.rowCount()))
        # The widest texts these columns can hold fit too, not only the ones of this caseload.
        date = model.cell(0, COL_LAST_VISIT)[0] or "28.12.2026"
        overdue = date + " " + model.tr("overdue")
        assert _whole(metrics, overdue, table.columnWidth(COL_NEXT_DUE) - 2 * MARGIN - ICON - MARGIN)
        assert _whole(metrics, model.cell(0, COL_CASE)[0], table.columnWidth(COL_CASE) - 2 * MARGIN)
        if enrolled:
            waiting = model.tr("%n waiting", "", 99)
            assert _whole(metrics, waiting, table.columnWidth(COL_SYNC) - 3 * MARGIN - ICON)
            assert _whole(metrics, model.tr("synced"), table.columnWidth(COL_SYNC) - 2 * MARGIN)
        window.close()
    store.close()
