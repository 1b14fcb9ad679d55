"""FormDialog: a form in a window, with Save draft / Submit / Cancel, that never loses typing.

While the dialog is open, what is typed is kept as a local draft in the
encrypted store (`Transaction.save_draft`, never synced): at the first idle
moment after each change (a burst of keys is one save), and at once when a
field is left or a choice made; a SIGKILL loses at most the keystroke being
handled (tests/test_desk_kill_typing.py).
Saving the record discards the draft in the same transaction. An error while
saving (a locked record, a full disk, a refused record) is shown as a
sentence and the dialog stays open with everything typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casework import forms, records
from casework.forms import FormDefinition
from casework.records import InvalidRecord, Problem
from fieldapp.store import authorship
from fieldapp.store.database import Draft, own_fields
from fieldapp.store.errors import StoreError
from fieldapp.ui import screen, text
from fieldapp.ui.attachments.record import AttachmentsButton
from fieldapp.ui.forms.editor_base import HINT_STYLE
from fieldapp.ui.forms.view import PROBLEM_STYLE, FormView, current_language
from fieldapp.ui.keys import EnterMovesOn

AUTOSAVE_MS = 1000  # a second's tick besides: a save the store refused is tried again


class FormDialog(QDialog):
    """A form for one household's record: new, saved before, or restored from a draft.

    After `exec()`, `outcome` says what happened: "submitted", "saved" (a
    draft record), "draft_kept" (kept as a local draft only: the record's own
    required fields were not all filled), or None (cancelled). `record` is
    the saved record. `draft_saved(draft_id)` fires after each draft save.
    """

    saved = Signal(dict)
    draft_saved = Signal(str)
    revise = Signal(str)  # an approved plan's id: the person asked for a new version of it
    write_own = Signal(str)  # a form's id: instead of another specialist's record, one's own

    def __init__(
        self,
        definition: FormDefinition,
        store: Any,
        household_id: str,
        record: dict[str, Any] | None = None,
        *,
        draft: Draft | None = None,
        lang: str | None = None,
        autosave_ms: int = AUTOSAVE_MS,
        prefill: dict[str, Any] | None = None,
        fixed: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.definition = definition
        self.store = store
        self.household_id = household_id
        self.record = record
        self.lang = lang or current_language()
        self.draft_id: str | None = draft.id if draft else None
        self.outcome: str | None = None
        self.confirm_discard: Callable[[], bool] = self._ask_discard
        self._dirty = False
        self._closed = False
        # Another specialist's visit, assessment or plan opens for reading (docs/case-model.md,
        # "Authorship"); so does an approved record.
        self.others = bool(record) and not authorship.may_change(
            store.read(), definition.record_collection, record or {})
        self.read_only = bool(record and record.get("review_status") == "approved") or self.others
        # Record fields no question asks (the visit a referral came from, the plan a revision
        # supersedes): written with the record, kept in the draft.
        self.fixed: dict[str, Any] = dict(draft.data.get("fixed") or {}) if draft else dict(fixed or {})
        answers = draft.data.get("answers") if draft else None
        from_card = set(draft.data.get("from_card") or []) if draft else set()
        if answers is None and (prefill or record is None):
            persons = list(store.records("persons", household_id=household_id))
            members = forms.members_of(persons)
            # A new record starts with what the family card knows (address, deadline, members,
            # a disability), marked as such and editable (casework/forms/prefill.py).
            card = {} if record is not None else forms.card_answers(
                definition, store.get("households", household_id), persons, members)
            answers = {**forms.initial_answers(definition, record, members), **card, **(prefill or {})}
            from_card = set(card) - set(prefill or {})
        self.view = FormView(definition, store, household_id, record, self.lang, answers=answers,
                             from_card=from_card)
        self.setObjectName(f"form:{definition.id}")
        self.setWindowTitle(definition.text("title", self.lang))
        self._layout(draft)
        self.view.changed.connect(self._changed)
        self.view.committed.connect(self._committed)
        self.timer = QTimer(self)
        self.timer.setInterval(autosave_ms)
        self.timer.timeout.connect(self._tick)
        self._soon = QTimer(self)  # the next idle moment of the event loop: a burst of keys is one save
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._tick)
        if not self.read_only:
            self.timer.start()
        else:
            self.view.set_read_only(True)
        self._fit_to_screen()
        # Enter moves to the next answer (never "add a specialist"); Ctrl+Enter submits.
        EnterMovesOn(self, None if self.read_only else lambda d: d.save(submit=True))

    # -- layout ----------------------------------------------------------------

    def _layout(self, draft: Draft | None) -> None:
        layout = QVBoxLayout(self)
        title = QLabel(self._heading())
        title.setObjectName("formTitle")
        title.setWordWrap(True)
        big = QFont(title.font())
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        title.setFont(big)
        layout.addWidget(title)
        if draft is not None:
            when = text.datetime(draft.updated_at)
            restored = QLabel(QCoreApplication.translate("FormDialog", "Restored from the draft kept at {time}: check it, then save or submit.").format(time=when))
            restored.setObjectName("restoredNote")
            restored.setWordWrap(True)
            restored.setStyleSheet("background: #e3f1ff; color: #0b3d66; padding: 6px; border-radius: 3px;")
            layout.addWidget(restored)
        if self.read_only:
            locked = QLabel(self._read_only_note())
            locked.setObjectName("othersNote" if self.others and not self._approved() else "lockedNote")
            locked.setWordWrap(True)
            layout.addWidget(locked)
        layout.addWidget(self.view, 1)
        self.status = QLabel()
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        legend = QLabel(QCoreApplication.translate("FormDialog", "* needed to submit") if self.definition.has_review
                        else QCoreApplication.translate("FormDialog", "* needed to save"))
        legend.setStyleSheet(HINT_STYLE)
        legend.setVisible(not self.read_only)  # nothing to fill in a record laid out for reading
        buttons.addWidget(legend)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(QCoreApplication.translate("FormDialog", "Close") if self.read_only else QCoreApplication.translate("FormDialog", "Cancel"))
        # "Draft" means one thing in the program: what is typed, kept on this laptop only. This button
        # saves a record that is not submitted yet (or, while the record's own fields are empty, the draft).
        self.draft_button = QPushButton(QCoreApplication.translate("FormDialog", "Save, submit later")
                                        if self.definition.has_review
                                        else QCoreApplication.translate("FormDialog", "Finish later"))
        self.submit_button = QPushButton(QCoreApplication.translate("FormDialog", "Submit") if self.definition.has_review else QCoreApplication.translate("FormDialog", "Save"))
        for name, button in (("cancel", self.cancel_button), ("saveDraft", self.draft_button),
                             ("submit", self.submit_button)):
            button.setObjectName(name)
            button.setAutoDefault(False)  # Enter in a field must never submit the form
            button.setDefault(False)
            buttons.addWidget(button)
        self.draft_button.setToolTip(QCoreApplication.translate("FormDialog", "Keep what is typed, gaps and all, and finish it later."))
        self._keep_on_close = False  # the person chose "Keep the draft" when closing
        self.cancel_button.clicked.connect(self.reject)
        self.draft_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        status = (self.record or {}).get("review_status")
        self.draft_button.setVisible(not self.read_only and status in (None, "draft", "returned"))
        self.submit_button.setVisible(not self.read_only)
        self.revise_button = QPushButton(QCoreApplication.translate("FormDialog", "Revise the plan…"))
        self.revise_button.setObjectName("revise")
        self.revise_button.setAutoDefault(False)
        self.revise_button.setToolTip(QCoreApplication.translate(
            "FormDialog", "Make a new version of the plan; this approved one is kept as it was."))
        self.revise_button.clicked.connect(self._revise)
        self.revise_button.setVisible(self._approved() and self.definition.record_collection == "plans")
        buttons.insertWidget(buttons.count() - 3, self.revise_button)
        self.write_own_button = QPushButton(QCoreApplication.translate("FormDialog", "Write your own…"))
        self.write_own_button.setObjectName("writeOwn")
        self.write_own_button.setAutoDefault(False)
        self.write_own_button.setToolTip(QCoreApplication.translate(
            "FormDialog", "A new record of yours for this family; this one stays as its author wrote it."))
        self.write_own_button.clicked.connect(self._write_own)
        self.write_own_button.setVisible(self.others and not self._approved())
        buttons.insertWidget(buttons.count() - 3, self.write_own_button)
        if self.record is not None:  # a saved record prints as saved (Ctrl+P)
            from fieldapp.ui.papers_menu import record_paper_button

            buttons.insertWidget(1, record_paper_button(self.store, self.definition.record_collection, self.record, self))
        self.attachments_button = AttachmentsButton(self.store, self.household_id, self.definition.record_collection,
                                                    self.record)
        buttons.insertWidget(1, self.attachments_button)
        layout.addLayout(buttons)

    def _revise(self) -> None:
        if self.record is not None:
            self._finish()
            self.revise.emit(self.record["id"])
            self.accept()

    def _approved(self) -> bool:
        return bool(self.record and self.record.get("review_status") == "approved")

    def _read_only_note(self) -> str:
        if self._approved():
            return QCoreApplication.translate("FormDialog", "Approved by the supervisor: this record is read only.")
        name = authorship.author_name(self.store.read(), self.record or {})
        if name:
            return QCoreApplication.translate(
                "FormDialog", "Record of specialist {name}: only its author or a supervisor can change it.").format(name=name)
        return QCoreApplication.translate(
            "FormDialog", "Another specialist's record: only its author or a supervisor can change it.")

    def _write_own(self) -> None:
        self._finish()
        self.write_own.emit(self.definition.id)
        self.accept()

    def _heading(self) -> str:
        title = self.definition.text("title", self.lang)
        family = self.store.get("households", self.household_id)
        if family and family.get("family_name"):
            return f"{title} — {family['family_name']} ({family.get('case_number', '')})"
        return title

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        if not getattr(self, "_focused", False) and not self.read_only:
            self._focused = True  # the first time only: typing starts in the first answer, not the sections
            first = self.view.first_field()
            if first is not None:
                first.setFocus(Qt.FocusReason.OtherFocusReason)
        super().showEvent(event)

    def _fit_to_screen(self) -> None:
        screen.fit(self, 1180, 820)

    # -- drafts ------------------------------------------------------------------

    def _changed(self) -> None:
        self._dirty = True
        if self.timer.isActive() and not self._closed:  # autosaving (tests stop `timer` to hold it)
            self._soon.start()

    def _committed(self) -> None:
        if self._dirty and not self._closed:
            self.save_draft_now()

    def _tick(self) -> None:
        if self._dirty and not self._closed:
            self.save_draft_now()

    def _record_id(self) -> str | None:
        if self.definition.record_collection == "households":
            return self.household_id
        return self.record["id"] if self.record else None

    def save_draft_now(self) -> bool:
        """Keep the answers as a local draft now; False (and a sentence shown) when the store refused."""
        data = {"form_id": self.definition.id, "form_version": self.definition.version,
                "answers": self.view.answers(), "fixed": self.fixed, "from_card": sorted(self.view.from_card)}
        kind, collection, rid = self.definition.id, self.definition.record_collection, self._record_id()
        try:
            self.draft_id = self.store.write(lambda tx: tx.save_draft(
                kind, data, draft_id=self.draft_id, record_collection=collection,
                record_id=rid, household_id=self.household_id))
        except StoreError as exc:
            self._show_status(QCoreApplication.translate("FormDialog", "What you typed could not be kept as a draft.") + " "
                              + exc.message.render(QCoreApplication.translate), error=True)
            return False
        except RuntimeError:  # the store was closed under the dialog (quitting): the last draft stands
            self.timer.stop()
            return False
        self._dirty = False
        self._show_status(QCoreApplication.translate("FormDialog", "Draft kept at {time}.").format(time=dt.datetime.now().strftime("%H:%M:%S")))
        self.draft_saved.emit(self.draft_id)
        return True

    # -- saving the record ----------------------------------------------------------

    def save(self, *, submit: bool) -> bool:
        """Save the record (submitted, or as a draft with gaps); True when it was written."""
        if self.read_only:
            return False
        form, view = self.definition, self.view
        answers = view.answers()
        problems = forms.validate_answers(form, answers, view.members, submit=submit)
        if problems:
            return self._refuse(problems, submit)
        if not submit and not form.has_review:
            return self._keep_local_draft(problems=[])
        existing = self._existing()
        status = "submitted" if submit else (
            "returned" if existing and existing.get("review_status") == "returned" else "draft")
        fields = {**self.fixed, **forms.to_record_fields(form, answers, view.members, review_status=status,
                                                          submit=submit)}
        merged = {**(own_fields(existing) if existing else {}), **fields}
        if form.record_collection != "households":
            merged["household_id"] = self.household_id
        core = records.validate(form.record_collection, {k: v for k, v in merged.items() if v is not None})
        if core:
            gaps = [p for p in core if forms.is_empty(merged.get(p.field))]
            if not submit and len(gaps) == len(core):
                return self._keep_local_draft(problems=core)
            return self._refuse(core, submit)

        def write(tx: Any) -> dict[str, Any]:
            if existing is not None:
                rec = tx.update(form.record_collection, existing["id"], fields)
            else:
                new = {k: v for k, v in fields.items() if v is not None}
                new["household_id"] = self.household_id
                rec = tx.create(form.record_collection, new)
            if self.draft_id:
                tx.discard_draft(self.draft_id)
            return rec

        try:
            saved = self.store.write(write)
        except InvalidRecord as exc:
            return self._refuse(exc.problems, submit)
        except StoreError as exc:
            self._keep_typing_safe()
            self._show_status(exc.message.render(QCoreApplication.translate), error=True)
            return False
        self.record = saved
        self.draft_id = None
        self.outcome = "submitted" if submit else "saved"
        self._finish()
        self.saved.emit(saved)
        self.accept()
        return True

    def _existing(self) -> dict[str, Any] | None:
        if self.definition.record_collection == "households":
            return self.store.get("households", self.household_id)
        if self.record is None:
            return None
        return self.store.get(self.definition.record_collection, self.record["id"]) or self.record

    def _refuse(self, problems: list[Problem], submit: bool) -> bool:
        loose = self.view.set_problems(problems)
        self.view.go_to_first_problem()
        placed = len(problems) - len(loose)
        lines = []
        if placed:
            lines.append(QCoreApplication.translate("FormDialog", "Not saved as a record: %n answer(s) need attention; see the messages next to them.", None, placed)
                         if submit else
                         QCoreApplication.translate("FormDialog", "Not saved as a record: %n answer(s) cannot be read; see the messages next to them.", None, placed))
        lines.extend(loose)
        self._keep_typing_safe()
        if self.draft_id is not None:  # say so: "not saved" alone read as if the typing were lost
            lines.append(QCoreApplication.translate("FormDialog", "What you typed is kept as a draft on this laptop."))
        self._show_status(" ".join(lines), error=True)
        return False

    def _keep_local_draft(self, problems: list[Problem]) -> bool:
        self._dirty = True
        if not self.save_draft_now():
            return False
        self.outcome = "draft_kept"
        self._finish()
        self.accept()
        return True

    def _keep_typing_safe(self) -> None:
        if self._dirty:
            self.save_draft_now()

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(PROBLEM_STYLE if error else HINT_STYLE)

    def status_text(self) -> str:
        return self.status.text()

    # -- closing -----------------------------------------------------------------

    def _finish(self) -> None:
        self._closed = True
        self.timer.stop()
        self._soon.stop()

    def _ask_discard(self) -> bool:
        """Closing with typing not saved as a record: keep it as a draft (True, and marked), throw it
        away (True) or go back (False)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), QCoreApplication.translate(
            "FormDialog", "What you typed is kept on this laptop as a draft, but it is not saved as a record "
                          "yet. Keep the draft to finish it later from the family file, or throw it away?"),
            parent=self)
        keep = box.addButton(QCoreApplication.translate("FormDialog", "Keep the draft"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(QCoreApplication.translate("FormDialog", "Throw away"),
                                QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(QCoreApplication.translate("FormDialog", "Back to the form"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(back)
        box.exec()
        self._keep_on_close = box.clickedButton() is keep
        return box.clickedButton() in (keep, discard)

    def reject(self) -> None:
        if not self._closed and not self.read_only and (self.draft_id is not None or self._dirty):
            if not self.confirm_discard():
                return
            if self._keep_on_close:
                self._keep_typing_safe()
                self.outcome = "draft_kept"
                self._finish()
                super().reject()
                return
            try:
                did = self.draft_id
                self.store.write(lambda tx: tx.discard_draft(did))
            except (StoreError, RuntimeError):
                pass  # the draft stays (or the store is already closed) and is offered again
            self.draft_id = None
        self._finish()
        super().reject()
