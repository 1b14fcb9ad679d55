"""The headless commands speak the language asked for (--lang), else the system's (LANG), run literally."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", autouse=True)
def compiled():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "translations.py"), "compile"],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def _run(args: list[str], lang: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "fieldapp", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=120)


def test_lang_uk_and_a_ukrainian_system_get_ukrainian_sentences_and_the_same_exit_codes(tmp_path):
    nowhere = tmp_path / "nowhere"
    asked = _run(["--lang", "uk", "sync", "--profile", str(nowhere)], "C.UTF-8", stdin="x\n")
    assert (asked.returncode, asked.stderr.strip()) == (1, f"fieldapp sync: У теці {nowhere} немає профілю FieldApp.")
    system = _run(["init", "--profile", str(tmp_path / "p")], "uk_UA.UTF-8", stdin="кава з молоком 2026\nінша\n")
    assert system.returncode == 2
    assert system.stderr.strip().startswith("fieldapp init: ") and "Traceback" not in system.stderr
    assert "passphrase" not in system.stderr.lower() and "парольн" in system.stderr  # Ukrainian, not English
    created = _run(["init", "--profile", str(tmp_path / "p")], "uk_UA.UTF-8",
                   stdin="кава з молоком 2026\nкава з молоком 2026\n")
    assert created.returncode == 0 and created.stdout.strip().endswith(str(tmp_path / "p") + ".")
    assert "profile" not in created.stdout.lower()


def test_lang_en_wins_over_a_ukrainian_system_and_english_is_the_default(tmp_path):
    nowhere = tmp_path / "nowhere"
    asked = _run(["--lang", "en", "sync", "--profile", str(nowhere)], "uk_UA.UTF-8", stdin="x\n")
    assert (asked.returncode, asked.stderr.strip()) == (1, f"fieldapp sync: There is no FieldApp profile in {nowhere}.")
    default = _run(["sync", "--profile", str(nowhere)], "C.UTF-8", stdin="x\n")
    assert default.stderr == asked.stderr
