"""The Qt binding itself: faults of a PySide6 release that would crash FieldApp at random places."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter


class _Sender(QObject):
    changed = Signal(object)


def test_emitting_a_signal_keeps_pythons_true_alive(qapp):
    # PySide6 6.12.0's emit() hands back True without taking a reference: each emit freed one
    # reference to Python's True, and after some thousands (one per background task, per
    # relayed answer) True itself was freed and the process died of a segmentation fault in
    # whatever line next touched it (two CI runs: fieldapp/ui/lock.py asking isVisible()).
    sender = _Sender()
    received = []
    sender.changed.connect(received.append)
    before = sys.getrefcount(True)
    for n in range(500):
        sender.changed.emit(n)
    assert received == list(range(500))
    assert sys.getrefcount(True) >= before - 5  # a few references may go elsewhere meanwhile; not 500


def test_painting_from_python_keeps_pythons_none_alive(qapp):
    # PySide6 6.12.0 also took a reference from None in each QPainter.setPen, setFont, save,
    # restore, fillRect… called from Python: a delegate painting a table ran it down to an abort.
    image = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.save()
        painter.setPen(QColor("red"))
        painter.setFont(font)
        painter.fillRect(QRect(0, 0, 4, 4), QColor("blue"))
        painter.restore()
    painter.end()
    assert sys.getrefcount(None) >= before - 5  # 6.12.0 took about 2,300
