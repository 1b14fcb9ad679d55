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


class KeySettingsMissing(KeySettingsDamaged):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The key settings of this profile (key.json) are missing, so the database cannot be "
        "unlocked. Nothing was changed. Do not make a new profile: ask IT to put key.json back "
        "from a backup of this laptop.",
    )


class KeySettingsUnknown(KeySettingsDamaged):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The key settings of this profile (key.json) use a method this version of FieldApp does "
        "not know. Nothing was changed. If a newer FieldApp made this profile, install it; "
        "otherwise ask IT to restore key.json from a backup.",
    )


class KeyMismatch(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The passphrase is right, but the database does not belong to these key settings: its "
        "beginning is damaged, or the database or key.json was replaced by another profile's "
        "file. Nothing was changed. Ask IT to put back the matching pair from a backup.",
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


class UpgradeNoSpace(DiskFull):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "There is not enough free disk space to update this profile for the new version of "
        "FieldApp: a backup copy is made first and needs about {size} MB. Nothing was changed and "
        "no partial copy was left. Free some space, then start FieldApp again.",
    )


class NotEnoughSpace(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "There is not enough free space on the disk to change the passphrase safely (about {needed_mb} MB "
        "more is needed). Nothing was changed: your current passphrase still opens the records. Free some "
        "space, then try again.",
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


class DatabaseEmpty(DatabaseDamaged):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database file of this profile is empty (0 bytes): the records are not in it. "
        "FieldApp will not make a new database over it. Do not delete anything: ask IT to "
        "restore the profile from a backup.",
    )


class DatabaseMissing(DatabaseDamaged):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database file of this profile (fieldapp.db) is missing, although its key settings "
        "are there. FieldApp will not make a new database in its place. Ask IT to put the file "
        "back from a backup.",
    )


class DatabaseIncomplete(DatabaseDamaged):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database file is incomplete: it ends in the middle of a page, as when a copy is cut "
        "short. Nothing was changed. Do not delete anything: ask IT to restore it from a backup.",
    )


class DatabasePartlyDamaged(DatabaseDamaged):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "Part of the local database is damaged ({pages} of its {total} pages cannot be read), so "
        "FieldApp did not open it. Nothing was changed. Do not delete anything: ask IT to "
        "restore it from a backup.",
    )


class DatabaseNotEncrypted(DatabaseDamaged):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "The database file is not encrypted, so it is not this profile's database: it was "
        "replaced by another file. FieldApp did not open it. Ask IT to put back the profile's "
        "own file from a backup.",
    )


class JournalMissing(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "FieldApp did not close properly last time, and the journal of the database "
        "(fieldapp.db-wal) is now missing: the changes saved in that session may be lost. If the "
        "file was moved, put it back beside fieldapp.db and try again. Otherwise ask IT; open the "
        "records without it only if IT says so.",
    )


class JournalDamaged(StoreError):
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "FieldApp did not close properly last time, and the journal of the database "
        "(fieldapp.db-wal) is damaged: changes saved in that session would be lost if the records "
        "were opened now. Nothing was changed. Ask IT to copy the profile folder before anything "
        "else; open the records without those changes only if IT says so.",
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


class NotAuthor(StoreError):
    code = "not_author"  # casework.records.NOT_AUTHOR: the server refuses the same change
    text = QT_TRANSLATE_NOOP(
        "StoreError",
        "Another specialist wrote this record: only its author or a supervisor can change it. "
        "Write a record of your own instead.",
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
    for kind in (RecordLocked, NotAuthor):
        if code == kind.code:
            return Message.of(kind.text)
    return None
