"""The import pipeline and the store's content: downscaled, metadata stripped, refused with a sentence,
stored whole or not at all (a full disk included)."""

from __future__ import annotations

import hashlib
import io
import random
import struct

import pytest
from factories import household, person
from kit import FAST_KDF, PASSPHRASE
from loopfs import loop_fs
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage

from fieldapp.store import attachments as content
from fieldapp.store.database import Store
from fieldapp.store.errors import DiskFull
from fieldapp.ui.attachments.prepare import Refused, prepare

LIMIT = 25 * 1024 * 1024


def encoded(image: QImage, fmt: str) -> bytes:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buf, fmt)
    return bytes(buf.data().data())


def photo(w: int, h: int, seed: int = 1) -> QImage:
    rng = random.Random(seed)
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor(200, 120, 40))
    for _ in range(200):
        img.setPixelColor(rng.randrange(w), rng.randrange(h), QColor(rng.randrange(256), 0, 0))
    return img


GPS = b"GPSLatitude 50.4501 N GPSLongitude 30.5234 E Kyiv, vul. Khreshchatyk 1"


def with_exif(jpeg: bytes) -> bytes:
    """The JPEG with an APP1 Exif segment after its SOI, carrying a GPS text (as a phone writes one)."""
    payload = b"Exif\x00\x00" + b"MM\x00\x2a\x00\x00\x00\x08" + GPS
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def test_a_photo_is_downscaled_and_loses_its_exif_gps(qapp):
    raw = with_exif(encoded(photo(4000, 3000), "JPEG"))
    assert GPS in raw and QImage.fromData(raw).width() == 4000
    out = prepare(raw, max_bytes=LIMIT, max_side=2000)
    assert out.media_type == "image/jpeg" and (out.width, out.height) == (2000, 1500)
    assert GPS not in out.data and b"Exif" not in out.data and b"GPS" not in out.data
    assert out.sha256 == hashlib.sha256(out.data).hexdigest()
    assert QImage.fromData(out.data).size().width() == 2000


def test_a_png_keeps_its_kind_and_loses_its_text_chunks(qapp):
    img = photo(300, 200)
    img.setText("Location", "Kharkiv, shelter 4")
    raw = encoded(img, "PNG")
    assert b"shelter 4" in raw
    out = prepare(raw, max_bytes=LIMIT, max_side=2000)
    assert out.media_type == "image/png" and (out.width, out.height) == (300, 200)
    assert b"shelter 4" not in out.data


def test_a_pdf_is_kept_without_its_document_information(qapp):
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(595, 842)
    w.add_blank_page(595, 842)
    w.add_metadata({"/Author": "Olena Shapoval", "/Producer": "Scanner 3000"})
    buf = io.BytesIO()
    w.write(buf)
    out = prepare(buf.getvalue(), max_bytes=LIMIT, max_side=2000)
    assert out.media_type == "application/pdf" and out.pages == 2
    assert b"Olena" not in out.data and b"Scanner 3000" not in out.data


# Qt's decoders warn about the damage they meet: that is the input here, not a fault of the test.
@pytest.mark.qt_log_ignore(r".*(JPEG|jpeg|PNG|png|marker|image).*")
@pytest.mark.parametrize("raw, words", [
    (b"", "empty"),
    (b"PK\x03\x04 a zip file", "JPEG, PNG or PDF"),
    (b"\xff\xd8\xff\xe0" + b"\x00garbage" * 100, "damaged"),
    (b"\x89PNG\r\n\x1a\n" + b"\x13" * 500, "damaged"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> trash", "damaged"),
])
def test_bad_files_are_refused_with_a_sentence(qapp, raw, words):
    with pytest.raises(Refused) as refused:
        prepare(raw, max_bytes=LIMIT, max_side=2000)
    assert words in refused.value.message.render()


def test_a_file_over_the_limit_is_refused_before_it_is_read(qapp):
    with pytest.raises(Refused) as refused:
        prepare(b"\xff\xd8\xff" + b"\x00" * (2 * 1024 * 1024), max_bytes=1024 * 1024, max_side=2000)
    assert "1 MB" in refused.value.message.render()


def test_the_same_photo_twice_is_stored_once(store):
    h = store.write(lambda tx: tx.create("households", household()))
    data = b"\xff\xd8\xff" + random.Random(2).randbytes(3 * 1024 * 1024 + 5)
    for caption in ("one", "two"):
        store.write(lambda tx, c=caption: content.attach(
            tx, household_id=h["id"], record_collection="households", record_id=h["id"], data=data,
            media_type="image/jpeg", doc_type="other", caption=c))
    assert store.read().execute("SELECT count(*) FROM attachment_chunks").fetchone()[0] == 4
    assert content.content_bytes(store.read()) == len(data)
    assert len(list(store.records("attachments"))) == 2
    assert content.read_content(store.read(), hashlib.sha256(data).hexdigest()) == data


def test_an_attachment_of_a_record_of_another_family_or_none_is_refused(store):
    from casework.records import InvalidRecord
    h = store.write(lambda tx: tx.create("households", household()))
    with pytest.raises(InvalidRecord):
        store.write(lambda tx: content.attach(tx, household_id=h["id"], record_collection="conflicts",
                                              record_id=h["id"], data=b"x" * 10, media_type="image/jpeg",
                                              doc_type="other"))
    assert store.read().execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 0


@pytest.fixture
def small_disk(tmp_path):
    yield from loop_fs(tmp_path, 24)


def test_a_full_disk_during_import_leaves_nothing_half_stored(small_disk):
    store = Store.create(small_disk.mountpoint / "profile", PASSPHRASE, kdf=FAST_KDF)
    h = store.write(lambda tx: tx.create("households", household()))
    p = store.write(lambda tx: tx.create("persons", person(h["id"])))
    pending = store.pending_count()
    small_disk.fill_to(1 << 20)
    data = b"\xff\xd8\xff" + random.Random(4).randbytes(6 * 1024 * 1024)
    with pytest.raises(DiskFull) as full:
        store.write(lambda tx: content.attach(tx, household_id=h["id"], record_collection="persons",
                                              record_id=p["id"], data=data, media_type="image/jpeg",
                                              doc_type="other"))
    assert "disk is full" in full.value.message.render()
    small_disk.empty()
    db = store.read()
    assert db.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM attachment_chunks").fetchone()[0] == 0
    assert list(store.records("attachments")) == [] and store.pending_count() == pending
    store.write(lambda tx: content.attach(tx, household_id=h["id"], record_collection="persons",
                                          record_id=p["id"], data=data, media_type="image/jpeg",
                                          doc_type="other"))  # with room again, it is kept
    assert content.read_content(store.read(), hashlib.sha256(data).hexdigest()) == data
    store.close()
