"""When each step of a case is due, as the law counts it: one set of pure functions for the
planner, the family file, the report and the server.

Input is plain records (flat dicts, as the store and the server keep them); deleted records
(tombstones) are never considered. The rules are in docs/case-model.md ("Deadlines"):

* needs assessment: 5 working days from receipt of the application, appeal or notice
  (`received_on`; the Law "On Social Services", art. 20 part 2), falling back to
  `identified_on` for records that lack it;
* a plan action: its `due` date, or the `postponed_to` of its newest update; none once done
  or cancelled;
* a referral's follow-up: `follow_up_on` until the referral is completed or refused;
* a closed family's follow-up: `follow_up_on` until `follow_up_done_on` is set.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from casework.dates import day_of
from casework.schemas import ACTION_FINISHED, SUPPORT_TERM_MONTHS

# The Law "On Social Services" (No. 2671-VIII), art. 20 part 2: the needs assessment is done
# within five working days of receiving the application, appeal or notice.
ASSESSMENT_WORKING_DAYS = 5
# An action with no update has this status (docs/case-model.md).
INITIAL_ACTION_STATUS = "planned"
# Referral statuses after which there is nothing left to follow up.
REFERRAL_FINISHED = ("completed", "refused")

Record = Mapping[str, Any]


def _live(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if not r.get("deleted")]


def add_working_days(day: dt.date, n: int) -> dt.date:
    """`day` plus `n` working days (Monday to Friday).

    Public holidays are not skipped: under martial law they are working days.
    """
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus `months` calendar months, clamped to the month's last day (31 Aug + 6 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has at least 28 days")  # pragma: no cover


def assessment_start(household: Record) -> dt.date | None:
    """The day the assessment's deadline counts from: `received_on`, else `identified_on`."""
    return day_of(household.get("received_on")) or day_of(household.get("identified_on"))


def assessment_due(household: Record) -> dt.date | None:
    """The last day for the family's needs assessment (5 working days from receipt), or None without dates."""
    start = assessment_start(household)
    return None if start is None else add_working_days(start, ASSESSMENT_WORKING_DAYS)


def _plan_order(plan: Record) -> tuple[int, str, str]:
    version = plan.get("plan_version")
    return (version if isinstance(version, int) and not isinstance(version, bool) else 1,
            str(plan.get("drawn_up_on") or ""), str(plan.get("updated_at") or ""))


def current_plan(plans: Iterable[Record]) -> Record | None:
    """The family's current plan: the newest live plan that no live plan supersedes.

    `plans` are one family's plans. Newest is by `plan_version`, then `drawn_up_on`, then the
    record's `updated_at`. None when the family has no plan.
    """
    live = _live(plans)
    superseded = {p.get("supersedes_id") for p in live if p.get("supersedes_id")}
    candidates = [p for p in live if p.get("id") not in superseded]
    return max(candidates, key=_plan_order, default=None)


def _update_order(update: Record) -> tuple[str, str]:
    return (str(update.get("on") or ""), str(update.get("updated_at") or ""))


def latest_update(updates: Iterable[Record]) -> Record | None:
    """The newest of one action's status updates (by `on`, then `updated_at`), or None."""
    return max(_live(updates), key=_update_order, default=None)


def action_status(updates: Iterable[Record]) -> str:
    """One action's current status: that of its newest update; "planned" with no update."""
    newest = latest_update(updates)
    return INITIAL_ACTION_STATUS if newest is None else str(newest.get("status") or INITIAL_ACTION_STATUS)


def action_due(action: Record, updates: Iterable[Record]) -> dt.date | None:
    """When a plan action is due: the `postponed_to` of its newest update, else its `due`.

    None when the action is done or cancelled, or has no date.
    """
    newest = latest_update(updates)
    if newest is not None:
        if newest.get("status") in ACTION_FINISHED:
            return None
        postponed = day_of(newest.get("postponed_to"))
        if postponed is not None:
            return postponed
    return day_of(action.get("due"))


def updates_by_action(updates: Iterable[Record], plan_id: str | None = None) -> dict[str, list[Record]]:
    """Live action updates grouped by `action_id` (only those of `plan_id` when given).

    A revision keeps its actions' ids, so pass no `plan_id` to carry history across versions.
    """
    out: dict[str, list[Record]] = defaultdict(list)
    for u in _live(updates):
        if plan_id is None or u.get("plan_id") == plan_id:
            out[str(u.get("action_id"))].append(u)
    return dict(out)


def term_end(plan: Record) -> dt.date | None:
    """The last day of the plan's support term: the latest extension's end, else `term_until`,
    else six months from `term_from` (the state standard, order No. 318)."""
    ends = [day_of(e.get("until")) for e in plan.get("extensions") or [] if isinstance(e, Mapping)]
    extended = [d for d in ends if d is not None]
    if extended:
        return max(extended)
    until = day_of(plan.get("term_until"))
    if until is not None:
        return until
    start = day_of(plan.get("term_from"))
    return None if start is None else add_months(start, SUPPORT_TERM_MONTHS)


def referral_follow_up_due(referral: Record) -> dt.date | None:
    """The referral's follow-up date while it is still open (not completed or refused), else None."""
    if referral.get("deleted") or referral.get("status") in REFERRAL_FINISHED \
            or referral.get("outcome") == "completed":
        return None
    return day_of(referral.get("follow_up_on"))


def closure_follow_up_due(household: Record) -> dt.date | None:
    """A closed family's follow-up date while it is not done, else None.

    While this is not None the family stays on the laptop (docs/case-model.md, "Closure").
    """
    if household.get("deleted") or household.get("status") != "closed" \
            or household.get("follow_up_done_on"):
        return None
    return day_of(household.get("follow_up_on"))


def is_overdue(due: dt.date | None, today: dt.date) -> bool:
    """Whether a deadline has passed (the due day itself is not overdue)."""
    return due is not None and due < today
