"""Render each main screen of FieldApp offscreen, in Ukrainian and English, as PNGs.

    python scripts/screenshots.py [--out docs/screenshots] [--lang uk --lang en] [--size 1366x768]

Each language runs in its own process (Qt's translators and locale are per
process). The data are generated demo families (fieldapp.demo): made up, never
real people. The main window is 1280x800 (or --size); dialogs are shown at their own size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEMO_FAMILIES = 200
PASSPHRASE = "липовий цвіт у червні 2026"


def _render(lang: str, out: Path, size: tuple[int, int] = (1280, 800)) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QApplication, QWidget

    from fieldapp import demo
    from fieldapp.provisioning import Provisioning
    from fieldapp.settings import Settings
    from fieldapp.store import queries
    from fieldapp.store.database import Store
    from fieldapp.ui import background
    from fieldapp.ui.app import create_application
    from fieldapp.ui.household_dialog import PersonDialog
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.profile_dialog import ProfileDialog
    from fieldapp.ui.settings_dialog import SettingsDialog

    app = create_application([sys.argv[0]], lang)
    background.set_synchronous(True)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{lang}-{name}.png"
        widget.grab().save(str(path), "PNG", 80)
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="fieldapp-shots-") as tmp:
        folder = Path(tmp) / "profile"

        first = ProfileDialog(folder, create=True)
        first.resize(620, 420)
        first.show()
        save(first, "01-welcome")
        first.connect_button.click()
        save(first, "02-enrol")
        first.pages.setCurrentIndex(first.PAGE_CHOICE)
        first.demo_button.click()
        first.new_passphrase.passphrase.setText(PASSPHRASE)
        first.new_passphrase.repeat.setText(PASSPHRASE)
        save(first, "03-passphrase")
        first.close()

        with Store.create(folder, PASSPHRASE) as s:
            demo.fill(s, DEMO_FAMILIES, seed=11)
        unlock = ProfileDialog(folder, create=False)
        unlock.resize(560, 220)
        unlock.show()
        unlock.passphrase.setText("неправильна фраза")
        unlock._unlock()
        save(unlock, "04-unlock-wrong-passphrase")
        unlock.close()

        store = Store.open(folder, PASSPHRASE)
        try:
            settings = Settings(Path(tmp) / "config", Provisioning())
            window = MainWindow(store, settings=settings)
            window.resize(*size)
            window.show()
            save(window, "05-caseload")
            family = queries.caseload_rows(store, queries.caseload_ids(store))[7].family_name
            window.caseload_view.search.setText(family[:5])
            window.caseload_view.apply_filter()
            save(window, "06-caseload-search")
            window.caseload_view.search.clear()
            window.caseload_view.apply_filter()

            window.tabs.setCurrentIndex(1)
            save(window, "07-today")

            # A family with a safety concern on record, to show how it stands out
            hid = store.read().execute(
                "SELECT v.household_id FROM visits v JOIN households h ON h.id = v.household_id "
                "WHERE json_extract(v.data, '$.safety_concern') = 1 "
                "AND json_extract(h.data, '$.status') = 'active' LIMIT 1").fetchone()[0]
            window.open_family(hid)
            save(window, "08-family-file")

            dialog = window.new_household()
            dialog.resize(760, 760)
            dialog.family_name.setText("Ковальчук")
            dialog.categories.set_codes(["with_children", "idp"])
            dialog.save()  # empty hromada and no members: the messages stand next to the fields
            save(dialog, "09-new-family")
            person = PersonDialog({"surname": "Ковальчук"}, dialog)
            person.given_name.setText("Марко")
            person.role.set_code("child")
            person.birth_date.set_value(dt.date.today() - dt.timedelta(days=490))  # about 16 months
            person.show()
            save(person, "10-family-member")
            person.close()
            dialog.done(0)

            settings_dialog = SettingsDialog(settings, window)
            settings_dialog.show()
            save(settings_dialog, "11-settings")
            settings_dialog.close()

            window.locker.lock()
            settle()
            shot = window.grab()
            lock = window.locker.screen.grab()
            painter = QPainter(shot)
            painter.drawPixmap(QPoint((shot.width() - lock.width()) // 2, (shot.height() - lock.height()) // 3), lock)
            painter.end()
            path = out / f"{lang}-12-locked.png"
            shot.save(str(path), "PNG", 80)
            written.append(path)
            window.locker.screen.passphrase.setText(PASSPHRASE)
            window.locker.screen.try_unlock()
            window.close()

            # The supervisor's screens: the same laptop as a supervisor's (no server: the numbers are local).
            store.write(lambda tx: tx.set_meta("user", json.dumps({"role": "supervisor", "protected_access": True})))
            boss = MainWindow(store, settings=settings)
            boss.resize(*size)
            boss.show()
            for title, name in (("Review", "13-review-queue"), ("Team", "14-team"), ("Reports", "15-reports")):
                index = next(i for i in range(boss.tabs.count()) if boss.tabs.tabText(i) == boss.tr(title))
                boss.tabs.setCurrentIndex(index)
                save(boss, name)
            boss.close()
        finally:
            store.close()
    QApplication.processEvents()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", action="append", choices=("uk", "en"))
    parser.add_argument("--size", default="1280x800", help="the main window's size, WIDTHxHEIGHT")
    parser.add_argument("--one", choices=("uk", "en"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    width, _, height = args.size.partition("x")
    if args.one:
        for path in _render(args.one, args.out, (int(width), int(height))):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        return 0
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for lang in args.lang or ["uk", "en"]:
        done = subprocess.run([sys.executable, __file__, "--one", lang, "--out", str(args.out),
                                "--size", args.size], env=env)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
