"""Render the desk's changed screens offscreen, in Ukrainian and English, at 1366x768 and 1280x720 less a
40-px taskbar: the first-run and unlock screens with the language choice, settings, a new needs
assessment prefilled from the card, an approved visit laid out for reading, the visit's confirmation.

    python scripts/screenshots_desk.py [OUT]      # default /tmp/fieldapp-desk-shots

The language is switched in the running process with fieldapp.ui.language.apply (as the program does).
Made-up family only. Look at every picture.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from screenshots_forms import make_family  # noqa: E402

from casework.ids import new_id  # noqa: E402
from fieldapp.provisioning import Provisioning  # noqa: E402
from fieldapp.settings import Settings  # noqa: E402
from fieldapp.store.crypto import KdfCost  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.ui import language, screen  # noqa: E402
from fieldapp.ui.app import create_application  # noqa: E402

TASKBAR = 40
SCREENS = {"1366": (1366, 768 - TASKBAR), "1280": (1280, 720 - TASKBAR)}
PASSPHRASE = "липовий цвіт у червні 2026"


def locked_settings(tmp: Path, lang: str) -> Settings:
    """IT's fieldapp.toml locking the language, read the way the program reads it."""
    from fieldapp.provisioning import Locations, load_provisioning

    system = tmp / f"etc-{lang}"
    system.mkdir(exist_ok=True)
    (system / "fieldapp.toml").write_text(f'language = "{lang}"\nlocked = ["language"]\n', encoding="utf-8")
    return Settings(tmp / f"config-{lang}", load_provisioning(Locations(system=system, beside_executable=None)))


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/fieldapp-desk-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = create_application([sys.argv[0]], "uk")
    from fieldapp.ui.forms import open_form
    from fieldapp.ui.profile_dialog import ProfileDialog
    from fieldapp.ui.settings_dialog import SettingsDialog

    def shoot(widget: QWidget, name: str, size: tuple[int, int], want: tuple[int, int]) -> None:
        area = QRect(0, 0, *size)
        widget.show()
        for _ in range(3):
            app.processEvents()
        hint = widget.sizeHint()
        screen.fit(widget, max(want[0], hint.width()), max(want[1], hint.height()), area=area)
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path), "PNG")
        print(path, widget.width(), "x", widget.height())

    with tempfile.TemporaryDirectory(prefix="fieldapp-desk-shots-") as tmp:
        store = Store.create(Path(tmp) / "profile", PASSPHRASE, kdf=KdfCost(time_cost=1, memory_kib=8192, parallelism=1))
        hid = make_family(store)
        store.write(lambda tx: tx.update("households", hid, {"received_on": "2026-11-27", "identified_how": "application"}))
        children = [p for p in store.records("persons", household_id=hid) if p.get("role") == "child"]
        store.write(lambda tx: tx.update("persons", children[-1]["id"], {"disability": True}))
        vid = new_id()
        store.write(lambda tx: tx.apply_remote({
            "id": vid, "collection": "visits", "version": 2, "deleted": False, "household_id": hid,
            "updated_by": "supervisor-sofia", "updated_at": "2026-10-02T10:00:00+00:00",
            "started_at": "2026-10-01T09:30:00+03:00", "type": "monitoring", "place": "home", "duration_min": 50,
            "safety_concern": False, "notes": "Сімʼя отримала дрова на зиму; Марʼяна ходить до школи.",
            "attest.worker": True, "next_visit_on": "2026-11-05", "form_id": "home_visit", "form_version": 1,
            "review_status": "approved"}))
        others = new_id()  # a colleague's visit, not approved: it opens for reading (the authorship rule)
        store.write(lambda tx: tx.apply_remote({
            "id": others, "collection": "visits", "version": 1, "deleted": False, "household_id": hid,
            "updated_by": "colleague-boris", "created_by": "colleague-boris", "updated_at": "2026-10-03T10:00:00+00:00",
            "started_at": "2026-10-03T11:00:00+03:00", "type": "monitoring", "place": "home", "duration_min": 30,
            "safety_concern": False, "notes": "Спільний візит: мама шукає роботу.", "form_id": "home_visit",
            "form_version": 1, "review_status": "draft"}))
        settings = Settings(Path(tmp) / "config", Provisioning())
        for lang in ("uk", "en"):
            language.apply(lang)
            for tag, size in SCREENS.items():
                unlock = ProfileDialog(Path(tmp) / "profile", create=False, settings=settings)
                shoot(unlock, f"{lang}-{tag}-unlock", size, (560, 260))
                unlock.close()
                first = ProfileDialog(Path(tmp) / "new", create=True, settings=settings)
                shoot(first, f"{lang}-{tag}-first-run", size, (560, 420))
                first.pages.setCurrentIndex(first.PAGE_ENROL)  # the one enrolment form
                shoot(first, f"{lang}-{tag}-first-run-enrol", size, (560, 420))
                first.pages.setCurrentIndex(first.PAGE_CREATE)
                first.create_title.setText(first._create_heading())
                shoot(first, f"{lang}-{tag}-first-run-passphrase", size, (560, 420))
                first.close()
                from fieldapp.ui.connect_dialog import ConnectDialog
                from fieldapp.ui.lock import LockScreen

                lock = LockScreen(store, None, idle=False, settings=settings)
                shoot(lock, f"{lang}-{tag}-lock-screen", size, (440, 0))
                lock._unlocking = True  # noqa: SLF001 - a picture: let it close
                lock.done(0)
                connect = ConnectDialog(store)
                shoot(connect, f"{lang}-{tag}-connect", size, (640, 0))
                connect.close()
                colleague = open_form(None, store, "home_visit", hid, others)
                shoot(colleague, f"{lang}-{tag}-visit-someone-elses", size, (1180, 820))
                colleague.done(0)
                dialog = SettingsDialog(settings)
                shoot(dialog, f"{lang}-{tag}-settings", size, (480, 200))
                dialog.close()
                locked = ProfileDialog(Path(tmp) / "profile", create=False, settings=locked_settings(Path(tmp), lang))
                shoot(locked, f"{lang}-{tag}-unlock-language-locked", size, (560, 260))
                locked.close()
                from fieldapp.ui.household_dialog import HouseholdDialog, PersonDialog

                person = PersonDialog(children[-1])
                shoot(person, f"{lang}-{tag}-member", size, (0, 0))  # a line kept under the birth date
                person.close()
                family = HouseholdDialog(store, hid)
                shoot(family, f"{lang}-{tag}-family", size, (760, 720))
                family.close()
                assessment = open_form(None, store, "needs_assessment", hid)
                assessment.timer.stop()
                shoot(assessment, f"{lang}-{tag}-assessment-prefilled", size, (1180, 820))
                assessment.view.show_page(2)  # the younger child, with a recorded disability
                shoot(assessment, f"{lang}-{tag}-assessment-child", size, (1180, 820))
                assessment.confirm_discard = lambda: True
                assessment.done(0)
                visit = open_form(None, store, "home_visit", hid, vid)
                shoot(visit, f"{lang}-{tag}-visit-read-only", size, (1180, 820))
                visit.view.show_page(len(visit.view.pages) - 1)
                shoot(visit, f"{lang}-{tag}-visit-read-only-last", size, (1180, 820))
                visit.done(0)
                new_visit = open_form(None, store, "home_visit", hid)
                new_visit.timer.stop()
                new_visit.view.show_page(len(new_visit.view.pages) - 1)
                new_visit.save(submit=True)  # the messages, in the space kept for them
                shoot(new_visit, f"{lang}-{tag}-visit-messages", size, (1180, 820))
                new_visit.view.show_page(len(new_visit.view.pages) - 1)
                shoot(new_visit, f"{lang}-{tag}-visit-confirmation", size, (1180, 820))
                new_visit.confirm_discard = lambda: True
                new_visit.done(0)
        store.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
