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
    button.action("pdf:family").trigger()
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
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(out.exists)
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
    for hh in (first, second):
        view = FamilyFile(store, hh["id"])
        button = view.findChild(PaperButton)
        button.choose_printer = lambda parent, name=hh["family_name"]: asked.append(name) or pdf_printer(
            tmp_path / f"{name}.pdf")(parent)
        tabs.addTab(view, hh["family_name"])
    tabs.resize(1280, 720)
    tabs.show()
    qtbot.waitExposed(tabs)
    tabs.setCurrentIndex(1)
    tabs.activateWindow()
    qtbot.waitUntil(tabs.isActiveWindow)
    qtbot.keyClick(tabs.currentWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: asked == ["Коваленко"])
    assert "Коваленко" in flat(pdf_pages_text((tmp_path / "Коваленко.pdf").read_bytes())[0])
