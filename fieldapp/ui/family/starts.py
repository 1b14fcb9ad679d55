"""Forms opened from another record: a plan from an assessment, a referral or services from a
visit, a revision of an approved plan, the closure report from the plan and the services.

Each returns a `FormDialog` not shown yet (as `fieldapp.ui.forms.open_form` does), prefilled
with what the earlier record found; the person checks and changes it before saving.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from casework.enums import enumeration
from casework.forms import ROW_ID
from casework.ids import new_id
from fieldapp.store.errors import RecordNotFound
from fieldapp.ui.family import case
from fieldapp.ui.forms import FormDialog, open_form
from fieldapp.ui.forms.view import current_language

# The answers of a plan a revision carries over (the rest starts afresh: date, review, version).
_PLAN_KEPT = ("classification", "plan.circumstances", "goal_codes", "plan.goal_other", "goals", "actions",
              "plan.specialists", "term_from", "term_until", "extensions", "next_review_on")


def _record(store: Any, collection: str, record_id: str) -> dict[str, Any]:
    record = store.get(collection, record_id)
    if record is None or record["deleted"]:
        raise RecordNotFound(collection)
    return dict(record)


def latest_assessment(store: Any, household_id: str) -> dict[str, Any] | None:
    """The family's newest submitted or approved needs assessment, if any."""
    done = [a for a in store.records("assessments", household_id=household_id)
            if a.get("review_status") in ("submitted", "approved")]
    return max(done, key=lambda a: (a.get("started_on") or "", a["id"]), default=None)


def plan_answers_from_assessment(assessment: dict[str, Any], lang: str) -> dict[str, Any]:
    """A new plan's answers from the needs an assessment found: its circumstances, its
    classification, and an action for each service it found needed."""
    out: dict[str, Any] = {}
    if assessment.get("circumstances"):
        out["plan.circumstances"] = list(assessment["circumstances"])
    if assessment.get("classification"):
        out["classification"] = assessment["classification"]
    services = enumeration("services")
    actions = [{ROW_ID: new_id(), "text": services.label(code, lang) or code, "service": code}
               for code in assessment.get("services_needed") or []]
    if actions:
        out["actions"] = actions
    return out


def new_plan(parent: QWidget | None, store: Any, household_id: str, assessment_id: str | None = None, *,
             lang: str | None = None) -> FormDialog:
    """A new plan, prefilled from `assessment_id` (or the family's newest finished assessment)."""
    lang = lang or current_language()
    assessment = (_record(store, "assessments", assessment_id) if assessment_id
                  else latest_assessment(store, household_id))
    if assessment is None:
        return open_form(parent, store, "case_plan", household_id, lang=lang, fixed={"plan_version": 1})
    return open_form(parent, store, "case_plan", household_id, lang=lang,
                     prefill=plan_answers_from_assessment(assessment, lang),
                     fixed={"assessment_id": assessment["id"], "plan_version": 1})


def revise_plan(parent: QWidget | None, store: Any, plan_id: str, *, lang: str | None = None) -> FormDialog:
    """A new version of a plan: its answers copied (actions keep their ids), the old one kept."""
    old = _record(store, "plans", plan_id)
    prefill = {k: old[k] for k in _PLAN_KEPT if old.get(k) is not None}
    fixed = {"supersedes_id": old["id"], "plan_version": int(old.get("plan_version") or 1) + 1}
    if old.get("assessment_id"):
        fixed["assessment_id"] = old["assessment_id"]
    return open_form(parent, store, "case_plan", old["household_id"], lang=lang, prefill=prefill, fixed=fixed)


def referral_from_visit(parent: QWidget | None, store: Any, visit_id: str, *, lang: str | None = None) -> FormDialog:
    """A referral for a visit that answered "referral needed": where to, and the needs it found."""
    visit = _record(store, "visits", visit_id)
    prefill: dict[str, Any] = {"direction": "outgoing"}
    if visit.get("needs.referral_to"):
        prefill["agency"] = visit["needs.referral_to"]
    if visit.get("needs.found"):
        prefill["reason"] = visit["needs.found"]
    return open_form(parent, store, "referral", visit["household_id"], lang=lang, prefill=prefill,
                     fixed={"visit_id": visit_id})


def visit_services(visit: dict[str, Any], store: Any) -> list[dict[str, Any]]:
    """The services a visit lists that no service record made from that visit holds yet."""
    done = {s.get("service") for s in store.records("service_events", household_id=visit["household_id"])
            if s.get("visit_id") == visit["id"]}
    return [s for s in visit.get("services") or [] if isinstance(s, dict) and s.get("code") not in done]


def service_from_visit(parent: QWidget | None, store: Any, visit_id: str, *, lang: str | None = None) -> FormDialog:
    """A service delivered, from the first service the visit lists and no record holds yet."""
    visit = _record(store, "visits", visit_id)
    prefill: dict[str, Any] = {}
    day = str(visit.get("started_at") or "")[:10]
    if day:
        prefill["delivered_on"] = day
    if visit.get("place"):
        prefill["place"] = visit["place"]
    listed = visit_services(visit, store)
    if listed:
        first = listed[0]
        prefill["service"] = first.get("code")
        prefill["quantity"] = first.get("quantity", 1)
        if first.get("recipient_id"):
            prefill["recipients"] = [first["recipient_id"]]
    elif visit.get("members_present"):
        prefill["recipients"] = list(visit["members_present"])
    return open_form(parent, store, "service_event", visit["household_id"], lang=lang, prefill=prefill,
                     fixed={"visit_id": visit_id})


def closure_report(parent: QWidget | None, store: Any, household_id: str, *, lang: str | None = None) -> FormDialog:
    """The report on the results, prefilled with the current plan's goals and the services delivered."""
    household = _record(store, "households", household_id)
    if household.get("form.id") == "case_closure":  # a report begun before: it opens as it was
        return open_form(parent, store, "case_closure", household_id, lang=lang)
    prefill: dict[str, Any] = {}
    plan = case.current_plan(store, household_id)
    if plan and plan.get("goal_codes"):
        prefill["closure.goal_results"] = [{"goal": g} for g in plan["goal_codes"]]
    if plan and plan.get("classification"):
        prefill["closure.level"] = plan["classification"]
    if plan and plan.get("actions"):  # the result of each action, as its status says it, to write on from
        statuses = enumeration("action_statuses")
        lang = lang or current_language()
        prefill["closure.results"] = "\n".join(
            f"• {s.action.get('text', '')} — {statuses.label(s.status, lang)}" for s in case.action_states(store, plan))
    services = sorted({s["service"] for s in case.service_events(store, household_id) if s.get("service")})
    if services:
        prefill["closure.services"] = services
    return open_form(parent, store, "case_closure", household_id, lang=lang, prefill=prefill)
