"""Domain rules: ids, case numbers, validation messages, review transitions."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from factories import household, person, visit

from casework import ids
from casework.records import CASE_COLLECTIONS, SCHEMAS, review_transition_allowed, validate

HID = ids.new_id()


def test_uuid7_is_version_7_time_ordered_and_unique():
    made = [ids.uuid7() for _ in range(5000)]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in made)
    assert made == sorted(made), "ids made in order sort in order, even within a millisecond"
    assert len(set(made)) == len(made)
    now_ms = dt.datetime.now(dt.UTC).timestamp() * 1000
    assert abs(ids.uuid7_millis(made[-1]) - now_ms) < 5000


def test_device_codes_and_case_numbers_never_collide():
    codes = [ids.device_code(n) for n in range(1, 5000)]
    assert len(set(codes)) == len(codes)
    assert ids.device_code(1) == "1" and ids.device_code(32) == "10"
    assert not any(ch in code for code in codes for ch in "ILOU")
    numbers = {ids.case_number(2026, c, s) for c in codes[:200] for s in range(1, 30)}
    assert len(numbers) == 200 * 29
    assert ids.parse_case_number("2026/7K-0042") == (2026, "7K", 42)
    assert ids.parse_case_number("2026/7k-0042") == (2026, "7K", 42)
    assert ids.parse_case_number("Коваленко") is None
    assert ids.trial_device_code("x").startswith("T")
    with pytest.raises(ValueError):
        ids.device_code(0)


def test_valid_records_have_no_problems():
    assert validate("households", household(case_number="2026/1-0001", status="active")) == []
    assert validate("persons", person(HID)) == []
    assert validate("visits", visit(HID, review_status="draft")) == []


def test_every_problem_at_once_with_field_and_sentence():
    problems = validate(
        "persons",
        {"household_id": "not-an-id", "role": "cousin", "surname": "", "birth_date": "2031-02-30",
         "phone": "дзвоніть сусідці", "disability": "так", "favourite_colour": "green"},
    )
    by_field = {p.field: p.message.render() for p in problems}
    assert by_field == {
        "household_id": "Choose a record from the list.",
        "role": "Choose a value from the list.",
        "surname": "This field is required.",
        "given_name": "This field is required.",
        "birth_date": "February 2031 has 28 days.",
        "phone": "Enter a phone number in digits, for example +380 67 123 4567.",
        "disability": "Answer yes or no.",
        "favourite_colour": "Unknown field.",
    }


def test_messages_are_translatable():
    (problem,) = validate("persons", person(HID, birth_date="2100-01-01"))
    assert problem.message.context == "Validation"
    uk = {"This date is in the future.": "Ця дата ще не настала."}
    assert problem.message.render(lambda ctx, src: uk.get(src, src)) == "Ця дата ще не настала."


@pytest.mark.parametrize(
    ("collection", "record", "field"),
    [
        ("households", household(case_number="X", status="closed", closure_reason="moved_away",
                                 closed_on="2026-01-01", identified_on="2026-03-02"), "closed_on"),
        ("visits", visit(HID, review_status="draft", safety_concern=True), "safety_details"),
        ("visits", visit(HID, review_status="draft", next_visit_on="2020-01-01"), "next_visit_on"),
        ("visits", visit(HID, review_status="draft", members_present=[ids.new_id()],
                         children_seen=[ids.new_id()]), "children_seen"),
        ("persons", person(HID, returned_from_institution=True), "returned_on"),
        ("protected", {"household_id": HID, "person_id": HID, "kind": "trafficking",
                       "certificate_on": "2025-01-10", "certificate_expires_on": "2027-06-01"},
         "certificate_expires_on"),
    ],
)
def test_rules_between_fields(collection, record, field):
    assert [p.field for p in validate(collection, record)] == [field]


def test_form_answers_are_dotted_fields():
    assert validate("visits", visit(HID, review_status="draft", **{"housing.heating": "stove"})) == []


def test_unknown_collection():
    (problem,) = validate("pets", {})
    assert problem.field == "collection"


def test_schemas_cover_the_protocol_collections():
    assert set(CASE_COLLECTIONS) == {"households", "persons", "visits", "assessments", "plans",
                                "referrals", "action_updates", "service_events", "reviews", "consents",
                                "protected", "conflicts", "attachments", "safety_assessments", "safety_notices",
                                "dv_risk_assessments", "violence_incidents"}
    for fields in SCHEMAS.values():
        names = [f.name for f in fields]
        assert len(names) == len(set(names))


def test_review_transitions():
    assert review_transition_allowed(None, "draft", "author")
    assert review_transition_allowed("draft", "submitted", "author")
    assert review_transition_allowed("submitted", "approved", "supervisor")
    assert review_transition_allowed("approved", "returned", "supervisor")
    assert review_transition_allowed("returned", "submitted", "author")
    assert not review_transition_allowed("submitted", "approved", "author")
    assert not review_transition_allowed("approved", "draft", "supervisor")
    assert not review_transition_allowed(None, "approved", "author")


def test_display_values_for_people():
    from casework.display import display_value

    people = {HID: "Коваль Олена"}
    assert display_value("visits", "type", "initial", lang="uk") == "Первинний"
    assert display_value("visits", "place", "office", lang="en") == "At the provider's office"
    assert display_value("visits", "members_present", [HID], people=people) == "Коваль Олена"
    assert display_value("visits", "safety_concern", True) == "yes"
    assert display_value("visits", "started_at", "2026-10-27T12:30:00+00:00") == "2026-10-27 12:30"
    assert display_value("visits", "services", [{"code": "002.0", "recipient_id": HID}], lang="uk",
                         people=people).startswith("002.0 ")
    assert display_value("households", "categories", ["idp", "large_family"], lang="uk").count(";") == 1
    assert display_value("households", "hromada", "UA59080270000073662") != "UA59080270000073662"
    assert display_value("visits", "notes", "") == "—"


def test_enrolment_codes_catch_typos():
    code = ids.make_enrolment_code()
    assert len(code) == 13 and code.count("-") == 2
    canonical = ids.normalise_enrolment_code(code)
    assert canonical == code.replace("-", "")
    assert ids.normalise_enrolment_code(code.lower().replace("-", " ")) == canonical
    assert ids.normalise_enrolment_code(code.replace("0", "O")) == canonical
    # Any single wrong character is caught.
    alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
    for i, ch in enumerate(canonical[:10]):
        wrong = alphabet[(alphabet.index(ch) + 1) % 32]
        assert ids.normalise_enrolment_code(canonical[:i] + wrong + canonical[i + 1:]) is None
    assert ids.normalise_enrolment_code("hello") is None
    assert len({ids.make_enrolment_code() for _ in range(500)}) == 500
