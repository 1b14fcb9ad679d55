"""A disk that fills during an attachment's download (a real small ext4 on a loop device): the round
ends with the records synced and a clear sentence, nothing of the file can be opened, the chunks that
came stay checked, and the download continues from them once there is room, ahead of time or on open."""

from __future__ import annotations

import hashlib
import random
import sys
from functools import partial
from pathlib import Path

import pytest
from factories import household, person
from kit import FAST_KDF, PASSPHRASE, quick_transport
from loopfs import loop_fs
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).parent / "server"))
from server_kit import PASSWORD  # noqa: E402

from fieldapp.store import attachments as content  # noqa: E402
from fieldapp.store.attachments import DownloadNoSpace  # noqa: E402
from fieldapp.store.database import Store  # noqa: E402
from fieldapp.sync.attachments import fetch_now  # noqa: E402
from fieldapp.sync.device import enrol, sync_once  # noqa: E402

SIZE = 6 * 1024 * 1024 + 123  # seven chunks


@pytest.fixture
def small_disk(tmp_path):
    yield from loop_fs(tmp_path / "disk", 24)


def noise_png(side: int) -> bytes:
    """A real PNG that does not compress (random pixels): a few MB the viewer can show."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage

    pixels = random.Random(side).randbytes(side * side * 3)
    image = QImage(pixels, side, side, side * 3, QImage.Format.Format_RGB888)
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(out, "PNG")
    return bytes(out.data().data())


def uploaded(live_server, tmp_path, data: bytes | None = None, media_type: str = "image/jpeg") -> tuple[str, bytes]:
    anna = Store.create(tmp_path / "anna", PASSPHRASE, kdf=FAST_KDF)
    enrol(anna, live_server.base, "anna", PASSWORD)
    h = anna.write(lambda tx: tx.create("households", household()))
    p = anna.write(lambda tx: tx.create("persons", person(h["id"])))
    data = data or b"\xff\xd8\xff" + random.Random(16).randbytes(SIZE - 3)
    anna.write(lambda tx: content.attach(tx, household_id=h["id"], record_collection="persons", record_id=p["id"],
                                         data=data, media_type=media_type, doc_type="other"))
    sync_once(anna, transport=quick_transport)
    anna.close()
    return hashlib.sha256(data).hexdigest(), data


def chunks_here(store: Store, sha: str) -> int:
    return store.read().execute("SELECT count(*) FROM attachment_chunks WHERE sha256 = ?", [sha]).fetchone()[0]


def test_a_full_disk_during_a_download_tells_and_resumes_when_there_is_room(live_server, tmp_path, small_disk):
    sha, data = uploaded(live_server, tmp_path)
    laptop = Store.create(small_disk.mountpoint / "profile", PASSPHRASE, kdf=FAST_KDF)
    enrol(laptop, live_server.base, "anna", PASSWORD)
    small_disk.fill_to(3 << 20)  # room for the records and a chunk or two, not for the file
    report = sync_once(laptop, transport=quick_transport, attachment_budget=100 << 20)
    assert report.content.no_room and report.pulled >= 3  # the records came; the round did not fail
    assert len(list(laptop.records("attachments"))) == 1
    assert not content.has_content(laptop.read(), sha) and content.read_content(laptop.read(), sha) is None
    assert list(content.iter_content(laptop.read(), sha)) == []  # nothing of it can be read
    got = chunks_here(laptop, sha)
    assert got < 7 and content.blob(laptop.read(), sha).state == content.PARTIAL
    sentence = DownloadNoSpace().message.render()
    assert "disk is full" in sentence and "continues where it stopped" in sentence
    # Opening the file on the same full disk says the same, and still nothing half-stored opens.
    with pytest.raises(DownloadNoSpace):
        fetch_now(laptop, sha, SIZE, "image/jpeg")
    assert content.read_content(laptop.read(), sha) is None
    before = chunks_here(laptop, sha)
    assert got <= before < 7
    small_disk.empty()
    again = sync_once(laptop, transport=quick_transport, attachment_budget=100 << 20)
    assert not again.content.no_room and again.content.downloaded == 1
    assert again.content.chunks_received == 7 - before  # only what was missing came
    assert content.read_content(laptop.read(), sha) == data
    laptop.close()


def test_opening_a_file_on_a_full_disk_says_so(qtbot, live_server, tmp_path, small_disk, monkeypatch):
    from fieldapp.ui.attachments.panel import AttachmentStrip

    said: list[str] = []
    # What QMessageBox would have said (a modal dialog would block the test).
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, body, *a, **k: said.append(body)))
    sha, data = uploaded(live_server, tmp_path, noise_png(1100), "image/png")
    assert len(data) > 3 << 20
    laptop = Store.create(small_disk.mountpoint / "profile", PASSPHRASE, kdf=FAST_KDF)
    enrol(laptop, live_server.base, "anna", PASSWORD)
    sync_once(laptop, transport=quick_transport, attachment_budget=0)  # the records only
    [a] = laptop.records("attachments")
    strip = AttachmentStrip(laptop, a["household_id"], "persons", a["record_id"])
    qtbot.addWidget(strip)
    strip.configure(None, partial(fetch_now, laptop))
    small_disk.fill_to(2 << 20)
    strip.open_item(strip.list.item(0))
    qtbot.waitUntil(lambda: bool(said), timeout=60_000)
    assert "disk is full" in said[0] and strip.viewer is None
    small_disk.empty()
    strip.open_item(strip.list.item(0))
    qtbot.waitUntil(lambda: strip.viewer is not None, timeout=60_000)
    assert content.read_content(laptop.read(), sha) == data
    strip.viewer.close()
    laptop.close()
