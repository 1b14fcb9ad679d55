"""Which papers a print job holds, who may print them, and the print log: shared by the screens and
`fieldapp print`.

A job is made from the store (`record_job`, `family_job`, `blank_job`), then sent to a file the
user chose (`save_pdf`, owner-only, built in memory: no temporary file) or to a printer
(`send_to_printer`). Protected records (`sync.protocol.PROTECTED_COLLECTIONS`) print only for a
user with protected access, as the server gives them only to such a user; a family's file
leaves them out otherwise. Every job is logged (`fieldapp.store.prints`): what, when, by whom.
"""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from casework.i18n import os_reason
from casework.papers import Paper, family_file, lay_out, printable, template_for, templates
from casework.papers.templates import PaperTemplate
from fieldapp.papers import render
from fieldapp.store import attachments
from fieldapp.store.database import Store
from fieldapp.store.prints import log_print
from fieldapp.sync.device import enrolled_user
from sync.protocol import PROTECTED_COLLECTIONS


class PrintRefused(Exception):
    """A paper that may not or cannot be printed; `message` is the sentence to show."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message



@dataclass(frozen=True)
class PrintJob:
    papers: tuple[Paper, ...]
    what: str  # a template id, "family_file" or "blank:<template id>"
    household_id: str | None
    collection: str | None = None
    record_id: str | None = None

    @property
    def title(self) -> str:
        return self.papers[0].title if len(self.papers) == 1 else self.papers[0].footer.split(" · ")[0]


def _user(store: Store) -> dict[str, Any]:
    return enrolled_user(store)


def _author(store: Store) -> str:
    user = _user(store)
    return str(user.get("display_name") or user.get("username") or "")


def protected_access(store: Store) -> bool:
    return bool(_user(store).get("protected_access"))


def _family(store: Store, household_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    household = store.get("households", household_id)
    if household is None or household.get("deleted"):
        raise PrintRefused(QCoreApplication.translate("Papers", "This family is not on this laptop."))
    return household, list(store.records("persons", household_id=household_id))


def printable_collections() -> tuple[str, ...]:
    """The collections that have a paper (their templates' collections, households for the closure)."""
    return tuple(dict.fromkeys(t.collection for t in templates()))


def find_record(store: Store, record_id: str) -> tuple[str, dict[str, Any]] | None:
    """The collection and record with this id, among the collections that print."""
    for collection in printable_collections():
        record = store.get(collection, record_id)
        if record is not None and not record.get("deleted"):
            return collection, record
    return None


def household_by_case_number(store: Store, case_number: str) -> dict[str, Any] | None:
    wanted = case_number.strip().upper()
    return next((h for h in store.records("households") if str(h.get("case_number", "")).upper() == wanted), None)


def _check_access(store: Store, collection: str) -> None:
    if collection in PROTECTED_COLLECTIONS and not protected_access(store):
        raise PrintRefused(QCoreApplication.translate("Papers", "This record is protected: only a user with protected access may print it."))


def record_job(store: Store, collection: str, record_id: str, *, lang: str = "uk") -> PrintJob:
    """The paper of one record; `PrintRefused` when it is protected and the user may not see it,
    or when it has no paper."""
    _check_access(store, collection)
    record = store.get(collection, record_id)
    if record is None or record.get("deleted"):
        raise PrintRefused(QCoreApplication.translate("Papers", "This record is not on this laptop."))
    template = printable(collection, record)
    if template is None:
        raise PrintRefused(QCoreApplication.translate("Papers", "This record has no paper form to print."))
    household_id = record["id"] if collection == "households" else str(record.get("household_id"))
    household, persons = _family(store, household_id)
    listed = attachments.of_record(store.read(), collection, record_id)
    paper = lay_out(template, record, household, persons, lang=lang, author=_author(store), attachments=listed)
    return PrintJob((paper,), template.id, household_id, collection, record_id)


def family_job(store: Store, household_id: str, *, lang: str = "uk") -> PrintJob:
    """The family's whole paper file, every act in order; protected records only for those allowed."""
    household, persons = _family(store, household_id)
    allowed = protected_access(store)
    records = {c: list(store.records(c, household_id=household_id)) for c in printable_collections()
               if c != "households" and (allowed or c not in PROTECTED_COLLECTIONS)}
    listed: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for a in attachments.of_household(store.read(), household_id):
        listed.setdefault((str(a.get("record_collection")), str(a.get("record_id"))), []).append(a)
    papers = family_file(records, household, persons, lang=lang, author=_author(store), attachments=listed)
    if not papers:
        raise PrintRefused(QCoreApplication.translate("Papers", "Nothing recorded for this family has a paper form yet."))
    return PrintJob(tuple(papers), "family_file", household_id)


def blank_template(template_id: str) -> PaperTemplate:
    found = next((t for t in templates() if t.id == template_id), None)
    if found is None:
        raise PrintRefused(QCoreApplication.translate("Papers", "There is no such paper form."))
    return found


def blank_job(store: Store, template_id: str = "home_visit", household_id: str | None = None, *,
              lang: str = "uk") -> PrintJob:
    """A blank form to fill by hand (a visit made without the laptop), for a family or for anyone."""
    template = blank_template(template_id)
    _check_access(store, template.collection)
    household, persons = _family(store, household_id) if household_id else (None, [])
    paper = lay_out(template, None, household, persons, lang=lang)
    return PrintJob((paper,), f"blank:{template.id}", household_id)


def log_job(store: Store, job: PrintJob, target: str, pages: int) -> None:
    """Log a print job (what, when, by whom, where to; never the content)."""
    user = _user(store)
    who = str(user.get("username") or user.get("id") or "")
    store.write(lambda tx: log_print(tx, user=who, what=job.what, target=target, collection=job.collection,
                                     record_id=job.record_id, household_id=job.household_id,
                                     papers=len(job.papers), pages=pages))


def save_pdf(store: Store, job: PrintJob, path: Path, *, progress: render.Progress | None = None) -> int:
    """Write the job as one PDF where the user chose, owner-only, and log it; the number of pages.
    `progress(done, total)` is told after each paper (from the thread that runs this)."""
    content, pages = render.render_pdf(job.papers, job.title, progress=progress)
    try:
        render.write_owner_only(path, content)
    except OSError as exc:
        raise PrintRefused(QCoreApplication.translate("Papers", "The PDF could not be written there: %1").replace("%1", os_reason(exc).render(QCoreApplication.translate))) from None
    log_job(store, job, "pdf", pages)
    return pages


def send_to_printer(store: Store, job: PrintJob, printer: QPagedPaintDevice, *,
                    progress: render.Progress | None = None) -> int:
    """Print the job on a printer set up by Qt's print dialog, and log it; the number of pages."""
    try:
        pages = render.print_papers(job.papers, printer, progress=progress)
    except OSError:
        raise PrintRefused(QCoreApplication.translate("Papers", "The printer could not be reached.")) from None
    log_job(store, job, "printer", pages)
    return pages


def send_to_spooler(store: Store, job: PrintJob, printer_name: str, copies: int = 1, *,
                    command: Sequence[str] = ("lp",), progress: render.Progress | None = None) -> int:
    """Print through the system's spooler (CUPS `lp`), the PDF handed over on its standard input, and
    log it; the number of pages. Qt's own CUPS engine writes the pages to a file in the temporary
    folder first; this way no file of ours is ever there (CUPS keeps its spool in its own folder).
    The job's title in the printer's queue is "FieldApp": no family's name."""
    content, pages = render.render_pdf(job.papers, job.title, progress=progress)
    args = [*command, "-d", printer_name, "-n", str(max(1, copies)), "-t", "FieldApp"]
    try:
        done = subprocess.run(args, input=content, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        raise PrintRefused(QCoreApplication.translate("Papers", "The printer could not be reached.")) from None
    if done.returncode != 0:
        raise PrintRefused(QCoreApplication.translate("Papers", "The printer refused the papers; check it in the system's printer settings."))
    log_job(store, job, "printer", pages)
    return pages



__all__ = ["PrintJob", "PrintRefused", "blank_job", "family_job", "find_record", "household_by_case_number",
           "record_job", "save_pdf", "send_to_printer", "template_for"]
