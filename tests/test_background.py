"""The background helper: an answer reaches its widget on the GUI thread, or nobody if the widget is gone."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from fieldapp.ui import background


def _answer_after(release: threading.Event):
    def work() -> str:
        release.wait(10)
        return "figures"

    return work


def test_the_answer_reaches_a_widget_that_is_still_there(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    got: list[str] = []
    release = threading.Event()
    background.run_task(_answer_after(release), got.append, owner=owner)
    release.set()
    qtbot.waitUntil(lambda: got == ["figures"])


def test_an_answer_for_a_closed_window_is_dropped(qtbot):
    owner = QWidget()
    got: list[object] = []
    release = threading.Event()
    background.run_task(_answer_after(release), got.append, owner=owner)
    background.run_task(lambda: (_ for _ in ()).throw(OSError("disk")), got.append, got.append, owner=owner)
    shiboken6.delete(owner)  # the window closed while the work ran
    release.set()
    assert background.wait(10_000)  # both answers are now posted to the GUI thread
    QCoreApplication.processEvents()  # ... and delivered
    assert got == []
