"""The QApplication: languages, and the way from start-up to the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QDialog

from casework.i18n import LANGUAGES
from casework.resources import resource_dir
from fieldapp import __version__
from fieldapp.paths import APP_NAME, default_profile_dir

log = logging.getLogger("fieldapp.qt")

# Qt messages that say nothing about FieldApp (the offscreen platform's limits).
_BENIGN = ("This plugin does not support propagateSizeHints()",)


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    """Qt's messages go to FieldApp's log (never to a dialog); they carry no personal data."""
    if message.startswith(_BENIGN):
        return
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    log.log(level, "%s", message)


def default_language() -> str:
    """Ukrainian where the system speaks Ukrainian, English elsewhere."""
    return "uk" if QLocale.system().language() == QLocale.Language.Ukrainian else "en"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load FieldApp's and Qt's own translations for `lang`; returns them (keep them alive)."""
    translators = []
    for qm in sorted((resource_dir() / "translations").glob(f"fieldapp_*_{lang}.qm")):
        ours = QTranslator(app)
        if ours.load(str(qm)):
            app.installTranslator(ours)
            translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    locale = QLocale(QLocale.Language.Ukrainian if lang == "uk" else QLocale.Language.English,
                     QLocale.Country.Ukraine if lang == "uk" else QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    return translators


def create_application(argv: list[str], lang: str | None = None) -> QApplication:
    if QApplication.instance() is None:
        qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setProperty("fieldapp_lang", lang or default_language())
    app._fieldapp_translators = install_translators(app, app.property("fieldapp_lang"))  # type: ignore[attr-defined]
    return app


def choose_language(asked: str | None, settings: object | None) -> str:
    """The command line's --lang, else the setting, else the system's (Ukrainian or English)."""
    if asked in LANGUAGES:
        return asked
    chosen = settings.get("language") if settings is not None else ""  # type: ignore[attr-defined]
    return chosen if chosen in LANGUAGES else default_language()


def check_in(store: Any) -> bool:
    """IT's rule (checkin_days in fieldapp.toml): a laptop long out of contact calls home before its
    records show, so that a revoked laptop is wiped. False: do not show the records."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    from fieldapp.provisioning import load_provisioning
    from fieldapp.sync.device import (
        DeviceRevoked,
        checkin,
        checkin_due,
        days_since_sync,
        wipe_profile,
    )
    from sync.client import failure_message
    from sync.errors import SyncFailure

    days = load_provisioning().get("checkin_days")
    if not checkin_due(store, days):
        return True
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        checkin(store)
        return True
    except DeviceRevoked:
        wipe_profile(store)
        QMessageBox.critical(None, APP_NAME, QCoreApplication.translate(
            "Start", "The organisation revoked this laptop, so the records on it were erased. What was synced "
                     "is safe on the server."))
        return False
    except SyncFailure as exc:
        since = days_since_sync(store)
        QMessageBox.warning(None, APP_NAME, QCoreApplication.translate(
            "Start", "Your organisation asks this laptop to reach its server at least every %1 days before the "
                     "records open, and the last contact was %2 days ago. Connect to the internet and start "
                     "FieldApp again.").replace("%1", str(days)).replace("%2", "?" if since is None else str(int(since)))
            + "\n\n" + failure_message(exc).render(QCoreApplication.translate))
        return False
    finally:
        QGuiApplication.restoreOverrideCursor()


def run_gui(profile: Path | None, lang: str | None) -> int:
    from PySide6.QtWidgets import QMessageBox

    from fieldapp.settings import Settings
    from fieldapp.store.database import DB_FILE
    from fieldapp.sync.device import wiped_reason
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.profile_dialog import ProfileDialog
    from fieldapp.ui.settings_dialog import problem_text

    settings = Settings()
    app = create_application(sys.argv, choose_language(lang, settings))
    if settings.problem is not None:
        log.warning("settings unreadable: %s", settings.problem.reason)
        QMessageBox.warning(None, APP_NAME, problem_text(settings.problem))
    folder = profile or default_profile_dir()
    wiped = wiped_reason(folder)
    if wiped is not None and not (folder / DB_FILE).exists():
        QMessageBox.warning(None, APP_NAME, QCoreApplication.translate(
            "Start", "The organisation revoked this laptop, so the records on it were erased. What was synced "
                     "is safe on the server. To work again, ask IT to enrol this laptop."))
        (folder / "wiped.json").unlink(missing_ok=True)
    dialog = ProfileDialog(folder, create=not (folder / DB_FILE).exists())
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.store is None:
        return 0
    store = dialog.store
    if not check_in(store):
        store.close()
        return 0
    try:
        window = MainWindow(store, settings=settings)
        window.restore_geometry()
        window.show()
        window.offer_drafts()
        return app.exec()
    finally:
        store.close()
