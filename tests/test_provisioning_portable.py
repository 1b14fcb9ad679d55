"""Portable mode (a USB stick): the profile beside the executable, encrypted like any profile."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from kit import FAST_KDF
from platformdirs import user_data_path

from fieldapp.paths import (
    PORTABLE_DATA,
    PORTABLE_MARKER,
    PROVISIONING_FILE,
    default_profile_dir,
    executable_dir,
    portable_data_dir,
)
from fieldapp.store.database import DB_FILE, Store


@pytest.fixture
def stick(tmp_path: Path, monkeypatch) -> Path:
    """A USB stick with the one-folder build on it (only the folder matters here)."""
    monkeypatch.delenv("FIELDAPP_PROFILE", raising=False)
    folder = tmp_path / "USB" / "FieldApp"
    folder.mkdir(parents=True)
    return folder


def users_profile() -> Path:
    return user_data_path("FieldApp", appauthor=False) / "profile"


def test_without_a_marker_the_profile_is_the_users(stick):
    assert portable_data_dir(stick) is None
    assert default_profile_dir(stick) == users_profile()


def test_portable_txt_beside_the_executable(stick):
    (stick / PORTABLE_MARKER).write_text("FieldApp keeps its data on this stick.\n", encoding="utf-8")
    assert portable_data_dir(stick) == stick / PORTABLE_DATA
    assert default_profile_dir(stick) == stick / "FieldApp-data" / "profile"


@pytest.mark.parametrize("text, portable", [
    ("portable = true\n", True),
    ("portable = false\n", False),
    ('portable = "true"\n', False),  # not a boolean: provisioning reports it; not portable
    ("portable = tru\n", False),  # not TOML: provisioning reports it; nothing crashes
    ('organisation = "Фонд"\n', False),
])
def test_the_flag_in_the_file_beside_the_executable(stick, text, portable):
    (stick / PROVISIONING_FILE).write_text(text, encoding="utf-8")
    assert (portable_data_dir(stick) is not None) is portable


def test_the_environment_wins_over_portable_mode(stick, monkeypatch, tmp_path):
    (stick / PORTABLE_MARKER).touch()
    monkeypatch.setenv("FIELDAPP_PROFILE", str(tmp_path / "elsewhere"))
    assert default_profile_dir(stick) == tmp_path / "elsewhere"


def test_a_checkout_is_never_portable(monkeypatch):
    """Not frozen: no executable's folder, whatever lies in the repository or the venv."""
    monkeypatch.delenv("FIELDAPP_PROFILE", raising=False)
    assert executable_dir() is None
    assert portable_data_dir() is None
    assert default_profile_dir() == users_profile()


def test_the_frozen_program_on_a_stick(stick, monkeypatch):
    (stick / PORTABLE_MARKER).touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(stick / ("fieldapp.exe" if os.name == "nt" else "fieldapp")))
    assert executable_dir() == stick.resolve()
    assert default_profile_dir() == stick.resolve() / PORTABLE_DATA / "profile"


def test_a_portable_profile_is_encrypted_and_owner_only(stick):
    (stick / PORTABLE_MARKER).touch()
    folder = default_profile_dir(stick)
    with Store.create(folder, "a passphrase on a stick", kdf=FAST_KDF) as store:
        store.write(lambda tx: tx.set_meta("note", "Прізвище Іваненко"))
    raw = (folder / DB_FILE).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "Іваненко".encode() not in raw
    if os.name == "posix":
        assert folder.stat().st_mode & 0o777 == 0o700
    with Store.open(folder, "a passphrase on a stick") as store:
        assert store.meta("note") == "Прізвище Іваненко"
