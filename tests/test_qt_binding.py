"""The Qt binding itself: faults of a PySide6 release that would crash FieldApp at random places."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


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
