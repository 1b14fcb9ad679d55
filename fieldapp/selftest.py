"""`fieldapp --selftest`: start offscreen once with a throwaway profile and check the basics.

Used on the frozen build by the packaging step: it proves that the bundle
carries SQLCipher, Argon2, Qt's platform plugin, the resources and the
translations. Exit 0 when all is well; 1 with the reason on standard error.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import traceback
from pathlib import Path


def run_selftest() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    step = "starting"
    try:
        from fieldapp import demo
        from fieldapp.domain import codifier
        from fieldapp.domain.resources import resource_dir
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
                    if not list((resource_dir() / "translations").glob(f"fieldapp_*_{lang}.qm")):
                        raise RuntimeError(f"compiled translations for {lang} are missing")
                step = "showing the main window"
                from fieldapp.ui.app import create_application
                from fieldapp.ui.main_window import MainWindow

                app = create_application([sys.argv[0]], "uk")
                window = MainWindow(store)
                window.show()
                app.processEvents()
                if not window.isVisible() or window.caseload.rowCount() != 3:
                    raise RuntimeError("the main window did not show the caseload")
                window.close()
                window.deleteLater()
                app.processEvents()
            finally:
                store.close()
    except Exception as exc:  # noqa: BLE001 - the point is to report any failure
        print(f"fieldapp selftest failed while {step}: {exc}", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return 1
    print("fieldapp selftest passed")
    return 0
