"""Start-up: unlock the profile with its passphrase, or, on the first run, make one.

The first run offers to connect to the organisation's server (enrolment:
it works once sync is available) or to try the program offline with
generated demo families; either way a passphrase is chosen first, with
feedback on its strength.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store.database import Store
from fieldapp.store.errors import JournalDamaged, JournalMissing, StoreError
from fieldapp.ui import background, text
from fieldapp.ui.enrol_form import EnrolForm
from fieldapp.ui.icons import icon
from fieldapp.ui.passphrase_form import MIN_LENGTH, PassphraseForm, passphrase_strength

__all__ = ["MIN_LENGTH", "PassphraseForm", "ProfileDialog", "passphrase_strength"]  # the form lives beside, for settings too

DEMO_HOUSEHOLDS = 200


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


class ProfileDialog(QDialog):
    """Unlock (`create=False`) or the first run (`create=True`). On success `store` is open; the caller closes it."""

    PAGE_CHOICE, PAGE_ENROL, PAGE_CREATE, PAGE_PROGRESS, PAGE_UNLOCK = range(5)

    def __init__(self, folder: Path, *, create: bool, parent: QWidget | None = None,
                 demo_households: int = DEMO_HOUSEHOLDS, settings: Any | None = None,
                 enrol: Callable[..., Any] | None = None):
        """`settings`: where the language chosen here is kept (and IT's lock on it is read);
        `enrol`: how the laptop enrols (fieldapp.sync.device.enrol unless given)."""
        super().__init__(parent)
        self.folder = folder
        self._enrol = enrol
        self.demo = False
        self.enrolling = False
        self.demo_households = demo_households
        self.store: Store | None = None
        self._progress = (0, 0)
        self._busy = False  # a key is being derived in the background
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(560)
        self.settings = settings
        self.language_row = QHBoxLayout()
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.addLayout(self.language_row)
        layout.addWidget(self.pages)
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._show_progress)
        self._build(self.PAGE_CHOICE if create else self.PAGE_UNLOCK)
        if not create:
            self.passphrase.setFocus()

    def _build(self, page: int) -> None:
        """The pages in the program's language (made again when the language changes)."""
        from fieldapp.ui.language import LanguageChoice

        self.setWindowTitle(self.tr("FieldApp"))
        while self.language_row.count():
            old = self.language_row.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        self.language_choice = LanguageChoice(self.settings, with_system=False)
        self.language_choice.chosen.connect(self._language_chosen)
        self.language_row.addStretch(1)
        self.language_row.addWidget(self.language_choice)
        while self.pages.count():
            old_page = self.pages.widget(0)
            self.pages.removeWidget(old_page)
            old_page.deleteLater()
        self.pages.addWidget(self._choice_page())
        self.pages.addWidget(self._enrol_page())
        self.pages.addWidget(self._create_page())
        self.pages.addWidget(self._progress_page())
        self.pages.addWidget(self._unlock_page())
        self.pages.setCurrentIndex(page)
        # Enter acts on the page shown, never on a button of a hidden page.
        for button in self.pages.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.passphrase.returnPressed.connect(self._unlock)
        self.new_passphrase.repeat.returnPressed.connect(self._create)

    def _language_chosen(self, lang: str) -> None:
        """Switch now: the pages are made again in `lang`, with what was typed and the page shown."""
        from fieldapp.ui import language

        if self._busy:  # a key is being derived: the pages stay until it is done
            self.language_choice.combo.setCurrentIndex(self.language_choice.combo.findData(language.current()))
            return
        try:
            self.language_choice.save()
        except OSError:
            pass  # not kept for the next start; this start still switches
        language.apply(lang)
        typed = {name: edit.text() for edit in self.pages.findChildren(QLineEdit)
                 if (name := self._field_key(edit))}
        focused = self._field_key(self.focusWidget()) if isinstance(self.focusWidget(), QLineEdit) else None
        self._build(self.pages.currentIndex())
        for edit in self.pages.findChildren(QLineEdit):
            key = self._field_key(edit)
            if key in typed:
                edit.setText(typed[key])
                if key == focused:
                    edit.setFocus()
        self.create_title.setText(self._create_heading())
        if focused is None:
            self.language_choice.combo.setFocus()  # keyboard users stay where they were

    def _field_key(self, edit: QWidget | None) -> str:
        """A field's name across a rebuild: its page and object name (two pages have a "passphrase")."""
        if edit is None or not edit.objectName():
            return ""
        page = edit
        while page is not None and page.parentWidget() is not self.pages:
            page = page.parentWidget()
        return f"{self.pages.indexOf(page)}:{edit.objectName()}" if page is not None else ""

    def _create_heading(self) -> str:
        if self.enrolling:
            return "<h2>" + self.tr("Choose a passphrase for this laptop") + "</h2>"
        return "<h2>" + (self.tr("Try FieldApp with demo data") if self.demo
                         else self.tr("Start without a server")) + "</h2>"

    # -- pages ------------------------------------------------------------------------------

    def _choice_page(self) -> QWidget:
        page = QWidget()
        title = QLabel("<h2>" + self.tr("Welcome to FieldApp") + "</h2>")
        intro = QLabel(self.tr("FieldApp keeps the records of the families you support on this laptop, "
                               "encrypted, and works without a connection. How would you like to start?"))
        intro.setWordWrap(True)
        self.connect_button = QCommandLinkButton(
            self.tr("Connect to my organisation's server"),
            self.tr("IT gives you the server's address and an enrolment code (or a user name and password)."))
        self.connect_button.setObjectName("connectServer")
        self.connect_button.clicked.connect(lambda: self.pages.setCurrentIndex(self.PAGE_ENROL))
        self.demo_button = QCommandLinkButton(
            self.tr("Try it offline with demo data"),
            self.tr("Made-up families to explore the program. Nothing is sent anywhere."))
        self.demo_button.setObjectName("tryDemo")
        self.demo_button.clicked.connect(lambda: self._to_create(demo=True))
        self.empty_button = QCommandLinkButton(
            self.tr("Start without a server"),
            self.tr("Record on this laptop now; connect to the server later."))
        self.empty_button.setObjectName("startEmpty")
        self.empty_button.clicked.connect(lambda: self._to_create(demo=False))
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.connect_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(self.empty_button)
        cancel = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel.rejected.connect(self.reject)
        layout.addStretch(1)
        layout.addWidget(cancel)
        return page

    def _enrol_page(self) -> QWidget:
        page = QWidget()
        title = QLabel("<h2>" + self.tr("Connect to the organisation's server") + "</h2>")
        intro = QLabel(self.tr("IT gives you the server's address and a one-time enrolment code (or your user "
                               "name and password). Then you choose a passphrase for this laptop, and your "
                               "caseload arrives at the first sync."))
        intro.setWordWrap(True)
        # The one enrolment form (fieldapp/ui/enrol_form.py), also the later "Connect to a server…".
        self.enrol_form = EnrolForm()
        self.server, self.code = self.enrol_form.server, self.enrol_form.code
        self.username, self.password = self.enrol_form.username, self.enrol_form.password
        self.enrol_error = _error_label()
        self.connect_ok = QPushButton(self.tr("Connect"))
        self.connect_ok.setObjectName("connect")
        self.connect_ok.setEnabled(False)
        self.connect_ok.clicked.connect(self._connect)
        self.enrol_form.changed.connect(self._enrol_ready)
        self.enrol_form.submitted.connect(self._connect)
        back = QPushButton(self.tr("Back"))
        back.setObjectName("back")
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.PAGE_CHOICE))
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.connect_ok)
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.enrol_form)
        layout.addWidget(self.enrol_error)
        layout.addStretch(1)
        layout.addLayout(row)
        return page

    def _enrol_ready(self) -> None:
        self.connect_ok.setEnabled(self.enrol_form.complete())

    def _connect(self) -> None:
        """Enrolment: first a passphrase for the new profile, then the server (see _create)."""
        if not self.connect_ok.isEnabled():
            return
        if self.enrol_form.code_has_typo():  # caught before any network
            self._fail(self.enrol_error, self.tr("This enrolment code has a typo: check it character by "
                                                 "character."))
            self.code.setFocus()
            return
        if self.store is not None:  # the profile exists: an earlier attempt failed; try again
            self._enrol_now()
            return
        self.enrolling = True
        self.create_title.setText(self._create_heading())
        self.pages.setCurrentIndex(self.PAGE_CREATE)
        self.new_passphrase.passphrase.setFocus()

    def _enrol_now(self) -> None:
        from fieldapp.sync import device

        enrol = self._enrol or device.enrol
        store = self.store
        assert store is not None
        self.enrol_error.hide()
        self.pages.setCurrentIndex(self.PAGE_PROGRESS)
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Connecting to the server…"))
        url, user, password, code = self.enrol_form.values()
        background.run_task(lambda: enrol(store, url, user, password, code=code), lambda _a: self.accept(),
                            self._enrol_failed)

    def _enrol_failed(self, exc: BaseException) -> None:
        reason = self.enrol_form.refusal(exc)
        if reason is None:  # a bug: to the crash report; the passphrase stays set and Connect retries
            background.report_bug(exc)
            reason = self.enrol_form.own_error()
        self.pages.setCurrentIndex(self.PAGE_ENROL)
        self._fail(self.enrol_error, reason + " " + self.tr("Your passphrase is set; press Connect to try again."))
        self.password.selectAll()
        self.password.setFocus()

    def _create_page(self) -> QWidget:
        page = QWidget()
        self.create_title = QLabel()
        intro = QLabel(self.tr("Choose a passphrase for this laptop's records. It encrypts everything you "
                               "record; without it nobody, not even IT, can read or recover the records."))
        intro.setWordWrap(True)
        self.new_passphrase = PassphraseForm()
        self.create_error = _error_label()
        buttons = QDialogButtonBox()
        back = buttons.addButton(self.tr("Back"), QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button = buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("ok")
        buttons.accepted.connect(self._create)
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.PAGE_CHOICE))
        layout = QVBoxLayout(page)
        layout.addWidget(self.create_title)
        layout.addWidget(intro)
        layout.addWidget(self.new_passphrase)
        layout.addWidget(self.create_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _progress_page(self) -> QWidget:
        page = QWidget()
        self.progress_label = QLabel(self.tr("Making up demo families…"))
        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        return page

    def _unlock_page(self) -> QWidget:
        page = QWidget()
        picture = QLabel()
        picture.setPixmap(icon("lock").pixmap(48, 48))
        intro = QLabel(self.tr("Enter your passphrase to open the records on this laptop."))
        intro.setWordWrap(True)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        self.unlock_error = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button = buttons.addButton(self.tr("Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setObjectName("ok")
        buttons.accepted.connect(self._unlock)
        buttons.rejected.connect(self.reject)
        self.open_anyway = buttons.addButton(self.tr("Open without the lost changes"), buttons.ButtonRole.ActionRole)
        self.open_anyway.setObjectName("openAnyway")
        self.open_anyway.hide()
        self.open_anyway.clicked.connect(lambda: self._unlock(accept_journal_loss=True))
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addWidget(intro, 1)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.unlock_error)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    # -- actions ----------------------------------------------------------------------------

    def _to_create(self, *, demo: bool) -> None:
        self.demo = demo
        self.enrolling = False
        self.create_title.setText(self._create_heading())
        self.pages.setCurrentIndex(self.PAGE_CREATE)
        self.new_passphrase.passphrase.setFocus()

    def _fail(self, label: QLabel, message: str) -> None:
        label.setText(message)
        label.show()

    def _create(self) -> None:
        problem = self.new_passphrase.problem()
        if problem:
            self._fail(self.create_error, problem)
            return
        if self._busy:
            return
        # Argon2 and a new database take a moment: off the GUI thread, with the progress page.
        self._busy = True
        self.create_error.hide()
        self.pages.setCurrentIndex(self.PAGE_PROGRESS)
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Protecting the records with your passphrase…"))
        folder, passphrase = self.folder, self.new_passphrase.passphrase.text()
        background.run_task(lambda: Store.create(folder, passphrase), self._created, self._create_failed)

    def _create_failed(self, exc: BaseException) -> None:
        self._busy = False
        if not isinstance(exc, StoreError):
            background.report_bug(exc)
            return
        self.pages.setCurrentIndex(self.PAGE_CREATE)
        self._fail(self.create_error, text.message(exc.message))

    def _created(self, store: Store) -> None:
        self._busy = False
        self.store = store
        if self.enrolling:
            self._enrol_now()
            return
        if not self.demo:
            self.accept()
            return
        self.pages.setCurrentIndex(self.PAGE_PROGRESS)
        self.progress_label.setText(self.tr("Making up demo families…"))
        self.progress.setRange(0, self.demo_households)
        self._timer.start()

        def work() -> object:
            from fieldapp import demo

            def progress(done: int, total: int) -> None:
                self._progress = (done, total)  # read by the GUI thread's timer

            return demo.fill(store, self.demo_households, progress=progress)

        background.run_task(work, self._demo_done, self._demo_failed)

    def _show_progress(self) -> None:
        done, total = self._progress
        self.progress.setValue(done)
        if total:
            self.progress_label.setText(self.tr("Making up demo families… %1 of %2")
                                        .replace("%1", text.number(done)).replace("%2", text.number(total)))

    def _demo_done(self, _summary: object) -> None:
        self._timer.stop()
        self.accept()

    def _demo_failed(self, exc: BaseException) -> None:
        self._timer.stop()
        # The profile exists and works; only the demo families are missing.
        self.pages.setCurrentIndex(self.PAGE_PROGRESS)
        self.progress_label.setText(self.tr("The demo families could not be made: %1")
                                    .replace("%1", text.message(exc.message) if isinstance(exc, StoreError)
                                             else type(exc).__name__))
        QTimer.singleShot(3000, self.accept)

    def _unlock(self, *, accept_journal_loss: bool = False) -> None:
        typed = self.passphrase.text()
        if not typed or self._busy:
            return
        self._busy = True  # Argon2 runs off the GUI thread; the page waits, greyed
        self.unlock_button.setEnabled(False)
        self.passphrase.setEnabled(False)
        self.open_anyway.hide()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        folder, accept = self.folder, accept_journal_loss
        background.run_task(lambda: Store.open(folder, typed, accept_journal_loss=accept), self._unlocked,
                            self._unlock_failed)

    def _unlock_settled(self) -> None:
        QGuiApplication.restoreOverrideCursor()
        self._busy = False
        self.unlock_button.setEnabled(True)
        self.passphrase.setEnabled(True)

    def _unlocked(self, store: Store) -> None:
        self._unlock_settled()
        self.passphrase.clear()  # not left in a field once it has done its work
        self.store = store
        self.accept()

    def _unlock_failed(self, exc: BaseException) -> None:
        self._unlock_settled()
        if not isinstance(exc, StoreError):
            background.report_bug(exc)
            return
        self._fail(self.unlock_error, text.message(exc.message))
        open_anyway = isinstance(exc, (JournalMissing, JournalDamaged))
        self.open_anyway.setVisible(open_anyway)  # a choice, then
        if not open_anyway:  # "open anyway" reuses what was typed; a wrong one is not left in the field
            self.passphrase.clear()
        self.passphrase.setFocus()

    def reject(self) -> None:
        if self._busy:  # the key is being derived: the store it opens must not be left behind
            return
        super().reject()
