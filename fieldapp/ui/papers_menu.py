"""The "Paper" button of a record and of a family file: Print… (Ctrl+P, Qt's print dialog) and
Save as PDF… (a file the user chooses), plus the blank visit form for a visit made without the laptop.

What to print is asked of `jobs` when the person acts (so it is the record as saved then); the
printer and the file are asked of `choose_printer` / `choose_file`, Qt's dialogs unless a caller
injects its own (the tests give a PDF printer and a path). A refusal (a protected record without
protected access, nothing to print, a folder that cannot be written) is told in a sentence.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from fieldapp.papers import documents
from fieldapp.papers.documents import PrintJob, PrintRefused
from fieldapp.store.database import Store

JobFactory = Callable[[], PrintJob]



def dialog_printer(parent: QWidget | None) -> QPrinter | None:
    """Qt's print dialog on an A4 printer; None when the person cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PaperMenu", "Print"))
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def dialog_file(parent: QWidget | None, suggested: str) -> Path | None:
    """Qt's save dialog for a PDF; None when the person cancels. The name ends in .pdf."""
    name, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("PaperMenu", "Save as PDF"), suggested, QCoreApplication.translate("PaperMenu", "PDF documents (*.pdf)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def suggested_name(job: PrintJob) -> str:
    """A file name for the save dialog: the case number and the kind of paper, no one's name."""
    case = job.papers[0].footer.split(" · ")[0].split("№")[-1].strip().replace("/", "-") if job.papers else ""
    kind = job.what.replace(":", "-")
    return "-".join(s for s in (case, kind) if s) + ".pdf"


class PaperButton(QPushButton):
    """A button with the paper menu. `done(message)` tells what was printed or saved."""

    done = Signal(str)

    def __init__(self, store: Store, jobs: dict[str, JobFactory], parent: QWidget | None = None, *,
                 choose_printer: Callable[[QWidget | None], QPrinter | None] = dialog_printer,
                 choose_file: Callable[[QWidget | None, str], Path | None] = dialog_file):
        super().__init__(QCoreApplication.translate("PaperMenu", "Paper…"), parent)
        self.setObjectName("paperButton")
        self.setAutoDefault(False)
        self.setToolTip(QCoreApplication.translate("PaperMenu", "Print the paper for signature or save it as a PDF"))
        self.store = store
        self.jobs = jobs
        self.choose_printer = choose_printer
        self.choose_file = choose_file
        # A printer the system knows goes through its spooler (`lp`), so that nothing is written to
        # the temporary folder (Qt's CUPS engine spools there); None: Qt paints to the printer itself.
        self.spooler: str | None = shutil.which("lp") if sys.platform != "win32" else None
        self.refused = self._show_refusal
        self.menu_ = QMenu(self)
        labels = {
            "record": (QCoreApplication.translate("PaperMenu", "Print…"), QCoreApplication.translate("PaperMenu", "Save as PDF…")),
            "family": (QCoreApplication.translate("PaperMenu", "Print the family's paper file…"), QCoreApplication.translate("PaperMenu", "Save the family's paper file as PDF…")),
            "blank": (QCoreApplication.translate("PaperMenu", "Print a blank visit form…"), QCoreApplication.translate("PaperMenu", "Save a blank visit form as PDF…")),
        }
        first = True
        for kind in ("record", "family", "blank"):
            if kind not in jobs:
                continue
            if not first:
                self.menu_.addSeparator()
            print_label, pdf_label = labels[kind]
            act = self.menu_.addAction(print_label, lambda k=kind: self.print_job(k))
            act.setObjectName(f"print:{kind}")
            pdf = self.menu_.addAction(pdf_label, lambda k=kind: self.save_job(k))
            pdf.setObjectName(f"pdf:{kind}")
            if first:
                act.setShortcut(QKeySequence.StandardKey.Print)
                act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                # the shortcut works with the menu closed: the window holds the action too
                if parent is not None:
                    parent.addAction(act)
            first = False
        self.setMenu(self.menu_)

    def action(self, name: str):
        return next(a for a in self.menu_.actions() if a.objectName() == name)

    def _job(self, kind: str) -> PrintJob | None:
        try:
            return self.jobs[kind]()
        except PrintRefused as exc:
            self.refused(exc.message)
            return None

    def _show_refusal(self, message: str) -> None:
        QMessageBox.warning(self.window(), QCoreApplication.translate("PaperMenu", "Cannot print"), message)

    def _busy(self, fn: Callable[[], int]) -> int | None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return fn()
        except PrintRefused as exc:
            QGuiApplication.restoreOverrideCursor()
            self.refused(exc.message)
            return None
        finally:
            if QGuiApplication.overrideCursor() is not None:
                QGuiApplication.restoreOverrideCursor()

    def print_job(self, kind: str) -> None:
        job = self._job(kind)
        if job is None:
            return
        printer = self.choose_printer(self.window())
        if printer is None:
            return
        if self.spooler and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
            spooler = self.spooler
            pages = self._busy(lambda: documents.send_to_spooler(
                self.store, job, printer.printerName(), printer.copyCount(), command=(spooler,)))
        else:
            pages = self._busy(lambda: documents.send_to_printer(self.store, job, printer))
        if pages is not None:
            self.done.emit(QCoreApplication.translate("PaperMenu", "Sent to the printer: %n page(s).", None, pages))

    def save_job(self, kind: str) -> None:
        job = self._job(kind)
        if job is None:
            return
        path = self.choose_file(self.window(), suggested_name(job))
        if path is None:
            return
        pages = self._busy(lambda: documents.save_pdf(self.store, job, path))
        if pages is not None:
            self.done.emit(QCoreApplication.translate("PaperMenu", "Saved as PDF: %n page(s).", None, pages))


def record_paper_button(store: Store, collection: str, record: dict, parent: QWidget) -> PaperButton:
    """The paper button of a saved record (its own paper, Ctrl+P); reads the record as saved when asked."""
    household_id = record["id"] if collection == "households" else str(record.get("household_id"))
    jobs: dict[str, JobFactory] = {"record": lambda: documents.record_job(store, collection, record["id"])}
    if collection == "visits":
        jobs["blank"] = lambda: documents.blank_job(store, "home_visit", household_id)
    return PaperButton(store, jobs, parent)
