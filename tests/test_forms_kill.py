"""A program killed (SIGKILL) while a form is typed into offers the draft back, intact."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import factories
import pytest
from kit import FAST_KDF, PASSPHRASE

from fieldapp.store.database import Store
from fieldapp.ui.forms import pending_drafts, restore_draft

TYPIST = Path(__file__).parent / "helpers" / "form_typist.py"
TEXT = "Мати повідомила, що Марʼяна знову ходить до школи; дрова на зиму є. "


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_draft_typed_before_sigkill_comes_back(profile_dir, qtbot):
    with Store.create(profile_dir, PASSPHRASE, kdf=FAST_KDF) as store:
        household = store.write(lambda tx: tx.create("households", {
            "family_name": "Коваленко", "hromada": factories.HROMADA, "identified_on": "2026-03-02"}))
    proc = subprocess.Popen(
        [sys.executable, str(TYPIST), str(profile_dir), household["id"], TEXT],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        proc.stdin.write(PASSPHRASE + "\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "ready"
        # Wait for a draft saved after at least the whole text was typed.
        while True:
            line = proc.stdout.readline()
            assert line, "the typist ended before saving a draft"
            _, draft_id, typed = line.split()
            if int(typed) >= len(TEXT) + 3:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    with Store.open(profile_dir, PASSPHRASE) as store:
        (draft,) = pending_drafts(store)
        assert draft.kind == "home_visit" and draft.household_id == household["id"]
        notes = draft.data["answers"]["notes"]
        # At least what was typed up to the save we were told of; nothing garbled.
        assert notes.startswith(TEXT) and len(notes) >= int(typed)
        assert (TEXT * 3).startswith(notes)
        dialog = restore_draft(None, store, draft.id)
        dialog.confirm_discard = lambda: True  # closed at the end of the test: ask nobody
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.view.editor("notes").value() == notes
        assert dialog.findChild(type(dialog.status), "restoredNote").isVisible()
        dialog.timer.stop()
        dialog.close()
