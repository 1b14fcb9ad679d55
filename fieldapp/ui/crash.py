"""The crash dialog: a bug said plainly, with a report a person can copy and send to IT.

fieldapp/logs.py logs every uncaught exception (main thread, other threads,
Qt slots, background jobs) and hands its report here. The report holds the
version, the system, the exception's type and its frames: never a message
or a value, so no family's data is in it (the same rule as the log).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import logs


class CrashDialog(QDialog):
    """Says sorry and what to do; the report can be copied (button "Copy report")."""

    def __init__(self, report: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("FieldApp: an error"))
        self.setMinimumWidth(520)
        title = QLabel("<b>" + self.tr("Sorry: FieldApp ran into an error it did not expect.") + "</b>")
        title.setWordWrap(True)
        advice = QLabel(self.tr(
            "What you saved is safe. You can go on working; if something looks wrong, close FieldApp and "
            "start it again. Please copy the report below and send it to IT, with a line about what you "
            "were doing. The report has no names or other details of families."))
        advice.setWordWrap(True)
        self.report = QPlainTextEdit(report)
        self.report.setObjectName("crashReport")
        self.report.setReadOnly(True)
        self.report.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy report"))
        self.copy_button.setObjectName("copyReport")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_report)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(advice)
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def add(self, report: str) -> None:
        """Another crash while the dialog is open: its report goes below, in the same dialog."""
        self.report.appendPlainText("\n" + report)

    def copy_report(self) -> None:
        QGuiApplication.clipboard().setText(self.report.toPlainText())
        self.copy_button.setText(self.tr("Copied"))


class CrashReporter(QObject):
    """Shows crash reports in one dialog on the GUI thread, wherever the crash happened."""

    _arrived = Signal(str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        logs.install_hooks()
        logs.add_crash_listener(self.report)

    def uninstall(self) -> None:
        logs.remove_crash_listener(self.report)

    def report(self, text: str) -> None:
        """Called by fieldapp/logs.py on any thread: the dialog shows on the GUI thread."""
        if threading.current_thread() is threading.main_thread():
            self._show(text)
        else:
            self._arrived.emit(text)

    def _show(self, text: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(text)
        else:
            self.dialog = CrashDialog(text)  # no parent: it outlives any window that closes
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.dialog.show()
