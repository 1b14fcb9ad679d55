"""What can go wrong with the local store, as sentences a caseworker can act on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from casework.i18n import QT_TRANSLATE_NOOP, Message


class StoreError(Exception):
    """Base of the store's errors; `message` is the translatable sentence to show.

    `code` is the sync protocol's stable error code when the server refuses
    the same thing for the same reason (RecordLocked: "record_locked"), so the
    laptop's refusal and the server's rejection read as one sentence.
    """

    text = QT_TRANSLATE_NOOP("StoreError", "The local database could not be used.")
    code: str | None = None

    def __init__(self, detail: str = "", **args: Any):
        self.message = Message.of(self.text, **args)
        self.detail = detail  # technical, for logs: never personal data
        super().__init__(self.message.render() + (f" ({detail})" if detail else ""))


class WrongPassphrase(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The passphrase is not right. Check the keyboard layout and Caps Lock, then try again.",
    )


class NotAProfile(StoreError):
    text = QT_TRANSLATE_NOOP("StoreError", "There is no FieldApp profile in {folder}.")


class ProfileExists(StoreError):
    text = QT_TRANSLATE_NOOP("StoreError", "A FieldApp profile already exists in {folder}.")


class KeySettingsDamaged(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The key settings of this profile (key.json) are damaged, so the database cannot be "
        "unlocked. Nothing was changed. Ask IT to restore key.json from a backup.",
    )


class ProfileBusy(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "This profile is already open in another FieldApp window. Close that window first.",
    )


class SchemaTooNew(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "This profile was saved by a newer version of FieldApp (data version {found}; this "
        "program knows up to {known}). Install the newer version. Nothing was changed.",
    )


class DiskFull(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The disk is full, so this was not saved. Free some space, then save again: "
        "what you entered is still here.",
    )


class DatabaseBusy(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The local database is busy: another program is using it. Nothing was lost. "
        "Wait a moment, then try again; if this keeps happening, restart the laptop.",
    )


class DatabaseReadOnly(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The local database cannot be written: its folder is read-only. What you entered is "
        "still here. Ask IT to check the permissions of the profile folder.",
    )


class DiskError(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The disk could not be read or written, so this was not saved. What you entered is "
        "still here. Check that the disk or USB drive is connected, then save again.",
    )


class DatabaseDamaged(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The local database is damaged and cannot be read. Do not delete anything: "
        "ask IT to restore it from the backups folder of this profile.",
    )


class RecordNotFound(StoreError):
    text = QT_TRANSLATE_NOOP("StoreError", "This record no longer exists on this laptop.")


class RecordLocked(StoreError):
    code = "record_locked"
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The supervisor approved this record, so it is locked. Ask them to reopen it if it "
        "needs a change.",
    )


class RecordDeleted(StoreError):
    text = QT_TRANSLATE_NOOP("StoreError", "This record was deleted and cannot be changed.")


class ReviewNotAllowed(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "This record cannot be reviewed that way now: only submitted records are approved or "
        "returned, and only approved ones are reopened. Refresh the list: someone may have reviewed it already.",
    )


class OwnRecordReview(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "You wrote this record, so you cannot approve it yourself: another supervisor of the team approves it.",
    )


def rejection_message(error: Mapping[str, Any] | None) -> Message | None:
    """The store's sentence for a change the server rejected, when the store has the same rule.

    The server's rejection (its stable `code`) and the laptop's own refusal
    then show the same reason; None for codes only the server knows.
    """
    code = (error or {}).get("code")
    for kind in (RecordLocked,):
        if code == kind.code:
            return Message.of(kind.text)
    return None
