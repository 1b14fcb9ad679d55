"""The QApplication: languages, and the way from start-up to the main window."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

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
from casework.resources import translation_files
from fieldapp import __version__
from fieldapp.paths import APP_NAME, default_profile_dir

log = logging.getLogger("fieldapp.qt")

# Qt messages that say nothing about FieldApp (the offscreen platform's limits).
_BENIGN = ("This plugin does not support propagateSizeHints()",)


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    """Qt's messages go to FieldApp's log (never to a dialog), as the Qt function that spoke only:
    the rest of a message may quote a widget's text."""
    if message.startswith(_BENIGN):
        return
    where = message.split(": ", 1)[0] if ": " in message else "message"
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
    }.get(kind, logging.ERROR)
    log.log(level, "Qt %s", where if re.fullmatch(r"[A-Za-z0-9_:~<>]{1,80}", where) else "message")


def default_language() -> str:
    """Ukrainian where the system speaks Ukrainian, English elsewhere."""
    return "uk" if QLocale.system().language() == QLocale.Language.Ukrainian else "en"


def install_translators(app: QApplication, lang: str) -> list[QTranslator]:
    """Load FieldApp's and Qt's own translations for `lang`; returns them (keep them alive)."""
    translators = []
    for qm in translation_files(lang):
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
    """A language IT locked, else the command line's --lang, else the setting, else the system's."""
    chosen = settings.get("language") if settings is not None else ""  # type: ignore[attr-defined]
    if settings is not None and settings.is_locked("language") and chosen in LANGUAGES:  # type: ignore[attr-defined]
        return str(chosen)  # IT's choice for the laptop: --lang cannot undo a lock
    if asked in LANGUAGES:
        return asked
    return chosen if chosen in LANGUAGES else default_language()


def run_gui(profile: Path | None, lang: str | None) -> int:
    from PySide6.QtWidgets import QMessageBox

    from fieldapp.settings import Settings
    from fieldapp.store.connection import has_profile
    from fieldapp.store.database import DB_FILE
    from fieldapp.sync.device import wiped_reason
    from fieldapp.ui.crash import CrashReporter
    from fieldapp.ui.profile_dialog import ProfileDialog
    from fieldapp.ui.settings_dialog import problem_text

    settings = Settings()
    app = create_application(sys.argv, choose_language(lang, settings))
    crashes = CrashReporter(app)  # from here on, a bug shows a dialog (and is logged: cli.py)
    crashes.install()
    from fieldapp.ui.collector import GuiCollector

    GuiCollector(app)  # cycles are freed on the GUI thread, between events (collector.py)
    from fieldapp.ui import text_size

    text_size.apply(settings.get("text_size"))  # from the first screen on, the passphrase's too
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
    # Any file of a profile (key.json, a journal, backups) means unlock: never a new database over it.
    dialog = ProfileDialog(folder, create=not has_profile(folder), settings=settings)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.store is None:
        return 0
    from fieldapp.ui.application import Application

    application = Application(dialog.store, settings, checkin_days=settings.provisioning.get("checkin_days"))
    application.ended.connect(app.quit, Qt.ConnectionType.QueuedConnection)
    try:
        application.start()
        return app.exec()
    finally:
        application.close()
