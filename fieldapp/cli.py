"""The `fieldapp` command: the desktop program, and a few headless commands for IT and tests.

    fieldapp [--profile DIR] [--lang uk|en]        open the program
    fieldapp --selftest                            start offscreen once and check the basics
    fieldapp init --profile DIR                    create an empty encrypted profile (passphrase twice)
    fieldapp demo --profile DIR --households N [--seed S] [--add]   fill a new profile with generated data
    fieldapp enrol --profile DIR --server URL (--user NAME | --code) [--create] [--send-existing | --keep-local]
                                                   connect a profile to the server (fieldapp/enrol_choice.py)
    fieldapp sync --profile DIR                              run one sync round and say what it did
    fieldapp print --profile DIR (--record ID | --family CASE-NUMBER | --blank FORM) [--out FILE.pdf]   papers as PDF
    fieldapp parcel export|import|hand-in --profile DIR ...  sync through a file (fieldapp/parcel_cli.py)

Headless commands read the passphrase from standard input (never from the
command line, where other users could see it in the process list). Their exit
codes are in fieldapp/headless.py and docs/it.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from fieldapp import __version__, enrol_choice, parcel_cli

if TYPE_CHECKING:  # the store loads SQLCipher: only when a command needs it
    from fieldapp.store.database import Store


def _read_secret(prompt: str) -> str:
    from fieldapp import headless
    from fieldapp.headless import read_secret

    return read_secret(headless.NO_PASSPHRASE, prompt)


def _init(args: argparse.Namespace) -> int:
    from fieldapp import headless

    try:
        if headless.has_database(args.profile):
            from fieldapp.store.errors import ProfileExists

            raise headless.CommandError(ProfileExists(folder=str(args.profile)).message, headless.FAILED)
        headless.create_profile(args.profile, headless.read_new_passphrase()).close()
    except headless.CommandError as exc:
        return headless.fail("init", exc)
    print(headless.Message.of(headless.CREATED, folder=str(args.profile)))
    return headless.OK


def _demo(args: argparse.Namespace) -> int:
    from fieldapp import demo, headless
    from fieldapp.store.database import DB_FILE, Store
    from fieldapp.store.errors import StoreError

    try:
        passphrase = _read_secret("Passphrase: ")
    except headless.CommandError as exc:
        return headless.fail("demo", exc)
    if not passphrase:
        return headless.fail("demo", headless.CommandError(headless.Message.of(headless.EMPTY_PASSPHRASE),
                                                           headless.USAGE))
    try:
        if (args.profile / DB_FILE).exists():
            store = Store.open(args.profile, passphrase)
        else:
            store = Store.create(args.profile, passphrase)
    except StoreError as exc:
        print(f"fieldapp demo: {exc.message}", file=sys.stderr)
        return 1
    with store:
        refused = demo.refusal(store, add=args.add)
        if refused is not None:
            return headless.fail("demo", headless.CommandError(headless.demo_refusal_message(refused),
                                                               headless.REFUSED))

        def progress(done: int, total: int) -> None:
            if done == total or done % 1000 == 0:
                print(f"{done}/{total} households", file=sys.stderr)

        summary = demo.fill(store, args.households, seed=args.seed, progress=progress)
    print(
        f"Added {summary.households} households, {summary.persons} persons, {summary.visits} visits, "
        f"{summary.assessments} assessments, {summary.plans} plans, {summary.referrals} referrals, "
        f"{summary.consents} consents to {args.profile}"
    )
    return 0


def _open_store(profile: Path, passphrase: str) -> Store:
    from fieldapp.store.database import Store

    return Store.open(profile, passphrase)


def _enrol(args: argparse.Namespace) -> int:
    from fieldapp import headless
    from fieldapp.store.errors import StoreError
    from fieldapp.sync.device import enrol
    from sync.errors import SyncFailure

    if not args.user and not args.code:
        print("fieldapp enrol: give --user NAME (then the password on stdin) or --code (the code on stdin)",
              file=sys.stderr)
        return headless.USAGE
    try:
        # No profile yet: --create (or a yes at the terminal) makes one. With --create the passphrase
        # is always given twice, so that a script's input is the same on a retry.
        exists = headless.has_database(args.profile)
        if not exists and not (args.create or _ask_create(args.profile)):
            raise headless.CommandError(headless.Message.of(headless.NO_PROFILE, folder=str(args.profile)),
                                        headless.FAILED)
        if args.create or not exists:
            passphrase = headless.read_new_passphrase()
        else:
            passphrase = _read_secret("Passphrase: ")
        store = _open_store(args.profile, passphrase) if exists else headless.create_profile(args.profile, passphrase)
        with store:
            existing, families, held = enrol_choice.choose(args, store)  # before any secret goes to the server
            secret = headless.read_secret(headless.NO_CODE if args.code else headless.NO_PASSWORD,
                                          "Enrolment code: " if args.code else "Password: ")
            try:
                if args.code:
                    answer = enrol(store, args.server, code=secret, device_name=args.device_name, existing=existing)
                else:
                    answer = enrol(store, args.server, args.user, secret, device_name=args.device_name,
                                   existing=existing)
            except SyncFailure as exc:
                raise headless.enrol_failure(exc, args.server, with_code=args.code) from None
            told = enrol_choice.outcome(existing, families, held, store)
    except headless.CommandError as exc:
        return headless.fail("enrol", exc)
    except StoreError as exc:
        print(f"fieldapp enrol: {exc.message}", file=sys.stderr)
        return headless.FAILED
    user = answer.get("user", {})
    print(headless.Message.of(headless.ENROLLED, user=user.get("username", args.user), role=user.get("role", "?"),
                              device=answer.get("device_code", "?"), server=args.server))
    if told is not None:
        print(told)
    return 0


def _ask_create(folder: Path) -> bool:
    """At a terminal, offer to create the missing profile; never from a pipe (a script says --create)."""
    if not (sys.stdin is not None and sys.stdin.isatty()):
        return False
    try:
        answer = input(f"There is no profile in {folder}. Create one now? [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "т", "так")


def _sync(args: argparse.Namespace) -> int:
    from fieldapp import headless
    from fieldapp.store.errors import StoreError
    from fieldapp.sync.device import DeviceRevoked, sync_once, wipe_profile
    from sync.client import failure_message
    from sync.errors import SyncFailure

    try:
        passphrase = _read_secret("Passphrase: ")
        store = _open_store(args.profile, passphrase)
    except headless.CommandError as exc:
        return headless.fail("sync", exc)
    except StoreError as exc:
        print(f"fieldapp sync: {exc.message}", file=sys.stderr)
        return 1

    def progress(phase: str, count: int) -> None:
        if args.progress:
            print(f"{phase} {count}", file=sys.stderr, flush=True)

    try:
        report = sync_once(store, progress=progress)
    except DeviceRevoked as exc:
        wipe_profile(store)
        print(f"fieldapp sync: {failure_message(exc)}", file=sys.stderr)
        return headless.REVOKED
    except SyncFailure as exc:
        print(f"fieldapp sync: {failure_message(exc)} ({exc.code})", file=sys.stderr)
        return headless.sync_failure_code(exc)
    except StoreError as exc:
        print(f"fieldapp sync: {exc.message}", file=sys.stderr)
        return 1
    finally:
        store.close()
    print(headless.Message.of(headless.SYNCED, pushed=report.pushed, applied=report.applied, merged=report.merged,
                              conflicts=report.conflicts, rejected=report.rejected, pulled=report.pulled,
                              evicted=report.evicted, cursor=report.cursor))
    if report.content.no_room:  # the records synced; attachments wait for room on the disk
        from fieldapp.store.attachments import DownloadNoSpace

        print(f"fieldapp sync: {DownloadNoSpace().message}", file=sys.stderr)
    if report.rejected or report.conflicts:
        print(f"fieldapp sync: {headless.Message.of(headless.SYNC_NEEDS_PERSON, rejected=report.rejected, conflicts=report.conflicts)}",
              file=sys.stderr)
        return headless.NEEDS_PERSON
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fieldapp", description="FieldApp: offline case records for social workers.")
    parser.add_argument("--version", action="version", version=f"FieldApp {__version__}")
    parser.add_argument("--profile", type=Path, help="the profile folder (default: the user's data folder)")
    parser.add_argument("--lang", choices=("uk", "en"), help="the language of the program")
    parser.add_argument("--selftest", action="store_true",
                        help="start offscreen with a throwaway profile, check the basics, exit 0 or 1")
    sub = parser.add_subparsers(dest="command")
    init = sub.add_parser("init", help="create an empty encrypted profile (the new passphrase twice on stdin)")
    init.add_argument("--profile", type=Path, required=True, dest="profile")
    demo = sub.add_parser("demo", help="fill a new profile with generated demo data (passphrase on stdin)")
    demo.add_argument("--profile", type=Path, required=True, dest="profile")
    demo.add_argument("--households", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--add", action="store_true", help="add more families to a demo profile that has some")
    enrol = sub.add_parser("enrol", help="connect a profile to the organisation's server "
                                         "(passphrase, then password or enrolment code, on stdin)")
    enrol.add_argument("--profile", type=Path, required=True, dest="profile")
    enrol.add_argument("--server", required=True, help="the server's address, https://...")
    enrol.add_argument("--user", help="your user name on the server (the password follows on stdin)")
    enrol.add_argument("--code", action="store_true",
                       help="enrol with IT's one-time code instead (the code follows the passphrase on stdin)")
    enrol.add_argument("--device-name", help="how the server lists this laptop (default: its host name)")
    enrol.add_argument("--create", action="store_true",
                       help="create the profile if there is none (then the new passphrase twice on stdin, "
                            "before the password or code)")
    enrol_choice.add_arguments(enrol)
    sync = sub.add_parser("sync", help="run one sync round (passphrase on stdin)")
    sync.add_argument("--profile", type=Path, required=True, dest="profile")
    sync.add_argument("--progress", action="store_true",
                      help="say on standard error each time a batch is sent or a page received")
    from fieldapp.print_command import add_parser as add_print

    add_print(sub, _read_secret)
    parcel_cli.register(sub)
    return parser


def _start_logging(args: argparse.Namespace) -> None:
    """The log goes to the profile's folder, known before anything opens (--profile or the default);
    the selftest has only a throwaway profile, so it logs to the user's log folder."""
    from fieldapp import logs
    from fieldapp.paths import default_profile_dir

    folder = logs.user_log_folder() if args.selftest else logs.log_folder(args.profile or default_profile_dir())
    try:
        logs.configure(folder)
    except OSError:  # a read-only or missing disk must not stop the program; it runs unlogged
        pass
    logs.install_hooks()


def main(argv: list[str] | None = None) -> int:
    from fieldapp.hardening import harden_process

    not_hardened = harden_process()  # first: no core dump may ever hold the key (hardening.py)
    os.umask(0o077)  # everything FieldApp creates is for its user only
    args = build_parser().parse_args(argv)
    _start_logging(args)
    if not_hardened:
        import logging

        logging.getLogger("fieldapp").warning("process hardening incomplete: %s", ",".join(not_hardened))
    if args.command:  # a command's sentences in the language asked for, else the system's
        from fieldapp import headless

        headless.speak(args.lang)
    if args.selftest:
        from fieldapp.selftest import run_selftest

        return run_selftest()
    if args.command == "init":
        return _init(args)
    if args.command == "demo":
        if args.households < 1:
            print("fieldapp demo: --households must be at least 1", file=sys.stderr)
            return 2
        return _demo(args)
    if args.command == "enrol":
        return _enrol(args)
    if args.command == "sync":
        return _sync(args)
    if args.command == "print":
        return int(args.run(args))
    if args.command == "parcel":
        return parcel_cli.run(args, _read_secret)
    from fieldapp import headless

    if headless.display_missing():
        print(headless.Message.of(headless.NO_DISPLAY_TEXT), file=sys.stderr)
        return headless.NO_DISPLAY
    from fieldapp.ui.app import run_gui

    return run_gui(args.profile, args.lang)


if __name__ == "__main__":
    sys.exit(main())
