"""The safety act's section II (the child's parents and other legal representatives, ACT_DOC_1000_R1):
printed from the family's members through the real store, layout and PDF renderer, read back with pypdf."""

from __future__ import annotations

from papers_kit import TODAY, flat, pdf_pages_text, record_from_form

from casework.papers import Table, lay_out, template_for
from fieldapp.papers import documents
from tests import factories

HEADING = "II. Дані про батьків дитини, інших законних представників"
ABSENT = "Дані про батьків або інших законних представників відсутні"


def _family(store, *people):
    def make(tx):
        hh = tx.create("households", factories.household(family_name="Шаповал", address="вул. Садова, 7"))
        return hh, [tx.create("persons", factories.person(hh["id"], **p)) for p in people]
    return store.write(make)


MOTHER = {"role": "mother", "surname": "Шаповал", "given_name": "Оксана", "patronymic": "Петрівна",
          "birth_date": "1988-04-02", "phone": "+380501234567", "study_work": "Магазин «Колос», продавчиня",
          "registered_address": "м. Ізюм, вул. Миру, 12", "actual_address": "с. Андріївка, вул. Садова, 7"}
FATHER = {"role": "father", "surname": "Шаповал", "given_name": "Андрій", "patronymic": "Іванович",
          "birth_date": "1985-11-23", "sex": "male"}
GRANDMOTHER = {"role": "grandparent", "surname": "Бондар", "given_name": "Галина", "birth_date": "1960-01-09"}
CHILD = {"role": "child", "surname": "Шаповал", "given_name": "Марія", "birth_date": "2016-02-14"}


def _pdf_text(store, tmp_path, job) -> str:
    out = tmp_path / "act.pdf"
    documents.save_pdf(store, job, out)
    return flat(" ".join(pdf_pages_text(out.read_bytes()))).replace("\u00a0", " ")


def test_the_parents_print_in_section_two_between_the_child_and_the_state(qapp, store, tmp_path):
    household, persons = _family(store, MOTHER, FATHER, GRANDMOTHER, CHILD)
    collection, record = record_from_form(store, "safety_assessment", household, persons)
    text = _pdf_text(store, tmp_path, documents.record_job(store, collection, record["id"]))
    assert text.index("I. Дитина") < text.index(HEADING) < text.index("III. Стан дитини")
    part = text[text.index(HEADING):text.index("III. Стан дитини")]
    for shown in ("Шаповал Оксана Петрівна", "Шаповал Андрій Іванович", "02.04.1988", "23.11.1985", "+380501234567",
                  "Магазин «Колос», продавчиня", "м. Ізюм, вул. Миру, 12", "с. Андріївка, вул. Садова, 7",
                  "Місце роботи", "Фактичне місце проживання", "Дані про осіб, які фактично здійснюють догляд"):
        assert shown in part, shown
    assert "Бондар" not in part  # a grandmother is in the family table, not among the legal representatives
    assert f"☐ {ABSENT}" in part


def test_the_parents_table_has_a_column_per_parent_in_the_order_of_the_act(store):
    household, persons = _family(store, FATHER, CHILD, MOTHER)
    template = template_for("safety_assessments")
    assert template is not None
    paper = lay_out(template, {"assessed_on": "2026-10-05"}, household, persons, today=TODAY)
    tables = [b for b in paper.blocks if isinstance(b, Table) and b.header and b.header[0] == ""]
    assert len(tables) == 1
    assert tables[0].header == ("", "Мати", "Батько")
    assert tables[0].rows[0] == ("Прізвище, імʼя, по батькові", "Шаповал Оксана Петрівна", "Шаповал Андрій Іванович")
    assert tables[0].rows[3] == ("Телефон", "+380501234567", "")


def test_a_family_with_no_parent_ticks_no_data_and_a_blank_act_leaves_the_acts_four_columns(qapp, store, tmp_path):
    household, persons = _family(store, GRANDMOTHER, CHILD)
    collection, record = record_from_form(store, "safety_assessment", household, persons)
    text = _pdf_text(store, tmp_path, documents.record_job(store, collection, record["id"]))
    assert f"☒ {ABSENT}" in text
    blank = _pdf_text(store, tmp_path, documents.blank_job(store, "safety_assessment"))
    part = blank[blank.index(HEADING):blank.index("III. Стан дитини")]
    assert "Мати Представник матері Батько Представник батька" in part
    assert f"☐ {ABSENT}" in part
