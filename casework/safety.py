"""Child safety: the concern, its assessment, and the clock of the statutory notices.

A **concern** is identified by a visit that marks `safety_concern`, or by a safety assessment
(`safety_assessments`) begun from the family file without a visit. The clock starts at that
moment: the visit's `started_at`, or the assessment's `identified_at`.

The procedure of interaction on domestic and gender-based violence (CMU resolution No. 658 of
22.08.2018, the duty of the specialist who identifies violence) asks that the police and the
children's service be informed within a day ("протягом доби"), and the centre of social services
(or the hromada's coordinator) with them; `REQUIRED_NOTICES` are those three. Each notice is a
`safety_notices` record: to whom, when, how, by whom, and the answer. A notice points at its
concern by `concern_id` (the visit, or the assessment that began it).

Pure: no clock read, no database. `now` is always passed in (an aware datetime).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from casework.dates import parse_date, parse_datetime
from casework.i18n import QT_TRANSLATE_NOOP, Message

# CMU resolution No. 658 of 22.08.2018: informed "within a day" of the identification.
NOTICE_HOURS = 24
# Who must be told, in the order the screens list them.
RECIPIENTS = ("children_service", "police", "centre")
REQUIRED_NOTICES = RECIPIENTS
# The level of a child's safety (CMU resolution No. 585 of 01.06.2020; the act of the safety
# assessment for service 012.0, ЄІССС ACT_DOC_1000_R1, section VI.1, codes VD/D/ND/S).
SAFETY_LEVELS = ("VD", "D", "ND", "S")
DANGER_LEVELS = ("VD", "D")
# The risk of domestic violence (joint order MIA/MSP No. 369/180 of 13.03.2019).
RISK_LEVELS = ("low", "medium", "high")

Record = Mapping[str, Any]


@dataclass(frozen=True)
class Clock:
    """One concern's notice clock: when it started, when the notices are due, who was told."""

    household_id: str
    concern_id: str  # the visit or the safety assessment that identified the concern
    concern_collection: str
    started_at: dt.datetime
    notified: Mapping[str, dt.datetime]  # recipient -> when told (the earliest notice)
    level: str | None = None  # the safety level the newest assessment concluded, if any
    assessment_id: str | None = None

    @property
    def due_at(self) -> dt.datetime:
        return self.started_at + dt.timedelta(hours=NOTICE_HOURS)

    @property
    def missing(self) -> tuple[str, ...]:
        """The required recipients not yet told, in `RECIPIENTS` order."""
        return tuple(r for r in REQUIRED_NOTICES if r not in self.notified)

    @property
    def complete(self) -> bool:
        return not self.missing

    def left(self, now: dt.datetime) -> dt.timedelta:
        """Time left until the notices are due (negative once the day has passed)."""
        return self.due_at - now

    def overdue(self, now: dt.datetime) -> bool:
        """The day has passed and a required notice is still missing."""
        return bool(self.missing) and now > self.due_at

    def late(self) -> tuple[str, ...]:
        """Recipients told, but after the day had passed."""
        return tuple(r for r in REQUIRED_NOTICES if r in self.notified and self.notified[r] > self.due_at)

    def on_time(self) -> bool:
        """Every required notice was given within the day."""
        return self.complete and not self.late()

    def response(self) -> dt.timedelta | None:
        """From identification to the last required notice; None while one is missing."""
        if not self.complete:
            return None
        return max(self.notified[r] for r in REQUIRED_NOTICES) - self.started_at


def _live(records: Iterable[Record]) -> list[Record]:
    return [r for r in records if not r.get("deleted")]


def concern_start(collection: str, record: Record) -> dt.datetime | None:
    """When a concern was identified: a concerned visit's start, an assessment's `identified_at`."""
    if collection == "visits":
        return parse_datetime(record.get("started_at")) if record.get("safety_concern") is True else None
    if collection == "safety_assessments" and not record.get("visit_id"):
        return parse_datetime(record.get("identified_at"))
    return None


def clocks(visits: Iterable[Record], assessments: Iterable[Record], notices: Iterable[Record]) -> list[Clock]:
    """Every concern's clock, oldest identification first.

    An assessment made from a visit belongs to that visit's concern; one begun without a visit
    is a concern of its own. A notice counts for the concern it names (`concern_id`), or for
    the concern of the assessment it names.
    """
    live_assessments = _live(assessments)
    roots: dict[str, tuple[str, Record, dt.datetime]] = {}
    for v in _live(visits):
        start = concern_start("visits", v)
        if start is not None:
            roots[str(v["id"])] = ("visits", v, start)
    root_of: dict[str, str] = {}
    for a in live_assessments:
        start = concern_start("safety_assessments", a)
        if start is not None:
            roots[str(a["id"])] = ("safety_assessments", a, start)
            root_of[str(a["id"])] = str(a["id"])
        elif a.get("visit_id") in roots:
            root_of[str(a["id"])] = str(a["visit_id"])
    told: dict[str, dict[str, dt.datetime]] = {}
    for n in _live(notices):
        concern = str(n.get("concern_id") or "")
        concern = root_of.get(concern, concern)
        when = parse_datetime(n.get("notified_at"))
        recipient = n.get("recipient")
        if concern in roots and when is not None and isinstance(recipient, str):
            mine = told.setdefault(concern, {})
            if recipient not in mine or when < mine[recipient]:
                mine[recipient] = when
    out = []
    for cid, (collection, record, start) in roots.items():
        mine_assessments = [a for a in live_assessments if root_of.get(str(a["id"])) == cid]
        newest = max(mine_assessments, key=lambda a: (str(a.get("assessed_on") or ""), str(a["id"])), default=None)
        out.append(Clock(str(record.get("household_id") or ""), cid, collection, start, told.get(cid, {}),
                         level=newest.get("safety_level") if newest else None,
                         assessment_id=str(newest["id"]) if newest else None))
    return sorted(out, key=lambda c: (c.started_at, c.concern_id))


# How long an unanswered concern stays on the lists of what is due (Today, the supervisor's concerns):
# older ones stay overdue in the family file and the report, but a list of every concern ever
# recorded before notices were records (older profiles) would bury the new ones. A working rule.
LISTED_DAYS = 30


def open_clocks(all_clocks: Iterable[Clock], now: dt.datetime | None = None) -> list[Clock]:
    """The clocks still waiting for a required notice; with `now`, only those identified in the
    last `LISTED_DAYS` (the ones the lists of what is due show)."""
    since = now - dt.timedelta(days=LISTED_DAYS) if now is not None else None
    return [c for c in all_clocks if not c.complete and (since is None or c.started_at >= since)]


def urgency(clock: Clock, now: dt.datetime) -> tuple[int, float]:
    """A sort key: overdue first, then running clocks by their deadline, then complete ones, newest first."""
    if clock.overdue(now):
        return (0, clock.due_at.timestamp())
    if not clock.complete:
        return (1, clock.due_at.timestamp())
    return (2, -clock.started_at.timestamp())


def cross_checks(collection: str, r: Record) -> list[tuple[str, Message]]:
    """The rules tying the safety records' fields together: (field, sentence) for each broken one."""
    out: list[tuple[str, Message]] = []
    if collection == "safety_notices":
        told, answered = parse_datetime(r.get("notified_at")), parse_datetime(r.get("answer_at"))
        if told and answered and answered < told:
            out.append(("answer_at", Message.of(QT_TRANSLATE_NOOP("Validation", "The answer cannot come before the notice."))))
    if collection == "violence_incidents":
        happened, reported = parse_date(r.get("incident_on")), parse_date(r.get("reported_on"))
        if happened and reported and reported < happened:
            out.append(("reported_on", Message.of(QT_TRANSLATE_NOOP(
                "Validation", "The incident cannot be reported before it happened."))))
        offered = set(r.get("services_offered") or [])
        if not set(r.get("services_accepted") or []) <= offered:
            out.append(("services_accepted", Message.of(QT_TRANSLATE_NOOP(
                "Validation", "A service can be accepted only if it was offered."))))
    return out
