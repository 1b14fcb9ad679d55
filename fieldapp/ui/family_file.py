"""A family's file: who lives there, their circumstances, consents, and what was recorded, newest first."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.ui import text
from fieldapp.ui.icons import icon

Index = QModelIndex | QPersistentModelIndex
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
        return {"assessments": self.tr("Needs assessment"), "plans": self.tr("Case plan"),
                "referrals": self.tr("Referral")}[e.collection]

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
        return f"{r.get('agency', '')}: {r.get('reason', '')}"

    def review(self, e: queries.TimelineEntry) -> str:
        status = e.record.get("review_status")
        return {"draft": self.tr("draft"), "submitted": self.tr("submitted"), "approved": self.tr("approved"),
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


def _section(title: str) -> QLabel:
    label = QLabel(title)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.1)
    label.setFont(font)
    return label


def _value(value: str) -> QLabel:
    label = QLabel(value or "—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FamilyFile(QWidget):
    """One family's file. Signals ask the window to open forms; `reload` after any change."""

    record_visit = Signal(str)  # household id
    start_assessment = Signal(str)
    edit_household = Signal(str)
    close_case = Signal(str)
    open_entry = Signal(str, str, str)  # household id, form id, record id

    def __init__(self, store: Store, household_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.household_id = household_id
        self.members_model = MembersModel([], self)
        self.timeline_model = TimelineModel([], self)

        self.title = QLabel()
        self.title.setObjectName("familyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.visit_button = QPushButton(self.tr("Record a visit"))
        self.visit_button.setObjectName("recordVisit")
        self.visit_button.setDefault(True)
        self.visit_button.clicked.connect(lambda: self.record_visit.emit(self.household_id))
        self.assess_button = QPushButton(self.tr("Start assessment"))
        self.assess_button.setObjectName("startAssessment")
        self.assess_button.clicked.connect(lambda: self.start_assessment.emit(self.household_id))
        self.edit_button = QPushButton(self.tr("Change the family…"))
        self.edit_button.setObjectName("editFamily")
        self.edit_button.clicked.connect(lambda: self.edit_household.emit(self.household_id))
        self.close_button = QPushButton(self.tr("Close the case…"))
        self.close_button.setObjectName("closeCase")
        self.close_button.clicked.connect(lambda: self.close_case.emit(self.household_id))

        self.safety = QFrame()
        self.safety.setObjectName("safetyBanner")
        self.safety.setStyleSheet("#safetyBanner { background: #fdecea; border: 2px solid #b71c1c; "
                                  "border-radius: 4px; } QLabel { color: #7f0000; }")
        banner = QHBoxLayout(self.safety)
        safety_icon = QLabel()
        safety_icon.setPixmap(icon("warning").pixmap(28, 28))
        self.safety_text = QLabel()
        self.safety_text.setObjectName("safetyText")
        self.safety_text.setWordWrap(True)
        banner.addWidget(safety_icon)
        banner.addWidget(self.safety_text, 1)

        self.members = QTableView()
        self.members.setObjectName("membersTable")
        self.members.setModel(self.members_model)
        self._table(self.members)
        self.members.setWordWrap(False)
        for col in range(4):
            self.members.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.details = QGridLayout()
        self.timeline = QTableView()
        self.timeline.setObjectName("timeline")
        self.timeline.setModel(self.timeline_model)
        self._table(self.timeline)
        self.timeline.setWordWrap(False)
        header = self.timeline.horizontalHeader()
        header.resizeSection(0, 95)
        header.resizeSection(1, 190)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(3, 110)
        self.timeline.doubleClicked.connect(lambda index: self._open_entry(index.row()))
        self.timeline.installEventFilter(self)
        self.timeline_empty = QLabel(self.tr("Nothing recorded yet. Start with “Record a visit”."))
        self.timeline_empty.setWordWrap(True)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(_section(self.tr("Members")))
        lv.addWidget(self.members, 2)
        lv.addLayout(self.details)
        lv.addStretch(1)
        left_scroll = QScrollArea()
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(_section(self.tr("Timeline")))
        rv.addWidget(self.timeline, 1)
        rv.addWidget(self.timeline_empty)

        split = QSplitter()
        split.addWidget(left_scroll)
        split.addWidget(right)
        split.setSizes([520, 700])

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        for button in (self.visit_button, self.assess_button, self.edit_button, self.close_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.safety)
        layout.addWidget(split, 1)
        self.reload()

    @staticmethod
    def _table(view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(26)
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)

    @property
    def family_name(self) -> str:
        return self.household.get("family_name", "")

    def reload(self) -> None:
        h = self.household = self.store.get("households", self.household_id) or {}
        closed = h.get("status") == "closed"
        self.title.setText(h.get("family_name", "") + (" " + self.tr("(case closed)") if closed else ""))
        where = text.place(h.get("settlement") or h.get("hromada"))
        phone = h.get("phone", "").replace(" ", "\u00a0")  # a number never breaks across lines
        parts = [self.tr("Case %1").replace("%1", h.get("case_number", "")), where, h.get("address", ""), phone]
        self.subtitle.setText(" · ".join(p for p in parts if p))
        self.close_button.setVisible(not closed)

        self.members_model.beginResetModel()
        self.members_model.members = queries.members(self.store, self.household_id)
        self.members_model.endResetModel()
        self.members.setMinimumHeight(min(8, len(self.members_model.members) + 1) * 26 + 24)

        entries = queries.timeline(self.store, self.household_id)
        self.timeline_model.beginResetModel()
        self.timeline_model.entries = entries
        self.timeline_model.endResetModel()
        self.timeline_empty.setVisible(not entries)

        concerns = [e for e in entries if e.safety_concern]
        if concerns:
            latest = concerns[0].record
            escalated = (self.tr("escalated to the supervisor") if latest.get("safety_escalated")
                         else self.tr("not yet escalated"))
            self.safety_text.setText(
                "<b>" + self.tr("Safety concern") + "</b> — "
                + self.tr("%n recorded, the latest on %1 (%2):", "", len(concerns))
                .replace("%1", text.date(concerns[0].when)).replace("%2", escalated)
                + " " + (latest.get("safety_details") or "")
            )
        self.safety.setVisible(bool(concerns))
        self._fill_details(h)

    def _fill_details(self, h: dict[str, Any]) -> None:
        while self.details.count():
            item = self.details.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        consents = queries.consents(self.store, self.household_id)
        people = {p["id"]: text.person_name(p) for p in self.members_model.members}
        factor_lines = [
            text.enum_label("circumstance_factors", f.get("code"))
            + (" (" + self.tr("since %1").replace("%1", text.date(f.get("identified_on"))) + ")"
               if f.get("identified_on") else "")
            for f in h.get("factors") or []
        ]
        consent_lines = []
        for c in consents:
            line = (text.enum_label("consent_purposes", c.get("purpose")) + " — "
                    + (people.get(c.get("person_id", "")) or c.get("given_by", "")) + ", "
                    + text.date(c.get("given_on")))
            if c.get("withdrawn_on"):
                line += " " + self.tr("(withdrawn %1)").replace("%1", text.date(c["withdrawn_on"]))
            consent_lines.append(line)
        idp = []
        if h.get("idp_certificate"):
            idp.append(self.tr("Certificate %1").replace("%1", h["idp_certificate"]))
        if h.get("idp_origin"):
            idp.append(self.tr("from %1").replace("%1", text.place(h["idp_origin"])))
        identified = text.date(h.get("identified_on"))
        how = text.enum_label("identification_ways", h.get("identified_how"))
        rows = [
            (self.tr("Categories"), text.enum_labels("household_categories", h.get("categories"))),
            (self.tr("Difficult circumstances"), "\n".join(factor_lines)),
            (self.tr("Identified"), ", ".join(x for x in (identified, how, h.get("reported_by", "")) if x)),
            (self.tr("Displacement (IDP)"), "; ".join(idp)),
            (self.tr("Consents"), "\n".join(consent_lines)),
            (self.tr("Notes"), h.get("notes", "")),
        ]
        for r, (label, value) in enumerate(rows):
            caption = QLabel(label)
            caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            f = caption.font()
            f.setBold(True)
            caption.setFont(f)
            self.details.addWidget(caption, r, 0)
            self.details.addWidget(_value(value), r, 1)
        self.details.setColumnStretch(1, 1)

    def _open_entry(self, row: int) -> None:
        if 0 <= row < len(self.timeline_model.entries):
            e = self.timeline_model.entries[row]
            self.open_entry.emit(self.household_id, e.form_id, e.record_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.timeline and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
                if self.timeline.currentIndex().isValid():
                    self._open_entry(self.timeline.currentIndex().row())
                    return True
        return super().eventFilter(watched, event)
