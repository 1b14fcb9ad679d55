"""The synced records, their fields, and validation.

A record is a flat mapping of field name to JSON value: the envelope fields of
the sync protocol (`id`, `version`, `deleted`, ...) and the record's own fields
(see ../shared/design/domain.md). Answers of a form are own fields too, named
with a dot (``housing.heating``), so that the server merges them one by one.

`validate(collection, record)` returns every problem at once, each with its
field and a sentence a caseworker understands (a translatable `Message`).
It knows the core fields of each collection; a form's answers (dotted names)
are checked by the form engine against the form's definition.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from casework import values
from casework.dates import parse_date, parse_datetime
from casework.enums import enumeration
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.ids import is_uuid
from casework.values import Kind, Rule, is_empty

ENVELOPE = frozenset(
    {"id", "collection", "version", "deleted", "household_id", "schema",
     "updated_at", "updated_by", "device_id"}
)
# The record schema version written by this program (the envelope's `schema`).
RECORD_SCHEMA = 1

_FORM_FIELD = re.compile(r"^[a-z][a-z0-9_]*(\.[a-zA-Z0-9_\-]+)+$")


@dataclass(frozen=True, kw_only=True)
class FieldSpec(Rule):
    """A field of a record: its name and label, and the rule its value follows (`values.Rule`)."""

    name: str
    label: tuple[str, str]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a record: which field, and what to do about it."""

    field: str
    message: Message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class InvalidRecord(ValueError):
    """A record was refused; `problems` says why, field by field."""

    def __init__(self, collection: str, problems: list[Problem]):
        self.collection = collection
        self.problems = problems
        super().__init__(f"{collection}: " + "; ".join(str(p) for p in problems))


def _msg(marked: tuple[str, str], **args: Any) -> Message:
    return Message.of(marked, **args)


REVIEW_STATUSES = ("draft", "submitted", "approved", "returned")
HOUSEHOLD_STATUSES = ("active", "closed")
PROTECTED_KINDS = ("trafficking", "gbv")
PROTECTED_DECISIONS = ("pending", "granted", "refused")
REVIEWABLE = ("visits", "assessments", "plans", "households")  # households: case closure

T = Kind  # short alias for the tables below


def F(name: str, kind: Kind, label: tuple[str, str], **kw: Any) -> FieldSpec:  # noqa: N802 - reads as a table
    return FieldSpec(name=name, kind=kind, label=label, **kw)


def _check_factor(item: Any) -> Message | None:
    if not isinstance(item, Mapping) or item.get("code") not in enumeration("circumstance_factors"):
        return _msg(QT_TRANSLATE_NOOP("Validation", "Choose each circumstance from the list."))
    identified = item.get("identified_on")
    if identified is not None and parse_date(identified) is None:
        return _msg(QT_TRANSLATE_NOOP("Validation", "Give the date each circumstance was identified as a valid date."))
    return None


def _check_service(item: Any) -> Message | None:
    if not isinstance(item, Mapping) or item.get("code") not in enumeration("services"):
        return _msg(QT_TRANSLATE_NOOP("Validation", "Choose each service from the Classifier of Social Services."))
    qty = item.get("quantity", 1)
    if not isinstance(qty, int) or isinstance(qty, bool) or qty < 1:
        return _msg(QT_TRANSLATE_NOOP("Validation", "The quantity of a service is a whole number, at least 1."))
    if item.get("recipient_id") is not None and not is_uuid(item.get("recipient_id")):
        return _msg(QT_TRANSLATE_NOOP("Validation", "Choose who received each service from the family's members."))
    return None


def _check_step(item: Any) -> Message | None:
    if not isinstance(item, Mapping) or not str(item.get("text", "")).strip():
        return _msg(QT_TRANSLATE_NOOP("Validation", "Describe each step."))
    due = item.get("due")
    if due is not None and parse_date(due) is None:
        return _msg(QT_TRANSLATE_NOOP("Validation", "Give each step's deadline as a valid date."))
    return None


SCHEMAS: dict[str, tuple[FieldSpec, ...]] = {
    "households": (
        F("case_number", T.TEXT, QT_TRANSLATE_NOOP("Field", "Case number"), required=True, max_len=40),
        F("family_name", T.TEXT, QT_TRANSLATE_NOOP("Field", "Family"), required=True, max_len=200),
        F("hromada", T.KATOTTG, QT_TRANSLATE_NOOP("Field", "Hromada"), required=True),
        F("settlement", T.KATOTTG, QT_TRANSLATE_NOOP("Field", "Settlement")),
        F("address", T.TEXT, QT_TRANSLATE_NOOP("Field", "Address"), max_len=500),
        F("phone", T.PHONE, QT_TRANSLATE_NOOP("Field", "Phone")),
        F("categories", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Categories"), enum="household_categories"),
        F("factors", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Difficult circumstances"), item_check=_check_factor),
        F("idp_certificate", T.TEXT, QT_TRANSLATE_NOOP("Field", "IDP certificate"), max_len=100),
        F("idp_origin", T.KATOTTG, QT_TRANSLATE_NOOP("Field", "Territory of origin")),
        F("identified_how", T.ENUM, QT_TRANSLATE_NOOP("Field", "How the family was identified"), enum="identification_ways"),
        F("reported_by", T.TEXT, QT_TRANSLATE_NOOP("Field", "Reported by"), max_len=300),
        F("identified_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date identified"), required=True, not_future=True),
        F("caseworker_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Caseworker"), max_len=100),
        F("team_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Team"), max_len=100),
        F("status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Status"), required=True, choices=HOUSEHOLD_STATUSES),
        F("closure_reason", T.ENUM, QT_TRANSLATE_NOOP("Field", "Reason for closing"), enum="closure_reasons"),
        F("closed_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date closed"), not_future=True),
        F("review_status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Review"), choices=REVIEW_STATUSES),
        F("notes", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Notes"), max_len=20000),
    ),
    "persons": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("role", T.ENUM, QT_TRANSLATE_NOOP("Field", "Role in the family"), required=True, enum="person_roles"),
        F("surname", T.TEXT, QT_TRANSLATE_NOOP("Field", "Surname"), required=True, max_len=100),
        F("given_name", T.TEXT, QT_TRANSLATE_NOOP("Field", "Given name"), required=True, max_len=100),
        F("patronymic", T.TEXT, QT_TRANSLATE_NOOP("Field", "Patronymic"), max_len=100),
        F("birth_date", T.DATE, QT_TRANSLATE_NOOP("Field", "Date of birth"), required=True, not_future=True),
        F("sex", T.ENUM, QT_TRANSLATE_NOOP("Field", "Sex"), enum="sexes"),
        F("disability", T.BOOL, QT_TRANSLATE_NOOP("Field", "Disability")),
        F("disability_group", T.ENUM, QT_TRANSLATE_NOOP("Field", "Disability group"), enum="disability_groups"),
        F("idp", T.BOOL, QT_TRANSLATE_NOOP("Field", "Internally displaced")),
        F("study_work", T.TEXT, QT_TRANSLATE_NOOP("Field", "Place of study or work"), max_len=300),
        F("phone", T.PHONE, QT_TRANSLATE_NOOP("Field", "Phone")),
        F("returned_from_institution", T.BOOL, QT_TRANSLATE_NOOP("Field", "Returned from a residential institution")),
        F("returned_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date returned"), not_future=True),
        F("notes", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Notes"), max_len=20000),
    ),
    "visits": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("started_at", T.DATETIME, QT_TRANSLATE_NOOP("Field", "Date and time"), required=True),
        F("duration_min", T.INT, QT_TRANSLATE_NOOP("Field", "Duration, minutes"), minimum=0, maximum=24 * 60),
        F("type", T.ENUM, QT_TRANSLATE_NOOP("Field", "Type of visit"), required=True, enum="visit_types"),
        F("place", T.ENUM, QT_TRANSLATE_NOOP("Field", "Place"), required=True, enum="visit_places"),
        F("workers_present", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Workers present")),
        F("members_present", T.REFS, QT_TRANSLATE_NOOP("Field", "Members present")),
        F("children_seen", T.REFS, QT_TRANSLATE_NOOP("Field", "Children seen")),
        F("safety_concern", T.BOOL, QT_TRANSLATE_NOOP("Field", "Safety concern")),
        F("safety_details", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "What is the concern"), max_len=20000),
        F("safety_escalated", T.BOOL, QT_TRANSLATE_NOOP("Field", "Escalated to the supervisor")),
        F("services", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Services delivered"), item_check=_check_service),
        F("next_steps", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Agreed next steps"), item_check=_check_step),
        F("next_visit_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Next visit")),
        F("notes", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Notes"), max_len=20000),
        F("form_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Form"), max_len=100),
        F("form_version", T.INT, QT_TRANSLATE_NOOP("Field", "Form version"), minimum=1),
        F("review_status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Review"), required=True, choices=REVIEW_STATUSES),
    ),
    "assessments": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("started_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date started"), required=True, not_future=True),
        F("due_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Due date")),
        F("completed_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date completed"), not_future=True),
        F("classification", T.ENUM, QT_TRANSLATE_NOOP("Field", "Classification of the case"), enum="case_levels"),
        F("circumstances", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Difficult circumstances present"), enum="circumstance_factors"),
        F("duration", T.ENUM, QT_TRANSLATE_NOOP("Field", "How long the problems have lasted"), enum="duration_bands"),
        F("services_needed", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Services needed"), enum="services"),
        F("conclusion", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Conclusion"), max_len=20000),
        F("form_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Form"), max_len=100),
        F("form_version", T.INT, QT_TRANSLATE_NOOP("Field", "Form version"), minimum=1),
        F("review_status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Review"), required=True, choices=REVIEW_STATUSES),
    ),
    "plans": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("drawn_up_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date drawn up"), required=True, not_future=True),
        F("goals", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Goals"), max_len=20000),
        F("actions", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Actions"), item_check=_check_step),
        F("next_review_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Next review of the plan")),
        F("form_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Form"), max_len=100),
        F("form_version", T.INT, QT_TRANSLATE_NOOP("Field", "Form version"), minimum=1),
        F("review_status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Review"), required=True, choices=REVIEW_STATUSES),
    ),
    "referrals": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("person_id", T.REF, QT_TRANSLATE_NOOP("Field", "Person")),
        F("visit_id", T.REF, QT_TRANSLATE_NOOP("Field", "Visit")),
        F("agency", T.TEXT, QT_TRANSLATE_NOOP("Field", "Agency"), required=True, max_len=300),
        F("reason", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Reason"), required=True, max_len=20000),
        F("referred_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date referred"), required=True, not_future=True),
        F("outcome", T.ENUM, QT_TRANSLATE_NOOP("Field", "Outcome"), enum="referral_outcomes"),
        F("outcome_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date of the outcome"), not_future=True),
    ),
    "consents": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("person_id", T.REF, QT_TRANSLATE_NOOP("Field", "Whose consent"), required=True),
        F("given_by", T.TEXT, QT_TRANSLATE_NOOP("Field", "Given by (adult or legal representative)"), max_len=300),
        F("purpose", T.ENUM, QT_TRANSLATE_NOOP("Field", "Purpose"), required=True, enum="consent_purposes"),
        F("scope", T.TEXT, QT_TRANSLATE_NOOP("Field", "Scope"), max_len=1000),
        F("given_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date given"), required=True, not_future=True),
        F("withdrawn_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date withdrawn"), not_future=True),
    ),
    "reviews": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("record_collection", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Record"), required=True, choices=REVIEWABLE),
        F("record_id", T.REF, QT_TRANSLATE_NOOP("Field", "Record"), required=True),
        F("status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Decision"), required=True, choices=REVIEW_STATUSES[1:]),
        F("comment", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Comment"), max_len=20000),
        F("reviewer_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Reviewer"), max_len=100),
        F("reviewed_at", T.DATETIME, QT_TRANSLATE_NOOP("Field", "Reviewed at")),
    ),
    "protected": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("person_id", T.REF, QT_TRANSLATE_NOOP("Field", "Person"), required=True),
        F("kind", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Kind"), required=True, choices=PROTECTED_KINDS),
        F("status_applied_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Status application date"), not_future=True),
        F("decision", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Decision"), choices=PROTECTED_DECISIONS),
        F("certificate_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Certificate date"), not_future=True),
        F("certificate_expires_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Certificate valid until")),
        F("exploitation_forms", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Forms of exploitation"), enum="exploitation_forms"),
        F("assistance", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Assistance given"), max_len=20000),
    ),
    "conflicts": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family")),
        F("record_collection", T.TEXT, QT_TRANSLATE_NOOP("Field", "Record"), required=True, max_len=40),
        F("record_id", T.REF, QT_TRANSLATE_NOOP("Field", "Record"), required=True),
        F("fields", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Fields in conflict")),
        F("reason", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Why"), choices=("clash", "deleted", "out_of_scope")),
        F("by", T.TEXT, QT_TRANSLATE_NOOP("Field", "Changed by"), max_len=100),
        F("device", T.TEXT, QT_TRANSLATE_NOOP("Field", "On the device"), max_len=100),
        F("at", T.DATETIME, QT_TRANSLATE_NOOP("Field", "When")),
        F("change_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Change"), max_len=100),
        F("delete", T.BOOL, QT_TRANSLATE_NOOP("Field", "A deletion")),
        F("resolved", T.BOOL, QT_TRANSLATE_NOOP("Field", "Resolved")),
        F("resolution", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Resolution")),
    ),
}
# The collections of case records, each with its schema above.
CASE_COLLECTIONS: tuple[str, ...] = tuple(SCHEMAS)
# Collections a device receives but never writes (forms and reference data from the server).
READ_ONLY_COLLECTIONS: tuple[str, ...] = ("forms", "reference")
# Everything that travels in sync.
COLLECTIONS: tuple[str, ...] = CASE_COLLECTIONS + READ_ONLY_COLLECTIONS
# Collections whose records a supervisor reviews; a household's review is its closure.
# The laptop (store) and the server both lock by this list: one list, one rule.
REVIEWED_COLLECTIONS: tuple[str, ...] = ("visits", "assessments", "plans", "households")
# Review states that freeze every other field of a record.
LOCKED_STATES: tuple[str, ...] = ("approved",)

# Which fields full-text search reads, per collection (names, addresses, notes).
SEARCHABLE: dict[str, tuple[str, ...]] = {
    "households": ("case_number", "family_name", "address", "notes"),
    "persons": ("surname", "given_name", "patronymic", "notes"),
    "visits": ("notes", "safety_details"),
    "assessments": ("conclusion",),
    "plans": ("goals",),
    "referrals": ("agency", "reason"),
}


def field_spec(collection: str, name: str) -> FieldSpec | None:
    for spec in SCHEMAS.get(collection, ()):
        if spec.name == name:
            return spec
    return None


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _cross_checks(collection: str, r: Mapping[str, Any], today: dt.date) -> list[Problem]:
    """Rules that tie fields together."""
    out: list[Problem] = []

    def before(earlier: str, later: str, message: Message) -> None:
        a, b = parse_date(r.get(earlier)), parse_date(r.get(later))
        if a and b and b < a:
            out.append(Problem(later, message))

    if collection == "households" and r.get("status") == "closed":
        for name in ("closure_reason", "closed_on"):
            if is_empty(r.get(name)):
                out.append(Problem(name, _msg(QT_TRANSLATE_NOOP("Validation", "A closed case needs the reason and the date of closing."))))
        before("identified_on", "closed_on", _msg(QT_TRANSLATE_NOOP("Validation", "A case cannot close before it was identified.")))
    if collection == "persons":
        if r.get("disability_group") and r.get("disability") is not True:
            out.append(Problem("disability", _msg(QT_TRANSLATE_NOOP("Validation", "A disability group is given: mark the disability."))))
        if r.get("returned_from_institution") is True and is_empty(r.get("returned_on")):
            out.append(Problem("returned_on", _msg(QT_TRANSLATE_NOOP("Validation", "Give the date the child returned."))))
        before("birth_date", "returned_on", _msg(QT_TRANSLATE_NOOP("Validation", "The return cannot be before the date of birth.")))
    if collection == "visits":
        if r.get("safety_concern") is True and is_empty(r.get("safety_details")):
            out.append(Problem("safety_details", _msg(QT_TRANSLATE_NOOP("Validation", "Describe the safety concern."))))
        started = parse_datetime(r.get("started_at"))
        if started is not None:
            if started.date() > today + dt.timedelta(days=1):
                out.append(Problem("started_at", _msg(QT_TRANSLATE_NOOP("Validation", "A visit cannot be recorded in the future."))))
            nxt = parse_date(r.get("next_visit_on"))
            if nxt is not None and nxt < started.date():
                out.append(Problem("next_visit_on", _msg(QT_TRANSLATE_NOOP("Validation", "The next visit must come after this one."))))
        present = set(r.get("members_present") or [])
        seen = r.get("children_seen") or []
        if present and isinstance(seen, list) and not set(seen) <= present:
            out.append(Problem("children_seen", _msg(QT_TRANSLATE_NOOP("Validation", "A child seen must be among the members present."))))
    if collection == "assessments":
        before("started_on", "completed_on", _msg(QT_TRANSLATE_NOOP("Validation", "An assessment cannot end before it started.")))
    if collection == "referrals":
        before("referred_on", "outcome_on", _msg(QT_TRANSLATE_NOOP("Validation", "The outcome cannot come before the referral.")))
    if collection == "consents":
        before("given_on", "withdrawn_on", _msg(QT_TRANSLATE_NOOP("Validation", "A consent cannot be withdrawn before it was given.")))
    if collection == "protected":
        issued, expires = parse_date(r.get("certificate_on")), parse_date(r.get("certificate_expires_on"))
        if issued and expires:
            if expires < issued:
                out.append(Problem("certificate_expires_on",
                                   _msg(QT_TRANSLATE_NOOP("Validation", "The certificate cannot expire before it was issued."))))
            elif expires > _add_years(issued, 2):
                out.append(Problem("certificate_expires_on", _msg(QT_TRANSLATE_NOOP("Validation", "The status lasts at most two years."))))
    return out


def validate(collection: str, record: Mapping[str, Any], today: dt.date | None = None) -> list[Problem]:
    """Every problem of `record` as a record of `collection`; an empty list when it is valid.

    Envelope fields are not checked here (the store and the server set them).
    Dotted fields are form answers: any JSON value, checked by the form engine.
    """
    schema = SCHEMAS.get(collection)
    if schema is None:
        return [Problem("collection", _msg(QT_TRANSLATE_NOOP("Validation", "Unknown kind of record: {name}."), name=collection))]
    today = today or dt.date.today()
    problems: list[Problem] = []
    known = {spec.name for spec in schema}
    for spec in schema:
        message = values.check(spec, record.get(spec.name), today)
        if message is not None:
            problems.append(Problem(spec.name, message))
    for name in record:
        if name in known or name in ENVELOPE:
            continue
        if not _FORM_FIELD.match(name):
            problems.append(Problem(name, _msg(QT_TRANSLATE_NOOP("Validation", "Unknown field."))))
    if not problems:
        problems.extend(_cross_checks(collection, record, today))
    return problems


def check(collection: str, record: Mapping[str, Any], today: dt.date | None = None) -> None:
    """Raise InvalidRecord with every problem, or return when `record` is valid."""
    problems = validate(collection, record, today)
    if problems:
        raise InvalidRecord(collection, problems)


# Review states (sync-protocol.md "Review states"): who may move a record where.
_TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "submitted"): "author",
    ("returned", "submitted"): "author",
    ("submitted", "approved"): "supervisor",
    ("submitted", "returned"): "supervisor",
    ("approved", "returned"): "supervisor",  # reopening, with a reason
}


def review_transition_allowed(old: str | None, new: str, role: str) -> bool:
    """Whether `role` ("author" or "supervisor") may move a record from `old` to `new`.

    A new record may start as a draft or straight as submitted.
    """
    if old == new:
        return True
    if old is None:
        return new in ("draft", "submitted") and role == "author"
    return _TRANSITIONS.get((old, new)) == role
