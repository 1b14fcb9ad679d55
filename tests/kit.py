"""Helpers shared by the tests (importable as `kit`; most fixtures live in conftest.py, the
two-laptop set-up of the widget flows here: `from kit import english, two_laptops`)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent / "server"))  # server_kit: the live server's helpers

from fieldapp.store.crypto import KdfCost  # noqa: E402

PASSPHRASE = "кава з молоком 2026"

# What decides the language of a command's sentences (fieldapp.headless.speak, Qt's QLocale, gettext).
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def cli_env(base: dict[str, str] | None = None, **extra: str) -> dict[str, str]:
    """The environment for a command run as a subprocess whose words a test reads: `base` (the
    test's own environment by default) without the system's language, so the sentences are the
    English the test expects on a developer's machine with LANG=uk_UA.UTF-8 too; `extra` on top
    (a test of the Ukrainian sets LANG there, or passes --lang)."""
    import os

    env = {k: v for k, v in (os.environ if base is None else base).items() if k not in LANGUAGE_VARIABLES}
    env["LANG"] = "C.UTF-8"  # English, and still UTF-8 for Ukrainian names (LC_ALL unset: extra's LANG decides)
    env.update(extra)
    return env


# Argon2id at its production cost makes every new profile ~0.3 s; tests make theirs cheaply
# (Store.create's `kdf`; opening reads the cost from key.json).
FAST_KDF = KdfCost(time_cost=1, memory_kib=8 * 1024, parallelism=1)


def enrolled_laptop(tmp_path: Path, name: str, base: str, user: str):
    """A new encrypted profile enrolled with the server as `user` (server_kit's password)."""
    from server_kit import PASSWORD

    from fieldapp.store.database import Store
    from fieldapp.sync.device import enrol

    store = Store.create(tmp_path / name, PASSPHRASE, kdf=FAST_KDF)
    enrol(store, base, user, PASSWORD)
    return store


def quick_transport(url: str, token: str | None):
    """An HTTP transport that does not wait between retries (tests)."""
    from sync.client import HttpTransport

    return HttpTransport(url, token, retries=2, sleep=lambda s: None)


def no_retry_transport(url: str, token: str | None):
    """An HTTP transport that fails at once (tests of what a failure looks like)."""
    from sync.client import HttpTransport

    return HttpTransport(url, token, retries=0)


def demo_profile(folder: Path, families: int, *, seed: int, today):
    """A demo profile of `families`, with the caseload's indexes made (fill once per module, copy per test)."""
    from fieldapp import demo
    from fieldapp.store import queries
    from fieldapp.store.database import Store

    with Store.create(folder, PASSPHRASE, kdf=FAST_KDF) as s:
        demo.fill(s, families, seed=seed, today=today)
        queries.prepare(s)
    return folder


def copy_opened(profile: Path, folder: Path):
    """A test's own copy of a module's profile, opened: each test changes only its copy."""
    import shutil

    from fieldapp.store.database import Store

    shutil.copytree(profile, folder)
    return Store.open(folder, PASSPHRASE)


# -- two laptops on the live server: a caseworker's and her supervisor's, driven through the widgets
# (tests/test_case_cycle_ui.py and tests/test_safety_flow.py share this set-up).


@dataclass
class TwoLaptops:
    """Anna's laptop (caseworker, team North) and Sofia's (her supervisor), enrolled with the live server."""

    anna: Any
    sofia: Any


@pytest.fixture
def two_laptops(live_server, tmp_path) -> TwoLaptops:
    return TwoLaptops(enrolled_laptop(tmp_path, "anna", live_server.base, "anna"),
                      enrolled_laptop(tmp_path, "sofia", live_server.base, "sofia"))


@pytest.fixture
def english(qapp):
    """The forms in English for this test; as they were afterwards (other tests share the QApplication)."""
    before = qapp.property("fieldapp_lang")
    qapp.setProperty("fieldapp_lang", "en")
    yield
    qapp.setProperty("fieldapp_lang", before)


def sync(store):
    """One sync round over HTTP; no change may be rejected."""
    from fieldapp.sync.device import sync_once

    report = sync_once(store, transport=quick_transport)
    assert report.rejected == 0, store.outbox(state="rejected")
    return report


def click(qtbot, widget) -> None:
    from PySide6.QtCore import Qt

    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def answer(dialog, key: str, value) -> None:
    """As a person answers: the editor changes, then says so (the view keeps the answer)."""
    editor = dialog.view.editor(key)
    editor.set_value(value)
    editor.edited.emit()


def newest_dialog(qtbot, page, seen: list, kind: type | None = None):
    """The dialog of `kind` (a form by default) the family file has just opened (it is its parent)."""
    from fieldapp.ui.forms import FormDialog

    kind = kind or FormDialog

    def found():
        return [d for d in page.findChildren(kind) if d.isVisible() and d not in seen]
    qtbot.waitUntil(lambda: bool(found()))
    dialog = found()[-1]
    seen.append(dialog)
    if isinstance(dialog, FormDialog):
        dialog.timer.stop()
        dialog.confirm_discard = lambda: True
    return dialog


def submit(qtbot, dialog, outcome: str = "submitted") -> dict:
    click(qtbot, dialog.submit_button)
    assert dialog.outcome == outcome, dialog.status_text()
    return dialog.record


def family_page(qtbot, store, household_id: str, *, forms: tuple[str, ...] = ("home_visit",)):
    """The family file at 1366x740, its "record a visit" (and, with "needs_assessment" in `forms`,
    "start an assessment") opening the real forms as the main window does."""
    from fieldapp.ui.family_file import FamilyFile
    from fieldapp.ui.forms import open_form

    page = FamilyFile(store, household_id)
    qtbot.addWidget(page)
    if "home_visit" in forms:
        page.record_visit.connect(lambda h: page.open_case_form(open_form(page, store, "home_visit", h)))
    if "needs_assessment" in forms:
        page.start_assessment.connect(lambda h: page.open_case_form(open_form(page, store, "needs_assessment", h)))
    page.resize(1366, 740)
    page.show()
    return page
