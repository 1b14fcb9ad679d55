"""The family file's tables: its members, and the timeline of what was recorded, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.ui import text
from fieldapp.ui.icons import icon

Index = QModelIndex | QPersistentModelIndex

# The case cycle's records the timeline shows besides visits, assessments, plans and referrals:
# collection -> (the date it is listed by, the form that opens it).
_MORE = {"service_events": ("delivered_on", "service_event"), "consents": ("given_on", "consent"),
         "action_updates": ("on", "case_plan"), "protected": ("status_applied_on", "protected")}


@dataclass(frozen=True)
class CaseEntry(queries.TimelineEntry):
    """A timeline entry of any of the case's records; `opens` is the form and record it opens."""

    @property
    def form_id(self) -> str:
        if self.collection in _MORE:
            return _MORE[self.collection][1]
        return super().form_id

    @property
    def opens(self) -> tuple[str, str]:
        if self.collection == "action_updates":  # a change of an action's status opens its plan
            return "case_plan", str(self.record.get("plan_id", ""))
        return self.form_id, self.record_id


def _action_text(store: Store, update: dict[str, Any]) -> str:
    plan = store.get("plans", str(update.get("plan_id", ""))) or {}
    action = next((a for a in plan.get("actions") or [] if a.get("id") == update.get("action_id")), {})
    return str(action.get("text", ""))


def family_timeline(store: Store, household_id: str, *, protected: bool = False) -> list[CaseEntry]:
    """Everything recorded for the family, newest first; protected details only when allowed."""
    entries = [CaseEntry(e.collection, e.record_id, e.when, e.record) for e in queries.timeline(store, household_id)]
    for collection, (when, _form) in _MORE.items():
        if collection == "protected" and not protected:
            continue
        for r in store.records(collection, household_id=household_id):
            if collection == "action_updates":  # the entry says which action: its text is in the plan
                r = dict(r, action_text=_action_text(store, r))
            entries.append(CaseEntry(collection, r["id"], str(r.get(when) or r.get("updated_at") or ""), r))
    return sorted(entries, key=lambda e: (e.when, e.record_id), reverse=True)
ALERT = QColor("#b71c1c")
RecordRole = Qt.ItemDataRole.UserRole + 1


class MembersModel(QAbstractTableModel):
    """The family's members: name, role, date of birth, age (years and months for the small)."""

    COLUMNS = 5

    def __init__(self, members: list[dict[str, Any]], parent=None, today: dt.date | None = None):
        super().__init__(parent)
        self.members = members
        self.today = today or dt.date.today()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.COLUMNS:
            return (self.tr("Name"), self.tr("Role"), self.tr("Date of birth"), self.tr("Age"),
                    self.tr("Notes"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.members):
            return None
        p = self.members[index.row()]
        if role == RecordRole:
            return p["id"]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return text.person_name(p)
        if col == 1:
            return text.enum_label("person_roles", p.get("role"))
        if col == 2:
            return text.date(p.get("birth_date"))
        if col == 3:
            return text.age(p.get("birth_date"), self.today)
        if col == 4:
            notes = []
            if p.get("disability"):
                group = text.enum_label("disability_groups", p.get("disability_group"))
                notes.append(self.tr("disability") + (f" ({group})" if group else ""))
            if p.get("idp"):
                notes.append(self.tr("IDP"))
            if p.get("returned_from_institution"):
                notes.append(self.tr("returned from an institution %1").replace("%1", text.date(p.get("returned_on"))))
            if p.get("study_work"):
                notes.append(p["study_work"])
            return "; ".join(notes)
        return None


class TimelineModel(QAbstractTableModel):
    """Visits, assessments, plans and referrals, newest first; safety concerns stand out."""

    COLUMNS = 4

    def __init__(self, entries: list[queries.TimelineEntry], parent=None):
        super().__init__(parent)
        self.entries = entries

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < self.COLUMNS:
            return (self.tr("Date"), self.tr("Record"), self.tr("Summary"), self.tr("Review"))[section]
        return None

    def kind(self, e: queries.TimelineEntry) -> str:
        r = e.record
        if e.collection == "visits":
            return self.tr("Visit: %1").replace("%1", text.enum_label("visit_types", r.get("type")))
        if e.collection == "action_updates":
            return self.tr("Plan action: %1").replace("%1", text.enum_label("action_statuses", r.get("status")))
        if e.collection == "plans" and (r.get("plan_version") or 1) > 1:
            return self.tr("Case plan, version %1").replace("%1", str(r.get("plan_version")))
        return {"assessments": self.tr("Needs assessment"), "plans": self.tr("Case plan"),
                "referrals": self.tr("Referral"), "service_events": self.tr("Service delivered"),
                "consents": self.tr("Consent"), "protected": self.tr("Protected details")}[e.collection]

    def summary(self, e: queries.TimelineEntry) -> str:
        r = e.record
        if e.safety_concern:
            return self.tr("SAFETY CONCERN: %1").replace("%1", r.get("safety_details", ""))
        if e.collection == "visits":
            return r.get("notes", "")
        if e.collection == "assessments":
            return r.get("conclusion", "")
        if e.collection == "plans":
            return r.get("goals", "")
        if e.collection == "service_events":
            return text.enum_label("services", r.get("service")) + (f" × {r['quantity']}" if r.get("quantity") else "")
        if e.collection == "consents":
            line = text.enum_label("consent_purposes", r.get("purpose"))
            if r.get("withdrawn_on"):
                line += " " + self.tr("(withdrawn %1)").replace("%1", text.date(r["withdrawn_on"]))
            return line
        if e.collection == "action_updates":
            return " — ".join(x for x in (str(r.get("action_text", "")), str(r.get("note", ""))) if x)
        if e.collection == "protected":
            return self.tr("protected: %1").replace("%1", {"trafficking": self.tr("trafficking"),
                                                              "gbv": self.tr("violence")}.get(r.get("kind", ""), ""))
        status = {"sent": self.tr("sent"), "accepted": self.tr("accepted"), "refused": self.tr("refused"),
                  "completed": self.tr("completed")}.get(r.get("status", ""), "")
        return f"{r.get('agency', '')}: {r.get('reason', '')}" + (f" ({status})" if status else "")

    def review(self, e: queries.TimelineEntry) -> str:
        status = e.record.get("review_status")
        return {"draft": self.tr("not submitted"), "submitted": self.tr("submitted"), "approved": self.tr("approved"),
                "returned": self.tr("returned")}.get(status or "", "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        col = index.column()
        if role == RecordRole:
            return e
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return text.date(e.when)
            if col == 1:
                return self.kind(e)
            if col == 2:
                return " ".join(self.summary(e).split())[:200]
            return self.review(e)
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return self.summary(e)
        if e.safety_concern:
            if role == Qt.ItemDataRole.DecorationRole and col == 1:
                return icon("warning")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(ALERT)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None
