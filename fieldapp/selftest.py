"""`fieldapp --selftest`: start offscreen once with a throwaway profile and check the basics.

Used on the frozen build by the packaging step: it proves that the bundle
carries SQLCipher, Argon2, Qt's platform and SVG plugins, the resources and
the translations. IT can run it on a laptop after installing: it also reads
IT's configuration (fieldapp/provisioning.py), fails on a mistake there, and
prints where the profile lives and what was provisioned. Exit 0 when all is
well; 1 with the reason on standard error.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path


def run_selftest() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    step = "starting"
    pdfium = ""
    try:
        from casework import codifier
        from casework.resources import translation_files
        from fieldapp import demo
        from fieldapp.store.database import Store

        with tempfile.TemporaryDirectory(prefix="fieldapp-selftest-") as tmp:
            folder = Path(tmp) / "profile"
            passphrase = secrets.token_urlsafe(16)
            step = "creating an encrypted profile"
            with Store.create(folder, passphrase) as store:
                step = "writing generated records"
                demo.fill(store, 3, seed=1)
            step = "reopening the encrypted profile"
            store = Store.open(folder, passphrase)
            try:
                if store.count("households") != 3:
                    raise RuntimeError("the records written were not read back")
                if not (folder / "fieldapp.db").read_bytes()[:16] != b"SQLite format 3\x00":
                    raise RuntimeError("the database file is not encrypted")
                step = "reading the codifier"
                if codifier.count() < 30000:
                    raise RuntimeError("the codifier is incomplete")
                step = "loading translations"
                for lang in ("uk", "en"):
                    if not translation_files(lang):
                        raise RuntimeError(f"compiled translations for {lang} are missing")
                step = "starting Qt"
                from fieldapp.ui.app import create_application
                from fieldapp.ui.main_window import MainWindow

                app = create_application([sys.argv[0]], "uk")
                step = "drawing the icons"
                from fieldapp.ui.icons import icon

                if icon("app").pixmap(32, 32).isNull():
                    raise RuntimeError("the SVG icons cannot be drawn (Qt's SVG plugins are missing)")
                step = "drawing a PDF page"
                from fieldapp.ui.attachments.pdf import self_check

                pdfium = self_check()
                step = "preparing a crash report"
                _check_crash_report()
                step = "showing the main window"
                window = MainWindow(store)
                window.show()
                app.processEvents()
                # The caseload opens on the active cases; the demo closes some.
                active = sum(1 for h in store.records("households") if h["status"] == "active")
                if not window.isVisible() or window.caseload.rowCount() != active:
                    raise RuntimeError("the main window did not show the caseload")
                window.close()
                window.deleteLater()
                app.processEvents()
            finally:
                store.close()
        step = "reading IT's configuration"
        where = _where()
    except Exception as exc:  # noqa: BLE001 - the point is to report any failure
        print(f"fieldapp selftest failed while {step}: {exc}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return 1
    if where.problems:
        # IT runs the selftest after deploying: a mistake in its file is a failure to see.
        print("fieldapp selftest failed: IT's configuration has problems:", file=sys.stderr)
        for problem in where.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print("fieldapp selftest passed")
    print(f"PDF pages drawn by PDFium {pdfium}")
    for line in where.lines:
        print(line)
    return 0


def _check_crash_report() -> None:
    """The crash dialog is in the bundle and its report names the error, not its message."""
    from fieldapp import logs
    from fieldapp.ui.crash import CrashDialog

    try:
        raise LookupError("selftest-secret")
    except LookupError as exc:
        report = logs.crash_report(type(exc), exc, exc.__traceback__)
    dialog = CrashDialog(report)
    shown = dialog.report.toPlainText()
    dialog.deleteLater()
    if "LookupError" not in shown or "selftest-secret" in shown:
        raise RuntimeError("the crash report is wrong")


@dataclass(frozen=True)
class _Where:
    lines: list[str]
    problems: tuple[object, ...]


def _where() -> _Where:
    """Where this program keeps the profile, and which of IT's files it read (for IT's eyes)."""
    from fieldapp.paths import default_profile_dir, portable_data_dir
    from fieldapp.provisioning import load_provisioning

    provisioning = load_provisioning()
    portable = " (portable)" if portable_data_dir() is not None else ""
    lines = [f"profile folder: {default_profile_dir()}{portable}"]
    for source in provisioning.sources:
        lines.append(f"IT configuration: {source}")
    for key, value in sorted(provisioning.values.items()):
        lock = " (locked)" if provisioning.is_locked(key) else ""
        lines.append(f"  {key} = {value}{lock}")
    return _Where(lines, provisioning.problems)
