"""The enrolment form: the server's address, IT's one-time enrolment code, or a user name and a
password. One widget serves the first run (`ProfileDialog`'s page) and connecting a standalone
profile later (`ConnectDialog`); each says what follows (a passphrase first, or the choice for
the records already here)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget


def provisioned_server() -> tuple[str, bool] | None:
    """The server address IT placed in fieldapp.toml, and whether it is locked."""
    try:
        from fieldapp.provisioning import load_provisioning

        prov = load_provisioning()
    except Exception:  # noqa: BLE001 - a broken fieldapp.toml never stops the caseworker typing the address
        return None
    url = prov.get("server_url")
    return (str(url), prov.is_locked("server_url")) if url else None


class EnrolForm(QWidget):
    """The four fields, IT's address filled in (read-only when IT locked it).

    `changed` fires when any field changes; `submitted` on Enter in the password, or in the code
    once one is typed; Enter elsewhere moves on to the next field, as in every form.
    """

    changed = Signal()
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("enrolForm")
        self.server = QLineEdit()
        self.server.setObjectName("serverAddress")
        self.server.setPlaceholderText("https://")
        provisioned = provisioned_server()
        if provisioned:
            url, locked = provisioned
            self.server.setText(url)
            self.server.setReadOnly(locked)
        self.code = QLineEdit()
        self.code.setObjectName("enrolmentCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXX")
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        either = QLabel(self.tr("or, without a code:"))
        either.setWordWrap(True)
        either.setStyleSheet("color: #4a4a4a;")  # quieter than the fields, still easy to read (6:1 on grey)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Enrolment code"), self.code)
        form.addRow("", either)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        for field in (self.server, self.code, self.username, self.password):
            field.textChanged.connect(self.changed)
        self.server.returnPressed.connect(self.code.setFocus)
        self.code.returnPressed.connect(lambda: self.submitted.emit() if self.code.text().strip()
                                        else self.username.setFocus())
        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self.submitted)

    def complete(self) -> bool:
        """An address, and a code or both the user name and the password."""
        by_code = bool(self.code.text().strip())
        by_password = all(f.text().strip() for f in (self.username, self.password))
        return bool(self.server.text().strip()) and (by_code or by_password)

    def by_code(self) -> bool:
        return bool(self.code.text().strip())

    def code_has_typo(self) -> bool:
        """A code is typed and its check character says it is mistyped (caught before any network)."""
        from casework.ids import normalise_enrolment_code

        return self.by_code() and normalise_enrolment_code(self.code.text()) is None

    def values(self) -> tuple[str, str, str, str | None]:
        """(address, user name, password, code or None), as `fieldapp.sync.device.enrol` takes them."""
        return (self.server.text().strip(), self.username.text().strip(), self.password.text(),
                self.code.text().strip() or None)

    def refusal(self, exc: BaseException) -> str | None:
        """The sentence for an enrolment the server or the store refused; None for a bug.

        One wording for the first run and "Connect to a server…": which credential was refused
        follows from what was typed (the code, or the user name and the password).
        """
        from fieldapp.store.errors import StoreError
        from fieldapp.ui import text
        from sync.client import failure_message
        from sync.errors import SyncFailure

        if isinstance(exc, SyncFailure):
            if exc.code in ("unauthorized", "invalid_payload", "forbidden"):
                if self.by_code():
                    # A used or an expired code has its own code and sentence: this one is unknown.
                    return self.tr("The server does not know this enrolment code. Check it, or ask IT for "
                                   "a new one.")
                return self.tr("The server did not accept this user name and password. Check them, or ask IT.")
            return text.message(failure_message(exc))
        if isinstance(exc, StoreError):
            return text.message(exc.message)
        return None

    def own_error(self) -> str:
        """The sentence for an enrolment that failed on a bug of the program (never its class name)."""
        return self.tr("FieldApp could not connect because of an error of its own.")

    def first_empty(self) -> QLineEdit:
        """Where typing starts: the code when IT's address is filled in, else the address."""
        return self.code if self.server.text() else self.server
