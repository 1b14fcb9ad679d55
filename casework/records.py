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

from casework import places, safety, validators
from casework.dates import parse_date, parse_datetime
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.schemas import (  # re-exported: the table lives in its own module
    ACTION_FINISHED as ACTION_FINISHED,
)
from casework.schemas import (
    ACTION_STATUSES as ACTION_STATUSES,
)
from casework.schemas import (
    ATTACHMENT_TYPES as ATTACHMENT_TYPES,
)
from casework.schemas import (
    HOUSEHOLD_STATUSES as HOUSEHOLD_STATUSES,
)
from casework.schemas import (
    PROTECTED_DECISIONS as PROTECTED_DECISIONS,
)
from casework.schemas import (
    PROTECTED_KINDS as PROTECTED_KINDS,
)
from casework.schemas import (
    REFERRAL_DIRECTIONS as REFERRAL_DIRECTIONS,
)
from casework.schemas import (
    REFERRAL_STATUSES as REFERRAL_STATUSES,
)
from casework.schemas import (
    REVIEW_STATUSES as REVIEW_STATUSES,
)
from casework.schemas import (
    REVIEWABLE as REVIEWABLE,
)
from casework.schemas import (
    SCHEMAS as SCHEMAS,
)
from casework.schemas import (
    SUPPORT_TERM_MONTHS as SUPPORT_TERM_MONTHS,
)
from casework.schemas import (
    FieldSpec as FieldSpec,
)
from casework.schemas import (
    _msg as _msg,
)
from casework.values import is_empty

ENVELOPE = frozenset(
    {"id", "collection", "version", "deleted", "household_id", "schema",
     "updated_at", "updated_by", "device_id", "created_by"}
)
# The record schema version written by this program (the envelope's `schema`).
RECORD_SCHEMA = 1

_FORM_FIELD = re.compile(r"^[a-z][a-z0-9_]*(\.[a-zA-Z0-9_\-]+)+$")


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
# Fields a review decision writes with the review status: a household's review is its closure,
# which closes the case on approval and reopens it on a return (docs/case-model.md, "Closure").
REVIEW_DECIDES: dict[str, tuple[str, ...]] = {"households": ("status",)}
# Fields recorded after the approval, which the lock lets through: the follow-up after closure.
AFTER_APPROVAL: dict[str, tuple[str, ...]] = {"households": ("follow_up_done_on",)}


def lock_allows(collection: str, touched: set[str] | frozenset[str]) -> bool:
    """Whether a change touching `touched` may reach an approved (locked) record: a review decision
    (the review status with the fields it decides), or a field that is filled after the approval
    (`AFTER_APPROVAL`: the follow-up of a closed case). Both ends lock by this."""
    after = set(AFTER_APPROVAL.get(collection, ()))
    if "review_status" in touched:
        return touched <= {"review_status", *REVIEW_DECIDES.get(collection, ()), *after}
    return touched <= after


# Records one specialist writes and answers for (docs/case-model.md, "Authorship"): until a
# supervisor approves one, only its author or a supervisor changes it; another specialist reads
# it and writes her own. The family card and the records of the case's progress stay shared.
AUTHORED_COLLECTIONS: tuple[str, ...] = ("visits", "assessments", "plans")
NOT_AUTHOR = "not_author"  # the protocol's code for a change refused by this rule (both ends)


def may_change(collection: str, author_id: str | None, user_id: str | None, role: str | None) -> bool:
    """Whether the user (`user_id` with `role`) may change or delete a record whose author is
    `author_id` (the envelope's `created_by`; None: made on this laptop, or before authors were
    kept). The laptop's store and the server's push both decide by this."""
    if collection not in AUTHORED_COLLECTIONS or author_id is None or role == "supervisor":
        return True
    return author_id == user_id


# Which fields full-text search reads, per collection (names, addresses, notes).
SEARCHABLE: dict[str, tuple[str, ...]] = {
    "households": ("case_number", "family_name", "address", "notes"),
    "persons": ("surname", "given_name", "patronymic", "notes"),
    "visits": ("notes", "safety_details"),
    "assessments": ("conclusion",),
    "plans": ("goals",),
    "referrals": ("agency", "contact_person", "reason"),
    "service_events": ("provider", "notes"),
    "action_updates": ("note",),
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
    if collection == "households":
        if r.get("status") == "closed" and r.get("review_status") in ("draft", "submitted", "returned"):
            out.append(Problem("status", _msg(QT_TRANSLATE_NOOP(
                "Validation", "A case closes when the supervisor approves the report on the results."))))
        if r.get("status") == "active" and r.get("review_status") == "approved":
            out.append(Problem("status", _msg(QT_TRANSLATE_NOOP(
                "Validation", "An approved closure closes the case: a supervisor reopens it by returning the report."))))
        if r.get("closure_outcome") == "N" and is_empty(r.get("closure_outcome_reason")):
            out.append(Problem("closure_outcome_reason", _msg(QT_TRANSLATE_NOOP(
                "Validation", "Say why the circumstances were not overcome."))))
        before("closed_on", "follow_up_on", _msg(QT_TRANSLATE_NOOP("Validation", "A follow-up comes after the closure.")))
    if collection == "persons":
        if r.get("disability_subgroup_a") is True and r.get("disability_group") != "group_1":
            out.append(Problem("disability_subgroup_a", _msg(QT_TRANSLATE_NOOP(
                "Validation", "Subgroup A exists only in disability group I."))))
        if r.get("legal_representative_id") is not None and r.get("legal_representative_id") == r.get("id"):
            out.append(Problem("legal_representative_id", _msg(QT_TRANSLATE_NOOP(
                "Validation", "A person cannot be their own legal representative."))))
    if collection == "plans":
        before("term_from", "term_until", _msg(QT_TRANSLATE_NOOP("Validation", "The support cannot end before it begins.")))
        ids = [a.get("id") for a in r.get("actions") or [] if isinstance(a, Mapping)]
        if len(ids) != len(set(ids)):
            out.append(Problem("actions", _msg(QT_TRANSLATE_NOOP("Validation", "Two actions have the same identifier."))))
    if collection == "action_updates" and r.get("status") == "postponed":
        if is_empty(r.get("postponed_to")):
            out.append(Problem("postponed_to", _msg(QT_TRANSLATE_NOOP("Validation", "Give the date the action is postponed to."))))
        before("on", "postponed_to", _msg(QT_TRANSLATE_NOOP("Validation", "An action is postponed to a later date.")))
    if collection == "referrals":
        before("referred_on", "outcome_on", _msg(QT_TRANSLATE_NOOP("Validation", "The outcome cannot come before the referral.")))
        before("referred_on", "status_on", _msg(QT_TRANSLATE_NOOP("Validation", "The status cannot change before the referral.")))
        if r.get("status") == "refused" and is_empty(r.get("refusal_reason")):
            out.append(Problem("refusal_reason", _msg(QT_TRANSLATE_NOOP("Validation", "Give the reason the referral was refused."))))
    if collection == "consents":
        before("given_on", "withdrawn_on", _msg(QT_TRANSLATE_NOOP("Validation", "A consent cannot be withdrawn before it was given.")))
        before("given_on", "expires_on", _msg(QT_TRANSLATE_NOOP("Validation", "A consent cannot expire before it was given.")))
    if collection == "attachments" and not re.fullmatch(r"[0-9a-f]{64}", str(r.get("sha256", ""))):
        out.append(Problem("sha256", _msg(QT_TRANSLATE_NOOP("Validation", "The file's content address is not a SHA-256."))))
    if collection == "protected":
        issued, expires = parse_date(r.get("certificate_on")), parse_date(r.get("certificate_expires_on"))
        if issued and expires:
            if expires < issued:
                out.append(Problem("certificate_expires_on",
                                   _msg(QT_TRANSLATE_NOOP("Validation", "The certificate cannot expire before it was issued."))))
            elif expires > _add_years(issued, 2):
                out.append(Problem("certificate_expires_on", _msg(QT_TRANSLATE_NOOP("Validation", "The status lasts at most two years."))))
        before("status_applied_on", "decision_on", _msg(QT_TRANSLATE_NOOP(
            "Validation", "The decision cannot come before the application.")))
        if not is_empty(r.get("lifted_on")) and is_empty(r.get("lifted_reason")):
            out.append(Problem("lifted_reason", _msg(QT_TRANSLATE_NOOP("Validation", "Say why the protection is lifted."))))
    out.extend(Problem(name, message) for name, message in safety.cross_checks(collection, r))
    return out


_ALLOWED: dict[str, tuple[validators.Compiled, frozenset[str]]] = {}


def _allowed(collection: str, rules: validators.Compiled) -> frozenset[str]:
    """The field names of `rules` and of the envelope, made once per compiled schema."""
    done = _ALLOWED.get(collection)
    if done is None or done[0] is not rules:
        done = _ALLOWED[collection] = (rules, rules.known | ENVELOPE)
    return done[1]


def validate(collection: str, record: Mapping[str, Any], today: dt.date | None = None) -> list[Problem]:
    """Every problem of `record` as a record of `collection`; an empty list when it is valid.

    Envelope fields are not checked here (the store and the server set them).
    Dotted fields are form answers: any JSON value, checked by the form engine.
    """
    schema = SCHEMAS.get(collection)
    if schema is None:
        return [Problem("collection", _msg(QT_TRANSLATE_NOOP("Validation", "Unknown kind of record: {name}."), name=collection))]
    today = today or dt.date.today()
    rules = validators.compiled(collection, schema)  # made once per collection: a push checks 10,000
    problems = [Problem(name, message) for name, message in rules.problems(record, today)]
    # Well-formed codifier codes looked up in the codifier, each field its own sentence.
    problems += [Problem(n, m) for n, m in places.problems(collection, record,
                                                                 {p.field for p in problems} if problems else ())]
    # Only names outside the schema and the envelope (one set difference) are looked at, in order.
    if record.keys() - _allowed(collection, rules):
        for name in record:
            if name not in rules.fields and name not in ENVELOPE and not _FORM_FIELD.match(name):
                problems.append(Problem(name, _msg(QT_TRANSLATE_NOOP("Validation", "Unknown field."))))
    if not problems:
        problems.extend(_cross_checks(collection, record, today))
    return problems


def check(collection: str, record: Mapping[str, Any], today: dt.date | None = None) -> None:
    """Raise InvalidRecord with every problem, or return when `record` is valid."""
    problems = validate(collection, record, today)
    if problems:
        raise InvalidRecord(collection, problems)


def new_problems(collection: str, before: Mapping[str, Any] | None, after: Mapping[str, Any],
                 today: dt.date | None = None) -> list[Problem]:
    """The problems `after` has and `before` (None: a new record) had not: the rule a change is held
    to on the laptop and the server (sync.server.review.check_valid). A record stored before a rule
    existed (a code the codifier lacks) still takes edits of its other fields; it is mended when
    that field changes."""
    problems = validate(collection, after, today)
    if problems and before is not None:
        known = {(p.field, p.message.render()) for p in validate(collection, before, today)}
        problems = [p for p in problems if (p.field, p.message.render()) not in known]
    return problems


def check_change(collection: str, before: Mapping[str, Any] | None, after: Mapping[str, Any],
                 today: dt.date | None = None) -> None:
    """Raise InvalidRecord with `new_problems(collection, before, after)`, or return when there are none."""
    problems = new_problems(collection, before, after, today)
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
