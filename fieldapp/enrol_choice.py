"""`fieldapp enrol` on a profile that already holds families recorded without a server: what becomes of them.

`--send-existing` sends them to the server as the caseworker's families; `--keep-local` keeps them
on this laptop only (an encrypted backup) and connects an empty profile (fieldapp/store/standalone.py).
Without either, a terminal asks; a script is told to say which, and nothing is enrolled.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from casework.i18n import QT_TRANSLATE_NOOP, Message
from fieldapp import headless

if TYPE_CHECKING:
    from fieldapp.store.database import Store

SAY_WHICH = QT_TRANSLATE_NOOP(
    "Headless", "This profile holds families recorded without a server ({families}). Say what becomes of them: "
          "--send-existing sends them to the server as your families; --keep-local keeps them on this laptop "
          "only (in an encrypted backup) and connects the profile without them. Nothing was enrolled.")
ASK = QT_TRANSLATE_NOOP(
    "Headless", "This profile holds families recorded without a server ({families}). Send them to the server as "
          "your families (s), keep them on this laptop only (k), or stop (q)? ")
STOPPED = QT_TRANSLATE_NOOP("Headless", "Stopped: nothing was enrolled.")
SENT = QT_TRANSLATE_NOOP(
    "Headless", "The families recorded before ({families}; records in all: {records}) go to the server at "
          "the first sync: fieldapp sync --profile {folder}")
KEPT = QT_TRANSLATE_NOOP(
    "Headless", "The families recorded before ({families}) stay on this laptop only, in the encrypted backup "
          "{backup}; the connected profile starts without them.")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--send-existing", action="store_true",
                       help="a profile that already holds families: send them to the server as yours")
    which.add_argument("--keep-local", action="store_true",
                       help="a profile that already holds families: keep them on this laptop only (an "
                            "encrypted backup) and connect without them")


def choose(args: argparse.Namespace, store: Store) -> tuple[str, int, int]:
    """(choice, families, records) for the records already in `store`; CommandError when nobody said."""
    # The store loads SQLCipher: only once a command opens one.
    from fieldapp.store import standalone

    if not standalone.is_standalone(store):
        return standalone.SEND, 0, 0  # enrolled before: its outbox is real changes, left as they are
    families, held = standalone.families_held(store), standalone.records_held(store)
    if args.keep_local:
        return standalone.KEEP_LOCAL, families, held
    if args.send_existing or not held:
        return standalone.SEND, families, held
    if not (sys.stdin is not None and sys.stdin.isatty()):
        raise headless.CommandError(Message.of(SAY_WHICH, families=families), headless.USAGE)
    while True:
        try:
            answer = input(str(Message.of(ASK, families=families))).strip().lower()
        except EOFError:
            answer = "q"
        if answer in ("s", "send", "н", "надіслати"):
            return standalone.SEND, families, held
        if answer in ("k", "keep", "з", "залишити"):
            return standalone.KEEP_LOCAL, families, held
        if answer in ("q", "quit", "stop", "с", "стоп", ""):
            raise headless.CommandError(Message.of(STOPPED), headless.USAGE)


def outcome(choice: str, families: int, held: int, store: Store) -> Message | None:
    """What happened to the records recorded before, for standard output; None when there were none."""
    from fieldapp.store import standalone

    if not families and not held:
        return None
    if choice == standalone.KEEP_LOCAL:
        kept = sorted((store.folder / "backups").glob(f"fieldapp-{standalone.KEPT_REASON}-*.db"))
        return Message.of(KEPT, families=families, backup=str(kept[-1]) if kept else "?")
    return Message.of(SENT, families=families, records=held, folder=str(store.folder))
