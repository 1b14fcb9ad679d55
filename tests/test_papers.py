"""Papers for signature: every document type from a real record in a real encrypted store, written as a
PDF by Qt and read back with pypdf (headings, names, answers in the form's wording, signature lines,
page numbers, no ids); a long note across pages; blank forms; the family's whole file; the print log."""

from __future__ import annotations

import os
import re
import stat

import pytest
from papers_kit import (
    TODAY,
    family,
    flat,
    pdf_pages_text,
    record_from_form,
    shown,
    visible_pages_text,
)

from casework import forms
from casework.papers import Signatures, templates, word
from fieldapp.papers import documents, render
from fieldapp.store.prints import print_log

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PAGE = re.compile(r"Сторінка\s+(\d+)\s+з\s+(\d+)")
FORMS = [t.form for t in templates() if t.collection != "protected"]


def body_text(pages: list[str], footer: str) -> str:
    """The pages' text joined, without the footer lines (so a text split by a page break reads whole)."""
    cleaned = []
    for text in pages:
        text = flat(PAGE.sub(" ", text))
        cleaned.append(text.replace(footer, " "))
    return flat(" ".join(cleaned))


def expected_answers(record: dict, form_id: str, persons: list[dict]) -> list[tuple[str, list[str]]]:
    definition = forms.form_for_record(record, form_id)
    members = forms.members_of(persons, TODAY)
    people = {m.id: m.name for m in members}
    relevant = forms.relevant_keys(definition, members, record)
    out = []
    for f in forms.fields(definition, members):
        value = record.get(f.key)
        if f.key in relevant and not forms.is_empty(value):
            out.append((f.item.text("label", "uk"), shown(f.item, value, people)))
    return out


@pytest.mark.parametrize("form_id", FORMS)
def test_each_document_prints_from_a_real_record_and_reads_back(qapp, store, tmp_path, form_id):
    household, persons = family(store)
    collection, record = record_from_form(store, form_id, household, persons)
    job = documents.record_job(store, collection, record["id"])
    out = tmp_path / f"{form_id}.pdf"
    pages = documents.save_pdf(store, job, out)

    texts = pdf_pages_text(out.read_bytes())
    assert len(texts) == pages >= 1
    assert [PAGE.search(t).groups() for t in texts] == [(str(n), str(pages)) for n in range(1, pages + 1)]
    paper = job.papers[0]
    template = next(t for t in templates() if t.id == paper.template_id)
    text = body_text(texts, flat(paper.footer))
    for line in (*template.header_lines("uk"), template.text("title", "uk"), template.text("subtitle", "uk")):
        assert flat(line) in text
    assert household["family_name"] in text and household["case_number"] in text
    for p in persons:
        assert f"{p['surname']} {p['given_name']} {p['patronymic']}" in text
    for label, values in expected_answers(record, form_id, persons):
        assert flat(label) in text, label
        for v in values:
            assert flat(v) in text, (label, v)
    # every signature line: each role the template names, each adult by name, the sign and name hints
    roles = {"specialist": "specialist", "workers": "worker", "adults": "adult", "giver": "adult", "head": "head",
             "commission": "commission_head"}
    for role in template.signatures:
        if role in roles:
            assert flat(word(roles[role], "uk")) in text, role
    assert text.count(word("sign", "uk")) >= len(template.signatures)
    if "adults" in template.signatures:
        for p in persons[:2]:
            assert text.count(f"{p['surname']} {p['given_name']} {p['patronymic']}") >= 2  # members table and signature
    assert not UUID.search(text), "no internal ids on paper"
    # the signature lines stay together on the page of their heading, none cut by a page break
    visible = [flat(t) for t in visible_pages_text(out.read_bytes(), render.MARGINS_MM.top(), render.MARGINS_MM.bottom())]
    last = max(i for i, t in enumerate(visible) if word("signatures", "uk") in t)
    signatures = paper.blocks[-1]
    assert isinstance(signatures, Signatures)
    assert visible[last].count(word("sign", "uk")) == len(signatures.rows)


def test_a_note_of_2000_characters_wraps_across_pages_whole(qapp, store, tmp_path):
    household, persons = family(store)
    words = [f"слово{n:03d}" for n in range(250)]
    note = " ".join(words)[:2000]
    kept = re.findall(r"слово\d{3}", note)
    longtexts = [f.key for f in forms.fields(forms.load_form("home_visit"), forms.members_of(persons, TODAY))
                 if f.item.type == "longtext" and "." not in f.key]
    assert "notes" in longtexts
    _, record = record_from_form(store, "home_visit", household, persons,
                                 **{k: note.replace("слово", f"{k[:3]}") for k in longtexts if k != "notes"},
                                 notes=note)
    job = documents.record_job(store, "visits", record["id"])
    out = tmp_path / "visit.pdf"
    documents.save_pdf(store, job, out)
    texts = visible_pages_text(out.read_bytes(), render.MARGINS_MM.top(), render.MARGINS_MM.bottom())
    on_pages = [re.findall(r"слово\d{3}", t) for t in texts]
    assert sum(on_pages, []) == kept, "every word of the note once, in order: none cut or repeated at a page break"
    assert len([words for words in on_pages if words]) >= 2, "the note runs on over a page break"


def test_blank_visit_form_keeps_every_question_with_boxes_to_tick(qapp, store, tmp_path):
    household, persons = family(store)
    job = documents.blank_job(store, "home_visit", household["id"])
    out = tmp_path / "blank.pdf"
    documents.save_pdf(store, job, out)
    text = flat(" ".join(pdf_pages_text(out.read_bytes())))
    definition = forms.load_form("home_visit")
    for f in forms.fields(definition, forms.members_of(persons, TODAY)):
        assert flat(f.item.text("label", "uk")) in text
    visit_types = next(f.item for f in forms.fields(definition, []) if f.key == "type")
    for c in visit_types.choices:
        assert f"☐ {c.labels['uk']}" in text.replace("\u00a0", " ")
    assert household["family_name"] in text
    assert "Бланк для заповнення від руки" in text


def test_blank_form_without_a_family(qapp, store, tmp_path):
    job = documents.blank_job(store, "home_visit")
    out = tmp_path / "blank.pdf"
    assert documents.save_pdf(store, job, out) >= 1
    assert "АКТ обстеження умов проживання" in flat(pdf_pages_text(out.read_bytes())[0])


def test_family_file_is_every_act_in_order_each_numbered_on_its_own(qapp, store, tmp_path):
    household, persons = family(store)
    made = [record_from_form(store, form_id, household, persons) for form_id in
            ("consent", "home_visit", "needs_assessment", "case_plan", "referral")]
    record_from_form(store, "case_closure", household, persons)
    job = documents.family_job(store, household["id"])
    assert len(job.papers) == len(made) + 1
    dates = [p.date for p in job.papers]
    assert dates == sorted(dates)
    out = tmp_path / "file.pdf"
    pages = documents.save_pdf(store, job, out)
    texts = pdf_pages_text(out.read_bytes())
    assert len(texts) == pages
    firsts = [i for i, t in enumerate(texts) if PAGE.search(t).group(1) == "1"]
    assert len(firsts) == len(job.papers), "each act starts at its own page 1"
    titles = [flat(texts[i]) for i in firsts]
    for title_page, paper in zip(titles, job.papers, strict=True):
        assert flat(paper.title) in title_page


def test_pdf_is_owner_only_and_nothing_is_left_in_the_temp_folder(qapp, store, tmp_path, monkeypatch):
    household, persons = family(store)
    _, record = record_from_form(store, "home_visit", household, persons)
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))  # Qt's and Python's temp folder: must stay empty
    out = tmp_path / "chosen" / "visit.pdf"
    out.parent.mkdir()
    out.write_bytes(b"old")
    os.chmod(out, 0o644)  # a file that was there keeps no wider mode
    documents.save_pdf(store, documents.record_job(store, "visits", record["id"]), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF")
    assert list(spool.iterdir()) == []
    assert sorted(p.name for p in out.parent.iterdir()) == ["visit.pdf"]


def test_every_print_is_logged_without_content(qapp, store, tmp_path):
    household, persons = family(store)
    _, record = record_from_form(store, "home_visit", household, persons)
    documents.save_pdf(store, documents.record_job(store, "visits", record["id"]), tmp_path / "a.pdf")
    documents.save_pdf(store, documents.family_job(store, household["id"]), tmp_path / "b.pdf")
    documents.save_pdf(store, documents.blank_job(store, "home_visit"), tmp_path / "c.pdf")
    log = print_log(store.read())
    assert [e.what for e in log] == ["blank:home_visit", "family_file", "home_visit"]
    assert [e.target for e in log] == ["pdf"] * 3
    assert log[2].record_id == record["id"] and log[2].collection == "visits" and log[2].pages >= 1
    assert log[1].household_id == household["id"]
    assert all(e.printed_at for e in log)
    raw = " ".join(str(v) for v in store.read().execute("SELECT * FROM print_log").fetchall())
    assert household["family_name"] not in raw and "a.pdf" not in raw


def test_a_record_with_no_paper_is_refused_with_a_sentence(qapp, store):
    household, _ = family(store)
    with pytest.raises(documents.PrintRefused) as refused:
        documents.record_job(store, "households", household["id"])  # no closure report yet
    assert "paper form" in refused.value.message


def test_printing_through_the_spooler_hands_the_pdf_over_on_stdin(qapp, store, tmp_path, monkeypatch):
    """CUPS cannot run here: a stand-in `lp` keeps what it was given. The PDF reaches it whole on its
    standard input, the queue's title names no family, nothing is written to the temporary folder."""
    household, persons = family(store)
    _, record = record_from_form(store, "home_visit", household, persons)
    got = tmp_path / "got"
    lp = tmp_path / "lp"
    lp.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{got}.args"\ncat > "{got}.pdf"\n')
    lp.chmod(0o700)
    spool = tmp_path / "tmp"
    spool.mkdir()
    monkeypatch.setenv("TMPDIR", str(spool))
    job = documents.record_job(store, "visits", record["id"])
    pages = documents.send_to_spooler(store, job, "office", 2, command=(str(lp),))
    assert (tmp_path / "got.args").read_text().split() == ["-d", "office", "-n", "2", "-t", "FieldApp"]
    assert len(pdf_pages_text((tmp_path / "got.pdf").read_bytes())) == pages
    assert list(spool.iterdir()) == []
    assert [(e.what, e.target) for e in print_log(store.read())] == [("home_visit", "printer")]
    failing = tmp_path / "lp-fails"
    failing.write_text("#!/bin/sh\ncat > /dev/null\nexit 1\n")
    failing.chmod(0o700)
    with pytest.raises(documents.PrintRefused):
        documents.send_to_spooler(store, job, "office", command=(str(failing),))
    assert len(print_log(store.read())) == 1


@pytest.mark.parametrize("template_id", [t.id for t in templates() if t.collection != "protected"])
def test_every_blank_form_keeps_its_questions_and_signature_lines(qapp, store, tmp_path, template_id):
    job = documents.blank_job(store, template_id)
    out = tmp_path / "blank.pdf"
    documents.save_pdf(store, job, out)
    text = flat(" ".join(flat(t) for t in pdf_pages_text(out.read_bytes())))
    template = next(t for t in templates() if t.id == template_id)
    assert flat(template.text("title", "uk")) in text
    for f in forms.fields(forms.load_form(template.form), []):
        assert flat(f.item.text("label", "uk")) in text, f.key
    assert text.count(word("sign", "uk")) >= len(template.signatures)


@pytest.mark.parametrize("template_id", [t.id for t in templates()
                                         if t.collection != "protected"
                                         and any(s.repeat_for for s in forms.load_form(t.form).sections)])
def test_a_blank_form_for_no_family_prints_each_section_asked_per_child_or_adult_once(qapp, store, tmp_path,
                                                                                   template_id):
    # A blank act for no family used to leave out its sections for each child and each adult
    # (the needs assessment printed section 1, then 4): there was no child to repeat them for.
    job = documents.blank_job(store, template_id)
    out = tmp_path / "blank.pdf"
    documents.save_pdf(store, job, out)
    text = flat(" ".join(flat(t) for t in pdf_pages_text(out.read_bytes())))
    definition = forms.load_form(next(t for t in templates() if t.id == template_id).form)
    for section in (s for s in definition.sections if s.repeat_for):
        assert flat(section.title["uk"]) in text
        kind = "children" if section.repeat_for == "children" else "adults"
        assert flat(word(f"blank_repeat_{kind}", "uk")) in text
        for item in (i for i in section.items if i.type != "group" and i.has_value):
            assert flat(item.text("label", "uk")) in text, item.key
        for group in (i for i in section.items if i.type == "group"):
            assert flat(group.text("label", "uk")) in text
            for sub in (i for i in group.items if i.has_value):
                assert flat(sub.text("label", "uk")) in text, (section.id, sub.key)


def test_a_blank_protected_form_needs_protected_access(qapp, store):
    with pytest.raises(documents.PrintRefused):
        documents.blank_job(store, "protected")


def test_a_record_prints_the_list_of_its_attachments_never_their_content(qapp, store, tmp_path):
    """Issue 16 item 6: caption, document type, date, pages or size of each attachment of the record."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    from casework.dates import format_date
    from casework.papers import Paper as PaperType
    from fieldapp.store import attachments
    from fieldapp.ui.attachments.prepare import prepare

    household, persons = family(store)
    _, visit = record_from_form(store, "home_visit", household, persons)
    _, other = record_from_form(store, "home_visit", household, persons)
    image = QImage(800, 600, QImage.Format.Format_RGB32)
    image.fill(QColor("#8899aa"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    photo = prepare(bytes(data.data()), max_bytes=20 * 2**20, max_side=2000)
    signed: PaperType = documents.record_job(store, "visits", other["id"]).papers[0]
    scan = prepare(render.pdf_bytes([signed, signed]), max_bytes=20 * 2**20, max_side=2000)
    assert scan.pages and scan.pages >= 2

    def attach(tx, collection, record_id, prepared, doc_type, caption):
        return attachments.attach(tx, household_id=household["id"], record_collection=collection, record_id=record_id,
                                  data=prepared.data, media_type=prepared.media_type, doc_type=doc_type,
                                  caption=caption, width=prepared.width, height=prepared.height, pages=prepared.pages)

    kept = store.write(lambda tx: [attach(tx, "visits", visit["id"], photo, "housing_photo", "Кухня й дитяча кімната"),
                                   attach(tx, "visits", visit["id"], scan, "signed_act", "Підписаний акт візиту"),
                                   attach(tx, "visits", other["id"], photo, "housing_photo", "Інший візит: фото")])
    out = tmp_path / "visit.pdf"
    documents.save_pdf(store, documents.record_job(store, "visits", visit["id"]), out)
    text = flat(" ".join(pdf_pages_text(out.read_bytes())))
    assert "Додатки (у справі в електронному вигляді)" in text
    for heading in ("Назва", "Вид документа", "Дата додавання", "Обсяг"):
        assert heading in text
    assert "Кухня й дитяча кімната" in text and "Фото житлових умов" in text
    assert "Підписаний акт візиту" in text and "Підписаний акт" in text and f"{scan.pages} арк." in text
    assert "зображення" in text and "КБ" in text
    assert format_date(kept[0]["updated_at"], "uk") in text
    assert "Інший візит" not in text, "only the record's own attachments"
    assert kept[0]["sha256"] not in text and not UUID.search(text)

    whole = tmp_path / "file.pdf"
    documents.save_pdf(store, documents.family_job(store, household["id"]), whole)
    pages = [flat(t) for t in pdf_pages_text(whole.read_bytes())]
    assert sum("Кухня й дитяча кімната" in t for t in pages) == 1 and sum("Інший візит: фото" in t for t in pages) == 1

    blank = tmp_path / "blank.pdf"
    documents.save_pdf(store, documents.blank_job(store, "home_visit", household["id"]), blank)
    assert "Додатки" not in flat(" ".join(pdf_pages_text(blank.read_bytes())))
