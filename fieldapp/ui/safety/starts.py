"""The safety forms opened with what is known: an assessment from the visit that raised the concern
(its time, the child seen, what was written), a notice for a concern and a recipient.

Each returns a `FormDialog` not shown yet, as `fieldapp.ui.forms.open_form` does.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from fieldapp.store import queries
from fieldapp.store.errors import RecordNotFound
from fieldapp.sync.device import enrolled_user
from fieldapp.ui.forms import FormDialog, open_form

# The protected safety forms: offered only to accounts with protected access.
PROTECTED_FORMS = ("dv_risk_assessment", "violence_incident")


def _record(store: Any, collection: str, record_id: str) -> dict[str, Any]:
    record = store.get(collection, record_id)
    if record is None or record["deleted"]:
        raise RecordNotFound(collection)
    return dict(record)


def assessment_answers_from_visit(visit: dict[str, Any], children: list[str]) -> dict[str, Any]:
    """A safety assessment's answers from a visit: when the concern was identified, the child (the
    first child seen, else the only child), and the visit's words about the concern."""
    out: dict[str, Any] = {}
    if visit.get("started_at"):
        out["identified_at"] = visit["started_at"]
    seen = [c for c in visit.get("children_seen") or [] if c in children]
    if seen:
        out["child_id"] = seen[0]
    elif len(children) == 1:
        out["child_id"] = children[0]
    if visit.get("safety_details"):
        out["state.other"] = visit["safety_details"]
    return out


def _children(store: Any, household_id: str) -> list[str]:
    return [p["id"] for p in queries.members(store, household_id) if p.get("role") == "child"]


def assessment_from_visit(parent: QWidget | None, store: Any, visit_id: str, *, lang: str | None = None) -> FormDialog:
    """The safety assessment of the concern a visit raised, prefilled from the visit."""
    visit = _record(store, "visits", visit_id)
    prefill = assessment_answers_from_visit(visit, _children(store, visit["household_id"]))
    return open_form(parent, store, "safety_assessment", visit["household_id"], lang=lang, prefill=prefill,
                     fixed={"visit_id": visit_id})


def new_assessment(parent: QWidget | None, store: Any, household_id: str, *, lang: str | None = None) -> FormDialog:
    """A safety assessment begun from the family file: a concern of its own, identified now."""
    children = _children(store, household_id)
    prefill = {"child_id": children[0]} if len(children) == 1 else {}
    return open_form(parent, store, "safety_assessment", household_id, lang=lang, prefill=prefill)


def new_notice(parent: QWidget | None, store: Any, household_id: str, concern_id: str,
               recipient: str | None = None, *, lang: str | None = None) -> FormDialog:
    """A statutory notice of the concern `concern_id` (a visit or a safety assessment)."""
    prefill: dict[str, Any] = {}
    if recipient:
        prefill["recipient"] = recipient
    user = enrolled_user(store)
    name = user.get("display_name") or user.get("username")
    if name:
        prefill["notified_by"] = str(name)
    return open_form(parent, store, "safety_notice", household_id, lang=lang, prefill=prefill,
                     fixed={"concern_id": concern_id})


def new_protected(parent: QWidget | None, store: Any, household_id: str, form_id: str,
                  concern_id: str | None = None, *, lang: str | None = None) -> FormDialog:
    """A risk assessment or incident record (protected): refused to an account without protected access."""
    if form_id not in PROTECTED_FORMS or not enrolled_user(store).get("protected_access"):
        raise PermissionError(form_id)
    return open_form(parent, store, form_id, household_id, lang=lang,
                     fixed={"concern_id": concern_id} if concern_id else None)
