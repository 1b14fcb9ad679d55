"""The family file's line about forms begun and not saved as records (drafts, on this laptop only).

After "Later" on the start-up prompt, or "Keep the draft" on closing a form, the draft waits here
with a link that continues it, so that nobody starts the same visit again beside it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel

from fieldapp.ui import text
from fieldapp.ui.forms import draft_title, pending_drafts


class DraftsNote(QLabel):
    """Lists the family's drafts with a "continue" link each; hidden when there are none."""

    continue_draft = Signal(str)  # the draft's id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("draftsNote")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.setStyleSheet("background: #fff4d6; color: #5a3b00; padding: 6px; border-radius: 3px;")
        self.linkActivated.connect(self.continue_draft.emit)
        self.count = 0
        self.hide()

    def show_for(self, store, household_id: str) -> None:
        drafts = pending_drafts(store, household_id)
        self.count = len(drafts)
        self.setVisible(bool(drafts))
        if not drafts:
            self.clear()
            return
        lines = [
            self.tr("%1, typed %2 — <a href=\"%3\">continue</a>")
            .replace("%1", html.escape(draft_title(d))).replace("%2", html.escape(text.datetime(d.updated_at)))
            .replace("%3", d.id)
            for d in drafts
        ]
        intro = self.tr("Not saved as a record yet (a draft on this laptop, not synced):", "", len(drafts))
        self.setText(f"<b>{html.escape(intro)}</b><br>" + "<br>".join(lines))
