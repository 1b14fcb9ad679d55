"""The indicators donors and hromadas ask for, computed from records: one piece of code for the
supervisor's laptop and the server.

Input is plain records (flat dicts, as the store and the server keep them),
grouped by collection; output is aggregates only — counts with their labels,
never a name, an address or an id. Small counts are suppressed on export
(`suppress`), so that a "1" in a small hromada cannot point at a family.

Definitions (domain.md, "Report indicators"), for a period [start, end]:

* families monitored: distinct households with at least one visit in the
  period; **children involved**: persons with the role "child", or under 18
  on the period's last day, who are members of those households — reported
  with the number of families they come from ("28 children from 19 families");
* persons of the monitored families by sex, age band (age on the last day),
  disability, IDP status and hromada;
* cases opened (identified in the period), active (not closed on the last
  day, identified by then), closed in the period by reason; assessments due
  in the period (identified in it) and done within 5 working days of receipt of the
  application (`received_on`, else `identified_on`; Monday to Friday; public holidays are not counted: under martial law they are working
  days); cases with a plan drawn up by the last day; referrals made in the
  period, and those of them completed;
* service events in the period (each `service_events` record, and each service line of a
  visit from before the case cycle) and their distinct recipients, by service code; plan
  actions done in the period (distinct actions with a "done" update); visits by type; safety concerns raised
  in visits of the period, and the median hours from the visit to its first
  review;
* counter-trafficking (restricted): persons with a protected record of kind
  "trafficking", by sex, age band and form of exploitation; status
  applications and grants in the period.

Deleted records (tombstones) never count.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from casework.dates import day_of
from casework.deadlines import ASSESSMENT_WORKING_DAYS as ASSESSMENT_WORKING_DAYS  # re-exported
from casework.deadlines import add_working_days as add_working_days  # re-exported
from casework.deadlines import assessment_due
from casework.i18n import QT_TRANSLATE_NOOP, Message

AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("0-4", 0, 4), ("5-11", 5, 11), ("12-17", 12, 17), ("18-59", 18, 59), ("60+", 60, 200),
)
UNKNOWN = "unknown"
DEFAULT_THRESHOLD = 5

Records = Mapping[str, Iterable[Mapping[str, Any]]]


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("a period ends after it starts")

    def contains(self, day: dt.date | None) -> bool:
        return day is not None and self.start <= day <= self.end


@dataclass
class Table:
    """One breakdown: a title, the names of its dimensions, and a count per combination of codes."""

    key: str
    title: Message
    dimensions: tuple[str, ...]
    counts: dict[tuple[str, ...], int] = field(default_factory=dict)
    # Each unit counts once, so the rows add up to a total the report shows (False for a family
    # counted under each of its categories, or a service's distinct recipients).
    additive: bool = True

    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Report:
    period: Period
    hromada: str | None
    project: str | None
    headline: dict[str, float | int | None]
    tables: list[Table]
    restricted: list[Table]  # counter-trafficking: only for those allowed protected records

    def table(self, key: str) -> Table:
        return next(t for t in self.tables + self.restricted if t.key == key)


HEADLINE_LABELS: dict[str, tuple[str, str]] = {
    "families_monitored": QT_TRANSLATE_NOOP("Report", "Families monitored"),
    "children_involved": QT_TRANSLATE_NOOP("Report", "Children involved"),
    "children_families": QT_TRANSLATE_NOOP("Report", "Families of those children"),
    "persons_in_monitored_families": QT_TRANSLATE_NOOP("Report", "Persons in the families monitored"),
    "cases_opened": QT_TRANSLATE_NOOP("Report", "Cases opened"),
    "cases_active": QT_TRANSLATE_NOOP("Report", "Cases active at the end of the period"),
    "cases_closed": QT_TRANSLATE_NOOP("Report", "Cases closed"),
    "assessments_due": QT_TRANSLATE_NOOP("Report", "Needs assessments due"),
    "assessments_on_time": QT_TRANSLATE_NOOP("Report", "Needs assessments done within 5 working days"),
    "cases_with_plan": QT_TRANSLATE_NOOP("Report", "Active cases with a plan"),
    "visits_due": QT_TRANSLATE_NOOP("Report", "Visits due in the period (the date the previous visit set)"),
    "visits_on_time": QT_TRANSLATE_NOOP("Report", "Visits due in the period and made by that date"),
    "referrals_made": QT_TRANSLATE_NOOP("Report", "Referrals made"),
    "referrals_completed": QT_TRANSLATE_NOOP("Report", "Referrals completed"),
    "plan_actions_done": QT_TRANSLATE_NOOP("Report", "Plan actions done"),
    "visits": QT_TRANSLATE_NOOP("Report", "Visits"),
    "safety_concerns": QT_TRANSLATE_NOOP("Report", "Safety concerns raised"),
    "safety_review_median_hours": QT_TRANSLATE_NOOP("Report", "Median hours until a safety concern was reviewed"),
    # Child safety (casework/reports/safety.py).
    "safety_concerns_identified": QT_TRANSLATE_NOOP("Report", "Child-safety concerns identified"),
    "safety_notices_on_time": QT_TRANSLATE_NOOP("Report", "Concerns with every statutory notice within a day"),
    "safety_response_median_hours": QT_TRANSLATE_NOOP("Report", "Median hours from identification to the last notice"),
}
# Headline figures that are not counts of people or cases, so never suppressed.
NOT_COUNTS = frozenset({"safety_review_median_hours", "safety_response_median_hours"})


def _datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def age_band(birth: Any, day: dt.date) -> str:
    born = day_of(birth)
    if born is None or born > day:
        return UNKNOWN
    age = age_on(born, day)
    return next((name for name, low, high in AGE_BANDS if low <= age <= high), UNKNOWN)


def _live(records: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [r for r in records if not r.get("deleted")]


def _yes_no(value: Any) -> str:
    """yes, no, or unknown when nothing was recorded (an unrecorded answer is not a "no")."""
    return "yes" if value is True else "no" if value is False else UNKNOWN


def band_order(code: str) -> int:
    """Age bands in their order (0-4 before 5-11), unknown last."""
    return next((i for i, (name, _low, _high) in enumerate(AGE_BANDS) if name == code), len(AGE_BANDS))


# The collections `compute` reads: the laptop and the server each load these and nothing else.
INPUT_COLLECTIONS: tuple[str, ...] = (
    "households", "persons", "visits", "assessments", "plans", "referrals", "reviews", "protected",
    "service_events", "action_updates",
    "safety_assessments", "safety_notices", "dv_risk_assessments", "violence_incidents",  # child safety
)


def compute(records: Records, period: Period, *, hromada: str | None = None,
            project: str | None = None) -> Report:
    """Every indicator for `period`, over the households of `hromada` and `project` when given."""
    households = {h["id"]: h for h in _live(records.get("households", ()))
                  if (hromada is None or h.get("hromada") == hromada)
                  and (project is None or h.get("project") == project)}

    def mine(collection: str) -> list[Mapping[str, Any]]:
        return [r for r in _live(records.get(collection, ())) if r.get("household_id") in households]

    persons, visits, assessments = mine("persons"), mine("visits"), mine("assessments")
    plans, referrals, reviews, protected = mine("plans"), mine("referrals"), mine("reviews"), mine("protected")
    service_events, action_updates = mine("service_events"), mine("action_updates")
    end = period.end

    visits_in = [v for v in visits if period.contains(day_of(v.get("started_at")))]
    monitored = {v["household_id"] for v in visits_in}
    members = [p for p in persons if p["household_id"] in monitored]

    def is_child(p: Mapping[str, Any]) -> bool:
        born = day_of(p.get("birth_date"))
        return p.get("role") == "child" or (born is not None and age_on(born, end) < 18)

    children = [p for p in members if is_child(p)]

    identified = {hid: day_of(h.get("identified_on")) for hid, h in households.items()}
    opened = [hid for hid, day in identified.items() if period.contains(day)]
    closed = [h for h in households.values() if h.get("status") == "closed"
              and period.contains(day_of(h.get("closed_on")))]
    active = [hid for hid, h in households.items()
              if (day := identified[hid]) is not None and day <= end
              and not (h.get("status") == "closed" and (day_of(h.get("closed_on")) or end) <= end)]
    done_by: dict[str, dt.date] = {}
    for a in assessments:
        finished = day_of(a.get("completed_on"))
        if finished and (a["household_id"] not in done_by or finished < done_by[a["household_id"]]):
            done_by[a["household_id"]] = finished
    on_time = []
    for hid in opened:
        due = assessment_due(households[hid])  # from receipt of the application (art. 20)
        if hid in done_by and due is not None and done_by[hid] <= due:
            on_time.append(hid)
    planned = {p["household_id"] for p in plans if (day_of(p.get("drawn_up_on")) or end) <= end}
    referrals_in = [r for r in referrals if period.contains(day_of(r.get("referred_on")))]

    concerns = [v for v in visits_in if v.get("safety_concern") is True]
    first_review: dict[str, dt.datetime] = {}
    for r in reviews:
        at = _datetime(r.get("reviewed_at"))
        if r.get("record_collection") == "visits" and at is not None:
            rid = str(r.get("record_id"))
            if rid not in first_review or at < first_review[rid]:
                first_review[rid] = at
    waits = []
    for v in concerns:
        started = _datetime(v.get("started_at"))
        if started is not None and v["id"] in first_review:
            waits.append((first_review[v["id"]] - started).total_seconds() / 3600)

    # A visit is due on the date the previous one set (next_visit_on, as Today counts it), and
    # on time when the family was visited again after it and by that date.
    days_of: dict[str, list[dt.date]] = defaultdict(list)
    for v in visits:
        if (day := day_of(v.get("started_at"))) is not None:
            days_of[v["household_id"]].append(day)
    visits_due = visits_on_time = 0
    for v in visits:
        set_on, due_on = day_of(v.get("started_at")), day_of(v.get("next_visit_on"))
        if set_on is None or due_on is None or not period.contains(due_on):
            continue
        visits_due += 1
        if any(set_on < d <= due_on for d in days_of[v["household_id"]]):
            visits_on_time += 1

    headline: dict[str, float | int | None] = {
        "families_monitored": len(monitored),
        "children_involved": len(children),
        "children_families": len({p["household_id"] for p in children}),
        "persons_in_monitored_families": len(members),
        "cases_opened": len(opened),
        "cases_active": len(active),
        "cases_closed": len(closed),
        "assessments_due": len(opened),
        "assessments_on_time": len(on_time),
        "cases_with_plan": len(set(active) & planned),
        "visits_due": visits_due,
        "visits_on_time": visits_on_time,
        "referrals_made": len(referrals_in),
        # Completed by its status (the case cycle) or, in older records, by its outcome.
        "referrals_completed": sum(1 for r in referrals_in
                                   if r.get("status") == "completed" or r.get("outcome") == "completed"),
        "plan_actions_done": len({(u.get("plan_id"), u.get("action_id")) for u in action_updates
                                  if u.get("status") == "done" and period.contains(day_of(u.get("on")))}),
        "visits": len(visits_in),
        "safety_concerns": len(concerns),
        "safety_review_median_hours": round(statistics.median(waits), 1) if waits else None,
    }

    def table(key: str, title: tuple[str, str], dims: tuple[str, ...], keys: Iterable[tuple[str, ...]]) -> Table:
        return Table(key, Message.of(title), dims, dict(Counter(keys)))

    home_of = {hid: h.get("hromada") or UNKNOWN for hid, h in households.items()}
    categories = Table("families_by_category", Message.of(QT_TRANSLATE_NOOP(
        "Report", "Families monitored by category (a family counts under each of its categories)")),
        ("category",), dict(Counter((str(c),) for hid in monitored
                                    for c in (households[hid].get("categories") or [UNKNOWN]))), additive=False)
    tables = [
        categories,
        table("persons_by_sex_age", QT_TRANSLATE_NOOP("Report", "Persons by sex and age"), ("sex", "age_band"),
              ((p.get("sex") or UNKNOWN, age_band(p.get("birth_date"), end)) for p in members)),
        table("persons_by_disability", QT_TRANSLATE_NOOP("Report", "Persons by disability"), ("disability",),
              ((_yes_no(p.get("disability")),) for p in members)),
        table("persons_by_idp", QT_TRANSLATE_NOOP("Report", "Persons by IDP status"), ("idp",),
              ((_yes_no(p.get("idp")),) for p in members)),
        table("persons_by_hromada", QT_TRANSLATE_NOOP("Report", "Persons by hromada"), ("hromada",),
              ((home_of[p["household_id"]],) for p in members)),
        table("children_by_sex_age", QT_TRANSLATE_NOOP("Report", "Children by sex and age"), ("sex", "age_band"),
              ((p.get("sex") or UNKNOWN, age_band(p.get("birth_date"), end)) for p in children)),
        table("children_by_disability", QT_TRANSLATE_NOOP("Report", "Children by disability"), ("disability",),
              ((_yes_no(p.get("disability")),) for p in children)),
        table("families_by_hromada", QT_TRANSLATE_NOOP("Report", "Families monitored by hromada"), ("hromada",),
              ((home_of[hid],) for hid in monitored)),
        table("children_by_hromada", QT_TRANSLATE_NOOP("Report", "Children by hromada"), ("hromada",),
              ((home_of[p["household_id"]],) for p in children)),
        table("referrals_by_service", QT_TRANSLATE_NOOP("Report", "Referrals by service"), ("service",),
              ((str(r.get("service") or UNKNOWN),) for r in referrals_in)),
        table("referrals_by_outcome", QT_TRANSLATE_NOOP("Report", "Referrals by outcome"), ("referral_outcome",),
              ((str(r.get("outcome") or r.get("status") or UNKNOWN),) for r in referrals_in)),
        table("closed_by_reason", QT_TRANSLATE_NOOP("Report", "Cases closed, by reason"), ("closure_reason",),
              ((h.get("closure_reason") or UNKNOWN,) for h in closed)),
        table("visits_by_type", QT_TRANSLATE_NOOP("Report", "Visits by type"), ("visit_type",),
              ((v.get("type") or UNKNOWN,) for v in visits_in)),
    ]
    events: Counter[str] = Counter()
    recipients: dict[str, set[str]] = defaultdict(set)
    for v in visits_in:
        for line in v.get("services") or []:
            if not isinstance(line, Mapping) or not line.get("code"):
                continue
            code = str(line["code"])
            events[code] += int(line.get("quantity") or 1)
            recipients[code].add(str(line.get("recipient_id") or v["household_id"]))
    # Services delivered as records of their own (service_events): each counts its quantity,
    # and each member who received it is a recipient.
    for e in service_events:
        if not period.contains(day_of(e.get("delivered_on"))) or not e.get("service"):
            continue
        code = str(e["service"])
        quantity = e.get("quantity")
        events[code] += quantity if isinstance(quantity, int) and not isinstance(quantity, bool) and quantity > 0 else 1
        who = [str(p) for p in e.get("recipients") or [] if p] or [str(e["household_id"])]
        recipients[code].update(who)
    tables.append(Table("service_events", Message.of(QT_TRANSLATE_NOOP("Report", "Service events by service")),
                        ("service",), {(code,): n for code, n in events.items()}))
    tables.append(Table("service_recipients",
                        Message.of(QT_TRANSLATE_NOOP("Report", "Distinct recipients by service")),
                        ("service",), {(code,): len(who) for code, who in recipients.items()}, additive=False))

    persons_by_id = {p["id"]: p for p in persons}
    trafficking = [r for r in protected if r.get("kind") == "trafficking"]
    victims = {r.get("person_id") for r in trafficking if r.get("person_id") in persons_by_id}
    restricted = [
        table("trafficking_by_sex_age", QT_TRANSLATE_NOOP("Report", "Persons identified as affected by trafficking, by sex and age"),
              ("sex", "age_band"),
              ((persons_by_id[pid].get("sex") or UNKNOWN, age_band(persons_by_id[pid].get("birth_date"), end))
               for pid in victims)),
        table("trafficking_by_form", QT_TRANSLATE_NOOP("Report", "Forms of exploitation"), ("exploitation_form",),
              ((form,) for r in trafficking for form in (r.get("exploitation_forms") or [UNKNOWN]))),
        Table("trafficking_status", Message.of(QT_TRANSLATE_NOOP("Report", "Victim status: applications and grants")),
              ("step",), {
                  ("applied",): sum(1 for r in trafficking if period.contains(day_of(r.get("status_applied_on")))),
                  ("granted",): sum(1 for r in trafficking if r.get("decision") == "granted"
                                    and period.contains(day_of(r.get("certificate_on")))),
              }),
    ]
    restricted[1].additive = restricted[2].additive = False  # several forms per person; two steps of one case
    from casework.reports import (
        safety as safety_figures,  # it builds on this module's Table and Period
    )

    headline.update(safety_figures.headline(mine, period))
    restricted += safety_figures.restricted(mine, period)
    return Report(period, hromada, project, headline, tables, restricted)


@dataclass(frozen=True)
class Cell:
    """A figure as exported: the number, or hidden because it is small enough to point at someone."""

    value: float | int | None
    suppressed: bool = False

    def text(self, threshold: int) -> str:
        if self.suppressed:
            return f"<{threshold}"
        return "—" if self.value is None else str(self.value)


def suppress(value: float | int | None, threshold: int, *, is_count: bool = True) -> Cell:
    """Hide counts from 1 to threshold-1 (0 is safe to show: it points at nobody)."""
    if is_count and isinstance(value, int) and 0 < value < threshold:
        return Cell(None, True)
    return Cell(value)
