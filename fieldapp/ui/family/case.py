"""What the family file reads of a case: the current plan, its actions' status, services, referrals.

No Qt here: plain reads through the store's API (docs/case-model.md for the rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from casework import deadlines
from casework.schemas import ACTION_FINISHED
from fieldapp.store.database import Store


@dataclass(frozen=True)
class ActionState:
    """A plan action with its current status (the newest update; "planned" with none)."""

    plan_id: str
    action: dict[str, Any]
    status: str
    on: str | None
    postponed_to: str | None
    note: str

    @property
    def id(self) -> str:
        return str(self.action.get("id", ""))

    @property
    def finished(self) -> bool:
        return self.status in ACTION_FINISHED


def current_plan(store: Store, household_id: str) -> dict[str, Any] | None:
    """The newest plan that no other plan supersedes (casework.deadlines); None without a plan."""
    return deadlines.current_plan(store.records("plans", household_id=household_id))


def action_states(store: Store, plan: dict[str, Any]) -> list[ActionState]:
    """The plan's actions in its order, each with its newest status update (casework.deadlines' rule:
    by date, then creation), as Today counts them.

    Updates are looked up by action id across the family's plans, so a revision that kept an
    action keeps its history.
    """
    history = deadlines.updates_by_action(store.records("action_updates", household_id=plan["household_id"]))
    out = []
    for action in plan.get("actions") or []:
        u = deadlines.latest_update(history.get(str(action.get("id")), [])) or {}
        out.append(ActionState(plan["id"], action, u.get("status", deadlines.INITIAL_ACTION_STATUS), u.get("on"),
                               u.get("postponed_to"), u.get("note", "")))
    return out


def service_events(store: Store, household_id: str) -> list[dict[str, Any]]:
    """Services delivered to the family, newest first."""
    out = list(store.records("service_events", household_id=household_id))
    return sorted(out, key=lambda s: (s.get("delivered_on") or "", s["id"]), reverse=True)


def referrals(store: Store, household_id: str) -> list[dict[str, Any]]:
    """The family's referrals, newest first."""
    out = list(store.records("referrals", household_id=household_id))
    return sorted(out, key=lambda r: (r.get("referred_on") or "", r["id"]), reverse=True)


def protected_details(store: Store, household_id: str) -> list[dict[str, Any]]:
    """The protected records of the family this laptop holds (only those allowed get them by sync)."""
    return list(store.records("protected", household_id=household_id))
