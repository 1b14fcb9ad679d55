"""One rule per value: the form engine and the record schemas give the same verdict and sentence,
and dates are read one way (casework.dates)."""

from __future__ import annotations

import datetime as dt

import pytest

from casework import dates, forms, records, values
from casework.enums import enumeration
from casework.i18n import Message

TODAY = dt.date(2026, 10, 6)
EMPTIES = (None, "", "   ", [], {})
UUID = "0190a000-0000-7000-8000-000000000001"


def battery(spec: records.FieldSpec) -> list[object]:
    """Good and bad values for a field of this kind, and empty ones of every sort."""
    common = [*EMPTIES, 7, True, "нісенітниця", ["x"], {"a": 1}, 3.5]
    by_kind: dict[values.Kind, list[object]] = {
        values.Kind.DATE: ["2026-10-01", "2031-02-30", "31.02.2027", "1.10.2026", "2026-10-07",
                           "1899-12-31", "2201-01-01", "2026-1-1", "2026-10-01T10:00:00+03:00"],
        values.Kind.DATETIME: ["2026-10-05T10:30:00+03:00", "2026-10-05T10:30:00", "05.10.2026 10:3",
                               "31.02.2026 10:30", "1850-01-01T10:00:00+00:00", "2026-10-05"],
        values.Kind.INT: [0, 1, 45, 1440, 1441, -1, "45"],
        values.Kind.TEXT: ["Агенція", "два\nрядки", "x" * 301, " пробіли "],
        values.Kind.LONGTEXT: ["Рядок\nще рядок", "x" * 20001],
        values.Kind.BOOL: [False, "так", 0],
        values.Kind.REF: [UUID, "not-an-id"],
        values.Kind.REFS: [[UUID], [UUID, "x"], UUID],
        values.Kind.ITEMS: [[{"text": "Крок", "due": "2026-10-20"}], [{"text": ""}], [{"text": "Крок", "due": "31.02.2026"}],
                            [{"code": "nope"}], "рядки", [1, 2]],
    }
    extra = list(by_kind.get(spec.kind, []))
    if spec.kind in (values.Kind.ENUM, values.Kind.ENUMS) and spec.enum:
        codes = list(enumeration(spec.enum).codes)
        extra += [codes[0], "not_a_code", [codes[0]], [codes[0], codes[0]], [codes[0], "not_a_code"]]
    return common + extra


def mapped_questions():
    """Every question of a built-in form whose key is a record field."""
    for form_id in forms.available_forms():
        form = forms.load_form(form_id)
        for f in forms.fields(form, ()):
            spec = records.field_spec(form.record_collection, f.key)
            if spec is not None:
                yield pytest.param(form, f, spec, id=f"{form_id}.{f.key}")


def _record_says(collection: str, key: str, value: object) -> str | None:
    problems = [p for p in records.validate(collection, {key: value}, TODAY) if p.field == key]
    return str(problems[0].message) if problems else None


def _form_says(form: forms.FormDefinition, f: forms.Field, value: object) -> str | None:
    if f.key not in forms.relevant_keys(form, (), {f.key: value}):
        # Shown only after another answer: the engine's check of this one question.
        if values.is_empty(value):
            return str(Message.of(forms.REQUIRED)) if f.item.required else None
        message = forms.check_value(f.item, value, (), TODAY)
        return None if message is None else str(message)
    problems = [p for p in forms.validate_answers(form, {f.key: value}, (), submit=True, today=TODAY)
                if p.field == f.key]
    return str(problems[0].message) if problems else None


@pytest.mark.parametrize(("form", "field", "spec"), list(mapped_questions()))
def test_form_and_record_agree_on_every_value(form, field, spec):
    for value in battery(spec):
        record_says = _record_says(form.record_collection, field.key, value)
        form_says = _form_says(form, field, value)
        if record_says is not None:
            assert form_says == record_says, (field.key, value)
        elif values.is_empty(value):
            # What the form adds: a question it requires although the record does not.
            assert form_says == (str(values.check(values.Rule(kind=spec.kind, required=True), value))
                                 if field.item.required else None), (field.key, value)
        else:
            # The form may only narrow the record's rule, with its own rule's sentence.
            own = field.item.rules[-1]
            assert form_says == (str(m) if (m := values.check(own, value, TODAY)) else None), (field.key, value)


def test_the_form_refuses_what_the_store_refuses():
    form = forms.load_form("referral")
    answers = {"referred_on": (TODAY + dt.timedelta(days=3)).isoformat(), "agency": "ЦНАП",
               "reason": "Допомога з документами."}
    problems = {p.field: str(p.message) for p in forms.validate_answers(form, answers, (), submit=False, today=TODAY)}
    assert problems == {"referred_on": "This date is in the future."}  # before: accepted, then refused on save
    stored = {p.field: str(p.message) for p in records.validate("referrals", answers, TODAY)}
    assert stored["referred_on"] == problems["referred_on"]


def test_empty_means_the_same_everywhere():
    for empty in EMPTIES:
        assert values.is_empty(empty) and forms.is_empty(empty)
        assert forms.evaluate({"field": "a", "answered": True}, {"a": empty}.get) is False
        assert [p.field for p in records.validate("referrals", {"agency": empty}, TODAY)
                if p.field == "agency"] == ["agency"]
    for filled in (0, False, "0", [None], {"a": None}):
        assert not values.is_empty(filled)


def test_a_form_may_not_contradict_the_record_field_it_fills():
    base = {"id": "x", "version": 1, "record_collection": "visits", "title": {"uk": "Х", "en": "X"}}
    label = {"uk": "Питання", "en": "Question"}

    def form(item):
        return dict(base, sections=[{"id": "s", "title": {"uk": "С", "en": "S"}, "items": [item]}])

    with pytest.raises(forms.FormDefinitionError, match="cannot fill"):
        forms.parse_definition(form({"key": "next_visit_on", "type": "text", "label": label}))
    with pytest.raises(forms.FormDefinitionError, match="not codes of the field"):
        forms.parse_definition(form({"key": "type", "type": "single", "label": label,
                                     "choices": [{"code": "teleport", **label}]}))
    narrower = forms.parse_definition(form({"key": "type", "type": "single", "label": label,
                                            "choices": [{"code": "monitoring", **label}]}))
    (item,) = narrower.sections[0].items
    assert forms.check_value(item, "crisis") is not None and forms.check_value(item, "monitoring") is None


@pytest.mark.parametrize(("typed", "iso"), [
    ("31.12.2026", "2026-12-31"), ("1.2.2027", "2027-02-01"), ("31/12/2026", "2026-12-31"),
    ("2026-12-31", "2026-12-31"), (" 05-10-2026 ", "2026-10-05"), ("14.3.1990", "1990-03-14"),
    ("14031990", "1990-03-14"), ("1990-03-14", "1990-03-14"), ("29.02.2028", "2028-02-29"),
    ("31.02.2027", None), ("1403199", None), ("140390", None), ("12.2026", None), ("завтра", None), ("", None),
])
def test_reading_what_a_person_types(typed, iso):
    assert dates.read_date(typed) == iso


@pytest.mark.parametrize(("typed", "says"), [
    ("31.02.2027", "February 2027 has 28 days."),
    ("2027-02-31", "February 2027 has 28 days."),
    ("30.02.2028", "February 2028 has 29 days."),  # a leap year
    ("31022027", "February 2027 has 28 days."),
    ("31.04.2026", "April has 30 days."),
    ("31.06.2026", "June has 30 days."),
    ("31.09.2026", "September has 30 days."),
    ("31.11.2026", "November has 30 days."),
    ("00.13.2020", "There is no month 13: months go from 1 to 12."),
    ("15.00.2020", "There is no month 0: months go from 1 to 12."),
    ("00.01.2027", "There is no day 0 in any month: days go from 1 to 31."),
    ("32.01.2027", "There is no day 32 in any month: days go from 1 to 31."),
    ("14.03.90", "Write the year in full, with four digits (1990, not 90)."),
    ("завтра", "Enter a date as DD.MM.YYYY."),
    ("2027", "Enter a date as DD.MM.YYYY."),
    (20270101, "Enter a date as DD.MM.YYYY."),
    ("31.12.2026", "Enter a date as DD.MM.YYYY."),  # a real day, but a record keeps ISO
])
def test_an_impossible_date_says_what_is_wrong(typed, says):
    assert str(dates.typed_date_problem(typed)) == says


def test_the_record_check_and_a_moment_give_the_same_sentence():
    rule = values.Rule(kind=values.Kind.DATE, not_future=True)
    assert str(values.check(rule, "31.02.2027")) == "February 2027 has 28 days."
    assert str(values.check(values.Rule(kind=values.Kind.DATETIME), "30.02.2026 10:00")) == "February 2026 has 28 days."
    assert str(dates.typed_datetime_problem("05.10.2026 10:3")) == "Enter both the date and the time."
    assert str(dates.typed_datetime_problem("05.13.2026 10:30")).startswith("There is no month 13")


def test_dates_are_shown_as_each_language_writes_them():
    assert dates.format_date("2026-10-05", "uk") == "05.10.2026"
    assert dates.format_date(dt.date(2026, 10, 5), "en") == "05/10/2026"
    assert dates.format_date("2026-10-05T23:30:00+00:00", "uk") == "05.10.2026"  # the stored day
    assert dates.format_date("", "uk") == "" and dates.format_date("не дата", "uk") == "не дата"
    assert dates.date_pattern("uk") == "dd.MM.yyyy" and dates.date_pattern("en") == "dd/MM/yyyy"
    moment = dt.datetime(2026, 10, 5, 9, 7, tzinfo=dt.UTC)
    local = moment.astimezone()
    assert dates.format_datetime(moment, "uk") == f"{local:%d.%m.%Y %H:%M}"
    assert dates.read_time("9:30") == "09:30" and dates.read_time("24:00") is None


def test_records_read_only_iso():
    assert dates.parse_date("2026-10-05") == dt.date(2026, 10, 5)
    assert dates.parse_date("05.10.2026") is None and dates.parse_date("2026-10-05T10:00") is None
    assert dates.parse_datetime("2026-10-05T10:00:00") is None  # no offset: which 10 o'clock?
    assert dates.parse_datetime("2026-10-05T10:00:00+03:00") is not None
    assert dates.parse_time("09:30") == dt.time(9, 30) and dates.parse_time("9:30") is None
