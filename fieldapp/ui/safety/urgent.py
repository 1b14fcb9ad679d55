"""A concern never waits: saving a visit that marks a safety concern, a safety assessment or a
notice asks the sync controller for a round at once (`concern_saved`), not the usual round later."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from fieldapp.ui.forms import FormDialog

_URGENT_FORMS = ("safety_assessment", "safety_notice", "dv_risk_assessment", "violence_incident")


def is_urgent(form_id: str, record: dict[str, Any]) -> bool:
    """Whether a saved record carries a concern the supervisor must hear of at once."""
    if form_id == "home_visit":
        return record.get("safety_concern") is True
    return form_id in _URGENT_FORMS


def wire(dialog: QDialog, sync: Any) -> QDialog:
    """After `dialog` saves an urgent record, `sync.concern_saved()`; returns the dialog."""
    if isinstance(dialog, FormDialog):
        form_id = dialog.definition.id
        dialog.saved.connect(lambda record: sync.concern_saved() if is_urgent(form_id, record) else None)
    return dialog
