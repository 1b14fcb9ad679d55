"""`fieldapp parcel export|import|hand-in`: sync parcels from the command line (passphrase on stdin).

    fieldapp parcel export --profile DIR --out FILE|FOLDER   a parcel for the server
    fieldapp parcel import --profile DIR FILE                a return parcel from the server
    fieldapp parcel hand-in --profile DIR FILE [--out DIR]   a supervisor, online, hands in a
                                                             team laptop's parcel she carried

Exit codes and sentences are fieldapp/headless.py's, as `fieldapp sync`'s (docs/it.md).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casework.i18n import Message, os_reason
from fieldapp import headless


def register(sub: Any) -> None:
    """Add `parcel` and its actions to the `fieldapp` command line."""
    parcel = sub.add_parser("parcel", help="sync through a file on a USB stick (passphrase on stdin)")
    actions = parcel.add_subparsers(dest="parcel_action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write everything not yet acknowledged, for the server")
    export.add_argument("--profile", type=Path, required=True, dest="profile")
    export.add_argument("--out", type=Path, required=True, help="the file, or a folder (the name is chosen)")
    imp = actions.add_parser("import", help="apply a return parcel from the server")
    imp.add_argument("--profile", type=Path, required=True, dest="profile")
    imp.add_argument("file", type=Path)
    hand = actions.add_parser("hand-in", help="a supervisor hands in a team laptop's parcel over the network")
    hand.add_argument("--profile", type=Path, required=True, dest="profile")
    hand.add_argument("file", type=Path)
    hand.add_argument("--out", type=Path, help="the folder for the return parcel (default: the parcel's folder)")


def write_file(target: Path, data: bytes) -> None:
    from fieldapp.sync.parcels import save_parcel

    try:
        save_parcel(target, data)
    except OSError as exc:
        raise headless.CommandError(Message.of(headless.CANNOT_WRITE, file=target, reason=os_reason(exc)),
                                    headless.FAILED) from None


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise headless.CommandError(Message.of(headless.CANNOT_READ, file=path, reason=os_reason(exc)),
                                    headless.FAILED) from None


def run(args: argparse.Namespace, read_secret: Callable[[str], str]) -> int:
    """Run `fieldapp parcel ...`; the exit code is headless's (0 done, 3 wiped, 4 offline, 5 refused...)."""
    from fieldapp.store.database import Store
    from fieldapp.store.errors import StoreError

    name = f"parcel {args.parcel_action}"
    try:
        store = Store.open(args.profile, read_secret("Passphrase: "))
    except headless.CommandError as exc:
        return headless.fail(name, exc)
    except StoreError as exc:
        return headless.fail(name, headless.CommandError(exc.message, headless.FAILED))
    try:
        message = _ACTIONS[args.parcel_action](store, args)
    except Exception as exc:  # noqa: BLE001 - _failure knows the expected ones and re-raises the rest
        return headless.fail(name, _failure(store, exc))
    finally:
        store.close()
    print(message)
    return headless.OK


def _failure(store: Any, exc: Exception) -> headless.CommandError:
    """What a failed parcel action tells its caller: one sentence and the exit code `sync` would give."""
    from fieldapp.store.errors import StoreError
    from fieldapp.sync.device import wipe_profile
    from fieldapp.sync.parcels import parcel_message
    from sync.client import failure_message
    from sync.errors import DeviceRevoked, SyncFailure
    from sync.parcel import ParcelError

    if isinstance(exc, headless.CommandError):
        return exc
    if isinstance(exc, ParcelError):  # the file is damaged, for another laptop, or imported already
        return headless.CommandError(parcel_message(exc), headless.REFUSED)
    if isinstance(exc, DeviceRevoked):
        wipe_profile(store, confirmed=False)  # by parcel: the server hears of it at the next contact
        return headless.CommandError(failure_message(exc), headless.REVOKED)
    if isinstance(exc, SyncFailure):
        return headless.CommandError(failure_message(exc), headless.sync_failure_code(exc))
    if isinstance(exc, StoreError):
        return headless.CommandError(exc.message, headless.FAILED)
    raise exc


def _export(store: Any, args: argparse.Namespace) -> Message:
    from fieldapp.sync.parcels import export_parcel

    out = export_parcel(store)
    target = args.out / out.file_name if args.out.is_dir() else args.out
    write_file(target, out.data)
    return Message.of(headless.PARCEL_WRITTEN, seq=out.seq, changes=out.changes, file=target)


def _import(store: Any, args: argparse.Namespace) -> Message:
    from fieldapp.sync.parcels import import_parcel

    report = import_parcel(store, read_file(args.file))
    return Message.of(headless.PARCEL_APPLIED_LATE if report.pull_skipped else headless.PARCEL_APPLIED,
                      seq=report.seq, summary=report.round.summary())


def _hand_in(store: Any, args: argparse.Namespace) -> Message:
    from fieldapp.sync.parcels import hand_in

    data, file_name = hand_in(store, read_file(args.file))
    target = (args.out or args.file.parent) / file_name
    write_file(target, data)
    return Message.of(headless.HANDED_IN, file=target)


_ACTIONS: dict[str, Callable[[Any, argparse.Namespace], Message]] = {
    "export": _export, "import": _import, "hand-in": _hand_in}
