"""Sync → "Export a parcel…" and "Import a parcel…": a sync round carried on a USB stick.

The work (fieldapp/sync/parcels.py) runs off the GUI thread; the answers come back as calm
message boxes. Importing another laptop's parcel on a supervisor's laptop offers to hand it in
over the network (she carries it, and its answer, without reading either).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from casework.i18n import os_reason
from fieldapp.store.database import Store
from fieldapp.sync.device import enrolled_user, is_enrolled
from fieldapp.sync.parcels import (
    classify,
    export_parcel,
    hand_in,
    import_parcel,
    parcel_message,
    save_parcel,
)
from fieldapp.ui import background, text
from sync import parcel as pc
from sync.client import failure_message
from sync.errors import DeviceRevoked, SyncFailure

Chooser = Callable[[QWidget, str, str], str | None]  # (parent, title, suggested path) -> path or None


def _filter() -> str:
    return QCoreApplication.translate("ParcelActions", "FieldApp parcel (*.parcel)")


def _save_dialog(parent: QWidget, title: str, suggested: str) -> str | None:
    target, _ = QFileDialog.getSaveFileName(parent, title, suggested, _filter())
    return target or None


def _open_dialog(parent: QWidget, title: str, suggested: str) -> str | None:
    target, _ = QFileDialog.getOpenFileName(parent, title, suggested, _filter())
    return target or None


class ParcelActions(QObject):
    """What the two menu items do; `changed` after an import that brought or settled records,
    `revoked` when a return parcel carried this laptop's wipe (the window wipes, as after a round)."""

    changed = Signal()
    revoked = Signal(bool)

    def __init__(self, store: Store, window: QWidget, *, busy: Callable[[], bool] = lambda: False,
                 choose_save: Chooser = _save_dialog, choose_open: Chooser = _open_dialog,
                 confirm: Callable[[QWidget, str], bool] | None = None, transport: Any = None):
        super().__init__(window)
        self.store = store
        self.window = window
        self.busy = busy  # a network round under way: a parcel waits for it to end
        self.choose_save = choose_save
        self.choose_open = choose_open
        self.confirm = confirm or self._ask
        self.transport = transport
        self.folder = Path.home()
        self.message: QMessageBox | None = None  # the last answer shown (tests read it)

    # -- export -------------------------------------------------------------------------------

    def export(self) -> None:
        if self._refuse_while_busy():
            return
        suggested = str(self.folder / pc.file_name(pc.TO_SERVER, self.store.device_code() or "laptop",
                                                   int(self.store.meta("parcel_out_seq") or 0) + 1))
        target = self.choose_save(self.window, self.tr("Export a parcel for the server"), suggested)
        if not target:
            return
        path = Path(target)
        self.folder = path.parent

        def work() -> Any:
            out = export_parcel(self.store)
            save_parcel(path, out.data)
            return out

        self._status(self.tr("Writing the parcel…"))
        background.run_task(work, lambda out: self._tell(QMessageBox.Icon.Information, self.tr(
            "The parcel is written (%n change(s)). Carry the file to the office. The changes stay on this laptop "
            "until the return parcel from the server is imported.", "", out.changes)),
            self._failed, owner=self)

    # -- import -------------------------------------------------------------------------------

    def import_(self) -> None:
        if self._refuse_while_busy():
            return
        target = self.choose_open(self.window, self.tr("Import a parcel"), str(self.folder))
        if not target:
            return
        path = Path(target)
        self.folder = path.parent
        try:
            data = path.read_bytes()
            kind = classify(data, self.store)
        except OSError as exc:
            self._tell(QMessageBox.Icon.Warning, self._unreadable(exc))
            return
        except pc.ParcelError as exc:
            self._tell(QMessageBox.Icon.Warning, text.message(parcel_message(exc)))
            return
        if kind == "for_server":
            self._carry(data, path.parent)
            return
        self._status(self.tr("Importing the parcel…"))
        background.run_task(lambda: import_parcel(self.store, data), self._imported, self._failed, owner=self)

    def _imported(self, report: Any) -> None:
        r = report.round
        sentences = [self.tr("The return parcel is imported: %n change(s) settled.", "", r.pushed),
                     self.tr("%n record(s) received.", "", r.pulled)]
        if r.conflicts + r.rejected:
            sentences.append(self.tr("%n item(s) need you: see Sync → Conflicts and refused changes.", "",
                                     r.conflicts + r.rejected))
        if report.pull_skipped:
            sentences.append(self.tr("The laptop had newer records from the network already."))
        sentence = " ".join(sentences)
        self.changed.emit()
        self._tell(QMessageBox.Icon.Information, sentence)

    def _carry(self, data: bytes, folder: Path) -> None:
        """Another laptop's parcel: a supervisor, online, may hand it in for her team."""
        if enrolled_user(self.store).get("role") != "supervisor" or not is_enrolled(self.store):
            self._tell(QMessageBox.Icon.Information, text.message(parcel_message(pc.ParcelError("for_server", ""))))
            return
        if not self.confirm(self.window, self.tr(
                "This is a parcel of another laptop of your team, for the server. Hand it in now over the "
                "network? Its return parcel is saved in the same folder, for you to carry back. You can read "
                "neither.")):
            return

        def work() -> Path:
            reply, name = hand_in(self.store, data, transport=self.transport)
            save_parcel(folder / name, reply)
            return folder / name

        self._status(self.tr("Handing in the parcel…"))
        background.run_task(work, lambda saved: self._tell(QMessageBox.Icon.Information, self.tr(
            "Handed in. The return parcel is saved as %1: carry it back to that laptop.").replace("%1", saved.name)),
            self._failed, owner=self)

    # -- answers ------------------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DeviceRevoked):
            self.revoked.emit(False)  # by parcel: the server hears of the wipe at the next contact
            return
        if isinstance(exc, pc.ParcelError):
            sentence = text.message(parcel_message(exc))
        elif isinstance(exc, SyncFailure):
            sentence = text.message(failure_message(exc))
        elif isinstance(exc, OSError):
            sentence = self._unreadable(exc)
        else:
            background.report_bug(exc)
            return
        self._tell(QMessageBox.Icon.Warning, sentence)

    def _unreadable(self, exc: OSError) -> str:
        return self.tr("The file could not be read or written there (%1). Check the stick, or choose another "
                       "folder; nothing was changed.").replace("%1", text.message(os_reason(exc)))

    def _refuse_while_busy(self) -> bool:
        if self.busy():
            self._tell(QMessageBox.Icon.Information, self.tr("A sync is under way. Try again when it has finished."))
            return True
        return False

    def _ask(self, parent: QWidget, question: str) -> bool:
        answer = QMessageBox.question(parent, self.tr("Hand in a parcel"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _status(self, sentence: str) -> None:
        """Work of a few seconds (a month's parcel): say so in the status bar while it runs."""
        bar = getattr(self.window, "statusBar", None)
        if callable(bar):
            bar().showMessage(sentence)

    def _tell(self, icon: QMessageBox.Icon, sentence: str) -> None:
        self._status("")
        box = QMessageBox(icon, self.tr("Parcels"), sentence, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("parcelMessage")
        self.message = box
        box.open()
