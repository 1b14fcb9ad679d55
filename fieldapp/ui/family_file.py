"""A family's file: who lives there, their circumstances, and the case: the timeline, the plan with its
actions' status, referrals, services delivered, consents and (for those allowed) protected details.

Its models are in `fieldapp.ui.family.models`, its case sections in `fieldapp.ui.family.sections`;
the forms it opens with something filled in come from `fieldapp.ui.family.starts`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QEvent, QMetaMethod, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.papers import documents
from fieldapp.store import queries
from fieldapp.store.database import Store
from fieldapp.sync.device import enrolled_user
from fieldapp.ui import text, text_size
from fieldapp.ui.action_status import ActionRef, ActionStatusDialog
from fieldapp.ui.attachments.panel import AttachmentStrip
from fieldapp.ui.family import case, follow_ups, starts
from fieldapp.ui.family.drafts_note import DraftsNote
from fieldapp.ui.family.models import (
    CaseEntry,
    MembersModel,
    RecordRole,
    TimelineModel,
    family_timeline,
)
from fieldapp.ui.family.sections import PlanPanel, RecordList
from fieldapp.ui.family.withdraw import WithdrawConsentDialog
from fieldapp.ui.forms import open_form, restore_draft
from fieldapp.ui.icons import icon
from fieldapp.ui.papers_menu import PaperButton
from fieldapp.ui.safety.panel import SafetyPanel

__all__ = ["FamilyFile", "MembersModel", "RecordRole", "TimelineModel"]

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
    """One family's file. Signals ask the window to open forms; `reload` after any change.

    The case's own dialogs (plan, referral, service, consent, protected, action status, closure)
    are made here and handed to the window by `show_dialog`, which keeps them and refreshes
    the screens when they close; with nobody connected the file opens them itself.
    """

    record_visit = Signal(str)  # household id
    start_assessment = Signal(str)
    edit_household = Signal(str)
    close_case = Signal(str)  # kept for callers that open the closure themselves; the button uses show_dialog
    open_entry = Signal(str, str, str)  # household id, form id, record id
    show_dialog = Signal(object)  # a QDialog, not yet shown

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
        self.close_button.setToolTip(self.tr("The report on the results of support; the case closes when "
                                             "the supervisor approves it."))
        self.close_button.clicked.connect(lambda: self.open_case_form(starts.closure_report(self, self.store, self.household_id)))
        self.protected_access = bool(enrolled_user(store).get("protected_access"))
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addRecord")
        self.add_menu = QMenu(self.add_button)
        for name, label, act in (
            ("case_plan", self.tr("Plan of social support"), self._new_plan),
            ("referral", self.tr("Referral"), lambda: self._new("referral")),
            ("service_event", self.tr("Service delivered"), lambda: self._new("service_event")),
            ("consent", self.tr("Consent"), lambda: self._new("consent")),
            ("protected", self.tr("Protected details"), lambda: self._new("protected")),
        ):
            action = self.add_menu.addAction(label, act)
            action.setObjectName(f"add:{name}")
            action.setVisible(name != "protected" or self.protected_access)
        self.add_button.setMenu(self.add_menu)
        self.paper_button = PaperButton(store, {  # the family's paper file (Ctrl+P) and a blank visit form
            "family": lambda: documents.family_job(store, self.household_id),
            "blank": lambda: documents.blank_job(store, "home_visit", self.household_id)}, self)

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
        header.resizeSection(0, text_size.scaled(95))
        header.resizeSection(1, text_size.scaled(190))
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.resizeSection(3, text_size.scaled(110))
        self.timeline.doubleClicked.connect(lambda index: self._open_entry(index.row()))
        self.timeline.installEventFilter(self)
        self.timeline_empty = QLabel(self.tr("Nothing recorded yet. Start with “Record a visit”."))
        self.timeline_empty.setWordWrap(True)
        self.drafts_note = DraftsNote()  # forms begun and kept as drafts: continued, never begun twice
        self.drafts_note.continue_draft.connect(
            lambda did: self.open_case_form(restore_draft(self, self.store, did)))

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

        timeline_page = QWidget()
        rv = QVBoxLayout(timeline_page)
        rv.setContentsMargins(0, 4, 0, 0)
        rv.addWidget(self.timeline, 1)
        rv.addWidget(self.timeline_empty)
        self._case_sections()
        self.safety_panel = SafetyPanel(store, household_id, protected=self.protected_access)
        self.safety_panel.dialog.connect(self.open_case_form)
        self.safety_panel.open_entry.connect(lambda form, rid: self.open_entry.emit(self.household_id, form, rid))
        right = QTabWidget()
        right.setObjectName("caseSections")
        right.addTab(timeline_page, self.tr("Timeline"))
        right.addTab(self.plan_panel, self.tr("Plan"))
        right.addTab(self.referral_list, self.tr("Referrals"))
        right.addTab(self.service_list, self.tr("Services"))
        right.addTab(self.consent_list, self.tr("Consents"))
        right.addTab(self.safety_panel, self.tr("Safety"))
        if self.protected_access:
            right.addTab(self.protected_list, self.tr("Protected"))
        self.attachments = AttachmentStrip(store, household_id, "households", household_id, whole_family=True)
        right.addTab(self.attachments, self.tr("Attachments"))
        self.sections = right

        split = QSplitter()
        split.addWidget(left_scroll)
        split.addWidget(right)
        split.setSizes([520, 700])

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        top.addLayout(heading, 1)
        for button in (self.visit_button, self.assess_button, self.add_button, self.edit_button, self.paper_button,
                       self.close_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.safety)
        layout.addWidget(self.drafts_note)
        layout.addWidget(split, 1)
        self.reload()

    @staticmethod
    def _table(view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        text_size.fit_rows(view)  # rows grow with the text size (text_size.py)
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
        awaiting = h.get("form.id") == "case_closure" and h.get("review_status") == "submitted"
        self.close_button.setText(self.tr("Closure report: awaiting approval") if awaiting else self.tr("Close the case…"))

        self.members_model.beginResetModel()
        self.members_model.members = queries.members(self.store, self.household_id)
        self.members_model.endResetModel()
        self.members.setMinimumHeight(min(8, len(self.members_model.members) + 1) * 26 + 24)

        entries = family_timeline(self.store, self.household_id, protected=self.protected_access)
        self.timeline_model.beginResetModel()
        self.timeline_model.entries = entries
        self.timeline_model.endResetModel()
        self.drafts_note.show_for(self.store, self.household_id)
        self.timeline_empty.setVisible(not entries and not self.drafts_note.count)

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
        self.safety_panel.reload()
        if self.safety_panel.summary.isVisibleTo(self.safety_panel):  # the clock of the most urgent concern
            self.safety_text.setText(self.safety_text.text() + "<br><b>" + self.safety_panel.summary.text() + "</b>")
        self.safety.setVisible(bool(concerns) or bool(self.safety_panel.clocks))
        self._fill_details(h)
        self._fill_case(closed)

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
            form_id, record_id = e.opens if isinstance(e, CaseEntry) else (e.form_id, e.record_id)
            self.open_entry.emit(self.household_id, form_id, record_id)

    # -- the case's sections ----------------------------------------------------------------

    def _case_sections(self) -> None:
        self.plan_panel = PlanPanel()
        self.plan_panel.new_plan.connect(self._new_plan)
        self.plan_panel.open_plan.connect(lambda pid: self.open_entry.emit(self.household_id, "case_plan", pid))
        self.plan_panel.revise_plan.connect(lambda pid: self.open_case_form(starts.revise_plan(self, self.store, pid)))
        self.plan_panel.set_status.connect(self._set_status)
        self.referral_list = RecordList((self.tr("Date"), self.tr("Agency and reason"), self.tr("Status"),
                                         self.tr("Follow up")), "referrals", self.tr("No referrals yet."))
        self.service_list = RecordList((self.tr("Date"), self.tr("Service"), self.tr("Quantity"),
                                        self.tr("Who received it")), "services", self.tr("No services recorded yet."))
        self.consent_list = RecordList((self.tr("Date"), self.tr("Purpose and person"), self.tr("Valid until"),
                                        self.tr("Withdrawn")), "consents", self.tr("No consents recorded yet."))
        self.protected_list = RecordList((self.tr("Date"), self.tr("Person and kind"), self.tr("Decision"),
                                          self.tr("Lifted")), "protectedDetails", self.tr("No protected details."))
        for lst, form_id, add_label in (
            (self.referral_list, "referral", self.tr("New referral…")),
            (self.service_list, "service_event", self.tr("Record a service…")),
            (self.consent_list, "consent", self.tr("Record a consent…")),
            (self.protected_list, "protected", self.tr("Set protected details…")),
        ):
            lst.open_record.connect(lambda rid, f=form_id: self.open_entry.emit(self.household_id, f, rid))
            button = lst.add_button(QPushButton(add_label))
            button.setObjectName(f"new:{form_id}")
            button.clicked.connect(lambda _=False, f=form_id: self._new(f))
        self.withdraw_button = self.consent_list.add_button(QPushButton(self.tr("Withdraw…")))
        self.withdraw_button.setObjectName("withdrawConsent")
        self.withdraw_button.clicked.connect(self._withdraw)
        self.consents_by_id: dict[str, dict[str, Any]] = {}
        self.consent_list.table.itemSelectionChanged.connect(self._consent_selected)

    def _fill_case(self, closed: bool) -> None:
        today = dt.date.today().isoformat()
        plan = case.current_plan(self.store, self.household_id)
        self.plan_panel.show_plan(plan, case.action_states(self.store, plan) if plan else [], today)
        people = {p["id"]: text.person_name(p) for p in self.members_model.members}
        statuses = {"sent": self.tr("sent"), "accepted": self.tr("accepted"), "refused": self.tr("refused"),
                    "completed": self.tr("completed")}
        self.referral_list.set_rows([(r["id"], (
            text.date(r.get("referred_on")),
            (self.tr("from %1") if r.get("direction") == "incoming" else self.tr("to %1")).replace(
                "%1", r.get("agency", "")) + ": " + " ".join(str(r.get("reason", "")).split())[:120],
            " ".join(x for x in (statuses.get(r.get("status", ""), ""), text.date(r.get("status_on"))) if x),
            text.date(r.get("follow_up_on")))) for r in case.referrals(self.store, self.household_id)])
        self.service_list.set_rows([(s["id"], (
            text.date(s.get("delivered_on")), text.enum_label("services", s.get("service")), str(s.get("quantity") or ""),
            ", ".join(people.get(p, "") for p in s.get("recipients") or []))) for s in
            case.service_events(self.store, self.household_id)])
        consents = queries.consents(self.store, self.household_id)
        self.consents_by_id = {c["id"]: c for c in consents}
        self.consent_list.set_rows([(c["id"], (
            text.date(c.get("given_on")),
            text.enum_label("consent_purposes", c.get("purpose")) + " — " + (people.get(c.get("person_id", "")) or ""),
            text.date(c.get("expires_on")), text.date(c.get("withdrawn_on")))) for c in consents])
        self._consent_selected()
        if self.protected_access:
            decisions = {"pending": self.tr("pending"), "granted": self.tr("status granted"), "refused": self.tr("refused")}
            self.protected_list.set_rows([(p["id"], (
                text.date(p.get("status_applied_on")),
                (people.get(p.get("person_id", "")) or "") + " — "
                + {"trafficking": self.tr("trafficking"), "gbv": self.tr("violence")}.get(p.get("kind", ""), ""),
                decisions.get(p.get("decision", ""), ""), text.date(p.get("lifted_on"))))
                for p in case.protected_details(self.store, self.household_id)])
        for widget in (self.add_button, self.plan_panel.new_button):
            widget.setEnabled(not closed)

    def _consent_selected(self) -> None:
        c = self.consents_by_id.get(self.consent_list.selected_id() or "")
        self.withdraw_button.setEnabled(c is not None and not c.get("withdrawn_on"))

    def _show(self, dialog: QDialog) -> QDialog:
        dialog.finished.connect(lambda _r: self.reload())
        if self.isSignalConnected(QMetaMethod.fromSignal(self.show_dialog)):
            self.show_dialog.emit(dialog)
        else:
            dialog.open()
        return dialog

    def open_case_form(self, dialog: QDialog) -> QDialog:
        """Show a form of this family with its follow-ups wired (a visit offers its referral, ...)."""
        return self._show(follow_ups.wire(dialog, self.store, self._show, self))

    def _new(self, form_id: str) -> QDialog:
        return self.open_case_form(open_form(self, self.store, form_id, self.household_id))

    def _new_plan(self) -> QDialog:
        return self.open_case_form(starts.new_plan(self, self.store, self.household_id))

    def _set_status(self, state: case.ActionState) -> QDialog:
        ref = ActionRef(self.household_id, state.plan_id, state.id, str(state.action.get("text", "")))
        return self._show(ActionStatusDialog(self.store, ref, parent=self))

    def _withdraw(self) -> QDialog | None:
        c = self.consents_by_id.get(self.consent_list.selected_id() or "")
        return self._show(WithdrawConsentDialog(self.store, c, parent=self)) if c else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.timeline and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
                if self.timeline.currentIndex().isValid():
                    self._open_entry(self.timeline.currentIndex().row())
                    return True
        return super().eventFilter(watched, event)
