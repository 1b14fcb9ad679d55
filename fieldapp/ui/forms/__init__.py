"""The form engine's window: what the rest of the desktop calls to show a form.

Public API (all return a `FormDialog` that is not shown yet: call `exec()` for
a modal dialog, or `open()`; afterwards `dialog.outcome` is "submitted",
"saved" (a record with review status "draft"), "draft_kept" (kept as a local
draft only, because the record's own required fields are still empty) or None
(cancelled), and `dialog.record` is the record written)::

    open_form(parent, store, form_id, household_id, record_id=None) -> FormDialog
        A new record of `form_id` ("home_visit", "needs_assessment", "case_plan",
        "referral", "service_event", "consent", "protected", "case_closure") for the household, or the saved record
        `record_id`, rendered with the form version it was made with. When the
        record has an unsaved draft (after a crash), the draft is shown; so is the draft
        of a new record of that form for the family.
        "case_closure" edits the household itself (record_id is ignored).

    pending_drafts(store, household_id=None) -> list[Draft]
        Forms being typed that were never saved (newest first): offer them at
        start-up. `draft.kind` is the form id, `draft_title(draft, lang)` its title.

    restore_draft(parent, store, draft_id) -> FormDialog
        The form of a draft, with everything typed restored.

    discard_draft(store, draft_id) -> None
        Throw a draft away (when the person says so).

Signals of FormDialog: `saved(record)` after the record is written,
`draft_saved(draft_id)` after each automatic draft save. While a dialog is
open, its answers are kept as a draft every 3 s when changed and whenever a
field is left or a choice made.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from casework import forms
from fieldapp.store.database import Draft
from fieldapp.store.errors import RecordDeleted, RecordNotFound
from fieldapp.ui.forms.dialog import FormDialog
from fieldapp.ui.forms.view import FormView, current_language

__all__ = [
    "FormDialog", "FormView", "discard_draft", "draft_title", "open_form", "pending_drafts",
    "restore_draft",
]


def open_form(
    parent: QWidget | None,
    store: Any,
    form_id: str,
    household_id: str,
    record_id: str | None = None,
    *,
    lang: str | None = None,
    prefill: dict[str, Any] | None = None,
    fixed: dict[str, Any] | None = None,
) -> FormDialog:
    """A dialog for a new record of `form_id`, or for the saved record `record_id`.

    `prefill`: answers a new form starts with over its defaults (a plan from an assessment's
    needs); `fixed`: record fields no question asks, written with it (the visit a referral came from).
    """
    current = forms.load_form(form_id)
    collection = current.record_collection
    record = None
    if collection == "households":
        record_id = household_id
        record = store.get("households", household_id)
        if record is None:
            raise RecordNotFound("households")
        definition = forms.form_for_record(record, form_id) if record.get("form.id") == form_id else current
    elif record_id is not None:
        record = store.get(collection, record_id)
        if record is None:
            raise RecordNotFound(collection)
        if record["deleted"]:
            raise RecordDeleted(collection)
        definition = forms.form_for_record(record, form_id)
    else:
        definition = current
    # A draft of this form for this family (or this record) is continued, never a second blank form
    # beside it: that is how the same visit came to be recorded twice.
    draft = next((d for d in store.drafts(household_id=household_id)
                  if d.kind == form_id and d.record_id == record_id), None)
    return FormDialog(definition, store, household_id, record if record_id else None,
                      draft=draft, lang=lang, prefill=prefill, fixed=fixed, parent=parent)


def pending_drafts(store: Any, household_id: str | None = None) -> list[Draft]:
    """Drafts of forms never saved as records, newest first."""
    known = set(forms.available_forms())
    return [d for d in store.drafts(household_id=household_id) if d.kind in known]


def draft_title(draft: Draft, lang: str | None = None) -> str:
    """The title of a draft's form in `lang` (the application's language by default)."""
    return forms.load_form(draft.kind).text("title", lang or current_language())


def restore_draft(parent: QWidget | None, store: Any, draft_id: str, *, lang: str | None = None) -> FormDialog:
    """A dialog showing the draft `draft_id` as it was typed; LookupError when it is gone."""
    draft = store.draft(draft_id)
    if draft is None:
        raise LookupError(f"no draft {draft_id}")
    version = draft.data.get("form_version")
    try:
        definition = forms.load_form(draft.kind, int(version) if version else None)
    except (forms.FormDefinitionError, ValueError):
        definition = forms.load_form(draft.kind)
    record = None
    if draft.record_id and definition.record_collection != "households":
        record = store.get(definition.record_collection, draft.record_id)
    elif definition.record_collection == "households":
        record = store.get("households", draft.household_id)
    return FormDialog(definition, store, draft.household_id or "", record, draft=draft,
                      lang=lang, parent=parent)


def discard_draft(store: Any, draft_id: str) -> None:
    store.write(lambda tx: tx.discard_draft(draft_id))
