"""The supervisor hears at once: after each sync round, a new concern or a clock that has just gone
overdue raises a desktop notification (`QSystemTrayIcon.showMessage`, where the platform has a tray)
and the `alert` signal (the window refreshes its concern lists)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from casework import safety
from fieldapp.store import safety as safety_store
from fieldapp.store.database import Store
from fieldapp.ui.safety import texts


class Tray(Protocol):
    def showMessage(self, title: str, message: str, icon: Any, msecs: int) -> None: ...  # noqa: N802


def system_tray(parent: QObject | None, window_icon: Any = None) -> Tray | None:
    """The platform's tray icon, shown; None where there is no tray (notifications are then skipped)."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(parent)
    if window_icon is not None:
        tray.setIcon(window_icon)
    tray.show()
    return tray


class ConcernNotifier(QObject):
    """Compares the open clocks with those already told; tells what is new or newly overdue."""

    alert = Signal(list)  # the clocks that made this alert

    def __init__(self, store: Store, tray: Tray | None, parent: QObject | None = None, *,
                 now: Callable[[], dt.datetime] = texts.now):
        super().__init__(parent)
        self.store, self.tray, self.now = store, tray, now
        self.told_new: set[str] = set()
        self.told_overdue: set[str] = set()
        self.messages: list[tuple[str, str]] = []  # (title, text) of every notification made

    def check(self, *_args: Any) -> list[safety.Clock]:
        """After a sync round: notify of concerns not told before and of clocks newly overdue."""
        now = self.now()
        clocks = safety_store.recent_clocks(self.store, now)
        new = [c for c in clocks if c.concern_id not in self.told_new]
        late = [c for c in clocks if c.overdue(now) and c.concern_id not in self.told_overdue]
        self.told_new |= {c.concern_id for c in new}
        self.told_overdue |= {c.concern_id for c in late}
        if not new and not late:
            return []
        title = self.tr("Child safety")
        lines = []
        if late:
            lines.append(self.tr("%n concern(s) overdue: the notices were not all given within the day.", "", len(late)))
        fresh = [c for c in new if c not in late]
        if fresh:
            lines.append(self.tr("%n new safety concern(s) in the team.", "", len(fresh)))
        message = " ".join(lines)
        self.messages.append((title, message))
        if self.tray is not None:
            self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 15_000)
        changed = late + [c for c in fresh if c not in late]
        self.alert.emit(changed)
        return changed
