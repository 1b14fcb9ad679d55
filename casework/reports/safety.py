"""The child-protection figures donors ask for: concerns identified, notices given on time, how long
until the last required notice; and (restricted: protected records) violence incidents by form and
risk assessments by level. Aggregates only, never a name or an id; small counts are hidden by the
report's one suppression rule (`casework.reports.indicators.suppress`, applied when labelling).

A concern counts in the period in which it was identified (`casework.safety.clocks`). "On time":
every required notice within the day (CMU resolution No. 658); the response time is from
identification to the last required notice, for the concerns whose notices are all given.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from casework import safety
from casework.dates import day_of
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.reports.indicators import UNKNOWN, Period, Table

# The collections these figures read (the report's loaders read them besides their own).
INPUT_COLLECTIONS: tuple[str, ...] = ("visits", "safety_assessments", "safety_notices",
                                      "dv_risk_assessments", "violence_incidents")
# Their labels are in `indicators.HEADLINE_LABELS` (the response time in its `NOT_COUNTS`).

Mine = Callable[[str], list[Mapping[str, Any]]]


def headline(mine: Mine, period: Period) -> dict[str, float | int | None]:
    """The safety figures of the report's summary, over the records `mine` gives (the report's families)."""
    clocks = [c for c in safety.clocks(mine("visits"), mine("safety_assessments"), mine("safety_notices"))
              if period.contains(c.started_at.date())]
    responses = [r.total_seconds() / 3600 for c in clocks if (r := c.response()) is not None]
    return {
        "safety_concerns_identified": len(clocks),
        "safety_notices_on_time": sum(1 for c in clocks if c.on_time()),
        "safety_response_median_hours": round(statistics.median(responses), 1) if responses else None,
    }


def _table(key: str, title: tuple[str, str], dims: tuple[str, ...], keys: Iterable[tuple[str, ...]]) -> Table:
    return Table(key, Message.of(title), dims, dict(Counter(keys)))


def restricted(mine: Mine, period: Period) -> list[Table]:
    """Tables of protected records (only for those allowed protected access): incidents reported in
    the period by form of violence, risk assessments of the period by level."""
    incidents = [r for r in mine("violence_incidents") if period.contains(day_of(r.get("reported_on")))]
    risks = [r for r in mine("dv_risk_assessments") if period.contains(day_of(r.get("assessed_on")))]
    return [
        _table("violence_by_form", QT_TRANSLATE_NOOP("Report", "Violence incidents reported, by form of violence"),
               ("violence_form",), ((form,) for r in incidents for form in (r.get("violence_forms") or [UNKNOWN]))),
        _table("dv_risk_by_level", QT_TRANSLATE_NOOP("Report", "Risk assessments of domestic violence, by level"),
               ("risk_level",), ((str(r.get("risk_level") or UNKNOWN),) for r in risks)),
    ]
