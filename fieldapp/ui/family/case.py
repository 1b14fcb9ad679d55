"""What the family file reads of a case: the current plan, its actions' status, services, referrals.

No Qt here: plain reads through the store's API (docs/case-model.md for the rules).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


def plans(store: Store, household_id: str) -> list[dict[str, Any]]:
    """The family's plans, newest version first."""
    out = list(store.records("plans", household_id=household_id))
    return sorted(out, key=lambda p: (p.get("plan_version") or 1, p.get("drawn_up_on") or "", p["id"]), reverse=True)


def current_plan(store: Store, household_id: str) -> dict[str, Any] | None:
    """The newest plan that no other plan supersedes (docs/case-model.md); None without a plan."""
    every = plans(store, household_id)
    superseded = {p.get("supersedes_id") for p in every}
    return next((p for p in every if p["id"] not in superseded), None)


def action_states(store: Store, plan: dict[str, Any]) -> list[ActionState]:
    """The plan's actions in its order, each with its newest status update (by date, then when written).

    Updates are looked up by action id across the family's plans, so a revision that kept an
    action keeps its history.
    """
    updates: dict[str, dict[str, Any]] = {}
    for u in store.records("action_updates", household_id=plan["household_id"]):
        key = (u.get("on") or "", u.get("updated_at") or "~", u["id"])  # unsynced ("~") is the newest
        aid = str(u.get("action_id"))
        best = updates.get(aid)
        if best is None or key > (best.get("on") or "", best.get("updated_at") or "~", best["id"]):
            updates[aid] = u
    out = []
    for action in plan.get("actions") or []:
        u = updates.get(str(action.get("id")))
        out.append(ActionState(plan["id"], action, (u or {}).get("status", "planned"), (u or {}).get("on"),
                               (u or {}).get("postponed_to"), (u or {}).get("note", "")))
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
