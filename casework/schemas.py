"""The fields of each kind of synced record, with their labels and rules (the schema table).

`casework.records` validates records against this table; the laptop's store and the
server both read it. Where a field's rule comes from the law, a comment says which.
The case cycle's records (plans, action_updates, referrals, service_events, consents,
protected) are described in docs/case-model.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from casework.dates import parse_date
from casework.enums import enumeration
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.ids import is_uuid
from casework.values import Kind, Rule


@dataclass(frozen=True, kw_only=True)
class FieldSpec(Rule):
    """A field of a record: its name and label, and the rule its value follows (`values.Rule`)."""

    name: str
    label: tuple[str, str]


def _msg(marked: tuple[str, str], **args: Any) -> Message:
    return Message.of(marked, **args) if args else _plain(marked)


@cache
def _plain(marked: tuple[str, str]) -> Message:
    # A sentence without arguments is made once: the cross-checks name theirs for every record.
    return Message.of(marked)


REVIEW_STATUSES = ("draft", "submitted", "approved", "returned")
HOUSEHOLD_STATUSES = ("active", "closed")
PROTECTED_KINDS = ("trafficking", "gbv")
PROTECTED_DECISIONS = ("pending", "granted", "refused")
# Plan actions' statuses (resources/enums/action_statuses.json holds their labels); the
# statuses that end an action, which then leaves the planner.
ACTION_STATUSES = ("planned", "in_progress", "done", "postponed", "cancelled")
ACTION_FINISHED = ("done", "cancelled")
REFERRAL_STATUSES = ("sent", "accepted", "refused", "completed")
REFERRAL_DIRECTIONS = ("outgoing", "incoming")
# The support term of the state standard (order No. 318 of 31.03.2016): six months, extendable.
SUPPORT_TERM_MONTHS = 6
REVIEWABLE = ("visits", "assessments", "plans", "households")  # households: case closure
# What an attachment may belong to: a family, a person or any case record (not a conflict or
# another attachment). The file's kinds, checked again where the bytes are read.
ATTACHABLE = ("households", "persons", "visits", "assessments", "plans", "referrals", "action_updates",
              "service_events", "consents", "protected", "safety_assessments")
ATTACHMENT_TYPES = ("image/jpeg", "image/png", "application/pdf")

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


def _check_action(item: Any) -> Message | None:
    """A plan action: its stable id (status updates point at it), what is done, by whom, by when."""
    if not isinstance(item, Mapping) or not str(item.get("text", "")).strip():
        return _msg(QT_TRANSLATE_NOOP("Validation", "Describe each action."))
    if not is_uuid(item.get("id")):
        return _msg(QT_TRANSLATE_NOOP("Validation", "Each action needs its identifier."))
    due = item.get("due")
    if due is not None and parse_date(due) is None:
        return _msg(QT_TRANSLATE_NOOP("Validation", "Give each action's deadline as a valid date."))
    service = item.get("service")
    if service is not None and service not in enumeration("services"):
        return _msg(QT_TRANSLATE_NOOP("Validation", "Choose each service from the Classifier of Social Services."))
    return None


def _check_specialist(item: Any) -> Message | None:
    if not isinstance(item, Mapping) or not str(item.get("name", "")).strip():
        return _msg(QT_TRANSLATE_NOOP("Validation", "Name each specialist responsible for the case."))
    start, end = parse_date(item.get("from")), parse_date(item.get("until"))
    if start is None or (item.get("until") is not None and end is None):
        return _msg(QT_TRANSLATE_NOOP("Validation", "Give the dates each specialist was responsible as valid dates."))
    if end is not None and end < start:
        return _msg(QT_TRANSLATE_NOOP("Validation", "A specialist's responsibility cannot end before it began."))
    return None


def _check_extension(item: Any) -> Message | None:
    if not isinstance(item, Mapping) or parse_date(item.get("on")) is None or parse_date(item.get("until")) is None:
        return _msg(QT_TRANSLATE_NOOP("Validation", "Give the date of each extension and the date it runs until."))
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
        # The Law "On Social Services", art. 20: the assessment is due 5 working days from receipt of
        # the application, appeal or notice (older records have only identified_on).
        F("received_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Application or notice received"), not_future=True),
        F("specialists", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Specialists responsible"), item_check=_check_specialist),
        F("caseworker_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Caseworker"), max_len=100),
        F("team_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Team"), max_len=100),
        F("status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Status"), required=True, choices=HOUSEHOLD_STATUSES),
        F("closure_reason", T.ENUM, QT_TRANSLATE_NOOP("Field", "Reason for closing"), enum="closure_reasons"),
        F("closed_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date closed"), not_future=True),
        F("closure_outcome", T.ENUM, QT_TRANSLATE_NOOP("Field", "Result of the support"), enum="closure_outcomes"),
        F("closure_outcome_reason", T.ENUM, QT_TRANSLATE_NOOP("Field", "Why the circumstances were not overcome"),
          enum="closure_outcome_reasons"),
        F("follow_up_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Follow-up after closure")),
        F("follow_up_done_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Follow-up done on"), not_future=True),
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
        F("disability_subgroup_a", T.BOOL, QT_TRANSLATE_NOOP("Field", "Subgroup A (group I only)")),
        F("idp", T.BOOL, QT_TRANSLATE_NOOP("Field", "Internally displaced")),
        # CMU resolution No. 509: the IDP certificate is issued to each person, minors included.
        F("idp_certificate", T.TEXT, QT_TRANSLATE_NOOP("Field", "IDP certificate number"), max_len=100),
        F("idp_certificate_on", T.DATE, QT_TRANSLATE_NOOP("Field", "IDP certificate issued on"), not_future=True),
        F("legal_status", T.ENUM, QT_TRANSLATE_NOOP("Field", "Child's legal status"), enum="child_legal_statuses"),
        F("legal_representative_id", T.REF, QT_TRANSLATE_NOOP("Field", "Legal representative")),
        F("legal_representative", T.TEXT, QT_TRANSLATE_NOOP("Field", "Legal representative (not in the family)"), max_len=300),
        F("id_document_type", T.ENUM, QT_TRANSLATE_NOOP("Field", "Identity document"), enum="id_document_types"),
        F("id_document_number", T.TEXT, QT_TRANSLATE_NOOP("Field", "Document number"), max_len=100),
        F("registered_address", T.TEXT, QT_TRANSLATE_NOOP("Field", "Registered address"), max_len=500),
        F("actual_address", T.TEXT, QT_TRANSLATE_NOOP("Field", "Actual address"), max_len=500),
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
        # A revision is a new plan record; the old one stays as it was (see docs/case-model.md).
        F("plan_version", T.INT, QT_TRANSLATE_NOOP("Field", "Version of the plan"), minimum=1),
        F("supersedes_id", T.REF, QT_TRANSLATE_NOOP("Field", "Revises the plan")),
        F("assessment_id", T.REF, QT_TRANSLATE_NOOP("Field", "Based on the assessment")),
        F("classification", T.ENUM, QT_TRANSLATE_NOOP("Field", "Classification of the case"), enum="case_levels"),
        F("goal_codes", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Main goals"), enum="plan_goals"),
        F("goals", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Goals"), max_len=20000),
        F("actions", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Actions"), item_check=_check_action),
        F("term_from", T.DATE, QT_TRANSLATE_NOOP("Field", "Support from")),
        F("term_until", T.DATE, QT_TRANSLATE_NOOP("Field", "Support until")),
        F("extensions", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Extensions of the term"), item_check=_check_extension),
        F("next_review_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Next review of the plan")),
        F("form_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Form"), max_len=100),
        F("form_version", T.INT, QT_TRANSLATE_NOOP("Field", "Form version"), minimum=1),
        F("review_status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Review"), required=True, choices=REVIEW_STATUSES),
    ),
    "referrals": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("person_id", T.REF, QT_TRANSLATE_NOOP("Field", "Person")),
        F("visit_id", T.REF, QT_TRANSLATE_NOOP("Field", "Visit")),
        F("direction", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Direction"), choices=REFERRAL_DIRECTIONS),
        F("agency", T.TEXT, QT_TRANSLATE_NOOP("Field", "Agency"), required=True, max_len=300),
        F("agency_code", T.TEXT, QT_TRANSLATE_NOOP("Field", "Agency (from the list)"), max_len=100),
        F("contact_person", T.TEXT, QT_TRANSLATE_NOOP("Field", "Contact person"), max_len=300),
        F("service", T.ENUM, QT_TRANSLATE_NOOP("Field", "Service"), enum="services"),
        F("reason", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Reason"), required=True, max_len=20000),
        F("referred_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date referred"), required=True, not_future=True),
        F("status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Status"), choices=REFERRAL_STATUSES),
        F("status_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Status since"), not_future=True),
        F("refusal_reason", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Why it was refused"), max_len=20000),
        F("follow_up_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Follow up on")),
        F("outcome", T.ENUM, QT_TRANSLATE_NOOP("Field", "Outcome"), enum="referral_outcomes"),
        F("outcome_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date of the outcome"), not_future=True),
    ),
    # The status history of a plan's actions: an approved plan is locked, its actions' progress is
    # not, so each change of status is a record of its own (docs/case-model.md).
    "action_updates": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("plan_id", T.REF, QT_TRANSLATE_NOOP("Field", "Plan"), required=True),
        F("action_id", T.REF, QT_TRANSLATE_NOOP("Field", "Action"), required=True),
        F("status", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Status"), required=True, choices=ACTION_STATUSES),
        F("on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date"), required=True, not_future=True),
        F("postponed_to", T.DATE, QT_TRANSLATE_NOOP("Field", "Postponed to")),
        F("note", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Note"), max_len=20000),
    ),
    "service_events": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("service", T.ENUM, QT_TRANSLATE_NOOP("Field", "Service"), required=True, enum="services"),
        F("delivered_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date delivered"), required=True, not_future=True),
        F("place", T.ENUM, QT_TRANSLATE_NOOP("Field", "Place"), enum="visit_places"),
        F("provider", T.TEXT, QT_TRANSLATE_NOOP("Field", "Provider"), max_len=300),
        F("quantity", T.INT, QT_TRANSLATE_NOOP("Field", "Quantity"), minimum=1, maximum=10000),
        F("recipients", T.REFS, QT_TRANSLATE_NOOP("Field", "Who received it"), required=True),
        F("visit_id", T.REF, QT_TRANSLATE_NOOP("Field", "Visit")),
        F("plan_id", T.REF, QT_TRANSLATE_NOOP("Field", "Plan")),
        F("action_id", T.REF, QT_TRANSLATE_NOOP("Field", "Plan action")),
        F("notes", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Notes"), max_len=20000),
    ),
    "consents": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("person_id", T.REF, QT_TRANSLATE_NOOP("Field", "Whose consent"), required=True),
        F("given_by", T.TEXT, QT_TRANSLATE_NOOP("Field", "Given by (adult or legal representative)"), max_len=300),
        F("purpose", T.ENUM, QT_TRANSLATE_NOOP("Field", "Purpose"), required=True, enum="consent_purposes"),
        F("scope", T.TEXT, QT_TRANSLATE_NOOP("Field", "Scope"), max_len=1000),
        F("given_by_id", T.REF, QT_TRANSLATE_NOOP("Field", "Given by (member of the family)")),
        F("given_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date given"), required=True, not_future=True),
        F("expires_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Valid until")),
        F("child_assent", T.ENUM, QT_TRANSLATE_NOOP("Field", "The child's own assent"), enum="consent_assent"),
        F("withheld_from", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Who the information must be withheld from"), max_len=2000),
        F("withdrawn_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date withdrawn"), not_future=True),
        F("withdrawal_note", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Note on the withdrawal"), max_len=2000),
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
        F("reason", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Why the record is protected"), max_len=2000),
        F("status_applied_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Status application date"), not_future=True),
        F("decision", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Decision"), choices=PROTECTED_DECISIONS),
        F("decision_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date of the decision"), not_future=True),
        F("certificate_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Certificate date"), not_future=True),
        F("certificate_expires_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Certificate valid until")),
        F("exploitation_forms", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Forms of exploitation"), enum="exploitation_forms"),
        F("extensions", T.ITEMS, QT_TRANSLATE_NOOP("Field", "Extensions of the status"), item_check=_check_extension),
        F("assistance", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Assistance given"), max_len=20000),
        F("lifted_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Protection lifted on"), not_future=True),
        F("lifted_reason", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Why the protection was lifted"), max_len=2000),
    ),
    # A scan or a photo (issue 16): the metadata syncs as a record; the content, addressed by
    # its SHA-256, travels in chunks of its own (sync.protocol, "Attachments"). `record_collection`
    # makes it a derived record: it inherits the protection of the record it belongs to.
    "attachments": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("record_collection", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Belongs to"), required=True,
          choices=ATTACHABLE),
        F("record_id", T.REF, QT_TRANSLATE_NOOP("Field", "Belongs to"), required=True),
        F("sha256", T.TEXT, QT_TRANSLATE_NOOP("Field", "Content"), required=True, max_len=64),
        F("size", T.INT, QT_TRANSLATE_NOOP("Field", "Size"), required=True, minimum=1, maximum=2**40),
        F("media_type", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Kind of file"), required=True,
          choices=ATTACHMENT_TYPES),
        F("doc_type", T.ENUM, QT_TRANSLATE_NOOP("Field", "Document type"), required=True, enum="attachment_types"),
        F("caption", T.TEXT, QT_TRANSLATE_NOOP("Field", "Caption"), max_len=300),
        F("width", T.INT, QT_TRANSLATE_NOOP("Field", "Width"), minimum=1, maximum=100000),
        F("height", T.INT, QT_TRANSLATE_NOOP("Field", "Height"), minimum=1, maximum=100000),
        F("pages", T.INT, QT_TRANSLATE_NOOP("Field", "Pages"), minimum=1, maximum=100000),
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
    # Child safety (issue 14; rules in casework/safety.py, sources in resources/enums/safety_levels.json,
    # notice_recipients.json, dv_risk_levels.json, violence_forms.json). The assessment of a child's
    # safety level (CMU resolution No. 585 of 01.06.2020; ЄІССС act ACT_DOC_1000_R1): its checklists are
    # form answers (resources/forms/safety_assessment.json), its conclusion core fields.
    "safety_assessments": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("child_id", T.REF, QT_TRANSLATE_NOOP("Field", "Child"), required=True),
        F("visit_id", T.REF, QT_TRANSLATE_NOOP("Field", "Visit")),
        F("identified_at", T.DATETIME, QT_TRANSLATE_NOOP("Field", "Concern identified at"), required=True),
        F("assessed_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date of the assessment"), required=True, not_future=True),
        F("safety_level", T.ENUM, QT_TRANSLATE_NOOP("Field", "Level of the child's safety"), required=True,
          enum="safety_levels"),
        F("immediate_measures", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Immediate measures taken"), max_len=20000),
        F("decision", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Decision and work to be done"), max_len=20000),
        F("form_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Form"), max_len=100),
        F("form_version", T.INT, QT_TRANSLATE_NOOP("Field", "Form version"), minimum=1),
    ),
    # A statutory notice (CMU resolution No. 658 of 22.08.2018: within a day of identification).
    "safety_notices": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("concern_id", T.REF, QT_TRANSLATE_NOOP("Field", "Concern"), required=True),
        F("recipient", T.ENUM, QT_TRANSLATE_NOOP("Field", "Who was informed"), required=True, enum="notice_recipients"),
        F("notified_at", T.DATETIME, QT_TRANSLATE_NOOP("Field", "Informed at"), required=True),
        F("channel", T.ENUM, QT_TRANSLATE_NOOP("Field", "How"), required=True, enum="notice_channels"),
        F("notified_by", T.TEXT, QT_TRANSLATE_NOOP("Field", "Informed by"), required=True, max_len=300),
        F("received_by", T.TEXT, QT_TRANSLATE_NOOP("Field", "Received by"), max_len=300),
        F("reference", T.TEXT, QT_TRANSLATE_NOOP("Field", "Registration number"), max_len=100),
        F("answer", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "The answer"), max_len=20000),
        F("answer_at", T.DATETIME, QT_TRANSLATE_NOOP("Field", "Answered at")),
    ),
    # Protected (sync.protocol.PROTECTED_COLLECTIONS): the risk assessment of domestic violence
    # (joint order MIA/MSP No. 369/180 of 13.03.2019); the questionnaire's answers are form answers.
    "dv_risk_assessments": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("person_id", T.REF, QT_TRANSLATE_NOOP("Field", "The person at risk"), required=True),
        F("concern_id", T.REF, QT_TRANSLATE_NOOP("Field", "Concern")),
        F("assessed_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date of the assessment"), required=True, not_future=True),
        F("risk_level", T.ENUM, QT_TRANSLATE_NOOP("Field", "Level of risk"), required=True, enum="dv_risk_levels"),
        F("assessed_by", T.TEXT, QT_TRANSLATE_NOOP("Field", "Assessed by"), max_len=300),
        F("notes", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Notes"), max_len=20000),
        F("form_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Form"), max_len=100),
        F("form_version", T.INT, QT_TRANSLATE_NOOP("Field", "Form version"), minimum=1),
    ),
    # Protected: violence incident data of the kind the GBVIMS incident recorder holds.
    "violence_incidents": (
        F("household_id", T.REF, QT_TRANSLATE_NOOP("Field", "Family"), required=True),
        F("person_id", T.REF, QT_TRANSLATE_NOOP("Field", "Survivor"), required=True),
        F("concern_id", T.REF, QT_TRANSLATE_NOOP("Field", "Concern")),
        F("violence_forms", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Form of violence"), required=True, enum="violence_forms"),
        F("incident_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date of the incident"), not_future=True),
        F("reported_on", T.DATE, QT_TRANSLATE_NOOP("Field", "Date first reported"), required=True, not_future=True),
        F("perpetrator_relationship", T.ENUM, QT_TRANSLATE_NOOP("Field", "Perpetrator's relationship"),
          enum="perpetrator_relationships"),
        F("perpetrator_sex", T.ENUM, QT_TRANSLATE_NOOP("Field", "Perpetrator's sex"), enum="sexes"),
        F("perpetrator_age_group", T.ENUM, QT_TRANSLATE_NOOP("Field", "Perpetrator's age group"), enum="age_groups"),
        F("previous_incidents", T.CHOICE, QT_TRANSLATE_NOOP("Field", "Previous incidents"), choices=("yes", "no", "unknown")),
        F("protection_order", T.ENUM, QT_TRANSLATE_NOOP("Field", "Protection order"), enum="protection_orders"),
        F("services_offered", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Services offered"), enum="incident_services"),
        F("services_accepted", T.ENUMS, QT_TRANSLATE_NOOP("Field", "Services accepted"), enum="incident_services"),
        F("consent_to_share", T.BOOL, QT_TRANSLATE_NOOP("Field", "Consent to share the data"), required=True),
        F("notes", T.LONGTEXT, QT_TRANSLATE_NOOP("Field", "Notes"), max_len=20000),
        F("form_id", T.TEXT, QT_TRANSLATE_NOOP("Field", "Form"), max_len=100),
        F("form_version", T.INT, QT_TRANSLATE_NOOP("Field", "Form version"), minimum=1),
    ),
}
