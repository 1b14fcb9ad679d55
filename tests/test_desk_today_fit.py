"""Today's one-click actions are read whole in every language (issue 13): in Ukrainian
«▶ Позначити виконаним…» was cut to an ellipsis in a fixed 205-px column. Real window at
1280×720 less a 40-px taskbar, the real catalogues."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QStyle

from fieldapp.ui.main_window import MainWindow
from fieldapp.ui.screen import fit
from fieldapp.ui.today_view import COL_ACTION, COL_MORE, Group
from tests.test_forms_ui import language
from tests.test_ui_today import due_store  # noqa: F401 - the fixture: an item of each kind


@contextmanager
def shown_at_1280x720(qtbot, qapp, store, lang: str) -> Iterator[MainWindow]:
    """The main window in `lang`, placed by the program's own sizing on 1280×720 less a 40-px taskbar."""
    with language(qapp, lang):
        window = MainWindow(store)
        qtbot.addWidget(window)
        fit(window, 1280, 800, area=QRect(0, 0, 1280, 680))
        window.show()
        qtbot.waitExposed(window)
        yield window


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_action_label_fits_its_column_at_1280x720(qtbot, qapp, due_store, lang):  # noqa: F811
    store, _ids = due_store
    with shown_at_1280x720(qtbot, qapp, store, lang) as window:
        window.tabs.setCurrentIndex(1)
        view = window.today_view
        qtbot.waitUntil(lambda: view.loaded)
        table, model = view.table, view.model
        margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
        shown = set()
        for row, entry in enumerate(model.loaded_rows):
            if isinstance(entry, Group):
                continue
            for col in (COL_ACTION, COL_MORE):
                index = model.index(row, col)
                label = index.data(Qt.ItemDataRole.DisplayRole) or ""
                metrics = QFontMetrics(index.data(Qt.ItemDataRole.FontRole) or table.font())
                width = table.columnWidth(col) - margin
                assert metrics.elidedText(label, Qt.TextElideMode.ElideRight, width) == label, (label, width)
                shown.add(label)
        # Every label a column can hold fits, not only the ones on this list.
        for col in (COL_ACTION, COL_MORE):
            metrics = QFontMetrics(table.font())
            for label in model.link_texts(col):
                assert metrics.horizontalAdvance(label) <= table.columnWidth(col) - margin, label
        if lang == "uk":
            assert "▶ Позначити виконаним…" in shown
        # and the wider column still leaves the table within the window: no sideways scrolling
        assert table.horizontalHeader().length() <= table.viewport().width()
        window.close()
