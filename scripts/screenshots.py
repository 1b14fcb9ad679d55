"""Render each main screen of FieldApp offscreen, in Ukrainian and English, as PNGs.

    python scripts/screenshots.py [--out docs/screenshots] [--lang uk --lang en] [--size 1366x768] [--taskbar 40]

Each language runs in its own process (Qt's translators and locale are per
process), on an offscreen screen of --size less a --taskbar at its bottom (the
part windows may use), so every window and dialog is sized and placed by the
program's own code (fieldapp/ui/screen.py) as it would be on that laptop.
The data are generated demo families (fieldapp.demo): made up, never real people.
Pictures go to OUT/<lang>/<name>.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEMO_FAMILIES = 200
PASSPHRASE = "липовий цвіт у червні 2026"


def _screen_config(folder: Path, width: int, height: int) -> str:
    """Qt's offscreen platform with one screen of the space windows may use (the taskbar left out)."""
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


def _render(lang: str, out: Path) -> list[Path]:
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

    app = create_application([sys.argv[0]], lang)
    background.set_synchronous(True)
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path), "PNG", 80)
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="fieldapp-shots-") as tmp:
        folder = Path(tmp) / "profile"

        first = ProfileDialog(folder, create=True)
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
        unlock.show()
        unlock.passphrase.setText("неправильна фраза")
        unlock._unlock()
        save(unlock, "04-unlock-wrong-passphrase")
        unlock.close()

        store = Store.open(folder, PASSPHRASE)
        try:
            settings = Settings(Path(tmp) / "config", Provisioning())
            window = MainWindow(store, settings=settings)
            window.show()  # at the size the program gives it on this screen
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

            dialog = window.new_household()  # sized by the program for this screen
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
            person.done(0)  # closed as the script, not Esc: nothing to ask
            dialog.done(0)

            settings_dialog = window.show_settings()  # with the passphrase and text-size sections, as opened
            assert settings_dialog is not None
            save(settings_dialog, "11-settings")
            settings_dialog.close()
            written.extend(_dialogs(store, window, out, save))

            window.locker.lock()
            settle()
            shot = window.grab()
            lock = window.locker.screen.grab()
            painter = QPainter(shot)
            painter.drawPixmap(QPoint((shot.width() - lock.width()) // 2, (shot.height() - lock.height()) // 3), lock)
            painter.end()
            path = out / "12-locked.png"
            shot.save(str(path), "PNG", 80)
            written.append(path)
            window.locker.screen.passphrase.setText(PASSPHRASE)
            window.locker.screen.try_unlock()
            window.close()

            _connect_later(lang, Path(tmp), store, out, save)

            # The supervisor's screens: the same laptop as a supervisor's (no server: the numbers are local).
            store.write(lambda tx: tx.set_meta("user", json.dumps({"role": "supervisor", "protected_access": True})))
            boss = MainWindow(store, settings=settings)
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


def _dialogs(store: Any, window: Any, out: Path, save: Callable[[Any, str], None]) -> list[Path]:
    """Every other dialog of the desk, each as the program opens it (sized by its own code)."""
    from PySide6.QtWidgets import QDialog

    from fieldapp.ui.action_status import ActionRef, ActionStatusDialog
    from fieldapp.ui.attachments.panel import AttachDialog
    from fieldapp.ui.family.withdraw import WithdrawConsentDialog
    from fieldapp.ui.follow_up import FollowUpDialog, ReferralStatusDialog
    from fieldapp.ui.forms import open_form
    from fieldapp.ui.passphrase_dialog import PassphraseDialog
    from fieldapp.ui.supervisor.reassign_dialog import ReassignDialog
    from fieldapp.ui.supervisor.review_queue import ReturnDialog
    from fieldapp.ui.sync.issues import SyncIssuesDialog

    read = store.read()
    plan = read.execute("SELECT p.id, p.household_id, p.data FROM plans p JOIN households h ON h.id = p.household_id "
                        "WHERE json_extract(h.data, '$.status') = 'active' LIMIT 1").fetchone()
    hid = plan[1]
    family = store.get("households", hid)
    action = json.loads(plan[2])["actions"][0]
    referral = store.get("referrals", read.execute("SELECT id FROM referrals LIMIT 1").fetchone()[0])
    consent = store.get("consents", read.execute("SELECT id FROM consents LIMIT 1").fetchone()[0])

    def shot(dialog: QDialog, name: str) -> None:
        dialog.show()
        save(dialog, name)
        dialog.done(0)  # closed by the script: no question, no draft kept

    for n, form_id in enumerate(("home_visit", "needs_assessment", "case_plan", "referral", "case_closure",
                                 "consent", "safety_assessment", "service_event"), start=20):
        form = open_form(window, store, form_id, hid)
        form.timer.stop()  # no draft is written for a picture
        shot(form, f"{n}-form-{form_id}")
    shot(ActionStatusDialog(store, ActionRef(hid, plan[0], action["id"], action["text"]), "postponed", parent=window),
         "30-action-status")
    status = ActionStatusDialog(store, ActionRef(hid, plan[0], action["id"], action["text"]), parent=window)
    status.show()
    status.on.open_calendar()  # the date editor's calendar (F4), under its field
    save(status.on.menu, "30b-date-calendar")
    status.on.menu.hide()
    status.done(0)
    shot(FollowUpDialog(store, hid, family.get("family_name", ""), parent=window), "31-follow-up")
    shot(ReferralStatusDialog(store, referral, parent=window), "32-referral-status")
    shot(WithdrawConsentDialog(store, consent, parent=window), "33-withdraw-consent")
    shot(PassphraseDialog(store, window), "34-change-passphrase")
    back = ReturnDialog(2, window)
    back.comment.setPlainText("Додайте дату наступного візиту і підпис батька.")
    shot(back, "35-return-for-correction")
    shot(SyncIssuesDialog(store, window), "36-sync-issues")
    shot(AttachDialog("скан-акт-оцінки-підписаний.pdf", window), "37-attach-file")
    from fieldapp.ui.papers_menu import PaperButton

    window.open_family(hid)
    paper = window.findChild(PaperButton)
    if paper is not None:  # the family file's "Paper…" menu, opened
        paper.menu_.popup(paper.mapToGlobal(paper.rect().bottomLeft()))
        save(paper.menu_, "40-papers-menu")
        paper.menu_.hide()
    families = [(h["id"], h.get("family_name", "")) for h in list(store.records("households"))[:6]]
    shot(ReassignDialog(store, families, "u-anna", "Анна Коваль", window), "38-reassign-families")
    return []


def _connect_later(lang: str, tmp: Path, source: Any, out: Path, save: Callable[[Any, str], None]) -> None:
    """"Connect to a server…" on a standalone profile with two families of its own."""
    from fieldapp.store.database import Store, own_fields
    from fieldapp.ui.connect_dialog import ConnectDialog

    homes = [own_fields(h) for h in list(source.records("households"))[:2]]
    with Store.create(tmp / "standalone", PASSPHRASE) as alone:
        alone.write(lambda tx: [tx.create("households", h) for h in homes])
        dialog = ConnectDialog(alone)
        dialog.show()
        save(dialog, "39-connect-later")
        dialog.done(0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--lang", action="append", choices=("uk", "en"))
    parser.add_argument("--size", default="1366x768", help="the laptop's screen, WIDTHxHEIGHT")
    parser.add_argument("--taskbar", type=int, default=40, help="pixels of the screen's bottom a taskbar takes")
    parser.add_argument("--one", choices=("uk", "en"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        out = args.out / args.one
        out.mkdir(parents=True, exist_ok=True)
        for path in _render(args.one, out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        return 0
    width, _, height = args.size.partition("x")
    with tempfile.TemporaryDirectory(prefix="fieldapp-screen-") as tmp:
        platform = _screen_config(Path(tmp), int(width), int(height) - args.taskbar)
        env = {**os.environ, "QT_QPA_PLATFORM": platform}
        for lang in args.lang or ["uk", "en"]:
            done = subprocess.run([sys.executable, __file__, "--one", lang, "--out", str(args.out)], env=env)
            if done.returncode:
                return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
