import os

# Qt aborts without a display unless told to render offscreen (platform.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from kit import FAST_KDF, PASSPHRASE  # noqa: E402


@pytest.fixture
def profile_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(profile_dir: Path):
    from fieldapp.store.database import Store

    s = Store.create(profile_dir, PASSPHRASE, kdf=FAST_KDF)  # a cheap key: opening reads it from key.json
    yield s
    s.close()


@pytest.fixture
def live_server(tmp_path: Path):
    """The real sync server on 127.0.0.1 (SQLite), with two teams and their people (server_kit.make_world)."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent / "server"))
    from server_kit import LiveServer, make_world

    from sync.server.db import make_engine, migrate

    url = f"sqlite+pysqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    migrate(engine)
    engine.dispose()
    server = LiveServer(url).start()
    world = make_world(server)
    server.world = world
    yield server
    server.stop()



@pytest.fixture(autouse=True)
def _closed_widgets_deleted():
    """What a test closed is deleted when it ends, not whenever Python's collector meets it later.

    pytest-qt closes a test's widgets and asks Qt to delete them later; a window kept alive by a
    reference cycle was then collected in the middle of a later test's event, and a language
    change walking that window's children crashed the process (a segmentation fault in
    QApplicationPrivate::notify_helper). Here the deletions and the cycles are settled at once,
    between tests, where no event is being delivered."""
    yield
    import gc
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def _language_restored():
    """A test that switches the program's language (fieldapp/ui/language.py) leaves it as it found it."""
    import sys

    if "PySide6.QtCore" not in sys.modules:  # a test without Qt (the server's): nothing to restore
        yield
        return
    from PySide6.QtCore import QCoreApplication, QLocale

    app = QCoreApplication.instance()
    if app is None:
        yield
        return
    before = (app.property("fieldapp_lang"), list(getattr(app, "_fieldapp_translators", None) or []))
    locale = QLocale()
    yield
    now = list(getattr(app, "_fieldapp_translators", None) or [])
    if (app.property("fieldapp_lang"), now) == before:
        return
    for translator in now:
        QCoreApplication.removeTranslator(translator)
    for translator in before[1]:
        QCoreApplication.installTranslator(translator)
    app._fieldapp_translators = before[1]
    app.setProperty("fieldapp_lang", before[0])
    QLocale.setDefault(locale)
