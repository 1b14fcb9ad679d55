import os

# Qt aborts without a display unless told to render offscreen (platform.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Argon2id at its production cost makes every unlock ~0.3 s; tests use the
# cheap parameters (the store refuses these outside tests, see store/crypto.py).
os.environ.setdefault("FIELDAPP_TEST_FAST_KDF", "1")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

PASSPHRASE = "кава з молоком 2026"


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(profile_dir: Path):
    from fieldapp.store.database import Store

    s = Store.create(profile_dir, PASSPHRASE)
    yield s
    s.close()
