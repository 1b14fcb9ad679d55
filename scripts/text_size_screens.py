"""Render the main screens and the connect, passphrase and settings dialogs at larger text sizes.

    python scripts/text_size_screens.py --out DIR [--lang uk --lang en] [--percent 130 --percent 150]

Each screen is laid out in the space a 1366×768 or a 1280×720 laptop leaves with a 40-pixel taskbar
(and a window frame); a screen whose smallest layout does not fit is named on standard output
("DOES NOT FIT"), so that what a caseworker would find cut off is never only in a picture. Made-up
families (fieldapp.demo), never real people. Each language runs in its own process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSPHRASE = "липовий цвіт у червні 2026"
SCREENS = ((1366, 768 - 40), (1280, 720 - 40))  # less the taskbar
FRAME = (16, 48)  # fieldapp/ui/screen.py's allowance for the window's frame
HROMADA = "UA59080270000073662"


def _render(lang: str, out: Path, percents: list[int]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QMainWindow, QWidget

    from fieldapp import demo
    from fieldapp.provisioning import Provisioning
    from fieldapp.settings import Settings
    from fieldapp.store import queries
    from fieldapp.store.crypto import KdfCost
    from fieldapp.store.database import Store
    from fieldapp.ui import background, text_size
    from fieldapp.ui.app import create_application
    from fieldapp.ui.connect_dialog import ConnectDialog
    from fieldapp.ui.main_window import MainWindow
    from fieldapp.ui.passphrase_dialog import PassphraseDialog

    app = create_application([sys.argv[0]], lang)
    background.set_synchronous(True)
    cheap = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    misfits = 0

    def settle() -> None:
        for _ in range(8):
            app.processEvents()

    def save(widget: QWidget, name: str, percent: int, screen: tuple[int, int], want: tuple[int, int]) -> None:
        nonlocal misfits
        room = (screen[0] - FRAME[0], screen[1] - FRAME[1])
        if not isinstance(widget, QMainWindow):  # a dialog opens at least as large as its layout asks
            hint = widget.sizeHint()
            want = (max(want[0], hint.width()), max(want[1], hint.height()))
        widget.resize(min(want[0], room[0]), min(want[1], room[1]))
        widget.show()
        settle()
        smallest = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        got = widget.size()
        fits = got.width() <= room[0] and got.height() <= room[1] and smallest.height() <= room[1]
        label = f"{lang}-{percent}-{screen[0]}x{screen[1] + 40}-{name}"
        if not fits:
            misfits += 1
            print(f"DOES NOT FIT {label}: {got.width()}x{got.height()} (smallest "
                  f"{smallest.width()}x{smallest.height()}) in {room[0]}x{room[1]}", flush=True)
        widget.grab().save(str(out / f"{label}.png"), "PNG")

    with tempfile.TemporaryDirectory(prefix="fieldapp-size-shots-") as tmp:
        store = Store.create(Path(tmp) / "demo", PASSPHRASE, kdf=cheap)
        demo.fill(store, 24, seed=5, today=dt.date.today())
        queries.prepare(store)
        alone = Store.create(Path(tmp) / "alone", PASSPHRASE, kdf=cheap)
        for name in ("Шаповал", "Коваленко", "Мельник"):
            alone.write(lambda tx, n=name: tx.create("households", {
                "family_name": n, "hromada": HROMADA, "identified_on": dt.date.today().isoformat()}))
        settings = Settings(Path(tmp) / "config", Provisioning())
        hid = next(h["id"] for h in store.records("households") if h.get("status") == "active")
        for percent in percents:
            for screen in SCREENS:
                text_size.apply(percent)  # again: Cancel in the settings dialog below takes a size back
                window = MainWindow(store, settings=settings)
                save(window, "1-caseload", percent, screen, screen)
                window.tabs.setCurrentIndex(1)
                save(window, "2-today", percent, screen, screen)
                window.open_family(hid)
                save(window, "3-family-file", percent, screen, screen)
                dialog = window.new_household()
                save(dialog, "4-new-family", percent, screen, (760, 760))
                dialog.done(0)
                settings_dialog = window.show_settings()
                assert settings_dialog is not None
                save(settings_dialog, "5-settings", percent, screen, (560, 0))
                settings_dialog.done(0)
                text_size.apply(percent)  # Cancel took the size back
                passphrase = PassphraseDialog(store, window)
                save(passphrase, "6-passphrase", percent, screen, (600, 420))
                passphrase.done(0)
                window.close()
                standalone = MainWindow(alone, settings=settings)
                save(standalone, "7-standalone-caseload", percent, screen, screen)
                connect = ConnectDialog(alone, standalone)
                connect.send.setChecked(True)
                save(connect, "8-connect", percent, screen, (connect.width(), connect.height()))
                connect.done(0)
                standalone.close()
        text_size.apply(100)
        store.close()
        alone.close()
    return misfits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", action="append", choices=("uk", "en"))
    parser.add_argument("--percent", action="append", type=int)
    parser.add_argument("--one", choices=("uk", "en"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    percents = args.percent or [130, 150]
    if args.one:
        return 1 if _render(args.one, args.out, percents) else 0
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    failed = 0
    for lang in args.lang or ["uk", "en"]:
        extra = [a for p in percents for a in ("--percent", str(p))]
        failed |= subprocess.run([sys.executable, __file__, "--one", lang, "--out", str(args.out), *extra],
                                 env=env).returncode
    return failed


if __name__ == "__main__":
    sys.exit(main())
