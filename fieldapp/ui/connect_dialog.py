"""Connecting a standalone profile to the organisation's server later, as the first run promised.

The caseworker gives the server's address and IT's one-time enrolment code (or a user name and a
password), and, when the laptop already holds families, chooses what becomes of them: send them
to the server as their own families, or keep them on this laptop only (an encrypted backup) and
start the connected profile empty (fieldapp/store/standalone.py). A demo profile refuses with its
sentence. `ConnectEntry` puts the way in where a standalone profile's user looks for it: the Sync
menu, and a button beside the status bar's "Not connected" note.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QMetaMethod, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import standalone
from fieldapp.store.database import Store
from fieldapp.sync.device import TransportFactory, enrol, http_transport, is_enrolled
from fieldapp.ui import background, screen, text
from fieldapp.ui.enrol_form import EnrolForm
from sync.client import failure_message
from sync.errors import SyncFailure


def _note(sentence: str) -> QLabel:
    label = QLabel(sentence)
    label.setWordWrap(True)
    label.setStyleSheet("color: #4a4a4a;")  # quieter than the choices, still easy to read (6:1 on grey)
    return label


class ConnectDialog(QDialog):
    """The address, the code or the sign-in, and the choice for the records already here."""

    connected = Signal(dict)  # the server's answer (user, device code)

    def __init__(self, store: Store, parent: QWidget | None = None, *,
                 transport: TransportFactory = http_transport):
        super().__init__(parent)
        self.store = store
        self._transport = transport
        self.setObjectName("connectDialog")
        self.setWindowTitle(self.tr("Connect to the organisation's server"))
        self.setMinimumWidth(560)
        self.families = standalone.families_held(store)
        self.answer: dict[str, Any] | None = None
        layout = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.connect_button: QPushButton | None = None
        self.choice = QButtonGroup(self)
        if store.meta("demo") == "1":
            self.refusal = QLabel(text.message(failure_message(SyncFailure("demo_profile"))))
            self.refusal.setObjectName("demoRefusal")
            self.refusal.setWordWrap(True)
            layout.addWidget(self.refusal)
            self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            layout.addStretch(1)
            layout.addWidget(self.buttons)
            return
        intro = QLabel(self.tr("IT gives you the server's address and a one-time enrolment code (or your user "
                               "name and password). Your passphrase stays as it is."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        # The one enrolment form (fieldapp/ui/enrol_form.py), also the first run's.
        self.enrol_form = EnrolForm()
        self.server, self.code = self.enrol_form.server, self.enrol_form.code
        self.username, self.password = self.enrol_form.username, self.enrol_form.password
        layout.addWidget(self.enrol_form)
        self.existing_box: QGroupBox | None = self._choice_box() if self.families else None
        if self.existing_box is not None:
            layout.addWidget(self.existing_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.connect_button = self.buttons.addButton(self.tr("Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setObjectName("connect")
        self.buttons.accepted.connect(self.start)
        layout.addWidget(self.buttons)
        self.enrol_form.changed.connect(self._ready)
        self.enrol_form.submitted.connect(self.start)
        self.choice.buttonToggled.connect(lambda *_a: self._ready())
        self._ready()
        self.enrol_form.first_empty().setFocus()
        hint = self.sizeHint()  # as tall as its text needs at the text size in force, within the screen
        screen.fit(self, max(640, hint.width()), hint.height())

    def _choice_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("%n family(ies) already recorded on this laptop", "", self.families))
        box.setObjectName("existingRecords")
        # One family or several: "it" or "them", "моя сімʼя" or "мої сімʼї" (numbered, %n not shown).
        self.send = QRadioButton(self.tr("Send them to the server as my families", "", self.families))
        self.send.setObjectName("sendExisting")
        self.keep = QRadioButton(self.tr("Keep them on this laptop only, and connect without them", "", self.families))
        self.keep.setObjectName("keepLocal")
        self.choice.addButton(self.send)
        self.choice.addButton(self.keep)
        column = QVBoxLayout(box)
        column.addWidget(self.send)
        column.addWidget(_note(self.tr(
            "They go to the server at the first sync and your supervisor sees them like any other family. "
            "Their case numbers take the code the server gives this laptop; the year and the number stay.")))
        column.addWidget(self.keep)
        column.addWidget(_note(self.tr(
            "Nothing of them is sent. They are kept in an encrypted copy in the profile's backups folder, "
            "opened by the same passphrase, and the program then shows the caseload the server sends.")))
        return box

    def existing(self) -> str | None:
        """The choice made for the records already here (always SEND when there are none)."""
        if not self.families:
            return standalone.SEND
        if self.send.isChecked():
            return standalone.SEND
        if self.keep.isChecked():
            return standalone.KEEP_LOCAL
        return None

    def _ready(self) -> None:
        assert self.connect_button is not None
        self.connect_button.setEnabled(self.enrol_form.complete() and self.existing() is not None)

    def start(self) -> None:
        """Enrol in the background; the dialog closes when the server answered yes."""
        if self.connect_button is None or not self.connect_button.isEnabled():
            return
        if self.enrol_form.code_has_typo():  # caught before any network
            self._fail(self.tr("This enrolment code has a typo: check it character by character."))
            self.code.setFocus()
            return
        existing = self.existing()
        assert existing is not None
        store, transport = self.store, self._transport
        url, user, password, code = self.enrol_form.values()
        self.error.hide()
        self.connect_button.setEnabled(False)
        self.connect_button.setText(self.tr("Connecting…"))
        background.run_task(lambda: enrol(store, url, user, password, code=code, transport=transport,
                                          existing=existing), self._done, self._failed, owner=self)

    def _done(self, answer: dict[str, Any]) -> None:
        self.answer = answer
        self.connected.emit(answer)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        assert self.connect_button is not None
        self.connect_button.setText(self.tr("Connect"))
        self._ready()
        reason = self.enrol_form.refusal(exc)
        if reason is None:  # a bug: to the crash report, and a sentence here (it said nothing)
            background.report_bug(exc)
            self._fail(self.enrol_form.own_error())
            return
        self._fail(reason + " " + self.tr("Nothing was changed on this laptop."))
        self.password.selectAll()

    def _fail(self, sentence: str) -> None:
        self.error.setText(sentence)
        self.error.show()


class ConnectEntry:
    """The ways into ConnectDialog on a main window whose profile is not connected, and what follows."""

    def __init__(self, window: QMainWindow, store: Store, *, transport: TransportFactory = http_transport):
        self.window = window
        self.store = store
        self.transport = transport
        self.dialog: ConnectDialog | None = None
        label = QCoreApplication.translate("ConnectDialog", "Connect to a server…")
        self.action = QAction(label, window)
        self.action.setObjectName("connectServerAction")
        for entry in window.menuBar().actions():  # the Sync menu: the one with "Sync now" (F5)
            menu = entry.menu()
            if menu is not None and getattr(window, "sync_now_action", None) in menu.actions():
                after_f5 = menu.actions()[1:2]
                if after_f5:
                    menu.insertAction(after_f5[0], self.action)
                else:
                    menu.addAction(self.action)
        self.action.triggered.connect(self.open)
        self.button = QPushButton(label)
        self.button.setObjectName("connectServerButton")
        self.button.setFlat(True)
        self.button.clicked.connect(self.open)
        window.statusBar().addPermanentWidget(self.button)
        self.refresh()

    def refresh(self) -> None:
        """Shown only while the profile is not connected; a demo profile keeps only the menu's entry,
        whose dialog says why it never connects."""
        offered = not is_enrolled(self.store)
        self.action.setVisible(offered)
        self.button.setVisible(offered and self.store.meta("demo") != "1")

    def open(self) -> ConnectDialog:
        self.dialog = ConnectDialog(self.store, self.window, transport=self.transport)
        self.dialog.connected.connect(self._connected)
        self.dialog.open()
        return self.dialog

    def _connected(self, answer: dict[str, Any]) -> None:
        window: Any = self.window
        assert self.dialog is not None
        if self.dialog.existing() == standalone.KEEP_LOCAL:  # their families left this profile
            for i in reversed(range(window.fixed_tabs, window.tabs.count())):
                window._close_tab(i)
        self.refresh()
        user = answer.get("user") if isinstance(answer.get("user"), dict) else {}
        said = QCoreApplication.translate("ConnectDialog", "Connected to the server as %1. The first sync starts "
                                                           "now.").replace("%1", str(user.get("username") or "?"))
        supervisor = user.get("role") == "supervisor"
        if supervisor:
            # Her Review and Team tabs, the caseload's caseworker column and filter, the concerns'
            # notice are all made with the window: the application makes it again, at once.
            if not window.isSignalConnected(QMetaMethod.fromSignal(window.rebuild_wanted)):
                said += " " + QCoreApplication.translate("ConnectDialog", "Start FieldApp again to see the "
                                                                          "supervisor's screens.")
        elif getattr(window, "returned_view", True) is None:
            self._add_returned_tab(window)
        window.data_changed()
        window.statusBar().showMessage(said, 15_000)
        window.sync.start()
        if supervisor:
            window.rebuild_wanted.emit()

    def _add_returned_tab(self, window: Any) -> None:
        """A connected caseworker's "Returned" tab, as an enrolled laptop's window has from the start."""
        from fieldapp.ui.supervisor.returned_view import ReturnedView

        view = ReturnedView(self.store, window)
        view.open_record.connect(lambda hid, form, rid: window.open_form(form, hid, rid))
        index = window.reports_index  # before Reports, where an enrolled window has it
        window.tabs.blockSignals(True)  # no "tab shown" while the indexes move
        window.tabs.insertTab(index, view, "")
        window.tabs.blockSignals(False)
        window.tabs.tabBar().setTabButton(index, window.tabs.tabBar().ButtonPosition.RightSide, None)
        window.returned_view = view
        window.reports_index += 1
        window.fixed_tabs += 1
        window.refresh_returned()
