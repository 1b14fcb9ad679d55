"""Create or change a family and its members. Messages stand next to their field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casework import codifier
from casework import records as domain
from casework.ids import new_id
from fieldapp.store.database import Store, own_fields
from fieldapp.store.errors import StoreError
from fieldapp.ui import screen, text
from fieldapp.ui.fields import (
    ERROR_STYLE,
    DateEdit,
    EnumChecklist,
    EnumCombo,
    FieldForm,
    required_legend,
)
from fieldapp.ui.keys import EnterMovesOn
from fieldapp.ui.place_picker import ANY, HROMADA, SETTLEMENT, PlacePicker
from fieldapp.ui.typed import TypedGuard

# A stand-in family id for checking a new member before the family exists.
_PLACEHOLDER = "00000000-0000-7000-8000-000000000000"


class PersonDialog(QDialog):
    """One member of a family; `data` holds the member's fields once accepted."""

    def __init__(self, person: dict[str, Any] | None = None, parent=None,
                 others: list[tuple[str, str]] | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Family member"))
        self.data: dict[str, Any] = dict(person or {})
        self.others = [(pid, name) for pid, name in others or [] if pid != self.data.get("id")]
        form = self.form = FieldForm(collection="persons")
        self.role = form.add("role", text.field_label("persons", "role"), EnumCombo("person_roles"))
        self.surname = form.add("surname", text.field_label("persons", "surname"), QLineEdit())
        self.given_name = form.add("given_name", text.field_label("persons", "given_name"), QLineEdit())
        self.patronymic = form.add("patronymic", text.field_label("persons", "patronymic"), QLineEdit())
        self.birth_date = form.add("birth_date", text.field_label("persons", "birth_date"),
                                   DateEdit(kind="birth", name="birth_date"))
        self.sex = form.add("sex", text.field_label("persons", "sex"), EnumCombo("sexes"))
        self.disability = form.add("disability", text.field_label("persons", "disability"), QCheckBox())
        self.disability_group = form.add("disability_group", text.field_label("persons", "disability_group"),
                                         EnumCombo("disability_groups"))
        self.idp = form.add("idp", text.field_label("persons", "idp"), QCheckBox())
        self.study_work = form.add("study_work", text.field_label("persons", "study_work"), QLineEdit())
        self.phone = form.add("phone", text.field_label("persons", "phone"), QLineEdit())
        self.returned = form.add("returned_from_institution",
                                 text.field_label("persons", "returned_from_institution"), QCheckBox())
        self.returned_on = form.add("returned_on", text.field_label("persons", "returned_on"),
                                    DateEdit(kind="past", name="returned_on"))
        self._social_card_fields()
        for name in ("surname", "given_name", "patronymic"):
            getattr(self, name).setObjectName(name)
        self.role.setObjectName("role")

        p = self.data
        self.role.set_code(p.get("role"))
        self.surname.setText(p.get("surname", ""))
        self.given_name.setText(p.get("given_name", ""))
        self.patronymic.setText(p.get("patronymic", ""))
        self.birth_date.set_value(p.get("birth_date"))
        self.sex.set_code(p.get("sex"))
        self.disability.setChecked(bool(p.get("disability")))
        self.disability_group.set_code(p.get("disability_group"))
        self.idp.setChecked(bool(p.get("idp")))
        self.study_work.setText(p.get("study_work", ""))
        self.phone.setText(p.get("phone", ""))
        self.returned.setChecked(bool(p.get("returned_from_institution")))
        self.returned_on.set_value(p.get("returned_on"))

        self._load_social_card(p)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("ok")
        buttons.accepted.connect(self._submit)
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()  # the social card's fields beside the basic ones: the dialog fits 720 px
        columns.addLayout(form, 1)
        columns.addSpacing(16)
        columns.addLayout(self.card, 1)
        layout.addLayout(columns)
        layout.addWidget(required_legend())
        layout.addWidget(buttons)
        self.role.setFocus()  # the first field: typing starts at once
        EnterMovesOn(self, PersonDialog._submit)
        self.guard = TypedGuard(self)  # Esc or Cancel after typing asks before it is lost
        self.guard.mark()
        buttons.rejected.connect(self.guard.cancel)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "role": self.role.code(), "surname": self.surname.text().strip(),
            "given_name": self.given_name.text().strip(), "patronymic": self.patronymic.text().strip(),
            "birth_date": self.birth_date.value(), "sex": self.sex.code(),
            "disability": self.disability.isChecked() or None,
            "disability_group": self.disability_group.code(),
            "idp": self.idp.isChecked() or None, "study_work": self.study_work.text().strip(),
            "phone": self.phone.text().strip(),
            "returned_from_institution": self.returned.isChecked() or None,
            "returned_on": self.returned_on.value(),
            **self._social_card_values(),
        }
        # Empty means "not given": the record leaves the field out.
        return {k: v for k, v in out.items() if v not in ("", None)}

    # -- the social card's fields (order No. 1005: legal status, representative, documents, addresses)

    def _social_card_fields(self) -> None:
        card = self.card = FieldForm(collection="persons")
        f = "persons"
        self.subgroup_a = card.add("disability_subgroup_a", text.field_label(f, "disability_subgroup_a"), QCheckBox())
        self.legal_status = card.add("legal_status", text.field_label(f, "legal_status"),
                                     EnumCombo("child_legal_statuses"))
        self.representative_id = card.add("legal_representative_id", text.field_label(f, "legal_representative_id"),
                                          QComboBox())
        self.representative_id.addItem("", None)
        for pid, name in self.others:
            self.representative_id.addItem(name, pid)
        self.representative = card.add("legal_representative", text.field_label(f, "legal_representative"),
                                       QLineEdit())
        self.idp_certificate = card.add("idp_certificate", text.field_label(f, "idp_certificate"), QLineEdit())
        self.idp_certificate_on = card.add("idp_certificate_on", text.field_label(f, "idp_certificate_on"),
                                           DateEdit(kind="past", name="idp_certificate_on"))
        self.id_document_type = card.add("id_document_type", text.field_label(f, "id_document_type"),
                                         EnumCombo("id_document_types"))
        self.id_document_number = card.add("id_document_number", text.field_label(f, "id_document_number"),
                                           QLineEdit())
        self.registered_address = card.add("registered_address", text.field_label(f, "registered_address"),
                                           QLineEdit())
        self.actual_address = card.add("actual_address", text.field_label(f, "actual_address"), QLineEdit())
        for name in ("subgroup_a", "legal_status", "representative_id", "representative", "idp_certificate",
                     "idp_certificate_on", "id_document_type", "id_document_number", "registered_address",
                     "actual_address"):
            getattr(self, name).setObjectName(name)
        self.role.currentIndexChanged.connect(self._card_relevance)
        self.disability_group.currentIndexChanged.connect(self._card_relevance)
        self.idp.toggled.connect(self._card_relevance)

    def _load_social_card(self, p: dict[str, Any]) -> None:
        self.subgroup_a.setChecked(bool(p.get("disability_subgroup_a")))
        self.legal_status.set_code(p.get("legal_status"))
        at = self.representative_id.findData(p.get("legal_representative_id"))
        self.representative_id.setCurrentIndex(max(at, 0))
        self.representative.setText(p.get("legal_representative", ""))
        self.idp_certificate.setText(p.get("idp_certificate", ""))
        self.idp_certificate_on.set_value(p.get("idp_certificate_on"))
        self.id_document_type.set_code(p.get("id_document_type"))
        self.id_document_number.setText(p.get("id_document_number", ""))
        self.registered_address.setText(p.get("registered_address", ""))
        self.actual_address.setText(p.get("actual_address", ""))
        self._card_relevance()

    def _card_relevance(self) -> None:
        """A child's legal status for children only; subgroup A qualifies group I only; the IDP
        certificate (issued to each person, CMU resolution No. 509) for the displaced."""
        child = self.role.code() == "child"
        group_1 = self.disability_group.code() == "group_1"
        idp = self.idp.isChecked()
        for widget, shown in ((self.legal_status, child), (self.subgroup_a, group_1),
                              (self.idp_certificate, idp), (self.idp_certificate_on, idp)):
            self.card.setRowVisible(widget.parentWidget(), shown)  # the row's box (FieldForm.add)

    def _social_card_values(self) -> dict[str, Any]:
        child, idp = self.role.code() == "child", self.idp.isChecked()
        return {
            "disability_subgroup_a": (self.disability_group.code() == "group_1" and self.subgroup_a.isChecked()) or None,
            "legal_status": self.legal_status.code() if child else None,
            "legal_representative_id": self.representative_id.currentData(),
            "legal_representative": self.representative.text().strip(),
            "idp_certificate": self.idp_certificate.text().strip() if idp else None,
            "idp_certificate_on": self.idp_certificate_on.value() if idp else None,
            "id_document_type": self.id_document_type.code(),
            "id_document_number": self.id_document_number.text().strip(),
            "registered_address": self.registered_address.text().strip(),
            "actual_address": self.actual_address.text().strip(),
        }

    def _submit(self) -> None:
        values = self.values()
        problems = domain.validate("persons", {**values, "household_id": _PLACEHOLDER})
        self.card.show_problems(problems)
        if self.form.show_problems(problems):
            return
        if problems:
            return
        keep = {k: v for k, v in self.data.items() if k in ("id", "household_id")}
        self.data = {**keep, **values}
        self.accept()


class HouseholdDialog(QDialog):
    """A new family with its members (`household_id` None), or changes to one."""

    def __init__(self, store: Store, household_id: str | None = None, parent=None):
        super().__init__(parent)
        self.store = store
        self.household_id = household_id
        self.saved_id: str | None = None
        current = store.get("households", household_id) if household_id else None
        self.current = own_fields(current) if current else {}
        self.members: list[dict[str, Any]] = (
            [own_fields(p) | {"id": p["id"]} for p in store.records("persons", household_id=household_id)]
            if household_id else []
        )
        self._original_members = {m["id"]: dict(m) for m in self.members}
        self.setWindowTitle(self.tr("Change the family") if household_id else self.tr("New family"))
        screen.fit(self, 760, 720)  # Save and Cancel above a 720-px screen's taskbar

        form = self.form = FieldForm(collection="households")
        f = "households"
        self.family_name = form.add("family_name", text.field_label(f, "family_name"), QLineEdit())
        self.family_name.setObjectName("family_name")
        self.hromada = form.add("hromada", text.field_label(f, "hromada"), PlacePicker(HROMADA))
        self.hromada.setObjectName("hromada")
        self.settlement = form.add("settlement", text.field_label(f, "settlement"), PlacePicker(SETTLEMENT))
        self.settlement.setObjectName("settlement")
        self.hromada.code_changed.connect(self._hromada_chosen)
        self.settlement.code_changed.connect(self._settlement_chosen)
        self.address = form.add("address", text.field_label(f, "address"), QLineEdit())
        self.phone = form.add("phone", text.field_label(f, "phone"), QLineEdit())
        self.categories = form.add("categories", text.field_label(f, "categories"),
                                   EnumChecklist("household_categories", rows=5))
        self.factors = form.add("factors", text.field_label(f, "factors"),
                                EnumChecklist("circumstance_factors", rows=6))
        self.identified_on = form.add("identified_on", text.field_label(f, "identified_on"),
                                      DateEdit(kind="past", name="identified_on"))
        self.identified_how = form.add("identified_how", text.field_label(f, "identified_how"),
                                       EnumCombo("identification_ways"))
        self.reported_by = form.add("reported_by", text.field_label(f, "reported_by"), QLineEdit())
        self.idp_certificate = form.add("idp_certificate", text.field_label(f, "idp_certificate"), QLineEdit())
        self.idp_origin = form.add("idp_origin", text.field_label(f, "idp_origin"), PlacePicker(ANY))
        self.notes = form.add("notes", text.field_label(f, "notes"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)  # Tab goes on to Save, never a tab character in the notes
        self.notes.setFixedHeight(70)

        self.member_table = QTableWidget(0, 4)
        self.member_table.setObjectName("members")
        self.member_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Role"), self.tr("Date of birth"), self.tr("Age")])
        self.member_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            self.member_table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.member_table.verticalHeader().hide()
        self.member_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.member_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.member_table.setMinimumHeight(130)
        self.member_table.doubleClicked.connect(lambda i: self.edit_member(i.row()))
        self.add_member_button = QPushButton(self.tr("Add a member…"))
        self.add_member_button.setObjectName("addMember")
        self.add_member_button.clicked.connect(lambda: self.edit_member(None))
        self.members_error = QLabel()
        self.members_error.setStyleSheet(ERROR_STYLE)
        self.members_error.setWordWrap(True)
        self.members_error.hide()

        self.general_error = QLabel()
        self.general_error.setObjectName("error")
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addLayout(form)
        members_title = QLabel("<b>" + self.tr("Members of the family") + "</b>")
        inner.addWidget(members_title)
        inner.addWidget(self.member_table)
        row = QHBoxLayout()
        row.addWidget(self.add_member_button)
        row.addStretch(1)
        inner.addLayout(row)
        inner.addWidget(self.members_error)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("save")
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(required_legend())
        layout.addWidget(buttons)
        self._load()
        self.family_name.setFocus()  # the first field: typing starts at once
        EnterMovesOn(self, HouseholdDialog.save)
        self.guard = TypedGuard(self, changed=self._members_changed)  # Esc or Cancel after typing asks
        self.guard.mark()
        self._members_at_start = [dict(m) for m in self.members]
        buttons.rejected.connect(self.guard.cancel)

    def _members_changed(self) -> bool:
        # a member added, changed or removed is typing too, though the table's rows may number the same
        return self.members != self._members_at_start

    def _load(self) -> None:
        c = self.current
        self.family_name.setText(c.get("family_name", ""))
        self.hromada.set_code(c.get("hromada"))
        self.settlement.set_code(c.get("settlement"))
        self.address.setText(c.get("address", ""))
        self.phone.setText(c.get("phone", ""))
        self.categories.set_codes(c.get("categories") or [])
        self.factors.set_codes(f.get("code") for f in c.get("factors") or [])
        self.identified_on.set_value(c.get("identified_on") or self.identified_on.today())
        self.identified_how.set_code(c.get("identified_how"))
        self.reported_by.setText(c.get("reported_by", ""))
        self.idp_certificate.setText(c.get("idp_certificate", ""))
        self.idp_origin.set_code(c.get("idp_origin"))
        self.notes.setPlainText(c.get("notes", ""))
        self._show_members()

    def _hromada_chosen(self, code: str) -> None:
        self.settlement.set_within(code or None)
        if code and self.settlement.code() and not self.settlement.code().startswith(code[:4]):
            self.settlement.set_code(None)

    def _settlement_chosen(self, code: str) -> None:
        if code and not self.hromada.code():
            hromada = next((u.code for u in codifier.path(code) if u.level == 3), None)
            if hromada:
                self.hromada.set_code(hromada)

    # -- members ----------------------------------------------------------------------------

    def _show_members(self) -> None:
        self.member_table.setRowCount(len(self.members))
        for row, m in enumerate(self.members):
            cells = (text.person_name(m), text.enum_label("person_roles", m.get("role")),
                     text.date(m.get("birth_date")), text.age(m.get("birth_date")))
            for col, value in enumerate(cells):
                self.member_table.setItem(row, col, QTableWidgetItem(value))

    def edit_member(self, row: int | None) -> PersonDialog:
        """Open the member dialog (non-blocking); the member is added or changed when accepted."""
        person = self.members[row] if row is not None else {"surname": self.family_name.text().strip()}
        others = [(m["id"], text.person_name(m)) for m in self.members if m.get("id")]
        dialog = PersonDialog(person, self, others=others)

        def accepted() -> None:
            if row is None:
                self.members.append(dialog.data)
            else:
                self.members[row] = dialog.data
            self.members_error.hide()
            self._show_members()

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    # -- saving -----------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        identified = self.identified_on.value()
        old_factors = {f.get("code"): f for f in self.current.get("factors") or []}
        factors = [old_factors.get(code) or {"code": code, "identified_on": self.identified_on.iso()}
                   for code in self.factors.codes()]
        factors = [{k: v for k, v in f.items() if v is not None} for f in factors]
        out: dict[str, Any] = {
            "family_name": self.family_name.text().strip(), "hromada": self.hromada.code(),
            "settlement": self.settlement.code(), "address": self.address.text().strip(),
            "phone": self.phone.text().strip(), "categories": self.categories.codes(),
            "factors": factors, "identified_on": identified,
            "identified_how": self.identified_how.code(), "reported_by": self.reported_by.text().strip(),
            "idp_certificate": self.idp_certificate.text().strip(), "idp_origin": self.idp_origin.code(),
            "notes": self.notes.toPlainText().strip(),
        }
        if self.household_id:  # emptied fields are removed from the record
            return {k: (v if v not in ("", []) else None) for k, v in out.items()}
        return {k: v for k, v in out.items() if v not in ("", None, [])}

    def save(self) -> bool:
        values = self.values()
        before = {"case_number": "-", "status": "active", **self.current}
        check = {**before, **values}
        # An edit answers for what it changes: a code stored before the codifier rule stays until changed.
        problems = domain.new_problems("households", {k: v for k, v in before.items() if v is not None}
                                       if self.household_id else None,
                                       {k: v for k, v in check.items() if v is not None})
        unplaced = self.form.show_problems(problems)
        no_members = not self.members and not self.household_id
        self.members_error.setText(self.tr("Add at least one member of the family."))
        self.members_error.setVisible(no_members)
        if problems or no_members:
            self._general([text.message(p.message) for p in unplaced])
            return False
        members = [dict(m) for m in self.members]

        def write(tx: Any) -> str:
            if self.household_id:
                hid = self.household_id
                tx.update("households", hid, values)
            else:
                hid = tx.create("households", values, record_id=new_id())["id"]
            for m in members:
                fields = {k: v for k, v in m.items() if k != "id"} | {"household_id": hid}
                if m.get("id") in self._original_members:
                    old = self._original_members[m["id"]]
                    changes = {k: fields.get(k) for k in set(old) | set(fields) if k not in ("id",)}
                    tx.update("persons", m["id"], changes)
                else:
                    tx.create("persons", fields)
            return hid

        try:
            self.saved_id = self.store.write(write)
        except domain.InvalidRecord as exc:
            unplaced = self.form.show_problems(exc.problems) if exc.collection == "households" else exc.problems
            self._general([text.message(p.message) for p in unplaced])
            return False
        except StoreError as exc:
            self._general([text.message(exc.message)])
            return False
        self.accept()
        return True

    def _general(self, lines: list[str]) -> None:
        if lines:
            self.general_error.setText("\n".join(lines))
            self.general_error.show()
        else:
            self.general_error.hide()
