"""The attachments strip in the family file: attach by the file dialog's path and by drag and drop,
thumbnails, the viewer, refusals in a sentence, and removal (refused under an approved record)."""

from __future__ import annotations

import io

import pytest
from factories import household, visit
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from casework.ids import new_id
from fieldapp.store import attachments as content
from fieldapp.ui.attachments.panel import AttachmentStrip
from fieldapp.ui.family_file import FamilyFile


def png(path, w=640, h=480):
    img = QImage(w, h, QImage.Format.Format_RGB32)
    img.fill(QColor("#3366aa"))
    assert img.save(str(path), "PNG")
    return path


@pytest.fixture
def family(store):
    return store.write(lambda tx: tx.create("households", household()))


@pytest.fixture
def messages(monkeypatch):
    """What QMessageBox would have said (a dialog we do not own would block the test)."""
    said: list[str] = []
    for name in ("warning", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda parent, title, body, *a, **k: said.append(body)))
    return said


def test_the_family_file_has_an_attachments_tab_that_attaches_and_shows(qtbot, store, family, tmp_path, messages):
    page = FamilyFile(store, family["id"])
    qtbot.addWidget(page)
    tabs = [page.sections.tabText(i) for i in range(page.sections.count())]
    assert "Attachments" in tabs
    strip = page.attachments
    strip.ask = lambda name: ("idp_certificate", "Довідка ВПО матері")
    assert strip.attach_path(png(tmp_path / "scan.png"))
    assert strip.list.count() == 1 and strip.list.item(0).text() == "Довідка ВПО матері"
    assert not strip.list.item(0).icon().isNull()
    [record] = store.records("attachments")
    assert record["doc_type"] == "idp_certificate" and record["media_type"] == "image/png"
    viewer = strip.open_item(strip.list.item(0))
    qtbot.addWidget(viewer)
    shown = [w for w in viewer.findChildren(QLabel) if w.pixmap() is not None and not w.pixmap().isNull()]
    assert shown and messages == []


def test_a_dropped_file_is_attached(qtbot, store, family, tmp_path, messages):
    strip = AttachmentStrip(store, family["id"], "households", family["id"])
    qtbot.addWidget(strip)
    strip.ask = lambda name: ("housing_photo", "")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png(tmp_path / "roof.png")))])
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, event)
    assert strip.list.count() == 1 and messages == []


def test_bad_files_are_refused_in_a_sentence_and_nothing_is_kept(qtbot, store, family, tmp_path, messages):
    strip = AttachmentStrip(store, family["id"], "households", family["id"])
    qtbot.addWidget(strip)
    strip.ask = lambda name: ("other", "")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not a photo")
    assert not strip.attach_path(tmp_path / "notes.docx")
    strip.max_bytes = 1024
    assert not strip.attach_path(png(tmp_path / "big.png", 800, 800))
    assert not strip.attach_path(tmp_path / "gone.jpg")
    assert "JPEG, PNG or PDF" in messages[0] and "larger than" in messages[1] and "cannot be read" in messages[2]
    assert list(store.records("attachments")) == [] and content.content_bytes(store.read()) == 0


def test_a_pdf_opens_page_by_page(qtbot, store, family, tmp_path, messages):
    from pypdf import PdfWriter
    w = PdfWriter()
    w.add_blank_page(595, 842)
    w.add_blank_page(595, 842)
    buf = io.BytesIO()
    w.write(buf)
    (tmp_path / "act.pdf").write_bytes(buf.getvalue())
    strip = AttachmentStrip(store, family["id"], "households", family["id"])
    qtbot.addWidget(strip)
    strip.ask = lambda name: ("signed_act", "Акт")
    assert strip.attach_path(tmp_path / "act.pdf")
    viewer = strip.open_item(strip.list.item(0))
    qtbot.addWidget(viewer)
    assert viewer.page_label.text() == "Page 1 of 2"
    viewer.next.click()
    assert viewer.page_label.text() == "Page 2 of 2" and not viewer.shown().isNull()


def test_an_approved_visits_attachment_cannot_be_removed(qtbot, store, family, tmp_path, messages):
    # The visit as the server sent it (no change of this laptop's on top), submitted.
    v = {**visit(family["id"], review_status="submitted"), "collection": "visits", "id": new_id(), "version": 1}
    store.write(lambda tx: tx.apply_remote(v))
    strip = AttachmentStrip(store, family["id"], "visits", v["id"])
    qtbot.addWidget(strip)
    strip.ask = lambda name: ("signed_act", "")
    strip.confirm = lambda name: True
    assert strip.attach_path(png(tmp_path / "act.png"))
    # The supervisor's approval, as a pull brings it.
    store.write(lambda tx: tx.apply_remote({**v, "review_status": "approved", "version": 2}))
    strip.list.setCurrentRow(0)
    strip.remove_selected()
    assert "locked" in messages[-1] and strip.list.count() == 1
    assert not store.get("attachments", strip.list.item(0).data(Qt.ItemDataRole.UserRole + 1)["id"])["deleted"]


def test_a_saved_visits_form_opens_its_own_attachments(qtbot, store, family, tmp_path, messages):
    from fieldapp.ui.forms import open_form

    v = store.write(lambda tx: tx.create("visits", visit(family["id"])))
    dialog = open_form(None, store, "home_visit", family["id"], v["id"])
    qtbot.addWidget(dialog)
    button = dialog.attachments_button
    assert not button.isHidden() and button.text() == "Attachments (0)…"
    opened = button.open_attachments()
    opened.strip.ask = lambda name: ("signed_act", "Акт відвідування")
    assert opened.strip.attach_path(png(tmp_path / "act.png"))
    opened.reject()
    assert button.text() == "Attachments (1)…"
    [a] = store.records("attachments")
    assert (a["record_collection"], a["record_id"]) == ("visits", v["id"])
    new = open_form(None, store, "home_visit", family["id"])
    qtbot.addWidget(new)
    assert new.attachments_button.isHidden()  # a record not saved yet has nothing to attach to


def test_open_import_attaches_a_scan_to_a_record_with_the_type_given(qtbot, store, family, tmp_path, messages):
    from fieldapp.ui.attachments.record import open_import

    v = store.write(lambda tx: tx.create("visits", visit(family["id"])))
    assert open_import(None, store, family["id"], "visits", v["id"], doc_type="signed_act",
                       caption="Підписаний акт", path=png(tmp_path / "scan.png"))
    [a] = store.records("attachments")
    assert (a["record_collection"], a["record_id"], a["doc_type"], a["caption"]) == \
        ("visits", v["id"], "signed_act", "Підписаний акт")
    assert not open_import(None, store, family["id"], "visits", v["id"], doc_type="signed_act",
                           path=tmp_path / "notes.txt")  # not there: said in a sentence, nothing kept
    assert "cannot be read" in messages[-1] and len(list(store.records("attachments"))) == 1
