"""Painting the caseload leaves Python's None and True alive: the real table, painted through its
delegate while a search marks its cells. PySide6 6.12.0 dropped a reference to None in each
QPainter.setPen, setFont, save, restore, fillRect… called from Python, and the caseload's delegate
makes several such calls per cell: after some tens of thousands None's count reached zero and the
interpreter aborted ("none_dealloc"). pyproject.toml excludes that release; this fails on it."""

from __future__ import annotations

import sys

from fieldapp.ui.caseload_view import CaseloadView
from tests.factories import household


def test_painting_the_caseload_many_times_leaves_none_and_true_alive(qtbot, store):
    store.write(lambda tx: [tx.create("households", household(family_name=f"Шаповал{n}")) for n in range(30)])
    view = CaseloadView(store, status="")
    qtbot.addWidget(view)
    view.resize(1264, 700)
    view.show()
    qtbot.waitExposed(view)
    view.search.setText("Шапов")
    view.apply_filter()
    view.table.viewport().repaint()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(30):
        view.table.viewport().repaint()  # 30 paints of ~30 marked rows: thousands of painter calls
    # A few references may be held elsewhere meanwhile; a leaking binding takes thousands.
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
