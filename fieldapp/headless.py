"""The headless commands' shared rules: exit codes, reading secrets, the messages they print.

`fieldapp init`, `demo`, `enrol` and `sync` (fieldapp/cli.py) are run by IT and by scripts, so
each outcome has its own exit code (docs/it.md lists them) and one sentence on standard error,
never a traceback. Secrets come from standard input, one a line, never from the command line.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from casework import i18n
from casework.i18n import QT_TRANSLATE_NOOP, Message
from casework.resources import translation_files

if TYPE_CHECKING:
    from fieldapp.store.database import Store
    from sync.errors import SyncFailure

# Exit codes (docs/it.md, "Exit codes"): a script can tell what happened without reading English.
OK = 0
FAILED = 1  # the profile could not be opened or written (wrong passphrase, busy, damaged, full disk)
USAGE = 2  # the command line or standard input was wrong (a missing secret, two passphrases differ)
REVOKED = 3  # the organisation revoked this laptop: its records were wiped
OFFLINE = 4  # the server could not be reached: nothing changed on either side, try again later
REFUSED = 5  # the server refused: sign-in, code, account, version, or a demo profile
NEEDS_PERSON = 6  # sync finished, but the server refused some changes or a conflict waits
NO_DISPLAY = 7  # the window cannot open: no display (DISPLAY or WAYLAND_DISPLAY) on this computer

NO_PASSPHRASE = QT_TRANSLATE_NOOP("Headless", "Expected the passphrase on standard input (one line).")
NO_PASSPHRASE_AGAIN = QT_TRANSLATE_NOOP(
    "Headless", "Expected the passphrase a second time on standard input (the next line).")
NO_PASSWORD = QT_TRANSLATE_NOOP("Headless", "Expected the password on standard input (the next line).")
NO_CODE = QT_TRANSLATE_NOOP("Headless", "Expected the enrolment code on standard input (the next line).")
EMPTY_PASSPHRASE = QT_TRANSLATE_NOOP("Headless", "The passphrase is empty.")
SHORT_PASSPHRASE = QT_TRANSLATE_NOOP(
    "Headless", "The passphrase needs at least {count} characters (a few words are easiest): nothing was created.")
# As the first-run window and the settings ask (fieldapp/ui/passphrase_form.py MIN_LENGTH).
MIN_PASSPHRASE = 10
DIFFERENT = QT_TRANSLATE_NOOP("Headless", "The two passphrases differ: nothing was created.")
CREATED = QT_TRANSLATE_NOOP("Headless", "Created an empty encrypted profile in {folder}.")
ENROLLED = QT_TRANSLATE_NOOP("Headless", "Enrolled as {user} ({role}), device {device}, server {server}")
SYNCED = QT_TRANSLATE_NOOP(
    "Headless", "Synced: pushed {pushed} (applied {applied}, merged {merged}, conflicts {conflicts}, "
    "rejected {rejected}); pulled {pulled}, evicted {evicted}; cursor {cursor}")
NO_PROFILE = QT_TRANSLATE_NOOP(
    "Headless", "There is no profile in {folder}. Create it first with: fieldapp init --profile {folder} "
          "(or add --create to this command).")
ENROL_OFFLINE = QT_TRANSLATE_NOOP(
    "Headless", "The server at {server} cannot be reached: check the address and the port, and that the "
          "server runs. Nothing was enrolled.")
ENROL_PASSWORD = QT_TRANSLATE_NOOP(
    "Headless", "The server did not accept the user name or the password. "
          "Check them with IT; nothing was enrolled.")
ENROL_CODE = QT_TRANSLATE_NOOP(
    "Headless", "The server does not know this enrolment code. Check it, or ask IT for a new one; "
          "nothing was enrolled.")
ENROL_DISABLED = QT_TRANSLATE_NOOP("Headless", "This account is disabled: ask IT. Nothing was enrolled.")
ENROL_CODE_USED = QT_TRANSLATE_NOOP(
    "Headless", "This enrolment code was used already: each code enrols one laptop once. Ask IT for a "
          "new one; nothing was enrolled.")
ENROL_CODE_EXPIRED = QT_TRANSLATE_NOOP(
    "Headless", "This enrolment code has expired. Ask IT for a new one; nothing was enrolled.")
ENROL_FORBIDDEN = QT_TRANSLATE_NOOP(
    "Headless", "The server refused to enrol this laptop: {detail}")
SYNC_NEEDS_PERSON = QT_TRANSLATE_NOOP(
    "Headless", "Synced, but not everything went through (refused: {rejected}; conflicts: {conflicts}). "
          "Open FieldApp: Sync → Conflicts and refused changes.")
DEMO_ENROLLED = QT_TRANSLATE_NOOP(
    "Headless", "This profile is enrolled with a server: demo families would never sync, and a later edit of "
          "them would be refused. Use a new folder for demo data.")
DEMO_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Headless", "This profile already holds families. Use a new folder for demo data, or --add to grow a demo "
          "profile.")
NO_DISPLAY_TEXT = QT_TRANSLATE_NOOP(
    "Headless", "FieldApp cannot open its window: this session has no display (neither DISPLAY nor "
          "WAYLAND_DISPLAY is set). Start it from the desktop, or use the headless commands "
          "(fieldapp --help).")

# fieldapp parcel (fieldapp/parcel_cli.py) and fieldapp print (fieldapp/print_command.py).
CANNOT_READ = QT_TRANSLATE_NOOP("Headless", "Cannot read {file}: {reason}")
CANNOT_WRITE = QT_TRANSLATE_NOOP("Headless", "Cannot write {file}: {reason}")
PARCEL_WRITTEN = QT_TRANSLATE_NOOP("Headless", "Parcel {seq} with {changes} changes: {file}")
PARCEL_APPLIED = QT_TRANSLATE_NOOP("Headless", "Return parcel {seq}: {summary}")
PARCEL_APPLIED_LATE = QT_TRANSLATE_NOOP(
    "Headless", "Return parcel {seq}: {summary} (the laptop had newer records from the network already)")
HANDED_IN = QT_TRANSLATE_NOOP("Headless", "Handed in; the return parcel for that laptop: {file}")
PRINT_WHAT = QT_TRANSLATE_NOOP("Headless", "Give --record ID, --family CASE-NUMBER or --blank FORM.")
PRINT_TERMINAL = QT_TRANSLATE_NOOP("Headless", "Give --out FILE.pdf (a PDF is not written to a terminal).")
PRINT_FOLDER = QT_TRANSLATE_NOOP("Headless", "--out names a folder; give a file name.")
PRINT_NO_FAMILY = QT_TRANSLATE_NOOP("Headless", "There is no family with this case number on this laptop.")
PRINT_NO_RECORD = QT_TRANSLATE_NOOP("Headless", "There is no record with this id on this laptop.")
PRINTED = QT_TRANSLATE_NOOP("Headless", "Printed {papers} paper(s), {pages} page(s) to {where}")
STANDARD_OUTPUT = QT_TRANSLATE_NOOP("Headless", "standard output")


class CommandError(Exception):
    """A headless command ends: `message` goes to standard error, `code` is the exit code."""

    def __init__(self, message: Message, code: int):
        super().__init__(message.source)
        self.message = message
        self.code = code


def read_secret(missing: tuple[str, str], prompt: str) -> str:
    """One line of standard input (a terminal prompts without echo); CommandError(`missing`) if none."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        try:
            return getpass.getpass(prompt)
        except EOFError:
            raise CommandError(Message.of(missing), USAGE) from None
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise CommandError(Message.of(missing), USAGE)
    return line.rstrip("\r\n")


def read_new_passphrase() -> str:
    """The passphrase of a new profile: twice, the same, not empty."""
    first = read_secret(NO_PASSPHRASE, "New passphrase: ")
    if not first:
        raise CommandError(Message.of(EMPTY_PASSPHRASE), USAGE)
    if len(first) < MIN_PASSPHRASE:
        raise CommandError(Message.of(SHORT_PASSPHRASE, count=MIN_PASSPHRASE), USAGE)
    if read_secret(NO_PASSPHRASE_AGAIN, "Again: ") != first:
        raise CommandError(Message.of(DIFFERENT), USAGE)
    return first


def create_profile(folder: Path, passphrase: str) -> Store:
    """A new, empty encrypted profile in `folder`; CommandError (FAILED) when one is there already."""
    from fieldapp.store.database import Store
    from fieldapp.store.errors import StoreError

    try:
        return Store.create(folder, passphrase)
    except StoreError as exc:
        raise CommandError(exc.message, FAILED) from None


def has_database(folder: Path) -> bool:
    from fieldapp.store.connection import has_profile

    return has_profile(folder)


def enrol_failure(failure: SyncFailure, server: str, *, with_code: bool) -> CommandError:
    """What an enrolment's failure means for the person enrolling, and its exit code."""
    from sync.client import failure_message

    if failure.code == "offline":
        return CommandError(Message.of(ENROL_OFFLINE, server=server), OFFLINE)
    if failure.code == "unauthorized":
        return CommandError(Message.of(ENROL_CODE if with_code else ENROL_PASSWORD), REFUSED)
    if failure.code in _ENROL_REFUSALS:
        return CommandError(Message.of(_ENROL_REFUSALS[failure.code]), REFUSED)
    if failure.code == "forbidden":
        detail = str(failure).partition(": ")[2] or failure.code
        return CommandError(Message.of(ENROL_FORBIDDEN, detail=detail), REFUSED)
    if failure.code in ("bad_address", "insecure_address", "code_typo"):
        return CommandError(failure_message(failure), USAGE)
    if failure.code in ("tls", "server_error", "bad_answer"):
        return CommandError(failure_message(failure), OFFLINE)
    return CommandError(failure_message(failure), REFUSED)


_ENROL_REFUSALS = {"account_disabled": ENROL_DISABLED, "code_used": ENROL_CODE_USED,
                   "code_expired": ENROL_CODE_EXPIRED}


def sync_failure_code(failure: SyncFailure) -> int:
    """The exit code of a sync round that stopped."""
    if failure.code in ("offline", "tls", "server_error", "bad_answer"):
        return OFFLINE
    return REFUSED


def demo_refusal_message(reason: str) -> Message:
    return Message.of(DEMO_ENROLLED if reason == "enrolled" else DEMO_NOT_EMPTY)


def display_missing(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether a window cannot open here: Linux (or another X11/Wayland system) with no display,
    and no Qt platform chosen by hand (offscreen, vnc...). Windows and macOS always have one."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if system in ("win32", "darwin"):
        return False
    if env.get("QT_QPA_PLATFORM"):
        return False
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def speak(lang: str | None, environ: Mapping[str, str] | None = None) -> str:
    """Print the commands' sentences in `lang` (--lang), else in the system's language (LC_ALL,
    LC_MESSAGES, LANG, as the window reads it): "uk" or "en", the one chosen."""
    env = os.environ if environ is None else environ
    if lang not in ("uk", "en"):
        system = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
        lang = "uk" if system.lower().startswith("uk") else "en"
    i18n.speak(_translation(lang) if lang == "uk" else None)
    return lang


def _translation(lang: str) -> Callable[[str, str], str] | None:
    # Qt's compiled catalogues read without an application object (a command may start Qt's
    # own later, to draw a paper); English (None) when none is there, as in a bare checkout.
    from PySide6.QtCore import QTranslator

    catalogues = []
    for qm in translation_files(lang):
        catalogue = QTranslator()
        if catalogue.load(str(qm)):
            catalogues.append(catalogue)
    if not catalogues:
        return None

    def translate(context: str, source: str) -> str:
        for catalogue in catalogues:
            found = catalogue.translate(context, source)
            if found:
                return found
        return source

    return translate


def fail(command: str, error: CommandError) -> int:
    print(f"fieldapp {command}: {error.message}", file=sys.stderr)
    return error.code
