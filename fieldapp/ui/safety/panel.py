"""The family file's Safety tab: each concern's clock, the notices, the safety assessments, and
(for protected access only) the risk assessments and incident data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from casework import safety
from fieldapp.store import safety as safety_store
from fieldapp.store.database import Store
from fieldapp.ui import text
from fieldapp.ui.family.sections import RecordList
from fieldapp.ui.safety import starts, texts


class SafetyPanel(QWidget):
    """Emits `dialog(QDialog)` with a form to show, `open_entry(form id, record id)` to open a record."""

    dialog = Signal(object)
    open_entry = Signal(str, str)

    def __init__(self, store: Store, household_id: str, *, protected: bool,
                 now: Callable[[], dt.datetime] = texts.now, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.household_id, self.protected, self.now = store, household_id, protected, now
        self.clocks: list[safety.Clock] = []
        self.summary = QLabel()
        self.summary.setObjectName("safetyClock")
        self.summary.setWordWrap(True)
        self.clock_list = RecordList((self.tr("Identified"), self.tr("Level of safety"), self.tr("Notices")),
                                     "safetyClocks", self.tr("No safety concern recorded."))
        self.clock_list.open_record.connect(self._open_concern)
        self.clock_list.table.setWordWrap(True)  # the clock's sentence is read whole, never cut
        for col, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.ResizeToContents,
                                    QHeaderView.ResizeMode.Stretch)):
            self.clock_list.table.horizontalHeader().setSectionResizeMode(col, mode)
        assess = self.clock_list.add_button(QPushButton(self.tr("Assess the child's safety…")))
        assess.setObjectName("newSafetyAssessment")
        assess.clicked.connect(self._assess)
        self.notice_button = self.clock_list.add_button(QPushButton(self.tr("Record a notice…")))
        self.notice_button.setObjectName("newNotice")
        self.notice_button.clicked.connect(lambda: self.record_notice())
        self.notice_list = RecordList((self.tr("Informed at"), self.tr("Who was informed"), self.tr("How, by whom"),
                                       self.tr("The answer")), "safetyNotices", self.tr("No notices recorded."))
        self.notice_list.open_record.connect(lambda rid: self.open_entry.emit("safety_notice", rid))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.clock_list, 2)
        layout.addWidget(QLabel("<b>" + self.tr("Statutory notices") + "</b>"))
        layout.addWidget(self.notice_list, 2)
        self.protected_list: RecordList | None = None
        if protected:
            self.protected_list = RecordList((self.tr("Date"), self.tr("Record"), self.tr("Finding")),
                                             "safetyProtected", self.tr("No risk assessment or incident recorded."))
            self.protected_list.open_record.connect(self._open_protected)
            for form_id, label in (("dv_risk_assessment", self.tr("Risk of domestic violence…")),
                                   ("violence_incident", self.tr("Incident data…"))):
                button = self.protected_list.add_button(QPushButton(label))
                button.setObjectName(f"new:{form_id}")
                button.clicked.connect(lambda _=False, f=form_id: self._new_protected(f))
            layout.addWidget(QLabel("<b>" + self.tr("Protected: violence") + "</b>"))
            layout.addWidget(self.protected_list, 1)
        self.protected_ids: dict[str, str] = {}

    def reload(self) -> None:
        now = self.now()
        self.clocks = safety_store.clocks(self.store, self.household_id)
        order = sorted(self.clocks, key=lambda c: safety.urgency(c, now))
        self.clock_list.set_rows([(c.concern_id, (text.datetime(c.started_at.isoformat()), texts.level(c.level),
                                                  texts.clock_state(c, now))) for c in order],
                                 [texts.colour(c, now) for c in order])
        self.clock_list.ids = [c.concern_id for c in order]
        self.clocks = order
        urgent = order[0] if order and not order[0].complete else None
        self.summary.setText(texts.clock_state(urgent, now) if urgent else "")
        self.summary.setStyleSheet(f"color: {texts.colour(urgent, now).name()}; font-weight: bold;" if urgent else "")
        self.summary.setVisible(urgent is not None)
        self.notice_button.setEnabled(bool(order))
        self.notice_list.set_rows([(n["id"], (
            text.datetime(n.get("notified_at")), texts.recipients([n.get("recipient", "")]),
            ", ".join(x for x in (text.enum_label("notice_channels", n.get("channel")), n.get("notified_by", "")) if x),
            " ".join(str(n.get("answer") or "").split())[:120])) for n in safety_store.notices(self.store, self.household_id)])
        if self.protected_list is not None:
            self._fill_protected()

    def _fill_protected(self) -> None:
        rows: list[tuple[str, tuple[str, ...]]] = []
        colours: list[QColor | None] = []
        self.protected_ids = {}
        for r in self.store.records("dv_risk_assessments", household_id=self.household_id):
            self.protected_ids[r["id"]] = "dv_risk_assessment"
            rows.append((r["id"], (text.date(r.get("assessed_on")), self.tr("Risk of domestic violence"),
                                   text.enum_label("dv_risk_levels", r.get("risk_level")))))
            colours.append(texts.ALERT if r.get("risk_level") == "high" else None)
        for r in self.store.records("violence_incidents", household_id=self.household_id):
            self.protected_ids[r["id"]] = "violence_incident"
            rows.append((r["id"], (text.date(r.get("reported_on")), self.tr("Incident"),
                                   text.enum_labels("violence_forms", r.get("violence_forms")))))
            colours.append(None)
        assert self.protected_list is not None
        self.protected_list.set_rows(rows, colours)

    def selected_clock(self) -> safety.Clock | None:
        """The concern chosen in the list, else the most urgent one."""
        chosen = self.clock_list.selected_id()
        for c in self.clocks:
            if c.concern_id == chosen:
                return c
        return self.clocks[0] if self.clocks else None

    def record_notice(self, recipient: str | None = None) -> Any:
        clock = self.selected_clock()
        if clock is None:
            return None
        who = recipient or (clock.missing[0] if clock.missing else None)
        dialog = starts.new_notice(self, self.store, self.household_id, clock.concern_id, who)
        self.dialog.emit(dialog)
        return dialog

    def _assess(self) -> Any:
        clock = self.selected_clock()
        if clock is not None and clock.concern_collection == "visits" and clock.assessment_id is None:
            dialog = starts.assessment_from_visit(self, self.store, clock.concern_id)
        else:
            dialog = starts.new_assessment(self, self.store, self.household_id)
        self.dialog.emit(dialog)
        return dialog

    def _open_concern(self, concern_id: str) -> None:
        clock = next((c for c in self.clocks if c.concern_id == concern_id), None)
        if clock is None:
            return
        if clock.assessment_id:
            self.open_entry.emit("safety_assessment", clock.assessment_id)
        elif clock.concern_collection == "visits":
            self.open_entry.emit("home_visit", clock.concern_id)

    def _open_protected(self, record_id: str) -> None:
        form_id = self.protected_ids.get(record_id)
        if form_id:
            self.open_entry.emit(form_id, record_id)

    def _new_protected(self, form_id: str) -> Any:
        clock = self.selected_clock()
        dialog = starts.new_protected(self, self.store, self.household_id, form_id,
                                      clock.concern_id if clock else None)
        self.dialog.emit(dialog)
        return dialog
