"""The editor for each question type of a form (`make_editor`)."""

from __future__ import annotations

from collections.abc import Sequence

from casework.forms import Item, Member
from fieldapp.ui.forms.choice_editors import (
    ChecksEditor,
    ComboEditor,
    ConfirmEditor,
    RadioEditor,
    RatingEditor,
    YesNoEditor,
    member_options,
    no_members_text,
)
from fieldapp.ui.forms.date_editors import DateEditor, DateTimeEditor, TimeEditor
from fieldapp.ui.forms.editor_base import Editor
from fieldapp.ui.forms.repeat_editor import RepeatEditor
from fieldapp.ui.forms.text_editors import LongTextEditor, NumberEditor, TextEditor


def make_editor(item: Item, lang: str, members: Sequence[Member]) -> Editor:
    """The editor for a question of `item.type`."""
    k = item.type
    if k == "text":
        return TextEditor(item, lang)
    if k == "longtext":
        return LongTextEditor(item, lang)
    if k == "number":
        return NumberEditor(item, lang)
    if k == "date":
        return DateEditor(item, lang)
    if k == "time":
        return TimeEditor(item, lang)
    if k == "datetime":
        return DateTimeEditor(item, lang)
    if k == "yesno":  # "check": a confirmation, ticked or not (never "no")
        return ConfirmEditor(item, lang) if item.widget == "check" else YesNoEditor(item, lang)
    if k == "rating":
        return RatingEditor(item, lang)
    if k == "single":
        if item.widget == "radio" or (item.widget is None and len(item.choices) <= 4):
            return RadioEditor(item, lang)
        return ComboEditor(item, lang)
    if k in ("multiple", "checklist"):
        return ChecksEditor(item, lang)
    if k == "person":
        return ComboEditor(item, lang, options=member_options(item, members, lang),
                           empty_text=None if members else no_members_text(item))
    if k == "persons":
        return ChecksEditor(item, lang, options=member_options(item, members, lang), empty_text=no_members_text(item))
    if k == "repeat":
        return RepeatEditor(item, lang, members, make_editor)
    raise ValueError(f"no editor for {k!r}")
