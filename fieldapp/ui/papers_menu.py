"""The "Paper" button of a record and of a family file: Print… (Ctrl+P, Qt's print dialog) and
Save as PDF… (a file the user chooses), plus the blank visit form for a visit made without the laptop,
and, for a record, "Attach the signed scan…" (also offered after its act is printed or saved).

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
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QProgressDialog, QPushButton, QWidget

from casework.dates import format_date
from casework.schemas import ATTACHABLE
from fieldapp.papers import documents, render
from fieldapp.papers.documents import PrintJob, PrintRefused
from fieldapp.store.database import Store
from fieldapp.ui import background
from fieldapp.ui.attachments.panel import AttachmentStrip
from fieldapp.ui.attachments.record import RecordAttachments

JobFactory = Callable[[], PrintJob]
Progress = Callable[[int, int], None]
SIGNED_ACT = "signed_act"  # the document type of a signed act's scan (resources/enums/attachment_types.json)



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


class _Progress(QObject):
    """Papers laid out so far, told from the worker thread; delivered on the GUI thread (queued)."""

    step = Signal(int, int)


def _pick_scans(strip: AttachmentStrip) -> None:
    strip.choose_files()


def scan_caption(job: PrintJob) -> str:
    """The caption a signed act's scan is offered with: the act and its date, no one's name."""
    paper = job.papers[0]
    first, _, rest = paper.title.partition(" ")  # "АКТ обстеження…" reads "Акт обстеження…" in a caption
    title = " ".join(s for s in (first.capitalize() if first.isupper() else first, rest) if s)
    when = format_date(paper.date, paper.lang) if paper.date else ""
    if not when:
        return QCoreApplication.translate("PaperMenu", "Signed: %1").replace("%1", title)
    return QCoreApplication.translate("PaperMenu", "Signed: %1 of %2").replace("%1", title).replace("%2", when)


class PaperButton(QPushButton):
    """A button with the paper menu. `done(message)` tells what was printed or saved.

    The PDF is laid out and painted in a worker thread (`fieldapp.ui.background`) with a progress
    dialog over the window, which keeps repainting and answering; `finished` comes when the work ends
    (printed, saved or refused)."""

    done = Signal(str)
    finished = Signal()

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
        # After a record's act is printed or saved: offer to attach its signed scan (tests answer).
        self.offer_scan: Callable[[str], bool] = self._offer_scan
        self.pick_scans: Callable[[AttachmentStrip], None] = _pick_scans  # the file dialog; tests drop a file
        self.scan_dialog: RecordAttachments | None = None
        self.progress: QProgressDialog | None = None
        self.busy = False
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
            if kind == "record":
                scan = self.menu_.addAction(QCoreApplication.translate("PaperMenu", "Attach the signed scan…"),
                                            lambda: self.attach_signed_scan())
                scan.setObjectName("attach:signed")
            first = False
        self.setMenu(self.menu_)

    def action(self, name: str) -> QAction:
        return next(a for a in self.menu_.actions() if a.objectName() == name)

    def _job(self, kind: str) -> PrintJob | None:
        if self.busy:  # one print at a time: the progress dialog is window-modal, a shortcut is not
            return None
        try:
            return self.jobs[kind]()
        except PrintRefused as exc:
            self.refused(exc.message)
            return None

    def _show_refusal(self, message: str) -> None:
        QMessageBox.warning(self.window(), QCoreApplication.translate("PaperMenu", "Cannot print"), message)

    def _run(self, work: Callable[[Progress], Any], then: Callable[[Any], None], papers: int = 0) -> None:
        """Run `work` in a worker, a progress dialog over the window meanwhile; `then(result)` on the
        GUI thread, or the refusal told (and `finished`) when it raises `PrintRefused`."""
        render.font_family()  # registered on the GUI thread before a worker lays out text with it
        self.busy = True
        progress = QProgressDialog(QCoreApplication.translate("PaperMenu", "Preparing the papers…"), "", 0,
                                   papers if papers > 1 else 0, self.window())
        progress.setObjectName("paperProgress")
        progress.setMinimumWidth(380)
        progress.setWindowTitle(QCoreApplication.translate("PaperMenu", "Paper"))
        progress.setCancelButton(None)  # a half-printed file is of no use; the work is seconds
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)  # a one-page act comes and goes without a flash
        progress.setValue(0)
        self.progress = progress
        relay = _Progress(self)
        relay.step.connect(self._stepped)

        def ended() -> None:
            self.busy = False
            progress.reset()
            progress.deleteLater()
            self.progress = None
            relay.deleteLater()

        def succeeded(result: Any) -> None:
            ended()
            then(result)

        def failed(exc: BaseException) -> None:
            ended()
            self.finished.emit()
            if not isinstance(exc, PrintRefused):
                raise exc  # a bug: to the crash report (background.report_bug)
            self.refused(exc.message)

        background.run_task(lambda: work(relay.step.emit), succeeded, failed, owner=self)

    def _with_job(self, kind: str, then: Callable[[PrintJob], None]) -> None:
        """Make the job in a worker too (a family's file lays out every act), then `then(job)`."""
        if self.busy:  # one print at a time: the progress dialog is window-modal, a shortcut is not
            return
        self._run(lambda _step: self.jobs[kind](), then)

    def _stepped(self, done: int, total: int) -> None:
        if self.progress is not None and total > 1:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _ended(self, job: PrintJob, message: str) -> None:
        self.done.emit(message)
        self.finished.emit()
        if job.record_id and job.collection in ATTACHABLE:
            self._after_print(job)

    def print_job(self, kind: str) -> None:
        self._with_job(kind, self._print)

    def _print(self, job: PrintJob) -> None:
        printer = self.choose_printer(self.window())
        if printer is None:
            self.finished.emit()
            return

        def told(pages: int) -> None:
            self._ended(job, QCoreApplication.translate("PaperMenu", "Sent to the printer: %n page(s).", None, pages))

        if self.spooler and printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and printer.printerName():
            spooler, name, copies = self.spooler, printer.printerName(), printer.copyCount()
            self._run(lambda step: documents.send_to_spooler(
                self.store, job, name, copies, command=(spooler,), progress=step), told, len(job.papers))
        else:
            # Qt paints onto a QPrinter from a worker thread as onto a QImage (Qt's "Threads and QObjects");
            # the printer object stays alive in this closure until the work is done.
            self._run(lambda step: documents.send_to_printer(self.store, job, printer, progress=step), told,
                      len(job.papers))

    def save_job(self, kind: str) -> None:
        self._with_job(kind, self._save)

    def _save(self, job: PrintJob) -> None:
        path = self.choose_file(self.window(), suggested_name(job))
        if path is None:
            self.finished.emit()
            return
        self._run(lambda step: documents.save_pdf(self.store, job, path, progress=step),
                  lambda pages: self._ended(job, QCoreApplication.translate(
                      "PaperMenu", "Saved as PDF: %n page(s).", None, pages)), len(job.papers))

    # -- the signed paper back into the case -------------------------------------

    def _offer_scan(self, message: str) -> bool:
        answer = QMessageBox.question(self.window(), QCoreApplication.translate("PaperMenu", "Attach the signed scan?"), message,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _after_print(self, job: PrintJob) -> None:
        message = QCoreApplication.translate(
            "PaperMenu", "Once the act is signed, scan or photograph it and attach it to this record, so the "
                         "signed paper is in the case. Attach the signed scan now?")
        if self.offer_scan(message):
            self.attach_signed_scan(job)

    def attach_signed_scan(self, job: PrintJob | None = None) -> RecordAttachments | None:
        """The record's attachments with the import open: document type "signed act", the caption the act's."""
        job = job or self._job("record")
        if job is None or not job.record_id or not job.collection or not job.household_id:
            return None
        if job.collection not in ATTACHABLE:
            self.refused(QCoreApplication.translate("PaperMenu", "A scan cannot be attached to this kind of record."))
            return None
        dialog = RecordAttachments(self.store, job.household_id, job.collection, job.record_id, self.window())
        dialog.strip.preset = (SIGNED_ACT, scan_caption(job))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.scan_dialog = dialog
        dialog.open()
        self.pick_scans(dialog.strip)
        return dialog


def record_paper_button(store: Store, collection: str, record: dict, parent: QWidget) -> PaperButton:
    """The paper button of a saved record (its own paper, Ctrl+P); reads the record as saved when asked."""
    household_id = record["id"] if collection == "households" else str(record.get("household_id"))
    jobs: dict[str, JobFactory] = {"record": lambda: documents.record_job(store, collection, record["id"])}
    if collection == "visits":
        jobs["blank"] = lambda: documents.blank_job(store, "home_visit", household_id)
    return PaperButton(store, jobs, parent)
