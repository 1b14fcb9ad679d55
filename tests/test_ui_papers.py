"""The paper button through real widgets: Save as PDF… of a family's whole file and of a blank visit
form from the family file, Ctrl+P in a saved record's window to a real Qt printer (printing to a PDF
file, as the print dialog's "Print to file" does), and a protected record refused with a sentence."""

from __future__ import annotations

import json

from papers_kit import family, flat, pdf_pages_text, record_from_form
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from casework import forms
from fieldapp.store.prints import print_log
from fieldapp.ui.family_file import FamilyFile
from fieldapp.ui.forms.dialog import FormDialog
from fieldapp.ui.papers_menu import PaperButton


def pdf_printer(path):
    def choose(parent):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        return printer
    return choose


def test_family_file_saves_its_paper_file_and_a_blank_visit_form(qtbot, store, tmp_path):
    household, persons = family(store)
    record_from_form(store, "consent", household, persons)
    record_from_form(store, "home_visit", household, persons)
    view = FamilyFile(store, household["id"])
    qtbot.addWidget(view)
    button = view.findChild(PaperButton)
    chosen = []
    button.choose_file = lambda parent, suggested: chosen.append(suggested) or tmp_path / f"{len(chosen)}.pdf"
    told = []
    button.done.connect(told.append)
    with qtbot.waitSignal(button.finished, timeout=20000):
        button.action("pdf:family").trigger()
    with qtbot.waitSignal(button.finished, timeout=20000):
        button.action("pdf:blank").trigger()
    assert household["case_number"].replace("/", "-") in chosen[0] and household["family_name"] not in chosen[0]
    whole = [flat(t) for t in pdf_pages_text((tmp_path / "1.pdf").read_bytes())]
    assert "ЗГОДА на обробку персональних даних" in whole[0]
    assert any("АКТ обстеження умов проживання" in t for t in whole)
    blank = flat(" ".join(pdf_pages_text((tmp_path / "2.pdf").read_bytes())))
    assert "Бланк для заповнення від руки" in blank and household["family_name"] in blank
    assert len(told) == 2
    assert [e.what for e in print_log(store.read())] == ["blank:home_visit", "family_file"]


def test_ctrl_p_in_a_saved_visit_prints_it(qtbot, store, tmp_path):
    household, persons = family(store)
    _, visit = record_from_form(store, "home_visit", household, persons)
    dialog = FormDialog(forms.load_form("home_visit"), store, household["id"], visit)
    qtbot.addWidget(dialog)
    button = dialog.findChild(PaperButton)
    out = tmp_path / "printed.pdf"
    button.choose_printer = pdf_printer(out)
    offers = []
    button.offer_scan = lambda message: offers.append(message) and False
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(button.finished, timeout=20000):
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(offers) == 1, "a printed act offers to attach its signed scan"
    text = flat(" ".join(pdf_pages_text(out.read_bytes())))
    assert "АКТ обстеження умов проживання" in text and "Сторінка 1 з" in text
    [entry] = print_log(store.read())
    assert (entry.what, entry.target, entry.record_id) == ("home_visit", "printer", visit["id"])
    dialog.reject()


def test_protected_record_is_refused_in_a_sentence(qtbot, store, tmp_path):
    household, persons = family(store)
    _, protected = record_from_form(store, "protected", household, persons)
    store.write(lambda tx: tx.set_meta("user", json.dumps({"username": "anna", "protected_access": False})))
    dialog = FormDialog(forms.load_form("protected"), store, household["id"], protected)
    qtbot.addWidget(dialog)
    button = dialog.findChild(PaperButton)
    refusals = []
    button.refused = refusals.append
    button.choose_file = lambda parent, suggested: tmp_path / "never.pdf"
    with qtbot.waitSignal(button.finished, timeout=20000):
        button.action("pdf:record").trigger()
    assert refusals and "protected access" in refusals[0]
    assert not (tmp_path / "never.pdf").exists()
    assert print_log(store.read()) == []
    dialog.reject()


def test_ctrl_p_prints_the_family_file_on_screen_when_two_are_open(qtbot, store, tmp_path):
    from PySide6.QtWidgets import QTabWidget

    first, first_people = family(store)
    second, second_people = family(store, family_name="Коваленко")
    record_from_form(store, "home_visit", first, first_people)
    record_from_form(store, "home_visit", second, second_people)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    asked = []
    buttons = []
    for hh in (first, second):
        view = FamilyFile(store, hh["id"])
        button = view.findChild(PaperButton)
        buttons.append(button)
        button.choose_printer = lambda parent, name=hh["family_name"]: asked.append(name) or pdf_printer(
            tmp_path / f"{name}.pdf")(parent)
        tabs.addTab(view, hh["family_name"])
    tabs.resize(1280, 720)
    tabs.show()
    qtbot.waitExposed(tabs)
    tabs.setCurrentIndex(1)
    tabs.activateWindow()
    qtbot.waitUntil(tabs.isActiveWindow)
    with qtbot.waitSignal(buttons[1].finished, timeout=20000):
        qtbot.keyClick(tabs.currentWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["Коваленко"]
    assert "Коваленко" in flat(pdf_pages_text((tmp_path / "Коваленко.pdf").read_bytes())[0])


def _scan(path):
    """A real photographed page: a JPEG the import reads, turns upright and re-encodes."""
    from PySide6.QtGui import QColor, QImage

    image = QImage(600, 840, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(path), "JPEG")
    return path


def _answer_attach_dialog(qtbot, seen):
    """Answer the real "Attach a file" dialog when it opens (it runs its own event loop), after noting
    the document type and caption it offers."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.attachments.panel import AttachDialog

    def answer():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, AttachDialog) and w.isVisible()), None)
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append((dialog.kind.currentData(), dialog.caption.text()))
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_after_saving_an_act_its_signed_scan_attaches_to_the_record(qtbot, store, tmp_path):
    from fieldapp.store import attachments

    household, persons = family(store)
    _, visit = record_from_form(store, "home_visit", household, persons)
    dialog = FormDialog(forms.load_form("home_visit"), store, household["id"], visit)
    qtbot.addWidget(dialog)
    button = dialog.findChild(PaperButton)
    button.choose_file = lambda parent, suggested: tmp_path / "act.pdf"
    button.offer_scan = lambda message: True  # "Attach the signed scan now?" — yes
    scan = _scan(tmp_path / "signed.jpg")
    seen = []
    button.pick_scans = lambda strip: (_answer_attach_dialog(qtbot, seen), strip.attach_path(scan))
    with qtbot.waitSignal(button.finished, timeout=20000):
        button.action("pdf:record").trigger()
    assert button.scan_dialog is not None and button.scan_dialog.isVisible()
    [(kind, caption)] = seen
    assert kind == "signed_act"
    # the act's title as a caption reads ("Акт", not "АКТ") and its date, no one's name
    assert "Акт обстеження умов проживання" in caption and "05.10.2026" in caption
    assert household["family_name"] not in caption
    [attached] = attachments.of_record(store.read(), "visits", visit["id"])
    assert (attached["doc_type"], attached["caption"], attached["media_type"]) == ("signed_act", caption, "image/jpeg")
    assert button.scan_dialog.strip.list.count() == 1
    button.scan_dialog.reject()
    dialog.reject()


def test_the_paper_menu_attaches_a_signed_scan_to_a_safety_assessment(qtbot, store, tmp_path):
    from fieldapp.store import attachments

    household, persons = family(store)
    collection, assessment = record_from_form(store, "safety_assessment", household, persons)
    dialog = FormDialog(forms.load_form("safety_assessment"), store, household["id"], assessment)
    qtbot.addWidget(dialog)
    button = dialog.findChild(PaperButton)
    seen = []
    button.pick_scans = lambda strip: (_answer_attach_dialog(qtbot, seen), strip.attach_path(_scan(tmp_path / "s.jpg")))
    button.action("attach:signed").trigger()
    assert [k for k, _ in seen] == ["signed_act"]
    assert "Акт проведення оцінки рівня безпеки дитини" in seen[0][1]
    [attached] = attachments.of_record(store.read(), collection, assessment["id"])
    assert attached["doc_type"] == "signed_act"
    button.scan_dialog.reject()
    dialog.reject()


def test_a_long_family_file_renders_in_the_background_and_the_window_keeps_answering(qtbot, store, tmp_path):
    """The family's whole file is laid out and painted off the GUI thread: a timer on the GUI thread
    fires while it renders, and the PDF holds every act."""
    from PySide6.QtCore import QTimer

    household, persons = family(store)
    note = "Сімʼя потребує супроводу; дитина відвідує школу. " * 40
    for _ in range(8):
        record_from_form(store, "home_visit", household, persons, notes=note)
        record_from_form(store, "needs_assessment", household, persons)
    view = FamilyFile(store, household["id"])
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    button = view.findChild(PaperButton)
    button.choose_file = lambda parent, suggested: tmp_path / "file.pdf"
    ticks = {"during": 0, "rendering": False}
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.__setitem__("during", ticks["during"] + ticks["rendering"]))
    timer.start()
    button.finished.connect(lambda: ticks.__setitem__("rendering", False))
    ticks["rendering"] = True
    with qtbot.waitSignal(button.finished, timeout=120000):
        button.action("pdf:family").trigger()
    timer.stop()
    assert ticks["during"] > 0, "the GUI thread ran its timer while the file rendered"
    texts = [flat(t) for t in pdf_pages_text((tmp_path / "file.pdf").read_bytes())]
    firsts = [t for t in texts if "Сторінка 1 з" in t]
    assert len(firsts) == 16
    assert sum("АКТ обстеження умов проживання" in t for t in firsts) == 8
    assert [e.what for e in print_log(store.read())] == ["family_file"]
